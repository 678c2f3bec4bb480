//! `certbench`: the command-line twin of the web app, a thin layer over certbench-core.
//!
//! Exit codes are a contract: 0 success, 1 the input was read but is bad (a block failed to
//! decode, a chain is invalid), 2 the input is unusable. A panic (101) is always a bug.

mod commands;
mod flags;
mod io;
mod limbo;
mod text;

use clap::Parser;
use commands::verify::Anchors;
use flags::{Cli, Command};
use std::process::ExitCode;

/// An error with the exit code it maps to.
/// Why a command failed: its exit code (docs/cli.md) and what to print.
struct Failure(u8, String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(2, error.to_string())
    }
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Decode {
            file,
            json,
            at,
            password,
        } => commands::decode::run_decode(file, json, at, password),
        Command::Gen { profile } => commands::generate::run_gen(profile),
        Command::Calendar { file, out } => commands::calendar::run_calendar(file, out),
        Command::Diff {
            a,
            b,
            json,
            password,
        } => commands::diff::run_diff(&a, &b, json, password),
        Command::Convert {
            file,
            to,
            private,
            out,
            password,
        } => commands::convert::run_convert(file, to, private, out, password),
        Command::Verify {
            chain,
            roots,
            mozilla: _,
            args,
            json,
        } => {
            // clap guarantees --roots or --mozilla; no --roots means the built-in store.
            let anchors = roots.map_or(Anchors::Mozilla, Anchors::File);
            commands::verify::run_verify(chain, anchors, args, json)
        }
        Command::Ocsp { action } => commands::ocsp::run_ocsp(action),
        Command::Cipher { name_or_hex, json } => commands::cipher::run_cipher(&name_or_hex, json),
        Command::Handshake { file, json } => commands::handshake::run(file.as_ref(), json),
        Command::TlsConfig {
            server,
            profile,
            check,
            guidelines,
            server_version,
            openssl_version,
            hsts,
            ocsp,
            json,
        } => match check {
            Some(file) => commands::tls_config::run_check(&file, json),
            None => commands::tls_config::run(
                certbench_core::tls_config::Request {
                    server: server.unwrap_or_default(),
                    profile: profile.unwrap_or_default(),
                    guideline: guidelines,
                    server_version,
                    openssl_version,
                    hsts,
                    ocsp,
                },
                json,
            ),
        },
        Command::Limbo {
            path,
            profile,
            json,
        } => limbo::run_limbo(&path, profile.into(), json),
        Command::Ciphers { string, json } => commands::cipher::run_ciphers(&string, json),
        Command::Lint {
            file,
            json,
            at,
            profile,
        } => commands::lint::run_lint(file, json, at, profile),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure(code, message)) => {
            eprintln!("certbench: {message}");
            ExitCode::from(code)
        }
    }
}

/// `certbench decode big.pem | head` should end quietly, as other Unix tools do, instead of
/// panicking on the closed pipe: Rust ignores SIGPIPE by default, so restore its default.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    #[allow(unsafe_code)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
