#!/usr/bin/env bash
# A unit parses under drvlint exactly when 'clang -fsyntax-only' with the
# unit's own command, filtered as drvlint filters it (checker/engine/
# flags.c, read by tools/bench-speed), accepts it: for every unit of the
# default directories.  A handful of units changed so that they compile
# only with the options that relax clang's default errors, and one that
# does not compile at all, are part of the comparison.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

clang=$(command -v clang-19 || command -v clang) || skip "no clang to compare with"

# The database, plus variants of one unit in a scratch directory: one that
# compiles only with -Wno-error=incompatible-function-pointer-types, one
# only with -Wno-int-conversion, one with a syntax error.
python3 - "$tree/compile_commands.json" "$scratch" <<'PY'
import json, os, shlex, sys
db, scratch = sys.argv[1:]
units = json.load(open(db))
base = next(u for u in units if u['file'].endswith('drivers/i2c/i2c-smbus.c'))
variants = {
    'fnptr.c': ('static int f(int x) { return x; }\n'
                'void (*g)(void) = f;\n',
                ['-Wno-error=incompatible-function-pointer-types']),
    'intconv.c': ('int *p = 1;\n', ['-Wno-int-conversion']),
    'broken.c': ('int x = ;\n', []),
}
for name, (text, extra) in variants.items():
    path = os.path.join(scratch, name)
    src = open(base['file']).read()
    open(path, 'w').write(src + '\n' + text)
    args = shlex.split(base['command']) if 'command' in base else list(base['arguments'])
    args = [a for a in args if a != base['file'] and
            os.path.normpath(os.path.join(base['directory'], a)) != base['file']]
    units.append({'directory': base['directory'], 'file': path,
                  'arguments': args + extra + [path]})
os.makedirs(os.path.join(scratch, 'db'))
json.dump(units, open(os.path.join(scratch, 'db', 'compile_commands.json'), 'w'), indent=1)
PY

report=$scratch/report.json
run_drvlint "$report" --no-prefilter --no-cache -j "$jobs" -p "$scratch/db" --root "$tree"

# drvlint's verdict and clang's, per unit.
python3 - "$source_dir/tools/bench-speed" "$source_dir/checker/engine/flags.c" \
	"$scratch/db/compile_commands.json" "$clang" "$jobs" >"$scratch/verdicts" <<'PY'
import concurrent.futures, importlib.machinery, importlib.util, json, os, subprocess, sys
bench, flags_c, db, clang, jobs = sys.argv[1:]
loader = importlib.machinery.SourceFileLoader('bench_speed', bench)
spec = importlib.util.spec_from_loader('bench_speed', loader)
bs = importlib.util.module_from_spec(spec)
loader.exec_module(bs)
flags = bs.FlagFilter(flags_c)
units = json.load(open(db))

def clang_accepts(u):
    args = bs.parse_flags(u, flags)
    cmd = [clang, '-fsyntax-only'] + args
    return subprocess.run(cmd, cwd=u['directory'], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0

with concurrent.futures.ThreadPoolExecutor(int(jobs)) as ex:
    verdicts = list(ex.map(clang_accepts, units))
for u, ok in zip(units, verdicts):
    print('%s %s' % ('clang-ok' if ok else 'clang-fails', bs.entry_file(u)))
PY
# drvlint lists one failure per unit that failed, at its first error (in a
# header, maybe): equal counts, and each unit clang rejects failing alone
# under drvlint, make the same sets.
total=$(wc -l <"$scratch/verdicts")
clang_fails=$(grep -c '^clang-fails ' "$scratch/verdicts" || true)
drvlint_fails=$(json_field "$report" summary.failures)
note "$total units: clang -fsyntax-only rejects $clang_fails, drvlint failed on $drvlint_fails"
mismatch=0
while read -r verdict file; do
	got=0
	"$drvlint" --quiet --no-cache --no-prefilter --format=json -p "$scratch/db" "$file" \
		>"$scratch/one.json" 2>/dev/null || got=$?
	case $verdict:$got in
	clang-ok:0 | clang-ok:1 | clang-fails:2) ;;
	*)
		printf '%s: %s, drvlint exit %s\n' "$file" "$verdict" "$got" >&2
		mismatch=$((mismatch + 1))
		;;
	esac
done < <(grep '^clang-fails ' "$scratch/verdicts")
((clang_fails == drvlint_fails)) ||
	fail "clang rejects $clang_fails units, drvlint failed on $drvlint_fails"
((mismatch == 0)) || fail "$mismatch units judged differently by drvlint and clang"
grep -qx "clang-fails $scratch/broken.c" "$scratch/verdicts" ||
	fail "clang accepts the unit with a syntax error: the comparison is void"
for f in fnptr.c intconv.c; do
	grep -qx "clang-ok $scratch/$f" "$scratch/verdicts" ||
		fail "clang rejects $f with its relaxing option"
done
note "drvlint parses a unit exactly when clang does: $((total - clang_fails)) of $total parse, $clang_fails fail in both"
