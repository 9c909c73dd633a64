// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: a register call without its unregister on
 * some way out.
 *
 * A driver that registers a driver, device, class, bus, char device or
 * misc device and does not unregister it leaks it; once the module is
 * unloaded the driver core calls into freed code.  Three ways out are
 * checked, each against rules/register-pairs.list:
 *  - module init and exit: what init registers (itself or through the
 *    file's functions it calls) exit must unregister;
 *  - probe and remove, found in the driver structure's initialiser;
 *  - error paths, in any function: after R(x) succeeded, a return of
 *    failure must be preceded by U(x) (unbalanced-registration-paths.c).
 * and the unwinding itself: its order, double and stray unregisters,
 * devm_ objects unregistered by hand (-unwind.c within a function,
 * -order.c for exit and remove).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../util.h"
#include "unbalanced-registration.h"

#define RULE_ID "unbalanced-registration"
#define MAX_DEPTH 2	/* helpers followed below init/exit, probe/remove */

struct funcs {
	struct ur_func *v;
	size_t n, cap;
};

/* Module init and exit, or a driver's probe and remove. */
struct side {
	const struct ur_func **v;
	size_t n, cap;
};

/* ---- rules ---- */

static void *ur_init(const struct check_config *cfg, char *err, size_t errlen)
{
	struct regpairs *rp = xcalloc(1, sizeof(*rp));

	if (regpairs_load(rp, cfg->rules_dir, err, errlen)) {
		free(rp);
		return NULL;
	}
	return rp;
}

static void ur_fini(void *state)
{
	if (!state)
		return;
	regpairs_free(state);
	free(state);
}

static bool is_ident_char(char c)
{
	return c == '_' || isalnum((unsigned char)c);
}

/*
 * A unit that names no register function cannot leak one.  Many are
 * macros in front of a '__' function (pci_register_driver() is
 * __pci_register_driver()), so "__" + name counts too.
 */
static bool names_register(const struct regpairs *rp, const char *s,
			   size_t len)
{
	char buf[128];

	if (strset_has_n(&rp->reg_names, s, len) ||
	    strset_has_n(&rp->unreg_names, s, len))
		return true;
	if (len + 3 > sizeof(buf))
		return false;
	buf[0] = buf[1] = '_';
	memcpy(buf + 2, s, len);
	return strset_has_n(&rp->reg_names, buf, len + 2);
}

static bool ur_may_report(const void *state, const char *src, size_t len)
{
	const struct regpairs *rp = state;
	size_t i = 0;

	while (i < len) {
		size_t start = i;

		if (!is_ident_char(src[i])) {
			i++;
			continue;
		}
		while (i < len && is_ident_char(src[i]))
			i++;
		if (names_register(rp, src + start, i - start))
			return true;
	}
	return false;
}

/* ---- functions of the file ---- */

static enum CXChildVisitResult collect_funcs(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	void **d = data;
	struct funcs *fs = d[0];
	const struct regpairs *rp = d[1];
	const struct ur_helpers *h = d[2];
	CXFile *main_file = d[3];

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) || !cx_in_file(c, *main_file))
		return CXChildVisit_Continue;
	GROW(fs->v, fs->cap, fs->n);
	ur_func_build(&fs->v[fs->n++], c, rp, h);
	return CXChildVisit_Continue;
}

static const struct ur_func *func_named(const struct funcs *fs,
					const char *name)
{
	for (size_t i = 0; name && i < fs->n; i++)
		if (!strcmp(fs->v[i].name, name))
			return &fs->v[i];
	return NULL;
}

static void side_add(struct side *s, const struct ur_func *fn)
{
	if (!fn)
		return;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == fn)
			return;
	GROW(s->v, s->cap, s->n);
	s->v[s->n++] = fn;
}

/* The functions roots call, MAX_DEPTH levels down, all in the side. */
static void side_close(struct side *s, const struct funcs *fs)
{
	size_t from = 0;

	for (int depth = 0; depth < MAX_DEPTH; depth++) {
		size_t to = s->n;

		for (size_t i = from; i < to; i++)
			for (size_t j = 0; j < s->v[i]->nev; j++)
				if (s->v[i]->ev[j].kind == EV_CALL)
					side_add(s, func_named(fs,
							s->v[i]->ev[j].name));
		from = to;
	}
}

/* ---- module init and exit ---- */

/* The function a DeclRefExpr under c names, if any. */
static enum CXChildVisitResult find_fn_ref(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	char **name = data;
	CXCursor d;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	d = clang_getCursorReferenced(c);
	if (clang_getCursorKind(d) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	*name = cx_spelling(d);
	return CXChildVisit_Break;
}

static char *fn_ref(CXCursor c)
{
	char *name = NULL;

	clang_visitChildren(c, find_fn_ref, &name);
	return name;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/*
 * What module_init() and module_exit() leave after expansion: as a
 * module, __inittest() and __exittest() returning the function; built
 * in, an __initcall_* variable (or, with PREL32 relocations,
 * __ADDRESSABLE(fn): '__UNIQUE_ID___addressable_<fn><n>') and an
 * __exitcall_<fn> variable.
 */
static enum CXChildVisitResult find_entry(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	void **d = data;
	struct side *init = d[0], *fini = d[1];
	const struct funcs *fs = d[2];
	CXFile *main_file = d[3];
	enum CXCursorKind k = clang_getCursorKind(c);
	char *name, *fn = NULL;

	(void)parent;
	if ((k != CXCursor_VarDecl && k != CXCursor_FunctionDecl) ||
	    !cx_in_file(c, *main_file))
		return CXChildVisit_Continue;
	name = cx_spelling(c);
	if (k == CXCursor_FunctionDecl ? !strcmp(name, "__inittest") :
	    starts(name, "__initcall_") ||
	    starts(name, "__UNIQUE_ID___addressable_")) {
		fn = fn_ref(c);
		if (fn && (k == CXCursor_FunctionDecl ||
			   strstr(name, fn) || starts(name, "__initcall_")))
			side_add(init, func_named(fs, fn));
	} else if (k == CXCursor_FunctionDecl ? !strcmp(name, "__exittest") :
		   starts(name, "__exitcall_")) {
		fn = fn_ref(c);
		side_add(fini, func_named(fs, fn));
	}
	free(fn);
	free(name);
	return CXChildVisit_Continue;
}

/* ---- does the other side unregister? ---- */

struct balance {
	const struct regpairs *rp;
	struct check_unit *unit;
	const struct side *a, *b;
	const char *a_role, *b_role;	/* "module init", "probe" */
	const struct ur_func *b_root;
};

static bool undoes(const struct balance *bl, const struct ur_event *r,
		   const struct ur_event *u)
{
	const struct regpair *p;

	if (u->kind != EV_UNREG || u->indirect)
		return false;
	p = regpairs_find(bl->rp, r->name, u->name);
	return p && (u->deferred ||
		     ur_same_object(ur_event_object(r, p),
				    ur_event_object(u, p), true));
}

/* Unregistered on the other side, or handed to a callback on this one. */
static bool undone(const struct balance *bl, const struct ur_event *r)
{
	for (size_t i = 0; i < bl->b->n; i++)
		for (size_t j = 0; j < bl->b->v[i]->nev; j++)
			if (undoes(bl, r, &bl->b->v[i]->ev[j]))
				return true;
	for (size_t i = 0; i < bl->a->n; i++)
		for (size_t j = 0; j < bl->a->v[i]->nev; j++)
			if (bl->a->v[i]->ev[j].deferred &&
			    undoes(bl, r, &bl->a->v[i]->ev[j]))
				return true;
	return false;
}

static void report_unbalanced(const struct balance *bl,
			      const struct ur_func *fn,
			      const struct ur_event *r,
			      const struct regpair *p)
{
	char *shown = ur_label(r, p);
	struct check_unit *u = bl->unit;
	struct finding *f;
	char *msg, *rel;

	msg = xasprintf("'%s' registered by %s() in %s() (%s) is never unregistered in %s(), the %s: call %s() there",
			shown, r->name, fn->name, bl->a_role,
			bl->b_root->name, bl->b_role, p->unreg);
	f = finding_add(u->findings, RULE_ID, SEV_WARNING, u->path,
			r->pos.line, r->pos.column, shown, msg);
	rel = xasprintf("%s %s() does not call %s()", bl->b_role,
			bl->b_root->name, p->unreg);
	finding_add_related(f, u->path, bl->b_root->pos.line,
			    bl->b_root->pos.column, rel);
	free(rel);
	free(msg);
	free(shown);
}

static void check_balance(const struct balance *bl)
{
	for (size_t i = 0; i < bl->a->n; i++) {
		const struct ur_func *fn = bl->a->v[i];

		for (size_t j = 0; j < fn->nev; j++) {
			const struct ur_event *r = &fn->ev[j];
			const struct regpair *p;

			if (r->kind != EV_REG || r->hoisted)
				continue;
			p = ur_reg_pair(bl->rp, r->name);
			/*
			 * A register whose result (the object) is dropped
			 * cannot be undone by the driver at all: its parent
			 * owns it (i2c_new_client_device() on the driver's
			 * own adapter, removed by i2c_del_adapter()).
			 */
			if (p && p->reg_arg == 0 && !r->result.key)
				continue;
			if (p && p->class == REG_CORE && !undone(bl, r))
				report_unbalanced(bl, fn, r, p);
		}
	}
}

static void balance_sides(const struct regpairs *rp, struct check_unit *unit,
			  const struct funcs *fs, struct side *a,
			  struct side *b, const char *a_role,
			  const char *b_role)
{
	struct balance bl = { rp, unit, a, b, a_role, b_role, NULL };

	/*
	 * A module has one init and one exit (a driver one probe and one
	 * remove); a file with several is no module to pair up.
	 */
	if (a->n != 1 || b->n != 1)
		return;
	bl.b_root = b->v[0];
	ur_check_sides(rp, unit, a->v[0], b->v[0], fs->v, fs->n,
		       !strcmp(a_role, "probe"));
	side_close(a, fs);
	side_close(b, fs);
	check_balance(&bl);
}

/* ---- drivers: probe and remove ---- */

struct driver {
	char *probe, *remove;
};

static bool is_remove_field(const char *f)
{
	return !strcmp(f, "remove") || !strcmp(f, "remove_new") ||
	       !strcmp(f, "disconnect");
}

/* '.probe = foo_probe' in an initialiser: a MemberRef, then the value. */
static enum CXChildVisitResult find_callbacks(CXCursor c, CXCursor parent,
					      CXClientData data)
{
	struct driver *drv = data;
	unsigned int n;
	CXCursor *ch;
	char *field, *fn;

	(void)parent;
	ch = cx_children(c, &n);
	if (n == 2 && clang_getCursorKind(ch[0]) == CXCursor_MemberRef) {
		field = cx_spelling(ch[0]);
		fn = clang_getCursorKind(ur_strip(ch[1])) == CXCursor_DeclRefExpr &&
		     clang_getCursorKind(clang_getCursorReferenced(
			     ur_strip(ch[1]))) == CXCursor_FunctionDecl ?
			     cx_spelling(ur_strip(ch[1])) : NULL;
		if (fn && !strcmp(field, "probe") && !drv->probe)
			drv->probe = xstrdup(fn);
		else if (fn && is_remove_field(field) && !drv->remove)
			drv->remove = xstrdup(fn);
		free(fn);
		free(field);
	}
	free(ch);
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult find_drivers(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	void **d = data;
	struct check_unit *unit = d[0];
	const struct regpairs *rp = d[1];
	const struct funcs *fs = d[2];
	struct driver drv = { 0 };
	struct side probe = { 0 }, remove = { 0 };

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_VarDecl ||
	    !cx_in_file(c, unit->main_file))
		return CXChildVisit_Continue;
	clang_visitChildren(c, find_callbacks, &drv);
	if (drv.probe && drv.remove) {
		side_add(&probe, func_named(fs, drv.probe));
		side_add(&remove, func_named(fs, drv.remove));
		balance_sides(rp, unit, fs, &probe, &remove, "probe",
			      "remove callback");
	}
	free(probe.v);
	free(remove.v);
	free(drv.probe);
	free(drv.remove);
	return CXChildVisit_Continue;
}

/* ---- the check ---- */

static void ur_run(const void *state, struct check_unit *unit)
{
	const struct regpairs *rp = state;
	CXCursor tu = clang_getTranslationUnitCursor(unit->tu);
	struct ur_helpers helpers = { 0 };
	struct funcs fs = { 0 };
	struct side init = { 0 }, fini = { 0 };
	void *fdata[4] = { &fs, (void *)rp, &helpers, &unit->main_file };
	void *edata[4] = { &init, &fini, &fs, &unit->main_file };
	void *ddata[3] = { unit, (void *)rp, &fs };

	ur_helpers_collect(&helpers, rp, unit->tu, unit->main_file);
	clang_visitChildren(tu, collect_funcs, fdata);
	for (size_t i = 0; i < fs.n; i++)
		ur_check_error_paths(&fs.v[i], rp, unit);
	clang_visitChildren(tu, find_entry, edata);
	balance_sides(rp, unit, &fs, &init, &fini, "module init",
		      "module exit");
	clang_visitChildren(tu, find_drivers, ddata);
	free(init.v);
	free(fini.v);
	for (size_t i = 0; i < fs.n; i++)
		ur_func_free(&fs.v[i]);
	free(fs.v);
	ur_helpers_free(&helpers);
}

const struct check check_unbalanced_registration = {
	.id = RULE_ID,
	.summary = "register call without its unregister on some way out (exit, remove, error path)",
	.init = ur_init,
	.fini = ur_fini,
	.may_report = ur_may_report,
	.run = ur_run,
};
