// SPDX-License-Identifier: GPL-2.0-only
/*
 * The prefilter (see prefilter.h).  Text is read as C tokens (lib/ctok.h),
 * roughly: comments and literals are skipped, identifiers are the tokens,
 * and "struct X" (also union, enum) is one more token, so that a key can
 * name a struct tag without naming every '.class' member.
 */
#include <stdlib.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "select/prefilter_int.h"

/* ---- the prefilter ---- */

/* The fingerprint of the checks' keys, before the headers are chained. */
static uint64_t keys_fingerprint(const struct prefilter *pf)
{
	uint64_t h = hash_string(0, "drvlint prefilter");

	for (size_t i = 0; i < pf->keys.nslot; i++)
		if (pf->keys.slot[i])
			h ^= hash_string(0, pf->keys.slot[i]);
	return h;
}

struct prefilter *prefilter_new(const struct check *const *checks,
				void *const *states, size_t nchecks,
				const struct prefilter_unit *units,
				size_t nunits, const char *cache_dir)
{
	struct prefilter *pf = xcalloc(1, sizeof(*pf));
	struct strset roots = { 0 };
	char *path = NULL;

	for (size_t k = 0; k < nchecks; k++)
		if (!checks[k]->prefilter_keys ||
		    !checks[k]->prefilter_keys(states[k], &pf->keys)) {
			prefilter_free(pf);
			return NULL;
		}
	pf_shared_roots(units, nunits, &roots);
	if (cache_dir) {
		uint64_t fp = pf_headers_fingerprint(
			&roots, keys_fingerprint(pf), &pf->headers);

		path = pf_keys_path(cache_dir, fp);
		if (pf_keys_load(pf, path)) {
			pf->from_cache = true;
			goto done;
		}
	}
	pf_headers_read(pf, &roots);
	if (path)
		pf_keys_save(pf, path);
done:
	free(path);
	strset_free(&roots);
	return pf;
}

void prefilter_stats(const struct prefilter *pf, size_t *keys, size_t *headers,
		     bool *from_cache)
{
	*keys = pf->keys.n;
	*headers = pf->headers;
	*from_cache = pf->from_cache;
}

void prefilter_free(struct prefilter *pf)
{
	if (!pf)
		return;
	strset_free(&pf->keys);
	free(pf);
}
