#!/bin/bash
# As kbuild's checker drvlint sees one file a call.  An object with
# external linkage that this file does not write may be written by another
# file of the module (fixtures/two-units: b.c writes a.c's shared_bus and
# only reads lone_bus): never "declare it const" with a fix from one file,
# at most a note that says what is unknown.  A static object is decided
# from its own file.  Once a run over the whole build (-p) has recorded
# every unit's facts, the one-file run decides from that record while it
# is current.
. "$(dirname "$0")/lib.bash"

# A copy: the last step edits b.c.
cp -r "$FIXTURES/two-units" "$SCRATCH/tree"
cd "$SCRATCH/tree" || exit 1
kflags=(-D__linux__ -m64 -Wp,-MMD,"$SCRATCH/.a.o.d" -nostdinc -I "$INCLUDE" -DMODULE)
cache=(--cache-dir "$SCRATCH/cache")

# No record of the tree: what needs b.c is not decided.
unknown_notes() { # $1: what
	expect_status 0 "$1"
	printf '%s\n' "$err" | grep -E "shared_bus|lone_bus" | grep -q "warning:" &&
		fail "$1: a warning for an object another file may write: $err"
	expect_match "$err" "(^|/)a.c:7:17: note: 'shared_bus' .*external linkage.*unknown.*\\[const-driver-struct\\]$" "$1, the note for shared_bus"
	expect_match "$err" "(^|/)a.c:11:17: note: 'lone_bus' .*external linkage.*unknown" "$1, the note for lone_bus"
	expect_match "$err" "(^|/)a.c:15:24: warning: 'own_bus' is never modified" "$1, the static own_bus"
}
run "$DRVLINT" --no-cache "${kflags[@]}" a.c
unknown_notes "kbuild form, no cache"
run "$DRVLINT" "${cache[@]}" -v "${kflags[@]}" a.c
unknown_notes "kbuild form, nothing recorded"
expect_match "$err" "not made: no run over a whole build that holds this file was recorded" "kbuild form, -v says why"
run "$DRVLINT" --no-cache --format=json "${kflags[@]}" a.c
printf '%s' "$err" | "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
for f in r["findings"]:
    if f["object"] in ("shared_bus", "lone_bus") and (f["severity"] != "note" or f.get("fix")):
        sys.exit("%s: %s with fix %s" % (f["object"], f["severity"], f.get("fix")))
' || fail "kbuild form, JSON: an external object is more than a note without a fix"

# Both files in one run: the tree is known, shared_bus is written.
run "$DRVLINT" --no-cache a.c b.c -- -nostdinc -I "$INCLUDE"
expect_status 1 "both files"
printf '%s\n' "$out" | grep -q "shared_bus" && fail "both files: shared_bus reported: $out"
expect_match "$out" "(^|/)a.c:11:17: warning: 'lone_bus' is never modified" "both files, lone_bus"
expect_match "$out" "own_bus" "both files, own_bus"

# A run over the whole build records the tree; the one-file run (and a
# run over one path of the database) then decides from the record.
mkdir "$SCRATCH/build"
"$PYTHON" - "$SCRATCH/tree" "$INCLUDE" >"$SCRATCH/build/compile_commands.json" <<'PY'
import json, sys
tree, inc = sys.argv[1:]
print(json.dumps([{"directory": tree, "file": f,
                   "arguments": ["cc", "-nostdinc", "-I", inc, "-c", f]}
                  for f in ("a.c", "b.c")]))
PY
run "$DRVLINT" "${cache[@]}" -p "$SCRATCH/build"
expect_status 1 "the whole build"
expect_match "$out" "(^|/)a.c:11:17: warning: 'lone_bus' is never modified" "the whole build, lone_bus"
decided() { # $1: what, $2: the stream
	printf '%s\n' "$2" | grep -q "shared_bus" && fail "$1: shared_bus, which b.c writes, reported: $2"
	printf '%s\n' "$2" | grep -q "unknown" && fail "$1: still unknown: $2"
	expect_match "$2" "(^|/)a.c:11:17: warning: 'lone_bus' is never modified; declare it 'const struct bus_type'" "$1, lone_bus"
	expect_match "$2" "(^|/)a.c:15:24: warning: 'own_bus' is never modified" "$1, own_bus"
}
run "$DRVLINT" "${cache[@]}" "${kflags[@]}" a.c
expect_status 0 "kbuild form, recorded"
decided "kbuild form, recorded" "$err"
run "$DRVLINT" "${cache[@]}" --format=json "${kflags[@]}" a.c
printf '%s' "$err" | "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
lone = [f for f in r["findings"] if f["object"] == "lone_bus"]
if len(lone) != 1 or lone[0]["severity"] != "warning" or not lone[0].get("fix"):
    sys.exit("lone_bus: %s" % lone)
' || fail "kbuild form, recorded, JSON: lone_bus is not a warning with its fix"
run "$DRVLINT" "${cache[@]}" -p "$SCRATCH/build" a.c
expect_status 1 "one path of the database, recorded"
decided "one path of the database, recorded" "$out"
run "$DRVLINT" --no-cache -p "$SCRATCH/build" a.c
expect_status 1 "one path of the database, no cache"
expect_match "$out" "(^|/)a.c:11:17: note: 'lone_bus' .*unknown" "one path of the database, no cache"

# b.c now writes lone_bus too: the record is out of date and not used.
printf 'void b_more(void) { lone_bus.name = "x"; }\n' >>b.c
run "$DRVLINT" "${cache[@]}" -v "${kflags[@]}" a.c
unknown_notes "kbuild form, b.c changed since the record"
expect_match "$err" "not used: .*b.c changed since the run that recorded the tree" "kbuild form, -v names the changed file"
run "$DRVLINT" "${cache[@]}" -p "$SCRATCH/build"
printf '%s\n' "$out" | grep -E -q "lone_bus|shared_bus" && fail "the whole build again: $out"
run "$DRVLINT" "${cache[@]}" "${kflags[@]}" a.c
printf '%s\n' "$err" | grep -E -q "lone_bus|shared_bus" && fail "kbuild form, the new record: $err"
finish
