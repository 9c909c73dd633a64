// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration's Coccinelle file selection (see
 * select/cocci_filter.h): a register call (a word of the script's query)
 * whose result is tested right away, "x = R(...); if" or "if (R(...)" /
 * "if (unlikely(R(...)", or a module with both module_init() and
 * module_exit().  A # line between the call and the next statement, or
 * arguments that cannot be followed, count as a test.
 */
#include "checks/unbalanced-registration/internal.h"
#include "lib/ctok_match.h"

/* "= R(...); if", the word R at k and i after it. */
static bool assigned_then_tested(const struct ctok_text *t, size_t i)
{
	size_t semi;

	if (!ctok_text_punct(t, ctok_text_next(t, &i), '('))
		return false;
	if (!ctok_skip_group(t, &i) ||
	    !ctok_text_punct(t, semi = ctok_text_next(t, &i), ';'))
		return true;
	return ctok_text_is(t, i, "if") ||
	       t->v[i].directives != t->v[semi].directives;
}

bool ur_cocci_select(const struct ctok_text *text, const struct strset *words)
{
	const struct ctok_text *t = text;
	bool init = false, fini = false;
	size_t i = 0, prev2 = t->ntok, prev = t->ntok;

	for (;;) {
		size_t k = ctok_text_next(t, &i);

		if (t->v[k].kind == CTOK_END)
			return init && fini;
		init = init || ctok_text_is(t, k, "module_init");
		fini = fini || ctok_text_is(t, k, "module_exit");
		if (ctok_text_in(t, k, words)) {
			if (ctok_text_punct(t, prev, '(') &&
			    (ctok_text_is(t, prev2, "if") ||
			     ctok_text_is(t, prev2, "unlikely")))
				return true;
			if (ctok_text_punct(t, prev, '=') &&
			    assigned_then_tested(t, i))
				return true;
		}
		prev2 = prev;
		prev = k;
	}
}
