#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check one annotated corpus file against drvlint's JSON output.

An expected finding is a comment on the line where it must be reported:
    static struct bus_type foo_bus = {   /* expect: const-driver-struct */
'expect-clang:' and 'expect-cocci:' limit an annotation to one engine.
A comment 'drvlint-flags: ...' in the first lines adds compiler flags;
'drvlint-libclang: N' on the first line skips the file (exit 77) when
drvlint is built with an older libclang;
'drvlint-also: other.c' checks other.c (next to it) in the same run, for
decisions that need two units.

The file must give exactly the annotated findings (rule and line), the
exit status must agree, and when the findings carry fixes, the file fixed
with --fix must parse and give none of the fixed findings again.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

EXPECT = re.compile(r"expect(?:-(clang|cocci))?:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)")
FLAGS = re.compile(r"drvlint-flags:\s*(.*?)\s*(?:\*/)?\s*$")
ALSO = re.compile(r"drvlint-also:\s*(.*?)\s*(?:\*/)?\s*$")
NEEDS = re.compile(r"drvlint-libclang:\s*(\d+)")
SKIP = 77


def expectations(path, engine):
    want = set()
    flags = []
    also = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if lineno <= 3:
                m = FLAGS.search(line)
                if m:
                    flags = m.group(1).split()
                m = ALSO.search(line)
                if m:
                    also = [os.path.join(os.path.dirname(path), a) for a in m.group(1).split()]
            for m in EXPECT.finditer(line):
                if m.group(1) and m.group(1) != engine:
                    continue
                for rule in m.group(2).split(","):
                    want.add((lineno, rule.strip()))
    return want, flags, also


def libclang_needed(path):
    with open(path, encoding="utf-8") as f:
        m = NEEDS.search(f.readline())
    return int(m.group(1)) if m else 0


def libclang_major(drvlint):
    out = subprocess.run([drvlint, "--version"], capture_output=True, text=True).stdout
    m = re.search(r"clang version (\d+)", out)
    return int(m.group(1)) if m else 0


def run_drvlint(args, path, engine, include, flags, extra=(), also=()):
    cmd = [args.drvlint, "--format=json", "--quiet", "--no-prefilter",
           "--engine=" + engine] if engine != "clang" else \
          [args.drvlint, "--format=json", "--quiet", "--no-prefilter"]
    cmd += list(extra) + [path, *also, "--", "-nostdinc", "-I", include] + flags
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        report = json.loads(proc.stdout) if proc.stdout.strip() else None
    except json.JSONDecodeError as e:
        sys.exit(f"{path}: drvlint printed invalid JSON ({e}):\n{proc.stdout[:2000]}")
    return proc, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--drvlint", required=True)
    ap.add_argument("--engine", default="clang", choices=["clang", "cocci"])
    ap.add_argument("--include", required=True)
    ap.add_argument("file")
    args = ap.parse_args()

    if args.engine == "cocci" and not shutil.which("spatch"):
        print(f"{args.file}: spatch is not installed (Debian package coccinelle): skipped")
        return SKIP
    needs = libclang_needed(args.file)
    if needs and args.engine == "clang" and libclang_major(args.drvlint) < needs:
        print(f"{args.file}: needs libclang {needs} or later: skipped")
        return SKIP
    want, flags, also = expectations(args.file, args.engine)
    proc, report = run_drvlint(args, args.file, args.engine, args.include, flags, also=also)
    errors = []
    if report is None:
        sys.exit(f"{args.file}: drvlint printed no report (exit {proc.returncode}):\n{proc.stderr}")
    for fail in report["failures"]:
        errors.append(f"{fail['file']}:{fail['line']}: did not parse: {fail['message']}")
    mine = [f for f in report["findings"]
            if os.path.abspath(os.path.join(report["root"], f["file"])) == os.path.abspath(args.file)]
    elsewhere = [f for f in report["findings"] if f not in mine]
    for f in elsewhere:
        errors.append(f"{f['file']}:{f['line']}: unexpected {f['rule']} finding in a companion file: {f['message']}")
    got = {(f["line"], f["rule"]) for f in mine}
    by_key = {(f["line"], f["rule"]): f for f in mine}
    for line, rule in sorted(want - got):
        errors.append(f"{args.file}:{line}: expected a {rule} finding, none reported")
    for line, rule in sorted(got - want):
        f = by_key[(line, rule)]
        errors.append(f"{args.file}:{line}: unexpected {rule} finding: {f['message']}")
    status = 2 if report["failures"] else (1 if report["findings"] else 0)
    if proc.returncode != status:
        errors.append(f"{args.file}: exit status {proc.returncode}, expected {status}\n{proc.stderr}")

    fixed = [f for f in mine if f.get("fix")]
    if fixed and not errors:
        errors += check_fixes(args, flags, fixed, also)

    for e in errors:
        print(e)
    print(f"{args.file}: {len(want)} expected, {len(got)} reported, {len(fixed)} with fixes, "
          f"{'FAIL' if errors else 'ok'}")
    return 1 if errors else 0


def check_fixes(args, flags, fixed, also):
    """--fix on copies: they must still parse, and the fixed findings must be gone."""
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(args.file))
        shutil.copy(args.file, copy)
        copies = []
        for a in also:
            copies.append(os.path.join(tmp, os.path.basename(a)))
            shutil.copy(a, copies[-1])
        proc, _ = run_drvlint(args, copy, args.engine, args.include, flags, ["--fix"], copies)
        if proc.returncode not in (0, 1):
            return [f"{args.file}: --fix failed (exit {proc.returncode}): {proc.stderr}"]
        _, after = run_drvlint(args, copy, args.engine, args.include, flags, also=copies)
        for fail in after["failures"]:
            errors.append(f"{args.file}: after --fix, line {fail['line']}: {fail['message']}")
        again = {(f["rule"], f["object"]) for f in after["findings"]}
        for f in fixed:
            if (f["rule"], f["object"]) in again:
                errors.append(f"{args.file}:{f['line']}: '{f['object']}' still reported after --fix")
    return errors


if __name__ == "__main__":
    sys.exit(main())
