//! Ciphers: explain any TLS cipher suite of the IANA registry, part by part, with a rating.

#[rustfmt::skip]
mod openssl_order;
#[cfg(feature = "tls-names")]
pub mod registries;
#[rustfmt::skip]
mod registry;
#[cfg(feature = "tls-names")]
mod ssl2;
#[cfg(feature = "tls-names")]
mod stacks;
pub mod string;

use crate::error::Error;
use serde::Serialize;

pub use registry::{RANGES, SUITES, nonstandard, stack_names};
#[cfg(feature = "tls-names")]
pub use stacks::{STACKS, stack_title};

/// One assigned code point, as the IANA registry lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Registered {
    /// The two-byte code point (`0xC030`).
    pub code: u16,
    /// The IANA name (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`).
    pub iana: &'static str,
    /// OpenSSL's name (`ECDHE-RSA-AES256-GCM-SHA384`), for suites OpenSSL knows or knew.
    pub openssl: Option<&'static str>,
    /// GnuTLS's name (`TLS_ECDHE_RSA_AES_256_GCM_SHA384`).
    pub gnutls: Option<&'static str>,
    /// IANA's "DTLS-OK" column: usable over DTLS.
    pub dtls: bool,
    /// IANA's "Recommended" column.
    pub recommended: bool,
    /// The RFCs (or drafts) IANA cites for it; for a code outside the registry, where it
    /// comes from.
    pub reference: &'static str,
    /// For a code outside the IANA registry: who used it, when, and what replaced it.
    pub history: Option<&'static str>,
}

/// Each stack's name for one suite: a map in JSON (`{"openssl": "…", "java": "…"}`), kept as
/// a short list (a map type would cost the web app's page kilobytes of code).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StackNames(Vec<(&'static str, &'static str)>);

impl StackNames {
    /// `stack`'s name.
    pub fn get(&self, stack: &str) -> Option<&'static str> {
        self.0.iter().find(|(s, _)| *s == stack).map(|&(_, n)| n)
    }
    /// No stack names the suite (or the `tls-names` feature is off).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
impl Serialize for StackNames {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (stack, name) in &self.0 {
            map.serialize_entry(stack, name)?;
        }
        map.end()
    }
}

/// One name a TLS stack gives (or gave) a suite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StackName {
    /// The two-byte code.
    #[serde(skip)]
    pub code: u16,
    /// `openssl`, `boringssl`, `libressl`, `gnutls`, `nss`, `java`, `mbedtls`, `go` or
    /// `schannel`.
    pub stack: &'static str,
    /// The name as that stack prints and accepts it.
    pub name: &'static str,
    /// Today's release offers the suite under this name; `false` for an older release's name
    /// or a suite the stack no longer implements.
    pub current: bool,
    /// Another spelling the stack accepts (Java's `TLS_RSA_WITH_3DES_EDE_CBC_SHA` for the
    /// `SSL_RSA_WITH_3DES_EDE_CBC_SHA` it prints).
    pub alias: bool,
}

/// Unassigned or reserved code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// The first code of the range.
    pub first: u16,
    /// The last code of the range, included.
    pub last: u16,
    /// What IANA says of the range (`Unassigned`, `Reserved to avoid conflicts with …`).
    pub description: &'static str,
    /// The RFCs IANA cites for it.
    pub reference: &'static str,
}

/// How safe a suite is today. Ordered from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    /// IANA recommends it, and it has forward secrecy and an AEAD cipher.
    Recommended,
    /// Safe today, though not IANA-recommended (CBC with SHA-2, say).
    Secure,
    /// Works, but has known weaknesses (no forward secrecy, CBC with SHA-1, …).
    Weak,
    /// Broken: no encryption, export-grade, RC4, DES, anonymous or MD5.
    Insecure,
    /// Not a cipher suite: a signalling value (SCSV) or GREASE.
    Signalling,
}

/// Everything certbench says about one suite.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The IANA name.
    pub iana: String,
    /// OpenSSL's name, when OpenSSL knows the suite.
    pub openssl: Option<String>,
    /// GnuTLS's name, when GnuTLS knows the suite.
    pub gnutls: Option<String>,
    /// `0xC0,0x30`.
    pub code: String,
    /// The TLS versions it can be used with.
    pub versions: Vec<String>,
    /// The key exchange (`ECDHE`, `RSA`, …).
    pub kx: String,
    /// How the server proves its identity (`RSA`, `ECDSA`, `PSK`, `anonymous`).
    pub auth: String,
    /// The bulk cipher (`AES-256`, `ChaCha20`, …).
    pub enc: String,
    /// The cipher key length, in bits.
    pub bits: u16,
    /// The cipher mode (`GCM`, `CBC`, `Poly1305`, …).
    pub mode: String,
    /// Authenticated encryption (GCM, CCM, ChaCha20-Poly1305): no separate MAC.
    pub aead: bool,
    /// The record MAC (`HMAC-SHA256`), or `AEAD`.
    pub mac: String,
    /// The handshake hash: TLS 1.2 PRF or TLS 1.3 HKDF, with its hash.
    pub prf: String,
    /// A stolen server key cannot decrypt recorded sessions (an ephemeral key exchange).
    pub forward_secrecy: bool,
    /// How safe it is today.
    pub rating: Rating,
    /// Why it got that rating, one sentence each.
    pub reasons: Vec<String>,
    /// The RFCs that define it.
    pub reference: String,
    /// IANA's "Recommended" column.
    pub iana_recommended: bool,
    /// Usable over DTLS.
    pub dtls: bool,
    /// What else is worth knowing (a name another stack spells differently, …).
    pub notes: Vec<String>,
    /// In the IANA registry; `false` for a code scanners and old stacks use outside it.
    #[cfg(feature = "tls-names")]
    pub standard: bool,
    /// For a code outside the registry: who used it, when, and what replaced it.
    #[cfg(feature = "tls-names")]
    pub history: Option<String>,
    /// Each stack's name for it (`openssl`, `boringssl`, `libressl`, `gnutls`, `nss`, `java`,
    /// `mbedtls`, `go`, `schannel`): the name today's release uses, or the last one it used.
    #[cfg(feature = "tls-names")]
    pub names: StackNames,
    /// Every name it goes by in each stack, older spellings included.
    #[cfg(feature = "tls-names")]
    pub all_names: Vec<StackName>,
    /// The stacks whose current release implements it.
    #[cfg(feature = "tls-names")]
    pub supported_by: Vec<&'static str>,
}

impl Explanation {
    /// The suite part by part, as (what, value) rows in reading order: what the CLI prints and
    /// the Ciphers tab shows.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let fields = openssl_fields(self);
        let or =
            |name: &Option<String>, missing: &str| name.clone().unwrap_or_else(|| missing.into());
        #[allow(unused_mut)]
        let mut rows = vec![
            ("OpenSSL name", or(&self.openssl, "(not in OpenSSL)")),
            ("GnuTLS name", or(&self.gnutls, "(not in GnuTLS)")),
            ("Versions", self.versions.join(", ")),
            (
                "Key exchange",
                format!(
                    "{} ({})",
                    self.kx,
                    if self.forward_secrecy {
                        "forward secrecy"
                    } else {
                        "no forward secrecy"
                    }
                ),
            ),
            ("Authentication", self.auth.clone()),
            (
                "Cipher",
                format!("{} {} bits, {}", self.enc, self.bits, self.mode),
            ),
            (
                "Integrity",
                if self.aead {
                    "AEAD: the cipher authenticates the data".to_string()
                } else {
                    format!("{} (MAC-then-encrypt)", self.mac)
                },
            ),
            ("Key derivation", self.prf.clone()),
            (
                "As openssl ciphers -v prints it",
                format!(
                    "Kx={} Au={} Enc={} Mac={}",
                    fields.kx, fields.au, fields.enc, fields.mac
                ),
            ),
            ("Defined in", self.reference.clone()),
            (
                "IANA recommended",
                if self.iana_recommended { "yes" } else { "no" }.into(),
            ),
        ];
        #[cfg(feature = "tls-names")]
        stacks::rows(self, &mut rows);
        rows
    }
}

/// Names other TLS stacks print for suites whose IANA name differs.
const OTHER_STACK_NAMES: &[(&str, u16)] = &[
    // Go before 1.16 (still accepted by crypto/tls).
    ("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", 0xCCA8),
    ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", 0xCCA9),
    // wolfSSL and OpenSSL 1.1.1's pre-releases.
    ("TLS13-AES128-GCM-SHA256", 0x1301),
    ("TLS13-AES256-GCM-SHA384", 0x1302),
    ("TLS13-CHACHA20-POLY1305-SHA256", 0x1303),
    ("TLS13-AES128-CCM-SHA256", 0x1304),
    ("TLS13-AES128-CCM-8-SHA256", 0x1305),
];

/// The suite with this code: the IANA registry's, or one of the codes outside it.
pub fn by_code(code: u16) -> Option<&'static Registered> {
    let registered = SUITES.iter().find(|s| s.code == code);
    #[cfg(feature = "tls-names")]
    let registered = registered.or_else(|| nonstandard().iter().find(|s| s.code == code));
    registered
}

/// A suite number written in decimal, as Go (`tls.ConnectionState.CipherSuite`) and Java
/// logs print it: `49199` for 0xC02F. Only when reading the digits as hex names no suite.
fn decimal_code(text: &str) -> Option<u16> {
    if !text.bytes().all(|b| b.is_ascii_digit()) || parse_code(text).and_then(by_code).is_some() {
        return None;
    }
    text.parse().ok().filter(|&code| by_code(code).is_some())
}

/// Finds a suite by IANA, OpenSSL or GnuTLS name or code (`0xC030`, `0xC0,0x30`, `C030`,
/// `{0xC0,0x30}`, decimal `49200`), any case.
pub fn find(query: &str) -> Result<&'static Registered, Error> {
    let trimmed = query.trim();
    if let Some(suite) = decimal_code(trimmed).and_then(by_code) {
        return Ok(suite);
    }
    if let Some(code) = parse_code(trimmed) {
        if let Some(suite) = by_code(code) {
            return Ok(suite);
        }
        let range = RANGES.iter().find(|r| (r.first..=r.last).contains(&code));
        let what = match range {
            Some(r) if r.reference.contains("RFC8701") => {
                "GREASE (RFC 8701): a reserved value clients send at random so servers keep tolerating unknown suites; never negotiated"
            }
            Some(r) if r.description.starts_with("Reserved") => {
                "reserved by IANA (kept unassigned to avoid clashes with old or deployed implementations)"
            }
            Some(r) => r.description,
            None => "Unassigned",
        };
        return Err(Error::UnknownCipher {
            query: format!("{trimmed} ({what})"),
            suggestions: Vec::new(),
        });
    }
    if let Some(suite) = SUITES.iter().find(|s| {
        s.openssl.is_some_and(|n| n.eq_ignore_ascii_case(trimmed))
            || s.gnutls.is_some_and(|n| n.eq_ignore_ascii_case(trimmed))
    }) {
        return Ok(suite);
    }
    if let Some(suite) = OTHER_STACK_NAMES
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(trimmed))
        .and_then(|&(_, code)| by_code(code))
    {
        return Ok(suite);
    }
    #[cfg(feature = "tls-names")]
    if let Some(suite) = stacks::find(trimmed) {
        return Ok(suite);
    }
    let upper = trimmed.to_ascii_uppercase().replace('-', "_");
    let name = if upper.starts_with("TLS_") || upper.starts_with("SSL_") {
        upper
    } else {
        format!("TLS_{upper}")
    };
    let name = name.replacen("SSL_", "TLS_", 1);
    SUITES
        .iter()
        .find(|s| s.iana.eq_ignore_ascii_case(&name))
        .ok_or_else(|| Error::UnknownCipher {
            query: trimmed.to_string(),
            suggestions: suggestions(&name),
        })
}

/// Explains the suite `query` names.
pub fn explain(query: &str) -> Result<Explanation, Error> {
    #[cfg(feature = "tls-names")]
    if let Some(explanation) = ssl2::explain(query) {
        return Ok(explanation);
    }
    let suite = find(query)?;
    let mut explanation = explain_registered(suite);
    if decimal_code(query.trim()).is_some() {
        explanation.notes.insert(
            0,
            format!(
                "{} read as the decimal suite number {} ({}), as Go and Java print it",
                query.trim(),
                suite.code,
                code_text(suite.code)
            ),
        );
    }
    Ok(explanation)
}

/// Parses a two-byte code in the spellings people paste; `None` when it is not a code at all.
pub fn parse_code(text: &str) -> Option<u16> {
    let cleaned = hex_digits(text);
    (cleaned.len() == 4 && cleaned.chars().all(|c| c.is_ascii_hexdigit()) && text.len() <= 16)
        .then(|| u16::from_str_radix(&cleaned, 16).ok())
        .flatten()
}

/// The digits of a code as people paste it (`0xC0,0x30`, `{0xC0,0x30}`, `C030`): braces,
/// `0x`, commas, colons and spaces dropped, lowercased.
pub(crate) fn hex_digits(text: &str) -> String {
    text.trim_matches(['{', '}', '(', ')', ' '])
        .to_ascii_lowercase()
        .replace("0x", "")
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | ':'))
        .collect()
}

/// `0xC0,0x30`.
pub fn code_text(code: u16) -> String {
    format!("0x{:02X},0x{:02X}", code >> 8, code & 0xff)
}

/// Longest query worth suggesting for: every registered name is shorter, and edit distance
/// over a long paste would stall the page.
const MAX_SUGGESTION_QUERY: usize = 64;

fn suggestions(name: &str) -> Vec<String> {
    if name.len() > MAX_SUGGESTION_QUERY {
        return Vec::new();
    }
    // Every spelling, normalised as queries are, once: (normalised, as registered).
    static SPELLINGS: std::sync::OnceLock<Vec<(String, &'static str)>> = std::sync::OnceLock::new();
    let spellings = SPELLINGS.get_or_init(|| {
        SUITES
            .iter()
            .flat_map(|s| [Some(s.iana), s.openssl].into_iter().flatten())
            .map(|n| (n.to_ascii_uppercase().replace('-', "_"), n))
            .collect()
    });
    // `name` has the `TLS_` an IANA name starts with; OpenSSL's spellings are without it.
    let bare = name.strip_prefix("TLS_").unwrap_or(name);
    let within = 4.max(name.len() / 6);
    let scored: Vec<(usize, &str)> = spellings
        .iter()
        .filter_map(|(normal, n)| {
            let query = if normal.starts_with("TLS_") {
                name
            } else {
                bare
            };
            // The distance is at least the difference in length: skip what cannot be close.
            if normal.len().abs_diff(query.chars().count()) > within {
                return None;
            }
            Some((edit_distance_within(query, normal, within)?, *n))
        })
        .collect();
    let mut scored = crate::sort::by_key(scored, |&scored| scored);
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, n)| n.to_string())
        .collect()
}

/// Levenshtein distance of `a` and `b` when it is at most `max`; `None` as soon as every
/// path is longer (most names differ early: this keeps suggestions cheap).
fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
        if row.iter().all(|&d| d > max) {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= max)
}

/// Key exchange and authentication spelled in IANA names before `_WITH_`: (name part, kx, auth,
/// forward secrecy). Longest first, so `ECDHE_ECDSA` wins over `ECDH_ECDSA`.
const KEY_EXCHANGES: &[(&str, &str, &str, bool)] = &[
    ("ECDHE_ECDSA", "ECDHE", "ECDSA", true),
    ("ECDHE_RSA", "ECDHE", "RSA", true),
    ("ECDHE_PSK", "ECDHE_PSK", "PSK", true),
    ("ECDH_ECDSA", "ECDH", "ECDSA", false),
    ("ECDH_RSA", "ECDH", "RSA", false),
    ("ECDH_anon", "ECDH", "none", false),
    ("ECCPWD", "ECCPWD", "password", true),
    ("DHE_DSS_EXPORT", "DHE (export)", "DSS", true),
    ("DHE_RSA_EXPORT", "DHE (export)", "RSA", true),
    ("DHE_DSS", "DHE", "DSS", true),
    ("DHE_RSA", "DHE", "RSA", true),
    ("DHE_PSK", "DHE_PSK", "PSK", true),
    ("DH_DSS_EXPORT", "DH (export)", "DSS", false),
    ("DH_RSA_EXPORT", "DH (export)", "RSA", false),
    ("DH_anon_EXPORT", "DH (export)", "none", false),
    ("DH_DSS", "DH", "DSS", false),
    ("DH_RSA", "DH", "RSA", false),
    ("DH_anon", "DH", "none", false),
    ("RSA_EXPORT", "RSA (export)", "RSA", false),
    ("RSA_PSK", "RSA_PSK", "RSA", false),
    ("RSA", "RSA", "RSA", false),
    ("PSK_DHE", "DHE_PSK", "PSK", true),
    ("PSK", "PSK", "PSK", false),
    ("KRB5_EXPORT", "Kerberos (export)", "Kerberos", false),
    ("KRB5", "Kerberos", "Kerberos", false),
    ("SRP_SHA_RSA", "SRP", "RSA", false),
    ("SRP_SHA_DSS", "SRP", "DSS", false),
    ("SRP_SHA", "SRP", "SRP", false),
    (
        "GOSTR341112_256",
        "GOST R 34.11-2012",
        "GOST R 34.10-2012",
        true,
    ),
    ("NULL", "none", "none", false),
];

/// Key exchanges of the codes outside the registry (nonstandard.tsv), tried after
/// [`KEY_EXCHANGES`].
#[cfg(feature = "tls-names")]
const NONSTANDARD_KEY_EXCHANGES: &[(&str, &str, &str, bool)] = &[
    ("RSA_EXPORT1024", "RSA (export, 1024-bit)", "RSA", false),
    ("DHE_DSS_EXPORT1024", "DHE (export, 1024-bit)", "DSS", true),
    (
        "GOSTR341094",
        "VKO GOST R 34.10-94",
        "GOST R 34.10-94",
        false,
    ),
    (
        "GOSTR341001",
        "VKO GOST R 34.10-2001",
        "GOST R 34.10-2001",
        false,
    ),
    ("GOSTR341094_RSA", "RSA", "RSA", false),
    ("CECPQ1_RSA", "CECPQ1 (X25519 + NewHope)", "RSA", true),
    ("CECPQ1_ECDSA", "CECPQ1 (X25519 + NewHope)", "ECDSA", true),
    ("RSA_FIPS", "RSA", "RSA", false),
    ("RSA_OLDFIPS", "RSA", "RSA", false),
    ("FORTEZZA_KEA", "KEA (Fortezza)", "DSS (Fortezza)", false),
    ("ECJPAKE", "EC J-PAKE", "password", true),
];

/// Bulk ciphers after `_WITH_` (or after `TLS_` in TLS 1.3): (name part, cipher, key bits, mode).
const CIPHERS: &[(&str, &str, u16, &str)] = &[
    ("AES_128_CCM_8", "AES", 128, "CCM_8"),
    ("AES_256_CCM_8", "AES", 256, "CCM_8"),
    ("AES_128_CCM", "AES", 128, "CCM"),
    ("AES_256_CCM", "AES", 256, "CCM"),
    ("AES_128_GCM", "AES", 128, "GCM"),
    ("AES_256_GCM", "AES", 256, "GCM"),
    ("AES_128_CBC", "AES", 128, "CBC"),
    ("AES_256_CBC", "AES", 256, "CBC"),
    ("CHACHA20_POLY1305", "ChaCha20-Poly1305", 256, "AEAD stream"),
    ("AEGIS_128L", "AEGIS-128L", 128, "AEAD"),
    ("AEGIS_256", "AEGIS-256", 256, "AEAD"),
    ("CAMELLIA_128_CBC", "Camellia", 128, "CBC"),
    ("CAMELLIA_256_CBC", "Camellia", 256, "CBC"),
    ("CAMELLIA_128_GCM", "Camellia", 128, "GCM"),
    ("CAMELLIA_256_GCM", "Camellia", 256, "GCM"),
    ("ARIA_128_CBC", "ARIA", 128, "CBC"),
    ("ARIA_256_CBC", "ARIA", 256, "CBC"),
    ("ARIA_128_GCM", "ARIA", 128, "GCM"),
    ("ARIA_256_GCM", "ARIA", 256, "GCM"),
    ("SEED_CBC", "SEED", 128, "CBC"),
    ("SM4_GCM", "SM4", 128, "GCM"),
    ("SM4_CCM", "SM4", 128, "CCM"),
    ("3DES_EDE_CBC", "3DES", 112, "CBC"),
    ("DES_CBC_40", "DES", 40, "CBC"),
    ("DES40_CBC", "DES", 40, "CBC"),
    ("DES_CBC", "DES", 56, "CBC"),
    ("IDEA_CBC", "IDEA", 128, "CBC"),
    ("RC2_CBC_40", "RC2", 40, "CBC"),
    ("RC2_CBC_56", "RC2", 56, "CBC"),
    ("RC4_40", "RC4", 40, "stream"),
    ("RC4_128", "RC4", 128, "stream"),
    ("KUZNYECHIK_CTR_OMAC", "Kuznyechik", 256, "CTR + OMAC"),
    ("KUZNYECHIK_MGM_L", "Kuznyechik", 256, "MGM"),
    ("KUZNYECHIK_MGM_S", "Kuznyechik", 256, "MGM"),
    ("MAGMA_CTR_OMAC", "Magma", 256, "CTR + OMAC"),
    ("MAGMA_MGM_L", "Magma", 256, "MGM"),
    ("MAGMA_MGM_S", "Magma", 256, "MGM"),
    ("28147_CNT_IMIT", "GOST 28147-89", 256, "CNT + IMIT"),
    ("NULL", "none", 0, "NULL"),
];

/// Ciphers of the codes outside the registry (nonstandard.tsv), tried after [`CIPHERS`].
#[cfg(feature = "tls-names")]
const NONSTANDARD_CIPHERS: &[(&str, &str, u16, &str)] = &[
    ("28147_CNT", "GOST 28147-89", 256, "CNT"),
    ("RC4_56", "RC4", 56, "stream"),
    ("FORTEZZA_CBC", "Skipjack (Fortezza)", 80, "CBC"),
];

/// Splits an IANA name into its parts and rates it.
pub fn explain_registered(suite: &Registered) -> Explanation {
    let name = suite.iana;
    let code = code_text(suite.code);
    #[cfg(feature = "tls-names")]
    let (names, all_names, supported_by) = stacks::of(suite.code);
    // A stack's name for a suite its own table does not name (`KRB5-DES-CBC3-SHA` from
    // OpenSSL 1.0.2); none without the `tls-names` feature.
    #[cfg(feature = "tls-names")]
    let other_name = |names: &StackNames, stack: &str| names.get(stack);
    #[cfg(not(feature = "tls-names"))]
    let (names, other_name) = ((), |_: &(), _: &str| None::<&'static str>);
    let base = Explanation {
        iana: name.to_string(),
        openssl: suite
            .openssl
            .or_else(|| other_name(&names, "openssl"))
            .map(str::to_string),
        gnutls: suite
            .gnutls
            .or_else(|| other_name(&names, "gnutls"))
            .map(str::to_string),
        code,
        versions: Vec::new(),
        kx: String::new(),
        auth: String::new(),
        enc: String::new(),
        bits: 0,
        mode: String::new(),
        aead: false,
        mac: String::new(),
        prf: String::new(),
        forward_secrecy: false,
        rating: Rating::Signalling,
        reasons: Vec::new(),
        reference: suite.reference.to_string(),
        iana_recommended: suite.recommended,
        dtls: suite.dtls,
        notes: Vec::new(),
        #[cfg(feature = "tls-names")]
        standard: suite.history.is_none(),
        #[cfg(feature = "tls-names")]
        history: suite.history.map(str::to_string),
        #[cfg(feature = "tls-names")]
        names,
        #[cfg(feature = "tls-names")]
        all_names,
        #[cfg(feature = "tls-names")]
        supported_by,
    };
    if name.ends_with("_SCSV") {
        let note = if name == "TLS_FALLBACK_SCSV" {
            "a signal, not a cipher: the client is retrying with a lower version, so the server should refuse a downgrade (RFC 7507)"
        } else {
            "a signal, not a cipher: the client supports secure renegotiation (RFC 5746)"
        };
        return Explanation {
            notes: vec![note.into()],
            versions: vec!["any".into()],
            ..base
        };
    }
    let body = name.strip_prefix("TLS_").unwrap_or(name);
    let (kx_part, rest, tls13) = match body.split_once("_WITH_") {
        Some((kx, rest)) => (Some(kx), rest, false),
        None => (None, body, true),
    };
    let key_exchanges = KEY_EXCHANGES.iter();
    #[cfg(feature = "tls-names")]
    let key_exchanges = key_exchanges.chain(NONSTANDARD_KEY_EXCHANGES);
    let ciphers = CIPHERS.iter();
    #[cfg(feature = "tls-names")]
    let ciphers = ciphers.chain(NONSTANDARD_CIPHERS);
    let (kx, auth, fs) = match kx_part {
        Some(part) => key_exchanges
            .clone()
            .find(|(p, ..)| *p == part)
            .map(|&(_, kx, auth, fs)| (kx.to_string(), auth.to_string(), fs))
            .unwrap_or_else(|| (part.to_string(), part.to_string(), false)),
        None => (
            "any (negotiated separately)".into(),
            "any (negotiated separately)".into(),
            true,
        ),
    };
    let (enc, bits, mode, hash) = match ciphers.clone().find(|(p, ..)| rest.starts_with(p)) {
        Some(&(part, enc, bits, mode)) => (
            enc.to_string(),
            bits,
            mode.to_string(),
            rest[part.len()..].trim_start_matches('_').to_string(),
        ),
        // RFC 9150 integrity-only suites: TLS_SHA256_SHA256.
        None => (
            "none (integrity only)".into(),
            0,
            "NULL".into(),
            rest.rsplit('_').next().unwrap_or(rest).to_string(),
        ),
    };
    let aead = matches!(
        mode.as_str(),
        "GCM" | "CCM" | "CCM_8" | "AEAD stream" | "AEAD" | "MGM"
    );
    let hash_name = match hash.as_str() {
        "SHA" => "SHA-1".to_string(),
        "" => "SHA-256".to_string(),
        h => h.replace("SHA", "SHA-"),
    };
    let mac = if aead {
        "AEAD".to_string()
    } else if let Some((_, integrity)) = mode.split_once(" + ") {
        // GOST suites authenticate with the cipher's own MAC (IMIT, OMAC), not an HMAC.
        format!("{integrity} ({enc})")
    } else if hash == "GOST28147MAC" {
        format!("IMIT ({enc})")
    } else if enc == "none" && hash.is_empty() {
        "none".into()
    } else {
        format!("HMAC-{hash_name}")
    };
    let prf = if tls13 {
        format!("HKDF-{hash_name}")
    } else if matches!(hash.as_str(), "SHA256" | "SHA384" | "") {
        format!("TLS 1.2 PRF with {hash_name}")
    } else {
        "TLS 1.0/1.1 PRF (MD5+SHA-1); TLS 1.2 PRF with SHA-256".into()
    };
    let versions: Vec<String> = if tls13 {
        vec!["TLS 1.3".into()]
    } else if aead || matches!(hash.as_str(), "SHA256" | "SHA384") {
        vec!["TLS 1.2".into()]
    } else if kx.contains("export") || enc == "RC2" || (enc == "DES" && bits == 40) {
        vec!["SSL 3.0".into(), "TLS 1.0".into()]
    } else {
        vec![
            "SSL 3.0".into(),
            "TLS 1.0".into(),
            "TLS 1.1".into(),
            "TLS 1.2".into(),
        ]
    };
    let mut explanation = Explanation {
        versions,
        kx,
        auth,
        enc,
        bits,
        mode,
        aead,
        mac,
        prf,
        forward_secrecy: fs,
        ..base
    };
    if tls13 {
        explanation.notes.push(
            "TLS 1.3 suites name only the AEAD and the HKDF hash: key exchange (supported_groups) and \
             the certificate signature (signature_algorithms) are negotiated separately, always with forward secrecy"
                .into(),
        );
    }
    let (rating, reasons) = rate(&explanation, tls13);
    Explanation {
        rating,
        reasons,
        ..explanation
    }
}

/// The parts as `openssl ciphers -v` prints them (`Kx=ECDH Au=RSA Enc=AESGCM(256) Mac=AEAD`),
/// derived from certbench's own reading of the name: a test compares them with OpenSSL's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OpensslFields {
    /// Key exchange, as `openssl ciphers -v` prints it (`Kx=ECDH`).
    pub kx: String,
    /// Authentication, as `openssl ciphers -v` prints it (`Au=RSA`).
    pub au: String,
    /// Encryption, as `openssl ciphers -v` prints it (`Enc=AESGCM(256)`).
    pub enc: String,
    /// MAC, as `openssl ciphers -v` prints it (`Mac=AEAD`).
    pub mac: String,
}

/// The columns `openssl ciphers -v` prints for the suite `e` explains.
pub fn openssl_fields(e: &Explanation) -> OpensslFields {
    let kx = match e.kx.as_str() {
        "ECDHE" | "ECDH" => "ECDH",
        "DHE" | "DH" => "DH",
        "ECDHE_PSK" => "ECDHEPSK",
        "DHE_PSK" => "DHEPSK",
        "RSA_PSK" => "RSAPSK",
        k if k.starts_with("any") => "any",
        k => k,
    };
    let au = match e.auth.as_str() {
        "none" => "None",
        a if a.starts_with("any") => "any",
        a => a,
    };
    let enc = match (e.enc.as_str(), e.mode.as_str()) {
        ("none", _) => "None".to_string(),
        ("AES", "GCM") => format!("AESGCM({})", e.bits),
        ("AES", "CCM") => format!("AESCCM({})", e.bits),
        ("AES", "CCM_8") => format!("AESCCM8({})", e.bits),
        ("ARIA", "GCM") => format!("ARIAGCM({})", e.bits),
        ("ChaCha20-Poly1305", _) => "CHACHA20/POLY1305(256)".to_string(),
        // OpenSSL counts 3DES by its 168 key bits, not its 112 bits of strength.
        ("3DES", _) => "3DES(168)".to_string(),
        (cipher, _) => format!("{cipher}({})", e.bits),
    };
    let mac = match e.mac.as_str() {
        "AEAD" => "AEAD".to_string(),
        m => m.trim_start_matches("HMAC-").replace('-', ""),
    };
    OpensslFields {
        kx: kx.into(),
        au: au.into(),
        enc,
        mac,
    }
}

/// The rating rules, worst finding first. README states them for users to check.
fn rate(e: &Explanation, tls13: bool) -> (Rating, Vec<String>) {
    let mut findings: Vec<(Rating, &str)> = Vec::new();
    if e.enc == "none" || e.enc.starts_with("none") {
        findings.push((
            Rating::Insecure,
            "NULL encryption: traffic is sent in clear text",
        ));
    }
    if e.auth == "none" {
        findings.push((Rating::Insecure, "anonymous key exchange: no authentication, so anyone in the middle can impersonate the server"));
    }
    if e.kx.contains("export") || e.bits == 40 || (e.enc == "DES" && e.bits == 56) || e.enc == "RC2"
    {
        findings.push((
            Rating::Insecure,
            "EXPORT-grade or single-DES key sizes: broken by brute force (FREAK, Logjam)",
        ));
    }
    if e.enc == "RC4" {
        findings.push((
            Rating::Insecure,
            "RC4 has exploitable keystream biases; prohibited by RFC 7465",
        ));
    }
    if e.mac == "HMAC-MD5" {
        findings.push((Rating::Insecure, "MD5 MAC: MD5 is broken"));
    }
    if e.enc == "3DES" || e.enc == "IDEA" {
        findings.push((
            Rating::Weak,
            "64-bit block cipher: SWEET32 recovers data after ~32 GB on one connection",
        ));
    }
    if e.mode == "CBC" {
        findings.push((Rating::Weak, "CBC mode with MAC-then-encrypt: padding-oracle timing attacks (Lucky13), BEAST on TLS 1.0"));
    }
    if !e.forward_secrecy && e.auth != "none" && e.enc != "none" {
        let why = if e.kx == "RSA" {
            "static RSA key exchange: no forward secrecy (a leaked server key decrypts recorded traffic) and ROBOT-style oracles"
        } else {
            "no forward secrecy: a leaked long-term key decrypts recorded traffic"
        };
        findings.push((Rating::Weak, why));
    }
    if e.mac == "HMAC-SHA-1" {
        findings.push((
            Rating::Weak,
            "SHA-1 HMAC: not broken as a MAC, but only in legacy (≤ TLS 1.2 CBC) suites",
        ));
    }
    if e.mode == "CCM_8" {
        findings.push((
            Rating::Weak,
            "CCM_8 has an 8-byte authentication tag: meant for constrained IoT devices only",
        ));
    }
    if matches!(
        e.enc.as_str(),
        "Kuznyechik" | "Magma" | "GOST 28147-89" | "SM4"
    ) || e.kx.starts_with("GOST")
    {
        findings.push((Rating::Weak, "national cipher outside mainstream TLS stacks: browsers and most clients do not offer it"));
    }
    if e.kx == "DHE" {
        findings.push((
            Rating::Secure,
            "DHE is slow and vulnerable to Logjam with groups under 2048 bits; prefer ECDHE",
        ));
    }
    #[cfg(feature = "tls-names")]
    if !e.standard {
        findings.push((
            Rating::Weak,
            "not a standard code point: today's TLS stacks do not offer it, and a peer that sends it runs very old or experimental software",
        ));
    }
    let worst = findings.iter().map(|(r, _)| *r).max();
    let rating = match worst {
        Some(r) if r >= Rating::Secure => r,
        _ if tls13
            || (e.aead && e.forward_secrecy && matches!(e.auth.as_str(), "ECDSA" | "RSA")) =>
        {
            Rating::Recommended
        }
        _ => Rating::Secure,
    };
    let mut reasons: Vec<String> = findings
        .into_iter()
        .filter(|(r, _)| *r >= Rating::Secure)
        .map(|(_, s)| s.to_string())
        .collect();
    if reasons.is_empty() {
        reasons.push(if rating == Rating::Recommended {
            "AEAD cipher with forward secrecy: what modern configurations use".into()
        } else {
            "no known weakness, but not among the suites mainstream clients prefer".into()
        });
    }
    (rating, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spellings other stacks print: decimal numbers (Go, Java), Go's old ChaCha20 names,
    /// wolfSSL's TLS 1.3 names, Java's `SSL_` prefix.
    #[test]
    fn finds_suites_as_other_stacks_print_them() {
        for (query, code) in [
            ("49199", 0xC02F),
            ("4865", 0x1301),
            ("1301", 0x1301),
            ("c02f", 0xC02F),
            ("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", 0xCCA8),
            ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", 0xCCA9),
            ("TLS13-CHACHA20-POLY1305-SHA256", 0x1303),
            ("SSL_RSA_WITH_3DES_EDE_CBC_SHA", 0x000A),
        ] {
            assert_eq!(find(query).map(|s| s.code).ok(), Some(code), "{query}");
        }
        let decimal = explain("49199").unwrap();
        assert!(decimal.notes[0].contains("decimal suite number 49199 (0xC0,0x2F)"));
        assert!(
            explain("C02F")
                .unwrap()
                .notes
                .iter()
                .all(|n| !n.contains("decimal"))
        );
        assert!(find("65535").is_err(), "not a suite either way");
    }

    #[test]
    fn explains_a_tls12_suite_by_name_and_code() {
        let e = explain("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384").unwrap();
        assert_eq!(
            (
                e.kx.as_str(),
                e.auth.as_str(),
                e.enc.as_str(),
                e.bits,
                e.mode.as_str()
            ),
            ("ECDHE", "RSA", "AES", 256, "GCM")
        );
        assert!(e.aead && e.forward_secrecy);
        assert_eq!(e.prf, "TLS 1.2 PRF with SHA-384");
        assert_eq!(e.rating, Rating::Recommended);
        for spelling in [
            "0xC030",
            "0xC0,0x30",
            "c030",
            "{0xC0,0x30}",
            "0xc0, 0x30",
            "ECDHE-RSA-AES256-GCM-SHA384",
            "tls_ecdhe_rsa_aes_256_gcm_sha384",
        ] {
            assert_eq!(explain(spelling).unwrap().iana, e.iana, "{spelling}");
        }
        assert_eq!(e.code, "0xC0,0x30");
    }

    #[test]
    fn rates_the_classic_mistakes() {
        assert_eq!(
            explain("TLS_RSA_WITH_RC4_128_MD5").unwrap().rating,
            Rating::Insecure
        );
        assert_eq!(
            explain("TLS_DH_anon_WITH_AES_128_CBC_SHA").unwrap().rating,
            Rating::Insecure
        );
        assert_eq!(
            explain("TLS_RSA_WITH_3DES_EDE_CBC_SHA").unwrap().rating,
            Rating::Weak
        );
        assert_eq!(
            explain("TLS_RSA_WITH_AES_128_GCM_SHA256").unwrap().rating,
            Rating::Weak
        );
        assert_eq!(
            explain("TLS_AES_128_CCM_8_SHA256").unwrap().rating,
            Rating::Weak
        );
        assert_eq!(
            explain("TLS_FALLBACK_SCSV").unwrap().rating,
            Rating::Signalling
        );
        let tls13 = explain("tls_aes_128_gcm_sha256").unwrap();
        assert_eq!(
            (tls13.rating, tls13.prf.as_str()),
            (Rating::Recommended, "HKDF-SHA-256")
        );
    }

    #[test]
    fn every_registered_suite_parses_into_known_parts() {
        for suite in SUITES.iter() {
            let e = explain_registered(suite);
            if e.rating == Rating::Signalling {
                continue;
            }
            assert!(
                KEY_EXCHANGES.iter().any(|k| k.1 == e.kx) || e.kx.starts_with("any"),
                "{}: kx {}",
                suite.iana,
                e.kx
            );
            assert!(
                CIPHERS.iter().any(|c| c.1 == e.enc) || e.enc.starts_with("none"),
                "{}: enc {}",
                suite.iana,
                e.enc
            );
        }
    }

    #[test]
    fn long_garbage_is_rejected_quickly() {
        let started = std::time::Instant::now();
        let garbage = "X".repeat(4096);
        assert!(explain(&garbage).is_err());
        assert!(
            started.elapsed().as_millis() < 50,
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn suggests_close_names_and_names_ranges() {
        let Err(Error::UnknownCipher { suggestions, .. }) =
            explain("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA348")
        else {
            panic!("expected an unknown-cipher error")
        };
        assert_eq!(suggestions[0], "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        let message = |code: &str| explain(code).unwrap_err().to_string();
        assert!(message("0x0A0A").contains("GREASE (RFC 8701)"));
        assert!(message("0x0050").contains("reserved by IANA"));
        assert!(message("0x13,0x00").contains("Unassigned"));
    }

    #[test]
    fn edit_distance_stops_once_it_exceeds_the_bound() {
        assert_eq!(edit_distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(edit_distance_within("kitten", "sitting", 2), None);
        assert_eq!(edit_distance_within("", "abc", 3), Some(3));
        assert_eq!(edit_distance_within("same", "same", 0), Some(0));
        // An OpenSSL name typed with a slip is still suggested.
        let Err(Error::UnknownCipher { suggestions, .. }) = explain("ECDHE-RSA-AES128-GCM-SHA265")
        else {
            panic!("expected an unknown-cipher error")
        };
        assert!(
            suggestions
                .iter()
                .any(|s| s == "ECDHE-RSA-AES128-GCM-SHA256"),
            "{suggestions:?}"
        );
    }
}
