#!/bin/bash
# The result cache: a second run takes every unit from the cache with the
# same report; an edited .c re-parses only itself and an edited header
# exactly the units that include it, while the tree-level decisions are
# made afresh; a corrupt, truncated or stale entry is rebuilt, never
# trusted; --no-cache neither reads nor writes.
. "$(dirname "$0")/lib.bash"

td=$DRVLINT_SOURCE_DIR/testdata
src=$SCRATCH/src
cache=$SCRATCH/cache
mkdir -p "$src"
cp -r "$td/include" "$src/include"
cp "$td"/const-driver-struct/globals.c "$td"/const-driver-struct/globals-user.c \
	"$td"/const-driver-struct/writes.c "$td"/id-table-sentinel/all-kinds.c \
	"$td"/registration-flag/*.c "$src"/
# A header of the tree that two units include and the others do not.
cat >"$src/shared.h" <<'EOF'
#include <linux/device.h>
#define SHARED_NAME "shared"
EOF
for u in one two; do
	cat >"$src/$u.c" <<EOF
#include "shared.h"
static struct bus_type ${u}_bus = {
	.name = SHARED_NAME,
};
int ${u}_register(void)
{
	return bus_register(&${u}_bus);
}
EOF
done
nunits=$(ls "$src"/*.c | wc -l)

# check [OPTION...]: one verbose JSON run over $src; the report in
# $SCRATCH/report.json, the units parsed now in $parsed (and failed in
# $failed), those taken from the cache in $cached (sorted base names).
check() {
	run "$DRVLINT" --cache-dir "$cache" -v --format=json \
		-o "$SCRATCH/report.json" "$@" "$src" -- -I"$src/include"
	parsed=$(printf '%s\n' "$err" | sed -n 's|.*/\([^/]*\): parsed.*|\1|p' | sort | xargs)
	cached=$(printf '%s\n' "$err" | sed -n 's|.*/\([^/]*\): from the cache.*|\1|p' | sort | xargs)
	failed=$(printf '%s\n' "$err" | sed -n 's|.*/\([^/]*\): failed.*|\1|p' | sort | xargs)
}

# The report without what may differ from run to run: time and the cache.
report_body() {
	"$PYTHON" -c '
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("seconds", "cached"):
    del r["summary"][k]
json.dump(r, sys.stdout, indent=1, sort_keys=True)' "$1"
}

# The findings array exactly as written.
findings_text() {
	sed -n '/^  "findings": \[/,/^  \],\{0,1\}$/p' "$1"
}

summary() {
	"$PYTHON" -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(s["units"], s["parsed"], s["cached"])' "$SCRATCH/report.json"
}

# The first run parses every unit and fills the cache.
check
expect_status 1 "first run"
cp "$SCRATCH/report.json" "$SCRATCH/first.json"
[ -z "$cached" ] || fail "first run: units from an empty cache: $cached"
[ "$(echo $parsed | wc -w)" -eq "$nunits" ] ||
	fail "first run parsed '$parsed', expected all $nunits units"
[ "$(ls "$cache"/*.deps | wc -l)" -eq "$nunits" ] ||
	fail "first run: $(ls "$cache"/*.deps | wc -l) manifests for $nunits units"
expect_match "$(summary)" "^$nunits $nunits 0$" "first run's summary"

# The second reads all from the cache, with the same findings byte for byte.
check
expect_status 1 "second run"
[ -z "$parsed" ] || fail "second run parsed '$parsed'"
[ "$(echo $cached | wc -w)" -eq "$nunits" ] || fail "second run: only '$cached' from the cache"
expect_match "$(summary)" "^$nunits $nunits $nunits$" "second run's summary"
cmp -s <(findings_text "$SCRATCH/first.json") <(findings_text "$SCRATCH/report.json") ||
	fail "cached findings differ: $(diff <(findings_text "$SCRATCH/first.json") <(findings_text "$SCRATCH/report.json"))"
cmp -s <(report_body "$SCRATCH/first.json") <(report_body "$SCRATCH/report.json") ||
	fail "cached report differs: $(diff <(report_body "$SCRATCH/first.json") <(report_body "$SCRATCH/report.json"))"
[ -n "$(findings_text "$SCRATCH/first.json" | grep '"rule"')" ] || fail "no findings to compare"

# The text format and the summary line say the same.
run "$DRVLINT" --cache-dir "$cache" --progress "$src" -- -I"$src/include"
expect_status 1 "text run"
expect_match "$err" "drvlint: $nunits units \(0 parsed, $nunits from the cache, 0 failed\)" "summary line"
# Off a terminal, nothing but the findings unless asked.
run "$DRVLINT" --cache-dir "$cache" "$src" -- -I"$src/include"
expect_status 1 "off a terminal"
[ -z "$err" ] || fail "off a terminal, stderr is not empty: $err"
# On one, the status line and the summary line.
if command -v script >/dev/null; then
	script -qec "'$DRVLINT' --cache-dir '$cache' '$src' -- -I'$src/include' >/dev/null" \
		/dev/null >"$SCRATCH/tty" </dev/null
	expect_match "$(tr '\r' '\n' <"$SCRATCH/tty")" \
		"\[$nunits/$nunits\] [0-9.]+ units/s, [0-9]+s left, [0-9]+ findings, $nunits from the cache" \
		"the status line on a terminal"
	expect_match "$(cat "$SCRATCH/tty")" "drvlint: $nunits units .* findings \(.*\), [0-9.]+ s" \
		"the summary line on a terminal"
fi

# Touched but not changed: its contents prove it, nothing is parsed.
touch "$src/writes.c" "$src/shared.h"
check
[ -z "$parsed" ] || fail "after touch: parsed '$parsed'"

# One .c edited: only it is parsed.
echo "/* an edit */" >>"$src/writes.c"
check
expect_status 1 "after editing writes.c"
[ "$parsed" = "writes.c" ] || fail "after editing writes.c: parsed '$parsed', expected writes.c"
cmp -s <(report_body "$SCRATCH/first.json") <(report_body "$SCRATCH/report.json") ||
	fail "after a comment was added: $(diff <(report_body "$SCRATCH/first.json") <(report_body "$SCRATCH/report.json"))"
check
[ -z "$parsed" ] || fail "after re-caching writes.c: parsed '$parsed'"

# A header edited: exactly the units that include it.
echo "/* an edit */" >>"$src/shared.h"
check
[ "$parsed" = "one.c two.c" ] || fail "after editing shared.h: parsed '$parsed', expected one.c two.c"
# Which units read linux/device.h, as the C compiler says.
includers=$(cd "$src" && for f in *.c; do
	${CC:-cc} -M -I"$src/include" "$f" | grep -q 'include/linux/device\.h' && echo "$f"
done | sort | xargs)
[ -n "$includers" ] || fail "no unit includes linux/device.h"
echo "/* an edit */" >>"$src/include/linux/device.h"
check
[ "$parsed" = "$includers" ] ||
	fail "after editing linux/device.h: parsed '$parsed', expected '$includers'"
# Same size, same modification time, other contents: still noticed.
sed -i 's/an edit/AN EDIT/' "$src/include/linux/device.h"
touch -r "$src/shared.h" "$src/include/linux/device.h"
check
[ "$parsed" = "$includers" ] ||
	fail "after an edit that keeps size and mtime: parsed '$parsed', expected '$includers'"

# A tree-level decision changes with another unit's edit: globals.c comes
# from the cache, globals-user.c no longer writes gl_shared_class.
sed -i 's/gl_shared_class.name = "gl-renamed";//' "$src/globals-user.c"
check
[ "$parsed" = "globals-user.c" ] || fail "after editing globals-user.c: parsed '$parsed'"
grep -q '"gl_shared_class"' "$SCRATCH/report.json" ||
	fail "gl_shared_class is not reported once its only write is gone"
run "$DRVLINT" --no-cache --format=json -o "$SCRATCH/fresh.json" "$src" -- -I"$src/include"
cmp -s <(findings_text "$SCRATCH/fresh.json") <(findings_text "$SCRATCH/report.json") ||
	fail "cache and fresh facts decide differently: $(diff <(findings_text "$SCRATCH/fresh.json") <(findings_text "$SCRATCH/report.json"))"
cp "$SCRATCH/fresh.json" "$SCRATCH/expected.json"

# entry FILE.c: the manifest of that unit's entry.
entry() {
	grep -l " $src/$1\$" "$cache"/*.deps | head -1
}

# damaged WHAT FILE.c REASON: the unit is parsed (the cache says why), the
# report is still right, and the rebuilt entry serves the next run.
damaged() {
	check
	[ "$parsed" = "$2" ] || fail "$1: parsed '$parsed', expected $2"
	expect_match "$err" "$2: parsed \(cache: ($3)" "$1"
	cmp -s <(report_body "$SCRATCH/expected.json") <(report_body "$SCRATCH/report.json") ||
		fail "$1: the report changed: $(diff <(report_body "$SCRATCH/expected.json") <(report_body "$SCRATCH/report.json"))"
	check
	[ -z "$parsed" ] || fail "$1: not rebuilt, parsed '$parsed' again"
}

check
m=$(entry writes.c)
[ -n "$m" ] || fail "no manifest names writes.c"
# A flipped digit inside a file's hash.
sed -i '0,/^dep \(.\)/s//dep X/' "$m"
damaged "a corrupt manifest" writes.c "checksum mismatch"
m=$(entry all-kinds.c)
head -c 200 "$m" >"$m.cut" && mv "$m.cut" "$m"
damaged "a truncated manifest" all-kinds.c "checksum mismatch|truncated"
m=$(entry one.c)
sed -i '1s/.*/drvlint-cache 999/' "$m"
damaged "a manifest of another format" one.c "a manifest of another format"
m=$(entry two.c)
j=${m%.deps}.json
sed -i 's/"parsed": 1/"parsed": 0/' "$j"
damaged "corrupt results" two.c "its results do not match the manifest"
m=$(entry globals.c)
rm "${m%.deps}.json"
damaged "missing results" globals.c "its results are missing"
m=$(entry globals-user.c)
printf 'drvlint-cache 1\nsum 0000000000000000\n' >"$m"
damaged "an empty manifest" globals-user.c "checksum mismatch"
# A well-formed entry of another configuration: drvlint's rules changed.
cp -r "$DRVLINT_SOURCE_DIR/rules" "$SCRATCH/rules"
echo "# a comment" >>"$SCRATCH/rules/id-tables.list"
check --rules-dir "$SCRATCH/rules"
[ "$(echo $parsed | wc -w)" -eq "$nunits" ] || fail "other rules: parsed only '$parsed'"
expect_match "$err" "cache: drvlint, its options or its rules changed" "other rules"
check
[ "$(echo $parsed | wc -w)" -eq "$nunits" ] || fail "back to the usual rules: parsed only '$parsed'"
check --checks=id-table-sentinel
[ -z "$cached" ] || fail "another check selection: '$cached' from the cache"

# A unit that fails to parse is cached as a failure.
printf '#include <linux/device.h>\nstatic struct bus_type b_bus;\nint broken(void) { return }\n' >"$src/broken.c"
check
expect_status 2 "a unit with a syntax error"
[ "$failed" = broken.c ] || fail "broken.c did not fail: '$failed'"
check
expect_status 2 "a cached failure"
case " $cached " in *" broken.c "*) ;; *) fail "the failure of broken.c is not cached: $cached";; esac
grep -q '"message": "expected expression"' "$SCRATCH/report.json" ||
	fail "the cached failure does not say what failed"
# ... and counted as a failure, not as a unit parsed or from the cache.
expect_match "$(summary)" "^$((nunits + 1)) $nunits $nunits$" "a cached failure's summary"
# ... but not one for a missing header, which may appear without an edit.
printf '#include <linux/device.h>\n#include "later.h"\nstatic struct bus_type b_bus = { .name = LATER };\n' >"$src/broken.c"
check
check
[ "$failed" = broken.c ] || fail "a missing header's failure came from the cache"
echo '#define LATER "later"' >"$src/later.h"
check
expect_status 1 "the missing header appeared"
rm "$src/broken.c" "$src/later.h"

# --no-cache neither reads nor writes.
run "$DRVLINT" --no-cache --cache-dir "$SCRATCH/none" -v "$src" -- -I"$src/include"
[ ! -e "$SCRATCH/none" ] || fail "--no-cache created the cache directory"
expect_match "$err" "parsed" "--no-cache parses"
printf '%s\n' "$err" | grep -q "from the cache" && fail "--no-cache read the cache"
# The default place is $XDG_CACHE_HOME/drvlint/units.
XDG_CACHE_HOME=$SCRATCH/xdg run "$DRVLINT" "$src" -- -I"$src/include"
[ "$(ls "$SCRATCH/xdg/drvlint/units/"*.deps 2>/dev/null | wc -l)" -eq "$nunits" ] ||
	fail "no entries in \$XDG_CACHE_HOME/drvlint/units"
XDG_CACHE_HOME=$SCRATCH/xdg2 run "$DRVLINT" --no-cache "$src" -- -I"$src/include"
[ ! -e "$SCRATCH/xdg2" ] || fail "--no-cache wrote to \$XDG_CACHE_HOME"
# A cache that cannot be written is a warning, not a failure.
run "$DRVLINT" --cache-dir /proc/nonexistent/cache "$src" -- -I"$src/include"
expect_status 1 "an unwritable cache"
expect_match "$err" "warning: not caching results" "an unwritable cache"
finish
