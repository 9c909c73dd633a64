// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format=json: the output parses back, every stable field is there with
 * its type, and strings that are not UTF-8 do not lose the finding.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/report.h"
#include "tap.h"

static json_t *write_and_parse(const struct report *r, char **text)
{
	size_t len = 0;
	FILE *out = open_memstream(text, &len);
	json_error_t err;
	json_t *j;

	OK(report_write(out, r, FORMAT_JSON) == 0);
	fclose(out);
	j = json_loads(*text, 0, &err);
	if (!j)
		printf("# %s at line %d\n", err.text, err.line);
	return j;
}

static void fill(struct report *r)
{
	struct finding *f;
	struct edit e = { .file = "/src/linux/drivers/foo/bar.c",
			  .offset = 4000,
			  .length = 0,
			  .text = "\t{ }\n",
			  .line = 130,
			  .column = 1,
			  .end_line = 130,
			  .end_column = 1 };

	r->root = "/src/linux";
	r->tool_version = "0.1.0";
	r->seconds = 1.84;
	r->units = 3;
	r->units_parsed = 2;
	f = finding_add(&r->findings, "id-table-sentinel", SEV_WARNING,
			"/src/linux/drivers/foo/bar.c", 123, 21, "foo_ids",
			"'foo_ids' has no terminating '{ }' entry");
	finding_add_related(f, "/src/linux/drivers/foo/bar.c", 140, 3,
			    "exported with MODULE_DEVICE_TABLE() here");
	finding_add_edit(f, &e);
	f->fix_description = strdup("terminate the table with '{ }'");
	f = finding_add(&r->findings, "const-driver-struct", SEV_ERROR,
			"/src/linux/caf\xe9.c", 2, 1, NULL,
			"bad \xff byte \"quoted\"\n");
	f->engine = "cocci";
	finding_add(&r->findings, "id-table-sentinel", SEV_NOTE,
		    "/src/linux/z.c", 1, 1, NULL, "n");
	failure_add(&r->failures, "/src/linux/b.c", 0, 0, "cannot parse");
}

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static long num(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static void test_fields(json_t *j)
{
	json_t *f0, *rel, *fix, *edit, *f1, *fail, *sum;

	STREQ(str(j, "tool"), "drvlint");
	STREQ(str(j, "version"), "0.1.0");
	STREQ(str(j, "root"), "/src/linux");
	INTEQ(json_array_size(json_object_get(j, "findings")), 3);
	f0 = json_array_get(json_object_get(j, "findings"), 0);
	STREQ(str(f0, "rule"), "id-table-sentinel");
	STREQ(str(f0, "severity"), "warning");
	STREQ(str(f0, "engine"), "clang");
	STREQ(str(f0, "file"), "drivers/foo/bar.c");
	INTEQ(num(f0, "line"), 123);
	INTEQ(num(f0, "column"), 21);
	STREQ(str(f0, "object"), "foo_ids");
	rel = json_array_get(json_object_get(f0, "related"), 0);
	STREQ(str(rel, "file"), "drivers/foo/bar.c");
	INTEQ(num(rel, "line"), 140);
	INTEQ(num(rel, "column"), 3);
	STREQ(str(rel, "message"), "exported with MODULE_DEVICE_TABLE() here");
	fix = json_object_get(f0, "fix");
	STREQ(str(fix, "description"), "terminate the table with '{ }'");
	edit = json_array_get(json_object_get(fix, "edits"), 0);
	STREQ(str(edit, "file"), "drivers/foo/bar.c");
	INTEQ(num(edit, "offset"), 4000);
	INTEQ(num(edit, "length"), 0);
	STREQ(str(edit, "text"), "\t{ }\n");
	INTEQ(num(edit, "end_line"), 130);
	INTEQ(num(edit, "end_column"), 1);

	f1 = json_array_get(json_object_get(j, "findings"), 1);
	STREQ(str(f1, "severity"), "error");
	STREQ(str(f1, "engine"), "cocci");
	STREQ(str(f1, "file"), "caf\xef\xbf\xbd.c");
	STREQ(str(f1, "message"), "bad \xef\xbf\xbd byte \"quoted\"\n");
	OK(json_is_null(json_object_get(f1, "object")));
	OK(json_is_null(json_object_get(f1, "fix")));
	OK(json_is_array(json_object_get(f1, "related")));
	INTEQ(json_array_size(json_object_get(f1, "related")), 0);

	fail = json_array_get(json_object_get(j, "failures"), 0);
	STREQ(str(fail, "file"), "b.c");
	INTEQ(num(fail, "line"), 0);
	STREQ(str(fail, "message"), "cannot parse");

	sum = json_object_get(j, "summary");
	INTEQ(num(sum, "units"), 3);
	INTEQ(num(sum, "parsed"), 2);
	INTEQ(num(sum, "failures"), 1);
	INTEQ(num(sum, "findings"), 3);
	INTEQ(num(json_object_get(sum, "by_rule"), "id-table-sentinel"), 2);
	INTEQ(num(json_object_get(sum, "by_rule"), "const-driver-struct"), 1);
	OK(json_real_value(json_object_get(sum, "seconds")) == 1.84);
}

/* Keys in the documented order, two-space indentation. */
static void test_layout(const char *text)
{
	const char *tool = strstr(text, "\"tool\"");
	const char *ver = strstr(text, "\"version\"");
	const char *find = strstr(text, "\"findings\"");
	const char *fail = strstr(text, "\"failures\"");
	const char *rule = strstr(text, "\"rule\"");
	const char *sev = strstr(text, "\"severity\"");

	OK(!strncmp(text, "{\n  \"tool\": \"drvlint\",\n", 23));
	OK(tool && ver && find && fail && tool < ver && ver < find &&
	   find < fail);
	OK(rule && sev && rule < sev);
	OK(strstr(text, "\"seconds\": 1.84\n"));
	OK(text[strlen(text) - 1] == '\n');
}

static void test_empty(void)
{
	struct report r = { .root = "/x" };
	char *text = NULL;
	json_t *j = write_and_parse(&r, &text);

	OK(j);
	INTEQ(json_array_size(json_object_get(j, "findings")), 0);
	OK(json_is_null(json_object_get(j, "version")));
	OK(json_is_object(
		json_object_get(json_object_get(j, "summary"), "by_rule")));
	json_decref(j);
	free(text);
}

int main(void)
{
	struct report r = { 0 };
	char *text = NULL;
	json_t *j;

	fill(&r);
	j = write_and_parse(&r, &text);
	OK(j);
	if (j)
		test_fields(j);
	test_layout(text);
	if (getenv("SHOW"))
		fputs(text, stdout);
	json_decref(j);
	free(text);
	finding_list_free(&r.findings);
	failure_list_free(&r.failures);
	test_empty();
	return tap_done();
}
