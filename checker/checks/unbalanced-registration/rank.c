// SPDX-License-Identifier: GPL-2.0-only
/*
 * 'drvlint pairs --mine', over all units: count each candidate pair's
 * evidence and print the candidates the list does not have, most seen
 * first, in rules/register-pairs.list's own format.
 *
 * A candidate is a pair of header functions whose names pair up, or a
 * register-like call in init (probe) and an unregister-like call in exit
 * (remove) of the same unit that name the same object.  Its counts: in
 * how many units the two calls stand in init and exit, in probe and
 * remove; in how many the objects agreed, and on which arguments (they
 * give the list's OBJ_ARG columns); in how many units the register is
 * called at all.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/unbalanced-registration/pairs.h"
#include "core/report.h"
#include "lib/path.h"
#include "lib/util.h"

#define MAX_OBJ 9 /* the result and eight arguments */

struct cand {
	const char *reg, *unreg; /* point into the facts */
	const char *header; /* NULL: not a name pair */
	const char *devm;
	long flags;
	unsigned int init_exit, probe_remove, agree, called;
	unsigned int tally[MAX_OBJ][MAX_OBJ];
	size_t seen_ie, seen_pr, seen_agree; /* unit stamps, 1-based */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

/* One call of a side: "I", "E", "P<n>", "R<n>". */
struct side_call {
	const char *callee, *tag;
	bool inline_fn;
	char *obj[MAX_OBJ];
	unsigned int nobj;
};

struct unit_view {
	struct side_call *v;
	size_t n, cap;
};

static int by_names(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;
	int c = strcmp(a->reg, b->reg);

	return c ? c : strcmp(a->unreg, b->unreg);
}

static struct cand *cand_find(const struct cands *cs, const char *reg,
			      const char *unreg)
{
	struct cand key = { .reg = reg, .unreg = unreg };

	return bsearch(&key, cs->v, cs->n, sizeof(*cs->v), by_names);
}

static void cand_add(struct cands *cs, const char *reg, const char *unreg,
		     const char *header, long flags)
{
	GROW(cs->v, cs->cap, cs->n);
	memset(&cs->v[cs->n], 0, sizeof(cs->v[0]));
	cs->v[cs->n].reg = reg;
	cs->v[cs->n].unreg = unreg;
	cs->v[cs->n].header = header;
	cs->v[cs->n++].flags = flags;
}

/* Sort and fold duplicates: a name pair stays one. */
static void cands_fold(struct cands *cs)
{
	size_t n = 0;

	qsort(cs->v, cs->n, sizeof(*cs->v), by_names);
	for (size_t i = 0; i < cs->n; i++) {
		if (n && !by_names(&cs->v[n - 1], &cs->v[i])) {
			struct cand *c = &cs->v[n - 1];

			if (!c->header)
				c->header = cs->v[i].header;
			c->flags |= cs->v[i].flags;
			continue;
		}
		cs->v[n++] = cs->v[i];
	}
	cs->n = n;
}

/* ---- one unit's sides ---- */

static void view_add(struct unit_view *uv, const struct fact *f)
{
	struct side_call *c;
	const char *p = f->extra ? f->extra : "";

	GROW(uv->v, uv->cap, uv->n);
	c = &uv->v[uv->n++];
	memset(c, 0, sizeof(*c));
	c->callee = f->key;
	c->tag = f->text;
	c->inline_fn = f->value & PF_INLINE;
	while (c->nobj < MAX_OBJ) {
		size_t len = strcspn(p, "|");

		c->obj[c->nobj++] = xstrndup(p, len);
		if (!p[len])
			break;
		p += len + 1;
	}
}

static void view_clear(struct unit_view *uv)
{
	for (size_t i = 0; i < uv->n; i++)
		for (unsigned int j = 0; j < uv->v[i].nobj; j++)
			free(uv->v[i].obj[j]);
	uv->n = 0;
}

/* Does a register in tag a and an unregister in tag b pair up? */
static int sides_pair(const char *a, const char *b)
{
	if (a[0] == 'I' && b[0] == 'E')
		return 1;
	if (a[0] == 'P' && b[0] == 'R' && !strcmp(a + 1, b + 1))
		return 2;
	return 0;
}

/* A name both calls give the same object, across functions. */
static bool same_object(const char *a, const char *b)
{
	return a[0] && strncmp(a, "l:", 2) && !strcmp(a, b);
}

static bool objects_agree(const struct side_call *r, const struct side_call *u)
{
	for (unsigned int i = 0; i < r->nobj; i++)
		for (unsigned int j = 1; j < u->nobj; j++)
			if (same_object(r->obj[i], u->obj[j]))
				return true;
	return false;
}

/* Pass 1: calls that pair up by their sides and objects. */
static void unit_cands(const struct unit_view *uv, struct cands *cs)
{
	for (size_t i = 0; i < uv->n; i++)
		for (size_t j = 0; j < uv->n; j++) {
			const struct side_call *r = &uv->v[i], *u = &uv->v[j];

			if (sides_pair(r->tag, u->tag) && !r->inline_fn &&
			    !u->inline_fn && pairs_registers(r->callee) &&
			    strncmp(r->callee, "devm_", 5) &&
			    pairs_unregisters(u->callee) && objects_agree(r, u))
				cand_add(cs, r->callee, u->callee, NULL, 0);
		}
}

/* Pass 2: count, once per unit, what each candidate's calls show. */
static void unit_count(const struct unit_view *uv, struct cands *cs,
		       size_t stamp)
{
	for (size_t i = 0; i < uv->n; i++)
		for (size_t j = 0; j < uv->n; j++) {
			const struct side_call *r = &uv->v[i], *u = &uv->v[j];
			int kind = sides_pair(r->tag, u->tag);
			struct cand *c;

			if (!kind || !(c = cand_find(cs, r->callee, u->callee)))
				continue;
			if (kind == 1 && c->seen_ie != stamp) {
				c->seen_ie = stamp;
				c->init_exit++;
			} else if (kind == 2 && c->seen_pr != stamp) {
				c->seen_pr = stamp;
				c->probe_remove++;
			}
			for (unsigned int a = 0; a < r->nobj; a++)
				for (unsigned int b = 1; b < u->nobj; b++)
					if (same_object(r->obj[a], u->obj[b]))
						c->tally[a][b]++;
			if (objects_agree(r, u) && c->seen_agree != stamp) {
				c->seen_agree = stamp;
				c->agree++;
			}
		}
}

/* Run fn over each unit's view of the side facts. */
static void each_unit(const struct fact_list *facts, struct cands *cs,
		      bool count)
{
	struct unit_view uv = { 0 };
	const char *file = NULL;
	size_t stamp = 0;

	for (size_t i = 0; i <= facts->n; i++) {
		const struct fact *f = i < facts->n ? &facts->v[i] : NULL;

		if (!f || !file || strcmp(f->loc.file, file)) {
			if (count)
				unit_count(&uv, cs, ++stamp);
			else
				unit_cands(&uv, cs);
			view_clear(&uv);
			file = f ? f->loc.file : NULL;
		}
		if (f && f->kind == PF_SIDE)
			view_add(&uv, f);
	}
	free(uv.v);
}

/* ---- counts by name ---- */

/* The candidates registering with reg: cs is sorted by names. */
static struct cand *first_of(struct cands *cs, const char *reg, size_t *n)
{
	size_t lo = 0, hi = cs->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(cs->v[mid].reg, reg) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*n = 0; lo + *n < cs->n && !strcmp(cs->v[lo + *n].reg, reg);)
		++*n;
	return &cs->v[lo];
}

static void name_counts(const struct fact_list *facts, struct cands *cs)
{
	for (size_t i = 0; i < facts->n; i++) {
		const struct fact *f = &facts->v[i];
		struct cand *c;
		size_t n;

		if (f->kind != PF_CALLED && f->kind != PF_DEVM)
			continue;
		c = first_of(cs, f->key, &n);
		for (size_t j = 0; j < n; j++) {
			if (f->kind == PF_CALLED)
				c[j].called++;
			else if (!c[j].devm)
				c[j].devm = f->text;
		}
	}
}

/* ---- output ---- */

static unsigned int together(const struct cand *c)
{
	return c->init_exit + c->probe_remove;
}

static int by_evidence(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;

	if (together(a) != together(b))
		return together(a) > together(b) ? -1 : 1;
	if (a->agree != b->agree)
		return a->agree > b->agree ? -1 : 1;
	if (a->called != b->called)
		return a->called > b->called ? -1 : 1;
	return by_names(a, b);
}

/* The arguments the calls agreed on most; else a guess from the types. */
static void object_args(const struct cand *c, unsigned int *r, unsigned int *u)
{
	unsigned int best = 0;

	*r = c->flags & PF_RETURNS_POINTER ? 0 : 1;
	*u = 1;
	/*
	 * On a tie the later argument: 'foo_register(parent, obj)' names
	 * the parent on both sides too.  The result comes first of all.
	 */
	for (unsigned int a = 0; a < MAX_OBJ; a++)
		for (unsigned int b = 1; b < MAX_OBJ; b++)
			if (c->tally[a][b] > best ||
			    (a && c->tally[a][b] && c->tally[a][b] == best &&
			     *r)) {
				best = c->tally[a][b];
				*r = a;
				*u = b;
			}
}

static void print_cand(FILE *out, const struct cand *c, const char *root)
{
	unsigned int r, u;

	object_args(c, &r, &u);
	fprintf(out, "%-39s %-31s %u %u subsys %s", c->reg, c->unreg, r, u,
		c->devm ? c->devm : "-");
	fprintf(out,
		"\t# init/exit %u, probe/remove %u, objects agree %u, units calling it %u; %s",
		c->init_exit, c->probe_remove, c->agree, c->called,
		c->header ? "names pair up" : "calls pair up");
	if (c->header && c->header[0])
		fprintf(out, "; %s", path_relative(root, c->header));
	fputc('\n', out);
}

/*
 * Calls pairing up only by their sides and objects, when either has its
 * own partner by name or in the list ('bus_register' and
 * 'bus_unregister_notifier' on one bus), are two other pairs.
 */
static bool explained(const struct cands *cs, const struct cand *c,
		      const struct regpairs *rp)
{
	if (regpairs_is_register(rp, c->reg) ||
	    regpairs_is_unregister(rp, c->unreg))
		return true;
	for (size_t i = 0; i < cs->n; i++)
		if (cs->v[i].header && (!strcmp(cs->v[i].reg, c->reg) ||
					!strcmp(cs->v[i].unreg, c->unreg)))
			return true;
	return false;
}

/* The words two names share, the verbs left out ('logger' of
 * foo_attach_logger and foo_remove_logger, and 'foo'). */
static unsigned int shared_words(const char *a, const char *b)
{
	unsigned int n = 0;

	for (const char *p = a; *p;) {
		size_t len = strcspn(p, "_");
		char *w = xstrndup(p, len);

		if (len && !pairs_registers(w) && !pairs_unregisters(w)) {
			for (const char *q = b; *q;) {
				size_t l = strcspn(q, "_");

				if (l == len && !strncmp(p, q, len)) {
					n++;
					break;
				}
				q += l + (q[l] == '_');
			}
		}
		free(w);
		p += len + (p[len] == '_');
	}
	return n;
}

/*
 * Of calls pairing up only by their sides, with a register or an
 * unregister in several candidates, the one whose names share most.
 */
static bool outdone(const struct cands *cs, const struct cand *c)
{
	unsigned int mine = shared_words(c->reg, c->unreg);

	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *o = &cs->v[i];
		unsigned int theirs;

		if (o == c || o->header ||
		    (strcmp(o->reg, c->reg) && strcmp(o->unreg, c->unreg)))
			continue;
		theirs = shared_words(o->reg, o->unreg);
		if (theirs > mine ||
		    (theirs == mine && together(o) > together(c)))
			return true;
	}
	return false;
}

static void keep_wanted(struct cands *cs, const struct regpairs *rp)
{
	bool *drop = xcalloc(cs->n ? cs->n : 1, sizeof(*drop));
	size_t n = 0;

	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *c = &cs->v[i];

		drop[i] = regpairs_find(rp, c->reg, c->unreg) ||
			  (!c->header &&
			   (explained(cs, c, rp) || outdone(cs, c))) ||
			  !(together(c) > 0 || (c->header && c->called > 0));
	}
	for (size_t i = 0; i < cs->n; i++)
		if (!drop[i])
			cs->v[n++] = cs->v[i];
	cs->n = n;
	free(drop);
}

void pairs_rank(const struct fact_list *facts, const struct regpairs *rp,
		const char *root, size_t nunits, FILE *out)
{
	struct cands cs = { 0 };

	for (size_t i = 0; i < facts->n; i++)
		if (facts->v[i].kind == PF_PAIR)
			cand_add(&cs, facts->v[i].key, facts->v[i].text,
				 facts->v[i].extra, facts->v[i].value);
	each_unit(facts, &cs, false);
	cands_fold(&cs);
	each_unit(facts, &cs, true);
	name_counts(facts, &cs);
	keep_wanted(&cs, rp);
	qsort(cs.v, cs.n, sizeof(*cs.v), by_evidence);
	fprintf(out,
		"# Candidate register/unregister pairs mined by 'drvlint pairs --mine'\n"
		"# from %zu translation unit%s: %zu not in register-pairs.list, most\n"
		"# seen first.\n"
		"# Review each before appending it to rules/register-pairs.list: the\n"
		"# object arguments are those the calls agreed on (else a guess from\n"
		"# the types), the class is a guess, the devm_ form is found by name.\n",
		nunits, nunits == 1 ? "" : "s", cs.n);
	for (size_t i = 0; i < cs.n; i++)
		print_cand(out, &cs.v[i], root);
	free(cs.v);
}
