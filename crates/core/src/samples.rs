//! The samples gallery: one realistic case per mistake users ship, each with what is wrong and
//! how to fix it, ready to open in the tool that shows it. The certificates are made by
//! `tools/samples.sh` with dates far in the past or future, so each stays what it claims.

use crate::verify::order::Order;

/// Where a sample opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opens {
    /// The Verify tab, with this chain, these trust anchors, host and purpose.
    Verify {
        /// The chain, PEM.
        chain: &'static str,
        /// The trust anchors, PEM.
        roots: &'static str,
        /// The host name to check.
        host: &'static str,
        /// The purpose, as the form names it (`server`).
        purpose: &'static str,
    },
    /// The Ciphers tab, expanding this cipher string.
    Ciphers {
        /// The cipher string.
        string: &'static str,
    },
}

/// What the tool shows for the sample (checked by tests, natively and in the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    /// A valid chain, carrying this lint finding when not empty.
    Valid {
        /// The lint code; empty for none.
        lint: &'static str,
    },
    /// A failed verification with this failure code.
    Fails {
        /// The verification failure's code.
        code: &'static str,
    },
    /// An expansion with at least one suite rated insecure.
    InsecureSuites,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
/// One sample of the gallery: a real-world problem, and the tab that shows it.
pub struct Sample {
    /// Stable, for links and tests.
    pub id: &'static str,
    /// The headline.
    pub title: &'static str,
    /// What is wrong, in the user's words.
    pub problem: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// Which tab opens, with what.
    pub opens: Opens,
    /// What the tab shows for it.
    pub shows: Shows,
}

impl Sample {
    /// The Verify form the sample fills; `None` for a Ciphers sample.
    pub fn verify_order(&self) -> Option<Order> {
        match self.opens {
            Opens::Verify {
                chain,
                roots,
                host,
                purpose,
            } => Some(Order {
                chain: chain.into(),
                roots: roots.into(),
                host: host.into(),
                purpose: purpose.into(),
                ..Order::default()
            }),
            Opens::Ciphers { .. } => None,
        }
    }
}

macro_rules! pem {
    ($($file:literal),+) => {
        concat!($(include_str!(concat!("../data/samples/", $file))),+)
    };
}

const ROOT: &str = pem!("root.pem");

/// The valid sample chain (leaf, then intermediate): the first sample, and what the web
/// worker decodes to warm up.
pub const VALID_CHAIN: &str = pem!("valid.pem", "intermediate.pem");
const HOST: &str = "www.example.test";

const fn verify(chain: &'static str, host: &'static str) -> Opens {
    Opens::Verify {
        chain,
        roots: ROOT,
        host,
        purpose: "server",
    }
}

/// The gallery.
pub const SAMPLES: &[Sample] = &[
    Sample {
        id: "valid-chain",
        title: "A valid chain",
        problem: "Nothing: the server sends its certificate and the intermediate, the root is trusted, the name matches. (Its 100-year validity keeps this sample valid; lint notes that real ones last at most 398 days.)",
        fix: "Serve fullchain.pem (leaf, then intermediates), never the root alone or the leaf alone.",
        opens: verify(VALID_CHAIN, HOST),
        shows: Shows::Valid {
            lint: "validity_too_long",
        },
    },
    Sample {
        id: "expired-leaf",
        title: "Expired certificate",
        problem: "The certificate's notAfter passed in 2001: every client refuses it.",
        fix: "Renew it, and automate renewal (ACME) so it never lapses again.",
        opens: verify(pem!("expired.pem", "intermediate.pem"), HOST),
        shows: Shows::Fails { code: "expired" },
    },
    Sample {
        id: "not-yet-valid",
        title: "Not yet valid",
        problem: "Its notBefore is in 2120: a client whose clock is right refuses it. In practice the cause is a wrong clock on the machine that made it, or on the client.",
        fix: "Check both clocks (NTP), then reissue with a notBefore a few minutes in the past.",
        opens: verify(pem!("future.pem", "intermediate.pem"), HOST),
        shows: Shows::Fails {
            code: "not_yet_valid",
        },
    },
    Sample {
        id: "self-signed-leaf",
        title: "Self-signed server certificate",
        problem: "The certificate signs itself and no client trusts it: browsers show ERR_CERT_AUTHORITY_INVALID.",
        fix: "Use a certificate from a CA the clients trust; for development, make a local CA (Generate, whole chain) and trust its root.",
        opens: verify(pem!("self-signed.pem"), HOST),
        shows: Shows::Fails {
            code: "self_signed_leaf",
        },
    },
    Sample {
        id: "untrusted-root",
        title: "Untrusted root",
        problem: "The chain ends in a root the client does not trust (here: trust anchors from another CA). The server also sends the root itself, which never helps.",
        fix: "Get the certificate from a CA in the clients' trust store, or install the private root on every client; stop sending the root.",
        opens: Opens::Verify {
            chain: pem!("valid.pem", "intermediate.pem", "root.pem"),
            roots: pem!("other-root.pem"),
            host: HOST,
            purpose: "server",
        },
        shows: Shows::Fails {
            code: "untrusted_root",
        },
    },
    Sample {
        id: "missing-intermediate",
        title: "Missing intermediate",
        problem: "The server sends only its own certificate. Browsers that cached the intermediate work; curl, Java, Go and mobile apps fail.",
        fix: "Serve fullchain.pem (nginx ssl_certificate, Apache SSLCertificateFile), not cert.pem.",
        opens: verify(pem!("valid.pem"), HOST),
        shows: Shows::Fails {
            code: "missing_issuer",
        },
    },
    Sample {
        id: "wrong-order",
        title: "Chain in the wrong order",
        problem: "The intermediate comes before the leaf. certbench and most clients reorder it, but TLS 1.2 requires the leaf first and some clients fail.",
        fix: "Concatenate leaf first, then each issuer: cat cert.pem intermediate.pem > fullchain.pem.",
        opens: verify(pem!("intermediate.pem", "valid.pem"), HOST),
        shows: Shows::Valid {
            lint: "wrong_order",
        },
    },
    Sample {
        id: "hostname-mismatch",
        title: "Host name mismatch",
        problem: "The certificate is for www.example.test, but the client asked for shop.example.test. Only the SANs count; the CN is ignored.",
        fix: "Reissue with every name the server answers to in the SAN (DNS:shop.example.test too), or a wildcard that covers them.",
        opens: verify(pem!("valid.pem", "intermediate.pem"), "shop.example.test"),
        shows: Shows::Fails { code: "hostname" },
    },
    Sample {
        id: "wildcard-too-deep",
        title: "Wildcard one level too deep",
        problem: "*.example.test covers api.example.test, but not api.eu.example.test: a wildcard stands for exactly one label.",
        fix: "Add DNS:*.eu.example.test (or the exact name) to the SANs.",
        opens: verify(
            pem!("wildcard.pem", "intermediate.pem"),
            "api.eu.example.test",
        ),
        shows: Shows::Fails { code: "hostname" },
    },
    Sample {
        id: "sha1-signature",
        title: "SHA-1 signature",
        problem: "The certificate is signed with SHA-1, which collisions broke in 2017: browsers and OpenSSL at security level 1 and above refuse it. RFC 5280 alone accepts it (the rfc5280 rules).",
        fix: "Reissue with SHA-256 (any CA does by default).",
        opens: verify(pem!("sha1.pem", "intermediate.pem"), HOST),
        shows: Shows::Fails {
            code: "weak_signature",
        },
    },
    Sample {
        id: "rsa-1024",
        title: "RSA-1024 key",
        problem: "A 1024-bit RSA key can be factored with enough money; CAs stopped issuing them in 2013 and clients refuse them.",
        fix: "Make a new key of at least 2048 bits (or ECDSA P-256) and a new certificate for it.",
        opens: verify(pem!("rsa1024.pem", "intermediate.pem"), HOST),
        shows: Shows::Fails { code: "weak_key" },
    },
    Sample {
        id: "ca-true-leaf",
        title: "CA:TRUE on a server certificate",
        problem: "The server's certificate says it is a CA (what `openssl req -x509` does by default). It could sign for any name: Firefox refuses it; RFC 5280 alone and OpenSSL accept it.",
        fix: "Reissue with basicConstraints CA:FALSE and no keyCertSign.",
        opens: verify(pem!("ca-leaf.pem", "intermediate.pem"), HOST),
        shows: Shows::Fails { code: "ca_as_leaf" },
    },
    Sample {
        id: "client-as-server",
        title: "Client certificate used as a server certificate",
        problem: "Its extendedKeyUsage is clientAuth only: clients refuse it for a TLS server.",
        fix: "Use a certificate with serverAuth for the server, and keep the clientAuth one for mTLS clients.",
        opens: verify(pem!("client.pem", "intermediate.pem"), ""),
        shows: Shows::Fails {
            code: "extended_key_usage",
        },
    },
    Sample {
        id: "pathlen-exceeded",
        title: "Path length exceeded",
        problem: "The intermediate says pathlen:0 (no CA below it), yet a sub-intermediate under it signed the leaf.",
        fix: "Have the leaf signed by the intermediate itself, or reissue the intermediate with a larger pathlen.",
        opens: verify(pem!("too-deep.pem", "intermediate.pem"), HOST),
        shows: Shows::Fails {
            code: "path_length",
        },
    },
    Sample {
        id: "name-constraints",
        title: "Name-constraint violation",
        problem: "The CA may only issue for example.test (name constraints), but signed www.elsewhere.test.",
        fix: "Get the certificate from a CA allowed to issue for that domain.",
        opens: verify(pem!("outside-constraints.pem"), "www.elsewhere.test"),
        shows: Shows::Fails {
            code: "name_constraints",
        },
    },
    Sample {
        id: "weak-ciphers",
        title: "Weak cipher configuration",
        problem: "An old Java or Go suite list: RC4 (biased keystream), 3DES (Sweet32), EXPORT (FREAK) and static RSA key exchange (no forward secrecy). OpenSSL 3 no longer offers most of them; other stacks still do.",
        fix: "Offer only ECDHE with AES-GCM or ChaCha20-Poly1305 (Mozilla's intermediate profile: ECDHE+AESGCM:ECDHE+CHACHA20), and TLS 1.2 or later.",
        opens: Opens::Ciphers {
            string: "TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_RSA_EXPORT_WITH_RC4_40_MD5, TLS_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        },
        shows: Shows::InsecureSuites,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{UnixTime, cipher, decode, lint};

    /// Every sample shows what it claims: its verdict and failure code, or its lint finding.
    #[test]
    fn every_sample_shows_what_it_claims() {
        // 2030: after the OpenSSL-made samples (valid from the day tools/samples.sh ran).
        let now = UnixTime(1_893_456_000);
        for sample in SAMPLES {
            let id = sample.id;
            match (sample.opens, sample.shows) {
                (Opens::Verify { chain, .. }, shows) => {
                    let verdict = sample.verify_order().unwrap().run(now).unwrap();
                    let codes: Vec<&str> = verdict.errors.iter().map(|e| e.code.as_ref()).collect();
                    match shows {
                        Shows::Valid { lint: code } => {
                            assert!(verdict.valid, "{id}: {codes:?}");
                            let blocks = crate::inspect::decode(chain.as_bytes(), now).unwrap();
                            let certs: Vec<_> = blocks
                                .iter()
                                .flatten()
                                .filter_map(decode::Decoded::certificate)
                                .collect();
                            let found: Vec<String> = certs
                                .iter()
                                .flat_map(|c| c.lint.iter())
                                .chain(lint::bundle(&certs).iter())
                                .map(|f| f.code.to_string())
                                .collect();
                            assert!(found.iter().any(|c| c == code), "{id}: lint {found:?}");
                        }
                        Shows::Fails { code } => {
                            assert!(!verdict.valid, "{id}");
                            assert_eq!(codes.first(), Some(&code), "{id}: {codes:?}");
                        }
                        Shows::InsecureSuites => panic!("{id}: a Verify sample shows a verdict"),
                    }
                }
                (Opens::Ciphers { string }, Shows::InsecureSuites) => {
                    let expansion = cipher::string::expand(string).unwrap();
                    assert_eq!(expansion.rating, cipher::Rating::Insecure, "{id}");
                }
                (Opens::Ciphers { .. }, _) => panic!("{id}: a Ciphers sample shows ratings"),
            }
        }
    }

    #[test]
    fn sample_ids_are_unique() {
        for (i, a) in SAMPLES.iter().enumerate() {
            assert!(SAMPLES[i + 1..].iter().all(|b| b.id != a.id), "{}", a.id);
        }
    }
}
