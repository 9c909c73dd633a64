#!/bin/bash
# The per-unit time limit: a unit that runs out of time is reported as not
# checked, counted like a parse failure and never cached, and the run goes
# on with the other units.
. "$(dirname "$0")/lib.bash"

td=$DRVLINT_SOURCE_DIR/testdata
src=$SCRATCH/src
mkdir -p "$src"
cp "$td"/const-driver-struct/writes.c "$td"/id-table-sentinel/all-kinds.c \
	"$td"/registration-flag/static-flag.c "$src"/
cp "$td"/registration-flag/struct-member.c "$src"/stall.c

# The findings of a run, one line each, without those in stall.c.
others() {
	"$PYTHON" -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if not f["file"].endswith("stall.c"):
        print(f["rule"], f["file"], f["line"], f["column"], f["message"])' "$1"
}

run "$DRVLINT" --no-cache --format=json -o "$SCRATCH/all.json" "$src" -- -I"$td/include"
expect_status 1 "a run without a limit"
others "$SCRATCH/all.json" >"$SCRATCH/expected"
grep -q "stall.c" "$SCRATCH/all.json" || fail "stall.c has no finding to lose"

# DRVLINT_TEST_STALL makes a unit hang until it is given up on.
for j in 1 2; do
	start=$(date +%s)
	DRVLINT_TEST_STALL=/stall.c run "$DRVLINT" --cache-dir "$SCRATCH/cache" \
		--unit-timeout 10 -j$j --format=json -o "$SCRATCH/out.json" "$src" -- -I"$td/include"
	expect_status 2 "-j$j: a unit out of time"
	(($(date +%s) - start < 30)) || fail "-j$j: the run waited for the hanging unit"
	n=$("$PYTHON" -c '
import json, sys
r = json.load(open(sys.argv[1]))
stalled = [f for f in r["findings"] if f["file"].endswith("stall.c")]
print(len(r["failures"]), r["failures"][0]["file"].endswith("stall.c"), r["failures"][0]["message"], r["summary"]["failures"], len(stalled))' "$SCRATCH/out.json")
	expect_match "$n" "^1 True not checked: parsing took longer than 10 s \(--unit-timeout\) 1 0$" "-j$j: the failure"
	others "$SCRATCH/out.json" >"$SCRATCH/got"
	cmp -s "$SCRATCH/expected" "$SCRATCH/got" ||
		fail "-j$j: the other units' findings differ: $(diff "$SCRATCH/expected" "$SCRATCH/got")"
done

# In text, the note says which unit and why; the summary counts it failed.
DRVLINT_TEST_STALL=/stall.c run "$DRVLINT" --cache-dir "$SCRATCH/cache" -v \
	--unit-timeout 0.5 "$src" -- -I"$td/include"
expect_status 2 "text"
expect_match "$out" "stall.c: error: not checked: parsing took longer than 0.5 s \(--unit-timeout\) \[parse-failure\]" "text"
expect_match "$err" "stall.c: out of time" "verbose"
expect_match "$err" "4 units \(0 parsed, 3 from the cache, 1 failed\)" "summary"

# Never cached: the next run without the hang parses it and finds its findings.
run "$DRVLINT" --cache-dir "$SCRATCH/cache" -v --format=json -o "$SCRATCH/out.json" "$src" -- -I"$td/include"
expect_status 1 "after the hang"
expect_match "$err" "stall.c: parsed," "after the hang"
others "$SCRATCH/out.json" >"$SCRATCH/got"
cmp -s "$SCRATCH/expected" "$SCRATCH/got" || fail "after the hang: other findings differ"
grep -q 'stall.c' "$SCRATCH/out.json" || fail "after the hang: stall.c's findings are missing"

# A real parse that takes too long: libclang is left to finish on its own.
"$PYTHON" - "$SCRATCH/big.c" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('#include <linux/device.h>\nstatic struct bus_type big_bus;\n')
    for i in range(10000):
        f.write('static int f%d(int x) { int y = x * %d; if (y > 3) y -= x; return y + f%d(x - 1); }\n'
                % (i, i, max(i - 1, 0)))
PY
run "$DRVLINT" --no-cache --unit-timeout 0.05 "$SCRATCH/big.c" -- -I"$td/include"
expect_status 2 "a long parse"
expect_match "$out" "big.c: error: not checked: parsing took longer than 0.05 s" "a long parse"

run "$DRVLINT" --unit-timeout -1 "$src" -- -I"$td/include"
expect_status 2 "a negative limit"
expect_match "$err" "--unit-timeout takes seconds" "a negative limit"
run "$DRVLINT" --unit-timeout soon "$src" -- -I"$td/include"
expect_status 2 "a limit that is not a number"
finish
