#!/bin/bash
# const-driver-struct's modes: --const-blocked says what blocks an object,
# --const-roadmap ranks the API parameters, __init-only writes suggest
# __ro_after_init, and a fix reaches the header that declares the object.
. "$(dirname "$0")/lib.bash"

cd "$DRVLINT_SOURCE_DIR/testdata/const-driver-struct" || exit 1
flags=(-- -nostdinc -I"$INCLUDE")

run "$DRVLINT" --checks=-*,const-driver-struct --const-blocked escapes.c writes.c "${flags[@]}"
expect_status 1 "--const-blocked"
expect_match "$out" "^escapes.c:8:31: note: 'es_legacy_group' \(struct attribute_group\) cannot be const yet: 1 use needs it writable" "blocked object"
expect_match "$out" "^escapes.c:[0-9]+:[0-9]+: note: passed to legacy_register_group\(\) whose parameter 1 is 'struct attribute_group \*'" "blocking parameter"
expect_match "$out" "note: passed to memset\(\) whose parameter 1 is 'void \*'" "memset"
expect_match "$out" "note: stored in 'p' as 'struct class \*'" "pointer variable"
expect_match "$out" "note: stored in an initializer as 'struct class \*'" "pointer field"
expect_match "$out" "note: returned as 'struct class \*'" "return"
expect_match "$out" "note: cast as 'struct class \*'" "cast"
expect_match "$out" "note: member 'probe' written here" "member write"
expect_match "$out" "'wr_member_bus' \(struct bus_type\) cannot be const: it is written, but only in __init code; '__ro_after_init'" "__init-only writes"
expect_match "$out" "^writes.c:32:24: warning: 'wr_read_bus' is never modified" "the constant object is still reported"

run "$DRVLINT" --checks=-*,const-driver-struct --const-roadmap escapes.c arrays.c "${flags[@]}"
expect_status 1 "--const-roadmap"
first=$(printf '%s\n' "$out" | grep -m1 ': note: ')
expect_match "$first" "sysfs.h:[0-9]+:[0-9]+: note: legacy_register_group\(\): parameter 1 is 'struct attribute_group \*': it blocks 2 objects, 2 of them only by it" "road map order"
expect_match "$out" "note: 'ar_escaped' blocked" "road map lists the objects"
expect_match "$out" "memset\(\): parameter 1 is 'void \*': it blocks 1 object, 1 of them only by it" "road map row"

# The inventory: per type, objects defined, const, can be const, blocked.
mkdir -p "$SCRATCH/inv"
cat >"$SCRATCH/inv/inv.c" <<'C'
#include <linux/device.h>
static const struct bus_type inv_a = { .name = "a" };
const struct bus_type inv_b = { .name = "b" };
static struct bus_type inv_c = { .name = "c" };
static struct bus_type inv_d = { .name = "d" };
static const struct class inv_e = { .name = "e" };
static const struct class *inv_p = &inv_e;
void inv_write(void);
void inv_write(void)
{
	inv_d.name = "w";
	(void)inv_c;
	(void)inv_p;
}
C
run "$DRVLINT" --checks=-*,const-driver-struct --const-inventory "$SCRATCH/inv/inv.c" "${flags[@]}"
expect_status 1 "--const-inventory"
expect_match "$out" "inv.c:2:30: note: struct bus_type: 4 objects: 2 const, 1 can be const now, 1 blocked \\[const-driver-struct\\]" "inventory row"
expect_match "$out" "note: struct class: 1 object: 1 const, 0 can be const now, 0 blocked" "inventory of a type with only const objects"
[ "$(printf '%s\n' "$out" | grep -c ': note: ')" -eq 2 ] || fail "inventory: one row per type expected: $out"

# A global declared in a header: the fix adds const in both places.
mkdir -p "$SCRATCH/hdr"
cat >"$SCRATCH/hdr/foo.h" <<'H'
#include <linux/device.h>
extern struct bus_type foo_bus;
H
cat >"$SCRATCH/hdr/foo.c" <<'C'
#include "foo.h"

struct bus_type foo_bus = {
	.name = "foo",
};

int foo_init(void);
int foo_init(void)
{
	return bus_register(&foo_bus);
}
C
cd "$SCRATCH/hdr" || exit 1
run "$DRVLINT" --checks=-*,const-driver-struct --fix foo.c "${flags[@]}"
expect_status 1 "--fix of a global"
grep -q '^extern const struct bus_type foo_bus;' foo.h || fail "the header declaration was not made const: $(cat foo.h)"
grep -q '^const struct bus_type foo_bus = {' foo.c || fail "the definition was not made const: $(cat foo.c)"
run "$DRVLINT" --checks=-*,const-driver-struct foo.c -- -Wall -Werror -nostdinc -I"$INCLUDE"
expect_status 0 "the fixed global parses clean"
finish
