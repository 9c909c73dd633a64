/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * unbalanced-registration, private to the walk over one function's
 * paths: the state a path carries and the walk's tables.  The walk
 * (paths.c) moves states through the graph,
 * conditions refine them (conds.c), and the unwinding forms -- order,
 * double and stray unregisters, devm_ objects unregistered by hand --
 * are judged as unregisters are met (unwind.c).
 */
#ifndef DRVLINT_UNBALANCED_REGISTRATION_FLOW_H
#define DRVLINT_UNBALANCED_REGISTRATION_FLOW_H

#include <stdint.h>
#include <string.h>

#include "checks/unbalanced-registration/internal.h"

#define UR_BITS 64

/*
 * Bits over register events (live .. undone), status variables (err),
 * unregistered objects ('slots': gone, devm) and order candidates
 * (early).
 */
struct ur_state {
	uint64_t live; /* registered, not undone, not handed over */
	uint64_t fresh; /* result not tested yet */
	uint64_t err; /* status variables that may hold an error */
	uint64_t ran; /* registers met on this path */
	uint64_t failed; /* ... whose test said they failed */
	uint64_t undone; /* ... unregistered since */
	uint64_t gone; /* slots unregistered on this path */
	uint64_t devm; /* slots registered by a devm_ form */
	uint64_t early; /* order candidates met, not confirmed */
	uint64_t known; /* flags whose value this path knows */
	uint64_t same; /* ... equal to the constant they are tested with */
	uint64_t merged; /* non-zero: several paths merged into one */
	/*
	 * Registers whose pair a devm action added earlier on this path
	 * undoes: once made, the action's (drivers/platform/x86/
	 * asus-tf103c-dock.c adds it first).
	 */
	uint64_t handed;
};

/* An object some unregister of the function names. */
struct ur_slot {
	const char *key, *shown;
	const char *unreg; /* the unregister function */
	int first; /* the first unregister event naming it */
};

/* 'U(a)' met while 'c', registered after 'a', was still held. */
struct ur_order {
	size_t u_ev; /* U(a) */
	unsigned int a, c; /* register bits */
	int late_ev; /* U(c) later on that path, or -1 */
};

/* A variable the conditions test against one constant ('found', 'ret'). */
struct ur_flag {
	char *key; /* owned */
	long long k;
};

/* Per event: what the unwinding forms found there. */
enum {
	UW_DOUBLE = 1, /* unregistered twice on a path */
	UW_STRAY = 2, /* never registered on a path that registers others */
	UW_FAILED = 4, /* unregistered although its register failed */
	UW_DEVM = 8, /* registered by a devm_ form on this path */
};

struct ur_flow {
	const struct ur_func *fn;
	const struct regpairs *rp;
	int reg_ev[UR_BITS]; /* bit -> register event */
	const struct regpair *reg_pair[UR_BITS];
	unsigned int nreg;
	const char *var[UR_BITS]; /* bit -> status variable key */
	unsigned int nvar;
	struct ur_slot slot[UR_BITS];
	unsigned int nslot;
	struct ur_order order[UR_BITS];
	unsigned int norder;
	struct ur_flag flag[UR_BITS];
	unsigned int nflag;
	unsigned char *found; /* per event: UW_* */
	const struct ur_func *const *kept_by; /* module exit's functions */
	size_t nkept;
	const struct strset *managed; /* objects of managed allocations */
	uint64_t lost; /* registers whose handle, a local, never escapes */
	bool permanent; /* built-in init code with no exit: reports nothing */
	/*
	 * Bits nreg .. nbits: what called functions of the file leave
	 * registered when they fail (virt[b - nreg], made up at the call).
	 */
	unsigned int nbits;
	/*
	 * Of those, the bits of what they leave when they succeed (their
	 * 'leaves'): live only after a successful call, and this function's
	 * to undo.
	 */
	uint64_t leaves;
	struct ur_event *virt;
	struct ur_helpers *helpers;
	/*
	 * Summary mode: report nothing, collect what failing returns leave
	 * for the callers into out.
	 */
	bool summary;
	struct ur_event *out;
	size_t nout, outcap;
	/* ... and what its successful returns leave (the helper's leaves). */
	struct ur_event *left;
	size_t nleft, leftcap;
};

static inline const struct ur_event *ur_reg_event(const struct ur_flow *f,
						  unsigned int b)
{
	return b < f->nreg ? &f->fn->ev[f->reg_ev[b]] : &f->virt[b - f->nreg];
}

/*
 * Pending registers: the callees' summaries made into register bits at
 * their calls, objects named in the caller; whether a failing return may
 * leave a bit's object to the callers.
 */
void ur_pending_index(struct ur_flow *f);
void ur_pending_call(const struct ur_flow *f, struct ur_state *s, size_t ev);
/* Is bit b's object, left at a failing return, cleared by every call? */
bool ur_pending_defers(const struct ur_flow *f, unsigned int b);
/* Which of the callees' entries this caller cleared (bits in handled). */
void ur_pending_tell(const struct ur_flow *f, uint64_t handled);
void ur_pending_add(struct ur_flow *f, unsigned int b);
/* Bit b is live at a successful return: into the leaves summary. */
void ur_leaves_add(struct ur_flow *f, unsigned int b);
void ur_pending_done(struct ur_flow *f);

/* The bit of register event ev, or -1. */
static inline int ur_reg_bit(const struct ur_flow *f, size_t ev)
{
	for (unsigned int i = 0; i < f->nreg; i++)
		if (f->reg_ev[i] == (int)ev)
			return (int)i;
	return -1;
}

/* The bit of status variable key, or -1. */
static inline int ur_var_bit(const struct ur_flow *f, const char *key)
{
	for (unsigned int i = 0; key && i < f->nvar; i++)
		if (!strcmp(f->var[i], key))
			return (int)i;
	return -1;
}

/* Learn from condition c having the value 'holds' (node n's events). */
void ur_refine(const struct ur_flow *f, const struct ur_node *n,
	       struct ur_state *s, CXCursor c, bool holds);

/*
 * A statement expression's test: WARN_ON(c) is '({ int __ret_warn_on =
 * !!(c); ...; unlikely(__ret_warn_on); })'; null if not of that shape.
 */
CXCursor ur_stmt_expr_test(CXCursor c);

/*
 * Flags: the paths keep what the tests of a variable said, so that a
 * second test of it ('if (!found)' after 'found = true', 'if (param)'
 * after 'if (!param)') takes only the branch that can run.
 */
void ur_flags_index(struct ur_flow *f);
void ur_flags_free(struct ur_flow *f);
bool ur_flags_possible(const struct ur_flow *f, const struct ur_state *s,
		       CXCursor c, bool holds);
void ur_flags_learn(const struct ur_flow *f, struct ur_state *s, CXCursor c,
		    bool holds);
void ur_flags_assign(const struct ur_flow *f, struct ur_state *s,
		     const struct ur_event *a);

/*
 * Registers (bits) that return their object into a local that is never
 * stored, copied, handed to a call or returned: when such a local goes
 * out of scope with the object registered, the handle is lost.
 */
uint64_t ur_lost_candidates(const struct ur_flow *f);

/* The unwinding forms: tables, then the events as the walk meets them. */
void ur_unwind_index(struct ur_flow *f);
void ur_unwind_reg(const struct ur_flow *f, struct ur_state *s, unsigned int b);
void ur_unwind_unreg(struct ur_flow *f, struct ur_state *s, size_t ev);
void ur_unwind_devm(const struct ur_flow *f, struct ur_state *s,
		    const struct ur_event *d);
void ur_unwind_assign(const struct ur_flow *f, struct ur_state *s,
		      const struct ur_event *a);
void ur_unwind_report(const struct ur_flow *f, struct check_unit *unit);

#endif
