//! Recommended TLS configurations: Mozilla's server-side TLS guidelines (versions 4.0 to 6.0,
//! `data/mozilla-tls/`, MPL-2.0) written out for each server Mozilla's SSL Configuration
//! Generator knows, as it writes them (a test compares every line with the generator's own
//! output), with the cipher list expanded and rated by certbench's engine and checked against
//! the guideline.

mod check;
mod guideline;
mod templates;
mod version;

pub use check::{Check, Comparison, Difference, EnabledSuite, Settings, check};
pub use guideline::{Guideline, LATEST as LATEST_GUIDELINE, Profile, all as guidelines};

use crate::cipher;
use crate::error::Error;
use serde::Serialize;

/// What to write a configuration for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// A server key of Mozilla's generator (`nginx`, `apache`, `haproxy`, …): [`servers`].
    pub server: String,
    /// `modern`, `intermediate` or `old` (guidelines before 6.0).
    pub profile: String,
    /// The guideline version (`6.0`, `5.7`, …); the latest when `None`.
    pub guideline: Option<String>,
    /// The server's version; its latest when `None`.
    pub server_version: Option<String>,
    /// The OpenSSL version it is built with; OpenSSL's latest when `None`.
    pub openssl_version: Option<String>,
    /// Send HSTS (and redirect HTTP to HTTPS) where the server can.
    pub hsts: bool,
    /// Staple OCSP responses where the server can.
    pub ocsp: bool,
}

/// A server Mozilla's generator writes for (a row of `data/mozilla-tls/servers.tsv`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Server {
    /// The key (`nginx`).
    pub key: &'static str,
    /// Its name (`nginx`, `Apache`, `AWS ALB`).
    pub name: &'static str,
    /// The latest version the generator knows.
    pub latest_version: &'static str,
    /// Versions before this are end-of-life.
    pub eol_before: Option<&'static str>,
    /// The first version that speaks TLS 1.3; `None`: none does.
    pub tls13: Option<&'static str>,
    /// The first version that staples OCSP responses; `None`: none does.
    pub ocsp_stapling: Option<&'static str>,
    /// How it names cipher suites: `openssl`, `iana` or `go`.
    pub cipher_format: &'static str,
    /// Built with OpenSSL (the OpenSSL version matters).
    pub uses_openssl: bool,
    /// Can send HSTS.
    pub supports_hsts: bool,
    /// The suites it can offer at all, when it cannot take any (AWS ELB).
    supported_ciphers: Vec<&'static str>,
}

/// Every server, in the generator's order.
pub fn servers() -> &'static [Server] {
    static SERVERS: std::sync::LazyLock<Vec<Server>> = std::sync::LazyLock::new(|| {
        let opt = |s: &'static str| (!s.is_empty()).then_some(s);
        include_str!("../../data/mozilla-tls/servers.tsv")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .filter_map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                Some(Server {
                    key: f.first()?,
                    name: f.get(1)?,
                    latest_version: f.get(2)?,
                    eol_before: opt(f.get(3)?),
                    tls13: opt(f.get(4)?),
                    ocsp_stapling: opt(f.get(5)?),
                    cipher_format: f.get(6)?,
                    uses_openssl: *f.get(7)? == "yes",
                    supports_hsts: *f.get(8)? == "yes",
                    supported_ciphers: f
                        .get(11)
                        .map(|s| s.split(':').filter(|c| !c.is_empty()).collect())
                        .unwrap_or_default(),
                })
            })
            .collect()
    });
    &SERVERS
}

/// The server `key` names.
fn server(key: &str) -> Result<&'static Server, Error> {
    servers()
        .iter()
        .find(|s| s.key == key && s.key != "openssl")
        .ok_or_else(|| Error::TlsConfig {
            problem: format!("`{key}` is not a server Mozilla's guidelines are written for"),
            choices: servers()
                .iter()
                .filter(|s| s.key != "openssl")
                .map(|s| s.key.to_string())
                .collect(),
        })
}

/// A configuration written out, with what it is made of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Generated {
    /// The server's key.
    pub server: String,
    /// The server's name and version.
    pub server_version: String,
    /// The OpenSSL version, for servers built with it.
    pub openssl_version: Option<String>,
    /// The profile.
    pub profile: String,
    /// The guideline version and the date it was published.
    pub guideline: String,
    /// When that guideline was published (its CHANGELOG entry).
    pub guideline_date: Option<String>,
    /// The protocol versions it enables, oldest first (`TLSv1.2`, `TLSv1.3`).
    pub protocols: Vec<String>,
    /// The TLS 1.2-and-older suites, as the server names them (OpenSSL, IANA or Go names).
    pub ciphers: Vec<String>,
    /// The TLS 1.3 suites.
    pub ciphersuites: Vec<String>,
    /// Key-exchange groups, preferred first.
    pub groups: Vec<String>,
    /// Every suite it enables, in order, explained and rated by certbench.
    pub suites: Vec<Suite>,
    /// The worst rating among them.
    pub rating: cipher::Rating,
    /// Whether the cipher string, expanded as OpenSSL 3.0 expands it, selects exactly the
    /// guideline's suites in its order; `None` for servers that take a list, not a string.
    pub expands_to_guideline: Option<bool>,
    /// The guideline's suites that expansion does not select (OpenSSL 3.0 no longer builds
    /// 3DES suites, for one).
    pub not_selected: Vec<String>,
    /// Warnings: an end-of-life version, a protocol the version cannot speak.
    pub warnings: Vec<String>,
    /// The configuration text, as Mozilla's generator writes it.
    pub text: String,
    /// The same configuration on ssl-config.mozilla.org.
    pub link: String,
}

/// One suite a configuration enables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suite {
    /// `0xC0,0x2F`.
    pub code: String,
    /// The IANA name.
    pub iana: String,
    /// OpenSSL's name.
    pub openssl: Option<String>,
    /// certbench's rating.
    pub rating: cipher::Rating,
}

/// What a template reads: the generator's `form` and `output` (state.js).
pub(crate) struct State<'a> {
    pub(crate) config: &'a str,
    pub(crate) hsts: bool,
    pub(crate) ocsp: bool,
    pub(crate) openssl: String,
    pub(crate) server: &'a Server,
    pub(crate) version: String,
    pub(crate) ciphers: Vec<String>,
    pub(crate) cipher_suites: Vec<String>,
    pub(crate) date: String,
    pub(crate) dh_command: String,
    pub(crate) dh_param_size: Option<String>,
    pub(crate) header: String,
    pub(crate) link: String,
    pub(crate) hsts_max_age: String,
    pub(crate) protocols: Vec<String>,
    pub(crate) server_preferred_order: bool,
    pub(crate) tls_curves: Vec<String>,
    pub(crate) uses_dhe: bool,
}

impl State<'_> {
    /// The server's version is at least `v`.
    pub(crate) fn server_at_least(&self, v: &str) -> bool {
        version::at_least(v, &self.version)
    }
    /// The OpenSSL version is at least `v`.
    pub(crate) fn openssl_at_least(&self, v: &str) -> bool {
        version::at_least(v, &self.openssl)
    }
    /// The server's version is `v` or a later patch of its major.minor.
    pub(crate) fn server_at_least_patch(&self, v: &str) -> bool {
        version::at_least_patch(v, &self.version)
    }
    /// The oldest protocol it enables.
    pub(crate) fn min_protocol(&self) -> &str {
        self.protocols.first().map_or("", String::as_str)
    }
    /// It enables protocol `p`.
    pub(crate) fn has_protocol(&self, p: &str) -> bool {
        self.protocols.iter().any(|x| x == p)
    }
}

/// The first OpenSSL release with TLS 1.3, and the releases still supported (the generator's
/// `openssl` row).
fn openssl() -> Result<&'static Server, Error> {
    servers()
        .iter()
        .find(|s| s.key == "openssl")
        .ok_or_else(|| Error::TlsConfig {
            problem: "the shipped server table has no OpenSSL row (data/mozilla-tls/servers.tsv)"
                .into(),
            choices: Vec::new(),
        })
}

/// Writes the configuration `request` asks for, as Mozilla's generator does on `date`
/// (`YYYY-MM-DD`, for its header line).
pub fn generate(request: &Request, date: &str) -> Result<Generated, Error> {
    let server = server(&request.server)?;
    let guideline = Guideline::get(request.guideline.as_deref())?;
    let profile = guideline.profile(&request.profile)?;
    let openssl_row = openssl()?;
    let version = request
        .server_version
        .clone()
        .unwrap_or_else(|| server.latest_version.to_string());
    let openssl = request
        .openssl_version
        .clone()
        .unwrap_or_else(|| openssl_row.latest_version.to_string());
    for (what, v) in [("server version", &version), ("OpenSSL version", &openssl)] {
        if version::Version::coerce(v).is_none() {
            return Err(Error::Form(format!(
                "{what} `{v}` is not a version (expected digits such as 1.27.3 or 1.1.1w)"
            )));
        }
    }
    let ocsp_capable = server
        .ocsp_stapling
        .is_some_and(|v| version::at_least(v, &version));
    let hsts = request.hsts && server.supports_hsts;
    let ocsp = request.ocsp && ocsp_capable;
    let gl = &guideline.version;

    let mut fragment = format!(
        "server={}&version={version}&config={}",
        server.key, request.profile
    );
    if server.uses_openssl {
        fragment += &format!("&openssl={openssl}");
    }
    if hsts {
        fragment += "&hsts";
    }
    if ocsp {
        fragment += "&ocsp";
    }
    fragment += &format!("&guideline={gl}");

    let mut warnings = Vec::new();
    let mut tags = format!("{} {version}", server.name);
    if server
        .eol_before
        .is_some_and(|eol| !version::at_least(eol, &version))
    {
        tags += " (UNSUPPORTED; end-of-life)";
        warnings.push(format!("{} {version} is end-of-life", server.name));
    }
    if server.uses_openssl {
        tags += &format!(", OpenSSL {openssl}");
        if openssl_row
            .eol_before
            .is_some_and(|eol| !version::at_least(eol, &openssl))
        {
            tags += " (UNSUPPORTED; end-of-life)";
            warnings.push(format!("OpenSSL {openssl} is end-of-life"));
        } else if !version::at_least("3.5.0", &openssl) && version::at_least("5.8", gl) {
            tags += " (OLD: missing PQC hybrid MLKEMs)";
            warnings.push(format!(
                "OpenSSL {openssl} has no post-quantum hybrid groups (X25519MLKEM768 needs 3.5)"
            ));
        }
    }
    tags += &format!(", {} config", request.profile);
    let tags = xml_entities(&tags);
    let mut header = format!("generated {date}, Mozilla Guideline v{gl}, {tags}");
    if hsts {
        header += ", HSTS";
    }
    if ocsp {
        header += ", OCSP";
    }
    let origin = "https://ssl-config.mozilla.org";
    let link = format!("{origin}/#{fragment}");

    let tls13 = server.tls13.is_some_and(|v| version::at_least(v, &version))
        && openssl_row
            .tls13
            .is_some_and(|v| version::at_least(v, &openssl));
    let protocols: Vec<String> = profile
        .tls_versions
        .iter()
        .filter(|p| tls13 || *p != "TLSv1.3")
        .cloned()
        .collect();
    if protocols.is_empty() {
        return Err(Error::TlsConfig {
            problem: format!(
                "{} {version}{} cannot speak TLS 1.3, the only protocol the {} profile allows",
                server.name,
                if server.uses_openssl {
                    format!(" with OpenSSL {openssl}")
                } else {
                    String::new()
                },
                request.profile
            ),
            choices: guideline
                .profiles
                .iter()
                .map(|p| p.name.clone())
                .filter(|p| p != &request.profile)
                .collect(),
        });
    }
    if protocols.len() < profile.tls_versions.len() {
        warnings.push(format!(
            "{} {version} cannot speak TLS 1.3: left out",
            server.name
        ));
    }
    let tls_curves: Vec<String> = profile
        .tls_curves
        .iter()
        .filter(|g| version::at_least("3.5.0", &openssl) || *g != "X25519MLKEM768")
        .cloned()
        .collect();

    let mut ciphers: Vec<String> = match server.cipher_format {
        "go" | "iana" => profile.ciphers_iana.clone(),
        _ => profile.ciphers_openssl.clone(),
    };
    let supported: &[&str] = if !server.supported_ciphers.is_empty() {
        &server.supported_ciphers
    } else if server.cipher_format == "go" {
        servers()
            .iter()
            .find(|s| s.key == "go")
            .map_or(&[][..], |g| &g.supported_ciphers[..])
    } else {
        &[]
    };
    if !supported.is_empty() {
        ciphers.retain(|c| supported.contains(&c.as_str()));
    }
    if ciphers.first().is_some_and(|c| c == "@SECLEVEL=0") {
        ciphers.remove(0);
    }
    if server.uses_openssl
        && version::at_least("3.0.0", &openssl)
        && protocols.iter().any(|p| p == "TLSv1.1")
    {
        // OpenSSL 3 needs security level 0 for TLS 1.0 and 1.1.
        ciphers.insert(0, "@SECLEVEL=0".into());
    }
    let joined = ciphers.join(":");
    let uses_dhe = joined.contains(":DHE") || joined.contains("_DHE_");

    let state = State {
        config: &request.profile,
        hsts,
        ocsp,
        openssl: openssl.clone(),
        server,
        version: version.clone(),
        ciphers: ciphers.clone(),
        cipher_suites: profile.ciphersuites.clone(),
        date: date.to_string(),
        dh_command: format!(
            "curl {origin}/ffdhe{}.txt",
            profile.dh_param_size.as_deref().unwrap_or("null")
        ),
        dh_param_size: profile.dh_param_size.clone(),
        header,
        link: link.clone(),
        hsts_max_age: profile.hsts_min_age.clone(),
        protocols: protocols.clone(),
        server_preferred_order: profile.server_preferred_order,
        tls_curves: tls_curves.clone(),
        uses_dhe,
    };
    let text = templates::write(&state);
    let (suites, expansion) = suites_of(server, &state, profile);
    let rating = suites
        .iter()
        .map(|s| s.rating)
        .max()
        .unwrap_or(cipher::Rating::Recommended);
    Ok(Generated {
        server: server.key.to_string(),
        server_version: format!("{} {version}", server.name),
        openssl_version: server.uses_openssl.then_some(openssl),
        profile: request.profile.clone(),
        guideline: gl.clone(),
        guideline_date: guideline.date.clone(),
        protocols,
        ciphers: ciphers
            .into_iter()
            .filter(|c| !c.starts_with('@'))
            .collect(),
        ciphersuites: if tls13 {
            profile.ciphersuites.clone()
        } else {
            Vec::new()
        },
        groups: tls_curves,
        suites,
        rating,
        expands_to_guideline: expansion.as_ref().map(|x| x.exact),
        not_selected: expansion.map(|x| x.not_selected).unwrap_or_default(),
        warnings,
        text,
        link,
    })
}

/// How OpenSSL reads a configuration's cipher string, against the guideline's list.
struct Expansion {
    /// It selects exactly the guideline's suites, in its order.
    exact: bool,
    /// The guideline's suites it does not select.
    not_selected: Vec<String>,
}

/// The suites a configuration enables (TLS 1.3 first, then the cipher list in order), each
/// rated; and, for a server that takes an OpenSSL cipher string, how OpenSSL 3.0 expands the
/// string it writes.
fn suites_of(
    server: &Server,
    state: &State<'_>,
    profile: &Profile,
) -> (Vec<Suite>, Option<Expansion>) {
    let mut suites = Vec::new();
    let tls13 = state.has_protocol("TLSv1.3");
    let names = state
        .cipher_suites
        .iter()
        .filter(|_| tls13)
        .chain(state.ciphers.iter().filter(|c| !c.starts_with('@')));
    for name in names {
        if let Ok(found) = cipher::find(name) {
            let e = cipher::explain_registered(found);
            suites.push(Suite {
                code: e.code,
                iana: e.iana,
                openssl: e.openssl,
                rating: e.rating,
            });
        }
    }
    let expansion = (server.cipher_format == "openssl" && !state.ciphers.is_empty()).then(|| {
        let got: Vec<String> = cipher::string::expand(&state.ciphers.join(":"))
            .map(|x| {
                x.suites
                    .into_iter()
                    .filter(|s| !s.version.starts_with("TLSv1.3"))
                    .map(|s| s.openssl)
                    .collect()
            })
            .unwrap_or_default();
        let wanted: Vec<&String> = profile
            .ciphers_openssl
            .iter()
            .filter(|c| !c.starts_with('@'))
            .collect();
        Expansion {
            exact: got.iter().eq(wanted.iter().copied()),
            not_selected: wanted
                .into_iter()
                .filter(|w| !got.contains(w))
                .cloned()
                .collect(),
        }
    });
    (suites, expansion)
}

/// The generator's `xmlEntities`: `"&'<>` and backtick as hex character references.
fn xml_entities(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' | '&' | '\'' | '<' | '>' | '`' => format!("&#x{:x};", c as u32),
            c => c.to_string(),
        })
        .collect()
}
