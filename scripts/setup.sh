#!/usr/bin/env bash
# Installs what certbench needs on a fresh Debian/Ubuntu machine, idempotently: anything already
# present at the right version is left alone. Sourced by serve.sh and test.sh.
#   setup_build  - wasm32 target, trunk, wasm-bindgen-cli (the version Cargo.lock pins),
#                  Node.js, and tests/e2e/node_modules (binaryen's wasm-opt, playwright-core)
#   setup_test   - setup_build plus Debian chromium, chromium-driver, openssl, openssh-client
#                  (ssh-keygen, the SSH tests' oracle), gnutls-bin (gnutls-cli, the cipher-name
#                  checks' oracle) and unzip (which reads back the .zip the app makes)
# Nothing is fetched from anywhere but crates.io, npm and Debian's archive.

TRUNK_VERSION=0.21.14
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$REPO_ROOT/tests/e2e/node_modules/.bin:$PATH"
# Trunk: never look for updates or download tools (Trunk.toml pins their versions).
export TRUNK_OFFLINE=true

log() { printf '\n== %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; return 1; fi
}

APT_UPDATED=
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -q >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm-bindgen version Cargo.lock resolved: the CLI must match it exactly.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$REPO_ROOT/Cargo.lock"
}

setup_build() {
  command -v cargo >/dev/null || { echo "install Rust first: https://rustup.rs (rustup, cargo)" >&2; return 1; }
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "cargo install trunk $TRUNK_VERSION (about 9 minutes on 2 cores, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wb
  wb="$(locked_wasm_bindgen)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    log "cargo install wasm-bindgen-cli $wb (about 3 minutes, once)"
    # --locked can fail on a lockfile entry the registry no longer serves: fall back to unlocked.
    cargo install wasm-bindgen-cli --version "$wb" --locked || cargo install wasm-bindgen-cli --version "$wb"
  fi
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -x "$REPO_ROOT/tests/e2e/node_modules/.bin/wasm-opt" ] || [ ! -d "$REPO_ROOT/tests/e2e/node_modules/playwright-core" ] \
     || [ "$REPO_ROOT/tests/e2e/package-lock.json" -nt "$REPO_ROOT/tests/e2e/node_modules/.package-lock.json" ]; then
    log "npm ci (binaryen wasm-opt, playwright-core)"
    (cd "$REPO_ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  # Trunk passes --offline to cargo (Trunk.toml offline = true): fetch crates first.
  (cd "$REPO_ROOT" && cargo fetch --locked -q)
}

setup_test() {
  setup_build
  apt_install chromium chromium-driver openssl openssh-client gnutls-bin ca-certificates unzip
  export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
  export CERTBENCH_REQUIRE_OPENSSL=1
}
