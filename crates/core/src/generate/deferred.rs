//! Generation with the public-key work done outside core, by the page's WebCrypto, which is
//! asynchronous: a run that meets a key, signature or check it has no answer for notes it as
//! [`Wanted`] and goes on with a placeholder; the caller makes what was wanted, hands it in, and
//! runs the same work again with the same time and randomness ([`Replay`]). A run that wanted
//! nothing used only real answers: its result is the one. The page thereby carries no RSA or
//! elliptic-curve code of its own.

use super::engine::Engine;
use super::key::Sign;
use super::{KeyPair, KeyType, PrivateKey};
use crate::error::Error;
use crate::signature::{Check, SignatureError};
use der::Decode;
use rand_core::{CryptoRng, TryCryptoRng, TryRng};
use spki::SubjectPublicKeyInfoOwned;
use std::cell::RefCell;
use std::convert::Infallible;
use std::rc::Rc;
use zeroize::Zeroizing;

/// Work a run could not do itself. `key` numbers the keys of one [`Deferred`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wanted {
    /// A new key: answer with [`Deferred::made`].
    NewKey {
        /// The key's number.
        key: usize,
        /// What kind of key to make.
        key_type: KeyType,
    },
    /// The public half of a key the user gave, to sign with it: answer with
    /// [`Deferred::imported`].
    Import {
        /// The key's number.
        key: usize,
        /// What kind of key it is.
        key_type: KeyType,
        /// The key, PKCS#8 DER.
        pkcs8: Zeroizing<Vec<u8>>,
    },
    /// `message` signed with `key`, as the certificate's BIT STRING carries it (DER for ECDSA;
    /// see [`crate::webcrypto::ecdsa_der`]): answer with [`Deferred::signed`].
    Signature {
        /// The key's number.
        key: usize,
        /// The bytes to sign.
        message: Vec<u8>,
    },
    /// A signature check: answer with [`Deferred::checked`].
    Check(Check),
}

/// An [`Engine`] whose answers are handed in between runs.
#[derive(Clone, Default)]
pub struct Deferred {
    book: Rc<RefCell<Book>>,
}

#[derive(Default)]
struct Book {
    keys: Vec<Slot>,
    signatures: Vec<(usize, Vec<u8>, Vec<u8>)>,
    checks: Vec<(Check, Result<(), SignatureError>)>,
    wanted: Vec<Wanted>,
    /// New keys asked for in this run: the nth ask gets the nth new key of every run.
    new_keys_asked: usize,
}

struct Slot {
    key_type: KeyType,
    origin: Origin,
    made: Option<Made>,
}

enum Origin {
    New { nth: usize },
    Given(Zeroizing<Vec<u8>>),
}

struct Made {
    pkcs8: Zeroizing<Vec<u8>>,
    public_key: SubjectPublicKeyInfoOwned,
}

impl Book {
    fn want(&mut self, wanted: Wanted) {
        if !self.wanted.contains(&wanted) {
            self.wanted.push(wanted);
        }
    }

    /// Wants `key` made when it is not: every run that uses a missing key says so.
    fn want_key(&mut self, key: usize) -> Option<&Made> {
        let slot = self.keys.get(key)?;
        if slot.made.is_none() {
            let wanted = match &slot.origin {
                Origin::New { .. } => Wanted::NewKey {
                    key,
                    key_type: slot.key_type,
                },
                Origin::Given(pkcs8) => Wanted::Import {
                    key,
                    key_type: slot.key_type,
                    pkcs8: pkcs8.clone(),
                },
            };
            self.want(wanted);
        }
        self.keys[key].made.as_ref()
    }
}

impl Deferred {
    /// A run with nothing answered yet.
    pub fn new() -> Deferred {
        Deferred::default()
    }

    /// Starts a run (the first or a repeat): call before each.
    pub fn begin(&self) {
        let mut book = self.book.borrow_mut();
        book.wanted.clear();
        book.new_keys_asked = 0;
    }

    /// What the run since [`Deferred::begin`] lacked; empty when its result is final.
    pub fn wanted(&self) -> Vec<Wanted> {
        self.book.borrow().wanted.clone()
    }

    /// A new key, made outside: its PKCS#8 DER and SubjectPublicKeyInfo DER.
    pub fn made(&self, key: usize, pkcs8: Zeroizing<Vec<u8>>, spki: &[u8]) -> Result<(), Error> {
        self.answer_key(key, Some(pkcs8), spki)
    }

    /// A given key's public half (SubjectPublicKeyInfo DER), computed outside.
    pub fn imported(&self, key: usize, spki: &[u8]) -> Result<(), Error> {
        self.answer_key(key, None, spki)
    }

    fn answer_key(
        &self,
        key: usize,
        pkcs8: Option<Zeroizing<Vec<u8>>>,
        spki: &[u8],
    ) -> Result<(), Error> {
        let public_key = SubjectPublicKeyInfoOwned::from_der(spki)
            .map_err(|e| Error::Key(format!("the public key made is not SPKI: {e}")))?;
        let mut book = self.book.borrow_mut();
        let slot = book
            .keys
            .get_mut(key)
            .ok_or_else(|| Error::Key(format!("no key {key} was asked for")))?;
        let pkcs8 = match (&slot.origin, pkcs8) {
            (_, Some(pkcs8)) => pkcs8,
            (Origin::Given(pkcs8), None) => pkcs8.clone(),
            (Origin::New { .. }, None) => {
                return Err(Error::Key("a new key needs its private half".into()));
            }
        };
        slot.made = Some(Made { pkcs8, public_key });
        Ok(())
    }

    /// `message` signed with `key`.
    pub fn signed(&self, key: usize, message: Vec<u8>, signature: Vec<u8>) {
        self.book
            .borrow_mut()
            .signatures
            .push((key, message, signature));
    }

    /// The outcome of `check`.
    pub fn checked(&self, check: Check, outcome: Result<(), SignatureError>) {
        self.book.borrow_mut().checks.push((check, outcome));
    }

    fn signer_for(&self, key: usize, key_type: KeyType) -> KeyPair {
        self.book.borrow_mut().want_key(key);
        KeyPair::new(
            key_type,
            Box::new(HeldOutside {
                key,
                key_type,
                book: self.book.clone(),
            }),
        )
    }
}

impl Engine for Deferred {
    fn new_key(&self, key_type: KeyType) -> Result<KeyPair, Error> {
        let key = {
            let mut book = self.book.borrow_mut();
            let nth = book.new_keys_asked;
            book.new_keys_asked += 1;
            let found = book.keys.iter().position(|slot| {
                slot.key_type == key_type
                    && matches!(slot.origin, Origin::New { nth: n } if n == nth)
            });
            found.unwrap_or_else(|| {
                book.keys.push(Slot {
                    key_type,
                    origin: Origin::New { nth },
                    made: None,
                });
                book.keys.len() - 1
            })
        };
        Ok(self.signer_for(key, key_type))
    }

    fn signer(&self, given: PrivateKey) -> Result<KeyPair, Error> {
        let key = {
            let mut book = self.book.borrow_mut();
            let found = book.keys.iter().position(
                |slot| matches!(&slot.origin, Origin::Given(pkcs8) if *pkcs8 == given.pkcs8),
            );
            found.unwrap_or_else(|| {
                book.keys.push(Slot {
                    key_type: given.key_type,
                    origin: Origin::Given(given.pkcs8),
                    made: None,
                });
                book.keys.len() - 1
            })
        };
        Ok(self.signer_for(key, given.key_type))
    }

    fn check(&self, check: &Check) -> Result<(), SignatureError> {
        let mut book = self.book.borrow_mut();
        match book.checks.iter().find(|(made, _)| made == check) {
            Some((_, outcome)) => outcome.clone(),
            None => {
                book.want(Wanted::Check(check.clone()));
                Ok(())
            }
        }
    }
}

/// What does the [`Wanted`] work: the page's WebCrypto. `key` numbers the keys of one
/// [`settle`], so an implementation keeps each key it makes or imports under its number.
// Futures here run on one thread (the page's); no `Send` is asked of them.
#[allow(async_fn_in_trait)]
pub trait Outside {
    /// A new key: its PKCS#8 DER and SubjectPublicKeyInfo DER.
    async fn new_key(
        &self,
        key: usize,
        key_type: KeyType,
    ) -> Result<(Zeroizing<Vec<u8>>, Vec<u8>), Error>;
    /// The SubjectPublicKeyInfo DER of a given PKCS#8 key, kept to sign with.
    async fn import(&self, key: usize, key_type: KeyType, pkcs8: &[u8]) -> Result<Vec<u8>, Error>;
    /// `message` signed with `key`, as a certificate's BIT STRING carries it.
    async fn sign(&self, key: usize, message: &[u8]) -> Result<Vec<u8>, Error>;
    /// Checks a signature (the engine may answer later).
    async fn check(&self, check: &Check) -> Result<(), SignatureError>;
}

/// Runs `work` until a run wants nothing, doing what each run wanted with `outside` in
/// between; each run sees the same randomness from `rng`. Three runs at most in practice (keys,
/// then signatures); more runs mean the work is not repeatable, an error.
pub async fn settle<T, R: CryptoRng>(
    outside: &impl Outside,
    rng: R,
    mut work: impl FnMut(&Deferred, &mut Replay<R>) -> Result<T, Error>,
) -> Result<T, Error> {
    const RUNS: usize = 6;
    let engine = Deferred::new();
    let mut replay = Replay::new(rng);
    for _ in 0..RUNS {
        engine.begin();
        replay.rewind();
        let result = work(&engine, &mut replay);
        let wanted = engine.wanted();
        if wanted.is_empty() {
            return result;
        }
        for wanted in wanted {
            match wanted {
                Wanted::NewKey { key, key_type } => {
                    let (pkcs8, spki) = outside.new_key(key, key_type).await?;
                    engine.made(key, pkcs8, &spki)?;
                }
                Wanted::Import {
                    key,
                    key_type,
                    pkcs8,
                } => {
                    let spki = outside.import(key, key_type, &pkcs8).await?;
                    engine.imported(key, &spki)?;
                }
                Wanted::Signature { key, message } => {
                    let signature = outside.sign(key, &message).await?;
                    engine.signed(key, message, signature);
                }
                Wanted::Check(check) => {
                    let outcome = outside.check(&check).await;
                    engine.checked(check, outcome);
                }
            }
        }
    }
    Err(Error::Build(format!(
        "generation did not settle after {RUNS} runs (a run differs from the one before)"
    )))
}

/// A key held outside: what it signs is looked up in the book, or wanted.
struct HeldOutside {
    key: usize,
    key_type: KeyType,
    book: Rc<RefCell<Book>>,
}

impl Sign for HeldOutside {
    fn pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, Error> {
        let mut book = self.book.borrow_mut();
        Ok(book
            .want_key(self.key)
            .map(|made| made.pkcs8.clone())
            .unwrap_or_default())
    }

    fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, Error> {
        let mut book = self.book.borrow_mut();
        match book.want_key(self.key) {
            Some(made) => Ok(made.public_key.clone()),
            // A placeholder of the right algorithm, for a run whose result is thrown away.
            None => Ok(SubjectPublicKeyInfoOwned {
                algorithm: self.key_type.public_key_algorithm(),
                subject_public_key: der::asn1::BitString::from_bytes(&[])
                    .map_err(|e| Error::Key(e.to_string()))?,
            }),
        }
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, Error> {
        let mut book = self.book.borrow_mut();
        if book.want_key(self.key).is_none() {
            return Ok(Vec::new());
        }
        let found = book
            .signatures
            .iter()
            .find(|(key, signed, _)| *key == self.key && signed == message);
        match found {
            Some((_, _, signature)) => Ok(signature.clone()),
            None => {
                book.want(Wanted::Signature {
                    key: self.key,
                    message: message.to_vec(),
                });
                Ok(Vec::new())
            }
        }
    }
}

/// Randomness that repeats: the first run's bytes come from `source` and are kept; each later
/// run (after [`Replay::rewind`]) reads the same bytes again, so it makes the same serial
/// numbers and salts, hence the same messages to sign.
pub struct Replay<R> {
    source: R,
    kept: Vec<u8>,
    read: usize,
}

impl<R: CryptoRng> Replay<R> {
    /// Answers taken from `source` in turn.
    pub fn new(source: R) -> Replay<R> {
        Replay {
            source,
            kept: Vec::new(),
            read: 0,
        }
    }

    /// Reads from the first byte again.
    pub fn rewind(&mut self) {
        self.read = 0;
    }
}

impl<R: CryptoRng> TryRng for Replay<R> {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        let end = self.read + dst.len();
        if end > self.kept.len() {
            let start = self.kept.len();
            self.kept.resize(end, 0);
            self.source.fill_bytes(&mut self.kept[start..]);
        }
        dst.copy_from_slice(&self.kept[self.read..end]);
        self.read = end;
        Ok(())
    }
}

impl<R: CryptoRng> TryCryptoRng for Replay<R> {}

impl<R> Drop for Replay<R> {
    fn drop(&mut self) {
        // The bytes salted and seeded secrets (key.pem's encryption).
        zeroize::Zeroize::zeroize(&mut self.kept);
    }
}
