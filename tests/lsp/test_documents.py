#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Open buffers: incremental changes over multibyte text in UTF-16 and
UTF-8, CRLF lines, a buffer that differs from the disk, an edit to an
open header that changes its includer's findings, a burst of edits (no
stale publication), and didClose clearing the diagnostics."""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client, uri, position, fail  # noqa: E402

DRVLINT = os.environ["DRVLINT"]
INCLUDE = os.path.join(os.environ["DRVLINT_SOURCE_DIR"], "testdata", "include")

TABLE = """/* \u00e9\u4e2d\U0001F600: a comment in UTF-8 */
#include <linux/module.h>
#include <linux/pci.h>

/* \U0001F600\u00e9 */ static const struct pci_device_id t_ids[] = {
\t{ PCI_DEVICE(0x8086, 0x1234) }, /* \u00e9\U0001F600 */ { }
};
MODULE_DEVICE_TABLE(pci, t_ids);
"""


def database(tmp, files):
    with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
        json.dump([{"directory": tmp, "file": n, "arguments":
                    ["cc", "-nostdinc", "-I", INCLUDE, "-c", n]} for n in files], f)


def write(path, text, newline="\n"):
    with open(path, "w", encoding="utf-8", newline=newline) as f:
        f.write(text)


def codes(diags):
    return sorted(d.get("code", "") for d in diags)


def sentinel_removed(enc, crlf):
    """Remove the '{ }' after the emoji with a range in enc; the finding
    appears on t_ids, at the character enc counts."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        text = TABLE.replace("\n", "\r\n") if crlf else TABLE
        write(path, TABLE, "\r\n" if crlf else "\n")
        database(tmp, ["t.c"])
        c = Client(DRVLINT)
        c.initialize(encodings=["utf-8"] if enc == "utf-8" else None)
        c.open(path, text)
        if c.diagnostics(path, 1)["diagnostics"]:
            fail(f"{enc}: findings on a table with its sentinel")
        a = text.index("{ }\n" if not crlf else "{ }\r\n")
        c.change(path, 2, [{"range": {"start": position(text.replace("\r", ""), a - (text[:a].count("\r"))),
                                      "end": position(text.replace("\r", ""), a + 3 - (text[:a].count("\r")))},
                            "text": ""}] if enc == "utf-16" else
                 [{"range": {"start": position(text.replace("\r", ""), a - text[:a].count("\r"), "utf-8"),
                             "end": position(text.replace("\r", ""), a + 3 - text[:a].count("\r"), "utf-8")},
                   "text": ""}])
        d = c.diagnostics(path, 2)["diagnostics"]
        if codes(d) != ["id-table-sentinel"]:
            fail(f"{enc} crlf={crlf}: after removing the sentinel: {d}")
        lf = TABLE
        want = position(lf, lf.index("t_ids"), enc)
        end = position(lf, lf.index("t_ids") + 5, enc)
        if d[0]["range"] != {"start": want, "end": end}:
            fail(f"{enc} crlf={crlf}: range {d[0]['range']}, expected {want}..{end}")
        with open(path, encoding="utf-8", newline="") as f:
            if f.read() != text:
                fail("the file on disk changed")
        c.close(path)
        if c.diagnostics(path)["diagnostics"]:
            fail("didClose did not clear the diagnostics")
        c.shutdown()


def unsaved_differs():
    """The buffer, not the disk: the disk has the sentinel, the buffer not."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        write(path, TABLE)
        database(tmp, ["t.c"])
        c = Client(DRVLINT)
        c.initialize()
        c.open(path, TABLE.replace("/* \u00e9\U0001F600 */ { }", ""))
        if codes(c.diagnostics(path, 1)["diagnostics"]) != ["id-table-sentinel"]:
            fail("the buffer without the sentinel gives no finding")
        c.shutdown()


HB_C = """#include <linux/device.h>
#include <linux/init.h>
#include <linux/module.h>
#include "hb.h"

static struct bus_type hb_bus = {
\t.name = "hb",
};

static int __init hb_init(void)
{
\thb_set(&hb_bus);
\treturn bus_register(&hb_bus);
}
module_init(hb_init);
"""
HB_H = "void hb_set(struct bus_type *bus);\n"


def header_edit():
    """hb_set() taking a non-const pointer keeps hb_bus writable; the
    header's buffer making it const gives hb.c its finding."""
    with tempfile.TemporaryDirectory() as tmp:
        c_path, h_path = os.path.join(tmp, "hb.c"), os.path.join(tmp, "hb.h")
        write(c_path, HB_C)
        write(h_path, HB_H)
        database(tmp, ["hb.c"])
        log = os.environ.get("LSP_LOG") or os.path.join(tmp, "log")
        c = Client(DRVLINT, log=log)
        c.initialize()
        c.open(c_path)
        if c.diagnostics(c_path, 1)["diagnostics"]:
            fail("hb.c has a finding with the non-const hb_set()")
        c.open(h_path)
        if c.diagnostics(h_path, 1)["diagnostics"]:
            fail("the header, checked through hb.c, has diagnostics")
        c.change(h_path, 2, [{"range": {"start": {"line": 0, "character": 12},
                                        "end": {"line": 0, "character": 12}}, "text": "const "}])
        try:
            c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"] == uri(c_path)
                   and codes(m["params"]["diagnostics"]) == ["const-driver-struct"], 60)
        except TimeoutError:
            fail("the header's edit did not change hb.c's findings")
        with open(h_path) as f:
            if f.read() != HB_H:
                fail("the header on disk changed")
        c.shutdown()
        with open(log) as f:
            if "an open unit that includes it" not in f.read():
                fail("the log does not say how the header's command was found")


def burst():
    """20 edits at once: publications never go back in version, the last
    is for the last version and matches its text."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "t.c")
        write(path, TABLE)
        database(tmp, ["t.c"])
        c = Client(DRVLINT)
        c.initialize(options={"debounce": 0})
        c.open(path)
        c.diagnostics(path, 1)
        line = TABLE.split("\n").index("\t{ PCI_DEVICE(0x8086, 0x1234) }, /* \u00e9\U0001F600 */ { }")
        col = position(TABLE, TABLE.index("{ }\n"))["character"]
        for v in range(2, 22):
            # Even versions remove the sentinel, odd ones put it back.
            if v % 2 == 0:
                ch = {"range": {"start": {"line": line, "character": col},
                                "end": {"line": line, "character": col + 3}}, "text": ""}
            else:
                ch = {"range": {"start": {"line": line, "character": col},
                                "end": {"line": line, "character": col}}, "text": "{ }"}
            c.change(path, v, [ch])
            time.sleep(0.01)  # parses start and are overtaken
        seen = []
        while True:
            p = c.diagnostics(path)
            seen.append(p["version"])
            if p["version"] == 21:
                break
        if seen != sorted(seen):
            fail(f"publications went back in version: {seen}")
        if p["diagnostics"]:
            fail("version 21 has its sentinel but a finding was published")
        c.change(path, 22, [{"range": {"start": {"line": line, "character": col},
                                       "end": {"line": line, "character": col + 3}}, "text": ""}])
        if codes(c.diagnostics(path, 22)["diagnostics"]) != ["id-table-sentinel"]:
            fail("version 22 lost its sentinel but has no finding")
        print(f"burst: versions published {seen}")
        c.shutdown()


def tree_level():
    """globals.c's objects are written in globals-user.c: a write added in
    that buffer and the buffer's closing re-publish globals.c."""
    src = os.path.join(os.environ["DRVLINT_SOURCE_DIR"], "testdata", "const-driver-struct")
    with tempfile.TemporaryDirectory() as tmp:
        for n in ("globals.c", "globals-user.c"):
            with open(os.path.join(src, n)) as f:
                write(os.path.join(tmp, n), f.read())
        database(tmp, ["globals.c", "globals-user.c"])
        g, u = os.path.join(tmp, "globals.c"), os.path.join(tmp, "globals-user.c")
        c = Client(DRVLINT, args=["-j", "2"])
        c.initialize(options={"debounce": 0})
        user = c.open(u)
        c.diagnostics(u, 1)
        c.open(g)

        def objects(p):
            return sorted(d["message"].split("'")[1] for d in p["diagnostics"])

        def wait_objects(want):
            try:
                c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                       and m["params"]["uri"] == uri(g) and objects(m["params"]) == want, 60)
            except TimeoutError:
                fail(f"globals.c never got the findings on {want}")
        wait_objects(["gl_read_bus"])
        line = user.split("\n").index("\treturn gl_read_bus.name != NULL;")
        c.change(u, 2, [{"range": {"start": {"line": line, "character": 0},
                                   "end": {"line": line + 1, "character": 0}},
                         "text": "\tgl_read_bus.name = \"x\";\n\treturn 0;\n"}])
        wait_objects([])
        c.close(u)
        wait_objects(["gl_read_bus", "gl_shared_class"])
        c.shutdown()


def main():
    sentinel_removed("utf-16", False)
    sentinel_removed("utf-8", False)
    sentinel_removed("utf-16", True)
    sentinel_removed("utf-8", True)
    unsaved_differs()
    header_edit()
    burst()
    tree_level()
    print("ok")


if __name__ == "__main__":
    main()
