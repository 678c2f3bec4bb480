#!/usr/bin/env bash
# README command 1: install what is missing, then serve the app at http://127.0.0.1:8080/.
# Extra arguments go to `trunk serve` (e.g. --port 9000 --address 0.0.0.0).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build
cd "$REPO_ROOT"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
