//! One module per command: each reads its input, calls core, and hands the result to
//! [`crate::text`] or serde for printing.

pub(crate) mod calendar;
pub(crate) mod cipher;
pub(crate) mod convert;
pub(crate) mod decode;
pub(crate) mod diff;
pub(crate) mod generate;
pub(crate) mod handshake;
pub(crate) mod lint;
pub(crate) mod ocsp;
pub(crate) mod tls_config;
pub(crate) mod verify;
