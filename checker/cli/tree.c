// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tree around a run: a run over every unit of a compile database
 * records each unit's facts (out/tree_facts.h); a run over some units
 * (kbuild's checker, paths under -p) decides what needs the others from
 * that record when it is current, and otherwise says it cannot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/run.h"
#include "lib/path.h"
#include "lib/util.h"

static void record_unit(void *ctx, const struct unit *u,
			const struct unit_results *res)
{
	tree_record_add(ctx, u->file, res->facts, res->failures.n > 0);
}

static void load_others(struct run *run, const struct unit_list *ul,
			struct run_tree *t, struct engine_config *cfg)
{
	struct strset checked = { 0 };
	char why[4096];

	t->others =
		xcalloc(run->nchecks ? run->nchecks : 1, sizeof(*t->others));
	for (size_t i = 0; i < ul->n; i++)
		strset_add(&checked, ul->v[i].file);
	t->known = tree_facts_read(t->cache_dir, t->config, ul->v[0].file,
				   &checked, t->rules, run->nchecks, why,
				   sizeof(why));
	if (t->known) {
		tree_facts_others(t->known, &checked, t->others);
		cfg->others = t->others;
		if (run->opt.verbose)
			fprintf(stderr,
				"drvlint: note: the other units' facts come from the record of the last run over the whole build\n");
	} else if (run->opt.verbose) {
		struct strvec note = { 0 };

		strvec_push(&note, why);
		if (run->opt.kbuild) /* once per make run */
			said_filter(t->cache_dir, &note);
		if (note.n)
			fprintf(stderr,
				"drvlint: note: decisions that need the other units are not made: %s\n",
				why);
		strvec_free(&note);
	}
	strset_free(&checked);
}

void run_tree_prepare(struct run *run, const struct unit_list *ul,
		      struct engine_config *cfg, uint64_t fingerprint,
		      struct run_tree *t)
{
	memset(t, 0, sizeof(*t));
	if (!(run->opt.engine & ENGINE_CLANG) || cfg->defer_finish || !ul->n)
		return;
	cfg->partial_tree = run->opt.kbuild || ul->left_out > 0;
	if (!cfg->cache_dir)
		return;
	t->cache_dir = cfg->cache_dir;
	t->config = fingerprint;
	t->rules = run_rule_ids(run);
	if (cfg->partial_tree) {
		load_others(run, ul, t, cfg);
	} else if (run->opt.build_dir) {
		t->record = tree_record_new(t->rules, run->nchecks);
		cfg->record_unit = record_unit;
		cfg->record_ctx = t->record;
	}
}

void run_tree_finish(struct run *run, struct run_tree *t, bool stuck)
{
	char err[4096];

	if (t->record && !stuck &&
	    tree_record_write(t->record, t->cache_dir, t->config, err,
			      sizeof(err)))
		fprintf(stderr,
			"drvlint: warning: the tree's facts are not recorded: %s\n",
			err);
	tree_record_free(t->record);
	/* shallow copies of the record's facts */
	for (size_t k = 0; t->others && k < run->nchecks; k++)
		free(t->others[k].v);
	free(t->others);
	tree_facts_free(t->known);
	free(t->rules);
	memset(t, 0, sizeof(*t));
}
