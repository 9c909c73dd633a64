// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format=sarif: SARIF 2.1.0, the format code-scanning services read.
 * Rules carry their rules/<rule>.md document as help; results carry
 * locations, related locations and fixes.  Paths are relative to the
 * SRCROOT base, which is the report's root, so a report stays valid when
 * the tree is checked out elsewhere.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "lib/json_util.h"
#include "lib/path.h"
#include "lib/util.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* RFC 3986: keep unreserved characters and '/', escape every other byte. */
static char *uri_escape(const char *path)
{
	char *buf = xmalloc(strlen(path) * 3 + 1), *out = buf;
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) || strchr("-._~/", *p))
			*out++ = *p;
		else
			out += sprintf(out, "%%%02X", *p);
	}
	*out = '\0';
	return buf;
}

static json_t *artifact_location(const char *root, const char *file)
{
	const char *rel = path_relative(root, file);
	json_t *o = json_object();
	char *uri = uri_escape(rel);

	if (rel[0] == '/') {
		/* Outside the root: an absolute file URI, no base. */
		char *abs = xasprintf("file://%s", uri);

		json_object_set_new(o, "uri", json_string(abs));
		free(abs);
	} else {
		json_object_set_new(o, "uri", json_string(uri));
		json_object_set_new(o, "uriBaseId", json_string("SRCROOT"));
	}
	free(uri);
	return o;
}

static json_t *physical_location(const char *root, const struct location *loc)
{
	json_t *o = json_object();

	json_object_set_new(o, "artifactLocation",
			    artifact_location(root, loc->file));
	if (loc->line) {
		json_t *region = json_object();

		json_object_set_new(region, "startLine",
				    json_integer(loc->line));
		if (loc->column)
			json_object_set_new(region, "startColumn",
					    json_integer(loc->column));
		json_object_set_new(o, "region", region);
	}
	return o;
}

static json_t *message(const char *text)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", json_text(text ? text : ""));
	return o;
}

static json_t *location(const char *root, const struct location *loc)
{
	json_t *o = json_object();

	json_object_set_new(o, "physicalLocation",
			    physical_location(root, loc));
	return o;
}

static const char *sarif_level(enum severity sev)
{
	return severity_name(sev); /* the same three words */
}

/* "id-table-sentinel" -> "IdTableSentinel" */
static char *camel_case(const char *id)
{
	char *name = xmalloc(strlen(id) + 1), *out = name;
	int upper = 1;

	for (; *id; id++) {
		if (*id == '-' || *id == '_') {
			upper = 1;
			continue;
		}
		*out++ = upper ? toupper((unsigned char)*id) : *id;
		upper = 0;
	}
	*out = '\0';
	return name;
}

/* The first paragraph of a Markdown document that is not a heading. */
static char *first_paragraph(const char *md)
{
	char *text = xcalloc(1, strlen(md) + 1);
	size_t n = 0;

	while (*md) {
		size_t len = strcspn(md, "\n");
		size_t skip = strspn(md, " \t");
		bool blank = skip >= len;

		if (blank && n)
			break;
		if (!blank && (n || (md[skip] != '#' && md[skip] != '<'))) {
			if (n)
				text[n++] = ' ';
			memcpy(text + n, md + skip, len - skip);
			n += len - skip;
		}
		md += len + (md[len] == '\n');
	}
	text[n] = '\0';
	return text;
}

static json_t *rule_descriptor(const struct rule_info *ri)
{
	json_t *o = json_object(), *config = json_object();
	char *name = camel_case(ri->id);

	json_object_set_new(o, "id", json_text(ri->id));
	json_object_set_new(o, "name", json_text(name));
	free(name);
	json_object_set_new(o, "shortDescription", message(ri->summary));
	if (ri->help) {
		char *full = first_paragraph(ri->help);
		json_t *help = message(ri->help);

		json_object_set_new(o, "fullDescription",
				    message(*full ? full : ri->summary));
		free(full);
		json_object_set_new(help, "markdown", json_text(ri->help));
		json_object_set_new(o, "help", help);
	} else {
		json_object_set_new(o, "fullDescription", message(ri->summary));
	}
	json_object_set_new(config, "level", json_string("warning"));
	json_object_set_new(o, "defaultConfiguration", config);
	return o;
}

static json_t *tool_object(const struct report *r)
{
	json_t *tool = json_object(), *driver = json_object();
	json_t *rules = json_array();

	for (size_t i = 0; i < r->nrules; i++)
		json_array_append_new(rules, rule_descriptor(&r->rules[i]));
	json_object_set_new(driver, "name", json_string("drvlint"));
	if (r->tool_version)
		json_object_set_new(driver, "version",
				    json_text(r->tool_version));
	json_object_set_new(driver, "rules", rules);
	json_object_set_new(tool, "driver", driver);
	return tool;
}

static json_t *related_locations(const char *root, const struct finding *f)
{
	json_t *a = json_array();

	for (size_t i = 0; i < f->nrelated; i++) {
		json_t *o = location(root, &f->related[i].loc);

		json_object_set_new(o, "id", json_integer(i));
		json_object_set_new(o, "message",
				    message(f->related[i].message));
		json_array_append_new(a, o);
	}
	return a;
}

/* An edit without line information falls back to byte offsets. */
static json_t *replacement(const struct edit *e)
{
	json_t *o = json_object(), *region = json_object();
	json_t *inserted = json_object();

	if (e->line && e->column && e->end_line && e->end_column) {
		json_object_set_new(region, "startLine", json_integer(e->line));
		json_object_set_new(region, "startColumn",
				    json_integer(e->column));
		json_object_set_new(region, "endLine",
				    json_integer(e->end_line));
		json_object_set_new(region, "endColumn",
				    json_integer(e->end_column));
	} else {
		json_object_set_new(region, "byteOffset",
				    json_integer(e->offset));
		json_object_set_new(region, "byteLength",
				    json_integer(e->length));
	}
	json_object_set_new(inserted, "text", json_text(e->text));
	json_object_set_new(o, "deletedRegion", region);
	json_object_set_new(o, "insertedContent", inserted);
	return o;
}

/* Does an edit before edits[i] name the same file? */
static bool file_seen(const struct finding *f, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (!strcmp(f->edits[k].file, f->edits[i].file))
			return true;
	return false;
}

/* The artifactChange for the file of edits[i]: its edits from i on. */
static json_t *artifact_change(const char *root, const struct finding *f,
			       size_t i)
{
	const char *file = f->edits[i].file;
	json_t *change = json_object(), *repl = json_array();

	for (size_t k = i; k < f->nedits; k++)
		if (!strcmp(f->edits[k].file, file))
			json_array_append_new(repl, replacement(&f->edits[k]));
	json_object_set_new(change, "artifactLocation",
			    artifact_location(root, file));
	json_object_set_new(change, "replacements", repl);
	return change;
}

/* One artifactChange per file, in the order the files first appear. */
static json_t *artifact_changes(const char *root, const struct finding *f)
{
	json_t *changes = json_array();

	for (size_t i = 0; i < f->nedits; i++)
		if (!file_seen(f, i))
			json_array_append_new(changes,
					      artifact_change(root, f, i));
	return changes;
}

static json_t *fixes(const char *root, const struct finding *f)
{
	const char *desc = f->fix_description ? f->fix_description :
						"apply the suggested edits";
	json_t *fix = json_object(), *a = json_array();

	json_object_set_new(fix, "description", message(desc));
	json_object_set_new(fix, "artifactChanges", artifact_changes(root, f));
	json_array_append_new(a, fix);
	return a;
}

static long rule_index(const struct report *r, const char *rule)
{
	for (size_t i = 0; i < r->nrules; i++)
		if (!strcmp(r->rules[i].id, rule))
			return (long)i;
	return -1;
}

/*
 * A fingerprint that survives edits elsewhere in the file: the rule, the
 * file and the object, without the line.
 */
static json_t *fingerprints(const char *root, const struct finding *f)
{
	json_t *o = json_object();
	char *fp = xasprintf("%s:%s:%s", f->rule,
			     path_relative(root, f->loc.file),
			     f->object ? f->object : f->message);

	json_object_set_new(o, "drvlintObject/v1", json_text(fp));
	free(fp);
	return o;
}

static json_t *result(const struct report *r, const struct finding *f)
{
	json_t *o = json_object(), *locs = json_array();
	long idx = rule_index(r, f->rule);

	json_object_set_new(o, "ruleId", json_text(f->rule));
	if (idx >= 0)
		json_object_set_new(o, "ruleIndex", json_integer(idx));
	json_object_set_new(o, "level", json_string(sarif_level(f->severity)));
	json_object_set_new(o, "message", message(f->message));
	json_array_append_new(locs, location(r->root, &f->loc));
	json_object_set_new(o, "locations", locs);
	if (f->nrelated)
		json_object_set_new(o, "relatedLocations",
				    related_locations(r->root, f));
	if (f->nedits)
		json_object_set_new(o, "fixes", fixes(r->root, f));
	json_object_set_new(o, "partialFingerprints", fingerprints(r->root, f));
	return o;
}

static json_t *notification(const char *root, const struct failure *fl)
{
	json_t *o = json_object(), *locs = json_array();

	json_object_set_new(o, "level", json_string("error"));
	json_object_set_new(o, "message", message(fl->message));
	if (fl->loc.file && *fl->loc.file) {
		json_array_append_new(locs, location(root, &fl->loc));
		json_object_set_new(o, "locations", locs);
	} else {
		json_decref(locs);
	}
	return o;
}

static json_t *invocations(const struct report *r)
{
	json_t *a = json_array(), *inv = json_object();
	json_t *notes = json_array();

	for (size_t i = 0; i < r->failures.n; i++)
		json_array_append_new(notes,
				      notification(r->root, &r->failures.v[i]));
	json_object_set_new(inv, "executionSuccessful",
			    json_boolean(r->failures.n == 0));
	json_object_set_new(inv, "toolExecutionNotifications", notes);
	json_array_append_new(a, inv);
	return a;
}

static json_t *base_ids(const char *root)
{
	json_t *o = json_object(), *src = json_object();
	char *uri = uri_escape(root);
	size_t n = strlen(uri);
	char *full = xasprintf("file://%s%s", uri,
			       n && uri[n - 1] == '/' ? "" : "/");

	json_object_set_new(src, "uri", json_string(full));
	json_object_set_new(o, "SRCROOT", src);
	free(full);
	free(uri);
	return o;
}

static json_t *run_object(const struct report *r)
{
	json_t *run = json_object(), *results = json_array();

	for (size_t i = 0; i < r->findings.n; i++)
		json_array_append_new(results, result(r, &r->findings.v[i]));
	json_object_set_new(run, "tool", tool_object(r));
	json_object_set_new(run, "invocations", invocations(r));
	if (r->root && r->root[0] == '/')
		json_object_set_new(run, "originalUriBaseIds",
				    base_ids(r->root));
	json_object_set_new(run, "results", results);
	return run;
}

int report_write_sarif(FILE *out, const struct report *r)
{
	json_t *top = json_object(), *runs = json_array();
	int ret;

	json_array_append_new(runs, run_object(r));
	json_object_set_new(top, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(top, "version", json_string("2.1.0"));
	json_object_set_new(top, "runs", runs);
	ret = json_write(out, top);
	json_decref(top);
	return ret;
}
