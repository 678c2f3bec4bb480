//! Generate: keys and certificates. Randomness and time are passed in; the same code runs in
//! the CLI (OS randomness) and in the page (the browser's CSPRNG).

use crate::{dn, error::Error, time::UnixTime};
use const_oid::ObjectIdentifier as Oid;
use der::{
    Decode, Encode,
    asn1::{Ia5String, OctetString},
    pem::LineEnding,
};
use pkcs8::EncodePrivateKey;
use rand_core::CryptoRng;
use serde::Serialize;
use sha1::Digest;
use std::str::FromStr;
use x509_cert::{
    Certificate,
    builder::{Builder, CertificateBuilder, profile::BuilderProfile},
    certificate::TbsCertificate,
    ext::{
        Extension,
        pkix::{
            AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
            SubjectAltName, SubjectKeyIdentifier, name::GeneralName,
        },
    },
    name::Name,
    serial_number::SerialNumber,
    spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef},
    time::{Time, Validity},
};

/// Key types certbench generates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    P256,
    P384,
    Ed25519,
    Rsa2048,
    Rsa3072,
    Rsa4096,
}

impl KeyType {
    pub const ALL: [KeyType; 6] = [
        KeyType::P256,
        KeyType::P384,
        KeyType::Ed25519,
        KeyType::Rsa2048,
        KeyType::Rsa3072,
        KeyType::Rsa4096,
    ];

    /// The CLI's spelling: `p256`, `rsa2048`, …
    pub fn name(self) -> &'static str {
        match self {
            KeyType::P256 => "p256",
            KeyType::P384 => "p384",
            KeyType::Ed25519 => "ed25519",
            KeyType::Rsa2048 => "rsa2048",
            KeyType::Rsa3072 => "rsa3072",
            KeyType::Rsa4096 => "rsa4096",
        }
    }

    pub fn parse(name: &str) -> Result<KeyType, Error> {
        KeyType::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                Error::Key(format!(
                    "unknown key type `{name}`; expected one of {}",
                    KeyType::ALL.map(KeyType::name).join(", ")
                ))
            })
    }

    fn is_rsa(self) -> bool {
        matches!(self, KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096)
    }
}

/// A private key with what is needed to sign: kept as PKCS#8 DER, the format every export and
/// every browser API speaks.
pub struct KeyPair {
    pub key_type: KeyType,
    signer: Signer,
}

enum Signer {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    Ed25519(ed25519_dalek::SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
}

/// PKCS#8 v1 prefix of an Ed25519 key (RFC 8410): OpenSSL 3.0 rejects the v2 form
/// ed25519-dalek writes, so certbench writes v1 itself.
const ED25519_PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

impl KeyPair {
    pub fn generate<R: CryptoRng + ?Sized>(
        key_type: KeyType,
        rng: &mut R,
    ) -> Result<KeyPair, Error> {
        use p256::elliptic_curve::Generate;
        let signer = match key_type {
            KeyType::P256 => Signer::P256(p256::ecdsa::SigningKey::generate_from_rng(rng)),
            KeyType::P384 => Signer::P384(p384::ecdsa::SigningKey::generate_from_rng(rng)),
            KeyType::Ed25519 => {
                let mut seed = [0u8; 32];
                rng.fill_bytes(&mut seed);
                Signer::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
            }
            KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
                let bits = match key_type {
                    KeyType::Rsa2048 => 2048,
                    KeyType::Rsa3072 => 3072,
                    _ => 4096,
                };
                let key = rsa::PrivateKey::new(rng, bits).map_err(|e| Error::Key(e.to_string()))?;
                Signer::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(key)))
            }
        };
        Ok(KeyPair { key_type, signer })
    }

    /// Reads an unencrypted PKCS#8 key of a supported type (P-256, P-384, Ed25519, RSA).
    pub fn from_pkcs8_der(der: &[u8]) -> Result<KeyPair, Error> {
        use pkcs8::DecodePrivateKey;
        let info = pkcs8::PrivateKeyInfoRef::from_der(der)
            .map_err(|e| Error::Key(format!("not PKCS#8: {e}")))?;
        let bad = |e: pkcs8::Error| Error::Key(e.to_string());
        let (key_type, signer) = match info.algorithm.oid.to_string().as_str() {
            "1.2.840.10045.2.1" => {
                let curve = info
                    .algorithm
                    .parameters
                    .and_then(|p| p.decode_as::<Oid>().ok());
                if curve == Some(crate::signature::P256) {
                    (
                        KeyType::P256,
                        Signer::P256(p256::ecdsa::SigningKey::from_pkcs8_der(der).map_err(bad)?),
                    )
                } else if curve == Some(crate::signature::P384) {
                    (
                        KeyType::P384,
                        Signer::P384(p384::ecdsa::SigningKey::from_pkcs8_der(der).map_err(bad)?),
                    )
                } else {
                    return Err(Error::Key(
                        "only P-256 and P-384 EC keys can sign here".into(),
                    ));
                }
            }
            "1.3.101.112" => {
                let inner = OctetString::from_der(info.private_key.as_bytes())
                    .map_err(|e| Error::Key(e.to_string()))?;
                let seed: [u8; 32] = inner
                    .as_bytes()
                    .try_into()
                    .map_err(|_| Error::Key("Ed25519 key is not 32 bytes".into()))?;
                (
                    KeyType::Ed25519,
                    Signer::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed)),
                )
            }
            "1.2.840.113549.1.1.1" => {
                let key = rsa::PrivateKey::from_pkcs8_der(der).map_err(bad)?;
                let key_type = match rsa::traits::PublicKeyParts::size(&key) * 8 {
                    ..=2048 => KeyType::Rsa2048,
                    2049..=3072 => KeyType::Rsa3072,
                    _ => KeyType::Rsa4096,
                };
                (
                    key_type,
                    Signer::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(key))),
                )
            }
            other => {
                return Err(Error::Key(format!(
                    "keys of type {} cannot sign here",
                    crate::oids::name(&Oid::new(other).unwrap_or(info.algorithm.oid))
                )));
            }
        };
        Ok(KeyPair { key_type, signer })
    }

    /// PKCS#8 v1 DER.
    pub fn pkcs8_der(&self) -> Result<Vec<u8>, Error> {
        let bad = |e: pkcs8::Error| Error::Key(e.to_string());
        Ok(match &self.signer {
            Signer::P256(k) => k.to_pkcs8_der().map_err(bad)?.as_bytes().to_vec(),
            Signer::P384(k) => k.to_pkcs8_der().map_err(bad)?.as_bytes().to_vec(),
            Signer::Ed25519(k) => [ED25519_PKCS8_PREFIX.as_slice(), k.as_bytes()].concat(),
            Signer::Rsa(k) => k
                .as_ref()
                .as_ref()
                .to_pkcs8_der()
                .map_err(bad)?
                .as_bytes()
                .to_vec(),
        })
    }

    pub fn pkcs8_pem(&self) -> Result<String, Error> {
        der::pem::encode_string("PRIVATE KEY", LineEnding::LF, &self.pkcs8_der()?)
            .map_err(|e| Error::Key(e.to_string()))
    }

    pub fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error> {
        let bad = |e: spki::Error| Error::Key(e.to_string());
        match &self.signer {
            Signer::P256(k) => SubjectPublicKeyInfoOwned::from_key(k.verifying_key()).map_err(bad),
            Signer::P384(k) => SubjectPublicKeyInfoOwned::from_key(k.verifying_key()).map_err(bad),
            Signer::Ed25519(k) => {
                SubjectPublicKeyInfoOwned::from_key(&k.verifying_key()).map_err(bad)
            }
            Signer::Rsa(k) => {
                SubjectPublicKeyInfoOwned::from_key(&k.as_ref().as_ref().to_public_key())
                    .map_err(bad)
            }
        }
    }

    fn sign<P: BuilderProfile>(
        &self,
        builder: CertificateBuilder<P>,
    ) -> Result<Certificate, Error> {
        let result = match &self.signer {
            Signer::P256(k) => builder.build::<_, p256::ecdsa::DerSignature>(k),
            Signer::P384(k) => builder.build::<_, p384::ecdsa::DerSignature>(k),
            Signer::Ed25519(k) => builder.build::<_, ed25519_dalek::Signature>(k),
            Signer::Rsa(k) => builder.build::<_, rsa::pkcs1v15::Signature>(k.as_ref()),
        };
        result.map_err(|e| Error::Build(e.to_string()))
    }
}

/// What to put in a self-signed certificate.
#[derive(Clone, Debug)]
pub struct SelfSignedRequest {
    pub common_name: String,
    /// `DNS:x`, `IP:y`, `email:z`, `URI:u`; a bare name is DNS, a bare address is IP.
    pub san: Vec<String>,
    pub not_before: UnixTime,
    pub not_after: UnixTime,
}

impl SelfSignedRequest {
    /// certbench's defaults: valid from five minutes ago (clock skew) for `days` days.
    pub fn new(common_name: &str, san: Vec<String>, now: UnixTime, days: i64) -> Self {
        SelfSignedRequest {
            common_name: common_name.to_string(),
            san,
            not_before: now.plus_seconds(-300),
            not_after: now.plus_seconds(days * 86_400),
        }
    }
}

/// A certificate with its key, ready to save.
#[derive(Clone, Debug, Serialize)]
pub struct Issued {
    pub cert_pem: String,
    pub key_pem: String,
    #[serde(skip)]
    pub cert_der: Vec<u8>,
}

/// A self-signed TLS leaf (like `openssl req -x509` or mkcert without the CA): serverAuth and
/// clientAuth, CA:FALSE, SANs, SKI/AKI.
pub fn self_signed<R: CryptoRng + ?Sized>(
    request: &SelfSignedRequest,
    key: &KeyPair,
    rng: &mut R,
) -> Result<Issued, Error> {
    let subject = common_name(&request.common_name)?;
    let spki = key.public_key_info()?;
    let key_id = key_identifier(&spki)?;
    let mut usage = KeyUsages::DigitalSignature.into();
    if key.key_type.is_rsa() {
        usage |= KeyUsages::KeyEncipherment;
    }
    let mut extensions = vec![
        extension(
            Oid::new_unwrap("2.5.29.19"),
            true,
            &BasicConstraints {
                ca: false,
                path_len_constraint: None,
            },
        )?,
        extension(Oid::new_unwrap("2.5.29.15"), true, &KeyUsage(usage))?,
        extension(
            Oid::new_unwrap("2.5.29.37"),
            false,
            &ExtendedKeyUsage(vec![
                Oid::new_unwrap("1.3.6.1.5.5.7.3.1"),
                Oid::new_unwrap("1.3.6.1.5.5.7.3.2"),
            ]),
        )?,
        extension(
            Oid::new_unwrap("2.5.29.14"),
            false,
            &SubjectKeyIdentifier(key_id.clone()),
        )?,
        extension(
            Oid::new_unwrap("2.5.29.35"),
            false,
            &AuthorityKeyIdentifier {
                key_identifier: Some(key_id),
                ..Default::default()
            },
        )?,
    ];
    if !request.san.is_empty() {
        let names = request
            .san
            .iter()
            .map(|s| parse_san(s))
            .collect::<Result<Vec<_>, _>>()?;
        extensions.push(extension(
            Oid::new_unwrap("2.5.29.17"),
            false,
            &SubjectAltName(names),
        )?);
    }
    let profile = FixedProfile {
        subject: subject.clone(),
        issuer: subject,
        extensions,
    };
    let builder = CertificateBuilder::new(
        profile,
        random_serial(rng)?,
        validity(request.not_before, request.not_after)?,
        spki,
    )
    .map_err(|e| Error::Build(e.to_string()))?;
    let cert = key.sign(builder)?;
    let cert_der = cert.to_der().map_err(|e| Error::Build(e.to_string()))?;
    Ok(Issued {
        cert_pem: der::pem::encode_string("CERTIFICATE", LineEnding::LF, &cert_der)
            .map_err(|e| Error::Build(e.to_string()))?,
        key_pem: key.pkcs8_pem()?,
        cert_der,
    })
}

/// A builder profile that adds exactly the extensions certbench chose, in its order.
struct FixedProfile {
    subject: Name,
    issuer: Name,
    extensions: Vec<Extension>,
}

impl BuilderProfile for FixedProfile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        _spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(self.extensions.clone())
    }
}

fn extension<T: Encode>(oid: Oid, critical: bool, value: &T) -> Result<Extension, Error> {
    let bytes = value.to_der().map_err(|e| Error::Build(e.to_string()))?;
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(bytes).map_err(|e| Error::Build(e.to_string()))?,
    })
}

/// RFC 5280 section 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Result<OctetString, Error> {
    let digest = sha1::Sha1::digest(spki.subject_public_key.raw_bytes());
    OctetString::new(digest.to_vec()).map_err(|e| Error::Build(e.to_string()))
}

/// 16 random bytes, positive and minimally encoded (RFC 5280 section 4.1.2.2; CA/B wants ≥ 64 bits).
fn random_serial<R: CryptoRng + ?Sized>(rng: &mut R) -> Result<SerialNumber, Error> {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    SerialNumber::new(&bytes).map_err(|e| Error::Build(e.to_string()))
}

fn validity(not_before: UnixTime, not_after: UnixTime) -> Result<Validity, Error> {
    // The builder turns dates before 2050 into UTCTime, as RFC 5280 section 4.1.2.5 requires.
    let time = |t: UnixTime| -> Result<Time, Error> {
        let invalid = || Error::InvalidTime(format!("{t} (certificates can hold 1970 to 9999)"));
        let secs = u64::try_from(t.0).map_err(|_| invalid())?;
        let date = der::DateTime::from_unix_duration(std::time::Duration::from_secs(secs))
            .map_err(|_| invalid())?;
        Ok(Time::from(date))
    };
    if not_after < not_before {
        return Err(Error::InvalidTime(format!(
            "notAfter {not_after} is before notBefore {not_before}"
        )));
    }
    Ok(Validity::new(time(not_before)?, time(not_after)?))
}

fn common_name(cn: &str) -> Result<Name, Error> {
    let cn = cn.trim();
    if cn.is_empty() {
        return Err(Error::InvalidName("the common name (CN) is empty".into()));
    }
    let escaped: String = cn
        .chars()
        .flat_map(|c| match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=' => vec!['\\', c],
            _ => vec![c],
        })
        .collect();
    Name::from_str(&format!("CN={escaped}"))
        .map_err(|e| Error::InvalidName(format!("invalid common name `{cn}`: {e}")))
}

/// Parses one SAN as the CLI and the form take it.
pub fn parse_san(text: &str) -> Result<GeneralName, Error> {
    let text = text.trim();
    let invalid = |why: &str| Error::InvalidName(format!("invalid SAN `{text}`: {why}"));
    let ia5 = |s: &str| {
        Ia5String::new(s).map_err(|_| invalid("only ASCII is allowed (use the xn-- form for IDNs)"))
    };
    let (kind, value) = text
        .split_once(':')
        .filter(|(k, _)| !k.contains('.'))
        .unwrap_or(("", text));
    match kind.to_ascii_lowercase().as_str() {
        "dns" => dns_name(value).and_then(|v| ia5(v).map(GeneralName::DnsName)),
        "ip" => value
            .trim()
            .parse::<std::net::IpAddr>()
            .map(GeneralName::from)
            .map_err(|_| invalid("not an IP address")),
        "email" => ia5(value).map(GeneralName::Rfc822Name),
        "uri" => ia5(value).map(GeneralName::UniformResourceIdentifier),
        "" => match text.parse::<std::net::IpAddr>() {
            Ok(ip) => Ok(GeneralName::from(ip)),
            Err(_) => dns_name(text).and_then(|v| ia5(v).map(GeneralName::DnsName)),
        },
        // `[::1]` style and bare IPv6 contain colons: try them as addresses before giving up.
        _ => text
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .map(GeneralName::from)
            .map_err(|_| invalid("expected DNS:, IP:, email: or URI:")),
    }
}

fn dns_name(name: &str) -> Result<&str, Error> {
    let valid = !name.is_empty()
        && name.len() <= 253
        && name.split('.').enumerate().all(|(i, label)| {
            (label == "*" && i == 0)
                || (!label.is_empty()
                    && label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        });
    if valid {
        Ok(name)
    } else {
        Err(Error::InvalidName(format!("invalid DNS name `{name}`")))
    }
}

/// Lowercase hex of a DER certificate's SHA-256, as the decode report gives it.
pub fn fingerprint(cert_der: &[u8]) -> String {
    dn::hex(&sha2::Sha256::digest(cert_der))
}
