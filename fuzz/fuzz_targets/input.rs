//! The input layer: PEM/DER/base64 sniffing and block splitting on arbitrary bytes.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = certbench_core::input::read_blocks(data);
});
