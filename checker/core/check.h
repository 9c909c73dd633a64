/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a check is.  Each check is one file in checks/ defining a
 * 'const struct check check_<name>' and one line in check_list.h.
 * A check reads its API knowledge from rules/ in init(), looks at one
 * parsed translation unit at a time in run(), and fills findings; it never
 * formats output.
 */
#ifndef DRVLINT_CHECK_H
#define DRVLINT_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <clang-c/Index.h>

#include "core/fact.h"
#include "core/finding.h"
#include "core/rules.h"
#include "lib/strset.h"

struct ctok_text;

/* What every check's init() is given. */
struct check_config {
	const char *rules_dir;
	/* Check-specific switches, "rule:name" (e.g. "const-driver-struct:blocked"). */
	const struct strset *switches;
};

/*
 * What finish() is told of the units it was not given.  A run over every
 * unit of a build (or every file named) sees the whole tree.  kbuild's
 * checker (one file a call), a run over some paths of a compile database
 * and the editor see part of it: a decision that needs every unit, such
 * as whether an object with external linkage is written elsewhere, is
 * then made only from what the other units recorded in an earlier run
 * over the whole build (see out/tree_facts.h), or not at all.
 */
struct tree_scope {
	bool partial; /* the facts are some units' only */
	/* When partial: the other units' facts (this check's), or NULL. */
	const struct fact_list *others;
};

/* Is the switch "rule:name" on? */
bool check_switch(const struct check_config *cfg, const char *rule,
		  const char *name);

/* One translation unit, as a check sees it. */
struct check_unit {
	CXTranslationUnit tu;
	CXFile main_file;
	const char *path; /* absolute path of the main file */
	const char *source; /* its text, NUL-terminated */
	size_t source_len;
	struct finding_list *findings;
	unsigned long *stats; /* the running check's counters */
	struct fact_list *facts; /* the running check's facts */
	/* Compiled with -DMODULE: kbuild's flags for a module's object. */
	bool module;
};

struct check {
	const char *id; /* the rule id, kebab-case */
	const char *summary; /* one line for --list-checks and SARIF */
	/* Load data from cfg->rules_dir; the check's state, or NULL with err. */
	void *(*init)(const struct check_config *cfg, char *err, size_t errlen);
	void (*fini)(void *state);
	/*
	 * The prefilter's keys (see prefilter.h): add to keys every
	 * identifier, or "struct TAG", without which a unit can give this
	 * check neither a finding nor a fact.  Return false (or leave NULL)
	 * when the check needs every unit.
	 */
	bool (*prefilter_keys)(const void *state, struct strset *keys);
	/*
	 * Extra CXTranslationUnit_* flags this source needs (e.g. a
	 * preprocessing record to see skipped #if branches); may be NULL.
	 * Only what a unit really needs is asked for: it costs time.
	 */
	unsigned int (*parse_options)(const void *state, const char *source,
				      size_t len);
	/*
	 * The Coccinelle file selection's test of the construct the check's
	 * script looks for (see select/cocci_filter.h): may the script find
	 * something in this text (directives skipped, literals kept)?  words
	 * are those of the script's grep query.  NULL: the query decides.
	 */
	bool (*cocci_select)(const struct ctok_text *text,
			     const struct strset *words);
	/* Names of the counters run() adds to in unit->stats; NULL-ended. */
	const char *const *stats;
	/* Examine one unit; state is shared by all workers, read-only. */
	void (*run)(const void *state, struct check_unit *unit);
	/*
	 * After every unit: decide what needs the whole tree from the facts
	 * run() recorded (in unit order); may be NULL.  Findings are made
	 * only for what facts (the units checked) define.
	 */
	void (*finish)(const void *state, const struct fact_list *facts,
		       const struct tree_scope *scope,
		       struct finding_list *out);

	/* ---- what the command line offers of the check ---- */
	const struct check_option *options; /* ended by { 0 }; may be NULL */
	const struct check_command *command; /* may be NULL */
};

/*
 * A switch of one check: its option turns on "rule:name", which the
 * check's init() reads with check_switch().  --help prints it in the
 * check's own section.
 */
struct check_option {
	const char *option; /* "--const-roadmap" */
	const char *name; /* "roadmap" */
	const char *help; /* --help's text, lines separated by '\n' */
	/*
	 * The check then reports its own list instead of findings, in its
	 * own order: the centre leaves the order as the check made it.
	 */
	bool own_output;
};

/*
 * A subcommand a check offers ('drvlint pairs --mine').  The centre
 * parses the units (as for a check run: -p or files and flags) with pass
 * as the only check, then hands the facts of every unit, in unit order,
 * to print().
 */
struct check_command {
	const char *name; /* the first argument: "pairs" */
	const char *usage; /* --help's usage line after "drvlint " */
	const char *option; /* what to do, required: "--mine" */
	const char *help; /* --help's text for the option */
	const struct check *pass; /* init(), run() and fini() are used */
	/* 0, or -1 with err; state is pass->init()'s. */
	int (*print)(const void *state, const struct fact_list *facts,
		     size_t nunits, const char *root, FILE *out, char *err,
		     size_t errlen);
};

/* All checks, in check_list.h order. */
extern const struct check *const all_checks[];
extern const size_t nr_all_checks;

/*
 * Select checks with a clang-tidy style list: comma-separated globs
 * applied in order, a leading '-' disables.  NULL selects all; a list
 * whose first glob enables starts from none, one whose first glob
 * disables starts from all.
 * enabled[] has nr_all_checks entries.  Returns -1 with err if a
 * pattern matches no check.
 */
int checks_select(const char *list, bool *enabled, char *err, size_t errlen);

/* How many counters a check has. */
size_t check_nstats(const struct check *c);

/*
 * Do the switches ("rule:name") turn on an option that replaces a
 * check's findings by its own ordered output?
 */
bool checks_own_output(const struct strset *switches);

#endif
