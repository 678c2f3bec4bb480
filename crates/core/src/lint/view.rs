//! A certificate as it is written, field by field, for the rules that judge its encoding and
//! its profile: names with their string types, times with their tags, extensions with their
//! raw values. Read with [`crate::tlv`] from the DER [`crate::canonical`] made of it, so a
//! certificate that is not strict DER is read too (its encoding problems are findings).

use crate::tlv::{self, OID, SEQUENCE, element, expect};
use const_oid::ObjectIdentifier as Oid;

/// The parts of a certificate lint reads.
pub(super) struct View<'a> {
    /// 1, 2 or 3.
    pub(super) version: u8,
    /// Version 1 written out although it is the DEFAULT (DER leaves it out).
    pub(super) version_default_written: bool,
    /// tbsCertificate's signature AlgorithmIdentifier, whole element.
    pub(super) tbs_algorithm: &'a [u8],
    /// The outer signatureAlgorithm, whole element.
    pub(super) algorithm: &'a [u8],
    /// The issuer's attributes, in order.
    pub(super) issuer: Vec<Atv<'a>>,
    /// The subject's attributes, in order.
    pub(super) subject: Vec<Atv<'a>>,
    /// notBefore and notAfter: tag and text.
    pub(super) validity: [(u8, &'a [u8]); 2],
    /// The public key's AlgorithmIdentifier: OID content and parameters (whole element).
    pub(super) key_algorithm: (&'a [u8], Option<&'a [u8]>),
    /// The public key's BIT STRING content (unused-bits octet first).
    pub(super) key: &'a [u8],
    /// issuerUniqueID or subjectUniqueID present.
    pub(super) unique_ids: bool,
    /// Every extension, in order.
    pub(super) extensions: Vec<Ext<'a>>,
}

/// One attribute of a name.
pub(super) struct Atv<'a> {
    /// The attribute type's OID content octets.
    pub(super) oid: &'a [u8],
    /// The value's tag (a string type, usually).
    pub(super) tag: u8,
    /// The value's content octets.
    pub(super) value: &'a [u8],
}

/// One extension.
pub(super) struct Ext<'a> {
    /// The extension's OID content octets.
    pub(super) oid: &'a [u8],
    /// Marked critical.
    pub(super) critical: bool,
    /// `critical FALSE` written out although it is the DEFAULT (DER leaves it out).
    pub(super) default_written: bool,
    /// extnValue's content: the DER of the extension's own type.
    pub(super) value: &'a [u8],
}

impl<'a> View<'a> {
    /// Reads `der` (a certificate in DER); `None` when it is not shaped like one.
    pub(super) fn read(der: &'a [u8]) -> Option<View<'a>> {
        let (certificate, _) = expect(der, SEQUENCE)?;
        let (tbs, rest) = expect(certificate, SEQUENCE)?;
        let (algorithm, _) = whole(rest)?;
        let (version, version_default_written, tbs) = match element(tbs)? {
            (0xa0, explicit, rest) => {
                let (v, _) = expect(explicit, tlv::INTEGER)?;
                let v = tlv::unsigned(v)?;
                (u8::try_from(v.checked_add(1)?).ok()?, v == 0, rest)
            }
            _ => (1, false, tbs),
        };
        let (_serial, tbs) = expect(tbs, tlv::INTEGER)?;
        let (tbs_algorithm, tbs) = whole(tbs)?;
        let (issuer, tbs) = expect(tbs, SEQUENCE)?;
        let (validity, tbs) = expect(tbs, SEQUENCE)?;
        let (subject, tbs) = expect(tbs, SEQUENCE)?;
        let (spki, mut tbs) = expect(tbs, SEQUENCE)?;
        let (not_before_tag, not_before, validity) = element(validity)?;
        let (not_after_tag, not_after, _) = element(validity)?;
        let (key_algorithm, key) = expect(spki, SEQUENCE)?;
        let (key_oid, key_params) = expect(key_algorithm, OID)?;
        let (key, _) = expect(key, 0x03)?;
        let mut unique_ids = false;
        let mut extensions = Vec::new();
        while let Some((tag, content, rest)) = element(tbs) {
            match tag {
                0x81 | 0x82 => unique_ids = true,
                0xa3 => extensions = read_extensions(content)?,
                _ => {}
            }
            tbs = rest;
        }
        Some(View {
            version,
            version_default_written,
            tbs_algorithm,
            algorithm,
            issuer: read_name(issuer)?,
            subject: read_name(subject)?,
            validity: [(not_before_tag, not_before), (not_after_tag, not_after)],
            key_algorithm: (key_oid, whole(key_params).map(|(p, _)| p)),
            key,
            unique_ids,
            extensions,
        })
    }

    /// The extension `oid`, when present (the first, when repeated).
    pub(super) fn ext(&self, oid: Oid) -> Option<&Ext<'a>> {
        self.extensions.iter().find(|e| e.oid == oid.as_bytes())
    }

    /// The subject's attributes of type `oid`.
    pub(super) fn subject_attrs(&self, oid: Oid) -> impl Iterator<Item = &Atv<'a>> {
        self.subject.iter().filter(move |a| a.oid == oid.as_bytes())
    }

    /// extendedKeyUsage's purposes (OID content octets); empty when absent.
    pub(super) fn eku(&self) -> Vec<&'a [u8]> {
        self.ext(const_oid::db::rfc5280::ID_CE_EXT_KEY_USAGE)
            .map(|e| oids_in(e.value))
            .unwrap_or_default()
    }

    /// Whether extendedKeyUsage names `purpose`.
    pub(super) fn has_eku(&self, purpose: Oid) -> bool {
        self.eku().contains(&purpose.as_bytes())
    }

    /// The policy OIDs of certificatePolicies (content octets), with each one's qualifiers.
    pub(super) fn policies(&self) -> Vec<Policy<'a>> {
        let Some(e) = self.ext(const_oid::db::rfc5280::ID_CE_CERTIFICATE_POLICIES) else {
            return Vec::new();
        };
        let Some((mut list, _)) = expect(e.value, SEQUENCE) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        while let Some((info, rest)) = expect(list, SEQUENCE) {
            if let Some((oid, qualifiers)) = expect(info, OID) {
                let qualifiers = expect(qualifiers, SEQUENCE)
                    .map(|(q, _)| elements(q))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|(_, q)| {
                        let (info, _) = expect(q, SEQUENCE)?;
                        expect(info, OID)
                    })
                    .collect();
                out.push(Policy { oid, qualifiers });
            }
            list = rest;
        }
        out
    }

    /// The names of a GeneralNames extension (subjectAltName, issuerAltName): each one's tag
    /// and content.
    pub(super) fn general_names(&self, oid: Oid) -> Option<Vec<(u8, &'a [u8])>> {
        let e = self.ext(oid)?;
        let (names, _) = expect(e.value, SEQUENCE)?;
        Some(
            elements(names)
                .into_iter()
                .map(|(tag, whole)| (tag, element(whole).map(|(_, c, _)| c).unwrap_or_default()))
                .collect(),
        )
    }

    /// keyUsage's bits (bit 0, digitalSignature, first) and its BIT STRING content, when present.
    pub(super) fn key_usage(&self) -> Option<(u16, &'a [u8])> {
        let e = self.ext(const_oid::db::rfc5280::ID_CE_KEY_USAGE)?;
        let (bits, _) = expect(e.value, 0x03)?;
        let value = bits
            .get(1..)?
            .iter()
            .take(2)
            .enumerate()
            .fold(0u16, |acc, (i, &b)| {
                acc | (u16::from(b.reverse_bits()) << (8 * i))
            });
        Some((value, bits))
    }

    /// basicConstraints: cA and pathLenConstraint, when present.
    pub(super) fn basic_constraints(&self) -> Option<(bool, Option<u64>)> {
        let e = self.ext(const_oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS)?;
        let (mut body, _) = expect(e.value, SEQUENCE)?;
        let mut ca = false;
        if let Some((flag, rest)) = expect(body, 0x01) {
            ca = flag.first().is_some_and(|&b| b != 0);
            body = rest;
        }
        let path_len = expect(body, tlv::INTEGER).and_then(|(n, _)| tlv::unsigned(n));
        Some((ca, path_len))
    }

    /// The access descriptions of authorityInfoAccess or subjectInfoAccess: method OID and
    /// location (tag, content).
    pub(super) fn access(&self, oid: Oid) -> Vec<(&'a [u8], u8, &'a [u8])> {
        let Some((list, _)) = self.ext(oid).and_then(|e| expect(e.value, SEQUENCE)) else {
            return Vec::new();
        };
        elements(list)
            .into_iter()
            .filter_map(|(_, whole)| {
                let (description, _) = expect(whole, SEQUENCE)?;
                let (method, location) = expect(description, OID)?;
                let (tag, value, _) = element(location)?;
                Some((method, tag, value))
            })
            .collect()
    }

    /// The fullName URIs and other names of cRLDistributionPoints, with whether any point
    /// carries reasons or cRLIssuer, or has no name at all.
    pub(super) fn distribution_points(&self) -> Option<DistributionPoints<'a>> {
        let e = self.ext(const_oid::db::rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS)?;
        let (list, _) = expect(e.value, SEQUENCE)?;
        let mut out = DistributionPoints::default();
        for (_, whole) in elements(list) {
            let Some((point, _)) = expect(whole, SEQUENCE) else {
                continue;
            };
            let mut named = false;
            for (tag, field) in elements(point) {
                let content = element(field).map(|(_, c, _)| c).unwrap_or_default();
                match tag {
                    // distributionPoint [0] { fullName [0] GeneralNames | relative [1] }
                    0xa0 => {
                        named = true;
                        if let Some((0xa0, names, _)) = element(content) {
                            for (tag, name) in elements(names) {
                                let value = element(name).map(|(_, c, _)| c).unwrap_or_default();
                                out.names.push((tag, value));
                            }
                        }
                    }
                    0x81 | 0xa1 => out.reasons = true,
                    0xa2 => {
                        out.crl_issuer = true;
                        named = true;
                    }
                    _ => {}
                }
            }
            out.unnamed |= !named;
        }
        Some(out)
    }
}

/// One policy of certificatePolicies.
pub(super) struct Policy<'a> {
    /// The policy's OID content octets.
    pub(super) oid: &'a [u8],
    /// Its qualifiers: the qualifier's OID content octets and what follows it.
    pub(super) qualifiers: Vec<(&'a [u8], &'a [u8])>,
}

/// What cRLDistributionPoints says.
#[derive(Default)]
pub(super) struct DistributionPoints<'a> {
    /// Every fullName's names: tag and content.
    pub(super) names: Vec<(u8, &'a [u8])>,
    /// A point limits its reasons.
    pub(super) reasons: bool,
    /// A point names a cRLIssuer.
    pub(super) crl_issuer: bool,
    /// A point has neither a name nor a cRLIssuer.
    pub(super) unnamed: bool,
}

/// The first element of `bytes`, tag and length included, and what follows it.
fn whole(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (_, _, rest) = element(bytes)?;
    Some((&bytes[..bytes.len() - rest.len()], rest))
}

/// Every element of `content`: tag and the whole element.
fn elements(mut content: &[u8]) -> Vec<(u8, &[u8])> {
    let mut out = Vec::new();
    while let Some((tag, _, _)) = element(content) {
        let Some((one, rest)) = whole(content) else {
            break;
        };
        out.push((tag, one));
        content = rest;
    }
    out
}

/// The OIDs of a SEQUENCE OF OBJECT IDENTIFIER (content octets).
fn oids_in(der: &[u8]) -> Vec<&[u8]> {
    let Some((mut list, _)) = expect(der, SEQUENCE) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while let Some((oid, rest)) = expect(list, OID) {
        out.push(oid);
        list = rest;
    }
    out
}

fn read_name(mut name: &[u8]) -> Option<Vec<Atv<'_>>> {
    let mut out = Vec::new();
    while !name.is_empty() {
        let (mut set, rest) = expect(name, 0x31)?;
        while !set.is_empty() {
            let (atv, more) = expect(set, SEQUENCE)?;
            let (oid, value) = expect(atv, OID)?;
            let (tag, value, _) = element(value)?;
            out.push(Atv { oid, tag, value });
            set = more;
        }
        name = rest;
    }
    Some(out)
}

/// The extensions of an Extensions SEQUENCE (`content` starts with it): a certificate's, a
/// CRL's or a CRL entry's.
pub(super) fn read_extensions(content: &[u8]) -> Option<Vec<Ext<'_>>> {
    let (mut list, _) = expect(content, SEQUENCE)?;
    let mut out = Vec::new();
    while !list.is_empty() {
        let (ext, rest) = expect(list, SEQUENCE)?;
        let (oid, mut ext) = expect(ext, OID)?;
        let mut critical = false;
        let mut default_written = false;
        if let Some((flag, more)) = expect(ext, 0x01) {
            critical = flag.first().is_some_and(|&b| b != 0);
            default_written = !critical;
            ext = more;
        }
        let (value, _) = expect(ext, tlv::OCTET_STRING)?;
        out.push(Ext {
            oid,
            critical,
            default_written,
            value,
        });
        list = rest;
    }
    Some(out)
}
