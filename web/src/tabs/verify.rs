//! Verify tab: a chain (any order) and trust anchors in; the path, every check and a verdict
//! explained in plain words out.

use super::{ErrorBox, event_value};
use crate::browser;
use crate::worker::{self, PageBlocks, Verified};
use certbench_core::lint::Finding;
use certbench_core::samples::SAMPLES;
use certbench_core::verify::{self, Verdict, order::Order};
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, HtmlSelectElement};
use yew::prelude::*;

/// `verify/chain=…&roots=…&host=…&purpose=…&at=…&profile=…`: certificates as base64url DER.
async fn fragment_of(form: Order) -> Result<String, String> {
    async fn share(text: &str, what: &str) -> Result<String, String> {
        match text.trim() {
            "" => Ok(String::new()),
            _ => worker::share_encode(text.into())
                .await
                .map_err(|e| format!("{what}: {e}")),
        }
    }
    let enc = |text: &str| String::from(js_sys::encode_uri_component(text));
    Ok(format!(
        "verify/chain={}&roots={}&host={}&purpose={}&at={}&mozilla={}{}",
        share(&form.chain, "chain").await?,
        share(&form.roots, "trust anchors").await?,
        enc(&form.host),
        enc(&form.purpose),
        enc(&form.at),
        u8::from(form.mozilla),
        match form.profile.as_str() {
            "rfc5280" => "&profile=rfc5280",
            _ => "",
        }
    ))
}

/// The form a link describes, or the empty form: a shared link or a sample (`sample=<id>`).
/// A shared link's `chain=` and `roots=` values come back as they are, for the worker to read
/// ([`read_shared`]).
fn form_from_fragment() -> (Order, [String; 2]) {
    let mut shared = [String::new(), String::new()];
    // Mozilla's store is trusted unless the user says otherwise, as a browser trusts it.
    let mut form = Order {
        purpose: "server".into(),
        mozilla: true,
        ..Order::default()
    };
    let Some(rest) = browser::fragment_for("verify") else {
        return (form, shared);
    };
    for (key, value) in browser::fragment_params(&rest) {
        match key.as_str() {
            "chain" => shared[0] = value,
            "roots" => shared[1] = value,
            "sample" => {
                if let Some(sample) = SAMPLES.iter().find(|s| s.id == value) {
                    form = sample.verify_order().unwrap_or(form);
                }
            }
            "host" => form.host = value,
            "purpose" if matches!(value.as_str(), "server" | "client" | "any") => {
                form.purpose = value
            }
            "at" => form.at = value,
            "mozilla" => form.mozilla = value == "1",
            "profile" if value == "rfc5280" => form.profile = value,
            _ => {}
        }
    }
    (form, shared)
}

/// `form` with a shared link's chain and roots values read back as PEM (those given).
async fn read_shared(mut form: Order, shared: [String; 2]) -> Order {
    for (text, value) in [&mut form.chain, &mut form.roots].into_iter().zip(shared) {
        if !value.is_empty() {
            *text = worker::share_decode(value).await.unwrap_or_default();
        }
    }
    form
}

#[component]
pub fn VerifyTab() -> Html {
    let linked = use_memo((), |_| form_from_fragment());
    let form = use_state(|| linked.0.clone());
    let verdict = use_state(|| None::<Verified>);

    let link = use_state(|| None::<Result<browser::Shared, String>>);
    let copy_link = {
        let (form, link) = (form.clone(), link.clone());
        Callback::from(move |_| {
            let (form, link) = ((*form).clone(), link.clone());
            spawn_local(async move {
                let made = match fragment_of(form).await {
                    Ok(fragment) => browser::share_link(&fragment).await,
                    Err(e) => Err(e),
                };
                link.set(Some(made));
            });
        })
    };
    // Every change of the form: a link made before no longer says what the page shows.
    let changed = {
        let (form, link) = (form.clone(), link.clone());
        move |next: Order| {
            if link.is_some() {
                link.set(None);
            }
            browser::forget_link("verify");
            form.set(next);
        }
    };
    let field = |set: fn(&mut Order, String)| {
        let (form, changed) = (form.clone(), changed.clone());
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            set(&mut next, event_value(&e));
            changed(next);
        })
    };
    let toggle_mozilla = {
        let (form, changed) = (form.clone(), changed.clone());
        Callback::from(move |_| {
            changed(Order {
                mozilla: !form.mozilla,
                ..(*form).clone()
            })
        })
    };
    let select = |set: fn(&mut Order, String)| {
        let (form, changed) = (form.clone(), changed.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                let mut next = (*form).clone();
                set(&mut next, select.value());
                changed(next);
            }
        })
    };
    // Files dropped on a text area (PEM or DER) add their certificates to it.
    let drop_error = use_state(|| None::<String>);
    let drop_into = |field: fn(&mut Order) -> &mut String| {
        let (form, drop_error, changed) = (form.clone(), drop_error.clone(), changed.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            let Some(list) = e.data_transfer().and_then(|d| d.files()) else {
                return;
            };
            let (form, drop_error, changed) = (form.clone(), drop_error.clone(), changed.clone());
            browser::read_files(
                list,
                Callback::from(move |files: Vec<browser::LoadedFile>| {
                    let (form, drop_error, changed) =
                        (form.clone(), drop_error.clone(), changed.clone());
                    spawn_local(async move {
                        let mut next = (*form).clone();
                        let text = field(&mut next);
                        let mut problems = Vec::new();
                        for file in files {
                            match worker::certificates_as_pem(file.bytes.to_vec()).await {
                                Ok(pem) => {
                                    if !text.is_empty() && !text.ends_with('\n') {
                                        text.push('\n');
                                    }
                                    text.push_str(&pem);
                                }
                                Err(e) => problems.push(format!("{}: {e}", file.name)),
                            }
                        }
                        changed(next);
                        drop_error.set((!problems.is_empty()).then(|| problems.join("; ")));
                    });
                }),
            );
        })
    };
    let allow_drop = Callback::from(|e: DragEvent| e.prevent_default());
    // Verdicts asked for by a click: each is brought into view once shown.
    let answered = use_state(|| 0u32);
    {
        use_effect_with(*answered, |answered| {
            if *answered > 0 {
                browser::reveal("verify-verdict-card");
            }
        });
    }
    // Which verdict was asked for last: an older answer (a link's, or an earlier click's)
    // never replaces a newer one.
    let asked = use_mut_ref(|| 0u32);
    let onclick = {
        let (form, verdict, answered, asked) = (
            form.clone(),
            verdict.clone(),
            answered.clone(),
            asked.clone(),
        );
        Callback::from(move |_| {
            let (order, verdict, answered) = ((*form).clone(), verdict.clone(), answered.clone());
            *asked.borrow_mut() += 1;
            let (mine, asked) = (*asked.borrow(), asked.clone());
            spawn_local(async move {
                let answer = worker::verify(order).await;
                if *asked.borrow() == mine {
                    verdict.set(Some(answer));
                    answered.set(*answered + 1);
                }
            });
        })
    };
    // A link (shared, or a sample) that brings a chain shows its verdict at once.
    {
        let (form, verdict, asked) = (form.clone(), verdict.clone(), asked.clone());
        use_effect_with(linked, move |linked| {
            let (order, shared) = (**linked).clone();
            spawn_local(async move {
                let order = match shared.iter().all(String::is_empty) {
                    true => order,
                    false => {
                        let order = read_shared(order, shared).await;
                        form.set(order.clone());
                        order
                    }
                };
                if !order.chain.trim().is_empty() {
                    let mine = *asked.borrow();
                    let answer = worker::verify(order).await;
                    if *asked.borrow() == mine {
                        verdict.set(Some(answer));
                    }
                }
            });
        });
    }
    html! {
        <section class="tool">
            <h2>{ "Verify" }</h2>
            <label for="verify-chain">{ "Certificate chain: leaf and intermediates, in any order (extra certificates are fine). Paste, or drop PEM or DER files:" }</label>
            <textarea id="verify-chain" rows="8" spellcheck="false" value={form.chain.clone()} oninput={field(|f, v| f.chain = v)}
                ondragover={allow_drop.clone()} ondrop={drop_into(|f| &mut f.chain)} />
            <label for="verify-roots">{ "Trust anchors: the root certificates you trust (paste or drop):" }</label>
            <textarea id="verify-roots" rows="6" spellcheck="false" value={form.roots.clone()} oninput={field(|f, v| f.roots = v)}
                ondragover={allow_drop} ondrop={drop_into(|f| &mut f.roots)} />
            { match &*drop_error {
                Some(e) => html! { <ErrorBox message={e.clone()} /> },
                None => html! {},
            } }
            <label class="inline"><input type="checkbox" id="verify-mozilla" checked={form.mozilla} onclick={toggle_mozilla} aria-describedby="verify-mozilla-hint" />
                { format!(" Trust Mozilla's root store ({} roots, as of {})", verify::MOZILLA_ROOTS_COUNT, verify::MOZILLA_ROOTS_DATE) }</label>
            <p class="hint" id="verify-mozilla-hint">{ "On by default, as in a browser: a certificate from a public CA verifies without anchors of your own. Untick it to trust only the anchors above (a private CA)." }</p>
            <div class="options">
                <div>
                    <label for="verify-host">{ "Host name or IP (optional)" }</label>
                    <input id="verify-host" type="text" value={form.host.clone()} oninput={field(|f, v| f.host = v)} placeholder="www.example.com" />
                </div>
                <div>
                    <label for="verify-purpose">{ "Purpose" }</label>
                    <select id="verify-purpose" onchange={select(|f, v| f.purpose = v)}>
                        <option value="server" selected={form.purpose == "server"}>{ "TLS server" }</option>
                        <option value="client" selected={form.purpose == "client"}>{ "TLS client (mTLS)" }</option>
                        <option value="any" selected={form.purpose == "any"}>{ "any purpose" }</option>
                    </select>
                </div>
                <div>
                    <label for="verify-profile">{ "Rules" }</label>
                    <select id="verify-profile" onchange={select(|f, v| f.profile = v)} aria-describedby="verify-profile-hint">
                        <option value="webpki" selected={form.profile != "rfc5280"}>{ "webpki: what browsers do" }</option>
                        <option value="rfc5280" selected={form.profile == "rfc5280"}>{ "rfc5280: the standard alone" }</option>
                    </select>
                    <p class="hint" id="verify-profile-hint">{ "The verdict says when the other rules disagree, and why." }</p>
                </div>
                <div>
                    <label for="verify-at">{ "Validation time, UTC (empty: now)" }</label>
                    <input id="verify-at" type="datetime-local" value={form.at.clone()} oninput={field(|f, v| f.at = v)} />
                </div>
                <div>
                    <label for="verify-pins">{ "SPKI pins (pin-sha256, optional)" }</label>
                    <input id="verify-pins" type="text" value={form.pins.clone()} oninput={field(|f, v| f.pins = v)} placeholder="base64 (or sha256//…, or hex), comma-separated" />
                </div>
                <div>
                    <label for="verify-max">{ "Most intermediate CAs (optional, like openssl -verify_depth)" }</label>
                    <input id="verify-max" type="number" min="0" inputmode="numeric" value={form.max_intermediates.clone()} oninput={field(|f, v| f.max_intermediates = v)} placeholder="no limit" />
                </div>
            </div>
            <button type="button" id="verify-run" class="primary" {onclick}>{ "Verify" }</button>
            <button type="button" id="verify-link" onclick={copy_link}>{ "Copy link" }</button>
            { match &*link {
                None => html! {},
                Some(Ok(shared)) => html! { <p class="hint" id="verify-link-done" role="status">{ shared.said("It holds the chain, anchors, host and time, never keys.") }</p> },
                Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
            } }
            <div id="verify-result" aria-live="polite">
                { match &*verdict {
                    None => html! {},
                    Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
                    Some(Ok((v, blocks, bundle))) => html! { <>{ verdict_view(v) }{ lint_view(blocks, bundle) }</> },
                } }
            </div>
            { how_tls_uses_this(verdict.as_ref().and_then(|v| v.as_ref().ok()).map(|(v, _, _)| v)) }
        </section>
    }
}

/// The chain of trust drawn (from the verdict's path when there is one), and where in a TLS 1.3
/// handshake (RFC 8446 section 4.4) each check above happens.
fn how_tls_uses_this(verdict: Option<&Verdict>) -> Html {
    let path: Vec<String> = match verdict {
        Some(v) if !v.path.is_empty() => v.path.clone(),
        _ => vec![
            "your server's certificate (the leaf)".into(),
            "intermediate CA".into(),
            "root CA in the client's trust store".into(),
        ],
    };
    let last = path.len() - 1;
    html! {
        <details class="card how-tls" id="verify-how-tls">
            <summary>{ "How TLS uses this" }</summary>
            <h3>{ "The chain of trust" }</h3>
            <ol class="chain mono" aria-label="chain of trust, leaf first">
                { for path.iter().enumerate().map(|(i, subject)| html! {
                    <li>
                        { subject }
                        <span class="muted">{ match i {
                            0 => " — sent by the server; names the host, holds the key that signs the handshake",
                            i if i == last => " — the trust anchor: the client already has it, the server need not send it",
                            _ => " — sent by the server after the leaf; signed the certificate above it",
                        } }</span>
                    </li>
                }) }
            </ol>
            <h3>{ "Where each check happens in a TLS 1.3 handshake" }</h3>
            <ol class="handshake">
                <li><b>{ "ClientHello" }</b>{ " — the client says which host it wants (SNI), its cipher suites and signature algorithms." }</li>
                <li><b>{ "ServerHello" }</b>{ " — key exchange done; everything after this is encrypted." }</li>
                <li><b>{ "Certificate" }</b>{ " — the server sends its chain: the leaf first, then intermediates (fullchain.pem). Here the client builds the path to a root it trusts and checks every certificate: signatures, validity dates, basic constraints and path length, key usage, name constraints (RFC 5280 section 6); then the host name against the SANs (RFC 6125) and, for a server, the serverAuth EKU. A stapled OCSP response may come with it (must-staple requires one)." }</li>
                <li><b>{ "CertificateVerify" }</b>{ " — the server signs the handshake so far with the leaf's private key: proof it holds the key the certificate names (key.pem never leaves the server)." }</li>
                <li><b>{ "Finished" }</b>{ " — both sides confirm the handshake; any failure above ends the connection with an alert (bad_certificate, certificate_expired, unknown_ca…), which browsers show as ERR_CERT_* errors." }</li>
            </ol>
            <p class="hint">{ "mTLS adds a CertificateRequest from the server, and the client sends its own Certificate and CertificateVerify: the same checks run the other way, with the clientAuth EKU." }</p>
        </details>
    }
}

fn verdict_view(v: &Verdict) -> Html {
    html! {
        <article class={classes!("card", "verdict-card", if v.valid { "ok" } else { "bad" })} id="verify-verdict-card" tabindex="-1"
            aria-labelledby="verify-verdict">
            <h3 id="verify-verdict" class={classes!("verdict", if v.valid { "ok" } else { "bad" })}>{ if v.valid { "valid" } else { "invalid" } }</h3>
            { if v.reordered { html! { <p class="hint" id="verify-reordered">{ "Your chain was not in leaf-to-root order; certbench put it in order." }</p> } } else { html! {} } }
            { match &v.other_profile {
                Some(other) => html! { <p class="hint" id="verify-other-profile" data-profile={other.profile.name()}>{ super::prose(&other.reason) }</p> },
                None => html! {},
            } }
            <ol class="path mono" aria-label="certification path, leaf first">{ for v.path.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            { for v.errors.iter().enumerate().map(|(i, e)| html! {
                <div class="failure" id={(i == 0).then_some("verify-reason")} data-code={e.code.to_string()}>
                    <p>{ super::prose(&e.message) }</p>
                    <p class="mapping">{ format!("{} · OpenSSL: {} · Chromium: {}", e.rfc, e.openssl, e.chromium) }</p>
                </div>
            }) }
            <details open={!v.valid}>
                <summary>{ format!("Every check ({})", v.checks.len()) }</summary>
                <div class="table-scroll">
                <table class="checks">
                    <thead><tr><th>{ "Certificate" }</th><th>{ "Check" }</th><th>{ "Result" }</th><th>{ "Detail" }</th></tr></thead>
                    <tbody>
                        { for v.checks.iter().map(|c| html! {
                            <tr>
                                <td class="mono">{ format!("{} {}", c.depth, c.cert) }</td>
                                <td>{ c.check.replace('_', " ") }{ super::why(certbench_core::glossary::check(&c.check)) }</td>
                                <td class={if c.ok { "ok" } else { "fail" }}>{ if c.ok { "passed" } else { "FAILED" } }</td>
                                <td>{ &c.detail }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            </details>
        </article>
    }
}

/// Lint findings for every certificate of the chain, beside the verdict.
fn lint_view(blocks: &PageBlocks, bundle: &[Finding]) -> Html {
    let certs: Vec<_> = blocks
        .iter()
        .filter_map(|b| b.as_ref().ok()?.certificate())
        .collect();
    html! {
        <section class="card" id="verify-lint">
            <h3>{ "Lint" }</h3>
            { super::report::findings(bundle) }
            { for certs.iter().map(|c| html! {
                <div>
                    <p class="mono">{ &c.subject }</p>
                    { if c.lint.is_empty() { html! { <p class="hint">{ "no findings" }</p> } } else { super::report::findings(&c.lint) } }
                </div>
            }) }
        </section>
    }
}
