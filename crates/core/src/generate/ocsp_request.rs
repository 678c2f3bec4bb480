//! The OCSP request the page cannot send (RFC 6960 section 4.1): built here, sent by the user
//! with the commands shown beside it, each of which runs as shown.

use crate::decode::ext;
use crate::ocsp::{self, CertId, CertIdHash};
use crate::{Error, dn};
use serde::{Deserialize, Serialize};
use x509_cert::Certificate;

/// The file names the commands shown use: where the user keeps each file.
#[derive(Clone, Debug)]
pub struct OcspFiles<'a> {
    /// The certificate asked about.
    pub cert: &'a str,
    /// Its issuer's certificate.
    pub issuer: &'a str,
    /// The request, as saved.
    pub request: &'a str,
}

/// An OCSP request for one certificate, and how to send it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspRequestMade {
    /// The request's DER (`Content-Type: application/ocsp-request`).
    #[serde(skip)]
    pub der: Vec<u8>,
    /// The certificate's serial, lowercase hex.
    pub serial: String,
    /// The issuer, RFC 4514 text.
    pub issuer: String,
    /// The responder from the certificate's authorityInfoAccess, when it names one.
    pub url: Option<String>,
    /// The name the commands give the request's file.
    pub request_file: String,
    /// The commands that send it (OpenSSL's own request, then this one with curl) and read
    /// the answer; `RESPONDER_URL` stands where the certificate names no responder.
    pub commands: Vec<String>,
}

/// A request for `cert`, issued by `issuer`: SHA-1 CertID (what responders expect, RFC 5019)
/// and `nonce` when given.
pub fn ocsp_request(
    cert: &Certificate,
    issuer: &Certificate,
    nonce: Option<&[u8]>,
    files: &OcspFiles<'_>,
) -> Result<OcspRequestMade, Error> {
    let tbs = cert.tbs_certificate();
    if tbs.issuer() != issuer.tbs_certificate().subject() {
        return Err(Error::Form(format!(
            "the issuer given is {}, but the certificate was issued by {}",
            dn::rfc4514(issuer.tbs_certificate().subject()),
            dn::rfc4514(tbs.issuer())
        )));
    }
    let id = CertId::new(issuer, tbs.serial_number().clone(), CertIdHash::Sha1)
        .map_err(|e| Error::Form(format!("the CertID cannot be made: {e}")))?;
    let der = ocsp::request_der(&id, nonce)
        .map_err(|e| Error::Form(format!("the request cannot be encoded: {e}")))?;
    let url = ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default())
        .ocsp
        .into_iter()
        .next();
    let to = url.clone().unwrap_or_else(|| "RESPONDER_URL".into());
    let OcspFiles {
        cert: cert_file,
        issuer: issuer_file,
        request,
    } = files;
    Ok(OcspRequestMade {
        der,
        serial: crate::decode::cert::serial_hex(tbs.serial_number().as_bytes()),
        issuer: dn::rfc4514(tbs.issuer()),
        url,
        request_file: request.to_string(),
        commands: vec![
            format!(
                "openssl ocsp -issuer {issuer_file} -cert {cert_file} -url {to} -resp_text -noverify"
            ),
            format!(
                "curl -sS --data-binary @{request} -H 'Content-Type: application/ocsp-request' {to} -o response.der"
            ),
            "openssl ocsp -respin response.der -resp_text -noverify".into(),
        ],
    })
}

/// The request for the certificate of block `block` of one decoded input, its issuer found
/// among the input's other certificates (by name, and by key identifier when both carry one);
/// the commands name the files the page offers for the blocks (`certificate-2.pem`, …).
pub fn ocsp_request_in(
    blocks: &[&crate::decode::Decoded],
    block: usize,
    nonce: Option<&[u8]>,
) -> Result<OcspRequestMade, Error> {
    use der::Decode;
    let certificate = |d: &crate::decode::Decoded| {
        d.certificate()
            .and_then(|_| Certificate::from_der(&d.der).ok())
    };
    let (asked, cert) = blocks
        .iter()
        .filter(|d| d.block == block && d.item.is_none())
        .find_map(|d| Some((d, certificate(d)?)))
        .ok_or_else(|| Error::Form(format!("block {block} is not a certificate")))?;
    let report = asked.certificate().map(|c| &c.authority_key_id);
    let (issued_by, issuer) = blocks
        .iter()
        .filter(|d| d.block != block)
        .filter_map(|d| Some((d, certificate(d)?)))
        .find(|(d, issuer)| {
            let named = dn::compare(
                issuer.tbs_certificate().subject(),
                cert.tbs_certificate().issuer(),
            ) != dn::NameMatch::Different;
            let key_id = d.certificate().and_then(|c| c.subject_key_id.as_ref());
            named
                && match (report.and_then(Option::as_ref), key_id) {
                    (Some(aki), Some(ski)) => aki == ski,
                    _ => true,
                }
        })
        .ok_or_else(|| {
            Error::Form(format!(
                "the issuer's certificate ({}) is not in this input: paste it too",
                dn::rfc4514(cert.tbs_certificate().issuer())
            ))
        })?;
    let (cert_file, issuer_file) = (asked.pem_file_name(), issued_by.pem_file_name());
    let request = format!("{}.ocsp-request.der", asked.file_stem());
    ocsp_request(
        &cert,
        &issuer,
        nonce,
        &OcspFiles {
            cert: &cert_file,
            issuer: &issuer_file,
            request: &request,
        },
    )
}
