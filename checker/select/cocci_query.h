/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A script's grep query, as "spatch --use-idutils --parse-cocci" prints
 * it: a formula over words, "(a|b)&(c|d)", parenthesised throughout,
 * "!(...)" for a negation (taken as true: the selection may only grow),
 * "true" for no constraint.
 */
#ifndef DRVLINT_COCCI_QUERY_H
#define DRVLINT_COCCI_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strset.h"

struct cocci_query;

/*
 * The query of text, or NULL if it is not understood.  Its plain words
 * are added to words (may be NULL).
 */
struct cocci_query *cocci_query_parse(const char *text, struct strset *words);
void cocci_query_free(struct cocci_query *q);

/*
 * Does a text hold what q asks?  present: the plain words the text holds
 * (at least those of q); an atom that is not a plain word is searched in
 * text as it is.
 */
bool cocci_query_eval(const struct cocci_query *q, const struct strset *present,
		      const char *text, size_t len);

/* The query out of spatch's --parse-cocci output, or NULL (free it). */
char *cocci_query_of(const char *parse_cocci_output);

#endif
