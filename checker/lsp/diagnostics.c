// SPDX-License-Identifier: GPL-2.0-only
/*
 * Findings as LSP diagnostics.  A document's diagnostics are its unit's
 * findings in its file plus the tree-level decisions made over the facts
 * of every open unit; a change in one unit can change another's, so
 * every open document whose diagnostics change is published again.
 */
#include <stdlib.h>
#include <string.h>

#include "cocci/cocci.h"
#include "lib/json_util.h"
#include "lib/path.h"
#include "lib/util.h"
#include "lsp/diagnostics.h"
#include "lsp/rpc.h"
#include "lsp/server.h"

bool lsp_same_file(const char *a, const char *b)
{
	char *na = path_absolute("/", a), *nb = path_absolute("/", b);
	bool same = !strcmp(na, nb);

	free(na);
	free(nb);
	return same;
}

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static json_t *pos_json(struct lsp_pos p)
{
	return json_pack("{s:i,s:i}", "line", (json_int_t)p.line, "character",
			 (json_int_t)p.character);
}

json_t *lsp_range_json(const char *text, size_t len, size_t a, size_t b,
		       enum pos_encoding enc)
{
	return json_pack("{s:o,s:o}", "start",
			 pos_json(pos_from_offset(text, len, a, enc)), "end",
			 pos_json(pos_from_offset(text, len, b, enc)));
}

/* The range of drvlint's line:column, widened to the token named there. */
json_t *lsp_token_range(const char *text, size_t len, unsigned int line,
			unsigned int column, enum pos_encoding enc)
{
	size_t a = pos_line_column_offset(text, len, line, column), b = a;

	while (b < len && ident_char(text[b]))
		b++;
	if (b == a && a < len && text[a] != '\n' && text[a] != '\r') {
		b++;
		while (b < len && ((unsigned char)text[b] & 0xc0) == 0x80)
			b++;
	}
	return lsp_range_json(text, len, a, b, enc);
}

/* The text positions in 'file' are counted in: a buffer, or the disk's. */
const char *lsp_text_of(struct server *s, struct lsp_doc *doc, const char *file,
			size_t *len, char **owned)
{
	*owned = NULL;
	if (lsp_same_file(file, doc->d.path)) {
		*len = doc->checked_len;
		return doc->checked_text;
	}
	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *o = s->docs[i];

		if (!o->closed && lsp_same_file(file, o->d.path)) {
			*len = o->d.len;
			return o->d.text;
		}
	}
	*owned = read_file(file, len);
	if (!*owned)
		*len = 0;
	return *owned ? *owned : "";
}

static int lsp_severity(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR:
		return 1;
	case SEV_WARNING:
		return 2;
	default:
		return 3;
	}
}

static json_t *related_json(struct server *s, struct lsp_doc *doc,
			    const struct related *rel)
{
	char *owned, *uri = uri_from_path(rel->loc.file);
	size_t len;
	const char *text = lsp_text_of(s, doc, rel->loc.file, &len, &owned);
	json_t *j = json_pack("{s:{s:s,s:o},s:o}", "location", "uri", uri,
			      "range",
			      lsp_token_range(text, len, rel->loc.line,
					      rel->loc.column, s->enc),
			      "message", json_text(rel->message));

	free(owned);
	free(uri);
	return j;
}

json_t *lsp_diagnostic(struct server *s, struct lsp_doc *doc,
		       const struct finding *f)
{
	json_t *d = json_pack(
		"{s:o,s:i,s:s,s:s,s:o}", "range",
		lsp_token_range(doc->checked_text, doc->checked_len,
				f->loc.line, f->loc.column, s->enc),
		"severity", lsp_severity(f->severity), "code", f->rule,
		"source", "drvlint", "message", json_text(f->message));

	if (f->nrelated) {
		json_t *rel = json_array();

		for (size_t i = 0; i < f->nrelated; i++)
			json_array_append_new(
				rel, related_json(s, doc, &f->related[i]));
		json_object_set_new(d, "relatedInformation", rel);
	}
	return d;
}

static json_t *notice_json(const char *message, int severity, json_t *range)
{
	if (!range)
		range = json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line",
				  0, "character", 0, "end", "line", 0,
				  "character", 0);
	return json_pack("{s:o,s:i,s:s,s:o}", "range", range, "severity",
			 severity, "source", "drvlint", "message",
			 json_text(message));
}

/* A unit that could not be checked, at the error if it is in doc. */
static json_t *failure_json(struct server *s, struct lsp_doc *doc,
			    const struct failure *fl)
{
	char *msg;
	json_t *j;

	if (fl->loc.line && lsp_same_file(fl->loc.file, doc->d.path)) {
		msg = xasprintf("drvlint: not checked: %s", fl->message);
		j = notice_json(msg, 1,
				lsp_token_range(doc->checked_text,
						doc->checked_len, fl->loc.line,
						fl->loc.column, s->enc));
	} else if (fl->loc.line) {
		msg = xasprintf("drvlint: not checked: %s:%u:%u: %s",
				fl->loc.file, fl->loc.line, fl->loc.column,
				fl->message);
		j = notice_json(msg, 1, NULL);
	} else {
		msg = xasprintf("drvlint: not checked: %s", fl->message);
		j = notice_json(msg, 1, NULL);
	}
	free(msg);
	return j;
}

static void copy_finding(struct finding_list *dst, const struct finding *f)
{
	struct finding *c = finding_add(dst, f->rule, f->severity, f->loc.file,
					f->loc.line, f->loc.column, f->object,
					f->message);

	c->engine = f->engine;
	for (size_t i = 0; i < f->nrelated; i++)
		finding_add_related(c, f->related[i].loc.file,
				    f->related[i].loc.line,
				    f->related[i].loc.column,
				    f->related[i].message);
	for (size_t i = 0; i < f->nedits; i++)
		finding_add_edit(c, &f->edits[i]);
	if (f->fix_description)
		c->fix_description = xstrdup(f->fix_description);
}

/* Is this document's last check current, under the current checks? */
static bool current(const struct server *s, const struct lsp_doc *d)
{
	return !d->closed && d->checked_version == d->d.version &&
	       d->checked_text && d->checked_gen == s->checker_gen;
}

/*
 * Every open unit's facts, each unit once (borrowed), and those the
 * tree's record has of the other units, and finish().
 */
static void tree_findings(struct server *s, struct finding_list *out)
{
	size_t n = s->ck.n;
	struct fact_list *facts = xcalloc(n ? n : 1, sizeof(*facts));
	struct fact_list *others;
	struct strset checked = { 0 };

	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *d = s->docs[i];
		bool seen = false;

		if (!current(s, d) || !d->r.facts || !d->unit_file)
			continue;
		for (size_t k = 0; k < i && !seen; k++)
			seen = s->docs[k]->unit_file && s->docs[k]->r.facts &&
			       current(s, s->docs[k]) &&
			       !strcmp(s->docs[k]->unit_file, d->unit_file);
		for (size_t c = 0; c < n && !seen; c++) {
			for (size_t f = 0; f < d->r.facts[c].n; f++) {
				GROW(facts[c].v, facts[c].cap, facts[c].n);
				facts[c].v[facts[c].n++] = d->r.facts[c].v[f];
			}
		}
		strset_add(&checked, d->unit_file);
	}
	others = lsp_tree_others(s, &checked);
	checker_finish(&s->ck, facts, others, out);
	for (size_t c = 0; c < n; c++) {
		free(facts[c].v);
		if (others)
			free(others[c].v);
	}
	free(facts);
	free(others);
	strset_free(&checked);
}

/* doc's diagnostics; doc->shown gets its findings. */
static json_t *doc_diagnostics(struct server *s, struct lsp_doc *doc,
			       const struct finding_list *tree)
{
	json_t *diags = json_array();
	bool cocci = doc->cocci_version == doc->d.version;
	const struct finding_list *lists[3] = { &doc->r.findings, tree,
						&doc->cocci };

	finding_list_free(&doc->shown);
	for (size_t l = 0; l < (cocci ? 3u : 2u); l++)
		for (size_t i = 0; i < lists[l]->n; i++)
			if (lsp_same_file(lists[l]->v[i].loc.file, doc->d.path))
				copy_finding(&doc->shown, &lists[l]->v[i]);
	if (cocci)
		cocci_merge(&doc->shown);
	finding_list_sort_unique(&doc->shown);
	if (doc->notice)
		json_array_append_new(diags, notice_json(doc->notice, 3, NULL));
	if (cocci && doc->cocci_error)
		json_array_append_new(diags,
				      notice_json(doc->cocci_error, 3, NULL));
	for (size_t i = 0; i < doc->r.failures.n; i++)
		json_array_append_new(
			diags, failure_json(s, doc, &doc->r.failures.v[i]));
	for (size_t i = 0; i < doc->shown.n; i++)
		json_array_append_new(diags,
				      lsp_diagnostic(s, doc, &doc->shown.v[i]));
	return diags;
}

static void send_diagnostics(struct server *s, struct lsp_doc *doc,
			     json_t *diags)
{
	json_decref(doc->published);
	doc->published = json_incref(diags);
	lsp_send(s, rpc_notification("textDocument/publishDiagnostics",
				     json_pack("{s:s,s:I,s:o}", "uri",
					       doc->d.uri, "version",
					       (json_int_t)doc->d.version,
					       "diagnostics", diags)));
}

void lsp_publish(struct server *s, struct lsp_doc *doc)
{
	struct finding_list tree = { 0 };

	tree_findings(s, &tree);
	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *d = s->docs[i];
		json_t *diags;

		if (d != doc && (!current(s, d) || !d->published))
			continue;
		if (d == doc && d->closed)
			continue;
		diags = doc_diagnostics(s, d, &tree);
		if (d == doc || !json_equal(diags, d->published)) {
			if (d != doc)
				lsp_log(s,
					"%s: diagnostics changed by another unit",
					d->d.path);
			send_diagnostics(s, d, diags);
		} else {
			json_decref(diags);
		}
	}
	finding_list_free(&tree);
}

void lsp_publish_cleared(struct server *s, const char *uri)
{
	lsp_send(s, rpc_notification("textDocument/publishDiagnostics",
				     json_pack("{s:s,s:[]}", "uri", uri,
					       "diagnostics")));
}
