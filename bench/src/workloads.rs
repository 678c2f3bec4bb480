//! The workloads, as plain Rust over certbench-core: the page runs them through the wasm
//! exports in `lib.rs`, `bin/native.rs` runs the same ones natively.

use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject};
use certbench_core::{Error, UnixTime, decode, inspect, verify};
use rand_core::CryptoRng;

/// How many certificates the blocks hold: what each decode returns, so no work is skipped.
pub fn certificates(blocks: &[Result<decode::Decoded, Error>]) -> u32 {
    blocks
        .iter()
        .filter(|b| matches!(b, Ok(d) if matches!(d.report, decode::Report::Certificate(_))))
        .count() as u32
}

/// Decodes `input` completely (every field, extensions, fingerprints, lint, signature checks).
pub fn decode_full(input: &[u8], now: UnixTime) -> Result<u32, Error> {
    Ok(certificates(&inspect::decode(input, now)?))
}

/// The structural pass alone, without the self-signature checks.
pub fn decode_structure(input: &[u8], now: UnixTime) -> Result<u32, Error> {
    Ok(certificates(&inspect::decode_structure(input, now)?))
}

/// Verifies `chain` (PEM, leaf first) against `roots` (PEM) with certbench's own signature code.
pub fn verify_chain(chain: &[u8], roots: &[u8], now: UnixTime) -> Result<bool, Error> {
    let bundle = decode::read_certificates(chain)?;
    let anchors = decode::read_certificates(roots)?;
    Ok(verify::verify(&bundle, &anchors, &verify::Options::at(now)).valid)
}

/// The root's PEM, then `count` chains (leaf and intermediate PEM) under it, with `key_type`
/// CA keys: the verify workload's input. Leaves share one P-256 key (the work is the CAs').
pub fn make_chains<R: CryptoRng + ?Sized>(
    key_type: KeyType,
    count: u32,
    now: UnixTime,
    rng: &mut R,
) -> Result<Vec<String>, Error> {
    let mut ca = |profile: Profile,
                  cn: &str,
                  by: Option<(&certbench_core::Certificate, &KeyPair)>| {
        let key = KeyPair::generate(key_type, rng)?;
        let mut request = Request::new(profile, Subject::common_name(cn), Vec::new(), now, 3650);
        request.path_len = (profile == Profile::Intermediate).then_some(0);
        let issuer = match by {
            Some((cert, key)) => IssuedBy::Ca { cert, key },
            None => IssuedBy::Itself(&key),
        };
        let cert = generate::issue(&request, &key.public_key_info()?, issuer, now, rng)?;
        Ok::<_, Error>((cert, key))
    };
    let (root, root_key) = ca(Profile::Root, "Bench Root", None)?;
    let (int, int_key) = ca(
        Profile::Intermediate,
        "Bench Intermediate",
        Some((&root, &root_key)),
    )?;
    let leaf_key = KeyPair::generate(KeyType::P256, rng)?;
    let mut out = vec![generate::chain_files(&root, &[])?.cert_pem];
    for n in 0..count {
        let host = format!("host{n}.bench.test");
        let request = Request::new(
            Profile::Server,
            Subject::common_name(&host),
            vec![format!("DNS:{host}")],
            now,
            90,
        );
        let by = IssuedBy::Ca {
            cert: &int,
            key: &int_key,
        };
        let leaf = generate::issue(&request, &leaf_key.public_key_info()?, by, now, rng)?;
        out.push(generate::chain_files(&leaf, std::slice::from_ref(&int))?.fullchain_pem);
    }
    Ok(out)
}

/// A root, a server certificate it issued, and a CRL of `entries` other serials signed by the
/// root (the size a big CA publishes), as (leaf, root, CRL DER).
pub fn make_crl<R: CryptoRng + ?Sized>(
    entries: u32,
    now: UnixTime,
    rng: &mut R,
) -> Result<
    (
        certbench_core::Certificate,
        certbench_core::Certificate,
        Vec<u8>,
    ),
    Error,
> {
    use der::Encode;
    use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
    use x509_cert::serial_number::SerialNumber;
    let der_error = |e: der::Error| Error::Build(e.to_string());
    let key = KeyPair::generate(KeyType::P256, rng)?;
    let request = Request::new(
        Profile::Root,
        Subject::common_name("CRL Root"),
        Vec::new(),
        now,
        3650,
    );
    let root = generate::issue(
        &request,
        &key.public_key_info()?,
        IssuedBy::Itself(&key),
        now,
        rng,
    )?;
    let leaf_key = KeyPair::generate(KeyType::P256, rng)?;
    let request = Request::new(
        Profile::Server,
        Subject::common_name("crl.bench.test"),
        vec!["DNS:crl.bench.test".into()],
        now,
        90,
    );
    let by = IssuedBy::Ca {
        cert: &root,
        key: &key,
    };
    let leaf = generate::issue(&request, &leaf_key.public_key_info()?, by, now, rng)?;
    let time = |t: UnixTime| t.to_x509().ok_or_else(|| Error::Build("time".into()));
    let revoked_at = time(now.plus_seconds(-86_400))?;
    let revoked = (0..entries)
        .map(|n| {
            let bytes = [&[0x7f][..], &n.to_be_bytes()[..]].concat();
            Ok(RevokedCert {
                serial_number: SerialNumber::<x509_cert::certificate::Rfc5280>::new(&bytes)
                    .map_err(der_error)?,
                revocation_date: revoked_at,
                crl_entry_extensions: None,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let number = x509_cert::ext::pkix::CrlNumber(der::asn1::Uint::new(&[1]).map_err(der_error)?);
    let tbs = TbsCertList {
        version: x509_cert::Version::V2,
        signature: KeyType::P256.signature_algorithm(),
        issuer: root.tbs_certificate().subject().clone(),
        this_update: revoked_at,
        next_update: Some(time(now.plus_seconds(30 * 86_400))?),
        revoked_certificates: Some(revoked),
        crl_extensions: Some(vec![x509_cert::ext::Extension {
            extn_id: const_oid::db::rfc5280::ID_CE_CRL_NUMBER,
            critical: false,
            extn_value: der::asn1::OctetString::new(number.to_der().map_err(der_error)?)
                .map_err(der_error)?,
        }]),
    };
    let signature = key.sign_message(&tbs.to_der().map_err(der_error)?)?;
    let list = CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm: KeyType::P256.signature_algorithm(),
        signature: der::asn1::BitString::from_bytes(&signature).map_err(der_error)?,
    };
    Ok((leaf, root, list.to_der().map_err(der_error)?))
}

/// Verifies `leaf` under `root` with `options` (its CRLs read once): whether it is valid.
pub fn verify_leaf(
    leaf: &certbench_core::Certificate,
    root: &certbench_core::Certificate,
    options: &verify::Options,
) -> bool {
    verify::verify(
        std::slice::from_ref(leaf),
        std::slice::from_ref(root),
        options,
    )
    .valid
}
