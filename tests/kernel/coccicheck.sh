#!/usr/bin/env bash
# 'make coccicheck COCCI=<repo>/cocci/<rule>.cocci' works on the Debian
# 6.12 tree for every semantic patch of cocci/, as a kernel developer runs
# it: MODE=report and MODE=patch over M=drivers/i2c, then over an external
# directory (M=/abs/path, as for an out-of-tree module) holding the rule's
# annotated corpus and two drivers/i2c files whose id tables lost their
# sentinels, so that every rule has something to say.
#
# The output must be coccicheck's banner and nothing but report lines
# ('file:line:col-col: message') in report mode; in patch mode a diff that
# applies ('patch --dry-run').  The tree is only read.
set -euo pipefail

test_name=$(basename "$0" .sh)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=${DRVLINT_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
kernel_tree=$source_dir/tools/kernel-tree
note() { printf '%s: %s\n' "$test_name" "$*"; }
fail() { printf '%s: FAIL: %s\n' "$test_name" "$*" >&2; exit 1; }
skip() { printf '%s: SKIP: %s\n' "$test_name" "$*" >&2; exit 77; }

command -v spatch >/dev/null || skip "spatch is not installed (Debian package coccinelle)"
tree=$("$kernel_tree" path 2>/dev/null) ||
	skip "the kernel tree is not prepared (tools/kernel-tree prepare)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
jobs=$(nproc)
jobs=$((jobs < 2 ? jobs : 2))

mod=$scratch/mod
mkdir -p "$mod"
for f in drivers/i2c/i2c-smbus.c drivers/i2c/i2c-core-acpi.c; do
	python3 "$here/remove-sentinels.py" "$tree/$f" "$mod/$(basename "$f")" >/dev/null ||
		fail "cannot remove the sentinels of $f"
done

# Run 'make coccicheck' and keep its output; fail on a failed run.
coccicheck() {
	local out=$1 rule=$2 mode=$3 dir=$4 status=0
	"$kernel_tree" make -s coccicheck COCCI="$source_dir/cocci/$rule.cocci" \
		MODE="$mode" M="$dir" J="$jobs" >"$out" 2>&1 || status=$?
	if ((status != 0)) || grep -q "coccicheck failed" "$out"; then
		cat "$out" >&2
		fail "$rule: make coccicheck MODE=$mode M=$dir failed (status $status)"
	fi
}

# The lines of coccicheck's output that are not its banner, nor what
# spatch says while it picks the files worth parsing (it tries git grep
# first: the tree is no git repository).
payload() {
	grep -v -e '^make: \(Entering\|Leaving\) directory' -e '^$' \
		-e '^Please check for false positives' \
		-e '^When using "patch" mode' -e '^[^ ]*spatch -D ' \
		-e '^fatal: not a git repository' -e '^[0-9]* files\{0,1\} match$' "$1" || true
}

# Report mode: every line a report on a file under PREFIX; print the count.
check_report() {
	local out=$1 rule=$2 prefix=$3 bad
	bad=$(payload "$out" | grep -v -E "^(\./)?${prefix}[^:]*\.[ch]:[0-9]+:[0-9]+-[0-9]+: .+" || true)
	[[ -z $bad ]] || fail "$rule: lines that are not reports on $prefix:"$'\n'"$bad"
	payload "$out" | wc -l
}

# Patch mode: what is not the banner is a diff, and it applies in DIR.
check_patch() {
	local out=$1 rule=$2 dir=$3
	payload "$out" >"$out.diff"
	[[ -s $out.diff ]] || { echo 0; return; }
	grep -q '^+++ ' "$out.diff" || fail "$rule: patch mode printed no diff:"$'\n'"$(cat "$out.diff")"
	patch -p1 --dry-run -s -d "$dir" <"$out.diff" >"$out.patch-log" 2>&1 || {
		cat "$out.patch-log" >&2
		fail "$rule: the patch does not apply in $dir"
	}
	grep -c '^+++ ' "$out.diff"
}

rules=()
for script in "$source_dir"/cocci/*.cocci; do
	rules+=("$(basename "$script" .cocci)")
done
((${#rules[@]} > 0)) || fail "no semantic patch in cocci/"

for rule in "${rules[@]}"; do
	script=$source_dir/cocci/$rule.cocci
	rm -f "$mod"/corpus-*.c
	for f in "$source_dir/testdata/$rule"/*.c; do
		cp "$f" "$mod/corpus-$(basename "$f")"
	done

	coccicheck "$scratch/i2c.report" "$rule" report drivers/i2c
	i2c_reports=$(check_report "$scratch/i2c.report" "$rule" drivers/i2c/)
	coccicheck "$scratch/mod.report" "$rule" report "$mod"
	mod_reports=$(check_report "$scratch/mod.report" "$rule" "$mod/")
	((mod_reports > 0)) || fail "$rule: no report on its own corpus through make coccicheck"

	coccicheck "$scratch/i2c.patch" "$rule" patch drivers/i2c
	i2c_files=$(check_patch "$scratch/i2c.patch" "$rule" "$tree")
	coccicheck "$scratch/mod.patch" "$rule" patch "$mod"
	mod_files=$(check_patch "$scratch/mod.patch" "$rule" /)
	if grep -q 'depends on patch' "$script" && ((mod_files == 0)); then
		fail "$rule: patch mode changed nothing in its corpus"
	fi
	note "$rule: drivers/i2c: $i2c_reports reports, a patch of $i2c_files files; corpus: $mod_reports reports, a patch of $mod_files files that applies"
done
note "make coccicheck works for ${#rules[@]} semantic patches"
