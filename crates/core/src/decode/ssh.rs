//! OpenSSH keys, certificates and private-key files: what `ssh-keygen -l` and `ssh-keygen -L`
//! print, and the key as X.509 sees it where it has a twin there.

use super::key::{PublicKeyReport, public_key};
use crate::signature::SignatureError;
use crate::ssh::{self, Certificate, Key, Line, PrivateKeyFile, SshError};
use crate::time::{Rfc3339, UnixTime};
use der::Decode;
use serde::{Deserialize, Serialize};

/// An OpenSSH public key: a `.pub` file, or one line of `authorized_keys` or `known_hosts`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshKeyReport {
    /// The key type (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, `sk-…`).
    pub algorithm: String,
    /// Size in bits, as `ssh-keygen -l` prints it.
    pub bits: u32,
    /// The comment after the key.
    pub comment: Option<String>,
    /// `SHA256:…`, as `ssh-keygen -l` prints it.
    pub fingerprint_sha256: String,
    /// `MD5:aa:bb:…`, as `ssh-keygen -l -E md5` prints it.
    pub fingerprint_md5: String,
    /// The key as X.509 would carry it (with its JWK thumbprint); `None` for DSA and security
    /// keys.
    pub public_key: Option<PublicKeyReport>,
    /// A security key's FIDO application (`ssh:`).
    pub application: Option<String>,
    /// `authorized_keys` options before it (`no-pty`, `command="…"`).
    pub options: Vec<String>,
    /// `known_hosts` host patterns it is for.
    pub hosts: Vec<String>,
    /// A `known_hosts` marker (`@cert-authority`, `@revoked`).
    pub marker: Option<String>,
    /// The key line as OpenSSH writes it (`type base64 comment`), without options or hosts.
    pub openssh: String,
    /// For a private-key file: how its private part is protected; `None` for a public key.
    #[serde(default)]
    pub encryption: Option<SshEncryption>,
    /// The blocks of the same input that carry the same key.
    pub matches: Vec<usize>,
    /// Findings (see [`crate::lint`]).
    #[serde(default)]
    pub lint: Vec<crate::finding::Finding>,
}

/// How an OpenSSH private-key file's private part is protected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshEncryption {
    /// Encrypted with a passphrase.
    pub encrypted: bool,
    /// `none`, or the cipher (`aes256-ctr`).
    pub cipher: String,
    /// `none` or `bcrypt`.
    pub kdf: String,
    /// bcrypt's rounds (ssh-keygen's `-a`, 16 by default).
    pub rounds: Option<u32>,
    /// Decrypted with its passphrase (the comment is then known).
    #[serde(default)]
    pub decrypted: bool,
}

/// An OpenSSH certificate (`*-cert-v01@openssh.com`), as `ssh-keygen -L` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshCertificateReport {
    /// The certificate type (`ssh-ed25519-cert-v01@openssh.com`).
    pub algorithm: String,
    /// The certified key's size in bits.
    pub bits: u32,
    /// The comment after it.
    pub comment: Option<String>,
    /// The certified key's fingerprint, `SHA256:…` (what `ssh-keygen -l` prints for it).
    pub fingerprint_sha256: String,
    /// The certified key's fingerprint, `MD5:…`.
    pub fingerprint_md5: String,
    /// `user` or `host` (or the number, for another).
    pub cert_type: String,
    /// The key id (`-I`).
    pub key_id: String,
    /// The serial (`-z`).
    pub serial: u64,
    /// The names it is valid for (`-n`); none means any.
    pub principals: Vec<String>,
    /// Valid from, RFC 3339.
    pub valid_after: Rfc3339,
    /// Valid until, RFC 3339; `None` for forever.
    pub valid_before: Option<Rfc3339>,
    /// Critical options (`force-command`, `source-address`, …): name and value.
    pub critical_options: Vec<(String, String)>,
    /// Extensions (`permit-pty`, …): name and value (empty for flags).
    pub extensions: Vec<(String, String)>,
    /// The signing CA's key type.
    pub ca_algorithm: String,
    /// The signing CA's fingerprint, `SHA256:…`.
    pub ca_fingerprint_sha256: String,
    /// The signature algorithm (`ssh-ed25519`, `rsa-sha2-512`, …).
    pub signature_algorithm: String,
    /// The CA's key verifies the signature; `None` while pending or when certbench cannot
    /// check it (DSA, security keys).
    pub signature_valid: Option<bool>,
    /// Where the moment decoded for falls in the validity period.
    pub validity: super::Validity,
    /// The certified key: its type, the key as X.509 sees it, and the line's options, hosts
    /// and marker.
    pub key: SshKeyReport,
    /// Findings (see [`crate::lint`]).
    #[serde(default)]
    pub lint: Vec<crate::finding::Finding>,
}

/// The report of a public key blob.
fn key_report(name: &str, key: &Key, blob: &[u8], comment: Option<String>) -> SshKeyReport {
    let openssh = match &comment {
        Some(c) => format!("{name} {} {c}", base64(blob)),
        None => format!("{name} {}", base64(blob)),
    };
    SshKeyReport {
        algorithm: name.to_string(),
        bits: key.bits(),
        comment,
        fingerprint_sha256: ssh::fingerprint_sha256(blob),
        fingerprint_md5: ssh::fingerprint_md5(blob),
        public_key: key
            .parts()
            .and_then(|parts| spki::SubjectPublicKeyInfoOwned::from_der(&parts.spki()).ok())
            .map(|spki| public_key(&spki)),
        application: match key {
            Key::SkEcdsa { application, .. } | Key::SkEd25519 { application, .. } => {
                Some(application.clone())
            }
            _ => None,
        },
        options: Vec::new(),
        hosts: Vec::new(),
        marker: None,
        openssh,
        encryption: None,
        matches: Vec::new(),
        lint: Vec::new(),
    }
}

fn base64(bytes: &[u8]) -> String {
    use base64ct::Encoding as _;
    base64ct::Base64::encode_string(bytes)
}

/// A key line's report: a key, or a certificate.
pub fn line(line: &Line, blob: &[u8], now: UnixTime) -> Result<super::Report, SshError> {
    if line.name.ends_with("-cert-v01@openssh.com") {
        let mut report = certificate(&Certificate::from_blob(blob)?, now);
        report.comment = line.comment.clone();
        report.key.comment = line.comment.clone();
        report.key.options = line.options.clone();
        report.key.hosts = line.hosts.clone();
        report.key.marker = line.marker.clone();
        return Ok(super::Report::SshCertificate(Box::new(report)));
    }
    let (name, key) = Key::from_blob(blob)?;
    let mut report = key_report(&name, &key, blob, line.comment.clone());
    report.options = line.options.clone();
    report.hosts = line.hosts.clone();
    report.marker = line.marker.clone();
    Ok(super::Report::SshPublicKey(Box::new(report)))
}

/// A certificate's report, its signature still to be checked.
pub fn certificate(cert: &Certificate, now: UnixTime) -> SshCertificateReport {
    let time = |secs: u64| UnixTime(i64::try_from(secs).unwrap_or(i64::MAX));
    let valid_after = time(cert.valid_after);
    let valid_before = (cert.valid_before != u64::MAX).then(|| time(cert.valid_before));
    let validity = if now < valid_after {
        super::Validity::NotYetValid
    } else if valid_before.is_some_and(|before| now >= before) {
        super::Validity::Expired
    } else {
        super::Validity::Valid
    };
    let ca_algorithm = Key::from_blob(&cert.ca_blob)
        .map(|(name, _)| name)
        .unwrap_or_else(|e| format!("unreadable ({e})"));
    let key = key_report(&cert.key_name, &cert.key, &cert.key_blob, None);
    SshCertificateReport {
        algorithm: cert.name.clone(),
        bits: key.bits,
        comment: None,
        fingerprint_sha256: key.fingerprint_sha256.clone(),
        fingerprint_md5: key.fingerprint_md5.clone(),
        cert_type: match cert.cert_type {
            1 => "user".into(),
            2 => "host".into(),
            other => other.to_string(),
        },
        key_id: cert.key_id.clone(),
        serial: cert.serial,
        principals: cert.principals.clone(),
        valid_after: Rfc3339(valid_after),
        valid_before: valid_before.map(Rfc3339),
        critical_options: cert.critical_options.clone(),
        extensions: cert.extensions.clone(),
        key,
        ca_algorithm,
        ca_fingerprint_sha256: ssh::fingerprint_sha256(&cert.ca_blob),
        signature_algorithm: cert.signature_algorithm.clone(),
        signature_valid: None,
        validity,
        lint: Vec::new(),
    }
}

/// The check of a certificate's signature by its CA's key (the blob is the certificate's),
/// as X.509 signature checks are made: ssh-ed25519, ecdsa-sha2-nistp256/384/521 and
/// rsa-sha2-256/512 (and ssh-rsa, SHA-1); not DSA or security keys.
pub fn signature_check(blob: &[u8]) -> Result<crate::signature::Check, SignatureError> {
    use const_oid::ObjectIdentifier as Oid;
    let unreadable = |_| SignatureError::Invalid;
    let cert = Certificate::from_blob(blob).map_err(unreadable)?;
    let unsupported = || SignatureError::UnsupportedAlgorithm(cert.signature_algorithm.clone());
    let (_, ca) = Key::from_blob(&cert.ca_blob).map_err(unreadable)?;
    let parts = ca.parts().ok_or_else(unsupported)?;
    let key = spki::SubjectPublicKeyInfoOwned::from_der(&parts.spki())
        .map_err(|_| SignatureError::Invalid)?;
    let null = || Some(der::asn1::Null.into());
    let (oid, parameters, signature) = match cert.signature_algorithm.as_str() {
        "ssh-ed25519" => ("1.3.101.112", None, cert.signature.clone()),
        "ssh-rsa" => ("1.2.840.113549.1.1.5", null(), cert.signature.clone()),
        "rsa-sha2-256" => ("1.2.840.113549.1.1.11", null(), cert.signature.clone()),
        "rsa-sha2-512" => ("1.2.840.113549.1.1.13", null(), cert.signature.clone()),
        ecdsa @ ("ecdsa-sha2-nistp256" | "ecdsa-sha2-nistp384" | "ecdsa-sha2-nistp521") => {
            let oid = match ecdsa {
                "ecdsa-sha2-nistp256" => "1.2.840.10045.4.3.2",
                "ecdsa-sha2-nistp384" => "1.2.840.10045.4.3.3",
                _ => "1.2.840.10045.4.3.4",
            };
            // RFC 5656 §3.1.2: mpint r, mpint s; X.509 wants Ecdsa-Sig-Value.
            let (r, s) = ssh::ecdsa_signature(&cert.signature).map_err(unreadable)?;
            let der = crate::jose::seq(&[&crate::jose::integer(&r), &crate::jose::integer(&s)]);
            (oid, None, der)
        }
        _ => return Err(unsupported()),
    };
    let oid = Oid::new(oid).map_err(|_| SignatureError::Invalid)?;
    Ok(crate::signature::Check {
        algorithm: spki::AlgorithmIdentifierOwned { oid, parameters },
        key,
        message: cert.signed,
        signature,
    })
}

/// A private-key file's report, from the binary its PEM block holds.
pub fn private_key(bytes: &[u8]) -> Result<SshKeyReport, SshError> {
    let file = PrivateKeyFile::read(bytes)?;
    let (name, key) = Key::from_blob(&file.public_blob)?;
    let mut report = key_report(&name, &key, &file.public_blob, file.comment.clone());
    report.encryption = Some(SshEncryption {
        encrypted: file.cipher != "none",
        cipher: file.cipher,
        kdf: file.kdf,
        rounds: file.rounds,
        decrypted: false,
    });
    Ok(report)
}

/// An encrypted OpenSSH private-key block decrypted with `passphrase`: the same report with
/// its comment, marked decrypted.
pub fn decrypt(block: &super::Decoded, passphrase: &str) -> Result<super::Decoded, crate::Error> {
    use crate::Error;
    let super::Report::SshPrivateKey(report) = &block.report else {
        return Err(Error::Key(
            "this block is not an OpenSSH private key".into(),
        ));
    };
    let file = PrivateKeyFile::read(&block.der).map_err(|e| Error::Key(e.to_string()))?;
    let comment = file.decrypt(passphrase).map_err(|e| match e {
        ssh::Decryption::WrongPassphrase => Error::WrongPassword(
            "the OpenSSH private key: wrong passphrase (or a damaged file)".into(),
        ),
        ssh::Decryption::Unsupported(what) => Error::Key(format!(
            "the OpenSSH private key uses {what}, which certbench does not decrypt"
        )),
    })?;
    let mut report = report.clone();
    report.comment = Some(comment).filter(|c| !c.is_empty());
    if let Some(encryption) = &mut report.encryption {
        encryption.decrypted = true;
    }
    Ok(super::Decoded {
        report: super::Report::SshPrivateKey(report),
        ..block.clone()
    })
}
