//! Differential testing: rustls-webpki (a test oracle, never shipped) judges every x509-limbo
//! case certbench judges. Where the two disagree, the case must be listed with its reason in
//! tests/limbo/webpki-differences.json; a listed case that now agrees must leave the list.
//! Skips with a message when ../shared/x509-limbo is absent.

use rustls_pki_types::{
    AlgorithmIdentifier, CertificateDer, InvalidSignature, ServerName,
    SignatureVerificationAlgorithm, UnixTime, alg_id,
};
use sha2::Digest;
use signature::hazmat::PrehashVerifier;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// One signature algorithm for webpki, implemented over RustCrypto (no ring, no C).
struct Alg {
    public_key: AlgorithmIdentifier,
    signature: AlgorithmIdentifier,
    verify: fn(&[u8], &[u8], &[u8]) -> bool,
}

impl std::fmt::Debug for Alg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RustCrypto signature algorithm")
    }
}

impl SignatureVerificationAlgorithm for Alg {
    fn verify_signature(
        &self,
        public_key: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), InvalidSignature> {
        (self.verify)(public_key, message, signature)
            .then_some(())
            .ok_or(InvalidSignature)
    }
    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.public_key
    }
    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.signature
    }
}

fn ecdsa_p256<D: Digest>(key: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let (Ok(key), Ok(sig)) = (
        p256::ecdsa::VerifyingKey::from_sec1_bytes(key),
        p256::ecdsa::DerSignature::from_bytes(sig),
    ) else {
        return false;
    };
    key.verify_prehash(&D::digest(msg), &sig).is_ok()
}

fn ecdsa_p384<D: Digest>(key: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let (Ok(key), Ok(sig)) = (
        p384::ecdsa::VerifyingKey::from_sec1_bytes(key),
        p384::ecdsa::DerSignature::from_bytes(sig),
    ) else {
        return false;
    };
    key.verify_prehash(&D::digest(msg), &sig).is_ok()
}

fn rsa_key(key: &[u8]) -> Option<rsa::PublicKey> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    rsa::PublicKey::from_pkcs1_der(key).ok()
}

fn rsa_pkcs1<D: Digest + rsa::pkcs8::AssociatedOid>(key: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    rsa_key(key).is_some_and(|k| {
        k.verify(rsa::Pkcs1v15Sign::new::<D>(), &D::digest(msg), sig)
            .is_ok()
    })
}

fn rsa_pss<D: Digest + rsa::sha2::digest::FixedOutputReset + Default + Send + Sync + 'static>(
    key: &[u8],
    msg: &[u8],
    sig: &[u8],
) -> bool {
    rsa_key(key).is_some_and(|k| {
        k.verify(rsa::pss::Pss::<D>::default(), &D::digest(msg), sig)
            .is_ok()
    })
}

fn ed25519(key: &[u8], msg: &[u8], sig: &[u8]) -> bool {
    let (Ok(key), Ok(sig)) = (
        <[u8; 32]>::try_from(key),
        ed25519_dalek::Signature::from_slice(sig),
    ) else {
        return false;
    };
    ed25519_dalek::VerifyingKey::from_bytes(&key).is_ok_and(|k| k.verify_strict(msg, &sig).is_ok())
}

static ALGS: &[Alg] = &[
    Alg {
        public_key: alg_id::ECDSA_P256,
        signature: alg_id::ECDSA_SHA256,
        verify: ecdsa_p256::<sha2::Sha256>,
    },
    Alg {
        public_key: alg_id::ECDSA_P256,
        signature: alg_id::ECDSA_SHA384,
        verify: ecdsa_p256::<sha2::Sha384>,
    },
    Alg {
        public_key: alg_id::ECDSA_P384,
        signature: alg_id::ECDSA_SHA256,
        verify: ecdsa_p384::<sha2::Sha256>,
    },
    Alg {
        public_key: alg_id::ECDSA_P384,
        signature: alg_id::ECDSA_SHA384,
        verify: ecdsa_p384::<sha2::Sha384>,
    },
    Alg {
        public_key: alg_id::RSA_ENCRYPTION,
        signature: alg_id::RSA_PKCS1_SHA256,
        verify: rsa_pkcs1::<sha2::Sha256>,
    },
    Alg {
        public_key: alg_id::RSA_ENCRYPTION,
        signature: alg_id::RSA_PKCS1_SHA384,
        verify: rsa_pkcs1::<sha2::Sha384>,
    },
    Alg {
        public_key: alg_id::RSA_ENCRYPTION,
        signature: alg_id::RSA_PKCS1_SHA512,
        verify: rsa_pkcs1::<sha2::Sha512>,
    },
    Alg {
        public_key: alg_id::RSA_ENCRYPTION,
        signature: alg_id::RSA_PSS_SHA256,
        verify: rsa_pss::<sha2::Sha256>,
    },
    Alg {
        public_key: alg_id::RSA_ENCRYPTION,
        signature: alg_id::RSA_PSS_SHA384,
        verify: rsa_pss::<sha2::Sha384>,
    },
    Alg {
        public_key: alg_id::RSA_ENCRYPTION,
        signature: alg_id::RSA_PSS_SHA512,
        verify: rsa_pss::<sha2::Sha512>,
    },
    Alg {
        public_key: alg_id::ED25519,
        signature: alg_id::ED25519,
        verify: ed25519,
    },
];

fn der(pem: &serde_json::Value) -> Option<CertificateDer<'static>> {
    let block = certbench_core::input::read_blocks(pem.as_str()?.as_bytes())
        .ok()?
        .into_iter()
        .next()?
        .ok()?;
    Some(CertificateDer::from(block.der))
}

/// webpki's verdict on one case, or `None` when the case needs something webpki's API lacks.
fn webpki_verdict(case: &serde_json::Value) -> Option<&'static str> {
    if !case["max_chain_depth"].is_null() {
        return None;
    }
    let algs: Vec<&dyn SignatureVerificationAlgorithm> = ALGS
        .iter()
        .map(|a| a as &dyn SignatureVerificationAlgorithm)
        .collect();
    let anchors_der: Vec<CertificateDer> = case["trusted_certs"]
        .as_array()?
        .iter()
        .filter_map(der)
        .collect();
    let anchors: Vec<_> = anchors_der
        .iter()
        .filter_map(|c| webpki::anchor_from_trusted_cert(c).ok())
        .collect();
    let intermediates: Vec<CertificateDer> = case["untrusted_intermediates"]
        .as_array()?
        .iter()
        .filter_map(der)
        .collect();
    let Some(peer) = der(&case["peer_certificate"]) else {
        return Some("FAILURE");
    };
    let Ok(leaf) = webpki::EndEntityCert::try_from(&peer) else {
        return Some("FAILURE");
    };
    let seconds = match case["validation_time"].as_str() {
        Some(t) => certbench_core::UnixTime::parse_rfc3339(t).ok()?.0,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs() as i64,
    };
    let time =
        UnixTime::since_unix_epoch(std::time::Duration::from_secs(u64::try_from(seconds).ok()?));
    let usage = if case["validation_kind"] == "CLIENT" {
        webpki::KeyUsage::client_auth()
    } else {
        webpki::KeyUsage::server_auth()
    };
    if leaf
        .verify_for_usage(&algs, &anchors, &intermediates, time, usage, None, None)
        .is_err()
    {
        return Some("FAILURE");
    }
    let name = case["expected_peer_name"]["value"].as_str();
    match name.map(|n| ServerName::try_from(n.to_string())) {
        Some(Ok(server_name)) if leaf.verify_is_valid_for_subject_name(&server_name).is_err() => {
            Some("FAILURE")
        }
        Some(Err(_)) => Some("FAILURE"),
        _ => Some("SUCCESS"),
    }
}

#[test]
fn certbench_and_webpki_agree_or_the_difference_is_listed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let limbo_path = root.join("../shared/x509-limbo/limbo.json");
    let Ok(text) = std::fs::read_to_string(&limbo_path) else {
        eprintln!("skipping: {} not found", limbo_path.display());
        return;
    };
    let limbo: serde_json::Value = serde_json::from_str(&text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_certbench"))
        .arg("limbo")
        .arg(&limbo_path)
        .arg("--json")
        .output()
        .unwrap();
    let ours: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours: BTreeMap<String, String> = ours["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["actual_result"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut disagreements = BTreeMap::new();
    let mut compared = 0;
    for case in limbo["testcases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        if ours[id] == "SKIPPED" {
            continue;
        }
        let Some(theirs) = webpki_verdict(case) else {
            continue;
        };
        compared += 1;
        if ours[id] != theirs {
            disagreements.insert(
                id.to_string(),
                format!(
                    "certbench {}, webpki {theirs}, expected {}",
                    ours[id],
                    case["expected_result"].as_str().unwrap()
                ),
            );
        }
    }
    let listed: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root.join("tests/limbo/webpki-differences.json")).unwrap(),
    )
    .unwrap();
    let listed = listed["differences"].as_object().unwrap();
    let unlisted: Vec<String> = disagreements
        .iter()
        .filter(|(id, _)| !listed.contains_key(*id))
        .map(|(id, why)| format!("{id}: {why}"))
        .collect();
    let agreed: Vec<&String> = listed
        .keys()
        .filter(|id| !disagreements.contains_key(*id))
        .collect();
    eprintln!(
        "compared {compared} limbo cases with rustls-webpki: {} deliberate differences",
        disagreements.len()
    );
    assert!(compared >= 150, "only {compared} cases compared");
    assert!(
        unlisted.is_empty(),
        "certbench and webpki disagree on:\n{}",
        unlisted.join("\n")
    );
    assert!(
        agreed.is_empty(),
        "they now agree; remove from tests/limbo/webpki-differences.json: {agreed:?}"
    );
}
