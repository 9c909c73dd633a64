// SPDX-License-Identifier: GPL-2.0-only
/*
 * id-table-sentinel: is the last entry of a table all zero, and the fix
 * that adds one.  Only the preprocessed entries count: #if branches,
 * entries built by macros, designators and an explicit size that leaves
 * zeroed elements at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "checks/id-table-sentinel/internal.h"

static bool value_is_zero(CXCursor c);

static bool children_all_zero(CXCursor c, bool need_one)
{
	unsigned int n, seen = 0;
	CXCursor *ch = cx_children(c, &n);
	bool zero = true;

	for (unsigned int i = 0; i < n && zero; i++) {
		enum CXCursorKind k = clang_getCursorKind(ch[i]);

		if (k == CXCursor_MemberRef || k == CXCursor_TypeRef)
			continue;
		seen++;
		zero = value_is_zero(ch[i]);
	}
	free(ch);
	return zero && (seen || !need_one);
}

static bool evaluates_to_zero(CXCursor c, bool *known)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	bool zero = false;

	*known = false;
	if (!ev)
		return false;
	switch (clang_EvalResult_getKind(ev)) {
	case CXEval_Int:
		*known = true;
		zero = clang_EvalResult_getAsLongLong(ev) == 0;
		break;
	case CXEval_Float:
		*known = true;
		zero = clang_EvalResult_getAsDouble(ev) == 0.0;
		break;
	case CXEval_StrLiteral:
		*known = true;
		zero = clang_EvalResult_getAsStr(ev)[0] == '\0';
		break;
	default:
		break;
	}
	clang_EvalResult_dispose(ev);
	return zero;
}

/* "" (or "" ""): libclang before 17 does not evaluate string literals. */
static bool string_literal_is_empty(CXCursor c)
{
	char *text = cx_spelling(c);
	bool empty = strspn(text, "\" \t\n") == strlen(text);

	free(text);
	return empty;
}

/* Would this initializer leave the memory it sets all zero? */
static bool value_is_zero(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	bool known, zero;

	if (k == CXCursor_InitListExpr)
		return children_all_zero(c, false);
	if (k == CXCursor_StringLiteral)
		return string_literal_is_empty(c);
	zero = evaluates_to_zero(c, &known);
	if (known)
		return zero;
	if (k == CXCursor_UnexposedExpr || k == CXCursor_ParenExpr ||
	    k == CXCursor_CStyleCastExpr)
		return children_all_zero(c, true);
	return false;
}

CXCursor sentinel_initializer(CXCursor def)
{
	unsigned int n;
	CXCursor *ch = cx_children(def, &n), init = clang_getNullCursor();

	for (unsigned int i = 0; i < n; i++)
		if (clang_getCursorKind(ch[i]) == CXCursor_InitListExpr)
			init = ch[i];
	free(ch);
	return init;
}

/*
 * The index an array designator ('[3] = ...', '[0 ... 3] = ...') gives an
 * entry, from its designator expressions (every child but the value);
 * -1 when the entry has none.
 */
static long long designated_index(const struct walk *w, CXCursor entry)
{
	unsigned int n;
	CXCursor *ch;
	long long idx = -1;

	if (clang_getCursorKind(entry) != CXCursor_UnexposedExpr ||
	    !sentinel_starts_with(w, entry, "["))
		return -1;
	ch = cx_children(entry, &n);
	for (unsigned int i = 0; i + 1 < n; i++) {
		CXEvalResult ev = clang_Cursor_Evaluate(ch[i]);

		if (ev && clang_EvalResult_getKind(ev) == CXEval_Int &&
		    clang_EvalResult_getAsLongLong(ev) > idx)
			idx = clang_EvalResult_getAsLongLong(ev);
		if (ev)
			clang_EvalResult_dispose(ev);
	}
	free(ch);
	return idx;
}

/* What an entry sets: the value after its array designator, if any. */
static CXCursor entry_value(const struct walk *w, CXCursor entry)
{
	unsigned int n;
	CXCursor *ch, value;

	if (designated_index(w, entry) < 0)
		return entry;
	ch = cx_children(entry, &n);
	value = ch[n - 1];
	free(ch);
	return value;
}

/*
 * Only the preprocessed entries count.  The last element is the entry
 * with the highest index (array designators place entries anywhere; a
 * later entry for the same index wins); an explicit size beyond it
 * leaves zeroed elements at the end.
 */
bool sentinel_present(const struct walk *w, const struct table *t,
		      CXCursor init, bool *designated)
{
	long long size = clang_getArraySize(clang_getCursorType(t->def));
	long long next = 0, last_idx = -1;
	unsigned int n;
	CXCursor *entry = cx_children(init, &n), last = clang_getNullCursor();
	bool yes;

	for (unsigned int i = 0; i < n; i++) {
		long long idx = designated_index(w, entry[i]);

		if (idx >= 0)
			*designated = true;
		else
			idx = next;
		next = idx + 1;
		if (idx >= last_idx) {
			last_idx = idx;
			last = entry[i];
		}
	}
	/* '{ }' alone: a table of no entry has no sentinel either */
	if (n == 0)
		yes = size > 0;
	else
		yes = (size >= 0 && last_idx + 1 < size) ||
		      value_is_zero(entry_value(w, last));
	free(entry);
	return yes;
}

/* ---- the fix: '{ }' as the last entry ---- */

static void make_edit(struct walk *w, struct edit *e, unsigned int offset,
		      const char *text)
{
	e->file = (char *)w->unit->path;
	e->offset = offset;
	e->length = 0;
	e->text = (char *)text;
	text_lines_pos(&w->lines, offset, &e->line, &e->column);
	e->end_line = e->line;
	e->end_column = e->column;
	/* --fix refuses the file if it is no longer this text. */
	e->source_hash = w->source_hash;
}

static size_t line_start(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] != '\n')
		i--;
	return i;
}

/* Is there a ',' after the last entry, before anything else? */
static bool comma_follows(const char *s, size_t i, size_t end)
{
	while (i < end) {
		if (s[i] == ',')
			return true;
		if (s[i] == '/' && s[i + 1] == '*') {
			const char *close = i + 2 <= end ? memmem(s + i + 2,
								  end - i - 2,
								  "*/", 2) :
							   NULL;

			if (!close)
				return false;
			i = close - s + 2;
		} else if (s[i] == '/' && s[i + 1] == '/') {
			while (i < end && s[i] != '\n')
				i++;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++;
		} else {
			return false;
		}
	}
	return false;
}

void sentinel_add_fix(struct walk *w, struct finding *f, CXCursor init)
{
	const struct check_unit *u = w->unit;
	unsigned int n;
	CXCursor *entry = cx_children(init, &n);
	struct cx_pos last_start, last_end, close;
	const char *s = u->source;
	size_t rbrace, ls, ind;
	struct edit e;

	if (!n)
		goto out;
	last_start = cx_cursor_start(entry[n - 1]);
	last_end = cx_cursor_end(entry[n - 1]);
	close = cx_cursor_end(init);
	/*
	 * Only braces and entries written out can be edited: a table or an
	 * entry a macro produces (its text starts with the macro's name)
	 * gets no fix.
	 */
	if (!close.file || !clang_File_isEqual(close.file, u->main_file) ||
	    close.offset == 0 || close.offset > u->source_len ||
	    s[close.offset - 1] != '}' ||
	    s[cx_cursor_start(init).offset] != '{' ||
	    (s[last_start.offset] != '{' && s[last_start.offset] != '"'))
		goto out;
	rbrace = close.offset - 1;
	if (!comma_follows(s, last_end.offset, rbrace)) {
		make_edit(w, &e, last_end.offset, ",");
		finding_add_edit(f, &e);
	}
	ls = line_start(s, rbrace);
	if (strspn(s + ls, " \t") == rbrace - ls) {
		/* '};' on a line of its own: a line before it, indented like the entries. */
		size_t es = line_start(s, last_start.offset);
		char *text;

		ind = strspn(s + es, " \t");
		text = xasprintf("%.*s{ }\n", (int)(ind ? ind : 0), s + es);
		if (!ind) {
			free(text);
			text = xstrdup("\t{ }\n");
		}
		make_edit(w, &e, ls, text);
		finding_add_edit(f, &e);
		free(text);
	} else {
		make_edit(w, &e, rbrace,
			  s[rbrace - 1] == ' ' ? "{ } " : " { } ");
		finding_add_edit(f, &e);
	}
	f->fix_description = xstrdup("terminate the table with '{ }'");
out:
	free(entry);
}
