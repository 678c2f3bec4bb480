//! What each certificate field, verification check and cipher-suite part is, and why it
//! matters, in a user's words, with where it is defined: shown beside it wherever it appears
//! (hover or expand), so a reader never needs a second tab to understand a report.

use serde::Serialize;

/// One explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// What it is.
    pub what: &'static str,
    /// Why it matters: what goes wrong when it is wrong.
    pub why: &'static str,
    /// Where it is defined.
    pub source: &'static str,
}

const fn entry(what: &'static str, why: &'static str, source: &'static str) -> Entry {
    Entry { what, why, source }
}

/// Certificate and key fields, by the label reports show.
const FIELDS: &[(&str, Entry)] = &[
    (
        "Subject",
        entry(
            "Who the certificate is for, as a distinguished name (CN, O, C, …).",
            "Clients match host names against the SANs, not the subject; the subject names CAs and appears in logs and UIs.",
            "RFC 5280 §4.1.2.6",
        ),
    ),
    (
        "Issuer",
        entry(
            "Who signed the certificate: the subject of the CA certificate above it.",
            "Path building links each certificate to its issuer by this name, byte for byte; a mismatch leaves the chain broken.",
            "RFC 5280 §4.1.2.4",
        ),
    ),
    (
        "Names (SAN)",
        entry(
            "The subject alternative names: the DNS names, IP addresses, emails or URIs the certificate is valid for.",
            "Browsers check the host name against these only: a name missing here fails even if it is in the CN.",
            "RFC 5280 §4.2.1.6, RFC 6125 §6.4",
        ),
    ),
    (
        "Valid",
        entry(
            "notBefore and notAfter: the period in which the certificate may be used.",
            "Outside it every client refuses the certificate; a wrong clock on either side shows up here. Public TLS certificates may last at most 398 days (200 from March 2026).",
            "RFC 5280 §4.1.2.5, CA/B BR §6.3.2",
        ),
    ),
    (
        "Status",
        entry(
            "Where the validity period stands at the time checked.",
            "Expired and not-yet-valid certificates are refused; renew well before the end.",
            "RFC 5280 §6.1.3 (a)(2)",
        ),
    ),
    (
        "SHA-256",
        entry(
            "The SHA-256 hash of the whole certificate (its fingerprint).",
            "A short, unique handle to compare certificates or find one in logs; it identifies the certificate, not the key.",
            "common practice (openssl x509 -fingerprint)",
        ),
    ),
    (
        "SHA-1",
        entry(
            "The SHA-1 hash of the whole certificate.",
            "Older tools (Windows, Java keytool) still show this fingerprint; it is only an identifier, never a security check.",
            "common practice",
        ),
    ),
    (
        "Version",
        entry(
            "The X.509 format version: v3 carries extensions, v1 does not.",
            "A v1 certificate cannot say whether it is a CA, so modern validators treat v1 intermediates as invalid.",
            "RFC 5280 §4.1.2.1",
        ),
    ),
    (
        "Serial",
        entry(
            "A number the CA gives each certificate, unique per CA.",
            "Revocation lists and OCSP name certificates by issuer and serial; CAs must use at least 64 random bits, at most 20 bytes, positive.",
            "RFC 5280 §4.1.2.2, CA/B BR §7.1",
        ),
    ),
    (
        "Signature algorithm",
        entry(
            "How the issuer signed: the hash and the key type (e.g. ecdsa-with-SHA256).",
            "SHA-1 and MD5 signatures can be forged and are refused by browsers.",
            "RFC 5280 §4.1.1.2",
        ),
    ),
    (
        "Public key",
        entry(
            "The subject's public key: its algorithm, size and curve.",
            "The key must be strong enough: RSA at least 2048 bits, or ECDSA P-256/P-384. Ed25519 is modern but browsers do not accept it for web PKI yet.",
            "RFC 5280 §4.1.2.7, CA/B BR §6.1.5",
        ),
    ),
    (
        "JWK thumbprint",
        entry(
            "The key's RFC 7638 thumbprint: base64url of the SHA-256 of its required JWK members (n and e; or crv, x and y), written in a fixed order.",
            "JOSE uses it as the key's id: a `kid` in a JWK Set, ACME's account key id. The same key has the same thumbprint in a certificate, a CSR, a PEM key or a JWK.",
            "RFC 7638 §3",
        ),
    ),
    (
        "SPKI pin",
        entry(
            "pin-sha256: the base64 SHA-256 of the SubjectPublicKeyInfo, the form pinning code uses.",
            "Pin the key, not the certificate: it survives renewal with the same key. Always keep a backup pin.",
            "RFC 7469 §2.4",
        ),
    ),
    (
        "Signature",
        entry(
            "Whether the signature verifies: a request's with the key it carries (proof of possession), a revocation list's with its issuer's key.",
            "An altered request, or a list its CA did not sign, must not be trusted.",
            "RFC 2986 §3, RFC 5280 §6.3.3",
        ),
    ),
    (
        "This update",
        entry(
            "When the CA issued this revocation list.",
            "Clients use the newest list; a very old one may miss recent revocations.",
            "RFC 5280 §5.1.2.4",
        ),
    ),
    (
        "Next update",
        entry(
            "When the CA promises the next list, at the latest.",
            "After it, the list is stale and careful clients stop trusting it.",
            "RFC 5280 §5.1.2.5",
        ),
    ),
    (
        "Revoked",
        entry(
            "How many certificates this list revokes, each by serial number and date.",
            "A revoked certificate must be refused even though its signature and dates are fine.",
            "RFC 5280 §5.1.2.6",
        ),
    ),
    (
        "Response status",
        entry(
            "Whether the OCSP responder answered: successful, or why not (malformedRequest, internalError, tryLater, sigRequired, unauthorized).",
            "Only a successful response says anything about a certificate; unauthorized usually means this responder does not serve that CA.",
            "RFC 6960 §4.2.1",
        ),
    ),
    (
        "Responder",
        entry(
            "Who signed the OCSP response, by name or by the SHA-1 of its key: the issuing CA itself, or a responder certificate the CA issued with the OCSPSigning purpose.",
            "A response signed by anyone else proves nothing, however good its status.",
            "RFC 6960 §4.2.2.2",
        ),
    ),
    (
        "Produced at",
        entry(
            "When the responder signed this response.",
            "Responders sign ahead of time and caches serve the same response for days; the status times say what it is good for.",
            "RFC 6960 §4.2.1",
        ),
    ),
    (
        "Certificate status",
        entry(
            "good (not revoked), revoked (with when and why) or unknown (the responder does not know this certificate).",
            "good does not mean issued or trusted: the certificate's own path must still validate.",
            "RFC 6960 §2.2",
        ),
    ),
    (
        "Status as of",
        entry(
            "thisUpdate: the time at which the status was known to be right.",
            "A status from long ago may miss a recent revocation; a thisUpdate in the future is refused.",
            "RFC 6960 §4.2.2.1",
        ),
    ),
    (
        "Fresh until",
        entry(
            "nextUpdate: when newer status will be available; after it the response is stale and must not be used.",
            "Public CAs keep it within 10 days (CA/B Baseline Requirements §4.9.10).",
            "RFC 6960 §4.2.2.1",
        ),
    ),
    (
        "Nonce",
        entry(
            "Random bytes the client put in its request, which the responder echoes in its response.",
            "It proves the response is fresh rather than replayed; most public responders ignore it and serve pre-signed responses.",
            "RFC 8954",
        ),
    ),
    (
        "Certificate serial",
        entry(
            "The serial number of the certificate asked about, part of its CertID.",
            "With the issuer hashes it names exactly one certificate.",
            "RFC 6960 §4.1.1",
        ),
    ),
    (
        "CertID hashes",
        entry(
            "Hashes of the issuing CA's name and public key, which name the CA without sending its certificate (SHA-1 by custom).",
            "A response is about a certificate only if these match its issuer: a response for another CA's serial says nothing.",
            "RFC 6960 §4.1.1",
        ),
    ),
    (
        "Responder certificates",
        entry(
            "Certificates the response carries to help check it: usually a delegated responder's, issued by the CA with the OCSPSigning purpose.",
            "A delegated responder must be issued directly by the CA whose certificates it answers for.",
            "RFC 6960 §4.2.2.2",
        ),
    ),
    (
        "Response signature",
        entry(
            "Whether the response's signature verifies with the responder's key.",
            "An unsigned or wrongly signed response could be forged by anyone on the network.",
            "RFC 6960 §3.2",
        ),
    ),
    (
        "Encryption",
        entry(
            "How an encrypted private key is protected: the scheme, key derivation and cipher.",
            "PBES2 with PBKDF2 or scrypt and AES is strong; old PBES1 schemes (DES, RC2, MD5) are weak and some tools refuse them.",
            "RFC 8018 §6.2, RFC 5958",
        ),
    ),
    (
        "Goes with",
        entry(
            "Which certificate or request in the same input carries this key's public half.",
            "A server configured with a key that does not match its certificate fails every handshake.",
            "common misconfiguration",
        ),
    ),
    (
        "Contents",
        entry(
            "What the file holds and what opening it needs.",
            "PKCS#12 files bundle a private key with its chain; keep them as secret as the key.",
            "RFC 7292 §4",
        ),
    ),
    (
        "Integrity MAC",
        entry(
            "The keyed hash that proves the PKCS#12 file was not altered, and its iteration count.",
            "Old files use HMAC-SHA1 with few iterations; OpenSSL 3 writes HMAC-SHA256.",
            "RFC 7292 §5",
        ),
    ),
    (
        "Self-signed",
        entry(
            "Whether the certificate is signed by its own key.",
            "Only roots are self-signed; a self-signed server certificate is trusted by no one unless installed by hand.",
            "RFC 5280 §3.2",
        ),
    ),
];

/// Verification checks, by the names [`crate::verify::Check`] carries.
const CHECKS: &[(&str, Entry)] = &[
    (
        "validity",
        entry(
            "The certificate is within its notBefore and notAfter at the time checked.",
            "An expired certificate anywhere in the path fails the whole path.",
            "RFC 5280 §6.1.3 (a)(2)",
        ),
    ),
    (
        "signature",
        entry(
            "The certificate's signature verifies with its issuer's public key.",
            "This is what makes the chain a chain: without it anyone could write any certificate.",
            "RFC 5280 §6.1.3 (a)(1)",
        ),
    ),
    (
        "issuer",
        entry(
            "The issuer of this certificate is found: among those given, or the trust anchors.",
            "A server that sends only its own certificate leaves clients without the intermediate.",
            "RFC 5280 §6.1",
        ),
    ),
    (
        "trust_anchor",
        entry(
            "The path ends in a certificate the client trusts (a root in its store).",
            "Trust comes only from the store: a chain ending anywhere else is refused.",
            "RFC 5280 §6.1.1 (d)",
        ),
    ),
    (
        "basic_constraints",
        entry(
            "Every issuer says CA:TRUE.",
            "Without it a leaf could sign certificates for any name.",
            "RFC 5280 §6.1.4 (k)",
        ),
    ),
    (
        "key_usage",
        entry(
            "Every issuer's key may sign certificates (keyCertSign).",
            "Limits what a CA key can do; validators refuse a CA without it.",
            "RFC 5280 §6.1.4 (n)",
        ),
    ),
    (
        "path_length",
        entry(
            "No CA has more CAs below it than its pathLenConstraint allows.",
            "A CA limited to pathlen:0 must not delegate to a sub-CA.",
            "RFC 5280 §6.1.4 (l)-(m)",
        ),
    ),
    (
        "name_constraints",
        entry(
            "Every name in the path is inside what each CA above it may issue for.",
            "Lets an organisation's CA issue only for its own domains.",
            "RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)",
        ),
    ),
    (
        "extensions",
        entry(
            "No extension marked critical is unknown to the validator.",
            "A critical extension a client does not understand must make it refuse the certificate.",
            "RFC 5280 §4.2",
        ),
    ),
    (
        "serial",
        entry(
            "The serial number is positive and at most 20 bytes.",
            "Some clients reject malformed serials outright.",
            "RFC 5280 §4.1.2.2",
        ),
    ),
    (
        "public_key",
        entry(
            "The key is of a strong enough type and size.",
            "Weak keys (RSA below 2048 bits) can be broken and are refused.",
            "CA/B BR §6.1.5",
        ),
    ),
    (
        "signature_algorithm",
        entry(
            "The issuer signed with an algorithm browsers accept: no MD5, SHA-1 or DSA (webpki rules).",
            "MD5 and SHA-1 collisions let a forged certificate carry a real signature.",
            "CA/B BR §7.1.3.2",
        ),
    ),
    (
        "leaf_not_ca",
        entry(
            "The server's or client's own certificate is not a CA (webpki rules).",
            "A CA could sign for any name; Firefox refuses one in a server's place.",
            "CA/B BR §7.1.2.7.8",
        ),
    ),
    (
        "subject",
        entry(
            "A CA's subject is not empty.",
            "Issuers are found by subject name: an empty one breaks path building.",
            "RFC 5280 §4.1.2.6",
        ),
    ),
    (
        "key_identifiers",
        entry(
            "Subject and authority key identifiers are present where required.",
            "They let clients pick the right issuer when several share a name (cross-signing, renewals).",
            "RFC 5280 §4.2.1.1-4.2.1.2",
        ),
    ),
    (
        "leaf_key_usage",
        entry(
            "The leaf's keyUsage allows what TLS needs (digitalSignature, or keyEncipherment for RSA key transport).",
            "A key usage that forbids signing makes the TLS handshake fail.",
            "RFC 5280 §4.2.1.3",
        ),
    ),
    (
        "subject_alt_name",
        entry(
            "The leaf's SAN extension is well formed.",
            "Host name checks read only the SANs.",
            "RFC 5280 §4.2.1.6",
        ),
    ),
    (
        "extended_key_usage",
        entry(
            "The leaf's extendedKeyUsage allows the purpose (serverAuth for a server, clientAuth for a client).",
            "A client certificate presented by a server is refused, and the other way round.",
            "RFC 5280 §4.2.1.12",
        ),
    ),
    (
        "issuer_eku",
        entry(
            "The CAs' own extendedKeyUsage, when present, allows the purpose too.",
            "Browsers treat an intermediate's EKU as a limit on what it may issue.",
            "CA/B BR §7.1.2.2",
        ),
    ),
    (
        "hostname",
        entry(
            "The host name asked for is among the leaf's SANs (a wildcard covers one label).",
            "The most common failure users see: ERR_CERT_COMMON_NAME_INVALID.",
            "RFC 6125 §6.4",
        ),
    ),
    (
        "pin",
        entry(
            "A key in the path matches one of the pin-sha256 values given.",
            "Pinning apps refuse any other key, even a valid one.",
            "RFC 7469 §2.6",
        ),
    ),
    (
        "max_intermediates",
        entry(
            "The path has no more intermediates than allowed.",
            "Mirrors openssl verify -verify_depth: deep chains are slow and suspicious.",
            "RFC 5280 §6.1",
        ),
    ),
    (
        "revocation",
        entry(
            "A CRL of the certificate's issuer (or of a CRL issuer its distribution point names), current and signed by a key allowed to sign CRLs, covers it: good, revoked (with reason and date), or unknown when none does.",
            "A revoked certificate is refused however well it checks otherwise; unknown fails only when you require a status, as openssl verify -crl_check_all does.",
            "RFC 5280 §6.3",
        ),
    ),
    (
        "policy",
        entry(
            "The certificate policies along the path, with their mappings and constraints, leave a policy the path is valid for (the valid_policy_tree) when one is required.",
            "CAs limit the policies their subordinates issue under, and a relying party may accept only some policies (EV, a government's).",
            "RFC 5280 §6.1.3 (d)-(f), §6.1.4 (a)-(b), §6.1.5 (g)",
        ),
    ),
];

/// Cipher-suite parts, by the labels explanations show.
const CIPHER_PARTS: &[(&str, Entry)] = &[
    (
        "Versions",
        entry(
            "The TLS versions that can negotiate this suite.",
            "TLS 1.0 and 1.1 are deprecated (RFC 8996); TLS 1.3 suites name only the cipher and hash.",
            "RFC 8446 §B.4, RFC 8996",
        ),
    ),
    (
        "Key exchange",
        entry(
            "How the two sides agree on the session key: ECDHE, DHE, static RSA, PSK.",
            "Ephemeral (EC)DHE gives forward secrecy: a key stolen later does not decrypt recorded traffic. Static RSA does not, and TLS 1.3 removed it.",
            "RFC 5246 §7.4.7, RFC 8446 §4.2.8",
        ),
    ),
    (
        "Authentication",
        entry(
            "How the server proves who it is: the type of its certificate's key (RSA, ECDSA), or none.",
            "Anonymous suites (aNULL) allow anyone in the middle to pose as the server.",
            "RFC 5246 §7.4.2",
        ),
    ),
    (
        "Cipher",
        entry(
            "The symmetric cipher that encrypts the records, its key size and mode.",
            "AES-GCM and ChaCha20-Poly1305 are the modern choices; RC4, DES and 3DES (Sweet32) and EXPORT ciphers are broken.",
            "RFC 7465, RFC 7525",
        ),
    ),
    (
        "Integrity",
        entry(
            "How records are protected against changes: an AEAD cipher, or a separate HMAC.",
            "CBC with MAC-then-encrypt has a history of padding-oracle attacks (Lucky13); AEAD avoids them.",
            "RFC 5246 §6.2.3, RFC 7366",
        ),
    ),
    (
        "IANA recommended",
        entry(
            "Whether IANA's TLS registry marks the suite Recommended (Y).",
            "Recommended suites are AEAD with forward secrecy and have had wide review; the others may still be fine, or may be legacy.",
            "RFC 8447 §5",
        ),
    ),
    (
        "Key derivation",
        entry(
            "The hash that turns the shared secret into keys (the TLS 1.2 PRF or TLS 1.3 HKDF).",
            "It must be SHA-256 or stronger; MD5/SHA-1 PRFs belong to TLS 1.0 and 1.1.",
            "RFC 5246 §5, RFC 8446 §7.1",
        ),
    ),
];

fn find(table: &'static [(&str, Entry)], key: &str) -> Option<&'static Entry> {
    table.iter().find(|(k, _)| *k == key).map(|(_, e)| e)
}

/// A certificate or key field, by its label (`Serial`, `Names (SAN)`, …).
pub fn field(label: &str) -> Option<&'static Entry> {
    find(FIELDS, label)
}

/// A verification check, by name (`hostname`, `path_length`, …).
pub fn check(name: &str) -> Option<&'static Entry> {
    find(CHECKS, name)
}

/// A part of a cipher-suite explanation, by its label (`Key exchange`, …).
pub fn cipher_part(label: &str) -> Option<&'static Entry> {
    let part = find(CIPHER_PARTS, label);
    #[cfg(feature = "tls-names")]
    let part = part.or_else(|| find(STACK_PARTS, label));
    part
}

/// The rows a suite's explanation has with every stack's names (feature `tls-names`).
#[cfg(feature = "tls-names")]
const STACK_PARTS: &[(&str, Entry)] = &[
    (
        "Supported today by",
        entry(
            "The TLS libraries whose current release offers this suite (OpenSSL, BoringSSL, LibreSSL, GnuTLS, NSS, Java, Mbed TLS, Go, Windows), from their own sources.",
            "A suite no current stack offers only shows up from old or unusual software: seeing it in a scan points at what to upgrade.",
            "tools/gen-cipher-names.py",
        ),
    ),
    (
        "Standard",
        entry(
            "Whether IANA's TLS Cipher Suites registry assigns this code.",
            "Codes outside the registry come from drafts, experiments or private ranges: no standard defines them, and modern peers do not speak them.",
            "RFC 8447, IANA TLS Cipher Suites",
        ),
    ),
    (
        "History",
        entry(
            "Where a code outside the registry came from, who used it and what replaced it.",
            "It tells which software still sends it.",
            "cipher/nonstandard.tsv",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UnixTime;

    /// Every check the verifier records, on every sample, has an explanation.
    #[test]
    fn every_check_the_verifier_names_is_explained() {
        let now = UnixTime(1_893_456_000);
        for sample in crate::samples::SAMPLES {
            let Some(order) = sample.verify_order() else {
                continue;
            };
            for c in order.run(now).unwrap().checks {
                assert!(
                    check(&c.check).is_some(),
                    "check `{}` ({})",
                    c.check,
                    sample.id
                );
            }
        }
    }

    /// Every row of a cipher explanation has an explanation, except the names themselves.
    #[test]
    fn every_cipher_part_is_explained() {
        let e = crate::cipher::explain("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").unwrap();
        for (label, _) in e.rows() {
            // Names, the registry reference and openssl's own line explain themselves.
            let named =
                label.ends_with("name") || label.starts_with("As openssl") || label == "Defined in";
            assert!(named || cipher_part(label).is_some(), "{label}");
        }
    }

    /// Every extension the generator writes, and each common one, is explained (its row in
    /// [`crate::extension`]).
    #[test]
    fn common_extensions_are_explained() {
        let pem = include_str!("../../../tests/fixtures/everything.pem");
        for block in crate::inspect::decode(pem.as_bytes(), UnixTime(1_893_456_000)).unwrap() {
            if let crate::decode::Report::Certificate(c) = block.unwrap().report {
                // An unknown extension (the fixture has one) is shown as OID and bytes only.
                for e in c
                    .extensions
                    .iter()
                    .filter(|e| e.about != "unknown extension")
                {
                    let row = crate::extension::by_dotted(&e.oid);
                    assert!(row.and_then(|r| r.why).is_some(), "{} {}", e.oid, e.name);
                }
            }
        }
    }

    #[test]
    fn every_entry_says_what_why_and_where() {
        for (key, e) in FIELDS.iter().chain(CHECKS).chain(CIPHER_PARTS) {
            assert!(e.what.ends_with('.') && e.why.ends_with('.'), "{key}");
            assert!(!e.source.is_empty(), "{key}");
        }
    }
}
