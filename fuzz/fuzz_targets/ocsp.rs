//! OCSP (RFC 6960): fuzzed bytes as a response and as a request, through the reports, the
//! response's signature and CertID checks against the fixtures' intermediate, and the response
//! offered to verify for the fixtures' chain (signer, freshness and status rules).
#![no_main]
use certbench_core::decode::{self, crypto};
use certbench_core::verify::{self, OcspAnswer, Options};
use certbench_core::ocsp::{OcspRequest, OcspResponse};
use certbench_core::{UnixTime, inspect};
use der::Decode;

const INT: &[u8] = include_bytes!("../../tests/fixtures/int.pem");
const CHAIN: &[u8] = include_bytes!("../../tests/fixtures/fullchain.pem");
const ROOT: &[u8] = include_bytes!("../../tests/fixtures/root.pem");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(request) = OcspRequest::from_der(data) {
        let _ = decode::ocsp::request(&request);
    }
    let Ok(response) = OcspResponse::from_der(data) else {
        return;
    };
    let _ = decode::ocsp::response(&response);
    if let (Ok(answer), Ok(chain), Ok(root)) = (
        OcspAnswer::new(&response),
        decode::read_certificates(CHAIN),
        decode::read_certificates(ROOT),
    ) {
        let options = Options {
            ocsp: vec![answer],
            require_revocation: true,
            ..Options::at(UnixTime(1_800_000_000))
        };
        let _ = verify::verify(&chain, &root, &options);
    }
    let Ok(issuer) = decode::read_certificates(INT) else {
        return;
    };
    if let Some(Ok(basic)) = certbench_core::ocsp::basic(&response)
        && let Ok(tbs) = basic.data()
    {
        for single in &tbs.responses {
            let _ = single.cert_id.names(&issuer[0], &single.cert_id.serial_number);
        }
    }
    // The whole decode, with the intermediate beside it: the signature task runs.
    let mut input = INT.to_vec();
    input.extend_from_slice(b"-----BEGIN OCSP RESPONSE-----\n");
    input.extend_from_slice(base64(data).as_bytes());
    input.extend_from_slice(b"\n-----END OCSP RESPONSE-----\n");
    if let Ok(blocks) = inspect::decode(&input, UnixTime(1_800_000_000)) {
        let _ = crypto::tasks(&blocks);
    }
});

fn base64(data: &[u8]) -> String {
    use base64ct::Encoding;
    base64ct::Base64::encode_string(data)
}
