// SPDX-License-Identifier: GPL-2.0-only
/* seeds: tests/fuzz/seeds/cache */
/*
 * The result cache's readers: any bytes are a manifest (cache_manifest.h)
 * or are refused, and a manifest that parses writes back to text that
 * parses to the same; any bytes are an entry's results (the JSON report
 * reader the cache and 'drvlint merge' share) or are refused.  The seeds
 * are entries drvlint wrote for a few files of testdata/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "engine/cache_manifest.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_manifest(const struct manifest *a, const struct manifest *b)
{
	if (a->config != b->config || a->unit != b->unit ||
	    a->report_hash != b->report_hash ||
	    a->report_size != b->report_size || a->ndeps != b->ndeps)
		abort();
	for (size_t i = 0; i < a->ndeps; i++) {
		const struct dep_record *x = &a->deps[i], *y = &b->deps[i];

		if (strcmp(x->path, y->path) || x->hash != y->hash ||
		    x->size != y->size || x->mtime != y->mtime ||
		    x->ctime != y->ctime)
			abort();
	}
}

static void manifest(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1), *again;
	struct manifest m, m2;
	size_t len;

	memcpy(text, data, size);
	text[size] = '\0';
	if (!manifest_parse(text, size, &m)) {
		again = manifest_text(&m, &len);
		if (manifest_parse(again, len, &m2))
			abort(); /* it wrote what it cannot read */
		same_manifest(&m, &m2);
		manifest_free(&m2);
		free(again);
	}
	manifest_free(&m);
	free(text);
}

static void results(const uint8_t *data, size_t size)
{
	static const char *const rules[] = { "const-driver-struct",
					     "id-table-sentinel",
					     "registration-flag",
					     "unbalanced-registration" };
	struct check_stat stats[] = {
		{ "id-table-sentinel", "tables", 0 },
		{ "const-driver-struct", "objects", 0 },
	};
	struct fact_list facts[4] = { 0 };
	struct report r = { .stats = stats, .nstats = 2 };
	char err[512];

	report_read_json_text((const char *)data, size, "entry.json", &r, rules,
			      4, facts, err, sizeof(err));
	for (size_t k = 0; k < 4; k++)
		fact_list_free(&facts[k]);
	finding_list_free(&r.findings);
	failure_list_free(&r.failures);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	manifest(data, size);
	results(data, size);
	return 0;
}
