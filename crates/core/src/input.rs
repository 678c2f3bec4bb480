//! The input layer: turns whatever the user pasted or dropped into DER blocks with positions.
//!
//! Accepts PEM (any number of blocks, any labels, CRLF, text around and between blocks, a
//! `-----BEGIN` in the middle of a line, or escaped into a JSON string), DER (one or several
//! concatenated SEQUENCEs), bare base64 of DER or of PEM, and base64 values inside other text
//! (a Kubernetes secret's `tls.crt:` and `tls.key:`). One broken block never hides the others:
//! each block is its own `Result`.

use crate::error::{Error, Location};
use base64ct::{Base64, Base64Url, Encoding as _};
use serde::{Deserialize, Serialize};

/// Largest input read at once: a CA's CRL of a million entries is ~42 MB, a bundle of 100,000
/// certificates ~150 MB of PEM. Past it a tab runs short of memory.
pub const MAX_INPUT_BYTES: usize = 160 * 1024 * 1024;
/// Most blocks in one input (a CA bundle has ~150; certificate inventories, tens of
/// thousands). The page shows a window of them, so the count sets only the decode's time.
pub const MAX_BLOCKS: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
/// How a block was written.
pub enum Encoding {
    /// PEM text (`-----BEGIN …-----`).
    Pem,
    /// Raw DER bytes.
    Der,
    /// Base64 of DER (or of PEM) without PEM armour.
    Base64,
    /// A JSON Web Key (RFC 7517), alone or in a JWK Set: its DER is the SubjectPublicKeyInfo
    /// (or, when the JWK is private, the PKCS#8 key) its members make.
    Jwk,
    /// An OpenSSH public key or certificate line (`authorized_keys`, `known_hosts`, `.pub`).
    Openssh,
}

/// One DER structure found in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Where the block was.
    pub at: Location,
    /// How it was written.
    pub encoding: Encoding,
    /// RFC 1421 headers (`Proc-Type`, `DEK-Info`) of legacy encrypted PEM.
    pub headers: Vec<(String, String)>,
    /// The DER it carries.
    pub der: Vec<u8>,
    /// What a block written in a format other than ASN.1 says besides its key ([`Native`]).
    pub native: Option<Box<Native>>,
}

/// A block written in a format other than ASN.1, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Native {
    /// A JSON Web Key's members ([`Encoding::Jwk`]; the block's DER is the key they make).
    Jwk(crate::jose::Members),
    /// An OpenSSH key line ([`Encoding::Openssh`]; the block's "DER" is the key's or
    /// certificate's wire blob, which is not DER).
    Ssh(crate::ssh::Line),
}

/// Splits `input` into blocks. Fails as a whole only when nothing in it can be recognised.
pub fn read_blocks(input: &[u8]) -> Result<Vec<Result<Block, Error>>, Error> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            bytes: input.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::EmptyInput);
    }
    #[cfg(feature = "jose")]
    let jwks = crate::jwk::read(input).map(jwk_blocks);
    #[cfg(not(feature = "jose"))]
    let jwks = None;
    let blocks = if let Some(blocks) = jwks {
        blocks
    } else if let Some(blocks) = ssh_lines(input) {
        blocks
    } else if find(input, b"-----BEGIN ").is_some() {
        let unescaped = unescape_json_pem(input);
        let pem = unescaped.as_deref().unwrap_or(input);
        let as_written = read_pem(pem);
        let cut_off = |blocks: &[Result<Block, Error>]| {
            blocks
                .iter()
                .filter(|b| matches!(b, Err(Error::PemUnterminated { .. })))
                .count()
        };
        // Only PEM that reads as cut off is read again with its boundaries on lines of their
        // own, so the lines errors name stay those of the input.
        let mut blocks = match relined_pem(pem).filter(|_| cut_off(&as_written) > 0) {
            Some(relined) => Some(read_pem(&relined))
                .filter(|again| cut_off(again) < cut_off(&as_written))
                .unwrap_or(as_written),
            None => as_written,
        };
        // OpenSSH key lines around the PEM (a private key pasted with its `.pub`) come after.
        blocks.extend(ssh_lines_outside_pem(pem, blocks.len()));
        blocks
    } else if let Some(blocks) = read_der(input) {
        blocks
    } else if let Some(blocks) = read_bare_base64(input) {
        blocks
    } else {
        read_embedded_base64(input).ok_or(Error::NothingRecognisable)?
    };
    if blocks.is_empty() {
        return Err(Error::NothingRecognisable);
    }
    if blocks.len() > MAX_BLOCKS {
        return Err(Error::TooManyBlocks { limit: MAX_BLOCKS });
    }
    Ok(blocks)
}

/// Why bytes are not one DER TLV: the two commonest breakages of copied data are a cut-off
/// block and junk after the structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotOneTlv {
    /// No bytes at all.
    Empty,
    /// A tag and nothing after it.
    NoLength {
        /// The tag byte.
        tag: u8,
    },
    /// BER's indefinite length, which DER forbids.
    IndefiniteLength,
    /// The length field itself is cut off.
    LengthCutOff,
    /// A length field of more bytes than any real input needs.
    LengthTooLarge {
        /// Its size in bytes.
        bytes: u8,
    },
    /// The length does not fit in memory.
    LengthOverflows,
    /// Fewer bytes than the structure says it has.
    CutOff {
        /// What the structure says.
        expected: usize,
        /// What is there.
        found: usize,
    },
    /// Bytes after the structure.
    Trailing {
        /// How many.
        extra: usize,
        /// The structure's own length.
        structure: usize,
    },
}

impl std::fmt::Display for NotOneTlv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            NotOneTlv::Empty => f.write_str("the block is empty"),
            NotOneTlv::NoLength { tag } => write!(f, "only 1 byte (tag 0x{tag:02x}) and no length"),
            NotOneTlv::IndefiniteLength => {
                f.write_str("indefinite length (BER), which DER forbids")
            }
            NotOneTlv::LengthCutOff => f.write_str("the length field is cut off"),
            NotOneTlv::LengthTooLarge { bytes } => write!(
                f,
                "a length field of {bytes} bytes is larger than any real input"
            ),
            NotOneTlv::LengthOverflows => f.write_str("the length field overflows"),
            NotOneTlv::CutOff { expected, found } => write!(
                f,
                "the data is cut off: the structure says it is {expected} bytes long but only {found} bytes are there"
            ),
            NotOneTlv::Trailing { extra, structure } => write!(
                f,
                "{extra} bytes of trailing data after the {structure}-byte structure"
            ),
        }
    }
}

/// Length in bytes of the DER TLV at the start of `der` (tag, length and contents), or why it
/// is not one.
pub fn outer_length(der: &[u8]) -> Result<usize, NotOneTlv> {
    let Some(&tag) = der.first() else {
        return Err(NotOneTlv::Empty);
    };
    let Some(&first) = der.get(1) else {
        return Err(NotOneTlv::NoLength { tag });
    };
    let (header, content) = match first {
        0x00..=0x7f => (2, usize::from(first)),
        0x80 => return Err(NotOneTlv::IndefiniteLength),
        0x81..=0x84 => {
            let n = usize::from(first & 0x7f);
            let bytes = der.get(2..2 + n).ok_or(NotOneTlv::LengthCutOff)?;
            let len = bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (2 + n, len)
        }
        _ => {
            return Err(NotOneTlv::LengthTooLarge {
                bytes: first & 0x7f,
            });
        }
    };
    header
        .checked_add(content)
        .ok_or(NotOneTlv::LengthOverflows)
}

/// Checks that `der` is exactly one TLV, saying why when it is not.
pub fn check_whole(der: &[u8]) -> Result<(), NotOneTlv> {
    let total = outer_length(der)?;
    match total.cmp(&der.len()) {
        std::cmp::Ordering::Greater => Err(NotOneTlv::CutOff {
            expected: total,
            found: der.len(),
        }),
        std::cmp::Ordering::Less => Err(NotOneTlv::Trailing {
            extra: der.len() - total,
            structure: total,
        }),
        std::cmp::Ordering::Equal => Ok(()),
    }
}

fn location(block: usize, label: Option<String>, line: Option<usize>, offset: usize) -> Location {
    Location {
        block,
        label,
        line,
        offset,
    }
}

/// Where `needle` first occurs in `haystack`. Jumps between occurrences of the needle's first
/// byte instead of comparing a window at every offset: whole bundles are searched this way,
/// and that was a visible share of a first decode in the browser.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(skip) = haystack.get(from..)?.iter().position(|&b| b == first) {
        let at = from + skip;
        if haystack[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A PEM boundary (`-----BEGIN X-----` or `-----END X-----`) somewhere in `line`.
fn boundary<'a>(line: &'a [u8], keyword: &[u8]) -> Option<&'a str> {
    // Base64 lines, nearly all of a bundle, have no `-`: skip the search for them.
    if !line.contains(&b'-') {
        return None;
    }
    let start = find(line, keyword)? + keyword.len();
    let rest = &line[start..];
    let end = find(rest, b"-----")?;
    std::str::from_utf8(&rest[..end]).ok()
}

struct OpenBlock {
    at: Location,
    headers: Vec<(String, String)>,
    /// The base64 symbols read so far: bytes, as only ASCII goes in (no UTF-8 check per line).
    body: Vec<u8>,
    /// First non-base64 line: (line number, what was wrong).
    bad: Option<(usize, String)>,
}

fn read_pem(input: &[u8]) -> Vec<Result<Block, Error>> {
    let mut blocks = Vec::new();
    let mut open: Option<OpenBlock> = None;
    let mut offset = 0;
    for (index, raw) in input.split(|&b| b == b'\n').enumerate() {
        let line_no = index + 1;
        let line_offset = offset;
        offset += raw.len() + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if let Some(current) = open.as_mut() {
            if let Some(end_label) = boundary(line, b"-----END ") {
                let Some(done) = open.take() else { continue };
                blocks.push(close_pem(done, end_label));
                continue;
            }
            if boundary(line, b"-----BEGIN ").is_none() {
                take_pem_line(current, line, line_no);
                continue;
            }
            if let Some(cut) = open.take() {
                blocks.push(Err(Error::PemUnterminated { at: cut.at }));
            }
        }
        if blocks.len() > MAX_BLOCKS {
            break;
        }
        if let Some(label) = boundary(line, b"-----BEGIN ") {
            let at = location(
                blocks.len() + 1,
                Some(label.to_string()),
                Some(line_no),
                line_offset,
            );
            open = Some(OpenBlock {
                at,
                headers: Vec::new(),
                body: Vec::new(),
                bad: None,
            });
        }
    }
    if let Some(cut) = open {
        blocks.push(Err(Error::PemUnterminated { at: cut.at }));
    }
    blocks
}

/// The bytes a standard base64 body may hold (`=` included), by table: checked for every byte
/// of every PEM line.
const BASE64_SYMBOLS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=');
        b += 1;
    }
    table
};

fn take_pem_line(block: &mut OpenBlock, line: &[u8], line_no: usize) {
    // Nearly every line is plain base64: taken as it is, without the per-character checks.
    let trimmed = line.trim_ascii();
    // (A header line has a `:`, so it never takes this path.)
    if trimmed.iter().all(|&b| BASE64_SYMBOLS[usize::from(b)]) {
        block.body.extend_from_slice(trimmed);
        return;
    }
    let text = String::from_utf8_lossy(line);
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if block.body.is_empty()
        && let Some((name, value)) = text.split_once(':')
    {
        block
            .headers
            .push((name.trim().to_string(), value.trim().to_string()));
        return;
    }
    match text
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !matches!(c, '+' | '/' | '=') && !c.is_whitespace())
    {
        Some(c) if block.bad.is_none() => {
            block.bad = Some((
                line_no,
                format!("`{}` is not a base64 character", c.escape_default()),
            ))
        }
        Some(_) => {}
        // Only base64 symbols are left once whitespace goes: ASCII.
        None => block.body.extend(
            text.chars()
                .filter(|c| !c.is_whitespace())
                .filter_map(|c| u8::try_from(c).ok()),
        ),
    }
}

fn close_pem(block: OpenBlock, end_label: &str) -> Result<Block, Error> {
    let OpenBlock {
        at,
        headers,
        body,
        bad,
    } = block;
    if at.label.as_deref() != Some(end_label) {
        return Err(Error::PemLabelMismatch {
            at,
            end_label: end_label.to_string(),
        });
    }
    if let Some((line, detail)) = bad {
        return Err(Error::PemBadBase64 { at, line, detail });
    }
    // Keys are decoded in constant time (base64ct); public material, nearly all of a bundle,
    // by a table, several times faster, accepting exactly what base64ct accepts.
    let secret = at
        .label
        .as_deref()
        .is_some_and(|l| l.contains("PRIVATE KEY"));
    let fast = (!secret).then(|| public_base64(&body)).flatten();
    let der = fast
        .map_or_else(|| decode_base64(&body), Ok)
        .map_err(|detail| Error::Der {
            at: at.clone(),
            detail,
        })?;
    Ok(Block {
        at,
        encoding: Encoding::Pem,
        headers,
        der,
        native: None,
    })
}

/// Standard padded base64 (RFC 4648 section 4) by table; `None` for anything base64ct would not
/// accept as is (bad characters or padding, non-zero leftover bits), which then goes through
/// base64ct for its answer and message.
fn public_base64(bytes: &[u8]) -> Option<Vec<u8>> {
    const INVALID: u8 = 0xff;
    const TABLE: [u8; 256] = {
        let mut table = [INVALID; 256];
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut i = 0;
        while i < 64 {
            table[alphabet[i] as usize] = i as u8;
            i += 1;
        }
        table
    };
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return None;
    }
    let data = &bytes[..bytes.len() - padding];
    let sextet = |b: u8| {
        let v = TABLE[usize::from(b)];
        (v != INVALID).then_some(u32::from(v))
    };
    // Whole groups of four symbols written into place as three bytes, then the last two or
    // three symbols before the padding.
    let (quads, rest) = data.split_at(data.len() / 4 * 4);
    let full = quads.len() / 4 * 3;
    let mut out = vec![0u8; full + rest.len().saturating_sub(1)];
    for (triple, quad) in out.chunks_exact_mut(3).zip(quads.chunks_exact(4)) {
        let mut acc = 0;
        for &b in quad {
            acc = (acc << 6) | sextet(b)?;
        }
        triple.copy_from_slice(&acc.to_be_bytes()[1..]);
    }
    let mut acc = 0;
    for &b in rest {
        acc = (acc << 6) | sextet(b)?;
    }
    // Canonical: the bits left over before the padding are zero.
    match rest.len() {
        0 => {}
        2 if acc & 0xf == 0 => out[full] = (acc >> 4) as u8,
        3 if acc & 0x3 == 0 => out[full..].copy_from_slice(&((acc >> 2) as u16).to_be_bytes()),
        _ => return None,
    }
    Some(out)
}

fn decode_base64(body: &[u8]) -> Result<Vec<u8>, String> {
    if body.is_empty() {
        return Err("the block has no base64 content".into());
    }
    let body = std::str::from_utf8(body).map_err(|_| "the block is not base64 text")?;
    Base64::decode_vec(body).map_err(|_| {
        let whole = body.trim_end_matches('=').len() / 4 * 4;
        let readable = Base64::decode_vec(&body[..whole]).map(|v| v.len()).unwrap_or(0);
        format!(
            "the base64 is cut off or malformed after {readable} bytes ({} base64 characters, not a multiple of 4 or badly padded)",
            body.len()
        )
    })
}

/// Concatenated DER SEQUENCEs, or `None` when `input` does not start like DER at all.
fn read_der(input: &[u8]) -> Option<Vec<Result<Block, Error>>> {
    if input.first() != Some(&0x30) || outer_length(input).ok()? > input.len() {
        return None;
    }
    let mut blocks = Vec::new();
    let mut offset = 0;
    while offset < input.len() && blocks.len() <= MAX_BLOCKS {
        let rest = &input[offset..];
        let at = location(blocks.len() + 1, None, None, offset);
        if rest.iter().all(|&b| b == 0 || b.is_ascii_whitespace()) {
            break;
        }
        match outer_length(rest) {
            Ok(len) if rest[0] == 0x30 && len <= rest.len() => {
                blocks.push(Ok(Block {
                    at,
                    encoding: Encoding::Der,
                    headers: Vec::new(),
                    der: rest[..len].to_vec(),
                    native: None,
                }));
                offset += len;
            }
            _ => {
                blocks.push(Err(Error::Der {
                    at,
                    detail: format!(
                        "{} bytes after the last DER structure are not DER",
                        rest.len()
                    ),
                }));
                break;
            }
        }
    }
    Some(blocks)
}

/// One base64 (standard or URL-safe) blob that decodes to something starting like DER.
/// The whole input as one base64 text (any alphabet, padded or not, line breaks allowed): the
/// DER it encodes, or the PEM (a Kubernetes secret's data field is base64 of PEM).
fn read_bare_base64(input: &[u8]) -> Option<Vec<Result<Block, Error>>> {
    let text = std::str::from_utf8(input).ok()?;
    let compact: String = text
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    decoded_blocks(&compact, 1, 0)
}

/// What one base64 text holds: PEM blocks, or one DER block numbered `block` at `offset`.
fn decoded_blocks(base64: &str, block: usize, offset: usize) -> Option<Vec<Result<Block, Error>>> {
    let bytes = Base64::decode_vec(base64)
        .or_else(|_| Base64Url::decode_vec(base64))
        .or_else(|_| base64ct::Base64Unpadded::decode_vec(base64))
        .or_else(|_| base64ct::Base64UrlUnpadded::decode_vec(base64))
        .ok()?;
    if find(&bytes, b"-----BEGIN ").is_some() {
        return Some(read_pem(&bytes)).filter(|blocks| !blocks.is_empty());
    }
    (bytes.first() == Some(&0x30)).then(|| {
        vec![Ok(Block {
            at: location(block, None, None, offset),
            encoding: Encoding::Base64,
            headers: Vec::new(),
            der: bytes,
            native: None,
        })]
    })
}

/// The blocks of a text of OpenSSH key lines (and no PEM).
#[cfg(feature = "openssh")]
fn ssh_lines(input: &[u8]) -> Option<Vec<Result<Block, Error>>> {
    match find(input, b"-----BEGIN ") {
        Some(_) => None,
        None => crate::ssh::read_lines(input).map(|lines| ssh_blocks(lines, 0)),
    }
}

#[cfg(not(feature = "openssh"))]
fn ssh_lines(_: &[u8]) -> Option<Vec<Result<Block, Error>>> {
    None
}

/// The OpenSSH key lines of a PEM text outside its blocks, numbered after its `before` blocks.
#[cfg(feature = "openssh")]
fn ssh_lines_outside_pem(pem: &[u8], before: usize) -> Vec<Result<Block, Error>> {
    // Quick refusal: most PEM has no key type in it.
    if find(pem, b"ssh-").is_none() && find(pem, b"ecdsa-").is_none() {
        return Vec::new();
    }
    // Lines inside blocks blanked out, so offsets and line numbers stay the input's.
    let mut outside = pem.to_vec();
    let mut inside = false;
    let mut start = 0;
    for line in pem.split(|&b| b == b'\n') {
        let end = start + line.len();
        let begins = boundary(line, b"-----BEGIN ").is_some();
        if inside || begins {
            outside
                .get_mut(start..end)
                .into_iter()
                .flatten()
                .for_each(|b| *b = b' ');
        }
        if begins {
            inside = true;
        }
        if boundary(line, b"-----END ").is_some() {
            inside = false;
        }
        start = end + 1;
    }
    crate::ssh::read_lines(&outside)
        .map(|lines| ssh_blocks(lines, before))
        .unwrap_or_default()
}

#[cfg(not(feature = "openssh"))]
fn ssh_lines_outside_pem(_: &[u8], _: usize) -> Vec<Result<Block, Error>> {
    Vec::new()
}

/// The blocks of OpenSSH key lines: each key or certificate one block, its blob as the DER.
#[cfg(feature = "openssh")]
fn ssh_blocks(lines: Vec<crate::ssh::LineRead>, before: usize) -> Vec<Result<Block, Error>> {
    let mut blocks = Vec::new();
    for (offset, line_no, line) in lines {
        let at = location(before + blocks.len() + 1, None, Some(line_no), offset);
        blocks.push(match line {
            Ok(mut line) => Ok(Block {
                at,
                encoding: Encoding::Openssh,
                headers: Vec::new(),
                der: std::mem::take(&mut line.blob),
                native: Some(Box::new(Native::Ssh(line))),
            }),
            Err(detail) => Err(Error::Ssh { at, detail }),
        });
        if blocks.len() > MAX_BLOCKS {
            break;
        }
    }
    blocks
}

#[cfg(feature = "jose")]
/// The blocks of a JWK or JWK Set: each key one block, each certificate of its `x5c` a base64
/// block after it.
fn jwk_blocks(keys: Vec<(usize, Result<crate::jwk::Read, String>)>) -> Vec<Result<Block, Error>> {
    let mut blocks = Vec::new();
    for (offset, key) in keys {
        let at = location(blocks.len() + 1, None, None, offset);
        match key {
            Ok(read) => {
                blocks.push(Ok(Block {
                    at,
                    encoding: Encoding::Jwk,
                    headers: Vec::new(),
                    der: read.der,
                    native: Some(Box::new(Native::Jwk(read.members))),
                }));
                for der in read.x5c {
                    blocks.push(Ok(Block {
                        at: location(blocks.len() + 1, None, None, offset),
                        encoding: Encoding::Base64,
                        headers: Vec::new(),
                        der,
                        native: None,
                    }));
                }
            }
            Err(detail) => blocks.push(Err(Error::Jwk { at, detail })),
        }
    }
    blocks
}

/// Shortest base64 value worth trying inside other text: shorter than any key or certificate.
const MIN_EMBEDDED_BASE64: usize = 64;

/// Base64 values inside other text (YAML, JSON, a config line) that decode to PEM or DER:
/// `kubectl get secret -o yaml` pasted whole gives its certificate and key.
fn read_embedded_base64(input: &[u8]) -> Option<Vec<Result<Block, Error>>> {
    let text = std::str::from_utf8(input).ok()?;
    let is_base64 = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_');
    let mut blocks: Vec<Result<Block, Error>> = Vec::new();
    let mut offset = 0;
    for token in text.split(|c: char| !is_base64(c)) {
        let at = offset;
        offset += token.len() + 1;
        if token.len() < MIN_EMBEDDED_BASE64 || blocks.len() >= MAX_BLOCKS {
            continue;
        }
        let found = decoded_blocks(token, blocks.len() + 1, at).unwrap_or_default();
        // A fingerprint or a token may decode to anything: keep only whole DER structures.
        let whole = |block: &Result<Block, Error>| match block {
            Ok(block) if block.encoding == Encoding::Base64 => check_whole(&block.der).is_ok(),
            _ => true,
        };
        for found in found.into_iter().filter(whole) {
            blocks.push(found.map(|mut block| {
                block.at.block = blocks.len() + 1;
                block
            }));
        }
    }
    (!blocks.is_empty()).then_some(blocks)
}

/// Where the PEM boundaries (`-----BEGIN X-----`, `-----END X-----`) of `text` start and end,
/// in order.
fn boundary_spans(text: &str) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = text
        .match_indices("-----BEGIN ")
        .chain(text.match_indices("-----END "))
        .filter_map(|(at, keyword)| {
            let length = keyword.len() + text[at + keyword.len()..].find("-----")? + 5;
            Some((at, at + length))
        })
        .collect();
    crate::sort::by_key(spans, |&span| span)
}

/// PEM whose line breaks were lost or changed on the way, with its boundaries put back on
/// lines of their own: a certificate pasted from a web form, an environment variable or a
/// Terraform output comes as one line (breaks turned to spaces, or gone), and old Mac files end
/// lines with a bare CR.
fn relined_pem(input: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(input)
        .ok()?
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + 64);
    let mut copied = 0;
    for (start, end) in boundary_spans(&text) {
        // `-----BEGIN A-----END B-----` overlaps: a later span starts inside the earlier one.
        if start < copied {
            continue;
        }
        out.push_str(&text[copied..start]);
        out.push('\n');
        out.push_str(&text[start..end]);
        out.push('\n');
        copied = end;
    }
    out.push_str(&text[copied..]);
    Some(out.into_bytes())
}

/// PEM escaped into a JSON string (`"-----BEGIN CERTIFICATE-----\nMIIB…"`, as Vault,
/// Terraform and cloud CLIs print it), with its line breaks put back.
fn unescape_json_pem(input: &[u8]) -> Option<Vec<u8>> {
    find(input, b"-----\\n")?;
    let text = std::str::from_utf8(input).ok()?;
    Some(
        text.replace("\\r\\n", "\n")
            .replace("\\n", "\n")
            .replace("\\/", "/")
            .into_bytes(),
    )
}

/// `der` as PEM under `label` (`CERTIFICATE`, `CERTIFICATE REQUEST`, …), LF line ends: the
/// inverse of [`read_blocks`] for one block.
pub fn pem(label: &str, der: &[u8]) -> Result<String, Error> {
    der::pem::encode_string(label, der::pem::LineEnding::LF, der)
        .map_err(|e| Error::Build(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "MAMCAQE="; // SEQUENCE { INTEGER 1 }

    /// How cloud tools hand certificates over: base64 of PEM (a Kubernetes secret's data),
    /// a whole `kubectl get secret -o yaml`, PEM escaped in a JSON string.
    #[test]
    fn reads_pem_wrapped_the_ways_tools_print_it() {
        let der = |blocks: Vec<Result<Block, Error>>| -> Vec<Vec<u8>> {
            blocks.into_iter().map(|b| b.unwrap().der).collect()
        };
        let one = Base64::decode_vec(BODY).unwrap();
        let two_blocks = format!("{}{}", pem("CERTIFICATE"), pem("PRIVATE KEY"));
        let b64 = Base64::encode_string(two_blocks.as_bytes());
        assert_eq!(
            der(read_blocks(b64.as_bytes()).unwrap()),
            [one.clone(), one.clone()]
        );
        let long_body = Base64::encode_string(&[&[0x30, 0x81, 0x60][..], &[0x05; 0x60]].concat());
        let long = format!("-----BEGIN CERTIFICATE-----\n{long_body}\n-----END CERTIFICATE-----\n");
        let yaml = format!(
            "apiVersion: v1\ndata:\n  tls.crt: {}\n  tls.key: {}\nkind: Secret\n",
            Base64::encode_string(long.as_bytes()),
            Base64::encode_string(long.replace("CERTIFICATE", "PRIVATE KEY").as_bytes())
        );
        let found = read_blocks(yaml.as_bytes()).unwrap();
        assert_eq!(found.len(), 2);
        let labels: Vec<_> = found
            .iter()
            .map(|b| b.as_ref().unwrap().at.label.clone())
            .collect();
        assert_eq!(
            labels,
            [Some("CERTIFICATE".into()), Some("PRIVATE KEY".into())]
        );
        assert_eq!(found[1].as_ref().unwrap().at.block, 2);
        let json = format!("{{\"cert\": {:?}}}", pem("CERTIFICATE"));
        assert!(json.contains("-----\\n"), "{json}");
        assert_eq!(der(read_blocks(json.as_bytes()).unwrap()), [one]);
        // A fingerprint is base64-shaped but holds no certificate.
        let fingerprint =
            "59c2c6dcfba66afaad40c191138daebb749ae5bad73c1f96f402a77a30552790 in a sentence";
        assert!(matches!(
            read_blocks(fingerprint.as_bytes()),
            Err(Error::NothingRecognisable)
        ));
    }

    fn pem(label: &str) -> String {
        format!("-----BEGIN {label}-----\n{BODY}\n-----END {label}-----\n")
    }

    /// PEM whose line breaks were lost on the way (a web form, an environment variable, a
    /// Terraform output: breaks turned to spaces or gone) or are bare CRs (old Mac files).
    #[test]
    fn reads_pem_whose_line_breaks_were_lost() {
        let one = Base64::decode_vec(BODY).unwrap();
        let long_body = Base64::encode_string(&[&[0x30, 0x81, 0x60][..], &[0x05; 0x60]].concat());
        let long_der = Base64::decode_vec(&long_body).unwrap();
        let wrapped: String = long_body
            .as_bytes()
            .chunks(64)
            .map(|line| format!("{}\n", std::str::from_utf8(line).unwrap()))
            .collect();
        let chain = format!(
            "{}-----BEGIN CERTIFICATE-----\n{wrapped}-----END CERTIFICATE-----\n",
            pem("CERTIFICATE")
        );
        for (how, text) in [
            ("spaces", chain.replace('\n', " ")),
            ("nothing", chain.replace('\n', "")),
            ("bare CR", chain.replace('\n', "\r")),
            (
                "a label on the line",
                format!("cert: {}", chain.replace('\n', " ")),
            ),
        ] {
            let blocks = read_blocks(text.as_bytes()).unwrap();
            let der: Vec<_> = blocks.into_iter().map(|b| b.unwrap().der).collect();
            assert_eq!(
                der,
                [one.clone(), long_der.clone()],
                "breaks turned to {how}"
            );
        }
        // A block that is really cut off stays an error, at its line.
        let cut = format!(
            "{}-----BEGIN CERTIFICATE-----\n{BODY}\n",
            pem("CERTIFICATE")
        );
        let blocks = read_blocks(cut.as_bytes()).unwrap();
        assert!(
            matches!(&blocks[1], Err(Error::PemUnterminated { at }) if at.line == Some(4)),
            "{blocks:?}"
        );
    }

    #[test]
    fn reads_many_pem_blocks_with_junk_and_crlf() {
        let text = format!(
            "subject=CN=x\r\n{}\r\nsome text -----BEGIN X-----\r\n{BODY}\r\n-----END X-----\r\ntrailer",
            pem("CERTIFICATE").replace('\n', "\r\n")
        );
        let blocks = read_blocks(text.as_bytes()).unwrap();
        assert_eq!(blocks.len(), 2);
        let second = blocks[1].as_ref().unwrap();
        assert_eq!(second.at.label.as_deref(), Some("X"));
        assert_eq!(second.at.line, Some(6));
        assert_eq!(second.der, [0x30, 3, 2, 1, 1]);
    }

    #[test]
    fn keeps_legacy_pem_headers() {
        let text = format!(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n{BODY}\n-----END RSA PRIVATE KEY-----\n"
        );
        let block = read_blocks(text.as_bytes()).unwrap().remove(0).unwrap();
        assert_eq!(block.headers[0], ("Proc-Type".into(), "4,ENCRYPTED".into()));
    }

    #[test]
    fn broken_block_does_not_hide_the_next() {
        let text = format!(
            "-----BEGIN CERTIFICATE-----\nMAM*AQE=\n-----END CERTIFICATE-----\n{}",
            pem("CERTIFICATE")
        );
        let blocks = read_blocks(text.as_bytes()).unwrap();
        let message = blocks[0].as_ref().unwrap_err().to_string();
        assert_eq!(
            message,
            "block 1 (`BEGIN CERTIFICATE`, line 1): line 2: `*` is not a base64 character"
        );
        assert!(blocks[1].is_ok());
    }

    #[test]
    fn names_unterminated_and_mismatched_blocks() {
        let text =
            format!("-----BEGIN A-----\n{BODY}\n-----END B-----\n-----BEGIN C-----\n{BODY}\n");
        let blocks = read_blocks(text.as_bytes()).unwrap();
        assert!(
            matches!(&blocks[0], Err(Error::PemLabelMismatch { end_label, .. }) if end_label == "B")
        );
        assert_eq!(
            blocks[1].as_ref().unwrap_err().to_string(),
            "block 2 (`BEGIN C`, line 4): no matching `-----END C-----` line; the block is cut off"
        );
    }

    #[test]
    fn says_how_far_cut_off_base64_got() {
        let text = "-----BEGIN CERTIFICATE-----\nMAMCAQEx\nMA\n-----END CERTIFICATE-----\n";
        let message = read_blocks(text.as_bytes()).unwrap()[0]
            .as_ref()
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("cut off or malformed after 6 bytes"),
            "{message}"
        );
    }

    #[test]
    fn reads_der_and_concatenated_der() {
        let blocks = read_blocks(&[0x30, 3, 2, 1, 1, 0x30, 0]).unwrap();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].as_ref().unwrap().at.offset, 5);
        let blocks = read_blocks(&[0x30, 3, 2, 1, 1, 0xff, 0xfe]).unwrap();
        assert!(
            blocks[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("2 bytes after the last DER")
        );
    }

    #[test]
    fn reads_bare_base64() {
        let blocks = read_blocks(b"  \"MAMC\nAQE=\"\n").unwrap();
        assert_eq!(blocks[0].as_ref().unwrap().encoding, Encoding::Base64);
    }

    #[test]
    fn rejects_garbage_empty_and_huge() {
        assert_eq!(read_blocks(b"hello world"), Err(Error::NothingRecognisable));
        assert_eq!(read_blocks(b" \n\t"), Err(Error::EmptyInput));
        assert!(matches!(
            read_blocks(&vec![b'A'; MAX_INPUT_BYTES + 1]),
            Err(Error::InputTooLarge { .. })
        ));
    }

    /// An inventory of 100,000 blocks is read; one more is refused with the cap in words.
    #[test]
    fn reads_up_to_the_block_cap_and_says_it_past_it() {
        let block = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
        let blocks = read_blocks(block.repeat(MAX_BLOCKS).as_bytes()).unwrap();
        assert_eq!(blocks.len(), 100_000);
        let refused = read_blocks(block.repeat(MAX_BLOCKS + 1).as_bytes()).unwrap_err();
        assert_eq!(refused, Error::TooManyBlocks { limit: MAX_BLOCKS });
        assert!(
            refused
                .to_string()
                .contains("100000 blocks, the most certbench reads at once")
        );
    }

    #[test]
    fn checks_the_outer_structure() {
        assert_eq!(check_whole(&[0x30, 3, 2, 1, 1]), Ok(()));
        let cases: [(&[u8], NotOneTlv); 5] = [
            (
                &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
                NotOneTlv::CutOff {
                    expected: 6 + 0xffff_ffff,
                    found: 6,
                },
            ),
            (&[0x30, 0x89, 1], NotOneTlv::LengthTooLarge { bytes: 9 }),
            (&[0x30, 0x80], NotOneTlv::IndefiniteLength),
            (
                &[0x30, 0, 0],
                NotOneTlv::Trailing {
                    extra: 1,
                    structure: 2,
                },
            ),
            (&[], NotOneTlv::Empty),
        ];
        for (der, problem) in cases {
            assert_eq!(check_whole(der), Err(problem), "{der:02x?}");
        }
        // Each says what is wrong in a user's words.
        assert!(NotOneTlv::IndefiniteLength.to_string().contains("BER"));
        assert!(
            NotOneTlv::LengthTooLarge { bytes: 9 }
                .to_string()
                .contains("larger than any real input")
        );
    }

    /// The table decoder accepts exactly what base64ct accepts, and gives the same bytes.
    #[test]
    fn find_agrees_with_a_window_search() {
        let naive = |h: &[u8], n: &[u8]| h.windows(n.len()).position(|w| w == n);
        let cases: [(&[u8], &[u8]); 6] = [
            (b"-----BEGIN X", b"-----BEGIN "),
            (b"---- -----BEGIN X", b"-----BEGIN "),
            (b"a-b--c---\\n-----\\n", b"-----\\n"),
            (b"abc", b"abcd"),
            (b"xx-----", b"-----"),
            (b"", b"-"),
        ];
        for (haystack, needle) in cases {
            assert_eq!(
                find(haystack, needle),
                naive(haystack, needle),
                "{haystack:?}"
            );
        }
    }

    #[test]
    fn public_base64_agrees_with_base64ct() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut cases: Vec<String> = vec![
            "".into(),
            "=".into(),
            "AA==".into(),
            "AB==".into(),
            "AAA=".into(),
            "AAB=".into(),
            "A===".into(),
            "AAAA".into(),
            "AA=A".into(),
            "A-_A".into(),
            "AAAAAA==".into(),
            "AA AA".into(),
        ];
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let good = Base64::encode_string(&bytes);
            cases.push(good.clone());
            // One character changed to anything: often invalid, sometimes still valid.
            for _ in 0..8 {
                let mut damaged = good.clone().into_bytes();
                if !damaged.is_empty() {
                    let at = (next() as usize) % damaged.len();
                    damaged[at] = next() as u8 % 128;
                }
                cases.push(String::from_utf8_lossy(&damaged).into_owned());
            }
        }
        for case in cases {
            assert_eq!(
                public_base64(case.as_bytes()),
                Base64::decode_vec(&case).ok(),
                "{case:?}"
            );
        }
    }
}
