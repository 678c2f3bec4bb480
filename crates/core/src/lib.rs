//! certbench-core: all of certbench's PKI logic, pure Rust, the same natively and in wasm.
//! Time and randomness are always passed in.

#![deny(missing_docs)]

pub mod asn1;
pub mod calendar;
pub mod canonical;
pub mod cipher;
#[cfg(feature = "jose")]
pub mod convert;
pub mod ct;
pub mod decode;
pub mod diff;
pub mod dn;
pub mod error;
pub mod extension;
pub mod finding;
pub mod generate;
pub mod glossary;
#[cfg(feature = "tls-names")]
pub mod handshake;
pub mod input;
pub mod inspect;
pub mod jose;
pub mod json;
#[cfg(feature = "jose")]
pub mod jwk;
pub mod lint;
#[cfg(feature = "ocsp")]
pub mod ocsp;
pub mod oids;
pub mod pbe;
pub mod pkcs12;
pub mod samples;
pub mod share;
pub mod signature;
pub mod sort;
pub mod ssh;
pub mod time;
#[cfg(feature = "tls-config")]
pub mod tls_config;
mod tlv;
pub mod verify;
pub mod webcrypto;
pub mod zip;

pub use error::Error;
pub use time::UnixTime;
/// The certificate type reports and verification take, re-exported so callers need not pin x509-cert.
pub use x509_cert::Certificate;
