/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the halves of registration-flag share: the walk that collects
 * register calls and flag writes (registration-flag.c), and the evidence
 * that links a write to a registration (registration-flag-link.c).
 */
#ifndef DRVLINT_REGISTRATION_FLAG_H
#define DRVLINT_REGISTRATION_FLAG_H

#include <stdbool.h>

#include "core/check.h"
#include "lib/cx.h"
#include "lib/cx_map.h"
#include "core/regpairs.h"

#define RULE_ID "registration-flag"

/* Ancestors from the top-level declaration down to the cursor itself. */
struct path {
	CXCursor *c;
	size_t n;
};

#define RF_KEYS 8

/* A call of a function from the pairs list. */
struct call {
	struct path path;
	char *name;
	bool is_reg, is_unreg;
	bool returns_pointer;
	unsigned int offset;
	CXCursor result; /* the VarDecl or LHS its result goes to, or null */
	/*
	 * The object key of argument i (0: the result), computed once when
	 * first asked for: a call is compared with many others.
	 */
	char *key[RF_KEYS];
	unsigned int key_known; /* bit i: key[i] is computed */
};

enum write_kind {
	SET_CONST, /* F = true, F = 1 */
	SET_EXPR, /* F = <something non-constant> */
	CLEAR, /* F = false, F = 0 */
	OTHER_CONST, /* F = -ENOMEM, F = PORT_16550: no flag */
};

/* An assignment to a bool or integer variable or member. */
struct write {
	struct path path;
	CXCursor flag; /* canonical VarDecl or FieldDecl */
	CXCursor value;
	enum write_kind kind;
	struct cx_pos pos;
};

/* Evidence that one flag mirrors one registration. */
struct link {
	const struct write *write;
	const struct call *reg, *unreg; /* the pair */
	const struct regpair *pair;
	bool mirror; /* cleared after U, guards R */
	struct cx_pos guard;
};

struct walk {
	const struct regpairs *rules;
	struct check_unit *unit;
	struct cx_walk wk; /* the cursor being visited and its ancestors */
	struct call *call;
	size_t ncall, ccap;
	struct write *write;
	size_t nwrite, wcap;
	struct link *link;
	size_t nlink, lcap;
	/*
	 * The calls of each function, call[lo..hi) (a function's calls are
	 * recorded together): a function's questions look at its own calls.
	 */
	struct cx_map fn_calls; /* function cursor -> index in fn_range */
	struct call_range {
		size_t lo, hi;
	} *fn_range;
	size_t nfn, fncap;
	/* Variables given other constants or a register call's result. */
	struct cx_map many_states;
	/*
	 * The register calls whose result goes to each variable, in call
	 * order (is each list's offset order the same?).
	 */
	struct cx_map stores; /* canonical variable -> index in store */
	struct store_list {
		size_t *call;
		size_t n, cap;
		bool in_order;
	} *store;
	size_t nstore, storecap;
	/*
	 * For each flag, the unregister calls only reached with it set and
	 * the register calls only reached with it clear (each side found
	 * once, from the flags each call's path tests): a flag guards one or
	 * two calls, and a write of it is linked only to those.
	 */
	struct cx_map guards; /* canonical flag -> index in guard */
	struct guard_list {
		struct guarded_call {
			size_t call;
			struct cx_pos at; /* the test */
		} *v[2]; /* [1]: unregisters, [0]: registers */
		size_t n[2], cap[2];
	} *guard;
	size_t nguard, guardcap;
	bool guards_known[2];
};

/* Index the calls and writes, once the walk is done (index.c). */
void rf_index_calls(struct walk *w);
/* The calls of function fn: call[*lo..*hi). */
void rf_calls_of(const struct walk *w, CXCursor fn, size_t *lo, size_t *hi);
/* The last register call of fn before offset at whose result v holds. */
const struct call *rf_call_stored_in(const struct walk *w, CXCursor v,
				     CXCursor fn, unsigned int at);
/*
 * A flag has two states: not a variable also given other constants or
 * a register call's result.
 */
bool rf_two_state(const struct walk *w, CXCursor flag);

/* The variable or member an lvalue names, if it can hold a flag. */
bool rf_flag_of(CXCursor e, CXCursor *flag);
bool rf_is_bool(CXCursor flag);
bool rf_is_flag(CXCursor e, CXCursor flag);
/* Are the register call and the unregister call about the same object? */
bool rf_same_object(struct call *reg, struct call *unreg,
		    const struct regpair *pair);

/* Link one write of a flag to the registrations it mirrors. */
void rf_link_write(struct walk *w, const struct write *wr);

/* The Coccinelle file selection's test (cocci_select.c). */
bool flag_cocci_select(const struct ctok_text *text,
		       const struct strset *words);

/* The register call whose failure (success) cond having the value holds
 * means, within function fn; or NULL. */
const struct call *rf_failure_of(const struct walk *w, CXCursor cond,
				 bool holds, CXCursor fn);
const struct call *rf_success_of(const struct walk *w, CXCursor cond,
				 bool holds, CXCursor fn);
/* The register call whose result e is, within function fn; or NULL. */
const struct call *rf_result_of(const struct walk *w, CXCursor e, CXCursor fn);
/* Does the statement always leave the block (return, goto, break)? */
bool rf_exits(CXCursor s);

/*
 * Is the flag of a link redundant: its registration mandatory in an init
 * or probe function (its failure fails the function), and the flag never
 * written but there and in teardown, so that it is always true where the
 * teardown tests it?  (mandatory.c)
 */
struct rf_roles;
struct rf_roles *rf_roles_new(const struct walk *w);
void rf_roles_free(struct rf_roles *r);
bool rf_redundant(const struct walk *w, struct rf_roles *roles,
		  const struct link *l);

#endif
