//! Private keys: read from what the user pastes ([`PrivateKey`]), generated from a CSPRNG
//! passed in, or made outside core (the page's WebCrypto, see [`super::deferred`]); kept as a
//! signer for certificates and CSRs ([`KeyPair`]).

use crate::error::Error;
use crate::signature::{EC_PUBLIC_KEY, ED25519, P256, P384, RSA};
use const_oid::ObjectIdentifier as Oid;
use der::{
    Decode, Encode,
    asn1::{BitString, OctetString, OctetStringRef},
    pem::LineEnding,
};
use pkcs8::EncodePrivateKey;
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use spki::AlgorithmIdentifierOwned;
use x509_cert::builder::Builder;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use zeroize::Zeroizing;

/// Key types certbench generates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    /// ECDSA on NIST P-256 (secp256r1): the default, small and fast.
    P256,
    /// ECDSA on NIST P-384.
    P384,
    /// Ed25519 (RFC 8410).
    Ed25519,
    /// RSA with a 2048-bit modulus.
    Rsa2048,
    /// RSA with a 3072-bit modulus.
    Rsa3072,
    /// RSA with a 4096-bit modulus.
    Rsa4096,
}

impl KeyType {
    /// Every key type, in the order the form offers them.
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

    /// The signature algorithm certbench signs with for this key type (RFC 5758 section 3.2,
    /// RFC 4055 section 5, RFC 8410 section 3), as the certificate's AlgorithmIdentifier.
    pub fn signature_algorithm(self) -> AlgorithmIdentifierOwned {
        let (oid, parameters) = match self {
            KeyType::P256 => ("1.2.840.10045.4.3.2", None),
            KeyType::P384 => ("1.2.840.10045.4.3.3", None),
            KeyType::Ed25519 => ("1.3.101.112", None),
            // sha256WithRSAEncryption, whose parameters are NULL.
            KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
                ("1.2.840.113549.1.1.11", Some(der::asn1::Null.into()))
            }
        };
        AlgorithmIdentifierOwned {
            oid: Oid::new_unwrap(oid),
            parameters,
        }
    }

    /// The SubjectPublicKeyInfo algorithm of this key type (RFC 5480, RFC 8410, RFC 3279).
    pub fn public_key_algorithm(self) -> AlgorithmIdentifierOwned {
        let (oid, parameters) = match self {
            KeyType::P256 => (EC_PUBLIC_KEY, der::Any::encode_from(&P256).ok()),
            KeyType::P384 => (EC_PUBLIC_KEY, der::Any::encode_from(&P384).ok()),
            KeyType::Ed25519 => (ED25519, None),
            KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
                (RSA, Some(der::asn1::Null.into()))
            }
        };
        AlgorithmIdentifierOwned { oid, parameters }
    }

    /// The key type named `name` (`p256`, `rsa2048`, …, as the CLI spells them).
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

/// A private key as PKCS#8 DER, whatever form it was pasted in: what any signer is made from.
pub struct PrivateKey {
    /// What kind of key it is.
    pub key_type: KeyType,
    /// The key, PKCS#8 DER.
    pub pkcs8: Zeroizing<Vec<u8>>,
}

impl PrivateKey {
    /// Reads a private key as users paste it: PKCS#8 (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE
    /// KEY`) or SEC1 (`EC PRIVATE KEY`), PEM or DER; an encrypted key (PKCS#8, or legacy
    /// encrypted PEM) is decrypted with `password`, and is refused with the reason without one.
    pub fn from_input_with_password(
        input: &[u8],
        password: Option<&str>,
    ) -> Result<PrivateKey, Error> {
        let block = crate::input::read_blocks(input)?
            .into_iter()
            .next()
            .ok_or(Error::NothingRecognisable)??;
        let bad = |e: &dyn std::fmt::Display| Error::Key(format!("{}: {e}", block.at));
        let needs_password = || {
            Error::Key(format!(
                "{}: the key is encrypted; give its password",
                block.at
            ))
        };
        let dek_info = block
            .headers
            .iter()
            .find(|(k, _)| k == "DEK-Info")
            .map(|(_, v)| v.as_str());
        // Legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED`): PKCS#1 or SEC1 once decrypted.
        let legacy_plain;
        let der: &[u8] = match (dek_info, password) {
            (Some(_), None) => return Err(needs_password()),
            (Some(dek_info), Some(password)) => {
                legacy_plain = crate::pbe::decrypt_legacy_pem(dek_info, &block.der, password)
                    .map_err(|e| bad(&e))?;
                &legacy_plain
            }
            (None, _) => &block.der,
        };
        match block.at.label.as_deref() {
            Some("ENCRYPTED PRIVATE KEY") => match password {
                Some(password) => {
                    let plain = crate::pbe::decrypt_pkcs8(der, password).map_err(|e| bad(&e))?;
                    PrivateKey::from_pkcs8_der(&plain)
                }
                None => Err(needs_password()),
            },
            Some("RSA PRIVATE KEY") => {
                let pkcs8 = wrap_pkcs8(RSA, Some(der::asn1::Null.into()), der)
                    .ok_or_else(|| bad(&"not a PKCS#1 key"))?;
                PrivateKey::from_pkcs8_der(&pkcs8).map_err(|e| bad(&e))
            }
            Some("EC PRIVATE KEY") => {
                let pkcs8 = sec1_as_pkcs8(der).ok_or_else(|| {
                    bad(&"not a SEC1 key on a named curve (P-256 and P-384 can sign here)")
                })?;
                PrivateKey::from_pkcs8_der(&pkcs8).map_err(|e| bad(&e))
            }
            _ => PrivateKey::from_pkcs8_der(der).map_err(|e| bad(&e)),
        }
    }

    /// Reads an unencrypted PKCS#8 key of a type that can sign here (P-256, P-384, Ed25519,
    /// RSA), from its structure alone.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<PrivateKey, Error> {
        let info = pkcs8::PrivateKeyInfoRef::from_der(der)
            .map_err(|e| Error::Key(format!("not PKCS#8: {e}")))?;
        let key_type = match info.algorithm.oid {
            oid if oid == EC_PUBLIC_KEY => {
                match info
                    .algorithm
                    .parameters
                    .and_then(|p| p.decode_as::<Oid>().ok())
                {
                    Some(curve) if curve == P256 => KeyType::P256,
                    Some(curve) if curve == P384 => KeyType::P384,
                    _ => {
                        return Err(Error::Key(
                            "only P-256 and P-384 EC keys can sign here".into(),
                        ));
                    }
                }
            }
            oid if oid == ED25519 => {
                let inner = OctetString::from_der(info.private_key.as_bytes())
                    .map_err(|e| Error::Key(e.to_string()))?;
                if inner.as_bytes().len() != 32 {
                    return Err(Error::Key("Ed25519 key is not 32 bytes".into()));
                }
                KeyType::Ed25519
            }
            oid if oid == RSA => {
                let key = pkcs1::RsaPrivateKeyRef::from_der(info.private_key.as_bytes())
                    .map_err(|e| Error::Key(format!("not an RSA key: {e}")))?;
                let modulus = key.modulus.as_bytes();
                let bits = (modulus.len() * 8)
                    .saturating_sub(modulus.first().map_or(8, |b| b.leading_zeros() as usize));
                match bits {
                    ..=2048 => KeyType::Rsa2048,
                    2049..=3072 => KeyType::Rsa3072,
                    _ => KeyType::Rsa4096,
                }
            }
            other => {
                return Err(Error::Key(format!(
                    "keys of type {} cannot sign here",
                    crate::oids::name(&other)
                )));
            }
        };
        Ok(PrivateKey {
            key_type,
            pkcs8: Zeroizing::new(der.to_vec()),
        })
    }
}

/// A PKCS#8 PrivateKeyInfo (RFC 5208) around a key in its algorithm's own form (PKCS#1, SEC1):
/// the one form every signer and the browser's WebCrypto import.
fn wrap_pkcs8(
    algorithm: Oid,
    parameters: Option<der::Any>,
    private_key: &[u8],
) -> Option<Zeroizing<Vec<u8>>> {
    #[derive(der::Sequence)]
    struct PrivateKeyInfo<'a> {
        version: u8,
        algorithm: AlgorithmIdentifierOwned,
        private_key: &'a OctetStringRef,
    }
    let info = PrivateKeyInfo {
        version: 0,
        algorithm: AlgorithmIdentifierOwned {
            oid: algorithm,
            parameters,
        },
        private_key: OctetStringRef::new(private_key).ok()?,
    };
    info.to_der().ok().map(Zeroizing::new)
}

/// A SEC1 `EC PRIVATE KEY` (RFC 5915) as PKCS#8, its curve moved to the AlgorithmIdentifier.
pub(crate) fn sec1_as_pkcs8(der: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let sec1 = sec1::EcPrivateKey::from_der(der).ok()?;
    let curve = sec1.parameters?.named_curve()?;
    wrap_pkcs8(
        EC_PUBLIC_KEY,
        Some(der::Any::encode_from(&curve).ok()?),
        der,
    )
}

/// A private key ready to sign: RustCrypto's in this process ([`KeyPair::generate`],
/// [`KeyPair::from_private_key`]), or one the page's WebCrypto holds (see
/// [`super::deferred`]). Only the constructors name the implementations, so a build that
/// never calls them does not carry their arithmetic.
pub struct KeyPair {
    /// What kind of key it is.
    pub key_type: KeyType,
    signer: Box<dyn Sign>,
}

/// What a signer does for certbench.
pub(crate) trait Sign {
    /// PKCS#8 v1 DER.
    fn pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, Error>;
    fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error>;
    /// The signature of `message` as a certificate's BIT STRING carries it (DER for ECDSA).
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error>;
}

/// PKCS#8 v1 prefix of an Ed25519 key (RFC 8410): OpenSSL 3.0 rejects the v2 form
/// ed25519-dalek writes, so certbench writes v1 itself.
const ED25519_PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

fn key_error(e: impl std::fmt::Display) -> Error {
    Error::Key(e.to_string())
}

/// ECDSA on a NIST curve, by RustCrypto (signing keys are wiped on drop by their crates).
macro_rules! ecdsa_signer {
    ($curve:ident) => {
        impl Sign for $curve::ecdsa::SigningKey {
            fn pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, Error> {
                Ok(Zeroizing::new(
                    self.to_pkcs8_der().map_err(key_error)?.as_bytes().to_vec(),
                ))
            }

            fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error> {
                SubjectPublicKeyInfoOwned::from_key(self.verifying_key()).map_err(key_error)
            }

            fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
                let signature: $curve::ecdsa::DerSignature =
                    signature::Signer::try_sign(self, message).map_err(key_error)?;
                Ok(signature.as_bytes().to_vec())
            }
        }
    };
}

ecdsa_signer!(p256);
ecdsa_signer!(p384);

impl Sign for ed25519_dalek::SigningKey {
    fn pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, Error> {
        Ok(Zeroizing::new(
            [ED25519_PKCS8_PREFIX.as_slice(), self.as_bytes()].concat(),
        ))
    }

    fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error> {
        SubjectPublicKeyInfoOwned::from_key(&self.verifying_key()).map_err(key_error)
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        let signature: ed25519_dalek::Signature =
            signature::Signer::try_sign(self, message).map_err(key_error)?;
        Ok(signature.to_bytes().to_vec())
    }
}

impl Sign for rsa::pkcs1v15::SigningKey<sha2::Sha256> {
    fn pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, Error> {
        Ok(Zeroizing::new(
            self.as_ref()
                .to_pkcs8_der()
                .map_err(key_error)?
                .as_bytes()
                .to_vec(),
        ))
    }

    fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error> {
        SubjectPublicKeyInfoOwned::from_key(&self.as_ref().to_public_key()).map_err(key_error)
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        let signature: rsa::pkcs1v15::Signature =
            signature::Signer::try_sign(self, message).map_err(key_error)?;
        Ok(signature::SignatureEncoding::to_vec(&signature))
    }
}

impl KeyPair {
    pub(crate) fn new(key_type: KeyType, signer: Box<dyn Sign>) -> KeyPair {
        KeyPair { key_type, signer }
    }

    /// A new key of `key_type` made here (RSA's prime search included: seconds for 4096 bits).
    pub fn generate<R: CryptoRng + ?Sized>(
        key_type: KeyType,
        rng: &mut R,
    ) -> Result<KeyPair, Error> {
        use p256::elliptic_curve::Generate;
        let signer: Box<dyn Sign> = match key_type {
            KeyType::P256 => Box::new(p256::ecdsa::SigningKey::generate_from_rng(rng)),
            KeyType::P384 => Box::new(p384::ecdsa::SigningKey::generate_from_rng(rng)),
            KeyType::Ed25519 => {
                let mut seed = Zeroizing::new([0u8; 32]);
                rng.fill_bytes(seed.as_mut());
                Box::new(ed25519_dalek::SigningKey::from_bytes(&seed))
            }
            KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
                let bits = key_type.rsa_bits().unwrap_or(2048) as usize;
                let key = rsa::PrivateKey::new(rng, bits).map_err(key_error)?;
                Box::new(rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key))
            }
        };
        Ok(KeyPair { key_type, signer })
    }

    /// A RustCrypto signer for `key`.
    pub fn from_private_key(key: &PrivateKey) -> Result<KeyPair, Error> {
        use pkcs8::DecodePrivateKey;
        let der = key.pkcs8.as_slice();
        let signer: Box<dyn Sign> = match key.key_type {
            KeyType::P256 => {
                Box::new(p256::ecdsa::SigningKey::from_pkcs8_der(der).map_err(key_error)?)
            }
            KeyType::P384 => {
                Box::new(p384::ecdsa::SigningKey::from_pkcs8_der(der).map_err(key_error)?)
            }
            KeyType::Ed25519 => {
                let info = pkcs8::PrivateKeyInfoRef::from_der(der).map_err(key_error)?;
                let inner =
                    OctetString::from_der(info.private_key.as_bytes()).map_err(key_error)?;
                let seed: [u8; 32] = inner
                    .as_bytes()
                    .try_into()
                    .map_err(|_| Error::Key("Ed25519 key is not 32 bytes".into()))?;
                Box::new(ed25519_dalek::SigningKey::from_bytes(&seed))
            }
            KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
                Box::new(rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(
                    rsa::PrivateKey::from_pkcs8_der(der).map_err(key_error)?,
                ))
            }
        };
        Ok(KeyPair {
            key_type: key.key_type,
            signer,
        })
    }

    /// An unencrypted PKCS#8 key of a supported type (P-256, P-384, Ed25519, RSA), signing here.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<KeyPair, Error> {
        KeyPair::from_private_key(&PrivateKey::from_pkcs8_der(der)?)
    }

    /// [`PrivateKey::from_input_with_password`], signing here.
    pub fn from_input_with_password(
        input: &[u8],
        password: Option<&str>,
    ) -> Result<KeyPair, Error> {
        KeyPair::from_private_key(&PrivateKey::from_input_with_password(input, password)?)
    }

    /// PKCS#8 v1 DER, wiped from memory when dropped.
    pub fn pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, Error> {
        self.signer.pkcs8_der()
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
        let der = self.pkcs8_der()?;
        let (algorithm, ciphertext) =
            crate::pbe::encrypt_pbes2(password, &der, &salt, &iv, Self::PBKDF2_ITERATIONS)?;
        let encrypted = crate::pbe::EncryptedPrivateKeyInfo {
            algorithm,
            data: der::asn1::OctetString::new(ciphertext).map_err(key_error)?,
        }
        .to_der()
        .map_err(key_error)?;
        der::pem::encode_string("ENCRYPTED PRIVATE KEY", LineEnding::LF, &encrypted)
            .map_err(key_error)
    }

    /// The private key as PKCS#8 PEM (`PRIVATE KEY`).
    pub fn pkcs8_pem(&self) -> Result<String, Error> {
        der::pem::encode_string("PRIVATE KEY", LineEnding::LF, &self.pkcs8_der()?)
            .map_err(key_error)
    }

    /// The public key, as certificates and CSRs carry it.
    pub fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error> {
        self.signer.public_key_info()
    }

    /// `message` signed with this key, as a certificate's BIT STRING carries it (DER for
    /// ECDSA).
    pub fn sign_message(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        self.signer.sign(message)
    }

    /// Signs whatever an x509-cert builder assembles (certificate or CSR) with this key.
    pub(crate) fn sign<B: Builder>(&self, mut builder: B) -> Result<B::Output, Error> {
        let build_error = |e: x509_cert::builder::Error| Error::Build(e.to_string());
        let signer = BuilderSigner {
            public_key: PublicKey(self.public_key_info()?),
            algorithm: self.key_type.signature_algorithm(),
        };
        let tbs = builder.finalize(&signer).map_err(build_error)?;
        let signature = BitString::from_bytes(&self.sign_message(&tbs)?)
            .map_err(|e| Error::Build(e.to_string()))?;
        builder.assemble(signature, &signer).map_err(build_error)
    }

    /// Whether `spki` is this key's public half (a CA key must match its certificate).
    pub fn matches(&self, spki: &SubjectPublicKeyInfoOwned) -> bool {
        self.public_key_info()
            .is_ok_and(|own| own.subject_public_key == spki.subject_public_key)
    }
}

/// What x509-cert's builders ask of a signer besides the signature: its public key and
/// signature algorithm.
struct BuilderSigner {
    public_key: PublicKey,
    algorithm: AlgorithmIdentifierOwned,
}

#[derive(Clone)]
struct PublicKey(SubjectPublicKeyInfoOwned);

impl spki::EncodePublicKey for PublicKey {
    fn to_public_key_der(&self) -> spki::Result<der::Document> {
        Ok(der::Document::encode_msg(&self.0)?)
    }
}

impl signature::Keypair for BuilderSigner {
    type VerifyingKey = PublicKey;

    fn verifying_key(&self) -> PublicKey {
        self.public_key.clone()
    }
}

impl spki::DynSignatureAlgorithmIdentifier for BuilderSigner {
    fn signature_algorithm_identifier(&self) -> spki::Result<AlgorithmIdentifierOwned> {
        Ok(self.algorithm.clone())
    }
}
