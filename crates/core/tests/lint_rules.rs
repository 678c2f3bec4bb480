//! Lint: each rule on a certificate made to break it, and every generated profile lint-clean.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use certbench_core::Certificate;
use certbench_core::decode::{CertificateReport, Report};
use certbench_core::generate::{KeyPair, KeyType, Profile};
use certbench_core::inspect;
use certbench_core::lint::{self, Severity};
use common::*;
use der::Encode;

fn report_at(cert: &Certificate, now: certbench_core::UnixTime) -> CertificateReport {
    let der = cert.to_der().unwrap();
    match inspect::decode(&der, now)
        .unwrap()
        .remove(0)
        .unwrap()
        .report
    {
        Report::Certificate(c) => *c,
        other => panic!("{other:?}"),
    }
}

fn report(cert: &Certificate) -> CertificateReport {
    report_at(cert, NOW)
}

fn codes(c: &CertificateReport) -> Vec<&str> {
    c.lint.iter().map(|f| f.code.as_ref()).collect()
}

fn assert_finds(c: &CertificateReport, code: &str, severity: Severity) {
    let found = c
        .lint
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", codes(c)));
    assert_eq!(found.severity, severity, "{code}");
    assert!(!found.message.is_empty() && !found.source.is_empty());
}

#[test]
fn every_generated_profile_is_lint_clean() {
    let (root, int, leaf) = chain();
    let client = client(&int);
    for (name, cert) in [
        ("root", &root.cert),
        ("intermediate", &int.cert),
        ("server", &leaf.cert),
        ("client", &client.cert),
    ] {
        let r = report(&cert.clone());
        assert!(r.lint.is_empty(), "{name}: {:?}", r.lint);
    }
    for key_type in KeyType::ALL
        .into_iter()
        .filter(|k| !matches!(k, KeyType::Rsa3072 | KeyType::Rsa4096))
    {
        let key = KeyPair::generate(key_type, &mut rng_for(key_type.name())).unwrap();
        let req = request(
            Profile::SelfSigned,
            "localhost",
            &["DNS:localhost", "IP:127.0.0.1"],
        );
        let cert = self_sign(&req, &key);
        let r = report(&cert);
        assert_eq!(
            codes(&r),
            ["self_signed_leaf"],
            "{key_type:?}: only the development notice"
        );
        assert_eq!(r.lint[0].severity, Severity::Notice);
    }
}

#[test]
fn validity_rules() {
    let (root, int, _) = chain();
    let expired = server(&int, "old.example.test", |r| {
        r.not_before = NOW.plus_seconds(-60 * DAY);
        r.not_after = NOW.plus_seconds(-3 * DAY);
    });
    assert_finds(&report(&expired.cert), "expired", Severity::Error);
    let future = server(&int, "new.example.test", |r| {
        r.not_before = NOW.plus_seconds(2 * DAY);
        r.not_after = NOW.plus_seconds(90 * DAY);
    });
    assert_finds(&report(&future.cert), "not_yet_valid", Severity::Error);
    let soon = server(&int, "soon.example.test", |r| {
        r.not_after = NOW.plus_seconds(10 * DAY)
    });
    assert_finds(&report(&soon.cert), "expires_soon", Severity::Warning);
    // 300 days issued in 2030: over the 47-day limit of 2029 onwards.
    let long = server(&int, "long.example.test", |r| {
        r.not_before = NOW.plus_seconds(-DAY);
        r.not_after = NOW.plus_seconds(300 * DAY);
    });
    let long = report(&long.cert);
    assert_finds(&long, "validity_too_long", Severity::Warning);
    assert!(
        long.lint
            .iter()
            .any(|f| f.message.contains("at most 47 days"))
    );
    assert!(
        report(&root.cert).lint.is_empty(),
        "roots live long by design"
    );
}

#[test]
fn name_rules() {
    let (_, int, _) = chain();
    let no_san = issue(&int, Profile::Client, "www.example.test", &[], |r| {
        r.profile = Profile::Client
    });
    // A client certificate without SAN is fine; a server one is not.
    assert!(!codes(&report(&no_san.cert)).contains(&"no_san"));
    let key = KeyPair::generate(KeyType::P256, &mut rng_for("nosan")).unwrap();
    let req = request(Profile::SelfSigned, "nosan.example.test", &[]);
    let cert = self_sign(&req, &key);
    assert_finds(&report(&cert), "no_san", Severity::Error);
    let cn_elsewhere = issue(
        &int,
        Profile::Server,
        "other.example.test",
        &["DNS:www.example.test"],
        |_| {},
    );
    assert_finds(
        &report(&cn_elsewhere.cert),
        "cn_not_in_san",
        Severity::Warning,
    );
    let tld_wildcard = issue(&int, Profile::Server, "wild", &["DNS:*.test"], |_| {});
    assert_finds(
        &report(&tld_wildcard.cert),
        "wildcard_misuse",
        Severity::Error,
    );
    let client_as_server = issue(
        &int,
        Profile::Client,
        "api.example.test",
        &["DNS:api.example.test"],
        |_| {},
    );
    assert_finds(
        &report(&client_as_server.cert),
        "no_server_auth",
        Severity::Warning,
    );
}

#[test]
fn key_signature_and_structure_rules_on_fixtures() {
    let fixture = |name: &str| report(&fixture_certs(name).remove(0));
    assert_finds(
        &fixture("keys/rsa1024.pem"),
        "weak_rsa_key",
        Severity::Error,
    );
    assert_finds(&fixture("sha1-leaf.pem"), "sha1_signature", Severity::Error);
    assert_finds(
        &fixture("everything.pem"),
        "ca_flag_on_leaf",
        Severity::Warning,
    );
    assert_finds(
        &fixture("no-certsign-ca.pem"),
        "ca_without_key_cert_sign",
        Severity::Error,
    );
    assert_finds(&fixture("sha1-leaf.pem"), "short_serial", Severity::Notice);
    let explicit = fixture("explicit-curve.pem");
    assert_eq!(
        explicit.public_key.curve.as_deref(),
        Some("explicit parameters, P-256's")
    );
    assert_eq!(explicit.public_key.bits, Some(256));
    assert_finds(&explicit, "explicit_curve", Severity::Error);
    assert_eq!(explicit.self_signed, None, "not checked, not invalid");
    let everything = fixture("everything.pem");
    assert!(
        everything
            .lint
            .windows(2)
            .all(|w| w[0].severity <= w[1].severity),
        "most severe first"
    );
}

#[test]
fn bundle_rules() {
    let (_, int, leaf) = chain();
    let (int_r, leaf_r) = (report(&int.cert), report(&leaf.cert));
    let codes = |certs: &[&CertificateReport]| {
        lint::bundle(certs)
            .into_iter()
            .map(|f| f.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&[&leaf_r, &int_r]),
        ["issuer_not_in_bundle"],
        "in order, root left out: just the notice"
    );
    assert_eq!(
        codes(&[&int_r, &leaf_r]),
        ["wrong_order", "issuer_not_in_bundle"]
    );
    assert!(
        codes(&[&leaf_r]).is_empty(),
        "a single certificate says nothing about bundles"
    );
}

/// A CA certificate is judged by where it sits: one that names hosts is flagged alone (it may
/// be a leaf made with `openssl req -x509`), but not when it issued another certificate of the
/// same input: then it is an intermediate.
#[test]
fn an_issuer_in_the_input_is_not_a_leaf_whatever_names_it_carries() {
    let root = root("Role Root", |_| {});
    let int = issue(
        &root,
        Profile::Intermediate,
        "Named Intermediate",
        &["DNS:ca.example.test"],
        |_| {},
    );
    let leaf = server(&int, "www.example.test", |_| {});
    assert_finds(&report(&int.cert), "ca_flag_on_leaf", Severity::Warning);
    let mut input = Vec::new();
    for cert in [&leaf.cert, &int.cert] {
        input.extend(
            certbench_core::input::pem("CERTIFICATE", &cert.to_der().unwrap())
                .unwrap()
                .into_bytes(),
        );
    }
    let blocks = inspect::decode(&input, NOW).unwrap();
    let int_report = blocks[1].as_ref().unwrap().certificate().unwrap();
    assert!(
        !codes(int_report).contains(&"ca_flag_on_leaf"),
        "{:?}",
        codes(int_report)
    );
    // A plain intermediate (no host names) is never flagged, alone or not.
    assert!(!codes(&report(&chain().1.cert)).contains(&"ca_flag_on_leaf"));
}

/// An issuer the user trusts as an anchor is not "missing from the input".
#[test]
fn an_issuer_among_the_anchors_is_not_missing() {
    let (_, int, leaf) = chain();
    let (int_r, leaf_r) = (report(&int.cert), report(&leaf.cert));
    let found = lint::bundle_with_anchors(&[&leaf_r, &int_r], &|issuer| issuer == "CN=Rule Root");
    assert!(found.is_empty(), "{found:?}");
}

/// One entry point lints a whole input for every front end: a PKCS#7 bundle gets the same
/// bundle findings as the same certificates in PEM.
#[test]
fn a_pkcs7_bundle_is_linted_as_its_certificates_are() {
    let fixtures = format!("{}/../../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| {
        let input = std::fs::read(format!("{fixtures}/{name}")).unwrap();
        lint::input(&inspect::decode(&input, NOW).unwrap())
    };
    let from_pem = read("fullchain.pem");
    assert!(!from_pem.is_empty(), "the chain lacks its root: a notice");
    assert_eq!(read("fullchain.p7b"), from_pem);
}
