#!/bin/bash
# --engine=all says, per rule, which findings both engines have and which
# only one: the summary's counts are those of the corpus annotations
# ('expect:' both, 'expect-clang:' libclang only, 'expect-cocci:'
# Coccinelle only) of the files checked.
. "$(dirname "$0")/lib.bash"

files=(
	"$DRVLINT_SOURCE_DIR/testdata/const-driver-struct/arrays.c"
	"$DRVLINT_SOURCE_DIR/testdata/id-table-sentinel/if-branches.c"
	"$DRVLINT_SOURCE_DIR/testdata/id-table-sentinel/macro-entries.c"
)
cp "${files[@]}" "$SCRATCH/"
cd "$SCRATCH" || exit 1
run "$DRVLINT" --no-cache --engine=all --format=json ./*.c -- -nostdinc -I "$INCLUDE"
expect_status 1 "both engines"
printf '%s' "$out" >"$SCRATCH/report.json"
"$PYTHON" - "$SCRATCH/report.json" ./*.c <<'PY' || fail "the engines' agreement differs from the annotations"
import json, re, sys
summary = json.load(open(sys.argv[1]))["summary"]
want = {}
kinds = {"expect": "both", "expect-clang": "clang_only", "expect-cocci": "cocci_only"}
for path in sys.argv[2:]:
    for line in open(path, errors="replace"):
        for kind, rule in re.findall(r"(expect(?:-clang|-cocci)?): ([a-z-]+)", line):
            counts = want.setdefault(rule, {"both": 0, "clang_only": 0, "cocci_only": 0})
            counts[kinds[kind]] += 1
got = summary.get("agreement")
if got != want:
    sys.exit("agreement %s, annotations %s" % (got, want))
for rule, c in got.items():
    if sum(c.values()) != summary["by_rule"][rule]:
        sys.exit("%s: %s does not add up to %d" % (rule, c, summary["by_rule"][rule]))
print("agreement:", got)
PY
run "$DRVLINT" --no-cache --engine=all -v ./*.c -- -nostdinc -I "$INCLUDE"
expect_match "$err" "^drvlint: id-table-sentinel: [0-9]+ found by both engines, [0-9]+ by libclang only, [0-9]+ by Coccinelle only$" \
	"the text summary's agreement line"
finish
