// SPDX-License-Identifier: GPL-2.0-only
/* The changed lines of a unified diff, as --diff reads them. */
#include "out/gate.h"
#include "tap.h"

static void test_diff_parse(void)
{
	struct diff_ranges r = { 0 };

	diff_parse("diff --git a/x.c b/x.c\n"
		   "--- a/x.c\n"
		   "+++ b/x.c\n"
		   "@@ -3 +3,2 @@ int f(void)\n"
		   "-a\n+b\n+c\n"
		   "@@ -10,2 +11,0 @@\n"
		   "-gone\n-gone\n"
		   "@@ -20 +19 @@\n-x\n+y\n"
		   "diff --git a/dir/y.c b/dir/y.c\n"
		   "--- /dev/null\n"
		   "+++ b/dir/y.c\n"
		   "@@ -0,0 +1,4 @@\n+1\n+2\n+3\n+4\n"
		   "diff --git a/z.c b/z.c\n"
		   "--- a/z.c\n"
		   "+++ /dev/null\n"
		   "@@ -1,2 +0,0 @@\n-1\n-2\n",
		   &r);
	INTEQ(r.n, 3);
	STREQ(r.v[0].file, "x.c");
	INTEQ(r.v[0].first, 3);
	INTEQ(r.v[0].last, 4);
	INTEQ(r.v[1].first, 19); /* a one-line hunk has no count */
	INTEQ(r.v[1].last, 19);
	STREQ(r.v[2].file, "dir/y.c");
	INTEQ(r.v[2].first, 1);
	INTEQ(r.v[2].last, 4);
	diff_ranges_free(&r);
}

int main(void)
{
	test_diff_parse();
	return tap_done();
}
