#!/bin/bash
# Bad input gets one clear line and exit status 2, never a crash.
. "$(dirname "$0")/lib.bash"

run "$DRVLINT" "$SCRATCH/nosuch.c" -- -I"$INCLUDE"
expect_status 2 "missing file"
expect_match "$err" "^drvlint: error: .*nosuch.c: No such file or directory$" "missing file"

mkdir -p "$SCRATCH/db"
printf '[ { "directory": "/", "file": "a.c", "command": "cc a.c" }\n,, ]\n' >"$SCRATCH/db/compile_commands.json"
run "$DRVLINT" -p "$SCRATCH/db"
expect_status 2 "malformed compile database"
expect_match "$err" "compile_commands.json:2:[0-9]+: malformed compile database" "malformed compile database"

printf '{ "not": "an array" }\n' >"$SCRATCH/db/compile_commands.json"
run "$DRVLINT" -p "$SCRATCH/db"
expect_status 2 "compile database of the wrong shape"
expect_match "$err" "not a compile database" "compile database of the wrong shape"

run "$DRVLINT" -p "$SCRATCH/nodb"
expect_status 2 "missing compile database"
expect_match "$err" "nodb/compile_commands.json: No such file or directory" "missing compile database"

mkdir -p "$SCRATCH/empty/sub"
echo "not C" >"$SCRATCH/empty/sub/README"
run "$DRVLINT" "$SCRATCH/empty" -- -I"$INCLUDE"
expect_status 2 "directory without C files"
expect_match "$err" "empty: no C files to check" "directory without C files"

run "$DRVLINT" --frobnicate "$FIXTURES/clean.c"
expect_status 2 "unknown option"
expect_match "$err" "unknown option '--frobnicate'" "unknown option"

run "$DRVLINT"
expect_status 2 "no input"

run "$DRVLINT" --checks=-*,no-such-check "$FIXTURES/clean.c" -- -I"$INCLUDE"
expect_status 2 "unknown check"
expect_match "$err" "matches no check" "unknown check"

run "$DRVLINT" --rules-dir "$SCRATCH/norules" "$FIXTURES/clean.c" -- -I"$INCLUDE"
expect_status 2 "missing rules directory"
expect_match "$err" "norules/id-tables.list: No such file or directory" "missing rules directory"

# A unit with a syntax error is listed with its first error and fails the run,
# and the other units are still checked.
run "$DRVLINT" --format=json "$FIXTURES/syntax-error.c" "$FIXTURES/tables.c" -- -nostdinc -I"$INCLUDE"
expect_status 2 "syntax error"
n=$(printf '%s' "$out" | "$PYTHON" -c 'import json,sys; r=json.load(sys.stdin); print(len(r["failures"]), r["failures"][0]["line"], len(r["findings"]), r["summary"]["failures"])')
[ "$n" = "1 6 2 1" ] || fail "syntax error: failures/line/findings/summary are '$n', expected '1 6 2 1'"
run "$DRVLINT" "$FIXTURES/syntax-error.c" -- -nostdinc -I"$INCLUDE"
expect_match "$out" "syntax-error.c:6:[0-9]+: error: .*\[parse-failure\]" "syntax error in text"

finish
