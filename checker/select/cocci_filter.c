// SPDX-License-Identifier: GPL-2.0-only
/*
 * The file selection of the Coccinelle engine (see cocci_filter.h).  The
 * words of every rule's query share one table; a file's text is read once,
 * marking the words it holds, and each rule's query is evaluated on the
 * marks; the file's tokens are read once too, for the checks' tests.
 */
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/ctok.h"
#include "lib/util.h"
#include "select/cocci_filter.h"
#include "select/cocci_query.h"

struct qrule {
	struct cocci_query *query; /* NULL: every file */
	/* The check's test of its construct, or NULL. */
	bool (*select)(const struct ctok_text *text,
		       const struct strset *words);
	struct strset mine; /* the words of this rule's query */
};

struct cocci_filter {
	struct strset words; /* the words of every query */
	struct qrule *rule;
	size_t nrule, caprule;
};

struct cocci_filter *cocci_filter_new(void)
{
	return xcalloc(1, sizeof(struct cocci_filter));
}

void cocci_filter_free(struct cocci_filter *cf)
{
	if (!cf)
		return;
	for (size_t i = 0; i < cf->nrule; i++) {
		cocci_query_free(cf->rule[i].query);
		strset_free(&cf->rule[i].mine);
	}
	strset_free(&cf->words);
	free(cf->rule);
	free(cf);
}

/* The check named rule, or NULL. */
static const struct check *check_named(const char *rule)
{
	for (size_t i = 0; i < nr_all_checks; i++)
		if (!strcmp(all_checks[i]->id, rule))
			return all_checks[i];
	return NULL;
}

void cocci_filter_add(struct cocci_filter *cf, const char *rule,
		      const char *query)
{
	const struct check *c = check_named(rule);
	struct qrule *r;

	GROW(cf->rule, cf->caprule, cf->nrule + 1);
	r = &cf->rule[cf->nrule++];
	memset(r, 0, sizeof(*r));
	if (query)
		r->query = cocci_query_parse(query, &r->mine);
	strset_add_all(&cf->words, &r->mine);
	/* The checks' tests name the rule's types through its words. */
	if (r->query && c)
		r->select = c->cocci_select;
}

bool cocci_filter_has_query(const struct cocci_filter *cf, size_t rule)
{
	return rule < cf->nrule && cf->rule[rule].query;
}

char *cocci_filter_query_of(const char *out)
{
	return cocci_query_of(out);
}

/* The words of the text that some query names, wherever they are. */
static void present_words(const struct cocci_filter *cf, const char *text,
			  size_t len, struct strset *present)
{
	size_t i = 0;

	while (i < len) {
		size_t start;

		if (!ctok_ident_char((unsigned char)text[i])) {
			i++;
			continue;
		}
		start = i;
		i = ctok_ident_end(text, i, len);
		if (strset_has_n(&cf->words, text + start, i - start))
			strset_add_n(present, text + start, i - start);
	}
}

void cocci_filter_text(const struct cocci_filter *cf, const char *text,
		       size_t len, bool *pass)
{
	struct strset present = { 0 };
	struct ctok_text toks = { 0 };

	present_words(cf, text, len, &present);
	for (size_t k = 0; k < cf->nrule; k++) {
		const struct qrule *r = &cf->rule[k];

		pass[k] = !r->query ||
			  cocci_query_eval(r->query, &present, text, len);
		if (!pass[k] || !r->select)
			continue;
		if (!toks.v)
			ctok_text_read(&toks, text, len, CTOK_LITERALS);
		pass[k] = r->select(&toks, &r->mine);
	}
	ctok_text_free(&toks);
	strset_free(&present);
}
