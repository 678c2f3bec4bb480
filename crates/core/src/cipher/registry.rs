//! The IANA TLS Cipher Suites registry as certbench ships it: data files beside this one
//! (`suites.tsv`, `ranges.tsv`), made by tools/gen-cipher-registry.py from IANA's CSV and
//! committed, read once on first use. A test compares them with the CSV.

use super::{Range, Registered};
use std::sync::LazyLock;

/// Every assigned code point of the registry, by code.
pub static SUITES: LazyLock<Vec<Registered>> = LazyLock::new(|| {
    rows(include_str!("suites.tsv"))
        .filter_map(|f| {
            Some(Registered {
                code: code(f.first()?)?,
                iana: f.get(1)?,
                openssl: f.get(2).filter(|name| !name.is_empty()).copied(),
                gnutls: f.get(3).filter(|name| !name.is_empty()).copied(),
                dtls: *f.get(4)? == "Y",
                recommended: *f.get(5)? == "Y",
                reference: f.get(6)?,
            })
        })
        .collect()
});

/// The registry's unassigned and reserved ranges.
pub static RANGES: LazyLock<Vec<Range>> = LazyLock::new(|| {
    rows(include_str!("ranges.tsv"))
        .filter_map(|f| {
            Some(Range {
                first: code(f.first()?)?,
                last: code(f.get(1)?)?,
                description: f.get(2)?,
                reference: f.get(3)?,
            })
        })
        .collect()
});

/// The tab-separated fields of each line of a shipped table, `#` comment lines skipped.
pub(super) fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// A code point written `0xC02C`.
pub(super) fn code(text: &str) -> Option<u16> {
    u16::from_str_radix(text.strip_prefix("0x")?, 16).ok()
}
