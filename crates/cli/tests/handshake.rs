//! `certbench handshake`: a real `openssl s_client` session against `openssl s_server` with
//! the fixtures' chain, and `curl -v` and nmap outputs as those tools print them.
#![allow(clippy::unwrap_used)] // a test's panic is its failure

mod common;

use common::{certbench, fixtures, json, openssl_available};
use std::process::{Command, Stdio};

#[test]
fn an_openssl_s_client_session_is_read_and_explained() {
    if !openssl_available() {
        return;
    }
    let f = fixtures();
    let mut output = Vec::new();
    // A port another process holds fails the server: try a few.
    for attempt in 0..3u16 {
        let port = 20_000 + (std::process::id() % 20_000) as u16 + attempt * 7;
        let mut server = Command::new("openssl")
            .args([
                "s_server",
                "-accept",
                &port.to_string(),
                "-quiet",
                "-alpn",
                "h2",
            ])
            .arg("-cert")
            .arg(f.join("leaf.pem"))
            .arg("-key")
            .arg(f.join("leaf.key"))
            .arg("-cert_chain")
            .arg(f.join("int.pem"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..30 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            let out = Command::new("openssl")
                .args(["s_client", "-connect", &format!("127.0.0.1:{port}")])
                .args([
                    "-servername",
                    "www.example.test",
                    "-showcerts",
                    "-status",
                    "-alpn",
                    "h2",
                ])
                .stdin(Stdio::null())
                .output()
                .unwrap();
            output = [out.stdout, out.stderr].concat();
            if String::from_utf8_lossy(&output).contains("Cipher is") {
                break;
            }
        }
        let _ = server.kill();
        let _ = server.wait();
        if String::from_utf8_lossy(&output).contains("Cipher is") {
            break;
        }
    }
    let (_dir, d) = common::workdir("handshake");
    let path = d("s_client.txt");
    std::fs::write(&path, &output).unwrap();
    let out = certbench(&["handshake", &path, "--json"], None);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let h = json(&out);
    assert_eq!(h["source"], "openssl s_client");
    assert_eq!(h["protocol"]["name"], "TLS 1.3");
    assert_eq!(h["cipher"]["code"].as_str().unwrap()[..4], *"0x13");
    assert!(h["group"]["name"].as_str().is_some(), "{}", h["group"]);
    assert_eq!(h["signature_scheme"]["name"], "ecdsa_secp384r1_sha384");
    assert_eq!(h["alpn"], "h2");
    assert_eq!(h["session"], "new");
    assert!(h["ocsp"].as_str().unwrap().starts_with("none"));
    assert_eq!(h["certificates"].as_array().unwrap().len(), 2);
    assert_eq!(h["verify"][0]["code"], 20);
    assert_eq!(h["verify"][0]["depth"], 1);
    assert!(
        h["verify"][0]["meaning"]
            .as_str()
            .unwrap()
            .contains("intermediate")
    );
    // The command it shows runs as shown: the chain verifies from the same file.
    let text = certbench(&["handshake", &path], None);
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(
        shown.contains(&format!("certbench verify {path} --mozilla")),
        "{shown}"
    );
    let root = f.join("root.pem");
    let verify = certbench(
        &[
            "verify",
            &path,
            "--roots",
            root.to_str().unwrap(),
            "--host",
            "www.example.test",
        ],
        None,
    );
    assert_eq!(verify.status.code(), Some(0), "{verify:?}");
}

#[test]
fn curl_and_nmap_outputs_are_read_too() {
    let curl = b"*   Trying 93.184.215.14:443...\n* Connected to example.com (93.184.215.14) port 443\n* ALPN: curl offers h2,http/1.1\n* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS\n* ALPN: server accepted h2\n* Server certificate:\n*  subject: CN=www.example.org\n";
    let out = certbench(&["handshake", "-", "--json"], Some(curl));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let h = json(&out);
    assert_eq!(h["source"], "curl -v");
    assert_eq!(h["host"], "example.com");
    assert_eq!(h["protocol"]["name"], "TLS 1.3");
    assert_eq!(h["cipher"]["iana"], "TLS_AES_256_GCM_SHA384");
    assert_eq!(h["group"]["name"], "x25519");
    assert_eq!(h["alpn"], "h2");

    let nmap = b"Nmap scan report for example.com (93.184.215.14)\nPORT    STATE SERVICE\n443/tcp open  https\n| ssl-enum-ciphers: \n|   TLSv1.2: \n|     ciphers: \n|       TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (secp256r1) - A\n|       TLS_RSA_WITH_3DES_EDE_CBC_SHA (rsa 2048) - C\n|     compressors: \n|       NULL\n|     cipher preference: server\n|   TLSv1.3: \n|     ciphers: \n|       TLS_AKE_WITH_AES_256_GCM_SHA384 (ecdh_x25519) - A\n|     cipher preference: server\n|_  least strength: C\n";
    let out = certbench(&["handshake", "-", "--json"], Some(nmap));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let h = json(&out);
    assert_eq!(h["source"], "nmap ssl-enum-ciphers");
    let by = h["suites_by_protocol"].as_array().unwrap();
    assert_eq!(by[0][0], "TLSv1.2");
    assert_eq!(by[0][1][1]["name"], "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
    assert_eq!(by[0][1][1]["nmap_grade"], "C");
    assert_eq!(by[0][1][1]["rating"], "weak");
    assert_eq!(by[1][1][0]["rating"], "recommended");

    let out = certbench(&["handshake", "-"], Some(b"hello world\n"));
    assert_eq!(out.status.code(), Some(2));
}
