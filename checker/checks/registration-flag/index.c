// SPDX-License-Identifier: GPL-2.0-only
/*
 * registration-flag's indexes over a unit's calls and writes, built once
 * the walk is done, so that no question searches every call: the calls
 * of each function, the register calls whose result each variable holds,
 * and the variables that hold more than a flag's two states.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/registration-flag/internal.h"

/* The variable a register call's result is stored in, or null. */
static CXCursor stored_in(const struct call *c)
{
	CXCursor d = c->result;

	if (!c->is_reg || clang_Cursor_isNull(d))
		return clang_getNullCursor();
	if (clang_getCursorKind(d) != CXCursor_VarDecl) {
		d = cx_strip(d);
		if (clang_getCursorKind(d) != CXCursor_DeclRefExpr)
			return clang_getNullCursor();
		d = clang_getCursorReferenced(d);
	}
	return clang_getCanonicalCursor(d);
}

static void index_stores(struct walk *w)
{
	for (size_t i = 0; i < w->ncall; i++) {
		CXCursor v = stored_in(&w->call[i]);
		struct store_list *l;
		size_t k;

		if (clang_Cursor_isNull(v))
			continue;
		if (!cx_map_get(&w->stores, v, &k)) {
			GROW(w->store, w->storecap, w->nstore);
			k = w->nstore++;
			memset(&w->store[k], 0, sizeof(w->store[k]));
			w->store[k].in_order = true;
			cx_map_put(&w->stores, v, k);
		}
		l = &w->store[k];
		if (l->n &&
		    w->call[l->call[l->n - 1]].offset > w->call[i].offset)
			l->in_order = false;
		GROW(l->call, l->cap, l->n);
		l->call[l->n++] = i;
	}
}

/*
 * A flag has two states: a variable that is also given other constants
 * (an error code, a port type) or that holds a register call's result
 * ('ret', 'major') is the object or its status, not a copy of it.
 */
static void find_many_states(struct walk *w)
{
	CXCursor f;

	for (size_t i = 0; i < w->nwrite; i++)
		if (w->write[i].kind == OTHER_CONST)
			cx_map_put(&w->many_states, w->write[i].flag, 0);
	for (size_t i = 0; i < w->ncall; i++) {
		CXCursor r = w->call[i].result;

		if (clang_Cursor_isNull(r))
			continue;
		if (clang_getCursorKind(r) == CXCursor_VarDecl)
			f = clang_getCanonicalCursor(r);
		else if (!rf_flag_of(r, &f))
			continue;
		cx_map_put(&w->many_states, f, 0);
	}
}

void rf_index_calls(struct walk *w)
{
	find_many_states(w);
	index_stores(w);
	for (size_t i = 0; i < w->ncall; i++) {
		CXCursor fn = w->call[i].path.c[0];

		if (w->nfn &&
		    clang_equalCursors(fn, w->call[i - 1].path.c[0])) {
			w->fn_range[w->nfn - 1].hi = i + 1;
			continue;
		}
		GROW(w->fn_range, w->fncap, w->nfn);
		w->fn_range[w->nfn] = (struct call_range){ i, i + 1 };
		cx_map_put(&w->fn_calls, fn, w->nfn++);
	}
}

void rf_calls_of(const struct walk *w, CXCursor fn, size_t *lo, size_t *hi)
{
	size_t r;

	if (cx_map_get(&w->fn_calls, fn, &r)) {
		*lo = w->fn_range[r].lo;
		*hi = w->fn_range[r].hi;
	} else {
		*lo = *hi = 0;
	}
}

/* The first of list[0..n) not below x. */
static size_t lower_bound(const size_t *list, size_t n, size_t x)
{
	size_t a = 0, b = n;

	while (a < b) {
		size_t m = a + (b - a) / 2;

		if (list[m] < x)
			a = m + 1;
		else
			b = m;
	}
	return a;
}

/*
 * A function with hundreds of registrations asks this for each of its
 * failure tests: a binary search, not a scan of its calls.
 */
const struct call *rf_call_stored_in(const struct walk *w, CXCursor v,
				     CXCursor fn, unsigned int at)
{
	const struct store_list *l;
	const struct call *best = NULL;
	size_t lo, hi, k, a, b;

	rf_calls_of(w, fn, &lo, &hi);
	if (!cx_map_get(&w->stores, v, &k))
		return NULL;
	l = &w->store[k];
	a = lower_bound(l->call, l->n, lo);
	b = lower_bound(l->call, l->n, hi);
	if (l->in_order) {
		/* the last of call[a..b) whose offset is below at */
		size_t x = a, y = b;

		while (x < y) {
			size_t m = x + (y - x) / 2;

			if (w->call[l->call[m]].offset < at)
				x = m + 1;
			else
				y = m;
		}
		return x > a ? &w->call[l->call[x - 1]] : NULL;
	}
	for (size_t i = a; i < b; i++) {
		const struct call *c = &w->call[l->call[i]];

		if (c->offset < at && (!best || c->offset > best->offset))
			best = c;
	}
	return best;
}

bool rf_two_state(const struct walk *w, CXCursor flag)
{
	size_t unused;

	return !cx_map_get(&w->many_states, flag, &unused);
}
