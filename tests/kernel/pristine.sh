#!/usr/bin/env bash
# The pristine default kernel directories have no id-table-sentinel finding:
# every device-id table there ends with its zero entry.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

rule=id-table-sentinel
report=$scratch/report.json
run_drvlint "$report" --checks="-*,$rule" -j "$jobs" -p "$tree"

units=$(json_field "$report" summary.units)
parsed=$(json_field "$report" summary.parsed)
failures=$(json_field "$report" summary.failures)
note "$units translation units, $parsed parsed after the prefilter"
((failures == 0)) ||
	fail "$failures units did not parse, their tables were not checked (see parse-all)"

json_findings "$report" "$rule" >"$scratch/findings"
if [[ -s $scratch/findings ]]; then
	cat "$scratch/findings" >&2
	fail "$(wc -l <"$scratch/findings") $rule findings on the pristine tree"
fi
((drvlint_status == 0)) || fail "drvlint exited with status $drvlint_status and no finding"
