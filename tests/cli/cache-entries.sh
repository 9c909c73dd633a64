#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Hostile cache entries: a manifest (.deps) or a results file (.json)
# that is a symlink to /dev/zero or a FIFO is a bad entry, read without
# blocking and without following the link, and rebuilt; the run neither
# hangs nor reads without end.  And the cache directory's own problems
# are said for what they are.
source "$(dirname "$0")/lib.bash"

td=$DRVLINT_SOURCE_DIR/testdata
src=$SCRATCH/src
cache=$SCRATCH/cache
mkdir -p "$src"
cp "$FIXTURES/tables.c" "$FIXTURES/clean.c" "$td"/registration-flag/*.c "$src/"
nunits=$(ls "$src"/*.c | wc -l)

# check: a verbose run over $src; the units parsed now in $parsed and
# those from the cache in $cached (counts).
check() {
	run timeout 60 "$DRVLINT" --cache-dir "$cache" -v "$src" -- -I"$INCLUDE"
	parsed=$(printf '%s\n' "$err" | grep -c ': parsed')
	cached=$(printf '%s\n' "$err" | grep -c ': from the cache')
}

check
expect_status 1 "first run"
[ "$parsed" -eq "$nunits" ] || fail "first run parsed $parsed of $nunits units"
deps=($(ls "$cache"/*.deps | sort))
[ ${#deps[@]} -ge 4 ] || fail "only ${#deps[@]} entries"

ln -sf /dev/zero "${deps[0]}"
rm -f "${deps[1]}" && mkfifo "${deps[1]}"
ln -sf /dev/zero "${deps[2]%.deps}.json"
rm -f "${deps[3]%.deps}.json" && mkfifo "${deps[3]%.deps}.json"
check
expect_status 1 "with bad entries"
[ "$parsed" -eq 4 ] || fail "with four bad entries, $parsed units parsed: $err"
[ "$cached" -eq $((nunits - 4)) ] || fail "with four bad entries, $cached from the cache: $err"
expect_match "$err" "cache: its manifest cannot be read" "a manifest that is no regular file"
expect_match "$err" "cache: its results (are not a regular file|do not match the manifest)" \
	"results that are no regular file"
for f in "${deps[0]}" "${deps[1]}" "${deps[2]%.deps}.json" "${deps[3]%.deps}.json"; do
	[ -f "$f" ] && [ ! -L "$f" ] || fail "$(basename "$f") was not rebuilt as a regular file"
done
check
[ "$cached" -eq "$nunits" ] || fail "after the rebuild, $cached of $nunits from the cache"

# A source the manifest names that became a FIFO is a changed file.
rm "$src/clean.c" && mkfifo "$src/clean.c"
run timeout 60 "$DRVLINT" --cache-dir "$cache" -v "$src/clean.c" -- -I"$INCLUDE"
expect_status 2 "a source turned FIFO"
expect_match "$out" "clean\.c: error: not a regular file" "a source turned FIFO"
rm "$src/clean.c"

# The cache directory: '' is a usage error, a file is not a directory.
mkdir "$SCRATCH/wd"
cd "$SCRATCH/wd" || exit 1
run "$DRVLINT" --cache-dir '' "$src" -- -I"$INCLUDE"
expect_status 2 "--cache-dir ''"
expect_match "$err" "--cache-dir: an empty directory name" "--cache-dir ''"
[ -z "$(ls)" ] || fail "--cache-dir '' wrote into the working directory"
touch "$SCRATCH/file"
run "$DRVLINT" --cache-dir "$SCRATCH/file" "$src" -- -I"$INCLUDE"
expect_status 1 "a cache path that is a file"
expect_match "$err" "not caching results: .*/file: not a directory" "a cache path that is a file"
finish
