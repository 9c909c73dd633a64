#!/usr/bin/env bash
# Neovim, headless, with drvlint's language server on a driver of the
# tree: drivers/hid/hid-a4tech.c loses the sentinel of a4_devices in the
# buffer (never on disk), drvlint's diagnostic comes, its code action puts
# the sentinel back, and the file on disk is unchanged
# (tests/lsp/nvim-session.lua).  The tree's compile database is found
# from the file's directory up.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

command -v nvim >/dev/null || skip "nvim is not installed (Debian package neovim)"
file=drivers/hid/hid-a4tech.c
sum_before=$(sha256sum "$tree/$file")
status=0
DRVLINT=$drvlint LSP_FILE=$tree/$file LSP_TABLE=a4_devices \
	LSP_LOG=$scratch/server.log \
	timeout 600 nvim --headless --clean \
	-c "luafile $source_dir/tests/lsp/nvim-session.lua" || status=$?
if ((status)); then
	cat "$scratch/server.log" >&2 || true
	fail "the Neovim session failed (status $status)"
fi
[[ $(sha256sum "$tree/$file") == "$sum_before" ]] || fail "$file changed on disk"
grep -q "its entry in $tree/compile_commands.json" "$scratch/server.log" ||
	fail "the server did not take $file's command from its entry"
note "ok"
