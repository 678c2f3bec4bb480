//! Cipher-suite names and codes in any spelling, and OpenSSL cipher strings and config lines.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = certbench_core::cipher::explain(text);
        let _ = certbench_core::cipher::parse_code(text);
        let _ = certbench_core::cipher::string::expand(text);
    }
});
