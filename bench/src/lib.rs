//! The benchmark page's view of certbench-core: each workload the page times, as the app runs
//! it (the same core calls), exported with wasm-bindgen. Built apart from the app, so the app's
//! bundle carries none of this. `bin/native.rs` times the same workloads natively.

pub mod workloads;

use certbench_core::generate::{KeyPair, KeyType};
use certbench_core::{UnixTime, verify};
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
    let bundle = verify::read_certificates(&chain)?;
    let anchors = verify::read_certificates(&roots)?;
    let checks = verify::signature_checks(&bundle, &anchors);
    let outcomes = certbench_web::webcrypto::checks(checks).await;
    let options = verify::Options::at(at(now));
    Ok(verify::verify_with(
        &bundle,
        &anchors,
        &options,
        verify::Signatures::Given(&outcomes),
    )
    .valid)
}

/// A key made in wasm (`p256`, `p384`, `ed25519`, `rsa2048`, …), as PKCS#8 DER.
#[wasm_bindgen]
pub fn generate_key(key_type: &str) -> Result<Vec<u8>, JsError> {
    let key = KeyPair::generate(KeyType::parse(key_type)?, &mut rng())?;
    Ok(key.pkcs8_der()?.to_vec())
}

/// A self-signed localhost certificate (PEM) for the PKCS#8 key given: the Generate tab's
/// work once it has a key (WebCrypto's, for RSA).
#[wasm_bindgen]
pub fn self_signed(pkcs8: &[u8], now: f64) -> Result<String, JsError> {
    Ok(workloads::self_signed(pkcs8, at(now), &mut rng())?)
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
