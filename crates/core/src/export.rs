//! Exports beyond PEM and DER: PKCS#12 (`.p12`/`.pfx`) bundles of key, certificate and chain,
//! as browsers, OS keychains and Java import them.

use crate::error::Error;
use crate::generate::KeyPair;
use der::Encode;
use sha1::Digest;
use x509_cert::Certificate;

/// Iterations for the PKCS#12 key derivation and MAC (PBES2 PBKDF2-HMAC-SHA256, AES-256-CBC;
/// HMAC-SHA256 MAC), as OpenSSL 3 writes by default.
pub const PKCS12_ITERATIONS: u32 = 2048;

/// A password-protected PKCS#12 file holding `key`, `cert` and the CA `chain` (issuer first),
/// under the friendly name `alias`.
pub fn pkcs12(
    key: &KeyPair,
    cert: &Certificate,
    chain: &[Certificate],
    password: &str,
    alias: &str,
) -> Result<Vec<u8>, Error> {
    let der = |c: &Certificate| c.to_der().map_err(|e| Error::Build(e.to_string()));
    let chain = chain.iter().map(der).collect::<Result<Vec<_>, _>>()?;
    pkcs12_der(&key.pkcs8_der()?, &der(cert)?, &chain, password, alias)
}

/// What a PKCS#12 file holds, decrypted with `password`: each private key (PKCS#8 DER), then
/// each certificate (DER) once, in the file's order.
pub fn pkcs12_contents(p12: &[u8], password: &str) -> Result<Vec<Vec<u8>>, Error> {
    use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy};
    let store = KeyStore::from_pkcs12(p12, password, Pkcs12ImportPolicy::Relaxed).map_err(|e| {
        use p12_keystore::error::Error as P12;
        Error::Key(match e {
            // The MAC is checked first, so a wrong password shows up as a MAC mismatch; a padding
            // error is the same thing for files whose MAC passed but whose bags use another one.
            P12::MacError(_) | P12::UnpadError => {
                "PKCS#12: wrong password (or a damaged file: the two look the same)".into()
            }
            other => format!("PKCS#12: cannot open it: {other}"),
        })
    })?;
    let mut keys = Vec::new();
    let mut certs: Vec<Vec<u8>> = Vec::new();
    let mut add_cert = |der: &[u8]| {
        if !certs.iter().any(|c| c == der) {
            certs.push(der.to_vec());
        }
    };
    for (_, entry) in store.entries() {
        match entry {
            KeyStoreEntry::PrivateKeyChain(chain) => {
                keys.push(chain.key().as_der().to_vec());
                chain.certs().iter().for_each(|c| add_cert(c.as_der()));
            }
            KeyStoreEntry::Certificate(cert) => add_cert(cert.as_der()),
            KeyStoreEntry::Secret(_) => {}
        }
    }
    keys.extend(certs);
    Ok(keys)
}

fn pkcs12_der(
    key_pkcs8: &[u8],
    cert: &[u8],
    chain: &[Vec<u8>],
    password: &str,
    alias: &str,
) -> Result<Vec<u8>, Error> {
    use p12_keystore::{Certificate, KeyStore, KeyStoreEntry, PrivateKey, PrivateKeyChain};
    if password.is_empty() {
        return Err(Error::Key(
            "a PKCS#12 file needs a password (some importers refuse empty ones)".into(),
        ));
    }
    let bad = |e: p12_keystore::error::Error| Error::Build(format!("PKCS#12: {e}"));
    let key = PrivateKey::from_der(key_pkcs8).map_err(bad)?;
    let certs = std::iter::once(cert)
        .chain(chain.iter().map(Vec::as_slice))
        .map(Certificate::from_der)
        .collect::<Result<Vec<_>, _>>()
        .map_err(bad)?;
    // localKeyId ties the key to its certificate: the certificate's SHA-1, as OpenSSL uses.
    let local_key_id = sha1::Sha1::digest(cert).to_vec();
    let mut store = KeyStore::new();
    store.add_entry(
        alias,
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(local_key_id, key, certs)),
    );
    store
        .writer(password)
        .encryption_iterations(PKCS12_ITERATIONS)
        .mac_iterations(PKCS12_ITERATIONS)
        .write()
        .map_err(bad)
}
