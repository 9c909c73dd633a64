#!/bin/bash
# The prefilter skips the units that name nothing an enabled check looks
# for, and parses those that name it only through a macro or an extern
# declaration of a shared header, or through a header of their own: the
# findings are those of a run with --no-prefilter.  The keys it builds
# from the shared headers are kept in the cache directory; a damaged keys
# file is rebuilt, never trusted.
. "$(dirname "$0")/lib.bash"

src=$SCRATCH/src
cache=$SCRATCH/cache
mkdir -p "$src"
cp -r "$DRVLINT_SOURCE_DIR/testdata/include" "$src/include"
# A shared header: a macro that defines a bus, an object declared extern.
cat >"$src/include/linux/prefilter-fixture.h" <<'EOF'
#include <linux/device.h>
#define FIXTURE_DEFINE_BUS(n) struct bus_type n = { .name = #n }
extern struct bus_type fixture_shared_bus;
EOF
for n in 1 2 3 4 5; do
	cat >"$src/plain$n.c" <<EOF
/* Nothing here for any check. */
int plain$n(int x)
{
	return x * $n;
}
EOF
done
# Defines a bus through the macro only: a finding.
cat >"$src/macro.c" <<'EOF'
#include <linux/prefilter-fixture.h>
static FIXTURE_DEFINE_BUS(macro_bus);
void *macro_bus_name(void)
{
	return (void *)macro_bus.name;
}
EOF
# Defines the shared bus; writer.c writes it without naming its type.
cat >"$src/owner.c" <<'EOF'
#include <linux/prefilter-fixture.h>
struct bus_type fixture_shared_bus = {
	.name = "shared",
};
EOF
cat >"$src/writer.c" <<'EOF'
#include <linux/prefilter-fixture.h>
void writer(void)
{
	fixture_shared_bus.name = "renamed";
}
EOF
# The table's type is named in a header of the unit's own only.
cat >"$src/local.h" <<'EOF'
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#define LOCAL_TABLE(n) static const struct pci_device_id n[] = { \
	{ .vendor = 1, .device = 2 }, \
}
EOF
cat >"$src/local.c" <<'EOF'
#include "local.h"
LOCAL_TABLE(local_ids);
MODULE_DEVICE_TABLE(pci, local_ids);
EOF
# Headers of the units' own that name key types without defining or
# reaching an object: a prototype's parameter, a member, a forward
# declaration, the type's own definition.  proto.c is skipped.
cat >"$src/proto.h" <<'EOF'
struct bus_type;
struct attribute_group {
	const char *name;
};
struct proto_priv {
	const struct attribute_group *groups;
	struct bus_type *bus;
};
int proto_show(const struct attribute_group *grp);
EOF
cat >"$src/proto.c" <<'EOF'
#include "proto.h"
int proto_count(const struct proto_priv *priv)
{
	return priv->groups != 0;
}
EOF
# An object of a key type declared extern in a unit's own header: the
# unit that writes it through that name is parsed, and the owner's
# object is then not reported.
cat >"$src/ext.h" <<'EOF'
#include <linux/device.h>
extern struct bus_type ext_bus;
int ext_prototype(int x);
EOF
cat >"$src/ext-owner.c" <<'EOF'
#include "ext.h"
struct bus_type ext_bus = {
	.name = "ext",
};
EOF
cat >"$src/ext-writer.c" <<'EOF'
#include "ext.h"
void ext_writer(void)
{
	ext_bus.name = "renamed";
}
EOF
cat >"$src/ext-reader.c" <<'EOF'
#include "ext.h"
int ext_reader(int x)
{
	return ext_prototype(x);
}
EOF

# check NAME [OPTION...]: a verbose JSON run over $src into $SCRATCH/NAME.json.
check() {
	local name=$1
	shift
	run "$DRVLINT" -v --format=json -o "$SCRATCH/$name.json" "$@" "$src" \
		-- -I"$src/include"
	[ "$status" -le 1 ] || fail "$name: exit status $status: $err"
	parsed=$(printf '%s\n' "$err" | sed -n 's|.*/\([^/]*\): parsed.*|\1|p' | sort | xargs)
	skipped=$(printf '%s\n' "$err" | sed -n 's|.*/\([^/]*\): skipped by prefilter.*|\1|p' | sort | xargs)
}

findings() {
	"$PYTHON" -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    print(f["rule"], f["file"].rsplit("/", 1)[-1], f["line"], f["message"])' "$1"
}

check all --no-cache --no-prefilter
[ -z "$skipped" ] || fail "--no-prefilter skipped $skipped"
check filtered --no-cache
[ "$skipped" = "ext-reader.c plain1.c plain2.c plain3.c plain4.c plain5.c proto.c" ] ||
	fail "skipped: '$skipped', expected ext-reader.c, the five plain units and proto.c"
[ "$parsed" = "ext-owner.c ext-writer.c local.c macro.c owner.c writer.c" ] ||
	fail "parsed: '$parsed', expected ext-owner.c ext-writer.c local.c macro.c owner.c writer.c"
expect_match "$err" "ext-writer.c: parsed \\(prefilter: 'ext_bus' in [^)]*/ext-writer.c\\)" "the key of an extern object names the writer"
expect_match "$err" 'prefilter: [0-9]+ keys, after reading [0-9]+ shared headers' "keys read"
all=$(findings "$SCRATCH/all.json")
filtered=$(findings "$SCRATCH/filtered.json")
[ "$all" = "$filtered" ] || fail "findings differ with the prefilter:
$all
---
$filtered"
expect_match "$all" "const-driver-struct macro.c .*macro_bus" "the bus defined by a macro"
expect_match "$all" "id-table-sentinel local.c .*local_ids" "the table of a unit's own header"
printf '%s\n' "$all" | grep -q fixture_shared_bus &&
	fail "fixture_shared_bus is written by writer.c, yet reported"
printf '%s\n' "$all" | grep -q ext_bus &&
	fail "ext_bus is written by ext-writer.c, yet reported"

# The keys are kept in the cache directory and read back.
check cached1 --cache-dir "$cache"
keys=$(ls "$cache"/prefilter-*.keys 2>/dev/null)
[ -n "$keys" ] || fail "no keys file in the cache directory"
rm -f "$cache"/*.json "$cache"/*.deps
check cached2 --cache-dir "$cache"
expect_match "$err" 'keys, from the cache' "keys from the cache"
[ "$(findings "$SCRATCH/cached2.json")" = "$all" ] || fail "findings differ with cached keys"

# A damaged keys file (a key dropped, or cut short) is rebuilt.
for damage in drop cut; do
	rm -f "$cache"/*.json "$cache"/*.deps
	case $damage in
	drop) sed -i '/^struct bus_type$/d' $keys ;;
	cut) truncate -s 100 $keys ;;
	esac
	check "damaged-$damage" --cache-dir "$cache"
	expect_match "$err" 'keys, after reading' "$damage: keys rebuilt"
	[ "$(findings "$SCRATCH/damaged-$damage.json")" = "$all" ] ||
		fail "$damage: findings differ after rebuilding the keys"
done

# An edited shared header changes the keys: its new macro is followed.
cat >>"$src/include/linux/prefilter-fixture.h" <<'EOF'
#define FIXTURE_ANOTHER_BUS(n) FIXTURE_DEFINE_BUS(n)
EOF
cat >"$src/plain5.c" <<'EOF'
static FIXTURE_ANOTHER_BUS(another_bus);
EOF
sed -i '1i #include <linux/prefilter-fixture.h>' "$src/plain5.c"
check edited --cache-dir "$cache"
expect_match "$err" 'keys, after reading' "edited header: keys rebuilt"
printf '%s\n' "$parsed" | grep -qw plain5.c || fail "plain5.c, now naming the new macro, was not parsed"
expect_match "$(findings "$SCRATCH/edited.json")" "const-driver-struct plain5.c .*another_bus" "the bus of the new macro"

finish
