//! OpenSSH public keys (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4): the wire blob and the
//! `authorized_keys` line of a key, and its fingerprint as `ssh-keygen -l` prints it.

use crate::jose::PublicParts;
use base64ct::{Base64, Base64Unpadded, Encoding as _};
use sha2::{Digest, Sha256};

/// An SSH `string`: a 32-bit big-endian length, then the bytes.
fn string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&u32::try_from(bytes.len()).unwrap_or(u32::MAX).to_be_bytes());
    out.extend_from_slice(bytes);
}

/// An SSH `mpint` of an unsigned big-endian number: no leading zeros, one zero byte in front
/// when the top bit is set (RFC 4251 §5).
fn mpint(out: &mut Vec<u8>, unsigned: &[u8]) {
    let first = unsigned
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(unsigned.len());
    let digits = &unsigned[first..];
    match digits.first() {
        Some(b) if b & 0x80 != 0 => string(out, &[&[0u8][..], digits].concat()),
        _ => string(out, digits),
    }
}

/// The key's SSH algorithm name and wire blob; `None` for keys SSH has no name for
/// (secp256k1, X25519, X448).
pub fn public_blob(parts: &PublicParts) -> Option<(&'static str, Vec<u8>)> {
    let mut blob = Vec::new();
    let name = match parts {
        PublicParts::Rsa { n, e } => {
            string(&mut blob, b"ssh-rsa");
            mpint(&mut blob, e);
            mpint(&mut blob, n);
            "ssh-rsa"
        }
        PublicParts::Ec { crv, x, y } => {
            let (name, curve) = match *crv {
                "P-256" => ("ecdsa-sha2-nistp256", "nistp256"),
                "P-384" => ("ecdsa-sha2-nistp384", "nistp384"),
                "P-521" => ("ecdsa-sha2-nistp521", "nistp521"),
                _ => return None,
            };
            string(&mut blob, name.as_bytes());
            string(&mut blob, curve.as_bytes());
            string(&mut blob, &[&[4u8][..], x, y].concat());
            name
        }
        PublicParts::Okp { crv, x } => {
            let name = match *crv {
                "Ed25519" => "ssh-ed25519",
                "Ed448" => "ssh-ed448",
                _ => return None,
            };
            string(&mut blob, name.as_bytes());
            string(&mut blob, x);
            name
        }
    };
    Some((name, blob))
}

/// The `authorized_keys` line of a key (`ssh-ed25519 AAAA… comment`).
pub fn public_line(parts: &PublicParts, comment: Option<&str>) -> Option<String> {
    let (name, blob) = public_blob(parts)?;
    let key = Base64::encode_string(&blob);
    Some(match comment.filter(|c| !c.is_empty()) {
        Some(comment) => format!("{name} {key} {comment}"),
        None => format!("{name} {key}"),
    })
}

/// `SHA256:…`, base64 without padding of the blob's SHA-256, as `ssh-keygen -l` prints it.
pub fn fingerprint_sha256(blob: &[u8]) -> String {
    format!(
        "SHA256:{}",
        Base64Unpadded::encode_string(&Sha256::digest(blob))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mpints_are_minimal_and_positive() {
        let mut out = Vec::new();
        mpint(&mut out, &[0, 0, 0x80, 1]);
        assert_eq!(out, [0, 0, 0, 3, 0, 0x80, 1]);
        out.clear();
        mpint(&mut out, &[0, 0x7f]);
        assert_eq!(out, [0, 0, 0, 1, 0x7f]);
        out.clear();
        mpint(&mut out, &[0]);
        assert_eq!(out, [0, 0, 0, 0]);
    }

    #[test]
    fn an_ed25519_key_is_written_as_openssh_writes_it() {
        // RFC 8037 §A.2's key; its line as RFC 4253 §6.6 and RFC 8709 §4 spell it out.
        let x =
            base64ct::Base64UrlUnpadded::decode_vec("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")
                .unwrap();
        let parts = PublicParts::okp("Ed25519", &x).unwrap();
        assert_eq!(
            public_line(&parts, Some("me@example")).unwrap(),
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea me@example"
        );
        assert!(public_line(&PublicParts::okp("X25519", &x).unwrap(), None).is_none());
    }
}
