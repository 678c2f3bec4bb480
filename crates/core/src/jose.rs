//! Keys as JOSE names them (RFC 7518 §6, RFC 8037): a public key by its JWK members, to and
//! from a SubjectPublicKeyInfo, and its RFC 7638 thumbprint (what `kid` values usually are).
//! Reading and writing whole JWKs is [`crate::jwk`]'s.

use crate::tlv::{self, INTEGER, NULL, SEQUENCE};
use base64ct::{Base64UrlUnpadded, Encoding as _};
use sha2::{Digest, Sha256};

const BIT_STRING: u8 = 0x03;

/// rsaEncryption, id-ecPublicKey and the curves and OKP algorithms JWKs name, as DER OIDs.
const RSA_ENCRYPTION: &[u8] = &[6, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1];
const EC_PUBLIC_KEY: &[u8] = &[6, 7, 0x2a, 0x86, 0x48, 0xce, 0x3d, 2, 1];

/// The EC curves of JWK (`crv`, RFC 7518 §6.2.1.1 and RFC 8812): name, DER OID, coordinate bytes.
pub(crate) const EC_CURVES: [(&str, &[u8], usize); 4] = [
    ("P-256", &[6, 8, 0x2a, 0x86, 0x48, 0xce, 0x3d, 3, 1, 7], 32),
    ("P-384", &[6, 5, 0x2b, 0x81, 4, 0, 0x22], 48),
    ("P-521", &[6, 5, 0x2b, 0x81, 4, 0, 0x23], 66),
    ("secp256k1", &[6, 5, 0x2b, 0x81, 4, 0, 0x0a], 32),
];

/// The OKP subtypes (RFC 8037 §2): name, DER OID of the SPKI algorithm, key bytes.
const OKP_CURVES: [(&str, &[u8], usize); 4] = [
    ("Ed25519", &[6, 3, 0x2b, 0x65, 0x70], 32),
    ("Ed448", &[6, 3, 0x2b, 0x65, 0x71], 57),
    ("X25519", &[6, 3, 0x2b, 0x65, 0x6e], 32),
    ("X448", &[6, 3, 0x2b, 0x65, 0x6f], 56),
];

/// A public key by the members a JWK gives it: what thumbprints and JWKs are made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicParts {
    /// `kty: RSA`: modulus and exponent, unsigned big-endian without leading zeros.
    Rsa {
        /// `n`.
        n: Vec<u8>,
        /// `e`.
        e: Vec<u8>,
    },
    /// `kty: EC`: the curve and the point's coordinates, each the curve's full size.
    Ec {
        /// `crv`.
        crv: &'static str,
        /// `x`.
        x: Vec<u8>,
        /// `y`.
        y: Vec<u8>,
    },
    /// `kty: OKP`: the subtype and the public key.
    Okp {
        /// `crv`.
        crv: &'static str,
        /// `x`.
        x: Vec<u8>,
    },
}

pub(crate) fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

/// `bytes` as an unsigned integer without leading zero bytes (one zero byte for zero).
pub(crate) fn unsigned(bytes: &[u8]) -> &[u8] {
    let first = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len().saturating_sub(1));
    bytes.get(first..).unwrap_or(bytes)
}

/// A DER INTEGER of the unsigned big-endian `bytes`.
pub(crate) fn integer(bytes: &[u8]) -> Vec<u8> {
    let value = unsigned(bytes);
    let mut content = Vec::with_capacity(value.len() + 1);
    if value.first().is_none_or(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(value);
    tlv::encode(INTEGER, &content)
}

pub(crate) fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv::encode(SEQUENCE, &parts.concat())
}

pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    tlv::encode(BIT_STRING, &[&[0u8][..], bytes].concat())
}

impl PublicParts {
    /// The parts of an RSA key from its modulus and exponent as DER INTEGER contents.
    pub fn rsa(n: &[u8], e: &[u8]) -> PublicParts {
        PublicParts::Rsa {
            n: unsigned(n).to_vec(),
            e: unsigned(e).to_vec(),
        }
    }

    /// The parts of an EC key on the curve JWK calls `crv` from its SEC 1 point; `None` for
    /// a curve JWK has no name for, or a compressed or malformed point.
    pub fn ec(crv: &str, point: &[u8]) -> Option<PublicParts> {
        let &(crv, _, size) = EC_CURVES.iter().find(|(name, ..)| *name == crv)?;
        match point {
            [4, xy @ ..] if xy.len() == 2 * size => Some(PublicParts::Ec {
                crv,
                x: xy[..size].to_vec(),
                y: xy[size..].to_vec(),
            }),
            _ => None,
        }
    }

    /// The parts of an Ed25519, Ed448, X25519 or X448 key; `None` for another name or size.
    pub fn okp(crv: &str, x: &[u8]) -> Option<PublicParts> {
        let &(crv, _, size) = OKP_CURVES.iter().find(|(name, ..)| *name == crv)?;
        (x.len() == size).then(|| PublicParts::Okp { crv, x: x.to_vec() })
    }

    /// The required members in lexicographic order, no white space: RFC 7638 §3.2's input.
    fn required_members(&self) -> String {
        match self {
            PublicParts::Rsa { n, e } => {
                format!(r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#, b64(e), b64(n))
            }
            PublicParts::Ec { crv, x, y } => format!(
                r#"{{"crv":"{crv}","kty":"EC","x":"{}","y":"{}"}}"#,
                b64(x),
                b64(y)
            ),
            PublicParts::Okp { crv, x } => {
                format!(r#"{{"crv":"{crv}","kty":"OKP","x":"{}"}}"#, b64(x))
            }
        }
    }

    /// The RFC 7638 thumbprint: base64url of the SHA-256 of the required members.
    pub fn thumbprint(&self) -> String {
        b64(&Sha256::digest(self.required_members().as_bytes()))
    }

    /// The DER SubjectPublicKeyInfo of this key.
    pub fn spki(&self) -> Vec<u8> {
        match self {
            PublicParts::Rsa { n, e } => seq(&[
                &seq(&[RSA_ENCRYPTION, &[NULL, 0]]),
                &bit_string(&seq(&[&integer(n), &integer(e)])),
            ]),
            PublicParts::Ec { crv, x, y } => {
                let oid = EC_CURVES
                    .iter()
                    .find(|(n, ..)| n == crv)
                    .map_or(&[][..], |c| c.1);
                seq(&[
                    &seq(&[EC_PUBLIC_KEY, oid]),
                    &bit_string(&[&[4u8][..], x, y].concat()),
                ])
            }
            PublicParts::Okp { crv, x } => {
                let oid = OKP_CURVES
                    .iter()
                    .find(|(n, ..)| n == crv)
                    .map_or(&[][..], |c| c.1);
                seq(&[&seq(&[oid]), &bit_string(x)])
            }
        }
    }

    /// The parts of the key a DER SubjectPublicKeyInfo carries, when JWK can express it.
    pub fn of_spki(spki: &[u8]) -> Option<PublicParts> {
        let (body, _) = tlv::expect(spki, SEQUENCE)?;
        let (algorithm, rest) = tlv::expect(body, SEQUENCE)?;
        let (key, _) = tlv::expect(rest, BIT_STRING)?;
        let key = key.strip_prefix(&[0])?;
        let oid_len = tlv::element(algorithm)?.1.len() + 2;
        let (oid, params) = algorithm.split_at_checked(oid_len)?;
        if oid == RSA_ENCRYPTION {
            let (ints, _) = tlv::expect(key, SEQUENCE)?;
            let (n, rest) = tlv::expect(ints, INTEGER)?;
            let (e, _) = tlv::expect(rest, INTEGER)?;
            return Some(PublicParts::rsa(n, e));
        }
        if oid == EC_PUBLIC_KEY {
            let (crv, ..) = EC_CURVES.iter().find(|(_, curve, _)| *curve == params)?;
            return PublicParts::ec(crv, key);
        }
        let (crv, ..) = OKP_CURVES.iter().find(|(_, o, _)| *o == oid)?;
        PublicParts::okp(crv, key)
    }
}

/// A JWK's own members besides the key (RFC 7517 §4), as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Members {
    /// `kty`.
    pub kty: String,
    /// `crv`, for EC and OKP keys.
    pub crv: Option<String>,
    /// `kid`.
    pub kid: Option<String>,
    /// `use` (`sig`, `enc`).
    pub key_use: Option<String>,
    /// `alg`.
    pub alg: Option<String>,
    /// `key_ops`.
    pub key_ops: Vec<String>,
    /// `x5t#S256`, as written.
    pub x5t_s256: Option<String>,
    /// How many certificates `x5c` holds (they follow the key as blocks of their own).
    pub x5c: usize,
    /// SHA-256 of the first `x5c` certificate, base64url: what `x5t#S256` must equal.
    pub x5c_sha256: Option<String>,
    /// The first `x5c` certificate carries this key (RFC 7517 §4.7); `None` without one, or
    /// when it does not read as a certificate.
    pub x5c_key_matches: Option<bool>,
    /// The key has its private members (`d`).
    pub private: bool,
    /// The public key as a DER SubjectPublicKeyInfo.
    pub spki: Vec<u8>,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// RFC 7638 §3.1's example key and its thumbprint.
    pub(crate) const RFC7638_N: &str = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    pub(crate) fn rfc7638_key() -> PublicParts {
        let n = Base64UrlUnpadded::decode_vec(RFC7638_N).unwrap();
        PublicParts::rsa(&n, &[1, 0, 1])
    }

    #[test]
    fn thumbprint_is_rfc_7638s_example() {
        assert_eq!(
            rfc7638_key().thumbprint(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }
}
