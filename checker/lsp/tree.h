/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The editor sees some units of a build: a decision that needs the
 * others (is an object with external linkage written in another file?)
 * comes from the tree's record (out/tree_facts.h) that the last run over
 * the whole build left in the result cache, with the open buffers' own
 * facts in place of their units' recorded ones.  The record is read by a
 * worker, outside the lock, after it published its document's
 * diagnostics, once and again after a save, a close or a new
 * configuration; without a current one such decisions are not made.
 */
#ifndef DRVLINT_LSP_TREE_H
#define DRVLINT_LSP_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/fact.h"
#include "lib/strset.h"
#include "lsp/analysis.h"

struct server;

/* A read of the record, prepared under the lock, done outside it. */
struct lsp_tree_read {
	bool wanted;
	struct strset unstamped; /* the open buffers: their disk may differ */
	char *cache_dir, *rules_dir;
	const char *rules[LSP_MAX_CHECKS];
	size_t nrules;
	struct tree_facts *got;
	char why[1024];
};

/* Under the lock: is a read wanted, and with what? */
void lsp_tree_prepare(struct server *s, struct lsp_tree_read *r,
		      const char *cache_dir);
/* Outside it: read the record of the tree that holds unit_file. */
void lsp_tree_do(struct lsp_tree_read *r, const char *unit_file);
/*
 * Under the lock again: keep what was read (r gives it up).  Did the
 * tree's facts change (then publish again)?
 */
bool lsp_tree_keep(struct server *s, struct lsp_tree_read *r);
void lsp_tree_read_free(struct lsp_tree_read *r);
/* Under the lock: read again before the next check. */
void lsp_tree_stale(struct server *s);

/*
 * The record's facts of the units not in checked (shallow copies, one
 * list per check: free each .v and the array), or NULL without one.
 */
struct fact_list *lsp_tree_others(struct server *s,
				  const struct strset *checked);

#endif
