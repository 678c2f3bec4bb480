//! The one error type of certbench-core. Every message says what was expected and where, so the
//! UI and the CLI can show it as is.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where in the user's input something was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based block number in reading order.
    pub block: usize,
    /// PEM label (`CERTIFICATE`, …) when the block was PEM.
    pub label: Option<String>,
    /// 1-based line where the block starts (text input), if any.
    pub line: Option<usize>,
    /// Byte offset where the block starts in the input.
    pub offset: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "block {}", self.block)?;
        match (&self.label, self.line) {
            (Some(label), Some(line)) => write!(f, " (`BEGIN {label}`, line {line})"),
            (None, Some(line)) => write!(f, " (line {line})"),
            _ => write!(f, " (byte {})", self.offset),
        }
    }
}

/// Everything that can go wrong in core, by what went wrong; `error` in JSON. New variants
/// may come, so callers match with a fallback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// The input was empty or only white space.
    EmptyInput,
    /// Larger than [`crate::input::MAX_INPUT_BYTES`].
    InputTooLarge {
        /// How large it was.
        bytes: usize,
        /// The most certbench reads.
        limit: usize,
    },
    /// More blocks than [`crate::input::MAX_BLOCKS`].
    TooManyBlocks {
        /// The most certbench reads.
        limit: usize,
    },
    /// Neither PEM, DER nor base64.
    NothingRecognisable,
    /// A PEM block whose `-----END …-----` line never comes.
    PemUnterminated {
        /// Where its BEGIN line is.
        at: Location,
    },
    /// A PEM block whose END label differs from its BEGIN label.
    PemLabelMismatch {
        /// Where the block is.
        at: Location,
        /// The label its END line has.
        end_label: String,
    },
    /// A character outside the base64 alphabet inside a PEM body.
    PemBadBase64 {
        /// Where the block is.
        at: Location,
        /// The line of the bad character.
        line: usize,
        /// What is wrong.
        detail: String,
    },
    /// The block decoded to bytes that are not one whole DER structure.
    Der {
        /// Where the block is.
        at: Location,
        /// What is wrong, and at which byte.
        detail: String,
    },
    /// A JSON Web Key (or a key of a JWK Set) that cannot be read: not JSON, or members
    /// missing or malformed.
    #[cfg(feature = "jose")]
    Jwk {
        /// Where the key is (its place in the set).
        at: Location,
        /// What is wrong, and where in the text for JSON syntax.
        detail: String,
    },
    /// An OpenSSH key, certificate or private-key file that cannot be read.
    #[cfg(feature = "openssh")]
    Ssh {
        /// Where it is (its line, for a key line).
        at: Location,
        /// What is wrong, and at which byte of the key.
        detail: String,
    },
    /// The block is DER but of a kind this label or structure does not fit.
    UnsupportedKind {
        /// Where the block is.
        at: Location,
        /// What it is, and what certbench reads instead.
        detail: String,
    },
    /// A time the user typed.
    InvalidTime(String),
    /// A subject or SAN the user typed.
    InvalidName(String),
    /// A key could not be made, read or used.
    Key(String),
    /// A decryption failed its check: a wrong password, or damaged data (the two look the
    /// same); says what was being opened.
    WrongPassword(String),
    /// A PKCS#12 file is malformed or uses what certbench does not read.
    Pkcs12(String),
    /// The browser's WebCrypto refused a request or answered what certbench cannot use.
    WebCrypto(String),
    /// Mozilla's root store shipped beside the app is not the one this build expects.
    RootStore(String),
    /// A form field (or flag) holds what cannot be used; says which and why.
    Form(String),
    /// What went wrong with a named part of a request (`CSR`, `your key`, `CA certificate`).
    In {
        /// The part.
        what: String,
        /// What went wrong with it.
        cause: Box<Error>,
    },
    /// A certificate could not be built or signed.
    Build(String),
    /// A cipher suite name or code that matches nothing.
    UnknownCipher {
        /// What was typed.
        query: String,
        /// The closest names, best first.
        suggestions: Vec<String>,
    },
    /// A cipher string that selects no suite (OpenSSL: "no cipher match").
    NoCipherMatch {
        /// The cipher string.
        rule: String,
    },
    /// A TLS configuration request names what Mozilla's guidelines do not have (a server,
    /// profile or guideline version), or a combination they cannot meet.
    #[cfg(feature = "tls-config")]
    TlsConfig {
        /// What is wrong.
        problem: String,
        /// What can be chosen instead.
        choices: Vec<String>,
    },
    /// Certificates too many for a shared link ([`crate::share::MAX_LINK_CHARS`]).
    LinkTooLong {
        /// How long the link would be.
        chars: usize,
        /// The longest link certbench makes.
        limit: usize,
    },
}

impl Error {
    /// This error, said of `what` (`CSR`, `your key`, …).
    pub fn of(self, what: impl Into<String>) -> Error {
        Error::In {
            what: what.into(),
            cause: Box::new(self),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyInput => f.write_str("the input is empty: paste PEM, base64 or drop a DER file"),
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "the input is {bytes} bytes; certbench reads at most {limit} bytes at once"
            ),
            Error::TooManyBlocks { limit } => {
                write!(f, "the input holds more than {limit} blocks, the most certbench reads at once; split it into parts of {limit} or fewer")
            }
            Error::NothingRecognisable => f.write_str(
                "nothing recognisable: expected PEM (-----BEGIN …-----), DER (binary ASN.1) or bare base64",
            ),
            Error::PemUnterminated { at } => write!(
                f,
                "{at}: no matching `-----END {}-----` line; the block is cut off",
                at.label.as_deref().unwrap_or_default()
            ),
            Error::PemLabelMismatch { at, end_label } => write!(
                f,
                "{at}: ends with `-----END {end_label}-----`; expected `-----END {}-----`",
                at.label.as_deref().unwrap_or_default()
            ),
            Error::PemBadBase64 { at, line, detail } => write!(f, "{at}: line {line}: {detail}"),
            Error::Der { at, detail } => write!(f, "{at}: {detail}"),
            Error::UnsupportedKind { at, detail } => write!(f, "{at}: {detail}"),
            #[cfg(feature = "jose")]
            Error::Jwk { at, detail } => write!(f, "{at}: {detail}"),
            #[cfg(feature = "openssh")]
            Error::Ssh { at, detail } => write!(f, "{at}: {detail}"),
            Error::InvalidTime(text) => write!(
                f,
                "`{text}` is not a time: expected RFC 3339 like 2026-11-28T10:00:00Z"
            ),
            Error::InvalidName(detail) => f.write_str(detail),
            Error::Key(detail) | Error::WrongPassword(detail) => write!(f, "key: {detail}"),
            Error::Pkcs12(detail) => write!(f, "key: PKCS#12: {detail}"),
            Error::WebCrypto(detail) => f.write_str(detail),
            Error::RootStore(detail) => write!(f, "the Mozilla root store: {detail}"),
            Error::Form(detail) => f.write_str(detail),
            Error::In { what, cause } => write!(f, "{what}: {cause}"),
            Error::Build(detail) => write!(f, "could not build the certificate: {detail}"),
            Error::UnknownCipher { query, suggestions } => {
                write!(f, "`{query}` is not a known TLS cipher suite name or code")?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", suggestions.join(", "))?;
                }
                Ok(())
            }
            Error::LinkTooLong { chars, limit } => write!(
                f,
                "too long for a link: these certificates take {chars} characters in a link, and a link holds at most {limit}; share fewer certificates, or the file itself"
            ),
            #[cfg(feature = "tls-config")]
            Error::TlsConfig { problem, choices } if choices.is_empty() => write!(f, "{problem}"),
            #[cfg(feature = "tls-config")]
            Error::TlsConfig { problem, choices } => {
                write!(f, "{problem}; choose one of: {}", choices.join(", "))
            }
            Error::NoCipherMatch { rule } => write!(
                f,
                "`{rule}` selects no cipher suite (OpenSSL says \"no cipher match\")"
            ),
        }
    }
}

impl std::error::Error for Error {}
