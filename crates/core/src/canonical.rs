//! BER that DER forbids, found and rewritten. CAs have issued certificates that are not strict
//! DER (a BOOLEAN written 0x01, a UTCTime without seconds, a SET out of order) and many clients
//! accept them; decode reads the rewritten DER so such a certificate is still shown and linted,
//! and lint reports each problem where it sits.

/// What made an encoding BER rather than DER.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDer {
    /// A length in long form where the short form fits, or with leading zero octets (X.690 §10.1).
    LongLength,
    /// A BOOLEAN TRUE written with an octet other than 0xFF (X.690 §11.1).
    Boolean,
    /// An INTEGER with needless leading 0x00 or 0xFF octets (X.690 §8.3.2).
    PaddedInteger,
    /// A SET OF whose elements are not in ascending order of their encodings (X.690 §11.6).
    UnsortedSet,
    /// A UTCTime or GeneralizedTime without seconds (RFC 5280 §4.1.2.5.1, §4.1.2.5.2).
    TimeWithoutSeconds,
    /// A GeneralizedTime with fractional seconds (RFC 5280 §4.1.2.5.2).
    FractionalSeconds,
    /// A time with an offset from UTC (`+0100`) instead of `Z` (RFC 5280 §4.1.2.5.1,
    /// §4.1.2.5.2): rewritten as the same moment in UTC.
    TimeNotZulu,
}

/// One encoding problem and the byte offset of the element it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub what: NotDer,
    /// Offset of the element's tag in the input.
    pub at: usize,
}

/// The most elements read before giving up: a malformed input cannot make this slow.
const MAX_ELEMENTS: usize = 100_000;

/// Element nesting read at most (certificates nest about ten deep).
const MAX_DEPTH: usize = 32;

/// `ber` rewritten as DER, with what had to change; `None` when it is not one complete
/// element of definite-length BER. An extension's value (an OCTET STRING right after an OID,
/// or after an OID and a BOOLEAN, in a SEQUENCE) is rewritten too, since it holds DER of its own.
pub fn rewrite(ber: &[u8]) -> Option<(Vec<u8>, Vec<Problem>)> {
    let mut walk = Walk {
        problems: Vec::new(),
        elements: 0,
    };
    let (der, rest) = walk.element(ber, 0, 0)?;
    rest.is_empty().then_some((der, walk.problems))
}

struct Walk {
    problems: Vec<Problem>,
    elements: usize,
}

/// A tag's constructed bit (X.690 §8.1.2.5).
const CONSTRUCTED: u8 = 0x20;

impl Walk {
    fn found(&mut self, what: NotDer, at: usize) {
        self.problems.push(Problem { what, at });
    }

    /// Reads the element at the start of `bytes` (which sits at `offset` in the input) and
    /// returns it as DER, with what follows it.
    fn element<'a>(
        &mut self,
        bytes: &'a [u8],
        offset: usize,
        depth: usize,
    ) -> Option<(Vec<u8>, &'a [u8])> {
        self.elements += 1;
        if self.elements > MAX_ELEMENTS || depth > MAX_DEPTH {
            return None;
        }
        let (&tag, rest) = bytes.split_first()?;
        // High-tag-number form (tag number ≥ 31) never occurs in the structures read here.
        if tag & 0x1f == 0x1f {
            return None;
        }
        let (&first, rest) = rest.split_first()?;
        let (len, rest, minimal) = match first {
            0..=0x7f => (usize::from(first), rest, true),
            0x81..=0x84 => {
                let n = usize::from(first & 0x7f);
                let digits = rest.get(..n)?;
                let len = digits
                    .iter()
                    .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
                let minimal = digits[0] != 0 && len >= 0x80;
                (len, &rest[n..], minimal)
            }
            // 0x80 (indefinite length) is BER certbench does not read.
            _ => return None,
        };
        if !minimal {
            self.found(NotDer::LongLength, offset);
        }
        let content = rest.get(..len)?;
        let after = &rest[len..];
        let content_at = offset + (bytes.len() - rest.len());
        let content = if tag & CONSTRUCTED != 0 {
            self.constructed(tag, content, content_at, depth)?
        } else {
            self.primitive(tag, content, offset)
        };
        Some((crate::tlv::encode(tag, &content), after))
    }

    fn constructed(
        &mut self,
        tag: u8,
        mut content: &[u8],
        at: usize,
        depth: usize,
    ) -> Option<Vec<u8>> {
        let mut children: Vec<(u8, Vec<u8>)> = Vec::new();
        let whole = content.len();
        while !content.is_empty() {
            let child_at = at + (whole - content.len());
            let child_tag = content[0];
            // An extension's value: an OCTET STRING after an OID (and a BOOLEAN) in a SEQUENCE.
            let after_oid = matches!(
                children.as_slice(),
                [(crate::tlv::OID, _)] | [(crate::tlv::OID, _), (BOOLEAN, _)]
            );
            let (der, rest) = if tag == crate::tlv::SEQUENCE
                && child_tag == crate::tlv::OCTET_STRING
                && after_oid
            {
                self.extension_value(content, child_at, depth)?
            } else {
                self.element(content, child_at, depth + 1)?
            };
            children.push((child_tag, der));
            content = rest;
        }
        // X.690 §11.6: the elements of a SET OF in ascending order of their encodings.
        if tag == SET && children.windows(2).any(|w| w[0].1 > w[1].1) {
            self.found(NotDer::UnsortedSet, at);
            children = crate::sort::by_key(children, |(_, der)| der.clone());
        }
        Some(children.into_iter().flat_map(|(_, der)| der).collect())
    }

    /// An extension's OCTET STRING, whose content is rewritten when it is one element of BER.
    fn extension_value<'a>(
        &mut self,
        bytes: &'a [u8],
        at: usize,
        depth: usize,
    ) -> Option<(Vec<u8>, &'a [u8])> {
        let (outer, after) = self.element(bytes, at, depth + 1)?;
        let (_, inner, _) = crate::tlv::element(&outer)?;
        let inner_at = at + (outer.len() - inner.len());
        let mut nested = Walk {
            problems: Vec::new(),
            elements: self.elements,
        };
        match nested.element(inner, inner_at, depth + 1) {
            Some((der, [])) => {
                self.elements = nested.elements;
                self.problems.extend(nested.problems);
                Some((crate::tlv::encode(crate::tlv::OCTET_STRING, &der), after))
            }
            // Not DER inside (an unknown extension's raw bytes): kept as it is.
            _ => Some((outer, after)),
        }
    }

    fn primitive(&mut self, tag: u8, content: &[u8], at: usize) -> Vec<u8> {
        match (tag, content) {
            (BOOLEAN, [b]) if *b != 0 && *b != 0xff => {
                self.found(NotDer::Boolean, at);
                vec![0xff]
            }
            (crate::tlv::INTEGER, [0, second, ..]) if second & 0x80 == 0 => {
                self.found(NotDer::PaddedInteger, at);
                let start = content
                    .windows(2)
                    .position(|w| !(w[0] == 0 && w[1] & 0x80 == 0))
                    .unwrap_or(content.len() - 1);
                content[start..].to_vec()
            }
            (crate::tlv::INTEGER, [0xff, second, ..]) if second & 0x80 != 0 => {
                self.found(NotDer::PaddedInteger, at);
                let start = content
                    .windows(2)
                    .position(|w| !(w[0] == 0xff && w[1] & 0x80 != 0))
                    .unwrap_or(content.len() - 1);
                content[start..].to_vec()
            }
            (UTC_TIME | GENERALIZED_TIME, _) => self.time(tag, content, at),
            _ => content.to_vec(),
        }
    }

    /// A time as RFC 5280 wants it: seconds present, no fraction, `Z`.
    fn time(&mut self, tag: u8, content: &[u8], at: usize) -> Vec<u8> {
        let digits = if tag == UTC_TIME { 10 } else { 12 };
        let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
        match content {
            // YYMMDDhhmmZ / YYYYMMDDhhmmZ: no seconds.
            [minutes @ .., b'Z'] if minutes.len() == digits && all_digits(minutes) => {
                self.found(NotDer::TimeWithoutSeconds, at);
                [minutes, b"00Z"].concat()
            }
            // YYYYMMDDhhmmss.fffZ: fractional seconds.
            [whole @ .., b'Z'] if tag == GENERALIZED_TIME && whole.len() > 15 => {
                let (seconds, fraction) = whole.split_at(14);
                if all_digits(seconds)
                    && fraction[0] == b'.'
                    && fraction.len() > 1
                    && all_digits(&fraction[1..])
                {
                    self.found(NotDer::FractionalSeconds, at);
                    [seconds, b"Z"].concat()
                } else {
                    content.to_vec()
                }
            }
            _ => match zulu(tag, content) {
                Some(utc) => {
                    self.found(NotDer::TimeNotZulu, at);
                    utc
                }
                None => content.to_vec(),
            },
        }
    }
}

/// `content` (a UTCTime or GeneralizedTime with an offset: `YYMMDDhhmm[ss]±hhmm`) as the same
/// moment in UTC, written `YYMMDDhhmmssZ` (or with a four-digit year); `None` when it is not
/// such a time. [`crate::time`] does the arithmetic, through RFC 3339 text.
fn zulu(tag: u8, content: &[u8]) -> Option<Vec<u8>> {
    // ASCII only: the byte offsets below then fall on character boundaries.
    let text = std::str::from_utf8(content).ok().filter(|t| t.is_ascii())?;
    let (local, offset) = text.split_at(text.len().checked_sub(5)?);
    if !offset.starts_with(['+', '-']) || !local.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year_digits = if tag == UTC_TIME { 2 } else { 4 };
    let (year, rest) = local.split_at(year_digits.min(local.len()));
    let year = match year.parse::<u32>().ok()? {
        y if tag == UTC_TIME && y < 50 => y + 2000,
        y if tag == UTC_TIME => y + 1900,
        y => y,
    };
    let seconds = match rest.len() {
        10 => &rest[8..10],
        8 => "00",
        _ => return None,
    };
    let rfc3339 = format!(
        "{year:04}-{}-{}T{}:{}:{seconds}{}:{}",
        &rest[0..2],
        &rest[2..4],
        &rest[4..6],
        &rest[6..8],
        &offset[..3],
        &offset[3..]
    );
    let utc = crate::time::UnixTime::parse_rfc3339(&rfc3339)
        .ok()?
        .to_rfc3339();
    let digits: String = utc.chars().filter(char::is_ascii_digit).collect();
    let digits = match tag {
        UTC_TIME if !(1950..2050).contains(&digits.get(..4)?.parse::<u32>().ok()?) => return None,
        UTC_TIME => &digits[2..],
        _ => &digits[..],
    };
    Some(format!("{digits}Z").into_bytes())
}

const BOOLEAN: u8 = 0x01;
const SET: u8 = 0x31;
const UTC_TIME: u8 = 0x17;
const GENERALIZED_TIME: u8 = 0x18;

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(problems: &[Problem]) -> Vec<NotDer> {
        problems.iter().map(|p| p.what).collect()
    }

    #[test]
    fn der_comes_back_unchanged() {
        let der = [
            0x30, 0x0b, 0x01, 0x01, 0xff, 0x02, 0x01, 0x05, 0x31, 0x03, 0x02, 0x01, 0x01,
        ];
        let (out, problems) = rewrite(&der).unwrap_or_default();
        assert_eq!(out, der);
        assert!(problems.is_empty());
    }

    #[test]
    fn each_ber_form_is_found_and_rewritten() {
        // SEQUENCE (long-form length) { BOOLEAN 0x01, INTEGER 00 05, SET { 2, 1 },
        // UTCTime without seconds }
        let ber = [
            0x30, 0x81, 0x1c, 0x01, 0x01, 0x01, 0x02, 0x02, 0x00, 0x05, 0x31, 0x06, 0x02, 0x01,
            0x02, 0x02, 0x01, 0x01, 0x17, 0x0b, b'2', b'6', b'0', b'1', b'0', b'1', b'1', b'2',
            b'0', b'0', b'Z',
        ];
        let (out, problems) = rewrite(&ber).expect("BER reads");
        assert_eq!(
            kinds(&problems),
            [
                NotDer::LongLength,
                NotDer::Boolean,
                NotDer::PaddedInteger,
                NotDer::UnsortedSet,
                NotDer::TimeWithoutSeconds
            ]
        );
        let der = [
            0x30, 0x1d, 0x01, 0x01, 0xff, 0x02, 0x01, 0x05, 0x31, 0x06, 0x02, 0x01, 0x01, 0x02,
            0x01, 0x02, 0x17, 0x0d, b'2', b'6', b'0', b'1', b'0', b'1', b'1', b'2', b'0', b'0',
            b'0', b'0', b'Z',
        ];
        assert_eq!(out, der);
        assert_eq!(problems[1].at, 3, "the BOOLEAN's offset");
    }

    #[test]
    fn an_extension_value_is_rewritten_inside() {
        // Extension { OID 2.5.29.19, OCTET STRING { SEQUENCE { BOOLEAN 0x01 } } }
        let ber = [
            0x30, 0x0c, 0x06, 0x03, 0x55, 0x1d, 0x13, 0x04, 0x05, 0x30, 0x03, 0x01, 0x01, 0x01,
        ];
        let (out, problems) = rewrite(&ber).expect("reads");
        assert_eq!(kinds(&problems), [NotDer::Boolean]);
        assert_eq!(out[13], 0xff);
        assert_eq!(problems[0].at, 11);
        // An OCTET STRING that holds no DER is left alone.
        let raw = [0x30, 0x08, 0x06, 0x03, 0x55, 0x1d, 0x0e, 0x04, 0x01, 0x01];
        assert_eq!(rewrite(&raw), Some((raw.to_vec(), Vec::new())));
    }

    #[test]
    fn offsets_become_utc() {
        let cases: [(u8, &[u8], &[u8]); 4] = [
            (0x17, b"241028223120+0100", b"241028213120Z"),
            (0x17, b"241231233000-0130", b"250101010000Z"),
            (0x18, b"20240229003000+0100", b"20240228233000Z"),
            (0x17, b"2401010000+0000", b"240101000000Z"),
        ];
        for (tag, with_offset, utc) in cases {
            let ber = crate::tlv::encode(tag, with_offset);
            let (out, problems) = rewrite(&ber).expect("reads");
            assert_eq!(kinds(&problems), [NotDer::TimeNotZulu]);
            assert_eq!(&out[2..], utc, "{}", String::from_utf8_lossy(with_offset));
        }
        // Not ASCII where the offset would be: read as it is, without a panic.
        let odd = crate::tlv::encode(0x17, "24102822312é0100".as_bytes());
        assert_eq!(rewrite(&odd), Some((odd.clone(), Vec::new())));
        // Not a time with an offset: left alone.
        let other = crate::tlv::encode(0x17, b"24102822312x+0100");
        assert_eq!(rewrite(&other), Some((other.clone(), Vec::new())));
    }

    #[test]
    fn fractional_seconds_are_dropped() {
        let mut ber = vec![0x18, 0x13];
        ber.extend_from_slice(b"20500101120000.123Z");
        let (out, problems) = rewrite(&ber).expect("reads");
        assert_eq!(kinds(&problems), [NotDer::FractionalSeconds]);
        assert_eq!(&out[2..], b"20500101120000Z");
    }

    #[test]
    fn what_is_not_ber_is_refused() {
        assert_eq!(rewrite(&[]), None);
        assert_eq!(
            rewrite(&[0x30, 0x80, 0x00, 0x00]),
            None,
            "indefinite length"
        );
        assert_eq!(rewrite(&[0x30, 0x05, 0x01]), None, "cut short");
        assert_eq!(rewrite(&[0x02, 0x01, 0x01, 0x00]), None, "trailing bytes");
        let deep: Vec<u8> = (0..40).flat_map(|_| [0x30, 0x80]).collect();
        assert_eq!(rewrite(&deep), None);
    }
}
