//! `certbench calendar`: when each certificate of a bundle expires, as iCalendar.

use crate::Failure;
use crate::io::{now, read_input, write_file};
use certbench_core::{calendar, inspect};
use std::path::PathBuf;

pub(crate) fn run_calendar(file: Option<PathBuf>, out: Option<PathBuf>) -> Result<u8, Failure> {
    let now = now();
    let input = read_input(file.as_ref())?;
    let blocks = inspect::decode(&input, now)?;
    let mut failed = false;
    let mut certs = Vec::new();
    for block in &blocks {
        match block {
            Ok(d) => certs.extend(d.certificates()),
            Err(e) => {
                failed = true;
                eprintln!("certbench: {e}");
            }
        }
    }
    if certs.is_empty() {
        return Err(Failure(2, "no certificate in the input".into()));
    }
    let ics = calendar::ics(&certs, now);
    match out {
        Some(path) => write_file(&path, ics.as_bytes())?,
        None => print!("{ics}"),
    }
    Ok(u8::from(failed))
}
