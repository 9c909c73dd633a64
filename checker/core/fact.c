// SPDX-License-Identifier: GPL-2.0-only
/* The fact store: facts are owned by their list and moved between lists. */
#include <stdlib.h>
#include <string.h>

#include "core/fact.h"
#include "lib/util.h"

struct fact *fact_add(struct fact_list *list, int kind, const char *key,
		      const char *file, unsigned int line, unsigned int column,
		      const char *text, const char *extra, long value)
{
	struct fact *f;

	GROW(list->v, list->cap, list->n);
	f = &list->v[list->n++];
	f->kind = kind;
	f->key = xstrdup(key);
	f->loc.file = xstrdup(file);
	f->loc.line = line;
	f->loc.column = column;
	f->text = text ? xstrdup(text) : NULL;
	f->extra = extra ? xstrdup(extra) : NULL;
	f->value = value;
	return f;
}

void fact_list_append(struct fact_list *dst, struct fact_list *src)
{
	for (size_t i = 0; i < src->n; i++) {
		GROW(dst->v, dst->cap, dst->n);
		dst->v[dst->n++] = src->v[i];
	}
	free(src->v);
	memset(src, 0, sizeof(*src));
}

void fact_list_free(struct fact_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		free(list->v[i].key);
		free(list->v[i].loc.file);
		free(list->v[i].text);
		free(list->v[i].extra);
	}
	free(list->v);
	memset(list, 0, sizeof(*list));
}
