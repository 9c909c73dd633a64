// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: naming objects, and the events of an
 * expression (register, unregister, assignment, call of a helper).
 *
 * Objects are compared as strings built from the expression: by the
 * referenced declaration for variables, by the member chain for
 * 'priv->dev' and '&foo_driver'.  A member chain rooted in a local or a
 * parameter is named by the root's type, so that probe's '&priv->misc'
 * and remove's '&data->misc' are the same object.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

static bool has_static_storage(CXCursor d)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);

	return sc == CX_SC_Static || sc == CX_SC_Extern ||
	       clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
		       CXCursor_TranslationUnit;
}

static bool is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

static bool is_number(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;

	return k >= CXType_Bool && k <= CXType_Int128;
}

/* "struct foo_priv" for a 'struct foo_priv *' root. */
static char *root_type(CXCursor base)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(base));

	if (t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	return cx_take(clang_getTypeSpelling(t));
}

static struct ur_obj member_obj(CXCursor e)
{
	CXCursor base = cx_strip(cx_child(e, 0));
	struct ur_obj b = ur_obj_of(base), o = { 0 };
	char *m = cx_spelling(e);
	const char *sep = is_pointer(clang_getCursorType(base)) ? "->" : ".";

	if (b.key) {
		if (!strncmp(b.key, "l:", 2)) {
			char *t = root_type(base);

			o.key = xasprintf("T%s.%s", t, m);
			free(t);
		} else {
			o.key = xasprintf("%s.%s", b.key, m);
		}
		o.shown = xasprintf("%s%s%s", b.shown, sep, m);
		/*
		 * An element of a global array is as often reached through
		 * a pointer to it ('info = subdevs + i; info->pdev'): named
		 * by its type as well, as that pointer's member is.
		 */
		if (b.typed) {
			o.typed = xasprintf("%s.%s", b.typed, m);
		} else if (clang_getCursorKind(base) ==
				   CXCursor_ArraySubscriptExpr &&
			   !strncmp(b.key, "g:", 2)) {
			char *t = root_type(base);

			o.typed = xasprintf("T%s.%s", t, m);
			free(t);
		}
	}
	free(m);
	ur_obj_free(&b);
	return o;
}

struct ur_obj ur_obj_of(CXCursor e)
{
	struct ur_obj o = { 0 }, b;
	CXCursor d;
	enum CXCursorKind k;

	e = cx_strip_address(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr:
		d = clang_getCursorReferenced(e);
		k = clang_getCursorKind(d);
		if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
			return o;
		o.shown = cx_spelling(d);
		o.key = xasprintf(
			"%s:%s",
			k == CXCursor_VarDecl && has_static_storage(d) ? "g" :
									 "l",
			o.shown);
		return o;
	case CXCursor_MemberRefExpr:
		return member_obj(e);
	case CXCursor_ArraySubscriptExpr:
		b = ur_obj_of(cx_child(e, 0));
		if (b.key) {
			o.key = xasprintf("%s[]", b.key);
			o.shown = xasprintf("%s[]", b.shown);
		}
		ur_obj_free(&b);
		return o;
	default:
		return o;
	}
}

/*
 * A number passed as the object (a dev_t, a major) is copied from
 * variable to member freely: its name says nothing, any mention matches.
 */
struct ur_obj ur_arg_obj(CXCursor arg)
{
	CXCursor e = cx_strip(arg);
	struct ur_obj o;
	bool addr = false;

	while (cx_operator(e) == CX_OP_ADDR) {
		e = cx_strip(cx_last_child(e));
		addr = true;
	}
	if (is_number(clang_getCursorType(e)))
		return (struct ur_obj){ 0 };
	o = ur_obj_of(arg);
	o.embedded = addr && o.key;
	return o;
}

void ur_obj_free(struct ur_obj *o)
{
	free(o->key);
	free(o->shown);
	free(o->typed);
	o->key = o->shown = o->typed = NULL;
}

struct ur_obj ur_obj_dup(const struct ur_obj *o)
{
	struct ur_obj d = { 0 };

	if (o->key) {
		d.key = xstrdup(o->key);
		d.shown = xstrdup(o->shown);
		d.typed = o->typed ? xstrdup(o->typed) : NULL;
		d.embedded = o->embedded;
	}
	return d;
}

const struct regpair *ur_reg_pair(const struct regpairs *rp, const char *reg)
{
	for (size_t i = 0; i < rp->n; i++)
		if (!strcmp(rp->v[i].reg, reg))
			return &rp->v[i];
	return NULL;
}

const struct regpair *ur_unreg_pair(const struct regpairs *rp,
				    const char *unreg)
{
	for (size_t i = 0; i < rp->n; i++)
		if (!strcmp(rp->v[i].unreg, unreg))
			return &rp->v[i];
	return NULL;
}

const struct regpair *ur_devm_pair(const struct regpairs *rp, const char *devm)
{
	for (size_t i = 0; i < rp->n; i++)
		if (rp->v[i].managed && !strcmp(rp->v[i].managed, devm))
			return &rp->v[i];
	return NULL;
}

const struct ur_obj *ur_event_object(const struct ur_event *e,
				     const struct regpair *p)
{
	unsigned int argno = e->kind == EV_REG ? p->reg_arg : p->unreg_arg;
	static const struct ur_obj none;

	if (argno == 0)
		return &e->result;
	if (argno > e->nargs)
		return &none;
	return &e->arg[argno - 1];
}

static bool word_token(CXTokenKind k)
{
	return k == CXToken_Identifier || k == CXToken_Keyword ||
	       k == CXToken_Literal;
}

/* Tokens joined as written, a space between two words; NULL if none. */
static char *join_tokens(CXTranslationUnit tu, const CXToken *tok,
			 unsigned int n)
{
	char *s = NULL;

	for (unsigned int i = 0; i < n && i < 16; i++) {
		char *t = cx_take(clang_getTokenSpelling(tu, tok[i]));
		bool space = i && word_token(clang_getTokenKind(tok[i - 1])) &&
			     word_token(clang_getTokenKind(tok[i]));
		char *j = xasprintf("%s%s%s", s ? s : "", space ? " " : "", t);

		free(t);
		free(s);
		s = j;
	}
	return s;
}

/* The punctuation a token is ('(' ...), or 0 for any other token. */
static char punct_of(CXTranslationUnit tu, CXToken tok)
{
	char *t, c;

	if (clang_getTokenKind(tok) != CXToken_Punctuation)
		return 0;
	t = cx_take(clang_getTokenSpelling(tu, tok));
	c = t[0] && !t[1] ? t[0] : 0;
	free(t);
	return c;
}

/*
 * The argument as the call spells it, when the call is written out with
 * the function's name ('register_chrdev(MEM_MAJOR, ...)'): an argument
 * written as a macro has an extent in the macro's definition.
 */
static char *arg_in_call(CXCursor call, const char *name, unsigned int argno)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(call);
	CXToken *tok;
	unsigned int n, at = 0, depth = 0, start = 2;
	char *first, *s = NULL;

	clang_tokenize(tu, clang_getCursorExtent(call), &tok, &n);
	first = n ? cx_take(clang_getTokenSpelling(tu, tok[0])) : NULL;
	if (!first || strcmp(first, name) || n < 3 ||
	    punct_of(tu, tok[1]) != '(') {
		free(first);
		clang_disposeTokens(tu, tok, n);
		return NULL;
	}
	free(first);
	for (unsigned int i = 1; i < n && !s; i++) {
		char c = punct_of(tu, tok[i]);
		bool close = c && strchr(")]}", c);

		if (c && strchr("([{", c)) {
			depth++;
			continue;
		}
		if ((close && depth == 1) || (c == ',' && depth == 1)) {
			if (++at == argno && i > start)
				s = join_tokens(tu, tok + start, i - start);
			start = i + 1;
		}
		if (close)
			depth--;
	}
	clang_disposeTokens(tu, tok, n);
	return s;
}

/* The source text of a call's argument, tokens joined; NULL if none. */
static char *arg_text(CXCursor call, const char *name, unsigned int argno)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(call);
	CXCursor arg = clang_Cursor_getArgument(call, argno - 1);
	CXToken *tok;
	unsigned int n;
	char *s = arg_in_call(call, name, argno);

	if (s)
		return s;
	clang_tokenize(tu, clang_getCursorExtent(arg), &tok, &n);
	s = join_tokens(tu, tok, n);
	clang_disposeTokens(tu, tok, n);
	return s;
}

char *ur_label(const struct ur_event *e, const struct regpair *p)
{
	const struct ur_obj *o = p ? ur_event_object(e, p) : NULL;
	unsigned int argno =
		p ? (e->kind == EV_UNREG ? p->unreg_arg : p->reg_arg) : 0;
	char *s = NULL;

	if (o && o->shown)
		return xstrdup(o->shown);
	/* device_create(cls, parent, devt, ...): the device it returns. */
	if (e->ptr_result && e->result.shown)
		return xstrdup(e->result.shown);
	/* Not for an event made up from a helper's call: other arguments. */
	if (argno && argno <= e->nargs && cx_call_named(e->call, e->name) &&
	    (int)argno <= clang_Cursor_getNumArguments(e->call))
		s = arg_text(e->call, e->name, argno);
	/* Tokens of an argument a macro expands to run past it. */
	if (s && (strpbrk(s, ";{}") || strlen(s) > 48)) {
		free(s);
		s = NULL;
	}
	if (s && s[0] == '&' && s[1])
		memmove(s, s + 1, strlen(s));
	/* register_chrdev(0, ...): the major it returns names the object. */
	if (s && s[0] >= '0' && s[0] <= '9') {
		free(s);
		s = e->result.shown ? xstrdup(e->result.shown) : NULL;
	}
	return s ? s : xstrdup("the object");
}

bool ur_same_object(const struct ur_obj *a, const struct ur_obj *b, bool cross)
{
	if (!a->key || !b->key)
		return true;
	if (cross && (!strncmp(a->key, "l:", 2) || !strncmp(b->key, "l:", 2)))
		return true;
	if (cross && ((a->typed && !strcmp(a->typed, b->key)) ||
		      (b->typed && !strcmp(a->key, b->typed))))
		return true;
	return !strcmp(a->key, b->key);
}

void ur_event_free(struct ur_event *e)
{
	for (unsigned int i = 0; i < e->nargs; i++)
		ur_obj_free(&e->arg[i]);
	ur_obj_free(&e->result);
	ur_obj_free(&e->status);
	ur_obj_free(&e->lhs);
	ur_obj_free(&e->rhs);
	free(e->name);
	free(e->via);
}

void ur_pending_free(struct ur_event *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ur_event_free(&v[i]);
	free(v);
}

/* ---- helpers of the file ---- */

#define HELPER_PASSES 3

struct scan {
	const struct regpairs *rp;
	const struct ur_helpers *prev; /* the last pass's summaries */
	struct ur_helper *h;
	unsigned int nregs;
	unsigned int ifs; /* if statements around the call */
	bool hands_over; /* passes a function to a call */
};

/* 'devm_add_action_or_reset(dev, release, x)': a callback is handed over. */
static bool passes_function(CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	for (int i = 0; i < n; i++) {
		CXCursor a = cx_strip(clang_Cursor_getArgument(call, i));

		while (cx_operator(a) == CX_OP_ADDR)
			a = cx_strip(cx_last_child(a));
		if (clang_getCursorKind(a) == CXCursor_DeclRefExpr &&
		    clang_getCursorKind(clang_getCursorReferenced(a)) ==
			    CXCursor_FunctionDecl)
			return true;
	}
	return false;
}

static void fill_args(struct ur_event *ev, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	ev->nargs = n < 0 ? 0 : n > UR_MAX_ARGS ? UR_MAX_ARGS : (unsigned int)n;
	for (unsigned int i = 0; i < ev->nargs; i++)
		ev->arg[i] = ur_arg_obj(clang_Cursor_getArgument(call, i));
	ev->ptr_result = is_pointer(clang_getCursorType(call));
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
		h->ev.ptr_result = is_pointer(clang_getCursorType(c));
		h->ev.call = clang_getNullCursor();
		h->ev.guarded = s->ifs > 0 || g->ev.guarded;
	}
	for (size_t i = 0; i < g->nunregs; i++)
		add_unreg(h, g->unregs[i]);
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
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	name = cx_spelling(c);
	reg = regpairs_is_register(s->rp, name);
	unreg = regpairs_is_unregister(s->rp, name);
	s->hands_over |= passes_function(c);
	h->has_reg |= reg;
	if (reg || unreg) {
		if (++s->nregs == 1) {
			h->ev.kind = reg ? EV_REG : EV_UNREG;
			h->ev.name = xstrdup(name);
			fill_args(&h->ev, c);
			h->ev.call = clang_getNullCursor();
			/* 'if (del_cdev) cdev_device_del(...)': may not run. */
			h->ev.guarded = s->ifs > 0;
		}
	}
	if (unreg)
		add_unreg(h, name);
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
	clang_visitChildren(c, scan_visit, s);
	/*
	 * One register or unregister, and no release callback handed over
	 * (a helper that registers and hands the object to
	 * devm_add_action_or_reset() owes its caller nothing).
	 */
	h->wraps = s->nregs == 1 && !(h->ev.kind == EV_REG && s->hands_over) &&
		   clang_Cursor_getStorageClass(c) == CX_SC_Static;
	if (h->wraps)
		h->returns_bool =
			clang_getCanonicalType(
				clang_getResultType(clang_getCursorType(c)))
				.kind == CXType_Bool;
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
