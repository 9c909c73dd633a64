// SPDX-License-Identifier: GPL-2.0-only
/*
 * The finding store.  Checks add findings per translation unit; the
 * engine moves them into one list, which is sorted and stripped of the
 * duplicates that headers (and a second engine) produce before any
 * reporter sees it.
 */
#include <stdlib.h>
#include <string.h>

#include "core/finding.h"
#include "lib/util.h"

const char *severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_NOTE:
		return "note";
	case SEV_ERROR:
		return "error";
	default:
		return "warning";
	}
}

static void location_set(struct location *loc, const char *file,
			 unsigned int line, unsigned int column)
{
	loc->file = xstrdup(file ? file : "");
	loc->line = line;
	loc->column = column;
}

struct finding *finding_add(struct finding_list *list, const char *rule,
			    enum severity sev, const char *file,
			    unsigned int line, unsigned int column,
			    const char *object, const char *message)
{
	struct finding *f;

	GROW(list->v, list->cap, list->n);
	f = &list->v[list->n++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->engine = "clang";
	f->severity = sev;
	location_set(&f->loc, file, line, column);
	f->object = object ? xstrdup(object) : NULL;
	f->message = xstrdup(message ? message : "");
	return f;
}

void finding_add_related(struct finding *f, const char *file, unsigned int line,
			 unsigned int column, const char *message)
{
	struct related *r;

	f->related = xrealloc(f->related, (f->nrelated + 1) * sizeof(*r));
	r = &f->related[f->nrelated++];
	location_set(&r->loc, file, line, column);
	r->message = xstrdup(message ? message : "");
}

void finding_add_edit(struct finding *f, const struct edit *e)
{
	struct edit *copy;

	f->edits = xrealloc(f->edits, (f->nedits + 1) * sizeof(*copy));
	copy = &f->edits[f->nedits++];
	*copy = *e;
	copy->file = xstrdup(e->file ? e->file : f->loc.file);
	copy->text = xstrdup(e->text ? e->text : "");
}

void finding_free(struct finding *f)
{
	free(f->loc.file);
	free(f->object);
	free(f->message);
	for (size_t i = 0; i < f->nrelated; i++) {
		free(f->related[i].loc.file);
		free(f->related[i].message);
	}
	free(f->related);
	for (size_t i = 0; i < f->nedits; i++) {
		free(f->edits[i].file);
		free(f->edits[i].text);
	}
	free(f->edits);
	free(f->fix_description);
}

/* Moves every finding of src to the end of dst; src is left empty. */
void finding_list_append(struct finding_list *dst, struct finding_list *src)
{
	for (size_t i = 0; i < src->n; i++) {
		GROW(dst->v, dst->cap, dst->n);
		dst->v[dst->n++] = src->v[i];
	}
	free(src->v);
	memset(src, 0, sizeof(*src));
}

static int cmp_uint(unsigned int a, unsigned int b)
{
	return (a > b) - (a < b);
}

/* The identity of a finding: two findings equal here say the same thing. */
static int cmp_identity(const struct finding *a, const struct finding *b)
{
	int c = strcmp(a->loc.file, b->loc.file);

	if (!c)
		c = cmp_uint(a->loc.line, b->loc.line);
	if (!c)
		c = cmp_uint(a->loc.column, b->loc.column);
	if (!c)
		c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp(a->message, b->message);
	return c;
}

/*
 * Among duplicates the first one is kept: prefer the richer finding
 * (more related places, a fix), then the engine by name, so that the
 * result does not depend on the order the workers finished in.
 */
static int cmp_finding(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	int c = cmp_identity(a, b);

	if (!c)
		c = cmp_uint(b->nrelated, a->nrelated);
	if (!c)
		c = cmp_uint(b->nedits, a->nedits);
	if (!c && a->engine && b->engine)
		c = strcmp(a->engine, b->engine);
	if (!c && a->object && b->object)
		c = strcmp(a->object, b->object);
	return c;
}

void finding_list_sort_unique(struct finding_list *list)
{
	size_t out = 0;

	if (list->n)
		qsort(list->v, list->n, sizeof(*list->v), cmp_finding);
	for (size_t i = 0; i < list->n; i++) {
		if (out && !cmp_identity(&list->v[out - 1], &list->v[i])) {
			finding_free(&list->v[i]);
			continue;
		}
		list->v[out++] = list->v[i];
	}
	list->n = out;
}

void finding_list_free(struct finding_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		finding_free(&list->v[i]);
	free(list->v);
	memset(list, 0, sizeof(*list));
}

void failure_add(struct failure_list *list, const char *file, unsigned int line,
		 unsigned int column, const char *message)
{
	struct failure *f;

	GROW(list->v, list->cap, list->n);
	f = &list->v[list->n++];
	location_set(&f->loc, file, line, column);
	f->message = xstrdup(message ? message : "");
}

/* Moves every failure of src to the end of dst; src is left empty. */
void failure_list_append(struct failure_list *dst, struct failure_list *src)
{
	for (size_t i = 0; i < src->n; i++) {
		GROW(dst->v, dst->cap, dst->n);
		dst->v[dst->n++] = src->v[i];
	}
	free(src->v);
	memset(src, 0, sizeof(*src));
}

void failure_list_free(struct failure_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		free(list->v[i].loc.file);
		free(list->v[i].message);
	}
	free(list->v);
	memset(list, 0, sizeof(*list));
}
