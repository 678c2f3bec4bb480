#!/usr/bin/env python3
"""Generates crates/core/src/cipher/openssl-order.tsv from the local OpenSSL (3.0.x) CLI.

OpenSSL expands a cipher string over an internal list that is already sorted by its preference
rules. That order, and each suite's strength class and flags, are read from `openssl ciphers`
here and committed; certbench applies the string's rules itself (crates/core/src/cipher/string.rs)
and a test compares its expansions with the live CLI.

Usage: python3 tools/gen-openssl-order.py
"""
import re
import subprocess

OUT = "crates/core/src/cipher/openssl-order.tsv"


def names(rule):
    out = subprocess.run(["openssl", "ciphers", f"{rule}:@SECLEVEL=0"], capture_output=True, text=True)
    return out.stdout.strip().split(":") if out.returncode == 0 and out.stdout.strip() else []


def verbose():
    out = subprocess.run(["openssl", "ciphers", "-V", "ALL:COMPLEMENTOFALL:@SECLEVEL=0"], capture_output=True, text=True, check=True)
    rows = {}
    for line in out.stdout.splitlines():
        f = line.split()
        code = int(f[0][2:4], 16) << 8 | int(f[0][7:9], 16)
        bits = int(re.search(r"\((\d+)\)", f[6]).group(1)) if "(" in f[6] else 0
        rows[f[2]] = (code, f[3], bits)
    return rows


def main():
    rows = verbose()
    tls13 = [n for n in names("ALL:COMPLEMENTOFALL") if rows[n][1] == "TLSv1.3"]
    # `ALL` lists everything but NULL encryption, `eNULL` only that, each in OpenSSL's internal
    # order; queries that match both show how the two interleave. Merge all these orders.
    full = [n for n in names("ALL:COMPLEMENTOFALL") if n not in tls13]
    queries = ["ALL", "eNULL"] + ["aRSA", "aECDSA", "aNULL", "aPSK", "aDSS", "aSRP", "kRSA", "kECDHE", "kDHE", "kPSK",
               "kRSAPSK", "kECDHEPSK", "kDHEPSK", "SHA1", "SHA256", "SHA384", "MD5", "SSLv3", "TLSv1", "TLSv1.2"]
    edges = {n: set() for n in full}
    for q in queries:
        seq = [n for n in names(q) if n in edges]
        for a_, b_ in zip(seq, seq[1:]):
            edges[a_].add(b_)
    indegree = {n: 0 for n in full}
    for a_ in full:
        for b_ in edges[a_]:
            indegree[b_] += 1
    order = []
    ready = [n for n in full if indegree[n] == 0]
    while ready:
        ready.sort(key=full.index)
        n = ready.pop(0)
        order.append(n)
        for m in edges[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    assert len(order) == len(full), "inconsistent orders"
    high, fips, not_default = set(names("HIGH")), set(names("FIPS")), set(names("COMPLEMENTOFDEFAULT"))
    medium, low = set(names("MEDIUM")), set(names("LOW"))
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
    classes = (("HIGH", high), ("MEDIUM", medium), ("LOW", low), ("FIPS", fips), ("NOT_DEFAULT", not_default))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(f"# OpenSSL's internal cipher list after its preference rules, from `{version}`,\n")
        out.write("# made by tools/gen-openssl-order.py from the real CLI. Do not edit: regenerate. The TLS 1.3 rows are the\n")
        out.write("# suites `openssl ciphers` lists first whatever the string (the default -ciphersuites), in that order (their flags are not used).\n")
        out.write("# code\toldest protocol\tstrength bits\tflags\n")
        for n in tls13:
            code, ver, bits = rows[n]
            out.write(f"0x{code:04X}\t{ver}\t{bits}\t\n")
        for n in order:
            code, ver, bits = rows[n]
            flags = " ".join(f for f, members in classes if n in members)
            out.write(f"0x{code:04X}\t{ver}\t{bits}\t{flags}\n")

if __name__ == "__main__":
    main()
