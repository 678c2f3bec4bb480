//! `certbench ocsp request`: the request a browser page cannot send, written for curl or
//! `openssl ocsp`.

use crate::Failure;
use crate::flags::OcspAction;
use crate::io::{read_certificates, write_file};
use certbench_core::generate::{OcspFiles, ocsp_request};
use getrandom::rand_core::TryRng;

pub(crate) fn run_ocsp(action: OcspAction) -> Result<u8, Failure> {
    let OcspAction::Request {
        cert,
        issuer,
        out,
        no_nonce,
        json,
    } = action;
    let one = |path: &std::path::PathBuf| -> Result<certbench_core::Certificate, Failure> {
        read_certificates(path)?
            .into_iter()
            .next()
            .ok_or_else(|| Failure(2, format!("{}: no certificate in it", path.display())))
    };
    let (certificate, issuer_cert) = (one(&cert)?, one(&issuer)?);
    let mut nonce = [0u8; 16];
    getrandom::SysRng
        .try_fill_bytes(&mut nonce)
        .map_err(|e| Failure(2, format!("no randomness for the nonce: {e}")))?;
    let files = OcspFiles {
        cert: &cert.display().to_string(),
        issuer: &issuer.display().to_string(),
        request: &out.display().to_string(),
    };
    let made = ocsp_request(
        &certificate,
        &issuer_cert,
        (!no_nonce).then_some(&nonce[..]),
        &files,
    )?;
    write_file(&out, &made.der)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&made)?);
        return Ok(0);
    }
    println!(
        "OCSP request for serial {} (issuer {}) written to {} ({} bytes).",
        made.serial,
        made.issuer,
        out.display(),
        made.der.len()
    );
    match &made.url {
        Some(url) => println!("Responder (authorityInfoAccess): {url}"),
        None => println!("The certificate names no responder: put its URL for RESPONDER_URL."),
    }
    println!("Send it and read the answer:");
    for command in &made.commands {
        println!("  {command}");
    }
    Ok(0)
}
