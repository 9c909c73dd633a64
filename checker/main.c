// SPDX-License-Identifier: GPL-2.0-only
/*
 * drvlint: check Linux drivers for driver-model misuse.
 *
 * main() is the edge: it parses the options and hands them to one of the
 * commands of cli/run.h, which print errors and pick the exit status (0
 * no findings, 1 findings, 2 usage or tool failure).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "cli/run.h"
#include "core/check.h"
#include "lib/cx.h"
#include "lib/util.h"
#include "lsp/lsp.h"

static int list_checks(void)
{
	for (size_t i = 0; i < nr_all_checks; i++)
		printf("%-28s %s\n", all_checks[i]->id, all_checks[i]->summary);
	return 0;
}

static int version(void)
{
	char *v = cx_take(clang_getClangVersion());

	printf("drvlint %s (%s)\n", DRVLINT_VERSION, v);
	free(v);
	return 0;
}

static int run_command(struct run *run)
{
	switch (run->opt.command) {
	case CMD_HELP:
		options_usage(stdout);
		return 0;
	case CMD_VERSION:
		return version();
	case CMD_LIST_CHECKS:
		return list_checks();
	case CMD_MERGE:
		return run_merge_shards(run);
	case CMD_SUBCOMMAND:
		return run_subcommand(run);
	default:
		return run_check_units(run);
	}
}

int main(int argc, char **argv)
{
	struct run *run;
	char err[512];
	int ret;

	if (argc > 1 && !strcmp(argv[1], "lsp"))
		return lsp_main(argc - 1, argv + 1);
	run = xcalloc(1, sizeof(*run));
	if (options_parse(&run->opt, argc, argv, err, sizeof(err)))
		ret = run_usage_error(err);
	else
		ret = run_start(run);
	if (!ret)
		ret = run_command(run);
	run_release(run);
	options_free(&run->opt);
	free(run);
	return ret;
}
