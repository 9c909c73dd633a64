// SPDX-License-Identifier: GPL-2.0-only
/* const-driver-struct: the types it looks at, and where things are. */
#include <stdlib.h>
#include <string.h>

#include "checks/const-driver-struct/internal.h"
#include "lib/cx.h"
#include "lib/util.h"

/* The struct an object (or an array of them) is made of, or a null type. */
CXType const_object_record(CXType t)
{
	t = clang_getCanonicalType(t);
	while (t.kind == CXType_ConstantArray ||
	       t.kind == CXType_IncompleteArray)
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	if (t.kind != CXType_Record)
		t.kind = CXType_Invalid;
	return t;
}

/*
 * Is the object const?  libclang drops the qualifier of an array's
 * elements from the canonical array type, so every level is asked, as
 * written and canonical.
 */
bool const_object_is_const(CXType t)
{
	for (;;) {
		CXType c = clang_getCanonicalType(t);

		if (clang_isConstQualifiedType(t) ||
		    clang_isConstQualifiedType(c))
			return true;
		if (c.kind != CXType_ConstantArray &&
		    c.kind != CXType_IncompleteArray)
			return false;
		t = clang_getArrayElementType(t);
		if (t.kind == CXType_Invalid)
			t = clang_getArrayElementType(c);
	}
}

/* 1: a listed type, 2: another struct (with --all-types), 0: neither. */
int const_listed_type(const struct walk *w, CXType rec)
{
	char *tag = cx_spelling(clang_getTypeDeclaration(rec));
	int which = 0;

	if (strset_has(&w->rules->types, tag))
		which = 1;
	else if (w->rules->all_types && *tag && !strchr(tag, ' '))
		which = 2;
	free(tag);
	return which;
}

int const_candidate_type(const struct walk *w, CXCursor decl)
{
	CXType rec = const_object_record(clang_getCursorType(decl));

	if (rec.kind == CXType_Invalid ||
	    const_object_is_const(clang_getCursorType(decl)))
		return 0;
	return const_listed_type(w, rec);
}

bool const_pointer_to_const(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	return clang_isConstQualifiedType(clang_getPointeeType(t));
}

bool const_is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

char *const_type_name(CXType t)
{
	return cx_take(clang_getTypeSpelling(t));
}

/* ---- where things are ---- */

struct cx_pos const_pos_of(CXCursor c)
{
	return cx_expansion(clang_getCursorLocation(c));
}

char *const_file_of(struct cx_pos p)
{
	return p.file ? cx_take(clang_getFileName(p.file)) : xstrdup("");
}
