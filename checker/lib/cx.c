// SPDX-License-Identifier: GPL-2.0-only
/* Small libclang helpers shared by the checks. */
#include <stdlib.h>
#include <string.h>

#include "lib/cx.h"
#include "lib/util.h"

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

static void text_lines_read(struct text_lines *tl)
{
	const char *p = tl->text, *end = tl->text + tl->len;

	GROW(tl->start, tl->cap, tl->n);
	tl->start[tl->n++] = 0;
	while ((p = memchr(p, '\n', (size_t)(end - p)))) {
		p++;
		GROW(tl->start, tl->cap, tl->n);
		tl->start[tl->n++] = (unsigned int)(p - tl->text);
	}
}

void text_lines_pos(struct text_lines *tl, unsigned int offset,
		    unsigned int *line, unsigned int *column)
{
	size_t lo = 0, hi;

	if (!tl->start)
		text_lines_read(tl);
	if (offset > tl->len)
		offset = (unsigned int)tl->len;
	/* the last line start at or before offset */
	hi = tl->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl->start[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned int)lo + 1;
	*column = offset - tl->start[lo] + 1;
}

void text_lines_free(struct text_lines *tl)
{
	free(tl->start);
	tl->start = NULL;
	tl->n = tl->cap = 0;
}

bool cx_same_expr(CXCursor a, CXCursor b)
{
	return clang_equalCursors(a, b) ||
	       (clang_getCursorKind(a) == clang_getCursorKind(b) &&
		clang_equalRanges(clang_getCursorExtent(a),
				  clang_getCursorExtent(b)));
}

#if CINDEX_VERSION_MINOR >= 64
static enum cx_op unary_op(CXCursor c)
{
	switch (clang_getCursorUnaryOperatorKind(c)) {
	case CXUnaryOperator_AddrOf:
		return CX_OP_ADDR;
	case CXUnaryOperator_Deref:
		return CX_OP_DEREF;
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec:
		return CX_OP_INCDEC;
	default:
		return CX_OP_OTHER;
	}
}

static enum cx_op binary_op(CXCursor c)
{
	enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(c);

	if (k == CXBinaryOperator_Assign)
		return CX_OP_ASSIGN;
	if (k >= CXBinaryOperator_MulAssign && k <= CXBinaryOperator_OrAssign)
		return CX_OP_COMPOUND;
	if (k == CXBinaryOperator_Add || k == CXBinaryOperator_Sub)
		return CX_OP_ARITH;
	if (k >= CXBinaryOperator_LT && k <= CXBinaryOperator_NE)
		return CX_OP_COMPARE;
	return CX_OP_OTHER;
}

enum cx_op cx_operator(CXCursor c)
{
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator)
		return unary_op(c);
	return binary_op(c);
}

enum cx_test cx_test_operator(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (k == CXCursor_UnaryOperator)
		return clang_getCursorUnaryOperatorKind(c) ==
				       CXUnaryOperator_LNot ?
			       CX_TEST_NOT :
			       CX_TEST_NONE;
	if (k != CXCursor_BinaryOperator)
		return CX_TEST_NONE;
	switch (clang_getCursorBinaryOperatorKind(c)) {
	case CXBinaryOperator_LAnd:
		return CX_TEST_AND;
	case CXBinaryOperator_LOr:
		return CX_TEST_OR;
	case CXBinaryOperator_EQ:
		return CX_TEST_EQ;
	case CXBinaryOperator_NE:
		return CX_TEST_NE;
	case CXBinaryOperator_LT:
		return CX_TEST_LT;
	case CXBinaryOperator_GT:
		return CX_TEST_GT;
	case CXBinaryOperator_LE:
		return CX_TEST_LE;
	case CXBinaryOperator_GE:
		return CX_TEST_GE;
	default:
		return CX_TEST_NONE;
	}
}
#else
/* The spelling of the token that starts at or after 'after' in c's extent. */
static char *token_after(CXCursor c, CXSourceLocation after, bool first)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	unsigned int n, from;
	CXToken *tok;
	char *s = NULL;

	clang_getExpansionLocation(after, NULL, NULL, NULL, &from);
	clang_tokenize(tu, clang_getCursorExtent(c), &tok, &n);
	for (unsigned int i = 0; i < n && !s; i++) {
		unsigned int off;

		clang_getExpansionLocation(clang_getTokenLocation(tu, tok[i]),
					   NULL, NULL, NULL, &off);
		if (first || off >= from)
			s = cx_take(clang_getTokenSpelling(tu, tok[i]));
	}
	if (!s && n)
		s = cx_take(clang_getTokenSpelling(tu, tok[n - 1]));
	clang_disposeTokens(tu, tok, n);
	return s ? s : xstrdup("");
}

static enum cx_op op_of_text(const char *t)
{
	static const char *const compound[] = {
		"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="
	};
	static const char *const compare[] = {
		"==", "!=", "<", ">", "<=", ">="
	};

	if (!strcmp(t, "&"))
		return CX_OP_ADDR;
	if (!strcmp(t, "*"))
		return CX_OP_DEREF;
	if (!strcmp(t, "++") || !strcmp(t, "--"))
		return CX_OP_INCDEC;
	if (!strcmp(t, "="))
		return CX_OP_ASSIGN;
	if (!strcmp(t, "+") || !strcmp(t, "-"))
		return CX_OP_ARITH;
	for (size_t i = 0; i < sizeof(compound) / sizeof(*compound); i++)
		if (!strcmp(t, compound[i]))
			return CX_OP_COMPOUND;
	for (size_t i = 0; i < sizeof(compare) / sizeof(*compare); i++)
		if (!strcmp(t, compare[i]))
			return CX_OP_COMPARE;
	return CX_OP_OTHER;
}

enum cx_op cx_operator(CXCursor c)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n);
	char *t;
	enum cx_op op;

	/*
	 * Inside a macro the extent is the macro's invocation, whose tokens
	 * are not the operator's: anything but an operator where one must
	 * stand means "unknown".
	 */
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator) {
		t = token_after(
			c, clang_getRangeStart(clang_getCursorExtent(c)), true);
		op = op_of_text(t);
		if (strchr("-+!~", t[0]) && t[0] && !t[1]) {
			op = CX_OP_OTHER;
		} else if (op != CX_OP_ADDR && op != CX_OP_DEREF &&
			   op != CX_OP_INCDEC && n) {
			free(t); /* x++ and x-- put the operator last */
			t = token_after(
				c,
				clang_getRangeEnd(clang_getCursorExtent(ch[0])),
				false);
			op = op_of_text(t) == CX_OP_INCDEC ? CX_OP_INCDEC :
							     CX_OP_UNKNOWN;
		}
	} else {
		t = n ? token_after(
				c,
				clang_getRangeEnd(clang_getCursorExtent(ch[0])),
				false) :
			xstrdup("");
		op = op_of_text(t);
		if (op == CX_OP_DEREF)
			op = CX_OP_OTHER; /* multiplication */
		else if (op == CX_OP_ADDR)
			op = CX_OP_OTHER; /* bitwise and */
		else if (op == CX_OP_OTHER &&
			 !strchr("/%|^<>", t[0] ? t[0] : 'x') &&
			 strcmp(t, "&&") && strcmp(t, "||") && strcmp(t, ","))
			op = CX_OP_UNKNOWN;
	}
	free(t);
	free(ch);
	return op;
}

enum cx_test cx_test_operator(CXCursor c)
{
	static const struct {
		const char *text;
		enum cx_test op;
	} binary[] = {
		{ "&&", CX_TEST_AND }, { "||", CX_TEST_OR },
		{ "==", CX_TEST_EQ },  { "!=", CX_TEST_NE },
		{ "<", CX_TEST_LT },   { ">", CX_TEST_GT },
		{ "<=", CX_TEST_LE },  { ">=", CX_TEST_GE },
	};
	enum CXCursorKind k = clang_getCursorKind(c);
	enum cx_test op = CX_TEST_NONE;
	char *t;

	if (k == CXCursor_UnaryOperator) {
		t = token_after(
			c, clang_getRangeStart(clang_getCursorExtent(c)), true);
		op = !strcmp(t, "!") ? CX_TEST_NOT : CX_TEST_NONE;
	} else if (k == CXCursor_BinaryOperator && cx_child_count(c) == 2) {
		t = token_after(c,
				clang_getRangeEnd(
					clang_getCursorExtent(cx_child(c, 0))),
				false);
		for (size_t i = 0; i < sizeof(binary) / sizeof(*binary); i++)
			if (!strcmp(binary[i].text, t))
				op = binary[i].op;
	} else {
		return CX_TEST_NONE;
	}
	free(t);
	return op;
}
#endif

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
