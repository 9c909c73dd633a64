/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shapes of C code on a token text (lib/ctok.h), for the checks' rough
 * tests of a file's text, such as their Coccinelle file selections: a
 * bracket group, a struct definition with its initializer.  Rough means
 * on the text as written, directives skipped: never a parse.
 */
#ifndef DRVLINT_LIB_CTOK_MATCH_H
#define DRVLINT_LIB_CTOK_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/ctok.h"
#include "lib/strset.h"

/* A statement or block boundary (';', '{', '}'): no bracket group crosses one. */
bool ctok_boundary(const struct ctok_text *t, size_t i);

/*
 * Past the rest of a group whose opening bracket was just read (*i is
 * after it).  Stops early, before a boundary token, so that brackets left
 * unbalanced by #ifdef branches cannot swallow the file: false then, or
 * at the end of the text.
 */
bool ctok_skip_group(const struct ctok_text *t, size_t *i);

/*
 * After "struct T": a declarator "name", "name[...]", with attributes
 * (words, bracket groups) around it, then "= {".  Leaves *i after the
 * '{'.  *array tells whether a [...] was seen; *name (if not NULL) is
 * the index of the last word before it, the declarator's name, or
 * SIZE_MAX.
 */
bool ctok_definition_follows(const struct ctok_text *t, size_t *i, bool *array,
			     size_t *name);

/* The specifiers read before a "struct T". */
struct ctok_specifiers {
	bool is_static, is_const;
};

/*
 * Each "struct T" with T one of words (any T if words is NULL), in a run
 * of specifier words and attribute groups: fn(ctx, t, i, spec) with i
 * after T (T is the token at i - 1), until fn says true (then true).
 */
bool ctok_each_struct(const struct ctok_text *t, const struct strset *words,
		      bool (*fn)(void *ctx, const struct ctok_text *t, size_t i,
				 const struct ctok_specifiers *spec),
		      void *ctx);

#endif
