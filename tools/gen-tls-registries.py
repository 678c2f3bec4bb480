#!/usr/bin/env python3
"""Generates crates/core/src/cipher/groups.tsv and sigschemes.tsv from IANA's TLS Supported
Groups and SignatureScheme registries (tools/iana/*.csv, see tools/iana/SOURCE.md): every
assigned value with its name, DTLS-OK, Recommended (Y, N or D: discouraged), references and
comment. Usage: python3 tools/gen-tls-registries.py
"""
import csv
import re

SOURCES = [
    ("tools/iana/tls-parameters-8.csv", "crates/core/src/cipher/groups.tsv", "TLS Supported Groups"),
    ("tools/iana/tls-signaturescheme.csv", "crates/core/src/cipher/sigschemes.tsv", "TLS SignatureScheme"),
]


def main():
    for source, out, title in SOURCES:
        rows = []
        with open(source, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                value = row["Value"].strip()
                name = " ".join(row["Description"].split())
                if "-" in value or name in ("Unassigned",) or name.startswith("Reserved for backward"):
                    continue
                code = int(value, 16) if value.lower().startswith("0x") else int(value)
                refs = " ".join(re.findall(r"\[([^\]]+)\]", row.get("Reference", "")))
                comment = " ".join((row.get("Comment") or "").split())
                comment = re.sub(r"\[(https?://[^\]]+)\]", r"\1", comment)
                rows.append((code, name, row.get("DTLS-OK", "") or "", row.get("Recommended", "") or "", refs, comment))
        with open(out, "w", encoding="utf-8") as f:
            f.write(f"# The IANA {title} registry ({source}: see tools/iana/SOURCE.md), made by\n")
            f.write("# tools/gen-tls-registries.py. Do not edit: regenerate.\n")
            f.write("# code\tname\tdtls\trecommended\treference\tcomment\n")
            for code, name, dtls, rec, refs, comment in rows:
                f.write(f"0x{code:04X}\t{name}\t{dtls}\t{rec}\t{refs}\t{comment}\n")
        print(f"{len(rows)} values written to {out}")


if __name__ == "__main__":
    main()
