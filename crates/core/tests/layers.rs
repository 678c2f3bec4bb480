//! Core's top-level modules form layers, each using only the layers below it: the table in
//! docs/architecture.md ("layer N  module …" lines) is the rule, and this test keeps the code
//! and that table in step. A `use` that climbs a layer (or a cycle, which must climb one) fails
//! here with the file that does it; so does a module the table does not place.
//!
//! What counts is code compiled into the library: `crate::…` paths outside comments and
//! outside `#[cfg(test)]` items (a unit test may use any module).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The layer of each module, from docs/architecture.md.
fn layers() -> BTreeMap<String, u32> {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("../../docs/architecture.md"))
        .expect("docs/architecture.md");
    let mut layers = BTreeMap::new();
    for line in doc.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("layer") {
            continue;
        }
        let Some(Ok(n)) = words.next().map(str::parse::<u32>) else {
            continue;
        };
        for module in words {
            let module = module.trim_end_matches(',');
            assert!(
                layers.insert(module.to_string(), n).is_none(),
                "docs/architecture.md places `{module}` twice"
            );
        }
    }
    assert!(
        !layers.is_empty(),
        "docs/architecture.md has no `layer N …` lines"
    );
    layers
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `source` without comments and without the items `#[cfg(test)]` marks.
fn library_code(source: &str) -> String {
    let mut code = String::new();
    for line in source.lines() {
        let line = match line.find("//") {
            // A `//` inside a string (a URL) is rare in paths that matter; cut it anyway.
            Some(at) => &line[..at],
            None => line,
        };
        code.push_str(line);
        code.push('\n');
    }
    let mut out = String::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Skip the item: to the `;` that ends it, or past its braces.
        let mut depth = 0usize;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                ';' if depth == 0 => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The top-level modules named after each `crate::` in `code`, braces (`crate::{a, b::c}`)
/// opened at their first level.
fn uses(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `certbench_crate::` or `$crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            // Split at the group's own commas; each part starts with a module's name.
            let mut depth = 0usize;
            let mut part = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(leading_word(&part));
                        part.clear();
                        continue;
                    }
                    _ => {}
                }
                part.push(c);
            }
            if !part.trim().is_empty() {
                out.push(leading_word(&part));
            }
        } else {
            out.push(leading_word(rest));
        }
    }
    out
}

/// The identifier `text` starts with, after any spaces.
fn leading_word(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level module `path` belongs to (`decode` for `src/decode/cert.rs`).
fn module_of(src: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(src).expect("under src");
    let first = relative.components().next().expect("a file");
    first
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string()
}

#[test]
fn each_module_uses_only_the_layers_below_it() {
    let layers = layers();
    let src = Path::new(ROOT).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    paths.sort();
    let mut problems = Vec::new();
    for path in &paths {
        let module = module_of(&src, path);
        if module == "lib" {
            continue;
        }
        let Some(&layer) = layers.get(&module) else {
            problems.push(format!("`{module}` is in no layer of docs/architecture.md"));
            continue;
        };
        let code = library_code(&std::fs::read_to_string(path).expect("source"));
        for used in uses(&code) {
            if used == module || used == "Error" || used == "UnixTime" || used == "Certificate" {
                continue; // itself, or lib.rs's re-exports of layer-0 types
            }
            match layers.get(&used) {
                Some(&below) if below < layer => {}
                Some(&other) => problems.push(format!(
                    "{} (`{module}`, layer {layer}) uses `{used}` (layer {other})",
                    path.strip_prefix(ROOT).unwrap_or(path).display()
                )),
                None => problems.push(format!(
                    "{} uses `crate::{used}`, which is in no layer",
                    path.strip_prefix(ROOT).unwrap_or(path).display()
                )),
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_layered_module_exists() {
    let src = Path::new(ROOT).join("src");
    for module in layers().keys() {
        assert!(
            src.join(format!("{module}.rs")).exists() || src.join(module).is_dir(),
            "docs/architecture.md names `{module}`, which is not a module of core"
        );
    }
}

#[test]
fn the_reader_sees_through_braces_tests_and_comments() {
    let code = library_code(
        "use crate::{a, b::{c, d}, e};\n// crate::f\nfn g() { crate::h::i(); }\n#[cfg(test)]\nmod tests { use crate::j; }\nuse crate::k;\n",
    );
    assert_eq!(uses(&code), ["a", "b", "e", "h", "k"]);
}
