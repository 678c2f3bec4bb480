//! "Check my config": the TLS settings of a pasted nginx, Apache or HAProxy block (or a bare
//! cipher string) against each of Mozilla's profiles, with what differs and why it matters.

use super::guideline::{Guideline, Profile};
use crate::cipher::{self, Rating};
use crate::error::Error;
use serde::Serialize;

/// What a pasted configuration sets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// The server the directives are from: `nginx`, `apache`, `haproxy`, or `cipher string`.
    pub kind: String,
    /// The protocol versions it enables, oldest first; `None` when it does not say (the
    /// server's defaults apply).
    pub protocols: Option<Vec<String>>,
    /// Its TLS 1.2-and-older cipher string, as written.
    pub cipher_string: Option<String>,
    /// Its TLS 1.3 suites, when it sets them.
    pub ciphersuites: Option<Vec<String>>,
    /// Its key-exchange groups, when it sets them.
    pub groups: Option<Vec<String>>,
    /// Whether the server picks the suite, when it says.
    pub server_preferred_order: Option<bool>,
    /// It sends Strict-Transport-Security.
    pub hsts: bool,
    /// It staples OCSP responses.
    pub ocsp_stapling: bool,
}

/// One difference from a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// `protocols`, `ciphers`, `ciphersuites`, `groups` or `order`.
    pub setting: String,
    /// What differs.
    pub detail: String,
    /// Why it matters.
    pub why: String,
}

/// The configuration against one profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The profile.
    pub profile: String,
    /// The guideline version it is from.
    pub guideline: String,
    /// No difference in protocols, TLS 1.2 suites, TLS 1.3 suites or groups.
    pub matches: bool,
    /// What differs.
    pub differences: Vec<Difference>,
}

/// A suite the configuration enables, rated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnabledSuite {
    /// OpenSSL's name.
    pub openssl: String,
    /// The IANA name.
    pub iana: String,
    /// certbench's rating.
    pub rating: Rating,
}

/// The check of a pasted configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What it sets.
    pub settings: Settings,
    /// The suites it enables with TLS 1.2 and older, in OpenSSL 3.0's order, rated.
    pub suites: Vec<EnabledSuite>,
    /// The worst rating among them.
    pub rating: Rating,
    /// Each profile: 6.0's modern and intermediate, and 5.7's old.
    pub profiles: Vec<Comparison>,
    /// The first profile it matches, if any.
    pub matches: Option<String>,
    /// The profile with the fewest differences.
    pub closest: String,
}

/// Checks `text`: the TLS lines of an nginx, Apache or HAProxy configuration, or a cipher
/// string. An error when it sets nothing TLS-related.
pub fn check(text: &str) -> Result<Check, Error> {
    let settings = read(text);
    if settings.protocols.is_none()
        && settings.cipher_string.is_none()
        && settings.ciphersuites.is_none()
        && settings.groups.is_none()
    {
        return Err(Error::TlsConfig {
            problem: "no TLS setting found: expected nginx (ssl_protocols, ssl_ciphers), Apache (SSLProtocol, SSLCipherSuite) or HAProxy (ssl-default-bind-*) lines, or a cipher string".into(),
            choices: Vec::new(),
        });
    }
    let enabled: Vec<EnabledSuite> = match &settings.cipher_string {
        Some(rule) => cipher::string::expand(rule)?
            .suites
            .into_iter()
            .filter(|s| !s.version.starts_with("TLSv1.3"))
            .map(|s| EnabledSuite {
                openssl: s.openssl,
                iana: s.iana,
                rating: s.rating,
            })
            .collect(),
        None => Vec::new(),
    };
    let rating = enabled
        .iter()
        .map(|s| s.rating)
        .max()
        .unwrap_or(Rating::Recommended);
    let mut profiles = Vec::new();
    for (version, name) in [("6.0", "modern"), ("6.0", "intermediate"), ("5.7", "old")] {
        let guideline = Guideline::get(Some(version))?;
        let profile = guideline.profile(name)?;
        let differences = compare(&settings, &enabled, profile);
        profiles.push(Comparison {
            profile: name.into(),
            guideline: version.into(),
            matches: differences.iter().all(|d| d.setting == "order"),
            differences,
        });
    }
    let matches = profiles
        .iter()
        .find(|p| p.matches)
        .map(|p| p.profile.clone());
    let closest = profiles
        .iter()
        .min_by_key(|p| p.differences.len())
        .map(|p| p.profile.clone())
        .unwrap_or_default();
    Ok(Check {
        settings,
        suites: enabled,
        rating,
        profiles,
        matches,
        closest,
    })
}

/// Why each protocol version matters, for the differences.
fn protocol_why(version: &str, enabled: bool) -> String {
    match (version, enabled) {
        ("SSLv3", true) => "SSL 3.0 is broken (POODLE) and prohibited by RFC 7568".into(),
        ("TLSv1" | "TLSv1.1", true) => {
            "TLS 1.0 and 1.1 are deprecated (RFC 8996): no AEAD suites, SHA-1 in the handshake; browsers refuse them".into()
        }
        ("TLSv1.3", false) => {
            "TLS 1.3 is faster (one round trip), always has forward secrecy and drops every legacy algorithm".into()
        }
        ("TLSv1.2", false) => {
            "without TLS 1.2, clients that lack TLS 1.3 (Android before 10, Java 8 before update 261, many embedded devices) cannot connect".into()
        }
        ("TLSv1.2", true) => {
            "the modern profile is for clients that all speak TLS 1.3; TLS 1.2 with the intermediate profile's suites is safe".into()
        }
        (_, true) => "the profile leaves it out".into(),
        (_, false) => "the profile's clients may need it".into(),
    }
}

fn compare(settings: &Settings, enabled: &[EnabledSuite], profile: &Profile) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut push = |setting: &str, detail: String, why: String| {
        out.push(Difference {
            setting: setting.into(),
            detail,
            why,
        })
    };
    if let Some(protocols) = &settings.protocols {
        for p in protocols {
            if !profile.tls_versions.contains(p) {
                push(
                    "protocols",
                    format!("enables {p}, which the {} profile does not", profile.name),
                    protocol_why(p, true),
                );
            }
        }
        for p in &profile.tls_versions {
            if !protocols.contains(p) {
                push(
                    "protocols",
                    format!(
                        "does not enable {p}, which the {} profile does",
                        profile.name
                    ),
                    protocol_why(p, false),
                );
            }
        }
    }
    // The profile's suites a configuration can enable at all: OpenSSL 3.0 (as certbench's
    // expansion follows it) no longer builds 3DES ones.
    let buildable = buildable();
    let wanted: Vec<&String> = profile
        .ciphers_openssl
        .iter()
        .filter(|c| !c.starts_with('@') && buildable.contains(c))
        .collect();
    let speaks_tls12 = settings
        .protocols
        .as_ref()
        .is_none_or(|p| p.iter().any(|v| v != "TLSv1.3"));
    if settings.cipher_string.is_some() && speaks_tls12 {
        for s in enabled {
            if !wanted.contains(&&s.openssl) {
                push(
                    "ciphers",
                    format!(
                        "enables {} ({}), which the {} profile does not",
                        s.openssl,
                        format!("{:?}", s.rating).to_ascii_lowercase(),
                        profile.name
                    ),
                    why_not(s),
                );
            }
        }
        for w in &wanted {
            if !enabled.iter().any(|s| &&s.openssl == w) {
                push(
                    "ciphers",
                    format!(
                        "does not enable {w}, which the {} profile does",
                        profile.name
                    ),
                    "the profile's oldest clients may need it".into(),
                );
            }
        }
    }
    if let Some(suites) = &settings.ciphersuites {
        for s in suites {
            if !profile.ciphersuites.contains(s) {
                push(
                    "ciphersuites",
                    format!(
                        "enables the TLS 1.3 suite {s}, which the {} profile does not",
                        profile.name
                    ),
                    "outside the profile's TLS 1.3 list".into(),
                );
            }
        }
        for s in &profile.ciphersuites {
            if !suites.contains(s) {
                push(
                    "ciphersuites",
                    format!("does not enable the TLS 1.3 suite {s}, which the {} profile does", profile.name),
                    "clients without AES hardware prefer ChaCha20-Poly1305; AES-GCM is what most use".into(),
                );
            }
        }
    }
    if let Some(groups) = &settings.groups {
        for g in &profile.tls_curves {
            if !groups.iter().any(|x| same_group(x, g)) {
                push(
                    "groups",
                    format!(
                        "does not offer the group {g}, which the {} profile does",
                        profile.name
                    ),
                    if g.contains("MLKEM") {
                        "X25519MLKEM768 is the post-quantum hybrid key exchange browsers use: without it, recorded traffic is open to a future quantum computer".into()
                    } else {
                        "clients that support only it fall back or fail".into()
                    },
                );
            }
        }
    }
    if let Some(order) = settings.server_preferred_order
        && order != profile.server_preferred_order
        && speaks_tls12
    {
        push(
            "order",
            format!(
                "{} the suite, where the {} profile {}",
                if order { "the server picks" } else { "the client picks" },
                profile.name,
                if profile.server_preferred_order {
                    "has the server pick it"
                } else {
                    "lets the client pick (every suite in it is strong, and clients know whether they have AES hardware)"
                }
            ),
            "a matter of preference when every enabled suite is strong; it matters only with weak suites enabled".into(),
        );
    }
    out
}

/// Why an enabled suite outside the profile matters: its own worst reason when it is weak.
fn why_not(s: &EnabledSuite) -> String {
    let reason = cipher::find(&s.iana)
        .ok()
        .map(cipher::explain_registered)
        .and_then(|e| e.reasons.into_iter().next());
    match (s.rating, reason) {
        (Rating::Insecure | Rating::Weak, Some(reason)) => format!(
            "{} suite: {reason}",
            if s.rating == Rating::Insecure {
                "an insecure"
            } else {
                "a weak"
            }
        ),
        _ => "outside the profile's list, though not weak: it widens what must be audited".into(),
    }
}

/// The OpenSSL names of every suite OpenSSL 3.0 builds (what a cipher string can select).
fn buildable() -> &'static [String] {
    static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        cipher::string::expand("ALL:COMPLEMENTOFALL:@SECLEVEL=0")
            .map(|x| x.suites.into_iter().map(|s| s.openssl).collect())
            .unwrap_or_default()
    });
    &NAMES
}

/// Two names of one group (`prime256v1`, `P-256`, `secp256r1`).
fn same_group(a: &str, b: &str) -> bool {
    let canon = |g: &str| match g.to_ascii_lowercase().as_str() {
        "prime256v1" | "p-256" | "secp256r1" => "p256".to_string(),
        "secp384r1" | "p-384" => "p384".into(),
        "secp521r1" | "p-521" => "p521".into(),
        other => other.into(),
    };
    canon(a) == canon(b)
}

/// The TLS settings of a pasted configuration.
pub(super) fn read(text: &str) -> Settings {
    let mut s = Settings::default();
    let mut kinds: Vec<&str> = Vec::new();
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        let line = line.trim_end_matches(';').trim();
        let (key, value) = match line.split_once(char::is_whitespace) {
            Some((k, v)) => (k, v.trim()),
            None => continue,
        };
        let lower = key.to_ascii_lowercase();
        let words = || -> Vec<String> {
            value
                .trim_matches(['"', '\''])
                .split([' ', ':', ','])
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        match lower.as_str() {
            "ssl_protocols" => {
                kinds.push("nginx");
                s.protocols = Some(sorted(words()));
            }
            "ssl_ciphers" => {
                kinds.push("nginx");
                s.cipher_string = Some(value.trim_matches(['"', '\'']).to_string());
            }
            "ssl_ecdh_curve" => {
                kinds.push("nginx");
                s.groups = Some(words());
            }
            "ssl_prefer_server_ciphers" => {
                kinds.push("nginx");
                s.server_preferred_order = Some(value.eq_ignore_ascii_case("on"));
            }
            "ssl_conf_command" => {
                kinds.push("nginx");
                if let Some(rest) = value.strip_prefix("Ciphersuites") {
                    s.ciphersuites = Some(split(rest));
                }
            }
            "ssl_stapling" => s.ocsp_stapling = value.eq_ignore_ascii_case("on"),
            "sslprotocol" => {
                kinds.push("apache");
                s.protocols = Some(apache_protocols(value));
            }
            "sslciphersuite" => {
                kinds.push("apache");
                match value.split_once(char::is_whitespace) {
                    Some(("TLSv1.3", rest)) => s.ciphersuites = Some(split(rest)),
                    Some(("SSL", rest)) => s.cipher_string = Some(rest.trim().to_string()),
                    _ => s.cipher_string = Some(value.to_string()),
                }
            }
            "sslopensslconfcmd" => {
                kinds.push("apache");
                if let Some(rest) = value
                    .strip_prefix("Curves")
                    .or_else(|| value.strip_prefix("Groups"))
                {
                    s.groups = Some(split(rest));
                }
            }
            "sslhonorcipherorder" => {
                kinds.push("apache");
                s.server_preferred_order = Some(value.eq_ignore_ascii_case("on"));
            }
            "sslusestapling" => s.ocsp_stapling = value.eq_ignore_ascii_case("on"),
            "ssl-default-bind-ciphers" => {
                kinds.push("haproxy");
                s.cipher_string = Some(value.to_string());
            }
            "ssl-default-bind-ciphersuites" => {
                kinds.push("haproxy");
                s.ciphersuites = Some(split(value));
            }
            "ssl-default-bind-curves" => {
                kinds.push("haproxy");
                s.groups = Some(split(value));
            }
            "ssl-default-bind-options" => {
                kinds.push("haproxy");
                s.protocols = Some(haproxy_protocols(value));
                s.server_preferred_order = Some(!value.contains("prefer-client-ciphers"));
            }
            _ => {}
        }
        if lower.contains("strict-transport-security") || line.contains("Strict-Transport-Security")
        {
            s.hsts = true;
        }
    }
    if kinds.is_empty() && s.cipher_string.is_none() {
        // A bare cipher string, or a config line `rule_from_config` knows.
        let rule = cipher::string::rule_from_config(text);
        if !rule.is_empty() && cipher::string::expand(&rule).is_ok() {
            s.cipher_string = Some(rule);
            kinds.push("cipher string");
        }
    }
    s.kind = kinds.first().copied().unwrap_or("").to_string();
    s
}

fn split(text: &str) -> Vec<String> {
    text.trim()
        .trim_matches(['"', '\''])
        .split([':', ' ', ','])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

const VERSIONS: [&str; 5] = ["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];

/// Protocol names as Mozilla writes them (`TLSv1` for 1.0), oldest first.
fn sorted(words: Vec<String>) -> Vec<String> {
    let canon = |w: &str| match w {
        "TLSv1.0" => "TLSv1".to_string(),
        w => w.to_string(),
    };
    VERSIONS
        .iter()
        .filter(|v| words.iter().any(|w| canon(w) == **v))
        .map(|v| v.to_string())
        .collect()
}

/// Apache's `SSLProtocol` (`-all +TLSv1.2 +TLSv1.3`, `all -SSLv3 -TLSv1 -TLSv1.1`, `TLSv1.2`).
fn apache_protocols(value: &str) -> Vec<String> {
    // Apache 2.4's `all` is SSLv3 (when OpenSSL has it) through TLS 1.3.
    let mut on: Vec<&str> = Vec::new();
    for word in value.split_whitespace() {
        let (sign, name) = match word.as_bytes().first() {
            Some(b'+') => ('+', &word[1..]),
            Some(b'-') => ('-', &word[1..]),
            _ => ('=', word),
        };
        let names: Vec<&str> = if name.eq_ignore_ascii_case("all") {
            VERSIONS.to_vec()
        } else {
            VERSIONS
                .iter()
                .copied()
                .filter(|v| v.eq_ignore_ascii_case(name) || (name == "TLSv1.0" && *v == "TLSv1"))
                .collect()
        };
        match sign {
            '-' => on.retain(|v| !names.contains(v)),
            _ => on.extend(names),
        }
    }
    sorted(on.into_iter().map(str::to_string).collect())
}

/// HAProxy's `ssl-default-bind-options` (`ssl-min-ver TLSv1.2`, `no-tlsv10 no-tlsv11`).
fn haproxy_protocols(value: &str) -> Vec<String> {
    let words: Vec<&str> = value.split_whitespace().collect();
    let position = |v: &str| VERSIONS.iter().position(|x| *x == v);
    let canon = |v: &str| if v == "TLSv1.0" { "TLSv1" } else { v }.to_string();
    let min = words
        .windows(2)
        .find(|w| w[0] == "ssl-min-ver")
        .and_then(|w| position(&canon(w[1])))
        .unwrap_or(1);
    let max = words
        .windows(2)
        .find(|w| w[0] == "ssl-max-ver")
        .and_then(|w| position(&canon(w[1])))
        .unwrap_or(4);
    VERSIONS
        .iter()
        .enumerate()
        .filter(|(i, v)| {
            *i >= min
                && *i <= max
                && !words.iter().any(|w| {
                    *w == match **v {
                        "SSLv3" => "no-sslv3",
                        "TLSv1" => "no-tlsv10",
                        "TLSv1.1" => "no-tlsv11",
                        "TLSv1.2" => "no-tlsv12",
                        _ => "no-tlsv13",
                    }
                })
        })
        .map(|(_, v)| v.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols_as_each_server_spells_them() {
        assert_eq!(
            apache_protocols("-all +TLSv1.2 +TLSv1.3"),
            ["TLSv1.2", "TLSv1.3"]
        );
        assert_eq!(
            apache_protocols("all -SSLv3 -TLSv1 -TLSv1.1"),
            ["TLSv1.2", "TLSv1.3"]
        );
        assert_eq!(
            haproxy_protocols("ssl-min-ver TLSv1.2 no-tls-tickets"),
            ["TLSv1.2", "TLSv1.3"]
        );
        assert_eq!(
            haproxy_protocols("no-sslv3 no-tlsv10 no-tlsv11 no-tls-tickets"),
            ["TLSv1.2", "TLSv1.3"]
        );
        assert_eq!(
            sorted(vec!["TLSv1.3".into(), "TLSv1.0".into()]),
            ["TLSv1", "TLSv1.3"]
        );
    }
}
