//! JWKs and OpenSSH keys: `certbench decode` reads JWKs and shows every key's RFC 7638
//! thumbprint; `certbench convert` writes JWK, PEM, DER and OpenSSH keys. Checked against
//! OpenSSL (which reads what is written, and whose key dumps give an independent thumbprint)
//! and ssh-keygen.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;
use sha2::{Digest, Sha256};
use std::process::Command;

/// base64url without padding, written here apart from certbench's own.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The hex bytes `openssl pkey -text` prints under `heading` (`modulus:`, `pub:`).
fn openssl_hex(text: &str, heading: &str) -> Vec<u8> {
    let mut lines = text.lines().skip_while(|l| l.trim() != heading).skip(1);
    let mut hex = String::new();
    for line in lines.by_ref() {
        let line = line.trim();
        if !line.chars().all(|c| c.is_ascii_hexdigit() || c == ':') || line.is_empty() {
            break;
        }
        hex.push_str(&line.replace(':', ""));
    }
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(0);
    bytes[first..].to_vec()
}

/// RFC 7638 §3 from OpenSSL's dump of the public key at `path`.
fn openssl_thumbprint(path: &str) -> String {
    let text =
        String::from_utf8(openssl(&["pkey", "-pubin", "-in", path, "-noout", "-text"]).stdout)
            .unwrap();
    let members = if text.contains("Modulus:") || text.contains("modulus:") {
        let heading = if text.contains("Modulus:") {
            "Modulus:"
        } else {
            "modulus:"
        };
        let e: u64 = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("Exponent: "))
            .and_then(|e| e.split(' ').next())
            .unwrap()
            .parse()
            .unwrap();
        let e = e.to_be_bytes();
        let e = &e[e.iter().position(|&b| b != 0).unwrap()..];
        format!(
            r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
            base64url(e),
            base64url(&openssl_hex(&text, heading))
        )
    } else if let Some(curve) = text.lines().find_map(|l| l.strip_prefix("NIST CURVE: ")) {
        let point = openssl_hex(&text, "pub:");
        let size = (point.len() - 1) / 2;
        format!(
            r#"{{"crv":"{curve}","kty":"EC","x":"{}","y":"{}"}}"#,
            base64url(&point[1..1 + size]),
            base64url(&point[1 + size..])
        )
    } else {
        let crv = if text.starts_with("ED25519") {
            "Ed25519"
        } else {
            "Ed448"
        };
        format!(
            r#"{{"crv":"{crv}","kty":"OKP","x":"{}"}}"#,
            base64url(&openssl_hex(&text, "pub:"))
        )
    };
    base64url(&Sha256::digest(members.as_bytes()))
}

const KEYS: [&str; 8] = [
    "rsa2048", "rsa3072", "rsa4096", "p256", "p384", "p521", "ed25519", "ed448",
];

#[test]
fn every_public_key_shows_the_thumbprint_openssls_dump_gives() {
    if !openssl_available() {
        return;
    }
    for name in KEYS {
        let path = fixtures().join(format!("keys/{name}.pub"));
        let path = path.to_str().unwrap();
        let out = certbench(&["decode", path, "--json"], None);
        exits(&out, 0, name);
        assert_eq!(
            json(&out)[0]["jwk_thumbprint"].as_str(),
            Some(openssl_thumbprint(path).as_str()),
            "{name}"
        );
        // The certificate and the private key of the same key show the same thumbprint (but
        // for an Ed448 private key, whose public key certbench cannot derive).
        let files: &[&str] = if name == "ed448" {
            &["pem"]
        } else {
            &["pem", "key"]
        };
        for file in files {
            let other = fixtures().join(format!("keys/{name}.{file}"));
            let out = certbench(&["decode", other.to_str().unwrap(), "--json"], None);
            assert_eq!(
                json(&out)
                    .pointer("/0/public_key/jwk_thumbprint")
                    .and_then(|v| v.as_str()),
                Some(openssl_thumbprint(path).as_str()),
                "{name}.{file}"
            );
        }
    }
}

#[test]
fn jwks_made_from_keys_read_back_in_openssl_as_the_same_keys() {
    let Some((_dir, d)) = openssl_workdir("convert-jwk") else {
        return;
    };
    // Not Ed448: certbench cannot derive its public key from the private one.
    for name in &KEYS[..7] {
        let key = fixtures().join(format!("keys/{name}.key"));
        let key = key.to_str().unwrap();
        let public = fixtures().join(format!("keys/{name}.pub"));
        let expected_public = openssl(&["pkey", "-pubin", "-in", public.to_str().unwrap()]).stdout;
        // Private JWK (asked for: a warning says so) → PKCS#8 PEM: OpenSSL reads the same key.
        let private_jwk = d(&format!("{name}.jwk"));
        let out = certbench(
            &[
                "convert",
                key,
                "--to",
                "jwk",
                "--private",
                "--out",
                &private_jwk,
            ],
            None,
        );
        exits(&out, 0, name);
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("private key"),
            "{name}: no warning"
        );
        let jwk: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&private_jwk).unwrap()).unwrap();
        assert!(jwk["d"].is_string(), "{name}: {jwk}");
        let back = d(&format!("{name}.back.pem"));
        exits(
            &certbench(
                &[
                    "convert",
                    &private_jwk,
                    "--to",
                    "pem",
                    "--private",
                    "--out",
                    &back,
                ],
                None,
            ),
            0,
            name,
        );
        assert_ok(openssl(&["pkey", "-in", &back, "-check", "-noout"]), name);
        assert_eq!(
            openssl(&["pkey", "-in", &back, "-pubout"]).stdout,
            expected_public,
            "{name}"
        );
        // Without --private the same JWK gives only its public key, and no warning.
        let out = certbench(&["convert", &private_jwk, "--to", "pem"], None);
        exits(&out, 0, name);
        assert!(
            out.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("-----BEGIN PUBLIC KEY-----"));
        let pem = d(&format!("{name}.pub.pem"));
        std::fs::write(&pem, &out.stdout).unwrap();
        assert_eq!(
            openssl(&["pkey", "-pubin", "-in", &pem]).stdout,
            expected_public,
            "{name}"
        );
        // A public JWK of the key: kid is the thumbprint, and it decodes as kind jwk.
        let out = certbench(&["convert", key, "--to", "jwk"], None);
        exits(&out, 0, name);
        let public_jwk = json(&out);
        assert!(public_jwk.get("d").is_none(), "{name}: {public_jwk}");
        assert_eq!(
            public_jwk["kid"].as_str(),
            Some(openssl_thumbprint(public.to_str().unwrap()).as_str())
        );
        let decoded = json(&certbench(&["decode", "--json"], Some(&out.stdout)));
        assert_eq!(decoded[0]["kind"], "jwk");
        assert_eq!(decoded[0]["kid_is_thumbprint"], true);
        assert_eq!(decoded[0]["lint"], serde_json::json!([]), "{name}");
    }
}

#[test]
fn a_certificate_becomes_a_jwk_with_its_chain_in_x5c() {
    if !openssl_available() {
        return;
    }
    let chain = fixtures().join("fullchain.pem");
    let out = certbench(&["convert", chain.to_str().unwrap(), "--to", "jwk"], None);
    exits(&out, 0, "fullchain");
    let jwk = json(&out);
    let x5c = jwk["x5c"].as_array().unwrap();
    let expected = read_certificates_der(&chain);
    assert_eq!(x5c.len(), expected.len());
    for (got, want) in x5c.iter().zip(&expected) {
        assert_eq!(base64_decode(got.as_str().unwrap()), *want);
    }
    assert_eq!(
        jwk["x5t#S256"].as_str(),
        Some(base64url(&Sha256::digest(&expected[0])).as_str())
    );
    // Decoded again: the key, then each certificate; the key goes with the leaf, and lint
    // finds x5c and x5t#S256 in order.
    let decoded = json(&certbench(&["decode", "--json"], Some(&out.stdout)));
    let blocks = decoded.as_array().unwrap();
    assert_eq!(blocks.len(), 1 + expected.len());
    assert_eq!(blocks[0]["x5c_key_matches"], true);
    assert_eq!(blocks[0]["x5t_s256_matches"], true);
    assert_eq!(blocks[0]["matches"], serde_json::json!([2]));
    assert_eq!(blocks[1]["kind"], "certificate");
}

/// The DER of each certificate in a PEM file, by OpenSSL.
fn read_certificates_der(path: &std::path::Path) -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(path).unwrap();
    text.split("-----END CERTIFICATE-----")
        .filter(|part| part.contains("-----BEGIN CERTIFICATE-----"))
        .map(|part| {
            let body: String = part
                .lines()
                .skip_while(|l| !l.starts_with("-----BEGIN"))
                .skip(1)
                .collect();
            base64_decode(&body)
        })
        .collect()
}

#[test]
fn openssh_lines_are_ssh_keygens() {
    let Some((_dir, d)) = openssl_workdir("convert-ssh") else {
        return;
    };
    let Ok(version) = Command::new("ssh-keygen").arg("-V").output() else {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "ssh-keygen is required but missing"
        );
        eprintln!("skipping: ssh-keygen not installed");
        return;
    };
    let _ = version;
    for name in ["rsa2048", "rsa4096", "p256", "p384", "p521", "ed25519"] {
        let public = fixtures().join(format!("keys/{name}.pub"));
        let out = certbench(&["convert", public.to_str().unwrap(), "--to", "ssh"], None);
        exits(&out, 0, name);
        let line = String::from_utf8(out.stdout).unwrap();
        // ssh-keygen reads the line, and its fingerprint is certbench's.
        let file = d(&format!("{name}.ssh.pub"));
        std::fs::write(&file, &line).unwrap();
        let listed = Command::new("ssh-keygen")
            .args(["-l", "-E", "sha256", "-f", &file])
            .output()
            .unwrap();
        assert!(
            listed.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&listed.stderr)
        );
        // RSA and ECDSA: the same line as ssh-keygen's own conversion from PKCS#8.
        if !name.starts_with("ed") {
            let theirs = Command::new("ssh-keygen")
                .args(["-i", "-m", "PKCS8", "-f", public.to_str().unwrap()])
                .output()
                .unwrap();
            assert_eq!(String::from_utf8_lossy(&theirs.stdout), line, "{name}");
        }
    }
}

#[test]
fn convert_says_what_it_cannot_do() {
    let f = fixtures();
    let at = |p: &str| f.join(p).to_str().unwrap().to_string();
    // DER holds one structure: a chain is refused with the reason.
    let out = certbench(&["convert", &at("fullchain.pem"), "--to", "der"], None);
    exits(&out, 2, "der of a chain");
    assert!(String::from_utf8_lossy(&out.stderr).contains("DER holds one structure"));
    // One certificate: its DER exactly.
    let out = certbench(&["convert", &at("leaf.pem"), "--to", "der"], None);
    exits(&out, 0, "der of one certificate");
    assert_eq!(out.stdout, std::fs::read(f.join("leaf.der")).unwrap());
    // An encrypted key's private parts need its password; its public key cannot be had either.
    let out = certbench(
        &["convert", &at("leaf.enc.key"), "--to", "jwk", "--private"],
        None,
    );
    exits(&out, 2, "encrypted key");
    assert!(String::from_utf8_lossy(&out.stderr).contains("password"));
    // DSA has no JWK; an Ed448 private key gives no public key here.
    let out = certbench(&["convert", &at("dsa.key"), "--to", "jwk"], None);
    exits(&out, 2, "DSA");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot carry a DSA key"));
    let out = certbench(&["convert", &at("keys/ed448.key"), "--to", "jwk"], None);
    exits(&out, 2, "Ed448");
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot derive"));
    // A CRL has no key.
    let out = certbench(&["convert", &at("root.crl"), "--to", "jwk"], None);
    exits(&out, 2, "CRL");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing to convert"));
    // A broken JWK Set: the key and where it is.
    let out = certbench(
        &["convert", "--to", "pem"],
        Some(br#"{"keys": [{"kty": "EC", "crv": "P-256", "x": "AA", "y": "AA"}]}"#),
    );
    exits(&out, 2, "broken set");
    assert_has(
        &String::from_utf8_lossy(&out.stderr),
        &["block 1 (byte 10)", "`keys[0]`", "32 bytes"],
        "broken set",
    );
}

#[test]
fn lint_judges_jwks() {
    let clean = certbench(
        &[
            "lint",
            "--json",
            fixtures().join("keys.jwks").to_str().unwrap(),
        ],
        None,
    );
    exits(&clean, 0, "keys.jwks");
    let report = json(&clean);
    assert_eq!(report["jwks"].as_array().unwrap().len(), 5);
    assert!(
        report["jwks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|j| j["findings"] == serde_json::json!([]))
    );
    // An alg its key cannot do, and a private key in a set: an error and a warning.
    let bad = br#"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","alg":"ES256","kid":"k1"}]}"#;
    let out = certbench(&["lint", "--json"], Some(bad));
    exits(&out, 1, "bad JWK");
    let rules: Vec<String> = json(&out)["jwks"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rules, ["jwk_alg_mismatch", "jwk_private"]);
}
