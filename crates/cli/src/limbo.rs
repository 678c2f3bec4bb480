//! `certbench limbo PATH`: runs the C2SP x509-limbo path-validation suite through the verifier.
//! Prints one line per case and `limbo: E/N as expected, U unexpected, S skipped`; with
//! `--json`, the upstream harness result format instead.

use crate::Failure;
use crate::io::{now, read_input};
use certbench_core::{
    Certificate, UnixTime, decode,
    verify::{self, Options, Profile, Purpose},
};
use serde_json::{Value, json};
use std::path::PathBuf;

/// One case's outcome.
pub(crate) struct Outcome {
    pub id: String,
    pub expected: String,
    /// `SUCCESS`, `FAILURE` or `SKIPPED`.
    pub actual: String,
    /// Why it failed or was skipped.
    pub context: String,
}

/// Runs every case of a parsed limbo.json under `profile`.
pub(crate) fn run(limbo: &Value, now: UnixTime, profile: Profile) -> Result<Vec<Outcome>, String> {
    let cases = limbo["testcases"]
        .as_array()
        .ok_or("limbo.json has no `testcases` array")?;
    let suffixes = std::sync::Arc::new(verify::PublicSuffixes::builtin());
    Ok(cases
        .iter()
        .map(|case| run_case(case, now, profile, &suffixes))
        .collect())
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

fn run_case(
    case: &Value,
    now: UnixTime,
    profile: Profile,
    suffixes: &std::sync::Arc<verify::PublicSuffixes>,
) -> Outcome {
    let outcome = |actual: &str, context: String| Outcome {
        id: text(&case["id"]),
        expected: text(&case["expected_result"]),
        actual: actual.to_string(),
        context,
    };
    if let Some(reason) = unsupported(case) {
        return outcome("SKIPPED", reason);
    }
    match evaluate(case, now, profile, suffixes) {
        Ok(verdict) if verdict.valid => outcome("SUCCESS", verdict.path.join(" <- ")),
        Ok(verdict) => {
            let reason = verdict
                .errors
                .first()
                .map_or("no trusted path".into(), |e| {
                    format!("{}: {}", e.code, e.message)
                });
            outcome("FAILURE", reason)
        }
        Err(reason) => outcome("FAILURE", reason),
    }
}

/// Features certbench does not implement: such cases are SKIPPED with the reason, never passed.
fn unsupported(case: &Value) -> Option<String> {
    if case["expected_peer_name"]["kind"] == "RFC822" {
        return Some("e-mail (RFC 822) peer names are not matched".into());
    }
    None
}

fn certificates(values: &Value) -> Vec<Result<Certificate, String>> {
    values
        .as_array()
        .into_iter()
        .flatten()
        .map(|pem| {
            let mut certs =
                decode::read_certificates(text(pem).as_bytes()).map_err(|e| e.to_string())?;
            certs.pop().ok_or_else(|| "empty certificate".to_string())
        })
        .collect()
}

fn evaluate(
    case: &Value,
    now: UnixTime,
    profile: Profile,
    suffixes: &std::sync::Arc<verify::PublicSuffixes>,
) -> Result<verify::Verdict, String> {
    let peer = certificates(&json!([case["peer_certificate"]]))
        .remove(0)
        .map_err(|e| format!("peer: {e}"))?;
    // An intermediate or anchor that does not parse cannot be part of a valid path: leave it out.
    let intermediates: Vec<Certificate> = certificates(&case["untrusted_intermediates"])
        .into_iter()
        .flatten()
        .collect();
    let anchors: Vec<Certificate> = certificates(&case["trusted_certs"])
        .into_iter()
        .flatten()
        .collect();
    let at = match case["validation_time"].as_str() {
        Some(time) => UnixTime::parse_rfc3339(time).map_err(|e| e.to_string())?,
        None => now,
    };
    let ekus: Vec<&str> = case["extended_key_usage"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let purpose = if ekus.contains(&"clientAuth")
        || (ekus.is_empty() && case["validation_kind"] == "CLIENT")
    {
        Purpose::Client
    } else {
        Purpose::Server
    };
    let names = |field: &str| -> Vec<&str> {
        case[field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect()
    };
    let required = verify::Required {
        key_usage: names("key_usage")
            .into_iter()
            .map(verify::key_usage_named)
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?,
        extended_key_usage: ekus
            .iter()
            .map(|name| verify::extended_key_usage_named(name))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?,
        signature_algorithms: names("signature_algorithms")
            .into_iter()
            .map(verify::signature_algorithm_named)
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?,
    };
    // Given CRLs, the harness asks for revocation checking, as `openssl verify -crl_check`.
    let mut crls = Vec::new();
    for pem in case["crls"].as_array().into_iter().flatten() {
        let lists = decode::read_crls(text(pem).as_bytes()).map_err(|e| format!("crl: {e}"))?;
        crls.extend(lists.into_iter().map(verify::Crl::new));
    }
    let options = Options {
        public_suffixes: Some(suffixes.clone()),
        require_revocation: !crls.is_empty(),
        crls,
        required,
        host: case["expected_peer_name"]["value"]
            .as_str()
            .map(str::to_string),
        purpose: Some(purpose),
        max_intermediates: case["max_chain_depth"]
            .as_u64()
            .and_then(|d| usize::try_from(d).ok()),
        profile,
        ..Options::at(at)
    };
    Ok(verify::verify_peer(
        &peer,
        &intermediates,
        &anchors,
        &options,
    ))
}

/// The upstream harness result document.
pub(crate) fn results_json(outcomes: &[Outcome]) -> Value {
    json!({
        "version": 1,
        "harness": "certbench",
        "results": outcomes.iter().map(|o| json!({"id": o.id, "actual_result": o.actual, "context": o.context})).collect::<Vec<_>>(),
    })
}

/// The closing line: `limbo: E/N as expected, U unexpected, S skipped`.
pub(crate) fn summary(outcomes: &[Outcome]) -> String {
    let skipped = outcomes.iter().filter(|o| o.actual == "SKIPPED").count();
    let expected = outcomes.iter().filter(|o| o.actual == o.expected).count();
    let unexpected = outcomes.len() - skipped - expected;
    format!(
        "limbo: {expected}/{} as expected, {unexpected} unexpected, {skipped} skipped",
        outcomes.len()
    )
}

/// `certbench limbo`: every x509-limbo case of the file at `path`, and how certbench judged it.
pub(crate) fn run_limbo(path: &PathBuf, profile: Profile, json: bool) -> Result<u8, Failure> {
    let input = read_input(Some(path))?;
    let limbo: serde_json::Value = serde_json::from_slice(&input)
        .map_err(|e| Failure(2, format!("{}: not JSON: {e}", path.display())))?;
    let outcomes = run(&limbo, now(), profile).map_err(|e| Failure(2, e))?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&results_json(&outcomes))?
        );
    } else {
        for o in &outcomes {
            let verdict = match (o.actual.as_str(), o.actual == o.expected) {
                ("SKIPPED", _) => "skipped",
                (_, true) => "ok",
                (_, false) => "UNEXPECTED",
            };
            println!(
                "{verdict:<10} {} expected {} got {}: {}",
                o.id, o.expected, o.actual, o.context
            );
        }
    }
    eprintln!("{}", summary(&outcomes));
    Ok(0)
}
