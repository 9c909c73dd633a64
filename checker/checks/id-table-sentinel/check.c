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

static bool is_ident_char(char c)
{
	return c == '_' || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
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
	CXCursor from = w->stack[w->depth - 1];

	for (size_t i = w->depth - 1; i-- > 0;) {
		CXCursor a = w->stack[i], field;

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
	CXCursor from = w->stack[w->depth - 1];

	for (size_t i = w->depth - 1; i-- > 0;) {
		CXCursor a = w->stack[i];

		switch (clang_getCursorKind(a)) {
		case CXCursor_ParenExpr:
		case CXCursor_CStyleCastExpr:
		case CXCursor_UnexposedExpr:
			break;
		case CXCursor_CallExpr: {
			int n = clang_Cursor_getNumArguments(a);
			char *fn = cx_spelling(a);

			for (int k = 0; k < n; k++) {
				char *key = xasprintf("%s/%d", fn, k + 1);

				if (cx_same_expr(clang_Cursor_getArgument(a, k),
						 from) &&
				    strset_has(&w->rules->calls, key))
					walks_pointer_to_walker(w, var, fn, a);
				free(key);
			}
			free(fn);
			return;
		}
		default:
			return;
		}
		from = a;
	}
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

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct walk *w = data;
	CXCursor saved = w->function;

	(void)parent;
	if (!w->depth && !cx_in_file(c, w->unit->main_file))
		return CXChildVisit_Continue;
	GROW(w->stack, w->scap, w->depth);
	w->stack[w->depth++] = c;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
		w->function = c;
	note_cursor(w, c);
	clang_visitChildren(c, visit, w);
	w->function = saved;
	w->depth--;
	return CXChildVisit_Continue;
}

/* ---- MODULE_DEVICE_TABLE(type, name) ---- */

static bool in_skipped_range(CXSourceRangeList *skipped, unsigned int offset)
{
	for (unsigned int i = 0; skipped && i < skipped->count; i++) {
		struct cx_pos a =
			cx_expansion(clang_getRangeStart(skipped->ranges[i]));
		struct cx_pos b =
			cx_expansion(clang_getRangeEnd(skipped->ranges[i]));

		if (offset >= a.offset && offset < b.offset)
			return true;
	}
	return false;
}

static size_t skip_space(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
			   s[i] == '\\' || s[i] == '\r'))
		i++;
	return i;
}

static size_t identifier_end(const char *s, size_t i, size_t len)
{
	while (i < len && is_ident_char(s[i]))
		i++;
	return i;
}

/* The table named by MODULE_DEVICE_TABLE( type , name ) at offset i. */
static void note_export(struct walk *w, size_t i)
{
	const char *s = w->unit->source;
	size_t len = w->unit->source_len, a, b;
	struct cx_pos pos = { .file = w->unit->main_file, .offset = i };

	i = skip_space(s, identifier_end(s, i, len), len);
	if (i >= len || s[i] != '(')
		return;
	i = skip_space(s, identifier_end(s, skip_space(s, i + 1, len), len),
		       len);
	if (i >= len || s[i] != ',')
		return;
	a = skip_space(s, i + 1, len);
	b = identifier_end(s, a, len);
	if (skip_space(s, b, len) >= len || s[skip_space(s, b, len)] != ')')
		return;
	for (size_t k = 0; k < w->ntable; k++) {
		struct table *t = &w->table[k];

		if (strlen(t->name) == b - a &&
		    !strncmp(t->name, s + a, b - a)) {
			text_line_col(s, len, pos.offset, &pos.line,
				      &pos.column);
			sentinel_add_consumer(t, BY_EXPORT,
					      "MODULE_DEVICE_TABLE", pos);
		}
	}
}

/* Is offset on a preprocessor directive line (a #define's body)? */
static bool in_directive(const char *s, size_t offset)
{
	size_t i = offset;

	for (;;) {
		while (i > 0 && s[i - 1] != '\n')
			i--;
		/* continued from the line before? */
		if (i >= 2 && s[i - 2] == '\\') {
			i--;
			continue;
		}
		break;
	}
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return s[i] == '#';
}

/*
 * A MODULE_DEVICE_TABLE() inside a conditional block counts only if the
 * preprocessor kept the block: only then is the preprocessing record,
 * which knows the skipped ranges, worth its cost.
 */
static unsigned int sentinel_parse_options(const void *state, const char *src,
					   size_t len)
{
	const char *p = src, *end = src + len;
	int depth = 0;

	(void)state;
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p), *q = p;

		if (!nl)
			nl = end;
		while (q < nl && (*q == ' ' || *q == '\t'))
			q++;
		if (q < nl && *q == '#') {
			q++;
			while (q < nl && (*q == ' ' || *q == '\t'))
				q++;
			if (!strncmp(q, "if", 2))
				depth++;
			else if (!strncmp(q, "endif", 5) && depth > 0)
				depth--;
		} else if (depth > 0 &&
			   memmem(p, nl - p, "MODULE_DEVICE_TABLE", 19)) {
			return CXTranslationUnit_DetailedPreprocessingRecord;
		}
		p = nl + 1;
	}
	return 0;
}

/*
 * MODULE_DEVICE_TABLE() expands to nothing in built-in code, so it is
 * found in the text: outside comments, strings and directives, and
 * outside the branches the preprocessor skipped.
 */
static void find_exports(struct walk *w)
{
	static const char macro[] = "MODULE_DEVICE_TABLE";
	const char *s = w->unit->source;
	size_t len = w->unit->source_len;
	CXSourceRangeList *skipped = NULL;
	enum { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, CHAR } st = CODE;

	if (!strstr(s, macro))
		return;
	skipped = clang_getSkippedRanges(w->unit->tu, w->unit->main_file);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		switch (st) {
		case CODE:
			if (c == '/' && s[i + 1] == '/')
				st = LINE_COMMENT;
			else if (c == '/' && s[i + 1] == '*')
				st = BLOCK_COMMENT, i++;
			else if (c == '"')
				st = STRING;
			else if (c == '\'')
				st = CHAR;
			else if (c == 'M' &&
				 (i == 0 || !is_ident_char(s[i - 1])) &&
				 !strncmp(s + i, macro, sizeof(macro) - 1) &&
				 identifier_end(s, i, len) ==
					 i + sizeof(macro) - 1 &&
				 !in_directive(s, i) &&
				 !in_skipped_range(skipped, i))
				note_export(w, i);
			break;
		case LINE_COMMENT:
			if (c == '\n' && s[i - 1] != '\\')
				st = CODE;
			break;
		case BLOCK_COMMENT:
			if (c == '*' && s[i + 1] == '/')
				st = CODE, i++;
			break;
		case STRING:
		case CHAR:
			if (c == '\\')
				i++;
			else if (c == (st == STRING ? '"' : '\''))
				st = CODE;
			break;
		}
	}
	if (skipped)
		clang_disposeSourceRangeList(skipped);
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
		sentinel_add_fix(f, u, init);
}

static void sentinel_run(const void *state, struct check_unit *unit)
{
	struct walk w = { .rules = state,
			  .unit = unit,
			  .function = clang_getNullCursor() };

	clang_visitChildren(clang_getTranslationUnitCursor(unit->tu), visit,
			    &w);
	find_exports(&w);
	walks_resolve(&w);
	for (size_t i = 0; i < w.ntable; i++) {
		struct table *t = &w.table[i];

		if (t->has_def)
			report_table(&w, t);
		for (size_t k = 0; k < t->nconsumer; k++)
			free(t->consumer[k].what);
		free(t->consumer);
		free(t->name);
	}
	walks_free(&w);
	free(w.table);
	free(w.stack);
}

static const char *const sentinel_stats[] = { "tables", "need-sentinel", NULL };

const struct check check_id_table_sentinel = {
	.id = "id-table-sentinel",
	.summary =
		"device-id table walked to its sentinel but missing the zeroed terminating entry",
	.init = sentinel_init,
	.fini = sentinel_fini,
	.prefilter_keys = sentinel_prefilter_keys,
	.parse_options = sentinel_parse_options,
	.stats = sentinel_stats,
	.run = sentinel_run,
};
