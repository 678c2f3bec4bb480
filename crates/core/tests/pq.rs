//! Post-quantum certificates and keys: the LAMPS drafts' examples (tests/fixtures/pq, made by
//! other implementations) read, their ML-DSA signatures checked, and linted.
#![cfg(feature = "pq")]
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::decode::{CertificateReport, Report};
use certbench_core::{UnixTime, inspect, lint};

const AT: UnixTime = UnixTime(1_750_000_000); // 2025-06-15

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/pq/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn certificate(bytes: &[u8]) -> CertificateReport {
    let blocks = inspect::decode(bytes, AT).expect("decodes");
    match blocks.into_iter().next() {
        Some(Ok(d)) => match d.report {
            Report::Certificate(c) => *c,
            other => panic!("not a certificate: {other:?}"),
        },
        other => panic!("{other:?}"),
    }
}

fn codes(c: &CertificateReport) -> Vec<String> {
    c.lint.iter().map(|f| f.code.to_string()).collect()
}

#[test]
fn ml_dsa_certificates_verify_their_own_signatures() {
    for level in ["44", "65", "87"] {
        let pem = fixture(&format!("ML-DSA-{level}.crt"));
        let c = certificate(&pem);
        assert_eq!(c.signature_algorithm, format!("ML-DSA-{level}"));
        assert_eq!(
            c.public_key.algorithm.to_string(),
            format!("ML-DSA-{level}")
        );
        assert_eq!(c.self_signed, Some(true), "ML-DSA-{level}");
        assert_eq!(codes(&c), ["pq_not_in_web_pki"], "ML-DSA-{level}");
        // One bit of the signature changed: it no longer verifies.
        let text = String::from_utf8(pem).unwrap();
        let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
        let mut der = base64_decode(&body);
        let last = der.len() - 10;
        der[last] ^= 1;
        assert_eq!(certificate(&der).self_signed, Some(false), "ML-DSA-{level}");
    }
}

#[test]
fn pq_keys_are_named_and_sized_and_their_key_usage_checked() {
    let kem = certificate(&fixture("ML-KEM-768.crt"));
    assert_eq!(kem.public_key.algorithm.to_string(), "ML-KEM-768");
    assert_eq!(kem.public_key.public_hex.len() / 2, 1184);
    assert_eq!(codes(&kem), ["pq_not_in_web_pki"]);
    let mut wrong = kem.clone();
    wrong.key_usage = vec!["digitalSignature".into(), "keyEncipherment".into()];
    wrong.public_key.public_hex.truncate(100);
    let found: Vec<String> = lint::certificate(&wrong)
        .iter()
        .map(|f| f.code.to_string())
        .collect();
    for code in ["pq_key_size", "pq_key_usage"] {
        assert!(found.contains(&code.to_string()), "{code} not in {found:?}");
    }
    let mut signing = certificate(&fixture("ML-DSA-44.crt"));
    signing.key_usage.push("keyAgreement".into());
    assert!(
        lint::certificate(&signing)
            .iter()
            .any(|f| f.code == "pq_key_usage")
    );
    // SLH-DSA: named, not checked (certbench does not verify SLH-DSA signatures).
    let slh = certificate(&fixture("id-slh-dsa-sha2-128s.pem"));
    assert_eq!(slh.public_key.algorithm.to_string(), "SLH-DSA-SHA2-128s");
    assert_eq!(slh.public_key.public_hex.len() / 2, 32);
    assert_eq!(slh.self_signed, None);
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64ct::Encoding as _;
    base64ct::Base64::decode_vec(text).expect("base64")
}

#[test]
fn ml_dsa_private_keys_in_each_form_go_with_their_certificate() {
    let cert = fixture("ML-DSA-44.crt");
    for (file, form, matched) in [
        ("ML-DSA-44-seed.priv", "seed", vec![2]),
        // An expanded-only key's public key is not derived (see decode::key::ml_dsa_public).
        ("ML-DSA-44-expanded.priv", "expanded", vec![]),
        ("ML-DSA-44-both.priv", "both", vec![2]),
    ] {
        let input = [fixture(file), cert.clone()].concat();
        let blocks = inspect::decode(&input, AT).expect("decodes");
        let Ok(Report::PrivateKey(key)) = blocks[0].as_ref().map(|d| d.report.clone()) else {
            panic!("{file}: {:?}", blocks[0]);
        };
        assert_eq!(key.private_form.as_deref(), Some(form), "{file}");
        // Its public key, derived from the seed, is the certificate's.
        assert_eq!(key.matches, matched, "{file}");
    }
    let kem = inspect::decode(&fixture("ML-KEM-512-both.priv"), AT).expect("decodes");
    let Ok(Report::PrivateKey(key)) = kem[0].as_ref().map(|d| d.report.clone()) else {
        panic!("{:?}", kem[0]);
    };
    assert_eq!(key.private_form.as_deref(), Some("both"));
    assert_eq!(
        key.public_key.map(|p| p.algorithm.to_string()).as_deref(),
        Some("ML-KEM-512")
    );
}
