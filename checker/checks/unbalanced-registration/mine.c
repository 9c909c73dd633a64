// SPDX-License-Identifier: GPL-2.0-only
/*
 * 'drvlint pairs --mine', per unit: the header functions whose names pair
 * up, and the calls a module's init and exit (a driver's probe and
 * remove) make, with the objects they name.  The parse pool carries them
 * as facts; rank.c counts them over all units.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/unbalanced-registration/internal.h"
#include "checks/unbalanced-registration/pairs.h"
#include "lib/cx.h"
#include "lib/strset.h"
#include "lib/util.h"

#define MAX_DEPTH 2 /* functions of the file followed below a root */

/* ---- the unit's functions and calls ---- */

struct call {
	char *callee;
	bool local; /* defined in the file */
	bool inline_fn; /* a static (inline) function of a header */
	char *objects; /* "RESULT|ARG1|ARG2...", keys or empty */
};

struct func {
	char *name;
	struct call *calls;
	size_t ncalls, cap;
};

struct unit_scan {
	struct check_unit *unit;
	struct strset local; /* functions defined in the file */
	struct func *f;
	size_t nf, fcap;
	struct func *cur;
};

static char *object_key(CXCursor e)
{
	struct ur_obj o = ur_obj_of(e);
	char *k = o.key ? xstrdup(o.key) : xstrdup("");

	ur_obj_free(&o);
	return k;
}

static char *objects_of(CXCursor call, const char *result)
{
	int n = clang_Cursor_getNumArguments(call);
	char *s = xstrdup(result ? result : "");

	for (int i = 0; i < n && i < 8; i++) {
		char *k = object_key(clang_Cursor_getArgument(call, i));
		char *j = xasprintf("%s|%s", s, k);

		free(k);
		free(s);
		s = j;
	}
	return s;
}

static void add_call(struct unit_scan *us, CXCursor call, const char *result)
{
	CXCursor d = clang_getCursorReferenced(call);
	struct func *f = us->cur;
	struct call *c;

	if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
		return;
	GROW(f->calls, f->cap, f->ncalls);
	c = &f->calls[f->ncalls++];
	c->callee = cx_spelling(d);
	c->local = strset_has(&us->local, c->callee);
	c->inline_fn = clang_Cursor_getStorageClass(d) == CX_SC_Static;
	c->objects = c->local ? NULL : objects_of(call, result);
}

static enum CXChildVisitResult body_visit(CXCursor c, CXCursor parent,
					  CXClientData data);

/* 'x = R(...)', 'T x = R(...)': the call with where its result goes. */
static bool assigned_call(struct unit_scan *us, CXCursor lhs, CXCursor rhs)
{
	CXCursor call = cx_strip(rhs);
	char *k;

	if (clang_getCursorKind(call) != CXCursor_CallExpr)
		return false;
	k = clang_Cursor_isNull(lhs) ? NULL : object_key(lhs);
	add_call(us, call, k);
	free(k);
	clang_visitChildren(call, body_visit, us);
	return true;
}

static enum CXChildVisitResult body_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct unit_scan *us = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	unsigned int n;
	CXCursor *ch;
	bool done = false;

	(void)parent;
	if (k == CXCursor_CallExpr) {
		add_call(us, c, NULL);
	} else if (k == CXCursor_BinaryOperator &&
		   cx_operator(c) == CX_OP_ASSIGN) {
		ch = cx_children(c, &n);
		done = n == 2 && assigned_call(us, ch[0], ch[1]);
		free(ch);
	} else if (k == CXCursor_VarDecl) {
		ch = cx_children(c, &n);
		done = n && assigned_call(us, c, ch[n - 1]);
		free(ch);
	}
	return done ? CXChildVisit_Continue : CXChildVisit_Recurse;
}

static bool defined_here(CXCursor c, CXFile main_file)
{
	return clang_getCursorKind(c) == CXCursor_FunctionDecl &&
	       clang_isCursorDefinition(c) && cx_in_file(c, main_file);
}

static enum CXChildVisitResult local_names(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct unit_scan *us = data;
	char *name;

	(void)parent;
	if (defined_here(c, us->unit->main_file)) {
		name = cx_spelling(c);
		strset_add(&us->local, name);
		free(name);
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult local_funcs(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct unit_scan *us = data;

	(void)parent;
	if (!defined_here(c, us->unit->main_file))
		return CXChildVisit_Continue;
	GROW(us->f, us->fcap, us->nf);
	us->cur = &us->f[us->nf++];
	memset(us->cur, 0, sizeof(*us->cur));
	us->cur->name = cx_spelling(c);
	clang_visitChildren(c, body_visit, us);
	return CXChildVisit_Continue;
}

static const struct func *func_named(const struct unit_scan *us,
				     const char *name)
{
	for (size_t i = 0; i < us->nf; i++)
		if (!strcmp(us->f[i].name, name))
			return &us->f[i];
	return NULL;
}

/* ---- facts ---- */

static void side_facts(struct unit_scan *us, const char *root, const char *tag)
{
	const struct func *seen[64];
	size_t nseen = 0, from = 0;
	const struct func *f = func_named(us, root);

	if (!f)
		return;
	seen[nseen++] = f;
	for (int depth = 0; depth <= MAX_DEPTH; depth++) {
		size_t to = nseen;

		for (size_t i = from; i < to; i++)
			for (size_t j = 0; j < seen[i]->ncalls; j++) {
				const struct call *c = &seen[i]->calls[j];
				const struct func *g;
				bool dup = false;

				if (!c->local) {
					fact_add(us->unit->facts, PF_SIDE,
						 c->callee, us->unit->path, 0,
						 0, tag, c->objects,
						 c->inline_fn ? PF_INLINE : 0);
					continue;
				}
				g = func_named(us, c->callee);
				for (size_t k = 0; k < nseen; k++)
					dup |= seen[k] == g;
				if (g && !dup && depth < MAX_DEPTH &&
				    nseen < 64)
					seen[nseen++] = g;
			}
		from = to;
	}
}

static void called_facts(struct unit_scan *us)
{
	struct strset done = { 0 };

	for (size_t i = 0; i < us->nf; i++)
		for (size_t j = 0; j < us->f[i].ncalls; j++) {
			const struct call *c = &us->f[i].calls[j];
			const char *name = c->callee;

			if (c->local || strset_has(&done, name) ||
			    !pairs_registers(name))
				continue;
			strset_add(&done, name);
			fact_add(us->unit->facts, PF_CALLED, name,
				 us->unit->path, 0, 0, NULL, NULL, 0);
		}
	strset_free(&done);
}

static void role_facts(struct unit_scan *us)
{
	struct ur_roles r;
	char tag[32];

	ur_roles_find(us->unit->tu, us->unit->main_file, &r);
	for (size_t i = 0; i < r.init.n; i++)
		side_facts(us, r.init.v[i], "I");
	for (size_t i = 0; i < r.exit.n; i++)
		side_facts(us, r.exit.v[i], "E");
	for (size_t i = 0; i < r.ndrv; i++) {
		if (!r.drv[i].remove)
			continue;
		snprintf(tag, sizeof(tag), "P%zu", i);
		side_facts(us, r.drv[i].probe, tag);
		snprintf(tag, sizeof(tag), "R%zu", i);
		side_facts(us, r.drv[i].remove, tag);
	}
	ur_roles_free(&r);
}

/* ---- header functions whose names pair up ---- */

struct decls {
	struct check_unit *unit;
	struct strset names;
	struct strset statics; /* static inline helpers, not the API */
	CXCursor *v;
	size_t n, cap;
};

static enum CXChildVisitResult header_funcs(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct decls *d = data;
	char *name;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    cx_in_file(c, d->unit->main_file))
		return CXChildVisit_Continue;
	name = cx_spelling(c);
	if (clang_Cursor_getStorageClass(c) == CX_SC_Static)
		strset_add(&d->statics, name);
	if (!strset_has(&d->names, name)) {
		strset_add(&d->names, name);
		GROW(d->v, d->cap, d->n);
		d->v[d->n++] = c;
	}
	free(name);
	return CXChildVisit_Continue;
}

static char *header_of(CXCursor c)
{
	CXFile f;
	char *name;

	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL,
				   NULL);
	name = f ? cx_take(clang_getFileName(f)) : xstrdup("");
	/* -I./include names the kernel's headers "./include/...". */
	while (!strncmp(name, "./", 2))
		memmove(name, name + 2, strlen(name + 2) + 1);
	return name;
}

static void pair_facts(struct decls *d, CXCursor c, const char *reg)
{
	CXType rt = clang_getResultType(clang_getCursorType(c));
	long flags = clang_getCanonicalType(rt).kind == CXType_Pointer ?
			     PF_RETURNS_POINTER :
			     0;
	const char *bare = reg + strspn(reg, "_");
	char *hdr = NULL;

	for (size_t i = 0; i < pairs_nrenames(); i++)
		for (int pass = 0; pass < 2; pass++) {
			char *u = pairs_renamed(pass ? bare : reg, i);

			if (u && strset_has(&d->names, u) &&
			    !strset_has(&d->statics, u) && strcmp(u, reg)) {
				if (!hdr)
					hdr = header_of(c);
				fact_add(d->unit->facts, PF_PAIR, reg,
					 d->unit->path, 0, 0, u, hdr, flags);
			}
			free(u);
			if (bare == reg)
				break;
		}
	free(hdr);
}

static void devm_facts(struct decls *d, const char *reg)
{
	const char *bare = reg + strspn(reg, "_");
	char *forms[2] = { xasprintf("devm_%s", bare),
			   xasprintf("__devm_%s", bare) };

	for (int i = 0; i < 2; i++) {
		if (strset_has(&d->names, forms[i]))
			fact_add(d->unit->facts, PF_DEVM, reg, d->unit->path, 0,
				 0, forms[i], NULL, 0);
		free(forms[i]);
	}
}

static void name_facts(struct check_unit *unit)
{
	struct decls d = { .unit = unit };

	clang_visitChildren(clang_getTranslationUnitCursor(unit->tu),
			    header_funcs, &d);
	for (size_t i = 0; i < d.n; i++) {
		char *name = cx_spelling(d.v[i]);

		if (pairs_registers(name) && strncmp(name, "devm_", 5) &&
		    strncmp(name, "__devm_", 7) &&
		    !strset_has(&d.statics, name)) {
			pair_facts(&d, d.v[i], name);
			devm_facts(&d, name);
		}
		free(name);
	}
	strset_free(&d.names);
	strset_free(&d.statics);
	free(d.v);
}

/* ---- the pass over a unit, and the whole run ---- */

static void scan_free(struct unit_scan *us)
{
	for (size_t i = 0; i < us->nf; i++) {
		for (size_t j = 0; j < us->f[i].ncalls; j++) {
			free(us->f[i].calls[j].callee);
			free(us->f[i].calls[j].objects);
		}
		free(us->f[i].calls);
		free(us->f[i].name);
	}
	free(us->f);
	strset_free(&us->local);
}

static void mine_unit(const void *state, struct check_unit *unit)
{
	struct unit_scan us = { .unit = unit };
	CXCursor tu = clang_getTranslationUnitCursor(unit->tu);

	(void)state;
	name_facts(unit);
	clang_visitChildren(tu, local_names, &us);
	clang_visitChildren(tu, local_funcs, &us);
	called_facts(&us);
	role_facts(&us);
	scan_free(&us);
}

/* The list's pairs, left out of the candidates. */
static void *miner_init(const struct check_config *cfg, char *err,
			size_t errlen)
{
	struct regpairs *rp = xcalloc(1, sizeof(*rp));

	if (regpairs_load(rp, cfg->rules_dir, err, errlen)) {
		free(rp);
		return NULL;
	}
	return rp;
}

static void miner_fini(void *state)
{
	if (!state)
		return;
	regpairs_free(state);
	free(state);
}

static const struct check miner = {
	.id = "pairs",
	.summary = "candidate register/unregister pairs",
	.init = miner_init,
	.fini = miner_fini,
	.run = mine_unit,
};

static int miner_print(const void *state, const struct fact_list *facts,
		       size_t nunits, const char *root, FILE *out, char *err,
		       size_t errlen)
{
	(void)err;
	(void)errlen;
	pairs_rank(facts, state, root, nunits, out);
	return 0;
}

const struct check_command pairs_command = {
	.name = "pairs",
	.usage =
		"pairs --mine [OPTION]... [-p BUILD_DIR | FILE|DIR... -- FLAGS]",
	.option = "--mine",
	.help = "candidate register/unregister pairs mined from the\n"
		"code, in rules/register-pairs.list's format, most\n"
		"seen first",
	.pass = &miner,
	.print = miner_print,
};
