#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""For every testdata/ file, the server's diagnostics are the findings of
`drvlint --format=json` (after the first parse, and after edits, from a
reparse with the precompiled preamble), and the buffer after source.fixAll.drvlint is the
file after `drvlint --fix`.  Files that need a second unit (drvlint-also)
are checked with that unit open too, as the command line checks both.
The editor sees some units of a build: what needs the others comes from
the record a run over the whole build (-p) leaves in the result cache,
so each file's build is run once first, as a user's is."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from lspclient import Client, uri, apply_edits, offset_of, fail  # noqa: E402
from corpus import expectations, libclang_needed, libclang_major  # noqa: E402

DRVLINT = os.environ["DRVLINT"]
SRC = os.environ["DRVLINT_SOURCE_DIR"]
INCLUDE = os.path.join(SRC, "testdata", "include")


def corpus_files():
    root = os.path.join(SRC, "testdata")
    for rule in sorted(os.listdir(root)):
        d = os.path.join(root, rule)
        # The annotated corpus is one folder per rule (with its rules/
        # document); include/ and the external module are not units of it.
        if not os.path.exists(os.path.join(SRC, "rules", rule + ".md")):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".c"):
                yield os.path.join(d, name)


def prepare(tmp, path, also, flags):
    """Copies of path and its companions, with a compile database."""
    copies = []
    for p in [path] + also:
        dst = os.path.join(tmp, os.path.basename(p))
        shutil.copy(p, dst)
        copies.append(dst)
    db = [{"directory": tmp, "file": c,
           "arguments": ["cc", "-nostdinc", "-I", INCLUDE, *flags, "-c", c]} for c in copies]
    with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
        json.dump(db, f)
    return copies


def cli(copies, flags, extra=()):
    cmd = [DRVLINT, "--format=json", "--quiet", "--no-prefilter", *extra, *copies,
           "--", "-nostdinc", "-I", INCLUDE, *flags]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        fail(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr}")
    return json.loads(proc.stdout) if proc.stdout.strip() else None


def cli_findings(copies, flags):
    report = cli(copies, flags)
    main = os.path.realpath(copies[0])
    got = set()
    for f in report["findings"]:
        if os.path.realpath(os.path.join(report["root"], f["file"])) == main:
            got.add((f["rule"], f["line"], f["column"], f["message"]))
    return got


def lsp_findings(text, diags):
    got = set()
    lines = text.split("\n")
    for d in diags:
        if d.get("source") != "drvlint" or "code" not in d:
            fail(f"not a finding: {d}")
        start = d["range"]["start"]
        off = offset_of(text, start)
        line_start = off - len(text[:off].split("\n")[-1])
        col = len(text[line_start:off].encode()) + 1
        got.add((d["code"], start["line"] + 1, col, d["message"]))
        assert start["line"] < len(lines)
    return got


def record_tree(tmp, cache):
    proc = subprocess.run([DRVLINT, "--quiet", "--cache-dir", cache, "-p", tmp],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        fail(f"drvlint -p {tmp}: exit {proc.returncode}: {proc.stderr}")


def check_file(client, path, errors, cache):
    want, flags, also = expectations(path, "clang")
    with tempfile.TemporaryDirectory() as tmp:
        copies = prepare(tmp, path, also, flags)
        expected = cli_findings(copies, flags)
        record_tree(tmp, cache)
        texts = {}
        # The companions first: the main file's first publication then
        # has every unit's facts, as the command line's run has.
        for c in copies[1:] + copies[:1]:
            texts[c] = client.open(c)
            try:
                diags = client.diagnostics(c)["diagnostics"]
            except TimeoutError:
                raise TimeoutError("%s: no diagnostics published" % path)
        main = copies[0]
        pub = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri(main)},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll.drvlint"]}})["result"]
        got = lsp_findings(texts[main], diags)
        if got != expected:
            errors.append(f"{path}: diagnostics differ from --format=json:\n"
                          f"  only lsp: {sorted(got - expected)}\n  only cli: {sorted(expected - got)}")
        fixed_lsp = texts[main]
        for action in pub:
            fixed_lsp = apply_edits(fixed_lsp, action["edit"]["changes"].get(uri(main), []))
        cli(copies, flags, ["--fix"])
        with open(main, encoding="utf-8") as f:
            fixed_cli = f.read()
        global nfixed
        nfixed += fixed_cli != texts[main]
        if fixed_lsp != fixed_cli:
            errors.append(f"{path}: source.fixAll.drvlint differs from --fix")
        if len(pub) > 1:
            errors.append(f"{path}: {len(pub)} fix-all actions")
        # Again after edits, from a reparse with the precompiled preamble.
        end = len(texts[main].split("\n")) - 1
        for v in (2, 3):
            client.change(main, v, [{"range": {"start": {"line": end, "character": 0},
                                               "end": {"line": end, "character": 0}},
                                     "text": "\n"}])
            texts[main] += "\n"
            end += 1
            diags = client.diagnostics(main, v)["diagnostics"]
        got = lsp_findings(texts[main], diags)
        if got != expected:
            errors.append(f"{path}: after a reparse, diagnostics differ from --format=json:\n"
                          f"  only lsp: {sorted(got - expected)}\n  only cli: {sorted(expected - got)}")
        for c in copies:
            client.close(c)
            if client.diagnostics(c)["diagnostics"]:
                errors.append(f"{path}: didClose did not clear {c}")
    return len(expected)


nfixed = 0


def main():
    errors = []
    major = libclang_major(DRVLINT)
    # Two workers: a file and its companions are parsed by different ones.
    cache = tempfile.mkdtemp()
    client = Client(DRVLINT, args=["-j", "2"], log=os.environ.get("LSP_LOG"))
    client.initialize(options={"debounce": 0, "cache-dir": cache})
    n = total = 0
    for path in corpus_files():
        if libclang_needed(path) > major:
            continue
        total += check_file(client, path, errors, cache)
        n += 1
    r, status = client.shutdown()
    shutil.rmtree(cache)
    if status != 0:
        errors.append(f"exit status {status} after shutdown")
    print(f"{n} files, {total} findings compared, {nfixed} files changed by --fix")
    if not total or not nfixed:
        errors.append("nothing was compared")
    for e in errors:
        print("FAIL: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
