// SPDX-License-Identifier: GPL-2.0-only
/*
 * const-driver-struct's Coccinelle file selection (see
 * select/cocci_filter.h): the script reports a definition
 * "static struct T name[...] = {" of one of its types with no 'const'
 * before 'struct'; a file without one gives it nothing.
 */
#include "checks/const-driver-struct/internal.h"
#include "lib/ctok_match.h"

static bool unconst_definition(void *ctx, const struct ctok_text *t, size_t i,
			       const struct ctok_specifiers *spec)
{
	bool array;

	(void)ctx;
	return spec->is_static && !spec->is_const &&
	       ctok_definition_follows(t, &i, &array, NULL);
}

bool const_cocci_select(const struct ctok_text *text,
			const struct strset *words)
{
	return ctok_each_struct(text, words, unconst_definition, NULL);
}
