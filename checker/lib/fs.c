// SPDX-License-Identifier: GPL-2.0-only
/*
 * Walking directories, and writing a file whole.  A tree may hold
 * symlinks to directories, some of them loops (sub/up -> ..): each real
 * directory is walked once and each file reported once, by device and
 * inode, whatever names reach them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/fs.h"
#include "lib/strset.h"
#include "lib/strvec.h"
#include "lib/util.h"

/* false if st's file was seen before; it is seen from now on. */
static bool first_visit(struct strset *seen, const struct stat *st)
{
	char key[64];
	int n = snprintf(key, sizeof(key), "%llx:%llx",
			 (unsigned long long)st->st_dev,
			 (unsigned long long)st->st_ino);

	if (strset_has_n(seen, key, (size_t)n))
		return false;
	strset_add_n(seen, key, (size_t)n);
	return true;
}

static void walk(const char *dir, const char *suffix, struct strset *seen,
		 struct strvec *out)
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
		qsort(names.v, names.n, sizeof(char *), strcmp_sort);
	for (size_t i = 0; i < names.n; i++) {
		char *p = xasprintf("%s/%s", dir, names.v[i]);
		struct stat st;

		if (stat(p, &st))
			; /* vanished or a dangling link: not ours */
		else if (S_ISDIR(st.st_mode) && first_visit(seen, &st))
			walk(p, suffix, seen, out);
		else if (S_ISREG(st.st_mode) && has_suffix(p, suffix) &&
			 first_visit(seen, &st))
			strvec_push(out, p);
		free(p);
	}
	strvec_free(&names);
}

void find_files(const char *dir, const char *suffix, struct strvec *out)
{
	struct strset seen = { 0 };
	struct stat st;

	if (!stat(dir, &st))
		first_visit(&seen, &st);
	walk(dir, suffix, &seen, out);
	strset_free(&seen);
}

/* Write data to path through a temporary file and a rename. */
int fs_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp), ret = -1;
	size_t done = 0;

	if (fd < 0)
		goto out;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (close(fd) == 0 && done == len && rename(tmp, path) == 0)
		ret = 0;
	else
		unlink(tmp);
out:
	free(tmp);
	return ret;
}

/* mkdir -p */
int fs_make_directory(const char *dir)
{
	char *p = xstrdup(dir);
	int ret = 0;

	for (char *s = p + 1; *s && !ret; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) && errno != EEXIST)
			ret = -1;
		*s = '/';
	}
	if (!ret && mkdir(p, 0777) && errno != EEXIST)
		ret = -1;
	free(p);
	return ret;
}
