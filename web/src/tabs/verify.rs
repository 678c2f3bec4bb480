//! Verify tab: a chain and its trust anchors in, a verdict out.

use super::{ErrorBox, event_value};
use crate::browser;
use certbench_core::Certificate;
use certbench_core::verify::{self, Options, Verdict};
use yew::prelude::*;

/// Reads every certificate in `text`, or says which block is not one.
fn certificates(text: &str, what: &str) -> Result<Vec<Certificate>, String> {
    verify::read_certificates(text.as_bytes()).map_err(|e| format!("{what}: {e}"))
}

fn run(chain: &str, roots: &str, host: &str) -> Result<Verdict, String> {
    let bundle = certificates(chain, "chain")?;
    let anchors = certificates(roots, "trust anchors")?;
    let mut options = Options::at(browser::now());
    options.host = Some(host.trim().to_string()).filter(|h| !h.is_empty());
    Ok(verify::verify(&bundle, &anchors, &options))
}

#[component]
pub fn VerifyTab() -> Html {
    let chain = use_state(String::new);
    let roots = use_state(String::new);
    let host = use_state(String::new);
    let verdict = use_state(|| None::<Result<Verdict, String>>);
    let setter = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(event_value(&e)))
    };
    let onclick = {
        let (chain, roots, host, verdict) =
            (chain.clone(), roots.clone(), host.clone(), verdict.clone());
        Callback::from(move |_| verdict.set(Some(run(&chain, &roots, &host))))
    };
    html! {
        <section class="tool">
            <h2>{ "Verify" }</h2>
            <label for="verify-chain">{ "Certificate chain (leaf and intermediates, any order):" }</label>
            <textarea id="verify-chain" rows="8" spellcheck="false" value={(*chain).clone()} oninput={setter(&chain)} />
            <label for="verify-roots">{ "Trust anchors (root certificates you trust):" }</label>
            <textarea id="verify-roots" rows="6" spellcheck="false" value={(*roots).clone()} oninput={setter(&roots)} />
            <label for="verify-host">{ "Host name or IP (optional):" }</label>
            <input id="verify-host" type="text" value={(*host).clone()} oninput={setter(&host)} />
            <button type="button" id="verify-run" class="primary" {onclick}>{ "Verify" }</button>
            <div id="verify-result" aria-live="polite">
                { match &*verdict {
                    None => html! {},
                    Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
                    Some(Ok(v)) => verdict_view(v),
                } }
            </div>
        </section>
    }
}

fn verdict_view(v: &Verdict) -> Html {
    html! {
        <article class={classes!("card", if v.valid { "ok" } else { "bad" })}>
            <h3 id="verify-verdict">{ if v.valid { "valid" } else { "invalid" } }</h3>
            { for v.errors.first().map(|e| html! {
                <p class="error" id="verify-reason">{ format!("{} ({}; OpenSSL {}; Chromium {})", e.message, e.rfc, e.openssl, e.chromium) }</p>
            }) }
            <ol class="path mono">{ for v.path.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
        </article>
    }
}
