//! Decode tab: paste anything, or drop or pick files (PEM, DER, base64, any number), and see
//! every block.

use super::report::BlockCard;
use super::{ErrorBox, event_value};
use crate::browser;
use crate::browser::{LoadedFile, read_files};
use crate::webcrypto::{self, Blocks};
use certbench_core::decode;
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
        let input = certbench_core::share::decode(value).unwrap_or_default();
        (input, at)
    });
    let input = use_state(|| shared.0.clone());
    // Validity is shown against this time (datetime-local, UTC); empty means the clock's now.
    let at = use_state(|| shared.1.clone());
    let link = use_state(|| None::<Result<String, String>>);
    let copy_link = {
        let (input, at, link) = (input.clone(), at.clone(), link.clone());
        Callback::from(move |_| {
            let when = match at.trim() {
                "" => String::new(),
                at => format!("&at={}", String::from(js_sys::encode_uri_component(at))),
            };
            let made = certbench_core::share::encode(&input)
                .map_err(|e| e.to_string())
                .and_then(|v| browser::share_link(&format!("decode/{v}{when}")));
            link.set(Some(made));
        })
    };
    let files = use_state(Vec::<LoadedFile>::new);
    let on_at = {
        let at = at.clone();
        Callback::from(move |e: InputEvent| at.set(event_value(&e)))
    };
    let when = certbench_core::UnixTime::from_form(&at, browser::now());
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
        let input = input.clone();
        Callback::from(move |e: InputEvent| input.set(event_value(&e)))
    };
    let add_files = {
        let files = files.clone();
        Callback::from(move |loaded: Vec<LoadedFile>| files.set(loaded))
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
            input.set(String::new());
            files.set(Vec::new());
        })
    };
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
                Some(Ok(url)) => html! { <p class="hint" id="decode-link-done">{ format!("Link copied ({} characters). It holds the certificates, never keys, in the part of the URL browsers do not send.", url.len()) }</p> },
                Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
            } }
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

/// One input's blocks: decoded at once, then completed by WebCrypto's signature checks.
#[component]
fn Source(props: &SourceProps) -> Html {
    let structure = use_memo((props.bytes.clone(), props.at), |(bytes, at)| {
        decode::decode_structure(bytes, certbench_core::UnixTime(*at))
    });
    // The complete decode, with the input and time it is for: a reply for older ones is not
    // shown.
    let complete = use_state(|| None::<((Vec<u8>, i64), Blocks)>);
    {
        let (complete, key) = (complete.clone(), (props.bytes.clone(), props.at));
        use_effect_with(structure.clone(), move |structure| {
            if let Ok(blocks) = &**structure {
                let blocks = blocks.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    complete.set(Some((key, webcrypto::complete(blocks).await)));
                });
            }
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
    let (blocks, checking) = match (&*complete, &*structure) {
        (Some(((input, at), blocks)), _) if *input == props.bytes && *at == props.at => {
            (blocks, false)
        }
        (_, Ok(blocks)) => (blocks, true),
        (_, Err(e)) => return html! { <ErrorBox message={format!("{name}: {e}")} /> },
    };
    html! {
        <>
            { bundle_findings(blocks) }
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

/// What the certificates of one input say together: order and completeness.
fn bundle_findings(blocks: &[Result<decode::Decoded, certbench_core::Error>]) -> Html {
    let certs: Vec<&certbench_core::decode::CertificateReport> = blocks
        .iter()
        .filter_map(|b| match &b.as_ref().ok()?.report {
            decode::Report::Certificate(c) => Some(c.as_ref()),
            _ => None,
        })
        .collect();
    super::report::findings(&certbench_core::lint::bundle(&certs))
}
