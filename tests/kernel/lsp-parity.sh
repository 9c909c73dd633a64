#!/usr/bin/env bash
# drvlint's language server on driver files of the tree gives the command
# line's findings, after the first parse and after edits (a reparse with
# the precompiled preamble); and on buffers without their tables'
# sentinels and unregister calls (never written to disk), the reparse
# gives what the first parse gave (tests/lsp/kernel_parity.py).
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

LSP_LOG=$scratch/server.log python3 "$source_dir/tests/lsp/kernel_parity.py" \
	"$drvlint" "$tree" drivers/char/nvram.c drivers/ata/ahci.c \
	drivers/char/virtio_console.c drivers/rtc/rtc-cmos.c \
	drivers/i2c/busses/i2c-i801.c drivers/input/keyboard/atkbd.c ||
	fail "the server's findings differ (log: see above)"
note "ok"
