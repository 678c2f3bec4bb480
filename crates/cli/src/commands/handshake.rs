//! `certbench handshake`: a pasted `openssl s_client`, `curl -v` or nmap output explained.

use crate::Failure;
use crate::io::read_input;
use certbench_core::handshake;
use std::path::PathBuf;

/// Exit 0 when the output is read, 2 when it is none certbench knows.
pub(crate) fn run(file: Option<&PathBuf>, json: bool) -> Result<u8, Failure> {
    let input = read_input(file)?;
    let text = String::from_utf8_lossy(&input);
    let h = handshake::read(&text).map_err(|e| Failure(2, e.to_string()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&h)?);
        return Ok(0);
    }
    println!("Read as the output of {}", h.source);
    if let Some(host) = &h.host {
        println!("Host: {host}");
    }
    if let Some(p) = &h.protocol {
        println!("Protocol: {}: {} ({})", p.name, p.what, p.strength);
    }
    if let Some(c) = &h.cipher {
        println!(
            "Cipher suite: {} ({}): {}",
            c.iana,
            c.code,
            format!("{:?}", c.rating).to_ascii_lowercase()
        );
        for reason in &c.reasons {
            println!("  - {reason}");
        }
    }
    if let Some(g) = &h.group {
        println!("Key exchange: {}: {} ({})", g.name, g.what, g.strength);
    }
    if let Some(sig) = &h.peer_signature {
        match &h.signature_scheme {
            Some(s) => println!("Server signature: {sig} = {}: {}", s.name, s.what),
            None => println!("Server signature: {sig}"),
        }
    }
    if let Some(alpn) = &h.alpn {
        println!("ALPN: {alpn}");
    }
    if let Some(session) = &h.session {
        println!("Session: {session}");
    }
    if let Some(ocsp) = &h.ocsp {
        println!("OCSP stapling: {ocsp}");
    }
    for (i, c) in h.certificates.iter().enumerate() {
        println!("Certificate {i}: {} (issued by {})", c.subject, c.issuer);
    }
    for v in &h.verify {
        let depth = v
            .depth
            .map(|d| format!(" at depth {d}"))
            .unwrap_or_default();
        println!(
            "OpenSSL verify {} ({}){depth}: {}",
            v.code, v.text, v.meaning
        );
    }
    for (version, suites) in &h.suites_by_protocol {
        println!("{version}:");
        for s in suites {
            println!(
                "  {:<48} nmap {:<2} certbench {}",
                s.name,
                s.nmap_grade.as_deref().unwrap_or("-"),
                s.rating
                    .map(|r| format!("{r:?}").to_ascii_lowercase())
                    .unwrap_or_else(|| "unknown".into())
            );
        }
    }
    if !h.certificates.is_empty() {
        let file = file
            .filter(|f| f.as_os_str() != "-")
            .map_or("FILE".into(), |f| f.display().to_string());
        let host = h
            .host
            .as_deref()
            .map(|h| format!(" --host {h}"))
            .unwrap_or_default();
        println!("\nVerify the chain it sent: certbench verify {file} --mozilla{host}");
    }
    Ok(0)
}
