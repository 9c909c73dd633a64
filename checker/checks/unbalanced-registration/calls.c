// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: the events of one expression, in evaluation
 * order, for the graph of unbalanced-registration-cfg.c: register and
 * unregister calls (also through the file's helpers that wrap one),
 * managed (devm_) registers, assignments that carry error codes or hand
 * an object over, calls of the file's other functions, and release
 * callbacks handed to the managed-action API.
 *
 * An unregister also records where it stands: in a loop body (it may run
 * once per element) or under a test of its object or of some flag
 * ('if (priv->registered) U(x)'), where the check cannot tell whether it
 * runs.  Double and stray unregisters are only claimed of the others.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/ctok.h"
#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

static struct ur_event *new_event(struct ur_build *b, enum ur_ev_kind kind)
{
	struct ur_func *fn = b->fn;
	struct ur_event *ev;

	GROW(fn->ev, fn->evcap, fn->nev);
	ev = &fn->ev[fn->nev++];
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->from_reg = -1;
	ev->hoisted = b->hoist;
	ev->looped = b->loops > 0;
	return ev;
}

/* ---- is an unregister guarded? ---- */

struct guard_scan {
	const char *root; /* the object's root variable, by name */
	bool in_err; /* under IS_ERR() and friends */
	bool hit;
};

static bool is_err_test(CXCursor c)
{
	return cx_call_named(c, "IS_ERR") ||
	       cx_call_named(c, "IS_ERR_OR_NULL") ||
	       cx_call_named(c, "PTR_ERR");
}

/*
 * A variable that says how things stand rather than how the last call
 * went: a global, a parameter, a local bool.
 */
static bool is_flag(CXCursor d)
{
	enum CXCursorKind k = clang_getCursorKind(d);

	if (k == CXCursor_ParmDecl)
		return true;
	if (k != CXCursor_VarDecl)
		return false;
	return clang_Cursor_getStorageClass(d) == CX_SC_Static ||
	       clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
		       CXCursor_TranslationUnit ||
	       clang_getCanonicalType(clang_getCursorType(d)).kind ==
		       CXType_Bool;
}

/*
 * A condition guards an unregister when it mentions the object's root
 * ('if (priv->child) U(priv->child)') or reads a flag: a global or a
 * member ('if (priv->registered)'), a parameter or a local bool.  A
 * local status ('if (ret)', 'if (!buf)') or a register result's IS_ERR()
 * test is the error path itself.
 */
static enum CXChildVisitResult guard_visit(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct guard_scan *g = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor d;
	char *name;

	(void)parent;
	if (k == CXCursor_CallExpr && !g->in_err && is_err_test(c)) {
		struct guard_scan sub = { g->root, true, false };

		clang_visitChildren(c, guard_visit, &sub);
		g->hit = sub.hit;
		return g->hit ? CXChildVisit_Break : CXChildVisit_Continue;
	}
	if (k == CXCursor_MemberRefExpr && !g->in_err) {
		g->hit = true;
	} else if (k == CXCursor_DeclRefExpr) {
		d = clang_getCursorReferenced(c);
		name = cx_spelling(c);
		g->hit = (g->root && !strcmp(name, g->root)) ||
			 (!g->in_err && is_flag(d));
		free(name);
	}
	return g->hit ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* "priv" for "priv->misc", "e_misc" for "e_misc". */
static char *root_name(const struct ur_obj *o)
{
	size_t n;

	if (!o->shown)
		return NULL;
	n = ctok_ident_end(o->shown, 0, strlen(o->shown));
	return n ? strndup(o->shown, n) : NULL;
}

static void mark_guarded(const struct ur_build *b, struct ur_event *ev)
{
	const struct regpair *p = ur_unreg_pair(b->rp, ev->name);
	struct guard_scan g = { 0 };

	if (!p || !b->nguards)
		return;
	g.root = root_name(ur_event_object(ev, p));
	for (size_t i = 0; i < b->nguards && !g.hit; i++) {
		struct guard_scan one = { g.root, false, false };

		if (guard_visit(b->guards[i], clang_getNullCursor(), &one) ==
		    CXChildVisit_Recurse)
			clang_visitChildren(b->guards[i], guard_visit, &one);
		g.hit = one.hit;
	}
	ev->guarded = g.hit;
	free((char *)g.root);
}

/* ---- calls ---- */

static void fill_call(struct ur_event *ev, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	ev->nargs = n < 0 ? 0 : n > UR_MAX_ARGS ? UR_MAX_ARGS : (unsigned int)n;
	for (unsigned int i = 0; i < ev->nargs; i++)
		ev->arg[i] = ur_arg_obj(clang_Cursor_getArgument(call, i));
	ev->ptr_result =
		clang_getCanonicalType(clang_getCursorType(call)).kind ==
		CXType_Pointer;
	ev->call = call;
	ev->pos = cx_cursor_start(call);
}

/*
 * A helper that registers an object of its own making (a local it
 * allocated, or a member of one, not a parameter) keeps it out of the
 * caller's reach: a child port hung on the driver's device, owned by
 * its parent; a device embedded in a refcounted structure the helper
 * set up.
 */
static bool owns_object(const struct ur_build *b, const struct ur_helper *h)
{
	const struct regpair *p = ur_reg_pair(b->rp, h->ev.name);
	const struct ur_obj *o;
	char *root;
	bool param = false;

	if (!p)
		return false;
	o = ur_event_object(&h->ev, p);
	/* A plain local, or a member of one ('&bmc->pdev'), not a global. */
	if (!o->key || (strncmp(o->key, "l:", 2) && o->key[0] != 'T'))
		return false;
	root = root_name(o);
	for (unsigned int j = 0; root && j < h->nparams; j++)
		if (!strcmp(root, h->params[j]))
			param = true;
	free(root);
	return !param;
}

static void group_event(struct ur_build *b, CXCursor call, const char *name,
			bool guarded, const struct ur_obj *o);

/* An unregister that drops a reference: 'kobject_put()', 'put_device()'. */
static bool is_release(const char *name)
{
	size_t len = strlen(name);

	return !strncmp(name, "put_", 4) ||
	       (len > 4 && !strcmp(name + len - 4, "_put"));
}

/* A call of a helper that only registers or only unregisters. */
static void wrapped_event(struct ur_build *b, const struct ur_helper *h,
			  CXCursor call)
{
	struct ur_event *ev;
	bool guarded;

	if (b->hoist && h->ev.kind != EV_UNREG)
		return;
	if (h->ev.kind == EV_REG && owns_object(b, h))
		return;
	ev = new_event(b, h->ev.kind);
	ev->name = xstrdup(h->ev.name);
	ev->nargs = h->ev.nargs;
	for (unsigned int i = 0; i < ev->nargs; i++)
		ev->arg[i] = ur_helper_arg(h, &h->ev.arg[i], call);
	/* What the caller tests is the helper's result. */
	ev->ptr_result =
		clang_getCanonicalType(clang_getCursorType(call)).kind ==
		CXType_Pointer;
	ev->ok_result = h->returns_bool;
	ev->wrapped = true;
	ev->release = ev->kind == EV_UNREG && is_release(ev->name);
	ev->call = call;
	ev->pos = cx_cursor_start(call);
	if (ev->kind == EV_UNREG)
		mark_guarded(b, ev);
	ev->guarded |= h->ev.guarded;
	guarded = ev->guarded;
	for (size_t j = 0; j < h->ngroup; j++)
		group_event(b, call, h->name, guarded, &h->group[j]);
}

/*
 * A helper handed over as a callback will run its unregisters later: the
 * object is handed over.  'a' names the function, 'at' is the call or
 * assignment that hands it.
 */
static void handed_function(struct ur_build *b, CXCursor a, CXCursor at,
			    bool at_put)
{
	const struct ur_helper *h;
	char *name = ur_function_ref(a);

	if (!name)
		return;
	h = ur_helper_find(b->helpers, name);
	free(name);
	for (size_t j = 0; h && j < h->nunregs; j++) {
		struct ur_event *ev = new_event(b, EV_UNREG);

		ev->name = xstrdup(h->unregs[j]);
		ev->deferred = true;
		ev->at_put = at_put;
		ev->call = at;
		ev->pos = cx_cursor_start(at);
	}
}

/* devm_add_action_or_reset(dev, fn, x): fn runs when the device goes. */
static void callback_events(struct ur_build *b, CXCursor call, const char *name)
{
	int n = clang_Cursor_getNumArguments(call);
	size_t first = b->fn->nev;
	bool devm_action = !strncmp(name, "devm_add_action", 15);

	for (int i = 0; i < n; i++)
		handed_function(b, clang_Cursor_getArgument(call, i), call,
				false);
	for (size_t i = first; i < b->fn->nev; i++)
		b->fn->ev[i].devm_action = devm_action;
}

/*
 * A function of the file that tears down several things
 * ('virtcons_remove(vdev)' on a probe's error path) undoes, for the
 * error paths, any object of the pairs it unregisters.
 */
static void indirect_events(struct ur_build *b, const struct ur_helper *h,
			    CXCursor call)
{
	for (size_t j = 0; j < h->nunregs; j++) {
		struct ur_event *ev = new_event(b, EV_UNREG);

		ev->name = xstrdup(h->unregs[j]);
		ev->indirect = true;
		ev->teardown = !h->has_reg;
		ev->call = call;
		ev->pos = cx_cursor_start(call);
	}
	for (size_t j = 0; j < h->ngroup; j++)
		group_event(b, call, h->name, false, &h->group[j]);
}

/* 'snd_devm_card_new(..., &card)': what its out-arguments point at. */
static void managed_out_args(struct ur_build *b, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	for (int i = 0; i < n; i++) {
		CXCursor a = cx_strip(clang_Cursor_getArgument(call, i));
		struct ur_event *ev;

		/* '&card', a pointer the call fills: not '&pdev->dev'. */
		if (cx_operator(a) != CX_OP_ADDR ||
		    clang_getCanonicalType(
			    clang_getPointeeType(clang_getCursorType(a)))
				    .kind != CXType_Pointer)
			continue;
		ev = new_event(b, EV_ASSIGN);
		ev->lhs = ur_obj_of(a);
		ev->managed = true;
		ev->pos = cx_cursor_start(call);
	}
}

/* ---- attribute groups ---- */

static void group_event(struct ur_build *b, CXCursor call, const char *name,
			bool guarded, const struct ur_obj *o)
{
	struct ur_event *ev = new_event(b, EV_UNREG);

	ev->name = xstrdup(name);
	ev->grouped = true;
	ev->nargs = 2;
	ev->arg[0] = ur_obj_dup(o);
	ev->arg[1] = ur_group_outer(o);
	ev->call = call;
	ev->pos = cx_cursor_start(call);
	ev->guarded = guarded;
}

/*
 * One unregister event per file of the groups a call removes, naming the
 * attribute ('&foo.dev_attr.attr') and the device attribute around it
 * ('&foo.dev_attr').
 */
static void group_events(struct ur_build *b, CXCursor call, const char *name,
			 bool guarded)
{
	struct ur_obj *v;
	size_t n = ur_group_members(call, &v);

	for (size_t i = 0; i < n; i++) {
		group_event(b, call, name, guarded, &v[i]);
		ur_obj_free(&v[i]);
	}
	free(v);
}

static void call_event(struct ur_build *b, CXCursor c)
{
	char *name = cx_spelling(c);
	bool reg = regpairs_is_register(b->rp, name);
	bool unreg = regpairs_is_unregister(b->rp, name);
	const struct ur_helper *h = ur_helper_find(b->helpers, name);
	const struct regpair *devm = ur_devm_pair(b->rp, name);
	struct ur_event *ev;

	if ((reg && !b->hoist) || unreg) {
		ev = new_event(b, reg ? EV_REG : EV_UNREG);
		ev->name = name;
		fill_call(ev, c);
		if (unreg) {
			ev->release = is_release(name);
			mark_guarded(b, ev);
			group_events(b, c, name, ev->guarded);
		}
		/* The file that implements an unregister: what it undoes. */
		if (unreg && h && !h->wraps)
			indirect_events(b, h, c);
		return;
	}
	if (is_release(name) && !h && !b->hoist) {
		ev = new_event(b, EV_PUT);
		ev->name = xstrdup(name);
		fill_call(ev, c);
		/* kref_put(&x->ref, foo_release): the release is handed too. */
		callback_events(b, c, name);
		free(name);
		return;
	}
	if (devm && !b->hoist) {
		ev = new_event(b, EV_DEVM);
		ev->name = name;
		ev->devm = devm;
		fill_call(ev, c);
		return;
	}
	if (!b->hoist && regpairs_is_managed_alloc(b->rp, name))
		managed_out_args(b, c);
	if (h && h->wraps)
		wrapped_event(b, h, c);
	/*
	 * A wrapper's call too: what it leaves when it fails after its
	 * register (a pool made, then an allocation from it failing) is its
	 * callers' to undo.  The wrapped register stands for the rest.
	 */
	if (h && !b->hoist) {
		ev = new_event(b, EV_CALL);
		ev->name = xstrdup(name);
		ev->call = c;
		ev->pos = cx_cursor_start(c);
		ev->wrapper = h->wraps;
	}
	if (h && !h->wraps)
		indirect_events(b, h, c);
	callback_events(b, c, name);
	free(name);
}

static enum ur_value value_of(CXCursor v)
{
	long long n;

	v = cx_strip(v);
	if (cx_call_named(v, "PTR_ERR") || cx_call_named(v, "ERR_PTR") ||
	    cx_call_named(v, "ERR_CAST"))
		return VAL_ERROR;
	if (clang_getCursorKind(v) == CXCursor_CallExpr)
		return VAL_OTHER;
	if (cx_int_constant(v, &n))
		return n < 0 ? VAL_ERROR : VAL_OK;
	return VAL_OTHER;
}

static bool integral(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;

	return k >= CXType_Bool && k <= CXType_Int128 && k != CXType_Bool;
}

/*
 * 'card->private_data', 'netdev_priv(ndev)': the key of the local whose
 * private area v is, or NULL.
 */
static char *private_owner(const struct regpairs *rp, CXCursor v)
{
	CXCursor base = clang_getNullCursor();
	enum CXCursorKind k;
	char *name, *key = NULL;
	struct ur_obj o;

	v = cx_strip(v);
	k = clang_getCursorKind(v);
	if (k != CXCursor_MemberRefExpr && k != CXCursor_CallExpr)
		return NULL;
	name = cx_spelling(v);
	if (regpairs_is_private_area(rp, name)) {
		if (k == CXCursor_CallExpr &&
		    clang_Cursor_getNumArguments(v) >= 1)
			base = clang_Cursor_getArgument(v, 0);
		else if (k == CXCursor_MemberRefExpr) {
			unsigned int n;
			CXCursor *ch = cx_children(v, &n);

			if (n)
				base = ch[0];
			free(ch);
		}
	}
	free(name);
	if (clang_Cursor_isNull(base))
		return NULL;
	o = ur_obj_of(base);
	if (o.key && !strncmp(o.key, "l:", 2))
		key = xstrdup(o.key);
	ur_obj_free(&o);
	return key;
}

/* lhs = rhs, or a declaration with an initialiser. */
static void assign_event(struct ur_build *b, CXCursor lhs_cur,
			 struct ur_obj lhs, CXCursor rhs)
{
	struct ur_func *fn = b->fn;
	CXCursor call = cx_strip(rhs);
	struct ur_event *ev;
	char *name;

	if (b->hoist) {
		ur_obj_free(&lhs);
		return;
	}
	/*
	 * 'dev->v4l2_dev.release = foo_release': the release callback a
	 * put runs undoes what it unregisters.  Not any member: a work's
	 * function (INIT_WORK()) runs no put.
	 */
	if (lhs.key && strncmp(lhs.key, "l:", 2) &&
	    clang_getCursorKind(lhs_cur) == CXCursor_MemberRefExpr) {
		char *m = cx_spelling(lhs_cur);

		if (regpairs_is_release_member(b->rp, m))
			handed_function(b, rhs, lhs_cur, true);
		free(m);
	}
	ev = new_event(b, EV_ASSIGN);
	ev->lhs = lhs;
	ev->rhs = ur_obj_of(rhs);
	ev->value = value_of(rhs);
	ev->has_const = cx_int_constant(cx_strip(rhs), &ev->cval);
	ev->lhs_int = integral(clang_getCursorType(lhs_cur));
	ev->pos = cx_cursor_start(lhs_cur);
	if (ev->lhs.key && !strncmp(ev->lhs.key, "l:", 2))
		ev->owner = private_owner(b->rp, rhs);
	if (clang_getCursorKind(call) != CXCursor_CallExpr)
		return;
	name = cx_spelling(call);
	ev->managed = regpairs_is_managed_alloc(b->rp, name);
	free(name);
	/* 'ret = PTR_ERR_OR_ZERO(pdev)': linked once the function is built. */
	if (cx_call_named(call, "PTR_ERR_OR_ZERO")) {
		ur_obj_free(&ev->rhs);
		ev->rhs = ur_obj_of(clang_Cursor_getArgument(call, 0));
		ev->err_of = true;
		return;
	}
	for (size_t i = fn->nev - 1; i-- > 0;) {
		struct ur_event *r = &fn->ev[i];

		/* 'ret = foo_add(priv)': the status of the helper's call. */
		if (r->kind == EV_CALL && !r->status.key &&
		    !clang_Cursor_isNull(r->call) &&
		    cx_same_expr(r->call, call)) {
			r->status = ur_obj_dup(&ev->lhs);
			ev->from_reg = (int)i;
			continue;
		}
		if ((r->kind == EV_REG || r->kind == EV_DEVM) &&
		    !clang_Cursor_isNull(r->call) &&
		    cx_same_expr(r->call, call)) {
			/*
			 * 'ret = foo_make_pool(priv)': a wrapper that returns
			 * a status, not the object its register returned.
			 */
			ev->from_reg = (int)i;
			if (r->wrapped && !r->ptr_result &&
			    ur_reg_pair(b->rp, r->name) &&
			    ur_reg_pair(b->rp, r->name)->reg_arg == 0) {
				ur_obj_free(&r->status);
				r->status = ur_obj_dup(&ev->lhs);
				break;
			}
			ur_obj_free(&r->result);
			r->result = ur_obj_dup(&ev->lhs);
			break;
		}
	}
}

static struct ur_obj decl_obj(CXCursor d)
{
	struct ur_obj o = { 0 };
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);

	o.shown = cx_spelling(d);
	o.key = xasprintf("%s:%s", sc == CX_SC_Static ? "g" : "l", o.shown);
	return o;
}

static enum CXChildVisitResult event_visit(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct ur_build *b = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	unsigned int n;
	CXCursor *ch;

	(void)parent;
	clang_visitChildren(c, event_visit, b); /* arguments first */
	if (k == CXCursor_CallExpr) {
		call_event(b, c);
	} else if (k == CXCursor_VarDecl) {
		ch = cx_children(c, &n);
		if (n && clang_isExpression(clang_getCursorKind(ch[n - 1])))
			assign_event(b, c, decl_obj(c), ch[n - 1]);
		free(ch);
	} else if (k == CXCursor_BinaryOperator &&
		   cx_operator(c) == CX_OP_ASSIGN) {
		ch = cx_children(c, &n);
		if (n == 2)
			assign_event(b, ch[0], ur_obj_of(ch[0]), ch[1]);
		free(ch);
	}
	return CXChildVisit_Continue;
}

/* The events of an expression or leaf statement, in evaluation order. */
void ur_collect(struct ur_build *b, CXCursor c, struct ur_node *node)
{
	node->ev = b->fn->nev;
	if (!clang_Cursor_isNull(c))
		event_visit(c, clang_getNullCursor(), b);
	node->nev = b->fn->nev - node->ev;
}
