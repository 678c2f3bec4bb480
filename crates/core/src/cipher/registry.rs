//! The IANA TLS Cipher Suites registry as certbench ships it: data files beside this one
//! (`suites.tsv`, `ranges.tsv`), made by tools/gen-cipher-registry.py from IANA's CSV and
//! committed, read once on first use. A test compares them with the CSV. With the
//! `tls-names` feature, also the codes outside the registry (`nonstandard.tsv`) and every
//! stack's names (`names.tsv`, made by tools/gen-cipher-names.py).

use super::{Range, Registered, StackName};
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
                history: None,
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

/// Codes outside the registry that scanners and old configurations still print, with their
/// history; empty without the `tls-names` feature.
pub fn nonstandard() -> &'static [Registered] {
    #[cfg(feature = "tls-names")]
    {
        static NONSTANDARD: LazyLock<Vec<Registered>> = LazyLock::new(|| {
            let name_in = |code: u16, stack: &str| {
                stack_names()
                    .iter()
                    .find(|n| n.code == code && n.stack == stack)
                    .map(|n| n.name)
            };
            rows(include_str!("nonstandard.tsv"))
                .filter_map(|f| {
                    let code = code(f.first()?)?;
                    Some(Registered {
                        code,
                        iana: f.get(1)?,
                        openssl: name_in(code, "openssl"),
                        gnutls: name_in(code, "gnutls"),
                        dtls: false,
                        recommended: false,
                        reference: f.get(2)?,
                        history: Some(f.get(3)?),
                    })
                })
                .collect()
        });
        &NONSTANDARD
    }
    #[cfg(not(feature = "tls-names"))]
    &[]
}

/// Every name a TLS stack gives a suite, in code order; empty without the `tls-names` feature.
pub fn stack_names() -> &'static [StackName] {
    #[cfg(feature = "tls-names")]
    {
        static NAMES: LazyLock<Vec<StackName>> = LazyLock::new(|| {
            rows(include_str!("names.tsv"))
                .filter_map(|f| {
                    Some(StackName {
                        code: code(f.first()?)?,
                        stack: f.get(1)?,
                        name: f.get(2)?,
                        current: *f.get(3)? == "current",
                        alias: *f.get(3)? == "alias",
                    })
                })
                .collect()
        });
        &NAMES
    }
    #[cfg(not(feature = "tls-names"))]
    &[]
}

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
