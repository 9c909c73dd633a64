// SPDX-License-Identifier: GPL-2.0-only
/*
 * Code actions: each finding's fix as a quick fix, and all of a file's
 * fixes at once (source.fixAll.drvlint).  The edits are chosen as --fix
 * chooses them: in the order of the findings, a finding's edits all or
 * none, an edit already made once not again, and a finding whose edits
 * collide with an earlier one's dropped; so the text an editor gets is
 * the text --fix writes.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/json_util.h"
#include "lib/util.h"
#include "lsp/diagnostics.h"
#include "lsp/server.h"

#define FIX_ALL_KIND "source.fixAll.drvlint"

struct selection {
	const struct edit **v;
	size_t n, cap;
};

static bool same_edit(const struct edit *a, const struct edit *b)
{
	return !strcmp(a->file, b->file) && a->offset == b->offset &&
	       a->length == b->length && !strcmp(a->text, b->text);
}

static bool conflict(const struct edit *a, const struct edit *b)
{
	unsigned long a_end = (unsigned long)a->offset + a->length;
	unsigned long b_end = (unsigned long)b->offset + b->length;

	return !strcmp(a->file, b->file) &&
	       (a->offset == b->offset ||
		(b->offset < a_end && a->offset < b_end));
}

/* Add f's edits, all or none; false if they collide with earlier ones. */
static bool select_finding(struct selection *sel, const struct finding *f)
{
	size_t start = sel->n;

	for (size_t i = 0; i < f->nedits; i++) {
		const struct edit *e = &f->edits[i];
		bool dup = false;

		if (!e->length && !*e->text)
			continue;
		for (size_t k = 0; k < sel->n && !dup; k++) {
			if (same_edit(sel->v[k], e)) {
				dup = true;
			} else if (conflict(sel->v[k], e)) {
				sel->n = start;
				return false;
			}
		}
		if (!dup) {
			GROW(sel->v, sel->cap, sel->n);
			sel->v[sel->n++] = e;
		}
	}
	return true;
}

/* {changes: {uri: [TextEdit]}} of the selected edits. */
static json_t *workspace_edit(struct server *s, struct lsp_doc *doc,
			      const struct selection *sel)
{
	json_t *changes = json_object();

	for (size_t i = 0; i < sel->n; i++) {
		const struct edit *e = sel->v[i];
		char *uri = uri_from_path(e->file), *owned;
		json_t *list = json_object_get(changes, uri);
		size_t len;
		const char *text = lsp_text_of(s, doc, e->file, &len, &owned);

		if (!list) {
			list = json_array();
			json_object_set_new(changes, uri, list);
		}
		json_array_append_new(
			list,
			json_pack("{s:o,s:o}", "range",
				  lsp_range_json(text, len, e->offset,
						 (size_t)e->offset + e->length,
						 s->enc),
				  "newText", json_text(e->text)));
		free(owned);
		free(uri);
	}
	return json_pack("{s:o}", "changes", changes);
}

static bool kind_wanted(const json_t *only, const char *kind)
{
	size_t i;
	json_t *k;

	if (!json_is_array(only))
		return true;
	json_array_foreach(only, i, k)
	{
		const char *want = json_string_value(k);
		size_t n = want ? strlen(want) : 0;

		if (want && !strncmp(kind, want, n) &&
		    (kind[n] == '\0' || kind[n] == '.'))
			return true;
	}
	return false;
}

/*
 * Does one of the client's diagnostics name f?  Clients send them back
 * in part (Neovim 0.7 drops the range): every field present must agree,
 * and a line or a message must be among them.
 */
static bool in_context(const json_t *diags, const struct finding *f)
{
	size_t i;
	json_t *d;

	json_array_foreach(diags, i, d)
	{
		json_t *code = json_object_get(d, "code");
		json_t *msg = json_object_get(d, "message");
		json_t *line = json_object_get(
			json_object_get(json_object_get(d, "range"), "start"),
			"line");

		if (!json_is_string(msg) && !json_is_integer(line))
			continue;
		if (json_is_string(code) &&
		    strcmp(json_string_value(code), f->rule))
			continue;
		if (json_is_string(msg) &&
		    strcmp(json_string_value(msg), f->message))
			continue;
		if (json_is_integer(line) &&
		    json_integer_value(line) != (json_int_t)f->loc.line - 1)
			continue;
		return true;
	}
	return false;
}

/* Is f on the lines of the request's range? */
static bool in_range(const json_t *range, const struct finding *f)
{
	struct lsp_pos a, b;

	if (!json_position(json_object_get(range, "start"), &a) ||
	    !json_position(json_object_get(range, "end"), &b))
		return false;
	return f->loc.line >= a.line + 1 && f->loc.line <= b.line + 1;
}

static json_t *quick_fix(struct server *s, struct lsp_doc *doc,
			 const struct finding *f)
{
	struct selection sel = { 0 };
	json_t *action;

	select_finding(&sel, f);
	action = json_pack(
		"{s:o,s:s,s:[o],s:b,s:o}", "title",
		json_text(f->fix_description ? f->fix_description :
					       "Apply drvlint's fix"),
		"kind", "quickfix", "diagnostics", lsp_diagnostic(s, doc, f),
		"isPreferred", 1, "edit", workspace_edit(s, doc, &sel));
	free(sel.v);
	return action;
}

static json_t *fix_all(struct server *s, struct lsp_doc *doc)
{
	struct selection sel = { 0 };
	json_t *action;

	for (size_t i = 0; i < doc->shown.n; i++)
		select_finding(&sel, &doc->shown.v[i]);
	if (!sel.n) {
		free(sel.v);
		return NULL;
	}
	action = json_pack("{s:s,s:s,s:o}", "title",
			   "Apply every drvlint fix in this file", "kind",
			   FIX_ALL_KIND, "edit", workspace_edit(s, doc, &sel));
	free(sel.v);
	return action;
}

json_t *lsp_code_actions(struct server *s, struct lsp_doc *doc,
			 const json_t *params)
{
	const json_t *range = json_object_get(params, "range");
	const json_t *context = json_object_get(params, "context");
	const json_t *only = json_object_get(context, "only");
	const json_t *diags = json_object_get(context, "diagnostics");
	json_t *out = json_array(), *all;

	/* Edits count in the checked text: none for a buffer changed since. */
	if (doc->checked_version != doc->d.version || !doc->checked_text)
		return out;
	for (size_t i = 0; kind_wanted(only, "quickfix") && i < doc->shown.n;
	     i++) {
		const struct finding *f = &doc->shown.v[i];

		if (f->nedits && (in_range(range, f) || in_context(diags, f)))
			json_array_append_new(out, quick_fix(s, doc, f));
	}
	if (kind_wanted(only, FIX_ALL_KIND) && (all = fix_all(s, doc)))
		json_array_append_new(out, all);
	return out;
}
