//! The public-key work of Decode and Verify done by the browser's native WebCrypto:
//! certbench-core says what to check and with which parameters ([`certbench_core::webcrypto`],
//! [`certbench_core::verify::signature_checks`]); this module only calls
//! `importKey`, `verify` and `exportKey`. Native RSA and ECDSA are many times faster than the
//! same arithmetic in wasm, and it runs off the main thread.

use certbench_core::decode::crypto::{self, Done, Fact, Task, Work};
use certbench_core::inspect::{self, Blocks};
use certbench_core::signature::{Check, SignatureError};
use certbench_core::webcrypto::{self, Params, SignatureCheck};
use certbench_core::{Error, UnixTime};
use js_sys::{Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

pub(crate) fn subtle() -> Option<SubtleCrypto> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    Some(crypto.unchecked_into::<web_sys::Crypto>().subtle())
}

pub(crate) fn dictionary(params: &Params) -> Object {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        Reflect::set(&object, &key.into(), &value).ok();
    };
    set("name", params.name.into());
    if let Some(hash) = params.hash {
        set("hash", hash.into());
    }
    if let Some(curve) = params.named_curve {
        set("namedCurve", curve.into());
    }
    if let Some(salt) = params.salt_length {
        set("saltLength", salt.into());
    }
    object
}

fn usages(usage: &str) -> JsValue {
    js_sys::Array::of1(&usage.into()).into()
}

/// Starts `importKey` (the promise runs at once; awaiting it later loses nothing).
fn import(
    subtle: &SubtleCrypto,
    format: &str,
    der: &[u8],
    params: &Params,
    usage: &str,
) -> Option<Promise> {
    subtle
        .import_key_with_object(
            format,
            &Uint8Array::from(der),
            &dictionary(params),
            format == "pkcs8",
            &usages(usage),
        )
        .ok()
}

async fn key(promise: Option<Promise>) -> Option<CryptoKey> {
    Some(JsFuture::from(promise?).await.ok()?.unchecked_into())
}

/// A key WebCrypto will not import (an exponent it refuses, say) is a check it cannot make,
/// not a failed signature.
fn not_importable() -> SignatureError {
    SignatureError::NotChecked("the browser's WebCrypto does not import this key".into())
}

pub(crate) fn base64url(jwk: &JsValue, field: &str) -> Option<Vec<u8>> {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let text = Reflect::get(jwk, &field.into()).ok()?.as_string()?;
    Base64UrlUnpadded::decode_vec(&text).ok()
}

/// One piece of work as it goes: its key being imported, then its verify or export running.
enum Step {
    Import(Option<Promise>, Option<SignatureCheck>),
    Verify(Result<Promise, SignatureError>),
    Export(Option<Promise>),
    Done(Done),
}

fn start(subtle: &SubtleCrypto, work: Work) -> Step {
    match work {
        Work::Verify(Ok(check)) => match webcrypto::signature_check(&check) {
            Ok(check) => Step::Import(
                import(subtle, "spki", &check.spki, &check.import, "verify"),
                Some(check),
            ),
            Err(e) => Step::Done(Done::Verified(Err(e))),
        },
        Work::Verify(Err(e)) => Step::Done(Done::Verified(Err(e))),
        Work::Derive(der) => match webcrypto::key_derivation(&der) {
            Some(d) => Step::Import(import(subtle, "pkcs8", &d.pkcs8, &d.import, "sign"), None),
            None => Step::Done(Done::Derived(None)),
        },
    }
}

/// Once the key is in: starts the verify (with a check) or the JWK export (without).
async fn with_key(
    subtle: &SubtleCrypto,
    import: Option<Promise>,
    check: Option<SignatureCheck>,
) -> Step {
    let key = key(import).await;
    match check {
        Some(check) => Step::Verify(key.ok_or_else(not_importable).and_then(|key| {
            subtle
                .verify_with_object_and_u8_array_and_u8_array(
                    &dictionary(&check.verify),
                    &key,
                    &check.signature,
                    &check.message,
                )
                .map_err(|_| SignatureError::Invalid)
        })),
        None => Step::Export(key.and_then(|key| subtle.export_key("jwk", &key).ok())),
    }
}

async fn finish(step: Step) -> Done {
    match step {
        Step::Verify(Ok(promise)) => Done::Verified(match JsFuture::from(promise).await {
            Ok(valid) if valid.as_bool() == Some(true) => Ok(()),
            _ => Err(SignatureError::Invalid),
        }),
        Step::Verify(Err(e)) => Done::Verified(Err(e)),
        Step::Export(promise) => Done::Derived(match promise {
            Some(promise) => JsFuture::from(promise).await.ok().and_then(|jwk| {
                let x = base64url(&jwk, "x")?;
                Some(webcrypto::public_hex(&x, base64url(&jwk, "y").as_deref()))
            }),
            None => None,
        }),
        // do_all turns every Import into Verify or Export before finishing; never taken as valid.
        Step::Import(..) => Done::Verified(Err(SignatureError::Invalid)),
        Step::Done(done) => done,
    }
}

/// Does every piece of work with WebCrypto, answers in order. Each stage starts for every piece
/// before any is awaited, so the browser works on them in parallel.
async fn do_all(works: Vec<Work>) -> Vec<Done> {
    let Some(subtle) = subtle() else {
        let unavailable = || SignatureError::NotChecked("this browser has no WebCrypto".into());
        return works
            .iter()
            .map(|w| match w {
                Work::Verify(_) => Done::Verified(Err(unavailable())),
                Work::Derive(_) => Done::Derived(None),
            })
            .collect();
    };
    let mut steps: Vec<Step> = works.into_iter().map(|w| start(&subtle, w)).collect();
    for step in &mut steps {
        if let Step::Import(promise, check) = step {
            *step = with_key(&subtle, promise.take(), check.take()).await;
        }
    }
    let mut done = Vec::with_capacity(steps.len());
    for step in steps {
        done.push(finish(step).await);
    }
    done
}

/// The facts for `tasks`, by WebCrypto.
pub async fn perform(tasks: &[Task]) -> Vec<Fact> {
    let works: Vec<Vec<Work>> = tasks.iter().map(Task::work).collect();
    let counts: Vec<usize> = works.iter().map(Vec::len).collect();
    let mut done = do_all(works.into_iter().flatten().collect())
        .await
        .into_iter();
    tasks
        .iter()
        .zip(counts)
        .map(|(task, n)| task.fact(&done.by_ref().take(n).collect::<Vec<_>>()))
        .collect()
}

/// Makes each signature check with WebCrypto, for [`certbench_core::verify::verify_with`].
pub async fn checks(checks: Vec<Check>) -> Vec<(Check, Result<(), SignatureError>)> {
    let works = checks
        .iter()
        .cloned()
        .map(|c| Work::Verify(Ok(c)))
        .collect();
    let done = do_all(works).await;
    checks
        .into_iter()
        .zip(done)
        .map(|(check, done)| match done {
            Done::Verified(outcome) => (check, outcome),
            Done::Derived(_) => (check, Err(SignatureError::Invalid)),
        })
        .collect()
}

/// A structural decode made complete: signature checks and derived keys by WebCrypto.
pub async fn complete(mut blocks: Blocks) -> Blocks {
    let tasks = crypto::tasks(&blocks);
    if !tasks.is_empty() {
        let facts = perform(&tasks).await;
        inspect::apply(&mut blocks, &tasks, &facts);
    }
    blocks
}

/// Decodes `input` completely: structure in wasm, public-key facts by WebCrypto.
pub async fn decode(input: &[u8], now: UnixTime) -> Result<Blocks, Error> {
    Ok(complete(inspect::decode_structure(input, now)?).await)
}

/// What [`warm_up`] decodes: the first two certificates of the Mozilla store's DER, which the
/// worker loads as it starts anyway (an input of its own would cost the wasm its bytes).
pub fn warm_up_input(store: &[u8]) -> &[u8] {
    // The length of the DER element at `at`: its header, then its content.
    let tlv = |at: usize| -> Option<usize> {
        let first = usize::from(*store.get(at + 1)?);
        if first < 0x80 {
            return Some(2 + first);
        }
        let octets = first & 0x7f;
        let content = store
            .get(at + 2..at + 2 + octets)?
            .iter()
            .try_fold(0usize, |n, &b| {
                n.checked_mul(256)?.checked_add(usize::from(b))
            })?;
        Some(2 + octets + content)
    };
    let first = tlv(0).unwrap_or(0);
    let second = tlv(first).unwrap_or(0);
    store.get(..first + second).unwrap_or_default()
}

/// How many times [`warm_up`] decodes its sample: enough calls for Chromium to optimize the
/// decoder's hot functions, not just compile them (measured in the worker: the first paste of
/// the 144-root bundle answered in 49 ms after one round, 25 after 20, 18 after 100 — a later
/// paste takes 13; the 100 rounds take 35-70 ms of the worker's time as it starts).
pub const WARM_UP_ROUNDS: usize = 100;

/// Decodes `input` ([`warm_up_input`]) up to [`WARM_UP_ROUNDS`] times and drops the results, stopping
/// early once `stop` says real work has come. Browsers compile wasm lazily, function by
/// function on first call, run it unoptimised at first and optimize what runs often; done as
/// the worker starts (off the main thread), this makes the user's first paste run optimized
/// code.
pub async fn warm_up(input: &[u8], now: UnixTime, stop: impl Fn() -> bool) {
    for _ in 0..WARM_UP_ROUNDS {
        if stop() {
            break;
        }
        decode(input, now).await.ok();
    }
}
