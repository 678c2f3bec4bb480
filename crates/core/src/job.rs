//! The work the web app hands to its worker, and the replies: everything that needs
//! public-key arithmetic (signing, key generation, signature checks, decryption), so the
//! module that paints first carries none of it. Plain data both ways; [`run`] is the worker's
//! whole job, deterministic for a given time and random source, and tested natively.

use crate::decode::crypto::{self, Fact, Task};
use crate::generate::{
    KeyPair,
    order::{MadeCa, Order, Outcome, whole_chain},
};
use crate::{Error, time::UnixTime, verify};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// Signature checks and derived public keys for a structural decode.
    Facts(Vec<Task>),
    /// Decrypt an encrypted PKCS#8 key: its plaintext PKCS#8 DER comes back.
    Decrypt {
        der: Vec<u8>,
        password: String,
    },
    /// Fulfil a Generate order, with the key made by the page (WebCrypto RSA, as PKCS#8) or,
    /// when `None`, a new one of the order's type made here.
    Generate {
        order: Box<Order>,
        key_pkcs8: Option<Vec<u8>>,
        made: Vec<MadeCa>,
    },
    /// Root → intermediate → server and client.
    WholeChain,
    Verify(Box<verify::order::Order>),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    Facts(Vec<Fact>),
    Decrypted(Result<Vec<u8>, String>),
    Generated(Result<Outcome, String>),
    Verified(Result<verify::Verdict, String>),
}

/// Does one job.
pub fn run<R: CryptoRng + ?Sized>(job: Job, now: UnixTime, rng: &mut R) -> Reply {
    match job {
        Job::Facts(tasks) => Reply::Facts(crypto::perform(&tasks)),
        Job::Decrypt { der, password } => Reply::Decrypted(decrypt(&der, &password)),
        Job::Generate {
            order,
            key_pkcs8,
            made,
        } => Reply::Generated(
            match key_pkcs8 {
                Some(der) => KeyPair::from_pkcs8_der(&der),
                None => KeyPair::generate(order.key_type(), rng),
            }
            .map_err(|e| e.to_string())
            .and_then(|key| order.fulfil(key, &made, now, rng)),
        ),
        Job::WholeChain => Reply::Generated(whole_chain(now, rng)),
        Job::Verify(order) => Reply::Verified(order.run(now)),
    }
}

fn decrypt(der: &[u8], password: &str) -> Result<Vec<u8>, String> {
    crate::decode::decrypt_pkcs8(der, password)
        .map(|plain| plain.to_vec())
        .map_err(|e: Error| e.to_string())
}
