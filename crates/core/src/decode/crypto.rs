//! The part of decoding that needs public-key arithmetic: signature checks and public keys
//! derived from private ones. Kept apart from the structural decode so the web app's
//! first-paint module decodes without linking RSA and elliptic-curve code and asks its worker
//! for these facts a moment later: [`tasks`] (cheap, first-paint side) → [`perform`] (the
//! arithmetic, worker side) → [`apply`]. [`super::decode`] does all three at once.

use super::{CrlSignatureCheck, Decoded, Report, cert, container, key};
use crate::{Error, signature};
use der::{Decode, Encode};
use serde::{Deserialize, Serialize};
use x509_cert::{Certificate, crl::CertificateList, request::CertReq};

/// Which report a task is about: a block, or the n-th certificate of a PKCS#7 block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub block: usize,
    pub nested: Option<usize>,
}

/// One piece of public-key work a report waits for, with the DER it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Task {
    /// A self-issued certificate: does its own key verify its signature (RFC 5280 section
    /// 6.1.3 (a)(1) applied to itself)?
    SelfSignature { target: Target, der: Vec<u8> },
    /// A CSR: is it signed by the key it carries (PKCS#10 proof of possession)?
    CsrSignature { target: Target, der: Vec<u8> },
    /// A CRL and the certificates of the same input named as its issuer, as (block, DER):
    /// which one's key verifies it (RFC 5280 section 6.3.3 (f)-(g))?
    CrlSignature {
        target: Target,
        der: Vec<u8>,
        issuers: Vec<(usize, Vec<u8>)>,
    },
    /// A PKCS#8 or SEC1 private key stored without its public half: derive it.
    PublicKey { target: Target, der: Vec<u8> },
}

impl Task {
    pub fn target(&self) -> Target {
        match self {
            Task::SelfSignature { target, .. }
            | Task::CsrSignature { target, .. }
            | Task::CrlSignature { target, .. }
            | Task::PublicKey { target, .. } => *target,
        }
    }
}

/// The answer to one [`Task`], in the same order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Fact {
    /// `None` when certbench cannot check the signature algorithm (Ed448, DSA, …).
    SelfSigned(Option<bool>),
    CsrSignature(bool),
    CrlSignature(Option<CrlSignatureCheck>),
    /// The public key as lowercase hex (EC point or Ed25519 key), when it could be derived.
    PublicKey(Option<String>),
}

/// The public-key work the reports of `blocks` wait for.
pub fn tasks(blocks: &[Result<Decoded, Error>]) -> Vec<Task> {
    let decoded: Vec<&Decoded> = blocks.iter().filter_map(|b| b.as_ref().ok()).collect();
    let mut out = Vec::new();
    for d in &decoded {
        let target = Target {
            block: d.block,
            nested: None,
        };
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
            Report::Pkcs7(bundle) => {
                let ders = container::pkcs7_certificates(&d.der).unwrap_or_default();
                for (index, (cert, der)) in bundle.certificates.iter().zip(ders).enumerate() {
                    if cert.self_issued {
                        out.push(Task::SelfSignature {
                            target: Target {
                                block: d.block,
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

/// Does the arithmetic: one [`Fact`] per task, in order.
pub fn perform(tasks: &[Task]) -> Vec<Fact> {
    tasks.iter().map(perform_one).collect()
}

fn perform_one(task: &Task) -> Fact {
    match task {
        Task::SelfSignature { der, .. } => {
            Fact::SelfSigned(Certificate::from_der(der).ok().and_then(|c| {
                match cert::verify_issued_by(&c, &c) {
                    Ok(()) => Some(true),
                    Err(signature::SignatureError::UnsupportedAlgorithm(_)) => None,
                    Err(_) => Some(false),
                }
            }))
        }
        Task::CsrSignature { der, .. } => {
            Fact::CsrSignature(CertReq::from_der(der).ok().is_some_and(|req| {
                req.info
                    .to_der()
                    .ok()
                    .zip(req.signature.as_bytes())
                    .is_some_and(|(tbs, sig)| {
                        signature::verify(&req.algorithm, &req.info.public_key, &tbs, sig).is_ok()
                    })
            }))
        }
        Task::CrlSignature { der, issuers, .. } => Fact::CrlSignature(crl_signature(der, issuers)),
        Task::PublicKey { der, .. } => Fact::PublicKey(key::derive_public_hex(der)),
    }
}

fn crl_signature(der: &[u8], issuers: &[(usize, Vec<u8>)]) -> Option<CrlSignatureCheck> {
    let list = <CertificateList>::from_der(der).ok()?;
    let tbs = list.tbs_cert_list.to_der().ok()?;
    let sig = list.signature.as_bytes()?;
    let verifies = |cert_der: &[u8]| {
        Certificate::from_der(cert_der).is_ok_and(|cert| {
            let spki = cert.tbs_certificate().subject_public_key_info();
            signature::verify(&list.signature_algorithm, spki, &tbs, sig).is_ok()
        })
    };
    let (issuer_block, valid) = issuers
        .iter()
        .find(|(_, cert)| verifies(cert))
        .map(|(block, _)| (*block, true))
        .or_else(|| issuers.first().map(|(block, _)| (*block, false)))?;
    Some(CrlSignatureCheck {
        issuer_block,
        valid,
    })
}

/// Puts each fact into the report it belongs to (re-linting certificates, whose findings
/// depend on being self-signed), then links private keys to the certificates and CSRs that carry them.
pub fn apply(blocks: &mut [Result<Decoded, Error>], tasks: &[Task], facts: &[Fact]) {
    for (task, fact) in tasks.iter().zip(facts) {
        let target = task.target();
        let Some(decoded) = blocks
            .iter_mut()
            .filter_map(|b| b.as_mut().ok())
            .find(|d| d.block == target.block)
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
            (Report::Csr(c), None, Fact::CsrSignature(v)) => c.signature_valid = Some(*v),
            (Report::Crl(c), None, Fact::CrlSignature(v)) => c.issuer_signature = v.clone(),
            (Report::PrivateKey(k), None, Fact::PublicKey(Some(hex))) => {
                if let Some(public) = &mut k.public_key {
                    public.public_hex = hex.clone();
                }
            }
            _ => {}
        }
    }
    super::link_keys(blocks.iter_mut().filter_map(|b| b.as_mut().ok()));
}

fn set_self_signed(report: &mut cert::CertificateReport, value: Option<bool>) {
    report.self_signed = value;
    report.lint = crate::lint::certificate(report);
}

/// Every task done at once, as [`super::decode`] does.
pub fn complete(blocks: &mut [Result<Decoded, Error>]) {
    let tasks = tasks(blocks);
    let facts = perform(&tasks);
    apply(blocks, &tasks, &facts);
}
