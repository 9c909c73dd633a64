#!/usr/bin/env python3
"""Sentinel recall over a kernel tree: every MODULE_DEVICE_TABLE() table
with its sentinel removed, how many does drvlint find?

usage: sentinel-recall.py --drvlint BIN --tree TREE --engine clang
           [--sample N --seed S] [--out DIR]
       sentinel-recall.py --drvlint BIN --tree TREE --engine cocci
           --dirs drivers sound [--sample N --seed S] [--out DIR]

clang: the units of TREE/compile_commands.json that name
MODULE_DEVICE_TABLE.  The tree is changed in place (so use a scratch copy
of it): each file is saved, its exported tables lose their sentinel
(remove-sentinels.py --exported), drvlint -p TREE runs on those units,
and every file is put back, whatever happens.
cocci: every .c file under the given directories of TREE that names
MODULE_DEVICE_TABLE is copied into a scratch directory, once as it is
and once without the sentinels, and drvlint --engine=cocci runs on each
copy; the tree is not changed.

Both first run drvlint on the untouched files: findings there are
reported as pristine findings (the target is none).  Then each removed
table counts as found when a finding of id-table-sentinel names it in its
file.  Prints the counts and, one per line, the tables not found; with
--out, writes the reports and the lists there.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RULE = 'id-table-sentinel'


def remove(src, dst):
    """Remove the sentinels of src's exported tables into dst: the
    tables removed, as (name, line)."""
    out = subprocess.run([sys.executable, os.path.join(HERE, 'remove-sentinels.py'),
                          '--exported', src, dst], check=True,
                         capture_output=True, text=True).stdout
    tables = []
    for line in out.splitlines():
        state, name, lineno = line.split()
        if state == 'removed':
            tables.append((name, int(lineno)))
    return tables


def names_mdt(path):
    try:
        with open(path, 'rb') as f:
            return b'MODULE_DEVICE_TABLE' in f.read()
    except OSError:
        return False


def run_drvlint(args, report, cwd):
    with open(report, 'w') as out:
        r = subprocess.run(args + ['--format=json', '--checks=-*,' + RULE],
                           stdout=out, stderr=subprocess.PIPE, text=True, cwd=cwd)
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stderr)
    with open(report) as f:
        data = json.load(f)
    return data


def found_names(data, root):
    """(file relative to root, object) of every finding of the rule."""
    got = set()
    for f in data.get('findings', []):
        if f['rule'] != RULE:
            continue
        path = f['file']
        if os.path.isabs(path):
            path = os.path.relpath(path, root)
        got.add((os.path.normpath(path), f['object']))
    return got


def clang_units(tree):
    with open(os.path.join(tree, 'compile_commands.json')) as f:
        db = json.load(f)
    files = set()
    for e in db:
        path = os.path.normpath(os.path.join(e['directory'], e['file']))
        rel = os.path.relpath(path, tree)
        if path.endswith('.c') and names_mdt(path):
            files.add(rel)
    return sorted(files)


def cocci_files(tree, dirs):
    files = []
    for d in dirs:
        for root, _, names in os.walk(os.path.join(tree, d)):
            for n in names:
                path = os.path.join(root, n)
                if n.endswith('.c') and names_mdt(path):
                    files.append(os.path.relpath(path, tree))
    return sorted(files)


def measure_clang(opts, files, work):
    tree = opts.tree
    base = [opts.drvlint, '-p', tree]
    pristine = run_drvlint(base + [os.path.join(tree, f) for f in files],
                           os.path.join(work, 'pristine.json'), tree)
    saved = os.path.join(work, 'saved')
    removed = {}
    try:
        for f in files:
            src = os.path.join(tree, f)
            keep = os.path.join(saved, f)
            os.makedirs(os.path.dirname(keep), exist_ok=True)
            shutil.copy2(src, keep)
            tables = remove(keep, src)
            if tables:
                removed[f] = tables
        report = run_drvlint(base + [os.path.join(tree, f) for f in sorted(removed)],
                             os.path.join(work, 'removed.json'), tree)
    finally:
        for f in files:
            keep = os.path.join(saved, f)
            if os.path.exists(keep):
                shutil.copy2(keep, os.path.join(tree, f))
    return pristine, report, removed, tree


def measure_cocci(opts, files, work):
    pristine_dir = os.path.join(work, 'pristine')
    removed_dir = os.path.join(work, 'removed')
    removed = {}
    for f in files:
        a = os.path.join(pristine_dir, f)
        b = os.path.join(removed_dir, f)
        os.makedirs(os.path.dirname(a), exist_ok=True)
        os.makedirs(os.path.dirname(b), exist_ok=True)
        shutil.copy2(os.path.join(opts.tree, f), a)
        tables = remove(a, b)
        if tables:
            removed[f] = tables
    base = [opts.drvlint, '--engine=cocci']
    pristine = run_drvlint(base + ['--root', pristine_dir, pristine_dir],
                           os.path.join(work, 'pristine.json'), pristine_dir)
    report = run_drvlint(base + ['--root', removed_dir, removed_dir],
                         os.path.join(work, 'removed.json'), removed_dir)
    return pristine, report, removed, removed_dir


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--drvlint', required=True)
    ap.add_argument('--tree', required=True)
    ap.add_argument('--engine', choices=('clang', 'cocci'), required=True)
    ap.add_argument('--dirs', nargs='*', default=['drivers', 'sound'])
    ap.add_argument('--sample', type=int, default=0)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--out')
    opts = ap.parse_args()
    opts.tree = os.path.realpath(opts.tree)
    opts.drvlint = os.path.realpath(opts.drvlint)
    files = (clang_units(opts.tree) if opts.engine == 'clang'
             else cocci_files(opts.tree, opts.dirs))
    if opts.sample and opts.sample < len(files):
        files = sorted(random.Random(opts.seed).sample(files, opts.sample))
    work = opts.out or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    measure = measure_clang if opts.engine == 'clang' else measure_cocci
    pristine, report, removed, root = measure(opts, files, work)
    failures = report.get('summary', {}).get('failures', 0)
    got = found_names(report, root)
    clean = found_names(pristine, opts.tree if opts.engine == 'clang'
                        else os.path.join(work, 'pristine'))
    total = sum(len(t) for t in removed.values())
    missed = [(f, n, l) for f, ts in sorted(removed.items()) for n, l in ts
              if (os.path.normpath(f), n) not in got]
    extra = sorted((f, n) for f, n in got
                   if not any(n == t for t, _ in removed.get(f, [])))
    with open(os.path.join(work, 'missed.txt'), 'w') as out:
        for f, n, l in missed:
            out.write('%s:%d: %s\n' % (f, l, n))
    print('files: %d naming MODULE_DEVICE_TABLE, %d with a table that lost '
          'its sentinel' % (len(files), len(removed)))
    print('tables: %d, found: %d (%.1f%%), missed: %d' %
          (total, total - len(missed),
           100.0 * (total - len(missed)) / total if total else 0, len(missed)))
    print('pristine findings: %d; findings on tables that kept their '
          'sentinel: %d; units not parsed: %d' % (len(clean), len(extra), failures))
    for f, n, l in missed:
        print('missed %s:%d: %s' % (f, l, n))
    for f, n in sorted(clean):
        print('pristine %s: %s' % (f, n))
    for f, n in extra:
        print('extra %s: %s' % (f, n))
    return 0


if __name__ == '__main__':
    sys.exit(main())
