// SPDX-License-Identifier: GPL-2.0-only
/*
 * const-driver-struct: a driver-model object (bus_type, class, kobj_type,
 * attribute_group, an ops table, ...) that nothing writes belongs in
 * .rodata, where neither a bug nor an attacker can overwrite its function
 * pointers.  checkpatch matches struct names on a patch line; this check
 * proves it: every use of the object is followed until it is only read,
 * or until something writes it or hands its address on as a pointer to
 * non-const (an assignment, memset(), a parameter of type 'struct class *',
 * a non-const pointer field or variable, a cast, a return).
 *
 * Uses of global objects in other units matter, so each unit records
 * facts (definitions, writes, escapes) and finish() decides once every
 * unit is in.  The blockers double as the driver core's plan: which API
 * parameter, made const, would unlock how many objects (--const-roadmap).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/cx.h"
#include "core/rules.h"
#include "lib/util.h"

#include "checks/const-driver-struct/internal.h"
#include "lib/strset.h"

/* ---- rules ---- */

static void const_fini(void *state)
{
	struct const_rules *r = state;

	if (!r)
		return;
	strset_free(&r->types);
	free(r);
}

static void *const_init(const struct check_config *cfg, char *err,
			size_t errlen)
{
	struct const_rules *r = xcalloc(1, sizeof(*r));
	struct rules_file rf;

	if (rules_load(&rf, cfg->rules_dir, "const-structs.list", err,
		       errlen)) {
		const_fini(r);
		return NULL;
	}
	for (size_t i = 0; i < rf.nline; i++)
		strset_add(&r->types, rf.line[i].field[0]);
	rules_free(&rf);
	r->blocked = check_switch(cfg, RULE, "blocked");
	r->roadmap = check_switch(cfg, RULE, "roadmap");
	r->all_types = check_switch(cfg, RULE, "all-types");
	r->inventory = check_switch(cfg, RULE, "inventory");
	return r;
}

/*
 * An object of a listed type is defined, written or handed on where
 * 'struct TAG' is written, or a macro or extern declaration holding it is
 * named (the prefilter follows those).  With every type, every unit.
 */
static bool const_prefilter_keys(const void *state, struct strset *keys)
{
	const struct const_rules *r = state;

	if (r->all_types)
		return false;
	for (size_t i = 0; i < r->types.nslot; i++)
		if (r->types.slot[i]) {
			char *pair = xasprintf("struct %s", r->types.slot[i]);

			strset_add(keys, pair);
			free(pair);
		}
	return true;
}

static bool enter(struct cx_walk *wk, CXCursor c)
{
	struct walk *w = container_of(wk, struct walk, wk);
	enum CXCursorKind kind = clang_getCursorKind(c);

	if (kind == CXCursor_VarDecl) {
		const_note_definition(w, c);
	} else if (kind == CXCursor_DeclRefExpr) {
		const_note_reference(w, c);
	} else if (kind == CXCursor_FunctionDecl) {
		w->function = c;
		w->in_init = const_is_init_function(w, c);
	}
	return true;
}

/* Out of a function: back in the one around it, if any. */
static void leave(struct cx_walk *wk, CXCursor c)
{
	struct walk *w = container_of(wk, struct walk, wk);

	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return;
	w->function = cx_walk_find(wk, wk->depth - 1, CXCursor_FunctionDecl);
	w->in_init = !clang_Cursor_isNull(w->function) &&
		     const_is_init_function(w, w->function);
}

static void const_run(const void *state, struct check_unit *unit)
{
	struct walk w = { .rules = state,
			  .unit = unit,
			  .wk = { .file = unit->main_file,
				  .enter = enter,
				  .leave = leave },
			  .function = clang_getNullCursor() };

	cx_walk_run(&w.wk, clang_getTranslationUnitCursor(unit->tu));
	const_find_exports(&w);
	for (size_t i = 0; i < unit->facts->n; i++) {
		if (unit->facts->v[i].kind == F_WRITE)
			unit->stats[STAT_WRITTEN]++;
		else if (unit->facts->v[i].kind == F_ESCAPE)
			unit->stats[STAT_ESCAPED]++;
	}
	for (size_t i = 0; i < w.nobj; i++)
		free(w.obj[i].key);
	free(w.obj);
	cx_map_free(&w.by_canon);
	free(w.hashes);
	cx_walk_free(&w.wk);
}

static const char *const const_stats[] = { "objects", "writes", "escapes",
					   NULL };

static const struct check_option const_options[] = {
	{ .option = "--const-blocked",
	  .name = "blocked",
	  .help = "also list objects that cannot be const yet, and why" },
	{ .option = "--const-roadmap",
	  .name = "roadmap",
	  .help = "instead of findings, the API parameters that block\n"
		  "constification, with the objects each blocks, most first",
	  .own_output = true },
	{ .option = "--all-types",
	  .name = "all-types",
	  .help = "also consider struct types not in the list" },
	{ .option = "--const-inventory",
	  .name = "inventory",
	  .help = "instead of findings, per listed type: objects\n"
		  "defined, already const, can be const now, blocked",
	  .own_output = true },
	{ 0 },
};

const struct check check_const_driver_struct = {
	.id = RULE,
	.summary =
		"driver-model object defined without const although nothing writes it",
	.init = const_init,
	.fini = const_fini,
	.prefilter_keys = const_prefilter_keys,
	.cocci_select = const_cocci_select,
	.stats = const_stats,
	.run = const_run,
	.finish = const_finish,
	.options = const_options,
};
