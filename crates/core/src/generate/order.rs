//! The Generate form as the user typed it, and what fulfilling it makes: the files to save,
//! notes, and the OpenSSL recipe. Plain data on both sides: the web app fills an order from its
//! form and renders the outcome (serializable, for a worker or a shared link later).

use super::engine::Engine;
use super::{
    IssuedBy, KeyPair, KeyType, OpensslRecipe, PrivateKey, Profile, Request, Subject, chain_files,
    csr, default_days, issue, openssl_recipe, sign_csr,
};
use crate::input::{self, pem};
use crate::{Certificate, Error, decode, time::UnixTime};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};

/// The defaults mkcert users expect: localhost over IPv4 and IPv6.
pub const LOCALHOST_SANS: [&str; 3] = ["DNS:localhost", "IP:127.0.0.1", "IP:::1"];

/// What the user can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A certificate of this profile.
    Issue(Profile),
    /// A CSR only.
    Csr,
    /// A certificate from a pasted CSR, signed by a CA.
    SignCsr,
}

/// Every action: its form value, and what the form calls it.
pub const ACTIONS: [(&str, Action, &str); 7] = [
    (
        "selfsigned",
        Action::Issue(Profile::SelfSigned),
        "Self-signed development certificate",
    ),
    ("root", Action::Issue(Profile::Root), "Root CA"),
    (
        "intermediate",
        Action::Issue(Profile::Intermediate),
        "Intermediate CA (signed by a CA)",
    ),
    (
        "server",
        Action::Issue(Profile::Server),
        "TLS server certificate (signed by a CA)",
    ),
    (
        "client",
        Action::Issue(Profile::Client),
        "TLS client certificate for mTLS (signed by a CA)",
    ),
    ("csr", Action::Csr, "Certificate signing request (CSR)"),
    ("sign", Action::SignCsr, "Sign a pasted CSR with a CA"),
];

impl Action {
    /// The action a form value names; a self-signed certificate for anything else.
    pub fn from_id(id: &str) -> Action {
        ACTIONS
            .iter()
            .find(|(known, ..)| *known == id)
            .map_or(Action::Issue(Profile::SelfSigned), |a| a.1)
    }

    /// The action in the form's words.
    pub fn label(self) -> &'static str {
        ACTIONS.iter().find(|a| a.1 == self).map_or("", |a| a.2)
    }

    /// Signed by a CA the user picks.
    pub fn needs_ca(self) -> bool {
        matches!(
            self,
            Action::SignCsr
                | Action::Issue(Profile::Intermediate | Profile::Server | Profile::Client)
        )
    }

    /// Whether the action makes a CA certificate.
    pub fn makes_ca(self) -> bool {
        matches!(self, Action::Issue(Profile::Root | Profile::Intermediate))
    }
}

/// The form, as typed: text fields stay text so errors can quote them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// An [`ACTIONS`] id.
    pub action: String,
    /// A [`KeyType::name`], for a new key.
    pub key: String,
    /// The user's own private key (PEM or DER: PKCS#8, PKCS#1, SEC1, encrypted PKCS#8), used
    /// instead of a new one when not empty.
    pub own_key: String,
    /// The password of `own_key`, when it is encrypted.
    pub own_key_password: String,
    /// Common name.
    pub cn: String,
    /// Organization.
    pub org: String,
    /// OU, ST and L: rarely needed, so absent from older saved orders.
    #[serde(default)]
    pub ou: String,
    /// Country, two letters.
    pub country: String,
    #[serde(default)]
    /// State or province.
    pub state: String,
    #[serde(default)]
    /// Locality.
    pub locality: String,
    /// SANs, one per line or comma-separated.
    pub san: String,
    /// Days of validity; empty for the profile's default.
    pub days: String,
    /// `YYYY-MM-DDTHH:MM`, UTC; empty for now.
    pub not_before: String,
    /// pathLenConstraint for a CA; empty for none.
    pub pathlen: String,
    /// Names the CA may issue for (name constraints), one per line.
    pub permit: String,
    /// Names the CA must not issue for, one per line.
    pub exclude: String,
    /// OCSP responder URL; empty for none.
    pub ocsp: String,
    /// CRL URL; empty for none.
    pub crl: String,
    /// TLS feature status_request (OCSP must-staple).
    pub must_staple: bool,
    /// Encrypts key.pem when not empty.
    pub key_password: String,
    /// Adds bundle.p12 (key, certificate and chain) protected by it, when not empty.
    #[serde(default)]
    pub p12_password: String,
    /// `made:N` for a CA made in this session, or `pasted`.
    pub ca: String,
    /// The signing CA's certificate, pasted.
    pub ca_cert: String,
    /// The signing CA's key, pasted.
    pub ca_key: String,
    /// The CSR to sign, pasted.
    pub csr: String,
    /// OIDs of the extensions the CSR requests that the user accepted (copied as requested).
    pub csr_copy: Vec<String>,
}

impl Default for Order {
    fn default() -> Self {
        Order {
            action: "selfsigned".into(),
            key: "p256".into(),
            own_key: String::new(),
            own_key_password: String::new(),
            cn: "localhost".into(),
            san: LOCALHOST_SANS.join("\n"),
            ca: "pasted".into(),
            org: String::new(),
            ou: String::new(),
            country: String::new(),
            state: String::new(),
            locality: String::new(),
            days: String::new(),
            not_before: String::new(),
            pathlen: String::new(),
            permit: String::new(),
            exclude: String::new(),
            ocsp: String::new(),
            crl: String::new(),
            must_staple: false,
            key_password: String::new(),
            p12_password: String::new(),
            ca_cert: String::new(),
            ca_key: String::new(),
            csr: String::new(),
            csr_copy: Vec::new(),
        }
    }
}

/// A CA made earlier in the session, to sign with next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MadeCa {
    /// Its subject, to name it in the form.
    pub name: String,
    /// The CA's certificate, then its issuers: PEM.
    pub chain_pem: String,
    /// Its key, PKCS#8 PEM.
    pub key_pem: String,
}

/// What the certificate an order would make says, before any key exists: the form's live
/// preview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    /// The subject, RFC 4514 text.
    pub subject: String,
    /// notBefore, RFC 3339.
    pub not_before: String,
    /// notAfter, RFC 3339.
    pub not_after: String,
    /// notAfter - notBefore, in days as CA/B counts them.
    pub days: i64,
    /// Every extension the certificate will carry.
    pub extensions: Vec<crate::decode::ext::ExtensionReport>,
    /// Where the names come from, when that is the user's choice (signing a CSR): the CSR's,
    /// or those typed in the form, which replace them.
    #[serde(default)]
    pub names_from: Option<String>,
}

/// What the form shows as it changes, before any key is made: the preview of the certificate
/// ([`Order::preview`]) and what a pasted CSR asks for ([`Order::requested`]). A view for the
/// page, so errors come as the text it shows (the typed [`Error`]s are those two functions').
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormView {
    /// What a pasted CSR asks for, or why it cannot be read.
    pub requested: Option<Result<Vec<super::Requested>, String>>,
    /// The certificate the form would make, or what is wrong with the form.
    pub preview: Option<Result<Preview, String>>,
}

/// A file to save.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    /// Its file name (`cert.pem`).
    pub name: String,
    /// The PEM text; for a binary file, what it holds, in words.
    pub text: String,
    /// A binary file's bytes (bundle.p12); `None` for PEM.
    pub bytes: Option<Vec<u8>>,
    /// A chain of certificates by purpose (chain.pem, fullchain.pem), even when it holds one:
    /// DER holds one certificate, so a chain is never offered as DER.
    #[serde(default)]
    pub chain: bool,
}

impl File {
    /// The same thing as DER (`cert.der`, `request.der`, `key.der`), for a PEM file of one
    /// block that is not a chain: what Windows, Java and `-inform DER` tools ask for.
    pub fn der(&self) -> Option<File> {
        if self.bytes.is_some() || self.chain {
            return None;
        }
        let mut blocks = input::read_blocks(self.text.as_bytes()).ok()?;
        if blocks.len() != 1 {
            return None;
        }
        let block = blocks.pop()?.ok()?;
        let stem = self
            .name
            .rsplit_once('.')
            .map_or(self.name.as_str(), |(stem, _)| stem);
        Some(File {
            name: format!("{stem}.der"),
            text: format!("{} as DER", self.name),
            bytes: Some(block.der),
            chain: false,
        })
    }
}

/// What an order made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// What was made, in a few words.
    pub title: String,
    /// The files, in the order they are offered.
    pub files: Vec<File>,
    /// What to do with them, and what was not copied from a CSR.
    pub notes: Vec<String>,
    /// The OpenSSL commands that make the same kind of certificate.
    pub recipe: Option<OpensslRecipe>,
    /// CAs made, to offer for signing next.
    pub made: Vec<MadeCa>,
}

fn file(name: &str, text: String) -> File {
    File {
        name: name.into(),
        text,
        bytes: None,
        chain: false,
    }
}

/// chain.pem and fullchain.pem of a certificate a CA signed, and what each is for.
fn chain_outputs(files: super::ChainFiles) -> (Vec<File>, Vec<String>) {
    let mut notes = vec![
        "fullchain.pem is what a server sends: cert.pem, then the intermediate CAs (nginx ssl_certificate, Apache SSLCertificateFile, HAProxy crt). chain.pem holds the CA certificates, root included: what clients trust, and what openssl s_server takes as -cert_chain (openssl s_server -cert cert.pem -cert_chain chain.pem -key key.pem).".to_string(),
    ];
    if files.fullchain_pem == files.cert_pem {
        notes.push("Here a root signed the certificate directly, so fullchain.pem is cert.pem alone: servers do not send the root; clients must already trust it.".into());
    }
    let chain = |name: &str, text: String| File {
        chain: true,
        ..file(name, text)
    };
    (
        vec![
            chain("chain.pem", files.chain_pem),
            chain("fullchain.pem", files.fullchain_pem),
        ],
        notes,
    )
}

/// Whether a pasted key is RSA, read from its structure alone (no decryption): PKCS#1, or
/// PKCS#8 with the rsaEncryption algorithm. An encrypted key does not say; it counts as not.
fn own_key_is_rsa(text: &str) -> bool {
    let Some(Ok(block)) = input::read_blocks(text.as_bytes())
        .ok()
        .and_then(|blocks| blocks.into_iter().next())
    else {
        return false;
    };
    block.at.label.as_deref() == Some("RSA PRIVATE KEY")
        || pkcs8::PrivateKeyInfoRef::try_from(block.der.as_slice())
            .is_ok_and(|info| info.algorithm.oid == crate::signature::RSA)
}

fn list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Order {
    /// What the order asks for.
    pub fn action(&self) -> Action {
        Action::from_id(&self.action)
    }

    /// The key type asked for; P-256 when the field says nothing known.
    pub fn key_type(&self) -> KeyType {
        KeyType::parse(&self.key).unwrap_or(KeyType::P256)
    }

    /// The key to certify: the user's own when given, else a new one of the order's type.
    pub fn key(&self, engine: &dyn Engine) -> Result<KeyPair, Error> {
        match self.own_key() {
            Some(own) => engine.signer(own?).map_err(|e| e.of("your key")),
            None => engine.new_key(self.key_type()),
        }
    }

    /// The user's own key, read (and decrypted with its password); `None` when not given.
    pub fn own_key(&self) -> Option<Result<PrivateKey, Error>> {
        if self.own_key.trim().is_empty() {
            return None;
        }
        let password = Some(self.own_key_password.as_str()).filter(|p| !p.is_empty());
        Some(
            PrivateKey::from_input_with_password(self.own_key.as_bytes(), password)
                .map_err(|e| e.of("your key")),
        )
    }

    /// Everything the form shows before any key is made, at `now`.
    pub fn view(&self, now: UnixTime) -> FormView {
        FormView {
            requested: self.requested().map(|r| r.map_err(|e| e.to_string())),
            preview: self.preview(now).map(|p| p.map_err(|e| e.to_string())),
        }
    }

    /// What the pasted CSR asks for, extension by extension; `None` until one is pasted.
    pub fn requested(&self) -> Option<Result<Vec<super::Requested>, Error>> {
        let block = input::read_blocks(self.csr.as_bytes())
            .ok()?
            .into_iter()
            .next()?;
        Some(block.and_then(|b| super::requested_extensions(&b.der)))
    }

    /// Switches the form to the action `id`. Fields still holding the previous action's
    /// default take the new one's: signing a CSR starts with no names of its own (the CSR's
    /// are used), a CA or client certificate with none, a server or self-signed one with
    /// localhost; names the user typed stay, except on entering "sign a CSR", where the CSR
    /// brings its own.
    pub fn set_action(&mut self, id: &str) {
        let localhost = LOCALHOST_SANS.join("\n");
        let untouched = self.san.trim().is_empty() || self.san == localhost;
        self.action = id.to_string();
        self.san = match self.action() {
            Action::SignCsr => String::new(),
            Action::Issue(Profile::SelfSigned | Profile::Server) | Action::Csr if untouched => {
                localhost
            }
            Action::Issue(_) if untouched => String::new(),
            _ => std::mem::take(&mut self.san),
        };
    }

    /// The preview of the certificate this order makes (self-signed, CAs, leaves, a signed
    /// CSR); `None` for a CSR, or before a CSR to sign is pasted.
    pub fn preview(&self, now: UnixTime) -> Option<Result<Preview, Error>> {
        let profile = match self.action() {
            Action::Issue(profile) => profile,
            Action::SignCsr => return self.csr_preview(now),
            Action::Csr => return None,
        };
        Some(self.request(profile, now).and_then(|req| {
            let rsa = match self.own_key.trim() {
                "" => self.key_type().name().starts_with("rsa"),
                own => own_key_is_rsa(own),
            };
            let extensions = super::preview_extensions(&req, rsa)?;
            Ok(Preview {
                subject: crate::dn::rfc4514(&req.subject.to_name()?),
                not_before: req.not_before.to_rfc3339(),
                not_after: req.not_after.to_rfc3339(),
                days: req.not_before.days_until(req.not_after) + 1,
                extensions,
                names_from: None,
            })
        }))
    }

    /// What signing the pasted CSR will make: its subject, and its names unless the form gives
    /// others (said so); `None` until a CSR is pasted.
    fn csr_preview(&self, now: UnixTime) -> Option<Result<Preview, Error>> {
        let block = input::read_blocks(self.csr.as_bytes())
            .ok()?
            .into_iter()
            .next()?;
        Some((|| {
            let block = block.map_err(|e| e.of("CSR"))?;
            let req = self.csr_request(now)?;
            let typed = !req.san.is_empty();
            let csr = super::preview_csr(&block.der, req).map_err(|e| e.of("CSR"))?;
            let extensions = super::preview_extensions(&csr.request, csr.rsa)?;
            let csr_names = match csr.csr_names.is_empty() {
                true => "none".to_string(),
                false => csr.csr_names.join(", "),
            };
            let req = &csr.request;
            Ok(Preview {
                subject: csr.subject,
                not_before: req.not_before.to_rfc3339(),
                not_after: req.not_after.to_rfc3339(),
                days: req.not_before.days_until(req.not_after) + 1,
                extensions,
                names_from: Some(match typed {
                    true => format!("the names typed above, which replace the CSR's ({csr_names})"),
                    false => format!("the CSR's: {csr_names}"),
                }),
            })
        })())
    }

    fn subject(&self) -> Subject {
        Subject {
            common_name: self.cn.clone(),
            organization: self.org.clone(),
            organizational_unit: self.ou.clone(),
            country: self.country.clone(),
            state: self.state.clone(),
            locality: self.locality.clone(),
        }
    }

    fn request(&self, profile: Profile, now: UnixTime) -> Result<Request, Error> {
        // Request starts five minutes before the time it is given.
        let start = match self.not_before.trim() {
            "" => now,
            text => UnixTime::from_form(text, now)?.plus_seconds(300),
        };
        let days = match self.days.trim() {
            "" => default_days(profile, now),
            d => d.parse::<i64>().ok().filter(|&n| n >= 1).ok_or_else(|| {
                Error::Form(format!("days: {d} is not a whole number of 1 or more"))
            })?,
        };
        let mut req = Request::new(profile, self.subject(), list(&self.san), start, days);
        req.path_len = match self.pathlen.trim() {
            "" => None,
            n => Some(n.parse().map_err(|_| {
                Error::Form(format!("pathlen `{n}` is not a number from 0 to 255"))
            })?),
        };
        req.permitted = list(&self.permit);
        req.excluded = list(&self.exclude);
        req.ocsp_url = Some(self.ocsp.trim().to_string()).filter(|s| !s.is_empty());
        req.crl_url = Some(self.crl.trim().to_string()).filter(|s| !s.is_empty());
        req.must_staple = self.must_staple;
        Ok(req)
    }

    /// The request for signing the pasted CSR: the form's validity, names (empty: the CSR's)
    /// and accepted extensions. The subject is the CSR's: the form's subject fields, hidden
    /// in this mode, never reach it.
    fn csr_request(&self, now: UnixTime) -> Result<Request, Error> {
        let mut req = self.request(Profile::Server, now)?;
        req.subject = Subject::default();
        req.copy = self.csr_copy.clone();
        Ok(req)
    }

    /// The CA to sign with: one made earlier, or the pasted certificate (chain) and key.
    fn issuing_ca(
        &self,
        made: &[MadeCa],
        engine: &dyn Engine,
    ) -> Result<(Vec<Certificate>, KeyPair), Error> {
        let (chain_pem, key_pem, what) = match self
            .ca
            .strip_prefix("made:")
            .and_then(|n| n.parse::<usize>().ok())
        {
            Some(index) => {
                let ca = made
                    .get(index)
                    .ok_or_else(|| Error::Form("that CA is gone; choose another".into()))?;
                (ca.chain_pem.as_str(), ca.key_pem.as_str(), "")
            }
            None => (self.ca_cert.as_str(), self.ca_key.as_str(), "CA "),
        };
        let chain = decode::read_certificates(chain_pem.as_bytes())
            .map_err(|e| e.of(format!("{what}certificate")))?;
        if chain.is_empty() {
            return Err(Error::Form(
                "paste the CA certificate (PEM), or make a CA first".into(),
            ));
        }
        let key = PrivateKey::from_input_with_password(key_pem.as_bytes(), None)
            .and_then(|key| engine.signer(key))
            .map_err(|e| e.of(format!("{what}key")))?;
        Ok((chain, key))
    }

    /// The key to certify and its key.pem (encrypted when the order gives a password). Signing
    /// a CSR needs none: the CSR brings its key.
    fn key_and_pem<R: CryptoRng + ?Sized>(
        &self,
        engine: &dyn Engine,
        rng: &mut R,
    ) -> Result<(KeyPair, String), Error> {
        let key = self.key(engine)?;
        let pem = match self.key_password.as_str() {
            "" => key.pkcs8_pem(),
            password => key.encrypted_pkcs8_pem(password, rng),
        }?;
        Ok((key, pem))
    }

    /// Does what the order asks, with keys and checks from `engine`. `made` are the CAs made
    /// earlier in the session.
    pub fn fulfil<R: CryptoRng + ?Sized>(
        &self,
        engine: &dyn Engine,
        made: &[MadeCa],
        now: UnixTime,
        rng: &mut R,
    ) -> Result<Outcome, Error> {
        match self.action() {
            Action::Csr => {
                let (key, key_pem) = self.key_and_pem(engine, rng)?;
                let csr = csr(&self.subject(), &list(&self.san), &key)?;
                Ok(Outcome {
                    title: format!("CSR for {}", self.cn),
                    files: vec![
                        file("request.csr", pem("CERTIFICATE REQUEST", &csr)?),
                        file("key.pem", key_pem),
                    ],
                    notes: vec!["Send request.csr to the CA; keep key.pem.".into()],
                    recipe: None,
                    made: Vec::new(),
                })
            }
            Action::SignCsr => {
                let (chain, ca_key) = self.issuing_ca(made, engine)?;
                let block = input::read_blocks(self.csr.as_bytes())?
                    .into_iter()
                    .next()
                    .ok_or_else(|| Error::Form("paste a CSR".into()))??;
                let req = self.csr_request(now)?;
                let signed = sign_csr(&block.der, req, &chain[0], &ca_key, engine, now, rng)?;
                let files = chain_files(&signed.cert, &chain)?;
                let mut out = vec![file("cert.pem", files.cert_pem.clone())];
                let (chain_files, mut notes) = chain_outputs(files);
                out.extend(chain_files);
                notes.extend(
                    signed
                        .ignored
                        .iter()
                        .map(|i| format!("Not copied from the CSR: {i}")),
                );
                Ok(Outcome {
                    title: "Signed the CSR as a server certificate".into(),
                    files: out,
                    notes,
                    recipe: None,
                    made: Vec::new(),
                })
            }
            Action::Issue(profile) => {
                let (key, key_pem) = self.key_and_pem(engine, rng)?;
                let req = self.request(profile, now)?;
                let spki = key.public_key_info()?;
                let (cert, chain) = if matches!(profile, Profile::SelfSigned | Profile::Root) {
                    let cert = issue(&req, &spki, IssuedBy::Itself(&key), now, rng)?;
                    (cert, Vec::new())
                } else {
                    let (chain, ca_key) = self.issuing_ca(made, engine)?;
                    let by = IssuedBy::Ca {
                        cert: &chain[0],
                        key: &ca_key,
                    };
                    (issue(&req, &spki, by, now, rng)?, chain)
                };
                let files = chain_files(&cert, &chain)?;
                let mut made = Vec::new();
                if profile.is_ca() {
                    let kind = if profile == Profile::Root {
                        "root"
                    } else {
                        "intermediate"
                    };
                    made.push(MadeCa {
                        name: format!("{} ({kind})", self.cn),
                        chain_pem: format!("{}{}", files.cert_pem, files.chain_pem),
                        key_pem: key.pkcs8_pem()?,
                    });
                }
                let mut out = vec![
                    file("cert.pem", files.cert_pem.clone()),
                    file("key.pem", key_pem),
                ];
                let mut notes = Vec::new();
                if !chain.is_empty() {
                    let (chain_files, chain_notes) = chain_outputs(files);
                    out.extend(chain_files);
                    notes = chain_notes;
                }
                if !self.p12_password.is_empty() {
                    let p12 = crate::pkcs12::bundle(
                        &key.pkcs8_der()?,
                        &cert,
                        &chain,
                        &self.p12_password,
                        &self.cn,
                        rng,
                    )?;
                    out.push(File {
                        name: "bundle.p12".into(),
                        text: format!(
                            "PKCS#12: key.pem, cert.pem{}, under the password given",
                            if chain.is_empty() {
                                ""
                            } else {
                                " and chain.pem"
                            }
                        ),
                        bytes: Some(p12),
                        chain: false,
                    });
                }
                Ok(Outcome {
                    title: format!("{} for {}", self.action().label(), self.cn),
                    files: out,
                    notes,
                    recipe: Some(openssl_recipe(&req, key.key_type)),
                    made,
                })
            }
        }
    }
}

/// Root → intermediate → server and client, with P-256 keys: ready for an mTLS test.
pub fn whole_chain<R: CryptoRng + ?Sized>(
    engine: &dyn Engine,
    now: UnixTime,
    rng: &mut R,
) -> Result<Outcome, Error> {
    let new_key = || engine.new_key(KeyType::P256);
    let root_key = new_key()?;
    let root_req = Request::new(
        Profile::Root,
        Subject::common_name("certbench Test Root"),
        Vec::new(),
        now,
        default_days(Profile::Root, now),
    );
    let root_spki = root_key.public_key_info()?;
    let root = issue(&root_req, &root_spki, IssuedBy::Itself(&root_key), now, rng)?;
    let int_key = new_key()?;
    let mut int_req = Request::new(
        Profile::Intermediate,
        Subject::common_name("certbench Test Intermediate"),
        Vec::new(),
        now,
        default_days(Profile::Intermediate, now),
    );
    int_req.path_len = Some(0);
    let by_root = IssuedBy::Ca {
        cert: &root,
        key: &root_key,
    };
    let int_spki = int_key.public_key_info()?;
    let int = issue(&int_req, &int_spki, by_root, now, rng)?;
    let ca_chain = vec![int.clone(), root.clone()];
    let ca_files = chain_files(&int, std::slice::from_ref(&root))?;
    let mut files = vec![file("root.pem", chain_files(&root, &[])?.cert_pem)];
    let leaves = [
        (
            Profile::Server,
            "localhost",
            LOCALHOST_SANS.map(str::to_string).to_vec(),
            "server",
        ),
        (Profile::Client, "test client", Vec::new(), "client"),
    ];
    for (profile, cn, san, stem) in leaves {
        let key = new_key()?;
        let req = Request::new(
            profile,
            Subject::common_name(cn),
            san,
            now,
            default_days(profile, now),
        );
        let by_int = IssuedBy::Ca {
            cert: &int,
            key: &int_key,
        };
        let spki = key.public_key_info()?;
        let cert = issue(&req, &spki, by_int, now, rng)?;
        let chain = chain_files(&cert, &ca_chain)?;
        files.push(File {
            chain: true,
            ..file(&format!("{stem}-fullchain.pem"), chain.fullchain_pem)
        });
        files.push(file(&format!("{stem}-key.pem"), key.pkcs8_pem()?));
    }
    Ok(Outcome {
        title: "A whole chain: root → intermediate → server and client".into(),
        files,
        notes: vec![
            "Servers: use server-fullchain.pem and server-key.pem. Clients trust root.pem.".into(),
            "mTLS: the server trusts root.pem for clients; the client presents client-fullchain.pem with client-key.pem.".into(),
        ],
        recipe: None,
        made: vec![MadeCa {
            name: "certbench Test Intermediate (intermediate)".into(),
            chain_pem: format!("{}{}", ca_files.cert_pem, ca_files.chain_pem),
            key_pem: int_key.pkcs8_pem()?,
        }],
    })
}
