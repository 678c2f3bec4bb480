//! Samples tab: the gallery of mistakes users ship ([`certbench_core::samples`]), each with
//! what is wrong and how to fix it, opening in the tool that shows it through a link (the
//! same fragment a shared link uses).

use certbench_core::samples::{Opens, SAMPLES, Sample};
use yew::prelude::*;

/// The link that opens `sample`, and the tool it opens in.
fn link(sample: &Sample) -> (String, &'static str) {
    match sample.opens {
        Opens::Verify { .. } => (format!("#/verify/sample={}", sample.id), "Verify"),
        Opens::Ciphers { string } => (
            format!(
                "#/ciphers/string={}",
                String::from(js_sys::encode_uri_component(string))
            ),
            "Ciphers",
        ),
    }
}

#[component]
pub fn SamplesTab() -> Html {
    html! {
        <section class="tool samples">
            <h2>{ "Samples" }</h2>
            <p class="hint">{ "Realistic mistakes, one click from the tool that shows them. Each sample's certificates are made with dates far in the past or future, so it stays what it claims." }</p>
            <div class="sample-list">
                { for SAMPLES.iter().map(|sample| {
                    let (href, tool) = link(sample);
                    html! {
                        <article class="card sample" id={format!("sample-{}", sample.id)}>
                            <h3>{ sample.title }</h3>
                            <p><strong>{ "What is wrong: " }</strong>{ super::prose(sample.problem) }</p>
                            <p><strong>{ "Fix: " }</strong>{ super::prose(sample.fix) }</p>
                            <a class="open-sample" {href}>{ format!("Open in {tool}") }</a>
                        </article>
                    }
                }) }
            </div>
        </section>
    }
}
