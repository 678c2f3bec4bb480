//! Certificates read whole from any input (PEM, DER or base64): what verification and signing
//! take, where a block that is not a certificate is an error rather than a report.

use crate::{Certificate, error::Error};
use der::Decode;
use x509_cert::crl::CertificateList;

/// Every certificate in `input` (PEM, DER or base64); any block that is not a certificate is an
/// error naming it, since a verdict over half a bundle would mislead.
pub fn read_certificates(input: &[u8]) -> Result<Vec<Certificate>, Error> {
    Ok(certificate_blocks(input)?
        .into_iter()
        .map(|(cert, _)| cert)
        .collect())
}

/// The certificates, CRLs and OCSP responses in `input` (PEM, DER or base64) as PEM text
/// (`CERTIFICATE`, `X509 CRL`, `OCSP RESPONSE`), ready to paste into a field: what a file
/// dropped on one of Verify's fields adds.
pub fn certificates_as_pem(input: &[u8]) -> Result<String, Error> {
    let mut pem = String::new();
    for block in crate::input::read_blocks(input)? {
        let block = block?;
        let label = match Evidence::kind(&block)? {
            Item::Certificate(_) => "CERTIFICATE",
            Item::Crl(_) => "X509 CRL",
            #[cfg(feature = "ocsp")]
            Item::Ocsp(_) => "OCSP RESPONSE",
        };
        pem.push_str(&crate::input::pem(label, &block.der)?);
    }
    Ok(pem)
}

/// What a chain field holds: certificates, and the CRLs and OCSP responses pasted among them.
#[derive(Debug, Default)]
pub struct Evidence {
    /// The certificates.
    pub certificates: Vec<Certificate>,
    /// The CRLs.
    pub crls: Vec<CertificateList>,
    /// The OCSP responses.
    #[cfg(feature = "ocsp")]
    pub ocsp: Vec<crate::ocsp::OcspResponse>,
}

/// One block of [`Evidence`].
enum Item {
    Certificate(Certificate),
    Crl(CertificateList),
    #[cfg(feature = "ocsp")]
    Ocsp(crate::ocsp::OcspResponse),
}

impl Evidence {
    /// Each block of `input`: a certificate, a CRL or an OCSP response, or where one is none
    /// of them.
    pub fn read(input: &[u8]) -> Result<Evidence, Error> {
        let mut evidence = Evidence::default();
        for block in crate::input::read_blocks(input)? {
            match Evidence::kind(&block?)? {
                Item::Certificate(cert) => evidence.certificates.push(cert),
                Item::Crl(crl) => evidence.crls.push(crl),
                #[cfg(feature = "ocsp")]
                Item::Ocsp(response) => evidence.ocsp.push(response),
            }
        }
        Ok(evidence)
    }

    /// What `block` is: a certificate, else a CRL, else an OCSP response; else why it is not
    /// a certificate.
    fn kind(block: &crate::input::Block) -> Result<Item, Error> {
        #[cfg(feature = "ocsp")]
        const EXPECTED: &str = "a certificate, a CRL or an OCSP response";
        #[cfg(not(feature = "ocsp"))]
        const EXPECTED: &str = "a certificate or a CRL";
        let not_a_certificate = match certificate_or(block, EXPECTED) {
            Ok(cert) => return Ok(Item::Certificate(cert)),
            Err(e) => e,
        };
        if let Ok(crl) = <CertificateList>::from_der(&block.der) {
            return Ok(Item::Crl(crl));
        }
        #[cfg(feature = "ocsp")]
        if let Ok(response) = crate::ocsp::OcspResponse::from_der(&block.der) {
            return Ok(Item::Ocsp(response));
        }
        Err(not_a_certificate)
    }
}

/// Every CRL in `input` (PEM `X509 CRL` blocks, DER or base64), or where one is not a CRL.
pub fn read_crls(input: &[u8]) -> Result<Vec<CertificateList>, Error> {
    crate::input::read_blocks(input)?
        .into_iter()
        .map(|block| {
            let block = block?;
            CertificateList::from_der(&block.der).map_err(|e| Error::UnsupportedKind {
                at: block.at.clone(),
                detail: format!("expected a CRL: {e}"),
            })
        })
        .collect()
}

/// Every OCSP response in `input` (DER, base64, or PEM `OCSP RESPONSE` blocks), or where one
/// is not a response.
#[cfg(feature = "ocsp")]
pub fn read_ocsp_responses(input: &[u8]) -> Result<Vec<crate::ocsp::OcspResponse>, Error> {
    crate::input::read_blocks(input)?
        .into_iter()
        .map(|block| {
            let block = block?;
            crate::ocsp::OcspResponse::from_der(&block.der).map_err(|e| Error::UnsupportedKind {
                at: block.at.clone(),
                detail: format!("expected an OCSP response: {e}"),
            })
        })
        .collect()
}

/// Each certificate with the DER it was read from.
fn certificate_blocks(input: &[u8]) -> Result<Vec<(Certificate, Vec<u8>)>, Error> {
    let mut certs = Vec::new();
    for block in crate::input::read_blocks(input)? {
        let block = block?;
        certs.push((certificate(&block)?, block.der));
    }
    Ok(certs)
}

/// One block read as a certificate, or why it is not one.
fn certificate(block: &crate::input::Block) -> Result<Certificate, Error> {
    certificate_or(block, "a certificate")
}

/// One block read as a certificate, or why it is not one of the kinds `expected` names.
fn certificate_or(block: &crate::input::Block, expected: &str) -> Result<Certificate, Error> {
    Certificate::from_der(&block.der).map_err(|e| Error::UnsupportedKind {
        at: block.at.clone(),
        detail: match super::AsIssued::from_der(&block.der) {
            // Readable but for RFC 5280's limit: say which rule, as clients refuse it.
            Ok(raw) => format!(
                "the certificate's serial number is {} bytes long; RFC 5280 section 4.1.2.2 allows at most 20, and clients refuse it",
                super::cert::serial_hex(raw.tbs_certificate().serial_number().as_bytes())
                    .trim_start_matches('-')
                    .len()
                    / 2
            ),
            Err(_) => format!("expected {expected}: {e}"),
        },
    })
}
