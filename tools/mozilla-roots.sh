#!/usr/bin/env bash
# Refreshes crates/core/data/: the Mozilla root store as Debian ships it (readable PEM) and the
# concatenated DER certbench embeds (smaller in the wasm). Run on Debian with ca-certificates.
set -euo pipefail
cd "$(dirname "$0")/../crates/core/data"
cp /etc/ssl/certs/ca-certificates.crt mozilla-roots.pem
python3 - <<'PY'
import base64, re
pem = open("mozilla-roots.pem").read()
blocks = re.findall(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", pem, re.S)
open("mozilla-roots.der", "wb").write(b"".join(base64.b64decode("".join(b.split())) for b in blocks))
print(f"{len(blocks)} roots")
PY
dpkg -s ca-certificates | grep '^Version' || true
