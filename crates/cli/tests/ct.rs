//! Certificate Transparency on the real sites' certificates of x509-limbo's `online::` cases
//! (../shared/x509-limbo/limbo.json; skips when it is absent): every SCT names its log and
//! verifies, and each CT policy gives an answer.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;

#[test]
fn every_sct_of_real_sites_verifies() {
    let Some(path) = limbo_path() else {
        return;
    };
    let limbo: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let mut sites = 0;
    for case in limbo["testcases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        if !id.starts_with("online::") {
            continue;
        }
        let mut pem = case["peer_certificate"].as_str().unwrap().to_string();
        for intermediate in case["untrusted_intermediates"].as_array().unwrap() {
            pem.push_str(intermediate.as_str().unwrap());
        }
        let at = case["validation_time"].as_str().unwrap();
        let out = certbench(&["decode", "--json", "--at", at], Some(pem.as_bytes()));
        exits(&out, 0, id);
        let leaf = &json(&out)[0];
        let scts = leaf["scts"].as_array().unwrap();
        assert!(scts.len() >= 2, "{id}");
        for sct in scts {
            assert!(sct["log"].is_string(), "{id}: {sct}");
            assert_eq!(sct["signature_valid"], true, "{id}: {sct}");
        }
        for browser in ["chrome", "apple"] {
            let verdict = &leaf["ct_policy"][browser];
            assert!(
                verdict["compliant"].is_boolean(),
                "{id} {browser}: {verdict}"
            );
        }
        sites += 1;
    }
    assert!(sites >= 10, "{sites} online cases");
}
