// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: how a function unwinds, judged on its paths.
 *
 *  - order: the kernel unwinds in the reverse of registration order, so
 *    that nothing still registered points at what was already torn down
 *    (a device of a class, a cdev in a chrdev region).  'U(a)' met while
 *    'c', registered after 'a' and using it, is still held, and 'U(c)'
 *    later on the same path, is a misordered pair: a note.
 *  - double: 'U(x)' twice on one path with no register in between.
 *  - stray: 'U(x)' on a path where R(x) never ran although other
 *    registers did: an error path jumping to the wrong label.  Or after
 *    R(x) ran and its test said it failed: a failed register owes
 *    nothing.  Only claimed of objects passed by address (static or
 *    embedded): the unregister of an object held by pointer often is
 *    its release too (cdev_del() of a cdev_alloc() cdev,
 *    hid_destroy_device()), right whether or not it was registered.
 *  - devm: 'U(x)' after x was registered by R's devm_ form: the driver
 *    core unregisters it again when the driver detaches.
 *
 * Unregisters under a test of their object or of a flag, and inside loop
 * bodies, may or may not run: they are never claimed as double or stray.
 * States merged from several paths claim nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/flow.h"

#define RULE_ID "unbalanced-registration"

/* ---- objects ---- */

static bool pos_before(const struct cx_pos *a, const struct cx_pos *b)
{
	return a->line < b->line ||
	       (a->line == b->line && a->column < b->column);
}

static bool same_name(const struct ur_obj *a, const char *key,
		      const char *shown)
{
	return a->key && key && !strcmp(a->key, key) && a->shown && shown &&
	       !strcmp(a->shown, shown);
}

/* The object an unregister event names, by its pair. */
static const struct ur_obj *unreg_object(const struct ur_flow *f,
					 const struct ur_event *e)
{
	const struct regpair *p = ur_unreg_pair(f->rp, e->name);
	static const struct ur_obj none;

	return p ? ur_event_object(e, p) : &none;
}

static int slot_of(const struct ur_flow *f, const struct ur_obj *o)
{
	for (unsigned int k = 0; k < f->nslot; k++)
		if (same_name(o, f->slot[k].key, f->slot[k].shown))
			return (int)k;
	return -1;
}

void ur_unwind_index(struct ur_flow *f)
{
	const struct ur_func *fn = f->fn;

	for (size_t i = 0; i < fn->nev && f->nslot < UR_BITS; i++) {
		const struct ur_event *e = &fn->ev[i];
		const struct ur_obj *o;

		if (e->kind != EV_UNREG || e->hoisted || e->deferred ||
		    e->indirect || e->grouped || e->release)
			continue;
		o = unreg_object(f, e);
		if (!o->key || slot_of(f, o) >= 0)
			continue;
		f->slot[f->nslot].key = o->key;
		f->slot[f->nslot].shown = o->shown;
		f->slot[f->nslot].unreg = e->name;
		f->slot[f->nslot++].first = (int)i;
	}
}

/* Does unregister u undo register bit b, for sure? */
static bool undoes(const struct ur_flow *f, unsigned int b,
		   const struct ur_event *u)
{
	const struct ur_event *r = ur_reg_event(f, b);
	const struct regpair *p = regpairs_find(f->rp, r->name, u->name);
	const struct ur_obj *ro, *uo;

	if (!p)
		return false;
	ro = ur_event_object(r, p);
	uo = ur_event_object(u, p);
	if (ro->key && uo->key)
		return same_name(ro, uo->key, uo->shown);
	if (ro->key || uo->key)
		return false;
	/* Numbers (a dev_t, a major) name nothing: one register, one object. */
	for (unsigned int c = 0; c < f->nreg; c++)
		if (c != b && !strcmp(ur_reg_event(f, c)->name, r->name))
			return false;
	return true;
}

static uint64_t undone_by(const struct ur_flow *f, const struct ur_event *u)
{
	uint64_t m = 0;

	for (unsigned int b = 0; b < f->nreg; b++)
		if (undoes(f, b, u))
			m |= 1ULL << b;
	return m;
}

static bool core(const struct ur_flow *f, unsigned int b)
{
	return f->reg_pair[b] && f->reg_pair[b]->class == REG_CORE;
}

/* ---- the events, as the walk meets them ---- */

void ur_unwind_reg(const struct ur_flow *f, struct ur_state *s, unsigned int b)
{
	const struct ur_obj *o =
		ur_event_object(ur_reg_event(f, b), f->reg_pair[b]);
	int k = slot_of(f, o);

	if (k >= 0) {
		s->gone &= ~(1ULL << k);
		s->devm &= ~(1ULL << k);
	}
}

/* Does the devm_ register d name slot k's object? */
static bool devm_names(const struct ur_flow *f, const struct ur_event *d,
		       unsigned int k)
{
	const struct ur_slot *sl = &f->slot[k];

	if (!regpairs_find(f->rp, d->devm->reg, sl->unreg))
		return false;
	if (d->result.key && !strcmp(d->result.key, sl->key))
		return true;
	for (unsigned int i = 0; i < d->nargs; i++)
		if (d->arg[i].key && !strcmp(d->arg[i].key, sl->key))
			return true;
	return false;
}

void ur_unwind_devm(const struct ur_flow *f, struct ur_state *s,
		    const struct ur_event *d)
{
	for (unsigned int k = 0; k < f->nslot; k++)
		if (devm_names(f, d, k))
			s->devm |= 1ULL << k;
}

/* 'pdev = ...', 'priv = ...': what was unregistered is another object now. */
void ur_unwind_assign(const struct ur_flow *f, struct ur_state *s,
		      const struct ur_event *a)
{
	size_t n;

	if (!a->lhs.shown)
		return;
	n = strlen(a->lhs.shown);
	for (unsigned int k = 0; k < f->nslot; k++) {
		const char *sh = f->slot[k].shown;

		if (!strncmp(sh, a->lhs.shown, n) &&
		    (!sh[n] || sh[n] == '-' || sh[n] == '.' || sh[n] == '[')) {
			s->gone &= ~(1ULL << k);
			s->devm &= ~(1ULL << k);
		}
	}
}

static void add_order(struct ur_flow *f, struct ur_state *s, size_t ev,
		      unsigned int a, unsigned int c)
{
	unsigned int j;

	for (j = 0; j < f->norder; j++)
		if (f->order[j].u_ev == ev && f->order[j].a == a &&
		    f->order[j].c == c)
			break;
	if (j == f->norder) {
		if (f->norder == UR_BITS)
			return;
		f->order[f->norder++] = (struct ur_order){ ev, a, c, -1 };
	}
	s->early |= 1ULL << j;
}

/*
 * U(ev) undoes the registers m: it confirms the candidates waiting for
 * them, and is itself early for every core object registered after them
 * and still held.
 */
static void check_order(struct ur_flow *f, struct ur_state *s, size_t ev,
			uint64_t m)
{
	uint64_t held = s->ran & ~s->failed & ~s->undone;

	for (unsigned int j = 0; j < f->norder; j++) {
		if (!(s->early & (1ULL << j)) || !(m & (1ULL << f->order[j].c)))
			continue;
		if (f->order[j].late_ev < 0)
			f->order[j].late_ev = (int)ev;
		s->early &= ~(1ULL << j);
	}
	for (unsigned int a = 0; a < f->nreg; a++) {
		if (!(m & held & (1ULL << a)) || !core(f, a))
			continue;
		for (unsigned int c = 0; c < f->nreg; c++)
			if ((held & ~m & (1ULL << c)) && core(f, c) &&
			    pos_before(&ur_reg_event(f, a)->pos,
				       &ur_reg_event(f, c)->pos) &&
			    ur_depends(ur_reg_event(f, c), ur_reg_event(f, a),
				       f->reg_pair[a]))
				add_order(f, s, ev, a, c);
	}
}

static bool claimable(const struct ur_flow *f, const struct ur_event *e,
		      const struct ur_obj *o)
{
	const struct regpair *p = ur_unreg_pair(f->rp, e->name);

	return !e->looped && !e->guarded && p && p->class == REG_CORE &&
	       !strchr(o->key, '[');
}

void ur_unwind_unreg(struct ur_flow *f, struct ur_state *s, size_t ev)
{
	const struct ur_event *e = &f->fn->ev[ev];
	const struct ur_obj *o;
	uint64_t m, ran;
	int k;

	if (e->hoisted || e->deferred || e->indirect || e->grouped ||
	    e->release || s->merged)
		return;
	m = undone_by(f, e);
	check_order(f, s, ev, m);
	o = unreg_object(f, e);
	k = slot_of(f, o);
	if (k < 0)
		return;
	if (s->devm & (1ULL << k))
		f->found[ev] |= UW_DEVM;
	if (!claimable(f, e, o))
		return;
	ran = s->ran & m;
	if (s->gone & (1ULL << k))
		f->found[ev] |= UW_DOUBLE;
	else if (m && !ran && s->ran && o->embedded)
		f->found[ev] |= UW_STRAY;
	else if (ran && !(ran & ~s->failed) && o->embedded)
		f->found[ev] |= UW_FAILED;
	s->gone |= 1ULL << k;
}

/* ---- findings ---- */

static char *unreg_label(const struct ur_flow *f, const struct ur_event *e)
{
	return ur_label(e, ur_unreg_pair(f->rp, e->name));
}

static char *reg_label(const struct ur_flow *f, unsigned int b)
{
	return ur_label(ur_reg_event(f, b), f->reg_pair[b]);
}

/* A finding at 'at' about 'label'; msg and label are freed. */
static struct finding *add(struct check_unit *unit, enum severity sev,
			   const struct ur_event *at, char *label, char *msg)
{
	struct finding *fd = finding_add(unit->findings, RULE_ID, sev,
					 unit->path, at->pos.line,
					 at->pos.column, label, msg);

	free(msg);
	free(label);
	return fd;
}

static void related(struct finding *fd, struct check_unit *unit,
		    const struct ur_event *at, char *msg)
{
	finding_add_related(fd, unit->path, at->pos.line, at->pos.column, msg);
	free(msg);
}

/* Another unregister of the same object, before ev if there is one. */
static const struct ur_event *earlier_unreg(const struct ur_flow *f, size_t ev)
{
	const struct ur_event *e = &f->fn->ev[ev], *best = NULL;
	const struct ur_obj *o = unreg_object(f, e);

	for (size_t i = 0; i < f->fn->nev; i++) {
		const struct ur_event *x = &f->fn->ev[i];

		if (i == ev || x->kind != EV_UNREG || x->hoisted ||
		    x->indirect || x->grouped || x->release ||
		    !same_name(unreg_object(f, x), o->key, o->shown))
			continue;
		if (!best || (pos_before(&x->pos, &e->pos) &&
			      !pos_before(&best->pos, &e->pos)))
			best = x;
	}
	return best;
}

static const struct ur_event *devm_event(const struct ur_flow *f, size_t ev)
{
	const struct ur_obj *o = unreg_object(f, &f->fn->ev[ev]);
	int k = slot_of(f, o);

	for (size_t i = 0; k >= 0 && i < f->fn->nev; i++)
		if (f->fn->ev[i].kind == EV_DEVM &&
		    devm_names(f, &f->fn->ev[i], (unsigned int)k))
			return &f->fn->ev[i];
	return NULL;
}

static int first_reg(const struct ur_flow *f, const struct ur_event *u)
{
	uint64_t m = undone_by(f, u);

	for (unsigned int b = 0; b < f->nreg; b++)
		if (m & (1ULL << b))
			return (int)b;
	return -1;
}

static void report_double(const struct ur_flow *f, struct check_unit *unit,
			  size_t ev)
{
	const struct ur_event *e = &f->fn->ev[ev],
			      *other = earlier_unreg(f, ev);
	char *x = unreg_label(f, e);
	struct finding *fd;

	fd = add(
		unit, SEV_WARNING, e, xstrdup(x),
		xasprintf(
			"'%s' is unregistered twice on a path of %s(): this %s() undoes it again",
			x, f->fn->name, e->name));
	if (other)
		related(fd, unit, other,
			xasprintf("'%s' already unregistered here by %s()", x,
				  other->name));
	free(x);
}

static void report_stray(const struct ur_flow *f, struct check_unit *unit,
			 size_t ev, bool failed)
{
	const struct ur_event *e = &f->fn->ev[ev];
	int b = first_reg(f, e);
	const struct ur_event *r = b >= 0 ? ur_reg_event(f, (unsigned int)b) :
					    NULL;
	char *x = unreg_label(f, e);
	struct finding *fd;

	if (failed)
		fd = add(
			unit, SEV_WARNING, e, xstrdup(x),
			xasprintf(
				"'%s' is unregistered by %s() in %s() after %s() failed to register it: a failed register owes no unregister",
				x, e->name, f->fn->name,
				r ? r->name : "its register"));
	else
		fd = add(
			unit, SEV_WARNING, e, xstrdup(x),
			xasprintf(
				"'%s' is unregistered by %s() on a path of %s() where it was never registered: this error path unwinds too much",
				x, e->name, f->fn->name));
	if (r)
		related(fd, unit, r, xasprintf("'%s' registered here", x));
	free(x);
}

static void report_devm(const struct ur_flow *f, struct check_unit *unit,
			size_t ev)
{
	const struct ur_event *e = &f->fn->ev[ev], *d = devm_event(f, ev);
	char *x = unreg_label(f, e);
	struct finding *fd;

	fd = add(
		unit, SEV_WARNING, e, xstrdup(x),
		xasprintf(
			"'%s' is registered by %s(), which unregisters it when the driver detaches: this %s() unregisters it a second time",
			x, d ? d->name : "a devm_ form", e->name));
	if (d)
		related(fd, unit, d,
			xasprintf("'%s' registered here, managed", x));
	free(x);
}

static void report_order(const struct ur_flow *f, struct check_unit *unit,
			 const struct ur_order *ord)
{
	const struct ur_event *u = &f->fn->ev[ord->u_ev];
	char *a = reg_label(f, ord->a), *c = reg_label(f, ord->c);
	struct finding *fd;

	fd = add(
		unit, SEV_NOTE, u, xstrdup(a),
		xasprintf(
			"'%s' is unregistered before '%s', which was registered after it and uses it: unwind in the reverse order of registration",
			a, c));
	related(fd, unit, ur_reg_event(f, ord->a),
		xasprintf("'%s' registered here", a));
	related(fd, unit, ur_reg_event(f, ord->c),
		xasprintf("'%s' registered here", c));
	related(fd, unit, &f->fn->ev[ord->late_ev],
		xasprintf("'%s' unregistered here", c));
	free(a);
	free(c);
}

void ur_unwind_report(const struct ur_flow *f, struct check_unit *unit)
{
	for (size_t i = 0; i < f->fn->nev; i++) {
		if (f->found[i] & UW_DEVM)
			report_devm(f, unit, i);
		if (f->found[i] & UW_DOUBLE)
			report_double(f, unit, i);
		else if (f->found[i] & UW_STRAY)
			report_stray(f, unit, i, false);
		else if (f->found[i] & UW_FAILED)
			report_stray(f, unit, i, true);
	}
	for (unsigned int j = 0; j < f->norder; j++) {
		bool first = f->order[j].late_ev >= 0;

		/* One note per early unregister. */
		for (unsigned int i = 0; first && i < j; i++)
			if (f->order[i].u_ev == f->order[j].u_ev &&
			    f->order[i].late_ev >= 0)
				first = false;
		if (first)
			report_order(f, unit, &f->order[j]);
	}
}
