//! Every profile rule on a certificate that breaks it and one that keeps it. Certificates are
//! written here field by field (DER by hand: lint reads what a CA wrote, so tests must be able
//! to write what no generator would), starting from a clean certificate of the rule's profile.

use super::kind::{Kinds, PROFILES, Profile};
use super::table::{Check, TABLE};
use super::test_der::{hex, power, seq};
use crate::tlv::{OCTET_STRING, OID, SEQUENCE, encode};
use const_oid::ObjectIdentifier as Oid;
use const_oid::db::rfc4519::{BUSINESS_CATEGORY, C, CN, GIVEN_NAME, L, O, SERIAL_NUMBER, SN, ST};
use const_oid::db::rfc5280::*;
use const_oid::db::rfc6960::ID_PKIX_OCSP_NOCHECK;

#[derive(Clone)]
struct Cert {
    version_written: Option<u8>,
    algorithm: Vec<u8>,
    outer_algorithm: Option<Vec<u8>>,
    issuer: Vec<(Vec<u8>, u8, Vec<u8>)>,
    subject: Vec<(Vec<u8>, u8, Vec<u8>)>,
    validity: [(u8, Vec<u8>); 2],
    spki: Vec<u8>,
    unique_id: bool,
    /// The issuer's attributes in one RDN, in the order given.
    multi_valued_issuer: bool,
    extensions: Vec<(Vec<u8>, bool, Vec<u8>)>,
    raw_extension: Option<Vec<u8>>,
}

fn oid(o: Oid) -> Vec<u8> {
    o.as_bytes().to_vec()
}

fn oid_el(o: Oid) -> Vec<u8> {
    encode(OID, o.as_bytes())
}

/// The RSA modulus of tests/fixtures/int.rsa.key, an OpenSSL-made 2048-bit key.
const INT_RSA_MODULUS: &str = "e00a4ff7afd79a256eab39f1106122b8a5dbab37d4ec1bf09115255fad5042769ad339526f1cf5754752c426c037d83f440112773e9f95b31e0c48fc8b3f1524e2b6f7662c7a8b4e04d1ec3383a088cdd6cf023962e2183f1686c8754f9e4ebcfa31c45cdb20ebcac8785b2eda84df513e4f0301d0e69a53ab94ada18bbd9a15c889f4ad02701c60ef96be84b84c9b2055440777102d03490540a490f9f747e0bbdbf66fc208f6c6ef013367be0e71c09a8e4fc622a59943704e834f1ceb23e2ab80b2da04efe7354d9df7653a1b3fd8a0cae88f498895ab64bfd58d958e6711fd94b0241b34f97b8c553725bb566cfce8433d9b8ec42481be5c80657e26c837";

const ECDSA_SHA256: &str = "300a06082a8648ce3d040302";
const P256_KEY: &str = "3059301306072a8648ce3d020106082a8648ce3d030107034200046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

fn eku(purposes: &[Oid]) -> Vec<u8> {
    encode(
        SEQUENCE,
        &purposes.iter().flat_map(|p| oid_el(*p)).collect::<Vec<_>>(),
    )
}

fn policies(oids: &[&str]) -> Vec<u8> {
    let list: Vec<u8> = oids
        .iter()
        .flat_map(|o| seq(&[&oid_el(Oid::new_unwrap(o))]))
        .collect();
    encode(SEQUENCE, &list)
}

fn key_usage(bits: u16) -> Vec<u8> {
    let bytes = [
        (bits as u8).reverse_bits(),
        ((bits >> 8) as u8).reverse_bits(),
    ];
    let used: &[u8] = if bytes[1] == 0 { &bytes[..1] } else { &bytes };
    let unused = used.last().map_or(0, |b| b.trailing_zeros().min(7) as u8);
    encode(0x03, &[&[unused][..], used].concat())
}

fn aia() -> Vec<u8> {
    let ocsp = seq(&[
        &oid_el(ID_AD_OCSP),
        &encode(0x86, b"http://ocsp.example.com"),
    ]);
    let issuers = seq(&[
        &oid_el(ID_AD_CA_ISSUERS),
        &encode(0x86, b"http://ca.example.com/ca.crt"),
    ]);
    seq(&[&ocsp, &issuers])
}

fn crldp() -> Vec<u8> {
    let full = encode(0xa0, &encode(0x86, b"http://crl.example.com/ca.crl"));
    seq(&[&seq(&[&encode(0xa0, &full)])])
}

fn key_id() -> Vec<u8> {
    encode(OCTET_STRING, &[7; 20])
}

fn aki() -> Vec<u8> {
    seq(&[&encode(0x80, &[9; 20])])
}

fn attr(o: Oid, value: &str) -> (Vec<u8>, u8, Vec<u8>) {
    let tag = if o == C || o == SERIAL_NUMBER {
        0x13
    } else {
        0x0c
    };
    (oid(o), tag, value.as_bytes().to_vec())
}

/// A sample value for an extension a test adds.
fn sample(o: Oid) -> Vec<u8> {
    match o {
        x if x == ID_CE_SUBJECT_KEY_IDENTIFIER => key_id(),
        x if x == ID_CE_AUTHORITY_KEY_IDENTIFIER => aki(),
        x if x == ID_CE_EXT_KEY_USAGE => eku(&[ID_KP_SERVER_AUTH]),
        x if x == ID_CE_CERTIFICATE_POLICIES => policies(&["1.2.3.4"]),
        x if x == ID_CE_CRL_DISTRIBUTION_POINTS || x == ID_CE_FRESHEST_CRL => crldp(),
        x if x == ID_PE_AUTHORITY_INFO_ACCESS || x == ID_PE_SUBJECT_INFO_ACCESS => aia(),
        x if x == ID_CE_NAME_CONSTRAINTS => {
            seq(&[&encode(0xa0, &seq(&[&encode(0x82, b"example.com")]))])
        }
        x if x == ID_CE_POLICY_MAPPINGS => seq(&[&seq(&[
            &oid_el(Oid::new_unwrap("1.2.3.4")),
            &oid_el(Oid::new_unwrap("1.2.3.5")),
        ])]),
        x if x == ID_CE_INHIBIT_ANY_POLICY => encode(0x02, &[0]),
        x if x == ID_CE_ISSUER_ALT_NAME || x == ID_CE_SUBJECT_ALT_NAME => {
            seq(&[&encode(0x82, b"example.com")])
        }
        x if x == ID_CE_SUBJECT_DIRECTORY_ATTRIBUTES => {
            seq(&[&seq(&[&oid_el(C), &encode(0x31, &encode(0x13, b"US"))])])
        }
        x if x == ID_CE_KEY_USAGE => key_usage(1),
        x if x == ID_CE_BASIC_CONSTRAINTS => seq(&[]),
        x if x == const_oid::db::rfc6962::CT_PRECERT_SCTS => {
            encode(OCTET_STRING, &[0, 4, 0, 2, 1, 2])
        }
        _ => vec![0x05, 0x00],
    }
}

impl Cert {
    fn der(&self) -> Vec<u8> {
        let name = |attrs: &[(Vec<u8>, u8, Vec<u8>)]| {
            let rdns: Vec<u8> = attrs
                .iter()
                .flat_map(|(o, tag, v)| encode(0x31, &seq(&[&encode(OID, o), &encode(*tag, v)])))
                .collect();
            encode(SEQUENCE, &rdns)
        };
        let mut tbs = Vec::new();
        if let Some(v) = self.version_written {
            tbs.extend(encode(0xa0, &encode(0x02, &[v])));
        }
        tbs.extend(encode(0x02, &[0x40, 1, 2, 3, 4, 5, 6, 7, 8]));
        tbs.extend(&self.algorithm);
        if self.multi_valued_issuer {
            let atvs: Vec<u8> = self
                .issuer
                .iter()
                .flat_map(|(o, tag, v)| seq(&[&encode(OID, o), &encode(*tag, v)]))
                .collect();
            tbs.extend(encode(SEQUENCE, &encode(0x31, &atvs)));
        } else {
            tbs.extend(name(&self.issuer));
        }
        tbs.extend(seq(&[
            &encode(self.validity[0].0, &self.validity[0].1),
            &encode(self.validity[1].0, &self.validity[1].1),
        ]));
        tbs.extend(name(&self.subject));
        tbs.extend(&self.spki);
        if self.unique_id {
            tbs.extend(encode(0x82, &[0, 1, 2]));
        }
        if !self.extensions.is_empty() || self.raw_extension.is_some() {
            let mut list: Vec<u8> = self
                .extensions
                .iter()
                .flat_map(|(o, critical, value)| {
                    let flag = if *critical {
                        encode(0x01, &[0xff])
                    } else {
                        Vec::new()
                    };
                    seq(&[&encode(OID, o), &flag, &encode(OCTET_STRING, value)])
                })
                .collect();
            list.extend(self.raw_extension.clone().unwrap_or_default());
            tbs.extend(encode(0xa3, &encode(SEQUENCE, &list)));
        }
        let outer = self
            .outer_algorithm
            .clone()
            .unwrap_or_else(|| self.algorithm.clone());
        seq(&[&encode(SEQUENCE, &tbs), &outer, &encode(0x03, &[0, 0])])
    }

    fn ext(&mut self, o: Oid, critical: bool, value: Vec<u8>) -> &mut Self {
        self.extensions.retain(|(x, ..)| x != o.as_bytes());
        self.extensions.push((oid(o), critical, value));
        self
    }

    fn without(&mut self, o: Oid) -> &mut Self {
        self.extensions.retain(|(x, ..)| x != o.as_bytes());
        self
    }

    fn has(&self, o: Oid) -> bool {
        self.extensions.iter().any(|(x, ..)| x == o.as_bytes())
    }

    fn set_critical(&mut self, o: Oid, critical: bool) -> &mut Self {
        if !self.has(o) {
            self.ext(o, critical, sample(o));
        }
        for e in &mut self.extensions {
            if e.0 == o.as_bytes() {
                e.1 = critical;
            }
        }
        self
    }

    fn purposes(&self) -> Vec<Vec<u8>> {
        self.extensions
            .iter()
            .find(|(x, ..)| x == ID_CE_EXT_KEY_USAGE.as_bytes())
            .and_then(|(_, _, v)| {
                let (mut list, _) = crate::tlv::expect(v, SEQUENCE)?;
                let mut out = Vec::new();
                while let Some((o, rest)) = crate::tlv::expect(list, OID) {
                    out.push(o.to_vec());
                    list = rest;
                }
                Some(out)
            })
            .unwrap_or_default()
    }

    fn set_purposes(&mut self, purposes: Vec<Vec<u8>>) -> &mut Self {
        let critical = self
            .extensions
            .iter()
            .find(|(x, ..)| x == ID_CE_EXT_KEY_USAGE.as_bytes())
            .is_some_and(|e| e.1);
        let list: Vec<u8> = purposes.iter().flat_map(|p| encode(OID, p)).collect();
        self.ext(ID_CE_EXT_KEY_USAGE, critical, encode(SEQUENCE, &list))
    }
}

/// A clean certificate of `kinds`'s first profile.
fn base(kinds: Kinds) -> Cert {
    let subject_of =
        |attrs: &[(Oid, &str)]| attrs.iter().map(|(o, v)| attr(*o, v)).collect::<Vec<_>>();
    let ca_name = subject_of(&[(C, "US"), (O, "Example CA"), (CN, "Example Issuing CA")]);
    let mut cert = Cert {
        version_written: Some(2),
        algorithm: hex(ECDSA_SHA256),
        outer_algorithm: None,
        issuer: subject_of(&[(C, "US"), (O, "Example"), (CN, "Example Root")]),
        subject: subject_of(&[(C, "US")]),
        validity: [
            (0x17, b"250101000000Z".to_vec()),
            (0x17, b"250331000000Z".to_vec()),
        ],
        spki: hex(P256_KEY),
        unique_id: false,
        multi_valued_issuer: false,
        extensions: Vec::new(),
        raw_extension: None,
    };
    let ca_extensions = |cert: &mut Cert| {
        cert.ext(
            ID_CE_BASIC_CONSTRAINTS,
            true,
            seq(&[&encode(0x01, &[0xff])]),
        )
        .ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 5 | 1 << 6))
        .ext(ID_CE_SUBJECT_KEY_IDENTIFIER, false, key_id());
    };
    let subscriber = |cert: &mut Cert, policy: &str, purposes: &[Oid]| {
        cert.ext(ID_CE_KEY_USAGE, true, key_usage(1))
            .ext(ID_CE_EXT_KEY_USAGE, false, eku(purposes))
            .ext(ID_CE_AUTHORITY_KEY_IDENTIFIER, false, aki())
            .ext(ID_PE_AUTHORITY_INFO_ACCESS, false, aia())
            .ext(ID_CE_CERTIFICATE_POLICIES, false, policies(&[policy]))
            .ext(ID_CE_CRL_DISTRIBUTION_POINTS, false, crldp());
    };
    let place = [(ST, "California"), (L, "San Francisco")];
    let profile = PROFILES.iter().find(|p| kinds.meets(p.2)).map(|p| p.0);
    match profile {
        Some("root") => {
            cert.subject = cert.issuer.clone();
            cert.validity[1] = (0x17, b"450101000000Z".to_vec());
            ca_extensions(&mut cert);
        }
        Some("tls-ca" | "smime-ca" | "code-signing-ca" | "ca") => {
            cert.subject = ca_name;
            cert.validity[1] = (0x17, b"300101000000Z".to_vec());
            ca_extensions(&mut cert);
            cert.ext(ID_CE_AUTHORITY_KEY_IDENTIFIER, false, aki())
                .ext(ID_PE_AUTHORITY_INFO_ACCESS, false, aia())
                .ext(
                    ID_CE_CERTIFICATE_POLICIES,
                    false,
                    policies(&["2.23.140.1.2.1"]),
                )
                .ext(ID_CE_CRL_DISTRIBUTION_POINTS, false, crldp())
                .ext(
                    ID_CE_EXT_KEY_USAGE,
                    false,
                    eku(&[ID_KP_SERVER_AUTH, ID_KP_CLIENT_AUTH]),
                );
        }
        Some(tls @ ("tls-dv" | "tls-ov" | "tls-iv" | "tls-ev" | "tls-server" | "tls-br")) => {
            let (policy, attrs): (&str, Vec<(Oid, &str)>) = match tls {
                "tls-ov" => (
                    "2.23.140.1.2.2",
                    [(C, "US")]
                        .into_iter()
                        .chain(place)
                        .chain([(O, "Example")])
                        .collect(),
                ),
                "tls-iv" => (
                    "2.23.140.1.2.3",
                    [(C, "US")]
                        .into_iter()
                        .chain(place)
                        .chain([(GIVEN_NAME, "Ada"), (SN, "Lovelace")])
                        .collect(),
                ),
                "tls-ev" => (
                    "2.23.140.1.1",
                    vec![
                        (
                            const_oid::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.60.2.1.3"),
                            "US",
                        ),
                        (BUSINESS_CATEGORY, "Private Organization"),
                        (SERIAL_NUMBER, "1234567"),
                        (C, "US"),
                        (ST, "California"),
                        (L, "San Francisco"),
                        (O, "Example"),
                    ],
                ),
                _ => ("2.23.140.1.2.1", vec![(C, "US")]),
            };
            cert.subject = subject_of(&attrs);
            subscriber(&mut cert, policy, &[ID_KP_SERVER_AUTH, ID_KP_CLIENT_AUTH]);
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x82, b"www.example.com")]),
            );
        }
        Some("ocsp-responder") => {
            cert.subject = ca_name;
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1))
                .ext(ID_CE_EXT_KEY_USAGE, false, eku(&[ID_KP_OCSP_SIGNING]))
                .ext(ID_CE_AUTHORITY_KEY_IDENTIFIER, false, aki())
                .ext(ID_PKIX_OCSP_NOCHECK, false, vec![0x05, 0x00]);
        }
        Some(p) if p.starts_with("smime") => {
            cert.subject = match p {
                "smime-sponsored" | "smime-individual" => subject_of(&[
                    (GIVEN_NAME, "Ada"),
                    (SN, "Lovelace"),
                    (CN, "user@example.com"),
                ]),
                _ => subject_of(&[(CN, "user@example.com")]),
            };
            subscriber(&mut cert, "2.23.140.1.5.1.3", &[ID_KP_EMAIL_PROTECTION]);
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x81, b"user@example.com")]),
            );
        }
        Some("code-signing" | "ev-code-signing") => {
            cert.subject = subject_of(&[
                (C, "US"),
                (ST, "California"),
                (L, "San Francisco"),
                (O, "Example"),
            ]);
            subscriber(&mut cert, "2.23.140.1.4.1", &[ID_KP_CODE_SIGNING]);
        }
        Some("timestamping") => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1)).ext(
                ID_CE_EXT_KEY_USAGE,
                true,
                eku(&[ID_KP_TIME_STAMPING]),
            );
        }
        _ => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1));
        }
    }
    cert
}

/// The profile a row's tests lint as: its first profile, and the modifiers it needs.
fn profile_for(kinds: Kinds) -> Profile {
    let main = PROFILES
        .iter()
        .find(|p| kinds.meets(p.2))
        .map_or(Kinds::OTHER, |p| p.2);
    let mut k = main;
    if kinds.meets(Kinds::PRECERTIFICATE) {
        k = Kinds::TLS_DV.and(Kinds::PRECERTIFICATE);
    }
    if kinds.meets(Kinds::SMIME) {
        k = k.and(Kinds::SMIME_STRICT);
    }
    Profile { kinds: k }
}

/// `cert` decoded as decode reads it.
fn report_of(cert: &Cert) -> crate::decode::CertificateReport {
    let der = cert.der();
    use der::Decode;
    let cert = crate::decode::lenient(&der, |d| crate::decode::AsIssued::from_der(d))
        .expect("the test certificate decodes");
    crate::decode::cert::report(&cert, &der, crate::UnixTime(1_740_000_000))
}

/// The rules `cert` breaks, linted as `profile`.
fn broken(cert: &Cert, profile: Profile) -> Vec<String> {
    let report = report_of(cert);
    let (findings, _) = super::certificate_as(&report, Some(profile));
    findings.into_iter().map(|f| f.rule.into_owned()).collect()
}

/// How each rule that is a function of its own is broken: from the base certificate.
fn breaking(id: &str, cert: &mut Cert) -> bool {
    let dns = |cert: &mut Cert, name: &[u8]| {
        cert.ext(ID_CE_SUBJECT_ALT_NAME, false, seq(&[&encode(0x82, name)]));
    };
    match id {
        "eku_critical_with_any" => {
            cert.ext(ID_CE_EXT_KEY_USAGE, true, eku(&[ANY_EXTENDED_KEY_USAGE]));
        }
        "aki_without_key_id" => {
            cert.ext(
                ID_CE_AUTHORITY_KEY_IDENTIFIER,
                false,
                seq(&[&encode(0x82, &[1])]),
            );
        }
        "aki_issuer_without_serial" => {
            cert.ext(
                ID_CE_AUTHORITY_KEY_IDENTIFIER,
                false,
                seq(&[&encode(0x80, &[1]), &encode(0x82, &[1])]),
            );
        }
        "ski_empty" => {
            cert.ext(
                ID_CE_SUBJECT_KEY_IDENTIFIER,
                false,
                encode(OCTET_STRING, &[]),
            );
        }
        "key_usage_without_bits" => {
            cert.ext(ID_CE_KEY_USAGE, true, encode(0x03, &[0]));
        }
        "key_usage_encoding" | "key_usage_trailing_zero_byte" => {
            cert.ext(ID_CE_KEY_USAGE, true, encode(0x03, &[7, 0x80, 0x00]));
        }
        "encipher_only_without_key_agreement" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 7));
        }
        "path_len_without_key_cert_sign" => {
            cert.ext(ID_CE_BASIC_CONSTRAINTS, true, seq(&[&encode(0x02, &[0])]));
        }
        "name_constraints_not_in_ca" => {
            cert.ext(ID_CE_NAME_CONSTRAINTS, true, sample(ID_CE_NAME_CONSTRAINTS));
        }
        "name_constraints_empty" => {
            cert.ext(ID_CE_NAME_CONSTRAINTS, true, seq(&[]));
        }
        "name_constraints_minimum_maximum" => {
            let tree = seq(&[&encode(0x82, b"example.com"), &encode(0x81, &[2])]);
            cert.ext(ID_CE_NAME_CONSTRAINTS, true, seq(&[&encode(0xa0, &tree)]));
        }
        "policy_constraints_empty" => {
            cert.ext(ID_CE_POLICY_CONSTRAINTS, true, seq(&[]));
        }
        "policy_duplicate" => {
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                policies(&["1.2.3.4", "1.2.3.4"]),
            );
        }
        "policy_mapping_any_policy" => {
            cert.ext(
                ID_CE_POLICY_MAPPINGS,
                true,
                seq(&[&seq(&[
                    &oid_el(ANY_POLICY),
                    &oid_el(Oid::new_unwrap("1.2.3")),
                ])]),
            );
        }
        "any_policy_qualifier" => {
            let q = seq(&[&oid_el(Oid::new_unwrap("1.2.3")), &encode(0x05, &[])]);
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                seq(&[&seq(&[&oid_el(ANY_POLICY), &seq(&[&q])])]),
            );
        }
        "explicit_text_ia5"
        | "explicit_text_not_utf8"
        | "explicit_text_too_long"
        | "notice_reference" => {
            let text = match id {
                "explicit_text_ia5" => encode(0x16, b"hi"),
                "explicit_text_not_utf8" => encode(0x1a, b"hi"),
                "explicit_text_too_long" => encode(0x0c, &[b'a'; 201]),
                _ => seq(&[&encode(0x0c, b"org"), &seq(&[&encode(0x02, &[1])])]),
            };
            let q = seq(&[&oid_el(ID_QT_UNOTICE), &seq(&[&text])]);
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                seq(&[&seq(&[&oid_el(Oid::new_unwrap("1.2.3.4")), &seq(&[&q])])]),
            );
        }
        "extension_empty_sequence" => {
            cert.ext(ID_CE_EXT_KEY_USAGE, false, seq(&[]));
        }
        "access_location_not_uri" => {
            cert.ext(
                ID_PE_AUTHORITY_INFO_ACCESS,
                false,
                seq(&[&seq(&[
                    &oid_el(ID_AD_OCSP),
                    &encode(0x82, b"ocsp.example.com"),
                ])]),
            );
        }
        "distribution_point_incomplete" => {
            cert.ext(
                ID_CE_CRL_DISTRIBUTION_POINTS,
                false,
                seq(&[&seq(&[&encode(0x81, &[0x06, 0x40])])]),
            );
        }
        "sct_list_empty" => {
            cert.ext(
                const_oid::db::rfc6962::CT_PRECERT_SCTS,
                false,
                encode(OCTET_STRING, &[0, 0]),
            );
        }
        "poison_not_null" => {
            cert.ext(
                const_oid::db::rfc6962::CT_PRECERT_POISON,
                true,
                encode(0x02, &[1]),
            );
        }
        "san_empty_name" => dns(cert, b""),
        "ian_empty_name" => {
            cert.ext(ID_CE_ISSUER_ALT_NAME, false, seq(&[&encode(0x82, b"")]));
        }
        "san_dns_syntax" => dns(cert, b"exa mple.com"),
        "ian_dns_syntax" => {
            cert.ext(
                ID_CE_ISSUER_ALT_NAME,
                false,
                seq(&[&encode(0x82, b"-bad.example")]),
            );
        }
        "san_email_syntax" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x81, b"Ada <ada@example.com>")]),
            );
        }
        "ian_email_syntax" => {
            cert.ext(
                ID_CE_ISSUER_ALT_NAME,
                false,
                seq(&[&encode(0x81, b"not-an-address")]),
            );
        }
        "san_uri_syntax" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x86, b"/relative/path")]),
            );
        }
        "ian_uri_syntax" => {
            cert.ext(
                ID_CE_ISSUER_ALT_NAME,
                false,
                seq(&[&encode(0x86, b"example.com")]),
            );
        }
        "san_ip_length" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x87, &[1, 2, 3])]),
            );
        }
        "subject_empty_without_san" => {
            cert.subject.clear();
            cert.without(ID_CE_SUBJECT_ALT_NAME);
        }
        "issuer_empty" => cert.issuer.clear(),
        "ca_subject_empty" => {
            cert.subject.clear();
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                true,
                seq(&[&encode(0x82, b"ca.example.com")]),
            );
        }
        "email_in_subject_not_in_san" => cert.subject.push((
            oid(const_oid::db::rfc3280::EMAIL),
            0x16,
            b"a@example.com".to_vec(),
        )),
        "unique_identifier_present" => cert.unique_id = true,
        "unique_identifier_version" => {
            cert.unique_id = true;
            cert.version_written = None;
            cert.extensions.clear();
        }
        "validity_negative" => cert.validity[1] = (0x17, b"240101000000Z".to_vec()),
        "serial_number_attr_not_printable" => {
            cert.subject
                .push((oid(SERIAL_NUMBER), 0x0c, b"123".to_vec()))
        }
        "email_not_ia5" => cert.subject.push((
            oid(const_oid::db::rfc3280::EMAIL),
            0x0c,
            b"a@example.com".to_vec(),
        )),
        "dc_not_ia5" => cert
            .subject
            .push((oid(const_oid::db::rfc4519::DC), 0x0c, b"com".to_vec())),
        "country_not_two_letters" => cert.subject[0] = attr(C, "USA"),
        "country_not_iso" => cert.subject[0] = attr(C, "QQ"),
        "attribute_empty" => cert.subject.push(attr(L, "")),
        "control_characters" => cert.subject.push(attr(L, "San\u{7}Francisco")),
        "not_der_set_order" => {
            // One RDN of two attributes, the larger encoding first.
            cert.subject.clear();
            cert.raw_extension = None;
            cert.issuer = vec![attr(O, "Zeta"), attr(C, "US")];
            cert.multi_valued_issuer = true;
        }
        "unknown_critical_extension" => {
            cert.ext(Oid::new_unwrap("1.2.3.4.5"), true, vec![0x05, 0x00]);
        }
        "san_dns_not_ascii" => dns(cert, "bücher.example".as_bytes()),
        "ian_dns_not_ascii" => {
            cert.ext(
                ID_CE_ISSUER_ALT_NAME,
                false,
                seq(&[&encode(0x82, "bücher.example".as_bytes())]),
            );
        }
        "san_uri_not_ascii" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x86, "https://example.com/ü".as_bytes())]),
            );
        }
        "ian_uri_not_ascii" => {
            cert.ext(
                ID_CE_ISSUER_ALT_NAME,
                false,
                seq(&[&encode(0x86, "https://example.com/ü".as_bytes())]),
            );
        }
        "san_uri_host" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x86, b"https://intranet/")]),
            );
        }
        "ian_uri_host" => {
            cert.ext(
                ID_CE_ISSUER_ALT_NAME,
                false,
                seq(&[&encode(0x86, b"https://bad host/")]),
            );
        }
        "name_constraint_x400" | "name_constraint_edi_party" | "name_constraint_registered_id" => {
            let base = match id {
                "name_constraint_x400" => encode(0xa3, &seq(&[])),
                "name_constraint_edi_party" => encode(0xa5, &encode(0xa1, &encode(0x0c, b"x"))),
                _ => encode(0x88, &[0x2a, 0x03]),
            };
            cert.ext(
                ID_CE_NAME_CONSTRAINTS,
                true,
                seq(&[&encode(0xa0, &seq(&[&base]))]),
            );
        }
        "policy_mapping_not_in_policies" => {
            cert.ext(ID_CE_POLICY_MAPPINGS, true, sample(ID_CE_POLICY_MAPPINGS));
        }
        "subject_leading_whitespace" => cert.subject.push(attr(L, " Paris")),
        "subject_trailing_whitespace" => cert.subject.push(attr(L, "Paris ")),
        "issuer_leading_whitespace" => cert.issuer.push(attr(L, " Paris")),
        "issuer_trailing_whitespace" => cert.issuer.push(attr(L, "Paris ")),
        "explicit_text_control" => {
            let q = seq(&[&oid_el(ID_QT_UNOTICE), &seq(&[&encode(0x0c, b"a\x07b")])]);
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                seq(&[&seq(&[&oid_el(Oid::new_unwrap("1.2.3.4")), &seq(&[&q])])]),
            );
        }
        "dns_reserved_label" => dns(cert, b"ab--cd.example.com"),
        "idn_label_invalid" => dns(cert, b"xn--a.example.com"),
        "onion_name_invalid" => dns(cert, b"abcdefghijklmnop.onion"),
        "cn_reserved_ip" => cert.subject.push(attr(CN, "10.0.0.1")),
        "cn_not_from_san" => cert.subject.push(attr(CN, "other.example.com")),
        "cn_not_exactly_from_san" => cert.subject.push(attr(CN, "WWW.example.com")),
        "certificate_version_not_3" => {
            cert.version_written = None;
            cert.extensions.clear();
        }
        "time_not_zulu" => cert.validity[0] = (0x17, b"250101010000+0100".to_vec()),
        "smime_one_policy" => {
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                policies(&["2.23.140.1.5.1.3", "2.23.140.1.5.2.3"]),
            );
        }
        "smime_mailbox_common_name" => cert.subject = vec![attr(CN, "Ada Lovelace")],
        "smime_mailbox_subject" => cert.subject.push(attr(O, "Example")),
        "smime_personal_name" => cert.subject = vec![attr(CN, "Ada")],
        "smime_directory_attributes" => {
            cert.ext(
                ID_CE_SUBJECT_DIRECTORY_ATTRIBUTES,
                false,
                sample(ID_CE_SUBJECT_DIRECTORY_ATTRIBUTES),
            );
        }
        "smime_legacy_deprecated" => {
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                policies(&["2.23.140.1.5.1.1"]),
            );
            cert.validity = [
                (0x17, b"250801000000Z".to_vec()),
                (0x17, b"260101000000Z".to_vec()),
            ];
        }
        id if id.starts_with("etsi_qc_") => {
            let etsi = |last: &[u8]| [&[0x04, 0x00, 0x8e, 0x46, 0x01][..], last].concat();
            let statement = |oid: Vec<u8>, info: &[u8]| seq(&[&encode(0x06, &oid), info]);
            let pds = |url: &[u8], language: &[u8]| {
                statement(
                    etsi(&[5]),
                    &seq(&[&seq(&[&encode(0x16, url), &encode(0x13, language)])]),
                )
            };
            let compliance = statement(etsi(&[1]), &[]);
            let (critical, statements) = match id {
                "etsi_qc_statements_critical" => (true, vec![compliance]),
                "etsi_qc_duplicate" => (false, vec![compliance.clone(), compliance]),
                "etsi_qc_compliance_info" => (false, vec![statement(etsi(&[1]), &[0x05, 0x00])]),
                "etsi_qc_sscd_info" => (false, vec![statement(etsi(&[4]), &[0x05, 0x00])]),
                "etsi_qc_retention_invalid" => {
                    (false, vec![statement(etsi(&[3]), &encode(0x0c, b"ten"))])
                }
                "etsi_qc_type_invalid" => (
                    false,
                    vec![statement(etsi(&[6]), &seq(&[&encode(0x06, &[0x2a, 0x03])]))],
                ),
                "etsi_qc_type_as_statement" => (false, vec![statement(etsi(&[6, 3]), &[])]),
                "etsi_qc_pds_not_https" => (false, vec![pds(b"http://pds.example.com/en", b"en")]),
                _ => (false, vec![pds(b"https://pds.example.com/en", b"EN")]),
            };
            let refs: Vec<&[u8]> = statements.iter().map(Vec::as_slice).collect();
            cert.ext(Oid::new_unwrap("1.3.6.1.5.5.7.1.3"), critical, seq(&refs));
        }
        "time_wrong_type" => cert.validity[0] = (0x18, b"20250101000000Z".to_vec()),
        "default_written" => cert.version_written = Some(0),
        "signature_algorithm_mismatch" => {
            cert.outer_algorithm = Some(hex("300a06082a8648ce3d040303"))
        }
        "ecdsa_signature_params_present" => {
            cert.algorithm = hex("300c06082a8648ce3d0403020500");
            cert.outer_algorithm = Some(cert.algorithm.clone());
        }
        "ec_key_usage" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 2));
        }
        "sub_is_ca" => {
            cert.ext(
                ID_CE_BASIC_CONSTRAINTS,
                true,
                seq(&[&encode(0x01, &[0xff])]),
            );
        }
        "sub_key_cert_sign" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 5));
        }
        "sub_ec_key_agreement" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 4));
        }
        "aia_no_ca_issuers" | "sub_aia_no_ca_issuers" | "subca_aia_no_ca_issuers" => {
            cert.ext(
                ID_PE_AUTHORITY_INFO_ACCESS,
                false,
                seq(&[&seq(&[
                    &oid_el(ID_AD_OCSP),
                    &encode(0x86, b"http://ocsp.example.com"),
                ])]),
            );
        }
        "aia_not_http" => {
            cert.ext(
                ID_PE_AUTHORITY_INFO_ACCESS,
                false,
                seq(&[&seq(&[
                    &oid_el(ID_AD_OCSP),
                    &encode(0x86, b"https://ocsp.example.com"),
                ])]),
            );
        }
        "aia_unknown_method" => {
            cert.ext(
                ID_PE_AUTHORITY_INFO_ACCESS,
                false,
                seq(&[&seq(&[
                    &oid_el(Oid::new_unwrap("1.3.6.1.5.5.7.48.5")),
                    &encode(0x86, b"http://x.example.com"),
                ])]),
            );
        }
        "reserved_policy_count" | "ca_reserved_policy_count" => {
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                policies(&["2.23.140.1.2.1", "2.23.140.1.2.2"]),
            );
        }
        "policy_qualifier_not_cps" | "cps_uri_not_http" => {
            let q = if id == "cps_uri_not_http" {
                seq(&[&oid_el(ID_QT_CPS), &encode(0x16, b"ftp://cps.example.com")])
            } else {
                seq(&[&oid_el(ID_QT_UNOTICE), &seq(&[&encode(0x0c, b"hi")])])
            };
            cert.ext(
                ID_CE_CERTIFICATE_POLICIES,
                false,
                seq(&[&seq(&[
                    &oid_el(Oid::new_unwrap("2.23.140.1.2.1")),
                    &seq(&[&q]),
                ])]),
            );
        }
        "sub_san_email" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x81, b"a@example.com")]),
            );
        }
        "sub_san_uri" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x86, b"https://example.com")]),
            );
        }
        "sub_san_other_name" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(
                    0xa0,
                    &[
                        &oid_el(Oid::new_unwrap("1.2.3"))[..],
                        &encode(0xa0, &encode(0x0c, b"x")),
                    ]
                    .concat(),
                )]),
            );
        }
        "sub_san_directory_name" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0xa4, &seq(&[]))]),
            );
        }
        "sub_san_registered_id" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0x88, &[0x2a, 0x03])]),
            );
        }
        "sub_san_edi_x400" => {
            cert.ext(
                ID_CE_SUBJECT_ALT_NAME,
                false,
                seq(&[&encode(0xa5, &encode(0xa1, &encode(0x0c, b"x")))]),
            );
        }
        "san_reserved_ip" | "ev_ip_address" => {
            let ip: &[u8] = if id == "ev_ip_address" {
                &[8, 8, 8, 8]
            } else {
                &[192, 168, 1, 1]
            };
            cert.ext(ID_CE_SUBJECT_ALT_NAME, false, seq(&[&encode(0x87, ip)]));
        }
        "dns_underscore" => dns(cert, b"a_b.example.com"),
        "ev_wildcard" => dns(cert, b"*.example.com"),
        "sub_crldp_not_http" => {
            let full = encode(0xa0, &encode(0x86, b"ldap://crl.example.com"));
            cert.ext(
                ID_CE_CRL_DISTRIBUTION_POINTS,
                false,
                seq(&[&seq(&[&encode(0xa0, &full)])]),
            );
        }
        "crldp_crl_issuer" => {
            let full = encode(0xa0, &encode(0x86, b"http://crl.example.com"));
            cert.ext(
                ID_CE_CRL_DISTRIBUTION_POINTS,
                false,
                seq(&[&seq(&[&encode(0xa0, &full), &encode(0x81, &[0x06, 0x40])])]),
            );
        }
        "crldp_missing_without_ocsp" => {
            cert.without(ID_CE_CRL_DISTRIBUTION_POINTS);
            cert.ext(
                ID_PE_AUTHORITY_INFO_ACCESS,
                false,
                seq(&[&seq(&[
                    &oid_el(ID_AD_CA_ISSUERS),
                    &encode(0x86, b"http://ca.example.com"),
                ])]),
            );
        }
        "dv_subject" => cert.subject.push(attr(Oid::new_unwrap("2.5.4.12"), "Boss")),
        "ov_locality_or_province" | "iv_locality_or_province" | "cs_locality_or_province" => {
            cert.subject
                .retain(|(o, ..)| o != L.as_bytes() && o != ST.as_bytes());
        }
        "iv_personal_name" => cert.subject.retain(|(o, ..)| o != SN.as_bytes()),
        "ou_without_organization" => {
            cert.subject.retain(|(o, ..)| o != O.as_bytes());
            cert.subject.push(attr(const_oid::db::rfc4519::OU, "IT"));
        }
        "duplicate_attribute" => cert.subject.push(attr(C, "DE")),
        "extra_common_names" => {
            cert.subject.push(attr(CN, "a.example.com"));
            cert.subject.push(attr(CN, "b.example.com"));
        }
        "root_path_len" => {
            cert.ext(
                ID_CE_BASIC_CONSTRAINTS,
                true,
                seq(&[&encode(0x01, &[0xff]), &encode(0x02, &[1])]),
            );
        }
        "root_validity" => cert.validity[1] = (0x18, b"20600101000000Z".to_vec()),
        "ca_crl_sign" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 5));
        }
        "ca_digital_signature" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 << 5 | 1 << 6));
        }
        "ocsp_key_usage" => {
            cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 2));
        }
        "ocsp_eku_only" => {
            cert.ext(
                ID_CE_EXT_KEY_USAGE,
                false,
                eku(&[ID_KP_OCSP_SIGNING, ID_KP_CLIENT_AUTH]),
            );
        }
        "smime_eku_any" => {
            cert.ext(
                ID_CE_EXT_KEY_USAGE,
                false,
                eku(&[ID_KP_EMAIL_PROTECTION, ANY_EXTENDED_KEY_USAGE]),
            );
        }
        "smime_strict_eku_only" => {
            cert.ext(
                ID_CE_EXT_KEY_USAGE,
                false,
                eku(&[ID_KP_EMAIL_PROTECTION, ID_KP_CLIENT_AUTH]),
            );
        }
        "smime_san_no_mailbox" => dns(cert, b"example.com"),
        "smime_validity" => cert.validity[1] = (0x17, b"280101000000Z".to_vec()),
        "cs_validity" => cert.validity[1] = (0x17, b"290101000000Z".to_vec()),
        "cs_key_usage" => {
            cert.ext(ID_CE_KEY_USAGE, false, key_usage(1));
        }
        "cs_organization" => cert.subject.retain(|(o, ..)| o != O.as_bytes()),
        "tsa_eku" => {
            cert.ext(ID_CE_EXT_KEY_USAGE, false, eku(&[ID_KP_TIME_STAMPING]));
        }
        _ => return false,
    }
    true
}

/// Breaks the one fact `check` states; `false` for checks of their own.
fn break_fact(check: &Check, cert: &mut Cert) -> bool {
    match check {
        Check::Present(o) => {
            if !cert.has(*o) {
                cert.ext(*o, false, sample(*o));
            }
            cert.without(*o);
        }
        Check::Absent(o) => {
            let critical = *o == const_oid::db::rfc6962::CT_PRECERT_POISON;
            cert.ext(*o, critical, sample(*o));
        }
        Check::Critical(o) => {
            cert.set_critical(*o, false);
        }
        Check::NotCritical(o) => {
            cert.set_critical(*o, true);
        }
        Check::Attr(o) => cert.subject.retain(|(x, ..)| x != o.as_bytes()),
        Check::NoAttr(o) => cert.subject.push(attr(*o, "Example")),
        Check::MaxLen(o, max) => cert
            .subject
            .push(attr(*o, &"a".repeat(usize::from(*max) + 1))),
        Check::Eku(o) => {
            let mut purposes = cert.purposes();
            purposes.retain(|p| p != o.as_bytes());
            if purposes.is_empty() {
                purposes.push(oid(ID_KP_CLIENT_AUTH));
            }
            cert.set_purposes(purposes);
        }
        Check::NoEku(o) => {
            let mut purposes = cert.purposes();
            purposes.push(oid(*o));
            cert.set_purposes(purposes);
        }
        Check::Test(_) => return false,
    }
    true
}

/// Rules whose breaking certificate cannot be written through this builder (they read the
/// DER encoding or RSA keys); each is tested in `encoding_and_key_rules` below.
const TESTED_APART: &[&str] = &[
    "not_der_length",
    "not_der_boolean",
    "not_der_integer",
    "time_without_seconds",
    "time_with_fraction",
    "rsa_key_params_not_null",
    "rsa_signature_params_not_null",
    "rsa_key_usage",
    "ed25519_key_usage",
    "rsa_exponent",
    "rsa_exponent_range",
    "rsa_modulus_even",
    "rsa_modulus_size",
    "signature_algorithm_encoding",
    "key_algorithm_encoding",
    "cs_rsa_key_size",
    "cs_ec_curve",
    "roca",
    "rsa_small_factor",
    "fermat_factorable",
    "ec_point_invalid",
];

#[test]
fn every_profile_rule_finds_what_breaks_it_and_nothing_in_a_clean_certificate() {
    let mut tested = 0;
    for row in TABLE {
        let id = row.rule.id;
        if TESTED_APART.contains(&id) {
            continue;
        }
        let mut profile = profile_for(row.kinds);
        if id == "smime_legacy_deprecated" {
            profile = Profile {
                kinds: Kinds::SMIME_MAILBOX.and(Kinds::SMIME_LEGACY),
            };
        }
        let mut clean = base(profile.kinds);
        // A rule in effect only after the clean certificates' date judges a later one (the
        // legacy S/MIME rule's breaking edit is its date).
        if let Some(from) = row
            .rule
            .effective
            .filter(|day| *day > "2025-01-01" && id != "smime_legacy_deprecated")
        {
            let start = crate::UnixTime::parse_rfc3339(from).expect("a date");
            let utc = |t: crate::UnixTime| {
                let text: String = t
                    .to_rfc3339()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                format!("{}Z", &text[2..]).into_bytes()
            };
            clean.validity = [
                (0x17, utc(start)),
                (0x17, utc(start.plus_seconds(40 * 86_400))),
            ];
        }
        if row.rule.until.is_some() {
            // A superseded rule judges certificates issued before its successor.
            clean.validity = [
                (0x17, b"200101000000Z".to_vec()),
                (0x17, b"200301000000Z".to_vec()),
            ];
        }
        let found = broken(&clean, profile);
        assert!(
            !found.iter().any(|f| f == id),
            "{id}: raised on the clean certificate"
        );
        let mut bad = clean.clone();
        let broke = match &row.check {
            Check::Test(_) => breaking(id, &mut bad),
            fact => break_fact(fact, &mut bad),
        };
        assert!(broke, "{id}: no test certificate breaks it");
        let found = broken(&bad, profile);
        assert!(
            found.iter().any(|f| f == id),
            "{id}: not raised on a certificate that breaks it; found {found:?}"
        );
        tested += 1;
    }
    assert_eq!(tested + TESTED_APART.len(), TABLE.len());
}

#[test]
fn every_clean_certificate_is_clean_of_profile_errors() {
    for (id, _, kinds) in PROFILES {
        let profile = profile_for(*kinds);
        let cert = base(profile.kinds);
        let errors: Vec<String> = broken(&cert, profile)
            .into_iter()
            .filter(|rule| {
                TABLE.iter().any(|r| {
                    r.rule.id == rule && r.rule.severity == crate::finding::Severity::Error
                })
            })
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
    }
}

/// The rules that read the encoding or an RSA key, each broken by editing a clean
/// certificate's DER or key.
#[test]
fn encoding_and_key_rules() {
    let tls = profile_for(Kinds::TLS_DV);
    let raises =
        |cert: &Cert, profile: Profile, id: &str| broken(cert, profile).iter().any(|f| f == id);
    let clean = base(Kinds::TLS_DV);
    for id in TESTED_APART {
        assert!(
            !raises(&clean, tls, id),
            "{id}: raised on the clean certificate"
        );
    }
    // DER: BOOLEAN TRUE as 0x01 (basicConstraints cA), a padded INTEGER (pathLen), a long
    // length, times without seconds or with a fraction.
    let mut cert = clean.clone();
    cert.ext(
        ID_CE_BASIC_CONSTRAINTS,
        true,
        seq(&[&encode(0x01, &[0x01])]),
    );
    assert!(raises(&cert, tls, "not_der_boolean"));
    let mut cert = clean.clone();
    cert.ext(
        ID_CE_POLICY_CONSTRAINTS,
        true,
        seq(&[&encode(0x80, &[0, 1])]),
    );
    if let Some(e) = cert.extensions.last_mut() {
        e.2 = vec![0x30, 0x04, 0x02, 0x02, 0x00, 0x01];
    }
    assert!(raises(&cert, tls, "not_der_integer"));
    let mut cert = clean.clone();
    cert.raw_extension = Some(vec![
        0x30, 0x81, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x0e, 0x04, 0x03, 0x04, 0x01, 0x07,
    ]);
    assert!(raises(&cert, tls, "not_der_length"));
    let mut cert = clean.clone();
    cert.validity[0] = (0x17, b"2501010000Z".to_vec());
    assert!(raises(&cert, tls, "time_without_seconds"));
    let mut cert = clean.clone();
    cert.validity[1] = (0x18, b"20500101000000.5Z".to_vec());
    assert!(raises(&cert, tls, "time_with_fraction"));
    // Signature and key encodings.
    let mut cert = clean.clone();
    cert.algorithm = hex("300906072a8648ce3d0401");
    cert.outer_algorithm = None;
    assert!(raises(&cert, tls, "signature_algorithm_encoding"));
    let secp256k1 = "3056301006072a8648ce3d020106052b8104000a034200046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";
    let mut cert = clean.clone();
    cert.spki = hex(secp256k1);
    assert!(raises(&cert, tls, "key_algorithm_encoding"));
    let cs = profile_for(Kinds::CODE_SIGNING);
    let mut cert = base(Kinds::CODE_SIGNING);
    assert!(!raises(&cert, cs, "cs_ec_curve"));
    cert.spki = hex(secp256k1);
    assert!(raises(&cert, cs, "cs_ec_curve"));
    // RSA keys: (modulus, exponent) → the rules they break.
    let rsa = |modulus: &[u8], exponent: &[u8], params: bool| {
        let key = seq(&[&encode(0x02, modulus), &encode(0x02, exponent)]);
        let algorithm = if params {
            "300d06092a864886f70d0101010500"
        } else {
            "300b06092a864886f70d010101"
        };
        seq(&[&hex(algorithm), &encode(0x03, &[&[0u8][..], &key].concat())])
    };
    // The modulus of tests/fixtures/int.rsa.key (made by `openssl genrsa 2048`).
    let mut good = vec![0x00];
    good.extend(hex(INT_RSA_MODULUS));
    let mut even = good.clone();
    *even.last_mut().unwrap_or(&mut 0) = 0x02;
    let mut odd_size = vec![0x01];
    odd_size.extend([0x55; 255]);
    let sha256_rsa = hex("300d06092a864886f70d01010b0500");
    let with_key = |spki: Vec<u8>| {
        let mut cert = clean.clone();
        cert.spki = spki;
        cert.algorithm = sha256_rsa.clone();
        cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 2));
        cert
    };
    let fine = with_key(rsa(&good, &[1, 0, 1], true));
    for id in [
        "rsa_key_params_not_null",
        "rsa_exponent",
        "rsa_exponent_range",
        "rsa_modulus_even",
        "rsa_modulus_size",
        "rsa_key_usage",
        "rsa_signature_params_not_null",
    ] {
        assert!(!raises(&fine, tls, id), "{id} on a good RSA certificate");
    }
    assert!(raises(
        &with_key(rsa(&good, &[1, 0, 1], false)),
        tls,
        "rsa_key_params_not_null"
    ));
    assert!(raises(
        &with_key(rsa(&good, &[2], true)),
        tls,
        "rsa_exponent"
    ));
    assert!(raises(
        &with_key(rsa(&good, &[3], true)),
        tls,
        "rsa_exponent_range"
    ));
    assert!(raises(
        &with_key(rsa(&even, &[1, 0, 1], true)),
        tls,
        "rsa_modulus_even"
    ));
    assert!(raises(
        &with_key(rsa(&odd_size, &[1, 0, 1], true)),
        tls,
        "rsa_modulus_size"
    ));
    let mut cert = fine.clone();
    cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 4));
    assert!(raises(&cert, tls, "rsa_key_usage"));
    let mut cert = fine.clone();
    cert.algorithm = hex("300b06092a864886f70d01010b");
    assert!(raises(&cert, tls, "rsa_signature_params_not_null"));
    let mut cs_rsa = base(Kinds::CODE_SIGNING);
    cs_rsa.spki = rsa(&good, &[1, 0, 1], true);
    assert!(raises(&cs_rsa, cs, "cs_rsa_key_size"));
    // Weak keys: ROCA's fingerprint (65537^k), a small factor, close primes, a point off P-256.
    for id in ["roca", "rsa_small_factor", "fermat_factorable"] {
        assert!(!raises(&fine, tls, id), "{id} on a good RSA certificate");
    }
    let roca_n = [&[0u8][..], &power(65537, 130)].concat();
    assert!(raises(
        &with_key(rsa(&roca_n, &[1, 0, 1], true)),
        tls,
        "roca"
    ));
    let mut three = power(3, 1290);
    three.insert(0, 0);
    assert!(raises(
        &with_key(rsa(&three, &[1, 0, 1], true)),
        tls,
        "rsa_small_factor"
    ));
    // (2^1024 + 1)(2^1024 + 3) = 2^2048 + 2^1026 + 3: Fermat's first round.
    let mut close = vec![0u8; 257];
    close[0] = 1;
    close[257 - 129] |= 0x04;
    close[256] = 3;
    assert!(raises(
        &with_key(rsa(&close, &[1, 0, 1], true)),
        tls,
        "fermat_factorable"
    ));
    assert!(!raises(&clean, tls, "ec_point_invalid"));
    let mut off_curve = clean.clone();
    let last = off_curve.spki.len() - 1;
    off_curve.spki[last] ^= 1;
    assert!(raises(&off_curve, tls, "ec_point_invalid"));
    // Ed25519: only signing usages.
    let ed25519 =
        "302a300506032b65700321000000000000000000000000000000000000000000000000000000000000000000";
    let mut cert = clean.clone();
    cert.spki = hex(ed25519);
    assert!(!raises(&cert, tls, "ed25519_key_usage"));
    cert.ext(ID_CE_KEY_USAGE, true, key_usage(1 | 1 << 2));
    assert!(raises(&cert, tls, "ed25519_key_usage"));
}

/// Two certificates whose RSA moduli share a prime: the bundle finding names both; the same
/// key in two certificates (a cross-signed CA) is not a shared prime.
#[test]
fn shared_primes_across_a_bundle() {
    let mul = |a: &[u8], b: &[u8]| {
        use crypto_bigint::{BoxedUint, ConcatenatingMul};
        let product = BoxedUint::from_be_slice_vartime(a)
            .concatenating_mul(&BoxedUint::from_be_slice_vartime(b))
            .to_be_bytes();
        let start = product.iter().position(|&b| b != 0).unwrap_or(0);
        [&[0u8][..], &product[start..]].concat()
    };
    let prime = hex(&INT_RSA_MODULUS[..256]);
    let key = |modulus: &[u8], subject: &str| {
        let mut cert = base(Kinds::TLS_DV);
        let body = seq(&[&encode(0x02, modulus), &encode(0x02, &[1, 0, 1])]);
        cert.spki = seq(&[
            &hex("300d06092a864886f70d0101010500"),
            &encode(0x03, &[&[0u8][..], &body].concat()),
        ]);
        cert.subject = vec![attr(CN, subject)];
        report_of(&cert)
    };
    let mut other = prime.clone();
    other[0] ^= 0x40;
    *other.last_mut().unwrap_or(&mut 0) |= 1;
    let a = key(&mul(&prime, &hex(&INT_RSA_MODULUS[256..])), "a");
    let b = key(&mul(&prime, &other), "b");
    let found = super::bundle(&[&a, &b]);
    let shared = found
        .iter()
        .find(|f| f.rule == "shared_prime")
        .expect("found");
    assert!(
        shared.message.contains("CN=a") && shared.message.contains("CN=b"),
        "{}",
        shared.message
    );
    assert!(
        !super::bundle(&[&a, &a])
            .iter()
            .any(|f| f.rule == "shared_prime")
    );
    // More distinct keys than batch GCD takes: said, not silently skipped.
    let many: Vec<_> = (0..=super::weak_key::MOST_MODULI as u64)
        .map(|i| {
            let mut modulus = hex(INT_RSA_MODULUS);
            let tail = modulus.len() - 8;
            let bumped =
                u64::from_be_bytes(modulus[tail..].try_into().unwrap_or([0; 8])) ^ (i << 8);
            modulus[tail..].copy_from_slice(&bumped.to_be_bytes());
            modulus.insert(0, 0);
            key(&modulus, "many")
        })
        .collect();
    let refs: Vec<_> = many.iter().collect();
    let found = super::bundle(&refs);
    assert!(
        found.iter().any(|f| f.rule == "shared_prime_not_checked"),
        "{found:?}"
    );
    assert!(
        super::bundle(&refs[..10])
            .iter()
            .all(|f| f.rule != "shared_prime_not_checked")
    );
}
