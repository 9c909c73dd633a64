// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: what a path knows of the variables its tests
 * read.  Drivers test one variable twice ('found = true' in a loop, then
 * 'if (!found)'; 'if (!param_nopnp)' registering one driver, then 'if
 * (param_nopnp)' another), and a walk that takes both branches of each
 * test follows paths that never run: a registration made on one branch
 * seems to leak on the other.  Each variable tested against one constant
 * ('found', 'ret' against 0, 'ledmode' against DEVICE_NONE) gets two
 * bits: known, and equal to that constant.  A test that contradicts
 * them is a branch the path cannot take.
 *
 * Not followed: variables whose address is taken or that are changed by
 * '++', '--' or 'x op= y' (a loop counter); members; a test against a
 * second constant.  Calls may change a global between two tests: such a
 * path is dropped, which can only lose findings.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/flow.h"

/* ---- statement expressions ---- */

/* Look through __builtin_expect() and '!!': likely(), unlikely(). */
static CXCursor strip_expect(CXCursor c)
{
	for (;;) {
		CXCursor inner;

		c = cx_strip(c);
		if (cx_call_named(c, "__builtin_expect")) {
			c = clang_Cursor_getArgument(c, 0);
			continue;
		}
		if (cx_test_operator(c) != CX_TEST_NOT)
			return c;
		inner = cx_strip(cx_last_child(c));
		if (cx_test_operator(inner) != CX_TEST_NOT)
			return c;
		c = cx_last_child(inner);
	}
}

CXCursor ur_stmt_expr_test(CXCursor c)
{
	CXCursor body, decl, var, last, null = clang_getNullCursor();

	if (clang_getCursorKind(c) != CXCursor_StmtExpr)
		return null;
	body = cx_child(c, 0);
	decl = cx_child(body, 0);
	last = strip_expect(cx_last_child(body));
	if (clang_getCursorKind(decl) != CXCursor_DeclStmt ||
	    clang_getCursorKind(last) != CXCursor_DeclRefExpr)
		return null;
	var = cx_child(decl, 0);
	if (!clang_equalCursors(clang_getCursorReferenced(last), var))
		return null;
	return cx_last_child(var);
}

/* ---- the variables ---- */

struct clobbered {
	char *key[UR_BITS * 2];
	unsigned int n;
};

static void clobber(struct clobbered *cl, CXCursor e)
{
	struct ur_obj o = ur_obj_of(e);

	if (o.key && cl->n < UR_BITS * 2) {
		cl->key[cl->n++] = o.key;
		o.key = NULL;
	}
	ur_obj_free(&o);
}

/* '&x', 'x++', 'x += y': a variable the tests cannot follow. */
static enum CXChildVisitResult find_clobbers(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	enum cx_op op = cx_operator(c);

	(void)parent;
	if (op == CX_OP_ADDR || op == CX_OP_INCDEC)
		clobber(data, cx_last_child(c));
	else if (op == CX_OP_COMPOUND)
		clobber(data, cx_child(c, 0));
	return CXChildVisit_Recurse;
}

static bool is_clobbered(const struct clobbered *cl, const char *key)
{
	for (unsigned int i = 0; i < cl->n; i++)
		if (!strcmp(cl->key[i], key))
			return true;
	return false;
}

static bool flag_type(CXCursor e)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(e));

	return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) ||
	       t.kind == CXType_Enum || t.kind == CXType_Pointer;
}

/*
 * A test of one variable: 'v' (v != 0) or 'v == k' / 'v != k', either
 * side.  Sets *var and *k; *eq: the test holds when v equals k.
 */
static bool leaf_test(CXCursor c, CXCursor *var, long long *k, bool *eq)
{
	enum cx_test op;
	CXCursor a, b;

	c = strip_expect(c);
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		*var = c;
		*k = 0;
		*eq = false;
		return flag_type(c);
	}
	op = cx_test_operator(c);
	if (op != CX_TEST_EQ && op != CX_TEST_NE)
		return false;
	a = strip_expect(cx_child(c, 0));
	b = strip_expect(cx_child(c, 1));
	if (clang_getCursorKind(a) != CXCursor_DeclRefExpr) {
		CXCursor t = a;

		a = b;
		b = t;
	}
	if (clang_getCursorKind(a) != CXCursor_DeclRefExpr ||
	    !cx_int_constant(b, k) || !flag_type(a))
		return false;
	*var = a;
	*eq = op == CX_TEST_EQ;
	return true;
}

static int flag_bit(const struct ur_flow *f, const char *key)
{
	for (unsigned int i = 0; key && i < f->nflag; i++)
		if (!strcmp(f->flag[i].key, key))
			return (int)i;
	return -1;
}

/* The flag a leaf test reads, if the test is against the flag's constant. */
static int leaf_bit(const struct ur_flow *f, CXCursor c, bool *eq)
{
	CXCursor var;
	long long k;
	struct ur_obj o;
	int b;

	if (!leaf_test(c, &var, &k, eq))
		return -1;
	o = ur_obj_of(var);
	b = flag_bit(f, o.key);
	ur_obj_free(&o);
	return b >= 0 && f->flag[b].k == k ? b : -1;
}

struct index {
	struct ur_flow *f;
	const struct clobbered *cl;
};

static void index_test(struct index *ix, CXCursor c)
{
	CXCursor var, inner;
	long long k;
	bool eq;
	struct ur_obj o;

	c = strip_expect(c);
	inner = ur_stmt_expr_test(c);
	if (!clang_Cursor_isNull(inner)) {
		index_test(ix, inner);
		return;
	}
	switch (cx_test_operator(c)) {
	case CX_TEST_NOT:
		index_test(ix, cx_last_child(c));
		return;
	case CX_TEST_AND:
	case CX_TEST_OR:
		index_test(ix, cx_child(c, 0));
		index_test(ix, cx_child(c, 1));
		return;
	default:
		break;
	}
	if (!leaf_test(c, &var, &k, &eq))
		return;
	o = ur_obj_of(var);
	if (o.key && flag_bit(ix->f, o.key) < 0 && ix->f->nflag < UR_BITS &&
	    !is_clobbered(ix->cl, o.key)) {
		ix->f->flag[ix->f->nflag].key = o.key;
		ix->f->flag[ix->f->nflag++].k = k;
		o.key = NULL;
	}
	ur_obj_free(&o);
}

void ur_flags_index(struct ur_flow *f)
{
	struct clobbered cl = { .n = 0 };
	struct index ix = { f, &cl };

	clang_visitChildren(f->fn->decl, find_clobbers, &cl);
	for (size_t i = 0; i < f->fn->nnode; i++)
		if (f->fn->node[i].kind == N_COND &&
		    !clang_Cursor_isNull(f->fn->node[i].stmt))
			index_test(&ix, f->fn->node[i].stmt);
	for (unsigned int i = 0; i < cl.n; i++)
		free(cl.key[i]);
}

void ur_flags_free(struct ur_flow *f)
{
	for (unsigned int i = 0; i < f->nflag; i++)
		free(f->flag[i].key);
	f->nflag = 0;
}

/* ---- along a path ---- */

bool ur_flags_possible(const struct ur_flow *f, const struct ur_state *s,
		       CXCursor c, bool holds)
{
	CXCursor inner;
	bool eq, is_same;
	int b;

	c = strip_expect(c);
	inner = ur_stmt_expr_test(c);
	if (!clang_Cursor_isNull(inner))
		return ur_flags_possible(f, s, inner, holds);
	switch (cx_test_operator(c)) {
	case CX_TEST_NOT:
		return ur_flags_possible(f, s, cx_last_child(c), !holds);
	case CX_TEST_AND:
		return !holds ||
		       (ur_flags_possible(f, s, cx_child(c, 0), true) &&
			ur_flags_possible(f, s, cx_child(c, 1), true));
	case CX_TEST_OR:
		return holds ||
		       (ur_flags_possible(f, s, cx_child(c, 0), false) &&
			ur_flags_possible(f, s, cx_child(c, 1), false));
	default:
		break;
	}
	b = leaf_bit(f, c, &eq);
	if (b < 0 || !(s->known & (1ULL << b)))
		return true;
	is_same = s->same & (1ULL << b);
	return (eq ? is_same : !is_same) == holds;
}

void ur_flags_learn(const struct ur_flow *f, struct ur_state *s, CXCursor c,
		    bool holds)
{
	CXCursor inner;
	bool eq;
	int b;

	c = strip_expect(c);
	inner = ur_stmt_expr_test(c);
	if (!clang_Cursor_isNull(inner)) {
		ur_flags_learn(f, s, inner, holds);
		return;
	}
	switch (cx_test_operator(c)) {
	case CX_TEST_NOT:
		ur_flags_learn(f, s, cx_last_child(c), !holds);
		return;
	case CX_TEST_AND:
	case CX_TEST_OR:
		if (holds == (cx_test_operator(c) == CX_TEST_AND)) {
			ur_flags_learn(f, s, cx_child(c, 0), holds);
			ur_flags_learn(f, s, cx_child(c, 1), holds);
		}
		return;
	default:
		break;
	}
	b = leaf_bit(f, c, &eq);
	if (b < 0)
		return;
	s->known |= 1ULL << b;
	if (eq == holds)
		s->same |= 1ULL << b;
	else
		s->same &= ~(1ULL << b);
}

void ur_flags_assign(const struct ur_flow *f, struct ur_state *s,
		     const struct ur_event *a)
{
	int b = flag_bit(f, a->lhs.key);

	if (b < 0)
		return;
	if (!a->has_const) {
		s->known &= ~(1ULL << b);
		s->same &= ~(1ULL << b);
		return;
	}
	s->known |= 1ULL << b;
	if (a->cval == f->flag[b].k)
		s->same |= 1ULL << b;
	else
		s->same &= ~(1ULL << b);
}
