//! Inspect: an input as the Decode tab and `certbench decode` show it — every block decoded
//! ([`crate::decode`]), its public-key work done ([`crate::decode::crypto`]) and every report
//! judged ([`crate::lint`]). The one place those layers meet, so decode never calls lint: a
//! report's `lint` is filled here, and filled again whenever a fact or a neighbour changes it.

use crate::decode::{self, Decoded, Report, crypto};
use crate::error::Error;
use crate::lint;
use crate::time::UnixTime;

/// What an input gives: each block decoded, or why it could not be.
pub type Blocks = Vec<Result<Decoded, Error>>;

/// Decodes and judges every block of `input`, signatures checked and keys linked; `now` drives
/// validity status.
pub fn decode(input: &[u8], now: UnixTime) -> Result<Blocks, Error> {
    let mut blocks = decode_structure(input, now)?;
    complete(&mut blocks);
    Ok(blocks)
}

/// Decodes and judges every block of `input` without public-key arithmetic: signature checks
/// and keys derived from private ones stay pending until [`apply`]. What the web app's
/// first-paint module can afford.
pub fn decode_structure(input: &[u8], now: UnixTime) -> Result<Blocks, Error> {
    let mut blocks = decode::structure(input, now)?;
    judge(&mut blocks);
    Ok(blocks)
}

/// Puts the answers to `tasks` into the reports they belong to ([`crypto::record`]) and judges
/// again the certificates whose findings they change (being self-signed is one).
pub fn apply(
    blocks: &mut [Result<Decoded, Error>],
    tasks: &[crypto::Task],
    facts: &[crypto::Fact],
) {
    crypto::record(blocks, tasks, facts);
    // In block order, as `crypto::tasks` lists them: a bundle of thousands of self-signed
    // certificates looks each up by halves, not one by one. An OpenSSH certificate's findings
    // depend on its signature too.
    let judged_by_signature = |task: &&crypto::Task| match task {
        crypto::Task::SelfSignature { .. } => true,
        #[cfg(feature = "openssh")]
        crypto::Task::SshSignature { .. } => true,
        _ => false,
    };
    let changed: Vec<(usize, Option<usize>)> = tasks
        .iter()
        .filter(judged_by_signature)
        .map(|task| (task.target().block, task.target().item))
        .collect();
    for decoded in blocks.iter_mut().flatten() {
        if changed
            .binary_search(&(decoded.block, decoded.item))
            .is_ok()
        {
            judge_alone(decoded);
        }
    }
    by_position(blocks.iter_mut().flatten());
}

/// Every public-key task of `blocks` done here, at once.
pub fn complete(blocks: &mut [Result<Decoded, Error>]) {
    let tasks = crypto::tasks(blocks);
    let facts = crypto::perform(&tasks);
    apply(blocks, &tasks, &facts);
}

/// The keys and certificates inside a PKCS#12 block, opened with `password`, judged; without
/// public-key arithmetic, like [`decode_structure`]: finish with [`complete`] (or the page's
/// WebCrypto and [`apply`]), then [`relate`].
pub fn open_pkcs12(p12: &Decoded, password: &str, now: UnixTime) -> Result<Blocks, Error> {
    let mut items = decode::pkcs12_items(p12, password, now)?;
    judge(&mut items);
    Ok(items)
}

/// Decrypts an encrypted private key (encrypted PKCS#8 or legacy encrypted PEM) with
/// `password` and decodes what it holds, reported under the encrypted block's number, label
/// and line.
pub fn decrypt_private_key(
    encrypted: &Decoded,
    password: &str,
    now: UnixTime,
) -> Result<Decoded, Error> {
    let plain = decode::decrypted_key(decode(&decode::decrypt_key(encrypted, password)?, now)?)?;
    Ok(Decoded {
        block: encrypted.block,
        item: encrypted.item,
        label: encrypted.label.clone(),
        line: encrypted.line,
        ..plain
    })
}

/// What the blocks of one input say about each other, redone when a block changes (a key
/// decrypted, a PKCS#12 file opened): private keys linked to the certificates that carry them,
/// and each certificate's findings corrected by its place among the others.
pub fn relate<'a>(blocks: impl IntoIterator<Item = &'a mut Decoded>) {
    let mut blocks: Vec<&mut Decoded> = blocks.into_iter().collect();
    decode::link_keys(blocks.iter_mut().map(|d| &mut **d));
    by_position(blocks);
}

/// Every report of `blocks` judged, alone and then by position.
fn judge(blocks: &mut [Result<Decoded, Error>]) {
    for decoded in blocks.iter_mut().flatten() {
        judge_alone(decoded);
    }
    by_position(blocks.iter_mut().flatten());
}

/// The findings of each report in `decoded` taken by itself.
fn judge_alone(decoded: &mut Decoded) {
    match &mut decoded.report {
        Report::Certificate(c) => judge_certificate(c),
        Report::Pkcs7(bundle) => bundle.certificates.iter_mut().for_each(judge_certificate),
        Report::Parameters(p) => p.lint = lint::parameters(p),
        #[cfg(feature = "jose")]
        Report::Jwk(j) => j.lint = lint::jwk(j),
        #[cfg(feature = "openssh")]
        Report::SshPublicKey(k) | Report::SshPrivateKey(k) => k.lint = lint::ssh_key(k),
        #[cfg(feature = "openssh")]
        Report::SshCertificate(c) => c.lint = lint::ssh_certificate(c),
        #[cfg(all(feature = "ca-lint", feature = "ocsp"))]
        Report::OcspResponse(r) => r.lint = lint::ocsp_response(r),
        #[cfg(feature = "ca-lint")]
        Report::Crl(c) => c.lint = lint::crl_in(c, &decoded.der),
        #[cfg(not(feature = "ca-lint"))]
        Report::Crl(c) => c.lint = lint::crl(c),
        _ => {}
    }
}

/// A certificate's findings, by the profile detected.
fn judge_certificate(c: &mut crate::decode::CertificateReport) {
    #[cfg(feature = "ca-lint")]
    lint::judge(c, None);
    #[cfg(not(feature = "ca-lint"))]
    lint::judge(c);
}

/// Certificates' findings corrected by where they sit among the others ([`lint::by_position`]).
fn by_position<'a>(blocks: impl IntoIterator<Item = &'a mut Decoded>) {
    let mut certs = Vec::new();
    for decoded in blocks {
        match &mut decoded.report {
            Report::Certificate(c) => certs.push(c.as_mut()),
            Report::Pkcs7(bundle) => certs.extend(bundle.certificates.iter_mut()),
            _ => {}
        }
    }
    lint::by_position(&mut certs);
}
