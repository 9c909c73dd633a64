// SPDX-License-Identifier: GPL-2.0-only
/* Which unit includes a header, as the result cache recorded it. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "lib/strvec.h"
#include "lib/util.h"
#include "lsp/includers.h"

/* The path of a "dep HASH SIZE MTIME CTIME PATH" line, or NULL. */
static const char *dep_path(const char *line, size_t len, size_t *plen)
{
	size_t i = 0;

	if (len < 4 || memcmp(line, "dep ", 4))
		return NULL;
	for (int field = 0; field < 5; field++) {
		const char *sp = memchr(line + i, ' ', len - i);

		if (!sp)
			return NULL;
		i = (size_t)(sp - line) + 1;
	}
	*plen = len - i;
	return line + i;
}

/* Does the manifest list header?  Its .c files go to units. */
static bool lists(const char *text, size_t len, const char *header,
		  struct strvec *units)
{
	size_t hlen = strlen(header), pos = 0;
	bool found = false;

	while (pos < len) {
		const char *line = text + pos, *nl, *path;
		size_t llen, plen;

		nl = memchr(line, '\n', len - pos);
		llen = nl ? (size_t)(nl - line) : len - pos;
		pos += llen + 1;
		path = dep_path(line, llen, &plen);
		if (!path)
			continue;
		if (plen == hlen && !memcmp(path, header, hlen))
			found = true;
		else if (plen > 2 && !memcmp(path + plen - 2, ".c", 2)) {
			char *c = xstrndup(path, plen);

			strvec_push(units, c);
			free(c);
		}
	}
	return found;
}

char *cache_includer(const char *cache_dir, const char *header,
		     bool (*is_unit)(void *ctx, const char *path), void *ctx)
{
	DIR *d = cache_dir ? opendir(cache_dir) : NULL;
	struct dirent *e;
	char *found = NULL;

	while (d && !found && (e = readdir(d))) {
		struct strvec units = { 0 };
		char *path, *text;
		size_t len;

		if (!has_suffix(e->d_name, ".deps"))
			continue;
		path = xasprintf("%s/%s", cache_dir, e->d_name);
		text = read_file(path, &len);
		if (text && lists(text, len, header, &units))
			for (size_t i = 0; i < units.n && !found; i++)
				if (is_unit(ctx, units.v[i]))
					found = xstrdup(units.v[i]);
		strvec_free(&units);
		free(text);
		free(path);
	}
	if (d)
		closedir(d);
	return found;
}
