// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the report model does by itself: count the findings per rule (the
 * text summary's "by rule", JSON's "by_rule") and free a report.
 */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "lib/util.h"

static int by_rule(const void *pa, const void *pb)
{
	const struct rule_count *a = pa, *b = pb;

	return strcmp(a->rule, b->rule);
}

size_t report_count_by_rule(const struct report *r, struct rule_count **out)
{
	struct rule_count *v = NULL;
	size_t n = 0, cap = 0, k;

	for (size_t i = 0; i < r->findings.n; i++) {
		const char *rule = r->findings.v[i].rule, *engine;

		for (k = 0; k < n && strcmp(v[k].rule, rule); k++)
			;
		if (k == n) {
			GROW(v, cap, n);
			v[n++] = (struct rule_count){ .rule = rule };
		}
		v[k].count++;
		engine = r->findings.v[i].engine;
		if (!engine)
			continue;
		if (!strcmp(engine, "clang+cocci"))
			v[k].both++;
		else if (!strcmp(engine, "cocci"))
			v[k].cocci_only++;
		else if (!strcmp(engine, "clang"))
			v[k].clang_only++;
	}
	if (n)
		qsort(v, n, sizeof(*v), by_rule);
	*out = v;
	return n;
}

void report_release(struct report *r)
{
	for (size_t k = 0; k < r->nfact_lists; k++)
		fact_list_free(&r->facts[k]);
	free(r->facts);
	free((char **)r->fact_rules);
	free((struct check_stat *)r->stats);
	free((char *)r->root);
	finding_list_free(&r->findings);
	failure_list_free(&r->failures);
}
