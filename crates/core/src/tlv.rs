//! DER read one element at a time, for the few small structures certbench reads by hand rather
//! than with der's generic decoders (each of which costs the web app's wasm kilobytes).

/// DER tags read here.
pub(crate) const INTEGER: u8 = 0x02;
pub(crate) const OCTET_STRING: u8 = 0x04;
pub(crate) const NULL: u8 = 0x05;
pub(crate) const OID: u8 = 0x06;
pub(crate) const SEQUENCE: u8 = 0x30;

/// The first element of `bytes`: its tag, its content and what follows it; `None` when `bytes`
/// do not start with one (a length over 16 MB is not read here).
pub(crate) fn element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = match first {
        0..=0x7f => (usize::from(first), rest),
        0x81..=0x83 => {
            let n = usize::from(first & 0x7f);
            let len = rest.get(..n)?;
            let len = len.iter().fold(0, |acc, &b| (acc << 8) | usize::from(b));
            (len, &rest[n..])
        }
        _ => return None,
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// The first element of `bytes` when its tag is `tag`: its content and what follows it.
pub(crate) fn expect(bytes: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    match element(bytes)? {
        (found, content, rest) if found == tag => Some((content, rest)),
        _ => None,
    }
}

/// A non-negative INTEGER's content as a number, when it fits in 64 bits.
pub(crate) fn unsigned(content: &[u8]) -> Option<u64> {
    match content {
        [] => None,
        [first, ..] if first & 0x80 != 0 => None,
        _ => {
            let digits = match content {
                [0, rest @ ..] => rest,
                all => all,
            };
            (digits.len() <= 8).then(|| digits.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)))
        }
    }
}

/// `content` with its tag and length in front: one DER element.
pub(crate) fn encode(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    match len {
        0..=0x7f => out.push(len as u8),
        0x80..=0xff => out.extend([0x81, len as u8]),
        0x100..=0xffff => out.extend([0x82, (len >> 8) as u8, len as u8]),
        _ => out.extend([0x83, (len >> 16) as u8, (len >> 8) as u8, len as u8]),
    }
    out.extend_from_slice(content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_read_and_written_back() {
        for len in [0usize, 5, 0x7f, 0x80, 0xff, 0x100, 0x1_0000] {
            let content = vec![7u8; len];
            let mut der = encode(OCTET_STRING, &content);
            der.push(0xaa);
            assert_eq!(
                expect(&der, OCTET_STRING),
                Some((&content[..], &[0xaa][..]))
            );
            assert_eq!(expect(&der, SEQUENCE), None);
            assert_eq!(element(&der[..der.len() - 2]), None, "cut short");
        }
        assert_eq!(
            element(&[0x04, 0x84, 1, 0, 0, 0]),
            None,
            "too long to read here"
        );
    }

    #[test]
    fn small_integers_read_as_numbers() {
        assert_eq!(unsigned(&[0x08, 0x00]), Some(2048));
        assert_eq!(unsigned(&[0x00, 0xff]), Some(255));
        assert_eq!(unsigned(&[0xff]), None, "negative");
        assert_eq!(unsigned(&[]), None);
        assert_eq!(unsigned(&[1; 9]), None, "over 64 bits");
    }
}
