//! The Generate and Verify forms as orders: each Generate action, the whole chain, a CSR signed
//! by a CA made here, an encrypted key and a key of the user's own, verified by a Verify order.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use certbench_core::Error;
use certbench_core::decode::{self, Report};
use certbench_core::generate::deferred::{self, Deferred, Replay};
use certbench_core::generate::engine::Software;
use certbench_core::generate::order::{MadeCa, Order, Outcome, whole_chain};
use certbench_core::generate::{KeyPair, KeyType};
use certbench_core::inspect;
use certbench_core::signature::{Check, SignatureError};
use certbench_core::verify;
use common::SplitMix;
use common::{NOW, rng};
use der::Encode;
use std::cell::RefCell;
use zeroize::Zeroizing;

/// Fulfils `order` both ways: with RustCrypto here, and deferred (as the page does with
/// WebCrypto, here answered by RustCrypto). Both must agree on success, errors and files; the
/// deferred outcome is returned, so every test checks what the page makes.
fn generate(order: Order, made: &[MadeCa]) -> Result<Outcome, String> {
    let here = order.fulfil(&Software::new(rng()), made, NOW, &mut rng());
    let deferred = settled(|engine, rng| order.fulfil(engine, made, NOW, rng));
    same_outcome(&here, &deferred);
    deferred.map_err(|e| e.to_string())
}

fn same_outcome(here: &Result<Outcome, Error>, deferred: &Result<Outcome, Error>) {
    let names = |o: &Outcome| o.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    match (here, deferred) {
        (Ok(here), Ok(deferred)) => assert_eq!(names(here), names(deferred)),
        (Err(here), Err(deferred)) => assert_eq!(here, deferred),
        _ => panic!("the engines disagree: {here:?} / {deferred:?}"),
    }
}

/// [`deferred::settle`] with RustCrypto doing the wanted work, counting the runs.
fn settled(
    mut work: impl FnMut(&Deferred, &mut Replay<SplitMix>) -> Result<Outcome, Error>,
) -> Result<Outcome, Error> {
    let here = Here::default();
    let runs = std::cell::Cell::new(0);
    let future = deferred::settle(&here, rng(), |engine, rng| {
        runs.set(runs.get() + 1);
        work(engine, rng)
    });
    let outcome = ready(future);
    assert!(
        runs.get() <= 3,
        "{} runs: keys, then signatures, then done",
        runs.get()
    );
    outcome
}

/// RustCrypto standing in for the page's WebCrypto.
#[derive(Default)]
struct Here {
    keys: RefCell<Vec<Option<KeyPair>>>,
}

impl Here {
    fn keep(&self, key: usize, pair: KeyPair) -> Result<Vec<u8>, Error> {
        let spki = pair.public_key_info().unwrap().to_der().unwrap();
        let mut keys = self.keys.borrow_mut();
        let len = keys.len().max(key + 1);
        keys.resize_with(len, || None);
        keys[key] = Some(pair);
        Ok(spki)
    }
}

impl deferred::Outside for Here {
    async fn new_key(
        &self,
        key: usize,
        key_type: KeyType,
    ) -> Result<(Zeroizing<Vec<u8>>, Vec<u8>), Error> {
        let pair = KeyPair::generate(key_type, &mut rng())?;
        let pkcs8 = pair.pkcs8_der().unwrap();
        Ok((pkcs8, self.keep(key, pair)?))
    }

    async fn import(&self, key: usize, _: KeyType, pkcs8: &[u8]) -> Result<Vec<u8>, Error> {
        self.keep(key, KeyPair::from_pkcs8_der(pkcs8)?)
    }

    async fn sign(&self, key: usize, message: &[u8]) -> Result<Vec<u8>, Error> {
        let keys = self.keys.borrow();
        let pair = keys[key].as_ref().expect("a key made before it signs");
        pair.sign_message(message)
    }

    async fn check(&self, check: &Check) -> Result<(), SignatureError> {
        check.run()
    }
}

/// The value of a future that never waits (RustCrypto answers at once).
fn ready<T>(future: impl std::future::Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("RustCrypto's answers do not wait"),
    }
}

fn file<'a>(outcome: &'a Outcome, name: &str) -> &'a str {
    &outcome
        .files
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no {name} in {:?}", outcome.files))
        .text
}

fn verified(order: verify::order::Order) -> verify::Verdict {
    order.run(NOW).expect("a readable order")
}

/// A root CA made from the form, offered for signing as `made:0`.
fn root_ca() -> Outcome {
    let order = Order {
        action: "root".into(),
        cn: "Orders Root".into(),
        san: String::new(),
        ..Order::default()
    };
    generate(order, &[]).unwrap()
}

#[test]
fn a_root_then_a_server_certificate_it_signs_verifies_for_its_host() {
    let root = root_ca();
    assert_eq!(root.made.len(), 1, "a root is offered for signing next");
    let server = generate(
        Order {
            action: "server".into(),
            cn: "app.example".into(),
            san: "DNS:app.example".into(),
            ca: "made:0".into(),
            key: "ed25519".into(),
            ..Order::default()
        },
        &root.made,
    )
    .unwrap();
    let verdict = verified(verify::order::Order {
        chain: file(&server, "fullchain.pem").into(),
        roots: file(&root, "cert.pem").into(),
        host: "app.example".into(),
        purpose: "server".into(),
        ..Default::default()
    });
    assert!(verdict.valid, "{:?}", verdict.errors);
    let wrong_host = verified(verify::order::Order {
        chain: file(&server, "fullchain.pem").into(),
        roots: file(&root, "cert.pem").into(),
        host: "other.example".into(),
        ..Default::default()
    });
    assert!(!wrong_host.valid);
}

#[test]
fn form_mistakes_come_back_as_messages() {
    let bad_days = generate(
        Order {
            days: "ten".into(),
            ..Order::default()
        },
        &[],
    );
    assert_eq!(
        bad_days.unwrap_err(),
        "days: ten is not a whole number of 1 or more"
    );
    let no_ca = generate(
        Order {
            action: "client".into(),
            ..Order::default()
        },
        &[],
    );
    assert!(no_ca.unwrap_err().contains("CA"));
    let bad_verify = verify::order::Order {
        chain: "not a certificate".into(),
        ..Default::default()
    }
    .run(NOW);
    assert!(bad_verify.unwrap_err().to_string().starts_with("chain:"));
}

#[test]
fn a_csr_made_here_is_signed_by_a_ca_made_here() {
    let root = root_ca();
    let csr = generate(
        Order {
            action: "csr".into(),
            cn: "csr.example".into(),
            san: "DNS:csr.example".into(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
    let signed = generate(
        Order {
            action: "sign".into(),
            csr: file(&csr, "request.csr").into(),
            san: String::new(),
            ca: "made:0".into(),
            ..Order::default()
        },
        &root.made,
    )
    .unwrap();
    let cert = inspect::decode(file(&signed, "cert.pem").as_bytes(), NOW).unwrap();
    let Ok(Report::Certificate(c)) = cert[0].as_ref().map(|d| &d.report) else {
        panic!("not a certificate");
    };
    assert_eq!(c.san, ["DNS:csr.example"]);
}

#[test]
fn the_whole_chain_verifies_for_server_and_client() {
    let here = whole_chain(&Software::new(rng()), NOW, &mut rng());
    let chain = settled(|engine, rng| whole_chain(engine, NOW, rng));
    same_outcome(&here, &chain);
    let chain = chain.expect("a chain");
    for (stem, purpose, host) in [("server", "server", "localhost"), ("client", "client", "")] {
        let verdict = verified(verify::order::Order {
            chain: file(&chain, &format!("{stem}-fullchain.pem")).into(),
            roots: file(&chain, "root.pem").into(),
            host: host.into(),
            purpose: purpose.into(),
            ..Default::default()
        });
        assert!(verdict.valid, "{stem}: {:?}", verdict.errors);
    }
}

#[test]
fn an_encrypted_key_made_here_can_be_brought_back_as_the_users_own() {
    let made = generate(
        Order {
            key_password: "correct horse".into(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
    let encrypted = file(&made, "key.pem").to_string();
    let first = inspect::decode(file(&made, "cert.pem").as_bytes(), NOW).unwrap();
    let again = |password: &str| {
        generate(
            Order {
                own_key: encrypted.clone(),
                own_key_password: password.into(),
                ..Order::default()
            },
            &[],
        )
    };
    let second = again("correct horse").unwrap();
    let second = inspect::decode(file(&second, "cert.pem").as_bytes(), NOW).unwrap();
    let key_of = |blocks: &[Result<decode::Decoded, certbench_core::Error>]| match &blocks[0]
        .as_ref()
        .unwrap()
        .report
    {
        Report::Certificate(c) => c.spki_sha256_base64.clone(),
        other => panic!("not a certificate: {other:?}"),
    };
    assert_eq!(
        key_of(&first),
        key_of(&second),
        "the same key certified twice"
    );
    assert!(again("wrong").unwrap_err().starts_with("your key:"));
}

/// The live preview shows the extensions the certificate then carries, for each profile and
/// key type (RSA server certificates add keyEncipherment), before any key exists.
#[test]
fn the_preview_shows_what_the_certificate_carries() {
    let root = root_ca();
    for (action, key, ca) in [
        ("selfsigned", "p256", "pasted"),
        ("root", "ed25519", "pasted"),
        ("intermediate", "p384", "made:0"),
        ("server", "rsa2048", "made:0"),
        ("client", "p256", "made:0"),
    ] {
        let order = Order {
            action: action.into(),
            key: key.into(),
            ca: ca.into(),
            san: if action == "client" {
                String::new()
            } else {
                "DNS:app.example".into()
            },
            ..Order::default()
        };
        let preview = order.preview(NOW).expect("a profile").expect("a preview");
        let made = generate(order, &root.made).unwrap();
        let blocks = inspect::decode(file(&made, "cert.pem").as_bytes(), NOW).unwrap();
        let Ok(Report::Certificate(cert)) = blocks[0].as_ref().map(|d| &d.report) else {
            panic!("{action}: not a certificate");
        };
        let shown = |exts: &[certbench_core::decode::ext::ExtensionReport]| -> Vec<(String, bool, Vec<String>)> {
            exts.iter()
                .filter(|e| !matches!(e.oid.as_str(), "2.5.29.14" | "2.5.29.35"))
                .map(|e| (e.oid.clone(), e.critical, e.value.clone()))
                .collect()
        };
        assert_eq!(
            shown(&preview.extensions),
            shown(&cert.extensions),
            "{action}"
        );
        assert_eq!(preview.subject, cert.subject, "{action}");
        assert_eq!(preview.not_after, cert.not_after.to_string(), "{action}");
    }
    let csr = Order {
        action: "csr".into(),
        ..Order::default()
    };
    assert!(csr.preview(NOW).is_none());
}

/// bundle.p12 holds the key, the certificate and its chain, opens with its password only, and
/// each PEM file of one block also comes as DER.
#[test]
fn a_server_certificate_comes_as_pkcs12_and_der_too() {
    let root = root_ca();
    let server = generate(
        Order {
            action: "server".into(),
            ca: "made:0".into(),
            p12_password: "pass phrase".into(),
            ..Order::default()
        },
        &root.made,
    )
    .unwrap();
    let p12 = server
        .files
        .iter()
        .find(|f| f.name == "bundle.p12")
        .expect("bundle.p12");
    let p12_der = p12.bytes.as_deref().expect("binary");
    let inside = inspect::decode(p12_der, NOW).unwrap().remove(0).unwrap();
    let contents = inspect::open_pkcs12(&inside, "pass phrase", NOW).unwrap();
    let kinds: Vec<&str> = contents
        .iter()
        .map(|d| match &d.as_ref().unwrap().report {
            Report::PrivateKey(_) => "key",
            Report::Certificate(_) => "certificate",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        ["key", "certificate", "certificate"],
        "key, leaf, root"
    );
    assert!(inspect::open_pkcs12(&inside, "wrong", NOW).is_err());

    let cert = server.files.iter().find(|f| f.name == "cert.pem").unwrap();
    let der = cert.der().expect("one block");
    assert_eq!(der.name, "cert.der");
    let from_pem = inspect::decode(cert.text.as_bytes(), NOW)
        .unwrap()
        .remove(0)
        .unwrap();
    assert_eq!(Some(from_pem.der), der.bytes);
    let two = certbench_core::generate::order::File {
        name: "two.pem".into(),
        text: cert.text.repeat(2),
        bytes: None,
        chain: false,
    };
    assert!(two.der().is_none(), "two certificates are not one DER file");
    assert!(p12.der().is_none());
}

/// A root CA with every subject field the form offers, in the order X.500 names go.
#[test]
fn every_subject_field_reaches_the_certificate() {
    let root = generate(
        Order {
            action: "root".into(),
            cn: "Full Root".into(),
            org: "Example Ltd".into(),
            ou: "PKI".into(),
            country: "GB".into(),
            state: "Scotland".into(),
            locality: "Edinburgh".into(),
            san: String::new(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
    let cert = inspect::decode(file(&root, "cert.pem").as_bytes(), NOW).unwrap();
    let Ok(Report::Certificate(c)) = cert[0].as_ref().map(|d| &d.report) else {
        panic!("not a certificate");
    };
    assert_eq!(
        c.subject,
        "CN=Full Root,OU=PKI,O=Example Ltd,L=Edinburgh,ST=Scotland,C=GB"
    );
    let recipe = root.recipe.expect("a recipe");
    assert!(
        recipe
            .commands
            .join("\n")
            .contains("/C=GB/ST=Scotland/L=Edinburgh/O=Example Ltd/OU=PKI/CN=Full Root"),
        "{:?}",
        recipe.commands
    );
}

/// The page's way to sign a CSR: a root made first (its CN still in the form), then "sign a
/// pasted CSR". The CSR's names and subject are what the certificate carries, and the preview
/// says so; names typed afterwards replace them, and the preview says that.
#[test]
fn signing_a_csr_keeps_its_names_and_subject_unless_names_are_typed() {
    let csr = generate(
        Order {
            action: "csr".into(),
            cn: "api.example.test".into(),
            san: "DNS:api.example.test\nDNS:api2.example.test\nIP:10.0.0.5".into(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
    let mut form = Order::default();
    form.set_action("root");
    assert_eq!(form.san, "", "a root starts without the localhost names");
    form.cn = "Form Root CA".into();
    let root = generate(form.clone(), &[]).unwrap();
    form.set_action("sign");
    assert_eq!(
        form.san, "",
        "signing starts with no names of the form's own"
    );
    form.ca = "made:0".into();
    form.csr = file(&csr, "request.csr").into();
    let csr_names = "DNS:api.example.test, DNS:api2.example.test, IP:10.0.0.5";
    let preview = form.preview(NOW).unwrap().unwrap();
    assert_eq!(preview.subject, "CN=api.example.test");
    assert_eq!(
        preview.names_from.as_deref(),
        Some(format!("the CSR's: {csr_names}").as_str())
    );
    let signed = generate(form.clone(), &root.made).unwrap();
    let cert = inspect::decode(file(&signed, "cert.pem").as_bytes(), NOW).unwrap();
    let c = cert[0].as_ref().unwrap().certificate().unwrap();
    assert_eq!(c.san.join(", "), csr_names);
    assert_eq!(
        c.subject, "CN=api.example.test",
        "the form's CN never leaks"
    );
    form.san = "DNS:other.example.test".into();
    let preview = form.preview(NOW).unwrap().unwrap();
    assert!(
        preview
            .names_from
            .as_deref()
            .unwrap()
            .contains("replace the CSR's"),
        "{:?}",
        preview.names_from
    );
    let signed = generate(form.clone(), &root.made).unwrap();
    let cert = inspect::decode(file(&signed, "cert.pem").as_bytes(), NOW).unwrap();
    assert_eq!(
        cert[0].as_ref().unwrap().certificate().unwrap().san,
        ["DNS:other.example.test"]
    );
    // Back to a server certificate: typed names stay; untouched ones become localhost again.
    form.set_action("server");
    assert_eq!(form.san, "DNS:other.example.test");
    form.set_action("sign");
    form.set_action("selfsigned");
    assert_eq!(form.san, "DNS:localhost\nIP:127.0.0.1\nIP:::1");
}

/// A form mistake names its field once, in plain words.
#[test]
fn a_negative_validity_names_the_days_field_once() {
    for days in ["-5", "0"] {
        let order = Order {
            days: days.into(),
            ..Order::default()
        };
        let error = generate(order.clone(), &[]).unwrap_err();
        let preview = order.preview(NOW).unwrap().unwrap_err().to_string();
        for message in [&error, &preview] {
            assert!(message.starts_with("days:"), "{message}");
            assert_eq!(message.matches("days").count(), 1, "{message}");
            assert!(
                !message.contains('`') && !message.contains("RFC 3339"),
                "{message}"
            );
        }
    }
}

/// A server certificate a root signs directly: fullchain.pem is the certificate alone, which
/// the notes explain, with what each chain file is for; chain files are never offered as DER,
/// even when they hold one certificate.
#[test]
fn chain_files_are_explained_and_never_der() {
    let root = root_ca();
    let server = generate(
        Order {
            action: "server".into(),
            ca: "made:0".into(),
            ..Order::default()
        },
        &root.made,
    )
    .unwrap();
    assert_eq!(file(&server, "fullchain.pem"), file(&server, "cert.pem"));
    let notes = server.notes.join("\n");
    assert!(notes.contains("fullchain.pem is cert.pem alone"), "{notes}");
    assert!(notes.contains("-cert_chain chain.pem"), "{notes}");
    for name in ["chain.pem", "fullchain.pem"] {
        let f = server.files.iter().find(|f| f.name == name).unwrap();
        assert!(f.der().is_none(), "{name} offered as DER");
    }
    let cert = server.files.iter().find(|f| f.name == "cert.pem").unwrap();
    assert!(cert.der().is_some());
}

/// The `openssl s_server` command Generate's notes show runs as shown on the files Generate
/// offers (the port and a single accept added for the test), and OpenSSL's s_client completes
/// a handshake that verifies the chain it serves against the root.
#[test]
fn the_s_server_command_in_the_notes_serves_the_chain() {
    use std::process::{Command, Stdio};
    if !common::openssl_present() {
        return;
    }
    let root = root_ca();
    let int = generate(
        Order {
            action: "intermediate".into(),
            cn: "Orders Intermediate".into(),
            san: String::new(),
            ca: "made:0".into(),
            ..Order::default()
        },
        &root.made,
    )
    .unwrap();
    let server = generate(
        Order {
            action: "server".into(),
            ca: "made:0".into(),
            ..Order::default()
        },
        &int.made,
    )
    .unwrap();
    let notes = server.notes.join(" ");
    let shown = notes
        .split("(openssl s_server")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .map(|rest| format!("openssl s_server{rest}"))
        .expect("the notes show the s_server command");
    let dir = std::env::temp_dir().join(format!("certbench-s-server-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["cert.pem", "key.pem", "chain.pem"] {
        std::fs::write(dir.join(name), file(&server, name)).unwrap();
    }
    std::fs::write(dir.join("root.pem"), file(&root, "cert.pem")).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // s_server says ACCEPT once it listens.
    let mut listening = Command::new("sh")
        .args([
            "-c",
            &format!("{shown} -accept 127.0.0.1:{port} -naccept 1"),
        ])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut ready = String::new();
    let mut out = std::io::BufReader::new(listening.stdout.take().unwrap());
    while !ready.contains("ACCEPT") {
        ready.clear();
        if std::io::BufRead::read_line(&mut out, &mut ready).unwrap_or(0) == 0 {
            panic!("`{shown}` did not listen");
        }
    }
    let client = Command::new("openssl")
        .args(["s_client", "-connect"])
        .arg(format!("127.0.0.1:{port}"))
        .args([
            "-servername",
            "localhost",
            "-CAfile",
            "root.pem",
            "-verify_return_error",
            "-brief",
            // The certificates are made for this test's clock (2030).
            "-attime",
            &NOW.0.to_string(),
        ])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = listening.kill();
    let _ = listening.wait();
    drop(out);
    std::fs::remove_dir_all(&dir).ok();
    let said = String::from_utf8_lossy(&client.stderr).to_string()
        + &String::from_utf8_lossy(&client.stdout);
    assert!(said.contains("Verification: OK"), "{said}");
}

/// Each public-key fact reaches its own item of an opened PKCS#12 file: a self-signed root
/// inside one is found self-signed, and its key goes with it.
#[test]
fn facts_reach_their_own_item_of_a_pkcs12_file() {
    let ca = common::root("PKCS12 Facts Root", |_| {});
    let p12 = certbench_core::pkcs12::bundle(
        &ca.key.pkcs8_der().unwrap(),
        &ca.cert,
        &[],
        "pass phrase",
        "root",
        &mut rng(),
    )
    .unwrap();
    let file = inspect::decode(&p12, NOW).unwrap().remove(0).unwrap();
    let mut items = inspect::open_pkcs12(&file, "pass phrase", NOW).unwrap();
    inspect::complete(&mut items);
    let items: Vec<&decode::Decoded> = items.iter().flatten().collect();
    let cert = items
        .iter()
        .find_map(|d| d.certificate())
        .expect("the root");
    assert_eq!(cert.self_signed, Some(true), "checked, not left unknown");
    let key = items
        .iter()
        .find_map(|d| match &d.report {
            Report::PrivateKey(key) => Some(key),
            _ => None,
        })
        .expect("the key");
    let cert_item = items
        .iter()
        .find(|d| d.certificate().is_some())
        .and_then(|d| d.item);
    assert_eq!(key.matches, cert_item.into_iter().collect::<Vec<_>>());
}
