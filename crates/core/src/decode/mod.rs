//! Decode: what each block of the input is, and everything it says.

pub mod cert;
pub mod container;
pub mod crypto;
#[cfg(feature = "ct")]
pub mod ct;
pub mod export;
pub mod ext;
#[cfg(feature = "jose")]
pub mod jwk;
pub mod key;
#[cfg(feature = "ocsp")]
pub mod ocsp;
pub mod overview;
mod read;
#[cfg(feature = "openssh")]
pub mod ssh;

use crate::dn;
use crate::error::{Error, Location};
use crate::input::{self, Block, Encoding};
use crate::time::{Rfc3339, UnixTime};
use der::Decode;
use serde::{Deserialize, Serialize};
use x509_cert::{crl::CertificateList, request::CertReq};
use zeroize::Zeroizing;

pub use cert::{CertificateReport, Validity};
pub use key::{KeyAlgorithm, KeyEncoding, KeyFormat, PrivateKeyReport, PublicKeyReport};
#[cfg(feature = "ocsp")]
pub use read::read_ocsp_responses;
pub use read::{Evidence, certificates_as_pem, read_certificates, read_crls};

/// One decoded block: where it was, and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decoded {
    /// The block number in the input, from 1.
    pub block: usize,
    /// For what a container opened with its password holds (a PKCS#12 file's keys and
    /// certificates): which of its items this is, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
    /// The PEM label (`CERTIFICATE`, …); `None` for DER or base64.
    pub label: Option<String>,
    /// The line the block starts on, for text input.
    pub line: Option<usize>,
    /// How the block was written: PEM, DER or base64.
    pub encoding: Encoding,
    #[serde(flatten)]
    /// What the block is, and everything it says.
    pub report: Report,
    /// The block's DER, for export and the ASN.1 view (not in JSON: it can be large).
    #[serde(skip)]
    pub der: Vec<u8>,
}

impl Decoded {
    /// An OpenSSH key's or certificate's line as OpenSSH writes it (`type base64 comment`).
    #[cfg(feature = "openssh")]
    pub fn openssh_line(&self) -> Option<String> {
        use base64ct::Encoding as _;
        let (name, comment) = match &self.report {
            Report::SshPublicKey(k) => (&k.algorithm, &k.comment),
            Report::SshCertificate(c) => (&c.algorithm, &c.comment),
            _ => return None,
        };
        let key = base64ct::Base64::encode_string(&self.der);
        Some(match comment {
            Some(comment) => format!("{name} {key} {comment}\n"),
            None => format!("{name} {key}\n"),
        })
    }

    /// The certificate this block is, if it is one.
    pub fn certificate(&self) -> Option<&CertificateReport> {
        match &self.report {
            Report::Certificate(c) => Some(c),
            _ => None,
        }
    }

    /// The certificates this block holds: itself, or those of a PKCS#7 bundle.
    pub fn certificates(&self) -> &[CertificateReport] {
        match &self.report {
            Report::Certificate(c) => std::slice::from_ref(c.as_ref()),
            Report::Pkcs7(bundle) => &bundle.certificates,
            _ => &[],
        }
    }

    /// The PEM label this block exports under: its kind's (a DER or base64 input gets one).
    pub fn pem_label(&self) -> &'static str {
        match &self.report {
            Report::Certificate(_) => "CERTIFICATE",
            Report::Csr(_) => "CERTIFICATE REQUEST",
            Report::PrivateKey(k) if k.format.encoding == KeyEncoding::EncryptedPkcs8 => {
                "ENCRYPTED PRIVATE KEY"
            }
            Report::PrivateKey(k) if k.format.encoding == KeyEncoding::Pkcs1 => "RSA PRIVATE KEY",
            Report::PrivateKey(k) if k.format.encoding == KeyEncoding::Sec1 => "EC PRIVATE KEY",
            Report::PrivateKey(k) if k.dek_info.is_some() => match self.label.as_deref() {
                Some("EC PRIVATE KEY") => "EC PRIVATE KEY",
                Some("DSA PRIVATE KEY") => "DSA PRIVATE KEY",
                _ => "RSA PRIVATE KEY",
            },
            Report::PrivateKey(_) => "PRIVATE KEY",
            Report::PublicKey(_) => "PUBLIC KEY",
            #[cfg(feature = "jose")]
            Report::Jwk(jwk) if jwk.private => "PRIVATE KEY",
            #[cfg(feature = "jose")]
            Report::Jwk(_) => "PUBLIC KEY",
            Report::Crl(_) => "X509 CRL",
            Report::Pkcs7(_) => "PKCS7",
            Report::Pkcs12(_) => "PKCS12",
            Report::Parameters(p) => match p.algorithm {
                key::KeyAlgorithm::Ec => "EC PARAMETERS",
                key::KeyAlgorithm::Dh => "DH PARAMETERS",
                _ => "DSA PARAMETERS",
            },
            #[cfg(feature = "openssh")]
            Report::SshPrivateKey(_) => "OPENSSH PRIVATE KEY",
            // Not PEM: [`Decoded::pem`] writes their OpenSSH line.
            #[cfg(feature = "openssh")]
            Report::SshPublicKey(_) | Report::SshCertificate(_) => "SSH2 PUBLIC KEY",
            #[cfg(feature = "ocsp")]
            Report::OcspRequest(_) => "OCSP REQUEST",
            #[cfg(feature = "ocsp")]
            Report::OcspResponse(_) => "OCSP RESPONSE",
        }
    }

    /// The block as PEM again. A legacy encrypted key keeps its `Proc-Type` and `DEK-Info`
    /// headers, without which it cannot be decrypted.
    pub fn pem(&self) -> Result<String, Error> {
        #[cfg(feature = "openssh")]
        if let Some(line) = self.openssh_line() {
            return Ok(line);
        }
        let pem = input::pem(self.pem_label(), &self.der)?;
        match &self.report {
            Report::PrivateKey(PrivateKeyReport {
                dek_info: Some(dek_info),
                ..
            }) => {
                let (begin, body) = pem.split_once('\n').unwrap_or((&pem, ""));
                Ok(format!(
                    "{begin}\nProc-Type: 4,ENCRYPTED\nDEK-Info: {dek_info}\n\n{body}"
                ))
            }
            _ => Ok(pem),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
/// What a block is, with everything it says; `kind` in JSON.
pub enum Report {
    /// An X.509 certificate.
    Certificate(Box<CertificateReport>),
    /// A PKCS#10 certificate signing request.
    Csr(CsrReport),
    /// A private key, plain or encrypted.
    PrivateKey(PrivateKeyReport),
    /// A public key (`PUBLIC KEY`, `RSA PUBLIC KEY`).
    PublicKey(PublicKeyReport),
    /// A JSON Web Key (RFC 7517), alone or one of a JWK Set's.
    #[cfg(feature = "jose")]
    Jwk(Box<jwk::JwkReport>),
    /// An OpenSSH public key (a `.pub` file, an `authorized_keys` or `known_hosts` line).
    #[cfg(feature = "openssh")]
    SshPublicKey(Box<ssh::SshKeyReport>),
    /// An OpenSSH private-key file (`-----BEGIN OPENSSH PRIVATE KEY-----`).
    #[cfg(feature = "openssh")]
    SshPrivateKey(Box<ssh::SshKeyReport>),
    /// An OpenSSH certificate (`*-cert-v01@openssh.com`).
    #[cfg(feature = "openssh")]
    SshCertificate(Box<ssh::SshCertificateReport>),
    /// A certificate revocation list.
    Crl(CrlReport),
    /// A PKCS#7 certificate bundle.
    Pkcs7(container::Pkcs7Report),
    /// A PKCS#12 file, before its password is given.
    Pkcs12(container::Pkcs12Report),
    /// EC, DH or DSA domain parameters.
    Parameters(key::ParametersReport),
    /// An OCSP request (RFC 6960).
    #[cfg(feature = "ocsp")]
    OcspRequest(ocsp::OcspRequestReport),
    /// An OCSP response (RFC 6960).
    #[cfg(feature = "ocsp")]
    OcspResponse(Box<ocsp::OcspResponseReport>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// What a CSR says, as `openssl req -text` shows it.
pub struct CsrReport {
    /// The subject, RFC 4514 text.
    pub subject: String,
    /// The subject's attributes one by one, with their string types.
    pub subject_attributes: Vec<dn::Attribute>,
    /// The public key the certificate would carry.
    pub public_key: PublicKeyReport,
    /// The signature algorithm, by OpenSSL's name.
    pub signature_algorithm: String,
    /// The CSR is signed by the key it carries (PKCS#10 proof of possession); `None` while
    /// the check is pending ([`crate::inspect::decode_structure`]).
    pub signature_valid: Option<bool>,
    /// The names it asks for (its subjectAltName).
    pub san: Vec<String>,
    /// Every extension it asks for, decoded.
    pub requested_extensions: Vec<ext::ExtensionReport>,
    /// The request's other attributes (`challengePassword`, `unstructuredName`), as `openssl
    /// req -text` lists them: name and each value as text (hex when not a string).
    pub attributes: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// What a CRL says, as `openssl crl -text` shows it.
pub struct CrlReport {
    /// The issuer, RFC 4514 text.
    pub issuer: String,
    /// 1 or 2 (the version field's value plus one; absent means 1).
    #[serde(default)]
    pub version: u8,
    /// thisUpdate, RFC 3339.
    pub this_update: Rfc3339,
    /// nextUpdate, RFC 3339, when given.
    pub next_update: Option<Rfc3339>,
    /// The signature algorithm, by OpenSSL's name.
    pub signature_algorithm: String,
    /// The revoked certificates (all, or the first window of a very long list).
    pub revoked: Vec<RevokedEntry>,
    /// How many certificates the CRL revokes: `revoked.len()`, unless the list crossed to a
    /// page that shows a CA's million entries a window at a time.
    #[serde(default)]
    pub revoked_count: usize,
    /// The CRL extensions (cRLNumber, authorityKeyIdentifier, …).
    pub extensions: Vec<ext::ExtensionReport>,
    /// The CRL's signature checked against a certificate of the same input named as its issuer;
    /// `None` when no such certificate is there (or while pending, [`crate::inspect::decode_structure`]).
    pub issuer_signature: Option<CrlSignatureCheck>,
    /// Findings (see [`crate::lint::crl`]).
    #[serde(default)]
    pub lint: Vec<crate::finding::Finding>,
}

/// Every revoked entry of the CRL whose DER `der` is; none when it is not a CRL.
pub fn revoked_entries(der: &[u8]) -> Vec<RevokedEntry> {
    match CertificateList::from_der(der) {
        Ok(list) => crl(&list).revoked,
        Err(_) => Vec::new(),
    }
}

/// RFC 5280 §6.3.3 (f)-(g): whether the issuer's key verifies the CRL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrlSignatureCheck {
    /// The block holding the issuer's certificate (the one that verified, else the first tried).
    pub issuer_block: usize,
    /// The issuer's key verifies the CRL's signature.
    pub valid: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// One revoked certificate of a CRL.
pub struct RevokedEntry {
    /// Its serial, lowercase hex.
    pub serial: String,
    /// When it was revoked, RFC 3339.
    pub date: Rfc3339,
    /// RFC 5280 section 5.3.1 reason (`keyCompromise`, …), when the entry gives one.
    pub reason: Option<String>,
}

/// Decodes every block of `input` without public-key arithmetic (signature checks and keys
/// derived from private ones wait for [`crypto::record`]) and without findings (judged by
/// [`crate::lint`]): [`crate::inspect`] does both. Keys whose public half is in their
/// structure are linked at once.
pub fn structure(input: &[u8], now: UnixTime) -> Result<Vec<Result<Decoded, Error>>, Error> {
    let mut blocks: Vec<Result<Decoded, Error>> = input::read_blocks(input)?
        .into_iter()
        .map(|block| decode_block(block?, now))
        .collect();
    link_keys(blocks.iter_mut().filter_map(|b| b.as_mut().ok()));
    Ok(blocks)
}

/// Fills each private key's `matches` with the blocks whose certificate or CSR carries its
/// public key. [`structure`] runs it; run it again once more keys are decrypted.
pub fn link_keys<'a>(blocks: impl IntoIterator<Item = &'a mut Decoded>) {
    let mut blocks: Vec<&mut Decoded> = blocks.into_iter().collect();
    // (block, public key hex, whether the block is a private key)
    let holders: Vec<(usize, String, bool)> = blocks
        .iter()
        .filter_map(|d| {
            let (public, private) = match &d.report {
                Report::Certificate(c) => (&c.public_key, false),
                Report::Csr(c) => (&c.public_key, false),
                #[cfg(feature = "jose")]
                Report::Jwk(jwk) => (&jwk.public_key, false),
                #[cfg(feature = "openssh")]
                Report::SshPublicKey(k) => (k.public_key.as_ref()?, false),
                #[cfg(feature = "openssh")]
                Report::SshCertificate(c) => (c.key.public_key.as_ref()?, false),
                #[cfg(feature = "openssh")]
                Report::SshPrivateKey(k) => (k.public_key.as_ref()?, true),
                Report::PrivateKey(PrivateKeyReport {
                    public_key: Some(public),
                    ..
                }) => (public, true),
                _ => return None,
            };
            Some((
                d.item.unwrap_or(d.block),
                public.public_hex.clone(),
                private,
            ))
        })
        .collect();
    for d in &mut blocks {
        let me = d.item.unwrap_or(d.block);
        // A private key goes with the certificates, CSRs, JWKs and SSH keys that carry its
        // public key; a JWK or an OpenSSH key with every other block of the same key.
        let (public, matches, with_private) = match &mut d.report {
            Report::PrivateKey(key) => (
                key.public_key.as_ref().map(|p| p.public_hex.clone()),
                &mut key.matches,
                false,
            ),
            #[cfg(feature = "jose")]
            Report::Jwk(jwk) => (
                Some(jwk.public_key.public_hex.clone()),
                &mut jwk.matches,
                true,
            ),
            #[cfg(feature = "openssh")]
            Report::SshPublicKey(k) | Report::SshPrivateKey(k) => (
                k.public_key.as_ref().map(|p| p.public_hex.clone()),
                &mut k.matches,
                true,
            ),
            _ => continue,
        };
        *matches = holders
            .iter()
            .filter(|(block, hex, private)| {
                *block != me
                    && (with_private || !private)
                    && public.as_deref().is_some_and(|p| !p.is_empty() && p == hex)
            })
            .map(|(block, ..)| *block)
            .collect();
    }
}

/// The plaintext DER of an encrypted private key block: PKCS#8 for `ENCRYPTED PRIVATE KEY`,
/// PKCS#1 or SEC1 for legacy encrypted PEM.
pub fn decrypt_key(encrypted: &Decoded, password: &str) -> Result<Zeroizing<Vec<u8>>, Error> {
    match &encrypted.report {
        Report::PrivateKey(PrivateKeyReport {
            dek_info: Some(dek_info),
            ..
        }) => crate::pbe::decrypt_legacy_pem(dek_info, &encrypted.der, password),
        Report::PrivateKey(key) if key.format.encoding == KeyEncoding::EncryptedPkcs8 => {
            crate::pbe::decrypt_pkcs8(&encrypted.der, password)
        }
        _ => Err(Error::Key(
            "this block is not an encrypted private key".into(),
        )),
    }
}

/// The keys and certificates inside a PKCS#12 block, opened with `password`, each reported
/// under that block's number, label and line, as [`structure`] reports them
/// ([`crate::inspect::open_pkcs12`] completes and judges them).
pub fn pkcs12_items(
    p12: &Decoded,
    password: &str,
    now: UnixTime,
) -> Result<Vec<Result<Decoded, Error>>, Error> {
    let mut contents = Vec::new();
    for der in crate::pkcs12::contents(&p12.der, password)? {
        for inner in structure(&der, now)? {
            let item = Some(contents.len() + 1);
            contents.push(inner.map(|inner| Decoded {
                block: p12.block,
                item,
                label: p12.label.clone(),
                line: p12.line,
                ..inner
            }));
        }
    }
    Ok(contents)
}

/// The report of a key just decrypted, from the decode of its plaintext.
pub fn decrypted_key(plain: Vec<Result<Decoded, Error>>) -> Result<Decoded, Error> {
    let mut decoded = plain
        .into_iter()
        .next()
        .ok_or(Error::NothingRecognisable)??;
    if let Report::PrivateKey(report) = &mut decoded.report {
        report.format.decrypted = true;
    }
    Ok(decoded)
}

/// The kind a PEM label announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Certificate,
    Csr,
    Pkcs8,
    EncryptedPkcs8,
    Pkcs1Private,
    Sec1,
    PublicKey,
    Pkcs1Public,
    Crl,
    Pkcs7,
    Pkcs12,
    Parameters(key::Parameters),
    #[cfg(feature = "ocsp")]
    OcspRequest,
    #[cfg(feature = "ocsp")]
    OcspResponse,
}

fn kind_of_label(label: &str) -> Option<Kind> {
    Some(match label {
        "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => Kind::Certificate,
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => Kind::Csr,
        "PRIVATE KEY" => Kind::Pkcs8,
        "ENCRYPTED PRIVATE KEY" => Kind::EncryptedPkcs8,
        "RSA PRIVATE KEY" => Kind::Pkcs1Private,
        "EC PRIVATE KEY" => Kind::Sec1,
        "PUBLIC KEY" => Kind::PublicKey,
        "RSA PUBLIC KEY" => Kind::Pkcs1Public,
        "X509 CRL" => Kind::Crl,
        "PKCS7" | "CMS" => Kind::Pkcs7,
        "PKCS12" => Kind::Pkcs12,
        "EC PARAMETERS" => Kind::Parameters(key::Parameters::Ec),
        "DH PARAMETERS" | "X9.42 DH PARAMETERS" => Kind::Parameters(key::Parameters::Dh),
        "DSA PARAMETERS" => Kind::Parameters(key::Parameters::Dsa),
        #[cfg(feature = "ocsp")]
        "OCSP REQUEST" => Kind::OcspRequest,
        #[cfg(feature = "ocsp")]
        "OCSP RESPONSE" => Kind::OcspResponse,
        _ => return None,
    })
}

/// Order in which unlabeled DER is tried: most common first, and each structure distinct
/// enough from the others that the first that parses is the right one.
const SNIFF_ORDER: &[Kind] = &[
    Kind::Certificate,
    Kind::Csr,
    Kind::Crl,
    Kind::Pkcs7,
    Kind::Pkcs12,
    Kind::Pkcs8,
    Kind::EncryptedPkcs8,
    Kind::PublicKey,
    Kind::Pkcs1Private,
    Kind::Sec1,
    #[cfg(feature = "ocsp")]
    Kind::OcspResponse,
    #[cfg(feature = "ocsp")]
    Kind::OcspRequest,
];

fn decode_block(block: Block, now: UnixTime) -> Result<Decoded, Error> {
    let Block {
        at,
        encoding,
        headers,
        der,
        native,
    } = block;
    if let Some(read) = native_report(&at, native.map(|n| *n), &der, now) {
        let (label, report) = read?;
        return Ok(Decoded {
            block: at.block,
            item: None,
            label,
            line: at.line,
            encoding,
            report,
            der,
        });
    }
    let der_error = |at: &Location, detail: String| Error::Der {
        at: at.clone(),
        detail,
    };
    if headers
        .iter()
        .any(|(k, v)| k == "Proc-Type" && v.contains("ENCRYPTED"))
    {
        let cipher = headers
            .iter()
            .find(|(k, _)| k == "DEK-Info")
            .map(|(_, v)| v.as_str())
            .unwrap_or("unknown cipher");
        let report = Report::PrivateKey(PrivateKeyReport {
            format: KeyEncoding::LegacyEncryptedPem.into(),
            encrypted: true,
            public_key: None,
            encryption: Some(format!(
                "OpenSSL legacy PEM encryption ({cipher}), MD5-based key derivation"
            )),
            dek_info: Some(cipher.to_string()),
            matches: Vec::new(),
            private_form: None,
        });
        return Ok(Decoded {
            block: at.block,
            item: None,
            label: at.label.clone(),
            line: at.line,
            encoding,
            report,
            der,
        });
    }
    // TRUSTED CERTIFICATE carries OpenSSL trust settings after the certificate: read only the first TLV.
    let whole = if at.label.as_deref() == Some("TRUSTED CERTIFICATE") {
        input::outer_length(&der)
            .ok()
            .and_then(|len| der.get(..len))
            .map(<[u8]>::to_vec)
            .unwrap_or_else(|| der.clone())
    } else {
        der
    };
    input::check_whole(&whole).map_err(|problem| der_error(&at, problem.to_string()))?;
    let report = match at.label.as_deref() {
        Some(label) => {
            let kind = kind_of_label(label).ok_or_else(|| Error::UnsupportedKind {
                at: at.clone(),
                detail: format!("`{label}` blocks are not supported yet; certbench reads certificates, CSRs, keys, CRLs, PKCS#7, PKCS#12 and EC, DH and DSA parameters"),
            })?;
            report_as(kind, &whole, now)
                .map_err(|e| der_error(&at, format!("not a valid {label}: {e}")))?
        }
        None => SNIFF_ORDER
            .iter()
            .find_map(|&kind| report_as(kind, &whole, now).ok())
            .ok_or_else(|| Error::UnsupportedKind {
                at: at.clone(),
                detail: "well-formed DER, but not a certificate, CSR, CRL, key or public key"
                    .into(),
            })?,
    };
    Ok(Decoded {
        block: at.block,
        item: None,
        label: at.label,
        line: at.line,
        encoding,
        report,
        der: whole,
    })
}

/// The report (and PEM label) of a block not written in ASN.1: a JWK, an OpenSSH key line or
/// private-key file; `None` for any other block.
fn native_report(
    at: &Location,
    native: Option<input::Native>,
    der: &[u8],
    now: UnixTime,
) -> Option<Result<(Option<String>, Report), Error>> {
    #[cfg(not(feature = "openssh"))]
    let _ = (der, now);
    #[cfg(not(any(feature = "jose", feature = "openssh")))]
    let _ = (at, native);
    #[cfg(feature = "openssh")]
    if let Some(input::Native::Ssh(line)) = &native {
        return Some(
            ssh::line(line, der, now)
                .map(|report| (None, report))
                .map_err(|e| Error::Ssh {
                    at: at.clone(),
                    detail: format!("the `{}` key: {e}", line.name),
                }),
        );
    }
    #[cfg(feature = "openssh")]
    if at.label.as_deref() == Some("OPENSSH PRIVATE KEY") {
        return Some(
            ssh::private_key(der)
                .map(|report| (at.label.clone(), Report::SshPrivateKey(Box::new(report))))
                .map_err(|e| Error::Ssh {
                    at: at.clone(),
                    detail: format!("not an OpenSSH private key file: {e}"),
                }),
        );
    }
    #[cfg(feature = "jose")]
    if let Some(input::Native::Jwk(members)) = native {
        return Some(
            jwk::report(&members)
                .map(|report| (None, Report::Jwk(Box::new(report))))
                .map_err(|e| Error::Jwk {
                    at: at.clone(),
                    detail: format!("the key its members make does not read back: {e}"),
                }),
        );
    }
    None
}

/// `read` of `der`, or, when `der` is not strict DER (a time with an offset, a long length, a
/// BOOLEAN written 0x01), of the DER [`crate::canonical`] makes of it. `read` is a function
/// pointer so its decoder is in the wasm once, not once for each call.
pub(crate) fn lenient<T>(der: &[u8], read: fn(&[u8]) -> der::Result<T>) -> der::Result<T> {
    read(der).or_else(|strict| {
        let (fixed, _) = crate::canonical::rewrite(der)
            .filter(|(_, problems)| !problems.is_empty())
            .ok_or(strict)?;
        read(&fixed)
    })
}

fn report_as(kind: Kind, der: &[u8], now: UnixTime) -> Result<Report, der::Error> {
    Ok(match kind {
        // Not strict DER: read as it was meant; the report keeps the bytes as they are and lint
        // names each encoding problem.
        Kind::Certificate => Report::Certificate(Box::new(cert::report(
            &lenient(der, |d| AsIssued::from_der(d))?,
            der,
            now,
        ))),
        Kind::Csr => Report::Csr(csr(&CertReq::from_der(der)?)),
        Kind::Crl => Report::Crl(crl(&lenient(der, |d| CertificateList::from_der(d))?)),
        Kind::Pkcs7 => Report::Pkcs7(container::pkcs7(der, now)?),
        Kind::Pkcs12 => Report::Pkcs12(container::pkcs12(der)?),
        Kind::Parameters(which) => Report::Parameters(key::parameters(which, der)?),
        #[cfg(feature = "ocsp")]
        Kind::OcspRequest => {
            Report::OcspRequest(ocsp::request(&crate::ocsp::OcspRequest::from_der(der)?))
        }
        #[cfg(feature = "ocsp")]
        Kind::OcspResponse => Report::OcspResponse(Box::new(ocsp::response(
            &crate::ocsp::OcspResponse::from_der(der)?,
        ))),
        Kind::Pkcs8 => Report::PrivateKey(key::pkcs8(der)?),
        Kind::EncryptedPkcs8 => Report::PrivateKey(key::encrypted_pkcs8(der)?),
        Kind::Pkcs1Private => Report::PrivateKey(key::pkcs1(der)?),
        Kind::Sec1 => Report::PrivateKey(key::sec1(der)?),
        Kind::PublicKey => Report::PublicKey(key::public_key(
            &spki::SubjectPublicKeyInfoOwned::from_der(der)?,
        )),
        Kind::Pkcs1Public => {
            pkcs1::RsaPublicKeyRef::from_der(der)?;
            let spki = spki::SubjectPublicKeyInfoOwned {
                algorithm: spki::AlgorithmIdentifierOwned {
                    oid: const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1"),
                    parameters: Some(der::asn1::Null.into()),
                },
                subject_public_key: der::asn1::BitString::from_bytes(der)?,
            };
            Report::PublicKey(key::public_key(&spki))
        }
    })
}

/// A certificate as its issuer wrote it: x509-cert's `Raw` profile refuses no serial length
/// and re-encodes times as read, so reports show what is there and self-signatures are checked
/// over the bytes signed.
pub type AsIssued = x509_cert::certificate::CertificateInner<x509_cert::certificate::Raw>;

/// PKCS#9 extensionRequest: the CSR attribute that carries the requested extensions.
const EXTENSION_REQUEST: const_oid::ObjectIdentifier =
    const_oid::db::rfc2985::PKCS_9_AT_EXTENSION_REQUEST;

/// The extensions a CSR requests (PKCS#9 extensionRequest attribute, RFC 2985).
pub fn csr_extensions(req: &CertReq) -> Vec<x509_cert::ext::Extension> {
    req.info
        .attributes
        .iter()
        .filter(|attr| attr.oid == EXTENSION_REQUEST)
        .flat_map(|attr| attr.values.iter())
        .filter_map(|value| value.decode_as::<x509_cert::ext::Extensions>().ok())
        .flatten()
        .collect()
}

fn csr(req: &CertReq) -> CsrReport {
    let info = &req.info;
    let extensions = csr_extensions(req);
    let decoded = ext::decode(&extensions);
    CsrReport {
        subject: dn::rfc4514(&info.subject),
        subject_attributes: dn::attributes(&info.subject),
        public_key: key::public_key(&info.public_key),
        signature_algorithm: crate::oids::name(&req.algorithm.oid),
        signature_valid: None,
        san: decoded.san,
        requested_extensions: decoded.extensions,
        attributes: info
            .attributes
            .iter()
            .filter(|attr| attr.oid != EXTENSION_REQUEST)
            .map(|attr| {
                let values = attr
                    .values
                    .iter()
                    .map(|v| dn::any_text(v.into()).unwrap_or_else(|| dn::hex(v.value())))
                    .collect();
                (crate::oids::name(&attr.oid), values)
            })
            .collect(),
    }
}

pub(crate) fn crl(list: &CertificateList) -> CrlReport {
    const REASON_CODE: const_oid::ObjectIdentifier = const_oid::db::rfc5280::ID_CE_CRL_REASONS;
    let tbs = &list.tbs_cert_list;
    let time = |t: &x509_cert::time::Time| Rfc3339(UnixTime::from(t));
    let revoked: Vec<RevokedEntry> = tbs
        .revoked_certificates
        .iter()
        .flatten()
        .map(|r| RevokedEntry {
            serial: cert::serial_hex(r.serial_number.as_bytes()),
            date: time(&r.revocation_date),
            reason: r
                .crl_entry_extensions
                .iter()
                .flatten()
                .find(|e| e.extn_id == REASON_CODE)
                .and_then(|e| {
                    x509_cert::ext::pkix::CrlReason::from_der(e.extn_value.as_bytes()).ok()
                })
                .map(crl_reason_name),
        })
        .collect();
    CrlReport {
        revoked_count: revoked.len(),
        revoked,
        issuer: dn::rfc4514(&tbs.issuer),
        version: match tbs.version {
            x509_cert::Version::V1 => 1,
            x509_cert::Version::V2 => 2,
            x509_cert::Version::V3 => 3,
        },
        this_update: time(&tbs.this_update),
        next_update: tbs.next_update.as_ref().map(time),
        signature_algorithm: crate::oids::name(&list.signature_algorithm.oid),
        extensions: ext::decode(tbs.crl_extensions.as_deref().unwrap_or_default()).extensions,
        issuer_signature: None,
        lint: Vec::new(),
    }
}

/// RFC 5280 section 5.3.1 names.
pub fn crl_reason_name(reason: x509_cert::ext::pkix::CrlReason) -> String {
    use x509_cert::ext::pkix::CrlReason as R;
    match reason {
        R::Unspecified => "unspecified",
        R::KeyCompromise => "keyCompromise",
        R::CaCompromise => "cACompromise",
        R::AffiliationChanged => "affiliationChanged",
        R::Superseded => "superseded",
        R::CessationOfOperation => "cessationOfOperation",
        R::CertificateHold => "certificateHold",
        R::RemoveFromCRL => "removeFromCRL",
        R::PrivilegeWithdrawn => "privilegeWithdrawn",
        R::AaCompromise => "aACompromise",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wrong passwords whose CBC padding happens to check (found by trying passwords in turn)
    /// are told as wrong passwords, for PKCS#8 with a PKCS#12 PBE and for legacy PEM.
    #[test]
    fn a_wrong_password_passing_the_padding_is_a_wrong_password() {
        for fixture in ["leaf.pbe-3des.key", "leaf.legacy-enc.key"] {
            let path = format!(
                "{}/../../tests/fixtures/{fixture}",
                env!("CARGO_MANIFEST_DIR")
            );
            let input = std::fs::read(path).expect("fixture");
            let blocks = structure(&input, UnixTime(0)).expect("decodes");
            let Some(Ok(encrypted)) = blocks.first() else {
                panic!("{fixture} did not decode");
            };
            let padded = (0..4096)
                .map(|i| format!("wrong-{i}"))
                .find(|password| {
                    let decrypted = match &encrypted.report {
                        Report::PrivateKey(PrivateKeyReport {
                            dek_info: Some(dek_info),
                            ..
                        }) => crate::pbe::legacy_pem_plaintext(dek_info, password, &encrypted.der),
                        _ => crate::pbe::EncryptedPrivateKeyInfo::from_der(&encrypted.der)
                            .map_err(|_| crate::pbe::Failure::WrongPassword)
                            .and_then(|info| {
                                crate::pbe::decrypt(&info.algorithm, password, info.data.as_bytes())
                            }),
                    };
                    decrypted.is_ok()
                })
                .expect("some wrong password passes the padding check");
            let message = decrypt_key(encrypted, &padded)
                .expect_err(&padded)
                .to_string();
            assert!(
                message.contains("password is wrong"),
                "{fixture}, {padded}: {message}"
            );
        }
    }
}
