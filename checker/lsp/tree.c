// SPDX-License-Identifier: GPL-2.0-only
/* The tree's record in the editor (see tree.h). */
#include <stdlib.h>
#include <string.h>

#include "engine/fingerprint.h"
#include "lib/util.h"
#include "lsp/server.h"
#include "lsp/tree.h"
#include "out/tree_facts.h"

void lsp_tree_prepare(struct server *s, struct lsp_tree_read *r,
		      const char *cache_dir)
{
	memset(r, 0, sizeof(*r));
	r->wanted = s->have_checker && !s->tree_read && cache_dir;
	if (!r->wanted)
		return;
	s->tree_read = true; /* one worker reads it */
	for (size_t i = 0; i < s->ndocs; i++)
		if (!s->docs[i]->closed)
			strset_add(&r->unstamped, s->docs[i]->d.path);
	r->cache_dir = xstrdup(cache_dir);
	r->rules_dir = xstrdup(s->cfg.rules_dir ? s->cfg.rules_dir :
						  DRVLINT_RULES_DIR);
	for (size_t k = 0; k < s->ck.n; k++)
		r->rules[r->nrules++] = s->ck.checks[k]->id;
}

void lsp_tree_do(struct lsp_tree_read *r, const char *unit_file)
{
	uint64_t config;

	if (!r->wanted || !unit_file)
		return;
	strset_add(&r->unstamped, unit_file);
	if (!engine_fingerprint(r->rules_dir, NULL, 0, &config)) {
		snprintf(r->why, sizeof(r->why),
			 "drvlint's build or its rules cannot be read");
		return;
	}
	r->got = tree_facts_read(r->cache_dir, config, unit_file, &r->unstamped,
				 r->rules, r->nrules, r->why, sizeof(r->why));
}

bool lsp_tree_keep(struct server *s, struct lsp_tree_read *r)
{
	bool had;

	if (!r->wanted)
		return false;
	if (!s->tree_read) {
		/* a save or close came meanwhile: this read is old already */
		tree_facts_free(r->got);
		r->got = NULL;
		return false;
	}
	had = s->tree != NULL;
	tree_facts_free(s->tree);
	s->tree = r->got;
	r->got = NULL;
	if (s->tree)
		lsp_log(s, "the other units' facts: the record of %s",
			tree_facts_root(s->tree));
	else
		lsp_log(s,
			"decisions that need the other units are not made: %s",
			r->why);
	return had || s->tree;
}

void lsp_tree_read_free(struct lsp_tree_read *r)
{
	strset_free(&r->unstamped);
	free(r->cache_dir);
	free(r->rules_dir);
	tree_facts_free(r->got);
	memset(r, 0, sizeof(*r));
}

void lsp_tree_stale(struct server *s)
{
	s->tree_read = false;
}

struct fact_list *lsp_tree_others(struct server *s,
				  const struct strset *checked)
{
	struct fact_list *others;

	if (!s->tree)
		return NULL;
	others = xcalloc(s->ck.n ? s->ck.n : 1, sizeof(*others));
	tree_facts_others(s->tree, checked, others);
	return others;
}
