//! Extensions (RFC 5280 section 4.2) decoded into names and plain-word values.

use crate::{dn, oids};
use der::{Decode, asn1::OctetString};
use serde::Serialize;
use x509_cert::ext::{
    Extension,
    pkix::{
        AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage,
        KeyUsage, KeyUsages, SubjectAltName, SubjectKeyIdentifier,
        name::{GeneralName, GeneralNames},
    },
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExtensionReport {
    pub oid: String,
    pub name: String,
    pub critical: bool,
    /// Decoded value, one line per item, as `openssl x509 -text` would show it.
    pub value: Vec<String>,
}

/// Everything extensions say that reports and checks need, decoded once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Decoded {
    pub san: Vec<String>,
    pub is_ca: bool,
    pub path_len: Option<u8>,
    pub key_usage: Vec<String>,
    pub extended_key_usage: Vec<String>,
    pub subject_key_id: Option<String>,
    pub authority_key_id: Option<String>,
    pub ocsp: Vec<String>,
    pub ca_issuers: Vec<String>,
    pub extensions: Vec<ExtensionReport>,
}

pub const KEY_USAGE_NAMES: [(KeyUsages, &str); 9] = [
    (KeyUsages::DigitalSignature, "digitalSignature"),
    (KeyUsages::NonRepudiation, "nonRepudiation"),
    (KeyUsages::KeyEncipherment, "keyEncipherment"),
    (KeyUsages::DataEncipherment, "dataEncipherment"),
    (KeyUsages::KeyAgreement, "keyAgreement"),
    (KeyUsages::KeyCertSign, "keyCertSign"),
    (KeyUsages::CRLSign, "cRLSign"),
    (KeyUsages::EncipherOnly, "encipherOnly"),
    (KeyUsages::DecipherOnly, "decipherOnly"),
];

/// Decodes every extension; one that does not parse is shown as hex with a note, never an error.
pub fn decode(extensions: &[Extension]) -> Decoded {
    let mut out = Decoded::default();
    for ext in extensions {
        let bytes = ext.extn_value.as_bytes();
        let value = match ext.extn_id.to_string().as_str() {
            "2.5.29.17" => SubjectAltName::from_der(bytes).map(|san| {
                out.san = general_names(&san.0);
                out.san.clone()
            }),
            "2.5.29.19" => BasicConstraints::from_der(bytes).map(|bc| {
                out.is_ca = bc.ca;
                out.path_len = bc.path_len_constraint;
                let mut line = format!("CA:{}", if bc.ca { "TRUE" } else { "FALSE" });
                if let Some(n) = bc.path_len_constraint {
                    line.push_str(&format!(", pathlen:{n}"));
                }
                vec![line]
            }),
            "2.5.29.15" => KeyUsage::from_der(bytes).map(|ku| {
                out.key_usage = KEY_USAGE_NAMES
                    .iter()
                    .filter(|(flag, _)| ku.0.contains(*flag))
                    .map(|(_, n)| n.to_string())
                    .collect();
                vec![out.key_usage.join(", ")]
            }),
            "2.5.29.37" => ExtendedKeyUsage::from_der(bytes).map(|eku| {
                out.extended_key_usage = eku.0.iter().map(oids::name).collect();
                vec![out.extended_key_usage.join(", ")]
            }),
            "2.5.29.14" => SubjectKeyIdentifier::from_der(bytes).map(|ski| {
                let id = colon_hex(ski.0.as_bytes());
                out.subject_key_id = Some(id.clone());
                vec![id]
            }),
            "2.5.29.35" => AuthorityKeyIdentifier::from_der(bytes).map(|aki| {
                let mut lines = Vec::new();
                if let Some(id) = &aki.key_identifier {
                    let id = colon_hex(id.as_bytes());
                    out.authority_key_id = Some(id.clone());
                    lines.push(format!("keyid:{id}"));
                }
                if let Some(names) = &aki.authority_cert_issuer {
                    lines.extend(general_names(names));
                }
                if let Some(serial) = &aki.authority_cert_serial_number {
                    lines.push(format!("serial:{}", colon_hex(serial.as_bytes())));
                }
                lines
            }),
            "1.3.6.1.5.5.7.1.1" => AuthorityInfoAccessSyntax::from_der(bytes).map(|aia| {
                aia.0
                    .iter()
                    .map(|ad| {
                        let location = general_name(&ad.access_location);
                        let uri = location
                            .strip_prefix("URI:")
                            .unwrap_or(&location)
                            .to_string();
                        match ad.access_method.to_string().as_str() {
                            "1.3.6.1.5.5.7.48.1" => out.ocsp.push(uri),
                            "1.3.6.1.5.5.7.48.2" => out.ca_issuers.push(uri),
                            _ => {}
                        }
                        format!("{} - {location}", oids::name(&ad.access_method))
                    })
                    .collect()
            }),
            _ => Ok(vec![colon_hex(bytes)]),
        };
        let value =
            value.unwrap_or_else(|e| vec![format!("(malformed: {e}) {}", colon_hex(bytes))]);
        out.extensions.push(ExtensionReport {
            oid: ext.extn_id.to_string(),
            name: oids::name(&ext.extn_id),
            critical: ext.critical,
            value,
        });
    }
    out
}

/// `DNS:example.com`, `IP:127.0.0.1`, … as OpenSSL prints them, but with `IP:` (shorter and
/// what `-addext subjectAltName=` takes).
pub fn general_names(names: &GeneralNames) -> Vec<String> {
    names.iter().map(general_name).collect()
}

pub fn general_name(name: &GeneralName) -> String {
    match name {
        GeneralName::DnsName(s) => format!("DNS:{}", s.as_str()),
        GeneralName::Rfc822Name(s) => format!("email:{}", s.as_str()),
        GeneralName::UniformResourceIdentifier(s) => format!("URI:{}", s.as_str()),
        GeneralName::IpAddress(ip) => format!("IP:{}", ip_text(ip)),
        GeneralName::DirectoryName(dn) => format!("DirName:{}", dn::rfc4514(dn)),
        GeneralName::RegisteredId(oid) => format!("RID:{oid}"),
        GeneralName::OtherName(other) => {
            let text = other
                .value
                .decode_as::<der::Any>()
                .ok()
                .and_then(|inner| dn::any_text((&inner).into()))
                .unwrap_or_else(|| "<unsupported>".into());
            match other.type_id.to_string().as_str() {
                "1.3.6.1.4.1.311.20.2.3" => format!("othername:UPN:{text}"),
                oid => format!("othername:{oid}:{text}"),
            }
        }
        GeneralName::EdiPartyName(_) => "EdiPartyName:<unsupported>".into(),
    }
}

/// An IP address SAN or name-constraint entry: 4 or 16 bytes, or 8 or 32 with a mask.
pub fn ip_text(octets: &OctetString) -> String {
    ip_bytes_text(octets.as_bytes())
}

fn ip_bytes_text(b: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(b) {
        return std::net::Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(b) {
        return std::net::Ipv6Addr::from(v6).to_string();
    }
    match b.len() {
        8 | 32 => format!(
            "{}/{}",
            ip_bytes_text(&b[..b.len() / 2]),
            ip_bytes_text(&b[b.len() / 2..])
        ),
        _ => format!("<invalid {} bytes: {}>", b.len(), dn::hex(b)),
    }
}

/// Uppercase hex with colons, as OpenSSL prints key identifiers.
pub fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}
