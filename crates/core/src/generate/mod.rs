//! Generate: keys, certificates for every profile (self-signed, root, intermediate, server,
//! client), CSRs, and signing a CSR with a CA. Randomness and time are passed in; the same code
//! runs in the CLI (OS randomness) and in the page (the browser's CSPRNG).

pub mod deferred;
pub mod engine;
mod key;
pub mod order;

pub(crate) use key::sec1_as_pkcs8;
pub use key::{KeyPair, KeyType, PrivateKey};

use crate::input::pem;
use crate::{dn, error::Error, time::UnixTime};
use const_oid::ObjectIdentifier as Oid;
use der::{
    Decode, Encode,
    asn1::{Ia5String, OctetString},
};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use sha1::Digest;
use std::str::FromStr;
use x509_cert::{
    Certificate,
    builder::{CertificateBuilder, profile::BuilderProfile},
    certificate::TbsCertificate,
    ext::{
        Extension, ToExtension,
        pkix::{
            AccessDescription, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints,
            CrlDistributionPoints, ExtendedKeyUsage, KeyUsage, KeyUsages, NameConstraints,
            SubjectAltName, SubjectKeyIdentifier,
            constraints::name::GeneralSubtree,
            crl::dp::DistributionPoint,
            name::{DistributionPointName, GeneralName},
        },
    },
    name::Name,
    request::{CertReq, RequestBuilder},
    serial_number::SerialNumber,
    spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef},
    time::{Time, Validity},
};

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
    fn is_ca(self) -> bool {
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

fn escape_rfc4514(value: &str) -> String {
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

/// Builds and signs one certificate for `subject_key` (the public key it certifies).
pub fn issue<R: CryptoRng + ?Sized>(
    request: &Request,
    subject_key: &SubjectPublicKeyInfoOwned,
    by: IssuedBy<'_>,
    now: UnixTime,
    rng: &mut R,
) -> Result<Certificate, Error> {
    require_san(request)?;
    build(
        request,
        request.subject.to_name()?,
        subject_key,
        by,
        now,
        rng,
    )
}

/// A server certificate is matched by its SANs only (RFC 6125): without one it is useless.
fn require_san(request: &Request) -> Result<(), Error> {
    if request.profile == Profile::Server && request.san.is_empty() {
        return Err(Error::InvalidName(
            "a server certificate needs at least one SAN (DNS name or IP address)".into(),
        ));
    }
    Ok(())
}

/// `issue` with the subject name given verbatim (from a CSR, or built from the fields).
fn build<R: CryptoRng + ?Sized>(
    request: &Request,
    subject: Name,
    subject_key: &SubjectPublicKeyInfoOwned,
    by: IssuedBy<'_>,
    now: UnixTime,
    rng: &mut R,
) -> Result<Certificate, Error> {
    let key_id = key_identifier(subject_key)?;
    let (issuer, issuer_key_id, signer) = match by {
        IssuedBy::Itself(key) => {
            if !key.matches(subject_key) {
                return Err(Error::Key(
                    "a self-signed certificate must certify its own key".into(),
                ));
            }
            (subject.clone(), key_id.clone(), key)
        }
        IssuedBy::Ca { cert, key } => {
            check_ca(cert, key, now)?;
            let ca_key_id = key_identifier(cert.tbs_certificate().subject_public_key_info())?;
            // The issuer name is the CA's subject byte for byte: path validators compare bytes.
            (cert.tbs_certificate().subject().clone(), ca_key_id, key)
        }
    };
    let subject_is_rsa = subject_key.algorithm.oid == RSA_ENCRYPTION;
    let extensions = profile_extensions(request, subject_is_rsa, key_id, issuer_key_id)?;
    let profile = FixedProfile {
        subject,
        issuer,
        extensions,
    };
    let builder = CertificateBuilder::new(
        profile,
        random_serial(rng)?,
        validity(request.not_before, request.not_after)?,
        subject_key.clone(),
    )
    .map_err(|e| Error::Build(e.to_string()))?;
    signer.sign(builder)
}

/// The extensions a certificate for `request` will carry, decoded for a preview before any key
/// exists: the key identifiers, which are hashes of keys, are said to be so.
pub fn preview_extensions(
    request: &Request,
    subject_is_rsa: bool,
) -> Result<Vec<crate::decode::ext::ExtensionReport>, Error> {
    require_san(request)?;
    validity(request.not_before, request.not_after)?;
    let no_id = OctetString::new(Vec::new()).map_err(|e| Error::Build(e.to_string()))?;
    let exts = profile_extensions(request, subject_is_rsa, no_id.clone(), no_id)?;
    let mut reports = crate::decode::ext::decode(&exts).extensions;
    for report in &mut reports {
        match crate::extension::by_dotted(&report.oid).map(|e| e.oid) {
            Some(SUBJECT_KEY_ID) => report.value = vec!["SHA-1 of the new public key".into()],
            Some(AUTHORITY_KEY_ID) => {
                report.value = vec!["keyid: the issuer's subject key identifier".into()]
            }
            _ => {}
        }
    }
    Ok(reports)
}

/// A CA certificate and key must belong together, be a CA, and be valid now.
fn check_ca(cert: &Certificate, key: &KeyPair, now: UnixTime) -> Result<(), Error> {
    let tbs = cert.tbs_certificate();
    if !key.matches(tbs.subject_public_key_info()) {
        return Err(Error::Key(
            "the CA key does not match the CA certificate's public key".into(),
        ));
    }
    let exts =
        crate::decode::ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default());
    if !exts.is_ca {
        return Err(Error::Build(format!(
            "{} is not a CA certificate (basicConstraints CA:TRUE is missing)",
            dn::rfc4514(tbs.subject())
        )));
    }
    let not_after = UnixTime::from(&tbs.validity().not_after);
    if now > not_after {
        return Err(Error::Build(format!(
            "the CA certificate expired on {not_after}; certificates it signs would not validate"
        )));
    }
    Ok(())
}

fn profile_extensions(
    request: &Request,
    subject_is_rsa: bool,
    key_id: OctetString,
    issuer_key_id: OctetString,
) -> Result<Vec<Extension>, Error> {
    let profile = request.profile;
    let mut exts = vec![extension(
        BASIC_CONSTRAINTS,
        true,
        &BasicConstraints {
            ca: profile.is_ca(),
            path_len_constraint: request.path_len.filter(|_| profile.is_ca()),
        },
    )?];
    let usage = if profile.is_ca() {
        KeyUsages::KeyCertSign | KeyUsages::CRLSign | KeyUsages::DigitalSignature
    } else if subject_is_rsa && profile != Profile::Client {
        KeyUsages::DigitalSignature | KeyUsages::KeyEncipherment
    } else {
        KeyUsages::DigitalSignature.into()
    };
    exts.push(extension(KEY_USAGE, true, &KeyUsage(usage))?);
    let ekus: &[Oid] = match profile {
        Profile::SelfSigned => &[SERVER_AUTH, CLIENT_AUTH],
        Profile::Server => &[SERVER_AUTH],
        Profile::Client => &[CLIENT_AUTH],
        Profile::Root | Profile::Intermediate => &[],
    };
    if !ekus.is_empty() {
        exts.push(extension(
            EXTENDED_KEY_USAGE,
            false,
            &ExtendedKeyUsage(ekus.to_vec()),
        )?);
    }
    exts.push(extension(
        SUBJECT_KEY_ID,
        false,
        &SubjectKeyIdentifier(key_id),
    )?);
    if profile != Profile::Root {
        let aki = AuthorityKeyIdentifier {
            key_identifier: Some(issuer_key_id),
            ..Default::default()
        };
        exts.push(extension(AUTHORITY_KEY_ID, false, &aki)?);
    }
    require_san(request)?;
    if !request.san.is_empty() {
        let names = request
            .san
            .iter()
            .map(|s| parse_san(s))
            .collect::<Result<Vec<_>, _>>()?;
        // RFC 5280 §4.2.1.6: with an empty subject the SAN is critical.
        exts.push(extension(SUBJECT_ALT_NAME, false, &SubjectAltName(names))?);
    }
    if profile.is_ca() && (!request.permitted.is_empty() || !request.excluded.is_empty()) {
        let subtrees = |names: &[String]| -> Result<Option<Vec<GeneralSubtree>>, Error> {
            let trees = names
                .iter()
                .map(|n| {
                    Ok(GeneralSubtree {
                        base: parse_constraint(n)?,
                        minimum: 0,
                        maximum: None,
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?;
            Ok((!trees.is_empty()).then_some(trees))
        };
        let nc = NameConstraints {
            permitted_subtrees: subtrees(&request.permitted)?,
            excluded_subtrees: subtrees(&request.excluded)?,
        };
        exts.push(extension(NAME_CONSTRAINTS, true, &nc)?);
    }
    let uri = |u: &str| {
        Ia5String::new(u)
            .map(GeneralName::UniformResourceIdentifier)
            .map_err(|_| Error::InvalidName(format!("`{u}` is not an ASCII URL")))
    };
    let mut access = Vec::new();
    if let Some(url) = &request.ocsp_url {
        access.push(AccessDescription {
            access_method: ID_AD_OCSP,
            access_location: uri(url)?,
        });
    }
    if let Some(url) = &request.ca_issuers_url {
        access.push(AccessDescription {
            access_method: ID_AD_CA_ISSUERS,
            access_location: uri(url)?,
        });
    }
    if !access.is_empty() {
        exts.push(extension(
            AUTHORITY_INFO_ACCESS,
            false,
            &AuthorityInfoAccessSyntax(access),
        )?);
    }
    if let Some(url) = &request.crl_url {
        let dp = DistributionPoint {
            distribution_point: Some(DistributionPointName::FullName(vec![uri(url)?])),
            reasons: None,
            crl_issuer: None,
        };
        exts.push(extension(
            CRL_DISTRIBUTION_POINTS,
            false,
            &CrlDistributionPoints(vec![dp]),
        )?);
    }
    if request.must_staple {
        exts.push(extension(TLS_FEATURE, false, &vec![5u32])?);
    }
    for copied in &request.copied {
        exts.retain(|e| e.extn_id != copied.extn_id);
        exts.push(copied.clone());
    }
    Ok(exts)
}

use crate::extension::TLS_FEATURE;
use const_oid::db::rfc5280::{
    ID_AD_CA_ISSUERS, ID_AD_OCSP, ID_CE_AUTHORITY_KEY_IDENTIFIER as AUTHORITY_KEY_ID,
    ID_CE_BASIC_CONSTRAINTS as BASIC_CONSTRAINTS,
    ID_CE_CRL_DISTRIBUTION_POINTS as CRL_DISTRIBUTION_POINTS,
    ID_CE_EXT_KEY_USAGE as EXTENDED_KEY_USAGE, ID_CE_KEY_USAGE as KEY_USAGE,
    ID_CE_NAME_CONSTRAINTS as NAME_CONSTRAINTS, ID_CE_SUBJECT_ALT_NAME as SUBJECT_ALT_NAME,
    ID_CE_SUBJECT_KEY_IDENTIFIER as SUBJECT_KEY_ID, ID_KP_CLIENT_AUTH as CLIENT_AUTH,
    ID_KP_SERVER_AUTH as SERVER_AUTH, ID_PE_AUTHORITY_INFO_ACCESS as AUTHORITY_INFO_ACCESS,
};
use const_oid::db::rfc5912::RSA_ENCRYPTION;

/// A builder profile that adds exactly the extensions certbench chose, in its order.
struct FixedProfile {
    subject: Name,
    issuer: Name,
    extensions: Vec<Extension>,
}

impl BuilderProfile for FixedProfile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        _spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        _tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        Ok(self.extensions.clone())
    }
}

/// An extension certbench built itself, handed to x509-cert's CSR builder as is.
struct Prebuilt(Extension);

impl ToExtension for Prebuilt {
    type Error = der::Error;

    fn to_extension(
        self,
        _subject: &Name,
        _extensions: &[Extension],
    ) -> Result<Extension, der::Error> {
        Ok(self.0)
    }
}

fn extension<T: Encode>(oid: Oid, critical: bool, value: &T) -> Result<Extension, Error> {
    let bytes = value.to_der().map_err(|e| Error::Build(e.to_string()))?;
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(bytes).map_err(|e| Error::Build(e.to_string()))?,
    })
}

/// RFC 5280 section 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Result<OctetString, Error> {
    let digest = sha1::Sha1::digest(spki.subject_public_key.raw_bytes());
    OctetString::new(digest.to_vec()).map_err(|e| Error::Build(e.to_string()))
}

/// 16 random bytes, positive and minimally encoded (RFC 5280 section 4.1.2.2; CA/B wants ≥ 64 bits).
fn random_serial<R: CryptoRng + ?Sized>(rng: &mut R) -> Result<SerialNumber, Error> {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    SerialNumber::new(&bytes).map_err(|e| Error::Build(e.to_string()))
}

fn validity(not_before: UnixTime, not_after: UnixTime) -> Result<Validity, Error> {
    // The builder turns dates before 2050 into UTCTime, as RFC 5280 section 4.1.2.5 requires.
    let time = |t: UnixTime| -> Result<Time, Error> {
        let invalid = || {
            Error::Build(format!(
                "{t} is outside the dates a certificate can hold (1970 to 9999)"
            ))
        };
        let secs = u64::try_from(t.0).map_err(|_| invalid())?;
        let date = der::DateTime::from_unix_duration(std::time::Duration::from_secs(secs))
            .map_err(|_| invalid())?;
        Ok(Time::from(date))
    };
    if not_after < not_before {
        return Err(Error::Build(format!(
            "it would end ({not_after}) before it starts ({not_before})"
        )));
    }
    Ok(Validity::new(time(not_before)?, time(not_after)?))
}

/// Parses one SAN as the CLI and the form take it.
pub fn parse_san(text: &str) -> Result<GeneralName, Error> {
    let text = text.trim();
    let invalid = |why: &str| Error::InvalidName(format!("invalid SAN `{text}`: {why}"));
    let ia5 = |s: &str| {
        Ia5String::new(s).map_err(|_| invalid("only ASCII is allowed (use the xn-- form for IDNs)"))
    };
    let (kind, value) = text
        .split_once(':')
        .filter(|(k, _)| !k.contains('.'))
        .unwrap_or(("", text));
    match kind.to_ascii_lowercase().as_str() {
        "dns" => dns_name(value).and_then(|v| ia5(v).map(GeneralName::DnsName)),
        "ip" => value
            .trim()
            .parse::<std::net::IpAddr>()
            .map(GeneralName::from)
            .map_err(|_| invalid("not an IP address")),
        "email" => ia5(value).map(GeneralName::Rfc822Name),
        "uri" => ia5(value).map(GeneralName::UniformResourceIdentifier),
        // Without a prefix: an address, a mailbox (`user@host`) or a DNS name.
        "" => match text.parse::<std::net::IpAddr>() {
            Ok(ip) => Ok(GeneralName::from(ip)),
            Err(_) if text.contains('@') => ia5(text).map(GeneralName::Rfc822Name),
            Err(_) => dns_name(text).and_then(|v| ia5(v).map(GeneralName::DnsName)),
        },
        // A URL (`https://…`) is a URI; `[::1]` style and bare IPv6 contain colons: try them as
        // addresses before giving up.
        _ if value.starts_with("//") => ia5(text).map(GeneralName::UniformResourceIdentifier),
        _ => text
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .map(GeneralName::from)
            .map_err(|_| invalid("expected DNS:, IP:, email: or URI:")),
    }
}

/// A name constraint in SAN syntax; IP constraints are CIDR (`IP:10.0.0.0/8`).
fn parse_constraint(text: &str) -> Result<GeneralName, Error> {
    let text = text.trim();
    match text.split_once(':') {
        Some((kind, cidr)) if kind.eq_ignore_ascii_case("ip") => {
            let invalid = || {
                Error::InvalidName(format!(
                    "invalid IP constraint `{text}`: expected CIDR like IP:10.0.0.0/8"
                ))
            };
            let (addr, prefix) = cidr.split_once('/').ok_or_else(invalid)?;
            let addr: std::net::IpAddr = addr.parse().map_err(|_| invalid())?;
            let octets = match addr {
                std::net::IpAddr::V4(a) => a.octets().to_vec(),
                std::net::IpAddr::V6(a) => a.octets().to_vec(),
            };
            let prefix: usize = prefix.parse().map_err(|_| invalid())?;
            if prefix > octets.len() * 8 {
                return Err(invalid());
            }
            let mask: Vec<u8> = (0..octets.len())
                .map(|i| (0xffu16 << (8 - (prefix.saturating_sub(i * 8)).min(8))) as u8)
                .collect();
            let masked: Vec<u8> = octets.iter().zip(&mask).map(|(a, m)| a & m).collect();
            let bytes = [masked, mask].concat();
            Ok(GeneralName::IpAddress(
                OctetString::new(bytes).map_err(|e| Error::Build(e.to_string()))?,
            ))
        }
        _ => parse_san(text),
    }
}

fn dns_name(name: &str) -> Result<&str, Error> {
    if crate::verify::valid_dns_name(name, true) {
        Ok(name)
    } else {
        Err(Error::InvalidName(format!("invalid DNS name `{name}`")))
    }
}

/// A PKCS#10 CSR (DER) for `subject` and `san`, signed by `key` (proof of possession).
pub fn csr(subject: &Subject, san: &[String], key: &KeyPair) -> Result<Vec<u8>, Error> {
    let mut builder =
        RequestBuilder::new(subject.to_name()?).map_err(|e| Error::Build(e.to_string()))?;
    if !san.is_empty() {
        let names = san
            .iter()
            .map(|s| parse_san(s))
            .collect::<Result<Vec<_>, _>>()?;
        builder
            .add_extension(Prebuilt(extension(
                SUBJECT_ALT_NAME,
                false,
                &SubjectAltName(names),
            )?))
            .map_err(|e| Error::Build(e.to_string()))?;
    }
    key.sign(builder)?
        .to_der()
        .map_err(|e| Error::Build(e.to_string()))
}

/// What signing a CSR produced, and what of the request was not copied.
#[derive(Clone, Debug)]
pub struct SignedCsr {
    /// The certificate made.
    pub cert: Certificate,
    /// Requested extensions certbench did not copy, by name (e.g. `basicConstraints CA:TRUE`).
    pub ignored: Vec<String>,
}

/// One extension a CSR asks for, and whether the user may have it copied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requested {
    /// The extension, decoded.
    pub extension: crate::decode::ext::ExtensionReport,
    /// Why it is never copied as requested, when so.
    pub never: Option<std::borrow::Cow<'static, str>>,
}

/// Why a requested extension is never copied: these come from the form and the keys.
fn never_copied(oid: &str) -> Option<&'static str> {
    Some(match crate::extension::by_dotted(oid)?.oid {
        SUBJECT_ALT_NAME => "the SAN field decides: left empty, the CSR's names are used",
        BASIC_CONSTRAINTS => {
            "CA rights come from the profile: choose the intermediate profile to make a CA"
        }
        SUBJECT_KEY_ID | AUTHORITY_KEY_ID => "computed from the keys",
        _ => return None,
    })
}

/// What a CSR asks for, extension by extension, for the user to accept or leave.
pub fn requested_extensions(csr_der: &[u8]) -> Result<Vec<Requested>, Error> {
    let req = CertReq::from_der(csr_der).map_err(|e| Error::Build(format!("not a CSR: {e}")))?;
    Ok(
        crate::decode::ext::decode(&crate::decode::csr_extensions(&req))
            .extensions
            .into_iter()
            .map(|extension| Requested {
                never: never_copied(&extension.oid).map(Into::into),
                extension,
            })
            .collect(),
    )
}

/// Signs a CSR with a CA as `request.profile`: its subject and key, the SANs it asks for
/// unless `request` gives its own, and the other requested extensions whose OIDs are in
/// `request.copy` (never CA rights: see [`requested_extensions`]). The CSR's signature is
/// checked by `engine`.
pub fn sign_csr<R: CryptoRng + ?Sized>(
    csr_der: &[u8],
    mut request: Request,
    ca_cert: &Certificate,
    ca_key: &KeyPair,
    engine: &dyn engine::Engine,
    now: UnixTime,
    rng: &mut R,
) -> Result<SignedCsr, Error> {
    let req = CertReq::from_der(csr_der).map_err(|e| Error::Build(format!("not a CSR: {e}")))?;
    crate::signature::Check::csr(&req)
        .and_then(|check| engine.check(&check))
        .map_err(|e| {
            Error::Build(format!(
                "the CSR's signature does not verify ({e}): it was altered or not signed by its key"
            ))
        })?;
    let ignored = from_csr(&req, &mut request);
    let cert = build(
        &request,
        req.info.subject.clone(),
        &req.info.public_key,
        IssuedBy::Ca {
            cert: ca_cert,
            key: ca_key,
        },
        now,
        rng,
    )?;
    Ok(SignedCsr { cert, ignored })
}

/// Fills `request` from the CSR `req` as signing it does: the CSR's names unless the request
/// gives its own, and the requested extensions the user accepted (`request.copy`). Returns
/// what is not copied, in words.
fn from_csr(req: &CertReq, request: &mut Request) -> Vec<String> {
    let requested = crate::decode::csr_extensions(req);
    let decoded = crate::decode::ext::decode(&requested);
    if request.san.is_empty() {
        request.san = decoded.san.clone();
    }
    let mut ignored = Vec::new();
    if decoded.is_ca {
        ignored.push("basicConstraints CA:TRUE (the CSR asked to be a CA; choose the intermediate profile to mean it)".to_string());
    }
    for (wanted, report) in requested.iter().zip(&decoded.extensions) {
        let oid = report.oid.as_str();
        if never_copied(oid).is_some() {
            continue;
        }
        if request.copy.iter().any(|c| c == oid) {
            request.copied.push(wanted.clone());
        } else {
            ignored.push(format!("{} (set by the profile instead)", report.name));
        }
    }
    ignored
}

/// What signing a CSR will make, before it is signed: its subject, the names it will carry
/// and where they come from, and the request filled from it (for [`preview_extensions`]).
pub struct CsrPreview {
    /// The subject the certificate will carry: the CSR's.
    pub subject: String,
    /// The request, filled from the CSR and the form.
    pub request: Request,
    /// The CSR's public key is RSA (keyEncipherment goes with it).
    pub rsa: bool,
    /// The names the CSR asks for (its SAN), which the request's names replace when given.
    pub csr_names: Vec<String>,
}

/// [`sign_csr`]'s view of `csr_der` with `request`, without checking or signing anything.
pub fn preview_csr(csr_der: &[u8], mut request: Request) -> Result<CsrPreview, Error> {
    let req = CertReq::from_der(csr_der).map_err(|e| Error::Build(format!("not a CSR: {e}")))?;
    let csr_names = crate::decode::ext::decode(&crate::decode::csr_extensions(&req)).san;
    from_csr(&req, &mut request);
    Ok(CsrPreview {
        subject: dn::rfc4514(&req.info.subject),
        rsa: req.info.public_key.algorithm.oid == Oid::new_unwrap("1.2.840.113549.1.1.1"),
        request,
        csr_names,
    })
}

/// A certificate with its key, ready to save.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Issued {
    /// The certificate, PEM.
    pub cert_pem: String,
    /// Its private key, PKCS#8 PEM.
    pub key_pem: String,
    #[serde(skip)]
    /// The certificate, DER.
    pub cert_der: Vec<u8>,
}

/// A self-signed TLS leaf with a new or given key: the one-click dev certificate.
pub fn self_signed<R: CryptoRng + ?Sized>(
    request: &Request,
    key: &KeyPair,
    rng: &mut R,
) -> Result<Issued, Error> {
    let cert = issue(
        request,
        &key.public_key_info()?,
        IssuedBy::Itself(key),
        request.not_before,
        rng,
    )?;
    let cert_der = cert.to_der().map_err(|e| Error::Build(e.to_string()))?;
    Ok(Issued {
        cert_pem: pem("CERTIFICATE", &cert_der)?,
        key_pem: key.pkcs8_pem()?,
        cert_der,
    })
}

/// The files a certificate is saved as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainFiles {
    /// The certificate, PEM.
    pub cert_pem: String,
    /// The CA certificates as given (intermediates and root): what clients may need to trust.
    pub chain_pem: String,
    /// The certificate and the CA certificates that are not self-signed roots: what a server
    /// sends (Let's Encrypt's fullchain.pem).
    pub fullchain_pem: String,
}

/// The files `cert` is saved as, with the CA certificates that issued it (issuer first).
pub fn chain_files(cert: &Certificate, ca_chain: &[Certificate]) -> Result<ChainFiles, Error> {
    let to_pem = |c: &Certificate| {
        pem(
            "CERTIFICATE",
            &c.to_der().map_err(|e| Error::Build(e.to_string()))?,
        )
    };
    let cert_pem = to_pem(cert)?;
    let mut chain_pem = String::new();
    let mut fullchain_pem = cert_pem.clone();
    for ca in ca_chain {
        let ca_pem = to_pem(ca)?;
        chain_pem.push_str(&ca_pem);
        if ca.tbs_certificate().subject() != ca.tbs_certificate().issuer() {
            fullchain_pem.push_str(&ca_pem);
        }
    }
    Ok(ChainFiles {
        cert_pem,
        chain_pem,
        fullchain_pem,
    })
}

/// The OpenSSL commands (and extensions file) that make the same kind of certificate, for
/// people who want to repeat it or learn the flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpensslRecipe {
    /// The commands, in order, as a shell runs them.
    pub commands: Vec<String>,
    /// Contents of `ext.cnf`, when the commands use one.
    pub extfile: Option<String>,
}

/// The OpenSSL commands that make a certificate like `request` with a key of `key_type`.
pub fn openssl_recipe(request: &Request, key_type: KeyType) -> OpensslRecipe {
    let genkey = match key_type {
        KeyType::P256 => {
            "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem"
                .to_string()
        }
        KeyType::P384 => {
            "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out key.pem"
                .to_string()
        }
        KeyType::Ed25519 => "openssl genpkey -algorithm Ed25519 -out key.pem".to_string(),
        rsa => format!(
            "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:{} -out key.pem",
            rsa.rsa_bits().unwrap_or(2048)
        ),
    };
    let subject: String = [
        ("C", &request.subject.country),
        ("ST", &request.subject.state),
        ("L", &request.subject.locality),
        ("O", &request.subject.organization),
        ("OU", &request.subject.organizational_unit),
        ("CN", &request.subject.common_name),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("/{k}={}", v.trim().replace('/', "\\/")))
    .collect();
    let days = (request.not_before.days_until(request.not_after) + 1).max(1);
    let mut ext = vec![];
    let profile = request.profile;
    ext.push(match (profile.is_ca(), request.path_len) {
        (true, Some(n)) => format!("basicConstraints = critical, CA:TRUE, pathlen:{n}"),
        (true, None) => "basicConstraints = critical, CA:TRUE".into(),
        (false, _) => "basicConstraints = critical, CA:FALSE".into(),
    });
    ext.push(match profile {
        Profile::Root | Profile::Intermediate => {
            "keyUsage = critical, keyCertSign, cRLSign, digitalSignature".into()
        }
        _ if key_type.name().starts_with("rsa") && profile != Profile::Client => {
            "keyUsage = critical, digitalSignature, keyEncipherment".into()
        }
        _ => "keyUsage = critical, digitalSignature".to_string(),
    });
    match profile {
        Profile::SelfSigned => ext.push("extendedKeyUsage = serverAuth, clientAuth".into()),
        Profile::Server => ext.push("extendedKeyUsage = serverAuth".into()),
        Profile::Client => ext.push("extendedKeyUsage = clientAuth".into()),
        _ => {}
    }
    ext.push("subjectKeyIdentifier = hash".into());
    if profile != Profile::Root {
        ext.push("authorityKeyIdentifier = keyid".into());
    }
    if !request.san.is_empty() {
        let san: Vec<String> = request
            .san
            .iter()
            .map(|s| match s.split_once(':') {
                Some((k, v))
                    if !k.contains('.') && !v.contains(':') || k.eq_ignore_ascii_case("ip") =>
                {
                    let kind = match k.to_ascii_lowercase().as_str() {
                        "dns" => "DNS",
                        "ip" => "IP",
                        "email" => "email",
                        "uri" => "URI",
                        other => return format!("{other}:{v}"),
                    };
                    format!("{kind}:{v}")
                }
                _ if s.parse::<std::net::IpAddr>().is_ok() => format!("IP:{s}"),
                _ => format!("DNS:{s}"),
            })
            .collect();
        ext.push(format!("subjectAltName = {}", san.join(", ")));
    }
    if !request.permitted.is_empty() || !request.excluded.is_empty() {
        let mut nc: Vec<String> = request
            .permitted
            .iter()
            .map(|p| format!("permitted;{p}"))
            .collect();
        nc.extend(request.excluded.iter().map(|e| format!("excluded;{e}")));
        ext.push(format!("nameConstraints = critical, {}", nc.join(", ")));
    }
    let mut aia = Vec::new();
    if let Some(url) = &request.ocsp_url {
        aia.push(format!("OCSP;URI:{url}"));
    }
    if let Some(url) = &request.ca_issuers_url {
        aia.push(format!("caIssuers;URI:{url}"));
    }
    if !aia.is_empty() {
        ext.push(format!("authorityInfoAccess = {}", aia.join(", ")));
    }
    if let Some(url) = &request.crl_url {
        ext.push(format!("crlDistributionPoints = URI:{url}"));
    }
    if request.must_staple {
        ext.push("tlsfeature = status_request".into());
    }
    // Also a minimal `req` config: OpenSSL 3.0's `req -x509` takes extensions only from -config.
    let extfile = format!(
        "[req]\ndistinguished_name = dn\n[dn]\n[v3]\n{}\n",
        ext.join("\n")
    );
    let commands = match profile {
        Profile::SelfSigned | Profile::Root => vec![
            genkey,
            format!(
                "openssl req -x509 -new -key key.pem -sha256 -days {days} -subj \"{subject}\" -config ext.cnf -extensions v3 -out cert.pem"
            ),
        ],
        _ => vec![
            genkey,
            format!("openssl req -new -key key.pem -subj \"{subject}\" -out request.csr"),
            format!(
                "openssl x509 -req -in request.csr -CA ca.pem -CAkey ca.key -sha256 -days {days} -set_serial 0x$(openssl rand -hex 16) -extfile ext.cnf -extensions v3 -out cert.pem"
            ),
            "cat cert.pem intermediates.pem > fullchain.pem".to_string(),
        ],
    };
    OpensslRecipe {
        commands,
        extfile: Some(extfile),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SANs as people type them: prefixed, or bare names, addresses, mailboxes and URLs.
    #[test]
    fn sans_are_read_with_or_without_their_prefix() {
        let kind = |text: &str| match parse_san(text) {
            Ok(GeneralName::DnsName(_)) => "dns",
            Ok(GeneralName::IpAddress(_)) => "ip",
            Ok(GeneralName::Rfc822Name(_)) => "email",
            Ok(GeneralName::UniformResourceIdentifier(_)) => "uri",
            Ok(_) => "other",
            Err(_) => "error",
        };
        for (text, expected) in [
            ("DNS:example.test", "dns"),
            ("*.example.test", "dns"),
            ("localhost", "dns"),
            ("IP:192.0.2.1", "ip"),
            ("::1", "ip"),
            ("[2001:db8::1]", "ip"),
            ("email:me@example.test", "email"),
            ("me@example.test", "email"),
            ("URI:spiffe://example.test/workload", "uri"),
            ("https://example.test/", "uri"),
            ("bücher.example", "error"),
            ("nonsense:value", "error"),
        ] {
            assert_eq!(kind(text), expected, "{text}");
        }
    }
}
