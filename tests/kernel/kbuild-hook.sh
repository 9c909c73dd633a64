#!/usr/bin/env bash
# drvlint as kbuild's checker: 'make C=2 CHECK=drvlint' over one directory
# runs it on every file with the compiler's flags; findings reach the build
# log in compiler form, as many as 'drvlint -p' reports for the directory.
#
# Then one file loses a table's sentinel in place (restored on exit, or by
# the next 'kernel-tree prepare' if this test is killed): its finding must be
# in the log.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

rule=id-table-sentinel
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=drivers/i2c
file=drivers/i2c/i2c-smbus.c

# Run make C=2 for $dir into LOG; fail on a failed build or on a drvlint
# error line.
checked_make() {
	local log=$1
	if ! "$kernel_tree" make -j"$jobs" C=2 CHECK="$drvlint" "$dir/" >"$log" 2>&1; then
		tail -n 40 "$log" >&2
		fail "make C=2 CHECK=drvlint $dir/ failed"
	fi
	if grep -E ': (error|fatal error):|^drvlint:|\[parse-failure\]' "$log" >"$log.errors"; then
		head -n 20 "$log.errors" >&2
		fail "drvlint reported errors in the build log of $dir/"
	fi
	grep -c '^  CHECK   ' "$log" >"$log.checked" || true
}

sentinel_lines() {
	grep -E "^[^ ]+:[0-9]+:[0-9]+: warning: .*\\[$rule\\]\$" "$1" || true
}

# The pristine directory: as many findings in the log as drvlint -p gives.
report=$scratch/report.json
(cd "$tree" && run_drvlint "$report" --checks="-*,$rule" -p "$tree" "$dir")
expected=$(json_field "$report" summary.findings)
units=$(json_field "$report" summary.units)
((units > 0)) || fail "drvlint -p found no unit of $dir in the compile database"

checked_make "$scratch/pristine.log"
checked=$(cat "$scratch/pristine.log.checked")
((checked >= units)) ||
	fail "make C=2 checked $checked files of $dir/, the compile database has $units"
got=$(sentinel_lines "$scratch/pristine.log" | wc -l)
if ((got != expected)); then
	sentinel_lines "$scratch/pristine.log" >&2
	fail "$got [$rule] lines in the build log of $dir/, drvlint -p reports $expected"
fi
note "pristine $dir/: $checked files checked, $got [$rule] findings as with drvlint -p"

# One table without its sentinel: its finding reaches the log.
python3 "$here/remove-sentinels.py" "$tree/$file" "$scratch/changed.c" >"$scratch/tables" ||
	fail "cannot remove the sentinels of $file"
read -r state table line < <(grep '^removed ' "$scratch/tables") ||
	fail "$file has no table with a sentinel (tree out of date?)"
modify_in_place "$file" "$scratch/changed.c"
checked_make "$scratch/changed.log"
restore_in_place
sentinel_lines "$scratch/changed.log" >"$scratch/found"
if ! grep -qE "^$file:$line:[0-9]+: warning: .*'?$table'?.*\\[$rule\\]\$" "$scratch/found"; then
	cat "$scratch/found" >&2
	fail "no [$rule] finding for $table at $file:$line in the build log"
fi
got=$(wc -l <"$scratch/found")
((got == expected + 1)) ||
	fail "$got [$rule] lines in the log, expected $((expected + 1))"
note "$file without the sentinel of $table: finding in the build log"
