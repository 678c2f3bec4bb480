//! Decode tab: paste anything, or drop or pick files (PEM, DER, base64, any number), and see
//! every block.

use super::report::BlockCard;
use super::{ErrorBox, event_value};
use crate::browser;
use crate::browser::{LoadedFile, read_files};
use crate::worker::{self, Decoding};
use certbench_core::UnixTime;
use certbench_core::decode::overview::{Order, Overview, Role, Status, View};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, HtmlInputElement, HtmlSelectElement};
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
    // The pasted text's bytes, made once per paste and shared with the worker's job: an input
    // of megabytes is not copied again on every render.
    let pasted = use_state(|| Rc::<[u8]>::from(&[][..]));
    // A big paste is kept out of the text box: laying out megabytes of text there would cost
    // the browser seconds. The box shows it again on request.
    let boxed = use_state(|| true);
    // Validity is shown against this time (datetime-local, UTC); empty means the clock's now.
    let at = use_state(|| shared.1.clone());
    {
        let (input, pasted) = (input.clone(), pasted.clone());
        use_effect_with(shared, move |shared| {
            let value = shared.0.clone();
            if !value.is_empty() {
                spawn_local(async move {
                    let text = worker::share_decode(value).await.unwrap_or_default();
                    pasted.set(text.as_bytes().into());
                    input.set(text);
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
        let (input, forget, boxed, pasted) =
            (input.clone(), forget.clone(), boxed.clone(), pasted.clone());
        Callback::from(move |e: InputEvent| {
            forget();
            let text = event_value(&e);
            boxed.set(text.len() <= BIG_PASTE);
            pasted.set(text.as_bytes().into());
            input.set(text)
        })
    };
    // Ctrl+V of megabytes: taken from the clipboard before the browser puts it in the box.
    let onpaste = {
        let (input, forget, boxed, pasted) =
            (input.clone(), forget.clone(), boxed.clone(), pasted.clone());
        Callback::from(move |e: Event| {
            let Some(text) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
                .and_then(|d| d.get_data("text").ok())
            else {
                return;
            };
            if text.len() > BIG_PASTE {
                e.prevent_default();
                forget();
                boxed.set(false);
                pasted.set(text.as_bytes().into());
                input.set(text);
            }
        })
    };
    let show_text = {
        let boxed = boxed.clone();
        Callback::from(move |_| boxed.set(true))
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
        let (input, files, boxed, pasted) =
            (input.clone(), files.clone(), boxed.clone(), pasted.clone());
        Callback::from(move |_| {
            forget();
            boxed.set(true);
            // So that opening the same file again reads it again.
            if let Some(picker) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("decode-files"))
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                picker.set_value("");
            }
            pasted.set(Rc::from(&[][..]));
            input.set(String::new());
            files.set(Vec::new());
        })
    };
    // An empty page offers something to look at: the valid chain of the Samples tab.
    let try_sample = {
        let (input, pasted) = (input.clone(), pasted.clone());
        Callback::from(move |_| {
            let chain = certbench_core::samples::VALID_CHAIN;
            pasted.set(chain.as_bytes().into());
            input.set(chain.to_string());
        })
    };
    let empty = input.trim().is_empty() && files.is_empty();
    let mut sources: Vec<(String, Rc<[u8]>)> = Vec::new();
    if !input.trim().is_empty() {
        sources.push(("pasted text".into(), (*pasted).clone()));
    }
    sources.extend(files.iter().map(|f| (f.name.clone(), f.bytes.clone())));
    html! {
        <section class={classes!("tool", (*dragging).then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <h2>{ "Decode" }</h2>
            <label for="decode-input">{ "Paste PEM (any number of blocks), base64, or drop files anywhere here:" }</label>
            <textarea id="decode-input" rows="10" spellcheck="false" value={if *boxed { (*input).clone() } else { String::new() }} {oninput} {onpaste}
                placeholder={if *boxed { "-----BEGIN CERTIFICATE-----" } else { "" }} />
            if !*boxed {
                <p class="hint" id="decode-pasted">{ format!("{} KB pasted, kept out of the box so the page stays quick; typing here replaces it. ", input.len() / 1024) }
                    <button type="button" class="link" id="decode-show-text" onclick={show_text}>{ "Show the text" }</button></p>
            }
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
    bytes: Rc<[u8]>,
    /// The time validity is shown against (Unix seconds).
    at: i64,
}

/// How many blocks of one input get a card before the user asks for more: a bundle of
/// thousands is read whole in the worker, but only a window of it becomes cards.
const CARDS_PER_PAGE: usize = 25;

/// How many cards the first paint of an answer holds; the rest of the window follows in the
/// next task.
const FIRST_CARDS: usize = 5;

/// Pasted text longer than this is decoded but not laid out in the text box.
const BIG_PASTE: usize = 64 * 1024;

/// From how many certificates an input gets an overview with a filter.
const OVERVIEW_FROM: usize = 10;

/// One input's blocks: decoded by the worker at once, then again with WebCrypto's signature
/// checks. A bundle gets an overview above its cards, with a filter and an order; the cards
/// are a window of what the filter selects.
#[component]
fn Source(props: &SourceProps) -> Html {
    let view = use_state(View::default);
    let shown = use_state_eq(|| CARDS_PER_PAGE);
    {
        // Another input starts with everything selected, at the first window.
        let (view, shown) = (view.clone(), shown.clone());
        use_effect_with(props.bytes.clone(), move |_| {
            view.set(View::default());
            shown.set(CARDS_PER_PAGE);
        });
    }
    // The last answer, with what it answers (input, time, view, window) and whether it is
    // complete: an answer for another input is not shown.
    type Asked = (Rc<[u8]>, i64, View, usize);
    let answer = use_state(|| None::<(Asked, bool, Decoding)>);
    let asked = use_mut_ref(|| 0u32);
    // The input as the worker knows it: sent once, named after that.
    let input = use_memo(props.bytes.clone(), |bytes| {
        worker::Input::new(bytes.clone())
    });
    {
        let (answer, asked, input) = (answer.clone(), asked.clone(), input.clone());
        let key: Asked = (props.bytes.clone(), props.at, (*view).clone(), *shown);
        use_effect_with(key, move |key| {
            *asked.borrow_mut() += 1;
            let (mine, key) = (*asked.borrow(), key.clone());
            spawn_local(async move {
                // A big input goes to the worker after the paste's task has ended (and the
                // page has painted its progress bar), not within it.
                if key.0.len() > BIG_PASTE {
                    crate::browser::next_task().await;
                }
                for complete in [false, true] {
                    let (_, at, view, shown) = key.clone();
                    let decoded = worker::decode(&input, UnixTime(at), complete, view, shown).await;
                    if *asked.borrow() != mine {
                        return;
                    }
                    let ok = decoded.is_ok();
                    answer.set(Some((key.clone(), complete, decoded)));
                    if !ok {
                        return;
                    }
                }
            });
        });
    }
    // The first answer for an input paints its first few cards, then the rest in the next
    // task: one long task of rendering would hold the page.
    let answered =
        matches!(&*answer, Some(((input, at, ..), ..)) if *input == props.bytes && *at == props.at);
    let all_cards = use_state_eq(|| false);
    {
        let all_cards = all_cards.clone();
        use_effect_with(answered, move |answered| match answered {
            true => spawn_local(async move {
                crate::browser::next_task().await;
                all_cards.set(true);
            }),
            false => all_cards.set(false),
        });
    }
    let name = &props.name;
    let (window, checking) = match &*answer {
        Some(((input, at, ..), complete, decoded)) if *input == props.bytes && *at == props.at => {
            match decoded {
                Ok(window) => (window, !complete),
                Err(e) => return html! { <ErrorBox message={format!("{name}: {e}")} /> },
            }
        }
        _ => {
            // A big input takes seconds in the worker; the page stays usable meanwhile.
            return html! {
                <p class="hint busy" role="status" id="decode-reading">
                    <progress aria-label={format!("Reading {name}")}></progress>
                    { format!(" Reading {name} ({} KB)…", props.bytes.len().div_ceil(1024)) }
                </p>
            };
        }
    };
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + CARDS_PER_PAGE))
    };
    let set_view = {
        let (view, shown) = (view.clone(), shown.clone());
        Callback::from(move |next: View| {
            shown.set(CARDS_PER_PAGE);
            view.set(next);
        })
    };
    let o = &window.overview;
    // An overview for a bundle, not for a chain of two or three.
    let bundle = o.certificates >= OVERVIEW_FROM || o.blocks > CARDS_PER_PAGE;
    html! {
        <>
            if bundle {
                { overview_panel(o, &view, window.selected, window.blocks.len(), set_view) }
            }
            { super::report::findings(&window.bundle) }
            { for window.blocks.iter().take(if *all_cards { usize::MAX } else { FIRST_CARDS }).map(|block| match block {
                Ok(decoded) => html! { <BlockCard decoded={decoded.clone()} source={name.clone()} {checking} /> },
                Err(e) => html! { <ErrorBox message={format!("{name}: {e}")} /> },
            }) }
            if *all_cards && window.selected > window.blocks.len() {
                <button type="button" class="show-more-cards" onclick={show_more}>
                    { format!("Show {} more ({} of {} blocks shown)", CARDS_PER_PAGE.min(window.selected - window.blocks.len()), window.blocks.len(), window.selected) }
                </button>
            }
        </>
    }
}

/// A bundle at a glance: counts by role and status, lint errors; and the filter and order
/// that choose which cards show.
/// `selected` blocks match the view, the first `shown` of them are cards.
fn overview_panel(
    o: &Overview,
    view: &View,
    selected: usize,
    shown: usize,
    onchange: Callback<View>,
) -> Html {
    // Each control edits one part of the view.
    let edit = |apply: fn(&mut View, &str)| {
        let (view, onchange) = (view.clone(), onchange.clone());
        Callback::from(move |value: String| {
            let mut next = view.clone();
            apply(&mut next, &value);
            onchange.emit(next);
        })
    };
    let on_text = {
        let edit = edit(|v, s| v.text = s.to_string());
        Callback::from(move |e: InputEvent| edit.emit(event_value(&e)))
    };
    let any = std::iter::once(("", "any"));
    let statuses: Vec<(&str, &str)> = any
        .clone()
        .chain(Status::ALL.map(|s| (s.name(), s.name())))
        .collect();
    let roles: Vec<(&str, &str)> = any.chain(Role::ALL.map(|r| (r.name(), r.name()))).collect();
    let orders = [
        ("input", "as in the input"),
        ("expires_first", "expiry, soonest first"),
        ("expires_last", "expiry, latest first"),
    ];
    let order = match view.order {
        Order::Input => "input",
        Order::ExpiresFirst => "expires_first",
        Order::ExpiresLast => "expires_last",
    };
    html! {
        <section class="panel overview" id="decode-overview" aria-label="Overview of the input">
            <h3>{ format!("{} blocks, {} certificates", o.blocks, o.certificates) }</h3>
            <p class="overview-counts">
                { for o.roles.iter().map(|(role, n)| badge("", *n, role.name())) }
                { for o.statuses.iter().map(|(status, n)| badge(match status {
                    Status::Valid => "ok", Status::Expiring => "warn", _ => "bad",
                }, *n, status.name())) }
                if o.with_lint_errors > 0 { { badge("bad", o.with_lint_errors, "with lint errors") } }
                if o.unreadable > 0 { { badge("bad", o.unreadable, "unreadable") } }
            </p>
            <div class="options">
                <div>
                    <label for="overview-text">{ "Find (subject, issuer, SAN, serial, fingerprint)" }</label>
                    <input id="overview-text" type="search" value={view.text.clone()} oninput={on_text} placeholder="example.com" />
                </div>
                { choice("overview-status", "Status", &statuses, view.status.map_or("", Status::name),
                    edit(|v, s| v.status = Status::ALL.into_iter().find(|x| x.name() == s))) }
                { choice("overview-role", "Role", &roles, view.role.map_or("", Role::name),
                    edit(|v, s| v.role = Role::ALL.into_iter().find(|x| x.name() == s))) }
                { choice("overview-order", "Order", &orders, order, edit(|v, s| v.order = match s {
                    "expires_first" => Order::ExpiresFirst,
                    "expires_last" => Order::ExpiresLast,
                    _ => Order::Input,
                })) }
            </div>
            <p class="hint" id="overview-shown" role="status">{ match view.filters() {
                true => format!("{selected} blocks match; {shown} shown"),
                false => format!("{shown} of {selected} blocks shown"),
            } }</p>
        </section>
    }
}

fn badge(class: &'static str, n: usize, what: &str) -> Html {
    html! { <span class={classes!("badge", class)}>{ format!("{n} {what}") }</span> }
}

/// A labelled `<select>` of `(value, label)` options; every option says whether it is chosen
/// (the browser would select the first one Yew adds, which is the last).
fn choice(
    id: &'static str,
    label: &'static str,
    options: &[(&str, &str)],
    chosen: &str,
    onchange: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            onchange.emit(select.value());
        }
    });
    html! {
        <div>
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                { for options.iter().map(|(value, text)| html! {
                    <option value={value.to_string()} selected={*value == chosen}>{ text.to_string() }</option>
                }) }
            </select>
        </div>
    }
}
