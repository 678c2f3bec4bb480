//! Distinguished names as RFC 4514 strings and as named attributes.

use crate::oids;
use der::{Encode, Tag, Tagged, asn1::AnyRef};
use serde::{Deserialize, Serialize};
use x509_cert::name::{Name, RelativeDistinguishedName};

/// One attribute of a name, e.g. `O=Example Ltd`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    /// OpenSSL's short name (`CN`, `O`, `emailAddress`) or the dotted OID.
    pub name: String,
    /// The dotted OID.
    pub oid: String,
    /// The value as text (hex when it is not a string).
    pub value: String,
    /// ASN.1 string type used (`PrintableString`, `UTF8String`, …): lint checks it.
    pub string_type: String,
}

/// Attributes in the order they appear in the DER (most general first: C, O, …, CN).
pub fn attributes(name: &Name) -> Vec<Attribute> {
    name.iter_rdn()
        .flat_map(|rdn| rdn.iter())
        .map(|atv| Attribute {
            name: oids::name(&atv.oid),
            oid: crate::oids::dotted(&atv.oid),
            value: value_text(atv.value.tag(), atv.value.value())
                .unwrap_or_else(|| format!("#{}", hex(&atv.value.to_der().unwrap_or_default()))),
            string_type: tag_name(atv.value.tag()),
        })
        .collect()
}

/// The RFC 4514 string (`CN=example.com,O=Example,C=GB`): most specific first, `+` joining
/// multi-valued RDNs, special characters escaped, values of unknown type as `#hex`.
pub fn rfc4514(name: &Name) -> String {
    let rdns: Vec<String> = name.iter_rdn().map(rdn_text).collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// One RDN as RFC 4514 writes it (`O=Example+OU=Web`). Not x509-cert's `Display`, which looks
/// attribute names up in const-oid's whole OID table (tens of KB in the web app's wasm).
pub fn rdn_text(rdn: &RelativeDistinguishedName) -> String {
    rdn.iter()
        .map(|atv| {
            let key = oids::name(&atv.oid);
            match value_text(atv.value.tag(), atv.value.value()) {
                Some(text) => format!("{key}={}", escape(&text)),
                None => format!("{key}=#{}", hex(&atv.value.to_der().unwrap_or_default())),
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

/// The value of the first attribute with OpenSSL short name `short` (e.g. "CN"), if any.
pub fn first(name: &Name, short: &str) -> Option<String> {
    attributes(name)
        .into_iter()
        .find(|a| a.name == short)
        .map(|a| a.value)
}

/// Decodes the ASN.1 string types that appear in names; `None` for anything else.
pub fn value_text(tag: Tag, bytes: &[u8]) -> Option<String> {
    match tag {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::VisibleString
        | Tag::NumericString => std::str::from_utf8(bytes).ok().map(str::to_string),
        // T.61 in theory; in practice Latin-1, which is what OpenSSL assumes too.
        Tag::TeletexString => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        Tag::BmpString => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            bytes
                .len()
                .is_multiple_of(2)
                .then(|| String::from_utf16_lossy(&units))
        }
        _ => None,
    }
}

/// Decodes a directory string held in an `Any`.
pub fn any_text(any: AnyRef<'_>) -> Option<String> {
    value_text(any.tag(), any.value())
}

fn tag_name(tag: Tag) -> String {
    match tag {
        Tag::Utf8String => "UTF8String".into(),
        Tag::PrintableString => "PrintableString".into(),
        Tag::Ia5String => "IA5String".into(),
        Tag::TeletexString => "TeletexString".into(),
        Tag::BmpString => "BMPString".into(),
        Tag::VisibleString => "VisibleString".into(),
        Tag::NumericString => "NumericString".into(),
        other => format!("{other}"),
    }
}

fn escape(value: &str) -> String {
    // Nearly every value needs no escape: returned as it is, without the walk by character.
    let special = |b: u8| {
        matches!(
            b,
            b'"' | b'+' | b',' | b';' | b'<' | b'>' | b'\\' | 0..=0x1f | 0x7f
        )
    };
    if !value.bytes().any(special) && !value.starts_with(['#', ' ']) && !value.ends_with(' ') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\0'..='\x1f' | '\x7f' => out.push_str(&format!("\\{:02X}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// Uppercase hex with colons, as OpenSSL prints key identifiers.
pub fn colon_hex(bytes: &[u8]) -> String {
    // By table, as `hex`: every unknown extension and key identifier goes through here.
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(bytes.len() * 3);
    for (i, &b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(b':');
        }
        out.push(DIGITS[usize::from(b >> 4)]);
        out.push(DIGITS[usize::from(b & 0x0f)]);
    }
    // Only ASCII went in.
    String::from_utf8(out).unwrap_or_default()
}

/// Hex digits in uppercase pairs with colons (`AB:CD:…`), as OpenSSL and browsers show
/// fingerprints: what the Decode tab and `certbench decode` print for a SHA-256 hex string.
pub fn colons(hex: &str) -> String {
    let mut out = String::with_capacity(hex.len() * 3 / 2);
    for (i, pair) in hex.as_bytes().chunks(2).enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.extend(pair.iter().map(|b| char::from(b.to_ascii_uppercase())));
    }
    out
}

/// The bytes of hex text (either case, no separators); `None` for anything else.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Lowercase hex without separators.
pub fn hex(bytes: &[u8]) -> String {
    // A table, not `format!` per byte: reports hex every modulus and signature, and this was
    // the largest cost of decoding a bundle.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    // Written into place: a two-byte copy per input byte was a call to memmove each, in wasm.
    let mut out = vec![0u8; bytes.len() * 2];
    for (pair, &b) in out.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(b >> 4)];
        pair[1] = DIGITS[usize::from(b & 0x0f)];
    }
    // Only ASCII digits went in.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colon_hex_is_openssl_style() {
        assert_eq!(colon_hex(&[]), "");
        assert_eq!(colon_hex(&[0x0c]), "0C");
        assert_eq!(colon_hex(&[0x0c, 0x1a, 0xff, 0x00]), "0C:1A:FF:00");
    }

    #[test]
    fn colons_pair_hex_in_upper_case() {
        assert_eq!(colons("abcd12"), "AB:CD:12");
        assert_eq!(colons("abc"), "AB:C");
        assert_eq!(colons(""), "");
    }
    use std::str::FromStr;

    #[test]
    fn formats_most_specific_first_with_escapes() {
        let name = Name::from_str("CN=a\\,b,O=Example+OU=Web,C=GB").unwrap();
        // A multi-valued RDN is a DER SET: its members come out in sorted encoding order.
        assert_eq!(rfc4514(&name), "CN=a\\,b,OU=Web+O=Example,C=GB");
        assert_eq!(first(&name, "CN").as_deref(), Some("a,b"));
        assert_eq!(attributes(&name)[0].name, "C");
    }

    #[test]
    fn decodes_bmp_strings() {
        assert_eq!(
            value_text(Tag::BmpString, &[0, b'h', 0, b'i']).as_deref(),
            Some("hi")
        );
        assert_eq!(value_text(Tag::BmpString, &[0]), None);
        assert_eq!(escape(" #a "), "\\ #a\\ ");
    }
}

/// A name prepared for comparison as RFC 5280 section 7.1 asks (RFC 4518 string preparation):
/// string values case-folded with insignificant spaces removed (leading and trailing gone, inner
/// runs one space); other values compared as their DER; the attributes of a multi-valued RDN in
/// a fixed order. Two names match when their comparison forms are equal.
///
/// Case folding covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic (what names hold in
/// practice; OpenSSL folds ASCII only); other characters compare exactly, as does Unicode
/// normalisation (NFKC), which would need tables too large for the web app.
#[derive(Clone, Debug, Eq)]
pub struct Comparable(Vec<Vec<Prepared>>);

/// One attribute ready for comparison: its type, and its value as prepared text or, when it
/// is not a string, its DER.
type Prepared = (const_oid::ObjectIdentifier, Result<String, Vec<u8>>);

impl Comparable {
    /// The comparison form of `name`.
    pub fn of(name: &Name) -> Comparable {
        Comparable(
            name.iter_rdn()
                .map(|rdn| {
                    rdn.iter()
                        .map(|atv| {
                            let prepared = value_text(atv.value.tag(), atv.value.value())
                                .map(|text| prepare(&text))
                                .ok_or_else(|| atv.value.to_der().unwrap_or_default());
                            (atv.oid, prepared)
                        })
                        .collect()
                })
                .collect(),
        )
    }

    /// Whether this name lies in the subtree `base` names (its RDNs start with `base`'s), as
    /// directoryName constraints ask (RFC 5280 section 4.2.1.10).
    pub fn within(&self, base: &Comparable) -> bool {
        base.0.len() <= self.0.len() && self.0.iter().zip(&base.0).all(|(a, b)| same_rdn(a, b))
    }
}

impl PartialEq for Comparable {
    fn eq(&self, other: &Comparable) -> bool {
        self.0.len() == other.0.len() && self.within(other)
    }
}

/// An RDN is a set: the same attributes in any order.
fn same_rdn(a: &[Prepared], b: &[Prepared]) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.contains(x))
}

/// How two names compare under RFC 5280 section 7.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameMatch {
    /// Byte for byte the same.
    Exact,
    /// The same only after string preparation (case, spaces, string types).
    Prepared,
    /// Different names.
    Different,
}

/// Compares two names: exactly first, then in their [`Comparable`] forms.
pub fn compare(a: &Name, b: &Name) -> NameMatch {
    if a == b {
        NameMatch::Exact
    } else if Comparable::of(a) == Comparable::of(b) {
        NameMatch::Prepared
    } else {
        NameMatch::Different
    }
}

/// RFC 4518 sections 2.3 and 2.6.1, as [`Comparable`] says.
fn prepare(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c == ' ' || c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(fold_case));
    }
    out
}

/// Lower case for the scripts names use in practice, by their regular code point layout.
fn fold_case(c: char) -> char {
    let u = u32::from(c);
    let folded = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 0x20
        }
        0x400..=0x40F => u + 0x50,
        // Latin Extended-A: capital and small alternate, except the runs that start on odd
        // code points (Ĺ-Ň, Ź-Ž) and the dotless i/İ, ĸ and ŉ, left alone.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

#[cfg(test)]
mod name_comparison {
    use super::*;
    use std::str::FromStr;

    fn name(text: &str) -> Name {
        Name::from_str(text).unwrap()
    }

    #[test]
    fn names_compare_after_case_folding_and_space_handling() {
        assert_eq!(
            compare(&name("CN=Example CA,O=Foo"), &name("CN=Example CA,O=Foo")),
            NameMatch::Exact
        );
        assert_eq!(
            compare(
                &name("CN=Example CA,O=Foo"),
                &name("CN=  example   ca ,O=FOO")
            ),
            NameMatch::Prepared
        );
        assert_eq!(
            compare(&name("CN=Émile Ωmega Жук"), &name("CN=émile ωMEGA жук")),
            NameMatch::Prepared
        );
        assert_eq!(
            compare(&name("CN=Example CA"), &name("CN=Example CB")),
            NameMatch::Different
        );
        // Attribute order within a multi-valued RDN does not matter; RDN order does.
        assert_eq!(
            compare(&name("CN=a+O=b"), &name("O=B+CN=A")),
            NameMatch::Prepared
        );
        assert_eq!(
            compare(&name("CN=a,O=b"), &name("O=b,CN=a")),
            NameMatch::Different
        );
        let host = Comparable::of(&name("CN=host,O=Example,C=GB"));
        assert!(host.within(&Comparable::of(&name("O=EXAMPLE,C=gb"))));
        assert!(!host.within(&Comparable::of(&name("O=Other,C=GB"))));
    }

    #[test]
    fn fold_case_covers_latin_greek_and_cyrillic() {
        for (upper, lower) in [
            ('A', 'a'),
            ('Ä', 'ä'),
            ('Ā', 'ā'),
            ('Ł', 'ł'),
            ('Ž', 'ž'),
            ('Σ', 'σ'),
            ('Ж', 'ж'),
            ('Ё', 'ё'),
            ('Ÿ', 'ÿ'),
        ] {
            assert_eq!(fold_case(upper), lower, "{upper}");
            assert_eq!(fold_case(lower), lower, "{lower}");
        }
        for same in ['×', 'ı', 'ĸ', '1', '東'] {
            assert_eq!(fold_case(same), same);
        }
    }
}
