// SPDX-License-Identifier: GPL-2.0-only
/* seeds: tests/fuzz/seeds/tree_record */
/*
 * The tree's record (out/tree_facts.h) as a run over some units reads
 * it from the cache directory: any bytes are a record or are refused,
 * and the facts of a record that is taken can be handed out.  "@ROOT@" in
 * the input stands for the directory of the units, so that seeds need no
 * machine's path: the record names the directory it covers.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/fs.h"
#include "lib/hash.h"
#include "lib/strset.h"
#include "lib/util.h"
#include "out/tree_facts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dir; /* DIR/tree holds a.c and b.c, DIR/cache the cache */

static void set_up(void)
{
	char tmpl[] = "/tmp/drvlint-fuzz-tree.XXXXXX";
	char *p;

	if (!mkdtemp(tmpl))
		abort();
	dir = xstrdup(tmpl);
	p = xasprintf("%s/tree", dir);
	fs_make_directory(p);
	free(p);
	p = xasprintf("%s/cache/trees", dir);
	fs_make_directory(p);
	free(p);
	for (int i = 0; i < 2; i++) {
		p = xasprintf("%s/tree/%c.c", dir, "ab"[i]);
		fs_write_atomic(p, "int x;\n", 7);
		free(p);
	}
}

/* data with every "@ROOT@" replaced by root. */
static char *expand(const uint8_t *data, size_t size, const char *root,
		    size_t *len)
{
	static const char mark[] = "@ROOT@";
	size_t rlen = strlen(root), m = sizeof(mark) - 1, n = 0;
	char *out = xmalloc(size * (rlen > m ? rlen : m) + 1);

	for (size_t i = 0; i < size;) {
		if (size - i >= m && !memcmp(data + i, mark, m)) {
			memcpy(out + n, root, rlen);
			n += rlen;
			i += m;
		} else {
			out[n++] = (char)data[i++];
		}
	}
	*len = n;
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const rules[] = { "const-driver-struct",
					     "id-table-sentinel",
					     "registration-flag",
					     "unbalanced-registration" };
	const size_t nrules = sizeof(rules) / sizeof(rules[0]);
	struct strset mine = { 0 }, none = { 0 };
	struct tree_facts *t;
	char *root, *cache, *file, *path, *text, why[512];
	size_t len;

	if (!dir)
		set_up();
	root = xasprintf("%s/tree", dir);
	cache = xasprintf("%s/cache", dir);
	file = xasprintf("%s/a.c", root);
	path = xasprintf("%s/trees/%016" PRIx64 ".json", cache,
			 hash_string(1, root));
	text = expand(data, size, root, &len);
	if (fs_write_atomic(path, text, len))
		abort();
	strset_add(&mine, file);
	t = tree_facts_read(cache, 1, file, &mine, rules, nrules, why,
			    sizeof(why));
	if (!t && !why[0])
		abort(); /* refused without a reason */
	if (t) {
		struct fact_list others[4] = { { 0 } };

		if (strcmp(tree_facts_root(t), root))
			abort();
		tree_facts_others(t, &none, others);
		for (size_t k = 0; k < nrules; k++)
			free(others[k].v);
		tree_facts_free(t);
	}
	strset_free(&mine);
	free(text);
	free(path);
	free(file);
	free(cache);
	free(root);
	return 0;
}
