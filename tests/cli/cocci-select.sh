#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The Coccinelle engine gives spatch only the files a script can match
# (checker/select/cocci_filter.h): over the whole annotated corpus, the findings
# must be exactly those of spatch given every file (--no-prefilter), and
# the selection must have left files out.
source "$(dirname "$0")/lib.bash"
command -v spatch >/dev/null || { echo "spatch not installed: skipped"; exit 77; }

corpus=$DRVLINT_SOURCE_DIR/testdata
dirs=()
for d in "$corpus"/*/; do
	[[ $(basename "$d") == include ]] || dirs+=("$d")
done

run "$DRVLINT" --engine=cocci -j 2 -v "${dirs[@]}"
selected=$out
selected_err=$err
[ "$status" -eq 1 ] || fail "selected: exit status $status, expected 1 (findings): $err"
run "$DRVLINT" --engine=cocci -j 2 --no-prefilter "${dirs[@]}"
[ "$status" -eq 1 ] || fail "every file: exit status $status, expected 1 (findings): $err"
[ -n "$out" ] || fail "no findings over the corpus"
[ "$selected" = "$out" ] ||
	fail "the selection changes the findings: $(diff <(echo "$out") <(echo "$selected"))"

# Each rule was given fewer files than there are: "N of M files to spatch".
for rule in const-driver-struct id-table-sentinel registration-flag unbalanced-registration; do
	line=$(printf '%s\n' "$selected_err" | grep "drvlint: $rule: .* files to spatch")
	[[ $line =~ ([0-9]+)\ of\ ([0-9]+)\ files ]] || { fail "$rule: no selection line"; continue; }
	((BASH_REMATCH[1] > 0 && BASH_REMATCH[1] < BASH_REMATCH[2])) ||
		fail "$rule: $line"
done
finish
