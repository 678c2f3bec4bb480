//! The CLI contract (commands, flags, exit codes, JSON keys) and interop with the real OpenSSL.
//! OpenSSL tests skip with a message when `openssl` is missing, unless CERTBENCH_REQUIRE_OPENSSL=1
//! (the README test command sets it and installs OpenSSL).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn certbench(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_certbench"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run certbench");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    child.wait_with_output().expect("certbench output")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn openssl_available() -> bool {
    let found = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "openssl is required but missing"
        );
        eprintln!("skipping: openssl not installed");
    }
    found
}

fn openssl(args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .output()
        .expect("run openssl")
}

#[test]
fn decode_json_has_the_contract_keys() {
    let path = fixtures().join("fullchain.pem");
    let out = certbench(&["decode", path.to_str().unwrap(), "--json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let blocks = json(&out);
    let leaf = &blocks[0];
    assert_eq!(leaf["kind"], "certificate");
    assert_eq!(leaf["subject"], "CN=www.example.test,O=certbench fixtures");
    assert_eq!(
        leaf["issuer"],
        "CN=certbench Test Intermediate,O=certbench fixtures,C=GB"
    );
    assert_eq!(leaf["serial"], "c0ffee0123456789");
    let expected_fp = std::fs::read_to_string(fixtures().join("leaf.sha256")).unwrap();
    assert_eq!(leaf["fingerprint_sha256"], expected_fp.trim());
    assert_eq!(
        leaf["san"],
        serde_json::json!([
            "DNS:www.example.test",
            "DNS:*.api.example.test",
            "IP:192.0.2.7"
        ])
    );
    for key in ["not_before", "not_after"] {
        let text = leaf[key].as_str().unwrap();
        assert!(
            text.len() == 20 && text.ends_with('Z') && text.as_bytes()[10] == b'T',
            "{key}: {text}"
        );
    }
    assert_eq!(leaf["public_key"]["curve"], "P-384");
    assert_eq!(
        leaf["extended_key_usage"],
        serde_json::json!(["serverAuth", "clientAuth"])
    );
    assert_eq!(leaf["key_usage"], serde_json::json!(["digitalSignature"]));
    assert_eq!(leaf["is_ca"], false);
    assert_eq!(blocks[1]["is_ca"], true);
    assert_eq!(blocks.as_array().unwrap().len(), 2);
}

#[test]
fn decode_exit_codes() {
    // 2: nothing recognisable.
    let out = certbench(&["decode", "-"], Some(b"hello"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing recognisable"));
    // 1: one block broken, the others still printed.
    let pem = std::fs::read_to_string(fixtures().join("leaf.pem")).unwrap();
    let broken = format!("{pem}-----BEGIN CERTIFICATE-----\nMIIB!!\n-----END CERTIFICATE-----\n");
    let out = certbench(&["decode", "--json"], Some(broken.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out).as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("block 2 (`BEGIN CERTIFICATE`, line"));
    // DER from a file decodes too.
    let der = fixtures().join("leaf.der");
    assert_eq!(
        certbench(&["decode", der.to_str().unwrap()], None)
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn decode_never_panics_on_hostile_input() {
    let mut inputs: Vec<Vec<u8>> = vec![
        vec![0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
        vec![0x30; 10_000],
        b"-----BEGIN CERTIFICATE-----".to_vec(),
        b"-----BEGIN X-----\n-----END X-----".to_vec(),
        vec![0xff; 100],
    ];
    let der = std::fs::read(fixtures().join("leaf.der")).unwrap();
    for cut in [1, 10, 100, der.len() - 1] {
        inputs.push(der[..cut].to_vec());
    }
    for i in (0..der.len()).step_by(7) {
        let mut flipped = der.clone();
        flipped[i] ^= 0x5a;
        inputs.push(flipped);
    }
    for input in inputs {
        let code = certbench(&["decode", "--json"], Some(&input)).status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "exit {code:?} on {} bytes",
            input.len()
        );
    }
}

#[test]
fn verify_exit_codes_and_json() {
    let chain = fixtures().join("fullchain.pem");
    let root = fixtures().join("root.pem");
    let (chain, root) = (chain.to_str().unwrap(), root.to_str().unwrap());
    let out = certbench(
        &[
            "verify",
            chain,
            "--roots",
            root,
            "--host",
            "x.api.example.test",
            "--purpose",
            "server",
            "--json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verdict = json(&out);
    assert_eq!(verdict["valid"], true);
    assert_eq!(verdict["path"].as_array().unwrap().len(), 3);
    assert!(
        verdict["checks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["ok"] == true && c["check"].is_string())
    );
    let out = certbench(
        &[
            "verify",
            chain,
            "--roots",
            root,
            "--host",
            "example.test",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let error = &json(&out)["errors"][0];
    assert_eq!(error["code"], "hostname");
    for key in ["message", "rfc", "openssl", "chromium"] {
        assert!(error[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    let out = certbench(
        &[
            "verify",
            chain,
            "--roots",
            root,
            "--at",
            "2080-01-01T00:00:00Z",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expired"));
    let garbage = fixtures().join("make.sh");
    assert_eq!(
        certbench(
            &["verify", garbage.to_str().unwrap(), "--roots", root],
            None
        )
        .status
        .code(),
        Some(2)
    );
    let key = fixtures().join("leaf.key");
    assert_eq!(
        certbench(&["verify", key.to_str().unwrap(), "--roots", root], None)
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn cipher_json_has_the_contract_keys() {
    let out = certbench(
        &["cipher", "ECDHE-RSA-AES256-GCM-SHA384-typo", "--json"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let out = certbench(&["cipher", "0xC0,0x30", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let e = json(&out);
    assert_eq!(e["iana"], "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assert_eq!(e["code"], "0xC0,0x30");
    assert_eq!(e["kx"], "ECDHE");
    assert_eq!(e["forward_secrecy"], true);
    assert_eq!(e["rating"], "recommended");
    for key in [
        "openssl", "gnutls", "versions", "auth", "enc", "bits", "mode", "aead", "mac", "prf",
        "reasons",
    ] {
        assert!(e.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn generated_self_signed_certificates_satisfy_openssl() {
    if !openssl_available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("certbench-gen-{}", std::process::id()));
    for key in ["p256", "p384", "ed25519", "rsa2048"] {
        let out_dir = dir.join(key);
        let out = certbench(
            &[
                "gen",
                "selfsigned",
                "--cn",
                "localhost",
                "--san",
                "DNS:localhost,IP:127.0.0.1,IP:::1",
                "--key",
                key,
                "--out",
                out_dir.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{key}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let cert = out_dir.join("cert.pem");
        let cert = cert.to_str().unwrap();
        let verify = openssl(&["verify", "-CAfile", cert, cert]);
        assert!(
            verify.status.success(),
            "{key}: openssl verify: {}",
            String::from_utf8_lossy(&verify.stdout)
        );
        let text = openssl(&["x509", "-in", cert, "-noout", "-text"]);
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1"),
            "{key}: {text}"
        );
        assert!(
            text.contains("CA:FALSE") && text.contains("TLS Web Server Authentication"),
            "{key}"
        );
        let key_file = out_dir.join("key.pem");
        let pkey = openssl(&["pkey", "-in", key_file.to_str().unwrap(), "-pubout"]);
        assert!(pkey.status.success(), "{key}: openssl pkey rejects the key");
        let cert_pub = openssl(&["x509", "-in", cert, "-noout", "-pubkey"]);
        assert_eq!(
            pkey.stdout, cert_pub.stdout,
            "{key}: key.pem does not match cert.pem"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn openssl_agrees_on_fixture_fields() {
    if !openssl_available() {
        return;
    }
    for name in ["root", "int", "leaf"] {
        let path = fixtures().join(format!("{name}.pem"));
        let path = path.to_str().unwrap();
        let ours = &json(&certbench(&["decode", path, "--json"], None))[0];
        let serial =
            String::from_utf8_lossy(&openssl(&["x509", "-in", path, "-noout", "-serial"]).stdout)
                .to_string();
        assert_eq!(
            serial
                .trim()
                .trim_start_matches("serial=")
                .to_ascii_lowercase(),
            ours["serial"].as_str().unwrap()
        );
        let subject = openssl(&[
            "x509", "-in", path, "-noout", "-subject", "-nameopt", "RFC2253",
        ]);
        let subject = String::from_utf8_lossy(&subject.stdout).to_string();
        assert_eq!(
            subject.trim().trim_start_matches("subject="),
            ours["subject"].as_str().unwrap()
        );
    }
}
