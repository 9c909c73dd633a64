#!/usr/bin/env bash
# An out-of-tree module (testdata/external-module: a platform driver of two
# units, one defect per rule, each marked 'expect: RULE' on its line)
# checked against the prepared tree through both routes a module's
# maintainer has:
#   make -C KDIR M=DIR C=2 CHECK=drvlint modules
#   make -C KDIR M=DIR compile_commands.json && drvlint -p DIR
# Each reports exactly the marked findings.  extmod_type, defined in one
# unit and written in the other, is never a warning: the whole module
# knows it is written; kbuild's one file a call only says it cannot know,
# until a run over the whole module has recorded its facts: then the
# one-file route decides it from that record too.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

module=$scratch/extmod
cp -r "$source_dir/testdata/external-module" "$module"
# The prepared tree has no vmlinux, hence no Module.symvers: modpost
# would fail on every symbol the module uses.  scripts/module.lds, which
# links a .ko, comes with modules_prepare.
mod_vars=(M="$module" KBUILD_MODPOST_WARN=1)
"$kernel_tree" make modules_prepare >"$scratch/modules_prepare.log" 2>&1 || {
	tail -n 20 "$scratch/modules_prepare.log" >&2
	fail "make modules_prepare failed"
}

# The marked findings: 'file:line: rule', sorted.
for f in "$module"/*.c; do
	grep -n 'expect: ' "$f" | sed -E "s|^([0-9]+):.*expect: ([a-z-]+).*|$(basename "$f"):\\1: \\2|"
done | sort >"$scratch/expected"
(($(wc -l <"$scratch/expected") == 4)) || fail "the fixture should mark one finding per rule: $(cat "$scratch/expected")"

# Route 1: drvlint as kbuild's checker, one file a call.
if ! "$kernel_tree" make "${mod_vars[@]}" C=2 CHECK="$drvlint" modules >"$scratch/kbuild.log" 2>&1; then
	tail -n 30 "$scratch/kbuild.log" >&2
	fail "make M=... C=2 CHECK=drvlint modules failed"
fi
grep -q '^  CHECK   .*extmod_sysfs.c' "$scratch/kbuild.log" || fail "kbuild did not run drvlint on extmod_sysfs.c"
if grep -E '\[parse-failure\]|^drvlint: error' "$scratch/kbuild.log" >&2; then
	fail "drvlint could not check a unit of the module as kbuild's checker"
fi
sed -nE 's|^[^ ]*/([^/ ]+\.c):([0-9]+):[0-9]+: warning: .*\[([a-z-]+)\]$|\1:\2: \3|p' \
	"$scratch/kbuild.log" | sort >"$scratch/kbuild.found"
diff -u "$scratch/expected" "$scratch/kbuild.found" >&2 ||
	fail "C=2 CHECK=drvlint: the warnings differ from the marked findings"
grep -q "note: 'extmod_type' .*unknown" "$scratch/kbuild.log" ||
	fail "C=2 CHECK=drvlint: no note that extmod_type's writes in other files are unknown"
note "C=2 CHECK=drvlint: the $(wc -l <"$scratch/expected") marked findings, a note for extmod_type"

# Route 2: the module's compile database.
if ! "$kernel_tree" make "${mod_vars[@]}" compile_commands.json >"$scratch/compdb.log" 2>&1; then
	tail -n 30 "$scratch/compdb.log" >&2
	fail "make M=... compile_commands.json failed"
fi
[[ -f $module/compile_commands.json ]] || fail "no compile_commands.json in the module's directory"
cd "$module"
run_drvlint "$scratch/module.json" --no-cache -p .
cd - >/dev/null
((drvlint_status == 1)) || fail "drvlint -p on the module: exit status $drvlint_status, expected 1"
((0 == $(json_field "$scratch/module.json" summary.failures))) ||
	fail "drvlint -p on the module: $(json_failures "$scratch/module.json")"
python3 - "$scratch/module.json" <<'PY' | sort >"$scratch/compdb.found"
import json, os, sys
for f in json.load(open(sys.argv[1]))['findings']:
    print('%s:%d: %s' % (os.path.basename(f['file']), f['line'], f['rule']))
PY
diff -u "$scratch/expected" "$scratch/compdb.found" >&2 ||
	fail "drvlint -p on the module: the findings differ from the marked ones"
note "make M=... compile_commands.json && drvlint -p: the marked findings, nothing for extmod_type"

# Route 1 again, once a run over the whole module recorded its facts.
cd "$module"
run_drvlint "$scratch/record.json" --cache-dir "$scratch/cache" -p .
cd - >/dev/null
((drvlint_status == 1)) || fail "drvlint -p with a cache: exit status $drvlint_status, expected 1"
if ! "$kernel_tree" make "${mod_vars[@]}" C=2 CHECK="$drvlint --cache-dir $scratch/cache" modules \
	>"$scratch/kbuild-recorded.log" 2>&1; then
	tail -n 30 "$scratch/kbuild-recorded.log" >&2
	fail "make M=... C=2 CHECK='drvlint --cache-dir ...' modules failed"
fi
sed -nE 's|^[^ ]*/([^/ ]+\.c):([0-9]+):[0-9]+: warning: .*\[([a-z-]+)\]$|\1:\2: \3|p' \
	"$scratch/kbuild-recorded.log" | sort >"$scratch/kbuild-recorded.found"
diff -u "$scratch/expected" "$scratch/kbuild-recorded.found" >&2 ||
	fail "C=2 CHECK=drvlint after the record: the warnings differ from the marked findings"
if grep "'extmod_type'" "$scratch/kbuild-recorded.log" >&2; then
	fail "C=2 CHECK=drvlint after the record: extmod_type is still reported"
fi
note "C=2 CHECK=drvlint after drvlint -p recorded the module: the marked findings, nothing for extmod_type"
