// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format=json: one object with every finding and failure, for scripts
 * and CI.  The field names are a stable interface; add fields, never
 * rename them.  Paths and the other strings taken from source files are
 * bytes: one that is not valid UTF-8 is written readable (bad bytes as
 * U+FFFD) with its exact bytes beside it in FIELD_bytes, percent-encoded
 * (see json_set_bytes()), which the reader prefers.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/report.h"
#include "lib/json_util.h"
#include "out/facts_json.h"
#include "lib/path.h"

static json_t *location_object(const char *root, const struct location *loc,
			       const char *message)
{
	json_t *o = json_object();
	const char *file = path_relative(root, loc->file);

	json_set_bytes(o, "file", file);
	json_object_set_new(o, "line", json_integer(loc->line));
	json_object_set_new(o, "column", json_integer(loc->column));
	json_set_bytes(o, "message", message);
	return o;
}

/*
 * An edit; in a shard's report (and the cache's) also the hash of the
 * text its offset is in, so that --fix after a merge refuses a file that
 * changed since.
 */
static json_t *edit_object(const char *root, const struct edit *e,
			   bool with_hash)
{
	json_t *o = json_object();
	const char *file = path_relative(root, e->file);

	json_set_bytes(o, "file", file);
	json_object_set_new(o, "offset", json_integer(e->offset));
	json_object_set_new(o, "length", json_integer(e->length));
	json_set_bytes(o, "text", e->text);
	json_object_set_new(o, "line", json_integer(e->line));
	json_object_set_new(o, "column", json_integer(e->column));
	json_object_set_new(o, "end_line", json_integer(e->end_line));
	json_object_set_new(o, "end_column", json_integer(e->end_column));
	if (with_hash && e->source_hash) {
		char hash[17];

		snprintf(hash, sizeof(hash), "%016" PRIx64, e->source_hash);
		json_object_set_new(o, "source_hash", json_string(hash));
	}
	return o;
}

static json_t *fix_object(const char *root, const struct finding *f,
			  bool with_hash)
{
	json_t *o, *edits;

	if (!f->nedits)
		return json_null();
	o = json_object();
	edits = json_array();
	for (size_t i = 0; i < f->nedits; i++)
		json_array_append_new(edits, edit_object(root, &f->edits[i],
							 with_hash));
	json_object_set_new(o, "description", json_text(f->fix_description));
	json_object_set_new(o, "edits", edits);
	return o;
}

static json_t *finding_object(const char *root, const struct finding *f,
			      bool with_hash)
{
	json_t *o = json_object();
	json_t *related = json_array();
	const char *file = path_relative(root, f->loc.file);

	for (size_t i = 0; i < f->nrelated; i++)
		json_array_append_new(related,
				      location_object(root, &f->related[i].loc,
						      f->related[i].message));
	json_object_set_new(o, "rule", json_text(f->rule));
	json_object_set_new(o, "severity",
			    json_text(severity_name(f->severity)));
	json_object_set_new(o, "engine", json_text(f->engine));
	json_set_bytes(o, "file", file);
	json_object_set_new(o, "line", json_integer(f->loc.line));
	json_object_set_new(o, "column", json_integer(f->loc.column));
	json_set_bytes(o, "message", f->message);
	json_set_bytes(o, "object", f->object);
	json_object_set_new(o, "related", related);
	json_object_set_new(o, "fix", fix_object(root, f, with_hash));
	return o;
}

/* {"rule": {"counter": N, ...}, ...} */
static json_t *stats_object(const struct report *r)
{
	json_t *o = json_object();

	for (size_t i = 0; i < r->nstats; i++) {
		const struct check_stat *s = &r->stats[i];
		json_t *rule = json_object_get(o, s->rule);

		if (!rule) {
			rule = json_object();
			json_object_set_new(o, s->rule, rule);
		}
		json_object_set_new(rule, s->name, json_integer(s->value));
	}
	return o;
}

/* What the Coccinelle engine did: files given, checked, failed. */
static json_t *cocci_object(const struct cocci_summary *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "files", json_integer(c->files));
	json_object_set_new(o, "checked", json_integer(c->checked));
	json_object_set_new(o, "failed", json_integer(c->failed));
	json_object_set_new(o, "failures", json_integer(c->failures));
	return o;
}

static json_t *summary_object(const struct report *r)
{
	json_t *o = json_object(), *by_rule = json_object();
	json_t *agreement = json_object();
	struct rule_count *rc;
	size_t n = report_count_by_rule(r, &rc);

	for (size_t i = 0; i < n; i++) {
		json_object_set_new(by_rule, rc[i].rule,
				    json_integer(rc[i].count));
		json_object_set_new(
			agreement, rc[i].rule,
			json_pack("{s:I,s:I,s:I}", "both",
				  (json_int_t)rc[i].both, "clang_only",
				  (json_int_t)rc[i].clang_only, "cocci_only",
				  (json_int_t)rc[i].cocci_only));
	}
	free(rc);
	json_object_set_new(o, "units", json_integer(r->units));
	json_object_set_new(o, "parsed", json_integer(r->units_parsed));
	json_object_set_new(o, "cached", json_integer(r->units_cached));
	json_object_set_new(o, "failures", json_integer(r->failures.n));
	json_object_set_new(o, "findings", json_integer(r->findings.n));
	json_object_set_new(o, "by_rule", by_rule);
	json_object_set_new(o, "stats", stats_object(r));
	json_object_set_new(o, "baselined", json_integer(r->baselined));
	json_object_set_new(o, "outside_diff", json_integer(r->outside_diff));
	json_object_set_new(o, "seconds", json_real(r->seconds));
	if (r->cocci.ran)
		json_object_set_new(o, "cocci", cocci_object(&r->cocci));
	if (r->cocci.ran && !r->cocci_only)
		json_object_set_new(o, "agreement", agreement);
	else
		json_decref(agreement);
	return o;
}

json_t *facts_json(const char *const *rules, const struct fact_list *lists,
		   size_t n)
{
	json_t *o = json_object();

	for (size_t k = 0; k < n; k++) {
		json_t *list = json_array();

		for (size_t i = 0; i < lists[k].n; i++) {
			const struct fact *f = &lists[k].v[i];
			json_t *fo = json_object();

			json_object_set_new(fo, "kind", json_integer(f->kind));
			json_set_bytes(fo, "key", f->key);
			json_set_bytes(fo, "file", f->loc.file);
			json_object_set_new(fo, "line",
					    json_integer(f->loc.line));
			json_object_set_new(fo, "column",
					    json_integer(f->loc.column));
			json_set_bytes(fo, "text", f->text);
			json_set_bytes(fo, "extra", f->extra);
			json_object_set_new(fo, "value",
					    json_integer(f->value));
			json_array_append_new(list, fo);
		}
		json_object_set_new(o, rules[k], list);
	}
	return o;
}

int report_write_json(FILE *out, const struct report *r)
{
	json_t *top = json_object();
	json_t *findings = json_array(), *failures = json_array();
	int ret;

	for (size_t i = 0; i < r->findings.n; i++)
		json_array_append_new(findings,
				      finding_object(r->root, &r->findings.v[i],
						     r->shard != NULL));
	for (size_t i = 0; i < r->failures.n; i++) {
		const struct failure *fl = &r->failures.v[i];

		json_array_append_new(failures,
				      location_object(r->root, &fl->loc,
						      fl->message));
	}
	json_object_set_new(top, "tool", json_string("drvlint"));
	json_object_set_new(top, "version", json_text(r->tool_version));
	json_set_bytes(top, "root", r->root);
	json_object_set_new(top, "findings", findings);
	json_object_set_new(top, "failures", failures);
	json_object_set_new(top, "summary", summary_object(r));
	if (r->shard) {
		/* facts keep absolute paths: shards may have other roots */
		json_object_set_new(top, "shard", json_string(r->shard));
		if (r->config) {
			char config[17];

			snprintf(config, sizeof(config), "%016" PRIx64,
				 r->config);
			json_object_set_new(top, "config", json_string(config));
		}
		json_object_set_new(top, "facts",
				    facts_json(r->fact_rules, r->facts,
					       r->nfact_lists));
	}
	ret = json_write(out, top);
	json_decref(top);
	return ret;
}
