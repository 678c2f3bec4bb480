//! Where generation's keys and its one signature check (a CSR's) come from: RustCrypto in this
//! process ([`Software`]), or the page's WebCrypto ([`super::deferred::Deferred`]).

use super::{KeyPair, KeyType, PrivateKey};
use crate::error::Error;
use crate::signature::{Check, SignatureError};
use rand_core::CryptoRng;
use std::cell::RefCell;

/// The public-key side of generation.
pub trait Engine {
    /// A new key of `key_type`.
    fn new_key(&self, key_type: KeyType) -> Result<KeyPair, Error>;
    /// A signer for a key the user gave (their own, or a CA's).
    fn signer(&self, key: PrivateKey) -> Result<KeyPair, Error>;
    /// The outcome of a signature check: a CSR's proof of possession (RFC 2986 section 3).
    fn check(&self, check: &Check) -> Result<(), SignatureError>;
}

/// RustCrypto, with keys from `rng`: the CLI's engine.
pub struct Software<R>(RefCell<R>);

impl<R: CryptoRng> Software<R> {
    /// An engine drawing its randomness from `rng`.
    pub fn new(rng: R) -> Software<R> {
        Software(RefCell::new(rng))
    }
}

impl<R: CryptoRng> Engine for Software<R> {
    fn new_key(&self, key_type: KeyType) -> Result<KeyPair, Error> {
        KeyPair::generate(key_type, &mut *self.0.borrow_mut())
    }

    fn signer(&self, key: PrivateKey) -> Result<KeyPair, Error> {
        KeyPair::from_private_key(&key)
    }

    fn check(&self, check: &Check) -> Result<(), SignatureError> {
        check.run()
    }
}
