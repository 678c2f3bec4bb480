//! A whole input at a glance, for bundles of hundreds or thousands of blocks: how many
//! certificates of each role and validity status, how many with lint errors, and which blocks
//! a filter (status, role, text) and an order (input, expiry) select. The page shows a window
//! of that selection, so the size of the input never sets the size of the page.

use super::{CertificateReport, Decoded};
use crate::Error;
use crate::decode::Validity;
use crate::finding::Severity;
use serde::{Deserialize, Serialize};

/// Days before notAfter from which a valid certificate counts as expiring (and lint warns).
pub const EXPIRING_DAYS: i64 = 30;

/// What a certificate is, from basicConstraints and whether it issued itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A self-issued CA certificate.
    RootCa,
    /// A CA certificate issued by another CA.
    IntermediateCa,
    /// A self-issued certificate that is no CA.
    SelfSignedLeaf,
    /// A certificate issued by a CA, not a CA itself.
    Leaf,
}

impl Role {
    /// Every role, in the order an overview counts them.
    pub const ALL: [Role; 4] = [
        Role::RootCa,
        Role::IntermediateCa,
        Role::Leaf,
        Role::SelfSignedLeaf,
    ];

    /// The role of `c`.
    pub fn of(c: &CertificateReport) -> Role {
        match (c.is_ca, c.self_issued) {
            (true, true) => Role::RootCa,
            (true, false) => Role::IntermediateCa,
            (false, true) => Role::SelfSignedLeaf,
            (false, false) => Role::Leaf,
        }
    }

    /// The role in words (`intermediate CA`).
    pub fn name(self) -> &'static str {
        match self {
            Role::RootCa => "root CA",
            Role::IntermediateCa => "intermediate CA",
            Role::SelfSignedLeaf => "self-signed leaf",
            Role::Leaf => "leaf",
        }
    }
}

/// Where a certificate stands at the time it was decoded for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Valid, with more than [`EXPIRING_DAYS`] left.
    Valid,
    /// Valid, with at most [`EXPIRING_DAYS`] left.
    Expiring,
    /// Past notAfter.
    Expired,
    /// Before notBefore.
    NotYetValid,
}

impl Status {
    /// Every status, in the order an overview counts them.
    pub const ALL: [Status; 4] = [
        Status::Valid,
        Status::Expiring,
        Status::Expired,
        Status::NotYetValid,
    ];

    /// The status of `c` at the moment it was decoded for.
    pub fn of(c: &CertificateReport) -> Status {
        match c.validity.status {
            Validity::Expired => Status::Expired,
            Validity::NotYetValid => Status::NotYetValid,
            _ if c.validity.days <= EXPIRING_DAYS => Status::Expiring,
            _ => Status::Valid,
        }
    }

    /// The status in words (`expiring`).
    pub fn name(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Expiring => "expiring",
            Status::Expired => "expired",
            Status::NotYetValid => "not yet valid",
        }
    }

    /// The sentence a card shows, and whether it is good (`ok`), a warning (`warn`) or bad.
    pub fn line(c: &CertificateReport) -> (String, &'static str) {
        let days = c.validity.days;
        match Status::of(c) {
            Status::Valid => (format!("valid, expires in {days} days"), "ok"),
            Status::Expiring => (format!("valid, expires in {days} days"), "warn"),
            Status::Expired => (format!("expired {days} days ago"), "bad"),
            Status::NotYetValid => (format!("not yet valid: starts in {days} days"), "bad"),
        }
    }
}

/// Counts over a whole input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// Blocks in the input.
    pub blocks: usize,
    /// Certificates, those inside PKCS#7 bundles included.
    pub certificates: usize,
    /// Blocks that could not be read.
    pub unreadable: usize,
    /// Per role, in [`Role::ALL`]'s order, only those present.
    pub roles: Vec<(Role, usize)>,
    /// Per status, in [`Status::ALL`]'s order, only those present.
    pub statuses: Vec<(Status, usize)>,
    /// Certificates with at least one lint error.
    pub with_lint_errors: usize,
}

/// Which blocks to show, and in which order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// Only certificates of this status.
    pub status: Option<Status>,
    /// Only certificates of this role.
    pub role: Option<Role>,
    /// Words that must all appear (case-insensitive) in a certificate's subject, issuer, SANs,
    /// serial or fingerprints.
    pub text: String,
    /// The order to show them in.
    pub order: Order,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
/// The order blocks are shown in.
pub enum Order {
    /// As in the input.
    #[default]
    Input,
    /// Soonest notAfter first (expired ones first of all).
    ExpiresFirst,
    /// Latest notAfter first.
    ExpiresLast,
}

impl View {
    /// Whether the view filters anything out.
    pub fn filters(&self) -> bool {
        self.status.is_some() || self.role.is_some() || !self.text.trim().is_empty()
    }
}

/// Counts roles, statuses and lint errors over `blocks`.
pub fn overview(blocks: &[Result<Decoded, Error>]) -> Overview {
    let mut roles = [0usize; 4];
    let mut statuses = [0usize; 4];
    let mut out = Overview {
        blocks: blocks.len(),
        ..Overview::default()
    };
    for block in blocks {
        let Ok(d) = block else {
            out.unreadable += 1;
            continue;
        };
        for c in d.certificates() {
            out.certificates += 1;
            roles[Role::ALL
                .iter()
                .position(|r| *r == Role::of(c))
                .unwrap_or(0)] += 1;
            statuses[Status::ALL
                .iter()
                .position(|s| *s == Status::of(c))
                .unwrap_or(0)] += 1;
            if c.lint.iter().any(|f| f.severity == Severity::Error) {
                out.with_lint_errors += 1;
            }
        }
    }
    out.roles = Role::ALL
        .into_iter()
        .zip(roles)
        .filter(|(_, n)| *n > 0)
        .collect();
    out.statuses = Status::ALL
        .into_iter()
        .zip(statuses)
        .filter(|(_, n)| *n > 0)
        .collect();
    out
}

/// Whether certificate `c` has every word of `words` (ASCII lower case) in its names or
/// numbers. Case is ignored for ASCII letters: Unicode's case tables would weigh more in the
/// page than this search is worth.
fn mentions(c: &CertificateReport, words: &[String]) -> bool {
    let serial = c.serial.to_string();
    words.iter().all(|word| {
        let word = word.as_str();
        let hex = word.replace(':', "");
        c.subject.to_ascii_lowercase().contains(word)
            || c.issuer.to_ascii_lowercase().contains(word)
            || c.san.iter().any(|s| s.to_ascii_lowercase().contains(word))
            || (!hex.is_empty()
                && (serial.contains(&hex)
                    || c.fingerprint_sha256.contains(&hex)
                    || c.fingerprint_sha1.contains(&hex)))
    })
}

/// The indices of the blocks `view` shows, in its order. With no filter, every block (keys,
/// CSRs and unreadable blocks too); with one, the blocks holding a matching certificate.
pub fn select(blocks: &[Result<Decoded, Error>], view: &View) -> Vec<usize> {
    let words: Vec<String> = view
        .text
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let matches = |c: &CertificateReport| {
        view.status.is_none_or(|s| Status::of(c) == s)
            && view.role.is_none_or(|r| Role::of(c) == r)
            && mentions(c, &words)
    };
    let chosen: Vec<usize> = (0..blocks.len())
        .filter(|&i| match &blocks[i] {
            Ok(d) => !view.filters() || d.certificates().iter().any(matches),
            Err(_) => !view.filters(),
        })
        .collect();
    // The earliest notAfter of a block's certificates; blocks without one sort last.
    let expiry = |i: usize| {
        blocks[i]
            .as_ref()
            .ok()
            .and_then(|d| d.certificates().iter().map(|c| c.not_after.0).min())
            .map(|t| t.0)
    };
    // Equal keys keep the input's order.
    match view.order {
        Order::Input => chosen,
        Order::ExpiresFirst => crate::sort::by_key(chosen, |&i| expiry(i).unwrap_or(i64::MAX)),
        Order::ExpiresLast => crate::sort::by_key(chosen, |&i| {
            expiry(i).map_or(i64::MAX, |t| t.saturating_neg())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAIN: &str = include_str!("../../../../tests/fixtures/fullchain.pem");
    const EXPIRED: &str = include_str!("../../data/samples/expired.pem");
    const KEY: &str = include_str!("../../../../tests/fixtures/leaf.key");

    fn blocks() -> Vec<Result<Decoded, Error>> {
        let input = format!("{CHAIN}{EXPIRED}{KEY}");
        // 2030-01-01: the fixtures' leaf and intermediate are valid, the sample expired.
        crate::inspect::decode(input.as_bytes(), crate::UnixTime(1_893_456_000)).unwrap()
    }

    #[test]
    fn counts_roles_statuses_and_lint_errors() {
        let o = overview(&blocks());
        assert_eq!((o.blocks, o.certificates, o.unreadable), (4, 3, 0));
        assert_eq!(o.roles, [(Role::IntermediateCa, 1), (Role::Leaf, 2)]);
        assert!(
            o.statuses.contains(&(Status::Expired, 1)),
            "{:?}",
            o.statuses
        );
        assert!(o.with_lint_errors >= 1, "the expired leaf has an error");
    }

    #[test]
    fn filters_by_status_role_and_text_and_sorts_by_expiry() {
        let blocks = blocks();
        let all = View::default();
        assert_eq!(
            select(&blocks, &all),
            [0, 1, 2, 3],
            "no filter: every block"
        );
        let expired = View {
            status: Some(Status::Expired),
            ..View::default()
        };
        assert_eq!(select(&blocks, &expired), [2]);
        let cas = View {
            role: Some(Role::IntermediateCa),
            ..View::default()
        };
        assert_eq!(select(&blocks, &cas), [1]);
        let named = View {
            text: "WWW.example".into(),
            ..View::default()
        };
        assert_eq!(select(&blocks, &named), [0, 2], "subject or SAN, any case");
        let leaf = blocks[0].as_ref().unwrap().certificate().unwrap();
        let by_fingerprint = View {
            text: leaf.fingerprint_sha256[..12].to_ascii_uppercase(),
            ..View::default()
        };
        assert_eq!(select(&blocks, &by_fingerprint), [0]);
        let soonest = View {
            order: Order::ExpiresFirst,
            ..View::default()
        };
        assert_eq!(select(&blocks, &soonest)[0], 2, "the expired one first");
        assert_eq!(
            *select(&blocks, &soonest).last().unwrap(),
            3,
            "the key last"
        );
    }
}
