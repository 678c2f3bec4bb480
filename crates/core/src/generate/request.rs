//! The request model: what a certificate is for (its profile), who it is for (its subject)
//! and everything else that goes into it.

use super::KeyPair;
use crate::{error::Error, time::UnixTime};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
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

    /// The X.501 name: C, ST, L, O, OU, CN from general to specific, empty fields left out.
    pub fn to_name(&self) -> Result<Name, Error> {
        let fields = [
            ("CN", &self.common_name),
            ("OU", &self.organizational_unit),
            ("O", &self.organization),
            ("L", &self.locality),
            ("ST", &self.state),
            ("C", &self.country),
        ];
        let parts: Vec<String> = fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", escape_rfc4514(v.trim())))
            .collect();
        if parts.is_empty() {
            return Err(Error::InvalidName(
                "the subject is empty: give at least a common name (CN)".into(),
            ));
        }
        if !self.country.trim().is_empty() && self.country.trim().len() != 2 {
            return Err(Error::InvalidName(format!(
                "country `{}` must be a two-letter code like GB",
                self.country.trim()
            )));
        }
        Name::from_str(&parts.join(","))
            .map_err(|e| Error::InvalidName(format!("invalid subject: {e}")))
    }
}

pub(super) fn escape_rfc4514(value: &str) -> String {
    value
        .chars()
        .flat_map(|c| match c {
            ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=' => vec!['\\', c],
            _ => vec![c],
        })
        .collect()
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
