#!/usr/bin/env bash
# Fuzzes certbench-core with cargo fuzz (libFuzzer). Not part of the README test command.
#   bash scripts/fuzz.sh                 # every target, 10 million runs each
#   bash scripts/fuzz.sh -max_total_time=60   # the smoke run: 60 s per target
#   FUZZ_TARGETS="decode verify" bash scripts/fuzz.sh -runs=1000000
# Seeds come from tests/fixtures; crashes land in fuzz/artifacts/<target>/ and each one must
# become a regression test. The machine's stable toolchain is used with RUSTC_BOOTSTRAP=1,
# since no nightly toolchain can be installed here.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
targets=${FUZZ_TARGETS:-"input decode asn1 verify cipher pkcs12 crl ocsp lint jwk ssh"}
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-runs=10000000)
for target in $targets; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  case $target in
    cipher) printf '%s' TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 > "$corpus/seed-iana"; printf '%s' '0xC0,0x30' > "$corpus/seed-code"; printf '%s' 'ECDHE-RSA-AES256-GCM-SHA384' > "$corpus/seed-openssl"; printf '%s' 'ECDHE+AESGCM:!aNULL:-SHA1:+RSA:@STRENGTH' > "$corpus/seed-string"; printf '%s' 'ssl_ciphers HIGH:!aNULL:!MD5;' > "$corpus/seed-nginx"; printf 'ssl_protocols TLSv1.2 TLSv1.3;\nssl_ecdh_curve X25519:prime256v1;\nssl_prefer_server_ciphers off;\n' > "$corpus/seed-nginx-block"; printf 'SSLProtocol all -SSLv3\nSSLCipherSuite TLSv1.3 TLS_AES_128_GCM_SHA256\nSSLHonorCipherOrder on\n' > "$corpus/seed-apache"; printf '%s' 'SSL_CK_RC4_128_WITH_MD5' > "$corpus/seed-ssl2" ;;
    # Lint reads certificates' DER: the fixtures' certificates as DER.
    lint) for f in tests/fixtures/*.pem tests/fixtures/*.der; do
            openssl x509 -in "$f" -outform DER -out "$corpus/seed-$(basename "$f").der" 2>/dev/null \
              || openssl x509 -inform DER -in "$f" -outform DER -out "$corpus/seed-$(basename "$f").der" 2>/dev/null || true
          done ;;
    # JWKs: RFC 7517/7520's shapes, written by certbench from the fixtures' keys.
    jwk) for f in tests/fixtures/*.jwk tests/fixtures/*.jwks; do
           [ -e "$f" ] && cp "$f" "$corpus/seed-$(basename "$f")"
         done ;;
    # OpenSSH: the blobs of the fixtures' key and certificate lines, and the private-key files.
    ssh) for f in tests/fixtures/ssh/*; do
           case $f in
             *.pub) awk '{print $2}' "$f" | base64 -d > "$corpus/seed-$(basename "$f")" 2>/dev/null || true ;;
             *) sed '1d;$d' "$f" | base64 -d > "$corpus/seed-$(basename "$f")" 2>/dev/null || true ;;
           esac
         done ;;
    *) for f in tests/fixtures/*.pem tests/fixtures/*.der tests/fixtures/*.csr tests/fixtures/*.crl tests/fixtures/*.p7b tests/fixtures/*.p12 tests/fixtures/*.key tests/fixtures/*.ocsp tests/fixtures/*.ocsp-request tests/fixtures/keys/*; do
         cp "$f" "$corpus/seed-$(basename "$f")"
       done ;;
  esac
  echo "== fuzz $target ${args[*]}"
  cargo fuzz run --fuzz-dir fuzz "$target" "$corpus" -- "${args[@]}" 2>&1 | tee "fuzz/$target.log" | grep -E "^(Done|#[0-9]+ *DONE)|SUMMARY|panicked|ERROR" || true
  grep -E "Done [0-9]+ runs" "fuzz/$target.log" | tail -1
done
