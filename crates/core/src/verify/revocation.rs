//! Revocation by CRL (RFC 5280 section 6.3): for each certificate of a path, the CRLs whose
//! issuer and scope cover it, checked (signer, signature, dates, extensions), until every
//! reason is covered; delta CRLs on top of their base. The outcome is good, revoked (with the
//! reason and date) or unknown (with why).
//!
//! Without the `revocation` feature (the web app's build, for now) the types stay and the
//! checking is left out of the path: nothing here is called.
#![cfg_attr(not(feature = "revocation"), allow(dead_code))]

use super::rules::RuleResult;
use super::{Candidate, Profile, Signatures, failure};
use crate::dn;
use crate::time::{Rfc3339, UnixTime};
use const_oid::db::rfc5280::{
    ID_CE_AUTHORITY_KEY_IDENTIFIER, ID_CE_CERTIFICATE_ISSUER, ID_CE_CRL_DISTRIBUTION_POINTS,
    ID_CE_CRL_NUMBER, ID_CE_CRL_REASONS, ID_CE_DELTA_CRL_INDICATOR, ID_CE_FRESHEST_CRL,
    ID_CE_HOLD_INSTRUCTION_CODE, ID_CE_INVALIDITY_DATE, ID_CE_ISSUER_ALT_NAME,
    ID_CE_ISSUING_DISTRIBUTION_POINT, ID_PE_AUTHORITY_INFO_ACCESS,
};
use der::{Decode, Encode};
use serde::{Deserialize, Serialize};
use x509_cert::Certificate;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::dp::{DistributionPoint, IssuingDistributionPoint};
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{CrlDistributionPoints, CrlReason};
use x509_cert::name::Name;

/// The eight reasons a CRL can cover (ReasonFlags bits 1-8; bit 0 is unused).
const ALL_REASONS: u16 = 0x1FE;

/// A CRL read once: its scope and numbers decoded, its entries indexed by serial, and what
/// makes it unusable whatever it is asked about.
#[derive(Clone, Debug)]
pub struct Crl {
    list: CertificateList,
    number: Option<Vec<u8>>,
    /// deltaCRLIndicator's BaseCRLNumber: this is a delta CRL on top of that base.
    delta_of: Option<Vec<u8>>,
    scope: Option<IssuingDistributionPoint>,
    /// Entry positions sorted by serial bytes, for lookups in large CRLs.
    by_serial: Vec<usize>,
    /// For an indirect CRL, each entry's certificate issuer (certificateIssuer carries over to
    /// the entries after it, RFC 5280 section 5.3.3).
    entry_issuers: Vec<Option<Name>>,
    /// A flaw that makes the CRL unusable under every profile.
    broken: Option<String>,
    /// A flaw only the webpki profile refuses (issuance rules addressed to CRL issuers).
    nonconforming: Option<String>,
    /// The signed part's DER, encoded once: a CRL of a million entries is 40 MB.
    tbs_der: Vec<u8>,
    /// Signature outcomes by signer key, so each is hashed once however many certificates
    /// and paths ask.
    checked: std::cell::RefCell<Vec<(spki::SubjectPublicKeyInfoOwned, Result<(), String>)>>,
}

/// Where a certificate stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Revocation {
    /// A usable CRL covering every reason does not list it.
    Good,
    /// A usable CRL lists it.
    Revoked,
    /// No usable CRL covers it (or not for every reason).
    Unknown,
}

/// One certificate's revocation status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevocationStatus {
    /// Position in the path, 0 = leaf.
    pub depth: usize,
    /// Subject of the certificate.
    pub cert: String,
    /// Good, revoked or unknown.
    pub status: Revocation,
    /// The CRL entry's reason (RFC 5280 section 5.3.1 name), when revoked.
    pub reason: Option<String>,
    /// When it was revoked, when revoked.
    pub revoked_at: Option<Rfc3339>,
    /// Which CRL said so, or why none could.
    pub detail: String,
}

impl RevocationStatus {
    /// `cert`'s status at `depth` and what says so; no reason or date.
    pub(super) fn of(
        depth: usize,
        cert: &Candidate<'_>,
        status: Revocation,
        detail: String,
    ) -> RevocationStatus {
        RevocationStatus {
            depth,
            cert: cert.subject.clone(),
            status,
            reason: None,
            revoked_at: None,
            detail,
        }
    }

    /// With the revocation's reason and date.
    pub(super) fn when(self, reason: Option<String>, revoked_at: Option<Rfc3339>) -> Self {
        RevocationStatus {
            reason,
            revoked_at,
            ..self
        }
    }
}

impl Crl {
    /// Decodes what revocation checking needs from `list`, once.
    pub fn new(list: CertificateList) -> Crl {
        let tbs = &list.tbs_cert_list;
        let mut broken = None;
        let mut nonconforming = None;
        let (mut number, mut delta_of, mut scope) = (None, None, None);
        for e in tbs.crl_extensions.iter().flatten() {
            let value = e.extn_value.as_bytes();
            let unreadable = |name: &str| Some(format!("its {name} extension is malformed"));
            match e.extn_id {
                ID_CE_CRL_NUMBER => {
                    match x509_cert::ext::pkix::CrlNumber::from_der(value) {
                        Ok(n) => number = Some(n.0.as_bytes().to_vec()),
                        Err(_) => broken = unreadable("cRLNumber"),
                    }
                    if e.critical {
                        nonconforming = Some(
                            "its cRLNumber is marked critical (RFC 5280 section 5.2.3)".into(),
                        );
                    }
                }
                ID_CE_DELTA_CRL_INDICATOR => {
                    match x509_cert::ext::pkix::BaseCrlNumber::from_der(value) {
                        Ok(n) => delta_of = Some(n.0.as_bytes().to_vec()),
                        Err(_) => broken = unreadable("deltaCRLIndicator"),
                    }
                }
                ID_CE_ISSUING_DISTRIBUTION_POINT => {
                    match IssuingDistributionPoint::from_der(value) {
                        Ok(idp) => scope = Some(idp),
                        Err(_) => broken = unreadable("issuingDistributionPoint"),
                    }
                }
                ID_CE_AUTHORITY_KEY_IDENTIFIER
                | ID_CE_ISSUER_ALT_NAME
                | ID_CE_FRESHEST_CRL
                | ID_PE_AUTHORITY_INFO_ACCESS => {}
                _ if e.critical => {
                    broken = Some(format!(
                        "it has a critical extension certbench does not process ({})",
                        crate::oids::name(&e.extn_id)
                    ))
                }
                _ => {}
            }
        }
        if number.is_none() && broken.is_none() {
            nonconforming = Some(
                "it has no cRLNumber, which every CRL must carry (RFC 5280 section 5.2.3)".into(),
            );
        }
        let entries = tbs.revoked_certificates.as_deref().unwrap_or_default();
        let indirect = scope.as_ref().is_some_and(|s| s.indirect_crl);
        let mut entry_issuers = Vec::new();
        let mut current: Option<Name> = None;
        for entry in entries {
            for e in entry.crl_entry_extensions.iter().flatten() {
                match e.extn_id {
                    ID_CE_CERTIFICATE_ISSUER if indirect => {
                        current = x509_cert::ext::pkix::name::GeneralNames::from_der(
                            e.extn_value.as_bytes(),
                        )
                        .ok()
                        .and_then(|names| directory_name(&names).cloned());
                        if current.is_none() {
                            broken =
                                Some("an entry's certificateIssuer names no directory name".into());
                        }
                    }
                    ID_CE_CRL_REASONS
                    | ID_CE_INVALIDITY_DATE
                    | ID_CE_HOLD_INSTRUCTION_CODE
                    | ID_CE_CERTIFICATE_ISSUER => {}
                    _ if e.critical => {
                        broken = Some(format!(
                            "an entry has a critical extension certbench does not process ({})",
                            crate::oids::name(&e.extn_id)
                        ))
                    }
                    _ => {}
                }
            }
            if indirect {
                entry_issuers.push(current.clone());
            }
        }
        let by_serial = crate::sort::by_key((0..entries.len()).collect(), |&i| {
            entries[i].serial_number.as_bytes().to_vec()
        });
        let tbs_der = list.tbs_cert_list.to_der().unwrap_or_default();
        Crl {
            tbs_der,
            checked: Default::default(),
            list,
            number,
            delta_of,
            scope,
            by_serial,
            entry_issuers,
            broken,
            nonconforming,
        }
    }

    /// §6.3.3 (g): signed by `signer`'s key (checked once per key).
    fn signed_by(&self, signer: &Certificate, signatures: Signatures<'_>) -> Result<(), String> {
        let key = signer.tbs_certificate().subject_public_key_info();
        if let Some((_, outcome)) = self.checked.borrow().iter().find(|(k, _)| k == key) {
            return outcome.clone();
        }
        let outcome = self
            .signature_check(signer)
            .and_then(|check| signatures.run(&check).map_err(|e| e.to_string()));
        self.checked
            .borrow_mut()
            .push((key.clone(), outcome.clone()));
        outcome
    }

    /// The check of this CRL's signature with `signer`'s key.
    fn signature_check(&self, signer: &Certificate) -> Result<crate::signature::Check, String> {
        Ok(crate::signature::Check {
            algorithm: self.list.signature_algorithm.clone(),
            key: signer.tbs_certificate().subject_public_key_info().clone(),
            message: self.tbs_der.clone(),
            signature: match self.list.signature.as_bytes() {
                Some(bytes) => bytes.to_vec(),
                None => return Err("its signature is not a whole number of bytes".into()),
            },
        })
    }

    /// The checks [`Signatures::run`] may be asked for on this CRL: its signature with the key
    /// of each of `certificates` whose subject is its issuer (a CA may sign CRLs with another
    /// key of the same name).
    pub fn signature_checks<'c>(
        &self,
        certificates: impl IntoIterator<Item = &'c Certificate>,
    ) -> Vec<crate::signature::Check> {
        certificates
            .into_iter()
            .filter(|c| {
                same(
                    c.tbs_certificate().subject(),
                    &self.list.tbs_cert_list.issuer,
                )
            })
            .filter_map(|c| self.signature_check(c).ok())
            .collect()
    }

    /// The issuer, as RFC 4514 text.
    pub fn issuer(&self) -> String {
        dn::rfc4514(&self.list.tbs_cert_list.issuer)
    }

    /// The entry for `serial` issued by `issuer`: its reason and date.
    fn entry(&self, serial: &[u8], issuer: &Name) -> Option<(Option<CrlReason>, UnixTime)> {
        let entries = self.list.tbs_cert_list.revoked_certificates.as_deref()?;
        let start = self
            .by_serial
            .partition_point(|&i| entries[i].serial_number.as_bytes() < serial);
        self.by_serial[start..]
            .iter()
            .take_while(|&&i| entries[i].serial_number.as_bytes() == serial)
            .find(|&&i| {
                let entry_issuer = self.entry_issuers.get(i).cloned().flatten();
                entry_issuer
                    .as_ref()
                    .unwrap_or(&self.list.tbs_cert_list.issuer)
                    == issuer
            })
            .map(|&i| {
                let entry = &entries[i];
                let reason = entry
                    .crl_entry_extensions
                    .iter()
                    .flatten()
                    .find(|e| e.extn_id == ID_CE_CRL_REASONS)
                    .and_then(|e| CrlReason::from_der(e.extn_value.as_bytes()).ok());
                (reason, UnixTime::from(&entry.revocation_date))
            })
    }
}

/// Names compare as RFC 5280 section 7.1 says ([`dn::compare`]).
fn same(a: &Name, b: &Name) -> bool {
    dn::compare(a, b) != dn::NameMatch::Different
}

fn directory_name(names: &[GeneralName]) -> Option<&Name> {
    names.iter().find_map(|n| match n {
        GeneralName::DirectoryName(name) => Some(name),
        _ => None,
    })
}

/// The certificate's cRLDistributionPoints, when it has any.
fn distribution_points(cert: &Certificate) -> Vec<DistributionPoint> {
    cert.tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .find(|e| e.extn_id == ID_CE_CRL_DISTRIBUTION_POINTS)
        .and_then(|e| CrlDistributionPoints::from_der(e.extn_value.as_bytes()).ok())
        .map(|points| points.0)
        .unwrap_or_default()
}

/// Full names of a distribution point name, relative ones resolved against `issuer`.
fn full_names(name: &DistributionPointName, issuer: &Name) -> Vec<GeneralName> {
    match name {
        DistributionPointName::FullName(names) => names.clone(),
        DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            // The issuer's name with one more RDN (RFC 5280 section 4.2.1.13).
            let joined = || -> Option<Name> {
                let mut content = Vec::new();
                for part in issuer.iter_rdn().chain(std::iter::once(rdn)) {
                    content.extend(part.to_der().ok()?);
                }
                let length = der::Length::try_from(content.len()).ok()?;
                let mut der = der::Header::new(der::Tag::Sequence, length).to_der().ok()?;
                der.extend(content);
                Name::from_der(&der).ok()
            };
            joined()
                .map(GeneralName::DirectoryName)
                .into_iter()
                .collect()
        }
    }
}

/// §6.3.3 (b): whether `crl` is the one for `cert` at `dp` (or, when the certificate names no
/// distribution point, issued by its issuer), and the reasons it covers there.
fn scope_for(
    crl: &Crl,
    cert: &Candidate<'_>,
    dp: Option<&DistributionPoint>,
) -> Result<u16, String> {
    let tbs = cert.cert.tbs_certificate();
    let crl_issuer = &crl.list.tbs_cert_list.issuer;
    let indirect = crl.scope.as_ref().is_some_and(|s| s.indirect_crl);
    // (b)(1): the CRL issuer is the certificate's issuer, or the cRLIssuer of the DP.
    let dp_crl_issuer = dp
        .and_then(|dp| dp.crl_issuer.as_deref())
        .and_then(directory_name);
    match dp_crl_issuer {
        Some(named) if same(named, crl_issuer) && indirect => {}
        Some(named) if same(named, crl_issuer) => {
            return Err("the distribution point names this CRL's issuer, but the CRL is not marked indirect".into());
        }
        Some(_) => return Err("the distribution point names another CRL issuer".into()),
        None if same(crl_issuer, tbs.issuer()) => {}
        None => return Err("it is issued by someone other than the certificate's issuer".into()),
    }
    let Some(scope) = &crl.scope else {
        return Ok(dp
            .and_then(|dp| dp.reasons)
            .map_or(ALL_REASONS, |r| r.bits())
            & ALL_REASONS);
    };
    // (b)(2)(i): the IDP's name matches the DP's names (or its cRLIssuer).
    if let Some(idp_name) = &scope.distribution_point {
        let idp_names = full_names(idp_name, crl_issuer);
        let dp_names = match dp {
            Some(DistributionPoint {
                distribution_point: Some(name),
                ..
            }) => full_names(name, tbs.issuer()),
            Some(DistributionPoint {
                crl_issuer: Some(names),
                ..
            }) => names.clone(),
            _ => Vec::new(),
        };
        if !idp_names.iter().any(|n| dp_names.contains(n)) {
            return Err("its issuingDistributionPoint names a distribution point the certificate does not list".into());
        }
    }
    // (b)(2)(ii)-(iv): who the CRL is for.
    if scope.only_contains_user_certs && cert.exts.is_ca {
        return Err("it lists only end-entity certificates (onlyContainsUserCerts)".into());
    }
    if scope.only_contains_ca_certs && !cert.exts.is_ca {
        return Err("it lists only CA certificates (onlyContainsCACerts)".into());
    }
    if scope.only_contains_attribute_certs {
        return Err("it lists only attribute certificates".into());
    }
    // (d): the reasons it covers here.
    let dp_reasons = dp
        .and_then(|dp| dp.reasons)
        .map_or(ALL_REASONS, |r| r.bits());
    let idp_reasons = scope.only_some_reasons.map_or(ALL_REASONS, |r| r.bits());
    Ok(dp_reasons & idp_reasons & ALL_REASONS)
}

/// §6.3.3 (a), (f)-(j), and §5.2/§5.3: the CRL is current, well-formed for the profile, and
/// signed by a certificate of its issuer allowed to sign CRLs. Returns the signer's subject.
fn usable(
    crl: &Crl,
    issuer: &Candidate<'_>,
    pool: &[Candidate<'_>],
    at: UnixTime,
    profile: Profile,
    signatures: Signatures<'_>,
    signer_is_valid: &dyn Fn(usize) -> bool,
) -> Result<String, String> {
    if let Some(why) = &crl.broken {
        return Err(why.clone());
    }
    if let (Profile::Webpki, Some(why)) = (profile, &crl.nonconforming) {
        return Err(why.clone());
    }
    let tbs = &crl.list.tbs_cert_list;
    let this_update = UnixTime::from(&tbs.this_update);
    if at < this_update {
        return Err(format!("it is not valid until {this_update}"));
    }
    if let Some(next) = tbs.next_update.as_ref().map(UnixTime::from)
        && at > next
    {
        return Err(format!("it is stale: its nextUpdate ({next}) has passed"));
    }
    // (f): the issuer's own certificate signs it, or another certificate of the same name
    // (a new key of the same CA) whose own path validates.
    let candidates = std::iter::once((None, issuer)).chain(
        pool.iter()
            .enumerate()
            .filter(|(_, c)| c.cert != issuer.cert)
            .map(|(i, c)| (Some(i), c)),
    );
    let mut why_not =
        String::from("no certificate of its issuer is at hand to check its signature");
    for (index, signer) in candidates {
        if !same(signer.cert.tbs_certificate().subject(), &tbs.issuer) {
            continue;
        }
        let has_ku = signer
            .exts
            .extensions
            .iter()
            .any(|e| e.is(const_oid::db::rfc5280::ID_CE_KEY_USAGE));
        if has_ku && !signer.exts.key_usage.iter().any(|u| u == "cRLSign") {
            why_not = format!(
                "{}'s keyUsage does not allow signing CRLs (cRLSign)",
                signer.subject
            );
            continue;
        }
        if let Err(e) = crl.signed_by(signer.cert, signatures) {
            why_not = format!(
                "its signature does not verify with {}'s key: {e}",
                signer.subject
            );
            continue;
        }
        if let Some(i) = index
            && !signer_is_valid(i)
        {
            why_not = format!("its signer {} has no valid path of its own", signer.subject);
            continue;
        }
        return Ok(signer.subject.clone());
    }
    Err(why_not)
}

/// What the path builder hands revocation checking for one certificate.
pub(super) struct Subject<'p, 'c> {
    pub depth: usize,
    pub cert: &'p Candidate<'c>,
    pub issuer: &'p Candidate<'c>,
}

/// §6.3.3 for one certificate: good, revoked or unknown, with the CRL that says so or why none
/// could.
pub(super) fn status(
    subject: Subject<'_, '_>,
    crls: &[Crl],
    pool: &[Candidate<'_>],
    at: UnixTime,
    profile: Profile,
    signatures: Signatures<'_>,
    signer_is_valid: &dyn Fn(usize) -> bool,
) -> RevocationStatus {
    let Subject {
        depth,
        cert,
        issuer,
    } = subject;
    let tbs = cert.cert.tbs_certificate();
    let serial = tbs.serial_number().as_bytes();
    let points = distribution_points(cert.cert);
    let points: Vec<Option<&DistributionPoint>> = match points.is_empty() {
        true => vec![None],
        false => points.iter().map(Some).collect(),
    };
    let outcome = |status, reason, revoked_at, detail| {
        RevocationStatus::of(depth, cert, status, detail).when(reason, revoked_at)
    };
    let mut covered = 0u16;
    let mut notes: Vec<String> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    for crl in crls.iter().filter(|c| c.delta_of.is_none()) {
        let reasons = points.iter().find_map(|dp| scope_for(crl, cert, *dp).ok());
        let Some(reasons) = reasons else {
            if let Some(Err(why)) = points.first().map(|dp| scope_for(crl, cert, *dp)) {
                notes.push(format!(
                    "the CRL from {} does not apply: {why}",
                    crl.issuer()
                ));
            }
            continue;
        };
        if reasons & !covered == 0 {
            continue;
        }
        let signer = match usable(crl, issuer, pool, at, profile, signatures, signer_is_valid) {
            Ok(signer) => signer,
            Err(why) => {
                notes.push(format!(
                    "the CRL from {} cannot be used: {why}",
                    crl.issuer()
                ));
                continue;
            }
        };
        // (g)-(i): the complete CRL, then a delta on top of it.
        let mut listed = crl.entry(serial, tbs.issuer());
        let delta = crls.iter().find(|d| {
            d.delta_of.as_ref().is_some_and(|base| {
                crl.number
                    .as_ref()
                    .is_some_and(|n| number_at_least(n, base))
            }) && same(&d.list.tbs_cert_list.issuer, &crl.list.tbs_cert_list.issuer)
                && d.scope == crl.scope
                && usable(d, issuer, pool, at, profile, signatures, signer_is_valid).is_ok()
        });
        if let Some(delta) = delta
            && let Some(entry) = delta.entry(serial, tbs.issuer())
        {
            listed = match entry.0 {
                Some(CrlReason::RemoveFromCRL) => None,
                _ => Some(entry),
            };
        }
        if let Some((reason, date)) = listed
            && reason != Some(CrlReason::RemoveFromCRL)
        {
            let reason = reason.map(crate::decode::crl_reason_name);
            let hold = reason.as_deref() == Some("certificateHold");
            return outcome(
                Revocation::Revoked,
                reason.clone(),
                Some(Rfc3339(date)),
                format!(
                    "{} on {date}{} by the CRL from {signer}{}",
                    if hold { "on hold" } else { "revoked" },
                    reason.map(|r| format!(" ({r})")).unwrap_or_default(),
                    if delta.is_some() {
                        " and its delta CRL"
                    } else {
                        ""
                    }
                ),
            );
        }
        covered |= reasons;
        used.push(signer);
        if covered == ALL_REASONS {
            return outcome(
                Revocation::Good,
                None,
                None,
                format!("not on the CRL from {}", used.join(", ")),
            );
        }
    }
    let detail = match (covered, notes.is_empty()) {
        (0, true) => "no CRL given covers it".to_string(),
        (0, false) => notes.join("; "),
        _ => format!(
            "the CRLs from {} cover only some revocation reasons",
            used.join(", ")
        ),
    };
    outcome(Revocation::Unknown, None, None, detail)
}

/// §6.3: a revoked certificate fails the path; an unknown status fails it only when the
/// caller requires revocation checking.
pub(super) fn rule_6_3_revocation(status: &super::RevocationStatus, required: bool) -> RuleResult {
    match status.status {
        Revocation::Good => Ok(status.detail.clone()),
        Revocation::Revoked => Err(failure("revoked", status.detail.clone())),
        Revocation::Unknown if required => Err(failure(
            "revocation_unknown",
            format!("revocation status unknown: {}", status.detail),
        )),
        Revocation::Unknown => Ok(format!("revocation status unknown: {}", status.detail)),
    }
}

/// Whether the big-endian unsigned `number` is at least `base`.
fn number_at_least(number: &[u8], base: &[u8]) -> bool {
    let trim = |n: &[u8]| -> Vec<u8> { n.iter().copied().skip_while(|&b| b == 0).collect() };
    let (n, b) = (trim(number), trim(base));
    (n.len(), n) >= (b.len(), b)
}
