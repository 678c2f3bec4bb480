//! Every lint rule once: its stable id, the `code` its findings carry, severity, source,
//! effective date, what it applies to, the zlint lints and pkilint codes it corresponds to,
//! and its explanation (what, why, how to fix). [`super`] raises findings by rule;
//! docs/lint.md is generated from this table (a test keeps it current).

use crate::finding::Severity::{self, *};
use std::borrow::Cow;

/// One lint rule: what lint needs to raise its findings. Its documentation is a [`Doc`],
/// written beside it in the same table ([`RULES`]) and kept apart so that the web app's
/// wasm, which raises findings but does not explain rules, carries none of that text.
#[derive(Debug)]
pub struct Rule {
    /// Stable identifier, unique, never reused (docs/lint.md lists them).
    pub id: &'static str,
    /// The `code` its findings carry (shared by rules that are variants of one problem).
    pub code: &'static str,
    /// How much a finding of it matters (some rules lower it case by case, as documented).
    pub severity: Severity,
    /// The document and section it comes from.
    pub source: &'static str,
    /// The day it took effect (`YYYY-MM-DD`): certificates whose notBefore is earlier are not
    /// judged by it, as zlint does. `None`: always.
    pub effective: Option<&'static str>,
    /// The day a later rule superseded it (`YYYY-MM-DD`): certificates from then on are judged
    /// by that one instead. `None`: still in force.
    pub until: Option<&'static str>,
}

/// A rule's documentation: docs/lint.md and the CLI.
#[derive(Clone, Debug)]
pub struct Doc {
    /// What it looks at.
    pub applies_to: Applies,
    /// zlint lints that check the same thing.
    pub zlint: &'static [&'static str],
    /// pkilint finding codes that report the same thing.
    pub pkilint: &'static [&'static str],
    /// What it checks.
    pub what: Cow<'static, str>,
    /// Why it matters.
    pub why: Cow<'static, str>,
    /// How to fix what it finds.
    pub fix: Cow<'static, str>,
}

/// What a rule looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Every certificate.
    Certificate,
    /// Certificates used as TLS servers (names hosts, or serverAuth).
    TlsServer,
    /// CA certificates.
    Ca,
    /// End-entity certificates.
    Leaf,
    /// EC, DH and DSA domain parameters.
    Parameters,
    /// A bundle of certificates taken together.
    Bundle,
    /// Certificate revocation lists.
    Crl,
    /// OCSP responses.
    OcspResponse,
    /// JSON Web Keys.
    Jwk,
    /// OpenSSH keys.
    SshKey,
    /// OpenSSH certificates.
    SshCertificate,
    /// The certificates of these kinds (a profile rule's).
    #[cfg(feature = "ca-lint")]
    Profiles(super::kind::Kinds),
}

impl Applies {
    /// The name docs/lint.md uses.
    pub fn name(self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Applies::Certificate => "any certificate",
            Applies::TlsServer => "TLS server certificates",
            Applies::Ca => "CA certificates",
            Applies::Leaf => "end-entity certificates",
            Applies::Parameters => "domain parameters",
            Applies::Bundle => "bundles",
            Applies::Crl => "CRLs",
            Applies::OcspResponse => "OCSP responses",
            Applies::Jwk => "JSON Web Keys",
            Applies::SshKey => "OpenSSH keys and certificates",
            Applies::SshCertificate => "OpenSSH certificates",
            #[cfg(feature = "ca-lint")]
            Applies::Profiles(kinds) => return super::kind::kinds_name(kinds).into(),
        })
    }
}

const BASE: Rule = Rule {
    id: "",
    code: "",
    severity: Error,
    source: "",
    effective: None,
    until: None,
};

const DOC: Doc = Doc {
    applies_to: Applies::Certificate,
    zlint: &[],
    pkilint: &[],
    what: Cow::Borrowed(""),
    why: Cow::Borrowed(""),
    fix: Cow::Borrowed(""),
};

/// `NAME = { rule fields } { documentation fields },` for each rule: a constant lint raises
/// by, and a row of [`RULES`].
macro_rules! registry {
    ($($name:ident = { $($field:ident: $value:expr),* $(,)? } { $($doc:ident: $text:expr),* $(,)? }),* $(,)?) => {
        $(
            #[doc = concat!("Rule `", stringify!($name), "`.")]
            #[cfg_attr(not(feature = "ca-lint"), allow(dead_code, reason = "raised by ca-lint code"))]
            #[allow(clippy::needless_update, reason = "rules that give every field")]
            pub(super) const $name: Rule = Rule { $($field: $value,)* ..BASE };
        )*
        /// Every rule with its documentation, in the order docs/lint.md lists them.
        #[allow(clippy::needless_update, reason = "documentation that gives every field")]
        pub static RULES: &[(&Rule, Doc)] = &[$((&$name, Doc { $($doc: $text,)* ..DOC })),*];
    };
}

registry! {
    EXPIRED = { id: "expired", code: "expired", severity: Error, source: "RFC 5280 §4.1.2.5" } {
        what: Cow::Borrowed("The validity period has ended (notAfter is in the past)."),
        why: Cow::Borrowed("Every client refuses an expired certificate."),
        fix: Cow::Borrowed("Renew it, and automate renewal (ACME) so it does not lapse again."),
    },
    NOT_YET_VALID = { id: "not_yet_valid", code: "not_yet_valid", severity: Error, source: "RFC 5280 §4.1.2.5" } {
        what: Cow::Borrowed("The validity period has not begun (notBefore is in the future)."),
        why: Cow::Borrowed("Clients refuse it until then; usually a clock is wrong, the issuer's or the client's."),
        fix: Cow::Borrowed("Check both clocks (NTP); reissue with a notBefore a few minutes in the past."),
    },
    EXPIRES_SOON = { id: "expires_soon", code: "expires_soon", severity: Warning, source: "operational" } {
        what: Cow::Borrowed("It expires within 30 days."),
        why: Cow::Borrowed("Outages from forgotten renewals are the most common certificate failure."),
        fix: Cow::Borrowed("Renew it now."),
    },
    VALIDITY_TOO_LONG = { id: "validity_too_long", code: "validity_too_long", severity: Warning, source: "CA/B BR §6.3.2", effective: Some("2012-07-01") } {
        applies_to: Applies::TlsServer,
        zlint: &["e_sub_cert_valid_time_longer_than_39_months", "e_sub_cert_valid_time_longer_than_825_days", "e_tls_server_cert_valid_time_longer_than_398_days", "e_server_cert_valid_time_longer_than_200_days", "e_server_cert_valid_time_longer_than_100_days", "e_server_cert_valid_time_longer_than_47_days"],
        what: Cow::Borrowed("A TLS server certificate valid for longer than the CA/B Forum allowed on its issue date: 60 months from 2012-07-01, 39 months from 2015-04-01, 825 days from 2018-03-01, 398 days from 2020-09-01, 200 from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15."),
        why: Cow::Borrowed("Browsers refuse longer ones from public CAs; shorter lifetimes limit the damage of a leaked key."),
        fix: Cow::Borrowed("Reissue within the limit (private CAs are not bound by it, but clients like Safari still are)."),
    },
    WEAK_RSA_KEY = { id: "weak_rsa_key", code: "weak_rsa_key", severity: Error, source: "CA/B BR §6.1.5" } {
        zlint: &["e_rsa_mod_less_than_2048_bits"],
        pkilint: &["cabf.rsa_modulus_invalid_length"],
        what: Cow::Borrowed("An RSA key shorter than 2048 bits."),
        why: Cow::Borrowed("1024-bit RSA is within reach of well-funded attackers; clients refuse it."),
        fix: Cow::Borrowed("Make a new key of at least 2048 bits (or ECDSA P-256) and a certificate for it."),
    },
    UNCOMMON_KEY = { id: "uncommon_key", code: "uncommon_key", severity: Notice, source: "CA/B BR §6.1.5" } {
        pkilint: &["cabf.serverauth.prohibited_subject_public_key_algorithm_encoding"],
        what: Cow::Borrowed("A key type browsers do not accept for web PKI (Ed448, X25519, GOST, …)."),
        why: Cow::Borrowed("Fine for private uses that support it; a public TLS client will refuse it."),
        fix: Cow::Borrowed("For the web, use ECDSA P-256/P-384 or RSA 2048+."),
    },
    EXPLICIT_CURVE = { id: "explicit_curve", code: "explicit_curve", severity: Error, source: "RFC 5480 §2.1.1" } {
        zlint: &["e_ec_improper_curves"],
        what: Cow::Borrowed("An EC key whose curve is spelled out as parameters instead of named by OID."),
        why: Cow::Borrowed("RFC 5480 requires named curves; explicit parameters let a forged curve pass (CVE-2020-0601, \"CurveBall\")."),
        fix: Cow::Borrowed("Write the key with its curve's name (`openssl ec -param_enc named_curve`)."),
    },
    UNUSUAL_CURVE = { id: "unusual_curve", code: "unusual_curve", severity: Warning, source: "CA/B BR §6.1.5" } {
        zlint: &["e_ec_improper_curves"],
        what: Cow::Borrowed("An EC curve other than P-256, P-384 or P-521."),
        why: Cow::Borrowed("Browsers and the CA/B Forum accept only those three."),
        fix: Cow::Borrowed("Use P-256 (or P-384)."),
    },
    DSA_KEY = { id: "dsa_key", code: "dsa_key", severity: Error, source: "CA/B BR §6.1.5" } {
        zlint: &["e_br_prohibit_dsa_usage"],
        what: Cow::Borrowed("A DSA key."),
        why: Cow::Borrowed("Browsers removed DSA; the CA/B Forum no longer allows it."),
        fix: Cow::Borrowed("Use ECDSA P-256 or RSA 2048+."),
    },
    WEAK_DH = { id: "weak_dh", code: "weak_dh", severity: Error, source: "RFC 7919; Logjam (CVE-2015-4000)" } {
        applies_to: Applies::Parameters,
        what: Cow::Borrowed("Diffie-Hellman parameters under 2048 bits."),
        why: Cow::Borrowed("1024-bit groups are breakable by precomputation (Logjam); clients refuse them."),
        fix: Cow::Borrowed("Use a 2048-bit or larger group, ideally RFC 7919's ffdhe2048, or ECDHE only."),
    },
    MD5_SIGNATURE = { id: "md5_signature", code: "md5_signature", severity: Error, source: "CA/B BR §7.1.3.2" } {
        pkilint: &["cabf.serverauth.prohibited_signature_algorithm_encoding"],
        what: Cow::Borrowed("Signed with MD5 or MD2."),
        why: Cow::Borrowed("MD5 collisions are practical (a rogue CA was made with one in 2008)."),
        fix: Cow::Borrowed("Reissue with SHA-256."),
    },
    SHA1_SIGNATURE = { id: "sha1_signature", code: "sha1_signature", severity: Error, source: "CA/B BR §7.1.3.2" } {
        zlint: &["e_sub_cert_or_sub_ca_using_sha1"],
        pkilint: &["cabf.serverauth.prohibited_signature_algorithm_encoding"],
        what: Cow::Borrowed("Signed with SHA-1 (a self-signed root's own signature excepted)."),
        why: Cow::Borrowed("SHA-1 collisions are practical (SHAttered, 2017); browsers refuse SHA-1 links."),
        fix: Cow::Borrowed("Reissue with SHA-256."),
    },
    NEGATIVE_SERIAL = { id: "negative_serial", code: "negative_serial", severity: Error, source: "RFC 5280 §4.1.2.2" } {
        zlint: &["e_serial_number_not_positive"],
        pkilint: &["pkix.certificate_serial_number_out_of_range"],
        what: Cow::Borrowed("A negative serial number (a warning on old self-issued roots, which clients tolerate)."),
        why: Cow::Borrowed("RFC 5280 requires a positive integer; strict parsers refuse others."),
        fix: Cow::Borrowed("Reissue with a random positive serial."),
    },
    ZERO_SERIAL = { id: "zero_serial", code: "zero_serial", severity: Error, source: "RFC 5280 §4.1.2.2" } {
        zlint: &["e_serial_number_not_positive"],
        pkilint: &["pkix.certificate_serial_number_out_of_range"],
        what: Cow::Borrowed("A serial number of zero (a warning on old self-issued roots, which clients tolerate)."),
        why: Cow::Borrowed("RFC 5280 requires a positive integer."),
        fix: Cow::Borrowed("Reissue with a random positive serial."),
    },
    LONG_SERIAL = { id: "long_serial", code: "long_serial", severity: Error, source: "RFC 5280 §4.1.2.2" } {
        zlint: &["e_serial_number_longer_than_20_octets"],
        pkilint: &["pkix.certificate_serial_number_out_of_range"],
        what: Cow::Borrowed("A serial number longer than 20 bytes."),
        why: Cow::Borrowed("RFC 5280 caps serials at 20 octets; validators may refuse longer ones."),
        fix: Cow::Borrowed("Reissue with a serial of at most 20 bytes (16 random bytes is usual)."),
    },
    SHORT_SERIAL = { id: "short_serial", code: "short_serial", severity: Notice, source: "CA/B BR §7.1", effective: Some("2016-09-30") } {
        applies_to: Applies::TlsServer,
        what: Cow::Borrowed("A TLS server certificate whose serial has fewer than 8 bytes."),
        why: Cow::Borrowed("Public CAs must put at least 64 random bits in the serial, against chosen-prefix collisions."),
        fix: Cow::Borrowed("Issue with 16 random bytes of serial."),
    },
    NO_SAN = { id: "no_san", code: "no_san", severity: Error, source: "RFC 6125 §6.4.4; CA/B BR §7.1.2.7.12" } {
        applies_to: Applies::TlsServer,
        zlint: &["e_ext_san_missing"],
        what: Cow::Borrowed("A TLS server certificate without subjectAltName."),
        why: Cow::Borrowed("Browsers match host names against the SAN only; the CN is ignored."),
        fix: Cow::Borrowed("Reissue with the host names in the SAN (`-addext subjectAltName=DNS:…`)."),
    },
    CN_NOT_IN_SAN = { id: "cn_not_in_san", code: "cn_not_in_san", severity: Warning, source: "CA/B BR §7.1.4.3" } {
        applies_to: Applies::TlsServer,
        zlint: &[],
        pkilint: &[],
        what: Cow::Borrowed("A CN that looks like a host name or address but is not among the SANs."),
        why: Cow::Borrowed("Clients use only the SAN, so the CN names a host the certificate does not serve."),
        fix: Cow::Borrowed("Put the name in the SAN too, or leave the CN out."),
    },
    WILDCARD_MISUSE = { id: "wildcard_misuse", code: "wildcard_misuse", severity: Error, source: "RFC 6125 §6.4.3; CA/B BR §7.1.2.7.12" } {
        zlint: &["e_dnsname_wildcard_only_in_left_label", "e_dnsname_left_label_wildcard_correct", "e_san_bare_wildcard", "e_san_wildcard_not_first"],
        what: Cow::Borrowed("A wildcard anywhere but as the whole leftmost label, or over a top-level domain."),
        why: Cow::Borrowed("Clients match `*` only as a whole left label; other forms match nothing or too much."),
        fix: Cow::Borrowed("Use `*.example.com`, or list the names."),
    },
    WILDCARD_CN_WITHOUT_SAN = { id: "wildcard_cn_without_san", code: "wildcard_misuse", severity: Error, source: "RFC 6125 §6.4.4" } {
        what: Cow::Borrowed("A wildcard in the CN that the SAN does not carry."),
        why: Cow::Borrowed("Clients read only the SAN: the CN's wildcard matches nothing."),
        fix: Cow::Borrowed("Put the wildcard in the SAN."),
    },
    // A subordinate CA may carry the serverAuth EKU (CA/B BR §7.1.2.10.6 asks for it), so the
    // EKU alone says nothing; where the certificate sits in a chain says more
    // (`lint::by_position` drops it for a certificate that issued another of the input).
    CA_FLAG_ON_LEAF = { id: "ca_flag_on_leaf", code: "ca_flag_on_leaf", severity: Warning, source: "CA/B BR §7.1.2.7.8" } {
        pkilint: &["cabf.serverauth.subscriber_basic_constraints_ca_bit_set"],
        what: Cow::Borrowed("CA:TRUE on a certificate that names hosts in its SAN (what `openssl req -x509` does by default), unless it issued another certificate of the input."),
        why: Cow::Borrowed("A server certificate that is a CA could sign for any name; Firefox refuses it."),
        fix: Cow::Borrowed("Reissue with basicConstraints CA:FALSE and no keyCertSign."),
    },
    KEY_CERT_SIGN_ON_LEAF = { id: "key_cert_sign_on_leaf", code: "key_cert_sign_on_leaf", severity: Error, source: "RFC 5280 §4.2.1.3" } {
        zlint: &["e_ext_key_usage_cert_sign_without_ca"],
        what: Cow::Borrowed("keyUsage keyCertSign without basicConstraints CA:TRUE."),
        why: Cow::Borrowed("Contradictory: RFC 5280 forbids it, and validators refuse such a signer."),
        fix: Cow::Borrowed("Remove keyCertSign, or make it a CA on purpose."),
    },
    NO_SERVER_AUTH = { id: "no_server_auth", code: "no_server_auth", severity: Warning, source: "RFC 5280 §4.2.1.12" } {
        applies_to: Applies::Leaf,
        zlint: &["e_sub_cert_eku_server_auth_client_auth_missing"],
        what: Cow::Borrowed("A certificate with DNS names whose extendedKeyUsage lacks serverAuth."),
        why: Cow::Borrowed("TLS clients refuse it as a server certificate (often a client certificate used for a server)."),
        fix: Cow::Borrowed("Reissue with extendedKeyUsage serverAuth."),
    },
    SELF_SIGNED_LEAF = { id: "self_signed_leaf", code: "self_signed_leaf", severity: Notice, source: "operational" } {
        applies_to: Applies::Leaf,
        what: Cow::Borrowed("A self-signed end-entity certificate."),
        why: Cow::Borrowed("Fine for development; in production every client must be told to trust it, or to skip checks."),
        fix: Cow::Borrowed("Issue it from a CA (a private one, or a public one via ACME)."),
    },
    DUPLICATE_EXTENSION = { id: "duplicate_extension", code: "duplicate_extension", severity: Error, source: "RFC 5280 §4.2" } {
        zlint: &["e_ext_duplicate_extension"],
        pkilint: &["pkix.duplicate_extension"],
        what: Cow::Borrowed("The same extension twice."),
        why: Cow::Borrowed("RFC 5280 allows each extension once; which one a client reads is undefined."),
        fix: Cow::Borrowed("Reissue with each extension once."),
    },
    MALFORMED_EXTENSION = { id: "malformed_extension", code: "malformed_extension", severity: Error, source: "RFC 5280 §4.2" } {
        zlint: &["e_cert_ext_invalid_der"],
        what: Cow::Borrowed("An extension whose value does not parse as its ASN.1 says."),
        why: Cow::Borrowed("Clients refuse, or read something other than was meant."),
        fix: Cow::Borrowed("Reissue with the extension encoded as its RFC defines."),
    },
    EXTENSIONS_NEED_V3 = { id: "extensions_need_v3", code: "extensions_need_v3", severity: Error, source: "RFC 5280 §4.1.2.1" } {
        zlint: &["e_cert_extensions_version_not_3"],
        pkilint: &["pkix.certificate_version_is_not_v3"],
        what: Cow::Borrowed("Extensions in a version 1 or 2 certificate."),
        why: Cow::Borrowed("Only version 3 certificates carry extensions; parsers may ignore or refuse them."),
        fix: Cow::Borrowed("Reissue as version 3."),
    },
    VERSION_1 = { id: "version_1", code: "version_1", severity: Notice, source: "RFC 5280 §4.1.2.1" } {
        pkilint: &["pkix.certificate_version_is_not_v3"],
        what: Cow::Borrowed("A version 1 certificate."),
        why: Cow::Borrowed("It can carry no SAN and no CA flag: modern clients refuse it as a server or CA certificate."),
        fix: Cow::Borrowed("Reissue as version 3 with the extensions it needs."),
    },
    CA_WITHOUT_SKI = { id: "ca_without_ski", code: "ca_without_ski", severity: Warning, source: "RFC 5280 §4.2.1.2" } {
        applies_to: Applies::Ca,
        zlint: &["e_ext_subject_key_identifier_missing_ca"],
        pkilint: &["pkix.certificate_skid_ca_missing"],
        what: Cow::Borrowed("A CA certificate without subjectKeyIdentifier."),
        why: Cow::Borrowed("Validators match issuers by key identifier; without it path building guesses by name."),
        fix: Cow::Borrowed("Reissue with `subjectKeyIdentifier=hash`."),
    },
    BC_NOT_CRITICAL = { id: "bc_not_critical", code: "bc_not_critical", severity: Warning, source: "RFC 5280 §4.2.1.9" } {
        applies_to: Applies::Ca,
        zlint: &["e_basic_constraints_not_critical"],
        pkilint: &["pkix.basic_constraints_extension_not_critical"],
        what: Cow::Borrowed("basicConstraints not marked critical in a CA certificate."),
        why: Cow::Borrowed("RFC 5280 requires it critical, so that clients that do not understand it refuse the CA."),
        fix: Cow::Borrowed("Reissue with `basicConstraints=critical,CA:TRUE`."),
    },
    CA_WITHOUT_KEY_CERT_SIGN = { id: "ca_without_key_cert_sign", code: "ca_without_key_cert_sign", severity: Error, source: "RFC 5280 §4.2.1.3" } {
        applies_to: Applies::Ca,
        zlint: &["e_ca_key_cert_sign_not_set"],
        what: Cow::Borrowed("A CA whose keyUsage lacks keyCertSign."),
        why: Cow::Borrowed("It cannot sign certificates: every path through it fails."),
        fix: Cow::Borrowed("Reissue with `keyUsage=critical,keyCertSign,cRLSign`."),
    },
    MISSING_AKI = { id: "missing_aki", code: "missing_aki", severity: Warning, source: "RFC 5280 §4.2.1.1" } {
        zlint: &["e_ext_authority_key_identifier_missing"],
        pkilint: &["pkix.authority_key_identifier_extension_absent"],
        what: Cow::Borrowed("A certificate not self-issued without authorityKeyIdentifier."),
        why: Cow::Borrowed("Validators must guess the issuer by name alone, which fails when a CA has two keys."),
        fix: Cow::Borrowed("Reissue with `authorityKeyIdentifier=keyid`."),
    },
    WRONG_CRITICALITY = { id: "wrong_criticality", code: "wrong_criticality", severity: Warning, source: "RFC 5280 §4.2" } {
        zlint: &["e_ext_authority_key_identifier_critical", "e_ext_subject_key_identifier_critical", "e_ext_aia_marked_critical", "e_ext_name_constraints_not_critical", "e_ext_policy_constraints_not_critical"],
        pkilint: &["pkix.authority_key_identifier_critical", "pkix.certificate_skid_extension_critical", "pkix.authority_information_access_extension_critical", "pkix.certificate_name_constraints_extension_not_critical"],
        what: Cow::Borrowed("authorityKeyIdentifier, subjectKeyIdentifier or authorityInfoAccess marked critical, or nameConstraints or policyConstraints not."),
        why: Cow::Borrowed("RFC 5280 fixes their criticality; a wrongly critical one makes some clients refuse the certificate."),
        fix: Cow::Borrowed("Reissue with the criticality RFC 5280 gives."),
    },
    SAN_CRITICALITY = { id: "san_criticality", code: "wrong_criticality", severity: Warning, source: "RFC 5280 §4.2.1.6" } {
        zlint: &["e_ext_san_not_critical_without_subject"],
        what: Cow::Borrowed("subjectAltName critical while the subject is not empty, or not critical while it is."),
        why: Cow::Borrowed("RFC 5280 ties the SAN's criticality to an empty subject."),
        fix: Cow::Borrowed("Mark the SAN critical exactly when the subject is empty."),
    },
    BAD_PRINTABLE_STRING = { id: "bad_printable_string", code: "bad_printable_string", severity: Error, source: "RFC 5280 appendix A (X.520)" } {
        zlint: &["e_subject_printable_string_badalpha"],
        what: Cow::Borrowed("A PrintableString name attribute with characters PrintableString does not allow (`@`, `&`, `*`, non-ASCII, …)."),
        why: Cow::Borrowed("Strict parsers refuse the name; others read it differently."),
        fix: Cow::Borrowed("Reissue with the attribute as a UTF8String."),
    },
    COUNTRY_NOT_PRINTABLE = { id: "country_not_printable", code: "country_not_printable", severity: Warning, source: "RFC 5280 appendix A" } {
        zlint: &["e_subject_dn_country_not_printable_string", "e_issuer_dn_country_not_printable_string"],
        what: Cow::Borrowed("A country (C) not encoded as a PrintableString."),
        why: Cow::Borrowed("X.520 defines countryName as a PrintableString of two letters."),
        fix: Cow::Borrowed("Reissue with C as a PrintableString."),
    },
    LEGACY_STRING_TYPE = { id: "legacy_string_type", code: "legacy_string_type", severity: Notice, source: "RFC 5280 §4.1.2.4" } {
        what: Cow::Borrowed("A name attribute in TeletexString, BMPString, UniversalString or another legacy type."),
        why: Cow::Borrowed("RFC 5280 asks new certificates to use UTF8String (or PrintableString); old types are misread."),
        fix: Cow::Borrowed("Reissue with UTF8String."),
    },
    WRONG_ORDER = { id: "wrong_order", code: "wrong_order", severity: Warning, source: "RFC 8446 §4.4.2" } {
        applies_to: Applies::Bundle,
        what: Cow::Borrowed("Certificates not in leaf-to-root order, each followed by its issuer."),
        why: Cow::Borrowed("TLS 1.2 requires that order and some clients (and OpenSSL 1.0) refuse others."),
        fix: Cow::Borrowed("Serve the leaf first, then each issuer (fullchain.pem)."),
    },
    PQ_NOT_IN_WEB_PKI = { id: "pq_not_in_web_pki", code: "pq_not_in_web_pki", severity: Notice, source: "CA/B BR §6.1.5, §7.1.3.2" } {
        what: Cow::Borrowed("A post-quantum key or signature (ML-DSA, SLH-DSA, ML-KEM) in a certificate."),
        why: Cow::Borrowed("OpenSSL 3.5 and later read and verify such certificates; no browser accepts them in web PKI yet (Chrome and Firefox use post-quantum key exchange, X25519MLKEM768, but not post-quantum certificates), and the Baseline Requirements allow only RSA and ECDSA keys and signatures."),
        fix: Cow::Borrowed("For public TLS keep RSA or ECDSA certificates; use post-quantum certificates in private PKIs whose clients support them, or beside a classical chain."),
    },
    PQ_KEY_SIZE = { id: "pq_key_size", code: "pq_key_size", severity: Error, source: "FIPS 203 §8; FIPS 204 §4; FIPS 205 §11" } {
        what: Cow::Borrowed("A post-quantum public key whose length is not its parameter set's (ML-DSA-44 1,312 bytes, ML-DSA-65 1,952, ML-DSA-87 2,592; ML-KEM-512 800, -768 1,184, -1024 1,568; SLH-DSA 32, 48 or 64)."),
        why: Cow::Borrowed("The key cannot be used: every verifier refuses it."),
        fix: Cow::Borrowed("Encode the public key as the raw octets FIPS 203/204/205 define, nothing around them, in the BIT STRING."),
    },
    PQ_KEY_USAGE = { id: "pq_key_usage", code: "pq_key_usage", severity: Error, source: "draft-ietf-lamps-dilithium-certificates §5; draft-ietf-lamps-kyber-certificates §5; draft-ietf-lamps-x509-slhdsa §5" } {
        what: Cow::Borrowed("keyUsage that does not fit a post-quantum key: encipherment or key agreement on an ML-DSA or SLH-DSA key, anything but keyEncipherment on an ML-KEM key."),
        why: Cow::Borrowed("ML-DSA and SLH-DSA keys only sign; an ML-KEM key only encapsulates keys. Other bits promise what the key cannot do."),
        fix: Cow::Borrowed("Signature keys: digitalSignature (and keyCertSign, cRLSign for CAs); ML-KEM keys: keyEncipherment alone."),
    },
    JWK_PRIVATE = { id: "jwk_private", code: "jwk_private", severity: Warning, source: "RFC 7517 §9.2" } {
        applies_to: Applies::Jwk,
        what: Cow::Borrowed("A JWK that holds its private key (`d`, and for RSA the primes)."),
        why: Cow::Borrowed("JWK Sets are published (a `jwks_uri`); a private member in one gives the key away. Private JWKs belong only in a secret store."),
        fix: Cow::Borrowed("Publish the public JWK only (`certbench convert FILE --to jwk` without `--private`); if a private one was published, replace the key."),
    },
    JWK_X5C_KEY_MISMATCH = { id: "jwk_x5c_key_mismatch", code: "jwk_x5c_key_mismatch", severity: Error, source: "RFC 7517 §4.7" } {
        applies_to: Applies::Jwk,
        what: Cow::Borrowed("The first certificate of `x5c` carries another key than the JWK's members."),
        why: Cow::Borrowed("RFC 7517 requires the first certificate's key to be the JWK's; a verifier that trusts the certificate would check signatures with a key it did not vouch for."),
        fix: Cow::Borrowed("Put the key's own certificate first in `x5c`, then its issuers."),
    },
    JWK_X5T_MISMATCH = { id: "jwk_x5t_mismatch", code: "jwk_x5t_mismatch", severity: Error, source: "RFC 7517 §4.9" } {
        applies_to: Applies::Jwk,
        what: Cow::Borrowed("`x5t#S256` is not the SHA-256 of the first `x5c` certificate."),
        why: Cow::Borrowed("Clients that pick a key by certificate thumbprint will not find this one, or find the wrong one."),
        fix: Cow::Borrowed("Write `x5t#S256` as base64url(SHA-256(DER of x5c[0])), or leave it out."),
    },
    JWK_USE_AND_KEY_OPS = { id: "jwk_use_and_key_ops", code: "jwk_use_and_key_ops", severity: Warning, source: "RFC 7517 §4.3" } {
        applies_to: Applies::Jwk,
        what: Cow::Borrowed("A JWK with both `use` and `key_ops`, or with ones that disagree."),
        why: Cow::Borrowed("RFC 7517 says the two SHOULD NOT be used together; libraries honour one or the other, so a key may be used as it was not meant to be."),
        fix: Cow::Borrowed("Keep one: `use` (`sig` or `enc`) for published keys."),
    },
    JWK_ALG_MISMATCH = { id: "jwk_alg_mismatch", code: "jwk_alg_mismatch", severity: Error, source: "RFC 7518 §3.1, §4.1; RFC 8037 §3" } {
        applies_to: Applies::Jwk,
        what: Cow::Borrowed("`alg` names an algorithm this key cannot do (ES256 with a P-384 key, RS256 with an EC key, …)."),
        why: Cow::Borrowed("Every signature or decryption with the key fails, or a library refuses the whole set."),
        fix: Cow::Borrowed("Set `alg` to the key's algorithm (ES256 for P-256, ES384 for P-384, ES512 for P-521, EdDSA for Ed25519, RS256 or PS256 for RSA), or leave it out."),
    },
    JWK_RSA_TOO_SHORT = { id: "jwk_rsa_too_short", code: "jwk_rsa_too_short", severity: Error, source: "RFC 7518 §3.3, §4.2" } {
        applies_to: Applies::Jwk,
        what: Cow::Borrowed("An RSA JWK under 2048 bits."),
        why: Cow::Borrowed("RFC 7518 requires 2048 bits or more for RS*, PS* and RSA-OAEP; libraries refuse shorter keys and 1024-bit RSA is breakable."),
        fix: Cow::Borrowed("Make a 2048-bit or larger key (or an EC P-256 one) and publish it with a new `kid`."),
    },
    SSH_RSA_TOO_SHORT = { id: "ssh_rsa_too_short", code: "ssh_rsa_too_short", severity: Error, source: "NIST SP 800-131A Rev. 2 §3; OpenSSH RequiredRSASize" } {
        applies_to: Applies::SshKey,
        what: Cow::Borrowed("An SSH RSA key under 2048 bits (certified keys and CA keys included)."),
        why: Cow::Borrowed("RSA under 2048 bits is no longer allowed for signatures; OpenSSH 9.1 and later refuse keys under 1024 bits outright (RequiredRSASize)."),
        fix: Cow::Borrowed("Make a new key: `ssh-keygen -t ed25519` (or `-t rsa -b 3072`), and replace the old one where it is authorised."),
    },
    SSH_DSA_KEY = { id: "ssh_dsa_key", code: "ssh_dsa_key", severity: Error, source: "OpenSSH 7.0 release notes; OpenSSH 9.8" } {
        applies_to: Applies::SshKey,
        what: Cow::Borrowed("An ssh-dss (DSA) key."),
        why: Cow::Borrowed("OpenSSH disabled DSA by default in 7.0 (2015) and builds without it from 9.8 (2024): clients and servers refuse it."),
        fix: Cow::Borrowed("Make an Ed25519 key (`ssh-keygen -t ed25519`) and authorise it instead."),
    },
    SSH_CERT_FOREVER = { id: "ssh_cert_forever", code: "ssh_cert_forever", severity: Warning, source: "PROTOCOL.certkeys; ssh-keygen(1) -V" } {
        applies_to: Applies::SshCertificate,
        what: Cow::Borrowed("An OpenSSH certificate valid forever (valid before 0xFFFFFFFFFFFFFFFF)."),
        why: Cow::Borrowed("OpenSSH certificates cannot be revoked except through a KRL every server must carry; an unlimited one stays good as long as its CA is trusted."),
        fix: Cow::Borrowed("Sign with a validity (`ssh-keygen -s ca -V +52w`, or hours for user certificates) and renew."),
    },
    SSH_CERT_NO_PRINCIPALS = { id: "ssh_cert_no_principals", code: "ssh_cert_no_principals", severity: Warning, source: "ssh-keygen(1) CERTIFICATES" } {
        applies_to: Applies::SshCertificate,
        what: Cow::Borrowed("An OpenSSH certificate with no principals."),
        why: Cow::Borrowed("Without principals a certificate is valid for every user (or every host) wherever its CA is trusted."),
        fix: Cow::Borrowed("Sign with the user or host names it is for: `ssh-keygen -s ca -n alice` (`-h -n host.example.com` for hosts)."),
    },
    SSH_HOST_CERT_PERMITS = { id: "ssh_host_cert_permits", code: "ssh_host_cert_permits", severity: Warning, source: "PROTOCOL.certkeys (Extensions)" } {
        applies_to: Applies::SshCertificate,
        what: Cow::Borrowed("A host certificate with `permit-*` extensions (or critical options), which only user certificates use."),
        why: Cow::Borrowed("They mean nothing on a host certificate: a sign that a user key was certified as a host, or a signing script that mixes the two."),
        fix: Cow::Borrowed("Sign host keys with `-h` and no `-O` options."),
    },
    SSH_CERT_EXPIRED = { id: "ssh_cert_expired", code: "ssh_cert_expired", severity: Error, source: "PROTOCOL.certkeys" } {
        applies_to: Applies::SshCertificate,
        what: Cow::Borrowed("An OpenSSH certificate outside its validity period (expired, or not yet valid)."),
        why: Cow::Borrowed("sshd and ssh refuse it; for a not-yet-valid one, a clock is usually wrong."),
        fix: Cow::Borrowed("Sign a new certificate (`ssh-keygen -s ca -V …`); check the clocks."),
    },
    SSH_CERT_SIGNATURE_INVALID = { id: "ssh_cert_signature_invalid", code: "ssh_cert_signature_invalid", severity: Error, source: "PROTOCOL.certkeys" } {
        applies_to: Applies::SshCertificate,
        what: Cow::Borrowed("An OpenSSH certificate whose signature its CA's key does not verify."),
        why: Cow::Borrowed("It was altered after signing, or the CA key in it is not the one that signed: every server refuses it."),
        fix: Cow::Borrowed("Sign the key again with the CA (`ssh-keygen -s ca …`)."),
    },
    SSH_CERT_SHA1 = { id: "ssh_cert_sha1", code: "ssh_cert_sha1", severity: Error, source: "OpenSSH 8.8 release notes" } {
        applies_to: Applies::SshCertificate,
        what: Cow::Borrowed("An OpenSSH certificate signed with `ssh-rsa` (RSA with SHA-1)."),
        why: Cow::Borrowed("SHA-1 collisions are practical; OpenSSH 8.8 and later refuse ssh-rsa signatures by default."),
        fix: Cow::Borrowed("Sign again with a current ssh-keygen, which uses rsa-sha2-512 for RSA CA keys (`-t rsa-sha2-512`)."),
    },
    CRL_NEXT_UPDATE_MISSING = { id: "crl_next_update_missing", code: "crl_next_update_missing", severity: Error, source: "RFC 5280 §5.1.2.5" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_has_next_update"],
        what: Cow::Borrowed("A CRL without nextUpdate."),
        why: Cow::Borrowed("Conforming CAs must say when the next CRL comes; without it clients cannot tell a stale list from a fresh one."),
        fix: Cow::Borrowed("Issue CRLs with nextUpdate (`openssl ca -gencrl -crldays N`)."),
    },
    CRL_NEXT_BEFORE_THIS = { id: "crl_next_before_this", code: "crl_next_before_this", severity: Error, source: "RFC 5280 §5.1.2.5" } {
        applies_to: Applies::Crl,
        pkilint: &["pkix.crl_negative_validity_period"],
        what: Cow::Borrowed("A CRL whose nextUpdate is before its thisUpdate."),
        why: Cow::Borrowed("The list is stale the moment it is issued: every client refuses it."),
        fix: Cow::Borrowed("Reissue it with nextUpdate after thisUpdate."),
    },
    CRL_NUMBER_MISSING = { id: "crl_number_missing", code: "crl_number_missing", severity: Error, source: "RFC 5280 §5.2.3" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_missing_crl_number", "e_crl_number_out_of_range"],
        what: Cow::Borrowed("A CRL without the cRLNumber extension."),
        why: Cow::Borrowed("Conforming CAs must number their CRLs so clients can tell which is newer and apply delta CRLs; browsers' revocation checkers skip unnumbered lists."),
        fix: Cow::Borrowed("Issue CRLs with a crlnumber file (`openssl ca`'s `crlnumber` setting)."),
    },
    CRL_NUMBER_CRITICAL = { id: "crl_number_critical", code: "crl_number_critical", severity: Error, source: "RFC 5280 §5.2.3" } {
        applies_to: Applies::Crl,
        pkilint: &["pkix.crl_number_extension_critical"],
        what: Cow::Borrowed("cRLNumber marked critical."),
        why: Cow::Borrowed("RFC 5280 makes it non-critical; some clients refuse a CRL with it critical."),
        fix: Cow::Borrowed("Issue the CRL with cRLNumber non-critical."),
    },
    CRL_AKI_MISSING = { id: "crl_aki_missing", code: "crl_aki_missing", severity: Error, source: "RFC 5280 §5.2.1" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_has_authority_key_identifier"],
        what: Cow::Borrowed("A CRL without authorityKeyIdentifier."),
        why: Cow::Borrowed("Conforming CAs must include it, so clients find the right key of the CA to check the CRL with."),
        fix: Cow::Borrowed("Issue CRLs with `authorityKeyIdentifier=keyid` in the CRL extensions."),
    },
    CRL_VERSION_NOT_2 = { id: "crl_version_not_2", code: "crl_version_not_2", severity: Error, source: "RFC 5280 §5.1.2.1" } {
        applies_to: Applies::Crl,
        pkilint: &["pkix.crl_version_is_not_v2"],
        what: Cow::Borrowed("A CRL with extensions (of the list or of its entries) that is not version 2."),
        why: Cow::Borrowed("Only version 2 CRLs carry extensions; parsers may ignore them or refuse the list."),
        fix: Cow::Borrowed("Issue a version 2 CRL (OpenSSL does when the CRL has extensions)."),
    },
    CRL_REVOKED_AFTER_THIS_UPDATE = { id: "crl_revoked_after_this_update", code: "crl_revoked_after_this_update", severity: Error, source: "RFC 5280 §5.3.1" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_revocation_time_not_after_this_update"],
        what: Cow::Borrowed("A revoked entry whose revocation date is after the CRL's thisUpdate."),
        why: Cow::Borrowed("A list cannot know of a revocation that happens after it was issued: the date or the list is wrong."),
        fix: Cow::Borrowed("Issue the CRL after the revocation, with the revocation's real date."),
    },
    CRL_REVOKED_EMPTY = { id: "crl_revoked_empty", code: "crl_revoked_empty", severity: Error, source: "RFC 5280 §5.1.2.6" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_empty_revoked_certificates"],
        what: Cow::Borrowed("revokedCertificates present but empty."),
        why: Cow::Borrowed("RFC 5280 requires the field absent when nothing is revoked; strict parsers refuse an empty list."),
        fix: Cow::Borrowed("Leave revokedCertificates out of a CRL with no entries."),
    },
    CRL_REASON_UNSPECIFIED = { id: "crl_reason_unspecified", code: "crl_reason_unspecified", severity: Warning, source: "RFC 5280 §5.3.1" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_has_valid_reason_code"],
        what: Cow::Borrowed("An entry with reasonCode unspecified (0)."),
        why: Cow::Borrowed("RFC 5280 asks CAs to leave the reasonCode out rather than say unspecified."),
        fix: Cow::Borrowed("Omit the reasonCode extension for entries without a reason."),
    },
    CRL_REASON_INVALID = { id: "crl_reason_invalid", code: "crl_reason_invalid", severity: Error, source: "RFC 5280 §5.3.1" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_has_valid_reason_code"],
        what: Cow::Borrowed("A reasonCode RFC 5280 does not define (7, or above 10)."),
        why: Cow::Borrowed("Clients cannot tell what such a revocation means."),
        fix: Cow::Borrowed("Use one of the reasons RFC 5280 lists."),
    },
    CRL_REASON_CRITICAL = { id: "crl_reason_critical", code: "crl_reason_critical", severity: Error, source: "RFC 5280 §5.3.1; CA/B BR §7.2.2" } {
        applies_to: Applies::Crl,
        zlint: &["e_cab_crl_reason_code_not_critical"],
        what: Cow::Borrowed("An entry's reasonCode marked critical."),
        why: Cow::Borrowed("reasonCode is a non-critical entry extension; a client that does not read it must still use the entry."),
        fix: Cow::Borrowed("Issue the CRL with reasonCode non-critical."),
    },
    CRL_BR_REASON = { id: "crl_br_reason", code: "crl_br_reason", severity: Error, source: "CA/B BR §7.2.2", effective: Some("2023-07-15") } {
        applies_to: Applies::Crl,
        zlint: &["e_cab_crl_has_valid_reason_code"],
        what: Cow::Borrowed("An entry's reasonCode other than keyCompromise, affiliationChanged, superseded, cessationOfOperation or privilegeWithdrawn."),
        why: Cow::Borrowed("The Baseline Requirements allow only those reasons in publicly trusted CAs' CRLs (no unspecified, no certificateHold)."),
        fix: Cow::Borrowed("Use one of the allowed reasons, or none."),
    },
    CRL_REMOVE_FROM_CRL = { id: "crl_remove_from_crl", code: "crl_remove_from_crl", severity: Error, source: "RFC 5280 §5.3.1" } {
        applies_to: Applies::Crl,
        what: Cow::Borrowed("An entry with reason removeFromCRL in a CRL that is not a delta CRL."),
        why: Cow::Borrowed("removeFromCRL only means something in a delta CRL (a certificate taken off hold)."),
        fix: Cow::Borrowed("Drop the entry from the full CRL."),
    },
    CRL_DELTA_WITHOUT_NUMBER = { id: "crl_delta_without_number", code: "crl_delta_without_number", severity: Error, source: "RFC 5280 §5.2.4" } {
        applies_to: Applies::Crl,
        what: Cow::Borrowed("A delta CRL (deltaCRLIndicator) without cRLNumber."),
        why: Cow::Borrowed("Clients order delta CRLs by their numbers."),
        fix: Cow::Borrowed("Issue delta CRLs with cRLNumber."),
    },
    CRL_AKI_ONLY_KEY_ID = { id: "crl_aki_only_key_id", code: "crl_aki_only_key_id", severity: Error, source: "CA/B BR §7.2.2", effective: Some("2024-03-15") } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_auth_key_id_only_contains_keyid"],
        what: Cow::Borrowed("A CRL whose authorityKeyIdentifier holds more or other than keyIdentifier."),
        why: Cow::Borrowed("The Baseline Requirements fix the CRL's authorityKeyIdentifier to keyIdentifier alone."),
        fix: Cow::Borrowed("Issue the CRL with `authorityKeyIdentifier=keyid`."),
    },
    CRL_NUMBER_RANGE = { id: "crl_number_range", code: "crl_number_range", severity: Error, source: "RFC 5280 §5.2.3; CA/B BR §7.2.2" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_number_out_of_range"],
        what: Cow::Borrowed("A cRLNumber that is negative or not below 2^159."),
        why: Cow::Borrowed("cRLNumber is a non-negative integer of at most 20 octets; clients may refuse others."),
        fix: Cow::Borrowed("Number CRLs from 1 up."),
    },
    CRL_NEXT_UPDATE_TOO_FAR = { id: "crl_next_update_too_far", code: "crl_next_update_too_far", severity: Error, source: "CA/B BR §4.9.7", effective: Some("2023-07-15") } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_next_update_invalid"],
        what: Cow::Borrowed("nextUpdate more than 10 days after thisUpdate (12 months for a CRL that says it covers only CA certificates)."),
        why: Cow::Borrowed("Publicly trusted CAs must publish fresh CRLs; a long nextUpdate lets a stale list look current."),
        fix: Cow::Borrowed("Issue CRLs with nextUpdate within 10 days (or mark a CA-only CRL onlyContainsCACerts)."),
    },
    CRL_SIGNATURE_PARAMS = { id: "crl_signature_params", code: "crl_signature_params", severity: Error, source: "RFC 4055 §5", effective: Some("2008-05-01") } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_sigalgo_missing_null_params"],
        what: Cow::Borrowed("A CRL signed with RSA PKCS #1 v1.5 whose algorithm parameters are not NULL."),
        why: Cow::Borrowed("The algorithm's parameters must be NULL; strict clients refuse other encodings."),
        fix: Cow::Borrowed("Sign with NULL parameters (any current CA software does)."),
    },
    CRL_UNKNOWN_CRITICAL = { id: "crl_unknown_critical", code: "crl_unknown_critical", severity: Error, source: "RFC 5280 §5.2" } {
        applies_to: Applies::Crl,
        what: Cow::Borrowed("A critical CRL extension RFC 5280 does not define."),
        why: Cow::Borrowed("A client that does not recognise a critical CRL extension must not use the CRL: revocation goes unchecked."),
        fix: Cow::Borrowed("Mark it non-critical, or leave it out."),
    },
    CRL_EXTENSION_NOT_RECOMMENDED = { id: "crl_extension_not_recommended", code: "crl_extension_not_recommended", severity: Warning, source: "CA/B BR §7.2.2", effective: Some("2023-07-15") } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_extensions_validity"],
        what: Cow::Borrowed("A CRL extension other than authorityKeyIdentifier, cRLNumber and issuingDistributionPoint."),
        why: Cow::Borrowed("The Baseline Requirements list those three for CRLs."),
        fix: Cow::Borrowed("Leave other extensions out."),
    },
    CRL_IDP_NOT_CRITICAL = { id: "crl_idp_not_critical", code: "crl_idp_not_critical", severity: Error, source: "RFC 5280 §5.2.5" } {
        applies_to: Applies::Crl,
        what: Cow::Borrowed("issuingDistributionPoint not marked critical."),
        why: Cow::Borrowed("A client that ignored it would take a partial CRL for a complete one."),
        fix: Cow::Borrowed("Issue the CRL with issuingDistributionPoint critical."),
    },
    CRL_DUPLICATE_EXTENSION = { id: "crl_duplicate_extension", code: "crl_duplicate_extension", severity: Error, source: "RFC 5280 §5.2" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_no_duplicate_extensions"],
        what: Cow::Borrowed("The same CRL extension twice."),
        why: Cow::Borrowed("Which one a client reads is undefined."),
        fix: Cow::Borrowed("Issue the CRL with each extension once."),
    },
    CRL_ENTRY_DUPLICATE_EXTENSION = { id: "crl_entry_duplicate_extension", code: "crl_entry_duplicate_extension", severity: Error, source: "RFC 5280 §5.3" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_revoked_certificate_crl_entry_has_no_duplicate_extensions"],
        what: Cow::Borrowed("An entry with the same extension twice."),
        why: Cow::Borrowed("Which one a client reads is undefined."),
        fix: Cow::Borrowed("Issue each entry with each extension once."),
    },
    CRL_DUPLICATE_SERIAL = { id: "crl_duplicate_serial", code: "crl_duplicate_serial", severity: Error, source: "RFC 5280 §5.1.2.6" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_unique_revoked_certificate"],
        what: Cow::Borrowed("A serial number listed twice."),
        why: Cow::Borrowed("Each certificate is revoked once; two entries may disagree on date or reason."),
        fix: Cow::Borrowed("List each serial once."),
    },
    CRL_REVOCATION_TOO_EARLY = { id: "crl_revocation_too_early", code: "crl_revocation_too_early", severity: Error, source: "RFC 5280 §5.1.2.6" } {
        applies_to: Applies::Crl,
        zlint: &["e_crl_revocation_date_too_early"],
        what: Cow::Borrowed("An entry revoked before 1999."),
        why: Cow::Borrowed("Such a date is a wrong clock or a wrong encoding."),
        fix: Cow::Borrowed("Issue entries with their real revocation dates."),
    },
    CRL_NOT_DER = { id: "crl_not_der", code: "crl_not_der", severity: Error, source: "X.690 §10; RFC 5280 §5.1.2.4" } {
        applies_to: Applies::Crl,
        zlint: &["e_utc_time_not_in_zulu"],
        what: Cow::Borrowed("A CRL that is not DER: a long-form length, a BOOLEAN not 0xFF, a padded INTEGER, an unsorted SET, or a time without seconds, with fractions or with an offset from UTC."),
        why: Cow::Borrowed("Strict clients refuse a CRL that is not DER, and then cannot check revocation with it."),
        fix: Cow::Borrowed("Issue the CRL with DER encoding and times in UTC (`…Z`)."),
    },
    CRL_TIME_WRONG_TYPE = { id: "crl_time_wrong_type", code: "crl_time_wrong_type", severity: Error, source: "RFC 5280 §5.1.2.4" } {
        applies_to: Applies::Crl,
        what: Cow::Borrowed("A CRL date before 2050 written as GeneralizedTime."),
        why: Cow::Borrowed("RFC 5280 requires UTCTime for dates through 2049."),
        fix: Cow::Borrowed("Issue the CRL with UTCTime for those dates."),
    },
    OCSP_NOT_SUCCESSFUL = { id: "ocsp_not_successful", code: "ocsp_not_successful", severity: Notice, source: "RFC 6960 §2.3" } {
        applies_to: Applies::OcspResponse,
        what: Cow::Borrowed("An OCSP response whose status is not successful (tryLater, internalError, unauthorized, …)."),
        why: Cow::Borrowed("Such a response says nothing about the certificate: a client falls back or fails."),
        fix: Cow::Borrowed("Ask the responder again; unauthorized usually means the wrong responder for this issuer."),
    },
    OCSP_THIS_UPDATE_AFTER_PRODUCED = { id: "ocsp_this_update_after_produced", code: "ocsp_this_update_after_produced", severity: Error, source: "RFC 6960 §2.4" } {
        applies_to: Applies::OcspResponse,
        what: Cow::Borrowed("A single response whose thisUpdate is after the response's producedAt."),
        why: Cow::Borrowed("A responder cannot sign a status that is not yet true; a clock is wrong."),
        fix: Cow::Borrowed("Fix the responder's clock."),
    },
    OCSP_NEXT_UPDATE_MISSING = { id: "ocsp_next_update_missing", code: "ocsp_next_update_missing", severity: Error, source: "CA/B BR §4.9.10; RFC 5019 §2.2.4", effective: Some("2012-07-01") } {
        applies_to: Applies::OcspResponse,
        what: Cow::Borrowed("A single response without nextUpdate."),
        why: Cow::Borrowed("Publicly trusted responders must say how long a status holds (at most 10 days); without it clients cannot cache or judge freshness."),
        fix: Cow::Borrowed("Configure the responder to set nextUpdate."),
    },
    OCSP_NEXT_BEFORE_THIS = { id: "ocsp_next_before_this", code: "ocsp_next_before_this", severity: Error, source: "RFC 6960 §2.4" } {
        applies_to: Applies::OcspResponse,
        what: Cow::Borrowed("A single response whose nextUpdate is before its thisUpdate."),
        why: Cow::Borrowed("The status is stale the moment it is signed."),
        fix: Cow::Borrowed("Fix the responder's validity settings."),
    },
    OCSP_VALIDITY_TOO_LONG = { id: "ocsp_validity_too_long", code: "ocsp_validity_too_long", severity: Error, source: "CA/B BR §4.9.10", effective: Some("2012-07-01") } {
        applies_to: Applies::OcspResponse,
        what: Cow::Borrowed("A single response valid for more than 10 days."),
        why: Cow::Borrowed("A revocation must reach clients within days; the Baseline Requirements cap a response's validity at 10 days."),
        fix: Cow::Borrowed("Sign responses valid for at most 10 days (and refresh them halfway)."),
    },
    OCSP_VALIDITY_TOO_SHORT = { id: "ocsp_validity_too_short", code: "ocsp_validity_too_short", severity: Error, source: "CA/B BR §4.9.10", effective: Some("2020-09-30") } {
        applies_to: Applies::OcspResponse,
        what: Cow::Borrowed("A single response valid for less than 8 hours."),
        why: Cow::Borrowed("The Baseline Requirements require at least 8 hours, so that stapled responses survive caching."),
        fix: Cow::Borrowed("Sign responses valid for 8 hours or more."),
    },
    SHARED_PRIME = { id: "shared_prime", code: "shared_prime", severity: Error, source: "CA/B BR §6.1.1.3" } {
        applies_to: Applies::Bundle,
        what: Cow::Borrowed("RSA keys of the input whose moduli share a prime factor (found by batch GCD)."),
        why: Cow::Borrowed("A shared prime factors both moduli at once: anyone who has both certificates has both private keys (Heninger et al., \"Mining your Ps and Qs\", 2012)."),
        fix: Cow::Borrowed("Make new keys on a generator with enough entropy; revoke the certificates."),
    },
    SHARED_PRIME_NOT_CHECKED = { id: "shared_prime_not_checked", code: "shared_prime_not_checked", severity: Notice, source: "CA/B BR §6.1.1.3" } {
        applies_to: Applies::Bundle,
        what: Cow::Borrowed("More distinct RSA keys than the shared-prime check takes at once (300)."),
        why: Cow::Borrowed("Batch GCD's cost grows with the square of the keys' total size; the other weak-key checks still ran on every key."),
        fix: Cow::Borrowed("Lint the keys in smaller sets to check them for shared primes."),
    },
    ISSUER_NOT_IN_BUNDLE = { id: "issuer_not_in_bundle", code: "issuer_not_in_bundle", severity: Notice, source: "RFC 5280 §6.1" } {
        applies_to: Applies::Bundle,
        what: Cow::Borrowed("A certificate whose issuer is neither in the input nor among the anchors given."),
        why: Cow::Borrowed("Fine when the issuer is a trusted root; otherwise clients cannot build the chain."),
        fix: Cow::Borrowed("Serve fullchain.pem (the leaf and its intermediates)."),
    },
}

impl Rule {
    /// Whether the rule judges a certificate whose notBefore is `not_before`.
    pub fn in_effect_for(&self, not_before: crate::UnixTime) -> bool {
        self.effective
            .is_none_or(|day| day_start(day).is_some_and(|from| not_before.0 >= from))
            && self
                .until
                .is_none_or(|day| day_start(day).is_some_and(|to| not_before.0 < to))
    }
}

/// The first second of `day` (`YYYY-MM-DD`), read without allocating: rules ask it for every
/// certificate.
fn day_start(day: &str) -> Option<i64> {
    let b = day.as_bytes();
    let number = |r: std::ops::Range<usize>| -> Option<i64> {
        let digits = b.get(r)?;
        digits.iter().try_fold(0i64, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + i64::from(d - b'0'))
        })
    };
    let (y, m, d) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (m, d) = (u32::try_from(m).ok()?, u32::try_from(d).ok()?);
    Some(crate::time::days_from_civil(y, m, d) * 86_400)
}

/// Every rule with its documentation: the registry's own and the profile rules'.
pub fn rules() -> Vec<(&'static Rule, Doc)> {
    let own = RULES.iter().map(|(r, d)| (*r, d.clone()));
    #[cfg(feature = "ca-lint")]
    let own = own.chain(super::table::docs());
    own.collect()
}

/// The rule with `id`, and its documentation.
pub fn rule(id: &str) -> Option<(&'static Rule, Doc)> {
    rules().into_iter().find(|(r, _)| r.id == id)
}

/// docs/lint.md: every rule with its metadata and the zlint / pkilint cross-reference,
/// generated from [`RULES`] (`crates/core/tests/lint_registry.rs` keeps the file current).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Lint rules\n\n\
         Generated from `crates/core/src/lint/registry.rs` and the profile rules of \
         `crates/core/src/lint/table.rs` (`CERTBENCH_WRITE_DOCS=1 cargo test -p \
         certbench-core --test lint_registry` rewrites it). Each finding carries its rule's `id` as \
         `rule`, and the rule's `code`, severity and source. A rule with an effective date judges \
         only certificates whose notBefore is on or after it, as zlint does. The last two columns \
         name the zlint lints and pkilint finding codes that check the same thing.\n\n",
    );
    let rules = rules();
    let count = |severity: Severity| rules.iter().filter(|(r, _)| r.severity == severity).count();
    out.push_str(&format!(
        "{} rules: {} errors, {} warnings, {} notices.\n\n",
        rules.len(),
        count(Error),
        count(Warning),
        count(Notice)
    ));
    out.push_str("By source:\n\n| source | rules |\n|---|---|\n");
    let families = [
        ("RFC 5280, X.690, X.520 and other RFCs", "RFC"),
        ("CA/B Forum TLS Baseline Requirements", "CA/B BR"),
        ("CA/B Forum EV Guidelines", "EV Guidelines"),
        ("CA/B Forum S/MIME Baseline Requirements", "CA/B S/MIME BR"),
        (
            "CA/B Forum Code Signing Baseline Requirements",
            "CA/B CS BR",
        ),
        ("ETSI EN 319 412 (EU qualified certificates)", "ETSI"),
    ];
    for (name, prefix) in families {
        let n = rules
            .iter()
            .filter(|(r, _)| r.source.starts_with(prefix))
            .count();
        out.push_str(&format!("| {name} | {n} |\n"));
    }
    let other = rules
        .iter()
        .filter(|(r, _)| !families.iter().any(|(_, p)| r.source.starts_with(p)))
        .count();
    out.push_str(&format!(
        "| other (X.690/X.520 alone, RFC 4518, operational, CVEs) | {other} |\n\n"
    ));
    out.push_str("| id | code | severity | source | effective | applies to | what | why | fix | zlint | pkilint |\n");
    out.push_str("|---|---|---|---|---|---|---|---|---|---|---|\n");
    let list = |names: &[&str]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (r, d) in &rules {
        let severity = match r.severity {
            Error => "error",
            Warning => "warning",
            Notice => "notice",
        };
        out.push_str(&format!(
            "| `{}` | `{}` | {severity} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.id,
            r.code,
            r.source,
            match (r.effective, r.until) {
                (Some(from), Some(to)) => format!("{from} to {to}"),
                (None, Some(to)) => format!("until {to}"),
                (Some(from), None) => from.to_string(),
                (None, None) => "always".to_string(),
            },
            d.applies_to.name(),
            d.what.replace('|', "\\|"),
            d.why.replace('|', "\\|"),
            d.fix.replace('|', "\\|"),
            list(d.zlint),
            list(d.pkilint),
        ));
    }
    out
}
