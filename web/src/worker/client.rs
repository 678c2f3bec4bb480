//! The page's side: starting the worker, handing it jobs and waiting for their answers, and
//! the functions the tabs call.

use super::protocol::*;
use certbench_core::UnixTime;
use certbench_core::decode::overview::{Overview, View};
use certbench_core::decode::{self, Decoded};
use certbench_core::generate::order::{FormView, MadeCa, Order};
use certbench_core::lint::Finding;
use certbench_core::verify::{self, Verdict};
use js_sys::{Function, Promise, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};
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

/// What Verify shows: the verdict, the chain's blocks and their lint together.
pub type Verified = Result<(Verdict, PageBlocks, Vec<Finding>), String>;

fn from_wire(blocks: WireBlocks) -> PageBlocks {
    blocks
        .into_iter()
        .map(|b| b.and_then(Decoded::try_from).map(Rc::new))
        .collect()
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

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// Set by [`answer_in_page`]: jobs answered here instead of by a worker.
    static IN_PAGE: Cell<Option<InPage>> = const { Cell::new(None) };
}

/// Answers jobs in this module instead of a worker: for wasm-bindgen tests, whose runner
/// serves no worker. The app never calls it, so its module does not carry core's work.
pub fn answer_in_page() {
    IN_PAGE.set(Some(|message| {
        Box::pin(super::serve::answer_message(message))
    }));
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

/// Hands `request` to the worker and reads its answer as the type the request answers with.
async fn call<R: Request>(request: R) -> Result<R::Answer, String> {
    let id = NEXT_ID.get();
    NEXT_ID.set(id.wrapping_add(1));
    let job: Job = request.into();
    let body = Zeroizing::new(postcard::to_allocvec(&job).map_err(|e| e.to_string())?);
    let unlock = matches!(job, Job::Unlock(_));
    let answer = post(frame(id, &body), id, unlock).await?;
    let (_, body) = unframe(&answer).ok_or(UNEXPECTED)?;
    postcard::from_bytes(body).map_err(|_| UNEXPECTED.into())
}

/// The ASN.1 view of a block: its field offsets, and its tree when `tree`.
pub async fn asn1(
    der: Vec<u8>,
    shape: Option<certbench_core::asn1::Shape>,
    tree: bool,
) -> Result<certbench_core::asn1::View, String> {
    call(Asn1Job { der, shape, tree }).await
}

/// Every revoked entry of the CRL `der` (the page has its first thousand).
pub async fn revoked(der: Vec<u8>) -> Result<Vec<decode::RevokedEntry>, String> {
    call(RevokedJob(der)).await
}

/// The OCSP request for the certificate of `block` of the input decoded last, and its DER.
pub async fn ocsp_request(
    block: usize,
) -> Result<(certbench_core::generate::OcspRequestMade, Vec<u8>), String> {
    call(OcspRequestJob(block))
        .await?
        .map(|(made, der)| (made, der.0))
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

/// Decodes `input` with validity at `at`; `complete` adds WebCrypto's signature checks.
pub async fn decode(
    input: &Input,
    at: UnixTime,
    complete: bool,
    view: View,
    shown: usize,
) -> Decoding {
    // An input the worker was sent already is named, not sent again: megabytes copied and
    // posted on the page's thread at every window. If the worker forgot it (a fresh worker,
    // or another input since), it is sent.
    let job = |bytes: Vec<u8>| DecodeJob {
        id: input.id,
        input: bytes,
        at,
        complete,
        view: view.clone(),
        shown,
    };
    let named = input.sent.replace(true);
    let mut answer = Err(FORGOTTEN.to_string());
    if named {
        answer = call(job(Vec::new())).await?;
    }
    if answer.as_ref().is_err_and(|e| e == FORGOTTEN) {
        answer = call(job(input.bytes.to_vec())).await?;
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
    call(ShareEncode(text)).await?
}

/// The PEM text a shared-link value stands for.
pub async fn share_decode(value: String) -> Result<String, String> {
    call(ShareDecode(value)).await?
}

/// The certificates of a dropped file (PEM or DER), as PEM.
pub async fn certificates_as_pem(bytes: Vec<u8>) -> Result<String, String> {
    call(CertificatesAsPem(bytes)).await?
}

/// Verifies a Verify form's chain.
pub async fn verify(order: verify::order::Order) -> Verified {
    let (verdict, blocks, bundle) = call(VerifyJob(order)).await??;
    Ok((verdict, from_wire(blocks), bundle))
}

/// Fulfils a Generate order (the whole mTLS chain for `None`).
pub async fn generate(order: Option<Order>, made: Vec<MadeCa>) -> Result<Made, String> {
    call(GenerateJob { order, made }).await?
}

/// What the Generate form will make and what its pasted CSR asks for.
pub async fn form(order: Order) -> Result<FormView, String> {
    call(FormJob(order)).await
}

/// Opens an encrypted key (`pkcs12` false) or a PKCS#12 file with `password`.
pub async fn unlock(
    locked: &Decoded,
    pkcs12: bool,
    password: String,
) -> Result<Vec<Rc<Decoded>>, String> {
    let job = UnlockJob {
        locked: locked.into(),
        pkcs12,
        password,
    };
    let opened = call(job).await??;
    Ok(opened
        .into_iter()
        .filter_map(|block| Decoded::try_from(block).ok().map(Rc::new))
        .collect())
}
