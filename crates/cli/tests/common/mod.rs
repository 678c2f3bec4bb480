//! What the CLI tests share: running `certbench` and `openssl`, fixtures, scratch directories.
//! OpenSSL tests skip with a message when `openssl` is missing, unless
//! CERTBENCH_REQUIRE_OPENSSL=1 (the README test command sets it and installs OpenSSL).
#![allow(dead_code, unreachable_pub)] // each test file uses some of these
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Asserts that `out` exited with `code`, showing what it printed when it did not.
pub fn exits(out: &Output, code: i32, what: impl std::fmt::Display) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What `openssl x509 -text` prints of the certificate at `path`.
pub fn openssl_text(path: &str) -> String {
    String::from_utf8_lossy(&openssl(&["x509", "-in", path, "-noout", "-text"]).stdout).into_owned()
}

/// Asserts that `text` holds every one of `parts`, naming `what` and the text when not.
pub fn assert_has(text: &str, parts: &[&str], what: impl std::fmt::Display) {
    for part in parts {
        assert!(text.contains(part), "{what}: no `{part}` in {text}");
    }
}

/// x509-limbo's cases in ../shared, when they are there (tests using them skip otherwise).
pub fn limbo_path() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/x509-limbo/limbo.json");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: {} not found", path.display());
        None
    }
}

/// `certbench limbo PATH --json` with `extra` arguments, parsed; its summary line is passed on
/// to the test's output.
pub fn limbo_results(path: &Path, extra: &[&str]) -> serde_json::Value {
    let out = certbench(
        &[&["limbo", path.to_str().unwrap(), "--json"], extra].concat(),
        None,
    );
    exits(&out, 0, "certbench limbo");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr).trim());
    json(&out)
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn certbench(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_certbench"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run certbench");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    child.wait_with_output().expect("certbench output")
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

pub fn openssl_available() -> bool {
    let found = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CERTBENCH_REQUIRE_OPENSSL").is_err(),
            "openssl is required but missing"
        );
        eprintln!("skipping: openssl not installed");
    }
    found
}

/// A new P-256 key from OpenSSL at `path`.
pub fn openssl_p256_key(path: &str) -> Output {
    openssl(&[
        "genpkey",
        "-algorithm",
        "EC",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-out",
        path,
    ])
}

pub fn openssl(args: &[&str]) -> Output {
    Command::new("openssl")
        .args(args)
        .output()
        .expect("run openssl")
}

pub fn generate_ok(args: &[&str]) -> Output {
    let out = certbench(&[&["gen"], args].concat(), None);
    exits(&out, 0, format!("gen {args:?}"));
    out
}

/// `certbench gen ARGS --ca-cert CERT --ca-key KEY --out OUT`, which must succeed.
pub fn generate_signed(args: &[&str], (cert, key): (&str, &str), out: &str) -> Output {
    generate_ok(&[args, &["--ca-cert", cert, "--ca-key", key, "--out", out]].concat())
}

pub fn assert_ok(out: Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A fresh temporary directory, removed when the test ends (passed or not).
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// A fresh temporary directory, and a maker of path strings inside it for command lines.
pub fn workdir(name: &str) -> (Scratch, impl Fn(&str) -> String) {
    let dir = temp_dir(name);
    let inside = dir.to_path_buf();
    (dir, move |file: &str| {
        inside.join(file).to_str().unwrap().to_string()
    })
}

/// [`openssl_workdir`] with a runner of `sh -c` scripts inside it (which must succeed).
#[expect(
    clippy::type_complexity,
    reason = "two closures read better at the call"
)]
pub fn openssl_shell(name: &str) -> Option<(Scratch, impl Fn(&str) -> String, impl Fn(&str))> {
    let (scratch, at) = openssl_workdir(name)?;
    let dir = scratch.to_path_buf();
    Some((scratch, at, move |script: &str| sh_in(&dir, script)))
}

/// A fresh temporary directory for a test that needs OpenSSL; `None` (the test skips) when
/// it is missing.
pub fn openssl_dir(name: &str) -> Option<Scratch> {
    openssl_available().then(|| temp_dir(name))
}

/// [`workdir`] for a test that needs OpenSSL; `None` (the test skips) when it is missing.
pub fn openssl_workdir(name: &str) -> Option<(Scratch, impl Fn(&str) -> String)> {
    openssl_available().then(|| workdir(name))
}

/// A fresh temporary directory.
pub fn temp_dir(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("certbench-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    let out = Command::new("openssl")
        .args(["base64", "-d", "-A"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(text.as_bytes())?;
            child.wait_with_output()
        });
    out.expect("openssl base64").stdout
}

/// Runs `script` with `sh -c` in `dir`; fails the test with its stderr when it fails.
pub fn sh_in(dir: &Path, script: &str) {
    let out = Command::new("sh")
        .args(["-c", script])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A P-256 root CA made by OpenSSL where `sh` runs: r.key and r.pem, with subject CN=`cn`.
pub fn openssl_root(sh: impl Fn(&str), cn: &str) {
    sh(&format!(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout r.key \
             -out r.pem -subj '/CN={cn}' -days 30 \
             -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"
    ));
}

/// A new P-256 key and a CSR for CN=`cn` made by OpenSSL where `sh` runs, as `{name}.key` and
/// `{name}.csr`.
pub fn openssl_csr(sh: impl Fn(&str), name: &str, cn: &str) {
    sh(&format!(
        "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
             -keyout {name}.key -out {name}.csr -subj '/CN={cn}'"
    ));
}

/// An OpenSSL extfile's lines for an intermediate CA.
pub const OPENSSL_CA_EXTENSIONS: &str = "basicConstraints=critical,CA:TRUE\n\
    keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

/// An OpenSSL extfile's lines for a TLS server leaf named `host`, its SKI as `ski` says
/// (`hash`, or `critical,hash` for a wrongly marked one).
pub fn openssl_leaf_extensions(host: &str, ski: &str) -> String {
    format!(
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=serverAuth\nsubjectAltName=DNS:{host}\n\
         subjectKeyIdentifier={ski}\nauthorityKeyIdentifier=keyid\n"
    )
}

/// `certbench verify CHAIN --roots ROOTS --json` with `extra` flags: its exit code and verdict.
pub fn verify_json(chain: &str, roots: &str, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let args = [&["verify", chain, "--roots", roots, "--json"][..], extra].concat();
    let out = certbench(&args, None);
    (out.status.code(), json(&out))
}
