// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: attribute groups.  Removing a group
 * (sysfs_remove_group(kobj, &foo_group)) removes every file its '.attrs'
 * array lists, however each was made: files made one by one with
 * device_create_file() or sysfs_create_file() are undone by it.  The
 * group and its array are read from their static initialisers.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/internal.h"

/* The definition of the variable e names ('&foo_group', 'foo_attrs'). */
static CXCursor var_of(CXCursor e)
{
	CXCursor d;

	e = cx_strip_address(cx_strip(e));
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return clang_getNullCursor();
	d = clang_getCursorDefinition(clang_getCursorReferenced(e));
	return clang_getCursorKind(d) == CXCursor_VarDecl ?
		       d :
		       clang_getNullCursor();
}

/* The initialiser list of a variable's definition, or null. */
static CXCursor init_list(CXCursor var)
{
	CXCursor last = cx_last_child(var);

	return clang_getCursorKind(last) == CXCursor_InitListExpr ?
		       last :
		       clang_getNullCursor();
}

/* '.attrs = foo_attrs' in a group's initialiser: foo_attrs. */
static CXCursor group_attrs(CXCursor group)
{
	CXCursor list = init_list(group), found = clang_getNullCursor();
	unsigned int n;
	CXCursor *ch;

	if (clang_Cursor_isNull(list))
		return found;
	ch = cx_children(list, &n);
	for (unsigned int i = 0; i < n && clang_Cursor_isNull(found); i++) {
		unsigned int m;
		CXCursor *kv = cx_children(ch[i], &m);
		char *field = m == 2 && clang_getCursorKind(kv[0]) ==
						      CXCursor_MemberRef ?
				      cx_spelling(kv[0]) :
				      NULL;

		if (field && !strcmp(field, "attrs"))
			found = var_of(kv[1]);
		free(field);
		free(kv);
	}
	free(ch);
	return found;
}

/* 'attr' without its last member '.attr': the device_attribute around it. */
struct ur_obj ur_group_outer(const struct ur_obj *o)
{
	struct ur_obj r = { 0 };
	size_t k = o->key ? strlen(o->key) : 0;
	size_t s = o->shown ? strlen(o->shown) : 0;

	if (k > 5 && s > 5 && !strcmp(o->key + k - 5, ".attr") &&
	    !strcmp(o->shown + s - 5, ".attr")) {
		r.key = xstrndup(o->key, k - 5);
		r.shown = xstrndup(o->shown, s - 5);
	}
	return r;
}

/* Does arg point to a struct attribute_group? */
static bool is_group(CXCursor arg)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(arg));
	CXCursor d;
	char *name;
	bool yes;

	if (t.kind != CXType_Pointer)
		return false;
	d = clang_getTypeDeclaration(
		clang_getCanonicalType(clang_getPointeeType(t)));
	if (clang_getCursorKind(d) != CXCursor_StructDecl)
		return false;
	name = cx_spelling(d);
	yes = !strcmp(name, "attribute_group");
	free(name);
	return yes;
}

static CXCursor group_list(CXCursor arg)
{
	CXCursor group = is_group(arg) ? var_of(arg) : clang_getNullCursor();
	CXCursor attrs = clang_Cursor_isNull(group) ? group :
						      group_attrs(group);

	return clang_Cursor_isNull(attrs) ? attrs : init_list(attrs);
}

size_t ur_group_members(CXCursor call, struct ur_obj **out)
{
	int n = clang_Cursor_getNumArguments(call);
	size_t k = 0, cap = 0;

	*out = NULL;
	for (int i = 0; i < n; i++) {
		CXCursor list = group_list(clang_Cursor_getArgument(call, i));
		unsigned int m = 0;
		CXCursor *el = clang_Cursor_isNull(list) ?
				       NULL :
				       cx_children(list, &m);

		for (unsigned int j = 0; j < m; j++) {
			struct ur_obj o = ur_arg_obj(el[j]);

			if (!o.key) {
				ur_obj_free(&o);
				continue;
			}
			GROW(*out, cap, k);
			(*out)[k++] = o;
		}
		free(el);
	}
	return k;
}
