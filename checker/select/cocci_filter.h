/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which files each semantic patch can match, decided before spatch runs.
 *
 * spatch selects files itself, but slowly: it tests a file against its
 * grep query (the words the script needs, "(a|b)&(c|d)") with one OCaml
 * Str regular expression per line, each word an alternative tried at
 * every position.  For a script naming a hundred struct types that scan
 * costs more than parsing the files it lets through, and it runs in one
 * process before the --jobs workers start.  Here the same query is
 * evaluated in one pass over each file's words, so that spatch is given
 * only the files it would have tried; words in comments and strings count,
 * as they do for spatch, so the selection is never narrower than spatch's.
 *
 * A check may also test the construct its script looks for, on the
 * file's C tokens (comments and # lines skipped): its struct check's
 * cocci_select, in checks/<rule>/.  A file without that construct gives
 * the script nothing to report.  What the token stream does not read:
 * code in macro definitions.
 */
#ifndef DRVLINT_COCCI_FILTER_H
#define DRVLINT_COCCI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

struct cocci_filter;

struct cocci_filter *cocci_filter_new(void);
void cocci_filter_free(struct cocci_filter *cf);

/*
 * Add a rule by its check's id and its query as "spatch --use-idutils
 * --parse-cocci" prints it (NULL, or a query not understood: the rule
 * needs every file).  Rules are numbered from 0 in the order added.
 */
void cocci_filter_add(struct cocci_filter *cf, const char *rule,
		      const char *query);

/* Did the rule's query parse?  (For --verbose and tests.) */
bool cocci_filter_has_query(const struct cocci_filter *cf, size_t rule);

/* For each rule added, may spatch find something in this text? */
void cocci_filter_text(const struct cocci_filter *cf, const char *text,
		       size_t len, bool *pass);

/* The query out of spatch's --parse-cocci output, or NULL (free it). */
char *cocci_filter_query_of(const char *parse_cocci_output);

#endif
