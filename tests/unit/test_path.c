// SPDX-License-Identifier: GPL-2.0-only
/* Paths in reports are relative to the tree's root, and only to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/report.h"
#include "lib/path.h"
#include "lib/util.h"
#include "tap.h"

/* What a path names: symlinks, "..", "./" and slashes resolved. */
static void test_canonical(void)
{
	char tmpl[] = "/tmp/drvlint-path-XXXXXX";
	char *dir = mkdtemp(tmpl), *p, *real, *q;

	OK(dir != NULL);
	if (!dir)
		return;
	real = realpath(dir, NULL); /* /tmp may itself be a link */
	p = xasprintf("%s/real", dir);
	OK(mkdir(p, 0700) == 0);
	free(p);
	p = xasprintf("%s/link", dir);
	OK(symlink("real", p) == 0);
	free(p);
	p = xasprintf("%s/real", real);
	q = path_canonical(dir, "link/");
	STREQ(q, p);
	free(q);
	q = path_canonical(dir, "./link/../real//");
	STREQ(q, p);
	free(q);
	q = path_canonical("/", p);
	STREQ(q, p);
	free(q);
	free(p);
	/* "link/.." is the link's target's parent, which is dir here too. */
	q = path_canonical(dir, "link/..");
	STREQ(q, real);
	free(q);
	/* A path that does not exist is normalised by its letters. */
	q = path_canonical("/nonexistent-dir", "a/./b/../c.c");
	STREQ(q, "/nonexistent-dir/a/c.c");
	free(q);
	p = xasprintf("%s/link", dir);
	unlink(p);
	free(p);
	p = xasprintf("%s/real", dir);
	rmdir(p);
	free(p);
	rmdir(dir);
	free(real);
}

int main(void)
{
	test_canonical();
	STREQ(path_relative("/x", "/x/a/b.c"), "a/b.c");
	STREQ(path_relative("/x/", "/x/a/b.c"), "a/b.c");
	STREQ(path_relative("/x//", "/x/a/b.c"), "a/b.c");
	STREQ(path_relative("/x", "/xy/a.c"), "/xy/a.c");
	STREQ(path_relative("/x/", "/xy/a.c"), "/xy/a.c");
	STREQ(path_relative("/x", "/y/a.c"), "/y/a.c");
	STREQ(path_relative("/x", "/x"), ".");
	STREQ(path_relative("/x", "/x/"), ".");
	STREQ(path_relative("/", "/a/b.c"), "a/b.c");
	STREQ(path_relative("/usr/src/linux",
			    "/usr/src/linux/drivers/foo/bar.c"),
	      "drivers/foo/bar.c");
	STREQ(path_relative(NULL, "/x/a.c"), "/x/a.c");
	STREQ(path_relative("", "/x/a.c"), "/x/a.c");
	STREQ(path_relative("/x", "a.c"), "a.c");
	return tap_done();
}
