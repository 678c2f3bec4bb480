//! The cards of OCSP requests and responses (RFC 6960).

use super::fields::{extensions, row};
use certbench_core::decode::ocsp::{CertIdReport, OcspRequestReport, OcspResponseReport};
use certbench_core::generate::OcspRequestMade;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// A request: the certificates it asks about and its nonce.
pub(super) fn request(r: &OcspRequestReport) -> Html {
    html! {
        <>
            <h3>{ format!("OCSP request for {} certificate(s)", r.requests.len()) }</h3>
            <dl>
                { for r.requests.iter().map(cert_id) }
                { row("Nonce", r.nonce.as_deref().unwrap_or("none")) }
                { row("Signed by", r.requestor.as_deref().unwrap_or_default()) }
            </dl>
            { extensions(&r.extensions, "Request extensions") }
        </>
    }
}

/// A response: its status, who signed it, and each certificate's status.
pub(super) fn response(r: &OcspResponseReport, checking: bool) -> Html {
    let responder = r
        .responder
        .as_ref()
        .map(|who| match (&who.name, &who.key_hash) {
            (Some(name), _) => name.clone(),
            (None, Some(hash)) => format!("the key whose SHA-1 is {hash}"),
            (None, None) => String::new(),
        });
    let signature = match &r.signature {
        Some(check) if check.valid => format!(
            "valid: verified with {}'s key ({})",
            check.signer,
            match check.block {
                Some(block) => format!("block {block}"),
                None => "carried in the response".into(),
            }
        ),
        Some(check) => format!("INVALID: {}'s key does not verify it", check.signer),
        None if checking => "checking…".into(),
        None if r.responder.is_some() => {
            "not checked: paste the responder's or the issuer's certificate with it".into()
        }
        None => String::new(),
    };
    html! {
        <>
            <h3>{ format!("OCSP response: {}", r.status) }</h3>
            <dl>
                { row("Response status", &r.status) }
                { row("Responder", responder.as_deref().unwrap_or_default()) }
                { row("Produced at", &r.produced_at.as_ref().map(ToString::to_string).unwrap_or_default()) }
                { for r.responses.iter().map(|single| html! {
                    <>
                        { cert_id(&single.cert_id) }
                        { row("Certificate status", &match (&single.revoked_at, &single.reason) {
                            (Some(at), Some(reason)) => format!("revoked on {at} ({reason})"),
                            (Some(at), None) => format!("revoked on {at}"),
                            _ => single.status.clone(),
                        }) }
                        { row("Status as of", &single.this_update.to_string()) }
                        { row("Fresh until", &single.next_update.as_ref().map(ToString::to_string).unwrap_or_else(|| "not said".into())) }
                    </>
                }) }
                { row("Nonce", r.nonce.as_deref().unwrap_or_default()) }
                { row("Signature algorithm", r.signature_algorithm.as_deref().unwrap_or_default()) }
                { row("Responder certificates", &r.certificates.join("; ")) }
                { row("Response signature", &signature) }
                { row("Problems", &r.problems.join("; ")) }
            </dl>
            { extensions(&r.extensions, "Response extensions") }
        </>
    }
}

fn cert_id(id: &CertIdReport) -> Html {
    html! {
        <>
            { row("Certificate serial", &id.serial.to_string()) }
            { row("CertID hashes", &format!("{}: issuer name {}, issuer key {}", id.hash_algorithm, id.issuer_name_hash, id.issuer_key_hash)) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct AskProps {
    /// The block of the certificate, in the input decoded last.
    pub block: usize,
    /// Its OCSP responders (authorityInfoAccess).
    pub urls: Vec<String>,
}

/// The OCSP request the page cannot send for a certificate (its issuer in the same input): the
/// request to download and the commands that send it, each runnable as shown on the files the
/// page offers.
#[component]
pub(super) fn OcspAsk(props: &AskProps) -> Html {
    let made = use_state(|| None::<Result<(OcspRequestMade, Vec<u8>), String>>);
    let onclick = {
        let (made, block) = (made.clone(), props.block);
        Callback::from(move |_| {
            let made = made.clone();
            spawn_local(async move { made.set(Some(crate::worker::ocsp_request(block).await)) });
        })
    };
    html! {
        <div class="ocsp-ask">
            <button type="button" class="ocsp-request" {onclick}>{ "Make an OCSP request" }</button>
            <span class="hint">{ format!(" for its responder, {}: the page sends nothing itself.", props.urls.join(", ")) }</span>
            { match &*made {
                None => html! {},
                Some(Err(e)) => html! { <crate::tabs::ErrorBox message={e.clone()} /> },
                Some(Ok((request, der))) => {
                    let (file, der) = (request.request_file.clone(), der.clone());
                    let download = Callback::from(move |_| {
                        crate::browser::download(&file, "application/ocsp-request", &der).ok();
                    });
                    html! {
                        <div class="ocsp-made">
                            <button type="button" class="download-ocsp-request" onclick={download}>{ format!("Download {}", request.request_file) }</button>
                            <p class="hint">{ "Send it, with this certificate and its issuer saved as PEM beside it, then read the answer (or drop it on Verify):" }</p>
                            <ul class="commands">{ for request.commands.iter().map(|c| html! { <li><code>{ c }</code></li> }) }</ul>
                        </div>
                    }
                }
            } }
        </div>
    }
}
