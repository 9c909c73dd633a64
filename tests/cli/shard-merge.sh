#!/bin/bash
# Shards joined by 'drvlint merge' give the findings of one run, also for
# the tree-level decisions (a global written in another shard's unit).
. "$(dirname "$0")/lib.bash"

td=$DRVLINT_SOURCE_DIR/testdata
"$PYTHON" - "$td" "$SCRATCH/compile_commands.json" <<'PY'
import glob, json, os, re, sys
td, out = sys.argv[1:]
files = sorted(glob.glob(os.path.join(td, "const-driver-struct", "*.c")) +
               glob.glob(os.path.join(td, "id-table-sentinel", "*.c")))

def own_flags(f):
    """A corpus file's 'drvlint-flags:' line, as its compile command has it."""
    m = re.search(r"drvlint-flags:\s*(.*?)\s*\*/", open(f).read())
    return m.group(1).split() if m else []

db = [{"directory": os.path.dirname(f), "file": f,
       "arguments": ["cc", "-nostdinc", "-I", os.path.join(td, "include"), "-DMODULE",
                     *own_flags(f), "-c", f]}
      for f in files]
json.dump(db, open(out, "w"), indent=1)
PY

keys() {
	"$PYTHON" -c '
import json, sys
r = json.load(open(sys.argv[1]))
for f in r["findings"]:
    print(f["rule"], f["file"], f["line"], f["column"], f["message"], len(f["related"]), bool(f["fix"]))
print("units", r["summary"]["units"], "stats", json.dumps(r["summary"]["stats"], sort_keys=True))' "$1" | sort
}

run "$DRVLINT" -p "$SCRATCH" --format=json -o "$SCRATCH/one.json"
expect_status 1 "one run"
for k in 1 2 3; do
	run "$DRVLINT" -p "$SCRATCH" --shard "$k/3" --format=json -o "$SCRATCH/shard$k.json"
	[ "$status" -le 1 ] || fail "shard $k/3: exit status $status ($err)"
done
run "$DRVLINT" merge --format=json -o "$SCRATCH/merged.json" "$SCRATCH"/shard*.json
expect_status 1 "merge"
keys "$SCRATCH/one.json" >"$SCRATCH/one.keys"
keys "$SCRATCH/merged.json" >"$SCRATCH/merged.keys"
cmp -s "$SCRATCH/one.keys" "$SCRATCH/merged.keys" ||
	fail "merged shards differ from one run: $(diff "$SCRATCH/one.keys" "$SCRATCH/merged.keys")"
grep -q "gl_read_bus" "$SCRATCH/merged.keys" || fail "the tree-level finding is missing after the merge"
grep -q "gl_shared_class" "$SCRATCH/merged.keys" && fail "a global written in another shard is reported after the merge"

# Each shard alone has no tree-level finding: those wait for the merge.
grep -q '"const-driver-struct"' "$SCRATCH/shard1.json" || fail "a shard carries no facts"
run "$DRVLINT" merge "$SCRATCH/shard1.json" "$SCRATCH/shard2.json" "$SCRATCH/shard3.json"
expect_status 1 "merge to text"
expect_match "$out" "globals.c:[0-9]+:[0-9]+: warning: 'gl_read_bus' is never modified" "merge to text"

run "$DRVLINT" -p "$SCRATCH" --shard 4/3 --format=json
expect_status 2 "a shard out of range"
run "$DRVLINT" -p "$SCRATCH" --shard 1/2
expect_status 2 "a shard without --format=json"
echo '{}' >"$SCRATCH/bad.json"
run "$DRVLINT" merge "$SCRATCH/bad.json"
expect_status 2 "merge of a file that is not a report"
expect_match "$err" "not a drvlint JSON report" "merge of a file that is not a report"

# merge takes one complete set of shards of one configuration, or fails
# saying what is wrong: never a report silently missing a shard.
for k in 1 2; do
	run "$DRVLINT" -p "$SCRATCH" --shard "$k/2" --format=json -o "$SCRATCH/half$k.json"
	[ "$status" -le 1 ] || fail "shard $k/2: exit status $status ($err)"
done
run "$DRVLINT" merge "$SCRATCH/half1.json"
expect_status 2 "merge with shard 2/2 missing"
expect_match "$err" "shard 2/2 is missing" "merge with shard 2/2 missing"
run "$DRVLINT" merge "$SCRATCH/shard1.json" "$SCRATCH/half2.json"
expect_status 2 "merge of 1/3 with 2/2"
expect_match "$err" "shard1.json is shard 1/3 but .*half2.json is shard 2/2" "merge of 1/3 with 2/2"
run "$DRVLINT" merge "$SCRATCH/shard1.json" "$SCRATCH/shard2.json" "$SCRATCH/shard1.json"
expect_status 2 "merge with a shard given twice"
expect_match "$err" "shard 1/3 is given twice" "merge with a shard given twice"
run "$DRVLINT" merge "$SCRATCH/shard1.json"
expect_status 2 "merge with two shards of three missing"
expect_match "$err" "shards 2/3, 3/3 are missing" "merge with two shards of three missing"
run "$DRVLINT" -p "$SCRATCH" --checks=id-table-sentinel --shard 2/2 --format=json -o "$SCRATCH/other2.json"
run "$DRVLINT" merge "$SCRATCH/half1.json" "$SCRATCH/other2.json"
expect_status 2 "merge of shards of two configurations"
expect_match "$err" "different checks, switches, engines or rules files" "merge of shards of two configurations"
run "$DRVLINT" merge "$SCRATCH/half1.json" "$SCRATCH/one.json"
expect_status 2 "merge of a report that is no shard's"
expect_match "$err" "one.json is not a shard's report" "merge of a report that is no shard's"
run "$DRVLINT" merge "$SCRATCH/half2.json" "$SCRATCH/half1.json"
expect_status 1 "merge of both halves, in any order"
"$PYTHON" - "$SCRATCH/half1.json" "$SCRATCH/huge.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["shard"] = "1/4000000000"
json.dump(r, open(sys.argv[2], "w"))
PY
run timeout 20 "$DRVLINT" merge "$SCRATCH/huge.json"
expect_status 2 "merge of one shard of four billion"
expect_match "$err" "and 3999999991 more are missing" "merge of one shard of four billion"
finish
