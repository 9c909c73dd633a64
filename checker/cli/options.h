/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The command line.  drvlint's own options are long ("--checks=") or one
 * of -p -j -o -q -v -h; in the habit of sparse and kbuild's checker hook,
 * any other option starting with '-' is a compiler flag, as is everything
 * after "--" (clang-tidy's form).
 */
#ifndef DRVLINT_OPTIONS_H
#define DRVLINT_OPTIONS_H

#include <stdbool.h>

#include "core/check.h"
#include "core/report.h"
#include "engine/flags.h"
#include "lib/strvec.h"

enum command {
	CMD_CHECK,
	CMD_HELP,
	CMD_VERSION,
	CMD_LIST_CHECKS,
	CMD_MERGE,
	CMD_SUBCOMMAND, /* a check's: 'drvlint pairs --mine' */
};

enum engine_select {
	ENGINE_CLANG = 1,
	ENGINE_COCCI = 2,
	ENGINE_ALL = ENGINE_CLANG | ENGINE_COCCI,
};

struct options {
	enum command command;
	const char *build_dir; /* -p */
	struct strvec paths; /* files and directories */
	struct strvec cflags; /* compiler flags */
	struct strvec switches; /* check switches, "rule:name" */
	const char *checks; /* --checks=, NULL for the default */
	enum report_format format;
	const char *output; /* -o */
	const char *rules_dir;
	enum engine_select engine;
	const char *spatch; /* --spatch, default "spatch" */
	const char *cocci_dir; /* --cocci-dir */
	const char *root;
	const char *baseline; /* --baseline */
	const char *write_baseline; /* --write-baseline */
	const char *diff_rev; /* --diff */
	int jobs; /* 0: one per core */
	int shard_k, shard_n; /* --shard K/N; N is 0 without it */
	const char *cache_dir; /* --cache-dir, NULL for the default */
	bool no_cache; /* --no-cache */
	double unit_timeout; /* --unit-timeout, seconds; 0: none */
	bool fix, patch, quiet, verbose, no_prefilter, progress;
	const struct check_command *subcommand; /* CMD_SUBCOMMAND's */
	const struct check_command *command_option; /* whose option was given */
	/* Called as kbuild's CHECK: compiler flags without "--". */
	bool kbuild;
};

/* 0 on success; -1 with a one-line reason in err. */
int options_parse(struct options *o, int argc, char **argv, char *err,
		  size_t errlen);
void options_free(struct options *o);
void options_usage(FILE *out);

#endif
