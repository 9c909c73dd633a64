#!/usr/bin/env python3
"""Remove the zero sentinel entry of every device-id table in a C file.

usage: remove-sentinels.py [--exported] IN.c OUT.c

A table is an array definition of a `struct *_device_id` type or of
`struct dmi_system_id`, or, with
--exported, every array of structures the file names in
MODULE_DEVICE_TABLE(bus, name), whatever its type (and only those).  Its sentinel
is the last brace-enclosed entry when nothing but zeros is in it: `{ }`,
`{ 0 }`, `{ /* comment */ }`, `{ "" }`, `{ .compatible = "" }`, `{ 0, 0 }`,
with or without a trailing comma or comment.  It is deleted with its
comma, and with its line when nothing else is left on it.  Prints one line
per table, `removed NAME LINE` or `kept NAME LINE` (no sentinel found), on
stdout, LINE being the line of the table's name in OUT.c.
"""
import re
import sys

TABLE = re.compile(
    r'\bstruct\s+(\w+)\s+(?:const\s+)?(?:__\w+(?:\([^)]*\))?\s+)*'
    r'(\w+)\s*\[[^\]]*\]\s*'
    r'(?:__\w+(?:\([^)]*\))?\s*)*=\s*\{')
EXPORT = re.compile(r'\bMODULE_DEVICE_TABLE\s*\(\s*\w+\s*,\s*(\w+)\s*\)')
ZERO_ENTRY = re.compile(
    r'^(?:(?:\.\w+\s*=\s*)?(?:0|NULL|""|\{\s*\}|\{\s*0\s*\})\s*,?\s*)*$')


def skip_literal(text, i):
    """Index just past the comment or literal starting at i, or i."""
    if text.startswith('/*', i):
        end = text.find('*/', i + 2)
        return len(text) if end < 0 else end + 2
    if text.startswith('//', i):
        end = text.find('\n', i)
        return len(text) if end < 0 else end
    if text[i] in '"\'':
        quote, j = text[i], i + 1
        while j < len(text) and text[j] != quote:
            j += 2 if text[j] == '\\' else 1
        return j + 1
    return i


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def top_level_entries(text, open_brace):
    """(start, end) of each brace entry directly inside the initializer whose
    '{' is at open_brace, and the index of its closing '}'."""
    entries, depth, i, start = [], 0, open_brace + 1, None
    while i < len(text):
        j = skip_literal(text, i)
        if j != i:
            i = j
            continue
        c = text[i]
        if c == '{':
            if depth == 0:
                start = i
            depth += 1
        elif c == '}':
            if depth == 0:
                return entries, i
            depth -= 1
            if depth == 0:
                entries.append((start, i + 1))
        i += 1
    raise ValueError('unterminated initializer at offset %d' % open_brace)


def sentinel_span(text, entries, close):
    """The span to delete for the last entry if it is a sentinel, else None."""
    if not entries:
        return None
    start, end = entries[-1]
    # Only commas, blanks, comments and preprocessor lines may follow it.
    tail = strip_comments(text[end:close])
    tail = re.sub(r'(?m)^\s*#.*$', '', tail)
    if tail.strip(' \t\n,'):
        return None
    if not ZERO_ENTRY.match(strip_comments(text[start + 1:end - 1]).strip()):
        return None
    # Take the comma and a comment that follow on the same line.
    m = re.compile(r'[ \t]*,?[ \t]*(?:/\*[^\n]*?\*/|//[^\n]*)?[ \t]*').match(text, end)
    end = m.end()
    line_start = text.rfind('\n', 0, start) + 1
    if not text[line_start:start].strip() and text.startswith('\n', end):
        return line_start, end + 1
    return start, end


def main():
    args = sys.argv[1:]
    exported = args[:1] == ['--exported']
    if exported:
        args = args[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    text = open(args[0], encoding='utf-8', errors='surrogateescape').read()
    code = strip_comments(text)
    names = set(m.group(1) for m in EXPORT.finditer(code)
                if not re.match(r'[ \t]*#', code[code.rfind('\n', 0, m.start()) + 1:]))
    tables, spans = [], []
    for m in TABLE.finditer(text):
        if exported and m.group(2) not in names:
            continue
        if not exported and not (m.group(1).endswith('_device_id') or
                                 m.group(1) == 'dmi_system_id'):
            continue
        # In a comment or a macro's body: not a table of the file.
        line_start = text.rfind('\n', 0, m.start()) + 1
        if re.match(r'[ \t]*(#|\*|//)', text[line_start:]):
            continue
        entries, close = top_level_entries(text, m.end() - 1)
        span = sentinel_span(text, entries, close)
        tables.append((m.group(2), m.start(2), span))
        if span:
            spans.append(span)
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    # Report each table on its line in the new text: the spans removed
    # before it shifted it up.
    for name, start, span in tables:
        start -= sum(e - s for s, e in spans if e <= start)
        line = text.count('\n', 0, start) + 1
        print('%s %s %d' % ('removed' if span else 'kept', name, line))
    with open(args[1], 'w', encoding='utf-8', errors='surrogateescape') as f:
        f.write(text)


if __name__ == '__main__':
    main()
