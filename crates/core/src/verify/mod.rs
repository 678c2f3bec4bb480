//! Verify: build a certification path from a bundle in any order to a trust anchor and check
//! it (RFC 5280 section 6), then match the leaf against a host name (RFC 6125) and pins.
//! Every check is recorded, passed or failed, so the verdict can be explained.

mod caller;
mod names;
#[cfg(all(feature = "ocsp", feature = "revocation"))]
mod ocsp;
pub mod order;
mod policy;
mod profile;
mod revocation;
mod rules;
#[cfg(feature = "public-suffixes")]
mod suffix;

pub use caller::{
    Required, extended_key_usage_named, key_usage_named, policy_named, signature_algorithm_named,
};
pub use names::{dns_matches, valid_dns_name};
#[cfg(all(feature = "ocsp", feature = "revocation"))]
pub use ocsp::OcspAnswer;
pub use policy::{Policies, PolicyInputs, PolicyNode};
pub use profile::{OtherProfile, Profile};
pub use revocation::{Crl, Revocation, RevocationStatus};
#[cfg(feature = "public-suffixes")]
pub use suffix::{PUBLIC_SUFFIXES_SOURCE, PublicSuffixes};

use crate::decode::{ext, read_certificates};
use crate::signature::{self, SignatureError};
use crate::{dn, time::UnixTime};
use rules::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cell::RefCell;
use x509_cert::Certificate;

/// The extended key usage the leaf is checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    /// TLS server: serverAuth.
    Server,
    /// TLS client: clientAuth.
    Client,
}

impl Purpose {
    pub(crate) fn eku(self) -> &'static str {
        match self {
            Purpose::Server => "serverAuth",
            Purpose::Client => "clientAuth",
        }
    }
}

#[derive(Clone, Debug)]
/// What to verify for.
pub struct Options {
    /// The validation time.
    pub at: UnixTime,
    /// The host name or IP address the leaf must be valid for.
    pub host: Option<String>,
    /// The purpose the leaf must be for; `None` for any.
    pub purpose: Option<Purpose>,
    /// `pin-sha256` values (base64 SHA-256 of a SubjectPublicKeyInfo); one must match the path.
    pub pins: Vec<String>,
    /// Most logical intermediates allowed between leaf and anchor (self-issued ones are free,
    /// as in RFC 5280 section 6.1.4 (l)); `None` for no limit of the user's.
    pub max_intermediates: Option<usize>,
    /// Roots that are not trusted but may be named in advice (Mozilla's store, when the user
    /// did not choose to trust it): "this root of the store would complete the path".
    pub known_roots: Vec<Certificate>,
    /// The rules to follow: browsers' (default) or RFC 5280's alone.
    pub profile: Profile,
    /// Key usages, extended key usages and signature algorithms the caller insists on.
    pub required: Required,
    /// CRLs to check revocation against (RFC 5280 section 6.3).
    pub crls: Vec<Crl>,
    /// OCSP responses to check revocation against (RFC 6960), before the CRLs.
    #[cfg(all(feature = "ocsp", feature = "revocation"))]
    pub ocsp: Vec<OcspAnswer>,
    /// Fail when a certificate's revocation status is unknown (like `openssl verify
    /// -crl_check_all`); otherwise unknown is reported, not failed.
    pub require_revocation: bool,
    /// The policies the user accepts and the policy switches (RFC 5280 section 6.1.1).
    pub policy: PolicyInputs,
    /// The Public Suffix List, for refusing wildcards over public suffixes (webpki).
    #[cfg(feature = "public-suffixes")]
    pub public_suffixes: Option<std::sync::Arc<PublicSuffixes>>,
}

impl Options {
    /// Options for verifying at `at`, nothing else asked.
    pub fn at(at: UnixTime) -> Options {
        Options {
            at,
            host: None,
            purpose: None,
            pins: Vec::new(),
            max_intermediates: None,
            known_roots: Vec::new(),
            profile: Profile::Webpki,
            required: Required::default(),
            crls: Vec::new(),
            #[cfg(all(feature = "ocsp", feature = "revocation"))]
            ocsp: Vec::new(),
            require_revocation: false,
            policy: PolicyInputs::default(),
            #[cfg(feature = "public-suffixes")]
            public_suffixes: None,
        }
    }
}

/// Longest path building explores, anchor included: real chains have 2 to 5 certificates;
/// the cap bounds the work a hostile bundle can cause.
const MAX_PATH_CERTIFICATES: usize = 12;
/// Most candidate paths evaluated for one leaf.
const MAX_PATHS: usize = 64;

/// The outcome: a verdict, the path chosen and every check made on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// A path to a trust anchor passed every check.
    pub valid: bool,
    /// Subjects from the leaf to the anchor (or to where the path stops).
    pub path: Vec<String>,
    /// The bundle was not in leaf-to-root order.
    pub reordered: bool,
    /// Every check made, passed or not, certificate by certificate.
    pub checks: Vec<Check>,
    /// What failed, most important first, in plain words.
    pub errors: Vec<Failure>,
    /// The profile this verdict follows.
    pub profile: Profile,
    /// The other profile's verdict and why, when it decides differently.
    pub other_profile: Option<OtherProfile>,
    /// Each certificate's revocation status, when CRLs were given or required.
    pub revocation: Vec<RevocationStatus>,
    /// The policies the path is valid for (RFC 5280 section 6.1.5 (g)); only in builds that
    /// process policies.
    #[cfg(feature = "policies")]
    pub policies: Policies,
}

/// One check on one certificate of the path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// Position in the path, 0 = leaf.
    pub depth: usize,
    /// Subject of the certificate checked.
    pub cert: String,
    /// Rule name, e.g. `signature`, `validity`, `basic_constraints`.
    pub check: Cow<'static, str>,
    /// Passed.
    pub ok: bool,
    /// What was checked and found, in words.
    pub detail: String,
}

/// A failed check, explained for a person and mapped to the names other tools use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// Stable identifier (`expired`, `hostname_mismatch`, …).
    pub code: Cow<'static, str>,
    /// What is wrong and what to do, in plain words.
    pub message: String,
    /// The RFC section (or CA/B rule) it breaks.
    pub rfc: Cow<'static, str>,
    /// The error OpenSSL gives (`X509_V_ERR_CERT_HAS_EXPIRED (10)`).
    pub openssl: Cow<'static, str>,
    /// The error Chromium shows (`ERR_CERT_DATE_INVALID`).
    pub chromium: Cow<'static, str>,
}

/// What each failure code means elsewhere: (code, RFC section, OpenSSL error, Chromium error).
#[rustfmt::skip]
const FAILURE_NAMES: &[(&str, &str, &str, &str)] = &[
    ("expired", "RFC 5280 §6.1.3 (a)(2)", "X509_V_ERR_CERT_HAS_EXPIRED (10)", "ERR_CERT_DATE_INVALID"),
    ("not_yet_valid", "RFC 5280 §6.1.3 (a)(2)", "X509_V_ERR_CERT_NOT_YET_VALID (9)", "ERR_CERT_DATE_INVALID"),
    ("bad_signature", "RFC 5280 §6.1.3 (a)(1)", "X509_V_ERR_CERT_SIGNATURE_FAILURE (7)", "ERR_CERT_INVALID"),
    ("missing_issuer", "RFC 5280 §6.1", "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY (20)", "ERR_CERT_AUTHORITY_INVALID"),
    ("untrusted_root", "RFC 5280 §6.1.1 (d)", "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN (19)", "ERR_CERT_AUTHORITY_INVALID"),
    ("self_signed_leaf", "RFC 5280 §6.1.1 (d)", "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT (18)", "ERR_CERT_AUTHORITY_INVALID"),
    ("not_a_ca", "RFC 5280 §6.1.4 (k)", "X509_V_ERR_INVALID_CA (24)", "ERR_CERT_INVALID"),
    ("path_length", "RFC 5280 §6.1.4 (l)-(m)", "X509_V_ERR_PATH_LENGTH_EXCEEDED (25)", "ERR_CERT_INVALID"),
    ("key_usage", "RFC 5280 §6.1.4 (n)", "X509_V_ERR_KEYUSAGE_NO_CERTSIGN (32)", "ERR_CERT_INVALID"),
    ("extended_key_usage", "RFC 5280 §4.2.1.12", "X509_V_ERR_INVALID_PURPOSE (26)", "ERR_CERT_INVALID"),
    ("unknown_critical_extension", "RFC 5280 §4.2", "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION (34)", "ERR_CERT_INVALID"),
    ("invalid_extension", "RFC 5280 §4.2", "X509_V_ERR_INVALID_EXTENSION (41)", "ERR_CERT_INVALID"),
    ("hostname", "RFC 6125 §6.4", "X509_V_ERR_HOSTNAME_MISMATCH (62)", "ERR_CERT_COMMON_NAME_INVALID"),
    ("pin", "RFC 7469 §2.6", "(none: pinning is done by the application)", "ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN"),
    ("too_long", "RFC 5280 §6.1", "X509_V_ERR_CERT_CHAIN_TOO_LONG (22)", "ERR_CERT_INVALID"),
    ("no_certificates", "RFC 5280 §6.1", "(no certificate)", "ERR_CERT_INVALID"),
    ("serial", "RFC 5280 §4.1.2.2", "(accepted by OpenSSL)", "ERR_CERT_INVALID"),
    ("weak_key", "CA/B BR §6.1.5", "X509_V_ERR_EE_KEY_TOO_SMALL (67) / X509_V_ERR_CA_KEY_TOO_SMALL (66)", "ERR_CERT_WEAK_KEY"),
    ("empty_subject", "RFC 5280 §4.1.2.6", "X509_V_ERR_SUBJECT_NAME_EMPTY (88, strict mode)", "ERR_CERT_INVALID"),
    ("key_identifiers", "RFC 5280 §4.2.1.1-4.2.1.2", "X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER (86) / X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER (87)", "ERR_CERT_INVALID"),
    ("leaf_key_usage", "RFC 5280 §4.2.1.3", "X509_V_ERR_INVALID_PURPOSE (26)", "ERR_CERT_INVALID"),
    ("invalid_san", "RFC 5280 §4.2.1.6", "X509_V_ERR_UNSUPPORTED_NAME_SYNTAX (53)", "ERR_CERT_INVALID"),
    ("name_constraints", "RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)", "X509_V_ERR_PERMITTED_VIOLATION (47) / X509_V_ERR_EXCLUDED_VIOLATION (48)", "ERR_CERT_NAME_CONSTRAINT_VIOLATION"),
    ("weak_signature", "CA/B BR §7.1.3.2", "X509_V_ERR_CA_MD_TOO_WEAK (68)", "ERR_CERT_WEAK_SIGNATURE_ALGORITHM"),
    ("required_key_usage", "RFC 5280 §4.2.1.3", "X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE (39)", "ERR_CERT_INVALID"),
    ("signature_algorithm_not_allowed", "RFC 5280 §6.1.3 (a)(1)", "X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM (76)", "ERR_CERT_WEAK_SIGNATURE_ALGORITHM"),
    ("revoked", "RFC 5280 §6.3.3 (i)", "X509_V_ERR_CERT_REVOKED (23)", "ERR_CERT_REVOKED"),
    ("revocation_unknown", "RFC 5280 §6.3.3 (k)", "X509_V_ERR_UNABLE_TO_GET_CRL (3)", "ERR_CERT_UNABLE_TO_CHECK_REVOCATION"),
    ("policy", "RFC 5280 §6.1.3 (d)-(f), §6.1.4 (a), §6.1.5 (g)", "X509_V_ERR_NO_EXPLICIT_POLICY (43) / X509_V_ERR_INVALID_POLICY_EXTENSION (42)", "ERR_CERT_INVALID"),
    ("wildcard_public_suffix", "CA/B BR §3.2.2.6", "(accepted by OpenSSL)", "ERR_CERT_COMMON_NAME_INVALID"),
    ("ca_as_leaf", "CA/B BR §7.1.2.7.8", "(accepted by OpenSSL)", "(Firefox: MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY)"),
];

pub(crate) fn failure(code: &'static str, message: String) -> Failure {
    let (_, rfc, openssl, chromium) = FAILURE_NAMES
        .iter()
        .copied()
        .find(|(c, ..)| *c == code)
        .unwrap_or((code, "RFC 5280 §6.1", "", ""));
    Failure {
        code: code.into(),
        message,
        rfc: rfc.into(),
        openssl: openssl.into(),
        chromium: chromium.into(),
    }
}

/// A certificate with what the checks need, decoded once.
pub(crate) struct Candidate<'a> {
    cert: &'a Certificate,
    subject: String,
    /// Subject and issuer prepared for comparison (RFC 5280 section 7.1).
    subject_form: dn::Comparable,
    issuer_form: dn::Comparable,
    exts: ext::ExtensionSummary,
    anchor: bool,
    /// Index in the user's bundle, for the reorder note.
    bundle_index: Option<usize>,
}

impl<'a> Candidate<'a> {
    fn new(cert: &'a Certificate, anchor: bool, bundle_index: Option<usize>) -> Self {
        let tbs = cert.tbs_certificate();
        Candidate {
            cert,
            subject: dn::rfc4514(tbs.subject()),
            subject_form: dn::Comparable::of(tbs.subject()),
            issuer_form: dn::Comparable::of(tbs.issuer()),
            exts: ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default()),
            anchor,
            bundle_index,
        }
    }

    fn issued(&self, child: &Candidate<'_>) -> bool {
        self.subject_form == child.issuer_form
            && match (&child.exts.authority_key_id, &self.exts.subject_key_id) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            }
    }

    pub(crate) fn self_issued(&self) -> bool {
        self.subject_form == self.issuer_form
    }

    /// Whether `self` names `issuer` as its issuer only after string preparation (different
    /// case, spaces or string types): said in the path's explanation.
    fn names_issuer_loosely(&self, issuer: &Candidate<'_>) -> bool {
        self.cert.tbs_certificate().issuer() != issuer.cert.tbs_certificate().subject()
    }
}

/// The Mozilla root store certbench ships: Debian `ca-certificates` 20230311+deb12u1.
pub const MOZILLA_ROOTS_SOURCE: &str = "Mozilla root store (Debian ca-certificates 20230311)";
/// The date of that store (Mozilla's certdata as Debian packaged it), as people read dates.
pub const MOZILLA_ROOTS_DATE: &str = "11 March 2023";
/// Concatenated DER of the roots unexpired when generated (tools/mozilla-roots.sh): a seventh
/// smaller than the PEM, and no anchor that could never validate anything.
const MOZILLA_ROOTS_DER: &[u8] = include_bytes!("../../data/mozilla-roots.der");

/// The name the web app serves the store under, beside its wasm: loaded after first paint, so
/// its 100 KB never delay the page.
pub const MOZILLA_ROOTS_FILE: &str = "mozilla-roots.der";

/// SHA-256 of the store this build ships (a test keeps this true): bytes loaded at run time
/// are trusted only when they are exactly these.
pub const MOZILLA_ROOTS_SHA256: &str =
    "59c2c6dcfba66afaad40c191138daebb749ae5bad73c1f96f402a77a30552790";

/// How many roots [`mozilla_roots`] returns (a test keeps this true).
pub const MOZILLA_ROOTS_COUNT: usize = 139;

/// The built-in trust anchors.
pub fn mozilla_roots() -> Vec<Certificate> {
    read_certificates(MOZILLA_ROOTS_DER).unwrap_or_default()
}

/// The store from bytes loaded at run time ([`MOZILLA_ROOTS_FILE`]), refused unless they are
/// the store this build ships: a trust store is the last thing to take on faith.
pub fn mozilla_roots_from(der: &[u8]) -> Result<Vec<Certificate>, crate::Error> {
    use sha2::Digest;
    if crate::dn::hex(&sha2::Sha256::digest(der)) != MOZILLA_ROOTS_SHA256 {
        return Err(crate::Error::RootStore(format!(
            "the store loaded ({} bytes) is not the one this build ships; reload the page",
            der.len()
        )));
    }
    read_certificates(der).map_err(|e| crate::Error::RootStore(e.to_string()))
}

/// Verifies `bundle` (leaf and intermediates, any order, extras allowed) against `anchors`.
/// The leaf is found in the bundle: the certificate that issued none of the others.
pub fn verify(bundle: &[Certificate], anchors: &[Certificate], options: &Options) -> Verdict {
    verify_with(bundle, anchors, options, Signatures::HERE)
}

/// Who checks the signatures on a path.
#[derive(Clone, Copy, Debug)]
pub enum Signatures<'a> {
    /// This function, as the path is built ([`Signatures::HERE`] is certbench's own code). A
    /// function, not a fixed choice, so a build that never names certbench's own code (the web
    /// app, which uses WebCrypto) does not carry it.
    With(fn(&signature::Check) -> Result<(), SignatureError>),
    /// Outcomes decided elsewhere (the web app's WebCrypto) for the checks
    /// [`signature_checks`] listed; a check not among them counts as not made.
    Given(&'a [(signature::Check, Result<(), SignatureError>)]),
    /// [`Signatures::With`] remembering each outcome: a check is made once however many
    /// candidate paths, and both profiles' verdicts, ask for it.
    Remembered(
        fn(&signature::Check) -> Result<(), SignatureError>,
        &'a RefCell<Vec<(signature::Check, Result<(), SignatureError>)>>,
    ),
}

impl Signatures<'_> {
    /// certbench's own (RustCrypto) implementations.
    pub const HERE: Signatures<'static> = Signatures::With(signature::Check::run);

    /// RFC 5280 section 6.1.3 (a)(1): `cert` signed by `issuer`'s key.
    pub(crate) fn check(
        &self,
        cert: &Certificate,
        issuer: &Certificate,
    ) -> Result<(), SignatureError> {
        self.run(&signature::Check::certificate(
            cert,
            issuer.tbs_certificate().subject_public_key_info(),
        )?)
    }

    /// Runs one check made elsewhere (a CRL's, [`revocation`]).
    pub(super) fn run(&self, check: &signature::Check) -> Result<(), SignatureError> {
        match self {
            Signatures::With(run) => run(check),
            Signatures::Remembered(run, made) => {
                if let Some((_, outcome)) = made.borrow().iter().find(|(c, _)| c == check) {
                    return outcome.clone();
                }
                let outcome = run(check);
                made.borrow_mut().push((check.clone(), outcome.clone()));
                outcome
            }
            Signatures::Given(outcomes) => {
                outcomes.iter().find(|(made, _)| made == check).map_or_else(
                    || {
                        Err(SignatureError::NotChecked(
                            "no outcome was given for it".into(),
                        ))
                    },
                    |(_, outcome)| outcome.clone(),
                )
            }
        }
    }
}

/// Every signature path building may check for `bundle` and `anchors`: each certificate that is
/// not an anchor, against each certificate that could have issued it; and for revocation, each
/// of the options' CRLs and OCSP responses against the certificates that could have signed it.
pub fn signature_checks(
    bundle: &[Certificate],
    anchors: &[Certificate],
    options: &Options,
) -> Vec<signature::Check> {
    let pool = candidates(bundle, anchors);
    let mut checks = Vec::new();
    for child in pool.iter().filter(|c| !c.anchor) {
        for issuer in pool.iter().filter(|i| i.issued(child)) {
            let issuer_key = issuer.cert.tbs_certificate().subject_public_key_info();
            if let Ok(check) = signature::Check::certificate(child.cert, issuer_key) {
                checks.push(check);
            }
        }
    }
    let certificates = pool.iter().map(|c| c.cert);
    for crl in &options.crls {
        checks.extend(crl.signature_checks(certificates.clone()));
    }
    #[cfg(all(feature = "ocsp", feature = "revocation"))]
    for answer in &options.ocsp {
        checks.extend(answer.signature_checks(certificates.clone()));
    }
    checks
}

/// [`verify`], with the signatures checked by `signatures`.
pub fn verify_with(
    bundle: &[Certificate],
    anchors: &[Certificate],
    options: &Options,
    signatures: Signatures<'_>,
) -> Verdict {
    let pool = candidates(bundle, anchors);
    let leaf = pick_leaf(&pool);
    verify_from(&pool, leaf, options, signatures)
}

/// Verifies `peer` as the leaf, with `intermediates` to build from, as a TLS client does with
/// the server's certificate message.
pub fn verify_peer(
    peer: &Certificate,
    intermediates: &[Certificate],
    anchors: &[Certificate],
    options: &Options,
) -> Verdict {
    let bundle: Vec<Certificate> = std::iter::once(peer.clone())
        .chain(intermediates.iter().cloned())
        .collect();
    let pool = candidates(&bundle, anchors);
    verify_from(
        &pool,
        pool.iter().position(|c| c.cert == peer),
        options,
        Signatures::HERE,
    )
}

fn candidates<'a>(bundle: &'a [Certificate], anchors: &'a [Certificate]) -> Vec<Candidate<'a>> {
    let mut pool: Vec<Candidate> = Vec::new();
    for (i, cert) in bundle.iter().enumerate() {
        if !pool.iter().any(|c| c.cert == cert) {
            pool.push(Candidate::new(cert, false, Some(i)));
        }
    }
    for anchor in anchors {
        match pool.iter_mut().find(|c| c.cert == anchor) {
            Some(existing) => existing.anchor = true,
            None => pool.push(Candidate::new(anchor, true, None)),
        }
    }
    pool
}

/// The verdict under `options.profile`, with the other profile's when it differs.
fn verify_from(
    pool: &[Candidate<'_>],
    leaf: Option<usize>,
    options: &Options,
    signatures: Signatures<'_>,
) -> Verdict {
    let made = RefCell::new(Vec::new());
    let signatures = match signatures {
        Signatures::With(run) => Signatures::Remembered(run, &made),
        given => given,
    };
    let mine = verify_under(pool, leaf, options, options.profile, signatures);
    let theirs = verify_under(pool, leaf, options, options.profile.other(), signatures);
    Verdict {
        other_profile: OtherProfile::compare(options.profile, &mine, &theirs),
        ..mine
    }
}

fn verify_under(
    pool: &[Candidate<'_>],
    leaf: Option<usize>,
    options: &Options,
    profile: Profile,
    signatures: Signatures<'_>,
) -> Verdict {
    let Some(leaf) = leaf else {
        return Verdict {
            valid: false,
            path: Vec::new(),
            reordered: false,
            checks: Vec::new(),
            errors: vec![failure(
                "no_certificates",
                "there is no certificate to verify".into(),
            )],
            profile,
            other_profile: None,
            revocation: Vec::new(),
            #[cfg(feature = "policies")]
            policies: Policies::default(),
        };
    };
    let mut paths = Vec::new();
    extend_paths(pool, vec![leaf], &mut paths);
    // Prefer a path that validates; otherwise the one with the fewest failures, longest first.
    let (path, best) = paths
        .into_iter()
        .map(|path| {
            let verdict = check_path(pool, &path, options, profile, signatures);
            (path, verdict)
        })
        .min_by_key(|(_, v)| (!v.valid, v.errors.len(), usize::MAX - v.path.len()))
        .unwrap_or_else(|| {
            let verdict = check_path(pool, &[leaf], options, profile, signatures);
            (vec![leaf], verdict)
        });
    Verdict {
        reordered: is_reordered(pool, &path),
        ..best
    }
}

/// The bundle's first certificate is the leaf when it is one; otherwise the certificate that
/// issued nothing else in the bundle, non-CA first.
fn pick_leaf(pool: &[Candidate<'_>]) -> Option<usize> {
    let bundle: Vec<usize> = (0..pool.len())
        .filter(|&i| pool[i].bundle_index.is_some())
        .collect();
    let issues_nothing = |i: usize| {
        !bundle
            .iter()
            .any(|&j| j != i && pool[i].issued(&pool[j]) && !pool[j].self_issued())
    };
    bundle
        .iter()
        .copied()
        .filter(|&i| issues_nothing(i))
        .min_by_key(|&i| (pool[i].exts.is_ca, pool[i].bundle_index))
        .or_else(|| bundle.first().copied())
        .or_else(|| (!pool.is_empty()).then_some(0))
}

/// All simple paths upward from `path`'s last element, ending at an anchor, a self-issued
/// certificate, or where no issuer is found. Bounded by [`MAX_PATHS`] and [`MAX_PATH_CERTIFICATES`].
fn extend_paths(pool: &[Candidate<'_>], path: Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let Some(&top) = path.last() else { return };
    if out.len() >= MAX_PATHS {
        return;
    }
    if pool[top].anchor || path.len() >= MAX_PATH_CERTIFICATES {
        out.push(path);
        return;
    }
    let issuers: Vec<usize> = (0..pool.len())
        .filter(|&i| !path.contains(&i) && pool[i].issued(&pool[top]))
        .collect();
    // Anchors first: the shortest trusted path is usually the intended one.
    let issuers = crate::sort::by_key(issuers, |&i| !pool[i].anchor);
    if issuers.is_empty() {
        out.push(path);
        return;
    }
    for issuer in issuers {
        let mut longer = path.clone();
        longer.push(issuer);
        extend_paths(pool, longer, out);
    }
}

fn is_reordered(pool: &[Candidate<'_>], path: &[usize]) -> bool {
    let order: Vec<usize> = path.iter().filter_map(|&i| pool[i].bundle_index).collect();
    order.windows(2).any(|w| w[0] > w[1]) || order.first().is_some_and(|&first| first != 0)
}

fn check_path(
    pool: &[Candidate<'_>],
    path: &[usize],
    options: &Options,
    profile: Profile,
    signatures: Signatures<'_>,
) -> Verdict {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    let mut record = |depth: usize,
                      cert: &Candidate<'_>,
                      check: &'static str,
                      result: RuleResult| match result {
        Ok(detail) => checks.push(Check {
            depth,
            cert: cert.subject.clone(),
            check: check.into(),
            ok: true,
            detail,
        }),
        Err(f) => {
            checks.push(Check {
                depth,
                cert: cert.subject.clone(),
                check: check.into(),
                ok: false,
                detail: f.message.clone(),
            });
            errors.push(f);
        }
    };
    let certs: Vec<&Candidate> = path.iter().map(|&i| &pool[i]).collect();
    let trusted = certs.last().is_some_and(|c| c.anchor);
    let purpose = options.purpose.unwrap_or(Purpose::Server);
    // Intermediates between the leaf and each issuer, not counting self-issued ones (§6.1.4 (l)).
    let mut non_self_issued_below = 0usize;
    for (depth, cert) in certs.iter().copied().enumerate() {
        let is_top = depth == certs.len() - 1;
        let is_anchor = cert.anchor && is_top;
        // Self-signed: issued under its own name and key, whether it tops the path or is a
        // root given as the leaf (then the path ends at its own copy among the anchors).
        let self_signed = cert.self_issued()
            && certs.get(depth + 1).is_none_or(|issuer| {
                issuer.cert.tbs_certificate().subject_public_key_info()
                    == cert.cert.tbs_certificate().subject_public_key_info()
            });
        record(
            depth,
            cert,
            "validity",
            rule_6_1_3_a2_validity(cert, options.at),
        );
        record(
            depth,
            cert,
            "extensions",
            rule_4_2_extensions(cert, depth == 0, profile),
        );
        // An anchor's serial is the anchor's business, unless it is the very certificate
        // being validated.
        if !is_anchor || depth == 0 {
            record(depth, cert, "serial", rule_4_1_2_2_serial(cert));
        }
        if profile == Profile::Webpki {
            record(depth, cert, "public_key", cabf_6_1_5_key(cert));
            if !is_anchor {
                record(
                    depth,
                    cert,
                    "signature_algorithm",
                    cabf_7_1_3_2_signature_algorithm(cert),
                );
            }
        }
        record(
            depth,
            cert,
            "key_identifiers",
            rule_4_2_1_1_key_identifiers(cert, depth > 0, self_signed, is_anchor),
        );
        if depth > 0 {
            record(depth, cert, "subject", rule_4_1_2_6_ca_subject(cert));
            record(depth, cert, "basic_constraints", rule_6_1_4_k_is_ca(cert));
            record(depth, cert, "key_usage", rule_6_1_4_n_key_cert_sign(cert));
            record(
                depth,
                cert,
                "path_length",
                rule_6_1_4_m_path_length(cert, non_self_issued_below),
            );
            record(
                depth,
                cert,
                "issuer_eku",
                cabf_7_1_2_issuer_eku(cert, purpose, self_signed, profile),
            );
            if !cert.self_issued() && !is_anchor {
                non_self_issued_below += 1;
            }
        }
        if is_anchor {
            record(
                depth,
                cert,
                "trust_anchor",
                Ok("this certificate is a trust anchor you supplied".into()),
            );
            continue;
        }
        if !options.required.signature_algorithms.is_empty() {
            record(
                depth,
                cert,
                "allowed_signature_algorithm",
                caller::allowed_signature_algorithm(cert, &options.required.signature_algorithms),
            );
        }
        match certs.get(depth + 1) {
            Some(issuer) => record(
                depth,
                cert,
                "signature",
                rule_6_1_3_a1_signature(cert, issuer, signatures),
            ),
            None => {
                let known: Vec<Candidate> = options
                    .known_roots
                    .iter()
                    .map(|root| Candidate::new(root, true, None))
                    .collect();
                record(
                    depth,
                    cert,
                    "issuer",
                    Err(missing_issuer(cert, depth, &known)),
                )
            }
        }
    }
    #[cfg_attr(not(feature = "revocation"), allow(unused_mut))]
    let mut revocation = Vec::new();
    #[cfg(all(feature = "ocsp", feature = "revocation"))]
    let asked = !options.crls.is_empty() || !options.ocsp.is_empty() || options.require_revocation;
    #[cfg(not(all(feature = "ocsp", feature = "revocation")))]
    let asked = !options.crls.is_empty() || options.require_revocation;
    if asked {
        #[cfg(feature = "revocation")]
        {
            // A CRL signed by another key of the CA counts when that key's own path validates.
            let signer_is_valid = |i: usize| {
                let plain = Options {
                    profile,
                    ..Options::at(options.at)
                };
                verify_under(pool, Some(i), &plain, profile, signatures).valid
            };
            for (depth, pair) in certs.windows(2).enumerate() {
                if pair[0].anchor && depth + 1 == certs.len() {
                    continue;
                }
                let by_crls = || {
                    revocation::status(
                        revocation::Subject {
                            depth,
                            cert: pair[0],
                            issuer: pair[1],
                        },
                        &options.crls,
                        pool,
                        options.at,
                        profile,
                        signatures,
                        &signer_is_valid,
                    )
                };
                // An OCSP answer that settles it comes first; otherwise the CRLs, with what
                // kept the OCSP responses from counting.
                #[cfg(all(feature = "ocsp", feature = "revocation"))]
                let status = match ocsp::status(
                    depth,
                    pair[0],
                    pair[1],
                    &options.ocsp,
                    options.at,
                    signatures,
                ) {
                    Ok(status) => status,
                    Err(notes) => {
                        let mut status = by_crls();
                        if status.status == Revocation::Unknown && !notes.is_empty() {
                            status.detail = format!("{}; {}", notes.join("; "), status.detail);
                        }
                        status
                    }
                };
                #[cfg(not(all(feature = "ocsp", feature = "revocation")))]
                let status = by_crls();
                record(
                    depth,
                    pair[0],
                    "revocation",
                    revocation::rule_6_3_revocation(&status, options.require_revocation),
                );
                revocation.push(status);
            }
        }
        #[cfg(not(feature = "revocation"))]
        if let Some(leaf) = certs.first().copied() {
            record(
                0,
                leaf,
                "revocation",
                Err(failure(
                    "revocation_unknown",
                    "this build of certbench does not check revocation".into(),
                )),
            );
        }
    }
    // Policies run from the anchor's child down to the leaf.
    #[cfg(feature = "policies")]
    let below_anchor: Vec<&Candidate> = certs
        .iter()
        .rev()
        .skip(usize::from(trusted))
        .copied()
        .collect();
    #[cfg(feature = "policies")]
    let policies = match policy::process(&below_anchor, &options.policy) {
        Ok(found) => {
            if let (Some(leaf), false) = (
                certs.first().copied(),
                found.authority_constrained.is_empty(),
            ) {
                let detail = format!("valid for {}", found.user_constrained.join(", "));
                record(0, leaf, "policy", Ok(detail));
            }
            found
        }
        Err(why) => {
            if let Some(leaf) = certs.first().copied() {
                record(0, leaf, "policy", Err(failure("policy", why)));
            }
            Policies::default()
        }
    };
    if let Some(leaf) = certs.first().copied() {
        record(0, leaf, "leaf_key_usage", rule_4_2_1_3_leaf_key_usage(leaf));
        if profile == Profile::Webpki && options.purpose.is_some() {
            record(0, leaf, "leaf_not_ca", cabf_7_1_2_7_8_leaf_not_ca(leaf));
        }
        #[cfg(feature = "public-suffixes")]
        if let (Profile::Webpki, Some(list), Some(host)) =
            (profile, &options.public_suffixes, &options.host)
        {
            record(
                0,
                leaf,
                "wildcard_scope",
                cabf_3_2_2_6_wildcard_scope(leaf, host, list),
            );
        }
        record(0, leaf, "subject_alt_name", rule_4_2_1_6_san(leaf));
        record(
            0,
            leaf,
            "name_constraints",
            rule_6_1_3_b_name_constraints(&certs),
        );
        if let Some(limit) = options.max_intermediates {
            record(
                0,
                leaf,
                "max_intermediates",
                max_intermediates(non_self_issued_below, limit),
            );
        }
        if let Some(purpose) = options.purpose {
            record(
                0,
                leaf,
                "extended_key_usage",
                rule_4_2_1_12_eku(leaf, purpose),
            );
        }
        let required = &options.required;
        if !required.key_usage.is_empty() {
            record(
                0,
                leaf,
                "required_key_usage",
                caller::rule_4_2_1_3_required_key_usage(leaf, &required.key_usage),
            );
        }
        if !required.extended_key_usage.is_empty() {
            record(
                0,
                leaf,
                "required_extended_key_usage",
                caller::rule_4_2_1_12_required_eku(leaf, &required.extended_key_usage),
            );
        }
        if let Some(host) = &options.host {
            record(0, leaf, "hostname", rfc6125_host(leaf, host));
        }
        if !options.pins.is_empty() {
            record(0, leaf, "pin", rfc7469_pins(&certs, &options.pins));
        }
    }
    // A status no CRL gave matters less than any failure found: a revoked certificate, say.
    let errors = crate::sort::by_key(errors, |f| f.code == "revocation_unknown");
    Verdict {
        valid: errors.is_empty() && trusted,
        path: certs.iter().map(|c| c.subject.clone()).collect(),
        reordered: false,
        checks,
        errors,
        profile,
        other_profile: None,
        revocation,
        #[cfg(feature = "policies")]
        policies,
    }
}
