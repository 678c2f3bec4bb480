//! `certbench`: the command-line twin of the web app, a thin layer over certbench-core.
//!
//! Exit codes are a contract: 0 success, 1 the input was read but is bad (a block failed to
//! decode, a chain is invalid), 2 the input is unusable. A panic (101) is always a bug.

mod limbo;
mod text;

use certbench_core::{
    UnixTime, cipher, decode,
    generate::{self, KeyPair, KeyType, SelfSignedRequest},
    verify::{self, Options, Purpose},
};
use clap::{Parser, Subcommand, ValueEnum};
use std::{io::Read, path::PathBuf, process::ExitCode};

#[derive(Parser)]
#[command(
    name = "certbench",
    version,
    about = "Decode, generate and verify certificates; explain TLS cipher suites."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode PEM, DER or base64: certificates, CSRs, keys, CRLs.
    Decode {
        /// File to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// One JSON object per block, in an array.
        #[arg(long)]
        json: bool,
        /// Compute validity status at this time (RFC 3339) instead of now.
        #[arg(long)]
        at: Option<String>,
    },
    /// Generate keys and certificates.
    Gen {
        #[command(subcommand)]
        profile: GenProfile,
    },
    /// Verify a chain against trust anchors.
    Verify {
        /// Leaf and intermediates, any order.
        chain: PathBuf,
        /// Trust anchors (PEM or DER).
        #[arg(long)]
        roots: PathBuf,
        /// Host name or IP address the leaf must be valid for.
        #[arg(long)]
        host: Option<String>,
        /// Extended key usage the leaf must allow.
        #[arg(long, value_enum)]
        purpose: Option<PurposeArg>,
        /// Validation time (RFC 3339); default now.
        #[arg(long)]
        at: Option<String>,
        /// pin-sha256 value (base64); repeat for backups. One must match a certificate in the path.
        #[arg(long = "pin")]
        pins: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Run the C2SP x509-limbo path-validation suite (limbo.json) through the verifier.
    Limbo {
        path: PathBuf,
        /// The upstream harness result format instead of one line per case.
        #[arg(long)]
        json: bool,
    },
    /// Explain one TLS cipher suite by IANA name or hex code.
    Cipher {
        name_or_hex: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum GenProfile {
    /// A self-signed certificate for development (like `openssl req -x509`).
    Selfsigned {
        #[arg(long)]
        cn: String,
        /// Comma-separated SANs: DNS:x,IP:y,email:z,URI:u.
        #[arg(long, value_delimiter = ',')]
        san: Vec<String>,
        /// rsa2048, rsa3072, rsa4096, p256, p384 or ed25519.
        #[arg(long, default_value = "p256")]
        key: String,
        #[arg(long, default_value_t = 365)]
        days: i64,
        /// Directory for cert.pem and key.pem.
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PurposeArg {
    Server,
    Client,
}

/// An error with the exit code it maps to.
struct Failure(u8, String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(2, error.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Decode { file, json, at } => run_decode(file, json, at),
        Command::Gen { profile } => run_gen(profile),
        Command::Verify {
            chain,
            roots,
            host,
            purpose,
            at,
            pins,
            json,
        } => run_verify(chain, roots, host, purpose, at, pins, json),
        Command::Cipher { name_or_hex, json } => run_cipher(&name_or_hex, json),
        Command::Limbo { path, json } => run_limbo(&path, json),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Failure(code, message)) => {
            eprintln!("certbench: {message}");
            ExitCode::from(code)
        }
    }
}

fn now() -> UnixTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    UnixTime(i64::try_from(secs).unwrap_or(i64::MAX))
}

fn time_or_now(at: Option<String>) -> Result<UnixTime, Failure> {
    Ok(match at {
        Some(text) => UnixTime::parse_rfc3339(&text)?,
        None => now(),
    })
}

fn read_input(file: Option<&PathBuf>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            bytes =
                std::fs::read(path).map_err(|e| Failure(2, format!("{}: {e}", path.display())))?;
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure(2, format!("standard input: {e}")))?;
        }
    }
    Ok(bytes)
}

fn run_decode(file: Option<PathBuf>, json: bool, at: Option<String>) -> Result<u8, Failure> {
    let now = time_or_now(at)?;
    let input = read_input(file.as_ref())?;
    let blocks = decode::decode(&input, now)?;
    let mut decoded = Vec::new();
    let mut failed = false;
    for block in blocks {
        match block {
            Ok(d) => decoded.push(d),
            Err(e) => {
                failed = true;
                eprintln!("certbench: {e}");
            }
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&decoded)?);
    } else {
        for (i, d) in decoded.iter().enumerate() {
            if i > 0 {
                println!();
            }
            print!("{}", text::decoded(d));
        }
    }
    Ok(u8::from(failed))
}

fn run_gen(profile: GenProfile) -> Result<u8, Failure> {
    let mut rng = getrandom::rand_core::UnwrapErr(getrandom::SysRng);
    match profile {
        GenProfile::Selfsigned {
            cn,
            san,
            key,
            days,
            out,
        } => {
            let key = KeyPair::generate(KeyType::parse(&key)?, &mut rng)?;
            let san: Vec<String> = san.into_iter().filter(|s| !s.trim().is_empty()).collect();
            let request = SelfSignedRequest::new(&cn, san, now(), days);
            let issued = generate::self_signed(&request, &key, &mut rng)?;
            std::fs::create_dir_all(&out)
                .map_err(|e| Failure(2, format!("{}: {e}", out.display())))?;
            write_file(&out.join("cert.pem"), issued.cert_pem.as_bytes())?;
            write_key(&out.join("key.pem"), issued.key_pem.as_bytes())?;
            println!(
                "wrote {} and {}",
                out.join("cert.pem").display(),
                out.join("key.pem").display()
            );
            Ok(0)
        }
    }
}

fn write_file(path: &PathBuf, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| Failure(2, format!("{}: {e}", path.display())))
}

/// Private keys are written readable by the owner only, as `openssl genpkey` does.
fn write_key(path: &PathBuf, bytes: &[u8]) -> Result<(), Failure> {
    write_file(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Failure(2, format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// The certificates in a file; any block that is not one makes the input unusable.
fn read_certificates(path: &PathBuf) -> Result<Vec<certbench_core::Certificate>, Failure> {
    let input = read_input(Some(path))?;
    verify::read_certificates(&input).map_err(|e| Failure(2, format!("{}: {e}", path.display())))
}

fn run_verify(
    chain: PathBuf,
    roots: PathBuf,
    host: Option<String>,
    purpose: Option<PurposeArg>,
    at: Option<String>,
    pins: Vec<String>,
    json: bool,
) -> Result<u8, Failure> {
    let bundle = read_certificates(&chain)?;
    let anchors = read_certificates(&roots)?;
    let options = Options {
        at: time_or_now(at)?,
        host,
        purpose: purpose.map(|p| match p {
            PurposeArg::Server => Purpose::Server,
            PurposeArg::Client => Purpose::Client,
        }),
        pins,
        ..Options::at(UnixTime(0))
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

fn run_cipher(query: &str, json: bool) -> Result<u8, Failure> {
    let explanation = cipher::explain(query).map_err(|e| Failure(1, e.to_string()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&explanation)?);
    } else {
        print!("{}", text::cipher(&explanation));
    }
    Ok(0)
}

fn run_limbo(path: &PathBuf, json: bool) -> Result<u8, Failure> {
    let input = read_input(Some(path))?;
    let limbo: serde_json::Value = serde_json::from_slice(&input)
        .map_err(|e| Failure(2, format!("{}: not JSON: {e}", path.display())))?;
    let outcomes = limbo::run(&limbo, now()).map_err(|e| Failure(2, e))?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&limbo::results_json(&outcomes))?
        );
    } else {
        for o in &outcomes {
            let verdict = match (o.actual.as_str(), o.actual == o.expected) {
                ("SKIPPED", _) => "skipped",
                (_, true) => "ok",
                (_, false) => "UNEXPECTED",
            };
            println!(
                "{verdict:<10} {} expected {} got {}: {}",
                o.id, o.expected, o.actual, o.context
            );
        }
    }
    eprintln!("{}", limbo::summary(&outcomes));
    Ok(0)
}
