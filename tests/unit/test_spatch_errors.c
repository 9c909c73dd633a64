// SPDX-License-Identifier: GPL-2.0-only
/*
 * spatch's parse errors, as it prints them on stderr: the first of each
 * file is kept, with its token; one inside a macro definition is not a
 * failure; lines of other processes in between do not confuse it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cocci/spatch_errors.h"
#include "lib/util.h"
#include "tap.h"

static const char source[] = "#include <linux/device.h>\n"
			     "#define BAD(x) \\\n"
			     "\tstatic int x##_v = { ] ; \\\n"
			     "\tint x##_w;\n"
			     "static void f(void)\n"
			     "{\n"
			     "\tscoped_guard(mutex, &m) {\n"
			     "\t}\n"
			     "}\n";

static char *write_source(void)
{
	char *path = xstrdup("/tmp/drvlint-spatch-XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	fputs(source, f);
	fclose(f);
	return path;
}

int main(void)
{
	char *path = write_source();
	char *err =
		xasprintf("init_defs_builtins: /usr/lib/coccinelle/standard.h\n"
			  "HANDLING: %s\n"
			  "parse error \n"
			  " = File \"%s\", line 8, column 3, charpos = 99\n"
			  "  around = '}',\n"
			  "  whole content = \t}\n"
			  "HANDLING: /other.c\n"
			  "parse error \n"
			  " = File \"%s\", line 7, column 25, charpos = 90\n"
			  "  around = '{',\n"
			  " = File \"%s\", line 4, column 1, charpos = 60\n"
			  "  around = 'int',\n"
			  " = File \"%s\", line 3, column 20, charpos = 50\n"
			  "  around = ']',\n"
			  " = File \"/gone.c\", line 1, column 0, charpos = 0\n"
			  "  around = '',\n",
			  path, path, path, path, path);
	struct spatch_errors errs = { 0 };
	const struct spatch_error *e;

	spatch_errors_read(&errs, err, strlen(err));
	e = spatch_error_of(&errs, path);
	OK(e != NULL);
	if (e) {
		/* The earliest outside the #define (lines 2-4). */
		INTEQ(e->line, 7);
		INTEQ(e->column, 25);
		STREQ(e->around, "{");
	}
	e = spatch_error_of(&errs, "/gone.c");
	OK(e != NULL);
	if (e)
		STREQ(e->around, "");
	INTEQ(errs.n, 2);
	OK(spatch_error_of(&errs, "/other.c") == NULL);
	spatch_errors_free(&errs);

	/* Nothing to read, a truncated record, one without its token. */
	spatch_errors_read(&errs, "", 0);
	spatch_errors_read(&errs, " = File \"/a.c\", line 3", 23);
	spatch_errors_read(&errs, " = File \"/a.c\", line 3, column 1, c\n",
			   36);
	INTEQ(errs.n, 1);
	e = spatch_error_of(&errs, "/a.c");
	OK(e && e->line == 3 && !e->around);
	spatch_errors_free(&errs);
	unlink(path);
	free(path);
	free(err);
	return tap_done();
}
