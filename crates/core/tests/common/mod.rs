//! Shared by the integration tests: a deterministic RNG and certificate factories built on
//! certbench's own generator.
#![allow(dead_code)] // each test file uses its own subset

mod split_mix;

use certbench_core::decode;
use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject};
use certbench_core::{Certificate, UnixTime};
pub(crate) use split_mix::SplitMix;

/// 2030-01-01, "now" for these tests.
pub(crate) const NOW: UnixTime = UnixTime(1_893_456_000);
pub(crate) const DAY: i64 = 86_400;

pub(crate) struct Ca {
    pub cert: Certificate,
    pub key: KeyPair,
}

pub(crate) fn rng() -> SplitMix {
    // Deterministic: the same chains on every run.
    SplitMix(0)
}

pub(crate) fn request(profile: Profile, cn: &str, san: &[&str]) -> Request {
    let san = san.iter().map(|s| s.to_string()).collect();
    let start = NOW.plus_seconds(-DAY);
    Request::new(
        profile,
        Subject::common_name(cn),
        san,
        start,
        generate::default_days(profile, start),
    )
}

pub(crate) fn root(cn: &str, edit: impl FnOnce(&mut Request)) -> Ca {
    let key = KeyPair::generate(KeyType::P256, &mut rng_for(cn)).unwrap();
    let mut req = request(Profile::Root, cn, &[]);
    edit(&mut req);
    let cert = generate::issue(
        &req,
        &key.public_key_info().unwrap(),
        IssuedBy::Itself(&key),
        req.not_before,
        &mut rng(),
    )
    .unwrap();
    Ca { cert, key }
}

pub(crate) fn rng_for(seed: &str) -> SplitMix {
    SplitMix(
        seed.bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))),
    )
}

/// Issues `profile` for `cn` under `ca`, after `edit` adjusts the request.
pub(crate) fn issue(
    ca: &Ca,
    profile: Profile,
    cn: &str,
    san: &[&str],
    edit: impl FnOnce(&mut Request),
) -> Ca {
    let key = KeyPair::generate(KeyType::P256, &mut rng_for(cn)).unwrap();
    let mut req = request(profile, cn, san);
    edit(&mut req);
    let cert = generate::issue(
        &req,
        &key.public_key_info().unwrap(),
        IssuedBy::Ca {
            cert: &ca.cert,
            key: &ca.key,
        },
        req.not_before,
        &mut rng(),
    )
    .unwrap();
    Ca { cert, key }
}

/// `req` signed by its own `key`, at [`NOW`].
pub(crate) fn self_sign(req: &Request, key: &KeyPair) -> Certificate {
    generate::issue(
        req,
        &key.public_key_info().unwrap(),
        IssuedBy::Itself(key),
        NOW,
        &mut rng(),
    )
    .unwrap()
}

/// An intermediate CA named `name`, issued by `issuer` with the profile's defaults.
pub(crate) fn intermediate(issuer: &Ca, name: &str) -> Ca {
    issue(issuer, Profile::Intermediate, name, &[], |_| {})
}

/// A TLS server certificate for `host` (its CN and only SAN), issued by `issuer`.
pub(crate) fn server(issuer: &Ca, host: &str, tweak: impl FnOnce(&mut Request)) -> Ca {
    issue(
        issuer,
        Profile::Server,
        host,
        &[&format!("DNS:{host}")],
        tweak,
    )
}

/// Alice's client certificate (an e-mail SAN), issued by `issuer`.
pub(crate) fn client(issuer: &Ca) -> Ca {
    issue(
        issuer,
        Profile::Client,
        "alice",
        &["email:alice@example.test"],
        |_| {},
    )
}

pub(crate) fn chain() -> (Ca, Ca, Ca) {
    let root = root("Rule Root", |_| {});
    let int = intermediate(&root, "Rule Intermediate");
    let leaf = issue(
        &int,
        Profile::Server,
        "www.example.test",
        &[
            "DNS:www.example.test",
            "DNS:*.api.example.test",
            "IP:127.0.0.1",
        ],
        |_| {},
    );
    (root, int, leaf)
}

pub(crate) fn root_named(cn: &str) -> Ca {
    root(cn, |_| {})
}

pub(crate) fn fixture_certs(name: &str) -> Vec<Certificate> {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    decode::read_certificates(&std::fs::read(path).unwrap()).unwrap()
}

/// Whether the `openssl` command is here for the interop tests; without it they skip, unless
/// CERTBENCH_REQUIRE_OPENSSL is set (the README test command sets it), when its absence fails.
pub(crate) fn openssl_present() -> bool {
    if std::process::Command::new("openssl")
        .arg("version")
        .output()
        .is_ok()
    {
        return true;
    }
    assert!(
        std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
        "openssl is required but missing"
    );
    eprintln!("skipping: openssl not installed");
    false
}

/// Each check made by certbench's own code, paired with its outcome: what the web app's
/// WebCrypto hands back for the checks `verify::signature_checks` lists.
pub(crate) fn outcomes(
    checks: Vec<certbench_core::signature::Check>,
) -> Vec<(
    certbench_core::signature::Check,
    Result<(), certbench_core::signature::SignatureError>,
)> {
    checks
        .into_iter()
        .map(|c| {
            let outcome = c.run();
            (c, outcome)
        })
        .collect()
}
