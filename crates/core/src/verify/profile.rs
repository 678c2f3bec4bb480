//! The two rule books a verdict can follow, and how to say when they disagree.
//!
//! `webpki` is what browsers do: on top of RFC 5280 it refuses SHA-1, MD5 and DSA signatures,
//! weak keys and a CA certificate in a server's place. `rfc5280` is RFC 5280 section 6 alone.
//! Verify decides under both and, when they differ, says which rule made the difference.

use super::{Failure, Verdict};
use serde::{Deserialize, Serialize};

/// Which rules a verdict follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// What browsers do: RFC 5280 plus the refusals of Chrome and Firefox (SHA-1, MD5 and DSA
    /// signatures, RSA under 2048 bits, other curves, a CA certificate as the leaf).
    #[default]
    Webpki,
    /// RFC 5280 section 6 exactly: every algorithm certbench can check is accepted.
    Rfc5280,
}

/// Failure codes only the webpki profile raises, and who refuses such a certificate.
const WEBPKI_ONLY: &[(&str, &str)] = &[
    ("weak_signature", "Chrome and Firefox refuse it"),
    ("weak_key", "Chrome and Firefox refuse it"),
    ("ca_as_leaf", "Firefox refuses it"),
];

impl Profile {
    /// Its name on the command line and in JSON: `webpki` or `rfc5280`.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Webpki => "webpki",
            Profile::Rfc5280 => "rfc5280",
        }
    }

    /// The other profile.
    pub fn other(self) -> Profile {
        match self {
            Profile::Webpki => Profile::Rfc5280,
            Profile::Rfc5280 => Profile::Webpki,
        }
    }

    /// Whether a failure code belongs to this profile's own rules (absent from the other's).
    fn own(self, code: &str) -> Option<&'static str> {
        match self {
            Profile::Webpki => WEBPKI_ONLY
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, who)| *who),
            Profile::Rfc5280 => None,
        }
    }
}

impl std::str::FromStr for Profile {
    type Err = crate::Error;

    fn from_str(text: &str) -> Result<Profile, crate::Error> {
        match text.trim() {
            "" | "webpki" => Ok(Profile::Webpki),
            "rfc5280" => Ok(Profile::Rfc5280),
            other => Err(crate::Error::Form(format!(
                "profile: expected webpki or rfc5280, found {other:?}"
            ))),
        }
    }
}

/// The other profile's verdict, when it differs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherProfile {
    /// The profile that decides differently.
    pub profile: Profile,
    /// Its verdict.
    pub valid: bool,
    /// Why, in words: the rule that makes the difference.
    pub reason: String,
}

impl OtherProfile {
    /// Compares `mine` (under `profile`) with `theirs` (under the other profile); `None` when
    /// both say the same.
    pub(super) fn compare(profile: Profile, mine: &Verdict, theirs: &Verdict) -> Option<Self> {
        if mine.valid == theirs.valid {
            return None;
        }
        let other = profile.other();
        let (refused_by, failures) = match mine.valid {
            true => (other, &theirs.errors),
            false => (profile, &mine.errors),
        };
        let accepted_by = refused_by.other();
        let because = |f: &Failure| f.message.clone();
        let reason = match failures
            .iter()
            .find_map(|f| Some((refused_by.own(&f.code)?, f)))
        {
            Some((who, failure)) => format!(
                "Valid under RFC 5280 alone; {who} (the {} profile) because {}",
                refused_by.name(),
                because(failure)
            ),
            None => format!(
                "Valid under the {} profile; the {} profile refuses it: {}",
                accepted_by.name(),
                refused_by.name(),
                failures.first().map(because).unwrap_or_default()
            ),
        };
        Some(OtherProfile {
            profile: other,
            valid: theirs.valid,
            reason,
        })
    }
}
