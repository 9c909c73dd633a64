// SPDX-License-Identifier: GPL-2.0-only
/* Paths in reports are relative to the tree's root, and only to it. */
#include <stdio.h>

#include "core/report.h"
#include "lib/path.h"
#include "tap.h"

int main(void)
{
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
