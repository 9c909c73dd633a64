// SPDX-License-Identifier: GPL-2.0-only
/*
 * The language server's single-unit path: parse (or reparse) one unit
 * with the editor's buffers and run the checks on it, as the engine does
 * for each unit of a run.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/engine.h"
#include "engine/parse_failure.h"
#include "lib/cx.h"
#include "lib/path.h"
#include "lib/util.h"
#include "lsp/analysis.h"

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int checker_init(struct checker *ck, const char *list, const char *rules_dir,
		 char *err, size_t errlen)
{
	bool enabled[LSP_MAX_CHECKS];

	memset(ck, 0, sizeof(*ck));
	if (nr_all_checks > LSP_MAX_CHECKS)
		return set_error(err, errlen, "too many checks for this build");
	if (checks_select(list, enabled, err, errlen))
		return -1;
	ck->config.rules_dir = rules_dir;
	ck->config.switches = &ck->switches;
	for (size_t i = 0; i < nr_all_checks; i++) {
		void *state;

		if (!enabled[i])
			continue;
		state = all_checks[i]->init(&ck->config, err, errlen);
		if (!state) {
			checker_free(ck);
			return -1;
		}
		ck->checks[ck->n] = all_checks[i];
		ck->states[ck->n++] = state;
		ck->nstats += check_nstats(all_checks[i]);
	}
	if (!ck->n)
		return set_error(err, errlen,
				 "the checks list leaves no check enabled");
	return 0;
}

void checker_free(struct checker *ck)
{
	for (size_t i = 0; i < ck->n; i++)
		if (ck->checks[i]->fini)
			ck->checks[i]->fini(ck->states[i]);
	strset_free(&ck->switches);
	memset(ck, 0, sizeof(*ck));
}

void checker_finish(const struct checker *ck, const struct fact_list *facts,
		    const struct fact_list *others, struct finding_list *out)
{
	const struct engine_config cfg = { .checks = ck->checks,
					   .states = ck->states,
					   .nchecks = ck->n,
					   .partial_tree = true,
					   .others = others };

	engine_finish(&cfg, facts, out);
}

void kept_unit_dispose(struct kept_unit *k)
{
	if (k->tu)
		clang_disposeTranslationUnit(k->tu);
	command_free(&k->cmd);
	memset(k, 0, sizeof(*k));
}

static unsigned int parse_options(const struct checker *ck, const char *src,
				  size_t len)
{
	unsigned int opts = CXTranslationUnit_KeepGoing |
			    CXTranslationUnit_PrecompiledPreamble;

#if CINDEX_VERSION_MINOR >= 59
	opts |= CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
#endif
	for (size_t i = 0; i < ck->n; i++)
		if (ck->checks[i]->parse_options)
			opts |= ck->checks[i]->parse_options(ck->states[i], src,
							     len);
	return opts;
}

static bool parse(CXIndex index, struct kept_unit *k, const struct command *cmd,
		  unsigned int opts, struct CXUnsavedFile *unsaved,
		  unsigned int nunsaved, struct analysis *a)
{
	const char **args = xcalloc(cmd->args.n + 2, sizeof(char *));
	char *wd = xasprintf("-working-directory=%s", cmd->directory);
	enum CXErrorCode code;

	kept_unit_dispose(k);
	args[0] = wd;
	for (size_t i = 0; i < cmd->args.n; i++)
		args[i + 1] = cmd->args.v[i];
	code = clang_parseTranslationUnit2(index, cmd->file, args,
					   (int)cmd->args.n + 1, unsaved,
					   nunsaved, opts, &k->tu);
	free(args);
	free(wd);
	if (code != CXError_Success) {
		k->tu = NULL;
		failure_add(
			&a->r.failures, cmd->file, 0, 0,
			"libclang could not parse this unit (check its compiler flags)");
		return false;
	}
	k->opts = opts;
	k->cmd.file = xstrdup(cmd->file);
	k->cmd.directory = xstrdup(cmd->directory);
	for (size_t i = 0; i < cmd->args.n; i++)
		strvec_push(&k->cmd.args, cmd->args.v[i]);
	return true;
}

static bool reparse(struct kept_unit *k, struct CXUnsavedFile *unsaved,
		    unsigned int nunsaved)
{
	if (clang_reparseTranslationUnit(k->tu, nunsaved, unsaved,
					 clang_defaultReparseOptions(k->tu))) {
		/* libclang disposed of nothing: the unit is unusable now. */
		kept_unit_dispose(k);
		return false;
	}
	k->reparses++;
	return true;
}

static void add_include(CXFile file, CXSourceLocation *stack,
			unsigned int depth, CXClientData data)
{
	void **ctx = data;
	struct strset *set = ctx[0];
	const char *dir = ctx[1];
	char *name = cx_take(clang_getFileName(file));
	char *abs = path_absolute(dir, name);

	(void)stack;
	(void)depth;
	strset_add(set, abs);
	free(abs);
	free(name);
}

/* The command line's way to run the checks on a parsed unit. */
static void run_checks(const struct checker *ck, CXTranslationUnit tu,
		       const struct command *cmd, const char *source,
		       size_t len, struct unit_results *r)
{
	const struct engine_config cfg = { .checks = ck->checks,
					   .states = ck->states,
					   .nchecks = ck->n,
					   .nstats = ck->nstats };

	engine_run_checks(&cfg, tu, cmd->file, &cmd->args, source, len, r);
}

bool analysis_run(CXIndex index, struct kept_unit *k, const struct command *cmd,
		  const struct checker *ck, struct CXUnsavedFile *unsaved,
		  unsigned int nunsaved, const char *source, size_t len,
		  bool includes, struct analysis *a)
{
	unsigned int opts = parse_options(ck, source, len);
	void *ctx[2] = { &a->includes, cmd->directory };
	double start = seconds();

	memset(a, 0, sizeof(*a));
	if (k->tu && k->opts == opts && command_equal(&k->cmd, cmd) &&
	    reparse(k, unsaved, nunsaved))
		a->reparsed = true;
	else if (!parse(index, k, cmd, opts, unsaved, nunsaved, a))
		return false;
	a->parse_seconds = seconds() - start;
	start = seconds();
	/* Cheap after a full parse, not after a reparse (the preamble's). */
	if (includes || !a->reparsed) {
		clang_getInclusions(k->tu, add_include, ctx);
		a->includes_read = true;
	}
	if (!parse_failure_first_error(&a->r.failures, "", k->tu))
		run_checks(ck, k->tu, cmd, source, len, &a->r);
	a->check_seconds = seconds() - start;
	return true;
}

void analysis_free(struct analysis *a, size_t nchecks)
{
	unit_results_free(&a->r, nchecks);
	strset_free(&a->includes);
	memset(a, 0, sizeof(*a));
}
