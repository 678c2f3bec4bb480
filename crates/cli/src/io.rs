//! What every command needs of the system: the clock, standard input and files.

use crate::Failure;
use certbench_core::{UnixTime, decode};
use std::{io::Read, path::PathBuf};

pub(crate) fn now() -> UnixTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    UnixTime(i64::try_from(secs).unwrap_or(i64::MAX))
}

pub(crate) fn time_or_now(at: Option<String>) -> Result<UnixTime, Failure> {
    Ok(match at {
        Some(text) => UnixTime::parse_rfc3339(&text)?,
        None => now(),
    })
}

pub(crate) fn read_input(file: Option<&PathBuf>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            bytes =
                std::fs::read(path).map_err(|e| Failure(2, format!("{}: {e}", path.display())))?;
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure(2, format!("standard input: {e}")))?;
        }
    }
    Ok(bytes)
}

pub(crate) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| Failure(2, format!("{}: {e}", path.display())))
}

/// Private keys are written readable by the owner only, as `openssl genpkey` does.
pub(crate) fn write_key(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    write_file(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Failure(2, format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// The certificates in a file; any block that is not one makes the input unusable.
pub(crate) fn read_certificates(
    path: &PathBuf,
) -> Result<Vec<certbench_core::Certificate>, Failure> {
    let input = read_input(Some(path))?;
    decode::read_certificates(&input).map_err(|e| Failure(2, format!("{}: {e}", path.display())))
}

/// The OCSP responses in the file at `path`, ready for revocation checking; an unsuccessful
/// or unreadable one is unusable input, with why.
pub(crate) fn read_ocsp(
    path: &PathBuf,
) -> Result<Vec<certbench_core::verify::OcspAnswer>, Failure> {
    let input = read_input(Some(path))?;
    let unusable = |e: String| Failure(2, format!("{}: {e}", path.display()));
    decode::read_ocsp_responses(&input)
        .map_err(|e| unusable(e.to_string()))?
        .iter()
        .map(|r| certbench_core::verify::OcspAnswer::new(r).map_err(unusable))
        .collect()
}

/// The CRLs in the file at `path` (PEM or DER), ready for revocation checking.
pub(crate) fn read_crls(path: &PathBuf) -> Result<Vec<certbench_core::verify::Crl>, Failure> {
    let input = read_input(Some(path))?;
    let lists =
        decode::read_crls(&input).map_err(|e| Failure(2, format!("{}: {e}", path.display())))?;
    Ok(lists
        .into_iter()
        .map(certbench_core::verify::Crl::new)
        .collect())
}
