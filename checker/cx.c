// SPDX-License-Identifier: GPL-2.0-only
/* Small libclang helpers shared by the checks. */
#include <stdlib.h>
#include <string.h>

#include "cx.h"
#include "util.h"

char *cx_take(CXString s)
{
	const char *c = clang_getCString(s);
	char *copy = xstrdup(c ? c : "");

	clang_disposeString(s);
	return copy;
}

char *cx_spelling(CXCursor c)
{
	return cx_take(clang_getCursorSpelling(c));
}

struct cx_pos cx_expansion(CXSourceLocation loc)
{
	struct cx_pos p;

	clang_getExpansionLocation(loc, &p.file, &p.line, &p.column, &p.offset);
	return p;
}

struct cx_pos cx_cursor_start(CXCursor c)
{
	return cx_expansion(clang_getRangeStart(clang_getCursorExtent(c)));
}

struct cx_pos cx_cursor_end(CXCursor c)
{
	return cx_expansion(clang_getRangeEnd(clang_getCursorExtent(c)));
}

bool cx_in_file(CXCursor c, CXFile file)
{
	struct cx_pos p = cx_expansion(clang_getCursorLocation(c));

	return p.file && clang_File_isEqual(p.file, file);
}

bool cx_from_macro(CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXSourceLocation ends[2] = { clang_getRangeStart(r),
				     clang_getRangeEnd(r) };

	for (int i = 0; i < 2; i++) {
		unsigned int exp_off, spell_off;
		CXFile exp_file, spell_file;

		clang_getExpansionLocation(ends[i], &exp_file, NULL, NULL,
					   &exp_off);
		clang_getSpellingLocation(ends[i], &spell_file, NULL, NULL,
					  &spell_off);
		if (exp_off != spell_off || !exp_file || !spell_file ||
		    !clang_File_isEqual(exp_file, spell_file))
			return true;
	}
	return false;
}

void text_line_col(const char *text, size_t len, unsigned int offset,
		   unsigned int *line, unsigned int *column)
{
	unsigned int l = 1, c = 1;

	for (size_t i = 0; i < offset && i < len; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*column = c;
}

bool cx_same_expr(CXCursor a, CXCursor b)
{
	return clang_equalCursors(a, b) ||
	       (clang_getCursorKind(a) == clang_getCursorKind(b) &&
		clang_equalRanges(clang_getCursorExtent(a),
				  clang_getCursorExtent(b)));
}

struct children {
	CXCursor *v;
	size_t n, cap;
};

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct children *ch = data;

	(void)parent;
	GROW(ch->v, ch->cap, ch->n);
	ch->v[ch->n++] = c;
	return CXChildVisit_Continue;
}

CXCursor *cx_children(CXCursor c, unsigned int *n)
{
	struct children ch = { 0 };

	clang_visitChildren(c, collect, &ch);
	*n = (unsigned int)ch.n;
	return ch.v;
}
