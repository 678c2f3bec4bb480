#!/usr/bin/env bash
# Refreshes crates/core/data/: the Mozilla root store as Debian ships it (readable PEM) and the
# concatenated DER certbench embeds (smaller in the wasm). Run on Debian with ca-certificates.
set -euo pipefail
cd "$(dirname "$0")/../crates/core/data"
cp /etc/ssl/certs/ca-certificates.crt mozilla-roots.pem
# The embedded DER leaves out roots already expired today: certbench checks an anchor's validity,
# so they could never anchor a valid path (and a current Mozilla store no longer has them).
python3 - <<'PY'
import base64, re, subprocess
pem = open("mozilla-roots.pem").read()
blocks = re.findall(r"-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", pem, re.S)
kept = []
for block in blocks:
    if subprocess.run(["openssl", "x509", "-noout", "-checkend", "0"], input=block.encode(), capture_output=True).returncode == 0:
        body = block.split("-----")[2]
        kept.append(base64.b64decode("".join(body.split())))
open("mozilla-roots.der", "wb").write(b"".join(kept))
print(f"{len(blocks)} roots in the PEM, {len(kept)} unexpired embedded")
PY
dpkg -s ca-certificates | grep '^Version' || true
