//! Lint on certificates as CAs wrote them: the BER-to-DER rewriting (which must reach DER in
//! one pass: rewriting its output changes nothing), then every profile's rules.
#![no_main]
use certbench_core::{canonical, inspect, lint};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((der, _)) = canonical::rewrite(data) {
        assert_eq!(
            canonical::rewrite(&der),
            Some((der.clone(), Vec::new())),
            "rewriting is not idempotent"
        );
    }
    let Ok(blocks) = inspect::decode(data, certbench_core::UnixTime(1_893_456_000)) else {
        return;
    };
    for block in blocks.iter().flatten() {
        for cert in block.certificates() {
            for (_, _, kinds) in lint::PROFILES {
                let _ = lint::certificate_as(cert, Some(lint::Profile { kinds: *kinds }));
            }
        }
    }
});
