//! Opening PKCS#12 files with the fixtures' password: the MAC, the PBES2 and legacy PBE
//! decryption, and every bag (a file without a MAC reaches the bags whatever its bytes).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = certbench_core::pkcs12::contents(data, "fixture");
});
