#!/usr/bin/env bash
# An out-of-tree build (make O=BUILD): the compile database and generated
# headers are in BUILD and the commands' include paths are relative to it.
# drvlint -p BUILD over the default directories gives the same findings,
# and no failure, run from the source tree, from BUILD and from /.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

build=$("$kernel_tree" --o-build prepare 2>"$scratch/o-prepare.log" | tail -n 1) || {
	cat "$scratch/o-prepare.log" >&2
	fail "tools/kernel-tree --o-build prepare failed"
}
src=$("$kernel_tree" --o-build source)
[[ -f $build/compile_commands.json && $build != "$src" ]] ||
	fail "no O= build with a compile database in $build"
grep -q '"-I./include"\|-I./include ' "$build/compile_commands.json" ||
	fail "the O= database has no include path relative to the build directory"

findings() {
	python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print('units', r['summary']['units'], 'failures', r['summary']['failures'])
for f in r['findings']:
    print(f['rule'], f['file'], f['line'], f['column'], f['message'])
for f in r['failures']:
    print('failure', f['file'], f['line'], f['message'])
PY
}

for where in src:"$src" build:"$build" root:/; do
	cd "${where#*:}"
	run_drvlint "$scratch/${where%%:*}.json" --no-cache -j "$jobs" --root "$src" -p "$build"
	cd - >/dev/null
	findings "$scratch/${where%%:*}.json" >"$scratch/${where%%:*}.findings"
done
read -r _ units _ failures <"$scratch/src.findings"
note "O= build from the source tree: $units units, $failures failures, $(($(wc -l <"$scratch/src.findings") - 1)) findings"
((failures == 0)) || {
	grep '^failure' "$scratch/src.findings" | head -n 20 >&2
	fail "$failures units of the O= build failed to parse from the source tree"
}
expected=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' \
	"$build/compile_commands.json")
((units == expected)) || fail "drvlint saw $units units, the database lists $expected"
for where in build root; do
	cmp -s "$scratch/src.findings" "$scratch/$where.findings" ||
		fail "from $where the findings differ: $(diff "$scratch/src.findings" "$scratch/$where.findings" | head -n 20)"
done
note "the same findings from the source tree, the build directory and /"
