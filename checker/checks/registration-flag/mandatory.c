// SPDX-License-Identifier: GPL-2.0-only
/*
 * registration-flag: which flags are redundant.
 *
 * A flag that records a registration is worth changing only when the
 * registration is mandatory: made unconditionally by an init or probe
 * function that fails when it fails.  Then exit or remove, which run only
 * after that function succeeded, always find the flag true, and the test
 * is dead weight that hides the structure.  A flag that records an
 * optional registration (under a module parameter, a DMI or firmware
 * test), one of two alternatives, a registration whose failure is
 * tolerated, or one made and undone at run time (hot-plug, an exported
 * API, lazy initialisation) carries real state: it is not reported.
 *
 * The roles of the file's functions:
 *  - setup: declared __init, named by module_init(), stored in a '.probe'
 *    member, or handed to __platform_driver_probe();
 *  - teardown: declared __exit, named by module_exit(), or stored in
 *    '.remove', '.remove_new' or
 *    '.disconnect'; also a static function called only from those.  A
 *    teardown function that something else calls as well (an exit that
 *    init calls to unwind its own failure) is none.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/registration-flag/internal.h"

enum role { ROLE_NONE, ROLE_SETUP, ROLE_TEARDOWN };

/* A reference to a function of the file: a call, or its address. */
struct fref {
	CXCursor fn; /* canonical FunctionDecl referenced */
	CXCursor from; /* canonical function it appears in, or null */
	bool call;
	enum role role; /* what the place it is stored in says */
};

struct rf_roles {
	const struct walk *w;
	struct fref *ref;
	size_t nref, cap;
	CXCursor *stack;
	size_t depth, scap;
	CXCursor function; /* the function being visited, or null */
};

static bool is_ident(char c)
{
	return c == '_' || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The word of the main file's text at [a, b), and is it 'word'? */
static bool word_at(const struct walk *w, size_t a, size_t b, const char *word)
{
	size_t n = strlen(word);

	return b - a == n && b <= w->unit->source_len &&
	       !strncmp(w->unit->source + a, word, n);
}

/* Is 'word' one of the words of the text from 'from' to 'to'? */
static bool has_word(const struct walk *w, size_t from, size_t to,
		     const char *word)
{
	const char *s = w->unit->source;

	for (size_t i = from; i < to && i < w->unit->source_len;) {
		size_t j = i;

		while (j < to && is_ident(s[j]))
			j++;
		if (j > i && word_at(w, i, j, word))
			return true;
		i = j > i ? j : i + 1;
	}
	return false;
}

/* '__init' or '__exit' between a function's start and its name. */
static enum role marked(const struct walk *w, CXCursor fn)
{
	struct cx_pos a = cx_cursor_start(fn);
	struct cx_pos b = cx_expansion(clang_getCursorLocation(fn));

	if (!a.file || !clang_File_isEqual(a.file, w->unit->main_file) ||
	    !b.file || !clang_File_isEqual(b.file, w->unit->main_file) ||
	    b.offset <= a.offset)
		return ROLE_NONE;
	if (has_word(w, a.offset, b.offset, "__init"))
		return ROLE_SETUP;
	if (has_word(w, a.offset, b.offset, "__exit"))
		return ROLE_TEARDOWN;
	return ROLE_NONE;
}

/* '.member = <here>': what the member says about the function stored. */
static enum role stored_in(const struct walk *w, unsigned int offset)
{
	const char *s = w->unit->source;
	size_t i = offset, end;

	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t' ||
			 s[i - 1] == '\n' || s[i - 1] == '&'))
		i--;
	if (i == 0 || s[i - 1] != '=')
		return ROLE_NONE;
	i--;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	end = i;
	while (i > 0 && is_ident(s[i - 1]))
		i--;
	if (i == 0 || s[i - 1] != '.' || i == end)
		return ROLE_NONE;
	if (word_at(w, i, end, "probe"))
		return ROLE_SETUP;
	if (word_at(w, i, end, "remove") || word_at(w, i, end, "remove_new") ||
	    word_at(w, i, end, "disconnect"))
		return ROLE_TEARDOWN;
	return ROLE_NONE;
}

static void add_ref(struct rf_roles *r, CXCursor fn, bool call, enum role role)
{
	struct fref *f;

	GROW(r->ref, r->cap, r->nref);
	f = &r->ref[r->nref++];
	f->fn = clang_getCanonicalCursor(fn);
	f->from = clang_Cursor_isNull(r->function) ?
			  r->function :
			  clang_getCanonicalCursor(r->function);
	f->call = call;
	f->role = role;
}

/* The call whose callee the reference at the top of the stack names. */
static bool is_callee(const struct rf_roles *r)
{
	for (size_t i = r->depth - 1; i-- > 0;) {
		CXCursor a = r->stack[i];

		if (clang_getCursorKind(a) == CXCursor_CallExpr)
			return cx_same_expr(cx_child(a, 0), r->stack[i + 1]);
		if (clang_getCursorKind(a) != CXCursor_UnexposedExpr &&
		    clang_getCursorKind(a) != CXCursor_ParenExpr)
			return false;
	}
	return false;
}

/*
 * module_init(fn) and module_exit(fn) as they expand: the variable
 * '__initcall_...' or '__exitcall_...' that holds fn, or, in modular
 * builds, the function '__inittest' or '__exittest' that returns it.
 */
static enum role initcall_role(const struct rf_roles *r)
{
	for (size_t i = r->depth - 1; i-- > 0;) {
		enum CXCursorKind k = clang_getCursorKind(r->stack[i]);
		char *name;
		enum role role = ROLE_NONE;

		if (k != CXCursor_VarDecl && k != CXCursor_FunctionDecl)
			continue;
		name = cx_spelling(r->stack[i]);
		if (!strncmp(name, "__initcall", 10) ||
		    !strcmp(name, "__inittest"))
			role = ROLE_SETUP;
		else if (!strncmp(name, "__exitcall", 10) ||
			 !strcmp(name, "__exittest"))
			role = ROLE_TEARDOWN;
		free(name);
		return role;
	}
	return ROLE_NONE;
}

static void note_reference(struct rf_roles *r, CXCursor c)
{
	CXCursor d = clang_getCursorReferenced(c);
	struct cx_pos at;
	enum role role = ROLE_NONE;

	if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
		return;
	if (is_callee(r)) {
		add_ref(r, d, true, ROLE_NONE);
		return;
	}
	at = cx_cursor_start(c);
	if (at.file && clang_File_isEqual(at.file, r->w->unit->main_file))
		role = stored_in(r->w, at.offset);
	for (size_t i = r->depth - 1; i-- > 0 && role == ROLE_NONE;)
		if (clang_getCursorKind(r->stack[i]) == CXCursor_CallExpr &&
		    cx_call_named(r->stack[i], "__platform_driver_probe"))
			role = ROLE_SETUP;
	if (role == ROLE_NONE)
		role = initcall_role(r);
	add_ref(r, d, false, role);
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct rf_roles *r = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor saved = r->function;

	(void)parent;
	if (!r->depth && !cx_in_file(c, r->w->unit->main_file))
		return CXChildVisit_Continue;
	GROW(r->stack, r->scap, r->depth);
	r->stack[r->depth++] = c;
	if (k == CXCursor_FunctionDecl) {
		r->function = c;
		add_ref(r, c, false, marked(r->w, c));
	} else if (k == CXCursor_DeclRefExpr) {
		note_reference(r, c);
	}
	clang_visitChildren(c, visit, r);
	r->function = saved;
	r->depth--;
	return CXChildVisit_Continue;
}

struct rf_roles *rf_roles_new(const struct walk *w)
{
	struct rf_roles *r = xcalloc(1, sizeof(*r));

	r->w = w;
	r->function = clang_getNullCursor();
	clang_visitChildren(clang_getTranslationUnitCursor(w->unit->tu), visit,
			    r);
	free(r->stack);
	r->stack = NULL;
	return r;
}

void rf_roles_free(struct rf_roles *r)
{
	if (!r)
		return;
	free(r->ref);
	free(r);
}

/* What the declaration and the places the function is stored say. */
static enum role direct_role(const struct rf_roles *r, CXCursor fn)
{
	enum role role = ROLE_NONE;

	fn = clang_getCanonicalCursor(fn);
	for (size_t i = 0; i < r->nref; i++)
		if (r->ref[i].role != ROLE_NONE &&
		    clang_equalCursors(r->ref[i].fn, fn))
			role = r->ref[i].role;
	return role;
}

/*
 * Teardown, or a static helper called only from teardown.  A teardown
 * function that another function calls too (an exit that init calls to
 * unwind its own failure) is not: there the flag may be false.
 */
static bool teardown(const struct rf_roles *r, CXCursor fn)
{
	bool direct = direct_role(r, fn) == ROLE_TEARDOWN, called = false;

	fn = clang_getCanonicalCursor(fn);
	for (size_t i = 0; i < r->nref; i++) {
		const struct fref *f = &r->ref[i];

		if (!clang_equalCursors(f->fn, fn) ||
		    clang_equalCursors(f->from, fn) || (direct && !f->call))
			continue;
		if (!f->call || clang_Cursor_isNull(f->from) ||
		    direct_role(r, f->from) != ROLE_TEARDOWN)
			return false;
		called = true;
	}
	return direct ||
	       (called && clang_Cursor_getStorageClass(fn) == CX_SC_Static);
}

/*
 * Is the node at path[i] reached on every run of the function?  Only
 * compound statements may stand between the body and it, and in the
 * statement that holds it, only the condition of an 'if'.
 */
static bool unconditional(const struct path *p, size_t upto)
{
	for (size_t i = 1; i < upto && i + 1 < p->n; i++) {
		enum CXCursorKind k = clang_getCursorKind(p->c[i]);

		if (k == CXCursor_CompoundStmt)
			continue;
		if (k == CXCursor_IfStmt)
			return cx_same_expr(cx_child(p->c[i], 0), p->c[i + 1]);
		return k != CXCursor_ForStmt && k != CXCursor_WhileStmt &&
		       k != CXCursor_DoStmt && k != CXCursor_SwitchStmt &&
		       k != CXCursor_ConditionalOperator;
	}
	return true;
}

/* 'return 0;' as the last statement: the failure is tolerated. */
static bool returns_success(CXCursor s)
{
	unsigned int n;
	CXCursor *ch;
	long long v;
	bool yes = false;

	if (clang_getCursorKind(s) == CXCursor_ReturnStmt) {
		CXCursor e = cx_child(s, 0);

		return !clang_Cursor_isNull(e) &&
		       cx_int_constant(cx_strip(e), &v) && !v;
	}
	if (clang_getCursorKind(s) != CXCursor_CompoundStmt)
		return false;
	ch = cx_children(s, &n);
	yes = n && returns_success(ch[n - 1]);
	free(ch);
	return yes;
}

struct fail_scan {
	const struct walk *w;
	const struct call *reg;
	CXCursor fn;
	bool found;
};

/* Does the branch leave the function with an error? */
static bool fails_function(CXCursor branch)
{
	enum CXCursorKind k = clang_getCursorKind(branch);

	return !clang_Cursor_isNull(branch) && rf_exits(branch) &&
	       !returns_success(branch) && k != CXCursor_BreakStmt &&
	       k != CXCursor_ContinueStmt;
}

/*
 * Is the variable e names written after the call and before e, as in
 * 'if (a_registered || b_registered) err = 0; return err;'?
 */
static bool written_between(const struct walk *w, CXCursor e,
			    const struct call *reg)
{
	unsigned int at = cx_cursor_start(e).offset;
	CXCursor var;

	e = cx_strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return true;
	var = clang_getCanonicalCursor(clang_getCursorReferenced(e));
	for (size_t i = 0; i < w->nwrite; i++)
		if (clang_equalCursors(w->write[i].flag, var) &&
		    w->write[i].pos.offset > reg->offset &&
		    w->write[i].pos.offset < at)
			return true;
	return false;
}

struct return_scan {
	unsigned int from, to;
	bool found;
};

static enum CXChildVisitResult scan_return(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct return_scan *s = data;
	unsigned int at;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
		return CXChildVisit_Recurse;
	at = cx_cursor_start(c).offset;
	if (at > s->from && at < s->to) {
		s->found = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/* Another way out between the call and the return of its result, as
 * in 'if (a_registered || b_registered) return 0; return a_err;'? */
static bool returns_between(CXCursor fn, unsigned int from, unsigned int to)
{
	struct return_scan s = { from, to, false };

	clang_visitChildren(fn, scan_return, &s);
	return s.found;
}

/*
 * An 'if' of the function's top level whose branch taken on the call's
 * failure leaves the function with an error, or a 'return' of the call's
 * result.
 */
static enum CXChildVisitResult scan_fail(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct fail_scan *s = data;
	CXCursor cond = cx_child(c, 0);

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CompoundStmt)
		return CXChildVisit_Recurse;
	/* 'if (!ret) F = true; return ret;': the result is returned */
	if (clang_getCursorKind(c) == CXCursor_ReturnStmt &&
	    !clang_Cursor_isNull(cond) &&
	    rf_result_of(s->w, cond, s->fn) == s->reg &&
	    !written_between(s->w, cond, s->reg) &&
	    !returns_between(s->fn, s->reg->offset,
			     cx_cursor_start(c).offset)) {
		s->found = true;
		return CXChildVisit_Break;
	}
	if (clang_getCursorKind(c) != CXCursor_IfStmt)
		return CXChildVisit_Continue;
	if ((rf_failure_of(s->w, cond, true, s->fn) == s->reg &&
	     fails_function(cx_child(c, 1))) ||
	    (rf_failure_of(s->w, cond, false, s->fn) == s->reg &&
	     fails_function(cx_child(c, 2)))) {
		s->found = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

/* Does the register call's failure fail its (setup) function? */
static bool failure_fails(const struct walk *w, const struct call *reg)
{
	CXCursor fn = reg->path.c[0];
	struct fail_scan s = { w, reg, fn, false };

	if (reg->path.n < 2 || !unconditional(&reg->path, reg->path.n))
		return false;
	/* 'return R(...);' fails the function with R. */
	for (size_t i = reg->path.n - 1; i-- > 1;) {
		enum CXCursorKind k = clang_getCursorKind(reg->path.c[i]);

		if (k == CXCursor_ReturnStmt)
			return true;
		if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr &&
		    k != CXCursor_CallExpr)
			break;
	}
	clang_visitChildren(fn, scan_fail, &s);
	return s.found;
}

/*
 * Is the set reached whenever the function succeeds: unconditional, or
 * in the branch of a test that means the call succeeded?
 */
static bool set_always(const struct walk *w, const struct write *wr,
		       const struct call *reg)
{
	const struct path *p = &wr->path;

	for (size_t i = 1; i + 1 < p->n; i++) {
		CXCursor a = p->c[i];
		enum CXCursorKind k = clang_getCursorKind(a);
		int idx;

		if (k == CXCursor_CompoundStmt)
			continue;
		if (k != CXCursor_IfStmt)
			return k == CXCursor_BinaryOperator ||
			       k == CXCursor_UnexposedExpr;
		idx = cx_same_expr(cx_child(a, 1), p->c[i + 1]) ? 1 :
		      cx_same_expr(cx_child(a, 2), p->c[i + 1]) ? 2 :
								  0;
		if (!idx ||
		    rf_success_of(w, cx_child(a, 0), idx == 1, p->c[0]) != reg)
			return false;
	}
	return true;
}

/* Every other write: a clear in the setup function or in teardown. */
static bool writes_only_there(const struct walk *w, struct rf_roles *r,
			      const struct link *l)
{
	CXCursor setup = l->write->path.c[0];

	for (size_t i = 0; i < w->nwrite; i++) {
		const struct write *o = &w->write[i];
		CXCursor fn = o->path.c[0];

		if (o == l->write ||
		    !clang_equalCursors(o->flag, l->write->flag))
			continue;
		if (o->kind != CLEAR)
			return false;
		if (!clang_equalCursors(fn, setup) && !teardown(r, fn))
			return false;
	}
	return true;
}

bool rf_redundant(const struct walk *w, struct rf_roles *roles,
		  const struct link *l)
{
	CXCursor setup = l->write->path.c[0];
	CXCursor guard_fn = l->unreg->path.c[0];

	if (l->mirror || l->write->kind != SET_CONST ||
	    !clang_equalCursors(l->reg->path.c[0], setup) ||
	    clang_equalCursors(guard_fn, setup))
		return false;
	return direct_role(roles, setup) == ROLE_SETUP &&
	       teardown(roles, guard_fn) && failure_fails(w, l->reg) &&
	       set_always(w, l->write, l->reg) &&
	       writes_only_there(w, roles, l);
}
