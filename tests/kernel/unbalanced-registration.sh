#!/usr/bin/env bash
# unbalanced-registration on real driver files: deleting one unregister
# call (from a module exit, a remove callback, an error path) in a copy
# of the file gives the finding of that form, and writing one twice a
# double unregister; the pristine files give none.
# unbalanced-registration.list names the files and the calls.
# Each copy is checked with its file's own compile command, with the
# original directory on the quote include path.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

rule=unbalanced-registration
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list=$here/$rule.list

# Run drvlint on FILE (absolute) as if it were the tree's file REL.
# Prints the rule's findings, one 'line: message' each.
check_as() {
	local rel=$1 file=$2 out=$3
	python3 - "$tree" "$rel" "$file" "$drvlint" "$rule" "$out" <<'PY'
import json, os, shlex, subprocess, sys
tree, rel, path, drvlint, rule, out = sys.argv[1:]
db = json.load(open(os.path.join(tree, 'compile_commands.json')))
entry = next((e for e in db if os.path.normpath(os.path.join(e['directory'], e['file'])) ==
              os.path.join(tree, rel)), None)
if entry is None:
    sys.exit('%s is not in the compile database' % rel)
args = entry.get('arguments') or shlex.split(entry['command'])
flags, skip = [], False
for a in args[1:]:
    if skip:
        skip = False
    elif a == '-o':
        skip = True
    elif a == '-c' or a.endswith(rel) or a == entry['file']:
        pass
    else:
        flags.append(a)
flags += ['-iquote', os.path.dirname(os.path.join(tree, rel))]
cmd = [drvlint, '--quiet', '--format=json', '--checks=-*,' + rule, path, '--'] + flags
p = subprocess.run(cmd, cwd=entry['directory'], capture_output=True, text=True)
rep = json.loads(p.stdout)
if rep['failures']:
    sys.exit('%s: does not parse: %s' % (rel, rep['failures'][0]['message']))
with open(out, 'w') as f:
    for x in rep['findings']:
        if x['rule'] == rule:
            f.write('%d: %s\n' % (x['line'], x['message']))
PY
}

# Edit CALL, the first after FUNCTION's definition starts, from SRC into
# DST: delete it, or (for the form 'double') write it twice.
edit_call() {
	python3 - "$@" <<'PY'
import re, sys
src, dst, fn, form, call = sys.argv[1:]
lines = open(src).read().split('\n')
start = next((i for i, l in enumerate(lines)
              if re.match(r'^\w.*\b%s\(' % re.escape(fn), l) and not l.rstrip().endswith(';')), None)
if start is None:
    sys.exit('no definition of %s' % fn)
at = next((i for i in range(start, len(lines)) if call in lines[i]), None)
if at is None:
    sys.exit('no %s after %s' % (call, fn))
if form == 'double':
    indent = lines[at][:len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 1, indent + call)
else:
    lines[at] = lines[at].replace(call, '', 1)
open(dst, 'w').write('\n'.join(lines))
print(at + 1)
PY
}

declare -A form_text=(
	[exit]='(module init) is never unregistered'
	[remove]='(probe) is never unregistered'
	[error]='is not unregistered on this error path'
	[double]='is unregistered twice on a path'
)

n=0
declare -A pristine_done=()
while read -r rel fn form call; do
	[[ -f $tree/$rel ]] || fail "$rel is not in the tree (list out of date?)"
	[[ -n ${form_text[$form]:-} ]] || fail "unknown form '$form' in $list"
	if [[ -z ${pristine_done[$rel]:-} ]]; then
		check_as "$rel" "$tree/$rel" "$scratch/pristine.txt" || fail "cannot check $rel"
		if [[ -s $scratch/pristine.txt ]]; then
			cat "$scratch/pristine.txt" >&2
			fail "$rel: findings on the pristine file"
		fi
		pristine_done[$rel]=1
	fi
	copy=$scratch/$n/$(basename "$rel")
	mkdir -p "$(dirname "$copy")"
	line=$(edit_call "$tree/$rel" "$copy" "$fn" "$form" "$call") || fail "$rel: $line"
	how=deleting
	[[ $form == double ]] && how=doubling
	check_as "$rel" "$copy" "$scratch/found.txt" || fail "cannot check the edited $rel"
	if ! grep -qF -- "${form_text[$form]}" "$scratch/found.txt"; then
		cat "$scratch/found.txt" >&2
		fail "$rel: $how '$call' at line $line ($fn) gives no '$form' finding"
	fi
	note "$rel: $how '$call' at line $line: $form finding"
	n=$((n + 1))
done < <(sed -e 's/#.*//' "$list" | awk 'NF')
((n > 0)) || fail "no entry in $list"
note "ok $n edits"
