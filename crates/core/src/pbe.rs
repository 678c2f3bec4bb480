//! Password-based encryption as keys and PKCS#12 files carry it: PBES2 (PKCS#5 v2), the
//! PKCS#12 PBEs and PBES1 that older tools (OpenSSL 1.0's `pkcs8 -topk8`, Java) still write, and
//! OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`, `genrsa -aes256`).
//!
//! And what such a file may ask of the page: a file names its own key-derivation cost, and the
//! derivation runs before the password is known to be right, so a crafted encrypted key or
//! PKCS#12 file could otherwise stall the tab for minutes on any password.

use crate::error::Error;
use crate::oids;
use const_oid::ObjectIdentifier as Oid;
use der::asn1::OctetString;
use der::{Decode, Sequence};
use hmac::digest::Digest;
use spki::AlgorithmIdentifierOwned;
use zeroize::{Zeroize, Zeroizing};

mod pbes2;

pub(crate) use pbes2::encrypt as encrypt_pbes2;
use pbes2::{PBES2, Pbes2};

const PBE_SHA1_3DES: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.3");
const PBE_SHA1_2DES: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.4");
const PBE_SHA1_RC2_128: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.5");
const PBE_SHA1_RC2_40: Oid = Oid::new_unwrap("1.2.840.113549.1.12.1.6");
const PBES1_MD5_DES: Oid = Oid::new_unwrap("1.2.840.113549.1.5.3");
const PBES1_MD5_RC2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.6");
const PBES1_SHA1_DES: Oid = Oid::new_unwrap("1.2.840.113549.1.5.10");
const PBES1_SHA1_RC2: Oid = Oid::new_unwrap("1.2.840.113549.1.5.11");

/// Most iterations a file may ask for (PBKDF2 and the PKCS#12 derivation): far above what tools
/// write (OpenSSL 2,048; certbench 100,000; OWASP's 600,000 for PBKDF2-SHA256), low enough
/// that a derivation ends in seconds.
pub const MAX_ITERATIONS: u32 = 5_000_000;

/// Most memory scrypt may ask for (128 · N · r bytes): 256 MiB, 16 times OpenSSL's default.
pub const MAX_SCRYPT_BYTES: u64 = 256 << 20;

/// Most scrypt work (N · r · p): 32 times OpenSSL's default (N 2^14, r 8, p 1).
const MAX_SCRYPT_WORK: u64 = 1 << 22;

/// Refuses an iteration count beyond [`MAX_ITERATIONS`].
pub fn check_iterations(iterations: u32) -> Result<(), Error> {
    if iterations > MAX_ITERATIONS {
        return Err(Error::Key(format!(
            "the file asks for {iterations} key-derivation iterations; certbench runs at most {MAX_ITERATIONS} (real tools use 2,048 to 600,000)"
        )));
    }
    Ok(())
}

/// `EncryptedPrivateKeyInfo` (RFC 5958 section 3) with its algorithm left open: PBES2, a
/// PKCS#12 PBE or PBES1.
#[derive(Sequence)]
pub(crate) struct EncryptedPrivateKeyInfo {
    pub algorithm: AlgorithmIdentifierOwned,
    pub data: OctetString,
}

/// The salt and iteration count of a PKCS#12 PBE (RFC 7292 appendix C) or PBES1 (RFC 8018
/// appendix A.3): the same structure.
#[derive(Sequence)]
struct PbeParams {
    salt: OctetString,
    iterations: u32,
}

/// Why a decryption failed.
pub(crate) enum Failure {
    /// The padding did not check: a wrong password, or altered data (the two look the same).
    WrongPassword,
    /// The data cannot be decrypted here; the error says why.
    Unusable(Error),
}

/// The plaintext of a decryption, when it is one DER structure, as every plaintext here is
/// (a key, or PKCS#12's bags). A wrong password passes the CBC padding check about one time in
/// 256 and then gives bytes that are not: that is a wrong password too, not damaged data.
pub(crate) fn well_formed(
    decrypted: Result<Zeroizing<Vec<u8>>, Failure>,
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let plain = decrypted?;
    match crate::input::check_whole(&plain) {
        Ok(()) => Ok(plain),
        Err(_) => Err(Failure::WrongPassword),
    }
}

/// Why a key could not be decrypted, in words.
fn could_not_decrypt(failure: Failure) -> Error {
    match failure {
        Failure::WrongPassword => Error::WrongPassword(
            "could not decrypt: the password is wrong, or the key is damaged".into(),
        ),
        Failure::Unusable(e) => e,
    }
}

/// The plaintext PKCS#8 DER of an encrypted PKCS#8 key: PBES2, a PKCS#12 PBE or PBES1. A
/// wrong password and a damaged file look the same: the message says so.
pub fn decrypt_pkcs8(encrypted_der: &[u8], password: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    let info = EncryptedPrivateKeyInfo::from_der(encrypted_der)
        .map_err(|e| Error::Key(format!("not an encrypted PKCS#8 key: {e}")))?;
    let decrypted = decrypt(&info.algorithm, password, info.data.as_bytes());
    well_formed(decrypted).map_err(could_not_decrypt)
}

/// The plaintext (PKCS#1 or SEC1 DER) of a legacy encrypted PEM body, `dek_info` being its
/// `DEK-Info` header.
pub fn decrypt_legacy_pem(
    dek_info: &str,
    ciphertext: &[u8],
    password: &str,
) -> Result<Zeroizing<Vec<u8>>, Error> {
    let decrypted = legacy_pem_plaintext(dek_info, password, ciphertext);
    well_formed(decrypted).map_err(could_not_decrypt)
}

fn unusable(detail: String) -> Failure {
    Failure::Unusable(Error::Key(detail))
}

/// The scheme `algorithm` names, in words, with its costs: what a report shows before the
/// password is known.
pub(crate) fn describe(algorithm: &AlgorithmIdentifierOwned) -> String {
    let name = oids::name(&algorithm.oid);
    if algorithm.oid == PBES2 {
        return match algorithm.parameters.as_ref().map(Pbes2::read) {
            Some(Ok(scheme)) => scheme.describe(),
            _ => name,
        };
    }
    let family = match algorithm.oid {
        PBE_SHA1_3DES | PBE_SHA1_2DES | PBE_SHA1_RC2_128 | PBE_SHA1_RC2_40 => "PKCS#12 PBE",
        PBES1_MD5_DES | PBES1_MD5_RC2 | PBES1_SHA1_DES | PBES1_SHA1_RC2 => "PBES1",
        _ => return name,
    };
    match pbe_params(algorithm) {
        Ok(params) => format!(
            "{name} ({family}, legacy), {} iterations",
            params.iterations
        ),
        Err(_) => format!("{name} ({family}, legacy)"),
    }
}

fn pbe_params(algorithm: &AlgorithmIdentifierOwned) -> Result<PbeParams, Failure> {
    algorithm
        .parameters
        .as_ref()
        .ok_or_else(|| unusable("PBE without parameters".into()))?
        .decode_as()
        .map_err(|e| unusable(format!("malformed PBE parameters: {e}")))
}

/// Decrypts data protected with PBES2, a PKCS#12 PBE or PBES1, after checking that the key
/// derivation it asks for is affordable.
pub(crate) fn decrypt(
    algorithm: &AlgorithmIdentifierOwned,
    password: &str,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    if algorithm.oid == PBES2 {
        let params = algorithm
            .parameters
            .as_ref()
            .ok_or_else(|| unusable("PBES2 without parameters".into()))?;
        let scheme = Pbes2::read(params)?;
        scheme.check_cost().map_err(Failure::Unusable)?;
        return scheme.decrypt(password, ciphertext);
    }
    let params = pbe_params(algorithm)?;
    let (salt, n) = (params.salt.as_bytes(), params.iterations);
    check_iterations(n).map_err(Failure::Unusable)?;
    let pkcs12 = |purpose, size| pkcs12_kdf::<sha1::Sha1>(64, password, salt, purpose, n, size);
    match algorithm.oid {
        PBE_SHA1_3DES => cbc_decrypt::<des::TdesEde3>(&pkcs12(1, 24), &pkcs12(2, 8), ciphertext),
        PBE_SHA1_2DES => cbc_decrypt::<des::TdesEde2>(&pkcs12(1, 16), &pkcs12(2, 8), ciphertext),
        PBE_SHA1_RC2_128 => cbc_decrypt::<rc2::Rc2>(&pkcs12(1, 16), &pkcs12(2, 8), ciphertext),
        PBE_SHA1_RC2_40 => cbc_decrypt::<rc2::Rc2>(&pkcs12(1, 5), &pkcs12(2, 8), ciphertext),
        PBES1_MD5_DES | PBES1_MD5_RC2 | PBES1_SHA1_DES | PBES1_SHA1_RC2 => {
            // PBKDF1 (RFC 8018 section 5.1): 16 bytes, the DES or RC2 key then the IV.
            let dk = match algorithm.oid {
                PBES1_MD5_DES | PBES1_MD5_RC2 => pbkdf1::<md5::Md5>(password, salt, n),
                _ => pbkdf1::<sha1::Sha1>(password, salt, n),
            };
            let (key, iv) = dk.split_at(8);
            match algorithm.oid {
                PBES1_MD5_DES | PBES1_SHA1_DES => cbc_decrypt::<des::Des>(key, iv, ciphertext),
                _ => cbc_decrypt::<rc2::Rc2>(key, iv, ciphertext),
            }
        }
        other => Err(unusable(format!(
            "encryption with {} is not supported",
            oids::name(&other)
        ))),
    }
}

/// PBKDF1's first 16 bytes: `iterations` rounds of the hash over password and salt.
fn pbkdf1<D: Digest>(password: &str, salt: &[u8], iterations: u32) -> Zeroizing<Vec<u8>> {
    let mut digest = D::new()
        .chain_update(password.as_bytes())
        .chain_update(salt)
        .finalize();
    for _ in 1..iterations {
        digest = D::digest(&digest);
    }
    Zeroizing::new(digest[..16].to_vec())
}

/// CBC with PKCS#7 padding; a padding that does not check means a wrong password.
pub(crate) fn cbc_decrypt<C>(
    key: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failure>
where
    C: cbc::cipher::BlockCipherDecrypt + cbc::cipher::KeyInit,
{
    use cbc::cipher::{BlockModeDecrypt, KeyIvInit, block_padding::Pkcs7};
    let mut buffer = Zeroizing::new(ciphertext.to_vec());
    let len = cbc::Decryptor::<C>::new_from_slices(key, iv)
        .map_err(|e| unusable(format!("bad key or IV length: {e}")))?
        .decrypt_padded::<Pkcs7>(&mut buffer)
        .map_err(|_| Failure::WrongPassword)?
        .len();
    buffer.truncate(len);
    Ok(buffer)
}

/// Decrypts the body of a legacy encrypted PEM block (`Proc-Type: 4,ENCRYPTED`) whose
/// `DEK-Info` header is `dek_info` (`AES-256-CBC,<IV hex>`): OpenSSL's `EVP_BytesToKey` with
/// MD5, one round, the IV's first 8 bytes as salt.
pub(crate) fn legacy_pem_plaintext(
    dek_info: &str,
    password: &str,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let (cipher, iv_hex) = dek_info
        .split_once(',')
        .ok_or_else(|| unusable(format!("DEK-Info `{dek_info}` has no IV")))?;
    let iv = crate::dn::unhex(iv_hex.trim())
        .ok_or_else(|| unusable(format!("DEK-Info IV `{iv_hex}` is not hex")))?;
    let cipher = cipher.trim().to_ascii_uppercase();
    let key_len = match cipher.as_str() {
        "AES-128-CBC" => 16,
        "AES-192-CBC" | "DES-EDE3-CBC" => 24,
        "AES-256-CBC" => 32,
        "DES-CBC" => 8,
        other => {
            return Err(unusable(format!(
                "legacy PEM encryption with {other} is not supported (AES-128/192/256-CBC, DES-EDE3-CBC and DES-CBC are)"
            )));
        }
    };
    let salt = iv
        .get(..8)
        .ok_or_else(|| unusable("DEK-Info IV is shorter than 8 bytes".into()))?;
    let mut key = Zeroizing::new(Vec::with_capacity(key_len + 16));
    let mut previous: Vec<u8> = Vec::new();
    while key.len() < key_len {
        previous = md5::Md5::new()
            .chain_update(&previous)
            .chain_update(password.as_bytes())
            .chain_update(salt)
            .finalize()
            .to_vec();
        key.extend_from_slice(&previous);
    }
    previous.zeroize();
    let key = &key[..key_len];
    match cipher.as_str() {
        "AES-128-CBC" => cbc_decrypt::<aes::Aes128>(key, &iv, ciphertext),
        "AES-192-CBC" => cbc_decrypt::<aes::Aes192>(key, &iv, ciphertext),
        "AES-256-CBC" => cbc_decrypt::<aes::Aes256>(key, &iv, ciphertext),
        "DES-EDE3-CBC" => cbc_decrypt::<des::TdesEde3>(key, &iv, ciphertext),
        _ => cbc_decrypt::<des::Des>(key, &iv, ciphertext),
    }
}

/// RFC 7292 appendix B.2: the PKCS#12 key derivation, `size` bytes for `purpose` (1: key, 2:
/// IV, 3: MAC key). `block` is the hash's block size.
pub(crate) fn pkcs12_kdf<D: Digest>(
    block: usize,
    password: &str,
    salt: &[u8],
    purpose: u8,
    iterations: u32,
    size: usize,
) -> Zeroizing<Vec<u8>> {
    // The password as a BMPString with its two-byte terminator (appendix B.1).
    let bmp: Zeroizing<Vec<u8>> = Zeroizing::new(
        password
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_be_bytes)
            .collect(),
    );
    let fill = |bytes: &[u8]| -> Vec<u8> {
        let len = bytes.len().div_ceil(block) * block;
        bytes.iter().copied().cycle().take(len).collect()
    };
    let mut input = Zeroizing::new([fill(salt), fill(&bmp)].concat());
    let mut out = Zeroizing::new(Vec::with_capacity(size));
    while out.len() < size {
        let mut digest = D::new()
            .chain_update(vec![purpose; block])
            .chain_update(&*input)
            .finalize();
        for _ in 1..iterations {
            digest = D::digest(&digest);
        }
        out.extend_from_slice(&digest);
        if out.len() >= size {
            break;
        }
        // Each block of the input += the digest repeated to a block, + 1 (big-endian).
        let b: Vec<u8> = digest.iter().copied().cycle().take(block).collect();
        for chunk in input.chunks_mut(block) {
            let mut carry = 1u16;
            for (byte, add) in chunk.iter_mut().zip(&b).rev() {
                let sum = u16::from(*byte) + u16::from(*add) + carry;
                *byte = sum as u8;
                carry = sum >> 8;
            }
        }
    }
    out.truncate(size);
    out
}
