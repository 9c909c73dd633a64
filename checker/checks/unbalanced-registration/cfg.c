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

#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

/* ---- the graph ---- */

static int new_node(struct ur_build *b, enum ur_node_kind kind, CXCursor stmt,
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
static int leaf(struct ur_build *b, CXCursor c, int succ)
{
	int id = new_node(b, N_PLAIN, clang_getNullCursor(), succ, -1);

	ur_collect(b, c, &b->fn->node[id]);
	if (b->fn->node[id].nev)
		return id;
	b->fn->nnode--;
	return succ;
}

static int cond_node(struct ur_build *b, CXCursor cond, int yes, int no)
{
	int id = new_node(b, N_COND, cond, yes, no);

	ur_collect(b, cond, &b->fn->node[id]);
	return id;
}

static int label_node(struct ur_build *b, const char *name)
{
	for (size_t i = 0; i < b->nlabel; i++)
		if (!strcmp(b->label[i], name))
			return b->label_node[i];
	return -1;
}

static enum CXChildVisitResult find_labels(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct ur_build *b = data;
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

static int build(struct ur_build *b, CXCursor s, int succ);
static int hoisted(struct ur_build *b, CXCursor body, int succ);

static int build_block(struct ur_build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);

	for (unsigned int i = n; i-- > 0;)
		succ = build(b, ch[i], succ);
	free(ch);
	return succ;
}

static int build_if(struct ur_build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	int yes, no;

	if (n < 2) {
		free(ch);
		return leaf(b, s, succ);
	}
	GROW(b->guards, b->guardcap, b->nguards);
	b->guards[b->nguards++] = ch[0];
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
	b->nguards--;
	yes = cond_node(b, ch[0], yes, no);
	free(ch);
	return yes;
}

/* An unwind loop's unregisters, applied when the loop is entered. */
static int hoisted(struct ur_build *b, CXCursor body, int succ)
{
	int id = new_node(b, N_PLAIN, clang_getNullCursor(), succ, -1);
	bool was = b->hoist;

	b->hoist = true;
	ur_collect(b, body, &b->fn->node[id]);
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
static int build_loop(struct ur_build *b, CXCursor cond, CXCursor body,
		      int succ, bool body_first)
{
	int brk = b->brk, cont = b->cont, head, entry;

	head = cond_node(b, cond, -1, succ);
	b->brk = succ;
	b->cont = head;
	b->loops++;
	entry = build(b, body, head);
	b->loops--;
	b->brk = brk;
	b->cont = cont;
	b->fn->node[head].succ[0] = entry;
	return hoisted(b, body, body_first ? entry : head);
}

static int build_do(struct ur_build *b, CXCursor s, int succ)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	long long v = 1;
	int brk = b->brk, cont = b->cont, entry;

	if (n != 2) {
		free(ch);
		return leaf(b, s, succ);
	}
	if (cx_int_constant(ch[1], &v) && v == 0) {
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

static int build_for(struct ur_build *b, CXCursor s, int succ)
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

static int build_switch(struct ur_build *b, CXCursor s, int succ)
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

static int build_case(struct ur_build *b, CXCursor s, int succ, bool dflt)
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

static int build_goto(struct ur_build *b, CXCursor s)
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

static int build_label(struct ur_build *b, CXCursor s, int succ)
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

static int build_return(struct ur_build *b, CXCursor s)
{
	unsigned int n;
	CXCursor *ch = cx_children(s, &n);
	CXCursor v = n ? ch[n - 1] : clang_getNullCursor();
	int id = new_node(b, N_RETURN, v, -1, -1);

	ur_collect(b, v, &b->fn->node[id]);
	b->fn->node[id].pos = cx_cursor_start(s);
	free(ch);
	return id;
}

static int build(struct ur_build *b, CXCursor s, int succ)
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

/*
 * 'pdev = R(...); ret = PTR_ERR_OR_ZERO(pdev);': ret is non-zero exactly
 * when R failed; so is 'err = major' of a register that returns a number
 * ('major = register_chrdev(...); err = major; if (err < 0) ...').
 * Events are made backwards, so this is linked after.
 */
static void link_statuses(struct ur_func *fn)
{
	for (size_t i = 0; i < fn->nev; i++) {
		const struct ur_event *a = &fn->ev[i];

		if (a->kind != EV_ASSIGN || !(a->err_of || a->lhs_int) ||
		    !a->rhs.key || !a->lhs.key)
			continue;
		for (size_t j = 0; j < fn->nev; j++) {
			struct ur_event *r = &fn->ev[j];

			if ((r->kind == EV_REG || r->kind == EV_DEVM) &&
			    (a->err_of || !r->ptr_result) && r->result.key &&
			    !strcmp(r->result.key, a->rhs.key) &&
			    strcmp(r->result.key, a->lhs.key) && !r->status.key)
				r->status = ur_obj_dup(&a->lhs);
		}
	}
}

static void alias_object(struct ur_obj *o, const char *member,
			 const char *local)
{
	if (!o->key || o->alias)
		return;
	if (!strcmp(o->key, member))
		o->alias = xstrdup(local);
	else if (!strcmp(o->key, local))
		o->alias = xstrdup(member);
	else if (o->root && !strcmp(o->root, local))
		o->alias = xasprintf("%s%s", member, o->path);
}

/*
 * Is key given more than one object in fn (a local reused for each node,
 * 'vfd = &dev->vid_cap_dev' ... 'vfd = &dev->vbi_cap_dev')?  Then it
 * names none of them for sure.  NULL and calls do not count.
 */
static bool reassigned(const struct ur_func *fn, const char *key)
{
	unsigned int n = 0;

	for (size_t i = 0; i < fn->nev && n < 2; i++)
		n += fn->ev[i].kind == EV_ASSIGN && fn->ev[i].lhs.key &&
		     fn->ev[i].rhs.key && !strcmp(fn->ev[i].lhs.key, key);
	return n > 1;
}

/*
 * 'STm->cdevs[rew] = cdev', 'iboe = &ibdev->iboe', 'dev = priv->dev': in
 * this function the local and the member name one object, whichever the
 * register and the unregister spell.
 */
static void link_aliases(struct ur_func *fn)
{
	for (size_t i = 0; i < fn->nev; i++) {
		const struct ur_event *a = &fn->ev[i];
		const char *member, *local;

		if (a->kind != EV_ASSIGN || a->err_of || a->lhs_int ||
		    !a->rhs.key || !a->lhs.key ||
		    (!strncmp(a->lhs.key, "l:", 2) &&
		     !strncmp(a->rhs.key, "l:", 2)) ||
		    reassigned(fn, a->lhs.key))
			continue;
		/* 'd->handle = adev->handle': two members, rhs the copy's. */
		local = strncmp(a->lhs.key, "l:", 2) ? a->rhs.key : a->lhs.key;
		member = local == a->lhs.key ? a->rhs.key : a->lhs.key;
		for (size_t j = 0; j < fn->nev; j++) {
			struct ur_event *e = &fn->ev[j];

			if (e->kind != EV_REG && e->kind != EV_UNREG)
				continue;
			for (unsigned int k = 0; k < e->nargs; k++)
				alias_object(&e->arg[k], member, local);
			alias_object(&e->result, member, local);
		}
	}
}

/* 'static int __init foo_init(void)': an __init before the name. */
static bool declared_init(CXCursor decl)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(decl);
	CXSourceRange r =
		clang_getRange(clang_getRangeStart(clang_getCursorExtent(decl)),
			       clang_getCursorLocation(decl));
	CXToken *tok;
	unsigned int n;
	bool found = false;

	clang_tokenize(tu, r, &tok, &n);
	for (unsigned int i = 0; i < n && !found; i++) {
		CXString s;

		if (clang_getTokenKind(tok[i]) != CXToken_Identifier)
			continue;
		s = clang_getTokenSpelling(tu, tok[i]);
		found = !strcmp(clang_getCString(s), "__init");
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	return found;
}

void ur_func_build(struct ur_func *fn, CXCursor decl, const struct regpairs *rp,
		   const struct ur_helpers *h)
{
	struct ur_build b = { .fn = fn,
			      .rp = rp,
			      .helpers = h,
			      .brk = -1,
			      .cont = -1,
			      .dflt = -1 };
	unsigned int n;
	CXCursor *ch = cx_children(decl, &n);
	CXType rt = clang_getResultType(clang_getCursorType(decl));

	memset(fn, 0, sizeof(*fn));
	fn->decl = decl;
	fn->name = cx_spelling(decl);
	fn->pos = cx_cursor_start(decl);
	fn->returns_pointer = clang_getCanonicalType(rt).kind == CXType_Pointer;
	fn->init_text = declared_init(decl);
	b.end = new_node(&b, N_END, clang_getNullCursor(), -1, -1);
	fn->entry = b.end;
	if (n && clang_getCursorKind(ch[n - 1]) == CXCursor_CompoundStmt) {
		struct cx_pos close = cx_cursor_end(ch[n - 1]);

		/* Falling off the end: at the body's closing brace. */
		if (close.column > 1)
			close.column--;
		fn->node[b.end].pos = close;
		clang_visitChildren(ch[n - 1], find_labels, &b);
		fn->entry = build(&b, ch[n - 1], b.end);
		link_statuses(fn);
		link_aliases(fn);
	}
	free(ch);
	for (size_t i = 0; i < b.nlabel; i++)
		free(b.label[i]);
	free(b.label);
	free(b.label_node);
	free(b.cases);
	free(b.guards);
}

void ur_func_free(struct ur_func *fn)
{
	for (size_t i = 0; i < fn->nev; i++)
		ur_event_free(&fn->ev[i]);
	free(fn->ev);
	free(fn->node);
	free(fn->name);
}
