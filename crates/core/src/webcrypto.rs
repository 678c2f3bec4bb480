//! The same public-key work spelled in the terms of the W3C Web Cryptography API, so the web app
//! can hand it to the browser's native engine instead of running RSA and elliptic-curve code in
//! wasm: faster, and none of that code in the page's module. Pure data: core decides what to
//! check and with which parameters; the page only calls `importKey` and `verify`/`exportKey`.

use crate::error::Error;
use crate::generate::KeyType;
use crate::signature::{
    Algorithm, Check, EC_PUBLIC_KEY, ED25519, Hash, P256, P384, P521, RSA, RSA_PSS, SignatureError,
    named_curve,
};
use const_oid::ObjectIdentifier as Oid;
use der::{Decode, Encode};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

/// An algorithm dictionary: `{ name, hash?, namedCurve?, saltLength? }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    /// The algorithm name (`RSASSA-PKCS1-v1_5`, `ECDSA`, `Ed25519`, `RSA-PSS`).
    pub name: &'static str,
    /// The hash (`SHA-256`, …), where the algorithm takes one.
    pub hash: Option<&'static str>,
    /// The curve (`P-256`, …), for ECDSA.
    pub named_curve: Option<&'static str>,
    /// The PSS salt length in bytes.
    pub salt_length: Option<u32>,
}

impl Params {
    const fn named(name: &'static str) -> Params {
        Params {
            name,
            hash: None,
            named_curve: None,
            salt_length: None,
        }
    }
}

/// One signature check for `crypto.subtle`: `importKey("spki", spki, import, false,
/// ["verify"])`, then `verify(verify, key, signature, message)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCheck {
    /// How to import the key.
    pub import: Params,
    /// How to verify with it.
    pub verify: Params,
    /// The key as SubjectPublicKeyInfo DER (RSA-PSS keys re-labelled rsaEncryption, the only
    /// RSA form WebCrypto imports).
    pub spki: Vec<u8>,
    /// ECDSA signatures as WebCrypto takes them: r‖s, each the curve's size (IEEE P1363).
    pub signature: Vec<u8>,
    /// The bytes signed.
    pub message: Vec<u8>,
}

fn hash_name(hash: Hash) -> Result<&'static str, SignatureError> {
    Ok(match hash {
        Hash::Sha1 => "SHA-1",
        Hash::Sha256 => "SHA-256",
        Hash::Sha384 => "SHA-384",
        Hash::Sha512 => "SHA-512",
        Hash::Sha224 => {
            return Err(SignatureError::NotChecked(
                "the browser's WebCrypto has no SHA-224".into(),
            ));
        }
    })
}

/// (WebCrypto name, field size in bytes) of a named curve WebCrypto knows.
fn curve(spki: &SubjectPublicKeyInfoOwned) -> Result<(&'static str, usize), SignatureError> {
    let oid = named_curve(spki)?;
    if oid == P256 {
        Ok(("P-256", 32))
    } else if oid == P384 {
        Ok(("P-384", 48))
    } else if oid == P521 {
        Ok(("P-521", 66))
    } else {
        Err(SignatureError::UnsupportedAlgorithm(format!(
            "ECDSA on {}",
            crate::oids::name(&oid)
        )))
    }
}

/// DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` as r‖s of `size` bytes each.
fn ecdsa_p1363(der_signature: &[u8], size: usize) -> Result<Vec<u8>, SignatureError> {
    #[derive(der::Sequence)]
    struct EcdsaSig<'a> {
        r: der::asn1::UintRef<'a>,
        s: der::asn1::UintRef<'a>,
    }
    let sig = EcdsaSig::from_der(der_signature).map_err(|_| SignatureError::Invalid)?;
    let mut out = Vec::with_capacity(2 * size);
    for n in [sig.r.as_bytes(), sig.s.as_bytes()] {
        let pad = size.checked_sub(n.len()).ok_or(SignatureError::Invalid)?;
        out.resize(out.len() + pad, 0);
        out.extend_from_slice(n);
    }
    Ok(out)
}

/// The ECDSA-Sig-Value DER a certificate carries, from WebCrypto's r‖s (IEEE P1363).
fn ecdsa_der(p1363: &[u8]) -> Result<Vec<u8>, Error> {
    #[derive(der::Sequence)]
    struct EcdsaSig<'a> {
        r: der::asn1::UintRef<'a>,
        s: der::asn1::UintRef<'a>,
    }
    let bad = || {
        Error::Key(format!(
            "WebCrypto's ECDSA signature has {} bytes",
            p1363.len()
        ))
    };
    if p1363.is_empty() || !p1363.len().is_multiple_of(2) {
        return Err(bad());
    }
    let (r, s) = p1363.split_at(p1363.len() / 2);
    let sig = EcdsaSig {
        r: der::asn1::UintRef::new(r).map_err(|_| bad())?,
        s: der::asn1::UintRef::new(s).map_err(|_| bad())?,
    };
    sig.to_der().map_err(|_| bad())
}

/// How to make and use a key of a type certbench generates with WebCrypto:
/// `generateKey(key + modulusLength/publicExponent, true, ["sign", "verify"])` or
/// `importKey("pkcs8", der, key, true, ["sign"])`, then `sign(sign, key, message)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signing {
    /// How to generate or import the key.
    pub key: Params,
    /// How to sign with it.
    pub sign: Params,
    /// RSA's modulusLength (the public exponent is always 65537).
    pub modulus_bits: Option<u32>,
}

/// [`Signing`] for `key_type`, matching [`KeyType::signature_algorithm`].
pub fn signing(key_type: KeyType) -> Signing {
    let ecdsa = |curve, hash| Signing {
        key: Params {
            named_curve: Some(curve),
            ..Params::named("ECDSA")
        },
        sign: Params {
            hash: Some(hash),
            ..Params::named("ECDSA")
        },
        modulus_bits: None,
    };
    match key_type {
        KeyType::P256 => ecdsa("P-256", "SHA-256"),
        KeyType::P384 => ecdsa("P-384", "SHA-384"),
        KeyType::Ed25519 => Signing {
            key: Params::named("Ed25519"),
            sign: Params::named("Ed25519"),
            modulus_bits: None,
        },
        KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => Signing {
            key: Params {
                hash: Some("SHA-256"),
                ..Params::named("RSASSA-PKCS1-v1_5")
            },
            sign: Params::named("RSASSA-PKCS1-v1_5"),
            modulus_bits: key_type.rsa_bits(),
        },
    }
}

/// A WebCrypto signature as a certificate's BIT STRING carries it: ECDSA's r‖s becomes DER.
pub fn signature_bits(key_type: KeyType, signature: &[u8]) -> Result<Vec<u8>, Error> {
    match key_type {
        KeyType::P256 | KeyType::P384 => ecdsa_der(signature),
        KeyType::Ed25519 | KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
            Ok(signature.to_vec())
        }
    }
}

/// The SubjectPublicKeyInfo DER of a key of `key_type` from its JWK (RFC 7518 section 6, RFC
/// 8037): `n` and `e` for RSA, `x` and `y` for EC, `x` for Ed25519, each base64url-decoded by
/// `field`.
pub fn public_key_info(
    key_type: KeyType,
    field: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<Vec<u8>, Error> {
    let get = |name: &str| {
        field(name).ok_or_else(|| Error::WebCrypto(format!("WebCrypto's JWK has no `{name}`")))
    };
    let bad = |e: der::Error| Error::WebCrypto(format!("WebCrypto's public key: {e}"));
    let bits = match key_type {
        KeyType::P256 | KeyType::P384 => [&[4u8][..], &get("x")?, &get("y")?].concat(),
        KeyType::Ed25519 => get("x")?,
        KeyType::Rsa2048 | KeyType::Rsa3072 | KeyType::Rsa4096 => {
            let (n, e) = (get("n")?, get("e")?);
            pkcs1::RsaPublicKey {
                modulus: der::asn1::UintRef::new(&n).map_err(bad)?,
                public_exponent: der::asn1::UintRef::new(&e).map_err(bad)?,
            }
            .to_der()
            .map_err(bad)?
        }
    };
    SubjectPublicKeyInfoOwned {
        algorithm: key_type.public_key_algorithm(),
        subject_public_key: der::asn1::BitString::from_bytes(&bits).map_err(bad)?,
    }
    .to_der()
    .map_err(bad)
}

/// `check` for WebCrypto, or why WebCrypto cannot do it (an algorithm it lacks, a key that does
/// not fit the algorithm).
pub fn signature_check(check: &Check) -> Result<SignatureCheck, SignatureError> {
    let algorithm = Algorithm::from_identifier(&check.algorithm)?;
    let key_oid = check.key.algorithm.oid;
    let spki_der = |spki: &SubjectPublicKeyInfoOwned| {
        spki.to_der()
            .map_err(|e| SignatureError::BadKey(e.to_string()))
    };
    let (import, verify, spki, signature) = match algorithm {
        Algorithm::RsaPkcs1(hash) | Algorithm::RsaPss(hash) => {
            if key_oid != RSA && key_oid != RSA_PSS {
                return Err(SignatureError::KeyMismatch);
            }
            let rsa_encryption = SubjectPublicKeyInfoOwned {
                algorithm: AlgorithmIdentifierOwned {
                    oid: RSA,
                    parameters: Some(der::asn1::Null.into()),
                },
                subject_public_key: check.key.subject_public_key.clone(),
            };
            let (name, salt_length) = match algorithm {
                Algorithm::RsaPss(_) => (
                    "RSA-PSS",
                    Some(crate::signature::pss_salt_length(&check.algorithm)?),
                ),
                _ => ("RSASSA-PKCS1-v1_5", None),
            };
            let import = Params {
                hash: Some(hash_name(hash)?),
                ..Params::named(name)
            };
            let verify = Params {
                salt_length,
                ..Params::named(name)
            };
            (
                import,
                verify,
                spki_der(&rsa_encryption)?,
                check.signature.clone(),
            )
        }
        Algorithm::Ecdsa(hash) => {
            if key_oid != EC_PUBLIC_KEY {
                return Err(SignatureError::KeyMismatch);
            }
            let (named_curve, size) = curve(&check.key)?;
            let import = Params {
                named_curve: Some(named_curve),
                ..Params::named("ECDSA")
            };
            let verify = Params {
                hash: Some(hash_name(hash)?),
                ..Params::named("ECDSA")
            };
            let signature = ecdsa_p1363(&check.signature, size)?;
            (import, verify, spki_der(&check.key)?, signature)
        }
        Algorithm::Ed25519 => {
            if key_oid != ED25519 {
                return Err(SignatureError::KeyMismatch);
            }
            let ed = Params::named("Ed25519");
            (ed, ed, spki_der(&check.key)?, check.signature.clone())
        }
        Algorithm::Dsa(_) => {
            return Err(SignatureError::NotChecked(
                "the browser's WebCrypto has no DSA".into(),
            ));
        }
        Algorithm::MlDsa(_) => {
            return Err(SignatureError::NotChecked(
                "the browser's WebCrypto has no ML-DSA".into(),
            ));
        }
    };
    Ok(SignatureCheck {
        import,
        verify,
        spki,
        signature,
        message: check.message.clone(),
    })
}

/// A private key whose public half WebCrypto can compute: `importKey("pkcs8", pkcs8, import,
/// true, ["sign"])`, then `exportKey("jwk")`, whose `x` (and `y`) give [`public_hex`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyDerivation {
    /// How to import the private key.
    pub import: Params,
    /// The private key, PKCS#8 DER.
    pub pkcs8: zeroize::Zeroizing<Vec<u8>>,
}

/// How to derive the public key of a PKCS#8 (EC or Ed25519) or SEC1 private key, when WebCrypto
/// knows its curve.
pub fn key_derivation(der: &[u8]) -> Option<KeyDerivation> {
    let ec = |curve: Oid| {
        let named_curve = match curve {
            c if c == P256 => "P-256",
            c if c == P384 => "P-384",
            c if c == P521 => "P-521",
            _ => return None,
        };
        Some(Params {
            named_curve: Some(named_curve),
            ..Params::named("ECDSA")
        })
    };
    if let Ok(info) = pkcs8::PrivateKeyInfoRef::from_der(der) {
        let import = match info.algorithm.oid {
            oid if oid == EC_PUBLIC_KEY => ec(info.algorithm.parameters?.decode_as().ok()?)?,
            oid if oid == ED25519 => Params::named("Ed25519"),
            _ => return None,
        };
        return Some(KeyDerivation {
            import,
            pkcs8: zeroize::Zeroizing::new(der.to_vec()),
        });
    }
    // SEC1 (`BEGIN EC PRIVATE KEY`): WebCrypto imports PKCS#8 only, so wrap it.
    let pkcs8 = crate::generate::sec1_as_pkcs8(der)?;
    let info = pkcs8::PrivateKeyInfoRef::from_der(&pkcs8).ok()?;
    let import = ec(info.algorithm.parameters?.decode_as().ok()?)?;
    Some(KeyDerivation { import, pkcs8 })
}

/// The public key as reports show it (lowercase hex: `04‖x‖y` for EC, the 32 bytes for
/// Ed25519) from a JWK's `x` and `y`, already base64url-decoded.
pub fn public_hex(x: &[u8], y: Option<&[u8]>) -> String {
    match y {
        Some(y) => crate::dn::hex(&[&[4u8][..], x, y].concat()),
        None => crate::dn::hex(x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ecdsa_signatures_become_fixed_size_r_and_s() {
        // SEQUENCE { INTEGER 0x00ff (sign padding), INTEGER 0x01 }
        let der = [0x30, 0x07, 0x02, 0x02, 0x00, 0xff, 0x02, 0x01, 0x01];
        let mut expected = vec![0u8; 64];
        expected[31] = 0xff;
        expected[63] = 0x01;
        assert_eq!(ecdsa_p1363(&der, 32), Ok(expected));
        // An integer longer than the curve is not a signature on it.
        assert_eq!(ecdsa_p1363(&der, 0), Err(SignatureError::Invalid));
        assert_eq!(ecdsa_p1363(b"junk", 32), Err(SignatureError::Invalid));
    }

    #[test]
    fn ecdsa_signatures_from_webcrypto_become_der_and_back() {
        let mut p1363 = vec![0u8; 64];
        p1363[31] = 0xff;
        p1363[63] = 0x01;
        let der = ecdsa_der(&p1363).unwrap();
        assert_eq!(der, [0x30, 0x07, 0x02, 0x02, 0x00, 0xff, 0x02, 0x01, 0x01]);
        assert_eq!(ecdsa_p1363(&der, 32), Ok(p1363));
        assert!(ecdsa_der(&[1, 2, 3]).is_err());
    }

    /// The public key built from a JWK's parts is the one RustCrypto computes for the key.
    #[test]
    fn a_jwk_gives_the_keys_subject_public_key_info() {
        use crate::generate::KeyPair;
        for (key_type, pem) in [
            (
                KeyType::P256,
                include_str!("../../../tests/fixtures/keys/p256.key"),
            ),
            (
                KeyType::Ed25519,
                include_str!("../../../tests/fixtures/keys/ed25519.key"),
            ),
            (
                KeyType::Rsa2048,
                include_str!("../../../tests/fixtures/keys/rsa2048.key"),
            ),
        ] {
            let pair = KeyPair::from_input_with_password(pem.as_bytes(), None).unwrap();
            let spki = pair.public_key_info().unwrap();
            let bits = spki.subject_public_key.raw_bytes();
            let (first, second) = match key_type {
                KeyType::P256 => (bits[1..33].to_vec(), bits[33..].to_vec()),
                KeyType::Ed25519 => (bits.to_vec(), Vec::new()),
                _ => {
                    let key = pkcs1::RsaPublicKeyRef::from_der(bits).unwrap();
                    (
                        key.modulus.as_bytes().to_vec(),
                        key.public_exponent.as_bytes().to_vec(),
                    )
                }
            };
            let field = |name: &str| match name {
                "x" | "n" => Some(first.clone()),
                "y" | "e" if !second.is_empty() => Some(second.clone()),
                _ => None,
            };
            assert_eq!(
                public_key_info(key_type, field).unwrap(),
                spki.to_der().unwrap(),
                "{key_type:?}"
            );
        }
    }

    #[test]
    fn sha224_is_said_to_be_beyond_webcrypto() {
        assert!(matches!(
            hash_name(Hash::Sha224),
            Err(SignatureError::NotChecked(_))
        ));
        assert_eq!(hash_name(Hash::Sha384), Ok("SHA-384"));
    }

    #[test]
    fn a_sec1_key_is_wrapped_as_pkcs8_for_import() {
        let pem = include_str!("../../../tests/fixtures/leaf.sec1.key");
        let block = crate::input::read_blocks(pem.as_bytes())
            .unwrap()
            .remove(0)
            .unwrap();
        let derivation = key_derivation(&block.der).expect("a P-384 key");
        assert_eq!(derivation.import.named_curve, Some("P-384"));
        let info = pkcs8::PrivateKeyInfoRef::from_der(&derivation.pkcs8).expect("PKCS#8");
        assert_eq!(info.algorithm.oid, EC_PUBLIC_KEY);
    }
}
