//! OpenSSH key and certificate rules: key strength, and what a certificate allows and for how
//! long.

use super::finding;
use super::registry::*;
use crate::decode::Validity;
use crate::decode::ssh::{SshCertificateReport, SshKeyReport};
use crate::finding::Finding;

/// The findings on one key: `what` names it in messages (`the key`, `the CA key`).
fn key_findings(algorithm: &str, bits: u32, what: &str, out: &mut Vec<Finding>) {
    match algorithm {
        "ssh-rsa" if bits < 2048 => out.push(finding(
            &SSH_RSA_TOO_SHORT,
            format!("{what} is RSA-{bits}; use Ed25519, or RSA of 3072 bits"),
        )),
        "ssh-dss" => out.push(finding(
            &SSH_DSA_KEY,
            format!("{what} is DSA, which OpenSSH no longer accepts"),
        )),
        _ => {}
    }
}

/// Every finding for one OpenSSH public or private key.
pub(super) fn key(k: &SshKeyReport) -> Vec<Finding> {
    let mut out = Vec::new();
    key_findings(&k.algorithm, k.bits, "the key", &mut out);
    out
}

/// Every finding for one OpenSSH certificate, most severe first.
pub(super) fn certificate(c: &SshCertificateReport) -> Vec<Finding> {
    let mut out = Vec::new();
    key_findings(&c.key.algorithm, c.bits, "the certified key", &mut out);
    if c.signature_valid == Some(false) {
        out.push(finding(
            &SSH_CERT_SIGNATURE_INVALID,
            format!(
                "the CA key ({}) does not verify the signature",
                c.ca_fingerprint_sha256
            ),
        ));
    }
    if c.signature_algorithm == "ssh-rsa" {
        out.push(finding(
            &SSH_CERT_SHA1,
            "signed with ssh-rsa (SHA-1), which OpenSSH 8.8 and later refuse".into(),
        ));
    }
    match c.validity {
        Validity::Expired => out.push(finding(
            &SSH_CERT_EXPIRED,
            format!(
                "expired at {}",
                c.valid_before
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ),
        )),
        Validity::NotYetValid => out.push(finding(
            &SSH_CERT_EXPIRED,
            format!("not valid before {}", c.valid_after),
        )),
        Validity::Valid => {}
    }
    if c.valid_before.is_none() {
        out.push(finding(
            &SSH_CERT_FOREVER,
            "valid forever: only a KRL on every server can stop it".into(),
        ));
    }
    if c.principals.is_empty() {
        out.push(finding(
            &SSH_CERT_NO_PRINCIPALS,
            format!(
                "no principals: valid for every {}",
                if c.cert_type == "host" {
                    "host"
                } else {
                    "user"
                }
            ),
        ));
    }
    let permits: Vec<&str> = c
        .extensions
        .iter()
        .chain(&c.critical_options)
        .map(|(name, _)| name.as_str())
        .collect();
    if c.cert_type == "host" && !permits.is_empty() {
        out.push(finding(
            &SSH_HOST_CERT_PERMITS,
            format!("a host certificate with {}", permits.join(", ")),
        ));
    }
    crate::sort::by_key(out, |f| f.severity)
}
