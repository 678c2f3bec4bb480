//! CRL rules that read the list as written (RFC 5280 §5, CA/B TLS BR §4.9.7 and §7.2): its
//! entries, their extensions and the list's own, read with [`crate::tlv`] from the DER
//! [`crate::canonical`] made of it. A rule judges a CRL issued (thisUpdate) after it took effect.

use super::registry::*;
use super::view::{Ext, read_extensions};
use crate::decode::CrlReport;
use crate::finding::Finding;
use crate::tlv::{self, OID, SEQUENCE, element, expect};
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc5280::{
    ID_CE_AUTHORITY_KEY_IDENTIFIER, ID_CE_CRL_NUMBER, ID_CE_CRL_REASONS, ID_CE_DELTA_CRL_INDICATOR,
    ID_CE_ISSUING_DISTRIBUTION_POINT,
};

/// One revoked entry: serial (content octets), revocation date (tag, text), extensions.
struct Entry<'a> {
    serial: &'a [u8],
    date: (u8, &'a [u8]),
    extensions: Vec<Ext<'a>>,
}

/// The parts of a CRL its rules read.
struct View<'a> {
    algorithm: &'a [u8],
    times: Vec<(u8, &'a [u8])>,
    /// revokedCertificates present (perhaps empty), and its entries.
    revoked: Option<Vec<Entry<'a>>>,
    extensions: Vec<Ext<'a>>,
}

fn is_time(tag: u8) -> bool {
    matches!(tag, 0x17 | 0x18)
}

impl<'a> View<'a> {
    fn read(der: &'a [u8]) -> Option<View<'a>> {
        let (list, _) = expect(der, SEQUENCE)?;
        let (tbs, _) = expect(list, SEQUENCE)?;
        let mut tbs = match element(tbs)? {
            (tlv::INTEGER, _, rest) => rest,
            _ => tbs,
        };
        let (_, rest) = expect(tbs, SEQUENCE)?;
        let algorithm = &tbs[..tbs.len() - rest.len()];
        let (_issuer, rest) = expect(rest, SEQUENCE)?;
        tbs = rest;
        let mut times = Vec::new();
        while let Some((tag, text, rest)) = element(tbs).filter(|(tag, ..)| is_time(*tag)) {
            times.push((tag, text));
            tbs = rest;
        }
        let mut revoked = None;
        let mut list_extensions = Vec::new();
        while let Some((tag, content, rest)) = element(tbs) {
            match tag {
                SEQUENCE => {
                    let mut entries = Vec::new();
                    let mut body = content;
                    while let Some((entry, more)) = expect(body, SEQUENCE) {
                        let (serial, entry) = expect(entry, tlv::INTEGER)?;
                        let (date_tag, date, entry) = element(entry)?;
                        let extensions = match entry {
                            [] => Vec::new(),
                            list => read_extensions(list)?,
                        };
                        times.push((date_tag, date));
                        entries.push(Entry {
                            serial,
                            date: (date_tag, date),
                            extensions,
                        });
                        body = more;
                    }
                    revoked = Some(entries);
                }
                0xa0 => list_extensions = read_extensions(content)?,
                _ => {}
            }
            tbs = rest;
        }
        Some(View {
            algorithm,
            times,
            revoked,
            extensions: list_extensions,
        })
    }

    fn ext(&self, oid: Oid) -> Option<&Ext<'a>> {
        self.extensions.iter().find(|e| e.oid == oid.as_bytes())
    }

    fn entries(&self) -> &[Entry<'a>] {
        self.revoked.as_deref().unwrap_or_default()
    }
}

/// An entry's reasonCode, when it has one: its value and criticality.
fn reason(entry: &Entry) -> Option<(u8, bool)> {
    let e = entry
        .extensions
        .iter()
        .find(|e| e.oid == ID_CE_CRL_REASONS.as_bytes())?;
    let (value, _) = expect(e.value, 0x0a)?;
    Some((value.last().copied().unwrap_or(0), e.critical))
}

/// CRL extensions RFC 5280 §5.2 defines (a client must refuse a CRL with another one critical).
const KNOWN_EXTENSIONS: &[&str] = &[
    "2.5.29.35",
    "2.5.29.18",
    "2.5.29.20",
    "2.5.29.27",
    "2.5.29.28",
    "2.5.29.46",
    "1.3.6.1.5.5.7.1.1",
];

/// Extensions the Baseline Requirements allow in a CRL (§7.2.2).
const BR_EXTENSIONS: &[&str] = &["2.5.29.35", "2.5.29.20", "2.5.29.28"];

fn dotted_in(oid: &[u8], list: &[&str]) -> bool {
    list.iter().any(|d| super::kind::oid_bytes(d) == oid)
}

/// Every finding of the rules that read `der`, the CRL `c` reports.
pub(super) fn findings(c: &CrlReport, der: &[u8]) -> Vec<Finding> {
    let Some((der, not_der)) = crate::canonical::rewrite(der) else {
        return Vec::new();
    };
    let Some(view) = View::read(&der) else {
        return Vec::new();
    };
    let this_update = c.this_update.0;
    let mut out = Vec::new();
    let mut raise = |rule: &'static Rule, message: String| {
        if rule.in_effect_for(this_update) {
            out.push(super::finding(rule, message));
        }
    };
    if let Some(problem) = not_der.first() {
        raise(
            &CRL_NOT_DER,
            format!(
                "not DER at byte {}: {}",
                problem.at,
                match problem.what {
                    crate::canonical::NotDer::LongLength => "a length in long form",
                    crate::canonical::NotDer::Boolean => "a BOOLEAN TRUE not written 0xFF",
                    crate::canonical::NotDer::PaddedInteger =>
                        "an INTEGER with needless leading octets",
                    crate::canonical::NotDer::UnsortedSet => "a SET OF out of order",
                    crate::canonical::NotDer::TimeWithoutSeconds => "a time without seconds",
                    crate::canonical::NotDer::FractionalSeconds => "a time with fractional seconds",
                    crate::canonical::NotDer::TimeNotZulu => "a time with an offset from UTC",
                }
            ),
        );
    }
    let entries = view.entries();
    if view.revoked.as_ref().is_some_and(Vec::is_empty) {
        raise(&CRL_REVOKED_EMPTY, "revokedCertificates is present but empty: RFC 5280 requires it absent when nothing is revoked".into());
    }
    let reasons: Vec<(u8, bool)> = entries.iter().filter_map(reason).collect();
    if reasons.iter().any(|(code, _)| *code == 0) {
        raise(
            &CRL_REASON_UNSPECIFIED,
            "an entry's reasonCode is unspecified (0): leave the extension out instead".into(),
        );
    }
    if let Some((code, _)) = reasons.iter().find(|(code, _)| *code == 7 || *code > 10) {
        raise(
            &CRL_REASON_INVALID,
            format!("reasonCode {code} is not a reason RFC 5280 defines"),
        );
    }
    if reasons.iter().any(|(_, critical)| *critical) {
        raise(
            &CRL_REASON_CRITICAL,
            "an entry's reasonCode is marked critical; it must not be".into(),
        );
    }
    // BR §7.2.2: keyCompromise, affiliationChanged, superseded, cessationOfOperation,
    // privilegeWithdrawn.
    if let Some((code, _)) = reasons
        .iter()
        .find(|(code, _)| !matches!(code, 1 | 3 | 4 | 5 | 9))
    {
        raise(
            &CRL_BR_REASON,
            format!("reasonCode {code} is not one the Baseline Requirements allow (1, 3, 4, 5, 9)"),
        );
    }
    let delta = view.ext(ID_CE_DELTA_CRL_INDICATOR).is_some();
    if !delta && reasons.iter().any(|(code, _)| *code == 8) {
        raise(
            &CRL_REMOVE_FROM_CRL,
            "removeFromCRL in a CRL that is not a delta CRL".into(),
        );
    }
    if delta && view.ext(ID_CE_CRL_NUMBER).is_none() {
        raise(
            &CRL_DELTA_WITHOUT_NUMBER,
            "a delta CRL without cRLNumber".into(),
        );
    }
    if let Some(aki) = view.ext(ID_CE_AUTHORITY_KEY_IDENTIFIER) {
        let fields: Vec<u8> = expect(aki.value, SEQUENCE)
            .map(|(body, _)| {
                let mut tags = Vec::new();
                let mut rest = body;
                while let Some((tag, _, more)) = element(rest) {
                    tags.push(tag);
                    rest = more;
                }
                tags
            })
            .unwrap_or_default();
        if fields != [0x80] {
            raise(
                &CRL_AKI_ONLY_KEY_ID,
                "authorityKeyIdentifier holds more or other than keyIdentifier".into(),
            );
        }
    }
    if let Some(number) = view.ext(ID_CE_CRL_NUMBER) {
        let value = expect(number.value, tlv::INTEGER)
            .map(|(v, _)| v)
            .unwrap_or_default();
        let negative = value.first().is_some_and(|b| b & 0x80 != 0);
        let digits = match value {
            [0, rest @ ..] => rest,
            all => all,
        };
        // At most 2^159 - 1: 20 octets with the top bit clear.
        if negative || digits.len() > 20 || (digits.len() == 20 && digits[0] & 0x80 != 0) {
            raise(
                &CRL_NUMBER_RANGE,
                "cRLNumber is negative or not below 2^159".into(),
            );
        }
    }
    if let Some(next) = c.next_update {
        let only_ca = view
            .ext(ID_CE_ISSUING_DISTRIBUTION_POINT)
            .and_then(|e| expect(e.value, SEQUENCE))
            .is_some_and(|(body, _)| {
                let mut rest = body;
                while let Some((tag, value, more)) = element(rest) {
                    if tag == 0x82 && value.first().is_some_and(|&b| b != 0) {
                        return true;
                    }
                    rest = more;
                }
                false
            });
        let (most, what) = if only_ca {
            (366, "12 months for a CRL of CA certificates")
        } else {
            (10, "10 days for a CRL covering subscriber certificates")
        };
        let days = (next.0.0 - this_update.0) as f64 / 86_400.0;
        if days > f64::from(most) {
            raise(
                &CRL_NEXT_UPDATE_TOO_FAR,
                format!(
                    "nextUpdate is {days:.1} days after thisUpdate; the Baseline Requirements allow at most {what}"
                ),
            );
        }
    }
    let sha_rsa = super::kind::oid_bytes("1.2.840.113549.1.1");
    if let Some((body, _)) = expect(view.algorithm, SEQUENCE)
        && let Some((oid, params)) = expect(body, OID)
    {
        let pkcs1 = oid
            .strip_prefix(sha_rsa.as_slice())
            .is_some_and(|last| matches!(last, [2..=5] | [11..=14]));
        if pkcs1 && params != [tlv::NULL, 0] {
            raise(
                &CRL_SIGNATURE_PARAMS,
                "the RSA signature algorithm's parameters are not NULL".into(),
            );
        }
    }
    if let Some(e) = view
        .extensions
        .iter()
        .find(|e| e.critical && !dotted_in(e.oid, KNOWN_EXTENSIONS))
    {
        raise(
            &CRL_UNKNOWN_CRITICAL,
            format!(
                "a critical extension RFC 5280 does not define ({}): clients must refuse the CRL",
                oid_text(e.oid)
            ),
        );
    }
    if let Some(e) = view
        .extensions
        .iter()
        .find(|e| !dotted_in(e.oid, BR_EXTENSIONS))
    {
        raise(
            &CRL_EXTENSION_NOT_RECOMMENDED,
            format!(
                "extension {} is not one the Baseline Requirements list for CRLs",
                oid_text(e.oid)
            ),
        );
    }
    if view
        .ext(ID_CE_ISSUING_DISTRIBUTION_POINT)
        .is_some_and(|e| !e.critical)
    {
        raise(
            &CRL_IDP_NOT_CRITICAL,
            "issuingDistributionPoint is not marked critical; it must be".into(),
        );
    }
    let twice = |list: &[Ext]| {
        list.iter()
            .enumerate()
            .any(|(i, e)| list[..i].iter().any(|o| o.oid == e.oid))
    };
    if twice(&view.extensions) {
        raise(
            &CRL_DUPLICATE_EXTENSION,
            "an extension of the CRL appears twice".into(),
        );
    }
    if entries.iter().any(|e| twice(&e.extensions)) {
        raise(
            &CRL_ENTRY_DUPLICATE_EXTENSION,
            "an entry has the same extension twice".into(),
        );
    }
    let mut serials: Vec<&[u8]> = entries.iter().map(|e| e.serial).collect();
    serials = crate::sort::by_key(serials, |s| *s);
    if serials.windows(2).any(|w| w[0] == w[1]) {
        raise(
            &CRL_DUPLICATE_SERIAL,
            "a serial number is listed twice".into(),
        );
    }
    // Before 1999: a UTCTime 50-98, or a GeneralizedTime year below 1999.
    let too_early = |(tag, text): (u8, &[u8])| match tag {
        0x17 => text >= &b"50"[..] && text < &b"99"[..],
        _ => text < &b"1999"[..],
    };
    if entries.iter().any(|e| too_early(e.date)) {
        raise(
            &CRL_REVOCATION_TOO_EARLY,
            "an entry's revocation date is before 1999, when RFC 2459 defined CRLs as used today"
                .into(),
        );
    }
    if view
        .times
        .iter()
        .any(|(tag, text)| *tag == 0x18 && text.get(..4).is_some_and(|y| y < &b"2050"[..]))
    {
        raise(
            &CRL_TIME_WRONG_TYPE,
            "a date before 2050 is written as GeneralizedTime; RFC 5280 requires UTCTime".into(),
        );
    }
    out
}

fn oid_text(oid: &[u8]) -> String {
    Oid::from_bytes(oid)
        .map(|o| o.to_string())
        .unwrap_or_else(|_| "?".into())
}

#[cfg(test)]
mod tests {
    use super::super::test_der::{hex, seq};
    use crate::tlv::{OCTET_STRING, SEQUENCE, encode};
    use der::Decode;

    fn ext(oid: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
        let flag = if critical {
            encode(0x01, &[0xff])
        } else {
            Vec::new()
        };
        seq(&[&encode(0x06, oid), &flag, &encode(OCTET_STRING, value)])
    }

    /// A CRL written field by field; its parts replaceable.
    #[derive(Clone)]
    struct Crl {
        algorithm: Vec<u8>,
        times: Vec<(u8, Vec<u8>)>,
        entries: Option<Vec<Vec<u8>>>,
        extensions: Vec<Vec<u8>>,
    }

    const SHA256_RSA: &str = "300d06092a864886f70d01010b0500";

    fn entry(serial: u8, date: &[u8], extensions: &[Vec<u8>]) -> Vec<u8> {
        let exts = if extensions.is_empty() {
            Vec::new()
        } else {
            seq(&[&extensions.concat()])
        };
        seq(&[&encode(0x02, &[serial]), &encode(0x17, date), &exts])
    }

    fn reason(code: u8, critical: bool) -> Vec<u8> {
        ext(&[0x55, 0x1d, 0x15], critical, &encode(0x0a, &[code]))
    }

    fn clean() -> Crl {
        Crl {
            algorithm: hex(SHA256_RSA),
            times: vec![
                (0x17, b"250101000000Z".to_vec()),
                (0x17, b"250105000000Z".to_vec()),
            ],
            entries: Some(vec![entry(1, b"241231000000Z", &[reason(1, false)])]),
            extensions: vec![
                ext(&[0x55, 0x1d, 0x23], false, &seq(&[&encode(0x80, &[7; 20])])),
                ext(&[0x55, 0x1d, 0x14], false, &encode(0x02, &[1])),
            ],
        }
    }

    impl Crl {
        fn der(&self) -> Vec<u8> {
            let name = seq(&[&encode(
                0x31,
                &seq(&[&encode(0x06, &[0x55, 0x04, 0x03]), &encode(0x0c, b"CA")]),
            )]);
            let mut tbs = encode(0x02, &[1]);
            tbs.extend(&self.algorithm);
            tbs.extend(name);
            for (tag, text) in &self.times {
                tbs.extend(encode(*tag, text));
            }
            if let Some(entries) = &self.entries {
                tbs.extend(seq(&[&entries.concat()]));
            }
            if !self.extensions.is_empty() {
                tbs.extend(encode(0xa0, &seq(&[&self.extensions.concat()])));
            }
            seq(&[
                &encode(SEQUENCE, &tbs),
                &self.algorithm,
                &encode(0x03, &[0, 0]),
            ])
        }

        fn rules(&self) -> Vec<String> {
            let der = self.der();
            let list =
                crate::decode::lenient(&der, |d| x509_cert::crl::CertificateList::from_der(d))
                    .expect("the test CRL decodes");
            let report = crate::decode::crl(&list);
            super::findings(&report, &der)
                .into_iter()
                .map(|f| f.rule.into_owned())
                .collect()
        }
    }

    /// How a test breaks a clean CRL.
    type Breaks = Box<dyn Fn(&mut Crl)>;

    #[test]
    fn each_crl_rule_finds_what_breaks_it_and_nothing_in_a_clean_crl() {
        assert_eq!(clean().rules(), Vec::<String>::new());
        let cases: Vec<(&str, Breaks)> = vec![
            (
                "crl_revoked_empty",
                Box::new(|c| c.entries = Some(Vec::new())),
            ),
            (
                "crl_reason_unspecified",
                Box::new(|c| {
                    c.entries = Some(vec![entry(1, b"241231000000Z", &[reason(0, false)])])
                }),
            ),
            (
                "crl_reason_invalid",
                Box::new(|c| {
                    c.entries = Some(vec![entry(1, b"241231000000Z", &[reason(7, false)])])
                }),
            ),
            (
                "crl_reason_critical",
                Box::new(|c| {
                    c.entries = Some(vec![entry(1, b"241231000000Z", &[reason(1, true)])])
                }),
            ),
            (
                "crl_br_reason",
                Box::new(|c| {
                    c.entries = Some(vec![entry(1, b"241231000000Z", &[reason(6, false)])])
                }),
            ),
            (
                "crl_remove_from_crl",
                Box::new(|c| {
                    c.entries = Some(vec![entry(1, b"241231000000Z", &[reason(8, false)])])
                }),
            ),
            (
                "crl_delta_without_number",
                Box::new(|c| {
                    c.extensions.truncate(1);
                    c.extensions
                        .push(ext(&[0x55, 0x1d, 0x1b], true, &encode(0x02, &[1])));
                }),
            ),
            (
                "crl_aki_only_key_id",
                Box::new(|c| {
                    c.extensions[0] = ext(
                        &[0x55, 0x1d, 0x23],
                        false,
                        &seq(&[&encode(0x80, &[7; 20]), &encode(0x82, &[1])]),
                    )
                }),
            ),
            (
                "crl_number_range",
                Box::new(|c| {
                    c.extensions[1] = ext(&[0x55, 0x1d, 0x14], false, &encode(0x02, &[0xff]))
                }),
            ),
            (
                "crl_next_update_too_far",
                Box::new(|c| c.times[1] = (0x17, b"250201000000Z".to_vec())),
            ),
            (
                "crl_signature_params",
                Box::new(|c| c.algorithm = hex("300b06092a864886f70d01010b")),
            ),
            (
                "crl_unknown_critical",
                Box::new(|c| {
                    c.extensions
                        .push(ext(&[0x2a, 0x03, 0x04], true, &[0x05, 0x00]))
                }),
            ),
            (
                "crl_extension_not_recommended",
                Box::new(|c| {
                    c.extensions.push(ext(
                        &[0x55, 0x1d, 0x12],
                        false,
                        &seq(&[&encode(0x82, b"ca.example")]),
                    ))
                }),
            ),
            (
                "crl_idp_not_critical",
                Box::new(|c| {
                    c.extensions.push(ext(
                        &[0x55, 0x1d, 0x1c],
                        false,
                        &seq(&[&encode(0x81, &[0xff])]),
                    ))
                }),
            ),
            (
                "crl_duplicate_extension",
                Box::new(|c| {
                    let again = c.extensions[1].clone();
                    c.extensions.push(again)
                }),
            ),
            (
                "crl_entry_duplicate_extension",
                Box::new(|c| {
                    c.entries = Some(vec![entry(
                        1,
                        b"241231000000Z",
                        &[reason(1, false), reason(1, false)],
                    )])
                }),
            ),
            (
                "crl_duplicate_serial",
                Box::new(|c| {
                    c.entries = Some(vec![
                        entry(1, b"241231000000Z", &[]),
                        entry(1, b"241230000000Z", &[]),
                    ])
                }),
            ),
            (
                "crl_not_der",
                Box::new(|c| c.times[0] = (0x17, b"250101010000+0100".to_vec())),
            ),
            (
                "crl_revocation_too_early",
                Box::new(|c| c.entries = Some(vec![entry(1, b"980101000000Z", &[])])),
            ),
            (
                "crl_time_wrong_type",
                Box::new(|c| c.times[0] = (0x18, b"20250101000000Z".to_vec())),
            ),
        ];
        for (id, break_it) in &cases {
            let mut crl = clean();
            break_it(&mut crl);
            let found = crl.rules();
            assert!(
                found.iter().any(|f| f == id),
                "{id}: not raised; found {found:?}"
            );
        }
        // A CRL of CA certificates only (onlyContainsCACerts) may last 12 months.
        let mut ca_only = clean();
        ca_only.extensions.push(ext(
            &[0x55, 0x1d, 0x1c],
            true,
            &seq(&[&encode(0x82, &[0xff])]),
        ));
        ca_only.times[1] = (0x17, b"251201000000Z".to_vec());
        assert!(
            !ca_only
                .rules()
                .iter()
                .any(|f| f == "crl_next_update_too_far")
        );
        // Every CRL rule of this file has a case.
        let registry = include_str!("registry.rs");
        let ids: Vec<&str> = cases.iter().map(|(id, _)| *id).collect();
        let raised = include_str!("crl.rs");
        for line in registry
            .lines()
            .filter_map(|l| l.trim().split_once(" = { id: \""))
        {
            let id = line.1.split('"').next().unwrap_or_default();
            let constant = line.0;
            if raised.contains(&format!("&{constant},"))
                || raised.contains(&format!("&{constant}, "))
            {
                assert!(ids.contains(&id), "{id} has no test case");
            }
        }
    }
}
