#!/usr/bin/env bash
# README command 2: install what is missing, then run every test: formatting, clippy, native
# unit/integration/interop tests, wasm tests in headless Chromium, the release build with its
# size check, and the end-to-end tests that drive the built site in Chromium.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_test
cd "$REPO_ROOT"
started=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" "$((SECONDS - started))"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (host and wasm32) -D warnings"
cargo clippy --workspace --all-targets --locked -q -- -D warnings
cargo clippy -p certbench-web --target wasm32-unknown-unknown --all-targets --locked -q -- -D warnings

step "cargo test: core and CLI (unit, integration, OpenSSL interop)"
cargo test -p certbench-core -p certbench-cli --locked

step "cargo test: wasm in headless Chromium (core in wasm, Yew components)"
cargo test -p certbench-web --target wasm32-unknown-unknown --locked

step "trunk build --release"
trunk build --release
bash scripts/size.sh

step "end-to-end tests in Chromium"
(cd tests/e2e && npm test)

step "all tests passed in $((SECONDS - started)) s"
