#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""engine "all": the Coccinelle engine runs on save, on a copy of the
buffer.  testdata/id-table-sentinel/if-branches.c has findings only
Coccinelle reports (tables in #if branches the configuration leaves
out, annotated 'expect-cocci:'); they appear after didSave, merged with
the libclang findings, and go with the next edit until the next save.
The expected lines are the file's own annotations."""
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client, uri, fail  # noqa: E402

DRVLINT = os.environ["DRVLINT"]
SRC = os.environ["DRVLINT_SOURCE_DIR"]


def lines(p):
    return sorted((d.get("code"), d["range"]["start"]["line"] + 1) for d in p["diagnostics"])


def annotated(path, engines):
    """(rule, line) of each annotation of the given engines."""
    out = set()
    with open(path) as f:
        for n, line in enumerate(f, 1):
            for kind, rule in re.findall(r"expect(-clang|-cocci)?: ([a-z-]+)", line):
                if (kind or "-both") in engines:
                    out.add((rule, n))
    return sorted(out)


def main():
    if not shutil.which("spatch"):
        print("spatch is not installed (Debian package coccinelle): skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "if-branches.c")
        shutil.copy(os.path.join(SRC, "testdata", "id-table-sentinel", "if-branches.c"), path)
        with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
            json.dump([{"directory": tmp, "file": "if-branches.c", "arguments":
                        ["cc", "-nostdinc", "-I", os.path.join(SRC, "testdata", "include"),
                         "-c", "if-branches.c"]}], f)
        with open(path) as f:
            disk = f.read()
        c = Client(DRVLINT, log=os.environ.get("LSP_LOG"))
        c.initialize(options={"engine": "all", "debounce": 0})
        c.open(path)
        first = lines(c.diagnostics(path, 1))
        clang = annotated(path, ("-both", "-clang"))
        both = annotated(path, ("-both", "-clang", "-cocci"))
        if not set(both) - set(clang):
            fail("the file has no finding only Coccinelle reports")
        if first != clang:
            fail(f"before a save: {first}")
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
        saved = lines(c.diagnostics(path, 1, timeout=300))
        if sorted(set(saved)) != both:
            fail(f"after a save, with Coccinelle: {saved}")
        c.change(path, 2, [{"range": {"start": {"line": 0, "character": 0},
                                      "end": {"line": 0, "character": 0}}, "text": "\n"}])
        edited = lines(c.diagnostics(path, 2))
        if edited != [(rule, n + 1) for rule, n in clang]:
            fail(f"after an edit, Coccinelle's findings of the saved text stay: {edited}")
        c.shutdown()
        with open(path) as f:
            if f.read() != disk:
                fail("the file changed on disk")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
