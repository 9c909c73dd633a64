#!/usr/bin/env bash
# Real driver files whose device-id tables lose their zero sentinel get one
# id-table-sentinel finding per table that needs one, each on its table.
#
# sentinel-removed.list names the files and how many tables each has that
# need a sentinel.  Each file is copied into a scratch directory, every
# table's sentinel removed, and drvlint run on the copy with the file's own
# compile command (plus -iquote of its directory, for its local headers).
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

rule=id-table-sentinel
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list=$here/sentinel-removed.list

# The compile flags of FILE from the database, NUL-separated, without the
# compiler, -c, -o OUT, the dependency-file option and the source itself.
compile_flags() {
	python3 - "$tree/compile_commands.json" "$1" <<'PY'
import json, os, shlex, sys
db, wanted = sys.argv[1], sys.argv[2]
for entry in json.load(open(db)):
    path = os.path.normpath(os.path.join(entry['directory'], entry['file']))
    if path != wanted:
        continue
    args = entry.get('arguments') or shlex.split(entry['command'])
    flags, skip = [], False
    for arg in args[1:]:
        if skip:
            skip = False
        elif arg == '-o':
            skip = True
        elif arg == '-c' or arg.startswith('-Wp,-MMD,') or arg.startswith('-Wp,-MD,'):
            pass
        elif os.path.normpath(os.path.join(entry['directory'], arg)) == wanted:
            pass
        else:
            flags.append(arg)
    sys.stdout.write('\0'.join(flags) + '\0')
    sys.exit(0)
sys.exit('%s is not in %s' % (wanted, db))
PY
}

# Run drvlint on COPY with the flags of ORIGINAL (both relative paths of the
# tree; COPY in the scratch directory), from the tree's root as kbuild does.
check_copy() {
	local report=$1 copy=$2 original=$3 flags
	mapfile -d '' flags < <(compile_flags "$tree/$original") ||
		fail "no compile command for $original"
	(cd "$tree" && run_drvlint "$report" --checks="-*,$rule" --root "$scratch" \
		"$copy" -- "${flags[@]}" -iquote "$tree/$(dirname "$original")")
}

files=0 failed=0
while read -r path expected _; do
	[[ -z $path || $path == \#* ]] && continue
	files=$((files + 1))
	[[ -f $tree/$path ]] || fail "$path is not in the tree (list out of date?)"
	work=$scratch/$files
	mkdir -p "$work"
	name=$(basename "$path")

	# The untouched copy first: the compile command works and gives nothing.
	cp "$tree/$path" "$work/$name"
	check_copy "$work/pristine.json" "$work/$name" "$path"
	if (($(json_field "$work/pristine.json" summary.failures) != 0)); then
		json_failures "$work/pristine.json" >&2
		fail "$path: the copy does not parse with its compile command"
	fi
	if (($(json_field "$work/pristine.json" summary.findings) != 0)); then
		json_findings "$work/pristine.json" "$rule" >&2
		fail "$path: findings on the untouched copy"
	fi

	python3 "$here/remove-sentinels.py" "$tree/$path" "$work/$name" >"$work/tables" ||
		fail "$path: cannot remove its sentinels"
	removed=$(grep -c '^removed ' "$work/tables" || true)
	if ((removed != expected)); then
		cat "$work/tables" >&2
		fail "$path: removed $removed sentinels, the list expects $expected tables"
	fi

	check_copy "$work/report.json" "$work/$name" "$path"
	if (($(json_field "$work/report.json" summary.failures) != 0)); then
		json_failures "$work/report.json" >&2
		fail "$path: the copy without sentinels does not parse"
	fi
	# Each finding must be on a table that lost its sentinel, on the line of
	# its name, one per table.
	verdict=$(python3 - "$work/report.json" "$work/tables" "$rule" <<'PY'
import json, sys
report, tables, rule = sys.argv[1:]
# Tables by name and line: function-static tables of one file may share
# a name (drivers/ata/ahci.c has seven 'sysids').
want = set()
for line in open(tables):
    state, name, lineno = line.split()
    if state == 'removed':
        want.add((name, int(lineno)))
got, problems = set(), []
for f in json.load(open(report))['findings']:
    if f['rule'] != rule:
        continue
    key = (f['object'], f['line'])
    if key in got:
        problems.append('two findings on %s (line %d)' % key)
    got.add(key)
    if key not in want:
        problems.append('finding on %s (line %d), which kept its sentinel '
                        'or is not on the line of its name' % key)
for key in sorted(want - got):
    problems.append('no finding on %s (line %d)' % key)
print('%d findings' % len(got) if not problems else '; '.join(problems))
PY
)
	if [[ $verdict == "$expected findings" ]]; then
		note "$path: $verdict"
	else
		note "$path: FAIL: $verdict"
		failed=$((failed + 1))
	fi
done <"$list"

((files > 0)) || fail "no file in $list"
((failed == 0)) || fail "$failed of $files files did not give their expected findings"
note "$files files, all findings as expected"
