//! OCSP requests and responses made by `openssl ocsp` (tests/fixtures/ocsp.sh): decoded field
//! by field, CertIDs matched to the certificate they name, signatures checked with the
//! responder's certificate, and the broken or unsuccessful ones decoded as far as they go.
#![cfg(feature = "ocsp")]
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use base64ct::{Base64, Encoding};
use certbench_core::UnixTime;
use certbench_core::decode::ocsp::{OcspRequestReport, OcspResponseReport};
use certbench_core::decode::{Decoded, Report};
use certbench_core::inspect;
use certbench_core::ocsp::{self, CertId, CertIdHash};
use der::Decode;

fn fixture(name: &str) -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/");
    std::fs::read(format!("{path}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const NOW: UnixTime = UnixTime(1_893_456_000);

fn pem(label: &str, der: &[u8]) -> String {
    format!(
        "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
        Base64::encode_string(der)
    )
}

fn decode(input: &[u8]) -> Vec<Decoded> {
    inspect::decode(input, NOW)
        .unwrap()
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn response(blocks: &[Decoded]) -> &OcspResponseReport {
    blocks
        .iter()
        .find_map(|d| match &d.report {
            Report::OcspResponse(r) => Some(r.as_ref()),
            _ => None,
        })
        .expect("an OCSP response")
}

#[test]
fn a_good_answer_reads_as_openssl_prints_it() {
    let blocks = decode(&fixture("leaf-good.ocsp"));
    let r = response(&blocks);
    assert_eq!(r.status, "successful");
    assert_eq!(r.response_type.as_deref(), Some("basic"));
    let responder = r.responder.as_ref().unwrap();
    assert!(
        responder
            .name
            .as_deref()
            .unwrap()
            .contains("certbench Test Intermediate")
    );
    assert_eq!(r.responses.len(), 1);
    let single = &r.responses[0];
    assert_eq!(single.status, "good");
    assert_eq!(single.cert_id.hash_algorithm, "sha1");
    assert_eq!(single.cert_id.serial.to_string(), "c0ffee0123456789");
    assert!(single.next_update.is_some());
    assert_eq!(
        r.nonce.as_ref().map(String::len),
        Some(32),
        "16 bytes of nonce"
    );
    assert_eq!(
        r.signature_algorithm.as_deref(),
        Some("sha256WithRSAEncryption")
    );
    // The response carries the intermediate's certificate, which signed it.
    let check = r.signature.as_ref().expect("checked");
    assert!(check.valid);
    assert_eq!(check.block, None);
    let json = serde_json::to_value(&blocks[0]).unwrap();
    assert_eq!(json["kind"], "ocsp_response");
    assert_eq!(
        json["responses"][0]["cert_id"]["serial"],
        "c0ffee0123456789"
    );
}

#[test]
fn a_revoked_answer_says_when_and_why() {
    let blocks = decode(&fixture("leaf-revoked.ocsp"));
    let single = &response(&blocks).responses[0];
    assert_eq!(single.status, "revoked");
    assert_eq!(single.reason.as_deref(), Some("keyCompromise"));
    assert!(single.revoked_at.is_some());
}

#[test]
fn the_cert_id_names_the_leaf_under_its_issuer_only() {
    let leaf = x509_cert::Certificate::load_pem_chain(&fixture("leaf.pem")).unwrap();
    let int = x509_cert::Certificate::load_pem_chain(&fixture("int.pem")).unwrap();
    let root = x509_cert::Certificate::load_pem_chain(&fixture("root.pem")).unwrap();
    let serial = leaf[0].tbs_certificate().serial_number().clone();
    let answer = ocsp::OcspResponse::from_der(&fixture("leaf-good.ocsp")).unwrap();
    let data = ocsp::basic(&answer).unwrap().unwrap().data().unwrap();
    let id = &data.responses[0].cert_id;
    assert_eq!(id.names(&int[0], &serial), Some(true));
    assert_eq!(id.names(&root[0], &serial), Some(false));
    // The request openssl made holds the same CertID as certbench makes.
    let request = ocsp::OcspRequest::from_der(&fixture("leaf.ocsp-request")).unwrap();
    let ours = CertId::new(&int[0], serial.clone(), CertIdHash::Sha1).unwrap();
    assert_eq!(request.tbs_request.request_list[0].req_cert, ours);
    // SHA-256 CertIDs are told apart from SHA-1 ones and still match.
    let sha256 = CertId::new(&int[0], serial.clone(), CertIdHash::Sha256).unwrap();
    assert_eq!(sha256.names(&int[0], &serial), Some(true));
    assert_ne!(sha256.issuer_key_hash, ours.issuer_key_hash);
}

#[test]
fn a_request_shows_what_it_asks() {
    let blocks = decode(&fixture("leaf.ocsp-request"));
    let Report::OcspRequest(r) = &blocks[0].report else {
        panic!("not a request: {:?}", blocks[0].report)
    };
    let r: &OcspRequestReport = r;
    assert_eq!(r.requests.len(), 1);
    assert_eq!(r.requests[0].serial.to_string(), "c0ffee0123456789");
    assert!(r.nonce.is_some());
    assert!(!r.signed);
    let json = serde_json::to_value(&blocks[0]).unwrap();
    assert_eq!(json["kind"], "ocsp_request");
    // Labeled PEM works as well as DER.
    let labeled = decode(pem("OCSP REQUEST", &fixture("leaf.ocsp-request")).as_bytes());
    assert_eq!(labeled[0].report, blocks[0].report);
}

#[test]
fn an_unsuccessful_answer_decodes_to_its_status() {
    let blocks = decode(&fixture("unauthorized.ocsp"));
    let r = response(&blocks);
    assert_eq!(r.status, "unauthorized");
    assert!(r.responses.is_empty() && r.responder.is_none());
    // "successful" with nothing inside says so rather than failing.
    let blocks = decode(&[0x30, 0x03, 0x0a, 0x01, 0x00]);
    assert!(response(&blocks).problems[0].contains("no responseBytes"));
}

#[test]
fn a_broken_answer_says_where_it_stops() {
    // The BasicOCSPResponse replaced by bytes that are no structure at all.
    let mut der = fixture("leaf-good.ocsp");
    let basic = ocsp::OcspResponse::from_der(&der).unwrap();
    let inner = basic.response_bytes.unwrap().response.as_bytes().to_vec();
    let at = der.windows(inner.len()).position(|w| w == inner).unwrap();
    der[at] = 0x31; // SEQUENCE becomes SET
    let blocks = decode(&der);
    let r = response(&blocks);
    assert_eq!(r.status, "successful");
    assert!(
        r.problems[0].contains("BasicOCSPResponse"),
        "{:?}",
        r.problems
    );
}

#[test]
fn a_signature_over_altered_data_is_invalid_and_the_issuer_in_the_input_is_used() {
    let good = fixture("leaf-good.ocsp");
    // Flip a byte of the nonce (inside tbsResponseData): the signature no longer verifies.
    let nonce = hex(&response(&decode(&good)).nonce.clone().unwrap());
    let at = good.windows(nonce.len()).position(|w| w == nonce).unwrap();
    let mut altered = good.clone();
    altered[at] ^= 1;
    let blocks = decode(&altered);
    assert!(!response(&blocks).signature.as_ref().unwrap().valid);
    // The root's answer carries the root; pasted with the root too, one of them is used.
    let input = format!(
        "{}{}",
        String::from_utf8(fixture("root.pem")).unwrap(),
        pem("OCSP RESPONSE", &fixture("leaf-unknown.ocsp"))
    );
    let blocks = decode(input.as_bytes());
    let r = response(&blocks);
    assert_eq!(r.responses[0].status, "unknown");
    assert!(r.signature.as_ref().unwrap().valid);
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// The web app's Verify tab: OCSP responses come from the revocation field or from among the
/// chain; its WebCrypto makes the checks `signature_checks` lists, and the outcomes decide as
/// certbench's own code does; without the response's check, the response never counts.
#[test]
fn responses_in_the_verify_form_are_checked_as_listed() {
    use certbench_core::verify::{self, Revocation, order::Order};
    let text = |name: &str| String::from_utf8(fixture(name)).unwrap();
    let form = Order {
        chain: text("fullchain.pem"),
        roots: text("root.pem"),
        revocation: pem("OCSP RESPONSE", &fixture("leaf-revoked.ocsp")),
        ..Order::default()
    };
    let now = UnixTime::parse_rfc3339("2030-01-01T00:00:00Z").unwrap();
    let prepared = form.prepare(now, &[]).unwrap();
    assert_eq!(prepared.options.ocsp.len(), 1);
    let checks = verify::signature_checks(&prepared.bundle, &prepared.anchors, &prepared.options);
    let outcomes = common::outcomes(checks);
    let given = verify::verify_with(
        &prepared.bundle,
        &prepared.anchors,
        &prepared.options,
        verify::Signatures::Given(&outcomes),
    );
    assert_eq!(given, form.run(now).unwrap());
    assert_eq!(given.revocation[0].status, Revocation::Revoked);
    assert!(
        given.revocation[0].detail.contains("OCSP"),
        "{:?}",
        given.revocation
    );
    // Only the certificates' checks: the response is not taken on trust.
    let certificates_only = verify::signature_checks(
        &prepared.bundle,
        &prepared.anchors,
        &verify::Options::at(now),
    );
    let outcomes: Vec<_> = outcomes
        .into_iter()
        .filter(|(c, _)| certificates_only.contains(c))
        .collect();
    let unchecked = verify::verify_with(
        &prepared.bundle,
        &prepared.anchors,
        &prepared.options,
        verify::Signatures::Given(&outcomes),
    );
    assert_eq!(unchecked.revocation[0].status, Revocation::Unknown);
    // Pasted among the chain, it counts the same.
    let among = Order {
        chain: text("fullchain.pem") + &pem("OCSP RESPONSE", &fixture("leaf-revoked.ocsp")),
        revocation: String::new(),
        ..form
    };
    assert_eq!(among.run(now).unwrap().errors[0].code, "revoked");
}

/// The page's OCSP request: for a certificate of a decoded input, its issuer found among the
/// input's certificates, the commands naming the files the page offers for those blocks.
#[test]
fn a_request_for_a_block_finds_its_issuer_in_the_same_input() {
    use certbench_core::generate::ocsp_request_in;
    let input = [fixture("everything.pem"), fixture("root.pem")].concat();
    let decoded = decode(&input);
    let blocks: Vec<&Decoded> = decoded.iter().collect();
    let made = ocsp_request_in(&blocks, 1, Some(&[7; 16])).unwrap();
    assert_eq!(made.url.as_deref(), Some("http://ocsp.example.test"));
    assert_eq!(made.request_file, "certificate-1.ocsp-request.der");
    assert_eq!(
        made.commands[0],
        "openssl ocsp -issuer certificate-2.pem -cert certificate-1.pem -url http://ocsp.example.test -resp_text -noverify"
    );
    assert!(made.commands[1].contains("@certificate-1.ocsp-request.der"));
    let request = ocsp::OcspRequest::from_der(&made.der).unwrap();
    let cert = x509_cert::Certificate::load_pem_chain(&fixture("everything.pem")).unwrap();
    let root = x509_cert::Certificate::load_pem_chain(&fixture("root.pem")).unwrap();
    let id = &request.tbs_request.request_list[0].req_cert;
    let serial = cert[0].tbs_certificate().serial_number();
    assert_eq!(id.names(&root[0], serial), Some(true));
    // Alone, the issuer is missing and the message says so; a block that is no certificate
    // is refused.
    let alone = decode(&fixture("everything.pem"));
    let error = ocsp_request_in(&alone.iter().collect::<Vec<_>>(), 1, None)
        .unwrap_err()
        .to_string();
    assert!(error.contains("is not in this input"), "{error}");
    assert!(ocsp_request_in(&blocks, 9, None).is_err());
}

/// The request written by hand is byte for byte what der's encoders make of the RFC 6960
/// types, with a nonce and without.
#[test]
fn the_request_der_is_the_types_encoding() {
    use der::Encode;
    let leaf = x509_cert::Certificate::load_pem_chain(&fixture("leaf.pem")).unwrap();
    let int = x509_cert::Certificate::load_pem_chain(&fixture("int.pem")).unwrap();
    let serial = leaf[0].tbs_certificate().serial_number().clone();
    let id = CertId::new(&int[0], serial, CertIdHash::Sha1).unwrap();
    for nonce in [None, Some(&[0x5a_u8; 16][..])] {
        let typed = ocsp::OcspRequest {
            tbs_request: ocsp::TbsRequest {
                version: 0,
                requestor_name: None,
                request_list: vec![ocsp::Request {
                    req_cert: id.clone(),
                    single_request_extensions: None,
                }],
                request_extensions: nonce.map(|n| {
                    vec![x509_cert::ext::Extension {
                        extn_id: const_oid::db::rfc6960::ID_PKIX_OCSP_NONCE,
                        critical: false,
                        extn_value: der::asn1::OctetString::new(
                            der::asn1::OctetString::new(n).unwrap().to_der().unwrap(),
                        )
                        .unwrap(),
                    }]
                }),
            },
            optional_signature: None,
        };
        assert_eq!(
            ocsp::request_der(&id, nonce).unwrap(),
            typed.to_der().unwrap()
        );
    }
    // Without a nonce it is OpenSSL's own request for the leaf, but for the nonce.
    let theirs = ocsp::OcspRequest::from_der(&fixture("leaf.ocsp-request")).unwrap();
    let ours =
        ocsp::OcspRequest::from_der(&ocsp::request_der(&id, Some(&[1; 16])).unwrap()).unwrap();
    assert_eq!(
        ours.tbs_request.request_list,
        theirs.tbs_request.request_list
    );
}
