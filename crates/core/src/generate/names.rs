//! Names as people type them: SANs (`DNS:`, `IP:`, bare names and addresses, mailboxes,
//! URLs) and name constraints.

use crate::error::Error;
use der::asn1::{Ia5String, OctetString};
use x509_cert::ext::pkix::name::GeneralName;

/// Parses one SAN as the CLI and the form take it.
pub fn parse_san(text: &str) -> Result<GeneralName, Error> {
    let text = text.trim();
    let invalid = |why: &str| Error::InvalidName(format!("invalid SAN `{text}`: {why}"));
    let ia5 = |s: &str| {
        Ia5String::new(s).map_err(|_| invalid("only ASCII is allowed (use the xn-- form for IDNs)"))
    };
    let (kind, value) = text
        .split_once(':')
        .filter(|(k, _)| !k.contains('.'))
        .unwrap_or(("", text));
    match kind.to_ascii_lowercase().as_str() {
        "dns" => dns_name(value).and_then(|v| ia5(v).map(GeneralName::DnsName)),
        "ip" => value
            .trim()
            .parse::<std::net::IpAddr>()
            .map(GeneralName::from)
            .map_err(|_| invalid("not an IP address")),
        "email" => ia5(value).map(GeneralName::Rfc822Name),
        "uri" => ia5(value).map(GeneralName::UniformResourceIdentifier),
        // Without a prefix: an address, a mailbox (`user@host`) or a DNS name.
        "" => match text.parse::<std::net::IpAddr>() {
            Ok(ip) => Ok(GeneralName::from(ip)),
            Err(_) if text.contains('@') => ia5(text).map(GeneralName::Rfc822Name),
            Err(_) => dns_name(text).and_then(|v| ia5(v).map(GeneralName::DnsName)),
        },
        // A URL (`https://…`) is a URI; `[::1]` style and bare IPv6 contain colons: try them as
        // addresses before giving up.
        _ if value.starts_with("//") => ia5(text).map(GeneralName::UniformResourceIdentifier),
        _ => text
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .map(GeneralName::from)
            .map_err(|_| invalid("expected DNS:, IP:, email: or URI:")),
    }
}

/// A name constraint in SAN syntax; IP constraints are CIDR (`IP:10.0.0.0/8`).
pub(super) fn parse_constraint(text: &str) -> Result<GeneralName, Error> {
    let text = text.trim();
    match text.split_once(':') {
        Some((kind, cidr)) if kind.eq_ignore_ascii_case("ip") => {
            let invalid = || {
                Error::InvalidName(format!(
                    "invalid IP constraint `{text}`: expected CIDR like IP:10.0.0.0/8"
                ))
            };
            let (addr, prefix) = cidr.split_once('/').ok_or_else(invalid)?;
            let addr: std::net::IpAddr = addr.parse().map_err(|_| invalid())?;
            let octets = match addr {
                std::net::IpAddr::V4(a) => a.octets().to_vec(),
                std::net::IpAddr::V6(a) => a.octets().to_vec(),
            };
            let prefix: usize = prefix.parse().map_err(|_| invalid())?;
            if prefix > octets.len() * 8 {
                return Err(invalid());
            }
            let mask: Vec<u8> = (0..octets.len())
                .map(|i| (0xffu16 << (8 - (prefix.saturating_sub(i * 8)).min(8))) as u8)
                .collect();
            let masked: Vec<u8> = octets.iter().zip(&mask).map(|(a, m)| a & m).collect();
            let bytes = [masked, mask].concat();
            Ok(GeneralName::IpAddress(
                OctetString::new(bytes).map_err(|e| Error::Build(e.to_string()))?,
            ))
        }
        _ => parse_san(text),
    }
}

pub(super) fn dns_name(name: &str) -> Result<&str, Error> {
    if crate::verify::valid_dns_name(name, true) {
        Ok(name)
    } else {
        Err(Error::InvalidName(format!("invalid DNS name `{name}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SANs as people type them: prefixed, or bare names, addresses, mailboxes and URLs.
    #[test]
    fn sans_are_read_with_or_without_their_prefix() {
        let kind = |text: &str| match parse_san(text) {
            Ok(GeneralName::DnsName(_)) => "dns",
            Ok(GeneralName::IpAddress(_)) => "ip",
            Ok(GeneralName::Rfc822Name(_)) => "email",
            Ok(GeneralName::UniformResourceIdentifier(_)) => "uri",
            Ok(_) => "other",
            Err(_) => "error",
        };
        for (text, expected) in [
            ("DNS:example.test", "dns"),
            ("*.example.test", "dns"),
            ("localhost", "dns"),
            ("IP:192.0.2.1", "ip"),
            ("::1", "ip"),
            ("[2001:db8::1]", "ip"),
            ("email:me@example.test", "email"),
            ("me@example.test", "email"),
            ("URI:spiffe://example.test/workload", "uri"),
            ("https://example.test/", "uri"),
            ("bücher.example", "error"),
            ("nonsense:value", "error"),
        ] {
            assert_eq!(kind(text), expected, "{text}");
        }
    }
}
