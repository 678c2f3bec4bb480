#!/usr/bin/env bash
# The publish command: install what is missing (as serve.sh does), then build the release site
# into dist/ (`trunk build --release`, wasm-opt from tests/e2e/node_modules) and check its wasm
# against the size budgets. Deploy dist/ to any static host; .github/workflows/pages.yml runs
# this same script for GitHub Pages. Extra arguments go to `trunk build`.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build
cd "$REPO_ROOT"
trunk build --release "$@"
bash scripts/size.sh
echo "dist/ is ready to deploy: $(du -sh dist | cut -f1) in $(find dist -type f | wc -l) files"
