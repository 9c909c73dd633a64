#!/bin/bash
# --help, --version and --list-checks answer and exit 0.
. "$(dirname "$0")/lib.bash"

run "$DRVLINT" --help
expect_status 0 "--help"
expect_match "$out" "^Usage: drvlint" "--help"
run "$DRVLINT" --version
expect_status 0 "--version"
expect_match "$out" "^drvlint [0-9]+\.[0-9]+" "--version"
run "$DRVLINT" --list-checks
expect_status 0 "--list-checks"
expect_match "$out" "^id-table-sentinel " "--list-checks"
finish
