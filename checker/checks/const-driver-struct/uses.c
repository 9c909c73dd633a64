// SPDX-License-Identifier: GPL-2.0-only
/*
 * const-driver-struct: one use of an object, followed up the cursor stack
 * to what it is used for: a write, a pointer handed on, or only a read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/const-driver-struct/internal.h"
#include "lib/cx.h"
#include "lib/util.h"

void const_record(struct walk *w, int kind, const char *key, CXCursor at,
		  const char *text, const char *extra, long value)
{
	struct cx_pos p = const_pos_of(at);
	char *file = const_file_of(p);

	fact_add(w->unit->facts, kind, key, file, p.line, p.column, text, extra,
		 value);
	free(file);
}

static void record_write(struct walk *w, const char *key, CXCursor at,
			 const char *member)
{
	char *why = member ? xasprintf("member '%s' written here", member) :
			     xstrdup("written here");

	const_record(w, F_WRITE, key, at, why, NULL, w->in_init);
	free(why);
}

/* An operator in a macro that an old libclang cannot name: assume a write. */
static void record_unknown_operator(struct walk *w, const char *key,
				    CXCursor at)
{
	const_record(
		w, F_ESCAPE, key, at,
		"an operator inside a macro (libclang before 17 cannot tell which)",
		NULL, 0);
}

/* Escape through a call's argument: which API parameter blocks const. */
static void record_call_escape(struct walk *w, const char *key, CXCursor call,
			       CXCursor arg)
{
	int n = clang_Cursor_getNumArguments(call);
	CXCursor callee = clang_getCursorReferenced(call);
	char *fn = cx_spelling(call), *why, *api = NULL;
	int idx = -1;

	for (int i = 0; i < n && idx < 0; i++)
		if (cx_same_expr(clang_Cursor_getArgument(call, i), arg))
			idx = i;
	if (idx >= 0 && !clang_Cursor_isNull(callee) &&
	    idx < clang_Cursor_getNumArguments(callee)) {
		CXType pt = clang_getCursorType(
			clang_Cursor_getArgument(callee, idx));
		char *ptype = const_type_name(pt);
		struct cx_pos d = const_pos_of(callee);
		char *dfile = const_file_of(d);

		why = xasprintf("passed to %s() whose parameter %d is '%s'", fn,
				idx + 1, ptype);
		api = xasprintf("%s\t%d\t%s\t%s\t%u\t%u", fn, idx + 1, ptype,
				dfile, d.line, d.column);
		free(dfile);
		free(ptype);
	} else if (*fn) {
		why = xasprintf("passed to %s() as a pointer to non-const", fn);
	} else {
		why = xstrdup(
			"passed through a function pointer as a pointer to non-const");
	}
	const_record(w, F_ESCAPE, key, call, why, api, 0);
	free(api);
	free(why);
	free(fn);
}

/* Where a pointer to the object ends up, if that needs it writable. */
static void pointer_stored(struct walk *w, const char *key, CXCursor at,
			   CXCursor from, const char *where)
{
	char *ptype, *why;

	if (const_pointer_to_const(clang_getCursorType(from)))
		return;
	ptype = const_type_name(clang_getCursorType(from));
	why = xasprintf("%s as '%s'", where, ptype);
	const_record(w, F_ESCAPE, key, at, why, NULL, 0);
	free(why);
	free(ptype);
}

/* The name an assignment stores into, for the message. */
static char *lhs_name(CXCursor op)
{
	unsigned int n;
	CXCursor *ch = cx_children(op, &n);
	char *name = n ? cx_spelling(ch[0]) : xstrdup("");

	free(ch);
	return name;
}

static bool is_store(CXCursor op)
{
	enum cx_op k = cx_operator(op);

	return k == CX_OP_ASSIGN || k == CX_OP_COMPOUND;
}

static bool first_child_is(CXCursor parent, CXCursor child)
{
	unsigned int n;
	CXCursor *ch = cx_children(parent, &n);
	bool yes = n && cx_same_expr(ch[0], child);

	free(ch);
	return yes;
}

static bool has_member_designator(CXCursor c)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n);
	bool yes = false;

	for (unsigned int i = 0; i + 1 < n; i++)
		if (clang_getCursorKind(ch[i]) == CXCursor_MemberRef)
			yes = true;
	free(ch);
	return yes;
}

enum state {
	LVALUE, /* designates the object or a part of it */
	POINTER, /* points into it */
	DONE,
};

/* One step up from an lvalue of the object. */
static enum state lvalue_step(struct walk *w, const char *key, CXCursor a,
			      CXCursor from, char **member)
{
	CXType at = clang_getCursorType(a), ft = clang_getCursorType(from);

	switch (clang_getCursorKind(a)) {
	case CXCursor_ParenExpr:
		return LVALUE;
	case CXCursor_MemberRefExpr:
		free(*member);
		*member = cx_spelling(a);
		return LVALUE;
	case CXCursor_ArraySubscriptExpr:
		return first_child_is(a, from) ? LVALUE : DONE;
	case CXCursor_UnexposedExpr:
		if (has_member_designator(a))
			return DONE; /* copied into an initializer */
		if (const_is_pointer(at) && !const_is_pointer(ft))
			return POINTER; /* an array decays */
		return DONE; /* read */
	case CXCursor_UnaryOperator:
		if (cx_operator(a) == CX_OP_ADDR)
			return POINTER;
		if (cx_operator(a) == CX_OP_INCDEC)
			record_write(w, key, a, *member);
		else if (cx_operator(a) == CX_OP_UNKNOWN)
			record_unknown_operator(w, key, a);
		return DONE;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		if (first_child_is(a, from) && is_store(a))
			record_write(w, key, a, *member);
		else if (cx_operator(a) == CX_OP_UNKNOWN)
			record_unknown_operator(w, key, a);
		return DONE;
	case CXCursor_CallExpr:
	case CXCursor_ReturnStmt:
	case CXCursor_VarDecl:
	case CXCursor_InitListExpr:
	case CXCursor_UnaryExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_ConditionalOperator:
	case CXCursor_IfStmt:
	case CXCursor_SwitchStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_ForStmt:
	case CXCursor_CompoundStmt:
	case CXCursor_StmtExpr:
		return DONE; /* a value is read */
	default:
		const_record(w, F_ESCAPE, key, a,
			     "used in an expression the check does not follow",
			     NULL, 0);
		return DONE;
	}
}

/* One step up from a pointer into the object. */
static enum state pointer_step(struct walk *w, const char *key, CXCursor a,
			       CXCursor from)
{
	char *name;

	switch (clang_getCursorKind(a)) {
	case CXCursor_ParenExpr:
	case CXCursor_ConditionalOperator:
		return POINTER;
	case CXCursor_UnexposedExpr:
		if (has_member_designator(a)) {
			name = cx_spelling(a);
			pointer_stored(w, key, a, from,
				       "stored in an initializer");
			free(name);
			return DONE;
		}
		return POINTER; /* an implicit conversion */
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_MemberRefExpr:
		return first_child_is(a, from) ? LVALUE : DONE;
	case CXCursor_UnaryOperator:
		if (cx_operator(a) == CX_OP_UNKNOWN)
			record_unknown_operator(w, key, a);
		return cx_operator(a) == CX_OP_DEREF ? LVALUE : DONE;
	case CXCursor_BinaryOperator:
		if (!first_child_is(a, from) &&
		    cx_operator(a) == CX_OP_ASSIGN) {
			char *lhs = lhs_name(a),
			     *where = xasprintf("stored in '%s'", lhs);

			pointer_stored(w, key, a, from, where);
			free(where);
			free(lhs);
			return DONE;
		}
		/* pointer arithmetic goes on; comparisons only read */
		return cx_operator(a) == CX_OP_ARITH ? POINTER : DONE;
	case CXCursor_CStyleCastExpr:
		if (const_pointer_to_const(clang_getCursorType(a)))
			return POINTER;
		if (clang_getCanonicalType(clang_getCursorType(a)).kind ==
		    CXType_Void)
			return DONE;
		pointer_stored(w, key, a, a, "cast");
		return DONE;
	case CXCursor_CallExpr:
		if (!const_pointer_to_const(clang_getCursorType(from)))
			record_call_escape(w, key, a, from);
		return DONE;
	case CXCursor_VarDecl:
		name = cx_spelling(a);
		{
			char *where = xasprintf("stored in '%s'", name);

			pointer_stored(w, key, a, from, where);
			free(where);
		}
		free(name);
		return DONE;
	case CXCursor_ReturnStmt:
		pointer_stored(w, key, a, from, "returned");
		return DONE;
	case CXCursor_InitListExpr:
		pointer_stored(w, key, a, from, "stored in an initializer");
		return DONE;
	case CXCursor_UnaryExpr:
		return DONE; /* sizeof, alignof */
	default:
		pointer_stored(w, key, a, from, "used");
		return DONE;
	}
}

/* Follow one reference to the object up to what it is used for. */
void const_classify_use(struct walk *w, const char *key)
{
	CXCursor from = w->wk.stack[w->wk.depth - 1];
	enum state st = LVALUE;
	char *member = NULL;

	for (size_t i = w->wk.depth - 1; i-- > 0 && st != DONE;) {
		CXCursor a = w->wk.stack[i];

		st = st == LVALUE ? lvalue_step(w, key, a, from, &member) :
				    pointer_step(w, key, a, from);
		from = a;
	}
	free(member);
}
