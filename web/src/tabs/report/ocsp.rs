//! The cards of OCSP requests and responses (RFC 6960).

use super::fields::{extensions, row};
use certbench_core::decode::ocsp::{CertIdReport, OcspRequestReport, OcspResponseReport};
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
