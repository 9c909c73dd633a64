// SPDX-License-Identifier: GPL-2.0-only
/*
 * A check's own subcommand ('drvlint pairs --mine'): the units are parsed
 * with the subcommand's pass as the only check, and the facts it records
 * go to the subcommand's printer.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/run.h"

/* The pass over the units; the number of units that did not parse. */
static int parse_units(struct run *run, const struct unit_list *ul, void *state,
		       struct report *r, bool *stuck)
{
	const struct check_command *cmd = run->opt.subcommand;
	const struct check *checks[1] = { cmd->pass };
	void *states[1] = { state };
	struct engine_config ec = {
		.checks = checks,
		.states = states,
		.nchecks = 1,
		.jobs = run->opt.jobs,
		.progress_tty = isatty(2),
		.defer_finish = true,
		.unit_timeout = run->opt.unit_timeout,
	};

	ec.progress = !run->opt.quiet && (ec.progress_tty || run->opt.progress);
	*stuck = engine_run(ul, &ec, r);
	for (size_t i = 0; i < r->failures.n; i++)
		fprintf(stderr, "drvlint: %s: %s\n", r->failures.v[i].loc.file,
			r->failures.v[i].message);
	return (int)r->failures.n;
}

/* Parse, then print to out: 0 or an exit status. */
static int pass_and_print(struct run *run, const struct unit_list *ul,
			  FILE *out)
{
	const struct check_command *cmd = run->opt.subcommand;
	struct report r = { 0 };
	char err[PATH_MAX + 512];
	void *state;
	bool stuck;
	int failed, ret;

	run->config.rules_dir = run_rules_dir(run);
	state = cmd->pass->init(&run->config, err, sizeof(err));
	if (!state)
		return run_fail(err);
	failed = parse_units(run, ul, state, &r, &stuck);
	r.root = run_report_root(run);
	ret = cmd->print(state, &r.facts[0], r.units, r.root, out, err,
			 sizeof(err));
	ret = ret < 0 ? run_fail(err) : failed ? EXIT_TROUBLE : 0;
	if (out != stdout && fclose(out) && !ret)
		ret = run_fail("could not write the candidate pairs");
	if (stuck) {
		/* A unit still parsing uses all of it: end at once. */
		fflush(stdout);
		_exit(ret);
	}
	report_release(&r);
	cmd->pass->fini(state);
	return ret;
}

int run_subcommand(struct run *run)
{
	struct unit_list ul = { 0 };
	FILE *out = stdout;
	char err[PATH_MAX + 512];
	int ret = run_collect_units(run, &ul);

	if (ret)
		goto out;
	if (run->opt.output && !(out = fopen(run->opt.output, "w"))) {
		snprintf(err, sizeof(err), "%s: %s", run->opt.output,
			 strerror(errno));
		ret = run_fail(err);
		goto out;
	}
	ret = pass_and_print(run, &ul, out);
out:
	unit_list_free(&ul);
	return ret;
}
