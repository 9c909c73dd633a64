#!/usr/bin/env bash
# registration-flag on real driver files: the findings judged true by hand
# are found, one per flag, and files judged clean give none.
#
# registration-flag.list names the files and their expected counts.  Files
# in the tree's compile database use their own command; the others (not
# built by x86_64 defconfig) borrow the command of drivers/rtc/rtc-cmos.c
# with their own module name, as a module, without -Werror.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

rule=registration-flag
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list=$here/$rule.list

mapfile -t paths < <(sed -e 's/#.*//' "$list" | awk 'NF { print $1 }')
((${#paths[@]} > 0)) || fail "no file in $list"
for path in "${paths[@]}"; do
	[[ -f $tree/$path ]] || fail "$path is not in the tree (list out of date?)"
done

# A compile database in the scratch directory for exactly the listed files.
python3 - "$tree" "$scratch/compile_commands.json" "${paths[@]}" <<'PY' ||
import json, os, re, shlex, sys
tree, out, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
db = json.load(open(os.path.join(tree, 'compile_commands.json')))
have = {os.path.normpath(os.path.join(e['directory'], e['file'])): e for e in db}
ref = have.get(os.path.join(tree, 'drivers/rtc/rtc-cmos.c'))
if ref is None:
    sys.exit('drivers/rtc/rtc-cmos.c is not in the compile database')
args = ref.get('arguments') or shlex.split(ref['command'])
base, skip = [], False
for a in args[:-1]:
    if skip:
        skip = False
    elif a == '-o':
        skip = True
    elif a == '-c' or a.startswith(('-Werror', '-Wp,', '-DKBUILD_', '-D__KBUILD_MODNAME')):
        pass
    else:
        base.append(a)
entries = []
for rel in paths:
    full = os.path.join(tree, rel)
    if full in have:
        entries.append(have[full])
        continue
    name = re.sub(r'\W', '_', os.path.basename(rel)[:-2])
    entries.append({'directory': ref['directory'], 'file': full, 'arguments': base + [
        '-DMODULE', '-DKBUILD_MODFILE="%s"' % rel[:-2],
        '-DKBUILD_BASENAME="%s"' % name, '-DKBUILD_MODNAME="%s"' % name,
        '-D__KBUILD_MODNAME=kmod_' + name, '-c', full]})
json.dump(entries, open(out, 'w'), indent=1)
PY
	fail "cannot write the compile database"

run_drvlint "$scratch/report.json" -p "$scratch" --root "$tree" \
	--checks="-*,$rule" -j "$jobs" "${paths[@]/#/$tree/}"
if (($(json_field "$scratch/report.json" summary.failures) != 0)); then
	json_failures "$scratch/report.json" >&2
	fail "some listed files do not parse"
fi

# Count the findings by the file where the flag is set (the first related
# location), and compare with the list.
verdict=$(python3 - "$scratch/report.json" "$list" "$rule" <<'PY'
import collections, json, re, sys
report, listfile, rule = sys.argv[1:]
want = {}
for line in open(listfile):
    line = re.sub('#.*', '', line).split()
    if line:
        want[line[0]] = int(line[1])
got = collections.Counter()
for f in json.load(open(report))['findings']:
    if f['rule'] == rule and f['related']:
        got[f['related'][0]['file']] += 1
bad = ['%s: %d findings, expected %d' % (p, got[p], n)
       for p, n in sorted(want.items()) if got[p] != n]
bad += ['%s: %d unexpected findings' % (p, n)
        for p, n in sorted(got.items()) if p not in want]
print('\n'.join(bad) if bad else 'ok %d files, %d findings' % (len(want), sum(got.values())))
PY
)
if [[ $verdict != ok* ]]; then
	json_findings "$scratch/report.json" "$rule" >&2
	fail "$verdict"
fi
note "$verdict"
