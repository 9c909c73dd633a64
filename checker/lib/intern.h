/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interned strings: each distinct string gets a small number, 0, 1, 2, ...
 * in the order first seen, so that a reader of many tokens keeps numbers
 * instead of copies and compares them as numbers.
 */
#ifndef DRVLINT_LIB_INTERN_H
#define DRVLINT_LIB_INTERN_H

#include <stddef.h>
#include <stdint.h>

struct intern {
	char **str; /* str[id], NUL-terminated copies */
	size_t n, cap;
	uint32_t *slot; /* id + 1, 0 empty */
	size_t nslot;
};

/* The number of s[0..len), a new one if it was not seen before. */
uint32_t intern_id(struct intern *in, const char *s, size_t len);

void intern_free(struct intern *in);

#endif
