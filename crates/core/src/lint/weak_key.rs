//! Weak and compromised keys, which the CA/B Forum's Baseline Requirements (§6.1.1.3) require
//! CAs to refuse: ROCA's Infineon keys, RSA moduli with small factors or with primes close
//! enough for Fermat's method, EC points off their curve, and moduli sharing a prime with
//! another key of the same input (batch GCD).

use crypto_bigint::{BoxedUint, ConcatenatingMul, Gcd, NonZero, Resize};

/// `n mod m`, for a big-endian `n` and `m` below 2^32: four bytes a step.
fn rem_small(n: &[u8], m: u32) -> u32 {
    let m = u64::from(m);
    let head = n.len() % 4;
    let r = n[..head]
        .iter()
        .fold(0u64, |r, &b| ((r << 8) | u64::from(b)) % m);
    n[head..].chunks_exact(4).fold(r, |r, word| {
        let word = u64::from(u32::from_be_bytes([word[0], word[1], word[2], word[3]]));
        ((r << 32) | word) % m
    }) as u32
}

/// `n` modulo each of `primes`: one pass over `n` for each product of primes that fits in
/// 32 bits, rather than one for each prime.
fn residues(n: &[u8], primes: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(primes.len());
    let mut start = 0;
    while start < primes.len() {
        let mut end = start;
        let mut product = 1u64;
        while end < primes.len() && product * u64::from(primes[end]) < 1 << 32 {
            product *= u64::from(primes[end]);
            end += 1;
        }
        let end = end.max(start + 1);
        let r = rem_small(n, u32::try_from(product).unwrap_or(u32::MAX));
        out.extend(primes[start..end].iter().map(|&p| r % p));
        start = end;
    }
    out
}

/// The primes below 168: ROCA's fingerprint is that a modulus is, modulo each, in the
/// subgroup 65537 generates (Nemec et al., "The Return of Coppersmith's Attack", 2017).
const ROCA_PRIMES: [u32; 38] = [
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
];

/// Whether `n mod p` is a power of 65537 modulo `p`.
fn in_subgroup(residue: u32, p: u32) -> bool {
    let g = 65537 % p;
    let mut power = 1;
    for _ in 0..p {
        if power == residue {
            return true;
        }
        power = power * g % p;
    }
    false
}

/// Whether the RSA modulus `n` (big-endian) has the fingerprint of Infineon's RSALib
/// (CVE-2017-15361): such keys can be factored.
pub(super) fn roca(n: &[u8]) -> bool {
    n.len() >= 64 && ROCA_PRIMES.iter().all(|&p| in_subgroup(rem_small(n, p), p))
}

/// The first prime below 752 that divides `n`: zlint's bound, which a properly generated
/// modulus never meets.
pub(super) fn small_factor(n: &[u8]) -> Option<u32> {
    if trim(n).len() < 8 {
        return None;
    }
    let primes: Vec<u32> = (2u32..752)
        .filter(|&p| (2..p).take_while(|d| d * d <= p).all(|d| p % d != 0))
        .collect();
    residues(n, &primes)
        .iter()
        .zip(&primes)
        .find(|(r, _)| **r == 0)
        .map(|(_, &p)| p)
}

/// 64 · 63 · 65 · 11: a square's residues modulo each of these rule out most numbers, so few
/// need a square root taken.
const SQUARE_SIEVE: u32 = 64 * 63 * 65 * 11;

/// Whether a number `x` with `x mod SQUARE_SIEVE == r` can be a square, by the residues
/// squares have modulo 64, 63, 65 and 11.
fn may_be_square(r: u32) -> bool {
    [64u32, 63, 65, 11]
        .iter()
        .all(|&m| (0..m).any(|k| k * k % m == r % m))
}

/// The rounds of Fermat's method tried: primes this close come from a broken generator
/// (Böck, "Fermat Factorization in the Wild", 2022, found keys factored in one round).
pub(super) const FERMAT_ROUNDS: u32 = 100;

/// Whether Fermat's method factors `n` within [`FERMAT_ROUNDS`] rounds: its primes are too
/// close together.
pub(super) fn fermat(n: &[u8]) -> bool {
    if n.len() < 8 || n.last().is_none_or(|b| b & 1 == 0) {
        return false;
    }
    let n = BoxedUint::from_be_slice_vartime(n);
    // a² - n stays below 2^(bits + 64) for these rounds: arithmetic modulo 2^precision is exact.
    let precision = n.bits_precision() + 64;
    let n = at(n, precision);
    let one = at(BoxedUint::one(), precision);
    let mut a = n.floor_sqrt_vartime();
    if a.wrapping_mul(&a).cmp_vartime(&n).is_lt() {
        a = a.wrapping_add(&one);
    }
    let b2 = a.wrapping_mul(&a).wrapping_sub(&n);
    // Residues kept by the step itself, so a round costs no division.
    let sieve = u64::from(SQUARE_SIEVE);
    let mut a_r = u64::from(rem_small(&a.to_be_bytes(), SQUARE_SIEVE));
    let mut b2_r = u64::from(rem_small(&b2.to_be_bytes(), SQUARE_SIEVE));
    for round in 0..u64::from(FERMAT_ROUNDS) {
        if may_be_square(b2_r as u32) {
            // This round's a and a² - n, from the first ones.
            let k = at(BoxedUint::from(round), precision);
            let a_k = a.wrapping_add(&k);
            let b2_k = a_k.wrapping_mul(&a_k).wrapping_sub(&n);
            let b = b2_k.floor_sqrt_vartime();
            if b.wrapping_mul(&b).cmp_vartime(&b2_k).is_eq() {
                // n = (a - b)(a + b): a real factorisation unless a - b is 1.
                return a_k.wrapping_sub(&b).cmp_vartime(&one).is_gt();
            }
        }
        // (a + 1)² - n = a² - n + 2a + 1.
        b2_r = (b2_r + 2 * a_r + 1) % sieve;
        a_r = (a_r + 1) % sieve;
    }
    false
}

/// Whether `point` (SEC 1 encoded) lies on `curve` (`P-256`, `P-384`, `P-521`); `None` for
/// other curves.
pub(super) fn ec_point_valid(curve: &str, point: &[u8]) -> Option<bool> {
    Some(match curve {
        "P-256" => p256::PublicKey::from_sec1_bytes(point).is_ok(),
        "P-384" => p384::PublicKey::from_sec1_bytes(point).is_ok(),
        "P-521" => p521::PublicKey::from_sec1_bytes(point).is_ok(),
        _ => return None,
    })
}

/// The most distinct moduli batch GCD takes: its cost grows with the square of their total
/// size (0.17 s for the Mozilla store's 100-odd RSA keys, measured 2026-12-07 natively on
/// this machine), so a larger set is not checked, and lint says so.
pub(super) const MOST_MODULI: usize = 300;

/// For each modulus (big-endian), whether it shares a prime with another of the list: batch
/// GCD (Heninger et al., "Mining your Ps and Qs", 2012), a product tree and a remainder tree,
/// n log² n rather than a GCD for every pair. Equal moduli (one key in two certificates) are
/// the same key, not a shared prime.
pub(super) fn shared_primes(moduli: &[&[u8]]) -> Vec<bool> {
    let mut out = vec![false; moduli.len()];
    // Distinct odd moduli, each with the positions it stands at.
    let mut distinct: Vec<(&[u8], Vec<usize>)> = Vec::new();
    for (i, n) in moduli.iter().enumerate() {
        let n = trim(n);
        if n.len() < 8 || n.last().is_none_or(|b| b & 1 == 0) {
            continue;
        }
        match distinct.iter_mut().find(|(m, _)| *m == n) {
            Some((_, at)) => at.push(i),
            None => distinct.push((n, vec![i])),
        }
    }
    if distinct.len() < 2 {
        return out;
    }
    let leaves: Vec<BoxedUint> = distinct
        .iter()
        .map(|(n, _)| BoxedUint::from_be_slice_vartime(n))
        .collect();
    // The product tree: each level the products of pairs of the one below.
    let mut levels = vec![leaves];
    while levels.last().is_some_and(|l| l.len() > 1) {
        let below = levels.last().map(Vec::as_slice).unwrap_or_default();
        let next = below
            .chunks(2)
            .map(|pair| match pair {
                [a, b] => trimmed(a.concatenating_mul(b)),
                [a] => a.clone(),
                _ => BoxedUint::one(),
            })
            .collect();
        levels.push(next);
    }
    // The remainder tree: the product modulo each node's square, down to the leaves (long
    // division on 64-bit limbs: crypto-bigint's division is made for numbers of a key's size,
    // and these reach the whole product's).
    let mut remainders: Vec<Vec<u64>> = levels
        .last()
        .map(|l| l.iter().map(limbs).collect())
        .unwrap_or_default();
    for level in levels.iter().rev().skip(1) {
        remainders = level
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let square = limbs(&node.concatenating_mul(node));
                rem_limbs(&remainders[i / 2], &square)
            })
            .collect();
    }
    let remainders: Vec<BoxedUint> = remainders.iter().map(|r| from_limbs(r)).collect();
    for (i, (remainder, leaf)) in remainders.iter().zip(&levels[0]).enumerate() {
        let Some(n) = NonZero::new(leaf.clone()).into_option() else {
            continue;
        };
        // (P mod n²) / n, then its GCD with n: above 1 when another modulus shares a prime.
        let quotient = remainder.wrapping_div_vartime(&n);
        let g = at(quotient, leaf.bits_precision()).gcd_vartime(leaf);
        if g.cmp_vartime(at(BoxedUint::one(), g.bits_precision()))
            .is_gt()
        {
            for &at in &distinct[i].1 {
                out[at] = true;
            }
        }
    }
    out
}

/// `x`'s 64-bit limbs, least significant first, without leading zero limbs.
fn limbs(x: &BoxedUint) -> Vec<u64> {
    let bytes = x.to_be_bytes();
    let mut out: Vec<u64> = bytes
        .rchunks(8)
        .map(|chunk| chunk.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
        .collect();
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// The number whose limbs (least significant first) are `limbs`.
fn from_limbs(limbs: &[u64]) -> BoxedUint {
    let bytes: Vec<u8> = limbs.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
    BoxedUint::from_be_slice_vartime(&bytes)
}

/// `u mod v` on limbs (least significant first): Knuth's algorithm D (TAOCP vol. 2, §4.3.1).
/// `v` must not be zero; an empty remainder is zero.
fn rem_limbs(u: &[u64], v: &[u64]) -> Vec<u64> {
    let top = |x: &[u64]| x.len() - x.iter().rev().take_while(|&&l| l == 0).count();
    let (u, v) = (&u[..top(u)], &v[..top(v)]);
    let n = v.len();
    if n == 0 || u.len() < n {
        return u.to_vec();
    }
    if n == 1 {
        let d = u128::from(v[0]);
        let r = u
            .iter()
            .rev()
            .fold(0u128, |r, &l| ((r << 64) | u128::from(l)) % d);
        return vec![r as u64];
    }
    // Normalise: v's top bit set.
    let shift = v[n - 1].leading_zeros();
    let shl = |x: &[u64], extra: usize| {
        let mut out = vec![0u64; x.len() + extra];
        for (i, &l) in x.iter().enumerate() {
            out[i] |= l << shift;
            if shift > 0 {
                out[i + 1] |= l >> (64 - shift);
            }
        }
        out
    };
    let vn = shl(v, 1);
    let vn = &vn[..n];
    let mut un = shl(u, 1);
    let base = 1u128 << 64;
    for j in (0..=u.len() - n).rev() {
        let numerator = (u128::from(un[j + n]) << 64) | u128::from(un[j + n - 1]);
        let mut qhat = numerator / u128::from(vn[n - 1]);
        let mut rhat = numerator % u128::from(vn[n - 1]);
        while qhat >= base
            || qhat * u128::from(vn[n - 2]) > ((rhat << 64) | u128::from(un[j + n - 2]))
        {
            qhat -= 1;
            rhat += u128::from(vn[n - 1]);
            if rhat >= base {
                break;
            }
        }
        // un[j..=j+n] -= qhat · vn (slices zipped: no bounds checks in the inner loop).
        let window = &mut un[j..=j + n];
        let (low, high) = window.split_at_mut(n);
        let mut borrow: i128 = 0;
        let mut carry: u128 = 0;
        for (digit, &d) in low.iter_mut().zip(vn) {
            let product = qhat * u128::from(d) + carry;
            carry = product >> 64;
            let t = i128::from(*digit) - i128::from(product as u64) + borrow;
            *digit = t as u64;
            borrow = t >> 64;
        }
        let t = i128::from(high[0]) - carry as i128 + borrow;
        high[0] = t as u64;
        if t < 0 {
            // qhat was one too many: add v back.
            let mut carry = 0u128;
            for (digit, &d) in low.iter_mut().zip(vn) {
                let sum = u128::from(*digit) + u128::from(d) + carry;
                *digit = sum as u64;
                carry = sum >> 64;
            }
            high[0] = high[0].wrapping_add(carry as u64);
        }
    }
    // The remainder, shifted back.
    let mut r: Vec<u64> = (0..n)
        .map(|i| {
            let high = if shift > 0 && i + 1 < un.len() {
                un[i + 1] << (64 - shift)
            } else {
                0
            };
            (un[i] >> shift) | high
        })
        .collect();
    while r.last() == Some(&0) {
        r.pop();
    }
    r
}

/// `n` without leading zero bytes.
fn trim(n: &[u8]) -> &[u8] {
    let start = n.iter().position(|&b| b != 0).unwrap_or(n.len());
    &n[start..]
}

/// `x` at the precision its value needs.
fn trimmed(x: BoxedUint) -> BoxedUint {
    let bits = x.bit_width_vartime().max(1);
    at(x, bits)
}

/// `x` at `bits` of precision, or as it is when its value needs more (never panics, unlike
/// `Resize::resize`).
fn at(x: BoxedUint, bits: u32) -> BoxedUint {
    x.clone().try_resize(bits).unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::super::test_der::{hex, power};
    use super::*;

    /// 65537^k as big-endian bytes: a number with ROCA's fingerprint.
    fn power_of_65537(k: u32) -> Vec<u8> {
        power(65537, k)
    }

    /// A 256-bit odd number (Fermat's method and batch GCD need no primes to be tested).
    const P: &str = "e4ec5e2a0fd5e36a0e3c4b2ba5b0e0bd3aa29f0bd7ea6a9bd4dd1e7f4a2c2b8b";

    fn mul(a: &[u8], b: &[u8]) -> Vec<u8> {
        let a = BoxedUint::from_be_slice_vartime(a);
        let b = BoxedUint::from_be_slice_vartime(b);
        trim(&a.concatenating_mul(&b).to_be_bytes()).to_vec()
    }

    #[test]
    fn roca_fingerprint() {
        assert!(roca(&power_of_65537(130)));
        // Products of small primes' powers are, modulo some of the primes, outside it.
        assert!(!roca(&power(3, 700)));
        assert!(!roca(&mul(&power(5, 300), &power(7, 300))));
    }

    #[test]
    fn small_factors() {
        let mut n = power_of_65537(40);
        assert_eq!(small_factor(&n), None, "65537 is prime and above 751");
        n = mul(&n, &[0x02, 0xe7]); // 743
        assert_eq!(small_factor(&n), Some(743));
    }

    #[test]
    fn close_primes_fall_to_fermat() {
        // p and p + 2k for small k: one round.
        let p = hex(P);
        let mut q = BoxedUint::from_be_slice_vartime(&p);
        q = q.wrapping_add(at(BoxedUint::from(1_000_000u32), q.bits_precision()));
        let n = mul(&p, &q.to_be_bytes());
        assert!(fermat(&n));
        // Far-apart factors do not.
        let far = mul(&p, &power_of_65537(16));
        assert!(!fermat(&far));
    }

    #[test]
    fn shared_primes_are_found_and_equal_keys_are_not() {
        let p = hex(P);
        let a = mul(&p, &power(3, 150));
        let b = mul(&p, &power(11, 90));
        let c = mul(&power(5, 100), &power(7, 80));
        let found = shared_primes(&[&a, &c, &b, &c]);
        assert_eq!(found, [true, false, true, false]);
        assert_eq!(shared_primes(&[&a]), [false]);
    }

    #[test]
    fn long_division_agrees_with_crypto_bigint() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..300 {
            let ul = 1 + (next() % 40) as usize;
            let vl = 1 + (next() % 20) as usize;
            let mut u: Vec<u64> = (0..ul).map(|_| next()).collect();
            let mut v: Vec<u64> = (0..vl).map(|_| next()).collect();
            // Edge shapes: top limbs small or all ones, which exercise qhat's correction.
            if round % 3 == 0 {
                *v.last_mut().unwrap_or(&mut 0) >>= next() % 64;
            }
            if round % 5 == 0 {
                u.iter_mut().for_each(|l| *l = u64::MAX);
            }
            if v.iter().all(|&l| l == 0) {
                v[0] = 1;
            }
            let expected = from_limbs(&u).rem_vartime(
                &NonZero::new(from_limbs(&v))
                    .into_option()
                    .unwrap_or_else(|| NonZero::new(BoxedUint::one()).unwrap()),
            );
            let ours = from_limbs(&rem_limbs(&u, &v));
            assert_eq!(limbs(&ours), limbs(&expected), "round {round}");
        }
    }

    #[test]
    fn points_on_and_off_the_curve() {
        let g = hex(
            "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
        );
        assert_eq!(ec_point_valid("P-256", &g), Some(true));
        let mut off = g.clone();
        off[64] ^= 1;
        assert_eq!(ec_point_valid("P-256", &off), Some(false));
        assert_eq!(ec_point_valid("secp256k1", &g), None);
    }
}
