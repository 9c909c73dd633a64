#!/bin/bash
# As kbuild's checker drvlint sees one file a call.  An object with
# external linkage that this file does not write may be written by another
# file of the module (fixtures/two-units: b.c writes a.c's shared_bus):
# never "declare it const" with a fix from one file, at most a note that
# says what is unknown.  A static object is decided from its own file.
. "$(dirname "$0")/lib.bash"

cd "$FIXTURES/two-units" || exit 1
kflags=(-D__linux__ -m64 -Wp,-MMD,"$SCRATCH/.a.o.d" -nostdinc -I "$INCLUDE" -DMODULE)
run "$DRVLINT" --no-cache "${kflags[@]}" a.c
expect_status 0 "kbuild form, a.c"
printf '%s\n' "$err" | grep "shared_bus" | grep -q "warning:" &&
	fail "kbuild form: a warning for shared_bus, which b.c writes: $err"
expect_match "$err" "^a.c:4:17: note: 'shared_bus' .*external linkage.*unknown.*\\[const-driver-struct\\]$" "kbuild form, the note for shared_bus"
expect_match "$err" "^a.c:8:24: warning: 'own_bus' is never modified" "kbuild form, the static own_bus"
run "$DRVLINT" --no-cache --format=json "${kflags[@]}" a.c
printf '%s' "$err" | "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
for f in r["findings"]:
    if f["object"] == "shared_bus" and (f["severity"] != "note" or f.get("fix")):
        sys.exit("shared_bus: %s with fix %s" % (f["severity"], f.get("fix")))
' || fail "kbuild form, JSON: shared_bus is more than a note without a fix"

# Both files in one run: the tree is known, shared_bus is written.
run "$DRVLINT" --no-cache a.c b.c -- -nostdinc -I "$INCLUDE"
expect_status 1 "both files"
printf '%s\n' "$out" | grep -q "shared_bus" && fail "both files: shared_bus reported: $out"
expect_match "$out" "own_bus" "both files, own_bus"
finish
