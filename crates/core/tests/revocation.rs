//! Revocation by CRL (RFC 5280 section 6.3) on CRLs built here, each rule on its own: the
//! entry, delta CRLs, the issuing distribution point's scope and reasons, unusable CRLs, and a
//! CRL signed by a new key of the same CA. `interop.rs` checks CRLs from `openssl ca`.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use certbench_core::verify::{self, Crl, Options, Purpose, Revocation, Verdict};
use common::*;
use const_oid::db::rfc5280::{
    ID_CE_CRL_NUMBER, ID_CE_CRL_REASONS, ID_CE_DELTA_CRL_INDICATOR,
    ID_CE_ISSUING_DISTRIBUTION_POINT,
};
use der::Encode;
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::crl::dp::{IssuingDistributionPoint, Reasons};
use x509_cert::ext::pkix::{BaseCrlNumber, CrlNumber, CrlReason};

fn extension(oid: const_oid::ObjectIdentifier, critical: bool, value: impl Encode) -> Extension {
    Extension {
        extn_id: oid,
        critical,
        extn_value: der::asn1::OctetString::new(value.to_der().unwrap()).unwrap(),
    }
}

fn number(n: u8) -> der::asn1::Uint {
    der::asn1::Uint::new(&[n]).unwrap()
}

/// A CRL from `ca` listing `entries` (serial, reason), with cRLNumber `n` and `more`
/// extensions, current at [`NOW`].
fn crl(ca: &Ca, n: u8, entries: &[(&[u8], Option<CrlReason>)], more: Vec<Extension>) -> Crl {
    let at = NOW.plus_seconds(-DAY).to_x509().unwrap();
    let revoked = entries
        .iter()
        .map(|(serial, reason)| RevokedCert {
            serial_number: x509_cert::serial_number::SerialNumber::new(serial).unwrap(),
            revocation_date: at,
            crl_entry_extensions: reason.map(|r| vec![extension(ID_CE_CRL_REASONS, false, r)]),
        })
        .collect::<Vec<_>>();
    let mut extensions = vec![extension(ID_CE_CRL_NUMBER, false, CrlNumber(number(n)))];
    extensions.extend(more);
    let algorithm = ca.cert.signature_algorithm().clone();
    let tbs = TbsCertList {
        version: x509_cert::Version::V2,
        signature: algorithm.clone(),
        issuer: ca.cert.tbs_certificate().subject().clone(),
        this_update: at,
        next_update: Some(NOW.plus_seconds(7 * DAY).to_x509().unwrap()),
        revoked_certificates: (!revoked.is_empty()).then_some(revoked),
        crl_extensions: Some(extensions),
    };
    let signature = ca.key.sign_message(&tbs.to_der().unwrap()).unwrap();
    Crl::new(CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm: algorithm,
        signature: der::asn1::BitString::from_bytes(&signature).unwrap(),
    })
}

fn serial(ca: &Ca) -> Vec<u8> {
    ca.cert
        .tbs_certificate()
        .serial_number()
        .as_bytes()
        .to_vec()
}

fn idp(edit: impl FnOnce(&mut IssuingDistributionPoint)) -> Extension {
    let mut scope = IssuingDistributionPoint {
        distribution_point: None,
        only_contains_user_certs: false,
        only_contains_ca_certs: false,
        only_some_reasons: None,
        indirect_crl: false,
        only_contains_attribute_certs: false,
    };
    edit(&mut scope);
    extension(ID_CE_ISSUING_DISTRIBUTION_POINT, true, scope)
}

/// The leaf's verdict with `crls` (revocation required when `required`).
fn leaf_with(crls: Vec<Crl>, required: bool) -> Verdict {
    let (root, leaf) = root_and_leaf();
    let options = Options {
        purpose: Some(Purpose::Server),
        crls,
        require_revocation: required,
        ..Options::at(NOW)
    };
    verify::verify(&[leaf.cert], &[root.cert], &options)
}

fn root_and_leaf() -> (Ca, Ca) {
    let root = root("Revocation Root", |_| {});
    let leaf = server(&root, "revoked.example.test", |_| {});
    (root, leaf)
}

fn leaf_status(verdict: &Verdict) -> (Revocation, String) {
    let status = verdict.revocation.iter().find(|s| s.depth == 0).unwrap();
    (status.status, status.detail.clone())
}

#[test]
fn a_listed_serial_is_revoked_with_its_reason_and_an_unlisted_one_is_good() {
    let (root, leaf) = root_and_leaf();
    let listed = leaf_with(
        vec![crl(
            &root,
            1,
            &[(&serial(&leaf), Some(CrlReason::KeyCompromise))],
            vec![],
        )],
        false,
    );
    assert!(!listed.valid);
    assert_eq!(listed.errors[0].code, "revoked");
    assert_eq!(
        listed.revocation[0].reason.as_deref(),
        Some("keyCompromise")
    );
    assert_eq!(
        listed.revocation[0].revoked_at.unwrap().0,
        NOW.plus_seconds(-DAY)
    );
    let other = leaf_with(vec![crl(&root, 1, &[(&[0x01, 0x02], None)], vec![])], true);
    assert!(other.valid, "{:?}", other.errors);
    assert_eq!(leaf_status(&other).0, Revocation::Good);
    // Without CRLs nothing is said; required without any, the status is unknown and fails.
    assert!(leaf_with(vec![], false).revocation.is_empty());
    let required = leaf_with(vec![], true);
    assert_eq!(required.errors[0].code, "revocation_unknown");
}

#[test]
fn certificate_hold_is_reported_as_on_hold() {
    let (root, leaf) = root_and_leaf();
    let held = leaf_with(
        vec![crl(
            &root,
            1,
            &[(&serial(&leaf), Some(CrlReason::CertificateHold))],
            vec![],
        )],
        false,
    );
    assert_eq!(held.errors[0].code, "revoked");
    assert!(leaf_status(&held).1.starts_with("on hold"));
}

/// §6.3.3 (c), (i): a delta CRL on top of its base lists new revocations and un-lists with
/// removeFromCRL; a delta whose base is newer than the complete CRL is not used.
#[test]
fn delta_crls_add_and_remove_entries() {
    let (root, leaf) = root_and_leaf();
    let delta = |base: u8, entries: &[(&[u8], Option<CrlReason>)]| {
        crl(
            &root,
            base + 1,
            entries,
            vec![extension(
                ID_CE_DELTA_CRL_INDICATOR,
                true,
                BaseCrlNumber(number(base)),
            )],
        )
    };
    let s = serial(&leaf);
    let base = || crl(&root, 5, &[], vec![]);
    let revoked_by_delta = leaf_with(
        vec![base(), delta(5, &[(&s, Some(CrlReason::Superseded))])],
        true,
    );
    assert_eq!(revoked_by_delta.errors[0].code, "revoked");
    assert!(leaf_status(&revoked_by_delta).1.contains("delta CRL"));
    let listed_base = || crl(&root, 5, &[(&s, Some(CrlReason::CertificateHold))], vec![]);
    let released = leaf_with(
        vec![
            listed_base(),
            delta(5, &[(&s, Some(CrlReason::RemoveFromCRL))]),
        ],
        true,
    );
    assert!(released.valid, "{:?}", released.errors);
    let newer_base = leaf_with(vec![base(), delta(9, &[(&s, None)])], true);
    assert!(
        newer_base.valid,
        "a delta for base 9 is not applied to CRL 5"
    );
}

/// §6.3.3 (b)(2): onlyContainsCACerts leaves a leaf uncovered; onlySomeReasons covers only
/// those reasons until another CRL covers the rest.
#[test]
fn the_issuing_distribution_point_limits_what_a_crl_covers() {
    let (root, _) = root_and_leaf();
    let cas_only = leaf_with(
        vec![crl(
            &root,
            1,
            &[],
            vec![idp(|s| s.only_contains_ca_certs = true)],
        )],
        true,
    );
    assert_eq!(cas_only.errors[0].code, "revocation_unknown");
    assert!(leaf_status(&cas_only).1.contains("onlyContainsCACerts"));
    let key_compromise = || {
        crl(
            &root,
            1,
            &[],
            vec![idp(|s| {
                s.only_some_reasons = Some(Reasons::KeyCompromise.into())
            })],
        )
    };
    let partial = leaf_with(vec![key_compromise()], true);
    assert!(
        leaf_status(&partial)
            .1
            .contains("only some revocation reasons")
    );
    let rest = crl(
        &root,
        2,
        &[],
        vec![idp(|s| {
            s.only_some_reasons = Some(
                Reasons::CaCompromise
                    | Reasons::AffiliationChanged
                    | Reasons::Superseded
                    | Reasons::CessationOfOperation
                    | Reasons::CertificateHold
                    | Reasons::PrivilegeWithdrawn
                    | Reasons::AaCompromise,
            )
        })],
    );
    let whole = leaf_with(vec![key_compromise(), rest], true);
    assert!(whole.valid, "{:?}", whole.errors);
}

/// §5.2 and §6.3.3 (a): a CRL with a critical extension certbench does not know, or past its
/// nextUpdate, is not used; another CA's CRL does not apply.
#[test]
fn unusable_and_foreign_crls_leave_the_status_unknown() {
    let (root, leaf) = root_and_leaf();
    let unknown_critical = crl(
        &root,
        1,
        &[(&serial(&leaf), None)],
        vec![extension(
            const_oid::ObjectIdentifier::new_unwrap("1.2.3.4"),
            true,
            der::asn1::Null,
        )],
    );
    let verdict = leaf_with(vec![unknown_critical], true);
    assert_eq!(verdict.errors[0].code, "revocation_unknown");
    assert!(leaf_status(&verdict).1.contains("critical extension"));
    let stale = {
        let options = Options {
            crls: vec![crl(&root, 1, &[], vec![])],
            require_revocation: true,
            ..Options::at(NOW.plus_seconds(30 * DAY))
        };
        verify::verify(
            std::slice::from_ref(&leaf.cert),
            std::slice::from_ref(&root.cert),
            &options,
        )
    };
    assert!(
        leaf_status(&stale).1.contains("stale"),
        "{:?}",
        stale.revocation
    );
    let stranger = root_named("Stranger");
    let foreign = leaf_with(
        vec![crl(&stranger, 1, &[(&serial(&leaf), None)], vec![])],
        true,
    );
    assert_eq!(foreign.errors[0].code, "revocation_unknown");
    assert!(leaf_status(&foreign).1.contains("someone other"));
}

/// §6.3.3 (f): a CRL signed by a new key of the same CA counts when that key's certificate
/// has a valid path of its own; a key usage without cRLSign does not sign CRLs.
#[test]
fn a_crl_signed_by_another_key_of_the_ca_counts_when_that_key_validates() {
    let root = root("Rollover Root", |_| {});
    let int = intermediate(&root, "Rollover CA");
    let leaf = server(&int, "rollover.example.test", |_| {});
    // The same CA name, a new key (the factories seed keys by the name given), certified by
    // the root.
    let int_new = issue(
        &root,
        generate_profile(),
        "Rollover CA, new key",
        &[],
        |r| r.subject = certbench_core::generate::Subject::common_name("Rollover CA"),
    );
    assert_ne!(
        int_new.cert.tbs_certificate().subject_public_key_info(),
        int.cert.tbs_certificate().subject_public_key_info()
    );
    let listed = crl(&int_new, 1, &[(&serial(&leaf), None)], vec![]);
    let options = Options {
        crls: vec![listed],
        require_revocation: false,
        ..Options::at(NOW)
    };
    let verdict = verify::verify(
        &[leaf.cert.clone(), int.cert.clone(), int_new.cert.clone()],
        std::slice::from_ref(&root.cert),
        &options,
    );
    assert_eq!(
        verdict.errors[0].code, "revoked",
        "{:?}",
        verdict.revocation
    );
    assert!(leaf_status(&verdict).1.contains("Rollover CA"));
    // Without the new key's certificate the CRL's signature cannot be checked: unknown.
    let options = Options {
        crls: vec![crl(&int_new, 1, &[(&serial(&leaf), None)], vec![])],
        ..Options::at(NOW)
    };
    let verdict = verify::verify(
        &[leaf.cert.clone(), int.cert.clone()],
        std::slice::from_ref(&root.cert),
        &options,
    );
    assert!(
        verdict.valid,
        "{:?} {:?}",
        verdict.errors, verdict.revocation
    );
    let (status, detail) = leaf_status(&verdict);
    assert_eq!(status, Revocation::Unknown);
    assert!(detail.contains("does not verify"), "{detail}");
}

fn generate_profile() -> certbench_core::generate::Profile {
    certbench_core::generate::Profile::Intermediate
}

/// The web app checks a CRL's signature with WebCrypto, as it does a certificate's: the CRL's
/// check is listed with the path's, the outcomes given back decide as certbench's own code
/// does, and a CRL whose check was not made never counts.
#[test]
fn crls_checked_elsewhere_give_the_same_status() {
    let (root, leaf) = root_and_leaf();
    let list = || {
        crl(
            &root,
            1,
            &[(&serial(&leaf), Some(CrlReason::KeyCompromise))],
            vec![],
        )
    };
    let (bundle, anchors) = ([leaf.cert.clone()], [root.cert.clone()]);
    let options = Options {
        crls: vec![list()],
        ..Options::at(NOW)
    };
    let checks = verify::signature_checks(&bundle, &anchors, &options);
    assert_eq!(
        checks.len(),
        2,
        "the leaf's, and the CRL's with the root's key"
    );
    let outcomes = outcomes(checks);
    let given = verify::Signatures::Given(&outcomes);
    let verdict = verify::verify_with(&bundle, &anchors, &options, given);
    assert_eq!(verdict, verify::verify(&bundle, &anchors, &options));
    assert_eq!(leaf_status(&verdict).0, Revocation::Revoked);
    let without_crl_check = verify::Signatures::Given(&outcomes[..1]);
    let options = Options {
        crls: vec![list()],
        ..Options::at(NOW)
    };
    let verdict = verify::verify_with(&bundle, &anchors, &options, without_crl_check);
    let (status, detail) = leaf_status(&verdict);
    assert_eq!(status, Revocation::Unknown, "{detail}");
    assert!(detail.contains("no outcome was given"), "{detail}");
}

/// The Verify form: CRLs come from their own field and from among the chain's certificates;
/// the switch makes an unknown status fail; the policy inputs are read by name or OID.
#[test]
fn the_verify_form_reads_crls_and_policy_inputs() {
    let fixture = |name: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../tests/fixtures")
                .join(name),
        )
        .unwrap()
    };
    let form = verify::order::Order {
        chain: fixture("fullchain.pem") + &fixture("root.crl"),
        roots: fixture("root.pem"),
        purpose: "server".into(),
        policies: "DV, 2.23.140.1.1;\n".into(),
        require_explicit_policy: true,
        ..Default::default()
    };
    let prepared = form.prepare(NOW, &[]).unwrap();
    assert_eq!(prepared.bundle.len(), 2, "the CRL is not part of the chain");
    assert_eq!(prepared.options.crls.len(), 1);
    assert_eq!(prepared.options.policy.initial.len(), 2);
    assert!(prepared.options.policy.require_explicit);
    assert!(!prepared.options.require_revocation);
    let in_field = verify::order::Order {
        chain: fixture("fullchain.pem"),
        revocation: fixture("root.crl"),
        require_revocation: true,
        policies: String::new(),
        ..form.clone()
    };
    let verdict = in_field.run(NOW).unwrap();
    assert_eq!(verdict.errors[0].code, "revoked", "{:?}", verdict.errors);
    assert!(
        verdict
            .errors
            .iter()
            .any(|e| e.code == "revocation_unknown"),
        "the leaf's status is unknown and required: {:?}",
        verdict.errors
    );
    let not_a_policy = verify::order::Order {
        policies: "DV, nonsense".into(),
        ..form.clone()
    };
    let error = not_a_policy.prepare(NOW, &[]).unwrap_err().to_string();
    assert!(error.contains("nonsense"), "{error}");
    let not_evidence = verify::order::Order {
        revocation: fixture("leaf.csr"),
        ..form
    };
    let error = not_evidence.prepare(NOW, &[]).unwrap_err().to_string();
    assert!(
        error.contains("CRLs and OCSP responses")
            && error.contains("expected a certificate, a CRL or an OCSP response"),
        "{error}"
    );
}
