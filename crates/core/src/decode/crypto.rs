//! The part of decoding that needs public-key arithmetic: signature checks and public keys
//! derived from private ones. Kept apart from the structural decode so the web app can show
//! the report at once and have the browser's native WebCrypto do the arithmetic a moment
//! later, without RSA and elliptic-curve code in its wasm: [`tasks`] → [`Task::work`], done by
//! [`perform`] here or by WebCrypto ([`crate::webcrypto`]) → [`Task::fact`] → [`record`].
//! [`crate::inspect`] runs it and re-judges what the facts change.

#[cfg(feature = "ocsp")]
use super::ocsp::OcspSignatureCheck;
use super::{CrlSignatureCheck, Decoded, Report, cert, container, key};
use crate::Error;
use crate::signature::{self, SignatureError};
use der::Decode;
use serde::{Deserialize, Serialize};
use x509_cert::{crl::CertificateList, request::CertReq};

/// Which report a task is about: a block (or an item a PKCS#12 file holds), or the n-th
/// certificate of a PKCS#7 block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The block number.
    pub block: usize,
    /// The item of an opened PKCS#12 file ([`Decoded::item`]); `None` for a block of its own.
    #[serde(default)]
    pub item: Option<usize>,
    /// The certificate within a PKCS#7 block, from 0; `None` for the block itself.
    pub nested: Option<usize>,
}

/// One piece of public-key work a report waits for, with the DER it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Task {
    /// A self-issued certificate: does its own key verify its signature (RFC 5280 section
    /// 6.1.3 (a)(1) applied to itself)?
    SelfSignature {
        /// The certificate.
        target: Target,
        /// Its DER.
        der: Vec<u8>,
    },
    /// A CSR: is it signed by the key it carries (PKCS#10 proof of possession)?
    CsrSignature {
        /// The CSR.
        target: Target,
        /// Its DER.
        der: Vec<u8>,
    },
    /// A CRL and the certificates of the same input named as its issuer, as (block, DER):
    /// which one's key verifies it (RFC 5280 section 6.3.3 (f)-(g))?
    CrlSignature {
        /// The CRL.
        target: Target,
        /// Its DER.
        der: Vec<u8>,
        /// The candidate issuers: block number and certificate DER.
        issuers: Vec<(usize, Vec<u8>)>,
    },
    #[cfg(feature = "ocsp")]
    /// An OCSP response and the certificates its responder ID names, those it carries
    /// (block `None`) and those of the same input: which one's key verifies it (RFC 6960
    /// section 3.2)?
    OcspSignature {
        /// The response.
        target: Target,
        /// Its DER.
        der: Vec<u8>,
        /// The candidate signers: block number (`None`: in the response) and DER.
        signers: Vec<(Option<usize>, Vec<u8>)>,
    },
    /// An OpenSSH certificate: does its CA's key verify its signature?
    #[cfg(feature = "openssh")]
    SshSignature {
        /// The certificate.
        target: Target,
        /// Its wire blob.
        blob: Vec<u8>,
    },
    /// A certificate's embedded SCTs: does each log's key verify its SCT over the
    /// precertificate (RFC 6962 §3.2), the issuer's key hash taken from `issuer`?
    #[cfg(feature = "ct")]
    SctSignatures {
        /// The certificate.
        target: Target,
        /// Its DER.
        der: Vec<u8>,
        /// Its issuer's certificate (DER), from the same input.
        issuer: Vec<u8>,
    },
    /// A PKCS#8 or SEC1 private key stored without its public half: derive it.
    PublicKey {
        /// The private key.
        target: Target,
        /// Its DER.
        der: Vec<u8>,
    },
}

impl Task {
    /// Which report the task is about.
    pub fn target(&self) -> Target {
        match self {
            Task::SelfSignature { target, .. }
            | Task::CsrSignature { target, .. }
            | Task::CrlSignature { target, .. }
            | Task::PublicKey { target, .. } => *target,
            #[cfg(feature = "ocsp")]
            Task::OcspSignature { target, .. } => *target,
            #[cfg(feature = "openssh")]
            Task::SshSignature { target, .. } => *target,
            #[cfg(feature = "ct")]
            Task::SctSignatures { target, .. } => *target,
        }
    }
}

/// The answer to one [`Task`], in the same order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fact {
    /// `None` when certbench cannot check the signature algorithm (Ed448, DSA, …).
    SelfSigned(Option<bool>),
    /// Whether the CSR is signed by the key it carries; `None` when it cannot be checked.
    CsrSignature(Option<bool>),
    /// Which certificate of the input verified the CRL, if any.
    CrlSignature(Option<CrlSignatureCheck>),
    /// Which certificate verified the OCSP response, if any.
    #[cfg(feature = "ocsp")]
    OcspSignature(Option<OcspSignatureCheck>),
    /// The public key as lowercase hex (EC point or Ed25519 key), when it could be derived.
    PublicKey(Option<String>),
    /// Whether the OpenSSH certificate's CA key verifies it; `None` when it cannot be checked.
    #[cfg(feature = "openssh")]
    SshSignature(Option<bool>),
    /// Whether each SCT's log verifies it, in order; `None` for one that cannot be checked.
    #[cfg(feature = "ct")]
    SctSignatures(Vec<Option<bool>>),
}

/// The public-key work the reports of `blocks` wait for.
pub fn tasks(blocks: &[Result<Decoded, Error>]) -> Vec<Task> {
    let decoded: Vec<&Decoded> = blocks.iter().filter_map(|b| b.as_ref().ok()).collect();
    let mut out = Vec::new();
    for d in &decoded {
        let target = Target {
            block: d.block,
            item: d.item,
            nested: None,
        };
        #[cfg(feature = "ct")]
        if let Report::Certificate(c) = &d.report
            && !c.scts.is_empty()
            && let Some(issuer) = decoded.iter().find(|other| {
                other.block != d.block
                    && matches!(&other.report, Report::Certificate(i) if i.subject == c.issuer)
            })
        {
            out.push(Task::SctSignatures {
                target,
                der: d.der.clone(),
                issuer: issuer.der.clone(),
            });
        }
        match &d.report {
            Report::Certificate(c) if c.self_issued => {
                out.push(Task::SelfSignature {
                    target,
                    der: d.der.clone(),
                });
            }
            Report::Csr(_) => out.push(Task::CsrSignature {
                target,
                der: d.der.clone(),
            }),
            Report::Crl(crl) => {
                let issuers: Vec<(usize, Vec<u8>)> = decoded
                    .iter()
                    .filter(|other| {
                        matches!(&other.report, Report::Certificate(c) if c.subject == crl.issuer)
                    })
                    .map(|other| (other.block, other.der.clone()))
                    .collect();
                if !issuers.is_empty() {
                    out.push(Task::CrlSignature {
                        target,
                        der: d.der.clone(),
                        issuers,
                    });
                }
            }
            #[cfg(feature = "ocsp")]
            Report::OcspResponse(_) => {
                let certificates = decoded
                    .iter()
                    .filter(|other| matches!(other.report, Report::Certificate(_)))
                    .map(|other| (Some(other.block), other.der.clone()));
                let signers = ocsp_signers(&d.der, certificates);
                if !signers.is_empty() {
                    out.push(Task::OcspSignature {
                        target,
                        der: d.der.clone(),
                        signers,
                    });
                }
            }
            Report::PrivateKey(k)
                if k.public_key
                    .as_ref()
                    .is_some_and(|p| p.public_hex.is_empty() && p.algorithm != "RSA") =>
            {
                out.push(Task::PublicKey {
                    target,
                    der: d.der.clone(),
                });
            }
            #[cfg(feature = "openssh")]
            Report::SshCertificate(_) => out.push(Task::SshSignature {
                target,
                blob: d.der.clone(),
            }),
            Report::Pkcs7(bundle) => {
                let ders = container::pkcs7_certificates(&d.der).unwrap_or_default();
                for (index, (cert, der)) in bundle.certificates.iter().zip(ders).enumerate() {
                    if cert.self_issued {
                        out.push(Task::SelfSignature {
                            target: Target {
                                block: d.block,
                                item: d.item,
                                nested: Some(index),
                            },
                            der,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// One piece of arithmetic a task needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Work {
    /// A signature to verify; `Err` when it cannot even be set up (unsupported, malformed).
    Verify(Result<signature::Check, SignatureError>),
    /// The public key of this private key (PKCS#8 or SEC1 DER), to derive.
    Derive(Vec<u8>),
}

/// What one piece of [`Work`] gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Done {
    /// A signature checked.
    Verified(Result<(), SignatureError>),
    /// The public key as lowercase hex, when it could be derived.
    Derived(Option<String>),
}

impl Task {
    /// The arithmetic this task needs, for [`Task::fact`] in the same order: certbench's own
    /// ([`perform`]) or the browser's (the web app, through [`crate::webcrypto`]).
    pub fn work(&self) -> Vec<Work> {
        let unreadable = || Work::Verify(Err(SignatureError::Invalid));
        match self {
            Task::SelfSignature { der, .. } => vec![match super::AsIssued::from_der(der) {
                Ok(c) => Work::Verify(signature::Check::certificate(
                    &c,
                    c.tbs_certificate().subject_public_key_info(),
                )),
                Err(_) => unreadable(),
            }],
            Task::CsrSignature { der, .. } => vec![match CertReq::from_der(der) {
                Ok(req) => Work::Verify(signature::Check::csr(&req)),
                Err(_) => unreadable(),
            }],
            Task::CrlSignature { der, issuers, .. } => {
                let Ok(list) = <CertificateList>::from_der(der) else {
                    return vec![unreadable()];
                };
                each_signer(issuers.iter().map(|(_, der)| der), |key| {
                    signature::Check::crl(&list, key)
                })
            }
            #[cfg(feature = "ocsp")]
            Task::OcspSignature { der, signers, .. } => {
                let Some(basic) = ocsp_basic(der) else {
                    return vec![unreadable()];
                };
                each_signer(signers.iter().map(|(_, der)| der), |key| {
                    signature::Check::ocsp(&basic, key)
                })
            }
            Task::PublicKey { der, .. } => vec![Work::Derive(der.clone())],
            #[cfg(feature = "openssh")]
            Task::SshSignature { blob, .. } => {
                vec![Work::Verify(super::ssh::signature_check(blob))]
            }
            #[cfg(feature = "ct")]
            Task::SctSignatures { der, issuer, .. } => sct_checks(der, issuer),
        }
    }

    /// The fact, from what each piece of [`Task::work`] gave.
    pub fn fact(&self, done: &[Done]) -> Fact {
        let verified = |i: usize| match done.get(i) {
            Some(Done::Verified(result)) => result.clone(),
            _ => Err(SignatureError::Invalid),
        };
        match self {
            Task::SelfSignature { .. } => Fact::SelfSigned(outcome(verified(0))),
            Task::CsrSignature { .. } => Fact::CsrSignature(outcome(verified(0))),
            Task::CrlSignature { issuers, .. } => Fact::CrlSignature(
                (0..issuers.len())
                    .find(|&i| verified(i).is_ok())
                    .map(|i| (i, true))
                    .or_else(|| (!issuers.is_empty()).then_some((0, false)))
                    .map(|(i, valid)| CrlSignatureCheck {
                        issuer_block: issuers[i].0,
                        valid,
                    }),
            ),
            #[cfg(feature = "ocsp")]
            Task::OcspSignature { signers, .. } => Fact::OcspSignature(
                (0..signers.len())
                    .find(|&i| verified(i).is_ok())
                    .map(|i| (i, true))
                    .or_else(|| (!signers.is_empty()).then_some((0, false)))
                    .map(|(i, valid)| OcspSignatureCheck {
                        signer: super::AsIssued::from_der(&signers[i].1)
                            .map(|c| crate::dn::rfc4514(c.tbs_certificate().subject()))
                            .unwrap_or_default(),
                        block: signers[i].0,
                        valid,
                    }),
            ),
            #[cfg(feature = "openssh")]
            Task::SshSignature { .. } => Fact::SshSignature(outcome(verified(0))),
            #[cfg(feature = "ct")]
            Task::SctSignatures { .. } => {
                Fact::SctSignatures((0..done.len()).map(|i| outcome(verified(i))).collect())
            }
            Task::PublicKey { .. } => Fact::PublicKey(match done.first() {
                Some(Done::Derived(hex)) => hex.clone(),
                _ => None,
            }),
        }
    }
}

/// One check for each SCT a certificate carries: its log's key over the precertificate, the
/// issuer's key hashed from `issuer`'s SubjectPublicKeyInfo.
#[cfg(feature = "ct")]
fn sct_checks(der: &[u8], issuer: &[u8]) -> Vec<Work> {
    use base64ct::{Base64, Encoding as _};
    let not_checked = |why: &str| Work::Verify(Err(SignatureError::NotChecked(why.into())));
    let (Ok(cert), Ok(issuer)) = (
        super::AsIssued::from_der(der),
        super::AsIssued::from_der(issuer),
    ) else {
        return vec![Work::Verify(Err(SignatureError::Invalid))];
    };
    let list = cert
        .tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .filter(|e| e.extn_id.to_string() == "1.3.6.1.4.1.11129.2.4.2")
        .find_map(|e| der::asn1::OctetString::from_der(e.extn_value.as_bytes()).ok());
    let scts = list
        .as_ref()
        .and_then(|list| crate::ct::parse_list(list.as_bytes()).ok())
        .unwrap_or_default();
    let issuer_spki =
        der::Encode::to_der(issuer.tbs_certificate().subject_public_key_info()).unwrap_or_default();
    let Some(tbs) = crate::ct::precert_tbs(der) else {
        return vec![Work::Verify(Err(SignatureError::Invalid))];
    };
    scts.iter()
        .map(|sct| {
            let Some(log) = crate::ct::log(&Base64::encode_string(sct.log_id)) else {
                return not_checked("the log is in neither Chrome's nor Apple's list");
            };
            let Some(key) = Base64::decode_vec(&log.key)
                .ok()
                .and_then(|k| spki::SubjectPublicKeyInfoOwned::from_der(&k).ok())
            else {
                return not_checked("the log's key does not read");
            };
            let (oid, parameters) = match (sct.hash, sct.signature_algorithm) {
                (4, 3) => (ECDSA_WITH_SHA256, None),
                (4, 1) => (SHA256_WITH_RSA, Some(der::asn1::Null.into())),
                _ => return not_checked("a signature algorithm RFC 6962 does not allow"),
            };
            Work::Verify(Ok(signature::Check {
                algorithm: spki::AlgorithmIdentifierOwned { oid, parameters },
                key,
                message: crate::ct::precert_signed_data(sct, &issuer_spki, &tbs),
                signature: sct.signature.to_vec(),
            }))
        })
        .collect()
}

/// The two signature algorithms RFC 6962 §2.1.4 allows logs.
#[cfg(feature = "ct")]
const ECDSA_WITH_SHA256: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
#[cfg(feature = "ct")]
const SHA256_WITH_RSA: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");

/// One signature check for each candidate signer certificate (DER), in order: `check` made
/// with its key, or an unreadable certificate's failure.
fn each_signer<'a>(
    signers: impl Iterator<Item = &'a Vec<u8>>,
    check: impl Fn(&spki::SubjectPublicKeyInfoOwned) -> Result<signature::Check, SignatureError>,
) -> Vec<Work> {
    signers
        .map(|der| match super::AsIssued::from_der(der) {
            Ok(c) => Work::Verify(check(c.tbs_certificate().subject_public_key_info())),
            Err(_) => Work::Verify(Err(SignatureError::Invalid)),
        })
        .collect()
}

/// Valid, invalid, or not checked: an algorithm certbench (or the browser) cannot check, such
/// as Ed448, says nothing about the signature.
fn outcome(verified: Result<(), SignatureError>) -> Option<bool> {
    match verified {
        Ok(()) => Some(true),
        Err(SignatureError::UnsupportedAlgorithm(_) | SignatureError::NotChecked(_)) => None,
        Err(_) => Some(false),
    }
}

/// Does one piece of work with certbench's own implementations.
pub fn do_work(work: &Work) -> Done {
    match work {
        Work::Verify(Ok(check)) => Done::Verified(check.run()),
        Work::Verify(Err(e)) => Done::Verified(Err(e.clone())),
        Work::Derive(der) => Done::Derived(key::derive_public_hex(der)),
    }
}

/// Does the arithmetic here: one [`Fact`] per task, in order.
pub fn perform(tasks: &[Task]) -> Vec<Fact> {
    tasks
        .iter()
        .map(|task| {
            let done: Vec<Done> = task.work().iter().map(do_work).collect();
            task.fact(&done)
        })
        .collect()
}

/// Puts each fact into the report it belongs to, then links private keys to the certificates
/// and CSRs that carry them. Certificates' findings depend on being self-signed:
/// [`crate::inspect::apply`] judges them again.
pub fn record(blocks: &mut [Result<Decoded, Error>], tasks: &[Task], facts: &[Fact]) {
    for (task, fact) in tasks.iter().zip(facts) {
        let target = task.target();
        let Some(decoded) = blocks
            .iter_mut()
            .filter_map(|b| b.as_mut().ok())
            .find(|d| d.block == target.block && d.item == target.item)
        else {
            continue;
        };
        match (&mut decoded.report, target.nested, fact) {
            (Report::Certificate(c), None, Fact::SelfSigned(v)) => set_self_signed(c, *v),
            (Report::Pkcs7(bundle), Some(i), Fact::SelfSigned(v)) => {
                if let Some(c) = bundle.certificates.get_mut(i) {
                    set_self_signed(c, *v);
                }
            }
            (Report::Csr(c), None, Fact::CsrSignature(v)) => c.signature_valid = *v,
            (Report::Crl(c), None, Fact::CrlSignature(v)) => c.issuer_signature = v.clone(),
            #[cfg(feature = "ocsp")]
            (Report::OcspResponse(r), None, Fact::OcspSignature(v)) => r.signature = v.clone(),
            #[cfg(feature = "openssh")]
            (Report::SshCertificate(c), None, Fact::SshSignature(v)) => c.signature_valid = *v,
            #[cfg(feature = "ct")]
            (Report::Certificate(c), None, Fact::SctSignatures(valid)) => {
                for (sct, valid) in c.scts.iter_mut().zip(valid) {
                    sct.signature_valid = *valid;
                }
                c.ct_policy = Some(super::ct::policy(c));
            }
            (Report::PrivateKey(k), None, Fact::PublicKey(Some(hex))) => {
                if let Some(public) = &mut k.public_key {
                    public.public_hex = hex.clone();
                    public.jwk_thumbprint = public.jwk_parts().map(|parts| parts.thumbprint());
                }
            }
            _ => {}
        }
    }
    super::link_keys(blocks.iter_mut().filter_map(|b| b.as_mut().ok()));
}

/// The BasicOCSPResponse of a response's DER, when it has one.
#[cfg(feature = "ocsp")]
fn ocsp_basic(der: &[u8]) -> Option<crate::ocsp::BasicOcspResponse> {
    crate::ocsp::basic(&crate::ocsp::OcspResponse::from_der(der).ok()?)?.ok()
}

/// The certificates that may have signed the response whose DER is `der`: those it carries,
/// then `others`, each only if the responder ID names it.
#[cfg(feature = "ocsp")]
fn ocsp_signers(
    der: &[u8],
    others: impl Iterator<Item = (Option<usize>, Vec<u8>)>,
) -> Vec<(Option<usize>, Vec<u8>)> {
    let Some(basic) = ocsp_basic(der) else {
        return Vec::new();
    };
    let Ok(data) = basic.data() else {
        return Vec::new();
    };
    let carried = basic
        .certs
        .iter()
        .flatten()
        .filter_map(|c| der::Encode::to_der(c).ok())
        .map(|der| (None, der));
    carried
        .chain(others)
        .filter(|(_, der)| {
            super::AsIssued::from_der(der).is_ok_and(|c| {
                crate::ocsp::responder_names(&data.responder_id, c.tbs_certificate())
            })
        })
        .collect()
}

fn set_self_signed(report: &mut cert::CertificateReport, value: Option<bool>) {
    report.self_signed = value;
}
