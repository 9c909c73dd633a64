// SPDX-License-Identifier: GPL-2.0-only
/*
 * registration-flag: a driver's own boolean that records whether a
 * register call succeeded and is tested before the matching unregister.
 *
 * Only the driver core (or the subsystem) knows whether an object is
 * registered.  A private copy of that state is racy and papers over a
 * broken init/exit or probe/remove structure: a registration that can
 * fail must be unwound on the error path with goto labels, and one that
 * succeeded must be undone unconditionally in exit/remove (or left to
 * the devm_ form).
 *
 * Names prove nothing, so the evidence is semantic.  A bool or integer
 * variable or member F is a registration flag when both hold, within one
 * file:
 *  - F is set to a true value on the path where a register call R
 *    succeeded: after R (and its check) in an enclosing block, in the
 *    success branch of a test of R's result, or as that result itself
 *    (F = !R(...)); and
 *  - F guards the unregister U that undoes R (rules/register-pairs.list),
 *    on the same object: 'if (F) U()', 'F && U()', or an early exit on !F
 *    before U.
 * The mirror form counts too: F cleared after U and tested to skip R.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../check.h"
#include "../cx.h"
#include "../regpairs.h"
#include "../util.h"

#define RULE_ID "registration-flag"

/* Ancestors from the top-level declaration down to the cursor itself. */
struct path {
	CXCursor *c;
	size_t n;
};

/* A call of a function from the pairs list. */
struct call {
	struct path path;
	char *name;
	bool is_reg, is_unreg;
	bool returns_pointer;
	unsigned int offset;
	CXCursor result;	/* the VarDecl or LHS its result goes to, or null */
};

enum write_kind {
	SET_CONST,	/* F = true, F = 1 */
	SET_EXPR,	/* F = <something non-constant> */
	CLEAR,		/* F = false, F = 0 */
	OTHER_CONST,	/* F = -ENOMEM, F = PORT_16550: no flag */
};

/* An assignment to a bool or integer variable or member. */
struct write {
	struct path path;
	CXCursor flag;		/* canonical VarDecl or FieldDecl */
	CXCursor value;
	enum write_kind kind;
	struct cx_pos pos;
};

/* Evidence that one flag mirrors one registration. */
struct link {
	const struct write *write;
	const struct call *reg, *unreg;	/* the pair */
	const struct regpair *pair;
	bool mirror;		/* cleared after U, guards R */
	struct cx_pos guard;
};

struct walk {
	const struct regpairs *rules;
	struct check_unit *unit;
	CXCursor *stack;
	size_t depth, scap;
	struct call *call;
	size_t ncall, ccap;
	struct write *write;
	size_t nwrite, wcap;
	struct link *link;
	size_t nlink, lcap;
};

/* ---- rules ---- */

static void *flag_init(const struct check_config *cfg, char *err,
		       size_t errlen)
{
	struct regpairs *rp = xcalloc(1, sizeof(*rp));

	if (regpairs_load(rp, cfg->rules_dir, err, errlen)) {
		free(rp);
		return NULL;
	}
	return rp;
}

static void flag_fini(void *state)
{
	if (!state)
		return;
	regpairs_free(state);
	free(state);
}

static bool is_ident_char(char c)
{
	return c == '_' || isalnum((unsigned char)c);
}

static bool known_name(const struct regpairs *rp, const char *s, size_t len)
{
	return strset_has_n(&rp->reg_names, s, len) ||
	       strset_has_n(&rp->unreg_names, s, len);
}

/*
 * Any identifier that names a pair's function, or its macro front end:
 * pci_register_driver() is written for __pci_register_driver().  The
 * unregister side is practically never a macro, so a unit that names no
 * function of the list cannot hold both halves of the evidence.
 */
static bool flag_may_report(const void *state, const char *src, size_t len)
{
	const struct regpairs *rp = state;
	size_t i = 0;

	while (i < len) {
		size_t start = i;

		if (!is_ident_char(src[i])) {
			i++;
			continue;
		}
		while (i < len && is_ident_char(src[i]))
			i++;
		if (known_name(rp, src + start, i - start))
			return true;
	}
	return false;
}

/* ---- expressions ---- */

static CXCursor only_child(CXCursor c)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n), r = clang_getNullCursor();

	if (n)
		r = ch[n - 1];	/* a cast's type comes first */
	free(ch);
	return r;
}

static CXCursor nth_child(CXCursor c, unsigned int i)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n), r = clang_getNullCursor();

	if (i < n)
		r = ch[i];
	free(ch);
	return r;
}

static unsigned int child_count(CXCursor c)
{
	unsigned int n;

	free(cx_children(c, &n));
	return n;
}

/* Look through parentheses and casts, explicit or implicit. */
static CXCursor strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);

		if (k != CXCursor_ParenExpr && k != CXCursor_CStyleCastExpr &&
		    !(k == CXCursor_UnexposedExpr && child_count(c) == 1))
			return c;
		c = only_child(c);
	}
}

/* The operators this check reads; everything else is OP_OTHER. */
enum op {
	OP_OTHER,
	OP_ASSIGN,
	OP_LAND,
	OP_LOR,
	OP_EQ,
	OP_NE,
	OP_LT,
	OP_GE,
	OP_NOT,
	OP_ADDR,
	OP_DEREF,
};

#if CINDEX_VERSION_MINOR >= 64
static enum op op_of(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (k == CXCursor_UnaryOperator) {
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_LNot:
			return OP_NOT;
		case CXUnaryOperator_AddrOf:
			return OP_ADDR;
		case CXUnaryOperator_Deref:
			return OP_DEREF;
		default:
			return OP_OTHER;
		}
	}
	if (k != CXCursor_BinaryOperator)
		return OP_OTHER;
	switch (clang_getCursorBinaryOperatorKind(c)) {
	case CXBinaryOperator_Assign:
		return OP_ASSIGN;
	case CXBinaryOperator_LAnd:
		return OP_LAND;
	case CXBinaryOperator_LOr:
		return OP_LOR;
	case CXBinaryOperator_EQ:
		return OP_EQ;
	case CXBinaryOperator_NE:
		return OP_NE;
	case CXBinaryOperator_LT:
		return OP_LT;
	case CXBinaryOperator_GE:
		return OP_GE;
	default:
		return OP_OTHER;
	}
}
#else
/*
 * libclang before 17 has no operator kinds: read the operator's token, the
 * first of a unary operator, the first after the left operand of a binary
 * one.  Inside a macro the tokens are the invocation's, which name no
 * operator: OP_OTHER, so evidence written in macros is lost, never made up.
 */
static enum op op_of_text(const char *t, bool unary)
{
	static const struct {
		const char *text;
		enum op op;
		bool unary;
	} ops[] = {
		{ "=", OP_ASSIGN, false }, { "&&", OP_LAND, false },
		{ "||", OP_LOR, false },   { "==", OP_EQ, false },
		{ "!=", OP_NE, false },    { "<", OP_LT, false },
		{ ">=", OP_GE, false },    { "!", OP_NOT, true },
		{ "&", OP_ADDR, true },    { "*", OP_DEREF, true },
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (ops[i].unary == unary && !strcmp(ops[i].text, t))
			return ops[i].op;
	return OP_OTHER;
}

static enum op op_of(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	bool unary = k == CXCursor_UnaryOperator;
	unsigned int n, from = 0;
	enum op op = OP_OTHER;
	CXToken *tok;

	if (!unary && k != CXCursor_BinaryOperator)
		return OP_OTHER;
	if (!unary) {
		unsigned int nch;
		CXCursor *ch = cx_children(c, &nch);

		from = nch ? cx_cursor_end(ch[0]).offset : 0;
		free(ch);
	}
	clang_tokenize(tu, clang_getCursorExtent(c), &tok, &n);
	for (unsigned int i = 0; i < n; i++) {
		struct cx_pos at = cx_expansion(clang_getTokenLocation(tu, tok[i]));

		if (unary || at.offset >= from) {
			char *t = cx_take(clang_getTokenSpelling(tu, tok[i]));

			op = op_of_text(t, unary);
			free(t);
			break;
		}
	}
	clang_disposeTokens(tu, tok, n);
	return op;
}
#endif

static bool call_named(CXCursor c, const char *name)
{
	char *s;
	bool yes;

	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return false;
	s = cx_spelling(c);
	yes = !strcmp(s, name);
	free(s);
	return yes;
}

/* Does a constant expression evaluate to an integer?  Sets *value. */
static bool int_constant(CXCursor c, long long *value)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	bool yes = false;

	if (!ev)
		return false;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		*value = clang_EvalResult_getAsLongLong(ev);
		yes = true;
	}
	clang_EvalResult_dispose(ev);
	return yes;
}

static bool is_zero(CXCursor c)
{
	long long v;

	return int_constant(strip(c), &v) && v == 0;
}

static bool integral_type(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_UShort:
	case CXType_Short:
	case CXType_UInt:
	case CXType_Int:
	case CXType_ULong:
	case CXType_Long:
	case CXType_ULongLong:
	case CXType_LongLong:
		return true;
	default:
		return false;
	}
}

/* The variable or member an lvalue names, if it can hold a flag. */
static bool flag_of(CXCursor e, CXCursor *flag)
{
	enum CXCursorKind k;
	CXCursor d;

	e = strip(e);
	k = clang_getCursorKind(e);
	if (k != CXCursor_DeclRefExpr && k != CXCursor_MemberRefExpr)
		return false;
	d = clang_getCursorReferenced(e);
	k = clang_getCursorKind(d);
	if ((k != CXCursor_VarDecl && k != CXCursor_FieldDecl) ||
	    !integral_type(clang_getCursorType(d)))
		return false;
	*flag = clang_getCanonicalCursor(d);
	return true;
}

static bool is_bool(CXCursor flag)
{
	return clang_getCanonicalType(clang_getCursorType(flag)).kind ==
	       CXType_Bool;
}

static bool is_flag(CXCursor e, CXCursor flag)
{
	CXCursor f;

	return flag_of(e, &f) && clang_equalCursors(f, flag);
}

/* ---- which object a call is about ---- */

/* A variable that outlives the function: file scope or 'static'. */
static bool has_static_storage(CXCursor d)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);

	return sc == CX_SC_Static || sc == CX_SC_Extern ||
	       clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
		       CXCursor_TranslationUnit;
}

static char *usr_key(const char *tag, CXCursor decl)
{
	char *usr = cx_take(clang_getCursorUSR(decl));
	char *key = *usr ? xasprintf("%s:%s", tag, usr) : NULL;

	free(usr);
	return key;
}

/*
 * A key naming the object an expression denotes across functions: a
 * global or static variable, or a struct member (&priv->miscdev in probe
 * and in remove).  Locals and parameters say nothing across functions:
 * NULL, which matches any object.
 */
static char *object_key(CXCursor e)
{
	CXCursor d;
	char *base, *key;

	if (clang_getCursorKind(e) == CXCursor_VarDecl) {
		d = e;
		goto var;
	}
	e = strip(e);
	while (op_of(e) == OP_ADDR ||
	       op_of(e) == OP_DEREF)
		e = strip(only_child(e));
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr:
		d = clang_getCursorReferenced(e);
		if (clang_getCursorKind(d) != CXCursor_VarDecl)
			return NULL;
		goto var;
	case CXCursor_MemberRefExpr:
		return usr_key("m", clang_getCursorReferenced(e));
	case CXCursor_ArraySubscriptExpr:
		base = object_key(nth_child(e, 0));
		key = base ? xasprintf("%s[]", base) : NULL;
		free(base);
		return key;
	default:
		return NULL;
	}
var:
	if (!has_static_storage(d))
		return NULL;
	return usr_key("v", clang_getCanonicalCursor(d));
}

static char *call_object(const struct call *c, unsigned int argno)
{
	CXCursor call = c->path.c[c->path.n - 1];

	if (argno == 0)
		return clang_Cursor_isNull(c->result) ? NULL :
							 object_key(c->result);
	if ((int)argno > clang_Cursor_getNumArguments(call))
		return NULL;
	return object_key(clang_Cursor_getArgument(call, argno - 1));
}

static bool same_object(const struct call *reg, const struct call *unreg,
			const struct regpair *p)
{
	char *a = call_object(reg, p->reg_arg);
	char *b = call_object(unreg, p->unreg_arg);
	bool yes = !a || !b || !strcmp(a, b);

	free(a);
	free(b);
	return yes;
}

/* ---- collecting calls and writes ---- */

static struct path copy_path(const struct walk *w)
{
	struct path p = { .n = w->depth };

	p.c = xmalloc(p.n * sizeof(*p.c));
	memcpy(p.c, w->stack, p.n * sizeof(*p.c));
	return p;
}

/* Where the value of the call at the top of the stack goes. */
static CXCursor result_target(const struct walk *w)
{
	CXCursor from = w->stack[w->depth - 1];

	for (size_t i = w->depth - 1; i-- > 0;) {
		CXCursor a = w->stack[i];

		switch (clang_getCursorKind(a)) {
		case CXCursor_ParenExpr:
		case CXCursor_CStyleCastExpr:
		case CXCursor_UnexposedExpr:
			from = a;
			continue;
		case CXCursor_VarDecl:
			return a;
		case CXCursor_BinaryOperator:
			if (op_of(a) == OP_ASSIGN &&
			    cx_same_expr(nth_child(a, 1), from))
				return nth_child(a, 0);
			return clang_getNullCursor();
		default:
			return clang_getNullCursor();
		}
	}
	return clang_getNullCursor();
}

static void note_call(struct walk *w, CXCursor c)
{
	char *name = cx_spelling(c);
	bool reg = regpairs_is_register(w->rules, name);
	bool unreg = regpairs_is_unregister(w->rules, name);
	struct call *ev;

	if (!reg && !unreg) {
		free(name);
		return;
	}
	GROW(w->call, w->ccap, w->ncall);
	ev = &w->call[w->ncall++];
	ev->path = copy_path(w);
	ev->name = name;
	ev->is_reg = reg;
	ev->is_unreg = unreg;
	ev->returns_pointer = clang_getCanonicalType(clang_getCursorType(c)).kind ==
			      CXType_Pointer;
	ev->offset = cx_cursor_start(c).offset;
	ev->result = result_target(w);
}

static void note_assignment(struct walk *w, CXCursor op)
{
	CXCursor lhs = nth_child(op, 0), value = nth_child(op, 1), flag;
	struct write *ev;
	long long v;

	if (!flag_of(lhs, &flag))
		return;
	GROW(w->write, w->wcap, w->nwrite);
	ev = &w->write[w->nwrite++];
	ev->path = copy_path(w);
	ev->flag = flag;
	ev->value = value;
	if (!int_constant(strip(value), &v))
		ev->kind = SET_EXPR;
	else if (v == 0 || v == 1)
		ev->kind = v ? SET_CONST : CLEAR;
	else
		ev->kind = OTHER_CONST;
	ev->pos = cx_cursor_start(op);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct walk *w = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (!w->depth && (!cx_in_file(c, w->unit->main_file) ||
			  k != CXCursor_FunctionDecl ||
			  !clang_isCursorDefinition(c)))
		return CXChildVisit_Continue;
	GROW(w->stack, w->scap, w->depth);
	w->stack[w->depth++] = c;
	if (k == CXCursor_CallExpr)
		note_call(w, c);
	else if (op_of(c) == OP_ASSIGN)
		note_assignment(w, c);
	clang_visitChildren(c, visit, w);
	w->depth--;
	return CXChildVisit_Continue;
}

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

static const struct call *call_at(const struct walk *w, CXCursor c)
{
	for (size_t i = 0; i < w->ncall; i++)
		if (w->call[i].is_reg &&
		    cx_same_expr(w->call[i].path.c[w->call[i].path.n - 1], c))
			return &w->call[i];
	return NULL;
}

/* The last register call before 'at' whose result went to variable v. */
static const struct call *call_stored_in(const struct walk *w, CXCursor v,
					 CXCursor fn, unsigned int at)
{
	const struct call *best = NULL;

	for (size_t i = 0; i < w->ncall; i++) {
		const struct call *c = &w->call[i];
		CXCursor d = c->result;

		if (!c->is_reg || clang_Cursor_isNull(d) || c->offset >= at ||
		    !clang_equalCursors(c->path.c[0], fn))
			continue;
		if (clang_getCursorKind(d) != CXCursor_VarDecl) {
			d = strip(d);
			if (clang_getCursorKind(d) != CXCursor_DeclRefExpr)
				continue;
			d = clang_getCursorReferenced(d);
		}
		if (clang_equalCursors(clang_getCanonicalCursor(d), v) &&
		    (!best || c->offset > best->offset))
			best = c;
	}
	return best;
}

/* The register call whose result expression e is, if any. */
static const struct call *result_of(const struct walk *w, CXCursor e,
				    CXCursor fn)
{
	e = strip(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_CallExpr:
		return call_at(w, e);
	case CXCursor_BinaryOperator:
		if (op_of(e) == OP_ASSIGN)
			return result_of(w, nth_child(e, 1), fn);
		return NULL;
	case CXCursor_DeclRefExpr:
		return call_stored_in(w, clang_getCanonicalCursor(
					      clang_getCursorReferenced(e)),
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
	CXCursor lhs = nth_child(c, 0), rhs = nth_child(c, 1);
	const struct call *r;
	struct verdict none = { UNKNOWN, NULL };

	if (!is_zero(rhs))
		return none;
	switch (op_of(c)) {
	case OP_EQ:
		return outcome_of(w, lhs, !holds, fn);
	case OP_NE:
		return outcome_of(w, lhs, holds, fn);
	case OP_LT:
	case OP_GE:
		r = result_of(w, lhs, fn);
		if (!r || r->returns_pointer)
			return none;
		if (op_of(c) == OP_GE)
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

	c = strip(c);
	if (op_of(c) == OP_NOT)
		return outcome_of(w, only_child(c), !holds, fn);
	if (call_named(c, "__builtin_expect"))
		return outcome_of(w, clang_Cursor_getArgument(c, 0), holds, fn);
	if (call_named(c, "IS_ERR") || call_named(c, "IS_ERR_OR_NULL")) {
		r = result_of(w, clang_Cursor_getArgument(c, 0), fn);
		return r ? (struct verdict){ holds ? FAILED : SUCCEEDED, r } : none;
	}
	if (op_of(c) == OP_LAND)
		return (holds ? both : either)(
			outcome_of(w, nth_child(c, 0), holds, fn),
			outcome_of(w, nth_child(c, 1), holds, fn));
	if (op_of(c) == OP_LOR)
		return (holds ? either : both)(
			outcome_of(w, nth_child(c, 0), holds, fn),
			outcome_of(w, nth_child(c, 1), holds, fn));
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	    op_of(c) != OP_ASSIGN)
		return comparison(w, c, holds, fn);
	r = result_of(w, c, fn);
	if (!r)
		return none;
	return (struct verdict){ holds == r->returns_pointer ? SUCCEEDED : FAILED,
				 r };
}

/* ---- what a condition says about a flag ---- */

/* c => F, c => !F, F => c, !F => c */
struct implies {
	bool set, clear, if_set, if_clear;
};

static struct implies flag_test(CXCursor c, CXCursor flag)
{
	struct implies none = { 0 }, a, b;
	enum op op;

	c = strip(c);
	if (is_flag(c, flag))
		return (struct implies){ true, false, true, false };
	if (op_of(c) == OP_NOT) {
		a = flag_test(only_child(c), flag);
		return (struct implies){ a.if_clear, a.if_set, a.clear, a.set };
	}
	if (call_named(c, "__builtin_expect"))
		return flag_test(clang_Cursor_getArgument(c, 0), flag);
	if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
		return none;
	op = op_of(c);
	if (op == OP_EQ || op == OP_NE) {
		long long v;
		bool negate;

		if (!is_flag(nth_child(c, 0), flag) ||
		    !int_constant(strip(nth_child(c, 1)), &v))
			return none;
		if (v == 0 || is_bool(flag)) {
			negate = (op == OP_EQ) == (v == 0);
			return (struct implies){ !negate, negate, !negate, negate };
		}
		/* 'F == 2' needs F set, but a set F need not be 2. */
		return (struct implies){ op == OP_EQ, false, false, op == OP_NE };
	}
	if (op != OP_LAND && op != OP_LOR)
		return none;
	a = flag_test(nth_child(c, 0), flag);
	b = flag_test(nth_child(c, 1), flag);
	if (op == OP_LAND)
		return (struct implies){ a.set || b.set, a.clear || b.clear,
					 a.if_set && b.if_set,
					 a.if_clear && b.if_clear };
	return (struct implies){ a.set && b.set, a.clear && b.clear,
				 a.if_set || b.if_set, a.if_clear || b.if_clear };
}

/* Does the statement always leave the block (return, goto, break)? */
static bool exits(CXCursor s)
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
		yes = n && exits(ch[n - 1]);
		free(ch);
		return yes;
	case CXCursor_IfStmt:
		ch = cx_children(s, &n);
		yes = n == 3 && exits(ch[1]) && exits(ch[2]);
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
		    !exits(nth_child(ch[i], 1)))
			continue;
		t = flag_test(nth_child(ch[i], 0), flag);
		if (want_set ? t.if_clear : t.if_set) {
			*at = cx_cursor_start(nth_child(ch[i], 0));
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
			cond = nth_child(a, 0);
			t = flag_test(cond, flag);
			hit = (idx == 1 && (want_set ? t.set : t.clear)) ||
			      (idx == 2 && (want_set ? t.clear : t.set));
			break;
		case CXCursor_BinaryOperator:
			cond = nth_child(a, 0);
			t = flag_test(cond, flag);
			if (idx == 1 && op_of(a) == OP_LAND)
				hit = want_set ? t.set : t.clear;
			else if (idx == 1 && op_of(a) == OP_LOR)
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

/* A set after 'reg' succeeded: find the unregisters the flag guards. */
static void link_set(struct walk *w, const struct write *wr,
		     const struct call *reg)
{
	for (size_t i = 0; i < w->ncall; i++) {
		const struct call *u = &w->call[i];
		const struct regpair *p;
		struct cx_pos at;

		if (!u->is_unreg)
			continue;
		p = regpairs_find(w->rules, reg->name, u->name);
		if (p && same_object(reg, u, p) &&
		    guarded(&u->path, wr->flag, true, &at))
			add_link(w, wr, reg, u, p, false, at);
	}
}

/* A clear after 'unreg': find the registers the clear flag guards. */
static void link_clear(struct walk *w, const struct write *wr,
		       const struct call *unreg)
{
	for (size_t i = 0; i < w->ncall; i++) {
		const struct call *r = &w->call[i];
		const struct regpair *p;
		struct cx_pos at;

		if (!r->is_reg)
			continue;
		p = regpairs_find(w->rules, r->name, unreg->name);
		if (p && same_object(r, unreg, p) &&
		    guarded(&r->path, wr->flag, false, &at))
			add_link(w, wr, r, unreg, p, true, at);
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

	for (size_t i = p->n - 1; i-- > 0;) {
		CXCursor a = p->c[i];
		enum CXCursorKind k = clang_getCursorKind(a);

		if (k == CXCursor_CompoundStmt) {
			for (size_t j = 0; j < w->ncall; j++) {
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
			v = outcome_of(w, nth_child(a, 0), idx == 1, fn);
			if (v.o == FAILED)
				return;
			if (v.o == SUCCEEDED)
				link_set(w, wr, v.call);
		}
	}
}

/*
 * A flag has two states: a variable that is also given other constants
 * (an error code, a port type) or that holds a register call's result
 * ('ret', 'major') is the object or its status, not a copy of it.
 */
static bool two_state(const struct walk *w, CXCursor flag)
{
	CXCursor f;

	for (size_t i = 0; i < w->nwrite; i++)
		if (w->write[i].kind == OTHER_CONST &&
		    clang_equalCursors(w->write[i].flag, flag))
			return false;
	for (size_t i = 0; i < w->ncall; i++) {
		CXCursor r = w->call[i].result;

		if (clang_Cursor_isNull(r))
			continue;
		if (clang_getCursorKind(r) == CXCursor_VarDecl)
			f = clang_getCanonicalCursor(r);
		else if (!flag_of(r, &f))
			continue;
		if (clang_equalCursors(f, flag))
			return false;
	}
	return true;
}

static void link_write(struct walk *w, const struct write *wr)
{
	struct verdict v;

	if (!two_state(w, wr->flag))
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

/* ---- findings ---- */

static bool names_registration(const char *name)
{
	for (const char *s = name; *s; s++)
		if (!strncasecmp(s, "regist", 6))
			return true;
	return false;
}

static char *message_for(const char *flag, const struct link *l)
{
	const struct regpair *p = l->pair;
	const char *keeper = p->class == REG_CORE ? "the driver core" :
						    "the subsystem";
	char *managed = p->managed ? xasprintf(", or use %s()", p->managed) :
				     xstrdup("");
	char *head = names_registration(flag) ?
		xasprintf("'%s' duplicates registration state that %s already keeps",
			  flag, keeper) :
		xasprintf("'%s' acts as a private registration flag for %s() (%s already keeps that state)",
			  flag, p->reg, keeper);
	char *how = l->mirror ?
		xasprintf("cleared after %s(), it is tested to skip %s()",
			  p->unreg, p->reg) :
		xasprintf("set once %s() succeeds, it is tested before %s()",
			  p->reg, p->unreg);
	char *msg = xasprintf("%s: %s; unwind a failed registration with goto labels on the error path and call %s() unconditionally in exit/remove%s",
			      head, how, p->unreg, managed);

	free(managed);
	free(head);
	free(how);
	return msg;
}

/* The flag's declaration: a variable's definition, or the member. */
static struct cx_pos declared_at(CXCursor flag, char **file,
				 const struct check_unit *u)
{
	CXCursor def = clang_getCursorDefinition(flag);
	struct cx_pos at;

	if (clang_Cursor_isNull(def))
		def = flag;
	at = cx_expansion(clang_getCursorLocation(def));
	if (at.file && clang_File_isEqual(at.file, u->main_file))
		*file = xstrdup(u->path);
	else if (at.file)
		*file = cx_take(clang_File_tryGetRealPathName(at.file));
	else
		*file = NULL;
	return at;
}

static void add_related(struct finding *f, const char *path,
			const struct link *l)
{
	char *set = l->mirror ?
		xasprintf("cleared here after %s()", l->pair->unreg) :
		xasprintf("set here once %s() succeeded", l->pair->reg);
	char *test = l->mirror ?
		xasprintf("tested here to skip %s()", l->pair->reg) :
		xasprintf("tested here before %s()", l->pair->unreg);

	finding_add_related(f, path, l->write->pos.line, l->write->pos.column,
			    set);
	finding_add_related(f, path, l->guard.line, l->guard.column, test);
	free(set);
	free(test);
}

/* One finding per flag, from its first link; driver core wins. */
static void report_flag(struct walk *w, size_t first, bool *done)
{
	const struct link *best = &w->link[first];
	CXCursor flag = best->write->flag;
	struct check_unit *u = w->unit;
	struct finding *f;
	struct cx_pos at;
	char *file, *name, *msg;

	for (size_t i = first; i < w->nlink; i++) {
		if (!clang_equalCursors(w->link[i].write->flag, flag))
			continue;
		done[i] = true;
		if (best->pair->class != REG_CORE &&
		    w->link[i].pair->class == REG_CORE)
			best = &w->link[i];
	}
	at = declared_at(flag, &file, u);
	if (!file)
		return;
	name = cx_spelling(flag);
	msg = message_for(name, best);
	f = finding_add(u->findings, RULE_ID,
			best->pair->class == REG_CORE ? SEV_WARNING : SEV_NOTE,
			file, at.line, at.column, name, msg);
	add_related(f, u->path, best);
	free(msg);
	free(name);
	free(file);
}

static void free_walk(struct walk *w)
{
	for (size_t i = 0; i < w->ncall; i++) {
		free(w->call[i].path.c);
		free(w->call[i].name);
	}
	for (size_t i = 0; i < w->nwrite; i++)
		free(w->write[i].path.c);
	free(w->call);
	free(w->write);
	free(w->link);
	free(w->stack);
}

static void flag_run(const void *state, struct check_unit *unit)
{
	struct walk w = { .rules = state, .unit = unit };
	bool *done;

	clang_visitChildren(clang_getTranslationUnitCursor(unit->tu), visit, &w);
	if (w.ncall)
		for (size_t i = 0; i < w.nwrite; i++)
			link_write(&w, &w.write[i]);
	done = xcalloc(w.nlink + 1, sizeof(*done));
	for (size_t i = 0; i < w.nlink; i++)
		if (!done[i])
			report_flag(&w, i, done);
	free(done);
	free_walk(&w);
}

const struct check check_registration_flag = {
	.id = RULE_ID,
	.summary = "private flag records a registration and guards its unregister",
	.init = flag_init,
	.fini = flag_fini,
	.may_report = flag_may_report,
	.run = flag_run,
};
