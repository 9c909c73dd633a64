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

#include "core/check.h"
#include "lib/cx.h"
#include "core/regpairs.h"
#include "lib/util.h"

#include "checks/registration-flag/internal.h"
#include "lib/strset.h"

/* ---- rules ---- */

static void *flag_init(const struct check_config *cfg, char *err, size_t errlen)
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

/*
 * A unit that names no function of the list cannot hold both halves of
 * the evidence (the unregister side is practically never a macro).
 */
static bool flag_prefilter_keys(const void *state, struct strset *keys)
{
	regpairs_prefilter_keys(state, keys);
	return true;
}

/* ---- collecting calls and writes ---- */

static struct path copy_path(const struct walk *w)
{
	struct path p = { .n = w->wk.depth };

	p.c = xmalloc(p.n * sizeof(*p.c));
	memcpy(p.c, w->wk.stack, p.n * sizeof(*p.c));
	return p;
}

/* Where the value of the call at the top of the stack goes. */
static CXCursor result_target(const struct walk *w)
{
	CXCursor from = w->wk.stack[w->wk.depth - 1];

	for (size_t i = w->wk.depth - 1; i-- > 0;) {
		CXCursor a = w->wk.stack[i];

		switch (clang_getCursorKind(a)) {
		case CXCursor_ParenExpr:
		case CXCursor_CStyleCastExpr:
		case CXCursor_UnexposedExpr:
			from = a;
			continue;
		case CXCursor_VarDecl:
			return a;
		case CXCursor_BinaryOperator:
			if (cx_operator(a) == CX_OP_ASSIGN &&
			    cx_same_expr(cx_child(a, 1), from))
				return cx_child(a, 0);
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
	memset(ev, 0, sizeof(*ev));
	ev->path = copy_path(w);
	ev->name = name;
	ev->is_reg = reg;
	ev->is_unreg = unreg;
	ev->returns_pointer =
		clang_getCanonicalType(clang_getCursorType(c)).kind ==
		CXType_Pointer;
	ev->offset = cx_cursor_start(c).offset;
	ev->result = result_target(w);
}

static void note_assignment(struct walk *w, CXCursor op)
{
	CXCursor lhs = cx_child(op, 0), value = cx_child(op, 1), flag;
	struct write *ev;
	long long v;

	if (!rf_flag_of(lhs, &flag))
		return;
	GROW(w->write, w->wcap, w->nwrite);
	ev = &w->write[w->nwrite++];
	ev->path = copy_path(w);
	ev->flag = flag;
	ev->value = value;
	if (!cx_int_constant(cx_strip(value), &v))
		ev->kind = SET_EXPR;
	else if (v == 0 || v == 1)
		ev->kind = v ? SET_CONST : CLEAR;
	else
		ev->kind = OTHER_CONST;
	ev->pos = cx_cursor_start(op);
}

static bool enter(struct cx_walk *wk, CXCursor c)
{
	struct walk *w = container_of(wk, struct walk, wk);
	enum CXCursorKind k = clang_getCursorKind(c);

	if (wk->depth == 1 &&
	    (k != CXCursor_FunctionDecl || !clang_isCursorDefinition(c)))
		return false;
	if (k == CXCursor_CallExpr)
		note_call(w, c);
	else if (cx_operator(c) == CX_OP_ASSIGN)
		note_assignment(w, c);
	return true;
}

/* ---- findings ---- */

static char *redundant_message(const char *flag, const struct link *l)
{
	const struct regpair *p = l->pair;
	char *managed = p->managed ? xasprintf(", or use %s()", p->managed) :
				     xstrdup("");
	char *msg = xasprintf(
		"'%s' is always true where it is tested: %s() must succeed for the function that sets it to succeed, and %s() runs only after that; drop the flag and call %s() unconditionally%s",
		flag, p->reg, p->unreg, p->unreg, managed);

	free(managed);
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
	char *set =
		l->mirror ?
			xasprintf("cleared here after %s()", l->pair->unreg) :
			xasprintf("set here once %s() succeeded", l->pair->reg);
	char *test =
		l->mirror ?
			xasprintf("tested here to skip %s()", l->pair->reg) :
			xasprintf("tested here before %s()", l->pair->unreg);

	finding_add_related(f, path, l->write->pos.line, l->write->pos.column,
			    set);
	finding_add_related(f, path, l->guard.line, l->guard.column, test);
	free(set);
	free(test);
}

/*
 * One finding per flag whose registration is mandatory (see mandatory.c),
 * from its first such link; driver core wins.
 */
static void report_flag(struct walk *w, struct rf_roles *roles, size_t first,
			bool *done)
{
	const struct link *best = NULL;
	CXCursor flag = w->link[first].write->flag;
	struct check_unit *u = w->unit;
	struct finding *f;
	struct cx_pos at;
	char *file, *name, *msg;

	for (size_t i = first; i < w->nlink; i++) {
		if (!clang_equalCursors(w->link[i].write->flag, flag))
			continue;
		done[i] = true;
		if (!rf_redundant(w, roles, &w->link[i]))
			continue;
		if (!best || (best->pair->class != REG_CORE &&
			      w->link[i].pair->class == REG_CORE))
			best = &w->link[i];
	}
	if (!best)
		return;
	at = declared_at(flag, &file, u);
	if (!file)
		return;
	name = cx_spelling(flag);
	msg = redundant_message(name, best);
	f = finding_add(u->findings, RULE_ID, SEV_WARNING, file, at.line,
			at.column, name, msg);
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
		for (size_t k = 0; k < RF_KEYS; k++)
			free(w->call[i].key[k]);
	}
	for (size_t i = 0; i < w->nwrite; i++)
		free(w->write[i].path.c);
	free(w->call);
	free(w->write);
	free(w->link);
	free(w->fn_range);
	cx_map_free(&w->fn_calls);
	cx_map_free(&w->many_states);
	for (size_t i = 0; i < w->nstore; i++)
		free(w->store[i].call);
	free(w->store);
	cx_map_free(&w->stores);
	for (size_t i = 0; i < w->nguard; i++) {
		free(w->guard[i].v[0]);
		free(w->guard[i].v[1]);
	}
	free(w->guard);
	cx_map_free(&w->guards);
	cx_walk_free(&w->wk);
}

static void flag_run(const void *state, struct check_unit *unit)
{
	struct walk w = { .rules = state,
			  .unit = unit,
			  .wk = { .file = unit->main_file, .enter = enter } };
	struct rf_roles *roles;
	bool *done;

	cx_walk_run(&w.wk, clang_getTranslationUnitCursor(unit->tu));
	rf_index_calls(&w);
	if (w.ncall)
		for (size_t i = 0; i < w.nwrite; i++)
			rf_link_write(&w, &w.write[i]);
	roles = w.nlink ? rf_roles_new(&w) : NULL;
	done = xcalloc(w.nlink + 1, sizeof(*done));
	for (size_t i = 0; i < w.nlink; i++)
		if (!done[i])
			report_flag(&w, roles, i, done);
	free(done);
	rf_roles_free(roles);
	free_walk(&w);
}

const struct check check_registration_flag = {
	.id = RULE_ID,
	.summary =
		"private flag records a registration and guards its unregister",
	.init = flag_init,
	.fini = flag_fini,
	.prefilter_keys = flag_prefilter_keys,
	.cocci_select = flag_cocci_select,
	.run = flag_run,
};
