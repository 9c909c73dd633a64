#!/bin/bash
# Called as kbuild's CHECK: compiler flags without '--', findings in
# compiler form on stderr, exit status 0 as sparse; a file that did not
# parse exits 2.
. "$(dirname "$0")/lib.bash"

cd "$FIXTURES" || exit 1
run "$DRVLINT" -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise \
	-Wno-return-void -Wno-unknown-attribute --arch=x86 -mlittle-endian \
	-m64 --target=x86_64-linux-gnu -D__x86_64__ -Wp,-MMD,"$SCRATCH/.tables.o.d" -nostdinc \
	-I "$INCLUDE" -DMODULE tables.c
expect_status 0 "kbuild form"
[ -z "$out" ] || fail "kbuild form printed on stdout: $out"
expect_match "$err" "^tables.c:6:[0-9]+: warning: .*\[id-table-sentinel\]" "kbuild form finding"
[ "$(printf '%s\n' "$err" | grep -c 'warning:')" -eq 2 ] || fail "kbuild form: expected 2 warnings: $err"
[ ! -e "$SCRATCH/.tables.o.d" ] || fail "kbuild form wrote a dependency file"

# Its options may come before the flags: CHECK="drvlint --checks=..."
run "$DRVLINT" --checks=id-table-sentinel -nostdinc -I "$INCLUDE" clean.c
expect_status 0 "kbuild form, clean"
[ -z "$err" ] || fail "kbuild form, clean file printed: $err"

# Without -v no note about the options dropped; with -v one line for all.
kflags=(-D__linux__ -Wbitwise -Wno-return-void --arch=x86 -m64 -Wall -Werror
	-Wp,-MMD,"$SCRATCH/.clean.o.d" -nostdinc -I "$INCLUDE" -DMODULE)
run "$DRVLINT" "${kflags[@]}" clean.c
expect_status 0 "kbuild form, options dropped"
[ -z "$err" ] || fail "kbuild form without -v printed: $err"
run env -u MAKELEVEL "$DRVLINT" -v "${kflags[@]}" clean.c
[ "$(printf '%s\n' "$err" | grep -c 'dropping')" -eq 1 ] ||
	fail "kbuild form -v: not one line for the dropped options: $err"
expect_match "$err" "^drvlint: note: dropping 4 compiler options: '-Wbitwise' '-Wall' '-Werror' '-Wp,-MMD," "kbuild form -v, dropped options"

# Under make, each option once per make run (its process group), a
# dependency file's option once whatever its file; never without -v.
cat >"$SCRATCH/make-run" <<SH
for f in a b; do
	"$DRVLINT" -v --cache-dir "$SCRATCH/cache" -Wall -Wp,-MMD,"$SCRATCH/.\$f.o.d" -nostdinc -I "$INCLUDE" clean.c 2>"$SCRATCH/\$f.err"
done
"$DRVLINT" -v --cache-dir "$SCRATCH/cache" -Wall -Wextra -nostdinc -I "$INCLUDE" clean.c 2>"$SCRATCH/c.err"
"$DRVLINT" --cache-dir "$SCRATCH/cache" -Wshadow -nostdinc -I "$INCLUDE" clean.c 2>"$SCRATCH/d.err"
SH
MAKELEVEL=1 setsid bash "$SCRATCH/make-run"
said() { grep "note: dropping\|not made" "$SCRATCH/$1.err"; }
expect_match "$(said a)" "^drvlint: note: dropping 2 compiler options: '-Wall' '-Wp,-MMD," "under make, the first file"
expect_match "$(said a)" "not made: no run over a whole build" "under make, the first file, the tree"
said b && fail "under make, the second file said again: $(said b)"
[ "$(said c)" = "drvlint: note: dropping 1 compiler option: '-Wextra'" ] ||
	fail "under make, a new option: $(said c)"
[ -s "$SCRATCH/d.err" ] && fail "under make, without -v: $(cat "$SCRATCH/d.err")"
MAKELEVEL=1 setsid bash "$SCRATCH/make-run"
expect_match "$(cat "$SCRATCH/a.err")" "dropping 2 compiler options" "another make run says them again"

# A file that does not parse was not checked: exit 2 and a line naming it.
run "$DRVLINT" "${kflags[@]}" syntax-error.c
expect_status 2 "kbuild form, a file that does not parse"
expect_match "$err" "^drvlint: error: syntax-error.c: not checked: expected '}'$" "kbuild form, not checked"
finish
