/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One unit, parsed as the editor has it and checked by the same checks
 * as the command line.  The parse is kept between edits and reparsed
 * with libclang's precompiled preamble, so that an edit below the
 * #include lines does not read every header again.
 */
#ifndef DRVLINT_LSP_ANALYSIS_H
#define DRVLINT_LSP_ANALYSIS_H

#include <stdbool.h>

#include <clang-c/Index.h>

#include "core/check.h"
#include "engine/cache.h"
#include "lib/strset.h"
#include "lsp/command.h"

#define LSP_MAX_CHECKS 64

/* The enabled checks and their states. */
struct checker {
	const struct check *checks[LSP_MAX_CHECKS];
	void *states[LSP_MAX_CHECKS];
	size_t n, nstats;
	struct strset switches;
	struct check_config config;
};

/* Select (a --checks list, NULL for the default) and init; -1 with err. */
int checker_init(struct checker *ck, const char *list, const char *rules_dir,
		 char *err, size_t errlen);
void checker_free(struct checker *ck);
/*
 * Every check's finish() over the open units' facts (one list per
 * check) into out.  The editor sees some units of a build: others are the
 * facts the other units recorded (out/tree_facts.h), or NULL.
 */
void checker_finish(const struct checker *ck, const struct fact_list *facts,
		    const struct fact_list *others, struct finding_list *out);

/* A kept parse. */
struct kept_unit {
	CXTranslationUnit tu;
	struct command cmd; /* what it was parsed with */
	unsigned int opts;
	unsigned int reparses;
};

struct analysis {
	struct unit_results r; /* findings, failures, facts */
	struct strset includes; /* every file the parse read, absolute */
	bool includes_read; /* includes was filled */
	bool reparsed; /* with the kept parse's preamble */
	double parse_seconds, check_seconds; /* for the log */
};

/*
 * Parse cmd->file (reparse k's unit when the command and options are the
 * same), with the unsaved buffers, and run the checks on it; source is the
 * main file's text as the parse sees it.  The files the parse read are
 * listed after a full parse, and after a reparse if 'includes' (it costs
 * a walk of the preamble).  Returns false when libclang
 * gave no unit (a->r.failures says why).
 */
bool analysis_run(CXIndex index, struct kept_unit *k, const struct command *cmd,
		  const struct checker *ck, struct CXUnsavedFile *unsaved,
		  unsigned int nunsaved, const char *source, size_t len,
		  bool includes, struct analysis *a);
void analysis_free(struct analysis *a, size_t nchecks);
void kept_unit_dispose(struct kept_unit *k);

#endif
