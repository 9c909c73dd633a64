/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Facts: what a check records about one unit for a decision that needs
 * every unit, such as whether a global object is written in another file.
 * The engine keeps each check's facts and hands them all to the check's
 * finish() once every unit is done.  A fact is plain data (strings and
 * numbers) so that it can be stored and merged like a finding.
 */
#ifndef DRVLINT_FACT_H
#define DRVLINT_FACT_H

#include <stddef.h>

#include "core/finding.h"

struct fact {
	int kind; /* the check's own enumeration */
	char *key; /* what the fact is about, e.g. an object's name */
	struct location loc;
	char *text; /* the check's detail, may be NULL */
	char *extra; /* a second detail, may be NULL */
	long value;
};

struct fact_list {
	struct fact *v;
	size_t n, cap;
};

/* Strings are copied; text and extra may be NULL. */
struct fact *fact_add(struct fact_list *list, int kind, const char *key,
		      const char *file, unsigned int line, unsigned int column,
		      const char *text, const char *extra, long value);
void fact_list_append(struct fact_list *dst, struct fact_list *src);
void fact_list_free(struct fact_list *list);

#endif
