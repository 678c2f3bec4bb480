//! Path building and validation over fuzzed bundles: every certificate is also offered as an
//! anchor, with a host name and a pin, so every rule runs.
#![no_main]
use certbench_core::decode;
use certbench_core::verify::{self, Options, Purpose};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(certs) = decode::read_certificates(data) else {
        return;
    };
    let options = Options {
        host: Some("www.example.test".into()),
        purpose: Some(Purpose::Server),
        pins: vec!["AAAA".into()],
        max_intermediates: Some(3),
        ..Options::at(certbench_core::UnixTime(1_893_456_000))
    };
    let anchors = certs.last().cloned().into_iter().collect::<Vec<_>>();
    let _ = verify::verify(&certs, &anchors, &options);
    let _ = verify::verify(&certs, &certs, &options);
});
