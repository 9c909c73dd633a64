#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The wire and the lifecycle: framing in pieces and joined, bad headers,
every JSON-RPC error code, initialize's capabilities and position
encoding, shutdown and exit statuses, and stdout holding packets only."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from lspclient import Client, fail  # noqa: E402

DRVLINT = os.environ["DRVLINT"]


def packet(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def error_code(c, rid):
    r = c.response(rid, timeout=10)
    return r.get("error", {}).get("code")


def before_initialize():
    c = Client(DRVLINT)
    rid = c.request_async("textDocument/codeAction", {})
    if error_code(c, rid) != -32002:
        fail("a request before initialize is not answered with -32002")
    # A notification before initialize is dropped, and so answered never.
    c.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///x.c", "version": 1, "text": ""}})
    c.notify("exit")
    if c.proc.wait(10) != 1:
        fail("exit without shutdown does not end with status 1")


def errors_and_framing():
    c = Client(DRVLINT)
    init = packet({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"capabilities": {}}})
    # In pieces: a byte at a time for the header, then the body in two.
    for i in range(init.index(b"\r\n\r\n") + 4):
        c.write(init[i:i + 1])
    rest = init[init.index(b"\r\n\r\n") + 4:]
    c.write(rest[:5])
    time.sleep(0.05)
    c.write(rest[5:])
    r = c.response(1, timeout=10)["result"]
    caps = r["capabilities"]
    if r["serverInfo"]["name"] != "drvlint":
        fail("serverInfo does not name drvlint")
    if caps["textDocumentSync"]["change"] != 2 or "save" not in caps["textDocumentSync"]:
        fail("text sync is not incremental with save")
    if set(caps["codeActionProvider"]["codeActionKinds"]) != {"quickfix", "source.fixAll.drvlint"}:
        fail("code action kinds: " + str(caps["codeActionProvider"]))
    if caps["positionEncoding"] != "utf-16":
        fail("a client that offers no encoding does not get utf-16")
    c.notify("initialized")
    # Bad headers, then a request in the same write: the server survives.
    c.write(b"Content-Length: nope\r\n\r\n" + b"X-Junk\r\n\r\n" +
            packet({"jsonrpc": "2.0", "id": 2, "method": "no/such/method"}))
    if error_code(c, 2) != -32601:
        fail("an unknown method is not answered with -32601")
    # Two packets joined in one write.
    c.write(b"Content-Length: 9\r\n\r\n{\"jsonrpc" +
            packet({"jsonrpc": "2.0", "id": 3, "method": "no/such"}))
    r = c.wait(lambda m: m.get("id") is None and "error" in m, timeout=10)[1]
    if r["error"]["code"] != -32700:
        fail("malformed JSON is not answered with -32700")
    if error_code(c, 3) != -32601:
        fail("the packet after a malformed one is lost")
    c.write(packet({"jsonrpc": "2.0", "id": 4, "method": 7}))
    if error_code(c, 4) != -32600:
        fail("an invalid request is not answered with -32600")
    c.write(packet({"id": 5, "method": "shutdown"}))
    if error_code(c, 5) != -32600:
        fail("a message without jsonrpc 2.0 is not answered with -32600")
    if error_code(c, c.request_async("initialize", {"capabilities": {}})) != -32600:
        fail("a second initialize is not refused")
    if "result" not in c.request("shutdown"):
        fail("shutdown has no result")
    if error_code(c, c.request_async("textDocument/codeAction", {})) != -32600:
        fail("a request after shutdown is not refused")
    c.notify("exit")
    if c.proc.wait(10) != 0:
        fail("exit after shutdown does not end with status 0")
    c.reader.join(5)
    # Everything on stdout was a packet (the reader would have choked).
    raw = bytes(c.raw_stdout)
    if not raw.startswith(b"Content-Length:") or raw.count(b"Content-Length:") < 9:
        fail("stdout holds something else than the packets")


def utf8_offered():
    c = Client(DRVLINT)
    r = c.initialize(encodings=["utf-16", "utf-8"])["result"]
    if r["capabilities"]["positionEncoding"] != "utf-8":
        fail("a client that offers utf-8 does not get it")
    c.proc.stdin.close()
    if c.proc.wait(10) != 1:
        fail("end of input without exit does not end with status 1")


def main():
    before_initialize()
    errors_and_framing()
    utf8_offered()
    print("ok")


if __name__ == "__main__":
    main()
