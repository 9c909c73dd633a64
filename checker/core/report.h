/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reporters: text (compiler style), JSON, SARIF 2.1.0, and the fix
 * writers (--fix applies edits, --patch prints a unified diff).
 * Reporters know nothing about checks beyond struct rule_info.
 */
#ifndef DRVLINT_REPORT_H
#define DRVLINT_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/fact.h"
#include "core/finding.h"

/* A number a check counted over the run ("tables", "need-sentinel"). */
struct check_stat {
	const char *rule;
	const char *name;
	unsigned long value;
};

/* What a reporter may say about a rule (SARIF's tool.driver.rules). */
struct rule_info {
	const char *id;
	const char *summary; /* one line */
	const char *help; /* the rule's document (Markdown), may be NULL */
};

/* What the Coccinelle engine did; all zero when it did not run. */
struct cocci_summary {
	bool ran;
	unsigned int files; /* sources and headers it was given */
	unsigned int checked; /* of which spatch checked, whole */
	unsigned int failed; /* of which it could not read or parse */
	unsigned int failures; /* the failures it added (others said some) */
};

struct report {
	const char *root; /* paths are printed relative to it */
	const char *tool_version;
	const struct rule_info *rules;
	size_t nrules;
	struct finding_list findings;
	struct failure_list failures;
	unsigned int units; /* translation units considered */
	unsigned int units_parsed; /* of which parsed by libclang */
	unsigned int units_cached; /* of the parsed, from the result cache */
	bool cocci_only; /* the libclang engine did not run */
	struct cocci_summary cocci;
	double seconds;
	const struct check_stat *stats; /* what the checks counted */
	size_t nstats;
	size_t baselined; /* findings the baseline absorbed */
	size_t outside_diff; /* findings off the changed lines */
	/*
	 * A shard's facts, one list per rule, so that 'drvlint merge' can
	 * make the tree-level decisions over every shard; NULL otherwise.
	 */
	const char *const *fact_rules;
	struct fact_list *facts;
	size_t nfact_lists;
	const char *shard; /* "K/N" of a shard's report */
	/*
	 * A shard's configuration fingerprint (checks, switches, engines,
	 * rules): shards joined by 'drvlint merge' must agree; 0 for none.
	 */
	uint64_t config;
	/* What report_read_json() found in the last report it read. */
	unsigned int read_shard_k, read_shard_n; /* 0/0: not a shard */
	uint64_t read_config;
};

enum report_format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_SARIF,
};

int report_write_text(FILE *out, const struct report *r);
int report_write_json(FILE *out, const struct report *r);
int report_write_sarif(FILE *out, const struct report *r);
int report_write(FILE *out, const struct report *r, enum report_format fmt);

/*
 * Read a JSON report back (a shard's, for 'drvlint merge') and add it to
 * r: findings and failures of the rules named in rules[] (static
 * strings, so that findings can point at them), counts, stats, and facts
 * into facts[i] for rules[i].  -1 with err on a file that is not a
 * drvlint JSON report.
 */
int report_read_json(const char *path, struct report *r,
		     const char *const *rules, size_t nrules,
		     struct fact_list *facts, char *err, size_t errlen);
/* The same from text already in memory; name is for messages. */
int report_read_json_text(const char *text, size_t len, const char *name,
			  struct report *r, const char *const *rules,
			  size_t nrules, struct fact_list *facts, char *err,
			  size_t errlen);

/* One line to stderr: units, failures, findings per rule, time. */
void report_summary(FILE *out, const struct report *r);

/*
 * How many findings each rule produced (the summary's "by rule"), and,
 * when both engines ran, which of them found each: the engines'
 * agreement per rule.
 */
struct rule_count {
	const char *rule;
	size_t count;
	size_t both, clang_only, cocci_only;
};

/* Sorted by rule id; *out is malloc'ed (free it), the count is returned. */
size_t report_count_by_rule(const struct report *r, struct rule_count **out);

/*
 * Free what a report built by the engine or the reader owns: facts and
 * their rule names, stats, root, findings and failures.
 */
void report_release(struct report *r);

#endif
