//! Certificate Transparency on real certificates (tests/fixtures/ct): every SCT's log named
//! from the lists, its signature over the reconstructed precertificate checked with the log's
//! key, and Chrome's and Apple's policies applied; a changed certificate fails every SCT.
#![cfg(feature = "ct")]
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::decode::{CertificateReport, Report};
use certbench_core::{UnixTime, inspect};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/ct/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn leaf(input: &[u8]) -> CertificateReport {
    let blocks = inspect::decode(
        input,
        UnixTime::parse_rfc3339("2026-03-01T00:00:00Z").unwrap(),
    )
    .unwrap();
    match blocks.into_iter().next() {
        Some(Ok(d)) => match d.report {
            Report::Certificate(c) => *c,
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_real_certificates_scts_verify_and_meet_both_policies() {
    let c = leaf(&fixture("google.com.pem"));
    assert!(!c.precertificate);
    let logs: Vec<_> = c
        .scts
        .iter()
        .map(|s| (s.log.as_deref(), s.operator.as_deref(), s.signature_valid))
        .collect();
    assert_eq!(
        logs,
        [
            (Some("Sectigo 'Tiger2026h1'"), Some("Sectigo"), Some(true)),
            (Some("Google 'Xenon2026h1' log"), Some("Google"), Some(true)),
        ]
    );
    let policy = c.ct_policy.expect("a TLS server certificate");
    assert_eq!(
        policy.chrome.compliant,
        Some(true),
        "{}",
        policy.chrome.reason
    );
    assert_eq!(
        policy.apple.compliant,
        Some(true),
        "{}",
        policy.apple.reason
    );
    assert!(policy.lists.contains("87.1"));
}

#[test]
fn a_log_one_list_lacks_counts_for_the_other_only() {
    let c = leaf(&fixture("stackoverflow.com.pem"));
    assert!(c.scts.iter().all(|s| s.signature_valid == Some(true)));
    let policy = c.ct_policy.unwrap();
    assert_eq!(policy.chrome.compliant, Some(false));
    assert!(
        policy.chrome.reason.contains("not in Chrome's list"),
        "{}",
        policy.chrome.reason
    );
    assert!(policy.chrome.reason.contains("TLS handshake"));
    assert_eq!(
        policy.apple.compliant,
        Some(true),
        "{}",
        policy.apple.reason
    );
}

#[test]
fn without_its_issuer_nothing_is_claimed_and_a_changed_certificate_fails() {
    let chain = String::from_utf8(fixture("google.com.pem")).unwrap();
    let leaf_pem = &chain[..chain.find("-----END CERTIFICATE-----").unwrap() + 26];
    let alone = leaf(leaf_pem.as_bytes());
    assert!(alone.scts.iter().all(|s| s.signature_valid.is_none()));
    assert_eq!(alone.ct_policy.unwrap().chrome.compliant, None);
    // The serial's last byte changed: the TBS the logs signed is not this one.
    let blocks = certbench_core::decode::read_certificates(chain.as_bytes()).unwrap();
    let mut der = der::Encode::to_der(&blocks[0]).unwrap();
    let serial = blocks[0]
        .tbs_certificate()
        .serial_number()
        .as_bytes()
        .to_vec();
    let at = der
        .windows(serial.len())
        .position(|w| w == serial.as_slice())
        .unwrap()
        + serial.len()
        - 1;
    der[at] ^= 1;
    let issuer = der::Encode::to_der(&blocks[1]).unwrap();
    let changed = leaf(&[der, issuer].concat());
    assert!(
        changed
            .scts
            .iter()
            .all(|s| s.signature_valid == Some(false))
    );
    assert_eq!(changed.ct_policy.unwrap().chrome.compliant, Some(false));
}

#[test]
fn the_policies_count_lifetime_operators_and_log_states() {
    use certbench_core::decode::ct::policy;
    let base = leaf(&fixture("google.com.pem"));
    assert_eq!(policy(&base).chrome.compliant, Some(true));
    // Valid for over 180 days: 3 SCTs are needed, and it has 2.
    let mut long = base.clone();
    long.not_after = certbench_core::time::Rfc3339(UnixTime(long.not_before.0.0 + 200 * 86_400));
    let verdict = policy(&long).chrome;
    assert_eq!(verdict.compliant, Some(false));
    assert!(verdict.reason.contains("needs 3"), "{}", verdict.reason);
    // Both from one operator.
    let mut one = base.clone();
    let first = one.scts[0].clone();
    one.scts[1] = first;
    assert_eq!(policy(&one).chrome.compliant, Some(false));
    // A log that has retired since: its SCT from before still counts, but not alone.
    let mut retired = base.clone();
    for sct in &mut retired.scts {
        // Let's Encrypt 'Oak2026h1', retired in Chrome's list 87.1 on 2026-02-28.
        sct.log_id = "GYbUxyiqb/66A294Kk0BkarOLXIxD67OXXBBLSVMx9Q=".into();
        sct.timestamp = "2026-02-02T09:36:40Z".into();
    }
    retired.scts[1].operator = Some("Someone else".into());
    let verdict = policy(&retired).chrome;
    assert_eq!(verdict.compliant, Some(false), "{}", verdict.reason);
    assert!(verdict.reason.contains("retired"), "{}", verdict.reason);
}
