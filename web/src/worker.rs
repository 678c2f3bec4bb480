//! The worker that runs certbench-core for the page. Decoding, verifying, generating and
//! opening password-protected files all happen in its own wasm module (bin `certbench-worker`),
//! with the browser's WebCrypto (which workers have too); the page's module holds the tabs,
//! the cipher tables and the report types, so it paints after a much smaller download, and no
//! decode or key generation ever blocks the page.
//!
//! Messages are `Uint8Array`s: a 4-byte little-endian request id, then the postcard encoding
//! of a [`Job`] (page to worker) or of that job's answer (worker to page; the type each job
//! answers with is written beside it). An empty message from the worker says it is ready.
//! Both modules come from the same build, so the encoding needs no versioning; an answer that
//! does not read says to reload.

use crate::browser;
use crate::webcrypto;
use certbench_core::decode::overview::{self, Overview, View};
use certbench_core::decode::{self, Decoded, Report};
use certbench_core::generate::order::{File, FormView, MadeCa, Order, Outcome};
use certbench_core::input::Encoding;
use certbench_core::inspect;
use certbench_core::lint::{self, Finding};
use certbench_core::verify::{self, Verdict};
use certbench_core::{Error, UnixTime};
use js_sys::{Function, Promise, Uint8Array};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};
use zeroize::Zeroizing;

/// The worker's loader (web/worker-loader.js, copied beside index.html), when index.html does
/// not name it with its build's version (`<meta name="certbench-worker">`, scripts/csp.mjs).
const LOADER: &str = "./worker-loader.js";

/// The loader's URL for this build: the worker's files keep fixed names, so the version in the
/// query keeps a cached worker of another build from answering this page.
fn loader() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=certbench-worker]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| LOADER.into())
}

/// An answer that does not read: the page and the worker come from different builds.
const UNEXPECTED: &str = "unexpected answer from the worker; reload the page";

/// Work for the worker.
#[derive(Serialize, Deserialize)]
enum Job {
    /// Answers `Result<WireWindow, String>`: the overview of `input`'s blocks with validity
    /// at `at`, their bundle lint, and the first `shown` blocks that `view` selects; with
    /// `complete`, signatures checked and keys derived by WebCrypto too. The decoded blocks
    /// stay in the worker for the next window of the same input.
    Decode {
        /// The page's number for this input; an empty `input` means "the input of this
        /// number, which you kept" (answered [`FORGOTTEN`] if the worker no longer has it).
        id: u64,
        #[serde(with = "as_bytes")]
        input: Vec<u8>,
        at: UnixTime,
        complete: bool,
        view: View,
        shown: usize,
    },
    /// Answers `Result<String, String>`: the shared-link value of PEM text.
    ShareEncode(String),
    /// Answers `Result<String, String>`: the PEM text of a shared-link value.
    ShareDecode(String),
    /// Answers `Result<String, String>`: the certificates of a dropped file, as PEM.
    CertificatesAsPem(#[serde(with = "as_bytes")] Vec<u8>),
    /// Answers `Result<(Verdict, WireBlocks, Vec<Finding>), String>`: a Verify form's verdict,
    /// its chain's blocks and their bundle lint.
    Verify(verify::order::Order),
    /// Answers `Result<Made, String>`: a Generate order (the whole mTLS chain for `None`).
    Generate {
        order: Option<Order>,
        made: Vec<MadeCa>,
    },
    /// Answers [`FormView`]: what the Generate form will make, before any key is made.
    Form(Order),
    /// Answers `Vec<RevokedEntry>`: every entry of the CRL whose DER this is.
    Revoked(#[serde(with = "as_bytes")] Vec<u8>),
    /// Answers `Result<Vec<WireBlock>, String>`: an encrypted key or a PKCS#12 file opened.
    Unlock {
        locked: Locked,
        pkcs12: bool,
        password: String,
    },
}

/// What opening a locked block needs of it: where it was, its DER, and an encrypted key's
/// report (its format and legacy DEK-Info). Not the whole block: the page need not write, nor
/// the worker read, every kind of report for this.
#[derive(Serialize, Deserialize)]
struct Locked {
    block: usize,
    item: Option<usize>,
    label: Option<String>,
    line: Option<usize>,
    encoding: Encoding,
    #[serde(with = "as_bytes")]
    der: Vec<u8>,
    key: Option<decode::PrivateKeyReport>,
}

impl From<&Decoded> for Locked {
    fn from(d: &Decoded) -> Locked {
        Locked {
            block: d.block,
            item: d.item,
            label: d.label.clone(),
            line: d.line,
            encoding: d.encoding,
            der: d.der.clone(),
            key: match &d.report {
                Report::PrivateKey(key) => Some(key.clone()),
                _ => None,
            },
        }
    }
}

impl From<Locked> for Decoded {
    fn from(l: Locked) -> Decoded {
        Decoded {
            block: l.block,
            item: l.item,
            label: l.label,
            line: l.line,
            encoding: l.encoding,
            report: match l.key {
                Some(key) => Report::PrivateKey(key),
                None => Report::Pkcs12(decode::container::Pkcs12Report {
                    mac: None,
                    note: String::new(),
                    legacy_ciphers: false,
                }),
            },
            der: l.der,
        }
    }
}

/// Decoded blocks as the page has them: each block (shared by the cards that show it), or
/// why it could not be read.
pub type PageBlocks = Vec<Result<Rc<Decoded>, String>>;

/// What Decode shows of an input: the whole at a glance, what its certificates say together,
/// and the window of blocks its view selects.
#[derive(Clone, PartialEq)]
pub struct Window {
    pub overview: Overview,
    pub bundle: Vec<Finding>,
    /// How many blocks the view selects; `blocks` holds the first of them.
    pub selected: usize,
    pub blocks: PageBlocks,
}

pub type Decoding = Result<Window, String>;

/// [`Window`] as it crosses to the page: sent borrowed (`&Overview`, `&Vec<Finding>`,
/// [`WireBlockRef`]), read owned ([`Overview`], `Vec<Finding>`, [`WireBlock`]).
#[derive(Serialize, Deserialize)]
struct WireWindow<O, F, B> {
    overview: O,
    bundle: F,
    selected: usize,
    blocks: Vec<Result<B, String>>,
}

/// What Verify shows: the verdict, the chain's blocks and their lint together.
pub type Verified = Result<(Verdict, PageBlocks, Vec<Finding>), String>;

/// A block as the page reads it (the worker writes it as [`WireBlockRef`]). [`Decoded`]'s
/// serde form is the CLI's JSON (the report flattened into the block and tagged by a `kind`
/// key, the DER left out), which a binary format cannot read back; this carries every field,
/// the report tagged from outside.
#[derive(Deserialize)]
struct WireBlock {
    block: usize,
    item: Option<usize>,
    label: Option<String>,
    line: Option<usize>,
    encoding: Encoding,
    report: WireReport,
    #[serde(with = "as_bytes")]
    der: Vec<u8>,
}

/// A block's DER as one byte string, copied at once, instead of serde's default sequence of
/// numbers read one by one: a CA's CRL is 40 MB. The same bytes on the wire either way.
mod as_bytes {
    pub(crate) fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
        }
        d.deserialize_byte_buf(Bytes)
    }
}

/// [`Report`], variant for variant, with serde's default (outside) tagging.
macro_rules! wire_report {
    ($($variant:ident($inner:ty)),+ $(,)?) => {
        #[derive(Deserialize)]
        enum WireReport {
            $($variant($inner)),+
        }

        impl From<WireReport> for Report {
            fn from(report: WireReport) -> Report {
                match report {
                    $(WireReport::$variant(inner) => Report::$variant(inner)),+
                }
            }
        }

        /// [`WireReport`] borrowed: what the worker sends, written as [`WireReport`] reads.
        #[derive(Serialize)]
        enum WireReportRef<'a> {
            $($variant(&'a $inner)),+
        }

        impl<'a> From<&'a Report> for WireReportRef<'a> {
            fn from(report: &'a Report) -> WireReportRef<'a> {
                match report {
                    $(Report::$variant(inner) => WireReportRef::$variant(inner)),+
                }
            }
        }
    };
}

/// [`WireBlock`] borrowed from a [`Decoded`]: the worker sends blocks it keeps without copying
/// them first. Serialized exactly as [`WireBlock`] is, field for field.
#[derive(Serialize)]
struct WireBlockRef<'a> {
    block: usize,
    item: Option<usize>,
    label: &'a Option<String>,
    line: Option<usize>,
    encoding: Encoding,
    report: WireReportRef<'a>,
    #[serde(serialize_with = "as_bytes::serialize")]
    der: &'a [u8],
}

impl<'a> From<&'a Decoded> for WireBlockRef<'a> {
    fn from(d: &'a Decoded) -> WireBlockRef<'a> {
        WireBlockRef {
            block: d.block,
            item: d.item,
            label: &d.label,
            line: d.line,
            encoding: d.encoding,
            report: (&d.report).into(),
            der: &d.der,
        }
    }
}

/// How many revoked entries of a CRL cross to the page with its report.
const REVOKED_SENT: usize = 1000;

/// Blocks as the worker sends them: an error goes as its message.
fn wire_refs<'a>(
    blocks: impl IntoIterator<Item = &'a Result<Decoded, Error>>,
) -> Vec<Result<WireBlockRef<'a>, String>> {
    blocks
        .into_iter()
        .map(|b| b.as_ref().map(WireBlockRef::from).map_err(Error::to_string))
        .collect()
}

wire_report!(
    Certificate(Box<decode::CertificateReport>),
    Csr(decode::CsrReport),
    PrivateKey(decode::PrivateKeyReport),
    PublicKey(decode::PublicKeyReport),
    Crl(decode::CrlReport),
    Pkcs7(decode::container::Pkcs7Report),
    Pkcs12(decode::container::Pkcs12Report),
    Parameters(decode::key::ParametersReport),
);

impl From<WireBlock> for Decoded {
    fn from(w: WireBlock) -> Decoded {
        Decoded {
            block: w.block,
            item: w.item,
            label: w.label,
            line: w.line,
            encoding: w.encoding,
            report: w.report.into(),
            der: w.der,
        }
    }
}

/// Blocks as they cross to the page: an error goes as its message.
type WireBlocks = Vec<Result<WireBlock, String>>;

fn from_wire(blocks: WireBlocks) -> PageBlocks {
    blocks
        .into_iter()
        .map(|b| b.map(|block| Rc::new(block.into())))
        .collect()
}

/// Every revoked entry of the CRL `der` (the page has its first thousand).
pub async fn revoked(der: Vec<u8>) -> Result<Vec<decode::RevokedEntry>, String> {
    call(&Job::Revoked(der)).await
}

/// What Generate made: the files (each PEM file's DER beside it, when it is one block) and the
/// lint findings of the certificate made (`None` when there is no cert.pem).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Made {
    pub outcome: Outcome,
    pub ders: Vec<Option<File>>,
    pub lint: Option<Vec<Finding>>,
}

/// Runs `job` and encodes its answer.
async fn answer(job: Job) -> Vec<u8> {
    let message = |e: Error| e.to_string();
    match job {
        Job::Decode {
            id,
            input,
            at,
            complete,
            view,
            shown,
        } => decoding(id, input, at, complete, &view, shown).await,
        Job::Verify(order) => encode(
            &verified(order)
                .await
                .as_ref()
                .map(|(verdict, blocks, bundle)| (verdict, wire_refs(blocks), bundle)),
        ),
        Job::ShareEncode(text) => encode(&certbench_core::share::encode(&text).map_err(message)),
        Job::ShareDecode(value) => encode(&certbench_core::share::decode(&value).map_err(message)),
        Job::CertificatesAsPem(bytes) => {
            encode(&decode::certificates_as_pem(&bytes).map_err(message))
        }
        Job::Generate { order, made } => encode(&generated(order, &made).await),
        Job::Form(order) => encode(&order.view(browser::now())),
        Job::Revoked(der) => encode(&decode::revoked_entries(&der)),
        Job::Unlock {
            locked,
            pkcs12,
            password,
        } => {
            let opened = unlocked(&locked.into(), pkcs12, &Zeroizing::new(password)).await;
            encode(
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
async fn decoding(
    id: u64,
    input: Vec<u8>,
    at: UnixTime,
    complete: bool,
    view: &View,
    shown: usize,
) -> Vec<u8> {
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
        Err(e) => return encode(&Err::<(), _>(e)),
    };
    let selected = overview::select(&kept.blocks, view);
    let answer = encode(&Ok::<_, String>(WireWindow {
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

/// A job's answer, encoded for the page.
fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Every answer type serializes; an empty answer reads as unexpected on the page.
    postcard::to_allocvec(value).unwrap_or_default()
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
    let prepared = order.prepare(now, &mozilla)?;
    // Lint judges at the verdict's time, not the clock's.
    let blocks = webcrypto::decode(order.chain.as_bytes(), prepared.options.at)
        .await
        .unwrap_or_default();
    let checks = verify::signature_checks(&prepared.bundle, &prepared.anchors);
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
    .await?;
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
async fn answer_message(message: Zeroizing<Vec<u8>>) -> Option<Zeroizing<Vec<u8>>> {
    let (id, body) = unframe(&message)?;
    let body = match postcard::from_bytes::<Job>(body) {
        Ok(job) => Zeroizing::new(answer(job).await),
        Err(_) => Zeroizing::new(Vec::new()),
    };
    Some(frame(id, &body))
}

fn frame(id: u32, body: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(4 + body.len()));
    bytes.extend_from_slice(&id.to_le_bytes());
    bytes.extend_from_slice(body);
    bytes
}

fn unframe(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (id, body) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*id), body))
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
        browser::mozilla_roots().await.ok();
        webcrypto::warm_up(browser::now(), || ANSWERING.get()).await;
    });
}

type Answering = Pin<Box<dyn Future<Output = Option<Zeroizing<Vec<u8>>>>>>;

/// Answers a framed job in the page (see [`answer_in_page`]).
type InPage = fn(Zeroizing<Vec<u8>>) -> Answering;

/// The page's side: the worker, jobs waiting for it to start, and promises waiting for answers.
struct Client {
    worker: Worker,
    /// Which worker this is: messages from one stopped by [`abandon_unlocks`] are ignored.
    generation: u32,
    ready: bool,
    queued: Vec<Uint8Array>,
    pending: HashMap<u32, Pending>,
}

/// A job the worker has not answered yet.
struct Pending {
    resolve: Function,
    reject: Function,
    /// The framed job, to hand to a fresh worker if this one is stopped; `None` for an unlock
    /// (never handed on: it is what gets stopped, and it carries a password).
    message: Option<Uint8Array>,
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

thread_local! {
    /// In the worker: the input [`decoding`] answered last, for its next window.
    static KEPT: Cell<Option<Kept>> = const { Cell::new(None) };
    /// In the worker: a job has come, so the warm-up has nothing left to prepare for.
    static ANSWERING: Cell<bool> = const { Cell::new(false) };
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// Set by [`answer_in_page`]: jobs answered here instead of by a worker.
    static IN_PAGE: Cell<Option<InPage>> = const { Cell::new(None) };
}

/// Answers jobs in this module instead of a worker: for wasm-bindgen tests, whose runner
/// serves no worker. The app never calls it, so its module does not carry core's work.
pub fn answer_in_page() {
    IN_PAGE.set(Some(|message| Box::pin(answer_message(message))));
}

/// Starts the worker if it is not running. The app calls this right after first paint.
pub fn start() {
    if IN_PAGE.get().is_some() {
        return;
    }
    CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        if client.is_none() {
            // On failure `call` says the worker could not start.
            *client = spawn().ok();
        }
    });
}

fn spawn() -> Result<Client, String> {
    let worker =
        Worker::new(&loader()).map_err(|e| format!("the worker could not start: {e:?}"))?;
    let generation = GENERATION.get().wrapping_add(1);
    GENERATION.set(generation);
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Uint8Array::new(&event.data());
        match message.length() {
            0 => ready(generation),
            _ => resolve(generation, &message),
        }
    });
    // A worker that fails to load or traps takes its pending jobs with it: say so; the next
    // job starts a fresh one.
    let onerror = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
        let message = format!("the worker stopped: {}; try again", event.message());
        if let Some(old) = take_client(|c| c.generation == generation) {
            old.worker.terminate();
            for pending in old.pending.into_values() {
                pending
                    .reject
                    .call1(&JsValue::NULL, &message.as_str().into())
                    .ok();
            }
        }
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onmessage.forget();
    onerror.forget();
    Ok(Client {
        worker,
        generation,
        ready: false,
        queued: Vec::new(),
        pending: HashMap::new(),
    })
}

/// The running client, taken out, when `which` says it is the one.
fn take_client(which: impl FnOnce(&Client) -> bool) -> Option<Client> {
    CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        client.as_ref().is_some_and(which).then(|| client.take())?
    })
}

fn ready(generation: u32) {
    CLIENT.with(|client| {
        if let Some(client) = client.borrow_mut().as_mut()
            && client.generation == generation
        {
            client.ready = true;
            for message in client.queued.drain(..) {
                client.worker.post_message(&message).ok();
            }
        }
    });
}

fn resolve(generation: u32, message: &Uint8Array) {
    let Ok(id) = <[u8; 4]>::try_from(message.subarray(0, 4).to_vec()) else {
        return;
    };
    let waiting = CLIENT.with(|client| {
        client
            .borrow_mut()
            .as_mut()
            .filter(|c| c.generation == generation)
            .and_then(|c| c.pending.remove(&u32::from_le_bytes(id)))
    });
    if let Some(pending) = waiting {
        pending.resolve.call1(&JsValue::NULL, message).ok();
    }
}

/// Stops the worker while it opens a password-protected file (the user said stop, or the
/// file's card is gone): a file may ask for millions of key-derivation iterations, seconds of
/// work that would hold every later job. Its unlock jobs fail; its other jobs go to a fresh
/// worker.
pub fn abandon_unlocks() {
    let Some(old) = take_client(|c| c.pending.values().any(|p| p.message.is_none())) else {
        return;
    };
    old.worker.terminate();
    let mut fresh = spawn();
    for (id, pending) in old.pending {
        match (&mut fresh, pending.message.clone()) {
            (Ok(fresh), Some(message)) => {
                fresh.queued.push(message);
                fresh.pending.insert(id, pending);
            }
            (Err(e), Some(_)) => {
                pending
                    .reject
                    .call1(&JsValue::NULL, &e.as_str().into())
                    .ok();
            }
            (_, None) => {
                let stopped = "stopped before the password was checked";
                pending.reject.call1(&JsValue::NULL, &stopped.into()).ok();
            }
        }
    }
    CLIENT.with(|client| *client.borrow_mut() = fresh.ok());
}

/// Posts `message` to the worker and waits for its framed answer; `unlock` marks a job
/// [`abandon_unlocks`] may stop.
async fn post(
    message: Zeroizing<Vec<u8>>,
    id: u32,
    unlock: bool,
) -> Result<Zeroizing<Vec<u8>>, String> {
    if let Some(in_page) = IN_PAGE.get() {
        return in_page(message).await.ok_or_else(|| UNEXPECTED.into());
    }
    start();
    let promise = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let client = client
            .as_mut()
            .ok_or("the worker could not start; reload the page")?;
        let mut callbacks = None;
        let promise = Promise::new(&mut |resolve, reject| callbacks = Some((resolve, reject)));
        let message = Uint8Array::from(message.as_slice());
        if let Some((resolve, reject)) = callbacks {
            let pending = Pending {
                resolve,
                reject,
                message: (!unlock).then(|| message.clone()),
            };
            client.pending.insert(id, pending);
        }
        if client.ready {
            client.worker.post_message(&message).ok();
        } else {
            client.queued.push(message);
        }
        Ok::<_, String>(promise)
    })?;
    let answer = JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    Ok(Zeroizing::new(Uint8Array::new(&answer).to_vec()))
}

/// Hands `job` to the worker and reads its answer as `T`, the type the job answers with.
async fn call<T: DeserializeOwned>(job: &Job) -> Result<T, String> {
    let id = NEXT_ID.get();
    NEXT_ID.set(id.wrapping_add(1));
    let body = Zeroizing::new(postcard::to_allocvec(job).map_err(|e| e.to_string())?);
    let unlock = matches!(job, Job::Unlock { .. });
    let answer = post(frame(id, &body), id, unlock).await?;
    let (_, body) = unframe(&answer).ok_or(UNEXPECTED)?;
    postcard::from_bytes(body).map_err(|_| UNEXPECTED.into())
}

/// An input the Decode tab shows: its bytes (shared, never copied by the page), the page's
/// number for it, and whether the worker was sent it.
#[derive(Debug)]
pub struct Input {
    pub id: u64,
    pub bytes: Rc<[u8]>,
    sent: Cell<bool>,
}

impl Input {
    /// A new input, with a number no other input of this page has.
    pub fn new(bytes: Rc<[u8]>) -> Input {
        thread_local!(static NEXT: Cell<u64> = const { Cell::new(0) });
        let id = NEXT.get();
        NEXT.set(id + 1);
        Input {
            id,
            bytes,
            sent: Cell::new(false),
        }
    }
}

/// The worker's answer to a job that names an input it no longer has.
const FORGOTTEN: &str = "the worker no longer has this input";

/// Decodes `input` with validity at `at`; `complete` adds WebCrypto's signature checks.
pub async fn decode(
    input: &Input,
    at: UnixTime,
    complete: bool,
    view: View,
    shown: usize,
) -> Decoding {
    type Answer = Result<WireWindow<Overview, Vec<Finding>, WireBlock>, String>;
    // An input the worker was sent already is named, not sent again: megabytes copied and
    // posted on the page's thread at every window. If the worker forgot it (a fresh worker,
    // or another input since), it is sent.
    let mut job = Job::Decode {
        id: input.id,
        input: Vec::new(),
        at,
        complete,
        view,
        shown,
    };
    let named = input.sent.replace(true);
    let mut answer = Err(FORGOTTEN.to_string());
    if named {
        answer = call::<Answer>(&job).await?;
    }
    if answer.as_ref().is_err_and(|e| e == FORGOTTEN) {
        if let Job::Decode { input: bytes, .. } = &mut job {
            *bytes = input.bytes.to_vec();
        }
        answer = call::<Answer>(&job).await?;
    }
    let w = answer?;
    Ok(Window {
        overview: w.overview,
        bundle: w.bundle,
        selected: w.selected,
        blocks: from_wire(w.blocks),
    })
}

/// The shared-link value of `text` (certificates, CSRs, CRLs; never keys).
pub async fn share_encode(text: String) -> Result<String, String> {
    call::<Result<String, String>>(&Job::ShareEncode(text)).await?
}

/// The PEM text a shared-link value stands for.
pub async fn share_decode(value: String) -> Result<String, String> {
    call::<Result<String, String>>(&Job::ShareDecode(value)).await?
}

/// The certificates of a dropped file (PEM or DER), as PEM.
pub async fn certificates_as_pem(bytes: Vec<u8>) -> Result<String, String> {
    call::<Result<String, String>>(&Job::CertificatesAsPem(bytes)).await?
}

/// Verifies a Verify form's chain.
pub async fn verify(order: verify::order::Order) -> Verified {
    let job = Job::Verify(order);
    let (verdict, blocks, bundle) =
        call::<Result<(Verdict, WireBlocks, Vec<Finding>), String>>(&job).await??;
    Ok((verdict, from_wire(blocks), bundle))
}

/// Fulfils a Generate order (the whole mTLS chain for `None`).
pub async fn generate(order: Option<Order>, made: Vec<MadeCa>) -> Result<Made, String> {
    call::<Result<Made, String>>(&Job::Generate { order, made }).await?
}

/// What the Generate form will make and what its pasted CSR asks for.
pub async fn form(order: Order) -> Result<FormView, String> {
    call(&Job::Form(order)).await
}

/// Opens an encrypted key (`pkcs12` false) or a PKCS#12 file with `password`.
pub async fn unlock(
    locked: &Decoded,
    pkcs12: bool,
    password: String,
) -> Result<Vec<Rc<Decoded>>, String> {
    let job = Job::Unlock {
        locked: locked.into(),
        pkcs12,
        password,
    };
    let opened = call::<Result<Vec<WireBlock>, String>>(&job).await??;
    Ok(opened
        .into_iter()
        .map(|block| Rc::new(block.into()))
        .collect())
}
