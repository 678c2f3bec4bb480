//! JSON Web Keys (RFC 7517): what a JWK's members say, beside the key they make.

use super::key::{PublicKeyReport, public_key};
use crate::jose::Members;
use der::Decode;
use serde::{Deserialize, Serialize};

/// One JWK: its members as written and the key they make.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JwkReport {
    /// `kty`: `RSA`, `EC` or `OKP`.
    pub kty: String,
    /// `crv`, for EC and OKP keys.
    pub crv: Option<String>,
    /// `kid`, the key's id.
    pub kid: Option<String>,
    /// `use`: `sig` or `enc`.
    #[serde(rename = "use")]
    pub key_use: Option<String>,
    /// `alg`, the algorithm it is meant for (`RS256`, `ES256`, …).
    pub alg: Option<String>,
    /// `key_ops` (`sign`, `verify`, …).
    pub key_ops: Vec<String>,
    /// The JWK holds its private key (`d`): it must never be published.
    pub private: bool,
    /// The public key.
    pub public_key: PublicKeyReport,
    /// `kid` is the key's RFC 7638 thumbprint.
    pub kid_is_thumbprint: bool,
    /// How many certificates `x5c` holds; they are the blocks after this one.
    pub x5c: usize,
    /// `x5t#S256`, as written.
    pub x5t_s256: Option<String>,
    /// `x5t#S256` is the SHA-256 of the first `x5c` certificate; `None` without both.
    pub x5t_s256_matches: Option<bool>,
    /// The first `x5c` certificate carries this key; `None` without `x5c`.
    pub x5c_key_matches: Option<bool>,
    /// The blocks whose certificate, CSR, key or JWK carries the same public key.
    pub matches: Vec<usize>,
    /// Findings (see [`crate::lint`]).
    #[serde(default)]
    pub lint: Vec<crate::finding::Finding>,
}

/// The report of a JWK whose members are `members`.
pub fn report(members: &Members) -> Result<JwkReport, der::Error> {
    let public_key = public_key(&spki::SubjectPublicKeyInfoOwned::from_der(&members.spki)?);
    Ok(JwkReport {
        kty: members.kty.clone(),
        crv: members.crv.clone(),
        kid: members.kid.clone(),
        key_use: members.key_use.clone(),
        alg: members.alg.clone(),
        key_ops: members.key_ops.clone(),
        private: members.private,
        kid_is_thumbprint: members.kid.is_some() && members.kid == public_key.jwk_thumbprint,
        public_key,
        x5c: members.x5c,
        x5t_s256: members.x5t_s256.clone(),
        x5t_s256_matches: match (&members.x5t_s256, &members.x5c_sha256) {
            (Some(given), Some(made)) => Some(given == made),
            _ => None,
        },
        x5c_key_matches: members.x5c_key_matches,
        matches: Vec::new(),
        lint: Vec::new(),
    })
}
