//! One component per tool, plus the small pieces they share.

mod ciphers;
mod decode;
mod generate;
mod report;
mod samples;
mod verify;

pub use ciphers::CiphersTab;
pub use decode::DecodeTab;
pub use generate::GenerateTab;
pub use samples::SamplesTab;
pub use verify::VerifyTab;

use crate::browser;
use certbench_core::generate::order::File;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The value of the `<textarea>` or `<input>` an event came from.
pub fn event_value(event: &InputEvent) -> String {
    if let Some(area) = event.target_dyn_into::<HtmlTextAreaElement>() {
        return area.value();
    }
    event
        .target_dyn_into::<HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct ArtifactProps {
    /// Element id prefix, for tests and labels.
    pub id: AttrValue,
    pub file: File,
    /// The same file as DER, when it is one PEM block.
    pub der: Option<File>,
}

fn download(file: &File) -> Callback<MouseEvent> {
    let file = file.clone();
    Callback::from(move |_| {
        let (mime, bytes) = match &file.bytes {
            Some(bytes) if file.name.ends_with(".p12") => {
                ("application/x-pkcs12", bytes.as_slice())
            }
            Some(bytes) => ("application/octet-stream", bytes.as_slice()),
            None => ("application/x-pem-file", file.text.as_bytes()),
        };
        browser::download(&file.name, mime, bytes).ok();
    })
}

/// A generated file: a PEM with copy and download buttons (and its DER when it is one block),
/// or a binary file to download.
#[component]
pub fn Artifact(props: &ArtifactProps) -> Html {
    let (id, file) = (&props.id, &props.file);
    let save = html! {
        <button type="button" id={format!("{id}-download")} onclick={download(file)}>
            { format!("Download {}", file.name) }
        </button>
    };
    if file.bytes.is_some() {
        return html! {
            <section class="artifact">
                <h3>{ &file.name }</h3>
                <p class="hint">{ &file.text }</p>
                <div class="actions">{ save }</div>
            </section>
        };
    }
    html! {
        <section class="artifact">
            <h3><label for={id.clone()}>{ &file.name }</label></h3>
            <textarea id={id.clone()} readonly=true rows="8" spellcheck="false" value={file.text.clone()} />
            <div class="actions">
                { copy_button(Some(format!("{id}-copy")), "", "Copy", file.text.clone().into()) }
                { save }
                { for props.der.as_ref().map(|der| html! {
                    <button type="button" id={format!("{id}-der-download")} onclick={download(der)}>
                        { format!("Download {}", der.name) }
                    </button>
                }) }
            </div>
        </section>
    }
}

/// "What is this, and why it matters", a click (or Enter) away beside a label, with where it
/// is defined; nothing when the glossary has no entry.
pub fn why(entry: Option<&'static certbench_core::glossary::Entry>) -> Html {
    let Some(e) = entry else {
        return html! {};
    };
    html! {
        <details class="why">
            <summary aria-label="What is this?" title={e.what}>{ "?" }</summary>
            <div class="why-text" role="note">
                <p>{ e.what }</p>
                <p>{ e.why }</p>
                <p class="muted">{ e.source }</p>
            </div>
        </details>
    }
}

/// An error sentence from core, shown where the eye is.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    html! { <p class="error" role="alert">{ prose(&props.message) }</p> }
}

/// A sentence from core with its `quoted` parts (names, values, commands: core quotes them as
/// Markdown does, which reads well in a terminal) shown as code instead of backticks.
pub fn prose(text: &str) -> Html {
    if text.matches('`').count() % 2 == 1 {
        return html! { { text.to_string() } };
    }
    html! {
        <>{ for text.split('`').enumerate().map(|(i, part)| match i % 2 {
            1 => html! { <code>{ part.to_string() }</code> },
            _ => html! { { part.to_string() } },
        }) }</>
    }
}

/// A button that copies `text` and says whether it did, in the status line beside it
/// ("Copied", or why not). The line is written directly: no component state for a word.
pub fn copy_button(
    id: Option<String>,
    class: &'static str,
    label: &'static str,
    text: AttrValue,
) -> Html {
    // A new text gets a new status line (keyed by what is cheap to compare).
    let key = format!(
        "{}-{}",
        text.len(),
        text.get(text.len().saturating_sub(80)..)
            .unwrap_or_default()
    );
    let onclick = Callback::from(move |e: MouseEvent| {
        let status = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|button| button.next_element_sibling());
        let text = text.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let said = match browser::copy(&text).await {
                Ok(()) => "Copied".to_string(),
                Err(e) => format!("Not copied: {e}"),
            };
            if let Some(status) = status {
                status.set_text_content(Some(&said));
            }
        });
    });
    html! {
        <>
            <button type="button" {id} {class} {onclick}>{ label }</button>
            <span class="copied" role="status" {key}></span>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub message: AttrValue,
}
