//! `certbench cipher` (one suite explained) and `certbench ciphers` (an OpenSSL cipher string
//! expanded).

use crate::{Failure, text};
use certbench_core::cipher;

/// A suite by any name or code; else a group, signature scheme, protocol version or ALPN id.
pub(crate) fn run_cipher(query: &str, json: bool) -> Result<u8, Failure> {
    let explanation = match cipher::explain(query) {
        Ok(explanation) => explanation,
        Err(e) => {
            let Some(entry) = cipher::registries::explain(query, true) else {
                return Err(Failure(1, e.to_string()));
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&entry)?);
            } else {
                print!("{}", text::registry_entry(&entry));
            }
            return Ok(0);
        }
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&explanation)?);
    } else {
        print!("{}", text::cipher(&explanation));
    }
    Ok(0)
}

/// Exit 0 when the string expands, 1 when nothing matches or it is malformed.
pub(crate) fn run_ciphers(string: &str, json: bool) -> Result<u8, Failure> {
    let expansion = cipher::string::expand(string).map_err(|e| Failure(1, e.to_string()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&expansion)?);
    } else {
        for s in &expansion.suites {
            println!(
                "{:<31} {:<7} Kx={:<8} Au={:<5} Enc={:<22} Mac={:<6} {:?}",
                s.openssl, s.version, s.kx, s.au, s.enc, s.mac, s.rating
            );
        }
        for note in &expansion.notes {
            eprintln!("certbench: note: {note}");
        }
        eprintln!("certbench: the same with OpenSSL: {}", expansion.command);
        println!(
            "{} suites; worst: {:?}",
            expansion.suites.len(),
            expansion.rating
        );
    }
    Ok(0)
}
