//! The lint rule registry: every rule's metadata complete and its id unique, every rule raised
//! somewhere, and docs/lint.md generated from it and current.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::lint::{RULES, rule, rules};

#[test]
fn every_rule_is_complete_and_its_id_unique() {
    let all = rules();
    assert!(all.len() > RULES.len(), "the profile rules are listed");
    for (i, (r, d)) in all.iter().enumerate() {
        assert!(
            all[..i].iter().all(|(o, _)| o.id != r.id),
            "{} is registered twice",
            r.id
        );
        for (field, text) in [
            ("code", r.code),
            ("source", r.source),
            ("what", &*d.what),
            ("why", &*d.why),
            ("fix", &*d.fix),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {field}", r.id);
        }
        assert!(
            r.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{}: ids are snake_case",
            r.id
        );
        if let Some(day) = r.effective {
            assert!(
                certbench_core::UnixTime::parse_rfc3339(&format!("{day}T00:00:00Z")).is_ok(),
                "{}: effective {day} is no date",
                r.id
            );
        }
        for name in d.zlint.iter() {
            assert!(
                ["e_", "w_", "n_"].iter().any(|p| name.starts_with(p)),
                "{}: {name} is no zlint lint name",
                r.id
            );
        }
        for code in d.pkilint.iter() {
            assert!(code.contains('.'), "{}: {code} is no pkilint code", r.id);
        }
        assert_eq!(rule(r.id).map(|(found, _)| found.id), Some(r.id));
    }
}

/// Each rule is raised by lint's code: a rule nobody raises would be documented for nothing.
#[test]
fn every_rule_is_raised_somewhere() {
    // The code of every file of lint/ but the registry itself.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lint");
    let code: String = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|f| f.file_name() != "registry.rs")
        .map(|f| std::fs::read_to_string(f.path()).unwrap())
        .collect();
    let registry =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lint/registry.rs"))
            .unwrap();
    let names: Vec<&str> = registry
        .lines()
        .filter_map(|l| {
            l.strip_prefix("    ")?
                .split_once(" = { id: ")
                .map(|(name, _)| name)
        })
        .collect();
    assert_eq!(names.len(), RULES.len(), "one constant a rule");
    for name in names {
        assert!(code.contains(&format!("&{name}")), "{name} is never raised");
    }
}

#[test]
fn docs_lint_md_is_generated_from_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/lint.md");
    let generated = certbench_core::lint::markdown();
    if std::env::var_os("CERTBENCH_WRITE_DOCS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/lint.md is stale: run CERTBENCH_WRITE_DOCS=1 cargo test -p certbench-core --test lint_registry"
    );
}
