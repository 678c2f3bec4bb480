//! Decode tab: paste anything, or drop or pick files (PEM, DER, base64, any number), and see
//! every block.

use super::report::BlockCard;
use super::{ErrorBox, event_value};
use crate::browser;
use crate::browser::{LoadedFile, read_files};
use crate::worker::{self, Decoding};
use certbench_core::UnixTime;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

#[component]
pub fn DecodeTab() -> Html {
    // A shared link (#/decode/<base64url DER>[&at=<time>]) opens with its certificates pasted
    // in, and the time it checked validity at.
    let shared = use_memo((), |_| {
        let rest = browser::fragment_for("decode").unwrap_or_default();
        let (value, params) = rest.split_once('&').unwrap_or((&rest, ""));
        let at = browser::fragment_params(params)
            .into_iter()
            .find(|(key, _)| key == "at")
            .map(|(_, at)| at)
            .unwrap_or_default();
        (value.to_string(), at)
    });
    let input = use_state(String::new);
    // Validity is shown against this time (datetime-local, UTC); empty means the clock's now.
    let at = use_state(|| shared.1.clone());
    {
        let input = input.clone();
        use_effect_with(shared, move |shared| {
            let value = shared.0.clone();
            if !value.is_empty() {
                spawn_local(async move {
                    input.set(worker::share_decode(value).await.unwrap_or_default());
                });
            }
        });
    }
    let link = use_state(|| None::<Result<browser::Shared, String>>);
    let copy_link = {
        let (input, at, link) = (input.clone(), at.clone(), link.clone());
        Callback::from(move |_| {
            let when = match at.trim() {
                "" => String::new(),
                at => format!("&at={}", String::from(js_sys::encode_uri_component(at))),
            };
            let (input, link) = ((*input).clone(), link.clone());
            spawn_local(async move {
                let made = match worker::share_encode(input).await {
                    Ok(v) => browser::share_link(&format!("decode/{v}{when}")).await,
                    Err(e) => Err(e),
                };
                link.set(Some(made));
            });
        })
    };
    let files = use_state(Vec::<LoadedFile>::new);
    // Whatever changes what the page shows: a link made before no longer says it.
    let forget = {
        let link = link.clone();
        move || {
            if link.is_some() {
                link.set(None);
            }
            browser::forget_link("decode");
        }
    };
    let on_at = {
        let (at, forget) = (at.clone(), forget.clone());
        Callback::from(move |e: InputEvent| {
            forget();
            at.set(event_value(&e))
        })
    };
    let when = UnixTime::from_form(&at, browser::now());
    // Files dropped anywhere else on the page come here (app.rs).
    let dropped = use_context::<crate::app::Dropped>();
    {
        let files = files.clone();
        use_effect_with(dropped, move |dropped| {
            if let Some(dropped) = dropped.as_ref().filter(|d| !d.files.is_empty()) {
                files.set(dropped.files.to_vec());
            }
        });
    }
    let dragging = use_state(|| false);
    let oninput = {
        let (input, forget) = (input.clone(), forget.clone());
        Callback::from(move |e: InputEvent| {
            forget();
            input.set(event_value(&e))
        })
    };
    let add_files = {
        let (files, forget) = (files.clone(), forget.clone());
        Callback::from(move |loaded: Vec<LoadedFile>| {
            forget();
            files.set(loaded)
        })
    };
    let onchange = {
        let add_files = add_files.clone();
        Callback::from(move |e: Event| {
            if let Some(list) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.files())
            {
                read_files(list, add_files.clone());
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            // Handled here: the page-wide drop (app.rs) must not take it too.
            e.stop_propagation();
            dragging.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                read_files(list, add_files.clone());
            }
        })
    };
    let clear = {
        let (input, files) = (input.clone(), files.clone());
        Callback::from(move |_| {
            forget();
            input.set(String::new());
            files.set(Vec::new());
        })
    };
    // An empty page offers something to look at: the valid chain of the Samples tab.
    let try_sample = {
        let input = input.clone();
        Callback::from(move |_| {
            let chain = certbench_core::samples::SAMPLES
                .iter()
                .find_map(|s| match s.opens {
                    certbench_core::samples::Opens::Verify { chain, .. } => Some(chain),
                    _ => None,
                });
            input.set(chain.unwrap_or_default().to_string());
        })
    };
    let empty = input.trim().is_empty() && files.is_empty();
    let mut sources: Vec<(String, Vec<u8>)> = Vec::new();
    if !input.trim().is_empty() {
        sources.push(("pasted text".into(), input.as_bytes().to_vec()));
    }
    sources.extend(files.iter().map(|f| (f.name.clone(), f.bytes.clone())));
    html! {
        <section class={classes!("tool", (*dragging).then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <h2>{ "Decode" }</h2>
            <label for="decode-input">{ "Paste PEM (any number of blocks), base64, or drop files anywhere here:" }</label>
            <textarea id="decode-input" rows="10" spellcheck="false" value={(*input).clone()} {oninput}
                placeholder="-----BEGIN CERTIFICATE-----" />
            <div class="actions">
                <input id="decode-files" type="file" multiple=true {onchange}
                    accept=".pem,.crt,.cer,.der,.csr,.key,.crl,.p7b,.p7c,.p12,.pfx,.pub,.txt" />
                <label class="file-button" for="decode-files">{ "Open files…" }</label>
                <button type="button" id="decode-clear" onclick={clear}>{ "Clear" }</button>
                <button type="button" id="decode-link" onclick={copy_link}>{ "Copy link" }</button>
            </div>
            <div class="inline-field">
                <label for="decode-at">{ "Check validity at (UTC; empty for now)" }</label>
                <input id="decode-at" type="datetime-local" value={(*at).clone()} oninput={on_at} />
            </div>
            { match &*link {
                None => html! {},
                Some(Ok(shared)) => html! { <p class="hint" id="decode-link-done" role="status">{ shared.said("It holds the certificates, never keys, in the part of the URL browsers do not send.") }</p> },
                Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
            } }
            if empty {
                <p class="hint" id="decode-empty">{ "Nothing here yet. Paste a certificate, key, CSR or CRL above, drop files on the page, or " }
                    <button type="button" class="link" id="decode-try-sample" onclick={try_sample}>{ "try a sample chain" }</button>
                    { " (more in " }<a href="#/samples">{ "Samples" }</a>{ ")." }</p>
            }
            <div id="decode-results" aria-live="polite">
                { match when {
                    Ok(at) => html! { <>{ for sources.into_iter().map(|(name, bytes)| html! { <Source name={name} bytes={bytes} at={at.0} /> }) }</> },
                    Err(e) => html! { <ErrorBox message={format!("Check validity at: {e}")} /> },
                } }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SourceProps {
    name: AttrValue,
    bytes: Vec<u8>,
    /// The time validity is shown against (Unix seconds).
    at: i64,
}

/// How many blocks of one input get a card before the user asks for more.
const CARDS_PER_PAGE: usize = 200;

/// One input's blocks: decoded by the worker at once, then again with WebCrypto's signature
/// checks.
#[component]
fn Source(props: &SourceProps) -> Html {
    // The last answer, with the input and time it is for, and whether it is complete: an
    // answer for an older input is not shown.
    type Shown = ((Vec<u8>, i64), bool, Decoding);
    let shown_answer = use_state(|| None::<Shown>);
    let asked = use_mut_ref(|| 0u32);
    {
        let (shown_answer, asked) = (shown_answer.clone(), asked.clone());
        use_effect_with((props.bytes.clone(), props.at), move |key| {
            *asked.borrow_mut() += 1;
            let (mine, key) = (*asked.borrow(), key.clone());
            spawn_local(async move {
                for complete in [false, true] {
                    let answer = worker::decode(key.0.clone(), UnixTime(key.1), complete).await;
                    if *asked.borrow() != mine {
                        return;
                    }
                    let decoded = answer.is_ok();
                    shown_answer.set(Some((key.clone(), complete, answer)));
                    if !decoded {
                        return;
                    }
                }
            });
        });
    }
    // Cards in pages: a bundle of thousands would otherwise stall the page for seconds.
    let shown = use_state_eq(|| CARDS_PER_PAGE);
    {
        let shown = shown.clone();
        use_effect_with(props.bytes.clone(), move |_| shown.set(CARDS_PER_PAGE));
    }
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + CARDS_PER_PAGE))
    };
    let name = &props.name;
    let (blocks, bundle, checking) = match &*shown_answer {
        Some(((input, at), complete, answer)) if *input == props.bytes && *at == props.at => {
            match answer {
                Ok((blocks, bundle)) => (blocks, bundle, !complete),
                Err(e) => return html! { <ErrorBox message={format!("{name}: {e}")} /> },
            }
        }
        _ => return html! {},
    };
    html! {
        <>
            { super::report::findings(bundle) }
            { for blocks.iter().take(*shown).map(|block| match block {
                Ok(decoded) => html! { <BlockCard decoded={decoded.clone()} source={name.clone()} {checking} /> },
                Err(e) => html! { <ErrorBox message={format!("{name}: {e}")} /> },
            }) }
            if blocks.len() > *shown {
                <button type="button" class="show-more-cards" onclick={show_more}>
                    { format!("Show {} more ({} of {} blocks shown)", CARDS_PER_PAGE.min(blocks.len() - *shown), *shown, blocks.len()) }
                </button>
            }
        </>
    }
}
