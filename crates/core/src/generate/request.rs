//! The request model: what a certificate is for (its profile), who it is for (its subject)
//! and everything else that goes into it.

use super::KeyPair;
use crate::{error::Error, time::UnixTime};
use serde::{Deserialize, Serialize};
use x509_cert::{Certificate, ext::Extension, name::Name};

/// What a certificate is for; each profile fixes its extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// A self-signed TLS leaf for development (`openssl req -x509`, mkcert without a CA).
    SelfSigned,
    /// A self-signed root CA.
    Root,
    /// An intermediate CA, signed by another CA.
    Intermediate,
    /// A TLS server leaf (serverAuth).
    Server,
    /// A TLS client leaf for mTLS (clientAuth).
    Client,
}

impl Profile {
    pub(super) fn is_ca(self) -> bool {
        matches!(self, Profile::Root | Profile::Intermediate)
    }
}

/// Subject distinguished name fields, as the form and the CLI take them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject {
    /// C, two letters.
    pub country: String,
    /// ST.
    pub state: String,
    /// L.
    pub locality: String,
    /// O.
    pub organization: String,
    /// OU.
    pub organizational_unit: String,
    /// CN.
    pub common_name: String,
}

impl Subject {
    /// A subject with only a common name.
    pub fn common_name(cn: &str) -> Subject {
        Subject {
            common_name: cn.to_string(),
            ..Subject::default()
        }
    }

    /// The X.501 name: C, ST, L, O, OU, CN from general to specific, empty fields left out,
    /// each its own RDN as `openssl req -subj` writes them: C a PrintableString (RFC 5280
    /// appendix A), the others UTF8String. Built from the attributes, not by parsing an RFC
    /// 4514 string: x509-cert's parser looks attribute names up in const-oid's whole OID
    /// table, which would put all of it in the web app's wasm.
    pub fn to_name(&self) -> Result<Name, Error> {
        use const_oid::db::rfc4519::{
            COMMON_NAME, COUNTRY_NAME, LOCALITY_NAME, ORGANIZATION_NAME, ORGANIZATIONAL_UNIT_NAME,
            ST,
        };
        use der::{Any, Tag};
        use x509_cert::attr::AttributeTypeAndValue;
        use x509_cert::name::{RdnSequence, RelativeDistinguishedName};
        let country = self.country.trim();
        let two_letters = country.len() == 2 && country.bytes().all(|b| b.is_ascii_alphabetic());
        if !country.is_empty() && !two_letters {
            return Err(Error::InvalidName(format!(
                "country `{country}` must be a two-letter code like GB"
            )));
        }
        let fields = [
            (COUNTRY_NAME, Tag::PrintableString, country),
            (ST, Tag::Utf8String, self.state.trim()),
            (LOCALITY_NAME, Tag::Utf8String, self.locality.trim()),
            (ORGANIZATION_NAME, Tag::Utf8String, self.organization.trim()),
            (
                ORGANIZATIONAL_UNIT_NAME,
                Tag::Utf8String,
                self.organizational_unit.trim(),
            ),
            (COMMON_NAME, Tag::Utf8String, self.common_name.trim()),
        ];
        let invalid = |e: der::Error| Error::InvalidName(format!("invalid subject: {e}"));
        let mut rdns = RdnSequence::default();
        for (oid, tag, value) in fields.into_iter().filter(|(_, _, v)| !v.is_empty()) {
            let value = Any::new(tag, value.as_bytes()).map_err(invalid)?;
            let rdn =
                RelativeDistinguishedName::try_from(vec![AttributeTypeAndValue { oid, value }])
                    .map_err(invalid)?;
            rdns.push(rdn);
        }
        if rdns.is_empty() {
            return Err(Error::InvalidName(
                "the subject is empty: give at least a common name (CN)".into(),
            ));
        }
        Ok(Name::hazmat_from_rdn_sequence(rdns))
    }
}

/// Default validity in days: ten years for CAs; for leaves, the longest the CA/B Forum allows
/// a certificate issued `now` (so generated certificates pass lint), at most a year.
pub fn default_days(profile: Profile, now: UnixTime) -> i64 {
    if profile.is_ca() {
        3650
    } else {
        crate::lint::cabf_max_days(now).0.min(365)
    }
}

/// Everything that goes into one certificate.
#[derive(Clone, Debug)]
pub struct Request {
    /// What kind of certificate.
    pub profile: Profile,
    /// The certificate's subject.
    pub subject: Subject,
    /// `DNS:x`, `IP:y`, `email:z`, `URI:u`; a bare name is DNS, a bare address is IP.
    pub san: Vec<String>,
    /// Valid from.
    pub not_before: UnixTime,
    /// Valid until.
    pub not_after: UnixTime,
    /// basicConstraints pathLenConstraint, for CAs.
    pub path_len: Option<u8>,
    /// Name constraints for CAs, in SAN syntax (`DNS:example.com`, `IP:10.0.0.0/8`, `email:example.com`).
    pub permitted: Vec<String>,
    /// Names excluded by name constraints, in the same syntax.
    pub excluded: Vec<String>,
    /// authorityInfoAccess OCSP responder URL.
    pub ocsp_url: Option<String>,
    /// authorityInfoAccess caIssuers URL (where the issuer's certificate is).
    pub ca_issuers_url: Option<String>,
    /// crlDistributionPoints URL.
    pub crl_url: Option<String>,
    /// TLS feature status_request (RFC 7633).
    pub must_staple: bool,
    /// Extensions copied as given (from a CSR, at the user's word), replacing the profile's
    /// extension of the same type.
    pub copied: Vec<Extension>,
    /// Signing a CSR: the OIDs of the requested extensions the user accepted (see
    /// [`sign_csr`]).
    pub copy: Vec<String>,
}

impl Request {
    /// certbench's defaults: valid from five minutes ago (clock skew) for exactly `days` days as
    /// CA/B Forum counts them (notAfter - notBefore + 1 second).
    pub fn new(
        profile: Profile,
        subject: Subject,
        san: Vec<String>,
        now: UnixTime,
        days: i64,
    ) -> Request {
        Request {
            profile,
            subject,
            san,
            not_before: now.plus_seconds(-300),
            not_after: now.plus_seconds(days.saturating_mul(86_400).saturating_sub(301)),
            path_len: None,
            permitted: Vec::new(),
            excluded: Vec::new(),
            ocsp_url: None,
            ca_issuers_url: None,
            crl_url: None,
            must_staple: false,
            copied: Vec::new(),
            copy: Vec::new(),
        }
    }
}

/// Who signs: the certificate's own key, or a CA.
pub enum IssuedBy<'a> {
    /// Self-signed with this key.
    Itself(&'a KeyPair),
    /// Signed by a CA.
    Ca {
        /// The CA's certificate: its subject becomes the issuer.
        cert: &'a Certificate,
        /// The CA's key.
        key: &'a KeyPair,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::Encode;
    use std::str::FromStr;

    /// The name is what `openssl req -subj` and RFC 4514 parsing make of the same fields: one
    /// RDN each, C to CN, C a PrintableString, the rest UTF8String, spaces trimmed, special
    /// characters kept as they are.
    #[test]
    fn the_subject_is_built_as_rfc4514_parsing_would_build_it() {
        let subject = Subject {
            country: "GB".into(),
            state: "England".into(),
            locality: " London ".into(),
            organization: "Example, Ltd.".into(),
            organizational_unit: String::new(),
            common_name: "#1 + more".into(),
        };
        let parsed =
            Name::from_str("CN=\\#1 \\+ more,O=Example\\, Ltd.,L=London,ST=England,C=GB").unwrap();
        assert_eq!(
            subject.to_name().unwrap().to_der().unwrap(),
            parsed.to_der().unwrap()
        );
    }

    #[test]
    fn a_country_must_be_two_letters_and_a_subject_must_name_something() {
        for country in ["GBR", "G1", "É"] {
            let subject = Subject {
                country: country.into(),
                ..Subject::common_name("example.test")
            };
            let error = subject.to_name().unwrap_err().to_string();
            assert!(error.contains("two-letter code"), "{country}: {error}");
        }
        let empty = Subject::common_name("  ")
            .to_name()
            .unwrap_err()
            .to_string();
        assert!(empty.contains("the subject is empty"), "{empty}");
    }
}
