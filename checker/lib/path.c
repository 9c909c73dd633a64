// SPDX-License-Identifier: GPL-2.0-only
/*
 * Findings carry absolute paths; people read paths relative to the tree
 * they asked about, the way the kernel's own tools print them.
 */
#include <string.h>

#include "core/report.h"

const char *path_relative(const char *root, const char *file)
{
	size_t n;

	if (!root || !*root || !file)
		return file;
	n = strlen(root);
	while (n > 0 && root[n - 1] == '/')
		n--;
	if (strncmp(file, root, n) != 0)
		return file;
	if (file[n] == '\0')
		return ".";
	if (file[n] != '/')
		return file; /* "/x" is not a parent of "/xy/a.c" */
	while (file[n] == '/')
		n++;
	return file[n] ? file + n : ".";
}
