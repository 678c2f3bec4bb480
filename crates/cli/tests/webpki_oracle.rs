//! Differential testing: rustls-webpki (a test oracle, never shipped) judges every x509-limbo
//! case certbench judges. Where the two disagree, the case must be listed with its reason in
//! tests/limbo/webpki-differences.json; a listed case that now agrees must leave the list.
//! Skips with a message when ../shared/x509-limbo is absent.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;
#[path = "../../core/tests/common/split_mix.rs"]
mod split_mix;

use common::{limbo_path, limbo_results};
use rustls_pki_types::{
    AlgorithmIdentifier, CertificateDer, InvalidSignature, ServerName,
    SignatureVerificationAlgorithm, UnixTime, alg_id,
};
use sha2::Digest;
use signature::hazmat::PrehashVerifier;
use split_mix::SplitMix;
use std::collections::BTreeMap;
use std::path::Path;

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
    // CRLs given: revocation checked for the leaf, unknown status refused (limbo's harness
    // semantics, as certbench's limbo command applies them).
    let crls: Vec<webpki::CertRevocationList> = match case["crls"].as_array() {
        Some(list) => list
            .iter()
            .map(|pem| {
                let der = der(pem)?;
                webpki::OwnedCertRevocationList::from_der(&der)
                    .ok()
                    .map(Into::into)
            })
            .collect::<Option<_>>()?,
        None => Vec::new(),
    };
    let crl_refs: Vec<&webpki::CertRevocationList> = crls.iter().collect();
    let revocation = webpki::RevocationOptionsBuilder::new(&crl_refs)
        .ok()
        .map(|builder| {
            builder
                .with_depth(webpki::RevocationCheckDepth::EndEntity)
                .with_status_policy(webpki::UnknownStatusPolicy::Deny)
                .build()
        });
    if leaf
        .verify_for_usage(
            &algs,
            &anchors,
            &intermediates,
            time,
            usage,
            revocation,
            None,
        )
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
    let Some(limbo_path) = limbo_path() else {
        return;
    };
    let limbo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&limbo_path).unwrap()).unwrap();
    let ours = limbo_results(&limbo_path, &[]);
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

/// Random chains from certbench's generator: 0-3 intermediates, random path lengths, name
/// constraints, validity windows, EKU profiles and host names. certbench and webpki must agree
/// on every one, except where the trust anchor's own pathLenConstraint decides (certbench and
/// OpenSSL enforce it; webpki does not).
#[test]
fn certbench_and_webpki_agree_on_random_chains() {
    use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject};
    use certbench_core::verify::{self as cb, Options, Purpose};
    use der::Encode;
    use rand_core::Rng;
    let mut rng = SplitMix(2026);
    let now = certbench_core::UnixTime(1_893_456_000);
    let day = 86_400;
    let algs: Vec<&dyn SignatureVerificationAlgorithm> = ALGS
        .iter()
        .map(|a| a as &dyn SignatureVerificationAlgorithm)
        .collect();
    let mut disagreements = Vec::new();
    let mut anchor_pathlen_cases = 0;
    let cases = 80;
    for case in 0..cases {
        let pick = |rng: &mut SplitMix, n: u64| rng.next_u64() % n;
        let key_type = [KeyType::P256, KeyType::P384, KeyType::Ed25519][pick(&mut rng, 3) as usize];
        let window = |rng: &mut SplitMix| match pick(rng, 6) {
            0 => (now.plus_seconds(-400 * day), now.plus_seconds(-10 * day)),
            1 => (now.plus_seconds(10 * day), now.plus_seconds(400 * day)),
            _ => (now.plus_seconds(-30 * day), now.plus_seconds(300 * day)),
        };
        let root_key = KeyPair::generate(key_type, &mut rng).unwrap();
        let mut req = Request::new(
            Profile::Root,
            Subject::common_name(&format!("Root {case}")),
            vec![],
            now,
            3650,
        );
        req.path_len = [None, Some(0), Some(1)][pick(&mut rng, 3) as usize];
        let root = generate::issue(
            &req,
            &root_key.public_key_info().unwrap(),
            IssuedBy::Itself(&root_key),
            now,
            &mut rng,
        )
        .unwrap();
        let (mut issuer, mut issuer_key) = (root.clone(), root_key);
        let mut intermediates = Vec::new();
        for depth in 0..pick(&mut rng, 4) {
            let key = KeyPair::generate(key_type, &mut rng).unwrap();
            let mut req = Request::new(
                Profile::Intermediate,
                Subject::common_name(&format!("Int {case}.{depth}")),
                vec![],
                now,
                3650,
            );
            req.path_len = [None, None, Some(0), Some(1)][pick(&mut rng, 4) as usize];
            if pick(&mut rng, 3) == 0 {
                req.permitted = vec!["DNS:example.test".into()];
            }
            (req.not_before, req.not_after) = window(&mut rng);
            let Ok(cert) = issued_by(&req, &key, &issuer, &issuer_key, &mut rng) else {
                continue;
            };
            intermediates.push(cert.clone());
            (issuer, issuer_key) = (cert, key);
        }
        let profile = if pick(&mut rng, 4) == 0 {
            Profile::Client
        } else {
            Profile::Server
        };
        let names = [
            "www.example.test",
            "*.example.test",
            "evil.test",
            "api.other.test",
        ];
        let san = vec![format!("DNS:{}", names[pick(&mut rng, 4) as usize])];
        let key = KeyPair::generate(key_type, &mut rng).unwrap();
        let mut req = Request::new(profile, Subject::common_name("leaf"), san, now, 90);
        (req.not_before, req.not_after) = window(&mut rng);
        let Ok(leaf) = issued_by(&req, &key, &issuer, &issuer_key, &mut rng) else {
            continue;
        };
        let host = ["www.example.test", "a.example.test", "evil.test"][pick(&mut rng, 3) as usize];
        // certbench
        let mut options = Options::at(now);
        options.host = Some(host.into());
        options.purpose = Some(Purpose::Server);
        let verdict = cb::verify_peer(&leaf, &intermediates, std::slice::from_ref(&root), &options);
        let ours = verdict.valid;
        // webpki
        let der = |c: &certbench_core::Certificate| CertificateDer::from(c.to_der().unwrap());
        let root_der = der(&root);
        let anchors = vec![webpki::anchor_from_trusted_cert(&root_der).unwrap()];
        let ints: Vec<CertificateDer> = intermediates.iter().map(der).collect();
        let leaf_der = der(&leaf);
        let end = webpki::EndEntityCert::try_from(&leaf_der).unwrap();
        let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(now.0 as u64));
        let theirs = end
            .verify_for_usage(
                &algs,
                &anchors,
                &ints,
                time,
                webpki::KeyUsage::server_auth(),
                None,
                None,
            )
            .is_ok()
            && end
                .verify_is_valid_for_subject_name(&ServerName::try_from(host.to_string()).unwrap())
                .is_ok();
        // Deliberate: certbench (like OpenSSL and Chromium) enforces the trust anchor's own
        // pathLenConstraint; rustls-webpki treats an anchor as a name and key only.
        let anchor_pathlen = !ours
            && theirs
            && verdict.errors.iter().all(|e| e.code == "path_length")
            && verdict
                .checks
                .iter()
                .any(|c| !c.ok && c.check == "path_length" && c.depth == verdict.path.len() - 1);
        if anchor_pathlen {
            anchor_pathlen_cases += 1;
        } else if ours != theirs {
            disagreements.push(format!("case {case}: certbench {ours}, webpki {theirs} (host {host}, {} intermediates): {:?}", intermediates.len(), verdict.errors.iter().map(|e| &e.message).collect::<Vec<_>>()));
        }
    }
    eprintln!(
        "compared {cases} random chains with rustls-webpki; {anchor_pathlen_cases} differ deliberately (anchor pathLenConstraint)"
    );
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// `req` for `key`, signed by `issuer` (with `issuer_key`) at the request's notBefore.
fn issued_by(
    req: &certbench_core::generate::Request,
    key: &certbench_core::generate::KeyPair,
    issuer: &certbench_core::Certificate,
    issuer_key: &certbench_core::generate::KeyPair,
    rng: &mut SplitMix,
) -> Result<certbench_core::Certificate, certbench_core::Error> {
    use certbench_core::generate::{self, IssuedBy};
    generate::issue(
        req,
        &key.public_key_info().unwrap(),
        IssuedBy::Ca {
            cert: issuer,
            key: issuer_key,
        },
        req.not_before,
        rng,
    )
}
