//! Certificate Transparency (RFC 6962): the SCTs a certificate carries, read; the logs that
//! signed them, known from Chrome's and Apple's log lists (data/ct-logs.tsv, made by
//! tools/ct-logs.sh); their signatures over the precertificate, checked; and Chrome's and
//! Apple's CT policies applied.

use crate::tlv::{self, SEQUENCE};
use sha2::{Digest, Sha256};

/// RFC 6962 §3.3's SCT list extension, 1.3.6.1.4.1.11129.2.4.2 (DER content of the OID).
const SCT_LIST_OID: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02];

/// One signed certificate timestamp (RFC 6962 §3.2), as the TLS encoding has it, borrowed
/// from the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sct<'a> {
    /// 0 for v1.
    pub version: u8,
    /// SHA-256 of the log's key (32 bytes).
    pub log_id: &'a [u8],
    /// Milliseconds since 1970.
    pub timestamp: u64,
    /// The SCT's extensions.
    pub extensions: &'a [u8],
    /// TLS HashAlgorithm (4: SHA-256).
    pub hash: u8,
    /// TLS SignatureAlgorithm (1: RSA, 3: ECDSA).
    pub signature_algorithm: u8,
    /// The signature (DER for ECDSA).
    pub signature: &'a [u8],
}

/// A TLS `opaque<0..2^16-1>`: its bytes and what follows.
fn opaque16(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let len = usize::from(u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]));
    let body = bytes.get(2..2 + len)?;
    Some((body, &bytes[2 + len..]))
}

/// The SCTs of a TLS-encoded `SignedCertificateTimestampList` (what the extension's OCTET
/// STRING, a TLS extension or an OCSP extension holds); `Err` is the byte offset of the first
/// part that does not read as a v1 SCT.
pub fn parse_list(list: &[u8]) -> Result<Vec<Sct<'_>>, usize> {
    let (mut rest, trailing) = opaque16(list).ok_or(0usize)?;
    if !trailing.is_empty() {
        return Err(list.len() - trailing.len());
    }
    let mut out = Vec::new();
    while !rest.is_empty() {
        let at = list.len() - rest.len();
        let (sct, next) = opaque16(rest).ok_or(at)?;
        rest = next;
        out.push(parse(sct).ok_or(at)?);
    }
    Ok(out)
}

fn parse(sct: &[u8]) -> Option<Sct<'_>> {
    let version = *sct.first()?;
    let log_id = sct.get(1..33)?;
    let timestamp = u64::from_be_bytes(sct.get(33..41)?.try_into().ok()?);
    let (extensions, rest) = opaque16(sct.get(41..)?)?;
    let (&hash, rest) = rest.split_first()?;
    let (&signature_algorithm, rest) = rest.split_first()?;
    let (signature, rest) = opaque16(rest)?;
    (version == 0 && rest.is_empty()).then_some(Sct {
        version,
        log_id,
        timestamp,
        extensions,
        hash,
        signature_algorithm,
        signature,
    })
}

/// The TBSCertificate a precertificate SCT signed: the certificate's, without the SCT list
/// extension (RFC 6962 §3.2), lengths written again. `None` when the DER is not a certificate.
pub fn precert_tbs(cert: &[u8]) -> Option<Vec<u8>> {
    let (body, _) = tlv::expect(cert, SEQUENCE)?;
    let (tbs, _) = tlv::expect(body, SEQUENCE)?;
    let mut fields = Vec::new();
    let mut rest = tbs;
    while !rest.is_empty() {
        let (tag, content, after) = tlv::element(rest)?;
        let whole = &rest[..rest.len() - after.len()];
        if tag == 0xa3 {
            let (extensions, _) = tlv::expect(content, SEQUENCE)?;
            let mut kept = Vec::new();
            let mut exts = extensions;
            while !exts.is_empty() {
                let (ext, more) = tlv::expect(exts, SEQUENCE)?;
                let (oid, _) = tlv::expect(ext, tlv::OID)?;
                if oid != SCT_LIST_OID {
                    kept.extend_from_slice(&exts[..exts.len() - more.len()]);
                }
                exts = more;
            }
            fields.extend(tlv::encode(0xa3, &tlv::encode(SEQUENCE, &kept)));
        } else {
            fields.extend_from_slice(whole);
        }
        rest = after;
    }
    Some(tlv::encode(SEQUENCE, &fields))
}

/// What a precertificate SCT's signature covers (RFC 6962 §3.2 `digitally-signed struct`):
/// version, signature type, timestamp, entry type `precert_entry`, the issuer's key hash, the
/// TBS (a 3-byte length), the SCT's extensions.
pub fn precert_signed_data(sct: &Sct<'_>, issuer_spki: &[u8], tbs: &[u8]) -> Vec<u8> {
    let mut out = vec![sct.version, 0];
    out.extend_from_slice(&sct.timestamp.to_be_bytes());
    out.extend_from_slice(&[0, 1]);
    out.extend_from_slice(&Sha256::digest(issuer_spki));
    let len = tbs.len();
    out.extend_from_slice(&[(len >> 16) as u8, (len >> 8) as u8, len as u8]);
    out.extend_from_slice(tbs);
    out.extend_from_slice(
        &u16::try_from(sct.extensions.len())
            .unwrap_or(u16::MAX)
            .to_be_bytes(),
    );
    out.extend_from_slice(sct.extensions);
    out
}

/// One log of the lists, as data/ct-logs.tsv has it.
#[cfg(feature = "ct")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Log {
    /// Base64 of the log id.
    pub log_id: String,
    /// Base64 of the log's SubjectPublicKeyInfo.
    pub key: String,
    /// Who runs it.
    pub operator: String,
    /// Its name (`Google 'Xenon2026h1' log`).
    pub description: String,
    /// Its state in Chrome's list (`usable`, `qualified`, `readonly`, `retired`, `rejected`,
    /// `pending`), empty when Chrome does not list it.
    pub chrome: String,
    /// Since when, RFC 3339.
    pub chrome_since: String,
    /// Its state in Apple's list, empty when Apple does not list it.
    pub apple: String,
    /// Since when.
    pub apple_since: String,
}

/// The logs of data/ct-logs.tsv, and the lists' versions (its header).
#[cfg(feature = "ct")]
pub fn logs() -> &'static [Log] {
    static LOGS: std::sync::OnceLock<Vec<Log>> = std::sync::OnceLock::new();
    LOGS.get_or_init(|| {
        include_str!("../data/ct-logs.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                Some(Log {
                    log_id: f.first()?.to_string(),
                    key: f.get(1)?.to_string(),
                    operator: f.get(2)?.to_string(),
                    description: f.get(3)?.to_string(),
                    chrome: f.get(4)?.to_string(),
                    chrome_since: f.get(5)?.to_string(),
                    apple: f.get(6)?.to_string(),
                    apple_since: f.get(7)?.to_string(),
                })
            })
            .collect()
    })
}

/// The list versions data/ct-logs.tsv was made from, as its header says them.
#[cfg(feature = "ct")]
pub fn list_versions() -> String {
    let header = include_str!("../data/ct-logs.tsv");
    let after = |marker: &str, end: char| {
        header
            .split(marker)
            .nth(1)
            .and_then(|rest| rest.split(end).next())
            .unwrap_or("?")
            .trim()
            .to_string()
    };
    format!(
        "Chrome's log list {}, Apple's {}",
        after("Chrome's list version ", ';')
            .replace('(', "of ")
            .replace(')', ""),
        after("Apple's list\n# version ", ' ')
    )
}

/// The log with this id (base64).
#[cfg(feature = "ct")]
pub fn log(log_id: &str) -> Option<&'static Log> {
    logs().iter().find(|l| l.log_id == log_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_reads_and_says_where_it_breaks() {
        let sct = |ts: u8| {
            let mut s = vec![0u8];
            s.extend([7u8; 32]);
            s.extend([0, 0, 0, 0, 0, 0, 0, ts]);
            s.extend([0, 0, 4, 3, 0, 2, 0xaa, 0xbb]);
            s
        };
        let mut body = Vec::new();
        for ts in [1, 2] {
            let s = sct(ts);
            body.extend((s.len() as u16).to_be_bytes());
            body.extend(s);
        }
        let mut list = (body.len() as u16).to_be_bytes().to_vec();
        list.extend(&body);
        let scts = parse_list(&list).unwrap();
        assert_eq!(scts.len(), 2);
        assert_eq!(
            (scts[1].timestamp, scts[1].hash, scts[1].signature_algorithm),
            (2, 4, 3)
        );
        assert_eq!(scts[1].signature, [0xaa, 0xbb]);
        let mut cut = list.clone();
        cut.truncate(list.len() - 1);
        cut[1] -= 1;
        assert_eq!(parse_list(&cut), Err(53));
    }
}
