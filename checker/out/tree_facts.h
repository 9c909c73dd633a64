/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The tree's record: after a run over every unit of a compile database,
 * the facts each unit recorded, kept beside the result cache, so that a
 * later run that sees only some of the units (kbuild's checker, one file
 * a call; a run over some paths; the editor) makes the decisions that
 * need the other units from what those units recorded, not by guessing.
 *
 * CACHE_DIR/trees/KEY.json, where KEY names the directory that holds
 * every unit of the run and what shapes facts (drvlint's build,
 * libclang, the rules files, the checks' switches).  For each unit: its
 * file's size and modification time, whether it parsed, and its facts.
 * A record is used only while it is current: every other unit's file as
 * recorded, none of them failed, every rule of the reader in it.
 */
#ifndef DRVLINT_OUT_TREE_FACTS_H
#define DRVLINT_OUT_TREE_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/fact.h"
#include "lib/strset.h"

struct tree_record;

/* A record for the facts of rules[0..nrules) (static strings). */
struct tree_record *tree_record_new(const char *const *rules, size_t nrules);
/*
 * One unit: its absolute file, facts[k] for rules[k] (NULL for none),
 * and whether it failed (its facts are then unknown).
 */
void tree_record_add(struct tree_record *t, const char *file,
		     const struct fact_list *facts, bool failed);
/* Write it under cache_dir for config: 0, or -1 with err. */
int tree_record_write(const struct tree_record *t, const char *cache_dir,
		      uint64_t config, char *err, size_t errlen);
void tree_record_free(struct tree_record *t);

/* A record as read: each unit's file and facts. */
struct tree_facts;

/*
 * For a run over some units, file one of them: read the record of the
 * nearest directory up from file that has one, if it is current (every
 * unit's file as recorded, except those in unstamped, which the reader
 * has itself; none failed; rules[0..nrules) all recorded).  NULL with
 * why otherwise.
 */
struct tree_facts *tree_facts_read(const char *cache_dir, uint64_t config,
				   const char *file,
				   const struct strset *unstamped,
				   const char *const *rules, size_t nrules,
				   char *why, size_t whylen);
/* The directory the record covers. */
const char *tree_facts_root(const struct tree_facts *t);
/*
 * The facts of every recorded unit not in checked, appended to out[k]
 * for rules[k] as shallow copies: they stay t's (free out[k].v only).
 */
void tree_facts_others(const struct tree_facts *t, const struct strset *checked,
		       struct fact_list *out);
void tree_facts_free(struct tree_facts *t);

#endif
