//! What lint's tests write DER and numbers with: one copy for the profile, CRL and weak-key
//! tests.

use crate::tlv::{SEQUENCE, encode};

/// A SEQUENCE of `parts`, each already DER.
pub(super) fn seq(parts: &[&[u8]]) -> Vec<u8> {
    encode(SEQUENCE, &parts.concat())
}

/// Bytes from hex text.
pub(super) fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap_or(0))
        .collect()
}

/// base^k as big-endian bytes (65537^k has ROCA's fingerprint).
pub(super) fn power(base: u64, k: u32) -> Vec<u8> {
    let mut n = vec![1u8];
    for _ in 0..k {
        let mut carry = 0u64;
        for b in n.iter_mut().rev() {
            let v = u64::from(*b) * base + carry;
            *b = v as u8;
            carry = v >> 8;
        }
        while carry > 0 {
            n.insert(0, carry as u8);
            carry >>= 8;
        }
    }
    n
}
