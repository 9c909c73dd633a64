#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The shape of checker/, as the design asks for it.

- includes point down the layers (LAYERS, top first) and never up;
- no include cycle between files, and with --objects DIR no call cycle
  between the object files of checker/ under DIR;
- no '../' in an include (checker/ is on the include path);
- no file over MAX_FILE_LINES lines, no function over MAX_FUNCTION_LINES;
- a check's files live in checks/<rule>/ and nothing outside that folder
  includes them (the check list links them by name);
- the code is formatted as .clang-format says (with --format, when
  clang-format-19 is there; tools/setup installs it).

Prints one line per violation and exits 1 if there is any.
"""
import os
import re
import subprocess
import sys

LAYERS = ['main.c', 'cli', 'lsp', 'cocci', 'out', 'engine', 'select',
          'checks', 'core', 'lib']
MAX_FILE_LINES = 700
MAX_FUNCTION_LINES = 80

src = os.environ.get('DRVLINT_SOURCE_DIR') or \
    os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
checker = os.path.join(src, 'checker')
problems = []


def layer_of(rel):
    top = rel.split('/')[0]
    return LAYERS.index(top) if top in LAYERS else None


def sources():
    for dirpath, _, names in os.walk(checker):
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                path = os.path.join(dirpath, name)
                yield os.path.relpath(path, checker), path


def includes(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        for n, line in enumerate(f, 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m:
                yield n, m.group(1)


def check_includes(files):
    graph = {}
    for rel, path in files:
        graph[rel] = []
        for n, inc in includes(path):
            where = '%s:%d' % (rel, n)
            if '..' in inc.split('/'):
                problems.append('%s: include "%s" climbs with ..' % (where, inc))
                continue
            target = inc if os.path.exists(os.path.join(checker, inc)) else \
                os.path.join(os.path.dirname(rel), inc)
            if not os.path.exists(os.path.join(checker, target)):
                continue
            target = os.path.normpath(target)
            graph[rel].append(target)
            lf, lt = layer_of(rel), layer_of(target)
            if lf is None or lt is None:
                problems.append('%s: %s or %s is in no layer' % (where, rel, target))
            elif lt < lf:
                problems.append('%s: %s includes %s, a higher layer' %
                                (where, rel, target))
            if target.startswith('checks/') and \
                    target.split('/')[1] != rel.split('/')[1 if rel.startswith('checks/') else 0]:
                problems.append('%s: %s reaches into check folder %s' %
                                (where, rel, os.path.dirname(target)))
    return graph


def check_cycles(graph):
    state = {}

    def visit(node, stack):
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                problems.append('include cycle: ' + ' -> '.join(cycle))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def check_sizes(files):
    for rel, path in files:
        with open(path, encoding='utf-8', errors='replace') as f:
            lines = f.read().split('\n')
        if len(lines) - 1 > MAX_FILE_LINES:
            problems.append('%s: %d lines (at most %d)' %
                            (rel, len(lines) - 1, MAX_FILE_LINES))
        # Kernel style: a function body opens with '{' alone in column 0
        # and closes with '}' in column 0.
        start = None
        for n, line in enumerate(lines, 1):
            if line == '{':
                start = n
            elif line.startswith('}') and start is not None and \
                    not line.startswith('};'):
                if n - start - 1 > MAX_FUNCTION_LINES:
                    name = lines[start - 2] if start >= 2 else '?'
                    problems.append('%s:%d: function of %d lines (at most %d): %s' %
                                    (rel, start, n - start - 1,
                                     MAX_FUNCTION_LINES, name.strip()))
                start = None


def check_format(files):
    fmt = 'clang-format-19'
    try:
        subprocess.run([fmt, '--version'], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        problems.append('%s is not installed (tools/setup installs it)' % fmt)
        return
    paths = [p for _, p in files]
    unit = os.path.join(src, 'tests', 'unit')
    paths += [os.path.join(unit, n) for n in sorted(os.listdir(unit))
              if n.endswith(('.c', '.h'))]
    r = subprocess.run([fmt, '--dry-run', '--Werror', '--style=file'] + paths,
                       capture_output=True, text=True, cwd=src)
    if r.returncode:
        bad = sorted(set(re.findall(r'^(\S+?):\d+:\d+: error', r.stderr, re.M)))
        for b in bad:
            problems.append('%s: not formatted (clang-format-19 -i %s)' %
                            (os.path.relpath(b, src), os.path.relpath(b, src)))


def check_call_cycles(objdir):
    """Files that call each other: from the object files' symbols."""
    defined, used = {}, {}
    for dirpath, _, names in os.walk(objdir):
        for name in names:
            if not name.endswith('.c.o'):
                continue
            path = os.path.join(dirpath, name)
            rel = path.split('/checker/', 1)[-1][:-2]
            r = subprocess.run(['nm', path], capture_output=True, text=True)
            for line in r.stdout.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1] in 'TDBR':
                    defined[parts[2]] = rel
                elif len(parts) == 2 and parts[0] == 'U':
                    used.setdefault(rel, set()).add(parts[1])
    # The check list names every check's 'struct check': the one link
    # from the centre to the checks, by design.
    used['core/check.c'] = {s for s in used.get('core/check.c', ())
                            if not s.startswith('check_')}
    graph = {}
    for rel, syms in used.items():
        graph[rel] = sorted({defined[s] for s in syms
                             if s in defined and defined[s] != rel})
    if not graph:
        problems.append('no object files under %s' % objdir)
    before = len(problems)
    check_cycles(graph)
    for i in range(before, len(problems)):
        problems[i] = problems[i].replace('include cycle', 'call cycle')


def main():
    files = list(sources())
    check_cycles(check_includes(files))
    if '--objects' in sys.argv:
        check_call_cycles(sys.argv[sys.argv.index('--objects') + 1])
    check_sizes(files)
    if '--format' in sys.argv:
        check_format(files)
    for p in problems:
        print(p)
    print('layout: %d files, %d problems' % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
