// SPDX-License-Identifier: GPL-2.0-only
/* seeds: tests/fuzz/seeds/flags */
/*
 * The compiler-flag filter: any argument list (one argument a line, as a
 * compile database's "arguments" or kbuild's command line give them) is
 * filtered without a crash, and what comes out keeps the filter's
 * promises: only arguments that went in (and the one clang is given to
 * stay quiet about unknown -Wno-X), in order, none that makes warnings
 * errors or writes files, each dropped one said once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine/flags.h"
#include "lib/strvec.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count_dropped(void *ctx, const char *opt)
{
	size_t *n = ctx;

	if (!opt || !*opt)
		abort();
	(*n)++;
}

static bool forbidden(const char *a)
{
	return !strcmp(a, "-Werror") || !strncmp(a, "-Werror=", 8) ||
	       !strcmp(a, "-pedantic-errors") || !strncmp(a, "-Wp,-M", 6) ||
	       !strcmp(a, "-MD") || !strcmp(a, "-MMD") || !strcmp(a, "-c");
}

/* out is in, in order, with some dropped (and a value kept with its option). */
static void check(const struct strvec *in, const struct strvec *out,
		  size_t ndropped)
{
	size_t j = 0;

	for (size_t i = 0; i < out->n; i++) {
		const char *a = out->v[i];

		if (i + 1 == out->n &&
		    !strcmp(a, "-Wno-unknown-warning-option"))
			break;
		while (j < in->n && strcmp(in->v[j], a))
			j++;
		if (j == in->n)
			abort(); /* not an input, or out of order */
		/* An option's value may be anything; an option may not be forbidden. */
		if (forbidden(a) && !(i > 0 && flag_takes_value(out->v[i - 1])))
			abort();
		j++;
	}
	if (out->n > in->n + 1 || ndropped > in->n)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct strvec in = { 0 }, out = { 0 };
	size_t ndropped = 0;
	char *line = text;

	for (;;) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		strvec_push(&in, line);
		if (!nl)
			break;
		line = nl + 1;
	}
	flags_filter(in.v, in.n, &out, count_dropped, &ndropped);
	check(&in, &out, ndropped);
	strvec_free(&out);
	strvec_free(&in);
	free(text);
	return 0;
}
