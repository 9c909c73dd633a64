/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the parts of const-driver-struct share: the per-unit walk records
 * facts (check.c walks, objects.c keeps the objects, uses.c follows each
 * use, types.c knows the types, text.c reads what only the text says),
 * the tree-level decision (tree.c) reads them; cocci_select.c is the
 * Coccinelle selection.
 */
#ifndef DRVLINT_CONST_DRIVER_STRUCT_H
#define DRVLINT_CONST_DRIVER_STRUCT_H

#include <stdbool.h>

#include <clang-c/Index.h>

#include "core/check.h"
#include "core/fact.h"
#include "core/finding.h"
#include "core/rules.h"
#include "lib/ctok.h"
#include "lib/cx.h"
#include "lib/cx_map.h"
#include "lib/strset.h"

#define RULE "const-driver-struct"

struct const_rules {
	struct strset types;
	bool blocked, roadmap, all_types, inventory;
};

enum fact_kind {
	F_DEFINED, /* a candidate; text: its declaration made const */
	F_DEFINED_OTHER, /* the same, for a type not in the list */
	F_FIX, /* where 'const ' goes; value: byte offset, text: the
		  file's hash_bytes() in hex */
	F_WRITE, /* text: what writes it; value: 1 in __init code */
	F_ESCAPE, /* text: what needs it writable; extra: API key */
	F_EXPORTED, /* EXPORT_SYMBOL*(): users outside the tree */
	F_CONST, /* already const (--const-inventory); text: its type */
};

/*
 * The API key of an escape through a call: "function \t param \t type
 * \t declaration file \t line \t column".
 */

void const_finish(const void *state, const struct fact_list *facts,
		  const struct tree_scope *scope, struct finding_list *out);

/* Counters, in the order of const_stats[]. */
enum { STAT_OBJECTS, STAT_WRITTEN, STAT_ESCAPED };

struct object {
	CXCursor canon;
	char *key;
};

/* One unit's walk: its objects, the cursor path, the function it is in. */
struct walk {
	const struct const_rules *rules;
	struct check_unit *unit;
	struct object *obj;
	size_t nobj, ocap;
	struct cx_map by_canon; /* obj by canonical cursor */
	struct cx_walk wk; /* the cursor being visited and its ancestors */
	CXCursor function; /* the function being walked, or null */
	bool in_init; /* ... and it is __init */
	/* The hash of each file a fix is in (for --fix), computed once. */
	struct file_hash {
		CXFile file;
		uint64_t hash;
	} *hashes;
	size_t nhashes, hcap;
};

/* Types, and where things are (types.c). */
CXType const_object_record(CXType t);
bool const_object_is_const(CXType t);
int const_listed_type(const struct walk *w, CXType rec);
int const_candidate_type(const struct walk *w, CXCursor decl);
bool const_pointer_to_const(CXType t);
bool const_is_pointer(CXType t);
char *const_type_name(CXType t);
struct cx_pos const_pos_of(CXCursor c);
char *const_file_of(struct cx_pos p);

/* One use of an object (uses.c). */
void const_record(struct walk *w, int kind, const char *key, CXCursor at,
		  const char *text, const char *extra, long value);
void const_classify_use(struct walk *w, const char *key);

/* Definitions and references (objects.c). */
void const_note_definition(struct walk *w, CXCursor c);
void const_note_reference(struct walk *w, CXCursor ref);

/* What the text says (text.c). */
bool const_names_object(const char *text, size_t len, CXCursor decl);
bool const_is_init_function(const struct walk *w, CXCursor fn);
bool const_placed_in_section(const struct walk *w, CXCursor decl);
void const_find_exports(struct walk *w);

/* The Coccinelle file selection's test (cocci_select.c). */
bool const_cocci_select(const struct ctok_text *text,
			const struct strset *words);

#endif
