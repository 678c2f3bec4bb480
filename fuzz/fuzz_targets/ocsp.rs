//! OCSP reading (RFC 6960): fuzzed bytes as a response and as a request, through the reports
//! and the response's signature and CertID checks against the fixtures' intermediate.
#![no_main]
use certbench_core::decode::{self, crypto};
use certbench_core::ocsp::{OcspRequest, OcspResponse};
use certbench_core::{UnixTime, inspect};
use der::Decode;

const INT: &[u8] = include_bytes!("../../tests/fixtures/int.pem");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(request) = OcspRequest::from_der(data) {
        let _ = decode::ocsp::request(&request);
    }
    let Ok(response) = OcspResponse::from_der(data) else {
        return;
    };
    let _ = decode::ocsp::response(&response);
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
