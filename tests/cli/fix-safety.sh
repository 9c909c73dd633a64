#!/bin/bash
# --fix never damages a file: it refuses a file edited since the checks
# read it (the offsets would be stale) and a file the user may not write,
# saying why (exit 2); a file it writes keeps its mode and owner.
. "$(dirname "$0")/lib.bash"

export XDG_CACHE_HOME="$SCRATCH/cache"
flags=(-- -nostdinc -I"$INCLUDE")
fresh() {
	rm -rf "$SCRATCH/t" && mkdir "$SCRATCH/t" &&
		cp "$FIXTURES/tables.c" "$DRVLINT_SOURCE_DIR/testdata/const-driver-struct/globals.c" "$SCRATCH/t/" &&
		cd "$SCRATCH/t" || exit 1
}

# Edited between the check and the fix: a shard's report, then an edit,
# then 'merge --fix'.  Both rules' fixes (id-table-sentinel's and
# const-driver-struct's, decided over all units) carry the text's hash.
for file in tables.c globals.c; do
	fresh
	run "$DRVLINT" --shard 1/1 --format=json -o "$SCRATCH/s.json" "$file" "${flags[@]}"
	# (const-driver-struct's fix is made by the merge, from the facts)
	[ "$file" = globals.c ] || grep -q '"source_hash"' "$SCRATCH/s.json" ||
		fail "$file: the shard's fixes carry no hash"
	{ echo "/* edited after the check */"; cat "$file"; } >"$file.new" && mv "$file.new" "$file"
	cp "$file" "$SCRATCH/edited.c"
	run "$DRVLINT" merge --fix "$SCRATCH/s.json"
	expect_status 2 "$file: --fix on a file edited since the check"
	expect_match "$err" "$file: changed since it was checked: its fixes are not applied" "$file: --fix on an edited file says why"
	cmp -s "$file" "$SCRATCH/edited.c" || fail "$file: --fix wrote an edited file: $(diff "$SCRATCH/edited.c" "$file")"
	# Unedited, the same merge fixes it.
	fresh
	run "$DRVLINT" --shard 1/1 --format=json -o "$SCRATCH/s.json" "$file" "${flags[@]}"
	run "$DRVLINT" merge --fix "$SCRATCH/s.json"
	expect_status 1 "$file: merge --fix on an unchanged file"
	cmp -s "$file" "$SCRATCH/edited.c" && fail "$file: merge --fix did not fix"
	run "$DRVLINT" "$file" "${flags[@]}"
	[ "$file" = globals.c ] || expect_status 0 "$file: fixed by merge --fix"
done

# A file with no write bit is left alone (also by root), and named.
fresh
chmod 0444 tables.c
run "$DRVLINT" --fix tables.c "${flags[@]}"
expect_status 2 "--fix on a read-only file"
expect_match "$err" "tables.c: not writable: its fixes are not applied" "--fix on a read-only file says why"
cmp -s tables.c "$FIXTURES/tables.c" || fail "--fix changed a read-only file"

# A file it writes keeps its mode, and (as root) its owner.
fresh
chmod 0604 tables.c
[ "$(id -u)" = 0 ] && chown 65534:65534 tables.c
run "$DRVLINT" --fix tables.c "${flags[@]}"
expect_status 1 "--fix"
cmp -s tables.c "$FIXTURES/tables.c" && fail "--fix did not fix"
[ "$(stat -c %a tables.c)" = 604 ] || fail "--fix changed the mode to $(stat -c %a tables.c)"
[ "$(id -u)" = 0 ] && { [ "$(stat -c %u:%g tables.c)" = 65534:65534 ] || fail "--fix changed the owner to $(stat -c %u:%g tables.c)"; }

# As a user who may write the directory but not the file: refused, and
# neither the file nor its owner changes.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$DRVLINT"; then
	fresh
	chmod 0777 "$SCRATCH" "$SCRATCH/t"
	chmod 0644 tables.c
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$DRVLINT" --no-cache --fix tables.c "${flags[@]}"
	expect_status 2 "--fix by a user who may not write the file"
	expect_match "$err" "not writable" "--fix by a user who may not write the file says why"
	cmp -s tables.c "$FIXTURES/tables.c" || fail "--fix by another user changed the file"
	[ "$(stat -c %u tables.c)" = 0 ] || fail "--fix by another user replaced the file (owner $(stat -c %u tables.c))"
else
	echo "not root or no setpriv: the other-user case is not run"
fi
finish
