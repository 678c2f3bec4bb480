//! The worker's side: each job run with certbench-core (public-key work by the worker's
//! WebCrypto) and answered as its request type says.

use super::protocol::*;
use crate::browser;
use crate::webcrypto;
use certbench_core::decode::overview::{self, Overview};
use certbench_core::decode::{self, Decoded, Report};
use certbench_core::generate::order::{File, MadeCa, Order};
use certbench_core::inspect;
use certbench_core::lint::{self, Finding};
use certbench_core::verify::{self, Verdict};
use certbench_core::{Error, UnixTime};
use js_sys::Uint8Array;
use std::cell::Cell;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use zeroize::Zeroizing;

thread_local! {
    /// The input [`decoding`] answered last, for its next window.
    static KEPT: Cell<Option<Kept>> = const { Cell::new(None) };
    /// A job has come, so the warm-up has nothing left to prepare for.
    static ANSWERING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `job` and encodes its answer, each as its request type says.
async fn answer(job: Job) -> Vec<u8> {
    let message = |e: Error| e.to_string();
    match job {
        Job::Decode(job) => decoding(job).await,
        Job::Verify(VerifyJob(order)) => VerifyJob::reply(
            &verified(order)
                .await
                .as_ref()
                .map(|(verdict, blocks, bundle)| (verdict, wire_refs(blocks), bundle)),
        ),
        Job::ShareEncode(ShareEncode(text)) => {
            ShareEncode::reply(&certbench_core::share::encode(&text).map_err(message))
        }
        Job::ShareDecode(ShareDecode(value)) => {
            ShareDecode::reply(&certbench_core::share::decode(&value).map_err(message))
        }
        Job::CertificatesAsPem(CertificatesAsPem(bytes)) => {
            CertificatesAsPem::reply(&decode::certificates_as_pem(&bytes).map_err(message))
        }
        Job::Generate(GenerateJob { order, made }) => {
            GenerateJob::reply(&generated(order, &made).await)
        }
        Job::Form(FormJob(order)) => FormJob::reply(&order.view(browser::now())),
        Job::Revoked(RevokedJob(der)) => RevokedJob::reply(&decode::revoked_entries(&der)),
        Job::Asn1(Asn1Job { der, shape, tree }) => {
            Asn1Job::reply(&certbench_core::asn1::View::of(&der, shape, tree))
        }
        Job::OcspRequest(OcspRequestJob(block)) => {
            let kept = KEPT.take();
            let made = match &kept {
                Some(kept) => {
                    let blocks: Vec<&Decoded> = kept.blocks.iter().flatten().collect();
                    let mut nonce = [0u8; 16];
                    getrandom::rand_core::Rng::fill_bytes(&mut browser::rng(), &mut nonce);
                    certbench_core::generate::ocsp_request_in(&blocks, block, Some(&nonce))
                        .map(|made| {
                            let der = WireBytes(made.der.clone());
                            (made, der)
                        })
                        .map_err(message)
                }
                None => Err("decode the input again: the worker no longer has it".into()),
            };
            KEPT.set(kept);
            OcspRequestJob::reply(&made)
        }
        Job::Unlock(UnlockJob {
            locked,
            pkcs12,
            password,
        }) => {
            let opened = unlocked(&locked.into(), pkcs12, &Zeroizing::new(password)).await;
            UnlockJob::reply(
                &opened
                    .as_ref()
                    .map(|list| list.iter().map(WireBlockRef::from).collect::<Vec<_>>()),
            )
        }
    }
}

/// Decodes `input` at `at` (the structure alone, or completed by WebCrypto) and answers the
/// window `view` selects, encoded. The blocks are kept for the next window of the same input:
/// a bundle of thousands is read once, however the page filters it.
async fn decoding(job: DecodeJob) -> Vec<u8> {
    let DecodeJob {
        id,
        input,
        at,
        complete,
        view,
        shown,
    } = job;
    let kept = match KEPT.take().filter(|k| k.id == id && k.at == at) {
        Some(kept) if kept.complete || !complete => Ok(kept),
        Some(structure) => Ok(Kept::new(
            id,
            at,
            true,
            webcrypto::complete(structure.blocks).await,
        )),
        None if input.is_empty() => Err(FORGOTTEN.to_string()),
        None => match inspect::decode_structure(&input, at) {
            Ok(structure) => {
                let blocks = match complete {
                    true => webcrypto::complete(structure).await,
                    false => structure,
                };
                Ok(Kept::new(id, at, complete, blocks))
            }
            Err(e) => Err(e.to_string()),
        },
    };
    let kept = match kept {
        Ok(kept) => kept,
        Err(e) => {
            return DecodeJob::reply(
                &Err::<WireWindow<&Overview, &Vec<Finding>, WireBlockRef>, _>(e),
            );
        }
    };
    let selected = overview::select(&kept.blocks, &view);
    let answer = DecodeJob::reply(&Ok::<_, String>(WireWindow {
        overview: &kept.overview,
        bundle: &kept.bundle,
        selected: selected.len(),
        blocks: wire_refs(
            selected
                .iter()
                .take(shown)
                .filter_map(|&i| kept.blocks.get(i)),
        ),
    }));
    KEPT.set(Some(kept));
    answer
}

/// The verdict, its signatures checked by WebCrypto, and the chain's blocks for lint.
async fn verified(
    order: verify::order::Order,
) -> Result<(Verdict, Vec<Result<Decoded, Error>>, Vec<Finding>), String> {
    let now = browser::now();
    // Untrusted, the store still names the root that would complete a path.
    let mozilla = match order.mozilla {
        true => browser::mozilla_roots().await?,
        false => browser::mozilla_roots().await.unwrap_or_default(),
    };
    let prepared = order.prepare(now, &mozilla).map_err(|e| e.to_string())?;
    // Lint judges at the verdict's time, not the clock's.
    let blocks = webcrypto::decode(order.chain.as_bytes(), prepared.options.at)
        .await
        .unwrap_or_default();
    let checks = verify::signature_checks(&prepared.bundle, &prepared.anchors, &prepared.options);
    let outcomes = webcrypto::checks(checks).await;
    let verdict = verify::verify_with(
        &prepared.bundle,
        &prepared.anchors,
        &prepared.options,
        verify::Signatures::Given(&outcomes),
    );
    let anchors: Vec<String> = prepared
        .anchors
        .iter()
        .map(|a| certbench_core::dn::rfc4514(a.tbs_certificate().subject()))
        .collect();
    let certs: Vec<_> = blocks
        .iter()
        .flatten()
        .flat_map(|d| d.certificates())
        .collect();
    let bundle = lint::bundle_with_anchors(&certs, &|issuer| anchors.iter().any(|a| a == issuer));
    Ok((verdict, blocks, bundle))
}

/// Core builds everything, WebCrypto makes the keys and signatures; then the certificate made
/// is linted.
async fn generated(order: Option<Order>, made: &[MadeCa]) -> Result<Made, String> {
    use certbench_core::generate::deferred::settle;
    use certbench_core::generate::order::whole_chain;
    let now = browser::now();
    let keys = crate::signing::WebCryptoKeys::new()?;
    let outcome = settle(&keys, browser::rng(), |engine, rng| match &order {
        None => whole_chain(engine, now, rng),
        Some(order) => order.fulfil(engine, made, now, rng),
    })
    .await
    .map_err(|e| e.to_string())?;
    let lint = match outcome.files.iter().find(|f| f.name == "cert.pem") {
        Some(cert) => webcrypto::decode(cert.text.as_bytes(), now)
            .await
            .ok()
            .and_then(|mut blocks| blocks.drain(..).next()?.ok())
            .and_then(|d| match d.report {
                Report::Certificate(c) => Some(c.lint),
                _ => None,
            }),
        None => None,
    };
    let ders = outcome.files.iter().map(File::der).collect();
    Ok(Made {
        outcome,
        ders,
        lint,
    })
}

/// Opens `locked` with `password` and decodes what it holds, public-key work by WebCrypto.
async fn unlocked(locked: &Decoded, pkcs12: bool, password: &str) -> Result<Vec<Decoded>, String> {
    let now = browser::now();
    let error = |e: Error| e.to_string();
    let structure = match pkcs12 {
        false => {
            let plain = decode::decrypt_key(locked, password).map_err(error)?;
            inspect::decode_structure(&plain, now).map_err(error)?
        }
        true => inspect::open_pkcs12(locked, password, now).map_err(error)?,
    };
    let mut opened = webcrypto::complete(structure).await;
    decode::link_keys(opened.iter_mut().flatten());
    match pkcs12 {
        false => Ok(vec![decode::decrypted_key(opened).map_err(error)?]),
        true => opened.into_iter().map(|d| d.map_err(error)).collect(),
    }
}

/// Answers one framed message: the framed answer, or nothing for a message without an id.
pub(super) async fn answer_message(message: Zeroizing<Vec<u8>>) -> Option<Zeroizing<Vec<u8>>> {
    let (id, body) = unframe(&message)?;
    let body = match postcard::from_bytes::<Job>(body) {
        Ok(job) => Zeroizing::new(answer(job).await),
        Err(_) => Zeroizing::new(Vec::new()),
    };
    Some(frame(id, &body))
}

/// The worker's entry point: answers every job until the page closes. First it fetches the
/// Mozilla root store (so the page makes no request while in use) and decodes a small sample
/// (browsers compile wasm lazily: the first paste then finds the decoder compiled).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        ANSWERING.set(true);
        let message = Zeroizing::new(Uint8Array::new(&event.data()).to_vec());
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(answer) = answer_message(message).await {
                replies
                    .post_message(&Uint8Array::from(answer.as_slice()))
                    .ok();
            }
        });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    scope.post_message(&Uint8Array::new_with_length(0)).ok();
    wasm_bindgen_futures::spawn_local(async {
        if let Ok(store) = browser::mozilla_roots().await {
            let input = webcrypto::warm_up_input(&store);
            webcrypto::warm_up(input, browser::now(), || ANSWERING.get()).await;
        }
    });
}

/// The last input decoded for the Decode tab: its blocks, complete or not, and what is said
/// of them all.
struct Kept {
    /// The page's number for the input (the bytes themselves are not kept).
    id: u64,
    at: UnixTime,
    complete: bool,
    blocks: Vec<Result<Decoded, Error>>,
    overview: Overview,
    bundle: Vec<Finding>,
}

impl Kept {
    fn new(id: u64, at: UnixTime, complete: bool, mut blocks: Vec<Result<Decoded, Error>>) -> Kept {
        // A CA's CRL of a million entries is kept (and crosses) with its first entries and
        // their count: the page lists a thousand at first and asks for the rest
        // (`Job::Revoked`), read again from the DER.
        for block in blocks.iter_mut().flatten() {
            if let Report::Crl(crl) = &mut block.report {
                crl.revoked.truncate(REVOKED_SENT);
                crl.revoked.shrink_to_fit();
            }
        }
        Kept {
            overview: overview::overview(&blocks),
            bundle: lint::input(&blocks),
            id,
            at,
            complete,
            blocks,
        }
    }
}
