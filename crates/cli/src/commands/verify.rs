//! `certbench verify`: build and validate a path, say why it fails.

use crate::flags::{PurposeArg, VerifyFlags};
use crate::io::{read_certificates, read_crls, read_ocsp, time_or_now};
use crate::{Failure, text};
use certbench_core::verify::{self, Options};
use std::path::PathBuf;

/// Where trust anchors come from.
pub(crate) enum Anchors {
    File(PathBuf),
    /// The Mozilla store built into certbench (crates/core/data/README.md).
    Mozilla,
}

impl VerifyFlags {
    /// The user's policy inputs (RFC 5280 section 6.1.1).
    fn policy(&self) -> Result<verify::PolicyInputs, certbench_core::Error> {
        Ok(verify::PolicyInputs {
            initial: each(&self.policies, verify::policy_named)?,
            require_explicit: self.require_explicit_policy,
            inhibit_mapping: self.inhibit_policy_mapping,
            inhibit_any: self.inhibit_any_policy,
        })
    }

    /// The caller's key usage, EKU and signature algorithm lists, read.
    fn required(&self) -> Result<verify::Required, certbench_core::Error> {
        Ok(verify::Required {
            key_usage: each(&self.key_usage, verify::key_usage_named)?,
            extended_key_usage: each(&self.extended_key_usage, verify::extended_key_usage_named)?,
            signature_algorithms: each(
                &self.signature_algorithm,
                verify::signature_algorithm_named,
            )?,
        })
    }
}

fn each<T>(
    names: &[String],
    read: fn(&str) -> Result<T, certbench_core::Error>,
) -> Result<Vec<T>, certbench_core::Error> {
    names.iter().map(|name| read(name)).collect()
}

pub(crate) fn run_verify(
    chain: PathBuf,
    roots: Anchors,
    args: VerifyFlags,
    json: bool,
) -> Result<u8, Failure> {
    let bundle = read_certificates(&chain)?;
    let anchors = match &roots {
        Anchors::File(path) => read_certificates(path)?,
        Anchors::Mozilla => verify::mozilla_roots(),
    };
    let required = args.required()?;
    let policy = args.policy()?;
    let mut crls = Vec::new();
    for path in &args.crls {
        crls.extend(read_crls(path)?);
    }
    let mut ocsp = Vec::new();
    for path in &args.ocsp {
        ocsp.extend(read_ocsp(path)?);
    }
    let options = Options {
        at: time_or_now(args.at)?,
        host: args.host,
        purpose: args.purpose.and_then(PurposeArg::purpose),
        profile: args.profile.into(),
        required,
        crls,
        ocsp,
        require_revocation: args.require_revocation,
        policy,
        public_suffixes: Some(std::sync::Arc::new(verify::PublicSuffixes::builtin())),
        pins: args.pins,
        max_intermediates: args.max_intermediates,
        known_roots: match roots {
            Anchors::File(_) => verify::mozilla_roots(),
            Anchors::Mozilla => Vec::new(),
        },
    };
    let verdict = verify::verify(&bundle, &anchors, &options);
    if json {
        println!("{}", serde_json::to_string_pretty(&verdict)?);
    } else {
        print!("{}", text::verdict(&verdict));
    }
    if !verdict.valid {
        let reason = verdict
            .errors
            .first()
            .map_or("the path does not end at a trust anchor".to_string(), |e| {
                e.message.clone()
            });
        eprintln!("certbench: invalid: {reason}");
    }
    Ok(u8::from(!verdict.valid))
}
