//! Verify: build a certification path from a bundle in any order to a trust anchor and check
//! it (RFC 5280 section 6), then match the leaf against a host name (RFC 6125) and pins.
//! Every check is recorded, passed or failed, so the verdict can be explained.

use crate::decode::{cert::verify_issued_by, ext};
use crate::error::Error;
use crate::{dn, time::UnixTime};
use base64ct::{Base64, Encoding};
use der::{Decode, Encode};
use serde::Serialize;
use sha2::Digest;
use x509_cert::Certificate;

/// The extended key usage the leaf is checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    Server,
    Client,
}

impl Purpose {
    fn eku(self) -> &'static str {
        match self {
            Purpose::Server => "serverAuth",
            Purpose::Client => "clientAuth",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub at: UnixTime,
    pub host: Option<String>,
    pub purpose: Option<Purpose>,
    /// `pin-sha256` values (base64 SHA-256 of a SubjectPublicKeyInfo); one must match the path.
    pub pins: Vec<String>,
    /// Most certificates in a path, anchor included.
    pub max_depth: usize,
}

impl Options {
    pub fn at(at: UnixTime) -> Options {
        Options {
            at,
            host: None,
            purpose: None,
            pins: Vec::new(),
            max_depth: 10,
        }
    }
}

/// The outcome: a verdict, the path chosen and every check made on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub valid: bool,
    /// Subjects from the leaf to the anchor (or to where the path stops).
    pub path: Vec<String>,
    /// The bundle was not in leaf-to-root order.
    pub reordered: bool,
    pub checks: Vec<Check>,
    pub errors: Vec<Failure>,
}

/// One check on one certificate of the path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Position in the path, 0 = leaf.
    pub depth: usize,
    /// Subject of the certificate checked.
    pub cert: String,
    /// Rule name, e.g. `signature`, `validity`, `basic_constraints`.
    pub check: &'static str,
    pub ok: bool,
    pub detail: String,
}

/// A failed check, explained for a person and mapped to the names other tools use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub code: &'static str,
    pub message: String,
    pub rfc: &'static str,
    pub openssl: &'static str,
    pub chromium: &'static str,
}

/// What each failure code means elsewhere: (code, RFC section, OpenSSL error, Chromium error).
const FAILURE_NAMES: &[(&str, &str, &str, &str)] = &[
    (
        "expired",
        "RFC 5280 §6.1.3 (a)(2)",
        "X509_V_ERR_CERT_HAS_EXPIRED (10)",
        "ERR_CERT_DATE_INVALID",
    ),
    (
        "not_yet_valid",
        "RFC 5280 §6.1.3 (a)(2)",
        "X509_V_ERR_CERT_NOT_YET_VALID (9)",
        "ERR_CERT_DATE_INVALID",
    ),
    (
        "bad_signature",
        "RFC 5280 §6.1.3 (a)(1)",
        "X509_V_ERR_CERT_SIGNATURE_FAILURE (7)",
        "ERR_CERT_INVALID",
    ),
    (
        "missing_issuer",
        "RFC 5280 §6.1",
        "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20)",
        "ERR_CERT_AUTHORITY_INVALID",
    ),
    (
        "untrusted_root",
        "RFC 5280 §6.1.1 (d)",
        "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN (19)",
        "ERR_CERT_AUTHORITY_INVALID",
    ),
    (
        "self_signed_leaf",
        "RFC 5280 §6.1.1 (d)",
        "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT (18)",
        "ERR_CERT_AUTHORITY_INVALID",
    ),
    (
        "not_a_ca",
        "RFC 5280 §6.1.4 (k)",
        "X509_V_ERR_INVALID_CA (24)",
        "ERR_CERT_INVALID",
    ),
    (
        "path_length",
        "RFC 5280 §6.1.4 (l)-(m)",
        "X509_V_ERR_PATH_LENGTH_EXCEEDED (25)",
        "ERR_CERT_INVALID",
    ),
    (
        "key_usage",
        "RFC 5280 §6.1.4 (n)",
        "X509_V_ERR_KEYUSAGE_NO_CERTSIGN (32)",
        "ERR_CERT_INVALID",
    ),
    (
        "extended_key_usage",
        "RFC 5280 §4.2.1.12",
        "X509_V_ERR_INVALID_PURPOSE (26)",
        "ERR_CERT_INVALID",
    ),
    (
        "unknown_critical_extension",
        "RFC 5280 §4.2",
        "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION (34)",
        "ERR_CERT_INVALID",
    ),
    (
        "hostname",
        "RFC 6125 §6.4",
        "X509_V_ERR_HOSTNAME_MISMATCH (62)",
        "ERR_CERT_COMMON_NAME_INVALID",
    ),
    (
        "pin",
        "RFC 7469 §2.6",
        "(none: pinning is done by the application)",
        "ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN",
    ),
    (
        "too_long",
        "RFC 5280 §6.1",
        "X509_V_ERR_CERT_CHAIN_TOO_LONG (22)",
        "ERR_CERT_INVALID",
    ),
    (
        "no_certificates",
        "RFC 5280 §6.1",
        "(no certificate)",
        "ERR_CERT_INVALID",
    ),
];

fn failure(code: &'static str, message: String) -> Failure {
    let (_, rfc, openssl, chromium) = FAILURE_NAMES
        .iter()
        .copied()
        .find(|(c, ..)| *c == code)
        .unwrap_or((code, "RFC 5280 §6.1", "", ""));
    Failure {
        code,
        message,
        rfc,
        openssl,
        chromium,
    }
}

/// Extensions this validator understands; any other marked critical fails (RFC 5280 §4.2).
const UNDERSTOOD_EXTENSIONS: &[&str] = &[
    "2.5.29.14",
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.19",
    "2.5.29.35",
    "2.5.29.37",
    "2.5.29.31",
    "2.5.29.32",
    "1.3.6.1.5.5.7.1.1",
    "1.3.6.1.4.1.11129.2.4.2",
    "2.5.29.18",
];

/// A certificate with what the checks need, decoded once.
struct Candidate<'a> {
    cert: &'a Certificate,
    subject: String,
    exts: ext::Decoded,
    anchor: bool,
    /// Index in the user's bundle, for the reorder note.
    bundle_index: Option<usize>,
}

impl<'a> Candidate<'a> {
    fn new(cert: &'a Certificate, anchor: bool, bundle_index: Option<usize>) -> Self {
        let tbs = cert.tbs_certificate();
        Candidate {
            cert,
            subject: dn::rfc4514(tbs.subject()),
            exts: ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default()),
            anchor,
            bundle_index,
        }
    }

    fn issued(&self, child: &Candidate<'_>) -> bool {
        self.cert.tbs_certificate().subject() == child.cert.tbs_certificate().issuer()
            && match (&child.exts.authority_key_id, &self.exts.subject_key_id) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            }
    }

    fn self_issued(&self) -> bool {
        self.cert.tbs_certificate().subject() == self.cert.tbs_certificate().issuer()
    }
}

/// Every certificate in `input` (PEM, DER or base64); any block that is not a certificate is an
/// error naming it, since a verdict over half a bundle would mislead.
pub fn read_certificates(input: &[u8]) -> Result<Vec<Certificate>, Error> {
    let mut certs = Vec::new();
    for block in crate::input::read_blocks(input)? {
        let block = block?;
        let cert = Certificate::from_der(&block.der).map_err(|e| Error::UnsupportedKind {
            at: block.at.clone(),
            detail: format!("expected a certificate: {e}"),
        })?;
        certs.push(cert);
    }
    Ok(certs)
}

/// Verifies `bundle` (leaf and intermediates, any order, extras allowed) against `anchors`.
pub fn verify(bundle: &[Certificate], anchors: &[Certificate], options: &Options) -> Verdict {
    let mut pool: Vec<Candidate> = Vec::new();
    for (i, cert) in bundle.iter().enumerate() {
        if !pool.iter().any(|c| c.cert == cert) {
            pool.push(Candidate::new(cert, false, Some(i)));
        }
    }
    for anchor in anchors {
        match pool.iter_mut().find(|c| c.cert == anchor) {
            Some(existing) => existing.anchor = true,
            None => pool.push(Candidate::new(anchor, true, None)),
        }
    }
    let Some(leaf) = pick_leaf(&pool) else {
        return Verdict {
            valid: false,
            path: Vec::new(),
            reordered: false,
            checks: Vec::new(),
            errors: vec![failure(
                "no_certificates",
                "there is no certificate to verify".into(),
            )],
        };
    };
    let mut paths = Vec::new();
    extend_paths(&pool, vec![leaf], options.max_depth, &mut paths);
    // Prefer a path that validates; otherwise the one with the fewest failures, longest first.
    let (path, best) = paths
        .into_iter()
        .map(|path| {
            let verdict = check_path(&pool, &path, options);
            (path, verdict)
        })
        .min_by_key(|(_, v)| (!v.valid, v.errors.len(), usize::MAX - v.path.len()))
        .unwrap_or_else(|| (vec![leaf], check_path(&pool, &[leaf], options)));
    Verdict {
        reordered: is_reordered(&pool, &path),
        ..best
    }
}

/// The bundle's first certificate is the leaf when it is one; otherwise the certificate that
/// issued nothing else in the bundle, non-CA first.
fn pick_leaf(pool: &[Candidate<'_>]) -> Option<usize> {
    let bundle: Vec<usize> = (0..pool.len())
        .filter(|&i| pool[i].bundle_index.is_some())
        .collect();
    let issues_nothing = |i: usize| {
        !bundle
            .iter()
            .any(|&j| j != i && pool[i].issued(&pool[j]) && !pool[j].self_issued())
    };
    bundle
        .iter()
        .copied()
        .filter(|&i| issues_nothing(i))
        .min_by_key(|&i| (pool[i].exts.is_ca, pool[i].bundle_index))
        .or_else(|| bundle.first().copied())
        .or_else(|| (!pool.is_empty()).then_some(0))
}

/// All simple paths upward from `path`'s last element, ending at an anchor, a self-issued
/// certificate, or where no issuer is found. Bounded: at most 64 paths.
fn extend_paths(
    pool: &[Candidate<'_>],
    path: Vec<usize>,
    max_depth: usize,
    out: &mut Vec<Vec<usize>>,
) {
    let Some(&top) = path.last() else { return };
    if out.len() >= 64 {
        return;
    }
    if pool[top].anchor || path.len() >= max_depth {
        out.push(path);
        return;
    }
    let mut issuers: Vec<usize> = (0..pool.len())
        .filter(|&i| !path.contains(&i) && pool[i].issued(&pool[top]))
        .collect();
    // Anchors first: the shortest trusted path is usually the intended one.
    issuers.sort_by_key(|&i| !pool[i].anchor);
    if issuers.is_empty() {
        out.push(path);
        return;
    }
    for issuer in issuers {
        let mut longer = path.clone();
        longer.push(issuer);
        extend_paths(pool, longer, max_depth, out);
    }
}

fn is_reordered(pool: &[Candidate<'_>], path: &[usize]) -> bool {
    let order: Vec<usize> = path.iter().filter_map(|&i| pool[i].bundle_index).collect();
    order.windows(2).any(|w| w[0] > w[1]) || order.first().is_some_and(|&first| first != 0)
}

fn check_path(pool: &[Candidate<'_>], path: &[usize], options: &Options) -> Verdict {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    let mut record = |depth: usize,
                      cert: &Candidate<'_>,
                      check: &'static str,
                      result: Result<String, Failure>| {
        match result {
            Ok(detail) => checks.push(Check {
                depth,
                cert: cert.subject.clone(),
                check,
                ok: true,
                detail,
            }),
            Err(f) => {
                checks.push(Check {
                    depth,
                    cert: cert.subject.clone(),
                    check,
                    ok: false,
                    detail: f.message.clone(),
                });
                errors.push(f);
            }
        }
    };
    let top = path.last().map(|&i| &pool[i]);
    let trusted = top.is_some_and(|c| c.anchor);
    // Intermediates between the leaf and each issuer, not counting self-issued ones (§6.1.4 (l)).
    let mut non_self_issued_below = 0usize;
    for (depth, &index) in path.iter().enumerate() {
        let cert = &pool[index];
        let is_anchor = cert.anchor && depth == path.len() - 1;
        if depth > 0 {
            record(depth, cert, "basic_constraints", rule_6_1_4_k_is_ca(cert));
            record(depth, cert, "key_usage", rule_6_1_4_n_key_cert_sign(cert));
            record(
                depth,
                cert,
                "path_length",
                rule_6_1_4_m_path_length(cert, non_self_issued_below),
            );
            if !cert.self_issued() {
                non_self_issued_below += 1;
            }
        }
        if is_anchor {
            record(
                depth,
                cert,
                "trust_anchor",
                Ok("this certificate is a trust anchor you supplied".into()),
            );
            continue;
        }
        record(
            depth,
            cert,
            "validity",
            rule_6_1_3_a2_validity(cert, options.at),
        );
        record(
            depth,
            cert,
            "critical_extensions",
            rule_4_2_critical_extensions(cert),
        );
        match path.get(depth + 1).map(|&i| &pool[i]) {
            Some(issuer) => record(
                depth,
                cert,
                "signature",
                rule_6_1_3_a1_signature(cert, issuer),
            ),
            None => record(depth, cert, "issuer", Err(missing_issuer(cert, depth))),
        }
    }
    if let Some(&leaf_index) = path.first() {
        let leaf = &pool[leaf_index];
        if let Some(purpose) = options.purpose {
            record(
                0,
                leaf,
                "extended_key_usage",
                rule_4_2_1_12_eku(leaf, purpose),
            );
        }
        if let Some(host) = &options.host {
            record(0, leaf, "hostname", rfc6125_host(leaf, host));
        }
        if !options.pins.is_empty() {
            let certs: Vec<&Candidate> = path.iter().map(|&i| &pool[i]).collect();
            record(0, leaf, "pin", rfc7469_pins(&certs, &options.pins));
        }
    }
    Verdict {
        valid: errors.is_empty() && trusted,
        path: path.iter().map(|&i| pool[i].subject.clone()).collect(),
        reordered: false,
        checks,
        errors,
    }
}

fn rule_6_1_3_a1_signature(
    cert: &Candidate<'_>,
    issuer: &Candidate<'_>,
) -> Result<String, Failure> {
    verify_issued_by(cert.cert, issuer.cert)
        .map(|()| format!("signed by {}", issuer.subject))
        .map_err(|e| failure("bad_signature", format!("{e} ({})", issuer.subject)))
}

fn rule_6_1_3_a2_validity(cert: &Candidate<'_>, at: UnixTime) -> Result<String, Failure> {
    let validity = cert.cert.tbs_certificate().validity();
    let (not_before, not_after) = (
        UnixTime::from(&validity.not_before),
        UnixTime::from(&validity.not_after),
    );
    if at < not_before {
        Err(failure(
            "not_yet_valid",
            format!(
                "not valid until {not_before} ({} days after {at}); check the clock or wait",
                at.days_until(not_before)
            ),
        ))
    } else if at > not_after {
        Err(failure(
            "expired",
            format!(
                "expired on {not_after}, {} days before {at}; renew it",
                not_after.days_until(at)
            ),
        ))
    } else {
        Ok(format!("valid from {not_before} to {not_after}"))
    }
}

fn rule_4_2_critical_extensions(cert: &Candidate<'_>) -> Result<String, Failure> {
    let unknown: Vec<&str> = cert
        .exts
        .extensions
        .iter()
        .filter(|e| e.critical && !UNDERSTOOD_EXTENSIONS.contains(&e.oid.as_str()))
        .map(|e| e.name.as_str())
        .collect();
    if unknown.is_empty() {
        Ok("no critical extension that cannot be processed".into())
    } else {
        Err(failure(
            "unknown_critical_extension",
            format!(
                "critical extension(s) this validator does not process: {}",
                unknown.join(", ")
            ),
        ))
    }
}

fn rule_6_1_4_k_is_ca(cert: &Candidate<'_>) -> Result<String, Failure> {
    if cert.exts.is_ca {
        Ok("basicConstraints CA:TRUE".into())
    } else {
        Err(failure(
            "not_a_ca",
            "this certificate issued another one but is not a CA (basicConstraints CA:TRUE is missing)".into(),
        ))
    }
}

fn rule_6_1_4_n_key_cert_sign(cert: &Candidate<'_>) -> Result<String, Failure> {
    let has_ku = cert.exts.extensions.iter().any(|e| e.oid == "2.5.29.15");
    if !has_ku || cert.exts.key_usage.iter().any(|u| u == "keyCertSign") {
        Ok(if has_ku {
            "keyUsage includes keyCertSign".into()
        } else {
            "no keyUsage extension: not restricted".into()
        })
    } else {
        Err(failure(
            "key_usage",
            "the issuer's keyUsage does not include keyCertSign".into(),
        ))
    }
}

fn rule_6_1_4_m_path_length(
    cert: &Candidate<'_>,
    intermediates_below: usize,
) -> Result<String, Failure> {
    match cert.exts.path_len {
        Some(limit) if intermediates_below > usize::from(limit) => Err(failure(
            "path_length",
            format!(
                "pathlen:{limit} allows {limit} intermediate(s) below it, but the path has {intermediates_below}"
            ),
        )),
        Some(limit) => Ok(format!(
            "pathlen:{limit}, {intermediates_below} intermediate(s) below"
        )),
        None => Ok("no path length limit".into()),
    }
}

fn rule_4_2_1_12_eku(leaf: &Candidate<'_>, purpose: Purpose) -> Result<String, Failure> {
    let ekus = &leaf.exts.extended_key_usage;
    if ekus.is_empty() {
        Ok("no extendedKeyUsage: any purpose".into())
    } else if ekus
        .iter()
        .any(|e| e == purpose.eku() || e == "anyExtendedKeyUsage")
    {
        Ok(format!("extendedKeyUsage includes {}", purpose.eku()))
    } else {
        Err(failure(
            "extended_key_usage",
            format!(
                "extendedKeyUsage is {} but {} is needed",
                ekus.join(", "),
                purpose.eku()
            ),
        ))
    }
}

fn missing_issuer(cert: &Candidate<'_>, depth: usize) -> Failure {
    let issuer = dn::rfc4514(cert.cert.tbs_certificate().issuer());
    if cert.self_issued() {
        let code = if depth == 0 {
            "self_signed_leaf"
        } else {
            "untrusted_root"
        };
        return failure(
            code,
            format!(
                "{} is self-signed and not among the trust anchors; add it as a root only if you trust it",
                cert.subject
            ),
        );
    }
    let mut message = format!(
        "the issuer {issuer} is missing: add the intermediate certificate (serve fullchain.pem, not cert.pem)"
    );
    if let Some(url) = cert.exts.ca_issuers.first() {
        message.push_str(&format!("; its certificate is published at {url}"));
    }
    failure("missing_issuer", message)
}

/// RFC 6125 §6.4 with the CA/B rules: SAN only (the CN is ignored), a wildcard only as the
/// whole left-most label matching exactly one label, never for IP addresses.
fn rfc6125_host(leaf: &Candidate<'_>, host: &str) -> Result<String, Failure> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let mismatch = |what: &str| {
        let names = if leaf.exts.san.is_empty() {
            "no subjectAltName at all".to_string()
        } else {
            leaf.exts.san.join(", ")
        };
        failure(
            "hostname",
            format!("{what} `{host}` is not in the certificate's names ({names})"),
        )
    };
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
        let wanted = format!("IP:{ip}");
        return if leaf.exts.san.contains(&wanted) {
            Ok(format!("{wanted} is in the SAN"))
        } else {
            Err(mismatch("IP address"))
        };
    }
    for name in leaf.exts.san.iter().filter_map(|s| s.strip_prefix("DNS:")) {
        if dns_matches(&name.to_ascii_lowercase(), &host) {
            return Ok(format!("DNS:{name} matches"));
        }
    }
    Err(mismatch("host name"))
}

/// Does the SAN dNSName `pattern` cover `host`? Both lowercase.
pub fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    match pattern.strip_prefix("*.") {
        Some(suffix) => host.split_once('.').is_some_and(|(first, rest)| {
            !first.is_empty() && rest == suffix && suffix.contains('.')
        }),
        None => pattern == host,
    }
}

fn rfc7469_pins(path: &[&Candidate<'_>], pins: &[String]) -> Result<String, Failure> {
    for cert in path {
        let spki = cert
            .cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .unwrap_or_default();
        let pin = Base64::encode_string(&sha2::Sha256::digest(&spki));
        if pins
            .iter()
            .any(|p| p.trim().trim_start_matches("pin-sha256=").trim_matches('"') == pin)
        {
            return Ok(format!("pin-sha256 {pin} matches {}", cert.subject));
        }
    }
    Err(failure(
        "pin",
        "no certificate in the path has a public key matching any of the pins".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::dns_matches;

    #[test]
    fn wildcards_cover_exactly_one_label() {
        assert!(dns_matches("*.example.com", "api.example.com"));
        assert!(!dns_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_matches("*.example.com", "example.com"));
        assert!(!dns_matches("*.com", "example.com"));
        assert!(dns_matches("example.com.", "example.com"));
        assert!(!dns_matches("a*.example.com", "ab.example.com"));
    }
}
