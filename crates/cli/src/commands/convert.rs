//! `certbench convert`: keys and certificates to PEM, DER, JWK or OpenSSH, private parts only
//! when asked for.

use super::decode::decode_all;
use crate::Failure;
use crate::flags::ConvertTo;
use crate::io::{now, read_input, write_file, write_key};
use certbench_core::convert::{self, Target};
use std::io::Write;
use std::path::PathBuf;

pub(crate) fn run_convert(
    file: Option<PathBuf>,
    to: ConvertTo,
    private: bool,
    out: Option<PathBuf>,
    password: Option<String>,
) -> Result<u8, Failure> {
    let input = read_input(file.as_ref())?;
    let (blocks, failed) = decode_all(&input, password.as_deref(), now())?;
    if failed {
        return Err(Failure(
            2,
            "a block of the input could not be read (above)".into(),
        ));
    }
    let target = match to {
        ConvertTo::Jwk => Target::Jwk,
        ConvertTo::Pem => Target::Pem,
        ConvertTo::Der => Target::Der,
        ConvertTo::Ssh => Target::Ssh,
    };
    let converted = convert::convert(&blocks, target, private)?;
    if converted.private {
        eprintln!(
            "certbench: warning: the output holds a private key; keep it secret (never publish it in a JWK Set)"
        );
    }
    match out {
        Some(path) if converted.private => write_key(&path, &converted.bytes)?,
        Some(path) => write_file(&path, &converted.bytes)?,
        None => std::io::stdout()
            .write_all(&converted.bytes)
            .map_err(|e| Failure(2, format!("standard output: {e}")))?,
    }
    Ok(0)
}
