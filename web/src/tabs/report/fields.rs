//! "All fields": every field of a report as `openssl x509 -text` shows it, built when opened,
//! and the small renderers (rows, hex, attributes, extensions) the card shares.

use certbench_core::decode::{Decoded, PublicKeyReport, Report, ext::ExtensionReport};
use std::rc::Rc;
use yew::prelude::*;

/// Every field of a certificate (see [`certificate`]), as `openssl x509 -text` lists them,
/// built on demand.
pub(super) fn all_fields(
    d: Rc<Decoded>,
    nested: Option<usize>,
    checking: bool,
) -> Callback<(), Html> {
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
                    { hex_row("Serial", &c.serial.to_string(), &format!(" (decimal {})", c.serial_decimal)) }
                    { row("Signature algorithm", &c.signature_algorithm) }
                    <dt>{ "Issuer" }{ crate::tabs::why(certbench_core::glossary::field("Issuer")) }</dt><dd>{ attributes(&c.issuer_attributes) }</dd>
                    <dt>{ "Subject" }{ crate::tabs::why(certbench_core::glossary::field("Subject")) }</dt><dd>{ attributes(&c.subject_attributes) }</dd>
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

pub(super) fn row(name: &str, value: &str) -> Html {
    if value.is_empty() {
        return html! {};
    }
    html! { <><dt>{ name }{ crate::tabs::why(certbench_core::glossary::field(name)) }</dt><dd class="mono">{ value }</dd></> }
}

pub(super) fn key_rows(key: &PublicKeyReport) -> Html {
    let mut summary = key.algorithm.name().to_string();
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
            <dt>{ if key.algorithm.is_rsa() { "Modulus" } else { "Public value" } }</dt>
            <dd class="mono"><details><summary>{ format!("{} hex digits", key.public_hex.len()) }</summary><span class="hex">{ wrapped_hex(&key.public_hex) }</span></details></dd>
            { row("JWK thumbprint", key.jwk_thumbprint.as_deref().unwrap_or_default()) }
        </>
    }
}

pub(super) fn attributes(attrs: &[certbench_core::dn::Attribute]) -> Html {
    html! {
        <table class="attrs">
            { for attrs.iter().map(|a| html! {
                <tr><th scope="row" title={a.oid.clone()}>{ &a.name }</th><td class="mono">{ &a.value }</td><td class="muted">{ &a.string_type }</td></tr>
            }) }
        </table>
    }
}

pub(crate) fn extensions(exts: &[ExtensionReport], title: &str) -> Html {
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
                                { crate::tabs::why(certbench_core::extension::by_dotted(&e.oid).and_then(|x| x.why.as_ref())) }
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

/// A row holding hex in pairs with colons (a fingerprint, a serial): it wraps between bytes,
/// never inside one (the text copied is unchanged: `<wbr>` adds no character).
pub(super) fn hex_row(name: &str, hex: &str, after: &str) -> Html {
    if hex.is_empty() {
        return html! {};
    }
    html! {
        <>
            <dt>{ name }{ crate::tabs::why(certbench_core::glossary::field(name)) }</dt>
            <dd class="mono hex">{ wrapped_hex(hex) }{ after.to_string() }</dd>
        </>
    }
}

/// `hex` as colon-separated pairs that may wrap after each colon (`<wbr>`, written as markup:
/// the text is certbench's own hex digits and colons).
pub(super) fn wrapped_hex(hex: &str) -> Html {
    Html::from_html_unchecked(
        certbench_core::dn::colons(hex)
            .replace(':', ":<wbr>")
            .into(),
    )
}
