#!/bin/bash
# A device-id table whose name holds a non-ASCII identifier character
# (C23, GNU C and clang accept UTF-8 in identifiers) is reported like any
# other: its MODULE_DEVICE_TABLE() names it, and the name is read whole.
# Coccinelle's C parser does not accept such names: the libclang engine
# only.
. "$(dirname "$0")/lib.bash"

cat >"$SCRATCH/utf8.c" <<'SRC'
#include <linux/module.h>
#include <linux/pci.h>

static const struct pci_device_id tbl_é[] = {
	{ PCI_DEVICE(0x8086, 0x1234) },
	{ PCI_DEVICE(0x8086, 0x1235) },
};
MODULE_DEVICE_TABLE(pci, tbl_é);

static const struct pci_device_id tbl_ü_ok[] = {
	{ PCI_DEVICE(0x8086, 0x1234) },
	{ }
};
MODULE_DEVICE_TABLE(pci, tbl_ü_ok);

/* Only the whole name counts: 'tbl' is no table of this unit. */
static const struct pci_device_id tbl[] = {
	{ PCI_DEVICE(0x8086, 0x1236) },
};
MODULE_DEVICE_TABLE(pci, tblé);
SRC

run "$DRVLINT" --checks=id-table-sentinel --no-cache --format=json -q \
	"$SCRATCH/utf8.c" -- -nostdinc -I "$INCLUDE"
expect_status 1 "a table with a UTF-8 name"
got=$(printf '%s' "$out" | "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
print(" ".join("%s:%d" % (f["object"], f["line"]) for f in r["findings"]))')
[ "$got" = "tbl_é:4" ] ||
	fail "expected the one finding tbl_é:4, got '$got'"

finish
