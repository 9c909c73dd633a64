#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Which command parses a file: its own entry (also through a symlink and
with -p for a build directory elsewhere), a header through an open
includer, through the result cache's manifests, or not at all, a new file through a neighbour's entry, no
database, a database that changes; a file that does not compile; and the
settings (checks, run onSave) from initializationOptions and
didChangeConfiguration."""
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client, uri, fail  # noqa: E402

DRVLINT = os.environ["DRVLINT"]
INCLUDE = os.path.join(os.environ["DRVLINT_SOURCE_DIR"], "testdata", "include")

NO_SENTINEL = """#include <linux/module.h>
#include <linux/pci.h>

static const struct pci_device_id t_ids[] = {
\t{ PCI_DEVICE(0x8086, 0x1234) },
};
MODULE_DEVICE_TABLE(pci, t_ids);
"""
HEADER = "#define T_VENDOR 0x8086\n"


def database(dbdir, workdir, files, include=INCLUDE):
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
        json.dump([{"directory": workdir, "file": n, "arguments":
                    ["cc", "-nostdinc", "-I", include, "-c", n]} for n in files], f)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def codes(p):
    return sorted(d.get("code", "") for d in p["diagnostics"])


def session(tmp, args=(), options=None):
    log = os.path.join(tmp, "server.log")
    c = Client(DRVLINT, args=args, log=log)
    c.initialize(options=options)
    return c, log


def log_has(log, text):
    with open(log) as f:
        return text in f.read()


def entry_symlink_and_p():
    with tempfile.TemporaryDirectory() as tmp:
        src, build = os.path.join(tmp, "src"), os.path.join(tmp, "build")
        os.makedirs(src)
        os.makedirs(build)
        write(os.path.join(src, "t.c"), NO_SENTINEL)
        # kbuild O=: the database and its directory are the build's.
        database(build, build, ["../src/t.c"])
        os.symlink(src, os.path.join(tmp, "link"))
        c, log = session(tmp, ["-p", build])
        via_link = os.path.join(tmp, "link", "t.c")
        c.open(via_link)
        if codes(c.diagnostics(via_link, 1)) != ["id-table-sentinel"]:
            fail("a file opened through a symlink, with -p, is not checked by its entry")
        c.shutdown()
        if not log_has(log, "its entry in " + os.path.join(build, "compile_commands.json")):
            fail("the log does not say the entry picked the command")


def header_without_includer_then_with():
    with tempfile.TemporaryDirectory() as tmp:
        write(os.path.join(tmp, "t.h"), HEADER)
        write(os.path.join(tmp, "t.c"), '#include "t.h"\n' + NO_SENTINEL)
        database(tmp, tmp, ["t.c"])
        c, log = session(tmp, options={"cache-dir": os.path.join(tmp, "no-cache")})
        h = os.path.join(tmp, "t.h")
        c.open(h)
        p = c.diagnostics(h, 1)
        if len(p["diagnostics"]) != 1 or p["diagnostics"][0]["severity"] != 3 or \
                "no open file includes" not in p["diagnostics"][0]["message"]:
            fail(f"a header with no open includer: {p}")
        c.open(os.path.join(tmp, "t.c"))
        c.diagnostics(os.path.join(tmp, "t.c"), 1)
        p = c.diagnostics(h, 1)
        if p["diagnostics"]:
            fail(f"the header, once its includer is open, still has {p}")
        c.shutdown()
        if not log_has(log, "an open unit that includes it"):
            fail("the log does not say the includer picked the header's command")


def header_through_cache():
    """No open includer, but the result cache's manifest of t.c lists t.h:
    the header is parsed in t.c with its buffer, and an error in that
    buffer is reported on it."""
    with tempfile.TemporaryDirectory() as tmp:
        write(os.path.join(tmp, "t.h"), HEADER)
        write(os.path.join(tmp, "t.c"), '#include "t.h"\n' + NO_SENTINEL)
        database(tmp, tmp, ["t.c"])
        cache = os.path.join(tmp, "cache")
        r = subprocess.run([DRVLINT, "-p", tmp, "--quiet", "--cache-dir", cache,
                            os.path.join(tmp, "t.c")], capture_output=True, text=True)
        if r.returncode != 1:
            fail(f"drvlint on t.c: exit {r.returncode}: {r.stderr}")
        c, log = session(tmp, options={"cache-dir": cache})
        h = os.path.join(tmp, "t.h")
        c.open(h, HEADER + "int t_broken = ;\n")
        d = c.diagnostics(h, 1)["diagnostics"]
        if len(d) != 1 or d[0]["severity"] != 1 or d[0]["range"]["start"]["line"] != 1:
            fail(f"a header through the cache, with an error in its buffer: {d}")
        c.change(h, 2, [{"text": HEADER}])
        if c.diagnostics(h, 2)["diagnostics"]:
            fail("the header through the cache, mended, still has diagnostics")
        c.shutdown()
        if not log_has(log, "the command of " + os.path.join(tmp, "t.c") +
                       ", a unit the result cache saw include it"):
            fail("the log does not say the cache picked the header's command")


def new_file_through_neighbour():
    with tempfile.TemporaryDirectory() as tmp:
        write(os.path.join(tmp, "old.c"), "int x;\n")
        database(tmp, tmp, ["old.c"])
        new = os.path.join(tmp, "new.c")
        c, log = session(tmp)
        c.open(new, NO_SENTINEL)  # not even on disk yet
        if codes(c.diagnostics(new, 1)) != ["id-table-sentinel"]:
            fail("a new file is not checked with its neighbour's command")
        c.shutdown()
        if not log_has(log, "inferred from " + os.path.join(tmp, "old.c")):
            fail("the log does not say the command was inferred")


def no_database():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        write(path, NO_SENTINEL)
        c, _ = session(tmp)
        c.open(path)
        d = c.diagnostics(path, 1)["diagnostics"]
        if len(d) != 1 or d[0]["severity"] != 3 or "compile_commands.json" not in d[0]["message"]:
            fail(f"no database: {d}")
        c.shutdown()


def reloaded_database():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        write(path, NO_SENTINEL)
        database(tmp, tmp, ["t.c"], include=os.path.join(tmp, "missing"))
        c, _ = session(tmp)
        c.open(path)
        d = c.diagnostics(path, 1)["diagnostics"]
        if len(d) != 1 or d[0]["severity"] != 1 or "not checked" not in d[0]["message"] \
                or d[0]["range"]["start"]["line"] != 0:
            fail(f"a unit whose headers are missing: {d}")
        time.sleep(0.01)
        database(tmp, tmp, ["t.c"])
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
        if codes(c.diagnostics(path, 1)) != ["id-table-sentinel"]:
            fail("the rewritten database was not read again")
        c.shutdown()


def does_not_compile():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        write(path, NO_SENTINEL + "\nint broken(void) { return undeclared_thing; }\n")
        database(tmp, tmp, ["t.c"])
        c, _ = session(tmp)
        c.open(path)
        d = c.diagnostics(path, 1)["diagnostics"]
        if len(d) != 1 or d[0]["severity"] != 1 or d[0]["range"]["start"]["line"] != 8 \
                or "undeclared_thing" not in d[0]["message"]:
            fail(f"a unit that does not compile: {d}")
        c.shutdown()


def settings():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        write(path, NO_SENTINEL)
        database(tmp, tmp, ["t.c"])
        c, _ = session(tmp, options={"checks": "-*,const-driver-struct", "run": "onSave"})
        c.open(path)
        if codes(c.diagnostics(path, 1)):
            fail("checks=-*,const-driver-struct still reports id-table-sentinel")
        c.notify("workspace/didChangeConfiguration", {"settings": {"drvlint": {"checks": "*"}}})
        if codes(c.diagnostics(path, 1)) != ["id-table-sentinel"]:
            fail("didChangeConfiguration did not enable the check")
        # onSave: a change is not checked until it is saved.
        c.change(path, 2, [{"range": {"start": {"line": 5, "character": 0},
                                      "end": {"line": 5, "character": 0}}, "text": "\t{ },\n"}])
        try:
            c.diagnostics(path, 2, timeout=1.5)
            fail("run=onSave checked an unsaved change")
        except TimeoutError:
            pass
        c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}})
        if codes(c.diagnostics(path, 2)):
            fail("the saved change was not checked")
        c.shutdown()


def findings(p):
    """{object name: severity} of a publication's findings."""
    out = {}
    for d in p["diagnostics"]:
        for name in ("shared_bus", "lone_bus", "own_bus"):
            if "'%s'" % name in d["message"]:
                out[name] = d["severity"]
    return out


def tree_record():
    """An object with external linkage is decided from the other units'
    facts: without the tree's record, a note that says it is unknown; with
    the record a run over the whole build (-p) left in the cache, from what
    b.c does (it writes shared_bus, only reads lone_bus); with b.c open,
    from its buffer, not from the record."""
    fixture = os.path.join(os.environ["DRVLINT_SOURCE_DIR"], "tests", "cli",
                           "fixtures", "two-units")
    with tempfile.TemporaryDirectory() as tmp:
        for n in ("a.c", "b.c"):
            with open(os.path.join(fixture, n)) as f:
                write(os.path.join(tmp, n), f.read())
        database(tmp, tmp, ["a.c", "b.c"])
        cache = os.path.join(tmp, "cache")
        a, b = os.path.join(tmp, "a.c"), os.path.join(tmp, "b.c")
        c, log = session(tmp, options={"cache-dir": cache})
        c.open(a)
        got = findings(c.diagnostics(a, 1))
        if got != {"shared_bus": 3, "lone_bus": 3, "own_bus": 2}:
            fail(f"no record: external objects must be information notes: {got}")
        c.shutdown()
        r = subprocess.run([DRVLINT, "-p", tmp, "--quiet", "--cache-dir", cache],
                           capture_output=True, text=True)
        if r.returncode != 1:
            fail(f"drvlint -p: exit {r.returncode}: {r.stderr}")
        c, log = session(tmp, options={"cache-dir": cache})
        c.open(a)
        # The record is read after the first publication, which does not
        # wait for it; what it decides comes in the next one.
        got = findings(c.diagnostics(a, 1))
        if got != {"lone_bus": 2, "own_bus": 2}:
            if got != {"shared_bus": 3, "lone_bus": 3, "own_bus": 2}:
                fail(f"with the record, before it is read: {got}")
            got = findings(c.diagnostics(a, 1))
        if got != {"lone_bus": 2, "own_bus": 2}:
            fail(f"with the record: {got}")
        text = c.open(b)
        c.diagnostics(b, 1)
        c.change(b, 2, [{"text": text + "void b_more(void) { lone_bus.name = \"x\"; }\n"}])
        got = findings(c.diagnostics(a))
        if got != {"own_bus": 2}:
            fail(f"b.c's buffer writes lone_bus, a.c still has: {got}")
        c.shutdown()
        if not log_has(log, "the other units' facts: the record of " + os.path.realpath(tmp)):
            fail("the log does not say the record was used")


def main():
    tree_record()
    entry_symlink_and_p()
    header_without_includer_then_with()
    header_through_cache()
    new_file_through_neighbour()
    no_database()
    reloaded_database()
    does_not_compile()
    settings()
    print("ok")


if __name__ == "__main__":
    main()
