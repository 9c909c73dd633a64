/* SPDX-License-Identifier: GPL-2.0-only */
/* A set of strings, for the names the checks look up while walking. */
#ifndef DRVLINT_LIB_STRSET_H
#define DRVLINT_LIB_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset {
	char **slot;
	size_t nslot, n;
};

void strset_add(struct strset *s, const char *str);
void strset_add_n(struct strset *s, const char *str, size_t len);
bool strset_has(const struct strset *s, const char *str);
bool strset_has_n(const struct strset *s, const char *str, size_t len);
void strset_add_all(struct strset *s, const struct strset *from);
void strset_free(struct strset *s);

#endif
