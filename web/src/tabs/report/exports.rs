//! A block's copy and download buttons, and the `openssl` command that reads the file offered
//! (from core: [`certbench_core::decode::export`]).

use crate::browser;
use certbench_core::decode::Decoded;
use yew::prelude::*;

pub(super) fn exports(d: &Decoded) -> Html {
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
                { crate::tabs::copy_button(None, "copy-pem", "Copy PEM", pem.into()) }
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
