// SPDX-License-Identifier: GPL-2.0-only
/*
 * Findings carry absolute paths; people read paths relative to the tree
 * they asked about, the way the kernel's own tools print them.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/path.h"
#include "lib/util.h"

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

/* Drop "." components and fold ".." into its parent, in place. */
static void path_normalise(char *p)
{
	char *out = p, *in = p;

	while (*in) {
		char *end = strchr(in, '/');
		size_t n = end ? (size_t)(end - in) : strlen(in);

		if (n == 0 || (n == 1 && in[0] == '.')) {
			/* skip */
		} else if (n == 2 && in[0] == '.' && in[1] == '.') {
			while (out > p && *--out != '/')
				;
		} else {
			*out++ = '/';
			memmove(out, in, n);
			out += n;
		}
		in += n;
		if (*in == '/')
			in++;
	}
	if (out == p)
		*out++ = '/';
	*out = '\0';
}

char *path_absolute(const char *dir, const char *path)
{
	char *p;

	if (path[0] == '/' || !dir || !*dir)
		p = xstrdup(path);
	else
		p = xasprintf("%s/%s", dir, path);
	if (p[0] == '/')
		path_normalise(p);
	return p;
}

char *path_canonical(const char *dir, const char *path)
{
	char *joined, *real;

	if (path[0] == '/' || !dir || !*dir)
		joined = xstrdup(path);
	else
		joined = xasprintf("%s/%s", dir, path);
	/* Symlinks first: "link/.." is the parent of the link's target. */
	real = realpath(joined, NULL);
	if (real) {
		free(joined);
		return real;
	}
	free(joined);
	return path_absolute(dir, path);
}
