//! Lint: the misconfigurations people actually ship, found in any certificate certbench shows.
//! Each finding has a severity, a sentence, and the rule it comes from (RFC 5280 section, CA/B
//! Forum Baseline Requirements section, or the mistake it prevents).

use crate::decode::Validity;
use crate::decode::{CertificateReport, KeyAlgorithm};
use crate::time::UnixTime;
use const_oid::db::rfc5280::{
    ID_CE_AUTHORITY_KEY_IDENTIFIER, ID_CE_BASIC_CONSTRAINTS, ID_CE_KEY_USAGE,
    ID_CE_NAME_CONSTRAINTS, ID_CE_POLICY_CONSTRAINTS, ID_CE_SUBJECT_ALT_NAME,
    ID_CE_SUBJECT_KEY_IDENTIFIER, ID_PE_AUTHORITY_INFO_ACCESS,
};

#[cfg(feature = "ca-lint")]
mod checks;
#[cfg(feature = "ca-lint")]
mod crl;
#[cfg(feature = "jose")]
mod jwk;
#[cfg(feature = "ca-lint")]
mod kind;
#[cfg(all(feature = "ca-lint", feature = "ocsp"))]
mod ocsp;
#[cfg(feature = "pq")]
mod pq;
mod registry;
#[cfg(feature = "openssh")]
mod ssh;
#[cfg(feature = "ca-lint")]
mod table;
#[cfg(all(test, feature = "ca-lint"))]
mod table_tests;
#[cfg(all(test, feature = "ca-lint"))]
mod test_der;
#[cfg(feature = "ca-lint")]
mod view;
#[cfg(feature = "ca-lint")]
mod weak_key;

use crate::finding::finding as found;
pub use crate::finding::{Finding, Severity};
#[cfg(feature = "ca-lint")]
pub use kind::{Kinds, PROFILES, Profile};
use registry::*;
pub use registry::{Applies, Doc, RULES, Rule, markdown, rule, rules};

/// A finding of `rule`, at the rule's severity.
fn finding(rule: &'static Rule, message: String) -> Finding {
    finding_as(rule.severity, rule, message)
}

/// A finding of `rule` at `severity`, where the rule lowers it case by case (documented in
/// the rule).
fn finding_as(severity: Severity, rule: &'static Rule, message: String) -> Finding {
    found(severity, rule.code, rule.source, rule.id, message)
}

/// CA/B Forum maximum validity of a publicly trusted TLS certificate, by its notBefore.
pub fn cabf_max_days(not_before: UnixTime) -> (i64, &'static str) {
    let from = |date: &str| UnixTime::parse_rfc3339(date).unwrap_or(UnixTime(i64::MAX));
    if not_before >= from("2029-03-15") {
        (47, "from 15 March 2029")
    } else if not_before >= from("2027-03-15") {
        (100, "from 15 March 2027")
    } else if not_before >= from("2026-03-15") {
        (200, "from 15 March 2026")
    } else if not_before >= from("2020-09-01") {
        (398, "from 1 September 2020")
    } else if not_before >= from("2018-03-01") {
        (825, "from 1 March 2018")
    } else if not_before >= from("2015-04-01") {
        // 39 months: the longest 39 months run to 1,188 days.
        (1188, "(39 months) from 1 April 2015")
    } else {
        // 60 months, from the Baseline Requirements' effective date (1 July 2012).
        (1827, "(60 months) from 1 July 2012")
    }
}

/// What a certificate is used as, as far as lint rules care (not its place in a chain: that
/// is [`crate::decode::overview::Role`]).
#[derive(PartialEq)]
enum UsedAs {
    Ca,
    TlsServer,
    Other,
}

fn used_as(c: &CertificateReport) -> UsedAs {
    if c.is_ca {
        UsedAs::Ca
    } else if c.extended_key_usage.iter().any(|e| e == "serverAuth")
        || (c.extended_key_usage.is_empty()
            && c.san
                .iter()
                .any(|s| s.starts_with("DNS:") || s.starts_with("IP:")))
    {
        UsedAs::TlsServer
    } else {
        UsedAs::Other
    }
}

/// Whether `c`'s SAN names DNS hosts or IP addresses: what a TLS server's certificate carries
/// and a CA's does not.
fn names_hosts(c: &CertificateReport) -> bool {
    c.san
        .iter()
        .any(|s| s.starts_with("DNS:") || s.starts_with("IP:"))
}

/// Curves browsers refuse, curves spelled out, DSA: for keys and parameters alike.
fn key_kind(algorithm: &KeyAlgorithm, curve: Option<&str>) -> Option<Finding> {
    match (algorithm, curve) {
        (KeyAlgorithm::Ec, Some("P-256" | "P-384" | "P-521")) => None,
        (KeyAlgorithm::Ec, Some(curve)) if curve.starts_with("explicit") => Some(finding(&EXPLICIT_CURVE,
            "the curve is spelled out instead of named: RFC 5480 forbids this, clients refuse it, and it is how CVE-2020-0601 (CurveBall) spoofed certificates".into(),
        )),
        (KeyAlgorithm::Ec, curve) => Some(finding(&UNUSUAL_CURVE,
            format!(
                "curve {} is not accepted by browsers; use P-256 or P-384",
                curve.unwrap_or("(unknown)")
            ),
        )),
        (KeyAlgorithm::Dsa, _) => Some(finding(&DSA_KEY,
            "DSA keys are not accepted for TLS certificates any more".into(),
        )),
        _ => None,
    }
}

/// Findings on domain parameters: a server's DH group and the curve a key is made on.
pub fn parameters(p: &crate::decode::key::ParametersReport) -> Vec<Finding> {
    let mut out = Vec::new();
    match (&p.algorithm, p.bits, p.curve.as_deref()) {
        (KeyAlgorithm::Dh, Some(bits), _) if bits < 2048 => out.push(finding(&WEAK_DH,
            format!("a {bits}-bit DH group is breakable (Logjam); use 2048 bits or more, or the RFC 7919 ffdhe groups, or only ECDHE"),
        )),
        (algorithm, _, curve) => out.extend(key_kind(algorithm, curve)),
    }
    out
}

/// Lints `c` as `profile` (detected when `None`): its findings, most severe first, and the
/// profile it was linted as.
#[cfg(feature = "ca-lint")]
pub fn judge(c: &mut CertificateReport, profile: Option<Profile>) {
    let (findings, profile) = certificate_as(c, profile);
    c.lint = findings;
    if let Some(profile) = profile {
        c.lint_profile = profile.id();
        c.linted_as = profile.name();
    }
}

/// Lints `c`: its findings, most severe first (the profile rules are not in this build).
#[cfg(not(feature = "ca-lint"))]
pub fn judge(c: &mut CertificateReport) {
    c.lint = certificate(c);
}

/// Every finding for one certificate, most severe first (its profile detected).
#[cfg(feature = "ca-lint")]
pub fn certificate(c: &CertificateReport) -> Vec<Finding> {
    certificate_as(c, None).0
}

/// Every finding for one certificate, most severe first.
#[cfg(not(feature = "ca-lint"))]
pub fn certificate(c: &CertificateReport) -> Vec<Finding> {
    crate::sort::by_key(report_findings(c), |f| f.severity)
}

/// Every finding for one certificate linted as `profile` (detected when `None`), most severe
/// first, and the profile used; `None` when the certificate's own bytes are not at hand (only
/// the rules that read its report ran).
#[cfg(feature = "ca-lint")]
pub fn certificate_as(
    c: &CertificateReport,
    profile: Option<Profile>,
) -> (Vec<Finding>, Option<Profile>) {
    let mut out = report_findings(c);
    let mut used = None;
    if let Some((der, not_der)) = crate::canonical::rewrite(&c.der)
        && let Some(view) = view::View::read(&der)
    {
        {
            let profile = profile.unwrap_or_else(|| Profile::detect(&view, c.is_ca, c.self_issued));
            let ctx = table::Ctx {
                view: &view,
                report: c,
                profile,
                not_der: &not_der,
            };
            out.extend(table::findings(&ctx));
            used = Some(profile);
        }
    }
    (crate::sort::by_key(out, |f| f.severity), used)
}

/// The findings of the rules that read the decoded report.
fn report_findings(c: &CertificateReport) -> Vec<Finding> {
    // A rule judges only certificates issued after it took effect (as zlint does).
    let in_effect = |rule: &'static Rule| rule.in_effect_for(c.not_before.0);
    let finding = |rule, message| in_effect(rule).then(|| finding(rule, message));
    let finding_as =
        |severity, rule, message| in_effect(rule).then(|| finding_as(severity, rule, message));
    use Severity::*;
    let mut out = Vec::new();
    let used_as = used_as(c);
    let is_leaf = used_as != UsedAs::Ca;

    // Validity (RFC 5280 §4.1.2.5; CA/B BR §6.3.2).
    match c.validity.status {
        Validity::Expired => out.extend(finding(&EXPIRED, format!("expired {} days ago ({}); clients reject it: renew it", c.validity.days, c.not_after))),
        Validity::NotYetValid => out.extend(finding(&NOT_YET_VALID, format!("not valid until {} ({} days from now); clients reject it until then, or their clock is wrong", c.not_before, c.validity.days))),
        _ if c.validity.days <= crate::decode::overview::EXPIRING_DAYS => out.extend(finding(&EXPIRES_SOON, format!("expires in {} days ({}): renew it now", c.validity.days, c.not_after))),
        _ => {}
    }
    {
        let (nb, na) = (c.not_before.0, c.not_after.0);
        let (max, since) = cabf_max_days(nb);
        // CA/B BR §6.3.2 counts the validity period as notAfter - notBefore + 1 second.
        if used_as == UsedAs::TlsServer && !c.self_issued && na.0 - nb.0 + 1 > max * 86_400 {
            out.extend(finding(&VALIDITY_TOO_LONG, format!(
                "valid for {} days; publicly trusted TLS certificates may last at most {max} days {since}, and browsers reject longer ones from public CAs",
                nb.days_until(na)
            )));
        }
    }

    // Keys and signatures (CA/B BR §6.1.5-6.1.6, §7.1.3).
    let key = &c.public_key;
    match (&key.algorithm, key.bits, key.curve.as_deref()) {
        (algorithm, Some(bits), _) if algorithm.is_rsa() && bits < 2048 => out.extend(finding(
            &WEAK_RSA_KEY,
            format!("RSA-{bits} is breakable; use at least 2048 bits (3072+ for long-lived CAs)"),
        )),
        (KeyAlgorithm::Rsa | KeyAlgorithm::RsaPss | KeyAlgorithm::Ed25519, ..) => {}
        (KeyAlgorithm::Ec | KeyAlgorithm::Dsa, _, curve) => {
            out.extend(key_kind(&key.algorithm, curve))
        }
        // Post-quantum keys have rules of their own (pq.rs).
        #[cfg(feature = "pq")]
        _ if pq::is_pq(c) => {}
        (other, ..) => out.extend(finding(
            &UNCOMMON_KEY,
            format!("{other} keys are not accepted by browsers for web PKI"),
        )),
    }
    #[cfg(feature = "pq")]
    out.extend(pq::findings(c));
    let sig = c.signature_algorithm.to_ascii_lowercase();
    if sig.contains("md5") || sig.contains("md2") {
        out.extend(finding(
            &MD5_SIGNATURE,
            format!(
                "signed with {}: collisions are practical; reissue it with SHA-256",
                c.signature_algorithm
            ),
        ));
    } else if sig.contains("sha1") && !c.self_signed.unwrap_or(false) {
        out.extend(finding(&SHA1_SIGNATURE, format!("signed with {}: SHA-1 collisions are practical (SHAttered) and browsers reject it; reissue with SHA-256", c.signature_algorithm)));
    }

    // Serial number (RFC 5280 §4.1.2.2).
    let serial_bytes = c.serial.value_len();
    // Old roots with serial 0 are still trusted; RFC 5280 asks clients to cope with them.
    let serial_severity = if c.is_ca && c.self_issued {
        Warning
    } else {
        Error
    };
    if c.serial.is_negative() {
        out.extend(finding_as(
            serial_severity,
            &NEGATIVE_SERIAL,
            "the serial number is negative; it must be a positive integer".into(),
        ));
    } else if c.serial.is_zero() {
        out.extend(finding_as(
            serial_severity,
            &ZERO_SERIAL,
            "the serial number is zero; it must be positive".into(),
        ));
    }
    // RFC 5280 counts the INTEGER's content octets, the sign-padding zero included.
    if c.serial.0.len() > 20 {
        out.extend(finding(
            &LONG_SERIAL,
            format!(
                "the serial number takes {} octets; at most 20 are allowed",
                c.serial.0.len()
            ),
        ));
    } else if !c.self_issued && serial_bytes < 8 && used_as == UsedAs::TlsServer {
        out.extend(finding(
            &SHORT_SERIAL,
            format!(
                "the serial number has {serial_bytes} bytes; public CAs use at least 64 random bits"
            ),
        ));
    }

    // Names (RFC 5280 §4.2.1.6, RFC 6125, CA/B BR §7.1.4).
    let dns: Vec<&str> = c
        .san
        .iter()
        .filter_map(|s| s.strip_prefix("DNS:"))
        .collect();
    let cn = c
        .subject_attributes
        .iter()
        .rev()
        .find(|a| a.name == "CN")
        .map(|a| a.value.as_str());
    if used_as == UsedAs::TlsServer && c.san.is_empty() {
        out.extend(finding(
            &NO_SAN,
            format!(
                "no subjectAltName: browsers ignore the CN{}, so this matches no host name",
                cn.map(|cn| format!(" ({cn})")).unwrap_or_default()
            ),
        ));
    }
    if let Some(cn) = cn.filter(|_| is_leaf && !c.san.is_empty()) {
        let in_san = c.san.iter().any(|s| {
            s.split_once(':')
                .is_some_and(|(_, v)| v.eq_ignore_ascii_case(cn))
        });
        if !in_san && (cn.contains('.') || cn.parse::<std::net::IpAddr>().is_ok()) {
            out.extend(finding(&CN_NOT_IN_SAN, format!("the CN `{cn}` is not among the SANs; clients use only the SANs, so the CN misleads")));
        }
    }
    for name in &dns {
        if let Some(problem) = wildcard_problem(name) {
            out.extend(finding(&WILDCARD_MISUSE, format!("`{name}`: {problem}")));
        }
    }
    if cn.is_some_and(|cn| cn.contains('*')) && !dns.iter().any(|d| Some(*d) == cn) {
        out.extend(finding(
            &WILDCARD_CN_WITHOUT_SAN,
            "a wildcard in the CN but not in the SAN matches nothing: clients read only the SAN"
                .into(),
        ));
    }

    // Roles (RFC 5280 §4.2.1.3, §4.2.1.9, §4.2.1.12).
    if c.is_ca && !c.self_issued && names_hosts(c) {
        out.extend(finding(&CA_FLAG_ON_LEAF,
            "CA:TRUE on a certificate that names hosts in its SAN, as a server's certificate does: a leaf must not be a CA"
                .into(),
        ));
    }
    if !c.is_ca && c.key_usage.iter().any(|u| u == "keyCertSign") {
        out.extend(finding(&KEY_CERT_SIGN_ON_LEAF, "keyUsage keyCertSign without basicConstraints CA:TRUE: contradictory; remove keyCertSign".into()));
    }
    if is_leaf
        && !dns.is_empty()
        && !c.extended_key_usage.is_empty()
        && !c
            .extended_key_usage
            .iter()
            .any(|e| e == "serverAuth" || e == "anyExtendedKeyUsage")
    {
        out.extend(finding(&NO_SERVER_AUTH, format!(
            "has DNS names but its extendedKeyUsage ({}) lacks serverAuth: TLS servers cannot use it (a client certificate used as a server certificate?)",
            c.extended_key_usage.join(", ")
        )));
    }
    if is_leaf && c.self_signed == Some(true) {
        out.extend(finding(&SELF_SIGNED_LEAF, "self-signed: fine for development, never for production (clients must be told to trust it, or to skip checks)".into()));
    }

    // Extensions (RFC 5280 §4.2).
    let ext = |oid| c.extensions.iter().find(|e| e.is(oid));
    for (i, e) in c.extensions.iter().enumerate() {
        if c.extensions[..i].iter().any(|o| o.oid == e.oid) {
            out.extend(finding(
                &DUPLICATE_EXTENSION,
                format!("the {} extension appears twice", e.name),
            ));
        }
        if e.malformed {
            out.extend(finding(
                &MALFORMED_EXTENSION,
                format!("the {} extension does not parse", e.name),
            ));
        }
    }
    if c.version < 3 && !c.extensions.is_empty() {
        out.extend(finding(
            &EXTENSIONS_NEED_V3,
            format!("version {} certificates cannot carry extensions", c.version),
        ));
    }
    if c.version == 1 {
        out.extend(finding(
            &VERSION_1,
            "a version 1 certificate has no extensions: no SAN, no CA flag".into(),
        ));
    }
    if c.is_ca {
        if c.subject_key_id.is_none() {
            out.extend(finding(
                &CA_WITHOUT_SKI,
                "a CA certificate without subjectKeyIdentifier: path building gets harder".into(),
            ));
        }
        if ext(ID_CE_BASIC_CONSTRAINTS).is_some_and(|e| !e.critical) {
            out.extend(finding(
                &BC_NOT_CRITICAL,
                "basicConstraints must be critical in a CA certificate".into(),
            ));
        }
        if ext(ID_CE_KEY_USAGE).is_some_and(|_| !c.key_usage.iter().any(|u| u == "keyCertSign")) {
            out.extend(finding(
                &CA_WITHOUT_KEY_CERT_SIGN,
                "a CA whose keyUsage lacks keyCertSign cannot sign certificates".into(),
            ));
        }
    }
    if !c.self_issued && c.authority_key_id.is_none() && c.version == 3 {
        out.extend(finding(
            &MISSING_AKI,
            "no authorityKeyIdentifier: validators must guess the issuer by name alone".into(),
        ));
    }
    let critical_rules = [
        (ID_CE_AUTHORITY_KEY_IDENTIFIER, false),
        (ID_CE_SUBJECT_KEY_IDENTIFIER, false),
        (ID_PE_AUTHORITY_INFO_ACCESS, false),
        (ID_CE_NAME_CONSTRAINTS, true),
        (ID_CE_POLICY_CONSTRAINTS, true),
    ];
    for (oid, must_be_critical) in critical_rules {
        if let Some(e) = ext(oid).filter(|e| e.critical != must_be_critical) {
            let name = &e.name;
            out.extend(finding(
                &WRONG_CRITICALITY,
                format!(
                    "{name} must be marked {}",
                    if must_be_critical {
                        "critical"
                    } else {
                        "non-critical"
                    }
                ),
            ));
        }
    }
    let empty_subject = c.subject.is_empty();
    if ext(ID_CE_SUBJECT_ALT_NAME).is_some_and(|e| e.critical != empty_subject) {
        out.extend(finding(
            &SAN_CRITICALITY,
            "subjectAltName must be critical exactly when the subject is empty".into(),
        ));
    }

    // String types (RFC 5280 §4.1.2.4 and appendix A).
    for attr in c.subject_attributes.iter().chain(&c.issuer_attributes) {
        match attr.string_type.as_str() {
            "PrintableString" if !attr.value.chars().all(printable) => out.extend(finding(
                &BAD_PRINTABLE_STRING,
                format!(
                    "{}=`{}` uses characters PrintableString does not allow",
                    attr.name, attr.value
                ),
            )),
            other if attr.name == "C" && other != "PrintableString" => out.extend(finding(
                &COUNTRY_NOT_PRINTABLE,
                format!("the country must be a PrintableString, not {other}"),
            )),
            "PrintableString" | "UTF8String" => {}
            "IA5String" if matches!(attr.name.as_str(), "emailAddress" | "DC") => {}
            other => out.extend(finding(
                &LEGACY_STRING_TYPE,
                format!(
                    "{}=`{}` is a {other}; new certificates use UTF8String or PrintableString",
                    attr.name, attr.value
                ),
            )),
        }
    }
    out
}

/// X.680 PrintableString characters.
fn printable(c: char) -> bool {
    c.is_ascii_alphanumeric() || " '()+,-./:=?".contains(c)
}

/// Why a SAN dNSName is a misused wildcard, if it is.
fn wildcard_problem(name: &str) -> Option<&'static str> {
    if !name.contains('*') {
        return None;
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels[0] != "*" || labels[1..].iter().any(|l| l.contains('*')) {
        return Some(
            "a wildcard must be the whole left-most label (`*.example.com`); clients reject partial or inner wildcards",
        );
    }
    if labels.len() < 3 {
        return Some(
            "a wildcard directly over a top-level domain covers every site under it; CAs must not issue it and clients reject it",
        );
    }
    None
}

/// `child` names `parent` as its issuer (subject and, when both are given, key identifier).
fn issued_by(child: &CertificateReport, parent: &CertificateReport) -> bool {
    child.issuer == parent.subject
        && match (&child.authority_key_id, &parent.subject_key_id) {
            (Some(a), Some(s)) => a == s,
            _ => true,
        }
}

/// Corrects the findings of certificates judged alone by where they sit among the others of
/// the same input: a CA certificate that issued another certificate there is an issuer, not a
/// leaf, whatever names it carries.
pub fn by_position(certs: &mut [&mut CertificateReport]) {
    let issuers: Vec<bool> = {
        let shared: Vec<&CertificateReport> = certs.iter().map(|c| &**c).collect();
        let named = Issuers::of(&shared);
        let mut issuer = vec![false; shared.len()];
        for (j, child) in shared.iter().enumerate().filter(|(_, c)| !c.self_issued) {
            for i in named.of_child(child).filter(|&i| i != j) {
                issuer[i] = true;
            }
        }
        issuer
    };
    for (cert, issuer) in certs.iter_mut().zip(issuers) {
        if issuer && cert.is_ca {
            cert.lint.retain(|f| f.rule != CA_FLAG_ON_LEAF.id);
        }
    }
}

/// The certificates of a bundle by subject: who issued whom in one look-up each, so a bundle
/// of thousands is judged in n log n time (a sorted list: smaller in the page than a map).
struct Issuers<'a> {
    certs: &'a [&'a CertificateReport],
    /// (subject, index), sorted by subject.
    by_subject: Vec<(&'a str, usize)>,
}

impl<'a> Issuers<'a> {
    fn of(certs: &'a [&'a CertificateReport]) -> Issuers<'a> {
        let by_subject: Vec<(&str, usize)> = certs
            .iter()
            .enumerate()
            .map(|(i, c)| (c.subject.as_str(), i))
            .collect();
        let by_subject = crate::sort::by_key(by_subject, |&(subject, _)| subject);
        Issuers { certs, by_subject }
    }

    /// The indices of the certificates that issued `child` ([`issued_by`]).
    fn of_child<'s>(&'s self, child: &'s CertificateReport) -> impl Iterator<Item = usize> + 's {
        let name = child.issuer.as_str();
        let first = self
            .by_subject
            .partition_point(|(subject, _)| *subject < name);
        self.by_subject[first..]
            .iter()
            .take_while(move |(subject, _)| *subject == name)
            .map(|(_, i)| *i)
            .filter(move |&i| issued_by(child, self.certs[i]))
    }
}

/// Every finding for one CRL whose DER is `der`, the rules that read its encoding included,
/// most severe first.
#[cfg(feature = "ca-lint")]
pub fn crl_in(c: &crate::decode::CrlReport, der: &[u8]) -> Vec<Finding> {
    let mut out = crl(c);
    out.extend(crl::findings(c, der));
    crate::sort::by_key(out, |f| f.severity)
}

/// Every finding for one OCSP response (RFC 6960, CA/B BR §4.9.10), most severe first.
#[cfg(all(feature = "ca-lint", feature = "ocsp"))]
pub fn ocsp_response(r: &crate::decode::ocsp::OcspResponseReport) -> Vec<Finding> {
    ocsp::findings(r)
}

/// Every finding for one JWK (RFC 7517, 7518), most severe first.
#[cfg(feature = "jose")]
pub fn jwk(j: &crate::decode::jwk::JwkReport) -> Vec<Finding> {
    jwk::findings(j)
}

/// Every finding for one OpenSSH public or private key.
#[cfg(feature = "openssh")]
pub fn ssh_key(k: &crate::decode::ssh::SshKeyReport) -> Vec<Finding> {
    ssh::key(k)
}

/// Every finding for one OpenSSH certificate, most severe first.
#[cfg(feature = "openssh")]
pub fn ssh_certificate(c: &crate::decode::ssh::SshCertificateReport) -> Vec<Finding> {
    ssh::certificate(c)
}

/// Every finding for one CRL (RFC 5280 section 5), most severe first.
pub fn crl(c: &crate::decode::CrlReport) -> Vec<Finding> {
    use const_oid::db::rfc5280::ID_CE_CRL_NUMBER;
    let mut out = Vec::new();
    match &c.next_update {
        None => out.push(finding(
            &CRL_NEXT_UPDATE_MISSING,
            "no nextUpdate: clients cannot tell when it goes stale".into(),
        )),
        Some(next) if next.0 < c.this_update.0 => out.push(finding(
            &CRL_NEXT_BEFORE_THIS,
            format!(
                "nextUpdate ({next}) is before thisUpdate ({}): the list is stale from the start",
                c.this_update
            ),
        )),
        Some(_) => {}
    }
    let ext = |oid| c.extensions.iter().find(|e| e.is(oid));
    match ext(ID_CE_CRL_NUMBER) {
        None => out.push(finding(
            &CRL_NUMBER_MISSING,
            "no cRLNumber: clients cannot tell which list is newer".into(),
        )),
        Some(e) if e.critical => out.push(finding(
            &CRL_NUMBER_CRITICAL,
            "cRLNumber is marked critical; it must not be".into(),
        )),
        Some(_) => {}
    }
    if ext(ID_CE_AUTHORITY_KEY_IDENTIFIER).is_none() {
        out.push(finding(
            &CRL_AKI_MISSING,
            "no authorityKeyIdentifier: clients must guess which CA key signed it".into(),
        ));
    }
    let entry_extensions = c.revoked.iter().any(|r| r.reason.is_some());
    if c.version < 2 && (!c.extensions.is_empty() || entry_extensions) {
        out.push(finding(
            &CRL_VERSION_NOT_2,
            format!("a version {} CRL carries extensions", c.version),
        ));
    }
    let late: Vec<&str> = c
        .revoked
        .iter()
        .filter(|r| r.date.0 > c.this_update.0)
        .map(|r| r.serial.as_str())
        .collect();
    if let Some(first) = late.first() {
        out.push(finding(
            &CRL_REVOKED_AFTER_THIS_UPDATE,
            format!(
                "{} entr{} revoked after thisUpdate ({}), serial {first} first",
                late.len(),
                if late.len() == 1 { "y is" } else { "ies are" },
                c.this_update
            ),
        ));
    }
    crate::sort::by_key(out, |f| f.severity)
}

/// More findings of one kind than this are told as one, with the first few named.
const MOST_NAMED: usize = 5;

/// The bundle findings of a whole decoded input, for every front end alike: its
/// certificates, those inside PKCS#7 bundles included, taken together ([`bundle`]).
pub fn input(blocks: &[Result<crate::decode::Decoded, crate::Error>]) -> Vec<Finding> {
    let certs: Vec<&CertificateReport> = blocks
        .iter()
        .flatten()
        .flat_map(|d| d.certificates())
        .collect();
    bundle(&certs)
}

/// RSA keys among `certs` that share a prime with another (batch GCD).
#[cfg(feature = "ca-lint")]
fn shared_primes(certs: &[&CertificateReport]) -> Option<Finding> {
    let moduli: Vec<(usize, Vec<u8>)> = certs
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let (der, _) = crate::canonical::rewrite(&c.der)?;
            let view = view::View::read(&der)?;
            let (n, _) = checks::rsa_key(&view)?;
            Some((i, n.to_vec()))
        })
        .collect();
    let mut distinct: Vec<&[u8]> = moduli.iter().map(|(_, n)| n.as_slice()).collect();
    distinct = crate::sort::by_key(distinct, |n| *n);
    distinct.dedup();
    if distinct.len() > weak_key::MOST_MODULI {
        return Some(finding(
            &SHARED_PRIME_NOT_CHECKED,
            format!(
                "{} distinct RSA keys: more than the {} checked for shared primes at once; lint fewer at a time to check them",
                distinct.len(),
                weak_key::MOST_MODULI
            ),
        ));
    }
    let shared =
        weak_key::shared_primes(&moduli.iter().map(|(_, n)| n.as_slice()).collect::<Vec<_>>());
    let named: Vec<&str> = moduli
        .iter()
        .zip(shared)
        .filter(|(_, shared)| *shared)
        .map(|((i, _), _)| certs[*i].subject.as_str())
        .collect();
    (!named.is_empty()).then(|| {
        finding(
            &SHARED_PRIME,
            format!(
                "{} RSA keys share a prime factor with another key of this input, so their private keys can be computed: {}",
                named.len(),
                named.join("; ")
            ),
        )
    })
}

/// Findings about a bundle as a whole: order and completeness, as a server would send it.
pub fn bundle(certs: &[&CertificateReport]) -> Vec<Finding> {
    bundle_with_anchors(certs, &|_| false)
}

/// [`bundle`], where `anchored(issuer)` says whether a trust anchor the user gave is named
/// `issuer` (RFC 4514): an issuer among the anchors is not missing.
pub fn bundle_with_anchors(
    certs: &[&CertificateReport],
    anchored: &dyn Fn(&str) -> bool,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if certs.len() < 2 {
        return out;
    }
    #[cfg(feature = "ca-lint")]
    out.extend(shared_primes(certs));
    let issuers = Issuers::of(certs);
    let misordered = certs
        .windows(2)
        .any(|w| !issued_by(w[0], w[1]) && !w[0].self_issued);
    if misordered
        && certs
            .iter()
            .enumerate()
            .any(|(j, c)| issuers.of_child(c).any(|i| i != j))
    {
        out.push(finding(&WRONG_ORDER, "the certificates are not in leaf-to-root order, each followed by its issuer: some clients (and OpenSSL 1.0) reject this; put the leaf first".into()));
    }
    let orphans: Vec<&&CertificateReport> = certs
        .iter()
        .filter(|c| !c.self_issued && issuers.of_child(c).next().is_none() && !anchored(&c.issuer))
        .collect();
    if orphans.len() > MOST_NAMED {
        let named: Vec<&str> = orphans
            .iter()
            .take(MOST_NAMED)
            .map(|c| c.subject.as_str())
            .collect();
        out.push(finding(&ISSUER_NOT_IN_BUNDLE, format!(
            "the issuers of {} certificates are not in this input (among them those of {}): fine if they are trusted roots, otherwise those chains are incomplete (serve fullchain.pem)",
            orphans.len(),
            named.join("; ")
        )));
        return out;
    }
    for c in orphans {
        out.push(finding(&ISSUER_NOT_IN_BUNDLE, format!(
            "the issuer of {} ({}) is not in this input: fine if it is a trusted root, otherwise the chain is incomplete (serve fullchain.pem){}",
            c.subject,
            c.issuer,
            c.ca_issuers.first().map(|u| format!("; it is published at {u}")).unwrap_or_default()
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert_eq!(wildcard_problem("*.example.com"), None);
        assert!(wildcard_problem("*.com").is_some());
        assert!(wildcard_problem("a*.example.com").is_some());
        assert!(wildcard_problem("www.*.example.com").is_some());
        assert_eq!(wildcard_problem("www.example.com"), None);
    }

    #[test]
    fn cabf_validity_limits_follow_the_schedule() {
        let day = |d: &str| UnixTime::parse_rfc3339(d).unwrap();
        assert_eq!(cabf_max_days(day("2025-01-01")).0, 398);
        assert_eq!(cabf_max_days(day("2026-03-15")).0, 200);
        assert_eq!(cabf_max_days(day("2027-06-01")).0, 100);
        assert_eq!(cabf_max_days(day("2030-01-01")).0, 47);
        assert_eq!(cabf_max_days(day("2020-01-01")).0, 825);
        assert_eq!(cabf_max_days(day("2016-01-01")).0, 1188);
        assert_eq!(cabf_max_days(day("2013-01-01")).0, 1827);
    }
}
