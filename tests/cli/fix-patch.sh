#!/bin/bash
# --patch prints a diff that patch(1) applies; it equals what --fix writes,
# and the fixed file parses and gives no finding.
. "$(dirname "$0")/lib.bash"

mkdir -p "$SCRATCH/a" "$SCRATCH/b"
cp "$FIXTURES/tables.c" "$SCRATCH/a/"
cp "$FIXTURES/tables.c" "$SCRATCH/b/"
flags=(-- -nostdinc -I"$INCLUDE")

cd "$SCRATCH/a" || exit 1
run "$DRVLINT" --patch tables.c "${flags[@]}"
expect_status 1 "--patch"
expect_match "$out" "^--- a/tables.c" "patch header"
printf '%s\n' "$out" >"$SCRATCH/fix.patch"
patch -s -p1 <"$SCRATCH/fix.patch" || fail "patch does not apply"

cd "$SCRATCH/b" || exit 1
run "$DRVLINT" --fix tables.c "${flags[@]}"
expect_status 1 "--fix reports what it fixed"
cmp -s "$SCRATCH/a/tables.c" "$SCRATCH/b/tables.c" ||
	fail "--fix and --patch differ: $(diff "$SCRATCH/a/tables.c" "$SCRATCH/b/tables.c")"

run "$DRVLINT" tables.c "${flags[@]}"
expect_status 0 "fixed file is clean"
grep -q '{ .compatible = "acme,foo2" },' tables.c || fail "no comma added after the last entry"
finish
