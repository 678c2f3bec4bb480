//! Interop with the real OpenSSL: what certbench makes, OpenSSL accepts; what OpenSSL makes,
//! certbench reads; the commands certbench shows run as shown. Skips without `openssl` unless
//! CERTBENCH_REQUIRE_OPENSSL=1 (the README test command sets it).
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

#[test]
fn generated_self_signed_certificates_satisfy_openssl() {
    let Some(dir) = openssl_dir("selfsigned") else {
        return;
    };
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
        assert_has(
            &openssl_text(cert),
            &[
                "DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1",
                "CA:FALSE",
                "TLS Web Server Authentication",
            ],
            key,
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
}

/// Root -> intermediate -> server, client and a signed CSR, for every key type: OpenSSL
/// verifies each leaf, accepts each CSR and key, and sees the profile's extensions.
#[test]
fn every_profile_and_key_type_satisfies_openssl() {
    let Some(dir) = openssl_dir("profiles") else {
        return;
    };
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
        generate_signed(
            &[
                "intermediate",
                "--cn",
                &format!("{key} intermediate"),
                "--key",
                key,
                "--pathlen",
                "0",
                "--permit",
                "DNS:example.test,IP:127.0.0.0/8",
            ],
            (&d("root/cert.pem"), &d("root/key.pem")),
            &d("int"),
        );
        let ca_chain = format!("{}/ca.pem", d("int"));
        let chain = [
            std::fs::read_to_string(d("int/cert.pem")).unwrap(),
            std::fs::read_to_string(d("root/cert.pem")).unwrap(),
        ]
        .concat();
        std::fs::write(&ca_chain, chain).unwrap();
        generate_signed(
            &[
                "server",
                "--san",
                "DNS:www.example.test,IP:127.0.0.1",
                "--key",
                key,
                "--must-staple",
                "--ocsp-url",
                "http://ocsp.example.test",
            ],
            (&ca_chain, &d("int/key.pem")),
            &d("server"),
        );
        generate_signed(
            &[
                "client",
                "--cn",
                "alice",
                "--san",
                "email:alice@example.test",
                "--key",
                key,
            ],
            (&ca_chain, &d("int/key.pem")),
            &d("client"),
        );
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
        generate_signed(
            &["sign", "--csr", &d("csr/request.csr")],
            (&ca_chain, &d("int/key.pem")),
            &d("signed"),
        );
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
        let text = |path: &str| openssl_text(path);
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
        exits(&ours, 0, key);
    }
}

#[test]
fn mtls_handshake_succeeds_with_generated_certificates_and_fails_across_cas() {
    if !openssl_available() || Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipping: needs openssl and python3");
        return;
    }
    let (_dir, d) = workdir("mtls");
    generate_ok(&["root", "--cn", "mTLS root", "--out", &d("root")]);
    generate_signed(
        &["server", "--san", "DNS:localhost,IP:127.0.0.1"],
        (&d("root/cert.pem"), &d("root/key.pem")),
        &d("server"),
    );
    generate_signed(
        &["client", "--cn", "alice"],
        (&d("root/cert.pem"), &d("root/key.pem")),
        &d("client"),
    );
    generate_ok(&["root", "--cn", "other root", "--out", &d("other")]);
    generate_signed(
        &["client", "--cn", "mallory"],
        (&d("other/cert.pem"), &d("other/key.pem")),
        &d("stranger"),
    );
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

/// The OpenSSL recipe shown beside each artifact really makes the same kind of certificate.
#[test]
fn openssl_recipes_reproduce_each_profile() {
    use certbench_core::generate::{self, KeyType, Profile, Request, Subject};
    let Some(dir) = openssl_dir("recipes") else {
        return;
    };
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
}

#[test]
fn pkcs12_files_open_with_their_password() {
    // leaf.p12 is OpenSSL 3's default: PBES2 AES-256-CBC, HMAC-SHA256 MAC (tests/fixtures/make.sh).
    let p12 = fixtures().join("leaf.p12");
    let p12 = p12.to_str().unwrap();
    let out = certbench(&["decode", p12, "--password", "fixture", "--json"], None);
    exits(&out, 0, "");
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
}

/// PBES2 as OpenSSL writes it, every key derivation and cipher `openssl pkcs8 -topk8 -v2` offers
/// here: PBKDF2 with each HMAC (SHA-1 to SHA-512), scrypt, and AES-128/192/256-CBC, triple DES
/// and DES: each decrypts to the same key, says its scheme before the password, and refuses a
/// wrong one.
#[test]
fn pbes2_as_openssl_writes_it_decrypts_to_the_same_key() {
    let Some((_dir, d)) = openssl_workdir("pbes2") else {
        return;
    };
    assert!(openssl_p256_key(&d("ec.key")).status.success());
    let want = json(&certbench(&["decode", &d("ec.key"), "--json"], None))[0]["public_key"].clone();
    // name | `openssl pkcs8 -topk8` options | what certbench says of the scheme
    let variants = "\
aes128-sha1 | -v2 aes-128-cbc -v2prf hmacWithSHA1 | PBKDF2-hmacWithSHA1, 2048 iterations, aes-128-cbc
aes192-sha224 | -v2 aes-192-cbc -v2prf hmacWithSHA224 | aes-192-cbc
aes256-sha256 | -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 4096 | PBKDF2-hmacWithSHA256, 4096 iterations, aes-256-cbc
aes256-sha384 | -v2 aes-256-cbc -v2prf hmacWithSHA384 | hmacWithSHA384
des3-sha512 | -v2 des3 -v2prf hmacWithSHA512 | hmacWithSHA512, 2048 iterations, des-ede3-cbc
scrypt | -scrypt | scrypt, N=16384, r=8, p=1, aes-256-cbc
scrypt-small | -scrypt -scrypt_N 1024 -scrypt_r 8 -scrypt_p 2 | scrypt, N=1024, r=8, p=2
des | -v2 des-cbc -provider legacy -provider default | desCBC";
    let mut made = 0;
    for line in variants.lines() {
        let [name, args, scheme]: [&str; 3] =
            line.split(" | ").collect::<Vec<_>>().try_into().unwrap();
        let out = d(&format!("{name}.key"));
        let input = d("ec.key");
        let base = [
            "pkcs8", "-topk8", "-in", &input, "-passout", "pass:pw", "-out", &out,
        ];
        // DES needs OpenSSL's legacy provider: skip it where that is not installed.
        let args: Vec<&str> = args.split_whitespace().collect();
        if !openssl(&[&base[..], &args].concat()).status.success() {
            assert_eq!(name, "des", "OpenSSL writes {name}");
            continue;
        }
        made += 1;
        let before = json(&certbench(&["decode", &out, "--json"], None));
        let said = before[0]["encryption"].as_str().unwrap().to_string();
        assert!(
            said.starts_with("PBES2 (") && said.contains(scheme),
            "{name}: {said}"
        );
        let opened = certbench(&["decode", &out, "--password", "pw", "--json"], None);
        exits(&opened, 0, name);
        assert_eq!(json(&opened)[0]["public_key"], want, "{name}");
        let wrong = certbench(&["decode", &out, "--password", "nope"], None);
        assert_eq!(wrong.status.code(), Some(1), "{name}");
    }
    assert!(made >= 7, "{made}");
}

/// Keys encrypted the older ways OpenSSL (and Java) still write decrypt with their password,
/// to the same key: PKCS#12 PBEs and PBES1 in PKCS#8 (OpenSSL 1.0's `pkcs8 -topk8` default),
/// and legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`, `genrsa -aes256`); a legacy-encrypted
/// key also signs certificates with its password.
#[test]
fn older_encrypted_key_formats_decrypt_to_the_same_key() {
    let Some((_dir, d)) = openssl_workdir("older-encryption") else {
        return;
    };
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
        exits(&out, 0, encrypted);
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
    let (_dir, d) = workdir("encrypted");
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
}

#[test]
fn pkcs12_bundles_open_in_openssl() {
    let Some((_dir, d)) = openssl_workdir("p12") else {
        return;
    };
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
}

/// An OpenSSL CSR asking for clientAuth, CA rights and its names: signed as a server certificate
/// it gets the profile's EKU unless the user copies the requested one, and CA rights never.
#[test]
fn requested_extensions_are_copied_only_when_asked_and_ca_rights_never() {
    let Some((_dir, d)) = openssl_workdir("copy-extension") else {
        return;
    };
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
        (
            String::from_utf8_lossy(&signed.stderr).into_owned(),
            openssl_text(&cert),
        )
    };
    let (notes, profile) = sign("profile", &[]);
    assert_has(
        &profile,
        &[
            "TLS Web Server Authentication",
            "CA:FALSE",
            "DNS:asks.example",
        ],
        "signed with the profile",
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
}

/// RFC 5280 section 4.1.2.5.1: UTCTime `50`-`99` are 1950-1999. A certificate certbench makes
/// with a 1950 notBefore reads as 1950 in OpenSSL, and one OpenSSL makes reads as 1950 here.
#[test]
fn validity_before_1970_round_trips_with_openssl() {
    let Some((_dir, at)) = openssl_workdir("before-1970") else {
        return;
    };
    generate_ok(&[
        "root",
        "--cn",
        "Old Root",
        "--not-before",
        "1950-01-01T00:00:00Z",
        "--days",
        "36500",
        "--out",
        &at("ours"),
    ]);
    let ours = at("ours/cert.pem");
    let dates = openssl(&["x509", "-in", &ours, "-noout", "-startdate"]);
    assert_has(
        &String::from_utf8_lossy(&dates.stdout),
        &["notBefore=Jan  1 00:00:00 1950 GMT"],
        "certbench's 1950 root in OpenSSL",
    );
    assert_ok(openssl(&["verify", "-CAfile", &ours, &ours]), "1950 root");

    std::fs::write(
        at("ca.cnf"),
        format!(
            "[ca]\ndefault_ca = old\n[old]\ndatabase = {}\nnew_certs_dir = {}\nserial = {}\n\
             default_md = sha256\npolicy = any\n[any]\ncommonName = supplied\n\
             [req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = OpenSSL 1950\n",
            at("index.txt"),
            at(""),
            at("serial"),
        ),
    )
    .unwrap();
    std::fs::write(at("index.txt"), "").unwrap();
    std::fs::write(at("serial"), "01\n").unwrap();
    assert_ok(openssl_p256_key(&at("key.pem")), "key");
    assert_ok(
        openssl(&[
            "req",
            "-new",
            "-config",
            &at("ca.cnf"),
            "-key",
            &at("key.pem"),
            "-out",
            &at("req.pem"),
        ]),
        "csr",
    );
    assert_ok(
        openssl(&[
            "ca",
            "-batch",
            "-selfsign",
            "-config",
            &at("ca.cnf"),
            "-keyfile",
            &at("key.pem"),
            "-in",
            &at("req.pem"),
            "-startdate",
            "500101000000Z",
            "-enddate",
            "491231235959Z",
            "-notext",
            "-out",
            &at("theirs.pem"),
        ]),
        "openssl ca",
    );
    let report = &json(&certbench(&["decode", &at("theirs.pem"), "--json"], None))[0];
    assert_eq!(report["not_before"], "1950-01-01T00:00:00Z", "{report}");
    assert_eq!(report["not_after"], "2049-12-31T23:59:59Z");
    assert_eq!(report["self_signed"], true);
    let verdict = certbench(
        &[
            "verify",
            &at("theirs.pem"),
            "--roots",
            &at("theirs.pem"),
            "--json",
        ],
        None,
    );
    exits(&verdict, 0, "verify the 1950 certificate");
}

/// `verify --profile`: the same intermediate signed twice by its root, once with SHA-1 and once
/// with SHA-256. Under webpki the SHA-1 copy is refused and the path builder takes the other;
/// with only the SHA-1 copy webpki refuses and rfc5280 accepts, each naming the other's verdict.
/// A wrongly critical subjectKeyIdentifier fails only under webpki.
#[test]
fn profiles_refuse_sha1_links_and_try_other_paths() {
    let Some((_dir, at, sh)) = openssl_shell("profiles-sha1") else {
        return;
    };
    openssl_root(&sh, "Profile Root");
    std::fs::write(at("int.cnf"), OPENSSL_CA_EXTENSIONS).unwrap();
    openssl_csr(&sh, "i", "Profile Intermediate");
    sh(
        "openssl x509 -req -in i.csr -CA r.pem -CAkey r.key -set_serial 1 -days 30 -sha1 \
        -extfile int.cnf -out i-sha1.pem",
    );
    sh(
        "openssl x509 -req -in i.csr -CA r.pem -CAkey r.key -set_serial 2 -days 30 -sha256 \
        -extfile int.cnf -out i-sha256.pem",
    );
    for (name, ski) in [("l", "hash"), ("l-critical", "critical,hash")] {
        let extensions = openssl_leaf_extensions("profile.example.test", ski);
        std::fs::write(at(&format!("{name}.cnf")), extensions).unwrap();
    }
    openssl_csr(&sh, "l", "profile.example.test");
    for name in ["l", "l-critical"] {
        sh(&format!(
            "openssl x509 -req -in l.csr -CA i-sha256.pem -CAkey i.key -set_serial 3 -days 20 \
             -extfile {name}.cnf -out {name}.pem"
        ));
    }
    sh("cat l.pem i-sha1.pem > only-sha1.pem && cat l.pem i-sha1.pem i-sha256.pem > both.pem");
    let verify = |chain: &str, profile: &str| {
        let extra = ["--purpose", "server", "--profile", profile];
        verify_json(&at(chain), &at("r.pem"), &extra)
    };
    let (code, both) = verify("both.pem", "webpki");
    assert_eq!(code, Some(0), "{both}");
    assert_eq!(both["profile"], "webpki");
    assert!(both["other_profile"].is_null(), "{both}");

    let (code, sha1) = verify("only-sha1.pem", "webpki");
    assert_eq!(code, Some(1));
    assert_eq!(sha1["errors"][0]["code"], "weak_signature", "{sha1}");
    assert_eq!(sha1["other_profile"]["profile"], "rfc5280");
    assert_eq!(sha1["other_profile"]["valid"], true);
    assert!(
        sha1["other_profile"]["reason"]
            .as_str()
            .unwrap()
            .contains("SHA-1")
    );

    // The text output says it too.
    let text = certbench(
        &[
            "verify",
            &at("only-sha1.pem"),
            "--roots",
            &at("r.pem"),
            "--purpose",
            "server",
        ],
        None,
    );
    assert_has(
        &String::from_utf8_lossy(&text.stdout),
        &[
            "INVALID",
            "rfc5280 rules: valid (Valid under RFC 5280 alone",
        ],
        "verify's text",
    );
    let (code, rfc) = verify("only-sha1.pem", "rfc5280");
    assert_eq!(code, Some(0), "{rfc}");
    assert_eq!(rfc["other_profile"]["profile"], "webpki");
    assert_eq!(rfc["other_profile"]["valid"], false);
    // OpenSSL at security level 1 (its TLS default) agrees with webpki here; at 0, with rfc5280.
    let strict = openssl(&[
        "verify",
        "-auth_level",
        "1",
        "-CAfile",
        &at("r.pem"),
        "-untrusted",
        &at("i-sha1.pem"),
        &at("l.pem"),
    ]);
    assert!(
        !strict.status.success(),
        "OpenSSL accepted a SHA-1 link at level 1"
    );
    assert_ok(
        openssl(&[
            "verify",
            "-auth_level",
            "0",
            "-CAfile",
            &at("r.pem"),
            "-untrusted",
            &at("i-sha1.pem"),
            &at("l.pem"),
        ]),
        "openssl -auth_level 0",
    );

    sh("cat l-critical.pem i-sha256.pem > critical.pem");
    let (code, critical) = verify("critical.pem", "webpki");
    assert_eq!(code, Some(1));
    assert_eq!(
        critical["errors"][0]["code"], "invalid_extension",
        "{critical}"
    );
    let (code, critical) = verify("critical.pem", "rfc5280");
    assert_eq!(code, Some(0), "{critical}");
    let lint = certbench(&["lint", &at("l-critical.pem"), "--json"], None);
    assert!(
        String::from_utf8_lossy(&lint.stdout).contains("wrong_criticality"),
        "lint reports the criticality"
    );
}

/// An OpenSSL CA (`openssl ca`) in `dir`: its config, database and key, named `name`.
fn openssl_ca(at: &dyn Fn(&str) -> String, name: &str) {
    let cnf = format!(
        "[ca]\ndefault_ca = ca_default\n[ca_default]\ndatabase = {db}\nnew_certs_dir = {dir}\nserial = {serial}\n\
         crlnumber = {crlnumber}\ndefault_md = sha256\npolicy = any\ndefault_crl_days = 30\n\
         [any]\ncommonName = supplied\n[req]\ndistinguished_name = dn\nprompt = no\n\
         [dn]\nCN = {name}\n[ca_ext]\nbasicConstraints = critical,CA:TRUE\n\
         keyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n\
         authorityKeyIdentifier = keyid\n[leaf_ext]\nbasicConstraints = critical,CA:FALSE\n\
         keyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n\
         subjectAltName = DNS:crl.example.test\nsubjectKeyIdentifier = hash\n\
         authorityKeyIdentifier = keyid\n",
        db = at(&format!("{name}.index")),
        dir = at(""),
        serial = at(&format!("{name}.serial")),
        crlnumber = at(&format!("{name}.crlnumber")),
    );
    std::fs::write(at(&format!("{name}.cnf")), cnf).unwrap();
    std::fs::write(at(&format!("{name}.index")), "").unwrap();
    std::fs::write(at(&format!("{name}.serial")), "1000\n").unwrap();
    std::fs::write(at(&format!("{name}.crlnumber")), "01\n").unwrap();
    assert_ok(openssl_p256_key(&at(&format!("{name}.key"))), "CA key");
}

/// Revocation by CRL against OpenSSL's `openssl ca`: a revoked leaf fails with its reason and
/// date, as `openssl verify -crl_check_all` does; a CRL that does not list it makes it good;
/// without a CRL for the intermediate its status is unknown, which fails only when revocation
/// is required; a stale CRL is not used.
#[test]
fn crls_from_openssl_ca_revoke_as_openssl_verify_does() {
    let Some((_dir, at)) = openssl_workdir("crl") else {
        return;
    };
    let run = |args: &[&str]| assert_ok(openssl(args), &args.join(" "));
    openssl_ca(&at, "root");
    openssl_ca(&at, "int");
    run(&[
        "req",
        "-new",
        "-config",
        &at("root.cnf"),
        "-key",
        &at("root.key"),
        "-out",
        &at("root.csr"),
    ]);
    run(&[
        "ca",
        "-batch",
        "-selfsign",
        "-config",
        &at("root.cnf"),
        "-keyfile",
        &at("root.key"),
        "-in",
        &at("root.csr"),
        "-extensions",
        "ca_ext",
        "-days",
        "3650",
        "-notext",
        "-out",
        &at("root.pem"),
    ]);
    run(&[
        "req",
        "-new",
        "-config",
        &at("int.cnf"),
        "-key",
        &at("int.key"),
        "-out",
        &at("int.csr"),
    ]);
    run(&[
        "ca",
        "-batch",
        "-config",
        &at("root.cnf"),
        "-cert",
        &at("root.pem"),
        "-keyfile",
        &at("root.key"),
        "-in",
        &at("int.csr"),
        "-extensions",
        "ca_ext",
        "-days",
        "3650",
        "-notext",
        "-out",
        &at("int.pem"),
    ]);
    assert_ok(openssl_p256_key(&at("leaf.key")), "leaf key");
    run(&[
        "req",
        "-new",
        "-key",
        &at("leaf.key"),
        "-subj",
        "/CN=crl.example.test",
        "-out",
        &at("leaf.csr"),
    ]);
    run(&[
        "ca",
        "-batch",
        "-config",
        &at("int.cnf"),
        "-cert",
        &at("int.pem"),
        "-keyfile",
        &at("int.key"),
        "-in",
        &at("leaf.csr"),
        "-extensions",
        "leaf_ext",
        "-days",
        "365",
        "-notext",
        "-out",
        &at("leaf.pem"),
    ]);
    let gencrl = |ca: &str, out: &str| {
        run(&[
            "ca",
            "-gencrl",
            "-config",
            &at(&format!("{ca}.cnf")),
            "-cert",
            &at(&format!("{ca}.pem")),
            "-keyfile",
            &at(&format!("{ca}.key")),
            "-out",
            &at(out),
        ]);
    };
    gencrl("root", "root.crl");
    gencrl("int", "int-before.crl");
    run(&[
        "ca",
        "-config",
        &at("int.cnf"),
        "-cert",
        &at("int.pem"),
        "-keyfile",
        &at("int.key"),
        "-revoke",
        &at("leaf.pem"),
        "-crl_reason",
        "keyCompromise",
    ]);
    gencrl("int", "int-after.crl");
    std::fs::write(
        at("chain.pem"),
        [
            std::fs::read(at("leaf.pem")).unwrap(),
            std::fs::read(at("int.pem")).unwrap(),
        ]
        .concat(),
    )
    .unwrap();
    let verify = |extra: &[&str]| verify_json(&at("chain.pem"), &at("root.pem"), extra);
    let crl = |name: &str| at(name);

    let (code, revoked) = verify(&["--crl", &crl("int-after.crl"), "--crl", &crl("root.crl")]);
    assert_eq!(code, Some(1), "{revoked}");
    assert_eq!(revoked["errors"][0]["code"], "revoked");
    assert_eq!(revoked["revocation"][0]["status"], "revoked");
    assert_eq!(revoked["revocation"][0]["reason"], "keyCompromise");
    assert!(revoked["revocation"][0]["revoked_at"].is_string());
    assert_eq!(revoked["revocation"][1]["status"], "good", "{revoked}");
    let openssl_says = openssl(&[
        "verify",
        "-crl_check_all",
        "-CAfile",
        &at("root.pem"),
        "-untrusted",
        &at("int.pem"),
        "-CRLfile",
        &crl("int-after.crl"),
        "-CRLfile",
        &crl("root.crl"),
        &at("leaf.pem"),
    ]);
    assert!(!openssl_says.status.success());
    assert!(
        String::from_utf8_lossy(&openssl_says.stdout).contains("revoked")
            || String::from_utf8_lossy(&openssl_says.stderr).contains("revoked")
    );

    let (code, good) = verify(&[
        "--crl",
        &crl("int-before.crl"),
        "--crl",
        &crl("root.crl"),
        "--require-revocation",
    ]);
    assert_eq!(code, Some(0), "{good}");
    assert_eq!(good["revocation"][0]["status"], "good");
    assert_ok(
        openssl(&[
            "verify",
            "-crl_check_all",
            "-CAfile",
            &at("root.pem"),
            "-untrusted",
            &at("int.pem"),
            "-CRLfile",
            &crl("int-before.crl"),
            "-CRLfile",
            &crl("root.crl"),
            &at("leaf.pem"),
        ]),
        "openssl verify with the CRL before revocation",
    );

    // No CRL for the intermediate: unknown, a failure only when revocation is required.
    let (code, unknown) = verify(&["--crl", &crl("int-before.crl")]);
    assert_eq!(code, Some(0), "{unknown}");
    assert_eq!(unknown["revocation"][1]["status"], "unknown");
    let (code, required) = verify(&["--crl", &crl("int-before.crl"), "--require-revocation"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        required["errors"][0]["code"], "revocation_unknown",
        "{required}"
    );

    // Past nextUpdate (30 days), the CRL is stale and not used.
    let later = "2100-01-01T00:00:00Z";
    let (_, stale) = verify(&["--crl", &crl("int-after.crl"), "--at", later]);
    assert_eq!(stale["revocation"][0]["status"], "unknown", "{stale}");
    assert!(
        stale["revocation"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("stale")
    );

    // A CRL that is not one is refused with where and what.
    let out = certbench(
        &[
            "verify",
            &at("chain.pem"),
            "--roots",
            &at("root.pem"),
            "--crl",
            &at("leaf.pem"),
        ],
        None,
    );
    exits(&out, 2, "a certificate given as a CRL");
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected a CRL"));
}

/// Certificate policies (RFC 5280 sections 6.1.3-6.1.5) against `openssl verify
/// -policy_check`: for chains with certificatePolicies, policyMappings, policyConstraints and
/// inhibitAnyPolicy, and the user's inputs, certbench's verdict is OpenSSL's.
#[test]
fn policy_processing_agrees_with_openssl() {
    let Some((_dir, at, sh)) = openssl_shell("policies") else {
        return;
    };
    openssl_root(&sh, "Policy Root");
    openssl_csr(&sh, "i", "Policy CA");
    openssl_csr(&sh, "l", "policy.example.test");
    let ca = OPENSSL_CA_EXTENSIONS;
    let leaf = openssl_leaf_extensions("policy.example.test", "hash");
    // (name, intermediate's extra extensions, leaf's extra extensions)
    let chains = [
        (
            "plain",
            "certificatePolicies=1.2.3.1\n",
            "certificatePolicies=1.2.3.1\n",
        ),
        ("none", "", ""),
        (
            "mapped",
            "certificatePolicies=1.2.3.1\npolicyMappings=critical,1.2.3.1:1.2.3.9\n",
            "certificatePolicies=1.2.3.9\n",
        ),
        (
            "required",
            "policyConstraints=critical,requireExplicitPolicy:0\n",
            "",
        ),
        (
            "required-met",
            "certificatePolicies=1.2.3.1\npolicyConstraints=critical,requireExplicitPolicy:0\n",
            "certificatePolicies=1.2.3.1\n",
        ),
        (
            "any-inhibited",
            "certificatePolicies=2.5.29.32.0\ninhibitAnyPolicy=critical,0\n",
            "certificatePolicies=2.5.29.32.0\n",
        ),
        (
            "any",
            "certificatePolicies=2.5.29.32.0\n",
            "certificatePolicies=1.2.3.7\n",
        ),
    ];
    let mut serial = 1;
    for (name, int_ext, leaf_ext) in chains {
        std::fs::write(at(&format!("{name}-int.cnf")), format!("{ca}{int_ext}")).unwrap();
        std::fs::write(at(&format!("{name}-leaf.cnf")), format!("{leaf}{leaf_ext}")).unwrap();
        sh(&format!(
            "openssl x509 -req -in i.csr -CA r.pem -CAkey r.key -set_serial {serial} -days 30 \
             -extfile {name}-int.cnf -out {name}-int.pem && \
             openssl x509 -req -in l.csr -CA {name}-int.pem -CAkey i.key -set_serial {} -days 20 \
             -extfile {name}-leaf.cnf -out {name}-leaf.pem && \
             cat {name}-leaf.pem {name}-int.pem > {name}-chain.pem",
            serial + 1
        ));
        serial += 2;
    }
    // (user inputs as certbench flags, the same as openssl verify flags)
    let inputs: [(&[&str], &[&str]); 6] = [
        (&[], &[]),
        (
            &[
                "--policy",
                "1.2.3.1",
                "--policy",
                "1.2.3.7",
                "--require-explicit-policy",
            ],
            &[
                "-policy",
                "1.2.3.1",
                "-policy",
                "1.2.3.7",
                "-explicit_policy",
            ],
        ),
        (
            &["--policy", "1.2.3.1", "--require-explicit-policy"],
            &["-policy", "1.2.3.1", "-explicit_policy"],
        ),
        (
            &["--policy", "1.2.3.2", "--require-explicit-policy"],
            &["-policy", "1.2.3.2", "-explicit_policy"],
        ),
        (
            &[
                "--policy",
                "1.2.3.1",
                "--require-explicit-policy",
                "--inhibit-policy-mapping",
            ],
            &["-policy", "1.2.3.1", "-explicit_policy", "-inhibit_map"],
        ),
        (
            &[
                "--policy",
                "1.2.3.7",
                "--require-explicit-policy",
                "--inhibit-any-policy",
            ],
            &["-policy", "1.2.3.7", "-explicit_policy", "-inhibit_any"],
        ),
    ];
    let mut compared = 0;
    for (name, ..) in chains {
        for (ours, theirs) in inputs {
            let chain = at(&format!("{name}-chain.pem"));
            let roots = at("r.pem");
            let args = [
                &[
                    "verify",
                    chain.as_str(),
                    "--roots",
                    roots.as_str(),
                    "--json",
                ][..],
                ours,
            ]
            .concat();
            let out = certbench(&args, None);
            let verdict = json(&out);
            let int = at(&format!("{name}-int.pem"));
            let leaf = at(&format!("{name}-leaf.pem"));
            let openssl_args = [
                &[
                    "verify",
                    "-policy_check",
                    "-CAfile",
                    roots.as_str(),
                    "-untrusted",
                    int.as_str(),
                ][..],
                theirs,
                &[leaf.as_str()],
            ]
            .concat();
            let openssl_out = openssl(&openssl_args);
            let mut openssl_ok = openssl_out.status.success();
            // OpenSSL 3.0 takes no user policy as none (not anyPolicy, as RFC 5280 section
            // 6.1.1 (c) says) once an explicit policy is required; RFC 5280 passes the path
            // valid for 1.2.3.1.
            if ours.is_empty() && name == "required-met" {
                assert!(
                    !openssl_ok,
                    "OpenSSL now follows RFC 5280 here: drop this exception"
                );
                openssl_ok = true;
            }
            assert_eq!(
                verdict["valid"] == true,
                openssl_ok,
                "{name} {ours:?}: certbench {} {} / openssl {openssl_ok}: {}{}",
                verdict["valid"],
                verdict["errors"],
                String::from_utf8_lossy(&openssl_out.stdout),
                String::from_utf8_lossy(&openssl_out.stderr)
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 42);
    // An explicit policy with no user set: RFC 5280 section 6.1.5 (g)(ii) takes the user set as
    // anyPolicy, so a path valid for 1.2.3.1 passes (OpenSSL 3.0 reports "User Policies:
    // <empty>" and refuses it).
    let out = certbench(
        &[
            "verify",
            &at("plain-chain.pem"),
            "--roots",
            &at("r.pem"),
            "--require-explicit-policy",
        ],
        None,
    );
    exits(&out, 0, "explicit policy, any user policy");
    let out = certbench(
        &[
            "verify",
            &at("none-chain.pem"),
            "--roots",
            &at("r.pem"),
            "--require-explicit-policy",
        ],
        None,
    );
    exits(&out, 1, "explicit policy, a path without policies");
    // What the path allows, and what the user accepts of it.
    let chain = at("mapped-chain.pem");
    let out = certbench(
        &[
            "verify",
            &chain,
            "--roots",
            &at("r.pem"),
            "--policy",
            "1.2.3.1",
            "--json",
        ],
        None,
    );
    let verdict = json(&out);
    // The leaf's domain: 1.2.3.1 of the CA maps to the leaf's 1.2.3.9.
    assert_eq!(
        verdict["policies"]["user_constrained"][0], "1.2.3.9",
        "{verdict}"
    );
    assert_eq!(verdict["policies"]["authority_constrained"][0], "1.2.3.9");
    // The valid_policy_tree drawn: anyPolicy; the CA's 1.2.3.1, expecting 1.2.3.9 after its
    // mapping; the leaf's 1.2.3.9 below it.
    let root = &verdict["policies"]["tree"];
    assert_eq!(root["policy"], "2.5.29.32.0", "{verdict}");
    assert_eq!(root["name"], "anyPolicy");
    let ca = &root["children"][0];
    assert_eq!(
        (&ca["policy"], &ca["expected"][0]),
        (&"1.2.3.1".into(), &"1.2.3.9".into())
    );
    assert_eq!(ca["children"][0]["policy"], "1.2.3.9");
    assert_eq!(ca["children"][0]["children"].as_array().unwrap().len(), 0);
    // A path that leaves no policy has no tree, and says which certificate pruned it.
    let out = certbench(
        &[
            "verify",
            &at("none-chain.pem"),
            "--roots",
            &at("r.pem"),
            "--json",
        ],
        None,
    );
    let verdict = json(&out);
    assert!(verdict["policies"]["tree"].is_null(), "{verdict}");
    assert!(
        verdict["policies"]["notes"][0]
            .as_str()
            .unwrap()
            .contains("has no certificatePolicies"),
        "{verdict}"
    );
}

/// DSA (RFC 3279, RFC 5758): checked under the rfc5280 profile, refused under webpki, as
/// browsers refuse it; a damaged DSA signature does not verify. Keys and certificates by OpenSSL.
#[test]
fn dsa_signatures_verify_under_rfc5280() {
    let Some((_dir, at, sh)) = openssl_shell("dsa") else {
        return;
    };
    sh(
        "openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 \
        -pkeyopt dsa_paramgen_q_bits:256 -out p.pem && openssl genpkey -paramfile p.pem -out r.key",
    );
    sh(
        "openssl req -x509 -key r.key -subj '/CN=DSA Root' -days 30 -sha256 \
        -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
        -out r.pem",
    );
    openssl_csr(&sh, "l", "dsa.example.test");
    std::fs::write(
        at("l.cnf"),
        openssl_leaf_extensions("dsa.example.test", "hash"),
    )
    .unwrap();
    sh(
        "openssl x509 -req -in l.csr -CA r.pem -CAkey r.key -set_serial 7 -days 20 -sha256 \
        -extfile l.cnf -out l.pem",
    );
    let verify =
        |leaf: &str, profile: &str| verify_json(&at(leaf), &at("r.pem"), &["--profile", profile]);
    let (code, rfc) = verify("l.pem", "rfc5280");
    assert_eq!(code, Some(0), "{rfc}");
    let (code, webpki) = verify("l.pem", "webpki");
    assert_eq!(code, Some(1));
    assert_eq!(webpki["errors"][0]["code"], "weak_signature", "{webpki}");
    assert!(
        webpki["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("DSA")
    );
    assert_eq!(webpki["other_profile"]["valid"], true);
    // The root's own DSA signature checks too.
    let root = &json(&certbench(&["decode", &at("r.pem"), "--json"], None))[0];
    assert_eq!(root["self_signed"], true, "{root}");
    // One bit of the signature flipped: no longer valid.
    sh("openssl x509 -in l.pem -outform DER -out l.der");
    let mut der = std::fs::read(at("l.der")).unwrap();
    let last = der.len() - 3;
    der[last] ^= 1;
    std::fs::write(at("bad.der"), der).unwrap();
    let (code, bad) = verify("bad.der", "rfc5280");
    assert_eq!(code, Some(1));
    assert_eq!(bad["errors"][0]["code"], "bad_signature", "{bad}");
}

/// `certbench ocsp request` against OpenSSL's own responder (`openssl ocsp -port`): the
/// commands it shows run as shown (curl with certbench's request, openssl ocsp with its own),
/// the responder answers certbench's request, and `certbench decode` reads the answer.
#[test]
fn an_ocsp_request_is_answered_by_openssls_responder() {
    let Some((_dir, at, sh)) = openssl_shell("ocsp-request") else {
        return;
    };
    if Command::new("curl").arg("--version").output().is_err() {
        eprintln!("skipped: no curl");
        return;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    generate_ok(&["root", "--cn", "OCSP Root", "--out", &at("root")]);
    generate_signed(
        &[
            "server",
            "--san",
            "DNS:ocsp.example.test",
            "--ocsp-url",
            &url,
        ],
        (&at("root/cert.pem"), &at("root/key.pem")),
        &at("leaf"),
    );
    sh(
        "printf 'V\\t491231235959Z\\t\\t%s\\tunknown\\t/CN=ocsp.example.test\\n' \
        \"$(openssl x509 -in leaf/cert.pem -noout -serial | sed 's/.*=//')\" > index.txt",
    );
    let mut responder = Command::new("openssl")
        .args(["ocsp", "-index", "index.txt", "-port", &port.to_string()])
        .args([
            "-rsigner",
            "root/cert.pem",
            "-rkey",
            "root/key.pem",
            "-CA",
            "root/cert.pem",
        ])
        .args(["-nrequest", "2", "-ndays", "1"])
        .current_dir(at(""))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // It says when it listens (a connection made to find out would block it).
    // Its stderr stays open until the end: closed, its next line would kill it (SIGPIPE).
    let mut said =
        std::io::BufRead::lines(std::io::BufReader::new(responder.stderr.take().unwrap()));
    let ready = said
        .by_ref()
        .map_while(Result::ok)
        .any(|line| line.contains("waiting for OCSP client connections"));
    assert!(ready, "openssl ocsp -port {port} did not start");
    let out = certbench(
        &[
            "ocsp",
            "request",
            "--cert",
            &at("leaf/cert.pem"),
            "--issuer",
            &at("root/cert.pem"),
            "--out",
            &at("req.der"),
            "--json",
        ],
        None,
    );
    exits(&out, 0, "ocsp request");
    let made = json(&out);
    assert_eq!(made["url"], url.as_str());
    let commands: Vec<String> = made["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert!(commands[1].starts_with("curl ") && commands[1].contains("req.der"));
    let run = |command: &str| {
        let out = Command::new("sh")
            .args(["-c", command])
            .current_dir(at(""))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    run(&commands[1]);
    let printed = run(&commands[2]);
    assert!(printed.contains("Cert Status: good"), "{printed}");
    // OpenSSL's own request to the URL certbench read from the certificate.
    let printed = run(&commands[0]);
    assert!(printed.contains("Cert Status: good"), "{printed}");
    let decoded = certbench(&["decode", &at("response.der"), "--json"], None);
    exits(&decoded, 0, "decode response.der");
    let decoded = json(&decoded);
    assert_eq!(decoded[0]["kind"], "ocsp_response");
    assert_eq!(decoded[0]["status"], "successful");
    assert_eq!(decoded[0]["responses"][0]["status"], "good");
    // The nonce of certbench's request came back.
    let request = json(&certbench(&["decode", &at("req.der"), "--json"], None));
    assert_eq!(request[0]["kind"], "ocsp_request");
    assert_eq!(request[0]["nonce"], decoded[0]["nonce"]);
    responder.kill().ok();
    responder.wait().ok();
    drop(said);
    // Without a nonce, certbench's request is OpenSSL's, byte for byte.
    sh("openssl ocsp -issuer root/cert.pem -cert leaf/cert.pem -no_nonce -reqout openssl.der");
    let ours = certbench(
        &[
            "ocsp",
            "request",
            "--cert",
            &at("leaf/cert.pem"),
            "--issuer",
            &at("root/cert.pem"),
            "--out",
            &at("ours.der"),
            "--no-nonce",
        ],
        None,
    );
    exits(&ours, 0, "ocsp request --no-nonce");
    assert_eq!(
        std::fs::read(at("ours.der")).unwrap(),
        std::fs::read(at("openssl.der")).unwrap()
    );
}

/// `verify --ocsp` against `openssl ocsp -respin … -CAfile`: responses signed by the CA itself,
/// by a responder it delegated to (OCSPSigning), by a responder another CA issued and by one
/// without the purpose; good and revoked; stale. certbench counts exactly the responses
/// OpenSSL verifies, and reads the same status from them.
#[test]
fn ocsp_responses_count_as_openssl_counts_them() {
    let Some((_dir, at, sh)) = openssl_shell("ocsp-verify") else {
        return;
    };
    openssl_root(&sh, "OCSP Verify Root");
    std::fs::write(at("ca.cnf"), OPENSSL_CA_EXTENSIONS).unwrap();
    std::fs::write(
        at("leaf.cnf"),
        openssl_leaf_extensions("ocsp.example.test", "hash"),
    )
    .unwrap();
    std::fs::write(
        at("responder.cnf"),
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=OCSPSigning\nnoCheck=ignored\n",
    )
    .unwrap();
    std::fs::write(at("no-eku.cnf"), "basicConstraints=critical,CA:FALSE\n").unwrap();
    for (name, cn) in [
        ("i", "OCSP Verify CA"),
        ("l", "ocsp.example.test"),
        ("d", "Delegated Responder"),
        ("x", "Rogue Responder"),
        ("n", "Responder Without Purpose"),
    ] {
        openssl_csr(&sh, name, cn);
    }
    sh(
        "openssl x509 -req -in i.csr -CA r.pem -CAkey r.key -set_serial 1 -days 30 -extfile ca.cnf -out i.pem \
        && openssl x509 -req -in l.csr -CA i.pem -CAkey i.key -set_serial 2 -days 20 -extfile leaf.cnf -out l.pem \
        && openssl x509 -req -in d.csr -CA i.pem -CAkey i.key -set_serial 3 -days 20 -extfile responder.cnf -out d.pem \
        && openssl x509 -req -in x.csr -CA r.pem -CAkey r.key -set_serial 4 -days 20 -extfile responder.cnf -out x.pem \
        && openssl x509 -req -in n.csr -CA i.pem -CAkey i.key -set_serial 5 -days 20 -extfile no-eku.cnf -out n.pem \
        && cat l.pem i.pem > chain.pem \
        && openssl ocsp -issuer i.pem -cert l.pem -no_nonce -reqout req.der",
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    sh(&format!(
        "printf 'V\\t491231235959Z\\t\\t02\\tunknown\\t/CN=ocsp.example.test\\n' > good.txt && \
         printf 'R\\t491231235959Z\\t%s,keyCompromise\\t02\\tunknown\\t/CN=ocsp.example.test\\n' \
         \"$(date -u -d @{} +%y%m%d%H%M%SZ)\" > revoked.txt",
        now - 3600
    ));
    // (response, index, signer certificate and key, OpenSSL's extra -resp_* options)
    let cases = [
        ("ca-good", "good", "i", ""),
        ("ca-revoked", "revoked", "i", ""),
        ("delegated-good", "good", "d", ""),
        ("delegated-revoked", "revoked", "d", ""),
        ("rogue", "good", "x", ""),
        ("no-purpose", "good", "n", ""),
        ("by-key", "good", "d", "-resp_key_id"),
    ];
    let mut seen = Vec::new();
    for (name, index, signer, extra) in cases {
        sh(&format!(
            "openssl ocsp -index {index}.txt -rsigner {signer}.pem -rkey {signer}.key -CA i.pem \
             -reqin req.der -ndays 1 {extra} -respout {name}.der"
        ));
        let openssl = Command::new("openssl")
            .args(["ocsp", "-respin", &at(&format!("{name}.der"))])
            .args(["-issuer", &at("i.pem"), "-cert", &at("l.pem")])
            .args(["-CAfile", &at("r.pem"), "-verify_other", &at("i.pem")])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&openssl.stdout).to_string()
            + &String::from_utf8_lossy(&openssl.stderr);
        let openssl_status = match (
            openssl.status.success(),
            said.contains("Response verify OK"),
        ) {
            (true, true) if said.contains(": good") => "good",
            (true, true) if said.contains(": revoked") => "revoked",
            _ => "unknown",
        };
        let (code, verdict) = verify_json(
            &at("chain.pem"),
            &at("r.pem"),
            &["--purpose", "server", "--ocsp", &at(&format!("{name}.der"))],
        );
        let ours = &verdict["revocation"][0];
        assert_eq!(
            ours["status"], openssl_status,
            "{name}: OpenSSL said {said}\ncertbench: {ours}"
        );
        assert_eq!(
            code,
            Some(if openssl_status == "revoked" { 1 } else { 0 }),
            "{name}"
        );
        if openssl_status == "revoked" {
            assert_eq!(ours["reason"], "keyCompromise", "{name}");
        }
        seen.push(openssl_status);
    }
    // Each kind of case did what it is there for (the agreement above is not all "unknown").
    assert_eq!(
        seen,
        [
            "good", "revoked", "good", "revoked", "unknown", "unknown", "good"
        ]
    );
    // A day later the responses (-ndays 1) are stale: OpenSSL's -status_age check and
    // certbench both refuse them.
    let later = certbench_time(now + 2 * 86_400);
    let (_, verdict) = verify_json(
        &at("chain.pem"),
        &at("r.pem"),
        &["--ocsp", &at("ca-good.der"), "--at", &later],
    );
    let detail = verdict["revocation"][0]["detail"].as_str().unwrap();
    assert_eq!(verdict["revocation"][0]["status"], "unknown");
    assert!(detail.contains("stale"), "{detail}");
}

/// Seconds since 1970 as RFC 3339, for `--at`.
fn certbench_time(seconds: u64) -> String {
    let out = Command::new("date")
        .args(["-u", "-d", &format!("@{seconds}"), "+%Y-%m-%dT%H:%M:%SZ"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
