//! Two inputs compared field by field (what changed at a renewal): each block's report as its
//! JSON has it, under the JSON's field names, with what only describes the moment or the
//! encoding (validity status, findings, hex dumps, positions) left out.

use crate::decode::Decoded;
use crate::json::{Value, value::to_value};
use serde::Serialize;

/// One field that differs: its JSON path and its value in each input (`None`: absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// `subject`, `not_after`, `extensions[subjectAltName].value`, `blocks[1].issuer`.
    pub field: String,
    /// In the first input.
    pub a: Option<String>,
    /// In the second input.
    pub b: Option<String>,
}

/// Fields not compared: where the block was, judgements that follow from the rest, and
/// long encodings other fields summarise (the fingerprint for the signature, the thumbprint
/// for the key).
const LEFT_OUT: [&str; 17] = [
    "block",
    "item",
    "label",
    "line",
    "encoding",
    "lint",
    "validity",
    "lint_profile",
    "linted_as",
    "public_hex",
    "signature_hex",
    "fingerprint_sha1",
    "serial_decimal",
    "subject_attributes",
    "issuer_attributes",
    "matches",
    "about",
];

/// A leaf value as text; `None` for null.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) | Value::String(n) => Some(n.clone()),
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(
            items
                .iter()
                .map(|item| text(item).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(match items.iter().all(|i| matches!(i, Value::Array(_))) {
                    true => "; ",
                    false => ", ",
                }),
        ),
        Value::Object(members) => Some(
            members
                .iter()
                .map(|(name, v)| format!("{name}: {}", text(v).unwrap_or_default()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// `value` flattened into (path, text) pairs, in order. Objects nest with `.`; a list of
/// objects that all have a `name` is keyed by it (`extensions[keyUsage]`), another by index;
/// a list of plain values is one field.
fn flatten(path: &str, value: &Value, out: &mut Vec<(String, Option<String>)>) {
    let join = |name: &str| match path.is_empty() {
        true => name.to_string(),
        false => format!("{path}.{name}"),
    };
    match value {
        Value::Object(members) => {
            for (name, v) in members {
                if !LEFT_OUT.contains(&name.as_str()) {
                    flatten(&join(name), v, out);
                }
            }
        }
        Value::Array(items) if items.iter().any(|i| matches!(i, Value::Object(_))) => {
            let names: Option<Vec<&str>> = items.iter().map(|i| i.get("name")?.as_str()).collect();
            for (index, item) in items.iter().enumerate() {
                let key = match &names {
                    Some(names) => names[index].to_string(),
                    None => index.to_string(),
                };
                flatten(&format!("{path}[{key}]"), item, out);
            }
        }
        leaf => out.push((path.to_string(), text(leaf))),
    }
}

/// The fields of a block.
fn fields(block: &Decoded, prefix: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    match to_value(block) {
        Ok(tree) => flatten(prefix, &tree, &mut out),
        Err(e) => out.push((format!("{prefix}error"), Some(e.to_string()))),
    }
    out
}

/// What differs between inputs `a` and `b`, block by block in order; empty when they say the
/// same. Paths are prefixed `blocks[N].` when either input has several blocks.
pub fn diff(a: &[Decoded], b: &[Decoded]) -> Vec<Difference> {
    let several = a.len() > 1 || b.len() > 1;
    let mut out = Vec::new();
    if a.len() != b.len() {
        out.push(Difference {
            field: "blocks".into(),
            a: Some(a.len().to_string()),
            b: Some(b.len().to_string()),
        });
    }
    for index in 0..a.len().max(b.len()) {
        let prefix = match several {
            true => format!("blocks[{}]", index + 1),
            false => String::new(),
        };
        let side = |blocks: &[Decoded]| {
            blocks
                .get(index)
                .map(|d| fields(d, &prefix))
                .unwrap_or_default()
        };
        let (left, right) = (side(a), side(b));
        for (field, value) in &left {
            let other = right
                .iter()
                .find(|(f, _)| f == field)
                .and_then(|(_, v)| v.clone());
            if *value != other {
                out.push(Difference {
                    field: field.clone(),
                    a: value.clone(),
                    b: other,
                });
            }
        }
        for (field, value) in &right {
            if value.is_some() && !left.iter().any(|(f, _)| f == field) {
                out.push(Difference {
                    field: field.clone(),
                    a: None,
                    b: value.clone(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(name: &str) -> Vec<Decoded> {
        let text = std::fs::read(format!(
            "{}/../../tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        crate::inspect::decode(&text, crate::UnixTime(1_893_456_000))
            .unwrap()
            .into_iter()
            .flatten()
            .collect()
    }

    #[test]
    fn a_certificate_is_the_same_as_itself_and_differs_from_another_where_it_does() {
        let leaf = decoded("leaf.pem");
        assert!(diff(&leaf, &leaf).is_empty());
        // Its DER, read as DER: the same certificate.
        assert!(diff(&leaf, &decoded("leaf.der")).is_empty());
        let int = decoded("int.pem");
        let changes = diff(&leaf, &int);
        let fields: Vec<&str> = changes.iter().map(|d| d.field.as_str()).collect();
        for expected in [
            "subject",
            "issuer",
            "serial",
            "fingerprint_sha256",
            "is_ca",
            "san",
        ] {
            assert!(fields.contains(&expected), "{expected} not in {fields:?}");
        }
        assert!(
            !fields
                .iter()
                .any(|f| f.starts_with("lint") || *f == "validity")
        );
        // Extensions are keyed by name.
        assert!(
            fields
                .iter()
                .any(|f| f.starts_with("extensions[basicConstraints]")),
            "{fields:?}"
        );
        let chain = decoded("fullchain.pem");
        let changes = diff(&leaf, &chain);
        assert_eq!(
            changes[0],
            Difference {
                field: "blocks".into(),
                a: Some("1".into()),
                b: Some("2".into())
            }
        );
        assert!(
            changes
                .iter()
                .any(|d| d.field.starts_with("blocks[2].") && d.a.is_none())
        );
    }
}
