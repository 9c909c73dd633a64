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
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/check.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "core/rules.h"
#include "lib/util.h"

#include "checks/const-driver-struct/internal.h"
#include "lib/strset.h"

/* Counters, in the order of const_stats[]. */
enum { STAT_OBJECTS, STAT_WRITTEN, STAT_ESCAPED };

struct object {
	CXCursor canon;
	char *key;
};

struct walk {
	const struct const_rules *rules;
	struct check_unit *unit;
	struct object *obj;
	size_t nobj, ocap;
	CXCursor *stack;
	size_t depth, scap;
	CXCursor function; /* the function being walked, or null */
	bool in_init; /* ... and it is __init */
};

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

/* ---- types ---- */

/* The struct an object (or an array of them) is made of, or a null type. */
static CXType object_record(CXType t)
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
static bool object_is_const(CXType t)
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
static int listed_type(const struct walk *w, CXType rec)
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

static int candidate_type(const struct walk *w, CXCursor decl)
{
	CXType rec = object_record(clang_getCursorType(decl));

	if (rec.kind == CXType_Invalid ||
	    object_is_const(clang_getCursorType(decl)))
		return 0;
	return listed_type(w, rec);
}

static bool pointer_to_const(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	return clang_isConstQualifiedType(clang_getPointeeType(t));
}

static bool is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

static char *type_name(CXType t)
{
	return cx_take(clang_getTypeSpelling(t));
}

/* ---- where things are ---- */

static struct cx_pos pos_of(CXCursor c)
{
	return cx_expansion(clang_getCursorLocation(c));
}

static char *file_of(struct cx_pos p)
{
	return p.file ? cx_take(clang_getFileName(p.file)) : xstrdup("");
}

/* The main-file text of a declaration up to its initializer or ';'. */
static bool decl_mentions(const struct walk *w, CXCursor decl, const char *word)
{
	struct cx_pos a = cx_cursor_start(decl), b = cx_cursor_end(decl);
	const char *s = w->unit->source;
	size_t end = b.offset;

	if (!a.file || !clang_File_isEqual(a.file, w->unit->main_file) ||
	    end > w->unit->source_len || a.offset >= end)
		return false;
	for (size_t i = a.offset; i < end; i++)
		if (s[i] == '=' || s[i] == '{' || s[i] == ';')
			end = i;
	return memmem(s + a.offset, end - a.offset, word, strlen(word)) != NULL;
}

/*
 * Does the declaration place the object in a section of its own
 * (__ro_after_init, __read_mostly, __initdata, __section(...))?  libclang
 * does not expose section attributes, so the declaration's words are read:
 * any '__' word but the harmless ones means "leave it alone": const data
 * in a writable section is a section type conflict, and __ro_after_init
 * objects are read-only after boot already.
 */
static bool placed_in_section(const struct walk *w, CXCursor decl)
{
	static const char *const harmless[] = {
		"__maybe_unused", "__used",	"__always_unused", "__aligned",
		"__attribute__",  "__unused__", "__aligned__",
	};
	struct cx_pos a = cx_cursor_start(decl), b = cx_cursor_end(decl);
	const char *s = w->unit->source;
	size_t end = b.offset;

	if (!a.file || !clang_File_isEqual(a.file, w->unit->main_file) ||
	    end > w->unit->source_len || a.offset >= end)
		return false;
	for (size_t i = a.offset; i < end; i++)
		if (s[i] == '=' || s[i] == '{' || s[i] == ';')
			end = i;
	for (size_t i = a.offset; i + 2 < end; i++) {
		size_t n = 0;
		bool ok = false;

		if (s[i] != '_' || s[i + 1] != '_' ||
		    (i > 0 &&
		     (s[i - 1] == '_' || isalnum((unsigned char)s[i - 1]))))
			continue;
		while (i + n < end &&
		       (s[i + n] == '_' || isalnum((unsigned char)s[i + n])))
			n++;
		for (size_t k = 0; k < sizeof(harmless) / sizeof(*harmless);
		     k++)
			ok |= strlen(harmless[k]) == n &&
			      !strncmp(s + i, harmless[k], n);
		if (!ok)
			return true;
		i += n;
	}
	return memmem(s + a.offset, end - a.offset, "section", 7) != NULL;
}

/* ---- facts about one use ---- */

static void record(struct walk *w, int kind, const char *key, CXCursor at,
		   const char *text, const char *extra, long value)
{
	struct cx_pos p = pos_of(at);
	char *file = file_of(p);

	fact_add(w->unit->facts, kind, key, file, p.line, p.column, text, extra,
		 value);
	free(file);
}

static void record_write(struct walk *w, const char *key, CXCursor at,
			 const char *member)
{
	char *why = member ? xasprintf("member '%s' written here", member) :
			     xstrdup("written here");

	record(w, F_WRITE, key, at, why, NULL, w->in_init);
	free(why);
}

/* An operator in a macro that an old libclang cannot name: assume a write. */
static void record_unknown_operator(struct walk *w, const char *key,
				    CXCursor at)
{
	record(w, F_ESCAPE, key, at,
	       "an operator inside a macro (libclang before 17 cannot tell which)",
	       NULL, 0);
}

/* Escape through a call's argument: which API parameter blocks const. */
static void record_call_escape(struct walk *w, const char *key, CXCursor call,
			       CXCursor arg)
{
	int n = clang_Cursor_getNumArguments(call);
	CXCursor callee = clang_getCursorReferenced(call);
	char *fn = cx_spelling(call), *why, *api = NULL;
	int idx = -1;

	for (int i = 0; i < n && idx < 0; i++)
		if (cx_same_expr(clang_Cursor_getArgument(call, i), arg))
			idx = i;
	if (idx >= 0 && !clang_Cursor_isNull(callee) &&
	    idx < clang_Cursor_getNumArguments(callee)) {
		CXType pt = clang_getCursorType(
			clang_Cursor_getArgument(callee, idx));
		char *ptype = type_name(pt);
		struct cx_pos d = pos_of(callee);
		char *dfile = file_of(d);

		why = xasprintf("passed to %s() whose parameter %d is '%s'", fn,
				idx + 1, ptype);
		api = xasprintf("%s\t%d\t%s\t%s\t%u\t%u", fn, idx + 1, ptype,
				dfile, d.line, d.column);
		free(dfile);
		free(ptype);
	} else if (*fn) {
		why = xasprintf("passed to %s() as a pointer to non-const", fn);
	} else {
		why = xstrdup(
			"passed through a function pointer as a pointer to non-const");
	}
	record(w, F_ESCAPE, key, call, why, api, 0);
	free(api);
	free(why);
	free(fn);
}

/* Where a pointer to the object ends up, if that needs it writable. */
static void pointer_stored(struct walk *w, const char *key, CXCursor at,
			   CXCursor from, const char *where)
{
	char *ptype, *why;

	if (pointer_to_const(clang_getCursorType(from)))
		return;
	ptype = type_name(clang_getCursorType(from));
	why = xasprintf("%s as '%s'", where, ptype);
	record(w, F_ESCAPE, key, at, why, NULL, 0);
	free(why);
	free(ptype);
}

/* The name an assignment stores into, for the message. */
static char *lhs_name(CXCursor op)
{
	unsigned int n;
	CXCursor *ch = cx_children(op, &n);
	char *name = n ? cx_spelling(ch[0]) : xstrdup("");

	free(ch);
	return name;
}

static bool is_store(CXCursor op)
{
	enum cx_op k = cx_operator(op);

	return k == CX_OP_ASSIGN || k == CX_OP_COMPOUND;
}

static bool first_child_is(CXCursor parent, CXCursor child)
{
	unsigned int n;
	CXCursor *ch = cx_children(parent, &n);
	bool yes = n && cx_same_expr(ch[0], child);

	free(ch);
	return yes;
}

static bool has_member_designator(CXCursor c)
{
	unsigned int n;
	CXCursor *ch = cx_children(c, &n);
	bool yes = false;

	for (unsigned int i = 0; i + 1 < n; i++)
		if (clang_getCursorKind(ch[i]) == CXCursor_MemberRef)
			yes = true;
	free(ch);
	return yes;
}

enum state {
	LVALUE, /* designates the object or a part of it */
	POINTER, /* points into it */
	DONE,
};

/* One step up from an lvalue of the object. */
static enum state lvalue_step(struct walk *w, const char *key, CXCursor a,
			      CXCursor from, char **member)
{
	CXType at = clang_getCursorType(a), ft = clang_getCursorType(from);

	switch (clang_getCursorKind(a)) {
	case CXCursor_ParenExpr:
		return LVALUE;
	case CXCursor_MemberRefExpr:
		free(*member);
		*member = cx_spelling(a);
		return LVALUE;
	case CXCursor_ArraySubscriptExpr:
		return first_child_is(a, from) ? LVALUE : DONE;
	case CXCursor_UnexposedExpr:
		if (has_member_designator(a))
			return DONE; /* copied into an initializer */
		if (is_pointer(at) && !is_pointer(ft))
			return POINTER; /* an array decays */
		return DONE; /* read */
	case CXCursor_UnaryOperator:
		if (cx_operator(a) == CX_OP_ADDR)
			return POINTER;
		if (cx_operator(a) == CX_OP_INCDEC)
			record_write(w, key, a, *member);
		else if (cx_operator(a) == CX_OP_UNKNOWN)
			record_unknown_operator(w, key, a);
		return DONE;
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		if (first_child_is(a, from) && is_store(a))
			record_write(w, key, a, *member);
		else if (cx_operator(a) == CX_OP_UNKNOWN)
			record_unknown_operator(w, key, a);
		return DONE;
	case CXCursor_CallExpr:
	case CXCursor_ReturnStmt:
	case CXCursor_VarDecl:
	case CXCursor_InitListExpr:
	case CXCursor_UnaryExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_ConditionalOperator:
	case CXCursor_IfStmt:
	case CXCursor_SwitchStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_ForStmt:
	case CXCursor_CompoundStmt:
	case CXCursor_StmtExpr:
		return DONE; /* a value is read */
	default:
		record(w, F_ESCAPE, key, a,
		       "used in an expression the check does not follow", NULL,
		       0);
		return DONE;
	}
}

/* One step up from a pointer into the object. */
static enum state pointer_step(struct walk *w, const char *key, CXCursor a,
			       CXCursor from)
{
	char *name;

	switch (clang_getCursorKind(a)) {
	case CXCursor_ParenExpr:
	case CXCursor_ConditionalOperator:
		return POINTER;
	case CXCursor_UnexposedExpr:
		if (has_member_designator(a)) {
			name = cx_spelling(a);
			pointer_stored(w, key, a, from,
				       "stored in an initializer");
			free(name);
			return DONE;
		}
		return POINTER; /* an implicit conversion */
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_MemberRefExpr:
		return first_child_is(a, from) ? LVALUE : DONE;
	case CXCursor_UnaryOperator:
		if (cx_operator(a) == CX_OP_UNKNOWN)
			record_unknown_operator(w, key, a);
		return cx_operator(a) == CX_OP_DEREF ? LVALUE : DONE;
	case CXCursor_BinaryOperator:
		if (!first_child_is(a, from) &&
		    cx_operator(a) == CX_OP_ASSIGN) {
			char *lhs = lhs_name(a),
			     *where = xasprintf("stored in '%s'", lhs);

			pointer_stored(w, key, a, from, where);
			free(where);
			free(lhs);
			return DONE;
		}
		/* pointer arithmetic goes on; comparisons only read */
		return cx_operator(a) == CX_OP_ARITH ? POINTER : DONE;
	case CXCursor_CStyleCastExpr:
		if (pointer_to_const(clang_getCursorType(a)))
			return POINTER;
		if (clang_getCanonicalType(clang_getCursorType(a)).kind ==
		    CXType_Void)
			return DONE;
		pointer_stored(w, key, a, a, "cast");
		return DONE;
	case CXCursor_CallExpr:
		if (!pointer_to_const(clang_getCursorType(from)))
			record_call_escape(w, key, a, from);
		return DONE;
	case CXCursor_VarDecl:
		name = cx_spelling(a);
		{
			char *where = xasprintf("stored in '%s'", name);

			pointer_stored(w, key, a, from, where);
			free(where);
		}
		free(name);
		return DONE;
	case CXCursor_ReturnStmt:
		pointer_stored(w, key, a, from, "returned");
		return DONE;
	case CXCursor_InitListExpr:
		pointer_stored(w, key, a, from, "stored in an initializer");
		return DONE;
	case CXCursor_UnaryExpr:
		return DONE; /* sizeof, alignof */
	default:
		pointer_stored(w, key, a, from, "used");
		return DONE;
	}
}

/* Follow one reference to the object up to what it is used for. */
static void classify_use(struct walk *w, const char *key)
{
	CXCursor from = w->stack[w->depth - 1];
	enum state st = LVALUE;
	char *member = NULL;

	for (size_t i = w->depth - 1; i-- > 0 && st != DONE;) {
		CXCursor a = w->stack[i];

		st = st == LVALUE ? lvalue_step(w, key, a, from, &member) :
				    pointer_step(w, key, a, from);
		from = a;
	}
	free(member);
}

/* ---- objects ---- */

/* Statics are unique per file, globals per name. */
static char *object_key(const struct walk *w, CXCursor decl)
{
	char *name = cx_spelling(decl);
	char *key;

	if (clang_getCursorLinkage(decl) == CXLinkage_External) {
		key = name;
	} else {
		key = xasprintf("%s:%s", w->unit->path, name);
		free(name);
	}
	return key;
}

static const struct object *object_for(struct walk *w, CXCursor decl)
{
	CXCursor canon = clang_getCanonicalCursor(decl);

	for (size_t i = 0; i < w->nobj; i++)
		if (clang_equalCursors(w->obj[i].canon, canon))
			return &w->obj[i];
	return NULL;
}

static const struct object *object_add(struct walk *w, CXCursor decl)
{
	struct object *o;

	GROW(w->obj, w->ocap, w->nobj);
	o = &w->obj[w->nobj++];
	o->canon = clang_getCanonicalCursor(decl);
	o->key = object_key(w, decl);
	return o;
}

/* Is the object's name written at its location (and not a macro's)? */
static bool names_object(const char *text, size_t len, CXCursor decl)
{
	char *name = cx_spelling(decl);
	size_t n = strlen(name);
	bool yes = n <= len && !strncmp(text, name, n) &&
		   (n == len ||
		    !(text[n] == '_' || isalnum((unsigned char)text[n])));

	free(name);
	return yes;
}

/*
 * 'const ' goes before the type: "static const struct bus_type foo".
 * Declarations in headers get it too, or the definition would conflict
 * with them.  No fix inside macros or for one of several declarators.
 */
static void record_fix(struct walk *w, const char *key, CXCursor decl)
{
	struct cx_pos a = cx_cursor_start(decl), name = pos_of(decl);
	CXType rec = object_record(clang_getCursorType(decl));
	char *tag = cx_spelling(clang_getTypeDeclaration(rec));
	char *pattern = xasprintf("struct %s", tag);
	const char *s = NULL, *hit;
	size_t len = 0;
	char *file;

	if (a.file)
		s = clang_getFileContents(w->unit->tu, a.file, &len);
	if (!s || !name.file || !clang_File_isEqual(a.file, name.file) ||
	    name.offset <= a.offset || name.offset > len ||
	    !names_object(s + name.offset, len - name.offset, decl))
		goto out;
	hit = memmem(s + a.offset, name.offset - a.offset, pattern,
		     strlen(pattern));
	if (!hit || memchr(s + a.offset, ',', name.offset - a.offset))
		goto out;
	file = file_of(a);
	{
		unsigned int line, col, off = hit - s;
		char hash[17]; /* of the text off is in, for --fix */

		snprintf(hash, sizeof(hash), "%016" PRIx64,
			 hash_bytes(s, len, 0));
		text_line_col(s, len, off, &line, &col);
		fact_add(w->unit->facts, F_FIX, key, file, line, col, hash,
			 NULL, off);
	}
	free(file);
out:
	free(pattern);
	free(tag);
}

/* The definition and the first declaration, if that is another one. */
static void record_fixes(struct walk *w, const char *key, CXCursor def)
{
	CXCursor canon = clang_getCanonicalCursor(def);

	record_fix(w, key, def);
	if (!clang_equalCursors(canon, def))
		record_fix(w, key, canon);
}

static char *const_declaration(CXCursor decl)
{
	CXType rec = object_record(clang_getCursorType(decl));
	char *tag = cx_spelling(clang_getTypeDeclaration(rec));
	bool is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
	char *text =
		xasprintf("%sconst struct %s", is_static ? "static " : "", tag);

	free(tag);
	return text;
}

static bool at_file_scope(CXCursor decl)
{
	return clang_getCursorKind(clang_getCursorSemanticParent(decl)) ==
	       CXCursor_TranslationUnit;
}

/* For --const-inventory: a listed object that is const already. */
static void note_const_definition(struct walk *w, CXCursor c)
{
	CXType rec = object_record(clang_getCursorType(c));
	char *tag, *type, *key;

	if (rec.kind == CXType_Invalid ||
	    !object_is_const(clang_getCursorType(c)) ||
	    listed_type(w, rec) != 1)
		return;
	tag = cx_spelling(clang_getTypeDeclaration(rec));
	type = xasprintf("struct %s", tag);
	key = object_key(w, c);
	record(w, F_CONST, key, c, type, NULL, 0);
	free(key);
	free(type);
	free(tag);
}

static void note_definition(struct walk *w, CXCursor c)
{
	int which;
	const struct object *o;
	char *decl;

	if (!clang_isCursorDefinition(c) || !at_file_scope(c))
		return;
	if (w->rules->inventory)
		note_const_definition(w, c);
	if (!(which = candidate_type(w, c)) || placed_in_section(w, c))
		return;
	o = object_for(w, c);
	if (!o)
		o = object_add(w, c);
	decl = const_declaration(c);
	record(w, which == 1 ? F_DEFINED : F_DEFINED_OTHER, o->key, c, decl,
	       NULL, 0);
	w->unit->stats[STAT_OBJECTS]++;
	free(decl);
	record_fixes(w, o->key, c);
}

/* A use of a candidate here, or of a global one defined elsewhere. */
static void note_reference(struct walk *w, CXCursor ref)
{
	CXCursor decl = clang_getCursorReferenced(ref);
	const struct object *o;

	if (clang_getCursorKind(decl) != CXCursor_VarDecl)
		return;
	o = object_for(w, decl);
	if (!o) {
		if (!at_file_scope(decl) ||
		    clang_getCursorLinkage(decl) != CXLinkage_External ||
		    !candidate_type(w, decl))
			return;
		o = object_add(w, decl);
	}
	classify_use(w, o->key);
}

static bool is_init_function(const struct walk *w, CXCursor fn)
{
	return decl_mentions(w, fn, "__init") &&
	       !decl_mentions(w, fn, "__init_or_");
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct walk *w = data;
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXCursor saved_fn = w->function;
	bool saved_init = w->in_init;

	(void)parent;
	if (!w->depth && !cx_in_file(c, w->unit->main_file))
		return CXChildVisit_Continue;
	GROW(w->stack, w->scap, w->depth);
	w->stack[w->depth++] = c;
	if (kind == CXCursor_VarDecl)
		note_definition(w, c);
	else if (kind == CXCursor_DeclRefExpr)
		note_reference(w, c);
	else if (kind == CXCursor_FunctionDecl) {
		w->function = c;
		w->in_init = is_init_function(w, c);
	}
	clang_visitChildren(c, visit, w);
	w->function = saved_fn;
	w->in_init = saved_init;
	w->depth--;
	return CXChildVisit_Continue;
}

/* EXPORT_SYMBOL(name) and its kin: the object has users outside the tree. */
static void find_exports(struct walk *w)
{
	const char *s = w->unit->source, *end = s + w->unit->source_len, *p = s;

	while ((p = memmem(p, end - p, "EXPORT_SYMBOL", 13))) {
		const char *open = memchr(p, '(', end - p), *a, *b;

		p += 13;
		if (!open || open - p > 12)
			continue;
		for (a = open + 1; a < end && (*a == ' ' || *a == '\t'); a++)
			;
		for (b = a;
		     b < end && (*b == '_' || (*b >= '0' && *b <= '9') ||
				 ((*b | 0x20) >= 'a' && (*b | 0x20) <= 'z'));
		     b++)
			;
		for (size_t i = 0; i < w->nobj; i++) {
			if (strlen(w->obj[i].key) == (size_t)(b - a) &&
			    !strncmp(w->obj[i].key, a, b - a))
				fact_add(w->unit->facts, F_EXPORTED,
					 w->obj[i].key, w->unit->path, 0, 0,
					 NULL, NULL, 0);
		}
	}
}

static void const_run(const void *state, struct check_unit *unit)
{
	struct walk w = { .rules = state,
			  .unit = unit,
			  .function = clang_getNullCursor() };

	clang_visitChildren(clang_getTranslationUnitCursor(unit->tu), visit,
			    &w);
	find_exports(&w);
	for (size_t i = 0; i < unit->facts->n; i++) {
		if (unit->facts->v[i].kind == F_WRITE)
			unit->stats[STAT_WRITTEN]++;
		else if (unit->facts->v[i].kind == F_ESCAPE)
			unit->stats[STAT_ESCAPED]++;
	}
	for (size_t i = 0; i < w.nobj; i++)
		free(w.obj[i].key);
	free(w.obj);
	free(w.stack);
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
	.stats = const_stats,
	.run = const_run,
	.finish = const_finish,
	.options = const_options,
};
