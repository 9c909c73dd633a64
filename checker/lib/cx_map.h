/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A map from cursors to numbers (an index into the caller's array), by
 * clang_hashCursor() and clang_equalCursors(): a unit may hold thousands
 * of objects or functions, and no lookup searches them all.
 */
#ifndef DRVLINT_LIB_CX_MAP_H
#define DRVLINT_LIB_CX_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include <clang-c/Index.h>

struct cx_map_entry {
	CXCursor key;
	size_t value;
	bool used;
};

struct cx_map {
	struct cx_map_entry *e;
	size_t n, nslot; /* nslot: a power of two, at least twice n */
};

/* The value of key, if there is one. */
bool cx_map_get(const struct cx_map *m, CXCursor key, size_t *value);
/* Set key's value (a new key, or a new value for it). */
void cx_map_put(struct cx_map *m, CXCursor key, size_t value);
void cx_map_free(struct cx_map *m);

#endif
