//! `certbench`: the command-line twin of the web app, a thin layer over certbench-core.
//!
//! Exit codes are a contract: 0 success, 1 the input was read but is bad (a block failed to
//! decode, a chain is invalid), 2 the input is unusable. A panic (101) is always a bug.

mod limbo;
mod text;

use certbench_core::inspect;
use certbench_core::{
    UnixTime, cipher, decode,
    generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject},
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

// Parsed once per run: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
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
        /// Decrypt encrypted PKCS#8 keys and open PKCS#12 files with this password.
        #[arg(long)]
        password: Option<String>,
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
        #[arg(long, required_unless_present = "mozilla")]
        roots: Option<PathBuf>,
        /// Trust the built-in Mozilla root store (Debian ca-certificates 20230311, its 139 unexpired roots).
        #[arg(long, conflicts_with = "roots")]
        mozilla: bool,
        /// Host name or IP address the leaf must be valid for.
        #[arg(long)]
        host: Option<String>,
        /// Extended key usage the leaf must allow.
        #[arg(long, value_enum)]
        purpose: Option<PurposeArg>,
        /// Validation time (RFC 3339); default now.
        #[arg(long)]
        at: Option<String>,
        /// pin-sha256 value (base64, curl's sha256//base64, or hex); repeat for backups. One must match a certificate in the path.
        #[arg(long = "pin")]
        pins: Vec<String>,
        /// Most intermediate CAs allowed between leaf and anchor (as `openssl verify -verify_depth`).
        #[arg(long, visible_alias = "verify-depth")]
        max_intermediates: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// Expand an OpenSSL cipher string (or an nginx/Apache line, or a list of IANA names) into
    /// the ordered suites `openssl ciphers -v` prints, each rated.
    Ciphers {
        /// May start with an operator (`-kRSA:…`, `!aNULL:…`), as openssl ciphers accepts.
        #[arg(allow_hyphen_values = true)]
        string: String,
        #[arg(long)]
        json: bool,
    },
    /// Find misconfigurations in certificates and in the bundle as a whole.
    Lint {
        /// File to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Judge validity at this time (RFC 3339) instead of now.
        #[arg(long)]
        at: Option<String>,
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
    /// A self-signed certificate for development (like `openssl req -x509`): cert.pem, key.pem.
    Selfsigned(GenArgs),
    /// A root CA: cert.pem, key.pem.
    Root(GenArgs),
    /// An intermediate CA signed by --ca-cert/--ca-key: cert.pem, key.pem, chain.pem, fullchain.pem.
    Intermediate(GenArgs),
    /// A TLS server certificate signed by --ca-cert/--ca-key: cert.pem, key.pem, chain.pem, fullchain.pem.
    Server(GenArgs),
    /// A TLS client (mTLS) certificate signed by --ca-cert/--ca-key: cert.pem, key.pem, chain.pem, fullchain.pem.
    Client(GenArgs),
    /// A certificate signing request: request.csr, key.pem.
    Csr(GenArgs),
    /// Sign --csr with --ca-cert/--ca-key as a server certificate (or --as client|intermediate): cert.pem, chain.pem, fullchain.pem.
    Sign(GenArgs),
}

/// Options shared by every profile; each uses those that apply to it.
#[derive(clap::Args)]
struct GenArgs {
    /// Subject common name (CN); servers default to their first DNS SAN.
    #[arg(long)]
    cn: Option<String>,
    /// Organization (O).
    #[arg(long)]
    org: Option<String>,
    /// Organizational unit (OU).
    #[arg(long)]
    ou: Option<String>,
    /// Country, two letters (C).
    #[arg(long)]
    country: Option<String>,
    /// State or province (ST).
    #[arg(long)]
    state: Option<String>,
    /// Locality, e.g. a city (L).
    #[arg(long)]
    locality: Option<String>,
    /// Comma-separated SANs: DNS:x,IP:y,email:z,URI:u.
    #[arg(long, value_delimiter = ',')]
    san: Vec<String>,
    /// rsa2048, rsa3072, rsa4096, p256, p384 or ed25519.
    #[arg(long, default_value = "p256")]
    key: String,
    /// Use this private key (PEM or DER: PKCS#8, PKCS#1, SEC1) instead of generating one.
    #[arg(long)]
    key_file: Option<PathBuf>,
    /// Encrypt key.pem with this password (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC); also
    /// decrypts an encrypted --key-file.
    #[arg(long)]
    key_password: Option<String>,
    /// Password of an encrypted --ca-key.
    #[arg(long)]
    ca_key_password: Option<String>,
    /// Also write bundle.p12 (key, certificate and chain) protected by this password.
    #[arg(long)]
    p12_password: Option<String>,
    /// Validity in days (CAs default to 10 years; leaves to the CA/B Forum maximum for today, at most 365).
    #[arg(long)]
    days: Option<i64>,
    /// Start of validity (RFC 3339); default five minutes ago. Past or future dates make expired
    /// or not-yet-valid certificates for testing.
    #[arg(long)]
    not_before: Option<String>,
    /// basicConstraints pathLenConstraint for CAs.
    #[arg(long)]
    pathlen: Option<u8>,
    /// Name constraints for CAs: permitted subtrees (DNS:example.com, IP:10.0.0.0/8, email:example.com).
    #[arg(long, value_delimiter = ',')]
    permit: Vec<String>,
    /// Name constraints for CAs: excluded subtrees.
    #[arg(long, value_delimiter = ',')]
    exclude: Vec<String>,
    /// Issuing CA certificate (the first certificate in the file; the rest go to chain.pem).
    #[arg(long)]
    ca_cert: Option<PathBuf>,
    /// Issuing CA private key.
    #[arg(long)]
    ca_key: Option<PathBuf>,
    /// The CSR to sign (for `sign`).
    #[arg(long)]
    csr: Option<PathBuf>,
    /// Profile for `sign`.
    #[arg(long = "as", value_enum, default_value = "server")]
    sign_as: SignAs,
    /// For `sign`: copy this extension as the CSR requests it (OID, e.g. 2.5.29.37 for
    /// extendedKeyUsage), instead of the profile's; repeatable. CA rights are never copied.
    #[arg(long = "copy-extension")]
    copy_extension: Vec<String>,
    #[arg(long)]
    ocsp_url: Option<String>,
    #[arg(long)]
    ca_issuers_url: Option<String>,
    #[arg(long)]
    crl_url: Option<String>,
    /// Add the OCSP must-staple TLS feature.
    #[arg(long)]
    must_staple: bool,
    /// Directory for the files.
    #[arg(long, default_value = ".")]
    out: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum SignAs {
    Server,
    Client,
    Intermediate,
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
    restore_default_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Decode {
            file,
            json,
            at,
            password,
        } => run_decode(file, json, at, password),
        Command::Gen { profile } => run_gen(profile),
        Command::Verify {
            chain,
            roots,
            mozilla: _,
            host,
            purpose,
            at,
            pins,
            max_intermediates,
            json,
        } => {
            // clap guarantees --roots or --mozilla; no --roots means the built-in store.
            let anchors = roots.map_or(Anchors::Mozilla, Anchors::File);
            let options = VerifyArgs {
                host,
                purpose,
                at,
                pins,
                max_intermediates,
            };
            run_verify(chain, anchors, options, json)
        }
        Command::Cipher { name_or_hex, json } => run_cipher(&name_or_hex, json),
        Command::Limbo { path, json } => run_limbo(&path, json),
        Command::Ciphers { string, json } => run_ciphers(&string, json),
        Command::Lint { file, json, at } => run_lint(file, json, at),
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

fn run_decode(
    file: Option<PathBuf>,
    json: bool,
    at: Option<String>,
    password: Option<String>,
) -> Result<u8, Failure> {
    let now = time_or_now(at)?;
    let input = read_input(file.as_ref())?;
    let blocks = inspect::decode(&input, now)?;
    let mut decoded = Vec::new();
    let mut failed = false;
    for block in blocks {
        // With a password, encrypted keys are shown decrypted.
        let block = match (block, &password) {
            (Ok(d), Some(password)) if matches!(&d.report, decode::Report::PrivateKey(k) if k.encrypted) => {
                inspect::decrypt_private_key(&d, password, now)
            }
            (Ok(d), Some(password)) if matches!(d.report, decode::Report::Pkcs12(_)) => {
                match inspect::open_pkcs12(&d, password, now) {
                    Ok(mut contents) => {
                        inspect::complete(&mut contents);
                        for inner in contents {
                            match inner {
                                Ok(inner) => decoded.push(inner),
                                Err(e) => {
                                    failed = true;
                                    eprintln!("certbench: {e}");
                                }
                            }
                        }
                        continue;
                    }
                    Err(e) => Err(e),
                }
            }
            (block, _) => block,
        };
        match block {
            Ok(d) => decoded.push(d),
            Err(e) => {
                failed = true;
                eprintln!("certbench: {e}");
            }
        }
    }
    // Keys decrypted above, or found in a PKCS#12 file, match certificates too.
    decode::link_keys(decoded.iter_mut());
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

fn run_gen(profile: GenProfile) -> Result<u8, Failure> {
    let mut rng = getrandom::rand_core::UnwrapErr(getrandom::SysRng);
    let (kind, args) = match profile {
        GenProfile::Selfsigned(a) => (Some(Profile::SelfSigned), a),
        GenProfile::Root(a) => (Some(Profile::Root), a),
        GenProfile::Intermediate(a) => (Some(Profile::Intermediate), a),
        GenProfile::Server(a) => (Some(Profile::Server), a),
        GenProfile::Client(a) => (Some(Profile::Client), a),
        GenProfile::Csr(a) => (None, a),
        GenProfile::Sign(a) => {
            let kind = match a.sign_as {
                SignAs::Server => Profile::Server,
                SignAs::Client => Profile::Client,
                SignAs::Intermediate => Profile::Intermediate,
            };
            return run_sign(kind, &a, &mut rng);
        }
    };
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure(2, format!("{}: {e}", args.out.display())))?;
    let key = match &args.key_file {
        Some(path) => KeyPair::from_input_with_password(
            &read_input(Some(path))?,
            args.key_password.as_deref(),
        )?,
        None => KeyPair::generate(KeyType::parse(&args.key)?, &mut rng)?,
    };
    let Some(kind) = kind else {
        // `csr`: a request signed by the key.
        let req = generate::csr(&subject(&args, None), &sans(&args), &key)?;
        write_file(
            &args.out.join("request.csr"),
            certbench_core::input::pem("CERTIFICATE REQUEST", &req)?.as_bytes(),
        )?;
        write_key(
            &args.out.join("key.pem"),
            key_pem(&key, &args, &mut rng)?.as_bytes(),
        )?;
        println!("wrote request.csr and key.pem in {}", args.out.display());
        return Ok(0);
    };
    let request = request(kind, &args)?;
    let spki = key.public_key_info()?;
    let ca = read_ca(&args)?;
    let cert = match &ca {
        None if matches!(kind, Profile::SelfSigned | Profile::Root) => {
            generate::issue(&request, &spki, IssuedBy::Itself(&key), now(), &mut rng)?
        }
        None => {
            return Err(Failure(
                2,
                "this profile is signed by a CA: give --ca-cert and --ca-key".into(),
            ));
        }
        Some((chain, ca_key)) => generate::issue(
            &request,
            &spki,
            IssuedBy::Ca {
                cert: &chain[0],
                key: ca_key,
            },
            now(),
            &mut rng,
        )?,
    };
    write_key(
        &args.out.join("key.pem"),
        key_pem(&key, &args, &mut rng)?.as_bytes(),
    )?;
    if let Some(password) = &args.p12_password {
        let chain = ca
            .as_ref()
            .map(|(chain, _)| chain.as_slice())
            .unwrap_or_default();
        let p12 = certbench_core::pkcs12::bundle(
            &key.pkcs8_der()?,
            &cert,
            chain,
            password,
            &request.subject.common_name,
            &mut rng,
        )?;
        write_key(&args.out.join("bundle.p12"), &p12)?;
        println!("wrote bundle.p12 in {}", args.out.display());
    }
    write_issued(
        &args.out,
        &cert,
        ca.as_ref().map(|(chain, _)| chain.as_slice()),
    )
}

fn run_sign<R: getrandom::rand_core::CryptoRng>(
    kind: Profile,
    args: &GenArgs,
    rng: &mut R,
) -> Result<u8, Failure> {
    let csr_path = args
        .csr
        .as_ref()
        .ok_or_else(|| Failure(2, "give the CSR to sign with --csr".into()))?;
    let block = certbench_core::input::read_blocks(&read_input(Some(csr_path))?)?
        .into_iter()
        .next()
        .ok_or_else(|| Failure(2, "the CSR file is empty".into()))??;
    let (chain, ca_key) =
        read_ca(args)?.ok_or_else(|| Failure(2, "signing needs --ca-cert and --ca-key".into()))?;
    let mut request = request(kind, args)?;
    request.copy = args.copy_extension.clone();
    let signed = generate::sign_csr(
        &block.der,
        request,
        &chain[0],
        &ca_key,
        &generate::engine::Software::new(getrandom::rand_core::UnwrapErr(getrandom::SysRng)),
        now(),
        rng,
    )?;
    for note in &signed.ignored {
        eprintln!("certbench: not copied from the CSR: {note}");
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure(2, format!("{}: {e}", args.out.display())))?;
    write_issued(&args.out, &signed.cert, Some(&chain))
}

fn subject(args: &GenArgs, default_cn: Option<&str>) -> Subject {
    let field = |v: &Option<String>| v.clone().unwrap_or_default();
    Subject {
        common_name: args
            .cn
            .clone()
            .or(default_cn.map(str::to_string))
            .unwrap_or_default(),
        organization: field(&args.org),
        organizational_unit: field(&args.ou),
        country: field(&args.country),
        state: field(&args.state),
        locality: field(&args.locality),
    }
}

fn sans(args: &GenArgs) -> Vec<String> {
    args.san
        .iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect()
}

fn request(kind: Profile, args: &GenArgs) -> Result<Request, Failure> {
    let san = sans(args);
    let first_dns = san.iter().find_map(|s| {
        s.strip_prefix("DNS:")
            .or((!s.contains(':')).then_some(s.as_str()))
    });
    let default_days = generate::default_days(kind, now());
    let start = match &args.not_before {
        Some(text) => UnixTime::parse_rfc3339(text)?,
        None => now().plus_seconds(-300),
    };
    let mut request = Request::new(
        kind,
        subject(args, first_dns),
        san,
        start.plus_seconds(300),
        args.days.unwrap_or(default_days),
    );
    request.not_before = start;
    request.path_len = args.pathlen;
    request.permitted = args.permit.clone();
    request.excluded = args.exclude.clone();
    request.ocsp_url = args.ocsp_url.clone();
    request.ca_issuers_url = args.ca_issuers_url.clone();
    request.crl_url = args.crl_url.clone();
    request.must_staple = args.must_staple;
    Ok(request)
}

/// The CA chain (issuer first) and key from --ca-cert/--ca-key, if given.
fn read_ca(args: &GenArgs) -> Result<Option<(Vec<certbench_core::Certificate>, KeyPair)>, Failure> {
    match (&args.ca_cert, &args.ca_key) {
        (None, None) => Ok(None),
        (Some(cert), Some(key)) => {
            let chain = read_certificates(cert)?;
            if chain.is_empty() {
                return Err(Failure(2, format!("{}: no certificate", cert.display())));
            }
            Ok(Some((
                chain,
                KeyPair::from_input_with_password(
                    &read_input(Some(key))?,
                    args.ca_key_password.as_deref(),
                )?,
            )))
        }
        _ => Err(Failure(2, "give both --ca-cert and --ca-key".into())),
    }
}

/// cert.pem; with a CA also chain.pem and fullchain.pem (see [`generate::ChainFiles`]).
fn write_issued(
    out: &std::path::Path,
    cert: &certbench_core::Certificate,
    ca_chain: Option<&[certbench_core::Certificate]>,
) -> Result<u8, Failure> {
    let files = generate::chain_files(cert, ca_chain.unwrap_or_default())?;
    write_file(&out.join("cert.pem"), files.cert_pem.as_bytes())?;
    let mut written = vec!["cert.pem"];
    if ca_chain.is_some() {
        write_file(&out.join("chain.pem"), files.chain_pem.as_bytes())?;
        write_file(&out.join("fullchain.pem"), files.fullchain_pem.as_bytes())?;
        written.extend(["chain.pem", "fullchain.pem"]);
    }
    println!("wrote {} in {}", written.join(", "), out.display());
    Ok(0)
}

fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|e| Failure(2, format!("{}: {e}", path.display())))
}

/// Private keys are written readable by the owner only, as `openssl genpkey` does.
fn write_key(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
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
    decode::read_certificates(&input).map_err(|e| Failure(2, format!("{}: {e}", path.display())))
}

/// Where trust anchors come from.
enum Anchors {
    File(PathBuf),
    /// The Mozilla store built into certbench (crates/core/data/README.md).
    Mozilla,
}

/// The `verify` options that become [`Options`].
struct VerifyArgs {
    host: Option<String>,
    purpose: Option<PurposeArg>,
    at: Option<String>,
    pins: Vec<String>,
    max_intermediates: Option<usize>,
}

fn run_verify(chain: PathBuf, roots: Anchors, args: VerifyArgs, json: bool) -> Result<u8, Failure> {
    let bundle = read_certificates(&chain)?;
    let anchors = match &roots {
        Anchors::File(path) => read_certificates(path)?,
        Anchors::Mozilla => verify::mozilla_roots(),
    };
    let options = Options {
        at: time_or_now(args.at)?,
        host: args.host,
        purpose: args.purpose.map(|p| match p {
            PurposeArg::Server => Purpose::Server,
            PurposeArg::Client => Purpose::Client,
        }),
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

/// Exit 0 when no finding is an error, 1 when one is, 2 when nothing could be read.
fn run_lint(file: Option<PathBuf>, json: bool, at: Option<String>) -> Result<u8, Failure> {
    use certbench_core::decode::Report;
    use certbench_core::lint::{self, Severity};
    let input = read_input(file.as_ref())?;
    let blocks = inspect::decode(&input, time_or_now(at)?)?;
    let mut certs = Vec::new();
    let mut parameters = Vec::new();
    for block in &blocks {
        match block {
            Ok(d) => match &d.report {
                Report::Certificate(c) => certs.push((d.block, c.as_ref())),
                Report::Pkcs7(bundle) => {
                    certs.extend(bundle.certificates.iter().map(|c| (d.block, c)))
                }
                Report::Parameters(p) => parameters.push((d.block, p)),
                _ => {}
            },
            Err(e) => eprintln!("certbench: {e}"),
        }
    }
    if certs.is_empty() && parameters.is_empty() {
        return Err(Failure(2, "no certificate or parameters to lint".into()));
    }
    let bundle = lint::input(&blocks);
    if json {
        let certificates: Vec<_> = certs
            .iter()
            .map(|(block, c)| serde_json::json!({"block": block, "subject": c.subject, "findings": c.lint}))
            .collect();
        let parameters: Vec<_> = parameters
            .iter()
            .map(|(block, p)| serde_json::json!({"block": block, "algorithm": p.algorithm, "bits": p.bits, "curve": p.curve, "findings": p.lint}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "certificates": certificates,
                "bundle": bundle,
                "parameters": parameters,
            }))?
        );
    } else {
        let show = |block: usize, what: &str, findings: &[lint::Finding]| {
            println!("block {block}: {what}");
            if findings.is_empty() {
                println!("  no findings");
            }
            for f in findings {
                println!("  {:?}: {} [{}]", f.severity, f.message, f.source);
            }
        };
        for (block, c) in &certs {
            show(*block, &c.subject, &c.lint);
        }
        for (block, p) in &parameters {
            show(*block, &format!("{} parameters", p.algorithm), &p.lint);
        }
        for f in &bundle {
            println!("bundle {:?}: {} [{}]", f.severity, f.message, f.source);
        }
    }
    let errors = certs
        .iter()
        .flat_map(|(_, c)| &c.lint)
        .chain(parameters.iter().flat_map(|(_, p)| &p.lint))
        .chain(&bundle)
        .any(|f| f.severity == Severity::Error);
    Ok(u8::from(errors))
}

/// key.pem: PKCS#8, encrypted when --key-password is given.
fn key_pem<R: getrandom::rand_core::CryptoRng>(
    key: &KeyPair,
    args: &GenArgs,
    rng: &mut R,
) -> Result<String, Failure> {
    Ok(match &args.key_password {
        Some(password) => key.encrypted_pkcs8_pem(password, rng)?,
        None => key.pkcs8_pem()?,
    })
}

/// Exit 0 when the string expands, 1 when nothing matches or it is malformed.
fn run_ciphers(string: &str, json: bool) -> Result<u8, Failure> {
    let expansion = cipher::string::expand(string).map_err(|e| Failure(1, e.to_string()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&expansion)?);
    } else {
        for s in &expansion.suites {
            println!(
                "{:<31} {:<7} Kx={:<8} Au={:<5} Enc={:<22} Mac={:<6} {:?}",
                s.openssl, s.version, s.kx, s.au, s.enc, s.mac, s.rating
            );
        }
        for note in &expansion.notes {
            eprintln!("certbench: note: {note}");
        }
        eprintln!("certbench: the same with OpenSSL: {}", expansion.command);
        println!(
            "{} suites; worst: {:?}",
            expansion.suites.len(),
            expansion.rating
        );
    }
    Ok(0)
}
