// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: which objects are reported at all.  A
 * subsystem object from a managed allocation ('devm_input_allocate_device()',
 * 'snd_devm_card_new()') is released by the driver core, registered or
 * not; so is one a copy or a parameter of the file's functions receives.
 * An object made under a parent that takes it along is the parent's.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

/* A local names something in its own function only: "fn/l:name". */
static char *managed_key(const char *fn, const char *key)
{
	return !strncmp(key, "l:", 2) ? xasprintf("%s/%s", fn, key) :
					xstrdup(key);
}

static bool is_managed(const struct strset *managed, const char *fn,
		       const char *key)
{
	char *k;
	bool yes;

	if (!key)
		return false;
	k = managed_key(fn, key);
	yes = strset_has(managed, k);
	free(k);
	return yes;
}

bool ur_pair_reportable(const struct regpair *p, const struct ur_obj *o,
			const struct strset *managed, const char *fn)
{
	if (!p)
		return false;
	if (p->class == REG_CORE)
		return true;
	return !is_managed(managed, fn, o->key) &&
	       !is_managed(managed, fn, o->typed);
}

bool ur_with_parent(const struct ur_event *r, const struct regpair *p)
{
	return p && p->parent_arg && p->parent_arg <= r->nargs &&
	       r->arg[p->parent_arg - 1].key &&
	       (!p->parent_own || r->arg[p->parent_arg - 1].embedded);
}

enum severity ur_pair_severity(const struct regpair *p)
{
	return p->class == REG_CORE ? SEV_WARNING : SEV_NOTE;
}

static void managed_add(struct strset *managed, const char *fn, const char *key)
{
	char *k = managed_key(fn, key);

	if (!strset_has(managed, k))
		strset_add(managed, k);
	free(k);
}

/*
 * 'foo_create(card, chip)' with a managed 'card': the parameter of the
 * file's function is managed too (snd_devm_card_new() in probe, the card
 * registered in a helper).
 */
static void managed_args(struct strset *managed, const struct ur_func *fn,
			 const struct ur_event *e, const struct ur_helpers *hs)
{
	const struct ur_helper *h = ur_helper_find(hs, e->name);
	int n = clang_Cursor_getNumArguments(e->call);

	for (int i = 0; h && i < n && (unsigned int)i < h->nparams; i++) {
		struct ur_obj o =
			ur_arg_obj(clang_Cursor_getArgument(e->call, i));
		char *param;

		if (is_managed(managed, fn->name, o.key)) {
			param = xasprintf("l:%s", h->params[i]);
			managed_add(managed, h->name, param);
			free(param);
		}
		ur_obj_free(&o);
	}
}

static void managed_of_func(struct strset *managed, const struct ur_func *fn,
			    const struct ur_helpers *hs)
{
	for (size_t j = 0; j < fn->nev; j++) {
		const struct ur_event *e = &fn->ev[j];

		if (e->kind == EV_CALL && !clang_Cursor_isNull(e->call))
			managed_args(managed, fn, e, hs);
		/* 'g15->input = input' of a managed 'input' too. */
		if (e->kind != EV_ASSIGN || !e->lhs.key ||
		    !(e->managed || is_managed(managed, fn->name, e->rhs.key)))
			continue;
		managed_add(managed, fn->name, e->lhs.key);
	}
}

/*
 * The events of a function are in the graph's order, not the source's:
 * copies of copies are found by going over them until nothing is added.
 */
void ur_managed_collect(struct strset *managed, const struct ur_func *fns,
			size_t nfns, const struct ur_helpers *hs)
{
	size_t before;

	do {
		before = managed->n;
		for (size_t i = 0; i < nfns; i++)
			managed_of_func(managed, &fns[i], hs);
	} while (managed->n != before);
}
