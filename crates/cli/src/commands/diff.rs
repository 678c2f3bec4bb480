//! `certbench diff`: two inputs compared field by field.

use super::decode::decode_all;
use crate::Failure;
use crate::io::{now, read_input};
use certbench_core::diff;
use std::path::{Path, PathBuf};

pub(crate) fn run_diff(
    a: &Path,
    b: &Path,
    json: bool,
    password: Option<String>,
) -> Result<u8, Failure> {
    let now = now();
    let read = |path: &Path| -> Result<_, Failure> {
        let input = read_input(Some(&PathBuf::from(path)))?;
        let (blocks, failed) = decode_all(&input, password.as_deref(), now)
            .map_err(|Failure(_, e)| Failure(2, format!("{}: {e}", path.display())))?;
        if failed || blocks.is_empty() {
            return Err(Failure(
                2,
                format!("{}: a block could not be read (above)", path.display()),
            ));
        }
        Ok(blocks)
    };
    let differences = diff::diff(&read(a)?, &read(b)?);
    if json {
        println!("{}", serde_json::to_string_pretty(&differences)?);
    } else if differences.is_empty() {
        println!(
            "identical: {} and {} say the same",
            a.display(),
            b.display()
        );
    } else {
        for d in &differences {
            println!("{}", d.field);
            println!("  - {}", d.a.as_deref().unwrap_or("(absent)"));
            println!("  + {}", d.b.as_deref().unwrap_or("(absent)"));
        }
    }
    Ok(u8::from(!differences.is_empty()))
}
