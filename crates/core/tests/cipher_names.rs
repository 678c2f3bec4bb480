//! Every stack's names for cipher suites (cipher/names.tsv, tools/gen-cipher-names.py) and the
//! codes outside the IANA registry (cipher/nonstandard.tsv), checked against each other and,
//! where installed, against the live `openssl ciphers`, `gnutls-cli -l` and the JDK.
#![cfg(feature = "tls-names")]
#![allow(clippy::unwrap_used)] // a test's panic is its failure

use certbench_core::cipher;
use std::process::Command;

#[test]
fn every_named_code_is_a_suite_certbench_explains() {
    let names = cipher::stack_names();
    assert!(names.len() > 1000, "{} names", names.len());
    for n in names {
        let suite = cipher::by_code(n.code)
            .unwrap_or_else(|| panic!("{} {} names 0x{:04X}, unknown", n.stack, n.name, n.code));
        let e = cipher::explain_registered(suite);
        assert!(
            !e.kx.is_empty() || e.rating == cipher::Rating::Signalling,
            "{}",
            n.name
        );
    }
    for stack in cipher::STACKS {
        assert!(
            names.iter().any(|n| n.stack == stack && n.current),
            "no current names for {stack}"
        );
    }
}

#[test]
fn every_name_resolves_to_its_code() {
    for n in cipher::stack_names() {
        let found = cipher::find(n.name).unwrap_or_else(|e| panic!("{}: {e}", n.name));
        // A name reused for another code (rare) resolves as today's stacks mean it.
        let reused = cipher::stack_names()
            .iter()
            .any(|m| m.name.eq_ignore_ascii_case(n.name) && m.code == found.code && m.current);
        assert!(
            found.code == n.code || reused,
            "{} ({}) resolved to 0x{:04X}, not 0x{:04X}",
            n.name,
            n.stack,
            found.code,
            n.code
        );
    }
}

#[test]
fn names_people_paste_from_each_stack() {
    for (name, code, stack) in [
        ("SSL_RSA_WITH_3DES_EDE_CBC_SHA", 0x000A, "java"),
        ("TLS_DHE_DSS_ARCFOUR_128_SHA1", 0x0066, "gnutls"),
        ("AEAD-AES256-GCM-SHA384", 0x1302, "libressl"),
        ("TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256", 0xC02F, "mbedtls"),
        ("TLS1-3-AES-128-GCM-SHA256", 0x1301, "mbedtls"),
        (
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA_P384",
            0xC014,
            "schannel",
        ),
        ("DH-RSA-AES128-SHA", 0x0031, "openssl"),
        ("ECDH-ECDSA-AES128-SHA", 0xC004, "openssl"),
        ("EXP1024-DES-CBC-SHA", 0x0062, "openssl"),
        ("KRB5-DES-CBC3-SHA", 0x001F, "openssl"),
        ("EDH-RSA-DES-CBC3-SHA", 0x0016, "openssl"),
        ("SSL_RSA_FIPS_WITH_3DES_EDE_CBC_SHA", 0xFEFF, "nss"),
        ("CECPQ1-ECDSA-AES256-GCM-SHA384", 0x16BA, "boringssl"),
        ("GOST2012256-GOST89-GOST89", 0xFF85, "libressl"),
        ("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", 0xCCA8, "go"),
    ] {
        let e = cipher::explain(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(e.code, cipher::code_text(code), "{name}");
        assert!(
            e.all_names
                .iter()
                .any(|n| n.stack == stack && n.name == name),
            "{name} not among {stack}'s names: {:?}",
            e.all_names
        );
    }
    let e = cipher::explain("0xC0,0x2F").unwrap();
    assert_eq!(
        e.names.get("java"),
        Some("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
    );
    assert_eq!(e.names.get("openssl"), Some("ECDHE-RSA-AES128-GCM-SHA256"));
    assert_eq!(
        e.names.get("gnutls"),
        Some("TLS_ECDHE_RSA_AES_128_GCM_SHA256")
    );
    assert_eq!(
        e.names.get("mbedtls"),
        Some("TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256")
    );
    for stack in cipher::STACKS {
        assert!(
            e.supported_by.contains(&stack),
            "{stack}: {:?}",
            e.supported_by
        );
    }
    // Java prints the SSL_ name, and accepts the TLS_ one.
    let e = cipher::explain("0x000A").unwrap();
    assert_eq!(e.names.get("java"), Some("SSL_RSA_WITH_3DES_EDE_CBC_SHA"));
}

#[test]
fn codes_outside_the_registry_are_marked_with_their_history() {
    let codes: Vec<u16> = [0xCC13, 0xCC14, 0xCC15, 0x0080, 0x0081, 0x0082, 0x0083]
        .into_iter()
        .chain(0x0060..=0x0066)
        .chain(0xFF00..=0xFF03)
        .chain([0xFF85, 0xFF87])
        .chain(0x16B7..=0x16BA)
        .chain([0xFEFE, 0xFEFF, 0xFFE0, 0xFFE1])
        .collect();
    for code in codes {
        let e = cipher::explain(&cipher::code_text(code))
            .unwrap_or_else(|e| panic!("0x{code:04X}: {e}"));
        assert!(!e.standard, "0x{code:04X}");
        assert!(
            e.history.as_deref().is_some_and(|h| h.len() > 40),
            "0x{code:04X}"
        );
        assert!(
            e.rating >= cipher::Rating::Weak,
            "0x{code:04X}: {:?}",
            e.rating
        );
    }
    // A registered suite is standard and has no history.
    let e = cipher::explain("0xCCA8").unwrap();
    assert!(e.standard && e.history.is_none());
    // SSL 2.0's three-byte specs.
    for (query, code) in [
        ("0x07,0x00,0xC0", "0x07,0x00,0xC0"),
        ("SSL_CK_RC4_128_WITH_MD5", "0x01,0x00,0x80"),
        ("DES-CBC3-MD5", "0x07,0x00,0xC0"),
    ] {
        let e = cipher::explain(query).unwrap();
        assert_eq!((e.code.as_str(), e.versions[0].as_str()), (code, "SSL 2.0"));
        assert_eq!(e.rating, cipher::Rating::Insecure);
    }
    // RC4-MD5 is also SSL 3.0's 0x00,0x04: the TLS suite wins.
    assert_eq!(cipher::explain("RC4-MD5").unwrap().code, "0x00,0x04");
}

#[test]
fn lists_of_other_stacks_names_expand_in_order() {
    let x = cipher::string::expand(
        "SSL_RSA_WITH_3DES_EDE_CBC_SHA, TLS-ECDHE-RSA-WITH-AES-128-GCM-SHA256",
    )
    .unwrap();
    let codes: Vec<&str> = x.suites.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["0x00,0x0A", "0xC0,0x2F"]);
}

/// Every suite the local OpenSSL lists is in the table under the name it prints.
#[test]
fn the_local_openssl_prints_the_names_the_table_has() {
    let Ok(out) = Command::new("openssl")
        .args(["ciphers", "-V", "ALL:COMPLEMENTOFALL:@SECLEVEL=0"])
        .output()
    else {
        eprintln!("skipping: openssl not installed");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut checked = 0;
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let (Some(code), Some("-"), Some(name)) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let code = cipher::parse_code(code).unwrap();
        assert!(
            cipher::stack_names()
                .iter()
                .any(|n| n.stack == "openssl" && n.code == code && n.name == name),
            "openssl prints {name} for 0x{code:04X}; the table does not have it"
        );
        checked += 1;
    }
    assert!(checked >= 60, "only {checked} suites from openssl");
}

/// Where GnuTLS 3.7's command line is installed (the release the table's GnuTLS names come
/// from: tools/cipher-names/gnutls-3.7.txt), its listing agrees with the table.
#[test]
fn the_local_gnutls_prints_the_names_the_table_has() {
    let Ok(version) = Command::new("gnutls-cli").arg("--version").output() else {
        eprintln!("skipping: gnutls-cli not installed");
        return;
    };
    if !String::from_utf8_lossy(&version.stdout).contains("gnutls-cli 3.7.") {
        eprintln!(
            "skipping: the table's GnuTLS names are 3.7's, this gnutls-cli is another release"
        );
        return;
    }
    let out = Command::new("gnutls-cli").arg("-l").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut checked = 0;
    for line in text.lines().filter(|l| l.starts_with("TLS_")) {
        let mut words = line.split_whitespace();
        let (Some(name), Some(hi), Some(lo)) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let Some(code) = cipher::parse_code(&format!("{hi}{lo}")) else {
            continue;
        };
        assert!(
            cipher::find(name).is_ok_and(|s| s.code == code),
            "gnutls-cli lists {name} as 0x{code:04X}"
        );
        assert!(
            cipher::stack_names()
                .iter()
                .any(|n| n.stack == "gnutls" && n.code == code && n.name == name),
            "{name} is not among the table's GnuTLS names"
        );
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} suites from gnutls-cli");
}

/// Where OpenJDK 17 is installed (the release the table's Java names come from:
/// tools/cipher-names/java-17.tsv), the JDK's own suite table agrees with it.
#[test]
fn the_local_jdk_lists_the_names_the_table_has() {
    let Ok(version) = Command::new("java").arg("-version").output() else {
        eprintln!("skipping: java not installed");
        return;
    };
    if !String::from_utf8_lossy(&version.stderr).contains("version \"17.") {
        eprintln!(
            "skipping: the table's Java names are OpenJDK 17's, this java is another release"
        );
        return;
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new("java")
        .args(["--add-opens", "java.base/sun.security.ssl=ALL-UNNAMED"])
        .arg(root.join("tools/cipher-names/JavaSuites.java"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let committed = std::fs::read_to_string(root.join("tools/cipher-names/java-17.tsv")).unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut checked = 0;
    for line in text.lines() {
        assert!(
            committed.lines().any(|c| c == line),
            "the JDK lists `{line}`; java-17.tsv does not"
        );
        let fields: Vec<&str> = line.split('\t').collect();
        let code = cipher::parse_code(fields[0]).unwrap();
        assert!(
            cipher::stack_names()
                .iter()
                .any(|n| n.stack == "java" && n.code == code && n.name == fields[1]),
            "{line}"
        );
        checked += 1;
    }
    assert!(checked >= 300, "only {checked} suites from the JDK");
}
