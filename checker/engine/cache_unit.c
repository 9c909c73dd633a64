// SPDX-License-Identifier: GPL-2.0-only
/* The files a parse read, for the result cache (see cache_unit.h). */
#include <stdlib.h>
#include <string.h>

#include "engine/cache_unit.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "lib/path.h"
#include "lib/util.h"

struct dep_list {
	CXTranslationUnit tu;
	const char *directory;
	struct cache_dep *v;
	size_t n, cap;
	bool complete;
};

/* clang_getInclusions() visits the main file and every file it read. */
static void add_dep(CXFile file, CXSourceLocation *stack, unsigned int depth,
		    CXClientData data)
{
	struct dep_list *deps = data;
	const char *text;
	struct cache_dep *d;
	size_t size;
	char *name;

	(void)stack;
	(void)depth;
	text = clang_getFileContents(deps->tu, file, &size);
	if (!text) {
		deps->complete = false;
		return;
	}
	name = cx_take(clang_getFileName(file));
	GROW(deps->v, deps->cap, deps->n);
	d = &deps->v[deps->n++];
	d->path = path_absolute(deps->directory, name);
	d->size = size;
	d->hash = hash_bytes(text, size, 0);
	free(name);
}

void cache_unit_store(struct cache *cache, CXTranslationUnit tu,
		      const struct unit *u, const char *source, size_t len,
		      const struct timespec *parse_start,
		      const struct unit_results *res)
{
	struct dep_list deps = { .tu = tu,
				 .directory = u->directory,
				 .complete = true };
	bool main_seen = false;

	clang_getInclusions(tu, add_dep, &deps);
	for (size_t i = 0; i < deps.n && deps.complete; i++) {
		if (strcmp(deps.v[i].path, u->file))
			continue;
		main_seen = true;
		if (deps.v[i].size != len ||
		    deps.v[i].hash != hash_bytes(source, len, 0))
			deps.complete = false;
	}
	if (deps.complete && main_seen)
		cache_store(cache, u, deps.v, deps.n, parse_start, res);
	for (size_t i = 0; i < deps.n; i++)
		free(deps.v[i].path);
	free(deps.v);
}
