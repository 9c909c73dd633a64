// SPDX-License-Identifier: GPL-2.0-only
/*
 * registration-flag, the evidence: did a register call succeed on a path,
 * what a condition says about a flag, and which writes of a flag mirror
 * which registration (see registration-flag.c for the rule).
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/registration-flag/internal.h"

/* ---- did a register call succeed? ---- */

enum outcome {
	UNKNOWN,
	SUCCEEDED,
	FAILED,
};

struct verdict {
	enum outcome o;
	const struct call *call;
};

static const struct call *call_at(const struct walk *w, CXCursor c, CXCursor fn)
{
	size_t lo, hi;

	rf_calls_of(w, fn, &lo, &hi);
	for (size_t i = lo; i < hi; i++)
		if (w->call[i].is_reg &&
		    cx_same_expr(w->call[i].path.c[w->call[i].path.n - 1], c))
			return &w->call[i];
	return NULL;
}

/* The last register call before 'at' whose result went to variable v. */
/* The register call whose result expression e is, if any. */
static const struct call *result_of(const struct walk *w, CXCursor e,
				    CXCursor fn)
{
	e = cx_strip(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_CallExpr:
		return call_at(w, e, fn);
	case CXCursor_BinaryOperator:
		if (cx_operator(e) == CX_OP_ASSIGN)
			return result_of(w, cx_child(e, 1), fn);
		return NULL;
	case CXCursor_DeclRefExpr:
		return rf_call_stored_in(
			w,
			clang_getCanonicalCursor(clang_getCursorReferenced(e)),
			fn, cx_cursor_start(e).offset);
	default:
		return NULL;
	}
}

static struct verdict both(struct verdict a, struct verdict b)
{
	if (a.o == FAILED || b.o == UNKNOWN)
		return a;
	if (b.o == FAILED || a.o == UNKNOWN)
		return b;
	return a;
}

static struct verdict either(struct verdict a, struct verdict b)
{
	if (a.o == FAILED)
		return a;
	if (b.o == FAILED)
		return b;
	if (a.o == SUCCEEDED && b.o == SUCCEEDED)
		return a;
	return (struct verdict){ UNKNOWN, NULL };
}

static struct verdict outcome_of(const struct walk *w, CXCursor c, bool holds,
				 CXCursor fn);

/* What 'x == 0' / 'x != 0' / 'x < 0' / 'x >= 0' says about a result x. */
static struct verdict comparison(const struct walk *w, CXCursor c, bool holds,
				 CXCursor fn)
{
	CXCursor lhs = cx_child(c, 0), rhs = cx_child(c, 1);
	const struct call *r;
	struct verdict none = { UNKNOWN, NULL };

	if (!cx_is_zero(rhs))
		return none;
	switch (cx_test_operator(c)) {
	case CX_TEST_EQ:
		return outcome_of(w, lhs, !holds, fn);
	case CX_TEST_NE:
		return outcome_of(w, lhs, holds, fn);
	case CX_TEST_LT:
	case CX_TEST_GE:
		r = result_of(w, lhs, fn);
		if (!r || r->returns_pointer)
			return none;
		if (cx_test_operator(c) == CX_TEST_GE)
			holds = !holds;
		return (struct verdict){ holds ? FAILED : SUCCEEDED, r };
	default:
		return none;
	}
}

/*
 * What the condition c having the value 'holds' says about a register
 * call: an int result is an error code (true means failure), a pointer
 * result is the object (true means success), IS_ERR() means failure.
 */
static struct verdict outcome_of(const struct walk *w, CXCursor c, bool holds,
				 CXCursor fn)
{
	struct verdict none = { UNKNOWN, NULL };
	const struct call *r;

	c = cx_strip(c);
	if (cx_test_operator(c) == CX_TEST_NOT)
		return outcome_of(w, cx_last_child(c), !holds, fn);
	if (cx_call_named(c, "__builtin_expect"))
		return outcome_of(w, clang_Cursor_getArgument(c, 0), holds, fn);
	if (cx_call_named(c, "IS_ERR") || cx_call_named(c, "IS_ERR_OR_NULL")) {
		r = result_of(w, clang_Cursor_getArgument(c, 0), fn);
		return r ? (struct verdict){ holds ? FAILED : SUCCEEDED, r } :
			   none;
	}
	if (cx_test_operator(c) == CX_TEST_AND)
		return (holds ? both : either)(
			outcome_of(w, cx_child(c, 0), holds, fn),
			outcome_of(w, cx_child(c, 1), holds, fn));
	if (cx_test_operator(c) == CX_TEST_OR)
		return (holds ? either :
				both)(outcome_of(w, cx_child(c, 0), holds, fn),
				      outcome_of(w, cx_child(c, 1), holds, fn));
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	    cx_operator(c) != CX_OP_ASSIGN)
		return comparison(w, c, holds, fn);
	r = result_of(w, c, fn);
	if (!r)
		return none;
	return (struct verdict){ holds == r->returns_pointer ? SUCCEEDED :
							       FAILED,
				 r };
}

const struct call *rf_result_of(const struct walk *w, CXCursor e, CXCursor fn)
{
	return result_of(w, e, fn);
}

const struct call *rf_failure_of(const struct walk *w, CXCursor cond,
				 bool holds, CXCursor fn)
{
	struct verdict v = outcome_of(w, cond, holds, fn);

	return v.o == FAILED ? v.call : NULL;
}

const struct call *rf_success_of(const struct walk *w, CXCursor cond,
				 bool holds, CXCursor fn)
{
	struct verdict v = outcome_of(w, cond, holds, fn);

	return v.o == SUCCEEDED ? v.call : NULL;
}

/* ---- what a condition says about a flag ---- */

/* c => F, c => !F, F => c, !F => c */
struct implies {
	bool set, clear, if_set, if_clear;
};

static struct implies flag_test(CXCursor c, CXCursor flag)
{
	struct implies none = { 0 }, a, b;
	enum cx_test op;

	c = cx_strip(c);
	if (rf_is_flag(c, flag))
		return (struct implies){ true, false, true, false };
	if (cx_test_operator(c) == CX_TEST_NOT) {
		a = flag_test(cx_last_child(c), flag);
		return (struct implies){ a.if_clear, a.if_set, a.clear, a.set };
	}
	if (cx_call_named(c, "__builtin_expect"))
		return flag_test(clang_Cursor_getArgument(c, 0), flag);
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return none;
	op = cx_test_operator(c);
	if (op == CX_TEST_EQ || op == CX_TEST_NE) {
		long long v;
		bool negate;

		if (!rf_is_flag(cx_child(c, 0), flag) ||
		    !cx_int_constant(cx_strip(cx_child(c, 1)), &v))
			return none;
		if (v == 0 || rf_is_bool(flag)) {
			negate = (op == CX_TEST_EQ) == (v == 0);
			return (struct implies){ !negate, negate, !negate,
						 negate };
		}
		/* 'F == 2' needs F set, but a set F need not be 2. */
		return (struct implies){ op == CX_TEST_EQ, false, false,
					 op == CX_TEST_NE };
	}
	if (op != CX_TEST_AND && op != CX_TEST_OR)
		return none;
	a = flag_test(cx_child(c, 0), flag);
	b = flag_test(cx_child(c, 1), flag);
	if (op == CX_TEST_AND)
		return (struct implies){ a.set || b.set, a.clear || b.clear,
					 a.if_set && b.if_set,
					 a.if_clear && b.if_clear };
	return (struct implies){ a.set && b.set, a.clear && b.clear,
				 a.if_set || b.if_set,
				 a.if_clear || b.if_clear };
}

/* Does the statement always leave the block (return, goto, break)? */
bool rf_exits(CXCursor s)
{
	unsigned int n;
	CXCursor *ch;
	bool yes = false;

	switch (clang_getCursorKind(s)) {
	case CXCursor_ReturnStmt:
	case CXCursor_GotoStmt:
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt:
		return true;
	case CXCursor_CompoundStmt:
		ch = cx_children(s, &n);
		yes = n && rf_exits(ch[n - 1]);
		free(ch);
		return yes;
	case CXCursor_IfStmt:
		ch = cx_children(s, &n);
		yes = n == 3 && rf_exits(ch[1]) && rf_exits(ch[2]);
		free(ch);
		return yes;
	default:
		return false;
	}
}

static int child_index(CXCursor parent, CXCursor child)
{
	unsigned int n;
	CXCursor *ch = cx_children(parent, &n);
	int idx = -1;

	for (unsigned int i = 0; i < n && idx < 0; i++)
		if (cx_same_expr(ch[i], child))
			idx = (int)i;
	free(ch);
	return idx;
}

/*
 * An earlier statement of the block that leaves it unless the flag is
 * in the wanted state: 'if (!F) return;' before U.
 */
static bool early_exit(CXCursor block, CXCursor child, CXCursor flag,
		       bool want_set, struct cx_pos *at)
{
	unsigned int n;
	CXCursor *ch = cx_children(block, &n);
	bool found = false;

	for (unsigned int i = 0; i < n && !found; i++) {
		struct implies t;

		if (cx_same_expr(ch[i], child))
			break;
		if (clang_getCursorKind(ch[i]) != CXCursor_IfStmt ||
		    !rf_exits(cx_child(ch[i], 1)))
			continue;
		t = flag_test(cx_child(ch[i], 0), flag);
		if (want_set ? t.if_clear : t.if_set) {
			*at = cx_cursor_start(cx_child(ch[i], 0));
			found = true;
		}
	}
	free(ch);
	return found;
}

/*
 * Is the call at the end of path only reached with the flag set
 * (want_set) or clear?  *at receives the test.
 */
static bool guarded(const struct path *p, CXCursor flag, bool want_set,
		    struct cx_pos *at)
{
	for (size_t i = p->n - 1; i-- > 0;) {
		CXCursor a = p->c[i], cond;
		int idx = child_index(a, p->c[i + 1]);
		struct implies t;
		bool hit = false;

		switch (clang_getCursorKind(a)) {
		case CXCursor_IfStmt:
		case CXCursor_ConditionalOperator:
			cond = cx_child(a, 0);
			t = flag_test(cond, flag);
			hit = (idx == 1 && (want_set ? t.set : t.clear)) ||
			      (idx == 2 && (want_set ? t.clear : t.set));
			break;
		case CXCursor_BinaryOperator:
			cond = cx_child(a, 0);
			t = flag_test(cond, flag);
			if (idx == 1 && cx_test_operator(a) == CX_TEST_AND)
				hit = want_set ? t.set : t.clear;
			else if (idx == 1 && cx_test_operator(a) == CX_TEST_OR)
				hit = want_set ? t.clear : t.set;
			break;
		case CXCursor_CompoundStmt:
			if (early_exit(a, p->c[i + 1], flag, want_set, at))
				return true;
			break;
		case CXCursor_FunctionDecl:
			return false;
		default:
			break;
		}
		if (hit) {
			*at = cx_cursor_start(cond);
			return true;
		}
	}
	return false;
}

/* ---- linking writes to registrations ---- */

static void add_link(struct walk *w, const struct write *wr,
		     const struct call *reg, const struct call *unreg,
		     const struct regpair *pair, bool mirror, struct cx_pos at)
{
	struct link *l;

	GROW(w->link, w->lcap, w->nlink);
	l = &w->link[w->nlink++];
	*l = (struct link){ wr, reg, unreg, pair, mirror, at };
}

/* A call of w's, as w may change it (its object keys are kept). */
static struct call *own(struct walk *w, const struct call *c)
{
	return &w->call[c - w->call];
}

static struct guard_list *guard_list_of(struct walk *w, CXCursor flag)
{
	size_t k;

	if (!cx_map_get(&w->guards, flag, &k)) {
		GROW(w->guard, w->guardcap, w->nguard);
		k = w->nguard++;
		memset(&w->guard[k], 0, sizeof(w->guard[k]));
		cx_map_put(&w->guards, flag, k);
	}
	return &w->guard[k];
}

static enum CXChildVisitResult add_flag(CXCursor c, CXCursor parent,
					CXClientData data)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor f;

	(void)parent;
	if ((k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) &&
	    rf_flag_of(c, &f))
		cx_map_put(data, f, 0);
	return CXChildVisit_Recurse;
}

/*
 * The flags that may guard the call at the end of path: those its
 * enclosing conditions and the early exits before it test (what
 * guarded() looks at).
 */
static void tested_flags(const struct path *p, struct cx_map *out)
{
	for (size_t i = p->n - 1; i-- > 0;) {
		CXCursor a = p->c[i];
		CXCursor *ch;
		unsigned int n;

		switch (clang_getCursorKind(a)) {
		case CXCursor_IfStmt:
		case CXCursor_ConditionalOperator:
		case CXCursor_BinaryOperator:
			clang_visitChildren(cx_child(a, 0), add_flag, out);
			add_flag(cx_child(a, 0), a, out);
			break;
		case CXCursor_CompoundStmt:
			ch = cx_children(a, &n);
			for (unsigned int j = 0;
			     j < n && !cx_same_expr(ch[j], p->c[i + 1]); j++)
				if (clang_getCursorKind(ch[j]) ==
					    CXCursor_IfStmt &&
				    rf_exits(cx_child(ch[j], 1))) {
					CXCursor cond = cx_child(ch[j], 0);

					clang_visitChildren(cond, add_flag,
							    out);
					add_flag(cond, ch[j], out);
				}
			free(ch);
			break;
		case CXCursor_FunctionDecl:
			return;
		default:
			break;
		}
	}
}

/*
 * Every unregister call only reached with a flag set (set), or every
 * register call only reached with one clear, into its flag's list.
 */
static void index_guards(struct walk *w, bool set)
{
	w->guards_known[set] = true;
	for (size_t i = 0; i < w->ncall; i++) {
		const struct call *c = &w->call[i];
		struct cx_map flags = { 0 };

		if (!(set ? c->is_unreg : c->is_reg))
			continue;
		tested_flags(&c->path, &flags);
		for (size_t s = 0; s < flags.nslot; s++) {
			struct guard_list *l;
			struct cx_pos at;

			if (!flags.e[s].used ||
			    !guarded(&c->path, flags.e[s].key, set, &at))
				continue;
			l = guard_list_of(w, flags.e[s].key);
			GROW(l->v[set], l->cap[set], l->n[set]);
			l->v[set][l->n[set]++] = (struct guarded_call){ i, at };
		}
		cx_map_free(&flags);
	}
}

/* The calls flag guards on one side (see struct walk). */
static const struct guard_list *guards_of(struct walk *w, CXCursor flag,
					  bool set)
{
	static const struct guard_list none;
	size_t k;

	if (!w->guards_known[set])
		index_guards(w, set);
	return cx_map_get(&w->guards, flag, &k) ? &w->guard[k] : &none;
}

/* A set after 'reg' succeeded: link it to the unregisters the flag guards. */
static void link_set(struct walk *w, const struct write *wr,
		     const struct call *reg)
{
	const struct guard_list *l = guards_of(w, wr->flag, true);

	for (size_t i = 0; i < l->n[1]; i++) {
		struct call *u = &w->call[l->v[1][i].call];
		const struct regpair *p =
			regpairs_find(w->rules, reg->name, u->name);

		if (p && rf_same_object(own(w, reg), u, p))
			add_link(w, wr, reg, u, p, false, l->v[1][i].at);
	}
}

/* A clear after 'unreg': link it to the registers the flag guards. */
static void link_clear(struct walk *w, const struct write *wr,
		       const struct call *unreg)
{
	const struct guard_list *l = guards_of(w, wr->flag, false);

	for (size_t i = 0; i < l->n[0]; i++) {
		struct call *r = &w->call[l->v[0][i].call];
		const struct regpair *p =
			regpairs_find(w->rules, r->name, unreg->name);

		if (p && rf_same_object(r, own(w, unreg), p))
			add_link(w, wr, r, unreg, p, true, l->v[0][i].at);
	}
}

/* Is the call inside an earlier statement of block path[i]? */
static bool in_earlier_statement(const struct call *c, const struct path *p,
				 size_t i)
{
	if (c->path.n <= i + 1 || !cx_same_expr(c->path.c[i], p->c[i]) ||
	    cx_same_expr(c->path.c[i + 1], p->c[i + 1]))
		return false;
	return cx_cursor_start(c->path.c[i + 1]).offset <
	       cx_cursor_start(p->c[i + 1]).offset;
}

/*
 * Which calls the write follows on their success path: calls in earlier
 * statements of an enclosing block, and the calls whose success the
 * enclosing branches test.  A branch taken on failure ends the search.
 */
static void link_after_calls(struct walk *w, const struct write *wr,
			     bool after_reg)
{
	const struct path *p = &wr->path;
	CXCursor fn = p->c[0];
	size_t lo, hi;

	if (!guards_of(w, wr->flag, after_reg)->n[after_reg])
		return; /* nothing to link it to */
	rf_calls_of(w, fn, &lo, &hi);
	for (size_t i = p->n - 1; i-- > 0;) {
		CXCursor a = p->c[i];
		enum CXCursorKind k = clang_getCursorKind(a);

		if (k == CXCursor_CompoundStmt) {
			for (size_t j = lo; j < hi; j++) {
				const struct call *c = &w->call[j];

				if (!in_earlier_statement(c, p, i))
					continue;
				if (after_reg && c->is_reg)
					link_set(w, wr, c);
				else if (!after_reg && c->is_unreg)
					link_clear(w, wr, c);
			}
		} else if (after_reg && (k == CXCursor_IfStmt ||
					 k == CXCursor_ConditionalOperator)) {
			int idx = child_index(a, p->c[i + 1]);
			struct verdict v;

			if (idx != 1 && idx != 2)
				continue;
			v = outcome_of(w, cx_child(a, 0), idx == 1, fn);
			if (v.o == FAILED)
				return;
			if (v.o == SUCCEEDED)
				link_set(w, wr, v.call);
		}
	}
}

void rf_link_write(struct walk *w, const struct write *wr)
{
	struct verdict v;

	if (!rf_two_state(w, wr->flag))
		return;

	switch (wr->kind) {
	case SET_CONST:
		link_after_calls(w, wr, true);
		break;
	case SET_EXPR:
		/* F = !R(...), F = (ret == 0): true exactly when R succeeded. */
		v = outcome_of(w, wr->value, true, wr->path.c[0]);
		if (v.o == SUCCEEDED)
			link_set(w, wr, v.call);
		break;
	case CLEAR:
		link_after_calls(w, wr, false);
		break;
	case OTHER_CONST:
		break;
	}
}
