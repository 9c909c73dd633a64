// SPDX-License-Identifier: GPL-2.0-only
/* The fingerprint of what shapes results (see fingerprint.h). */
#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

#include "engine/fingerprint.h"
#include "lib/cx.h"
#include "lib/hash.h"
#include "lib/util.h"

bool engine_fingerprint(const char *rules_dir, char *const *switches,
			size_t nswitches, uint64_t *out)
{
	uint64_t h = hash_string(0, "drvlint " DRVLINT_VERSION);
	char *clang = cx_take(clang_getClangVersion());
	char **sorted = xcalloc(nswitches ? nswitches : 1, sizeof(*sorted));

	h = hash_string(h, clang);
	free(clang);
	if (nswitches)
		memcpy(sorted, switches, nswitches * sizeof(*sorted));
	qsort(sorted, nswitches, sizeof(*sorted), strcmp_sort);
	for (size_t i = 0; i < nswitches; i++)
		h = hash_string(h, sorted[i]);
	free(sorted);
	if (hash_file("/proc/self/exe", &h) || hash_directory(rules_dir, &h))
		return false;
	*out = h;
	return true;
}
