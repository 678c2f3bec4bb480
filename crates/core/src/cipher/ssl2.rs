//! SSL 2.0's cipher specs: three-byte codes (`0x07,0x00,0xC0`) that a ClientHello in SSL 2.0
//! format still lists, and that scanners print when a server still speaks SSL 2.0.

use super::{Explanation, Rating, stack_title};

/// One SSL 2.0 cipher spec: (code, name, OpenSSL's name, cipher, key bits, mode).
type Spec = (
    u32,
    &'static str,
    &'static str,
    &'static str,
    u16,
    &'static str,
);

/// The SSL 2.0 specification's seven cipher specs, and the 64-bit RC4 one Microsoft and
/// OpenSSL added (OpenSSL 0.9.8 ssl2.h): (code, the specification's name (NSS's and Windows'
/// too), OpenSSL 0.9.8's name, cipher, key bits, mode).
#[rustfmt::skip]
const SPECS: [Spec; 8] = [
    (0x010080, "SSL_CK_RC4_128_WITH_MD5", "RC4-MD5", "RC4", 128, "stream"),
    (0x020080, "SSL_CK_RC4_128_EXPORT40_WITH_MD5", "EXP-RC4-MD5", "RC4", 40, "stream"),
    (0x030080, "SSL_CK_RC2_128_CBC_WITH_MD5", "RC2-CBC-MD5", "RC2", 128, "CBC"),
    (0x040080, "SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5", "EXP-RC2-CBC-MD5", "RC2", 40, "CBC"),
    (0x050080, "SSL_CK_IDEA_128_CBC_WITH_MD5", "IDEA-CBC-MD5", "IDEA", 128, "CBC"),
    (0x060040, "SSL_CK_DES_64_CBC_WITH_MD5", "DES-CBC-MD5", "DES", 56, "CBC"),
    (0x0700C0, "SSL_CK_DES_192_EDE3_CBC_WITH_MD5", "DES-CBC3-MD5", "3DES", 112, "CBC"),
    (0x080080, "SSL_CK_RC4_64_WITH_MD5", "RC4-64-MD5", "RC4", 64, "stream"),
];

/// The SSL 2.0 spec `query` names: by code, by `SSL_CK_…` name (also `SSL2_…`, NSS's
/// `SSL_EN_…`), or by an OpenSSL name that only SSL 2.0 used (`DES-CBC3-MD5`).
pub(super) fn explain(query: &str) -> Option<Explanation> {
    let query = query.trim();
    let upper = query.to_ascii_uppercase();
    let bare = upper
        .strip_prefix("SSL_CK_")
        .or_else(|| upper.strip_prefix("SSL2_CK_"))
        .or_else(|| upper.strip_prefix("SSL2_"))
        .or_else(|| upper.strip_prefix("SSL_EN_"));
    let digits = super::hex_digits(query);
    let code = (digits.len() == 6 && query.len() <= 24)
        .then(|| u32::from_str_radix(&digits, 16).ok())
        .flatten();
    let spec = SPECS.iter().find(|&&(c, name, openssl, ..)| {
        Some(c) == code
            || bare.is_some_and(|b| name.strip_prefix("SSL_CK_") == Some(b))
            // RC4-MD5, EXP-RC4-MD5 and EXP-RC2-CBC-MD5 name SSL 3.0 suites too: those win.
            || (openssl.eq_ignore_ascii_case(query) && super::find(query).is_err())
    })?;
    Some(explanation(spec))
}

fn explanation(&(code, name, openssl, enc, bits, mode): &Spec) -> Explanation {
    let [_, a, b, c] = code.to_be_bytes();
    let mut reasons = vec![
        "SSL 2.0 is broken: no handshake integrity (downgrades), a weak MAC construction, and DROWN lets it decrypt TLS sessions that share the server's RSA key; RFC 6176 prohibits it".to_string(),
    ];
    if bits <= 64 {
        reasons.push("EXPORT-grade or single-DES key sizes: broken by brute force".into());
    }
    if enc == "RC4" {
        reasons.push("RC4 has exploitable keystream biases; prohibited by RFC 7465".into());
    }
    Explanation {
        iana: name.to_string(),
        openssl: Some(openssl.to_string()),
        gnutls: None,
        code: format!("0x{a:02X},0x{b:02X},0x{c:02X}"),
        versions: vec!["SSL 2.0".into()],
        kx: "RSA".into(),
        auth: "RSA".into(),
        enc: enc.into(),
        bits,
        mode: mode.into(),
        aead: false,
        mac: "MD5".into(),
        prf: "SSL 2.0 key derivation (MD5)".into(),
        forward_secrecy: false,
        rating: Rating::Insecure,
        reasons,
        reference: "SSL 2.0 (Netscape, 1995); prohibited by RFC 6176".into(),
        iana_recommended: false,
        dtls: false,
        notes: vec![format!(
            "an SSL 2.0 cipher spec: three bytes, not a TLS suite; {} printed it as {}",
            stack_title("openssl"),
            openssl
        )],
        standard: false,
        history: Some(
            "SSL 2.0's cipher specs, sent in SSL 2.0-format ClientHellos until about 2010; a server that accepts one is vulnerable to DROWN".into(),
        ),
        names: [("openssl", openssl), ("nss", name), ("schannel", name)]
            .into_iter()
            .collect(),
        all_names: Vec::new(),
        supported_by: Vec::new(),
    }
}
