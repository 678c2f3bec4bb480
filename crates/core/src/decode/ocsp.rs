//! OCSP requests and responses (RFC 6960), as `openssl ocsp -req_text` / `-resp_text` show
//! them. A response that is unsuccessful, of an unknown type or malformed inside still
//! decodes as far as it goes, and `problems` says what is wrong.

use super::cert::Serial;
use super::ext;
use crate::finding::Finding;
use crate::ocsp::{self, CertStatus, OcspRequest, OcspResponse, ResponderId};
use crate::time::{Rfc3339, UnixTime};
use crate::{dn, oids};
use der::asn1::GeneralizedTime;
use serde::{Deserialize, Serialize};

/// What an OCSP request asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspRequestReport {
    /// The certificates asked about.
    pub requests: Vec<CertIdReport>,
    /// The nonce, lowercase hex, when the request carries one (RFC 8954).
    pub nonce: Option<String>,
    /// The requester's name, when the request is signed.
    pub requestor: Option<String>,
    /// Whether the request is signed (few responders ask for it).
    pub signed: bool,
    /// The request extensions.
    pub extensions: Vec<ext::ExtensionReport>,
    /// Findings (see [`crate::lint`]).
    pub lint: Vec<Finding>,
}

/// A CertID: which certificate a request or answer is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertIdReport {
    /// The hash both hashes are made with (`sha1`, `sha256`).
    pub hash_algorithm: String,
    /// Hash of the issuer's name, lowercase hex.
    pub issuer_name_hash: String,
    /// Hash of the issuer's public key, lowercase hex.
    pub issuer_key_hash: String,
    /// The certificate's serial.
    pub serial: Serial,
}

/// What an OCSP response says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspResponseReport {
    /// responseStatus: `successful`, `malformedRequest`, `internalError`, `tryLater`,
    /// `sigRequired` or `unauthorized`.
    pub status: String,
    /// The response type (`basic`), when there is an answer.
    pub response_type: Option<String>,
    /// Who signed it.
    pub responder: Option<Responder>,
    /// When it was signed.
    pub produced_at: Option<Rfc3339>,
    /// One answer per certificate asked about.
    pub responses: Vec<SingleResponseReport>,
    /// The nonce echoed from the request, lowercase hex.
    pub nonce: Option<String>,
    /// The response extensions.
    pub extensions: Vec<ext::ExtensionReport>,
    /// The signature algorithm, by OpenSSL's name.
    pub signature_algorithm: Option<String>,
    /// Subjects of the certificates the response carries (a delegated responder's).
    pub certificates: Vec<String>,
    /// The signature checked: by a certificate the response carries or one of the same input
    /// that the responder ID names; `None` when none is at hand (or while pending).
    pub signature: Option<OcspSignatureCheck>,
    /// What could not be read, where the response stops making sense.
    pub problems: Vec<String>,
    /// Findings (see [`crate::lint`]).
    pub lint: Vec<Finding>,
}

/// The responder ID: a name or the SHA-1 of a key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responder {
    /// byName, RFC 4514 text.
    pub name: Option<String>,
    /// byKey: SHA-1 of the responder's public key bits, lowercase hex.
    pub key_hash: Option<String>,
}

/// One certificate's status in a response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SingleResponseReport {
    /// The certificate it is about.
    pub cert_id: CertIdReport,
    /// `good`, `revoked` or `unknown`.
    pub status: String,
    /// When it was revoked.
    pub revoked_at: Option<Rfc3339>,
    /// Why, when the responder says (`keyCompromise`, …).
    pub reason: Option<String>,
    /// The time at which the status is known to be right.
    pub this_update: Rfc3339,
    /// When newer information will be there; none: at any time.
    pub next_update: Option<Rfc3339>,
    /// The single response's extensions.
    pub extensions: Vec<ext::ExtensionReport>,
}

/// Which certificate verified a response's signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcspSignatureCheck {
    /// The signer's subject.
    pub signer: String,
    /// The block holding the signer's certificate; `None` when the response carries it.
    pub block: Option<usize>,
    /// The signer's key verifies the signature.
    pub valid: bool,
}

/// An OCSP request's report.
pub fn request(request: &OcspRequest) -> OcspRequestReport {
    let tbs = &request.tbs_request;
    OcspRequestReport {
        requests: tbs
            .request_list
            .iter()
            .map(|r| cert_id(&r.req_cert))
            .collect(),
        nonce: ocsp::nonce(tbs.request_extensions.as_ref()).map(|n| dn::hex(&n)),
        requestor: tbs.requestor_name.as_ref().map(ext::general_name),
        signed: request.optional_signature.is_some(),
        extensions: extensions(tbs.request_extensions.as_deref()),
        lint: Vec::new(),
    }
}

/// An OCSP response's report, as far as it can be read.
pub fn response(response: &OcspResponse) -> OcspResponseReport {
    let mut report = OcspResponseReport {
        status: response.response_status.name().into(),
        response_type: None,
        responder: None,
        produced_at: None,
        responses: Vec::new(),
        nonce: None,
        extensions: Vec::new(),
        signature_algorithm: None,
        certificates: Vec::new(),
        signature: None,
        problems: Vec::new(),
        lint: Vec::new(),
    };
    let Some(bytes) = &response.response_bytes else {
        if response.response_status == ocsp::ResponseStatus::Successful {
            report
                .problems
                .push("successful, yet it carries no responseBytes".into());
        }
        return report;
    };
    report.response_type = Some(match bytes.response_type {
        const_oid::db::rfc6960::ID_PKIX_OCSP_BASIC => "basic".into(),
        other => oids::name(&other),
    });
    let basic = match ocsp::basic(response) {
        None => {
            report.problems.push(format!(
                "the response type {} is not id-pkix-ocsp-basic, the one every responder uses",
                bytes.response_type
            ));
            return report;
        }
        Some(Err(e)) => {
            report
                .problems
                .push(format!("the BasicOCSPResponse does not parse: {e}"));
            return report;
        }
        Some(Ok(basic)) => basic,
    };
    report.signature_algorithm = Some(oids::name(&basic.signature_algorithm.oid));
    report.certificates = basic
        .certs
        .iter()
        .flatten()
        .map(|c| dn::rfc4514(c.tbs_certificate().subject()))
        .collect();
    let data = match basic.data() {
        Ok(data) => data,
        Err(e) => {
            report
                .problems
                .push(format!("the tbsResponseData does not parse: {e}"));
            return report;
        }
    };
    report.responder = Some(match &data.responder_id {
        ResponderId::ByName(name) => Responder {
            name: Some(dn::rfc4514(name)),
            key_hash: None,
        },
        ResponderId::ByKey(hash) => Responder {
            name: None,
            key_hash: Some(dn::hex(hash.as_bytes())),
        },
    });
    report.produced_at = Some(time(&data.produced_at));
    report.responses = data.responses.iter().map(single).collect();
    report.nonce = ocsp::nonce(data.response_extensions.as_ref()).map(|n| dn::hex(&n));
    report.extensions = extensions(data.response_extensions.as_deref());
    report
}

fn single(response: &ocsp::SingleResponse) -> SingleResponseReport {
    let (status, revoked_at, reason) = match &response.cert_status {
        CertStatus::Good(_) => ("good", None, None),
        CertStatus::Revoked(info) => (
            "revoked",
            Some(time(&info.revocation_time)),
            info.revocation_reason.map(crate::decode::crl_reason_name),
        ),
        CertStatus::Unknown(_) => ("unknown", None, None),
    };
    SingleResponseReport {
        cert_id: cert_id(&response.cert_id),
        status: status.into(),
        revoked_at,
        reason,
        this_update: time(&response.this_update),
        next_update: response.next_update.as_ref().map(time),
        extensions: extensions(response.single_extensions.as_deref()),
    }
}

fn cert_id(id: &ocsp::CertId) -> CertIdReport {
    CertIdReport {
        hash_algorithm: oids::name(&id.hash_algorithm.oid),
        issuer_name_hash: dn::hex(id.issuer_name_hash.as_bytes()),
        issuer_key_hash: dn::hex(id.issuer_key_hash.as_bytes()),
        serial: Serial(id.serial_number.as_bytes().to_vec()),
    }
}

fn extensions(list: Option<&[x509_cert::ext::Extension]>) -> Vec<ext::ExtensionReport> {
    ext::decode(list.unwrap_or_default()).extensions
}

fn time(t: &GeneralizedTime) -> Rfc3339 {
    Rfc3339(UnixTime::from(&x509_cert::time::Time::GeneralTime(*t)))
}
