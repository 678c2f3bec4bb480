//! OpenSSH key blobs, certificates, private-key files and key lines: each read as all of them,
//! then decoded, linted and converted as a line of text (the blob as a certificate line and as
//! a key line of its own type), with the CA signature checked.
#![no_main]
use certbench_core::convert::{self, Target};
use certbench_core::{inspect, ssh};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = ssh::Key::from_blob(data);
    let _ = ssh::Certificate::from_blob(data);
    // Decryption too, where bcrypt's cost is small enough to fuzz.
    if let Ok(file) = ssh::PrivateKeyFile::read(data)
        && file.rounds.is_some_and(|r| r <= 2)
    {
        let _ = file.decrypt("fuzz");
    }
    let _ = ssh::read_lines(data);
    let base64 = {
        use base64ct::Encoding as _;
        base64ct::Base64::encode_string(data)
    };
    let name = data
        .get(4..)
        .and_then(|rest| rest.get(..usize::from(*data.get(3).unwrap_or(&0))))
        .and_then(|n| std::str::from_utf8(n).ok())
        .unwrap_or("ssh-ed25519");
    let private = format!(
        "-----BEGIN OPENSSH PRIVATE KEY-----\n{base64}\n-----END OPENSSH PRIVATE KEY-----\n"
    );
    for text in [format!("{name} {base64} comment\n"), private] {
        let Ok(blocks) = inspect::decode(text.as_bytes(), certbench_core::UnixTime(1_893_456_000))
        else {
            continue;
        };
        let blocks: Vec<_> = blocks.into_iter().flatten().collect();
        for target in [Target::Jwk, Target::Pem, Target::Ssh] {
            let _ = convert::convert(&blocks, target, false);
        }
        for block in &blocks {
            let _ = block.pem();
            let _ = block.export();
        }
    }
});
