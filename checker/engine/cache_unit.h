/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Between a libclang parse and the result cache: the files the parse
 * read, as libclang read them, become the entry's manifest.
 */
#ifndef DRVLINT_CACHE_UNIT_H
#define DRVLINT_CACHE_UNIT_H

#include <clang-c/Index.h>
#include <time.h>

#include "engine/cache.h"

/*
 * Cache what the unit produced.  The checks also read the main file's
 * text themselves (source): if that is not what libclang parsed (the
 * file changed in between), nothing is cached.
 */
void cache_unit_store(struct cache *cache, CXTranslationUnit tu,
		      const struct unit *u, const char *source, size_t len,
		      const struct timespec *parse_start,
		      const struct unit_results *res);

#endif
