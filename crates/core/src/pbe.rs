//! What a password-protected file may ask of the page: a file names its own key-derivation
//! cost, and the derivation runs before the password is known to be right, so a crafted
//! encrypted key or PKCS#12 file could otherwise stall the tab for minutes on any password.

use crate::error::Error;
use pkcs5::EncryptionScheme;
use pkcs5::pbes2::Kdf;

/// Most iterations a file may ask for (PBKDF2 and the PKCS#12 derivation): far above what tools
/// write (OpenSSL 2,048; certbench 100,000; OWASP's 600,000 for PBKDF2-SHA256), low enough
/// that a derivation ends in seconds.
pub const MAX_ITERATIONS: u32 = 5_000_000;

/// Most memory scrypt may ask for (128 · N · r bytes): 256 MiB, 16 times OpenSSL's default.
pub const MAX_SCRYPT_BYTES: u64 = 256 << 20;

/// Most scrypt work (N · r · p): 32 times OpenSSL's default (N 2^14, r 8, p 1).
const MAX_SCRYPT_WORK: u64 = 1 << 22;

/// Refuses an iteration count beyond [`MAX_ITERATIONS`].
pub fn check_iterations(iterations: u32) -> Result<(), Error> {
    if iterations > MAX_ITERATIONS {
        return Err(Error::Key(format!(
            "the file asks for {iterations} key-derivation iterations; certbench runs at most {MAX_ITERATIONS} (real tools use 2,048 to 600,000)"
        )));
    }
    Ok(())
}

/// Refuses a PBES2 scheme whose key derivation would cost more than the limits above.
pub fn check_scheme(scheme: &EncryptionScheme) -> Result<(), Error> {
    match scheme.pbes2().map(|p| &p.kdf) {
        Some(Kdf::Pbkdf2(params)) => check_iterations(params.iteration_count),
        Some(Kdf::Scrypt(params)) => {
            let (n, r, p) = (
                params.cost_parameter,
                u64::from(params.block_size),
                u64::from(params.parallelization),
            );
            let bytes = n.saturating_mul(r).saturating_mul(128);
            let work = n.saturating_mul(r).saturating_mul(p);
            if bytes > MAX_SCRYPT_BYTES || work > MAX_SCRYPT_WORK {
                return Err(Error::Key(format!(
                    "the file asks scrypt for N={n}, r={r}, p={p}: more memory or time than certbench gives a key derivation (at most {} MiB)",
                    MAX_SCRYPT_BYTES >> 20
                )));
            }
            Ok(())
        }
        // PBES1 schemes and KDFs the crate does not know are refused by the decryption itself.
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_costs_pass_and_crafted_ones_are_refused() {
        assert!(check_iterations(2048).is_ok());
        assert!(check_iterations(MAX_ITERATIONS).is_ok());
        assert!(check_iterations(u32::MAX).is_err());
        let pbkdf2 = |n| {
            pkcs5::pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(n, &[1u8; 16], [0u8; 16])
                .map(EncryptionScheme::from)
                .unwrap()
        };
        assert!(check_scheme(&pbkdf2(100_000)).is_ok());
        assert!(check_scheme(&pbkdf2(50_000_000)).is_err());
        let scrypt = |log_n, r, p| {
            let params = pkcs5::scrypt::Params::new(log_n, r, p).unwrap();
            pkcs5::pbes2::Parameters::generate_scrypt_aes256cbc(params, &[1u8; 16], [0u8; 16])
                .map(EncryptionScheme::from)
                .unwrap()
        };
        assert!(check_scheme(&scrypt(14, 8, 1)).is_ok(), "OpenSSL's default");
        assert!(check_scheme(&scrypt(24, 8, 1)).is_err(), "2 GiB");
        assert!(
            check_scheme(&scrypt(14, 8, 64)).is_err(),
            "64 times the work"
        );
    }
}
