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

/// The certificates and CRLs in `input` (PEM, DER or base64) as PEM text (`CERTIFICATE`,
/// `X509 CRL`), ready to paste into a field: what a file dropped on one of Verify's fields adds.
pub fn certificates_as_pem(input: &[u8]) -> Result<String, Error> {
    let mut pem = String::new();
    for block in crate::input::read_blocks(input)? {
        let block = block?;
        let label = match certificate(&block) {
            Ok(_) => "CERTIFICATE",
            Err(_) if <CertificateList>::from_der(&block.der).is_ok() => "X509 CRL",
            Err(e) => return Err(e),
        };
        pem.push_str(&crate::input::pem(label, &block.der)?);
    }
    Ok(pem)
}

/// The certificates of a chain and the CRLs pasted among them: each block of `input` a
/// certificate or else a CRL, or where one is neither.
pub fn read_chain(input: &[u8]) -> Result<(Vec<Certificate>, Vec<CertificateList>), Error> {
    let (mut certs, mut crls) = (Vec::new(), Vec::new());
    for block in crate::input::read_blocks(input)? {
        let block = block?;
        match certificate(&block) {
            Ok(cert) => certs.push(cert),
            Err(e) => crls.push(<CertificateList>::from_der(&block.der).map_err(|_| e)?),
        }
    }
    Ok((certs, crls))
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
            Err(_) => format!("expected a certificate: {e}"),
        },
    })
}
