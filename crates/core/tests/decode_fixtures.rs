//! Decode against fixtures made by OpenSSL (tests/fixtures/make.sh): every key type, every
//! extension the report names, CSRs, CRLs, PKCS#7, PKCS#12, encrypted keys; and malformed input.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::UnixTime;
use certbench_core::decode::Validity;
use certbench_core::decode::{self, CertificateReport, Decoded, PrivateKeyReport, Report};
use certbench_core::inspect;

fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    std::fs::read(format!("{path}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fixture_text(name: &str) -> String {
    String::from_utf8(fixture(name))
        .expect("utf-8")
        .trim()
        .to_string()
}

/// 2030-01-01: inside every fixture's validity.
const NOW: UnixTime = UnixTime(1_893_456_000);

fn decode_ok(name: &str) -> Vec<Decoded> {
    inspect::decode(&fixture(name), NOW)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_iter()
        .map(|b| b.unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect()
}

fn certificate(name: &str) -> CertificateReport {
    match decode_ok(name).remove(0).report {
        Report::Certificate(c) => *c,
        other => panic!("{name}: expected a certificate, got {other:?}"),
    }
}

fn private_key(name: &str) -> PrivateKeyReport {
    match decode_ok(name).remove(0).report {
        Report::PrivateKey(k) => k,
        other => panic!("{name}: expected a private key, got {other:?}"),
    }
}

#[test]
fn every_key_type_decodes_with_its_size_and_curve() {
    let expected: [(&str, &str, u32, Option<&str>); 9] = [
        ("rsa1024", "RSA", 1024, None),
        ("rsa2048", "RSA", 2048, None),
        ("rsa3072", "RSA", 3072, None),
        ("rsa4096", "RSA", 4096, None),
        ("p256", "EC", 256, Some("P-256")),
        ("p384", "EC", 384, Some("P-384")),
        ("p521", "EC", 521, Some("P-521")),
        ("ed25519", "Ed25519", 256, None),
        ("ed448", "Ed448", 456, None),
    ];
    for (name, algorithm, bits, curve) in expected {
        let cert = certificate(&format!("keys/{name}.pem"));
        let key = private_key(&format!("keys/{name}.key"));
        let Report::PublicKey(public) = decode_ok(&format!("keys/{name}.pub")).remove(0).report
        else {
            panic!("{name}.pub is not a public key")
        };
        for (what, report) in [
            ("cert", &cert.public_key),
            ("key", key.public_key.as_ref().expect("public")),
            ("pub", &public),
        ] {
            assert_eq!(report.algorithm, algorithm, "{name} {what}");
            assert_eq!(report.bits, Some(bits), "{name} {what}");
            assert_eq!(report.curve.as_deref(), curve, "{name} {what}");
        }
        // The private key implies the certificate's public key (Ed448 keys are not opened), so
        // a key and its certificate in one input are linked.
        if algorithm != "Ed448" {
            assert_eq!(
                key.public_key.as_ref().unwrap().public_hex,
                cert.public_key.public_hex,
                "{name}"
            );
            let together = [
                fixture(&format!("keys/{name}.key")),
                fixture(&format!("keys/{name}.pem")),
            ]
            .concat();
            assert_eq!(key_matches(&together), [vec![2]], "{name}");
        }
        assert!(cert.self_issued, "{name}");
        let checkable = name != "ed448";
        assert_eq!(cert.self_signed, checkable.then_some(true), "{name}");
    }
}

/// The `matches` of every private key in `input`.
fn key_matches(input: &[u8]) -> Vec<Vec<usize>> {
    let blocks: Vec<Decoded> = inspect::decode(input, NOW)
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    blocks
        .into_iter()
        .filter_map(|b| match b.report {
            Report::PrivateKey(k) => Some(k.matches),
            _ => None,
        })
        .collect()
}

#[test]
fn private_keys_are_linked_to_their_certificates_and_csrs() {
    let input = [
        fixture("fullchain.pem"),
        fixture("leaf.csr"),
        fixture("int.key"),
        fixture("leaf.key"),
        fixture("root.key"),
    ]
    .concat();
    // Blocks: 1 leaf, 2 intermediate, 3 leaf CSR, then the keys.
    assert_eq!(key_matches(&input), [vec![2], vec![1, 3], vec![]]);
    // The same keys in PKCS#1 and SEC1 form are linked just the same.
    let other_forms = [
        fixture("int.rsa.key"),
        fixture("leaf.sec1.key"),
        fixture("fullchain.pem"),
    ]
    .concat();
    assert_eq!(key_matches(&other_forms), [vec![4], vec![3]]);
}

/// The `issuer_signature` of the CRL in `input` (its first block).
fn crl_check(input: &[u8]) -> Option<decode::CrlSignatureCheck> {
    let mut blocks: Vec<Decoded> = inspect::decode(input, NOW)
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect();
    match blocks.remove(0).report {
        Report::Crl(crl) => crl.issuer_signature,
        other => panic!("expected a CRL, got {other:?}"),
    }
}

#[test]
fn a_crl_is_checked_against_its_issuer_in_the_same_input() {
    let signed = |issuer_block, valid| {
        Some(decode::CrlSignatureCheck {
            issuer_block,
            valid,
        })
    };
    let crl = [fixture("root.crl"), fixture("int.pem"), fixture("root.pem")].concat();
    assert_eq!(crl_check(&crl), signed(3, true));
    assert_eq!(
        crl_check(&[fixture("root.crl"), fixture("int.pem")].concat()),
        None
    );
    // One flipped bit in the signature: the issuer is found, and the signature fails.
    let mut der = decode_ok("root.crl").remove(0).der;
    *der.last_mut().unwrap() ^= 1;
    let root_der = decode_ok("root.pem").remove(0).der;
    assert_eq!(crl_check(&[der, root_der].concat()), signed(2, false));
}

#[test]
fn key_formats_are_named() {
    assert_eq!(private_key("int.key").format, "pkcs8");
    assert_eq!(private_key("int.rsa.key").format, "pkcs1");
    assert_eq!(private_key("leaf.sec1.key").format, "sec1");
    let encrypted = private_key("leaf.enc.key");
    assert!(encrypted.encrypted && encrypted.public_key.is_none());
    let scheme = encrypted.encryption.expect("scheme");
    assert!(
        scheme.starts_with("PBES2") && scheme.contains("aes-256-cbc"),
        "{scheme}"
    );
    let legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0011\n\nMAMCAQE=\n-----END RSA PRIVATE KEY-----\n";
    let blocks = inspect::decode(legacy.as_bytes(), NOW).unwrap();
    let Report::PrivateKey(key) = &blocks[0].as_ref().unwrap().report else {
        panic!("legacy key")
    };
    assert_eq!(key.format, "legacy_encrypted_pem");
    assert!(
        key.encryption
            .as_deref()
            .unwrap_or_default()
            .contains("AES-128-CBC")
    );
}

/// The older encryptions (tests/fixtures/make.sh): legacy PEM and a PKCS#12 PBE in PKCS#8
/// decrypt to the same key as the modern PBES2 file; a legacy key exports with its headers.
#[test]
fn older_encrypted_keys_decrypt_to_the_same_key() {
    let decrypted = |name: &str, password: &str| {
        let blocks = decode_ok(name);
        inspect::decrypt_private_key(&blocks[0], password, NOW)
    };
    let modern = decrypted("leaf.enc.key", "fixture").unwrap();
    for name in ["leaf.legacy-enc.key", "leaf.pbe-3des.key"] {
        let key = decrypted(name, "fixture").unwrap_or_else(|e| panic!("{name}: {e}"));
        let (Report::PrivateKey(got), Report::PrivateKey(want)) = (&key.report, &modern.report)
        else {
            panic!("{name}: not a private key")
        };
        assert_eq!(got.public_key, want.public_key, "{name}");
        assert!(got.format.decrypted, "{}", got.format);
        let wrong = decrypted(name, "wrong").unwrap_err().to_string();
        assert!(wrong.contains("password is wrong"), "{name}: {wrong}");
    }
    assert_eq!(
        private_key("leaf.legacy-enc.key")
            .dek_info
            .as_deref()
            .map(|d| &d[..12]),
        Some("AES-256-CBC,")
    );
    let scheme = private_key("leaf.pbe-3des.key").encryption.unwrap();
    assert_eq!(
        scheme,
        "pbeWithSHA1And3-KeyTripleDES-CBC (PKCS#12 PBE, legacy), 2048 iterations"
    );
    for name in [
        "leaf.legacy-enc.key",
        "leaf.pbe-3des.key",
        "leaf.enc.key",
        "leaf.sec1.key",
    ] {
        assert_eq!(
            decode_ok(name)[0].pem().unwrap().trim(),
            fixture_text(name),
            "{name}"
        );
    }
}

#[test]
fn leaf_fields_match_openssl() {
    let leaf = certificate("leaf.pem");
    assert_eq!(leaf.fingerprint_sha256, fixture_text("leaf.sha256"));
    assert_eq!(leaf.serial.to_string(), "c0ffee0123456789");
    assert_eq!(leaf.serial_decimal, "13907095862997510025");
    assert_eq!(leaf.subject, "CN=www.example.test,O=certbench fixtures");
    assert_eq!(
        leaf.san,
        [
            "DNS:www.example.test",
            "DNS:*.api.example.test",
            "IP:192.0.2.7"
        ]
    );
    assert_eq!(leaf.ca_issuers, ["http://ca.example.test/int.crt"]);
    assert_eq!(leaf.validity.status, Validity::Valid);
    assert_eq!(leaf.self_signed, Some(false));
    assert_eq!(leaf.version, 3);
    assert_eq!(leaf.signature_algorithm, "sha384WithRSAEncryption");
    // DER input gives the same report as PEM.
    assert_eq!(certificate("leaf.der"), leaf);
}

#[test]
fn every_listed_extension_is_decoded() {
    let c = certificate("everything.pem");
    assert!(c.is_ca);
    assert_eq!(c.path_len, Some(0));
    assert_eq!(c.key_usage, ["digitalSignature", "keyCertSign", "cRLSign"]);
    assert_eq!(
        c.extended_key_usage,
        [
            "serverAuth",
            "clientAuth",
            "codeSigning",
            "emailProtection",
            "timeStamping",
            "OCSPSigning",
            "1.2.3.4.5"
        ]
    );
    assert_eq!(
        c.san,
        [
            "DNS:everything.example.test",
            "IP:2001:db8::1",
            "email:pki@example.test",
            "URI:https://example.test/",
            "DirName:CN=Directory Name,O=Directory Org",
            "othername:UPN:user@example.test",
        ]
    );
    assert_eq!(c.ocsp, ["http://ocsp.example.test"]);
    let find = |name: &str| {
        c.extensions
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(
        find("crlDistributionPoints").value,
        ["URI:http://crl.example.test/root.crl"]
    );
    assert_eq!(
        find("certificatePolicies").value,
        [
            "Policy: DV (2.23.140.1.2.1)",
            "Policy: EV (2.23.140.1.1)",
            "  CPS: https://cps.example.test/"
        ]
    );
    let nc = find("nameConstraints");
    assert!(nc.critical);
    assert_eq!(
        nc.value,
        [
            "Permitted: DNS:example.test",
            "Permitted: IP:192.0.2.0/255.255.255.0",
            "Excluded: email:bad.example.test"
        ]
    );
    assert_eq!(
        find("policyConstraints").value,
        ["Require Explicit Policy: 1"]
    );
    assert_eq!(find("inhibitAnyPolicy").value, ["skip certs: 2"]);
    assert_eq!(
        find("tlsFeature").value,
        ["status_request (OCSP must-staple)"]
    );
    assert_eq!(
        find("ctPrecertificateSCTs").value,
        ["log ERERERERERERERERERERERERERERERERERERERERERE= at 2023-11-14T22:13:20Z"]
    );
    let unknown = find("1.2.3.4.5.6.7");
    assert!(unknown.critical && unknown.about == "unknown extension");
    assert!(
        unknown.value[0].starts_with("0C:1A:75:6E"),
        "{:?}",
        unknown.value
    );
    assert!(find("authorityKeyIdentifier").value[0].starts_with("keyid:"));
}

#[test]
fn csr_reports_requests_and_checks_its_signature() {
    let Report::Csr(csr) = decode_ok("everything.csr").remove(0).report else {
        panic!("csr")
    };
    assert_eq!(csr.signature_valid, Some(true));
    assert_eq!(csr.san, ["DNS:everything.example.test", "IP:192.0.2.9"]);
    assert!(
        csr.requested_extensions
            .iter()
            .any(|e| e.name == "basicConstraints" && e.value == ["CA:TRUE"])
    );
    // Flip a bit in the signature: the report says so instead of failing.
    let blocks = certbench_core::input::read_blocks(&fixture("everything.csr")).unwrap();
    let mut der = blocks[0].as_ref().unwrap().der.clone();
    let last = der.len() - 3;
    der[last] ^= 1;
    let blocks = inspect::decode(&der, NOW).unwrap();
    let Report::Csr(tampered) = &blocks[0].as_ref().unwrap().report else {
        panic!("csr")
    };
    assert_eq!(tampered.signature_valid, Some(false));
}

#[test]
fn crl_pkcs7_and_pkcs12_decode() {
    let Report::Crl(crl) = decode_ok("root.crl").remove(0).report else {
        panic!("crl")
    };
    assert_eq!(
        crl.issuer,
        "CN=certbench Test Root,O=certbench fixtures,C=GB"
    );
    assert_eq!(crl.revoked.len(), 1);
    assert_eq!(
        (
            crl.revoked[0].serial.as_str(),
            crl.revoked[0].reason.as_deref()
        ),
        ("1001", Some("keyCompromise"))
    );
    let Report::Pkcs7(bundle) = decode_ok("fullchain.p7b").remove(0).report else {
        panic!("p7b")
    };
    let fingerprints: Vec<&str> = bundle
        .certificates
        .iter()
        .map(|c| c.fingerprint_sha256.as_str())
        .collect();
    assert_eq!(
        fingerprints,
        [fixture_text("leaf.sha256"), fixture_text("int.sha256")]
    );
    let Report::Pkcs12(p12) = decode_ok("leaf.p12").remove(0).report else {
        panic!("p12")
    };
    assert_eq!(p12.mac.as_deref(), Some("sha256, 2048 iterations"));
}

#[test]
fn malformed_input_gets_a_clear_error() {
    let pem = fixture_text("leaf.pem");
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let cases: Vec<(String, &str)> = vec![
        (
            format!(
                "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----",
                &body[..body.len() / 2 / 4 * 4]
            ),
            "cut off",
        ),
        (
            pem.replace("-----BEGIN CERTIFICATE-----", "-----BEGIN PRIVATE KEY-----")
                .replace("END CERTIFICATE", "END PRIVATE KEY"),
            "not a valid PRIVATE KEY",
        ),
        (
            pem.replace(
                "-----BEGIN CERTIFICATE-----",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----",
            )
            .replace("END CERTIFICATE", "END PGP PUBLIC KEY BLOCK"),
            "not supported",
        ),
        (
            pem.replace(
                "-----BEGIN CERTIFICATE-----",
                "-----BEGIN OPENSSH PRIVATE KEY-----",
            )
            .replace("END CERTIFICATE", "END OPENSSH PRIVATE KEY"),
            "not an OpenSSH private key file: at byte 0: expected the magic `openssh-key-v1\\0`",
        ),
        (pem.replacen('M', "M!", 1), "not a base64 character"),
        (
            "-----BEGIN CERTIFICATE-----\nMIT/////\n-----END CERTIFICATE-----".into(),
            "cut off",
        ),
    ];
    for (input, expected) in cases {
        let blocks = inspect::decode(input.as_bytes(), NOW).expect("recognisable");
        let message = blocks[0].as_ref().expect_err("must fail").to_string();
        assert!(
            message.contains(expected) && message.starts_with("block 1"),
            "expected `{expected}` in: {message}"
        );
    }
    // Trailing garbage after DER.
    let mut der = fixture("leaf.der");
    der.extend_from_slice(b"garbage");
    let blocks = inspect::decode(&der, NOW).unwrap();
    assert!(blocks[0].is_ok());
    assert!(
        blocks[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("7 bytes after the last DER structure")
    );
    // Deeply nested SEQUENCEs: an error, not a stack overflow.
    let depth = 50_000usize;
    let mut nested = Vec::with_capacity(depth * 5);
    for i in 0..depth {
        let inner = (depth - i - 1) * 5;
        nested.extend_from_slice(&[
            0x30,
            0x83,
            (inner >> 16) as u8,
            (inner >> 8) as u8,
            inner as u8,
        ]);
    }
    let result = inspect::decode(&nested, NOW);
    assert!(
        result
            .map(|blocks| blocks.iter().all(Result::is_err))
            .unwrap_or(true)
    );
}

/// The web app decodes structure on the main thread and gets the public-key facts from its
/// worker: that route, with tasks and facts serialized across, must give what `decode` gives.
/// A server's fullchain.pem and key: no self-signed certificate, so no public-key work is
/// left after the structural pass, which must link the key itself (the web app showed
/// "no certificate carries its public key").
#[test]
fn the_structural_pass_links_keys_when_nothing_else_is_pending() {
    let input = [fixture("fullchain.pem"), fixture("leaf.key")].concat();
    let blocks = inspect::decode_structure(&input, NOW).unwrap();
    assert!(decode::crypto::tasks(&blocks).is_empty());
    let Report::PrivateKey(key) = &blocks[2].as_ref().unwrap().report else {
        panic!("the key")
    };
    assert_eq!(key.matches, [1]);
}

/// OpenSSL's RSA-PSS keys sign with the longest salt (222 bytes for RSA-2048 with SHA-256),
/// which was read as an invalid signature; Ed448 cannot be checked here, which is no verdict.
#[test]
fn rsa_pss_with_openssl_salt_verifies_and_ed448_is_not_checked() {
    assert_eq!(certificate("rsa-pss.pem").self_signed, Some(true));
    let csr = |name: &str| match &decode_ok(name)[0].report {
        Report::Csr(csr) => csr.signature_valid,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(csr("rsa-pss.csr"), Some(true));
    assert_eq!(csr("ed448.csr"), None);
    assert_eq!(csr("leaf.csr"), Some(true));
}

/// A serial past RFC 5280's 20 bytes: decoded and linted (x509-cert refused to read it at
/// all); Verify refuses it and says which rule.
#[test]
fn an_over_long_serial_is_shown_linted_and_refused_by_verify() {
    let cert = certificate("long-serial.pem");
    assert_eq!(cert.serial.to_string().len(), 50);
    assert_eq!(cert.self_signed, Some(true));
    assert!(cert.lint.iter().any(|f| f.code == "long_serial"));
    let refused = certbench_core::decode::read_certificates(&fixture("long-serial.pem"))
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("serial number is 25 bytes long; RFC 5280 section 4.1.2.2"),
        "{refused}"
    );
}

/// What `openssl ecparam -genkey`, `dhparam` and `dsaparam -genkey` write: parameters are
/// read and judged, and the key after them still decodes.
#[test]
fn domain_parameters_are_read_and_judged() {
    let params =
        |name: &str| -> Vec<Report> { decode_ok(name).into_iter().map(|d| d.report).collect() };
    let [Report::Parameters(ec), Report::PrivateKey(key)] = &params("ec-with-params.key")[..]
    else {
        panic!("EC parameters then the key")
    };
    assert_eq!((ec.curve.as_deref(), ec.bits), (Some("P-256"), Some(256)));
    assert!(ec.lint.is_empty());
    assert_eq!(
        key.public_key.as_ref().unwrap().curve.as_deref(),
        Some("P-256")
    );
    let [Report::Parameters(weak)] = &params("dh-1024.pem")[..] else {
        panic!("DH parameters")
    };
    assert_eq!((weak.algorithm.name(), weak.bits), ("DH", Some(1024)));
    assert_eq!(
        weak.lint
            .iter()
            .map(|f| f.code.as_ref())
            .collect::<Vec<_>>(),
        ["weak_dh"]
    );
    let [Report::Parameters(sound)] = &params("dh-2048.pem")[..] else {
        panic!("DH parameters")
    };
    assert_eq!(sound.bits, Some(2048));
    assert!(sound.lint.is_empty());
    let [Report::Parameters(dsa), Report::PrivateKey(dsa_key)] = &params("dsa.key")[..] else {
        panic!("DSA parameters then the key")
    };
    assert_eq!((dsa.algorithm.name(), dsa.bits), ("DSA", Some(2048)));
    let dsa_public = dsa_key.public_key.as_ref().unwrap();
    assert_eq!(
        (dsa_public.algorithm.name(), dsa_public.bits),
        ("DSA", Some(2048))
    );
}

#[test]
fn csr_attributes_are_listed_like_openssl_req_text() {
    let Report::Csr(csr) = &decode_ok("attributes.csr")[0].report else {
        panic!("a CSR")
    };
    assert_eq!(
        csr.attributes,
        [
            (
                "challengePassword".to_string(),
                vec!["s3cret-challenge".to_string()]
            ),
            (
                "unstructuredName".to_string(),
                vec!["My Unstructured Name".to_string()]
            ),
        ]
    );
    let Report::Csr(plain) = &decode_ok("leaf.csr")[0].report else {
        panic!("a CSR")
    };
    assert!(
        plain.attributes.is_empty(),
        "extensionRequest is shown as extensions"
    );
}

#[test]
fn structure_then_facts_from_elsewhere_equals_the_full_decode() {
    use decode::crypto::{self, Fact, Task};
    let mut input = [
        "everything.pem",
        "fullchain.pem",
        "leaf.csr",
        "root.crl",
        "root.pem",
        "leaf.sec1.key",
        "leaf.key",
        "int.rsa.key",
        "keys/ed25519.key",
        "keys/p384.key",
        "keys/ed448.key",
    ]
    .map(fixture)
    .concat();
    input.extend(fixture("fullchain.p7b"));
    let full = inspect::decode(&input, NOW).unwrap();
    let mut blocks = inspect::decode_structure(&input, NOW).unwrap();
    assert_ne!(blocks, full, "the structural pass leaves work pending");
    let tasks = crypto::tasks(&blocks);
    let wire = serde_json::to_string(&tasks).unwrap();
    let tasks_there: Vec<Task> = serde_json::from_str(&wire).unwrap();
    let facts = crypto::perform(&tasks_there);
    let facts_back: Vec<Fact> =
        serde_json::from_str(&serde_json::to_string(&facts).unwrap()).unwrap();
    inspect::apply(&mut blocks, &tasks, &facts_back);
    assert_eq!(blocks, full);
    // Every kind of task was exercised.
    for kind in ["SelfSignature", "CsrSignature", "CrlSignature", "PublicKey"] {
        assert!(wire.contains(kind), "no {kind} task");
    }
}
