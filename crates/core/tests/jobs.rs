//! The worker's jobs, run natively: each Generate action, the whole chain, Verify, decryption
//! and decode facts, with every job and reply serialized across as the web app sends them.

mod common;

use certbench_core::decode::{self, Report};
use certbench_core::generate::order::{MadeCa, Order, Outcome};
use certbench_core::job::{self, Job, Reply};
use certbench_core::verify;
use common::{NOW, rng};

/// Runs `job` as the worker does: the job and its reply each cross a serialization boundary.
fn run(job: Job) -> Reply {
    let job: Job = serde_json::from_str(&serde_json::to_string(&job).unwrap()).unwrap();
    let reply = job::run(job, NOW, &mut rng());
    serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap()
}

fn generate(order: Order, made: &[MadeCa]) -> Result<Outcome, String> {
    match run(Job::Generate {
        order: Box::new(order),
        key_pkcs8: None,
        made: made.to_vec(),
    }) {
        Reply::Generated(outcome) => outcome,
        other => panic!("unexpected reply {other:?}"),
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
    match run(Job::Verify(Box::new(order))) {
        Reply::Verified(Ok(verdict)) => verdict,
        other => panic!("unexpected reply {other:?}"),
    }
}

#[test]
fn a_root_then_a_server_certificate_it_signs_verifies_for_its_host() {
    let root = generate(
        Order {
            action: "root".into(),
            cn: "Jobs Root".into(),
            san: String::new(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
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
    assert_eq!(bad_days.unwrap_err(), "`ten` is not a number of days");
    let no_ca = generate(
        Order {
            action: "client".into(),
            ..Order::default()
        },
        &[],
    );
    assert!(no_ca.unwrap_err().contains("CA"));
    let bad_verify = run(Job::Verify(Box::new(verify::order::Order {
        chain: "not a certificate".into(),
        ..Default::default()
    })));
    assert!(matches!(bad_verify, Reply::Verified(Err(m)) if m.starts_with("chain:")));
}

#[test]
fn a_csr_made_here_is_signed_by_a_ca_made_here() {
    let root = generate(
        Order {
            action: "root".into(),
            cn: "Jobs Root".into(),
            san: String::new(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
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
    let cert = decode::decode(file(&signed, "cert.pem").as_bytes(), NOW).unwrap();
    let Ok(Report::Certificate(c)) = cert[0].as_ref().map(|d| &d.report) else {
        panic!("not a certificate");
    };
    assert_eq!(c.san, ["DNS:csr.example"]);
}

#[test]
fn the_whole_chain_verifies_for_server_and_client() {
    let Reply::Generated(Ok(chain)) = run(Job::WholeChain) else {
        panic!("no chain");
    };
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
fn an_encrypted_key_made_here_decrypts_with_its_password_only() {
    let made = generate(
        Order {
            key_password: "correct horse".into(),
            ..Order::default()
        },
        &[],
    )
    .unwrap();
    let blocks = certbench_core::input::read_blocks(file(&made, "key.pem").as_bytes()).unwrap();
    let der = blocks.into_iter().next().unwrap().unwrap().der;
    let decrypt = |password: &str| {
        run(Job::Decrypt {
            der: der.clone(),
            password: password.into(),
        })
    };
    let Reply::Decrypted(Ok(plain)) = decrypt("correct horse") else {
        panic!("did not decrypt");
    };
    let key = decode::decrypted_key(decode::decode(&plain, NOW).unwrap()).unwrap();
    assert!(matches!(key.report, Report::PrivateKey(k) if k.format == "pkcs8 (decrypted)"));
    assert!(
        matches!(decrypt("wrong"), Reply::Decrypted(Err(m)) if m.contains("password is wrong"))
    );
}
