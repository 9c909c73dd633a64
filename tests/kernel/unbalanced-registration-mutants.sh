#!/usr/bin/env bash
# unbalanced-registration's mutant recall on a slice of the default
# kernel set: tools/mutants deletes one unregister-side call from a
# module exit, a remove callback or an error path of randomly drawn
# functions that have no finding today (in a copy of each file, checked
# with its own compile command) and counts the mutants found.  Each kind
# must reach the floor below; the full measurement (N >= 200 per kind,
# Debian's configuration) is written in rules/unbalanced-registration.md.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

per_kind=${DRVLINT_MUTANTS:-12}
floor=${DRVLINT_MUTANTS_FLOOR:-35}

"$source_dir/tools/mutants" -p "$tree" --drvlint "$drvlint" \
	--rules-dir "$source_dir/rules" -n "$per_kind" --seed 1 -j "$jobs" \
	--misses --target "$floor" >"$scratch/out.txt" || {
	cat "$scratch/out.txt" >&2
	fail "a kind is below ${floor}% found"
}
cat "$scratch/out.txt"
grep -q '^exit .* found' "$scratch/out.txt" || fail "no exit mutant drawn"
grep -q '^error .* found' "$scratch/out.txt" || fail "no error-path mutant drawn"
note "ok"
