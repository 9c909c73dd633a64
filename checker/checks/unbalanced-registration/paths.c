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

#include "lib/util.h"
#include "checks/unbalanced-registration/flow.h"

#define RULE_ID "unbalanced-registration"
#define MAX_STATES 16
#define MAX_STEPS 20000

struct ur_states {
	struct ur_state v[MAX_STATES];
	unsigned int n;
};

/* The walk: a work list of nodes and the states that reached each. */
struct walk {
	struct ur_flow *f;
	struct ur_states *in;
	int *work;
	size_t nwork;
	bool *queued;
	uint64_t *missed; /* per node: registrations live at a failing return */
	uint64_t *lost; /* ... at another return, their handle lost */
	uint64_t undone; /* unregistered on some path */
	/* Live at every successful return (all bits before the first). */
	uint64_t left;
	bool succeeded; /* a successful return was reached */
};

static void index_events(struct ur_flow *f)
{
	const struct ur_func *fn = f->fn;

	for (size_t i = 0; i < fn->nev; i++) {
		const struct ur_event *e = &fn->ev[i];

		if (e->kind == EV_REG && f->nreg < UR_BITS && !e->hoisted) {
			f->reg_pair[f->nreg] = ur_reg_pair(f->rp, e->name);
			f->reg_ev[f->nreg++] = (int)i;
		}
		if (e->kind == EV_ASSIGN && e->lhs_int && e->lhs.key &&
		    !strncmp(e->lhs.key, "l:", 2) && f->nvar < UR_BITS &&
		    ur_var_bit(f, e->lhs.key) < 0)
			f->var[f->nvar++] = e->lhs.key;
	}
}

static const struct ur_obj *reg_object(const struct ur_flow *f, unsigned int b)
{
	return ur_event_object(ur_reg_event(f, b), f->reg_pair[b]);
}

/* ---- events ---- */

static void apply_unreg(const struct ur_flow *f, struct ur_state *s,
			const struct ur_event *u)
{
	/* A release callback set in a member runs at the last put only. */
	if (u->at_put)
		return;
	for (unsigned int b = 0; b < f->nbits; b++) {
		if (!ur_undoes(f->rp, ur_reg_event(f, b), u, false))
			continue;
		s->live &= ~(1ULL << b);
		if (u->devm_action)
			s->handed |= 1ULL << b;
		/*
		 * What a callee left: undone by the caller only by an
		 * unregister, or a helper that does nothing else.
		 */
		if (!u->hoisted && (b < f->nreg || !u->indirect || u->teardown))
			s->undone |= 1ULL << b;
	}
}

/* Is the release callback of r's pair set in a member in this function? */
static bool released_at_put(const struct ur_flow *f, const struct ur_event *r)
{
	for (size_t i = 0; i < f->fn->nev; i++) {
		const struct ur_event *e = &f->fn->ev[i];

		if (e->kind == EV_UNREG && e->at_put &&
		    regpairs_find(f->rp, r->name, e->name))
			return true;
	}
	return false;
}

/*
 * 'v4l2_device_put(&dev->v4l2_dev)' after 'dev->v4l2_dev.release =
 * foo_release': the last put runs the release, which unregisters.
 */
static void apply_put(const struct ur_flow *f, struct ur_state *s,
		      const struct ur_event *p)
{
	for (unsigned int b = 0; b < f->nbits && p->nargs; b++) {
		const struct ur_event *r = ur_reg_event(f, b);

		if (!(s->live & (1ULL << b)) || !released_at_put(f, r) ||
		    !reg_object(f, b)->key || !p->arg[0].key ||
		    !ur_same_object(reg_object(f, b), &p->arg[0], false))
			continue;
		s->live &= ~(1ULL << b);
		s->undone |= 1ULL << b;
	}
}

/*
 * 'chip->card = card' after 'chip = card->private_data': stored inside
 * the object itself, which is reached through it only.
 */
static bool stored_inside(const struct ur_func *fn, const struct ur_obj *lhs,
			  const struct ur_obj *o)
{
	if (!lhs->root)
		return false;
	for (size_t i = 0; i < fn->nev; i++) {
		const struct ur_event *e = &fn->ev[i];

		if (e->kind == EV_ASSIGN && e->owner && e->lhs.key &&
		    !strcmp(e->lhs.key, lhs->root) && !strcmp(e->owner, o->key))
			return true;
	}
	return false;
}

/* 'priv->pdev = pdev', 'global = x': the object now lives elsewhere. */
static void apply_assign(const struct ur_flow *f, struct ur_state *s,
			 const struct ur_event *a)
{
	int v = ur_var_bit(f, a->lhs.key);

	if (v >= 0) {
		if (a->value == VAL_ERROR)
			s->err |= 1ULL << v;
		else
			s->err &= ~(1ULL << v);
	}
	for (unsigned int b = 0; b < f->nbits; b++) {
		const struct ur_event *r = ur_reg_event(f, b);
		const struct ur_obj *o = reg_object(f, b);

		/* A helper's status assigned again says nothing of it. */
		if (f->reg_ev[b] != a->from_reg && a->lhs.key &&
		    ((r->result.key && !strcmp(r->result.key, a->lhs.key)) ||
		     (b >= f->nreg && r->status.key &&
		      !strcmp(r->status.key, a->lhs.key))))
			s->fresh &= ~(1ULL << b);
		if (a->rhs.key && a->lhs.key && !a->err_of &&
		    strncmp(a->lhs.key, "l:", 2) && o->key &&
		    !strcmp(o->key, a->rhs.key) &&
		    !stored_inside(f->fn, &a->lhs, o))
			s->live &= ~(1ULL << b);
	}
}

static void apply_reg(const struct ur_flow *f, struct ur_state *s,
		      unsigned int b)
{
	uint64_t bit = 1ULL << b;

	s->live |= bit;
	s->fresh |= bit;
	s->ran |= bit;
	s->failed &= ~bit;
	s->undone &= ~bit;
	ur_unwind_reg(f, s, b);
	s->live &= ~(s->handed & bit);
}

static void apply_events(struct ur_flow *f, const struct ur_node *n,
			 struct ur_state *s)
{
	for (size_t i = n->ev; i < n->ev + n->nev; i++) {
		const struct ur_event *e = &f->fn->ev[i];
		int b;

		switch (e->kind) {
		case EV_REG:
			b = ur_reg_bit(f, i);
			if (b >= 0)
				apply_reg(f, s, (unsigned int)b);
			break;
		case EV_UNREG:
			ur_unwind_unreg(f, s, i);
			apply_unreg(f, s, e);
			break;
		case EV_DEVM:
			ur_unwind_devm(f, s, e);
			break;
		case EV_ASSIGN:
			apply_assign(f, s, e);
			ur_unwind_assign(f, s, e);
			ur_flags_assign(f, s, e);
			break;
		case EV_CALL:
			ur_pending_call(f, s, i);
			break;
		case EV_PUT:
			apply_put(f, s, e);
			break;
		}
	}
}

/* ---- returns ---- */

/* Does the return at node n give failure in state s? */
static bool returns_failure(const struct ur_flow *f, const struct ur_node *n,
			    const struct ur_state *s)
{
	CXCursor v = n->stmt;
	struct ur_obj o;
	long long x;
	int b;

	if (clang_Cursor_isNull(v))
		return false;
	v = cx_strip(v);
	if (cx_call_named(v, "PTR_ERR") || cx_call_named(v, "ERR_PTR") ||
	    cx_call_named(v, "ERR_CAST"))
		return true;
	if (clang_getCursorKind(v) == CXCursor_CallExpr)
		return false;
	if (cx_int_constant(v, &x))
		return f->fn->returns_pointer ? x == 0 : x < 0;
	o = ur_obj_of(v);
	b = ur_var_bit(f, o.key);
	ur_obj_free(&o);
	return b >= 0 && (s->err & (1ULL << b));
}

/*
 * 'return x' hands x to the caller; 'return R(...)' and 'return ret'
 * right after 'ret = R(...)' fail exactly when R failed.
 */
static void returned(const struct ur_flow *f, const struct ur_node *n,
		     struct ur_state *s)
{
	struct ur_obj o;

	if (clang_Cursor_isNull(n->stmt))
		return;
	for (size_t i = n->ev; i < n->ev + n->nev; i++) {
		int b = f->fn->ev[i].kind == EV_REG ? ur_reg_bit(f, i) : -1;

		if (b >= 0)
			s->live &= ~(1ULL << b);
	}
	o = ur_obj_of(n->stmt);
	for (unsigned int b = 0; o.key && b < f->nbits; b++) {
		const struct ur_event *r = ur_reg_event(f, b);
		const struct ur_obj *obj = reg_object(f, b);

		if ((obj->key && !strcmp(obj->key, o.key)) ||
		    ((s->fresh & (1ULL << b)) && r->result.key &&
		     !strcmp(r->result.key, o.key)))
			s->live &= ~(1ULL << b);
	}
	ur_obj_free(&o);
}

/* ---- the walk ---- */

static void merge(struct ur_state *m, const struct ur_state *s)
{
	m->live |= s->live;
	m->fresh |= s->fresh;
	m->err |= s->err;
	m->ran |= s->ran;
	m->failed |= s->failed;
	m->undone |= s->undone;
	m->gone |= s->gone;
	m->devm |= s->devm;
	m->early |= s->early;
	m->handed &= s->handed; /* on every path merged */
	/* Known alike on both, or not known. */
	m->known &= s->known & ~(m->same ^ s->same);
	m->same &= m->known;
	m->merged = 1;
}

static void push(struct walk *w, int id, const struct ur_state *s)
{
	struct ur_states *in;

	if (id < 0)
		return;
	in = &w->in[id];
	for (unsigned int i = 0; i < in->n; i++)
		if (!memcmp(&in->v[i], s, sizeof(*s)))
			return;
	if (in->n == MAX_STATES) {
		struct ur_state m = *s;

		for (unsigned int i = 0; i < in->n; i++)
			merge(&m, &in->v[i]);
		in->n = 0;
		in->v[in->n++] = m;
	} else {
		in->v[in->n++] = *s;
	}
	if (!w->queued[id]) {
		w->queued[id] = true;
		w->work[w->nwork++] = id;
	}
}

/* Both branches of a test, each if the path can take it. */
static void cond(struct walk *w, const struct ur_node *n, struct ur_state *s)
{
	const struct ur_flow *f = w->f;
	struct ur_state t = *s;
	bool yes = true, no = true;

	if (!clang_Cursor_isNull(n->stmt)) {
		yes = ur_flags_possible(f, s, n->stmt, true);
		no = ur_flags_possible(f, s, n->stmt, false);
		ur_refine(f, n, s, n->stmt, true);
		ur_refine(f, n, &t, n->stmt, false);
		ur_flags_learn(f, s, n->stmt, true);
		ur_flags_learn(f, &t, n->stmt, false);
	}
	if (yes)
		push(w, n->succ[0], s);
	if (no)
		push(w, n->succ[1], &t);
}

static void step(struct walk *w, int id)
{
	struct ur_flow *f = w->f;
	const struct ur_node *n = &f->fn->node[id];
	struct ur_states in = w->in[id];

	for (unsigned int i = 0; i < in.n; i++) {
		struct ur_state s = in.v[i];

		apply_events(f, n, &s);
		switch (n->kind) {
		case N_PLAIN:
			push(w, n->succ[0], &s);
			break;
		case N_COND:
			cond(w, n, &s);
			break;
		case N_RETURN:
			w->undone |= s.undone;
			returned(f, n, &s);
			if (returns_failure(f, n, &s)) {
				w->missed[id] |= s.live;
				break;
			}
			w->left &= s.live;
			w->succeeded = true;
			if (!s.merged)
				w->lost[id] |= s.live & f->lost;
			break;
		case N_END:
			w->undone |= s.undone;
			w->left &= s.live;
			w->succeeded = true;
			if (!s.merged)
				w->lost[id] |= s.live & f->lost;
			break;
		}
	}
}

/*
 * The registration b still held where node id leaves the function: an
 * error path that forgot it, or (lost) a path after which no handle to
 * it is left.
 */
static void report(const struct ur_flow *f, struct check_unit *unit, int id,
		   unsigned int b, bool lost)
{
	const struct ur_event *r = ur_reg_event(f, b);
	const struct regpair *p = f->reg_pair[b];
	const struct ur_node *n = &f->fn->node[id];
	char *shown = ur_label(r, p);
	char *msg, *rel, *by;
	struct finding *fd;

	/* What a helper left: 'platform_device_add() in sony_pf_add()'. */
	by = f->leaves & (1ULL << b) ? xasprintf("%s() in %s()", r->name,
						 f->fn->ev[f->reg_ev[b]].name) :
				       xasprintf("%s()", r->name);
	if (lost)
		msg = xasprintf(
			"'%s' registered by %s is still registered when %s() leaves here, and the local '%s' is its only handle: nothing can call %s() on it any more; store it or unregister it",
			shown, by, f->fn->name, shown, p->unreg);
	else
		msg = xasprintf(
			"'%s' registered by %s is not unregistered on this error path of %s(): call %s() before returning",
			shown, by, f->fn->name, p->unreg);
	free(by);
	fd = finding_add(unit->findings, RULE_ID, ur_pair_severity(p),
			 unit->path, n->pos.line, n->pos.column, shown, msg);
	rel = xasprintf("'%s' registered here", shown);
	finding_add_related(fd, unit->path, r->pos.line, r->pos.column, rel);
	free(rel);
	free(msg);
	free(shown);
}

/* A global module exit unregisters stays registered until then. */
static bool kept(const struct ur_flow *f, unsigned int b)
{
	const struct ur_event *r = ur_reg_event(f, b);
	const struct ur_obj *o = ur_event_object(r, f->reg_pair[b]);

	if (!o->key || strncmp(o->key, "g:", 2))
		return false;
	for (size_t i = 0; i < f->nkept; i++)
		for (size_t j = 0; j < f->kept_by[i]->nev; j++) {
			const struct ur_event *u = &f->kept_by[i]->ev[j];
			const struct regpair *p;

			if (u->kind != EV_UNREG || u->indirect)
				continue;
			p = regpairs_find(f->rp, r->name, u->name);
			if (p && ur_event_object(u, p)->key &&
			    !strcmp(ur_event_object(u, p)->key, o->key))
				return true;
		}
	return false;
}

/*
 * Not a subsystem object of a managed allocation; not a register whose
 * result, the object, is dropped: the code cannot undo it at all, its
 * parent owns it; nor one made under a parent that takes it along; nor a
 * global module exit undoes; nor anything built-in init code registers.
 */
static bool reportable(const struct ur_flow *f, unsigned int b)
{
	const struct regpair *p = f->reg_pair[b];

	return !f->permanent &&
	       ur_pair_reportable(p, reg_object(f, b), f->managed,
				  f->fn->name) &&
	       !ur_with_parent(ur_reg_event(f, b), p) &&
	       !(p->reg_arg == 0 && !ur_reg_event(f, b)->result.key) &&
	       !kept(f, b);
}

static void walk(struct ur_flow *f, struct check_unit *unit)
{
	const struct ur_func *fn = f->fn;
	struct walk w = { .f = f, .left = ~0ULL };
	struct ur_state zero = { 0 };
	size_t steps = 0;
	uint64_t missed = 0, passed = 0;

	w.in = xcalloc(fn->nnode, sizeof(*w.in));
	w.work = xcalloc(fn->nnode, sizeof(*w.work));
	w.queued = xcalloc(fn->nnode, sizeof(*w.queued));
	w.missed = xcalloc(fn->nnode, sizeof(*w.missed));
	w.lost = xcalloc(fn->nnode, sizeof(*w.lost));
	push(&w, fn->entry, &zero);
	while (w.nwork && steps++ < MAX_STEPS) {
		int id = w.work[--w.nwork];

		w.queued[id] = false;
		step(&w, id);
	}
	for (size_t id = 0; id < fn->nnode; id++)
		missed |= w.missed[id];
	/*
	 * What a callee left: the caller undid it and never failed with it,
	 * or failed with it and leaves it in turn to callers that undo it (or
	 * need not).  Else the callee's own failing return is the finding.
	 */
	for (unsigned int b = f->nreg; b < f->nbits; b++)
		if ((missed & (1ULL << b)) &&
		    (!reportable(f, b) || ur_pending_defers(f, b)))
			passed |= 1ULL << b;
	if (!f->summary)
		ur_pending_tell(f, (w.undone & ~missed) | passed);
	for (unsigned int b = 0; f->summary && w.succeeded && b < f->nbits; b++)
		if ((w.left & (1ULL << b)) && reportable(f, b))
			ur_leaves_add(f, b);
	for (size_t id = 0; id < fn->nnode; id++)
		for (unsigned int b = 0; b < f->nbits; b++)
			if ((w.missed[id] & (1ULL << b)) && reportable(f, b)) {
				if (f->summary)
					ur_pending_add(f, b);
				else if ((b < f->nreg ||
					  (f->leaves & (1ULL << b))) &&
					 !ur_pending_defers(f, b))
					report(f, unit, (int)id, b, false);
			} else if ((w.lost[id] & (1ULL << b)) && !f->summary &&
				   reportable(f, b)) {
				report(f, unit, (int)id, b, true);
			}
	free(w.in);
	free(w.work);
	free(w.queued);
	free(w.missed);
	free(w.lost);
}

static void check(struct ur_flow *f, const struct ur_paths *ctx)
{
	index_events(f);
	ur_pending_index(f);
	ur_unwind_index(f);
	if (!f->nbits && !f->nslot)
		return;
	ur_flags_index(f);
	f->lost = ur_lost_candidates(f);
	f->found = xcalloc(f->fn->nev ? f->fn->nev : 1, sizeof(*f->found));
	walk(f, ctx->unit);
	if (!f->summary)
		ur_unwind_report(f, ctx->unit);
	free(f->found);
	ur_flags_free(f);
}

static struct ur_flow flow_of(const struct ur_func *fn,
			      const struct ur_paths *ctx)
{
	return (struct ur_flow){ .fn = fn,
				 .rp = ctx->rp,
				 .kept_by = ctx->kept_by,
				 .nkept = ctx->nkept,
				 .managed = ctx->managed,
				 .permanent = ctx->permanent,
				 .helpers = ctx->helpers };
}

void ur_check_error_paths(const struct ur_func *fn, const struct ur_paths *ctx)
{
	struct ur_flow f = flow_of(fn, ctx);

	check(&f, ctx);
	ur_pending_done(&f);
}

void ur_pending_of(const struct ur_func *fn, const struct ur_paths *ctx,
		   struct ur_summary *out)
{
	struct ur_flow f = flow_of(fn, ctx);

	f.summary = true;
	check(&f, ctx);
	ur_pending_done(&f);
	out->pending = f.out;
	out->npending = f.nout;
	out->leaves = f.left;
	out->nleaves = f.nleft;
}
