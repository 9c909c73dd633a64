#!/bin/bash
# A compile database: GCC-only options are dropped (said with --verbose),
# path arguments restrict the run, -j gives the same report as -j1.
. "$(dirname "$0")/lib.bash"

"$PYTHON" - "$FIXTURES" "$INCLUDE" "$SCRATCH/compile_commands.json" <<'PY'
import json, sys
fixtures, include, out = sys.argv[1:]
gcc_only = ["-fconserve-stack", "-mrecord-mcount", "-fno-allow-store-data-races",
            "-mindirect-branch=thunk-extern", "-fzero-call-used-regs=used-gpr",
            "-Wno-maybe-uninitialized", "-mpreferred-stack-boundary=3"]
db = [{"directory": fixtures, "file": f,
       "arguments": ["gcc", "-nostdinc", "-I", include, *gcc_only, "-c", "-o", f[:-2] + ".o", f]}
      for f in ("tables.c", "clean.c")]
db.append({"directory": fixtures, "file": "clean.c",
           "command": f"gcc -nostdinc -I{include} -Werror -c clean.c -o clean2.o"})
json.dump(db, open(out, "w"), indent=1)
PY

run "$DRVLINT" -p "$SCRATCH" --verbose --format=json
expect_status 1 "compile database"
expect_match "$err" "dropping compiler option '-fconserve-stack'" "verbose names dropped options"
n=$(printf '%s' "$out" | "$PYTHON" -c 'import json,sys; r=json.load(sys.stdin); print(r["summary"]["units"], r["summary"]["failures"], len(r["findings"]), r["findings"][0]["file"])')
[ "$n" = "3 0 2 $FIXTURES/tables.c" ] || [ "$n" = "3 0 2 tables.c" ] ||
	fail "compile database: units/failures/findings/file are '$n'"

run "$DRVLINT" -p "$SCRATCH" --root "$FIXTURES" --format=json "$FIXTURES/clean.c"
expect_status 0 "restricted to clean.c"
n=$(printf '%s' "$out" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["summary"]["units"])')
[ "$n" = 2 ] || fail "restricted run checked $n units, expected 2"

run "$DRVLINT" -p "$SCRATCH" "$SCRATCH/elsewhere.c"
expect_status 2 "path outside the database"

"$DRVLINT" -p "$SCRATCH" -j1 --root "$FIXTURES" >"$SCRATCH/j1" 2>/dev/null
"$DRVLINT" -p "$SCRATCH" -j2 --root "$FIXTURES" >"$SCRATCH/j2" 2>/dev/null
cmp -s "$SCRATCH/j1" "$SCRATCH/j2" || fail "-j1 and -j2 differ"
finish
