#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Neovim, headless, with drvlint's language server on a corpus file: the
# sentinel removed in the buffer, the diagnostic, the code action applied,
# the file on disk untouched (tests/lsp/nvim-session.lua).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${DRVLINT_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
drvlint=${DRVLINT:-$src/build/drvlint}
command -v nvim >/dev/null || { echo "nvim is not installed: skipped"; exit 77; }

# Under AddressSanitizer: see server_env() in lspclient.py.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}use_sigaltstack=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$src/testdata/id-table-sentinel/module-device-table.c" "$scratch/"
cat >"$scratch/compile_commands.json" <<JSON
[{"directory": "$scratch", "file": "module-device-table.c",
  "arguments": ["cc", "-nostdinc", "-I", "$src/testdata/include", "-c", "module-device-table.c"]}]
JSON
cd "$scratch"
DRVLINT=$drvlint LSP_FILE=$scratch/module-device-table.c LSP_TABLE=mdt_pci_ids_ok \
	LSP_LOG=$scratch/server.log \
	timeout 300 nvim --headless --clean -c "luafile $here/nvim-session.lua" ||
	{ status=$?; cat "$scratch/server.log" >&2 || true; exit "$status"; }
