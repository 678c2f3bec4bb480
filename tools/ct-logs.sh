#!/usr/bin/env bash
# Refreshes crates/core/data/ct-logs.tsv, the Certificate Transparency logs certbench checks SCTs
# against, from Chrome's log list (v3 schema; the Chromium tree, BSD-3-Clause) and Apple's (v5
# schema, as Apple publishes it at valid.apple.com): one log per line, by log id, with its key,
# operator, name, each list's state and since when, its temporal interval and whether it is a
# static-CT-API (tiled) log. The header says where and when the lists came from.
# Usage: bash tools/ct-logs.sh [SHARED_DIR]   (default ../shared; reads ct/log_list.json and
# ct/apple/current_log_list.json)
set -euo pipefail
shared=${1:-"$(dirname "$0")/../../shared"}
out="$(dirname "$0")/../crates/core/data/ct-logs.tsv"
python3 - "$shared/ct/log_list.json" "$shared/ct/apple/current_log_list.json" > "$out" <<'PY'
import json, sys
chrome = json.load(open(sys.argv[1]))
apple = json.load(open(sys.argv[2]))
logs = {}
def read(doc, which):
    for op in doc["operators"]:
        for tiled, key in ((False, "logs"), (True, "tiled_logs")):
            for log in op.get(key, []):
                row = logs.setdefault(log["log_id"], {
                    "key": log["key"], "operator": op["name"], "description": log["description"],
                    "tiled": tiled, "interval": log.get("temporal_interval", {}),
                })
                state, info = next(iter(log.get("state", {"pending": {"timestamp": ""}}).items()))
                row[which] = (state, info.get("timestamp", ""))
read(chrome, "chrome")
read(apple, "apple")
print(f"# Certificate Transparency logs: Chrome's list version {chrome['version']} ({chrome['log_list_timestamp']};")
print("# the Chromium tree's log_list.json, BSD-3-Clause, Google's published list) and Apple's list")
print(f"# version {apple.get('assetVersionV2', apple.get('version', '?'))} (valid.apple.com/ct/log_list/current_log_list.json, as Apple publishes it).")
print("# Made by tools/ct-logs.sh. Columns: log id (base64), key (base64 SPKI), operator, description,")
print("# Chrome state, since, Apple state, since, interval start, interval end, tiled (1: static CT API).")
for log_id in sorted(logs):
    r = logs[log_id]
    c = r.get("chrome", ("", ""))
    a = r.get("apple", ("", ""))
    iv = r["interval"]
    print("\t".join([log_id, r["key"], r["operator"], r["description"], c[0], c[1], a[0], a[1],
                     iv.get("start_inclusive", ""), iv.get("end_exclusive", ""), "1" if r["tiled"] else "0"]))
PY
echo "wrote $out ($(grep -vc '^#' "$out") logs)"
