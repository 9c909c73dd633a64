// SPDX-License-Identifier: GPL-2.0-only
/*
 * registration-flag: what an expression names — a variable or member that
 * can hold a flag, and the object a register or unregister call is about.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cx.h"
#include "lib/util.h"

#include "checks/registration-flag/internal.h"

/* ---- expressions ---- */

static bool integral_type(CXType t)
{
	switch (clang_getCanonicalType(t).kind) {
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_UShort:
	case CXType_Short:
	case CXType_UInt:
	case CXType_Int:
	case CXType_ULong:
	case CXType_Long:
	case CXType_ULongLong:
	case CXType_LongLong:
		return true;
	default:
		return false;
	}
}

/* The variable or member an lvalue names, if it can hold a flag. */
bool rf_flag_of(CXCursor e, CXCursor *flag)
{
	enum CXCursorKind k;
	CXCursor d;

	e = cx_strip(e);
	k = clang_getCursorKind(e);
	if (k != CXCursor_DeclRefExpr && k != CXCursor_MemberRefExpr)
		return false;
	d = clang_getCursorReferenced(e);
	k = clang_getCursorKind(d);
	if ((k != CXCursor_VarDecl && k != CXCursor_FieldDecl) ||
	    !integral_type(clang_getCursorType(d)))
		return false;
	*flag = clang_getCanonicalCursor(d);
	return true;
}

bool rf_is_bool(CXCursor flag)
{
	return clang_getCanonicalType(clang_getCursorType(flag)).kind ==
	       CXType_Bool;
}

bool rf_is_flag(CXCursor e, CXCursor flag)
{
	CXCursor f;

	return rf_flag_of(e, &f) && clang_equalCursors(f, flag);
}

/* ---- which object a call is about ---- */

/* A variable that outlives the function: file scope or 'static'. */
static bool has_static_storage(CXCursor d)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);

	return sc == CX_SC_Static || sc == CX_SC_Extern ||
	       clang_getCursorKind(clang_getCursorSemanticParent(d)) ==
		       CXCursor_TranslationUnit;
}

static char *usr_key(const char *tag, CXCursor decl)
{
	char *usr = cx_take(clang_getCursorUSR(decl));
	char *key = *usr ? xasprintf("%s:%s", tag, usr) : NULL;

	free(usr);
	return key;
}

/*
 * A key naming the object an expression denotes across functions: a
 * global or static variable, or a struct member (&priv->miscdev in probe
 * and in remove).  Locals and parameters say nothing across functions:
 * NULL, which matches any object.
 */
static char *object_key(CXCursor e)
{
	CXCursor d;
	char *base, *key;

	if (clang_getCursorKind(e) == CXCursor_VarDecl) {
		d = e;
		goto var;
	}
	e = cx_strip_address(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr:
		d = clang_getCursorReferenced(e);
		if (clang_getCursorKind(d) != CXCursor_VarDecl)
			return NULL;
		goto var;
	case CXCursor_MemberRefExpr:
		return usr_key("m", clang_getCursorReferenced(e));
	case CXCursor_ArraySubscriptExpr:
		base = object_key(cx_child(e, 0));
		key = base ? xasprintf("%s[]", base) : NULL;
		free(base);
		return key;
	default:
		return NULL;
	}
var:
	if (!has_static_storage(d))
		return NULL;
	return usr_key("v", clang_getCanonicalCursor(d));
}

static char *compute_object(const struct call *c, unsigned int argno)
{
	CXCursor call = c->path.c[c->path.n - 1];

	if (argno == 0)
		return clang_Cursor_isNull(c->result) ? NULL :
							object_key(c->result);
	if ((int)argno > clang_Cursor_getNumArguments(call))
		return NULL;
	return object_key(clang_Cursor_getArgument(call, argno - 1));
}

/* The key of the call's argument argno (0: its result), or NULL. */
static const char *call_object(struct call *c, unsigned int argno)
{
	if (argno >= RF_KEYS)
		return NULL; /* no pair names such an argument */
	if (!(c->key_known & (1u << argno))) {
		c->key[argno] = compute_object(c, argno);
		c->key_known |= 1u << argno;
	}
	return c->key[argno];
}

bool rf_same_object(struct call *reg, struct call *unreg,
		    const struct regpair *p)
{
	const char *a = call_object(reg, p->reg_arg);
	const char *b = call_object(unreg, p->unreg_arg);

	return !a || !b || !strcmp(a, b);
}
