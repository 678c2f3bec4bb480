//! PBES2 (RFC 8018 section 6.2): a key from the password by PBKDF2 (HMAC with SHA-1 or SHA-2)
//! or scrypt (RFC 7914), then AES-CBC, triple DES or DES with PKCS#7 padding. Its parameters
//! are read by hand ([`crate::tlv`]): der's generic decoders for them cost the web app's wasm
//! more than all of this.

use super::{Failure, MAX_SCRYPT_BYTES, MAX_SCRYPT_WORK, cbc_decrypt, unusable};
use crate::error::Error;
use crate::oids;
use crate::tlv::{self, INTEGER, NULL, OCTET_STRING, OID, SEQUENCE};
use const_oid::ObjectIdentifier as Oid;
use der::{Any, Tag, Tagged};
use spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

/// id-PBES2.
pub(super) const PBES2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.13");
const PBKDF2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.12");
const SCRYPT: Oid = Oid::new_unwrap("1.3.6.1.4.1.11591.4.11");
const HMAC_SHA1: Oid = Oid::new_unwrap("1.2.840.113549.2.7");
const HMAC_SHA224: Oid = Oid::new_unwrap("1.2.840.113549.2.8");
const HMAC_SHA256: Oid = Oid::new_unwrap("1.2.840.113549.2.9");
const HMAC_SHA384: Oid = Oid::new_unwrap("1.2.840.113549.2.10");
const HMAC_SHA512: Oid = Oid::new_unwrap("1.2.840.113549.2.11");
const AES_128_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.2");
const AES_192_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.22");
const AES_256_CBC: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.1.42");
const DES_EDE3_CBC: Oid = Oid::new_unwrap("1.2.840.113549.3.7");
const DES_CBC: Oid = Oid::new_unwrap("1.3.14.3.2.7");

/// How the key is derived.
enum Kdf<'a> {
    /// PBKDF2 with an HMAC (`prf`, by its OID).
    Pbkdf2 {
        salt: &'a [u8],
        iterations: u64,
        prf: Oid,
    },
    /// scrypt with cost N (a power of two), block size r and parallelism p.
    Scrypt {
        salt: &'a [u8],
        n: u64,
        r: u64,
        p: u64,
    },
}

/// PBES2's parameters, read.
pub(super) struct Pbes2<'a> {
    kdf: Kdf<'a>,
    /// keyLength, when the file gives one: it must be the cipher's.
    key_length: Option<u64>,
    cipher: Oid,
    iv: &'a [u8],
}

/// An AlgorithmIdentifier's OID and the parameters after it.
fn algorithm(content: &[u8]) -> Option<(Oid, &[u8])> {
    let (oid, params) = tlv::expect(content, OID)?;
    Some((Oid::from_bytes(oid).ok()?, params))
}

/// An INTEGER that fits in 64 bits, and what follows it.
fn integer(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let (content, rest) = tlv::expect(bytes, INTEGER)?;
    Some((tlv::unsigned(content)?, rest))
}

/// An optional INTEGER (keyLength): its value, if there, and what follows.
fn optional_integer(bytes: &[u8]) -> Option<(Option<u64>, &[u8])> {
    match bytes.first() {
        Some(&INTEGER) => integer(bytes).map(|(n, rest)| (Some(n), rest)),
        _ => Some((None, bytes)),
    }
}

impl<'a> Pbes2<'a> {
    /// Reads PBES2-params, `params` being the AlgorithmIdentifier's parameters (a SEQUENCE).
    pub(super) fn read(params: &'a Any) -> Result<Pbes2<'a>, Failure> {
        let malformed = || unusable("malformed PBES2 parameters".into());
        if params.tag() != Tag::Sequence {
            return Err(malformed());
        }
        let (kdf, rest) = tlv::expect(params.value(), SEQUENCE).ok_or_else(malformed)?;
        let (encryption, []) = tlv::expect(rest, SEQUENCE).ok_or_else(malformed)? else {
            return Err(malformed());
        };
        let (kdf_oid, kdf_params) = algorithm(kdf).ok_or_else(malformed)?;
        let (kdf_params, _) = tlv::expect(kdf_params, SEQUENCE).ok_or_else(malformed)?;
        let (kdf, key_length) = match kdf_oid {
            PBKDF2 => Self::pbkdf2(kdf_params),
            SCRYPT => Self::scrypt(kdf_params),
            other => {
                return Err(unusable(format!(
                    "PBES2 with the key derivation {} is not supported",
                    oids::name(&other)
                )));
            }
        }
        .ok_or_else(|| unusable(format!("malformed {} parameters", oids::name(&kdf_oid))))?;
        let (cipher, iv) = algorithm(encryption).ok_or_else(malformed)?;
        let iv = match tlv::expect(iv, OCTET_STRING) {
            Some((iv, [])) => iv,
            _ if cipher_key_size(cipher).is_none() => &[],
            _ => return Err(malformed()),
        };
        Ok(Pbes2 {
            kdf,
            key_length,
            cipher,
            iv,
        })
    }

    /// PBKDF2-params (RFC 8018 appendix A.2): salt (specified), iterationCount, keyLength
    /// OPTIONAL, prf DEFAULT hmacWithSHA1.
    fn pbkdf2(params: &'a [u8]) -> Option<(Kdf<'a>, Option<u64>)> {
        let (salt, rest) = tlv::expect(params, OCTET_STRING)?;
        let (iterations, rest) = integer(rest)?;
        let (key_length, rest) = optional_integer(rest)?;
        let prf = match rest {
            [] => HMAC_SHA1,
            _ => {
                let (prf, []) = tlv::expect(rest, SEQUENCE)? else {
                    return None;
                };
                let (prf, params) = algorithm(prf)?;
                // Its parameters are NULL or absent.
                match params {
                    [] | [tlv::NULL, 0] => prf,
                    _ => return None,
                }
            }
        };
        let kdf = Kdf::Pbkdf2 {
            salt,
            iterations,
            prf,
        };
        Some((kdf, key_length))
    }

    /// scrypt-params (RFC 7914 section 7.1): salt, costParameter, blockSize,
    /// parallelizationParameter, keyLength OPTIONAL.
    fn scrypt(params: &'a [u8]) -> Option<(Kdf<'a>, Option<u64>)> {
        let (salt, rest) = tlv::expect(params, OCTET_STRING)?;
        let (n, rest) = integer(rest)?;
        let (r, rest) = integer(rest)?;
        let (p, rest) = integer(rest)?;
        let (key_length, []) = optional_integer(rest)? else {
            return None;
        };
        Some((Kdf::Scrypt { salt, n, r, p }, key_length))
    }

    /// Refuses a key derivation that would cost more than certbench gives one (its iteration
    /// count, or scrypt's memory and work), before any password is tried.
    pub(super) fn check_cost(&self) -> Result<(), Error> {
        match self.kdf {
            Kdf::Pbkdf2 { iterations, .. } => {
                super::check_iterations(u32::try_from(iterations).unwrap_or(u32::MAX))
            }
            Kdf::Scrypt { n, r, p, .. } => {
                let bytes = n.saturating_mul(r).saturating_mul(128);
                let work = n.saturating_mul(r).saturating_mul(p);
                if bytes > MAX_SCRYPT_BYTES || work > MAX_SCRYPT_WORK {
                    return Err(Error::Key(format!(
                        "the file asks scrypt for N={n}, r={r}, p={p}: more memory or time than certbench gives a key derivation (at most {} MiB)",
                        MAX_SCRYPT_BYTES >> 20
                    )));
                }
                Ok(())
            }
        }
    }

    /// The scheme in words: `PBES2 (PBKDF2-hmacWithSHA256, 2048 iterations, aes-256-cbc)`.
    pub(super) fn describe(&self) -> String {
        let kdf = match self.kdf {
            Kdf::Pbkdf2 {
                iterations, prf, ..
            } => format!("PBKDF2-{}, {iterations} iterations", oids::name(&prf)),
            Kdf::Scrypt { n, r, p, .. } => format!("scrypt, N={n}, r={r}, p={p}"),
        };
        format!("PBES2 ({kdf}, {})", oids::name(&self.cipher))
    }

    /// Derives the key and decrypts `ciphertext` (after [`Pbes2::check_cost`]).
    pub(super) fn decrypt(
        &self,
        password: &str,
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, Failure> {
        let Some(size) = cipher_key_size(self.cipher) else {
            return Err(unusable(format!(
                "PBES2 with {} is not supported",
                oids::name(&self.cipher)
            )));
        };
        if self.key_length.is_some_and(|n| n != size as u64) {
            return Err(unusable(format!(
                "the PBES2 parameters give a {}-byte key for {}, whose keys are {size} bytes",
                self.key_length.unwrap_or_default(),
                oids::name(&self.cipher)
            )));
        }
        let mut key = Zeroizing::new(vec![0u8; size]);
        let password = password.as_bytes();
        match self.kdf {
            Kdf::Pbkdf2 {
                salt,
                iterations,
                prf,
            } => {
                let n = u32::try_from(iterations)
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| unusable("PBKDF2 needs 1 or more iterations".into()))?;
                let derive = match prf {
                    HMAC_SHA1 => pbkdf2::pbkdf2_hmac::<sha1::Sha1>,
                    HMAC_SHA224 => pbkdf2::pbkdf2_hmac::<sha2::Sha224>,
                    HMAC_SHA256 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>,
                    HMAC_SHA384 => pbkdf2::pbkdf2_hmac::<sha2::Sha384>,
                    HMAC_SHA512 => pbkdf2::pbkdf2_hmac::<sha2::Sha512>,
                    other => {
                        return Err(unusable(format!(
                            "PBKDF2 with {} is not supported",
                            oids::name(&other)
                        )));
                    }
                };
                derive(password, salt, n, &mut key);
            }
            Kdf::Scrypt { salt, n, r, p } => {
                let params = match (n.is_power_of_two(), u32::try_from(r), u32::try_from(p)) {
                    (true, Ok(r), Ok(p)) => {
                        scrypt::Params::new(n.trailing_zeros() as u8, r, p).ok()
                    }
                    _ => None,
                }
                .ok_or_else(|| unusable(format!("scrypt cannot run with N={n}, r={r}, p={p}")))?;
                scrypt::scrypt(password, salt, &params, &mut key)
                    .map_err(|e| unusable(format!("scrypt: {e}")))?;
            }
        }
        match self.cipher {
            AES_128_CBC => cbc_decrypt::<aes::Aes128>(&key, self.iv, ciphertext),
            AES_192_CBC => cbc_decrypt::<aes::Aes192>(&key, self.iv, ciphertext),
            AES_256_CBC => cbc_decrypt::<aes::Aes256>(&key, self.iv, ciphertext),
            DES_EDE3_CBC => cbc_decrypt::<des::TdesEde3>(&key, self.iv, ciphertext),
            _ => cbc_decrypt::<des::Des>(&key, self.iv, ciphertext),
        }
    }
}

/// The key size of a cipher PBES2 may name here, in bytes.
fn cipher_key_size(cipher: Oid) -> Option<usize> {
    match cipher {
        AES_128_CBC => Some(16),
        AES_192_CBC => Some(24),
        AES_256_CBC => Some(32),
        DES_EDE3_CBC => Some(24),
        DES_CBC => Some(8),
        _ => None,
    }
}

/// Encrypts `plaintext` as OpenSSL 3 and certbench write PBES2 (`openssl pkcs8 -topk8 -v2
/// aes-256-cbc`): PBKDF2-HMAC-SHA256 with `iterations` and `salt`, AES-256-CBC with `iv`. The
/// algorithm identifier and the ciphertext.
pub(crate) fn encrypt(
    password: &str,
    plaintext: &[u8],
    salt: &[u8; 16],
    iv: &[u8; 16],
    iterations: u32,
) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), Error> {
    use cbc::cipher::{BlockModeEncrypt, KeyIvInit, block_padding::NoPadding};
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), salt, iterations, &mut *key);
    // PKCS#7 padding: 1 to 16 bytes, each the padding's length.
    let pad = 16 - plaintext.len() % 16;
    let mut ciphertext = plaintext.to_vec();
    ciphertext.resize(plaintext.len() + pad, pad as u8);
    let len = ciphertext.len();
    cbc::Encryptor::<aes::Aes256>::new_from_slices(&*key, iv)
        .map_err(|e| Error::Build(format!("AES-256-CBC: {e}")))?
        .encrypt_padded::<NoPadding>(&mut ciphertext, len)
        .map_err(|e| Error::Build(format!("AES-256-CBC: {e}")))?;
    let oid = |oid: Oid| tlv::encode(OID, oid.as_bytes());
    let integer = {
        let bytes = iterations.to_be_bytes();
        let start = bytes.iter().position(|&b| b != 0).unwrap_or(3);
        // A leading zero keeps a high first bit from reading as negative.
        let mut content = if bytes[start] & 0x80 != 0 {
            vec![0]
        } else {
            Vec::new()
        };
        content.extend_from_slice(&bytes[start..]);
        tlv::encode(INTEGER, &content)
    };
    let prf = tlv::encode(SEQUENCE, &[oid(HMAC_SHA256), vec![NULL, 0]].concat());
    let pbkdf2_params = tlv::encode(
        SEQUENCE,
        &[tlv::encode(OCTET_STRING, salt), integer, prf].concat(),
    );
    let kdf = tlv::encode(SEQUENCE, &[oid(PBKDF2), pbkdf2_params].concat());
    let cipher = tlv::encode(
        SEQUENCE,
        &[oid(AES_256_CBC), tlv::encode(OCTET_STRING, iv)].concat(),
    );
    let parameters = Any::new(Tag::Sequence, [kdf, cipher].concat())
        .map_err(|e| Error::Build(format!("PBES2 parameters: {e}")))?;
    Ok((
        AlgorithmIdentifierOwned {
            oid: PBES2,
            parameters: Some(parameters),
        },
        ciphertext,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_back(algorithm: &AlgorithmIdentifierOwned) -> Result<Pbes2<'_>, Failure> {
        Pbes2::read(algorithm.parameters.as_ref().unwrap())
    }

    #[test]
    fn what_is_encrypted_decrypts_with_the_password_only() {
        let (algorithm, ciphertext) =
            encrypt("s3cret", b"\x30\x03\x02\x01\x05", &[1; 16], &[2; 16], 2048).unwrap();
        let scheme = read_back(&algorithm).ok().unwrap();
        assert_eq!(
            scheme.describe(),
            "PBES2 (PBKDF2-hmacWithSHA256, 2048 iterations, aes-256-cbc)"
        );
        assert_eq!(
            &scheme.decrypt("s3cret", &ciphertext).ok().unwrap()[..],
            b"\x30\x03\x02\x01\x05"
        );
        assert!(matches!(
            super::super::well_formed(scheme.decrypt("wrong", &ciphertext)),
            Err(Failure::WrongPassword)
        ));
    }

    #[test]
    fn ordinary_costs_pass_and_crafted_ones_are_refused() {
        let pbkdf2 = |iterations| {
            Pbes2 {
                kdf: Kdf::Pbkdf2 {
                    salt: &[1; 16],
                    iterations,
                    prf: HMAC_SHA256,
                },
                key_length: None,
                cipher: AES_256_CBC,
                iv: &[0; 16],
            }
            .check_cost()
        };
        assert!(pbkdf2(100_000).is_ok());
        assert!(pbkdf2(u64::from(super::super::MAX_ITERATIONS)).is_ok());
        assert!(pbkdf2(50_000_000).is_err());
        assert!(pbkdf2(u64::MAX).is_err());
        let scrypt = |n: u64, r: u64, p: u64| {
            Pbes2 {
                kdf: Kdf::Scrypt {
                    salt: &[1; 16],
                    n,
                    r,
                    p,
                },
                key_length: None,
                cipher: AES_256_CBC,
                iv: &[0; 16],
            }
            .check_cost()
        };
        assert!(scrypt(1 << 14, 8, 1).is_ok(), "OpenSSL's default");
        assert!(scrypt(1 << 24, 8, 1).is_err(), "2 GiB");
        assert!(scrypt(1 << 14, 8, 64).is_err(), "64 times the work");
    }

    #[test]
    fn malformed_and_unknown_parameters_say_so() {
        let (algorithm, _) = encrypt("p", b"x", &[1; 16], &[0; 16], 2048).unwrap();
        let der = algorithm.parameters.as_ref().unwrap().value().to_vec();
        for cut in [1, 10, der.len() - 1] {
            let broken = Any::new(Tag::Sequence, &der[..der.len() - cut]).unwrap();
            match Pbes2::read(&broken) {
                Err(Failure::Unusable(e)) => assert!(e.to_string().contains("malformed"), "{e}"),
                _ => panic!("{cut} bytes short is read"),
            }
        }
        // An unknown cipher reads, and refuses to decrypt with its name.
        let other = [
            &der[..der.len() - 31],
            &tlv::encode(SEQUENCE, &tlv::encode(OID, &[0x2a, 0x03]))[..],
        ]
        .concat();
        let unknown = Any::new(Tag::Sequence, other).unwrap();
        let scheme = Pbes2::read(&unknown).ok().unwrap();
        match scheme.decrypt("p", &[0; 16]) {
            Err(Failure::Unusable(e)) => assert!(e.to_string().contains("not supported"), "{e}"),
            _ => panic!("decrypted with an unknown cipher"),
        }
    }
}
