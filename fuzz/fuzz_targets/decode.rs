//! Decoding every kind (certificates, CSRs, keys, CRLs, PKCS#7, PKCS#12) with lint, then what
//! the page asks of the blocks: the overview, a filtered and ordered selection, the exports.
#![no_main]
use certbench_core::{decode::overview, inspect};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(blocks) = inspect::decode(data, certbench_core::UnixTime(1_893_456_000)) else {
        return;
    };
    let _ = overview::overview(&blocks);
    let view = overview::View {
        text: "a:B".into(),
        order: overview::Order::ExpiresFirst,
        ..Default::default()
    };
    let _ = overview::select(&blocks, &view);
    for block in blocks.iter().flatten() {
        let _ = block.export();
    }
});
