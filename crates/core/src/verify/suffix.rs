//! The Public Suffix List: the domains under which anyone may register names — registries
//! (`com`, `co.uk`) and shared hosting (`s3.amazonaws.com`). A wildcard over one would cover
//! other people's sites: the CA/B Baseline Requirements (section 3.2.2.6) forbid it and
//! browsers refuse it. The list ships as `crates/core/data/public-suffix.txt`
//! (tools/public-suffix.sh; MPL-2.0, its notice kept in the file).

use std::collections::BTreeSet;

/// Where the built-in list comes from, and its date.
pub const PUBLIC_SUFFIXES_SOURCE: &str =
    "Public Suffix List (github.com/publicsuffix/list, commit e8c9a2b2), 2026-08-19";

/// The rules of a Public Suffix List.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicSuffixes {
    /// Plain rules (`co.uk`) and wildcard rules (`*.ck`), as written.
    rules: BTreeSet<String>,
    /// Exception rules without their `!` (`www.ck`).
    exceptions: BTreeSet<String>,
}

impl PublicSuffixes {
    /// Reads a list: one rule a line, `//` or `#` comments, `!` exceptions, `*` wildcards.
    pub fn parse(text: &str) -> PublicSuffixes {
        let mut list = PublicSuffixes::default();
        for line in text.lines() {
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            if rule.starts_with("//") || rule.starts_with('#') {
                continue;
            }
            let rule = rule.to_ascii_lowercase();
            match rule.strip_prefix('!') {
                Some(exception) => list.exceptions.insert(exception.to_string()),
                None => list.rules.insert(rule),
            };
        }
        list
    }

    /// The list certbench ships ([`PUBLIC_SUFFIXES_SOURCE`]).
    pub fn builtin() -> PublicSuffixes {
        PublicSuffixes::parse(include_str!("../../data/public-suffix.txt"))
    }

    /// Whether `domain` (A-labels, any case, an ending dot allowed) is itself a public suffix,
    /// by the list's algorithm (publicsuffix.org/list: exceptions first, the default rule `*`).
    pub fn is_suffix(&self, domain: &str) -> bool {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        if domain.is_empty() || self.exceptions.contains(&domain) {
            return false;
        }
        if self.rules.contains(&domain) {
            return true;
        }
        match domain.split_once('.') {
            Some((_, parent)) => self.rules.contains(&format!("*.{parent}")),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_knows_registries_and_shared_hosting() {
        let list = PublicSuffixes::builtin();
        for suffix in [
            "com",
            "co.uk",
            "s3.amazonaws.com",
            "xn--55qx5d.cn",
            "anything.ck",
            "zz",
        ] {
            assert!(list.is_suffix(suffix), "{suffix}");
        }
        for domain in [
            "example.com",
            "example.co.uk",
            "bucket.s3.amazonaws.com",
            "www.ck",
            "COM.",
        ] {
            assert_eq!(list.is_suffix(domain), domain == "COM.", "{domain}");
        }
    }
}
