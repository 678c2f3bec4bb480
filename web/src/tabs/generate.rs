//! Generate tab: a self-signed localhost certificate in one click.

use super::{Artifact, ErrorBox};
use crate::browser;
use certbench_core::generate::{self, Issued, KeyPair, KeyType, Profile, Request, Subject};
use yew::prelude::*;

/// The defaults mkcert users expect: localhost over IPv4 and IPv6.
const LOCALHOST_SANS: [&str; 3] = ["DNS:localhost", "IP:127.0.0.1", "IP:::1"];

fn self_signed_localhost(days: i64) -> Result<Issued, certbench_core::Error> {
    let mut rng = browser::rng();
    let key = KeyPair::generate(KeyType::P256, &mut rng)?;
    let san = LOCALHOST_SANS.iter().map(|s| s.to_string()).collect();
    let request = Request::new(
        Profile::SelfSigned,
        Subject::common_name("localhost"),
        san,
        browser::now(),
        days,
    );
    generate::self_signed(&request, &key, &mut rng)
}

#[component]
pub fn GenerateTab() -> Html {
    // The longest validity the CA/B Forum allows today, so the certificate is lint-clean.
    let days = generate::default_days(Profile::SelfSigned, browser::now());
    let result = use_state(|| None::<Result<Issued, String>>);
    let onclick = {
        let result = result.clone();
        Callback::from(move |_| {
            result.set(Some(self_signed_localhost(days).map_err(|e| e.to_string())))
        })
    };
    html! {
        <section class="tool">
            <h2>{ "Generate" }</h2>
            <p>{ format!("A self-signed ECDSA P-256 certificate for localhost (DNS:localhost, IP:127.0.0.1, IP:::1), valid for {days} days. The key is made in this page and never leaves it.") }</p>
            <button type="button" id="gen-selfsigned" class="primary" {onclick}>{ "Generate localhost certificate" }</button>
            { match &*result {
                None => html! {},
                Some(Err(e)) => html! { <ErrorBox message={e.clone()} /> },
                Some(Ok(issued)) => html! {
                    <div id="gen-output">
                        <Artifact id="gen-cert" title="Certificate (PEM)" file_name="cert.pem" text={issued.cert_pem.clone()} />
                        <Artifact id="gen-key" title="Private key (PKCS#8 PEM)" file_name="key.pem" text={issued.key_pem.clone()} />
                        <p class="hint">{ "The same with OpenSSL: " }<code>{ format!("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days {days} -keyout key.pem -out cert.pem -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1") }</code></p>
                    </div>
                },
            } }
        </section>
    }
}
