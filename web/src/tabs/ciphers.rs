//! Ciphers tab: type a suite name or code, see its parts.

use super::{ErrorBox, event_value};
use certbench_core::cipher::{self, Explanation};
use yew::prelude::*;

#[component]
pub fn CiphersTab() -> Html {
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(event_value(&e)))
    };
    let result = (!query.trim().is_empty()).then(|| cipher::explain(&query));
    html! {
        <section class="tool">
            <h2>{ "Ciphers" }</h2>
            <label for="cipher-input">{ "Cipher suite name (IANA) or code (0xC0,0x30):" }</label>
            <input id="cipher-input" type="text" spellcheck="false" value={(*query).clone()} {oninput}
                placeholder="TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" />
            <div id="cipher-result" aria-live="polite">
                { match result {
                    None => html! {},
                    Some(Err(e)) => html! { <ErrorBox message={e.to_string()} /> },
                    Some(Ok(e)) => explanation(&e),
                } }
            </div>
        </section>
    }
}

fn explanation(e: &Explanation) -> Html {
    let rows = [
        (
            "Key exchange",
            format!(
                "{}{}",
                e.kx,
                if e.forward_secrecy {
                    " (forward secrecy)"
                } else {
                    " (no forward secrecy)"
                }
            ),
        ),
        ("Authentication", e.auth.clone()),
        ("Cipher", format!("{} {} bits, {}", e.enc, e.bits, e.mode)),
        ("MAC", e.mac.clone()),
        ("PRF", e.prf.clone()),
        ("Versions", e.versions.join(", ")),
    ];
    let rating = format!("{:?}", e.rating).to_lowercase();
    html! {
        <article class="card">
            <h3 class="mono">{ format!("{} ({})", e.iana, e.code) }</h3>
            <p class={classes!("rating", rating.clone())} id="cipher-rating">{ rating }</p>
            <dl id="cipher-parts">
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }
            </dl>
            <ul>{ for e.reasons.iter().chain(&e.notes).map(|r| html! { <li>{ r }</li> }) }</ul>
        </article>
    }
}
