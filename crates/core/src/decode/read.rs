//! Certificates read whole from any input (PEM, DER or base64): what verification and signing
//! take, where a block that is not a certificate is an error rather than a report.

use crate::{Certificate, error::Error};
use der::Decode;

/// Every certificate in `input` (PEM, DER or base64); any block that is not a certificate is an
/// error naming it, since a verdict over half a bundle would mislead.
pub fn read_certificates(input: &[u8]) -> Result<Vec<Certificate>, Error> {
    Ok(certificate_blocks(input)?
        .into_iter()
        .map(|(cert, _)| cert)
        .collect())
}

/// The certificates in `input` (PEM, DER or base64) as PEM text, ready to paste into a field.
pub fn certificates_as_pem(input: &[u8]) -> Result<String, Error> {
    let mut pem = String::new();
    for (_, der) in certificate_blocks(input)? {
        pem.push_str(&crate::input::pem("CERTIFICATE", &der)?);
    }
    Ok(pem)
}

/// Every CRL in `input` (PEM `X509 CRL` blocks, DER or base64), or where one is not a CRL.
pub fn read_crls(input: &[u8]) -> Result<Vec<x509_cert::crl::CertificateList>, Error> {
    crate::input::read_blocks(input)?
        .into_iter()
        .map(|block| {
            let block = block?;
            x509_cert::crl::CertificateList::from_der(&block.der).map_err(|e| {
                Error::UnsupportedKind {
                    at: block.at.clone(),
                    detail: format!("expected a CRL: {e}"),
                }
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
        let cert = Certificate::from_der(&block.der).map_err(|e| Error::UnsupportedKind {
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
        })?;
        certs.push((cert, block.der));
    }
    Ok(certs)
}
