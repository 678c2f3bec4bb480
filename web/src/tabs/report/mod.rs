//! Renders one decoded block: a summary first, then every field, fingerprints, exports and the
//! ASN.1 tree. Everything shown comes from certbench-core's report.

mod asn1_view;
mod exports;
mod fields;
mod findings;
mod lazy;
mod ocsp;
mod unlock;

use asn1_view::*;
use certbench_core::asn1::{self};
use certbench_core::decode::overview::{Role, Status};
use certbench_core::decode::{CertificateReport, Decoded, Report};
use exports::*;
use fields::*;
use lazy::*;
use std::rc::Rc;
use unlock::*;
use yew::prelude::*;

pub(crate) use fields::extensions;
pub(crate) use findings::findings;

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
        .unwrap_or_else(|| format!("{:?}", d.encoding).to_ascii_uppercase());
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
                            { row("This update", &crl.this_update.to_string()) }
                            { row("Next update", &crl.next_update.as_ref().map_or("none".into(), ToString::to_string)) }
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
                        { findings(&crl.lint) }
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
                Report::OcspRequest(r) => ocsp::request(r),
                Report::OcspResponse(r) => ocsp::response(r, checking),
                // The worker never sends other kinds ([`crate::worker`]'s `Unread`).
                #[allow(unreachable_patterns, reason = "reached only by kinds the page does not know yet")]
                _ => html! {},
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
            if nested.is_none() && d.item.is_none() && !c.ocsp.is_empty() {
                <ocsp::OcspAsk block={d.block} urls={c.ocsp.clone()} />
            }
        </>
    }
}
