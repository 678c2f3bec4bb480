//! The reports cross to the web app in a binary format (postcard) that writes every field in
//! order and cannot read back a field serde skipped: a report field must never be
//! `skip_serializing_if`. (`Decoded::item` is the one exception: the page reads blocks through
//! its own wire type, which carries it whole.)

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_report_field_is_skipped_when_written() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        for (n, line) in text.lines().enumerate() {
            if line.contains("skip_serializing_if") {
                let next = text.lines().nth(n + 1).unwrap_or_default();
                if !next.contains("pub item: Option<usize>") {
                    found.push(format!("{}:{}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "skip_serializing_if on a report field: {found:?}"
    );
}
