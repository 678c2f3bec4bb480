//! The benchmark page's view of certbench-core: each workload the page times, as the app runs
//! it (the same core calls), exported with wasm-bindgen. Built apart from the app, so the app's
//! bundle carries none of this. `bin/native.rs` times the same workloads natively.

pub mod workloads;

use certbench_core::generate::KeyType;
use certbench_core::generate::deferred::settle;
use certbench_core::generate::order::Order;
use certbench_core::{UnixTime, decode, verify};
use certbench_web::signing::WebCryptoKeys;
use wasm_bindgen::prelude::*;

fn rng() -> getrandom::rand_core::UnwrapErr<getrandom::SysRng> {
    getrandom::rand_core::UnwrapErr(getrandom::SysRng)
}

fn at(unix_seconds: f64) -> UnixTime {
    UnixTime(unix_seconds as i64)
}

/// Decodes `input` completely, self-signatures checked in wasm (what the CLI does).
#[wasm_bindgen]
pub fn decode_bundle(input: &[u8], now: f64) -> Result<u32, JsError> {
    Ok(workloads::decode_full(input, at(now))?)
}

/// The structural pass alone: every field, extensions, fingerprints and lint, without the
/// self-signature checks. Shows what those cost.
#[wasm_bindgen]
pub fn decode_bundle_structure(input: &[u8], now: f64) -> Result<u32, JsError> {
    Ok(workloads::decode_structure(input, at(now))?)
}

/// [`decode_bundle`] as the app runs it: the structural pass in wasm, the self-signature checks
/// by the browser's WebCrypto.
#[wasm_bindgen]
pub async fn decode_bundle_webcrypto(input: Vec<u8>, now: f64) -> Result<u32, JsError> {
    Ok(workloads::certificates(
        &certbench_web::webcrypto::decode(&input, at(now)).await?,
    ))
}

/// What the app's worker does as it starts: two certificates of the store decoded
/// [`warm_up_rounds`] times, so the first paste finds the decoder compiled and optimized
/// ([`certbench_web::webcrypto::warm_up`]).
#[wasm_bindgen]
pub async fn warm_up(now: f64) {
    let store = include_bytes!("../../crates/core/data/mozilla-roots.der");
    let input = certbench_web::webcrypto::warm_up_input(store);
    certbench_web::webcrypto::warm_up(input, at(now), || false).await;
}

/// How many times [`warm_up`] decodes its sample: the JavaScript libraries get as many.
#[wasm_bindgen]
pub fn warm_up_rounds() -> usize {
    certbench_web::webcrypto::WARM_UP_ROUNDS
}

/// What [`warm_up`] decodes (as PEM), to warm the JavaScript libraries with the same input.
#[wasm_bindgen]
pub fn warm_up_input() -> String {
    let store = include_bytes!("../../crates/core/data/mozilla-roots.der");
    let input = certbench_web::webcrypto::warm_up_input(store);
    certbench_core::decode::certificates_as_pem(input).unwrap_or_default()
}

/// Verifies `chain` (PEM, leaf first) against `roots` (PEM), signatures in wasm.
#[wasm_bindgen]
pub fn verify_chain(chain: &[u8], roots: &[u8], now: f64) -> Result<bool, JsError> {
    Ok(workloads::verify_chain(chain, roots, at(now))?)
}

/// [`verify_chain`] as the app runs it: path and rules in wasm, signatures by WebCrypto.
#[wasm_bindgen]
pub async fn verify_chain_webcrypto(
    chain: Vec<u8>,
    roots: Vec<u8>,
    now: f64,
) -> Result<bool, JsError> {
    let bundle = decode::read_certificates(&chain)?;
    let anchors = decode::read_certificates(&roots)?;
    let options = verify::Options::at(at(now));
    let checks = verify::signature_checks(&bundle, &anchors, &options);
    let outcomes = certbench_web::webcrypto::checks(checks).await;
    Ok(verify::verify_with(
        &bundle,
        &anchors,
        &options,
        verify::Signatures::Given(&outcomes),
    )
    .valid)
}

/// A new key of `key_type` (`p256`, `ed25519`, `rsa2048`, …) and a self-signed localhost
/// certificate for it, as the Generate tab makes them: core builds, WebCrypto makes the key
/// and signs. The certificate's PEM.
#[wasm_bindgen]
pub async fn self_signed(key_type: String, now: f64) -> Result<String, JsError> {
    let order = Order {
        key: key_type,
        ..Order::default()
    };
    let keys = WebCryptoKeys::new().map_err(|e| JsError::new(&e))?;
    let outcome = settle(&keys, rng(), |engine, rng| {
        order.fulfil(engine, &[], at(now), rng)
    })
    .await
    .map_err(|e| JsError::new(&e.to_string()))?;
    outcome
        .files
        .into_iter()
        .find(|f| f.name == "cert.pem")
        .map(|f| f.text)
        .ok_or_else(|| JsError::new("no cert.pem"))
}

/// The verify workload's input, made here (not timed): the root's PEM, then `count` chains.
#[wasm_bindgen]
pub fn make_chains(key_type: &str, count: u32, now: f64) -> Result<Vec<String>, JsError> {
    Ok(workloads::make_chains(
        KeyType::parse(key_type)?,
        count,
        at(now),
        &mut rng(),
    )?)
}
