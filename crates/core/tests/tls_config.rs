//! `tls_config` against Mozilla's own SSL Configuration Generator: every case of
//! tests/fixtures/tls-config/expected.txt (what the generator's templates print, made by
//! tools/mozilla-tls-expected.mjs) written by certbench must be the same, line for line.
#![cfg(feature = "tls-config")]
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::tls_config::{self, Request};

struct Case {
    request: Request,
    line: String,
    expected: Option<String>,
}

fn cases() -> Vec<Case> {
    let text = include_str!("../../../tests/fixtures/tls-config/expected.txt");
    let mut cases: Vec<Case> = Vec::new();
    // Comment lines before the first case are the file's header: no case takes them.
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("=== ") {
            let f: Vec<&str> = rest.split(' ').collect();
            cases.push(Case {
                request: Request {
                    server: f[0].into(),
                    profile: f[1].into(),
                    server_version: Some(f[2].into()),
                    openssl_version: Some(f[3].into()),
                    hsts: f[4] == "true",
                    ocsp: f[5] == "true",
                    guideline: Some(f[6].into()),
                },
                line: line.into(),
                expected: (f.get(7) != Some(&"FAILS")).then(String::new),
            });
        } else if let Some(expected) = cases.last_mut().and_then(|c| c.expected.as_mut()) {
            expected.push_str(line);
            expected.push('\n');
        }
    }
    cases
}

#[test]
fn every_configuration_is_what_mozillas_generator_writes() {
    let cases = cases();
    assert!(cases.len() > 600, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let ours = tls_config::generate(&case.request, "2026-01-01");
        match (&case.expected, ours) {
            (Some(expected), Ok(ours)) if &ours.text == expected => {}
            // The generator prints a configuration without protocols (`ssl_protocols ;`)
            // where the version cannot meet the profile; certbench refuses instead.
            (Some(_), Err(certbench_core::error::Error::TlsConfig { problem, .. }))
                if problem.contains("cannot speak TLS 1.3, the only protocol") => {}
            (None, Err(_)) => {}
            (expected, ours) => failures.push(format!(
                "{}\n--- Mozilla\n{}\n--- certbench\n{}",
                case.line,
                expected.as_deref().unwrap_or("(fails)"),
                match ours {
                    Ok(g) => g.text,
                    Err(e) => format!("error: {e}"),
                }
            )),
        }
    }
    for f in &failures {
        eprintln!("{}", f.lines().next().unwrap_or(""));
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ; the first:\n{}",
        failures.len(),
        cases.len(),
        failures[0]
    );
}

/// "Check my config" reads back what `generate` writes for nginx, Apache and HAProxy as the
/// profile it was written for, and only that one.
#[test]
fn each_written_configuration_checks_as_its_profile() {
    for server in ["nginx", "apache", "haproxy"] {
        for (guideline, profile) in [("6.0", "modern"), ("6.0", "intermediate"), ("5.7", "old")] {
            let written = tls_config::generate(
                &Request {
                    server: server.into(),
                    profile: profile.into(),
                    guideline: Some(guideline.into()),
                    hsts: true,
                    ocsp: true,
                    ..Request::default()
                },
                "2026-01-01",
            )
            .unwrap();
            let check = tls_config::check(&written.text).unwrap();
            assert_eq!(check.settings.kind, server);
            assert_eq!(
                check.matches.as_deref(),
                Some(profile),
                "{server} {profile}"
            );
            let matching: Vec<&str> = check
                .profiles
                .iter()
                .filter(|p| p.matches)
                .map(|p| p.profile.as_str())
                .collect();
            assert_eq!(matching, [profile], "{server} {profile}");
            assert!(check.settings.hsts, "{server}");
        }
    }
}

#[test]
fn a_weak_configuration_is_told_what_differs_and_why() {
    let check = tls_config::check(
        "ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\nssl_ciphers HIGH:!aNULL:!MD5;\nssl_prefer_server_ciphers on;\n",
    )
    .unwrap();
    assert_eq!(check.matches, None);
    assert_eq!(check.rating, certbench_core::cipher::Rating::Weak);
    let intermediate = &check.profiles[1];
    let text: Vec<String> = intermediate
        .differences
        .iter()
        .map(|d| format!("{}: {}", d.detail, d.why))
        .collect();
    for part in [
        "enables TLSv1, which the intermediate profile does not: TLS 1.0 and 1.1 are deprecated (RFC 8996)",
        "does not enable TLSv1.3",
        "enables AES128-SHA (weak)",
    ] {
        assert!(text.iter().any(|t| t.contains(part)), "{part}: {text:#?}");
    }
    // A bare cipher string is read as one; text without TLS settings is refused.
    let bare = tls_config::check("ECDHE+AESGCM:ECDHE+CHACHA20").unwrap();
    assert_eq!(bare.settings.kind, "cipher string");
    assert!(tls_config::check("server_name example.com;").is_err());
    // Apache and HAProxy spell protocols their own ways.
    let apache = tls_config::check("SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1\n").unwrap();
    assert_eq!(
        apache.settings.protocols.as_deref(),
        Some(&["TLSv1.2".to_string(), "TLSv1.3".to_string()][..])
    );
}
