//! Certificates (RFC 5280 section 4.1): every field `openssl x509 -text` prints, plus
//! fingerprints, SPKI pin and validity status.

use super::ext;
use super::key::{PublicKeyReport, public_key};
use crate::time::{Rfc3339, UnixTime};
use crate::{dn, oids};
use base64ct::{Base64, Encoding};
use der::Encode;
use serde::{Deserialize, Serialize};
use sha2::Digest;
use x509_cert::certificate::{CertificateInner, Profile};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// Everything a certificate says, as `openssl x509 -text` shows it and more: names, keys,
/// extensions, fingerprints, validity at a moment, and lint findings.
pub struct CertificateReport {
    /// The subject, RFC 4514 text (`CN=example.com,O=Example`).
    pub subject: String,
    /// The issuer, RFC 4514 text.
    pub issuer: String,
    /// The subject's attributes one by one, with their string types.
    pub subject_attributes: Vec<dn::Attribute>,
    /// The issuer's attributes one by one, with their string types.
    pub issuer_attributes: Vec<dn::Attribute>,
    /// Lowercase hex of the serial's value in JSON, no colons (`-` first when negative).
    pub serial: Serial,
    /// The serial in decimal, as `openssl x509 -serial` does not but some CAs print.
    pub serial_decimal: String,
    /// notBefore, RFC 3339.
    pub not_before: Rfc3339,
    /// notAfter, RFC 3339.
    pub not_after: Rfc3339,
    /// Where the moment decoded for falls in the validity period.
    pub validity: ValidityStatus,
    /// SHA-256 of the DER, lowercase hex.
    pub fingerprint_sha256: String,
    /// SHA-1 of the DER, lowercase hex.
    pub fingerprint_sha1: String,
    /// base64(SHA-256(DER SubjectPublicKeyInfo)): the `pin-sha256` of HPKP and pinning code.
    pub spki_sha256_base64: String,
    /// The subjectAltName entries (`DNS:example.com`, `IP:127.0.0.1`, …).
    pub san: Vec<String>,
    /// 1, 2 or 3.
    pub version: u8,
    /// The signature algorithm, by OpenSSL's name (`sha256WithRSAEncryption`).
    pub signature_algorithm: String,
    /// The subject's public key.
    pub public_key: PublicKeyReport,
    /// basicConstraints cA.
    pub is_ca: bool,
    /// basicConstraints pathLenConstraint.
    pub path_len: Option<u8>,
    /// keyUsage bits by name (`digitalSignature`, `keyCertSign`, …).
    pub key_usage: Vec<String>,
    /// extendedKeyUsage purposes by name (`serverAuth`, …).
    pub extended_key_usage: Vec<String>,
    /// subjectKeyIdentifier, colon hex.
    pub subject_key_id: Option<String>,
    /// authorityKeyIdentifier keyIdentifier, colon hex.
    pub authority_key_id: Option<String>,
    /// OCSP responder URLs (authorityInfoAccess).
    pub ocsp: Vec<String>,
    /// The issuer's certificate URLs (authorityInfoAccess caIssuers).
    pub ca_issuers: Vec<String>,
    /// Issuer and subject are the same name.
    pub self_issued: bool,
    /// Self-issued and its signature verifies with its own key; `None` when the engine at hand
    /// cannot check this signature algorithm (Ed448; DSA in the browser), rather than a wrong
    /// `false`, or while the check is pending ([`crate::inspect::decode_structure`]).
    pub self_signed: Option<bool>,
    /// Every extension, decoded, in the certificate's order.
    pub extensions: Vec<ext::ExtensionReport>,
    /// The signature value, lowercase hex.
    pub signature_hex: String,
    /// Misconfigurations found in this certificate (see [`crate::lint`]).
    pub lint: Vec<crate::finding::Finding>,
    /// The signed certificate timestamps it carries (RFC 6962), with their logs and whether
    /// their signatures check.
    #[serde(default)]
    #[cfg(feature = "ct")]
    pub scts: Vec<ext::SctReport>,
    /// Chrome's and Apple's CT policies applied to its SCTs; `None` until its SCTs' signatures
    /// are checked, or in a build without CT.
    #[serde(default)]
    #[cfg(feature = "ct")]
    pub ct_policy: Option<super::ct::CtPolicy>,
    /// A precertificate (RFC 6962 §3.1: the poison extension): what a CA logs before issuing.
    #[serde(default)]
    #[cfg(feature = "ct")]
    pub precertificate: bool,
    /// Its ACME Renewal Information id (RFC 9773 §4.1: base64url of the authorityKeyIdentifier
    /// keyIdentifier, `.`, base64url of the serial's DER content); `None` without a key
    /// identifier.
    #[serde(default)]
    pub ari_id: Option<String>,
    /// The profile lint judged it by, as `certbench lint --profile` takes it (`tls-ov`,
    /// `root`, …); empty before lint.
    #[serde(default)]
    pub lint_profile: String,
    /// That profile's name, as the card shows it ("TLS BR subscriber, OV").
    #[serde(default)]
    pub linted_as: String,
    /// The certificate as it was read (not strict DER, perhaps: [`crate::canonical`]), for
    /// lint, which reads its encoding. Not in JSON, nor sent to the page.
    #[serde(skip)]
    pub der: Vec<u8>,
}

/// A certificate's serial number: its DER INTEGER's bytes (big-endian two's complement, as
/// the issuer wrote them). Hex in JSON and on screen ([`serial_hex`]); the bytes themselves
/// to the rules that judge it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Serial(pub Vec<u8>);

impl Serial {
    /// RFC 5280 §4.1.2.2 asks for a positive integer; some CAs wrote negative ones.
    pub fn is_negative(&self) -> bool {
        self.0.first().is_some_and(|b| b & 0x80 != 0)
    }

    /// Zero, which RFC 5280 forbids too.
    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|&b| b == 0)
    }

    /// Bytes of the value, without DER's sign-padding zero.
    pub fn value_len(&self) -> usize {
        signed_magnitude(&self.0).1.len().max(1)
    }
}

impl std::fmt::Display for Serial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&serial_hex(&self.0))
    }
}

impl Serialize for Serial {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match serializer.is_human_readable() {
            true => serializer.collect_str(self),
            false => serializer.serialize_bytes(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Serial {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Serial, D::Error> {
        use serde::de::Error as _;
        if !deserializer.is_human_readable() {
            return Vec::<u8>::deserialize(deserializer).map(Serial);
        }
        let text = String::deserialize(deserializer)?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, text.as_str()),
        };
        let mut bytes = digits
            .as_bytes()
            .chunks(2)
            .map(|pair| {
                std::str::from_utf8(pair)
                    .ok()
                    .and_then(|p| u8::from_str_radix(p, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(|| D::Error::custom(format!("not a hex serial: {text}")))?;
        if bytes.first().is_some_and(|b| b & 0x80 != 0) {
            bytes.insert(0, 0);
        }
        if negative {
            // Two's complement of the magnitude: invert and add one.
            bytes.iter_mut().for_each(|b| *b = !*b);
            for byte in bytes.iter_mut().rev() {
                let (sum, carry) = byte.overflowing_add(1);
                *byte = sum;
                if !carry {
                    break;
                }
            }
        }
        Ok(Serial(bytes))
    }
}

/// Whether a certificate is valid at a moment (RFC 5280 §4.1.2.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    /// Between notBefore and notAfter.
    Valid,
    /// After notAfter.
    Expired,
    /// Before notBefore.
    NotYetValid,
}

/// Where `now` falls in a certificate's validity period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidityStatus {
    /// `valid`, `expired` or `not_yet_valid` in JSON.
    pub status: Validity,
    /// Days until notAfter when valid; days since notAfter when expired; days until notBefore
    /// when not yet valid.
    pub days: i64,
    /// The moment the status was computed for.
    pub at: String,
    /// Whole days from notBefore to notAfter.
    pub lifetime_days: i64,
    /// How much of the lifetime has passed at `at`, 0 to 100.
    pub elapsed_percent: u8,
}

impl ValidityStatus {
    /// The status of a certificate valid from `not_before` to `not_after`, at `now`.
    pub fn at(not_before: UnixTime, not_after: UnixTime, now: UnixTime) -> ValidityStatus {
        let (status, days) = if now < not_before {
            (Validity::NotYetValid, now.days_until(not_before))
        } else if now > not_after {
            (Validity::Expired, not_after.days_until(now))
        } else {
            (Validity::Valid, now.days_until(not_after))
        };
        let lifetime = (not_after.0 - not_before.0).max(1);
        let elapsed = (i128::from((now.0 - not_before.0).clamp(0, lifetime)) * 100
            / i128::from(lifetime)) as u8;
        ValidityStatus {
            status,
            days,
            at: now.to_rfc3339(),
            lifetime_days: not_before.days_until(not_after),
            elapsed_percent: elapsed,
        }
    }
}

/// The report of one certificate, read with any profile: decode reads with x509-cert's `Raw`
/// one, so a certificate breaking RFC 5280 (a 25-byte serial) is still shown, and linted.
pub fn report<P: Profile>(
    cert: &CertificateInner<P>,
    der: &[u8],
    now: UnixTime,
) -> CertificateReport {
    let tbs = cert.tbs_certificate();
    let spki = tbs.subject_public_key_info();
    let exts = ext::decode(tbs.extensions().map(|e| e.as_slice()).unwrap_or_default());
    let not_before = UnixTime::from(&tbs.validity().not_before);
    let not_after = UnixTime::from(&tbs.validity().not_after);
    let self_issued = tbs.subject() == tbs.issuer();
    // Whether a self-issued certificate's own key verifies it is public-key work, done by
    // `super::crypto` after this structural pass.
    let self_signed = (!self_issued).then_some(false);
    let spki_der = spki.to_der().unwrap_or_default();
    #[allow(unused_mut, reason = "CT fills the policy in when built with it")]
    let mut report = CertificateReport {
        subject: dn::rfc4514(tbs.subject()),
        issuer: dn::rfc4514(tbs.issuer()),
        subject_attributes: dn::attributes(tbs.subject()),
        issuer_attributes: dn::attributes(tbs.issuer()),
        serial: Serial(tbs.serial_number().as_bytes().to_vec()),
        serial_decimal: serial_decimal(tbs.serial_number().as_bytes()),
        not_before: Rfc3339(not_before),
        not_after: Rfc3339(not_after),
        validity: ValidityStatus::at(not_before, not_after, now),
        fingerprint_sha256: dn::hex(&sha2::Sha256::digest(der)),
        fingerprint_sha1: dn::hex(&sha1::Sha1::digest(der)),
        spki_sha256_base64: Base64::encode_string(&sha2::Sha256::digest(&spki_der)),
        san: exts.san,
        version: match tbs.version() {
            x509_cert::Version::V1 => 1,
            x509_cert::Version::V2 => 2,
            x509_cert::Version::V3 => 3,
        },
        signature_algorithm: oids::name(&cert.signature_algorithm().oid),
        public_key: public_key(spki),
        is_ca: exts.is_ca,
        path_len: exts.path_len,
        key_usage: exts.key_usage,
        extended_key_usage: exts.extended_key_usage,
        subject_key_id: exts.subject_key_id,
        ari_id: exts.authority_key_id.as_deref().and_then(|aki| {
            ari_id(
                &dn::unhex(&aki.replace(':', ""))?,
                tbs.serial_number().as_bytes(),
            )
        }),
        authority_key_id: exts.authority_key_id,
        ocsp: exts.ocsp,
        ca_issuers: exts.ca_issuers,
        #[cfg(feature = "ct")]
        precertificate: exts
            .extensions
            .iter()
            .any(|e| e.oid == "1.3.6.1.4.1.11129.2.4.3"),
        #[cfg(feature = "ct")]
        scts: exts.scts,
        #[cfg(feature = "ct")]
        ct_policy: None,
        self_issued,
        self_signed,
        extensions: exts.extensions,
        signature_hex: dn::hex(cert.signature().raw_bytes()),
        // Judged by crate::lint, a layer above (crate::inspect fills it).
        lint: Vec::new(),
        lint_profile: String::new(),
        linted_as: String::new(),
        der: der.to_vec(),
    };
    // A TLS server certificate's CT policy, its SCTs unchecked until their signatures are.
    #[cfg(feature = "ct")]
    if !report.is_ca
        && (report.extended_key_usage.is_empty()
            || report.extended_key_usage.iter().any(|e| e == "serverAuth"))
    {
        report.ct_policy = Some(super::ct::policy(&report));
    }
    report
}

/// RFC 9773 §4.1's certificate identifier: the issuer's key identifier and the serial (its DER
/// INTEGER content, sign byte included), each base64url without padding, joined by `.`.
pub fn ari_id(key_identifier: &[u8], serial: &[u8]) -> Option<String> {
    use base64ct::Base64UrlUnpadded;
    (!key_identifier.is_empty() && !serial.is_empty()).then(|| {
        format!(
            "{}.{}",
            Base64UrlUnpadded::encode_string(key_identifier),
            Base64UrlUnpadded::encode_string(serial)
        )
    })
}

/// The serial's value in hex: DER's sign-padding zero dropped, `-` for negative serials
/// (which RFC 5280 forbids but CAs have issued).
pub fn serial_hex(bytes: &[u8]) -> String {
    let (negative, magnitude) = signed_magnitude(bytes);
    let digits = dn::hex(&magnitude);
    let digits = if digits.is_empty() {
        "00".to_string()
    } else {
        digits
    };
    if negative {
        format!("-{digits}")
    } else {
        digits
    }
}

/// The serial in decimal (`-` first when negative).
pub fn serial_decimal(bytes: &[u8]) -> String {
    let (negative, mut magnitude) = signed_magnitude(bytes);
    let mut digits = Vec::new();
    while magnitude.iter().any(|&b| b != 0) {
        let mut remainder = 0u32;
        for byte in magnitude.iter_mut() {
            let value = (remainder << 8) | u32::from(*byte);
            *byte = (value / 10) as u8;
            remainder = value % 10;
        }
        digits.push(char::from(b'0' + remainder as u8));
    }
    if digits.is_empty() {
        digits.push('0');
    }
    if negative {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// Two's-complement big-endian integer → (is negative, magnitude without leading zeros).
fn signed_magnitude(bytes: &[u8]) -> (bool, Vec<u8>) {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let mut magnitude = bytes.to_vec();
    if negative {
        // Negate: invert and add one.
        magnitude.iter_mut().for_each(|b| *b = !*b);
        for byte in magnitude.iter_mut().rev() {
            let (sum, carry) = byte.overflowing_add(1);
            *byte = sum;
            if !carry {
                break;
            }
        }
    }
    let start = magnitude
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(magnitude.len());
    (negative, magnitude.split_off(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_id_is_rfc_9773s_example() {
        // RFC 9773 §4.1: keyIdentifier 69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4
        // and serial 00:87:65:43:21.
        let aki = crate::dn::unhex("69885b6b87464041e1b37b847ba0ae2cde01c8d4").unwrap();
        assert_eq!(
            ari_id(&aki, &[0x00, 0x87, 0x65, 0x43, 0x21]).as_deref(),
            Some("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE")
        );
    }

    #[test]
    fn formats_serials_like_openssl() {
        assert_eq!(serial_hex(&[0x00, 0xa1, 0x02]), "a102");
        assert_eq!(serial_hex(&[0x01]), "01");
        assert_eq!(serial_hex(&[0x00]), "00");
        assert_eq!(serial_hex(&[0xff]), "-01");
        assert_eq!(serial_decimal(&[0x01, 0x00]), "256");
        assert_eq!(
            serial_decimal(&[0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            "18446744073709551615"
        );
        assert_eq!(serial_decimal(&[0xfe]), "-2");
    }

    #[test]
    fn tells_validity_status() {
        let (nb, na) = (UnixTime(1000 * 86_400), UnixTime(2000 * 86_400));
        assert_eq!(
            ValidityStatus::at(nb, na, UnixTime(1500 * 86_400)).days,
            500
        );
        let expired = ValidityStatus::at(nb, na, UnixTime(2010 * 86_400));
        assert_eq!((expired.status, expired.days), (Validity::Expired, 10));
        assert_eq!(
            ValidityStatus::at(nb, na, UnixTime(990 * 86_400)).status,
            Validity::NotYetValid
        );
    }
}
