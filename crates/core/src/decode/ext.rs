//! Extensions (RFC 5280 section 4.2) decoded into names and plain-word values.

use crate::dn::{self, colon_hex};
use crate::extension::{self, Value};
use crate::oids;
use der::{Decode, asn1::OctetString, oid::ObjectIdentifier};
use serde::{Deserialize, Serialize};
use x509_cert::ext::{
    Extension,
    pkix::{
        AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
        CrlDistributionPoints, ExtendedKeyUsage, InhibitAnyPolicy, IssuerAltName, KeyUsage,
        KeyUsages, NameConstraints, PolicyConstraints, SubjectAltName, SubjectKeyIdentifier,
        constraints::name::GeneralSubtrees,
        name::{DistributionPointName, GeneralName, GeneralNames},
    },
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// One extension, decoded.
pub struct ExtensionReport {
    /// The dotted OID.
    pub oid: String,
    /// OpenSSL's name for it, or the dotted OID.
    pub name: String,
    /// What the extension is for, in a few plain words.
    pub about: String,
    /// Marked critical: a client that does not process it must refuse the certificate.
    pub critical: bool,
    /// The value does not parse as the extension's ASN.1 type.
    pub malformed: bool,
    /// Decoded value, one line per item, as `openssl x509 -text` would show it.
    pub value: Vec<String>,
}

impl ExtensionReport {
    /// Whether this is the extension `oid` names.
    pub fn is(&self, oid: ObjectIdentifier) -> bool {
        extension::lookup(&oid).is_some_and(|row| row.dotted() == self.oid)
    }
}

/// Everything extensions say that reports and checks need, decoded once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionSummary {
    /// subjectAltName entries.
    pub san: Vec<String>,
    /// basicConstraints cA.
    pub is_ca: bool,
    /// basicConstraints pathLenConstraint.
    pub path_len: Option<u8>,
    /// keyUsage bits by name.
    pub key_usage: Vec<String>,
    /// extendedKeyUsage purposes by name.
    pub extended_key_usage: Vec<String>,
    /// subjectKeyIdentifier, colon hex.
    pub subject_key_id: Option<String>,
    /// authorityKeyIdentifier keyIdentifier, colon hex.
    pub authority_key_id: Option<String>,
    /// OCSP responder URLs.
    pub ocsp: Vec<String>,
    /// caIssuers URLs.
    pub ca_issuers: Vec<String>,
    /// CRL distribution point names.
    pub crl_distribution_points: Vec<String>,
    /// Policy OIDs, named where known (`DV`, `OV`, `EV`, `anyPolicy`).
    pub policies: Vec<String>,
    /// nameConstraints, when present.
    pub name_constraints: Option<NameConstraintsReport>,
    /// TLS feature status_request: the server must staple an OCSP response (RFC 7633).
    pub must_staple: bool,
    /// Certificate Transparency SCTs embedded in the certificate.
    pub scts: Vec<SctReport>,
    /// Every extension, decoded.
    pub extensions: Vec<ExtensionReport>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
/// nameConstraints (RFC 5280 §4.2.1.10): the subtrees, in SAN syntax.
pub struct NameConstraintsReport {
    /// Names the CA may issue for.
    pub permitted: Vec<String>,
    /// Names the CA must not issue for.
    pub excluded: Vec<String>,
}

/// One Certificate Transparency signed certificate timestamp (RFC 6962 section 3.2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SctReport {
    /// The SCT version (0 for v1).
    pub version: u8,
    /// base64 of the log's key id, as CT log lists publish it.
    pub log_id: String,
    /// When the log saw the certificate, RFC 3339.
    pub timestamp: String,
    /// The log's name, from Chrome's or Apple's list; `None` for a log neither lists.
    #[serde(default)]
    #[cfg(feature = "ct")]
    pub log: Option<String>,
    /// Who runs the log.
    #[serde(default)]
    #[cfg(feature = "ct")]
    pub operator: Option<String>,
    /// The log's key verifies the SCT over the precertificate; `None` when it could not be
    /// checked (the log is unknown, or the issuer's certificate is not in the input).
    #[serde(default)]
    #[cfg(feature = "ct")]
    pub signature_valid: Option<bool>,
}

/// keyUsage bits and the names OpenSSL prints for them.
pub const KEY_USAGE_NAMES: [(KeyUsages, &str); 9] = [
    (KeyUsages::DigitalSignature, "digitalSignature"),
    (KeyUsages::NonRepudiation, "nonRepudiation"),
    (KeyUsages::KeyEncipherment, "keyEncipherment"),
    (KeyUsages::DataEncipherment, "dataEncipherment"),
    (KeyUsages::KeyAgreement, "keyAgreement"),
    (KeyUsages::KeyCertSign, "keyCertSign"),
    (KeyUsages::CRLSign, "cRLSign"),
    (KeyUsages::EncipherOnly, "encipherOnly"),
    (KeyUsages::DecipherOnly, "decipherOnly"),
];

/// Access methods (RFC 5280 section 4.2.2.1) and the CPS policy qualifier (section 4.2.1.4).
const ID_AD_OCSP: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");
const ID_AD_CA_ISSUERS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.2");
const ID_QT_CPS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.2.1");

/// Decodes every extension; one that does not parse is shown as hex with a note, never an error.
pub fn decode(extensions: &[Extension]) -> ExtensionSummary {
    let mut out = ExtensionSummary::default();
    for ext in extensions {
        let bytes = ext.extn_value.as_bytes();
        let known = extension::lookup(&ext.extn_id);
        let oid = known.map_or_else(|| ext.extn_id.to_string(), |k| k.dotted().to_string());
        let kind = known.map_or(Value::Hex, |k| k.value);
        let value = value(kind, bytes, &mut out);
        let malformed = value.is_err();
        let value =
            value.unwrap_or_else(|e| vec![format!("(malformed: {e}) {}", colon_hex(bytes))]);
        out.extensions.push(ExtensionReport {
            name: known.map_or_else(|| oid.clone(), |k| k.name.to_string()),
            oid,
            about: known.map_or("unknown extension", |k| k.about).to_string(),
            critical: ext.critical,
            malformed,
            value,
        });
    }
    out
}

/// One extension's value lines, noting what reports and checks need in `out`. Each kind is a
/// function of its own (`inline(never)`, and index.html's `-ocimfs 0` keeps wasm-opt from
/// merging them back): a browser compiles only the kinds an input holds, and optimizes small
/// hot functions instead of one of 33 KB (38 ms of Chromium's optimizing compiler, competing
/// with a first decode for the CPU).
fn value(kind: Value, bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    match kind {
        Value::SubjectAltName => subject_alt_name(bytes, out),
        Value::BasicConstraints => basic_constraints(bytes, out),
        Value::KeyUsage => key_usage(bytes, out),
        Value::ExtendedKeyUsage => extended_key_usage(bytes, out),
        Value::SubjectKeyIdentifier => subject_key_identifier(bytes, out),
        Value::AuthorityKeyIdentifier => authority_key_identifier(bytes, out),
        Value::AuthorityInfoAccess => authority_info_access(bytes, out),
        Value::IssuerAltName => IssuerAltName::from_der(bytes).map(|ian| general_names(&ian.0)),
        Value::CrlDistributionPoints => crl_distribution_points(bytes, out),
        Value::CertificatePolicies => certificate_policies(bytes, out),
        Value::NameConstraints => name_constraints(bytes, out),
        Value::PolicyConstraints => policy_constraints(bytes),
        Value::PolicyMappings => policy_mappings(bytes)
            .map(|pairs| {
                pairs
                    .iter()
                    .map(|(from, to)| {
                        format!("{} → {}", crate::oids::name(from), crate::oids::name(to))
                    })
                    .collect()
            })
            .ok_or_else(|| der::Tag::Sequence.value_error().into()),
        Value::InhibitAnyPolicy => {
            InhibitAnyPolicy::from_der(bytes).map(|n| vec![format!("skip certs: {}", n.0)])
        }
        Value::TlsFeature => tls_feature(bytes, out),
        Value::SignedCertificateTimestamps => sct_extension(bytes, out),
        Value::Hex => Ok(vec![colon_hex(bytes)]),
    }
}

#[inline(never)]
fn subject_alt_name(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let san = SubjectAltName::from_der(bytes)?;
    out.san = general_names(&san.0);
    Ok(out.san.clone())
}

#[inline(never)]
fn basic_constraints(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let bc = BasicConstraints::from_der(bytes)?;
    out.is_ca = bc.ca;
    out.path_len = bc.path_len_constraint;
    let mut line = String::from(if bc.ca { "CA:TRUE" } else { "CA:FALSE" });
    if let Some(n) = bc.path_len_constraint {
        line.push_str(&format!(", pathlen:{n}"));
    }
    Ok(vec![line])
}

#[inline(never)]
fn key_usage(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let ku = KeyUsage::from_der(bytes)?;
    out.key_usage = KEY_USAGE_NAMES
        .iter()
        .filter(|(flag, _)| ku.0.contains(*flag))
        .map(|(_, n)| n.to_string())
        .collect();
    Ok(vec![out.key_usage.join(", ")])
}

#[inline(never)]
fn extended_key_usage(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let eku = ExtendedKeyUsage::from_der(bytes)?;
    out.extended_key_usage = eku.0.iter().map(oids::name).collect();
    Ok(vec![out.extended_key_usage.join(", ")])
}

#[inline(never)]
fn subject_key_identifier(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let ski = SubjectKeyIdentifier::from_der(bytes)?;
    let id = colon_hex(ski.0.as_bytes());
    out.subject_key_id = Some(id.clone());
    Ok(vec![id])
}

#[inline(never)]
fn authority_key_identifier(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let aki = AuthorityKeyIdentifier::from_der(bytes)?;
    let mut lines = Vec::new();
    if let Some(id) = &aki.key_identifier {
        let id = colon_hex(id.as_bytes());
        lines.push(format!("keyid:{id}"));
        out.authority_key_id = Some(id);
    }
    if let Some(names) = &aki.authority_cert_issuer {
        lines.extend(general_names(names));
    }
    if let Some(serial) = &aki.authority_cert_serial_number {
        lines.push(format!("serial:{}", colon_hex(serial.as_bytes())));
    }
    Ok(lines)
}

#[inline(never)]
fn authority_info_access(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let aia = AuthorityInfoAccessSyntax::from_der(bytes)?;
    Ok(aia
        .0
        .iter()
        .map(|ad| {
            let location = general_name(&ad.access_location);
            let uri = location
                .strip_prefix("URI:")
                .unwrap_or(&location)
                .to_string();
            match ad.access_method {
                ID_AD_OCSP => out.ocsp.push(uri),
                ID_AD_CA_ISSUERS => out.ca_issuers.push(uri),
                _ => {}
            }
            format!("{} - {location}", oids::name(&ad.access_method))
        })
        .collect())
}

#[inline(never)]
fn crl_distribution_points(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let dps = CrlDistributionPoints::from_der(bytes)?;
    for dp in &dps.0 {
        match &dp.distribution_point {
            Some(DistributionPointName::FullName(names)) => {
                out.crl_distribution_points.extend(general_names(names))
            }
            Some(DistributionPointName::NameRelativeToCRLIssuer(rdn)) => out
                .crl_distribution_points
                .push(format!("relative name: {}", dn::rdn_text(rdn))),
            None => {}
        }
    }
    Ok(out.crl_distribution_points.clone())
}

#[inline(never)]
fn certificate_policies(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let policies = CertificatePolicies::from_der(bytes)?;
    let mut lines = Vec::new();
    for policy in &policies.0 {
        let name = policy_name(&policy.policy_identifier);
        out.policies.push(name.clone());
        lines.push(format!("Policy: {name}"));
        for qualifier in policy.policy_qualifiers.iter().flatten() {
            if let Some(cps) = qualifier
                .qualifier
                .as_ref()
                .filter(|_| qualifier.policy_qualifier_id == ID_QT_CPS)
                .and_then(|q| dn::any_text(q.into()))
            {
                lines.push(format!("  CPS: {cps}"));
            }
        }
    }
    Ok(lines)
}

#[inline(never)]
fn name_constraints(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let nc = NameConstraints::from_der(bytes)?;
    let report = NameConstraintsReport {
        permitted: subtrees(nc.permitted_subtrees.as_ref()),
        excluded: subtrees(nc.excluded_subtrees.as_ref()),
    };
    let lines = report
        .permitted
        .iter()
        .map(|n| format!("Permitted: {n}"))
        .chain(report.excluded.iter().map(|n| format!("Excluded: {n}")))
        .collect();
    out.name_constraints = Some(report);
    Ok(lines)
}

#[inline(never)]
/// policyMappings (RFC 5280 section 4.2.1.5): SEQUENCE OF SEQUENCE { issuerDomainPolicy,
/// subjectDomainPolicy }, read by hand: der's generic decoder for it cost the web app 2 KB.
pub fn policy_mappings(bytes: &[u8]) -> Option<Vec<(ObjectIdentifier, ObjectIdentifier)>> {
    use crate::tlv::{OID, SEQUENCE, expect};
    let (mut items, []) = expect(bytes, SEQUENCE)? else {
        return None;
    };
    let mut pairs = Vec::new();
    while !items.is_empty() {
        let (pair, rest) = expect(items, SEQUENCE)?;
        let (from, after) = expect(pair, OID)?;
        let (to, []) = expect(after, OID)? else {
            return None;
        };
        pairs.push((
            ObjectIdentifier::from_bytes(from).ok()?,
            ObjectIdentifier::from_bytes(to).ok()?,
        ));
        items = rest;
    }
    (!pairs.is_empty()).then_some(pairs)
}

fn policy_constraints(bytes: &[u8]) -> der::Result<Vec<String>> {
    let pc = PolicyConstraints::from_der(bytes)?;
    let mut lines = Vec::new();
    if let Some(n) = pc.require_explicit_policy {
        lines.push(format!("Require Explicit Policy: {n}"));
    }
    if let Some(n) = pc.inhibit_policy_mapping {
        lines.push(format!("Inhibit Policy Mapping: {n}"));
    }
    Ok(lines)
}

/// TLS feature (RFC 7633).
#[inline(never)]
fn tls_feature(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let features = Vec::<u32>::from_der(bytes)?;
    out.must_staple = features.contains(&5);
    Ok(features
        .iter()
        .map(|f| match f {
            5 => "status_request (OCSP must-staple)".to_string(),
            17 => "status_request_v2".to_string(),
            other => format!("feature {other}"),
        })
        .collect())
}

#[inline(never)]
fn sct_extension(bytes: &[u8], out: &mut ExtensionSummary) -> der::Result<Vec<String>> {
    let list = OctetString::from_der(bytes)?;
    out.scts = sct_list(list.as_bytes());
    Ok(out
        .scts
        .iter()
        .map(|s| {
            #[cfg(feature = "ct")]
            if let Some(log) = &s.log {
                return format!("{log} ({}) at {}", s.log_id, s.timestamp);
            }
            format!("log {} at {}", s.log_id, s.timestamp)
        })
        .collect())
}

/// A policy OID with its CA/B Forum or well-known name.
fn policy_name(oid: &der::oid::ObjectIdentifier) -> String {
    match oids::lookup(oid) {
        Some(known) => format!("{} ({})", known.name, known.dotted),
        None => oid.to_string(),
    }
}

fn subtrees(trees: Option<&GeneralSubtrees>) -> Vec<String> {
    trees
        .into_iter()
        .flatten()
        .map(|t| general_name(&t.base))
        .collect()
}

/// The TLS-encoded SCT list inside the extension (RFC 6962 section 3.3). A malformed list
/// yields no SCTs (the extension's value says why).
fn sct_list(bytes: &[u8]) -> Vec<SctReport> {
    use base64ct::{Base64, Encoding};
    crate::ct::parse_list(bytes)
        .unwrap_or_default()
        .iter()
        .map(|sct| {
            let log_id = Base64::encode_string(sct.log_id);
            #[cfg(feature = "ct")]
            let (log, operator) = crate::ct::log(&log_id)
                .map(|l| (Some(l.description.clone()), Some(l.operator.clone())))
                .unwrap_or_default();
            SctReport {
                version: sct.version + 1,
                timestamp: crate::time::UnixTime(
                    i64::try_from(sct.timestamp / 1000).unwrap_or(i64::MAX),
                )
                .to_rfc3339(),
                #[cfg(feature = "ct")]
                log,
                #[cfg(feature = "ct")]
                operator,
                log_id,
                #[cfg(feature = "ct")]
                signature_valid: None,
            }
        })
        .collect()
}

/// `DNS:example.com`, `IP:127.0.0.1`, … as OpenSSL prints them, but with `IP:` (shorter and
/// what `-addext subjectAltName=` takes).
pub fn general_names(names: &GeneralNames) -> Vec<String> {
    names.iter().map(general_name).collect()
}

/// One GeneralName as OpenSSL prints it (`DNS:…`, `IP:…`, `email:…`, `URI:…`, `DirName:…`).
pub fn general_name(name: &GeneralName) -> String {
    match name {
        GeneralName::DnsName(s) => format!("DNS:{}", s.as_str()),
        GeneralName::Rfc822Name(s) => format!("email:{}", s.as_str()),
        GeneralName::UniformResourceIdentifier(s) => format!("URI:{}", s.as_str()),
        GeneralName::IpAddress(ip) => format!("IP:{}", ip_text(ip)),
        GeneralName::DirectoryName(dn) => format!("DirName:{}", dn::rfc4514(dn)),
        GeneralName::RegisteredId(oid) => format!("RID:{oid}"),
        GeneralName::OtherName(other) => {
            let text = other
                .value
                .decode_as::<der::Any>()
                .ok()
                .and_then(|inner| dn::any_text((&inner).into()))
                .unwrap_or_else(|| "<unsupported>".into());
            match other.type_id.to_string().as_str() {
                "1.3.6.1.4.1.311.20.2.3" => format!("othername:UPN:{text}"),
                oid => format!("othername:{oid}:{text}"),
            }
        }
        GeneralName::EdiPartyName(_) => "EdiPartyName:<unsupported>".into(),
    }
}

/// An IPv6 address as RFC 5952 section 4 writes it (and std's `Display`): lowercase hex groups
/// without leading zeros, the longest run of two or more zero groups (the first of equal ones)
/// as `::`, an IPv4-mapped address as `::ffff:` and dotted quad. Written here: std's formatting
/// costs the web app's wasm kilobytes.
fn ipv6_text(octets: &[u8; 16]) -> String {
    let groups: Vec<u16> = octets
        .chunks(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect();
    if groups[..5].iter().all(|&g| g == 0) && groups[5] == 0xffff {
        let [a, b, c, d] = [octets[12], octets[13], octets[14], octets[15]];
        return format!("::ffff:{a}.{b}.{c}.{d}");
    }
    let (mut run, mut i) = ((0, 0), 0);
    while i < 8 {
        let start = i;
        while i < 8 && groups[i] == 0 {
            i += 1;
        }
        if i - start > run.1 {
            run = (start, i - start);
        }
        i += usize::from(i == start);
    }
    let hex = |groups: &[u16]| {
        groups
            .iter()
            .map(|g| format!("{g:x}"))
            .collect::<Vec<_>>()
            .join(":")
    };
    match run {
        (start, len) if len >= 2 => {
            format!("{}::{}", hex(&groups[..start]), hex(&groups[start + len..]))
        }
        _ => hex(&groups),
    }
}

/// An IP address SAN or name-constraint entry: 4 or 16 bytes, or 8 or 32 with a mask.
pub fn ip_text(octets: &OctetString) -> String {
    ip_bytes_text(octets.as_bytes())
}

/// [`ip_text`] of raw bytes.
pub(crate) fn ip_bytes_text(b: &[u8]) -> String {
    if let [a, b, c, d] = b {
        return format!("{a}.{b}.{c}.{d}");
    }
    if let Ok(v6) = <[u8; 16]>::try_from(b) {
        return ipv6_text(&v6);
    }
    match b.len() {
        8 | 32 => format!(
            "{}/{}",
            ip_bytes_text(&b[..b.len() / 2]),
            ip_bytes_text(&b[b.len() / 2..])
        ),
        _ => format!("<invalid {} bytes: {}>", b.len(), dn::hex(b)),
    }
}

#[cfg(test)]
mod tests {
    /// IPv6 text is std's, for addresses of every shape: zero runs of each length and place,
    /// ties, IPv4-mapped and -compatible ones.
    #[test]
    fn ipv6_is_written_as_std_writes_it() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..20_000u32 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let mut octets = state.to_be_bytes().repeat(2);
            // Zero out groups by the bits of the round: every pattern of zero groups occurs.
            for group in 0..8 {
                if round & (1 << group) != 0 {
                    octets[2 * group] = 0;
                    octets[2 * group + 1] = 0;
                }
            }
            if round % 7 == 0 {
                octets[..10].fill(0);
                octets[10..12].fill(0xff);
            }
            let octets: [u8; 16] = octets.try_into().unwrap();
            assert_eq!(
                super::ipv6_text(&octets),
                std::net::Ipv6Addr::from(octets).to_string()
            );
        }
    }
}
