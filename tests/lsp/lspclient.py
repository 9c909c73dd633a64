# SPDX-License-Identifier: GPL-2.0-only
"""A small LSP client for drvlint's language-server tests.

It starts `drvlint lsp`, frames JSON-RPC messages with Content-Length,
reads the server's packets on a thread and lets a test wait for a
response or a notification.  Positions can be converted between UTF-16
and UTF-8 so that tests can write edits the way an editor would.
"""
import json
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.parse


def uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position(text, offset, enc="utf-16"):
    """The LSP position of character index `offset` of str text."""
    before = text[:offset]
    line = before.count("\n")
    col_text = before[before.rfind("\n") + 1:]
    if enc == "utf-8":
        return {"line": line, "character": len(col_text.encode())}
    return {"line": line, "character": utf16_len(col_text)}


def offset_of(text, pos, enc="utf-16"):
    """The str index of an LSP position in text (lines end at \\n)."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:pos["line"]])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    n = 0
    for i, ch in enumerate(line):
        if n >= pos["character"]:
            return start + i
        n += len(ch.encode()) if enc == "utf-8" else utf16_len(ch)
    return start + len(line)


def apply_edits(text, edits, enc="utf-16"):
    """Apply LSP TextEdits (non-overlapping) to str text."""
    spans = [(offset_of(text, e["range"]["start"], enc),
              offset_of(text, e["range"]["end"], enc), e["newText"]) for e in edits]
    for a, b, new in sorted(spans, reverse=True):
        text = text[:a] + new + text[b:]
    return text


def server_env():
    """The server's environment.  Under AddressSanitizer, no alternate
    signal stack of its own: libclang's threads install LLVM's, which ASan
    then fails to unmap when the thread ends."""
    env = dict(os.environ)
    opts = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (opts + ":" if opts else "") + "use_sigaltstack=0"
    return env


class Client:
    def __init__(self, drvlint, args=(), log=None, cwd=None):
        cmd = [drvlint, "lsp", *args]
        if log:
            cmd += ["--log", log]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=server_env())
        self.messages = queue.Queue()
        self.pending = []
        self.next_id = 1
        self.raw_stdout = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                self.raw_stdout += line
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode().partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.raw_stdout += body
            self.messages.put((time.monotonic(), json.loads(body)))

    def write(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        return rid

    def _next(self, timeout):
        if self.pending:
            return self.pending.pop(0)
        item = self.messages.get(timeout=timeout)
        if item is None:
            raise EOFError("the server closed its output")
        return item

    def wait(self, match, timeout=60):
        """The first message for which match(msg) is true; others are kept."""
        deadline = time.monotonic() + timeout
        kept = []
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no matching message")
                try:
                    item = self.messages.get(timeout=left) if not self.pending else self.pending.pop(0)
                except queue.Empty:
                    raise TimeoutError("no matching message")
                if item is None:
                    raise EOFError("the server closed its output")
                if match(item[1]):
                    return item
                kept.append(item)
        finally:
            self.pending = kept + self.pending

    def response(self, rid, timeout=60):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)[1]

    def request(self, method, params=None, timeout=60):
        return self.response(self.request_async(method, params), timeout)

    def diagnostics(self, path, version=None, timeout=120):
        """The next publishDiagnostics for path (at version, if given)."""
        u = uri(path)

        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == u and (version is None or p.get("version") == version)
        return self.wait(match, timeout)[1]["params"]

    def initialize(self, options=None, encodings=None):
        caps = {"textDocument": {"codeAction": {}, "synchronization": {"didSave": True}}}
        if encodings:
            caps["general"] = {"positionEncodings": encodings}
        params = {"processId": os.getpid(), "rootUri": None, "capabilities": caps}
        if options is not None:
            params["initializationOptions"] = options
        r = self.request("initialize", params)
        self.notify("initialized")
        return r

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "c", "version": version, "text": text}})
        return text

    def change(self, path, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": changes})

    def close(self, path):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})

    def shutdown(self, timeout=60):
        """shutdown and exit: the server must end with status 0 (under
        sanitizers, a report makes it end otherwise)."""
        r = self.request("shutdown")
        self.notify("exit")
        status = self.proc.wait(timeout)
        if status != 0:
            fail(f"the server ended with status {status} after shutdown and exit:\n"
                 + self.proc.stderr.read().decode(errors="replace")[-4000:])
        return r, status

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)
