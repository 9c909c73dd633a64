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

/*
 * The subcommand, offered through the check: the centre parses the units
 * with its pass and hands it the facts; it prints the candidates.
 */
extern const struct check_command pairs_command;

/*
 * ---- between the parts: mine.c scans one unit at a time (the centre
 * runs it through the check's subcommand), rank.c counts what it found
 * over all units, names.c reads names ----
 */

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
