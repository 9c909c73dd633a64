// SPDX-License-Identifier: GPL-2.0-only
/*
 * const-driver-struct: what only the text says.  libclang exposes neither
 * section attributes nor __init, and EXPORT_SYMBOL() of built-in code
 * expands to little it can name; the declaration's tokens (lib/ctok) and
 * the unit's text, read by length, say it.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/const-driver-struct/internal.h"
#include "lib/ctok.h"
#include "lib/cx.h"
#include "lib/util.h"

bool const_names_object(const char *text, size_t len, CXCursor decl)
{
	char *name = cx_spelling(decl);
	size_t n = strlen(name);
	bool yes = n <= len && !memcmp(text, name, n) &&
		   (n == len || !ctok_ident_char((unsigned char)text[n]));

	free(name);
	return yes;
}

/*
 * The main-file text of a declaration up to its initializer, its body or
 * its ';': [*start, *end) of the unit's source.
 */
static bool decl_text(const struct walk *w, CXCursor decl, size_t *start,
		      size_t *end)
{
	struct cx_pos a = cx_cursor_start(decl), b = cx_cursor_end(decl);
	struct ctok_token tok;
	struct ctok t;

	if (!a.file || !clang_File_isEqual(a.file, w->unit->main_file) ||
	    b.offset > w->unit->source_len || a.offset >= b.offset)
		return false;
	*start = a.offset;
	*end = b.offset;
	ctok_init(&t, w->unit->source + a.offset, b.offset - a.offset, 0);
	while (ctok_next(&t, &tok) != CTOK_END) {
		char c = t.s[tok.start];

		if (tok.kind == CTOK_PUNCT &&
		    (c == '=' || c == '{' || c == ';')) {
			*end = a.offset + tok.start;
			break;
		}
	}
	return true;
}

/* Does the declaration's text, up to its initializer, hold word? */
static bool decl_mentions(const struct walk *w, CXCursor decl, const char *word)
{
	size_t a, b;

	return decl_text(w, decl, &a, &b) &&
	       memmem(w->unit->source + a, b - a, word, strlen(word));
}

bool const_is_init_function(const struct walk *w, CXCursor fn)
{
	return decl_mentions(w, fn, "__init") &&
	       !decl_mentions(w, fn, "__init_or_");
}

/* A '__' word that says nothing about where the object lives. */
static bool harmless_word(const char *s, size_t n)
{
	static const char *const harmless[] = {
		"__maybe_unused", "__used",	"__always_unused", "__aligned",
		"__attribute__",  "__unused__", "__aligned__",
	};

	for (size_t k = 0; k < sizeof(harmless) / sizeof(*harmless); k++)
		if (strlen(harmless[k]) == n && !memcmp(s, harmless[k], n))
			return true;
	return false;
}

/*
 * Does the declaration place the object in a section of its own
 * (__ro_after_init, __read_mostly, __initdata, __section(...))?  libclang
 * does not expose section attributes, so the declaration's words are read:
 * any '__' word but the harmless ones means "leave it alone": const data
 * in a writable section is a section type conflict, and __ro_after_init
 * objects are read-only after boot already.
 */
bool const_placed_in_section(const struct walk *w, CXCursor decl)
{
	struct ctok_token tok;
	struct ctok t;
	size_t a, b;

	if (!decl_text(w, decl, &a, &b))
		return false;
	ctok_init(&t, w->unit->source + a, b - a, 0);
	while (ctok_next(&t, &tok) != CTOK_END)
		if (tok.kind == CTOK_IDENT && tok.len >= 2 &&
		    t.s[tok.start] == '_' && t.s[tok.start + 1] == '_' &&
		    !harmless_word(t.s + tok.start, tok.len))
			return true;
	return memmem(w->unit->source + a, b - a, "section", 7) != NULL;
}

/* EXPORT_SYMBOL(name) and its kin: the object has users outside the tree. */
void const_find_exports(struct walk *w)
{
	const char *s = w->unit->source, *end = s + w->unit->source_len, *p = s;

	while ((p = memmem(p, end - p, "EXPORT_SYMBOL", 13))) {
		const char *open = memchr(p, '(', end - p), *a, *b;

		p += 13;
		if (!open || open - p > 12)
			continue;
		for (a = open + 1; a < end && (*a == ' ' || *a == '\t'); a++)
			;
		b = s + ctok_ident_end(s, (size_t)(a - s), (size_t)(end - s));
		for (size_t i = 0; i < w->nobj; i++) {
			if (strlen(w->obj[i].key) == (size_t)(b - a) &&
			    !memcmp(w->obj[i].key, a, b - a))
				fact_add(w->unit->facts, F_EXPORTED,
					 w->obj[i].key, w->unit->path, 0, 0,
					 NULL, NULL, 0);
		}
	}
}
