//! Renders one decoded block: a summary first, then every field, fingerprints, exports and the
//! ASN.1 tree. Everything shown comes from certbench-core's report.

use crate::browser;
use certbench_core::asn1::{self, Node};
use certbench_core::decode::overview::{Role, Status};
use certbench_core::decode::{
    CertificateReport, Decoded, PublicKeyReport, Report, RevokedEntry, ext::ExtensionReport,
};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct BlockProps {
    /// Shared, not copied: a card's lazily built parts keep it for when they are opened.
    pub decoded: Rc<Decoded>,
    /// Where the block came from (file name or "pasted text").
    pub source: AttrValue,
    /// Signature checks and derived keys are still on their way from WebCrypto.
    #[prop_or_default]
    pub checking: bool,
}

#[component]
pub(crate) fn BlockCard(props: &BlockProps) -> Html {
    let d = &props.decoded;
    let checking = props.checking;
    let label = d
        .label
        .clone()
        .unwrap_or_else(|| format!("{:?}", d.encoding).to_uppercase());
    let origin = match (d.item, d.line) {
        (Some(item), _) => format!("{}, item {item}", props.source),
        (None, Some(line)) => format!("{}, block {} ({label}, line {line})", props.source, d.block),
        (None, None) => format!("{}, block {} ({label})", props.source, d.block),
    };
    html! {
        <article class="card block">
            <p class="origin">{ origin }</p>
            { match &d.report {
                Report::Certificate(c) => certificate(d, None, c, checking),
                Report::Csr(csr) => html! {
                    <>
                        <h3>{ format!("Certificate request for {}", csr.subject) }</h3>
                        <dl>
                            { row("Subject", &csr.subject) }
                            { row("Names (SAN)", &csr.san.join(", ")) }
                            { key_rows(&csr.public_key) }
                            { row("Signature", match csr.signature_valid {
                                Some(true) => "valid: signed by the key it carries",
                                Some(false) => "INVALID: altered, or not signed by its key",
                                None if checking => "checking…",
                                None => "not checked",
                            }) }
                        </dl>
                        if !csr.attributes.is_empty() {
                            <dl class="csr-attributes">
                                { for csr.attributes.iter().map(|(name, values)| row(name, &values.join(", "))) }
                            </dl>
                        }
                        { extensions(&csr.requested_extensions, "Requested extensions") }
                    </>
                },
                Report::PrivateKey(key) => html! {
                    <>
                        <h3>
                            { format!("Private key ({})", key.format.to_string().replace('_', " ")) }
                            if !key.encrypted && !checking && key.matches.is_empty() {
                                <span class="badge warn key-unmatched">{ "matches nothing here" }</span>
                            }
                        </h3>
                        <p class="hint">{ "A private key: keep it secret. It stays in this page." }</p>
                        <dl>
                            { for key.encryption.iter().map(|e| row("Encryption", e)) }
                            { for key.public_key.iter().map(key_rows) }
                            if !key.encrypted {
                                { row("Goes with", &match key.matches.as_slice() {
                                    [] if checking => "checking…".to_string(),
                                    [] => "no certificate or CSR in this input carries its public key".to_string(),
                                    blocks => format!("{} {}: its certificate or CSR carries this key's public key", if d.item.is_some() { "item" } else { "block" }, blocks.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")),
                                }) }
                            }
                        </dl>
                        if key.encrypted {
                            <Unlock locked={d.clone()} what={Locked::Key} />
                        }
                    </>
                },
                Report::PublicKey(key) => html! { <><h3>{ "Public key" }</h3><dl>{ key_rows(key) }</dl></> },
                Report::Crl(crl) => html! {
                    <>
                        <h3>{ format!("Revocation list by {}", crl.issuer) }</h3>
                        <dl>
                            { row("This update", &crl.this_update) }
                            { row("Next update", crl.next_update.as_deref().unwrap_or("none")) }
                            { row("Signature algorithm", &crl.signature_algorithm) }
                            { row("Revoked", &crl.revoked_count.max(crl.revoked.len()).to_string()) }
                            { row("Signature", &match &crl.issuer_signature {
                                Some(check) if check.valid => format!("valid: verified with the certificate in block {}", check.issuer_block),
                                Some(check) => format!("INVALID: the issuer's certificate in block {} does not verify it", check.issuer_block),
                                None if checking => "checking…".into(),
                                None => "not checked: paste the issuer's certificate with it".into(),
                            }) }
                        </dl>
                        if !crl.revoked.is_empty() {
                            <LazyDetails class="revoked" summary={format!("Revoked certificates ({})", crl.revoked_count.max(crl.revoked.len()))}
                                contents={revoked_list(d)} />
                        }
                        { extensions(&crl.extensions, "CRL extensions") }
                    </>
                },
                Report::Pkcs7(bundle) => html! {
                    <>
                        <h3>{ format!("PKCS#7 bundle: {} certificate(s)", bundle.certificates.len()) }</h3>
                        { for bundle.certificates.iter().enumerate().map(|(i, c)| html! { <section class="nested">{ certificate(d, Some(i), c, checking) }</section> }) }
                    </>
                },
                Report::Pkcs12(p12) => html! {
                    <>
                        <h3>{ "PKCS#12 bundle" }</h3>
                        <dl>{ row("Contents", &p12.note) }{ for p12.mac.iter().map(|m| row("Integrity MAC", m)) }</dl>
                        <Unlock locked={d.clone()} what={Locked::Pkcs12} />
                    </>
                },
                Report::Parameters(p) => html! {
                    <>
                        <h3>{ format!("{} parameters", p.algorithm) }</h3>
                        <p class="hint">{ "Domain parameters, not a key: what openssl ecparam writes before a key, or a server's ssl_dhparam file." }</p>
                        <dl>
                            { row("Size", &p.bits.map(|b| format!("{b} bits")).unwrap_or_default()) }
                            { row("Curve", p.curve.as_deref().unwrap_or_default()) }
                        </dl>
                        { findings(&p.lint) }
                    </>
                },
            } }
            { exports(d) }
            <Asn1View der={d.der.clone()} shape={match &d.report {
                Report::Certificate(_) => Some(asn1::Shape::Certificate),
                Report::Csr(_) => Some(asn1::Shape::Request),
                Report::Crl(_) => Some(asn1::Shape::RevocationList),
                _ => None,
            }} />
        </article>
    }
}

fn row(name: &str, value: &str) -> Html {
    if value.is_empty() {
        return html! {};
    }
    html! { <><dt>{ name }{ super::why(certbench_core::glossary::field(name)) }</dt><dd class="mono">{ value }</dd></> }
}

fn key_rows(key: &PublicKeyReport) -> Html {
    let mut summary = key.algorithm.clone();
    if let Some(bits) = key.bits {
        summary.push_str(&format!(", {bits} bits"));
    }
    if let Some(curve) = &key.curve {
        summary.push_str(&format!(", curve {curve}"));
    }
    if let Some(e) = key.exponent {
        summary.push_str(&format!(", exponent {e}"));
    }
    html! {
        <>
            { row("Public key", &summary) }
            <dt>{ if key.algorithm.starts_with("RSA") { "Modulus" } else { "Public value" } }</dt>
            <dd class="mono"><details><summary>{ format!("{} hex digits", key.public_hex.len()) }</summary><span class="hex">{ wrapped_hex(&key.public_hex) }</span></details></dd>
        </>
    }
}

/// How much of the validity period has passed, coloured by the status (`class`: ok, warn,
/// bad): an expired certificate's bar is full and red, a not-yet-valid one's empty and red.
/// Widths are classes in 5% steps: the Content-Security-Policy allows no inline style.
fn validity_bar(elapsed_percent: u8, class: &'static str, status: &str) -> Html {
    let step = (u16::from(elapsed_percent.min(100)) + 2) / 5 * 5;
    html! {
        <div class={classes!("validity-bar", class)} role="meter" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow={elapsed_percent.to_string()} aria-valuetext={status.to_string()}
            aria-label={format!("{elapsed_percent}% of the validity period has passed")}>
            <div class={classes!("fill", format!("p{step}"))}></div>
        </div>
    }
}

/// The certificate of block `d`: `c`, the block itself (`nested` None) or the `nested`th
/// certificate of its PKCS#7 bundle.
fn certificate(
    d: &Rc<Decoded>,
    nested: Option<usize>,
    c: &CertificateReport,
    checking: bool,
) -> Html {
    let (status, class) = Status::line(c);
    let title = c
        .subject_attributes
        .iter()
        .rev()
        .find(|a| a.name == "CN")
        .map(|a| a.value.clone())
        .or_else(|| c.san.first().cloned())
        .unwrap_or_else(|| c.subject.clone());
    html! {
        <>
            <h3>{ title }<span class="badge">{ Role::of(c).name() }</span><span class={classes!("badge", class)}>{ status.clone() }</span></h3>
            { validity_bar(c.validity.elapsed_percent, class, &status) }
            { findings(&c.lint) }
            <dl class="summary">
                { row("Subject", &c.subject) }
                { row("Issuer", &c.issuer) }
                { row("Names (SAN)", &c.san.join(", ")) }
                { row("Valid", &format!("{} to {} ({} days)", c.not_before, c.not_after, c.validity.lifetime_days)) }
                { row("Status", &format!("{status} (at {})", c.validity.at)) }
                { hex_row("SHA-256", &c.fingerprint_sha256, "") }
            </dl>
            <LazyDetails class="fields" summary="All fields" contents={all_fields(d.clone(), nested, checking)} />
        </>
    }
}

/// A `<details>` whose contents are built when it is first opened: "All fields" is most of a
/// certificate's page, so a pasted bundle of 144 certificates makes a third of the DOM.
#[derive(Properties, PartialEq)]
struct LazyDetailsProps {
    class: AttrValue,
    summary: AttrValue,
    contents: Callback<(), Html>,
}

#[component]
fn LazyDetails(props: &LazyDetailsProps) -> Html {
    let opened = use_state(|| false);
    let onclick = {
        let opened = opened.clone();
        Callback::from(move |_| opened.set(true))
    };
    html! {
        <details class={props.class.clone()}>
            <summary {onclick}>{ props.summary.clone() }</summary>
            if *opened { { props.contents.emit(()) } }
        </details>
    }
}

/// How many revoked entries a CRL's list shows before the user asks for all: a CA's CRL can
/// hold hundreds of thousands, and one page element each would stall the page for seconds.
const REVOKED_SHOWN: usize = 1000;

fn revoked_list(crl: &Rc<Decoded>) -> Callback<(), Html> {
    let crl = crl.clone();
    Callback::from(move |()| html! { <RevokedList crl={crl.clone()} /> })
}

#[derive(Properties, PartialEq)]
struct RevokedListProps {
    /// A CRL's block.
    crl: Rc<Decoded>,
}

#[component]
fn RevokedList(props: &RevokedListProps) -> Html {
    let (here, total): (&[RevokedEntry], usize) = match &props.crl.report {
        Report::Crl(crl) => (&crl.revoked, crl.revoked_count.max(crl.revoked.len())),
        _ => (&[], 0),
    };
    // Every entry, asked for: the page first has the worker's first thousand of them.
    let all = use_state(|| None::<Rc<Vec<RevokedEntry>>>);
    let show_all = use_state(|| false);
    let revoked: &[RevokedEntry] = match &*all {
        Some(all) => all,
        None => here,
    };
    let shown = if *show_all {
        revoked.len()
    } else {
        revoked.len().min(REVOKED_SHOWN)
    };
    let onclick = {
        let (show_all, all, der) = (show_all.clone(), all.clone(), props.crl.der.clone());
        let fetch = here.len() < total;
        Callback::from(move |_| {
            show_all.set(true);
            if fetch {
                let (all, der) = (all.clone(), der.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(entries) = crate::worker::revoked(der).await {
                        all.set(Some(Rc::new(entries)));
                    }
                });
            }
        })
    };
    html! {
        <>
            <ul class="mono">{ for revoked[..shown].iter().map(|r| html! {
                <li>{ format!("{} on {}{}", r.serial, r.date, r.reason.as_deref().map(|x| format!(" ({x})")).unwrap_or_default()) }</li>
            }) }</ul>
            if shown < total && !*show_all {
                <button type="button" class="show-all-revoked" {onclick}>{ format!("Show all {} (the next {} may take a moment)", total, total - shown) }</button>
            } else if shown < total {
                <p class="hint busy" role="status">{ format!("Reading all {total} entries…") }</p>
            }
        </>
    }
}

/// Every field of a certificate (see [`certificate`]), as `openssl x509 -text` lists them,
/// built on demand.
fn all_fields(d: Rc<Decoded>, nested: Option<usize>, checking: bool) -> Callback<(), Html> {
    Callback::from(move |()| {
        let c = match (&d.report, nested) {
            (Report::Certificate(c), None) => c.as_ref(),
            (Report::Pkcs7(bundle), Some(i)) => match bundle.certificates.get(i) {
                Some(c) => c,
                None => return html! {},
            },
            _ => return html! {},
        };
        html! {
            <>
                <dl>
                    { row("Version", &format!("v{}", c.version)) }
                    { hex_row("Serial", &c.serial, &format!(" (decimal {})", c.serial_decimal)) }
                    { row("Signature algorithm", &c.signature_algorithm) }
                    <dt>{ "Issuer" }{ super::why(certbench_core::glossary::field("Issuer")) }</dt><dd>{ attributes(&c.issuer_attributes) }</dd>
                    <dt>{ "Subject" }{ super::why(certbench_core::glossary::field("Subject")) }</dt><dd>{ attributes(&c.subject_attributes) }</dd>
                    { key_rows(&c.public_key) }
                    { hex_row("SHA-1", &c.fingerprint_sha1, "") }
                    { row("SPKI pin", &format!("pin-sha256=\"{}\"", c.spki_sha256_base64)) }
                    { row("Self-signed", match c.self_signed {
                        Some(true) => "yes",
                        Some(false) => "no",
                        None if checking => "checking…",
                        None => "cannot tell (this signature algorithm cannot be checked here)",
                    }) }
                </dl>
                { extensions(&c.extensions, "Extensions") }
            </>
        }
    })
}

fn attributes(attrs: &[certbench_core::dn::Attribute]) -> Html {
    html! {
        <table class="attrs">
            { for attrs.iter().map(|a| html! {
                <tr><th scope="row" title={a.oid.clone()}>{ &a.name }</th><td class="mono">{ &a.value }</td><td class="muted">{ &a.string_type }</td></tr>
            }) }
        </table>
    }
}

pub(super) fn extensions(exts: &[ExtensionReport], title: &str) -> Html {
    if exts.is_empty() {
        return html! {};
    }
    html! {
        <section class="extensions">
            <h4>{ title }</h4>
            <div class="table-scroll">
            <table>
                <thead><tr><th>{ "Extension" }</th><th>{ "Value" }</th></tr></thead>
                <tbody>
                    { for exts.iter().map(|e| html! {
                        <tr>
                            <th scope="row">
                                { &e.name }
                                { super::why(certbench_core::extension::by_dotted(&e.oid).and_then(|x| x.why.as_ref())) }
                                { if e.critical { html! { <span class="badge warn">{ "critical" }</span> } } else { html! {} } }
                                <div class="muted">{ &e.about }</div>
                            </th>
                            <td class="mono">{ for e.value.iter().map(|line| html! { <div>{ line }</div> }) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

fn exports(d: &Decoded) -> Html {
    let export = d.export();
    let pem = d.pem().unwrap_or_default();
    let download = |file: &Option<String>, mime: &'static str, bytes: Vec<u8>| {
        file.clone().map(|file| {
            Callback::from(move |_| {
                browser::download(&file, mime, &bytes).ok();
            })
        })
    };
    let download_pem = download(
        &export.pem_file,
        "application/x-pem-file",
        pem.clone().into_bytes(),
    );
    let download_der = download(&export.der_file, "application/octet-stream", d.der.clone());
    let der_label = match &export.der_file {
        Some(file) if file.ends_with(".p12") => "Download .p12",
        _ => "Download DER",
    };
    html! {
        <div class="actions">
            if let Some(onclick) = download_pem {
                { super::copy_button(None, "copy-pem", "Copy PEM", pem.into()) }
                <button type="button" class="download-pem" {onclick}>{ "Download PEM" }</button>
            }
            if let Some(onclick) = download_der {
                <button type="button" class="download-der" {onclick}>{ der_label }</button>
            }
            <p class="hint">{ "With OpenSSL: " }<code class="openssl-command">{ export.command }</code>
                if export.asks_password { { " (it asks for the password)" } }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct Asn1Props {
    der: Vec<u8>,
    /// What the block is, when its fields can be pointed at.
    shape: Option<asn1::Shape>,
}

/// The ASN.1 tree, parsed only once opened: a bundle of 144 certificates renders faster. For a
/// certificate, choosing one of its fields highlights the bytes that hold it (as asn1js does).
#[component]
fn Asn1View(props: &Asn1Props) -> Html {
    let open = use_state(|| false);
    let highlight = use_state(|| None::<usize>);
    // The state follows the element after the browser toggled it (a click handler that set
    // it would run before the toggle, which then undid it).
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::Element>() {
                open.set(details.has_attribute("open"));
            }
        })
    };
    let fields = use_memo((props.der.clone(), props.shape), |(der, shape)| {
        shape
            .map(|shape| asn1::fields(shape, der))
            .unwrap_or_default()
    });
    let onchange = {
        let (open, highlight) = (open.clone(), highlight.clone());
        Callback::from(move |e: Event| {
            let chosen = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| s.value().parse().ok());
            highlight.set(chosen);
            open.set(true);
        })
    };
    html! {
        <>
            if !fields.is_empty() {
                <label class="inline asn1-field">{ "Show the bytes of " }
                    <select class="asn1-field-select" {onchange}>
                        <option value="" selected={highlight.is_none()}>{ "a field…" }</option>
                        { for fields.iter().map(|(name, offset)| html! {
                            <option value={offset.to_string()} selected={*highlight == Some(*offset)}>{ name }</option>
                        }) }
                    </select>
                </label>
            }
            <details class="asn1" open={*open} {ontoggle}>
                <summary>{ format!("ASN.1 structure ({} bytes)", props.der.len()) }</summary>
                if *open {
                    <ul class="tree mono">{ for asn1::parse(&props.der).iter().map(|n| asn1_node(n, *highlight)) }</ul>
                }
            </details>
        </>
    }
}

fn asn1_node(node: &Node, highlight: Option<usize>) -> Html {
    let head = format!(
        "{} @{} +{}{}",
        node.tag,
        node.offset,
        node.length,
        node.value
            .as_deref()
            .map(|v| format!(": {v}"))
            .unwrap_or_default()
    );
    let error = node
        .error
        .as_deref()
        .map(|e| html! { <span class="error-inline">{ format!(" — {e}") }</span> });
    let marked = (highlight == Some(node.offset)).then_some("highlight");
    let holds = highlight
        .is_some_and(|h| (node.offset..node.offset + node.header_len + node.length).contains(&h));
    if node.children.is_empty() {
        html! { <li class={classes!(marked)}>{ head }{ for error }</li> }
    } else {
        html! {
            <li class={classes!(marked)}>
                <details open={node.offset < 8 || holds}>
                    <summary>{ head }{ for error }</summary>
                    <ul>{ for node.children.iter().map(|c| asn1_node(c, highlight)) }</ul>
                </details>
            </li>
        }
    }
}

/// A row holding hex in pairs with colons (a fingerprint, a serial): it wraps between bytes,
/// never inside one (the text copied is unchanged: `<wbr>` adds no character).
fn hex_row(name: &str, hex: &str, after: &str) -> Html {
    if hex.is_empty() {
        return html! {};
    }
    html! {
        <>
            <dt>{ name }{ super::why(certbench_core::glossary::field(name)) }</dt>
            <dd class="mono hex">{ wrapped_hex(hex) }{ after.to_string() }</dd>
        </>
    }
}

/// `hex` as colon-separated pairs that may wrap after each colon (`<wbr>`, written as markup:
/// the text is certbench's own hex digits and colons).
fn wrapped_hex(hex: &str) -> Html {
    Html::from_html_unchecked(colons(hex).replace(':', ":<wbr>").into())
}

/// Hex digits in pairs with colons, as OpenSSL and browsers show fingerprints.
pub(crate) fn colons(hex: &str) -> String {
    hex.as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).to_uppercase())
        .collect::<Vec<_>>()
        .join(":")
}

/// Lint findings, most severe first, each with the rule it comes from.
pub(crate) fn findings(list: &[certbench_core::lint::Finding]) -> Html {
    use certbench_core::lint::Severity;
    if list.is_empty() {
        return html! {};
    }
    html! {
        <ul class="findings">
            { for list.iter().map(|f| {
                let (class, word) = match f.severity {
                    Severity::Error => ("bad", "error"),
                    Severity::Warning => ("warn", "warning"),
                    Severity::Notice => ("notice", "notice"),
                };
                html! {
                    <li class={classes!("finding", class)} data-code={f.code.to_string()}>
                        <span class={classes!("badge", class)}>{ word }</span>{ " " }{ super::prose(&f.message) }
                        <span class="muted">{ format!(" ({})", f.source) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

/// What a password opens.
#[derive(Clone, Copy, PartialEq)]
enum Locked {
    /// An encrypted key: PKCS#8, or legacy encrypted PEM.
    Key,
    /// A PKCS#12 file: keys and certificates.
    Pkcs12,
}

#[derive(Properties, PartialEq)]
struct UnlockProps {
    locked: Rc<Decoded>,
    what: Locked,
}

/// Password field for an encrypted key or a PKCS#12 file; the password and what it opens stay
/// in the page.
#[component]
fn Unlock(props: &UnlockProps) -> Html {
    let password = use_state(String::new);
    let result = use_state(|| None::<Result<Vec<Rc<Decoded>>, String>>);
    // A file may ask for millions of key-derivation iterations: seconds of work, shown, and
    // stoppable. `answering` is the same for the clean-up below, which outlives renders.
    let working = use_state(|| false);
    let answering = use_mut_ref(|| false);
    {
        // The card is gone (the input changed): stop the worker if it is still deriving this
        // file's keys.
        let answering = answering.clone();
        use_effect_with((), move |_| {
            move || {
                if *answering.borrow() {
                    crate::worker::abandon_unlocks();
                }
            }
        });
    }
    let oninput = {
        let password = password.clone();
        Callback::from(move |e: InputEvent| password.set(super::event_value(&e)))
    };
    // A form, so Enter in the password field opens it as the button does.
    let onsubmit = {
        let (password, result, working) = (password.clone(), result.clone(), working.clone());
        let (locked, what) = (props.locked.clone(), props.what);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (password, result, locked) = ((*password).clone(), result.clone(), locked.clone());
            let (working, answering) = (working.clone(), answering.clone());
            working.set(true);
            *answering.borrow_mut() = true;
            wasm_bindgen_futures::spawn_local(async move {
                let pkcs12 = what == Locked::Pkcs12;
                let opened = crate::worker::unlock(&locked, pkcs12, password).await;
                *answering.borrow_mut() = false;
                working.set(false);
                result.set(Some(opened));
            });
        })
    };
    let stop = Callback::from(|_| crate::worker::abandon_unlocks());
    let (field, button, label) = match props.what {
        Locked::Key => ("key-password", "decrypt-key", "Decrypt"),
        Locked::Pkcs12 => ("p12-password", "open-p12", "Open"),
    };
    html! {
        <form class="decrypt" {onsubmit}>
            <label>{ "Password " }<input type="password" class={field} autocomplete="off" value={(*password).clone()} {oninput} /></label>
            <button type="submit" class={button} disabled={*working}>{ label }</button>
            if *working {
                <span class="busy" role="status">{ "Deriving the key from the password…" }</span>
                <button type="button" class="stop-unlock" onclick={stop}>{ "Stop" }</button>
            }
            { match (&*result, props.what) {
                (None, _) => html! {},
                (Some(Err(e)), _) => html! { <p class="error" role="alert">{ e }</p> },
                (Some(Ok(opened)), Locked::Key) => html! {
                    <dl class="decrypted">
                        { row("Decrypted", "yes") }
                        { for opened.iter().map(|d| match &d.report {
                            Report::PrivateKey(key) => match &key.public_key {
                                Some(public) => key_rows(public),
                                None => row("Key type", "unknown"),
                            },
                            _ => row("Contents", "not a private key"),
                        }) }
                    </dl>
                },
                (Some(Ok(opened)), Locked::Pkcs12) => html! {
                    <div class="p12-contents">
                        { for opened.iter().map(|d| html! {
                            <BlockCard decoded={d.clone()} source={format!("inside the PKCS#12 file of block {}", d.block)} />
                        }) }
                    </div>
                },
            } }
        </form>
    }
}
