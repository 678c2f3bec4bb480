//! A pasted handshake explained: the output of `openssl s_client` (with `-showcerts`,
//! `-status`, `-msg`), `curl -v` or `nmap --script ssl-enum-ciphers`, read for the protocol,
//! suite, key-exchange group, peer signature, ALPN, resumption, stapled OCSP status, the
//! certificates and OpenSSL's verify errors, each explained.

use crate::cipher::{self, registries};
use crate::error::Error;
use serde::Serialize;

/// What a pasted handshake says, explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Handshake {
    /// `openssl s_client`, `curl -v` or `nmap ssl-enum-ciphers`.
    pub source: String,
    /// The host connected to, when the output names it.
    pub host: Option<String>,
    /// The protocol version negotiated (`TLSv1.3`), explained.
    pub protocol: Option<registries::RegistryEntry>,
    /// The cipher suite negotiated, explained.
    pub cipher: Option<cipher::Explanation>,
    /// The key-exchange group (`X25519`, `X25519MLKEM768`), explained.
    pub group: Option<registries::RegistryEntry>,
    /// The server's handshake signature as the tool prints it (`RSA-PSS with SHA256`).
    pub peer_signature: Option<String>,
    /// The signature scheme that is, explained, when it maps to one.
    pub signature_scheme: Option<registries::RegistryEntry>,
    /// The ALPN protocol agreed (`h2`).
    pub alpn: Option<String>,
    /// `new` or `resumed` (a session reused: no certificate was sent).
    pub session: Option<String>,
    /// The stapled OCSP response's status lines, or `none` when the server sent none.
    pub ocsp: Option<String>,
    /// The certificates it shows, in the order sent: subject and issuer.
    pub certificates: Vec<ShownCertificate>,
    /// The PEM of those certificates, to verify (`certbench verify`).
    pub chain_pem: String,
    /// OpenSSL's verify result and errors, explained.
    pub verify: Vec<VerifyError>,
    /// For nmap: each protocol's suites as it lists them, rated.
    pub suites_by_protocol: Vec<(String, Vec<NmapSuite>)>,
}

/// A certificate of the handshake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShownCertificate {
    /// Its subject (RFC 4514).
    pub subject: String,
    /// Its issuer (RFC 4514).
    pub issuer: String,
}

/// One of OpenSSL's verify results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerifyError {
    /// OpenSSL's number (`20`; `0` is ok).
    pub code: u32,
    /// OpenSSL's text (`unable to get local issuer certificate`).
    pub text: String,
    /// The certificate's depth in the chain, when the line says (`depth=1`).
    pub depth: Option<u32>,
    /// What it means and what to do.
    pub meaning: String,
}

/// A suite nmap lists, with certbench's rating beside nmap's grade.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NmapSuite {
    /// The IANA name as nmap prints it.
    pub name: String,
    /// The key exchange nmap notes (`secp256r1`, `dh 2048`).
    pub kex: Option<String>,
    /// nmap's grade (`A`..`F`).
    pub nmap_grade: Option<String>,
    /// certbench's rating.
    pub rating: Option<cipher::Rating>,
}

/// OpenSSL's verify errors people meet: (number, what it means and what to do).
const VERIFY_MEANINGS: &[(u32, &str)] = &[
    (0, "the chain verified against the trust store"),
    (
        2,
        "the issuer of a certificate in the chain is not in the chain the server sent nor in the trust store: the server must send its intermediate",
    ),
    (
        7,
        "a signature in the chain does not verify: a certificate was altered, or the chain pairs certificates that do not belong together",
    ),
    (
        9,
        "a certificate is not valid yet: check the machine's clock, or the certificate was issued for the future",
    ),
    (
        10,
        "a certificate in the chain has expired: renew it (or, for an intermediate, install the CA's current one)",
    ),
    (
        18,
        "the server sent a single self-signed certificate: clients trust it only if told to (add it as a trust anchor), or use a certificate from a CA",
    ),
    (
        19,
        "the chain ends in a self-signed root that is not in the trust store: a private CA (add its root to the trust store), or the server sends a root it should not",
    ),
    (
        20,
        "no certificate in the trust store issued the last certificate of the chain: most often the server does not send its intermediate (serve fullchain.pem, not cert.pem), or the root is private",
    ),
    (
        21,
        "the server sent only its own certificate and OpenSSL cannot find the issuer: send the intermediate too",
    ),
    (23, "a certificate in the chain is revoked"),
    (
        24,
        "a certificate in the chain that acts as a CA is not marked as one (basicConstraints cA)",
    ),
    (
        25,
        "the chain is longer than a CA's pathLenConstraint allows",
    ),
    (
        26,
        "a certificate is not for this purpose: its extendedKeyUsage lacks serverAuth (or clientAuth)",
    ),
    (
        27,
        "the root is in the trust store but not trusted for this purpose",
    ),
    (28, "the root is explicitly distrusted in the trust store"),
    (
        62,
        "the certificate's names (SAN) do not include the host asked for: check -servername / SNI, and that the SAN lists the name (a wildcard covers one label)",
    ),
    (
        64,
        "the certificate is not valid for the IP address asked for",
    ),
];

/// Reads `text`; an error when it is none of the outputs certbench knows.
pub fn read(text: &str) -> Result<Handshake, Error> {
    let source = if text.contains("ssl-enum-ciphers") {
        "nmap ssl-enum-ciphers"
    } else if text.contains("SSL connection using") || text.contains("* ALPN") {
        "curl -v"
    } else if text.contains("CONNECTED(")
        || text.contains("SSL-Session:")
        || text.contains("Verify return code")
        || text.contains("New, TLSv")
    {
        "openssl s_client"
    } else {
        return Err(Error::Form(
            "not a handshake: expected the output of `openssl s_client -connect HOST:443`, `curl -v https://HOST/` or `nmap --script ssl-enum-ciphers`".into(),
        ));
    };
    let mut h = Handshake {
        source: source.into(),
        host: None,
        protocol: None,
        cipher: None,
        group: None,
        peer_signature: None,
        signature_scheme: None,
        alpn: None,
        session: None,
        ocsp: None,
        certificates: Vec::new(),
        chain_pem: String::new(),
        verify: Vec::new(),
        suites_by_protocol: Vec::new(),
    };
    let mut protocol = None;
    let mut suite = None;
    let mut group = None;
    let (mut sig_type, mut sig_digest) = (None, None);
    // s_client prints `depth=N subject` before the `verify error:` about that certificate.
    let mut depth = None;
    for raw in text.lines() {
        let line = raw.trim();
        let after = |prefix: &str| line.strip_prefix(prefix).map(str::trim);
        if let Some(rest) = after("New, ").or_else(|| after("Reused, ")) {
            // `New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384`
            h.session = Some(
                if line.starts_with("Reused") {
                    "resumed"
                } else {
                    "new"
                }
                .into(),
            );
            let mut parts = rest.split(", Cipher is ");
            protocol = parts.next().map(str::to_string);
            suite = parts.next().map(str::to_string);
        } else if let Some(v) = after("Protocol  :").or_else(|| after("Protocol:")) {
            protocol.get_or_insert_with(|| v.to_string());
        } else if let Some(v) = after("Cipher    :").or_else(|| after("Cipher:")) {
            if v != "0000" {
                suite.get_or_insert_with(|| v.to_string());
            }
        } else if let Some(v) = after("Server Temp Key:") {
            // `X25519, 253 bits` or `ECDH, prime256v1, 256 bits`
            let parts: Vec<&str> = v.split(", ").collect();
            let name = match parts.as_slice() {
                ["ECDH", curve, ..] | ["DH", curve, ..] => *curve,
                [name, ..] => *name,
                [] => v,
            };
            group = Some(name.to_string());
        } else if let Some(v) = after("Negotiated TLS1.3 group:") {
            group = Some(v.to_string());
        } else if let Some(v) = after("Peer signature type:") {
            sig_type = Some(v.to_string());
        } else if let Some(v) = after("Peer signing digest:") {
            sig_digest = Some(v.to_string());
        } else if let Some(v) = after("ALPN protocol:") {
            h.alpn = Some(v.to_string());
        } else if line.starts_with("No ALPN negotiated") {
            h.alpn = Some("none".into());
        } else if let Some(v) =
            after("* ALPN: server accepted").or_else(|| after("* ALPN, server accepted to use"))
        {
            h.alpn = Some(v.to_string());
        } else if let Some(v) = after("* SSL connection using") {
            // `TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS`
            let parts: Vec<&str> = v.split(" / ").map(str::trim).collect();
            protocol = parts.first().map(|s| s.to_string());
            suite = parts.get(1).map(|s| s.to_string());
            if let Some(g) = parts.get(2) {
                group = Some(g.to_string());
            }
            if let Some(s) = parts.get(3) {
                sig_type = Some(s.to_string());
            }
        } else if let Some(v) = after("* Connected to").or_else(|| after("Nmap scan report for")) {
            h.host = v.split_whitespace().next().map(str::to_string);
        } else if line.starts_with("OCSP response: no response sent") {
            h.ocsp = Some("none: the server stapled no OCSP response".into());
        } else if let Some(v) = after("Cert Status:") {
            h.ocsp = Some(format!("stapled; the certificate's status: {v}"));
        } else if let Some(v) = after("Verify return code:") {
            push_verify(&mut h.verify, v, None);
        } else if let Some(v) = line.strip_prefix("verify error:") {
            // `verify error:num=20:unable to get local issuer certificate`
            push_verify(&mut h.verify, v, depth);
        } else if let Some(rest) = line.strip_prefix("depth=") {
            depth = rest.split_whitespace().next().and_then(|d| d.parse().ok());
        }
    }
    if source == "nmap ssl-enum-ciphers" {
        h.suites_by_protocol = nmap_suites(text);
    }
    h.protocol = protocol.and_then(|p| registries::explain(&p, false));
    h.cipher = suite.and_then(|s| cipher::explain(&s).ok());
    h.group = group.and_then(|g| registries::explain(&g, false));
    h.peer_signature = match (&sig_type, &sig_digest) {
        (Some(t), Some(d)) => Some(format!("{t} with {d}")),
        (Some(t), None) => Some(t.clone()),
        _ => None,
    };
    // OpenSSL 3.5 prints the scheme itself (`Peer signature type: rsa_pss_rsae_sha256`).
    h.signature_scheme = signature_scheme(sig_type.as_deref(), sig_digest.as_deref())
        .and_then(|name| registries::explain(name, false))
        .or_else(|| {
            sig_type
                .as_deref()
                .and_then(|t| registries::explain(t, false))
                .filter(|e| e.registry == "signature_schemes")
        });
    read_certificates(text, &mut h);
    Ok(h)
}

/// `num=20:unable to get local issuer certificate` or `20 (unable to get local issuer
/// certificate)`, once each.
fn push_verify(out: &mut Vec<VerifyError>, text: &str, depth: Option<u32>) {
    let text = text.trim().trim_start_matches("num=");
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let Ok(code) = digits.parse::<u32>() else {
        return;
    };
    let rest = text[digits.len()..]
        .trim_start_matches([':', ' ', '('])
        .trim_end_matches(')')
        .to_string();
    if let Some(seen) = out.iter_mut().find(|v| v.code == code) {
        seen.depth = seen.depth.or(depth);
        return;
    }
    let meaning = VERIFY_MEANINGS.iter().find(|(c, _)| *c == code).map_or(
        "see OpenSSL's X509_V_ERR list (openssl verify -help, man 1 openssl-verification-options)",
        |(_, m)| m,
    );
    out.push(VerifyError {
        code,
        text: rest,
        depth,
        meaning: meaning.into(),
    });
}

/// The signature scheme OpenSSL's `Peer signature type` and digest name.
fn signature_scheme(kind: Option<&str>, digest: Option<&str>) -> Option<&'static str> {
    let digest = digest.unwrap_or("").to_ascii_uppercase();
    Some(match (kind?, digest.as_str()) {
        ("RSA-PSS" | "RSASSA-PSS", "SHA256") => "rsa_pss_rsae_sha256",
        ("RSA-PSS" | "RSASSA-PSS", "SHA384") => "rsa_pss_rsae_sha384",
        ("RSA-PSS" | "RSASSA-PSS", "SHA512") => "rsa_pss_rsae_sha512",
        ("RSA", "SHA256") => "rsa_pkcs1_sha256",
        ("RSA", "SHA384") => "rsa_pkcs1_sha384",
        ("RSA", "SHA512") => "rsa_pkcs1_sha512",
        ("RSA", "SHA1") => "rsa_pkcs1_sha1",
        ("ECDSA", "SHA256") => "ecdsa_secp256r1_sha256",
        ("ECDSA", "SHA384") => "ecdsa_secp384r1_sha384",
        ("ECDSA", "SHA512") => "ecdsa_secp521r1_sha512",
        ("Ed25519" | "ED25519", _) => "ed25519",
        ("Ed448" | "ED448", _) => "ed448",
        _ => return None,
    })
}

/// The PEM certificates in the output (`-showcerts` prints the chain), with their names.
fn read_certificates(text: &str, h: &mut Handshake) {
    use der::Decode;
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let Some(len) = rest[start..].find("-----END CERTIFICATE-----") else {
            break;
        };
        let end = start + len + "-----END CERTIFICATE-----".len();
        let pem = &rest[start..end];
        if let Ok(blocks) = crate::input::read_blocks(pem.as_bytes()) {
            for block in blocks.into_iter().flatten() {
                if let Ok(cert) = x509_cert::Certificate::from_der(&block.der) {
                    let tbs = cert.tbs_certificate();
                    h.certificates.push(ShownCertificate {
                        subject: crate::dn::rfc4514(tbs.subject()),
                        issuer: crate::dn::rfc4514(tbs.issuer()),
                    });
                    h.chain_pem.push_str(pem);
                    h.chain_pem.push('\n');
                }
            }
        }
        rest = &rest[end..];
    }
}

/// nmap's `TLSv1.2:` sections and their `ciphers:` lines
/// (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (secp256r1) - A`).
fn nmap_suites(text: &str) -> Vec<(String, Vec<NmapSuite>)> {
    let mut out: Vec<(String, Vec<NmapSuite>)> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim_start_matches(['|', '_', ' ']).trim();
        if let Some(version) = line
            .strip_suffix(':')
            .filter(|v| v.starts_with("TLSv1") || v.starts_with("SSLv"))
        {
            out.push((version.to_string(), Vec::new()));
            continue;
        }
        let Some((_, suites)) = out.last_mut() else {
            continue;
        };
        let Some(name) = line
            .split_whitespace()
            .next()
            .filter(|n| n.starts_with("TLS_") || n.starts_with("SSL_"))
        else {
            continue;
        };
        let kex = line
            .split_once('(')
            .and_then(|(_, r)| r.split_once(')'))
            .map(|(k, _)| k.to_string());
        let nmap_grade = line.rsplit_once(" - ").map(|(_, g)| g.trim().to_string());
        suites.push(NmapSuite {
            name: name.to_string(),
            kex,
            nmap_grade,
            // nmap names TLS 1.3 suites `TLS_AKE_WITH_AES_128_GCM_SHA256`.
            rating: cipher::explain(&name.replacen("TLS_AKE_WITH_", "TLS_", 1))
                .ok()
                .map(|e| e.rating),
        });
    }
    out
}
