//! Keys and certificates from one format to another: PEM, DER, JWK (RFC 7517) and OpenSSH
//! public keys. Private parts go out only when asked for, and the answer says they did.

use crate::decode::{Decoded, KeyAlgorithm, PrivateKeyReport, Report};
use crate::error::Error;
use crate::input;
use crate::jose::PublicParts;
use crate::jwk::{self, Extra};

/// What to convert to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One JWK, or a JWK Set when the input has several keys.
    Jwk,
    /// Every block as PEM.
    Pem,
    /// One structure as DER.
    Der,
    /// OpenSSH public keys, one `authorized_keys` line each.
    Ssh,
}

/// The converted output and what the caller must say of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Converted {
    /// The bytes to write (text for every target but DER).
    pub bytes: Vec<u8>,
    /// The output holds a private key.
    pub private: bool,
}

/// One distinct key of the input: its parts, its private key (when given and asked for), its
/// `kid` and, for the key of the input's first certificate, that certificate and the rest.
struct Key {
    parts: PublicParts,
    private: Option<Vec<u8>>,
    kid: Option<String>,
    x5c: Vec<Vec<u8>>,
}

/// The public key of a block that carries one, with its private key DER when it has one.
fn key_of(d: &Decoded) -> Option<(Option<PublicParts>, Option<&[u8]>)> {
    Some(match &d.report {
        Report::Certificate(c) => (c.public_key.jwk_parts(), None),
        Report::Csr(c) => (c.public_key.jwk_parts(), None),
        Report::PublicKey(k) => (k.jwk_parts(), None),
        Report::Jwk(j) => (
            j.public_key.jwk_parts(),
            j.private.then_some(d.der.as_slice()),
        ),
        #[cfg(feature = "openssh")]
        Report::SshPublicKey(k) | Report::SshPrivateKey(k) => {
            (k.public_key.as_ref().and_then(|p| p.jwk_parts()), None)
        }
        #[cfg(feature = "openssh")]
        Report::SshCertificate(c) => (c.key.public_key.as_ref().and_then(|p| p.jwk_parts()), None),
        Report::PrivateKey(PrivateKeyReport {
            encrypted: false,
            public_key,
            ..
        }) => (
            public_key.as_ref().and_then(|p| p.jwk_parts()),
            Some(d.der.as_slice()),
        ),
        _ => return None,
    })
}

fn unconvertible(d: &Decoded, to: &str) -> Error {
    let what = match (&d.report, k_algorithm(d)) {
        (Report::PrivateKey(k), _) if k.encrypted => {
            "an encrypted private key: give its password to decrypt it first".to_string()
        }
        (Report::PrivateKey(k), Some(algorithm))
            if k.public_key
                .as_ref()
                .is_some_and(|p| p.public_hex.is_empty())
                && !matches!(
                    k.public_key.as_ref().map(|p| &p.algorithm),
                    Some(KeyAlgorithm::Dsa | KeyAlgorithm::Dh | KeyAlgorithm::Other(_))
                ) =>
        {
            format!("a private {algorithm} key whose public key certbench cannot derive")
        }
        (_, Some(algorithm)) => format!("{to} cannot carry a {algorithm} key"),
        _ => format!("nothing {to} can carry"),
    };
    Error::Form(format!("block {}: {what}", d.block))
}

fn k_algorithm(d: &Decoded) -> Option<String> {
    match &d.report {
        Report::PrivateKey(k) => k.public_key.as_ref().map(|p| p.algorithm.to_string()),
        Report::Certificate(c) => Some(c.public_key.algorithm.to_string()),
        Report::Csr(c) => Some(c.public_key.algorithm.to_string()),
        Report::PublicKey(k) => Some(k.algorithm.to_string()),
        Report::Jwk(j) => Some(j.public_key.algorithm.to_string()),
        #[cfg(feature = "openssh")]
        Report::SshPublicKey(k) | Report::SshPrivateKey(k) => Some(k.algorithm.clone()),
        #[cfg(feature = "openssh")]
        Report::SshCertificate(c) => Some(c.key.algorithm.clone()),
        _ => None,
    }
}

/// The distinct keys of `blocks`, in order. The first certificate is taken as a leaf and every
/// other certificate as its chain (its `x5c`), not as keys of their own.
fn keys(blocks: &[Decoded], private: bool, to: &str) -> Result<Vec<Key>, Error> {
    let mut keys: Vec<Key> = Vec::new();
    let mut first_certificate = None;
    let certificates: Vec<&Decoded> = blocks
        .iter()
        .filter(|d| matches!(d.report, Report::Certificate(_)))
        .collect();
    for d in blocks {
        let is_certificate = matches!(d.report, Report::Certificate(_));
        if is_certificate && first_certificate.is_some() {
            continue;
        }
        // An encrypted key stands in the way only of its private parts.
        if matches!(&d.report, Report::PrivateKey(k) if k.encrypted) && private {
            return Err(unconvertible(d, to));
        }
        #[cfg(feature = "openssh")]
        if matches!(&d.report, Report::SshPrivateKey(_)) && private {
            return Err(Error::Form(format!(
                "block {}: an OpenSSH private key's private part is not converted; its public key is, without --private",
                d.block
            )));
        }
        let Some((parts, secret)) = key_of(d) else {
            continue;
        };
        let parts = parts.ok_or_else(|| unconvertible(d, to))?;
        let at = match keys.iter().position(|k| k.parts == parts) {
            Some(at) => at,
            None => {
                keys.push(Key {
                    parts,
                    private: None,
                    kid: None,
                    x5c: Vec::new(),
                });
                keys.len() - 1
            }
        };
        let Some(key) = keys.get_mut(at) else {
            continue;
        };
        if let (true, Some(secret)) = (private, secret) {
            key.private = Some(jwk::to_pkcs8(secret, &key.parts));
        }
        if let Report::Jwk(j) = &d.report {
            key.kid = key.kid.take().or_else(|| j.kid.clone());
        }
        if is_certificate {
            first_certificate = Some(at);
            key.x5c = std::iter::once(d)
                .chain(
                    certificates
                        .iter()
                        .copied()
                        .filter(|c| !std::ptr::eq(*c, d)),
                )
                .map(|c| c.der.clone())
                .collect();
        }
    }
    Ok(keys)
}

/// `blocks` (decoded and completed, so private keys carry their public half) converted to
/// `target`. Private keys come out as private only when `private` is set; otherwise as their
/// public key.
pub fn convert(blocks: &[Decoded], target: Target, private: bool) -> Result<Converted, Error> {
    let name = match target {
        Target::Jwk => "a JWK",
        Target::Ssh => "an OpenSSH public key",
        Target::Pem | Target::Der => "PEM or DER",
    };
    let converted = match target {
        Target::Jwk => jwk(&keys(blocks, private, name)?)?,
        Target::Ssh => ssh(&keys(blocks, false, name)?)?,
        Target::Pem | Target::Der => {
            let structures = structures(blocks, private)?;
            match (target, structures.as_slice()) {
                (Target::Der, [(_, der)]) => Converted {
                    bytes: der.clone(),
                    private: structures
                        .iter()
                        .any(|(label, _)| label.contains("PRIVATE")),
                },
                (Target::Der, many) => {
                    return Err(Error::Form(format!(
                        "DER holds one structure and this input makes {}: convert to PEM, or give one block",
                        many.len()
                    )));
                }
                _ => {
                    let mut text = String::new();
                    for (label, der) in &structures {
                        text.push_str(&input::pem(label, der)?);
                    }
                    Converted {
                        bytes: text.into_bytes(),
                        private: structures
                            .iter()
                            .any(|(label, _)| label.contains("PRIVATE")),
                    }
                }
            }
        }
    };
    match converted.bytes.is_empty() {
        true => Err(Error::Form(
            "nothing to convert: no certificate, request or key in the input".into(),
        )),
        false => Ok(converted),
    }
}

/// Each block as (PEM label, DER): a JWK as the SPKI or PKCS#8 it makes, a private key as its
/// public key unless `private`.
fn structures(blocks: &[Decoded], private: bool) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    for d in blocks {
        let secret = match &d.report {
            Report::PrivateKey(_) | Report::Pkcs12(_) => true,
            Report::Jwk(j) => j.private,
            #[cfg(feature = "openssh")]
            Report::SshPrivateKey(_) => true,
            // Not PEM: OpenSSH keys and certificates give their key as a PUBLIC KEY.
            #[cfg(feature = "openssh")]
            Report::SshPublicKey(_) | Report::SshCertificate(_) => {
                match key_of(d) {
                    Some((Some(parts), _)) => out.push(("PUBLIC KEY", parts.spki())),
                    _ => return Err(unconvertible(d, "PEM")),
                }
                continue;
            }
            _ => false,
        };
        if !secret || private {
            out.push((d.pem_label(), d.der.clone()));
            continue;
        }
        match key_of(d) {
            Some((Some(parts), _)) => out.push(("PUBLIC KEY", parts.spki())),
            _ => return Err(unconvertible(d, "a public key")),
        }
    }
    Ok(out)
}

fn jwk(keys: &[Key]) -> Result<Converted, Error> {
    let mut jwks = Vec::new();
    for key in keys {
        let extra = Extra {
            kid: key.kid.clone(),
            x5c: key.x5c.clone(),
        };
        jwks.push(match &key.private {
            Some(der) => jwk::private_jwk(der, &key.parts, &extra)
                .ok_or_else(|| Error::Key("the private key does not read as its kind".into()))?,
            None => jwk::public_jwk(&key.parts, &extra),
        });
    }
    let text = match jwks.as_slice() {
        [one] => format!("{one}\n"),
        many => {
            let indented: Vec<String> = many.iter().map(|j| j.replace('\n', "\n    ")).collect();
            format!(
                "{{\n  \"keys\": [\n    {}\n  ]\n}}\n",
                indented.join(",\n    ")
            )
        }
    };
    Ok(Converted {
        bytes: if jwks.is_empty() {
            Vec::new()
        } else {
            text.into_bytes()
        },
        private: keys.iter().any(|k| k.private.is_some()),
    })
}

fn ssh(keys: &[Key]) -> Result<Converted, Error> {
    let mut text = String::new();
    for key in keys {
        let line = crate::ssh::public_line(&key.parts, key.kid.as_deref()).ok_or_else(|| {
            Error::Form("a key OpenSSH has no name for (secp256k1, X25519, X448)".into())
        })?;
        text.push_str(&line);
        text.push('\n');
    }
    Ok(Converted {
        bytes: text.into_bytes(),
        private: false,
    })
}
