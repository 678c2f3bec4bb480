//! The generic ASN.1 tree of the "show me the bytes" view.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = certbench_core::asn1::parse(data);
});
