//! Verify tab: a chain (any order) and trust anchors in; the path, every check and a verdict
//! explained in plain words out.

use super::{ErrorBox, event_value};
use crate::browser;
use crate::worker::{self, PageBlocks, Verified};
use certbench_core::lint::Finding;
use certbench_core::samples::SAMPLES;
use certbench_core::verify::{
    self, Policies, PolicyNode, Revocation, RevocationStatus, Verdict, order::Order,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, HtmlSelectElement};
use yew::prelude::*;

/// `verify/chain=…&roots=…&host=…&purpose=…&at=…&profile=…&revocation=…&policies=…&flags=…`:
/// certificates, CRLs and OCSP responses as base64url DER; `flags` the switches that are on.
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
    let mut fragment = format!(
        "verify/chain={}&roots={}&host={}&purpose={}&at={}&mozilla={}",
        share(&form.chain, "chain").await?,
        share(&form.roots, "trust anchors").await?,
        enc(&form.host),
        enc(&form.purpose),
        enc(&form.at),
        u8::from(form.mozilla),
    );
    if form.profile == "rfc5280" {
        fragment.push_str("&profile=rfc5280");
    }
    if !form.revocation.trim().is_empty() {
        let shared = share(&form.revocation, "CRLs and OCSP responses").await?;
        fragment.push_str(&format!("&revocation={shared}"));
    }
    if !form.policies.trim().is_empty() {
        fragment.push_str(&format!("&policies={}", enc(form.policies.trim())));
    }
    let mut switches = form.clone();
    let flags: Vec<&str> = FLAGS
        .iter()
        .filter(|(_, flag)| *flag(&mut switches))
        .map(|(name, _)| *name)
        .collect();
    if !flags.is_empty() {
        fragment.push_str(&format!("&flags={}", flags.join(",")));
    }
    Ok(fragment)
}

/// A switch of the form: where its value lives.
type Switch = fn(&mut Order) -> &mut bool;

/// The form's switches, by the names links give them.
const FLAGS: &[(&str, Switch)] = &[
    ("require-revocation", |f| &mut f.require_revocation),
    ("require-explicit-policy", |f| {
        &mut f.require_explicit_policy
    }),
    ("inhibit-policy-mapping", |f| &mut f.inhibit_policy_mapping),
    ("inhibit-any-policy", |f| &mut f.inhibit_any_policy),
];

/// The form a link describes, or the empty form: a shared link or a sample (`sample=<id>`).
/// A shared link's `chain=`, `roots=` and `revocation=` values come back as they are, for the
/// worker to read ([`read_shared`]).
fn form_from_fragment() -> (Order, [String; 3]) {
    let mut shared = [String::new(), String::new(), String::new()];
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
            "revocation" => shared[2] = value,
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
            "policies" => form.policies = value,
            "flags" => {
                for name in value.split(',') {
                    if let Some((_, flag)) = FLAGS.iter().find(|(n, _)| *n == name) {
                        *flag(&mut form) = true;
                    }
                }
            }
            _ => {}
        }
    }
    (form, shared)
}

/// `form` with a shared link's chain, roots and revocation values read back as PEM (those
/// given).
async fn read_shared(mut form: Order, shared: [String; 3]) -> Order {
    for (text, value) in [&mut form.chain, &mut form.roots, &mut form.revocation]
        .into_iter()
        .zip(shared)
    {
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
    let toggle = |flag: Switch| {
        let (form, changed) = (form.clone(), changed.clone());
        Callback::from(move |_| {
            let mut next = (*form).clone();
            let value = flag(&mut next);
            *value = !*value;
            changed(next);
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
                ondragover={allow_drop.clone()} ondrop={drop_into(|f| &mut f.roots)} />
            <label for="verify-revocation-input">{ "CRLs and OCSP responses (optional): paste, or drop .crl and .der files. Those pasted with the chain count too." }</label>
            <textarea id="verify-revocation-input" rows="4" spellcheck="false" value={form.revocation.clone()} oninput={field(|f, v| f.revocation = v)}
                ondragover={allow_drop} ondrop={drop_into(|f| &mut f.revocation)} aria-describedby="verify-revocation-hint" />
            <p class="hint" id="verify-revocation-hint">{ "The page fetches nothing: download a CRL from the certificate's CRL distribution points, or an OCSP response from its responder (on the Decode tab, a certificate's card makes the request when its issuer is pasted too), and drop it here. An OCSP response that answers for a certificate comes before the CRLs." }</p>
            <label class="inline"><input type="checkbox" id="verify-require-revocation" checked={form.require_revocation} onclick={toggle(|f| &mut f.require_revocation)} />
                { " Fail when a certificate's revocation status is unknown (like openssl verify -crl_check_all)" }</label>
            { match &*drop_error {
                Some(e) => html! { <ErrorBox message={e.clone()} /> },
                None => html! {},
            } }
            <label class="inline"><input type="checkbox" id="verify-mozilla" checked={form.mozilla} onclick={toggle(|f| &mut f.mozilla)} aria-describedby="verify-mozilla-hint" />
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
            <details class="policy-options" id="verify-policy-options" open={policy_asked(&form)}>
                <summary>{ "Certificate policies (RFC 5280 section 6.1)" }</summary>
                <label for="verify-policies">{ "Policies you accept (optional): OIDs or DV, OV, IV, EV; empty accepts any" }</label>
                <input id="verify-policies" type="text" value={form.policies.clone()} oninput={field(|f, v| f.policies = v)} placeholder="2.23.140.1.2.1, EV" />
                <label class="inline"><input type="checkbox" id="verify-require-explicit-policy" checked={form.require_explicit_policy} onclick={toggle(|f| &mut f.require_explicit_policy)} />
                    { " Require an explicit policy (initial-explicit-policy)" }</label>
                <label class="inline"><input type="checkbox" id="verify-inhibit-policy-mapping" checked={form.inhibit_policy_mapping} onclick={toggle(|f| &mut f.inhibit_policy_mapping)} />
                    { " Inhibit policy mapping (initial-policy-mapping-inhibit)" }</label>
                <label class="inline"><input type="checkbox" id="verify-inhibit-any-policy" checked={form.inhibit_any_policy} onclick={toggle(|f| &mut f.inhibit_any_policy)} />
                    { " Inhibit anyPolicy (initial-any-policy-inhibit)" }</label>
            </details>
            <button type="button" id="verify-run" class="primary" {onclick}>{ "Verify" }</button>
            <button type="button" id="verify-link" onclick={copy_link}>{ "Copy link" }</button>
            { match &*link {
                None => html! {},
                Some(Ok(shared)) => html! { <p class="hint" id="verify-link-done" role="status">{ shared.said("It holds the chain, anchors, CRLs, host, time and options, never keys.") }</p> },
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
            { revocation_view(&v.revocation) }
            { policies_view(&v.policies) }
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

/// Whether the form asks anything of policy processing (its section then starts open).
fn policy_asked(form: &Order) -> bool {
    !form.policies.trim().is_empty()
        || form.require_explicit_policy
        || form.inhibit_policy_mapping
        || form.inhibit_any_policy
}

/// Each certificate's revocation status, when CRLs were given or a status required.
fn revocation_view(statuses: &[RevocationStatus]) -> Html {
    if statuses.is_empty() {
        return html! {};
    }
    html! {
        <section id="verify-revocation" aria-labelledby="verify-revocation-title">
            <h4 id="verify-revocation-title">{ "Revocation" }{ super::why(certbench_core::glossary::check("revocation")) }</h4>
            <ul class="revocation">
                { for statuses.iter().map(|s| {
                    let (word, class) = match s.status {
                        Revocation::Good => ("good", "ok"),
                        Revocation::Revoked => ("revoked", "fail"),
                        Revocation::Unknown => ("unknown", "warn"),
                    };
                    let when = match (&s.reason, &s.revoked_at) {
                        (Some(reason), Some(at)) => format!(" ({reason}, {at})"),
                        (None, Some(at)) => format!(" ({at})"),
                        (Some(reason), None) => format!(" ({reason})"),
                        (None, None) => String::new(),
                    };
                    html! {
                        <li data-status={word}>
                            <span class="mono">{ format!("{} {}", s.depth, s.cert) }</span>{ ": " }
                            <b class={class}>{ word }</b>{ when }
                            <span class="muted">{ format!(" — {}", s.detail) }</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The policies the path is valid for, the valid_policy_tree drawn, and what pruned it.
fn policies_view(p: &Policies) -> Html {
    if p.tree.is_none() && p.notes.is_empty() && p.authority_constrained.is_empty() {
        return html! {};
    }
    html! {
        <section id="verify-policies-result" aria-labelledby="verify-policies-title">
            <h4 id="verify-policies-title">{ "Certificate policies" }{ super::why(certbench_core::glossary::check("policy")) }</h4>
            <p>{ match (p.authority_constrained.is_empty(), p.user_constrained.is_empty()) {
                (true, _) => "The path is valid for no policy.".to_string(),
                (false, true) => format!("The CAs allow {}, but none is among those you accept.", p.authority_constrained.join(", ")),
                (false, false) => format!("Valid for {} (the CAs allow {}).", p.user_constrained.join(", "), p.authority_constrained.join(", ")),
            } }</p>
            { match &p.tree {
                Some(root) => html! {
                    <ul class="policy-tree mono" id="verify-policy-tree" aria-label="valid policy tree, one level per certificate below the anchor">
                        { policy_node(root) }
                    </ul>
                },
                None => html! {},
            } }
            { for p.notes.iter().map(|n| html! { <p class="hint">{ n }</p> }) }
        </section>
    }
}

fn policy_node(node: &PolicyNode) -> Html {
    html! {
        <li>
            { &node.policy }
            { node.name.as_ref().map_or(html! {}, |n| html! { <span class="muted">{ format!(" ({n})") }</span> }) }
            { node.mapped_to().map_or(html! {}, |to| html! { <span class="muted">{ format!(" → expects {}", to.join(", ")) }</span> }) }
            { if node.children.is_empty() { html! {} } else { html! { <ul>{ for node.children.iter().map(policy_node) }</ul> } } }
        </li>
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
