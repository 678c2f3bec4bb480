//! The TLS registries beside cipher suites: supported groups (key exchange), signature
//! schemes, protocol versions and ALPN protocol ids, explained like suites. Groups and
//! signature schemes are IANA's registries (`groups.tsv`, `sigschemes.tsv`, made by
//! tools/gen-tls-registries.py); versions and ALPN ids are short tables here.

use serde::Serialize;

/// One value of a TLS registry, explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegistryEntry {
    /// `supported_groups`, `signature_schemes`, `versions` or `alpn`.
    pub registry: &'static str,
    /// The IANA name (`x25519`, `ecdsa_secp256r1_sha256`, `TLS 1.3`, `h2`).
    pub name: String,
    /// The code point (`0x001D`), or the ALPN id's bytes.
    pub code: String,
    /// How OpenSSL spells it in `-groups`, `-sigalgs` or `-min_protocol` (and its aliases).
    pub openssl: Vec<String>,
    /// What it is.
    pub what: String,
    /// Its security, in words (`128-bit`, `broken`, `post-quantum hybrid`).
    pub strength: String,
    /// Whether it resists a quantum computer.
    pub post_quantum: bool,
    /// IANA's Recommended column: `Y`, `N`, `D` (discouraged), or empty.
    pub recommended: String,
    /// The RFCs and drafts IANA cites.
    pub reference: String,
    /// What else is worth knowing: which clients and libraries use it, what replaced it.
    pub notes: Vec<String>,
}

/// A row of a generated registry table.
struct Row {
    code: u16,
    name: &'static str,
    recommended: &'static str,
    reference: &'static str,
    comment: &'static str,
}

fn rows(text: &'static str) -> Vec<Row> {
    super::registry::rows(text)
        .filter_map(|f| {
            Some(Row {
                code: super::registry::code(f.first()?)?,
                name: f.get(1)?,
                recommended: f.get(3).copied().unwrap_or(""),
                reference: f.get(4).copied().unwrap_or(""),
                comment: f.get(5).copied().unwrap_or(""),
            })
        })
        .collect()
}

fn groups() -> &'static [Row] {
    static GROUPS: std::sync::LazyLock<Vec<Row>> =
        std::sync::LazyLock::new(|| rows(include_str!("groups.tsv")));
    &GROUPS
}

fn schemes() -> &'static [Row] {
    static SCHEMES: std::sync::LazyLock<Vec<Row>> =
        std::sync::LazyLock::new(|| rows(include_str!("sigschemes.tsv")));
    &SCHEMES
}

/// Protocol versions: (code, name, OpenSSL's names, what, strength).
const VERSIONS: &[(u16, &str, &[&str], &str, &str)] = &[
    (
        0x0002,
        "SSL 2.0",
        &["SSLv2"],
        "Netscape's 1995 protocol; RFC 6176 prohibits it",
        "broken: no handshake integrity, DROWN",
    ),
    (
        0x0300,
        "SSL 3.0",
        &["SSLv3"],
        "RFC 6101; RFC 7568 prohibits it",
        "broken: POODLE",
    ),
    (
        0x0301,
        "TLS 1.0",
        &["TLSv1", "TLSv1.0"],
        "RFC 2246; deprecated by RFC 8996 (2021), refused by browsers since 2020",
        "weak: CBC with implicit IVs (BEAST), MD5/SHA-1 PRF",
    ),
    (
        0x0302,
        "TLS 1.1",
        &["TLSv1.1"],
        "RFC 4346; deprecated by RFC 8996 (2021), refused by browsers since 2020",
        "weak: no AEAD suites, MD5/SHA-1 PRF",
    ),
    (
        0x0303,
        "TLS 1.2",
        &["TLSv1.2"],
        "RFC 5246: AEAD suites, SHA-256 PRF; safe with ECDHE and AEAD suites",
        "secure with the right suites",
    ),
    (
        0x0304,
        "TLS 1.3",
        &["TLSv1.3"],
        "RFC 8446: one round trip, forward secrecy always, only AEAD suites, the handshake encrypted after ServerHello",
        "secure",
    ),
    (
        0xFEFF,
        "DTLS 1.0",
        &["DTLSv1"],
        "TLS 1.1 over datagrams (RFC 4347); deprecated by RFC 8996",
        "weak",
    ),
    (
        0xFEFD,
        "DTLS 1.2",
        &["DTLSv1.2"],
        "TLS 1.2 over datagrams (RFC 6347), used by WebRTC",
        "secure with the right suites",
    ),
    (
        0xFEFC,
        "DTLS 1.3",
        &["DTLSv1.3"],
        "TLS 1.3 over datagrams (RFC 9147)",
        "secure",
    ),
];

/// ALPN protocol ids (IANA's "TLS Application-Layer Protocol Negotiation (ALPN) Protocol
/// IDs"): (id, protocol, reference).
const ALPN: &[(&str, &str, &str)] = &[
    ("http/0.9", "HTTP/0.9", "RFC 1945"),
    ("http/1.0", "HTTP/1.0", "RFC 1945"),
    ("http/1.1", "HTTP/1.1", "RFC 9112"),
    (
        "spdy/1",
        "SPDY/1 (Google's HTTP/2 predecessor, retired)",
        "draft-mbelshe-httpbis-spdy-00",
    ),
    (
        "spdy/2",
        "SPDY/2 (retired)",
        "draft-mbelshe-httpbis-spdy-00",
    ),
    ("spdy/3", "SPDY/3 (retired)", "draft-ietf-httpbis-http2-00"),
    (
        "stun.turn",
        "Traversal Using Relays around NAT (TURN)",
        "RFC 7443",
    ),
    ("stun.nat-discovery", "NAT discovery using STUN", "RFC 7443"),
    ("h2", "HTTP/2 over TLS", "RFC 9113"),
    (
        "h2c",
        "HTTP/2 over cleartext TCP (never seen in TLS)",
        "RFC 9113",
    ),
    ("webrtc", "WebRTC media and data", "RFC 8833"),
    ("c-webrtc", "confidential WebRTC media and data", "RFC 8833"),
    ("ftp", "FTP", "RFC 959, RFC 4217"),
    ("imap", "IMAP", "RFC 9051"),
    ("pop3", "POP3", "RFC 2449"),
    ("managesieve", "ManageSieve", "RFC 5804"),
    ("coap", "CoAP", "RFC 8323"),
    ("xmpp-client", "XMPP client connections", "XEP-0368"),
    ("xmpp-server", "XMPP server connections", "XEP-0368"),
    (
        "acme-tls/1",
        "ACME TLS-ALPN-01 challenge: a CA proving control of a name",
        "RFC 8737",
    ),
    ("mqtt", "OASIS MQTT", "OASIS MQTT 5.0"),
    ("dot", "DNS over TLS", "RFC 7858"),
    (
        "ntske/1",
        "Network Time Security key establishment",
        "RFC 8915",
    ),
    ("sunrpc", "SunRPC", "RFC 9289"),
    (
        "h3",
        "HTTP/3 (over QUIC, which carries TLS 1.3)",
        "RFC 9114",
    ),
    ("smb", "SMB2 over QUIC", "MS-SMB2"),
    ("irc", "IRC", "RFC 1459"),
    ("nntp", "NNTP reading", "RFC 3977"),
    ("nnsp", "NNTP transit", "RFC 3977"),
    ("doq", "DNS over QUIC", "RFC 9250"),
    ("sip/2", "SIP", "RFC 3261"),
    ("tds/8.0", "SQL Server TDS 8.0", "MS-TDS"),
    ("dicom", "DICOM", "DICOM PS3.15"),
    ("postgresql", "PostgreSQL", "PostgreSQL 17"),
];

/// The entry `query` names in one of the registries: by IANA name, OpenSSL spelling or (with
/// `hex_fallback`) code point, any case.
pub fn explain(query: &str, hex_fallback: bool) -> Option<RegistryEntry> {
    let q = query.trim();
    let code = hex_fallback.then(|| super::parse_code(q)).flatten();
    if let Some(entry) = version(q, code) {
        return Some(entry);
    }
    if let Some(row) = schemes()
        .iter()
        .find(|r| r.name.eq_ignore_ascii_case(q) || Some(r.code) == code)
    {
        return Some(scheme(row));
    }
    if let Some(row) = schemes().iter().find(|r| {
        openssl_sigalg(r.name)
            .iter()
            .any(|n| n.eq_ignore_ascii_case(q))
    }) {
        return Some(scheme(row));
    }
    if let Some(row) = groups().iter().find(|r| {
        r.name.eq_ignore_ascii_case(q)
            || Some(r.code) == code
            || openssl_group(r.name)
                .iter()
                .any(|n| n.eq_ignore_ascii_case(q))
    }) {
        return Some(group(row));
    }
    alpn(q)
}

fn version(q: &str, code: Option<u16>) -> Option<RegistryEntry> {
    let spaced = q.replace(['_', '-'], " ").to_ascii_lowercase();
    let &(code, name, openssl, what, strength) = VERSIONS.iter().find(|(c, name, names, ..)| {
        Some(*c) == code
            || name.eq_ignore_ascii_case(&spaced)
            || names.iter().any(|n| n.eq_ignore_ascii_case(q))
            || name.replace(' ', "").eq_ignore_ascii_case(q)
    })?;
    Some(RegistryEntry {
        registry: "versions",
        name: name.into(),
        code: super::code_text(code),
        openssl: openssl.iter().map(|s| s.to_string()).collect(),
        what: what.into(),
        strength: strength.into(),
        post_quantum: false,
        recommended: String::new(),
        reference: String::new(),
        notes: vec![format!(
            "on the wire: {code:#06x} ({} in decimal, as Go and Java logs print it)",
            code
        )],
    })
}

fn alpn(q: &str) -> Option<RegistryEntry> {
    let &(id, protocol, reference) = ALPN.iter().find(|(id, ..)| id.eq_ignore_ascii_case(q))?;
    Some(RegistryEntry {
        registry: "alpn",
        name: id.into(),
        code: id
            .bytes()
            .map(|b| format!("0x{b:02X}"))
            .collect::<Vec<_>>()
            .join(","),
        openssl: vec![id.into()],
        what: format!(
            "ALPN id for {protocol}: the client lists the protocols it speaks inside the TLS handshake, the server picks one"
        ),
        strength: "not a security parameter".into(),
        post_quantum: false,
        recommended: String::new(),
        reference: reference.into(),
        notes: vec![format!(
            "openssl s_client -alpn {id} asks for it; curl --http2 offers h2"
        )],
    })
}

/// OpenSSL's `-groups` spellings of an IANA group name.
fn openssl_group(name: &str) -> Vec<String> {
    let aliases: &[&str] = match name {
        "secp256r1" => &["P-256", "prime256v1", "secp256r1"],
        "secp384r1" => &["P-384", "secp384r1"],
        "secp521r1" => &["P-521", "secp521r1"],
        "x25519" => &["X25519"],
        "x448" => &["X448"],
        "SecP256r1MLKEM768" | "X25519MLKEM768" | "SecP384r1MLKEM1024" | "MLKEM512" | "MLKEM768"
        | "MLKEM1024" => return vec![name.to_string()],
        n if n.starts_with("ffdhe") || n.starts_with("brainpool") || n.starts_with("sec") => {
            return vec![n.to_string()];
        }
        _ => &[],
    };
    aliases.iter().map(|s| s.to_string()).collect()
}

/// OpenSSL's `-sigalgs` spellings of an IANA signature scheme (it takes the IANA names too).
fn openssl_sigalg(name: &str) -> Vec<String> {
    let mut names = vec![name.to_string()];
    let hash = |n: &str| n.rsplit('_').next().unwrap_or("").to_ascii_uppercase();
    if name.starts_with("rsa_pkcs1_") && !name.ends_with("legacy") {
        names.push(format!("RSA+{}", hash(name)));
    } else if name.starts_with("ecdsa_secp") || name == "ecdsa_sha1" {
        names.push(format!("ECDSA+{}", hash(name)));
    } else if name.starts_with("rsa_pss_rsae_") {
        names.push(format!("RSA-PSS+{}", hash(name)));
    }
    names
}

fn group(r: &Row) -> RegistryEntry {
    let n = r.name;
    let grease = r.reference.contains("RFC8701");
    let (what, strength, pq): (String, &str, bool) = if grease {
        (
            "GREASE (RFC 8701): a value clients send at random so servers keep tolerating unknown groups; never negotiated".into(),
            "not a group",
            false,
        )
    } else if n.contains("MLKEM") && (n.starts_with("X25519") || n.starts_with("SecP")) {
        let (classical, kem) = match n {
            "X25519MLKEM768" => ("X25519", "ML-KEM-768"),
            "SecP256r1MLKEM768" => ("P-256", "ML-KEM-768"),
            _ => ("P-384", "ML-KEM-1024"),
        };
        (
            format!(
                "post-quantum hybrid key exchange: {classical} ECDH and {kem} (FIPS 203) together; the shared secret holds if either does"
            ),
            "post-quantum hybrid (recorded traffic stays safe from a future quantum computer)",
            true,
        )
    } else if n.starts_with("MLKEM") {
        (
            format!(
                "{} (FIPS 203) alone, without a classical component",
                n.replace("MLKEM", "ML-KEM-")
            ),
            "post-quantum only (no classical fallback if ML-KEM falls)",
            true,
        )
    } else if n.contains("Kyber") {
        (
            "a pre-standard Kyber hybrid, obsolete: ML-KEM (FIPS 203) changed the algorithm, and X25519MLKEM768 replaced it in Chrome 131 and Firefox 132".into(),
            "obsolete",
            true,
        )
    } else if n == "x25519" || n == "x448" {
        (
            format!(
                "ECDH over Curve{} (RFC 7748): fast, constant-time, no point validation pitfalls",
                if n == "x25519" { "25519" } else { "448" }
            ),
            if n == "x25519" {
                "128-bit classical; not post-quantum"
            } else {
                "224-bit classical; not post-quantum"
            },
            false,
        )
    } else if let Some(bits) = n.strip_prefix("secp").and_then(|s| s.strip_suffix("r1")) {
        let strength = match bits {
            "256" => "128-bit classical; not post-quantum",
            "384" => "192-bit classical; not post-quantum",
            "521" => "256-bit classical; not post-quantum",
            _ => "below 112 bits: too small",
        };
        (
            format!("ECDH over NIST P-{bits} (FIPS 186)"),
            strength,
            false,
        )
    } else if let Some(bits) = n.strip_prefix("ffdhe") {
        let strength = match bits {
            "2048" => "112-bit classical; slow beside ECDH",
            "3072" => "128-bit classical; slow beside ECDH",
            _ => "over 128-bit classical; slow",
        };
        (
            format!(
                "finite-field Diffie-Hellman with RFC 7919's fixed {bits}-bit group (the negotiated, safe-prime alternative to a server's own DH parameters)"
            ),
            strength,
            false,
        )
    } else if n.starts_with("brainpool") {
        (
            format!(
                "ECDH over the {} Brainpool curve (RFC 5639), mostly required by German and EU public-sector profiles",
                n.trim_end_matches("tls13")
            ),
            "classical; not post-quantum",
            false,
        )
    } else if n.starts_with("GC") {
        (
            "ECDH over a GOST R 34.10-2012 curve (RFC 9189), for Russian national TLS".into(),
            "classical; national",
            false,
        )
    } else if n == "curveSM2" {
        (
            "ECDH over China's SM2 curve (RFC 8998)".into(),
            "classical; national",
            false,
        )
    } else if n.starts_with("arbitrary_explicit") {
        ("a curve the peer spells out itself: never use (invalid-curve attacks); RFC 8422 deprecates it".into(), "unsafe", false)
    } else if n.starts_with("sect") || n.starts_with("secp") {
        (
            "ECDH over a binary or small SECG curve: RFC 8422 deprecates these".into(),
            "deprecated",
            false,
        )
    } else {
        (n.to_string(), "", false)
    };
    let mut notes = Vec::new();
    let support = match n {
        "X25519MLKEM768" => {
            "OpenSSL 3.5+, BoringSSL (Chrome 131+), NSS (Firefox 132+), Go 1.24+ and Cloudflare; Mozilla's guideline 6.0 lists it first"
        }
        "x25519" => {
            "every current stack (OpenSSL 1.1.0+, BoringSSL, NSS, Java, Go, Windows 10); the most used group"
        }
        "secp256r1" => "every stack; the one every TLS 1.3 client must support (RFC 8446 §9.1)",
        "secp384r1" => "every current stack; browsers offer it after X25519 and P-256",
        "secp521r1" => {
            "OpenSSL, BoringSSL, NSS, Java, Go and Windows, though Chrome does not offer it by default"
        }
        _ => "",
    };
    if !support.is_empty() {
        notes.push(format!("supported by {support}"));
    }
    if !r.comment.is_empty() && !r.comment.starts_with("http") {
        notes.push(r.comment.to_string());
    }
    RegistryEntry {
        registry: "supported_groups",
        name: n.to_string(),
        code: format!("0x{:04X} ({})", r.code, r.code),
        openssl: openssl_group(n),
        what,
        strength: strength.into(),
        post_quantum: pq,
        recommended: r.recommended.to_string(),
        reference: r.reference.to_string(),
        notes,
    }
}

fn scheme(r: &Row) -> RegistryEntry {
    let n = r.name;
    let hash = n.rsplit('_').next().unwrap_or("").replace("sha", "SHA-");
    let (what, strength, pq): (String, &str, bool) = if n.ends_with("_sha1") {
        (
            format!(
                "{} with SHA-1: RFC 9155 deprecates it in TLS 1.2 and TLS 1.3 forbids it in the handshake",
                if n.starts_with("rsa") {
                    "RSA PKCS#1 v1.5"
                } else {
                    "ECDSA"
                }
            ),
            "broken hash (SHA-1 collisions)",
            false,
        )
    } else if n.starts_with("rsa_pkcs1_") && n.ends_with("legacy") {
        ("RSA PKCS#1 v1.5 for TLS 1.3 client certificates held in hardware that cannot do PSS (draft-davidben-tls13-pkcs1)".into(), "classical", false)
    } else if n.starts_with("rsa_pkcs1_") {
        (
            format!(
                "RSA PKCS#1 v1.5 with {hash}: TLS 1.2 handshakes and certificate signatures; TLS 1.3 allows it only in certificates"
            ),
            "classical; not post-quantum",
            false,
        )
    } else if n.starts_with("ecdsa_secp") {
        (
            format!("ECDSA with {hash} (in TLS 1.3 on the curve its name says)"),
            "classical; not post-quantum",
            false,
        )
    } else if n.starts_with("rsa_pss_rsae_") {
        (
            format!(
                "RSA-PSS with {hash}, for ordinary RSA keys (rsaEncryption): what TLS 1.3 uses with an RSA certificate"
            ),
            "classical; not post-quantum",
            false,
        )
    } else if n.starts_with("rsa_pss_pss_") {
        (
            format!("RSA-PSS with {hash}, for keys restricted to PSS (id-RSASSA-PSS), rare"),
            "classical; not post-quantum",
            false,
        )
    } else if n == "ed25519" || n == "ed448" {
        (
            format!(
                "EdDSA with {} (RFC 8032)",
                if n == "ed25519" { "Ed25519" } else { "Ed448" }
            ),
            "classical; not post-quantum",
            false,
        )
    } else if n.starts_with("mldsa") {
        (
            format!(
                "ML-DSA-{} (FIPS 204) post-quantum signatures",
                n.trim_start_matches("mldsa")
            ),
            "post-quantum",
            true,
        )
    } else if n.starts_with("ecdsa_brainpool") {
        (
            "ECDSA on a Brainpool curve for TLS 1.3 (RFC 8734)".into(),
            "classical; not post-quantum",
            false,
        )
    } else if n.starts_with("gostr") {
        (
            "GOST R 34.10-2012 signatures (RFC 9367), Russian national TLS".into(),
            "classical; national",
            false,
        )
    } else if n == "sm2sig_sm3" {
        (
            "SM2 signatures with SM3 (RFC 8998), Chinese national TLS".into(),
            "classical; national",
            false,
        )
    } else {
        (
            format!("{n}: an identity-based or experimental scheme"),
            "",
            false,
        )
    };
    RegistryEntry {
        registry: "signature_schemes",
        name: n.to_string(),
        code: super::code_text(r.code),
        openssl: openssl_sigalg(n),
        what,
        strength: strength.into(),
        post_quantum: pq,
        recommended: r.recommended.to_string(),
        reference: r.reference.to_string(),
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_schemes_versions_and_alpn_ids_by_any_spelling() {
        for (q, registry, name) in [
            ("x25519", "supported_groups", "x25519"),
            ("X25519MLKEM768", "supported_groups", "X25519MLKEM768"),
            ("P-256", "supported_groups", "secp256r1"),
            ("prime256v1", "supported_groups", "secp256r1"),
            ("ffdhe2048", "supported_groups", "ffdhe2048"),
            (
                "ecdsa_secp256r1_sha256",
                "signature_schemes",
                "ecdsa_secp256r1_sha256",
            ),
            ("RSA-PSS+SHA256", "signature_schemes", "rsa_pss_rsae_sha256"),
            ("mldsa65", "signature_schemes", "mldsa65"),
            ("TLSv1.3", "versions", "TLS 1.3"),
            ("TLS 1.0", "versions", "TLS 1.0"),
            ("h2", "alpn", "h2"),
            ("acme-tls/1", "alpn", "acme-tls/1"),
        ] {
            let e = explain(q, false).unwrap_or_else(|| panic!("{q}"));
            assert_eq!((e.registry, e.name.as_str()), (registry, name), "{q}");
            assert!(!e.what.is_empty(), "{q}");
        }
        assert!(explain("X25519MLKEM768", false).unwrap().post_quantum);
        assert!(!explain("x25519", false).unwrap().post_quantum);
        assert_eq!(explain("0x0804", true).unwrap().name, "rsa_pss_rsae_sha256");
        assert_eq!(explain("0x0303", true).unwrap().name, "TLS 1.2");
        assert!(explain("0x0804", false).is_none());
        assert!(explain("nonsense", true).is_none());
    }
}
