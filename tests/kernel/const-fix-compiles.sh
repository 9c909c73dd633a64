#!/usr/bin/env bash
# const-driver-struct's proof of precision: every 'declare it const' fix
# drvlint proposes on the default directories, applied to a copy of the
# tree, compiles with each touched unit's own command and no diagnostic
# that the pristine unit did not have.
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

"$drvlint" -p "$tree" -j "$jobs" --quiet --checks=-*,const-driver-struct \
	--format=json -o "$scratch/report.json" || [[ $? -eq 1 ]] ||
	fail "drvlint failed"
"$drvlint" -p "$tree" -j "$jobs" --quiet --checks=-*,const-driver-struct \
	--patch -o "$scratch/const.patch" || [[ $? -eq 1 ]] ||
	fail "drvlint --patch failed"

# A copy of the tree made of hard links: patch(1) writes new files, so the
# prepared tree stays as it is.
copy=$(mktemp -d "$(dirname "$tree")/const-fix.XXXXXX")
trap 'rm -rf "$copy"; cleanup' EXIT
cp -al "$tree/." "$copy/"
(cd "$copy" && patch -s -p1 --no-backup-if-mismatch <"$scratch/const.patch") ||
	fail "the fixes do not apply"

python3 - "$tree" "$copy" "$scratch/report.json" "$scratch/const.patch" "$jobs" <<'PY'
import concurrent.futures, json, os, re, shlex, subprocess, sys

tree, copy, report, patch, jobs = sys.argv[1:]
findings = [f for f in json.load(open(report))["findings"] if f["fix"]]
touched = sorted(set(re.findall(r"^\+\+\+ b/(\S+)", open(patch).read(), re.M)))
names = sorted({f["object"] for f in findings})
if not findings:
    sys.exit("no const fix proposed: nothing to prove (expected some on the default directories)")

db = json.load(open(os.path.join(tree, "compile_commands.json")))
def relevant(entry):
    rel = os.path.relpath(entry["file"], tree)
    if rel in touched:
        return True
    text = open(entry["file"], errors="replace").read()
    return any(re.search(r"\b%s\b" % re.escape(n), text) for n in names)
units = [e for e in db if relevant(e)]

def syntax_command(entry, root):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c" or a.startswith("-Wp,-M"):
            continue
        out.append(a.replace(tree, root))
    return out + ["-fsyntax-only"]

def diagnostics(entry, root):
    cwd = entry["directory"].replace(tree, root)
    p = subprocess.run(syntax_command(entry, root), cwd=cwd, capture_output=True, text=True)
    lines = {l.replace(root, "TREE") for l in p.stderr.splitlines()
             if re.search(r": (warning|error):", l)}
    return p.returncode, lines

def check(entry):
    rc0, before = diagnostics(entry, tree)
    rc1, after = diagnostics(entry, copy)
    new = sorted(after - before)
    return entry["file"], rc0, rc1, new

bad = 0
with concurrent.futures.ThreadPoolExecutor(int(jobs)) as pool:
    for file, rc0, rc1, new in pool.map(check, units):
        if rc1 != 0 and rc0 == 0 or new:
            bad += 1
            print(f"{os.path.relpath(file, tree)}: the fixed code no longer compiles cleanly:")
            for l in new:
                print("   ", l)
print(f"const-fix-compiles: {len(findings)} fixes in {len(touched)} files; "
      f"{len(units)} units recompiled; {bad} with new diagnostics")
sys.exit(1 if bad else 0)
PY
