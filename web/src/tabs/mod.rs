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
    let copy = {
        let text = file.text.clone();
        Callback::from(move |_| browser::copy(&text))
    };
    html! {
        <section class="artifact">
            <h3><label for={id.clone()}>{ &file.name }</label></h3>
            <textarea id={id.clone()} readonly=true rows="8" spellcheck="false" value={file.text.clone()} />
            <div class="actions">
                <button type="button" id={format!("{id}-copy")} onclick={copy}>{ "Copy" }</button>
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
    html! { <p class="error" role="alert">{ &props.message }</p> }
}

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub message: AttrValue,
}
