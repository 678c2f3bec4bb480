#!/usr/bin/env bash
# Copies Mozilla's server-side TLS guidelines (4.0-6.0) into crates/core/data/mozilla-tls/ and
# writes servers.tsv from the generator's configs.js (the servers ssl-config.mozilla.org writes
# for), so `certbench tls-config` builds without ../shared. MPL-2.0: LICENSE goes with them.
# Usage: bash tools/mozilla-tls.sh [../shared/mozilla-tls]
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/mozilla-tls}
dst=crates/core/data/mozilla-tls
mkdir -p "$dst"
cp "$src"/[0-9].[0-9].json "$src/LICENSE" "$src/CHANGELOG.md" "$dst/"
node -e '
const configs = require(process.argv[1]);
const rows = ["# The servers Mozilla'"'"'s SSL Configuration Generator writes for, from its configs.js (copied",
  "# from ../shared/mozilla-tls by tools/mozilla-tls.sh; MPL-2.0, LICENSE beside this file). Empty: not set.",
  "# key\tname\tlatest\teol_before\ttls13\tocsp_stapling\tcipher_format\tuses_openssl\tsupports_hsts\thas_versions\tshow_supports\tsupported_ciphers"];
for (const [key, c] of Object.entries(configs)) {
  const flag = (v) => (v === false ? "no" : "yes");
  rows.push([key, c.name || "", c.latestVersion || "", c.eolBefore || "", c.tls13 || "",
    c.supportsOcspStapling || "", c.cipherFormat || "openssl", flag(c.usesOpenssl), flag(c.supportsHsts),
    flag(c.hasVersions), flag(c.showSupports), (c.supportedCiphers || []).join(":")].join("\t"));
}
require("fs").writeFileSync(process.argv[2], rows.join("\n") + "\n");
' "$(realpath "$src/configs.js")" "$dst/servers.tsv"
echo "copied $(ls "$dst"/*.json | wc -l) guidelines and $(grep -vc '^#' "$dst/servers.tsv") servers into $dst"
