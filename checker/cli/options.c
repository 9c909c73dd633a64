// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parse the command line into struct options.  Nothing here touches the
 * file system: cli/run.h's commands decide what the options mean for the
 * run.  A check's own switches and subcommand come from struct check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/options.h"
#include "core/check.h"
#include "lib/strvec.h"
#include "lib/util.h"

/* "      --option     help", as the rest of --help lays it out. */
static void print_option(FILE *out, const char *option, const char *help)
{
	const char *indent = "                       ";

	if (strlen(option) > 15)
		fprintf(out, "      %s\n%s", option, indent);
	else
		fprintf(out, "      %-15s  ", option);
	for (const char *p = help; *p;) {
		size_t n = strcspn(p, "\n");

		fprintf(out, "%.*s\n", (int)n, p);
		p += n;
		if (*p) {
			fputs(indent, out);
			p++;
		}
	}
}

/* Each check's switches in a section named by it, then its subcommand. */
static void checks_usage(FILE *out)
{
	for (size_t i = 0; i < nr_all_checks; i++) {
		const struct check_option *o = all_checks[i]->options;

		if (!o || !o->option)
			continue;
		fprintf(out, "%s:\n", all_checks[i]->id);
		for (; o->option; o++)
			print_option(out, o->option, o->help);
	}
	for (size_t i = 0; i < nr_all_checks; i++) {
		const struct check_command *c = all_checks[i]->command;

		if (c) {
			fprintf(out, "%s:\n", c->name);
			print_option(out, c->option, c->help);
		}
	}
}

void options_usage(FILE *out)
{
	fputs("Usage: drvlint [OPTION]... [FILE|DIR]... [-- COMPILER-FLAGS]\n"
	      "       drvlint merge [OPTION]... SHARD.json...\n",
	      out);
	for (size_t i = 0; i < nr_all_checks; i++)
		if (all_checks[i]->command)
			fprintf(out, "       drvlint %s\n",
				all_checks[i]->command->usage);
	fputs("       drvlint lsp [-p DIR] [--log FILE] [-j N]\n", out);
	fputs("Check Linux drivers for driver-model misuse.\n"
	      "\n"
	      "Files come from a compile database (-p) or are parsed with the compiler\n"
	      "flags given after '--'.  Called as kbuild's checker (make C=1\n"
	      "CHECK=drvlint), the compiler flags are the other '-' options.\n"
	      "\n"
	      "Input:\n"
	      "  -p DIR               read DIR/compile_commands.json; FILE and DIR\n"
	      "                       arguments restrict the run to those files or trees\n"
	      "      --root DIR       print paths relative to DIR (default: the compile\n"
	      "                       database's directory, else the current directory)\n"
	      "      --rules-dir DIR  read the rule data files from DIR\n"
	      "Engines:\n"
	      "      --engine=E       clang (default), cocci (Coccinelle's semantic patches\n"
	      "                       of cocci/, no build needed) or all (both, merged)\n"
	      "      --spatch PROG    the spatch program (default: spatch)\n"
	      "      --cocci-dir DIR  read the semantic patches from DIR\n"
	      "Checks:\n"
	      "      --checks=LIST    comma-separated globs applied in order, '-' to\n"
	      "                       disable: 'id-table-sentinel' runs that one,\n"
	      "                       '-const-*' all but those (default: all checks)\n"
	      "      --list-checks    list the checks and exit\n"
	      "      --no-prefilter   parse every unit, even those a quick scan of the\n"
	      "                       source shows no enabled check can report on; with\n"
	      "                       --engine=cocci, give spatch every file to select\n",
	      out);
	checks_usage(out);
	fputs("Output:\n"
	      "      --format=FMT     text (default), json or sarif\n"
	      "  -o, --output FILE    write the report to FILE\n"
	      "      --fix            apply the suggested fixes to the files\n"
	      "      --patch          print the suggested fixes as a unified diff\n"
	      "  -q, --quiet          no progress and no summary\n"
	      "      --progress       show progress even when stderr is not a terminal\n"
	      "  -v, --verbose        say what is parsed, dropped and skipped\n"
	      "CI gate:\n"
	      "      --baseline FILE  report only findings FILE does not hold (matched by\n"
	      "                       rule, file, object and message: lines may move)\n"
	      "      --write-baseline FILE  write the findings as a baseline and exit\n"
	      "      --diff REV       report only findings on lines 'git diff REV' touches\n"
	      "Run:\n"
	      "  -j N                 N workers (default: one per core)\n"
	      "      --cache-dir DIR  keep each unit's results in DIR and re-parse only\n"
	      "                       units whose files changed (default:\n"
	      "                       $XDG_CACHE_HOME/drvlint/units or ~/.cache/drvlint/units)\n"
	      "      --no-cache       neither read nor write cached results\n"
	      "      --unit-timeout SEC  give up on a unit after SEC seconds and report it\n"
	      "                       as not checked (default: 120; 0: no limit)\n"
	      "      --shard K/N      check every N-th unit from the K-th (in file order)\n"
	      "                       and write a JSON report with the facts that\n"
	      "                       'drvlint merge' joins into one report\n"
	      "  -h, --help           show this help and exit\n"
	      "      --version        show the version and exit\n"
	      "\n"
	      "Exit status: 0 no findings, 1 findings, 2 usage error, tool failure or a\n"
	      "unit that did not parse.  As kbuild's checker, findings exit 0 and a\n"
	      "unit that did not parse exits 2 (it was not checked).\n",
	      out);
}

/* "--name=value" or "--name value": the value, advancing *i if needed. */
static const char *long_value(const char *arg, const char *name, int argc,
			      char **argv, int *i, bool *missing)
{
	size_t n = strlen(name);

	*missing = false;
	if (strncmp(arg, name, n))
		return NULL;
	if (arg[n] == '=')
		return arg + n + 1;
	if (arg[n])
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

static int parse_format(struct options *o, const char *v, char *err,
			size_t errlen)
{
	if (!strcmp(v, "text"))
		o->format = FORMAT_TEXT;
	else if (!strcmp(v, "json"))
		o->format = FORMAT_JSON;
	else if (!strcmp(v, "sarif"))
		o->format = FORMAT_SARIF;
	else
		return set_error(err, errlen,
				 "unknown format '%s' (text, json or sarif)",
				 v);
	return 0;
}

static int parse_engine(struct options *o, const char *v, char *err,
			size_t errlen)
{
	if (!strcmp(v, "clang"))
		o->engine = ENGINE_CLANG;
	else if (!strcmp(v, "cocci"))
		o->engine = ENGINE_COCCI;
	else if (!strcmp(v, "all"))
		o->engine = ENGINE_ALL;
	else
		return set_error(err, errlen,
				 "unknown engine '%s' (clang, cocci or all)",
				 v);
	return 0;
}

static int parse_shard(struct options *o, const char *v, char *err,
		       size_t errlen)
{
	int k, n, used = 0;

	if (sscanf(v, "%d/%d%n", &k, &n, &used) != 2 || v[used] || n < 1 ||
	    k < 1 || k > n)
		return set_error(err, errlen,
				 "--shard takes K/N with 1 <= K <= N, not '%s'",
				 v);
	o->shard_k = k;
	o->shard_n = n;
	return 0;
}

static int parse_timeout(struct options *o, const char *v, char *err,
			 size_t errlen)
{
	char *end;
	double t = strtod(v, &end);

	if (!*v || *end || !(t >= 0) || t > 1e6)
		return set_error(
			err, errlen,
			"--unit-timeout takes seconds (0 for no limit), not '%s'",
			v);
	o->unit_timeout = t;
	return 0;
}

static int parse_jobs(struct options *o, const char *v, char *err,
		      size_t errlen)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (!*v || *end || n < 1 || n > 1024)
		return set_error(err, errlen,
				 "-j takes a number from 1 to 1024, not '%s'",
				 v);
	o->jobs = (int)n;
	return 0;
}

struct flag_opt {
	const char *name;
	bool *target;
};

/* Options with a value; returns 1 if arg was one, 0 if not, -1 on error. */
static int parse_valued(struct options *o, int argc, char **argv, int *i,
			char *err, size_t errlen)
{
	const char *arg = argv[*i], *v;
	bool missing;

#define VALUE(name) \
	((v = long_value(arg, name, argc, argv, i, &missing)) || missing)
	if (VALUE("--checks"))
		o->checks = v;
	else if (VALUE("--format")) {
		if (v && parse_format(o, v, err, errlen))
			return -1;
	} else if (VALUE("--output") || VALUE("-o"))
		o->output = v;
	else if (VALUE("--rules-dir"))
		o->rules_dir = v;
	else if (VALUE("--engine")) {
		if (v && parse_engine(o, v, err, errlen))
			return -1;
	} else if (VALUE("--spatch"))
		o->spatch = v;
	else if (VALUE("--cocci-dir"))
		o->cocci_dir = v;
	else if (VALUE("--root"))
		o->root = v;
	else if (VALUE("--baseline"))
		o->baseline = v;
	else if (VALUE("--write-baseline"))
		o->write_baseline = v;
	else if (VALUE("--diff"))
		o->diff_rev = v;
	else if (VALUE("--shard")) {
		if (v && parse_shard(o, v, err, errlen))
			return -1;
	} else if (VALUE("--cache-dir")) {
		/* "" would be the working directory: never meant. */
		if (v && !*v)
			return set_error(
				err, errlen,
				"--cache-dir: an empty directory name");
		o->cache_dir = v;
	} else if (VALUE("--unit-timeout")) {
		if (v && parse_timeout(o, v, err, errlen))
			return -1;
	} else if (VALUE("-p"))
		o->build_dir = v;
	else if (VALUE("-j")) {
		if (v && parse_jobs(o, v, err, errlen))
			return -1;
	} else if (!strncmp(arg, "-j", 2) && arg[2]) {
		return parse_jobs(o, arg + 2, err, errlen) ? -1 : 1;
	} else {
		return 0;
	}
#undef VALUE
	if (missing)
		return set_error(err, errlen, "option '%s' needs a value", arg);
	return 1;
}

/* A check's own switch ("rule:name") or its subcommand's option. */
static bool parse_check_option(struct options *o, const char *arg)
{
	for (size_t i = 0; i < nr_all_checks; i++) {
		const struct check *c = all_checks[i];

		for (const struct check_option *opt = c->options;
		     opt && opt->option; opt++) {
			if (!strcmp(arg, opt->option)) {
				char *key =
					xasprintf("%s:%s", c->id, opt->name);

				strvec_push(&o->switches, key);
				free(key);
				return true;
			}
		}
		if (c->command && !strcmp(arg, c->command->option)) {
			o->command_option = c->command;
			return true;
		}
	}
	return false;
}

static bool parse_switch(struct options *o, const char *arg)
{
	const struct flag_opt switches[] = {
		{ "--fix", &o->fix },
		{ "--patch", &o->patch },
		{ "--quiet", &o->quiet },
		{ "-q", &o->quiet },
		{ "--verbose", &o->verbose },
		{ "-v", &o->verbose },
		{ "--no-prefilter", &o->no_prefilter },
		{ "--progress", &o->progress },
		{ "--no-cache", &o->no_cache },
	};

	for (size_t k = 0; k < sizeof(switches) / sizeof(switches[0]); k++) {
		if (!strcmp(arg, switches[k].name)) {
			*switches[k].target = true;
			return true;
		}
	}
	if (parse_check_option(o, arg))
		return true;
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
		o->command = CMD_HELP;
	else if (!strcmp(arg, "--version"))
		o->command = CMD_VERSION;
	else if (!strcmp(arg, "--list-checks"))
		o->command = CMD_LIST_CHECKS;
	else
		return false;
	return true;
}

/* Long options of the compiler driver that kbuild's flags carry
 * (--target= under LLVM=1, --param= for the stack protector, ...). */
static bool compiler_long_option(const char *arg)
{
	static const char *const prefixes[] = {
		"--target=", "--param=",	 "--param",  "--sysroot=",
		"--sysroot", "--gcc-toolchain=", "--rtlib=", "--unwindlib=",
		"--std=",    "--ld-path=",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);

		if (prefixes[i][n - 1] == '=' ? !strncmp(arg, prefixes[i], n) :
						!strcmp(arg, prefixes[i]))
			return true;
	}
	return false;
}

/* sparse's own options, as kbuild's CHECKFLAGS pass them: ignored. */
static bool sparse_only(const char *arg)
{
	return !strncmp(arg, "--arch=", 7);
}

/* The subcommand a check offers, named by the first argument. */
static const struct check_command *subcommand_named(const char *name)
{
	for (size_t i = 0; i < nr_all_checks; i++)
		if (all_checks[i]->command &&
		    !strcmp(all_checks[i]->command->name, name))
			return all_checks[i]->command;
	return NULL;
}

/* 'drvlint pairs --mine [-p DIR | PATHS -- FLAGS]' */
static int check_subcommand(struct options *o, char *err, size_t errlen)
{
	const struct check_command *c =
		o->paths.n ? subcommand_named(o->paths.v[0]) : NULL;

	if (c && o->command == CMD_CHECK) {
		o->command = CMD_SUBCOMMAND;
		o->subcommand = c;
		free(o->paths.v[0]);
		memmove(o->paths.v, o->paths.v + 1,
			o->paths.n * sizeof(char *));
		o->paths.n--;
	}
	if (o->command == CMD_SUBCOMMAND && o->command_option != c)
		return set_error(err, errlen, "%s: say what to do: %s", c->name,
				 c->option);
	if (o->command_option && o->command != CMD_SUBCOMMAND &&
	    o->command != CMD_HELP)
		return set_error(err, errlen, "%s goes with 'drvlint %s'",
				 o->command_option->option,
				 o->command_option->name);
	return 0;
}

int options_parse(struct options *o, int argc, char **argv, char *err,
		  size_t errlen)
{
	bool seen_dashdash = false;

	memset(o, 0, sizeof(*o));
	o->engine = ENGINE_CLANG;
	o->unit_timeout = 120;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int r;

		if (seen_dashdash) {
			strvec_push(&o->cflags, arg);
			continue;
		}
		if (!strcmp(arg, "--")) {
			seen_dashdash = true;
			continue;
		}
		if (arg[0] != '-' || !arg[1]) {
			strvec_push(&o->paths, arg);
			continue;
		}
		r = parse_valued(o, argc, argv, &i, err, errlen);
		if (r < 0)
			return -1;
		if (r > 0 || parse_switch(o, arg) || sparse_only(arg))
			continue;
		if (arg[1] == '-' && !compiler_long_option(arg))
			return set_error(err, errlen, "unknown option '%s'",
					 arg);
		/* A compiler flag, as kbuild's checker hook passes them. */
		o->kbuild = true;
		strvec_push(&o->cflags, arg);
		if (flag_takes_value(arg) && i + 1 < argc)
			strvec_push(&o->cflags, argv[++i]);
	}
	if (o->kbuild && seen_dashdash)
		return set_error(
			err, errlen,
			"compiler flag '%s' before '--'; put compiler flags after '--'",
			o->cflags.v[0]);
	if (o->kbuild && o->build_dir)
		return set_error(err, errlen,
				 "compiler flags and -p do not go together");
	if (o->fix && o->patch)
		return set_error(err, errlen,
				 "--fix and --patch do not go together");
	/* 'drvlint merge SHARD.json...' */
	if (o->paths.n && !strcmp(o->paths.v[0], "merge") && !o->build_dir &&
	    o->command == CMD_CHECK) {
		o->command = CMD_MERGE;
		free(o->paths.v[0]);
		memmove(o->paths.v, o->paths.v + 1,
			o->paths.n * sizeof(char *));
		o->paths.n--;
	}
	if (o->shard_n && o->format != FORMAT_JSON)
		return set_error(
			err, errlen,
			"--shard writes a report for 'drvlint merge': add --format=json");
	return check_subcommand(o, err, errlen);
}

void options_free(struct options *o)
{
	strvec_free(&o->switches);
	strvec_free(&o->paths);
	strvec_free(&o->cflags);
}
