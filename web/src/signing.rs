//! Generate's keys and signatures by the browser's WebCrypto: certbench-core builds every
//! certificate and CSR and says what it needs ([`certbench_core::generate::deferred`],
//! [`certbench_core::webcrypto::signing`]); this module only calls `generateKey`,
//! `importKey`, `exportKey` and `sign`. Native keygen never blocks the page (RSA-4096 takes
//! a second), and the app carries no RSA or elliptic-curve code.

use crate::webcrypto::{base64url, dictionary, subtle};
use certbench_core::Error;
use certbench_core::generate::KeyType;
use certbench_core::generate::deferred::Outside;
use certbench_core::signature::{Check, SignatureError};
use certbench_core::webcrypto::{self, signing};
use js_sys::{Array, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, CryptoKeyPair, SubtleCrypto};
use zeroize::Zeroizing;

/// The keys of one generation, by the number core gave each.
pub struct WebCryptoKeys {
    subtle: SubtleCrypto,
    keys: RefCell<Vec<Option<(CryptoKey, KeyType)>>>,
}

fn failed(what: &str) -> impl Fn(JsValue) -> Error + '_ {
    move |e| Error::WebCrypto(format!("WebCrypto could not {what}: {}", describe(&e)))
}

fn describe(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

async fn bytes(promise: Result<js_sys::Promise, JsValue>, what: &str) -> Result<Vec<u8>, Error> {
    let value = JsFuture::from(promise.map_err(failed(what))?)
        .await
        .map_err(failed(what))?;
    Ok(Uint8Array::new(&value).to_vec())
}

impl WebCryptoKeys {
    pub fn new() -> Result<WebCryptoKeys, String> {
        Ok(WebCryptoKeys {
            subtle: subtle().ok_or("this browser has no WebCrypto")?,
            keys: RefCell::new(Vec::new()),
        })
    }

    fn keep(&self, key: usize, crypto_key: CryptoKey, key_type: KeyType) {
        let mut keys = self.keys.borrow_mut();
        let len = keys.len().max(key + 1);
        keys.resize_with(len, || None);
        keys[key] = Some((crypto_key, key_type));
    }
}

impl Outside for WebCryptoKeys {
    async fn new_key(
        &self,
        key: usize,
        key_type: KeyType,
    ) -> Result<(Zeroizing<Vec<u8>>, Vec<u8>), Error> {
        let how = signing(key_type);
        let algorithm = dictionary(&how.key);
        if let Some(bits) = how.modulus_bits {
            let set = |k: &str, v: JsValue| Reflect::set(&algorithm, &k.into(), &v).map(drop);
            set("modulusLength", bits.into()).map_err(failed("make the key"))?;
            set("publicExponent", Uint8Array::from(&[1u8, 0, 1][..]).into())
                .map_err(failed("make the key"))?;
        }
        let usages = Array::of2(&"sign".into(), &"verify".into());
        let made = self
            .subtle
            .generate_key_with_object(&algorithm, true, &usages)
            .map_err(failed("make the key"))?;
        let pair: CryptoKeyPair = JsFuture::from(made)
            .await
            .map_err(failed("make the key"))?
            .unchecked_into();
        let private = pair.get_private_key();
        let pkcs8 = Zeroizing::new(
            bytes(self.subtle.export_key("pkcs8", &private), "export the key").await?,
        );
        let spki = bytes(
            self.subtle.export_key("spki", &pair.get_public_key()),
            "export the public key",
        )
        .await?;
        self.keep(key, private, key_type);
        Ok((pkcs8, spki))
    }

    async fn import(&self, key: usize, key_type: KeyType, pkcs8: &[u8]) -> Result<Vec<u8>, Error> {
        let how = signing(key_type);
        let imported = self
            .subtle
            .import_key_with_object(
                "pkcs8",
                &Uint8Array::from(pkcs8),
                &dictionary(&how.key),
                true,
                &Array::of1(&"sign".into()),
            )
            .map_err(failed("read the key"))?;
        let crypto_key: CryptoKey = JsFuture::from(imported)
            .await
            .map_err(failed("read the key"))?
            .unchecked_into();
        let exported = self
            .subtle
            .export_key("jwk", &crypto_key)
            .map_err(failed("read the public key"))?;
        let jwk = JsFuture::from(exported)
            .await
            .map_err(failed("read the public key"))?;
        let spki = webcrypto::public_key_info(key_type, |field| base64url(&jwk, field))?;
        self.keep(key, crypto_key, key_type);
        Ok(spki)
    }

    async fn sign(&self, key: usize, message: &[u8]) -> Result<Vec<u8>, Error> {
        let (crypto_key, key_type) = self
            .keys
            .borrow()
            .get(key)
            .cloned()
            .flatten()
            .ok_or_else(|| Error::WebCrypto("no key to sign with".into()))?;
        let signed = self.subtle.sign_with_object_and_u8_array(
            &dictionary(&signing(key_type).sign),
            &crypto_key,
            message,
        );
        let signature = bytes(signed, "sign").await?;
        webcrypto::signature_bits(key_type, &signature)
    }

    async fn check(&self, check: &Check) -> Result<(), SignatureError> {
        crate::webcrypto::checks(vec![check.clone()])
            .await
            .pop()
            .map_or(Err(SignatureError::Invalid), |(_, outcome)| outcome)
    }
}
