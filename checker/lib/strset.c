// SPDX-License-Identifier: GPL-2.0-only
/* A set of strings: open addressing over lib/hash. */
#include <stdlib.h>
#include <string.h>

#include "lib/hash.h"
#include "lib/strset.h"
#include "lib/util.h"

static char **find_slot(const struct strset *s, const char *str, size_t len)
{
	size_t i = hash_bytes(str, len, 0) & (s->nslot - 1);

	while (s->slot[i]) {
		if (strlen(s->slot[i]) == len && !memcmp(s->slot[i], str, len))
			break;
		i = (i + 1) & (s->nslot - 1);
	}
	return &s->slot[i];
}

static void rehash(struct strset *s)
{
	struct strset bigger = { .nslot = s->nslot ? s->nslot * 2 : 64 };

	bigger.slot = xcalloc(bigger.nslot, sizeof(char *));
	for (size_t i = 0; i < s->nslot; i++)
		if (s->slot[i])
			*find_slot(&bigger, s->slot[i], strlen(s->slot[i])) =
				s->slot[i];
	free(s->slot);
	s->slot = bigger.slot;
	s->nslot = bigger.nslot;
}

void strset_add_n(struct strset *s, const char *str, size_t len)
{
	char **slot;

	if ((s->n + 1) * 2 > s->nslot)
		rehash(s);
	slot = find_slot(s, str, len);
	if (*slot)
		return;
	*slot = xstrndup(str, len);
	s->n++;
}

void strset_add(struct strset *s, const char *str)
{
	strset_add_n(s, str, strlen(str));
}

bool strset_has_n(const struct strset *s, const char *str, size_t len)
{
	return s->nslot && *find_slot(s, str, len);
}

bool strset_has(const struct strset *s, const char *str)
{
	return strset_has_n(s, str, strlen(str));
}

void strset_add_all(struct strset *s, const struct strset *from)
{
	for (size_t i = 0; i < from->nslot; i++)
		if (from->slot[i])
			strset_add(s, from->slot[i]);
}

void strset_free(struct strset *s)
{
	for (size_t i = 0; i < s->nslot; i++)
		free(s->slot[i]);
	free(s->slot);
	memset(s, 0, sizeof(*s));
}
