//! The profile rules that are more than one fact: each a function named after its rule in
//! [`super::table`], returning the problem it finds in a sentence.

use super::kind::{Kinds, oid_bytes};
use super::table::{Ctx, text_length};
use super::view::View;
use crate::canonical::NotDer;
use crate::decode::KeyAlgorithm;
use crate::tlv::{self, OID, SEQUENCE, element, expect};
use const_oid::db::rfc3280::EMAIL;
use const_oid::db::rfc4519::{C, CN, DC, GIVEN_NAME, L, O, OU, SERIAL_NUMBER, SN, ST};
use const_oid::db::rfc5280::*;

// Key usage bits, digitalSignature first (RFC 5280 §4.2.1.3).
const DIGITAL_SIGNATURE: u16 = 1;
const NON_REPUDIATION: u16 = 1 << 1;
const KEY_ENCIPHERMENT: u16 = 1 << 2;
const DATA_ENCIPHERMENT: u16 = 1 << 3;
const KEY_AGREEMENT: u16 = 1 << 4;
const KEY_CERT_SIGN: u16 = 1 << 5;
const CRL_SIGN: u16 = 1 << 6;
const ENCIPHER_ONLY: u16 = 1 << 7;
const DECIPHER_ONLY: u16 = 1 << 8;

fn ku(ctx: &Ctx) -> Option<u16> {
    ctx.view.key_usage().map(|(bits, _)| bits)
}

fn ku_has(ctx: &Ctx, bits: u16) -> bool {
    ku(ctx).is_some_and(|k| k & bits != 0)
}

fn say(found: bool, message: &str) -> Option<String> {
    found.then(|| message.to_string())
}

pub(super) fn eku_critical_with_any(ctx: &Ctx) -> Option<String> {
    let critical = ctx
        .view
        .ext(ID_CE_EXT_KEY_USAGE)
        .is_some_and(|e| e.critical);
    say(
        critical && ctx.view.has_eku(ANY_EXTENDED_KEY_USAGE),
        "extendedKeyUsage is critical but includes anyExtendedKeyUsage",
    )
}

/// authorityKeyIdentifier's fields: their tags.
fn aki_fields(view: &View) -> Option<Vec<u8>> {
    let e = view.ext(ID_CE_AUTHORITY_KEY_IDENTIFIER)?;
    let (body, _) = expect(e.value, SEQUENCE)?;
    let mut tags = Vec::new();
    let mut rest = body;
    while let Some((tag, _, more)) = element(rest) {
        tags.push(tag);
        rest = more;
    }
    Some(tags)
}

pub(super) fn aki_without_key_id(ctx: &Ctx) -> Option<String> {
    let fields = aki_fields(ctx.view)?;
    say(
        !ctx.report.self_issued && !fields.contains(&0x80),
        "authorityKeyIdentifier has no keyIdentifier: validators cannot find the issuing key by it",
    )
}

pub(super) fn aki_issuer_without_serial(ctx: &Ctx) -> Option<String> {
    let fields = aki_fields(ctx.view)?;
    say(
        fields.contains(&0xa1) != fields.contains(&0x82),
        "authorityKeyIdentifier has only one of authorityCertIssuer and authorityCertSerialNumber",
    )
}

pub(super) fn ski_empty(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(ID_CE_SUBJECT_KEY_IDENTIFIER)?;
    let (id, _) = expect(e.value, tlv::OCTET_STRING)?;
    say(id.is_empty(), "subjectKeyIdentifier is empty")
}

pub(super) fn key_usage_without_bits(ctx: &Ctx) -> Option<String> {
    say(ku(ctx)? == 0, "keyUsage has no bit set")
}

pub(super) fn key_usage_encoding(ctx: &Ctx) -> Option<String> {
    let (_, bits) = ctx.view.key_usage()?;
    let (&declared, bytes) = bits.split_first()?;
    // The zero bits the value ends with, over all its bytes.
    let zero_bytes = bytes.iter().rev().take_while(|&&b| b == 0).count();
    let actual = match bytes.iter().rev().find(|&&b| b != 0) {
        Some(last) => zero_bytes as u32 * 8 + last.trailing_zeros(),
        None => 0,
    };
    (u32::from(declared) != actual).then(|| {
        format!(
            "keyUsage declares {declared} unused bits where its value ends with {actual} zero bits"
        )
    })
}

pub(super) fn key_usage_trailing_zero_byte(ctx: &Ctx) -> Option<String> {
    let (_, bits) = ctx.view.key_usage()?;
    say(
        bits.len() > 1 && bits.last() == Some(&0),
        "keyUsage's BIT STRING ends with a superfluous zero byte",
    )
}

pub(super) fn encipher_only_without_key_agreement(ctx: &Ctx) -> Option<String> {
    let k = ku(ctx)?;
    say(
        k & (ENCIPHER_ONLY | DECIPHER_ONLY) != 0 && k & KEY_AGREEMENT == 0,
        "keyUsage encipherOnly or decipherOnly without keyAgreement",
    )
}

pub(super) fn path_len_without_key_cert_sign(ctx: &Ctx) -> Option<String> {
    let (ca, path_len) = ctx.view.basic_constraints()?;
    say(
        path_len.is_some() && (!ca || ku(ctx).is_some_and(|k| k & KEY_CERT_SIGN == 0)),
        "pathLenConstraint in a certificate that is not a CA signing certificates",
    )
}

pub(super) fn name_constraints_not_in_ca(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.ext(ID_CE_NAME_CONSTRAINTS).is_some() && !ctx.report.is_ca,
        "nameConstraints in a certificate that is not a CA",
    )
}

/// nameConstraints' subtrees: (tag of the list, each subtree's content).
fn subtrees<'a>(view: &View<'a>) -> Option<Vec<(u8, &'a [u8])>> {
    let e = view.ext(ID_CE_NAME_CONSTRAINTS)?;
    let (body, _) = expect(e.value, SEQUENCE)?;
    let mut out = Vec::new();
    let mut rest = body;
    while let Some((tag, list, more)) = element(rest) {
        let mut trees = list;
        while let Some((tree, next)) = expect(trees, SEQUENCE) {
            out.push((tag, tree));
            trees = next;
        }
        out.push((tag, &[][..]));
        rest = more;
    }
    Some(out)
}

pub(super) fn name_constraints_empty(ctx: &Ctx) -> Option<String> {
    say(
        subtrees(ctx.view)?.is_empty(),
        "nameConstraints has no subtrees",
    )
}

pub(super) fn name_constraints_minimum_maximum(ctx: &Ctx) -> Option<String> {
    let bad = subtrees(ctx.view)?.iter().any(|(_, tree)| {
        let Some((_, _, mut rest)) = element(tree) else {
            return false;
        };
        while let Some((tag, value, more)) = element(rest) {
            if tag == 0x81 || (tag == 0x80 && value.iter().any(|&b| b != 0)) {
                return true;
            }
            rest = more;
        }
        false
    });
    say(
        bad,
        "a name-constraint subtree has a minimum other than 0 or a maximum",
    )
}

pub(super) fn policy_constraints_empty(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(ID_CE_POLICY_CONSTRAINTS)?;
    let (body, _) = expect(e.value, SEQUENCE)?;
    say(
        body.is_empty(),
        "policyConstraints has neither requireExplicitPolicy nor inhibitPolicyMapping",
    )
}

pub(super) fn policy_duplicate(ctx: &Ctx) -> Option<String> {
    let policies = ctx.view.policies();
    let twice = policies
        .iter()
        .enumerate()
        .any(|(i, p)| policies[..i].iter().any(|q| q.oid == p.oid));
    say(twice, "a policy OID appears twice in certificatePolicies")
}

pub(super) fn policy_mapping_any_policy(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(ID_CE_POLICY_MAPPINGS)?;
    let any = ANY_POLICY.as_bytes();
    let (mut list, _) = expect(e.value, SEQUENCE)?;
    while let Some((pair, rest)) = expect(list, SEQUENCE) {
        let (issuer, more) = expect(pair, OID)?;
        let (subject, _) = expect(more, OID)?;
        if issuer == any || subject == any {
            return say(true, "policyMappings maps to or from anyPolicy");
        }
        list = rest;
    }
    None
}

pub(super) fn any_policy_qualifier(ctx: &Ctx) -> Option<String> {
    let bad = ctx.view.policies().iter().any(|p| {
        p.oid == ANY_POLICY.as_bytes()
            && p.qualifiers
                .iter()
                .any(|(q, _)| *q != ID_QT_CPS.as_bytes() && *q != ID_QT_UNOTICE.as_bytes())
    });
    say(
        bad,
        "anyPolicy has a qualifier other than CPS or user notice",
    )
}

/// Every user notice: its noticeRef (when present) and explicitText (tag, content).
/// A user notice: whether it has a noticeRef, and its explicitText (tag, content).
type Notice<'a> = (bool, Option<(u8, &'a [u8])>);

fn user_notices<'a>(view: &View<'a>) -> Vec<Notice<'a>> {
    let mut out = Vec::new();
    for p in view.policies() {
        for (q, value) in &p.qualifiers {
            if *q != ID_QT_UNOTICE.as_bytes() {
                continue;
            }
            let Some((notice, _)) = expect(value, SEQUENCE) else {
                continue;
            };
            let mut reference = false;
            let mut text = None;
            let mut rest = notice;
            while let Some((tag, content, more)) = element(rest) {
                if tag == SEQUENCE {
                    reference = true;
                } else {
                    text = Some((tag, content));
                }
                rest = more;
            }
            out.push((reference, text));
        }
    }
    out
}

pub(super) fn explicit_text_ia5(ctx: &Ctx) -> Option<String> {
    let bad = user_notices(ctx.view)
        .iter()
        .any(|(_, t)| t.is_some_and(|(tag, _)| tag == 0x16));
    say(bad, "a user notice's explicitText is an IA5String")
}

pub(super) fn explicit_text_not_utf8(ctx: &Ctx) -> Option<String> {
    let bad = user_notices(ctx.view)
        .iter()
        .any(|(_, t)| t.is_some_and(|(tag, _)| tag != 0x0c && tag != 0x16));
    say(bad, "a user notice's explicitText is not a UTF8String")
}

pub(super) fn explicit_text_too_long(ctx: &Ctx) -> Option<String> {
    let bad = user_notices(ctx.view)
        .iter()
        .any(|(_, t)| t.is_some_and(|(tag, text)| text_length(tag, text) > 200));
    say(
        bad,
        "a user notice's explicitText is longer than 200 characters",
    )
}

pub(super) fn notice_reference(ctx: &Ctx) -> Option<String> {
    say(
        user_notices(ctx.view)
            .iter()
            .any(|(reference, _)| *reference),
        "a user notice has a noticeRef",
    )
}

pub(super) fn extension_empty_sequence(ctx: &Ctx) -> Option<String> {
    let lists = [
        ID_CE_FRESHEST_CRL,
        ID_CE_SUBJECT_DIRECTORY_ATTRIBUTES,
        ID_CE_EXT_KEY_USAGE,
        ID_CE_CERTIFICATE_POLICIES,
        ID_PE_AUTHORITY_INFO_ACCESS,
        ID_PE_SUBJECT_INFO_ACCESS,
        ID_CE_CRL_DISTRIBUTION_POINTS,
        ID_CE_SUBJECT_ALT_NAME,
        ID_CE_ISSUER_ALT_NAME,
        ID_CE_POLICY_MAPPINGS,
    ];
    lists.iter().find_map(|oid| {
        let e = ctx.view.ext(*oid)?;
        let (body, _) = expect(e.value, SEQUENCE)?;
        body.is_empty().then(|| {
            format!(
                "{} is an empty list",
                crate::extension::lookup(oid).map_or("an extension", |x| x.name)
            )
        })
    })
}

pub(super) fn access_location_not_uri(ctx: &Ctx) -> Option<String> {
    let bad = ctx
        .view
        .access(ID_PE_AUTHORITY_INFO_ACCESS)
        .iter()
        .any(|(_, tag, value)| {
            *tag != 0x86 || !(value.starts_with(b"http://") || value.starts_with(b"ldap://"))
        });
    say(
        bad,
        "an authorityInfoAccess location is not an http:// or ldap:// URI",
    )
}

pub(super) fn distribution_point_incomplete(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.distribution_points()?.unnamed,
        "a CRL distribution point has neither a name nor a cRLIssuer",
    )
}

pub(super) fn sct_list_empty(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(const_oid::db::rfc6962::CT_PRECERT_SCTS)?;
    let (list, _) = expect(e.value, tlv::OCTET_STRING)?;
    // TLS encoding: a two-byte length, then the SCTs.
    say(list.len() <= 2, "the SCT list holds no SCT")
}

pub(super) fn poison_not_null(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(const_oid::db::rfc6962::CT_PRECERT_POISON)?;
    say(
        e.value != [tlv::NULL, 0],
        "the poison extension's value is not NULL",
    )
}

fn names_of<'a>(ctx: &Ctx<'_, 'a>, oid: const_oid::ObjectIdentifier) -> Vec<(u8, &'a [u8])> {
    ctx.view.general_names(oid).unwrap_or_default()
}

fn empty_name(ctx: &Ctx, oid: const_oid::ObjectIdentifier) -> Option<String> {
    let bad = names_of(ctx, oid)
        .iter()
        .any(|(tag, value)| matches!(tag, 0x81 | 0x82 | 0x86 | 0x87) && value.is_empty());
    say(bad, "a name in the list is empty")
}

pub(super) fn san_empty_name(ctx: &Ctx) -> Option<String> {
    empty_name(ctx, ID_CE_SUBJECT_ALT_NAME)
}

pub(super) fn ian_empty_name(ctx: &Ctx) -> Option<String> {
    empty_name(ctx, ID_CE_ISSUER_ALT_NAME)
}

/// Why `name` is not a host name in the preferred name syntax (a leading `*.` allowed).
pub(super) fn dns_problem(name: &[u8]) -> Option<&'static str> {
    let name = name.strip_prefix(b"*.").unwrap_or(name);
    let name = name.strip_suffix(b".").unwrap_or(name);
    if name.is_empty() {
        return Some("is empty");
    }
    if name.len() > 253 {
        return Some("is longer than 253 characters");
    }
    for label in name.split(|&b| b == b'.') {
        if label.is_empty() {
            return Some("has an empty label");
        }
        if label.len() > 63 {
            return Some("has a label longer than 63 characters");
        }
        if label.first() == Some(&b'-') || label.last() == Some(&b'-') {
            return Some("has a label that starts or ends with a hyphen");
        }
        if !label
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Some("has a character other than letters, digits and hyphens");
        }
    }
    None
}

fn dns_syntax(ctx: &Ctx, oid: const_oid::ObjectIdentifier) -> Option<String> {
    names_of(ctx, oid).iter().find_map(|(tag, value)| {
        let problem = (*tag == 0x82).then(|| dns_problem(value)).flatten()?;
        Some(format!("`{}` {problem}", String::from_utf8_lossy(value)))
    })
}

pub(super) fn san_dns_syntax(ctx: &Ctx) -> Option<String> {
    dns_syntax(ctx, ID_CE_SUBJECT_ALT_NAME)
}

pub(super) fn ian_dns_syntax(ctx: &Ctx) -> Option<String> {
    dns_syntax(ctx, ID_CE_ISSUER_ALT_NAME)
}

/// Whether `address` is an addr-spec: one `@`, a non-empty local part, a host name.
fn is_mailbox(address: &[u8]) -> bool {
    let text = String::from_utf8_lossy(address);
    match text.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !local.contains(['<', '>', ' ', '"'])
                && !domain.is_empty()
                && dns_problem(domain.as_bytes()).is_none()
        }
        None => false,
    }
}

fn email_syntax(ctx: &Ctx, oid: const_oid::ObjectIdentifier) -> Option<String> {
    names_of(ctx, oid).iter().find_map(|(tag, value)| {
        (*tag == 0x81 && !value.is_empty() && !is_mailbox(value)).then(|| {
            format!(
                "`{}` is not an email address",
                String::from_utf8_lossy(value)
            )
        })
    })
}

pub(super) fn san_email_syntax(ctx: &Ctx) -> Option<String> {
    email_syntax(ctx, ID_CE_SUBJECT_ALT_NAME)
}

pub(super) fn ian_email_syntax(ctx: &Ctx) -> Option<String> {
    email_syntax(ctx, ID_CE_ISSUER_ALT_NAME)
}

/// Whether `uri` starts with a scheme (RFC 3986 §3.1) followed by `:`.
fn is_absolute_uri(uri: &[u8]) -> bool {
    let Some(colon) = uri.iter().position(|&b| b == b':') else {
        return false;
    };
    let scheme = &uri[..colon];
    scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        && colon + 1 < uri.len()
}

fn uri_syntax(ctx: &Ctx, oid: const_oid::ObjectIdentifier) -> Option<String> {
    names_of(ctx, oid).iter().find_map(|(tag, value)| {
        (*tag == 0x86 && !value.is_empty() && !is_absolute_uri(value)).then(|| {
            format!(
                "`{}` is not an absolute URI",
                String::from_utf8_lossy(value)
            )
        })
    })
}

pub(super) fn san_uri_syntax(ctx: &Ctx) -> Option<String> {
    uri_syntax(ctx, ID_CE_SUBJECT_ALT_NAME)
}

pub(super) fn ian_uri_syntax(ctx: &Ctx) -> Option<String> {
    uri_syntax(ctx, ID_CE_ISSUER_ALT_NAME)
}

pub(super) fn san_ip_length(ctx: &Ctx) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .find(|(tag, value)| *tag == 0x87 && value.len() != 4 && value.len() != 16)
        .map(|(_, value)| format!("an iPAddress of {} bytes", value.len()))
}

pub(super) fn subject_empty_without_san(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.subject.is_empty() && ctx.view.ext(ID_CE_SUBJECT_ALT_NAME).is_none(),
        "the subject is empty and there is no subjectAltName: the certificate names no one",
    )
}

pub(super) fn issuer_empty(ctx: &Ctx) -> Option<String> {
    say(ctx.view.issuer.is_empty(), "the issuer name is empty")
}

pub(super) fn ca_subject_empty(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.subject.is_empty(),
        "a CA certificate with an empty subject",
    )
}

pub(super) fn email_in_subject_not_in_san(ctx: &Ctx) -> Option<String> {
    let san = names_of(ctx, ID_CE_SUBJECT_ALT_NAME);
    ctx.view.subject_attrs(EMAIL).find_map(|a| {
        let listed = san
            .iter()
            .any(|(tag, v)| *tag == 0x81 && v.eq_ignore_ascii_case(a.value));
        (!listed).then(|| {
            format!(
                "emailAddress `{}` is not in the subjectAltName",
                String::from_utf8_lossy(a.value)
            )
        })
    })
}

pub(super) fn unique_identifier_present(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.unique_ids,
        "issuerUniqueID or subjectUniqueID is present",
    )
}

pub(super) fn unique_identifier_version(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.unique_ids && ctx.view.version == 1,
        "a unique identifier in a version 1 certificate",
    )
}

pub(super) fn validity_negative(ctx: &Ctx) -> Option<String> {
    say(
        ctx.report.not_after.0 < ctx.report.not_before.0,
        "notAfter is before notBefore: the certificate is never valid",
    )
}

fn attr_type(
    ctx: &Ctx,
    oid: const_oid::ObjectIdentifier,
    allowed: u8,
    what: &str,
) -> Option<String> {
    ctx.view
        .subject_attrs(oid)
        .find(|a| a.tag != allowed)
        .map(|_| format!("{} is not {what}", crate::oids::name(&oid)))
}

pub(super) fn serial_number_attr_not_printable(ctx: &Ctx) -> Option<String> {
    attr_type(ctx, SERIAL_NUMBER, 0x13, "a PrintableString")
}

pub(super) fn email_not_ia5(ctx: &Ctx) -> Option<String> {
    attr_type(ctx, EMAIL, 0x16, "an IA5String")
}

pub(super) fn dc_not_ia5(ctx: &Ctx) -> Option<String> {
    attr_type(ctx, DC, 0x16, "an IA5String")
}

pub(super) fn country_not_two_letters(ctx: &Ctx) -> Option<String> {
    ctx.view
        .subject_attrs(C)
        .find(|a| a.value.len() != 2 || !a.value.iter().all(u8::is_ascii_uppercase))
        .map(|a| {
            format!(
                "country `{}` is not a two-letter code",
                String::from_utf8_lossy(a.value)
            )
        })
}

/// ISO 3166-1 alpha-2 codes, and `XX`, which the Baseline Requirements allow for no country
/// (AN, withdrawn in 2011, still in old certificates).
const COUNTRIES: &str = "ADAEAFAGAIALAMANAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXXYEYTZAZMZW";

pub(super) fn country_not_iso(ctx: &Ctx) -> Option<String> {
    ctx.view.subject_attrs(C).find_map(|a| {
        let known =
            a.value.len() == 2 && COUNTRIES.as_bytes().chunks(2).any(|code| code == a.value);
        (!known).then(|| {
            format!(
                "country `{}` is not an ISO 3166-1 code",
                String::from_utf8_lossy(a.value)
            )
        })
    })
}

pub(super) fn attribute_empty(ctx: &Ctx) -> Option<String> {
    ctx.view
        .subject
        .iter()
        .find(|a| a.value.is_empty())
        .map(|a| format!("{} is empty", attr_name(a.oid)))
}

fn attr_name(oid: &[u8]) -> String {
    const_oid::ObjectIdentifier::from_bytes(oid)
        .map(|o| crate::oids::name(&o))
        .unwrap_or_else(|_| "an attribute".into())
}

pub(super) fn control_characters(ctx: &Ctx) -> Option<String> {
    ctx.view
        .subject
        .iter()
        .find(|a| {
            matches!(a.tag, 0x0c | 0x13 | 0x16 | 0x14)
                && a.value.iter().any(|&b| b < 0x20 || b == 0x7f)
        })
        .map(|a| format!("{} contains control characters", attr_name(a.oid)))
}

fn not_der(ctx: &Ctx, what: NotDer, message: &str) -> Option<String> {
    ctx.not_der
        .iter()
        .find(|p| p.what == what)
        .map(|p| format!("{message} (at byte {})", p.at))
}

pub(super) fn not_der_length(ctx: &Ctx) -> Option<String> {
    not_der(
        ctx,
        NotDer::LongLength,
        "a length is not in DER's shortest form",
    )
}

pub(super) fn not_der_boolean(ctx: &Ctx) -> Option<String> {
    not_der(
        ctx,
        NotDer::Boolean,
        "a BOOLEAN TRUE is not written as 0xFF",
    )
}

pub(super) fn not_der_integer(ctx: &Ctx) -> Option<String> {
    not_der(
        ctx,
        NotDer::PaddedInteger,
        "an INTEGER has needless leading octets",
    )
}

pub(super) fn not_der_set_order(ctx: &Ctx) -> Option<String> {
    not_der(ctx, NotDer::UnsortedSet, "a SET OF is not in DER order")
}

pub(super) fn time_without_seconds(ctx: &Ctx) -> Option<String> {
    not_der(ctx, NotDer::TimeWithoutSeconds, "a time has no seconds")
}

pub(super) fn time_with_fraction(ctx: &Ctx) -> Option<String> {
    not_der(
        ctx,
        NotDer::FractionalSeconds,
        "a GeneralizedTime has fractional seconds",
    )
}

pub(super) fn time_not_zulu(ctx: &Ctx) -> Option<String> {
    not_der(
        ctx,
        NotDer::TimeNotZulu,
        "a validity time has an offset from UTC instead of Z",
    )
}

pub(super) fn time_wrong_type(ctx: &Ctx) -> Option<String> {
    let early =
        ctx.view.validity.iter().any(|(tag, text)| {
            *tag == 0x18 && text.get(..4).is_some_and(|year| year < &b"2050"[..])
        });
    say(
        early,
        "a date before 2050 is written as GeneralizedTime; RFC 5280 requires UTCTime",
    )
}

pub(super) fn default_written(ctx: &Ctx) -> Option<String> {
    if ctx.view.version_default_written {
        return say(true, "version v1 is written out although it is the DEFAULT");
    }
    let explicit_false = ctx
        .view
        .ext(ID_CE_BASIC_CONSTRAINTS)
        .and_then(|e| expect(e.value, SEQUENCE))
        .and_then(|(body, _)| expect(body, 0x01))
        .is_some_and(|(flag, _)| flag == [0]);
    if explicit_false {
        return say(
            true,
            "basicConstraints writes `cA FALSE` although it is the DEFAULT",
        );
    }
    ctx.view
        .extensions
        .iter()
        .find(|e| e.default_written)
        .map(|e| {
            format!(
                "{} writes `critical FALSE` although it is the DEFAULT",
                attr_ext_name(e.oid)
            )
        })
}

fn attr_ext_name(oid: &[u8]) -> &'static str {
    const_oid::ObjectIdentifier::from_bytes(oid)
        .ok()
        .and_then(|o| crate::extension::lookup(&o))
        .map_or("an extension", |e| e.name)
}

pub(super) fn signature_algorithm_mismatch(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.algorithm != ctx.view.tbs_algorithm,
        "signatureAlgorithm differs from tbsCertificate's signature field",
    )
}

/// An AlgorithmIdentifier's OID content and parameters (whole element, when present).
fn algorithm(whole: &[u8]) -> Option<(&[u8], Option<&[u8]>)> {
    let (body, _) = expect(whole, SEQUENCE)?;
    let (oid, params) = expect(body, OID)?;
    Some((oid, (!params.is_empty()).then_some(params)))
}

const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
const PKCS1_ARC: &str = "1.2.840.113549.1.1";
const ECDSA_ARC: &str = "1.2.840.10045.4.3";
const NULL: &[u8] = &[tlv::NULL, 0];

pub(super) fn rsa_key_params_not_null(ctx: &Ctx) -> Option<String> {
    let (oid, params) = ctx.view.key_algorithm;
    say(
        oid == oid_bytes(RSA_ENCRYPTION) && params != Some(NULL),
        "rsaEncryption's parameters are not NULL",
    )
}

pub(super) fn rsa_signature_params_not_null(ctx: &Ctx) -> Option<String> {
    let (oid, params) = algorithm(ctx.view.tbs_algorithm)?;
    let arc = oid_bytes(PKCS1_ARC);
    // sha1/224/256/384/512WithRSAEncryption and md2/md5 (…1.1.2-5, 11-14).
    let pkcs1_v15 = oid
        .strip_prefix(arc.as_slice())
        .is_some_and(|last| matches!(last, [2..=5] | [11..=14]));
    say(
        pkcs1_v15 && params != Some(NULL),
        "the RSA signature algorithm's parameters are not NULL",
    )
}

pub(super) fn ecdsa_signature_params_present(ctx: &Ctx) -> Option<String> {
    let (oid, params) = algorithm(ctx.view.tbs_algorithm)?;
    say(
        oid.starts_with(&oid_bytes(ECDSA_ARC)) && params.is_some(),
        "the ECDSA signature algorithm has parameters; it must have none",
    )
}

pub(super) fn rsa_key_usage(ctx: &Ctx) -> Option<String> {
    say(
        ctx.report.public_key.algorithm.is_rsa()
            && ku_has(ctx, KEY_AGREEMENT | ENCIPHER_ONLY | DECIPHER_ONLY),
        "keyUsage keyAgreement, encipherOnly or decipherOnly on an RSA key",
    )
}

pub(super) fn ec_key_usage(ctx: &Ctx) -> Option<String> {
    say(
        ctx.report.public_key.algorithm == KeyAlgorithm::Ec
            && ku_has(ctx, KEY_ENCIPHERMENT | DATA_ENCIPHERMENT),
        "keyUsage keyEncipherment or dataEncipherment on an EC key, which cannot encrypt",
    )
}

pub(super) fn ed25519_key_usage(ctx: &Ctx) -> Option<String> {
    let eddsa = matches!(
        ctx.report.public_key.algorithm,
        KeyAlgorithm::Ed25519 | KeyAlgorithm::Ed448
    );
    let allowed = DIGITAL_SIGNATURE | NON_REPUDIATION | KEY_CERT_SIGN | CRL_SIGN;
    say(
        eddsa && ku(ctx).is_some_and(|k| k & !allowed != 0),
        "keyUsage other than signing on an EdDSA key",
    )
}

/// The RSA key's modulus and exponent (content octets, sign byte dropped).
pub(super) fn rsa_key<'a>(view: &View<'a>) -> Option<(&'a [u8], &'a [u8])> {
    if view.key_algorithm.0 != oid_bytes(RSA_ENCRYPTION) {
        return None;
    }
    let (seq, _) = expect(view.key.get(1..)?, SEQUENCE)?;
    let (n, rest) = expect(seq, tlv::INTEGER)?;
    let (e, _) = expect(rest, tlv::INTEGER)?;
    let strip = |x: &'a [u8]| match x {
        [0, rest @ ..] => rest,
        all => all,
    };
    Some((strip(n), strip(e)))
}

pub(super) fn rsa_exponent(ctx: &Ctx) -> Option<String> {
    let (_, e) = rsa_key(ctx.view)?;
    let small = tlv::unsigned(e).is_some_and(|v| v < 3);
    let even = e.last().is_none_or(|b| b & 1 == 0);
    say(small || even, "the RSA public exponent is even or below 3")
}

pub(super) fn rsa_exponent_range(ctx: &Ctx) -> Option<String> {
    let (_, e) = rsa_key(ctx.view)?;
    let low = tlv::unsigned(e).is_some_and(|v| v < 65537);
    say(
        low || e.len() > 32,
        "the RSA public exponent is outside 65537 … 2^256-1",
    )
}

pub(super) fn rsa_modulus_even(ctx: &Ctx) -> Option<String> {
    let (n, _) = rsa_key(ctx.view)?;
    say(
        n.last().is_none_or(|b| b & 1 == 0),
        "the RSA modulus is even: it is factored already",
    )
}

pub(super) fn rsa_modulus_size(ctx: &Ctx) -> Option<String> {
    let (n, _) = rsa_key(ctx.view)?;
    let bits = n.len() * 8 - n.first().map_or(0, |b| b.leading_zeros() as usize);
    (bits % 8 != 0).then(|| format!("the RSA modulus has {bits} bits, not a multiple of 8"))
}

/// The AlgorithmIdentifier encodings (hex) BR §7.1.3.2 allows for signatures.
const SIGNATURE_ENCODINGS: &[&str] = &[
    "300d06092a864886f70d01010b0500",
    "300d06092a864886f70d01010c0500",
    "300d06092a864886f70d01010d0500",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130",
    "304106092a864886f70d01010a3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140",
    "300a06082a8648ce3d040302",
    "300a06082a8648ce3d040303",
    "300a06082a8648ce3d040304",
];

/// The public key AlgorithmIdentifier encodings (hex) BR §7.1.3.1 allows.
const KEY_ENCODINGS: &[&str] = &[
    "300d06092a864886f70d0101010500",
    "301306072a8648ce3d020106082a8648ce3d030107",
    "301006072a8648ce3d020106052b81040022",
    "301006072a8648ce3d020106052b81040023",
];

pub(super) fn signature_algorithm_encoding(ctx: &Ctx) -> Option<String> {
    let hex = crate::dn::hex(ctx.view.algorithm);
    say(
        !SIGNATURE_ENCODINGS.contains(&hex.as_str()),
        "the signature algorithm's encoding is not one the Baseline Requirements allow",
    )
}

pub(super) fn key_algorithm_encoding(ctx: &Ctx) -> Option<String> {
    let (oid, params) = ctx.view.key_algorithm;
    let whole = tlv::encode(
        SEQUENCE,
        &[&tlv::encode(OID, oid)[..], params.unwrap_or_default()].concat(),
    );
    let hex = crate::dn::hex(&whole);
    say(
        !KEY_ENCODINGS.contains(&hex.as_str()),
        "the public key's algorithm encoding is not one the Baseline Requirements allow",
    )
}

fn access_of(ctx: &Ctx, method: const_oid::ObjectIdentifier) -> Vec<(u8, Vec<u8>)> {
    ctx.view
        .access(ID_PE_AUTHORITY_INFO_ACCESS)
        .into_iter()
        .filter(|(m, ..)| *m == method.as_bytes())
        .map(|(_, tag, value)| (tag, value.to_vec()))
        .collect()
}

pub(super) fn aia_no_ca_issuers(ctx: &Ctx) -> Option<String> {
    ctx.view.ext(ID_PE_AUTHORITY_INFO_ACCESS)?;
    say(
        access_of(ctx, ID_AD_CA_ISSUERS).is_empty(),
        "authorityInfoAccess has no caIssuers URL",
    )
}

fn is_http(value: &[u8]) -> bool {
    value.starts_with(b"http://")
}

pub(super) fn aia_not_http(ctx: &Ctx) -> Option<String> {
    ctx.view
        .access(ID_PE_AUTHORITY_INFO_ACCESS)
        .iter()
        .find(|(_, tag, value)| *tag != 0x86 || !is_http(value))
        .map(|(_, _, value)| format!("`{}` is not an http:// URL", String::from_utf8_lossy(value)))
}

pub(super) fn aia_unknown_method(ctx: &Ctx) -> Option<String> {
    let bad = ctx
        .view
        .access(ID_PE_AUTHORITY_INFO_ACCESS)
        .iter()
        .any(|(m, ..)| *m != ID_AD_OCSP.as_bytes() && *m != ID_AD_CA_ISSUERS.as_bytes());
    say(
        bad,
        "authorityInfoAccess has a method other than OCSP and caIssuers",
    )
}

/// The CA/B Forum reserved policy OIDs asserted (2.23.140.1.1 and 2.23.140.1.2.x).
fn reserved_policies(ctx: &Ctx) -> usize {
    let ev = oid_bytes("2.23.140.1.1");
    let tls = oid_bytes("2.23.140.1.2");
    ctx.view
        .policies()
        .iter()
        .filter(|p| {
            p.oid == ev.as_slice() || (p.oid.starts_with(&tls) && p.oid.len() == tls.len() + 1)
        })
        .count()
}

pub(super) fn reserved_policy_count(ctx: &Ctx) -> Option<String> {
    let n = reserved_policies(ctx);
    (n != 1).then(|| {
        format!("{n} CA/B Forum reserved policy OIDs; a subscriber certificate has exactly one")
    })
}

pub(super) fn ca_reserved_policy_count(ctx: &Ctx) -> Option<String> {
    let n = reserved_policies(ctx);
    (n > 1)
        .then(|| format!("{n} CA/B Forum reserved policy OIDs; a CA certificate has at most one"))
}

pub(super) fn policy_qualifier_not_cps(ctx: &Ctx) -> Option<String> {
    let bad = ctx
        .view
        .policies()
        .iter()
        .any(|p| p.qualifiers.iter().any(|(q, _)| *q != ID_QT_CPS.as_bytes()));
    say(bad, "a policy qualifier other than the CPS pointer")
}

pub(super) fn cps_uri_not_http(ctx: &Ctx) -> Option<String> {
    ctx.view.policies().iter().find_map(|p| {
        p.qualifiers.iter().find_map(|(q, value)| {
            let (uri, _) = expect(value, 0x16)?;
            let web = uri.starts_with(b"http://") || uri.starts_with(b"https://");
            (*q == ID_QT_CPS.as_bytes() && !web).then(|| {
                format!(
                    "CPS `{}` is not an http(s) URL",
                    String::from_utf8_lossy(uri)
                )
            })
        })
    })
}

pub(super) fn sub_is_ca(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.basic_constraints()?.0,
        "basicConstraints cA is TRUE in a subscriber certificate",
    )
}

pub(super) fn sub_key_cert_sign(ctx: &Ctx) -> Option<String> {
    say(
        ku_has(ctx, KEY_CERT_SIGN | CRL_SIGN),
        "keyUsage keyCertSign or cRLSign in a subscriber certificate",
    )
}

pub(super) fn sub_ec_key_agreement(ctx: &Ctx) -> Option<String> {
    say(
        ctx.report.public_key.algorithm == KeyAlgorithm::Ec && ku_has(ctx, KEY_AGREEMENT),
        "keyUsage keyAgreement on an EC subscriber key",
    )
}

fn san_has(ctx: &Ctx, tags: &[u8], what: &str) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .any(|(tag, _)| tags.contains(tag))
        .then(|| format!("the subjectAltName has {what}: a TLS certificate names hosts only"))
}

pub(super) fn sub_san_email(ctx: &Ctx) -> Option<String> {
    san_has(ctx, &[0x81], "an rfc822Name")
}

pub(super) fn sub_san_uri(ctx: &Ctx) -> Option<String> {
    san_has(ctx, &[0x86], "a URI")
}

pub(super) fn sub_san_other_name(ctx: &Ctx) -> Option<String> {
    san_has(ctx, &[0xa0], "an otherName")
}

pub(super) fn sub_san_directory_name(ctx: &Ctx) -> Option<String> {
    san_has(ctx, &[0xa4], "a directoryName")
}

pub(super) fn sub_san_registered_id(ctx: &Ctx) -> Option<String> {
    san_has(ctx, &[0x88], "a registeredID")
}

pub(super) fn sub_san_edi_x400(ctx: &Ctx) -> Option<String> {
    san_has(ctx, &[0xa3, 0xa5], "an x400Address or ediPartyName")
}

/// IANA special-purpose ranges no public CA may certify: (address, prefix length).
const RESERVED: &[(&[u8], u8)] = &[
    (&[0, 0, 0, 0], 8),
    (&[10, 0, 0, 0], 8),
    (&[100, 64, 0, 0], 10),
    (&[127, 0, 0, 0], 8),
    (&[169, 254, 0, 0], 16),
    (&[172, 16, 0, 0], 12),
    (&[192, 0, 0, 0], 24),
    (&[192, 0, 2, 0], 24),
    (&[192, 88, 99, 0], 24),
    (&[192, 168, 0, 0], 16),
    (&[198, 18, 0, 0], 15),
    (&[198, 51, 100, 0], 24),
    (&[203, 0, 113, 0], 24),
    (&[224, 0, 0, 0], 3),
    (&[0; 16], 127),
    (&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0], 96),
    (&[0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 64),
    (&[0x20, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 23),
    (
        &[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        32,
    ),
    (&[0x20, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 16),
    (&[0xfc, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 7),
    (&[0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10),
    (&[0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 8),
];

/// Whether `address` (4 or 16 bytes) is in a reserved range.
pub(super) fn is_reserved(address: &[u8]) -> bool {
    RESERVED.iter().any(|(net, prefix)| {
        net.len() == address.len() && {
            let whole = usize::from(*prefix / 8);
            let rest = prefix % 8;
            address[..whole] == net[..whole]
                && (rest == 0 || (address[whole] ^ net[whole]) >> (8 - rest) == 0)
        }
    })
}

pub(super) fn san_reserved_ip(ctx: &Ctx) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .find_map(|(tag, value)| {
            (*tag == 0x87 && matches!(value.len(), 4 | 16) && is_reserved(value)).then(|| {
                format!(
                    "{} is a reserved address",
                    crate::decode::ext::ip_bytes_text(value)
                )
            })
        })
}

pub(super) fn dns_underscore(ctx: &Ctx) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .find_map(|(tag, value)| {
            (*tag == 0x82 && value.contains(&b'_'))
                .then(|| format!("`{}` has an underscore", String::from_utf8_lossy(value)))
        })
}

pub(super) fn crldp_not_http(ctx: &Ctx) -> Option<String> {
    let points = ctx.view.distribution_points()?;
    say(
        !points
            .names
            .iter()
            .any(|(tag, v)| *tag == 0x86 && is_http(v)),
        "cRLDistributionPoints has no http:// URL",
    )
}

pub(super) fn crldp_crl_issuer(ctx: &Ctx) -> Option<String> {
    let points = ctx.view.distribution_points()?;
    say(
        points.crl_issuer || points.reasons,
        "a CRL distribution point has cRLIssuer or reasons",
    )
}

pub(super) fn crldp_missing_without_ocsp(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.ext(ID_CE_CRL_DISTRIBUTION_POINTS).is_none()
            && access_of(ctx, ID_AD_OCSP).is_empty(),
        "neither cRLDistributionPoints nor an OCSP URL: clients cannot check revocation",
    )
}

pub(super) fn dv_subject(ctx: &Ctx) -> Option<String> {
    ctx.view
        .subject
        .iter()
        .find(|a| a.oid != CN.as_bytes() && a.oid != C.as_bytes())
        .map(|a| format!("the DV subject has {}", attr_name(a.oid)))
}

pub(super) fn locality_or_province(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.subject_attrs(L).next().is_none() && ctx.view.subject_attrs(ST).next().is_none(),
        "the subject has neither localityName nor stateOrProvinceName",
    )
}

pub(super) fn iv_personal_name(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.subject_attrs(GIVEN_NAME).next().is_none()
            || ctx.view.subject_attrs(SN).next().is_none(),
        "the IV subject lacks givenName or surname",
    )
}

pub(super) fn ou_without_organization(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.subject_attrs(OU).next().is_some() && ctx.view.subject_attrs(O).next().is_none(),
        "organizationalUnitName without organizationName",
    )
}

/// Attributes the Baseline Requirements allow once (dotted).
const SINGLE: &[&str] = &[
    "1.3.6.1.4.1.311.60.2.1.1",
    "1.3.6.1.4.1.311.60.2.1.2",
    "1.3.6.1.4.1.311.60.2.1.3",
    "2.5.4.3",
    "2.5.4.4",
    "2.5.4.5",
    "2.5.4.6",
    "2.5.4.7",
    "2.5.4.8",
    "2.5.4.10",
    "2.5.4.15",
    "2.5.4.42",
    "2.5.4.97",
];

pub(super) fn duplicate_attribute(ctx: &Ctx) -> Option<String> {
    let subject = &ctx.view.subject;
    subject.iter().enumerate().find_map(|(i, a)| {
        let single = SINGLE.iter().any(|d| oid_bytes(d) == a.oid);
        (single && subject[..i].iter().any(|b| b.oid == a.oid))
            .then(|| format!("{} appears more than once", attr_name(a.oid)))
    })
}

pub(super) fn extra_common_names(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.subject_attrs(CN).count() > 1,
        "more than one commonName",
    )
}

pub(super) fn ev_wildcard(ctx: &Ctx) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .find_map(|(tag, value)| {
            (*tag == 0x82 && value.starts_with(b"*") && !value.ends_with(b".onion"))
                .then(|| format!("`{}` is a wildcard", String::from_utf8_lossy(value)))
        })
}

pub(super) fn ev_ip_address(ctx: &Ctx) -> Option<String> {
    say(
        names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
            .iter()
            .any(|(tag, _)| *tag == 0x87),
        "an iPAddress in an EV certificate",
    )
}

pub(super) fn root_path_len(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.basic_constraints()?.1.is_some(),
        "the root has a pathLenConstraint",
    )
}

fn lifetime_days(ctx: &Ctx) -> i64 {
    // CA/B counts notAfter - notBefore + 1 second.
    let seconds = ctx.report.not_after.0.0 - ctx.report.not_before.0.0 + 1;
    seconds.div_euclid(86_400) + i64::from(seconds.rem_euclid(86_400) != 0)
}

pub(super) fn root_validity(ctx: &Ctx) -> Option<String> {
    let days = lifetime_days(ctx);
    (days > 9132).then(|| format!("the root is valid for {days} days; at most 9132 are allowed"))
}

pub(super) fn ca_crl_sign(ctx: &Ctx) -> Option<String> {
    say(
        ku(ctx).is_some_and(|k| k & CRL_SIGN == 0),
        "keyUsage lacks cRLSign",
    )
}

pub(super) fn ca_digital_signature(ctx: &Ctx) -> Option<String> {
    say(
        ku(ctx).is_some_and(|k| k & DIGITAL_SIGNATURE == 0),
        "keyUsage lacks digitalSignature",
    )
}

pub(super) fn ocsp_key_usage(ctx: &Ctx) -> Option<String> {
    say(
        ku(ctx) != Some(DIGITAL_SIGNATURE),
        "keyUsage is not digitalSignature alone",
    )
}

pub(super) fn ocsp_eku_only(ctx: &Ctx) -> Option<String> {
    say(
        ctx.view.eku() != [ID_KP_OCSP_SIGNING.as_bytes()],
        "extendedKeyUsage is not OCSPSigning alone",
    )
}

pub(super) fn smime_eku_any(ctx: &Ctx) -> Option<String> {
    say(
        !ctx.profile.kinds.meets(Kinds::SMIME_LEGACY) && ctx.view.has_eku(ANY_EXTENDED_KEY_USAGE),
        "anyExtendedKeyUsage in a strict or multipurpose S/MIME certificate",
    )
}

pub(super) fn smime_strict_eku_only(ctx: &Ctx) -> Option<String> {
    say(
        ctx.profile.kinds.meets(Kinds::SMIME_STRICT)
            && ctx
                .view
                .eku()
                .iter()
                .any(|e| *e != ID_KP_EMAIL_PROTECTION.as_bytes()),
        "a strict S/MIME certificate with purposes besides emailProtection",
    )
}

pub(super) fn smime_san_no_mailbox(ctx: &Ctx) -> Option<String> {
    let names = ctx.view.general_names(ID_CE_SUBJECT_ALT_NAME)?;
    // SmtpUTF8Mailbox is an otherName (RFC 9598).
    say(
        !names.iter().any(|(tag, _)| *tag == 0x81 || *tag == 0xa0),
        "the subjectAltName names no mailbox",
    )
}

pub(super) fn smime_validity(ctx: &Ctx) -> Option<String> {
    let max = if ctx.profile.kinds.meets(Kinds::SMIME_LEGACY) {
        1185
    } else {
        825
    };
    let days = lifetime_days(ctx);
    (days > max).then(|| format!("valid for {days} days; this generation allows at most {max}"))
}

pub(super) fn cs_key_usage(ctx: &Ctx) -> Option<String> {
    let critical = ctx.view.ext(ID_CE_KEY_USAGE).is_some_and(|e| e.critical);
    say(
        !critical || !ku_has(ctx, DIGITAL_SIGNATURE) || ku_has(ctx, KEY_CERT_SIGN | CRL_SIGN),
        "keyUsage is not a critical digitalSignature without certificate or CRL signing",
    )
}

pub(super) fn cs_rsa_key_size(ctx: &Ctx) -> Option<String> {
    let key = &ctx.report.public_key;
    let bits = key.bits.filter(|_| key.algorithm.is_rsa())?;
    (bits < 3072).then(|| format!("an RSA-{bits} key; code signing needs 3072 bits or more"))
}

pub(super) fn cs_ec_curve(ctx: &Ctx) -> Option<String> {
    let key = &ctx.report.public_key;
    let curve = key
        .curve
        .as_deref()
        .filter(|_| key.algorithm == KeyAlgorithm::Ec)?;
    (!matches!(curve, "P-256" | "P-384" | "P-521")).then(|| format!("curve {curve} is not allowed"))
}

pub(super) fn cs_validity(ctx: &Ctx) -> Option<String> {
    let from_2026 =
        crate::UnixTime::parse_rfc3339("2026-03-01").is_ok_and(|d| ctx.report.not_before.0 >= d);
    let max = if from_2026 { 460 } else { 1188 };
    let days = lifetime_days(ctx);
    (days > max).then(|| format!("valid for {days} days; at most {max} are allowed"))
}

pub(super) fn cs_organization(ctx: &Ctx) -> Option<String> {
    let person = ctx.view.subject_attrs(GIVEN_NAME).next().is_some()
        && ctx.view.subject_attrs(SN).next().is_some();
    say(
        ctx.view.subject_attrs(O).next().is_none() && !person,
        "the subject names neither an organisation nor an individual",
    )
}

pub(super) fn tsa_eku(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(ID_CE_EXT_KEY_USAGE)?;
    say(
        !e.critical || ctx.view.eku() != [ID_KP_TIME_STAMPING.as_bytes()],
        "extendedKeyUsage is not a critical timeStamping alone",
    )
}

pub(super) fn roca(ctx: &Ctx) -> Option<String> {
    let (n, _) = rsa_key(ctx.view)?;
    say(
        super::weak_key::roca(n),
        "the RSA key has the fingerprint of Infineon's RSALib (ROCA, CVE-2017-15361): its private key can be computed from the public key",
    )
}

pub(super) fn rsa_small_factor(ctx: &Ctx) -> Option<String> {
    let (n, _) = rsa_key(ctx.view)?;
    super::weak_key::small_factor(n)
        .map(|p| format!("the RSA modulus is divisible by {p}: the key is broken"))
}

pub(super) fn fermat_factorable(ctx: &Ctx) -> Option<String> {
    let (n, _) = rsa_key(ctx.view)?;
    say(
        super::weak_key::fermat(n),
        "the RSA modulus's two primes are so close that Fermat's method factors it at once: the private key is known to anyone",
    )
}

pub(super) fn ec_point_invalid(ctx: &Ctx) -> Option<String> {
    let key = &ctx.report.public_key;
    let curve = key
        .curve
        .as_deref()
        .filter(|_| key.algorithm == KeyAlgorithm::Ec)?;
    let point = ctx.view.key.get(1..)?;
    let valid = super::weak_key::ec_point_valid(curve, point)?;
    say(!valid, "the EC public key is not a point on its curve")
}

pub(super) fn unknown_critical_extension(ctx: &Ctx) -> Option<String> {
    ctx.view.extensions.iter().find_map(|e| {
        let oid = const_oid::ObjectIdentifier::from_bytes(e.oid).ok()?;
        (e.critical && crate::extension::lookup(&oid).is_none())
            .then(|| format!("extension {oid} is critical and unknown: clients that do not know it refuse the certificate"))
    })
}

fn not_ascii(ctx: &Ctx, oid: const_oid::ObjectIdentifier, tag: u8, what: &str) -> Option<String> {
    names_of(ctx, oid)
        .iter()
        .any(|(t, value)| *t == tag && !value.is_ascii())
        .then(|| format!("a {what} has bytes outside ASCII"))
}

pub(super) fn san_dns_not_ascii(ctx: &Ctx) -> Option<String> {
    not_ascii(ctx, ID_CE_SUBJECT_ALT_NAME, 0x82, "subjectAltName dNSName")
}

pub(super) fn ian_dns_not_ascii(ctx: &Ctx) -> Option<String> {
    not_ascii(ctx, ID_CE_ISSUER_ALT_NAME, 0x82, "issuerAltName dNSName")
}

pub(super) fn san_uri_not_ascii(ctx: &Ctx) -> Option<String> {
    not_ascii(ctx, ID_CE_SUBJECT_ALT_NAME, 0x86, "subjectAltName URI")
}

pub(super) fn ian_uri_not_ascii(ctx: &Ctx) -> Option<String> {
    not_ascii(ctx, ID_CE_ISSUER_ALT_NAME, 0x86, "issuerAltName URI")
}

/// A URI's host, when it has an authority (`scheme://[userinfo@]host[:port]/…`).
fn uri_host(uri: &[u8]) -> Option<&[u8]> {
    let text = std::str::from_utf8(uri).ok()?;
    let (_, rest) = text.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                h
            } else {
                host
            }
        }),
    };
    Some(host.as_bytes())
}

fn uri_host_problem(ctx: &Ctx, oid: const_oid::ObjectIdentifier) -> Option<String> {
    names_of(ctx, oid).iter().find_map(|(tag, value)| {
        if *tag != 0x86 {
            return None;
        }
        // A URI without a scheme is read, as zlint does, as a host alone.
        let host = match uri_host(value) {
            Some(host) => host,
            None if !is_absolute_uri(value) => value,
            None => return None,
        };
        let text = std::str::from_utf8(host).ok()?;
        let fine = text.parse::<std::net::IpAddr>().is_ok()
            || (text.contains('.') && !text.contains('*') && dns_problem(host).is_none());
        (!fine).then(|| {
            format!(
                "`{}`'s host is neither a host name nor an IP address",
                String::from_utf8_lossy(value)
            )
        })
    })
}

pub(super) fn san_uri_host(ctx: &Ctx) -> Option<String> {
    uri_host_problem(ctx, ID_CE_SUBJECT_ALT_NAME)
}

pub(super) fn ian_uri_host(ctx: &Ctx) -> Option<String> {
    uri_host_problem(ctx, ID_CE_ISSUER_ALT_NAME)
}

/// Whether a name constraint's base is of the GeneralName `tag`.
fn constrains(ctx: &Ctx, tag: u8) -> bool {
    subtrees(ctx.view)
        .unwrap_or_default()
        .iter()
        .any(|(_, tree)| element(tree).is_some_and(|(t, ..)| t == tag))
}

pub(super) fn name_constraint_x400(ctx: &Ctx) -> Option<String> {
    say(constrains(ctx, 0xa3), "a name constraint on x400Address")
}

pub(super) fn name_constraint_edi_party(ctx: &Ctx) -> Option<String> {
    say(constrains(ctx, 0xa5), "a name constraint on ediPartyName")
}

pub(super) fn name_constraint_registered_id(ctx: &Ctx) -> Option<String> {
    say(constrains(ctx, 0x88), "a name constraint on registeredID")
}

pub(super) fn policy_mapping_not_in_policies(ctx: &Ctx) -> Option<String> {
    let e = ctx.view.ext(ID_CE_POLICY_MAPPINGS)?;
    let asserted: Vec<&[u8]> = ctx.view.policies().iter().map(|p| p.oid).collect();
    let (mut list, _) = expect(e.value, SEQUENCE)?;
    while let Some((pair, rest)) = expect(list, SEQUENCE) {
        let (issuer, _) = expect(pair, OID)?;
        if !asserted.contains(&issuer) && !asserted.contains(&ANY_POLICY.as_bytes()) {
            return say(
                true,
                "policyMappings maps a policy certificatePolicies does not assert",
            );
        }
        list = rest;
    }
    None
}

fn whitespace(attrs: &[super::view::Atv], leading: bool, what: &str) -> Option<String> {
    attrs
        .iter()
        .filter(|a| matches!(a.tag, 0x0c | 0x13 | 0x14 | 0x16 | 0x1e))
        .find(|a| {
            if leading {
                a.value.first() == Some(&b' ')
            } else {
                a.value.last() == Some(&b' ')
            }
        })
        .map(|a| {
            format!(
                "{} {} {what}",
                attr_name(a.oid),
                if leading { "starts" } else { "ends" }
            )
        })
}

pub(super) fn subject_leading_whitespace(ctx: &Ctx) -> Option<String> {
    whitespace(&ctx.view.subject, true, "with a space in the subject")
}

pub(super) fn subject_trailing_whitespace(ctx: &Ctx) -> Option<String> {
    whitespace(&ctx.view.subject, false, "with a space in the subject")
}

pub(super) fn issuer_leading_whitespace(ctx: &Ctx) -> Option<String> {
    whitespace(&ctx.view.issuer, true, "with a space in the issuer")
}

pub(super) fn issuer_trailing_whitespace(ctx: &Ctx) -> Option<String> {
    whitespace(&ctx.view.issuer, false, "with a space in the issuer")
}

pub(super) fn explicit_text_control(ctx: &Ctx) -> Option<String> {
    let bad = user_notices(ctx.view)
        .iter()
        .any(|(_, t)| t.is_some_and(|(tag, text)| has_control(tag, text)));
    say(bad, "a user notice's explicitText has control characters")
}

/// Whether a string of type `tag` holds a C0 or C1 control character (BMPString read as
/// UTF-16, UTF8String as UTF-8, the others byte by byte).
fn has_control(tag: u8, text: &[u8]) -> bool {
    let control = |c: u32| c < 0x20 || (0x7f..0xa0).contains(&c);
    match tag {
        0x1e => text
            .chunks(2)
            .any(|pair| control(u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0)))),
        0x0c => String::from_utf8_lossy(text)
            .chars()
            .any(|c| control(u32::from(c))),
        _ => text.iter().any(|&b| control(u32::from(b))),
    }
}

pub(super) fn dns_reserved_label(ctx: &Ctx) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .find_map(|(tag, value)| {
            let reserved = value.split(|&b| b == b'.').any(|label| {
                label.get(2..4) == Some(b"--") && !label[..2].eq_ignore_ascii_case(b"xn")
            });
            (*tag == 0x82 && reserved).then(|| {
                format!(
                    "`{}` has a reserved label (`??--`)",
                    String::from_utf8_lossy(value)
                )
            })
        })
}

pub(super) fn cn_reserved_ip(ctx: &Ctx) -> Option<String> {
    ctx.view.subject_attrs(CN).find_map(|a| {
        let ip: std::net::IpAddr = std::str::from_utf8(a.value).ok()?.parse().ok()?;
        let bytes = match ip {
            std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
            std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
        };
        is_reserved(&bytes).then(|| format!("the commonName {ip} is a reserved address"))
    })
}

pub(super) fn certificate_version_not_3(ctx: &Ctx) -> Option<String> {
    (ctx.view.version != 3).then(|| format!("a version {} certificate", ctx.view.version))
}

/// The S/MIME BR reserved policies asserted (2.23.140.1.5.x.y).
fn smime_policies(ctx: &Ctx) -> usize {
    let arc = oid_bytes("2.23.140.1.5");
    ctx.view
        .policies()
        .iter()
        .filter(|p| p.oid.starts_with(&arc) && p.oid.len() == arc.len() + 2)
        .count()
}

pub(super) fn smime_one_policy(ctx: &Ctx) -> Option<String> {
    let n = smime_policies(ctx);
    (n != 1).then(|| format!("{n} S/MIME BR reserved policy OIDs; exactly one is required"))
}

pub(super) fn smime_mailbox_common_name(ctx: &Ctx) -> Option<String> {
    ctx.view.subject_attrs(CN).find_map(|a| {
        (!is_mailbox(a.value)).then(|| {
            format!(
                "the commonName `{}` is not a mailbox address",
                String::from_utf8_lossy(a.value)
            )
        })
    })
}

pub(super) fn smime_mailbox_subject(ctx: &Ctx) -> Option<String> {
    ctx.view
        .subject
        .iter()
        .find(|a| {
            a.oid != CN.as_bytes() && a.oid != SERIAL_NUMBER.as_bytes() && a.oid != EMAIL.as_bytes()
        })
        .map(|a| format!("the mailbox-validated subject has {}", attr_name(a.oid)))
}

pub(super) fn smime_personal_name(ctx: &Ctx) -> Option<String> {
    let has = |oid| ctx.view.subject_attrs(oid).next().is_some();
    say(
        !ctx.profile.kinds.meets(Kinds::SMIME_LEGACY)
            && !has(GIVEN_NAME)
            && !has(SN)
            && !has(const_oid::db::rfc3280::PSEUDONYM),
        "neither givenName, surname nor pseudonym names the person",
    )
}

pub(super) fn smime_directory_attributes(ctx: &Ctx) -> Option<String> {
    say(
        !ctx.profile.kinds.meets(Kinds::SMIME_LEGACY)
            && ctx.view.ext(ID_CE_SUBJECT_DIRECTORY_ATTRIBUTES).is_some(),
        "subjectDirectoryAttributes in a strict or multipurpose S/MIME certificate",
    )
}

pub(super) fn smime_legacy_deprecated(ctx: &Ctx) -> Option<String> {
    say(
        ctx.profile.kinds.meets(Kinds::SMIME_LEGACY),
        "a legacy-generation S/MIME certificate, which ballot SMC-08 ended on 15 July 2025",
    )
}

/// An `xn--` label's Unicode, by RFC 3492's Punycode decoding; `None` when it does not decode.
pub(super) fn punycode(label: &str) -> Option<String> {
    const BASE: u32 = 36;
    let (mut n, mut bias, mut i) = (128u32, 72u32, 0u32);
    let encoded = label.get(4..)?;
    let (basic, extended) = match encoded.rfind('-') {
        Some(at) => (&encoded[..at], &encoded[at + 1..]),
        None => ("", encoded),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.chars().collect();
    let digit = |c: u8| match c {
        b'a'..=b'z' => Some(u32::from(c - b'a')),
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 26),
        _ => None,
    };
    let mut input = extended.bytes().peekable();
    while input.peek().is_some() {
        let old_i = i;
        let mut w = 1u32;
        let mut k = BASE;
        loop {
            let d = digit(input.next()?)?;
            i = i.checked_add(d.checked_mul(w)?)?;
            let t = if k <= bias {
                1
            } else if k >= bias + 26 {
                26
            } else {
                k - bias
            };
            if d < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let length = u32::try_from(output.len()).ok()? + 1;
        // Bias adaptation (RFC 3492 §6.1).
        let mut delta = if old_i == 0 {
            (i - old_i) / 700
        } else {
            (i - old_i) / 2
        };
        delta += delta / length;
        let mut k = 0;
        while delta > ((BASE - 1) * 26) / 2 {
            delta /= BASE - 1;
            k += BASE;
        }
        bias = k + (BASE * delta) / (delta + 38);
        n = n.checked_add(i / length)?;
        i %= length;
        let c = char::from_u32(n)?;
        output.insert(usize::try_from(i).ok()?, c);
        i += 1;
    }
    Some(output.into_iter().collect())
}

pub(super) fn idn_label_invalid(ctx: &Ctx) -> Option<String> {
    names_of(ctx, ID_CE_SUBJECT_ALT_NAME)
        .iter()
        .find_map(|(tag, value)| {
            let name = std::str::from_utf8(value).ok().filter(|_| *tag == 0x82)?;
            name.split('.')
                .find(|label| {
                    label
                        .get(..4)
                        .is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
                        && punycode(label).is_none_or(|u| {
                            u.is_empty() || u.is_ascii() || u.chars().any(char::is_control)
                        })
                })
                .map(|label| {
                    format!("`{label}` in `{name}` is not a valid internationalised label")
                })
        })
}

pub(super) fn onion_name_invalid(ctx: &Ctx) -> Option<String> {
    let cn = ctx.view.subject_attrs(CN).map(|a| a.value);
    let names = names_of(ctx, ID_CE_SUBJECT_ALT_NAME);
    let dns = names
        .iter()
        .filter(|(tag, _)| *tag == 0x82)
        .map(|(_, v)| *v);
    let ev = ctx.profile.kinds.meets(Kinds::TLS_EV);
    dns.chain(cn).find_map(|name| {
        let text = std::str::from_utf8(name).ok()?;
        let host = text.strip_suffix(".onion")?;
        let label = host.rsplit('.').next().unwrap_or(host);
        let base32 = label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b));
        let problem = match label.len() {
            56 if base32 => return None,
            16 if base32 && ev => return None,
            16 if base32 => "a v2 onion address, allowed only in EV certificates",
            _ => "neither a v3 (56 characters) nor a v2 (16) onion address in base32",
        };
        Some(format!("`{text}` is {problem}"))
    })
}

/// The ETSI arc of QC statements (ETSI EN 319 412-5): id-etsi-qcs.
const ETSI_QCS: &str = "0.4.0.1862.1";

/// One QC statement: its OID and its statementInfo (whole element), when present.
type QcStatement<'a> = (&'a [u8], Option<&'a [u8]>);

/// qcStatements' statements (RFC 3739).
fn qc_statements<'a>(view: &View<'a>) -> Option<Vec<QcStatement<'a>>> {
    let e = view.ext(const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.3"))?;
    let (mut list, _) = expect(e.value, SEQUENCE)?;
    let mut out = Vec::new();
    while let Some((statement, rest)) = expect(list, SEQUENCE) {
        let (oid, info) = expect(statement, OID)?;
        out.push((oid, (!info.is_empty()).then_some(info)));
        list = rest;
    }
    Some(out)
}

/// The statement `id-etsi-qcs-<last>`'s info, for each such statement.
fn etsi_statement<'a>(ctx: &Ctx<'_, 'a>, last: u8) -> Vec<Option<&'a [u8]>> {
    let oid = [oid_bytes(ETSI_QCS), vec![last]].concat();
    qc_statements(ctx.view)
        .unwrap_or_default()
        .into_iter()
        .filter(|(id, _)| *id == oid.as_slice())
        .map(|(_, info)| info)
        .collect()
}

pub(super) fn etsi_qc_statements_critical(ctx: &Ctx) -> Option<String> {
    let e = ctx
        .view
        .ext(const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.3"))?;
    let etsi = oid_bytes(ETSI_QCS);
    let has_etsi = qc_statements(ctx.view)?
        .iter()
        .any(|(id, _)| id.starts_with(&etsi));
    say(
        e.critical && has_etsi,
        "qcStatements with ETSI statements is marked critical",
    )
}

pub(super) fn etsi_qc_duplicate(ctx: &Ctx) -> Option<String> {
    let statements = qc_statements(ctx.view)?;
    let twice = statements
        .iter()
        .enumerate()
        .any(|(i, (id, _))| statements[..i].iter().any(|(other, _)| other == id));
    say(twice, "a QC statement appears twice")
}

pub(super) fn etsi_qc_compliance_info(ctx: &Ctx) -> Option<String> {
    say(
        etsi_statement(ctx, 1).iter().any(Option::is_some),
        "QcCompliance carries statementInfo",
    )
}

pub(super) fn etsi_qc_sscd_info(ctx: &Ctx) -> Option<String> {
    say(
        etsi_statement(ctx, 4).iter().any(Option::is_some),
        "QcSSCD carries statementInfo",
    )
}

pub(super) fn etsi_qc_retention_invalid(ctx: &Ctx) -> Option<String> {
    let bad = etsi_statement(ctx, 3).iter().any(|info| {
        info.and_then(|i| expect(i, tlv::INTEGER))
            .is_none_or(|(n, rest)| !rest.is_empty() || tlv::unsigned(n).is_none())
    });
    say(
        bad,
        "QcRetentionPeriod's statementInfo is not a number of years",
    )
}

/// The QcType OIDs: eSign, eSeal, web (id-etsi-qct-*).
fn qc_types() -> [Vec<u8>; 3] {
    let arc = [oid_bytes(ETSI_QCS), vec![6]].concat();
    [1, 2, 3].map(|t| [arc.clone(), vec![t]].concat())
}

pub(super) fn etsi_qc_type_invalid(ctx: &Ctx) -> Option<String> {
    let types = qc_types();
    let bad = etsi_statement(ctx, 6).iter().any(|info| {
        let Some((list, _)) = info.and_then(|i| expect(i, SEQUENCE)) else {
            return true;
        };
        let mut rest = list;
        let mut count = 0;
        while let Some((oid, more)) = expect(rest, OID) {
            if !types.iter().any(|t| t.as_slice() == oid) {
                return true;
            }
            count += 1;
            rest = more;
        }
        count == 0 || !rest.is_empty()
    });
    say(
        bad,
        "QcType is not a non-empty list of eSign, eSeal and web types",
    )
}

pub(super) fn etsi_qc_type_as_statement(ctx: &Ctx) -> Option<String> {
    let types = qc_types();
    let bad = qc_statements(ctx.view)?
        .iter()
        .any(|(id, _)| types.iter().any(|t| t.as_slice() == *id));
    say(bad, "a QcType OID used as a statement's own OID")
}

/// QcPDS's locations: (url, language).
fn pds_locations<'a>(ctx: &Ctx<'_, 'a>) -> Vec<(&'a [u8], &'a [u8])> {
    let mut out = Vec::new();
    for info in etsi_statement(ctx, 5).into_iter().flatten() {
        let Some((mut list, _)) = expect(info, SEQUENCE) else {
            continue;
        };
        while let Some((location, rest)) = expect(list, SEQUENCE) {
            if let Some((url, more)) = expect(location, 0x16) {
                let language = expect(more, 0x13).map(|(l, _)| l).unwrap_or_default();
                out.push((url, language));
            }
            list = rest;
        }
    }
    out
}

pub(super) fn etsi_qc_pds_not_https(ctx: &Ctx) -> Option<String> {
    pds_locations(ctx)
        .iter()
        .find(|(url, _)| !url.starts_with(b"https://"))
        .map(|(url, _)| {
            format!(
                "the PKI disclosure statement `{}` is not an https:// URL",
                String::from_utf8_lossy(url)
            )
        })
}

pub(super) fn etsi_qc_pds_language(ctx: &Ctx) -> Option<String> {
    pds_locations(ctx)
        .iter()
        .find(|(_, language)| language.len() != 2 || !language.iter().all(u8::is_ascii_lowercase))
        .map(|(_, language)| {
            format!(
                "the PDS language `{}` is not two lower-case letters",
                String::from_utf8_lossy(language)
            )
        })
}

/// The subject's commonNames that are not among the SAN's DNS names and IP addresses,
/// compared exactly (`exact`) or ignoring ASCII case.
fn common_name_outside_san(ctx: &Ctx, exact: bool) -> Option<String> {
    let names = names_of(ctx, ID_CE_SUBJECT_ALT_NAME);
    ctx.view.subject_attrs(CN).find_map(|a| {
        let found = names.iter().any(|(tag, value)| match tag {
            0x82 if exact => *value == a.value,
            0x82 => value.eq_ignore_ascii_case(a.value),
            0x87 if matches!(value.len(), 4 | 16) => {
                crate::decode::ext::ip_bytes_text(value).as_bytes() == a.value
            }
            _ => false,
        });
        (!found).then(|| {
            format!(
                "the commonName `{}` is not {}one of the SAN's DNS names or IP addresses",
                String::from_utf8_lossy(a.value),
                if exact { "exactly " } else { "" }
            )
        })
    })
}

pub(super) fn cn_not_from_san(ctx: &Ctx) -> Option<String> {
    common_name_outside_san(ctx, false)
}

pub(super) fn cn_not_exactly_from_san(ctx: &Ctx) -> Option<String> {
    common_name_outside_san(ctx, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_ranges() {
        assert!(is_reserved(&[10, 1, 2, 3]));
        assert!(is_reserved(&[172, 31, 255, 255]));
        assert!(!is_reserved(&[172, 32, 0, 0]));
        assert!(is_reserved(&[100, 127, 0, 1]));
        assert!(!is_reserved(&[100, 128, 0, 1]));
        assert!(!is_reserved(&[8, 8, 8, 8]));
        assert!(is_reserved(&[
            0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
        ]));
        let mut loopback = [0u8; 16];
        loopback[15] = 1;
        assert!(is_reserved(&loopback));
        let google = [
            0x20, 0x01, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88,
        ];
        assert!(!is_reserved(&google));
    }

    #[test]
    fn punycode_decodes() {
        assert_eq!(punycode("xn--bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(punycode("xn--mnchen-3ya").as_deref(), Some("münchen"));
        assert_eq!(punycode("xn--wgbh1c").as_deref(), Some("مصر"));
        assert_eq!(punycode("xn--bcher-!!!"), None);
        assert_eq!(punycode("xn--99999999999"), None, "overflow");
    }

    #[test]
    fn host_names() {
        assert_eq!(dns_problem(b"example.com"), None);
        assert_eq!(dns_problem(b"*.example.com"), None);
        assert!(dns_problem(b"exa mple.com").is_some());
        assert!(dns_problem(b"a..b").is_some());
        assert!(dns_problem(b"-a.b").is_some());
        assert!(dns_problem(&[b'a'; 64]).is_some());
    }
}
