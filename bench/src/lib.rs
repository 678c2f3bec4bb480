//! The benchmark page's view of certbench-core: each workload the page times, as the app runs
//! it (the same core calls), exported with wasm-bindgen. Built apart from the app, so the app's
//! bundle carries none of this.

use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject};
use certbench_core::{UnixTime, decode, verify};
use wasm_bindgen::prelude::*;

fn rng() -> getrandom::rand_core::UnwrapErr<getrandom::SysRng> {
    getrandom::rand_core::UnwrapErr(getrandom::SysRng)
}

fn at(unix_seconds: f64) -> UnixTime {
    UnixTime(unix_seconds as i64)
}

fn certificates(blocks: &[Result<decode::Decoded, certbench_core::Error>]) -> u32 {
    blocks
        .iter()
        .filter(|b| matches!(b, Ok(d) if matches!(d.report, decode::Report::Certificate(_))))
        .count() as u32
}

/// Decodes `input` completely (every field, extensions, fingerprints, lint, signature checks):
/// the Decode tab's core work. Returns the number of certificates, so the work cannot be skipped.
#[wasm_bindgen]
pub fn decode_bundle(input: &[u8], now: f64) -> Result<u32, JsError> {
    Ok(certificates(&decode::decode(input, at(now))?))
}

/// The structural part of [`decode_bundle`] alone: every field, extensions, fingerprints and
/// lint, without the public-key arithmetic (self-signature checks). Shows what that costs.
#[wasm_bindgen]
pub fn decode_bundle_structure(input: &[u8], now: f64) -> Result<u32, JsError> {
    Ok(certificates(&decode::decode_structure(input, at(now))?))
}

/// [`decode_bundle`] as the app runs it: the structural pass in wasm, the self-signature checks
/// by the browser's WebCrypto.
#[wasm_bindgen]
pub async fn decode_bundle_webcrypto(input: Vec<u8>, now: f64) -> Result<u32, JsError> {
    Ok(certificates(
        &certbench_web::webcrypto::decode(&input, at(now)).await?,
    ))
}

/// Verifies `chain` (PEM, leaf first) against `roots` (PEM): the Verify tab's core work.
#[wasm_bindgen]
pub fn verify_chain(chain: &[u8], roots: &[u8], now: f64) -> Result<bool, JsError> {
    let bundle = verify::read_certificates(chain)?;
    let anchors = verify::read_certificates(roots)?;
    Ok(verify::verify(&bundle, &anchors, &verify::Options::at(at(now))).valid)
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
    let key = KeyPair::from_pkcs8_der(pkcs8)?;
    let request = Request::new(
        Profile::SelfSigned,
        Subject::common_name("localhost"),
        vec!["DNS:localhost".into()],
        at(now),
        30,
    );
    let cert = generate::issue(
        &request,
        &key.public_key_info()?,
        IssuedBy::Itself(&key),
        at(now),
        &mut rng(),
    )?;
    Ok(generate::chain_files(&cert, &[])?.cert_pem)
}

/// `count` three-link chains (root → intermediate → leaf) with `key_type` CA keys, for the
/// verify workload: the root's PEM, then each chain's leaf and intermediate PEM, joined by
/// blank lines between chains (`\n\n`). Not timed.
#[wasm_bindgen]
pub fn make_chains(key_type: &str, count: u32, now: f64) -> Result<Vec<String>, JsError> {
    let key_type = KeyType::parse(key_type)?;
    let now = at(now);
    let mut rng = rng();
    let ca =
        |profile, cn: &str, by: Option<(&certbench_core::Certificate, &KeyPair)>, rng: &mut _| {
            let key = KeyPair::generate(key_type, rng)?;
            let mut request =
                Request::new(profile, Subject::common_name(cn), Vec::new(), now, 3650);
            request.path_len = (profile == Profile::Intermediate).then_some(0);
            let issuer = match by {
                Some((cert, key)) => IssuedBy::Ca { cert, key },
                None => IssuedBy::Itself(&key),
            };
            let cert = generate::issue(&request, &key.public_key_info()?, issuer, now, rng)?;
            Ok::<_, certbench_core::Error>((cert, key))
        };
    let (root, root_key) = ca(Profile::Root, "Bench Root", None, &mut rng)?;
    let (int, int_key) = ca(
        Profile::Intermediate,
        "Bench Intermediate",
        Some((&root, &root_key)),
        &mut rng,
    )?;
    let leaf_key = KeyPair::generate(KeyType::P256, &mut rng)?;
    let mut out = vec![generate::chain_files(&root, &[])?.cert_pem];
    for n in 0..count {
        let host = format!("host{n}.bench.test");
        let request = Request::new(
            Profile::Server,
            Subject::common_name(&host),
            vec![format!("DNS:{host}")],
            now,
            90,
        );
        let by = IssuedBy::Ca {
            cert: &int,
            key: &int_key,
        };
        let leaf = generate::issue(&request, &leaf_key.public_key_info()?, by, now, &mut rng)?;
        let files = generate::chain_files(&leaf, std::slice::from_ref(&int))?;
        out.push(files.fullchain_pem);
    }
    Ok(out)
}
