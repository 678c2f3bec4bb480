//! Decode tab: paste anything, see every block.

use super::{ErrorBox, event_value};
use crate::browser;
use certbench_core::decode::{self, Decoded, Report};
use yew::prelude::*;

#[component]
pub fn DecodeTab() -> Html {
    let input = use_state(String::new);
    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| input.set(event_value(&e)))
    };
    let results =
        (!input.trim().is_empty()).then(|| decode::decode(input.as_bytes(), browser::now()));
    html! {
        <section class="tool">
            <h2>{ "Decode" }</h2>
            <label for="decode-input">{ "Paste PEM (any number of blocks), base64 or a DER dump:" }</label>
            <textarea id="decode-input" rows="10" spellcheck="false" value={(*input).clone()} {oninput}
                placeholder="-----BEGIN CERTIFICATE-----" />
            <div id="decode-results" aria-live="polite">
                { match results {
                    None => html! {},
                    Some(Err(e)) => html! { <ErrorBox message={e.to_string()} /> },
                    Some(Ok(blocks)) => blocks.into_iter().map(|block| match block {
                        Ok(decoded) => block_card(&decoded),
                        Err(e) => html! { <ErrorBox message={e.to_string()} /> },
                    }).collect::<Html>(),
                } }
            </div>
        </section>
    }
}

fn block_card(d: &Decoded) -> Html {
    let title = format!("Block {}: {}", d.block, kind_name(&d.report));
    let rows: Vec<(&str, String)> = match &d.report {
        Report::Certificate(c) => vec![
            ("Subject", c.subject.clone()),
            ("Issuer", c.issuer.clone()),
            ("Serial", c.serial.clone()),
            ("Not before", c.not_before.clone()),
            ("Not after", c.not_after.clone()),
            ("Status", validity_text(&c.validity)),
            ("Names (SAN)", c.san.join(", ")),
            ("Key", key_text(&c.public_key)),
            ("SHA-256", colons(&c.fingerprint_sha256)),
        ],
        Report::Csr(csr) => vec![
            ("Subject", csr.subject.clone()),
            ("Names (SAN)", csr.san.join(", ")),
            ("Key", key_text(&csr.public_key)),
            (
                "Signature",
                if csr.signature_valid {
                    "valid".into()
                } else {
                    "INVALID".into()
                },
            ),
        ],
        Report::PrivateKey(key) => {
            let mut rows = vec![("Format", key.format.clone())];
            if let Some(scheme) = &key.encryption {
                rows.push(("Encryption", scheme.clone()));
            }
            if let Some(public) = &key.public_key {
                rows.push(("Key", key_text(public)));
            }
            rows
        }
        Report::PublicKey(key) => vec![("Key", key_text(key))],
        Report::Pkcs7(bundle) => {
            let mut rows = vec![(
                "Contents",
                format!(
                    "{} certificate(s), {} CRL(s)",
                    bundle.certificates.len(),
                    bundle.crl_count
                ),
            )];
            rows.extend(
                bundle
                    .certificates
                    .iter()
                    .map(|c| ("Certificate", c.subject.clone())),
            );
            rows
        }
        Report::Pkcs12(p12) => vec![
            ("Contents", p12.note.clone()),
            ("MAC", p12.mac.clone().unwrap_or_default()),
        ],
        Report::Crl(crl) => vec![
            ("Issuer", crl.issuer.clone()),
            ("This update", crl.this_update.clone()),
            (
                "Next update",
                crl.next_update.clone().unwrap_or_else(|| "none".into()),
            ),
            ("Revoked", crl.revoked.len().to_string()),
        ],
    };
    html! {
        <article class="card">
            <h3>{ title }</h3>
            <dl>
                { for rows.into_iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| html! {
                    <><dt>{ k }</dt><dd class="mono">{ v }</dd></>
                }) }
            </dl>
        </article>
    }
}

fn kind_name(report: &Report) -> &'static str {
    match report {
        Report::Certificate(_) => "certificate",
        Report::Csr(_) => "certificate request (CSR)",
        Report::PrivateKey(_) => "private key",
        Report::PublicKey(_) => "public key",
        Report::Crl(_) => "revocation list (CRL)",
        Report::Pkcs7(_) => "PKCS#7 certificate bundle",
        Report::Pkcs12(_) => "PKCS#12 bundle",
    }
}

fn validity_text(v: &certbench_core::decode::cert::ValidityStatus) -> String {
    match v.status.as_str() {
        "valid" => format!("valid, expires in {} days", v.days),
        "expired" => format!("expired {} days ago", v.days),
        _ => format!("not yet valid, starts in {} days", v.days),
    }
}

fn key_text(key: &certbench_core::decode::PublicKeyReport) -> String {
    let mut text = key.algorithm.clone();
    if let Some(bits) = key.bits {
        text.push_str(&format!(" {bits} bit"));
    }
    if let Some(curve) = &key.curve {
        text.push_str(&format!(" ({curve})"));
    }
    text
}

fn colons(hex: &str) -> String {
    hex.as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).to_uppercase())
        .collect::<Vec<_>>()
        .join(":")
}
