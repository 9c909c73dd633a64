/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the parts of id-table-sentinel share: id-table-sentinel.c finds
 * tables and their consumers, id-table-sentinel-walks.c the walks written
 * by hand (loops, local helpers), id-table-sentinel-entries.c decides
 * whether the last entry is zero and builds the fix.
 */
#ifndef DRVLINT_ID_TABLE_SENTINEL_H
#define DRVLINT_ID_TABLE_SENTINEL_H

#include <stdbool.h>

#include <clang-c/Index.h>

#include "../check.h"
#include "../cx.h"
#include "../rules.h"

struct sentinel_rules {
	struct strset types;	/* struct tags of device-id entries */
	struct strset fields;	/* "member" or "struct.member" */
	struct strset calls;	/* "function/argno" */
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
	char *what;		/* field or function name */
	struct cx_pos pos;
};

struct table {
	CXCursor canon;		/* canonical declaration, for lookups */
	CXCursor def;		/* the definition with its initializer */
	bool has_def;
	char *name;
	struct consumer *consumer;
	size_t nconsumer, cap;
};

struct walk {
	const struct sentinel_rules *rules;
	struct check_unit *unit;
	struct table *table;
	size_t ntable, tcap;
	CXCursor *stack;	/* ancestors of the cursor being visited */
	size_t depth, scap;
};

/* Does the main-file text at c's start begin with text? */
bool sentinel_starts_with(const struct walk *w, CXCursor c, const char *text);

/* Is the last element of t (initialised by init) all zero? */
bool sentinel_present(const struct walk *w, const struct table *t,
		      CXCursor init, bool *designated);
/* The edits that add '{ }' as the last entry, if they can be made. */
void sentinel_add_fix(struct finding *f, const struct check_unit *u,
		      CXCursor init);
CXCursor sentinel_initializer(CXCursor def);

#endif
