// SPDX-License-Identifier: GPL-2.0-only
/*
 * id-table-sentinel: a device-id table that something walks until its
 * zeroed entry must end in one.
 *
 * The bus matching loops (pci_match_id(), of_match_node(), i2c_match_id(),
 * usb_match_id(), ...) and modpost's alias generator stop only at the
 * all-zero entry: a table without it makes them read past the array at
 * probe time.  modpost catches only tables exported with
 * MODULE_DEVICE_TABLE() in modular builds, so the table's consumers are
 * found here: MODULE_DEVICE_TABLE(), a driver field the core walks
 * (rules/id-table-walkers.list "field"), or an argument of a function
 * that walks it ("call").  A table used only with ARRAY_SIZE() or an
 * explicit bound has no such consumer and needs no sentinel.
 */
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "core/rules.h"
#include "lib/util.h"

#include "checks/id-table-sentinel/internal.h"
#include "lib/strset.h"

/* ---- rules ---- */

static int load_walkers(struct sentinel_rules *r, const char *dir, char *err,
			size_t errlen)
{
	struct rules_file rf;

	if (rules_load(&rf, dir, "id-table-walkers.list", err, errlen))
		return -1;
	for (size_t i = 0; i < rf.nline; i++) {
		const struct rules_line *l = &rf.line[i];
		char *end;

		if (l->nfield == 2 && !strcmp(l->field[0], "field")) {
			strset_add(&r->fields, l->field[1]);
		} else if (l->nfield == 3 && !strcmp(l->field[0], "call") &&
			   strtoul(l->field[2], &end, 10) > 0 && !*end) {
			char *key =
				xasprintf("%s/%s", l->field[1], l->field[2]);

			strset_add(&r->calls, key);
			free(key);
		} else {
			set_error(
				err, errlen,
				"%s:%u: expected 'field NAME' or 'call FUNCTION ARGNO'",
				rf.path, l->lineno);
			rules_free(&rf);
			return -1;
		}
	}
	rules_free(&rf);
	return 0;
}

static void sentinel_fini(void *state)
{
	struct sentinel_rules *r = state;

	if (!r)
		return;
	strset_free(&r->types);
	strset_free(&r->fields);
	strset_free(&r->calls);
	free(r);
}

static void *sentinel_init(const struct check_config *cfg, char *err,
			   size_t errlen)
{
	const char *rules_dir = cfg->rules_dir;
	struct sentinel_rules *r = xcalloc(1, sizeof(*r));
	struct rules_file rf;

	if (rules_load(&rf, rules_dir, "id-tables.list", err, errlen))
		goto fail;
	for (size_t i = 0; i < rf.nline; i++)
		strset_add(&r->types, rf.line[i].field[0]);
	rules_free(&rf);
	if (load_walkers(r, rules_dir, err, errlen))
		goto fail;
	return r;
fail:
	sentinel_fini(r);
	return NULL;
}

/*
 * A table is declared with its device-id type's name, or is one by use:
 * exported with MODULE_DEVICE_TABLE(), or stored in a member of a
 * structure the walkers list names.
 */
static bool sentinel_prefilter_keys(const void *state, struct strset *keys)
{
	const struct sentinel_rules *r = state;

	strset_add_all(keys, &r->types);
	strset_add(keys, "MODULE_DEVICE_TABLE");
	for (size_t i = 0; i < r->fields.nslot; i++) {
		const char *f = r->fields.slot[i];
		const char *dot = f ? strchr(f, '.') : NULL;

		if (dot) {
			char *tag = xstrndup(f, dot - f);

			strset_add(keys, tag);
			free(tag);
		}
	}
	return true;
}

/* ---- finding tables and their consumers ---- */

/* A member the rules say is walked: "struct.member" or "member". */
static bool field_walked(const struct walk *w, CXCursor field, char **name)
{
	char *member = cx_spelling(field);
	char *tag = cx_spelling(clang_getCursorSemanticParent(field));
	char *qualified = xasprintf("%s.%s", tag, member);
	bool yes = strset_has(&w->rules->fields, qualified) ||
		   strset_has(&w->rules->fields, member);

	free(qualified);
	free(tag);
	*name = member;
	return yes;
}

static void consider_field(struct walk *w, struct table *t, CXCursor field,
			   CXCursor at)
{
	char *name;

	if (field_walked(w, field, &name))
		sentinel_add_consumer(t, BY_FIELD, name, cx_cursor_start(at));
	free(name);
}

/* '.member = <ref>' in an initializer: the last designator's member. */
static bool designated_member(CXCursor expr, CXCursor *field)
{
	unsigned int n;
	CXCursor *ch = cx_children(expr, &n);
	bool found = false;

	for (unsigned int i = 0; i + 1 < n; i++) {
		if (clang_getCursorKind(ch[i]) == CXCursor_MemberRef) {
			*field = clang_getCursorReferenced(ch[i]);
			found = true;
		}
	}
	free(ch);
	return found;
}

/* 's.member = <ref>' or 'p->member = <ref>'. */
static void consider_assignment(struct walk *w, struct table *t, CXCursor op,
				CXCursor from)
{
	unsigned int n;
	CXCursor *ch = cx_children(op, &n);

	if (n == 2 && cx_same_expr(ch[1], from) &&
	    cx_operator(op) == CX_OP_ASSIGN) {
		CXCursor lhs = clang_getCursorReferenced(ch[0]);

		if (clang_getCursorKind(ch[0]) == CXCursor_MemberRefExpr)
			consider_field(w, t, lhs, op);
		else if (clang_getCursorKind(ch[0]) == CXCursor_DeclRefExpr &&
			 walks_points_to_entry(w, lhs))
			walks_flow_into_var(w, t - w->table, lhs, op);
	}
	free(ch);
}

static void consider_call(struct walk *w, struct table *t, CXCursor call,
			  CXCursor from)
{
	int n = clang_Cursor_getNumArguments(call);
	char *fn = cx_spelling(call);

	for (int i = 0; i < n; i++) {
		if (!cx_same_expr(clang_Cursor_getArgument(call, i), from))
			continue;
		char *key = xasprintf("%s/%d", fn, i + 1);
		CXCursor callee = clang_getCursorReferenced(call);

		if (strset_has(&w->rules->calls, key))
			sentinel_add_consumer(t, BY_CALL, fn,
					      cx_cursor_start(call));
		else if (clang_getCursorKind(callee) == CXCursor_FunctionDecl)
			walks_flow_into_call(w, t - w->table, callee, i, call);
		free(key);
	}
	free(fn);
}

/*
 * Climb from a reference to the table through what only passes its
 * address along (parentheses, casts, '&', '[i]', '?:', of_match_ptr())
 * to the first thing that uses it.
 */
static void classify_reference(struct walk *w, struct table *t)
{
	CXCursor from = w->wk.stack[w->wk.depth - 1];

	for (size_t i = w->wk.depth - 1; i-- > 0;) {
		CXCursor a = w->wk.stack[i], field;

		switch (clang_getCursorKind(a)) {
		case CXCursor_ParenExpr:
		case CXCursor_CStyleCastExpr:
		case CXCursor_ConditionalOperator:
		case CXCursor_ArraySubscriptExpr:
			break;
		case CXCursor_UnaryOperator:
			/* '&table'; an unknown one may be it too */
			if (cx_operator(a) != CX_OP_ADDR &&
			    cx_operator(a) != CX_OP_UNKNOWN)
				return;
			break;
		case CXCursor_UnexposedExpr:
			/* Implicit casts, and designated initializers. */
			if (designated_member(a, &field)) {
				consider_field(w, t, field, a);
				return;
			}
			break;
		case CXCursor_BinaryOperator:
			consider_assignment(w, t, a, from);
			return;
		case CXCursor_CallExpr:
			consider_call(w, t, a, from);
			return;
		case CXCursor_VarDecl:
			/* 'const struct x_device_id *id = table;' */
			if (walks_points_to_entry(w, a))
				walks_flow_into_var(w, t - w->table, a, a);
			return;
		default:
			return;
		}
		from = a;
	}
}

/*
 * A pointer variable or a helper's parameter handed on to a listed
 * walker: a table that flows into it is walked.
 */
static void classify_pointer(struct walk *w, CXCursor var)
{
	size_t up, from;
	CXCursor call;
	char *fn;
	int n;

	if (!cx_walk_up_casts(&w->wk, w->wk.depth - 1, &up, &from) ||
	    clang_getCursorKind(w->wk.stack[up]) != CXCursor_CallExpr)
		return;
	call = w->wk.stack[up];
	n = clang_Cursor_getNumArguments(call);
	fn = cx_spelling(call);
	for (int k = 0; k < n; k++) {
		char *key = xasprintf("%s/%d", fn, k + 1);

		if (cx_same_expr(clang_Cursor_getArgument(call, k),
				 w->wk.stack[from]) &&
		    strset_has(&w->rules->calls, key))
			walks_pointer_to_walker(w, var, fn, call);
		free(key);
	}
	free(fn);
}

static void note_cursor(struct walk *w, CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (kind == CXCursor_VarDecl || kind == CXCursor_BinaryOperator)
		walks_note_store(w, c);
	if (kind == CXCursor_VarDecl && sentinel_is_struct_array(c)) {
		struct table *t = sentinel_table_for(w, c);

		if (clang_isCursorDefinition(c)) {
			t->def = c;
			t->has_def = true;
		}
	} else if (kind == CXCursor_DeclRefExpr) {
		CXCursor decl = clang_getCursorReferenced(c);

		if (sentinel_is_struct_array(decl))
			classify_reference(w, sentinel_table_for(w, decl));
		else if ((clang_getCursorKind(decl) == CXCursor_ParmDecl ||
			  clang_getCursorKind(decl) == CXCursor_VarDecl) &&
			 walks_points_to_entry(w, decl))
			classify_pointer(w, decl);
	} else if (kind == CXCursor_ForStmt || kind == CXCursor_WhileStmt ||
		   kind == CXCursor_DoStmt) {
		walks_note_loop(w, c);
	}
}

static bool enter(struct cx_walk *wk, CXCursor c)
{
	struct walk *w = container_of(wk, struct walk, wk);

	if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
		w->function = c;
	note_cursor(w, c);
	return true;
}

static void leave(struct cx_walk *wk, CXCursor c)
{
	struct walk *w = container_of(wk, struct walk, wk);

	if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
		w->function =
			cx_walk_find(wk, wk->depth - 1, CXCursor_FunctionDecl);
}

/* ---- findings ---- */

static char *message_for(const struct table *t)
{
	const struct consumer *c = &t->consumer[0];

	switch (c->kind) {
	case BY_CALL:
		return xasprintf(
			"'%s' has no terminating '{ }' entry, but %s() walks it until one",
			t->name, c->what);
	case BY_FIELD:
		return xasprintf(
			"'%s' has no terminating '{ }' entry, but it is stored in '.%s', which is walked until one",
			t->name, c->what);
	case BY_LOOP:
		return xasprintf(
			"'%s' has no terminating '{ }' entry, but a loop in %s() walks it until one",
			t->name, c->what);
	default:
		if (!t->listed)
			return xasprintf(
				"'%s' has no terminating '{ }' entry, but it is exported with MODULE_DEVICE_TABLE(), which makes it a device-id table: its bus walks it until one",
				t->name);
		return xasprintf(
			"'%s' has no terminating '{ }' entry, but it is exported with MODULE_DEVICE_TABLE(), which needs one (modpost rejects it in modular builds)",
			t->name);
	}
}

static char *note_for(const struct consumer *c)
{
	switch (c->kind) {
	case BY_CALL:
		return xasprintf("walked to the sentinel by %s() here",
				 c->what);
	case BY_FIELD:
		return xasprintf(
			"stored in '.%s' here, which is walked to the sentinel",
			c->what);
	case BY_LOOP:
		return xstrdup("walked to the sentinel by this loop");
	default:
		return xstrdup("exported with MODULE_DEVICE_TABLE() here");
	}
}

static int by_offset(const void *a, const void *b)
{
	const struct consumer *x = a, *y = b;

	return (x->pos.offset > y->pos.offset) -
	       (x->pos.offset < y->pos.offset);
}

static void report_table(struct walk *w, struct table *t)
{
	struct check_unit *u = w->unit;
	struct cx_pos at = cx_expansion(clang_getCursorLocation(t->def));
	CXCursor init = sentinel_initializer(t->def);
	bool designated = false;
	struct finding *f;
	char *msg;

	if (t->listed || t->nconsumer)
		u->stats[STAT_TABLES]++;
	if (t->nconsumer)
		u->stats[STAT_NEED_SENTINEL]++;
	if (!t->nconsumer || clang_Cursor_isNull(init) ||
	    sentinel_present(w, t, init, &designated) || !at.file ||
	    !clang_File_isEqual(at.file, u->main_file))
		return;
	qsort(t->consumer, t->nconsumer, sizeof(*t->consumer), by_offset);
	msg = message_for(t);
	f = finding_add(u->findings, "id-table-sentinel", SEV_WARNING, u->path,
			at.line, at.column, t->name, msg);
	free(msg);
	for (size_t i = 0; i < t->nconsumer; i++) {
		char *note = note_for(&t->consumer[i]);

		finding_add_related(f, u->path, t->consumer[i].pos.line,
				    t->consumer[i].pos.column, note);
		free(note);
	}
	/* With array designators, the last entry written is not the last. */
	if (!designated)
		sentinel_add_fix(w, f, init);
}

static void sentinel_run(const void *state, struct check_unit *unit)
{
	struct walk w = {
		.rules = state,
		.unit = unit,
		.wk = { .file = unit->main_file,
			.enter = enter,
			.leave = leave },
		.function = clang_getNullCursor(),
		.lines = { .text = unit->source, .len = unit->source_len },
		.source_hash = hash_bytes(unit->source, unit->source_len, 0)
	};

	cx_walk_run(&w.wk, clang_getTranslationUnitCursor(unit->tu));
	sentinel_find_exports(&w);
	walks_resolve(&w);
	for (size_t i = 0; i < w.ntable; i++)
		if (w.table[i].has_def)
			report_table(&w, &w.table[i]);
	walks_free(&w);
	sentinel_tables_free(&w);
	cx_walk_free(&w.wk);
}

static const char *const sentinel_stats[] = { "tables", "need-sentinel", NULL };

const struct check check_id_table_sentinel = {
	.id = "id-table-sentinel",
	.summary =
		"device-id table walked to its sentinel but missing the zeroed terminating entry",
	.init = sentinel_init,
	.fini = sentinel_fini,
	.prefilter_keys = sentinel_prefilter_keys,
	.cocci_select = sentinel_cocci_select,
	.parse_options = sentinel_parse_options,
	.stats = sentinel_stats,
	.run = sentinel_run,
};
