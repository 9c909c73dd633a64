#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# The Coccinelle engine never passes a run it did not check: a rule
# without its script is an error naming the script; a file spatch cannot
# parse is a failure with spatch's place and reason (but not an error
# inside a macro definition, which no check sees); and the summary says
# what spatch did.
source "$(dirname "$0")/lib.bash"
command -v spatch >/dev/null || { echo "spatch not installed: skipped"; exit 77; }

# --cocci-dir that does not exist, that is empty, that lacks one script.
run "$DRVLINT" --engine=cocci --cocci-dir "$SCRATCH/nosuch" "$FIXTURES/tables.c"
expect_status 2 "a --cocci-dir that does not exist"
expect_match "$err" "nosuch/[a-z-]+\.cocci: No such file or directory" "a --cocci-dir that does not exist"
mkdir "$SCRATCH/empty"
run "$DRVLINT" --engine=cocci --cocci-dir "$SCRATCH/empty" "$FIXTURES/tables.c"
expect_status 2 "an empty --cocci-dir"
expect_match "$err" "empty/[a-z-]+\.cocci: .*script of rule" "an empty --cocci-dir"
mkdir "$SCRATCH/some"
cp "$DRVLINT_SOURCE_DIR"/cocci/*.cocci "$SCRATCH/some/"
rm "$SCRATCH/some/registration-flag.cocci"
run "$DRVLINT" --engine=cocci --checks=id-table-sentinel,registration-flag \
	--cocci-dir "$SCRATCH/some" "$FIXTURES/tables.c"
expect_status 2 "a --cocci-dir without one rule's script"
expect_match "$err" "some/registration-flag\.cocci: .*script of rule registration-flag" \
	"a --cocci-dir without one rule's script"
run "$DRVLINT" --engine=cocci --checks=id-table-sentinel --cocci-dir "$SCRATCH/some" "$FIXTURES/tables.c"
expect_status 1 "the rule that has its script"

# A file spatch cannot parse: listed with spatch's place, exit 2; the
# other file is still checked.
run "$DRVLINT" --engine=cocci --format=json "$FIXTURES/syntax-error.c" "$FIXTURES/tables.c"
expect_status 2 "a file spatch cannot parse"
got=$(printf '%s' "$out" | "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
f = r["failures"]
print(len(f), f[0]["file"].endswith("syntax-error.c") if f else "-", f[0]["line"] if f else "-",
      len(r["findings"]), r["summary"]["failures"], r["summary"]["cocci"]["failed"])')
[ "$got" = "1 True 6 2 1 1" ] ||
	fail "a file spatch cannot parse: failures/file/line/findings/summary '$got', expected '1 True 6 2 1 1'"
expect_match "$out" "spatch could not parse this \(at '\{'\)" "spatch's reason"

# An error inside a macro definition only: spatch checked the code.
cat >"$SCRATCH/macro.c" <<'C'
#include <linux/mod_devicetable.h>

#define BROKEN(x) \
	static int x##_v = { ] ;

static const struct i2c_device_id ok_ids[] = {
	{ "ok" },
	{ }
};
C
run "$DRVLINT" --engine=cocci --format=json "$SCRATCH/macro.c"
expect_status 0 "a parse error inside a #define"

# The summary line says what spatch did: two files, findings in one, the
# other left out by the file selection (no script can match it) or not.
run "$DRVLINT" --engine=cocci --progress "$FIXTURES/tables.c" "$FIXTURES/clean.c"
expect_status 1 "two files"
expect_match "$err" "drvlint: 2 files \(1 checked by spatch, 1 not selected, 0 failed\), 2 findings" "cocci summary"
run "$DRVLINT" --engine=cocci --no-prefilter --progress "$FIXTURES/tables.c" "$FIXTURES/clean.c"
expect_match "$err" "drvlint: 2 files \(2 checked by spatch, 0 failed\), 2 findings" \
	"cocci summary without the selection"
printf '%s\n' "$err" | grep -q "units" && fail "the cocci-only summary speaks of libclang's units: $err"
run "$DRVLINT" --engine=cocci --format=json "$FIXTURES/tables.c" "$FIXTURES/clean.c"
got=$(printf '%s' "$out" | "$PYTHON" -c '
import json, sys
s = json.load(sys.stdin)["summary"]
print(s["units"], s["parsed"], s["cocci"]["files"], s["cocci"]["checked"], s["cocci"]["failed"])')
[ "$got" = "2 0 2 1 0" ] || fail "cocci summary in JSON: '$got', expected '2 0 2 1 0'"
# Both engines: each says what it did.
run "$DRVLINT" --no-cache --engine=all --progress "$FIXTURES/tables.c" "$FIXTURES/clean.c" -- -I"$INCLUDE"
expect_match "$err" "drvlint: 2 units \(2 parsed, 0 failed\), 2 files \(1 checked by spatch, 1 not selected, 0 failed\)" \
	"summary of both engines"
finish
