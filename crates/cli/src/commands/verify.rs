//! `certbench verify`: build and validate a path, say why it fails.

use crate::flags::{ProfileArg, PurposeArg};
use crate::io::{read_certificates, time_or_now};
use crate::{Failure, text};
use certbench_core::verify::{self, Options};
use std::path::PathBuf;

/// Where trust anchors come from.
pub(crate) enum Anchors {
    File(PathBuf),
    /// The Mozilla store built into certbench (crates/core/data/README.md).
    Mozilla,
}

/// The `verify` options that become [`Options`].
pub(crate) struct VerifyArgs {
    pub(crate) host: Option<String>,
    pub(crate) purpose: Option<PurposeArg>,
    pub(crate) profile: ProfileArg,
    pub(crate) at: Option<String>,
    pub(crate) pins: Vec<String>,
    pub(crate) max_intermediates: Option<usize>,
}

pub(crate) fn run_verify(
    chain: PathBuf,
    roots: Anchors,
    args: VerifyArgs,
    json: bool,
) -> Result<u8, Failure> {
    let bundle = read_certificates(&chain)?;
    let anchors = match &roots {
        Anchors::File(path) => read_certificates(path)?,
        Anchors::Mozilla => verify::mozilla_roots(),
    };
    let options = Options {
        at: time_or_now(args.at)?,
        host: args.host,
        purpose: args.purpose.and_then(PurposeArg::purpose),
        profile: args.profile.into(),
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
