//! The Verify form as the user typed it: plain data in, a [`Verdict`] out. The web app fills it
//! from its form and checks the signatures with WebCrypto ([`Order::prepare`] and
//! [`super::verify_with`]); [`Order::run`] does it all here.

use super::{
    Crl, MOZILLA_ROOTS_DER, Options, PolicyInputs, Purpose, Verdict, mozilla_roots_from,
    policy_named, verify,
};
use crate::decode::{Evidence, read_certificates};
use crate::{Certificate, Error, time::UnixTime};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
/// The Verify form as the user filled it: text, not yet read.
pub struct Order {
    /// The certificates to verify, PEM or base64, any order.
    pub chain: String,
    /// Trust anchors, PEM.
    pub roots: String,
    /// Also trust the built-in Mozilla root store.
    pub mozilla: bool,
    /// Host name or IP address; empty for none.
    pub host: String,
    /// `server`, `client`, or anything else for no EKU check.
    pub purpose: String,
    /// `YYYY-MM-DDTHH:MM`, UTC; empty for now.
    pub at: String,
    /// `pin-sha256` values (or curl's `sha256//…`, or hex) separated by commas, semicolons,
    /// spaces or lines.
    pub pins: String,
    /// Most intermediate CAs allowed between leaf and anchor; empty for no limit.
    pub max_intermediates: String,
    /// `webpki` (or empty) or `rfc5280`.
    pub profile: String,
    /// CRLs and OCSP responses (PEM `X509 CRL` / `OCSP RESPONSE`, or base64 DER); those
    /// pasted among the chain count too, and certificates here join the chain's.
    pub revocation: String,
    /// Fail when a certificate's revocation status is unknown (like `openssl verify
    /// -crl_check_all`).
    pub require_revocation: bool,
    /// The policies the user accepts (RFC 5280 section 6.1.1 (c)): dotted OIDs or certbench's
    /// names (`DV`, `EV`, …) separated by commas, semicolons, spaces or lines; empty for any.
    pub policies: String,
    /// initial-explicit-policy: the path must be valid for one of them.
    pub require_explicit_policy: bool,
    /// initial-policy-mapping-inhibit.
    pub inhibit_policy_mapping: bool,
    /// initial-any-policy-inhibit.
    pub inhibit_any_policy: bool,
}

fn certificates(text: &str, what: &str) -> Result<Vec<Certificate>, Error> {
    read_certificates(text.as_bytes()).map_err(|e| e.of(what))
}

/// The items of a list field: separated by commas, semicolons, spaces or lines.
fn items(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// An order read: the certificates and the options, ready for [`super::verify_with`].
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The chain, read.
    pub bundle: Vec<Certificate>,
    /// The trust anchors, read (the Mozilla store when asked).
    pub anchors: Vec<Certificate>,
    /// The options, read.
    pub options: Options,
}

impl Order {
    /// Verifies the chain as the order says; `now` when it names no time.
    pub fn run(&self, now: UnixTime) -> Result<Verdict, Error> {
        let Prepared {
            bundle,
            anchors,
            options,
        } = self.prepare(now, MOZILLA_ROOTS_DER)?;
        Ok(verify(&bundle, &anchors, &options))
    }

    /// Reads the order's certificates and options, or says which field is wrong. `mozilla` is
    /// the store's DER ([`super::MOZILLA_ROOTS_FILE`]), read only when the order asks for it.
    pub fn prepare(&self, now: UnixTime, mozilla: &[u8]) -> Result<Prepared, Error> {
        let mut evidence = Evidence::read(self.chain.as_bytes()).map_err(|e| e.of("chain"))?;
        if !self.revocation.trim().is_empty() {
            let more = Evidence::read(self.revocation.as_bytes())
                .map_err(|e| e.of("CRLs and OCSP responses"))?;
            evidence.certificates.extend(more.certificates);
            evidence.crls.extend(more.crls);
            #[cfg(feature = "ocsp")]
            evidence.ocsp.extend(more.ocsp);
        }
        let bundle = evidence.certificates;
        let mut anchors = if self.roots.trim().is_empty() {
            Vec::new()
        } else {
            certificates(&self.roots, "trust anchors")?
        };
        // The store, when not trusted, is still named in advice ("this root would complete
        // the path"); bytes not the ones this build ships are never used either way.
        let mut known_roots = Vec::new();
        match self.mozilla {
            true => anchors.extend(mozilla_roots_from(mozilla)?),
            false if !mozilla.is_empty() => {
                known_roots = mozilla_roots_from(mozilla).unwrap_or_default()
            }
            false => {}
        }
        let at = UnixTime::from_form(&self.at, now)?;
        let options = Options {
            host: Some(self.host.trim().to_string()).filter(|h| !h.is_empty()),
            purpose: match self.purpose.as_str() {
                "server" => Some(Purpose::Server),
                "client" => Some(Purpose::Client),
                _ => None,
            },
            pins: items(&self.pins).map(str::to_string).collect(),
            max_intermediates: match self.max_intermediates.trim() {
                "" => None,
                text => Some(text.parse().map_err(|_| {
                    Error::Form(format!(
                        "maximum intermediates: expected a whole number, found {text:?}"
                    ))
                })?),
            },
            known_roots,
            profile: self.profile.parse()?,
            crls: evidence.crls.into_iter().map(Crl::new).collect(),
            #[cfg(all(feature = "ocsp", feature = "revocation"))]
            ocsp: evidence
                .ocsp
                .iter()
                .enumerate()
                .map(|(i, response)| {
                    super::OcspAnswer::new(response)
                        .map_err(|e| Error::Form(format!("OCSP response {}: {e}", i + 1)))
                })
                .collect::<Result<_, _>>()?,
            require_revocation: self.require_revocation,
            policy: PolicyInputs {
                initial: items(&self.policies)
                    .map(policy_named)
                    .collect::<Result<_, _>>()?,
                require_explicit: self.require_explicit_policy,
                inhibit_mapping: self.inhibit_policy_mapping,
                inhibit_any: self.inhibit_any_policy,
            },
            ..Options::at(at)
        };
        Ok(Prepared {
            bundle,
            anchors,
            options,
        })
    }
}
