//! What a lint rule found: the one type decoded reports carry and lint fills, below both
//! (reports hold findings; [`crate::lint`] decides them).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Clients will reject it, or it is insecure.
    Error,
    /// Likely to break somewhere, or against a standard.
    Warning,
    /// Worth knowing; fine in some settings (development, private PKI).
    Notice,
}

/// One thing a rule found in a certificate, key or bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// How much it matters.
    pub severity: Severity,
    /// Stable identifier, e.g. `expired`, `weak_rsa_key`.
    pub code: Cow<'static, str>,
    /// What is wrong and what to do, in a sentence.
    pub message: String,
    /// Where the rule comes from.
    pub source: Cow<'static, str>,
    /// The rule's id in the registry ([`crate::lint::RULES`], docs/lint.md).
    #[serde(default)]
    pub rule: Cow<'static, str>,
}

/// A finding of code `code` from `source` by rule `rule`, whose texts are static.
pub(crate) fn finding(
    severity: Severity,
    code: &'static str,
    source: &'static str,
    rule: &'static str,
    message: String,
) -> Finding {
    Finding {
        severity,
        code: Cow::Borrowed(code),
        message,
        source: Cow::Borrowed(source),
        rule: Cow::Borrowed(rule),
    }
}
