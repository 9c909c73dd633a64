// SPDX-License-Identifier: GPL-2.0-only
/*
 * The prefilter's keys on disk (see prefilter.h): a run over an unchanged
 * tree stats the shared headers and loads the keys an earlier run built
 * from them, instead of reading them again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/hash.h"
#include "lib/util.h"
#include "select/prefilter_int.h"

/*
 * The keys file of the cache directory: the keys of this fingerprint of
 * the checks' keys and the shared headers, as a previous run built them.
 */
char *pf_keys_path(const char *cache_dir, uint64_t fingerprint)
{
	return xasprintf("%s/prefilter-%016llx.keys", cache_dir,
			 (unsigned long long)fingerprint);
}

/*
 * The keys file: a magic line, the keys one a line, and a last line with
 * the hash of all before it; anything else is not trusted.
 */
static const char keys_magic[] = "drvlint prefilter keys 1\n";

bool pf_keys_load(struct prefilter *pf, const char *path)
{
	size_t len, body, ml = strlen(keys_magic);
	char *text = read_file(path, &len), *line, *save = NULL, *last;
	unsigned long long sum;
	bool ok;

	if (!text)
		return false;
	ok = len > ml && !strncmp(text, keys_magic, ml) &&
	     text[len - 1] == '\n' && !memchr(text, '\0', len);
	if (ok) {
		text[len - 1] = '\0';
		last = strrchr(text, '\n');
		body = last ? (size_t)(last - text) + 1 : 0;
		ok = last && sscanf(last + 1, "sum %16llx", &sum) == 1 &&
		     sum == hash_bytes(text, body, 0) && body >= ml;
	}
	if (ok) {
		text[body - 1] = '\0';
		for (line = strtok_r(text + ml, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			strset_add(&pf->keys, line);
	}
	free(text);
	return ok;
}

/* Written under a temporary name, then renamed: never half a file. */
void pf_keys_save(const struct prefilter *pf, const char *path)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	bool ok;

	fputs(keys_magic, f);
	for (size_t i = 0; i < pf->keys.nslot; i++)
		if (pf->keys.slot[i])
			fprintf(f, "%s\n", pf->keys.slot[i]);
	fclose(f);
	f = fopen(tmp, "w");
	if (!f) {
		free(text);
		free(tmp);
		return;
	}
	fputs(text, f);
	fprintf(f, "sum %016llx\n",
		(unsigned long long)hash_bytes(text, len, 0));
	ok = !ferror(f);
	ok = !fclose(f) && ok;
	if (!ok || rename(tmp, path))
		unlink(tmp);
	free(text);
	free(tmp);
}
