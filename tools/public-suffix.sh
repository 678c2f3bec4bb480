#!/usr/bin/env bash
# Refreshes crates/core/data/public-suffix.txt from the Public Suffix List
# (https://github.com/publicsuffix/list, public_suffix_list.dat, MPL-2.0): every rule of both
# sections (ICANN and private) one per line, internationalised labels as A-labels (xn--), as
# certificates write them. The header says where and when it came from, and keeps the MPL
# notice. Usage: bash tools/public-suffix.sh PATH/TO/public_suffix_list.dat COMMIT DATE
set -euo pipefail
src=$1 commit=$2 date=$3
out="$(dirname "$0")/../crates/core/data/public-suffix.txt"
python3 - "$src" "$commit" "$date" > "$out" <<'PY'
import sys
src, commit, date = sys.argv[1:4]
def a_label(label):
    if label.isascii():
        return label.lower()
    return "xn--" + label.lower().encode("punycode").decode("ascii")
print("# Public Suffix List, https://publicsuffix.org (github.com/publicsuffix/list,")
print(f"# public_suffix_list.dat at commit {commit}, {date}): ICANN and private rules,")
print("# internationalised labels as A-labels. Made by tools/public-suffix.sh.")
print("# This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.")
print("# If a copy of the MPL was not distributed with this file, You can obtain one at")
print("# https://mozilla.org/MPL/2.0/.")
seen = set()
for line in open(src, encoding="utf-8"):
    rule = line.split("//")[0].strip().split()[0] if line.strip() and not line.startswith("//") else ""
    if not rule:
        continue
    prefix = "!" if rule.startswith("!") else ""
    labels = rule.lstrip("!").split(".")
    rule = prefix + ".".join(l if l == "*" else a_label(l) for l in labels)
    if rule not in seen:
        seen.add(rule)
        print(rule)
PY
wc -l "$out"
