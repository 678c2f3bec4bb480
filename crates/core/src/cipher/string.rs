//! OpenSSL cipher strings (`HIGH:!aNULL:!MD5`, `ECDHE+AESGCM:@STRENGTH`) expanded into the
//! ordered list `openssl ciphers -v` prints for OpenSSL 3.0 at security level 0, and the
//! configuration lines people paste (nginx `ssl_ciphers`, Apache `SSLCipherSuite`, lists of
//! IANA names). The rule semantics follow OpenSSL's `ssl_cipher_process_rulestr`: a plain
//! alias adds, `+` moves to the end, `-` removes (it may come back), `!` removes for good,
//! `A+B` requires both, `@STRENGTH` sorts by key strength.

use super::{
    Explanation, Rating, SUITES, code_text, explain_registered, openssl_fields, openssl_order,
};
use crate::error::Error;
use serde::Serialize;

/// Strength classes and flags of one suite in OpenSSL's table.
pub const HIGH: u8 = 1 << 0;
/// OpenSSL strength class `MEDIUM`.
pub const MEDIUM: u8 = 1 << 1;
/// OpenSSL strength class `LOW`.
pub const LOW: u8 = 1 << 2;
/// In OpenSSL's FIPS-approved set.
pub const FIPS: u8 = 1 << 3;
/// Not in DEFAULT (COMPLEMENTOFDEFAULT).
pub const NOT_DEFAULT: u8 = 1 << 4;
const STRONG_MASK: u8 = HIGH | MEDIUM | LOW | FIPS;

/// One suite as OpenSSL orders and classifies it (openssl-order.tsv).
pub struct OpensslSuite {
    /// The two-byte code point.
    pub code: u16,
    /// The oldest protocol OpenSSL offers it for (`SSLv3`, `TLSv1`, `TLSv1.2`).
    pub min_version: &'static str,
    /// Cipher strength OpenSSL reckons, in bits (`@STRENGTH` sorts by it).
    pub strength_bits: u16,
    /// Strength class and set flags ([`HIGH`], [`MEDIUM`], [`LOW`], [`FIPS`], [`NOT_DEFAULT`]).
    pub flags: u8,
}

/// What a suite is, as OpenSSL's alias masks see it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Masks {
    mkey: u32,
    auth: u32,
    enc: u32,
    mac: u32,
}

const K_RSA: u32 = 1;
const K_DHE: u32 = 2;
const K_ECDHE: u32 = 4;
const K_PSK: u32 = 8;
const K_RSAPSK: u32 = 16;
const K_ECDHEPSK: u32 = 32;
const K_DHEPSK: u32 = 64;
const K_SRP: u32 = 128;
const K_ALL_PSK: u32 = K_PSK | K_RSAPSK | K_ECDHEPSK | K_DHEPSK;

const A_RSA: u32 = 1;
const A_DSS: u32 = 2;
const A_NULL: u32 = 4;
const A_ECDSA: u32 = 8;
const A_PSK: u32 = 16;
const A_SRP: u32 = 32;

const E_AES128: u32 = 1;
const E_AES256: u32 = 2;
const E_AES128GCM: u32 = 4;
const E_AES256GCM: u32 = 8;
const E_AES128CCM: u32 = 16;
const E_AES256CCM: u32 = 32;
const E_AES128CCM8: u32 = 64;
const E_AES256CCM8: u32 = 128;
const E_CAMELLIA128: u32 = 256;
const E_CAMELLIA256: u32 = 512;
const E_ARIA128GCM: u32 = 1024;
const E_ARIA256GCM: u32 = 2048;
const E_CHACHA20: u32 = 4096;
const E_NULL: u32 = 8192;
const E_SEED: u32 = 16384;
const E_3DES: u32 = 32768;
const E_RC4: u32 = 65536;
const E_IDEA: u32 = 131072;
const E_AES: u32 = E_AES128
    | E_AES256
    | E_AES128GCM
    | E_AES256GCM
    | E_AES128CCM
    | E_AES256CCM
    | E_AES128CCM8
    | E_AES256CCM8;

const M_MD5: u32 = 1;
const M_SHA1: u32 = 2;
const M_SHA256: u32 = 4;
const M_SHA384: u32 = 8;
const M_AEAD: u32 = 16;

/// An alias: the masks it selects (0 = any), a protocol version, strength flags.
struct Alias {
    name: &'static str,
    masks: Masks,
    version: Option<&'static str>,
    strength: u8,
}

const fn alias(name: &'static str, mkey: u32, auth: u32, enc: u32, mac: u32) -> Alias {
    Alias {
        name,
        masks: Masks {
            mkey,
            auth,
            enc,
            mac,
        },
        version: None,
        strength: 0,
    }
}

const fn version(name: &'static str, v: &'static str) -> Alias {
    Alias {
        name,
        masks: Masks {
            mkey: 0,
            auth: 0,
            enc: 0,
            mac: 0,
        },
        version: Some(v),
        strength: 0,
    }
}

const fn strength(name: &'static str, enc: u32, flags: u8) -> Alias {
    Alias {
        name,
        masks: Masks {
            mkey: 0,
            auth: 0,
            enc,
            mac: 0,
        },
        version: None,
        strength: flags,
    }
}

/// OpenSSL 3.0's cipher_aliases[] for what this build has.
#[rustfmt::skip]
static ALIASES: &[Alias] = &[
    alias("ALL", 0, 0, !E_NULL, 0),
    alias("COMPLEMENTOFALL", 0, 0, E_NULL, 0),
    strength("COMPLEMENTOFDEFAULT", 0, NOT_DEFAULT),
    alias("kRSA", K_RSA, 0, 0, 0),
    alias("kEDH", K_DHE, 0, 0, 0), alias("kDHE", K_DHE, 0, 0, 0), alias("DH", K_DHE, 0, 0, 0),
    alias("kEECDH", K_ECDHE, 0, 0, 0), alias("kECDHE", K_ECDHE, 0, 0, 0), alias("ECDH", K_ECDHE, 0, 0, 0),
    alias("kPSK", K_PSK, 0, 0, 0), alias("kRSAPSK", K_RSAPSK, 0, 0, 0), alias("kECDHEPSK", K_ECDHEPSK, 0, 0, 0),
    alias("kDHEPSK", K_DHEPSK, 0, 0, 0), alias("kSRP", K_SRP, 0, 0, 0),
    alias("aRSA", 0, A_RSA, 0, 0), alias("aDSS", 0, A_DSS, 0, 0), alias("DSS", 0, A_DSS, 0, 0),
    alias("aNULL", 0, A_NULL, 0, 0), alias("aECDSA", 0, A_ECDSA, 0, 0), alias("ECDSA", 0, A_ECDSA, 0, 0),
    alias("aPSK", 0, A_PSK, 0, 0), alias("aSRP", 0, A_SRP, 0, 0),
    alias("EDH", K_DHE, !A_NULL, 0, 0), alias("DHE", K_DHE, !A_NULL, 0, 0),
    alias("EECDH", K_ECDHE, !A_NULL, 0, 0), alias("ECDHE", K_ECDHE, !A_NULL, 0, 0),
    alias("NULL", 0, 0, E_NULL, 0), alias("RSA", K_RSA, A_RSA, 0, 0),
    alias("ADH", K_DHE, A_NULL, 0, 0), alias("AECDH", K_ECDHE, A_NULL, 0, 0),
    alias("PSK", K_ALL_PSK, 0, 0, 0), alias("SRP", K_SRP, 0, 0, 0),
    alias("3DES", 0, 0, E_3DES, 0), alias("RC4", 0, 0, E_RC4, 0), alias("IDEA", 0, 0, E_IDEA, 0),
    alias("SEED", 0, 0, E_SEED, 0), alias("eNULL", 0, 0, E_NULL, 0),
    alias("AES128", 0, 0, E_AES128 | E_AES128GCM | E_AES128CCM | E_AES128CCM8, 0),
    alias("AES256", 0, 0, E_AES256 | E_AES256GCM | E_AES256CCM | E_AES256CCM8, 0),
    alias("AES", 0, 0, E_AES, 0), alias("AESGCM", 0, 0, E_AES128GCM | E_AES256GCM, 0),
    alias("AESCCM", 0, 0, E_AES128CCM | E_AES256CCM | E_AES128CCM8 | E_AES256CCM8, 0),
    alias("AESCCM8", 0, 0, E_AES128CCM8 | E_AES256CCM8, 0),
    alias("CAMELLIA128", 0, 0, E_CAMELLIA128, 0), alias("CAMELLIA256", 0, 0, E_CAMELLIA256, 0),
    alias("CAMELLIA", 0, 0, E_CAMELLIA128 | E_CAMELLIA256, 0), alias("CHACHA20", 0, 0, E_CHACHA20, 0),
    alias("ARIA", 0, 0, E_ARIA128GCM | E_ARIA256GCM, 0), alias("ARIAGCM", 0, 0, E_ARIA128GCM | E_ARIA256GCM, 0),
    alias("ARIA128", 0, 0, E_ARIA128GCM, 0), alias("ARIA256", 0, 0, E_ARIA256GCM, 0),
    alias("CBC", 0, 0, E_3DES | E_IDEA | E_AES128 | E_AES256 | E_CAMELLIA128 | E_CAMELLIA256 | E_SEED, 0),
    alias("MD5", 0, 0, 0, M_MD5), alias("SHA1", 0, 0, 0, M_SHA1), alias("SHA", 0, 0, 0, M_SHA1),
    alias("SHA256", 0, 0, 0, M_SHA256), alias("SHA384", 0, 0, 0, M_SHA384),
    version("SSLv3", "SSLv3"), version("TLSv1", "TLSv1"), version("TLSv1.0", "TLSv1"), version("TLSv1.2", "TLSv1.2"),
    strength("LOW", 0, LOW), strength("MEDIUM", 0, MEDIUM), strength("HIGH", 0, HIGH), strength("FIPS", !E_NULL, FIPS),
];

/// OpenSSL's masks for a suite, from certbench's own reading of its name.
fn masks(e: &Explanation) -> Masks {
    let mkey = match e.kx.as_str() {
        "RSA" => K_RSA,
        // Anonymous DH_anon/ECDH_anon suites are ephemeral: OpenSSL files them under kDHE/kECDHE.
        "DHE" | "DH" => K_DHE,
        "ECDHE" | "ECDH" => K_ECDHE,
        "PSK" => K_PSK,
        "RSA_PSK" => K_RSAPSK,
        "ECDHE_PSK" => K_ECDHEPSK,
        "DHE_PSK" => K_DHEPSK,
        "SRP" => K_SRP,
        _ => 0,
    };
    let auth = match e.auth.as_str() {
        "RSA" => A_RSA,
        "DSS" => A_DSS,
        "none" => A_NULL,
        "ECDSA" => A_ECDSA,
        "PSK" => A_PSK,
        "SRP" => A_SRP,
        _ => 0,
    };
    let enc = match (e.enc.as_str(), e.bits, e.mode.as_str()) {
        ("AES", 128, "CBC") => E_AES128,
        ("AES", 256, "CBC") => E_AES256,
        ("AES", 128, "GCM") => E_AES128GCM,
        ("AES", 256, "GCM") => E_AES256GCM,
        ("AES", 128, "CCM") => E_AES128CCM,
        ("AES", 256, "CCM") => E_AES256CCM,
        ("AES", 128, "CCM_8") => E_AES128CCM8,
        ("AES", 256, "CCM_8") => E_AES256CCM8,
        ("Camellia", 128, _) => E_CAMELLIA128,
        ("Camellia", 256, _) => E_CAMELLIA256,
        ("ARIA", 128, _) => E_ARIA128GCM,
        ("ARIA", 256, _) => E_ARIA256GCM,
        ("ChaCha20-Poly1305", ..) => E_CHACHA20,
        ("SEED", ..) => E_SEED,
        ("3DES", ..) => E_3DES,
        ("RC4", ..) => E_RC4,
        ("IDEA", ..) => E_IDEA,
        (enc, ..) if enc.starts_with("none") => E_NULL,
        _ => 0,
    };
    let mac = match e.mac.as_str() {
        "AEAD" => M_AEAD,
        "HMAC-MD5" => M_MD5,
        "HMAC-SHA-1" => M_SHA1,
        "HMAC-SHA-256" => M_SHA256,
        "HMAC-SHA-384" => M_SHA384,
        _ => 0,
    };
    Masks {
        mkey,
        auth,
        enc,
        mac,
    }
}

/// One suite of OpenSSL's list, with what rules match on.
struct Entry {
    suite: &'static OpensslSuite,
    masks: Masks,
    active: bool,
}

/// What one rule selects.
#[derive(Clone, Copy, Default)]
struct Pattern {
    masks: Masks,
    version: Option<&'static str>,
    strength: u8,
    code: Option<u16>,
}

impl Pattern {
    fn matches(&self, e: &Entry) -> bool {
        let m = &self.masks;
        (self.code.is_none() || self.code == Some(e.suite.code))
            && (m.mkey == 0 || m.mkey & e.masks.mkey != 0)
            && (m.auth == 0 || m.auth & e.masks.auth != 0)
            && (m.enc == 0 || m.enc & e.masks.enc != 0)
            && (m.mac == 0 || m.mac & e.masks.mac != 0)
            && self.version.is_none_or(|v| v == e.suite.min_version)
            && (self.strength & STRONG_MASK == 0
                || self.strength & STRONG_MASK & e.suite.flags != 0)
            && (self.strength & NOT_DEFAULT == 0 || e.suite.flags & NOT_DEFAULT != 0)
    }

    /// `A+B`: both must hold; `None` when they cannot (OpenSSL then skips the rule).
    fn and(self, other: Pattern) -> Option<Pattern> {
        let both = |a: u32, b: u32| -> Option<u32> {
            match (a, b) {
                (0, x) | (x, 0) => Some(x),
                (a, b) if a & b != 0 => Some(a & b),
                _ => None,
            }
        };
        // As OpenSSL combines strengths, order included: a class after COMPLEMENTOFDEFAULT
        // replaces it (`COMPLEMENTOFDEFAULT+HIGH` is HIGH), `HIGH+COMPLEMENTOFDEFAULT` keeps both.
        let mut strength = self.strength;
        if other.strength & STRONG_MASK != 0 {
            strength = match strength & STRONG_MASK {
                0 => other.strength & STRONG_MASK,
                mine if mine & other.strength != 0 => strength & (other.strength | !STRONG_MASK),
                _ => return None,
            };
        }
        let version = match (self.version, other.version) {
            (Some(a), Some(b)) if a != b => return None,
            (a, b) => a.or(b),
        };
        Some(Pattern {
            masks: Masks {
                mkey: both(self.masks.mkey, other.masks.mkey)?,
                auth: both(self.masks.auth, other.masks.auth)?,
                enc: both(self.masks.enc, other.masks.enc)?,
                mac: both(self.masks.mac, other.masks.mac)?,
            },
            version,
            strength: strength | (other.strength & NOT_DEFAULT),
            code: self.code.or(other.code),
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Move,
    Delete,
    Kill,
}

fn apply(list: &mut Vec<Entry>, pattern: &Pattern, op: Op) {
    match op {
        Op::Add | Op::Move => {
            // Walk the original order; matches go to the end, keeping their relative order.
            let chosen: Vec<usize> = (0..list.len())
                .filter(|&i| pattern.matches(&list[i]) && (list[i].active == (op == Op::Move)))
                .collect();
            let mut moved: Vec<Entry> = Vec::with_capacity(chosen.len());
            for &i in chosen.iter().rev() {
                moved.push(list.remove(i));
            }
            for mut entry in moved.into_iter().rev() {
                entry.active = true;
                list.push(entry);
            }
        }
        Op::Delete => {
            // Deleted suites go to the front, in order, so a later add brings them back in place.
            let chosen: Vec<usize> = (0..list.len())
                .filter(|&i| list[i].active && pattern.matches(&list[i]))
                .collect();
            let mut moved: Vec<Entry> = Vec::with_capacity(chosen.len());
            for &i in chosen.iter().rev() {
                moved.push(list.remove(i));
            }
            for mut entry in moved {
                entry.active = false;
                list.insert(0, entry);
            }
        }
        Op::Kill => list.retain(|e| !pattern.matches(e)),
    }
}

/// `@STRENGTH`: by strength bits, strongest first, keeping the order within each strength.
fn strength_sort(list: &mut Vec<Entry>) {
    let strengths: Vec<u16> = list
        .iter()
        .filter(|e| e.active)
        .map(|e| e.suite.strength_bits)
        .collect();
    let mut strengths = crate::sort::by_key(strengths, |&bits| std::cmp::Reverse(bits));
    strengths.dedup();
    for bits in strengths {
        let chosen: Vec<usize> = (0..list.len())
            .filter(|&i| list[i].active && list[i].suite.strength_bits == bits)
            .collect();
        let moved: Vec<Entry> = chosen.iter().rev().map(|&i| list.remove(i)).collect();
        list.extend(moved.into_iter().rev());
    }
}

/// Every suite OpenSSL knows, in its order, with its masks: worked out once, since they are
/// the same for every rule string (explaining ~170 suites per keystroke was most of the work).
fn ordered_masks() -> &'static [(&'static OpensslSuite, Masks)] {
    static TABLE: std::sync::OnceLock<Vec<(&'static OpensslSuite, Masks)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        openssl_order::ORDER
            .iter()
            .filter_map(|&suite| {
                let registered = SUITES.iter().find(|s| s.code == suite.code)?;
                Some((suite, masks(&explain_registered(registered))))
            })
            .collect()
    })
}

/// A rule word: an alias or a suite's OpenSSL name.
fn lookup(word: &str) -> Option<Pattern> {
    if let Some(a) = ALIASES.iter().find(|a| a.name == word) {
        return Some(Pattern {
            masks: a.masks,
            version: a.version,
            strength: a.strength,
            code: None,
        });
    }
    let suite = SUITES.iter().find(|s| s.openssl == Some(word))?;
    Some(Pattern {
        masks: masks(&explain_registered(suite)),
        code: Some(suite.code),
        ..Pattern::default()
    })
}

fn is_separator(c: char) -> bool {
    matches!(c, ':' | ' ' | ';' | ',')
}

/// Applies an OpenSSL rule string to `list`; notes what was ignored. Parsed as OpenSSL's
/// `ssl_cipher_process_rulestr` does: an item is an optional operator, then words joined by
/// `+`. A word OpenSSL does not know drops its item up to the next separator (so a TLS 1.3 name
/// in a cipher string is ignored); after a known word parsing goes on where the word ended
/// (`AES128!MD5` is `AES128:!MD5`), so a character no word holds is an error there.
fn process(rules: &str, list: &mut Vec<Entry>, notes: &mut Vec<String>) -> Result<(), Error> {
    let invalid = |why: String| Error::UnknownCipher {
        query: rules.to_string(),
        suggestions: vec![why],
    };
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '=');
    let to_separator = |text: &str| text.find(is_separator).unwrap_or(text.len());
    let mut rest = rules;
    loop {
        rest = rest.trim_start_matches(is_separator);
        let item = &rest[..to_separator(rest)];
        let op = match rest.chars().next() {
            None => return Ok(()),
            Some('-') => Op::Delete,
            Some('+') => Op::Move,
            Some('!') => Op::Kill,
            Some('@') => {
                let command = &rest[1..];
                let command = &command[..command.find(|c| !is_word(c)).unwrap_or(command.len())];
                match command.strip_prefix("SECLEVEL=") {
                    _ if command == "STRENGTH" => strength_sort(list),
                    Some(level @ ("0" | "1" | "2" | "3" | "4" | "5")) => {
                        if level != "0" {
                            notes.push(format!(
                                "`@SECLEVEL={level}` ignored: the expansion is what security level 0 allows"
                            ));
                        }
                    }
                    _ => {
                        return Err(invalid(format!(
                            "`{item}` is not a command OpenSSL knows (@STRENGTH, @SECLEVEL=0 to 5)"
                        )));
                    }
                }
                rest = &rest[item.len()..];
                continue;
            }
            Some(_) => Op::Add,
        };
        if op != Op::Add {
            rest = &rest[1..];
        }
        let mut pattern: Option<Pattern> = None;
        let mut unknown = None;
        let known = loop {
            let end = rest.find(|c| !is_word(c)).unwrap_or(rest.len());
            if end == 0 {
                return Err(invalid(match rest.chars().next() {
                    Some(c) => format!("`{}` cannot appear in a cipher string", c.escape_default()),
                    None => "a cipher string cannot end with an operator or a `+`".into(),
                }));
            }
            let word = &rest[..end];
            rest = &rest[end..];
            let joined = rest.starts_with('+');
            if joined {
                rest = &rest[1..];
            }
            pattern = match (lookup(word), pattern) {
                (Some(p), None) => Some(p),
                (Some(p), Some(q)) => q.and(p),
                (None, _) => {
                    unknown = Some(word);
                    None
                }
            };
            if pattern.is_none() || !joined {
                break pattern;
            }
        };
        match known {
            Some(pattern) => apply(list, &pattern, op),
            None => {
                notes.push(ignored_note(item, unknown));
                rest = &rest[to_separator(rest)..];
            }
        }
    }
}

/// Why an item of a cipher string selects nothing, as OpenSSL silently decides: `unknown` is
/// its first word OpenSSL does not know, if any.
fn ignored_note(item: &str, unknown: Option<&str>) -> String {
    let name = item.trim_start_matches(['!', '-', '+']);
    match (unknown, super::find(name)) {
        // TLS 1.3 suites are the ones numbered 0x13,0x__.
        (Some(_), Ok(suite)) if name.starts_with("TLS_") && suite.code >> 8 == 0x13 => format!(
            "`{name}` is a TLS 1.3 suite: OpenSSL configures those apart (openssl -ciphersuites, nginx `ssl_conf_command Ciphersuites`), so a cipher string ignores it"
        ),
        (Some(word), _) => {
            format!("`{word}` matches nothing OpenSSL 3.0 knows; ignored as OpenSSL ignores it")
        }
        (None, _) => format!("`{item}` selects nothing: no suite is all of its parts at once"),
    }
}

/// The expansion of a cipher string or configuration line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The OpenSSL string the input meant (the part of a config line that matters).
    pub rule: String,
    /// Suites in the order a server prefers them: the TLS 1.3 defaults OpenSSL lists first, then
    /// the string's own.
    pub suites: Vec<ExpandedSuite>,
    /// The worst rating in the list.
    pub rating: Rating,
    /// What the expansion ignored or changed, and why (OpenSSL skips some items silently).
    pub notes: Vec<String>,
    /// The command that prints the same list, in OpenSSL's own names, as a shell takes it.
    pub command: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
/// One suite of an expansion, in `openssl ciphers -v` columns, rated.
pub struct ExpandedSuite {
    /// OpenSSL's name.
    pub openssl: String,
    /// The IANA name.
    pub iana: String,
    /// The code point, `0xC0,0x30` as `openssl ciphers -V` prints it.
    pub code: String,
    /// The oldest protocol OpenSSL offers it for.
    pub version: String,
    /// Key exchange (`Kx=`).
    pub kx: String,
    /// Authentication (`Au=`).
    pub au: String,
    /// Encryption (`Enc=`).
    pub enc: String,
    /// MAC (`Mac=`).
    pub mac: String,
    /// How safe it is today.
    pub rating: Rating,
}

fn expanded(code: u16, version: &str) -> Option<ExpandedSuite> {
    // Every suite's row, worked out once: a rule string lists up to ~170 of them.
    static ROWS: std::sync::OnceLock<Vec<ExpandedSuite>> = std::sync::OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        SUITES
            .iter()
            .map(|suite| {
                let e = explain_registered(suite);
                let f = openssl_fields(&e);
                ExpandedSuite {
                    openssl: suite.openssl.unwrap_or(suite.iana).to_string(),
                    iana: suite.iana.to_string(),
                    code: code_text(suite.code),
                    version: String::new(),
                    kx: f.kx,
                    au: f.au,
                    enc: f.enc,
                    mac: f.mac,
                    rating: e.rating,
                }
            })
            .collect()
    });
    let index = SUITES.iter().position(|s| s.code == code)?;
    Some(ExpandedSuite {
        version: version.to_string(),
        ..rows.get(index)?.clone()
    })
}

/// Pulls the cipher string out of what people paste: `ssl_ciphers '…';` (nginx),
/// `SSLCipherSuite [SSL|TLSv1.3] …` (Apache), `CipherString = …` (openssl.cnf),
/// `ssl-default-bind-ciphers …` (HAProxy), `ssl_cipher_list = …` (Dovecot), `ssl.cipher-list =
/// "…"` (lighttpd), `tls_high_cipherlist = …` (Postfix), `--tls-cipher-list=…` (Node.js),
/// `--ciphers …` (curl), `ciphers = …` (stunnel, Tomcat), or the string itself.
pub fn rule_from_config(input: &str) -> String {
    const KEYS: [&str; 12] = [
        "ssl_ciphers",
        "sslciphersuite",
        "cipherstring",
        "ssl-default-bind-ciphers",
        "ssl-default-server-ciphers",
        "ssl_cipher_list",
        "ssl.cipher-list",
        "tls_high_cipherlist",
        "tls_medium_cipherlist",
        "--tls-cipher-list",
        "--ciphers",
        "ciphers",
    ];
    let text = input.trim();
    let lower = text.to_ascii_lowercase();
    let key = KEYS.iter().find(|k| lower.starts_with(*k));
    let value = key
        .map(|k| text[k.len()..].trim_start_matches([' ', '\t', '=']))
        .unwrap_or(text);
    let value = value.trim().trim_end_matches(';').trim();
    let value = value.trim_matches(['"', '\'']).trim();
    // Apache 2.4.36+ names the protocol first: `SSL` for TLS 1.2 and older, `TLSv1.3`.
    let value = match key {
        Some(&"sslciphersuite") => ["SSL ", "TLSv1.3 "]
            .iter()
            .find_map(|protocol| value.strip_prefix(protocol))
            .unwrap_or(value),
        _ => value,
    };
    value.trim().to_string()
}

/// OpenSSL's Suite B keywords (RFC 6460) replace the whole string when it starts with one, as
/// `check_suiteb_cipher_list` does; the rest is ignored.
fn suite_b(rule: &str) -> Option<String> {
    const P256: &str = "ECDHE-ECDSA-AES128-GCM-SHA256";
    const P384: &str = "ECDHE-ECDSA-AES256-GCM-SHA384";
    if rule.starts_with("SUITEB128ONLY") {
        Some(P256.to_string())
    } else if rule.starts_with("SUITEB128C2") || rule.starts_with("SUITEB192") {
        Some(P384.to_string())
    } else if rule.starts_with("SUITEB128") {
        Some(format!("{P256}:{P384}"))
    } else {
        None
    }
}

/// Expands what the user pasted: an OpenSSL cipher string, a config line holding one, or a
/// list of IANA names (Java, Go, Python configs) taken literally in order.
pub fn expand(input: &str) -> Result<Expansion, Error> {
    let pasted = rule_from_config(input);
    let suite_b = suite_b(&pasted);
    let rule = suite_b.clone().unwrap_or(pasted);
    let words: Vec<&str> = rule
        .split([':', ',', ' ', '\n', ';'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let mut notes = Vec::new();
    if suite_b.is_some() {
        notes.push(format!(
            "Suite B (RFC 6460): OpenSSL replaces the whole string with {rule}"
        ));
    }
    let mut command = None;
    let suites: Vec<ExpandedSuite> =
        if !words.is_empty() && words.iter().all(|w| is_suite_list_name(w)) {
            notes.push("a list of suite names: taken literally, in this order".into());
            let codes = words
                .iter()
                .map(|w| super::find(w).map(|s| s.code))
                .collect::<Result<Vec<_>, _>>()?;
            let suites: Vec<ExpandedSuite> = codes
                .iter()
                .filter_map(|&code| expanded(code, &version_of(code)))
                .collect();
            command = Some(iana_list_command(&suites, &mut notes));
            suites
        } else {
            let mut list: Vec<Entry> = ordered_masks()
                .iter()
                .map(|&(suite, masks)| Entry {
                    suite,
                    masks,
                    active: false,
                })
                .collect();
            // As OpenSSL's ssl_create_cipher_list: a string that begins with DEFAULT gets the
            // default list, then the rest of it, whatever follows (`DEFAULT+aDSS` is DEFAULT,
            // then `+aDSS`).
            let rest = match rule.strip_prefix("DEFAULT") {
                Some(rest) => {
                    process("ALL:!COMPLEMENTOFDEFAULT:!eNULL", &mut list, &mut notes)?;
                    rest
                }
                None => rule.as_str(),
            };
            process(rest, &mut list, &mut notes)?;
            let chosen: Vec<ExpandedSuite> = list
                .iter()
                .filter(|e| e.active)
                .filter_map(|e| expanded(e.suite.code, e.suite.min_version))
                .collect();
            if chosen.is_empty() {
                return Err(Error::NoCipherMatch { rule: rule.clone() });
            }
            openssl_order::TLS13_DEFAULT
                .iter()
                .filter_map(|&c| expanded(c, "TLSv1.3"))
                .chain(chosen)
                .collect()
        };
    let rating = suites
        .iter()
        .map(|s| s.rating)
        .filter(|r| *r != Rating::Signalling)
        .max()
        .unwrap_or(Rating::Signalling);
    let command = command.unwrap_or_else(|| {
        // certbench lists what OpenSSL 3.0 prints at security level 0 unless the string sets
        // a level; distributions raise the default (Debian: 2), which drops weak suites.
        let rule = match rule.contains("@SECLEVEL") {
            true => rule.clone(),
            false => format!("{rule}:@SECLEVEL=0"),
        };
        let dashes = if rule.starts_with('-') { "-- " } else { "" };
        format!("openssl ciphers -v {dashes}{}", shell_quote(&rule))
    });
    Ok(Expansion {
        rule,
        suites,
        rating,
        notes,
        command,
    })
}

/// A word of a list of suite names rather than an OpenSSL cipher string: an IANA-style name
/// (`TLS_…`, Java's and NSS's `SSL_…`, Mbed TLS's `TLS-…`).
fn is_suite_list_name(word: &str) -> bool {
    ["TLS_", "SSL_", "TLS-", "TLS1-3-"]
        .iter()
        .any(|prefix| word.starts_with(prefix))
}

/// The protocol version `openssl ciphers -v` prints for a suite: its minimum version in
/// OpenSSL's table, TLSv1.3 for the TLS 1.3 suites, or the first version the registry gives
/// for a suite OpenSSL 3.0 no longer has.
fn version_of(code: u16) -> String {
    if let Some(suite) = openssl_order::ORDER.iter().find(|s| s.code == code) {
        return suite.min_version.into();
    }
    if openssl_order::TLS13_DEFAULT.contains(&code) || matches!(code, 0x1304 | 0x1305) {
        return "TLSv1.3".into();
    }
    SUITES
        .iter()
        .find(|s| s.code == code)
        .and_then(|s| explain_registered(s).versions.into_iter().next())
        .map(|v| match v.as_str() {
            "SSL 2.0" => "SSLv2".into(),
            "SSL 3.0" => "SSLv3".into(),
            "TLS 1.0" => "TLSv1".into(),
            other => other.replace("TLS ", "TLSv"),
        })
        .unwrap_or_default()
}

/// `openssl ciphers -v` for a list of IANA names: the TLS 1.2-and-older suites by their
/// OpenSSL names (OpenSSL does not read IANA names there), the TLS 1.3 ones through
/// `-ciphersuites` (empty when the list has none); suites OpenSSL 3.0 does not have are left
/// out, with a note.
fn iana_list_command(suites: &[ExpandedSuite], notes: &mut Vec<String>) -> String {
    let tls13: Vec<&str> = suites
        .iter()
        .filter(|s| s.version == "TLSv1.3")
        .map(|s| s.iana.as_str())
        .collect();
    let (known, unknown): (Vec<&ExpandedSuite>, Vec<&ExpandedSuite>) = suites
        .iter()
        .filter(|s| s.version != "TLSv1.3")
        .partition(|s| {
            openssl_order::ORDER
                .iter()
                .any(|o| code_text(o.code) == s.code)
        });
    if !unknown.is_empty() {
        notes.push(format!(
            "OpenSSL 3.0 no longer has {}: the command leaves {} out",
            unknown
                .iter()
                .map(|s| s.iana.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if unknown.len() == 1 { "it" } else { "them" }
        ));
    }
    // Always -ciphersuites: without it OpenSSL adds its TLS 1.3 defaults to the list.
    let mut command = format!(
        "openssl ciphers -v -ciphersuites {}",
        shell_quote(&tls13.join(":"))
    );
    match known.is_empty() {
        // TLS 1.3 alone: OpenSSL would list its default TLS 1.2 suites after them.
        true => command.push_str(" -s -tls1_3"),
        false => {
            let names: Vec<&str> = known.iter().map(|s| s.openssl.as_str()).collect();
            command.push(' ');
            command.push_str(&shell_quote(&format!("{}:@SECLEVEL=0", names.join(":"))));
        }
    }
    command
}

/// `text` as one POSIX shell word.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
