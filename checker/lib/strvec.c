// SPDX-License-Identifier: GPL-2.0-only
/* A growing, NULL-terminated array of strings (an argv). */
#include <stdlib.h>

#include "lib/strvec.h"
#include "lib/util.h"

void strvec_push(struct strvec *a, const char *arg)
{
	GROW(a->v, a->cap, a->n + 1);
	a->v[a->n++] = xstrdup(arg);
	a->v[a->n] = NULL;
}

void strvec_free(struct strvec *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}
