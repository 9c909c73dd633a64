# SPDX-License-Identifier: GPL-2.0-only
# Shared by the command-line tests: the binary, a scratch directory, and
# assertions that say what failed.
set -u
: "${DRVLINT:?set DRVLINT to the drvlint binary}"
: "${DRVLINT_SOURCE_DIR:?set DRVLINT_SOURCE_DIR to the source tree}"
PYTHON=${PYTHON:-python3}
INCLUDE="$DRVLINT_SOURCE_DIR/testdata/include"
FIXTURES="$DRVLINT_SOURCE_DIR/tests/cli/fixtures"
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# run CMD...: sets $status, $out and $err.
run() {
	"$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
	status=$?
	out=$(cat "$SCRATCH/out")
	err=$(cat "$SCRATCH/err")
}

expect_status() {
	[ "$status" -eq "$1" ] || fail "$2: exit status $status, expected $1 (stderr: $err)"
}

expect_match() {
	printf '%s\n' "$1" | grep -qE -- "$2" || fail "$3: output does not match '$2': $1"
}

finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures failed"
		exit 1
	fi
	echo "all passed"
	exit 0
}
