//! Every stack's names for a suite (`names.tsv`), as an explanation shows them.

use super::{
    Explanation, Registered, SUITES, StackName, StackNames, by_code, nonstandard, stack_names,
};

/// The stacks `names.tsv` covers, in the order certbench lists them.
pub const STACKS: [&str; 9] = [
    "openssl",
    "boringssl",
    "libressl",
    "gnutls",
    "nss",
    "java",
    "mbedtls",
    "go",
    "schannel",
];

/// The row label of each stack's name.
const STACK_LABELS: [(&str, &str); 9] = [
    ("openssl", "OpenSSL name"),
    ("boringssl", "BoringSSL name"),
    ("libressl", "LibreSSL name"),
    ("gnutls", "GnuTLS name"),
    ("nss", "NSS name"),
    ("java", "Java name"),
    ("mbedtls", "Mbed TLS name"),
    ("go", "Go name"),
    ("schannel", "Windows name"),
];

/// Stacks by their product names, for people.
pub(super) fn stacks_text(stacks: &[&str]) -> String {
    if stacks.is_empty() {
        return "none of the stacks certbench knows (OpenSSL, BoringSSL, LibreSSL, GnuTLS, NSS, Java, Mbed TLS, Go, Windows)".into();
    }
    stacks
        .iter()
        .map(|&s| stack_title(s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The release of each stack whose suites `names.tsv` calls current (what its generator read).
const RELEASES: [(&str, &str); 9] = [
    ("openssl", "OpenSSL 3.0 as Debian 12 builds it"),
    ("boringssl", "BoringSSL of August 2026"),
    ("libressl", "LibreSSL of July 2026"),
    ("gnutls", "GnuTLS 3.7"),
    ("nss", "NSS of May 2026"),
    ("java", "OpenJDK 17"),
    ("mbedtls", "Mbed TLS of April 2026"),
    ("go", "Go 1.24"),
    ("schannel", "Windows 11"),
];

/// A stack's product name (`nss` → `NSS (Firefox)`).
pub fn stack_title(stack: &str) -> &str {
    match stack {
        "openssl" => "OpenSSL",
        "boringssl" => "BoringSSL (Chrome)",
        "libressl" => "LibreSSL",
        "gnutls" => "GnuTLS",
        "nss" => "NSS (Firefox)",
        "java" => "Java (JSSE)",
        "mbedtls" => "Mbed TLS",
        "go" => "Go crypto/tls",
        "schannel" => "Windows (Schannel)",
        other => other,
    }
}

impl StackNames {
    /// Sets `stack`'s name, replacing one it had.
    fn set(&mut self, stack: &'static str, name: &'static str) {
        match self.0.iter_mut().find(|(s, _)| *s == stack) {
            Some(entry) => entry.1 = name,
            None => self.0.push((stack, name)),
        }
    }
}

impl FromIterator<(&'static str, &'static str)> for StackNames {
    fn from_iter<I: IntoIterator<Item = (&'static str, &'static str)>>(items: I) -> Self {
        let mut names = StackNames::default();
        for (stack, name) in items {
            names.set(stack, name);
        }
        names
    }
}

/// Each stack's name for `code`: its current one, else the last it used.
pub(super) fn names_by_stack(code: u16) -> StackNames {
    // Aliases first, then former names, so the name a stack prints today wins; stacks in
    // certbench's order.
    let of_code: Vec<&StackName> = stack_names().iter().filter(|n| n.code == code).collect();
    let of_code = crate::sort::by_key(of_code, |n| {
        (
            STACKS.iter().position(|s| *s == n.stack),
            n.current,
            !n.alias,
        )
    });
    of_code.into_iter().map(|n| (n.stack, n.name)).collect()
}

/// The stacks whose current release implements `code`.
fn supported_by(code: u16) -> Vec<&'static str> {
    let mut stacks: Vec<&'static str> = stack_names()
        .iter()
        .filter(|n| n.code == code && n.current)
        .map(|n| n.stack)
        .collect();
    stacks.dedup();
    stacks
}

/// The names, every spelling and the supporting stacks of `code`.
pub(super) fn of(code: u16) -> (StackNames, Vec<StackName>, Vec<&'static str>) {
    let all = stack_names()
        .iter()
        .filter(|n| n.code == code)
        .copied()
        .collect();
    (names_by_stack(code), all, supported_by(code))
}

/// An explanation's rows with every stack's name (in place of the OpenSSL and GnuTLS rows),
/// which support it today, and the history of a code outside the registry.
pub(super) fn rows(e: &Explanation, rows: &mut Vec<(&'static str, String)>) {
    let mut named = Vec::new();
    if !e.standard {
        named.push(("Standard", "no: outside the IANA registry".to_string()));
    }
    if let Some(history) = &e.history {
        named.push(("History", history.clone()));
    }
    if e.names.is_empty() {
        // Keep the OpenSSL and GnuTLS rows.
        rows.splice(0..0, named);
        return;
    }
    for stack in STACKS {
        if let Some(name) = e.names.get(stack) {
            let today = e.supported_by.contains(&stack);
            let label = STACK_LABELS
                .iter()
                .find(|(s, _)| *s == stack)
                .map_or("Name", |(_, label)| label);
            let release = RELEASES
                .iter()
                .find(|(s, _)| *s == stack)
                .map_or("its current release", |(_, r)| r);
            let when = if today {
                String::new()
            } else {
                format!(" (not in {release})")
            };
            named.push((label, format!("{name}{when}")));
        }
    }
    named.push(("Supported today by", stacks_text(&e.supported_by)));
    // The first two rows are OpenSSL's and GnuTLS's names.
    rows.splice(0..2, named);
}

/// The suite a name outside the IANA registry's names: a code outside the registry by its
/// IANA-style name, or another stack's name (current names first, so a name an older
/// release used for another code resolves as today's stacks mean it).
pub(super) fn find(name: &str) -> Option<&'static Registered> {
    // The pre-RFC ChaCha20 codes share their IANA-style name with the registered ones: the
    // registry's wins.
    if let Some(suite) = nonstandard().iter().find(|s| {
        s.iana.eq_ignore_ascii_case(name)
            && !SUITES.iter().any(|r| r.iana.eq_ignore_ascii_case(name))
    }) {
        return Some(suite);
    }
    let named = |current: bool| {
        stack_names()
            .iter()
            .find(|n| n.current == current && n.name.eq_ignore_ascii_case(name))
    };
    named(true)
        .or_else(|| named(false))
        .and_then(|n| by_code(n.code))
}
