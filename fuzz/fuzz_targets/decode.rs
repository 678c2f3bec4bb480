//! Decoding every kind (certificates, CSRs, keys, CRLs, PKCS#7, PKCS#12) with lint.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = certbench_core::decode::decode(data, certbench_core::UnixTime(1_893_456_000));
});
