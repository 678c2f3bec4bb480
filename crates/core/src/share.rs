//! Shareable links: certificates, CSRs and CRLs travel in the URL fragment (which browsers never
//! send to a server) as base64url DER. Private keys never do: a link that would hold one is
//! refused.

use crate::decode::{self, Report};
use crate::error::Error;
use crate::time::UnixTime;
use base64ct::{Base64UrlUnpadded, Encoding};

/// Longest encoded value: chat tools and browsers cut longer URLs.
pub const MAX_LINK_CHARS: usize = 32_000;

/// A private key, a PKCS#12 file (which may hold one) or a private JWK.
fn holds_private_key(report: &Report) -> bool {
    match report {
        Report::PrivateKey(_) | Report::Pkcs12(_) => true,
        #[cfg(feature = "jose")]
        Report::Jwk(jwk) => jwk.private,
        _ => false,
    }
}

/// The blocks of `input` as one URL-safe value, or why they cannot be shared.
pub fn encode(input: &str) -> Result<String, Error> {
    let blocks = decode::structure(input.as_bytes(), UnixTime(0))?;
    let mut der = Vec::new();
    for block in blocks {
        let block = block?;
        if holds_private_key(&block.report) {
            return Err(Error::Key(format!(
                "block {} holds a private key; links never carry keys: remove it to share the rest",
                block.block
            )));
        }
        der.extend_from_slice(&block.der);
    }
    let value = Base64UrlUnpadded::encode_string(&der);
    if value.len() > MAX_LINK_CHARS {
        return Err(Error::LinkTooLong {
            chars: value.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    Ok(value)
}

/// The PEM text a shared value stands for.
pub fn decode(value: &str) -> Result<String, Error> {
    if value.len() > MAX_LINK_CHARS {
        return Err(Error::LinkTooLong {
            chars: value.len(),
            limit: MAX_LINK_CHARS,
        });
    }
    let der =
        Base64UrlUnpadded::decode_vec(value.trim()).map_err(|_| Error::NothingRecognisable)?;
    let mut pem = String::new();
    for block in decode::structure(&der, UnixTime(0))? {
        let block = block?;
        if holds_private_key(&block.report) {
            return Err(Error::Key("links never carry keys".into()));
        }
        pem.push_str(&block.pem()?);
    }
    Ok(pem)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAIN: &str = include_str!("../../../tests/fixtures/fullchain.pem");
    const KEY: &str = include_str!("../../../tests/fixtures/leaf.key");

    #[test]
    fn certificates_round_trip_and_keys_never_travel() {
        let value = encode(CHAIN).unwrap();
        assert!(
            value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        let back = decode(&value).unwrap();
        assert_eq!(
            crate::decode::read_certificates(back.as_bytes()).unwrap(),
            crate::decode::read_certificates(CHAIN.as_bytes()).unwrap()
        );
        let with_key = format!("{CHAIN}{KEY}");
        assert!(
            encode(&with_key)
                .unwrap_err()
                .to_string()
                .contains("never carry keys")
        );
        // A private JWK neither; a public one travels as the key it is.
        let ed = r#""kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo""#;
        let private = format!(r#"{{{ed},"d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}}"#);
        assert!(
            encode(&private)
                .unwrap_err()
                .to_string()
                .contains("never carry keys")
        );
        let public = decode(&encode(&format!("{{{ed}}}")).unwrap()).unwrap();
        assert!(public.starts_with("-----BEGIN PUBLIC KEY-----"));
        assert!(decode("!!!").is_err());
        assert!(decode(&"A".repeat(MAX_LINK_CHARS + 1)).is_err());
    }
}
