//! Opening PKCS#12 files and encrypted PKCS#8 keys with the fixtures' password: the MAC, PBES2
//! (its parameters read by hand: `pbe/pbes2.rs`) and the legacy PBEs, and every bag (a file
//! without a MAC reaches the bags whatever its bytes).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = certbench_core::pkcs12::contents(data, "fixture");
    let _ = certbench_core::pbe::decrypt_pkcs8(data, "fixture");
});
