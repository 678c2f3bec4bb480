//! Constraints the caller imposes on top of the path's own: key usages and extended key usages
//! the leaf must allow, and the signature algorithms the path may use (what an application
//! such as a TLS library asks, and what x509-limbo's `key_usage`, `extended_key_usage` and
//! `signature_algorithms` fields say).

use super::rules::RuleResult;
use super::{Candidate, failure};
use crate::Error;
use const_oid::ObjectIdentifier;

/// x509-limbo's names for signature algorithms, beside the OpenSSL names [`crate::oids`] knows.
const SIGNATURE_ALGORITHM_ALIASES: &[(&str, &str)] = &[
    ("RSA_WITH_MD5", "1.2.840.113549.1.1.4"),
    ("RSA_WITH_SHA1", "1.2.840.113549.1.1.5"),
    ("RSA_WITH_SHA224", "1.2.840.113549.1.1.14"),
    ("RSA_WITH_SHA256", "1.2.840.113549.1.1.11"),
    ("RSA_WITH_SHA384", "1.2.840.113549.1.1.12"),
    ("RSA_WITH_SHA512", "1.2.840.113549.1.1.13"),
    ("RSA_WITH_SHA3_224", "2.16.840.1.101.3.4.3.13"),
    ("RSA_WITH_SHA3_256", "2.16.840.1.101.3.4.3.14"),
    ("RSA_WITH_SHA3_384", "2.16.840.1.101.3.4.3.15"),
    ("RSA_WITH_SHA3_512", "2.16.840.1.101.3.4.3.16"),
    ("RSASSA_PSS", "1.2.840.113549.1.1.10"),
    ("ECDSA_WITH_SHA1", "1.2.840.10045.4.1"),
    ("ECDSA_WITH_SHA224", "1.2.840.10045.4.3.1"),
    ("ECDSA_WITH_SHA256", "1.2.840.10045.4.3.2"),
    ("ECDSA_WITH_SHA384", "1.2.840.10045.4.3.3"),
    ("ECDSA_WITH_SHA512", "1.2.840.10045.4.3.4"),
    ("ECDSA_WITH_SHA3_224", "2.16.840.1.101.3.4.3.9"),
    ("ECDSA_WITH_SHA3_256", "2.16.840.1.101.3.4.3.10"),
    ("ECDSA_WITH_SHA3_384", "2.16.840.1.101.3.4.3.11"),
    ("ECDSA_WITH_SHA3_512", "2.16.840.1.101.3.4.3.12"),
    ("DSA_WITH_SHA1", "1.2.840.10040.4.3"),
    ("DSA_WITH_SHA224", "2.16.840.1.101.3.4.3.1"),
    ("DSA_WITH_SHA256", "2.16.840.1.101.3.4.3.2"),
    ("DSA_WITH_SHA384", "2.16.840.1.101.3.4.3.3"),
    ("DSA_WITH_SHA512", "2.16.840.1.101.3.4.3.4"),
    ("ED25519", "1.3.101.112"),
    ("ED448", "1.3.101.113"),
];

/// What the caller asks of the path besides a purpose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Required {
    /// keyUsage bits the leaf must assert when it has the extension (names as OpenSSL prints
    /// them, `digitalSignature`, …; `contentCommitment` is `nonRepudiation`).
    pub key_usage: Vec<String>,
    /// Extended key usages the leaf must allow (without the extension, any is allowed).
    pub extended_key_usage: Vec<ObjectIdentifier>,
    /// The only signature algorithms the path's links may use; empty for no limit.
    pub signature_algorithms: Vec<ObjectIdentifier>,
}

impl Required {
    /// Nothing asked.
    pub fn is_empty(&self) -> bool {
        self.key_usage.is_empty()
            && self.extended_key_usage.is_empty()
            && self.signature_algorithms.is_empty()
    }
}

/// A keyUsage name: OpenSSL's (`digitalSignature` … `decipherOnly`) or X.509's
/// `contentCommitment`.
pub fn key_usage_named(name: &str) -> Result<String, Error> {
    let name = match name.trim() {
        "contentCommitment" => "nonRepudiation",
        other => other,
    };
    crate::decode::ext::KEY_USAGE_NAMES
        .iter()
        .find(|(_, known)| *known == name)
        .map(|(_, known)| known.to_string())
        .ok_or_else(|| Error::Form(format!("key usage: {name:?} is not a keyUsage bit name")))
}

/// An extended key usage by name (`serverAuth`, `OCSPSigning`, …) or dotted OID.
pub fn extended_key_usage_named(name: &str) -> Result<ObjectIdentifier, Error> {
    named(name, "extended key usage", &[])
}

/// A certificate policy by dotted OID or the name certbench gives it (`anyPolicy`, `DV`, …).
pub fn policy_named(name: &str) -> Result<ObjectIdentifier, Error> {
    named(name, "policy", &[])
}

/// A signature algorithm by OpenSSL name (`sha256WithRSAEncryption`), x509-limbo name
/// (`RSA_WITH_SHA256`) or dotted OID.
pub fn signature_algorithm_named(name: &str) -> Result<ObjectIdentifier, Error> {
    named(name, "signature algorithm", SIGNATURE_ALGORITHM_ALIASES)
}

fn named(name: &str, what: &str, aliases: &[(&str, &str)]) -> Result<ObjectIdentifier, Error> {
    let name = name.trim();
    let alias = aliases.iter().find(|(alias, _)| *alias == name);
    let known = crate::oids::KNOWN.iter().find(|k| k.name == name);
    match (alias, known) {
        (Some((_, dotted)), _) => ObjectIdentifier::new(dotted).ok(),
        (None, Some(known)) => Some(known.oid),
        (None, None) => ObjectIdentifier::new(name).ok(),
    }
    .ok_or_else(|| {
        Error::Form(format!(
            "{what}: {name:?} is neither a known name nor an OID"
        ))
    })
}

/// The leaf asserts every key usage asked for (RFC 5280 §4.2.1.3: without the extension, the
/// key is not restricted).
pub(super) fn rule_4_2_1_3_required_key_usage(
    leaf: &Candidate<'_>,
    asked: &[String],
) -> RuleResult {
    let has_ku = leaf
        .exts
        .extensions
        .iter()
        .any(|e| e.is(const_oid::db::rfc5280::ID_CE_KEY_USAGE));
    let missing: Vec<&str> = asked
        .iter()
        .filter(|bit| has_ku && !leaf.exts.key_usage.contains(bit))
        .map(String::as_str)
        .collect();
    match (has_ku, missing.is_empty()) {
        (false, _) => Ok("no keyUsage extension: not restricted".into()),
        (true, true) => Ok(format!("keyUsage asserts {}", asked.join(", "))),
        (true, false) => Err(failure(
            "required_key_usage",
            format!(
                "the leaf's keyUsage ({}) lacks {}, which the caller requires",
                leaf.exts.key_usage.join(", "),
                missing.join(", ")
            ),
        )),
    }
}

/// The leaf allows every extended key usage asked for (RFC 5280 §4.2.1.12).
pub(super) fn rule_4_2_1_12_required_eku(
    leaf: &Candidate<'_>,
    asked: &[ObjectIdentifier],
) -> RuleResult {
    let ekus = &leaf.exts.extended_key_usage;
    let missing: Vec<String> = asked
        .iter()
        .map(crate::oids::name)
        .filter(|name| {
            !ekus.is_empty() && !ekus.iter().any(|e| e == name || e == "anyExtendedKeyUsage")
        })
        .collect();
    match (ekus.is_empty(), missing.is_empty()) {
        (true, _) => Ok("no extendedKeyUsage: any purpose".into()),
        (false, true) => Ok(format!("extendedKeyUsage allows {}", ekus.join(", "))),
        (false, false) => Err(failure(
            "extended_key_usage",
            format!(
                "extendedKeyUsage is {} but {} is required",
                ekus.join(", "),
                missing.join(", ")
            ),
        )),
    }
}

/// The certificate is signed with an algorithm the caller allows.
pub(super) fn allowed_signature_algorithm(
    cert: &Candidate<'_>,
    allowed: &[ObjectIdentifier],
) -> RuleResult {
    let used = &cert.cert.signature_algorithm().oid;
    let name = crate::oids::name(used);
    match allowed.contains(used) {
        true => Ok(format!("{name} is allowed")),
        false => Err(failure(
            "signature_algorithm_not_allowed",
            format!(
                "it is signed with {name}, which is not among the algorithms allowed ({})",
                allowed
                    .iter()
                    .map(crate::oids::name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}
