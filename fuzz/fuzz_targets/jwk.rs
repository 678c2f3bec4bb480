//! JSON, JWKs and JWK Sets, then every conversion of what they decode to. Each key read makes
//! a SubjectPublicKeyInfo that reads back as the same key, and a JWK written from it reads
//! back as the same key too.
#![no_main]
use certbench_core::convert::{self, Target};
use certbench_core::jose::PublicParts;
use certbench_core::{inspect, json, jwk};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = json::parse(data);
    // Most inputs are not JSON: make every one look like a JWK too.
    let wrapped = [b"{\"kty\":".as_slice(), data, b"}"].concat();
    for text in [data, wrapped.as_slice()] {
        for (_, read) in jwk::read(text).into_iter().flatten() {
            let Ok(read) = read else { continue };
            let parts = PublicParts::of_spki(&read.members.spki).expect("a JWK's SPKI reads back");
            let written = jwk::public_jwk(&parts, &jwk::Extra::default());
            let again = jwk::read(written.as_bytes()).expect("a written JWK is a JWK");
            let [(_, Ok(again))] = again.as_slice() else {
                panic!("a written JWK reads as one key: {written}");
            };
            assert_eq!(again.members.spki, read.members.spki, "{written}");
        }
        let Ok(blocks) = inspect::decode(text, certbench_core::UnixTime(1_893_456_000)) else {
            continue;
        };
        let blocks: Vec<_> = blocks.into_iter().flatten().collect();
        for target in [Target::Jwk, Target::Pem, Target::Der, Target::Ssh] {
            for private in [false, true] {
                let _ = convert::convert(&blocks, target, private);
            }
        }
    }
});
