#!/usr/bin/env bash
# Every translation unit of the default kernel directories parses: drvlint
# --no-prefilter over the whole compile database reports no failure.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

report=$scratch/report.json
run_drvlint "$report" --no-prefilter -j "$jobs" -p "$tree"

expected=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' \
	"$tree/compile_commands.json")
units=$(json_field "$report" summary.units)
parsed=$(json_field "$report" summary.parsed)
failures=$(json_field "$report" summary.failures)
note "$units translation units, $parsed parsed, $failures failed"

if ((failures != 0)); then
	json_failures "$report" | head -n 40 >&2
	fail "$failures of $units translation units did not parse"
fi
((units == expected)) ||
	fail "drvlint saw $units units, compile_commands.json lists $expected"
((parsed == units)) ||
	fail "only $parsed of $units units were parsed although --no-prefilter was given"
((drvlint_status != 2)) ||
	fail "drvlint exited with status 2 without a parse failure: $(cat "$report.stderr")"
