//! Every "With OpenSSL" command a card shows runs, as shown, on the file the card offers: one
//! fixture of every kind of block (certificate, CSR, keys plain and encrypted, public key, CRL,
//! PKCS#7, PKCS#12 and what it holds, DH, EC and DSA parameters) is saved as the page saves
//! it and read back by the real `openssl`.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use certbench_core::decode::{self, Decoded};
use certbench_core::inspect;
use common::NOW;
use std::path::Path;
use std::process::Command;

/// The password of the encrypted fixtures (tests/fixtures/make.sh).
const PASSWORD: &str = "fixture";

/// Saves `d` as the page offers it into `dir` and runs its command there.
fn run_shown_command(d: &Decoded, dir: &Path) {
    let export = d.export();
    if let Some(pem) = &export.pem_file {
        std::fs::write(dir.join(pem), d.pem().unwrap()).unwrap();
    }
    if let Some(der) = &export.der_file {
        std::fs::write(dir.join(der), &d.der).unwrap();
    }
    // The command asks for the password at a prompt; a test gives it the way scripts do.
    let command = match export.asks_password {
        true => format!("{} -passin pass:{PASSWORD}", export.command),
        false => export.command.clone(),
    };
    let out = Command::new("sh")
        .args(["-c", &command])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "`{command}` failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_command_shown_runs_on_the_file_offered() {
    if !common::openssl_present() {
        return;
    }
    let fixtures = format!("{}/../../tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("certbench-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut kinds = std::collections::BTreeSet::new();
    for name in [
        "leaf.pem",
        "leaf.der",
        "leaf.csr",
        "leaf.key",
        "leaf.sec1.key",
        "leaf.enc.key",
        "leaf.legacy-enc.key",
        "leaf.pbe-3des.key",
        "keys/rsa2048.key",
        "keys/p256.pub",
        "root.crl",
        "big.crl",
        "fullchain.p7b",
        "leaf.p12",
        "dh-1024.pem",
        "ec-with-params.key",
        "dsa.key",
        #[cfg(feature = "ocsp")]
        "leaf.ocsp-request",
        #[cfg(feature = "ocsp")]
        "leaf-good.ocsp",
        #[cfg(feature = "ocsp")]
        "unauthorized.ocsp",
    ] {
        let input = std::fs::read(format!("{fixtures}/{name}")).unwrap();
        for block in inspect::decode(&input, NOW).unwrap() {
            let d = block.unwrap_or_else(|e| panic!("{name}: {e}"));
            kinds.insert(d.file_stem().split('-').next().unwrap().to_string());
            run_shown_command(&d, &dir);
            if matches!(d.report, decode::Report::Pkcs12(_)) {
                let mut inside = inspect::open_pkcs12(&d, PASSWORD, NOW).unwrap();
                inspect::complete(&mut inside);
                let inside: Vec<Decoded> = inside.into_iter().map(Result::unwrap).collect();
                let mut names: Vec<String> = inside.iter().map(Decoded::file_stem).collect();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), 3, "key, leaf and intermediate: {names:?}");
                for d in &inside {
                    run_shown_command(d, &dir);
                }
            }
        }
    }
    // A PKCS#12 file with RC2-encrypted certificates, as OpenSSL 1.x wrote them: OpenSSL 3
    // opens it only with -legacy, which the command then says.
    let legacy = dir.join("legacy-made.p12");
    let made = Command::new("openssl")
        .args(["pkcs12", "-export", "-legacy", "-inkey"])
        .arg(format!("{fixtures}/leaf.key"))
        .arg("-in")
        .arg(format!("{fixtures}/leaf.pem"))
        .args(["-passout", &format!("pass:{PASSWORD}"), "-out"])
        .arg(&legacy)
        .output()
        .unwrap();
    if made.status.success() {
        let blocks = inspect::decode(&std::fs::read(&legacy).unwrap(), NOW).unwrap();
        let d = blocks.into_iter().next().unwrap().unwrap();
        assert!(
            d.export().command.ends_with("-legacy"),
            "{}",
            d.export().command
        );
        run_shown_command(&d, &dir);
    }
    let mut expected = vec![
        "bundle",
        "certificate",
        "crl",
        "key",
        "parameters",
        "public",
        "request",
    ];
    if cfg!(feature = "ocsp") {
        expected.insert(4, "ocsp");
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), expected);
    std::fs::remove_dir_all(&dir).ok();
}
