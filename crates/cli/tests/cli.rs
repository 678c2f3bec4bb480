//! The CLI contract (commands, flags, exit codes, JSON keys) and interop with the real OpenSSL.
//! OpenSSL tests skip with a message when `openssl` is missing, unless CERTBENCH_REQUIRE_OPENSSL=1
//! (the README test command sets it and installs OpenSSL).
#![allow(clippy::unwrap_used)] // a test's panic is its failure

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

/// A new P-256 key from OpenSSL at `path`.
fn openssl_p256_key(path: &str) -> Output {
    openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        path,
    ])
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

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly_instead_of_panicking() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    // `certbench decode roots.pem | head -1`: the reader goes away after a few bytes.
    let roots = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/data/mozilla-roots.pem"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_certbench"))
        .args(["decode", roots])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run certbench");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .unwrap();
    let status = child.wait().unwrap();
    const SIGPIPE: i32 = 13; // Linux and the BSDs
    assert_eq!(status.signal(), Some(SIGPIPE), "{status:?}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn verify_limits_the_number_of_intermediates() {
    let chain = fixtures().join("fullchain.pem");
    let root = fixtures().join("root.pem");
    let (chain, root) = (chain.to_str().unwrap(), root.to_str().unwrap());
    let run = |flag: &str, limit: &str| {
        certbench(
            &["verify", chain, "--roots", root, flag, limit, "--json"],
            None,
        )
    };
    assert_eq!(run("--max-intermediates", "1").status.code(), Some(0));
    for flag in ["--max-intermediates", "--verify-depth"] {
        let out = run(flag, "0");
        assert_eq!(out.status.code(), Some(1), "{flag}");
        assert_eq!(json(&out)["errors"][0]["code"], "too_long", "{flag}");
    }
    assert_eq!(run("--max-intermediates", "-1").status.code(), Some(2));
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

fn generate_ok(args: &[&str]) -> Output {
    let out = certbench(&[&["gen"], args].concat(), None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "gen {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn assert_ok(out: Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A fresh temporary directory, and a maker of path strings inside it for command lines.
fn workdir(name: &str) -> (PathBuf, impl Fn(&str) -> String) {
    let dir = temp_dir(name);
    let inside = dir.clone();
    (dir, move |file: &str| {
        inside.join(file).to_str().unwrap().to_string()
    })
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("certbench-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn generated_self_signed_certificates_satisfy_openssl() {
    if !openssl_available() {
        return;
    }
    let dir = temp_dir("selfsigned");
    for key in ["p256", "p384", "ed25519", "rsa2048"] {
        let out_dir = dir.join(key);
        generate_ok(&[
            "selfsigned",
            "--cn",
            "localhost",
            "--san",
            "DNS:localhost,IP:127.0.0.1,IP:::1",
            "--key",
            key,
            "--out",
            out_dir.to_str().unwrap(),
        ]);
        let cert = out_dir.join("cert.pem");
        let cert = cert.to_str().unwrap();
        assert_ok(openssl(&["verify", "-CAfile", cert, cert]), key);
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

/// Root -> intermediate -> server, client and a signed CSR, for every key type: OpenSSL
/// verifies each leaf, accepts each CSR and key, and sees the profile's extensions.
#[test]
fn every_profile_and_key_type_satisfies_openssl() {
    if !openssl_available() {
        return;
    }
    let dir = temp_dir("profiles");
    for key in ["p256", "p384", "ed25519", "rsa2048"] {
        let d = |name: &str| dir.join(key).join(name).to_str().unwrap().to_string();
        generate_ok(&[
            "root",
            "--cn",
            &format!("{key} root"),
            "--org",
            "certbench tests",
            "--country",
            "GB",
            "--key",
            key,
            "--out",
            &d("root"),
        ]);
        generate_ok(&[
            "intermediate",
            "--cn",
            &format!("{key} intermediate"),
            "--key",
            key,
            "--pathlen",
            "0",
            "--permit",
            "DNS:example.test,IP:127.0.0.0/8",
            "--ca-cert",
            &d("root/cert.pem"),
            "--ca-key",
            &d("root/key.pem"),
            "--out",
            &d("int"),
        ]);
        let ca_chain = format!("{}/ca.pem", d("int"));
        let chain = [
            std::fs::read_to_string(d("int/cert.pem")).unwrap(),
            std::fs::read_to_string(d("root/cert.pem")).unwrap(),
        ]
        .concat();
        std::fs::write(&ca_chain, chain).unwrap();
        generate_ok(&[
            "server",
            "--san",
            "DNS:www.example.test,IP:127.0.0.1",
            "--key",
            key,
            "--must-staple",
            "--ocsp-url",
            "http://ocsp.example.test",
            "--ca-cert",
            &ca_chain,
            "--ca-key",
            &d("int/key.pem"),
            "--out",
            &d("server"),
        ]);
        generate_ok(&[
            "client",
            "--cn",
            "alice",
            "--san",
            "email:alice@example.test",
            "--key",
            key,
            "--ca-cert",
            &ca_chain,
            "--ca-key",
            &d("int/key.pem"),
            "--out",
            &d("client"),
        ]);
        generate_ok(&[
            "csr",
            "--cn",
            "api.example.test",
            "--san",
            "DNS:api.example.test",
            "--key",
            key,
            "--out",
            &d("csr"),
        ]);
        assert_ok(
            openssl(&["req", "-in", &d("csr/request.csr"), "-verify", "-noout"]),
            &format!("{key}: openssl req -verify"),
        );
        generate_ok(&[
            "sign",
            "--csr",
            &d("csr/request.csr"),
            "--ca-cert",
            &ca_chain,
            "--ca-key",
            &d("int/key.pem"),
            "--out",
            &d("signed"),
        ]);
        for leaf in ["server", "client", "signed"] {
            let verify = openssl(&[
                "verify",
                "-CAfile",
                &d("root/cert.pem"),
                "-untrusted",
                &d("int/cert.pem"),
                &d(&format!("{leaf}/cert.pem")),
            ]);
            assert_ok(verify, &format!("{key} {leaf}: openssl verify"));
        }
        // fullchain.pem is leaf + intermediate: enough with the root alone.
        assert_ok(
            openssl(&[
                "verify",
                "-CAfile",
                &d("root/cert.pem"),
                "-untrusted",
                &d("server/fullchain.pem"),
                &d("server/cert.pem"),
            ]),
            "fullchain",
        );
        let text = |path: &str| {
            String::from_utf8_lossy(&openssl(&["x509", "-in", path, "-noout", "-text"]).stdout)
                .to_string()
        };
        let int = text(&d("int/cert.pem"));
        assert!(
            int.contains("CA:TRUE, pathlen:0")
                && int.contains("Certificate Sign, CRL Sign")
                && int.contains("DNS:example.test"),
            "{key}: {int}"
        );
        let server = text(&d("server/cert.pem"));
        assert!(
            server.contains("TLS Web Server Authentication")
                && server.contains("status_request")
                && server.contains("OCSP - URI:http://ocsp.example.test"),
            "{key}: {server}"
        );
        assert!(
            text(&d("client/cert.pem")).contains("TLS Web Client Authentication"),
            "{key}"
        );
        assert!(
            text(&d("signed/cert.pem")).contains("DNS:api.example.test"),
            "{key}: SAN copied from the CSR"
        );
        for k in ["root", "int", "server", "client", "csr"] {
            assert_ok(
                openssl(&["pkey", "-in", &d(&format!("{k}/key.pem")), "-noout"]),
                &format!("{key} {k}: openssl pkey"),
            );
        }
        // certbench's own verifier agrees with OpenSSL.
        let ours = certbench(
            &[
                "verify",
                &d("server/fullchain.pem"),
                "--roots",
                &d("root/cert.pem"),
                "--host",
                "www.example.test",
                "--purpose",
                "server",
            ],
            None,
        );
        assert_eq!(
            ours.status.code(),
            Some(0),
            "{key}: {}",
            String::from_utf8_lossy(&ours.stdout)
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn mtls_handshake_succeeds_with_generated_certificates_and_fails_across_cas() {
    if !openssl_available() || Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: needs openssl and python3");
        return;
    }
    let (dir, d) = workdir("mtls");
    generate_ok(&["root", "--cn", "mTLS root", "--out", &d("root")]);
    generate_ok(&[
        "server",
        "--san",
        "DNS:localhost,IP:127.0.0.1",
        "--ca-cert",
        &d("root/cert.pem"),
        "--ca-key",
        &d("root/key.pem"),
        "--out",
        &d("server"),
    ]);
    generate_ok(&[
        "client",
        "--cn",
        "alice",
        "--ca-cert",
        &d("root/cert.pem"),
        "--ca-key",
        &d("root/key.pem"),
        "--out",
        &d("client"),
    ]);
    generate_ok(&["root", "--cn", "other root", "--out", &d("other")]);
    generate_ok(&[
        "client",
        "--cn",
        "mallory",
        "--ca-cert",
        &d("other/cert.pem"),
        "--ca-key",
        &d("other/key.pem"),
        "--out",
        &d("stranger"),
    ]);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/interop/mtls.py");
    let handshake = |client: &str| {
        Command::new("python3")
            .arg(&script)
            .args([
                d("root/cert.pem"),
                d("server/fullchain.pem"),
                d("server/key.pem"),
            ])
            .args([
                d(&format!("{client}/fullchain.pem")),
                d(&format!("{client}/key.pem")),
                "localhost".into(),
            ])
            .output()
            .expect("python3")
    };
    let ok = handshake("client");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let refused = handshake("stranger");
    assert!(
        !refused.status.success(),
        "a client from another CA was accepted"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn generate_refuses_bad_inputs_with_clear_messages() {
    let (dir, d) = workdir("refuse");
    generate_ok(&["root", "--cn", "root", "--out", &d("root")]);
    generate_ok(&["root", "--cn", "other", "--out", &d("other")]);
    generate_ok(&[
        "root",
        "--cn",
        "old",
        "--days",
        "1",
        "--not-before",
        "2020-01-01T00:00:00Z",
        "--out",
        &d("old"),
    ]);
    let refused = |args: &[&str], message: &str| {
        let out = certbench(&[&["gen"], args].concat(), None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    };
    refused(
        &[
            "server",
            "--san",
            "DNS:x.test",
            "--ca-cert",
            &d("root/cert.pem"),
            "--ca-key",
            &d("other/key.pem"),
            "--out",
            &d("x"),
        ],
        "the CA key does not match",
    );
    refused(
        &[
            "server",
            "--san",
            "DNS:x.test",
            "--ca-cert",
            &d("old/cert.pem"),
            "--ca-key",
            &d("old/key.pem"),
            "--out",
            &d("x"),
        ],
        "expired on 2020-01-01T23:59:59Z",
    );
    refused(
        &[
            "server",
            "--ca-cert",
            &d("root/cert.pem"),
            "--ca-key",
            &d("root/key.pem"),
            "--out",
            &d("x"),
        ],
        "needs at least one SAN",
    );
    generate_ok(&[
        "server",
        "--san",
        "DNS:leaf.test",
        "--ca-cert",
        &d("root/cert.pem"),
        "--ca-key",
        &d("root/key.pem"),
        "--out",
        &d("leaf"),
    ]);
    refused(
        &[
            "client",
            "--cn",
            "c",
            "--ca-cert",
            &d("leaf/cert.pem"),
            "--ca-key",
            &d("leaf/key.pem"),
            "--out",
            &d("x"),
        ],
        "is not a CA certificate",
    );
    // A CSR whose signature no longer verifies.
    generate_ok(&[
        "csr",
        "--cn",
        "c.test",
        "--san",
        "DNS:c.test",
        "--out",
        &d("csr"),
    ]);
    let pem = std::fs::read_to_string(d("csr/request.csr")).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut der = base64_decode(&body);
    let last = der.len() - 2;
    der[last] ^= 0x01;
    std::fs::write(d("csr/tampered.der"), der).unwrap();
    refused(
        &[
            "sign",
            "--csr",
            &d("csr/tampered.der"),
            "--ca-cert",
            &d("root/cert.pem"),
            "--ca-key",
            &d("root/key.pem"),
            "--out",
            &d("x"),
        ],
        "signature does not verify",
    );
    // A CSR asking to be a CA is signed as a leaf, and says so.
    let out = certbench(&["decode", &d("csr/request.csr"), "--json"], None);
    assert_eq!(json(&out)[0]["kind"], "csr");
    std::fs::remove_dir_all(dir).ok();
}

fn base64_decode(text: &str) -> Vec<u8> {
    let out = Command::new("openssl")
        .args(["base64", "-d", "-A"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())?;
            child.wait_with_output()
        });
    out.expect("openssl base64").stdout
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

#[test]
fn lint_exit_codes_and_json() {
    let fixture = |name: &str| fixtures().join(name).to_str().unwrap().to_string();
    let weak = certbench(&["lint", &fixture("keys/rsa1024.pem"), "--json"], None);
    assert_eq!(weak.status.code(), Some(1), "an error finding exits 1");
    let report = json(&weak);
    let finding = &report["certificates"][0]["findings"][0];
    assert_eq!(finding["code"], "weak_rsa_key");
    assert_eq!(finding["severity"], "error");
    assert!(finding["source"].as_str().unwrap().contains("6.1.5"));
    let clean = certbench(&["lint", &fixture("root.pem")], None);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let reversed = [
        std::fs::read_to_string(fixture("int.pem")).unwrap(),
        std::fs::read_to_string(fixture("leaf.pem")).unwrap(),
    ]
    .concat();
    let out = certbench(&["lint", "--json"], Some(reversed.as_bytes()));
    assert_eq!(json(&out)["bundle"][0]["code"], "wrong_order");
    assert_eq!(
        certbench(&["lint", &fixture("leaf.key")], None)
            .status
            .code(),
        Some(2),
        "no certificate to lint"
    );
    // A server's DH parameters get a verdict too: exit 1 for a Logjam-weak group.
    let weak = certbench(&["lint", &fixture("dh-1024.pem"), "--json"], None);
    assert_eq!(weak.status.code(), Some(1));
    assert_eq!(
        json(&weak)["parameters"][0]["findings"][0]["code"],
        "weak_dh"
    );
    assert_eq!(json(&weak)["parameters"][0]["bits"], 1024);
    let sound = certbench(&["lint", &fixture("dh-2048.pem")], None);
    assert_eq!(sound.status.code(), Some(0));
}

/// The OpenSSL recipe shown beside each artifact really makes the same kind of certificate.
#[test]
fn openssl_recipes_reproduce_each_profile() {
    use certbench_core::generate::{self, KeyType, Profile, Request, Subject};
    if !openssl_available() {
        return;
    }
    let dir = temp_dir("recipes");
    let now = certbench_core::UnixTime(1_893_456_000);
    let profiles = [
        (Profile::Root, "Recipe Root", vec![]),
        (Profile::Intermediate, "Recipe Intermediate", vec![]),
        (
            Profile::Server,
            "www.example.test",
            vec![
                "DNS:www.example.test".to_string(),
                "IP:127.0.0.1".to_string(),
            ],
        ),
        (
            Profile::Client,
            "alice",
            vec!["email:alice@example.test".to_string()],
        ),
        (
            Profile::SelfSigned,
            "localhost",
            vec!["DNS:localhost".to_string()],
        ),
    ];
    for (profile, cn, san) in profiles {
        let mut request = Request::new(profile, Subject::common_name(cn), san, now, 90);
        if profile == Profile::Intermediate {
            request.path_len = Some(0);
        }
        let recipe = generate::openssl_recipe(&request, KeyType::P256);
        let work = dir.join(format!("{profile:?}"));
        std::fs::create_dir_all(&work).unwrap();
        std::fs::write(work.join("ext.cnf"), recipe.extfile.unwrap()).unwrap();
        // The CA the recipe signs with: a throwaway root made by certbench.
        let ca = work.join("ca");
        generate_ok(&["root", "--cn", "Recipe CA", "--out", ca.to_str().unwrap()]);
        std::fs::copy(ca.join("cert.pem"), work.join("ca.pem")).unwrap();
        std::fs::copy(ca.join("key.pem"), work.join("ca.key")).unwrap();
        std::fs::write(work.join("intermediates.pem"), "").unwrap();
        let script = recipe.commands.join(" && ");
        let run = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .current_dir(&work)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{profile:?}: {script}\n{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let made = json(&certbench(
            &["decode", work.join("cert.pem").to_str().unwrap(), "--json"],
            None,
        ));
        let cert = &made[0];
        let ca_like = matches!(profile, Profile::Root | Profile::Intermediate);
        assert_eq!(cert["is_ca"], ca_like, "{profile:?}");
        assert_eq!(
            cert["path_len"],
            if profile == Profile::Intermediate {
                serde_json::json!(0)
            } else {
                serde_json::Value::Null
            }
        );
        let eku = match profile {
            Profile::Server => serde_json::json!(["serverAuth"]),
            Profile::Client => serde_json::json!(["clientAuth"]),
            Profile::SelfSigned => serde_json::json!(["serverAuth", "clientAuth"]),
            _ => serde_json::json!([]),
        };
        assert_eq!(cert["extended_key_usage"], eku, "{profile:?}");
        assert_eq!(cert["san"], serde_json::json!(request.san), "{profile:?}");
        assert!(
            cert["subject"].as_str().unwrap().contains(cn),
            "{profile:?}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn pkcs12_files_open_with_their_password() {
    // leaf.p12 is OpenSSL 3's default: PBES2 AES-256-CBC, HMAC-SHA256 MAC (tests/fixtures/make.sh).
    let p12 = fixtures().join("leaf.p12");
    let p12 = p12.to_str().unwrap();
    let out = certbench(&["decode", p12, "--password", "fixture", "--json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let contents = json(&out);
    let kinds: Vec<_> = contents
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["private_key", "certificate", "certificate"]);
    let sha256 = |name: &str| {
        std::fs::read_to_string(fixtures().join(name))
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(contents[1]["fingerprint_sha256"], sha256("leaf.sha256"));
    assert_eq!(contents[2]["fingerprint_sha256"], sha256("int.sha256"));
    let wrong = certbench(&["decode", p12, "--password", "nope"], None);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("wrong password"));
    // Without a password the file is still recognised.
    let closed = certbench(&["decode", p12, "--json"], None);
    assert_eq!(json(&closed)[0]["kind"], "pkcs12");
    if !openssl_available() {
        return;
    }
    // Older .pfx files: PBE-SHA1-3DES, and OpenSSL's -legacy RC2-40 (when its legacy provider
    // is installed).
    let dir = temp_dir("legacy-p12");
    let (key, leaf, int) = (
        fixtures().join("leaf.key"),
        fixtures().join("leaf.pem"),
        fixtures().join("int.pem"),
    );
    let base = [
        "pkcs12",
        "-export",
        "-inkey",
        key.to_str().unwrap(),
        "-in",
        leaf.to_str().unwrap(),
        "-certfile",
        int.to_str().unwrap(),
        "-passout",
        "pass:old",
    ];
    let triple_des = [
        "-keypbe",
        "PBE-SHA1-3DES",
        "-certpbe",
        "PBE-SHA1-3DES",
        "-macalg",
        "sha1",
    ];
    for (name, extra) in [("3des", &triple_des[..]), ("rc2", &["-legacy"][..])] {
        let file = dir.join(format!("{name}.p12"));
        let file = file.to_str().unwrap();
        let made = openssl(&[&base[..], extra, &["-out", file]].concat());
        if !made.status.success() {
            assert_eq!(name, "rc2", "{}", String::from_utf8_lossy(&made.stderr));
            continue;
        }
        let out = certbench(&["decode", file, "--password", "old", "--json"], None);
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert_eq!(json(&out).as_array().unwrap().len(), 3, "{name}");
    }
    std::fs::remove_dir_all(dir).ok();
}

/// Keys encrypted the older ways OpenSSL (and Java) still write decrypt with their password,
/// to the same key: PKCS#12 PBEs and PBES1 in PKCS#8 (OpenSSL 1.0's `pkcs8 -topk8` default),
/// and legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`, `genrsa -aes256`); a legacy-encrypted
/// key also signs certificates with its password.
#[test]
fn older_encrypted_key_formats_decrypt_to_the_same_key() {
    if !openssl_available() {
        return;
    }
    let (dir, d) = workdir("older-encryption");
    let legacy = ["-provider", "legacy", "-provider", "default"];
    assert!(openssl_p256_key(&d("ec.key")).status.success());
    assert!(
        openssl(&[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
            &d("rsa.key")
        ])
        .status
        .success()
    );
    let mut made = Vec::new();
    for (scheme, needs_legacy) in [
        ("PBE-SHA1-3DES", false),
        ("PBE-SHA1-2DES", true),
        ("PBE-SHA1-RC2-128", true),
        ("PBE-SHA1-RC2-40", true),
        ("PBE-MD5-DES", true),
        ("PBE-SHA1-DES", true),
        ("PBE-SHA1-RC2-64", true),
        ("PBE-MD5-RC2-64", true),
    ] {
        let (out, input) = (d(&format!("{scheme}.key")), d("ec.key"));
        let mut args = vec![
            "pkcs8", "-topk8", "-in", &input, "-v1", scheme, "-passout", "pass:pw", "-out", &out,
        ];
        if needs_legacy {
            args.extend(legacy);
        }
        // An OpenSSL without the legacy provider cannot write the oldest ones: skip those.
        if openssl(&args).status.success() {
            made.push((out, "ec.key"));
        }
    }
    assert!(
        !made.is_empty(),
        "OpenSSL writes PBE-SHA1-3DES without the legacy provider"
    );
    for (cipher, key, needs_legacy) in [
        ("-aes256", "rsa", false),
        ("-aes128", "rsa", false),
        ("-aes192", "ec", false),
        ("-des3", "ec", false),
        ("-des", "rsa", true),
    ] {
        let (out, input) = (
            d(&format!("legacy{cipher}-{key}.key")),
            d(&format!("{key}.key")),
        );
        let tool = if key == "rsa" { "rsa" } else { "ec" };
        let mut args = vec![
            tool,
            "-in",
            &input,
            "-traditional",
            cipher,
            "-passout",
            "pass:pw",
            "-out",
            &out,
        ];
        if needs_legacy {
            args.extend(legacy);
        }
        if openssl(&args).status.success() {
            assert!(
                std::fs::read_to_string(&out)
                    .unwrap()
                    .contains("Proc-Type: 4,ENCRYPTED")
            );
            made.push((out, if key == "rsa" { "rsa.key" } else { "ec.key" }));
        }
    }
    assert!(made.len() >= 5, "{made:?}");
    for (encrypted, plain) in &made {
        let want =
            json(&certbench(&["decode", &d(plain), "--json"], None))[0]["public_key"].clone();
        let out = certbench(&["decode", encrypted, "--password", "pw", "--json"], None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{encrypted}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(json(&out)[0]["public_key"], want, "{encrypted}");
        let before = json(&certbench(&["decode", encrypted, "--json"], None));
        assert_eq!(before[0]["encrypted"], true, "{encrypted}");
        assert!(
            before[0]["encryption"].as_str().unwrap().contains("legacy"),
            "{encrypted}: {}",
            before[0]["encryption"]
        );
        let wrong = certbench(&["decode", encrypted, "--password", "nope"], None);
        assert_eq!(wrong.status.code(), Some(1), "{encrypted}");
        assert!(
            String::from_utf8_lossy(&wrong.stderr).contains("password is wrong"),
            "{encrypted}"
        );
    }
    // A CA whose key is legacy-encrypted signs with its password, and OpenSSL verifies it.
    let ca_key = d("legacy-aes256-rsa.key");
    assert!(made.iter().any(|(path, _)| *path == ca_key));
    assert!(
        openssl(&[
            "req",
            "-x509",
            "-key",
            &d("rsa.key"),
            "-subj",
            "/CN=Legacy Key CA",
            "-days",
            "30",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            "-out",
            &d("ca.pem")
        ])
        .status
        .success()
    );
    generate_ok(&[
        "server",
        "--cn",
        "legacy.test",
        "--san",
        "DNS:legacy.test",
        "--ca-cert",
        &d("ca.pem"),
        "--ca-key",
        &ca_key,
        "--ca-key-password",
        "pw",
        "--out",
        &d("leaf"),
    ]);
    let verified = openssl(&["verify", "-CAfile", &d("ca.pem"), &d("leaf/cert.pem")]);
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn encrypted_keys_interoperate_with_openssl() {
    if !openssl_available() {
        return;
    }
    // OpenSSL's encrypted key decrypts with its password, and only with it.
    let enc = fixtures().join("leaf.enc.key");
    let out = certbench(
        &[
            "decode",
            enc.to_str().unwrap(),
            "--password",
            "fixture",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)[0]["public_key"]["curve"], "P-384");
    assert_eq!(
        certbench(
            &["decode", enc.to_str().unwrap(), "--password", "nope"],
            None
        )
        .status
        .code(),
        Some(1)
    );
    // certbench's encrypted key opens in OpenSSL, and signs as a CA with its password.
    let (dir, d) = workdir("encrypted");
    generate_ok(&[
        "root",
        "--cn",
        "Encrypted Root",
        "--key",
        "rsa2048",
        "--key-password",
        "s3cret",
        "--out",
        &d("root"),
    ]);
    assert!(
        std::fs::read_to_string(d("root/key.pem"))
            .unwrap()
            .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    );
    assert_ok(
        openssl(&[
            "pkey",
            "-in",
            &d("root/key.pem"),
            "-passin",
            "pass:s3cret",
            "-noout",
        ]),
        "openssl pkey -passin",
    );
    assert!(
        !openssl(&[
            "pkey",
            "-in",
            &d("root/key.pem"),
            "-passin",
            "pass:wrong",
            "-noout"
        ])
        .status
        .success()
    );
    let refused = certbench(
        &[
            "gen",
            "server",
            "--san",
            "DNS:x.test",
            "--ca-cert",
            &d("root/cert.pem"),
            "--ca-key",
            &d("root/key.pem"),
            "--out",
            &d("x"),
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("give its password"));
    generate_ok(&[
        "server",
        "--san",
        "DNS:x.test",
        "--ca-cert",
        &d("root/cert.pem"),
        "--ca-key",
        &d("root/key.pem"),
        "--ca-key-password",
        "s3cret",
        "--out",
        &d("server"),
    ]);
    assert_ok(
        openssl(&[
            "verify",
            "-CAfile",
            &d("root/cert.pem"),
            &d("server/cert.pem"),
        ]),
        "signed by the encrypted CA key",
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn verify_against_the_builtin_mozilla_roots() {
    // The fixture root is not a Mozilla root: the chain stops at an untrusted root.
    let chain = [
        fixtures().join("fullchain.pem"),
        fixtures().join("root.pem"),
    ]
    .iter()
    .map(|p| std::fs::read_to_string(p).unwrap())
    .collect::<String>();
    // `-` reads the chain from standard input.
    let out = certbench(
        &["verify", "-", "--mozilla", "--json"],
        Some(chain.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["errors"][0]["code"], "untrusted_root");
    // A real web chain from the x509-limbo suite validates against the built-in store.
    let limbo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/x509-limbo/limbo.json");
    let dir = temp_dir("mozilla");
    let path = dir.join("chain.pem");
    if let Ok(text) = std::fs::read_to_string(&limbo) {
        let suite: serde_json::Value = serde_json::from_str(&text).unwrap();
        let case = suite["testcases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "online::bing.com")
            .unwrap();
        let mut pem = case["peer_certificate"].as_str().unwrap().to_string();
        for int in case["untrusted_intermediates"].as_array().unwrap() {
            pem.push_str(int.as_str().unwrap());
        }
        std::fs::write(&path, pem).unwrap();
        let out = certbench(
            &[
                "verify",
                path.to_str().unwrap(),
                "--mozilla",
                "--host",
                "www.bing.com",
                "--at",
                "2026-02-10T00:00:00Z",
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn ciphers_expands_strings_and_config_lines() {
    let out = certbench(
        &["ciphers", "SSLCipherSuite ECDHE+AESGCM:!aNULL", "--json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let x = json(&out);
    assert_eq!(x["rule"], "ECDHE+AESGCM:!aNULL");
    assert_eq!(x["rating"], "recommended");
    let first = &x["suites"][3];
    assert_eq!(first["openssl"], "ECDHE-ECDSA-AES256-GCM-SHA384");
    for key in [
        "iana", "code", "version", "kx", "au", "enc", "mac", "rating",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        certbench(&["ciphers", "NO-SUCH-THING"], None).status.code(),
        Some(1)
    );
    // A string may start with an operator, as `openssl ciphers -kRSA:HIGH` takes it.
    let out = certbench(&["ciphers", "-kRSA:HIGH", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["rule"], "-kRSA:HIGH");
}

#[test]
fn pkcs12_bundles_open_in_openssl() {
    if !openssl_available() {
        return;
    }
    let (dir, d) = workdir("p12");
    generate_ok(&["root", "--cn", "P12 Root", "--out", &d("root")]);
    for key in ["p256", "rsa2048", "ed25519"] {
        let out = d(key);
        generate_ok(&[
            "client",
            "--cn",
            "alice",
            "--key",
            key,
            "--ca-cert",
            &d("root/cert.pem"),
            "--ca-key",
            &d("root/key.pem"),
            "--p12-password",
            "s3cret",
            "--out",
            &out,
        ]);
        let p12 = format!("{out}/bundle.p12");
        assert_ok(
            openssl(&[
                "pkcs12",
                "-in",
                &p12,
                "-info",
                "-passin",
                "pass:s3cret",
                "-noout",
            ]),
            &format!("{key}: openssl pkcs12 -info"),
        );
        let certs = openssl(&["pkcs12", "-in", &p12, "-passin", "pass:s3cret", "-nokeys"]);
        assert_eq!(
            String::from_utf8_lossy(&certs.stdout)
                .matches("BEGIN CERTIFICATE")
                .count(),
            2,
            "{key}: leaf and CA"
        );
        let key_out = openssl(&[
            "pkcs12",
            "-in",
            &p12,
            "-passin",
            "pass:s3cret",
            "-nocerts",
            "-nodes",
        ]);
        assert!(
            String::from_utf8_lossy(&key_out.stdout).contains("BEGIN PRIVATE KEY"),
            "{key}: the key is inside"
        );
        assert!(
            !openssl(&["pkcs12", "-in", &p12, "-passin", "pass:wrong", "-noout"])
                .status
                .success(),
            "{key}: wrong password"
        );
        // certbench opens its own bundle too: the key, then leaf and CA.
        let opened = certbench(&["decode", &p12, "--password", "s3cret", "--json"], None);
        let kinds: Vec<_> = json(&opened)
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["kind"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            kinds,
            ["private_key", "certificate", "certificate"],
            "{key}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

/// An OpenSSL CSR asking for clientAuth, CA rights and its names: signed as a server certificate
/// it gets the profile's EKU unless the user copies the requested one, and CA rights never.
#[test]
fn requested_extensions_are_copied_only_when_asked_and_ca_rights_never() {
    if !openssl_available() {
        return;
    }
    let (dir, d) = workdir("copy-extension");
    generate_ok(&["root", "--cn", "Copy Root", "--out", &d("root")]);
    assert_ok(openssl_p256_key(&d("k.pem")), "openssl genpkey");
    assert_ok(
        openssl(&[
            "req",
            "-new",
            "-key",
            &d("k.pem"),
            "-subj",
            "/CN=asks.example",
            "-out",
            &d("asks.csr"),
            "-addext",
            "extendedKeyUsage=clientAuth",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "subjectAltName=DNS:asks.example",
        ]),
        "openssl req",
    );
    let sign = |out: &str, extra: &[&str]| {
        let (csr, ca_cert, ca_key, dest) =
            (d("asks.csr"), d("root/cert.pem"), d("root/key.pem"), d(out));
        let base = [
            "sign",
            "--csr",
            &csr,
            "--ca-cert",
            &ca_cert,
            "--ca-key",
            &ca_key,
            "--out",
            &dest,
        ];
        let signed = generate_ok(&[&base[..], extra].concat());
        let cert = d(&format!("{out}/cert.pem"));
        let text = openssl(&["x509", "-in", &cert, "-noout", "-text"]);
        (
            String::from_utf8_lossy(&signed.stderr).into_owned(),
            String::from_utf8_lossy(&text.stdout).into_owned(),
        )
    };
    let (notes, profile) = sign("profile", &[]);
    assert!(
        profile.contains("TLS Web Server Authentication"),
        "{profile}"
    );
    assert!(
        profile.contains("CA:FALSE") && profile.contains("DNS:asks.example"),
        "{profile}"
    );
    assert!(
        notes.contains("extendedKeyUsage (set by the profile instead)"),
        "{notes}"
    );
    assert!(notes.contains("CA:TRUE"), "{notes}");
    let (_, copied) = sign(
        "copied",
        &[
            "--copy-extension",
            "2.5.29.37",
            "--copy-extension",
            "2.5.29.19",
        ],
    );
    assert!(copied.contains("TLS Web Client Authentication"), "{copied}");
    assert!(
        !copied.contains("TLS Web Server Authentication"),
        "{copied}"
    );
    assert!(
        copied.contains("CA:FALSE"),
        "CA rights are never copied: {copied}"
    );
    std::fs::remove_dir_all(dir).ok();
}
