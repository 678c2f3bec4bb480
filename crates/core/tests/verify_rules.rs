//! One test per verification rule, on chains certbench generates (and two OpenSSL-made broken
//! issuers from tests/fixtures). Each asserts the failure code and that the message explains it.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use certbench_core::Certificate;
use certbench_core::decode;
use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile};
use certbench_core::verify::{self, Options, Purpose, Verdict};
use common::*;
use der::{Decode, Encode};

fn check(
    bundle: &[&Certificate],
    anchors: &[&Certificate],
    edit: impl FnOnce(&mut Options),
) -> Verdict {
    let mut options = Options::at(NOW);
    edit(&mut options);
    let bundle: Vec<Certificate> = bundle.iter().map(|c| (*c).clone()).collect();
    let anchors: Vec<Certificate> = anchors.iter().map(|c| (*c).clone()).collect();
    verify::verify(&bundle, &anchors, &options)
}

fn assert_fails(verdict: &Verdict, code: &str, words: &str) {
    assert!(!verdict.valid, "expected {code}, got valid");
    let error = verdict
        .errors
        .iter()
        .find(|e| e.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", verdict.errors));
    assert!(
        error.message.contains(words),
        "{code}: `{}` lacks `{words}`",
        error.message
    );
    assert!(
        !error.rfc.is_empty() && !error.openssl.is_empty() && !error.chromium.is_empty(),
        "{code} is not mapped"
    );
}

#[test]
fn a_good_chain_in_any_order_is_valid_and_reordered() {
    let (root, int, leaf) = chain();
    let verdict = check(&[&int.cert, &leaf.cert], &[&root.cert], |o| {
        o.host = Some("www.example.test".into());
        o.purpose = Some(Purpose::Server);
    });
    assert!(verdict.valid, "{:?}", verdict.errors);
    assert!(verdict.reordered);
    assert_eq!(
        verdict.path,
        [
            "CN=www.example.test",
            "CN=Rule Intermediate",
            "CN=Rule Root"
        ]
    );
    assert!(verdict.checks.iter().all(|c| c.ok));
    // Extra unrelated certificates do not disturb path building.
    let stranger = root_named("Stranger");
    assert!(
        check(
            &[&leaf.cert, &stranger.cert, &int.cert],
            &[&root.cert],
            |_| {}
        )
        .valid
    );
}

#[test]
fn expired_intermediate() {
    let root = root("Rule Root", |_| {});
    let int = issue(&root, Profile::Intermediate, "Old Intermediate", &[], |r| {
        r.not_before = NOW.plus_seconds(-400 * DAY);
        r.not_after = NOW.plus_seconds(-10 * DAY);
    });
    let leaf = server(&int, "www.example.test", |r| {
        r.not_before = NOW.plus_seconds(-20 * DAY)
    });
    let verdict = check(&[&leaf.cert, &int.cert], &[&root.cert], |_| {});
    assert_fails(&verdict, "expired", "days before");
    assert!(
        verdict
            .checks
            .iter()
            .any(|c| c.depth == 1 && c.check == "validity" && !c.ok)
    );
}

/// RFC 5280 section 4.1.2.5.1: UTCTime years 50-99 are 1950-1999, so times before 1970 hold.
#[test]
fn times_before_1970_decode_verify_and_expire() {
    let year_1950 = certbench_core::UnixTime::parse_rfc3339("1950-01-01T00:00:00Z").unwrap();
    let root = root("Rule Root", |r| r.not_before = year_1950);
    let int = issue(
        &root,
        Profile::Intermediate,
        "Rule Intermediate",
        &[],
        |r| r.not_before = year_1950,
    );
    let leaf = server(&int, "www.example.test", |r| r.not_before = year_1950);
    let der = leaf.cert.to_der().unwrap();
    // The encoding is UTCTime `500101000000Z`.
    assert!(der.windows(15).any(|w| w == b"\x17\x0d500101000000Z"));
    let report = decode::cert::report(&Certificate::from_der(&der).unwrap(), &der, NOW);
    assert_eq!(report.not_before.to_string(), "1950-01-01T00:00:00Z");
    assert!(check(&[&leaf.cert, &int.cert], &[&root.cert], |_| {}).valid);
    let old = server(&int, "old.example.test", |r| {
        r.not_before = year_1950;
        r.not_after = certbench_core::UnixTime::parse_rfc3339("1969-07-20T20:17:00Z").unwrap();
    });
    assert_fails(
        &check(&[&old.cert, &int.cert], &[&root.cert], |_| {}),
        "expired",
        "days before",
    );
    // Before UTCTime's first year a certificate cannot be made (GeneralizedTime is for 2050 on).
    let mut req = request(Profile::Server, "1949.example.test", &["1949.example.test"]);
    req.not_before = certbench_core::UnixTime::parse_rfc3339("1949-12-31T23:59:59Z").unwrap();
    let made = generate::issue(
        &req,
        &int.key.public_key_info().unwrap(),
        IssuedBy::Ca {
            cert: &int.cert,
            key: &int.key,
        },
        NOW,
        &mut rng(),
    );
    let error = made.unwrap_err().to_string();
    assert!(error.contains("1950 to 9999"), "{error}");
}

#[test]
fn not_yet_valid_leaf_and_clock_choice() {
    let (root, int, _) = chain();
    let leaf = server(&int, "soon.example.test", |r| {
        r.not_before = NOW.plus_seconds(5 * DAY)
    });
    assert_fails(
        &check(&[&leaf.cert, &int.cert], &[&root.cert], |_| {}),
        "not_yet_valid",
        "check the clock",
    );
    assert!(
        check(&[&leaf.cert, &int.cert], &[&root.cert], |o| o.at =
            NOW.plus_seconds(6 * DAY))
        .valid
    );
}

#[test]
fn path_length_exceeded() {
    let root = root("Pathlen Root", |r| r.path_len = Some(0));
    let int1 = intermediate(&root, "Int One");
    let int2 = intermediate(&int1, "Int Two");
    let leaf = server(&int2, "deep.example.test", |_| {});
    assert_fails(
        &check(&[&leaf.cert, &int2.cert, &int1.cert], &[&root.cert], |_| {}),
        "path_length",
        "pathlen:0 allows 0",
    );
}

#[test]
fn wrong_extended_key_usage() {
    let (root, int, _) = chain();
    let client = client(&int);
    let verdict = check(&[&client.cert, &int.cert], &[&root.cert], |o| {
        o.purpose = Some(Purpose::Server)
    });
    assert_fails(&verdict, "extended_key_usage", "serverAuth is needed");
    assert!(
        check(&[&client.cert, &int.cert], &[&root.cert], |o| o.purpose =
            Some(Purpose::Client))
        .valid
    );
}

#[test]
fn issuer_that_is_not_a_ca() {
    let root = fixture_certs("root.pem");
    let mut bundle = fixture_certs("leaf-signed-leaf.pem");
    bundle.extend(fixture_certs("leaf.pem"));
    bundle.extend(fixture_certs("int.pem"));
    let verdict = verify::verify_peer(&bundle[0], &bundle[1..], &root, &Options::at(NOW));
    assert_fails(&verdict, "not_a_ca", "not a CA");
}

#[test]
fn issuer_without_key_cert_sign() {
    let root = fixture_certs("root.pem");
    let bundle = [
        fixture_certs("no-certsign-leaf.pem"),
        fixture_certs("no-certsign-ca.pem"),
    ]
    .concat();
    assert_fails(
        &verify::verify(&bundle, &root, &Options::at(NOW)),
        "key_usage",
        "keyCertSign",
    );
}

#[test]
fn name_constraint_violation() {
    let root = root("NC Root", |_| {});
    let int = issue(&root, Profile::Intermediate, "NC Intermediate", &[], |r| {
        r.permitted = vec!["DNS:example.test".into(), "IP:10.0.0.0/8".into()];
        r.excluded = vec!["DNS:secret.example.test".into()];
    });
    let ok = issue(
        &int,
        Profile::Server,
        "a.example.test",
        &["DNS:a.example.test", "IP:10.1.2.3"],
        |_| {},
    );
    assert!(check(&[&ok.cert, &int.cert], &[&root.cert], |_| {}).valid);
    let outside = server(&int, "evil.test", |_| {});
    assert_fails(
        &check(&[&outside.cert, &int.cert], &[&root.cert], |_| {}),
        "name_constraints",
        "outside the permitted names",
    );
    let ip = issue(
        &int,
        Profile::Server,
        "ip.example.test",
        &["DNS:ip.example.test", "IP:192.168.0.1"],
        |_| {},
    );
    assert_fails(
        &check(&[&ip.cert, &int.cert], &[&root.cert], |_| {}),
        "name_constraints",
        "IP:192.168.0.1",
    );
    let excluded = server(&int, "x.secret.example.test", |_| {});
    assert_fails(
        &check(&[&excluded.cert, &int.cert], &[&root.cert], |_| {}),
        "name_constraints",
        "excluded",
    );
    let wildcard = issue(
        &int,
        Profile::Server,
        "w.example.test",
        &["DNS:*.example.test"],
        |_| {},
    );
    assert_fails(
        &check(&[&wildcard.cert, &int.cert], &[&root.cert], |_| {}),
        "name_constraints",
        "excluded",
    );
}

#[test]
fn wildcard_covers_exactly_one_label() {
    let (root, int, leaf) = chain();
    let host = |h: &str| {
        check(&[&leaf.cert, &int.cert], &[&root.cert], |o| {
            o.host = Some(h.into())
        })
    };
    assert!(host("x.api.example.test").valid);
    assert!(
        host("WWW.Example.Test.").valid,
        "case and trailing dot do not matter"
    );
    assert_fails(
        &host("a.b.api.example.test"),
        "hostname",
        "not in the certificate's names",
    );
    assert_fails(&host("api.example.test"), "hostname", "*.api.example.test");
    assert_fails(&host("example.test"), "hostname", "host name");
}

#[test]
fn internationalised_names_match_as_a_labels() {
    let (root, int, _) = chain();
    // bücher.example.test as an A-label, and a wildcard under it.
    let idn = issue(
        &int,
        Profile::Server,
        "xn--bcher-kva.example.test",
        &[
            "DNS:xn--bcher-kva.example.test",
            "DNS:*.xn--bcher-kva.example.test",
        ],
        |_| {},
    );
    let host = |h: &str| {
        check(&[&idn.cert, &int.cert], &[&root.cert], |o| {
            o.host = Some(h.into())
        })
    };
    assert!(host("xn--bcher-kva.example.test").valid);
    assert!(host("XN--BCHER-KVA.example.test").valid);
    assert!(host("shop.xn--bcher-kva.example.test").valid);
    assert_fails(&host("bücher.example.test"), "hostname", "A-labels (xn--");
}

#[test]
fn ip_addresses_match_ip_sans_only() {
    let (root, int, leaf) = chain();
    let host = |h: &str| {
        check(&[&leaf.cert, &int.cert], &[&root.cert], |o| {
            o.host = Some(h.into())
        })
    };
    assert!(host("127.0.0.1").valid);
    assert_fails(&host("127.0.0.2"), "hostname", "IP address");
    let dns_only = issue(
        &int,
        Profile::Server,
        "1.2.3.4",
        &["DNS:www.example.test"],
        |_| {},
    );
    assert_fails(
        &check(&[&dns_only.cert, &int.cert], &[&root.cert], |o| {
            o.host = Some("1.2.3.4".into())
        }),
        "hostname",
        "IP address",
    );
}

#[test]
fn bad_signature() {
    let (root, int, leaf) = chain();
    let mut der = leaf.cert.to_der().unwrap();
    let last = der.len() - 5;
    der[last] ^= 0x40;
    let Ok(tampered) = Certificate::from_der(&der) else {
        panic!("still parses")
    };
    assert_fails(
        &check(&[&tampered, &int.cert], &[&root.cert], |_| {}),
        "bad_signature",
        "does not verify",
    );
}

/// Leaf and intermediate without their root: the advice is to trust the root, never to add
/// an intermediate; when a known (untrusted) store has the root, it is named.
#[test]
fn a_missing_root_is_advised_as_a_trust_anchor_not_an_intermediate() {
    let (root, int, leaf) = chain();
    let verdict = check(&[&leaf.cert, &int.cert], &[], |_| {});
    assert_fails(&verdict, "missing_issuer", "add it as a trust anchor");
    let message = &verdict.errors[0].message;
    assert!(message.contains("CN=Rule Root"), "{message}");
    assert!(!message.contains("add the intermediate"), "{message}");
    let verdict = check(&[&leaf.cert, &int.cert], &[], |o| {
        o.known_roots = vec![root_named("Stranger").cert, root.cert.clone()]
    });
    assert_fails(
        &verdict,
        "missing_issuer",
        "Mozilla's root store has it (CN=Rule Root)",
    );
    // The leaf's issuer missing is an intermediate, unless the store has it as a root.
    let verdict = check(&[&leaf.cert], &[], |o| {
        o.known_roots = vec![root.cert.clone()]
    });
    assert_fails(
        &verdict,
        "missing_issuer",
        "add the intermediate certificate",
    );
    // A root given in the chain but not trusted, that the store has.
    let verdict = check(&[&leaf.cert, &int.cert, &root.cert], &[], |o| {
        o.known_roots = vec![root.cert.clone()]
    });
    assert_fails(&verdict, "untrusted_root", "a root of Mozilla's root store");
}

#[test]
fn missing_intermediate_names_it_and_its_url() {
    let root = root("AIA Root", |_| {});
    let int = intermediate(&root, "AIA Intermediate");
    let leaf = server(&int, "www.example.test", |r| {
        r.ca_issuers_url = Some("http://ca.example.test/int.crt".into())
    });
    let verdict = check(&[&leaf.cert], &[&root.cert], |_| {});
    assert_fails(&verdict, "missing_issuer", "CN=AIA Intermediate is missing");
    assert!(
        verdict.errors[0]
            .message
            .contains("http://ca.example.test/int.crt")
    );
    assert!(verdict.errors[0].openssl.contains("(20)"));
}

#[test]
fn untrusted_root_and_self_signed_leaf() {
    let (root, int, leaf) = chain();
    let other = root_named("Other Root");
    assert_fails(
        &check(&[&leaf.cert, &int.cert, &root.cert], &[&other.cert], |_| {}),
        "untrusted_root",
        "not among the trust anchors",
    );
    let key = KeyPair::generate(KeyType::P256, &mut rng_for("self")).unwrap();
    let req = request(Profile::SelfSigned, "localhost", &["DNS:localhost"]);
    let own = self_sign(&req, &key);
    assert_fails(
        &check(&[&own], &[&other.cert], |_| {}),
        "self_signed_leaf",
        "self-signed",
    );
    assert!(
        check(&[&own], &[&own], |o| o.host = Some("localhost".into())).valid,
        "trusted directly, it is valid"
    );
}

#[test]
fn a_root_without_authority_key_id_trusted_directly_is_valid() {
    // Roots need no authorityKeyIdentifier (RFC 5280 section 4.2.1.1), also when one is
    // checked as the leaf against its own copy among the anchors (as `openssl verify
    // -x509_strict -CAfile root.pem root.pem` accepts). ISRG Root X1 has none.
    let pem = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/mozilla-roots.pem"
    ))
    .unwrap();
    let isrg = decode::read_certificates(&pem)
        .unwrap()
        .into_iter()
        .find(|c| {
            c.tbs_certificate()
                .subject()
                .to_string()
                .contains("CN=ISRG Root X1")
        })
        .unwrap();
    let verdict = check(&[&isrg], &[&isrg], |_| {});
    assert!(verdict.valid, "{:?}", verdict.errors);
}

#[test]
fn cross_signed_intermediate_validates_through_either_root() {
    let old_root = root_named("Old Root");
    let new_root = root_named("New Root");
    // The same intermediate (subject and key) signed by both roots.
    let int_key = KeyPair::generate(KeyType::P256, &mut rng_for("Cross Intermediate")).unwrap();
    let spki = int_key.public_key_info().unwrap();
    let req = request(Profile::Intermediate, "Cross Intermediate", &[]);
    let by_new = generate::issue(
        &req,
        &spki,
        IssuedBy::Ca {
            cert: &new_root.cert,
            key: &new_root.key,
        },
        NOW,
        &mut rng(),
    )
    .unwrap();
    let by_old = generate::issue(
        &req,
        &spki,
        IssuedBy::Ca {
            cert: &old_root.cert,
            key: &old_root.key,
        },
        NOW,
        &mut rng(),
    )
    .unwrap();
    let int = Ca {
        cert: by_new.clone(),
        key: int_key,
    };
    let leaf = server(&int, "www.example.test", |_| {});
    for anchor in [&old_root.cert, &new_root.cert] {
        let verdict = check(&[&leaf.cert, &by_new, &by_old], &[anchor], |_| {});
        assert!(verdict.valid, "{:?}", verdict.errors);
        assert_eq!(verdict.path.len(), 3);
    }
}

#[test]
fn pins_match_any_certificate_in_the_path() {
    let (root, int, leaf) = chain();
    let pin = |cert: &Certificate| {
        use base64ct::Encoding;
        use sha2::Digest;
        base64ct::Base64::encode_string(&sha2::Sha256::digest(
            cert.tbs_certificate()
                .subject_public_key_info()
                .to_der()
                .unwrap(),
        ))
    };
    let with_pins =
        |pins: Vec<String>| check(&[&leaf.cert, &int.cert], &[&root.cert], |o| o.pins = pins);
    assert!(with_pins(vec![format!("pin-sha256=\"{}\"", pin(&int.cert))]).valid);
    assert!(
        with_pins(vec!["AAAA".into(), pin(&root.cert)]).valid,
        "a backup pin may match"
    );
    // curl's --pinnedpubkey form, and the hex `openssl dgst -sha256` prints.
    assert!(with_pins(vec![format!("sha256//{}", pin(&leaf.cert))]).valid);
    let hex: String = {
        use base64ct::Encoding;
        base64ct::Base64::decode_vec(&pin(&int.cert))
            .unwrap()
            .iter()
            .map(|b| format!("{b:02X}:"))
            .collect()
    };
    assert!(with_pins(vec![hex.trim_end_matches(':').to_string()]).valid);
    assert_fails(
        &with_pins(vec!["AAAA".into()]),
        "pin",
        "matching any of the pins",
    );
}

#[test]
fn max_intermediates_counts_logical_cas() {
    let (root, int, leaf) = chain();
    assert!(
        check(&[&leaf.cert, &int.cert], &[&root.cert], |o| o
            .max_intermediates =
            Some(1))
        .valid
    );
    assert_fails(
        &check(&[&leaf.cert, &int.cert], &[&root.cert], |o| {
            o.max_intermediates = Some(0)
        }),
        "too_long",
        "at most 0",
    );
}

#[test]
fn hostile_bundles_stay_bounded() {
    // Forty intermediates that all claim the same issuer: path building stays bounded.
    let root = root_named("Busy Root");
    let ints: Vec<Ca> = (0..40)
        .map(|i| {
            issue(&root, Profile::Intermediate, "Same Name", &[], |r| {
                r.not_before = NOW.plus_seconds(-i * DAY)
            })
        })
        .collect();
    let leaf = issue(
        &ints[0],
        Profile::Server,
        "www.example.test",
        &["DNS:www.example.test"],
        |_| {},
    );
    let mut bundle: Vec<&Certificate> = vec![&leaf.cert];
    bundle.extend(ints.iter().map(|c| &c.cert));
    let started = std::time::Instant::now();
    let verdict = check(&bundle, &[&root.cert], |_| {});
    assert!(verdict.valid, "{:?}", verdict.errors);
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn the_builtin_mozilla_store_is_complete_and_usable() {
    let roots = verify::mozilla_roots();
    assert_eq!(roots.len(), verify::MOZILLA_ROOTS_COUNT);
    // The web app loads the same file at run time and accepts exactly these bytes.
    let shipped = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/mozilla-roots.der"
    ))
    .unwrap();
    assert_eq!(verify::mozilla_roots_from(&shipped).unwrap(), roots);
    let mut altered = shipped.clone();
    altered[100] ^= 1;
    let refused = verify::mozilla_roots_from(&altered)
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("not the one this build ships"),
        "{refused}"
    );
    let pem = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/mozilla-roots.pem"
    ))
    .unwrap();
    let all = decode::read_certificates(&pem).unwrap();
    // Embedded as trust anchors: name, key and constraints, without the root's own signature,
    // which path validation never checks (RFC 5280 section 6.1.1 (d)).
    assert!(
        roots.iter().all(|r| all
            .iter()
            .any(|c| c.tbs_certificate() == r.tbs_certificate())),
        "every embedded root is in the committed PEM"
    );
    assert!(
        roots.iter().all(|r| r.signature().raw_bytes().is_empty()),
        "signatures are left out of the embedded store"
    );
    assert_eq!(
        all.len() - roots.len(),
        5,
        "the five expired roots are left out"
    );
    assert!(
        roots
            .iter()
            .all(|r| r.tbs_certificate().subject() == r.tbs_certificate().issuer()),
        "all self-issued roots"
    );
    // A generated chain is not trusted by it: the failure names the missing trust.
    let (_, int, leaf) = chain();
    let verdict = verify::verify(&[leaf.cert, int.cert], &roots, &Options::at(NOW));
    assert!(!verdict.valid);
}

static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// certbench's own check, counted.
fn counted(
    check: &certbench_core::signature::Check,
) -> Result<(), certbench_core::signature::SignatureError> {
    RUNS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    check.run()
}

/// Natively, each signature is checked once, though both profiles' verdicts (and every
/// candidate path) ask for it.
#[test]
fn each_signature_is_checked_once_for_both_profiles() {
    let (root, int, leaf) = chain();
    let bundle = [leaf.cert.clone(), int.cert.clone()];
    let anchors = [root.cert.clone()];
    RUNS.store(0, std::sync::atomic::Ordering::SeqCst);
    let verdict = verify::verify_with(
        &bundle,
        &anchors,
        &Options::at(NOW),
        verify::Signatures::With(counted),
    );
    assert!(verdict.valid, "{:?}", verdict.errors);
    assert!(verdict.other_profile.is_none(), "both profiles agree");
    assert_eq!(
        RUNS.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "leaf by intermediate, intermediate by root"
    );
}

/// The web app checks signatures with WebCrypto: it gets the list of checks, makes them, and
/// hands the outcomes back. The same outcomes give the same verdict; a failed one fails the
/// path; a missing one is never taken as passed.
#[test]
fn signatures_checked_elsewhere_give_the_same_verdict() {
    let (root, int, leaf) = chain();
    let bundle = [leaf.cert.clone(), int.cert.clone()];
    let anchors = [root.cert.clone()];
    let options = Options::at(NOW);
    let checks = verify::signature_checks(&bundle, &anchors, &options);
    assert_eq!(
        checks.len(),
        2,
        "leaf by intermediate, intermediate by root"
    );
    let outcomes = outcomes(checks);
    let given = verify::verify_with(
        &bundle,
        &anchors,
        &options,
        verify::Signatures::Given(&outcomes),
    );
    assert_eq!(given, verify::verify(&bundle, &anchors, &options));
    assert!(given.valid);
    let mut forged = outcomes.clone();
    forged[0].1 = Err(certbench_core::signature::SignatureError::Invalid);
    let verdict = verify::verify_with(
        &bundle,
        &anchors,
        &options,
        verify::Signatures::Given(&forged),
    );
    assert_fails(&verdict, "bad_signature", "does not verify");
    let none = verify::verify_with(&bundle, &anchors, &options, verify::Signatures::Given(&[]));
    assert_fails(&none, "bad_signature", "could not be checked");
}

/// A sample's verify order under `profile`.
fn sample_verdict(id: &str, profile: &str) -> Verdict {
    let sample = certbench_core::samples::SAMPLES
        .iter()
        .find(|s| s.id == id)
        .unwrap();
    let order = verify::order::Order {
        profile: profile.into(),
        ..sample.verify_order().unwrap()
    };
    order.run(NOW).unwrap()
}

/// SHA-1 links are refused under webpki, accepted under rfc5280, and each verdict names the
/// other profile's and why.
#[test]
fn sha1_is_refused_by_webpki_and_accepted_by_rfc5280() {
    let webpki = sample_verdict("sha1-signature", "");
    assert_fails(&webpki, "weak_signature", "SHA-1");
    assert_eq!(webpki.profile, verify::Profile::Webpki);
    let other = webpki.other_profile.as_ref().unwrap();
    assert_eq!(other.profile, verify::Profile::Rfc5280);
    assert!(other.valid);
    assert!(
        other
            .reason
            .contains("Valid under RFC 5280 alone; Chrome and Firefox refuse it")
            && other.reason.contains("SHA-1"),
        "{}",
        other.reason
    );
    let rfc5280 = sample_verdict("sha1-signature", "rfc5280");
    assert!(rfc5280.valid, "{:?}", rfc5280.errors);
    let other = rfc5280.other_profile.as_ref().unwrap();
    assert_eq!(
        (other.profile, other.valid),
        (verify::Profile::Webpki, false)
    );
    assert!(other.reason.contains("SHA-1"), "{}", other.reason);
    // Where both agree, nothing is said.
    assert_eq!(sample_verdict("valid-chain", "rfc5280").other_profile, None);
    assert_eq!(sample_verdict("expired-leaf", "").other_profile, None);
}

#[test]
fn weak_keys_and_ca_leaves_are_webpki_rules() {
    assert_fails(&sample_verdict("rsa-1024", ""), "weak_key", "RSA-1024");
    assert!(sample_verdict("rsa-1024", "rfc5280").valid);
    let ca_leaf = sample_verdict("ca-true-leaf", "webpki");
    assert_fails(&ca_leaf, "ca_as_leaf", "CA:FALSE");
    assert!(
        ca_leaf
            .other_profile
            .unwrap()
            .reason
            .contains("Firefox refuses it"),
    );
    assert!(sample_verdict("ca-true-leaf", "rfc5280").valid);
    // A CA in the leaf's place is judged only when a purpose is asked for.
    let (root, int, _) = chain();
    assert!(check(&[&int.cert], &[&root.cert], |o| o.purpose = None).valid);
    assert_fails(
        &check(&[&int.cert], &[&root.cert], |o| {
            o.purpose = Some(Purpose::Server)
        }),
        "ca_as_leaf",
        "CA",
    );
    let bad_profile = verify::order::Order {
        profile: "browser".into(),
        ..verify::order::Order::default()
    };
    assert!(bad_profile.run(NOW).is_err());
}

/// What a caller may insist on: key usage bits, extended key usages, signature algorithms.
#[test]
fn caller_imposed_key_usage_eku_and_signature_algorithms() {
    let (root, int, leaf) = chain();
    let bundle = [&leaf.cert, &int.cert];
    let with =
        |edit: fn(&mut verify::Required)| check(&bundle, &[&root.cert], |o| edit(&mut o.required));
    assert!(with(|r| r.key_usage = vec!["digitalSignature".into()]).valid);
    assert_fails(
        &with(|r| r.key_usage = vec!["keyAgreement".into(), "digitalSignature".into()]),
        "required_key_usage",
        "lacks keyAgreement",
    );
    assert!(
        with(|r| r.extended_key_usage =
            vec![verify::extended_key_usage_named("serverAuth").unwrap()])
        .valid
    );
    assert_fails(
        &with(|r| {
            r.extended_key_usage = vec![verify::extended_key_usage_named("codeSigning").unwrap()]
        }),
        "extended_key_usage",
        "codeSigning is required",
    );
    assert!(
        with(|r| r.signature_algorithms =
            vec![verify::signature_algorithm_named("ECDSA_WITH_SHA256").unwrap()])
        .valid
    );
    assert_fails(
        &with(|r| {
            r.signature_algorithms =
                vec![verify::signature_algorithm_named("sha256WithRSAEncryption").unwrap()]
        }),
        "signature_algorithm_not_allowed",
        "ecdsa-with-SHA256",
    );
    assert_eq!(
        verify::key_usage_named("contentCommitment").unwrap(),
        "nonRepudiation"
    );
    assert!(verify::key_usage_named("everything").is_err());
    assert!(verify::signature_algorithm_named("ROT13").is_err());
    assert_eq!(
        verify::extended_key_usage_named("1.3.6.1.5.5.7.3.3").unwrap(),
        verify::extended_key_usage_named("codeSigning").unwrap()
    );
}

/// RFC 5280 section 7.1: an issuer name matches the CA's subject after string preparation
/// (case and insignificant spaces), and the path says it matched that way; a name that
/// differs in more than that does not chain.
#[test]
fn issuer_names_match_after_string_preparation() {
    let anchor = root("Prep Root", |_| {});
    // The same key (the factories seed keys by the name given) under a differently written name.
    let written = |text: &'static str| {
        root("Prep Root", move |r| {
            r.subject = certbench_core::generate::Subject::common_name(text)
        })
    };
    let loose = written("  PREP   root ");
    let leaf = server(&loose, "prep.example.test", |_| {});
    let verdict = check(&[&leaf.cert], &[&anchor.cert], |_| {});
    assert!(verdict.valid, "{:?}", verdict.errors);
    let signature = verdict
        .checks
        .iter()
        .find(|c| c.depth == 0 && c.check == "signature")
        .unwrap();
    assert!(
        signature.detail.contains("RFC 4518"),
        "{}",
        signature.detail
    );
    // Exact names say nothing of preparation.
    let (root, int, leaf) = chain();
    let verdict = check(&[&leaf.cert, &int.cert], &[&root.cert], |_| {});
    assert!(
        verdict
            .checks
            .iter()
            .all(|c| !c.detail.contains("RFC 4518"))
    );
    // Another word is another name.
    let other = written("Prep Roots");
    let leaf = server(&other, "prep.example.test", |_| {});
    assert_fails(
        &check(&[&leaf.cert], &[&anchor.cert], |_| {}),
        "missing_issuer",
        "Prep Roots",
    );
}

/// CA/B BR section 3.2.2.6 as browsers apply it (webpki): a wildcard over a public suffix does
/// not stand for the names under it; the certificate's own names still do.
#[test]
fn wildcards_over_public_suffixes_are_not_honoured() {
    let (root, int, _) = chain();
    let leaf = issue(
        &int,
        Profile::Server,
        "bucket",
        &["DNS:*.s3.amazonaws.com", "DNS:s3.amazonaws.com"],
        |_| {},
    );
    let list = std::sync::Arc::new(verify::PublicSuffixes::builtin());
    let run = |host: &str, profile: verify::Profile| {
        check(&[&leaf.cert, &int.cert], &[&root.cert], |o| {
            o.host = Some(host.into());
            o.profile = profile;
            o.public_suffixes = Some(list.clone());
        })
    };
    assert_fails(
        &run("mine.s3.amazonaws.com", verify::Profile::Webpki),
        "wildcard_public_suffix",
        "public suffix",
    );
    assert!(run("s3.amazonaws.com", verify::Profile::Webpki).valid);
    assert!(run("mine.s3.amazonaws.com", verify::Profile::Rfc5280).valid);
    let ordinary = issue(
        &int,
        Profile::Server,
        "shop",
        &["DNS:*.shop.example"],
        |_| {},
    );
    let verdict = check(&[&ordinary.cert, &int.cert], &[&root.cert], |o| {
        o.host = Some("www.shop.example".into());
        o.public_suffixes = Some(list.clone());
    });
    assert!(verdict.valid, "{:?}", verdict.errors);
}
