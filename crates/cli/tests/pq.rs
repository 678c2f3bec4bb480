//! Post-quantum chains: the LAMPS drafts' ML-KEM certificates, each signed by the ML-DSA
//! example key of its security category (made by another implementation), verify under RFC 5280
//! and are refused by the web PKI profile, which no post-quantum key is part of yet.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::*;

#[test]
fn ml_kem_certificates_verify_under_their_ml_dsa_roots() {
    let pq = fixtures().join("pq");
    let at = |f: &str| pq.join(f).to_str().unwrap().to_string();
    for (kem, dsa) in [("512", "44"), ("768", "65"), ("1024", "87")] {
        let (leaf, root) = (
            at(&format!("ML-KEM-{kem}.crt")),
            at(&format!("ML-DSA-{dsa}.crt")),
        );
        let args = [
            "verify",
            &leaf,
            "--roots",
            &root,
            "--purpose",
            "any",
            "--at",
            "2025-06-01T00:00:00Z",
            "--json",
        ];
        let out = certbench(&[&args[..], &["--profile", "rfc5280"]].concat(), None);
        exits(&out, 0, format!("ML-KEM-{kem} under RFC 5280"));
        assert_eq!(json(&out)["valid"], true);
        let out = certbench(&args, None);
        exits(&out, 1, format!("ML-KEM-{kem} under webpki"));
    }
    // Another category's root did not sign it.
    let out = certbench(
        &[
            "verify",
            &at("ML-KEM-512.crt"),
            "--roots",
            &at("ML-DSA-65.crt"),
            "--purpose",
            "any",
            "--profile",
            "rfc5280",
            "--at",
            "2025-06-01T00:00:00Z",
        ],
        None,
    );
    exits(&out, 1, "wrong root");
}
