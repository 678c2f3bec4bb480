//! Cipher-string expansion against the real `openssl ciphers` (OpenSSL 3.0, security level 0):
//! the same suites in exactly the same order. Skips when OpenSSL is missing, unless
//! CERTBENCH_REQUIRE_OPENSSL=1.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;
use certbench_core::cipher::string;
use std::process::Command;

/// Representative strings: server configs, scanners' favourites, every operator.
const STRINGS: &[&str] = &[
    "SUITEB128",
    "SUITEB128ONLY",
    "SUITEB128C2",
    "SUITEB192:HIGH",
    "ALL",
    "DEFAULT",
    "HIGH",
    "HIGH:!aNULL:!MD5",
    "HIGH:!aNULL:!MD5:!RC4",
    "ECDHE+AESGCM",
    "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM",
    "ECDHE+AESGCM:!aNULL",
    "ECDHE:DHE:!aNULL",
    "AES",
    "AES:@STRENGTH",
    "ALL:@STRENGTH",
    "ALL:-AES128:AES128",
    "ALL:+AES256",
    "ALL:!SHA1",
    "ALL:!RSA",
    "kRSA",
    "RSA",
    "aRSA",
    "aECDSA+AESGCM",
    "PSK",
    "PSK:!aPSK",
    "CHACHA20",
    "CAMELLIA:ARIA",
    "CBC",
    "ECDHE+CBC:!SHA1",
    "ALL:!CBC",
    "DEFAULT+aDSS",
    "DEFAULT+TLSv1.0:+SHA1",
    "DEFAULTS:!SHA1",
    // Items parsed as OpenSSL parses them: an unknown word drops its item (TLS 1.3 names
    // included), parsing goes on after a known one.
    "ECDHE+AESGCM:TLS_AES_128_GCM_SHA256",
    "TLS_AES_128_GCM_SHA256 ECDHE-RSA-AES256-SHA384 ECDSA+CAMELLIA256",
    "AES128!MD5",
    "HIGH@STRENGTH",
    "kRSA:X_Y",
    "kRSA:ECDHE_RSA",
    "kRSA:_Y",
    "ECDHE+",
    "!",
    "HIGH:@SECLEVEL=6",
    "HIGH:@SECLEVEL=2:!SHA1",
    "-kDHEPSK:+CHACHA20:-RSA+SHA1:SRP",
    "COMPLEMENTOFDEFAULT+HIGH",
    "HIGH+COMPLEMENTOFDEFAULT",
    "COMPLEMENTOFDEFAULT+FIPS",
    "MEDIUM+COMPLEMENTOFDEFAULT+HIGH",
    "SHA256",
    "SHA384:SHA256",
    "TLSv1.2",
    "TLSv1.2+AESGCM",
    "SSLv3",
    "TLSv1",
    "COMPLEMENTOFDEFAULT",
    "ALL:COMPLEMENTOFALL",
    "eNULL",
    "aNULL",
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384",
    "DEFAULT:!kRSA",
    "HIGH:MEDIUM:!aNULL",
    "FIPS",
    "HIGH+FIPS",
    "EECDH+AESGCM:EDH+AESGCM",
    "ALL:!ADH:!AECDH:@STRENGTH",
    "SRP",
    "AESCCM",
    "AESCCM8:@STRENGTH",
    "DHE-RSA-AES128-SHA:-DHE-RSA-AES128-SHA:ALL",
];

fn openssl_list(rule: &str) -> Option<Vec<String>> {
    let out = Command::new("openssl")
        .args(["ciphers", "--", &format!("{rule}:@SECLEVEL=0")])
        .output()
        .ok()?;
    out.status.success().then(|| {
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .split(':')
            .map(str::to_string)
            .collect()
    })
}

#[test]
fn expansions_match_openssl_exactly() {
    if !common::openssl_present() {
        return;
    }
    let mut mismatches = Vec::new();
    for rule in STRINGS {
        let ours = string::expand(rule)
            .map(|e| e.suites.into_iter().map(|s| s.openssl).collect::<Vec<_>>());
        match (openssl_list(rule), ours) {
            (Some(theirs), Ok(ours)) if theirs == ours => {}
            (None, Err(_)) => {}
            (theirs, ours) => mismatches.push(format!(
                "`{rule}`:\n  openssl:   {theirs:?}\n  certbench: {ours:?}"
            )),
        }
    }
    eprintln!("compared {} cipher strings with openssl", STRINGS.len());
    assert!(
        mismatches.is_empty(),
        "{} of {} differ:\n{}",
        mismatches.len(),
        STRINGS.len(),
        mismatches.join("\n")
    );
}

#[test]
fn config_lines_and_iana_lists() {
    assert_eq!(
        string::rule_from_config("ssl_ciphers 'ECDHE+AESGCM:!aNULL';"),
        "ECDHE+AESGCM:!aNULL"
    );
    assert_eq!(
        string::rule_from_config("SSLCipherSuite HIGH:!aNULL:!MD5"),
        "HIGH:!aNULL:!MD5"
    );
    assert_eq!(
        string::rule_from_config("CipherString = DEFAULT@SECLEVEL=2"),
        "DEFAULT@SECLEVEL=2"
    );
    for (line, rule) in [
        ("SSLCipherSuite SSL ECDHE+AESGCM", "ECDHE+AESGCM"),
        (
            "SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256",
        ),
        (
            "ssl-default-bind-ciphers ECDHE+AESGCM:!aNULL",
            "ECDHE+AESGCM:!aNULL",
        ),
        ("ssl_cipher_list = ALL:!kRSA", "ALL:!kRSA"),
        ("ssl.cipher-list = \"HIGH\"", "HIGH"),
        ("tls_high_cipherlist = HIGH:!aNULL", "HIGH:!aNULL"),
        ("--tls-cipher-list=ECDHE+AESGCM", "ECDHE+AESGCM"),
        ("--ciphers 'ECDHE+AESGCM'", "ECDHE+AESGCM"),
        ("ciphers = HIGH:!MD5", "HIGH:!MD5"),
    ] {
        assert_eq!(string::rule_from_config(line), rule, "{line}");
    }
    let apache13 =
        string::expand("SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256")
            .unwrap();
    assert_eq!(apache13.suites.len(), 2);
    let list =
        string::expand("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_3DES_EDE_CBC_SHA")
            .unwrap();
    assert_eq!(
        list.suites
            .iter()
            .map(|s| s.code.as_str())
            .collect::<Vec<_>>(),
        ["0xC0,0x2F", "0x00,0x0A"]
    );
    assert_eq!(list.rating, certbench_core::cipher::Rating::Weak);
    assert!(string::expand("NOTHING").is_err());
    let none = string::expand("!ALL").unwrap_err().to_string();
    assert_eq!(
        none,
        "`!ALL` selects no cipher suite (OpenSSL says \"no cipher match\")"
    );
    let suite_b = string::expand("SUITEB128").unwrap();
    assert!(suite_b.notes[0].starts_with("Suite B (RFC 6460)"));
    assert!(string::expand("ALL:<script>").is_err());
    // What OpenSSL ignores is ignored with a note saying why.
    for (rule, note) in [
        (
            "ECDHE+AESGCM:TLS_AES_128_GCM_SHA256",
            "`TLS_AES_128_GCM_SHA256` is a TLS 1.3 suite: OpenSSL configures those apart",
        ),
        ("ECDHE+AESGCM:NOSUCH", "`NOSUCH` matches nothing"),
        ("HIGH:AES+NOSUCH", "`NOSUCH` matches nothing"),
        ("HIGH:ECDHE+kRSA", "`ECDHE+kRSA` selects nothing"),
    ] {
        let notes = string::expand(rule).unwrap().notes;
        assert!(
            notes.iter().any(|n| n.starts_with(note)),
            "{rule}: {notes:?}"
        );
    }
    let bad = string::expand("HIGH:@SECLEVEL=7").unwrap_err().to_string();
    assert!(bad.contains("@SECLEVEL=0 to 5"), "{bad}");
    let weak = string::expand("ssl_ciphers 'ALL:COMPLEMENTOFALL';").unwrap();
    assert_eq!(
        weak.rating,
        certbench_core::cipher::Rating::Insecure,
        "eNULL and anonymous suites make the list insecure"
    );
}

/// The command shown beside an expansion runs as shown (through a shell) and prints the same
/// suites, in OpenSSL's names: for a cipher string, a config line, a string starting with an
/// operator, and lists of IANA names (which `openssl ciphers` does not read) with suites
/// OpenSSL 3.0 no longer has.
#[test]
fn the_command_shown_runs_and_prints_the_same_list() {
    if !common::openssl_present() {
        return;
    }
    let inputs = [
        "HIGH:!aNULL",
        "ssl_ciphers 'ECDHE+AESGCM:!aNULL';",
        "-kRSA:HIGH",
        "DEFAULT@SECLEVEL=2",
        certbench_core::samples::SAMPLES
            .iter()
            .find_map(|s| match s.opens {
                certbench_core::samples::Opens::Ciphers { string } => Some(string),
                _ => None,
            })
            .expect("the weak-cipher sample"),
        "TLS_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_RC4_128_SHA",
        "TLS_CHACHA20_POLY1305_SHA256",
    ];
    for input in inputs {
        let expansion = string::expand(input).unwrap();
        let out = Command::new("sh")
            .args(["-c", &expansion.command])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{}` failed: {}",
            expansion.command,
            String::from_utf8_lossy(&out.stderr)
        );
        let printed: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().next().map(str::to_string))
            .collect();
        let left_out: String = expansion
            .notes
            .iter()
            .filter(|n| n.contains("no longer has"))
            .cloned()
            .collect();
        let mut ours: Vec<String> = expansion
            .suites
            .iter()
            .filter(|s| !left_out.contains(&s.iana))
            .map(|s| s.openssl.clone())
            .collect();
        let mut printed = printed;
        if input.starts_with("TLS_") {
            // A list of IANA names is shown literally, TLS 1.3 suites in their place; OpenSSL
            // prints its -ciphersuites first.
            ours.sort();
            printed.sort();
        }
        assert_eq!(printed, ours, "`{input}`: {}", expansion.command);
    }
}
