// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: what each function of the file does for its
 * callers -- wraps one register or unregister, tears things down (the
 * unregisters it calls, the attribute groups it removes) -- found by a
 * few passes over the file so that wrappers of wrappers compose.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

/* ---- helpers of the file ---- */

#define HELPER_PASSES 3

struct scan {
	const struct regpairs *rp;
	const struct ur_helpers *prev; /* the last pass's summaries */
	struct ur_helper *h;
	unsigned int nregs;
	unsigned int ifs; /* if statements around the call */
	unsigned int loops; /* loop statements around it */
	bool hands_over; /* passes a function to a call */
	/*
	 * Its one unregister runs in a loop ('for (...) snd_card_free(
	 * mgr->chip[i]->card)'): a teardown of many objects, not a wrapper
	 * of one.
	 */
	bool looped_unreg;
};

/* 'devm_add_action_or_reset(dev, release, x)': a callback is handed over. */
static void fill_args(struct ur_event *ev, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	ev->nargs = n < 0 ? 0 : n > UR_MAX_ARGS ? UR_MAX_ARGS : (unsigned int)n;
	for (unsigned int i = 0; i < ev->nargs; i++)
		ev->arg[i] = ur_arg_obj(clang_Cursor_getArgument(call, i));
	ev->ptr_result = cx_is_pointer(clang_getCursorType(call));
	ev->call = call;
	ev->pos = cx_cursor_start(call);
}

/* The caller's argument for a helper's object named after its parameter. */
struct ur_obj ur_helper_arg(const struct ur_helper *h, const struct ur_obj *o,
			    CXCursor call)
{
	for (unsigned int i = 0; o->key && i < h->nparams; i++) {
		if (strncmp(o->key, "l:", 2) ||
		    strcmp(o->key + 2, h->params[i]))
			continue;
		if ((int)i < clang_Cursor_getNumArguments(call))
			return ur_arg_obj(clang_Cursor_getArgument(call, i));
		return (struct ur_obj){ 0 };
	}
	return ur_obj_dup(o);
}

static void add_group(struct ur_helper *h, const struct ur_obj *o)
{
	for (size_t i = 0; i < h->ngroup; i++)
		if (!strcmp(h->group[i].key, o->key))
			return;
	GROW(h->group, h->groupcap, h->ngroup);
	h->group[h->ngroup++] = ur_obj_dup(o);
}

static void add_unreg(struct ur_helper *h, const char *name)
{
	for (size_t i = 0; i < h->nunregs; i++)
		if (!strcmp(h->unregs[i], name))
			return;
	GROW(h->unregs, h->unregcap, h->nunregs);
	h->unregs[h->nunregs++] = xstrdup(name);
	h->has_unreg = true;
}

/*
 * The functions of the file a call hands over ('device_for_each_child(dev,
 * NULL, foo_remove_one)', 'devm_add_action_or_reset(dev, foo_free, x)'):
 * what they unregister, this function has undone or handed over.  True if
 * it passes any function.
 */
static bool scan_callbacks(struct scan *s, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);
	bool any = false;

	for (int i = 0; i < n; i++) {
		char *name = ur_function_ref(clang_Cursor_getArgument(call, i));
		const struct ur_helper *g;

		if (!name)
			continue;
		any = true;
		g = s->prev ? ur_helper_find(s->prev, name) : NULL;
		for (size_t j = 0; g && j < g->nunregs; j++)
			add_unreg(s->h, g->unregs[j]);
		free(name);
	}
	return any;
}

/*
 * A call of another helper the last pass summarised: a wrapper counts as
 * the register or unregister it wraps, with this call's arguments put
 * in (a wrapper of a wrapper); what a teardown unregisters, this
 * function unregisters too.
 */
static void scan_helper_call(struct scan *s, CXCursor c, const char *name)
{
	struct ur_helper *h = s->h;
	const struct ur_helper *g;

	g = s->prev ? ur_helper_find(s->prev, name) : NULL;
	if (!g || !strcmp(g->name, h->name))
		return;
	if (g->wraps && ++s->nregs == 1) {
		h->ev.kind = g->ev.kind;
		h->ev.name = xstrdup(g->ev.name);
		h->ev.nargs = g->ev.nargs;
		for (unsigned int i = 0; i < g->ev.nargs; i++)
			h->ev.arg[i] = ur_helper_arg(g, &g->ev.arg[i], c);
		h->ev.ptr_result = cx_is_pointer(clang_getCursorType(c));
		h->ev.call = clang_getNullCursor();
		h->ev.guarded = s->ifs > 0 || g->ev.guarded;
	}
	for (size_t i = 0; i < g->nunregs; i++)
		add_unreg(h, g->unregs[i]);
	for (size_t i = 0; i < g->ngroup; i++)
		add_group(h, &g->group[i]);
	h->has_reg |= g->has_reg;
}

static enum CXChildVisitResult scan_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct scan *s = data;
	struct ur_helper *h = s->h;
	char *name;
	bool reg, unreg;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_IfStmt) {
		s->ifs++;
		clang_visitChildren(c, scan_visit, s);
		s->ifs--;
		return CXChildVisit_Continue;
	}
	if (cx_is_loop(c)) {
		s->loops++;
		clang_visitChildren(c, scan_visit, s);
		s->loops--;
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	name = cx_spelling(c);
	reg = regpairs_is_register(s->rp, name);
	unreg = regpairs_is_unregister(s->rp, name);
	s->hands_over |= scan_callbacks(s, c);
	h->has_reg |= reg;
	if (reg || unreg) {
		if (++s->nregs == 1) {
			h->ev.kind = reg ? EV_REG : EV_UNREG;
			h->ev.name = xstrdup(name);
			fill_args(&h->ev, c);
			h->ev.call = clang_getNullCursor();
			/* 'if (del_cdev) cdev_device_del(...)': may not run. */
			h->ev.guarded = s->ifs > 0;
			s->looped_unreg = unreg && s->loops > 0;
		}
	}
	if (unreg) {
		struct ur_obj *v;
		size_t n = ur_group_members(c, &v);

		add_unreg(h, name);
		for (size_t i = 0; i < n; i++) {
			add_group(h, &v[i]);
			ur_obj_free(&v[i]);
		}
		free(v);
	}
	if (!reg && !unreg)
		scan_helper_call(s, c, name);
	free(name);
	return CXChildVisit_Recurse;
}

static void collect_params(struct ur_helper *h, CXCursor fn)
{
	int n = clang_Cursor_getNumArguments(fn);

	if (n <= 0)
		return;
	h->params = xcalloc((size_t)n, sizeof(*h->params));
	h->nparams = (unsigned int)n;
	for (int i = 0; i < n; i++)
		h->params[i] = cx_spelling(clang_Cursor_getArgument(fn, i));
}

/* The walk over the file's function definitions. */
struct helper_walk {
	struct ur_helpers *hs;
	struct scan *s;
	CXFile main_file;
};

static enum CXChildVisitResult helper_visit(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct helper_walk *w = data;
	struct ur_helpers *hs = w->hs;
	struct scan *s = w->s;
	struct ur_helper *h;
	enum CXTypeKind rk;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) || !cx_in_file(c, w->main_file))
		return CXChildVisit_Continue;
	GROW(hs->v, hs->cap, hs->n);
	h = &hs->v[hs->n];
	memset(h, 0, sizeof(*h));
	h->ev.from_reg = -1;
	h->name = cx_spelling(c);
	s->h = h;
	s->nregs = 0;
	s->hands_over = false;
	s->looped_unreg = false;
	clang_visitChildren(c, scan_visit, s);
	/*
	 * One register or unregister, and no release callback handed over
	 * (a helper that registers and hands the object to
	 * devm_add_action_or_reset() owes its caller nothing).
	 */
	h->wraps = s->nregs == 1 && !(h->ev.kind == EV_REG && s->hands_over) &&
		   !s->looped_unreg &&
		   clang_Cursor_getStorageClass(c) == CX_SC_Static;
	rk = clang_getCanonicalType(clang_getResultType(clang_getCursorType(c)))
		     .kind;
	h->returns_bool = rk == CXType_Bool;
	h->returns_void = rk == CXType_Void;
	h->returns_status = rk >= CXType_Bool && rk <= CXType_Int128;
	collect_params(h, c);
	hs->n++;
	return CXChildVisit_Continue;
}

/* The slot of name: its helper's, or the empty one it would take. */
static size_t *helper_slot(const struct ur_helpers *h, const char *name)
{
	size_t mask = h->nslot - 1, i = hash_string(0, name) & mask;

	while (h->slot[i] && strcmp(h->v[h->slot[i] - 1].name, name))
		i = (i + 1) & mask;
	return &h->slot[i];
}

/* A file may define thousands of functions: find one by its name. */
static void index_helpers(struct ur_helpers *h)
{
	h->nslot = 64;
	while (h->nslot < h->n * 2)
		h->nslot *= 2;
	h->slot = xcalloc(h->nslot, sizeof(*h->slot));
	for (size_t i = 0; i < h->n; i++) {
		size_t *s = helper_slot(h, h->v[i].name);

		if (!*s)
			*s = i + 1; /* the first of a name, as a search finds */
	}
}

/*
 * Summaries compose: each pass reads the last one's, so that a wrapper
 * of a wrapper, HELPER_PASSES - 1 levels up, counts as the call it
 * wraps in the end.
 */
void ur_helpers_collect(struct ur_helpers *h, const struct regpairs *rp,
			CXTranslationUnit tu, CXFile main_file)
{
	struct ur_helpers prev = { 0 };

	for (int pass = 0; pass < HELPER_PASSES; pass++) {
		struct scan s = { .rp = rp, .prev = pass ? &prev : NULL };
		struct helper_walk w = { h, &s, main_file };

		memset(h, 0, sizeof(*h));
		clang_visitChildren(clang_getTranslationUnitCursor(tu),
				    helper_visit, &w);
		index_helpers(h);
		ur_helpers_free(&prev);
		if (pass + 1 < HELPER_PASSES)
			prev = *h;
	}
}

void ur_helpers_free(struct ur_helpers *h)
{
	for (size_t i = 0; i < h->n; i++) {
		struct ur_helper *x = &h->v[i];

		free(x->name);
		ur_event_free(&x->ev);
		for (unsigned int j = 0; j < x->nparams; j++)
			free(x->params[j]);
		free(x->params);
		for (size_t j = 0; j < x->nunregs; j++)
			free(x->unregs[j]);
		free(x->unregs);
		ur_pending_free(x->pending, x->npending);
		ur_pending_free(x->leaves, x->nleaves);
		for (size_t j = 0; j < x->ngroup; j++)
			ur_obj_free(&x->group[j]);
		free(x->group);
	}
	free(h->v);
	free(h->slot);
}

const struct ur_helper *ur_helper_find(const struct ur_helpers *h,
				       const char *name)
{
	const size_t *s;

	if (!h->nslot) { /* not collected yet */
		for (size_t i = 0; i < h->n; i++)
			if (!strcmp(h->v[i].name, name))
				return &h->v[i];
		return NULL;
	}
	s = helper_slot(h, name);
	return *s ? &h->v[*s - 1] : NULL;
}
