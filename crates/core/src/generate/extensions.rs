//! The extensions each profile gives a certificate, built (and previewed) in certbench's
//! order.

use super::issue::{require_san, validity};
use super::names::{parse_constraint, parse_san};
use super::request::{Profile, Request};
use crate::error::Error;
use crate::extension::TLS_FEATURE;
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc5280::{
    ID_AD_CA_ISSUERS, ID_AD_OCSP, ID_CE_AUTHORITY_KEY_IDENTIFIER as AUTHORITY_KEY_ID,
    ID_CE_BASIC_CONSTRAINTS as BASIC_CONSTRAINTS,
    ID_CE_CRL_DISTRIBUTION_POINTS as CRL_DISTRIBUTION_POINTS,
    ID_CE_EXT_KEY_USAGE as EXTENDED_KEY_USAGE, ID_CE_KEY_USAGE as KEY_USAGE,
    ID_CE_NAME_CONSTRAINTS as NAME_CONSTRAINTS, ID_CE_SUBJECT_ALT_NAME as SUBJECT_ALT_NAME,
    ID_CE_SUBJECT_KEY_IDENTIFIER as SUBJECT_KEY_ID, ID_KP_CLIENT_AUTH as CLIENT_AUTH,
    ID_KP_SERVER_AUTH as SERVER_AUTH, ID_PE_AUTHORITY_INFO_ACCESS as AUTHORITY_INFO_ACCESS,
};
use der::{Encode, asn1::OctetString};
use sha1::Digest;
use x509_cert::{
    builder::profile::BuilderProfile,
    certificate::TbsCertificate,
    ext::{
        Extension, ToExtension,
        pkix::{NameConstraints, SubjectAltName, constraints::name::GeneralSubtree},
    },
    name::Name,
    spki::{SubjectPublicKeyInfoOwned, SubjectPublicKeyInfoRef},
};

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

pub(super) fn profile_extensions(
    request: &Request,
    subject_is_rsa: bool,
    key_id: OctetString,
    issuer_key_id: OctetString,
) -> Result<Vec<Extension>, Error> {
    use crate::tlv::{INTEGER, OCTET_STRING, OID, SEQUENCE, encode};
    // The simple extensions are written with `tlv`: der's generic encoders for each of their
    // types cost the web app's worker more than these lines.
    let profile = request.profile;
    let ca = profile.is_ca();
    let mut constraints = Vec::new();
    if ca {
        constraints.extend(encode(BOOLEAN, &[0xff]));
        if let Some(depth) = request.path_len {
            constraints.extend(encode(INTEGER, &unsigned_content(depth)));
        }
    }
    let mut exts = vec![raw(
        BASIC_CONSTRAINTS,
        true,
        encode(SEQUENCE, &constraints),
    )?];
    // Key usage bits, digitalSignature (bit 0) first.
    let usage: &[u8] = if ca {
        &[0, 5, 6]
    } else if subject_is_rsa && profile != Profile::Client {
        &[0, 2]
    } else {
        &[0]
    };
    exts.push(raw(KEY_USAGE, true, named_bits(usage))?);
    let ekus: &[Oid] = match profile {
        Profile::SelfSigned => &[SERVER_AUTH, CLIENT_AUTH],
        Profile::Server => &[SERVER_AUTH],
        Profile::Client => &[CLIENT_AUTH],
        Profile::Root | Profile::Intermediate => &[],
    };
    if !ekus.is_empty() {
        let list: Vec<u8> = ekus
            .iter()
            .flat_map(|o| encode(OID, o.as_bytes()))
            .collect();
        exts.push(raw(EXTENDED_KEY_USAGE, false, encode(SEQUENCE, &list))?);
    }
    exts.push(raw(
        SUBJECT_KEY_ID,
        false,
        encode(OCTET_STRING, key_id.as_bytes()),
    )?);
    if profile != Profile::Root {
        // AuthorityKeyIdentifier { keyIdentifier [0] IMPLICIT }.
        let aki = encode(SEQUENCE, &encode(0x80, issuer_key_id.as_bytes()));
        exts.push(raw(AUTHORITY_KEY_ID, false, aki)?);
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
    // A URI as a GeneralName (uniformResourceIdentifier, [6] IMPLICIT IA5String).
    let uri = |u: &str| {
        u.is_ascii()
            .then(|| encode(0x86, u.as_bytes()))
            .ok_or_else(|| Error::InvalidName(format!("`{u}` is not an ASCII URL")))
    };
    let mut access = Vec::new();
    for (method, url) in [
        (ID_AD_OCSP, &request.ocsp_url),
        (ID_AD_CA_ISSUERS, &request.ca_issuers_url),
    ] {
        if let Some(url) = url {
            access.extend(encode(
                SEQUENCE,
                &[encode(OID, method.as_bytes()), uri(url)?].concat(),
            ));
        }
    }
    if !access.is_empty() {
        exts.push(raw(
            AUTHORITY_INFO_ACCESS,
            false,
            encode(SEQUENCE, &access),
        )?);
    }
    if let Some(url) = &request.crl_url {
        // DistributionPoint { distributionPoint [0] { fullName [0] { uri } } }.
        let point = encode(SEQUENCE, &encode(0xa0, &encode(0xa0, &uri(url)?)));
        exts.push(raw(
            CRL_DISTRIBUTION_POINTS,
            false,
            encode(SEQUENCE, &point),
        )?);
    }
    if request.must_staple {
        // TLS feature status_request (5), RFC 7633.
        exts.push(raw(
            TLS_FEATURE,
            false,
            encode(SEQUENCE, &encode(INTEGER, &[5])),
        )?);
    }
    for copied in &request.copied {
        exts.retain(|e| e.extn_id != copied.extn_id);
        exts.push(copied.clone());
    }
    Ok(exts)
}

/// A builder profile that adds exactly the extensions certbench chose, in its order.
pub(super) struct FixedProfile {
    pub(super) subject: Name,
    pub(super) issuer: Name,
    pub(super) extensions: Vec<Extension>,
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
pub(super) struct Prebuilt(pub(super) Extension);

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

pub(super) fn extension<T: Encode>(
    oid: Oid,
    critical: bool,
    value: &T,
) -> Result<Extension, Error> {
    let bytes = value.to_der().map_err(|e| Error::Build(e.to_string()))?;
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(bytes).map_err(|e| Error::Build(e.to_string()))?,
    })
}

/// An extension whose value certbench wrote itself (DER).
fn raw(oid: Oid, critical: bool, value: Vec<u8>) -> Result<Extension, Error> {
    Ok(Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value).map_err(|e| Error::Build(e.to_string()))?,
    })
}

/// BOOLEAN's tag.
const BOOLEAN: u8 = 0x01;

/// A non-negative INTEGER's content octets: big-endian, a zero octet first when the top bit
/// is set.
fn unsigned_content(value: u8) -> Vec<u8> {
    if value & 0x80 != 0 {
        vec![0, value]
    } else {
        vec![value]
    }
}

/// A named bit list (keyUsage) with `bits` set, in DER: no trailing zero bits, the unused-bits
/// count of the last byte first.
fn named_bits(bits: &[u8]) -> Vec<u8> {
    let top = bits.iter().copied().max().unwrap_or(0);
    let mut bytes = vec![0u8; usize::from(top / 8) + 1];
    for &bit in bits {
        bytes[usize::from(bit / 8)] |= 0x80 >> (bit % 8);
    }
    let unused = bytes.last().map_or(0, |b| b.trailing_zeros().min(7) as u8);
    crate::tlv::encode(0x03, &[&[unused][..], &bytes].concat())
}

/// RFC 5280 section 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
pub(super) fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Result<OctetString, Error> {
    let digest = sha1::Sha1::digest(spki.subject_public_key.raw_bytes());
    OctetString::new(digest.to_vec()).map_err(|e| Error::Build(e.to_string()))
}
