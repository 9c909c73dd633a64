// SPDX-License-Identifier: GPL-2.0-only
/*
 * What every command of a run shares: errors at the edge, the checks'
 * set-up, the units, the report's root, the engine's configuration.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/run.h"
#include "engine/cache.h"
#include "lib/hash.h"
#include "lib/path.h"
#include "lib/util.h"

int run_fail(const char *msg)
{
	fprintf(stderr, "drvlint: error: %s\n", msg);
	return EXIT_TROUBLE;
}

int run_usage_error(const char *msg)
{
	fprintf(stderr,
		"drvlint: error: %s\nTry 'drvlint --help' for more information.\n",
		msg);
	return EXIT_TROUBLE;
}

int run_start(struct run *run)
{
	run->cwd = getcwd(NULL, 0);
	if (!run->cwd)
		return run_fail("cannot read the current directory");
	run->enabled = xcalloc(nr_all_checks, sizeof(*run->enabled));
	run->checks = xcalloc(nr_all_checks, sizeof(*run->checks));
	run->states = xcalloc(nr_all_checks, sizeof(*run->states));
	run->rules = xcalloc(nr_all_checks, sizeof(*run->rules));
	return 0;
}

void run_release(struct run *run)
{
	for (size_t i = 0; i < run->nchecks; i++) {
		run->checks[i]->fini(run->states[i]);
		free((char *)run->rules[i].help);
	}
	free(run->enabled);
	free(run->checks);
	free(run->states);
	free(run->rules);
	free(run->cwd);
	strset_free(&run->dropped);
	strvec_free(&run->dropped_kbuild);
	strset_free(&run->switches);
}

static void note_dropped(void *ctx, const char *flag)
{
	struct run *run = ctx;

	if (!run->opt.verbose || strset_has(&run->dropped, flag))
		return;
	strset_add(&run->dropped, flag);
	if (run->opt.kbuild)
		strvec_push(&run->dropped_kbuild, flag);
	else
		fprintf(stderr,
			"drvlint: note: dropping compiler option '%s'\n", flag);
}

char *run_cache_dir(const struct run *run)
{
	if (run->opt.no_cache)
		return NULL;
	if (run->opt.cache_dir)
		return path_absolute(run->cwd, run->opt.cache_dir);
	return cache_default_dir();
}

/*
 * kbuild calls drvlint once per file: one line, not one per option, and
 * under make only the options this make run did not hear of yet.
 */
static void say_dropped_kbuild(struct run *run)
{
	struct strvec *d = &run->dropped_kbuild;
	char *cache = run_cache_dir(run);

	said_filter(cache, d);
	free(cache);
	if (!d->n)
		return;
	fprintf(stderr, "drvlint: note: dropping %zu compiler option%s:", d->n,
		d->n == 1 ? "" : "s");
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, " '%s'", d->v[i]);
	fputc('\n', stderr);
}

const char **run_rule_ids(const struct run *run)
{
	const char **ids =
		xcalloc(run->nchecks ? run->nchecks : 1, sizeof(*ids));

	for (size_t i = 0; i < run->nchecks; i++)
		ids[i] = run->checks[i]->id;
	return ids;
}

const char *run_rules_dir(const struct run *run)
{
	return run->opt.rules_dir ? run->opt.rules_dir : DRVLINT_RULES_DIR;
}

int run_init_checks(struct run *run)
{
	char err[512];

	if (checks_select(run->opt.checks, run->enabled, err, sizeof(err)))
		return run_usage_error(err);
	for (size_t i = 0; i < run->opt.switches.n; i++)
		strset_add(&run->switches, run->opt.switches.v[i]);
	run->config.rules_dir = run_rules_dir(run);
	run->config.switches = &run->switches;
	for (size_t i = 0; i < nr_all_checks; i++) {
		const struct check *c = all_checks[i];
		void *state;

		if (!run->enabled[i])
			continue;
		state = c->init(&run->config, err, sizeof(err));
		if (!state)
			return run_fail(err);
		run->checks[run->nchecks] = c;
		run->states[run->nchecks++] = state;
	}
	if (!run->nchecks)
		return run_usage_error("--checks leaves no check enabled");
	return 0;
}

/* Rule documents for SARIF's help text: rules/<id>.md, if present. */
void run_load_rule_info(struct run *run)
{
	for (size_t i = 0; i < run->nchecks; i++) {
		char *path = xasprintf("%s/%s.md", run_rules_dir(run),
				       run->checks[i]->id);

		run->rules[i].id = run->checks[i]->id;
		run->rules[i].summary = run->checks[i]->summary;
		run->rules[i].help = read_file(path, NULL);
		free(path);
	}
}

int run_collect_units(struct run *run, struct unit_list *ul)
{
	struct options *o = &run->opt;
	char err[PATH_MAX + 512];
	int r;

	if (o->build_dir)
		r = units_from_compdb(ul, o->build_dir, run->cwd, o->paths.v,
				      o->paths.n, note_dropped, run, err,
				      sizeof(err));
	else if (!o->paths.n)
		return run_usage_error(
			"no input: give files or directories, or -p BUILD_DIR");
	else
		r = units_from_paths(ul, run->cwd, o->paths.v, o->paths.n,
				     o->cflags.v, o->cflags.n, note_dropped,
				     run, err, sizeof(err));
	say_dropped_kbuild(run);
	return r ? run_fail(err) : 0;
}

char *run_report_root(const struct run *run)
{
	const char *root = run->opt.root      ? run->opt.root :
			   run->opt.build_dir ? run->opt.build_dir :
						".";
	char buf[PATH_MAX];

	if (realpath(root, buf))
		return xstrdup(buf);
	return path_absolute(run->cwd, root);
}

/* The enabled checks with their switches, in a fixed order. */
static uint64_t hash_checks(const struct run *run, uint64_t h)
{
	for (size_t i = 0; i < run->nchecks; i++) {
		const struct check *c = run->checks[i];

		h = hash_string(h, c->id);
		for (const struct check_option *o = c->options; o && o->option;
		     o++)
			if (check_switch(&run->config, c->id, o->name))
				h = hash_string(h, o->name);
	}
	return h;
}

uint64_t run_fingerprint(const struct run *run)
{
	uint64_t h = hash_string(0, "drvlint " DRVLINT_VERSION);
	char engine[16];

	h = hash_checks(run, h);
	snprintf(engine, sizeof(engine), "engine %d", (int)run->opt.engine);
	h = hash_string(h, engine);
	if (hash_directory(run_rules_dir(run), &h))
		h = hash_string(h, "rules unreadable");
	return h ? h : 1;
}

void run_engine_config(struct run *run, struct engine_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->checks = run->checks;
	cfg->states = run->states;
	cfg->nchecks = run->nchecks;
	for (size_t i = 0; i < run->nchecks; i++)
		cfg->nstats += check_nstats(run->checks[i]);
	cfg->jobs = run->opt.jobs;
	cfg->prefilter = !run->opt.no_prefilter;
	cfg->verbose = run->opt.verbose;
	cfg->progress_tty = isatty(2);
	cfg->progress = !run->opt.quiet && !run->opt.kbuild &&
			(cfg->progress_tty || run->opt.progress);
	cfg->defer_finish = run->opt.shard_n > 0;
	cfg->unit_timeout = run->opt.unit_timeout;
}
