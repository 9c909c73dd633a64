// SPDX-License-Identifier: GPL-2.0-only
/*
 * Baselines and --diff.  A CI job fails on what a change brings, not on
 * what the tree already had: the baseline absorbs accepted findings one
 * for one, keyed without line numbers so that an edit above a finding
 * does not bring it back; --diff keeps findings on the lines git says a
 * change touched.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/report.h"
#include "lib/json_util.h"
#include "lib/path.h"
#include "lib/program.h"
#include "lib/util.h"
#include "out/gate.h"

static char *finding_key(const struct finding *f, const char *root)
{
	return xasprintf("%s\t%s\t%s\t%s", f->rule,
			 path_relative(root, f->loc.file),
			 f->object ? f->object : "", f->message);
}

int baseline_write(const char *path, const struct finding_list *findings,
		   const char *root, char *err, size_t errlen)
{
	json_t *top = json_object(), *list = json_array();
	int ret = 0;

	for (size_t i = 0; i < findings->n; i++) {
		const struct finding *f = &findings->v[i];
		json_t *o = json_object();

		json_object_set_new(o, "rule", json_string(f->rule));
		json_set_bytes(o, "file", path_relative(root, f->loc.file));
		json_set_bytes(o, "object", f->object);
		json_set_bytes(o, "message", f->message);
		json_array_append_new(list, o);
	}
	json_object_set_new(top, "drvlint-baseline", json_integer(1));
	json_object_set_new(top, "findings", list);
	if (json_dump_file(top, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER))
		ret = set_error(err, errlen,
				"%s: cannot write the baseline: %s", path,
				strerror(errno));
	json_decref(top);
	return ret;
}

/* The baseline's keys, sorted, each one an entry that absorbs a finding. */
static char **baseline_keys(const char *path, size_t *n, char *err,
			    size_t errlen)
{
	json_error_t jerr;
	json_t *top = json_load_file(path, 0, &jerr), *list, *o;
	char **keys;
	size_t i;

	if (!top) {
		set_error(err, errlen, "%s:%d:%d: cannot read the baseline: %s",
			  path, jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	list = json_object_get(top, "findings");
	if (!json_is_integer(json_object_get(top, "drvlint-baseline")) ||
	    !json_is_array(list)) {
		set_error(
			err, errlen,
			"%s: not a drvlint baseline (write one with --write-baseline)",
			path);
		json_decref(top);
		return NULL;
	}
	*n = json_array_size(list);
	keys = xcalloc(*n, sizeof(char *));
	json_array_foreach(list, i, o)
	{
		char *file = json_get_bytes(o, "file");
		char *obj = json_get_bytes(o, "object");
		char *msg = json_get_bytes(o, "message");

		keys[i] = xasprintf(
			"%s\t%s\t%s\t%s",
			json_string_value(json_object_get(o, "rule")) ?: "",
			file ? file : "", obj ? obj : "", msg ? msg : "");
		free(msg);
		free(obj);
		free(file);
	}
	json_decref(top);
	if (*n)
		qsort(keys, *n, sizeof(char *), strcmp_sort);
	return keys;
}

/* Keep the findings keep() says yes to, freeing the others. */
static size_t keep_findings(struct finding_list *findings, const bool *keep)
{
	size_t n = 0, dropped = 0;

	for (size_t i = 0; i < findings->n; i++) {
		if (keep[i]) {
			findings->v[n++] = findings->v[i];
		} else {
			finding_free(&findings->v[i]);
			dropped++;
		}
	}
	findings->n = n;
	return dropped;
}

int baseline_filter(const char *path, struct finding_list *findings,
		    const char *root, size_t *dropped, char *err, size_t errlen)
{
	size_t nkeys = 0;
	char **keys = baseline_keys(path, &nkeys, err, errlen);
	bool *keep, *used;

	if (!keys)
		return -1;
	keep = xcalloc(findings->n, sizeof(bool));
	used = xcalloc(nkeys, sizeof(bool));
	for (size_t i = 0; i < findings->n; i++) {
		char *key = finding_key(&findings->v[i], root);
		char **hit = nkeys ? bsearch(&key, keys, nkeys, sizeof(char *),
					     strcmp_sort) :
				     NULL;

		keep[i] = true;
		if (hit) {
			/* the first unused entry with this key absorbs it */
			while (hit > keys && !strcmp(hit[-1], key))
				hit--;
			while (hit < keys + nkeys && !strcmp(*hit, key) &&
			       used[hit - keys])
				hit++;
			if (hit < keys + nkeys && !strcmp(*hit, key)) {
				used[hit - keys] = true;
				keep[i] = false;
			}
		}
		free(key);
	}
	*dropped = keep_findings(findings, keep);
	for (size_t i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);
	free(used);
	free(keep);
	return 0;
}

void diff_parse(const char *text, struct diff_ranges *out)
{
	const char *p = text;
	char *file = NULL;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		unsigned int start, count = 1;

		if (len > 6 && !strncmp(p, "+++ ", 4)) {
			free(file);
			file = NULL;
			if (!strncmp(p + 4, "b/", 2))
				file = xstrndup(p + 6, len - 6);
		} else if (file && !strncmp(p, "@@ ", 3)) {
			const char *plus = memchr(p, '+', len);

			if (plus &&
			    sscanf(plus, "+%u,%u", &start, &count) >= 1 &&
			    count > 0) {
				struct diff_range *r;

				GROW(out->v, out->cap, out->n);
				r = &out->v[out->n++];
				r->file = xstrdup(file);
				r->first = start;
				r->last = start + count - 1;
			}
		}
		p = nl ? nl + 1 : NULL;
	}
	free(file);
}

void diff_ranges_free(struct diff_ranges *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].file);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static char *git_output(const struct spawn_cmd *cmd, char *err, size_t errlen)
{
	struct spawn_result res;
	char *out;

	if (spawn_run(cmd, &res, err, errlen))
		return NULL;
	if (res.status) {
		char *line = spawn_command_line(cmd);

		set_error(err, errlen, "%s failed (exit %d): %s", line,
			  res.status, res.err);
		free(line);
		spawn_result_free(&res);
		return NULL;
	}
	out = res.out;
	res.out = NULL;
	spawn_result_free(&res);
	return out;
}

static bool in_ranges(const struct diff_ranges *r, const char *top,
		      const struct finding *f)
{
	for (size_t i = 0; i < r->n; i++) {
		char *abs = path_absolute(top, r->v[i].file);
		bool same = !strcmp(abs, f->loc.file);

		free(abs);
		if (same && f->loc.line >= r->v[i].first &&
		    f->loc.line <= r->v[i].last)
			return true;
	}
	return false;
}

int diff_filter(const char *rev, struct finding_list *findings,
		const char *root, size_t *dropped, char *err, size_t errlen)
{
	const char *top_options[] = { "-C", root, "rev-parse",
				      "--show-toplevel", NULL };
	const char *diff_options[] = {
		"-C", root, "diff", "--no-color", "--no-ext-diff", "-U0", NULL
	};
	/* REV is the user's: after --end-of-options, never an option. */
	const char *diff_operands[] = { rev, "--", NULL };
	struct spawn_cmd top_cmd = { .prog = "git", .options = top_options };
	struct spawn_cmd diff_cmd = { .prog = "git",
				      .options = diff_options,
				      .end_of_options = "--end-of-options",
				      .operands = diff_operands };
	struct diff_ranges ranges = { 0 };
	char *top, *diff, *nl;
	bool *keep;

	top = git_output(&top_cmd, err, errlen);
	if (!top)
		return -1;
	nl = strchr(top, '\n');
	if (nl)
		*nl = '\0';
	diff = git_output(&diff_cmd, err, errlen);
	if (!diff) {
		free(top);
		return -1;
	}
	diff_parse(diff, &ranges);
	keep = xcalloc(findings->n, sizeof(bool));
	for (size_t i = 0; i < findings->n; i++)
		keep[i] = in_ranges(&ranges, top, &findings->v[i]);
	*dropped = keep_findings(findings, keep);
	free(keep);
	diff_ranges_free(&ranges);
	free(diff);
	free(top);
	return 0;
}
