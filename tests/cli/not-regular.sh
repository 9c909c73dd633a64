#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Only regular files are sources: a FIFO named x.c is said to be none and
# counted as a failure at once, by either engine, never waited on.
source "$(dirname "$0")/lib.bash"

mkdir "$SCRATCH/src"
mkfifo "$SCRATCH/src/x.c"
cp "$FIXTURES/tables.c" "$SCRATCH/src/"
cd "$SCRATCH/src" || exit 1

start=$SECONDS
run timeout 60 "$DRVLINT" --no-cache --unit-timeout 30 x.c tables.c -- -I"$INCLUDE"
expect_status 2 "libclang engine on a FIFO"
expect_match "$out" "^x\.c: error: not a regular file" "libclang engine on a FIFO"
expect_match "$out" "tables\.c:6:34: warning" "the other unit is checked"
[ $((SECONDS - start)) -lt 20 ] || fail "libclang engine waited on the FIFO for $((SECONDS - start)) s"

if command -v spatch >/dev/null; then
	run timeout 60 "$DRVLINT" --engine=cocci x.c tables.c
	expect_status 2 "Coccinelle engine on a FIFO"
	expect_match "$out" "^x\.c: error: not a regular file" "Coccinelle engine on a FIFO"
	expect_match "$out" "tables\.c:6:34: warning" "the other file is checked"
	run timeout 60 "$DRVLINT" --no-cache --engine=all x.c tables.c -- -I"$INCLUDE"
	expect_status 2 "both engines on a FIFO"
	[ "$(printf '%s\n' "$out" | grep -c 'not a regular file')" -eq 1 ] ||
		fail "both engines: the FIFO is not said exactly once: $out"
fi
finish
