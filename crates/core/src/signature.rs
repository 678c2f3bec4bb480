//! Checking one signature: the cryptographic core of chain verification and CSR checks.
//! RSA PKCS#1 v1.5 and PSS, ECDSA on P-256, P-384 and P-521, Ed25519, DSA.

use const_oid::ObjectIdentifier as Oid;
use rsa::pkcs1::DecodeRsaPublicKey;
use serde::{Deserialize, Serialize};
use sha2::Digest;
use signature::hazmat::PrehashVerifier;
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

pub(crate) const RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
pub(crate) const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
pub(crate) const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
pub(crate) const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
pub(crate) const DSA: Oid = Oid::new_unwrap("1.2.840.10040.4.1");
/// NIST P-256.
pub const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
/// NIST P-384.
pub const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
/// NIST P-521.
pub const P521: Oid = Oid::new_unwrap("1.3.132.0.35");

/// Hash functions that appear in certificate signatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hash {
    /// SHA-1: broken for signatures, still found in old roots.
    Sha1,
    /// SHA-224.
    Sha224,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    fn from_digest_oid(oid: &Oid) -> Option<Hash> {
        Some(match crate::oids::dotted(oid).as_str() {
            "1.3.14.3.2.26" => Hash::Sha1,
            "2.16.840.1.101.3.4.2.4" => Hash::Sha224,
            "2.16.840.1.101.3.4.2.1" => Hash::Sha256,
            "2.16.840.1.101.3.4.2.2" => Hash::Sha384,
            "2.16.840.1.101.3.4.2.3" => Hash::Sha512,
            _ => return None,
        })
    }

    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => sha1::Sha1::digest(message).to_vec(),
            Hash::Sha224 => sha2::Sha224::digest(message).to_vec(),
            Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        }
    }
}

/// A signature algorithm certbench can check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// RSASSA-PKCS1-v1_5 with this hash.
    RsaPkcs1(Hash),
    /// RSASSA-PSS with this hash.
    RsaPss(Hash),
    /// ECDSA with this hash.
    Ecdsa(Hash),
    /// Ed25519 (pure, no pre-hash).
    Ed25519,
    /// DSA with this hash (FIPS 186; RFC 3279, RFC 5758): checked by certbench's own code only.
    Dsa(Hash),
    /// ML-DSA (FIPS 204) of this parameter set (44, 65, 87), pure, with an empty context as
    /// X.509 uses it (draft-ietf-lamps-dilithium-certificates §3): certbench's own code only.
    MlDsa(u8),
}

impl Algorithm {
    /// Reads a signature `AlgorithmIdentifier` (RFC 5280 section 4.1.1.2).
    pub fn from_identifier(alg: &AlgorithmIdentifierOwned) -> Result<Algorithm, SignatureError> {
        let unsupported = || SignatureError::UnsupportedAlgorithm(crate::oids::name(&alg.oid));
        Ok(match crate::oids::dotted(&alg.oid).as_str() {
            "1.2.840.113549.1.1.5" => Algorithm::RsaPkcs1(Hash::Sha1),
            "1.2.840.113549.1.1.14" => Algorithm::RsaPkcs1(Hash::Sha224),
            "1.2.840.113549.1.1.11" => Algorithm::RsaPkcs1(Hash::Sha256),
            "1.2.840.113549.1.1.12" => Algorithm::RsaPkcs1(Hash::Sha384),
            "1.2.840.113549.1.1.13" => Algorithm::RsaPkcs1(Hash::Sha512),
            "1.2.840.10045.4.1" => Algorithm::Ecdsa(Hash::Sha1),
            "1.2.840.10045.4.3.1" => Algorithm::Ecdsa(Hash::Sha224),
            "1.2.840.10045.4.3.2" => Algorithm::Ecdsa(Hash::Sha256),
            "1.2.840.10045.4.3.3" => Algorithm::Ecdsa(Hash::Sha384),
            "1.2.840.10045.4.3.4" => Algorithm::Ecdsa(Hash::Sha512),
            "1.3.101.112" => Algorithm::Ed25519,
            "1.2.840.10040.4.3" => Algorithm::Dsa(Hash::Sha1),
            "2.16.840.1.101.3.4.3.1" => Algorithm::Dsa(Hash::Sha224),
            "2.16.840.1.101.3.4.3.2" => Algorithm::Dsa(Hash::Sha256),
            "2.16.840.1.101.3.4.3.17" => Algorithm::MlDsa(44),
            "2.16.840.1.101.3.4.3.18" => Algorithm::MlDsa(65),
            "2.16.840.1.101.3.4.3.19" => Algorithm::MlDsa(87),
            "1.2.840.113549.1.1.10" => {
                let params = alg.parameters.as_ref().ok_or_else(unsupported)?;
                let params = params
                    .decode_as::<pkcs1::RsaPssParamsOwned>()
                    .map_err(|_| unsupported())?;
                Algorithm::RsaPss(Hash::from_digest_oid(&params.hash.oid).ok_or_else(unsupported)?)
            }
            _ => return Err(unsupported()),
        })
    }

    /// The hash it signs with, for the SHA-1 warning.
    pub fn hash(self) -> Option<Hash> {
        match self {
            Algorithm::RsaPkcs1(h)
            | Algorithm::RsaPss(h)
            | Algorithm::Ecdsa(h)
            | Algorithm::Dsa(h) => Some(h),
            Algorithm::Ed25519 | Algorithm::MlDsa(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// Why a signature check did not succeed.
pub enum SignatureError {
    /// An algorithm certbench does not check (named).
    UnsupportedAlgorithm(String),
    /// The key type does not fit the signature algorithm (e.g. an EC key for an RSA signature).
    KeyMismatch,
    /// The public key could not be read.
    BadKey(String),
    /// The signature does not verify.
    Invalid,
    /// The engine at hand could not make this check (the browser's WebCrypto lacks the hash,
    /// or will not import the key): neither valid nor invalid.
    NotChecked(String),
}

impl std::fmt::Display for SignatureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignatureError::UnsupportedAlgorithm(name) => {
                write!(f, "signature algorithm {name} is not supported")
            }
            SignatureError::KeyMismatch => {
                f.write_str("the issuer's key type does not match the signature algorithm")
            }
            SignatureError::BadKey(detail) => {
                write!(f, "the issuer's public key is malformed: {detail}")
            }
            SignatureError::Invalid => {
                f.write_str("the signature does not verify with the issuer's public key")
            }
            SignatureError::NotChecked(why) => {
                write!(f, "the signature could not be checked here: {why}")
            }
        }
    }
}

/// One signature check, owned: what a certificate, CSR or CRL asks to have verified, ready for
/// [`verify`] here or for the browser's engine ([`crate::webcrypto`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The signature algorithm, as the signed structure names it.
    pub algorithm: AlgorithmIdentifierOwned,
    /// The signer's public key.
    pub key: SubjectPublicKeyInfoOwned,
    /// The bytes signed (the DER of the TBS part).
    pub message: Vec<u8>,
    /// The signature.
    pub signature: Vec<u8>,
}

impl Check {
    /// `cert` signed by the key of `issuer` (RFC 5280 section 6.1.3 (a)(1)).
    pub fn certificate<P: x509_cert::certificate::Profile>(
        cert: &x509_cert::certificate::CertificateInner<P>,
        issuer: &SubjectPublicKeyInfoOwned,
    ) -> Result<Check, SignatureError> {
        Check::new(
            cert.signature_algorithm(),
            issuer,
            signed_tbs(cert.tbs_certificate()).map_err(|_| SignatureError::Invalid)?,
            cert.signature(),
        )
    }

    /// A CSR signed by the key it carries (PKCS#10 proof of possession).
    pub fn csr(req: &x509_cert::request::CertReq) -> Result<Check, SignatureError> {
        Check::new(
            &req.algorithm,
            &req.info.public_key,
            der::Encode::to_der(&req.info).map_err(|_| SignatureError::Invalid)?,
            &req.signature,
        )
    }

    /// A CRL signed by the key of `issuer` (RFC 5280 section 6.3.3 (f)).
    pub fn crl(
        list: &x509_cert::crl::CertificateList,
        issuer: &SubjectPublicKeyInfoOwned,
    ) -> Result<Check, SignatureError> {
        Check::new(
            &list.signature_algorithm,
            issuer,
            der::Encode::to_der(&list.tbs_cert_list).map_err(|_| SignatureError::Invalid)?,
            &list.signature,
        )
    }

    /// An OCSP response signed by the key of `signer` (RFC 6960 section 4.2.1), over its
    /// tbsResponseData as received.
    #[cfg(feature = "ocsp")]
    pub fn ocsp(
        basic: &crate::ocsp::BasicOcspResponse,
        signer: &SubjectPublicKeyInfoOwned,
    ) -> Result<Check, SignatureError> {
        Check::new(
            &basic.signature_algorithm,
            signer,
            basic.tbs_der().map_err(|_| SignatureError::Invalid)?,
            &basic.signature,
        )
    }

    fn new(
        algorithm: &AlgorithmIdentifierOwned,
        key: &SubjectPublicKeyInfoOwned,
        message: Vec<u8>,
        signature: &der::asn1::BitString,
    ) -> Result<Check, SignatureError> {
        Ok(Check {
            algorithm: algorithm.clone(),
            key: key.clone(),
            message,
            signature: signature
                .as_bytes()
                .ok_or(SignatureError::Invalid)?
                .to_vec(),
        })
    }

    /// Verifies it with certbench's own (RustCrypto) implementations.
    pub fn run(&self) -> Result<(), SignatureError> {
        verify(&self.algorithm, &self.key, &self.message, &self.signature)
    }
}

/// The TBS certificate as its issuer signed it. x509-cert re-encodes validity times before 2050
/// as UTCTime (RFC 5280 section 4.1.2.5), but CAs have signed GeneralizedTime ones (Certum
/// Trusted Network CA 2, a Mozilla root, does): re-encoded, such a signature would no longer
/// verify. So the validity goes back in as it was read.
fn signed_tbs<P: x509_cert::certificate::Profile>(
    tbs: &x509_cert::certificate::TbsCertificateInner<P>,
) -> der::Result<Vec<u8>> {
    use der::{Decode, Encode};
    let encoded = tbs.to_der()?;
    let validity = tbs.validity();
    let as_read = [validity.not_before.to_der()?, validity.not_after.to_der()?].concat();
    let mut read =
        der::Header::new(der::Tag::Sequence, der::Length::try_from(as_read.len())?).to_der()?;
    read.extend_from_slice(&as_read);
    let adjusted = validity.to_der()?;
    if adjusted == read {
        return Ok(encoded);
    }
    // The validity follows the version, serial, signature algorithm and issuer.
    let header_len = usize::try_from(
        der::Header::decode(&mut der::SliceReader::new(&encoded)?)?.encoded_len()?,
    )?;
    let version_len = match tbs.version() {
        x509_cert::Version::V1 => 0,
        _ => 5,
    };
    let at = header_len
        + version_len
        + usize::try_from(tbs.serial_number().encoded_len()?)?
        + usize::try_from(tbs.signature().encoded_len()?)?
        + usize::try_from(tbs.issuer().encoded_len()?)?;
    if encoded.get(at..at + adjusted.len()) != Some(adjusted.as_slice()) {
        return Err(der::Tag::Sequence.value_error().into());
    }
    let body = [
        encoded
            .get(header_len..at)
            .ok_or(der::Tag::Sequence.length_error())?,
        &read,
        encoded
            .get(at + adjusted.len()..)
            .ok_or(der::Tag::Sequence.length_error())?,
    ]
    .concat();
    let mut out =
        der::Header::new(der::Tag::Sequence, der::Length::try_from(body.len())?).to_der()?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// The named curve of an EC public key.
pub(crate) fn named_curve(spki: &SubjectPublicKeyInfoOwned) -> Result<Oid, SignatureError> {
    spki.algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<Oid>().ok())
        .ok_or_else(|| match &spki.algorithm.parameters {
            // Explicit parameters (RFC 5480 forbids them): not checked, which is no verdict.
            Some(p) if der::Tagged::tag(p) == der::Tag::Sequence => {
                SignatureError::UnsupportedAlgorithm(
                    "EC keys with explicit curve parameters".into(),
                )
            }
            _ => SignatureError::BadKey("no named curve".into()),
        })
}

/// The salt length of RSA-PSS parameters, with MGF1 over the message's hash (the only form
/// WebCrypto and the rsa crate check). OpenSSL's RSA-PSS keys sign with the longest salt, not
/// the hash's length.
pub(crate) fn pss_salt_length(alg: &AlgorithmIdentifierOwned) -> Result<u32, SignatureError> {
    let unsupported = || SignatureError::UnsupportedAlgorithm("these RSA-PSS parameters".into());
    let params = alg
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<pkcs1::RsaPssParamsOwned>().ok())
        .ok_or_else(unsupported)?;
    let mgf_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .map(|p| p.oid)
        .ok_or_else(unsupported)?;
    (mgf_hash == params.hash.oid)
        .then_some(u32::from(params.salt_len))
        .ok_or_else(unsupported)
}

/// An RSA signature over `digest` with hash `D`: PSS with `pss` salt bytes, or PKCS#1 v1.5.
fn rsa_verify<D>(
    key: &rsa::PublicKey,
    pss: Option<usize>,
    digest: &[u8],
    signature: &[u8],
) -> rsa::Result<()>
where
    D: sha2::Digest + const_oid::AssociatedOid + sha2::digest::FixedOutputReset,
{
    match pss {
        Some(salt) => key.verify(rsa::pss::Pss::<D>::new_with_salt(salt), digest, signature),
        None => key.verify(rsa::Pkcs1v15Sign::new::<D>(), digest, signature),
    }
}

/// Checks `signature` over `message` by the key in `spki`.
pub fn verify(
    alg: &AlgorithmIdentifierOwned,
    spki: &SubjectPublicKeyInfoOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    let algorithm = Algorithm::from_identifier(alg)?;
    let key_bytes = spki
        .subject_public_key
        .as_bytes()
        .ok_or(SignatureError::BadKey("unused bits".into()))?;
    let key_oid = spki.algorithm.oid;
    match algorithm {
        Algorithm::RsaPkcs1(hash) | Algorithm::RsaPss(hash) => {
            if key_oid != RSA && key_oid != RSA_PSS {
                return Err(SignatureError::KeyMismatch);
            }
            let key = rsa::PublicKey::from_pkcs1_der(key_bytes)
                .map_err(|e| SignatureError::BadKey(e.to_string()))?;
            let pss = match algorithm {
                Algorithm::RsaPss(_) => Some(pss_salt_length(alg)? as usize),
                _ => None,
            };
            let digest = hash.digest(message);
            let result = match hash {
                Hash::Sha1 => rsa_verify::<sha1::Sha1>(&key, pss, &digest, signature),
                Hash::Sha224 => rsa_verify::<sha2::Sha224>(&key, pss, &digest, signature),
                Hash::Sha256 => rsa_verify::<sha2::Sha256>(&key, pss, &digest, signature),
                Hash::Sha384 => rsa_verify::<sha2::Sha384>(&key, pss, &digest, signature),
                Hash::Sha512 => rsa_verify::<sha2::Sha512>(&key, pss, &digest, signature),
            };
            result.map_err(|_| SignatureError::Invalid)
        }
        Algorithm::Ecdsa(hash) => {
            if key_oid != EC_PUBLIC_KEY {
                return Err(SignatureError::KeyMismatch);
            }
            let curve = named_curve(spki)?;
            let digest = hash.digest(message);
            let bad_key = |e: ecdsa::Error| SignatureError::BadKey(e.to_string());
            let ok = if curve == P256 {
                let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes).map_err(bad_key)?;
                let sig = p256::ecdsa::DerSignature::from_bytes(signature)
                    .map_err(|_| SignatureError::Invalid)?;
                key.verify_prehash(&digest, &sig).is_ok()
            } else if curve == P384 {
                let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes).map_err(bad_key)?;
                let sig = p384::ecdsa::DerSignature::from_bytes(signature)
                    .map_err(|_| SignatureError::Invalid)?;
                key.verify_prehash(&digest, &sig).is_ok()
            } else if curve == P521 {
                let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes).map_err(bad_key)?;
                let sig = p521::ecdsa::DerSignature::from_bytes(signature)
                    .map_err(|_| SignatureError::Invalid)?;
                key.verify_prehash(&digest, &sig).is_ok()
            } else {
                return Err(SignatureError::UnsupportedAlgorithm(format!(
                    "ECDSA on {}",
                    crate::oids::name(&curve)
                )));
            };
            ok.then_some(()).ok_or(SignatureError::Invalid)
        }
        Algorithm::Ed25519 => {
            if key_oid != ED25519 {
                return Err(SignatureError::KeyMismatch);
            }
            let bytes: [u8; 32] = key_bytes
                .try_into()
                .map_err(|_| SignatureError::BadKey("not 32 bytes".into()))?;
            let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                .map_err(|e| SignatureError::BadKey(e.to_string()))?;
            let sig = ed25519_dalek::Signature::from_slice(signature)
                .map_err(|_| SignatureError::Invalid)?;
            key.verify_strict(message, &sig)
                .map_err(|_| SignatureError::Invalid)
        }
        Algorithm::MlDsa(level) => {
            if key_oid != alg.oid {
                return Err(SignatureError::KeyMismatch);
            }
            ml_dsa_verify(level, key_bytes, message, signature)
        }
        Algorithm::Dsa(hash) => {
            if key_oid != DSA {
                return Err(SignatureError::KeyMismatch);
            }
            if spki.algorithm.parameters.is_none() {
                // RFC 3279 section 2.3.2: the parameters would be inherited from the issuer.
                return Err(SignatureError::UnsupportedAlgorithm(
                    "DSA keys that inherit their parameters from the issuer".into(),
                ));
            }
            let spki_der =
                der::Encode::to_der(spki).map_err(|e| SignatureError::BadKey(e.to_string()))?;
            let spki_ref = spki::SubjectPublicKeyInfoRef::try_from(spki_der.as_slice())
                .map_err(|e| SignatureError::BadKey(e.to_string()))?;
            let key = dsa::VerifyingKey::try_from(spki_ref)
                .map_err(|e| SignatureError::BadKey(e.to_string()))?;
            let sig = dsa::Signature::try_from(signature).map_err(|_| SignatureError::Invalid)?;
            key.verify_prehash(&hash.digest(message), &sig)
                .map_err(|_| SignatureError::Invalid)
        }
    }
}

/// An ML-DSA signature of parameter set `level` checked with the encoded public key `key`.
#[cfg(feature = "pq")]
fn ml_dsa_verify(
    level: u8,
    key: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), SignatureError> {
    use ml_dsa::{
        EncodedSignature, EncodedVerifyingKey, MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Signature,
        VerifyingKey,
    };
    fn check<P: MlDsaParams>(
        key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), SignatureError> {
        let key = EncodedVerifyingKey::<P>::try_from(key).map_err(|_| {
            SignatureError::BadKey(format!(
                "not the {}-byte key of this parameter set",
                core::mem::size_of::<EncodedVerifyingKey<P>>()
            ))
        })?;
        let encoded =
            EncodedSignature::<P>::try_from(signature).map_err(|_| SignatureError::Invalid)?;
        let signature = Signature::<P>::decode(&encoded).ok_or(SignatureError::Invalid)?;
        VerifyingKey::<P>::decode(&key)
            .verify_with_context(message, &[], &signature)
            .then_some(())
            .ok_or(SignatureError::Invalid)
    }
    match level {
        44 => check::<MlDsa44>(key, message, signature),
        65 => check::<MlDsa65>(key, message, signature),
        _ => check::<MlDsa87>(key, message, signature),
    }
}

#[cfg(not(feature = "pq"))]
fn ml_dsa_verify(level: u8, _: &[u8], _: &[u8], _: &[u8]) -> Result<(), SignatureError> {
    Err(SignatureError::NotChecked(format!(
        "ML-DSA-{level} is not in this build"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Certum Trusted Network CA 2 (a Mozilla root) carries its validity as GeneralizedTime
    /// though both dates are before 2050; re-encoded as UTCTime its self-signature failed.
    #[test]
    fn a_generalized_time_before_2050_keeps_its_signature() {
        let pem = include_str!("../data/mozilla-roots.pem");
        let roots = crate::decode::read_certificates(pem.as_bytes()).unwrap();
        let certum = roots
            .iter()
            .find(|c| {
                c.tbs_certificate()
                    .subject()
                    .to_string()
                    .contains("CN=Certum Trusted Network CA 2")
            })
            .unwrap();
        assert!(matches!(
            certum.tbs_certificate().validity().not_before,
            x509_cert::time::Time::GeneralTime(_)
        ));
        let check = Check::certificate(certum, certum.tbs_certificate().subject_public_key_info());
        assert_eq!(check.and_then(|c| c.run()), Ok(()));
        // Every root of the store verifies its own signature.
        for root in &roots {
            let key = root.tbs_certificate().subject_public_key_info();
            assert_eq!(
                Check::certificate(root, key).and_then(|c| c.run()),
                Ok(()),
                "{}",
                root.tbs_certificate().subject()
            );
        }
    }
}
