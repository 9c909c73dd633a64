// SPDX-License-Identifier: GPL-2.0-only
/* The rules/ file reader, the string set, and the shipped rule files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "lib/strset.h"
#include "tap.h"

static void test_parse(void)
{
	struct rules_file rf = { 0 };

	rules_parse(&rf, "# a comment\n\npci_device_id\n"
			 "  call of_match_node 1   # trailing comment\n"
			 "field\tdevice_driver.of_match_table\r\n#x y\n");
	INTEQ(rf.nline, 3);
	STREQ(rf.line[0].field[0], "pci_device_id");
	INTEQ(rf.line[0].lineno, 3);
	INTEQ(rf.line[1].nfield, 3);
	STREQ(rf.line[1].field[2], "1");
	INTEQ(rf.line[1].lineno, 4);
	STREQ(rf.line[2].field[1], "device_driver.of_match_table");
	rules_free(&rf);
}

static void test_missing_file(void)
{
	struct rules_file rf;
	char err[256];

	OK(rules_load(&rf, "/nonexistent", "x.list", err, sizeof(err)) < 0);
	STREQ(err, "/nonexistent/x.list: No such file or directory");
}

static void test_strset(void)
{
	struct strset s = { 0 };
	char name[32];

	for (int i = 0; i < 500; i++) {
		snprintf(name, sizeof(name), "name%d", i);
		strset_add(&s, name);
	}
	strset_add(&s, "name7");
	INTEQ(s.n, 500);
	OK(strset_has(&s, "name499"));
	OK(!strset_has(&s, "name500"));
	OK(strset_has_n(&s, "name12345", 6));
	strset_free(&s);
	OK(!strset_has(&s, "name1"));
}

/* The shipped data: all 58 device-id kinds of mod_devicetable.h. */
static void test_shipped_id_tables(void)
{
	const char *src = getenv("DRVLINT_SOURCE_DIR");
	struct rules_file rf;
	char err[512], *dir;

	if (!src)
		return;
	dir = malloc(strlen(src) + 8);
	sprintf(dir, "%s/rules", src);
	INTEQ(rules_load(&rf, dir, "id-tables.list", err, sizeof(err)), 0);
	OK(rf.nline >= 58);
	for (size_t i = 0; i < rf.nline; i++)
		INTEQ(rf.line[i].nfield, 1);
	rules_free(&rf);
	free(dir);
}

int main(void)
{
	test_parse();
	test_missing_file();
	test_strset();
	test_shipped_id_tables();
	return tap_done();
}
