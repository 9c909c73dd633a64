// SPDX-License-Identifier: GPL-2.0-only
/*
 * Read a JSON report back: 'drvlint merge' joins the reports of shards
 * (findings, failures, counts, and the facts the tree-level checks need)
 * into one report.  Paths in a report are relative to its root and are
 * made absolute again here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/report.h"
#include "lib/json_util.h"
#include "out/facts_json.h"
#include "lib/path.h"
#include "lib/util.h"

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* A string that may hold any bytes (see json_set_bytes()); "" if none. */
static char *bytes(json_t *o, const char *key)
{
	char *s = json_get_bytes(o, key);

	return s ? s : xstrdup("");
}

/* A path in the report, made absolute against its root. */
static char *path_of(json_t *o, const char *root)
{
	char *rel = bytes(o, "file"), *abs = path_absolute(root, rel);

	free(rel);
	return abs;
}

static unsigned int num(json_t *o, const char *key)
{
	return (unsigned int)json_integer_value(json_object_get(o, key));
}

static const char *static_rule(const char *rule, const char *const *rules,
			       size_t nrules)
{
	for (size_t i = 0; i < nrules; i++)
		if (!strcmp(rules[i], rule))
			return rules[i];
	return NULL;
}

static const char *static_engine(const char *engine)
{
	static const char *const engines[] = { "clang", "cocci",
					       "clang+cocci" };

	for (size_t i = 0; i < 3; i++)
		if (!strcmp(engines[i], engine))
			return engines[i];
	return "clang";
}

static enum severity severity_of(const char *s)
{
	return !strcmp(s, "error") ? SEV_ERROR :
	       !strcmp(s, "note")  ? SEV_NOTE :
				     SEV_WARNING;
}

static void read_fix(struct finding *f, json_t *fix, const char *root)
{
	json_t *edits = json_object_get(fix, "edits"), *e;
	size_t i;

	if (!json_is_object(fix))
		return;
	f->fix_description = xstrdup(str(fix, "description"));
	json_array_foreach(edits, i, e)
	{
		char *file = path_of(e, root), *text = bytes(e, "text");
		struct edit ed = {
			.file = file,
			.offset = num(e, "offset"),
			.length = num(e, "length"),
			.text = text,
			.line = num(e, "line"),
			.column = num(e, "column"),
			.end_line = num(e, "end_line"),
			.end_column = num(e, "end_column"),
			.source_hash =
				strtoull(str(e, "source_hash"), NULL, 16),
		};

		finding_add_edit(f, &ed);
		free(text);
		free(file);
	}
}

static void read_finding(struct report *r, json_t *o, const char *root,
			 const char *const *rules, size_t nrules)
{
	const char *rule = static_rule(str(o, "rule"), rules, nrules);
	char *object, *message, *file;
	json_t *rel;
	struct finding *f;
	size_t i;

	if (!rule)
		return; /* a check this merge does not run */
	file = path_of(o, root);
	object = json_get_bytes(o, "object");
	message = bytes(o, "message");
	f = finding_add(&r->findings, rule, severity_of(str(o, "severity")),
			file, num(o, "line"), num(o, "column"), object,
			message);
	free(message);
	free(object);
	free(file);
	f->engine = static_engine(str(o, "engine"));
	json_array_foreach(json_object_get(o, "related"), i, rel)
	{
		char *rfile = path_of(rel, root), *rmsg = bytes(rel, "message");

		finding_add_related(f, rfile, num(rel, "line"),
				    num(rel, "column"), rmsg);
		free(rmsg);
		free(rfile);
	}
	read_fix(f, json_object_get(o, "fix"), root);
}

void facts_from_json(json_t *facts, const char *const *rules, size_t nrules,
		     struct fact_list *out)
{
	for (size_t k = 0; k < nrules; k++) {
		json_t *list = json_object_get(facts, rules[k]), *o;
		size_t i;

		json_array_foreach(list, i, o)
		{
			char *key = bytes(o, "key"), *file = bytes(o, "file");
			char *text = json_get_bytes(o, "text");
			char *extra = json_get_bytes(o, "extra");

			fact_add(&out[k],
				 (int)json_integer_value(
					 json_object_get(o, "kind")),
				 key, file, num(o, "line"), num(o, "column"),
				 text, extra,
				 (long)json_integer_value(
					 json_object_get(o, "value")));
			free(extra);
			free(text);
			free(file);
			free(key);
		}
	}
}

/* "shard": "K/N" and "config": a shard's place and configuration. */
static void read_shard_id(struct report *r, json_t *top)
{
	const char *shard = str(top, "shard"), *config = str(top, "config");
	unsigned int k, n;
	int used = 0;
	char *end;

	r->read_shard_k = r->read_shard_n = 0;
	r->read_config = 0;
	if (sscanf(shard, "%u/%u%n", &k, &n, &used) == 2 && !shard[used] &&
	    k >= 1 && k <= n) {
		r->read_shard_k = k;
		r->read_shard_n = n;
	}
	r->read_config = strtoull(config, &end, 16);
	if (*end || end - config != 16)
		r->read_config = 0;
}

/* Counters of the checks in this merge, added up over the shards. */
static void read_stats(struct report *r, json_t *stats)
{
	for (size_t i = 0; i < r->nstats; i++) {
		struct check_stat *s = (struct check_stat *)&r->stats[i];
		json_t *rule = json_object_get(stats, s->rule);

		s->value += json_integer_value(json_object_get(rule, s->name));
	}
}

/* The Coccinelle engine's part of a summary, if it ran. */
static void read_cocci(struct cocci_summary *c, json_t *o)
{
	if (!json_is_object(o))
		return;
	c->ran = true;
	c->files += num(o, "files");
	c->checked += num(o, "checked");
	c->failed += num(o, "failed");
	c->failures += num(o, "failures");
}

static int read_report(json_t *top, const char *path, struct report *r,
		       const char *const *rules, size_t nrules,
		       struct fact_list *facts, char *err, size_t errlen)
{
	json_t *o, *summary;
	char *root;
	size_t i;

	summary = json_object_get(top, "summary");
	if (strcmp(str(top, "tool"), "drvlint") || !json_is_object(summary) ||
	    !json_is_array(json_object_get(top, "findings"))) {
		json_decref(top);
		return set_error(
			err, errlen,
			"%s: not a drvlint JSON report (write one with --format=json)",
			path);
	}
	root = bytes(top, "root");
	json_array_foreach(json_object_get(top, "findings"), i, o)
		read_finding(r, o, root, rules, nrules);
	json_array_foreach(json_object_get(top, "failures"), i, o)
	{
		char *file = path_of(o, root), *msg = bytes(o, "message");

		failure_add(&r->failures, file, num(o, "line"),
			    num(o, "column"), msg);
		free(msg);
		free(file);
	}
	r->units += num(summary, "units");
	r->units_parsed += num(summary, "parsed");
	r->units_cached += num(summary, "cached");
	read_cocci(&r->cocci, json_object_get(summary, "cocci"));
	read_stats(r, json_object_get(summary, "stats"));
	facts_from_json(json_object_get(top, "facts"), rules, nrules, facts);
	read_shard_id(r, top);
	free(root);
	json_decref(top);
	return 0;
}

int report_read_json(const char *path, struct report *r,
		     const char *const *rules, size_t nrules,
		     struct fact_list *facts, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *top = json_load_file(path, 0, &jerr);

	if (!top)
		return set_error(err, errlen,
				 "%s:%d:%d: cannot read the report: %s", path,
				 jerr.line, jerr.column, jerr.text);
	return read_report(top, path, r, rules, nrules, facts, err, errlen);
}

int report_read_json_text(const char *text, size_t len, const char *name,
			  struct report *r, const char *const *rules,
			  size_t nrules, struct fact_list *facts, char *err,
			  size_t errlen)
{
	json_error_t jerr;
	json_t *top = json_loadb(text, len, 0, &jerr);

	if (!top)
		return set_error(err, errlen,
				 "%s:%d:%d: cannot read the report: %s", name,
				 jerr.line, jerr.column, jerr.text);
	return read_report(top, name, r, rules, nrules, facts, err, errlen);
}
