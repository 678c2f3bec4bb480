#!/usr/bin/env bash
# Prints the release wasm sizes (raw, gzip -9, brotli when available) and fails when one grows
# past its budget (issue #8): the page's module, which first paint needs (shell, Decode and
# Ciphers), at most 300,000 bytes gzipped; all wasm the app can load (the page's and the
# worker's, which does core's work) at most 600,000.
set -euo pipefail
cd "$(dirname "$0")/.."
FIRST_PAINT_BUDGET=${FIRST_PAINT_BUDGET:-300000}
ALL_WASM_BUDGET=${ALL_WASM_BUDGET:-600000}
page=$(ls dist/certbench-web-*_bg.wasm)
worker=$(ls dist/certbench-worker*_bg.wasm)
gzip_size() { gzip -9 -c "$1" | wc -c; }
report() {
  local br
  br=$(command -v brotli >/dev/null && brotli -c -q 11 "$2" | wc -c || echo "n/a")
  echo "$1: raw $(stat -c %s "$2") bytes, gzip $(gzip_size "$2") bytes, brotli $br bytes"
}
report "page wasm (first paint)" "$page"
report "worker wasm" "$worker"
page_gz=$(gzip_size "$page")
all_gz=$((page_gz + $(gzip_size "$worker")))
echo "budgets: first paint $page_gz <= $FIRST_PAINT_BUDGET; all wasm $all_gz <= $ALL_WASM_BUDGET (gzip bytes)"
status=0
if [ "$page_gz" -gt "$FIRST_PAINT_BUDGET" ]; then
  echo "the page's wasm is over its budget by $((page_gz - FIRST_PAINT_BUDGET)) gzipped bytes" >&2
  status=1
fi
if [ "$all_gz" -gt "$ALL_WASM_BUDGET" ]; then
  echo "all wasm is over its budget by $((all_gz - ALL_WASM_BUDGET)) gzipped bytes" >&2
  status=1
fi
# const-oid's table of every OID it knows (27 KB gzip in the worker, measured 2026-12-07) comes
# in with x509-cert's `Display` for names and its RFC 4514 name parser; core writes and builds
# names itself (dn.rs, generate/request.rs). One of the table's names marks it.
for module in "$page" "$worker"; do
  if grep -q "bign-curve256v1" "$module"; then
    echo "$module links const-oid's OID table: a name was formatted or parsed by x509-cert (use dn::rfc4514 / dn::rdn_text)" >&2
    status=1
  fi
done
exit $status
