// SPDX-License-Identifier: GPL-2.0-only
/* Compiler-style output and the summary line, byte for byte. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/report.h"
#include "tap.h"

static char *capture_text(const struct report *r, bool summary)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (summary)
		report_summary(out, r);
	else
		OK(report_write(out, r, FORMAT_TEXT) == 0);
	fclose(out);
	return buf;
}

static void fill(struct report *r)
{
	struct finding *f;

	r->root = "/src/linux/";
	f = finding_add(&r->findings, "id-table-sentinel", SEV_WARNING,
			"/src/linux/drivers/foo/bar.c", 123, 21, "foo_ids",
			"'foo_ids' has no terminating '{ }' entry");
	finding_add_related(f, "/src/linux/drivers/foo/bar.c", 140, 3,
			    "exported with MODULE_DEVICE_TABLE() here");
	finding_add_related(f, "/elsewhere/x.h", 7, 0, "declared here");
	finding_add(&r->findings, "const-driver-struct", SEV_NOTE,
		    "/src/linux/a.c", 0, 0, NULL, "no place");
	failure_add(&r->failures, "/src/linux/b.c", 5, 9,
		    "unknown type name 'u8'");
	failure_add(&r->failures, "/src/linux/c.c", 0, 0,
		    "libclang could not parse this unit");
	failure_add(&r->failures, "", 0, 0, "no file at all");
	r->units = 42;
	r->units_parsed = 30;
	r->seconds = 1.84;
}

static void test_text(void)
{
	struct report r = { 0 };
	char *got;

	fill(&r);
	got = capture_text(&r, false);
	STREQ(got,
	      "drivers/foo/bar.c:123:21: warning: 'foo_ids' has no terminating '{ }' entry [id-table-sentinel]\n"
	      "drivers/foo/bar.c:140:3: note: exported with MODULE_DEVICE_TABLE() here\n"
	      "/elsewhere/x.h:7: note: declared here\n"
	      "a.c: note: no place [const-driver-struct]\n"
	      "b.c:5:9: error: unknown type name 'u8' [parse-failure]\n"
	      "c.c: error: libclang could not parse this unit [parse-failure]\n"
	      "drvlint: error: no file at all [parse-failure]\n");
	free(got);
	got = capture_text(&r, true);
	STREQ(got,
	      "drvlint: 42 units (30 parsed, 9 skipped, 3 failed), 2 findings (const-driver-struct: 1, id-table-sentinel: 1), 1.8 s\n");
	free(got);
	finding_list_free(&r.findings);
	failure_list_free(&r.failures);
}

static void test_summary_plain(void)
{
	struct report r = { .units = 1, .units_parsed = 1, .seconds = 0.04 };
	char *got = capture_text(&r, true);

	STREQ(got, "drvlint: 1 unit (1 parsed, 0 failed), 0 findings, 0.0 s\n");
	free(got);
	for (int i = 0; i < 3; i++)
		finding_add(&r.findings, "id-table-sentinel", SEV_WARNING,
			    "/a.c", i + 1, 1, NULL, "m");
	r.units = 42;
	r.units_parsed = 41;
	failure_add(&r.failures, "/b.c", 0, 0, "x");
	got = capture_text(&r, true);
	STREQ(got,
	      "drvlint: 42 units (41 parsed, 1 failed), 3 findings (id-table-sentinel: 3), 0.0 s\n");
	free(got);
	got = capture_text(&r, false);
	STREQ(got, "/a.c:1:1: warning: m [id-table-sentinel]\n"
		   "/a.c:2:1: warning: m [id-table-sentinel]\n"
		   "/a.c:3:1: warning: m [id-table-sentinel]\n"
		   "/b.c: error: x [parse-failure]\n");
	free(got);
	finding_list_free(&r.findings);
	failure_list_free(&r.failures);
}

int main(void)
{
	test_text();
	test_summary_plain();
	return tap_done();
}
