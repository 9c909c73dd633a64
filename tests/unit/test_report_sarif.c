// SPDX-License-Identifier: GPL-2.0-only
/*
 * --format=sarif: the log has what code-scanning services read (rules,
 * results with locations, related locations and fixes, failures as tool
 * notifications), and, when SARIF_SCHEMA names the SARIF 2.1.0 schema,
 * it validates against it with tests/validate-sarif.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/report.h"
#include "tap.h"
#include "lib/util.h"

static const struct rule_info rules[] = {
	{ "const-driver-struct", "driver-model object that could be const",
	  NULL },
	{ "id-table-sentinel", "device-id table without its '{ }' sentinel",
	  "# id-table-sentinel\n\nA device-id table must end with an\n"
	  "empty entry.\n\n## Why\n\nThe match loop stops there.\n" },
};

static void fill(struct report *r)
{
	struct finding *f;
	struct edit e = { .file = "/src/my linux/drivers/foo/bar.c",
			  .offset = 4000,
			  .text = "\t{ }\n",
			  .line = 130,
			  .column = 1,
			  .end_line = 130,
			  .end_column = 1 };
	struct edit comma = { .file = e.file,
			      .offset = 3990,
			      .text = ",",
			      .line = 129,
			      .column = 20,
			      .end_line = 129,
			      .end_column = 20 };

	r->root = "/src/my linux";
	r->tool_version = "0.1.0";
	r->rules = rules;
	r->nrules = 2;
	r->units = 3;
	r->units_parsed = 2;
	f = finding_add(&r->findings, "id-table-sentinel", SEV_WARNING,
			"/src/my linux/drivers/foo/bar.c", 123, 21, "foo_ids",
			"'foo_ids' has no terminating '{ }' entry");
	finding_add_related(f, "/src/my linux/drivers/foo/bar.c", 140, 3,
			    "exported with MODULE_DEVICE_TABLE() here");
	finding_add_edit(f, &comma);
	finding_add_edit(f, &e);
	f->fix_description = xstrdup("terminate the table with '{ }'");
	finding_add(&r->findings, "const-driver-struct", SEV_NOTE,
		    "/src/my linux/caf\xe9#1.c", 2, 0, "foo_bus",
		    "'foo_bus' is never modified");
	failure_add(&r->failures, "/src/my linux/b.c", 5, 9,
		    "unknown type name 'u8'");
}

static json_t *at(json_t *j, const char *path)
{
	char *copy = xstrdup(path), *save, *tok;

	for (tok = strtok_r(copy, ".", &save); tok && j;
	     tok = strtok_r(NULL, ".", &save)) {
		char *end;
		long i = strtol(tok, &end, 10);

		j = *end ? json_object_get(j, tok) : json_array_get(j, i);
	}
	free(copy);
	return j;
}

#define STR_AT(j, path) json_string_value(at((j), (path)))
#define INT_AT(j, path) json_integer_value(at((j), (path)))

static void test_log(json_t *j)
{
	json_t *run = at(j, "runs.0");
	json_t *res = at(run, "results.0");

	STREQ(STR_AT(j, "version"), "2.1.0");
	STREQ(STR_AT(j, "$schema"),
	      "https://json.schemastore.org/sarif-2.1.0.json");
	STREQ(STR_AT(run, "tool.driver.name"), "drvlint");
	STREQ(STR_AT(run, "tool.driver.version"), "0.1.0");
	STREQ(STR_AT(run, "tool.driver.rules.1.id"), "id-table-sentinel");
	STREQ(STR_AT(run, "tool.driver.rules.1.name"), "IdTableSentinel");
	STREQ(STR_AT(run, "tool.driver.rules.1.shortDescription.text"),
	      "device-id table without its '{ }' sentinel");
	STREQ(STR_AT(run, "tool.driver.rules.1.fullDescription.text"),
	      "A device-id table must end with an empty entry.");
	STREQ(STR_AT(run, "tool.driver.rules.1.help.markdown"), rules[1].help);
	OK(!at(run, "tool.driver.rules.0.help"));
	STREQ(STR_AT(run, "tool.driver.rules.0.defaultConfiguration.level"),
	      "warning");
	STREQ(STR_AT(run, "originalUriBaseIds.SRCROOT.uri"),
	      "file:///src/my%20linux/");

	STREQ(STR_AT(res, "ruleId"), "id-table-sentinel");
	INTEQ(INT_AT(res, "ruleIndex"), 1);
	STREQ(STR_AT(res, "level"), "warning");
	STREQ(STR_AT(res, "locations.0.physicalLocation.artifactLocation.uri"),
	      "drivers/foo/bar.c");
	STREQ(STR_AT(res,
		     "locations.0.physicalLocation.artifactLocation.uriBaseId"),
	      "SRCROOT");
	INTEQ(INT_AT(res, "locations.0.physicalLocation.region.startLine"),
	      123);
	INTEQ(INT_AT(res, "locations.0.physicalLocation.region.startColumn"),
	      21);
	INTEQ(INT_AT(res, "relatedLocations.0.id"), 0);
	STREQ(STR_AT(res, "relatedLocations.0.message.text"),
	      "exported with MODULE_DEVICE_TABLE() here");
	STREQ(STR_AT(res, "fixes.0.description.text"),
	      "terminate the table with '{ }'");
	INTEQ(json_array_size(at(res, "fixes.0.artifactChanges")), 1);
	INTEQ(json_array_size(
		      at(res, "fixes.0.artifactChanges.0.replacements")),
	      2);
	STREQ(STR_AT(res,
		     "fixes.0.artifactChanges.0.replacements.1.insertedContent.text"),
	      "\t{ }\n");
	INTEQ(INT_AT(res,
		     "fixes.0.artifactChanges.0.replacements.1.deletedRegion.endLine"),
	      130);

	res = at(run, "results.1");
	STREQ(STR_AT(res, "level"), "note");
	STREQ(STR_AT(res, "locations.0.physicalLocation.artifactLocation.uri"),
	      "caf%E9%231.c");
	OK(!at(res, "locations.0.physicalLocation.region.startColumn"));
	OK(!at(res, "fixes"));

	OK(json_is_false(at(run, "invocations.0.executionSuccessful")));
	STREQ(STR_AT(run, "invocations.0.toolExecutionNotifications.0.level"),
	      "error");
	STREQ(STR_AT(run,
		     "invocations.0.toolExecutionNotifications.0.message.text"),
	      "unknown type name 'u8'");
	INTEQ(INT_AT(run,
		     "invocations.0.toolExecutionNotifications.0.locations.0.physicalLocation.region.startLine"),
	      5);
}

static void validate(const char *file)
{
	const char *schema = getenv("SARIF_SCHEMA");
	const char *src = getenv("DRVLINT_SOURCE_DIR");
	const char *python = getenv("PYTHON");
	char *cmd;

	if (!schema || access(schema, R_OK) || !src) {
		printf("# SARIF_SCHEMA or DRVLINT_SOURCE_DIR not set: schema validation skipped\n");
		return;
	}
	cmd = xasprintf("'%s' '%s/tests/validate-sarif.py' '%s' '%s'",
			python ? python : "python3", src, schema, file);
	OK(system(cmd) == 0);
	free(cmd);
}

int main(void)
{
	char path[] = "/tmp/drvlint-sarif-XXXXXX";
	int fd = mkstemp(path);
	struct report r = { 0 };
	json_error_t err;
	FILE *out;
	json_t *j;

	if (fd < 0 || !(out = fdopen(fd, "w"))) {
		perror("mkstemp");
		return 1;
	}
	fill(&r);
	OK(report_write(out, &r, FORMAT_SARIF) == 0);
	fclose(out);
	j = json_load_file(path, 0, &err);
	OK(j);
	if (j)
		test_log(j);
	else
		printf("# %s:%d: %s\n", path, err.line, err.text);
	validate(path);
	json_decref(j);
	unlink(path);
	finding_list_free(&r.findings);
	failure_list_free(&r.failures);
	return tap_done();
}
