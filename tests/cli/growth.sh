#!/bin/bash
# id-table-sentinel's cost grows with the unit's size, not with its
# square: on generated units of N and 8N tables (half of them lacking
# their sentinel, each exported with MODULE_DEVICE_TABLE()), the CPU
# time of the larger is well under 20 times that of the smaller (a
# linear check gives about 8; a quadratic one, as reading the text from
# its start for each export was, gave 40 and more).
. "$(dirname "$0")/lib.bash"

small=2000
large=$((small * 8))

generate() {
	"$PYTHON" - "$1" <<'PY'
import sys
n = int(sys.argv[1])
print('#include <linux/module.h>\n#include <linux/pci.h>\n')
for i in range(n):
    end = '\t{ }\n' if i % 2 else ''
    print('static const struct pci_device_id gen_ids_%d[] = {\n'
          '\t{ PCI_DEVICE(0x8086, 0x%04x) },\n%s};\n'
          'MODULE_DEVICE_TABLE(pci, gen_ids_%d);\n' % (i, i % 65536, end, i))
PY
}

# run_size N: one run over N tables; its user and system time in ms go
# to $SCRATCH/ms$N.
run_size() {
	local n=$1 sec
	generate "$n" >"$SCRATCH/gen$n.c"
	TIMEFORMAT='%3U %3S'
	{ time "$DRVLINT" --checks=id-table-sentinel --no-cache --no-prefilter \
		--format=json -q "$SCRATCH/gen$n.c" -- -nostdinc -I "$INCLUDE" \
		>"$SCRATCH/out$n.json" 2>"$SCRATCH/err$n"; } 2>"$SCRATCH/time$n"
	status=$?
	[ "$status" -eq 1 ] ||
		fail "$n tables: exit status $status, expected 1: $(head -3 "$SCRATCH/err$n")"
	found=$("$PYTHON" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' \
		"$SCRATCH/out$n.json" 2>/dev/null)
	[ "${found:-0}" -eq $((n / 2)) ] ||
		fail "$n tables: ${found:-no} findings, expected $((n / 2))"
	sec=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$SCRATCH/time$n")
	echo "$sec" >"$SCRATCH/ms$n"
}

run_size $small
run_size $large
a=$(cat "$SCRATCH/ms$small")
b=$(cat "$SCRATCH/ms$large")
echo "cpu: $small tables $a ms, $large tables $b ms"
[ "$a" -gt 0 ] || a=1
[ "$b" -lt $((a * 20)) ] ||
	fail "$large tables took $b ms, $((b / a)) times the $a ms of $small tables"
finish
