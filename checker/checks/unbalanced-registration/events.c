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

/* The local a member chain starts from, and the chain after it. */
static void chain_root(struct ur_obj *o, const struct ur_obj *b, const char *m)
{
	if (!strncmp(b->key, "l:", 2)) {
		o->root = xstrdup(b->key);
		o->path = xasprintf(".%s", m);
	} else if (b->root) {
		o->root = xstrdup(b->root);
		o->path = xasprintf("%s.%s", b->path, m);
	}
}

static struct ur_obj member_obj(CXCursor e)
{
	CXCursor base = cx_strip(cx_child(e, 0));
	struct ur_obj b = ur_obj_of(base), o = { 0 };
	char *m = cx_spelling(e);
	const char *sep = cx_is_pointer(clang_getCursorType(base)) ? "->" : ".";

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
		chain_root(&o, &b, m);
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
			if (b.root) {
				o.root = xstrdup(b.root);
				o.path = xasprintf("%s[]", b.path);
			}
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

char *ur_function_ref(CXCursor a)
{
	a = cx_strip(a);
	while (cx_operator(a) == CX_OP_ADDR)
		a = cx_strip(cx_last_child(a));
	if (clang_getCursorKind(a) != CXCursor_DeclRefExpr ||
	    clang_getCursorKind(clang_getCursorReferenced(a)) !=
		    CXCursor_FunctionDecl)
		return NULL;
	return cx_spelling(a);
}

void ur_obj_free(struct ur_obj *o)
{
	free(o->key);
	free(o->shown);
	free(o->typed);
	free(o->alias);
	free(o->root);
	free(o->path);
	o->key = o->shown = o->typed = o->alias = o->root = o->path = NULL;
}

struct ur_obj ur_obj_dup(const struct ur_obj *o)
{
	struct ur_obj d = { 0 };

	if (o->key) {
		d.key = xstrdup(o->key);
		d.shown = xstrdup(o->shown);
		d.typed = o->typed ? xstrdup(o->typed) : NULL;
		d.alias = o->alias ? xstrdup(o->alias) : NULL;
		d.root = o->root ? xstrdup(o->root) : NULL;
		d.path = o->path ? xstrdup(o->path) : NULL;
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
	if ((a->alias && !strcmp(a->alias, b->key)) ||
	    (b->alias && !strcmp(a->key, b->alias)))
		return true;
	if (cross && ((a->typed && !strcmp(a->typed, b->key)) ||
		      (b->typed && !strcmp(a->key, b->typed))))
		return true;
	return !strcmp(a->key, b->key);
}

static bool same_key(const struct ur_obj *a, const struct ur_obj *b)
{
	return a->key && b->key && !strcmp(a->key, b->key);
}

/*
 * Does k hold h ('pdev' holds '&pdev->dev.kobj', 'g:foo' holds
 * 'g:foo.dev')?  A local only in its own function.
 */
static bool holds(const struct ur_obj *k, const struct ur_obj *h, bool cross)
{
	size_t n;

	if (!h->key || !k->key)
		return false;
	if (!strncmp(k->key, "l:", 2))
		return !cross && (!strcmp(h->key, k->key) ||
				  (h->root && !strcmp(h->root, k->key)));
	n = strlen(k->key);
	return !strncmp(h->key, k->key, n) &&
	       (h->key[n] == '\0' || h->key[n] == '.');
}

/* An attribute file goes with the device whose directory holds it. */
static bool goes_with_holder(const struct regpairs *rp,
			     const struct ur_event *r, const struct ur_event *u,
			     bool cross)
{
	const struct regpair *p = ur_reg_pair(rp, r->name), *q;

	if (!p || !p->holder_arg || p->holder_arg > r->nargs || u->deferred ||
	    u->indirect)
		return false;
	q = ur_unreg_pair(rp, u->name);
	return q &&
	       holds(ur_event_object(u, q), &r->arg[p->holder_arg - 1], cross);
}

bool ur_undoes(const struct regpairs *rp, const struct ur_event *r,
	       const struct ur_event *u, bool cross)
{
	const struct regpair *p;

	if (u->grouped) {
		p = ur_reg_pair(rp, r->name);
		return p && (same_key(ur_event_object(r, p), &u->arg[0]) ||
			     same_key(ur_event_object(r, p), &u->arg[1]));
	}
	p = regpairs_find(rp, r->name, u->name);
	if (!p)
		return goes_with_holder(rp, r, u, cross);
	return ur_same_object(ur_event_object(r, p), ur_event_object(u, p),
			      cross);
}

void ur_event_free(struct ur_event *e)
{
	for (unsigned int i = 0; i < e->nargs; i++)
		ur_obj_free(&e->arg[i]);
	ur_obj_free(&e->result);
	ur_obj_free(&e->status);
	ur_obj_free(&e->lhs);
	ur_obj_free(&e->rhs);
	free(e->owner);
	free(e->name);
}

void ur_pending_free(struct ur_event *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ur_event_free(&v[i]);
	free(v);
}
