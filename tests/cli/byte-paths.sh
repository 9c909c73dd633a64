#!/bin/bash
# Paths are bytes: a file name that is not valid UTF-8 comes back exactly
# from a JSON report (FIELD_bytes, percent-encoded), a baseline and a
# merge of shards, and is percent-encoded in SARIF's uri.
. "$(dirname "$0")/lib.bash"

# The result cache keeps reports in JSON too: one of the test's own.
export XDG_CACHE_HOME="$SCRATCH/cache"
mkdir "$SCRATCH/tree" && cd "$SCRATCH/tree" || exit 1
table() {
	cat <<'C'
#include <linux/module.h>
#include <linux/of.h>

static const struct of_device_id t_ids[] = {
	{ .compatible = "acme,t" },
};
MODULE_DEVICE_TABLE(of, t_ids);
C
}
latin1=$(printf 't\351.c')
table >"$latin1"
flags=(-- -nostdinc -I"$INCLUDE")

# The exact bytes of each finding's file, from a JSON report.
files() {
	"$PYTHON" -c '
import json, sys, urllib.parse
r = json.load(open(sys.argv[1]))
for f in r["findings"]:
    b = urllib.parse.unquote_to_bytes(f["file_bytes"]) if "file_bytes" in f else f["file"].encode()
    sys.stdout.buffer.write(b + b"\n")' "$1"
}

run "$DRVLINT" --format=json -o "$SCRATCH/r.json" . "${flags[@]}"
expect_status 1 "a finding in a Latin-1 file name"
[ "$(files "$SCRATCH/r.json")" = "$latin1" ] || fail "JSON: the file name is not kept: $(files "$SCRATCH/r.json" | od -c)"

# A baseline of the tree absorbs its findings; a second file whose name
# differs only in a byte that is not UTF-8 is not absorbed by them.
run "$DRVLINT" --write-baseline "$SCRATCH/base.json" . "${flags[@]}"
expect_status 0 "--write-baseline"
run "$DRVLINT" --baseline "$SCRATCH/base.json" . "${flags[@]}"
expect_status 0 "--baseline on the same tree"
other=$(printf 't\350.c')
table >"$other"
run "$DRVLINT" --baseline "$SCRATCH/base.json" --format=json -o "$SCRATCH/new.json" . "${flags[@]}"
expect_status 1 "--baseline with a new file"
[ "$(files "$SCRATCH/new.json")" = "$other" ] || fail "baseline: the new file is not the one reported: $(files "$SCRATCH/new.json" | od -c)"
rm -- "$other"

# Through shards and merge, and --fix from the merged report.
run "$DRVLINT" --shard 1/1 --format=json -o "$SCRATCH/s1.json" . "${flags[@]}"
run "$DRVLINT" merge --format=json -o "$SCRATCH/m.json" "$SCRATCH/s1.json"
expect_status 1 "merge"
[ "$(files "$SCRATCH/m.json")" = "./$latin1" ] || [ "$(files "$SCRATCH/m.json" | sed 's|.*/||')" = "$latin1" ] ||
	fail "merge: the file name is not kept: $(files "$SCRATCH/m.json" | od -c)"

run "$DRVLINT" --format=sarif . "${flags[@]}"
expect_match "$out" '"uri": "t%E9.c"' "SARIF: the uri is percent-encoded"
finish
