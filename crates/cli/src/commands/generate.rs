//! `certbench gen`: keys, certificates, CSRs and signed CSRs, written to a directory.

use crate::Failure;
use crate::flags::{GenArgs, GenProfile, SignAs};
use crate::io::{now, read_certificates, read_input, write_file, write_key};
use certbench_core::UnixTime;
use certbench_core::generate::{self, IssuedBy, KeyPair, KeyType, Profile, Request, Subject};

pub(crate) fn run_gen(profile: GenProfile) -> Result<u8, Failure> {
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

pub(crate) fn run_sign<R: getrandom::rand_core::CryptoRng>(
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

pub(crate) fn subject(args: &GenArgs, default_cn: Option<&str>) -> Subject {
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

pub(crate) fn sans(args: &GenArgs) -> Vec<String> {
    args.san
        .iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect()
}

pub(crate) fn request(kind: Profile, args: &GenArgs) -> Result<Request, Failure> {
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
pub(crate) fn read_ca(
    args: &GenArgs,
) -> Result<Option<(Vec<certbench_core::Certificate>, KeyPair)>, Failure> {
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
pub(crate) fn write_issued(
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

/// key.pem: PKCS#8, encrypted when --key-password is given.
pub(crate) fn key_pem<R: getrandom::rand_core::CryptoRng>(
    key: &KeyPair,
    args: &GenArgs,
    rng: &mut R,
) -> Result<String, Failure> {
    Ok(match &args.key_password {
        Some(password) => key.encrypted_pkcs8_pem(password, rng)?,
        None => key.pkcs8_pem()?,
    })
}
