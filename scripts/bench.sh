#!/usr/bin/env bash
# Builds the benchmark wasm (bench/, apart from the app) and runs bench/run.mjs in headless
# Chromium: certbench beside @peculiar/x509 and WebCrypto, medians as a Markdown table.
# The app's release build (trunk build --release) is measured too when dist/ exists.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_test
cargo build --release --target wasm32-unknown-unknown -p certbench-bench
wasm-bindgen --target web --out-dir bench/pkg target/wasm32-unknown-unknown/release/certbench_bench.wasm
# The app's wasm-opt settings (index.html): -ocimfs 0 keeps functions with one caller apart.
wasm-opt -Oz -ocimfs 0 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  -o bench/pkg/certbench_bench_bg.wasm bench/pkg/certbench_bench_bg.wasm
(cd bench && npm ci --no-audit --no-fund --silent && npx esbuild page/pkijs-entry.mjs --bundle --format=esm --minify --log-level=warning --outfile=pkg/pkijs.js)
node bench/run.mjs
echo
echo "| native (this machine) | median of 9 |"
echo "|---|---|"
cargo run --quiet --release -p certbench-bench --bin native -- crates/core/data/mozilla-roots.pem
