//! The CLI contract: commands, flags, exit codes and JSON keys (docs/cli.md), and that no input
//! makes it panic.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;
use std::process::{Command, Stdio};

#[test]
fn decode_json_has_the_contract_keys() {
    let path = fixtures().join("fullchain.pem");
    let out = certbench(&["decode", path.to_str().unwrap(), "--json"], None);
    exits(&out, 0, "");
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
    // The chain against the root, with more flags.
    let verify =
        |more: &[&str]| certbench(&[&["verify", chain, "--roots", root], more].concat(), None);
    let out = verify(&[
        "--host",
        "x.api.example.test",
        "--purpose",
        "server",
        "--json",
    ]);
    exits(&out, 0, "");
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
    let out = verify(&["--host", "example.test", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let error = &json(&out)["errors"][0];
    assert_eq!(error["code"], "hostname");
    for key in ["message", "rfc", "openssl", "chromium"] {
        assert!(error[key].as_str().is_some_and(|s| !s.is_empty()), "{key}");
    }
    let out = verify(&["--at", "2080-01-01T00:00:00Z"]);
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
    // The profile and the caller's lists: new flags, same exit codes.
    let out = verify(&["--profile", "rfc5280", "--purpose", "any", "--json"]);
    exits(&out, 0, "--profile rfc5280 --purpose any");
    let verdict = json(&out);
    assert_eq!(verdict["profile"], "rfc5280");
    assert!(verdict["other_profile"].is_null());
    let out = verify(&[
        "--key-usage",
        "digitalSignature",
        "--extended-key-usage",
        "serverAuth",
    ]);
    exits(&out, 0, "--key-usage --extended-key-usage");
    let out = verify(&["--extended-key-usage", "codeSigning,serverAuth", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["errors"][0]["code"], "extended_key_usage");
    let out = verify(&["--signature-algorithm", "RSA_WITH_SHA256", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        json(&out)["errors"][0]["code"],
        "signature_algorithm_not_allowed"
    );
    for bad in [
        ["--key-usage", "everything"],
        ["--signature-algorithm", "ROT13"],
        ["--profile", "browser"],
    ] {
        assert_eq!(verify(&bad).status.code(), Some(2), "{bad:?}");
    }
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
        "openssl",
        "gnutls",
        "versions",
        "auth",
        "enc",
        "bits",
        "mode",
        "aead",
        "mac",
        "prf",
        "reasons",
        "standard",
        "history",
        "names",
        "all_names",
        "supported_by",
    ] {
        assert!(e.get(key).is_some(), "missing {key}");
    }
    assert_eq!(e["names"]["openssl"], "ECDHE-RSA-AES256-GCM-SHA384");
    assert_eq!(e["names"]["java"], "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assert_eq!(e["standard"], true);
    // A name another stack prints, and a code outside the registry.
    let out = certbench(&["cipher", "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "--json"], None);
    assert_eq!(json(&out)["code"], "0x00,0x0A");
    let out = certbench(&["cipher", "0xCC,0x13", "--json"], None);
    let e = json(&out);
    assert_eq!(
        (e["standard"].clone(), e["rating"].clone()),
        (false.into(), "weak".into())
    );
    assert!(e["history"].as_str().unwrap().contains("RFC 7905"));
    // The other TLS registries answer in the same command.
    for (query, registry, name) in [
        ("X25519MLKEM768", "supported_groups", "X25519MLKEM768"),
        ("prime256v1", "supported_groups", "secp256r1"),
        (
            "rsa_pss_rsae_sha256",
            "signature_schemes",
            "rsa_pss_rsae_sha256",
        ),
        ("TLSv1.3", "versions", "TLS 1.3"),
        ("h2", "alpn", "h2"),
    ] {
        let out = certbench(&["cipher", query, "--json"], None);
        assert_eq!(out.status.code(), Some(0), "{query}");
        let e = json(&out);
        assert_eq!(
            (e["registry"].as_str(), e["name"].as_str()),
            (Some(registry), Some(name))
        );
        for key in [
            "code",
            "openssl",
            "what",
            "strength",
            "post_quantum",
            "recommended",
            "reference",
            "notes",
        ] {
            assert!(e.get(key).is_some(), "{query}: missing {key}");
        }
    }
    let out = certbench(&["cipher", "X25519MLKEM768", "--json"], None);
    assert_eq!(json(&out)["post_quantum"], true);
}

#[test]
fn generate_refuses_bad_inputs_with_clear_messages() {
    let (_dir, d) = workdir("refuse");
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
    generate_signed(
        &["server", "--san", "DNS:leaf.test"],
        (&d("root/cert.pem"), &d("root/key.pem")),
        &d("leaf"),
    );
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
    // The rule's registry id (docs/lint.md), besides the code.
    assert_eq!(finding["rule"], "weak_rsa_key");
    let clean = certbench(&["lint", &fixture("root.pem")], None);
    exits(&clean, 0, "");
    let reversed = [
        std::fs::read_to_string(fixture("int.pem")).unwrap(),
        std::fs::read_to_string(fixture("leaf.pem")).unwrap(),
    ]
    .concat();
    let out = certbench(&["lint", "--json"], Some(reversed.as_bytes()));
    assert_eq!(json(&out)["bundle"][0]["code"], "wrong_order");
    assert_eq!(json(&out)["bundle"][0]["rule"], "wrong_order");
    // A CRL alone is linted too: `openssl ca -gencrl` without crl_extensions leaves out the
    // authorityKeyIdentifier RFC 5280 section 5.2.1 asks for.
    let crl = certbench(&["lint", &fixture("root.crl"), "--json"], None);
    exits(&crl, 1, "lint root.crl");
    let crls = &json(&crl)["crls"];
    assert_eq!(crls[0]["block"], 1);
    assert_eq!(crls[0]["findings"][0]["rule"], "crl_aki_missing");
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

/// `lint --profile`: every certificate judged as one profile; the profile detected otherwise,
/// named in the JSON; a name that is no profile exits 2.
#[test]
fn lint_profiles_are_detected_and_chosen() {
    let leaf = fixtures().join("leaf.pem");
    let leaf = leaf.to_str().unwrap();
    let detected = certbench(&["lint", leaf, "--json"], None);
    let cert = &json(&detected)["certificates"][0];
    assert_eq!(
        cert["profile"], "tls-server",
        "no CA/B policy: a private PKI's server"
    );
    assert!(cert["linted_as"].as_str().unwrap().contains("private PKI"));
    let ov = certbench(&["lint", leaf, "--json", "--profile", "tls-ov"], None);
    exits(&ov, 1, "the fixture breaks the OV profile");
    let cert = &json(&ov)["certificates"][0];
    assert_eq!(cert["profile"], "tls-ov");
    assert_eq!(cert["linted_as"], "TLS BR subscriber, OV");
    let rules: Vec<&str> = cert["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "sub_policies_missing",
        "ov_country",
        "ov_locality_or_province",
    ] {
        assert!(rules.contains(&rule), "{rule} in {rules:?}");
    }
    let text = certbench(&["lint", leaf, "--profile", "smime-mailbox,strict"], None);
    assert!(
        String::from_utf8_lossy(&text.stdout)
            .contains("linted as: S/MIME BR mailbox-validated, strict")
    );
    let bad = certbench(&["lint", leaf, "--profile", "tls-xx"], None);
    exits(&bad, 2, "unknown profile");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("tls-ov"),
        "the profiles are listed"
    );
}

/// An OCSP response is linted too: the fixture's (made with `openssl ocsp -ndays 7300`) is
/// valid far longer than the Baseline Requirements' 10 days.
#[test]
fn lint_judges_ocsp_responses() {
    let fixture = fixtures().join("leaf-good.ocsp");
    let out = certbench(&["lint", "--json", fixture.to_str().unwrap()], None);
    exits(&out, 1, "lint of an OCSP response");
    let response = &json(&out)["ocsp_responses"][0];
    assert_eq!(response["block"], 1);
    assert_eq!(response["status"], "successful");
    assert_eq!(response["findings"][0]["rule"], "ocsp_validity_too_long");
}

/// A certificate that is not strict DER (a CA's BOOLEAN TRUE written 0x01) is read and linted,
/// not refused: exit 1 with the encoding problem, where `decode` shows the certificate.
#[test]
fn a_certificate_that_is_not_der_is_linted() {
    let pem = std::fs::read_to_string(fixtures().join("int.pem")).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut der = base64_decode(&body);
    // basicConstraints' critical flag: OID 2.5.29.19, then BOOLEAN TRUE.
    let at = der
        .windows(8)
        .position(|w| w == [0x06, 0x03, 0x55, 0x1d, 0x13, 0x01, 0x01, 0xff])
        .expect("a critical basicConstraints");
    der[at + 7] = 0x01;
    let out = certbench(&["lint", "--json", "-"], Some(&der));
    exits(&out, 1, "lint of BER");
    let findings = json(&out)["certificates"][0]["findings"].clone();
    let boolean = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "not_der_boolean")
        .expect("the BOOLEAN is a finding");
    assert!(
        boolean["message"]
            .as_str()
            .unwrap()
            .contains(&format!("at byte {}", at + 5))
    );
    let decoded = certbench(&["decode", "--json", "-"], Some(&der));
    exits(&decoded, 0, "decode of BER");
    assert_eq!(json(&decoded)[0]["kind"], "certificate");
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
    let dir = temp_dir("mozilla");
    let path = dir.join("chain.pem");
    if let Some(text) = limbo_path().and_then(|limbo| std::fs::read_to_string(limbo).ok()) {
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
        exits(&out, 0, "");
    }
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

/// `certbench ocsp request`: the DER file and its JSON keys; a wrong issuer or a file that
/// holds no certificate is unusable input (exit 2) with a message naming both issuers.
#[test]
fn ocsp_request_writes_der_and_refuses_the_wrong_issuer() {
    let f = fixtures();
    let (dir, at) = workdir("ocsp-contract");
    let (leaf, int, root) = (f.join("leaf.pem"), f.join("int.pem"), f.join("root.pem"));
    let args = |issuer: &std::path::Path, out: &str| {
        certbench(
            &[
                "ocsp",
                "request",
                "--cert",
                leaf.to_str().unwrap(),
                "--issuer",
                issuer.to_str().unwrap(),
                "--out",
                out,
                "--no-nonce",
                "--json",
            ],
            None,
        )
    };
    let out = args(&int, &at("req.der"));
    exits(&out, 0, "ocsp request");
    let made = json(&out);
    for key in ["serial", "issuer", "url", "commands"] {
        assert!(made.get(key).is_some(), "missing {key}: {made}");
    }
    assert_eq!(made["serial"], "c0ffee0123456789");
    // OpenSSL's fixture less its nonce extension: 16 bytes of nonce in an OCTET STRING in
    // extnValue (4), the OID (11), and the Extension, Extensions and [2] headers (6).
    let der = std::fs::read(at("req.der")).unwrap();
    let openssl_made = std::fs::read(f.join("leaf.ocsp-request")).unwrap();
    assert_eq!(openssl_made.len() - der.len(), 37, "no nonce extension");
    let out = args(&root, &at("wrong.der"));
    exits(&out, 2, "wrong issuer");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("certbench Test Root") && said.contains("certbench Test Intermediate"));
    assert!(!std::path::Path::new(&at("wrong.der")).exists());
    drop(dir);
}
