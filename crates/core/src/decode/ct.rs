//! Chrome's and Apple's Certificate Transparency policies applied to a certificate's embedded
//! SCTs, once their signatures are checked ([`super::crypto`]).

use super::CertificateReport;
use super::ext::SctReport;
use serde::{Deserialize, Serialize};

/// Whether a certificate meets each browser's CT policy by its embedded SCTs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CtPolicy {
    /// Chrome's (googlechrome.github.io/CertificateTransparency/ct_policy.html).
    pub chrome: Verdict,
    /// Apple's (support.apple.com/103214).
    pub apple: Verdict,
    /// The log lists judged by, with their versions.
    pub lists: String,
}

/// One policy's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// Meets it; `None` when that cannot be told (SCTs whose signatures were not checked).
    pub compliant: Option<bool>,
    /// Why, in a sentence.
    pub reason: String,
}

/// A log's state in a list, when it counts for an SCT of `timestamp`: usable, qualified and
/// read-only logs count; a retired one only for SCTs from before it retired.
fn counts(state: &str, since: &str, timestamp: &str) -> bool {
    match state {
        "usable" | "qualified" | "readonly" => true,
        "retired" => timestamp < since,
        _ => false,
    }
}

/// How many SCTs a certificate of this lifetime needs (both policies: 2 up to 180 days, 3
/// beyond; at least one of them from a log not retired, and from 2 operators at least).
fn required(lifetime_days: i64) -> usize {
    if lifetime_days <= 180 { 2 } else { 3 }
}

fn verdict(
    c: &CertificateReport,
    browser: &str,
    state_of: impl Fn(&SctReport) -> Option<(String, String)>,
) -> Verdict {
    let lifetime = c.not_before.0.days_until(c.not_after.0);
    let needed = required(lifetime);
    if c.precertificate {
        return Verdict {
            compliant: None,
            reason: "a precertificate: the policy applies to the certificate issued from it".into(),
        };
    }
    if c.scts.is_empty() {
        return Verdict {
            compliant: Some(false),
            reason: format!(
                "no embedded SCTs: {browser} accepts the certificate only if the server delivers {needed} SCTs in the TLS handshake or a stapled OCSP response (CT is required of publicly trusted certificates only)"
            ),
        };
    }
    let mut valid: Vec<&SctReport> = Vec::new();
    // Whether a counted SCT is from a log still in service (not retired).
    let mut current = false;
    let mut left_out: Vec<String> = Vec::new();
    for sct in &c.scts {
        let name = sct
            .log
            .clone()
            .unwrap_or_else(|| format!("log {}", sct.log_id));
        match (sct.signature_valid, state_of(sct)) {
            (Some(false), _) => left_out.push(format!("{name}: its signature does not verify")),
            (_, None) => left_out.push(format!("{name}: not in {browser}'s list")),
            (_, Some((state, since))) if !counts(&state, &since, &sct.timestamp) => {
                left_out.push(format!("{name}: {state} in {browser}'s list since {since}"))
            }
            (Some(true), Some((state, _))) => {
                current |= state != "retired";
                valid.push(sct)
            }
            (None, Some(_)) => {}
        }
    }
    let operators = crate::sort::by_key(
        valid
            .iter()
            .filter_map(|s| s.operator.as_deref())
            .collect::<Vec<&str>>(),
        |o| *o,
    );
    let mut distinct = operators.clone();
    distinct.dedup();
    let unchecked = c
        .scts
        .iter()
        .filter(|s| s.signature_valid.is_none())
        .count();
    let mut have = format!(
        "{} of its {} SCTs count (verified, from logs {browser} accepts), from {} operator(s); a certificate valid for {lifetime} days needs {needed} from at least 2 operators",
        valid.len(),
        c.scts.len(),
        distinct.len()
    );
    if !left_out.is_empty() {
        have.push_str(&format!(" (not counted: {})", left_out.join("; ")));
    }
    if !valid.is_empty() && !current {
        have.push_str(" (every counted SCT is from a retired log: at least one must be from a log still in service)");
    }
    match (
        valid.len() >= needed && distinct.len() >= 2 && current,
        unchecked,
    ) {
        (true, _) => Verdict {
            compliant: Some(true),
            reason: have,
        },
        (false, 0) => Verdict {
            compliant: Some(false),
            reason: format!(
                "{have}; SCTs the server sends in the TLS handshake or a stapled OCSP response count too"
            ),
        },
        (false, _) => Verdict {
            compliant: None,
            reason: format!(
                "{have}; {unchecked} could not be checked (paste the issuer's certificate with it)"
            ),
        },
    }
}

/// Both policies for `c`, its SCTs' signatures checked.
pub fn policy(c: &CertificateReport) -> CtPolicy {
    let state = |s: &SctReport, chrome: bool| {
        let log = crate::ct::log(&s.log_id)?;
        let (state, since) = match chrome {
            true => (&log.chrome, &log.chrome_since),
            false => (&log.apple, &log.apple_since),
        };
        (!state.is_empty()).then(|| (state.clone(), since.clone()))
    };
    CtPolicy {
        chrome: verdict(c, "Chrome", |s| state(s, true)),
        apple: verdict(c, "Apple", |s| state(s, false)),
        lists: crate::ct::list_versions(),
    }
}
