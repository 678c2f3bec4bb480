//! Names for the object identifiers users meet, as OpenSSL spells them (so output can be compared
//! with `openssl x509 -text` line for line), with a few words of explanation each. Extensions
//! have their own table ([`crate::extension`]); [`name`] and [`describe`] read both.

use const_oid::ObjectIdentifier;

/// One known OID: dotted form, OpenSSL short name, what it means.
pub struct KnownOid {
    /// The dotted form.
    pub dotted: &'static str,
    /// The same OID, encoded when certbench is compiled (a misspelt one fails the build).
    pub oid: ObjectIdentifier,
    /// OpenSSL's short name.
    pub name: &'static str,
    /// What it means, in a few words.
    pub about: &'static str,
}

macro_rules! known {
    ($($dotted:literal => $name:literal, $about:literal;)*) => {
        /// Every OID certbench names, in no particular order.
        pub static KNOWN: &[KnownOid] = &[$(KnownOid {
            dotted: $dotted,
            oid: ObjectIdentifier::new_unwrap($dotted),
            name: $name,
            about: $about,
        }),*];
    };
}

known! {
    // Name attributes (RFC 5280 appendix A, RFC 4519)
    "2.5.4.3" => "CN", "common name";
    "2.5.4.4" => "SN", "surname";
    "2.5.4.5" => "serialNumber", "subject serial number (not the certificate serial)";
    "2.5.4.6" => "C", "country";
    "2.5.4.7" => "L", "locality";
    "2.5.4.8" => "ST", "state or province";
    "2.5.4.9" => "street", "street address";
    "2.5.4.10" => "O", "organization";
    "2.5.4.11" => "OU", "organizational unit";
    "2.5.4.12" => "title", "title";
    "2.5.4.15" => "businessCategory", "business category (EV)";
    "2.5.4.17" => "postalCode", "postal code";
    "2.5.4.42" => "GN", "given name";
    "2.5.4.43" => "initials", "initials";
    "2.5.4.44" => "generationQualifier", "generation qualifier";
    "2.5.4.46" => "dnQualifier", "DN qualifier";
    "2.5.4.65" => "pseudonym", "pseudonym";
    "2.5.4.97" => "organizationIdentifier", "organization identifier (eIDAS)";
    "0.9.2342.19200300.100.1.1" => "UID", "user id";
    "0.9.2342.19200300.100.1.25" => "DC", "domain component";
    "1.2.840.113549.1.9.1" => "emailAddress", "e-mail address (legacy; use a SAN)";
    "1.3.6.1.4.1.311.60.2.1.1" => "jurisdictionL", "jurisdiction locality (EV)";
    "1.3.6.1.4.1.311.60.2.1.2" => "jurisdictionST", "jurisdiction state (EV)";
    "1.3.6.1.4.1.311.60.2.1.3" => "jurisdictionC", "jurisdiction country (EV)";
    "1.3.6.1.4.1.311.21.10" => "msApplicationPolicies", "Microsoft application policies";
    "1.3.6.1.4.1.311.21.1" => "msCAVersion", "Microsoft CA version";
    "1.2.840.113549.1.9.14" => "extensionRequest", "extensions requested in a CSR";
    "1.2.840.113549.1.9.7" => "challengePassword", "CSR challenge password";
    "1.2.840.113549.1.9.2" => "unstructuredName", "PKCS#9 unstructured name";
    // Extended key usages (RFC 5280 section 4.2.1.12)
    "1.3.6.1.5.5.7.3.1" => "serverAuth", "TLS server authentication";
    "1.3.6.1.5.5.7.3.2" => "clientAuth", "TLS client authentication";
    "1.3.6.1.5.5.7.3.3" => "codeSigning", "code signing";
    "1.3.6.1.5.5.7.3.4" => "emailProtection", "S/MIME e-mail";
    "1.3.6.1.5.5.7.3.8" => "timeStamping", "trusted time stamping";
    "1.3.6.1.5.5.7.3.9" => "OCSPSigning", "signing OCSP responses";
    "1.3.6.1.5.5.7.3.5" => "ipsecEndSystem", "IPsec end system";
    "1.3.6.1.5.5.7.3.6" => "ipsecTunnel", "IPsec tunnel";
    "1.3.6.1.5.5.7.3.7" => "ipsecUser", "IPsec user";
    "1.3.6.1.5.5.7.3.17" => "ipsecIKE", "IPsec IKE";
    "2.5.29.37.0" => "anyExtendedKeyUsage", "any purpose";
    "1.3.6.1.4.1.311.20.2.2" => "msSmartcardLogin", "Microsoft smart card logon";
    "1.3.6.1.4.1.311.10.3.4" => "msEFS", "Microsoft encrypting file system";
    "1.3.6.1.4.1.311.10.3.3" => "msSGC", "Microsoft server gated crypto (legacy)";
    "2.16.840.1.113730.4.1" => "nsSGC", "Netscape server gated crypto (legacy)";
    "1.3.6.1.4.1.11129.2.4.4" => "ctPrecertificateSigning", "signing CT precertificates";
    "1.3.6.1.5.2.3.5" => "pkInitKDC", "Kerberos PKINIT KDC";
    "1.3.6.1.5.2.3.4" => "pkInitClientAuth", "Kerberos PKINIT client";
    // Public key algorithms
    "1.2.840.113549.1.1.1" => "rsaEncryption", "RSA";
    "1.2.840.113549.1.1.10" => "rsassaPss", "RSA-PSS";
    "1.2.840.10045.2.1" => "id-ecPublicKey", "elliptic curve";
    "1.3.101.112" => "ED25519", "Ed25519";
    "1.3.101.113" => "ED448", "Ed448";
    "1.3.101.110" => "X25519", "X25519 key agreement";
    "1.3.101.111" => "X448", "X448 key agreement";
    "1.2.840.10040.4.1" => "dsaEncryption", "DSA";
    "1.2.840.10046.2.1" => "dhpublicnumber", "Diffie-Hellman";
    // Curves
    "1.2.840.10045.3.1.7" => "prime256v1", "NIST P-256";
    "1.3.132.0.34" => "secp384r1", "NIST P-384";
    "1.3.132.0.35" => "secp521r1", "NIST P-521";
    "1.3.132.0.10" => "secp256k1", "secp256k1 (Bitcoin's curve)";
    "1.2.840.10045.3.1.1" => "prime192v1", "NIST P-192";
    "1.3.132.0.33" => "secp224r1", "NIST P-224";
    "1.3.36.3.3.2.8.1.1.7" => "brainpoolP256r1", "Brainpool P-256";
    "1.3.36.3.3.2.8.1.1.11" => "brainpoolP384r1", "Brainpool P-384";
    "1.3.36.3.3.2.8.1.1.13" => "brainpoolP512r1", "Brainpool P-512";
    "1.2.156.10197.1.301" => "SM2", "Chinese SM2";
    // Signature algorithms
    "1.2.840.113549.1.1.4" => "md5WithRSAEncryption", "RSA with MD5 (broken)";
    "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption", "RSA with SHA-1 (deprecated)";
    "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption", "RSA PKCS#1 v1.5 with SHA-256";
    "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption", "RSA PKCS#1 v1.5 with SHA-384";
    "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption", "RSA PKCS#1 v1.5 with SHA-512";
    "1.2.840.113549.1.1.14" => "sha224WithRSAEncryption", "RSA PKCS#1 v1.5 with SHA-224";
    "1.2.840.113549.1.1.2" => "md2WithRSAEncryption", "RSA with MD2 (broken)";
    "1.2.840.10045.4.1" => "ecdsa-with-SHA1", "ECDSA with SHA-1 (deprecated)";
    "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256", "ECDSA with SHA-256";
    "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384", "ECDSA with SHA-384";
    "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512", "ECDSA with SHA-512";
    "1.2.840.10040.4.3" => "dsaWithSHA1", "DSA with SHA-1 (deprecated)";
    "2.16.840.1.101.3.4.3.2" => "dsa_with_SHA256", "DSA with SHA-256";
    "1.2.156.10197.1.501" => "SM2-with-SM3", "SM2 with SM3";
    // Digests and PBE (PKCS#5, PKCS#12)
    "1.3.14.3.2.26" => "sha1", "SHA-1";
    "2.16.840.1.101.3.4.2.1" => "sha256", "SHA-256";
    "2.16.840.1.101.3.4.2.2" => "sha384", "SHA-384";
    "2.16.840.1.101.3.4.2.3" => "sha512", "SHA-512";
    "1.2.840.113549.2.9" => "hmacWithSHA256", "HMAC-SHA-256";
    "1.2.840.113549.2.7" => "hmacWithSHA1", "HMAC-SHA-1";
    "1.2.840.113549.2.8" => "hmacWithSHA224", "HMAC-SHA-224";
    "1.2.840.113549.2.10" => "hmacWithSHA384", "HMAC-SHA-384";
    "1.2.840.113549.2.11" => "hmacWithSHA512", "HMAC-SHA-512";
    "1.2.840.113549.1.5.13" => "PBES2", "password-based encryption scheme 2";
    "1.2.840.113549.1.5.12" => "PBKDF2", "password-based key derivation 2";
    "1.3.6.1.4.1.11591.4.11" => "id-scrypt", "scrypt key derivation";
    "2.16.840.1.101.3.4.1.2" => "aes-128-cbc", "AES-128 in CBC mode";
    "2.16.840.1.101.3.4.1.42" => "aes-256-cbc", "AES-256 in CBC mode";
    "1.2.840.113549.3.7" => "des-ede3-cbc", "Triple DES in CBC mode (legacy)";
    "1.3.14.3.2.7" => "desCBC", "DES in CBC mode (broken: a 56-bit key)";
    "2.16.840.1.101.3.4.1.22" => "aes-192-cbc", "AES-192 in CBC mode";
    "1.2.840.113549.1.12.1.3" => "pbeWithSHA1And3-KeyTripleDES-CBC", "PKCS#12 PBE: SHA-1 and three-key triple DES (legacy)";
    "1.2.840.113549.1.12.1.4" => "pbeWithSHA1And2-KeyTripleDES-CBC", "PKCS#12 PBE: SHA-1 and two-key triple DES (legacy)";
    "1.2.840.113549.1.12.1.5" => "pbeWithSHA1And128BitRC2-CBC", "PKCS#12 PBE: SHA-1 and 128-bit RC2 (legacy)";
    "1.2.840.113549.1.12.1.6" => "pbeWithSHA1And40BitRC2-CBC", "PKCS#12 PBE: SHA-1 and 40-bit RC2 (broken)";
    "1.2.840.113549.1.5.3" => "pbeWithMD5AndDES-CBC", "PBES1: MD5 and DES (broken)";
    "1.2.840.113549.1.5.6" => "pbeWithMD5AndRC2-CBC", "PBES1: MD5 and 64-bit RC2 (broken)";
    "1.2.840.113549.1.5.10" => "pbeWithSHA1AndDES-CBC", "PBES1: SHA-1 and DES (broken)";
    "1.2.840.113549.1.5.11" => "pbeWithSHA1AndRC2-CBC", "PBES1: SHA-1 and 64-bit RC2 (broken)";
    // Access methods and policies
    "1.3.6.1.5.5.7.48.1" => "OCSP", "online certificate status protocol responder";
    "1.3.6.1.5.5.7.48.2" => "caIssuers", "URL of the issuing CA's certificate";
    "2.5.29.32.0" => "anyPolicy", "any policy";
    "2.23.140.1.1" => "EV", "CA/B Forum extended validation";
    "2.23.140.1.2.1" => "DV", "CA/B Forum domain validated";
    "2.23.140.1.2.2" => "OV", "CA/B Forum organization validated";
    "2.23.140.1.2.3" => "IV", "CA/B Forum individual validated";
    "2.23.140.1.31" => "onionEV", "CA/B Forum .onion EV";
    "1.3.6.1.5.5.7.2.1" => "CPS", "certification practice statement URL";
    "1.3.6.1.5.5.7.2.2" => "userNotice", "user notice text";
    "1.3.6.1.4.1.311.20.2.3" => "msUPN", "Microsoft user principal name";
    // Containers
    "1.2.840.113549.1.7.1" => "pkcs7-data", "PKCS#7 data";
    "1.2.840.113549.1.7.2" => "pkcs7-signedData", "PKCS#7 signed data";
    "1.2.840.113549.1.7.6" => "pkcs7-encryptedData", "PKCS#7 encrypted data";
}

/// The known entry for `oid`, if any. The table is sorted by encoded OID on first use and
/// binary-searched: every name, extension and algorithm in a report is looked up, so this is
/// on the hot path of a bundle (a SipHash map cost more than the search).
pub fn lookup(oid: &ObjectIdentifier) -> Option<&'static KnownOid> {
    static INDEX: std::sync::OnceLock<Vec<(&'static [u8], &'static KnownOid)>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let index: Vec<_> = KNOWN.iter().map(|k| (k.oid.as_bytes(), k)).collect();
        crate::sort::by_key(index, |&(bytes, _)| bytes)
    });
    let wanted = oid.as_bytes();
    index
        .binary_search_by_key(&wanted, |&(bytes, _)| bytes)
        .ok()
        .map(|found| index[found].1)
}

/// The dotted form of `oid`: from the table when known, which spares formatting each arc (a
/// report spells a few thousand OIDs).
pub fn dotted(oid: &ObjectIdentifier) -> String {
    lookup(oid).map_or_else(|| oid.to_string(), |k| k.dotted.to_string())
}

/// NIST's post-quantum signature algorithms (CSOR sigAlgs 17 to 31: ML-DSA, FIPS 204, and
/// SLH-DSA, FIPS 205) and key-encapsulation mechanisms (kems 1 to 3: ML-KEM, FIPS 203), as
/// OpenSSL 3.5 names them: named by their last arc, not a row of [`KNOWN`] each.
#[cfg(feature = "pq")]
const PQ_SIGNATURES: [&str; 15] = [
    "ML-DSA-44",
    "ML-DSA-65",
    "ML-DSA-87",
    "SLH-DSA-SHA2-128s",
    "SLH-DSA-SHA2-128f",
    "SLH-DSA-SHA2-192s",
    "SLH-DSA-SHA2-192f",
    "SLH-DSA-SHA2-256s",
    "SLH-DSA-SHA2-256f",
    "SLH-DSA-SHAKE-128s",
    "SLH-DSA-SHAKE-128f",
    "SLH-DSA-SHAKE-192s",
    "SLH-DSA-SHAKE-192f",
    "SLH-DSA-SHAKE-256s",
    "SLH-DSA-SHAKE-256f",
];
#[cfg(feature = "pq")]
const PQ_KEMS: [&str; 3] = ["ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"];

/// A post-quantum algorithm's name and standard, from its OID (2.16.840.1.101.3.4.3.17-31,
/// 2.16.840.1.101.3.4.4.1-3).
#[cfg(feature = "pq")]
fn post_quantum(oid: &ObjectIdentifier) -> Option<(&'static str, &'static str)> {
    const NIST_ALGORITHMS: [u8; 7] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04];
    match oid.as_bytes().strip_prefix(&NIST_ALGORITHMS)? {
        [3, arc @ 17..=19] => Some((PQ_SIGNATURES[usize::from(arc - 17)], "FIPS 204")),
        [3, arc @ 20..=31] => Some((PQ_SIGNATURES[usize::from(arc - 17)], "FIPS 205")),
        [4, arc @ 1..=3] => Some((PQ_KEMS[usize::from(arc - 1)], "FIPS 203")),
        _ => None,
    }
}

/// The name of `oid` and what it means: an extension's from [`crate::extension`], a
/// post-quantum algorithm's by its arc, any other from [`KNOWN`].
pub fn describe(oid: &ObjectIdentifier) -> Option<(&'static str, &'static str)> {
    match crate::extension::lookup(oid) {
        Some(e) => Some((e.name, e.about)),
        #[cfg(feature = "pq")]
        None => lookup(oid)
            .map(|k| (k.name, k.about))
            .or_else(|| post_quantum(oid)),
        #[cfg(not(feature = "pq"))]
        None => lookup(oid).map(|k| (k.name, k.about)),
    }
}

/// OpenSSL's short name for `oid`, or its dotted form.
pub fn name(oid: &ObjectIdentifier) -> String {
    describe(oid).map_or_else(|| oid.to_string(), |(name, _)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "pq")]
    fn post_quantum_algorithms_are_named_by_their_arc() {
        for (dotted, name) in [
            ("2.16.840.1.101.3.4.3.17", "ML-DSA-44"),
            ("2.16.840.1.101.3.4.3.19", "ML-DSA-87"),
            ("2.16.840.1.101.3.4.3.20", "SLH-DSA-SHA2-128s"),
            ("2.16.840.1.101.3.4.3.31", "SLH-DSA-SHAKE-256f"),
            ("2.16.840.1.101.3.4.4.2", "ML-KEM-768"),
            ("2.16.840.1.101.3.4.3.32", "2.16.840.1.101.3.4.3.32"),
            ("2.16.840.1.101.3.4.2.1", "sha256"),
        ] {
            assert_eq!(name_of(dotted), name, "{dotted}");
        }
    }

    #[cfg(feature = "pq")]
    fn name_of(dotted: &str) -> String {
        name(&ObjectIdentifier::new_unwrap(dotted))
    }

    #[test]
    fn every_entry_is_unique_and_found() {
        for (i, k) in KNOWN.iter().enumerate() {
            assert!(
                KNOWN[i + 1..].iter().all(|o| o.dotted != k.dotted),
                "duplicate {}",
                k.dotted
            );
        }
        let server_auth = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.1");
        assert_eq!(name(&server_auth), "serverAuth");
        assert_eq!(name(&ObjectIdentifier::new_unwrap("1.2.3.4")), "1.2.3.4");
        for k in KNOWN {
            let oid = ObjectIdentifier::new_unwrap(k.dotted);
            assert_eq!(lookup(&oid).map(|found| found.dotted), Some(k.dotted));
            assert_eq!(
                dotted(&oid),
                oid.to_string(),
                "the table spells OIDs as Display does"
            );
        }
    }
}
