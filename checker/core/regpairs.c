// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reader for rules/register-pairs.list.  The file is the one place that
 * knows the kernel's register/unregister calls; checks ask it by name.
 */
#include <stdlib.h>
#include <string.h>

#include "core/regpairs.h"
#include "lib/hash.h"
#include "lib/strset.h"
#include "lib/util.h"

#define PAIRS_FILE "register-pairs.list"

static bool parse_argno(const char *s, unsigned int *argno)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (!*s || *end || v > 64)
		return false;
	*argno = (unsigned int)v;
	return true;
}

static bool parse_class(const char *s, enum reg_class *class)
{
	if (!strcmp(s, "core"))
		*class = REG_CORE;
	else if (!strcmp(s, "subsys"))
		*class = REG_SUBSYS;
	else
		return false;
	return true;
}

static uint64_t pair_hash(const char *reg, const char *unreg)
{
	return hash_string(hash_string(0, reg), unreg);
}

/* The slot of (reg, unreg): its pair's, or the empty one it would take. */
static size_t *slot_of(const struct regpairs *rp, const char *reg,
		       const char *unreg)
{
	size_t mask = rp->nslot - 1, i = pair_hash(reg, unreg) & mask;

	while (rp->slot[i] && (strcmp(rp->v[rp->slot[i] - 1].reg, reg) ||
			       strcmp(rp->v[rp->slot[i] - 1].unreg, unreg)))
		i = (i + 1) & mask;
	return &rp->slot[i];
}

/* Index pair i unless an earlier pair has its names. */
static void index_pair(struct regpairs *rp, size_t i)
{
	size_t *s;

	if (rp->n * 2 > rp->nslot) {
		free(rp->slot);
		rp->nslot = rp->nslot ? rp->nslot * 2 : 256;
		rp->slot = xcalloc(rp->nslot, sizeof(*rp->slot));
		for (size_t j = 0; j < i; j++) {
			s = slot_of(rp, rp->v[j].reg, rp->v[j].unreg);
			if (!*s)
				*s = j + 1;
		}
	}
	s = slot_of(rp, rp->v[i].reg, rp->v[i].unreg);
	if (!*s)
		*s = i + 1;
}

static int add_pair(struct regpairs *rp, const struct rules_line *l)
{
	struct regpair p = { .lineno = l->lineno };

	/*
	 * 'managed-alloc NAME', 'release-member NAME', 'private-area NAME':
	 * a name in a set.
	 */
	if (l->nfield == 2) {
		struct strset *set = !strcmp(l->field[0], "managed-alloc") ?
					     &rp->managed_allocs :
				     !strcmp(l->field[0], "release-member") ?
					     &rp->release_members :
				     !strcmp(l->field[0], "private-area") ?
					     &rp->private_areas :
					     NULL;

		if (!set)
			return -1;
		strset_add(set, l->field[1]);
		return 0;
	}
	if ((l->nfield != 6 && l->nfield != 7) ||
	    !parse_argno(l->field[2], &p.reg_arg) ||
	    !parse_argno(l->field[3], &p.unreg_arg) || !p.unreg_arg ||
	    !parse_class(l->field[4], &p.class))
		return -1;
	if (l->nfield == 7 && !strncmp(l->field[6], "del:", 4)) {
		if (!parse_argno(l->field[6] + 4, &p.holder_arg) ||
		    !p.holder_arg)
			return -1;
	} else if (l->nfield == 7 && !strncmp(l->field[6], "own:", 4)) {
		if (!parse_argno(l->field[6] + 4, &p.parent_arg) ||
		    !p.parent_arg)
			return -1;
		p.parent_own = true;
	} else if (l->nfield == 7 &&
		   (!parse_argno(l->field[6], &p.parent_arg) ||
		    !p.parent_arg)) {
		return -1;
	}
	p.reg = xstrdup(l->field[0]);
	p.unreg = xstrdup(l->field[1]);
	p.managed = strcmp(l->field[5], "-") ? xstrdup(l->field[5]) : NULL;
	GROW(rp->v, rp->cap, rp->n);
	rp->v[rp->n++] = p;
	index_pair(rp, rp->n - 1);
	strset_add(&rp->reg_names, p.reg);
	strset_add(&rp->unreg_names, p.unreg);
	return 0;
}

static int add_lines(struct regpairs *rp, const struct rules_file *rf,
		     char *err, size_t errlen)
{
	for (size_t i = 0; i < rf->nline; i++) {
		if (add_pair(rp, &rf->line[i]))
			return set_error(
				err, errlen,
				"%s:%u: expected 'REGISTER UNREGISTER OBJ_ARG_R OBJ_ARG_U core|subsys MANAGED|- [PARENT_ARG|own:PARENT_ARG|del:HOLDER_ARG]' (OBJ_ARG_U, PARENT_ARG and HOLDER_ARG at least 1) or 'managed-alloc NAME' or 'release-member NAME' or 'private-area NAME'",
				rf->path, rf->line[i].lineno);
	}
	return 0;
}

int regpairs_parse(struct regpairs *rp, const char *text, const char *path,
		   char *err, size_t errlen)
{
	struct rules_file rf = { .path = xstrdup(path) };
	int ret;

	memset(rp, 0, sizeof(*rp));
	rules_parse(&rf, text);
	ret = add_lines(rp, &rf, err, errlen);
	rules_free(&rf);
	if (ret)
		regpairs_free(rp);
	return ret;
}

int regpairs_load(struct regpairs *rp, const char *dir, char *err,
		  size_t errlen)
{
	struct rules_file rf;
	int ret;

	memset(rp, 0, sizeof(*rp));
	if (rules_load(&rf, dir, PAIRS_FILE, err, errlen))
		return -1;
	ret = add_lines(rp, &rf, err, errlen);
	rules_free(&rf);
	if (ret)
		regpairs_free(rp);
	return ret;
}

void regpairs_free(struct regpairs *rp)
{
	for (size_t i = 0; i < rp->n; i++) {
		free(rp->v[i].reg);
		free(rp->v[i].unreg);
		free(rp->v[i].managed);
	}
	free(rp->v);
	free(rp->slot);
	strset_free(&rp->reg_names);
	strset_free(&rp->unreg_names);
	strset_free(&rp->managed_allocs);
	strset_free(&rp->release_members);
	strset_free(&rp->private_areas);
	memset(rp, 0, sizeof(*rp));
}

bool regpairs_is_register(const struct regpairs *rp, const char *name)
{
	return strset_has(&rp->reg_names, name);
}

bool regpairs_is_unregister(const struct regpairs *rp, const char *name)
{
	return strset_has(&rp->unreg_names, name);
}

bool regpairs_is_managed_alloc(const struct regpairs *rp, const char *name)
{
	return strset_has(&rp->managed_allocs, name);
}

bool regpairs_is_release_member(const struct regpairs *rp, const char *name)
{
	return strset_has(&rp->release_members, name);
}

bool regpairs_is_private_area(const struct regpairs *rp, const char *name)
{
	return strset_has(&rp->private_areas, name);
}

const struct regpair *regpairs_find(const struct regpairs *rp, const char *reg,
				    const char *unreg)
{
	const size_t *s;

	if (!rp->nslot)
		return NULL;
	s = slot_of(rp, reg, unreg);
	return *s ? &rp->v[*s - 1] : NULL;
}

void regpairs_prefilter_keys(const struct regpairs *rp, struct strset *keys)
{
	strset_add_all(keys, &rp->reg_names);
	strset_add_all(keys, &rp->unreg_names);
	for (size_t i = 0; i < rp->reg_names.nslot; i++) {
		const char *name = rp->reg_names.slot[i];

		if (name && name[0] == '_' && name[1] == '_' && name[2])
			strset_add(keys, name + 2);
	}
}
