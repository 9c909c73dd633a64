// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: what a function leaves registered when it
 * fails.  A helper that registers 'priv->input' and then fails often
 * leaves the unwinding to its caller ('ret = foo_setup(priv); if (ret)
 * goto err_cleanup;', the cleanup undoing all of it).  So what a failing
 * return leaves that the callers can reach (a member, a global, a
 * parameter) is summarised, and at each call of the function in the
 * file it becomes a register of the caller, live whether the call failed
 * or not.  A caller that fails with it summarises it in turn, so the
 * summaries compose.
 *
 * The helper's failing return is then no finding when every call of it
 * is cleared: its caller undoes the object (an unregister, or a teardown
 * function of the file that registers nothing), or fails with it and
 * leaves it to callers that are all cleared in turn.  A caller that fails
 * without undoing it, or whose returns say nothing ('return a() ?:
 * b();'), leaves the finding on the helper, where the unwinding is
 * missing.
 *
 * What a function leaves registered on every one of its successful
 * returns is summarised too (its leaves): at each call it becomes a
 * register of the caller, live once the call's status says the call
 * succeeded, and the caller's own failures must undo it.  Only calls
 * whose result is a status (an integer or a bool) or nothing are read
 * so; a pointer result is not a status.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/flow.h"

/* Can fn's callers reach o: a member chain, a global, a parameter. */
static bool reachable(const struct ur_flow *f, const struct ur_obj *o)
{
	const struct ur_helper *h;

	if (!o->key)
		return false;
	if (o->key[0] == 'T' || !strncmp(o->key, "g:", 2))
		return true;
	if (strncmp(o->key, "l:", 2) || !f->helpers)
		return false;
	h = ur_helper_find(f->helpers, f->fn->name);
	for (unsigned int i = 0; h && i < h->nparams; i++)
		if (!strcmp(o->key + 2, h->params[i]))
			return true;
	return false;
}

static struct ur_obj map_obj(const struct ur_helper *h, const struct ur_obj *o,
			     CXCursor call)
{
	return clang_Cursor_isNull(call) ? ur_obj_dup(o) :
					   ur_helper_arg(h, o, call);
}

/* r as the caller sees it: objects named by the call's arguments. */
static void copy_event(struct ur_event *to, const struct ur_event *r,
		       const struct ur_helper *h, CXCursor call)
{
	memset(to, 0, sizeof(*to));
	to->kind = EV_REG;
	to->name = xstrdup(r->name);
	to->nargs = r->nargs;
	for (unsigned int i = 0; i < r->nargs; i++)
		to->arg[i] = map_obj(h, &r->arg[i], call);
	to->result = map_obj(h, &r->result, call);
	to->ptr_result = r->ptr_result;
	to->from_reg = -1;
	to->call = clang_getNullCursor();
}

/* A made-up register at call event ev (index i) of an entry of h. */
static struct ur_event *virtual_bit(struct ur_flow *f, size_t i,
				    const struct ur_event *e,
				    const struct ur_helper *h,
				    const struct ur_event *entry)
{
	struct ur_event *v;

	if (!f->virt)
		f->virt = xcalloc(UR_BITS, sizeof(*f->virt));
	v = &f->virt[f->nbits - f->nreg];
	copy_event(v, entry, h, e->call);
	v->pos = e->pos;
	f->reg_pair[f->nbits] = ur_reg_pair(f->rp, v->name);
	f->reg_ev[f->nbits++] = (int)i;
	return v;
}

void ur_pending_index(struct ur_flow *f)
{
	const struct ur_func *fn = f->fn;

	f->nbits = f->nreg;
	for (size_t i = 0; f->helpers && i < fn->nev; i++) {
		const struct ur_event *e = &fn->ev[i];
		const struct ur_helper *h;

		if (e->kind != EV_CALL || clang_Cursor_isNull(e->call))
			continue;
		h = ur_helper_find(f->helpers, e->name);
		for (size_t j = 0; h && j < h->npending && f->nbits < UR_BITS;
		     j++)
			virtual_bit(f, i, e, h, &h->pending[j])->pend =
				&h->pending[j];
		/*
		 * What it leaves when it succeeds: registered once its
		 * status says so ('ret = foo_add(priv); if (ret) ...').
		 */
		for (size_t j = 0;
		     h && (h->returns_status || h->returns_void) &&
		     j < h->nleaves && f->nbits < UR_BITS;
		     j++) {
			struct ur_event *v;

			f->leaves |= 1ULL << f->nbits;
			v = virtual_bit(f, i, e, h, &h->leaves[j]);
			ur_obj_free(&v->result);
			v->status = ur_obj_dup(&e->status);
			v->ok_result = h->returns_bool;
		}
	}
}

/* The call at event ev: what the callee may leave is registered now. */
void ur_pending_call(const struct ur_flow *f, struct ur_state *s, size_t ev)
{
	for (unsigned int b = f->nreg; b < f->nbits; b++)
		if (f->reg_ev[b] == (int)ev) {
			s->live |= 1ULL << b;
			s->ran |= 1ULL << b;
			if (f->leaves & (1ULL << b))
				s->fresh |= 1ULL << b;
		}
}

static const struct ur_obj *bit_object(const struct ur_flow *f, unsigned int b)
{
	return ur_event_object(ur_reg_event(f, b), f->reg_pair[b]);
}

/* The entry of v[0 .. n) for r's object, or NULL. */
static const struct ur_event *entry(const struct ur_event *v, size_t n,
				    const struct ur_event *r,
				    const struct regpair *p)
{
	const char *key = ur_event_object(r, p)->key;

	for (size_t i = 0; key && i < n; i++)
		if (!strcmp(v[i].name, r->name) &&
		    ur_event_object(&v[i], p)->key &&
		    !strcmp(ur_event_object(&v[i], p)->key, key))
			return &v[i];
	return NULL;
}

bool ur_pending_defers(const struct ur_flow *f, unsigned int b)
{
	const struct ur_helper *h;
	const struct ur_event *e;

	if (!f->helpers || !f->reg_pair[b] || !reachable(f, bit_object(f, b)))
		return false;
	h = ur_helper_find(f->helpers, f->fn->name);
	e = h ? entry(h->pending, h->npending, ur_reg_event(f, b),
		      f->reg_pair[b]) :
		NULL;
	return e && e->sites && e->handled == e->sites;
}

void ur_pending_tell(const struct ur_flow *f, uint64_t handled)
{
	for (unsigned int b = f->nreg; b < f->nbits; b++) {
		struct ur_event *e = f->virt[b - f->nreg].pend;

		if (!e) /* a leaves bit */
			continue;
		e->sites++;
		if (handled & (1ULL << b))
			e->handled++;
	}
}

/* Bit b's object into the summary v[0 .. *n), once, if callers reach it. */
static void summary_add(const struct ur_flow *f, unsigned int b,
			struct ur_event **v, size_t *n, size_t *cap)
{
	const struct ur_event *r = ur_reg_event(f, b);

	if (!f->reg_pair[b] || !reachable(f, bit_object(f, b)) ||
	    entry(*v, *n, r, f->reg_pair[b]))
		return;
	GROW(*v, *cap, *n);
	copy_event(&(*v)[*n], r, NULL, clang_getNullCursor());
	(*v)[(*n)++].pos = r->pos;
}

void ur_pending_add(struct ur_flow *f, unsigned int b)
{
	summary_add(f, b, &f->out, &f->nout, &f->outcap);
}

void ur_leaves_add(struct ur_flow *f, unsigned int b)
{
	summary_add(f, b, &f->left, &f->nleft, &f->leftcap);
}

void ur_pending_done(struct ur_flow *f)
{
	for (unsigned int b = f->nreg; b < f->nbits; b++)
		ur_event_free(&f->virt[b - f->nreg]);
	free(f->virt);
	f->virt = NULL;
}
