// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: the unwinding of module exit and of remove,
 * against what module init and probe registered.
 *
 *  - order: exit undoes init's registrations in the reverse order (a
 *    device before its class, a driver before the bus it sits on); an
 *    exit that unregisters 'a' before 'c', which init registered after
 *    'a' and which uses 'a', gets a note (ur_depends()).
 *  - devm: an object probe registered with a devm_ form is unregistered
 *    by the driver core after remove; remove unregistering it too does
 *    it twice.
 *
 * Each side is read in source order, the file's functions it calls
 * expanded where they are called (two levels down).  Only pairs the
 * check can match for sure are judged: the same global or member chain,
 * or a pair whose register and unregister each appear once.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

#define RULE_ID "unbalanced-registration"
#define MAX_DEPTH 2

struct seq {
	const struct ur_event **v;
	size_t n, cap;
};

/* ---- does one registration use another? ---- */

struct uses {
	char **key;
	size_t n, cap;
};

static void uses_add(struct uses *u, char *key)
{
	if (!key)
		return;
	GROW(u->key, u->cap, u->n);
	u->key[u->n++] = key;
}

static bool has_static_storage(CXCursor d)
{
	return clang_getCursorKind(d) == CXCursor_VarDecl &&
	       (clang_Cursor_getStorageClass(d) == CX_SC_Static ||
		clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
			CXCursor_TranslationUnit);
}

/* Every variable and member chain an expression names. */
static enum CXChildVisitResult names_in(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct uses *u = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct ur_obj o;

	(void)parent;
	if (k != CXCursor_DeclRefExpr && k != CXCursor_MemberRefExpr)
		return CXChildVisit_Recurse;
	o = ur_obj_of(c);
	uses_add(u, o.key);
	o.key = NULL;
	ur_obj_free(&o);
	return CXChildVisit_Recurse;
}

/*
 * A number spelled with constants only ('MKDEV(TTYAUX_MAJOR, 2)',
 * 'USB_DEVICE_DEV') names nothing: its value does.  Small values (a
 * count, a minor) say too little.
 */
static void value_add(struct uses *u, CXCursor arg)
{
	long long v;

	if (cx_int_constant(cx_strip(arg), &v) && (v > 255 || v < -255))
		uses_add(u, xasprintf("value:%lld", v));
}

/*
 * What a register's call uses: the names in its arguments, their
 * values, and for a static object the names its initialiser points at
 * ('.bus = &foo_bus', '.class = &foo_class').
 */
static void call_uses(struct uses *u, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	for (int i = 0; i < n; i++) {
		CXCursor a = clang_Cursor_getArgument(call, i), d;

		value_add(u, a);
		names_in(a, clang_getNullCursor(), u);
		clang_visitChildren(a, names_in, u);
		a = cx_strip(a);
		while (cx_operator(a) == CX_OP_ADDR)
			a = cx_strip(cx_last_child(a));
		d = clang_getCursorReferenced(a);
		if (clang_getCursorKind(a) == CXCursor_DeclRefExpr &&
		    has_static_storage(d))
			clang_visitChildren(d, names_in, u);
	}
}

/* The names of what register event r registered. */
static void registered(struct uses *u, const struct ur_event *r,
		       const struct regpair *p)
{
	struct ur_obj o = { 0 };

	if (r->result.key)
		uses_add(u, xstrdup(r->result.key));
	if (p && p->reg_arg && cx_call_named(r->call, r->name) &&
	    (int)p->reg_arg <= clang_Cursor_getNumArguments(r->call)) {
		CXCursor a = clang_Cursor_getArgument(r->call, p->reg_arg - 1);

		o = ur_obj_of(a);
		if (!o.key)
			value_add(u, a);
	}
	uses_add(u, o.key);
	o.key = NULL;
	ur_obj_free(&o);
}

static void uses_free(struct uses *u)
{
	for (size_t i = 0; i < u->n; i++)
		free(u->key[i]);
	free(u->key);
	memset(u, 0, sizeof(*u));
}

static bool meet(const struct uses *a, const struct uses *b)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++)
			if (!strcmp(a->key[i], b->key[j]))
				return true;
	return false;
}

bool ur_depends(const struct ur_event *c, const struct ur_event *a,
		const struct regpair *pa)
{
	struct uses uc = { 0 }, ua = { 0 };
	bool yes;

	if (clang_Cursor_isNull(c->call))
		return false;
	call_uses(&uc, c->call);
	registered(&ua, a, pa);
	yes = meet(&uc, &ua);
	uses_free(&uc);
	uses_free(&ua);
	return yes;
}

struct sorted {
	const struct ur_event *e;
	size_t idx;
};

static int by_position(const void *x, const void *y)
{
	const struct sorted *a = x, *b = y;

	if (a->e->pos.line != b->e->pos.line)
		return a->e->pos.line < b->e->pos.line ? -1 : 1;
	if (a->e->pos.column != b->e->pos.column)
		return a->e->pos.column < b->e->pos.column ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static const struct ur_func *func_named(const struct ur_func *fns, size_t n,
					const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(fns[i].name, name))
			return &fns[i];
	return NULL;
}

struct flat {
	struct seq *out;
	const struct ur_func *fns;
	size_t nfns;
	const struct ur_func *stack[MAX_DEPTH + 1];
};

/* fn's registers, unregisters and devm_ forms in source order. */
static void flatten(struct flat *fl, const struct ur_func *fn, int depth)
{
	struct sorted *v = xcalloc(fn->nev ? fn->nev : 1, sizeof(*v));
	size_t n = 0;

	fl->stack[depth] = fn;
	for (size_t i = 0; i < fn->nev; i++)
		if (!fn->ev[i].hoisted && !fn->ev[i].deferred &&
		    !fn->ev[i].indirect && !fn->ev[i].grouped &&
		    !fn->ev[i].release)
			v[n++] = (struct sorted){ &fn->ev[i], i };
	qsort(v, n, sizeof(*v), by_position);
	for (size_t i = 0; i < n; i++) {
		const struct ur_event *e = v[i].e;
		const struct ur_func *callee;
		bool seen = false;

		if (e->kind == EV_REG || e->kind == EV_UNREG ||
		    e->kind == EV_DEVM) {
			GROW(fl->out->v, fl->out->cap, fl->out->n);
			fl->out->v[fl->out->n++] = e;
			continue;
		}
		if (e->kind != EV_CALL || e->wrapper || depth == MAX_DEPTH)
			continue;
		callee = func_named(fl->fns, fl->nfns, e->name);
		for (int d = 0; callee && d <= depth; d++)
			seen |= fl->stack[d] == callee;
		if (callee && !seen)
			flatten(fl, callee, depth + 1);
	}
	free(v);
}

static void side_seq(struct seq *s, const struct ur_func *root,
		     const struct ur_func *fns, size_t nfns)
{
	struct flat fl = { .out = s, .fns = fns, .nfns = nfns };

	flatten(&fl, root, 0);
}

static size_t count_named(const struct seq *s, enum ur_ev_kind kind,
			  const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++)
		n += s->v[i]->kind == kind && !strcmp(s->v[i]->name, name);
	return n;
}

static bool crosses(const struct ur_obj *o)
{
	return o->key && strncmp(o->key, "l:", 2);
}

struct sides {
	const struct regpairs *rp;
	struct check_unit *unit;
	struct seq a, b;
	const char *a_name, *b_name; /* the root functions */
};

/* Does b's unregister u undo a's register r, for sure? */
static bool undoes(const struct sides *sd, const struct ur_event *r,
		   const struct ur_event *u)
{
	const struct regpair *p = regpairs_find(sd->rp, r->name, u->name);
	const struct ur_obj *ro, *uo;

	if (!p)
		return false;
	ro = ur_event_object(r, p);
	uo = ur_event_object(u, p);
	if (ro->key || uo->key)
		return crosses(ro) && crosses(uo) && !strcmp(ro->key, uo->key);
	return count_named(&sd->a, EV_REG, r->name) == 1 &&
	       count_named(&sd->b, EV_UNREG, u->name) == 1;
}

/* The one unregister of b undoing a's i-th event, or -1. */
static long undoer(const struct sides *sd, size_t i)
{
	const struct ur_event *r = sd->a.v[i];
	const struct regpair *p = ur_reg_pair(sd->rp, r->name);
	long found = -1;

	if (r->kind != EV_REG || !p || p->class != REG_CORE)
		return -1;
	for (size_t j = 0; j < sd->b.n; j++) {
		if (sd->b.v[j]->kind != EV_UNREG || !undoes(sd, r, sd->b.v[j]))
			continue;
		if (found >= 0)
			return -1; /* two candidates: cannot tell */
		found = (long)j;
	}
	return found;
}

static char *label(const struct ur_event *e, const struct regpairs *rp)
{
	return ur_label(e, e->kind == EV_REG ? ur_reg_pair(rp, e->name) :
					       ur_unreg_pair(rp, e->name));
}

static void related(struct finding *fd, const struct check_unit *unit,
		    const struct ur_event *at, char *msg)
{
	finding_add_related(fd, unit->path, at->pos.line, at->pos.column, msg);
	free(msg);
}

static void report_order(const struct sides *sd, size_t i, size_t k, long ui,
			 long uk)
{
	const struct ur_event *ra = sd->a.v[i], *rc = sd->a.v[k];
	const struct ur_event *ua = sd->b.v[ui], *uc = sd->b.v[uk];
	char *a = label(ua, sd->rp), *c = label(uc, sd->rp);
	char *ra_l = label(ra, sd->rp), *rc_l = label(rc, sd->rp);
	struct finding *fd;
	char *msg;

	msg = xasprintf(
		"'%s' is unregistered in %s() before '%s', which %s() registered after it and which uses it: unwind in the reverse order of registration",
		a, sd->b_name, c, sd->a_name);
	fd = finding_add(sd->unit->findings, RULE_ID, SEV_NOTE, sd->unit->path,
			 ua->pos.line, ua->pos.column, a, msg);
	free(msg);
	related(fd, sd->unit, ra, xasprintf("'%s' registered here", ra_l));
	related(fd, sd->unit, rc, xasprintf("'%s' registered here", rc_l));
	related(fd, sd->unit, uc, xasprintf("'%s' unregistered here", c));
	free(a);
	free(c);
	free(ra_l);
	free(rc_l);
}

/*
 * What each register event of a side uses and registered, read once:
 * a side of n registrations asks about n * n pairs.
 */
struct side_uses {
	struct uses *uses, *regd;
	bool *known_uses, *known_regd;
};

/* Does a's k-th event use its i-th, registered before it? */
static bool depends(const struct sides *sd, struct side_uses *su, size_t i,
		    size_t k)
{
	if (clang_Cursor_isNull(sd->a.v[k]->call))
		return false;
	if (!su->known_uses[k]) {
		call_uses(&su->uses[k], sd->a.v[k]->call);
		su->known_uses[k] = true;
	}
	if (!su->known_regd[i]) {
		registered(&su->regd[i], sd->a.v[i],
			   ur_reg_pair(sd->rp, sd->a.v[i]->name));
		su->known_regd[i] = true;
	}
	return meet(&su->uses[k], &su->regd[i]);
}

static void check_order(const struct sides *sd)
{
	size_t n = sd->a.n ? sd->a.n : 1;
	long *u = xcalloc(n, sizeof(*u));
	bool *noted = xcalloc(sd->b.n ? sd->b.n : 1, sizeof(*noted));
	struct side_uses su = {
		.uses = xcalloc(n, sizeof(struct uses)),
		.regd = xcalloc(n, sizeof(struct uses)),
		.known_uses = xcalloc(n, sizeof(bool)),
		.known_regd = xcalloc(n, sizeof(bool)),
	};

	for (size_t i = 0; i < sd->a.n; i++)
		u[i] = undoer(sd, i);
	for (size_t i = 0; i < sd->a.n; i++)
		for (size_t k = i + 1; k < sd->a.n && u[i] >= 0; k++)
			if (u[k] >= 0 && u[k] != u[i] && u[i] < u[k] &&
			    !noted[u[i]] && depends(sd, &su, i, k)) {
				noted[u[i]] = true;
				report_order(sd, i, k, u[i], u[k]);
			}
	for (size_t i = 0; i < sd->a.n; i++) {
		uses_free(&su.uses[i]);
		uses_free(&su.regd[i]);
	}
	free(su.uses);
	free(su.regd);
	free(su.known_uses);
	free(su.known_regd);
	free(noted);
	free(u);
}

/* Does the devm_ register d name u's object? */
static bool devm_names(const struct sides *sd, const struct ur_event *d,
		       const struct ur_event *u)
{
	const struct regpair *p = regpairs_find(sd->rp, d->devm->reg, u->name);
	const struct ur_obj *uo;

	if (!p)
		return false;
	uo = ur_event_object(u, p);
	if (!crosses(uo))
		return false;
	if (d->result.key && !strcmp(d->result.key, uo->key))
		return true;
	for (unsigned int i = 0; i < d->nargs; i++)
		if (d->arg[i].key && !strcmp(d->arg[i].key, uo->key))
			return true;
	return false;
}

static void report_devm(const struct sides *sd, const struct ur_event *d,
			const struct ur_event *u)
{
	char *x = label(u, sd->rp);
	struct finding *fd;
	char *msg;

	msg = xasprintf(
		"'%s' is registered by %s() in %s(), so the driver core unregisters it after %s(): this %s() unregisters it a second time",
		x, d->name, sd->a_name, sd->b_name, u->name);
	fd = finding_add(sd->unit->findings, RULE_ID, SEV_WARNING,
			 sd->unit->path, u->pos.line, u->pos.column, x, msg);
	free(msg);
	related(fd, sd->unit, d, xasprintf("'%s' registered here, managed", x));
	free(x);
}

static void check_devm(const struct sides *sd)
{
	for (size_t j = 0; j < sd->b.n; j++) {
		const struct ur_event *u = sd->b.v[j];

		if (u->kind != EV_UNREG)
			continue;
		for (size_t i = 0; i < sd->a.n; i++)
			if (sd->a.v[i]->kind == EV_DEVM &&
			    devm_names(sd, sd->a.v[i], u)) {
				report_devm(sd, sd->a.v[i], u);
				break;
			}
	}
}

void ur_check_sides(const struct regpairs *rp, struct check_unit *unit,
		    const struct ur_func *a, const struct ur_func *b,
		    const struct ur_func *fns, size_t nfns, bool managed)
{
	struct sides sd = {
		.rp = rp, .unit = unit, .a_name = a->name, .b_name = b->name
	};

	side_seq(&sd.a, a, fns, nfns);
	side_seq(&sd.b, b, fns, nfns);
	check_order(&sd);
	if (managed)
		check_devm(&sd);
	free(sd.a.v);
	free(sd.b.v);
}
