// SPDX-License-Identifier: GPL-2.0-only
/* Interned strings (see intern.h): an open-addressing table of ids. */
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/intern.h"
#include "lib/util.h"

static uint32_t *intern_slot(const struct intern *in, const char *s, size_t len)
{
	size_t mask = in->nslot - 1;

	for (size_t i = hash_bytes(s, len, 0) & mask;; i = (i + 1) & mask) {
		uint32_t *slot = &in->slot[i];
		const char *t;

		if (!*slot)
			return slot;
		t = in->str[*slot - 1];
		if (strnlen(t, len + 1) == len && !memcmp(t, s, len))
			return slot;
	}
}

static void intern_grow(struct intern *in)
{
	size_t nslot = in->nslot ? in->nslot * 2 : 4096;

	free(in->slot);
	in->slot = xcalloc(nslot, sizeof(*in->slot));
	in->nslot = nslot;
	for (size_t id = 0; id < in->n; id++)
		*intern_slot(in, in->str[id], strlen(in->str[id])) =
			(uint32_t)id + 1;
}

uint32_t intern_id(struct intern *in, const char *s, size_t len)
{
	uint32_t *slot;
	char *copy;

	if ((in->n + 1) * 2 > in->nslot)
		intern_grow(in);
	slot = intern_slot(in, s, len);
	if (*slot)
		return *slot - 1;
	GROW(in->str, in->cap, in->n);
	copy = xmalloc(len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	in->str[in->n] = copy;
	*slot = (uint32_t)++in->n;
	return *slot - 1;
}

void intern_free(struct intern *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->str[i]);
	free(in->str);
	free(in->slot);
}
