//! CSRs: making one, reading what one asks for, and signing one with a CA.

use super::KeyPair;
use super::engine;
use super::extensions::{Prebuilt, extension};
use super::issue::build;
use super::names::parse_san;
use super::request::{IssuedBy, Request, Subject};
use crate::{dn, error::Error, time::UnixTime};
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc5280::{
    ID_CE_AUTHORITY_KEY_IDENTIFIER as AUTHORITY_KEY_ID,
    ID_CE_BASIC_CONSTRAINTS as BASIC_CONSTRAINTS, ID_CE_SUBJECT_ALT_NAME as SUBJECT_ALT_NAME,
    ID_CE_SUBJECT_KEY_IDENTIFIER as SUBJECT_KEY_ID,
};
use der::{Decode, Encode};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use x509_cert::{
    Certificate,
    ext::pkix::SubjectAltName,
    request::{CertReq, RequestBuilder},
};

/// A PKCS#10 CSR (DER) for `subject` and `san`, signed by `key` (proof of possession).
pub fn csr(subject: &Subject, san: &[String], key: &KeyPair) -> Result<Vec<u8>, Error> {
    let mut builder =
        RequestBuilder::new(subject.to_name()?).map_err(|e| Error::Build(e.to_string()))?;
    if !san.is_empty() {
        let names = san
            .iter()
            .map(|s| parse_san(s))
            .collect::<Result<Vec<_>, _>>()?;
        builder
            .add_extension(Prebuilt(extension(
                SUBJECT_ALT_NAME,
                false,
                &SubjectAltName(names),
            )?))
            .map_err(|e| Error::Build(e.to_string()))?;
    }
    key.sign(builder)?
        .to_der()
        .map_err(|e| Error::Build(e.to_string()))
}

/// What signing a CSR produced, and what of the request was not copied.
#[derive(Clone, Debug)]
pub struct SignedCsr {
    /// The certificate made.
    pub cert: Certificate,
    /// Requested extensions certbench did not copy, by name (e.g. `basicConstraints CA:TRUE`).
    pub ignored: Vec<String>,
}

/// One extension a CSR asks for, and whether the user may have it copied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requested {
    /// The extension, decoded.
    pub extension: crate::decode::ext::ExtensionReport,
    /// Why it is never copied as requested, when so.
    pub never: Option<std::borrow::Cow<'static, str>>,
}

/// Why a requested extension is never copied: these come from the form and the keys.
pub(super) fn never_copied(oid: &str) -> Option<&'static str> {
    Some(match crate::extension::by_dotted(oid)?.oid {
        SUBJECT_ALT_NAME => "the SAN field decides: left empty, the CSR's names are used",
        BASIC_CONSTRAINTS => {
            "CA rights come from the profile: choose the intermediate profile to make a CA"
        }
        SUBJECT_KEY_ID | AUTHORITY_KEY_ID => "computed from the keys",
        _ => return None,
    })
}

/// What a CSR asks for, extension by extension, for the user to accept or leave.
pub fn requested_extensions(csr_der: &[u8]) -> Result<Vec<Requested>, Error> {
    let req = CertReq::from_der(csr_der).map_err(|e| Error::Build(format!("not a CSR: {e}")))?;
    Ok(
        crate::decode::ext::decode(&crate::decode::csr_extensions(&req))
            .extensions
            .into_iter()
            .map(|extension| Requested {
                never: never_copied(&extension.oid).map(Into::into),
                extension,
            })
            .collect(),
    )
}

/// Signs a CSR with a CA as `request.profile`: its subject and key, the SANs it asks for
/// unless `request` gives its own, and the other requested extensions whose OIDs are in
/// `request.copy` (never CA rights: see [`requested_extensions`]). The CSR's signature is
/// checked by `engine`.
pub fn sign_csr<R: CryptoRng + ?Sized>(
    csr_der: &[u8],
    mut request: Request,
    ca_cert: &Certificate,
    ca_key: &KeyPair,
    engine: &dyn engine::Engine,
    now: UnixTime,
    rng: &mut R,
) -> Result<SignedCsr, Error> {
    let req = CertReq::from_der(csr_der).map_err(|e| Error::Build(format!("not a CSR: {e}")))?;
    crate::signature::Check::csr(&req)
        .and_then(|check| engine.check(&check))
        .map_err(|e| {
            Error::Build(format!(
                "the CSR's signature does not verify ({e}): it was altered or not signed by its key"
            ))
        })?;
    let ignored = from_csr(&req, &mut request);
    let cert = build(
        &request,
        req.info.subject.clone(),
        &req.info.public_key,
        IssuedBy::Ca {
            cert: ca_cert,
            key: ca_key,
        },
        now,
        rng,
    )?;
    Ok(SignedCsr { cert, ignored })
}

/// Fills `request` from the CSR `req` as signing it does: the CSR's names unless the request
/// gives its own, and the requested extensions the user accepted (`request.copy`). Returns
/// what is not copied, in words.
pub(super) fn from_csr(req: &CertReq, request: &mut Request) -> Vec<String> {
    let requested = crate::decode::csr_extensions(req);
    let decoded = crate::decode::ext::decode(&requested);
    if request.san.is_empty() {
        request.san = decoded.san.clone();
    }
    let mut ignored = Vec::new();
    if decoded.is_ca {
        ignored.push("basicConstraints CA:TRUE (the CSR asked to be a CA; choose the intermediate profile to mean it)".to_string());
    }
    for (wanted, report) in requested.iter().zip(&decoded.extensions) {
        let oid = report.oid.as_str();
        if never_copied(oid).is_some() {
            continue;
        }
        if request.copy.iter().any(|c| c == oid) {
            request.copied.push(wanted.clone());
        } else {
            ignored.push(format!("{} (set by the profile instead)", report.name));
        }
    }
    ignored
}

/// What signing a CSR will make, before it is signed: its subject, the names it will carry
/// and where they come from, and the request filled from it (for [`preview_extensions`]).
pub struct CsrPreview {
    /// The subject the certificate will carry: the CSR's.
    pub subject: String,
    /// The request, filled from the CSR and the form.
    pub request: Request,
    /// The CSR's public key is RSA (keyEncipherment goes with it).
    pub rsa: bool,
    /// The names the CSR asks for (its SAN), which the request's names replace when given.
    pub csr_names: Vec<String>,
}

/// [`sign_csr`]'s view of `csr_der` with `request`, without checking or signing anything.
pub fn preview_csr(csr_der: &[u8], mut request: Request) -> Result<CsrPreview, Error> {
    let req = CertReq::from_der(csr_der).map_err(|e| Error::Build(format!("not a CSR: {e}")))?;
    let csr_names = crate::decode::ext::decode(&crate::decode::csr_extensions(&req)).san;
    from_csr(&req, &mut request);
    Ok(CsrPreview {
        subject: dn::rfc4514(&req.info.subject),
        rsa: req.info.public_key.algorithm.oid == Oid::new_unwrap("1.2.840.113549.1.1.1"),
        request,
        csr_names,
    })
}
