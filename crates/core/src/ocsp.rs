//! OCSP (RFC 6960 section 4): requests and responses as their ASN.1 says, the CertID that
//! names a certificate to a responder, and the request certbench builds.
//!
//! The types mirror RFC 6960's module (EXPLICIT TAGS). A BasicOCSPResponse keeps its
//! tbsResponseData's bytes as received ([`BasicOcspResponse::tbs_der`]): its signature is over
//! them, whatever their encoding.

use const_oid::ObjectIdentifier;
use const_oid::db::rfc6960::{ID_PKIX_OCSP_BASIC, ID_PKIX_OCSP_NONCE};
use der::asn1::{Any, BitString, GeneralizedTime, Null, OctetString};
use der::{Choice, Decode, Encode, Enumerated, Sequence};
use sha1::Digest;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::ext::Extensions;
use x509_cert::ext::pkix::CrlReason;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;

/// `OCSPRequest ::= SEQUENCE { tbsRequest, optionalSignature [0] EXPLICIT Signature OPTIONAL }`
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct OcspRequest {
    /// What is asked.
    pub tbs_request: TbsRequest,
    /// A requester's signature, which few responders ask for.
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub optional_signature: Option<RequestSignature>,
}

/// `TBSRequest`: the version, who asks, the certificates asked about and extensions (nonce).
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct TbsRequest {
    /// v1 (0), the only version.
    #[asn1(
        context_specific = "0",
        default = "Default::default",
        tag_mode = "EXPLICIT"
    )]
    pub version: u8,
    /// The requester's name, when it signs.
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    pub requestor_name: Option<GeneralName>,
    /// One entry a certificate.
    pub request_list: Vec<Request>,
    /// requestExtensions (a nonce, acceptable response types).
    #[asn1(context_specific = "2", optional = "true", tag_mode = "EXPLICIT")]
    pub request_extensions: Option<Extensions>,
}

/// `Signature` of a signed request.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct RequestSignature {
    /// How it is signed.
    pub signature_algorithm: AlgorithmIdentifierOwned,
    /// The signature over the TBSRequest.
    pub signature: BitString,
    /// Certificates to help check it.
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub certs: Option<Vec<Certificate>>,
}

/// `Request`: one certificate, by its CertID.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct Request {
    /// The certificate asked about.
    pub req_cert: CertId,
    /// singleRequestExtensions.
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub single_request_extensions: Option<Extensions>,
}

/// `CertID`: a certificate named by hashes of its issuer's name and key, and its serial.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct CertId {
    /// The hash of both hashes (SHA-1 by custom; SHA-256 allowed).
    pub hash_algorithm: AlgorithmIdentifierOwned,
    /// Hash of the issuer's DN, DER as in the certificate's issuer field.
    pub issuer_name_hash: OctetString,
    /// Hash of the issuer's public key BIT STRING value (without tag, length and unused bits).
    pub issuer_key_hash: OctetString,
    /// The certificate's serial.
    pub serial_number: SerialNumber,
}

/// `OCSPResponse ::= SEQUENCE { responseStatus, responseBytes [0] EXPLICIT OPTIONAL }`
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct OcspResponse {
    /// Whether the responder answered at all.
    pub response_status: ResponseStatus,
    /// The answer, present when the status is successful.
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub response_bytes: Option<ResponseBytes>,
}

/// `OCSPResponseStatus` (value 4 is not used).
#[derive(Enumerated, Copy, Clone, Debug, Eq, PartialEq)]
#[repr(u32)]
pub enum ResponseStatus {
    /// An answer follows.
    Successful = 0,
    /// The request did not follow the syntax.
    MalformedRequest = 1,
    /// The responder is broken.
    InternalError = 2,
    /// Ask again later.
    TryLater = 3,
    /// The responder wants a signed request.
    SigRequired = 5,
    /// The responder does not answer for this certificate.
    Unauthorized = 6,
}

impl ResponseStatus {
    /// RFC 6960's name of the status.
    pub fn name(self) -> &'static str {
        match self {
            ResponseStatus::Successful => "successful",
            ResponseStatus::MalformedRequest => "malformedRequest",
            ResponseStatus::InternalError => "internalError",
            ResponseStatus::TryLater => "tryLater",
            ResponseStatus::SigRequired => "sigRequired",
            ResponseStatus::Unauthorized => "unauthorized",
        }
    }
}

/// `ResponseBytes`: the kind of answer (id-pkix-ocsp-basic) and its DER.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct ResponseBytes {
    /// id-pkix-ocsp-basic for every responder in use.
    pub response_type: ObjectIdentifier,
    /// The DER of the answer (a BasicOCSPResponse).
    pub response: OctetString,
}

/// `BasicOCSPResponse`, its tbsResponseData kept as received.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct BasicOcspResponse {
    /// ResponseData, undecoded: [`BasicOcspResponse::data`] reads it.
    pub tbs_response_data: Any,
    /// How it is signed.
    pub signature_algorithm: AlgorithmIdentifierOwned,
    /// The signature over tbsResponseData.
    pub signature: BitString,
    /// Certificates to help check the signature (a delegated responder's).
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub certs: Option<Vec<Certificate>>,
}

impl BasicOcspResponse {
    /// The bytes the signature covers.
    pub fn tbs_der(&self) -> der::Result<Vec<u8>> {
        self.tbs_response_data.to_der()
    }

    /// The ResponseData.
    pub fn data(&self) -> der::Result<ResponseData> {
        ResponseData::from_der(&self.tbs_der()?)
    }
}

/// `ResponseData`.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct ResponseData {
    /// v1 (0), the only version.
    #[asn1(
        context_specific = "0",
        default = "Default::default",
        tag_mode = "EXPLICIT"
    )]
    pub version: u8,
    /// Who signed: by name or by a hash of its key.
    pub responder_id: ResponderId,
    /// When the response was signed.
    pub produced_at: GeneralizedTime,
    /// One answer a certificate asked about.
    pub responses: Vec<SingleResponse>,
    /// responseExtensions (the nonce echoed).
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    pub response_extensions: Option<Extensions>,
}

/// `ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }`
#[derive(Clone, Debug, Eq, PartialEq, Choice)]
pub enum ResponderId {
    /// The responder's subject name.
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", constructed = "true")]
    ByName(Name),
    /// SHA-1 of the responder's public key BIT STRING value.
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", constructed = "true")]
    ByKey(OctetString),
}

/// `SingleResponse`: one certificate's status and the window it holds for.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct SingleResponse {
    /// The certificate it is about.
    pub cert_id: CertId,
    /// good, revoked or unknown.
    pub cert_status: CertStatus,
    /// The time at which the status is known to be right.
    pub this_update: GeneralizedTime,
    /// When newer information will be available; absent, newer information is always there.
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub next_update: Option<GeneralizedTime>,
    /// singleExtensions (CRL references, SCTs).
    #[asn1(context_specific = "1", optional = "true", tag_mode = "EXPLICIT")]
    pub single_extensions: Option<Extensions>,
}

/// `CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo,
/// unknown [2] IMPLICIT UnknownInfo }`
#[derive(Clone, Debug, Eq, PartialEq, Choice)]
pub enum CertStatus {
    /// Not revoked (which is not to say issued: RFC 6960 section 2.2).
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT")]
    Good(Null),
    /// Revoked, with when and why.
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", constructed = "true")]
    Revoked(RevokedInfo),
    /// The responder does not know the certificate.
    #[asn1(context_specific = "2", tag_mode = "IMPLICIT")]
    Unknown(Null),
}

/// `RevokedInfo`.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct RevokedInfo {
    /// When it was revoked.
    pub revocation_time: GeneralizedTime,
    /// Why, when the responder says.
    #[asn1(context_specific = "0", optional = "true", tag_mode = "EXPLICIT")]
    pub revocation_reason: Option<CrlReason>,
}

/// The hash a CertID is made with.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum CertIdHash {
    /// SHA-1: what RFC 5019 (lightweight OCSP) and every public responder expect.
    Sha1,
    /// SHA-256.
    Sha256,
}

impl CertIdHash {
    /// The hash named by a CertID's algorithm, when certbench computes it.
    pub fn of(algorithm: &ObjectIdentifier) -> Option<CertIdHash> {
        match *algorithm {
            const_oid::db::rfc5912::ID_SHA_1 => Some(CertIdHash::Sha1),
            const_oid::db::rfc5912::ID_SHA_256 => Some(CertIdHash::Sha256),
            _ => None,
        }
    }

    fn oid(self) -> ObjectIdentifier {
        match self {
            CertIdHash::Sha1 => const_oid::db::rfc5912::ID_SHA_1,
            CertIdHash::Sha256 => const_oid::db::rfc5912::ID_SHA_256,
        }
    }

    fn digest(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            CertIdHash::Sha1 => sha1::Sha1::digest(bytes).to_vec(),
            CertIdHash::Sha256 => sha2::Sha256::digest(bytes).to_vec(),
        }
    }
}

impl CertId {
    /// The CertID of the certificate with `serial` issued by `issuer` (RFC 6960 section
    /// 4.1.1): hashes of the issuer's subject DN and of its public key's bits.
    pub fn new(
        issuer: &Certificate,
        serial: SerialNumber,
        hash: CertIdHash,
    ) -> der::Result<CertId> {
        let tbs = issuer.tbs_certificate();
        Ok(CertId {
            hash_algorithm: AlgorithmIdentifierOwned {
                oid: hash.oid(),
                parameters: Some(Null.into()),
            },
            issuer_name_hash: OctetString::new(hash.digest(&tbs.subject().to_der()?))?,
            issuer_key_hash: OctetString::new(
                hash.digest(tbs.subject_public_key_info().subject_public_key.raw_bytes()),
            )?,
            serial_number: serial,
        })
    }

    /// Whether this CertID names the certificate with `serial` issued by `issuer`, under
    /// the CertID's own hash; `None` when certbench does not compute that hash.
    pub fn names(&self, issuer: &Certificate, serial: &SerialNumber) -> Option<bool> {
        let hash = CertIdHash::of(&self.hash_algorithm.oid)?;
        let ours = CertId::new(issuer, serial.clone(), hash).ok()?;
        Some(
            ours.issuer_name_hash == self.issuer_name_hash
                && ours.issuer_key_hash == self.issuer_key_hash
                && ours.serial_number.as_bytes() == self.serial_number.as_bytes(),
        )
    }
}

/// Whether a responder ID names the certificate whose TBS is `tbs`: by its subject, or by
/// the SHA-1 of its public key bits.
pub fn responder_names<P: x509_cert::certificate::Profile>(
    id: &ResponderId,
    tbs: &x509_cert::certificate::TbsCertificateInner<P>,
) -> bool {
    match id {
        ResponderId::ByName(name) => name == tbs.subject(),
        ResponderId::ByKey(hash) => {
            let bits = tbs.subject_public_key_info().subject_public_key.raw_bytes();
            sha1::Sha1::digest(bits).as_slice() == hash.as_bytes()
        }
    }
}

/// The DER of a one-certificate request as `openssl ocsp -issuer I -cert C` makes it, with a
/// nonce when one is given (RFC 8954: 1 to 32 bytes): an [`OcspRequest`] with one [`Request`]
/// and no signature. Written with [`crate::tlv`]: der's generic encoders for the request types
/// cost the web app's wasm more (a test checks the bytes equal theirs).
pub fn request_der(cert_id: &CertId, nonce: Option<&[u8]>) -> der::Result<Vec<u8>> {
    use crate::tlv::{OCTET_STRING, OID, SEQUENCE, encode};
    let id = [
        cert_id.hash_algorithm.to_der()?,
        encode(OCTET_STRING, cert_id.issuer_name_hash.as_bytes()),
        encode(OCTET_STRING, cert_id.issuer_key_hash.as_bytes()),
        cert_id.serial_number.to_der()?,
    ]
    .concat();
    let request_list = encode(SEQUENCE, &encode(SEQUENCE, &encode(SEQUENCE, &id)));
    // requestExtensions [2] EXPLICIT: the nonce, its value an OCTET STRING in the extension's.
    let extensions = match nonce {
        None => Vec::new(),
        Some(nonce) => {
            let nonce = [
                encode(OID, ID_PKIX_OCSP_NONCE.as_bytes()),
                encode(OCTET_STRING, &encode(OCTET_STRING, nonce)),
            ]
            .concat();
            encode(0xa2, &encode(SEQUENCE, &encode(SEQUENCE, &nonce)))
        }
    };
    Ok(encode(
        SEQUENCE,
        &encode(SEQUENCE, &[request_list, extensions].concat()),
    ))
}

/// The BasicOCSPResponse inside a successful response; `None` for an unsuccessful one or
/// another response type.
pub fn basic(response: &OcspResponse) -> Option<der::Result<BasicOcspResponse>> {
    let bytes = response.response_bytes.as_ref()?;
    (bytes.response_type == ID_PKIX_OCSP_BASIC)
        .then(|| BasicOcspResponse::from_der(bytes.response.as_bytes()))
}

/// The nonce an extension list carries, its value bytes.
pub fn nonce(extensions: Option<&Extensions>) -> Option<Vec<u8>> {
    let extension = extensions?
        .iter()
        .find(|e| e.extn_id == ID_PKIX_OCSP_NONCE)?;
    let value = extension.extn_value.as_bytes();
    // RFC 8954 wraps the nonce in an OCTET STRING; some responders put the bytes bare.
    Some(match OctetString::from_der(value) {
        Ok(inner) => inner.as_bytes().to_vec(),
        Err(_) => value.to_vec(),
    })
}
