//! Cipher-suite names and codes in any spelling (every stack's, SSL 2.0's three-byte codes),
//! OpenSSL cipher strings and config lines, and pasted server TLS blocks checked against
//! Mozilla's profiles (`tls-config --check`), the other TLS registries, and pasted handshakes
//! (`handshake`: s_client, curl and nmap outputs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = certbench_core::cipher::explain(text);
        let _ = certbench_core::cipher::parse_code(text);
        let _ = certbench_core::cipher::string::expand(text);
        let _ = certbench_core::tls_config::check(text);
        let _ = certbench_core::cipher::registries::explain(text, true);
        let _ = certbench_core::handshake::read(text);
    }
});
