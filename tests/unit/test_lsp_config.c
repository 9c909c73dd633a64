// SPDX-License-Identifier: GPL-2.0-only
/* The language server's settings, and a header's includer from the cache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/util.h"
#include "lsp/config.h"
#include "lsp/includers.h"
#include "tap.h"

static int apply(struct lsp_config *c, const char *text)
{
	json_error_t jerr;
	json_t *o = json_loads(text, 0, &jerr);
	char err[256];
	int ret = config_apply(c, o, err, sizeof(err));

	json_decref(o);
	return ret;
}

static void settings(void)
{
	struct lsp_config c = { .debounce_ms = 300 };

	OK(!apply(&c,
		  "{\"checks\":\"-*,id-table-sentinel\",\"run\":\"onSave\","
		  "\"debounce\":50,\"compile-flags-add\":[\"-DX\"],"
		  "\"compile-flags-remove\":[\"-W*\",3],\"build-dir\":\"/b\"}"));
	STREQ(c.checks, "-*,id-table-sentinel");
	OK(c.on_save);
	INTEQ(c.debounce_ms, 50);
	INTEQ(c.flags_add.n, 1);
	INTEQ(c.flags_remove.n, 1); /* the number is not a flag */
	STREQ(c.build_dir, "/b");
	/* Nested under "drvlint", as didChangeConfiguration often sends. */
	OK(!apply(&c, "{\"drvlint\":{\"run\":\"onType\",\"checks\":null}}"));
	OK(!c.on_save);
	OK(!c.checks);
	INTEQ(c.debounce_ms, 50); /* absent: unchanged */
	OK(apply(&c, "{\"run\":\"sometimes\"}") < 0);
	OK(apply(&c, "{\"debounce\":-1}") < 0);
	OK(apply(&c, "{\"engine\":\"cocci\"}") < 0);
	OK(!c.engine && !config_cocci(&c));
	OK(!apply(&c, "{\"engine\":\"all\"}"));
	OK(config_cocci(&c));
	config_free(&c);
}

static bool any_unit(void *ctx, const char *path)
{
	(void)ctx;
	return has_suffix(path, "/b.c");
}

static void includer(void)
{
	char dir[] = "/tmp/drvlint-test-XXXXXX", *p, *got;
	FILE *f;

	OK(mkdtemp(dir) != NULL);
	p = xasprintf("%s/0123.deps", dir);
	f = fopen(p, "w");
	fputs("drvlint-cache 1\nsum 0\nconfig 0\nunit 0\nreport 0 0\n"
	      "dep 00 1 2 3 /src/a.c\n"
	      "dep 00 1 2 3 /src/b.c\n"
	      "dep 00 1 2 3 /src/dir with space/x.h\n"
	      "end\n",
	      f);
	fclose(f);
	got = cache_includer(dir, "/src/dir with space/x.h", any_unit, NULL);
	STREQ(got, "/src/b.c");
	free(got);
	OK(!cache_includer(dir, "/src/y.h", any_unit, NULL));
	OK(!cache_includer("/nonexistent", "/src/dir with space/x.h", any_unit,
			   NULL));
	unlink(p);
	rmdir(dir);
	free(p);
}

int main(void)
{
	settings();
	includer();
	return tap_done();
}
