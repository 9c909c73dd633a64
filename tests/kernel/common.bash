# Shared by the real-kernel tests (sourced, not a test itself).
#
# Sets: source_dir, drvlint, kernel_tree (the tools/kernel-tree script),
# tree (the prepared tree with the default compile database), scratch (a
# temporary directory removed on exit), jobs.
set -euo pipefail

test_name=$(basename "$0" .sh)
source_dir=${DRVLINT_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
drvlint=${DRVLINT:-$source_dir/build/drvlint}
kernel_tree=$source_dir/tools/kernel-tree
jobs=$(nproc)

note() {
	printf '%s: %s\n' "$test_name" "$*"
}

fail() {
	printf '%s: FAIL: %s\n' "$test_name" "$*" >&2
	exit 1
}

skip() {
	printf '%s: SKIP: %s\n' "$test_name" "$*" >&2
	exit 77
}

[[ -x $drvlint ]] || fail "no drvlint binary at $drvlint (build it, or set DRVLINT)"
command -v python3 >/dev/null || fail "python3 is needed"

scratch=$(mktemp -d)
modified_files=()
cleanup() {
	restore_in_place
	rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# 'prepare' is instant on a prepared tree and restores the default compile
# database if another one was written since.
prepare_status=0
tree=$("$kernel_tree" prepare 2>"$scratch/prepare.log" | tail -n 1) || prepare_status=$?
if ((prepare_status == 3)); then
	cat "$scratch/prepare.log" >&2
	skip "the kernel tree cannot be prepared on this machine"
elif ((prepare_status != 0)) || [[ ! -f $tree/compile_commands.json ]]; then
	cat "$scratch/prepare.log" >&2
	fail "tools/kernel-tree prepare failed (status $prepare_status)"
fi

# Print a field of a drvlint JSON report: json_field REPORT summary.failures
json_field() {
	python3 - "$1" "$2" <<'EOF'
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split('.'):
    value = value[key]
print(value)
EOF
}

# The findings of one rule in a JSON report, one 'file:line: object: message'
# line each.
json_findings() {
	python3 - "$1" "$2" <<'EOF'
import json, sys
for f in json.load(open(sys.argv[1]))['findings']:
    if f['rule'] == sys.argv[2]:
        print('%s:%d: %s: %s' % (f['file'], f['line'], f['object'], f['message']))
EOF
}

# The parse failures of a JSON report, one line each.
json_failures() {
	python3 - "$1" <<'EOF'
import json, sys
for f in json.load(open(sys.argv[1]))['failures']:
    print('%s:%s:%s: %s' % (f['file'], f.get('line'), f.get('column'), f['message']))
EOF
}

# Run drvlint with a JSON report in $1; fail on status 2 unless allowed.
# Usage: run_drvlint REPORT [DRVLINT-ARGS...]; sets drvlint_status.
run_drvlint() {
	local report=$1
	shift
	drvlint_status=0
	"$drvlint" --quiet --format=json -o "$report" "$@" 2>"$report.stderr" || drvlint_status=$?
	if [[ ! -s $report ]]; then
		cat "$report.stderr" >&2
		fail "drvlint $* wrote no report (status $drvlint_status)"
	fi
}

# Replace a file of the tree (path relative to it) with the content of
# another for the rest of the test.  The original is kept in the tree's
# .drvlint-restore/ and put back on exit, or by the next 'kernel-tree
# prepare' if the test is killed; the tree's lock is held meanwhile so that
# no 'prepare' restores it under the test.
modify_in_place() {
	local rel=$1 new=$2 saved=$tree/.drvlint-restore/$1
	if ((${#modified_files[@]} == 0)); then
		exec 8>"$(dirname "$tree")/.lock"
		flock 8
	fi
	mkdir -p "$(dirname "$saved")"
	cp -p "$tree/$rel" "$saved" || fail "cannot save $rel before changing it"
	modified_files+=("$rel")
	cat "$new" >"$tree/$rel" || fail "cannot change $rel"
}

# Put back what modify_in_place changed.  The content only: the file is
# newer than the object built from the changed text, so kbuild rebuilds it.
restore_in_place() {
	local rel saved
	((${#modified_files[@]})) || return 0
	for rel in "${modified_files[@]}"; do
		saved=$tree/.drvlint-restore/$rel
		if cmp -s "$saved" "$tree/$rel" || cat "$saved" >"$tree/$rel"; then
			rm -f "$saved"
			printf '%s: restored %s\n' "$test_name" "$rel" >&2
		else
			printf '%s: ERROR: cannot restore %s; its original is %s\n' \
				"$test_name" "$rel" "$saved" >&2
		fi
	done
	modified_files=()
	find "$tree/.drvlint-restore" -depth -type d -empty -delete 2>/dev/null || true
}
