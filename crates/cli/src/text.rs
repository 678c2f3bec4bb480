//! Plain-text reports, laid out close to `openssl x509 -text` so they are familiar.

use certbench_core::cipher::Explanation;
use certbench_core::decode::Validity;
use certbench_core::decode::{
    CertificateReport, Decoded, PublicKeyReport, Report,
    ext::ExtensionReport,
    ocsp::{CertIdReport, OcspResponseReport},
};
use certbench_core::verify::Verdict;
use std::fmt::Write;

pub(crate) fn decoded(d: &Decoded) -> String {
    let mut out = String::new();
    let label = d
        .label
        .as_deref()
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    let _ = writeln!(out, "Block {}{label}:", d.block);
    match &d.report {
        Report::Certificate(c) => certificate(&mut out, c),
        Report::Csr(csr) => {
            let _ = writeln!(out, "Certificate Request:");
            let _ = writeln!(out, "    Subject: {}", csr.subject);
            public_key(&mut out, &csr.public_key);
            let _ = writeln!(out, "    Signature Algorithm: {}", csr.signature_algorithm);
            let _ = writeln!(
                out,
                "    Signature: {}",
                match csr.signature_valid {
                    Some(true) => "valid",
                    Some(false) => "INVALID",
                    None => "not checked",
                }
            );
            if !csr.attributes.is_empty() {
                let _ = writeln!(out, "    Attributes:");
                for (name, values) in &csr.attributes {
                    let _ = writeln!(out, "        {name}: {}", values.join(", "));
                }
            }
            extensions(&mut out, "Requested Extensions", &csr.requested_extensions);
        }
        Report::PrivateKey(key) => {
            let _ = writeln!(
                out,
                "Private Key ({}{}):",
                key.format,
                if key.encrypted { ", encrypted" } else { "" }
            );
            if let Some(scheme) = &key.encryption {
                let _ = writeln!(out, "    Encryption: {scheme}");
            }
            if let Some(public) = &key.public_key {
                public_key(&mut out, public);
            }
            if !key.matches.is_empty() {
                let blocks: Vec<String> = key.matches.iter().map(usize::to_string).collect();
                let _ = writeln!(
                    out,
                    "    Matches the certificate or CSR in block {}",
                    blocks.join(", ")
                );
            }
        }
        Report::PublicKey(key) => {
            let _ = writeln!(out, "Public Key:");
            public_key(&mut out, key);
        }
        Report::Jwk(jwk) => {
            let kind = if jwk.private { "private" } else { "public" };
            let _ = writeln!(out, "JSON Web Key ({kind}, kty {}):", jwk.kty);
            public_key(&mut out, &jwk.public_key);
            let members = [
                ("kid", jwk.kid.as_deref()),
                ("use", jwk.key_use.as_deref()),
                ("alg", jwk.alg.as_deref()),
                ("x5t#S256", jwk.x5t_s256.as_deref()),
            ];
            for (name, value) in members {
                if let Some(value) = value {
                    let _ = writeln!(out, "    {name}: {value}");
                }
            }
            if !jwk.key_ops.is_empty() {
                let _ = writeln!(out, "    key_ops: {}", jwk.key_ops.join(", "));
            }
            if jwk.kid_is_thumbprint {
                let _ = writeln!(out, "    (kid is the key's RFC 7638 thumbprint)");
            }
            if jwk.x5c > 0 {
                let _ = writeln!(
                    out,
                    "    x5c: {} certificate(s), the blocks after this one",
                    jwk.x5c
                );
            }
            if !jwk.matches.is_empty() {
                let blocks: Vec<String> = jwk.matches.iter().map(usize::to_string).collect();
                let _ = writeln!(out, "    Same key as block {}", blocks.join(", "));
            }
            for f in &jwk.lint {
                let _ = writeln!(out, "    {:?}: {} ({})", f.severity, f.message, f.source);
            }
        }
        Report::SshPublicKey(key) => {
            let _ = writeln!(out, "OpenSSH Public Key:");
            ssh_key(&mut out, key);
        }
        Report::SshPrivateKey(key) => {
            let _ = writeln!(out, "OpenSSH Private Key:");
            if let Some(e) = &key.encryption {
                let _ = match (e.encrypted, e.rounds) {
                    (true, Some(rounds)) => writeln!(
                        out,
                        "    Encryption: {} with {} ({rounds} rounds){}",
                        e.cipher,
                        e.kdf,
                        if e.decrypted { ", decrypted" } else { "" }
                    ),
                    (true, None) => writeln!(out, "    Encryption: {} with {}", e.cipher, e.kdf),
                    (false, _) => writeln!(out, "    Encryption: none"),
                };
            }
            ssh_key(&mut out, key);
        }
        Report::SshCertificate(c) => {
            let _ = writeln!(out, "OpenSSH Certificate:");
            let _ = writeln!(out, "    Type: {} {} certificate", c.algorithm, c.cert_type);
            let _ = writeln!(
                out,
                "    Public key: {} {} ({} bit)",
                c.key.algorithm, c.fingerprint_sha256, c.bits
            );
            let _ = writeln!(
                out,
                "    Signing CA: {} {} (using {})",
                c.ca_algorithm, c.ca_fingerprint_sha256, c.signature_algorithm
            );
            let _ = writeln!(out, "    Key ID: \"{}\"", c.key_id);
            let _ = writeln!(out, "    Serial: {}", c.serial);
            let before = c
                .valid_before
                .as_ref()
                .map_or("forever".to_string(), ToString::to_string);
            let _ = writeln!(
                out,
                "    Valid: from {} to {before} ({:?})",
                c.valid_after, c.validity
            );
            let _ = writeln!(
                out,
                "    Principals: {}",
                if c.principals.is_empty() {
                    "(none: any)".to_string()
                } else {
                    c.principals.join(", ")
                }
            );
            for (title, list) in [
                ("Critical Options", &c.critical_options),
                ("Extensions", &c.extensions),
            ] {
                let items: Vec<String> = list
                    .iter()
                    .map(|(name, value)| match value.is_empty() {
                        true => name.clone(),
                        false => format!("{name} {value}"),
                    })
                    .collect();
                let shown = if items.is_empty() {
                    "(none)".to_string()
                } else {
                    items.join(", ")
                };
                let _ = writeln!(out, "    {title}: {shown}");
            }
            let _ = writeln!(
                out,
                "    Signature: {}",
                match c.signature_valid {
                    Some(true) => "valid: the CA's key verifies it",
                    Some(false) => "INVALID: the CA's key does not verify it",
                    None => "not checked",
                }
            );
            for f in &c.lint {
                let _ = writeln!(out, "    {:?}: {} ({})", f.severity, f.message, f.source);
            }
        }
        Report::Crl(crl) => {
            let _ = writeln!(out, "Certificate Revocation List:");
            let _ = writeln!(out, "    Issuer: {}", crl.issuer);
            let _ = writeln!(out, "    Last Update: {}", crl.this_update);
            let _ = writeln!(
                out,
                "    Next Update: {}",
                crl.next_update
                    .as_ref()
                    .map_or("NONE".into(), ToString::to_string)
            );
            if let Some(check) = &crl.issuer_signature {
                let verdict = if check.valid { "valid" } else { "INVALID" };
                let _ = writeln!(
                    out,
                    "    Signature: {verdict} (issuer certificate in block {})",
                    check.issuer_block
                );
            }
            let _ = writeln!(out, "    Revoked Certificates: {}", crl.revoked.len());
            for entry in &crl.revoked {
                let reason = entry
                    .reason
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "        Serial {} revoked {}{reason}",
                    entry.serial, entry.date
                );
            }
        }
        Report::Pkcs7(bundle) => {
            let _ = writeln!(
                out,
                "PKCS#7 bundle: {} certificate(s), {} CRL(s), {} signer(s)",
                bundle.certificates.len(),
                bundle.crl_count,
                bundle.signer_count
            );
            for c in &bundle.certificates {
                certificate(&mut out, c);
            }
        }
        Report::Pkcs12(p12) => {
            let _ = writeln!(out, "PKCS#12: {}", p12.note);
            if let Some(mac) = &p12.mac {
                let _ = writeln!(out, "    MAC: {mac}");
            }
        }
        Report::Parameters(p) => {
            let _ = writeln!(out, "{} Parameters:", p.algorithm);
            if let Some(bits) = p.bits {
                let _ = writeln!(out, "    Size: {bits} bit");
            }
            if let Some(curve) = &p.curve {
                let _ = writeln!(out, "    Curve: {curve}");
            }
            for f in &p.lint {
                let _ = writeln!(out, "    {:?}: {} ({})", f.severity, f.message, f.source);
            }
        }
        Report::OcspRequest(request) => {
            let _ = writeln!(out, "OCSP Request:");
            for id in &request.requests {
                cert_id(&mut out, id);
            }
            if let Some(nonce) = &request.nonce {
                let _ = writeln!(out, "    Nonce: {nonce}");
            }
            if request.signed {
                let _ = writeln!(
                    out,
                    "    Signed by: {}",
                    request.requestor.as_deref().unwrap_or("?")
                );
            }
        }
        Report::OcspResponse(response) => ocsp_response(&mut out, response),
    }
    out
}

fn cert_id(out: &mut String, id: &CertIdReport) {
    let _ = writeln!(out, "    Certificate ID:");
    let _ = writeln!(out, "      Hash Algorithm: {}", id.hash_algorithm);
    let _ = writeln!(out, "      Issuer Name Hash: {}", id.issuer_name_hash);
    let _ = writeln!(out, "      Issuer Key Hash: {}", id.issuer_key_hash);
    let _ = writeln!(out, "      Serial Number: {}", id.serial);
}

fn ocsp_response(out: &mut String, r: &OcspResponseReport) {
    let _ = writeln!(out, "OCSP Response:");
    let _ = writeln!(out, "    Response Status: {}", r.status);
    if let Some(responder) = &r.responder {
        let id = match (&responder.name, &responder.key_hash) {
            (Some(name), _) => name.clone(),
            (None, Some(hash)) => format!("key SHA-1 {hash}"),
            (None, None) => String::new(),
        };
        let _ = writeln!(out, "    Responder Id: {id}");
    }
    if let Some(at) = &r.produced_at {
        let _ = writeln!(out, "    Produced At: {at}");
    }
    for single in &r.responses {
        cert_id(out, &single.cert_id);
        let _ = writeln!(out, "    Cert Status: {}", single.status);
        if let Some(at) = &single.revoked_at {
            let reason = single
                .reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            let _ = writeln!(out, "    Revocation Time: {at}{reason}");
        }
        let _ = writeln!(out, "    This Update: {}", single.this_update);
        let next = single.next_update.as_ref().map(ToString::to_string);
        let _ = writeln!(
            out,
            "    Next Update: {}",
            next.as_deref().unwrap_or("NONE")
        );
    }
    if let Some(nonce) = &r.nonce {
        let _ = writeln!(out, "    Nonce: {nonce}");
    }
    if let Some(algorithm) = &r.signature_algorithm {
        let _ = writeln!(out, "    Signature Algorithm: {algorithm}");
    }
    for subject in &r.certificates {
        let _ = writeln!(out, "    Certificate: {subject}");
    }
    if let Some(check) = &r.signature {
        let verdict = if check.valid { "valid" } else { "INVALID" };
        let whose = match check.block {
            Some(block) => format!("{}, block {block}", check.signer),
            None => format!("{}, carried in the response", check.signer),
        };
        let _ = writeln!(out, "    Signature: {verdict} ({whose})");
    }
    for problem in &r.problems {
        let _ = writeln!(out, "    Problem: {problem}");
    }
}

fn certificate(out: &mut String, c: &CertificateReport) {
    let _ = writeln!(out, "Certificate:");
    let _ = writeln!(out, "    Version: {}", c.version);
    let _ = writeln!(
        out,
        "    Serial Number: {} ({})",
        c.serial, c.serial_decimal
    );
    let _ = writeln!(out, "    Signature Algorithm: {}", c.signature_algorithm);
    let _ = writeln!(out, "    Issuer: {}", c.issuer);
    let _ = writeln!(out, "    Validity");
    let _ = writeln!(out, "        Not Before: {}", c.not_before);
    let _ = writeln!(out, "        Not After : {}", c.not_after);
    let status = match c.validity.status {
        Validity::Valid => format!("valid, expires in {} days", c.validity.days),
        Validity::Expired => format!("EXPIRED {} days ago", c.validity.days),
        Validity::NotYetValid => format!("NOT YET VALID, starts in {} days", c.validity.days),
    };
    let _ = writeln!(out, "        Status    : {status} (at {})", c.validity.at);
    let _ = writeln!(out, "    Subject: {}", c.subject);
    public_key(out, &c.public_key);
    extensions(out, "X509v3 extensions", &c.extensions);
    let _ = writeln!(
        out,
        "    SHA-256 Fingerprint: {}",
        certbench_core::dn::colons(&c.fingerprint_sha256)
    );
    let _ = writeln!(
        out,
        "    SHA-1 Fingerprint: {}",
        certbench_core::dn::colons(&c.fingerprint_sha1)
    );
    let _ = writeln!(out, "    SPKI pin: pin-sha256=\"{}\"", c.spki_sha256_base64);
    if let Some(ari) = &c.ari_id {
        let _ = writeln!(out, "    ARI id: {ari}");
    }
    if c.precertificate {
        let _ = writeln!(
            out,
            "    Precertificate: what a CA logs before issuing (RFC 6962 §3.1); no client accepts it"
        );
    }
    for sct in &c.scts {
        let log = sct
            .log
            .clone()
            .unwrap_or_else(|| format!("log {}", sct.log_id));
        let verdict = match sct.signature_valid {
            Some(true) => "verified",
            Some(false) => "INVALID signature",
            None => "not checked",
        };
        let _ = writeln!(out, "    SCT: {log} at {} ({verdict})", sct.timestamp);
    }
    if let Some(policy) = &c.ct_policy {
        for (browser, v) in [("Chrome", &policy.chrome), ("Apple", &policy.apple)] {
            let answer = match v.compliant {
                Some(true) => "meets",
                Some(false) => "does not meet",
                None => "cannot tell whether it meets",
            };
            let _ = writeln!(out, "    CT policy: {answer} {browser}'s: {}", v.reason);
        }
        let _ = writeln!(out, "        ({})", policy.lists);
    }
}

fn public_key(out: &mut String, key: &PublicKeyReport) {
    let mut line = format!("    Public Key: {}", key.algorithm);
    if let Some(bits) = key.bits {
        let _ = write!(line, " ({bits} bit)");
    }
    if let Some(curve) = &key.curve {
        let _ = write!(line, ", curve {curve}");
    }
    if let Some(e) = key.exponent {
        let _ = write!(line, ", exponent {e}");
    }
    let _ = writeln!(out, "{line}");
    if let Some(thumbprint) = &key.jwk_thumbprint {
        let _ = writeln!(out, "    JWK Thumbprint (RFC 7638): {thumbprint}");
    }
}

fn ssh_key(out: &mut String, key: &certbench_core::decode::ssh::SshKeyReport) {
    let _ = writeln!(out, "    Type: {} ({} bit)", key.algorithm, key.bits);
    let _ = writeln!(out, "    Fingerprint: {}", key.fingerprint_sha256);
    let _ = writeln!(out, "    Fingerprint: {}", key.fingerprint_md5);
    if let Some(comment) = &key.comment {
        let _ = writeln!(out, "    Comment: {comment}");
    }
    if let Some(application) = &key.application {
        let _ = writeln!(out, "    Security key application: {application}");
    }
    if !key.options.is_empty() {
        let _ = writeln!(out, "    Options: {}", key.options.join(" "));
    }
    if let Some(marker) = &key.marker {
        let _ = writeln!(out, "    Marker: {marker}");
    }
    if !key.hosts.is_empty() {
        let _ = writeln!(out, "    Hosts: {}", key.hosts.join(", "));
    }
    if let Some(public) = &key.public_key
        && let Some(thumbprint) = &public.jwk_thumbprint
    {
        let _ = writeln!(out, "    JWK Thumbprint (RFC 7638): {thumbprint}");
    }
    if !key.matches.is_empty() {
        let blocks: Vec<String> = key.matches.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "    Same key as block {}", blocks.join(", "));
    }
    for f in &key.lint {
        let _ = writeln!(out, "    {:?}: {} ({})", f.severity, f.message, f.source);
    }
}

fn extensions(out: &mut String, title: &str, exts: &[ExtensionReport]) {
    if exts.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {title}:");
    for e in exts {
        let _ = writeln!(
            out,
            "        {}{}:",
            e.name,
            if e.critical { " (critical)" } else { "" }
        );
        for line in &e.value {
            let _ = writeln!(out, "            {line}");
        }
    }
}

/// The valid_policy_tree, a node a line, each level indented below its parent.
fn policy_tree(out: &mut String, node: &certbench_core::verify::PolicyNode, depth: usize) {
    let name = node
        .name
        .as_ref()
        .map_or(String::new(), |n| format!(" ({n})"));
    let mapped = node
        .mapped_to()
        .map_or(String::new(), |to| format!(" -> expects {}", to.join(", ")));
    let _ = writeln!(out, "{}{}{name}{mapped}", "  ".repeat(depth), node.policy);
    for child in &node.children {
        policy_tree(out, child, depth + 1);
    }
}

pub(crate) fn verdict(v: &Verdict) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", if v.valid { "valid" } else { "INVALID" });
    if v.reordered {
        let _ = writeln!(
            out,
            "(the bundle was not in leaf-to-root order; certbench reordered it)"
        );
    }
    for (depth, subject) in v.path.iter().enumerate() {
        let _ = writeln!(out, "{}{}", "  ".repeat(depth), subject);
    }
    for check in &v.checks {
        let _ = writeln!(
            out,
            "  [{}] depth {} {}: {}",
            if check.ok { " ok " } else { "FAIL" },
            check.depth,
            check.check,
            check.detail
        );
    }
    for error in &v.errors {
        let _ = writeln!(
            out,
            "error {}: {} ({}; OpenSSL {}; Chromium {})",
            error.code, error.message, error.rfc, error.openssl, error.chromium
        );
    }
    if !v.policies.authority_constrained.is_empty() {
        let _ = writeln!(
            out,
            "policies: {} (accepted: {})",
            v.policies.authority_constrained.join(", "),
            v.policies.user_constrained.join(", ")
        );
    }
    if let Some(root) = &v.policies.tree {
        let _ = writeln!(out, "policy tree:");
        policy_tree(&mut out, root, 1);
    }
    for note in &v.policies.notes {
        let _ = writeln!(out, "policy: {note}");
    }
    if let Some(other) = &v.other_profile {
        let _ = writeln!(
            out,
            "{} rules: {} ({})",
            other.profile.name(),
            if other.valid { "valid" } else { "INVALID" },
            other.reason
        );
    }
    out
}

pub(crate) fn cipher(e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", e.iana, e.code);
    let mut rows = e.rows();
    rows.push(("Rating", format!("{:?}", e.rating).to_ascii_lowercase()));
    for (name, value) in rows {
        let _ = writeln!(out, "  {name:<32} {value}");
    }
    for reason in e.reasons.iter().chain(&e.notes) {
        let _ = writeln!(out, "  - {reason}");
    }
    out
}

/// A group, signature scheme, protocol version or ALPN id, as `certbench cipher` prints it.
pub(crate) fn registry_entry(e: &certbench_core::cipher::registries::RegistryEntry) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}, {})",
        e.name,
        e.registry.replace('_', " "),
        e.code
    );
    let rows = [
        ("What", e.what.clone()),
        ("Strength", e.strength.clone()),
        (
            "Post-quantum",
            if e.post_quantum { "yes" } else { "no" }.to_string(),
        ),
        ("OpenSSL spelling", e.openssl.join(", ")),
        ("IANA recommended", e.recommended.clone()),
        ("Defined in", e.reference.clone()),
    ];
    for (name, value) in rows.into_iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "  {name:<32} {value}");
    }
    for note in &e.notes {
        let _ = writeln!(out, "  - {note}");
    }
    out
}
