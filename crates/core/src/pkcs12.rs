//! PKCS#12 (RFC 7292): the `.p12`/`.pfx` files browsers, keychains and Java import. Written as
//! OpenSSL 3 writes them (PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, an HMAC-SHA256 MAC);
//! read in that form and in the legacy one older tools still write (SHA-1 PBE with 3DES or
//! RC2, an HMAC-SHA1 MAC). Types mirror the ASN.1; randomness is passed in.

use crate::error::Error;
use const_oid::ObjectIdentifier as Oid;
use der::asn1::{Any, BmpString, OctetString, SetOfVec};
use der::{Decode, Encode, Sequence};
use hmac::digest::{Digest, common::BlockSizeUser};
use rand_core::CryptoRng;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use zeroize::Zeroizing;

const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
const ENCRYPTED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.6");
const KEY_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.1");
const SHROUDED_KEY_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.2");
const CERT_BAG: Oid = Oid::new_unwrap("1.2.840.113549.1.12.10.1.3");
const X509_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.22.1");
const FRIENDLY_NAME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.20");
const LOCAL_KEY_ID: Oid = Oid::new_unwrap("1.2.840.113549.1.9.21");
const PBMAC1: Oid = Oid::new_unwrap("1.2.840.113549.1.5.14");
const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");

/// `PFX` (RFC 7292 section 4).
#[derive(Sequence)]
struct Pfx {
    version: u8,
    auth_safe: ContentInfo,
    mac_data: Option<MacData>,
}

/// `ContentInfo` (RFC 5652 section 3), its content always present here.
#[derive(Sequence)]
struct ContentInfo {
    content_type: Oid,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: Any,
}

/// `MacData` (RFC 7292 section 4).
#[derive(Sequence)]
struct MacData {
    mac: DigestInfo,
    mac_salt: OctetString,
    #[asn1(default = "one")]
    iterations: u32,
}

fn one() -> u32 {
    1
}

/// `DigestInfo` (RFC 8017 section 9.2).
#[derive(Sequence)]
struct DigestInfo {
    algorithm: AlgorithmIdentifierOwned,
    digest: OctetString,
}

/// `EncryptedData` (RFC 5652 section 8).
#[derive(Sequence)]
struct EncryptedData {
    version: u8,
    content: EncryptedContentInfo,
}

/// `EncryptedContentInfo` (RFC 5652 section 6.1).
#[derive(Sequence)]
struct EncryptedContentInfo {
    content_type: Oid,
    algorithm: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    encrypted_content: Option<OctetString>,
}

/// `SafeBag` (RFC 7292 section 4.2).
#[derive(Sequence)]
struct SafeBag {
    bag_id: Oid,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    bag_value: Any,
    bag_attributes: Option<SetOfVec<Attribute>>,
}

/// `CertBag` (RFC 7292 section 4.2.3).
#[derive(Sequence)]
struct CertBag {
    cert_id: Oid,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    cert_value: OctetString,
}

fn malformed(e: impl std::fmt::Display) -> Error {
    Error::Pkcs12(format!("not a well-formed file: {e}"))
}

fn wrong_password() -> Error {
    Error::WrongPassword(
        "PKCS#12: wrong password (or a damaged file: the two look the same)".into(),
    )
}

/// The integrity MAC's hash and iteration count, read without the password: what a report
/// shows before the file is opened. `None` for a file without a MAC.
pub(crate) fn mac_algorithm(p12: &[u8]) -> Result<Option<(Oid, u32)>, der::Error> {
    let pfx = Pfx::from_der(p12)?;
    if pfx.version != 3 {
        return Err(der::Tag::Integer.value_error().into());
    }
    Ok(pfx.mac_data.map(|m| (m.mac.algorithm.oid, m.iterations)))
}

/// Whether the file's certificates are encrypted with RC2 or RC4 (what OpenSSL 1.x and Java
/// wrote by default), read without the password: OpenSSL 3 opens those only with `-legacy`.
pub(crate) fn uses_legacy_ciphers(p12: &[u8]) -> bool {
    // pbeWithSHAAnd128BitRC4 (1), 40BitRC4 (2), 128BitRC2-CBC (5), 40BitRC2-CBC (6).
    const LEGACY: [&str; 4] = [
        "1.2.840.113549.1.12.1.1",
        "1.2.840.113549.1.12.1.2",
        "1.2.840.113549.1.12.1.5",
        "1.2.840.113549.1.12.1.6",
    ];
    let Ok(pfx) = Pfx::from_der(p12) else {
        return false;
    };
    let Ok(auth_safe) = pfx.auth_safe.content.decode_as::<OctetString>() else {
        return false;
    };
    Vec::<ContentInfo>::from_der(auth_safe.as_bytes())
        .unwrap_or_default()
        .into_iter()
        .filter(|info| info.content_type == ENCRYPTED_DATA)
        .filter_map(|info| info.content.decode_as::<EncryptedData>().ok())
        .any(|data| LEGACY.contains(&data.content.algorithm.oid.to_string().as_str()))
}

/// What a PKCS#12 file holds, opened with `password`: each private key (PKCS#8 DER), then each
/// certificate (DER) once, in the file's order.
pub fn contents(p12: &[u8], password: &str) -> Result<Vec<Vec<u8>>, Error> {
    let pfx = Pfx::from_der(p12).map_err(malformed)?;
    if pfx.auth_safe.content_type != DATA {
        return Err(Error::Pkcs12(
            "protected by a public key, not a password: certbench opens password-protected files"
                .into(),
        ));
    }
    let auth_safe = pfx
        .auth_safe
        .content
        .decode_as::<OctetString>()
        .map_err(malformed)?;
    if let Some(mac) = &pfx.mac_data {
        check_mac(mac, password, auth_safe.as_bytes())?;
    }
    let mut keys = Vec::new();
    let mut certs: Vec<Vec<u8>> = Vec::new();
    for info in Vec::<ContentInfo>::from_der(auth_safe.as_bytes()).map_err(malformed)? {
        let safe_contents: Zeroizing<Vec<u8>> = match info.content_type {
            DATA => Zeroizing::new(
                info.content
                    .decode_as::<OctetString>()
                    .map_err(malformed)?
                    .into_bytes()
                    .into_vec(),
            ),
            ENCRYPTED_DATA => {
                let data: EncryptedData = info.content.decode_as().map_err(malformed)?;
                let ciphertext = data
                    .content
                    .encrypted_content
                    .ok_or_else(|| malformed("no encrypted content"))?;
                decrypt(&data.content.algorithm, password, ciphertext.as_bytes())?
            }
            other => {
                return Err(Error::Pkcs12(format!(
                    "a part of type {} is not supported",
                    crate::oids::name(&other)
                )));
            }
        };
        for bag in Vec::<SafeBag>::from_der(&safe_contents).map_err(malformed)? {
            match bag.bag_id {
                KEY_BAG => keys.push(bag.bag_value.to_der().map_err(malformed)?),
                SHROUDED_KEY_BAG => {
                    let info: crate::pbe::EncryptedPrivateKeyInfo =
                        bag.bag_value.decode_as().map_err(malformed)?;
                    keys.push(decrypt(&info.algorithm, password, info.data.as_bytes())?.to_vec());
                }
                CERT_BAG => {
                    let cert: CertBag = bag.bag_value.decode_as().map_err(malformed)?;
                    let der = cert.cert_value.into_bytes().into_vec();
                    if cert.cert_id == X509_CERTIFICATE && !certs.contains(&der) {
                        certs.push(der);
                    }
                }
                // CRLs, secrets and nested bags hold nothing certbench shows.
                _ => {}
            }
        }
    }
    keys.extend(certs);
    Ok(keys)
}

fn hmac<D: Digest + BlockSizeUser + Clone>(
    password: &str,
    salt: &[u8],
    iterations: u32,
    message: &[u8],
) -> Result<Vec<u8>, Error> {
    use hmac::{KeyInit, Mac};
    let key = crate::pbe::pkcs12_kdf::<D>(
        D::block_size(),
        password,
        salt,
        3,
        iterations,
        <D as Digest>::output_size(),
    );
    let mut mac = <hmac::SimpleHmac<D> as KeyInit>::new_from_slice(&key)
        .map_err(|e| Error::Pkcs12(format!("its MAC: {e}")))?;
    mac.update(message);
    Ok(mac.finalize().into_bytes().to_vec())
}

/// RFC 7292 section 5: the MAC over the authenticated safe, keyed by the password. It fails
/// the same for a wrong password and an altered file.
fn check_mac(mac: &MacData, password: &str, auth_safe: &[u8]) -> Result<(), Error> {
    let (salt, n) = (mac.mac_salt.as_bytes(), mac.iterations);
    crate::pbe::check_iterations(n)?;
    let expected = match mac.mac.algorithm.oid {
        SHA1 => hmac::<sha1::Sha1>(password, salt, n, auth_safe)?,
        SHA256 => hmac::<sha2::Sha256>(password, salt, n, auth_safe)?,
        SHA384 => hmac::<sha2::Sha384>(password, salt, n, auth_safe)?,
        SHA512 => hmac::<sha2::Sha512>(password, salt, n, auth_safe)?,
        PBMAC1 => {
            return Err(Error::Pkcs12(
                "its MAC is PBMAC1 (RFC 9579), which certbench does not check yet".into(),
            ));
        }
        other => {
            return Err(Error::Pkcs12(format!(
                "MAC with {} is not supported",
                crate::oids::name(&other)
            )));
        }
    };
    if expected != mac.mac.digest.as_bytes() {
        return Err(wrong_password());
    }
    Ok(())
}

/// Decrypts a bag or a safe (PBES2 or a legacy PKCS#12 PBE: [`crate::pbe::decrypt`]).
fn decrypt(
    algorithm: &AlgorithmIdentifierOwned,
    password: &str,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Error> {
    let decrypted = crate::pbe::decrypt(algorithm, password, ciphertext);
    crate::pbe::well_formed(decrypted).map_err(|failure| match failure {
        crate::pbe::Failure::WrongPassword => wrong_password(),
        crate::pbe::Failure::Unusable(e) => Error::Pkcs12(format!("{e}")),
    })
}

/// Iterations for the key derivations and the MAC, as OpenSSL 3 writes by default.
pub const ITERATIONS: u32 = 2048;

/// A password-protected PKCS#12 file holding the key (`key_pkcs8`, PKCS#8 DER), `cert` and
/// the CA `chain` (issuer first), under the friendly name `alias`, as `openssl pkcs12 -export`
/// writes it.
pub fn bundle<R: CryptoRng + ?Sized>(
    key_pkcs8: &[u8],
    cert: &Certificate,
    chain: &[Certificate],
    password: &str,
    alias: &str,
    rng: &mut R,
) -> Result<Vec<u8>, Error> {
    let der = |c: &Certificate| c.to_der().map_err(|e| Error::Build(e.to_string()));
    let chain = chain.iter().map(der).collect::<Result<Vec<_>, _>>()?;
    write(key_pkcs8, &der(cert)?, &chain, password, alias, rng)
}

/// [`bundle`] from DER: `key` is PKCS#8.
fn write<R: CryptoRng + ?Sized>(
    key: &[u8],
    cert: &[u8],
    chain: &[Vec<u8>],
    password: &str,
    alias: &str,
    rng: &mut R,
) -> Result<Vec<u8>, Error> {
    if password.is_empty() {
        return Err(Error::Form(
            "a PKCS#12 file needs a password (some importers refuse empty ones)".into(),
        ));
    }
    let build = |e: der::Error| Error::Build(format!("PKCS#12: {e}"));
    // localKeyId ties the key to its certificate: the certificate's SHA-1, as OpenSSL uses.
    let attributes = {
        let attribute = |oid, value: Any| -> Result<Attribute, Error> {
            Ok(Attribute {
                oid,
                values: SetOfVec::try_from(vec![value]).map_err(build)?,
            })
        };
        let name = Any::encode_from(&BmpString::from_utf8(alias).map_err(build)?).map_err(build)?;
        let id =
            Any::encode_from(&OctetString::new(sha1::Sha1::digest(cert).to_vec()).map_err(build)?)
                .map_err(build)?;
        SetOfVec::try_from(vec![
            attribute(FRIENDLY_NAME, name)?,
            attribute(LOCAL_KEY_ID, id)?,
        ])
        .map_err(build)?
    };
    let mut cert_bags = Vec::new();
    for (i, der) in std::iter::once(cert)
        .chain(chain.iter().map(Vec::as_slice))
        .enumerate()
    {
        let bag = CertBag {
            cert_id: X509_CERTIFICATE,
            cert_value: OctetString::new(der).map_err(build)?,
        };
        cert_bags.push(SafeBag {
            bag_id: CERT_BAG,
            bag_value: Any::encode_from(&bag).map_err(build)?,
            bag_attributes: (i == 0).then(|| attributes.clone()),
        });
    }
    let (algorithm, ciphertext) = encrypt(password, &cert_bags.to_der().map_err(build)?, rng)?;
    let certs = ContentInfo {
        content_type: ENCRYPTED_DATA,
        content: Any::encode_from(&EncryptedData {
            version: 0,
            content: EncryptedContentInfo {
                content_type: DATA,
                algorithm,
                encrypted_content: Some(OctetString::new(ciphertext).map_err(build)?),
            },
        })
        .map_err(build)?,
    };
    let (algorithm, ciphertext) = encrypt(password, key, rng)?;
    let key_bag = SafeBag {
        bag_id: SHROUDED_KEY_BAG,
        bag_value: Any::encode_from(&crate::pbe::EncryptedPrivateKeyInfo {
            algorithm,
            data: OctetString::new(ciphertext).map_err(build)?,
        })
        .map_err(build)?,
        bag_attributes: Some(attributes),
    };
    let keys = ContentInfo {
        content_type: DATA,
        content: Any::encode_from(
            &OctetString::new(vec![key_bag].to_der().map_err(build)?).map_err(build)?,
        )
        .map_err(build)?,
    };
    let auth_safe = vec![certs, keys].to_der().map_err(build)?;
    let mut salt = [0u8; 8];
    rng.fill_bytes(&mut salt);
    let mac = hmac::<sha2::Sha256>(password, &salt, ITERATIONS, &auth_safe)?;
    Pfx {
        version: 3,
        auth_safe: ContentInfo {
            content_type: DATA,
            content: Any::encode_from(&OctetString::new(auth_safe).map_err(build)?)
                .map_err(build)?,
        },
        mac_data: Some(MacData {
            mac: DigestInfo {
                algorithm: AlgorithmIdentifierOwned {
                    oid: SHA256,
                    parameters: Some(der::asn1::Null.into()),
                },
                digest: OctetString::new(mac).map_err(build)?,
            },
            mac_salt: OctetString::new(salt.to_vec()).map_err(build)?,
            iterations: ITERATIONS,
        }),
    }
    .to_der()
    .map_err(build)
}

/// PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) with a fresh salt and IV: the algorithm and the
/// ciphertext.
fn encrypt<R: CryptoRng + ?Sized>(
    password: &str,
    plaintext: &[u8],
    rng: &mut R,
) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), Error> {
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    rng.fill_bytes(&mut salt);
    rng.fill_bytes(&mut iv);
    crate::pbe::encrypt_pbes2(password, plaintext, &salt, &iv, ITERATIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file asking for billions of MAC iterations is refused at once, whatever the password.
    #[test]
    fn a_crafted_iteration_count_cannot_stall_the_page() {
        let p12 = include_bytes!("../../../tests/fixtures/leaf.p12");
        let mut pfx = Pfx::from_der(p12).unwrap();
        pfx.mac_data.as_mut().unwrap().iterations = u32::MAX;
        let crafted = pfx.to_der().unwrap();
        let started = std::time::Instant::now();
        let refused = contents(&crafted, "anything").unwrap_err().to_string();
        assert!(refused.contains("iterations"), "{refused}");
        assert!(started.elapsed().as_secs() < 1);
        assert!(contents(p12, "fixture").is_ok(), "the fixture itself opens");
    }

    /// RFC 7292's key derivation against a published vector (the PKCS#12 test set OpenSSL and
    /// BouncyCastle use): SHA-1, password "smeg", salt 0A58CF64530D823F, 1 iteration.
    #[test]
    fn the_key_derivation_matches_the_published_vectors() {
        let salt = [0x0a, 0x58, 0xcf, 0x64, 0x53, 0x0d, 0x82, 0x3f];
        let key = crate::pbe::pkcs12_kdf::<sha1::Sha1>(64, "smeg", &salt, 1, 1, 24);
        assert_eq!(
            crate::dn::hex(&key),
            "8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3"
        );
        let iv = crate::pbe::pkcs12_kdf::<sha1::Sha1>(64, "smeg", &salt, 2, 1, 8);
        assert_eq!(crate::dn::hex(&iv), "79993dfe048d3b76");
    }
}
