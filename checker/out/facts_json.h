/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Facts as JSON: one array per rule, each fact an object of its fields,
 * with paths kept as bytes.  A shard's report and the tree's record
 * (out/tree_facts.h) hold facts in this form.
 */
#ifndef DRVLINT_OUT_FACTS_JSON_H
#define DRVLINT_OUT_FACTS_JSON_H

#include <stddef.h>

#include <jansson.h>

#include "core/fact.h"

/* { rules[k]: [fact...] } for lists[0..n). */
json_t *facts_json(const char *const *rules, const struct fact_list *lists,
		   size_t n);

/* Add facts[rules[k]] to out[k]; a rule that is absent adds nothing. */
void facts_from_json(json_t *facts, const char *const *rules, size_t nrules,
		     struct fact_list *out);

#endif
