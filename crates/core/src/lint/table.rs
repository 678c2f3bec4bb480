//! The profile rules: one row each, with the kinds of certificate it judges and its check.
//! Most checks are one fact (an extension required, forbidden or of fixed criticality; a
//! subject attribute required, forbidden or bounded; a purpose required or forbidden), told by
//! a [`Check`]; the others are functions in [`super::checks`], each named after its rule.
//! Documentation sits in a second table ([`DOCS`]) in the same order, so the web app's wasm,
//! which raises findings but does not explain rules, carries none of that text.

use super::checks::*;
use super::kind::{Kinds, Profile};
use super::registry::Rule;
use super::view::View;
use crate::decode::CertificateReport;
use crate::finding::Severity::*;
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc3280::{EMAIL, PSEUDONYM};
use const_oid::db::rfc4519::{
    BUSINESS_CATEGORY, C, CN, GIVEN_NAME, L, O, OU, POSTAL_CODE, SERIAL_NUMBER, SN, ST, STREET,
    TITLE,
};
use const_oid::db::rfc5280::*;
use const_oid::db::rfc6960::ID_PKIX_OCSP_NOCHECK;
use const_oid::db::rfc6962::{CT_PRECERT_POISON, CT_PRECERT_SCTS};

/// What a row checks.
pub(super) enum Check {
    /// The extension must be present.
    Present(Oid),
    /// The extension must be absent.
    Absent(Oid),
    /// When present, the extension must be critical.
    Critical(Oid),
    /// When present, the extension must not be critical.
    NotCritical(Oid),
    /// The subject must have this attribute.
    Attr(Oid),
    /// The subject must not have this attribute.
    NoAttr(Oid),
    /// Each of the subject's values of this attribute has at most this many characters.
    MaxLen(Oid, u16),
    /// extendedKeyUsage must be present and include this purpose.
    Eku(Oid),
    /// extendedKeyUsage, when present, must not include this purpose.
    NoEku(Oid),
    /// A check of its own: the problem it finds, in a sentence.
    Test(fn(&Ctx) -> Option<String>),
}

/// What a check looks at.
pub(super) struct Ctx<'v, 'a> {
    /// The certificate as written.
    pub(super) view: &'v View<'a>,
    /// The certificate as decoded.
    pub(super) report: &'v CertificateReport,
    /// What it is linted as.
    pub(super) profile: Profile,
    /// Where its encoding is not DER.
    pub(super) not_der: &'v [crate::canonical::Problem],
}

/// One profile rule.
pub(super) struct Row {
    /// Its registry entry.
    pub(super) rule: Rule,
    /// The certificates it judges.
    pub(super) kinds: Kinds,
    /// What it checks.
    pub(super) check: Check,
}

/// A row's documentation: what (empty: told by its check), why, fix (empty: told by its
/// check), zlint lints, pkilint codes.
pub(super) type RowDoc = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// The CA/B Forum TLS Baseline Requirements' effective date.
const BR: Option<&str> = Some("2012-07-01");
/// Ballot SC-62 (the certificate profiles of BR 2.0.0).
const SC62: Option<&str> = Some("2023-09-15");
/// Ballot SC-63 (OCSP optional, CRLs required).
const SC63: Option<&str> = Some("2024-03-15");
/// BR 1.8.0: organizationalUnitName prohibited.
const OU_BAN: Option<&str> = Some("2022-09-01");
/// BR 1.6.2's sunset of underscores in dNSNames.
const NO_UNDERSCORE: Option<&str> = Some("2019-04-01");
/// The S/MIME Baseline Requirements 1.0.0.
const SMIME_BR: Option<&str> = Some("2023-09-01");
/// The Code Signing Baseline Requirements 1.2 (zlint's date for them).
const CS_BR: Option<&str> = Some("2019-08-13");
/// The EV Guidelines 1.0.
const EVG: Option<&str> = Some("2007-06-12");

const TLS: Kinds = Kinds::TLS_SUBSCRIBER;
const ANY: Kinds = Kinds::ALL;
const CA: Kinds = Kinds::CA;
const PCA: Kinds = Kinds::PUBLIC_CA;
/// Subordinate CAs that assert CA/B Forum policies (a root cannot be told public from private).
const PSUB: Kinds = Kinds::TLS_CA
    .and(Kinds::SMIME_CA)
    .and(Kinds::CODE_SIGNING_CA);
const SUBCA: Kinds = Kinds::TLS_CA;
const ROOT: Kinds = Kinds::ROOT;
const OCSP: Kinds = Kinds::OCSP_RESPONDER;
const SMIME: Kinds = Kinds::SMIME;
const CS: Kinds = Kinds::CODE_SIGNING.and(Kinds::EV_CODE_SIGNING);
const PUBLIC: Kinds = Kinds::TLS_SUBSCRIBER
    .and(Kinds::PUBLIC_CA)
    .and(Kinds::OCSP_RESPONDER)
    .and(Kinds::SMIME)
    .and(CS);
const JURISDICTION_C: Oid = Oid::new_unwrap("1.3.6.1.4.1.311.60.2.1.3");
/// qcStatements (RFC 3739).
const QC_STATEMENTS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.3");

/// The day a row was superseded, for the rows a later one replaced (zlint's IneffectiveDate):
/// the DV subject rules of BR 1.x gave way to BR 2.0's one list of allowed attributes.
const fn superseded(id: &str) -> Option<&'static str> {
    match id.as_bytes() {
        b"dv_organization" | b"dv_locality" | b"dv_province" | b"dv_street" | b"dv_postal_code" => {
            Some("2023-09-15")
        }
        _ => None,
    }
}

/// `"id" severity "source" effective kinds check "why" "what" "fix" [zlint] [pkilint],` for
/// each row: [`TABLE`] and [`DOCS`].
macro_rules! table {
    ($($id:literal $severity:ident $source:literal $effective:expr, $kinds:expr, $check:expr, $why:literal, $what:literal, $fix:literal, [$($z:literal),*], [$($p:literal),*];)*) => {
        /// Every profile rule, in the order docs/lint.md lists them.
        pub(super) static TABLE: &[Row] = &[$(Row {
            rule: Rule { id: $id, code: $id, severity: $severity, source: $source, effective: $effective, until: superseded($id) },
            kinds: $kinds,
            check: $check,
        }),*];
        /// [`TABLE`]'s documentation, row for row.
        pub(super) static DOCS: &[RowDoc] = &[$(($what, $why, $fix, &[$($z),*], &[$($p),*])),*];
    };
}

table! {
    // RFC 5280 §4.2: extensions' criticality.
    "key_usage_not_critical" Warning "RFC 5280 §4.2.1.3" None, ANY, Check::Critical(ID_CE_KEY_USAGE),
        "RFC 5280 asks CAs to mark keyUsage critical, so a client that cannot read it refuses the certificate rather than use the key for anything.", "", "", ["w_ext_key_usage_not_critical"], ["pkix.key_usage_extension_not_critical"];
    "policy_mappings_not_critical" Warning "RFC 5280 §4.2.1.5" None, ANY, Check::Critical(ID_CE_POLICY_MAPPINGS),
        "RFC 5280 asks CAs to mark policyMappings critical: a validator that ignores it would accept policies the mapping does not allow.", "", "", ["w_ext_policy_map_not_critical"], [];
    "inhibit_any_policy_not_critical" Error "RFC 5280 §4.2.1.14" None, ANY, Check::Critical(ID_CE_INHIBIT_ANY_POLICY),
        "RFC 5280 requires inhibitAnyPolicy critical: it restricts what the certificates below may assert.", "", "", ["e_inhibit_any_policy_not_critical"], ["pkix.inhibit_any_policy_extension_not_critical"];
    "freshest_crl_critical" Error "RFC 5280 §4.2.1.15" None, ANY, Check::NotCritical(ID_CE_FRESHEST_CRL),
        "RFC 5280 requires freshestCRL non-critical: delta CRLs are optional for clients.", "", "", ["e_ext_freshest_crl_marked_critical"], [];
    "subject_info_access_critical" Error "RFC 5280 §4.2.2.2" None, ANY, Check::NotCritical(ID_PE_SUBJECT_INFO_ACCESS),
        "RFC 5280 requires subjectInfoAccess non-critical.", "", "", ["e_subject_info_access_marked_critical"], [];
    "subject_directory_attributes_critical" Error "RFC 5280 §4.2.1.8" None, ANY, Check::NotCritical(ID_CE_SUBJECT_DIRECTORY_ATTRIBUTES),
        "RFC 5280 requires subjectDirectoryAttributes non-critical.", "", "", ["e_ext_subject_directory_attr_critical"], [];
    "issuer_alt_name_critical" Warning "RFC 5280 §4.2.1.7" None, ANY, Check::NotCritical(ID_CE_ISSUER_ALT_NAME),
        "RFC 5280 asks for issuerAltName non-critical: it only informs.", "", "", ["w_ext_ian_critical"], [];
    "crl_distribution_points_critical" Warning "RFC 5280 §4.2.1.13" None, ANY, Check::NotCritical(ID_CE_CRL_DISTRIBUTION_POINTS),
        "RFC 5280 asks for cRLDistributionPoints non-critical, so clients that do not fetch CRLs still accept the certificate.", "", "", ["w_ext_crl_distribution_marked_critical"], [];
    "eku_critical_with_any" Warning "RFC 5280 §4.2.1.12" None, ANY, Check::Test(eku_critical_with_any),
        "anyExtendedKeyUsage means any purpose; marking the extension critical then contradicts it, and RFC 5280 says it SHOULD NOT be critical.", "extendedKeyUsage marked critical while it includes anyExtendedKeyUsage.", "Mark extendedKeyUsage non-critical, or drop anyExtendedKeyUsage.", ["w_eku_critical_improperly"], [];

    // RFC 5280 §4.2: extensions' content.
    "aki_without_key_id" Error "RFC 5280 §4.2.1.1" None, ANY, Check::Test(aki_without_key_id),
        "RFC 5280 requires the keyIdentifier field, which is how validators find the issuing key.", "authorityKeyIdentifier without keyIdentifier in a certificate that is not self-signed.", "Reissue with `authorityKeyIdentifier=keyid`.", ["e_ext_authority_key_identifier_no_key_identifier"], ["pkix.authority_key_identifier_keyid_missing"];
    "aki_issuer_without_serial" Error "RFC 5280 §4.2.1.1" None, ANY, Check::Test(aki_issuer_without_serial),
        "RFC 5280 requires authorityCertIssuer and authorityCertSerialNumber together or not at all.", "authorityKeyIdentifier with one of authorityCertIssuer and authorityCertSerialNumber but not the other.", "Reissue with `authorityKeyIdentifier=keyid` only.", [], ["pkix.authority_key_identifier_issuer_and_serial_number_mismatch"];
    "ski_empty" Error "RFC 5280 §4.2.1.2" None, ANY, Check::Test(ski_empty),
        "A key identifier of zero bytes identifies nothing; path building then guesses.", "subjectKeyIdentifier with an empty key identifier.", "Reissue with `subjectKeyIdentifier=hash`.", [], [];
    "key_usage_without_bits" Error "RFC 5280 §4.2.1.3" None, ANY, Check::Test(key_usage_without_bits),
        "RFC 5280 requires at least one bit set when keyUsage is present: with none, the key may be used for nothing.", "keyUsage with no bit set.", "Reissue with the usages the key needs.", ["e_ext_key_usage_without_bits"], [];
    "key_usage_encoding" Error "RFC 5280 §4.2.1.3; X.690 §11.2.2" None, ANY, Check::Test(key_usage_encoding),
        "DER writes a named bit list without trailing zero bits, so its unused-bits count is the number of zero bits at its end; strict parsers refuse other forms.", "keyUsage's BIT STRING declares a number of unused bits other than the zero bits its last byte ends with.", "Reissue it (any current CA software writes DER).", ["e_incorrect_ku_encoding"], ["pkix.key_usage_value_bit_string_invalid_encoding"];
    "key_usage_trailing_zero_byte" Error "RFC 5280 §4.2.1.3; X.690 §11.2.2" None, ANY, Check::Test(key_usage_trailing_zero_byte),
        "DER writes a named bit list without trailing zero bytes; a superfluous zero byte changes the encoding strict parsers expect.", "keyUsage's BIT STRING ends with a zero byte.", "Reissue it (any current CA software writes DER).", ["e_superfluous_ku_encoding"], [];
    "encipher_only_without_key_agreement" Error "RFC 5280 §4.2.1.3" None, ANY, Check::Test(encipher_only_without_key_agreement),
        "encipherOnly and decipherOnly qualify keyAgreement; without it their meaning is undefined.", "keyUsage encipherOnly or decipherOnly without keyAgreement.", "Set keyAgreement too, or drop them.", [], ["pkix.key_usage_encipher_or_decipher_only_without_key_agreement"];
    "path_len_without_key_cert_sign" Error "RFC 5280 §4.2.1.9" None, ANY, Check::Test(path_len_without_key_cert_sign),
        "pathLenConstraint means something only for a CA that signs certificates; RFC 5280 forbids it otherwise.", "basicConstraints pathLenConstraint in a certificate that is not a CA, or whose keyUsage lacks keyCertSign.", "Drop pathLenConstraint, or make it a signing CA.", ["e_path_len_constraint_improperly_included"], ["pkix.basic_constraints_path_length_present_without_key_cert_sign"];
    "name_constraints_not_in_ca" Error "RFC 5280 §4.2.1.10" None, ANY, Check::Test(name_constraints_not_in_ca),
        "nameConstraints constrains the certificates a CA issues; in an end-entity certificate it means nothing, and RFC 5280 forbids it.", "nameConstraints in a certificate that is not a CA.", "Drop it.", ["e_ext_name_constraints_not_in_ca"], [];
    "name_constraints_empty" Error "RFC 5280 §4.2.1.10" None, ANY, Check::Test(name_constraints_empty),
        "RFC 5280 requires permittedSubtrees or excludedSubtrees to be present.", "nameConstraints with neither permitted nor excluded subtrees.", "Drop the extension or give its subtrees.", ["e_name_constraint_empty"], [];
    "name_constraints_minimum_maximum" Error "RFC 5280 §4.2.1.10" None, ANY, Check::Test(name_constraints_minimum_maximum),
        "RFC 5280 fixes minimum at 0 and requires maximum absent in name constraints.", "A name-constraint subtree with a non-zero minimum or a maximum.", "Reissue with plain subtrees.", ["e_name_constraint_minimum_non_zero", "e_name_constraint_maximum_not_absent"], [];
    "policy_constraints_empty" Error "RFC 5280 §4.2.1.11" None, ANY, Check::Test(policy_constraints_empty),
        "RFC 5280 requires requireExplicitPolicy or inhibitPolicyMapping to be present.", "policyConstraints with neither field.", "Drop it or give the field meant.", ["e_ext_policy_constraints_empty"], [];
    "policy_duplicate" Error "RFC 5280 §4.2.1.4" None, ANY, Check::Test(policy_duplicate),
        "RFC 5280 allows each policy OID once in certificatePolicies.", "A policy OID listed twice in certificatePolicies.", "List each policy once.", ["e_ext_cert_policy_duplicate"], ["pkix.certificate_policies_duplicate_policy"];
    "policy_mapping_any_policy" Error "RFC 5280 §4.2.1.5" None, ANY, Check::Test(policy_mapping_any_policy),
        "RFC 5280 forbids mapping to or from anyPolicy.", "policyMappings maps to or from anyPolicy.", "Map named policies only.", ["e_ext_policy_map_any_policy"], [];
    "any_policy_qualifier" Error "RFC 5280 §4.2.1.4" None, ANY, Check::Test(any_policy_qualifier),
        "anyPolicy may carry only the CPS pointer and user notice qualifiers.", "anyPolicy with a qualifier other than CPS or user notice.", "Drop the other qualifiers.", ["e_ext_cert_policy_disallowed_any_policy_qualifier"], [];
    "explicit_text_ia5" Error "RFC 6818 §3" None, ANY, Check::Test(explicit_text_ia5),
        "RFC 6818 forbids IA5String for a user notice's explicitText.", "A user notice's explicitText encoded as IA5String.", "Reissue with UTF8String.", ["e_ext_cert_policy_explicit_text_ia5_string"], [];
    "explicit_text_not_utf8" Warning "RFC 6818 §3" None, ANY, Check::Test(explicit_text_not_utf8),
        "RFC 6818 asks for UTF8String; other types are displayed wrongly.", "A user notice's explicitText that is not a UTF8String.", "Reissue with UTF8String.", ["w_ext_cert_policy_explicit_text_not_utf8"], [];
    "explicit_text_too_long" Error "RFC 5280 §4.2.1.4" None, ANY, Check::Test(explicit_text_too_long),
        "RFC 5280 limits explicitText to 200 characters.", "A user notice's explicitText longer than 200 characters.", "Shorten it (point to the CPS instead).", ["e_ext_cert_policy_explicit_text_too_long"], [];
    "notice_reference" Warning "RFC 5280 §4.2.1.4" None, ANY, Check::Test(notice_reference),
        "RFC 5280 asks CAs not to use noticeRef: clients cannot look it up.", "A user notice with a noticeRef.", "Put the text in explicitText, or drop it.", ["w_ext_cert_policy_contains_noticeref"], [];
    "extension_empty_sequence" Error "RFC 5280 §4.2" None, ANY, Check::Test(extension_empty_sequence),
        "These extensions are SEQUENCE SIZE (1..MAX): an empty one is malformed.", "extendedKeyUsage, certificatePolicies, authorityInfoAccess, subjectInfoAccess, cRLDistributionPoints or a GeneralNames extension with no entries.", "Drop the extension or give its entries.", ["e_ext_cannot_be_empty_sequence", "e_ext_san_no_entries", "e_ext_ian_no_entries"], [];
    "access_location_not_uri" Warning "RFC 5280 §4.2.2.1" None, ANY, Check::Test(access_location_not_uri),
        "Clients fetch the issuer and OCSP status by HTTP (or, rarely, LDAP) URI; another kind of name or scheme is of no use to them.", "An authorityInfoAccess location that is not an http:// or ldap:// URI.", "Give an http:// URI.", ["w_ext_aia_access_location_missing"], [];
    "distribution_point_incomplete" Error "RFC 5280 §4.2.1.13" None, ANY, Check::Test(distribution_point_incomplete),
        "RFC 5280 requires each distribution point to name a location or a CRL issuer.", "A CRL distribution point with neither distributionPoint nor cRLIssuer.", "Give the CRL's URI.", ["e_distribution_point_incomplete"], [];
    "sct_list_empty" Error "RFC 6962 §3.3" None, ANY, Check::Test(sct_list_empty),
        "An SCT list must hold at least one SCT.", "An empty signed certificate timestamp list.", "Drop the extension or embed the SCTs.", ["e_empty_sct_list"], [];
    "precertificate_with_scts" Error "RFC 6962 §3.3" None, Kinds::PRECERTIFICATE, Check::Absent(CT_PRECERT_SCTS),
        "SCTs are issued for a precertificate; a precertificate cannot carry its own.", "", "", ["e_precert_with_sct_list"], [];
    "poison_not_critical" Error "RFC 6962 §3.1" None, Kinds::PRECERTIFICATE, Check::Critical(CT_PRECERT_POISON),
        "The poison extension must be critical so that no client accepts a precertificate as a certificate.", "", "", [], ["ct.precertificate_poison_extension_not_critical"];
    "poison_not_null" Error "RFC 6962 §3.1" None, Kinds::PRECERTIFICATE, Check::Test(poison_not_null),
        "RFC 6962 defines the poison extension's value as ASN.1 NULL.", "A precertificate poison extension whose value is not NULL.", "Write the value as NULL (05 00).", [], [];

    // RFC 5280 §4.2.1.6 / §4.2.1.7: names in subjectAltName and issuerAltName.
    "san_empty_name" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_empty_name),
        "An empty name matches nothing and RFC 5280 forbids it.", "A subjectAltName entry that is empty.", "Remove it or give the name.", ["e_ext_san_empty_name"], [];
    "ian_empty_name" Error "RFC 5280 §4.2.1.7" None, ANY, Check::Test(ian_empty_name),
        "An empty name names nothing and RFC 5280 forbids it.", "An issuerAltName entry that is empty.", "Remove it or give the name.", ["e_ext_ian_empty_name"], [];
    "san_dns_syntax" Error "RFC 5280 §4.2.1.6; RFC 1034 §3.5" None, ANY, Check::Test(san_dns_syntax),
        "A dNSName must be in the preferred name syntax (letters, digits, hyphens; labels of 1-63 characters; 253 in all); anything else matches no host.", "A subjectAltName dNSName that is not a valid host name: a space, an empty or too long label, a label starting or ending with a hyphen, or over 253 characters.", "Reissue with the host name written correctly (IDNs as xn-- labels).", ["e_ext_san_space_dns_name", "e_rfc_dnsname_empty_label", "e_rfc_dnsname_label_too_long", "e_rfc_dnsname_hyphen_in_sld", "e_ext_san_dns_name_too_long", "e_dnsname_bad_character_in_label"], ["pkix.san_dns_name_syntax_invalid"];
    "ian_dns_syntax" Error "RFC 5280 §4.2.1.7; RFC 1034 §3.5" None, ANY, Check::Test(ian_dns_syntax),
        "A dNSName must be in the preferred name syntax.", "An issuerAltName dNSName that is not a valid host name.", "Reissue with the name written correctly.", ["e_ext_ian_space_dns_name"], [];
    "san_email_syntax" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_email_syntax),
        "An rfc822Name is an addr-spec (local@domain) without a display name or angle brackets.", "A subjectAltName rfc822Name that is not an email address.", "Write the bare address (`user@example.com`).", ["e_ext_san_rfc822_format_invalid"], [];
    "ian_email_syntax" Error "RFC 5280 §4.2.1.7" None, ANY, Check::Test(ian_email_syntax),
        "An rfc822Name is an addr-spec (local@domain).", "An issuerAltName rfc822Name that is not an email address.", "Write the bare address.", ["e_ext_ian_rfc822_format_invalid"], [];
    "san_uri_syntax" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_uri_syntax),
        "A uniformResourceIdentifier must be an absolute URI with a scheme (and a host for URLs).", "A subjectAltName URI that is relative or has no scheme.", "Write the full URI (`https://example.com/…`).", ["e_ext_san_uri_relative", "e_ext_san_uri_format_invalid"], [];
    "ian_uri_syntax" Error "RFC 5280 §4.2.1.7" None, ANY, Check::Test(ian_uri_syntax),
        "A uniformResourceIdentifier must be an absolute URI with a scheme.", "An issuerAltName URI that is relative or has no scheme.", "Write the full URI.", ["e_ext_ian_uri_relative", "e_ext_ian_uri_format_invalid"], [];
    "san_ip_length" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_ip_length),
        "An iPAddress is 4 octets (IPv4) or 16 (IPv6); any other length matches no address.", "A subjectAltName iPAddress that is not 4 or 16 bytes long.", "Reissue with the address written correctly.", [], ["pkix.san_ip_address_invalid_length"];
    "subject_empty_without_san" Error "RFC 5280 §4.1.2.6" None, ANY, Check::Test(subject_empty_without_san),
        "With an empty subject, the subjectAltName is the only identity; without it, the certificate names no one.", "An empty subject and no subjectAltName.", "Give a subject or a subjectAltName.", ["e_subject_empty_without_san"], [];
    "issuer_empty" Error "RFC 5280 §4.1.2.4" None, ANY, Check::Test(issuer_empty),
        "RFC 5280 requires a non-empty issuer name; chains are built on it.", "An empty issuer name.", "Reissue from a CA with a subject name.", ["e_issuer_field_empty"], ["pkix.issuer_name_empty"];
    "ca_subject_empty" Error "RFC 5280 §4.1.2.6" None, CA, Check::Test(ca_subject_empty),
        "A CA's subject is what its certificates name as their issuer: it must not be empty.", "A CA certificate with an empty subject.", "Give the CA a distinguished name.", ["e_ca_subject_field_empty"], [];
    "email_in_subject_not_in_san" Error "RFC 5280 §4.1.2.6" Some("1999-01-01"), ANY, Check::Test(email_in_subject_not_in_san),
        "RFC 5280 requires email addresses in subjectAltName; mail clients look only there.", "An emailAddress in the subject that the subjectAltName does not carry.", "Put the address in the SAN as an rfc822Name.", ["e_subj_email_not_in_san"], [];
    "unique_identifier_present" Error "RFC 5280 §4.1.2.8" None, ANY, Check::Test(unique_identifier_present),
        "RFC 5280 forbids CAs to generate issuerUniqueID or subjectUniqueID.", "issuerUniqueID or subjectUniqueID present.", "Reissue without them.", ["e_cert_contains_unique_identifier"], ["pkix.certificate_unique_identifier_present"];
    "unique_identifier_version" Error "RFC 5280 §4.1.2.8" None, ANY, Check::Test(unique_identifier_version),
        "Unique identifiers exist only in version 2 and 3 certificates.", "A unique identifier in a version 1 certificate.", "Reissue as version 3, without them.", ["e_cert_unique_identifier_version_not_2_or_3"], [];
    "validity_negative" Error "RFC 5280 §4.1.2.5" None, ANY, Check::Test(validity_negative),
        "A certificate whose notAfter is before its notBefore is never valid.", "notAfter before notBefore.", "Reissue with the dates in order.", [], ["pkix.certificate_validity_period_negative"];

    // RFC 5280 appendix A and X.520: attributes.
    "cn_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(CN, 64),
        "X.520 bounds commonName at 64 characters; strict clients refuse longer ones.", "", "", ["e_subject_common_name_max_length"], ["pkix.subject_common_name_too_long"];
    "o_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(O, 64),
        "X.520 bounds organizationName at 64 characters.", "", "", ["e_subject_organization_name_max_length"], [];
    "ou_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(OU, 64),
        "X.520 bounds organizationalUnitName at 64 characters.", "", "", ["e_subject_organizational_unit_name_max_length"], [];
    "l_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(L, 128),
        "X.520 bounds localityName at 128 characters.", "", "", ["e_subject_locality_name_max_length"], [];
    "st_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(ST, 128),
        "X.520 bounds stateOrProvinceName at 128 characters.", "", "", ["e_subject_state_name_max_length"], [];
    "street_too_long" Error "X.520 upper bounds" None, ANY, Check::MaxLen(STREET, 128),
        "X.520 bounds streetAddress at 128 characters.", "", "", ["e_subject_street_address_max_length"], [];
    "postal_code_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(POSTAL_CODE, 16),
        "RFC 5280's upper bounds (ub-postal-code-length) cap a postal code at 16 characters, as zlint applies them.", "", "", ["e_subject_postal_code_max_length"], [];
    "serial_number_attr_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(SERIAL_NUMBER, 64),
        "X.520 bounds serialNumber at 64 characters.", "", "", ["e_subject_dn_serial_number_max_length"], [];
    "email_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(EMAIL, 255),
        "RFC 5280 bounds emailAddress at 255 characters.", "", "", ["e_subject_email_max_length"], [];
    "title_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(TITLE, 64),
        "X.520 bounds title at 64 characters.", "", "", [], [];
    "pseudonym_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(PSEUDONYM, 128),
        "X.520 bounds pseudonym at 128 characters.", "", "", [], [];
    "given_name_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(GIVEN_NAME, 32768),
        "X.520 bounds names (ub-name) at 32768 characters.", "", "", ["e_subject_given_name_max_length"], [];
    "surname_too_long" Error "RFC 5280 appendix A.1" None, ANY, Check::MaxLen(SN, 32768),
        "X.520 bounds names (ub-name) at 32768 characters.", "", "", ["e_subject_surname_max_length"], [];
    "serial_number_attr_not_printable" Error "RFC 5280 appendix A.1" None, ANY, Check::Test(serial_number_attr_not_printable),
        "X.520 defines serialNumber as a PrintableString.", "A subject serialNumber not encoded as PrintableString.", "Reissue with serialNumber as a PrintableString.", ["e_subject_dn_serial_number_not_printable_string"], [];
    "email_not_ia5" Error "RFC 5280 appendix A.1" None, ANY, Check::Test(email_not_ia5),
        "PKCS #9 defines emailAddress as an IA5String.", "A subject emailAddress not encoded as IA5String.", "Reissue with emailAddress as an IA5String (better: in the SAN).", [], ["pkix.email_address_not_ia5string"];
    "dc_not_ia5" Error "RFC 4519 §2.4" None, ANY, Check::Test(dc_not_ia5),
        "domainComponent is an IA5String.", "A domainComponent not encoded as IA5String.", "Reissue with DC as an IA5String.", [], [];
    "country_not_two_letters" Error "RFC 5280 appendix A.1; X.520" None, ANY, Check::Test(country_not_two_letters),
        "countryName is a two-letter ISO 3166 code.", "A country (C) that is not two capital letters.", "Use the ISO 3166-1 alpha-2 code (`DE`, `US`, …).", [], ["pkix.country_name_invalid"];
    "country_not_iso" Error "CA/B BR §7.1.4.2.2" BR, TLS.and(PCA), Check::Test(country_not_iso),
        "The Baseline Requirements require countryName to be an ISO 3166-1 code (or XX when no country applies).", "A country (C) that is not an ISO 3166-1 alpha-2 code.", "Use the country's ISO 3166-1 code.", ["e_subject_country_not_iso", "e_ca_country_name_invalid"], ["cabf.invalid_country_code"];
    "attribute_empty" Error "RFC 5280 §4.1.2.4; X.520" None, ANY, Check::Test(attribute_empty),
        "Directory strings are SIZE (1..MAX): an empty value is malformed.", "A subject attribute with an empty value.", "Remove the attribute or give its value.", [], ["pkix.attribute_value_empty"];
    "control_characters" Error "RFC 5280 appendix A; CA/B BR §7.1.4.2" None, ANY, Check::Test(control_characters),
        "Control characters in a name are displayed wrongly and used to spoof other names.", "A subject attribute containing control characters.", "Reissue with printable characters only.", ["e_subject_dn_not_printable_characters"], [];

    // More RFC 5280 structure.
    "unknown_critical_extension" Warning "RFC 5280 §4.2" None, ANY, Check::Test(unknown_critical_extension),
        "A client that does not recognise a critical extension must refuse the certificate: only clients that know it will accept it.", "A critical extension certbench does not know (neither RFC 5280's nor a common one).", "Mark it non-critical unless every client meant to use the certificate processes it.", [], [];
    "san_dns_not_ascii" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_dns_not_ascii),
        "dNSName is an IA5String: internationalised names go in as xn-- labels (RFC 8399).", "A subjectAltName dNSName with bytes outside ASCII.", "Write the name in its A-label form (`xn--…`).", ["e_ext_san_dns_not_ia5_string"], [];
    "ian_dns_not_ascii" Error "RFC 5280 §4.2.1.7" None, ANY, Check::Test(ian_dns_not_ascii),
        "dNSName is an IA5String.", "An issuerAltName dNSName with bytes outside ASCII.", "Write the name in its A-label form.", ["e_ext_ian_dns_not_ia5_string"], [];
    "san_uri_not_ascii" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_uri_not_ascii),
        "uniformResourceIdentifier is an IA5String; non-ASCII characters are percent-encoded (RFC 3986).", "A subjectAltName URI with bytes outside ASCII.", "Percent-encode the URI.", ["e_ext_san_uri_not_ia5"], [];
    "ian_uri_not_ascii" Error "RFC 5280 §4.2.1.7" None, ANY, Check::Test(ian_uri_not_ascii),
        "uniformResourceIdentifier is an IA5String.", "An issuerAltName URI with bytes outside ASCII.", "Percent-encode the URI.", ["e_ext_ian_uri_not_ia5"], [];
    "san_uri_host" Error "RFC 5280 §4.2.1.6" None, ANY, Check::Test(san_uri_host),
        "When a URI has an authority, RFC 5280 requires its host to be a fully qualified domain name or an IP address.", "A subjectAltName URI whose host is neither a host name nor an IP address.", "Write the URI with a fully qualified host.", ["e_ext_san_uri_host_not_fqdn_or_ip"], [];
    "ian_uri_host" Error "RFC 5280 §4.2.1.7" None, ANY, Check::Test(ian_uri_host),
        "When a URI has an authority, its host must be a fully qualified domain name or an IP address.", "An issuerAltName URI whose host is neither a host name nor an IP address.", "Write the URI with a fully qualified host.", ["e_ext_ian_uri_host_not_fqdn_or_ip"], [];
    "name_constraint_x400" Warning "RFC 5280 §4.2.1.10" None, ANY, Check::Test(name_constraint_x400),
        "RFC 5280 defines no matching rules for x400Address constraints: clients may ignore or refuse them.", "A name constraint on x400Address.", "Constrain DNS names, IP addresses, email or directory names instead.", ["w_name_constraint_on_x400"], [];
    "name_constraint_edi_party" Warning "RFC 5280 §4.2.1.10" None, ANY, Check::Test(name_constraint_edi_party),
        "RFC 5280 defines no matching rules for ediPartyName constraints.", "A name constraint on ediPartyName.", "Constrain DNS names, IP addresses, email or directory names instead.", ["w_name_constraint_on_edi_party_name"], [];
    "name_constraint_registered_id" Warning "RFC 5280 §4.2.1.10" None, ANY, Check::Test(name_constraint_registered_id),
        "RFC 5280 defines no matching rules for registeredID constraints.", "A name constraint on registeredID.", "Constrain DNS names, IP addresses, email or directory names instead.", ["w_name_constraint_on_registered_id"], [];
    "policy_mapping_not_in_policies" Warning "RFC 5280 §4.2.1.5" None, ANY, Check::Test(policy_mapping_not_in_policies),
        "A mapping from a policy the CA does not assert maps nothing.", "policyMappings maps an issuerDomainPolicy that certificatePolicies does not list.", "Assert the mapped policy in certificatePolicies, or drop the mapping.", ["w_ext_policy_map_not_in_cert_policy"], [];
    "subject_leading_whitespace" Warning "RFC 4518 §2.6.1" None, ANY, Check::Test(subject_leading_whitespace),
        "Name comparison drops leading spaces (RFC 4518) and byte-for-byte comparison does not: chains break between clients.", "A subject attribute that starts with a space.", "Reissue without the space.", ["w_subject_dn_leading_whitespace"], [];
    "subject_trailing_whitespace" Warning "RFC 4518 §2.6.1" None, ANY, Check::Test(subject_trailing_whitespace),
        "Name comparison drops trailing spaces (RFC 4518) and byte-for-byte comparison does not.", "A subject attribute that ends with a space.", "Reissue without the space.", ["w_subject_dn_trailing_whitespace"], [];
    "issuer_leading_whitespace" Warning "RFC 4518 §2.6.1" None, ANY, Check::Test(issuer_leading_whitespace),
        "Name comparison drops leading spaces (RFC 4518) and byte-for-byte comparison does not.", "An issuer attribute that starts with a space.", "Reissue the issuer without the space.", ["w_issuer_dn_leading_whitespace"], [];
    "issuer_trailing_whitespace" Warning "RFC 4518 §2.6.1" None, ANY, Check::Test(issuer_trailing_whitespace),
        "Name comparison drops trailing spaces (RFC 4518) and byte-for-byte comparison does not.", "An issuer attribute that ends with a space.", "Reissue the issuer without the space.", ["w_issuer_dn_trailing_whitespace"], [];
    "explicit_text_control" Warning "RFC 6818 §3" None, ANY, Check::Test(explicit_text_control),
        "RFC 6818 asks that explicitText hold no control characters: they are displayed wrongly or used to mislead.", "A user notice's explicitText with control characters.", "Reissue with printable text.", ["w_ext_cert_policy_explicit_text_includes_control"], [];
    "idn_label_invalid" Error "RFC 5891 §5.4; RFC 3492" None, ANY, Check::Test(idn_label_invalid),
        "An `xn--` label must be the Punycode of a Unicode label; one that does not decode names no host anyone can type.", "A dNSName label starting `xn--` that is not valid Punycode.", "Encode the internationalised name with an IDNA 2008 library.", ["e_international_dns_name_not_unicode"], [];
    "onion_name_invalid" Error "CA/B BR Appendix C" Some("2015-05-01"), TLS, Check::Test(onion_name_invalid),
        "An onion name is a v3 address (56 base32 characters); v2 addresses (16) were allowed only in EV certificates, and Tor has retired them.", "A `.onion` name that is not a valid v3 address (or a v2 address outside an EV certificate).", "Use the service's v3 onion address.", ["e_san_dns_name_onion_invalid", "e_san_dns_name_onion_not_ev_cert"], [];
    "dns_reserved_label" Error "CA/B BR §7.1.4.2" Some("2021-10-01"), TLS, Check::Test(dns_reserved_label),
        "Labels with `--` in their third and fourth characters are reserved (RFC 5890); only `xn--` ones (IDNs) are in use, and the Baseline Requirements forbid the others.", "A dNSName label of the form `??--` other than an `xn--` label.", "Use the host's real name.", ["e_dnsname_contains_prohibited_reserved_label"], [];
    "cn_reserved_ip" Error "CA/B BR §7.1.4.2" BR, TLS, Check::Test(cn_reserved_ip),
        "Public CAs cannot validate private or reserved addresses.", "A subject commonName that is a reserved IP address.", "Use a public address, or a private CA for private ones.", ["e_subject_contains_reserved_ip"], [];
    "certificate_version_not_3" Error "CA/B BR §7.1.1" Some("2015-04-16"), PUBLIC, Check::Test(certificate_version_not_3),
        "The Baseline Requirements require version 3 certificates.", "A publicly trusted certificate that is not version 3.", "Reissue as version 3.", ["e_invalid_certificate_version"], [];

    // X.690 DER and RFC 5280 §4.1: encodings.
    "not_der_length" Error "X.690 §10.1" None, ANY, Check::Test(not_der_length),
        "DER requires each length in its shortest form; a different encoding changes the bytes the signature covers.", "A length written in long form where short form fits, or with leading zeros.", "Reissue with DER encoding.", ["e_cert_ext_invalid_der"], ["pkix.invalid_der_encoding"];
    "not_der_boolean" Error "X.690 §11.1" None, ANY, Check::Test(not_der_boolean),
        "DER writes TRUE as 0xFF; strict parsers (Go, rustls) refuse other values.", "A BOOLEAN TRUE written with a byte other than 0xFF.", "Reissue with DER encoding.", ["e_basic_constr_invalid_der"], ["pkix.invalid_der_encoding"];
    "not_der_integer" Error "X.690 §8.3.2" None, ANY, Check::Test(not_der_integer),
        "DER writes an INTEGER in the fewest octets.", "An INTEGER with needless leading 0x00 or 0xFF octets.", "Reissue with DER encoding.", [], ["pkix.invalid_der_encoding"];
    "not_der_set_order" Error "X.690 §11.6" None, ANY, Check::Test(not_der_set_order),
        "DER sorts a SET OF's elements; names compared byte for byte then differ.", "A SET OF (a multi-valued RDN) whose elements are not in DER order.", "Reissue with DER encoding.", [], ["pkix.invalid_der_encoding"];
    "time_without_seconds" Error "RFC 5280 §4.1.2.5.1, §4.1.2.5.2" None, ANY, Check::Test(time_without_seconds),
        "RFC 5280 requires seconds in validity times.", "A UTCTime or GeneralizedTime without seconds.", "Reissue with full times (`YYMMDDHHMMSSZ`).", ["e_utc_time_does_not_include_seconds", "e_generalized_time_does_not_include_seconds"], ["pkix.utctime_incorrect_syntax"];
    "time_with_fraction" Error "RFC 5280 §4.1.2.5.2" None, ANY, Check::Test(time_with_fraction),
        "RFC 5280 forbids fractional seconds in GeneralizedTime.", "A GeneralizedTime with fractional seconds.", "Reissue with whole seconds.", ["e_generalized_time_includes_fraction_seconds"], ["pkix.generalizedtime_incorrect_syntax"];
    "time_not_zulu" Error "RFC 5280 §4.1.2.5.1, §4.1.2.5.2" None, ANY, Check::Test(time_not_zulu),
        "RFC 5280 requires validity times in UTC, written with `Z`; an offset (`+0100`) makes strict parsers refuse the certificate.", "A validity time with an offset from UTC instead of `Z`.", "Reissue with times in UTC (`…Z`).", ["e_utc_time_not_in_zulu", "e_generalized_time_not_in_zulu"], ["pkix.utctime_incorrect_syntax"];
    "time_wrong_type" Error "RFC 5280 §4.1.2.5" None, ANY, Check::Test(time_wrong_type),
        "RFC 5280 requires UTCTime for dates through 2049 and GeneralizedTime from 2050.", "A validity date before 2050 written as GeneralizedTime.", "Reissue with UTCTime for dates before 2050.", ["e_wrong_time_format_pre2050"], ["pkix.wrong_time_useful_type"];
    "default_written" Error "X.690 §11.5" None, ANY, Check::Test(default_written),
        "DER leaves out a field equal to its DEFAULT; writing it changes the encoding strict parsers expect.", "`critical FALSE`, `cA FALSE` or version v1 written out although they are DEFAULT values.", "Reissue with DER encoding.", ["e_cert_ext_invalid_der", "e_basic_constr_invalid_der"], ["pkix.invalid_der_encoding"];
    "signature_algorithm_mismatch" Error "RFC 5280 §4.1.1.2" None, ANY, Check::Test(signature_algorithm_mismatch),
        "RFC 5280 requires the two signature algorithm fields to be identical; a difference is a sign of tampering.", "signatureAlgorithm differs from tbsCertificate's signature field.", "Reissue it.", ["e_cert_sig_alg_not_match_tbs_sig_alg"], ["pkix.signature_algorithm_mismatch"];
    "rsa_key_params_not_null" Error "RFC 3279 §2.3.1" None, ANY, Check::Test(rsa_key_params_not_null),
        "rsaEncryption's parameters must be NULL; Go and others refuse a key without them.", "An RSA public key whose algorithm parameters are not NULL.", "Reissue with NULL parameters.", ["e_spki_rsa_encryption_parameter_not_null"], [];
    "rsa_signature_params_not_null" Error "RFC 4055 §5" None, ANY, Check::Test(rsa_signature_params_not_null),
        "PKCS #1 v1.5 signature algorithms take NULL parameters.", "A sha*WithRSAEncryption algorithm whose parameters are not NULL.", "Reissue with NULL parameters.", ["e_tbs_signature_rsa_encryption_parameter_not_null"], [];
    "ecdsa_signature_params_present" Error "RFC 5758 §3.2" None, ANY, Check::Test(ecdsa_signature_params_present),
        "ECDSA signature algorithms take no parameters (not even NULL).", "An ecdsa-with-SHA* algorithm with parameters.", "Reissue without parameters.", [], [];

    // Keys and key usage.
    "rsa_key_usage" Error "RFC 3279 §2.3.1" None, ANY, Check::Test(rsa_key_usage),
        "An RSA key signs or encrypts; it cannot agree keys.", "keyUsage keyAgreement, encipherOnly or decipherOnly on an RSA key.", "Reissue with digitalSignature (and keyEncipherment where RSA key transport is used).", ["e_rsa_allowed_ku_ee", "e_rsa_allowed_ku_ca"], [];
    "ec_key_usage" Error "RFC 8813 §3; RFC 5480 §3" None, ANY, Check::Test(ec_key_usage),
        "An EC key signs or agrees keys; it cannot encrypt.", "keyUsage keyEncipherment or dataEncipherment on an EC key.", "Reissue with digitalSignature.", ["e_ecdsa_allowed_ku", "e_cabf_ecc_allowed_key_usages"], ["pkix.ec_key_usage_invalid"];
    "ed25519_key_usage" Error "RFC 8410 §5" None, ANY, Check::Test(ed25519_key_usage),
        "An Ed25519 or Ed448 key only signs.", "keyUsage other than digitalSignature, nonRepudiation, keyCertSign and cRLSign on an EdDSA key.", "Reissue with digitalSignature.", [], [];
    "rsa_exponent" Error "CA/B BR §6.1.6; NIST SP 800-89 §5.3.3" None, ANY, Check::Test(rsa_exponent),
        "RSA's public exponent must be odd and at least 3; an even one makes the key useless, 1 makes it no key at all.", "An RSA public exponent that is even or below 3.", "Make a new key (exponent 65537).", ["e_rsa_public_exponent_not_odd", "e_rsa_public_exponent_too_small"], ["cabf.rsa_public_exponent_invalid"];
    "rsa_exponent_range" Warning "CA/B BR §6.1.6" Some("2013-02-21"), ANY, Check::Test(rsa_exponent_range),
        "The Baseline Requirements ask for an exponent between 2^16+1 and 2^256-1.", "An RSA public exponent outside 65537 … 2^256-1.", "Make a new key with exponent 65537.", ["w_rsa_public_exponent_not_in_range"], [];
    "roca" Error "CVE-2017-15361; CA/B BR §6.1.1.3" None, ANY, Check::Test(roca),
        "Infineon's RSALib made primes of a special form; from the public key the private key can be computed (Nemec et al., 2017). The Baseline Requirements require CAs to refuse such keys.", "An RSA modulus with the ROCA fingerprint (its residues modulo small primes are powers of 65537).", "Make a new key on a device that is not affected (update the TPM or smart card firmware), revoke the certificate.", [], [];
    "rsa_small_factor" Error "CA/B BR §6.1.6" None, ANY, Check::Test(rsa_small_factor),
        "A properly made modulus is the product of two large primes; a small factor means the key is broken and its private key easy to find.", "An RSA modulus with a prime factor below 752.", "Make a new key with a sound generator.", ["w_rsa_mod_factors_smaller_than_752"], [];
    "fermat_factorable" Error "CA/B BR §6.1.1.3" None, ANY, Check::Test(fermat_factorable),
        "When the two primes are close, Fermat's method factors the modulus in a few steps; broken generators have shipped such keys (Böck, 2022). The Baseline Requirements require CAs to refuse them.", "An RSA modulus that Fermat's method factors within 100 rounds.", "Make a new key with a sound generator, revoke the certificate.", [], [];
    "ec_point_invalid" Error "RFC 5480 §2.2; SEC 1 §3.2.2" None, ANY, Check::Test(ec_point_invalid),
        "A point off the curve is no public key; using it in key agreement leaks the private key (invalid-curve attacks).", "An EC public key that is not a point on its named curve.", "Make a new key.", [], [];
    "rsa_modulus_even" Error "CA/B BR §6.1.6" None, ANY, Check::Test(rsa_modulus_even),
        "An RSA modulus is a product of two odd primes; an even one is factored already.", "An even RSA modulus.", "Make a new key.", ["w_rsa_mod_not_odd"], [];
    "rsa_modulus_size" Error "CA/B BR §6.1.5" BR, PUBLIC, Check::Test(rsa_modulus_size),
        "The Baseline Requirements require a modulus of a whole number of bytes (a multiple of 8 bits).", "An RSA modulus whose size in bits is not divisible by 8.", "Make a new key of 2048, 3072 or 4096 bits.", [], ["cabf.rsa_modulus_invalid_length"];
    "signature_algorithm_encoding" Error "CA/B BR §7.1.3.2" SC62, PUBLIC, Check::Test(signature_algorithm_encoding),
        "The Baseline Requirements list the exact encodings of the signature algorithms a CA may use.", "A signature algorithm (or its parameters) the Baseline Requirements do not allow.", "Sign with SHA-256/384/512 and RSA PKCS #1 v1.5, RSA-PSS (as encoded in BR §7.1.3.2.1) or ECDSA.", ["e_signature_algorithm_not_supported"], ["cabf.serverauth.prohibited_signature_algorithm_encoding"];
    "key_algorithm_encoding" Error "CA/B BR §7.1.3.1" SC62, PUBLIC, Check::Test(key_algorithm_encoding),
        "The Baseline Requirements allow RSA keys (rsaEncryption, NULL parameters) and ECDSA keys on P-256, P-384 and P-521 only.", "A public key whose algorithm encoding the Baseline Requirements do not allow.", "Use RSA 2048+ or ECDSA P-256/P-384.", ["e_public_key_type_not_allowed"], ["cabf.serverauth.prohibited_subject_public_key_algorithm_encoding"];

    // CA/B TLS BR §7.1.2.7: subscriber certificates.
    "sub_aia_missing" Error "CA/B BR §7.1.2.7.6" BR, TLS, Check::Present(ID_PE_AUTHORITY_INFO_ACCESS),
        "Clients fetch a missing intermediate from authorityInfoAccess; the Baseline Requirements require it.", "", "", ["e_sub_cert_aia_missing"], ["cabf.serverauth.subscriber.authority_information_access_missing"];
    "sub_aia_no_ca_issuers" Warning "CA/B BR §7.1.2.7.7" BR, TLS, Check::Test(aia_no_ca_issuers),
        "Clients fetch a missing intermediate from the caIssuers URL.", "authorityInfoAccess without a caIssuers URL.", "Add `caIssuers;URI:http://…` to authorityInfoAccess.", ["w_sub_cert_aia_does_not_contain_issuing_ca_url"], [];
    "aia_not_http" Error "CA/B BR §7.1.2.7.7, §7.1.2.10.3" SC62, PUBLIC, Check::Test(aia_not_http),
        "Clients fetch OCSP and issuers over plain HTTP (HTTPS would need revocation checking itself); the Baseline Requirements require http:// URLs.", "An authorityInfoAccess OCSP or caIssuers location that is not an http:// URL.", "Use http:// URLs.", ["e_aia_ocsp_must_have_http_only", "e_aia_ca_issuers_must_have_http_only", "e_ca_aia_non_http_url"], ["cabf.serverauth.aia_location_not_http"];
    "aia_unknown_method" Error "CA/B BR §7.1.2.7.7" SC62, TLS, Check::Test(aia_unknown_method),
        "The Baseline Requirements allow only id-ad-ocsp and id-ad-caIssuers in authorityInfoAccess.", "An authorityInfoAccess method other than OCSP or caIssuers.", "Remove it.", ["e_aia_must_contain_permitted_access_method"], [];
    "sub_policies_missing" Error "CA/B BR §7.1.2.7.6" BR, TLS, Check::Present(ID_CE_CERTIFICATE_POLICIES),
        "The policy OID says how the subscriber was validated; the Baseline Requirements require it.", "", "", ["e_sub_cert_certificate_policies_missing"], ["cabf.serverauth.subscriber.certificate_policies_missing"];
    "sub_policies_critical" Warning "CA/B BR §7.1.2.7.6" BR, TLS, Check::NotCritical(ID_CE_CERTIFICATE_POLICIES),
        "Clients that do not process policies must still accept the certificate.", "", "", ["w_sub_cert_certificate_policies_marked_critical"], [];
    "reserved_policy_count" Error "CA/B BR §7.1.2.7.9" SC62, TLS, Check::Test(reserved_policy_count),
        "A subscriber certificate asserts exactly one CA/B Forum reserved policy (DV, OV, IV or EV).", "Not exactly one CA/B Forum reserved policy OID.", "Reissue with the one policy OID of how it was validated.", [], ["cabf.serverauth.subscriber.reserved_policy_oid_count"];
    "policy_qualifier_not_cps" Error "CA/B BR §7.1.2.7.9" SC62, TLS, Check::Test(policy_qualifier_not_cps),
        "The Baseline Requirements allow only the CPS pointer qualifier in subscriber certificates.", "A policy qualifier other than id-qt-cps.", "Drop user notices.", ["e_policy_qualifiers_other_than_cps_not_permitted"], [];
    "cps_uri_not_http" Error "CA/B BR §7.1.2.7.9, §7.1.2.10.5" SC62, PUBLIC, Check::Test(cps_uri_not_http),
        "The CPS pointer must be an HTTP or HTTPS URL readers can open.", "A CPS qualifier that is not an http:// or https:// URL.", "Point to the CPS with an https:// URL.", ["e_invalid_cps_uri"], [];
    "sub_eku_missing" Error "CA/B BR §7.1.2.7.10" BR, TLS, Check::Present(ID_CE_EXT_KEY_USAGE),
        "The Baseline Requirements require extendedKeyUsage in subscriber certificates.", "", "", ["e_sub_cert_eku_missing"], ["cabf.serverauth.subscriber.extended_key_usage_missing"];
    "sub_eku_server_auth" Error "CA/B BR §7.1.2.7.10" BR, TLS, Check::Eku(ID_KP_SERVER_AUTH),
        "A TLS server certificate must say it is for TLS servers.", "", "", ["e_sub_cert_eku_server_auth_client_auth_missing"], [];
    "sub_eku_any" Error "CA/B BR §7.1.2.7.10" SC62, TLS, Check::NoEku(ANY_EXTENDED_KEY_USAGE),
        "A subscriber key must be limited to TLS.", "", "", ["e_sub_cert_eku_check"], ["cabf.serverauth.subscriber.any_extended_key_usage_present"];
    "sub_eku_email" Error "CA/B BR §7.1.2.7.10" SC62, TLS, Check::NoEku(ID_KP_EMAIL_PROTECTION),
        "TLS and S/MIME certificates are issued under different requirements and must not be mixed.", "", "", ["e_sub_cert_eku_check"], [];
    "sub_eku_code_signing" Error "CA/B BR §7.1.2.7.10" SC62, TLS, Check::NoEku(ID_KP_CODE_SIGNING),
        "TLS and code signing certificates must not be mixed.", "", "", ["e_sub_cert_eku_check"], [];
    "sub_eku_time_stamping" Error "CA/B BR §7.1.2.7.10" SC62, TLS, Check::NoEku(ID_KP_TIME_STAMPING),
        "TLS and time-stamping certificates must not be mixed.", "", "", ["e_sub_cert_eku_check"], [];
    "sub_eku_ocsp_signing" Error "CA/B BR §7.1.2.7.10" SC62, TLS, Check::NoEku(ID_KP_OCSP_SIGNING),
        "A subscriber must not be able to sign OCSP responses for its CA.", "", "", ["e_sub_cert_eku_check"], [];
    "sub_eku_critical" Error "CA/B BR §7.1.2.7.6" SC62, TLS, Check::NotCritical(ID_CE_EXT_KEY_USAGE),
        "The Baseline Requirements require extendedKeyUsage non-critical in subscriber certificates.", "", "", ["e_eku_critical"], [];
    "sub_name_constraints" Error "CA/B BR §7.1.2.7.6" SC62, TLS, Check::Absent(ID_CE_NAME_CONSTRAINTS),
        "Name constraints belong in CA certificates.", "", "", [], ["cabf.serverauth.subscriber.name_constraints_present"];
    "sub_is_ca" Error "CA/B BR §7.1.2.7.8" BR, TLS, Check::Test(sub_is_ca),
        "A subscriber certificate must not be a CA.", "basicConstraints cA TRUE in a subscriber certificate.", "Reissue with CA:FALSE (or without basicConstraints).", ["e_sub_cert_not_is_ca"], [];
    "sub_basic_constraints_not_critical" Error "CA/B BR §7.1.2.7.6" SC62, TLS, Check::Critical(ID_CE_BASIC_CONSTRAINTS),
        "When a subscriber certificate has basicConstraints, the Baseline Requirements require it critical.", "", "", ["e_sub_cert_basic_constraints_not_critical"], [];
    "sub_key_cert_sign" Error "CA/B BR §7.1.2.7.11" BR, TLS, Check::Test(sub_key_cert_sign),
        "A subscriber key must not sign certificates or CRLs.", "keyUsage keyCertSign or cRLSign in a subscriber certificate.", "Reissue with digitalSignature (and keyEncipherment for RSA).", ["e_sub_cert_key_usage_cert_sign_bit_set", "e_sub_cert_key_usage_crl_sign_bit_set"], [];
    "sub_ec_key_agreement" Warning "CA/B BR §7.1.2.7.11" SC62, TLS, Check::Test(sub_ec_key_agreement),
        "keyAgreement is NOT RECOMMENDED for an EC subscriber key: TLS uses it to sign.", "keyUsage keyAgreement on an EC subscriber key.", "Reissue with digitalSignature only.", ["w_cabf_ecc_ku_keyagreement_present"], [];
    "sub_ski_not_recommended" Warning "CA/B BR §7.1.2.7.6" SC62, TLS, Check::Absent(ID_CE_SUBJECT_KEY_IDENTIFIER),
        "The Baseline Requirements make subjectKeyIdentifier NOT RECOMMENDED in subscriber certificates: nothing uses it.", "", "", ["w_ext_subject_key_identifier_not_recommended_subscriber"], [];
    "sub_san_email" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(sub_san_email),
        "A TLS certificate names hosts (dNSName, iPAddress) only.", "An rfc822Name in a TLS subscriber's subjectAltName.", "Reissue with DNS names and IP addresses only.", ["e_ext_san_rfc822_name_present"], [];
    "sub_san_uri" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(sub_san_uri),
        "A TLS certificate names hosts (dNSName, iPAddress) only.", "A URI in a TLS subscriber's subjectAltName.", "Reissue with DNS names and IP addresses only.", ["e_ext_san_uniform_resource_identifier_present"], [];
    "sub_san_other_name" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(sub_san_other_name),
        "A TLS certificate names hosts (dNSName, iPAddress) only.", "An otherName in a TLS subscriber's subjectAltName.", "Reissue with DNS names and IP addresses only.", ["e_ext_san_other_name_present"], [];
    "sub_san_directory_name" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(sub_san_directory_name),
        "A TLS certificate names hosts (dNSName, iPAddress) only.", "A directoryName in a TLS subscriber's subjectAltName.", "Reissue with DNS names and IP addresses only.", ["e_ext_san_directory_name_present"], [];
    "sub_san_registered_id" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(sub_san_registered_id),
        "A TLS certificate names hosts (dNSName, iPAddress) only.", "A registeredID in a TLS subscriber's subjectAltName.", "Reissue with DNS names and IP addresses only.", ["e_ext_san_registered_id_present"], [];
    "sub_san_edi_x400" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(sub_san_edi_x400),
        "A TLS certificate names hosts (dNSName, iPAddress) only.", "An ediPartyName or x400Address in a TLS subscriber's subjectAltName.", "Reissue with DNS names and IP addresses only.", ["e_ext_san_edi_party_name_present"], [];
    "san_reserved_ip" Error "CA/B BR §7.1.2.7.12" BR, TLS, Check::Test(san_reserved_ip),
        "Public CAs cannot validate private or reserved addresses: anyone may use them.", "An iPAddress in a reserved range (private, loopback, link-local, documentation, …).", "Use a public address, or a private CA for private ones.", ["e_ext_san_contains_reserved_ip"], ["cabf.serverauth.san_reserved_ip_address"];
    "dns_underscore" Error "CA/B BR §7.1.2.7.12" NO_UNDERSCORE, TLS, Check::Test(dns_underscore),
        "Underscores are not allowed in host names; the CA/B Forum ended them in public certificates on 1 April 2019.", "A dNSName with an underscore.", "Rename the host without `_`.", ["e_underscore_not_permissible_in_dnsname"], ["cabf.serverauth.dns_name_underscore_present"];
    "sub_crldp_not_http" Error "CA/B BR §7.1.2.11.2" SC62, PUBLIC, Check::Test(crldp_not_http),
        "Clients fetch CRLs over plain HTTP; the Baseline Requirements require an http:// URL.", "A CRL distribution point without an http:// URI.", "Point to the CRL with an http:// URL.", ["e_crl_distrib_points_not_http", "e_sub_cert_crl_distribution_points_does_not_contain_url", "e_sub_ca_crl_distribution_points_does_not_contain_url"], [];
    "crldp_crl_issuer" Error "CA/B BR §7.1.2.11.2" SC62, PUBLIC, Check::Test(crldp_crl_issuer),
        "The Baseline Requirements forbid indirect CRLs and partitioned reasons in distribution points.", "A CRL distribution point with cRLIssuer or reasons.", "Give only the CRL's URL.", ["e_crlissuer_must_not_be_present_in_cdp"], [];
    "crldp_missing_without_ocsp" Error "CA/B BR §7.1.2.11.2" SC63, TLS, Check::Test(crldp_missing_without_ocsp),
        "Since OCSP became optional, a subscriber certificate without an OCSP URL must say where its CRL is.", "No cRLDistributionPoints and no OCSP URL.", "Add `crlDistributionPoints=URI:http://…`.", ["e_missing_crl_distrib_point"], [];
    "dv_subject" Error "CA/B BR §7.1.2.7.2" SC62, Kinds::TLS_DV, Check::Test(dv_subject),
        "A DV certificate validates only domains: its subject may say only the domain (commonName) and a country.", "A DV subject with an attribute other than commonName or countryName.", "Reissue with the subject `CN=<a SAN>` or an empty one.", ["e_cab_dv_subject_invalid_values"], [];
    "dv_organization" Error "CA/B BR §7.1.6.4" BR, Kinds::TLS_DV, Check::NoAttr(O),
        "A DV certificate validated no organisation and must not name one.", "", "", ["e_cab_dv_conflicts_with_org"], [];
    "dv_locality" Error "CA/B BR §7.1.6.4" BR, Kinds::TLS_DV, Check::NoAttr(L),
        "A DV certificate validated no address.", "", "", ["e_cab_dv_conflicts_with_locality"], [];
    "dv_province" Error "CA/B BR §7.1.6.4" BR, Kinds::TLS_DV, Check::NoAttr(ST),
        "A DV certificate validated no address.", "", "", ["e_cab_dv_conflicts_with_province"], [];
    "dv_street" Error "CA/B BR §7.1.6.4" BR, Kinds::TLS_DV, Check::NoAttr(STREET),
        "A DV certificate validated no address.", "", "", ["e_cab_dv_conflicts_with_street"], [];
    "dv_postal_code" Error "CA/B BR §7.1.6.4" BR, Kinds::TLS_DV, Check::NoAttr(POSTAL_CODE),
        "A DV certificate validated no address.", "", "", ["e_cab_dv_conflicts_with_postal"], [];
    "ov_organization" Error "CA/B BR §7.1.2.7.4" BR, Kinds::TLS_OV, Check::Attr(O),
        "An OV certificate names the organisation that was validated.", "", "", ["e_cab_ov_requires_org"], [];
    "ov_country" Error "CA/B BR §7.1.2.7.4" BR, Kinds::TLS_OV, Check::Attr(C),
        "An OV certificate names the organisation's country.", "", "", ["e_cert_policy_ov_requires_country"], [];
    "ov_locality_or_province" Error "CA/B BR §7.1.2.7.4" BR, Kinds::TLS_OV, Check::Test(locality_or_province),
        "An OV certificate names where the organisation is: a locality, a state or province, or both.", "An OV subject without localityName or stateOrProvinceName.", "Reissue with L and/or ST.", ["e_cert_policy_ov_requires_province_or_locality"], [];
    "iv_personal_name" Error "CA/B BR §7.1.2.7.3" Some("2015-09-28"), Kinds::TLS_IV, Check::Test(iv_personal_name),
        "An IV certificate names the individual: givenName and surname (or a pseudonym).", "An IV subject without givenName and surname.", "Reissue with GN and SN.", ["e_cab_iv_requires_personal_name"], [];
    "iv_country" Error "CA/B BR §7.1.2.7.3" Some("2015-09-28"), Kinds::TLS_IV, Check::Attr(C),
        "An IV certificate names the individual's country.", "", "", ["e_cert_policy_iv_requires_country"], [];
    "iv_locality_or_province" Error "CA/B BR §7.1.2.7.3" Some("2015-09-28"), Kinds::TLS_IV, Check::Test(locality_or_province),
        "An IV certificate names where the individual is: a locality, a state or province, or both.", "An IV subject without localityName or stateOrProvinceName.", "Reissue with L and/or ST.", ["e_cert_policy_iv_requires_province_or_locality"], [];
    "organizational_unit" Error "CA/B BR §7.1.2.7.4" OU_BAN, TLS, Check::NoAttr(OU),
        "The CA/B Forum banned organizationalUnitName from 1 September 2022: CAs did not validate it.", "", "", ["e_organizational_unit_name_prohibited"], ["cabf.serverauth.organizational_unit_name_present"];
    "ca_organizational_unit" Error "CA/B BR §7.1.2.10.2" SC62, Kinds::ROOT.and(Kinds::TLS_CA).and(Kinds::OTHER_CA), Check::NoAttr(OU),
        "The Baseline Requirements forbid organizationalUnitName in CA certificates from BR 2.0.", "", "", ["e_subj_orgunit_in_ca_cert"], [];
    "ou_without_organization" Error "CA/B BR §7.1.4.2.2" Some("2021-08-16"), TLS, Check::Test(ou_without_organization),
        "An organisational unit means something only inside an organisation.", "organizationalUnitName without organizationName.", "Drop OU (it is banned now anyway).", ["e_subject_contains_organizational_unit_name_and_no_organization_name"], [];
    "duplicate_attribute" Error "CA/B BR §7.1.4.1" SC62, TLS.and(PCA), Check::Test(duplicate_attribute),
        "The Baseline Requirements allow each subject attribute once (domainComponent and streetAddress excepted).", "A subject attribute that appears more than once.", "Reissue with each attribute once.", ["e_duplicate_subject_attribs"], ["cabf.serverauth.subject_attribute_duplicated"];
    "cn_not_from_san" Error "CA/B BR §7.1.4.2.2" BR, TLS, Check::Test(cn_not_from_san),
        "A subscriber certificate's commonName, when present, must be one of its SAN entries: clients read the SAN, and a CN outside it names a host nobody validated.", "A commonName that is not among the SAN's DNS names and IP addresses.", "Use one of the SAN's names as the CN, or leave the CN out.", ["e_subject_common_name_not_from_san"], ["cabf.serverauth.subscriber_common_name_unknown_source"];
    "cn_not_exactly_from_san" Error "CA/B BR §7.1.4.2.2" Some("2021-08-25"), TLS, Check::Test(cn_not_exactly_from_san),
        "Since BR 1.8.0 the commonName must repeat a SAN entry byte for byte (same case, same form).", "A commonName that is not byte-for-byte one of the SAN's DNS names or IP addresses.", "Copy the SAN entry into the CN exactly.", ["e_subject_common_name_not_exactly_from_san"], [];
    "common_name_included" Warning "CA/B BR §7.1.2.7.2" SC62, TLS, Check::NoAttr(CN),
        "commonName is NOT RECOMMENDED in subscriber certificates: clients ignore it and it is one more field to get wrong.", "", "", ["w_subject_common_name_included"], [];
    "extra_common_names" Warning "CA/B BR §7.1.4.2.2" BR, TLS, Check::Test(extra_common_names),
        "A subject carries at most one commonName.", "More than one commonName.", "Keep one CN (or none).", ["w_extra_subject_common_names"], [];
    "ev_organization" Error "EV Guidelines §9.2.1" EVG, Kinds::TLS_EV, Check::Attr(O),
        "An EV certificate names the organisation that was validated.", "", "", ["e_ev_organization_name_missing"], [];
    "ev_business_category" Error "EV Guidelines §9.2.3" EVG, Kinds::TLS_EV, Check::Attr(BUSINESS_CATEGORY),
        "An EV certificate says what kind of entity the organisation is.", "", "", ["e_ev_business_category_missing"], [];
    "ev_serial_number" Error "EV Guidelines §9.2.6" EVG, Kinds::TLS_EV, Check::Attr(SERIAL_NUMBER),
        "An EV certificate carries the organisation's registration number.", "", "", ["e_ev_serial_number_missing"], [];
    "ev_country" Error "EV Guidelines §9.2.4" EVG, Kinds::TLS_EV, Check::Attr(C),
        "An EV certificate names the organisation's country.", "", "", ["e_ev_country_name_missing"], [];
    "ev_jurisdiction_country" Error "EV Guidelines §9.2.5" EVG, Kinds::TLS_EV, Check::Attr(JURISDICTION_C),
        "An EV certificate names the country whose registry holds the organisation.", "", "", [], ["cabf.ev_guidelines.jurisdiction_country_missing"];
    "ev_wildcard" Error "EV Guidelines §9.8.1" EVG, Kinds::TLS_EV, Check::Test(ev_wildcard),
        "EV certificates must name each host: wildcards are not allowed (onion services excepted).", "A wildcard dNSName in an EV certificate.", "List each host name.", ["e_ev_not_wildcard"], [];
    "ev_ip_address" Error "EV Guidelines §9.8.1" EVG, Kinds::TLS_EV, Check::Test(ev_ip_address),
        "EV certificates name domains, not IP addresses.", "An iPAddress in an EV certificate.", "Use an OV certificate for addresses.", ["e_ev_san_ip_address_present"], [];

    // CA/B TLS BR §7.1.2.1: root CA certificates.
    "root_eku" Error "CA/B BR §7.1.2.1.2" BR, ROOT, Check::Absent(ID_CE_EXT_KEY_USAGE),
        "A root must not restrict purposes: root stores do that, and an EKU in a root breaks some clients.", "", "", ["e_root_ca_extended_key_usage_present"], ["cabf.root.extended_key_usage_present"];
    "root_policies" Warning "CA/B BR §7.1.2.1.2" BR, ROOT, Check::Absent(ID_CE_CERTIFICATE_POLICIES),
        "certificatePolicies is NOT RECOMMENDED in a root: policies are asserted lower in the chain.", "", "", ["w_root_ca_contains_cert_policy"], [];
    "root_path_len" Warning "CA/B BR §7.1.2.1.4" BR, ROOT, Check::Test(root_path_len),
        "pathLenConstraint is NOT RECOMMENDED in a root: it cannot be changed for its lifetime.", "A root with basicConstraints pathLenConstraint.", "Leave pathLenConstraint out of roots.", ["w_root_ca_basic_constraints_path_len_constraint_field_present"], [];
    "root_validity" Error "CA/B BR §7.1.2.1.1" SC62, ROOT, Check::Test(root_validity),
        "The Baseline Requirements limit a root's validity to 9132 days (25 years).", "A root valid for more than 9132 days.", "Issue roots for at most 25 years.", [], ["cabf.root.validity_period_too_long"];

    // CA/B TLS BR §7.1.2.10, §7.1.2.6: CA certificates.
    "ca_key_usage_missing" Error "RFC 5280 §4.2.1.3; CA/B BR §7.1.2.10.7" None, CA, Check::Present(ID_CE_KEY_USAGE),
        "RFC 5280 requires keyUsage in certificates whose key signs certificates or CRLs.", "", "", ["e_ca_key_usage_missing", "e_root_ca_key_usage_present"], ["pkix.ca_certificate_key_usage_missing"];
    "ca_key_usage_not_critical" Error "CA/B BR §7.1.2.10.7" BR, PCA, Check::Critical(ID_CE_KEY_USAGE),
        "The Baseline Requirements require keyUsage critical in CA certificates.", "", "", ["e_ca_key_usage_not_critical", "e_root_ca_key_usage_must_be_critical"], [];
    "ca_crl_sign" Error "CA/B BR §7.1.2.10.7" BR, PCA, Check::Test(ca_crl_sign),
        "A public CA signs CRLs with its key, so keyUsage must allow cRLSign.", "A CA certificate whose keyUsage lacks cRLSign.", "Reissue with `keyUsage=critical,keyCertSign,cRLSign`.", ["e_ca_crl_sign_not_set"], [];
    "ca_digital_signature" Notice "CA/B BR §7.1.2.10.7" BR, PCA, Check::Test(ca_digital_signature),
        "Without digitalSignature the CA key cannot sign OCSP responses itself.", "A CA certificate whose keyUsage lacks digitalSignature.", "Add digitalSignature if the CA signs OCSP responses directly.", ["n_ca_digital_signature_not_set"], [];
    "ca_country" Error "CA/B BR §7.1.2.10.2" BR, PSUB, Check::Attr(C),
        "A public CA's name says its country.", "", "", ["e_ca_country_name_missing"], [];
    "ca_organization" Error "CA/B BR §7.1.2.10.2" BR, PSUB, Check::Attr(O),
        "A public CA's name says which organisation runs it.", "", "", ["e_ca_organization_name_missing"], [];
    "ca_common_name" Error "CA/B BR §7.1.2.10.2" BR, PSUB, Check::Attr(CN),
        "A public CA's name has a commonName that identifies it uniquely.", "", "", ["e_ca_common_name_missing"], [];
    "ca_reserved_policy_count" Error "CA/B BR §7.1.2.10.5" SC62, SUBCA, Check::Test(ca_reserved_policy_count),
        "A subordinate CA asserts at most one CA/B Forum reserved policy OID, or anyPolicy.", "More than one CA/B Forum reserved policy OID in a CA certificate.", "Reissue with one reserved OID (or anyPolicy).", ["e_ca_multiple_reserved_policy_oids"], [];
    "subca_aia_missing" Error "CA/B BR §7.1.2.10.3" BR, SUBCA, Check::Present(ID_PE_AUTHORITY_INFO_ACCESS),
        "Clients fetch the issuing CA from authorityInfoAccess; the Baseline Requirements require it in subordinate CAs.", "", "", ["e_sub_ca_aia_missing"], [];
    "subca_aia_no_ca_issuers" Warning "CA/B BR §7.1.2.10.3" BR, SUBCA, Check::Test(aia_no_ca_issuers),
        "Clients fetch the issuing CA from the caIssuers URL.", "authorityInfoAccess without a caIssuers URL.", "Add `caIssuers;URI:http://…`.", ["w_sub_ca_aia_does_not_contain_issuing_ca_url"], [];
    "subca_policies_missing" Error "CA/B BR §7.1.2.10.5" BR, SUBCA, Check::Present(ID_CE_CERTIFICATE_POLICIES),
        "A subordinate CA says which policies it issues under.", "", "", ["e_sub_ca_certificate_policies_missing"], [];
    "subca_policies_critical" Warning "CA/B BR §7.1.2.10.5" BR, SUBCA, Check::NotCritical(ID_CE_CERTIFICATE_POLICIES),
        "Clients that do not process policies must still accept the CA.", "", "", ["w_sub_ca_certificate_policies_marked_critical"], [];
    "subca_crldp_missing" Error "CA/B BR §7.1.2.10.2" BR, SUBCA, Check::Present(ID_CE_CRL_DISTRIBUTION_POINTS),
        "A subordinate CA's revocation is published by CRL; clients need its URL.", "", "", ["e_sub_ca_crl_distribution_points_missing"], [];
    "subca_crldp_critical" Error "CA/B BR §7.1.2.10" BR, SUBCA, Check::NotCritical(ID_CE_CRL_DISTRIBUTION_POINTS),
        "The Baseline Requirements require cRLDistributionPoints non-critical.", "", "", ["e_sub_ca_crl_distribution_points_marked_critical"], [];
    "subca_eku_missing" Notice "CA/B BR §7.1.2.10.6" BR, SUBCA, Check::Present(ID_CE_EXT_KEY_USAGE),
        "Without extendedKeyUsage a subordinate CA is not technically constrained to TLS.", "", "", ["n_sub_ca_eku_missing"], [];
    "subca_eku_critical" Warning "CA/B BR §7.1.2.10.6" BR, SUBCA, Check::NotCritical(ID_CE_EXT_KEY_USAGE),
        "Some clients refuse a CA whose extendedKeyUsage is critical.", "", "", ["w_sub_ca_eku_critical"], [];
    "subca_eku_any" Error "CA/B BR §7.1.2.10.6" SC62, SUBCA, Check::NoEku(ANY_EXTENDED_KEY_USAGE),
        "A TLS subordinate CA must not be allowed every purpose.", "", "", ["e_ca_invalid_eku"], [];
    "subca_eku_email" Error "CA/B BR §7.1.2.10.6" SC62, SUBCA, Check::NoEku(ID_KP_EMAIL_PROTECTION),
        "TLS and S/MIME hierarchies must be kept apart.", "", "", ["e_ca_invalid_eku"], [];
    "subca_eku_code_signing" Error "CA/B BR §7.1.2.10.6" SC62, SUBCA, Check::NoEku(ID_KP_CODE_SIGNING),
        "TLS and code signing hierarchies must be kept apart.", "", "", ["e_ca_invalid_eku"], [];
    "subca_eku_time_stamping" Error "CA/B BR §7.1.2.10.6" SC62, SUBCA, Check::NoEku(ID_KP_TIME_STAMPING),
        "TLS and time-stamping hierarchies must be kept apart.", "", "", ["e_ca_invalid_eku"], [];
    "subca_eku_ocsp_signing" Error "CA/B BR §7.1.2.10.6" SC62, SUBCA, Check::NoEku(ID_KP_OCSP_SIGNING),
        "A CA certificate must not carry the OCSP responder purpose.", "", "", ["e_ca_invalid_eku"], [];
    "subca_aki_missing" Error "CA/B BR §7.1.2.10" BR, SUBCA, Check::Present(ID_CE_AUTHORITY_KEY_IDENTIFIER),
        "A subordinate CA names its issuer's key.", "", "", [], [];

    // CA/B TLS BR §7.1.2.8: OCSP responder certificates.
    "ocsp_nocheck_missing" Error "CA/B BR §7.1.2.8.2" SC62, OCSP, Check::Present(ID_PKIX_OCSP_NOCHECK),
        "Without id-pkix-ocsp-nocheck, clients would have to check the responder's own revocation, in a loop.", "", "", [], ["cabf.serverauth.ocsp_responder.ocsp_no_check_missing"];
    "ocsp_crldp" Error "CA/B BR §7.1.2.8.2" SC62, OCSP, Check::Absent(ID_CE_CRL_DISTRIBUTION_POINTS),
        "A responder certificate is not checked for revocation (it has ocsp-nocheck); a CRL pointer contradicts that.", "", "", ["e_ocsp_cert_cdp_forbidden"], [];
    "ocsp_policies" Error "CA/B BR §7.1.2.8.2" SC62, OCSP, Check::Absent(ID_CE_CERTIFICATE_POLICIES),
        "The Baseline Requirements do not allow certificatePolicies in OCSP responder certificates.", "", "", ["e_ocsp_cert_cp_forbidden"], [];
    "ocsp_key_usage" Error "CA/B BR §7.1.2.8.7" SC62, OCSP, Check::Test(ocsp_key_usage),
        "A responder's key signs responses: digitalSignature, and nothing else.", "An OCSP responder certificate whose keyUsage is not digitalSignature alone.", "Reissue with `keyUsage=critical,digitalSignature`.", ["e_ocsp_cert_invalid_ku"], [];
    "ocsp_eku_only" Error "CA/B BR §7.1.2.8.6" SC62, OCSP, Check::Test(ocsp_eku_only),
        "A responder certificate has the OCSPSigning purpose only.", "An OCSP responder certificate with purposes besides OCSPSigning.", "Reissue with `extendedKeyUsage=OCSPSigning`.", [], ["cabf.serverauth.ocsp_responder.extended_key_usage_invalid"];

    // S/MIME Baseline Requirements §7.1.2.3.
    "smime_eku_email" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Eku(ID_KP_EMAIL_PROTECTION),
        "An S/MIME certificate must be for email protection.", "", "", [], ["cabf.smime.extended_key_usage_email_protection_missing"];
    "smime_eku_server_auth" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::NoEku(ID_KP_SERVER_AUTH),
        "S/MIME and TLS certificates must be kept apart.", "", "", [], [];
    "smime_eku_code_signing" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::NoEku(ID_KP_CODE_SIGNING),
        "S/MIME and code signing certificates must be kept apart.", "", "", [], [];
    "smime_eku_time_stamping" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::NoEku(ID_KP_TIME_STAMPING),
        "S/MIME and time-stamping certificates must be kept apart.", "", "", [], [];
    "smime_eku_any" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Test(smime_eku_any),
        "Strict and multipurpose S/MIME certificates must not allow every purpose.", "anyExtendedKeyUsage in a strict or multipurpose S/MIME certificate.", "Reissue with emailProtection.", [], [];
    "smime_strict_eku_only" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Test(smime_strict_eku_only),
        "A strict S/MIME certificate has the emailProtection purpose only.", "A strict S/MIME certificate with purposes besides emailProtection.", "Reissue with `extendedKeyUsage=emailProtection`.", [], [];
    "smime_san_missing" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Present(ID_CE_SUBJECT_ALT_NAME),
        "An S/MIME certificate names its mailbox in subjectAltName.", "", "", [], [];
    "smime_san_no_mailbox" Error "CA/B S/MIME BR §7.1.4.2.1" SMIME_BR, SMIME, Check::Test(smime_san_no_mailbox),
        "Mail clients match the sender's address against the SAN's rfc822Name.", "No rfc822Name (or SmtpUTF8Mailbox) in an S/MIME certificate's subjectAltName.", "Reissue with the mailbox address in the SAN.", [], [];
    "smime_validity" Error "CA/B S/MIME BR §6.3.2" SMIME_BR, SMIME, Check::Test(smime_validity),
        "S/MIME subscriber certificates are limited to 825 days (strict and multipurpose) or 1185 days (legacy).", "An S/MIME certificate valid longer than its generation allows.", "Reissue with a shorter validity.", [], [];
    "smime_crldp_missing" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Present(ID_CE_CRL_DISTRIBUTION_POINTS),
        "An S/MIME certificate says where its CRL is.", "", "", [], [];
    "smime_policies_missing" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Present(ID_CE_CERTIFICATE_POLICIES),
        "An S/MIME certificate asserts its S/MIME BR policy.", "", "", [], [];

    "smime_one_policy" Error "CA/B S/MIME BR §7.1.6.1" SMIME_BR, SMIME, Check::Test(smime_one_policy),
        "An S/MIME certificate asserts exactly one of the S/MIME BR reserved policies: its validation type and generation.", "Not exactly one S/MIME BR reserved policy OID (2.23.140.1.5.x.y).", "Reissue with the one policy OID of its type and generation.", ["e_exactly_one_smime_policy"], [];
    "smime_mailbox_common_name" Error "CA/B S/MIME BR §7.1.4.2.2" SMIME_BR, Kinds::SMIME_MAILBOX, Check::Test(smime_mailbox_common_name),
        "A mailbox-validated certificate validated only the mailbox: a commonName, if present, is that mailbox address.", "A mailbox-validated certificate whose commonName is not an email address.", "Put the mailbox address in the CN, or leave the CN out.", ["e_commonname_mailbox_validated"], [];
    "smime_mailbox_subject" Error "CA/B S/MIME BR §7.1.4.2.3" SMIME_BR, Kinds::SMIME_MAILBOX, Check::Test(smime_mailbox_subject),
        "A mailbox-validated certificate may name only what was validated: commonName, serialNumber or emailAddress.", "A mailbox-validated subject with an attribute other than commonName, serialNumber and emailAddress.", "Reissue with the mailbox only.", ["e_mailbox_validated_enforce_subject_field_restrictions", "e_mailbox_validated_allowed_subjectdn_attributes"], [];
    "smime_personal_name" Error "CA/B S/MIME BR §7.1.4.2.5" SMIME_BR, Kinds::SMIME_INDIVIDUAL.and(Kinds::SMIME_SPONSORED), Check::Test(smime_personal_name),
        "Individual- and sponsor-validated certificates (multipurpose and strict) name the person: givenName and/or surname, or a pseudonym.", "An individual- or sponsor-validated S/MIME certificate with neither givenName/surname nor pseudonym.", "Reissue with the person's name (GN, SN) or a pseudonym.", ["e_invalid_individual_identity"], [];
    "smime_directory_attributes" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::Test(smime_directory_attributes),
        "Strict and multipurpose S/MIME certificates must not carry subjectDirectoryAttributes.", "subjectDirectoryAttributes in a strict or multipurpose S/MIME certificate.", "Leave it out.", ["e_strict_multipurpose_smime_ext_subject_directory_attr"], [];
    "smime_qc_statements_critical" Error "CA/B S/MIME BR §7.1.2.3" SMIME_BR, SMIME, Check::NotCritical(QC_STATEMENTS),
        "qcStatements may be present in S/MIME certificates but not critical.", "", "", ["e_smime_qc_statements_must_not_be_critical"], [];
    "smime_legacy_deprecated" Error "CA/B S/MIME BR §7.1.6.1 (ballot SMC-08)" Some("2025-07-15"), SMIME, Check::Test(smime_legacy_deprecated),
        "Ballot SMC-08 ended the legacy generation: S/MIME certificates issued from 15 July 2025 are multipurpose or strict.", "A legacy-generation S/MIME certificate (2.23.140.1.5.x.1) issued from 15 July 2025.", "Issue under the multipurpose or strict policy.", ["e_legacy_generation_deprecated"], [];

    // ETSI EN 319 412-5: QC statements (EU qualified certificates).
    "etsi_qc_statements_critical" Error "ETSI EN 319 412-5 §4" Some("2017-11-01"), ANY, Check::Test(etsi_qc_statements_critical),
        "ETSI requires qcStatements non-critical, so that clients outside the EU trust framework still accept the certificate.", "qcStatements marked critical while it holds ETSI statements.", "Reissue with qcStatements non-critical.", ["e_qcstatem_etsi_present_qcs_critical"], ["etsi.qc_statements_extension_critical"];
    "etsi_qc_duplicate" Error "ETSI EN 319 412-5 QCS-4.1-02A" Some("2026-05-01"), ANY, Check::Test(etsi_qc_duplicate),
        "Each QC statement appears once; a second copy may contradict the first.", "A QC statement that appears twice.", "Reissue with each statement once.", ["e_duplicate_etsi_qcstatement"], [];
    "etsi_qc_compliance_info" Error "ETSI EN 319 412-5 §4.2.1" Some("2017-11-01"), ANY, Check::Test(etsi_qc_compliance_info),
        "QcCompliance is a bare statement: it says the certificate is an EU qualified certificate, nothing more.", "QcCompliance with statementInfo.", "Reissue with QcCompliance alone.", ["e_qcstatem_qccompliance_valid"], [];
    "etsi_qc_sscd_info" Error "ETSI EN 319 412-5 §4.2.2" Some("2017-11-01"), ANY, Check::Test(etsi_qc_sscd_info),
        "QcSSCD is a bare statement: the key is on a qualified signature creation device.", "QcSSCD with statementInfo.", "Reissue with QcSSCD alone.", ["e_qcstatem_qcsscd_valid"], [];
    "etsi_qc_retention_invalid" Error "ETSI EN 319 412-5 §4.3.3" Some("2017-11-01"), ANY, Check::Test(etsi_qc_retention_invalid),
        "QcRetentionPeriod says for how many years registration data is kept: one non-negative INTEGER.", "QcRetentionPeriod whose statementInfo is not an INTEGER of years.", "Reissue with the number of years.", ["e_qcstatem_qcretentionperiod_valid"], [];
    "etsi_qc_type_invalid" Error "ETSI EN 319 412-5 §4.2.3" Some("2017-11-01"), ANY, Check::Test(etsi_qc_type_invalid),
        "QcType lists what the qualified certificate is for: eSign, eSeal or web, at least one.", "QcType missing its list, empty, or listing other OIDs.", "Reissue with QcType listing id-etsi-qct-esign, -eseal or -web.", ["e_qcstatem_qctype_valid"], [];
    "etsi_qc_type_as_statement" Error "ETSI EN 319 412-5 §4.2.3" Some("2017-11-01"), ANY, Check::Test(etsi_qc_type_as_statement),
        "A QcType OID names a type inside the QcType statement, not a statement of its own: clients look for it inside QcType.", "A statement whose OID is a QcType OID (id-etsi-qct-*).", "Put the type inside a QcType statement.", ["e_qcstatem_etsi_type_as_statem"], [];
    "etsi_qc_pds_not_https" Error "ETSI EN 319 412-5 §4.3.4" Some("2023-09-01"), ANY, Check::Test(etsi_qc_pds_not_https),
        "The PKI disclosure statement must be reachable over HTTPS (EN 319 412-5 v2.4.1).", "A QcPDS location that is not an https:// URL.", "Publish the PDS at an https:// URL.", ["e_qcstatem_pds_must_have_https_only"], [];
    "etsi_qc_pds_language" Warning "ETSI EN 319 412-5 §4.3.4" Some("2017-11-01"), ANY, Check::Test(etsi_qc_pds_language),
        "A PDS's language is an ISO 639-1 code, in lower case.", "A QcPDS language that is not two lower-case letters.", "Write the language as `en`, `de`, …", ["w_qcstatem_qcpds_lang_case"], [];

    // Code Signing Baseline Requirements.
    "cs_eku_code_signing" Error "CA/B CS BR §7.1.2.3" CS_BR, CS, Check::Eku(ID_KP_CODE_SIGNING),
        "A code signing certificate must be for code signing.", "", "", ["e_cs_eku_required"], [];
    "cs_eku_server_auth" Error "CA/B CS BR §7.1.2.3" CS_BR, CS, Check::NoEku(ID_KP_SERVER_AUTH),
        "Code signing and TLS certificates must be kept apart.", "", "", ["e_cs_eku_required"], [];
    "cs_eku_any" Error "CA/B CS BR §7.1.2.3" CS_BR, CS, Check::NoEku(ANY_EXTENDED_KEY_USAGE),
        "A code signing key must not be allowed every purpose.", "", "", ["e_cs_eku_required"], [];
    "cs_key_usage" Error "CA/B CS BR §7.1.2.3" CS_BR, CS, Check::Test(cs_key_usage),
        "A code signing certificate has keyUsage digitalSignature, critical.", "A code signing certificate without a critical keyUsage with digitalSignature, or with keyCertSign or cRLSign.", "Reissue with `keyUsage=critical,digitalSignature`.", ["e_cs_key_usage_required"], [];
    "cs_aia" Error "CA/B CS BR §7.1.2.3" CS_BR, CS, Check::Present(ID_PE_AUTHORITY_INFO_ACCESS),
        "Code signing verifiers fetch the issuer and its status from authorityInfoAccess.", "", "", ["e_cs_authority_information_access"], [];
    "cs_crldp" Error "CA/B CS BR §7.1.2.3" CS_BR, CS, Check::Present(ID_CE_CRL_DISTRIBUTION_POINTS),
        "Code signing verifiers check revocation by CRL.", "", "", ["e_cs_crl_distribution_points"], [];
    "cs_rsa_key_size" Error "CA/B CS BR §6.1.5" Some("2021-06-01"), CS, Check::Test(cs_rsa_key_size),
        "Code signatures live for years; the Code Signing BRs require RSA keys of 3072 bits or more from 1 June 2021.", "A code signing certificate with an RSA key under 3072 bits.", "Make a 3072-bit (or larger) key.", ["e_cs_rsa_key_size"], [];
    "cs_ec_curve" Error "CA/B CS BR §6.1.5" CS_BR, CS, Check::Test(cs_ec_curve),
        "The Code Signing BRs allow ECDSA on P-256, P-384 and P-521 only.", "A code signing key on another curve.", "Use P-256 or P-384.", ["e_cs_ecdsa_prohibited_curve"], [];
    "cs_validity" Error "CA/B CS BR §6.3.2" Some("2023-06-01"), CS, Check::Test(cs_validity),
        "Code signing certificates issued from 1 June 2023 may last at most 39 months (460 days from 1 March 2026, ballot CSC-31).", "A code signing certificate valid longer than allowed.", "Reissue with a shorter validity.", ["e_cs_max_validity_period_39_months", "e_cs_max_validity_period_460_days"], [];
    "cs_organization" Error "CA/B CS BR §7.1.4.2" CS_BR, CS, Check::Test(cs_organization),
        "A code signing certificate names the publisher: an organisation, or an individual by name.", "A code signing subject without organizationName (or givenName and surname).", "Reissue with O (or GN and SN).", ["e_cs_requires_org"], [];
    "cs_country" Error "CA/B CS BR §7.1.4.2" CS_BR, CS, Check::Attr(C),
        "A code signing certificate names the publisher's country.", "", "", ["e_cs_subject_country_name"], [];
    "cs_locality_or_province" Error "CA/B CS BR §7.1.4.2" CS_BR, CS, Check::Test(locality_or_province),
        "A code signing certificate names where the publisher is.", "A code signing subject without localityName or stateOrProvinceName.", "Reissue with L and/or ST.", ["e_cs_subject_locality_or_province_required"], [];

    // RFC 3161 §2.3: time-stamping authorities.
    "tsa_eku" Error "RFC 3161 §2.3" None, Kinds::TIMESTAMPING, Check::Test(tsa_eku),
        "RFC 3161 requires a time-stamping certificate's extendedKeyUsage to be critical and to hold timeStamping alone.", "A time-stamping certificate whose extendedKeyUsage is not critical or holds other purposes.", "Reissue with `extendedKeyUsage=critical,timeStamping`.", [], [];
}

/// The findings of every row that judges `profile` and is in effect for `ctx`.
pub(super) fn findings(ctx: &Ctx) -> Vec<crate::finding::Finding> {
    let not_before = ctx.report.not_before.0;
    TABLE
        .iter()
        .filter(|row| row.kinds.meets(ctx.profile.kinds) && row.rule.in_effect_for(not_before))
        .filter_map(|row| {
            let message = run(&row.check, ctx, row.rule.severity == Error)?;
            Some(crate::finding::finding(
                row.rule.severity,
                row.rule.code,
                row.rule.source,
                row.rule.id,
                message,
            ))
        })
        .collect()
}

fn ext_name(oid: &Oid) -> &'static str {
    crate::extension::lookup(oid).map_or("this extension", |e| e.name)
}

/// What `check` finds in `ctx`, if anything.
fn run(check: &Check, ctx: &Ctx, required: bool) -> Option<String> {
    let view = ctx.view;
    // Error rules state MUSTs; the others SHOULDs.
    let must = if required { "must" } else { "should" };
    let profile = || ctx.profile.name();
    match check {
        Check::Present(oid) => view
            .ext(*oid)
            .is_none()
            .then(|| format!("no {}: a {} {must} carry it", ext_name(oid), profile())),
        Check::Absent(oid) => view.ext(*oid).is_some().then(|| {
            format!(
                "{} is present: a {} {must} not carry it",
                ext_name(oid),
                profile()
            )
        }),
        Check::Critical(oid) => view
            .ext(*oid)
            .filter(|e| !e.critical)
            .map(|_| format!("{} is not marked critical; it {must} be", ext_name(oid))),
        Check::NotCritical(oid) => view
            .ext(*oid)
            .filter(|e| e.critical)
            .map(|_| format!("{} is marked critical; it {must} not be", ext_name(oid))),
        Check::Attr(oid) => (!view.subject_attrs(*oid).any(|a| !a.value.is_empty())).then(|| {
            format!(
                "the subject has no {}: a {} {must} have it",
                crate::oids::name(oid),
                profile()
            )
        }),
        Check::NoAttr(oid) => view.subject_attrs(*oid).next().map(|_| {
            format!(
                "the subject has {}: a {} {must} not",
                crate::oids::name(oid),
                profile()
            )
        }),
        Check::MaxLen(oid, max) => view.subject_attrs(*oid).find_map(|a| {
            let length = text_length(a.tag, a.value);
            (length > usize::from(*max)).then(|| {
                format!(
                    "{} is {length} characters long; at most {max} are allowed",
                    crate::oids::name(oid)
                )
            })
        }),
        Check::Eku(oid) => (!view.has_eku(*oid)).then(|| {
            format!(
                "extendedKeyUsage lacks {}: a {} must have it",
                crate::oids::name(oid),
                profile()
            )
        }),
        Check::NoEku(oid) => view.has_eku(*oid).then(|| {
            format!(
                "extendedKeyUsage includes {}: a {} must not",
                crate::oids::name(oid),
                profile()
            )
        }),
        Check::Test(test) => test(ctx),
    }
}

/// A string value's length in characters (UTF-8 and one-byte strings; BMPString counts two
/// bytes a character, UniversalString four).
pub(super) fn text_length(tag: u8, value: &[u8]) -> usize {
    match tag {
        0x0c => String::from_utf8_lossy(value).chars().count(),
        0x1e => value.len() / 2,
        0x1c => value.len() / 4,
        _ => value.len(),
    }
}

/// Each row's documentation: what, why, fix, zlint, pkilint; what and fix told by the check
/// when the row leaves them empty.
pub(super) fn docs() -> impl Iterator<Item = (&'static Rule, super::Doc)> {
    TABLE
        .iter()
        .zip(DOCS)
        .map(|(row, (what, why, fix, zlint, pkilint))| {
            let (told_what, told_fix) = tell(&row.check, row.kinds);
            let what = if what.is_empty() {
                told_what
            } else {
                (*what).to_string()
            };
            let fix = if fix.is_empty() {
                told_fix
            } else {
                (*fix).to_string()
            };
            (
                &row.rule,
                super::Doc {
                    applies_to: super::Applies::Profiles(row.kinds),
                    zlint,
                    pkilint,
                    what: what.into(),
                    why: (*why).into(),
                    fix: fix.into(),
                },
            )
        })
}

/// What a one-fact check checks, and how to fix what it finds, in words.
fn tell(check: &Check, kinds: Kinds) -> (String, String) {
    let who = super::kind::kinds_name(kinds);
    match check {
        Check::Present(oid) => (
            format!("A {who} without {}.", ext_name(oid)),
            format!("Reissue with {}.", ext_name(oid)),
        ),
        Check::Absent(oid) => (
            format!("A {who} with {}.", ext_name(oid)),
            format!("Reissue without {}.", ext_name(oid)),
        ),
        Check::Critical(oid) => (
            format!("{} not marked critical.", ext_name(oid)),
            format!("Reissue with {} critical.", ext_name(oid)),
        ),
        Check::NotCritical(oid) => (
            format!("{} marked critical.", ext_name(oid)),
            format!("Reissue with {} non-critical.", ext_name(oid)),
        ),
        Check::Attr(oid) => (
            format!("A {who} whose subject has no {}.", crate::oids::name(oid)),
            format!("Reissue with {} in the subject.", crate::oids::name(oid)),
        ),
        Check::NoAttr(oid) => (
            format!("A {who} whose subject has {}.", crate::oids::name(oid)),
            format!("Reissue without {} in the subject.", crate::oids::name(oid)),
        ),
        Check::MaxLen(oid, max) => (
            format!(
                "A subject {} longer than {max} characters.",
                crate::oids::name(oid)
            ),
            format!(
                "Shorten {} to {max} characters or fewer.",
                crate::oids::name(oid)
            ),
        ),
        Check::Eku(oid) => (
            format!(
                "A {who} whose extendedKeyUsage lacks {}.",
                crate::oids::name(oid)
            ),
            format!("Reissue with extendedKeyUsage {}.", crate::oids::name(oid)),
        ),
        Check::NoEku(oid) => (
            format!(
                "A {who} whose extendedKeyUsage includes {}.",
                crate::oids::name(oid)
            ),
            format!(
                "Reissue without {} in extendedKeyUsage.",
                crate::oids::name(oid)
            ),
        ),
        Check::Test(_) => (String::new(), String::new()),
    }
}
