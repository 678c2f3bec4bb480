//! JSON Web Key rules (RFC 7517, RFC 7518, RFC 8037): what a JWK's members say against the
//! key they carry.

use super::finding;
use super::registry::*;
use crate::decode::jwk::JwkReport;
use crate::finding::Finding;

/// The key types and curves each JWS/JWE `alg` works with (RFC 7518 §3.1 and §4.1, RFC 8037
/// §3, RFC 8812 §3.2): (alg, kty, crv or `None` for any).
const ALG_KEYS: &[(&str, &str, Option<&str>)] = &[
    ("RS256", "RSA", None),
    ("RS384", "RSA", None),
    ("RS512", "RSA", None),
    ("PS256", "RSA", None),
    ("PS384", "RSA", None),
    ("PS512", "RSA", None),
    ("RSA1_5", "RSA", None),
    ("RSA-OAEP", "RSA", None),
    ("RSA-OAEP-256", "RSA", None),
    ("ES256", "EC", Some("P-256")),
    ("ES384", "EC", Some("P-384")),
    ("ES512", "EC", Some("P-521")),
    ("ES256K", "EC", Some("secp256k1")),
    ("EdDSA", "OKP", Some("Ed25519")),
    ("EdDSA", "OKP", Some("Ed448")),
    ("Ed25519", "OKP", Some("Ed25519")),
    ("Ed448", "OKP", Some("Ed448")),
    ("ECDH-ES", "EC", None),
    ("ECDH-ES+A128KW", "EC", None),
    ("ECDH-ES+A192KW", "EC", None),
    ("ECDH-ES+A256KW", "EC", None),
    ("ECDH-ES", "OKP", Some("X25519")),
    ("ECDH-ES", "OKP", Some("X448")),
    ("ECDH-ES+A128KW", "OKP", Some("X25519")),
    ("ECDH-ES+A256KW", "OKP", Some("X25519")),
];

/// The operations `use` allows (RFC 7517 §4.3: the two must agree when both are given).
fn ops_of_use(key_use: &str) -> &'static [&'static str] {
    match key_use {
        "sig" => &["sign", "verify"],
        "enc" => &[
            "encrypt",
            "decrypt",
            "wrapKey",
            "unwrapKey",
            "deriveKey",
            "deriveBits",
        ],
        _ => &[],
    }
}

/// Every finding for one JWK.
pub(super) fn findings(j: &JwkReport) -> Vec<Finding> {
    let mut out = Vec::new();
    if j.private {
        out.push(finding(
            &JWK_PRIVATE,
            "this JWK holds its private key: never publish it in a JWK Set".into(),
        ));
    }
    if j.x5c_key_matches == Some(false) {
        out.push(finding(
            &JWK_X5C_KEY_MISMATCH,
            "the first `x5c` certificate carries another public key than this JWK".into(),
        ));
    }
    if j.x5t_s256_matches == Some(false) {
        out.push(finding(
            &JWK_X5T_MISMATCH,
            "`x5t#S256` is not the SHA-256 of the first `x5c` certificate".into(),
        ));
    }
    if let Some(key_use) = &j.key_use
        && !j.key_ops.is_empty()
    {
        let allowed = ops_of_use(key_use);
        let disagree: Vec<&str> = j
            .key_ops
            .iter()
            .map(String::as_str)
            .filter(|op| !allowed.contains(op))
            .collect();
        let message = match disagree.is_empty() {
            true => format!("both `use` ({key_use}) and `key_ops` are given; keep one"),
            false => format!(
                "`use` is {key_use} but `key_ops` allows {}",
                disagree.join(", ")
            ),
        };
        out.push(finding(&JWK_USE_AND_KEY_OPS, message));
    }
    if let Some(alg) = &j.alg {
        let known: Vec<_> = ALG_KEYS.iter().filter(|(a, ..)| a == alg).collect();
        let fits = known
            .iter()
            .any(|(_, kty, crv)| *kty == j.kty && crv.is_none_or(|c| Some(c) == j.crv.as_deref()));
        if !known.is_empty() && !fits {
            let key = match &j.crv {
                Some(crv) => format!("{} {crv}", j.kty),
                None => j.kty.clone(),
            };
            out.push(finding(
                &JWK_ALG_MISMATCH,
                format!("`alg` {alg} cannot be used with this {key} key"),
            ));
        }
    }
    if let (true, Some(bits)) = (j.kty == "RSA", j.public_key.bits)
        && bits < 2048
    {
        out.push(finding(
            &JWK_RSA_TOO_SHORT,
            format!("RSA-{bits}: RFC 7518 requires 2048 bits or more"),
        ));
    }
    crate::sort::by_key(out, |f| f.severity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{Report, structure};
    use crate::time::UnixTime;

    fn lint_of(json: &str) -> Vec<String> {
        let blocks = structure(json.as_bytes(), UnixTime(0)).unwrap();
        let Ok(crate::decode::Decoded {
            report: Report::Jwk(j),
            ..
        }) = &blocks[0]
        else {
            panic!("{blocks:?}")
        };
        findings(j)
            .into_iter()
            .map(|f| f.code.into_owned())
            .collect()
    }

    const ED: &str =
        r#""kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo""#;

    #[test]
    fn a_plain_public_jwk_is_clean() {
        assert!(lint_of(&format!(r#"{{{ED},"use":"sig","alg":"EdDSA"}}"#)).is_empty());
    }

    #[test]
    fn each_rule_fires_on_what_it_names() {
        let private = format!(r#"{{{ED},"d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}}"#);
        assert_eq!(lint_of(&private), ["jwk_private"]);
        assert_eq!(
            lint_of(&format!(r#"{{{ED},"alg":"ES256"}}"#)),
            ["jwk_alg_mismatch"]
        );
        assert_eq!(
            lint_of(&format!(r#"{{{ED},"use":"sig","key_ops":["encrypt"]}}"#)),
            ["jwk_use_and_key_ops"]
        );
        // An unknown alg is not judged.
        assert!(lint_of(&format!(r#"{{{ED},"alg":"X-private"}}"#)).is_empty());
    }
}
