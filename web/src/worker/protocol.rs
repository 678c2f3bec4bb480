//! What the page and the worker say to each other. Messages are `Uint8Array`s: a 4-byte
//! little-endian request id, then the postcard encoding of a [`Job`] (page to worker) or of
//! that job's answer (worker to page). An empty message from the worker says it is ready.
//! Both modules come from the same build, so the encoding needs no versioning; an answer that
//! does not read says to reload.
//!
//! Each request is a type, bound to the type of its answer ([`Request::Answer`], one table in
//! [`jobs!`]): the page reads what the worker was bound to write, so a mismatch is a compile
//! error, not a failure at run time. The worker may write an answer borrowed ([`Sends`]),
//! where serde writes it exactly as the owned form the page reads.

use certbench_core::decode::overview::{Overview, View};
use certbench_core::decode::{self, Decoded, Report};
use certbench_core::generate::OcspRequestMade;
use certbench_core::generate::order::{File, FormView, MadeCa, Order, Outcome};
use certbench_core::input::Encoding;
use certbench_core::lint::Finding;
use certbench_core::verify::{self, Verdict};
use certbench_core::{Error, UnixTime};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// An answer that does not read: the page and the worker come from different builds.
pub(super) const UNEXPECTED: &str = "unexpected answer from the worker; reload the page";

/// The worker's answer to a job that names an input it no longer has.
pub(super) const FORGOTTEN: &str = "the worker no longer has this input";

/// How many revoked entries of a CRL cross to the page with its report.
pub(super) const REVOKED_SENT: usize = 1000;

/// A job for the worker, bound to what it answers.
pub(super) trait Request: Into<Job> {
    /// The answer, as the page reads it.
    type Answer: DeserializeOwned;

    /// The worker's answer to a request of this type, encoded: `answer` is [`Self::Answer`]
    /// or a borrowed form written the same way.
    fn reply(answer: &impl Sends<Self::Answer>) -> Vec<u8> {
        // Every answer type serializes; an empty answer reads as unexpected on the page.
        postcard::to_allocvec(answer).unwrap_or_default()
    }
}

/// A value the worker may send where the page reads `A`: `A` itself, or a borrowed form that
/// serde writes exactly as `A` (each such pair is declared below, beside its types).
pub(super) trait Sends<A>: Serialize {}

impl<A: Serialize> Sends<A> for A {}

/// Declares the jobs: each request type, the [`Job`] variant that carries it, and its answer.
macro_rules! jobs {
    ($($(#[$doc:meta])* $variant:ident($request:ident) => $answer:ty;)+) => {
        /// Work for the worker: one variant per request type.
        #[derive(Serialize, Deserialize)]
        pub(super) enum Job {
            $($(#[$doc])* $variant($request)),+
        }

        $(
            impl From<$request> for Job {
                fn from(request: $request) -> Job {
                    Job::$variant(request)
                }
            }

            impl Request for $request {
                type Answer = $answer;
            }
        )+
    };
}

jobs! {
    /// The overview of an input, its bundle lint, and the window of blocks a view selects.
    Decode(DecodeJob) => Result<WireWindow<Overview, Vec<Finding>, WireBlock>, String>;
    /// The shared-link value of PEM text.
    ShareEncode(ShareEncode) => Result<String, String>;
    /// The PEM text of a shared-link value.
    ShareDecode(ShareDecode) => Result<String, String>;
    /// The certificates of a dropped file, as PEM.
    CertificatesAsPem(CertificatesAsPem) => Result<String, String>;
    /// A Verify form's verdict, its chain's blocks and their bundle lint.
    Verify(VerifyJob) => Result<(Verdict, WireBlocks, Vec<Finding>), String>;
    /// A Generate order fulfilled.
    Generate(GenerateJob) => Result<Made, String>;
    /// What the Generate form will make, before any key is made.
    Form(FormJob) => FormView;
    /// Every entry of a CRL.
    Revoked(RevokedJob) => Vec<decode::RevokedEntry>;
    /// An encrypted key or a PKCS#12 file opened.
    Unlock(UnlockJob) => Result<Vec<WireBlock>, String>;
    /// A block's ASN.1 tree and field offsets (parsed in the worker: the page need not carry
    /// the parser and the OID names).
    Asn1(Asn1Job) => certbench_core::asn1::View;
    /// The OCSP request for a certificate of the input decoded last (its issuer found there),
    /// and the request's DER.
    OcspRequest(OcspRequestJob) => Result<(OcspRequestMade, WireBytes), String>;
}

/// The block of the kept input whose certificate an OCSP request is for.
#[derive(Serialize, Deserialize)]
pub(super) struct OcspRequestJob(pub(super) usize);

/// Bytes as one serde byte string.
#[derive(Serialize, Deserialize)]
pub(super) struct WireBytes(#[serde(with = "as_bytes")] pub(super) Vec<u8>);

/// The overview of `input`'s blocks with validity at `at`, their bundle lint, and the first
/// `shown` blocks that `view` selects; with `complete`, signatures checked and keys derived by
/// WebCrypto too. The decoded blocks stay in the worker for the next window of the same input.
#[derive(Serialize, Deserialize)]
pub(super) struct DecodeJob {
    /// The page's number for this input; an empty `input` means "the input of this number,
    /// which you kept" (answered [`FORGOTTEN`] if the worker no longer has it).
    pub(super) id: u64,
    #[serde(with = "as_bytes")]
    pub(super) input: Vec<u8>,
    pub(super) at: UnixTime,
    pub(super) complete: bool,
    pub(super) view: View,
    pub(super) shown: usize,
}

/// PEM text to put in a shared link.
#[derive(Serialize, Deserialize)]
pub(super) struct ShareEncode(pub(super) String);

/// A shared link's value to read back.
#[derive(Serialize, Deserialize)]
pub(super) struct ShareDecode(pub(super) String);

/// A dropped file's bytes, PEM or DER.
#[derive(Serialize, Deserialize)]
pub(super) struct CertificatesAsPem(#[serde(with = "as_bytes")] pub(super) Vec<u8>);

/// A Verify form as the user filled it.
#[derive(Serialize, Deserialize)]
pub(super) struct VerifyJob(pub(super) verify::order::Order);

/// A Generate order (the whole mTLS chain for `None`), with the CAs made so far.
#[derive(Serialize, Deserialize)]
pub(super) struct GenerateJob {
    pub(super) order: Option<Order>,
    pub(super) made: Vec<MadeCa>,
}

/// The Generate form as it stands.
#[derive(Serialize, Deserialize)]
pub(super) struct FormJob(pub(super) Order);

/// A CRL's DER, for all its entries.
#[derive(Serialize, Deserialize)]
pub(super) struct RevokedJob(#[serde(with = "as_bytes")] pub(super) Vec<u8>);

/// A block's DER, what it is, and whether its whole tree is wanted.
#[derive(Serialize, Deserialize)]
pub(super) struct Asn1Job {
    #[serde(with = "as_bytes")]
    pub(super) der: Vec<u8>,
    pub(super) shape: Option<certbench_core::asn1::Shape>,
    pub(super) tree: bool,
}

/// A locked block and the password to open it with.
#[derive(Serialize, Deserialize)]
pub(super) struct UnlockJob {
    pub(super) locked: Locked,
    /// A PKCS#12 file, rather than an encrypted key.
    pub(super) pkcs12: bool,
    pub(super) password: String,
}

impl Sends<Result<WireWindow<Overview, Vec<Finding>, WireBlock>, String>>
    for Result<WireWindow<&Overview, &Vec<Finding>, WireBlockRef<'_>>, String>
{
}

impl Sends<Result<(Verdict, WireBlocks, Vec<Finding>), String>>
    for Result<
        (
            &Verdict,
            Vec<Result<WireBlockRef<'_>, String>>,
            &Vec<Finding>,
        ),
        &String,
    >
{
}

impl Sends<Result<Vec<WireBlock>, String>> for Result<Vec<WireBlockRef<'_>>, &String> {}

/// What opening a locked block needs of it: where it was, its DER, and an encrypted key's
/// report (its format and legacy DEK-Info). Not the whole block: the page need not write, nor
/// the worker read, every kind of report for this.
#[derive(Serialize, Deserialize)]
pub(super) struct Locked {
    block: usize,
    item: Option<usize>,
    label: Option<String>,
    line: Option<usize>,
    encoding: Encoding,
    #[serde(with = "as_bytes")]
    der: Vec<u8>,
    key: Option<decode::PrivateKeyReport>,
}

impl From<&Decoded> for Locked {
    fn from(d: &Decoded) -> Locked {
        Locked {
            block: d.block,
            item: d.item,
            label: d.label.clone(),
            line: d.line,
            encoding: d.encoding,
            der: d.der.clone(),
            key: match &d.report {
                Report::PrivateKey(key) => Some(key.clone()),
                _ => None,
            },
        }
    }
}

impl From<Locked> for Decoded {
    fn from(l: Locked) -> Decoded {
        Decoded {
            block: l.block,
            item: l.item,
            label: l.label,
            line: l.line,
            encoding: l.encoding,
            report: match l.key {
                Some(key) => Report::PrivateKey(key),
                None => Report::Pkcs12(decode::container::Pkcs12Report {
                    mac: None,
                    note: String::new(),
                    legacy_ciphers: false,
                }),
            },
            der: l.der,
        }
    }
}

/// [`Window`] as it crosses to the page: sent borrowed (`&Overview`, `&Vec<Finding>`,
/// [`WireBlockRef`]), read owned ([`Overview`], `Vec<Finding>`, [`WireBlock`]).
#[derive(Serialize, Deserialize)]
pub(super) struct WireWindow<O, F, B> {
    pub(super) overview: O,
    pub(super) bundle: F,
    pub(super) selected: usize,
    pub(super) blocks: Vec<Result<B, String>>,
}

/// A block as the page reads it (the worker writes it as [`WireBlockRef`]). [`Decoded`]'s
/// serde form is the CLI's JSON (the report flattened into the block and tagged by a `kind`
/// key, the DER left out), which a binary format cannot read back; this carries every field,
/// the report tagged from outside.
#[derive(Deserialize)]
pub(super) struct WireBlock {
    block: usize,
    item: Option<usize>,
    label: Option<String>,
    line: Option<usize>,
    encoding: Encoding,
    report: WireReport,
    #[serde(with = "as_bytes")]
    der: Vec<u8>,
}

/// A block's DER as one byte string, copied at once, instead of serde's default sequence of
/// numbers read one by one: a CA's CRL is 40 MB. The same bytes on the wire either way.
mod as_bytes {
    pub(crate) fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
        }
        d.deserialize_byte_buf(Bytes)
    }
}

/// [`Report`], variant for variant, with serde's default (outside) tagging; `Unread` for a
/// kind the page does not show (a kind a later core adds before the page learns it).
macro_rules! wire_report {
    ($($variant:ident($inner:ty)),+ $(,)?) => {
        #[derive(Deserialize)]
        enum WireReport {
            $($variant($inner),)+
            Unread,
        }

        impl TryFrom<WireReport> for Report {
            type Error = String;
            fn try_from(report: WireReport) -> Result<Report, String> {
                match report {
                    $(WireReport::$variant(inner) => Ok(Report::$variant(inner)),)+
                    WireReport::Unread => Err("the page does not show this kind of block".into()),
                }
            }
        }

        /// [`WireReport`] borrowed: what the worker sends, written as [`WireReport`] reads.
        #[derive(Serialize)]
        enum WireReportRef<'a> {
            $($variant(&'a $inner),)+
            Unread,
        }

        impl<'a> From<&'a Report> for WireReportRef<'a> {
            fn from(report: &'a Report) -> WireReportRef<'a> {
                #[allow(unreachable_patterns, reason = "reached only by kinds the page does not know yet")]
                match report {
                    $(Report::$variant(inner) => WireReportRef::$variant(inner),)+
                    _ => WireReportRef::Unread,
                }
            }
        }
    };
}

/// [`WireBlock`] borrowed from a [`Decoded`]: the worker sends blocks it keeps without copying
/// them first. Serialized exactly as [`WireBlock`] is, field for field.
#[derive(Serialize)]
pub(super) struct WireBlockRef<'a> {
    block: usize,
    item: Option<usize>,
    label: &'a Option<String>,
    line: Option<usize>,
    encoding: Encoding,
    report: WireReportRef<'a>,
    #[serde(serialize_with = "as_bytes::serialize")]
    der: &'a [u8],
}

impl<'a> From<&'a Decoded> for WireBlockRef<'a> {
    fn from(d: &'a Decoded) -> WireBlockRef<'a> {
        WireBlockRef {
            block: d.block,
            item: d.item,
            label: &d.label,
            line: d.line,
            encoding: d.encoding,
            report: (&d.report).into(),
            der: &d.der,
        }
    }
}

/// Blocks as the worker sends them: an error goes as its message.
pub(super) fn wire_refs<'a>(
    blocks: impl IntoIterator<Item = &'a Result<Decoded, Error>>,
) -> Vec<Result<WireBlockRef<'a>, String>> {
    blocks
        .into_iter()
        .map(|b| b.as_ref().map(WireBlockRef::from).map_err(Error::to_string))
        .collect()
}

wire_report!(
    Certificate(Box<decode::CertificateReport>),
    Csr(decode::CsrReport),
    PrivateKey(decode::PrivateKeyReport),
    PublicKey(decode::PublicKeyReport),
    Crl(decode::CrlReport),
    Pkcs7(decode::container::Pkcs7Report),
    Pkcs12(decode::container::Pkcs12Report),
    Parameters(decode::key::ParametersReport),
    OcspRequest(decode::ocsp::OcspRequestReport),
    OcspResponse(Box<decode::ocsp::OcspResponseReport>),
);

impl TryFrom<WireBlock> for Decoded {
    type Error = String;
    fn try_from(w: WireBlock) -> Result<Decoded, String> {
        Ok(Decoded {
            block: w.block,
            item: w.item,
            label: w.label,
            line: w.line,
            encoding: w.encoding,
            report: w.report.try_into()?,
            der: w.der,
        })
    }
}

/// Blocks as they cross to the page: an error goes as its message.
pub(super) type WireBlocks = Vec<Result<WireBlock, String>>;

/// What Generate made: the files (each PEM file's DER beside it, when it is one block) and the
/// lint findings of the certificate made (`None` when there is no cert.pem).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Made {
    pub outcome: Outcome,
    pub ders: Vec<Option<File>>,
    pub lint: Option<Vec<Finding>>,
}

pub(super) fn frame(id: u32, body: &[u8]) -> Zeroizing<Vec<u8>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(4 + body.len()));
    bytes.extend_from_slice(&id.to_le_bytes());
    bytes.extend_from_slice(body);
    bytes
}

pub(super) fn unframe(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (id, body) = bytes.split_first_chunk::<4>()?;
    Some((u32::from_le_bytes(*id), body))
}
