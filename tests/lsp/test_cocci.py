#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""engine "all": the Coccinelle engine runs on save, on a copy of the
buffer.  testdata/registration-flag/local-flag.c has a finding only
Coccinelle reports (line 30); it appears after didSave, merged with the
libclang findings, and goes with the next edit until the next save."""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client, uri, fail  # noqa: E402

DRVLINT = os.environ["DRVLINT"]
SRC = os.environ["DRVLINT_SOURCE_DIR"]


def lines(p):
    return sorted((d.get("code"), d["range"]["start"]["line"] + 1) for d in p["diagnostics"])


def main():
    if not shutil.which("spatch"):
        print("spatch is not installed (Debian package coccinelle): skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "local-flag.c")
        shutil.copy(os.path.join(SRC, "testdata", "registration-flag", "local-flag.c"), path)
        with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
            json.dump([{"directory": tmp, "file": "local-flag.c", "arguments":
                        ["cc", "-nostdinc", "-I", os.path.join(SRC, "testdata", "include"),
                         "-c", "local-flag.c"]}], f)
        with open(path) as f:
            disk = f.read()
        c = Client(DRVLINT, log=os.environ.get("LSP_LOG"))
        c.initialize(options={"engine": "all", "debounce": 0})
        c.open(path)
        first = lines(c.diagnostics(path, 1))
        if first != []:
            fail(f"before a save: {first}")
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
        saved = lines(c.diagnostics(path, 1, timeout=300))
        if saved != [("unbalanced-registration", 30)]:
            fail(f"after a save, with Coccinelle: {saved}")
        c.change(path, 2, [{"range": {"start": {"line": 0, "character": 0},
                                      "end": {"line": 0, "character": 0}}, "text": "\n"}])
        edited = lines(c.diagnostics(path, 2))
        if edited != []:
            fail(f"after an edit, Coccinelle's findings of the saved text stay: {edited}")
        c.shutdown()
        with open(path) as f:
            if f.read() != disk:
                fail("the file changed on disk")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
