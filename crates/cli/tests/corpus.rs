//! Corpus: every certificate of the system Mozilla bundle (Debian `ca-certificates`) decodes, and
//! its subject, issuer, serial, dates, SANs and fingerprints equal what OpenSSL prints for it.
//! Skips with a message when the bundle or OpenSSL is missing, unless
//! CERTBENCH_REQUIRE_OPENSSL=1 (the README test command installs both).
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use std::io::Write;
use std::process::{Command, Stdio};

const BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";

/// What `openssl x509` prints for one certificate, as `field=value` lines.
fn openssl_fields(pem: &str) -> Vec<(String, String)> {
    let mut child = Command::new("openssl")
        .args([
            "x509",
            "-noout",
            "-subject",
            "-issuer",
            "-serial",
            "-startdate",
            "-enddate",
            "-fingerprint",
            "-sha256",
        ])
        .args(["-nameopt", "RFC2253,-esc_msb", "-ext", "subjectAltName"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run openssl");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pem.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("openssl output");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect()
}

/// `Jan  1 00:00:00 2030 GMT` → `2030-01-01T00:00:00Z`.
fn openssl_date(text: &str) -> String {
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = text.split_whitespace().collect();
    let month = months.iter().position(|m| *m == parts[0]).expect("month") + 1;
    format!(
        "{}-{month:02}-{:02}T{}Z",
        parts[3],
        parts[1].parse::<u32>().expect("day"),
        parts[2]
    )
}

#[test]
fn mozilla_bundle_matches_openssl() {
    let Ok(bundle) = std::fs::read_to_string(BUNDLE) else {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "{BUNDLE} is required but missing"
        );
        eprintln!("skipping: {BUNDLE} not present (install Debian ca-certificates)");
        return;
    };
    if Command::new("openssl").arg("version").output().is_err() {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "openssl is required but missing"
        );
        eprintln!("skipping: openssl not installed");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_certbench"))
        .args(["decode", BUNDLE, "--json"])
        .output()
        .expect("run certbench");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let pems: Vec<String> = bundle
        .split_inclusive("-----END CERTIFICATE-----")
        .filter_map(|chunk| {
            chunk
                .find("-----BEGIN CERTIFICATE-----")
                .map(|i| chunk[i..].to_string())
        })
        .collect();
    assert_eq!(reports.len(), pems.len());
    assert!(
        pems.len() >= 100,
        "only {} certificates in the bundle",
        pems.len()
    );
    let mut mismatches = Vec::new();
    for (pem, ours) in pems.iter().zip(&reports) {
        let fields = openssl_fields(pem);
        let get = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let expected = [
            ("subject", get("subject")),
            ("issuer", get("issuer")),
            ("serial", get("serial").to_ascii_lowercase()),
            ("not_before", openssl_date(&get("notBefore"))),
            ("not_after", openssl_date(&get("notAfter"))),
            (
                "fingerprint_sha256",
                get("sha256 Fingerprint")
                    .replace(':', "")
                    .to_ascii_lowercase(),
            ),
        ];
        for (key, want) in expected {
            let got = ours[key].as_str().unwrap_or_default();
            if got != want {
                mismatches.push(format!(
                    "{}: {key}: certbench `{got}`, openssl `{want}`",
                    ours["subject"]
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
