#!/bin/bash
# Every check's cost grows with the unit's size, not with its square.
# Generated units of N and 8N blocks, each block with what every check
# looks at (an attribute group, a bus type with external linkage, a PCI
# id table without its sentinel exported with MODULE_DEVICE_TABLE(), a
# platform driver whose probe registers a misc device and keeps a flag
# that remove tests, a bus and the driver registered by a function that
# module init calls, the driver unregistered by one that module exit
# calls): for each check alone, the
# CPU time of the larger unit is well under 20 times that of the smaller
# (a linear check gives about 8; the quadratic steps this guards against,
# such as reading the text from its start for each export, searching
# every object for each use, or comparing every register call with every
# unregister call by name, gave 30 to 60).
. "$(dirname "$0")/lib.bash"

small=200
large=$((small * 8))

generate() {
	"$PYTHON" - "$1" <<'PY'
import sys
n = int(sys.argv[1])
print('#include <linux/module.h>\n#include <linux/pci.h>\n#include <linux/miscdevice.h>\n'
      '#include <linux/device.h>\n#include <linux/platform_device.h>\n')
for i in range(n):
    print('''
static struct attribute *gen_attrs_%(i)d[] = { NULL };
static struct attribute_group gen_group_%(i)d = { .attrs = gen_attrs_%(i)d };
struct bus_type gen_bus_%(i)d = { .name = "gen%(i)d" };
static const struct pci_device_id gen_ids_%(i)d[] = {
	{ PCI_DEVICE(0x8086, 0x%(id)04x) },
};
MODULE_DEVICE_TABLE(pci, gen_ids_%(i)d);
static struct miscdevice gen_misc_%(i)d = { .name = "gen%(i)d" };
static bool gen_misc_on_%(i)d;
static int gen_probe_%(i)d(struct platform_device *pdev)
{
	int ret = misc_register(&gen_misc_%(i)d);
	if (ret)
		return ret;
	gen_misc_on_%(i)d = true;
	return 0;
}
static void gen_remove_%(i)d(struct platform_device *pdev)
{
	if (gen_misc_on_%(i)d)
		misc_deregister(&gen_misc_%(i)d);
	(void)gen_group_%(i)d;
}
static struct platform_driver gen_drv_%(i)d = {
	.probe = gen_probe_%(i)d,
	.remove = gen_remove_%(i)d,
	.driver = { .name = "gen%(i)d" },
};
static int gen_init_%(i)d(void)
{
	int ret = bus_register(&gen_bus_%(i)d);
	if (ret)
		return ret;
	return platform_driver_register(&gen_drv_%(i)d);
}
static void gen_exit_%(i)d(void)
{
	platform_driver_unregister(&gen_drv_%(i)d);
}''' % {"i": i, "id": i % 65536})
# Module init ignores the blocks' failures: a failure that left the
# earlier blocks' objects registered would be a finding for each of them
# at each return, a count that grows faster than the blocks.
print('static int __init gen_init(void)\n{')
for i in range(n):
    print('\tgen_init_%d();' % i)
print('\treturn 0;\n}\nstatic void __exit gen_exit(void)\n{')
for i in range(n):
    print('\tgen_exit_%d();' % i)
print('}\nmodule_init(gen_init);\nmodule_exit(gen_exit);')
PY
}

# run CHECK N: one run of CHECK over the unit of N blocks; prints its
# user and system time in ms, and its number of findings.
run_size() {
	local check=$1 n=$2
	TIMEFORMAT='%3U %3S'
	{ time "$DRVLINT" --checks="$check" --no-cache --no-prefilter \
		--format=json -q "$SCRATCH/gen$n.c" -- -nostdinc -I "$INCLUDE" \
		>"$SCRATCH/out.json" 2>"$SCRATCH/err"; } 2>"$SCRATCH/time"
	status=$?
	[ "$status" -le 1 ] ||
		fail "$check, $n blocks: exit status $status: $(head -3 "$SCRATCH/err")"
	awk '{ printf "%d ", ($1 + $2) * 1000 }' "$SCRATCH/time"
	"$PYTHON" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' \
		"$SCRATCH/out.json" 2>/dev/null || echo 0
}

generate $small >"$SCRATCH/gen$small.c"
generate $large >"$SCRATCH/gen$large.c"
for check in const-driver-struct id-table-sentinel registration-flag unbalanced-registration; do
	read -r a fa < <(run_size "$check" $small)
	read -r b fb < <(run_size "$check" $large)
	echo "$check: cpu $a ms for $small blocks ($fa findings), $b ms for $large ($fb findings)"
	# The findings grow with the blocks too: the larger unit was checked.
	[ "$fb" -ge $((fa * 8)) ] && [ "$fa" -ge "$small" ] ||
		fail "$check: $fa and $fb findings, expected at least $small and 8 times as many"
	[ "$a" -gt 0 ] || a=1
	[ "$b" -lt $((a * 20)) ] ||
		fail "$check: $large blocks took $b ms, $((b / a)) times the $a ms of $small blocks"
done
finish
