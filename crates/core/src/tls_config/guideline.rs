//! Mozilla's server-side TLS guidelines as shipped in `data/mozilla-tls/` (copied from
//! ../shared by tools/mozilla-tls.sh): each version's profiles, read from its JSON once.

use crate::error::Error;
use crate::json::{self, Value};
use serde::Serialize;

/// The guideline versions certbench ships, oldest first, with their JSON.
const FILES: [(&str, &str); 11] = [
    ("4.0", include_str!("../../data/mozilla-tls/4.0.json")),
    ("5.0", include_str!("../../data/mozilla-tls/5.0.json")),
    ("5.1", include_str!("../../data/mozilla-tls/5.1.json")),
    ("5.2", include_str!("../../data/mozilla-tls/5.2.json")),
    ("5.3", include_str!("../../data/mozilla-tls/5.3.json")),
    ("5.4", include_str!("../../data/mozilla-tls/5.4.json")),
    ("5.5", include_str!("../../data/mozilla-tls/5.5.json")),
    ("5.6", include_str!("../../data/mozilla-tls/5.6.json")),
    ("5.7", include_str!("../../data/mozilla-tls/5.7.json")),
    ("5.8", include_str!("../../data/mozilla-tls/5.8.json")),
    ("6.0", include_str!("../../data/mozilla-tls/6.0.json")),
];

/// The guideline shown when none is asked for.
pub const LATEST: &str = "6.0";

/// One version of the guidelines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guideline {
    /// `6.0`.
    pub version: String,
    /// When it was published (its CHANGELOG entry), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Its profiles: modern, intermediate and (before 6.0) old.
    pub profiles: Vec<Profile>,
}

/// One profile of a guideline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// `modern`, `intermediate` or `old`.
    pub name: String,
    /// Protocol versions, oldest first.
    pub tls_versions: Vec<String>,
    /// Key-exchange groups, preferred first, by OpenSSL's names.
    pub tls_curves: Vec<String>,
    /// TLS 1.2-and-older suites by OpenSSL's names, in order.
    pub ciphers_openssl: Vec<String>,
    /// The same suites by IANA's names.
    pub ciphers_iana: Vec<String>,
    /// TLS 1.3 suites.
    pub ciphersuites: Vec<String>,
    /// Finite-field DH group size in bits, when DHE suites are in.
    pub dh_param_size: Option<String>,
    /// HSTS max-age, in seconds.
    pub hsts_min_age: String,
    /// The server picks the suite (rather than honouring the client's order).
    pub server_preferred_order: bool,
    /// The oldest clients the profile still works with.
    pub oldest_clients: Vec<String>,
    /// Certificate key types (`ecdsa`, `rsa`).
    pub certificate_types: Vec<String>,
    /// Minimum RSA key size, where RSA certificates are in.
    pub rsa_key_size: Option<String>,
}

impl Guideline {
    /// The guideline `version` (`6.0`, `5.7`, `6`), or the latest.
    pub fn get(version: Option<&str>) -> Result<&'static Guideline, Error> {
        let wanted = version.unwrap_or(LATEST);
        let wanted = if wanted.contains('.') {
            wanted.to_string()
        } else {
            format!("{wanted}.0")
        };
        all()
            .iter()
            .find(|g| g.version == wanted)
            .ok_or_else(|| Error::TlsConfig {
                problem: format!("Mozilla's guidelines have no version `{wanted}`"),
                choices: all().iter().map(|g| g.version.clone()).collect(),
            })
    }

    /// Its profile `name`.
    pub fn profile(&self, name: &str) -> Result<&Profile, Error> {
        self.profiles
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| Error::TlsConfig {
                problem: format!(
                    "guideline {} has no `{name}` profile{}",
                    self.version,
                    if name == "old" {
                        " (guidelines 5.7 and earlier have one)"
                    } else {
                        ""
                    }
                ),
                choices: self.profiles.iter().map(|p| p.name.clone()).collect(),
            })
    }
}

/// Every guideline version, read once.
pub fn all() -> &'static [Guideline] {
    static ALL: std::sync::LazyLock<Vec<Guideline>> = std::sync::LazyLock::new(|| {
        let read = |version: &str| -> Option<Value> {
            let (_, text) = FILES.iter().find(|(v, _)| *v == version)?;
            json::parse(text.as_bytes()).ok()
        };
        FILES
            .iter()
            .filter_map(|(version, _)| {
                let doc = read(version)?;
                // 5.0 named its lists apart and had no IANA names: the generator takes
                // those from 5.1, and so does certbench.
                let iana_from = (*version == "5.0").then(|| read("5.1")).flatten();
                Some(Guideline {
                    version: version.to_string(),
                    date: published(version),
                    profiles: profiles(&doc, iana_from.as_ref()),
                })
            })
            .collect()
    });
    &ALL
}

/// The profiles of one guideline document.
fn profiles(doc: &Value, iana_from: Option<&Value>) -> Vec<Profile> {
    let Some(Value::Object(configurations)) = doc.get("configurations") else {
        return Vec::new();
    };
    configurations
        .iter()
        .map(|(name, c)| {
            let list = |key: &str| strings(c.get(key));
            let nested = |key: &str, inner: &str| strings(c.get(key).and_then(|v| v.get(inner)));
            let mut tls_versions = list("tls_versions");
            // 4.0 lists the newest first; the templates read the first as the minimum.
            tls_versions.sort_by_key(|v| protocol_rank(v));
            let (ciphers_openssl, ciphersuites, ciphers_iana) = if c.get("ciphers").is_some() {
                (
                    nested("ciphers", "openssl"),
                    list("ciphersuites"),
                    nested("ciphers", "iana"),
                )
            } else if c.get("openssl_ciphers").is_some() {
                // 5.0.
                let iana = iana_from
                    .and_then(|d| d.get("configurations"))
                    .and_then(|d| d.get(name))
                    .and_then(|d| d.get("ciphers"))
                    .and_then(|d| d.get("iana"));
                (
                    list("openssl_ciphers"),
                    list("openssl_ciphersuites"),
                    strings(iana),
                )
            } else {
                // 4.0: `ciphersuites` are OpenSSL names, and there is no TLS 1.3.
                let openssl = list("ciphersuites");
                let iana = openssl
                    .iter()
                    .filter_map(|n| crate::cipher::find(n).ok().map(|s| s.iana.to_string()))
                    .collect();
                (openssl, Vec::new(), iana)
            };
            Profile {
                name: name.clone(),
                tls_versions,
                tls_curves: list("tls_curves"),
                ciphers_openssl,
                ciphers_iana,
                ciphersuites,
                dh_param_size: number(c.get("dh_param_size")),
                hsts_min_age: number(c.get("hsts_min_age")).unwrap_or_else(|| "63072000".into()),
                // 4.0 has no such key: its configurations let the server choose.
                server_preferred_order: !matches!(
                    c.get("server_preferred_order"),
                    Some(Value::Bool(false))
                ),
                oldest_clients: list("oldest_clients"),
                certificate_types: list("certificate_types"),
                rsa_key_size: number(c.get("rsa_key_size")),
            }
        })
        .collect()
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn number(value: Option<&Value>) -> Option<String> {
    match value {
        Some(Value::Number(n)) => Some(n.clone()),
        _ => None,
    }
}

fn protocol_rank(version: &str) -> u8 {
    match version {
        "SSLv3" => 0,
        "TLSv1" => 1,
        "TLSv1.1" => 2,
        "TLSv1.2" => 3,
        "TLSv1.3" => 4,
        _ => 5,
    }
}

/// The date of `version`'s CHANGELOG entry (`## [5.7] - 2023-05-15`, `## [6.0.0] - …`).
fn published(version: &str) -> Option<String> {
    include_str!("../../data/mozilla-tls/CHANGELOG.md")
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix("## [")?;
            let (v, date) = rest.split_once("] - ")?;
            (v == version || v.strip_suffix(".0") == Some(version)).then(|| date.trim().to_string())
        })
}
