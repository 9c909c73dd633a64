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

#include "core/check.h"
#include "lib/cx.h"
#include "core/regpairs.h"
#include "lib/strset.h"

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
	char *shown; /* as the source spells it, for messages */
	/*
	 * A member of a global array's element, also named by the element's
	 * type ("T<type>.m"), or NULL: between functions it may be reached
	 * through a pointer to the element.
	 */
	char *typed;
	/*
	 * The same object named through the member a local is copied to or
	 * from ('STm->cdevs[rew] = cdev', 'iboe = &ibdev->iboe'), in the
	 * function that copies it.  NULL if none.
	 */
	char *alias;
	/*
	 * A member chain on a local: the local's key and the chain after it
	 * ("l:iboe", ".nb"), to name it again once the local is known to be
	 * a copy of a member.  NULL otherwise.
	 */
	char *root, *path;
	/*
	 * Passed by address ('&priv->misc'): static or embedded in another
	 * object, so its unregister frees nothing.  An object held by pointer
	 * may be freed by its unregister (cdev_del() of a cdev_alloc() cdev).
	 */
	bool embedded;
};

enum ur_ev_kind {
	EV_REG,
	EV_UNREG,
	EV_ASSIGN, /* lhs = value: error codes and hand-overs */
	EV_CALL, /* a call of another function defined in the file */
	EV_DEVM, /* a register's managed (devm_) form */
	/*
	 * 'v4l2_device_put(&dev->v4l2_dev)', a put of no pair: it undoes an
	 * object whose release callback the function set (at_put).
	 */
	EV_PUT,
};

enum ur_value {
	VAL_OTHER,
	VAL_ERROR, /* a negative constant, PTR_ERR(), ERR_PTR() */
	VAL_OK, /* zero or a positive constant */
};

struct ur_event {
	enum ur_ev_kind kind;
	char *name; /* the called function */
	struct ur_obj arg[UR_MAX_ARGS];
	unsigned int nargs;
	struct ur_obj result; /* where a register's result went */
	struct ur_obj status; /* 'ret = PTR_ERR_OR_ZERO(result)' */
	bool ptr_result; /* the register returns the object */
	bool ok_result; /* its result is true on success (a bool helper) */
	bool deferred; /* released by a callback handed elsewhere */
	bool devm_action; /* ... to a devm action: for what follows too */
	/*
	 * ... set in a member ('v4l2_dev.release = foo_release'): it runs at
	 * the last put, so on this function's paths only a put undoes.
	 */
	bool at_put;
	bool indirect; /* an unregister inside a called function of the file */
	bool teardown; /* ... of one that registers nothing */
	/*
	 * One file of an attribute group removed whole: arg[0] the
	 * attribute, arg[1] the device attribute around it (or no name).
	 */
	bool grouped;
	bool wrapper; /* EV_CALL of a helper that wraps one call (ev.wraps) */
	bool wrapped; /* EV_REG or EV_UNREG made from such a helper's call */
	/*
	 * An unregister that drops a reference ('kobject_put()'): it also
	 * belongs after a failed register and after the other unregister,
	 * so the unwinding forms do not judge it.
	 */
	bool release;
	bool hoisted; /* a copy of a loop's or an if's unregister */
	bool looped; /* inside a loop's body: may run many times */
	bool guarded; /* under a test of the object or of a flag */
	/*
	 * EV_ASSIGN: lhs comes from a managed allocation ('input =
	 * devm_input_allocate_device(dev)', 'snd_devm_card_new(..., &card)'):
	 * the driver core releases it, registered or not.
	 */
	bool managed;
	const struct regpair *devm; /* EV_DEVM: the pair it is a form of */
	CXCursor call; /* null for events made up from a helper */
	struct cx_pos pos;
	/*
	 * A register a called function of the file leaves when it fails: in
	 * the caller's made-up event, its entry of the callee's summary
	 * (pend); in the summary, the calls that met it and those that
	 * cleared it (the caller undid it, or left it to callers that did).
	 */
	struct ur_event *pend;
	unsigned int sites, handled;
	/* EV_ASSIGN */
	struct ur_obj lhs, rhs;
	enum ur_value value;
	bool lhs_int;
	bool err_of; /* lhs = PTR_ERR_OR_ZERO(rhs) */
	/*
	 * lhs, a local, gets the private area of the local owner ('chip =
	 * card->private_data', 'priv = netdev_priv(ndev)'): what is stored
	 * in it is reached through owner only.  NULL otherwise.
	 */
	char *owner;
	bool has_const; /* lhs = cval, an integer constant */
	long long cval;
	int from_reg; /* the register (or helper call) event assigned, or -1 */
};

enum ur_node_kind {
	N_PLAIN,
	N_COND, /* succ[0] when cond holds, succ[1] otherwise */
	N_RETURN,
	N_END, /* falling off the end of the function */
};

struct ur_node {
	enum ur_node_kind kind;
	CXCursor stmt; /* condition, return value, or null */
	int succ[2]; /* -1: none */
	size_t ev, nev; /* events in fn->ev[ev .. ev + nev) */
	struct cx_pos pos;
};

/* What a helper of the file does, for its callers. */
struct ur_helper {
	char *name;
	bool wraps; /* exactly one register or unregister call */
	struct ur_event ev; /* that call, objects named as in the helper */
	char **params; /* parameter names, to put the caller's arguments in */
	unsigned int nparams;
	bool returns_bool; /* true: registered ('if (foo_register_all())') */
	bool has_unreg; /* calls some unregister (for callbacks) */
	bool has_reg; /* calls some register, itself or through helpers */
	/* The files of the attribute groups it removes, itself or below. */
	struct ur_obj *group;
	size_t ngroup, groupcap;
	char **unregs; /* the unregister functions it calls */
	size_t nunregs, unregcap;
	/*
	 * What it may leave registered when it fails, objects its callers
	 * can reach (members, globals, its parameters): their error paths
	 * must undo it.  Named as in the function.
	 */
	struct ur_event *pending;
	size_t npending;
	/*
	 * What it leaves registered when it succeeds, objects its callers
	 * can reach: a register function for its callers, whose error paths
	 * after a successful call must undo it.  Named as in the function.
	 * Not for a wrapper of one call (wraps), whose call is the register.
	 */
	struct ur_event *leaves;
	size_t nleaves;
	bool returns_status; /* returns an integer or a bool: the result */
	bool returns_void;
};

struct ur_helpers {
	struct ur_helper *v;
	size_t n, cap;
	/* v by name once collected: index + 1, 0 empty; nslot >= 2n */
	size_t *slot;
	size_t nslot;
};

/* Building one function's graph and events. */
struct ur_build {
	struct ur_func *fn;
	const struct regpairs *rp;
	const struct ur_helpers *helpers;
	int end;
	int brk, cont; /* -1 outside loops and switches */
	int *cases; /* the case nodes of the innermost switch */
	size_t ncases, casecap;
	int dflt;
	char **label; /* label names and their nodes */
	int *label_node;
	size_t nlabel, labelcap;
	bool hoist; /* collecting the copies of unregisters */
	unsigned int loops; /* loop bodies around the statement */
	CXCursor *guards; /* conditions of the ifs around it */
	size_t nguards, guardcap;
};

struct ur_func {
	CXCursor decl;
	char *name;
	bool returns_pointer;
	bool init_text; /* declared __init: runs once, at boot or load */
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
/* 'foo_release' or '&foo_release': the function's name, else NULL. */
char *ur_function_ref(CXCursor a);
void ur_obj_free(struct ur_obj *o);
struct ur_obj ur_obj_dup(const struct ur_obj *o);
/* The first pair with this register, unregister or devm_ form, or NULL. */
const struct regpair *ur_reg_pair(const struct regpairs *rp, const char *reg);
const struct regpair *ur_unreg_pair(const struct regpairs *rp,
				    const char *unreg);
const struct regpair *ur_devm_pair(const struct regpairs *rp, const char *devm);

/* The object a register or unregister event is about, for one pair. */
const struct ur_obj *ur_event_object(const struct ur_event *e,
				     const struct regpair *p);
/*
 * The attributes an unregister call's attribute group lists ('.attrs' of
 * '&foo_group'), into *out; their number.
 */
size_t ur_group_members(CXCursor call, struct ur_obj **out);
/* '&foo.dev_attr.attr' without '.attr': the device attribute, or no name. */
struct ur_obj ur_group_outer(const struct ur_obj *o);

/* Does unregister u undo register r (cross: between functions)? */
bool ur_undoes(const struct regpairs *rp, const struct ur_event *r,
	       const struct ur_event *u, bool cross);

/*
 * How messages name e's object: as the source spells it ("priv->misc",
 * "devt" for a number), or "the object"; the caller frees.
 */
char *ur_label(const struct ur_event *e, const struct regpair *p);
/*
 * Same object?  Unknown names match anything; locals only match within
 * one function (cross = false), and so do the members of a global
 * array's element named by type.
 */
bool ur_same_object(const struct ur_obj *a, const struct ur_obj *b, bool cross);

/*
 * Is a missing unregister of o (registered through pair p) reported?
 * Driver-core pairs always; subsystem pairs unless the object comes from
 * a managed allocation (managed: the keys of such objects in the unit),
 * which the driver core releases, registered or not (a local: in the
 * function fn that registers it).  And at which
 * severity: subsystem pairs are notes.
 */
bool ur_pair_reportable(const struct regpair *p, const struct ur_obj *o,
			const struct strset *managed, const char *fn);
enum severity ur_pair_severity(const struct regpair *p);
/*
 * Registered under a parent that takes it along (a debugfs file in a
 * directory, a device link): the parent's to undo, no finding.
 */
bool ur_with_parent(const struct ur_event *r, const struct regpair *p);

/*
 * The keys of the objects the unit's functions get from managed
 * allocations, and the parameters of the file's functions given one.
 */
struct ur_func;
void ur_managed_collect(struct strset *managed, const struct ur_func *fns,
			size_t nfns, const struct ur_helpers *hs);

/* The caller's argument for a helper's object named after its parameter. */
struct ur_obj ur_helper_arg(const struct ur_helper *h, const struct ur_obj *o,
			    CXCursor call);

/* Summarise the helpers of the file: which only register or unregister. */
void ur_helpers_collect(struct ur_helpers *h, const struct regpairs *rp,
			CXTranslationUnit tu, CXFile main_file);
void ur_helpers_free(struct ur_helpers *h);
const struct ur_helper *ur_helper_find(const struct ur_helpers *h,
				       const char *name);

/* The events of an expression or leaf statement, in evaluation order. */
void ur_collect(struct ur_build *b, CXCursor c, struct ur_node *node);

/* Build the graph and events of one function definition. */
void ur_func_build(struct ur_func *fn, CXCursor decl, const struct regpairs *rp,
		   const struct ur_helpers *h);
void ur_func_free(struct ur_func *fn);
void ur_event_free(struct ur_event *e);

/*
 * Walk the error paths of one function; add findings to unit.  A global
 * that an unregister in kept_by[] (module exit and the functions it
 * calls) undoes is kept registered, not leaked, by a failing return.
 */
struct ur_paths {
	const struct regpairs *rp;
	struct check_unit *unit;
	const struct ur_func *const *kept_by;
	size_t nkept;
	const struct strset *managed;
	/*
	 * The function is built-in init code of a file with no exit: what it
	 * registers is there for good, by design, even when it fails.
	 */
	bool permanent;
	bool builtin; /* the file is built-in and has no exit */
	bool module; /* the unit is compiled as (part of) a module */
	bool no_exit; /* the file has no module exit */
	/*
	 * The file's functions, with what each leaves when it fails; checked
	 * callers first, they tell each entry whether they cleared it.
	 */
	struct ur_helpers *helpers;
};

void ur_check_error_paths(const struct ur_func *fn, const struct ur_paths *ctx);

/* What a function leaves its callers: its helper's pending and leaves. */
struct ur_summary {
	struct ur_event *pending, *leaves;
	size_t npending, nleaves;
};

/*
 * The same walk, reporting nothing: what fn leaves registered on its
 * failing returns and on its successful ones, for its callers.
 */
void ur_pending_of(const struct ur_func *fn, const struct ur_paths *ctx,
		   struct ur_summary *out);
void ur_pending_free(struct ur_event *v, size_t n);

/* The roles of a file's functions, by name. */
struct ur_names {
	char **v;
	size_t n, cap;
};

struct ur_driver {
	char *probe, *remove; /* remove: NULL when the driver has none */
	char *alt_probe; /* .connect (serio, gameport), .add (ACPI) */
	char *name; /* the driver structure */
	struct cx_pos pos;
	bool no_unbind; /* .suppress_bind_attrs: no unbind through sysfs */
};

struct ur_roles {
	struct ur_names init, exit; /* module_init(), module_exit() */
	/* An init is a built-in initcall: the file is not built as a module. */
	bool builtin;
	struct ur_driver *drv; /* structures with .probe and .remove */
	size_t ndrv, drvcap;
};

void ur_roles_find(CXTranslationUnit tu, CXFile main_file, struct ur_roles *r);
void ur_roles_free(struct ur_roles *r);

/*
 * Does register event c use what register event a (of pair pa)
 * registered: its arguments name it ('device_create(cls, ...)' after
 * 'cls = class_create()', 'cdev_add(&cdev, devt, 1)' after
 * 'alloc_chrdev_region(&devt, ...)'), or the static object it registers
 * points at it ('.bus = &foo_bus')?  The order of undoing matters only
 * then.
 */
bool ur_depends(const struct ur_event *c, const struct ur_event *a,
		const struct regpair *pa);

/*
 * Module exit's (remove's) unwinding against what module init (probe)
 * registered, a and b being the roots: the order, and with 'managed'
 * (probe and remove) unregisters of devm_-registered objects.
 */
void ur_check_sides(const struct regpairs *rp, struct check_unit *unit,
		    const struct ur_func *a, const struct ur_func *b,
		    const struct ur_func *fns, size_t nfns, bool managed);

/* The Coccinelle file selection's test (cocci_select.c). */
bool ur_cocci_select(const struct ctok_text *text, const struct strset *words);

#endif
