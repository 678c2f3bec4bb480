//! The page's decode and verify workloads run natively, with OpenSSL's `x509 -text` over the
//! same bundle as the native anchor: how far wasm is from native. Prints Markdown lines for
//! docs/benchmarks.md. `cargo run --release -p certbench-bench --bin native -- BUNDLE.pem`.

use certbench_bench::workloads;
use certbench_core::UnixTime;
use certbench_core::generate::KeyType;
use std::process::{Command, Stdio};
use std::time::Instant;

const RUNS: usize = 9;

fn median_ms(mut run: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: native BUNDLE.pem")?;
    let bundle = std::fs::read(&path)?;
    let now = UnixTime(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_secs() as i64,
    );
    let mut rng = getrandom::rand_core::UnwrapErr(getrandom::SysRng);
    let full = median_ms(|| assert_eq!(workloads::decode_full(&bundle, now).ok(), Some(144)));
    let structure =
        median_ms(|| assert_eq!(workloads::decode_structure(&bundle, now).ok(), Some(144)));
    println!("| native: decode the 144-root bundle (self-signatures checked) | {full:.1} ms |");
    println!("| native: decode, structural pass only | {structure:.1} ms |");
    for (name, key_type) in [
        ("ECDSA P-256", KeyType::P256),
        ("RSA-2048", KeyType::Rsa2048),
    ] {
        let mut made = workloads::make_chains(key_type, 100, now, &mut rng)?.into_iter();
        let root = made.next().ok_or("no root")?;
        let chains: Vec<String> = made.collect();
        let t = median_ms(|| {
            let valid = chains
                .iter()
                .filter(|c| workloads::verify_chain(c.as_bytes(), root.as_bytes(), now) == Ok(true))
                .count();
            assert_eq!(valid, 100);
        });
        println!("| native: verify 100 three-link chains, {name} CAs | {t:.1} ms |");
    }
    // Revocation against a CRL of a million entries: read once, its signature checked once,
    // then each verify looks the leaf up (issue #20: under 50 ms a certificate).
    let (leaf, root, crl) = workloads::make_crl(1_000_000, now, &mut rng)?;
    let started = Instant::now();
    let crls: Vec<certbench_core::verify::Crl> = certbench_core::decode::read_crls(&crl)?
        .into_iter()
        .map(certbench_core::verify::Crl::new)
        .collect();
    let parse = started.elapsed().as_secs_f64() * 1000.0;
    let options = certbench_core::verify::Options {
        crls,
        require_revocation: true,
        ..certbench_core::verify::Options::at(now)
    };
    let started = Instant::now();
    assert!(workloads::verify_leaf(&leaf, &root, &options));
    let first = started.elapsed().as_secs_f64() * 1000.0;
    let each = median_ms(|| assert!(workloads::verify_leaf(&leaf, &root, &options)));
    let plain = certbench_core::verify::Options::at(now);
    let without = median_ms(|| assert!(workloads::verify_leaf(&leaf, &root, &plain)));
    println!(
        "| native: CRL of 1,000,000 entries ({} MB) read and indexed | {parse:.0} ms |",
        crl.len() / 1_000_000
    );
    println!(
        "| native: first verify against it (signature over the CRL checked) | {first:.0} ms |"
    );
    println!(
        "| native: each later verify of a leaf against it (both profiles) | {each:.2} ms (without a CRL: {without:.2} ms) |"
    );
    // One OpenSSL process printing `-text` for every certificate, start-up included.
    let openssl = median_ms(|| {
        let status = Command::new("sh")
            .arg("-c")
            .arg("openssl crl2pkcs7 -nocrl -certfile \"$0\" | openssl pkcs7 -print_certs -text -noout")
            .arg(&path)
            .stdout(Stdio::null())
            .status();
        assert!(status.is_ok_and(|s| s.success()), "openssl failed");
    });
    println!(
        "| native: OpenSSL `x509 -text` over the bundle (one pipeline, start-up included) | {openssl:.1} ms |"
    );
    Ok(())
}
