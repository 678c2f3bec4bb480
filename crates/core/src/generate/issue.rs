//! Issuing a certificate from a request: checks, serial, validity, the builder, and the
//! files it is saved as.

use super::KeyPair;
use super::extensions::{FixedProfile, key_identifier, profile_extensions};
use super::request::{IssuedBy, Profile, Request};
use crate::input::pem;
use crate::{dn, error::Error, time::UnixTime};
use const_oid::db::rfc5912::RSA_ENCRYPTION;
use der::Encode;
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use x509_cert::{
    Certificate, builder::CertificateBuilder, name::Name, serial_number::SerialNumber,
    spki::SubjectPublicKeyInfoOwned, time::Validity,
};

/// Builds and signs one certificate for `subject_key` (the public key it certifies).
pub fn issue<R: CryptoRng + ?Sized>(
    request: &Request,
    subject_key: &SubjectPublicKeyInfoOwned,
    by: IssuedBy<'_>,
    now: UnixTime,
    rng: &mut R,
) -> Result<Certificate, Error> {
    require_san(request)?;
    build(
        request,
        request.subject.to_name()?,
        subject_key,
        by,
        now,
        rng,
    )
}

/// A server certificate is matched by its SANs only (RFC 6125): without one it is useless.
pub(super) fn require_san(request: &Request) -> Result<(), Error> {
    if request.profile == Profile::Server && request.san.is_empty() {
        return Err(Error::InvalidName(
            "a server certificate needs at least one SAN (DNS name or IP address)".into(),
        ));
    }
    Ok(())
}

/// `issue` with the subject name given verbatim (from a CSR, or built from the fields).
pub(super) fn build<R: CryptoRng + ?Sized>(
    request: &Request,
    subject: Name,
    subject_key: &SubjectPublicKeyInfoOwned,
    by: IssuedBy<'_>,
    now: UnixTime,
    rng: &mut R,
) -> Result<Certificate, Error> {
    let key_id = key_identifier(subject_key)?;
    let (issuer, issuer_key_id, signer) = match by {
        IssuedBy::Itself(key) => {
            if !key.matches(subject_key) {
                return Err(Error::Key(
                    "a self-signed certificate must certify its own key".into(),
                ));
            }
            (subject.clone(), key_id.clone(), key)
        }
        IssuedBy::Ca { cert, key } => {
            check_ca(cert, key, now)?;
            let ca_key_id = key_identifier(cert.tbs_certificate().subject_public_key_info())?;
            // The issuer name is the CA's subject byte for byte: path validators compare bytes.
            (cert.tbs_certificate().subject().clone(), ca_key_id, key)
        }
    };
    let subject_is_rsa = subject_key.algorithm.oid == RSA_ENCRYPTION;
    let extensions = profile_extensions(request, subject_is_rsa, key_id, issuer_key_id)?;
    let profile = FixedProfile {
        subject,
        issuer,
        extensions,
    };
    let builder = CertificateBuilder::new(
        profile,
        random_serial(rng)?,
        validity(request.not_before, request.not_after)?,
        subject_key.clone(),
    )
    .map_err(|e| Error::Build(e.to_string()))?;
    signer.sign(builder)
}

/// A CA certificate and key must belong together, be a CA, and be valid now.
pub(super) fn check_ca(cert: &Certificate, key: &KeyPair, now: UnixTime) -> Result<(), Error> {
    let tbs = cert.tbs_certificate();
    if !key.matches(tbs.subject_public_key_info()) {
        return Err(Error::Key(
            "the CA key does not match the CA certificate's public key".into(),
        ));
    }
    let exts =
        crate::decode::ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default());
    if !exts.is_ca {
        return Err(Error::Build(format!(
            "{} is not a CA certificate (basicConstraints CA:TRUE is missing)",
            dn::rfc4514(tbs.subject())
        )));
    }
    let not_after = UnixTime::from(&tbs.validity().not_after);
    if now > not_after {
        return Err(Error::Build(format!(
            "the CA certificate expired on {not_after}; certificates it signs would not validate"
        )));
    }
    Ok(())
}

/// 16 random bytes, positive and minimally encoded (RFC 5280 section 4.1.2.2; CA/B wants ≥ 64 bits).
pub(super) fn random_serial<R: CryptoRng + ?Sized>(rng: &mut R) -> Result<SerialNumber, Error> {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    SerialNumber::new(&bytes).map_err(|e| Error::Build(e.to_string()))
}

pub(super) fn validity(not_before: UnixTime, not_after: UnixTime) -> Result<Validity, Error> {
    // RFC 5280 section 4.1.2.5: dates through 2049 are UTCTime, whose years start at 1950.
    const FIRST: UnixTime = UnixTime(-631_152_000); // 1950-01-01T00:00:00Z
    let time = |t: UnixTime| {
        t.to_x509().filter(|_| t >= FIRST).ok_or_else(|| {
            Error::Build(format!(
                "{t} is outside the dates a certificate can hold (1950 to 9999)"
            ))
        })
    };
    if not_after < not_before {
        return Err(Error::Build(format!(
            "it would end ({not_after}) before it starts ({not_before})"
        )));
    }
    Ok(Validity::new(time(not_before)?, time(not_after)?))
}

/// A certificate with its key, ready to save.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Issued {
    /// The certificate, PEM.
    pub cert_pem: String,
    /// Its private key, PKCS#8 PEM.
    pub key_pem: String,
    #[serde(skip)]
    /// The certificate, DER.
    pub cert_der: Vec<u8>,
}

/// A self-signed TLS leaf with a new or given key: the one-click dev certificate.
pub fn self_signed<R: CryptoRng + ?Sized>(
    request: &Request,
    key: &KeyPair,
    rng: &mut R,
) -> Result<Issued, Error> {
    let cert = issue(
        request,
        &key.public_key_info()?,
        IssuedBy::Itself(key),
        request.not_before,
        rng,
    )?;
    let cert_der = cert.to_der().map_err(|e| Error::Build(e.to_string()))?;
    Ok(Issued {
        cert_pem: pem("CERTIFICATE", &cert_der)?,
        key_pem: key.pkcs8_pem()?,
        cert_der,
    })
}

/// The files a certificate is saved as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainFiles {
    /// The certificate, PEM.
    pub cert_pem: String,
    /// The CA certificates as given (intermediates and root): what clients may need to trust.
    pub chain_pem: String,
    /// The certificate and the CA certificates that are not self-signed roots: what a server
    /// sends (Let's Encrypt's fullchain.pem).
    pub fullchain_pem: String,
}

/// The files `cert` is saved as, with the CA certificates that issued it (issuer first).
pub fn chain_files(cert: &Certificate, ca_chain: &[Certificate]) -> Result<ChainFiles, Error> {
    let to_pem = |c: &Certificate| {
        pem(
            "CERTIFICATE",
            &c.to_der().map_err(|e| Error::Build(e.to_string()))?,
        )
    };
    let cert_pem = to_pem(cert)?;
    let mut chain_pem = String::new();
    let mut fullchain_pem = cert_pem.clone();
    for ca in ca_chain {
        let ca_pem = to_pem(ca)?;
        chain_pem.push_str(&ca_pem);
        if ca.tbs_certificate().subject() != ca.tbs_certificate().issuer() {
            fullchain_pem.push_str(&ca_pem);
        }
    }
    Ok(ChainFiles {
        cert_pem,
        chain_pem,
        fullchain_pem,
    })
}
