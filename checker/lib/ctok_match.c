// SPDX-License-Identifier: GPL-2.0-only
/* Shapes of C code on a token text (see ctok_match.h). */
#include <stdint.h>

#include "lib/ctok_match.h"

bool ctok_boundary(const struct ctok_text *t, size_t i)
{
	return ctok_text_punct(t, i, ';') || ctok_text_punct(t, i, '{') ||
	       ctok_text_punct(t, i, '}');
}

bool ctok_skip_group(const struct ctok_text *t, size_t *i)
{
	int depth = 1;

	while (depth) {
		size_t k = *i;

		if (t->v[k].kind == CTOK_END || ctok_boundary(t, k))
			return false;
		if (ctok_text_punct(t, k, '(') || ctok_text_punct(t, k, '['))
			depth++;
		else if (ctok_text_punct(t, k, ')') ||
			 ctok_text_punct(t, k, ']'))
			depth--;
		*i = k + 1;
	}
	return true;
}

bool ctok_definition_follows(const struct ctok_text *t, size_t *i, bool *array,
			     size_t *name)
{
	bool named = false;

	*array = false;
	if (name)
		*name = SIZE_MAX;
	for (;;) {
		size_t k = ctok_text_next(t, i);

		if (ctok_text_word(t, k)) {
			if (name && !*array)
				*name = k;
			named = true;
		} else if (ctok_text_punct(t, k, '(')) {
			ctok_skip_group(t, i);
		} else if (ctok_text_punct(t, k, '[')) {
			*array = true;
			ctok_skip_group(t, i);
		} else if (ctok_text_punct(t, k, '=')) {
			return named &&
			       ctok_text_punct(t, ctok_text_next(t, i), '{');
		} else {
			return false;
		}
	}
}

bool ctok_each_struct(const struct ctok_text *t, const struct strset *words,
		      bool (*fn)(void *ctx, const struct ctok_text *t, size_t i,
				 const struct ctok_specifiers *spec),
		      void *ctx)
{
	struct ctok_specifiers spec = { 0 };
	bool after_word = false;
	size_t i = 0;

	for (;;) {
		size_t k = ctok_text_next(t, &i);

		if (t->v[k].kind == CTOK_END)
			return false;
		if (ctok_text_word(t, k) && ctok_text_is(t, k, "struct")) {
			size_t at = i;

			size_t tag = ctok_text_next(t, &at);

			if ((words ? ctok_text_in(t, tag, words) :
				     ctok_text_word(t, tag)) &&
			    fn(ctx, t, at, &spec))
				return true;
			after_word = true;
		} else if (ctok_text_word(t, k)) {
			spec.is_static = spec.is_static ||
					 ctok_text_is(t, k, "static");
			spec.is_const = spec.is_const ||
					ctok_text_is(t, k, "const");
			after_word = true;
		} else if (ctok_text_punct(t, k, '(') && after_word) {
			/* an attribute or a macro's arguments: part of the run */
			ctok_skip_group(t, &i);
		} else {
			spec.is_static = spec.is_const = after_word = false;
		}
	}
}
