//! The worker that runs certbench-core for the page. Decoding, verifying, generating and
//! opening password-protected files all happen in its own wasm module (bin `certbench-worker`),
//! with the browser's WebCrypto (which workers have too); the page's module holds the tabs,
//! the cipher tables and the report types, so it paints after a much smaller download, and no
//! decode or key generation ever blocks the page.
//!
//! [`protocol`] is what crosses between them, [`serve`] the worker's side, [`client`] the
//! page's.

mod client;
mod protocol;
mod serve;

pub use client::{
    Decoding, Input, PageBlocks, Verified, Window, abandon_unlocks, answer_in_page, asn1,
    certificates_as_pem, decode, form, generate, ocsp_request, revoked, share_decode, share_encode,
    start, unlock, verify,
};
pub use protocol::Made;
pub use serve::serve;
