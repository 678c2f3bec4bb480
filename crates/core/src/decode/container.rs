//! Containers that carry certificates: PKCS#7 / CMS `SignedData` bundles (`.p7b`, RFC 5652)
//! and PKCS#12 files (`.p12`/`.pfx`, RFC 7292).

use super::cert::{self, CertificateReport};
use crate::{input, oids, time::UnixTime};
use const_oid::ObjectIdentifier as Oid;
use der::{Any, Decode, Encode, Sequence, Tagged};
use serde::{Deserialize, Serialize};

const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");

/// RFC 5652 section 3: `ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }`.
#[derive(Sequence)]
struct ContentInfo {
    content_type: Oid,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    content: Option<Any>,
}

/// RFC 5652 section 5.1, up to the fields certbench reads; the rest is kept opaque.
#[derive(Sequence)]
struct SignedData {
    version: u8,
    digest_algorithms: Any,
    encap_content_info: Any,
    #[asn1(
        context_specific = "0",
        tag_mode = "IMPLICIT",
        constructed = "true",
        optional = "true"
    )]
    certificates: Option<Vec<Any>>,
    #[asn1(
        context_specific = "1",
        tag_mode = "IMPLICIT",
        constructed = "true",
        optional = "true"
    )]
    crls: Option<Vec<Any>>,
    signer_infos: Any,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// A PKCS#7 `SignedData` bundle (`.p7b`): the certificates it carries.
pub struct Pkcs7Report {
    /// Its certificates, each reported in full.
    pub certificates: Vec<CertificateReport>,
    /// How many CRLs it carries.
    pub crl_count: usize,
    /// How many signatures it carries (none in a certificate bundle).
    pub signer_count: usize,
}

/// A PKCS#7 `SignedData` bundle, as `openssl crl2pkcs7` and Windows `.p7b` exports write.
pub fn pkcs7(der: &[u8], now: UnixTime) -> Result<Pkcs7Report, der::Error> {
    let info = ContentInfo::from_der(der)?;
    if info.content_type != SIGNED_DATA {
        return Err(der::Tag::ObjectIdentifier.value_error().into());
    }
    let content = info
        .content
        .ok_or_else(|| der::Error::from(der::ErrorKind::Failed))?;
    let signed = SignedData::from_der(&content.to_der()?)?;
    let mut certificates = Vec::new();
    for bytes in certificate_choices(&signed)? {
        certificates.push(cert::report(
            &super::AsIssued::from_der(&bytes)?,
            &bytes,
            now,
        ));
    }
    let signer_count = count_set(&signed.signer_infos);
    Ok(Pkcs7Report {
        certificates,
        crl_count: signed.crls.map_or(0, |c| c.len()),
        signer_count,
    })
}

/// The DER of each certificate in a PKCS#7 `SignedData` bundle, in order.
pub fn pkcs7_certificates(der: &[u8]) -> Result<Vec<Vec<u8>>, der::Error> {
    let info = ContentInfo::from_der(der)?;
    let content = info
        .content
        .ok_or_else(|| der::Error::from(der::ErrorKind::Failed))?;
    certificate_choices(&SignedData::from_der(&content.to_der()?)?)
}

/// CertificateChoices: only plain certificates (a SEQUENCE); attribute certificates are skipped.
fn certificate_choices(signed: &SignedData) -> Result<Vec<Vec<u8>>, der::Error> {
    signed
        .certificates
        .iter()
        .flatten()
        .filter(|choice| choice.tag() == der::Tag::Sequence)
        .map(|choice| choice.to_der())
        .collect()
}

fn count_set(any: &Any) -> usize {
    let mut rest = any.value();
    let mut n = 0;
    while let Ok(len) = input::outer_length(rest) {
        let Some(tail) = rest.get(len..) else { break };
        rest = tail;
        n += 1;
    }
    n
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// A PKCS#12 file (`.p12`, `.pfx`) before its password is given: how it is protected.
pub struct Pkcs12Report {
    /// The integrity MAC's hash and iteration count (`sha256, 2048 iterations`), if any.
    pub mac: Option<String>,
    /// What is needed to see inside.
    pub note: String,
    /// Its certificates are encrypted with RC2 or RC4 (OpenSSL 1.x's and Java's default):
    /// OpenSSL 3 opens it only with `-legacy`.
    #[serde(default)]
    pub legacy_ciphers: bool,
}

/// Recognises a PKCS#12 file; its contents are encrypted and need the password.
pub fn pkcs12(der: &[u8]) -> Result<Pkcs12Report, der::Error> {
    Ok(Pkcs12Report {
        mac: crate::pkcs12::mac_algorithm(der)?
            .map(|(hash, iterations)| format!("{}, {iterations} iterations", oids::name(&hash))),
        note: "a PKCS#12 bundle (key and certificates); its contents are encrypted with a password"
            .into(),
        legacy_ciphers: crate::pkcs12::uses_legacy_ciphers(der),
    })
}
