//! `certbench tls-config`: the contract (exit codes, JSON keys) and the configurations'
//! cipher strings read by the real OpenSSL. Line-for-line agreement with Mozilla's generator
//! is crates/core/tests/tls_config.rs.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::{certbench, json, openssl, openssl_available};

#[test]
fn writes_mozillas_configuration_with_its_suites_rated() {
    let out = certbench(
        &[
            "tls-config",
            "--server",
            "nginx",
            "--profile",
            "intermediate",
            "--hsts",
            "--ocsp",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# generated 2"), "{text}");
    assert!(text.contains("Mozilla Guideline v6.0, nginx"), "{text}");
    for line in [
        "    ssl_protocols TLSv1.2 TLSv1.3;",
        "    ssl_prefer_server_ciphers off;",
        "    ssl_stapling on;",
        "        return 308 https://$host$request_uri;",
    ] {
        assert!(text.contains(line), "missing {line:?}");
    }
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(
        note.contains("expands, as OpenSSL expands it, to exactly"),
        "{note}"
    );

    let out = certbench(
        &[
            "tls-config",
            "--server",
            "apache",
            "--profile",
            "old",
            "--guidelines",
            "5.7",
            "--server-version",
            "2.4.41",
            "--openssl-version",
            "1.1.1f",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let x = json(&out);
    for key in [
        "server",
        "server_version",
        "openssl_version",
        "profile",
        "guideline",
        "guideline_date",
        "protocols",
        "ciphers",
        "ciphersuites",
        "groups",
        "suites",
        "rating",
        "expands_to_guideline",
        "not_selected",
        "warnings",
        "text",
        "link",
    ] {
        assert!(x.get(key).is_some(), "missing {key}");
    }
    assert_eq!(x["guideline"], "5.7");
    assert_eq!(x["guideline_date"], "2023-05-15");
    assert_eq!(x["protocols"][0], "TLSv1");
    assert_eq!(x["rating"], "weak");
    assert_eq!(x["not_selected"][0], "DES-CBC3-SHA");
    assert!(
        x["warnings"].to_string().contains("end-of-life"),
        "{}",
        x["warnings"]
    );
    assert!(x["link"].as_str().unwrap().starts_with(
        "https://ssl-config.mozilla.org/#server=apache&version=2.4.41&config=old&openssl=1.1.1f"
    ));
}

#[test]
fn refuses_what_the_guidelines_do_not_have_listing_the_choices() {
    for (args, listed) in [
        (
            &["--server", "nginxx", "--profile", "modern"][..],
            "haproxy",
        ),
        (
            &["--server", "nginx", "--profile", "old"][..],
            "intermediate",
        ),
        (
            &[
                "--server",
                "nginx",
                "--profile",
                "modern",
                "--guidelines",
                "7.1",
            ][..],
            "5.7",
        ),
        (
            &[
                "--server",
                "traefik",
                "--profile",
                "modern",
                "--server-version",
                "1.7.34",
            ][..],
            "intermediate",
        ),
        (
            &[
                "--server",
                "nginx",
                "--profile",
                "modern",
                "--server-version",
                "next",
            ][..],
            "1.27.3",
        ),
    ] {
        let out = certbench(&[&["tls-config"][..], args].concat(), None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(listed), "{args:?}: {err}");
    }
}

/// Every profile's cipher string, as the nginx configuration writes it, is one the real
/// OpenSSL accepts and expands as certbench says.
#[test]
fn openssl_reads_each_profiles_cipher_string() {
    if !openssl_available() {
        return;
    }
    for (guideline, profile) in [
        ("6.0", "intermediate"),
        ("5.7", "intermediate"),
        ("5.7", "old"),
    ] {
        let out = certbench(
            &[
                "tls-config",
                "--server",
                "nginx",
                "--profile",
                profile,
                "--guidelines",
                guideline,
                "--json",
            ],
            None,
        );
        let x = json(&out);
        let string: Vec<&str> = x["ciphers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let string = format!("@SECLEVEL=0:{}", string.join(":"));
        let theirs = openssl(&["ciphers", "-tls1_2", &string]);
        assert!(theirs.status.success(), "{guideline} {profile}: {theirs:?}");
        let theirs: Vec<String> = String::from_utf8_lossy(&theirs.stdout)
            .trim()
            .split(':')
            .filter(|s| !s.starts_with("TLS_"))
            .map(str::to_string)
            .collect();
        let ours = json(&certbench(&["ciphers", &string, "--json"], None));
        let ours: Vec<String> = ours["suites"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["version"] != "TLSv1.3")
            .map(|s| s["openssl"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ours, theirs, "{guideline} {profile}");
    }
}

#[test]
fn check_exits_0_on_a_profile_1_off_them_2_without_tls_settings() {
    let (_dir, d) = common::workdir("tls-check");
    let good = d("good.conf");
    let out = certbench(
        &[
            "tls-config",
            "--server",
            "haproxy",
            "--profile",
            "intermediate",
        ],
        None,
    );
    std::fs::write(&good, &out.stdout).unwrap();
    let out = certbench(&["tls-config", "--check", &good], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Matches Mozilla's intermediate profile")
    );

    let weak = b"SSLProtocol -all +TLSv1 +TLSv1.2\nSSLCipherSuite HIGH:!aNULL\n";
    let out = certbench(&["tls-config", "--check", "-", "--json"], Some(weak));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let x = json(&out);
    for key in [
        "settings", "suites", "rating", "profiles", "matches", "closest",
    ] {
        assert!(x.get(key).is_some(), "missing {key}");
    }
    assert_eq!(x["settings"]["kind"], "apache");
    assert_eq!(x["matches"], serde_json::Value::Null);
    assert!(x["profiles"][1]["differences"].as_array().unwrap().len() > 3);

    let out = certbench(&["tls-config", "--check", "-"], Some(b"listen 443;\n"));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}
