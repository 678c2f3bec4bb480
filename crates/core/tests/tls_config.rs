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
