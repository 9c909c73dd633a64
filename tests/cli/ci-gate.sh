#!/bin/bash
# The CI gate: a baseline absorbs accepted findings even after lines move;
# a new finding still fails the run; --diff keeps findings on changed lines.
. "$(dirname "$0")/lib.bash"

command -v git >/dev/null || { echo "git is not installed: skipped"; exit 77; }
repo=$SCRATCH/repo
mkdir -p "$repo"
cp "$FIXTURES/tables.c" "$repo/"
cd "$repo" || exit 1
flags=(-- -nostdinc -I"$INCLUDE")

run "$DRVLINT" --write-baseline base.json tables.c "${flags[@]}"
expect_status 0 "--write-baseline"
expect_match "$err" "wrote 2 findings to base.json" "--write-baseline says what it wrote"

# Ten lines inserted above: every finding moves, none is new.
{ head -n 3 tables.c; for i in 1 2 3 4 5 6 7 8 9 10; do echo "/* moved $i */"; done; tail -n +4 tables.c; } >moved.c
mv moved.c tables.c
run "$DRVLINT" --baseline base.json --format=json tables.c "${flags[@]}"
expect_status 0 "baseline after a line shift"
n=$(printf '%s' "$out" | "$PYTHON" -c 'import json,sys; r=json.load(sys.stdin); print(len(r["findings"]), r["summary"]["baselined"])')
[ "$n" = "0 2" ] || fail "baseline after a line shift: findings/baselined are '$n', expected '0 2'"

# A new table without its sentinel is not in the baseline.
cat >>tables.c <<'C'

static const struct i2c_device_id new_ids[] = {
	{ "new" },
};
MODULE_DEVICE_TABLE(i2c, new_ids);
C
run "$DRVLINT" --baseline base.json tables.c "${flags[@]}"
expect_status 1 "a new finding fails the gate"
expect_match "$out" "'new_ids' has no terminating" "the new finding is reported"
[ "$(printf '%s\n' "$out" | grep -c 'warning:')" -eq 1 ] || fail "only the new finding is reported: $out"

# A baseline entry absorbs one finding, not every finding with its key.
printf '{"drvlint-baseline": 1, "findings": []}\n' >empty.json
run "$DRVLINT" --baseline empty.json tables.c "${flags[@]}"
expect_status 1 "an empty baseline absorbs nothing"
[ "$(printf '%s\n' "$out" | grep -c 'warning:')" -eq 3 ] || fail "empty baseline: expected 3 findings: $out"

echo '{ "not": "a baseline" }' >bad.json
run "$DRVLINT" --baseline bad.json tables.c "${flags[@]}"
expect_status 2 "a malformed baseline"
expect_match "$err" "not a drvlint baseline" "a malformed baseline"

# --diff: only findings on lines the change touches.
git init -q . && git add tables.c && git -c user.name=t -c user.email=t@t commit -qm base
cat >>tables.c <<'C'

static const struct i2c_device_id newer_ids[] = {
	{ "newer" },
};
MODULE_DEVICE_TABLE(i2c, newer_ids);
C
run "$DRVLINT" --diff HEAD --format=json tables.c "${flags[@]}"
expect_status 1 "--diff with a finding on a changed line"
n=$(printf '%s' "$out" | "$PYTHON" -c 'import json,sys; r=json.load(sys.stdin); print([f["object"] for f in r["findings"]], r["summary"]["outside_diff"])')
[ "$n" = "['newer_ids'] 3" ] || fail "--diff: findings/outside are '$n', expected \"['newer_ids'] 3\""

git -c user.name=t -c user.email=t@t commit -qam more
run "$DRVLINT" --diff HEAD tables.c "${flags[@]}"
expect_status 0 "--diff with no change"

run "$DRVLINT" --diff no-such-rev tables.c "${flags[@]}"
expect_status 2 "--diff with a bad revision"
expect_match "$err" "git -C .* diff .*no-such-rev.* failed" "--diff names the failing command"

# A revision is never an option of git's: --diff=--output=FILE must not
# make git write FILE.
run "$DRVLINT" "--diff=--output=$SCRATCH/written-by-git" tables.c "${flags[@]}"
expect_status 2 "--diff with a revision that looks like an option"
[ -e "$SCRATCH/written-by-git" ] && fail "--diff=--output=FILE: git wrote FILE"
expect_match "$err" "end-of-options --output=" "--diff names the revision as one"
finish
