//! The committed cipher-suite table against its sources: the IANA registry CSV in
//! ../shared/iana (skipped with a message when absent), and the real OpenSSL CLI (skipped when
//! missing, unless CERTBENCH_REQUIRE_OPENSSL=1).

use certbench_core::cipher::{self, RANGES, SUITES};
use std::path::Path;
use std::process::Command;

/// RFC 4180 CSV: quoted fields may hold commas and newlines.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn committed_table_matches_the_iana_csv() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/iana/tls-parameters-4.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping: {} not found (the IANA registry copy lives in ../shared)",
            path.display()
        );
        return;
    };
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "Value",
            "Description",
            "DTLS-OK",
            "Recommended",
            "Reference"
        ]
    );
    let (mut suites, mut ranges) = (0, 0);
    for row in &rows[1..] {
        let name = row[1].split_whitespace().collect::<Vec<_>>().join(" ");
        let (hi, lo) = row[0].split_once(',').unwrap();
        if name.starts_with("TLS_") && !hi.contains('-') && !lo.contains('-') && !lo.contains('*') {
            let code = u16::from_str_radix(&format!("{}{}", &hi[2..], &lo[2..]), 16).unwrap();
            let suite = SUITES
                .iter()
                .find(|s| s.code == code)
                .unwrap_or_else(|| panic!("{} missing", row[0]));
            assert_eq!(suite.iana, name);
            assert_eq!(suite.dtls, row[2] == "Y", "{name} DTLS-OK");
            assert_eq!(suite.recommended, row[3] == "Y", "{name} Recommended");
            assert!(
                row[4].contains(suite.reference.split(' ').next().unwrap()),
                "{name} reference"
            );
            suites += 1;
        } else {
            ranges += 1;
        }
    }
    assert_eq!(
        suites,
        SUITES.len(),
        "every committed suite comes from the CSV"
    );
    assert_eq!(ranges, RANGES.len());
}

#[test]
fn openssl_agrees_on_every_suite_it_knows() {
    let Ok(out) = Command::new("openssl")
        .args(["ciphers", "-V", "ALL:COMPLEMENTOFALL:@SECLEVEL=0"])
        .output()
    else {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "openssl is required but missing"
        );
        eprintln!("skipping: openssl not installed");
        return;
    };
    let listing = String::from_utf8_lossy(&out.stdout);
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for line in listing.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [code, "-", name, _version, kx, au, enc, mac] = fields[..] else {
            continue;
        };
        let e = cipher::explain(code).unwrap_or_else(|err| panic!("{code} {name}: {err}"));
        let ours = cipher::openssl_fields(&e);
        let theirs = (
            kx.trim_start_matches("Kx="),
            au.trim_start_matches("Au="),
            enc.trim_start_matches("Enc="),
            mac.trim_start_matches("Mac="),
        );
        if e.openssl.as_deref() != Some(name) && !name.starts_with("TLS_") {
            mismatches.push(format!("{code}: name {:?} vs {name}", e.openssl));
        }
        if (
            ours.kx.as_str(),
            ours.au.as_str(),
            ours.enc.as_str(),
            ours.mac.as_str(),
        ) != theirs
        {
            mismatches.push(format!(
                "{code} {name}: certbench {ours:?}, openssl {theirs:?}"
            ));
        }
        assert_eq!(
            cipher::explain(name).map(|x| x.code).ok(),
            Some(e.code.clone()),
            "{name} finds its suite"
        );
        checked += 1;
    }
    eprintln!("compared {checked} suites with openssl");
    assert!(checked >= 100, "only {checked} suites listed by openssl");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
