#!/usr/bin/env bash
# Prints the release wasm size (raw, gzip -9, brotli when available) and fails when the gzipped
# wasm grows past the budget: the whole app must stay small enough to load fast.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_GZIP_BYTES=${BUDGET_GZIP_BYTES:-600000}
wasm=$(ls dist/*.wasm)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
br=$(command -v brotli >/dev/null && brotli -c -q 11 "$wasm" | wc -c || echo "n/a")
echo "wasm: raw $raw bytes, gzip $gz bytes, brotli $br bytes (budget: gzip <= $BUDGET_GZIP_BYTES)"
if [ "$gz" -gt "$BUDGET_GZIP_BYTES" ]; then
  echo "wasm is over the size budget by $((gz - BUDGET_GZIP_BYTES)) gzipped bytes" >&2
  exit 1
fi
