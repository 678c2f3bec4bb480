//! JSON Web Keys (RFC 7517) read and written: a JWK or JWK Set's keys into the
//! SubjectPublicKeyInfo or PKCS#8 DER the rest of certbench reads, and keys out as JWKs.

use crate::jose::{EC_CURVES, Members, PublicParts, b64, bit_string, integer, seq, unsigned};
use crate::json::{self, Value};
use crate::tlv::{self, INTEGER, OCTET_STRING, SEQUENCE};
use base64ct::{Base64, Base64Url, Base64UrlUnpadded, Encoding as _};
use sha2::{Digest, Sha256};

/// One key read from a JWK: its members, its DER (SubjectPublicKeyInfo, or PKCS#8 when the
/// JWK is private) and the DER certificates of its `x5c`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    /// The members.
    pub members: Members,
    /// The key as DER.
    pub der: Vec<u8>,
    /// The `x5c` certificates, in order.
    pub x5c: Vec<Vec<u8>>,
}

/// The keys a JSON text holds: one JWK, or a JWK Set's `keys`; `None` when the text is not
/// JSON that looks like either. Each key is read apart: one bad key does not hide the others.
/// A text that starts like a JWK but is not JSON is one error (with its line and byte).
/// Each key comes with the byte offset where it begins.
pub fn read(text: &[u8]) -> Option<Vec<(usize, Result<Read, String>)>> {
    let trimmed = text.trim_ascii_start();
    if !trimmed.starts_with(b"{") || !contains(text, b"\"kty\"") && !contains(text, b"\"keys\"") {
        return None;
    }
    let value = match json::parse(text) {
        Ok(value) => value,
        Err(e) => return Some(vec![(e.offset, Err(format!("a JWK or JWK Set, but {e}")))]),
    };
    let start = text.len() - trimmed.len();
    if value.get("kty").is_some() {
        return Some(vec![(start, key(&value))]);
    }
    match value.get("keys") {
        Some(Value::Array(keys)) if !keys.is_empty() => {
            let offsets = json::item_offsets(text, "keys");
            Some(
                keys.iter()
                    .enumerate()
                    .map(|(i, k)| {
                        let read = key(k).map_err(|e| format!("`keys[{i}]` of the JWK Set: {e}"));
                        (offsets.get(i).copied().unwrap_or(start), read)
                    })
                    .collect(),
            )
        }
        Some(Value::Array(_)) => Some(vec![(start, Err("a JWK Set whose `keys` is empty".into()))]),
        _ => None,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn text_member(jwk: &Value, name: &str) -> Result<Option<String>, String> {
    match jwk.get(name) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("member `{name}` is not a string")),
    }
}

/// A base64url member's bytes (RFC 7515 §2: no padding; padded input is read too).
fn bytes_member(jwk: &Value, name: &str) -> Result<Option<Vec<u8>>, String> {
    let Some(text) = text_member(jwk, name)? else {
        return Ok(None);
    };
    let bytes = Base64UrlUnpadded::decode_vec(&text)
        .or_else(|_| Base64Url::decode_vec(&text))
        .map_err(|_| format!("member `{name}` is not base64url"))?;
    match bytes.is_empty() {
        true => Err(format!("member `{name}` is empty")),
        false => Ok(Some(bytes)),
    }
}

fn required(jwk: &Value, name: &str, kty: &str) -> Result<Vec<u8>, String> {
    bytes_member(jwk, name)?.ok_or_else(|| format!("a `{kty}` key needs member `{name}`"))
}

/// One JWK read into its members and DER.
fn key(jwk: &Value) -> Result<Read, String> {
    if !matches!(jwk, Value::Object(_)) {
        return Err("not a JSON object".into());
    }
    let kty = text_member(jwk, "kty")?.ok_or("no `kty` member (RFC 7517 §4.1)")?;
    let crv = text_member(jwk, "crv")?;
    let key_ops = match jwk.get("key_ops") {
        None => Vec::new(),
        Some(Value::Array(ops)) => ops
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        Some(_) => return Err("member `key_ops` is not an array".into()),
    };
    let x5c = match jwk.get("x5c") {
        None => Vec::new(),
        Some(Value::Array(certs)) => certs
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.as_str()
                    .and_then(|s| Base64::decode_vec(s).ok())
                    .ok_or_else(|| format!("`x5c[{i}]` is not standard base64 (RFC 7517 §4.7)"))
            })
            .collect::<Result<Vec<_>, _>>()?,
        Some(_) => return Err("member `x5c` is not an array".into()),
    };
    let d = bytes_member(jwk, "d")?;
    let (public, private) = match kty.as_str() {
        "RSA" => {
            let public = PublicParts::rsa(&required(jwk, "n", "RSA")?, &required(jwk, "e", "RSA")?);
            let private = match &d {
                Some(d) => Some(rsa_private(jwk, &public, d)?),
                None => None,
            };
            (public, private)
        }
        "EC" => {
            let name = crv.as_deref().ok_or("an `EC` key needs member `crv`")?;
            let &(_, _, size) = EC_CURVES.iter().find(|(n, ..)| *n == name).ok_or_else(|| {
                format!("curve `{name}` is not one JWK defines (P-256, P-384, P-521, secp256k1)")
            })?;
            let x = required(jwk, "x", "EC")?;
            let y = required(jwk, "y", "EC")?;
            if x.len() != size || y.len() != size {
                return Err(format!(
                    "`x` and `y` of a {name} key are {size} bytes each (RFC 7518 §6.2.1.2); these are {} and {}",
                    x.len(),
                    y.len()
                ));
            }
            let point = [&[4u8][..], &x, &y].concat();
            let public = PublicParts::ec(name, &point).ok_or("not an uncompressed point")?;
            let private = match &d {
                Some(d) if d.len() != size => {
                    return Err(format!(
                        "`d` of a {name} key is {size} bytes (RFC 7518 §6.2.2.1); this one is {}",
                        d.len()
                    ));
                }
                Some(d) => Some(ec_private(&public, d)),
                None => None,
            };
            (public, private)
        }
        "OKP" => {
            let name = crv.as_deref().ok_or("an `OKP` key needs member `crv`")?;
            let x = required(jwk, "x", "OKP")?;
            let public = PublicParts::okp(name, &x).ok_or_else(|| {
                format!("`{name}` with a {}-byte `x` is not an OKP key of RFC 8037 (Ed25519, Ed448, X25519, X448)", x.len())
            })?;
            let private = match &d {
                Some(d) if d.len() != x.len() => {
                    return Err(format!(
                        "`d` of an {name} key is {} bytes; this one is {}",
                        x.len(),
                        d.len()
                    ));
                }
                Some(d) => Some(okp_private(&public, d)),
                None => None,
            };
            (public, private)
        }
        "oct" => {
            return Err(
                "a symmetric key (`kty: oct`): it has no public key or certificate to decode"
                    .into(),
            );
        }
        other => {
            return Err(format!(
                "key type `{other}` is not one of RFC 7518's (RSA, EC, OKP, oct)"
            ));
        }
    };
    let members = Members {
        kty,
        crv,
        kid: text_member(jwk, "kid")?,
        key_use: text_member(jwk, "use")?,
        alg: text_member(jwk, "alg")?,
        key_ops,
        x5t_s256: text_member(jwk, "x5t#S256")?,
        x5c: x5c.len(),
        x5c_sha256: x5c.first().map(|c| b64(&Sha256::digest(c))),
        x5c_key_matches: x5c
            .first()
            .and_then(|c| certificate_spki(c))
            .map(|spki| PublicParts::of_spki(spki).as_ref() == Some(&public)),
        private: private.is_some(),
        spki: public.spki(),
    };
    Ok(Read {
        members,
        der: private.unwrap_or_else(|| public.spki()),
        x5c,
    })
}

/// The DER SubjectPublicKeyInfo of a DER certificate (RFC 5280 §4.1).
fn certificate_spki(cert: &[u8]) -> Option<&[u8]> {
    let (cert, _) = tlv::expect(cert, SEQUENCE)?;
    let (tbs, _) = tlv::expect(cert, SEQUENCE)?;
    let mut rest = match tlv::element(tbs)? {
        (0xa0, _, rest) => rest,
        _ => tbs,
    };
    // serialNumber, signature, issuer, validity, subject
    for _ in 0..5 {
        rest = tlv::element(rest)?.2;
    }
    let (_, _, after) = tlv::element(rest)?;
    rest.get(..rest.len() - after.len())
}

/// PKCS#8 PrivateKeyInfo: version 0, the algorithm, the private key.
fn pkcs8(algorithm: &[u8], private: &[u8]) -> Vec<u8> {
    seq(&[
        &integer(&[0]),
        algorithm,
        &tlv::encode(OCTET_STRING, private),
    ])
}

/// RFC 8017 RSAPrivateKey in PKCS#8; a JWK without its CRT members (RFC 7518 §6.3.2 makes
/// them optional) cannot be written as one.
fn rsa_private(jwk: &Value, public: &PublicParts, d: &[u8]) -> Result<Vec<u8>, String> {
    let PublicParts::Rsa { n, e } = public else {
        return Err("not an RSA key".into());
    };
    if jwk.get("oth").is_some() {
        return Err("a multi-prime RSA key (`oth`): certbench reads two-prime keys".into());
    }
    let mut ints = vec![integer(&[0]), integer(n), integer(e), integer(d)];
    for name in ["p", "q", "dp", "dq", "qi"] {
        let value = bytes_member(jwk, name)?.ok_or_else(|| {
            format!("a private RSA key without `{name}`: PKCS#1 needs p, q, dp, dq and qi too")
        })?;
        ints.push(integer(&value));
    }
    let refs: Vec<&[u8]> = ints.iter().map(Vec::as_slice).collect();
    Ok(pkcs8(&algorithm(public), &seq(&refs)))
}

/// SEC 1 ECPrivateKey (with its public key) in PKCS#8.
fn ec_private(public: &PublicParts, d: &[u8]) -> Vec<u8> {
    let point = match public {
        PublicParts::Ec { x, y, .. } => [&[4u8][..], x, y].concat(),
        _ => Vec::new(),
    };
    let sec1 = seq(&[
        &integer(&[1]),
        &tlv::encode(OCTET_STRING, d),
        &tlv::encode(0xa1, &bit_string(&point)),
    ]);
    pkcs8(&algorithm(public), &sec1)
}

/// RFC 8410 CurvePrivateKey in PKCS#8.
fn okp_private(public: &PublicParts, d: &[u8]) -> Vec<u8> {
    pkcs8(&algorithm(public), &tlv::encode(OCTET_STRING, d))
}

/// Members to write in a JWK besides the key's own.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// `kid`; the thumbprint when `None`.
    pub kid: Option<String>,
    /// `x5c`: DER certificates, the key's first.
    pub x5c: Vec<Vec<u8>>,
}

/// The key's public members, as a JWK lists them (`kty` first).
fn members(parts: &PublicParts) -> Vec<(&'static str, String)> {
    match parts {
        PublicParts::Rsa { n, e } => vec![("kty", "RSA".into()), ("n", b64(n)), ("e", b64(e))],
        PublicParts::Ec { crv, x, y } => vec![
            ("kty", "EC".into()),
            ("crv", (*crv).into()),
            ("x", b64(x)),
            ("y", b64(y)),
        ],
        PublicParts::Okp { crv, x } => {
            vec![("kty", "OKP".into()), ("crv", (*crv).into()), ("x", b64(x))]
        }
    }
}

/// A public JWK of `parts`, pretty-printed, with `kid` (the thumbprint unless given) and, for
/// a chain, `x5c` and `x5t#S256`.
pub fn public_jwk(parts: &PublicParts, extra: &Extra) -> String {
    write(members(parts), parts, extra)
}

/// The algorithm identifier (DER) of a key like `parts`, as PKCS#8 and SPKI write it.
fn algorithm(parts: &PublicParts) -> Vec<u8> {
    let spki = parts.spki();
    tlv::expect(&spki, SEQUENCE)
        .and_then(|(body, _)| tlv::element(body))
        .map(|(_, content, _)| tlv::encode(SEQUENCE, content))
        .unwrap_or_default()
}

/// The private key structure inside PKCS#8 DER (RSAPrivateKey, ECPrivateKey, CurvePrivateKey),
/// or `der` itself when it is not PKCS#8 (PKCS#1 and SEC 1 keys are that structure already).
fn inner_private(der: &[u8]) -> &[u8] {
    let inner = || {
        let (body, _) = tlv::expect(der, SEQUENCE)?;
        let (_, rest) = tlv::expect(body, INTEGER)?;
        let (_, rest) = tlv::expect(rest, SEQUENCE)?;
        Some(tlv::expect(rest, OCTET_STRING)?.0)
    };
    inner().unwrap_or(der)
}

/// A private key (PKCS#8, PKCS#1 or SEC 1 DER) whose public key is `parts`, as PKCS#8.
pub fn to_pkcs8(der: &[u8], parts: &PublicParts) -> Vec<u8> {
    let inner = inner_private(der);
    match inner.len() == der.len() {
        true => pkcs8(&algorithm(parts), inner),
        false => der.to_vec(),
    }
}

/// A private JWK of the private key `der` (PKCS#8, PKCS#1 or SEC 1) whose public key is
/// `parts`; `None` when the DER is not a key of that kind.
pub fn private_jwk(der: &[u8], parts: &PublicParts, extra: &Extra) -> Option<String> {
    let private = inner_private(der);
    let mut members = members(parts);
    match parts {
        PublicParts::Rsa { .. } => {
            let (mut ints, _) = tlv::expect(private, SEQUENCE)?;
            let mut values = Vec::new();
            for _ in 0..9 {
                let (value, rest) = tlv::expect(ints, INTEGER)?;
                values.push(value);
                ints = rest;
            }
            for (name, value) in ["d", "p", "q", "dp", "dq", "qi"]
                .into_iter()
                .zip(&values[3..])
            {
                members.push((name, b64(unsigned(value))));
            }
        }
        PublicParts::Ec { x, .. } => {
            let (sec1, _) = tlv::expect(private, SEQUENCE)?;
            let (_, rest) = tlv::expect(sec1, INTEGER)?;
            let (d, _) = tlv::expect(rest, OCTET_STRING)?;
            // Full size (RFC 7518 §6.2.2.1), even when SEC 1 wrote it shorter.
            let mut full = vec![0u8; x.len().saturating_sub(d.len())];
            full.extend_from_slice(d);
            members.push(("d", b64(&full)));
        }
        PublicParts::Okp { .. } => {
            let (d, _) = tlv::expect(private, OCTET_STRING)?;
            members.push(("d", b64(d)));
        }
    }
    Some(write(members, parts, extra))
}

fn write(mut members: Vec<(&'static str, String)>, parts: &PublicParts, extra: &Extra) -> String {
    members.push((
        "kid",
        extra.kid.clone().unwrap_or_else(|| parts.thumbprint()),
    ));
    let mut out = String::from("{\n");
    for (name, value) in &members {
        out.push_str(&format!(
            "  {}: {},\n",
            json::quote(name),
            json::quote(value)
        ));
    }
    if let Some(first) = extra.x5c.first() {
        let chain: Vec<String> = extra
            .x5c
            .iter()
            .map(|c| json::quote(&Base64::encode_string(c)))
            .collect();
        out.push_str(&format!("  \"x5c\": [{}],\n", chain.join(", ")));
        out.push_str(&format!(
            "  \"x5t#S256\": {},\n",
            json::quote(&b64(&Sha256::digest(first)))
        ));
    }
    if out.ends_with(",\n") {
        out.truncate(out.len() - 2);
        out.push('\n');
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jose::tests::{RFC7638_N, rfc7638_key};

    #[test]
    fn a_jwk_reads_into_the_spki_its_parts_make_and_back() {
        let text = format!(
            r#"{{"kty":"RSA","n":"{RFC7638_N}","e":"AQAB","alg":"RS256","kid":"2011-04-29"}}"#
        );
        let keys = read(text.as_bytes()).unwrap();
        let [(0, Ok(key))] = &keys[..] else {
            panic!("{keys:?}")
        };
        assert_eq!(key.members.kid.as_deref(), Some("2011-04-29"));
        assert!(!key.members.private);
        assert_eq!(PublicParts::of_spki(&key.der), Some(rfc7638_key()));
    }

    #[test]
    fn a_set_reads_each_key_apart() {
        let set = br#"{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},{"kty":"EC","crv":"P-256","x":"AA","y":"AA"},{"kty":"oct","k":"AA"}]}"#;
        let keys = read(set).unwrap();
        assert_eq!(keys.len(), 3);
        let ed = keys[0].1.as_ref().unwrap();
        // RFC 8037 §A.3's thumbprint of this key.
        assert_eq!(
            PublicParts::of_spki(&ed.der).unwrap().thumbprint(),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
        assert!(keys[1].1.as_ref().unwrap_err().contains("32 bytes each"));
        assert!(keys[2].1.as_ref().unwrap_err().contains("symmetric"));
        assert_eq!(keys[1].0, 89);
    }

    #[test]
    fn what_is_not_a_jwk_is_left_to_other_readers_and_broken_json_is_placed() {
        assert_eq!(read(b"-----BEGIN CERTIFICATE-----"), None);
        assert_eq!(read(br#"{"name": "x"}"#), None);
        let broken = read(b"{\"kty\": \"EC\",\n \"crv\" \"P-256\"}").unwrap();
        assert!(broken[0].1.as_ref().unwrap_err().contains("line 2"));
    }
}
