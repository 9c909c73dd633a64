#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Patch mode of the semantic patches that have one: spatch -D patch over a
# rule's corpus gives, file by file, the patch in
# testdata/<rule>/<file>.cocci-patch (and nothing for a file without one),
# and the patches apply.
#
#   cocci-patch.sh --update   rewrites the expected patches from the output
source "$(dirname "$0")/lib.bash"

command -v spatch >/dev/null || { echo "spatch is not installed (Debian package coccinelle): skipped"; exit 77; }
update=${1-}

for rule in const-driver-struct id-table-sentinel; do
	script=$DRVLINT_SOURCE_DIR/cocci/$rule.cocci
	corpus=$DRVLINT_SOURCE_DIR/testdata/$rule
	work=$SCRATCH/$rule
	mkdir -p "$work"
	cp "$corpus"/*.c "$work"/
	opts=$(grep "Options:" "$script" | cut -d: -f2)
	# shellcheck disable=SC2086 # the options are words, as coccicheck uses them
	run bash -c "cd '$work' && spatch -D patch --very-quiet $opts --jobs 2 --cocci-file '$script' --dir . --patch ."
	expect_status 0 "$rule: spatch -D patch"
	# One file per patched source: NAME.cocci-patch.
	mkdir -p "$work/got"
	"$PYTHON" - "$SCRATCH/out" "$work/got" <<'EOF_PY'
import re, sys
out, got = sys.argv[1:]
name, parts = None, {}
for line in open(out):
    m = re.match(r"^diff -u -p a/(\S+) b/", line)
    if m:
        name = m.group(1)
        parts[name] = ""
    if name:
        parts[name] += line
for name, text in parts.items():
    open("%s/%s.cocci-patch" % (got, name), "w").write(text)
EOF_PY
	if [ "$update" = --update ]; then
		rm -f "$corpus"/*.cocci-patch
		cp "$work"/got/*.cocci-patch "$corpus"/ 2>/dev/null || true
		continue
	fi
	for want in "$corpus"/*.cocci-patch; do
		[ -e "$want" ] || continue
		name=$(basename "$want")
		if [ ! -f "$work/got/$name" ]; then
			fail "$rule: ${name%.cocci-patch}: no patch, expected $want"
		elif ! diff -u "$want" "$work/got/$name" >"$SCRATCH/diff"; then
			fail "$rule: ${name%.cocci-patch}: the patch differs from the expected one:"$'\n'"$(cat "$SCRATCH/diff")"
		fi
	done
	for got in "$work"/got/*.cocci-patch; do
		[ -e "$got" ] || continue
		[ -f "$corpus/$(basename "$got")" ] ||
			fail "$rule: $(basename "$got" .cocci-patch) is patched but has no expected patch: $(cat "$got")"
	done
	# The patches apply to the corpus.
	cat "$work"/got/*.cocci-patch >"$work/all.diff" 2>/dev/null
	[ -s "$work/all.diff" ] || fail "$rule: patch mode changed nothing in the corpus"
	run patch -p1 -s -d "$work" -i "$work/all.diff"
	expect_status 0 "$rule: the patches apply"
done

finish
