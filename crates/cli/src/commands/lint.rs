//! `certbench lint`: the lint findings of every certificate, CRL and set of parameters of the
//! input, and of the bundle.

use crate::Failure;
use crate::io::{read_input, time_or_now};
use certbench_core::inspect;
use std::path::PathBuf;

/// Exit 0 when no finding is an error, 1 when one is, 2 when nothing could be read.
pub(crate) fn run_lint(
    file: Option<PathBuf>,
    json: bool,
    at: Option<String>,
    profile: Option<String>,
) -> Result<u8, Failure> {
    use certbench_core::decode::Report;
    use certbench_core::lint::{self, Severity};
    let profile = match profile.as_deref() {
        None => None,
        Some(text) => Some(lint::Profile::parse(text).ok_or_else(|| {
            let ids: Vec<&str> = lint::PROFILES.iter().map(|(id, ..)| *id).collect();
            Failure(
                2,
                format!(
                    "--profile {text}: not a profile; use one of {} (modifiers after commas: precertificate, legacy, multipurpose, strict)",
                    ids.join(", ")
                ),
            )
        })?),
    };
    let input = read_input(file.as_ref())?;
    let mut blocks = inspect::decode(&input, time_or_now(at)?)?;
    if profile.is_some() {
        for block in blocks.iter_mut().flatten() {
            match &mut block.report {
                Report::Certificate(c) => lint::judge(c, profile),
                Report::Pkcs7(bundle) => bundle
                    .certificates
                    .iter_mut()
                    .for_each(|c| lint::judge(c, profile)),
                _ => {}
            }
        }
        inspect::relate(blocks.iter_mut().flatten());
    }
    let mut certs = Vec::new();
    let mut parameters = Vec::new();
    let mut crls = Vec::new();
    let mut responses = Vec::new();
    let mut jwks = Vec::new();
    let mut ssh_keys = Vec::new();
    let mut ssh_certificates = Vec::new();
    for block in &blocks {
        match block {
            Ok(d) => match &d.report {
                Report::Certificate(c) => certs.push((d.block, c.as_ref())),
                Report::Pkcs7(bundle) => {
                    certs.extend(bundle.certificates.iter().map(|c| (d.block, c)))
                }
                Report::Parameters(p) => parameters.push((d.block, p)),
                Report::Crl(c) => crls.push((d.block, c)),
                Report::OcspResponse(r) => responses.push((d.block, r.as_ref())),
                Report::Jwk(j) => jwks.push((d.block, j.as_ref())),
                Report::SshPublicKey(k) | Report::SshPrivateKey(k) => {
                    ssh_keys.push((d.block, k.as_ref()))
                }
                Report::SshCertificate(c) => ssh_certificates.push((d.block, c.as_ref())),
                _ => {}
            },
            Err(e) => eprintln!("certbench: {e}"),
        }
    }
    if certs.is_empty()
        && parameters.is_empty()
        && crls.is_empty()
        && responses.is_empty()
        && jwks.is_empty()
        && ssh_keys.is_empty()
        && ssh_certificates.is_empty()
    {
        return Err(Failure(
            2,
            "no certificate, CRL, OCSP response, JWK, SSH key or parameters to lint".into(),
        ));
    }
    let bundle = lint::input(&blocks);
    if json {
        let certificates: Vec<_> = certs
            .iter()
            .map(|(block, c)| serde_json::json!({"block": block, "subject": c.subject, "profile": c.lint_profile, "linted_as": c.linted_as, "findings": c.lint}))
            .collect();
        let parameters: Vec<_> = parameters
            .iter()
            .map(|(block, p)| serde_json::json!({"block": block, "algorithm": p.algorithm, "bits": p.bits, "curve": p.curve, "findings": p.lint}))
            .collect();
        let crls: Vec<_> = crls
            .iter()
            .map(|(block, c)| serde_json::json!({"block": block, "issuer": c.issuer, "findings": c.lint}))
            .collect();
        let responses: Vec<_> = responses
            .iter()
            .map(|(block, r)| serde_json::json!({"block": block, "status": r.status, "findings": r.lint}))
            .collect();
        let jwks: Vec<_> = jwks
            .iter()
            .map(|(block, j)| serde_json::json!({"block": block, "kid": j.kid, "kty": j.kty, "findings": j.lint}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "certificates": certificates,
                "bundle": bundle,
                "parameters": parameters,
                "crls": crls,
                "ocsp_responses": responses,
                "jwks": jwks,
                "ssh_keys": ssh_keys
                    .iter()
                    .map(|(block, k)| serde_json::json!({"block": block, "algorithm": k.algorithm, "fingerprint_sha256": k.fingerprint_sha256, "findings": k.lint}))
                    .collect::<Vec<_>>(),
                "ssh_certificates": ssh_certificates
                    .iter()
                    .map(|(block, c)| serde_json::json!({"block": block, "key_id": c.key_id, "cert_type": c.cert_type, "findings": c.lint}))
                    .collect::<Vec<_>>(),
            }))?
        );
    } else {
        let show = |block: usize, what: &str, findings: &[lint::Finding]| {
            println!("block {block}: {what}");
            if findings.is_empty() {
                println!("  no findings");
            }
            for f in findings {
                println!("  {:?}: {} [{}]", f.severity, f.message, f.source);
            }
        };
        for (block, c) in &certs {
            show(
                *block,
                &format!("{} (linted as: {})", c.subject, c.linted_as),
                &c.lint,
            );
        }
        for (block, p) in &parameters {
            show(*block, &format!("{} parameters", p.algorithm), &p.lint);
        }
        for (block, c) in &crls {
            show(*block, &format!("CRL by {}", c.issuer), &c.lint);
        }
        for (block, r) in &responses {
            show(*block, &format!("OCSP response ({})", r.status), &r.lint);
        }
        for (block, j) in &jwks {
            let kid = j.kid.as_deref().unwrap_or("no kid");
            show(*block, &format!("JWK {} ({kid})", j.kty), &j.lint);
        }
        for (block, k) in &ssh_keys {
            show(
                *block,
                &format!("SSH key {} {}", k.algorithm, k.fingerprint_sha256),
                &k.lint,
            );
        }
        for (block, c) in &ssh_certificates {
            show(
                *block,
                &format!("SSH {} certificate \"{}\"", c.cert_type, c.key_id),
                &c.lint,
            );
        }
        for f in &bundle {
            println!("bundle {:?}: {} [{}]", f.severity, f.message, f.source);
        }
    }
    let errors = certs
        .iter()
        .flat_map(|(_, c)| &c.lint)
        .chain(parameters.iter().flat_map(|(_, p)| &p.lint))
        .chain(crls.iter().flat_map(|(_, c)| &c.lint))
        .chain(responses.iter().flat_map(|(_, r)| &r.lint))
        .chain(jwks.iter().flat_map(|(_, j)| &j.lint))
        .chain(ssh_keys.iter().flat_map(|(_, k)| &k.lint))
        .chain(ssh_certificates.iter().flat_map(|(_, c)| &c.lint))
        .chain(&bundle)
        .any(|f| f.severity == Severity::Error);
    Ok(u8::from(errors))
}
