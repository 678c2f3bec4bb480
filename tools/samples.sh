#!/usr/bin/env bash
# Makes the samples gallery's certificates (crates/core/data/samples/): one realistic case per
# mistake users ship, with fixed dates far in the past or future so each stays what it claims.
# Uses the certbench CLI, and OpenSSL for what certbench refuses to make (SHA-1, RSA-1024).
#   bash tools/samples.sh        (then review the diff and commit it)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release -p certbench-cli
cb=$PWD/target/release/certbench
out=$PWD/crates/core/data/samples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out"
cd "$work"
# CAs valid 2000 to 2164; leaves 2020 to 2120 unless the case is about dates.
ca_time=(--not-before 2000-01-01T00:00:00Z --days 60000)
leaf_time=(--not-before 2020-01-01T00:00:00Z --days 36500)
gen() { local dir=$1; shift; "$cb" gen "$@" --out "$dir" >/dev/null; }

gen root root --cn "certbench Sample Root" --org "certbench samples" "${ca_time[@]}"
gen int intermediate --cn "certbench Sample Intermediate" --org "certbench samples" --pathlen 0 \
  --ca-cert root/cert.pem --ca-key root/key.pem "${ca_time[@]}"
gen other root --cn "Some Other Root" --org "someone else" "${ca_time[@]}"
leaf() { local dir=$1; shift; gen "$dir" "$@" --ca-cert int/cert.pem --ca-key int/key.pem; }

leaf valid server --san DNS:www.example.test "${leaf_time[@]}"
leaf expired server --san DNS:www.example.test --not-before 2001-01-01T00:00:00Z --days 90
leaf future server --san DNS:www.example.test --not-before 2120-01-01T00:00:00Z --days 90
leaf wildcard server --san 'DNS:*.example.test' "${leaf_time[@]}"
leaf client client --cn "alice" --san email:alice@example.test "${leaf_time[@]}"
gen selfsigned selfsigned --cn www.example.test --san DNS:www.example.test "${leaf_time[@]}"
# pathlen 0 on the intermediate, yet a second intermediate under it.
gen int2 intermediate --cn "certbench Sample Sub-Intermediate" --ca-cert int/cert.pem --ca-key int/key.pem "${ca_time[@]}"
gen deep server --san DNS:www.example.test --ca-cert int2/cert.pem --ca-key int2/key.pem "${leaf_time[@]}"
# An intermediate limited to example.test that signs for another domain.
gen limited intermediate --cn "certbench Sample Constrained CA" --permit DNS:example.test \
  --ca-cert root/cert.pem --ca-key root/key.pem "${ca_time[@]}"
gen outside server --san DNS:www.elsewhere.test --ca-cert limited/cert.pem --ca-key limited/key.pem "${leaf_time[@]}"
# SHA-1 and RSA-1024, which certbench will not make: OpenSSL, 100 years from today.
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:www.example.test\n' > leaf.cnf
openssl ecparam -name prime256v1 -genkey -noout -out sha1.key 2>/dev/null
openssl req -new -key sha1.key -subj /CN=www.example.test -out sha1.csr
openssl x509 -req -in sha1.csr -CA int/cert.pem -CAkey int/key.pem -CAcreateserial -sha1 -days 36500 \
  -extfile leaf.cnf -out sha1.pem 2>/dev/null
# A server certificate that says CA:TRUE (what `openssl req -x509` does by default).
mkdir ca-leaf
sed 's/CA:FALSE/CA:TRUE/' leaf.cnf > ca-leaf.cnf
openssl x509 -req -in sha1.csr -CA int/cert.pem -CAkey int/key.pem -CAcreateserial -sha256 -days 36500 \
  -extfile ca-leaf.cnf -out ca-leaf/cert.pem 2>/dev/null
openssl genrsa -out rsa1024.key 1024 2>/dev/null
openssl req -new -key rsa1024.key -subj /CN=www.example.test -out rsa1024.csr
openssl x509 -req -in rsa1024.csr -CA int/cert.pem -CAkey int/key.pem -CAcreateserial -sha256 -days 36500 \
  -extfile leaf.cnf -out rsa1024.pem 2>/dev/null

cp root/cert.pem "$out/root.pem"
cp other/cert.pem "$out/other-root.pem"
cp int/cert.pem "$out/intermediate.pem"
for name in valid expired future wildcard client ca-leaf; do cp "$name/cert.pem" "$out/$name.pem"; done
cp selfsigned/cert.pem "$out/self-signed.pem"
cat deep/cert.pem int2/cert.pem > "$out/too-deep.pem"
cat outside/cert.pem limited/cert.pem > "$out/outside-constraints.pem"
cp sha1.pem "$out/sha1.pem"
cp rsa1024.pem "$out/rsa1024.pem"
ls "$out"
