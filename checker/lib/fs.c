// SPDX-License-Identifier: GPL-2.0-only
/* Walking directories. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/fs.h"
#include "lib/strvec.h"
#include "lib/util.h"

static int compare_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void find_files(const char *dir, const char *suffix, struct strvec *out)
{
	struct strvec names = { 0 };
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			strvec_push(&names, de->d_name);
	closedir(d);
	if (names.n)
		qsort(names.v, names.n, sizeof(char *), compare_str);
	for (size_t i = 0; i < names.n; i++) {
		char *p = xasprintf("%s/%s", dir, names.v[i]);
		struct stat st;

		if (stat(p, &st))
			; /* vanished or a dangling link: not ours */
		else if (S_ISDIR(st.st_mode))
			find_files(p, suffix, out);
		else if (S_ISREG(st.st_mode) && has_suffix(p, suffix))
			strvec_push(out, p);
		free(p);
	}
	strvec_free(&names);
}
