//! The OpenSSL commands that make the same kind of certificate, for people who want to
//! repeat it or learn the flags.

use super::KeyType;
use super::request::{Profile, Request};
use serde::{Deserialize, Serialize};

/// The OpenSSL commands (and extensions file) that make the same kind of certificate, for
/// people who want to repeat it or learn the flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpensslRecipe {
    /// The commands, in order, as a shell runs them.
    pub commands: Vec<String>,
    /// Contents of `ext.cnf`, when the commands use one.
    pub extfile: Option<String>,
}

/// The OpenSSL commands that make a certificate like `request` with a key of `key_type`.
pub fn openssl_recipe(request: &Request, key_type: KeyType) -> OpensslRecipe {
    let genkey = match key_type {
        KeyType::P256 => {
            "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem"
                .to_string()
        }
        KeyType::P384 => {
            "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out key.pem"
                .to_string()
        }
        KeyType::Ed25519 => "openssl genpkey -algorithm Ed25519 -out key.pem".to_string(),
        rsa => format!(
            "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:{} -out key.pem",
            rsa.rsa_bits().unwrap_or(2048)
        ),
    };
    let subject: String = [
        ("C", &request.subject.country),
        ("ST", &request.subject.state),
        ("L", &request.subject.locality),
        ("O", &request.subject.organization),
        ("OU", &request.subject.organizational_unit),
        ("CN", &request.subject.common_name),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("/{k}={}", v.trim().replace('/', "\\/")))
    .collect();
    let days = (request.not_before.days_until(request.not_after) + 1).max(1);
    let mut ext = vec![];
    let profile = request.profile;
    ext.push(match (profile.is_ca(), request.path_len) {
        (true, Some(n)) => format!("basicConstraints = critical, CA:TRUE, pathlen:{n}"),
        (true, None) => "basicConstraints = critical, CA:TRUE".into(),
        (false, _) => "basicConstraints = critical, CA:FALSE".into(),
    });
    ext.push(match profile {
        Profile::Root | Profile::Intermediate => {
            "keyUsage = critical, keyCertSign, cRLSign, digitalSignature".into()
        }
        _ if key_type.name().starts_with("rsa") && profile != Profile::Client => {
            "keyUsage = critical, digitalSignature, keyEncipherment".into()
        }
        _ => "keyUsage = critical, digitalSignature".to_string(),
    });
    match profile {
        Profile::SelfSigned => ext.push("extendedKeyUsage = serverAuth, clientAuth".into()),
        Profile::Server => ext.push("extendedKeyUsage = serverAuth".into()),
        Profile::Client => ext.push("extendedKeyUsage = clientAuth".into()),
        _ => {}
    }
    ext.push("subjectKeyIdentifier = hash".into());
    if profile != Profile::Root {
        ext.push("authorityKeyIdentifier = keyid".into());
    }
    if !request.san.is_empty() {
        let san: Vec<String> = request
            .san
            .iter()
            .map(|s| match s.split_once(':') {
                Some((k, v))
                    if !k.contains('.') && !v.contains(':') || k.eq_ignore_ascii_case("ip") =>
                {
                    let kind = match k.to_ascii_lowercase().as_str() {
                        "dns" => "DNS",
                        "ip" => "IP",
                        "email" => "email",
                        "uri" => "URI",
                        other => return format!("{other}:{v}"),
                    };
                    format!("{kind}:{v}")
                }
                _ if s.parse::<std::net::IpAddr>().is_ok() => format!("IP:{s}"),
                _ => format!("DNS:{s}"),
            })
            .collect();
        ext.push(format!("subjectAltName = {}", san.join(", ")));
    }
    if !request.permitted.is_empty() || !request.excluded.is_empty() {
        let mut nc: Vec<String> = request
            .permitted
            .iter()
            .map(|p| format!("permitted;{p}"))
            .collect();
        nc.extend(request.excluded.iter().map(|e| format!("excluded;{e}")));
        ext.push(format!("nameConstraints = critical, {}", nc.join(", ")));
    }
    let mut aia = Vec::new();
    if let Some(url) = &request.ocsp_url {
        aia.push(format!("OCSP;URI:{url}"));
    }
    if let Some(url) = &request.ca_issuers_url {
        aia.push(format!("caIssuers;URI:{url}"));
    }
    if !aia.is_empty() {
        ext.push(format!("authorityInfoAccess = {}", aia.join(", ")));
    }
    if let Some(url) = &request.crl_url {
        ext.push(format!("crlDistributionPoints = URI:{url}"));
    }
    if request.must_staple {
        ext.push("tlsfeature = status_request".into());
    }
    // Also a minimal `req` config: OpenSSL 3.0's `req -x509` takes extensions only from -config.
    let extfile = format!(
        "[req]\ndistinguished_name = dn\n[dn]\n[v3]\n{}\n",
        ext.join("\n")
    );
    let commands = match profile {
        Profile::SelfSigned | Profile::Root => vec![
            genkey,
            format!(
                "openssl req -x509 -new -key key.pem -sha256 -days {days} -subj \"{subject}\" -config ext.cnf -extensions v3 -out cert.pem"
            ),
        ],
        _ => vec![
            genkey,
            format!("openssl req -new -key key.pem -subj \"{subject}\" -out request.csr"),
            format!(
                "openssl x509 -req -in request.csr -CA ca.pem -CAkey ca.key -sha256 -days {days} -set_serial 0x$(openssl rand -hex 16) -extfile ext.cnf -extensions v3 -out cert.pem"
            ),
            "cat cert.pem intermediates.pem > fullchain.pem".to_string(),
        ],
    };
    OpensslRecipe {
        commands,
        extfile: Some(extfile),
    }
}
