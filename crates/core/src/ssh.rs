//! OpenSSH keys (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4), certificates (OpenSSH's
//! PROTOCOL.certkeys) and private-key files (PROTOCOL.key): read from their wire format with
//! the byte offset of anything wrong, written for a key, and fingerprinted as `ssh-keygen -l`
//! prints it.

use crate::jose::PublicParts;
use base64ct::{Base64, Base64Unpadded, Encoding as _};
use sha2::{Digest, Sha256};

/// Why SSH bytes do not read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SshError {
    /// Byte offset in the blob (or private-key file) of the problem.
    pub offset: usize,
    /// What was expected there.
    pub expected: String,
}

impl std::fmt::Display for SshError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at byte {}: expected {}", self.offset, self.expected)
    }
}

/// SSH's wire format read in order (RFC 4251 §5).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    fn fail<T>(&self, expected: impl Into<String>) -> Result<T, SshError> {
        Err(SshError {
            offset: self.at,
            expected: expected.into(),
        })
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], SshError> {
        match self.bytes.get(self.at..self.at.saturating_add(n)) {
            Some(taken) if self.at.checked_add(n).is_some() => {
                self.at += n;
                Ok(taken)
            }
            _ => self.fail(format!(
                "{what} ({n} bytes; {} left)",
                self.bytes.len().saturating_sub(self.at)
            )),
        }
    }

    fn u32(&mut self, what: &str) -> Result<u32, SshError> {
        let b = self.take(4, what)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self, what: &str) -> Result<u64, SshError> {
        let b = self.take(8, what)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(b);
        Ok(u64::from_be_bytes(word))
    }

    fn string(&mut self, what: &str) -> Result<&'a [u8], SshError> {
        let start = self.at;
        let len = self.u32(what)?;
        let len = usize::try_from(len).unwrap_or(usize::MAX);
        self.take(len, what).map_err(|mut e| {
            e.offset = start;
            e
        })
    }

    fn text(&mut self, what: &str) -> Result<String, SshError> {
        let start = self.at;
        let bytes = self.string(what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| SshError {
            offset: start,
            expected: format!("{what} as UTF-8 text"),
        })
    }

    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    fn end(&self, what: &str) -> Result<(), SshError> {
        match self.rest().is_empty() {
            true => Ok(()),
            false => self.fail(format!(
                "the end of {what}, not {} more bytes",
                self.rest().len()
            )),
        }
    }
}

/// The curves SSH names: its name, JWK's.
const CURVES: [(&str, &str); 3] = [
    ("nistp256", "P-256"),
    ("nistp384", "P-384"),
    ("nistp521", "P-521"),
];

/// A public key as SSH carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// `ssh-rsa`: exponent and modulus (unsigned big-endian).
    Rsa {
        /// e.
        e: Vec<u8>,
        /// n.
        n: Vec<u8>,
    },
    /// `ssh-dss`: p, q, g, y.
    Dsa {
        /// The prime p (its size is the key's).
        p: Vec<u8>,
    },
    /// `ecdsa-sha2-nistp*`: the curve (SSH's name) and the SEC 1 point.
    Ecdsa {
        /// `nistp256`, `nistp384`, `nistp521`.
        curve: String,
        /// The point.
        point: Vec<u8>,
    },
    /// `ssh-ed25519`.
    Ed25519(Vec<u8>),
    /// `sk-ecdsa-sha2-nistp256@openssh.com`: a FIDO security key's ECDSA key.
    SkEcdsa {
        /// The point.
        point: Vec<u8>,
        /// The FIDO application (`ssh:` usually).
        application: String,
    },
    /// `sk-ssh-ed25519@openssh.com`: a FIDO security key's Ed25519 key.
    SkEd25519 {
        /// The key.
        key: Vec<u8>,
        /// The FIDO application.
        application: String,
    },
}

/// Strips an mpint's sign byte: the unsigned big-endian value.
fn magnitude(mpint: &[u8]) -> Vec<u8> {
    let first = mpint.iter().position(|&b| b != 0).unwrap_or(mpint.len());
    mpint[first..].to_vec()
}

impl Key {
    /// Reads the key fields of algorithm `name` (`ssh-rsa`, …; for a certificate, the name
    /// without `-cert-v01@openssh.com`).
    fn read(name: &str, r: &mut Reader<'_>) -> Result<Key, SshError> {
        Ok(match name {
            "ssh-rsa" => {
                let e = magnitude(r.string("the RSA exponent e")?);
                let n = magnitude(r.string("the RSA modulus n")?);
                Key::Rsa { e, n }
            }
            "ssh-dss" => {
                let p = magnitude(r.string("the DSA prime p")?);
                for part in [
                    "the DSA prime q",
                    "the DSA generator g",
                    "the DSA public value y",
                ] {
                    r.string(part)?;
                }
                Key::Dsa { p }
            }
            "ecdsa-sha2-nistp256" | "ecdsa-sha2-nistp384" | "ecdsa-sha2-nistp521" => {
                let at = r.at;
                let curve = r.text("the curve name")?;
                if !name.ends_with(curve.as_str()) {
                    return Err(SshError {
                        offset: at,
                        expected: format!("the curve {name} names, not {curve}"),
                    });
                }
                Key::Ecdsa {
                    curve,
                    point: r.string("the EC point")?.to_vec(),
                }
            }
            "ssh-ed25519" => Key::Ed25519(r.string("the Ed25519 key")?.to_vec()),
            "sk-ecdsa-sha2-nistp256@openssh.com" => {
                r.string("the curve name")?;
                let point = r.string("the EC point")?.to_vec();
                Key::SkEcdsa {
                    point,
                    application: r.text("the FIDO application")?,
                }
            }
            "sk-ssh-ed25519@openssh.com" => {
                let key = r.string("the Ed25519 key")?.to_vec();
                Key::SkEd25519 {
                    key,
                    application: r.text("the FIDO application")?,
                }
            }
            other => return r.fail(format!("a key type OpenSSH defines, not `{other}`")),
        })
    }

    /// Reads a public key blob (RFC 4253 §6.6): its algorithm name, then its fields.
    pub fn from_blob(blob: &[u8]) -> Result<(String, Key), SshError> {
        let mut r = Reader::new(blob);
        let name = r.text("the key type name")?;
        let key = Key::read(&name, &mut r)?;
        r.end("the key")?;
        Ok((name, key))
    }

    /// Its size in bits, as `ssh-keygen -l` prints it.
    pub fn bits(&self) -> u32 {
        let bits = |bytes: &[u8]| {
            let first = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
            match bytes.get(first) {
                Some(top) => (bytes.len() - first) as u32 * 8 - top.leading_zeros(),
                None => 0,
            }
        };
        match self {
            Key::Rsa { n, .. } => bits(n),
            Key::Dsa { p } => bits(p),
            Key::Ecdsa { curve, .. } => match curve.as_str() {
                "nistp384" => 384,
                "nistp521" => 521,
                _ => 256,
            },
            Key::Ed25519(_) | Key::SkEcdsa { .. } | Key::SkEd25519 { .. } => 256,
        }
    }

    /// The key by its JWK members, when it has an X.509 twin (not DSA, not security keys).
    pub fn parts(&self) -> Option<PublicParts> {
        match self {
            Key::Rsa { e, n } => Some(PublicParts::rsa(n, e)),
            Key::Ecdsa { curve, point } => {
                let (_, crv) = CURVES.iter().find(|(ssh, _)| ssh == curve)?;
                PublicParts::ec(crv, point)
            }
            Key::Ed25519(x) => PublicParts::okp("Ed25519", x),
            _ => None,
        }
    }
}

/// `MD5:aa:bb:…`, the blob's MD5 in colon hex, as `ssh-keygen -l -E md5` prints it.
pub fn fingerprint_md5(blob: &[u8]) -> String {
    use md5::Digest as _;
    let hex: Vec<String> = md5::Md5::digest(blob)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("MD5:{}", hex.join(":"))
}

/// An OpenSSH certificate (PROTOCOL.certkeys): what it certifies and who signed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// The certificate type name (`ssh-ed25519-cert-v01@openssh.com`).
    pub name: String,
    /// The key's algorithm name (`ssh-ed25519`).
    pub key_name: String,
    /// The certified key.
    pub key: Key,
    /// The certified key's own blob (what its fingerprint is of).
    pub key_blob: Vec<u8>,
    /// The serial.
    pub serial: u64,
    /// 1 user, 2 host.
    pub cert_type: u32,
    /// The key id.
    pub key_id: String,
    /// The principals (user or host names); none means any.
    pub principals: Vec<String>,
    /// Valid from (seconds since 1970).
    pub valid_after: u64,
    /// Valid before (seconds since 1970; `u64::MAX` is forever).
    pub valid_before: u64,
    /// Critical options: name and value.
    pub critical_options: Vec<(String, String)>,
    /// Extensions: name and value.
    pub extensions: Vec<(String, String)>,
    /// The signing CA's public key blob.
    pub ca_blob: Vec<u8>,
    /// The signature algorithm (`ssh-ed25519`, `rsa-sha2-512`, …).
    pub signature_algorithm: String,
    /// The signature blob's contents (for ECDSA, the mpints r and s).
    pub signature: Vec<u8>,
    /// The bytes signed: the certificate up to its signature field.
    pub signed: Vec<u8>,
}

/// Packed name/value pairs of critical options and extensions: each value is itself a string
/// holding the data (empty for flags); a value is shown as its inner string when it is one.
fn options(bytes: &[u8], base: usize, what: &str) -> Result<Vec<(String, String)>, SshError> {
    let mut r = Reader::new(bytes);
    let mut out = Vec::new();
    let shift = |mut e: SshError| {
        e.offset += base;
        e
    };
    while !r.rest().is_empty() {
        let name = r.text(what).map_err(shift)?;
        let data = r.string(what).map_err(shift)?;
        let mut inner = Reader::new(data);
        let value = match inner.text("") {
            Ok(text) if inner.rest().is_empty() => text,
            _ => String::from_utf8_lossy(data).into_owned(),
        };
        out.push((name, value));
    }
    Ok(out)
}

impl Certificate {
    /// Reads a certificate blob.
    pub fn from_blob(blob: &[u8]) -> Result<Certificate, SshError> {
        let mut r = Reader::new(blob);
        let name = r.text("the certificate type name")?;
        let Some(key_name) = name.strip_suffix("-cert-v01@openssh.com").map(|k| match k {
            "sk-ecdsa-sha2-nistp256" => "sk-ecdsa-sha2-nistp256@openssh.com".to_string(),
            "sk-ssh-ed25519" => "sk-ssh-ed25519@openssh.com".to_string(),
            k => k.to_string(),
        }) else {
            return r.fail(format!("a `…-cert-v01@openssh.com` type, not `{name}`"));
        };
        r.string("the nonce")?;
        let key_start = r.at;
        let key = Key::read(&key_name, &mut r)?;
        let key_fields = blob.get(key_start..r.at).unwrap_or_default();
        let mut key_blob = Vec::new();
        string(&mut key_blob, key_name.as_bytes());
        key_blob.extend_from_slice(key_fields);
        let serial = r.u64("the serial")?;
        let cert_type = r.u32("the certificate type (1 user, 2 host)")?;
        let key_id = r.text("the key id")?;
        let principals_at = r.at + 4;
        let packed = r.string("the principals")?;
        let mut principals = Vec::new();
        let mut p = Reader::new(packed);
        while !p.rest().is_empty() {
            principals.push(p.text("a principal").map_err(|mut e| {
                e.offset += principals_at;
                e
            })?);
        }
        let valid_after = r.u64("valid after")?;
        let valid_before = r.u64("valid before")?;
        let at = r.at + 4;
        let critical_options = options(r.string("the critical options")?, at, "a critical option")?;
        let at = r.at + 4;
        let extensions = options(r.string("the extensions")?, at, "an extension")?;
        r.string("the reserved field")?;
        let ca_blob = r.string("the signing CA's key")?.to_vec();
        let signed = blob.get(..r.at).unwrap_or_default().to_vec();
        let sig = r.string("the signature")?;
        r.end("the certificate")?;
        let mut s = Reader::new(sig);
        let signature_algorithm = s.text("the signature algorithm").map_err(|mut e| {
            e.offset += signed.len() + 4;
            e
        })?;
        let signature = s.string("the signature value").map_err(|mut e| {
            e.offset += signed.len() + 4;
            e
        })?;
        Ok(Certificate {
            name,
            key_name,
            key,
            key_blob,
            serial,
            cert_type,
            key_id,
            principals,
            valid_after,
            valid_before,
            critical_options,
            extensions,
            ca_blob,
            signature_algorithm,
            signature: signature.to_vec(),
            signed,
        })
    }
}

/// An ECDSA signature blob's r and s (RFC 5656 §3.1.2: two mpints), unsigned.
pub fn ecdsa_signature(blob: &[u8]) -> Result<(Vec<u8>, Vec<u8>), SshError> {
    let mut r = Reader::new(blob);
    let first = magnitude(r.string("the signature's r")?);
    let second = magnitude(r.string("the signature's s")?);
    r.end("the ECDSA signature")?;
    Ok((first, second))
}

/// An OpenSSH private-key file (`-----BEGIN OPENSSH PRIVATE KEY-----`, PROTOCOL.key): the
/// parts readable without its passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrivateKeyFile {
    /// `none`, or the cipher (`aes256-ctr`, …) the private part is encrypted with.
    pub cipher: String,
    /// `none` or `bcrypt`.
    pub kdf: String,
    /// bcrypt's rounds, when encrypted.
    pub rounds: Option<u32>,
    /// The public key blob (the file's first key).
    pub public_blob: Vec<u8>,
    /// The comment, when the private part is not encrypted.
    pub comment: Option<String>,
    /// bcrypt's salt, when encrypted.
    pub salt: Vec<u8>,
    /// The private part as the file has it (encrypted, or not).
    pub private: Vec<u8>,
}

impl PrivateKeyFile {
    /// Reads the binary a PEM `OPENSSH PRIVATE KEY` block holds.
    pub fn read(bytes: &[u8]) -> Result<PrivateKeyFile, SshError> {
        let mut r = Reader::new(bytes);
        if r.take(15, "the magic `openssh-key-v1\\0`")? != b"openssh-key-v1\0" {
            return Err(SshError {
                offset: 0,
                expected: "the magic `openssh-key-v1\\0`".into(),
            });
        }
        let cipher = r.text("the cipher name")?;
        let kdf = r.text("the KDF name")?;
        let options = r.string("the KDF options")?;
        let (salt, rounds) = match kdf.as_str() {
            "bcrypt" => {
                let mut o = Reader::new(options);
                match (o.string("the bcrypt salt"), o.u32("the bcrypt rounds")) {
                    (Ok(salt), Ok(rounds)) => (salt.to_vec(), Some(rounds)),
                    _ => (Vec::new(), None),
                }
            }
            _ => (Vec::new(), None),
        };
        let count = r.u32("the number of keys")?;
        if count != 1 {
            return r.fail(format!(
                "one key, as OpenSSH writes (this file says {count})"
            ));
        }
        let public_blob = r.string("the public key")?.to_vec();
        let private = r.string("the private part")?;
        // AEAD ciphers put their 16-byte tag after the private part (PROTOCOL.chacha20poly1305;
        // aes-gcm as OpenSSH uses it).
        if matches!(
            cipher.as_str(),
            "aes128-gcm@openssh.com" | "aes256-gcm@openssh.com" | "chacha20-poly1305@openssh.com"
        ) {
            r.take(16, "the cipher's authentication tag")?;
        }
        r.end("the file")?;
        let comment = match cipher.as_str() {
            "none" => Some(unencrypted_comment(private, bytes.len() - private.len())?),
            _ => None,
        };
        Ok(PrivateKeyFile {
            cipher,
            kdf,
            rounds,
            public_blob,
            comment,
            salt,
            private: private.to_vec(),
        })
    }

    /// The comment of an encrypted private part, decrypted with `passphrase` (bcrypt-pbkdf,
    /// then AES in CTR or CBC mode, as ssh-keygen writes): `Err` says why not, a wrong
    /// passphrase among the reasons (the check words differ).
    #[cfg(feature = "openssh")]
    pub fn decrypt(&self, passphrase: &str) -> Result<String, Decryption> {
        use aes::cipher::{BlockModeDecrypt, KeyIvInit, StreamCipher};
        let (key_len, ctr) = match self.cipher.as_str() {
            "aes128-ctr" => (16, true),
            "aes192-ctr" => (24, true),
            "aes256-ctr" => (32, true),
            "aes128-cbc" => (16, false),
            "aes192-cbc" => (24, false),
            "aes256-cbc" => (32, false),
            other => return Err(Decryption::Unsupported(format!("the cipher {other}"))),
        };
        let rounds = match (self.kdf.as_str(), self.rounds) {
            ("bcrypt", Some(rounds)) if rounds <= MAX_BCRYPT_ROUNDS => rounds,
            ("bcrypt", Some(rounds)) => {
                return Err(Decryption::Unsupported(format!(
                    "{rounds} bcrypt rounds; certbench runs at most {MAX_BCRYPT_ROUNDS} (ssh-keygen's default is 16)"
                )));
            }
            (kdf, _) => return Err(Decryption::Unsupported(format!("the key derivation {kdf}"))),
        };
        let mut derived = zeroize::Zeroizing::new(vec![0u8; key_len + 16]);
        bcrypt_pbkdf::bcrypt_pbkdf(passphrase.as_bytes(), &self.salt, rounds, &mut derived)
            .map_err(|_| Decryption::Unsupported("an empty passphrase or salt".into()))?;
        let (key, iv) = derived.split_at(key_len);
        let mut plain = zeroize::Zeroizing::new(self.private.clone());
        let bad =
            |_| Decryption::Unsupported("a private part that is not whole cipher blocks".into());
        macro_rules! run {
            ($aes:ty) => {
                match ctr {
                    true => ctr::Ctr128BE::<$aes>::new_from_slices(key, iv)
                        .map_err(|_| Decryption::Unsupported("a key of the wrong size".into()))?
                        .apply_keystream(&mut plain),
                    false => {
                        cbc::Decryptor::<$aes>::new_from_slices(key, iv)
                            .map_err(|_| Decryption::Unsupported("a key of the wrong size".into()))?
                            .decrypt_padded::<aes::cipher::block_padding::NoPadding>(&mut plain)
                            .map_err(bad)?;
                    }
                }
            };
        }
        match key_len {
            16 => run!(aes::Aes128),
            24 => run!(aes::Aes192),
            _ => run!(aes::Aes256),
        }
        let words = (plain.get(..4), plain.get(4..8));
        if words.0.is_none() || words.0 != words.1 {
            return Err(Decryption::WrongPassphrase);
        }
        unencrypted_comment(&plain, 0).map_err(|e| Decryption::Unsupported(e.to_string()))
    }
}

/// Most bcrypt-pbkdf rounds certbench runs for one file (a few seconds' work natively; ssh-keygen
/// writes 16 by default, and guides suggest up to 100 or 200).
pub const MAX_BCRYPT_ROUNDS: u32 = 500;

/// Why an OpenSSH private key did not decrypt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decryption {
    /// The check words differ: a wrong passphrase (or a damaged file).
    WrongPassphrase,
    /// What the file asks for that certbench does not do.
    Unsupported(String),
}

/// The comment of an unencrypted private part (two equal check words, the key, the comment).
fn unencrypted_comment(private: &[u8], base: usize) -> Result<String, SshError> {
    let shift = |mut e: SshError| {
        e.offset += base;
        e
    };
    let mut r = Reader::new(private);
    let (a, b) = (
        r.u32("check word 1").map_err(shift)?,
        r.u32("check word 2").map_err(shift)?,
    );
    if a != b {
        return Err(shift(SshError {
            offset: 0,
            expected: "two equal check words (they differ: the file is damaged)".into(),
        }));
    }
    let name = r.text("the key type name").map_err(shift)?;
    // Each type's private fields: `s` a string (or mpint), `b` a byte (PROTOCOL.key, and
    // PROTOCOL.u2f for security keys: application, flags, key handle, reserved).
    let fields = match name.as_str() {
        "ssh-rsa" => "ssssss",
        "ssh-dss" => "sssss",
        "ssh-ed25519" => "ss",
        n if n.starts_with("ecdsa-sha2-") => "sss",
        "sk-ssh-ed25519@openssh.com" => "ssbss",
        "sk-ecdsa-sha2-nistp256@openssh.com" => "sssbss",
        other => {
            return Err(shift(SshError {
                offset: r.at,
                expected: format!("a key type OpenSSH defines, not `{other}`"),
            }));
        }
    };
    for field in fields.bytes() {
        match field {
            b's' => r.string("a private key field").map(|_| ()),
            _ => r.take(1, "the security key's flags").map(|_| ()),
        }
        .map_err(shift)?;
    }
    r.text("the comment").map_err(shift)
}

/// The key types OpenSSH writes in `authorized_keys`, `known_hosts` and `.pub` files (each
/// also as a certificate, `…-cert-v01@openssh.com`).
const KEY_TYPES: [&str; 8] = [
    "ssh-rsa",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "ssh-ed25519",
    "sk-ecdsa-sha2-nistp256@openssh.com",
    "sk-ssh-ed25519@openssh.com",
];

/// Whether `name` is a key or certificate type of [`KEY_TYPES`].
fn is_key_type(name: &str) -> bool {
    let key = name
        .strip_suffix("-cert-v01@openssh.com")
        .map(|k| match k {
            "sk-ecdsa-sha2-nistp256" => "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ssh-ed25519" => "sk-ssh-ed25519@openssh.com",
            k => k,
        })
        .unwrap_or(name);
    KEY_TYPES.contains(&key)
}

/// The options `authorized_keys` takes before a key (sshd(8), AUTHORIZED_KEYS FILE FORMAT).
const AUTHORIZED_KEYS_OPTIONS: [&str; 21] = [
    "agent-forwarding",
    "cert-authority",
    "command",
    "environment",
    "expiry-time",
    "from",
    "no-agent-forwarding",
    "no-port-forwarding",
    "no-pty",
    "no-user-rc",
    "no-X11-forwarding",
    "permitlisten",
    "permitopen",
    "port-forwarding",
    "principals",
    "pty",
    "no-touch-required",
    "restrict",
    "tunnel",
    "user-rc",
    "verify-required",
];

/// One key of an `authorized_keys`, `known_hosts` or `.pub` file, as its line has it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    /// `authorized_keys` options before the key (`no-pty`, `command="…"`).
    pub options: Vec<String>,
    /// A `known_hosts` marker: `@cert-authority` or `@revoked`.
    pub marker: Option<String>,
    /// `known_hosts` host patterns (hashed ones, `|1|…`, as written).
    pub hosts: Vec<String>,
    /// The key or certificate type the line names.
    pub name: String,
    /// The key or certificate blob (the base64 decoded).
    pub blob: Vec<u8>,
    /// The comment after the key.
    pub comment: Option<String>,
}

/// Splits a line at spaces outside double quotes (options may quote spaces).
fn fields(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted) = (None, false);
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ' ' | '\t' if !quoted => {
                if let Some(s) = start.take() {
                    out.push(&line[s..i]);
                }
                continue;
            }
            _ => {}
        }
        start.get_or_insert(i);
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

/// Whether `field` is a list of `authorized_keys` options (not `known_hosts` host patterns).
fn are_options(field: &str) -> bool {
    let mut items = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (i, c) in field.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                items.push(&field[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&field[start..]);
    items.iter().all(|item| {
        let name = item.split('=').next().unwrap_or_default();
        AUTHORIZED_KEYS_OPTIONS
            .iter()
            .any(|o| o.eq_ignore_ascii_case(name))
    })
}

/// One line read: a key, or why a line that names a key type does not hold one.
fn read_line(line: &str) -> Option<Result<Line, String>> {
    let parts = fields(line);
    let at = parts.iter().position(|p| is_key_type(p))?;
    let name = parts[at].to_string();
    let Some(base64) = parts.get(at + 1) else {
        return Some(Err(format!("`{name}` with no key after it")));
    };
    let Ok(blob) = Base64::decode_vec(base64) else {
        return Some(Err(format!("the `{name}` key is not base64")));
    };
    let mut r = Reader::new(&blob);
    match r.text("the key type name") {
        Ok(inner) if inner == name => {}
        Ok(inner) => {
            return Some(Err(format!(
                "the line says `{name}` but its key is `{inner}`"
            )));
        }
        Err(e) => return Some(Err(format!("the `{name}` key does not read: {e}"))),
    }
    let mut out = Line {
        name,
        blob,
        comment: Some(parts[at + 2..].join(" ")).filter(|c| !c.is_empty()),
        ..Line::default()
    };
    let mut before = parts[..at].iter();
    let mut first = before.next();
    if let Some(marker) = first.filter(|f| f.starts_with('@')) {
        out.marker = Some(marker.to_string());
        first = before.next();
    }
    for field in first.into_iter().chain(before) {
        match are_options(field) && out.marker.is_none() {
            true => out.options.push(field.to_string()),
            false => out.hosts.extend(field.split(',').map(String::from)),
        }
    }
    Some(Ok(out))
}

/// One key line read: its byte offset, its line number, and the key or why it is not one.
pub type LineRead = (usize, usize, Result<Line, String>);

/// The keys of a text that holds OpenSSH key lines (an `authorized_keys` or `known_hosts`
/// file, `.pub` files, certificates): each with its byte offset and line number, or why a
/// line naming a key type does not hold one. `None` when no line names one.
pub fn read_lines(text: &[u8]) -> Option<Vec<LineRead>> {
    let text = std::str::from_utf8(text).ok()?;
    let mut out = Vec::new();
    let mut offset = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let line = raw.trim_end_matches('\r').trim();
        if !line.is_empty()
            && !line.starts_with('#')
            && let Some(read) = read_line(line)
        {
            out.push((offset, index + 1, read));
        }
        offset += raw.len() + 1;
    }
    (!out.is_empty()).then_some(out)
}

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

    fn s(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        string(&mut out, bytes);
        out
    }

    #[test]
    fn a_cut_off_key_says_where_and_what() {
        let blob = [s(b"ssh-ed25519"), s(&[1u8; 32])].concat();
        assert!(Key::from_blob(&blob).is_ok());
        let e = Key::from_blob(&blob[..blob.len() - 1]).unwrap_err();
        assert_eq!(e.offset, 15);
        assert!(e.expected.contains("the Ed25519 key"), "{e}");
        let e = Key::from_blob(&[blob.clone(), vec![0]].concat()).unwrap_err();
        assert_eq!(
            (e.offset, e.expected.contains("the end of the key")),
            (blob.len(), true)
        );
        let e = Key::from_blob(&[s(b"ssh-foo"), s(b"x")].concat()).unwrap_err();
        assert!(e.expected.contains("`ssh-foo`"), "{e}");
        // A length past the end, and one of 4 GB, are refused without reading or allocating.
        assert!(Key::from_blob(&[0xff, 0xff, 0xff, 0xff]).is_err());
    }

    #[test]
    fn lines_give_options_hosts_markers_and_comments() {
        let key = base64ct::Base64::encode_string(&[s(b"ssh-ed25519"), s(&[1u8; 32])].concat());
        let text = format!(
            "# comment\ncommand=\"a b\",no-pty ssh-ed25519 {key} me@x y\n@revoked h1,h2 ssh-ed25519 {key}\nnothing here\n"
        );
        let lines = read_lines(text.as_bytes()).unwrap();
        assert_eq!(lines.len(), 2);
        let (offset, number, first) = &lines[0];
        assert_eq!((*offset, *number), (10, 2));
        let first = first.as_ref().unwrap();
        assert_eq!(first.options, ["command=\"a b\",no-pty"]);
        assert_eq!(first.comment.as_deref(), Some("me@x y"));
        let second = lines[1].2.as_ref().unwrap();
        assert_eq!(second.marker.as_deref(), Some("@revoked"));
        assert_eq!(second.hosts, ["h1", "h2"]);
        assert!(read_lines(b"no keys at all\n").is_none());
        let mismatch = read_lines(format!("ssh-rsa {key}").as_bytes()).unwrap();
        assert!(
            mismatch[0]
                .2
                .as_ref()
                .unwrap_err()
                .contains("its key is `ssh-ed25519`")
        );
    }

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
