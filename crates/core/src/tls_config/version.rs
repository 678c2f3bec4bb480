//! Software versions compared as Mozilla's generator compares them (its `normalizever`,
//! `minver` and `minpatchver`, over npm `semver`): the first `x[.y[.z]]` in the text, with
//! OpenSSL's letter releases (`1.0.2k`) read as a prerelease of the next patch (`1.0.3-k`), so
//! `1.0.2` < `1.0.2k` < `1.0.3`.

use std::cmp::Ordering;

/// A version as semver orders it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Version {
    main: [u64; 3],
    prerelease: Vec<String>,
}

impl Version {
    /// `text` read leniently (semver's `coerce`), or `None` when it holds no number.
    pub(crate) fn coerce(text: &str) -> Option<Version> {
        if let Some(v) = openssl_letter(text) {
            return Some(v);
        }
        let start = text.find(|c: char| c.is_ascii_digit())?;
        let rest = &text[start..];
        let mut main = [0u64; 3];
        let mut end = 0;
        for (i, slot) in main.iter_mut().enumerate() {
            let part = &rest[end..];
            let part = if i == 0 {
                part
            } else {
                match part.strip_prefix('.') {
                    Some(p) if p.starts_with(|c: char| c.is_ascii_digit()) => p,
                    _ => break,
                }
            };
            let digits = part.bytes().take_while(u8::is_ascii_digit).count().min(16);
            *slot = part[..digits].parse().ok()?;
            end = rest.len() - part.len() + digits;
        }
        let prerelease = rest[end..]
            .strip_prefix('-')
            .map(|p| {
                let id: String = p
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
                    .collect();
                id.split('.')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        Some(Version { main, prerelease })
    }

    /// `text` as semver's loose `parse` reads it: the whole text `x.y.z`, with an optional
    /// prerelease (hyphen optional) and build; `None` otherwise.
    fn parse_loose(text: &str) -> Option<[u64; 2]> {
        let text = text.trim_start_matches(['v', '=', ' ', '\t']);
        let mut parts = text.splitn(3, '.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        let last = parts.next()?;
        let digits = last.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &last[digits..];
        let tail_ok = tail.is_empty()
            || tail
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'));
        (digits > 0 && tail_ok).then_some([major, minor])
    }
}

/// OpenSSL's `0.9.8zh`, `1.0.2k`, `1.1.1w`: the patch after, with the letters as prerelease.
fn openssl_letter(text: &str) -> Option<Version> {
    let bytes = text.as_bytes();
    text.char_indices().find_map(|(i, _)| {
        let rest = &text[i..];
        if !(rest.starts_with("0.") || rest.starts_with("1.")) {
            return None;
        }
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            return None;
        }
        let after_major = &rest[2..];
        let minor_len = after_major.bytes().take_while(u8::is_ascii_digit).count();
        let after_minor = after_major[minor_len..].strip_prefix('.')?;
        let patch_len = after_minor.bytes().take_while(u8::is_ascii_digit).count();
        let letter = after_minor[patch_len..].chars().next()?;
        if minor_len == 0 || patch_len == 0 || !letter.is_ascii_alphabetic() {
            return None;
        }
        Some(Version {
            main: [
                u64::from(bytes[i] - b'0'),
                after_major[..minor_len].parse().ok()?,
                after_minor[..patch_len].parse::<u64>().ok()? + 1,
            ],
            prerelease: vec![letter.to_string()],
        })
    })
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.main.cmp(&other.main).then_with(|| {
            match (self.prerelease.is_empty(), other.prerelease.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => compare_prerelease(&self.prerelease, &other.prerelease),
            }
        })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn compare_prerelease(a: &[String], b: &[String]) -> Ordering {
    for (x, y) in a.iter().zip(b) {
        let order = match (x.parse::<u64>(), y.parse::<u64>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            (Ok(_), Err(_)) => Ordering::Less,
            (Err(_), Ok(_)) => Ordering::Greater,
            (Err(_), Err(_)) => x.cmp(y),
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

/// `current` is `minimum` or later (the generator's `minver`); `false` when either holds no
/// version.
pub(crate) fn at_least(minimum: &str, current: &str) -> bool {
    match (Version::coerce(minimum), Version::coerce(current)) {
        (Some(min), Some(cur)) => min <= cur,
        _ => false,
    }
}

/// `current` is `minimum` or a later patch of the same major.minor (`minpatchver`).
pub(crate) fn at_least_patch(minimum: &str, current: &str) -> bool {
    match (Version::parse_loose(minimum), Version::parse_loose(current)) {
        (Some(min), Some(cur)) => min == cur && at_least(minimum, current),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_as_the_generator_orders_them() {
        for (min, cur, expected) in [
            ("1.0.2", "1.0.2k", true),
            ("1.0.2l", "1.0.2k", false),
            ("1.0.2l", "1.0.2l", true),
            ("1.0.2l", "1.1.0", true),
            ("1.1.1", "1.1.1w", true),
            ("3.0.0", "1.1.1w", false),
            ("1.25.1", "1.27.3", true),
            ("2.4.7", "2.4.60", true),
            ("5.8", "6.0", true),
            ("5.8", "5.7", false),
            ("4", "6.12", true),
            ("12.0.0", "11.0", false),
            ("3.5.0", "4.0.0", true),
            ("1.4.46", "x", false),
        ] {
            assert_eq!(at_least(min, cur), expected, "{min} <= {cur}");
        }
        assert!(at_least_patch("2.2.30", "2.2.34"));
        assert!(!at_least_patch("2.2.30", "2.4.60"));
        assert!(!at_least_patch("2.2.30", "2.2"));
        // Any text: no panic, and no version where there is no number.
        for text in [
            "",
            "é1.0.2k",
            "1.é",
            "v",
            "1.0.2ké",
            "99999999999999999999.1",
            "-1",
            "1..2",
        ] {
            let _ = at_least("1.0.0", text);
            let _ = at_least_patch(text, text);
        }
        assert!(Version::coerce("é").is_none());
    }
}
