//! x509-limbo conformance (C2SP), run through `certbench limbo`. Uses ../shared/x509-limbo/limbo.json
//! beside the project root when it exists, and skips with a message when it does not. Fails only
//! on regressions against tests/limbo/expectations.json, the committed list of deliberate
//! differences (and when a listed case starts passing, so the list stays true).
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::{limbo_path, limbo_results};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The default profile (webpki): limbo's `webpki::` and `rfc5280::` cases together.
#[test]
fn limbo_has_no_regressions() {
    no_regressions(&[], "unexpected", 20);
}

/// `--profile rfc5280`: limbo's `webpki::` cases test rules RFC 5280 does not have, so more
/// results differ there; each is listed with its reason.
#[test]
fn limbo_under_rfc5280_has_no_regressions() {
    no_regressions(&["--profile", "rfc5280"], "unexpected_rfc5280", 35);
}

fn no_regressions(args: &[&str], list: &str, max_unexpected: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let Some(limbo_path) = limbo_path() else {
        return;
    };
    let limbo: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&limbo_path).unwrap()).unwrap();
    let expected: BTreeMap<&str, &str> = limbo["testcases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["expected_result"].as_str().unwrap(),
            )
        })
        .collect();
    let results = limbo_results(&limbo_path, args);
    assert_eq!(results["harness"], "certbench");
    let results = results["results"].as_array().unwrap();
    assert_eq!(results.len(), expected.len(), "one result per case");
    let mut unexpected = BTreeSet::new();
    for r in results {
        let (id, actual) = (
            r["id"].as_str().unwrap(),
            r["actual_result"].as_str().unwrap(),
        );
        match actual {
            "SKIPPED" => assert!(
                r["context"].as_str().is_some_and(|c| !c.is_empty()),
                "{id}: skipped without a reason"
            ),
            "SUCCESS" | "FAILURE" if actual != expected[id] => {
                unexpected.insert(id.to_string());
            }
            "SUCCESS" | "FAILURE" => {}
            other => panic!("{id}: unknown result {other}"),
        }
    }
    let listed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("tests/limbo/expectations.json")).unwrap())
            .unwrap();
    let listed: BTreeSet<String> = listed[list].as_object().unwrap().keys().cloned().collect();
    let regressions: Vec<_> = unexpected.difference(&listed).collect();
    let fixed: Vec<_> = listed.difference(&unexpected).collect();
    assert!(
        regressions.is_empty(),
        "new unexpected limbo results ({list}): {regressions:?}"
    );
    assert!(
        fixed.is_empty(),
        "now as expected; remove from {list} in tests/limbo/expectations.json: {fixed:?}"
    );
    assert!(
        unexpected.len() <= max_unexpected,
        "{} unexpected results",
        unexpected.len()
    );
}
