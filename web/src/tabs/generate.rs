//! Generate tab: keys, certificates for every profile, CSRs, signing a CSR, and a whole mTLS
//! chain in one click. Keys are made in this page (the browser's CSPRNG; RSA by WebCrypto) or
//! pasted by the user, and never leave it. Beside every result: the OpenSSL commands that would
//! make the same thing.

use super::{Artifact, ErrorBox, event_value};
use crate::browser;
use crate::worker::{self, Made};
use certbench_core::generate::order::{ACTIONS, Action, FormView, MadeCa, Order, Outcome};
use certbench_core::generate::{self, Profile};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[component]
pub fn GenerateTab() -> Html {
    let form = use_state(Order::default);
    let made = use_state(Vec::<MadeCa>::new);
    let output = use_state(|| None::<Result<Made, String>>);
    // The preview and the pasted CSR's requests, for the form as it is now.
    let view = use_state(FormView::default);
    let asked = use_mut_ref(|| 0u32);
    {
        let (view, asked) = (view.clone(), asked.clone());
        use_effect_with((*form).clone(), move |order| {
            *asked.borrow_mut() += 1;
            let (mine, order) = (*asked.borrow(), order.clone());
            spawn_local(async move {
                let answer = worker::form(order).await.unwrap_or_default();
                if *asked.borrow() == mine {
                    view.set(answer);
                }
            });
        });
    }
    // Which request is running: a newer click or Cancel makes an older result stale.
    let ticket = use_state(|| 0u32);
    let busy = use_state(|| false);
    let text = |set: fn(&mut Order, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            set(&mut next, event_value(&e));
            form.set(next);
        })
    };
    let select = |set: fn(&mut Order, String)| {
        let form = form.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<HtmlSelectElement>() {
                let mut next = (*form).clone();
                set(&mut next, el.value());
                form.set(next);
            }
        })
    };
    let toggle_staple = {
        let form = form.clone();
        Callback::from(move |_| {
            form.set(Order {
                must_staple: !form.must_staple,
                ..(*form).clone()
            })
        })
    };
    let toggle_copy = {
        let form = form.clone();
        Callback::from(move |oid: String| {
            let mut next = (*form).clone();
            match next.csr_copy.iter().position(|c| *c == oid) {
                Some(i) => {
                    next.csr_copy.remove(i);
                }
                None => next.csr_copy.push(oid),
            }
            form.set(next);
        })
    };
    // Runs the order (the whole chain for `None`), with the key made here when it wants RSA.
    let run = {
        let (made, output, ticket, busy) =
            (made.clone(), output.clone(), ticket.clone(), busy.clone());
        move |order: Option<Order>| {
            let mine = *ticket + 1;
            ticket.set(mine);
            let (made, output, busy, ticket) =
                (made.clone(), output.clone(), busy.clone(), ticket.clone());
            busy.set(true);
            spawn_local(async move {
                let result = worker::generate(order, (*made).clone()).await;
                if *ticket != mine {
                    return;
                }
                match result {
                    Ok(result) => {
                        let mut cas = (*made).clone();
                        cas.extend(result.outcome.made.iter().cloned());
                        made.set(cas);
                        output.set(Some(Ok(result)));
                    }
                    Err(e) => output.set(Some(Err(e))),
                }
                busy.set(false);
            });
        }
    };
    // Results appear below the form: each is brought into view (and the wait for a slow key
    // too), so a click visibly does something.
    {
        use_effect_with(
            (*busy, output.is_some(), *ticket),
            |(busy, shown, _)| match (busy, shown) {
                (true, _) => browser::reveal("gen-busy"),
                (false, true) => browser::reveal("gen-result"),
                _ => {}
            },
        );
    }
    // The form's submit: the button, or Enter in any of its fields (a password among them).
    let generate = {
        let (form, run, busy) = (form.clone(), run.clone(), busy.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !*busy {
                run(Some((*form).clone()));
            }
        })
    };
    let cancel = {
        let (ticket, busy) = (ticket.clone(), busy.clone());
        Callback::from(move |_| {
            ticket.set(*ticket + 1);
            busy.set(false);
        })
    };
    let quick = {
        let run = run.clone();
        Callback::from(move |_| run(Some(Order::default())))
    };
    let chain = Callback::from(move |_| run(None));
    let action = form.action();
    // Signing a CSR: the CSR brings the key and subject; the form's are hidden. The empty
    // SAN box shows the names the CSR brings, which are used unless others are typed.
    let signing = action == Action::SignCsr;
    let csr_names = match &view.preview {
        Some(Ok(p)) if form.san.trim().is_empty() => p
            .names_from
            .clone()
            .unwrap_or_else(|| "the CSR's names".into()),
        _ => "the CSR's names".into(),
    };
    let needs_ca = action.needs_ca();
    let is_ca = action.makes_ca();
    let days_hint = match action {
        Action::Issue(p) => format!(
            "days (default {})",
            generate::default_days(p, browser::now())
        ),
        _ => "days".into(),
    };
    html! {
        <section class="tool">
            <h2>{ "Generate" }</h2>
            <p>{ "Keys are made in this page and never leave it." }</p>
            <div class="actions">
                <button type="button" id="gen-selfsigned" class="primary" onclick={quick}>{ "Localhost certificate in one click" }</button>
                <button type="button" id="gen-chain" onclick={chain}>{ "Whole mTLS chain in one click" }</button>
            </div>
            <form class="gen-form" onsubmit={generate}>
                <div class="options">
                    <div>
                        <label for="gen-action">{ "What to make" }</label>
                        <select id="gen-action" onchange={select(|f, v| f.set_action(&v))}>
                            { for ACTIONS.iter().map(|(id, _, label)| html! { <option value={*id} selected={form.action == *id}>{ *label }</option> }) }
                        </select>
                    </div>
                    if !signing {
                    <div>
                        <label for="gen-key-type">{ "Key" }</label>
                        <select id="gen-key-type" onchange={select(|f, v| f.key = v)}>
                            { for [("p256", "ECDSA P-256"), ("p384", "ECDSA P-384"), ("ed25519", "Ed25519"), ("rsa2048", "RSA 2048"), ("rsa3072", "RSA 3072"), ("rsa4096", "RSA 4096")].map(|(v, l)| html! {
                                <option value={v} selected={form.key == v}>{ l }</option>
                            }) }
                        </select>
                    </div>
                    { text_field("gen-cn", "Common name (CN)", &form.cn, text(|f, v| f.cn = v)) }
                    { text_field("gen-org", "Organization (O), optional", &form.org, text(|f, v| f.org = v)) }
                    }
                    if action != Action::Csr {
                    <div>
                        <label for="gen-days">{ days_hint }</label>
                        <input id="gen-days" type="text" inputmode="numeric" value={form.days.clone()} oninput={text(|f, v| f.days = v)} />
                    </div>
                    <div>
                        <label for="gen-not-before">{ "Valid from, UTC (empty: now; past or future for testing)" }</label>
                        <input id="gen-not-before" type="datetime-local" value={form.not_before.clone()} oninput={text(|f, v| f.not_before = v)} />
                    </div>
                    }
                </div>
                if !signing {
                <details class="subject-more" open={!(form.ou.is_empty() && form.country.is_empty() && form.state.is_empty() && form.locality.is_empty())}>
                    <summary>{ "More subject fields (OU, C, ST, L)" }</summary>
                    <div class="options">
                        { text_field("gen-ou", "Organizational unit (OU)", &form.ou, text(|f, v| f.ou = v)) }
                        <div>
                            <label for="gen-country">{ "Country (C), two letters" }</label>
                            <input id="gen-country" type="text" maxlength="2" value={form.country.clone()} oninput={text(|f, v| f.country = v)} />
                        </div>
                        { text_field("gen-state", "State or province (ST)", &form.state, text(|f, v| f.state = v)) }
                        { text_field("gen-locality", "Locality (L)", &form.locality, text(|f, v| f.locality = v)) }
                    </div>
                </details>
                <details class="own-key" open={!form.own_key.is_empty()}>
                    <summary>{ "Use my own key instead of a new one" }</summary>
                    <label for="gen-own-key">{ "Private key (PEM: PKCS#8, PKCS#1, SEC1 or encrypted PKCS#8; it stays in this page)" }</label>
                    <textarea id="gen-own-key" rows="4" spellcheck="false" value={form.own_key.clone()} oninput={text(|f, v| f.own_key = v)} />
                    <label for="gen-own-key-password">{ "Its password, if it is encrypted" }</label>
                    <input id="gen-own-key-password" type="password" autocomplete="off" value={form.own_key_password.clone()} oninput={text(|f, v| f.own_key_password = v)} />
                </details>
                <label for="gen-key-password">{ "Encrypt key.pem with a password (optional; PBES2, AES-256-CBC)" }</label>
                <input id="gen-key-password" type="password" autocomplete="new-password" value={form.key_password.clone()} oninput={text(|f, v| f.key_password = v)} />
                }
                if matches!(form.action(), Action::Issue(_)) {
                    <label for="gen-p12-password">{ "Also bundle.p12 (key, certificate and chain, for browsers, keychains and Java) with this password (optional)" }</label>
                    <input id="gen-p12-password" type="password" autocomplete="new-password" value={form.p12_password.clone()} oninput={text(|f, v| f.p12_password = v)} />
                }
                <label for="gen-san">{ match signing {
                    true => "Subject alternative names: leave empty to use the CSR's; names typed here replace them (one per line: DNS:x, IP:y, email:z, URI:u)",
                    false => "Subject alternative names, one per line (DNS:x, IP:y, email:z, URI:u)",
                } }</label>
                <textarea id="gen-san" rows="3" spellcheck="false" value={form.san.clone()} oninput={text(|f, v| f.san = v)}
                    placeholder={signing.then(|| csr_names.clone())} />
                if is_ca {
                    <div class="options">
                        <div>
                            <label for="gen-pathlen">{ "pathlen (optional)" }</label>
                            <input id="gen-pathlen" type="text" inputmode="numeric" value={form.pathlen.clone()} oninput={text(|f, v| f.pathlen = v)} />
                        </div>
                        { text_field("gen-permit", "Name constraints: permitted (DNS:example.com, IP:10.0.0.0/8)", &form.permit, text(|f, v| f.permit = v)) }
                        { text_field("gen-exclude", "Name constraints: excluded", &form.exclude, text(|f, v| f.exclude = v)) }
                    </div>
                }
                if needs_ca {
                    <fieldset class="ca">
                        <legend>{ "Signing CA" }</legend>
                        <label for="gen-ca">{ "CA" }</label>
                        <select id="gen-ca" onchange={select(|f, v| f.ca = v)}>
                            <option value="pasted" selected={form.ca == "pasted"}>{ "paste a CA certificate and key" }</option>
                            { for made.iter().enumerate().map(|(i, ca)| html! {
                                <option value={format!("made:{i}")} selected={form.ca == format!("made:{i}")}>{ format!("made here: {}", ca.name) }</option>
                            }) }
                        </select>
                        if form.ca == "pasted" {
                            <label for="gen-ca-cert">{ "CA certificate (PEM; add its issuers after it for chain.pem)" }</label>
                            <textarea id="gen-ca-cert" rows="4" spellcheck="false" value={form.ca_cert.clone()} oninput={text(|f, v| f.ca_cert = v)} />
                            <label for="gen-ca-key">{ "CA private key (PEM; stays in this page)" }</label>
                            <textarea id="gen-ca-key" rows="4" spellcheck="false" value={form.ca_key.clone()} oninput={text(|f, v| f.ca_key = v)} />
                        }
                        if matches!(action, Action::Issue(Profile::Server)) {
                            <div class="options">
                                { text_field("gen-ocsp", "OCSP URL (optional)", &form.ocsp, text(|f, v| f.ocsp = v)) }
                                { text_field("gen-crl", "CRL URL (optional)", &form.crl, text(|f, v| f.crl = v)) }
                                <div>
                                    <label><input type="checkbox" id="gen-must-staple" checked={form.must_staple} onclick={toggle_staple} />{ " OCSP must-staple" }</label>
                                </div>
                            </div>
                        }
                    </fieldset>
                }
                if action == Action::SignCsr {
                    <label for="gen-csr">{ "CSR to sign (PEM). Its subject and SANs are copied (unless you give SANs above); tick the other extensions it asks for to copy them; a request to be a CA never is." }</label>
                    <textarea id="gen-csr" rows="6" spellcheck="false" value={form.csr.clone()} oninput={text(|f, v| f.csr = v)} />
                    { requested_view(&view, &form, toggle_copy) }
                }
                { preview_view(&view) }
                <div class="actions">
                    <button type="submit" id="gen-run" class="primary" disabled={*busy}>{ "Generate" }</button>
                    if *busy {
                        <span class="busy" role="status" id="gen-busy" tabindex="-1">{ match form.key.as_str() {
                            "rsa4096" | "rsa3072" => "Making the RSA key… (a few seconds for RSA 3072 and 4096)",
                            _ => "Making the key…",
                        } }</span>
                        <button type="button" id="gen-cancel" onclick={cancel}>{ "Cancel" }</button>
                    }
                </div>
            </form>
            <div id="gen-result" tabindex="-1">
            { match &*output {
                None => html! {},
                Some(Err(e)) => html! { <div id="gen-error"><ErrorBox message={e.clone()} /></div> },
                Some(Ok(out)) => output_view(out),
            } }
            </div>
        </section>
    }
}

/// What the pasted CSR asks for, each extension with a box to copy it as requested instead of
/// the profile's (never CA rights, key identifiers or names, which the form decides).
fn requested_view(view: &FormView, form: &Order, toggle: Callback<String>) -> Html {
    match view.requested.clone() {
        None => html! {},
        Some(Err(e)) => html! { <ErrorBox message={format!("CSR: {e}")} /> },
        Some(Ok(list)) if list.is_empty() => {
            html! { <p class="hint">{ "The CSR requests no extensions." }</p> }
        }
        Some(Ok(list)) => html! {
            <div class="table-scroll">
            <table class="requested" id="gen-requested">
                <thead><tr><th>{ "The CSR asks for" }</th><th>{ "Value" }</th><th>{ "Copy it as requested?" }</th></tr></thead>
                <tbody>
                    { for list.into_iter().map(|r| {
                        let oid = r.extension.oid.clone();
                        let checked = form.csr_copy.contains(&oid);
                        let toggle = toggle.clone();
                        let onclick = Callback::from(move |_| toggle.emit(oid.clone()));
                        html! {
                            <tr>
                                <th scope="row">{ &r.extension.name }</th>
                                <td class="mono">{ for r.extension.value.iter().map(|v| html! { <div>{ v }</div> }) }</td>
                                <td>{ match r.never {
                                    Some(why) => html! { <span class="muted">{ format!("never: {why}") }</span> },
                                    None => html! { <label><input type="checkbox" class="copy-requested" data-oid={r.extension.oid.clone()} {checked} {onclick} />{ " copy (else the profile's)" }</label> },
                                } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        },
    }
}

/// Saves every file of `out` in one `certbench.zip`.
fn download_all(out: &Outcome) -> Callback<MouseEvent> {
    let files = out.files.clone();
    Callback::from(move |_| {
        let entries: Vec<certbench_core::zip::Entry> = files
            .iter()
            .map(|f| certbench_core::zip::Entry {
                name: &f.name,
                contents: f.bytes.as_deref().unwrap_or(f.text.as_bytes()),
            })
            .collect();
        if let Some(zip) = certbench_core::zip::archive(&entries) {
            browser::download("certbench.zip", "application/zip", &zip).ok();
        }
    })
}

/// What the certificate will say, updated as the form changes (before any key is made).
fn preview_view(view: &FormView) -> Html {
    match &view.preview {
        None => html! {},
        Some(Err(e)) => {
            html! { <p class="hint" id="gen-preview-problem">{ "Not yet: " }{ super::prose(e) }</p> }
        }
        Some(Ok(p)) => html! {
            <section class="preview" id="gen-preview">
                <h3>{ "Preview: what the certificate will say" }</h3>
                <dl>
                    <dt>{ "Subject" }</dt><dd class="mono">{ &p.subject }</dd>
                    <dt>{ "Valid" }</dt><dd class="mono">{ format!("{} to {} ({} days)", p.not_before, p.not_after, p.days) }</dd>
                    if let Some(from) = &p.names_from {
                        <dt>{ "Names from" }</dt><dd id="gen-preview-names">{ from }</dd>
                    }
                </dl>
                { super::report::extensions(&p.extensions, "Extensions") }
            </section>
        },
    }
}

fn output_view(made: &Made) -> Html {
    let (out, lint) = (&made.outcome, made.lint.clone());
    html! {
        <div id="gen-output">
            <h3>{ &out.title }</h3>
            <button type="button" id="gen-zip" onclick={download_all(out)}>{ "Download all files (.zip)" }</button>
            { for lint.map(|l| if l.is_empty() {
                html! { <p class="hint" id="gen-lint-clean">{ "Lint: no findings." }</p> }
            } else {
                super::report::findings(&l)
            }) }
            { for out.notes.iter().map(|n| html! { <p class="hint">{ super::prose(n) }</p> }) }
            { for out.files.iter().zip(&made.ders).map(|(file, der)| {
                // cert.pem → gen-cert, server-key.pem → gen-server-key: stable ids for tests and labels.
                let id = format!("gen-{}", file.name.split('.').next().unwrap_or(&file.name));
                html! { <Artifact id={id} file={file.clone()} der={der.clone()} /> }
            }) }
            { for out.recipe.iter().map(|r| html! {
                <details class="recipe">
                    <summary>{ "The same with OpenSSL" }</summary>
                    <pre class="mono">{ r.commands.join("\n") }</pre>
                    { for r.extfile.iter().map(|f| html! { <><p class="hint">{ "ext.cnf:" }</p><pre class="mono">{ f }</pre></> }) }
                </details>
            }) }
        </div>
    }
}

/// A labelled one-line text field of the form.
fn text_field(
    id: &'static str,
    label: &'static str,
    value: &str,
    oninput: Callback<InputEvent>,
) -> Html {
    html! {
        <div>
            <label for={id}>{ label }</label>
            <input id={id} type="text" value={value.to_string()} {oninput} />
        </div>
    }
}
