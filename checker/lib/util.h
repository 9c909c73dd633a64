/* SPDX-License-Identifier: GPL-2.0-only */
/* Small helpers every module uses: allocation that cannot fail quietly. */
#ifndef DRVLINT_UTIL_H
#define DRVLINT_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *v (of element size 'size') so that it holds at least n + 1 elements. */
void grow_array(void **v, size_t *cap, size_t n, size_t size);
#define GROW(v, cap, n) grow_array((void **)&(v), &(cap), (n), sizeof(*(v)))

/* The structure of type holding member, from a pointer to the member. */
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

/* Read a whole file; NUL-terminated.  NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);

bool has_suffix(const char *s, const char *suffix);
/* qsort()'s comparison for an array of char *. */
int strcmp_sort(const void *a, const void *b);

/* Copy the message into buf as snprintf does; returns -1 for "return error". */
int set_error(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
