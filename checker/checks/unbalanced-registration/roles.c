// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: which functions of a file are its module init
 * and exit, and which are each driver's probe and remove, by name.  The
 * check pairs them up; 'drvlint pairs --mine' counts the calls they make.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

static void names_add(struct ur_names *l, char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], name)) {
			free(name);
			return;
		}
	GROW(l->v, l->cap, l->n);
	l->v[l->n++] = name;
}

static void names_free(struct ur_names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
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

struct find {
	struct ur_roles *roles;
	CXFile main_file;
	CXCursor prev; /* the file-scope declaration before */
};

/*
 * EXPORT_SYMBOL(fn) leaves an __ADDRESSABLE(fn) variable too, right
 * after 'extern typeof(fn) fn;' (include/linux/export.h), and a module's
 * module_init() and module_exit() one for the init_module() and
 * cleanup_module() aliases they declare: the variable follows a
 * declaration of the function it names, from the same macro.  A
 * built-in initcall's follows none.
 */
static bool declared_with(CXCursor prev, CXCursor var, const char *fn)
{
	struct cx_pos a, b;
	char *name;
	bool same;

	if (clang_getCursorKind(prev) != CXCursor_FunctionDecl ||
	    clang_isCursorDefinition(prev))
		return false;
	name = cx_spelling(prev);
	same = !strcmp(name, fn);
	free(name);
	a = cx_expansion(clang_getCursorLocation(prev));
	b = cx_expansion(clang_getCursorLocation(var));
	return same && a.line == b.line && a.column == b.column;
}

/*
 * What module_init() and module_exit() leave after expansion: as a
 * module, __inittest() and __exittest() returning the function; built
 * in, an __initcall_* variable (or, with PREL32 relocations,
 * __ADDRESSABLE(fn): '__UNIQUE_ID___addressable_<fn><n>') and an
 * __exitcall_<fn> variable.
 */
static void find_entry(struct find *fd, CXCursor c, enum CXCursorKind k)
{
	char *name = cx_spelling(c), *fn = NULL;

	if (k == CXCursor_FunctionDecl ?
		    !strcmp(name, "__inittest") :
		    starts(name, "__initcall_") ||
			    starts(name, "__UNIQUE_ID___addressable_")) {
		fn = fn_ref(c);
		if (fn &&
		    (k == CXCursor_FunctionDecl ||
		     starts(name, "__initcall_") ||
		     (strstr(name, fn) && !declared_with(fd->prev, c, fn)))) {
			fd->roles->builtin |= k != CXCursor_FunctionDecl;
			names_add(&fd->roles->init, fn);
			fn = NULL;
		}
	} else if (k == CXCursor_FunctionDecl ? !strcmp(name, "__exittest") :
						starts(name, "__exitcall_")) {
		fn = fn_ref(c);
		if (fn) {
			names_add(&fd->roles->exit, fn);
			fn = NULL;
		}
	}
	free(fn);
	free(name);
}

/* ---- drivers: probe and remove ---- */

static bool is_remove_field(const char *f)
{
	return !strcmp(f, "remove") || !strcmp(f, "remove_new") ||
	       !strcmp(f, "disconnect");
}

/*
 * The probe of a bus driver under another name: serio's and gameport's
 * .connect, ACPI's .add (in its .ops).
 */
static bool is_alt_probe_field(const char *f)
{
	return !strcmp(f, "connect") || !strcmp(f, "add");
}

/* '.probe = foo_probe' in an initialiser: a MemberRef, then the value. */
static enum CXChildVisitResult find_callbacks(CXCursor c, CXCursor parent,
					      CXClientData data)
{
	struct ur_driver *drv = data;
	unsigned int n;
	CXCursor *ch, v;
	char *field, *fn;

	(void)parent;
	ch = cx_children(c, &n);
	if (n == 2 && clang_getCursorKind(ch[0]) == CXCursor_MemberRef) {
		v = cx_strip(ch[1]);
		field = cx_spelling(ch[0]);
		fn = clang_getCursorKind(v) == CXCursor_DeclRefExpr &&
				     clang_getCursorKind(
					     clang_getCursorReferenced(v)) ==
					     CXCursor_FunctionDecl ?
			     cx_spelling(v) :
			     NULL;
		if (fn && !strcmp(field, "probe") && !drv->probe)
			drv->probe = xstrdup(fn);
		else if (fn && is_alt_probe_field(field) && !drv->alt_probe)
			drv->alt_probe = xstrdup(fn);
		else if (fn && is_remove_field(field) && !drv->remove)
			drv->remove = xstrdup(fn);
		else if (!strcmp(field, "suppress_bind_attrs"))
			drv->no_unbind = true;
		free(fn);
		free(field);
	}
	free(ch);
	return CXChildVisit_Recurse;
}

/* A field of type struct device_driver: a bus's driver. */
static enum CXVisitorResult find_driver_field(CXCursor c, CXClientData data)
{
	bool *found = data;
	char *type = cx_take(clang_getTypeSpelling(
		clang_getCanonicalType(clang_getCursorType(c))));

	*found = !strcmp(type, "struct device_driver");
	free(type);
	return *found ? CXVisit_Break : CXVisit_Continue;
}

/*
 * A bus's driver structure (struct platform_driver, pci_driver, ...,
 * which embed a struct device_driver: 'driver', ACPI's 'drv'), not any
 * other structure with a probe callback (a sound component's, a PHY's).
 */
static bool is_bus_driver(CXCursor var)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	bool found = false;

	if (t.kind != CXType_Record)
		return false;
	clang_Type_visitFields(t, find_driver_field, &found);
	return found;
}

/*
 * '.remove_new = foo_remove' designates a member of an anonymous union
 * (struct platform_driver in 6.12), which the initialiser's cursors do
 * not show as a plain member reference: read the designator from the
 * tokens of the definition.
 */
static char *remove_from_tokens(CXCursor var)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(var);
	CXToken *tok;
	unsigned int n;
	char *fn = NULL;

	clang_tokenize(tu, clang_getCursorExtent(var), &tok, &n);
	for (unsigned int i = 0; i + 3 < n && !fn; i++) {
		char *dot = cx_take(clang_getTokenSpelling(tu, tok[i]));
		char *field = cx_take(clang_getTokenSpelling(tu, tok[i + 1]));
		char *eq = cx_take(clang_getTokenSpelling(tu, tok[i + 2]));

		if (!strcmp(dot, ".") && is_remove_field(field) &&
		    !strcmp(eq, "=") &&
		    clang_getTokenKind(tok[i + 3]) == CXToken_Identifier)
			fn = cx_take(clang_getTokenSpelling(tu, tok[i + 3]));
		free(dot);
		free(field);
		free(eq);
	}
	clang_disposeTokens(tu, tok, n);
	return fn;
}

static void find_driver(struct find *fd, CXCursor c)
{
	struct ur_roles *r = fd->roles;
	struct ur_driver drv = { 0 };

	clang_visitChildren(c, find_callbacks, &drv);
	if (!drv.probe && drv.alt_probe && is_bus_driver(c)) {
		drv.probe = drv.alt_probe;
		drv.alt_probe = NULL;
	}
	free(drv.alt_probe);
	drv.alt_probe = NULL;
	if (drv.probe && !drv.remove)
		drv.remove = remove_from_tokens(c);
	if (drv.probe && (drv.remove || is_bus_driver(c))) {
		drv.name = cx_spelling(c);
		drv.pos = cx_cursor_start(c);
		GROW(r->drv, r->drvcap, r->ndrv);
		r->drv[r->ndrv++] = drv;
		return;
	}
	free(drv.probe);
	free(drv.remove);
}

static enum CXChildVisitResult find_roles(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct find *fd = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	(void)parent;
	if ((k != CXCursor_VarDecl && k != CXCursor_FunctionDecl) ||
	    !cx_in_file(c, fd->main_file))
		return CXChildVisit_Continue;
	find_entry(fd, c, k);
	if (k == CXCursor_VarDecl)
		find_driver(fd, c);
	fd->prev = c;
	return CXChildVisit_Continue;
}

void ur_roles_find(CXTranslationUnit tu, CXFile main_file, struct ur_roles *r)
{
	struct find fd = { r, main_file, clang_getNullCursor() };

	memset(r, 0, sizeof(*r));
	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_roles,
			    &fd);
}

void ur_roles_free(struct ur_roles *r)
{
	names_free(&r->init);
	names_free(&r->exit);
	for (size_t i = 0; i < r->ndrv; i++) {
		free(r->drv[i].probe);
		free(r->drv[i].remove);
		free(r->drv[i].name);
	}
	free(r->drv);
	memset(r, 0, sizeof(*r));
}
