// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compiler-style output, "file:line:col: warning: message [rule]", with
 * "note:" lines for related places: the form that editors, make, vim's
 * quickfix and CI log parsers already understand, as sparse prints it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "lib/path.h"
#include "lib/util.h"

/* "file:line:col: ", leaving out what is not known. */
static void print_location(FILE *out, const char *root,
			   const struct location *loc)
{
	const char *file = path_relative(root, loc->file);

	if (!file || !*file)
		file = "drvlint";
	if (!loc->line)
		fprintf(out, "%s: ", file);
	else if (!loc->column)
		fprintf(out, "%s:%u: ", file, loc->line);
	else
		fprintf(out, "%s:%u:%u: ", file, loc->line, loc->column);
}

static void print_finding(FILE *out, const char *root, const struct finding *f)
{
	print_location(out, root, &f->loc);
	fprintf(out, "%s: %s [%s]\n", severity_name(f->severity), f->message,
		f->rule);
	for (size_t i = 0; i < f->nrelated; i++) {
		print_location(out, root, &f->related[i].loc);
		fprintf(out, "note: %s\n", f->related[i].message);
	}
}

int report_write_text(FILE *out, const struct report *r)
{
	for (size_t i = 0; i < r->findings.n; i++)
		print_finding(out, r->root, &r->findings.v[i]);
	for (size_t i = 0; i < r->failures.n; i++) {
		const struct failure *f = &r->failures.v[i];

		print_location(out, r->root, &f->loc);
		fprintf(out, "error: %s [parse-failure]\n", f->message);
	}
	return ferror(out) ? -1 : 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * "42 units (36 parsed, 5 from the cache, 1 failed)": what the libclang
 * engine did; units skipped by the prefilter too.
 */
static void print_units(FILE *out, const struct report *r)
{
	size_t failed = r->failures.n - r->cocci.failures;
	size_t done = (size_t)r->units_parsed + failed;
	size_t skipped = r->units > done ? r->units - done : 0;
	unsigned int cached = r->units_cached < r->units_parsed ?
				      r->units_cached :
				      r->units_parsed;

	fprintf(out, "%u %s (%u parsed", r->units,
		plural(r->units, "unit", "units"), r->units_parsed - cached);
	if (cached)
		fprintf(out, ", %u from the cache", cached);
	if (skipped)
		fprintf(out, ", %zu skipped", skipped);
	fprintf(out, ", %zu failed)", failed);
}

/* "12 files (3 checked by spatch, 8 not selected, 1 failed)". */
static void print_cocci_files(FILE *out, const struct report *r)
{
	const struct cocci_summary *c = &r->cocci;
	unsigned int done = c->checked + c->failed;

	fprintf(out, "%u %s (%u checked by spatch", c->files,
		plural(c->files, "file", "files"), c->checked);
	if (c->files > done)
		fprintf(out, ", %u not selected", c->files - done);
	fprintf(out, ", %u failed)", c->failed);
}

void report_summary(FILE *out, const struct report *r)
{
	struct rule_count *rc;
	size_t n = report_count_by_rule(r, &rc);

	fputs("drvlint: ", out);
	if (!r->cocci_only)
		print_units(out, r);
	if (r->cocci.ran) {
		fputs(r->cocci_only ? "" : ", ", out);
		print_cocci_files(out, r);
	}
	fprintf(out, ", %zu %s", r->findings.n,
		plural(r->findings.n, "finding", "findings"));
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%s: %zu", i ? ", " : " (", rc[i].rule,
			rc[i].count);
	fprintf(out, "%s", n ? ")" : "");
	if (r->baselined)
		fprintf(out, ", %zu in the baseline", r->baselined);
	if (r->outside_diff)
		fprintf(out, ", %zu off the changed lines", r->outside_diff);
	fprintf(out, ", %.1f s\n", r->seconds);
	/* Both engines: which findings only one of them has, per rule. */
	for (size_t i = 0; r->cocci.ran && !r->cocci_only && i < n; i++)
		fprintf(out,
			"drvlint: %s: %zu found by both engines, %zu by libclang only, %zu by Coccinelle only\n",
			rc[i].rule, rc[i].both, rc[i].clang_only,
			rc[i].cocci_only);
	free(rc);
}
