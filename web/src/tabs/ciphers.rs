//! Ciphers tab: explain any suite by IANA, OpenSSL or GnuTLS name or code, and browse the whole
//! IANA registry. `#/ciphers/NAME` opens an explanation (the fragment never leaves the browser).

use super::{ErrorBox, event_value};
use certbench_core::cipher::{self, Explanation, Rating, SUITES};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The suite named in the URL fragment, if any (`#/ciphers/TLS_AES_128_GCM_SHA256`).
fn query_from_hash() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let rest = hash
        .trim_start_matches('#')
        .trim_start_matches('/')
        .strip_prefix("ciphers/")
        .unwrap_or_default();
    if rest.starts_with("string=") {
        return String::new();
    }
    js_sys::decode_uri_component(rest)
        .map(String::from)
        .unwrap_or_default()
}

/// A cipher string the URL fragment brings (`#/ciphers/string=…`), if any.
fn string_from_hash() -> String {
    crate::browser::fragment_for("ciphers")
        .and_then(|rest| {
            crate::browser::fragment_params(&rest)
                .into_iter()
                .find(|(key, _)| key == "string")
        })
        .map(|(_, value)| value)
        .unwrap_or_default()
}

/// Keeps the fragment in step with the query, without a history entry per keystroke.
fn set_hash(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let encoded = String::from(js_sys::encode_uri_component(query.trim()));
    let url = if encoded.is_empty() {
        "#/ciphers".to_string()
    } else {
        format!("#/ciphers/{encoded}")
    };
    if let Ok(history) = window.history() {
        history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .ok();
    }
}

fn rating_word(rating: Rating) -> &'static str {
    match rating {
        Rating::Recommended => "recommended",
        Rating::Secure => "secure",
        Rating::Weak => "weak",
        Rating::Insecure => "insecure",
        Rating::Signalling => "signalling",
    }
}

#[component]
pub fn CiphersTab() -> Html {
    let query = use_state(query_from_hash);
    let string = use_state(string_from_hash);
    let on_string = {
        let string = string.clone();
        Callback::from(move |e: InputEvent| string.set(event_value(&e)))
    };
    let filter = use_state(String::new);
    let rating_filter = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let value = event_value(&e);
            set_hash(&value);
            query.set(value);
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(event_value(&e)))
    };
    let on_rating = {
        let rating_filter = rating_filter.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                rating_filter.set(select.value());
            }
        })
    };
    let pick = {
        let query = query.clone();
        Callback::from(move |name: String| {
            set_hash(&name);
            query.set(name);
        })
    };
    let result = (!query.trim().is_empty()).then(|| cipher::explain(&query));
    html! {
        <section class="tool">
            <h2>{ "Ciphers" }</h2>
            <label for="cipher-input">{ "Cipher suite: IANA, OpenSSL or GnuTLS name, or code (0xC0,0x30):" }</label>
            <input id="cipher-input" type="text" spellcheck="false" value={(*query).clone()} {oninput}
                placeholder="TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" />
            <div id="cipher-result" aria-live="polite">
                { match result {
                    None => html! {},
                    Some(Err(e)) => html! { <ErrorBox message={e.to_string()} /> },
                    Some(Ok(e)) => explanation(&e),
                } }
            </div>
            <label for="cipher-string">{ "Expand a cipher string or config line (ssl_ciphers, SSLCipherSuite, or a list of IANA names):" }</label>
            <textarea id="cipher-string" rows="2" spellcheck="false" value={(*string).clone()} oninput={on_string}
                placeholder="ssl_ciphers 'ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL';" />
            <div id="cipher-expansion" aria-live="polite">
                { match (!string.trim().is_empty()).then(|| cipher::string::expand(&string)) {
                    None => html! {},
                    Some(Err(e)) => html! { <ErrorBox message={e.to_string()} /> },
                    Some(Ok(x)) => expansion(&x),
                } }
            </div>
            <details class="registry" open={query.trim().is_empty() && string.trim().is_empty()}>
                <summary>{ format!("All {} registered suites", SUITES.len()) }</summary>
                <div class="options">
                    <div>
                        <label for="cipher-filter">{ "Filter (name, key exchange, cipher, version)" }</label>
                        <input id="cipher-filter" type="text" value={(*filter).clone()} oninput={on_filter} placeholder="ECDHE GCM" />
                    </div>
                    <div>
                        <label for="cipher-rating-filter">{ "Rating" }</label>
                        // Every option says whether it is chosen: the browser selects the first
                        // option it is given, and Yew adds them last first.
                        <select id="cipher-rating-filter" onchange={on_rating}>
                            <option value="" selected={rating_filter.is_empty()}>{ "any" }</option>
                            { for [Rating::Recommended, Rating::Secure, Rating::Weak, Rating::Insecure, Rating::Signalling].map(|r| html! {
                                <option value={rating_word(r)} selected={*rating_filter == rating_word(r)}>{ rating_word(r) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                { registry_table(&filter, &rating_filter, pick) }
            </details>
        </section>
    }
}

fn registry_table(filter: &str, rating: &str, pick: Callback<String>) -> Html {
    let words: Vec<String> = filter
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let rows: Vec<Explanation> = SUITES
        .iter()
        .map(cipher::explain_registered)
        .filter(|e| rating.is_empty() || rating_word(e.rating) == rating)
        .filter(|e| {
            let haystack = format!(
                "{} {} {} {} {} {} {}",
                e.iana,
                e.openssl.as_deref().unwrap_or_default(),
                e.code,
                e.kx,
                e.enc,
                e.mode,
                e.versions.join(" ")
            )
            .to_ascii_lowercase();
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect();
    html! {
        <div class="table-scroll">
        <table class="registry-table">
            <caption class="muted">{ format!("{} suites", rows.len()) }</caption>
            <thead><tr><th>{ "Code" }</th><th>{ "IANA name" }</th><th>{ "OpenSSL" }</th><th>{ "Versions" }</th><th>{ "Rating" }</th></tr></thead>
            <tbody>
                { for rows.into_iter().map(|e| {
                    let pick = pick.clone();
                    let name = e.iana.clone();
                    let word = rating_word(e.rating);
                    html! {
                        <tr>
                            <td class="mono">{ &e.code }</td>
                            <td class="mono"><button type="button" class="link" onclick={Callback::from(move |_| pick.emit(name.clone()))}>{ &e.iana }</button></td>
                            <td class="mono">{ e.openssl.clone().unwrap_or_default() }</td>
                            <td>{ e.versions.join(", ") }</td>
                            <td class={classes!("rating", word)}>{ word }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}

fn explanation(e: &Explanation) -> Html {
    let rows = e.rows();
    let word = rating_word(e.rating);
    html! {
        <article class="card">
            <h3 class="mono">{ format!("{} ({})", e.iana, e.code) }</h3>
            <p class={classes!("rating", word)} id="cipher-rating">{ word }</p>
            <ul class="reasons">{ for e.reasons.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            <dl id="cipher-parts">
                { for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }{ super::why(certbench_core::glossary::cipher_part(k)) }</dt><dd>{ v }</dd></> }) }
            </dl>
            { for e.notes.iter().map(|n| html! { <p class="hint">{ n }</p> }) }
        </article>
    }
}

fn expansion(x: &cipher::string::Expansion) -> Html {
    let worst = rating_word(x.rating);
    html! {
        <article class="card">
            <h3>{ format!("{} suites, in the order a server prefers them", x.suites.len()) }</h3>
            <p>{ "Worst suite: " }<span class={classes!("rating", worst)} id="cipher-expansion-rating">{ worst }</span></p>
            { for x.notes.iter().map(|n| html! { <p class="hint">{ super::prose(n) }</p> }) }
            <div class="table-scroll">
            <table class="registry-table">
                <thead><tr><th>{ "OpenSSL name" }</th><th>{ "Version" }</th><th>{ "Kx" }</th><th>{ "Au" }</th><th>{ "Enc" }</th><th>{ "Mac" }</th><th>{ "Rating" }</th></tr></thead>
                <tbody>
                    { for x.suites.iter().map(|s| {
                        let word = rating_word(s.rating);
                        html! {
                            <tr>
                                <td class="mono" title={s.iana.clone()}>{ &s.openssl }</td>
                                <td>{ &s.version }</td><td>{ &s.kx }</td><td>{ &s.au }</td><td class="mono">{ &s.enc }</td><td>{ &s.mac }</td>
                                <td class={classes!("rating", word)}>{ word }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
            <p class="hint">{ "The same with OpenSSL: " }<code id="cipher-command">{ &x.command }</code></p>
        </article>
    }
}
