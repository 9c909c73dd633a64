/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The prefilter: a text scan that decides, before any parse, which units
 * no enabled check can report on or learn a tree-level fact from.
 *
 * Each check names its keys: identifiers (a register function, a
 * device-id type) or "struct TAG" pairs (a listed ops table).  A unit is
 * parsed when its text, or the text of a header of its own it includes,
 * holds a key.  Headers of the shared include directories (those with an
 * 'include' component: include/, arch/x86/include/, ...) are not read per
 * unit; they are read once per run instead, and what they give is added
 * to the keys:
 *   - a macro whose body holds a key, directly or through other macros
 *     (ATTRIBUTE_GROUPS writes 'struct attribute_group', pci_register_driver
 *     calls __pci_register_driver): a unit naming the macro is parsed;
 *   - the names an 'extern' declaration holding a key declares (extern
 *     struct bus_type foo_bus_type;): a unit naming such an object may
 *     write it or consume it, which the tree-level decisions need.
 * A unit is skipped only when none of this names a key.  With a cache
 * directory the keys are kept there, under a fingerprint of the checks'
 * keys and of every shared header's name, size and time: a run over an
 * unchanged tree stats the headers instead of reading them.  What it cannot
 * see: a key spelled by token pasting in the unit itself, an object named
 * from another unit without a declaration in any header, a header reached
 * by a computed #include.
 */
#ifndef DRVLINT_PREFILTER_H
#define DRVLINT_PREFILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/check.h"

struct prefilter;

/* What the prefilter reads of a unit: its file and compiler arguments. */
struct prefilter_unit {
	const char *file; /* absolute */
	const char *directory; /* the compiler's working directory */
	char *const *argv; /* the compiler's arguments (-I, -isystem, ...) */
	size_t argc;
};

/*
 * The prefilter of the enabled checks over these units, or NULL when one
 * of them needs every unit (it has no keys).  Reads the shared headers,
 * or the keys an earlier run left in cache_dir (may be NULL).
 */
struct prefilter *prefilter_new(const struct check *const *checks,
				void *const *states, size_t nchecks,
				const struct prefilter_unit *units,
				size_t nunits, const char *cache_dir);

/*
 * May the unit, whose text is src, give a finding or a fact?  If why is
 * not NULL, it gets the key that let the unit through and the file it is
 * in (free it), or NULL.
 */
bool prefilter_pass(const struct prefilter *pf, const struct prefilter_unit *u,
		    const char *src, size_t len, char **why);

/* Figures for --verbose: keys in all, shared headers, keys from the cache. */
void prefilter_stats(const struct prefilter *pf, size_t *keys, size_t *headers,
		     bool *from_cache);

void prefilter_free(struct prefilter *pf);

#endif
