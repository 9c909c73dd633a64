#!/bin/bash
# Text, JSON and SARIF carry the same findings; SARIF validates against
# the 2.1.0 schema.
. "$(dirname "$0")/lib.bash"

cd "$FIXTURES" || exit 1
args=(tables.c clean.c -- -nostdinc -I"$INCLUDE")
run "$DRVLINT" --format=text "${args[@]}"
expect_status 1 "text"
printf '%s\n' "$out" | sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: warning: .*\[\(.*\)\]$/\1 \2 \3/p' | sort >"$SCRATCH/text"
expect_match "$out" "^tables.c:6:[0-9]+: warning: 'foo_of_match' has no terminating" "text finding"
expect_match "$out" "^tables.c:10:1: note: exported with MODULE_DEVICE_TABLE" "text note"

run "$DRVLINT" --format=json "${args[@]}"
expect_status 1 "json"
printf '%s' "$out" | "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
for f in r["findings"]:
    assert set(f) >= {"rule","severity","file","line","column","message","object","related","fix"}, f
    print(f["file"], f["line"], f["rule"])' | sort >"$SCRATCH/json"

run "$DRVLINT" --format=sarif -o "$SCRATCH/out.sarif" "${args[@]}"
expect_status 1 "sarif"
"$PYTHON" -c '
import json, sys
r = json.load(open(sys.argv[1]))
for res in r["runs"][0]["results"]:
    loc = res["locations"][0]["physicalLocation"]
    print(loc["artifactLocation"]["uri"], loc["region"]["startLine"], res["ruleId"])' "$SCRATCH/out.sarif" | sort >"$SCRATCH/sarif"

[ "$(wc -l <"$SCRATCH/text")" -eq 2 ] || fail "expected 2 findings in text, got: $(cat "$SCRATCH/text")"
cmp -s "$SCRATCH/text" "$SCRATCH/json" || fail "text and JSON differ: $(diff "$SCRATCH/text" "$SCRATCH/json")"
cmp -s "$SCRATCH/text" "$SCRATCH/sarif" || fail "text and SARIF differ: $(diff "$SCRATCH/text" "$SCRATCH/sarif")"

if [ -f "${SARIF_SCHEMA:-}" ]; then
	"$PYTHON" "$DRVLINT_SOURCE_DIR/tests/validate-sarif.py" "$SARIF_SCHEMA" "$SCRATCH/out.sarif" ||
		fail "SARIF does not validate"
	# A run with a parse failure validates too.
	run "$DRVLINT" --format=sarif -o "$SCRATCH/fail.sarif" syntax-error.c -- -nostdinc -I"$INCLUDE"
	"$PYTHON" "$DRVLINT_SOURCE_DIR/tests/validate-sarif.py" "$SARIF_SCHEMA" "$SCRATCH/fail.sarif" ||
		fail "SARIF with a failure does not validate"
else
	echo "SARIF schema not found (${SARIF_SCHEMA:-unset}): schema validation not run"
	[ -n "${CI:-}" ] && fail "SARIF schema missing in CI"
fi
# A report that cannot be written: one error, with the file and the
# reason, and exit 2 (also when the report is small enough to sit in a
# buffer until the end, and when it goes to standard output).
if [ -w /dev/full ]; then
	for fmt in text json sarif; do
		run "$DRVLINT" --format=$fmt -o /dev/full "$DRVLINT_SOURCE_DIR/testdata/const-driver-struct" -- -I"$INCLUDE"
		expect_status 2 "$fmt report to a full device"
		[ "$err" = "drvlint: error: could not write the report to /dev/full: No space left on device" ] ||
			fail "$fmt report to a full device: stderr is '$err'"
	done
	"$DRVLINT" "$DRVLINT_SOURCE_DIR/testdata/const-driver-struct" -- -I"$INCLUDE" >/dev/full 2>"$SCRATCH/err"
	status=$? err=$(cat "$SCRATCH/err")
	expect_status 2 "a report to a full standard output"
	expect_match "$err" "could not write the report to standard output: No space left on device" "a report to a full standard output"
fi
finish
