// SPDX-License-Identifier: GPL-2.0-only
/*
 * id-table-sentinel: which arrays are id tables.
 *
 * An array of structures is an id table by its use: exported with
 * MODULE_DEVICE_TABLE(), stored in a member a bus walks, or handed to a
 * walker, whatever its type.  The types of rules/id-tables.list are a
 * hint: they decide only for the walks a file writes itself (loops over
 * pointers, local helpers), where nothing else says what the array is.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cx.h"
#include "lib/util.h"

#include "checks/id-table-sentinel/internal.h"

/* The struct tag of an array-of-struct type, or NULL. */
static char *table_type(CXType t)
{
	CXType elem;

	t = clang_getCanonicalType(t);
	if (t.kind != CXType_ConstantArray && t.kind != CXType_IncompleteArray)
		return NULL;
	elem = clang_getCanonicalType(clang_getArrayElementType(t));
	if (elem.kind != CXType_Record)
		return NULL;
	return cx_spelling(clang_getTypeDeclaration(elem));
}

/*
 * An array of structures: an id table if something uses it as one
 * (MODULE_DEVICE_TABLE(), a walked field, a walker's argument), whatever
 * its type.  The type list decides only for the walks a file writes
 * itself (loops, pointers, helpers).
 */
bool sentinel_is_struct_array(CXCursor decl)
{
	char *tag;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return false;
	tag = table_type(clang_getCursorType(decl));
	free(tag);
	return tag != NULL;
}

bool sentinel_is_table(const struct walk *w, CXCursor decl)
{
	char *tag;
	bool yes;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return false;
	tag = table_type(clang_getCursorType(decl));
	yes = tag && strset_has(&w->rules->types, tag);
	free(tag);
	return yes;
}

struct table *sentinel_table_for(struct walk *w, CXCursor decl)
{
	CXCursor canon = clang_getCanonicalCursor(decl);
	struct table *t;

	for (size_t i = 0; i < w->ntable; i++)
		if (clang_equalCursors(w->table[i].canon, canon))
			return &w->table[i];
	GROW(w->table, w->tcap, w->ntable);
	t = &w->table[w->ntable++];
	memset(t, 0, sizeof(*t));
	t->canon = canon;
	t->name = cx_spelling(decl);
	t->listed = sentinel_is_table(w, decl);
	return t;
}

size_t sentinel_table_index(struct walk *w, CXCursor decl)
{
	return sentinel_table_for(w, decl) - w->table;
}

void sentinel_add_consumer(struct table *t, enum consumer_kind kind,
			   const char *what, struct cx_pos pos)
{
	struct consumer *c;

	GROW(t->consumer, t->cap, t->nconsumer);
	c = &t->consumer[t->nconsumer++];
	c->kind = kind;
	c->what = xstrdup(what);
	c->pos = pos;
}

/* The text of the first token of a cursor, for operators libclang hides. */
bool sentinel_starts_with(const struct walk *w, CXCursor c, const char *text)
{
	struct cx_pos p = cx_cursor_start(c);

	if (!p.file || !clang_File_isEqual(p.file, w->unit->main_file) ||
	    p.offset >= w->unit->source_len)
		return false;
	return !strncmp(w->unit->source + p.offset, text, strlen(text));
}
