// SPDX-License-Identifier: GPL-2.0-only
/*
 * const-driver-struct, the tree-level half: with every unit's facts in,
 * an object is constant if no unit writes it or hands it on as writable.
 * A global object's writes may be in any unit, which is why this waits
 * for all of them.  The same facts give the road map: which API
 * parameter, made const, unlocks how many objects.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/const-driver-struct/internal.h"

/* The facts about one object, gathered from every unit. */
struct object_facts {
	const char *key;
	const struct fact *def;
	const struct fact *constant; /* F_CONST: the object is const */
	bool other_type, exported, init_only;
	bool elsewhere; /* defined in a unit not checked in this run */
	const struct fact **blocker; /* writes and escapes */
	size_t nblocker, bcap;
	const struct fact **fix;
	size_t nfix, fcap;
};

/* A fact in the order finish() was given it: the units checked first. */
struct fact_ref {
	const struct fact *f;
	size_t order;
	bool other; /* of a unit not checked in this run */
};

static int by_key(const void *a, const void *b)
{
	const struct fact_ref *x = a, *y = b;
	int c = strcmp(x->f->key, y->f->key);

	/* keep unit order within a key: qsort is not stable */
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static bool same_place(const struct fact *a, const struct fact *b)
{
	return a->loc.line == b->loc.line && a->loc.column == b->loc.column &&
	       !strcmp(a->loc.file, b->loc.file) &&
	       ((!a->text && !b->text) ||
		(a->text && b->text && !strcmp(a->text, b->text)));
}

static void add_unique(const struct fact ***v, size_t *n, size_t *cap,
		       const struct fact *f)
{
	for (size_t i = 0; i < *n; i++)
		if (same_place((*v)[i], f))
			return;
	GROW(*v, *cap, *n);
	(*v)[(*n)++] = f;
}

/*
 * A fact of a unit not checked in this run (scope->others) tells what
 * that unit does to an object; its definitions and fixes are that unit's
 * business, not this run's.
 */
static void gather(struct object_facts *o, const struct fact *f, bool other)
{
	if (other && (f->kind == F_DEFINED || f->kind == F_DEFINED_OTHER ||
		      f->kind == F_FIX || f->kind == F_CONST)) {
		o->elsewhere = true;
		return;
	}
	switch (f->kind) {
	case F_DEFINED:
	case F_DEFINED_OTHER:
		if (!o->def) {
			o->def = f;
			o->other_type = f->kind == F_DEFINED_OTHER;
		}
		break;
	case F_FIX:
		add_unique(&o->fix, &o->nfix, &o->fcap, f);
		break;
	case F_WRITE:
		o->init_only = o->init_only && f->value;
		add_unique(&o->blocker, &o->nblocker, &o->bcap, f);
		break;
	case F_ESCAPE:
		o->init_only = false;
		add_unique(&o->blocker, &o->nblocker, &o->bcap, f);
		break;
	case F_EXPORTED:
		o->exported = true;
		break;
	case F_CONST:
		if (!o->constant)
			o->constant = f;
		break;
	}
}

static const char *object_name(const char *key)
{
	const char *colon = strrchr(key, ':');

	return colon ? colon + 1 : key;
}

static void report_constant(const struct object_facts *o,
			    struct finding_list *out)
{
	const struct fact *d = o->def;
	char *msg = xasprintf("'%s' is never modified; declare it '%s'%s",
			      object_name(o->key), d->text,
			      o->other_type ? " (its type is not in the list)" :
					      "");
	struct finding *f = finding_add(out, RULE,
					o->other_type ? SEV_NOTE : SEV_WARNING,
					d->loc.file, d->loc.line, d->loc.column,
					object_name(o->key), msg);

	free(msg);
	for (size_t i = 0; i < o->nfix; i++) {
		struct edit e = {
			.file = o->fix[i]->loc.file,
			.offset = (unsigned int)o->fix[i]->value,
			.text = "const ",
			.line = o->fix[i]->loc.line,
			.column = o->fix[i]->loc.column,
			.end_line = o->fix[i]->loc.line,
			.end_column = o->fix[i]->loc.column,
			.source_hash =
				o->fix[i]->text ?
					strtoull(o->fix[i]->text, NULL, 16) :
					0,
		};

		finding_add_edit(f, &e);
	}
	if (o->nfix)
		f->fix_description = xstrdup("declare it const");
}

/*
 * Statics are keyed "file:name", objects with external linkage by name
 * alone (see object_key()).
 */
static bool external_linkage(const char *key)
{
	return !strchr(key, ':');
}

/*
 * No unit checked writes an object with external linkage, but only some
 * of the build's units were checked and no current record says what the
 * others do: another may write it.  Say what is unknown, with no fix (a
 * const that another file writes breaks the build).
 */
static void report_unknown(const struct object_facts *o,
			   struct finding_list *out)
{
	const struct fact *d = o->def;
	char *msg = xasprintf(
		"'%s' is not modified in this file, but it has external linkage and the other files of the build were not checked: whether one writes it is unknown; a run over the whole build (drvlint -p BUILD_DIR) decides it, and records the tree for later runs over single files",
		object_name(o->key));

	finding_add(out, RULE, SEV_NOTE, d->loc.file, d->loc.line,
		    d->loc.column, object_name(o->key), msg);
	free(msg);
}

/* "struct class" out of "static const struct class". */
static const char *type_of(const struct fact *def)
{
	const char *t = strstr(def->text, "const ");

	return t ? t + 6 : def->text;
}

static void report_blocked(const struct object_facts *o,
			   struct finding_list *out)
{
	const struct fact *d = o->def;
	char *msg;
	struct finding *f;

	if (o->nblocker && o->init_only)
		msg = xasprintf(
			"'%s' (%s) cannot be const: it is written, but only in __init code; '__ro_after_init' would make it read-only after boot",
			object_name(o->key), type_of(d));
	else if (o->nblocker)
		msg = xasprintf(
			"'%s' (%s) cannot be const yet: %zu use%s need%s it writable",
			object_name(o->key), type_of(d), o->nblocker,
			o->nblocker == 1 ? "" : "s",
			o->nblocker == 1 ? "s" : "");
	else
		msg = xasprintf(
			"'%s' (%s) is exported with EXPORT_SYMBOL(): users outside the checked units may write it",
			object_name(o->key), type_of(d));
	f = finding_add(out, RULE, SEV_NOTE, d->loc.file, d->loc.line,
			d->loc.column, object_name(o->key), msg);
	free(msg);
	for (size_t i = 0; i < o->nblocker; i++) {
		const struct fact *b = o->blocker[i];

		finding_add_related(f, b->loc.file, b->loc.line, b->loc.column,
				    b->text);
	}
}

/* ---- the road map ---- */

struct api_row {
	char *key; /* the API key of the escapes */
	size_t objects; /* blocked objects it blocks */
	size_t sole; /* ... of which it is the only blocker */
	const struct object_facts **obj;
	size_t nobj, cap;
};

struct roadmap {
	struct api_row *row;
	size_t n, cap;
};

static struct api_row *row_for(struct roadmap *rm, const char *key)
{
	struct api_row *r;

	for (size_t i = 0; i < rm->n; i++)
		if (!strcmp(rm->row[i].key, key))
			return &rm->row[i];
	GROW(rm->row, rm->cap, rm->n);
	r = &rm->row[rm->n++];
	memset(r, 0, sizeof(*r));
	r->key = xstrdup(key);
	return r;
}

/* Count each API parameter once per object it blocks. */
static void roadmap_add(struct roadmap *rm, const struct object_facts *o)
{
	const char *only = NULL;
	bool sole = true;

	for (size_t i = 0; i < o->nblocker; i++) {
		const char *k = o->blocker[i]->extra;

		if (!k || (only && strcmp(only, k)))
			sole = false;
		if (k && !only)
			only = k;
	}
	for (size_t i = 0; i < o->nblocker; i++) {
		const char *k = o->blocker[i]->extra;
		struct api_row *r;
		bool seen = false;

		if (!k)
			continue;
		for (size_t j = 0; j < i; j++)
			if (o->blocker[j]->extra &&
			    !strcmp(o->blocker[j]->extra, k))
				seen = true;
		if (seen)
			continue;
		r = row_for(rm, k);
		r->objects++;
		r->sole += sole;
		GROW(r->obj, r->cap, r->nobj);
		r->obj[r->nobj++] = o;
	}
}

static int by_unlocks(const void *a, const void *b)
{
	const struct api_row *x = a, *y = b;

	if (x->sole != y->sole)
		return x->sole < y->sole ? 1 : -1;
	if (x->objects != y->objects)
		return x->objects < y->objects ? 1 : -1;
	return strcmp(x->key, y->key);
}

/* "fn \t param \t type \t file \t line \t col" */
static void roadmap_finding(const struct api_row *r, struct finding_list *out)
{
	char *copy = xstrdup(r->key), *save;
	char *fn = strtok_r(copy, "\t", &save),
	     *param = strtok_r(NULL, "\t", &save);
	char *type = strtok_r(NULL, "\t", &save),
	     *file = strtok_r(NULL, "\t", &save);
	char *line = strtok_r(NULL, "\t", &save),
	     *col = strtok_r(NULL, "\t", &save);
	char *msg, *object;
	struct finding *f;

	if (!col) {
		free(copy);
		return;
	}
	msg = xasprintf(
		"%s(): parameter %s is '%s': it blocks %zu object%s, %zu of them only by it",
		fn, param, type, r->objects, r->objects == 1 ? "" : "s",
		r->sole);
	object = xasprintf("%s()", fn);
	f = finding_add(out, RULE, SEV_NOTE, file, (unsigned int)atoi(line),
			(unsigned int)atoi(col), object, msg);
	for (size_t i = 0; i < r->nobj; i++) {
		const struct fact *d = r->obj[i]->def;
		char *note =
			xasprintf("'%s' blocked", object_name(r->obj[i]->key));

		finding_add_related(f, d->loc.file, d->loc.line, d->loc.column,
				    note);
		free(note);
	}
	free(object);
	free(msg);
	free(copy);
}

static void roadmap_report(struct roadmap *rm, struct finding_list *out)
{
	qsort(rm->row, rm->n, sizeof(*rm->row), by_unlocks);
	for (size_t i = 0; i < rm->n; i++) {
		roadmap_finding(&rm->row[i], out);
		free(rm->row[i].key);
		free(rm->row[i].obj);
	}
	free(rm->row);
}

/* ---- the inventory ---- */

struct type_row {
	const char *type; /* "struct class" */
	const struct fact *at; /* the first object of the type */
	size_t constant, can, blocked;
};

struct inventory {
	struct type_row *row;
	size_t n, cap;
};

static struct type_row *type_row_for(struct inventory *inv, const char *type,
				     const struct fact *at)
{
	struct type_row *r;

	for (size_t i = 0; i < inv->n; i++)
		if (!strcmp(inv->row[i].type, type))
			return &inv->row[i];
	GROW(inv->row, inv->cap, inv->n);
	r = &inv->row[inv->n++];
	memset(r, 0, sizeof(*r));
	r->type = type;
	r->at = at;
	return r;
}

static void inventory_add(struct inventory *inv, const struct object_facts *o,
			  bool blocked)
{
	if (o->constant)
		type_row_for(inv, o->constant->text, o->constant)->constant++;
	else if (o->def && !o->other_type && blocked)
		type_row_for(inv, type_of(o->def), o->def)->blocked++;
	else if (o->def && !o->other_type)
		type_row_for(inv, type_of(o->def), o->def)->can++;
}

static int by_objects(const void *a, const void *b)
{
	const struct type_row *x = a, *y = b;
	size_t nx = x->constant + x->can + x->blocked;
	size_t ny = y->constant + y->can + y->blocked;

	if (nx != ny)
		return nx < ny ? 1 : -1;
	return strcmp(x->type, y->type);
}

static void inventory_report(struct inventory *inv, struct finding_list *out)
{
	qsort(inv->row, inv->n, sizeof(*inv->row), by_objects);
	for (size_t i = 0; i < inv->n; i++) {
		const struct type_row *r = &inv->row[i];
		size_t n = r->constant + r->can + r->blocked;
		char *msg = xasprintf(
			"%s: %zu object%s: %zu const, %zu can be const now, %zu blocked",
			r->type, n, n == 1 ? "" : "s", r->constant, r->can,
			r->blocked);

		finding_add(out, RULE, SEV_NOTE, r->at->loc.file,
			    r->at->loc.line, r->at->loc.column, r->type, msg);
		free(msg);
	}
	free(inv->row);
}

/* ---- the decision ---- */

static void decide(const struct const_rules *rules,
		   const struct tree_scope *scope, struct object_facts *o,
		   struct roadmap *rm, struct inventory *inv,
		   struct finding_list *out)
{
	bool blocked = o->nblocker || o->exported;

	if (!o->def && o->elsewhere)
		return; /* another unit's object, decided in its own run */
	if (rules->inventory) {
		inventory_add(inv, o, blocked);
		return;
	}
	if (!o->def)
		return; /* defined outside the checked units */
	if (rules->roadmap) {
		if (blocked)
			roadmap_add(rm, o);
		return;
	}
	if (!blocked && scope->partial && !scope->others &&
	    external_linkage(o->key))
		report_unknown(o, out);
	else if (!blocked)
		report_constant(o, out);
	else if (rules->blocked)
		report_blocked(o, out);
}

void const_finish(const void *state, const struct fact_list *facts,
		  const struct tree_scope *scope, struct finding_list *out)
{
	const struct const_rules *rules = state;
	size_t nothers = scope->others ? scope->others->n : 0;
	size_t n = facts->n + nothers;
	struct fact_ref *sorted = xcalloc(n ? n : 1, sizeof(*sorted));
	struct object_facts *objs = xcalloc(n ? n : 1, sizeof(*objs));
	struct roadmap rm = { 0 };
	struct inventory inv = { 0 };
	size_t nobj = 0;

	for (size_t i = 0; i < n; i++) {
		sorted[i].order = i;
		sorted[i].other = i >= facts->n;
		sorted[i].f = sorted[i].other ?
				      &scope->others->v[i - facts->n] :
				      &facts->v[i];
	}
	qsort(sorted, n, sizeof(*sorted), by_key);
	for (size_t i = 0; i < n; i++) {
		if (!nobj || strcmp(objs[nobj - 1].key, sorted[i].f->key)) {
			objs[nobj].key = sorted[i].f->key;
			objs[nobj++].init_only = true;
		}
		gather(&objs[nobj - 1], sorted[i].f, sorted[i].other);
	}
	for (size_t i = 0; i < nobj; i++) {
		decide(rules, scope, &objs[i], &rm, &inv, out);
		free(objs[i].blocker);
		free(objs[i].fix);
	}
	if (rules->inventory)
		inventory_report(&inv, out);
	else if (rules->roadmap)
		roadmap_report(&rm, out);
	free(objs);
	free(sorted);
}
