//! The command line: every command and flag, as clap parses them. The names, flags and
//! exit codes are a contract (docs/cli.md); extend them, never rename them.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// `certbench`, parsed.
#[derive(Parser)]
#[command(
    name = "certbench",
    version,
    about = "Decode, generate and verify certificates; explain TLS cipher suites."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

// Parsed once per run: the size difference between variants costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub(crate) enum Command {
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
    /// Convert keys and certificates: PEM, DER, JWK (RFC 7517) or OpenSSH public keys.
    /// Private keys come out as their public key unless --private is given.
    Convert {
        /// File to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// The format to write.
        #[arg(long, value_enum)]
        to: ConvertTo,
        /// Write private keys as private keys (a warning says so).
        #[arg(long)]
        private: bool,
        /// Write to this file instead of standard output (private output is made owner-only).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Decrypt encrypted PKCS#8 keys and open PKCS#12 files with this password.
        #[arg(long)]
        password: Option<String>,
    },
    /// The expiry calendar of a bundle's certificates: iCalendar (RFC 5545), one event at each
    /// notAfter with a reminder 30 days before.
    Calendar {
        /// File to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// Write the .ics here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Compare two inputs (certificates, CSRs, keys, chains) field by field: what changed at a
    /// renewal. Exit 0 when they say the same, 1 when they differ, 2 when one is unusable.
    Diff {
        /// The first file (`-` reads standard input).
        a: PathBuf,
        /// The second file.
        b: PathBuf,
        /// `[{"field", "a", "b"}]`, field names as decode's JSON has them.
        #[arg(long)]
        json: bool,
        /// Decrypt encrypted keys and open PKCS#12 files with this password.
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
        #[command(flatten)]
        args: VerifyFlags,
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
        /// Lint every certificate as this profile instead of the one detected: root, tls-ca,
        /// smime-ca, code-signing-ca, ca, tls-dv, tls-ov, tls-iv, tls-ev, tls-server, tls-br,
        /// ocsp-responder, smime-mailbox, smime-organization, smime-sponsored,
        /// smime-individual, code-signing, ev-code-signing, timestamping, other; modifiers after
        /// commas: precertificate, legacy, multipurpose, strict (`smime-mailbox,strict`).
        #[arg(long)]
        profile: Option<String>,
    },
    /// Run the C2SP x509-limbo path-validation suite (limbo.json) through the verifier.
    Limbo {
        path: PathBuf,
        /// Run every case under this profile (default webpki, as `verify`).
        #[arg(long, value_enum, default_value = "webpki")]
        profile: ProfileArg,
        /// The upstream harness result format instead of one line per case.
        #[arg(long)]
        json: bool,
    },
    /// OCSP (RFC 6960): build a request to send to a responder.
    Ocsp {
        #[command(subcommand)]
        action: OcspAction,
    },
    /// Explain one TLS cipher suite by IANA name or hex code.
    Cipher {
        name_or_hex: String,
        #[arg(long)]
        json: bool,
    },
    /// Explain a pasted handshake: the output of `openssl s_client -connect HOST:443
    /// [-showcerts] [-status]`, `curl -v https://HOST/` or `nmap --script ssl-enum-ciphers`.
    Handshake {
        /// File to read; `-` or nothing reads standard input.
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Write Mozilla's recommended TLS configuration for a server, as ssl-config.mozilla.org
    /// does, with its suites rated.
    TlsConfig {
        /// The server: apache, nginx, haproxy, caddy, go, traefik, lighttpd, postfix, dovecot,
        /// exim, … (an unknown one lists them all).
        #[arg(long, required_unless_present = "check")]
        server: Option<String>,
        /// modern, intermediate or old (guidelines before 6.0).
        #[arg(long, required_unless_present = "check")]
        profile: Option<String>,
        /// Instead: check a pasted nginx, Apache or HAProxy TLS block (or a cipher string;
        /// `-` reads standard input) against each profile. Exit 0 when it matches one, 1 when
        /// not.
        #[arg(long, conflicts_with_all = ["server", "profile"])]
        check: Option<PathBuf>,
        /// The guideline version (4.0-6.0); the latest by default.
        #[arg(long)]
        guidelines: Option<String>,
        /// The server's version; its latest by default.
        #[arg(long)]
        server_version: Option<String>,
        /// The OpenSSL version it is built with; OpenSSL's latest by default.
        #[arg(long)]
        openssl_version: Option<String>,
        /// Send HSTS and redirect HTTP to HTTPS, where the server can.
        #[arg(long)]
        hsts: bool,
        /// Staple OCSP responses, where the server can.
        #[arg(long)]
        ocsp: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum OcspAction {
    /// An OCSP request for --cert issued by --issuer (DER), and the commands that send it.
    Request {
        /// The certificate to ask about (PEM or DER).
        #[arg(long)]
        cert: PathBuf,
        /// Its issuer's certificate (PEM or DER).
        #[arg(long)]
        issuer: PathBuf,
        /// Where to write the request (DER); default request.der.
        #[arg(long, default_value = "request.der")]
        out: PathBuf,
        /// Leave out the nonce (responders that pre-sign answers ignore it anyway).
        #[arg(long)]
        no_nonce: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum GenProfile {
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
pub(crate) struct GenArgs {
    /// Subject common name (CN); servers default to their first DNS SAN.
    #[arg(long)]
    pub(crate) cn: Option<String>,
    /// Organization (O).
    #[arg(long)]
    pub(crate) org: Option<String>,
    /// Organizational unit (OU).
    #[arg(long)]
    pub(crate) ou: Option<String>,
    /// Country, two letters (C).
    #[arg(long)]
    pub(crate) country: Option<String>,
    /// State or province (ST).
    #[arg(long)]
    pub(crate) state: Option<String>,
    /// Locality, e.g. a city (L).
    #[arg(long)]
    pub(crate) locality: Option<String>,
    /// Comma-separated SANs: DNS:x,IP:y,email:z,URI:u.
    #[arg(long, value_delimiter = ',')]
    pub(crate) san: Vec<String>,
    /// rsa2048, rsa3072, rsa4096, p256, p384 or ed25519.
    #[arg(long, default_value = "p256")]
    pub(crate) key: String,
    /// Use this private key (PEM or DER: PKCS#8, PKCS#1, SEC1) instead of generating one.
    #[arg(long)]
    pub(crate) key_file: Option<PathBuf>,
    /// Encrypt key.pem with this password (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC); also
    /// decrypts an encrypted --key-file.
    #[arg(long)]
    pub(crate) key_password: Option<String>,
    /// Password of an encrypted --ca-key.
    #[arg(long)]
    pub(crate) ca_key_password: Option<String>,
    /// Also write bundle.p12 (key, certificate and chain) protected by this password.
    #[arg(long)]
    pub(crate) p12_password: Option<String>,
    /// Validity in days (CAs default to 10 years; leaves to the CA/B Forum maximum for today, at most 365).
    #[arg(long)]
    pub(crate) days: Option<i64>,
    /// Start of validity (RFC 3339); default five minutes ago. Past or future dates make expired
    /// or not-yet-valid certificates for testing.
    #[arg(long)]
    pub(crate) not_before: Option<String>,
    /// basicConstraints pathLenConstraint for CAs.
    #[arg(long)]
    pub(crate) pathlen: Option<u8>,
    /// Name constraints for CAs: permitted subtrees (DNS:example.com, IP:10.0.0.0/8, email:example.com).
    #[arg(long, value_delimiter = ',')]
    pub(crate) permit: Vec<String>,
    /// Name constraints for CAs: excluded subtrees.
    #[arg(long, value_delimiter = ',')]
    pub(crate) exclude: Vec<String>,
    /// Issuing CA certificate (the first certificate in the file; the rest go to chain.pem).
    #[arg(long)]
    pub(crate) ca_cert: Option<PathBuf>,
    /// Issuing CA private key.
    #[arg(long)]
    pub(crate) ca_key: Option<PathBuf>,
    /// The CSR to sign (for `sign`).
    #[arg(long)]
    pub(crate) csr: Option<PathBuf>,
    /// Profile for `sign`.
    #[arg(long = "as", value_enum, default_value = "server")]
    pub(crate) sign_as: SignAs,
    /// For `sign`: copy this extension as the CSR requests it (OID, e.g. 2.5.29.37 for
    /// extendedKeyUsage), instead of the profile's; repeatable. CA rights are never copied.
    #[arg(long = "copy-extension")]
    pub(crate) copy_extension: Vec<String>,
    #[arg(long)]
    pub(crate) ocsp_url: Option<String>,
    #[arg(long)]
    pub(crate) ca_issuers_url: Option<String>,
    #[arg(long)]
    pub(crate) crl_url: Option<String>,
    /// Add the OCSP must-staple TLS feature.
    #[arg(long)]
    pub(crate) must_staple: bool,
    /// Directory for the files.
    #[arg(long, default_value = ".")]
    pub(crate) out: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum SignAs {
    Server,
    Client,
    Intermediate,
}

/// `verify`'s options, as they become [`certbench_core::verify::Options`]
/// (`commands::verify`).
#[derive(Args)]
pub(crate) struct VerifyFlags {
    /// Host name or IP address the leaf must be valid for.
    #[arg(long)]
    pub(crate) host: Option<String>,
    /// Extended key usage the leaf must allow (`any`: no EKU check, as without the flag).
    #[arg(long, value_enum)]
    pub(crate) purpose: Option<PurposeArg>,
    /// The rules to follow: `webpki` (what browsers do) or `rfc5280` (RFC 5280 section 6
    /// alone). The verdict says when the other profile would decide differently.
    #[arg(long, value_enum, default_value = "webpki")]
    pub(crate) profile: ProfileArg,
    /// Validation time (RFC 3339); default now.
    #[arg(long)]
    pub(crate) at: Option<String>,
    /// pin-sha256 value (base64, curl's sha256//base64, or hex); repeat for backups. One must match a certificate in the path.
    #[arg(long = "pin")]
    pub(crate) pins: Vec<String>,
    /// Most intermediate CAs allowed between leaf and anchor (as `openssl verify -verify_depth`).
    #[arg(long, visible_alias = "verify-depth")]
    pub(crate) max_intermediates: Option<usize>,
    /// keyUsage bits the leaf must assert when it has the extension (digitalSignature,
    /// keyEncipherment, …); repeatable or comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub(crate) key_usage: Vec<String>,
    /// Extended key usages the leaf must allow (serverAuth, codeSigning, … or an OID);
    /// repeatable or comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub(crate) extended_key_usage: Vec<String>,
    /// The only signature algorithms the path may use (sha256WithRSAEncryption,
    /// ecdsa-with-SHA256, RSA_WITH_SHA256, … or an OID); repeatable or comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub(crate) signature_algorithm: Vec<String>,
    /// CRLs to check revocation against (PEM or DER; repeatable).
    #[arg(long = "crl")]
    pub(crate) crls: Vec<PathBuf>,
    /// An OCSP response (DER, as `openssl ocsp -respout` and curl save it); repeatable. A
    /// response signed by the issuer or its delegated responder settles a certificate's status
    /// before the CRLs.
    #[arg(long = "ocsp")]
    pub(crate) ocsp: Vec<PathBuf>,
    /// Fail when a certificate's revocation status is unknown (as `openssl verify
    /// -crl_check_all`); otherwise it is reported.
    #[arg(long)]
    pub(crate) require_revocation: bool,
    /// A certificate policy the user accepts (dotted OID; repeatable). Without any, every
    /// policy is accepted (anyPolicy).
    #[arg(long = "policy")]
    pub(crate) policies: Vec<String>,
    /// The path must be valid for at least one accepted policy (initial-explicit-policy).
    #[arg(long)]
    pub(crate) require_explicit_policy: bool,
    /// Policy mappings are not followed (initial-policy-mapping-inhibit).
    #[arg(long)]
    pub(crate) inhibit_policy_mapping: bool,
    /// anyPolicy in a certificate does not stand for every policy (initial-any-policy-inhibit).
    #[arg(long)]
    pub(crate) inhibit_any_policy: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum PurposeArg {
    Server,
    Client,
    Any,
}

impl PurposeArg {
    pub(crate) fn purpose(self) -> Option<certbench_core::verify::Purpose> {
        use certbench_core::verify::Purpose;
        match self {
            PurposeArg::Server => Some(Purpose::Server),
            PurposeArg::Client => Some(Purpose::Client),
            PurposeArg::Any => None,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ProfileArg {
    Webpki,
    Rfc5280,
}

impl From<ProfileArg> for certbench_core::verify::Profile {
    fn from(arg: ProfileArg) -> Self {
        match arg {
            ProfileArg::Webpki => certbench_core::verify::Profile::Webpki,
            ProfileArg::Rfc5280 => certbench_core::verify::Profile::Rfc5280,
        }
    }
}

/// What `certbench convert` writes.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ConvertTo {
    /// A JWK (RFC 7517), or a JWK Set for several keys; `x5c` from the input's certificates.
    Jwk,
    /// PEM.
    Pem,
    /// DER (one structure).
    Der,
    /// OpenSSH public keys (`authorized_keys` lines).
    Ssh,
}
