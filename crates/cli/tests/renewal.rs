//! Renewal: `certbench calendar`, the iCalendar (RFC 5545) of a bundle's expiry dates, read
//! back by an independent reader of its content lines here, each event's time that of
//! `decode`; and `certbench diff`, what changed between a certificate and its renewal.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;

/// RFC 5545 §3.1: lines end in CRLF, are at most 75 octets, and a line starting with a space
/// continues the one before. Gives the unfolded lines.
fn content_lines(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(raw.len() <= 75, "over 75 octets: {raw}");
        assert!(!raw.contains('\n') && !raw.contains('\r'));
        match raw.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(raw.to_string()),
        }
    }
    lines
}

#[test]
fn a_bundles_calendar_has_an_event_and_a_reminder_per_certificate() {
    let chain = fixtures().join("fullchain.pem");
    let out = certbench(&["calendar", chain.to_str().unwrap()], None);
    exits(&out, 0, "calendar");
    let ics = String::from_utf8(out.stdout).unwrap();
    let lines = content_lines(&ics);
    // Components nest and close; every line is NAME:VALUE.
    let mut open: Vec<String> = Vec::new();
    let mut events = Vec::new();
    for line in &lines {
        let (name, value) = line.split_once(':').unwrap();
        assert!(
            name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
            "{line}"
        );
        match name {
            "BEGIN" => {
                open.push(value.to_string());
                if value == "VEVENT" {
                    events.push(Vec::new());
                }
            }
            "END" => assert_eq!(open.pop().as_deref(), Some(value)),
            _ if open.last().map(String::as_str) == Some("VEVENT") => events
                .last_mut()
                .unwrap()
                .push((name.to_string(), value.to_string())),
            _ => {}
        }
    }
    assert!(open.is_empty());
    assert!(lines.contains(&"VERSION:2.0".to_string()));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(lines.iter().filter(|l| *l == "TRIGGER:-P30D").count(), 2);
    let decoded = json(&certbench(
        &["decode", chain.to_str().unwrap(), "--json"],
        None,
    ));
    assert_eq!(events.len(), decoded.as_array().unwrap().len());
    for (event, cert) in events.iter().zip(decoded.as_array().unwrap()) {
        let get = |name: &str| {
            event
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let not_after: String = cert["not_after"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| *c != '-' && *c != ':')
            .collect();
        assert_eq!(get("DTSTART"), Some(not_after.as_str()));
        assert_eq!(
            get("UID"),
            Some(format!("{}@certbench", cert["fingerprint_sha256"].as_str().unwrap()).as_str())
        );
        assert!(get("DTSTAMP").is_some());
        let description = get("DESCRIPTION").unwrap();
        assert!(
            description.contains(cert["ari_id"].as_str().unwrap()),
            "{description}"
        );
    }
    // No certificate: exit 2.
    let out = certbench(
        &["calendar", fixtures().join("leaf.key").to_str().unwrap()],
        None,
    );
    exits(&out, 2, "a key alone");
}

#[test]
fn diff_says_what_changed_at_a_renewal() {
    let (_dir, d) = workdir("diff");
    for name in ["old", "new"] {
        let out = certbench(
            &[
                "gen",
                "selfsigned",
                "--cn",
                "renew.test",
                "--san",
                "DNS:renew.test",
                "--out",
                &d(name),
            ],
            None,
        );
        exits(&out, 0, name);
    }
    let (old, new) = (d("old/cert.pem"), d("new/cert.pem"));
    // The same file: identical, exit 0, no differences.
    let same = certbench(&["diff", &old, &old, "--json"], None);
    exits(&same, 0, "same");
    assert_eq!(json(&same), serde_json::json!([]));
    // Renewed: a new key and serial, the same names.
    let renewed = certbench(&["diff", &old, &new, "--json"], None);
    exits(&renewed, 1, "renewed");
    let changes = json(&renewed);
    let fields: Vec<&str> = changes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    for expected in [
        "serial",
        "fingerprint_sha256",
        "public_key.jwk_thumbprint",
        "subject_key_id",
    ] {
        assert!(fields.contains(&expected), "{expected} not in {fields:?}");
    }
    for same in [
        "subject",
        "issuer",
        "san",
        "signature_algorithm",
        "lint",
        "validity",
    ] {
        assert!(!fields.contains(&same), "{same} in {fields:?}");
    }
    let serial = changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "serial")
        .unwrap();
    let decoded = json(&certbench(&["decode", &old, "--json"], None));
    assert_eq!(serial["a"], decoded[0]["serial"]);
    // A file that is not there, or not a certificate: exit 2.
    exits(
        &certbench(&["diff", &old, &d("missing.pem")], None),
        2,
        "missing",
    );
}
