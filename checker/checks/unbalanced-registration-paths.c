// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: error paths.  After a register call R(x)
 * succeeded, every path to a return of failure must pass U(x).
 *
 * The paths are walked over the function's graph with a small set of
 * states per node; a state says which registrations are live, which
 * register results have not been tested yet ('fresh': the next test of
 * the variable decides whether R succeeded) and which status variables
 * ('ret', 'err') may hold an error.  Keeping whole states apart, not
 * their union, keeps the success path of 'out: return ret;' (ret is 0,
 * x registered) apart from its failure path (ret is an error, x never
 * registered).  A node keeps at most MAX_STATES; beyond that they are
 * merged, which can only add findings the merged paths share.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util.h"
#include "unbalanced-registration.h"

#define RULE_ID "unbalanced-registration"
#define MAX_BITS 64
#define MAX_STATES 16
#define MAX_STEPS 20000

struct state {
	uint64_t live, fresh, err;
};

struct states {
	struct state v[MAX_STATES];
	unsigned int n;
};

struct flow {
	const struct ur_func *fn;
	const struct regpairs *rp;
	int reg_ev[MAX_BITS];		/* bit -> register event */
	const struct regpair *reg_pair[MAX_BITS];
	unsigned int nreg;
	const char *var[MAX_BITS];	/* bit -> status variable key */
	unsigned int nvar;
	struct states *in;
	int *work;
	size_t nwork;
	bool *queued;
	uint64_t *missed;		/* per node: registrations live at a failing return */
};

static const struct regpair *first_pair(const struct regpairs *rp,
					const char *reg)
{
	for (size_t i = 0; i < rp->n; i++)
		if (!strcmp(rp->v[i].reg, reg))
			return &rp->v[i];
	return NULL;
}

static int reg_bit(const struct flow *f, size_t ev)
{
	for (unsigned int i = 0; i < f->nreg; i++)
		if (f->reg_ev[i] == (int)ev)
			return (int)i;
	return -1;
}

static int var_bit(const struct flow *f, const char *key)
{
	for (unsigned int i = 0; key && i < f->nvar; i++)
		if (!strcmp(f->var[i], key))
			return (int)i;
	return -1;
}

static void index_events(struct flow *f)
{
	const struct ur_func *fn = f->fn;

	for (size_t i = 0; i < fn->nev; i++) {
		const struct ur_event *e = &fn->ev[i];

		if (e->kind == EV_REG && f->nreg < MAX_BITS && !e->hoisted) {
			f->reg_pair[f->nreg] = first_pair(f->rp, e->name);
			f->reg_ev[f->nreg++] = (int)i;
		}
		if (e->kind == EV_ASSIGN && e->lhs_int && e->lhs.key &&
		    !strncmp(e->lhs.key, "l:", 2) && f->nvar < MAX_BITS &&
		    var_bit(f, e->lhs.key) < 0)
			f->var[f->nvar++] = e->lhs.key;
	}
}

static const struct ur_event *reg_event(const struct flow *f, unsigned int b)
{
	return &f->fn->ev[f->reg_ev[b]];
}

static const struct ur_obj *reg_object(const struct flow *f, unsigned int b)
{
	return ur_event_object(reg_event(f, b), f->reg_pair[b]);
}

/* ---- events ---- */

static void apply_unreg(const struct flow *f, struct state *s,
			const struct ur_event *u)
{
	for (unsigned int b = 0; b < f->nreg; b++) {
		const struct ur_event *r = reg_event(f, b);
		const struct regpair *p = regpairs_find(f->rp, r->name, u->name);

		if (p && ur_same_object(ur_event_object(r, p),
					ur_event_object(u, p), false))
			s->live &= ~(1ULL << b);
	}
}

/* 'priv->pdev = pdev', 'global = x': the object now lives elsewhere. */
static void apply_assign(const struct flow *f, struct state *s,
			 const struct ur_event *a)
{
	int v = var_bit(f, a->lhs.key);

	if (v >= 0) {
		if (a->value == VAL_ERROR)
			s->err |= 1ULL << v;
		else
			s->err &= ~(1ULL << v);
	}
	for (unsigned int b = 0; b < f->nreg; b++) {
		const struct ur_event *r = reg_event(f, b);
		const struct ur_obj *o = reg_object(f, b);

		if (f->reg_ev[b] != a->from_reg && r->result.key && a->lhs.key &&
		    !strcmp(r->result.key, a->lhs.key))
			s->fresh &= ~(1ULL << b);
		if (a->rhs.key && a->lhs.key && strncmp(a->lhs.key, "l:", 2) &&
		    o->key && !strcmp(o->key, a->rhs.key))
			s->live &= ~(1ULL << b);
	}
}

static void apply_events(const struct flow *f, const struct ur_node *n,
			 struct state *s)
{
	for (size_t i = n->ev; i < n->ev + n->nev; i++) {
		const struct ur_event *e = &f->fn->ev[i];
		int b;

		switch (e->kind) {
		case EV_REG:
			b = reg_bit(f, i);
			if (b >= 0) {
				s->live |= 1ULL << b;
				s->fresh |= 1ULL << b;
			}
			break;
		case EV_UNREG:
			apply_unreg(f, s, e);
			break;
		case EV_ASSIGN:
			apply_assign(f, s, e);
			break;
		case EV_CALL:
			break;
		}
	}
}

/* ---- what a condition says ---- */

#if CINDEX_VERSION_MINOR >= 64
static CXCursor child_at(CXCursor c, unsigned int i)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n), r = clang_getNullCursor();

	if (i < n)
		r = ch[i];
	free(ch);
	return r;
}

/*
 * A test does not change the variable: 'if (ret == 0) ok = true; ...
 * if (ret == 0) return 0;' tests the same result twice, so the result
 * stays fresh until the variable is assigned again.
 */
static void failed(struct state *s, unsigned int b, bool yes)
{
	if (yes)
		s->live &= ~(1ULL << b);
}

/* The register event of node n whose call is c. */
static int reg_call(const struct flow *f, const struct ur_node *n, CXCursor c)
{
	for (size_t i = n->ev; i < n->ev + n->nev; i++) {
		const struct ur_event *e = &f->fn->ev[i];

		if (e->kind == EV_REG && !clang_Cursor_isNull(e->call) &&
		    cx_same_expr(e->call, c))
			return reg_bit(f, i);
	}
	return -1;
}

/* x is non-zero (or negative, 'neg') exactly when 'holds'. */
static void test_value(const struct flow *f, const struct ur_node *n,
		       struct state *s, CXCursor x, bool holds, bool neg)
{
	struct ur_obj o;
	int b;

	x = ur_strip(x);
	if (cx_operator(x) == CX_OP_ASSIGN)
		x = ur_strip(child_at(x, 0));
	if (clang_getCursorKind(x) == CXCursor_CallExpr) {
		b = reg_call(f, n, x);
		if (b >= 0)
			failed(s, (unsigned int)b,
			       reg_event(f, (unsigned int)b)->ptr_result ?
				       !holds && !neg : holds);
		return;
	}
	o = ur_obj_of(x);
	if (!o.key)
		return;
	for (unsigned int i = 0; i < f->nreg; i++) {
		const struct ur_event *r = reg_event(f, i);

		if (!(s->fresh & (1ULL << i)) || !r->result.key ||
		    strcmp(r->result.key, o.key))
			continue;
		if (r->ptr_result && (holds || neg))
			continue;	/* non-NULL may still be an ERR_PTR */
		failed(s, i, r->ptr_result ? true : holds);
	}
	b = var_bit(f, o.key);
	if (b >= 0) {
		if (holds)
			s->err |= 1ULL << b;
		else
			s->err &= ~(1ULL << b);
	}
	ur_obj_free(&o);
}

static bool is_zero(CXCursor c)
{
	CXEvalResult ev = clang_Cursor_Evaluate(ur_strip(c));
	bool yes = false;

	if (!ev)
		return false;
	yes = clang_EvalResult_getKind(ev) == CXEval_Int &&
	      clang_EvalResult_getAsLongLong(ev) == 0;
	clang_EvalResult_dispose(ev);
	return yes;
}

static void test_is_err(const struct flow *f, struct state *s, CXCursor arg,
			bool holds)
{
	struct ur_obj o = ur_obj_of(arg);

	for (unsigned int i = 0; o.key && i < f->nreg; i++) {
		const struct ur_event *r = reg_event(f, i);

		if ((s->fresh & (1ULL << i)) && r->result.key &&
		    !strcmp(r->result.key, o.key))
			failed(s, i, holds);
	}
	ur_obj_free(&o);
}

static void refine(const struct flow *f, const struct ur_node *n,
		   struct state *s, CXCursor c, bool holds);

static void refine_binary(const struct flow *f, const struct ur_node *n,
			  struct state *s, CXCursor c, bool holds)
{
	unsigned int nch;
	CXCursor *ch = cx_children(c, &nch);
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);

	if (nch != 2)
		goto out;
	switch (op) {
	case CXBinaryOperator_LAnd:
	case CXBinaryOperator_LOr:
		if (holds == (op == CXBinaryOperator_LAnd)) {
			refine(f, n, s, ch[0], holds);
			refine(f, n, s, ch[1], holds);
		} else {
			/*
			 * 'a || R() < 0' holds: either R failed or it never
			 * ran; a register in the right operand owes nothing.
			 */
			refine(f, n, s, ch[1], holds);
		}
		break;
	case CXBinaryOperator_EQ:
	case CXBinaryOperator_NE:
		if (is_zero(ch[1]))
			test_value(f, n, s, ch[0],
				   holds == (op == CXBinaryOperator_NE), false);
		break;
	case CXBinaryOperator_LT:
	case CXBinaryOperator_GE:
		if (is_zero(ch[1]))
			test_value(f, n, s, ch[0],
				   holds == (op == CXBinaryOperator_LT), true);
		break;
	case CXBinaryOperator_Assign:
		test_value(f, n, s, ch[0], holds, false);
		break;
	default:
		break;
	}
out:
	free(ch);
}

/* Learn from the condition c having the value 'holds'. */
static void refine(const struct flow *f, const struct ur_node *n,
		   struct state *s, CXCursor c, bool holds)
{
	c = ur_strip(c);
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
		refine(f, n, s, child_at(c, 0), !holds);
		return;
	}
	if (ur_call_named(c, "__builtin_expect")) {
		refine(f, n, s, clang_Cursor_getArgument(c, 0), holds);
		return;
	}
	if (ur_call_named(c, "IS_ERR") || ur_call_named(c, "IS_ERR_OR_NULL")) {
		test_is_err(f, s, clang_Cursor_getArgument(c, 0), holds);
		return;
	}
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		refine_binary(f, n, s, c, holds);
		return;
	}
	test_value(f, n, s, c, holds, false);
}
#else
/* libclang before 17 cannot name operators: conditions teach nothing. */
static void refine(const struct flow *f, const struct ur_node *n,
		   struct state *s, CXCursor c, bool holds)
{
	(void)f;
	(void)n;
	(void)s;
	(void)c;
	(void)holds;
}
#endif

/* ---- returns ---- */

/* Does the return at node n give failure in state s? */
static bool returns_failure(const struct flow *f, const struct ur_node *n,
			    const struct state *s)
{
	CXCursor v = n->stmt;
	CXEvalResult ev;
	struct ur_obj o;
	bool yes = false;
	int b;

	if (clang_Cursor_isNull(v))
		return false;
	v = ur_strip(v);
	if (ur_call_named(v, "PTR_ERR") || ur_call_named(v, "ERR_PTR") ||
	    ur_call_named(v, "ERR_CAST"))
		return true;
	if (clang_getCursorKind(v) == CXCursor_CallExpr)
		return false;
	ev = clang_Cursor_Evaluate(v);
	if (ev) {
		if (clang_EvalResult_getKind(ev) == CXEval_Int) {
			long long x = clang_EvalResult_getAsLongLong(ev);

			yes = f->fn->returns_pointer ? x == 0 : x < 0;
		}
		clang_EvalResult_dispose(ev);
		return yes;
	}
	o = ur_obj_of(v);
	b = var_bit(f, o.key);
	ur_obj_free(&o);
	return b >= 0 && (s->err & (1ULL << b));
}

/*
 * 'return x' hands x to the caller; 'return R(...)' and 'return ret'
 * right after 'ret = R(...)' fail exactly when R failed.
 */
static void returned(const struct flow *f, const struct ur_node *n,
		     struct state *s)
{
	struct ur_obj o;

	if (clang_Cursor_isNull(n->stmt))
		return;
	for (size_t i = n->ev; i < n->ev + n->nev; i++) {
		int b = f->fn->ev[i].kind == EV_REG ? reg_bit(f, i) : -1;

		if (b >= 0)
			s->live &= ~(1ULL << b);
	}
	o = ur_obj_of(n->stmt);
	for (unsigned int b = 0; o.key && b < f->nreg; b++) {
		const struct ur_event *r = reg_event(f, b);
		const struct ur_obj *obj = reg_object(f, b);

		if ((obj->key && !strcmp(obj->key, o.key)) ||
		    ((s->fresh & (1ULL << b)) && r->result.key &&
		     !strcmp(r->result.key, o.key)))
			s->live &= ~(1ULL << b);
	}
	ur_obj_free(&o);
}

/* ---- the walk ---- */

static void push(struct flow *f, int id, const struct state *s)
{
	struct states *in;

	if (id < 0)
		return;
	in = &f->in[id];
	for (unsigned int i = 0; i < in->n; i++)
		if (!memcmp(&in->v[i], s, sizeof(*s)))
			return;
	if (in->n == MAX_STATES) {
		struct state m = *s;

		for (unsigned int i = 0; i < in->n; i++) {
			m.live |= in->v[i].live;
			m.fresh |= in->v[i].fresh;
			m.err |= in->v[i].err;
		}
		in->n = 0;
		in->v[in->n++] = m;
	} else {
		in->v[in->n++] = *s;
	}
	if (!f->queued[id]) {
		f->queued[id] = true;
		f->work[f->nwork++] = id;
	}
}

static void step(struct flow *f, int id)
{
	const struct ur_node *n = &f->fn->node[id];
	struct states in = f->in[id];

	for (unsigned int i = 0; i < in.n; i++) {
		struct state s = in.v[i], t;

		apply_events(f, n, &s);
		switch (n->kind) {
		case N_PLAIN:
			push(f, n->succ[0], &s);
			break;
		case N_COND:
			t = s;
			if (!clang_Cursor_isNull(n->stmt)) {
				refine(f, n, &s, n->stmt, true);
				refine(f, n, &t, n->stmt, false);
			}
			push(f, n->succ[0], &s);
			push(f, n->succ[1], &t);
			break;
		case N_RETURN:
			returned(f, n, &s);
			if (returns_failure(f, n, &s))
				f->missed[id] |= s.live;
			break;
		case N_END:
			break;
		}
	}
}

static void report(const struct flow *f, struct check_unit *unit, int id,
		   unsigned int b)
{
	const struct ur_event *r = reg_event(f, b);
	const struct regpair *p = f->reg_pair[b];
	const struct ur_obj *o = reg_object(f, b);
	const struct ur_node *n = &f->fn->node[id];
	const char *shown = o->shown ? o->shown : "the object";
	char *msg, *rel;
	struct finding *fd;

	msg = xasprintf("'%s' registered by %s() is not unregistered on this error path of %s(): call %s() before returning",
			shown, r->name, f->fn->name, p->unreg);
	fd = finding_add(unit->findings, RULE_ID, SEV_WARNING, unit->path,
			 n->pos.line, n->pos.column, shown, msg);
	rel = xasprintf("'%s' registered here", shown);
	finding_add_related(fd, unit->path, r->pos.line, r->pos.column, rel);
	free(rel);
	free(msg);
}

static bool reportable(const struct flow *f, unsigned int b)
{
	const struct regpair *p = f->reg_pair[b];

	return p && p->class == REG_CORE;
}

void ur_check_error_paths(const struct ur_func *fn, const struct regpairs *rp,
			  struct check_unit *unit)
{
	struct flow f = { .fn = fn, .rp = rp };
	struct state zero = { 0 };
	size_t steps = 0;

	index_events(&f);
	if (!f.nreg)
		return;
	f.in = xcalloc(fn->nnode, sizeof(*f.in));
	f.work = xcalloc(fn->nnode, sizeof(*f.work));
	f.queued = xcalloc(fn->nnode, sizeof(*f.queued));
	f.missed = xcalloc(fn->nnode, sizeof(*f.missed));
	push(&f, fn->entry, &zero);
	while (f.nwork && steps++ < MAX_STEPS) {
		int id = f.work[--f.nwork];

		f.queued[id] = false;
		step(&f, id);
	}
	for (size_t id = 0; id < fn->nnode; id++)
		for (unsigned int b = 0; b < f.nreg; b++)
			if ((f.missed[id] & (1ULL << b)) && reportable(&f, b))
				report(&f, unit, (int)id, b);
	free(f.in);
	free(f.work);
	free(f.queued);
	free(f.missed);
}
