// SPDX-License-Identifier: GPL-2.0-only
/* The include directories of the units (see prefilter_int.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "select/prefilter_int.h"

bool pf_shared_dir(const char *dir)
{
	const char *p = dir;

	while ((p = strstr(p, "include"))) {
		if ((p == dir || p[-1] == '/') && (p[7] == '\0' || p[7] == '/'))
			return true;
		p += 7;
	}
	return false;
}

void pf_unit_dirs(const struct prefilter_unit *u, struct strvec *out)
{
	static const char *const opts[] = { "-I", "-isystem", "-idirafter",
					    "-iquote" };

	for (size_t i = 0; i < u->argc; i++) {
		const char *a = u->argv[i], *dir = NULL;

		for (size_t k = 0; k < sizeof(opts) / sizeof(opts[0]); k++) {
			size_t ol = strlen(opts[k]);

			if (strncmp(a, opts[k], ol))
				continue;
			if (a[ol])
				dir = a + ol;
			else if (i + 1 < u->argc)
				dir = u->argv[++i];
			break;
		}
		if (!dir)
			continue;
		if (dir[0] == '/') {
			strvec_push(out, dir);
		} else {
			char *abs = xasprintf("%s/%s", u->directory, dir);

			strvec_push(out, abs);
			free(abs);
		}
	}
}

/* The shared include directories of every unit, resolved. */
void pf_shared_roots(const struct prefilter_unit *units, size_t nunits,
		     struct strset *roots)
{
	struct strset given = { 0 };

	for (size_t i = 0; i < nunits; i++) {
		struct strvec dirs = { 0 };

		pf_unit_dirs(&units[i], &dirs);
		for (size_t d = 0; d < dirs.n; d++) {
			char real[PATH_MAX];

			if (!pf_shared_dir(dirs.v[d]) ||
			    strset_has(&given, dirs.v[d]))
				continue;
			strset_add(&given, dirs.v[d]);
			if (realpath(dirs.v[d], real))
				strset_add(roots, real);
		}
		strvec_free(&dirs);
	}
	strset_free(&given);
}
