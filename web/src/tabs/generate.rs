//! Generate tab: keys, certificates for every profile, CSRs, signing a CSR, and a whole mTLS
//! chain in one click. Keys are made in this page (the browser's CSPRNG; RSA by WebCrypto) and
//! never leave it. Beside every result: the OpenSSL commands that would make the same thing.

use super::{Artifact, ErrorBox, event_value};
use crate::browser;
use certbench_core::generate::{
    self, IssuedBy, KeyPair, KeyType, OpensslRecipe, Profile, Request, Subject,
};
use certbench_core::{Certificate, UnixTime, input};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The defaults mkcert users expect: localhost over IPv4 and IPv6.
const LOCALHOST_SANS: [&str; 3] = ["DNS:localhost", "IP:127.0.0.1", "IP:::1"];

/// What the user can ask for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Issue(Profile),
    Csr,
    SignCsr,
}

const ACTIONS: [(&str, Action, &str); 7] = [
    (
        "selfsigned",
        Action::Issue(Profile::SelfSigned),
        "Self-signed development certificate",
    ),
    ("root", Action::Issue(Profile::Root), "Root CA"),
    (
        "intermediate",
        Action::Issue(Profile::Intermediate),
        "Intermediate CA (signed by a CA)",
    ),
    (
        "server",
        Action::Issue(Profile::Server),
        "TLS server certificate (signed by a CA)",
    ),
    (
        "client",
        Action::Issue(Profile::Client),
        "TLS client certificate for mTLS (signed by a CA)",
    ),
    ("csr", Action::Csr, "Certificate signing request (CSR)"),
    ("sign", Action::SignCsr, "Sign a pasted CSR with a CA"),
];

/// The form, as typed.
#[derive(Clone, PartialEq)]
struct Form {
    action: String,
    key: String,
    cn: String,
    org: String,
    country: String,
    san: String,
    days: String,
    not_before: String,
    pathlen: String,
    permit: String,
    exclude: String,
    ocsp: String,
    crl: String,
    must_staple: bool,
    /// Encrypts key.pem when not empty.
    key_password: String,
    /// `made:N` for a CA made in this page, or `pasted`.
    ca: String,
    ca_cert: String,
    ca_key: String,
    csr: String,
}

impl Default for Form {
    fn default() -> Self {
        Form {
            action: "selfsigned".into(),
            key: "p256".into(),
            cn: "localhost".into(),
            san: LOCALHOST_SANS.join("\n"),
            ca: "pasted".into(),
            org: String::new(),
            country: String::new(),
            days: String::new(),
            not_before: String::new(),
            pathlen: String::new(),
            permit: String::new(),
            exclude: String::new(),
            ocsp: String::new(),
            crl: String::new(),
            must_staple: false,
            key_password: String::new(),
            ca_cert: String::new(),
            ca_key: String::new(),
            csr: String::new(),
        }
    }
}

/// A CA made in this page, to sign with next.
#[derive(Clone, PartialEq)]
struct MadeCa {
    name: String,
    chain: Vec<Certificate>,
    key_pem: String,
}

/// One result: files to save, notes, and the OpenSSL way to do the same.
#[derive(Clone, PartialEq)]
struct Output {
    title: String,
    files: Vec<(String, String)>,
    notes: Vec<String>,
    recipe: Option<OpensslRecipe>,
}

fn list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn request(form: &Form, profile: Profile, now: UnixTime) -> Result<Request, String> {
    let start = match form.not_before.trim() {
        "" => now,
        // datetime-local: `YYYY-MM-DDTHH:MM`, taken as UTC (the label says so).
        text => UnixTime::parse_rfc3339(&format!("{text}Z"))
            .map_err(|e| e.to_string())?
            .plus_seconds(300),
    };
    let days = match form.days.trim() {
        "" => generate::default_days(profile, now),
        d => d
            .parse()
            .map_err(|_| format!("`{d}` is not a number of days"))?,
    };
    let subject = Subject {
        common_name: form.cn.clone(),
        organization: form.org.clone(),
        country: form.country.clone(),
        ..Subject::default()
    };
    let mut req = Request::new(profile, subject, list(&form.san), start, days);
    req.path_len = match form.pathlen.trim() {
        "" => None,
        n => Some(
            n.parse()
                .map_err(|_| format!("pathlen `{n}` is not a number from 0 to 255"))?,
        ),
    };
    req.permitted = list(&form.permit);
    req.excluded = list(&form.exclude);
    req.ocsp_url = Some(form.ocsp.trim().to_string()).filter(|s| !s.is_empty());
    req.crl_url = Some(form.crl.trim().to_string()).filter(|s| !s.is_empty());
    req.must_staple = form.must_staple;
    Ok(req)
}

/// The CA to sign with: one made here, or the pasted certificate (chain) and key.
fn issuing_ca(form: &Form, made: &[MadeCa]) -> Result<(Vec<Certificate>, KeyPair), String> {
    if let Some(index) = form
        .ca
        .strip_prefix("made:")
        .and_then(|n| n.parse::<usize>().ok())
    {
        let ca = made.get(index).ok_or("that CA is gone; choose another")?;
        return Ok((
            ca.chain.clone(),
            KeyPair::from_input(ca.key_pem.as_bytes()).map_err(|e| e.to_string())?,
        ));
    }
    let chain = certbench_core::verify::read_certificates(form.ca_cert.as_bytes())
        .map_err(|e| format!("CA certificate: {e}"))?;
    if chain.is_empty() {
        return Err("paste the CA certificate (PEM), or make a CA first".into());
    }
    let key = KeyPair::from_input(form.ca_key.as_bytes()).map_err(|e| format!("CA key: {e}"))?;
    Ok((chain, key))
}

fn file_list(
    files: &generate::ChainFiles,
    key_pem: Option<&str>,
    with_chain: bool,
) -> Vec<(String, String)> {
    let mut out = vec![("cert.pem".to_string(), files.cert_pem.clone())];
    if let Some(key) = key_pem {
        out.push(("key.pem".into(), key.to_string()));
    }
    if with_chain {
        out.push(("chain.pem".into(), files.chain_pem.clone()));
        out.push(("fullchain.pem".into(), files.fullchain_pem.clone()));
    }
    out
}

/// Does what the form asks with `key`; a CA it makes is remembered in `made`.
fn run(form: &Form, key: KeyPair, made: &mut Vec<MadeCa>) -> Result<Output, String> {
    let now = browser::now();
    let mut rng = browser::rng();
    let err = |e: certbench_core::Error| e.to_string();
    let action = ACTIONS
        .iter()
        .find(|(id, ..)| *id == form.action)
        .map(|a| a.1)
        .unwrap_or(Action::Issue(Profile::SelfSigned));
    let key_pem = match form.key_password.as_str() {
        "" => key.pkcs8_pem(),
        password => key.encrypted_pkcs8_pem(password, &mut rng),
    }
    .map_err(err)?;
    match action {
        Action::Csr => {
            let subject = Subject {
                common_name: form.cn.clone(),
                organization: form.org.clone(),
                country: form.country.clone(),
                ..Subject::default()
            };
            let csr = generate::csr(&subject, &list(&form.san), &key).map_err(err)?;
            Ok(Output {
                title: format!("CSR for {}", form.cn),
                files: vec![
                    (
                        "request.csr".into(),
                        generate::pem("CERTIFICATE REQUEST", &csr).map_err(err)?,
                    ),
                    ("key.pem".into(), key_pem),
                ],
                notes: vec!["Send request.csr to the CA; keep key.pem.".into()],
                recipe: None,
            })
        }
        Action::SignCsr => {
            let (chain, ca_key) = issuing_ca(form, made)?;
            let block = input::read_blocks(form.csr.as_bytes())
                .map_err(err)?
                .into_iter()
                .next()
                .ok_or("paste a CSR")?
                .map_err(err)?;
            let req = request(form, Profile::Server, now)?;
            let signed = generate::sign_csr(&block.der, req, &chain[0], &ca_key, now, &mut rng)
                .map_err(err)?;
            let files = generate::chain_files(&signed.cert, &chain).map_err(err)?;
            Ok(Output {
                title: "Signed the CSR as a server certificate".into(),
                files: file_list(&files, None, true),
                notes: signed
                    .ignored
                    .iter()
                    .map(|i| format!("Not copied from the CSR: {i}"))
                    .collect(),
                recipe: None,
            })
        }
        Action::Issue(profile) => {
            let req = request(form, profile, now)?;
            let spki = key.public_key_info().map_err(err)?;
            let recipe = Some(generate::openssl_recipe(&req, key.key_type));
            let (cert, chain) = if matches!(profile, Profile::SelfSigned | Profile::Root) {
                (
                    generate::issue(&req, &spki, IssuedBy::Itself(&key), now, &mut rng)
                        .map_err(err)?,
                    Vec::new(),
                )
            } else {
                let (chain, ca_key) = issuing_ca(form, made)?;
                let cert = generate::issue(
                    &req,
                    &spki,
                    IssuedBy::Ca {
                        cert: &chain[0],
                        key: &ca_key,
                    },
                    now,
                    &mut rng,
                )
                .map_err(err)?;
                (cert, chain)
            };
            let files = generate::chain_files(&cert, &chain).map_err(err)?;
            if matches!(profile, Profile::Root | Profile::Intermediate) {
                let mut ca_chain = vec![cert.clone()];
                ca_chain.extend(chain.iter().cloned());
                made.push(MadeCa {
                    name: format!(
                        "{} ({})",
                        form.cn,
                        if profile == Profile::Root {
                            "root"
                        } else {
                            "intermediate"
                        }
                    ),
                    chain: ca_chain,
                    key_pem: key.pkcs8_pem().map_err(err)?,
                });
            }
            Ok(Output {
                title: format!(
                    "{} for {}",
                    ACTIONS.iter().find(|a| a.1 == action).map_or("", |a| a.2),
                    form.cn
                ),
                files: file_list(&files, Some(&key_pem), !chain.is_empty()),
                notes: Vec::new(),
                recipe,
            })
        }
    }
}

/// Root → intermediate → server and client, ready for an mTLS test.
fn whole_chain(made: &mut Vec<MadeCa>) -> Result<Output, String> {
    let now = browser::now();
    let mut rng = browser::rng();
    let err = |e: certbench_core::Error| e.to_string();
    let mut files = Vec::new();
    let new_key = |rng: &mut _| KeyPair::generate(KeyType::P256, rng).map_err(err);
    let root_key = new_key(&mut rng)?;
    let root_req = Request::new(
        Profile::Root,
        Subject::common_name("certbench Test Root"),
        Vec::new(),
        now,
        generate::default_days(Profile::Root, now),
    );
    let root = generate::issue(
        &root_req,
        &root_key.public_key_info().map_err(err)?,
        IssuedBy::Itself(&root_key),
        now,
        &mut rng,
    )
    .map_err(err)?;
    let int_key = new_key(&mut rng)?;
    let mut int_req = Request::new(
        Profile::Intermediate,
        Subject::common_name("certbench Test Intermediate"),
        Vec::new(),
        now,
        generate::default_days(Profile::Intermediate, now),
    );
    int_req.path_len = Some(0);
    let int = generate::issue(
        &int_req,
        &int_key.public_key_info().map_err(err)?,
        IssuedBy::Ca {
            cert: &root,
            key: &root_key,
        },
        now,
        &mut rng,
    )
    .map_err(err)?;
    let ca_chain = vec![int.clone(), root.clone()];
    files.push((
        "root.pem".into(),
        generate::chain_files(&root, &[]).map_err(err)?.cert_pem,
    ));
    for (profile, cn, san) in [
        (
            Profile::Server,
            "localhost",
            LOCALHOST_SANS.map(str::to_string).to_vec(),
        ),
        (Profile::Client, "test client", Vec::new()),
    ] {
        let key = new_key(&mut rng)?;
        let req = Request::new(
            profile,
            Subject::common_name(cn),
            san,
            now,
            generate::default_days(profile, now),
        );
        let cert = generate::issue(
            &req,
            &key.public_key_info().map_err(err)?,
            IssuedBy::Ca {
                cert: &int,
                key: &int_key,
            },
            now,
            &mut rng,
        )
        .map_err(err)?;
        let stem = if profile == Profile::Server {
            "server"
        } else {
            "client"
        };
        let chain = generate::chain_files(&cert, &ca_chain).map_err(err)?;
        files.push((format!("{stem}-fullchain.pem"), chain.fullchain_pem));
        files.push((format!("{stem}-key.pem"), key.pkcs8_pem().map_err(err)?));
    }
    made.push(MadeCa {
        name: "certbench Test Intermediate (intermediate)".into(),
        chain: ca_chain,
        key_pem: int_key.pkcs8_pem().map_err(err)?,
    });
    Ok(Output {
        title: "A whole chain: root → intermediate → server and client".into(),
        files,
        notes: vec![
            "Servers: use server-fullchain.pem and server-key.pem. Clients trust root.pem.".into(),
            "mTLS: the server trusts root.pem for clients; the client presents client-fullchain.pem with client-key.pem.".into(),
        ],
        recipe: None,
    })
}

#[component]
pub fn GenerateTab() -> Html {
    let form = use_state(Form::default);
    let made = use_state(Vec::<MadeCa>::new);
    let output = use_state(|| None::<Result<Output, String>>);
    // Which request is running: a newer click or Cancel makes an older result stale.
    let ticket = use_state(|| 0u32);
    let busy = use_state(|| false);
    let text = |set: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            set(&mut next, event_value(&e));
            form.set(next);
        })
    };
    let select = |set: fn(&mut Form, String)| {
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
            form.set(Form {
                must_staple: !form.must_staple,
                ..(*form).clone()
            })
        })
    };
    let generate = {
        let (form, made, output, ticket, busy) = (
            form.clone(),
            made.clone(),
            output.clone(),
            ticket.clone(),
            busy.clone(),
        );
        Callback::from(move |_| {
            let mine = *ticket + 1;
            ticket.set(mine);
            let (form_now, made, output, busy, ticket) = (
                (*form).clone(),
                made.clone(),
                output.clone(),
                busy.clone(),
                ticket.clone(),
            );
            let key_type = KeyType::parse(&form_now.key).unwrap_or(KeyType::P256);
            busy.set(true);
            spawn_local(async move {
                let key = match key_type {
                    KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
                        let bits = key_type.name()[3..].parse().unwrap_or(2048);
                        browser::rsa_pkcs8(bits).await.and_then(|der| {
                            KeyPair::from_pkcs8_der(&der).map_err(|e| e.to_string())
                        })
                    }
                    other => {
                        KeyPair::generate(other, &mut browser::rng()).map_err(|e| e.to_string())
                    }
                };
                if *ticket != mine {
                    return;
                }
                let mut cas = (*made).clone();
                let result = key.and_then(|key| run(&form_now, key, &mut cas));
                made.set(cas);
                output.set(Some(result));
                busy.set(false);
            });
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
        let (made, output) = (made.clone(), output.clone());
        Callback::from(move |_| {
            let mut cas = (*made).clone();
            let key =
                KeyPair::generate(KeyType::P256, &mut browser::rng()).map_err(|e| e.to_string());
            let result = key.and_then(|key| run(&Form::default(), key, &mut cas));
            made.set(cas);
            output.set(Some(result));
        })
    };
    let chain = {
        let (made, output) = (made.clone(), output.clone());
        Callback::from(move |_| {
            let mut cas = (*made).clone();
            output.set(Some(whole_chain(&mut cas)));
            made.set(cas);
        })
    };
    let action = ACTIONS
        .iter()
        .find(|(id, ..)| *id == form.action)
        .map(|a| a.1)
        .unwrap_or(Action::Issue(Profile::SelfSigned));
    let needs_ca = matches!(
        action,
        Action::SignCsr | Action::Issue(Profile::Intermediate | Profile::Server | Profile::Client)
    );
    let is_ca = matches!(action, Action::Issue(Profile::Root | Profile::Intermediate));
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
            <form class="gen-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="options">
                    <div>
                        <label for="gen-action">{ "What to make" }</label>
                        <select id="gen-action" onchange={select(|f, v| f.action = v)}>
                            { for ACTIONS.iter().map(|(id, _, label)| html! { <option value={*id} selected={form.action == *id}>{ *label }</option> }) }
                        </select>
                    </div>
                    <div>
                        <label for="gen-key-type">{ "Key" }</label>
                        <select id="gen-key-type" onchange={select(|f, v| f.key = v)}>
                            { for [("p256", "ECDSA P-256"), ("p384", "ECDSA P-384"), ("ed25519", "Ed25519"), ("rsa2048", "RSA 2048"), ("rsa3072", "RSA 3072"), ("rsa4096", "RSA 4096")].map(|(v, l)| html! {
                                <option value={v} selected={form.key == v}>{ l }</option>
                            }) }
                        </select>
                    </div>
                    <div>
                        <label for="gen-cn">{ "Common name (CN)" }</label>
                        <input id="gen-cn" type="text" value={form.cn.clone()} oninput={text(|f, v| f.cn = v)} />
                    </div>
                    <div>
                        <label for="gen-org">{ "Organization (O), optional" }</label>
                        <input id="gen-org" type="text" value={form.org.clone()} oninput={text(|f, v| f.org = v)} />
                    </div>
                    <div>
                        <label for="gen-days">{ days_hint }</label>
                        <input id="gen-days" type="text" inputmode="numeric" value={form.days.clone()} oninput={text(|f, v| f.days = v)} />
                    </div>
                    <div>
                        <label for="gen-not-before">{ "Valid from, UTC (empty: now; past or future for testing)" }</label>
                        <input id="gen-not-before" type="datetime-local" value={form.not_before.clone()} oninput={text(|f, v| f.not_before = v)} />
                    </div>
                </div>
                <label for="gen-key-password">{ "Encrypt key.pem with a password (optional; PBES2, AES-256-CBC)" }</label>
                <input id="gen-key-password" type="password" autocomplete="new-password" value={form.key_password.clone()} oninput={text(|f, v| f.key_password = v)} />
                <label for="gen-san">{ "Subject alternative names, one per line (DNS:x, IP:y, email:z, URI:u)" }</label>
                <textarea id="gen-san" rows="3" spellcheck="false" value={form.san.clone()} oninput={text(|f, v| f.san = v)} />
                if is_ca {
                    <div class="options">
                        <div>
                            <label for="gen-pathlen">{ "pathlen (optional)" }</label>
                            <input id="gen-pathlen" type="text" inputmode="numeric" value={form.pathlen.clone()} oninput={text(|f, v| f.pathlen = v)} />
                        </div>
                        <div>
                            <label for="gen-permit">{ "Name constraints: permitted (DNS:example.com, IP:10.0.0.0/8)" }</label>
                            <input id="gen-permit" type="text" value={form.permit.clone()} oninput={text(|f, v| f.permit = v)} />
                        </div>
                        <div>
                            <label for="gen-exclude">{ "Name constraints: excluded" }</label>
                            <input id="gen-exclude" type="text" value={form.exclude.clone()} oninput={text(|f, v| f.exclude = v)} />
                        </div>
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
                                <div>
                                    <label for="gen-ocsp">{ "OCSP URL (optional)" }</label>
                                    <input id="gen-ocsp" type="text" value={form.ocsp.clone()} oninput={text(|f, v| f.ocsp = v)} />
                                </div>
                                <div>
                                    <label for="gen-crl">{ "CRL URL (optional)" }</label>
                                    <input id="gen-crl" type="text" value={form.crl.clone()} oninput={text(|f, v| f.crl = v)} />
                                </div>
                                <div>
                                    <label><input type="checkbox" id="gen-must-staple" checked={form.must_staple} onclick={toggle_staple} />{ " OCSP must-staple" }</label>
                                </div>
                            </div>
                        }
                    </fieldset>
                }
                if action == Action::SignCsr {
                    <label for="gen-csr">{ "CSR to sign (PEM). Its subject and SANs are copied (unless you give SANs above); a request to be a CA never is." }</label>
                    <textarea id="gen-csr" rows="6" spellcheck="false" value={form.csr.clone()} oninput={text(|f, v| f.csr = v)} />
                }
                <div class="actions">
                    <button type="button" id="gen-run" class="primary" onclick={generate} disabled={*busy}>{ "Generate" }</button>
                    if *busy {
                        <span class="busy" role="status">{ "Making the key…" }</span>
                        <button type="button" id="gen-cancel" onclick={cancel}>{ "Cancel" }</button>
                    }
                </div>
            </form>
            { match &*output {
                None => html! {},
                Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
                Some(Ok(out)) => output_view(out),
            } }
        </section>
    }
}

fn output_view(out: &Output) -> Html {
    // Lint of the certificate just made: generated profiles are meant to be clean.
    let lint = out
        .files
        .iter()
        .find(|(name, _)| name == "cert.pem")
        .and_then(|(_, pem)| certbench_core::decode::decode(pem.as_bytes(), browser::now()).ok())
        .and_then(|mut blocks| blocks.drain(..).next()?.ok())
        .and_then(|d| match d.report {
            certbench_core::decode::Report::Certificate(c) => Some(c.lint),
            _ => None,
        });
    html! {
        <div id="gen-output">
            <h3>{ &out.title }</h3>
            { for lint.map(|l| if l.is_empty() {
                html! { <p class="hint" id="gen-lint-clean">{ "Lint: no findings." }</p> }
            } else {
                super::report::findings(&l)
            }) }
            { for out.notes.iter().map(|n| html! { <p class="hint">{ n }</p> }) }
            { for out.files.iter().map(|(name, text)| {
                // cert.pem → gen-cert, server-key.pem → gen-server-key: stable ids for tests and labels.
                let id = format!("gen-{}", name.split('.').next().unwrap_or(name));
                html! { <Artifact id={id} title={name.clone()} file_name={name.clone()} text={text.clone()} /> }
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
