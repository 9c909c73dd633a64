/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A unit that includes a header, from the result cache's manifests
 * (engine/cache.h): each NAME.deps lists every file a unit's parse read,
 * the unit's own .c file among them.  Used for a header no open unit
 * includes.
 */
#ifndef DRVLINT_LSP_INCLUDERS_H
#define DRVLINT_LSP_INCLUDERS_H

#include <stdbool.h>

/*
 * The first .c file of a manifest that lists header and for which
 * is_unit() says yes (a unit of the compile database); malloc'ed, or
 * NULL.
 */
char *cache_includer(const char *cache_dir, const char *header,
		     bool (*is_unit)(void *ctx, const char *path), void *ctx);

#endif
