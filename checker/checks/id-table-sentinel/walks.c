// SPDX-License-Identifier: GPL-2.0-only
/*
 * id-table-sentinel: walks written by hand.  Besides the bus cores'
 * matchers, drivers walk tables themselves:
 *
 *	for (id = foo_ids; id->vendor; id++)		(a loop)
 *	static u32 detect(..., const struct usb_device_id *id)
 *	{ for (; id->match_flags; id++) ... }		(a helper)
 *	detect(udev, usb_quirk_list);
 *
 * A loop walks a pointer to the sentinel when its condition reads only
 * that pointer's members and the loop steps the pointer.  A table flows
 * into such a pointer by assignment or initialisation, and into a helper
 * of the same file by a call; a helper's parameter is also walked when
 * the helper passes it to a listed walker.  One level is followed.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/id-table-sentinel/internal.h"
#include "lib/strset.h"
#include "lib/util.h"

/* The pointer's identity: a variable, or a function's parameter. */
static void target_of(CXCursor var, CXCursor *decl, CXCursor *function,
		      int *param)
{
	CXCursor fn = clang_getCursorSemanticParent(var);

	*decl = clang_getCanonicalCursor(var);
	*function = clang_getNullCursor();
	*param = -1;
	if (clang_getCursorKind(var) != CXCursor_ParmDecl ||
	    clang_getCursorKind(fn) != CXCursor_FunctionDecl)
		return;
	for (int i = 0; i < clang_Cursor_getNumArguments(fn); i++) {
		if (clang_equalCursors(clang_Cursor_getArgument(fn, i), var)) {
			*function = clang_getCanonicalCursor(fn);
			*param = i;
		}
	}
}

static bool same_target(const struct walk_target *a,
			const struct walk_target *b)
{
	if (a->param >= 0 || b->param >= 0)
		return a->param == b->param &&
		       clang_equalCursors(a->function, b->function);
	return clang_equalCursors(a->decl, b->decl);
}

static void make_target(struct walk_target *t, CXCursor var)
{
	target_of(var, &t->decl, &t->function, &t->param);
}

void walks_flow_into_var(struct walk *w, size_t table, CXCursor var,
			 CXCursor at)
{
	struct walk_flow *f;

	GROW(w->flow, w->fcap, w->nflow);
	f = &w->flow[w->nflow++];
	make_target(&f->target, var);
	f->table = table;
	f->pos = cx_cursor_start(at);
}

void walks_flow_into_call(struct walk *w, size_t table, CXCursor callee,
			  int param, CXCursor at)
{
	struct walk_flow *f;

	GROW(w->flow, w->fcap, w->nflow);
	f = &w->flow[w->nflow++];
	f->target.decl = clang_getNullCursor();
	f->target.function = clang_getCanonicalCursor(callee);
	f->target.param = param;
	f->table = table;
	f->pos = cx_cursor_start(at);
}

/*
 * Every store into a pointer to an entry, whatever it stores: a table
 * reaches a loop only if nothing else was stored in between.
 */
void walks_note_store(struct walk *w, CXCursor c)
{
	CXCursor var = clang_getNullCursor();
	struct walk_flow *f;

	if (clang_getCursorKind(c) == CXCursor_VarDecl) {
		unsigned int n;
		CXCursor *ch = cx_children(c, &n);
		bool init = n &&
			    clang_getCursorKind(ch[n - 1]) != CXCursor_TypeRef;

		free(ch);
		if (init)
			var = c;
	} else if (cx_operator(c) == CX_OP_ASSIGN) {
		unsigned int n;
		CXCursor *ch = cx_children(c, &n);

		if (n == 2 &&
		    clang_getCursorKind(ch[0]) == CXCursor_DeclRefExpr)
			var = clang_getCursorReferenced(ch[0]);
		free(ch);
	}
	if (clang_Cursor_isNull(var) || !walks_points_to_entry(w, var))
		return;
	GROW(w->assign, w->acap, w->nassign);
	f = &w->assign[w->nassign++];
	make_target(&f->target, var);
	f->table = (size_t)-1;
	f->pos = cx_cursor_start(c);
}

/* Does the value stored at flow f still hold where the walk starts? */
static bool reaches(const struct walk *w, const struct walk_flow *f,
		    const struct walk_walked *k)
{
	if (f->target.param >= 0)
		return true; /* a call: the helper gets the table */
	if (f->pos.offset >= k->pos.offset)
		return false;
	for (size_t i = 0; i < w->nassign; i++) {
		const struct walk_flow *a = &w->assign[i];

		if (same_target(&a->target, &f->target) &&
		    a->pos.offset > f->pos.offset &&
		    a->pos.offset < k->pos.offset)
			return false;
	}
	return true;
}

static void add_walked(struct walk *w, CXCursor var, enum consumer_kind kind,
		       const char *how, CXCursor at)
{
	struct walk_walked *k;

	GROW(w->walked, w->kcap, w->nwalked);
	k = &w->walked[w->nwalked++];
	make_target(&k->target, var);
	k->kind = kind;
	k->how = xstrdup(how);
	k->pos = cx_cursor_start(at);
}

/*
 * A pointer handed to a listed walker: a parameter makes its function a
 * walker of that argument; a local variable is walked by the walker.
 */
void walks_pointer_to_walker(struct walk *w, CXCursor var, const char *walker,
			     CXCursor call)
{
	char *name;

	if (clang_getCursorKind(var) != CXCursor_ParmDecl) {
		add_walked(w, var, BY_CALL, walker, call);
		return;
	}
	name = cx_spelling(clang_getCursorSemanticParent(var));
	add_walked(w, var, BY_CALL, name, call);
	free(name);
}

/* ---- loops ---- */

struct cond_scan {
	CXCursor var[2]; /* the variables the condition reads */
	int nvar;
	bool other, member;
};

/* Is an operand of the comparison a variable itself (not a member)? */
static bool compares_variable(CXCursor op)
{
	unsigned int n;
	CXCursor *ch = cx_children(op, &n);
	bool yes = false;

	for (unsigned int i = 0; i < n; i++) {
		CXCursor c = ch[i];
		unsigned int m;
		CXCursor *inner;

		while ((clang_getCursorKind(c) == CXCursor_UnexposedExpr ||
			clang_getCursorKind(c) == CXCursor_ParenExpr) &&
		       (inner = cx_children(c, &m)) != NULL) {
			CXCursor next = m == 1 ? inner[0] : c;

			free(inner);
			if (clang_equalCursors(next, c))
				break;
			c = next;
		}
		if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
			yes = true;
	}
	free(ch);
	return yes;
}

static void cond_var(struct cond_scan *s, CXCursor d)
{
	for (int i = 0; i < s->nvar; i++)
		if (clang_equalCursors(s->var[i], d))
			return;
	if (s->nvar == 2)
		s->other = true;
	else
		s->var[s->nvar++] = d;
}

/*
 * What the condition reads: at most two variables (a pointer, or a table
 * and an index), a member of an entry, and no call (a bound or a helper
 * deciding the end).
 */
static enum CXChildVisitResult scan_cond(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct cond_scan *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_DeclRefExpr) {
		CXCursor d =
			clang_getCanonicalCursor(clang_getCursorReferenced(c));
		enum CXCursorKind dk = clang_getCursorKind(d);

		if (dk == CXCursor_VarDecl || dk == CXCursor_ParmDecl)
			cond_var(s, d);
	} else if (k == CXCursor_MemberRefExpr) {
		s->member = true;
	} else if (k == CXCursor_CallExpr || k == CXCursor_UnaryExpr) {
		s->other = true;
	} else if (k == CXCursor_BinaryOperator &&
		   cx_operator(c) == CX_OP_COMPARE && compares_variable(c)) {
		s->other = true; /* 'i < n', 'p != end': a bound */
	}
	return CXChildVisit_Recurse;
}

struct step_scan {
	CXCursor ptr;
	bool steps;
};

/* 'ptr++', '++ptr', 'ptr += 1': the loop moves along the table. */
static enum CXChildVisitResult scan_step(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct step_scan *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if (k == CXCursor_UnaryOperator ||
	    k == CXCursor_CompoundAssignOperator) {
		enum cx_op op = cx_operator(c);
		unsigned int n;
		CXCursor *ch = cx_children(c, &n);

		if (n && (op == CX_OP_INCDEC || op == CX_OP_COMPOUND) &&
		    clang_getCursorKind(ch[0]) == CXCursor_DeclRefExpr &&
		    clang_equalCursors(clang_getCanonicalCursor(
					       clang_getCursorReferenced(ch[0])),
				       s->ptr))
			s->steps = true;
		free(ch);
	}
	return s->steps ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* A for statement's condition: the child between its two ';'. */
static CXCursor for_condition(const struct walk *w, CXCursor loop)
{
	const char *s = w->unit->source;
	struct cx_pos p = cx_cursor_start(loop);
	size_t i = p.offset, semi[2] = { 0, 0 }, nsemi = 0;
	unsigned int n;
	CXCursor *ch, cond = clang_getNullCursor();
	int depth = 0;

	if (!p.file || !clang_File_isEqual(p.file, w->unit->main_file) ||
	    strncmp(s + i, "for", 3))
		return cond;
	for (; i < w->unit->source_len && nsemi < 2; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0)
			break;
		else if (s[i] == ';' && depth == 1)
			semi[nsemi++] = i;
	}
	if (nsemi < 2)
		return cond;
	ch = cx_children(loop, &n);
	for (unsigned int k = 0; k < n; k++) {
		unsigned int off = cx_cursor_start(ch[k]).offset;

		if (off > semi[0] && off < semi[1])
			cond = ch[k];
	}
	free(ch);
	return cond;
}

static CXCursor loop_condition(const struct walk *w, CXCursor loop)
{
	unsigned int n;
	CXCursor *ch, cond = clang_getNullCursor();

	if (clang_getCursorKind(loop) == CXCursor_ForStmt)
		return for_condition(w, loop);
	ch = cx_children(loop, &n);
	if (n == 2)
		cond = clang_getCursorKind(loop) == CXCursor_WhileStmt ? ch[0] :
									 ch[1];
	free(ch);
	return cond;
}

/* A pointer to a table entry: 'const struct pci_device_id *'. */
bool walks_points_to_entry(const struct walk *w, CXCursor var)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	char *tag;
	bool yes;

	if (t.kind != CXType_Pointer)
		return false;
	t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_Record)
		return false;
	tag = cx_spelling(clang_getTypeDeclaration(t));
	yes = strset_has(&w->rules->types, tag);
	free(tag);
	return yes;
}

static bool loop_steps(CXCursor loop, CXCursor var)
{
	struct step_scan ss = { .ptr = var, .steps = false };

	clang_visitChildren(loop, scan_step, &ss);
	return ss.steps;
}

/*
 * 'for (; p->x; p++)' walks pointer p; 'for (i = 0; tbl[i].x; i++)'
 * walks table tbl itself.
 */
void walks_note_loop(struct walk *w, CXCursor loop)
{
	CXCursor cond = loop_condition(w, loop);
	struct cond_scan cs = { .nvar = 0 };
	char *fn;

	if (clang_Cursor_isNull(cond))
		return;
	clang_visitChildren(cond, scan_cond, &cs);
	if (cs.other || !cs.member || !cs.nvar)
		return;
	fn = clang_Cursor_isNull(w->function) ? xstrdup("") :
						cx_spelling(w->function);
	if (cs.nvar == 1 && walks_points_to_entry(w, cs.var[0]) &&
	    loop_steps(loop, cs.var[0])) {
		/* the walk starts where the condition is first read */
		add_walked(w, cs.var[0], BY_LOOP, fn, cond);
	} else if (cs.nvar == 2) {
		for (int i = 0; i < 2; i++) {
			CXCursor tbl = cs.var[i], idx = cs.var[1 - i];

			if (sentinel_is_table(w, tbl) &&
			    loop_steps(loop, idx)) {
				size_t t = sentinel_table_index(w, tbl);

				sentinel_add_consumer(&w->table[t], BY_LOOP, fn,
						      cx_cursor_start(loop));
			}
		}
	}
	free(fn);
}

/* Tables that flowed into a walked pointer get that walk as a consumer. */
void walks_resolve(struct walk *w)
{
	for (size_t i = 0; i < w->nflow; i++) {
		const struct walk_flow *f = &w->flow[i];

		for (size_t k = 0; k < w->nwalked; k++) {
			const struct walk_walked *k2 = &w->walked[k];

			if (!same_target(&f->target, &k2->target) ||
			    !reaches(w, f, k2))
				continue;
			/* a helper is named where it is called with the table */
			if (f->target.param >= 0)
				sentinel_add_consumer(&w->table[f->table],
						      BY_CALL, k2->how, f->pos);
			else
				sentinel_add_consumer(&w->table[f->table],
						      k2->kind, k2->how,
						      k2->pos);
			break;
		}
	}
}

void walks_free(struct walk *w)
{
	for (size_t k = 0; k < w->nwalked; k++)
		free(w->walked[k].how);
	free(w->walked);
	free(w->flow);
	free(w->assign);
}
