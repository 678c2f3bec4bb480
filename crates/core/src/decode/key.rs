//! Public keys (SubjectPublicKeyInfo, RFC 5280 section 4.1.2.7) and private keys
//! (PKCS#8, PKCS#1, SEC1, encrypted PKCS#8).

use crate::{dn, oids, signature};
use const_oid::ObjectIdentifier as Oid;
use der::Decode;
use serde::{Deserialize, Serialize};
use spki::SubjectPublicKeyInfoOwned;

/// What kind of key: the name reports and JSON show it by (`RSA`, `EC`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAlgorithm {
    /// RSA (rsaEncryption).
    Rsa,
    /// RSA restricted to PSS signatures (id-RSASSA-PSS).
    RsaPss,
    /// Elliptic curve (id-ecPublicKey): ECDSA or ECDH.
    Ec,
    /// Ed25519 (RFC 8410).
    Ed25519,
    /// Ed448 (RFC 8410).
    Ed448,
    /// X25519, for key agreement (RFC 8410).
    X25519,
    /// X448, for key agreement (RFC 8410).
    X448,
    /// DSA.
    Dsa,
    /// Diffie-Hellman (domain parameters).
    Dh,
    /// Any other, by its OID's name.
    Other(String),
}

impl KeyAlgorithm {
    const NAMED: [(KeyAlgorithm, &'static str); 9] = [
        (KeyAlgorithm::Rsa, "RSA"),
        (KeyAlgorithm::RsaPss, "RSA-PSS"),
        (KeyAlgorithm::Ec, "EC"),
        (KeyAlgorithm::Ed25519, "Ed25519"),
        (KeyAlgorithm::Ed448, "Ed448"),
        (KeyAlgorithm::X25519, "X25519"),
        (KeyAlgorithm::X448, "X448"),
        (KeyAlgorithm::Dsa, "DSA"),
        (KeyAlgorithm::Dh, "DH"),
    ];

    /// Its name in reports and JSON.
    pub fn name(&self) -> &str {
        match self {
            KeyAlgorithm::Other(name) => name,
            known => Self::NAMED
                .iter()
                .find(|(algorithm, _)| algorithm == known)
                .map_or("", |(_, name)| name),
        }
    }

    /// The algorithm named `name`.
    pub fn named(name: &str) -> KeyAlgorithm {
        Self::NAMED
            .iter()
            .find(|(_, n)| *n == name)
            .map_or_else(|| KeyAlgorithm::Other(name.into()), |(a, _)| a.clone())
    }

    /// RSA, with or without the PSS restriction.
    pub fn is_rsa(&self) -> bool {
        matches!(self, KeyAlgorithm::Rsa | KeyAlgorithm::RsaPss)
    }
}

impl std::fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<&str> for KeyAlgorithm {
    fn eq(&self, name: &&str) -> bool {
        self.name() == *name
    }
}

impl Serialize for KeyAlgorithm {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for KeyAlgorithm {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KeyAlgorithm, D::Error> {
        String::deserialize(deserializer).map(|name| KeyAlgorithm::named(&name))
    }
}

/// A public key: its algorithm and size, and the key itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicKeyReport {
    /// `RSA`, `EC`, `Ed25519`, `Ed448`, `RSA-PSS`, `DSA`, or the OID's name, in JSON.
    pub algorithm: KeyAlgorithm,
    /// Key size in bits (RSA modulus, EC field); `None` when not meaningful.
    pub bits: Option<u32>,
    /// `P-256`, `P-384`, `P-521` or the curve OID's name, for EC keys.
    pub curve: Option<String>,
    /// RSA public exponent.
    pub exponent: Option<u64>,
    /// RSA modulus or EC/EdDSA point, lowercase hex.
    pub public_hex: String,
    /// The RFC 7638 JWK thumbprint (base64url SHA-256): what a `kid` usually is; `None` for a
    /// key JWK cannot express (DSA, a curve JWK has no name for).
    #[serde(default)]
    pub jwk_thumbprint: Option<String>,
}

impl PublicKeyReport {
    /// The key by its JWK members (RFC 7518 §6), read from this report's own fields, so that
    /// a private key's public half derived later counts too; `None` when JWK cannot express it.
    pub fn jwk_parts(&self) -> Option<crate::jose::PublicParts> {
        use crate::jose::PublicParts;
        let key = dn::unhex(&self.public_hex)?;
        match &self.algorithm {
            KeyAlgorithm::Rsa | KeyAlgorithm::RsaPss => {
                Some(PublicParts::rsa(&key, &self.exponent?.to_be_bytes()))
            }
            KeyAlgorithm::Ec => PublicParts::ec(self.curve.as_deref()?, &key),
            other => PublicParts::okp(other.name(), &key),
        }
    }

    /// Fills [`PublicKeyReport::jwk_thumbprint`] from the fields (run again when they change).
    pub fn with_thumbprint(mut self) -> PublicKeyReport {
        self.jwk_thumbprint = self.jwk_parts().map(|parts| parts.thumbprint());
        self
    }
}

/// Reads what a SubjectPublicKeyInfo says about its key. Never fails: an unreadable key shows
/// as its algorithm OID with no size.
pub fn public_key(spki: &SubjectPublicKeyInfoOwned) -> PublicKeyReport {
    let bits = spki.subject_public_key.raw_bytes();
    let mut report = PublicKeyReport {
        algorithm: KeyAlgorithm::Other(oids::name(&spki.algorithm.oid)),
        bits: None,
        curve: None,
        exponent: None,
        public_hex: String::new(),
        jwk_thumbprint: None,
    };
    match crate::oids::dotted(&spki.algorithm.oid).as_str() {
        oid @ ("1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10") => {
            report.algorithm = if oid.ends_with(".10") {
                KeyAlgorithm::RsaPss
            } else {
                KeyAlgorithm::Rsa
            };
            if let Ok(key) = pkcs1::RsaPublicKeyRef::from_der(bits) {
                let modulus = key.modulus.as_bytes();
                report.bits = Some(bit_length(modulus));
                report.exponent = exponent(key.public_exponent.as_bytes());
                report.public_hex = dn::hex(modulus);
            }
        }
        "1.2.840.10045.2.1" => {
            report.algorithm = KeyAlgorithm::Ec;
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<Oid>().ok());
            if let Some(curve) = curve {
                let (name, size) = curve_name(&curve);
                report.curve = Some(name);
                report.bits = size;
            } else if let Some(explicit) = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<SpecifiedCurve>().ok())
            {
                let order = explicit.order.as_bytes();
                let named = NAMED_ORDERS
                    .iter()
                    .find(|(_, hex)| dn::hex(order) == *hex)
                    .map_or(String::new(), |(name, _)| format!(", {name}'s"));
                report.curve = Some(format!("explicit parameters{named}"));
                report.bits = Some(bit_length(order));
            }
        }
        "1.3.101.112" => (report.algorithm, report.bits) = (KeyAlgorithm::Ed25519, Some(256)),
        "1.3.101.113" => (report.algorithm, report.bits) = (KeyAlgorithm::Ed448, Some(456)),
        "1.3.101.110" => (report.algorithm, report.bits) = (KeyAlgorithm::X25519, Some(253)),
        "1.3.101.111" => (report.algorithm, report.bits) = (KeyAlgorithm::X448, Some(448)),
        "1.2.840.10040.4.1" => {
            report.algorithm = KeyAlgorithm::Dsa;
            // Dss-Parms ::= SEQUENCE { p, q, g }: the size is p's.
            report.bits = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<DssParams>().ok())
                .map(|params| bit_length(params.p.as_bytes()));
        }
        _ => {}
    }
    if report.public_hex.is_empty() {
        report.public_hex = dn::hex(bits);
    }
    report.with_thumbprint()
}

/// `SpecifiedECDomain` (SEC 1 section C.2): a curve spelled out instead of named, which RFC
/// 5480 section 2.1.1 forbids in certificates. Only its order is read.
#[derive(der::Sequence)]
struct SpecifiedCurve {
    version: u8,
    field_id: der::asn1::Any,
    curve: der::asn1::Any,
    base: der::asn1::OctetString,
    order: der::asn1::Uint,
    cofactor: Option<der::asn1::Uint>,
}

/// Group orders of the named curves browsers accept, to say which one explicit parameters
/// copy.
const NAMED_ORDERS: [(&str, &str); 3] = [
    (
        "P-256",
        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
    ),
    (
        "P-384",
        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
    ),
    (
        "P-521",
        "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    ),
];

/// Domain parameters on their own (`EC PARAMETERS`, `DH PARAMETERS`, `DSA PARAMETERS`): what
/// `openssl ecparam -genkey` writes before the key, and the `ssl_dhparam` file of a server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParametersReport {
    /// `EC`, `DH` or `DSA` in JSON.
    pub algorithm: KeyAlgorithm,
    /// The prime's size (DH, DSA) or the curve's (EC).
    pub bits: Option<u32>,
    /// The named curve, for EC.
    pub curve: Option<String>,
    /// Findings on the parameters (weak DH groups, unusual curves).
    pub lint: Vec<crate::finding::Finding>,
}

/// Which parameters a PEM label announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parameters {
    /// Elliptic-curve parameters (`EC PARAMETERS`).
    Ec,
    /// Diffie-Hellman parameters (`DH PARAMETERS`, a server's `dhparam.pem`).
    Dh,
    /// DSA parameters (`DSA PARAMETERS`).
    Dsa,
}

/// Reads domain parameters: their size, the curve, and whether they are strong enough.
pub fn parameters(which: Parameters, der: &[u8]) -> Result<ParametersReport, der::Error> {
    let (algorithm, bits, curve) = match which {
        Parameters::Ec => match Oid::from_der(der) {
            Ok(oid) => {
                let (name, bits) = curve_name(&oid);
                (KeyAlgorithm::Ec, bits, Some(name))
            }
            Err(_) => {
                let explicit = SpecifiedCurve::from_der(der)?;
                let order = explicit.order.as_bytes();
                let bits = bit_length(order);
                (
                    KeyAlgorithm::Ec,
                    Some(bits),
                    Some("explicit parameters".to_string()),
                )
            }
        },
        Parameters::Dh => {
            // PKCS#3 `DHParameter` and X9.42 `DomainParameters` (`dhparam -dsaparam`) both
            // start with the prime.
            let fields = Vec::<der::asn1::Any>::from_der(der)?;
            let prime = fields
                .first()
                .ok_or(der::Tag::Sequence.value_error())?
                .decode_as::<der::asn1::Uint>()?;
            (KeyAlgorithm::Dh, Some(bit_length(prime.as_bytes())), None)
        }
        Parameters::Dsa => {
            let params = DssParams::from_der(der)?;
            (
                KeyAlgorithm::Dsa,
                Some(bit_length(params.p.as_bytes())),
                None,
            )
        }
    };
    Ok(ParametersReport {
        algorithm,
        bits,
        curve,
        // Judged by crate::lint, a layer above (crate::inspect fills it).
        lint: Vec::new(),
    })
}

#[derive(der::Sequence)]
struct DssParams {
    p: der::asn1::Uint,
    q: der::asn1::Uint,
    g: der::asn1::Uint,
}

/// Human name and size of a named curve.
pub fn curve_name(curve: &Oid) -> (String, Option<u32>) {
    match curve.to_string().as_str() {
        "1.2.840.10045.3.1.7" => ("P-256".into(), Some(256)),
        "1.3.132.0.34" => ("P-384".into(), Some(384)),
        "1.3.132.0.35" => ("P-521".into(), Some(521)),
        "1.3.132.0.10" => ("secp256k1".into(), Some(256)),
        "1.2.840.10045.3.1.1" => ("P-192".into(), Some(192)),
        "1.3.132.0.33" => ("P-224".into(), Some(224)),
        "1.3.36.3.3.2.8.1.1.7" => ("brainpoolP256r1".into(), Some(256)),
        "1.3.36.3.3.2.8.1.1.11" => ("brainpoolP384r1".into(), Some(384)),
        "1.3.36.3.3.2.8.1.1.13" => ("brainpoolP512r1".into(), Some(512)),
        _ => (oids::name(curve), None),
    }
}

/// Bits in a big-endian unsigned integer, ignoring leading zeros.
pub fn bit_length(bytes: &[u8]) -> u32 {
    let trimmed: &[u8] = match bytes.iter().position(|&b| b != 0) {
        Some(i) => &bytes[i..],
        None => return 0,
    };
    (trimmed.len() as u32 - 1) * 8 + (8 - trimmed[0].leading_zeros())
}

fn exponent(bytes: &[u8]) -> Option<u64> {
    (bytes.len() <= 8).then(|| bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
}

/// How a private key is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyEncoding {
    /// PKCS#8 `PrivateKeyInfo` (RFC 5958), `PRIVATE KEY`.
    Pkcs8,
    /// PKCS#1 `RSAPrivateKey` (RFC 8017), `RSA PRIVATE KEY`.
    Pkcs1,
    /// SEC1 `ECPrivateKey` (RFC 5915), `EC PRIVATE KEY`.
    Sec1,
    /// PKCS#8 `EncryptedPrivateKeyInfo`, `ENCRYPTED PRIVATE KEY`.
    EncryptedPkcs8,
    /// OpenSSL's legacy PEM encryption (`Proc-Type: 4,ENCRYPTED`).
    LegacyEncryptedPem,
}

impl KeyEncoding {
    const NAMES: [(KeyEncoding, &'static str); 5] = [
        (KeyEncoding::Pkcs8, "pkcs8"),
        (KeyEncoding::Pkcs1, "pkcs1"),
        (KeyEncoding::Sec1, "sec1"),
        (KeyEncoding::EncryptedPkcs8, "encrypted_pkcs8"),
        (KeyEncoding::LegacyEncryptedPem, "legacy_encrypted_pem"),
    ];

    /// Its name in reports and JSON.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(encoding, _)| *encoding == self)
            .map_or("", |(_, name)| name)
    }
}

/// A private key's format: how it is stored, and whether the page decrypted it. JSON spells
/// it as text: `pkcs8`, `sec1 (decrypted)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyFormat {
    /// How the key is (or, decrypted, was inside the encryption) stored.
    pub encoding: KeyEncoding,
    /// Decrypted with a password the user gave.
    pub decrypted: bool,
}

impl From<KeyEncoding> for KeyFormat {
    fn from(encoding: KeyEncoding) -> KeyFormat {
        KeyFormat {
            encoding,
            decrypted: false,
        }
    }
}

impl std::fmt::Display for KeyFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.encoding.name())?;
        if self.decrypted {
            f.write_str(" (decrypted)")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for KeyFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<KeyFormat, String> {
        let (name, decrypted) = match text.strip_suffix(" (decrypted)") {
            Some(name) => (name, true),
            None => (text, false),
        };
        KeyEncoding::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|&(encoding, _)| KeyFormat {
                encoding,
                decrypted,
            })
            .ok_or_else(|| format!("unknown key format `{text}`"))
    }
}

impl PartialEq<&str> for KeyFormat {
    fn eq(&self, text: &&str) -> bool {
        text.parse::<KeyFormat>().is_ok_and(|other| other == *self)
    }
}

impl Serialize for KeyFormat {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for KeyFormat {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KeyFormat, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A private key: how it is stored and what it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateKeyReport {
    /// `pkcs8`, `pkcs1`, `sec1`, `encrypted_pkcs8` or `legacy_encrypted_pem` in JSON, with
    /// ` (decrypted)` after a key decrypted in the page.
    pub format: KeyFormat,
    /// Encrypted: the key itself shows once a password decrypts it.
    pub encrypted: bool,
    /// The key it holds; `None` while encrypted.
    pub public_key: Option<PublicKeyReport>,
    /// Encryption scheme of an encrypted key (`PBES2 (PBKDF2-hmacWithSHA256, aes-256-cbc)`, …).
    pub encryption: Option<String>,
    /// The `DEK-Info` header of a legacy encrypted PEM key (`AES-256-CBC,<IV hex>`): the cipher
    /// and IV its decryption needs.
    pub dek_info: Option<String>,
    /// Blocks of the same input (items, inside a PKCS#12 file) whose certificate or CSR
    /// carries this key's public key, once
    /// [`super::link_keys`] ran: "does this key go with that certificate?" answered.
    pub matches: Vec<usize>,
    /// How an ML-DSA or ML-KEM key is written (the LAMPS drafts' CHOICE): `seed`, `expanded`
    /// or `both`; `None` for other keys. (Always written: the web app's binary wire format
    /// cannot skip a field.)
    #[serde(default)]
    pub private_form: Option<String>,
}

/// ML-DSA's and ML-KEM's private key CHOICE (the LAMPS drafts' `ML-DSA-PrivateKey`,
/// `ML-KEM-PrivateKey`): `[0] seed`, an `expandedKey` OCTET STRING, or a SEQUENCE of `both`.
#[cfg(feature = "pq")]
fn pq_private_form(oid: &Oid, private_key: &[u8]) -> Option<String> {
    let dotted = crate::oids::dotted(oid);
    let pq = [
        "2.16.840.1.101.3.4.3.17",
        "2.16.840.1.101.3.4.3.18",
        "2.16.840.1.101.3.4.3.19",
    ]
    .contains(&dotted.as_str())
        || dotted.starts_with("2.16.840.1.101.3.4.4.");
    pq.then(|| {
        match private_key.first() {
            Some(0x80) => "seed",
            Some(0x04) => "expanded",
            Some(0x30) => "both",
            _ => "unknown",
        }
        .to_string()
    })
}

/// The parts of an ML-DSA private key CHOICE: the seed and the expanded key, as given.
#[cfg(feature = "pq")]
fn ml_dsa_private(private_key: &[u8]) -> (Option<&[u8]>, Option<&[u8]>) {
    use crate::tlv::{OCTET_STRING, SEQUENCE, element, expect};
    match element(private_key) {
        Some((0x80, seed, _)) => (Some(seed), None),
        Some((OCTET_STRING, expanded, _)) => (None, Some(expanded)),
        Some((SEQUENCE, both, _)) => {
            let Some((seed, rest)) = expect(both, OCTET_STRING) else {
                return (None, None);
            };
            (Some(seed), expect(rest, OCTET_STRING).map(|(e, _)| e))
        }
        _ => (None, None),
    }
}

/// The public key of an ML-DSA private key that has its seed, hex. An expanded-only key's is
/// not derived: `ml-dsa` reads expanded keys without checking them and may panic on a crafted
/// one, and no input may panic certbench.
#[cfg(feature = "pq")]
fn ml_dsa_public(level: u8, private_key: &[u8]) -> Option<String> {
    use ml_dsa::{MlDsa44, MlDsa65, MlDsa87, MlDsaParams, Seed, SigningKey};
    fn public<P: MlDsaParams>(seed: &[u8]) -> Option<String> {
        let key = SigningKey::<P>::from_seed(&Seed::try_from(seed).ok()?);
        Some(dn::hex(&key.expanded_key().verifying_key().encode()))
    }
    let (seed, _) = ml_dsa_private(private_key);
    match level {
        44 => public::<MlDsa44>(seed?),
        65 => public::<MlDsa65>(seed?),
        _ => public::<MlDsa87>(seed?),
    }
}

/// A PKCS#8 `PrivateKeyInfo` (RFC 5208 / RFC 5958).
pub fn pkcs8(der: &[u8]) -> Result<PrivateKeyReport, der::Error> {
    let info = pkcs8::PrivateKeyInfoRef::from_der(der)?;
    let oid = info.algorithm.oid;
    let mut public = PublicKeyReport {
        algorithm: KeyAlgorithm::Other(oids::name(&oid)),
        bits: None,
        curve: None,
        exponent: None,
        public_hex: String::new(),
        jwk_thumbprint: None,
    };
    match crate::oids::dotted(&oid).as_str() {
        "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => {
            let rsa = pkcs1::RsaPrivateKeyRef::from_der(info.private_key.as_bytes())?;
            public = rsa_public(&rsa);
        }
        "1.2.840.10045.2.1" => {
            let curve = info
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<Oid>().ok());
            let sec1 = sec1::EcPrivateKey::from_der(info.private_key.as_bytes())?;
            public = ec_public(&sec1, curve);
        }
        "1.3.101.112" => {
            // The public key is derived by `super::crypto` (public-key work).
            (public.algorithm, public.bits) = (KeyAlgorithm::Ed25519, Some(256));
        }
        "1.3.101.113" => (public.algorithm, public.bits) = (KeyAlgorithm::Ed448, Some(456)),
        "1.2.840.10040.4.1" => {
            public.algorithm = KeyAlgorithm::Dsa;
            public.bits = info
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<DssParams>().ok())
                .map(|params| bit_length(params.p.as_bytes()));
        }
        _ => {}
    }
    Ok(PrivateKeyReport {
        #[cfg(feature = "pq")]
        private_form: pq_private_form(&oid, info.private_key.as_bytes()),
        #[cfg(not(feature = "pq"))]
        private_form: None,
        format: KeyEncoding::Pkcs8.into(),
        encrypted: false,
        public_key: Some(public.with_thumbprint()),
        encryption: None,
        dek_info: None,
        matches: Vec::new(),
    })
}

/// A PKCS#1 `RSAPrivateKey` (`BEGIN RSA PRIVATE KEY`).
pub fn pkcs1(der: &[u8]) -> Result<PrivateKeyReport, der::Error> {
    let rsa = pkcs1::RsaPrivateKeyRef::from_der(der)?;
    Ok(PrivateKeyReport {
        format: KeyEncoding::Pkcs1.into(),
        encrypted: false,
        public_key: Some(rsa_public(&rsa)),
        encryption: None,
        dek_info: None,
        matches: Vec::new(),
        private_form: None,
    })
}

/// A SEC1 `ECPrivateKey` (`BEGIN EC PRIVATE KEY`).
pub fn sec1(der: &[u8]) -> Result<PrivateKeyReport, der::Error> {
    let key = sec1::EcPrivateKey::from_der(der)?;
    let curve = key.parameters.and_then(|p| p.named_curve());
    Ok(PrivateKeyReport {
        format: KeyEncoding::Sec1.into(),
        encrypted: false,
        public_key: Some(ec_public(&key, curve)),
        encryption: None,
        dek_info: None,
        matches: Vec::new(),
        private_form: None,
    })
}

/// An `EncryptedPrivateKeyInfo` (`BEGIN ENCRYPTED PRIVATE KEY`): says how it is protected
/// (PBES2, or the PKCS#12 PBEs and PBES1 older tools write).
pub fn encrypted_pkcs8(der: &[u8]) -> Result<PrivateKeyReport, der::Error> {
    let info = crate::pbe::EncryptedPrivateKeyInfo::from_der(der)?;
    Ok(PrivateKeyReport {
        format: KeyEncoding::EncryptedPkcs8.into(),
        encrypted: true,
        public_key: None,
        encryption: Some(crate::pbe::describe(&info.algorithm)),
        dek_info: None,
        matches: Vec::new(),
        private_form: None,
    })
}

fn rsa_public(rsa: &pkcs1::RsaPrivateKeyRef<'_>) -> PublicKeyReport {
    let modulus = rsa.modulus.as_bytes();
    PublicKeyReport {
        algorithm: KeyAlgorithm::Rsa,
        bits: Some(bit_length(modulus)),
        curve: None,
        exponent: exponent(rsa.public_exponent.as_bytes()),
        public_hex: dn::hex(modulus),
        jwk_thumbprint: None,
    }
    .with_thumbprint()
}

fn ec_public(key: &sec1::EcPrivateKey<'_>, curve: Option<Oid>) -> PublicKeyReport {
    let (name, bits) = curve.map_or((None, None), |c| {
        let (name, bits) = curve_name(&c);
        (Some(name), bits)
    });
    // A key stored without its public point gets it from `super::crypto` (public-key work).
    let point = key.public_key.map(dn::hex).unwrap_or_default();
    PublicKeyReport {
        algorithm: KeyAlgorithm::Ec,
        bits,
        curve: name,
        exponent: None,
        public_hex: point,
        jwk_thumbprint: None,
    }
    .with_thumbprint()
}

/// The public key, as lowercase hex, of a PKCS#8 (EC or Ed25519) or SEC1 private key:
/// for keys stored without it.
pub fn derive_public_hex(der: &[u8]) -> Option<String> {
    if let Ok(info) = pkcs8::PrivateKeyInfoRef::from_der(der) {
        return match crate::oids::dotted(&info.algorithm.oid).as_str() {
            "1.2.840.10045.2.1" => {
                let curve = info
                    .algorithm
                    .parameters
                    .and_then(|p| p.decode_as::<Oid>().ok());
                let sec1 = sec1::EcPrivateKey::from_der(info.private_key.as_bytes()).ok()?;
                derive_point(
                    sec1.private_key,
                    curve.or_else(|| sec1.parameters.and_then(|p| p.named_curve())),
                )
            }
            "1.3.101.112" => ed25519_public(info.private_key.as_bytes()),
            #[cfg(feature = "pq")]
            "2.16.840.1.101.3.4.3.17" => ml_dsa_public(44, info.private_key.as_bytes()),
            #[cfg(feature = "pq")]
            "2.16.840.1.101.3.4.3.18" => ml_dsa_public(65, info.private_key.as_bytes()),
            #[cfg(feature = "pq")]
            "2.16.840.1.101.3.4.3.19" => ml_dsa_public(87, info.private_key.as_bytes()),
            _ => None,
        };
    }
    let sec1 = sec1::EcPrivateKey::from_der(der).ok()?;
    derive_point(
        sec1.private_key,
        sec1.parameters.and_then(|p| p.named_curve()),
    )
}

/// The public point of an EC private scalar.
fn derive_point(scalar: &[u8], curve: Option<Oid>) -> Option<String> {
    let curve = curve?;
    if curve == signature::P256 {
        let key = p256::SecretKey::from_slice(scalar).ok()?;
        Some(dn::hex(&key.public_key().to_sec1_bytes()))
    } else if curve == signature::P384 {
        let key = p384::SecretKey::from_slice(scalar).ok()?;
        Some(dn::hex(&key.public_key().to_sec1_bytes()))
    } else {
        None
    }
}

/// The public key of an Ed25519 PKCS#8 key, whose private part is `OCTET STRING { seed }`.
fn ed25519_public(private_key: &[u8]) -> Option<String> {
    let seed = <&der::asn1::OctetStringRef>::from_der(private_key).ok()?;
    let seed = zeroize::Zeroizing::new(<[u8; 32]>::try_from(seed.as_bytes()).ok()?);
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    Some(dn::hex(key.verifying_key().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_bits() {
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
        assert_eq!(bit_length(&[0x01]), 1);
        assert_eq!(bit_length(&[0, 0]), 0);
        assert_eq!(exponent(&[1, 0, 1]), Some(65537));
    }
}
