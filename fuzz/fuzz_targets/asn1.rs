//! The generic ASN.1 tree of the "show me the bytes" view, and the field lists of each kind of
//! structure it points into (certificate, CSR, CRL).
#![no_main]
use certbench_core::asn1::{self, Shape};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = asn1::parse(data);
    for shape in [Shape::Certificate, Shape::Request, Shape::RevocationList] {
        for (_, offset) in asn1::fields(shape, data) {
            assert!(offset < data.len().max(1), "a field points past the input");
        }
    }
});
