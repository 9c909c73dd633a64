/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * unbalanced-registration, private: the events a function's body holds
 * (register, unregister, assignment) and the small control-flow graph
 * built over libclang's cursor tree that orders them.
 */
#ifndef DRVLINT_UNBALANCED_REGISTRATION_H
#define DRVLINT_UNBALANCED_REGISTRATION_H

#include <stdbool.h>
#include <stddef.h>

#include <clang-c/Index.h>

#include "../check.h"
#include "../cx.h"
#include "../regpairs.h"

#define UR_MAX_ARGS 6

/*
 * An object, named so that two mentions compare as strings:
 *   "g:name"           a variable with static storage
 *   "l:name"           a local variable or parameter (one function only)
 *   "T<type>.m.n"      a member chain on a local or parameter, named by
 *                      the root's type so that probe and remove agree
 *   "g:name.m[]"       members and array elements of a global
 * NULL: not a name (a call's result, an arithmetic expression).
 */
struct ur_obj {
	char *key;
	char *shown;	/* as the source spells it, for messages */
};

enum ur_ev_kind {
	EV_REG,
	EV_UNREG,
	EV_ASSIGN,	/* lhs = value: error codes and hand-overs */
	EV_CALL,	/* a call of another function defined in the file */
};

enum ur_value {
	VAL_OTHER,
	VAL_ERROR,	/* a negative constant, PTR_ERR(), ERR_PTR() */
	VAL_OK,		/* zero or a positive constant */
};

struct ur_event {
	enum ur_ev_kind kind;
	char *name;		/* the called function */
	struct ur_obj arg[UR_MAX_ARGS];
	unsigned int nargs;
	struct ur_obj result;	/* where a register's result went */
	bool ptr_result;	/* the register returns the object */
	bool deferred;		/* released by a callback handed elsewhere */
	bool hoisted;		/* a loop's unregister, applied at its head */
	CXCursor call;		/* null for events made up from a helper */
	struct cx_pos pos;
	/* EV_ASSIGN */
	struct ur_obj lhs, rhs;
	enum ur_value value;
	bool lhs_int;
	int from_reg;		/* the register event whose result is assigned, or -1 */
};

enum ur_node_kind {
	N_PLAIN,
	N_COND,		/* succ[0] when cond holds, succ[1] otherwise */
	N_RETURN,
	N_END,		/* falling off the end of the function */
};

struct ur_node {
	enum ur_node_kind kind;
	CXCursor stmt;		/* condition, return value, or null */
	int succ[2];		/* -1: none */
	size_t ev, nev;		/* events in fn->ev[ev .. ev + nev) */
	struct cx_pos pos;
};

/* What a helper of the file does, for its callers. */
struct ur_helper {
	char *name;
	bool wraps;		/* exactly one register or unregister call */
	struct ur_event ev;	/* that call, objects named as in the helper */
	char **params;		/* parameter names, to put the caller's arguments in */
	unsigned int nparams;
	bool has_unreg;		/* calls some unregister (for callbacks) */
	char **unregs;		/* the unregister functions it calls */
	size_t nunregs, unregcap;
};

struct ur_helpers {
	struct ur_helper *v;
	size_t n, cap;
};

struct ur_func {
	CXCursor decl;
	char *name;
	bool returns_pointer;
	struct cx_pos pos;
	struct ur_event *ev;
	size_t nev, evcap;
	struct ur_node *node;
	size_t nnode, nodecap;
	int entry;
};

/* Name an object expression; key and shown are NULL if it has no name. */
struct ur_obj ur_obj_of(CXCursor e);
/* The same for a call's argument: numbers (dev_t, majors) name nothing. */
struct ur_obj ur_arg_obj(CXCursor arg);
void ur_obj_free(struct ur_obj *o);
struct ur_obj ur_obj_dup(const struct ur_obj *o);
/* Look through parentheses and casts. */
CXCursor ur_strip(CXCursor c);
bool ur_call_named(CXCursor c, const char *name);

/* The object a register or unregister event is about, for one pair. */
const struct ur_obj *ur_event_object(const struct ur_event *e,
				     const struct regpair *p);
/*
 * Same object?  Unknown names match anything; locals only match within
 * one function (cross = false).
 */
bool ur_same_object(const struct ur_obj *a, const struct ur_obj *b,
		    bool cross);

/* Summarise the helpers of the file: which only register or unregister. */
void ur_helpers_collect(struct ur_helpers *h, const struct regpairs *rp,
			CXTranslationUnit tu, CXFile main_file);
void ur_helpers_free(struct ur_helpers *h);
const struct ur_helper *ur_helper_find(const struct ur_helpers *h,
				       const char *name);

/* Build the graph and events of one function definition. */
void ur_func_build(struct ur_func *fn, CXCursor decl,
		   const struct regpairs *rp, const struct ur_helpers *h);
void ur_func_free(struct ur_func *fn);
void ur_event_free(struct ur_event *e);

/* Walk the error paths of one function; add findings to unit. */
void ur_check_error_paths(const struct ur_func *fn, const struct regpairs *rp,
			  struct check_unit *unit);

#endif
