#!/usr/bin/env bash
# The compile database made without compiling holds the commands a real
# build runs: one directory is recorded with kernel-tree's stand-ins, then
# built for real with the real compiler, and the two databases that the
# kernel's gen_compile_commands.py reads from the .cmd files are compared
# entry by entry (file, directory, command).
#
# COMPDB_TEST_DIR picks the directory (default drivers/hid, 33 units under
# defconfig); KERNEL_TREE_CONFIG=debian runs it on the tree of Debian's
# configuration instead of the tests' defconfig tree (skipped when that
# tree is not prepared), where most drivers are modules.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

dir=${COMPDB_TEST_DIR:-drivers/hid}
config=${KERNEL_TREE_CONFIG:-defconfig}
if [[ $config != defconfig ]]; then
	tree=$("$kernel_tree" --config "$config" path) ||
		skip "no prepared $config tree (kernel-tree --config $config prepare)"
fi
[[ -d $tree/$dir ]] || fail "$dir is not a directory of $tree"

# Objects and their .cmd files, so that kbuild runs every command again.
forget_objects() {
	find "$tree/$dir" \( -name '*.o' -o -name '.*.o.cmd' \) -delete
}

# gen_compile_commands.py over the directory's .cmd files into $1.
read_cmd_files() {
	(cd "$tree" && python3 scripts/clang-tools/gen_compile_commands.py \
		-d . -o "$1" "$dir") || fail "gen_compile_commands.py failed"
}

forget_objects
"$kernel_tree" --config "$config" compdb -o "$scratch/stand-in.json" "$dir" \
	2>"$scratch/stand-in.log" || {
	tail -n 20 "$scratch/stand-in.log" >&2
	fail "kernel-tree compdb -o ... $dir failed"
}

forget_objects
if ! "$kernel_tree" --config "$config" make -j"$jobs" "$dir/" >"$scratch/build.log" 2>&1; then
	tail -n 30 "$scratch/build.log" >&2
	fail "the real build of $dir/ failed"
fi
grep -q '^  CC ' "$scratch/build.log" || fail "the real build of $dir/ compiled nothing"
read_cmd_files "$scratch/real.json"

python3 - "$scratch/stand-in.json" "$scratch/real.json" <<'EOF' || fail "the databases differ"
import json, shlex, sys

def load(path):
    return {e['file']: e for e in json.load(open(path))}

stand_in, real = load(sys.argv[1]), load(sys.argv[2])
bad = 0
for f in sorted(set(stand_in) - set(real)):
    print('only in the stand-in database: %s' % f)
    bad += 1
for f in sorted(set(real) - set(stand_in)):
    print('only in the real build: %s' % f)
    bad += 1
for f in sorted(set(stand_in) & set(real)):
    a, b = stand_in[f], real[f]
    for key in ('directory', 'command'):
        if a.get(key) != b.get(key):
            bad += 1
            print('%s: %s differs' % (f, key))
            if key == 'command':
                x, y = shlex.split(a[key]), shlex.split(b[key])
                print('  stand-in only: %s' % ' '.join(t for t in x if t not in y))
                print('  real only:     %s' % ' '.join(t for t in y if t not in x))
print('%d units in both, %d differences' % (len(set(stand_in) & set(real)), bad))
sys.exit(1 if bad or not real else 0)
EOF
note "$dir ($config): every command of the stand-in database equals the real build's"
