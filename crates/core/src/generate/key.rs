//! Private keys: generated from a CSPRNG passed in, or read from what the user pastes, and
//! kept as a signer for certificates and CSRs.

use crate::error::Error;
use const_oid::ObjectIdentifier as Oid;
use der::{Decode, asn1::OctetString, pem::LineEnding};
use pkcs8::EncodePrivateKey;
use rand_core::CryptoRng;
use serde::Serialize;
use x509_cert::builder::Builder;
use x509_cert::spki::SubjectPublicKeyInfoOwned;

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

    /// The modulus size of an RSA type; `None` for the curves.
    pub fn rsa_bits(self) -> Option<u32> {
        match self {
            KeyType::Rsa2048 => Some(2048),
            KeyType::Rsa3072 => Some(3072),
            KeyType::Rsa4096 => Some(4096),
            KeyType::P256 | KeyType::P384 | KeyType::Ed25519 => None,
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
        match KeyPair::generate_on_curve(key_type, rng) {
            Some(key) => Ok(key),
            None => KeyPair::generate_rsa(key_type, rng),
        }
    }

    /// A new P-256, P-384 or Ed25519 key; `None` for the RSA types. Apart from
    /// [`KeyPair::generate`] so a caller with its own RSA (the web app, WebCrypto's) does not
    /// carry the prime search.
    pub fn generate_on_curve<R: CryptoRng + ?Sized>(
        key_type: KeyType,
        rng: &mut R,
    ) -> Option<KeyPair> {
        use p256::elliptic_curve::Generate;
        let signer = match key_type {
            KeyType::P256 => Signer::P256(p256::ecdsa::SigningKey::generate_from_rng(rng)),
            KeyType::P384 => Signer::P384(p384::ecdsa::SigningKey::generate_from_rng(rng)),
            KeyType::Ed25519 => {
                let mut seed = zeroize::Zeroizing::new([0u8; 32]);
                rng.fill_bytes(seed.as_mut());
                Signer::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
            }
            KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => return None,
        };
        Some(KeyPair { key_type, signer })
    }

    fn generate_rsa<R: CryptoRng + ?Sized>(
        key_type: KeyType,
        rng: &mut R,
    ) -> Result<KeyPair, Error> {
        let bits = key_type
            .rsa_bits()
            .ok_or_else(|| Error::Key(format!("{} is not an RSA key type", key_type.name())))?;
        let key =
            rsa::PrivateKey::new(rng, bits as usize).map_err(|e| Error::Key(e.to_string()))?;
        Ok(KeyPair::from_rsa(key))
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
                return Ok(KeyPair::from_rsa(
                    rsa::PrivateKey::from_pkcs8_der(der).map_err(bad)?,
                ));
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

    /// PKCS#8 v1 DER, wiped from memory when dropped. (The signing keys themselves are wiped on
    /// drop by their crates.)
    pub fn pkcs8_der(&self) -> Result<zeroize::Zeroizing<Vec<u8>>, Error> {
        let bad = |e: pkcs8::Error| Error::Key(e.to_string());
        Ok(zeroize::Zeroizing::new(match &self.signer {
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
        }))
    }

    /// PBKDF2 iterations for exported keys: OpenSSL 3 uses 2048; this is much stronger, yet
    /// takes well under a second in a page.
    pub const PBKDF2_ITERATIONS: u32 = 100_000;

    /// PKCS#8 encrypted with `password` (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC), as
    /// `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes and `openssl pkey -passin` reads.
    pub fn encrypted_pkcs8_pem<R: CryptoRng + ?Sized>(
        &self,
        password: &str,
        rng: &mut R,
    ) -> Result<String, Error> {
        if password.is_empty() {
            return Err(Error::Key("the password is empty".into()));
        }
        let mut salt = [0u8; 16];
        let mut iv = [0u8; 16];
        rng.fill_bytes(&mut salt);
        rng.fill_bytes(&mut iv);
        let params = pkcs8::pkcs5::pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(
            Self::PBKDF2_ITERATIONS,
            &salt,
            iv,
        )
        .map_err(|e| Error::Key(e.to_string()))?;
        let der = self.pkcs8_der()?;
        let info =
            pkcs8::PrivateKeyInfoRef::from_der(&der).map_err(|e| Error::Key(e.to_string()))?;
        let encrypted = info
            .encrypt_with_params(params, password)
            .map_err(|e| Error::Key(e.to_string()))?;
        der::pem::encode_string(
            "ENCRYPTED PRIVATE KEY",
            LineEnding::LF,
            encrypted.as_bytes(),
        )
        .map_err(|e| Error::Key(e.to_string()))
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

    /// Signs whatever an x509-cert builder assembles (certificate or CSR) with this key.
    pub(crate) fn sign<B: Builder>(&self, builder: B) -> Result<B::Output, Error> {
        let result = match &self.signer {
            Signer::P256(k) => builder.build::<_, p256::ecdsa::DerSignature>(k),
            Signer::P384(k) => builder.build::<_, p384::ecdsa::DerSignature>(k),
            Signer::Ed25519(k) => builder.build::<_, ed25519_dalek::Signature>(k),
            Signer::Rsa(k) => builder.build::<_, rsa::pkcs1v15::Signature>(k.as_ref()),
        };
        result.map_err(|e| Error::Build(e.to_string()))
    }
}

impl KeyPair {
    /// Reads a private key as users paste it: PKCS#8 (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE
    /// KEY`) or SEC1 (`EC PRIVATE KEY`), PEM or DER. Encrypted keys are refused with the reason.
    pub fn from_input(input: &[u8]) -> Result<KeyPair, Error> {
        KeyPair::from_input_with_password(input, None)
    }

    /// As [`KeyPair::from_input`], and an encrypted PKCS#8 key is decrypted with `password`.
    pub fn from_input_with_password(
        input: &[u8],
        password: Option<&str>,
    ) -> Result<KeyPair, Error> {
        use pkcs8::DecodePrivateKey;
        use rsa::pkcs1::DecodeRsaPrivateKey;
        let block = crate::input::read_blocks(input)?
            .into_iter()
            .next()
            .ok_or(Error::NothingRecognisable)??;
        let bad = |e: &dyn std::fmt::Display| Error::Key(format!("{}: {e}", block.at));
        match block.at.label.as_deref() {
            Some("ENCRYPTED PRIVATE KEY") => match password {
                Some(password) => {
                    let info = pkcs8::EncryptedPrivateKeyInfoRef::from_der(&block.der)
                        .map_err(|e| bad(&e))?;
                    let plain = info
                        .decrypt(password)
                        .map_err(|_| bad(&"wrong password, or a damaged key"))?;
                    KeyPair::from_pkcs8_der(plain.as_bytes())
                }
                None => Err(Error::Key(format!(
                    "{}: the key is encrypted; give its password",
                    block.at
                ))),
            },
            _ if block.headers.iter().any(|(k, _)| k == "Proc-Type") => Err(Error::Key(format!(
                "{}: legacy encrypted PEM; convert it with `openssl pkey -in key.pem -out plain.pem`",
                block.at
            ))),
            Some("RSA PRIVATE KEY") => {
                let key = rsa::PrivateKey::from_pkcs1_der(&block.der).map_err(|e| bad(&e))?;
                Ok(KeyPair::from_rsa(key))
            }
            Some("EC PRIVATE KEY") => {
                let sec1 = sec1::EcPrivateKey::from_der(&block.der).map_err(|e| bad(&e))?;
                let curve = sec1.parameters.and_then(|p| p.named_curve());
                let signer = if curve == Some(crate::signature::P256) {
                    Signer::P256(
                        p256::ecdsa::SigningKey::from_slice(sec1.private_key)
                            .map_err(|e| bad(&e))?,
                    )
                } else if curve == Some(crate::signature::P384) {
                    Signer::P384(
                        p384::ecdsa::SigningKey::from_slice(sec1.private_key)
                            .map_err(|e| bad(&e))?,
                    )
                } else {
                    return Err(bad(&"only P-256 and P-384 EC keys can sign here"));
                };
                let key_type = if matches!(signer, Signer::P256(_)) {
                    KeyType::P256
                } else {
                    KeyType::P384
                };
                Ok(KeyPair { key_type, signer })
            }
            _ => KeyPair::from_pkcs8_der(&block.der).or_else(|e| {
                rsa::PrivateKey::from_pkcs8_der(&block.der)
                    .map(KeyPair::from_rsa)
                    .map_err(|_| e)
            }),
        }
    }

    fn from_rsa(key: rsa::PrivateKey) -> KeyPair {
        let key_type = match rsa::traits::PublicKeyParts::size(&key) * 8 {
            ..=2048 => KeyType::Rsa2048,
            2049..=3072 => KeyType::Rsa3072,
            _ => KeyType::Rsa4096,
        };
        KeyPair {
            key_type,
            signer: Signer::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(key))),
        }
    }

    /// Whether `spki` is this key's public half (a CA key must match its certificate).
    pub fn matches(&self, spki: &SubjectPublicKeyInfoOwned) -> bool {
        self.public_key_info()
            .is_ok_and(|own| own.subject_public_key == spki.subject_public_key)
    }
}
