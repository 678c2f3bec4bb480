//! OpenSSL 3.0's internal cipher list after its preference rules, with each suite's strength
//! and flags, as certbench ships it: `openssl-order.tsv` beside this file, made by
//! tools/gen-openssl-order.py from the real CLI and committed, read once on first use.

use super::registry::{code, rows};
use super::string::{FIPS, HIGH, LOW, MEDIUM, NOT_DEFAULT, OpensslSuite};
use std::sync::LazyLock;

/// Every row of the table: TLS 1.3 suites first, then TLS 1.2 and below in OpenSSL's order.
static ROWS: LazyLock<Vec<OpensslSuite>> = LazyLock::new(|| {
    rows(include_str!("openssl-order.tsv"))
        .filter_map(|f| {
            Some(OpensslSuite {
                code: code(f.first()?)?,
                min_version: f.get(1)?,
                strength_bits: f.get(2)?.parse().ok()?,
                flags: f.get(3)?.split(' ').map(flag).fold(0, |all, one| all | one),
            })
        })
        .collect()
});

/// OpenSSL's internal cipher list after its preference rules, TLS 1.2 and below.
pub(super) static ORDER: LazyLock<Vec<&'static OpensslSuite>> =
    LazyLock::new(|| ROWS.iter().filter(|s| s.min_version != "TLSv1.3").collect());

/// TLS 1.3 suites `openssl ciphers` lists first, whatever the string (the default
/// -ciphersuites), in its order.
pub(super) static TLS13_DEFAULT: LazyLock<Vec<u16>> = LazyLock::new(|| {
    ROWS.iter()
        .filter(|s| s.min_version == "TLSv1.3")
        .map(|s| s.code)
        .collect()
});

/// A flag by the name the table writes.
fn flag(name: &str) -> u8 {
    match name {
        "HIGH" => HIGH,
        "MEDIUM" => MEDIUM,
        "LOW" => LOW,
        "FIPS" => FIPS,
        "NOT_DEFAULT" => NOT_DEFAULT,
        _ => 0,
    }
}
