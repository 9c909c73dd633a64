#!/bin/bash
# Called as kbuild's CHECK: compiler flags without '--', findings in
# compiler form on stderr, exit status 0 as sparse.
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
finish
