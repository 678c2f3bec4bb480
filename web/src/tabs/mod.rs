//! One component per tool, plus the small pieces they share.

mod ciphers;
mod decode;
mod generate;
mod report;
mod verify;

pub use ciphers::CiphersTab;
pub use decode::DecodeTab;
pub use generate::GenerateTab;
pub use verify::VerifyTab;

use crate::browser;
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
    pub title: AttrValue,
    pub file_name: AttrValue,
    pub text: AttrValue,
}

/// A generated artifact: its PEM, a copy button and a download button.
#[component]
pub fn Artifact(props: &ArtifactProps) -> Html {
    let copy = {
        let text = props.text.clone();
        Callback::from(move |_| browser::copy(&text))
    };
    let download = {
        let (text, name) = (props.text.clone(), props.file_name.clone());
        Callback::from(move |_| {
            browser::download(&name, "application/x-pem-file", text.as_bytes()).ok();
        })
    };
    html! {
        <section class="artifact">
            <h3><label for={props.id.clone()}>{ &props.title }</label></h3>
            <textarea id={props.id.clone()} readonly=true rows="8" spellcheck="false" value={props.text.clone()} />
            <div class="actions">
                <button type="button" id={format!("{}-copy", props.id)} onclick={copy}>{ "Copy" }</button>
                <button type="button" id={format!("{}-download", props.id)} onclick={download}>
                    { format!("Download {}", props.file_name) }
                </button>
            </div>
        </section>
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
