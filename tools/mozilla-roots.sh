#!/usr/bin/env bash
# Refreshes crates/core/data/: the Mozilla root store as Debian ships it (readable PEM) and the
# concatenated DER certbench embeds (smaller in the wasm: unexpired roots, signatures dropped). Run on Debian with ca-certificates.
set -euo pipefail
cd "$(dirname "$0")/../crates/core/data"
cp /etc/ssl/certs/ca-certificates.crt mozilla-roots.pem
# The embedded DER leaves out roots already expired today: certbench checks an anchor's validity,
# so they could never anchor a valid path (and a current Mozilla store no longer has them).
python3 - <<'PY'
import base64, re, subprocess

def tlv(der, at):
    """(header length, content length) of the DER element at `at`."""
    first = der[at + 1]
    if first < 0x80:
        return 2, first
    n = first & 0x7F
    return 2 + n, int.from_bytes(der[at + 2:at + 2 + n], "big")

def encode(tag, content):
    n = len(content)
    if n < 0x80:
        return bytes([tag, n]) + content
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(size)]) + size + content

def without_signature(cert):
    """The certificate with an empty signature BIT STRING. A trust anchor's own signature is never
    checked (RFC 5280 section 6.1.1 (d): an anchor is a name and a key), and the signatures are
    a third of the store's bytes and do not compress."""
    head, _ = tlv(cert, 0)
    tbs_head, tbs_len = tlv(cert, head)
    alg_at = head + tbs_head + tbs_len
    alg_head, alg_len = tlv(cert, alg_at)
    kept = cert[head:alg_at + alg_head + alg_len]
    return encode(0x30, kept + bytes([0x03, 0x01, 0x00]))
pem = open("mozilla-roots.pem").read()
blocks = re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", pem, re.S)
kept = []
for block in blocks:
    if subprocess.run(["openssl", "x509", "-noout", "-checkend", "0"], input=block.encode(), capture_output=True).returncode == 0:
        body = block.split("-----")[2]
        kept.append(without_signature(base64.b64decode("".join(body.split()))))
open("mozilla-roots.der", "wb").write(b"".join(kept))
print(f"{len(blocks)} roots in the PEM, {len(kept)} unexpired embedded")
PY
dpkg -s ca-certificates | grep '^Version' || true
