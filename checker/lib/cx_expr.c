// SPDX-License-Identifier: GPL-2.0-only
/* Reading expressions through libclang's cursors: children, casts, constants. */
#include <stdlib.h>
#include <string.h>

#include "lib/cx.h"

CXCursor cx_child(CXCursor c, unsigned int i)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n), r = clang_getNullCursor();

	if (i < n)
		r = ch[i];
	free(ch);
	return r;
}

CXCursor cx_last_child(CXCursor c)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n), r = clang_getNullCursor();

	if (n)
		r = ch[n - 1];
	free(ch);
	return r;
}

unsigned int cx_child_count(CXCursor c)
{
	unsigned int n;

	free(cx_children(c, &n));
	return n;
}

CXCursor cx_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);

		if (k != CXCursor_ParenExpr && k != CXCursor_CStyleCastExpr &&
		    !(k == CXCursor_UnexposedExpr && cx_child_count(c) == 1))
			return c;
		c = cx_last_child(c);
	}
}

bool cx_is_loop(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	return k == CXCursor_ForStmt || k == CXCursor_WhileStmt ||
	       k == CXCursor_DoStmt;
}

bool cx_is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

CXCursor cx_strip_address(CXCursor c)
{
	c = cx_strip(c);
	while (cx_operator(c) == CX_OP_ADDR || cx_operator(c) == CX_OP_DEREF)
		c = cx_strip(cx_last_child(c));
	return c;
}

bool cx_call_named(CXCursor c, const char *name)
{
	char *s;
	bool yes;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return false;
	s = cx_spelling(c);
	yes = !strcmp(s, name);
	free(s);
	return yes;
}

bool cx_int_constant(CXCursor c, long long *value)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	bool yes = false;

	if (!ev)
		return false;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		*value = clang_EvalResult_getAsLongLong(ev);
		yes = true;
	}
	clang_EvalResult_dispose(ev);
	return yes;
}

bool cx_is_zero(CXCursor c)
{
	long long v;

	return cx_int_constant(cx_strip(c), &v) && v == 0;
}
