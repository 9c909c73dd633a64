// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: what a condition says about a path.  After
 * 'ret = R(x)', the branch where 'ret' is non-zero (or negative) is the
 * one where R failed and owes nothing; IS_ERR(x) and '!x' say the same
 * of registers that return the object.  Status variables ('ret', 'err')
 * tested non-zero may hold an error from then on.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/flow.h"

/*
 * A test does not change the variable: 'if (ret == 0) ok = true; ...
 * if (ret == 0) return 0;' tests the same result twice, so the result
 * stays fresh until the variable is assigned again.
 */
static void failed(struct ur_state *s, unsigned int b, bool yes)
{
	if (yes) {
		s->live &= ~(1ULL << b);
		s->failed |= 1ULL << b;
	}
}

/*
 * Does a test of R's result that is non-zero (negative, with neg) when
 * 'holds' say R failed?  A pointer: only when it is NULL (non-NULL may
 * still be an ERR_PTR); a bool helper's result: when it is false; an
 * int: when it is non-zero.
 */
static bool failed_if(const struct ur_event *r, bool holds, bool neg)
{
	if (r->ok_result || r->ptr_result)
		return !holds && !neg;
	return holds;
}

/* The register event of node n whose call is c. */
static int reg_call(const struct ur_flow *f, const struct ur_node *n,
		    CXCursor c)
{
	for (size_t i = n->ev; i < n->ev + n->nev; i++) {
		const struct ur_event *e = &f->fn->ev[i];

		if (e->kind == EV_REG && !clang_Cursor_isNull(e->call) &&
		    cx_same_expr(e->call, c))
			return ur_reg_bit(f, i);
	}
	return -1;
}

/* The bits a register's result decides: the real ones, and leaves. */
static bool tested_bit(const struct ur_flow *f, unsigned int b)
{
	return b < f->nreg || (f->leaves & (1ULL << b));
}

/* 'if (foo_add(priv))': what the helper leaves when it succeeds. */
static void test_helper_call(const struct ur_flow *f, struct ur_state *s,
			     CXCursor c, bool holds, bool neg)
{
	for (unsigned int b = f->nreg; b < f->nbits; b++) {
		const struct ur_event *e = &f->fn->ev[f->reg_ev[b]];

		if ((f->leaves & (1ULL << b)) &&
		    !clang_Cursor_isNull(e->call) && cx_same_expr(e->call, c))
			failed(s, b, failed_if(ur_reg_event(f, b), holds, neg));
	}
}

/*
 * 'if (rc < 0 || !card)' after 'snd_card_new(..., &card)': a register
 * that fills a pointer passed by address left nothing when it is NULL.
 */
static bool out_param_object(const struct ur_flow *f, unsigned int b,
			     const struct ur_obj *o, CXCursor x)
{
	const struct regpair *p = f->reg_pair[b];
	const struct ur_obj *r;

	if (!p || !p->reg_arg || !cx_is_pointer(clang_getCursorType(x)))
		return false;
	r = ur_event_object(ur_reg_event(f, b), p);
	return r->embedded && r->key && !strcmp(r->key, o->key);
}

/* x is non-zero (or negative, 'neg') exactly when 'holds'. */
static void test_value(const struct ur_flow *f, const struct ur_node *n,
		       struct ur_state *s, CXCursor x, bool holds, bool neg)
{
	struct ur_obj o;
	int b;

	x = cx_strip(x);
	if (cx_operator(x) == CX_OP_ASSIGN)
		x = cx_strip(cx_child(x, 0));
	if (clang_getCursorKind(x) == CXCursor_CallExpr) {
		b = reg_call(f, n, x);
		if (b >= 0)
			failed(s, (unsigned int)b,
			       failed_if(ur_reg_event(f, (unsigned int)b),
					 holds, neg));
		test_helper_call(f, s, x, holds, neg);
		return;
	}
	o = ur_obj_of(x);
	if (!o.key)
		return;
	for (unsigned int i = 0; i < f->nbits; i++) {
		const struct ur_event *r = ur_reg_event(f, i);

		if (!tested_bit(f, i) || !(s->fresh & (1ULL << i)))
			continue;
		if (r->result.key && !strcmp(r->result.key, o.key))
			failed(s, i, failed_if(r, holds, neg));
		else if (r->status.key && !strcmp(r->status.key, o.key))
			failed(s, i, r->ok_result ? !holds && !neg : holds);
		else if (out_param_object(f, i, &o, x))
			failed(s, i, !holds && !neg);
	}
	b = ur_var_bit(f, o.key);
	if (b >= 0) {
		if (holds)
			s->err |= 1ULL << b;
		else
			s->err &= ~(1ULL << b);
	}
	ur_obj_free(&o);
}

static void test_is_err(const struct ur_flow *f, struct ur_state *s,
			CXCursor arg, bool holds)
{
	struct ur_obj o = ur_obj_of(arg);

	for (unsigned int i = 0; o.key && i < f->nreg; i++) {
		const struct ur_event *r = ur_reg_event(f, i);

		if ((s->fresh & (1ULL << i)) && r->result.key &&
		    !strcmp(r->result.key, o.key))
			failed(s, i, holds);
	}
	ur_obj_free(&o);
}

static void refine_binary(const struct ur_flow *f, const struct ur_node *n,
			  struct ur_state *s, CXCursor c, bool holds)
{
	unsigned int nch;
	CXCursor *ch = cx_children(c, &nch);
	enum cx_test op = cx_test_operator(c);

	if (nch != 2)
		goto out;
	if (cx_operator(c) == CX_OP_ASSIGN) {
		test_value(f, n, s, ch[0], holds, false);
		goto out;
	}
	switch (op) {
	case CX_TEST_AND:
	case CX_TEST_OR:
		if (holds == (op == CX_TEST_AND)) {
			ur_refine(f, n, s, ch[0], holds);
			ur_refine(f, n, s, ch[1], holds);
		} else {
			/*
			 * 'a || R() < 0' holds: either R failed or it never
			 * ran; a register in the right operand owes nothing.
			 */
			ur_refine(f, n, s, ch[1], holds);
		}
		break;
	case CX_TEST_EQ:
	case CX_TEST_NE:
		if (cx_is_zero(ch[1]))
			test_value(f, n, s, ch[0], holds == (op == CX_TEST_NE),
				   false);
		break;
	case CX_TEST_LT:
	case CX_TEST_GE:
		if (cx_is_zero(ch[1]))
			test_value(f, n, s, ch[0], holds == (op == CX_TEST_LT),
				   true);
		break;
	default:
		break;
	}
out:
	free(ch);
}

/* Learn from the condition c having the value 'holds'. */
void ur_refine(const struct ur_flow *f, const struct ur_node *n,
	       struct ur_state *s, CXCursor c, bool holds)
{
	c = cx_strip(c);
	if (cx_test_operator(c) == CX_TEST_NOT) {
		ur_refine(f, n, s, cx_child(c, 0), !holds);
		return;
	}
	if (cx_call_named(c, "__builtin_expect")) {
		ur_refine(f, n, s, clang_Cursor_getArgument(c, 0), holds);
		return;
	}
	if (!clang_Cursor_isNull(ur_stmt_expr_test(c))) {
		ur_refine(f, n, s, ur_stmt_expr_test(c), holds);
		return;
	}
	if (cx_call_named(c, "IS_ERR") || cx_call_named(c, "IS_ERR_OR_NULL")) {
		test_is_err(f, s, clang_Cursor_getArgument(c, 0), holds);
		return;
	}
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		refine_binary(f, n, s, c, holds);
		return;
	}
	test_value(f, n, s, c, holds, false);
}
