//! `certbench decode`: every block of the input, as `openssl x509/req/pkey/crl -text` would show
//! it, with lint findings.

use crate::io::{read_input, time_or_now};
use crate::{Failure, text};
use certbench_core::{UnixTime, decode, inspect};
use std::path::PathBuf;

pub(crate) fn run_decode(
    file: Option<PathBuf>,
    json: bool,
    at: Option<String>,
    password: Option<String>,
) -> Result<u8, Failure> {
    let now = time_or_now(at)?;
    let input = read_input(file.as_ref())?;
    let (decoded, failed) = decode_all(&input, password.as_deref(), now)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&decoded)?);
    } else {
        for (i, d) in decoded.iter().enumerate() {
            if i > 0 {
                println!();
            }
            print!("{}", text::decoded(d));
        }
    }
    Ok(u8::from(failed))
}

/// Every block of `input`, decoded and judged; with a password, encrypted keys decrypted and
/// PKCS#12 files opened. Blocks that fail are said on standard error; the flag says whether
/// one did.
pub(crate) fn decode_all(
    input: &[u8],
    password: Option<&str>,
    now: UnixTime,
) -> Result<(Vec<decode::Decoded>, bool), Failure> {
    let blocks = inspect::decode(input, now)?;
    let mut decoded = Vec::new();
    let mut failed = false;
    for block in blocks {
        let block = match (block, password) {
            (Ok(d), Some(password)) if matches!(&d.report, decode::Report::PrivateKey(k) if k.encrypted) => {
                inspect::decrypt_private_key(&d, password, now)
            }
            (Ok(d), Some(password))
                if matches!(&d.report, decode::Report::SshPrivateKey(k)
                    if k.encryption.as_ref().is_some_and(|e| e.encrypted)) =>
            {
                decode::ssh::decrypt(&d, password)
            }
            (Ok(d), Some(password)) if matches!(d.report, decode::Report::Pkcs12(_)) => {
                match inspect::open_pkcs12(&d, password, now) {
                    Ok(mut contents) => {
                        inspect::complete(&mut contents);
                        for inner in contents {
                            match inner {
                                Ok(inner) => decoded.push(inner),
                                Err(e) => {
                                    failed = true;
                                    eprintln!("certbench: {e}");
                                }
                            }
                        }
                        continue;
                    }
                    Err(e) => Err(e),
                }
            }
            (block, _) => block,
        };
        match block {
            Ok(d) => decoded.push(d),
            Err(e) => {
                failed = true;
                eprintln!("certbench: {e}");
            }
        }
    }
    // Keys decrypted above, or found in a PKCS#12 file, match certificates too.
    decode::link_keys(decoded.iter_mut());
    Ok((decoded, failed))
}
