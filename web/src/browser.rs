//! The few browser services the app needs: the clock, the CSPRNG, files, downloads and the
//! clipboard.

use certbench_core::UnixTime;
use wasm_bindgen::{JsCast, JsValue};

/// Now, from the browser's clock (std's clock traps on wasm32-unknown-unknown).
pub fn now() -> UnixTime {
    UnixTime((js_sys::Date::now() / 1000.0) as i64)
}

/// The browser's CSPRNG (`crypto.getRandomValues`), as a `rand_core` RNG for core.
pub fn rng() -> getrandom::rand_core::UnwrapErr<getrandom::SysRng> {
    getrandom::rand_core::UnwrapErr(getrandom::SysRng)
}

/// Saves `contents` as a file named `name`, through a `blob:` URL: nothing leaves the page.
pub fn download(name: &str, mime: &str, contents: &[u8]) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let bytes = js_sys::Uint8Array::from(contents);
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}

/// Copies `text` to the clipboard (asynchronously; failures are ignored: the text stays visible).
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let written = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(written)
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow it (copy by hand: select the text)".to_string())
}

/// Resolves in a later task of the event loop (a zero-delay timer): work after it does not
/// lengthen the task that is running, so the page can paint in between.
pub async fn next_task() {
    let timer = js_sys::Reflect::get(&js_sys::global(), &"setTimeout".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(timer) = timer else { return };
    let waited = js_sys::Promise::new(&mut |resolve, _| {
        timer.call2(&JsValue::NULL, &resolve, &0.into()).ok();
    });
    wasm_bindgen_futures::JsFuture::from(waited).await.ok();
}

/// Brings the element `id` into view and gives it the focus (it has `tabindex="-1"`): a
/// result that appears below the fold is where the eye and a screen reader go next.
pub fn reveal(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    element.scroll_into_view_with_bool(true);
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        element.focus().ok();
    }
}

/// Takes the state a shared link put in the address bar off it when the page no longer shows
/// that state (`#/verify/chain=…` becomes `#/verify`): a reload must not bring back what the
/// user cleared or changed.
pub fn forget_link(tab: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let plain = format!("#/{tab}");
    let hash = window.location().hash().unwrap_or_default();
    if hash != plain
        && hash.starts_with(&plain)
        && let Ok(history) = window.history()
    {
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&plain))
            .ok();
    }
}

/// Replaces the page with an explanation of a crash.
pub fn show_crash(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let panel = document.create_element("div");
    if let Ok(panel) = panel {
        panel.set_id("crash");
        panel.set_attribute("role", "alert").ok();
        panel.set_text_content(Some(&format!(
            "Something went wrong — nothing was sent anywhere. Reload the page to continue. Details: {message}"
        )));
        body.set_inner_html("");
        body.append_child(&panel).ok();
    }
}

/// Whether a service worker serves this page: the user asked for the offline copy before.
pub fn offline_copy_active() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
}

/// Keeps an offline copy of the app, at the user's request: registers the service worker
/// (`sw.js`, which caches the app's own files and nothing the user pastes) and links the web
/// app manifest so the browser can install it. Resolves once the copy is ready.
pub async fn keep_offline_copy() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let fail = |e: JsValue| format!("the offline copy could not be kept: {e:?}");
    let workers = window.navigator().service_worker();
    wasm_bindgen_futures::JsFuture::from(workers.register("./sw.js"))
        .await
        .map_err(fail)?;
    wasm_bindgen_futures::JsFuture::from(workers.ready().map_err(fail)?)
        .await
        .map_err(fail)?;
    let document = window.document().ok_or("no document")?;
    if document
        .query_selector("link[rel=manifest]")
        .ok()
        .flatten()
        .is_none()
    {
        let link = document.create_element("link").map_err(fail)?;
        link.set_attribute("rel", "manifest").map_err(fail)?;
        link.set_attribute("href", "./manifest.webmanifest")
            .map_err(fail)?;
        if let Some(head) = document.head() {
            head.append_child(&link).map_err(fail)?;
        }
    }
    Ok(())
}

/// The part of the URL fragment after `#/{tab}/`, if the fragment is for that tab.
pub fn fragment_for(tab: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let rest = hash
        .strip_prefix('#')?
        .trim_start_matches('/')
        .strip_prefix(tab)?
        .strip_prefix('/')?;
    (!rest.is_empty()).then(|| rest.to_string())
}

/// `key=value&…` pairs of a fragment, URI-decoded.
pub fn fragment_params(rest: &str) -> Vec<(String, String)> {
    rest.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| {
            (
                k.to_string(),
                js_sys::decode_uri_component(v)
                    .map(String::from)
                    .unwrap_or_default(),
            )
        })
        .collect()
}

/// Puts `#/{path}` in the address bar (without a history entry) and copies the full link.
/// Returns the link and whether it was copied, or why it could not be made.
pub async fn share_link(path: &str) -> Result<Shared, String> {
    let window = web_sys::window().ok_or("no window")?;
    let location = window.location();
    let base = location.href().map_err(|_| "no address")?;
    let base = base.split('#').next().unwrap_or_default().to_string();
    let link = format!("{base}#/{path}");
    window
        .history()
        .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#/{path}"))))
        .map_err(|_| "the address bar could not be updated")?;
    let copied = copy(&link).await;
    Ok(Shared { link, copied })
}

/// A link made for sharing: it is in the address bar; `copied` says whether the clipboard
/// has it too.
#[derive(Clone, PartialEq)]
pub struct Shared {
    pub link: String,
    pub copied: Result<(), String>,
}

impl Shared {
    /// What to tell the user: copied, or where to find the link instead.
    pub fn said(&self, holds: &str) -> String {
        match &self.copied {
            Ok(()) => format!("Link copied ({} characters). {holds}", self.link.len()),
            Err(why) => {
                format!("The link is in the address bar; copy it from there ({why}). {holds}")
            }
        }
    }
}

thread_local! {
    static MOZILLA_ROOTS: std::cell::RefCell<Option<std::rc::Rc<[u8]>>> =
        const { std::cell::RefCell::new(None) };
}

/// The Mozilla root store's DER ([`certbench_core::verify::MOZILLA_ROOTS_FILE`], served beside
/// the wasm), fetched once. The worker asks for it as it starts, right after first paint, so
/// the page makes no request while in use; core checks the bytes before trusting them.
pub async fn mozilla_roots() -> Result<std::rc::Rc<[u8]>, String> {
    if let Some(loaded) = MOZILLA_ROOTS.with(|store| store.borrow().clone()) {
        return Ok(loaded);
    }
    let fail = |e: JsValue| format!("the Mozilla root store could not be loaded: {e:?}");
    // `fetch` of whichever global this runs in: the worker's (see worker.rs) or a window's.
    let fetch: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"fetch".into())
        .map_err(fail)?
        .dyn_into()
        .map_err(fail)?;
    let started = fetch
        .call1(
            &js_sys::global(),
            &certbench_core::verify::MOZILLA_ROOTS_FILE.into(),
        )
        .map_err(fail)?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(started))
            .await
            .map_err(fail)?
            .unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the Mozilla root store could not be loaded: HTTP {}",
            response.status()
        ));
    }
    let body = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(fail)?;
    let loaded: std::rc::Rc<[u8]> = js_sys::Uint8Array::new(&body).to_vec().into();
    MOZILLA_ROOTS.with(|store| *store.borrow_mut() = Some(loaded.clone()));
    Ok(loaded)
}

/// One file the user dropped or picked, with its bytes.
#[derive(Clone, PartialEq)]
pub struct LoadedFile {
    pub name: String,
    /// Shared: a file of megabytes is copied once, when read.
    pub bytes: std::rc::Rc<[u8]>,
}

/// Reads every file of a FileList, then hands them over together.
pub fn read_files(files: web_sys::FileList, done: yew::Callback<Vec<LoadedFile>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut loaded = Vec::new();
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            if let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                loaded.push(LoadedFile {
                    name: file.name(),
                    bytes: js_sys::Uint8Array::new(&buffer).to_vec().into(),
                });
            }
        }
        done.emit(loaded);
    });
}
