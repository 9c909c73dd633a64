/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the parts of id-table-sentinel share: check.c finds tables and
 * their consumers in the AST, tables.c keeps them, exports.c finds
 * MODULE_DEVICE_TABLE() in the text, walks.c the walks written by hand
 * (loops, local helpers), entries.c decides whether the last entry is
 * zero and builds the fix, cocci_select.c is the Coccinelle selection.
 */
#ifndef DRVLINT_ID_TABLE_SENTINEL_H
#define DRVLINT_ID_TABLE_SENTINEL_H

#include <stdbool.h>
#include <stdint.h>

#include <clang-c/Index.h>

#include "core/check.h"
#include "core/rules.h"
#include "lib/cx.h"
#include "lib/strset.h"

struct sentinel_rules {
	struct strset types; /* struct tags of device-id entries */
	struct strset fields; /* "member" or "struct.member" */
	struct strset calls; /* "function/argno" */
};

/* Counters, in the order of sentinel_stats[]. */
enum { STAT_TABLES, STAT_NEED_SENTINEL };

enum consumer_kind {
	BY_EXPORT,
	BY_FIELD,
	BY_CALL,
	BY_LOOP,
};

struct consumer {
	enum consumer_kind kind;
	char *what; /* field or function name */
	struct cx_pos pos;
};

struct table {
	CXCursor canon; /* canonical declaration, for lookups */
	CXCursor def; /* the definition with its initializer */
	bool has_def;
	bool listed; /* of a type of rules/id-tables.list */
	char *name;
	struct consumer *consumer;
	size_t nconsumer, cap;
};

/* A pointer variable, or parameter 'param' of 'function'. */
struct walk_target {
	CXCursor decl;
	CXCursor function;
	int param; /* -1 for a variable */
};

/* A table handed to a pointer or a helper's parameter. */
struct walk_flow {
	struct walk_target target;
	size_t table; /* index in walk.table */
	struct cx_pos pos;
};

/* A pointer or parameter that is walked to the sentinel. */
struct walk_walked {
	struct walk_target target;
	enum consumer_kind kind; /* BY_LOOP, or BY_CALL for a helper */
	char *how; /* the function with the loop, or the helper */
	struct cx_pos pos;
};

struct walk {
	const struct sentinel_rules *rules;
	struct check_unit *unit;
	struct table *table;
	size_t ntable, tcap;
	struct cx_walk wk; /* the cursor being visited and its ancestors */
	CXCursor function; /* the function being walked, or null */
	struct walk_flow *flow;
	size_t nflow, fcap;
	struct walk_walked *walked;
	size_t nwalked, kcap;
	struct walk_flow *assign; /* every store into an entry pointer */
	size_t nassign, acap;
	size_t *index; /* hash of table[].canon: table index + 1, 0 free */
	size_t nindex;
	struct text_lines lines; /* of the main file, for line and column */
	uint64_t source_hash; /* of the main file, once: --fix checks it */
};

/* The unit's tables and their consumers (tables.c). */
void sentinel_add_consumer(struct table *t, enum consumer_kind kind,
			   const char *what, struct cx_pos pos);
/* Which arrays are tables (tables.c). */
bool sentinel_is_struct_array(CXCursor decl);
bool sentinel_is_table(const struct walk *w, CXCursor decl);
/* The table of a declaration, added at its first sight. */
struct table *sentinel_table_for(struct walk *w, CXCursor decl);
size_t sentinel_table_index(struct walk *w, CXCursor decl);
void sentinel_tables_free(struct walk *w);

/* MODULE_DEVICE_TABLE() in the unit's text (exports.c). */
void sentinel_find_exports(struct walk *w);
unsigned int sentinel_parse_options(const void *state, const char *src,
				    size_t len);

/* Hand-written walks (id-table-sentinel-walks.c). */
void walks_flow_into_var(struct walk *w, size_t table, CXCursor var,
			 CXCursor at);
void walks_flow_into_call(struct walk *w, size_t table, CXCursor callee,
			  int param, CXCursor at);
void walks_pointer_to_walker(struct walk *w, CXCursor var, const char *walker,
			     CXCursor call);
void walks_note_loop(struct walk *w, CXCursor loop);
void walks_note_store(struct walk *w, CXCursor c);
bool walks_points_to_entry(const struct walk *w, CXCursor var);
void walks_resolve(struct walk *w);
void walks_free(struct walk *w);

/* Does the main-file text at c's start begin with text? */
bool sentinel_starts_with(const struct walk *w, CXCursor c, const char *text);

/* Is the last element of t (initialised by init) all zero? */
bool sentinel_present(const struct walk *w, const struct table *t,
		      CXCursor init, bool *designated);
/* The edits that add '{ }' as the last entry, if they can be made. */
void sentinel_add_fix(struct walk *w, struct finding *f, CXCursor init);
CXCursor sentinel_initializer(CXCursor def);

/* The Coccinelle file selection's test (cocci_select.c). */
bool sentinel_cocci_select(const struct ctok_text *text,
			   const struct strset *words);

#endif
