//! Names: host matching (RFC 6125 with the CA/B rules) and name constraints (RFC 5280
//! section 4.2.1.10, applied as section 6.1.3 (b)-(c) and 6.1.4 (g) say).

use der::Decode;
use x509_cert::{
    Certificate,
    ext::pkix::{
        NameConstraints, SubjectAltName, constraints::name::GeneralSubtrees, name::GeneralName,
    },
    name::Name,
};

/// Most name-versus-constraint comparisons for one path: real chains need a few hundred; a
/// hostile one (thousands of names against thousands of constraints) would stall the page.
pub(super) const COMPARISON_BUDGET: usize = 65_536;

/// Does the SAN dNSName `pattern` cover `host`? Both lowercase. A wildcard is only the whole
/// left-most label and covers exactly one label, never a bare public-suffix-like `*.com`.
pub fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.');
    match pattern.strip_prefix("*.") {
        Some(suffix) => host.split_once('.').is_some_and(|(first, rest)| {
            !first.is_empty() && rest == suffix && suffix.contains('.')
        }),
        None => pattern == host,
    }
}

/// RFC 5280 section 4.2.1.6 / RFC 1034 preferred name syntax: letters, digits and hyphens,
/// labels of 1-63 characters not starting or ending with a hyphen; a wildcard only as the whole
/// left-most label when `wildcard_ok`.
pub fn valid_dns_name(name: &str, wildcard_ok: bool) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').enumerate().all(|(i, label)| {
            (wildcard_ok && i == 0 && label == "*")
                || (!label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        })
}

/// The names a certificate is for, in the forms name constraints apply to.
pub(super) struct CertNames {
    pub san: Vec<GeneralName>,
    pub subject: Name,
    /// `emailAddress` attributes of the subject (constrained like rfc822Name, §4.2.1.10).
    pub subject_emails: Vec<String>,
}

impl CertNames {
    pub(super) fn of(cert: &Certificate) -> CertNames {
        let tbs = cert.tbs_certificate();
        let san = tbs
            .get_extension::<SubjectAltName>()
            .ok()
            .flatten()
            .map(|(_, san)| san.0)
            .unwrap_or_default();
        let subject_emails = crate::dn::attributes(tbs.subject())
            .into_iter()
            .filter(|a| a.name == "emailAddress")
            .map(|a| a.value)
            .collect();
        CertNames {
            san,
            subject: tbs.subject().clone(),
            subject_emails,
        }
    }

    fn count(&self) -> usize {
        self.san.len() + self.subject_emails.len() + 1
    }
}

/// A name constraints extension, validated.
pub(super) struct Constraints {
    permitted: GeneralSubtrees,
    excluded: GeneralSubtrees,
}

impl Constraints {
    /// Reads and checks the syntax of a CA's name constraints; `Ok(None)` when it has none.
    pub(super) fn of(cert: &Certificate) -> Result<Option<Constraints>, String> {
        let Some(ext) = cert
            .tbs_certificate()
            .extensions()
            .into_iter()
            .flatten()
            .find(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_NAME_CONSTRAINTS)
        else {
            return Ok(None);
        };
        let nc = NameConstraints::from_der(ext.extn_value.as_bytes())
            .map_err(|e| format!("the nameConstraints extension is malformed: {e}"))?;
        let constraints = Constraints {
            permitted: nc.permitted_subtrees.unwrap_or_default(),
            excluded: nc.excluded_subtrees.unwrap_or_default(),
        };
        if constraints.count() == 0 {
            return Err("the nameConstraints extension is empty, which RFC 5280 forbids".into());
        }
        for subtree in constraints.permitted.iter().chain(&constraints.excluded) {
            if subtree.minimum != 0 || subtree.maximum.is_some() {
                return Err(
                    "a name constraint uses minimum/maximum, which RFC 5280 forbids".into(),
                );
            }
            validate_constraint(&subtree.base)?;
        }
        Ok(Some(constraints))
    }

    fn count(&self) -> usize {
        self.permitted.len() + self.excluded.len()
    }

    /// Checks every name of a certificate below the constraining CA.
    pub(super) fn check(&self, names: &CertNames, budget: &mut usize) -> Result<(), String> {
        let cost = self.count().saturating_mul(names.count());
        *budget = budget.checked_sub(cost).ok_or_else(|| {
            format!("checking {} names against {} constraints is too much work (denial-of-service guard)", names.count(), self.count())
        })?;
        let mut all: Vec<GeneralName> = names.san.clone();
        if !names.subject.is_empty() {
            all.push(GeneralName::DirectoryName(names.subject.clone()));
        }
        for email in &names.subject_emails {
            if let Ok(ia5) = der::asn1::Ia5String::new(email) {
                all.push(GeneralName::Rfc822Name(ia5));
            }
        }
        for name in &all {
            if let GeneralName::OtherName(other) = name
                && self.permitted.iter().chain(&self.excluded).any(
                    |c| matches!(&c.base, GeneralName::OtherName(o) if o.type_id == other.type_id),
                )
            {
                return Err(format!(
                    "{} cannot be checked against an otherName constraint of the same type",
                    show(name)
                ));
            }
            let excluded_hit = |c: &&x509_cert::ext::pkix::constraints::name::GeneralSubtree| {
                within(name, &c.base) == Some(true) || wildcard_reaches(name, &c.base)
            };
            if let Some(hit) = self.excluded.iter().find(excluded_hit) {
                return Err(format!(
                    "{} is excluded by the constraint {}",
                    show(name),
                    show(&hit.base)
                ));
            }
            let same_type: Vec<&GeneralName> = self
                .permitted
                .iter()
                .map(|c| &c.base)
                .filter(|c| within(name, c).is_some())
                .collect();
            if !same_type.is_empty() && !same_type.iter().any(|c| within(name, c) == Some(true)) {
                return Err(format!("{} is outside the permitted names", show(name)));
            }
        }
        Ok(())
    }
}

fn show(name: &GeneralName) -> String {
    crate::decode::ext::general_name(name)
}

/// RFC 5280 section 4.2.1.10 forms: a DNS constraint is a name (no wildcard, no leading dot),
/// an IP constraint is address and contiguous mask, an e-mail constraint a mailbox, host or
/// `.domain`.
fn validate_constraint(base: &GeneralName) -> Result<(), String> {
    let bad = |what: &str| {
        Err(format!(
            "the name constraint {} is malformed: {what}",
            show(base)
        ))
    };
    match base {
        GeneralName::DnsName(dns) => {
            let text = dns.as_str();
            if !text.is_empty() && !valid_dns_name(text, false) {
                return bad("not a DNS name (no wildcards or leading dots in DNS constraints)");
            }
        }
        GeneralName::IpAddress(octets) => {
            let bytes = octets.as_bytes();
            if bytes.len() != 8 && bytes.len() != 32 {
                return bad("not an address and mask");
            }
            let mask = &bytes[bytes.len() / 2..];
            let bits: Vec<bool> = mask
                .iter()
                .flat_map(|b| (0..8).rev().map(move |i| b >> i & 1 == 1))
                .collect();
            if bits.windows(2).any(|w| !w[0] && w[1]) {
                return bad("the mask is not contiguous (CIDR)");
            }
        }
        GeneralName::Rfc822Name(email) => {
            let text = email.as_str();
            let valid = if text.contains('@') {
                valid_mailbox(text)
            } else {
                valid_dns_name(text.strip_prefix('.').unwrap_or(text), false)
            };
            if !valid {
                return bad("not a mailbox, host or .domain");
            }
        }
        _ => {}
    }
    Ok(())
}

/// Whether `name` lies within the subtree `constraint`: `None` when they are of different
/// types (the constraint says nothing about this name).
fn within(name: &GeneralName, constraint: &GeneralName) -> Option<bool> {
    match (name, constraint) {
        (GeneralName::DnsName(n), GeneralName::DnsName(c)) => Some(dns_within(
            &n.as_str().to_ascii_lowercase(),
            &c.as_str().to_ascii_lowercase(),
        )),
        (GeneralName::IpAddress(n), GeneralName::IpAddress(c)) => {
            let (addr, mask) = c.as_bytes().split_at(c.as_bytes().len() / 2);
            let n = n.as_bytes();
            Some(
                n.len() == addr.len()
                    && n.iter()
                        .zip(addr)
                        .zip(mask)
                        .all(|((n, a), m)| n & m == a & m),
            )
        }
        (GeneralName::Rfc822Name(n), GeneralName::Rfc822Name(c)) => {
            Some(email_within(n.as_str(), c.as_str()))
        }
        // Compared after string preparation (RFC 5280 section 7.1).
        (GeneralName::DirectoryName(n), GeneralName::DirectoryName(c)) => {
            Some(crate::dn::Comparable::of(n).within(&crate::dn::Comparable::of(c)))
        }
        (GeneralName::UniformResourceIdentifier(n), GeneralName::UniformResourceIdentifier(c)) => {
            let host = uri_host(n.as_str())?.to_ascii_lowercase();
            let c = c.as_str().to_ascii_lowercase();
            Some(match c.strip_prefix('.') {
                Some(domain) => host.ends_with(&format!(".{domain}")),
                None => host == c,
            })
        }
        _ => None,
    }
}

/// A wildcard SAN `*.X` stands for every `L.X`: it reaches an excluded `L.X` even though the
/// pattern itself is not inside it (CVE-2025-61727).
fn wildcard_reaches(name: &GeneralName, constraint: &GeneralName) -> bool {
    let (GeneralName::DnsName(n), GeneralName::DnsName(c)) = (name, constraint) else {
        return false;
    };
    let (n, c) = (
        n.as_str().to_ascii_lowercase(),
        c.as_str().to_ascii_lowercase(),
    );
    n.strip_prefix("*.").is_some_and(|base| {
        c.strip_suffix(base)
            .and_then(|head| head.strip_suffix('.'))
            .is_some_and(|label| !label.is_empty() && !label.contains('.'))
    })
}

/// RFC 5321 mailbox as RFC 5280 §4.2.1.6 requires of rfc822Name: one `@`, a non-empty local
/// part, a domain name.
pub(super) fn valid_mailbox(text: &str) -> bool {
    text.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.contains('@') && valid_dns_name(domain, false)
    })
}

fn dns_within(name: &str, constraint: &str) -> bool {
    constraint.is_empty() || name == constraint || name.ends_with(&format!(".{constraint}"))
}

fn email_within(name: &str, constraint: &str) -> bool {
    let Some((_, domain)) = name.rsplit_once('@') else {
        return false;
    };
    if constraint.contains('@') {
        let (c_local, c_domain) = constraint.rsplit_once('@').unwrap_or_default();
        let (local, _) = name.rsplit_once('@').unwrap_or_default();
        local == c_local && domain.eq_ignore_ascii_case(c_domain)
    } else if let Some(parent) = constraint.strip_prefix('.') {
        domain
            .to_ascii_lowercase()
            .ends_with(&format!(".{}", parent.to_ascii_lowercase()))
    } else {
        domain.eq_ignore_ascii_case(constraint)
    }
}

/// The host in what a user typed for "host name": a bare name or IP, or pasted as a URL
/// (`https://host:443/path`), `host:port` or `[v6]:port`, which clients connect to by host.
pub(super) fn host_of(typed: &str) -> &str {
    let typed = typed.trim();
    let authority = typed.split_once("://").map_or(typed, |(_, rest)| rest);
    let authority = authority.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if let Some(v6) = host.strip_prefix('[') {
        return v6.split(']').next().unwrap_or_default();
    }
    match host.split_once(':') {
        // One colon and digits after it: a port. More colons: an IPv6 address.
        Some((name, port)) if !port.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) => {
            name
        }
        _ => host,
    }
}

fn uri_host(uri: &str) -> Option<&str> {
    let rest = uri.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_read_from_urls_and_host_port() {
        for (typed, host) in [
            ("www.example.test", "www.example.test"),
            (
                " https://www.example.test:8443/path?q#f ",
                "www.example.test",
            ),
            ("www.example.test:443", "www.example.test"),
            ("www.example.test/login", "www.example.test"),
            ("https://user@www.example.test", "www.example.test"),
            ("[2001:db8::1]:443", "2001:db8::1"),
            ("https://[2001:db8::1]/", "2001:db8::1"),
            ("2001:db8::1", "2001:db8::1"),
            ("192.0.2.7:443", "192.0.2.7"),
        ] {
            assert_eq!(host_of(typed), host, "{typed}");
        }
    }

    #[test]
    fn wildcards_cover_exactly_one_label() {
        assert!(dns_matches("*.example.com", "api.example.com"));
        assert!(!dns_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_matches("*.example.com", "example.com"));
        assert!(!dns_matches("*.com", "example.com"));
        assert!(dns_matches("example.com.", "example.com"));
        assert!(!dns_matches("a*.example.com", "ab.example.com"));
    }

    #[test]
    fn dns_syntax() {
        assert!(valid_dns_name("a-b.example.com", false));
        assert!(valid_dns_name("*.example.com", true));
        assert!(!valid_dns_name("*.example.com", false));
        assert!(!valid_dns_name("under_score.example.com", true));
        assert!(!valid_dns_name(".example.com", false));
        assert!(!valid_dns_name("-a.example.com", false));
    }

    #[test]
    fn constraint_matching() {
        assert!(dns_within("a.example.com", "example.com"));
        assert!(!dns_within("badexample.com", "example.com"));
        assert!(dns_within("anything", ""));
        assert!(email_within("u@example.com", "example.com"));
        assert!(!email_within("u@sub.example.com", "example.com"));
        assert!(email_within("u@sub.example.com", ".example.com"));
        assert!(email_within("u@EXAMPLE.com", "u@example.com"));
        assert!(!email_within("v@example.com", "u@example.com"));
        assert_eq!(
            uri_host("https://user@Host.example:8443/x"),
            Some("Host.example")
        );
        let dns = |s: &str| GeneralName::DnsName(der::asn1::Ia5String::new(s).unwrap());
        assert!(wildcard_reaches(
            &dns("*.example.com"),
            &dns("bar.example.com")
        ));
        assert!(!wildcard_reaches(
            &dns("*.example.com"),
            &dns("a.bar.example.com")
        ));
        assert!(!wildcard_reaches(
            &dns("www.example.com"),
            &dns("bar.example.com")
        ));
        assert!(
            valid_mailbox("a@example.com")
                && !valid_mailbox("a@b@example.com")
                && !valid_mailbox("@example.com")
        );
    }
}
