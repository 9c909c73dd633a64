/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 'drvlint pairs --mine': candidate register/unregister pairs mined from
 * the code, for rules/register-pairs.list.  Two kinds of evidence:
 * functions the units see declared in headers whose names pair up
 * (foo_register/foo_unregister, foo_add/foo_del, foo_create/foo_destroy,
 * foo_install/foo_uninstall, foo_attach/foo_detach), and calls that
 * co-occur -- one in a module's init or a driver's probe, the other in
 * its exit or remove, on the same object.  The candidates are printed in
 * the list's own format, most seen first, each with its counts in a
 * comment, leaving out the pairs the list already has.
 */
#ifndef DRVLINT_PAIRS_H
#define DRVLINT_PAIRS_H

#include <stdbool.h>
#include <stdio.h>

#include "core/check.h"
#include "core/fact.h"
#include "core/regpairs.h"
#include "engine/units.h"

struct pairs_config {
	const char *rules_dir; /* the list: pairs it has are left out */
	const char *root; /* headers are named relative to it */
	int jobs;
	bool progress, progress_tty;
	double unit_timeout;
};

/*
 * Parse the units and print the candidates to out.  Returns the number
 * of units that did not parse (they are named on stderr), or -1 with err.
 * *stuck: a unit that ran out of time is still being parsed, as for
 * engine_run(): the caller must end the process with _exit().
 */
int pairs_mine(const struct unit_list *ul, const struct pairs_config *cfg,
	       FILE *out, bool *stuck, char *err, size_t errlen);

/*
 * ---- between the parts: pairs.c runs the engine with the miner
 * (mine.c, one unit at a time), rank.c counts what it found over all
 * units, names.c reads names ----
 */

/* The per-unit scan, as a check the engine runs; it leaves facts. */
extern const struct check pairs_miner;

/* What a unit tells, as facts (so the parse pool can carry them). */
enum pairs_fact {
	PF_PAIR, /* key REGISTER, text UNREGISTER, extra its header,
			   value PF_RETURNS_POINTER or 0 */
	PF_DEVM, /* key REGISTER, text its devm_ form */
	PF_SIDE, /* key callee, text "I", "E", "P<n>", "R<n>", extra
			   its objects "RESULT|ARG1|...", value PF_INLINE or 0 */
	PF_CALLED, /* key callee: called somewhere in the unit */
};

#define PF_RETURNS_POINTER 1 /* PF_PAIR: the register returns the object */
#define PF_INLINE 1 /* PF_SIDE: a header's static inline helper */

/* Do the names say 'register' and 'unregister' (or add/del, ...)? */
bool pairs_registers(const char *name);
bool pairs_unregisters(const char *name);

/*
 * The ways a register's name turns into its unregister's: rule i of
 * pairs_nrenames() applied to reg (a word of it replaced, "add" by
 * "del"), malloc'd, or NULL when reg lacks the word.
 */
size_t pairs_nrenames(void);
char *pairs_renamed(const char *reg, size_t i);

/*
 * Rank the facts of all units and print the candidates the list rp does
 * not have.  Facts of one unit are consecutive, named by the unit's file.
 */
void pairs_rank(const struct fact_list *facts, const struct regpairs *rp,
		const char *root, size_t nunits, FILE *out);

#endif
