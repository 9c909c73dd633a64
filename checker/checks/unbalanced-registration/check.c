// SPDX-License-Identifier: GPL-2.0-only
/*
 * unbalanced-registration: a register call without its unregister on
 * some way out.
 *
 * A driver that registers a driver, device, class, bus, char device or
 * misc device and does not unregister it leaks it; once the module is
 * unloaded the driver core calls into freed code.  Three ways out are
 * checked, each against rules/register-pairs.list:
 *  - module init and exit: what init registers (itself or through the
 *    file's functions it calls) exit must unregister;
 *  - probe and remove, found in the driver structure's initialiser;
 *  - error paths, in any function: after R(x) succeeded, a return of
 *    failure must be preceded by U(x) (unbalanced-registration-paths.c).
 * and the unwinding itself: its order, double and stray unregisters,
 * devm_ objects unregistered by hand (-unwind.c within a function,
 * -order.c for exit and remove).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "checks/unbalanced-registration/internal.h"
#include "checks/unbalanced-registration/pairs.h"
#include "lib/strset.h"
#include "lib/util.h"

#define RULE_ID "unbalanced-registration"
#define MAX_DEPTH 2 /* helpers followed below init/exit, probe/remove */
#define PENDING_PASSES 3 /* callers of callers that pass failures on */

struct funcs {
	struct ur_func *v;
	size_t n, cap;
};

/* Module init and exit, or a driver's probe and remove. */
struct side {
	const struct ur_func **v;
	size_t n, cap;
};

/* ---- rules ---- */

static void *ur_init(const struct check_config *cfg, char *err, size_t errlen)
{
	struct regpairs *rp = xcalloc(1, sizeof(*rp));

	if (regpairs_load(rp, cfg->rules_dir, err, errlen)) {
		free(rp);
		return NULL;
	}
	return rp;
}

static void ur_fini(void *state)
{
	if (!state)
		return;
	regpairs_free(state);
	free(state);
}

static bool ur_prefilter_keys(const void *state, struct strset *keys)
{
	regpairs_prefilter_keys(state, keys);
	return true;
}

/* ---- functions of the file ---- */

/* The walk over the file's function definitions. */
struct func_walk {
	struct funcs *fs;
	const struct regpairs *rp;
	const struct ur_helpers *helpers;
	CXFile main_file;
};

static enum CXChildVisitResult collect_funcs(CXCursor c, CXCursor parent,
					     CXClientData data)
{
	const struct func_walk *w = data;
	struct funcs *fs = w->fs;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c) || !cx_in_file(c, w->main_file))
		return CXChildVisit_Continue;
	GROW(fs->v, fs->cap, fs->n);
	ur_func_build(&fs->v[fs->n++], c, w->rp, w->helpers);
	return CXChildVisit_Continue;
}

static const struct ur_func *func_named(const struct funcs *fs,
					const char *name)
{
	for (size_t i = 0; name && i < fs->n; i++)
		if (!strcmp(fs->v[i].name, name))
			return &fs->v[i];
	return NULL;
}

static bool in_side(const struct side *s, const struct ur_func *fn)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == fn)
			return true;
	return false;
}

static void side_add(struct side *s, const struct ur_func *fn)
{
	if (!fn || in_side(s, fn))
		return;
	GROW(s->v, s->cap, s->n);
	s->v[s->n++] = fn;
}

/* The functions roots call, MAX_DEPTH levels down, all in the side. */
static void side_close(struct side *s, const struct funcs *fs)
{
	size_t from = 0;

	for (int depth = 0; depth < MAX_DEPTH; depth++) {
		size_t to = s->n;

		for (size_t i = from; i < to; i++)
			for (size_t j = 0; j < s->v[i]->nev; j++)
				if (s->v[i]->ev[j].kind == EV_CALL &&
				    !s->v[i]->ev[j].wrapper)
					side_add(s,
						 func_named(
							 fs,
							 s->v[i]->ev[j].name));
		from = to;
	}
}

/* ---- does the other side unregister? ---- */

struct balance {
	const struct regpairs *rp;
	struct check_unit *unit;
	const struct side *a, *b;
	const char *a_role, *b_role; /* "module init", "probe" */
	const struct ur_func *b_root;
	const struct strset *managed;
	const struct funcs *fs;
};

static bool undoes(const struct balance *bl, const struct ur_event *r,
		   const struct ur_event *u)
{
	const struct regpair *p;

	if (u->kind != EV_UNREG || u->indirect)
		return false;
	if (!u->deferred)
		return ur_undoes(bl->rp, r, u, true);
	p = regpairs_find(bl->rp, r->name, u->name);
	return p != NULL;
}

/* Unregistered on the other side, or handed to a callback on this one. */
static bool undone(const struct balance *bl, const struct ur_event *r)
{
	for (size_t i = 0; i < bl->b->n; i++)
		for (size_t j = 0; j < bl->b->v[i]->nev; j++)
			if (undoes(bl, r, &bl->b->v[i]->ev[j]))
				return true;
	for (size_t i = 0; i < bl->a->n; i++)
		for (size_t j = 0; j < bl->a->v[i]->nev; j++)
			if (bl->a->v[i]->ev[j].deferred &&
			    undoes(bl, r, &bl->a->v[i]->ev[j]))
				return true;
	return false;
}

static void report_unbalanced(const struct balance *bl,
			      const struct ur_func *fn,
			      const struct ur_event *r, const struct regpair *p)
{
	char *shown = ur_label(r, p);
	struct check_unit *u = bl->unit;
	struct finding *f;
	char *msg, *rel;

	msg = xasprintf(
		"'%s' registered by %s() in %s() (%s) is never unregistered in %s(), the %s: call %s() there",
		shown, r->name, fn->name, bl->a_role, bl->b_root->name,
		bl->b_role, p->unreg);
	f = finding_add(u->findings, RULE_ID, ur_pair_severity(p), u->path,
			r->pos.line, r->pos.column, shown, msg);
	rel = xasprintf("%s %s() does not call %s()", bl->b_role,
			bl->b_root->name, p->unreg);
	finding_add_related(f, u->path, bl->b_root->pos.line,
			    bl->b_root->pos.column, rel);
	free(rel);
	free(msg);
	free(shown);
}

/*
 * The registrations of a's functions that b's leave in place: the
 * reportable ones (a listed pair, on an object the driver owns, not
 * undone).  A register whose result (the object) is dropped cannot be
 * undone by the driver at all: its parent owns it (i2c_new_client_device()
 * on the driver's own adapter, removed by i2c_del_adapter()).
 */
static void each_left_registered(const struct balance *bl,
				 void (*fn)(const struct balance *bl,
					    const void *ctx,
					    const struct ur_func *f,
					    const struct ur_event *r,
					    const struct regpair *p),
				 const void *ctx)
{
	for (size_t i = 0; i < bl->a->n; i++) {
		const struct ur_func *f = bl->a->v[i];

		for (size_t j = 0; j < f->nev; j++) {
			const struct ur_event *r = &f->ev[j];
			const struct regpair *p;

			if (r->kind != EV_REG || r->hoisted)
				continue;
			p = ur_reg_pair(bl->rp, r->name);
			if (!p || (p->reg_arg == 0 && !r->result.key) ||
			    ur_with_parent(r, p) ||
			    !ur_pair_reportable(p, ur_event_object(r, p),
						bl->managed, f->name) ||
			    undone(bl, r))
				continue;
			fn(bl, ctx, f, r, p);
		}
	}
}

static void left_unbalanced(const struct balance *bl, const void *ctx,
			    const struct ur_func *f, const struct ur_event *r,
			    const struct regpair *p)
{
	(void)ctx;
	report_unbalanced(bl, f, r, p);
}

static void check_balance(const struct balance *bl)
{
	each_left_registered(bl, left_unbalanced, NULL);
}

static void balance_sides(const struct regpairs *rp, struct check_unit *unit,
			  const struct funcs *fs, struct side *a,
			  struct side *b, const char *a_role,
			  const char *b_role, const struct strset *managed)
{
	struct balance bl = {
		rp, unit, a, b, a_role, b_role, NULL, managed, fs
	};

	/*
	 * A module has one init and one exit (a driver one probe and one
	 * remove); a file with several is no module to pair up.
	 */
	if (a->n != 1 || b->n != 1)
		return;
	bl.b_root = b->v[0];
	ur_check_sides(rp, unit, a->v[0], b->v[0], fs->v, fs->n,
		       !strcmp(a_role, "probe"));
	side_close(a, fs);
	side_close(b, fs);
	check_balance(&bl);
}

/* ---- nothing undoes it: a driver without remove ---- */

static void report_no_remove(const struct balance *bl,
			     const struct ur_driver *drv,
			     const struct ur_func *fn, const struct ur_event *r,
			     const struct regpair *p)
{
	char *shown = ur_label(r, p);
	struct check_unit *u = bl->unit;
	struct finding *f;
	char *msg, *rel;

	msg = xasprintf(
		"'%s' registered by %s() in %s() (probe) is never unregistered: driver '%s' has no remove callback, so it stays registered after every unbind; call %s() in a remove callback%s%s",
		shown, r->name, fn->name, drv->name, p->unreg,
		p->managed ? " or register with " : "",
		p->managed ? p->managed : "");
	f = finding_add(u->findings, RULE_ID, ur_pair_severity(p), u->path,
			r->pos.line, r->pos.column, shown, msg);
	rel = xasprintf("driver '%s' has no remove callback", drv->name);
	finding_add_related(f, u->path, drv->pos.line, drv->pos.column, rel);
	free(rel);
	free(msg);
	free(shown);
}

/*
 * A bus driver with a probe and no remove: what probe registers (itself
 * or through the file's functions, two levels down) stays registered
 * when the device is unbound, and the next bind registers it again.
 * Not for a driver that forbids unbinding through sysfs; a's roots are
 * closed already.
 */
static void left_without_remove(const struct balance *bl, const void *ctx,
				const struct ur_func *f,
				const struct ur_event *r,
				const struct regpair *p)
{
	report_no_remove(bl, ctx, f, r, p);
}

static void check_no_remove(const struct balance *bl,
			    const struct ur_driver *drv)
{
	each_left_registered(bl, left_without_remove, drv);
}

/* ---- the check ---- */

/* The roots' functions of the file, one side of a pairing. */
static void side_of(struct side *s, const struct funcs *fs, char *const *names,
		    size_t n)
{
	for (size_t i = 0; i < n; i++)
		side_add(s, func_named(fs, names[i]));
}

static void balance_roles(const struct regpairs *rp, struct check_unit *unit,
			  const struct funcs *fs, const struct ur_roles *roles,
			  const struct strset *managed)
{
	struct side a = { 0 }, b = { 0 }, fini = { 0 };

	side_of(&a, fs, roles->init.v, roles->init.n);
	side_of(&b, fs, roles->exit.v, roles->exit.n);
	balance_sides(rp, unit, fs, &a, &b, "module init", "module exit",
		      managed);
	side_of(&fini, fs, roles->exit.v, roles->exit.n);
	side_close(&fini, fs);
	for (size_t i = 0; i < roles->ndrv; i++) {
		const struct ur_driver *drv = &roles->drv[i];

		a.n = b.n = 0;
		side_of(&a, fs, &drv->probe, 1);
		if (!drv->remove && !drv->no_unbind && a.n == 1) {
			/*
			 * What module exit undoes stays until then: a PCI
			 * probe that registers a platform driver and device
			 * and fails on purpose (drivers/hwmon/via686a.c).
			 */
			struct balance bl = { rp,    unit,    &a,
					      &fini, "probe", "remove callback",
					      NULL,  managed, fs };

			side_close(&a, fs);
			check_no_remove(&bl, drv);
			continue;
		}
		if (!drv->remove)
			continue;
		side_of(&b, fs, &drv->remove, 1);
		balance_sides(rp, unit, fs, &a, &b, "probe", "remove callback",
			      managed);
	}
	free(a.v);
	free(b.v);
	free(fini.v);
}

/* The helper entry of fn, for writing its summary. */
static struct ur_helper *helper_of(struct ur_helpers *h, const char *name)
{
	const struct ur_helper *x = ur_helper_find(h, name);

	return x ? &h->v[x - h->v] : NULL;
}

/* fs->v[i]'s callees: the functions of the file it calls (EV_CALL). */
struct callees {
	size_t *fn_of; /* helper index -> function index + 1, 0: none */
	struct ur_helpers *h;
};

static size_t callee(const struct callees *c, const struct ur_event *e)
{
	const struct ur_helper *x;

	if (e->kind != EV_CALL)
		return 0;
	x = ur_helper_find(c->h, e->name);
	return x ? c->fn_of[x - c->h->v] : 0;
}

/*
 * The order of the report pass: callers before the functions they call
 * (reversed depth-first post-order; a cycle is cut anywhere), so that a
 * function's summary entries know what its callers did with them.
 */
static size_t *callers_first(const struct funcs *fs, struct ur_helpers *h)
{
	struct callees c = { xcalloc(h->n ? h->n : 1, sizeof(size_t)), h };
	size_t *order = xcalloc(fs->n ? fs->n : 1, sizeof(*order));
	size_t *stack = xcalloc(fs->n ? fs->n : 1, sizeof(*stack));
	size_t *next = xcalloc(fs->n ? fs->n : 1, sizeof(*next));
	bool *seen = xcalloc(fs->n ? fs->n : 1, sizeof(*seen));
	size_t nout = fs->n;

	for (size_t i = 0; i < fs->n; i++) {
		const struct ur_helper *x = ur_helper_find(h, fs->v[i].name);

		if (x)
			c.fn_of[x - h->v] = i + 1;
	}
	for (size_t root = 0; root < fs->n; root++) {
		size_t top = 0;

		if (seen[root])
			continue;
		seen[root] = true;
		stack[top++] = root;
		while (top) {
			size_t i = stack[top - 1], to = 0;

			while (!to && next[i] < fs->v[i].nev) {
				to = callee(&c, &fs->v[i].ev[next[i]++]);
				if (to && seen[to - 1])
					to = 0;
			}
			if (to) {
				seen[to - 1] = true;
				stack[top++] = to - 1;
			} else {
				order[--nout] = i;
				top--;
			}
		}
	}
	free(c.fn_of);
	free(stack);
	free(next);
	free(seen);
	return order;
}

/*
 * What fn's error paths take for granted: globals module exit undoes are
 * kept (not for init itself), and built-in init code of a file with no
 * exit registers for good.
 */
static void set_side(struct ur_paths *ctx, const struct side *init,
		     const struct side *fini, const struct ur_func *fn)
{
	bool in_init = in_side(init, fn);

	ctx->nkept = in_init ? 0 : fini->n;
	/*
	 * So does an __init function of a file with no exit that is not
	 * built as a module: it runs once, at boot (tick_init_sysfs() under
	 * clockevents' initcall, kbd_init() under vty_init()).  Code with an
	 * exit may be a module in another configuration.
	 */
	ctx->permanent = (in_init && ctx->builtin) ||
			 (fn->init_text && ctx->no_exit && !ctx->module);
}

/*
 * What each function leaves registered when it fails and when it
 * succeeds, for its callers: a few passes, so that a caller that passes
 * a callee's on is seen.
 */
static void summarise(struct ur_helpers *h, const struct funcs *fs,
		      struct ur_paths *ctx, const struct side *init,
		      const struct side *fini)
{
	struct ur_summary *next = xcalloc(fs->n ? fs->n : 1, sizeof(*next));
	size_t total = 0;

	for (int pass = 0; pass < PENDING_PASSES; pass++) {
		size_t now = 0;

		for (size_t i = 0; i < fs->n; i++) {
			set_side(ctx, init, fini, &fs->v[i]);
			ur_pending_of(&fs->v[i], ctx, &next[i]);
		}
		for (size_t i = 0; i < fs->n; i++) {
			struct ur_helper *x = helper_of(h, fs->v[i].name);
			struct ur_summary *s = &next[i];

			now += s->npending + s->nleaves;
			if (!x || x->wraps) {
				ur_pending_free(s->leaves, s->nleaves);
				s->leaves = NULL;
				s->nleaves = 0;
			}
			if (!x) {
				ur_pending_free(s->pending, s->npending);
				continue;
			}
			ur_pending_free(x->pending, x->npending);
			x->pending = s->pending;
			x->npending = s->npending;
			ur_pending_free(x->leaves, x->nleaves);
			x->leaves = s->leaves;
			x->nleaves = s->nleaves;
		}
		if (now == total)
			break;
		total = now;
	}
	free(next);
}

/*
 * Every function's error paths.  A function that module init does not
 * call, failing after it registered a global that module exit
 * unregisters, leaks nothing: the object stays registered until exit (a
 * PCI probe that registers a platform driver and fails on purpose, a
 * 'register once' helper).
 */
static void check_error_paths(const struct regpairs *rp,
			      struct check_unit *unit, const struct funcs *fs,
			      const struct ur_roles *roles,
			      const struct strset *managed,
			      struct ur_helpers *helpers)
{
	struct side init = { 0 }, fini = { 0 };
	struct ur_paths ctx = {
		.rp = rp, .unit = unit, .managed = managed, .helpers = helpers
	};
	size_t *order;

	side_of(&init, fs, roles->init.v, roles->init.n);
	side_of(&fini, fs, roles->exit.v, roles->exit.n);
	if (init.n == 1 && fini.n == 1) {
		side_close(&init, fs);
		side_close(&fini, fs);
	} else {
		fini.n = 0;
	}
	ctx.kept_by = fini.v;
	ctx.builtin = roles->builtin && !roles->exit.n;
	ctx.module = unit->module;
	ctx.no_exit = !roles->exit.n;
	summarise(helpers, fs, &ctx, &init, &fini);
	order = callers_first(fs, helpers);
	for (size_t k = 0; k < fs->n; k++) {
		const struct ur_func *fn = &fs->v[order[k]];

		set_side(&ctx, &init, &fini, fn);
		ur_check_error_paths(fn, &ctx);
	}
	free(order);
	free(init.v);
	free(fini.v);
}

static void ur_run(const void *state, struct check_unit *unit)
{
	const struct regpairs *rp = state;
	CXCursor tu = clang_getTranslationUnitCursor(unit->tu);
	struct ur_helpers helpers = { 0 };
	struct funcs fs = { 0 };
	struct ur_roles roles;
	struct strset managed = { 0 };
	struct func_walk fw = { &fs, rp, &helpers, unit->main_file };

	ur_helpers_collect(&helpers, rp, unit->tu, unit->main_file);
	clang_visitChildren(tu, collect_funcs, &fw);
	ur_roles_find(unit->tu, unit->main_file, &roles);
	ur_managed_collect(&managed, fs.v, fs.n, &helpers);
	check_error_paths(rp, unit, &fs, &roles, &managed, &helpers);
	balance_roles(rp, unit, &fs, &roles, &managed);
	strset_free(&managed);
	ur_roles_free(&roles);
	for (size_t i = 0; i < fs.n; i++)
		ur_func_free(&fs.v[i]);
	free(fs.v);
	ur_helpers_free(&helpers);
}

const struct check check_unbalanced_registration = {
	.id = RULE_ID,
	.summary =
		"register call without its unregister on some way out (exit, remove, error path)",
	.init = ur_init,
	.fini = ur_fini,
	.prefilter_keys = ur_prefilter_keys,
	.cocci_select = ur_cocci_select,
	.run = ur_run,
	.command = &pairs_command,
};
