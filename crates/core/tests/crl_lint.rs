//! CRL lint (RFC 5280 section 5): each rule on a CRL made to break it, and a CRL made as RFC
//! 5280 asks (numbered, with authorityKeyIdentifier and nextUpdate) with no findings. Lint does
//! not check the signature, so the CRLs are built field by field with a placeholder one.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::UnixTime;
use certbench_core::decode::{CrlReport, Report};
use certbench_core::inspect;
use const_oid::db::rfc5280::{ID_CE_AUTHORITY_KEY_IDENTIFIER, ID_CE_CRL_NUMBER, ID_CE_CRL_REASONS};
use der::Encode;
use der::asn1::{BitString, OctetString};
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::Extension;
use x509_cert::serial_number::SerialNumber;

const NOW: UnixTime = UnixTime(1_893_456_000);

fn time(at: i64) -> x509_cert::time::Time {
    UnixTime(at).to_x509().unwrap()
}

fn extension(oid: const_oid::ObjectIdentifier, critical: bool, value: &[u8]) -> Extension {
    Extension {
        extn_id: oid,
        critical,
        extn_value: OctetString::new(value).unwrap(),
    }
}

/// cRLNumber 1 (INTEGER 1) and authorityKeyIdentifier keyIdentifier 01..14.
fn good_extensions() -> Vec<Extension> {
    let mut aki = vec![0x30, 0x16, 0x80, 0x14];
    aki.extend(1..=20u8);
    vec![
        extension(ID_CE_CRL_NUMBER, false, &[0x02, 0x01, 0x01]),
        extension(ID_CE_AUTHORITY_KEY_IDENTIFIER, false, &aki),
    ]
}

struct Made {
    version: x509_cert::Version,
    this_update: i64,
    next_update: Option<i64>,
    revoked_at: Option<i64>,
    reason: bool,
    extensions: Option<Vec<Extension>>,
}

fn good() -> Made {
    Made {
        version: x509_cert::Version::V2,
        this_update: NOW.0 - 86_400,
        next_update: Some(NOW.0 + 6 * 86_400),
        revoked_at: Some(NOW.0 - 2 * 86_400),
        reason: true,
        extensions: Some(good_extensions()),
    }
}

fn lint(made: Made) -> Vec<String> {
    let algorithm = spki::AlgorithmIdentifierOwned {
        oid: const_oid::db::rfc5912::ECDSA_WITH_SHA_256,
        parameters: None,
    };
    let revoked = made.revoked_at.map(|at| {
        vec![RevokedCert {
            serial_number: SerialNumber::<x509_cert::certificate::Rfc5280>::new(&[0x10, 0x01])
                .unwrap(),
            revocation_date: time(at),
            // reasonCode keyCompromise (ENUMERATED 1).
            crl_entry_extensions: made
                .reason
                .then(|| vec![extension(ID_CE_CRL_REASONS, false, &[0x0a, 0x01, 0x01])]),
        }]
    });
    let list = CertificateList {
        tbs_cert_list: TbsCertList {
            version: made.version,
            signature: algorithm.clone(),
            issuer: "CN=Lint CRL Issuer".parse().unwrap(),
            this_update: time(made.this_update),
            next_update: made.next_update.map(time),
            revoked_certificates: revoked,
            crl_extensions: made.extensions,
        },
        signature_algorithm: algorithm,
        signature: BitString::from_bytes(&[0; 8]).unwrap(),
    };
    let der = list.to_der().unwrap();
    let report: CrlReport = match inspect::decode(&der, NOW)
        .unwrap()
        .remove(0)
        .unwrap()
        .report
    {
        Report::Crl(c) => c,
        other => panic!("{other:?}"),
    };
    report.lint.iter().map(|f| f.rule.to_string()).collect()
}

#[test]
fn a_crl_made_as_rfc_5280_asks_has_no_findings() {
    assert_eq!(lint(good()), Vec::<String>::new());
}

#[test]
fn each_rule_finds_what_it_is_for() {
    let cases: [(&str, Made); 7] = [
        (
            "crl_next_update_missing",
            Made {
                next_update: None,
                ..good()
            },
        ),
        (
            "crl_next_before_this",
            Made {
                next_update: Some(NOW.0 - 2 * 86_400),
                ..good()
            },
        ),
        (
            "crl_number_missing",
            Made {
                extensions: Some(good_extensions()[1..].to_vec()),
                ..good()
            },
        ),
        ("crl_number_critical", {
            let mut extensions = good_extensions();
            extensions[0].critical = true;
            Made {
                extensions: Some(extensions),
                ..good()
            }
        }),
        (
            "crl_aki_missing",
            Made {
                extensions: Some(good_extensions()[..1].to_vec()),
                ..good()
            },
        ),
        (
            "crl_version_not_2",
            Made {
                version: x509_cert::Version::V1,
                ..good()
            },
        ),
        (
            "crl_revoked_after_this_update",
            Made {
                revoked_at: Some(NOW.0),
                ..good()
            },
        ),
    ];
    for (rule, made) in cases {
        assert_eq!(lint(made), [rule], "{rule}");
    }
    // A version 1 CRL with no extensions at all is allowed that version; numbering and the
    // key identifier are still asked for.
    let v1 = lint(Made {
        version: x509_cert::Version::V1,
        reason: false,
        extensions: None,
        ..good()
    });
    assert_eq!(v1, ["crl_number_missing", "crl_aki_missing"]);
}
