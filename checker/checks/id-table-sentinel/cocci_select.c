// SPDX-License-Identifier: GPL-2.0-only
/*
 * id-table-sentinel's Coccinelle file selection (see
 * select/cocci_filter.h): the script reports a definition
 * "struct T name[...] = { ... }" of a device-id type whose last entry is
 * not all zero ({ }, { 0 }, ...), or that holds a # line; a file without
 * one gives it nothing.  T is a device-id type of the script's list, or
 * any structure when the table's name is exported with
 * MODULE_DEVICE_TABLE(x, NAME) or stored as ".id_table = NAME": tables by
 * use, whatever their type.
 */
#include <stdint.h>

#include "checks/id-table-sentinel/internal.h"
#include "lib/ctok_match.h"

/* Is a token of an initializer's last entry one of an all-zero entry? */
static bool zero_token(const struct ctok_text *t, size_t i)
{
	static const char *const zero[] = { "0",     "0x0",  "0x00", "NULL",
					    "false", "\"\"", "'\\0'" };

	if (t->v[i].kind == CTOK_PUNCT)
		return ctok_text_punct(t, i, '{') ||
		       ctok_text_punct(t, i, '}') || ctok_text_punct(t, i, ',');
	for (size_t k = 0; k < sizeof(zero) / sizeof(zero[0]); k++)
		if (ctok_text_is(t, i, zero[k]))
			return true;
	return false;
}

/*
 * The initializer whose '{' was just read (i is after it): does its last
 * entry fail to be all zero?  Also true when it holds a # line (which
 * entry is last then depends on the configuration) or an index
 * designator (the last entry is the one of the highest index), or when
 * it does not end.
 */
static bool lacks_sentinel(const struct ctok_text *t, size_t i)
{
	unsigned int directives = t->v[i - 1].directives;
	bool have = false, last_zero = false, nonempty = false, zero = true;
	int depth = 1;
	size_t k;

	for (;;) {
		k = ctok_text_next(t, &i);
		if (t->v[k].kind == CTOK_END)
			return true;
		if (depth == 1 && (ctok_text_punct(t, k, ',') ||
				   ctok_text_punct(t, k, '}'))) {
			if (nonempty) {
				have = true;
				last_zero = zero;
			}
			nonempty = false;
			zero = true;
			if (ctok_text_punct(t, k, '}'))
				break;
			continue;
		}
		if (depth == 1 && !nonempty && ctok_text_punct(t, k, '['))
			return true;
		if (ctok_text_punct(t, k, '{') || ctok_text_punct(t, k, '(') ||
		    ctok_text_punct(t, k, '['))
			depth++;
		else if (ctok_text_punct(t, k, '}') ||
			 ctok_text_punct(t, k, ')') ||
			 ctok_text_punct(t, k, ']'))
			depth--;
		nonempty = true;
		zero = zero && zero_token(t, k);
	}
	return t->v[k].directives != directives || !have || !last_zero;
}

struct select_ctx {
	const struct strset *words; /* the script's device-id types */
	struct strset by_use; /* names a table is exported or stored by */
};

static bool table_without_sentinel(void *ctx, const struct ctok_text *t,
				   size_t i, const struct ctok_specifiers *spec)
{
	const struct select_ctx *c = ctx;
	bool listed = ctok_text_in(t, i - 1, c->words), array;
	size_t name;

	(void)spec;
	if (!ctok_definition_follows(t, &i, &array, &name) || !array)
		return false;
	if (!listed && (name == SIZE_MAX ||
			!strset_has_n(&c->by_use, t->s + t->v[name].start,
				      t->v[name].len)))
		return false;
	return lacks_sentinel(t, i);
}

/* NAME of "MODULE_DEVICE_TABLE(x, NAME)" at k, if that is what is there. */
static void exported_name(const struct ctok_text *t, size_t at,
			  struct strset *names)
{
	size_t a;

	if (ctok_text_punct(t, ctok_text_next(t, &at), '(') &&
	    ctok_text_word(t, ctok_text_next(t, &at)) &&
	    ctok_text_punct(t, ctok_text_next(t, &at), ',') &&
	    ctok_text_word(t, (a = ctok_text_next(t, &at))))
		strset_add_n(names, t->s + t->v[a].start, t->v[a].len);
}

/* NAME of ".id_table = NAME" (or "= &NAME[0]") after "id_table" at k. */
static void stored_name(const struct ctok_text *t, size_t at,
			struct strset *names)
{
	size_t a;

	if (!ctok_text_punct(t, ctok_text_next(t, &at), '='))
		return;
	a = ctok_text_next(t, &at);
	if (ctok_text_punct(t, a, '&'))
		a = ctok_text_next(t, &at);
	if (ctok_text_word(t, a))
		strset_add_n(names, t->s + t->v[a].start, t->v[a].len);
}

/* The names tables are used by, where those words are the script's. */
static void names_by_use(const struct ctok_text *t, const struct strset *words,
			 struct strset *names)
{
	bool mdt = strset_has(words, "MODULE_DEVICE_TABLE"),
	     field = strset_has(words, "id_table");
	size_t i = 0, prev = SIZE_MAX;

	if (!mdt && !field)
		return;
	for (;;) {
		size_t k = ctok_text_next(t, &i);

		if (t->v[k].kind == CTOK_END)
			return;
		if (mdt && ctok_text_is(t, k, "MODULE_DEVICE_TABLE"))
			exported_name(t, i, names);
		else if (field && ctok_text_is(t, k, "id_table") &&
			 prev != SIZE_MAX && ctok_text_punct(t, prev, '.'))
			stored_name(t, i, names);
		prev = k;
	}
}

bool sentinel_cocci_select(const struct ctok_text *text,
			   const struct strset *words)
{
	struct select_ctx c = { .words = words };
	bool found;

	names_by_use(text, words, &c.by_use);
	found = ctok_each_struct(text, c.by_use.n ? NULL : words,
				 table_without_sentinel, &c);
	strset_free(&c.by_use);
	return found;
}
