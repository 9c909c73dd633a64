// SPDX-License-Identifier: GPL-2.0-only
/* Cursors to numbers, by hash (see cx_map.h). */
#include <stdlib.h>

#include "lib/cx_map.h"
#include "lib/util.h"

static struct cx_map_entry *slot_of(const struct cx_map *m, CXCursor key)
{
	size_t mask = m->nslot - 1, i = clang_hashCursor(key) & mask;

	while (m->e[i].used && !clang_equalCursors(m->e[i].key, key))
		i = (i + 1) & mask;
	return &m->e[i];
}

bool cx_map_get(const struct cx_map *m, CXCursor key, size_t *value)
{
	const struct cx_map_entry *e;

	if (!m->nslot)
		return false;
	e = slot_of(m, key);
	if (e->used)
		*value = e->value;
	return e->used;
}

static void grow(struct cx_map *m)
{
	struct cx_map_entry *old = m->e;
	size_t nold = m->nslot;

	m->nslot = m->nslot ? m->nslot * 2 : 64;
	m->e = xcalloc(m->nslot, sizeof(*m->e));
	for (size_t i = 0; i < nold; i++)
		if (old[i].used)
			*slot_of(m, old[i].key) = old[i];
	free(old);
}

void cx_map_put(struct cx_map *m, CXCursor key, size_t value)
{
	struct cx_map_entry *e;

	if ((m->n + 1) * 2 > m->nslot)
		grow(m);
	e = slot_of(m, key);
	if (!e->used) {
		e->used = true;
		e->key = key;
		m->n++;
	}
	e->value = value;
}

void cx_map_free(struct cx_map *m)
{
	free(m->e);
	m->e = NULL;
	m->n = m->nslot = 0;
}
