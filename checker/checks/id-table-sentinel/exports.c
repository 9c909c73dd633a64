// SPDX-License-Identifier: GPL-2.0-only
/*
 * MODULE_DEVICE_TABLE(type, name): the export of a table to modpost.  It
 * expands to nothing in built-in code, so it is found in the unit's text
 * (lib/ctok: outside comments, literals and directives, the text read by
 * length) and outside the branches the preprocessor skipped.  Every step
 * is linear or logarithmic in the unit's size: a generated unit of many
 * tables and exports costs no more per table than a small one.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/id-table-sentinel/internal.h"
#include "lib/ctok.h"
#include "lib/util.h"

static const char macro[] = "MODULE_DEVICE_TABLE";

/* The preprocessor's skipped ranges, by start, with the furthest end so far. */
struct skipped {
	unsigned int *start, *reach;
	size_t n;
};

static int by_start(const void *a, const void *b)
{
	const unsigned int *x = a, *y = b;

	return (x[0] > y[0]) - (x[0] < y[0]);
}

static void skipped_read(struct skipped *sk, const struct check_unit *u)
{
	CXSourceRangeList *list = clang_getSkippedRanges(u->tu, u->main_file);
	unsigned int *pairs;

	if (!list)
		return;
	pairs = xcalloc(2 * (size_t)list->count + 1, sizeof(*pairs));
	for (unsigned int i = 0; i < list->count; i++) {
		pairs[2 * i] =
			cx_expansion(clang_getRangeStart(list->ranges[i]))
				.offset;
		pairs[2 * i + 1] =
			cx_expansion(clang_getRangeEnd(list->ranges[i])).offset;
	}
	qsort(pairs, list->count, 2 * sizeof(*pairs), by_start);
	sk->n = list->count;
	sk->start = xcalloc(sk->n + 1, sizeof(*sk->start));
	sk->reach = xcalloc(sk->n + 1, sizeof(*sk->reach));
	for (size_t i = 0; i < sk->n; i++) {
		sk->start[i] = pairs[2 * i];
		sk->reach[i] = pairs[2 * i + 1];
		if (i && sk->reach[i - 1] > sk->reach[i])
			sk->reach[i] = sk->reach[i - 1];
	}
	free(pairs);
	clang_disposeSourceRangeList(list);
}

/* Does a skipped range hold offset? */
static bool skipped_has(const struct skipped *sk, unsigned int offset)
{
	size_t lo = 0, hi = sk->n;

	/* the ranges starting at or before offset are [0, lo) */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sk->start[mid] <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo && offset < sk->reach[lo - 1];
}

/* The tables in the order of their names, to find a name's tables. */
struct by_name {
	const struct walk *w;
	size_t *v;
};

static int name_order(const void *a, const void *b, void *arg)
{
	const struct walk *w = arg;
	const size_t *x = a, *y = b;
	int c = strcmp(w->table[*x].name, w->table[*y].name);

	return c ? c : (*x > *y) - (*x < *y);
}

static void by_name_sort(struct by_name *bn, const struct walk *w)
{
	bn->w = w;
	bn->v = xcalloc(w->ntable + 1, sizeof(*bn->v));
	for (size_t i = 0; i < w->ntable; i++)
		bn->v[i] = i;
	qsort_r(bn->v, w->ntable, sizeof(*bn->v), name_order, (void *)w);
}

/* Compare a table's name with s[0..len) as strcmp() would. */
static int name_cmp(const char *name, const char *s, size_t len)
{
	size_t n = strlen(name);
	int c = memcmp(name, s, n < len ? n : len);

	return c ? c : (n > len) - (n < len);
}

/* The first of the tables named s[0..len), in name order. */
static size_t by_name_first(const struct by_name *bn, const char *s, size_t len)
{
	size_t lo = 0, hi = bn->w->ntable;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (name_cmp(bn->w->table[bn->v[mid]].name, s, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The name of "( type , name )" after the macro, or false. */
static bool export_name(struct ctok t, struct ctok_token *name)
{
	struct ctok_token tok;

	if (ctok_next(&t, &tok) != CTOK_PUNCT || t.s[tok.start] != '(')
		return false;
	if (ctok_next(&t, &tok) == CTOK_IDENT)
		ctok_next(&t, &tok);
	if (tok.kind != CTOK_PUNCT || t.s[tok.start] != ',' ||
	    ctok_next(&t, name) != CTOK_IDENT)
		return false;
	return ctok_next(&t, &tok) == CTOK_PUNCT && t.s[tok.start] == ')';
}

/* Every table named by the export at offset at, whose arguments t reads. */
static void note_export(struct walk *w, const struct by_name *bn,
			const struct ctok *t, size_t at)
{
	const char *s = w->unit->source;
	struct cx_pos pos = { .file = w->unit->main_file,
			      .offset = (unsigned int)at };
	struct ctok_token name;

	if (!export_name(*t, &name))
		return;
	text_lines_pos(&w->lines, pos.offset, &pos.line, &pos.column);
	for (size_t k = by_name_first(bn, s + name.start, name.len);
	     k < w->ntable &&
	     !name_cmp(w->table[bn->v[k]].name, s + name.start, name.len);
	     k++)
		sentinel_add_consumer(&w->table[bn->v[k]], BY_EXPORT,
				      "MODULE_DEVICE_TABLE", pos);
}

void sentinel_find_exports(struct walk *w)
{
	const char *s = w->unit->source;
	size_t len = w->unit->source_len;
	struct skipped sk = { 0 };
	struct by_name bn = { 0 };
	struct ctok_token tok;
	struct ctok t;

	if (!memmem(s, len, macro, sizeof(macro) - 1))
		return;
	skipped_read(&sk, w->unit);
	by_name_sort(&bn, w);
	ctok_init(&t, s, len, 0);
	while (ctok_next(&t, &tok) != CTOK_END)
		if (tok.kind == CTOK_IDENT && ctok_is(&t, &tok, macro) &&
		    !skipped_has(&sk, (unsigned int)tok.start))
			note_export(w, &bn, &t, tok.start);
	free(bn.v);
	free(sk.start);
	free(sk.reach);
}

/*
 * A MODULE_DEVICE_TABLE() inside a conditional block counts only if the
 * preprocessor kept the block: only then is the preprocessing record,
 * which knows the skipped ranges, worth its cost.
 */
unsigned int sentinel_parse_options(const void *state, const char *src,
				    size_t len)
{
	const char *p = src, *end = src + len;
	int depth = 0;

	(void)state;
	while (p < end) {
		const char *nl = memchr(p, '\n', end - p), *q = p;

		if (!nl)
			nl = end;
		while (q < nl && (*q == ' ' || *q == '\t'))
			q++;
		if (q < nl && *q == '#') {
			q++;
			while (q < nl && (*q == ' ' || *q == '\t'))
				q++;
			if (nl - q >= 2 && !memcmp(q, "if", 2))
				depth++;
			else if (nl - q >= 5 && !memcmp(q, "endif", 5) &&
				 depth > 0)
				depth--;
		} else if (depth > 0 &&
			   memmem(p, nl - p, macro, sizeof(macro) - 1)) {
			return CXTranslationUnit_DetailedPreprocessingRecord;
		}
		p = nl + 1;
	}
	return 0;
}
