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

def compare(what, script, data, names=("the script", "rules/")):
    for name in sorted(data - script):
        print("%s: %s is in %s but not in %s" % (what, name, names[1], names[0]))
    for name in sorted(script - data):
        print("%s: %s is in %s but not in %s" % (what, name, names[0], names[1]))
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
# The set of types of the rule that finds the tables.
sets = re.findall(r"type T = \{(.*?)\};", text, re.S)
if not sets:
    print("id-table-sentinel.cocci: no type set found")
    ok = False
for s in sets:
    ok &= compare("id-table-sentinel.cocci type set",
                  {t.replace("struct", "", 1).strip() for t in s.split(",")},
                  types)
listed = re.search(r'LISTED = set\("""(.*?)"""', text, re.S)
if not listed:
    print("id-table-sentinel.cocci: no LISTED set found")
    ok = False
else:
    ok &= compare("id-table-sentinel.cocci LISTED", set(listed.group(1).split()),
                  types)
walkers = re.search(r'WALKERS = """(.*?)"""', text, re.S).group(1)
ok &= compare("id-table-sentinel.cocci walkers",
              {" ".join(l.split()) for l in walkers.split("\n") if l.strip()},
              list_lines(rules + "/id-table-walkers.list", 3))

# const-driver-struct.cocci: the regular expression of the types and each
# disjunction that spells them out again.
text = open(cocci + "/const-driver-struct.cocci").read()
structs = list_lines(rules + "/const-structs.list")
m = re.search(r't =~ "\^\((.*?)\)\$"', text)
if not m:
    print("const-driver-struct.cocci: no type expression found")
    ok = False
else:
    ok &= compare("const-driver-struct.cocci expression",
                  set(m.group(1).split("|")), structs)
for block in re.findall(r"struct \\\((.*?)\\\)", text, re.S):
    ok &= compare("const-driver-struct.cocci types",
                  {t.strip() for t in block.split("\\|")}, structs)

# Where a script names functions twice, as a set and as a disjunction
# (for spatch's file filter), the two agree.
for name in ("registration-flag", "unbalanced-registration"):
    text = open("%s/%s.cocci" % (cocci, name)).read()
    for rule, names in re.findall(r"@(\w+)f@\nidentifier f = \{(.*?)\};", text, re.S):
        m = re.search(r"@%s@\nposition %sf\.p;\n@@\n\n\\\((.*?)\\\)" % (rule, rule),
                      text, re.S)
        if not m:
            print("%s.cocci: rule %s has no disjunction after %sf" % (name, rule, rule))
            ok = False
            continue
        ok &= compare("%s.cocci %s" % (name, rule),
                      {n.strip() for n in m.group(1).split("\\|")},
                      {n.strip() for n in names.split(",")},
                      ("the disjunction", "the set"))
sys.exit(0 if ok else 1)
EOF_PY
expect_status 0 "the copies in cocci/ agree with rules/: $out"

finish
