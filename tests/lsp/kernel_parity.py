#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The server's diagnostics on real driver files equal `drvlint -p TREE
FILE --format=json`: after the first parse and after an edit, from a
reparse with the precompiled preamble (whose header declarations the
checks do not walk).  Then the same file with its tables' sentinels and
its unregister calls deleted in the buffer (never on disk): the reparse
gives what the first parse of that buffer gave.
Usage: kernel_parity.py DRVLINT TREE FILE..."""
import json
import re
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client, offset_of  # noqa: E402


def cli(drvlint, tree, path):
    r = subprocess.run([drvlint, "-p", tree, "--quiet", "--no-cache", "--format=json", path],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"{path}: drvlint exit {r.returncode}: {r.stderr}")
    rep = json.loads(r.stdout)
    return {(f["rule"], f["line"], f["column"], f["message"]) for f in rep["findings"]
            if os.path.join(rep["root"], f["file"]) == path}


def lsp(text, diags):
    got = set()
    for d in diags:
        if "code" not in d:
            got.add(("(no code)", d["range"]["start"]["line"] + 1, 0, d["message"]))
            continue
        off = offset_of(text, d["range"]["start"])
        ls = text.rfind("\n", 0, off) + 1
        got.add((d["code"], d["range"]["start"]["line"] + 1,
                 len(text[ls:off].encode()) + 1, d["message"]))
    return got


SENTINEL = re.compile(r"^\s*\{\s*(/\*.*?\*/)?\s*\},?\s*$")
UNREGISTER = re.compile(r"^\s*\w*(unregister|deregister)\w*\(.*\);\s*$")


def damaged(text):
    return "\n".join("" if SENTINEL.match(l) or UNREGISTER.match(l) else l
                     for l in text.split("\n"))


def edited_twice(c, path, text, first_version):
    end = len(text.split("\n")) - 1
    for v in (first_version + 1, first_version + 2):
        c.change(path, v, [{"range": {"start": {"line": end, "character": 0},
                                      "end": {"line": end, "character": 0}}, "text": "\n"}])
        text += "\n"
        end += 1
        diags = c.diagnostics(path, v, 600)["diagnostics"]
    return lsp(text, diags)


def damaged_parity(c, rel, path):
    with open(path) as f:
        text = damaged(f.read())
    c.open(path, text, 10)
    first = lsp(text, c.diagnostics(path, 10, 600)["diagnostics"])
    time.sleep(1)
    after = edited_twice(c, path, text, 10)
    c.close(path)
    c.diagnostics(path)
    print(f"{rel} without sentinels and unregister calls: {len(first)} findings; "
          f"reparse {'same' if after == first else 'DIFFERENT'}", flush=True)
    if after != first:
        print(f"FAIL: {rel}: only reparse {sorted(after - first)}; only first {sorted(first - after)}")
    return after == first


def main():
    drvlint, tree, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    log = os.environ.get("LSP_LOG", "/dev/null")
    c = Client(drvlint, log=log)
    c.initialize(options={"debounce": 0})
    bad = 0
    for rel in files:
        path = os.path.join(tree, rel)
        want = cli(drvlint, tree, path)
        text = c.open(path)
        first = lsp(text, c.diagnostics(path, 1, 600)["diagnostics"])
        time.sleep(1)  # let the preamble be built
        after = edited_twice(c, path, text, 1)
        c.close(path)
        c.diagnostics(path)
        for name, got in (("first parse", first), ("reparse", after)):
            if got != want:
                bad += 1
                print(f"FAIL: {rel}: {name}: only lsp {sorted(got - want)}; only cli {sorted(want - got)}")
        print(f"{rel}: {len(want)} findings; first parse {'same' if first == want else 'DIFFERENT'}, "
              f"reparse {'same' if after == want else 'DIFFERENT'}", flush=True)
        bad += not damaged_parity(c, rel, path)
    c.shutdown()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
