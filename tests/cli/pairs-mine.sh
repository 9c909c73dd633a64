#!/bin/bash
# 'drvlint pairs --mine' finds the pairs whose names pair up and whose
# calls stand in init/exit or probe/remove on one object, with the object
# arguments the calls agree on and the devm_ form; it leaves out pairs
# the list has, functions never called, and calls without register
# words; its output appended to the list is a list drvlint reads.
. "$(dirname "$0")/lib.bash"

pairs=$FIXTURES/pairs
flags=(-- -nostdinc -I "$pairs/include" -I "$INCLUDE")

run "$DRVLINT" pairs --mine "$pairs" "${flags[@]}"
expect_status 0 "pairs --mine"
expect_match "$out" '^foo_register +foo_unregister +1 1 subsys devm_foo_register[[:space:]]+# init/exit 1, probe/remove 0' "a name pair from init and exit"
expect_match "$out" '^bar_create +bar_destroy +0 1 subsys -[[:space:]]+# init/exit 0, probe/remove 1' "a name pair from probe and remove, the object its result"
expect_match "$out" 'names pair up; .*include/linux/foo\.h' "the header that declares it"
expect_match "$out" '^foo_attach_logger +foo_remove_logger +1 1 subsys -[[:space:]]+# init/exit 1, .*calls pair up' "calls that pair up on one object"
printf '%s\n' "$out" | grep -q '^foo_add_hook' && fail "calls another pair explains are a candidate"
printf '%s\n' "$out" | grep -q '^baz_add' && fail "a pair never called is a candidate"
printf '%s\n' "$out" | grep -q '^qux_start' && fail "calls without register words are a candidate"
printf '%s\n' "$out" | grep -q '^misc_register' && fail "a pair the list has is repeated"
expect_match "$out" '^# .*3 not in register-pairs.list' "the count in the heading"

# Without a pair in the list, the calls find it again: misc_register and
# misc_deregister stand in init and exit on one object.
mkdir -p "$SCRATCH/rules"
cp "$DRVLINT_SOURCE_DIR"/rules/* "$SCRATCH/rules/"
grep -v '^misc_register' "$DRVLINT_SOURCE_DIR/rules/register-pairs.list" >"$SCRATCH/rules/register-pairs.list"
run "$DRVLINT" pairs --mine --rules-dir "$SCRATCH/rules" "$pairs" "${flags[@]}"
expect_status 0 "pairs --mine without misc_register in the list"
expect_match "$out" '^misc_register +misc_deregister +1 1 subsys -' "a pair left out of the list"

# The candidates appended to the list make a list the checks read.
printf '%s\n' "$out" >>"$SCRATCH/rules/register-pairs.list"
run "$DRVLINT" --rules-dir "$SCRATCH/rules" --checks=-*,unbalanced-registration "$pairs" "${flags[@]}"
[ "$status" -le 1 ] || fail "the list with the candidates appended: exit status $status ($err)"

# -o writes them to a file; 'pairs' needs --mine, --mine needs 'pairs'.
run "$DRVLINT" pairs --mine -o "$SCRATCH/pairs.list" "$pairs" "${flags[@]}"
expect_status 0 "pairs --mine -o"
grep -q '^foo_register' "$SCRATCH/pairs.list" || fail "-o: no candidate in the file"
run "$DRVLINT" pairs "$pairs" "${flags[@]}"
expect_status 2 "pairs without --mine"
run "$DRVLINT" --mine "$pairs" "${flags[@]}"
expect_status 2 "--mine without pairs"

# A compile database.
"$PYTHON" - "$pairs" "$INCLUDE" "$SCRATCH/compile_commands.json" <<'PY'
import json, os, sys
pairs, include, out = sys.argv[1:]
f = os.path.join(pairs, "foo-users.c")
json.dump([{"directory": pairs, "file": f,
            "arguments": ["cc", "-nostdinc", "-I", os.path.join(pairs, "include"),
                          "-I", include, "-c", f]}], open(out, "w"))
PY
run "$DRVLINT" pairs --mine -p "$SCRATCH"
expect_status 0 "pairs --mine -p"
expect_match "$out" '^foo_register +foo_unregister' "from a compile database"
finish
