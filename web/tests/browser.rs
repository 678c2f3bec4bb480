//! Tests that run inside headless Chromium: core compiled to wasm gives the same answers as
//! natively (checked against OpenSSL's own fingerprints), and the Yew components work.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::decode::{self, Report};
use certbench_core::generate::deferred::settle;
use certbench_core::generate::order::{MadeCa, Order, Outcome, whole_chain};
use certbench_core::generate::{self, KeyPair, KeyType, Profile, Request, Subject};
use certbench_core::{UnixTime, cipher, inspect, verify};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FULLCHAIN: &str = include_str!("../../tests/fixtures/fullchain.pem");
const ROOT: &str = include_str!("../../tests/fixtures/root.pem");
/// SHA-256 fingerprints as `openssl x509 -fingerprint -sha256` printed them.
const LEAF_SHA256: &str = include_str!("../../tests/fixtures/leaf.sha256");
const INT_SHA256: &str = include_str!("../../tests/fixtures/int.sha256");

#[wasm_bindgen_test]
fn core_decodes_like_openssl_in_wasm() {
    let blocks =
        inspect::decode(FULLCHAIN.as_bytes(), certbench_web::browser::now()).expect("decodes");
    let fingerprints: Vec<String> = blocks
        .iter()
        .map(|b| match &b.as_ref().expect("block decodes").report {
            Report::Certificate(c) => c.fingerprint_sha256.clone(),
            other => panic!("expected a certificate, got {other:?}"),
        })
        .collect();
    assert_eq!(fingerprints, [LEAF_SHA256.trim(), INT_SHA256.trim()]);
}

#[wasm_bindgen_test]
fn core_rejects_garbage_without_panicking_in_wasm() {
    for input in [
        &b""[..],
        b"\x30\x84\xff\xff\xff\xff",
        b"-----BEGIN CERTIFICATE-----\nMIIB\n",
        &[0x30; 4096],
    ] {
        if let Ok(blocks) = inspect::decode(input, UnixTime(0)) {
            assert!(blocks.iter().all(Result::is_err));
        }
    }
}

#[wasm_bindgen_test]
fn core_generates_with_the_browser_csprng_and_verifies() {
    let mut rng = certbench_web::browser::rng();
    let now = certbench_web::browser::now();
    let key = KeyPair::generate(KeyType::P256, &mut rng).expect("key");
    let request = Request::new(
        Profile::SelfSigned,
        Subject::common_name("localhost"),
        vec!["DNS:localhost".into()],
        now,
        30,
    );
    let issued = generate::self_signed(&request, &key, &mut rng).expect("certificate");
    let certs = decode::read_certificates(issued.cert_pem.as_bytes()).expect("parses");
    let mut options = verify::Options::at(now);
    options.host = Some("localhost".into());
    let verdict = verify::verify(&certs, &certs, &options);
    assert!(verdict.valid, "{:?}", verdict.errors);
}

#[wasm_bindgen_test]
fn core_verifies_the_fixture_chain_in_wasm() {
    let bundle = decode::read_certificates(FULLCHAIN.as_bytes()).expect("bundle");
    let anchors = decode::read_certificates(ROOT.as_bytes()).expect("root");
    let verdict = verify::verify(
        &bundle,
        &anchors,
        &verify::Options::at(certbench_web::browser::now()),
    );
    assert!(verdict.valid, "{:?}", verdict.errors);
    assert_eq!(verdict.path.len(), 3);
    assert_eq!(
        cipher::explain("0x1301").expect("known").iana,
        "TLS_AES_128_GCM_SHA256"
    );
}

/// Mounts component `C`, its jobs answered in this page: the test runner serves no worker.
fn mount<C: yew::BaseComponent<Properties = ()>>() -> web_sys::Element {
    certbench_web::worker::answer_in_page();
    let document = gloo_document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<C>::with_root(root.clone()).render();
    root
}

fn gloo_document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector(selector)
        .ok()
        .flatten()
        .expect(selector)
        .dyn_into()
        .expect("textarea");
    area.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("event");
    area.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn decode_tab_renders_a_card_per_block() {
    let root = mount::<certbench_web::tabs::DecodeTab>();
    yew::scheduler::flush().await;
    type_into(&root, "#decode-input", FULLCHAIN);
    appears(&root, ".card").await;
    let cards = root.query_selector_all(".card").expect("query");
    assert_eq!(cards.length(), 2);
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("www.example.test"), "{text}");
    type_into(&root, "#decode-input", "not a certificate");
    let alert = appears(&root, "[role=alert]").await;
    assert!(
        alert
            .text_content()
            .unwrap_or_default()
            .contains("nothing recognisable")
    );
}

/// Waits (up to about two seconds) for `selector` to appear under `root`: some work finishes
/// after an await (WebCrypto).
async fn appears(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if let Some(found) = root.query_selector(selector).ok().flatten() {
            return found;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .expect("timer");
        });
        wasm_bindgen_futures::JsFuture::from(tick)
            .await
            .expect("tick");
    }
    panic!("{selector} never appeared");
}

/// Runs `order` as the Generate tab does: core builds, WebCrypto makes keys and signatures.
async fn made_by_webcrypto(order: &Order, made: &[MadeCa]) -> Result<Outcome, String> {
    let keys = certbench_web::signing::WebCryptoKeys::new()?;
    let now = certbench_web::browser::now();
    settle(&keys, certbench_web::browser::rng(), |engine, rng| {
        order.fulfil(engine, made, now, rng)
    })
    .await
    .map_err(|e| e.to_string())
}

fn file<'a>(outcome: &'a Outcome, name: &str) -> &'a str {
    &outcome
        .files
        .iter()
        .find(|f| f.name == name)
        .expect(name)
        .text
}

/// `chain_pem` (leaf first) verifies to `root_pem` with certbench's own RustCrypto code: what
/// WebCrypto signed, a second implementation accepts.
fn verifies(chain_pem: &str, root_pem: &str, host: Option<&str>) {
    let chain = decode::read_certificates(chain_pem.as_bytes()).expect("chain");
    let roots = decode::read_certificates(root_pem.as_bytes()).expect("root");
    let mut options = verify::Options::at(certbench_web::browser::now());
    options.host = host.map(str::to_string);
    let verdict = verify::verify(&chain, &roots, &options);
    assert!(verdict.valid, "{:?}", verdict.errors);
}

#[wasm_bindgen_test]
async fn webcrypto_keys_and_signatures_make_certificates_rustcrypto_accepts() {
    for key in ["p256", "p384", "ed25519", "rsa2048"] {
        let root = made_by_webcrypto(
            &Order {
                action: "root".into(),
                key: key.into(),
                cn: format!("{key} root"),
                ..Order::default()
            },
            &[],
        )
        .await
        .unwrap_or_else(|e| panic!("{key} root: {e}"));
        let server = made_by_webcrypto(
            &Order {
                action: "server".into(),
                key: key.into(),
                ca: "made:0".into(),
                ..Order::default()
            },
            &root.made,
        )
        .await
        .unwrap_or_else(|e| panic!("{key} server: {e}"));
        verifies(
            file(&server, "fullchain.pem"),
            file(&root, "cert.pem"),
            Some("localhost"),
        );
        // A key made by WebCrypto comes back as the user's own (PKCS#8 from WebCrypto's export).
        let again = made_by_webcrypto(
            &Order {
                own_key: file(&server, "key.pem").into(),
                ..Order::default()
            },
            &[],
        )
        .await
        .unwrap_or_else(|e| panic!("{key} own key: {e}"));
        let cert = file(&again, "cert.pem");
        verifies(cert, cert, Some("localhost"));
    }
}

#[wasm_bindgen_test]
async fn webcrypto_signs_a_pasted_csr_and_a_whole_chain() {
    let keys = certbench_web::signing::WebCryptoKeys::new().expect("WebCrypto");
    let now = certbench_web::browser::now();
    let chain = settle(&keys, certbench_web::browser::rng(), |engine, rng| {
        whole_chain(engine, now, rng)
    })
    .await
    .expect("a whole chain");
    verifies(
        file(&chain, "server-fullchain.pem"),
        file(&chain, "root.pem"),
        Some("localhost"),
    );
    let signed = made_by_webcrypto(
        &Order {
            action: "sign".into(),
            csr: include_str!("../../tests/fixtures/leaf.csr").into(),
            ca: "made:0".into(),
            ..Order::default()
        },
        &chain.made,
    )
    .await
    .expect("the CSR signed");
    verifies(
        file(&signed, "fullchain.pem"),
        file(&chain, "root.pem"),
        None,
    );
    // Users' keys in the older forms: SEC1 (P-384) and PKCS#1 (RSA) are imported too.
    for own_key in [
        include_str!("../../tests/fixtures/leaf.sec1.key"),
        include_str!("../../tests/fixtures/int.rsa.key"),
    ] {
        let own = made_by_webcrypto(
            &Order {
                own_key: own_key.into(),
                ..Order::default()
            },
            &[],
        )
        .await
        .expect("a certificate for the user's own key");
        verifies(
            file(&own, "cert.pem"),
            file(&own, "cert.pem"),
            Some("localhost"),
        );
    }
    // A tampered CSR is refused: its proof of possession is checked by WebCrypto.
    let csr = include_str!("../../tests/fixtures/leaf.csr");
    let block = certbench_core::input::read_blocks(csr.as_bytes())
        .unwrap()
        .remove(0)
        .unwrap();
    let mut der = block.der.clone();
    let last = der.len() - 1;
    der[last] ^= 1;
    let tampered = certbench_core::input::pem("CERTIFICATE REQUEST", &der).unwrap();
    let refused = made_by_webcrypto(
        &Order {
            action: "sign".into(),
            csr: tampered,
            ca: "made:0".into(),
            ..Order::default()
        },
        &chain.made,
    )
    .await;
    assert!(refused.unwrap_err().contains("signature does not verify"));
}

#[wasm_bindgen_test]
async fn generate_tab_makes_a_certificate_on_click() {
    let root = mount::<certbench_web::tabs::GenerateTab>();
    yew::scheduler::flush().await;
    let button: web_sys::HtmlElement = root
        .query_selector("#gen-selfsigned")
        .ok()
        .flatten()
        .expect("button")
        .dyn_into()
        .expect("element");
    button.click();
    let cert: web_sys::HtmlTextAreaElement = appears(&root, "#gen-cert")
        .await
        .dyn_into()
        .expect("textarea");
    let blocks =
        inspect::decode(cert.value().as_bytes(), certbench_web::browser::now()).expect("decodes");
    assert!(
        matches!(&blocks[0].as_ref().expect("ok").report, Report::Certificate(c) if c.subject == "CN=localhost")
    );
}

/// Decoding's public-key work done by the browser's WebCrypto gives exactly what certbench's
/// own RustCrypto code gives: every signature kind (RSA, ECDSA on three curves, Ed25519, a
/// CRL) and every derived public key (SEC1, PKCS#8 EC, Ed25519); Ed448 stays "cannot tell".
#[wasm_bindgen_test]
async fn webcrypto_facts_equal_certbench_facts() {
    let inputs: &[&[u8]] = &[
        include_bytes!("../../tests/fixtures/everything.pem"),
        include_bytes!("../../tests/fixtures/fullchain.pem"),
        include_bytes!("../../tests/fixtures/leaf.csr"),
        include_bytes!("../../tests/fixtures/root.pem"),
        include_bytes!("../../tests/fixtures/root.crl"),
        include_bytes!("../../tests/fixtures/sha1-leaf.pem"),
        include_bytes!("../../tests/fixtures/leaf.sec1.key"),
        include_bytes!("../../tests/fixtures/leaf.key"),
        include_bytes!("../../tests/fixtures/int.rsa.key"),
        include_bytes!("../../tests/fixtures/fullchain.p7b"),
        include_bytes!("../../tests/fixtures/keys/rsa2048.pem"),
        include_bytes!("../../tests/fixtures/keys/rsa2048.key"),
        include_bytes!("../../tests/fixtures/keys/rsa4096.pem"),
        include_bytes!("../../tests/fixtures/keys/rsa4096.key"),
        include_bytes!("../../tests/fixtures/keys/p256.pem"),
        include_bytes!("../../tests/fixtures/keys/p256.key"),
        include_bytes!("../../tests/fixtures/keys/p384.pem"),
        include_bytes!("../../tests/fixtures/keys/p384.key"),
        include_bytes!("../../tests/fixtures/keys/p521.pem"),
        include_bytes!("../../tests/fixtures/keys/p521.key"),
        include_bytes!("../../tests/fixtures/keys/ed25519.pem"),
        include_bytes!("../../tests/fixtures/keys/ed25519.key"),
        include_bytes!("../../tests/fixtures/keys/ed448.pem"),
        include_bytes!("../../tests/fixtures/keys/ed448.key"),
    ];
    let input = inputs.concat();
    let now = certbench_web::browser::now();
    let mine = inspect::decode(&input, now).expect("decodes");
    let browsers = certbench_web::webcrypto::decode(&input, now)
        .await
        .expect("decodes");
    assert_eq!(browsers, mine);
}

/// A CSR whose signature was altered fails through WebCrypto too.
#[wasm_bindgen_test]
async fn webcrypto_sees_a_tampered_signature() {
    let now = certbench_web::browser::now();
    let csr = inspect::decode_structure(include_bytes!("../../tests/fixtures/leaf.csr"), now)
        .expect("csr");
    let mut der = csr[0].as_ref().expect("csr").der.clone();
    if let Some(last) = der.last_mut() {
        *last ^= 1;
    }
    let blocks = certbench_web::webcrypto::decode(&der, now)
        .await
        .expect("decodes");
    match &blocks[0].as_ref().expect("block").report {
        Report::Csr(c) => assert_eq!(c.signature_valid, Some(false)),
        other => panic!("expected a CSR, got {other:?}"),
    }
}

/// Verify with its signatures checked by WebCrypto reaches OpenSSL's verdicts, as certbench's
/// own code does: the fixture chain is valid; a leaf signed by another leaf is not.
#[wasm_bindgen_test]
async fn webcrypto_signatures_give_the_same_verdicts() {
    let now = certbench_web::browser::now();
    for (chain, anchors) in [
        (FULLCHAIN, ROOT),
        (
            include_str!("../../tests/fixtures/leaf-signed-leaf.pem"),
            ROOT,
        ),
        (include_str!("../../tests/fixtures/sha1-leaf.pem"), ROOT),
    ] {
        let bundle = decode::read_certificates(chain.as_bytes()).expect("chain");
        let anchors = decode::read_certificates(anchors.as_bytes()).expect("roots");
        let options = verify::Options::at(now);
        let checks = verify::signature_checks(&bundle, &anchors, &options);
        let outcomes = certbench_web::webcrypto::checks(checks).await;
        let given = verify::verify_with(
            &bundle,
            &anchors,
            &options,
            verify::Signatures::Given(&outcomes),
        );
        assert_eq!(given, verify::verify(&bundle, &anchors, &options));
    }
}

/// The worker's warm-up decodes two real certificates of the store, both readable, their
/// signatures settled by WebCrypto (an input that stopped decoding would warm nothing up).
#[wasm_bindgen_test]
async fn the_warm_up_decodes_two_certificates_of_the_store() {
    let now = certbench_web::browser::now();
    let store = include_bytes!("../../crates/core/data/mozilla-roots.der");
    let input = certbench_web::webcrypto::warm_up_input(store);
    let blocks = certbench_web::webcrypto::decode(input, now)
        .await
        .expect("the warm-up sample decodes");
    assert_eq!(blocks.len(), 2);
    for block in &blocks {
        let Ok(decode::Decoded {
            report: Report::Certificate(cert),
            ..
        }) = block
        else {
            panic!("not a certificate: {block:?}");
        };
        assert!(cert.self_signed.is_some(), "the signature was checked");
    }
    certbench_web::webcrypto::warm_up(input, now, || false).await;
}

/// Every kind of block crosses to the page and back unchanged: what the worker answers equals
/// what core decodes (the JSON form of a block leaves parts out, so the worker's encoding must
/// carry them all: the DER, the report's kind, every nested report).
#[wasm_bindgen_test]
async fn blocks_cross_from_the_worker_unchanged() {
    certbench_web::worker::answer_in_page();
    let at = certbench_web::browser::now();
    let inputs: &[&[u8]] = &[
        include_bytes!("../../tests/fixtures/everything.pem"),
        include_bytes!("../../tests/fixtures/fullchain.p7b"),
        include_bytes!("../../tests/fixtures/leaf.p12"),
        include_bytes!("../../tests/fixtures/root.crl"),
        include_bytes!("../../tests/fixtures/attributes.csr"),
        include_bytes!("../../tests/fixtures/dh-2048.pem"),
        include_bytes!("../../tests/fixtures/leaf.enc.key"),
        include_bytes!("../../tests/fixtures/leaf.der"),
        b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
    ];
    for input in inputs {
        let direct = inspect::decode_structure(input, at).expect("decodes");
        let input = certbench_web::worker::Input::new(input.to_vec().into());
        let window =
            certbench_web::worker::decode(&input, at, false, Default::default(), usize::MAX)
                .await
                .expect("the worker answers");
        let crossed = window.blocks;
        assert_eq!(crossed.len(), direct.len());
        assert_eq!(window.selected, direct.len());
        assert_eq!(window.overview, decode::overview::overview(&direct));
        for (crossed, direct) in crossed.iter().zip(&direct) {
            match (crossed, direct) {
                (Ok(crossed), Ok(direct)) => {
                    // A certificate's own bytes stay in the worker, for lint (not sent).
                    let mut direct = direct.clone();
                    match &mut direct.report {
                        decode::Report::Certificate(c) => c.der.clear(),
                        decode::Report::Pkcs7(bundle) => {
                            bundle.certificates.iter_mut().for_each(|c| c.der.clear())
                        }
                        _ => {}
                    }
                    assert_eq!(**crossed, direct)
                }
                (Err(crossed), Err(direct)) => assert_eq!(*crossed, direct.to_string()),
                other => panic!("the worker's answer differs: {other:?}"),
            }
        }
    }
}
