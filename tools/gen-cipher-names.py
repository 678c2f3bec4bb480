#!/usr/bin/env python3
"""Generates crates/core/src/cipher/names.tsv: the name every TLS stack gives each suite.

Usage: python3 tools/gen-cipher-names.py MIRRORS
MIRRORS is a folder holding git clones of google/boringssl, libressl/openbsd, nss-dev/nss and
Mbed-TLS/mbedtls (as `owner+name/repo`). The output is committed; a test checks that every
code in it is a suite certbench knows. Sources, read with `git show`:
  OpenSSL 3.0   tools/cipher-names/openssl-3.0.txt (`openssl ciphers -V`, OpenSSL 3.0.19)
  OpenSSL 1.0.2 its ssl/tls1.h, ssl3.h and s3_lib.c as imported into BoringSSL (commit
                95c29f3c, 2014-06-20): the names 1.0.2 and earlier printed (static DH/ECDH,
                KRB5, EXP, EXP1024, ...), which scanners and old configs still carry
  BoringSSL     ssl/ssl_cipher.cc at HEAD; CECPQ1 and the pre-RFC ChaCha20 names from
                include/openssl/tls1.h at 053931e7 (2016-05-26)
  LibreSSL      src/lib/libssl/{s3_lib.c,tls1.h,ssl3.h} of libressl/openbsd at HEAD
  GnuTLS        tools/cipher-names/gnutls-3.7.txt (`gnutls-cli -l`, GnuTLS 3.7.9)
  NSS           lib/ssl/sslproto.h (every name) and lib/ssl/sslinfo.c (implemented) at HEAD
  Java          tools/cipher-names/java-17.tsv (JavaSuites.java run on OpenJDK 17.0.15)
  Mbed TLS      library/ssl_ciphersuites.c and include/mbedtls/ssl_ciphersuites.h at HEAD
  Go            tools/cipher-names/go.tsv (crypto/tls common.go constants)
  Windows       tools/cipher-names/schannel.tsv (Microsoft's "TLS Cipher Suites in Windows")
Each row: code, stack, name, `current` (today's release offers the suite under that name) or
`former` (an older release's name, or a suite the stack lists but no longer implements) or
`alias` (another spelling the stack accepts for a name it prints differently).
"""
import importlib.util
import re
import subprocess
import sys

# The listing reader gen-cipher-registry.py uses for the same OpenSSL and GnuTLS listings.
_spec = importlib.util.spec_from_file_location("registry", "tools/gen-cipher-registry.py")
_registry = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_registry)
listing = _registry.listing_names

OUT = "crates/core/src/cipher/names.tsv"
NAMES = "tools/cipher-names"
OPENSSL_102 = "95c29f3cd1f6c08c6c0927868683392eea727ccb"
BORINGSSL_2016 = "053931e74e42bebd129d9b35d9aceb986e873a8f"


def show(mirrors, repo, rev, path):
    return subprocess.run(
        ["git", "-C", f"{mirrors}/{repo}/repo", "show", f"{rev}:{path}"],
        check=True, capture_output=True, text=True).stdout


def head(mirrors, repo):
    return subprocess.run(
        ["git", "-C", f"{mirrors}/{repo}/repo", "log", "-1", "--format=%h %cs"],
        check=True, capture_output=True, text=True).stdout.strip()


def defines(text):
    """{macro: value} of a C header, continuation lines joined."""
    text = text.replace("\\\n", " ")
    found = {}
    for m in re.finditer(r"^\s*#\s*define\s+(\w+)\s+(.+?)\s*(?:/\*.*)?$", text, re.M):
        found[m.group(1)] = m.group(2).strip()
    return found


def code_of(value):
    """A cipher id macro's value (`0x0300C02F`, `0xC02F`) as a two-byte code."""
    m = re.fullmatch(r"0x([0-9A-Fa-f]+)[uUlL]*", value)
    if not m:
        return None
    number = int(m.group(1), 16)
    if number >> 24 == 0x02:  # SSLv2 three-byte specs: not two-byte suites
        return None
    return number & 0xFFFF


def ck_txt_pairs(headers):
    """{code: name} from `*_CK_X` / `*_TXT_X` pairs with the same X."""
    d = {}
    for h in headers:
        d.update(defines(h))
    pairs = {}
    for macro, value in d.items():
        m = re.fullmatch(r"(SSL3|TLS1|TLS1_3)_CK_(\w+)", macro)
        if not m:
            continue
        txt = d.get(f"{m.group(1)}_TXT_{m.group(2)}")
        code = code_of(value)
        if txt and code is not None and txt.startswith('"'):
            pairs[code] = txt.strip('"')
    return pairs


def table_entries(source, headers):
    """{code: name} of the suites a C cipher table (s3_lib.c, ssl_cipher.cc) defines: each
    entry's TXT macro (or string) and its id macro."""
    d = {}
    for h in headers:
        d.update(defines(h))
    found = {}
    for entry in re.split(r"\n\s*\{\s*\n", source)[1:]:
        txt = re.search(r"\b((?:SSL3|TLS1|TLS1_3)_(?:TXT|RFC)_\w+)", entry)
        ck = re.search(r"\b((?:SSL3|TLS1|TLS1_3)_CK_\w+|SSL_CIPHER_\w+)", entry)
        literal = re.search(r"(?:\.value = |\.id = |^\s*)(0x[0-9A-Fa-f]+)", entry, re.M)
        name = d.get(txt.group(1), "") if txt else ""
        if not name:  # a name written in the table itself (OpenSSL 1.0.2's GOST suites)
            quoted = re.search(r'^\s*(?:\.name = )?("[A-Za-z0-9-]+")', entry, re.M)
            name = quoted.group(1) if quoted else ""
        value = d.get(ck.group(1), "") if ck else (literal.group(1) if literal else "")
        if value.startswith("(") or re.fullmatch(r"[A-Z0-9_]+", value or "-"):
            value = d.get(value.strip("()").split(" ")[0].split("&")[0].strip(), value)
        code = code_of(value)
        if name.startswith('"') and code is not None:
            found[code] = name.strip('"')
    return found


def tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def main(mirrors):
    rows = set()

    def add(stack, names, status):
        for code, name in names.items():
            rows.add((code, stack, name, status))

    # OpenSSL: 3.0 today, 1.0.2 (and earlier) names before.
    current = listing(f"{NAMES}/openssl-3.0.txt", r"0x([0-9A-F]{2}),0x([0-9A-F]{2})", r"- (\S+)")
    add("openssl", current, "current")
    h102 = [show(mirrors, "google+boringssl", OPENSSL_102, f"ssl/{f}") for f in ("tls1.h", "ssl3.h")]
    old = ck_txt_pairs(h102)
    old.update(table_entries(show(mirrors, "google+boringssl", OPENSSL_102, "ssl/s3_lib.c"), h102))
    add("openssl", {c: n for c, n in old.items() if current.get(c) != n}, "former")

    # BoringSSL.
    bh = [show(mirrors, "google+boringssl", "HEAD", f"include/openssl/{f}") for f in ("tls1.h", "ssl3.h")]
    bh.append(show(mirrors, "google+boringssl", "HEAD", "include/openssl/ssl.h"))
    boring = table_entries(show(mirrors, "google+boringssl", "HEAD", "ssl/ssl_cipher.cc"), bh)
    add("boringssl", boring, "current")
    b2016 = ck_txt_pairs([show(mirrors, "google+boringssl", BORINGSSL_2016, "include/openssl/tls1.h")])
    for code, name in b2016.items():
        if code in (0xCC13, 0xCC14, 0xCC15) or 0x16B7 <= code <= 0x16BA:
            rows.add((code, "boringssl", name, "former"))
    d2016 = defines(show(mirrors, "google+boringssl", BORINGSSL_2016, "include/openssl/tls1.h"))
    for ck, txt in (("ECDHE_RSA_CHACHA20_POLY1305_OLD", "ECDHE_RSA_WITH_CHACHA20_POLY1305_OLD"),
                    ("ECDHE_ECDSA_CHACHA20_POLY1305_OLD", "ECDHE_ECDSA_WITH_CHACHA20_POLY1305_OLD"),
                    ("DHE_RSA_CHACHA20_POLY1305_OLD", "DHE_RSA_WITH_CHACHA20_POLY1305_OLD")):
        code, name = code_of(d2016.get(f"TLS1_CK_{ck}", "")), d2016.get(f"TLS1_TXT_{txt}", "")
        if code is not None and name:
            rows.add((code, "boringssl", name.strip('"'), "former"))

    # LibreSSL.
    lh = [show(mirrors, "libressl+openbsd", "HEAD", f"src/lib/libssl/{f}") for f in ("tls1.h", "ssl3.h")]
    libre = table_entries(show(mirrors, "libressl+openbsd", "HEAD", "src/lib/libssl/s3_lib.c"), lh)
    add("libressl", libre, "current")
    # Its TLS 1.3 suites' names before it printed the RFC ones.
    ld = defines(lh[0])
    for macro, value in ld.items():
        m = re.fullmatch(r"TLS1_3_TXT_(\w+)", macro)
        code = code_of(ld.get(f"TLS1_3_CK_{m.group(1)}", "")) if m else None
        if code is not None and code in libre:
            rows.add((code, "libressl", value.strip('"'), "former"))

    # GnuTLS.
    add("gnutls", listing(f"{NAMES}/gnutls-3.7.txt", r"0x([0-9a-fA-F]{2}), 0x([0-9a-fA-F]{2})", r"^(\S+)"),
        "current")

    # NSS: every name sslproto.h defines; current when sslinfo.c describes it.
    proto = defines(show(mirrors, "nss-dev+nss", "HEAD", "lib/ssl/sslproto.h"))
    info = show(mirrors, "nss-dev+nss", "HEAD", "lib/ssl/sslinfo.c")
    implemented = set(re.findall(r"\bCS\((\w+)\)", info))
    implemented = {f"TLS_{n}" for n in implemented} | set(re.findall(r"\bCS_\(((?:TLS|SSL)_\w+)\)", info))
    for macro, value in proto.items():
        if not re.fullmatch(r"(TLS|SSL)_\w+", macro) or "LIBRARY_VERSION" in macro or macro.startswith("SSL_EN_"):
            continue
        target = proto.get(value, value)
        code = code_of(target)
        if code is None or re.fullmatch(r"(TLS|SSL)_\w+", value) and value not in proto:
            continue
        if value in proto:  # `#define SSL_X TLS_X`: another spelling NSS accepts
            status = "alias"
        else:
            status = "current" if macro in implemented else "former"
        rows.add((code, "nss", macro, status))

    # Java.
    for code, name, aliases, supported, _default in tsv(f"{NAMES}/java-17.tsv"):
        rows.add((int(code, 16), "java", name, "current" if supported == "true" else "former"))
        for alias in (a for a in aliases.split(",") if a):
            rows.add((int(code, 16), "java", alias, "alias"))

    # Mbed TLS.
    mh = defines(show(mirrors, "Mbed-TLS+mbedtls", "HEAD", "include/mbedtls/ssl_ciphersuites.h"))
    mc = show(mirrors, "Mbed-TLS+mbedtls", "HEAD", "library/ssl_ciphersuites.c")
    for macro, name in re.findall(r"\{\s*(MBEDTLS_TLS\w+),\s*\"([^\"]+)\"", mc):
        code = code_of(mh.get(macro, ""))
        if code is not None:
            rows.add((code, "mbedtls", name, "current"))

    # Names from releases no mirror's HEAD or header has (each row cites its source).
    for code, stack, name, status in tsv(f"{NAMES}/extra.tsv"):
        rows.add((int(code, 16), stack, name, status))

    # Go and Windows, from their documentation.
    for code, name, status in tsv(f"{NAMES}/go.tsv"):
        rows.add((int(code, 16), "go", name, status))
    for code, name, status in tsv(f"{NAMES}/schannel.tsv"):
        rows.add((int(code, 16), "schannel", name, status))

    sources = {
        "boringssl": head(mirrors, "google+boringssl"),
        "libressl": head(mirrors, "libressl+openbsd"),
        "nss": head(mirrors, "nss-dev+nss"),
        "mbedtls": head(mirrors, "Mbed-TLS+mbedtls"),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# The names TLS stacks give cipher suites, made by tools/gen-cipher-names.py (sources and\n")
        f.write("# how to refresh: its docstring). Do not edit: regenerate.\n")
        f.write("# Source commits: " + ", ".join(f"{k} {v}" for k, v in sources.items()) + "\n")
        f.write("# code\tstack\tname\tstatus (current: today's release prints it; former: an older\n")
        f.write("# release's name or a suite no longer implemented; alias: another spelling it accepts)\n")
        for code, stack, name, status in sorted(rows):
            f.write(f"0x{code:04X}\t{stack}\t{name}\t{status}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror")
