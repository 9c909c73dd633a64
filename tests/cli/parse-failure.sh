#!/bin/bash
# Why a unit was not checked: libclang's error code, the first error, and
# with -v the clang command line that reproduces the parse.  A bad compile
# database: one line of drvlint's naming the entry and the key, nothing
# of libclang's before it.
. "$(dirname "$0")/lib.bash"

db=$SCRATCH/db
mkdir -p "$db"
cp "$FIXTURES/tables.c" "$FIXTURES/clean.c" "$db/"

printf '[{"directory": "%s", "file": "tables.c", "command": "cc -c tables.c"},\n {"directory": "%s", "command": "cc -c clean.c"}]\n' \
	"$db" "$db" >"$db/compile_commands.json"
run "$DRVLINT" -p "$db"
expect_status 2 "entry without a file"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "entry without a file: more than one line on stderr: $err"
expect_match "$err" '^drvlint: error: .*compile_commands.json: entry 2 of 2 .*"file"' "entry without a file"

printf '[{"directory": "%s", "file": "tables.c"}]\n' "$db" >"$db/compile_commands.json"
run "$DRVLINT" -p "$db"
expect_status 2 "entry without a command"
expect_match "$err" '^drvlint: error: .*entry 1 of 1 .*"command".*"arguments"' "entry without a command"

printf '[{"file": "tables.c", "arguments": ["cc", "tables.c"]}]\n' >"$db/compile_commands.json"
run "$DRVLINT" -p "$db"
expect_status 2 "entry without a directory"
expect_match "$err" '^drvlint: error: .*entry 1 of 1 .*"directory"' "entry without a directory"
printf '%s\n' "$err" | grep -q "LIBCLANG" && fail "libclang's own lines on stderr: $err"

# A command that names a second input: the code and the cause.
printf '[{"directory": "%s", "file": "tables.c", "arguments": ["cc", "-nostdinc", "-I%s", "-c", "tables.c", "clean.c"]}]\n' \
	"$db" "$INCLUDE" >"$db/compile_commands.json"
run "$DRVLINT" --no-cache -p "$db"
expect_status 2 "second input"
expect_match "$out" "tables.c: error: .*CXError_[A-Za-z]+.*'clean.c'.* \\[parse-failure\\]" "second input"

# An option clang rejects, given by the user: the unit is named.
run "$DRVLINT" --no-cache "$db/tables.c" -- -nostdinc -I"$INCLUDE" -fno-such-option
expect_status 2 "unknown option"
expect_match "$out" "^[^ ]*tables.c: error: unknown argument: '-fno-such-option' \\[parse-failure\\]" "unknown option"

# -v: the command that reproduces the parse, run in the unit's directory.
cp "$FIXTURES/syntax-error.c" "$db/"
printf '[{"directory": "%s", "file": "syntax-error.c", "command": "cc -nostdinc -I%s -Wall -c syntax-error.c"}]\n' \
	"$db" "$INCLUDE" >"$db/compile_commands.json"
(cd / && "$DRVLINT" --no-cache -v -p "$db") >"$SCRATCH/out" 2>"$SCRATCH/err"
cmd=$(sed -n 's/^drvlint: note: .*syntax-error.c: reproduce with: //p' "$SCRATCH/err")
[ -n "$cmd" ] || fail "-v: no command that reproduces the parse: $(cat "$SCRATCH/err")"
case $cmd in
"cd $db && clang -fsyntax-only "*) ;;
*) fail "-v: the command does not run clang -fsyntax-only in the unit's directory: $cmd" ;;
esac
clang=$(command -v clang-19 || command -v clang || true)
if [ -n "$clang" ]; then
	(cd / && eval "${cmd/ clang / $clang }") >/dev/null 2>"$SCRATCH/clang.err" &&
		fail "-v: the command printed parses the unit: $cmd"
	grep -q "syntax-error.c:6:" "$SCRATCH/clang.err" ||
		fail "-v: clang does not report the error drvlint saw: $(cat "$SCRATCH/clang.err")"
fi
run "$DRVLINT" --no-cache -p "$db"
printf '%s\n' "$err" | grep -q "reproduce with" && fail "the command is printed without -v"
finish
