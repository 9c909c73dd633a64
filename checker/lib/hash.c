// SPDX-License-Identifier: GPL-2.0-only
/*
 * The one hash of drvlint: cache keys and checksums, interned tokens and
 * string sets all use it.  It only has to spread well and be the same on
 * every machine (cache entries are compared across runs), not resist an
 * attacker.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/hash.h"
#include "lib/util.h"

#define HASH_MUL 0x9e3779b97f4a7c15ULL /* 2^64 / golden ratio, odd */
#define HASH_FINAL \
	0xd1342543de82ef95ULL /* an odd multiplier with good spread */

static uint64_t load_le64(const unsigned char *p)
{
	uint64_t w = 0;

	for (int i = 7; i >= 0; i--)
		w = w << 8 | p[i];
	return w;
}

/* For a fixed word, a bijection of the state: one changed word always shows. */
static uint64_t hash_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * HASH_MUL;
	return h ^ (h >> 29);
}

static uint64_t hash_final(uint64_t h)
{
	h ^= h >> 32;
	h *= HASH_FINAL;
	h ^= h >> 29;
	h *= HASH_MUL;
	return h ^ (h >> 32);
}

uint64_t hash_bytes(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	unsigned char tail[8] = { 0 };
	uint64_t h = hash_step(seed ^ HASH_FINAL, len);

	for (; len >= 8; p += 8, len -= 8)
		h = hash_step(h, load_le64(p));
	if (len) {
		memcpy(tail, p, len);
		h = hash_step(h, load_le64(tail));
	}
	return hash_final(h);
}

uint64_t hash_string(uint64_t h, const char *s)
{
	return hash_bytes(s, strlen(s) + 1, h);
}

int hash_file(const char *path, uint64_t *h)
{
	size_t len;
	char *text = read_file(path, &len);

	if (!text)
		return -1;
	*h = hash_bytes(text, len, *h);
	free(text);
	return 0;
}

int hash_directory(const char *dir, uint64_t *h)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int ret = 0;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char *path = xasprintf("%s/%s", dir, de->d_name);
		struct stat st;

		if (de->d_name[0] != '.' && !stat(path, &st) &&
		    S_ISREG(st.st_mode)) {
			GROW(names, cap, n);
			names[n++] = xstrdup(de->d_name);
		}
		free(path);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), strcmp_sort);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);

		*h = hash_string(*h, names[i]);
		if (hash_file(path, h))
			ret = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return ret;
}
