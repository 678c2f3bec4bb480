//! OpenSSH keys, certificates and private-key files, made by ssh-keygen here and read by
//! `certbench decode` and `certbench lint`: every fingerprint, size and certificate field is
//! ssh-keygen's own (`-l`, `-L`), every CA signature checks, and a changed one does not.
//! Skips without ssh-keygen, unless CERTBENCH_REQUIRE_OPENSSL=1 (the README test command
//! installs OpenSSH's client with OpenSSL).
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;
use std::process::Command;

fn ssh_keygen(args: &[&str]) -> String {
    let out = Command::new("ssh-keygen").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "ssh-keygen {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn ssh_keygen_available() -> bool {
    let found = Command::new("ssh-keygen").arg("-?").output().is_ok();
    if !found {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "ssh-keygen is required but missing"
        );
        eprintln!("skipping: ssh-keygen not installed");
    }
    found
}

fn decoded(path: &str) -> serde_json::Value {
    let out = certbench(&["decode", path, "--json"], None);
    exits(&out, 0, path);
    json(&out)
}

/// `ssh-keygen -l -E HASH -f path`: (bits, fingerprint, comment, type).
fn listed(path: &str, hash: &str) -> (u64, String, String) {
    let line = ssh_keygen(&["-l", "-E", hash, "-f", path]);
    let fields: Vec<&str> = line.split_whitespace().collect();
    let comment = fields[2..fields.len() - 1].join(" ");
    (fields[0].parse().unwrap(), fields[1].to_string(), comment)
}

const KEY_TYPES: [(&str, &str, &str); 7] = [
    ("ed25519", "ssh-ed25519", "256"),
    ("ecdsa", "ecdsa-sha2-nistp256", "256"),
    ("ecdsa", "ecdsa-sha2-nistp384", "384"),
    ("ecdsa", "ecdsa-sha2-nistp521", "521"),
    ("rsa", "ssh-rsa", "2048"),
    ("rsa", "ssh-rsa", "3072"),
    ("dsa", "ssh-dss", "1024"),
];

#[test]
fn keys_fingerprint_as_ssh_keygen_lists_them() {
    if !ssh_keygen_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-keys");
    for (i, (kind, name, bits)) in KEY_TYPES.iter().enumerate() {
        let key = d(&format!("key{i}"));
        let comment = format!("user{i}@host.test");
        // The private key encrypted every other time: its public part reads without it.
        let passphrase = if i % 2 == 0 { "" } else { "secret" };
        ssh_keygen(&[
            "-q", "-t", kind, "-b", bits, "-N", passphrase, "-C", &comment, "-f", &key,
        ]);
        let public = format!("{key}.pub");
        let (listed_bits, sha256, listed_comment) = listed(&public, "sha256");
        let (_, md5, _) = listed(&public, "md5");
        for path in [&public, &key] {
            let block = &decoded(path)[0];
            assert_eq!(block["algorithm"], *name, "{path}");
            assert_eq!(block["bits"], listed_bits, "{path}");
            assert_eq!(block["fingerprint_sha256"], sha256.as_str(), "{path}");
            assert_eq!(block["fingerprint_md5"], md5.as_str(), "{path}");
            assert_eq!(listed_comment, comment);
        }
        let public_block = &decoded(&public)[0];
        assert_eq!(public_block["kind"], "ssh_public_key");
        assert_eq!(public_block["comment"], comment.as_str());
        let private = &decoded(&key)[0];
        assert_eq!(private["kind"], "ssh_private_key");
        assert_eq!(private["encryption"]["encrypted"], !passphrase.is_empty());
        match passphrase.is_empty() {
            // The comment is in the private part: readable only when it is not encrypted.
            true => assert_eq!(private["comment"], comment.as_str()),
            false => {
                assert_eq!(private["encryption"]["cipher"], "aes256-ctr");
                assert_eq!(private["encryption"]["kdf"], "bcrypt");
                assert_eq!(private["encryption"]["rounds"], 16);
            }
        }
        // The key and its .pub file, pasted together, go with each other.
        let both = format!(
            "{}{}",
            std::fs::read_to_string(&key).unwrap(),
            std::fs::read_to_string(&public).unwrap()
        );
        let blocks = json(&certbench(&["decode", "--json"], Some(both.as_bytes())));
        if *name != "ssh-dss" {
            assert_eq!(blocks[0]["matches"], serde_json::json!([2]), "{name}");
        }
        // Lint: DSA is refused, the rest are sound.
        let lint = json(&certbench(&["lint", "--json", &public], None));
        let rules: Vec<&str> = lint["ssh_keys"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        let expected: &[&str] = if *name == "ssh-dss" {
            &["ssh_dsa_key"]
        } else {
            &[]
        };
        assert_eq!(rules, expected, "{name}");
    }
}

#[test]
fn certificates_read_as_ssh_keygen_shows_them_and_their_signatures_check() {
    if !ssh_keygen_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-certs");
    let user = d("user");
    ssh_keygen(&[
        "-q",
        "-t",
        "ed25519",
        "-N",
        "",
        "-C",
        "alice@laptop",
        "-f",
        &user,
    ]);
    for (ca_type, bits, signature) in [
        ("ed25519", "256", "ssh-ed25519"),
        ("rsa", "3072", "rsa-sha2-512"),
        ("ecdsa", "256", "ecdsa-sha2-nistp256"),
        ("ecdsa", "384", "ecdsa-sha2-nistp384"),
        ("ecdsa", "521", "ecdsa-sha2-nistp521"),
    ] {
        let ca = d(&format!("ca-{ca_type}{bits}"));
        ssh_keygen(&["-q", "-t", ca_type, "-b", bits, "-N", "", "-f", &ca]);
        ssh_keygen(&[
            "-q",
            "-s",
            &ca,
            "-I",
            "alice's laptop",
            "-n",
            "alice,admin",
            "-z",
            "4242",
            "-V",
            "20260101000000:20360101000000",
            "-O",
            "clear",
            "-O",
            "permit-pty",
            "-O",
            "force-command=/usr/bin/true",
            "-O",
            "source-address=192.0.2.0/24",
            &format!("{user}.pub"),
        ]);
        let cert = format!("{user}-cert.pub");
        let block = &decoded(&cert)[0];
        let shown = ssh_keygen(&["-L", "-f", &cert]);
        let (_, ca_sha256, _) = listed(&format!("{ca}.pub"), "sha256");
        let (_, key_sha256, _) = listed(&format!("{user}.pub"), "sha256");
        assert_eq!(block["kind"], "ssh_certificate");
        assert_eq!(block["algorithm"], "ssh-ed25519-cert-v01@openssh.com");
        assert_eq!(block["cert_type"], "user");
        assert_eq!(block["key_id"], "alice's laptop");
        assert_eq!(block["serial"], 4242);
        assert_eq!(block["principals"], serde_json::json!(["alice", "admin"]));
        assert_eq!(block["valid_after"], "2026-01-01T00:00:00Z");
        assert_eq!(block["valid_before"], "2036-01-01T00:00:00Z");
        assert_eq!(block["fingerprint_sha256"], key_sha256.as_str());
        assert_eq!(block["ca_fingerprint_sha256"], ca_sha256.as_str());
        assert_eq!(block["signature_algorithm"], signature);
        assert_eq!(block["signature_valid"], true, "{signature}");
        assert_eq!(block["comment"], "alice@laptop");
        assert_eq!(
            block["critical_options"],
            serde_json::json!([
                ["force-command", "/usr/bin/true"],
                ["source-address", "192.0.2.0/24"]
            ])
        );
        assert_eq!(block["extensions"], serde_json::json!([["permit-pty", ""]]));
        assert_has(
            &shown,
            &[
                "Key ID: \"alice's laptop\"",
                "Serial: 4242",
                &format!(
                    "Signing CA: {} {ca_sha256} (using {signature})",
                    ca_type.to_ascii_uppercase()
                ),
                "force-command /usr/bin/true",
                "permit-pty",
            ],
            &cert,
        );
        // The serial changed (its last byte: after the type, nonce and Ed25519 key, each a
        // 4-byte length and 32 bytes): the signature no longer checks, and lint says so.
        let line = std::fs::read_to_string(&cert).unwrap();
        let fields: Vec<&str> = line.split_whitespace().collect();
        let mut blob = base64_decode(fields[1]);
        blob[3 * 36 + 7] ^= 1;
        let changed = format!("{} {}\n", fields[0], standard_base64(&blob));
        let decoded_changed = json(&certbench(&["decode", "--json"], Some(changed.as_bytes())));
        assert_eq!(decoded_changed[0]["serial"], 4243);
        assert_eq!(decoded_changed[0]["signature_valid"], false, "{signature}");
        let out = certbench(&["lint", "--json"], Some(changed.as_bytes()));
        exits(&out, 1, "changed certificate");
        assert_eq!(
            json(&out)["ssh_certificates"][0]["findings"][0]["rule"],
            "ssh_cert_signature_invalid"
        );
    }
}

fn standard_base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            match i <= chunk.len() {
                true => out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char),
                false => out.push('='),
            }
        }
    }
    out
}

#[test]
fn host_certificates_and_lint() {
    if !ssh_keygen_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-host-cert");
    let (host, ca) = (d("host"), d("ca"));
    ssh_keygen(&["-q", "-t", "ed25519", "-N", "", "-f", &host]);
    ssh_keygen(&["-q", "-t", "ed25519", "-N", "", "-f", &ca]);
    // Forever, no principals, and a permit-* extension on a host certificate.
    ssh_keygen(&[
        "-q",
        "-s",
        &ca,
        "-h",
        "-I",
        "web1",
        "-O",
        "permit-pty",
        &format!("{host}.pub"),
    ]);
    let cert = format!("{host}-cert.pub");
    let block = &decoded(&cert)[0];
    assert_eq!(block["cert_type"], "host");
    assert_eq!(block["valid_before"], serde_json::Value::Null);
    let out = certbench(&["lint", "--json", &cert], None);
    exits(&out, 0, "warnings only");
    let mut rules: Vec<String> = json(&out)["ssh_certificates"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            "ssh_cert_forever",
            "ssh_cert_no_principals",
            "ssh_host_cert_permits"
        ]
    );
    // Expired: an error.
    ssh_keygen(&[
        "-q",
        "-s",
        &ca,
        "-h",
        "-I",
        "web1",
        "-n",
        "web1.test",
        "-V",
        "20200101:20210101",
        &format!("{host}.pub"),
    ]);
    let out = certbench(&["lint", "--json", &cert], None);
    exits(&out, 1, "expired");
    assert_eq!(
        json(&out)["ssh_certificates"][0]["findings"][0]["rule"],
        "ssh_cert_expired"
    );
}

#[test]
fn authorized_keys_and_known_hosts_files_read_line_by_line() {
    if !ssh_keygen_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-files");
    let key = d("k");
    ssh_keygen(&["-q", "-t", "ed25519", "-N", "", "-C", "k@test", "-f", &key]);
    let public = std::fs::read_to_string(format!("{key}.pub")).unwrap();
    let public = public.trim();
    let (_, sha256, _) = listed(&format!("{key}.pub"), "sha256");
    let authorized = format!(
        "# keys\n\nno-pty,command=\"echo hi, there\" {public}\nrestrict,from=\"192.0.2.1\" {public}\n{public}\n"
    );
    let blocks = json(&certbench(
        &["decode", "--json"],
        Some(authorized.as_bytes()),
    ));
    let blocks = blocks.as_array().unwrap();
    assert_eq!(blocks.len(), 3);
    assert_eq!(blocks[0]["line"], 3);
    assert_eq!(
        blocks[0]["options"],
        serde_json::json!(["no-pty,command=\"echo hi, there\""])
    );
    assert_eq!(
        blocks[1]["options"],
        serde_json::json!(["restrict,from=\"192.0.2.1\""])
    );
    assert!(
        blocks
            .iter()
            .all(|b| b["fingerprint_sha256"] == sha256.as_str())
    );
    // known_hosts: host lists, a marker, a hashed entry (ssh-keygen -H makes one).
    let hosts_file = d("known_hosts");
    std::fs::write(
        &hosts_file,
        format!("web1.test,192.0.2.7 {public}\n@cert-authority *.test {public}\n"),
    )
    .unwrap();
    ssh_keygen(&["-q", "-H", "-f", &hosts_file]);
    let hashed = std::fs::read_to_string(&hosts_file).unwrap();
    // (-H writes one hashed line per host name; the wildcard line stays as it is.)
    let blocks = json(&certbench(&["decode", "--json"], Some(hashed.as_bytes())));
    assert_eq!(blocks.as_array().unwrap().len(), 3, "{hashed}");
    assert!(blocks[0]["hosts"][0].as_str().unwrap().starts_with("|1|"));
    assert_eq!(blocks[2]["marker"], "@cert-authority");
    assert_eq!(blocks[2]["hosts"], serde_json::json!(["*.test"]));
    // A line that names a key type but holds no key: an error naming its line; others read.
    let broken = format!("{public}\nssh-ed25519 not-base64!\n");
    let out = certbench(&["decode"], Some(broken.as_bytes()));
    exits(&out, 1, "broken line");
    assert_has(
        &String::from_utf8_lossy(&out.stderr),
        &["block 2 (line 2)", "not base64"],
        "broken line",
    );
}

#[test]
fn openssh_public_keys_convert_to_pem_as_ssh_keygen_does() {
    if !ssh_keygen_available() || !openssl_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-convert");
    // Not Ed25519: ssh-keygen -e does not export it as PKCS#8.
    for (i, (kind, _, bits)) in KEY_TYPES[1..6].iter().enumerate() {
        let key = d(&format!("k{i}"));
        ssh_keygen(&["-q", "-t", kind, "-b", bits, "-N", "", "-f", &key]);
        let out = certbench(&["convert", &format!("{key}.pub"), "--to", "pem"], None);
        exits(&out, 0, kind);
        let pem = d(&format!("k{i}.pem"));
        std::fs::write(&pem, &out.stdout).unwrap();
        // OpenSSL reads it as the key ssh-keygen's own export is.
        let theirs = ssh_keygen(&["-e", "-m", "PKCS8", "-f", &format!("{key}.pub")]);
        let theirs_file = d(&format!("k{i}.theirs.pem"));
        std::fs::write(&theirs_file, theirs).unwrap();
        assert_eq!(
            openssl(&["pkey", "-pubin", "-in", &pem]).stdout,
            openssl(&["pkey", "-pubin", "-in", &theirs_file]).stdout,
            "{kind} {bits}"
        );
    }
}

/// An SSH `string`.
fn ssh_string(bytes: &[u8]) -> Vec<u8> {
    [&(bytes.len() as u32).to_be_bytes()[..], bytes].concat()
}

#[test]
fn security_keys_read_as_ssh_keygen_lists_them() {
    if !ssh_keygen_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-sk");
    // No FIDO token here: the public keys are written by hand, as PROTOCOL.u2f lays them out.
    let p256_point = {
        let text = std::fs::read_to_string(fixtures().join("keys/p256.pub")).unwrap();
        let der = base64_decode(
            &text
                .lines()
                .filter(|l| !l.starts_with("-----"))
                .collect::<String>(),
        );
        der[der.len() - 65..].to_vec()
    };
    let lines = [
        (
            "sk-ssh-ed25519@openssh.com",
            [
                ssh_string(b"sk-ssh-ed25519@openssh.com"),
                ssh_string(&[7u8; 32]),
                ssh_string(b"ssh:"),
            ]
            .concat(),
        ),
        (
            "sk-ecdsa-sha2-nistp256@openssh.com",
            [
                ssh_string(b"sk-ecdsa-sha2-nistp256@openssh.com"),
                ssh_string(b"nistp256"),
                ssh_string(&p256_point),
                ssh_string(b"ssh:work"),
            ]
            .concat(),
        ),
    ];
    for (name, blob) in lines {
        let file = d("sk.pub");
        std::fs::write(&file, format!("{name} {} token\n", standard_base64(&blob))).unwrap();
        let (bits, sha256, _) = listed(&file, "sha256");
        let block = &decoded(&file)[0];
        assert_eq!(block["algorithm"], name);
        assert_eq!(block["bits"], bits);
        assert_eq!(block["fingerprint_sha256"], sha256.as_str());
        assert!(block["application"].as_str().unwrap().starts_with("ssh:"));
    }
}

#[test]
fn encrypted_private_keys_open_with_their_passphrase() {
    if !ssh_keygen_available() {
        return;
    }
    let (_dir, d) = workdir("ssh-decrypt");
    for cipher in ["aes256-ctr", "aes128-ctr", "aes192-ctr", "aes256-cbc"] {
        let key = d(cipher);
        ssh_keygen(&[
            "-q",
            "-t",
            "ed25519",
            "-N",
            "right horse",
            "-C",
            &format!("made with {cipher}"),
            "-Z",
            cipher,
            "-f",
            &key,
        ]);
        let out = certbench(
            &["decode", &key, "--json", "--password", "right horse"],
            None,
        );
        exits(&out, 0, cipher);
        let block = &json(&out)[0];
        assert_eq!(block["encryption"]["decrypted"], true, "{cipher}");
        assert_eq!(block["encryption"]["cipher"], cipher);
        assert_eq!(block["comment"], format!("made with {cipher}"));
        let wrong = certbench(&["decode", &key, "--password", "wrong horse"], None);
        exits(&wrong, 1, cipher);
        assert!(String::from_utf8_lossy(&wrong.stderr).contains("wrong passphrase"));
    }
    // AES-GCM: its public part reads, its private part is said not to be decrypted.
    let gcm = d("gcm");
    ssh_keygen(&[
        "-q",
        "-t",
        "ed25519",
        "-N",
        "pw",
        "-Z",
        "aes256-gcm@openssh.com",
        "-f",
        &gcm,
    ]);
    let (_, sha256, _) = listed(&format!("{gcm}.pub"), "sha256");
    assert_eq!(decoded(&gcm)[0]["fingerprint_sha256"], sha256.as_str());
    let out = certbench(&["decode", &gcm, "--password", "pw"], None);
    exits(&out, 1, "gcm");
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not decrypt"));
}
