#!/usr/bin/env bash
# id-table-sentinel.cocci against the kernel's own of_table.cocci on real
# driver files whose device-id tables lost their zero sentinel.
#
# The files of sentinel-removed.list and cocci-sentinel-removed.list are
# copied into a scratch tree, every table's sentinel removed
# (remove-sentinels.py), and both semantic patches run over it as
# coccicheck runs them (report mode, each script's own options, --jobs).
# id-table-sentinel.cocci must report every table that of_table.cocci
# reports, the tables of the kinds of_table.cocci does not look at, and
# nothing on the untouched copies.
#
# The scripts read the tree and write only to a scratch directory: the
# tree need not hold the lock of tools/kernel-tree, only be prepared.
set -euo pipefail

test_name=$(basename "$0" .sh)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=${DRVLINT_SOURCE_DIR:-$(cd "$here/../.." && pwd)}
note() { printf '%s: %s\n' "$test_name" "$*"; }
fail() { printf '%s: FAIL: %s\n' "$test_name" "$*" >&2; exit 1; }
skip() { printf '%s: SKIP: %s\n' "$test_name" "$*" >&2; exit 77; }

tree=$("$source_dir/tools/kernel-tree" path 2>/dev/null) ||
	skip "the kernel tree is not prepared (tools/kernel-tree prepare)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
jobs=$(nproc)
ours=$source_dir/cocci/id-table-sentinel.cocci
theirs=$tree/scripts/coccinelle/misc/of_table.cocci
command -v spatch >/dev/null || skip "spatch is not installed (Debian package coccinelle)"
[[ -f $theirs ]] || fail "$theirs is missing"
cocci_jobs=$((jobs < 2 ? jobs : 2))

# Run a semantic patch over a directory the way coccicheck does.
coccicheck() {
	local script=$1 dir=$2 out=$3 opts
	opts=$(grep "Options:" "$script" | cut -d: -f2)
	# shellcheck disable=SC2086 # the options are words, as coccicheck uses them
	spatch -D report --very-quiet --no-show-diff $opts --jobs "$cocci_jobs" \
		--chunksize 1 --cocci-file "$script" --dir "$dir" >"$out" 2>"$out.stderr" ||
		{ cat "$out.stderr" >&2; fail "spatch $(basename "$script") failed on $dir"; }
}

mkdir -p "$scratch/pristine" "$scratch/removed"
: >"$scratch/expected"
: >"$scratch/tables"
while read -r path expected _; do
	[[ -z $path || $path == \#* ]] && continue
	[[ -f $tree/$path ]] || fail "$path is not in the tree (list out of date?)"
	mkdir -p "$scratch/pristine/$(dirname "$path")" "$scratch/removed/$(dirname "$path")"
	cp "$tree/$path" "$scratch/pristine/$path"
	python3 "$here/remove-sentinels.py" "$tree/$path" "$scratch/removed/$path" |
		sed "s|^|$path |" >>"$scratch/tables" || fail "$path: cannot remove its sentinels"
	echo "$path $expected" >>"$scratch/expected"
done < <(cat "$here/sentinel-removed.list" "$here/cocci-sentinel-removed.list")

coccicheck "$ours" "$scratch/pristine" "$scratch/pristine.ours"
coccicheck "$ours" "$scratch/removed" "$scratch/removed.ours"
coccicheck "$theirs" "$scratch/removed" "$scratch/removed.theirs"

python3 - "$scratch" <<'PY' || fail "see above"
import os, re, sys
scratch = sys.argv[1]
line_re = re.compile(r"^(.*?):(\d+):\d+-\d+: (.*)$")

def findings(name, pattern):
    out = set()
    for line in open(os.path.join(scratch, name)):
        m = line_re.match(line.strip())
        if not m:
            continue
        path = os.path.relpath(m.group(1), os.path.join(scratch, name.split(".")[0]))
        t = re.match(pattern, m.group(3))
        # by line too: function-static tables of a file may share a name
        out.add((path, t.group(1) if t else m.group(3), int(m.group(2))))
    return out

removed, kinds = set(), {}
for line in open(os.path.join(scratch, "tables")):
    path, state, table, lineno = line.split()
    if state == "removed":
        removed.add((path, table, int(lineno)))
expected = {}
for line in open(os.path.join(scratch, "expected")):
    path, n = line.split()
    expected[path] = int(n)

ours = findings("removed.ours", r"'(\w+)'")
theirs = findings("removed.theirs", r"(\w+) is not NULL terminated")
pristine = findings("pristine.ours", r"'(\w+)'")
problems = []
for f in sorted(pristine):
    problems.append("%s: '%s' (line %d) reported on the untouched copy" % f)
# of_table.cocci may put its report on another line than the name
names = lambda found: {(p, n) for p, n, _ in found}
for f in sorted(names(theirs) - names(ours)):
    problems.append("%s: of_table.cocci reports '%s', id-table-sentinel.cocci does not" % f)
for f in sorted(ours - removed):
    problems.append("%s: '%s' (line %d) reported but it kept its sentinel" % f)
for path, n in sorted(expected.items()):
    got = sum(1 for p, _, _ in ours if p == path)
    if got != n:
        problems.append("%s: %d tables reported, %d expected (%s)" % (path, got, n,
                        ", ".join(sorted(t for p, t, _ in ours if p == path))))
for p in problems:
    print("cocci-sentinel-removed: FAIL: " + p)
print("cocci-sentinel-removed: %d files, %d tables without their sentinel; "
      "of_table.cocci reports %d, id-table-sentinel.cocci %d (%d of kinds of_table.cocci does not cover)"
      % (len(expected), len(removed), len(theirs), len(ours), len(names(ours) - names(theirs))))
sys.exit(1 if problems else 0)
PY
note "every table of_table.cocci finds is found, and the other kinds too"
