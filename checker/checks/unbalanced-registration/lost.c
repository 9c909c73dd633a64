// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: lost handles.  A register that returns the
 * object (platform_device_register_data(), i2c_new_client_device())
 * kept in a local: when the local goes out of scope with the object
 * still registered -- even on a path that returns 0 -- and it was never
 * stored, returned, handed to another call or unregistered, nothing can
 * unregister it any more.
 *
 * Which locals escape is decided over the whole function, whatever the
 * path: a local passed to any call but a test or a log line, or whose
 * address is taken, or copied anywhere, may be kept there.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "checks/unbalanced-registration/flow.h"

/* Calls that read a handle without keeping it. */
static const char *const readers[] = {
	"IS_ERR",	 "IS_ERR_OR_NULL",    "PTR_ERR",   "PTR_ERR_OR_ZERO",
	"dev_name",	 "_dev_err",	      "_dev_warn", "_dev_info",
	"_dev_notice",	 "__dynamic_dev_dbg", "_printk",   "__dynamic_pr_debug",
	"dev_err_probe", "WARN_ON",
};

static bool reads_only(const char *callee)
{
	for (size_t i = 0; i < sizeof(readers) / sizeof(readers[0]); i++)
		if (!strcmp(callee, readers[i]))
			return true;
	return false;
}

struct escape_scan {
	const char *name; /* the local */
	const struct regpairs *rp;
	bool hit;
};

static enum CXChildVisitResult mentions(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct escape_scan *s = data;
	char *name;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	name = cx_spelling(c);
	s->hit = !strcmp(name, s->name);
	free(name);
	return s->hit ? CXChildVisit_Break : CXChildVisit_Continue;
}

static bool subtree_mentions(CXCursor c, const char *name)
{
	struct escape_scan s = { name, NULL, false };

	if (mentions(c, clang_getNullCursor(), &s) == CXChildVisit_Recurse)
		clang_visitChildren(c, mentions, &s);
	return s.hit;
}

/*
 * The local escapes through a call's argument (other than the register
 * that made it and the calls that only read it), an initialiser list,
 * or '&local'.
 */
static enum CXChildVisitResult escapes(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct escape_scan *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	char *callee;
	int n;

	(void)parent;
	if (k == CXCursor_InitListExpr && subtree_mentions(c, s->name)) {
		s->hit = true;
	} else if (k == CXCursor_UnaryOperator &&
		   cx_operator(c) == CX_OP_ADDR &&
		   subtree_mentions(c, s->name)) {
		s->hit = true;
	} else if (k == CXCursor_CallExpr) {
		callee = cx_spelling(c);
		n = clang_Cursor_getNumArguments(c);
		for (int i = 0; i < n && !reads_only(callee) &&
				!regpairs_is_unregister(s->rp, callee);
		     i++)
			if (subtree_mentions(clang_Cursor_getArgument(c, i),
					     s->name))
				s->hit = true;
		free(callee);
	}
	return s->hit ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* Is the local copied into anything ('other = pdev', 'x.p = pdev')? */
static bool copied(const struct ur_func *fn, const char *key)
{
	for (size_t i = 0; i < fn->nev; i++) {
		const struct ur_event *a = &fn->ev[i];

		if (a->kind == EV_ASSIGN && a->rhs.key &&
		    !strcmp(a->rhs.key, key) &&
		    (!a->lhs.key || strcmp(a->lhs.key, key)))
			return true;
	}
	return false;
}

/*
 * Another pair undoes the register through one of its arguments
 * (remove_proc_entry() by the name proc_create() was given): the
 * returned handle is not needed to undo it.
 */
static bool undone_without_handle(const struct regpairs *rp, const char *reg)
{
	for (size_t i = 0; i < rp->n; i++)
		if (!strcmp(rp->v[i].reg, reg) && rp->v[i].reg_arg != 0)
			return true;
	return false;
}

uint64_t ur_lost_candidates(const struct ur_flow *f)
{
	uint64_t bits = 0;

	for (unsigned int b = 0; b < f->nreg; b++) {
		const struct ur_event *r = ur_reg_event(f, b);
		const struct regpair *p = f->reg_pair[b];
		struct escape_scan s = { 0 };

		if (!p || p->reg_arg != 0 || !r->ptr_result || !r->result.key ||
		    strncmp(r->result.key, "l:", 2) || r->looped)
			continue;
		if (copied(f->fn, r->result.key) ||
		    undone_without_handle(f->rp, r->name))
			continue;
		s.name = r->result.key + 2;
		s.rp = f->rp;
		clang_visitChildren(f->fn->decl, escapes, &s);
		if (!s.hit)
			bits |= 1ULL << b;
	}
	return bits;
}
