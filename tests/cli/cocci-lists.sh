#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The semantic patches carry copies of the data in rules/ (a script must
# drop into scripts/coccinelle/ on its own): the copies must not drift.
source "$(dirname "$0")/lib.bash"

cocci=$DRVLINT_SOURCE_DIR/cocci
rules=$DRVLINT_SOURCE_DIR/rules

run "$PYTHON" - "$cocci" "$rules" <<'EOF_PY'
import re, sys
cocci, rules = sys.argv[1:]

def list_lines(path, words=None):
    out = set()
    for line in open(path):
        line = line.split("#", 1)[0].split()
        if line:
            out.add(" ".join(line[:words]))
    return out

def compare(what, script, data):
    for name in sorted(data - script):
        print("%s: %s is in rules/ but not in the script" % (what, name))
    for name in sorted(script - data):
        print("%s: %s is in the script but not in rules/" % (what, name))
    return data == script

text = open(cocci + "/id-table-sentinel.cocci").read()
ok = True
# Every struct disjunction of the script names the 58 types.
blocks = re.findall(r"struct \\\((.*?)\\\)", text, re.S)
if not blocks:
    print("id-table-sentinel.cocci: no struct disjunction found")
    ok = False
types = list_lines(rules + "/id-tables.list")
for block in blocks:
    ok &= compare("id-table-sentinel.cocci types",
                  {t.strip() for t in block.split("\\|")}, types)
walkers = re.search(r'WALKERS = """(.*?)"""', text, re.S).group(1)
ok &= compare("id-table-sentinel.cocci walkers",
              {" ".join(l.split()) for l in walkers.split("\n") if l.strip()},
              list_lines(rules + "/id-table-walkers.list", 3))
sys.exit(0 if ok else 1)
EOF_PY
expect_status 0 "the copies in cocci/ agree with rules/: $out"

finish
