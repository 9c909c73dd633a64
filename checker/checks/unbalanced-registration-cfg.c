// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: a small control-flow graph over one
 * function's cursor tree.  libclang exposes no CFG, and the check needs
 * only the order of a few events along the paths from a register call to
 * the returns, so the graph is built backwards, each statement given its
 * successor: blocks, if/else, goto and labels, return, switch/case,
 * while/for/do loops with break and continue, and do { } while (0)
 * macro bodies as plain blocks.
 *
 * Limits: the operands of &&, || and ?: are ordered as written, not
 * branched on; a for statement's init, condition and increment are one
 * step before the loop (libclang omits the missing ones, so they cannot
 * be told apart); a loop may run zero times, so an unregister inside a
 * loop is applied when the loop is entered (an unwind loop undoes what
 * the register loop did); computed gotos and noreturn calls end a path.
 */
#include <stdlib.h>
#include <string.h>

#include "../util.h"
#include "unbalanced-registration.h"

struct build {
	struct ur_func *fn;
	const struct regpairs *rp;
	const struct ur_helpers *helpers;
	int end;
	int brk, cont;		/* -1 outside loops and switches */
	int *cases;		/* the case nodes of the innermost switch */
	size_t ncases, casecap;
	int dflt;
	char **label;		/* label names and their nodes */
	int *label_node;
	size_t nlabel, labelcap;
	bool hoist;		/* collecting a loop body's unregisters */
};

/* ---- events ---- */

static struct ur_event *new_event(struct build *b, enum ur_ev_kind kind)
{
	struct ur_func *fn = b->fn;
	struct ur_event *ev;

	GROW(fn->ev, fn->evcap, fn->nev);
	ev = &fn->ev[fn->nev++];
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->from_reg = -1;
	ev->hoisted = b->hoist;
	return ev;
}

static void fill_call(struct ur_event *ev, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	ev->nargs = n < 0 ? 0 : n > UR_MAX_ARGS ? UR_MAX_ARGS : (unsigned int)n;
	for (unsigned int i = 0; i < ev->nargs; i++)
		ev->arg[i] = ur_arg_obj(clang_Cursor_getArgument(call, i));
	ev->ptr_result = clang_getCanonicalType(clang_getCursorType(call)).kind ==
			 CXType_Pointer;
	ev->call = call;
	ev->pos = cx_cursor_start(call);
}

/* The caller's argument for a helper's object named after its parameter. */
static struct ur_obj helper_arg(const struct ur_helper *h,
				const struct ur_obj *o, CXCursor call)
{
	for (unsigned int i = 0; o->key && i < h->nparams; i++) {
		if (strncmp(o->key, "l:", 2) || strcmp(o->key + 2, h->params[i]))
			continue;
		if ((int)i < clang_Cursor_getNumArguments(call))
			return ur_arg_obj(clang_Cursor_getArgument(call, i));
		return (struct ur_obj){ 0 };
	}
	return ur_obj_dup(o);
}

/*
 * A helper that registers an object of its own making (a local it
 * allocated, not a parameter) keeps it out of the caller's reach: a
 * child port hung on the driver's device, owned by its parent.
 */
static bool owns_object(const struct build *b, const struct ur_helper *h)
{
	for (size_t i = 0; i < b->rp->n; i++) {
		const struct regpair *p = &b->rp->v[i];
		const struct ur_obj *o;
		bool param = false;

		if (strcmp(p->reg, h->ev.name))
			continue;
		o = ur_event_object(&h->ev, p);
		if (!o->key || strncmp(o->key, "l:", 2))
			return false;
		for (unsigned int j = 0; j < h->nparams; j++)
			if (!strcmp(o->key + 2, h->params[j]))
				param = true;
		return !param;
	}
	return false;
}

/* A call of a helper that only registers or only unregisters. */
static void wrapped_event(struct build *b, const struct ur_helper *h,
			  CXCursor call)
{
	struct ur_event *ev;

	if (b->hoist && h->ev.kind != EV_UNREG)
		return;
	if (h->ev.kind == EV_REG && owns_object(b, h))
		return;
	ev = new_event(b, h->ev.kind);
	ev->name = xstrdup(h->ev.name);
	ev->nargs = h->ev.nargs;
	for (unsigned int i = 0; i < ev->nargs; i++)
		ev->arg[i] = helper_arg(h, &h->ev.arg[i], call);
	ev->ptr_result = h->ev.ptr_result;
	ev->call = call;
	ev->pos = cx_cursor_start(call);
}

/*
 * A helper passed as a callback (devm_add_action_or_reset(dev, fn, x))
 * will run its unregisters later: the object is handed over.
 */
static void callback_events(struct build *b, CXCursor call)
{
	int n = clang_Cursor_getNumArguments(call);

	for (int i = 0; i < n; i++) {
		CXCursor a = ur_strip(clang_Cursor_getArgument(call, i));
		const struct ur_helper *h;
		char *name;

		if (cx_operator(a) == CX_OP_ADDR)
			a = ur_strip(clang_Cursor_getArgument(a, 0));
		if (clang_getCursorKind(a) != CXCursor_DeclRefExpr ||
		    clang_getCursorKind(clang_getCursorReferenced(a)) !=
			    CXCursor_FunctionDecl)
			continue;
		name = cx_spelling(a);
		h = ur_helper_find(b->helpers, name);
		free(name);
		for (size_t j = 0; h && j < h->nunregs; j++) {
			struct ur_event *ev = new_event(b, EV_UNREG);

			ev->name = xstrdup(h->unregs[j]);
			ev->deferred = true;
			ev->call = call;
			ev->pos = cx_cursor_start(call);
		}
	}
}

static void call_event(struct build *b, CXCursor c)
{
	char *name = cx_spelling(c);
	bool reg = regpairs_is_register(b->rp, name);
	bool unreg = regpairs_is_unregister(b->rp, name);
	const struct ur_helper *h = ur_helper_find(b->helpers, name);
	struct ur_event *ev;

	if ((reg && !b->hoist) || unreg) {
		ev = new_event(b, reg ? EV_REG : EV_UNREG);
		ev->name = name;
		fill_call(ev, c);
		return;
	}
	if (h && h->wraps)
		wrapped_event(b, h, c);
	else if (h && !b->hoist) {
		ev = new_event(b, EV_CALL);
		ev->name = xstrdup(name);
		ev->call = c;
		ev->pos = cx_cursor_start(c);
	}
	free(name);
	callback_events(b, c);
}

static bool int_constant(CXCursor c, long long *v)
{
	CXEvalResult ev = clang_Cursor_Evaluate(c);
	bool yes = false;

	if (!ev)
		return false;
	if (clang_EvalResult_getKind(ev) == CXEval_Int) {
		*v = clang_EvalResult_getAsLongLong(ev);
		yes = true;
	}
	clang_EvalResult_dispose(ev);
	return yes;
}

static enum ur_value value_of(CXCursor v)
{
	long long n;

	v = ur_strip(v);
	if (ur_call_named(v, "PTR_ERR") || ur_call_named(v, "ERR_PTR") ||
	    ur_call_named(v, "ERR_CAST"))
		return VAL_ERROR;
	if (clang_getCursorKind(v) == CXCursor_CallExpr)
		return VAL_OTHER;
	if (int_constant(v, &n))
		return n < 0 ? VAL_ERROR : VAL_OK;
	return VAL_OTHER;
}

static bool integral(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;

	return k >= CXType_Bool && k <= CXType_Int128 && k != CXType_Bool;
}

/* lhs = rhs, or a declaration with an initialiser. */
static void assign_event(struct build *b, CXCursor lhs_cur, struct ur_obj lhs,
			 CXCursor rhs)
{
	struct ur_func *fn = b->fn;
	CXCursor call = ur_strip(rhs);
	struct ur_event *ev;

	if (b->hoist) {
		ur_obj_free(&lhs);
		return;
	}
	ev = new_event(b, EV_ASSIGN);
	ev->lhs = lhs;
	ev->rhs = ur_obj_of(rhs);
	ev->value = value_of(rhs);
	ev->lhs_int = integral(clang_getCursorType(lhs_cur));
	ev->pos = cx_cursor_start(lhs_cur);
	if (clang_getCursorKind(call) != CXCursor_CallExpr)
		return;
	for (size_t i = fn->nev - 1; i-- > 0;) {
		struct ur_event *r = &fn->ev[i];

		if (r->kind == EV_REG && !clang_Cursor_isNull(r->call) &&
		    cx_same_expr(r->call, call)) {
			ur_obj_free(&r->result);
			r->result = ur_obj_dup(&ev->lhs);
			ev->from_reg = (int)i;
			break;
		}
	}
}

static struct ur_obj decl_obj(CXCursor d)
{
	struct ur_obj o;
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);

	o.shown = cx_spelling(d);
	o.key = xasprintf("%s:%s", sc == CX_SC_Static ? "g" : "l", o.shown);
	return o;
}

static enum CXChildVisitResult event_visit(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct build *b = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	unsigned int n;
	CXCursor *ch;

	(void)parent;
	clang_visitChildren(c, event_visit, b);	/* arguments first */
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
static void collect(struct build *b, CXCursor c, struct ur_node *node)
{
	node->ev = b->fn->nev;
	if (!clang_Cursor_isNull(c))
		event_visit(c, clang_getNullCursor(), b);
	node->nev = b->fn->nev - node->ev;
}

/* ---- the graph ---- */

static int new_node(struct build *b, enum ur_node_kind kind, CXCursor stmt,
		    int succ0, int succ1)
{
	struct ur_func *fn = b->fn;
	struct ur_node *n;

	GROW(fn->node, fn->nodecap, fn->nnode);
	n = &fn->node[fn->nnode];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->stmt = stmt;
	n->succ[0] = succ0;
	n->succ[1] = succ1;
	n->ev = fn->nev;
	if (!clang_Cursor_isNull(stmt))
		n->pos = cx_cursor_start(stmt);
	return (int)fn->nnode++;
}

/* A node for the events of c; nothing when c has none. */
static int leaf(struct build *b, CXCursor c, int succ)
{
	int id = new_node(b, N_PLAIN, clang_getNullCursor(), succ, -1);

	collect(b, c, &b->fn->node[id]);
	if (b->fn->node[id].nev)
		return id;
	b->fn->nnode--;
	return succ;
}

static int cond_node(struct build *b, CXCursor cond, int yes, int no)
{
	int id = new_node(b, N_COND, cond, yes, no);

	collect(b, cond, &b->fn->node[id]);
	return id;
}

static int label_node(struct build *b, const char *name)
{
	for (size_t i = 0; i < b->nlabel; i++)
		if (!strcmp(b->label[i], name))
			return b->label_node[i];
	return -1;
}

static enum CXChildVisitResult find_labels(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct build *b = data;
	size_t cap = b->labelcap;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_LabelStmt)
		return CXChildVisit_Recurse;
	GROW(b->label, b->labelcap, b->nlabel);
	if (cap != b->labelcap)
		b->label_node = xrealloc(b->label_node,
					 b->labelcap * sizeof(*b->label_node));
	b->label[b->nlabel] = cx_spelling(c);
	b->label_node[b->nlabel++] =
		new_node(b, N_PLAIN, clang_getNullCursor(), b->end, -1);
	return CXChildVisit_Recurse;
}

static int build(struct build *b, CXCursor s, int succ);
static int hoisted(struct build *b, CXCursor body, int succ);

static int build_block(struct build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);

	for (unsigned int i = n; i-- > 0;)
		succ = build(b, ch[i], succ);
	free(ch);
	return succ;
}

static int build_if(struct build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	int yes, no;

	if (n < 2) {
		free(ch);
		return leaf(b, s, succ);
	}
	yes = build(b, ch[1], succ);
	no = n > 2 ? build(b, ch[2], succ) : succ;
	/*
	 * 'if (priv->registered) U(x)': the check cannot read such a flag
	 * (registration-flag reports it), so an unregister under any test
	 * counts on both branches; only what the test says about a register
	 * result (a failed R owes nothing) is taken from the condition.
	 */
	if (n == 2)
		no = hoisted(b, ch[1], no);
	yes = cond_node(b, ch[0], yes, no);
	free(ch);
	return yes;
}

/* An unwind loop's unregisters, applied when the loop is entered. */
static int hoisted(struct build *b, CXCursor body, int succ)
{
	int id = new_node(b, N_PLAIN, clang_getNullCursor(), succ, -1);
	bool was = b->hoist;

	b->hoist = true;
	collect(b, body, &b->fn->node[id]);
	b->hoist = was;
	if (b->fn->node[id].nev)
		return id;
	b->fn->nnode--;
	return succ;
}

/*
 * A loop: 'head' tests and enters 'body' or leaves to succ.  'cond' is
 * null when the condition cannot be named (for statements).
 */
static int build_loop(struct build *b, CXCursor cond, CXCursor body, int succ,
		      bool body_first)
{
	int brk = b->brk, cont = b->cont, head, entry;

	head = cond_node(b, cond, -1, succ);
	b->brk = succ;
	b->cont = head;
	entry = build(b, body, head);
	b->brk = brk;
	b->cont = cont;
	b->fn->node[head].succ[0] = entry;
	return hoisted(b, body, body_first ? entry : head);
}

static int build_do(struct build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	long long v = 1;
	int brk = b->brk, cont = b->cont, entry;

	if (n != 2) {
		free(ch);
		return leaf(b, s, succ);
	}
	if (int_constant(ch[1], &v) && v == 0) {
		/* do { } while (0): a macro's block, run once. */
		b->brk = b->cont = succ;
		entry = build(b, ch[0], succ);
		b->brk = brk;
		b->cont = cont;
	} else {
		entry = build_loop(b, ch[1], ch[0], succ, true);
	}
	free(ch);
	return entry;
}

static int build_for(struct build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	int entry = succ;

	if (n) {
		entry = build_loop(b, clang_getNullCursor(), ch[n - 1], succ,
				   false);
		for (unsigned int i = n - 1; i-- > 0;)
			entry = leaf(b, ch[i], entry);
	}
	free(ch);
	return entry;
}

static int build_switch(struct build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	int *cases = b->cases, brk = b->brk, dflt = b->dflt, entry;
	size_t ncases = b->ncases, casecap = b->casecap;

	if (n != 2) {
		free(ch);
		return leaf(b, s, succ);
	}
	b->cases = NULL;
	b->ncases = b->casecap = 0;
	b->brk = succ;
	b->dflt = -1;
	build(b, ch[1], succ);
	/* Each case may be taken: a chain of unknown tests. */
	entry = b->dflt >= 0 ? b->dflt : succ;
	for (size_t i = b->ncases; i-- > 0;)
		entry = new_node(b, N_COND, clang_getNullCursor(), b->cases[i],
				 entry);
	entry = leaf(b, ch[0], entry);
	free(b->cases);
	b->cases = cases;
	b->ncases = ncases;
	b->casecap = casecap;
	b->brk = brk;
	b->dflt = dflt;
	free(ch);
	return entry;
}

static int build_case(struct build *b, CXCursor s, int succ, bool dflt)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	int id = n ? build(b, ch[n - 1], succ) : succ;

	free(ch);
	if (dflt) {
		b->dflt = id;
	} else {
		GROW(b->cases, b->casecap, b->ncases);
		b->cases[b->ncases++] = id;
	}
	return id;
}

static int build_goto(struct build *b, CXCursor s)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	int to = b->end;

	if (n) {
		char *name = cx_spelling(ch[0]);

		to = label_node(b, name);
		free(name);
	}
	free(ch);
	return to >= 0 ? to : b->end;
}

static int build_label(struct build *b, CXCursor s, int succ)
{
	char *name = cx_spelling(s);
	int id = label_node(b, name);
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);

	free(name);
	if (id >= 0)
		b->fn->node[id].succ[0] = n ? build(b, ch[n - 1], succ) : succ;
	free(ch);
	return id >= 0 ? id : succ;
}

static int build_return(struct build *b, CXCursor s)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	CXCursor v = n ? ch[n - 1] : clang_getNullCursor();
	int id = new_node(b, N_RETURN, v, -1, -1);

	collect(b, v, &b->fn->node[id]);
	b->fn->node[id].pos = cx_cursor_start(s);
	free(ch);
	return id;
}

static int build(struct build *b, CXCursor s, int succ)
{
	switch (clang_getCursorKind(s)) {
	case CXCursor_CompoundStmt:
		return build_block(b, s, succ);
	case CXCursor_IfStmt:
		return build_if(b, s, succ);
	case CXCursor_WhileStmt: {
		unsigned int n;
		CXCursor *ch = cx_children(s, &n);
		int id = n == 2 ? build_loop(b, ch[0], ch[1], succ, false) :
				  leaf(b, s, succ);

		free(ch);
		return id;
	}
	case CXCursor_DoStmt:
		return build_do(b, s, succ);
	case CXCursor_ForStmt:
		return build_for(b, s, succ);
	case CXCursor_SwitchStmt:
		return build_switch(b, s, succ);
	case CXCursor_CaseStmt:
		return build_case(b, s, succ, false);
	case CXCursor_DefaultStmt:
		return build_case(b, s, succ, true);
	case CXCursor_GotoStmt:
		return build_goto(b, s);
	case CXCursor_IndirectGotoStmt:
		return b->end;
	case CXCursor_LabelStmt:
		return build_label(b, s, succ);
	case CXCursor_ReturnStmt:
		return build_return(b, s);
	case CXCursor_BreakStmt:
		return b->brk >= 0 ? b->brk : b->end;
	case CXCursor_ContinueStmt:
		return b->cont >= 0 ? b->cont : b->end;
	case CXCursor_NullStmt:
		return succ;
	default:
		return leaf(b, s, succ);
	}
}

void ur_func_build(struct ur_func *fn, CXCursor decl,
		   const struct regpairs *rp, const struct ur_helpers *h)
{
	struct build b = { .fn = fn, .rp = rp, .helpers = h,
			   .brk = -1, .cont = -1, .dflt = -1 };
	unsigned int n;
	CXCursor *ch = cx_children(decl, &n);
	CXType rt = clang_getResultType(clang_getCursorType(decl));

	memset(fn, 0, sizeof(*fn));
	fn->decl = decl;
	fn->name = cx_spelling(decl);
	fn->pos = cx_cursor_start(decl);
	fn->returns_pointer = clang_getCanonicalType(rt).kind == CXType_Pointer;
	b.end = new_node(&b, N_END, clang_getNullCursor(), -1, -1);
	fn->entry = b.end;
	if (n && clang_getCursorKind(ch[n - 1]) == CXCursor_CompoundStmt) {
		clang_visitChildren(ch[n - 1], find_labels, &b);
		fn->entry = build(&b, ch[n - 1], b.end);
	}
	free(ch);
	for (size_t i = 0; i < b.nlabel; i++)
		free(b.label[i]);
	free(b.label);
	free(b.label_node);
	free(b.cases);
}

void ur_func_free(struct ur_func *fn)
{
	for (size_t i = 0; i < fn->nev; i++)
		ur_event_free(&fn->ev[i]);
	free(fn->ev);
	free(fn->node);
	free(fn->name);
}
