//! X.509 extensions, one row each: the OID, its name as OpenSSL prints it, what it is for, why
//! it matters, how its value is shown, and whether the verifier processes it when it is
//! critical. Decoding ([`crate::decode::ext`]), naming ([`crate::oids::name`]), the glossary
//! beside each card and the verifier's critical-extension rule all read this table: adding an
//! extension is a row here, a decoder in `decode/ext.rs` when its value says more than hex,
//! and a test.

use crate::glossary::Entry;
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::{rfc5280 as pkix, rfc6960, rfc6962};
use std::sync::OnceLock;

/// How an extension's value is shown: each kind but [`Value::Hex`] has its decoder in
/// `decode/ext.rs`, which also notes what reports and checks need (SANs, CA flag, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// RFC 5280 §4.2.1.1.
    AuthorityKeyIdentifier,
    /// RFC 5280 §4.2.1.2.
    SubjectKeyIdentifier,
    /// RFC 5280 §4.2.1.3.
    KeyUsage,
    /// RFC 5280 §4.2.1.4.
    CertificatePolicies,
    /// RFC 5280 §4.2.1.6.
    SubjectAltName,
    /// RFC 5280 §4.2.1.7.
    IssuerAltName,
    /// RFC 5280 §4.2.1.9.
    BasicConstraints,
    /// RFC 5280 §4.2.1.10.
    NameConstraints,
    /// RFC 5280 §4.2.1.11.
    PolicyConstraints,
    /// RFC 5280 §4.2.1.5.
    PolicyMappings,
    /// RFC 5280 §4.2.1.12.
    ExtendedKeyUsage,
    /// RFC 5280 §4.2.1.13.
    CrlDistributionPoints,
    /// RFC 5280 §4.2.1.14.
    InhibitAnyPolicy,
    /// RFC 5280 §4.2.2.1.
    AuthorityInfoAccess,
    /// RFC 7633.
    TlsFeature,
    /// RFC 6962 §3.3.
    SignedCertificateTimestamps,
    /// Shown as its bytes.
    Hex,
}

/// One X.509 extension certbench knows.
#[derive(Debug)]
pub struct Extension {
    /// From `const_oid::db` where it is there.
    pub oid: Oid,
    /// OpenSSL's name for it.
    pub name: &'static str,
    /// What it is for, in a few plain words.
    pub about: &'static str,
    /// What it is and why it matters, for the glossary beside it.
    pub why: Option<Entry>,
    /// How its value is shown.
    pub value: Value,
    /// The verifier processes it, so a critical one does not fail a path (RFC 5280 §6.1.3,
    /// "unrecognized critical extension").
    pub processed_when_critical: bool,
}

/// RFC 7633 TLS feature (OCSP must-staple); not in `const_oid::db`.
pub const TLS_FEATURE: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.24");
/// Netscape's certificate type and comment, from before X.509v3 had EKU.
const NS_CERT_TYPE: Oid = Oid::new_unwrap("2.16.840.1.113730.1.1");
const NS_COMMENT: Oid = Oid::new_unwrap("2.16.840.1.113730.1.13");
/// Microsoft Active Directory Certificate Services templates.
const MS_CERTIFICATE_TEMPLATE_NAME: Oid = Oid::new_unwrap("1.3.6.1.4.1.311.20.2");
const MS_CERTIFICATE_TEMPLATE: Oid = Oid::new_unwrap("1.3.6.1.4.1.311.21.7");

const fn why(what: &'static str, why: &'static str, source: &'static str) -> Option<Entry> {
    Some(Entry { what, why, source })
}

/// A row of [`EXTENSIONS`].
const fn row(
    oid: Oid,
    name: &'static str,
    about: &'static str,
    why: Option<Entry>,
    value: Value,
    processed_when_critical: bool,
) -> Extension {
    Extension {
        oid,
        name,
        about,
        why,
        value,
        processed_when_critical,
    }
}

/// Every extension certbench names.
pub static EXTENSIONS: &[Extension] = &[
    row(
        pkix::ID_CE_SUBJECT_KEY_IDENTIFIER,
        "subjectKeyIdentifier",
        "identifies this certificate's public key",
        why(
            "An identifier of this certificate's key (usually a SHA-1 of it).",
            "Children name their issuer's key by it (AKI), so clients can pick the right issuer among several with the same name.",
            "RFC 5280 §4.2.1.2",
        ),
        Value::SubjectKeyIdentifier,
        true,
    ),
    row(
        pkix::ID_CE_KEY_USAGE,
        "keyUsage",
        "what the key may be used for",
        why(
            "What the key may do: sign (digitalSignature), carry keys (keyEncipherment), sign certificates (keyCertSign) or CRLs (cRLSign).",
            "Validators refuse a CA key without keyCertSign, and a TLS key whose usage forbids the handshake.",
            "RFC 5280 §4.2.1.3",
        ),
        Value::KeyUsage,
        true,
    ),
    row(
        pkix::ID_CE_SUBJECT_ALT_NAME,
        "subjectAltName",
        "the names this certificate is valid for",
        why(
            "The names the certificate is valid for: DNS names, IP addresses, emails, URIs.",
            "Host name checks read only this; a name missing here fails even if it is in the CN.",
            "RFC 5280 §4.2.1.6",
        ),
        Value::SubjectAltName,
        true,
    ),
    row(
        pkix::ID_CE_ISSUER_ALT_NAME,
        "issuerAltName",
        "other names of the issuer",
        None,
        Value::IssuerAltName,
        true,
    ),
    row(
        pkix::ID_CE_BASIC_CONSTRAINTS,
        "basicConstraints",
        "whether this is a CA, and how deep below it chains may go",
        why(
            "Whether the certificate is a CA, and how many CAs may follow below it (pathlen).",
            "Must be critical and CA:TRUE on every CA; a leaf must not be a CA, or it could issue for any name.",
            "RFC 5280 §4.2.1.9",
        ),
        Value::BasicConstraints,
        true,
    ),
    row(
        pkix::ID_CE_NAME_CONSTRAINTS,
        "nameConstraints",
        "names the CA may issue for",
        why(
            "The names a CA may issue for (permitted) or not (excluded).",
            "Lets a private or partner CA be trusted for its own domains only.",
            "RFC 5280 §4.2.1.10",
        ),
        Value::NameConstraints,
        true,
    ),
    row(
        pkix::ID_CE_CRL_DISTRIBUTION_POINTS,
        "crlDistributionPoints",
        "where the revocation list is published",
        why(
            "Where the issuer publishes its certificate revocation list.",
            "Without it (or OCSP) a revoked certificate cannot be detected.",
            "RFC 5280 §4.2.1.13",
        ),
        Value::CrlDistributionPoints,
        true,
    ),
    row(
        pkix::ID_CE_CERTIFICATE_POLICIES,
        "certificatePolicies",
        "policies the certificate was issued under",
        why(
            "The policies the CA issued under; CA/B Forum OIDs say DV, OV or EV.",
            "Tells how much the CA checked: the domain only (DV), the organisation (OV), or more (EV).",
            "RFC 5280 §4.2.1.4, CA/B BR §7.1.6",
        ),
        Value::CertificatePolicies,
        true,
    ),
    row(
        pkix::ID_CE_POLICY_MAPPINGS,
        "policyMappings",
        "policy equivalences between CAs",
        None,
        Value::PolicyMappings,
        true,
    ),
    row(
        pkix::ID_CE_AUTHORITY_KEY_IDENTIFIER,
        "authorityKeyIdentifier",
        "identifies the issuer's key",
        why(
            "The identifier of the issuer's key (its SKI).",
            "Lets a client find the right issuer when a CA has renewed its key or is cross-signed.",
            "RFC 5280 §4.2.1.1",
        ),
        Value::AuthorityKeyIdentifier,
        true,
    ),
    row(
        pkix::ID_CE_POLICY_CONSTRAINTS,
        "policyConstraints",
        "limits on policy mapping",
        why(
            "Limits on policy mapping and explicit policies below this CA.",
            "Used by policy-bound PKIs (government, finance) to keep policies meaningful down the chain.",
            "RFC 5280 §4.2.1.11",
        ),
        Value::PolicyConstraints,
        true,
    ),
    row(
        pkix::ID_CE_EXT_KEY_USAGE,
        "extendedKeyUsage",
        "the purposes the certificate is for",
        why(
            "What the certificate is for: serverAuth, clientAuth, codeSigning or emailProtection, among others.",
            "A client certificate presented by a server is refused (and the other way round).",
            "RFC 5280 §4.2.1.12",
        ),
        Value::ExtendedKeyUsage,
        true,
    ),
    row(
        pkix::ID_CE_FRESHEST_CRL,
        "freshestCRL",
        "where delta CRLs are published",
        None,
        Value::Hex,
        false,
    ),
    row(
        pkix::ID_CE_INHIBIT_ANY_POLICY,
        "inhibitAnyPolicy",
        "when anyPolicy stops counting",
        why(
            "How many certificates below may still use the special anyPolicy.",
            "Lets a CA stop sub-CAs from claiming every policy.",
            "RFC 5280 §4.2.1.14",
        ),
        Value::InhibitAnyPolicy,
        true,
    ),
    row(
        pkix::ID_CE_CRL_NUMBER,
        "cRLNumber",
        "CRL sequence number",
        None,
        Value::Hex,
        false,
    ),
    row(
        pkix::ID_CE_CRL_REASONS,
        "cRLReason",
        "why a certificate was revoked",
        None,
        Value::Hex,
        false,
    ),
    row(
        pkix::ID_CE_ISSUING_DISTRIBUTION_POINT,
        "issuingDistributionPoint",
        "which certificates this CRL covers",
        None,
        Value::Hex,
        false,
    ),
    row(
        pkix::ID_PE_AUTHORITY_INFO_ACCESS,
        "authorityInfoAccess",
        "where to find the issuer and its OCSP responder",
        why(
            "Where to find more: the OCSP responder and the issuer's certificate (caIssuers).",
            "Clients use caIssuers to fetch a missing intermediate, and OCSP to check revocation.",
            "RFC 5280 §4.2.2.1",
        ),
        Value::AuthorityInfoAccess,
        true,
    ),
    row(
        pkix::ID_PE_SUBJECT_INFO_ACCESS,
        "subjectInfoAccess",
        "services offered by the subject",
        None,
        Value::Hex,
        false,
    ),
    row(
        TLS_FEATURE,
        "tlsFeature",
        "TLS features the server must offer (OCSP must-staple)",
        why(
            "TLS features the server promises, such as status_request (OCSP must-staple).",
            "With must-staple, a server that does not staple a fresh OCSP response is refused.",
            "RFC 7633",
        ),
        Value::TlsFeature,
        true,
    ),
    row(
        rfc6962::CT_PRECERT_SCTS,
        "ctPrecertificateSCTs",
        "Certificate Transparency log proofs",
        why(
            "Signed timestamps from Certificate Transparency logs (SCTs).",
            "Chrome and Safari refuse public certificates without enough SCTs: CT makes mis-issuance visible.",
            "RFC 6962 §3.3",
        ),
        Value::SignedCertificateTimestamps,
        true,
    ),
    row(
        rfc6962::CT_PRECERT_POISON,
        "ctPrecertificatePoison",
        "marks a precertificate, never a real certificate",
        None,
        Value::Hex,
        false,
    ),
    row(
        rfc6960::ID_PKIX_OCSP_NOCHECK,
        "noCheck",
        "OCSP responder: do not check revocation",
        None,
        Value::Hex,
        false,
    ),
    row(
        rfc6960::ID_PKIX_OCSP_NONCE,
        "nonce",
        "OCSP nonce: the request's random bytes, echoed to prove freshness",
        None,
        Value::Hex,
        false,
    ),
    row(
        rfc6960::ID_PKIX_OCSP_CRL,
        "crlID",
        "OCSP: the CRL on which the revoked status is also found",
        None,
        Value::Hex,
        false,
    ),
    row(
        rfc6960::ID_PKIX_OCSP_ARCHIVE_CUTOFF,
        "archiveCutoff",
        "OCSP: how long the responder keeps status after a certificate expires",
        None,
        Value::Hex,
        false,
    ),
    row(
        NS_CERT_TYPE,
        "nsCertType",
        "Netscape certificate type (legacy)",
        None,
        Value::Hex,
        false,
    ),
    row(
        NS_COMMENT,
        "nsComment",
        "Netscape comment (legacy)",
        None,
        Value::Hex,
        false,
    ),
    row(
        MS_CERTIFICATE_TEMPLATE_NAME,
        "msCertificateTemplateName",
        "Microsoft certificate template name",
        None,
        Value::Hex,
        false,
    ),
    row(
        MS_CERTIFICATE_TEMPLATE,
        "msCertificateTemplate",
        "Microsoft certificate template",
        None,
        Value::Hex,
        false,
    ),
];

/// The row for `oid`, if certbench knows the extension.
pub fn lookup(oid: &Oid) -> Option<&'static Extension> {
    EXTENSIONS.iter().find(|e| e.oid == *oid)
}

/// The row whose dotted OID is `dotted` (reports carry OIDs as text).
pub fn by_dotted(dotted: &str) -> Option<&'static Extension> {
    with_dotted()
        .iter()
        .find(|(_, d)| d == dotted)
        .map(|&(row, _)| row)
}

/// Each row with its OID in dotted form, formatted once for the whole table: a bundle's report
/// spells tens of thousands of extension OIDs, and rules look rows up by them.
fn with_dotted() -> &'static [(&'static Extension, String)] {
    static ROWS: OnceLock<Vec<(&'static Extension, String)>> = OnceLock::new();
    ROWS.get_or_init(|| EXTENSIONS.iter().map(|e| (e, e.oid.to_string())).collect())
}

impl Extension {
    /// The OID in dotted form.
    pub fn dotted(&'static self) -> &'static str {
        with_dotted()
            .iter()
            .find(|(row, _)| std::ptr::eq(*row, self))
            .map_or("", |(_, dotted)| dotted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_unique_found_and_explained_in_sentences() {
        let oids: std::collections::BTreeSet<&[u8]> =
            EXTENSIONS.iter().map(|e| e.oid.as_bytes()).collect();
        assert_eq!(oids.len(), EXTENSIONS.len(), "an extension is listed twice");
        for e in EXTENSIONS {
            assert_eq!(lookup(&e.oid).map(|found| found.name), Some(e.name));
            assert_eq!(by_dotted(&e.oid.to_string()).map(|f| f.name), Some(e.name));
            if let Some(why) = e.why {
                assert!(
                    why.what.ends_with('.') && why.why.ends_with('.'),
                    "{}",
                    e.name
                );
                assert!(!why.source.is_empty(), "{}", e.name);
            }
            // A value the verifier acts on is one certbench decodes.
            assert!(
                !e.processed_when_critical || e.value != Value::Hex,
                "{}",
                e.name
            );
        }
        assert_eq!(
            lookup(&pkix::ID_CE_BASIC_CONSTRAINTS).map(Extension::dotted),
            Some("2.5.29.19")
        );
    }
}
