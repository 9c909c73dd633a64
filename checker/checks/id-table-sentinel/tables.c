// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tables of a unit and their consumers, as the other parts of
 * id-table-sentinel find them: each table once, looked up by its
 * canonical declaration through a hash index, so that a unit of many
 * tables costs time in proportion to its size.
 *
 * An array of structures is an id table by its use: exported with
 * MODULE_DEVICE_TABLE(), stored in a member a bus walks, or handed to a
 * walker, whatever its type.  The types of rules/id-tables.list are a
 * hint: they decide only for the walks a file writes itself (loops over
 * pointers, local helpers), where nothing else says what the array is.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/id-table-sentinel/internal.h"
#include "lib/util.h"

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

/* The index slot of canon: table index + 1, or 0 where it would go. */
static size_t *index_slot(const struct walk *w, CXCursor canon)
{
	size_t mask = w->nindex - 1;

	for (size_t i = clang_hashCursor(canon) & mask;; i = (i + 1) & mask) {
		size_t *slot = &w->index[i];

		if (!*slot ||
		    clang_equalCursors(w->table[*slot - 1].canon, canon))
			return slot;
	}
}

static void index_grow(struct walk *w)
{
	w->nindex = w->nindex ? w->nindex * 2 : 64;
	free(w->index);
	w->index = xcalloc(w->nindex, sizeof(*w->index));
	for (size_t t = 0; t < w->ntable; t++)
		*index_slot(w, w->table[t].canon) = t + 1;
}

struct table *sentinel_table_for(struct walk *w, CXCursor decl)
{
	CXCursor canon = clang_getCanonicalCursor(decl);
	struct table *t;
	size_t *slot;

	if ((w->ntable + 1) * 2 > w->nindex)
		index_grow(w);
	slot = index_slot(w, canon);
	if (*slot)
		return &w->table[*slot - 1];
	GROW(w->table, w->tcap, w->ntable);
	t = &w->table[w->ntable++];
	memset(t, 0, sizeof(*t));
	t->canon = canon;
	t->name = cx_spelling(decl);
	*slot = w->ntable;
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
	size_t n = strlen(text);

	if (!p.file || !clang_File_isEqual(p.file, w->unit->main_file) ||
	    p.offset >= w->unit->source_len ||
	    w->unit->source_len - p.offset < n)
		return false;
	return !memcmp(w->unit->source + p.offset, text, n);
}

void sentinel_tables_free(struct walk *w)
{
	for (size_t i = 0; i < w->ntable; i++) {
		struct table *t = &w->table[i];

		for (size_t k = 0; k < t->nconsumer; k++)
			free(t->consumer[k].what);
		free(t->consumer);
		free(t->name);
	}
	free(w->table);
	free(w->index);
	text_lines_free(&w->lines);
}
