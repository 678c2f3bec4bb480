//! A generic ASN.1 (DER/BER) tree for the "show me the bytes" view, as asn1js draws it: every
//! node with its tag, offset and lengths, and its value summarised in words.

use crate::oids;
use serde::{Deserialize, Serialize};

/// Deepest nesting shown; real certificates nest about 10 levels.
pub const MAX_DEPTH: usize = 64;
/// Most nodes in one tree; a CA bundle's largest certificate has a few hundred.
pub const MAX_NODES: usize = 20_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// One TLV of the DER: where it is, what its tag says, and what it holds.
pub struct Node {
    /// `SEQUENCE`, `INTEGER`, `[0]`, `[APPLICATION 3]`, …
    pub tag: String,
    /// Byte offset of the tag within the block.
    pub offset: usize,
    /// Bytes of tag and length before the value.
    pub header_len: usize,
    /// Bytes of the value.
    pub length: usize,
    /// A SEQUENCE, SET or other constructed value: its value is more TLVs.
    pub constructed: bool,
    /// A one-line reading of primitive values: the OID's name, the integer, the string, the time.
    pub value: Option<String>,
    /// The TLVs inside a constructed value (or a BIT or OCTET STRING that wraps DER).
    pub children: Vec<Node>,
    /// Why parsing stopped here, if it did (the bytes beyond are not shown as nodes).
    pub error: Option<String>,
}

/// What the "show me the bytes" view needs of a block: its tree, and where its fields sit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// [`parse`] of the block (empty when only the fields were asked for).
    pub nodes: Vec<Node>,
    /// [`fields`] of the block, when its shape is known.
    pub fields: Vec<(String, usize)>,
}

impl View {
    /// The view of `der`, its tree only when `tree` (the fields are cheap, the tree is not).
    pub fn of(der: &[u8], shape: Option<Shape>, tree: bool) -> View {
        View {
            nodes: if tree { parse(der) } else { Vec::new() },
            fields: shape.map(|s| fields(s, der)).unwrap_or_default(),
        }
    }
}

/// Parses `der` into a forest (normally one root). Never fails: damage shows as a node error.
pub fn parse(der: &[u8]) -> Vec<Node> {
    let mut budget = MAX_NODES;
    parse_all(der, 0, 0, &mut budget)
}

fn parse_all(bytes: &[u8], base: usize, depth: usize, budget: &mut usize) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        if *budget == 0 {
            nodes.push(error_node(
                base + pos,
                format!("more than {MAX_NODES} nodes; the rest is not shown"),
            ));
            break;
        }
        *budget -= 1;
        match parse_one(&bytes[pos..], base + pos, depth, budget) {
            Ok((node, used)) => {
                nodes.push(node);
                pos += used;
            }
            Err(e) => {
                nodes.push(error_node(base + pos, e));
                break;
            }
        }
    }
    nodes
}

/// The structures whose fields [`fields`] can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// RFC 5280 §4.1.
    Certificate,
    /// RFC 2986 §4 (PKCS#10).
    Request,
    /// RFC 5280 §5.1.
    RevocationList,
}

/// Where each field of a `shape` sits in its DER (see [`certificate_fields`]): each kind its
/// own list, so a CSR's "Subject" points at its subject, never at a certificate's slot.
pub fn fields(shape: Shape, der: &[u8]) -> Vec<(String, usize)> {
    match shape {
        Shape::Certificate => certificate_fields(der),
        Shape::Request => request_fields(der),
        Shape::RevocationList => revocation_list_fields(der),
    }
}

/// The extensions of an `Extensions` SEQUENCE, by name, at their offsets.
fn extension_fields(der: &[u8], list: &Node, fields: &mut Vec<(String, usize)>) {
    for extension in &list.children {
        let name = extension.children.first().and_then(|oid| oid_at(der, oid));
        if let Some(oid) = name {
            fields.push((oids::name(&oid), extension.offset));
        }
    }
}

/// The OBJECT IDENTIFIER `node` holds.
fn oid_at(der: &[u8], node: &Node) -> Option<const_oid::ObjectIdentifier> {
    let start = node.offset + node.header_len;
    let bytes = der.get(start..start + node.length)?;
    const_oid::ObjectIdentifier::from_bytes(bytes).ok()
}

/// A CSR's fields: version, subject, public key, attributes (each requested extension by
/// name), then the signature.
fn request_fields(der: &[u8]) -> Vec<(String, usize)> {
    const EXTENSION_REQUEST: &str = "1.2.840.113549.1.9.14";
    let roots = parse(der);
    let Some([info, algorithm, signature]) = roots.first().map(|c| c.children.as_slice()) else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    for (name, node) in ["Version", "Subject", "Public key"]
        .iter()
        .zip(&info.children)
    {
        fields.push((name.to_string(), node.offset));
    }
    if let Some(attributes) = info.children.get(3).filter(|n| n.tag == "[0]") {
        fields.push(("Attributes".into(), attributes.offset));
        for attribute in &attributes.children {
            let is_request = attribute
                .children
                .first()
                .and_then(|oid| oid_at(der, oid))
                .is_some_and(|oid| oid.to_string() == EXTENSION_REQUEST);
            let lists = attribute.children.get(1).map(|set| &set.children);
            for list in lists.into_iter().flatten().filter(|_| is_request) {
                extension_fields(der, list, &mut fields);
            }
        }
    }
    fields.push(("Signature algorithm".into(), algorithm.offset));
    fields.push(("Signature".into(), signature.offset));
    fields
}

/// A CRL's fields: version (when present), signature algorithm, issuer, this and next update
/// (when present), the revoked list (when any), extensions by name, then the signature.
fn revocation_list_fields(der: &[u8]) -> Vec<(String, usize)> {
    let roots = parse(der);
    let Some([tbs, algorithm, signature]) = roots.first().map(|c| c.children.as_slice()) else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    let mut parts = tbs.children.iter().peekable();
    if let Some(version) = parts.next_if(|n| n.tag == "INTEGER") {
        fields.push(("Version".to_string(), version.offset));
    }
    for name in ["Signature algorithm", "Issuer", "This update"] {
        match parts.next() {
            Some(node) => fields.push((name.to_string(), node.offset)),
            None => return fields,
        }
    }
    let is_time = |n: &&Node| n.tag == "UTCTime" || n.tag == "GeneralizedTime";
    if let Some(next) = parts.next_if(is_time) {
        fields.push(("Next update".into(), next.offset));
    }
    if let Some(revoked) = parts.next_if(|n| n.tag == "SEQUENCE") {
        fields.push(("Revoked certificates".into(), revoked.offset));
    }
    if let Some(list) = parts
        .find(|n| n.tag == "[0]")
        .and_then(|e| e.children.first())
    {
        extension_fields(der, list, &mut fields);
    }
    fields.push(("Signature algorithm (outer)".into(), algorithm.offset));
    fields.push(("Signature".into(), signature.offset));
    fields
}

/// Where each field of a certificate sits in its DER, for "show me its bytes": the report's
/// name for the field (extensions by their name) and the offset of its node in [`parse`]'s
/// tree. Empty when `der` does not have a certificate's shape (RFC 5280 section 4.1).
pub fn certificate_fields(der: &[u8]) -> Vec<(String, usize)> {
    let roots = parse(der);
    let Some([tbs, algorithm, signature]) = roots.first().map(|c| c.children.as_slice()) else {
        return Vec::new();
    };
    let mut fields = Vec::new();
    let mut parts = tbs.children.iter().peekable();
    if let Some(version) = parts.next_if(|n| n.tag == "[0]") {
        fields.push(("Version".to_string(), version.offset));
    }
    for name in [
        "Serial",
        "Signature algorithm",
        "Issuer",
        "Valid",
        "Subject",
        "Public key",
    ] {
        match parts.next() {
            Some(node) => fields.push((name.to_string(), node.offset)),
            None => return fields,
        }
    }
    if let Some(list) = parts
        .find(|n| n.tag == "[3]")
        .and_then(|e| e.children.first())
    {
        extension_fields(der, list, &mut fields);
    }
    fields.push(("Signature algorithm (outer)".into(), algorithm.offset));
    fields.push(("Signature".into(), signature.offset));
    fields
}

fn error_node(offset: usize, error: String) -> Node {
    Node {
        tag: "?".into(),
        offset,
        header_len: 0,
        length: 0,
        constructed: false,
        value: None,
        children: Vec::new(),
        error: Some(error),
    }
}

fn parse_one(
    bytes: &[u8],
    offset: usize,
    depth: usize,
    budget: &mut usize,
) -> Result<(Node, usize), String> {
    let (&first, _) = bytes.split_first().ok_or("no tag")?;
    let class = first >> 6;
    let constructed = first & 0x20 != 0;
    let mut pos = 1;
    let mut number = u32::from(first & 0x1f);
    if number == 0x1f {
        number = 0;
        loop {
            let &b = bytes.get(pos).ok_or("the tag is cut off")?;
            pos += 1;
            number = number.checked_mul(128).ok_or("tag number too large")? | u32::from(b & 0x7f);
            if b & 0x80 == 0 {
                break;
            }
        }
    }
    let &len_byte = bytes.get(pos).ok_or("the length is cut off")?;
    pos += 1;
    let length = match len_byte {
        0x00..=0x7f => usize::from(len_byte),
        0x80 => return Err("indefinite length (BER) is not shown".into()),
        _ => {
            let n = usize::from(len_byte & 0x7f);
            if n > 4 {
                return Err(format!(
                    "a {n}-byte length field is larger than any real input"
                ));
            }
            let len_bytes = bytes.get(pos..pos + n).ok_or("the length is cut off")?;
            pos += n;
            len_bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
        }
    };
    let header_len = pos;
    let content = bytes.get(pos..pos.saturating_add(length)).ok_or_else(|| {
        format!(
            "says {length} bytes follow at offset {}, but only {} do",
            offset + pos,
            bytes.len() - pos
        )
    })?;
    let tag = tag_name(class, number, constructed);
    let mut node = Node {
        tag,
        offset,
        header_len,
        length,
        constructed,
        value: None,
        children: Vec::new(),
        error: None,
    };
    if constructed {
        if depth >= MAX_DEPTH {
            node.error = Some(format!(
                "nested deeper than {MAX_DEPTH} levels; not expanded"
            ));
        } else {
            node.children = parse_all(content, offset + header_len, depth + 1, budget);
        }
    } else {
        node.value = describe(class, number, content);
        // OCTET STRING and BIT STRING often wrap DER (extensions, keys): show it when it parses cleanly.
        let inner = match (class, number) {
            (0, 4) => Some((content, 0)),
            (0, 3) if content.first() == Some(&0) => Some((&content[1..], 1)),
            _ => None,
        };
        if let Some((wrapped, skip)) = inner
            && depth < MAX_DEPTH
            && crate::input::check_whole(wrapped).is_ok()
            && wrapped.first().is_some_and(|&t| t == 0x30 || t == 0x31)
        {
            let children = parse_all(wrapped, offset + header_len + skip, depth + 1, budget);
            if children.iter().all(|c| c.error.is_none()) {
                node.children = children;
            }
        }
    }
    Ok((node, header_len + length))
}

fn tag_name(class: u8, number: u32, constructed: bool) -> String {
    match class {
        0 => match number {
            1 => "BOOLEAN".into(),
            2 => "INTEGER".into(),
            3 => "BIT STRING".into(),
            4 => "OCTET STRING".into(),
            5 => "NULL".into(),
            6 => "OBJECT IDENTIFIER".into(),
            10 => "ENUMERATED".into(),
            12 => "UTF8String".into(),
            16 => "SEQUENCE".into(),
            17 => "SET".into(),
            18 => "NumericString".into(),
            19 => "PrintableString".into(),
            20 => "TeletexString".into(),
            22 => "IA5String".into(),
            23 => "UTCTime".into(),
            24 => "GeneralizedTime".into(),
            26 => "VisibleString".into(),
            28 => "UniversalString".into(),
            30 => "BMPString".into(),
            n => format!("[UNIVERSAL {n}]"),
        },
        1 => format!("[APPLICATION {number}]"),
        2 => format!("[{number}]{}", if constructed { "" } else { " (implicit)" }),
        _ => format!("[PRIVATE {number}]"),
    }
}

fn describe(class: u8, number: u32, content: &[u8]) -> Option<String> {
    if class != 0 {
        return Some(short_hex(content));
    }
    Some(match number {
        1 => (content.first().is_some_and(|&b| b != 0)).to_string(),
        2 | 10 => {
            if content.len() <= 8 {
                let negative = content.first().is_some_and(|b| b & 0x80 != 0);
                let value = content
                    .iter()
                    .fold(if negative { -1i64 } else { 0 }, |acc, &b| {
                        (acc << 8) | i64::from(b)
                    });
                value.to_string()
            } else {
                format!(
                    "{} bits: {}",
                    crate::decode::key::bit_length(content),
                    short_hex(content)
                )
            }
        }
        3 => format!(
            "{} bits: {}",
            content.len().saturating_sub(1) * 8,
            short_hex(content.get(1..).unwrap_or_default())
        ),
        4 => format!("{} bytes: {}", content.len(), short_hex(content)),
        5 => String::new(),
        6 => {
            let oid = const_oid::ObjectIdentifier::from_bytes(content).ok()?;
            match oids::describe(&oid) {
                Some((name, about)) => format!("{name} ({oid}): {about}"),
                None => oid.to_string(),
            }
        }
        23 | 24 => String::from_utf8_lossy(content).into_owned(),
        _ => {
            let tag = match number {
                12 => der::Tag::Utf8String,
                18 => der::Tag::NumericString,
                19 => der::Tag::PrintableString,
                20 => der::Tag::TeletexString,
                22 => der::Tag::Ia5String,
                26 => der::Tag::VisibleString,
                30 => der::Tag::BmpString,
                _ => return Some(short_hex(content)),
            };
            crate::dn::value_text(tag, content).unwrap_or_else(|| short_hex(content))
        }
    })
}

fn short_hex(bytes: &[u8]) -> String {
    const SHOWN: usize = 32;
    let hex = crate::dn::hex(&bytes[..bytes.len().min(SHOWN)]);
    if bytes.len() > SHOWN {
        format!("{hex}…")
    } else {
        hex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_structures_with_offsets() {
        // SEQUENCE { OID 2.5.4.3, [0] { INTEGER 5 }, OCTET STRING { SEQUENCE {} } }
        let der = [
            0x30, 0x0e, 0x06, 0x03, 0x55, 0x04, 0x03, 0xa0, 0x03, 0x02, 0x01, 0x05, 0x04, 0x02,
            0x30, 0x00,
        ];
        let tree = parse(&der);
        assert_eq!(tree.len(), 1);
        let seq = &tree[0];
        assert_eq!(
            (seq.tag.as_str(), seq.length, seq.children.len()),
            ("SEQUENCE", 14, 3)
        );
        assert!(
            seq.children[0]
                .value
                .as_deref()
                .unwrap()
                .starts_with("CN (2.5.4.3)")
        );
        assert_eq!(seq.children[1].tag, "[0]");
        assert_eq!(seq.children[1].children[0].value.as_deref(), Some("5"));
        assert_eq!(seq.children[1].children[0].offset, 9);
        assert_eq!(
            seq.children[2].children[0].tag, "SEQUENCE",
            "OCTET STRING wrapping DER is expanded"
        );
    }

    #[test]
    fn damage_becomes_a_node_error() {
        let tree = parse(&[0x30, 0x05, 0x02, 0x01]);
        assert!(
            tree[0]
                .error
                .as_deref()
                .unwrap()
                .contains("says 5 bytes follow")
        );
        let mut deep = Vec::new();
        for i in (0..200usize).rev() {
            deep.splice(0..0, [0x30, 0x81, (i * 3) as u8]);
        }
        let _ = parse(&deep);
        assert!(parse(&[0x30, 0x80]).iter().any(|n| n.error.is_some()));
        assert!(
            parse(&[0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])
                .iter()
                .any(|n| n.error.is_some())
        );
    }

    #[test]
    fn a_real_certificate_parses_completely() {
        let pem = include_str!("../../../tests/fixtures/everything.pem");
        let block = crate::input::read_blocks(pem.as_bytes())
            .unwrap()
            .remove(0)
            .unwrap();
        let tree = parse(&block.der);
        fn walk(n: &Node, count: &mut usize) {
            assert!(n.error.is_none(), "{n:?}");
            *count += 1;
            n.children.iter().for_each(|c| walk(c, count));
        }
        let mut count = 0;
        walk(&tree[0], &mut count);
        assert!(count > 100, "{count} nodes");
    }

    #[test]
    fn every_certificate_field_points_at_its_node() {
        let pem = include_str!("../../../tests/fixtures/everything.pem");
        let der = crate::input::read_blocks(pem.as_bytes())
            .unwrap()
            .remove(0)
            .unwrap()
            .der;
        let fields = certificate_fields(&der);
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
        for expected in [
            "Version",
            "Serial",
            "Issuer",
            "Valid",
            "Subject",
            "Public key",
            "subjectAltName",
            "basicConstraints",
            "Signature",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        // The serial's node is the INTEGER holding the serial.
        let serial = fields.iter().find(|(n, _)| n == "Serial").unwrap().1;
        assert_eq!(der[serial], 0x02);
        assert!(certificate_fields(b"not DER").is_empty());
    }

    /// Each field of a CSR and a CRL points at the node holding it (checked by the byte that
    /// starts it), never at the slot the same name has in a certificate.
    #[test]
    fn csr_and_crl_fields_point_at_their_own_nodes() {
        let der = |pem: &str| {
            crate::input::read_blocks(pem.as_bytes())
                .unwrap()
                .remove(0)
                .unwrap()
                .der
        };
        let at = |fields: &[(String, usize)], name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{name} missing from {fields:?}"))
                .1
        };
        let csr = der(include_str!("../../../tests/fixtures/everything.csr"));
        let fields = fields(Shape::Request, &csr);
        assert_eq!(csr[at(&fields, "Version")], 0x02, "an INTEGER");
        assert_eq!(csr[at(&fields, "Subject")], 0x30, "a Name");
        assert_eq!(csr[at(&fields, "Attributes")], 0xa0, "[0]");
        assert!(
            fields.iter().any(|(n, _)| n == "subjectAltName"),
            "{fields:?}"
        );
        assert!(!fields.iter().any(|(n, _)| n == "Serial"));
        let crl = der(include_str!("../../../tests/fixtures/root.crl"));
        let fields = super::fields(Shape::RevocationList, &crl);
        assert_eq!(crl[at(&fields, "Version")], 0x02);
        assert!(
            matches!(crl[at(&fields, "This update")], 0x17 | 0x18),
            "a time"
        );
        assert!(
            matches!(crl[at(&fields, "Next update")], 0x17 | 0x18),
            "a time"
        );
        assert_eq!(crl[at(&fields, "Issuer")], 0x30);
        assert!(fields.iter().any(|(n, _)| n == "cRLNumber"), "{fields:?}");
        assert!(!fields.iter().any(|(n, _)| n == "Subject"));
    }
}
