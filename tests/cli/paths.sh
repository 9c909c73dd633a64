#!/bin/bash
# Trees and builds as users have them.  An O= build: the database and the
# generated headers are in the build directory, its commands use include
# paths relative to it; the result does not depend on the working
# directory.  Paths name files whichever way they are written (a symlinked
# tree, "..", "./", a trailing slash); a relative "directory" is relative
# to the database; a directory with a symlink loop lists each file once,
# in both engines.
. "$(dirname "$0")/lib.bash"

S=$SCRATCH
mkdir -p "$S/src/drivers/foo" "$S/build/gen" "$S/build/include/generated"
cat >"$S/src/drivers/foo/a.c" <<'C'
#include <linux/device.h>
#include "gen.h"

static struct bus_type foo_bus = {	/* only read: could be const */
	.name = FOO_NAME,
};

int foo_init(void)
{
	return bus_register(&foo_bus);
}
C
cat >"$S/src/drivers/foo/b.c" <<'C'
#include <linux/device.h>
#include <generated/autoconf.h>

static struct bus_type bar_bus = {
	.name = BAR_NAME,
};

int bar_init(void)
{
	return bus_register(&bar_bus);
}
C
echo '#define FOO_NAME "foo"' >"$S/build/gen/gen.h"
echo '#define BAR_NAME "bar"' >"$S/build/include/generated/autoconf.h"
echo '#define CONFIG_FOO 1' >"$S/build/include/generated/config.h"
# kbuild's form of an O= build: absolute paths into the source, relative
# ones into the build directory.
"$PYTHON" - "$S" "$INCLUDE" <<'PY'
import json, sys
s, include = sys.argv[1:]
db = []
for f in ("a.c", "b.c"):
    src = "%s/src/drivers/foo/%s" % (s, f)
    db.append({"directory": s + "/build", "file": src,
               "command": "gcc -Wp,-MMD,drivers/foo/.%s.d -nostdinc -I%s "
                          "-I./gen -I ./include -include ./include/generated/config.h "
                          "-c -o drivers/foo/%so %s" % (f, include, f[:-1], src)})
json.dump(db, open(s + "/build/compile_commands.json", "w"), indent=1)
PY

# The findings and failures of a JSON report on stdin, paths relative to
# the source tree.
summary() {
	"$PYTHON" -c '
import json, sys
text = sys.stdin.read()
if not text:
    sys.exit("no report")
r = json.loads(text)
print(r["summary"]["units"], "units", r["summary"]["failures"], "failures")
for f in r["findings"]:
    print(f["rule"], f["file"], f["line"], f["column"], f["message"])
for f in r["failures"]:
    print("failure", f["file"], f["message"])
'
}

for where in src:"$S/src" build:"$S/build" root:/; do
	(cd "${where#*:}" && "$DRVLINT" --no-cache --format=json --root "$S/src" \
		-p "$S/build") 2>"$S/err" | summary >"$S/o-build.${where%%:*}"
done
expected="2 units 0 failures"
head -n 1 "$S/o-build.src" | grep -qx "$expected" ||
	fail "O= build from the source tree: $(cat "$S/o-build.src") $(cat "$S/err")"
grep -q '^const-driver-struct drivers/foo/a.c ' "$S/o-build.src" ||
	fail "O= build: no finding in drivers/foo/a.c: $(cat "$S/o-build.src")"
cmp -s "$S/o-build.src" "$S/o-build.build" ||
	fail "O= build: the source tree and the build directory differ"
cmp -s "$S/o-build.src" "$S/o-build.root" ||
	fail "O= build: the source tree and / differ"
# The relative -p from the source tree, as people type it.
(cd "$S/src" && "$DRVLINT" --no-cache --format=json --root . -p ../build drivers/foo) \
	2>/dev/null | summary >"$S/o-build.rel"
cmp -s "$S/o-build.src" "$S/o-build.rel" ||
	fail "O= build: -p ../build drivers/foo from the source tree differs: $(cat "$S/o-build.rel")"

# A symlinked tree and the spellings of one file and one directory.
ln -s "$S/src" "$S/link"
units_of() {
	(cd "$S/src/drivers" && "$DRVLINT" --no-cache --format=json \
		--root "$S/src" -p "$S/build" "$@") 2>"$S/err" | summary
}
want=$(units_of "$S/src/drivers/foo/a.c")
head -n 1 <<<"$want" | grep -qx "1 units 0 failures" || fail "a.c alone: $want"
for form in "$S/link/drivers/foo/a.c" "$S/src/drivers/foo/../foo/./a.c" \
	"foo/a.c" "./foo//a.c" "../drivers/foo/a.c" "$S/link/drivers/../drivers/foo/a.c"; do
	got=$(units_of "$form")
	[ "$got" = "$want" ] || fail "'$form' selects other units than a.c: $got $(cat "$S/err")"
done
want=$(units_of "$S/src/drivers/foo")
head -n 1 <<<"$want" | grep -qx "2 units 0 failures" || fail "drivers/foo: $want"
for form in "$S/link/drivers/foo" "$S/link/drivers/foo/" "foo/" "foo/." \
	"./foo/../foo" "$S/src/drivers/foo//"; do
	got=$(units_of "$form")
	[ "$got" = "$want" ] || fail "'$form' selects other units than drivers/foo: $got $(cat "$S/err")"
done
# A database that names the tree through the symlink.
sed "s|$S/src|$S/link|g" "$S/build/compile_commands.json" >"$S/db.json"
mkdir "$S/build2" && mv "$S/db.json" "$S/build2/compile_commands.json"
sed -i "s|\"$S/build\"|\"$S/build\"|" "$S/build2/compile_commands.json"
got=$( (cd "$S/src/drivers" && "$DRVLINT" --no-cache --format=json --root "$S/src" \
	-p "$S/build2" "$S/src/drivers/foo/a.c") 2>"$S/err" | summary)
[ "$got" = "$(units_of "$S/src/drivers/foo/a.c")" ] ||
	fail "a database naming the tree through a symlink: $got $(cat "$S/err")"

# A relative "directory" is taken relative to the database's directory,
# once.
mkdir -p "$S/rel/sub"
cp "$S/src/drivers/foo/a.c" "$S/rel/sub/a.c"
echo '#define FOO_NAME "rel"' >"$S/rel/sub/gen.h"
printf '[{"directory": "sub", "file": "a.c", "command": "gcc -nostdinc -I%s -c a.c"}]\n' \
	"$INCLUDE" >"$S/rel/compile_commands.json"
run "$DRVLINT" --no-cache --format=json -p "$S/rel"
got=$(printf '%s' "$out" | summary)
[ "$(head -n 1 <<<"$got")" = "1 units 0 failures" ] &&
	grep -q "^const-driver-struct sub/a.c " <<<"$got" ||
	fail "relative directory: $got $err"

# A symlink loop: each file once, in both engines.
mkdir -p "$S/loop/sub"
cp "$FIXTURES/tables.c" "$S/loop/a.c"
ln -s .. "$S/loop/sub/up"
engines=clang
command -v spatch >/dev/null && engines="clang cocci"
for engine in $engines; do
	run "$DRVLINT" --no-cache --engine="$engine" --format=json --root "$S/loop" \
		"$S/loop" -- -nostdinc -I"$INCLUDE"
	got=$(printf '%s' "$out" | summary |
		awk 'NR == 1 { print; next } { print $1, $2, $3 }')
	[ "$got" = "$(printf '1 units 0 failures\nid-table-sentinel a.c 6\nid-table-sentinel a.c 12')" ] ||
		fail "symlink loop, $engine engine: $got"
done
finish
