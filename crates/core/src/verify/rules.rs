//! The rules applied to each certificate of a path, one function per rule, each named after
//! the RFC 5280 (or CA/B Forum Baseline Requirements) section it enforces. Each returns the
//! detail shown for a pass, or the failure.

use super::names::{self, CertNames, Constraints};
use super::{Candidate, Failure, Profile, Purpose, Signatures, failure};
use crate::decode::KeyAlgorithm;
use crate::{dn, time::UnixTime};
use base64ct::{Base64, Encoding};
use const_oid::db::rfc5280::{
    ID_CE_AUTHORITY_KEY_IDENTIFIER, ID_CE_BASIC_CONSTRAINTS, ID_CE_EXT_KEY_USAGE, ID_CE_KEY_USAGE,
    ID_CE_NAME_CONSTRAINTS, ID_CE_POLICY_CONSTRAINTS, ID_CE_SUBJECT_ALT_NAME,
    ID_CE_SUBJECT_KEY_IDENTIFIER, ID_PE_AUTHORITY_INFO_ACCESS,
};
use der::Encode;
use sha2::Digest;

pub(super) type RuleResult = Result<String, Failure>;

pub(super) fn rule_6_1_3_a1_signature(
    cert: &Candidate<'_>,
    issuer: &Candidate<'_>,
    signatures: Signatures<'_>,
) -> RuleResult {
    let loosely = match cert.names_issuer_loosely(issuer) {
        true => {
            " (its issuer name matches that subject only after RFC 4518 string preparation: case, spaces or string type differ)"
        }
        false => "",
    };
    signatures
        .check(cert.cert, issuer.cert)
        .map(|()| format!("signed by {}{loosely}", issuer.subject))
        .map_err(|e| failure("bad_signature", format!("{e} ({})", issuer.subject)))
}

pub(super) fn rule_6_1_3_a2_validity(cert: &Candidate<'_>, at: UnixTime) -> RuleResult {
    let validity = cert.cert.tbs_certificate().validity();
    let (not_before, not_after) = (
        UnixTime::from(&validity.not_before),
        UnixTime::from(&validity.not_after),
    );
    if at < not_before {
        Err(failure(
            "not_yet_valid",
            format!(
                "not valid until {not_before} ({} days after {at}); check the clock or wait",
                at.days_until(not_before)
            ),
        ))
    } else if at > not_after {
        Err(failure(
            "expired",
            format!(
                "expired on {not_after}, {} days before {at}; renew it",
                not_after.days_until(at)
            ),
        ))
    } else {
        Ok(format!("valid from {not_before} to {not_after}"))
    }
}

/// §4.2: unknown critical extensions are fatal; each extension appears once; the ones the
/// profile names parse. Under the webpki profile they also carry the criticality RFC 5280 and
/// the Baseline Requirements prescribe; RFC 5280 addresses those to CAs (issuance rules), so
/// under the rfc5280 profile a wrong criticality is a lint finding, not a path failure.
pub(super) fn rule_4_2_extensions(
    cert: &Candidate<'_>,
    is_leaf: bool,
    profile: Profile,
) -> RuleResult {
    let exts = &cert.exts.extensions;
    let bad = |message: String| Err(failure("invalid_extension", message));
    if let Some((_, dup)) = exts
        .iter()
        .enumerate()
        .find(|(i, e)| exts[..*i].iter().any(|o| o.oid == e.oid))
    {
        return bad(format!("the {} extension appears more than once", dup.name));
    }
    if let Some(broken) = exts.iter().find(|e| e.malformed) {
        return bad(format!("the {} extension is malformed", broken.name));
    }
    let unknown: Vec<&str> = exts
        .iter()
        .filter(|e| e.critical && !processed_when_critical(&e.oid))
        .map(|e| e.name.as_str())
        .collect();
    if !unknown.is_empty() {
        return Err(failure(
            "unknown_critical_extension",
            format!(
                "critical extension(s) this validator does not process: {}",
                unknown.join(", ")
            ),
        ));
    }
    let empty_eku =
        exts.iter().any(|e| e.is(ID_CE_EXT_KEY_USAGE)) && cert.exts.extended_key_usage.is_empty();
    if empty_eku {
        return bad("extendedKeyUsage is empty (§4.2.1.12 requires at least one)".into());
    }
    if profile == Profile::Rfc5280 {
        return Ok("extensions are unique, well-formed and understood".into());
    }
    let critical = |oid| exts.iter().find(|e| e.is(oid)).map(|e| e.critical);
    let empty_subject = cert.cert.tbs_certificate().subject().is_empty();
    let wrong = [
        (
            critical(ID_CE_AUTHORITY_KEY_IDENTIFIER) == Some(true),
            "authorityKeyIdentifier must not be critical (§4.2.1.1)",
        ),
        (
            critical(ID_CE_SUBJECT_KEY_IDENTIFIER) == Some(true),
            "subjectKeyIdentifier must not be critical (§4.2.1.2)",
        ),
        (
            critical(ID_PE_AUTHORITY_INFO_ACCESS) == Some(true),
            "authorityInfoAccess must not be critical (§4.2.2.1)",
        ),
        (
            critical(ID_CE_POLICY_CONSTRAINTS) == Some(false),
            "policyConstraints must be critical (§4.2.1.11)",
        ),
        (
            cert.exts.is_ca && critical(ID_CE_BASIC_CONSTRAINTS) == Some(false),
            "basicConstraints must be critical in a CA (§4.2.1.9)",
        ),
        (
            empty_subject && critical(ID_CE_SUBJECT_ALT_NAME) == Some(false),
            "with an empty subject, subjectAltName must be critical (§4.2.1.6)",
        ),
        (
            !empty_subject && critical(ID_CE_SUBJECT_ALT_NAME) == Some(true),
            "with a non-empty subject, subjectAltName must not be critical (§4.2.1.6)",
        ),
        (
            is_leaf && critical(ID_CE_EXT_KEY_USAGE) == Some(true),
            "extendedKeyUsage in a leaf must not be critical (CA/B BR §7.1.2.7.10)",
        ),
    ];
    match wrong.iter().find(|(broken, _)| *broken) {
        Some((_, why)) => bad(why.to_string()),
        None => Ok("extensions are unique, well-formed and correctly marked".into()),
    }
}

/// §4.1.2.2: serial numbers are positive and at most 20 bytes.
pub(super) fn rule_4_1_2_2_serial(cert: &Candidate<'_>) -> RuleResult {
    let bytes = cert.cert.tbs_certificate().serial_number().as_bytes();
    let value = bytes.strip_prefix(&[0]).unwrap_or(bytes);
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        Err(failure("serial", "the serial number is negative".into()))
    } else if value.iter().all(|&b| b == 0) {
        Err(failure("serial", "the serial number is zero".into()))
    } else if value.len() > 20 {
        Err(failure(
            "serial",
            format!(
                "the serial number is {} bytes; at most 20 are allowed",
                value.len()
            ),
        ))
    } else {
        Ok("positive serial of at most 20 bytes".into())
    }
}

/// CA/B BR §3.2.2.6: a wildcard over a public suffix (`*.co.uk`, `*.s3.amazonaws.com`) does
/// not stand for the names under it, as browsers honour it; the certificate's other names
/// still do (s3.amazonaws.com's own certificate carries such a wildcard beside its name).
#[cfg(feature = "public-suffixes")]
pub(super) fn cabf_3_2_2_6_wildcard_scope(
    leaf: &Candidate<'_>,
    typed: &str,
    list: &super::PublicSuffixes,
) -> RuleResult {
    let host = names::host_of(typed)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let dns = || leaf.exts.san.iter().filter_map(|s| s.strip_prefix("DNS:"));
    let honoured = |name: &&str| match name.strip_prefix("*.") {
        Some(base) => !list.is_suffix(base),
        None => true,
    };
    let matches = |name: &&str| names::dns_matches(&name.to_ascii_lowercase(), &host);
    if dns().filter(honoured).any(|n| matches(&n)) || !dns().any(|n| matches(&n)) {
        return Ok("no wildcard over a public suffix is relied on".into());
    }
    let wildcard = dns().find(|n| matches(n)).unwrap_or_default();
    Err(failure(
        "wildcard_public_suffix",
        format!(
            "`{host}` matches only {wildcard}, a wildcard over a public suffix (anyone may register names under it): browsers do not honour it"
        ),
    ))
}

/// CA/B BR §6.1.5-6.1.6: RSA of at least 2048 bits (a multiple of 8), ECDSA on P-256, P-384
/// or P-521, or Ed25519.
pub(super) fn cabf_6_1_5_key(cert: &Candidate<'_>) -> RuleResult {
    let key = crate::decode::key::public_key(cert.cert.tbs_certificate().subject_public_key_info());
    let weak = |why: String| Err(failure("weak_key", why));
    match (&key.algorithm, key.bits, key.curve.as_deref()) {
        (algorithm, Some(bits), _) if algorithm.is_rsa() && bits < 2048 => {
            weak(format!("RSA-{bits} is too weak; use at least 2048 bits"))
        }
        (algorithm, Some(bits), _) if algorithm.is_rsa() && bits % 8 != 0 => weak(format!(
            "an RSA modulus of {bits} bits is not a whole number of bytes"
        )),
        (algorithm, Some(bits), _) if algorithm.is_rsa() => Ok(format!("RSA {bits} bit")),
        (KeyAlgorithm::Ec, _, Some(curve @ ("P-256" | "P-384" | "P-521"))) => {
            Ok(format!("ECDSA {curve}"))
        }
        (KeyAlgorithm::Ec, _, curve) => weak(format!(
            "the EC curve {} is not allowed (P-256, P-384, P-521)",
            curve.unwrap_or("unknown")
        )),
        (KeyAlgorithm::Ed25519, ..) => Ok("Ed25519".into()),
        (algorithm, ..) => weak(format!("{algorithm} keys are not allowed")),
    }
}

/// CA/B BR §7.1.3.2 (and Chrome since 2017, Firefox since 2017): no MD2, MD5 or SHA-1 in a
/// signature that links the path, and no DSA at all. A trust anchor's own signature is never
/// relied on, so it is not judged.
pub(super) fn cabf_7_1_3_2_signature_algorithm(cert: &Candidate<'_>) -> RuleResult {
    use crate::signature::{Algorithm, Hash};
    use const_oid::db::rfc5912::{
        DSA_WITH_SHA_1, DSA_WITH_SHA_224, DSA_WITH_SHA_256, MD_2_WITH_RSA_ENCRYPTION,
        MD_5_WITH_RSA_ENCRYPTION,
    };
    let identifier = cert.cert.signature_algorithm();
    let name = crate::oids::name(&identifier.oid);
    let weak = |why: &str| {
        Err(failure(
            "weak_signature",
            format!("it is signed with {name}: {why}; reissue it signed with SHA-256 or better"),
        ))
    };
    match identifier.oid {
        MD_2_WITH_RSA_ENCRYPTION | MD_5_WITH_RSA_ENCRYPTION => {
            weak("MD2 and MD5 signatures can be forged")
        }
        DSA_WITH_SHA_1 | DSA_WITH_SHA_224 | DSA_WITH_SHA_256 => {
            weak("browsers do not accept DSA signatures")
        }
        _ => match Algorithm::from_identifier(identifier).map(Algorithm::hash) {
            Ok(Some(Hash::Sha1)) => weak("SHA-1 collisions are practical (SHAttered, 2017)"),
            _ => Ok(format!("signed with {name}")),
        },
    }
}

/// CA/B BR §7.1.2.7.8: a subscriber (leaf) certificate is not a CA. Firefox refuses one
/// (MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY); RFC 5280 alone allows it.
pub(super) fn cabf_7_1_2_7_8_leaf_not_ca(leaf: &Candidate<'_>) -> RuleResult {
    match leaf.exts.is_ca {
        true => Err(failure(
            "ca_as_leaf",
            "the certificate is a CA (basicConstraints CA:TRUE) used as a server or client's \
             own; reissue it with CA:FALSE and keep the CA separate"
                .into(),
        )),
        false => Ok("not a CA".into()),
    }
}

/// §4.1.2.6: a CA's subject names it; it cannot be empty.
pub(super) fn rule_4_1_2_6_ca_subject(cert: &Candidate<'_>) -> RuleResult {
    if cert.cert.tbs_certificate().subject().is_empty() {
        Err(failure(
            "empty_subject",
            "a CA certificate must have a non-empty subject".into(),
        ))
    } else {
        Ok("the CA has a subject name".into())
    }
}

/// §4.2.1.1-4.2.1.2: CAs carry a subjectKeyIdentifier; every certificate below the anchor that
/// is not self-signed carries an authorityKeyIdentifier with a keyIdentifier (an anchor is
/// trusted as a name and key, whoever issued it); a self-signed root's AKI, if any, holds only
/// its own key identifier.
pub(super) fn rule_4_2_1_1_key_identifiers(
    cert: &Candidate<'_>,
    is_ca: bool,
    self_signed: bool,
    is_anchor: bool,
) -> RuleResult {
    let bad = |why: &str| Err(failure("key_identifiers", why.to_string()));
    if is_ca && cert.exts.subject_key_id.is_none() {
        return bad("a CA certificate must have a subjectKeyIdentifier (§4.2.1.2)");
    }
    let aki = cert
        .exts
        .extensions
        .iter()
        .find(|e| e.is(ID_CE_AUTHORITY_KEY_IDENTIFIER));
    if !self_signed && !is_anchor && cert.exts.authority_key_id.is_none() {
        return bad("the certificate has no authorityKeyIdentifier keyIdentifier (§4.2.1.1)");
    }
    if self_signed && let Some(aki) = aki {
        if cert.exts.authority_key_id.is_none() {
            return bad("a root's authorityKeyIdentifier must contain a keyIdentifier");
        }
        if aki.value.len() > 1 {
            return bad("a root's authorityKeyIdentifier must not name an issuer or serial");
        }
        if cert.exts.authority_key_id != cert.exts.subject_key_id {
            return bad("a root's authorityKeyIdentifier differs from its subjectKeyIdentifier");
        }
    }
    Ok("key identifiers present and consistent".into())
}

pub(super) fn rule_6_1_4_k_is_ca(cert: &Candidate<'_>) -> RuleResult {
    if cert.exts.is_ca {
        Ok("basicConstraints CA:TRUE".into())
    } else {
        Err(failure(
            "not_a_ca",
            "this certificate issued another one but is not a CA (basicConstraints CA:TRUE is missing)".into(),
        ))
    }
}

pub(super) fn rule_6_1_4_n_key_cert_sign(cert: &Candidate<'_>) -> RuleResult {
    let has_ku = cert.exts.extensions.iter().any(|e| e.is(ID_CE_KEY_USAGE));
    if !has_ku || cert.exts.key_usage.iter().any(|u| u == "keyCertSign") {
        Ok(if has_ku {
            "keyUsage includes keyCertSign".into()
        } else {
            "no keyUsage extension: not restricted".into()
        })
    } else {
        Err(failure(
            "key_usage",
            "the issuer's keyUsage does not include keyCertSign".into(),
        ))
    }
}

pub(super) fn rule_6_1_4_m_path_length(
    cert: &Candidate<'_>,
    intermediates_below: usize,
) -> RuleResult {
    match cert.exts.path_len {
        Some(limit) if intermediates_below > usize::from(limit) => Err(failure(
            "path_length",
            format!(
                "pathlen:{limit} allows {limit} intermediate(s) below it, but the path has {intermediates_below}"
            ),
        )),
        Some(limit) => Ok(format!(
            "pathlen:{limit}, {intermediates_below} intermediate(s) below"
        )),
        None => Ok("no path length limit".into()),
    }
}

/// Whether a non-empty extendedKeyUsage list admits `purpose` (itself or anyExtendedKeyUsage).
fn eku_allows(ekus: &[String], purpose: Purpose) -> bool {
    ekus.iter()
        .any(|e| e == purpose.eku() || e == "anyExtendedKeyUsage")
}

/// CA/B BR §7.1.2.1-7.1.2.2: roots carry no extendedKeyUsage; an intermediate that has one
/// must allow the purpose (EKU chaining, as browsers enforce).
pub(super) fn cabf_7_1_2_issuer_eku(
    cert: &Candidate<'_>,
    purpose: Purpose,
    is_root: bool,
    profile: Profile,
) -> RuleResult {
    let ekus = &cert.exts.extended_key_usage;
    if is_root && profile == Profile::Webpki && !ekus.is_empty() {
        return Err(failure(
            "extended_key_usage",
            "a root certificate must not have an extendedKeyUsage extension".into(),
        ));
    }
    eku_for(
        ekus,
        purpose,
        "no extendedKeyUsage: not restricted",
        |list| {
            format!(
                "the CA is limited to {list} and cannot issue for {}",
                purpose.eku()
            )
        },
    )
}

/// RFC 5280 §4.2.1.3: keyCertSign needs cA; §4.2.1.10: only CAs constrain names. (A CA
/// certificate in leaf position is allowed by RFC 5280; lint flags it.)
pub(super) fn rule_4_2_1_3_leaf_key_usage(leaf: &Candidate<'_>) -> RuleResult {
    let why = if !leaf.exts.is_ca && leaf.exts.key_usage.iter().any(|u| u == "keyCertSign") {
        "the leaf has keyUsage keyCertSign but is not a CA (§4.2.1.3)"
    } else if !leaf.exts.is_ca
        && leaf
            .exts
            .extensions
            .iter()
            .any(|e| e.is(ID_CE_NAME_CONSTRAINTS))
    {
        "name constraints belong in CA certificates only (§4.2.1.10)"
    } else {
        return Ok("key usage fits an end-entity certificate".into());
    };
    Err(failure("leaf_key_usage", why.into()))
}

/// RFC 5280 §4.2.1.12: without the extension the key serves any purpose; with it, the purpose
/// (or anyExtendedKeyUsage) must be listed.
pub(super) fn rule_4_2_1_12_eku(leaf: &Candidate<'_>, purpose: Purpose) -> RuleResult {
    eku_for(
        &leaf.exts.extended_key_usage,
        purpose,
        "no extendedKeyUsage: any purpose",
        |list| format!("extendedKeyUsage is {list} but {} is needed", purpose.eku()),
    )
}

/// An extendedKeyUsage list against `purpose`: `open` when there is none, a failure worded by
/// `refused` (given the list) when the purpose is not in it.
fn eku_for(
    ekus: &[String],
    purpose: Purpose,
    open: &str,
    refused: impl FnOnce(String) -> String,
) -> RuleResult {
    if ekus.is_empty() {
        Ok(open.into())
    } else if eku_allows(ekus, purpose) {
        Ok(format!("extendedKeyUsage allows {}", purpose.eku()))
    } else {
        Err(failure("extended_key_usage", refused(ekus.join(", "))))
    }
}

/// §4.2.1.6: every dNSName in the SAN uses the preferred name syntax (wildcard only as the
/// whole left-most label) and every rfc822Name is a mailbox.
pub(super) fn rule_4_2_1_6_san(leaf: &Candidate<'_>) -> RuleResult {
    let invalid = leaf.exts.san.iter().find(|entry| {
        match (entry.strip_prefix("DNS:"), entry.strip_prefix("email:")) {
            (Some(dns), _) => !names::valid_dns_name(dns, true),
            (_, Some(email)) => !names::valid_mailbox(email),
            _ => false,
        }
    });
    match invalid {
        Some(bad) => Err(failure(
            "invalid_san",
            format!("the SAN entry `{bad}` is malformed (§4.2.1.6)"),
        )),
        None => Ok("subjectAltName entries are well-formed".into()),
    }
}

/// §6.1.3 (b)-(c): every name of every certificate below a constraining CA lies within its
/// permitted and outside its excluded subtrees (self-issued intermediates excepted).
pub(super) fn rule_6_1_3_b_name_constraints(path: &[&Candidate<'_>]) -> RuleResult {
    let mut budget = names::COMPARISON_BUDGET;
    let mut applied = 0;
    for (depth, ca) in path.iter().enumerate().skip(1) {
        let constraints = Constraints::of(ca.cert).map_err(|e| failure("name_constraints", e))?;
        let Some(constraints) = constraints else {
            continue;
        };
        for (below, cert) in path[..depth].iter().enumerate() {
            if below > 0 && cert.self_issued() {
                continue;
            }
            constraints
                .check(&CertNames::of(cert.cert), &mut budget)
                .map_err(|e| {
                    failure(
                        "name_constraints",
                        format!("{e} (constraint set by {})", ca.subject),
                    )
                })?;
            applied += 1;
        }
    }
    Ok(if applied == 0 {
        "no name constraints in the path".into()
    } else {
        "every name is within the constraints".into()
    })
}

/// RFC 6125 §6.4 with the CA/B rules: SAN only (the CN is ignored), a wildcard only as the
/// whole left-most label matching exactly one label, never for IP addresses.
pub(super) fn rfc6125_host(leaf: &Candidate<'_>, typed: &str) -> RuleResult {
    let host = names::host_of(typed)
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let read = match host == typed.trim().trim_end_matches('.').to_ascii_lowercase() {
        true => String::new(),
        false => format!(" (the host in `{}`)", typed.trim()),
    };
    let mismatch = |what: &str| {
        let names = if leaf.exts.san.is_empty() {
            "no subjectAltName at all".to_string()
        } else {
            leaf.exts.san.join(", ")
        };
        failure(
            "hostname",
            format!("{what} `{host}`{read} is not in the certificate's names ({names})"),
        )
    };
    if !host.is_ascii() {
        return Err(failure(
            "hostname",
            format!(
                "`{host}` is an internationalised name; certificates hold such names as A-labels (xn--…, RFC 5890): enter it in that form"
            ),
        ));
    }
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
        let octets = match ip {
            std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
            std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
        };
        // The SAN's text is written by the same function.
        let wanted = format!("IP:{}", crate::decode::ext::ip_bytes_text(&octets));
        return if leaf.exts.san.contains(&wanted) {
            Ok(format!("{wanted} is in the SAN{read}"))
        } else {
            Err(mismatch("IP address"))
        };
    }
    for name in leaf.exts.san.iter().filter_map(|s| s.strip_prefix("DNS:")) {
        if names::dns_matches(&name.to_ascii_lowercase(), &host) {
            return Ok(format!("DNS:{name} matches{read}"));
        }
    }
    Err(mismatch("host name"))
}

/// RFC 7469 §2.6: some certificate of the path has a public key matching a pin.
pub(super) fn rfc7469_pins(path: &[&Candidate<'_>], pins: &[String]) -> RuleResult {
    for cert in path {
        let spki = cert
            .cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .unwrap_or_default();
        let digest = sha2::Sha256::digest(&spki);
        let pin = Base64::encode_string(&digest);
        // As HPKP and curl write it (`pin-sha256="base64"`, `sha256//base64`), or the hex
        // `openssl dgst -sha256` prints over the DER public key (colons allowed).
        let hex = crate::dn::hex(&digest);
        let matches = |given: &str| {
            let given = given
                .trim()
                .trim_start_matches("pin-sha256=")
                .trim_start_matches("sha256//")
                .trim_matches('"');
            given == pin || given.replace(':', "").eq_ignore_ascii_case(&hex)
        };
        if pins.iter().any(|p| matches(p)) {
            return Ok(format!("pin-sha256 {pin} matches {}", cert.subject));
        }
    }
    Err(failure(
        "pin",
        "no certificate in the path has a public key matching any of the pins".into(),
    ))
}

pub(super) fn max_intermediates(count: usize, limit: usize) -> RuleResult {
    if count <= limit {
        Ok(format!("{count} intermediate(s), at most {limit} allowed"))
    } else {
        Err(failure(
            "too_long",
            format!("the path has {count} intermediate CA(s); at most {limit} are allowed"),
        ))
    }
}

/// RFC 5280 §6.1: the path stops at `cert` (at `depth`, 0 = leaf) without a trust anchor.
/// The advice depends on what is missing: a root is trusted, an intermediate is sent with the
/// leaf. `known_roots` are roots the user did not trust (Mozilla's store), named when one of
/// them would complete the path.
pub(super) fn missing_issuer(
    cert: &Candidate<'_>,
    depth: usize,
    known_roots: &[Candidate<'_>],
) -> Failure {
    let issuer = dn::rfc4514(cert.cert.tbs_certificate().issuer());
    if cert.self_issued() {
        let code = if depth == 0 {
            "self_signed_leaf"
        } else {
            "untrusted_root"
        };
        let same_key = |root: &&Candidate<'_>| {
            root.cert.tbs_certificate().subject() == cert.cert.tbs_certificate().subject()
                && root.cert.tbs_certificate().subject_public_key_info()
                    == cert.cert.tbs_certificate().subject_public_key_info()
        };
        let advice = match known_roots.iter().find(same_key) {
            Some(_) => "it is a root of Mozilla's root store: trust that store (or add it as a trust anchor) to accept it".to_string(),
            None => "add it as a trust anchor only if you trust it".to_string(),
        };
        return failure(
            code,
            format!(
                "{} is self-signed and not among the trust anchors; {advice}",
                cert.subject
            ),
        );
    }
    let published = cert
        .exts
        .ca_issuers
        .first()
        .map(|url| format!("; its certificate is published at {url}"))
        .unwrap_or_default();
    let message = match known_roots.iter().find(|root| root.issued(cert)) {
        Some(root) => format!(
            "the issuer {issuer} is not among the trust anchors, but Mozilla's root store has it ({}): trust that store, or add that root as a trust anchor",
            root.subject
        ),
        // An intermediate's issuer is most often the root: trusted, never sent by servers.
        None if cert.exts.is_ca => format!(
            "the chain stops at the CA {}: its issuer {issuer} is not given. If {issuer} is your root CA, add it as a trust anchor; if it is another intermediate CA, add it to the chain and its root as the trust anchor{published}",
            cert.subject
        ),
        None => format!(
            "the issuer {issuer} is missing: add the intermediate certificate to the chain (a server sends it: serve fullchain.pem, not cert.pem){published}"
        ),
    };
    failure("missing_issuer", message)
}

/// Whether the verifier processes the extension `oid` names, so a critical one is no failure
/// ([`crate::extension`] says which).
fn processed_when_critical(oid: &str) -> bool {
    crate::extension::by_dotted(oid).is_some_and(|e| e.processed_when_critical)
}
