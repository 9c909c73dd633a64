// SPDX-License-Identifier: GPL-2.0-only
/*
 * const-driver-struct: the objects of a unit, their definitions (with
 * the place of the fix) and the references to them.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/const-driver-struct/internal.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "lib/util.h"

/* Statics are unique per file, globals per name. */
static char *object_key(const struct walk *w, CXCursor decl)
{
	char *name = cx_spelling(decl);
	char *key;

	if (clang_getCursorLinkage(decl) == CXLinkage_External) {
		key = name;
	} else {
		key = xasprintf("%s:%s", w->unit->path, name);
		free(name);
	}
	return key;
}

/* A unit may define thousands of objects: no search through them all. */
static const struct object *object_for(struct walk *w, CXCursor decl)
{
	size_t i;

	if (!cx_map_get(&w->by_canon, clang_getCanonicalCursor(decl), &i))
		return NULL;
	return &w->obj[i];
}

static const struct object *object_add(struct walk *w, CXCursor decl)
{
	struct object *o;

	GROW(w->obj, w->ocap, w->nobj);
	o = &w->obj[w->nobj++];
	o->canon = clang_getCanonicalCursor(decl);
	o->key = object_key(w, decl);
	cx_map_put(&w->by_canon, o->canon, w->nobj - 1);
	return o;
}

/* The hash of the text of file, s[0..len), for --fix: once per file. */
static uint64_t file_hash(struct walk *w, CXFile file, const char *s,
			  size_t len)
{
	for (size_t i = 0; i < w->nhashes; i++)
		if (clang_File_isEqual(w->hashes[i].file, file))
			return w->hashes[i].hash;
	GROW(w->hashes, w->hcap, w->nhashes);
	w->hashes[w->nhashes].file = file;
	w->hashes[w->nhashes].hash = hash_bytes(s, len, 0);
	return w->hashes[w->nhashes++].hash;
}

/*
 * 'const ' goes before the type: "static const struct bus_type foo".
 * Declarations in headers get it too, or the definition would conflict
 * with them.  No fix inside macros or for one of several declarators.
 */
static void record_fix(struct walk *w, const char *key, CXCursor decl)
{
	struct cx_pos a = cx_cursor_start(decl), name = const_pos_of(decl);
	CXType rec = const_object_record(clang_getCursorType(decl));
	char *tag = cx_spelling(clang_getTypeDeclaration(rec));
	char *pattern = xasprintf("struct %s", tag);
	const char *s = NULL, *hit;
	size_t len = 0;
	char *file;

	if (a.file)
		s = clang_getFileContents(w->unit->tu, a.file, &len);
	if (!s || !name.file || !clang_File_isEqual(a.file, name.file) ||
	    name.offset <= a.offset || name.offset > len ||
	    !const_names_object(s + name.offset, len - name.offset, decl))
		goto out;
	hit = memmem(s + a.offset, name.offset - a.offset, pattern,
		     strlen(pattern));
	if (!hit || memchr(s + a.offset, ',', name.offset - a.offset))
		goto out;
	file = const_file_of(a);
	{
		unsigned int line, col, off = hit - s;
		char hash[17]; /* of the text off is in, for --fix */

		snprintf(hash, sizeof(hash), "%016" PRIx64,
			 file_hash(w, a.file, s, len));
		clang_getSpellingLocation(
			clang_getLocationForOffset(w->unit->tu, a.file, off),
			NULL, &line, &col, NULL);
		fact_add(w->unit->facts, F_FIX, key, file, line, col, hash,
			 NULL, off);
	}
	free(file);
out:
	free(pattern);
	free(tag);
}

/* The definition and the first declaration, if that is another one. */
static void record_fixes(struct walk *w, const char *key, CXCursor def)
{
	CXCursor canon = clang_getCanonicalCursor(def);

	record_fix(w, key, def);
	if (!clang_equalCursors(canon, def))
		record_fix(w, key, canon);
}

static char *const_declaration(CXCursor decl)
{
	CXType rec = const_object_record(clang_getCursorType(decl));
	char *tag = cx_spelling(clang_getTypeDeclaration(rec));
	bool is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
	char *text =
		xasprintf("%sconst struct %s", is_static ? "static " : "", tag);

	free(tag);
	return text;
}

static bool at_file_scope(CXCursor decl)
{
	return clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	       CXCursor_TranslationUnit;
}

/* For --const-inventory: a listed object that is const already. */
static void note_const_definition(struct walk *w, CXCursor c)
{
	CXType rec = const_object_record(clang_getCursorType(c));
	char *tag, *type, *key;

	if (rec.kind == CXType_Invalid ||
	    !const_object_is_const(clang_getCursorType(c)) ||
	    const_listed_type(w, rec) != 1)
		return;
	tag = cx_spelling(clang_getTypeDeclaration(rec));
	type = xasprintf("struct %s", tag);
	key = object_key(w, c);
	const_record(w, F_CONST, key, c, type, NULL, 0);
	free(key);
	free(type);
	free(tag);
}

void const_note_definition(struct walk *w, CXCursor c)
{
	int which;
	const struct object *o;
	char *decl;

	if (!clang_isCursorDefinition(c) || !at_file_scope(c))
		return;
	if (w->rules->inventory)
		note_const_definition(w, c);
	if (!(which = const_candidate_type(w, c)) ||
	    const_placed_in_section(w, c))
		return;
	o = object_for(w, c);
	if (!o)
		o = object_add(w, c);
	decl = const_declaration(c);
	const_record(w, which == 1 ? F_DEFINED : F_DEFINED_OTHER, o->key, c,
		     decl, NULL, 0);
	w->unit->stats[STAT_OBJECTS]++;
	free(decl);
	record_fixes(w, o->key, c);
}

/*
 * A use of a candidate here, or of a global one defined elsewhere; or of
 * a static one defined further down ('static struct irq_chip foo_chip;'
 * declared first, used, then defined), whose uses count as well.
 */
void const_note_reference(struct walk *w, CXCursor ref)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	const struct object *o;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return;
	o = object_for(w, decl);
	if (!o) {
		if (!at_file_scope(decl) || !const_candidate_type(w, decl))
			return;
		o = object_add(w, decl);
	}
	const_classify_use(w, o->key);
}
