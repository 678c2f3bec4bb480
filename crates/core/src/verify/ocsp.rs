//! OCSP responses as a source of revocation status (RFC 6960): a response counts for a
//! certificate when one of its answers names it by CertID, the CA or a responder the CA
//! delegated to (id-kp-OCSPSigning, issued by the CA itself) signed it, and the validation time
//! falls between its thisUpdate and nextUpdate. Its good or revoked settles the status before
//! any CRL is looked at; unknown, or no usable response, leaves it to the CRLs.

use super::revocation::{Revocation, RevocationStatus};
use super::{Candidate, Signatures};
use crate::decode::{crl_reason_name, ext};
use crate::ocsp::{self, BasicOcspResponse, CertStatus, OcspResponse, ResponseData};
use crate::signature::Check;
use crate::time::{Rfc3339, UnixTime};
use crate::{Certificate, dn};
use der::asn1::GeneralizedTime;

/// An OCSP response, read once for revocation checking.
#[derive(Clone, Debug)]
pub struct OcspAnswer {
    basic: BasicOcspResponse,
    data: ResponseData,
}

impl OcspAnswer {
    /// The answer a response carries; why not when it is unsuccessful or unreadable.
    pub fn new(response: &OcspResponse) -> Result<OcspAnswer, String> {
        if response.response_status != ocsp::ResponseStatus::Successful {
            return Err(format!(
                "the responder answered {}, not with a status",
                response.response_status.name()
            ));
        }
        let basic = match ocsp::basic(response) {
            Some(Ok(basic)) => basic,
            Some(Err(e)) => return Err(format!("its BasicOCSPResponse does not parse: {e}")),
            None => return Err("it is not a basic OCSP response".into()),
        };
        let data = basic
            .data()
            .map_err(|e| format!("its tbsResponseData does not parse: {e}"))?;
        Ok(OcspAnswer { basic, data })
    }
}

impl OcspAnswer {
    /// The checks [`Signatures::run`] may be asked for on this response: its signature with
    /// the key of each certificate its responder ID names (of `certificates`, or carried in
    /// it), and each carried responder certificate's with the key of each of `certificates`
    /// named as its issuer.
    pub fn signature_checks<'c>(
        &self,
        certificates: impl IntoIterator<Item = &'c Certificate> + Clone,
    ) -> Vec<Check> {
        let carried = self.basic.certs.iter().flatten();
        let signer = |c: &Certificate| {
            ocsp::responder_names(&self.data.responder_id, c.tbs_certificate())
                .then(|| Check::ocsp(&self.basic, c.tbs_certificate().subject_public_key_info()))
                .and_then(Result::ok)
        };
        let mut checks: Vec<Check> = certificates
            .clone()
            .into_iter()
            .filter_map(signer)
            .collect();
        checks.extend(carried.clone().filter_map(signer));
        for responder in carried {
            for issuer in certificates.clone() {
                let key = issuer.tbs_certificate().subject_public_key_info();
                if responder.tbs_certificate().issuer() == issuer.tbs_certificate().subject()
                    && let Ok(check) = Check::certificate(responder, key)
                {
                    checks.push(check);
                }
            }
        }
        checks
    }
}

fn time(t: &GeneralizedTime) -> UnixTime {
    UnixTime::from(&x509_cert::time::Time::GeneralTime(*t))
}

/// RFC 6960 section 4.2.2.2: the response is signed by the CA that issued the certificate, or
/// by a responder certificate that CA issued with id-kp-OCSPSigning, valid at `at`. The signer's
/// name for messages, or why no one authorized signed it.
fn section_4_2_2_2_authorized_responder(
    answer: &OcspAnswer,
    issuer: &Candidate<'_>,
    at: UnixTime,
    signatures: Signatures<'_>,
) -> Result<String, String> {
    let signed_by = |key: &spki::SubjectPublicKeyInfoOwned| {
        Check::ocsp(&answer.basic, key)
            .and_then(|check| signatures.run(&check))
            .map_err(|e| e.to_string())
    };
    let issuer_tbs = issuer.cert.tbs_certificate();
    if ocsp::responder_names(&answer.data.responder_id, issuer_tbs) {
        return signed_by(issuer_tbs.subject_public_key_info())
            .map(|()| issuer.subject.clone())
            .map_err(|e| format!("the CA's own signature on it fails: {e}"));
    }
    let mut why = format!(
        "it is signed neither by {} nor by a responder it delegated to",
        issuer.subject
    );
    for responder in answer.basic.certs.iter().flatten() {
        let tbs = responder.tbs_certificate();
        if !ocsp::responder_names(&answer.data.responder_id, tbs) {
            continue;
        }
        let name = dn::rfc4514(tbs.subject());
        match delegated(responder, issuer, at, signatures) {
            Err(not) => why = format!("its responder {name} {not}"),
            Ok(nocheck) => {
                return signed_by(tbs.subject_public_key_info())
                    .map(|()| {
                        let unchecked = match nocheck {
                            true => "",
                            false => {
                                "; the responder's own revocation is not checked (it has no ocsp-nocheck)"
                            }
                        };
                        format!(
                            "{name}, a responder {} delegated to{unchecked}",
                            issuer.subject
                        )
                    })
                    .map_err(|e| format!("its responder {name}'s signature fails: {e}"));
            }
        }
    }
    Err(why)
}

/// A delegated responder: issued by the CA itself (its signature checks with the CA's key),
/// with id-kp-OCSPSigning, valid at `at`. Whether it carries id-pkix-ocsp-nocheck.
fn delegated(
    responder: &Certificate,
    issuer: &Candidate<'_>,
    at: UnixTime,
    signatures: Signatures<'_>,
) -> Result<bool, String> {
    let tbs = responder.tbs_certificate();
    let issuer_tbs = issuer.cert.tbs_certificate();
    if tbs.issuer() != issuer_tbs.subject() {
        return Err("was not issued by the CA".into());
    }
    Check::certificate(responder, issuer_tbs.subject_public_key_info())
        .and_then(|check| signatures.run(&check))
        .map_err(|e| format!("is not signed by the CA: {e}"))?;
    let exts = ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default());
    if !exts.extended_key_usage.iter().any(|u| u == "OCSPSigning") {
        return Err("lacks the OCSPSigning extended key usage".into());
    }
    let validity = tbs.validity();
    let (from, until) = (
        UnixTime::from(&validity.not_before),
        UnixTime::from(&validity.not_after),
    );
    if at < from || at > until {
        return Err(format!("is not valid at {at} ({from} to {until})"));
    }
    Ok(exts
        .extensions
        .iter()
        .any(|e| e.is(const_oid::db::rfc6960::ID_PKIX_OCSP_NOCHECK)))
}

/// The status the responses give `cert` (issued by `issuer`) at `at`: `Ok` when one settles
/// it (good or revoked), else why none did, one note a response.
pub(super) fn status(
    depth: usize,
    cert: &Candidate<'_>,
    issuer: &Candidate<'_>,
    answers: &[OcspAnswer],
    at: UnixTime,
    signatures: Signatures<'_>,
) -> Result<RevocationStatus, Vec<String>> {
    let serial = cert.cert.tbs_certificate().serial_number();
    let mut notes = Vec::new();
    let mut about = 0;
    for answer in answers {
        let Some(single) = answer
            .data
            .responses
            .iter()
            .find(|s| s.cert_id.names(issuer.cert, serial) == Some(true))
        else {
            continue;
        };
        about += 1;
        let signer = match section_4_2_2_2_authorized_responder(answer, issuer, at, signatures) {
            Ok(signer) => signer,
            Err(why) => {
                notes.push(format!("an OCSP response cannot be used: {why}"));
                continue;
            }
        };
        let (this_update, next_update) = (
            time(&single.this_update),
            single.next_update.as_ref().map(time),
        );
        if at < this_update {
            notes.push(format!(
                "the OCSP response from {signer} is not valid until {this_update}"
            ));
            continue;
        }
        if let Some(next) = next_update
            && at > next
        {
            notes.push(format!(
                "the OCSP response from {signer} is stale: its nextUpdate ({next}) has passed"
            ));
            continue;
        }
        let outcome = |status, detail| RevocationStatus::of(depth, cert, status, detail);
        match &single.cert_status {
            CertStatus::Good(_) => {
                return Ok(outcome(
                    Revocation::Good,
                    format!("good, says the OCSP response from {signer} of {this_update}"),
                ));
            }
            CertStatus::Revoked(info) if time(&info.revocation_time) <= at => {
                let date = time(&info.revocation_time);
                let reason = info.revocation_reason.map(crl_reason_name);
                let detail = format!(
                    "revoked on {date}{} by the OCSP response from {signer}",
                    reason
                        .as_ref()
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default()
                );
                return Ok(outcome(Revocation::Revoked, detail).when(reason, Some(Rfc3339(date))));
            }
            CertStatus::Revoked(info) => {
                return Ok(outcome(
                    Revocation::Good,
                    format!(
                        "good at {at}: the OCSP response from {signer} has it revoked only from {}",
                        time(&info.revocation_time)
                    ),
                ));
            }
            CertStatus::Unknown(_) => notes.push(format!(
                "the OCSP responder {signer} does not know it (status unknown)"
            )),
        }
    }
    if about == 0 && !answers.is_empty() {
        notes.push("no OCSP response given is about it".into());
    }
    Err(notes)
}
