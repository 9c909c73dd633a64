// SPDX-License-Identifier: GPL-2.0-only
/*
 * id-table-sentinel's Coccinelle file selection (see
 * select/cocci_filter.h): the script reports a definition
 * "struct T name[...] = { ... }" of a device-id type whose last entry is
 * not all zero ({ }, { 0 }, ...), or that holds a # line; a file without
 * one gives it nothing.
 */
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

static bool table_without_sentinel(void *ctx, const struct ctok_text *t,
				   size_t i, const struct ctok_specifiers *spec)
{
	bool array;

	(void)ctx;
	(void)spec;
	return ctok_definition_follows(t, &i, &array) && array &&
	       lacks_sentinel(t, i);
}

bool sentinel_cocci_select(const struct ctok_text *text,
			   const struct strset *words)
{
	return ctok_each_struct(text, words, table_without_sentinel, NULL);
}
