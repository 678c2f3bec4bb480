//! Generate: keys, certificates for every profile (self-signed, root, intermediate, server,
//! client), CSRs, and signing a CSR with a CA. Randomness and time are passed in; the same code
//! runs in the CLI (OS randomness) and in the page (the browser's CSPRNG).

mod csr;
pub mod deferred;
pub mod engine;
mod extensions;
mod issue;
mod key;
mod names;
#[cfg(feature = "ocsp")]
mod ocsp_request;
pub mod order;
mod recipe;
mod request;

pub use csr::{CsrPreview, Requested, SignedCsr, csr, preview_csr, requested_extensions, sign_csr};
pub use extensions::preview_extensions;
pub use issue::{ChainFiles, Issued, chain_files, issue, self_signed};
pub(crate) use key::sec1_as_pkcs8;
pub use key::{KeyPair, KeyType, PrivateKey};
pub use names::parse_san;
#[cfg(feature = "ocsp")]
pub use ocsp_request::{OcspFiles, OcspRequestMade, ocsp_request, ocsp_request_in};
pub use recipe::{OpensslRecipe, openssl_recipe};
pub use request::{IssuedBy, Profile, Request, Subject, default_days};
