//! Post-quantum keys in certificates (FIPS 203, 204, 205 and the LAMPS drafts that put them in
//! X.509): sizes, key usage, and who accepts them today.

use super::finding;
use super::registry::*;
use crate::decode::{CertificateReport, KeyAlgorithm};
use crate::finding::Finding;

/// Each post-quantum algorithm certbench names: name, public key bytes, whether it signs.
const PQ_KEYS: [(&str, usize, bool); 18] = [
    ("ML-DSA-44", 1312, true),
    ("ML-DSA-65", 1952, true),
    ("ML-DSA-87", 2592, true),
    ("ML-KEM-512", 800, false),
    ("ML-KEM-768", 1184, false),
    ("ML-KEM-1024", 1568, false),
    ("SLH-DSA-SHA2-128s", 32, true),
    ("SLH-DSA-SHA2-128f", 32, true),
    ("SLH-DSA-SHA2-192s", 48, true),
    ("SLH-DSA-SHA2-192f", 48, true),
    ("SLH-DSA-SHA2-256s", 64, true),
    ("SLH-DSA-SHA2-256f", 64, true),
    ("SLH-DSA-SHAKE-128s", 32, true),
    ("SLH-DSA-SHAKE-128f", 32, true),
    ("SLH-DSA-SHAKE-192s", 48, true),
    ("SLH-DSA-SHAKE-192f", 48, true),
    ("SLH-DSA-SHAKE-256s", 64, true),
    ("SLH-DSA-SHAKE-256f", 64, true),
];

/// The row of a post-quantum key algorithm.
fn pq_key(algorithm: &KeyAlgorithm) -> Option<&'static (&'static str, usize, bool)> {
    match algorithm {
        KeyAlgorithm::Other(name) => PQ_KEYS.iter().find(|(n, ..)| n == name),
        _ => None,
    }
}

/// Whether a certificate's key or signature is post-quantum.
pub(super) fn is_pq(c: &CertificateReport) -> bool {
    pq_key(&c.public_key.algorithm).is_some()
        || PQ_KEYS
            .iter()
            .any(|(name, _, signs)| *signs && c.signature_algorithm == *name)
}

/// The post-quantum findings on one certificate.
pub(super) fn findings(c: &CertificateReport) -> Vec<Finding> {
    let mut out = Vec::new();
    if !is_pq(c) {
        return out;
    }
    out.push(finding(
        &PQ_NOT_IN_WEB_PKI,
        format!(
            "a {} key signed with {}: OpenSSL 3.5 and later verify it; no browser accepts post-quantum certificates yet",
            c.public_key.algorithm, c.signature_algorithm
        ),
    ));
    let Some(&(name, size, signs)) = pq_key(&c.public_key.algorithm) else {
        return out;
    };
    let found = c.public_key.public_hex.len() / 2;
    if found != size {
        out.push(finding(
            &PQ_KEY_SIZE,
            format!("an {name} public key is {size} bytes; this one is {found}"),
        ));
    }
    let wrong: Vec<&str> = c
        .key_usage
        .iter()
        .map(String::as_str)
        .filter(|bit| match signs {
            true => matches!(
                *bit,
                "keyEncipherment"
                    | "dataEncipherment"
                    | "keyAgreement"
                    | "encipherOnly"
                    | "decipherOnly"
            ),
            false => *bit != "keyEncipherment",
        })
        .collect();
    if !wrong.is_empty() {
        out.push(finding(
            &PQ_KEY_USAGE,
            format!("keyUsage {} on an {name} key", wrong.join(", ")),
        ));
    }
    out
}
