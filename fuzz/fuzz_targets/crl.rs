//! CRL reading and revocation checking (RFC 5280 section 6.3) over fuzzed CRLs: each CRL the
//! input holds is offered for the fixtures' chain, with revocation required, so every scope,
//! signer, date and entry rule runs.
#![no_main]
use certbench_core::verify::{self, Crl, Options, Purpose};
use certbench_core::{UnixTime, decode};

const CHAIN: &[u8] = include_bytes!("../../tests/fixtures/fullchain.pem");
const ROOT: &[u8] = include_bytes!("../../tests/fixtures/root.pem");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(lists) = decode::read_crls(data) else {
        return;
    };
    let (Ok(chain), Ok(root)) = (decode::read_certificates(CHAIN), decode::read_certificates(ROOT))
    else {
        return;
    };
    let crls: Vec<Crl> = lists.into_iter().map(Crl::new).collect();
    for profile in [verify::Profile::Webpki, verify::Profile::Rfc5280] {
        let options = Options {
            purpose: Some(Purpose::Server),
            crls: crls.clone(),
            require_revocation: true,
            profile,
            ..Options::at(UnixTime(1_800_000_000))
        };
        let _ = verify::verify(&chain, &root, &options);
    }
});
