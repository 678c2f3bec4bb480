//! The workloads, as plain Rust over certbench-core: the page runs them through the wasm
//! exports in `lib.rs`, `bin/native.rs` runs the same ones natively.

use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject};
use certbench_core::{Error, UnixTime, decode, inspect, verify};
use rand_core::CryptoRng;

/// How many certificates the blocks hold: what each decode returns, so no work is skipped.
pub fn certificates(blocks: &[Result<decode::Decoded, Error>]) -> u32 {
    blocks
        .iter()
        .filter(|b| matches!(b, Ok(d) if matches!(d.report, decode::Report::Certificate(_))))
        .count() as u32
}

/// Decodes `input` completely (every field, extensions, fingerprints, lint, signature checks).
pub fn decode_full(input: &[u8], now: UnixTime) -> Result<u32, Error> {
    Ok(certificates(&inspect::decode(input, now)?))
}

/// The structural pass alone, without the self-signature checks.
pub fn decode_structure(input: &[u8], now: UnixTime) -> Result<u32, Error> {
    Ok(certificates(&inspect::decode_structure(input, now)?))
}

/// Verifies `chain` (PEM, leaf first) against `roots` (PEM) with certbench's own signature code.
pub fn verify_chain(chain: &[u8], roots: &[u8], now: UnixTime) -> Result<bool, Error> {
    let bundle = decode::read_certificates(chain)?;
    let anchors = decode::read_certificates(roots)?;
    Ok(verify::verify(&bundle, &anchors, &verify::Options::at(now)).valid)
}

/// The root's PEM, then `count` chains (leaf and intermediate PEM) under it, with `key_type`
/// CA keys: the verify workload's input. Leaves share one P-256 key (the work is the CAs').
pub fn make_chains<R: CryptoRng + ?Sized>(
    key_type: KeyType,
    count: u32,
    now: UnixTime,
    rng: &mut R,
) -> Result<Vec<String>, Error> {
    let mut ca = |profile: Profile,
                  cn: &str,
                  by: Option<(&certbench_core::Certificate, &KeyPair)>| {
        let key = KeyPair::generate(key_type, rng)?;
        let mut request = Request::new(profile, Subject::common_name(cn), Vec::new(), now, 3650);
        request.path_len = (profile == Profile::Intermediate).then_some(0);
        let issuer = match by {
            Some((cert, key)) => IssuedBy::Ca { cert, key },
            None => IssuedBy::Itself(&key),
        };
        let cert = generate::issue(&request, &key.public_key_info()?, issuer, now, rng)?;
        Ok::<_, Error>((cert, key))
    };
    let (root, root_key) = ca(Profile::Root, "Bench Root", None)?;
    let (int, int_key) = ca(
        Profile::Intermediate,
        "Bench Intermediate",
        Some((&root, &root_key)),
    )?;
    let leaf_key = KeyPair::generate(KeyType::P256, rng)?;
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
        let leaf = generate::issue(&request, &leaf_key.public_key_info()?, by, now, rng)?;
        out.push(generate::chain_files(&leaf, std::slice::from_ref(&int))?.fullchain_pem);
    }
    Ok(out)
}
