#!/usr/bin/env python3
"""Generates crates/core/src/cipher/suites.tsv and ranges.tsv from the IANA "TLS Cipher Suites" CSV.

Usage: python3 tools/gen-cipher-registry.py ../shared/iana/tls-parameters-4.csv
The output is committed so the app builds without the CSV; a test checks they agree.

OpenSSL and GnuTLS names come from their own listings, committed beside this script:
  tools/cipher-names/openssl-3.0.txt   `openssl ciphers -V 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'` (OpenSSL 3.0.19)
  tools/cipher-names/gnutls-3.7.txt    `gnutls-cli -l`, its cipher-suite section (GnuTLS 3.7.9)
plus the classic OpenSSL names of suites OpenSSL 3 no longer builds (CLASSIC_OPENSSL below).
"""
import csv
import re
import sys

SUITES = "crates/core/src/cipher/suites.tsv"
RANGES = "crates/core/src/cipher/ranges.tsv"
NAMES = "tools/cipher-names"

# Names OpenSSL 1.x used for suites OpenSSL 3 dropped (RC4, DES, 3DES, EXPORT, IDEA, SEED):
# still what old configs and scanners print.
CLASSIC_OPENSSL = {
    0x0001: "NULL-MD5", 0x0002: "NULL-SHA", 0x0003: "EXP-RC4-MD5", 0x0004: "RC4-MD5", 0x0005: "RC4-SHA",
    0x0006: "EXP-RC2-CBC-MD5", 0x0007: "IDEA-CBC-SHA", 0x0008: "EXP-DES-CBC-SHA", 0x0009: "DES-CBC-SHA",
    0x000A: "DES-CBC3-SHA", 0x0011: "EXP-EDH-DSS-DES-CBC-SHA", 0x0012: "EDH-DSS-DES-CBC-SHA",
    0x0013: "EDH-DSS-DES-CBC3-SHA", 0x0014: "EXP-EDH-RSA-DES-CBC-SHA", 0x0015: "EDH-RSA-DES-CBC-SHA",
    0x0016: "EDH-RSA-DES-CBC3-SHA", 0x0017: "EXP-ADH-RC4-MD5", 0x0018: "ADH-RC4-MD5",
    0x0019: "EXP-ADH-DES-CBC-SHA", 0x001A: "ADH-DES-CBC-SHA", 0x001B: "ADH-DES-CBC3-SHA",
    0x0096: "SEED-SHA", 0x0099: "DHE-DSS-SEED-SHA", 0x009A: "DHE-RSA-SEED-SHA", 0x009B: "ADH-SEED-SHA",
    0x008A: "PSK-RC4-SHA", 0x008B: "PSK-3DES-EDE-CBC-SHA", 0x008F: "DHE-PSK-3DES-EDE-CBC-SHA",
    0x0093: "RSA-PSK-3DES-EDE-CBC-SHA", 0xC002: "ECDH-ECDSA-RC4-SHA", 0xC003: "ECDH-ECDSA-DES-CBC3-SHA",
    0xC007: "ECDHE-ECDSA-RC4-SHA", 0xC008: "ECDHE-ECDSA-DES-CBC3-SHA", 0xC00C: "ECDH-RSA-RC4-SHA",
    0xC00D: "ECDH-RSA-DES-CBC3-SHA", 0xC011: "ECDHE-RSA-RC4-SHA", 0xC012: "ECDHE-RSA-DES-CBC3-SHA",
    0xC016: "AECDH-RC4-SHA", 0xC017: "AECDH-DES-CBC3-SHA", 0xC01A: "SRP-3DES-EDE-CBC-SHA",
    0xC01B: "SRP-RSA-3DES-EDE-CBC-SHA", 0xC01C: "SRP-DSS-3DES-EDE-CBC-SHA", 0xC033: "ECDHE-PSK-RC4-SHA",
    0xC034: "ECDHE-PSK-3DES-EDE-CBC-SHA",
}


def listing_names(path, code_re, name_re):
    """{code: name} from a tool's listing, one suite a line."""
    names = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            code, name = re.search(code_re, line), re.search(name_re, line)
            if code and name:
                names[(int(code.group(1), 16) << 8) | int(code.group(2), 16)] = name.group(1)
    return names


def codes(value):
    """'0x00,0x1C-1D' -> (0x001C, 0x001D); '0x01-09,*' -> (0x0100, 0x09FF)."""
    hi, lo = value.split(",")
    hi_a, _, hi_b = hi.partition("-")
    hi_a = int(hi_a, 16)
    hi_b = int(hi_b, 16) if hi_b else hi_a
    if lo.strip() == "*":
        return (hi_a << 8, (hi_b << 8) | 0xFF)
    lo_a, _, lo_b = lo.partition("-")
    lo_a = int(lo_a, 16)
    lo_b = int(lo_b, 16) if lo_b else lo_a
    return ((hi_a << 8) | lo_a, (hi_b << 8) | lo_b)


# What IANA changed since the shared CSV was copied (late 2022), each with its source: appended
# to the suite's references, the CSV's own first (the registry test checks that one).
SINCE_THE_COPY = {
    # RFC 9367 (February 2023) published draft-smyshlyaev-tls13-gost-suites: IANA's
    # references for the TLS 1.3 GOST suites now cite it.
    0xC103: "RFC9367", 0xC104: "RFC9367", 0xC105: "RFC9367", 0xC106: "RFC9367",
}


def references(text):
    return " ".join(re.findall(r"\[([^\]]+)\]", text)) or text.strip()


def field(text):
    """One TSV field: white space folded, so no tab or newline can split the row."""
    return " ".join(text.split())


def main(path):
    openssl = dict(CLASSIC_OPENSSL)
    openssl.update(listing_names(f"{NAMES}/openssl-3.0.txt", r"0x([0-9A-F]{2}),0x([0-9A-F]{2})", r" - (\S+)"))
    gnutls = listing_names(f"{NAMES}/gnutls-3.7.txt", r"0x([0-9a-fA-F]{2}), 0x([0-9a-fA-F]{2})", r"^(TLS_\S+)")
    suites, ranges = [], []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            first, last = codes(row["Value"])
            name = " ".join(row["Description"].split())
            entry = (first, last, name, row["DTLS-OK"] == "Y", row["Recommended"] == "Y", references(row["Reference"]))
            (suites if name.startswith("TLS_") and first == last else ranges).append(entry)
    with open(SUITES, "w", encoding="utf-8") as out:
        out.write("# The IANA TLS Cipher Suites registry (https://www.iana.org/assignments/tls-parameters/tls-parameters-4.csv),\n")
        out.write("# made by tools/gen-cipher-registry.py with OpenSSL's and GnuTLS's names (tools/cipher-names). Do not edit:\n")
        out.write("# regenerate; the registry test compares it with the CSV in ../shared/iana.\n")
        out.write("# code\tIANA name\tOpenSSL name\tGnuTLS name\tDTLS-OK\tRecommended\tReference\n")
        for first, _, name, dtls, rec, ref in suites:
            if first in SINCE_THE_COPY:
                ref = f"{ref} {SINCE_THE_COPY[first]}"
            row = [f"0x{first:04X}", field(name), field(openssl.get(first, "")), field(gnutls.get(first, "")),
                   "Y" if dtls else "N", "Y" if rec else "N", field(ref)]
            out.write("\t".join(row) + "\n")
    with open(RANGES, "w", encoding="utf-8") as out:
        out.write("# The IANA registry's unassigned and reserved ranges, made by tools/gen-cipher-registry.py. Do not edit.\n")
        out.write("# first\tlast\tdescription\treference\n")
        for first, last, name, _, _, ref in ranges:
            out.write("\t".join([f"0x{first:04X}", f"0x{last:04X}", field(name), field(ref)]) + "\n")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/iana/tls-parameters-4.csv")
