// SPDX-License-Identifier: GPL-2.0-only
/* Command-line parsing: drvlint's options, compiler flags, kbuild's form. */
#include <stdio.h>

#include "core/check.h"
#include "cli/options.h"
#include "tap.h"

static int parse(struct options *o, char *err, int argc, char **argv)
{
	return options_parse(o, argc, argv, err, 256);
}

#define ARGV(...) ((char *[]){ "drvlint", __VA_ARGS__, NULL })
#define ARGC(...) \
	((int)(sizeof((char *[]){ "drvlint", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, err, ...) parse(o, err, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static void test_clang_tidy_form(void)
{
	struct options o;
	char err[256];

	INTEQ(PARSE(&o, err, "--format=json", "-j", "3", "foo.c", "--",
		    "-Iinclude", "-DMODULE"),
	      0);
	INTEQ(o.format, FORMAT_JSON);
	INTEQ(o.jobs, 3);
	INTEQ(o.paths.n, 1);
	STREQ(o.paths.v[0], "foo.c");
	INTEQ(o.cflags.n, 2);
	STREQ(o.cflags.v[1], "-DMODULE");
	OK(!o.kbuild);
	options_free(&o);
}

static void test_compdb_form(void)
{
	struct options o;
	char err[256];

	INTEQ(PARSE(&o, err, "-p", "build", "--checks=-*,id-table-sentinel",
		    "-o", "out.sarif", "--format", "sarif", "drivers/i2c"),
	      0);
	STREQ(o.build_dir, "build");
	STREQ(o.checks, "-*,id-table-sentinel");
	STREQ(o.output, "out.sarif");
	INTEQ(o.format, FORMAT_SARIF);
	STREQ(o.paths.v[0], "drivers/i2c");
	options_free(&o);
}

static void test_kbuild_form(void)
{
	struct options o;
	char err[256];

	/* What kbuild's cmd_checksrc passes: CHECKFLAGS, c_flags, the file. */
	INTEQ(PARSE(&o, err, "-D__linux__", "-Wbitwise", "--arch=x86",
		    "-mlittle-endian", "-m64", "-include",
		    "./include/linux/kconfig.h", "-I", "./include",
		    "drivers/i2c/i2c-core-base.c"),
	      0);
	OK(o.kbuild);
	INTEQ(o.paths.n, 1);
	STREQ(o.paths.v[0], "drivers/i2c/i2c-core-base.c");
	INTEQ(o.cflags.n, 8);
	STREQ(o.cflags.v[4], "-include");
	STREQ(o.cflags.v[5], "./include/linux/kconfig.h");
	options_free(&o);
}

static void test_errors(void)
{
	struct options o;
	char err[256];

	OK(PARSE(&o, err, "--frobnicate") < 0);
	STREQ(err, "unknown option '--frobnicate'");
	options_free(&o);
	OK(PARSE(&o, err, "--format=xml", "a.c") < 0);
	options_free(&o);
	OK(PARSE(&o, err, "-j", "0", "a.c") < 0);
	options_free(&o);
	OK(PARSE(&o, err, "-p") < 0);
	STREQ(err, "option '-p' needs a value");
	options_free(&o);
	OK(PARSE(&o, err, "--fix", "--patch", "a.c") < 0);
	options_free(&o);
	OK(PARSE(&o, err, "-DFOO", "a.c", "--", "-DBAR") < 0);
	options_free(&o);
}

static void test_commands(void)
{
	struct options o;
	char err[256];

	INTEQ(PARSE(&o, err, "--help"), 0);
	INTEQ(o.command, CMD_HELP);
	options_free(&o);
	INTEQ(PARSE(&o, err, "--list-checks"), 0);
	INTEQ(o.command, CMD_LIST_CHECKS);
	options_free(&o);
}

static void test_check_selection(void)
{
	bool on[64];
	char err[256];

	INTEQ(checks_select(NULL, on, err, sizeof(err)), 0);
	OK(on[0]);
	INTEQ(checks_select("-*", on, err, sizeof(err)), 0);
	OK(!on[0]);
	INTEQ(checks_select("-*,id-table-*", on, err, sizeof(err)), 0);
	OK(on[0]);
	OK(!on[1]);
	/* naming a check first selects just it */
	INTEQ(checks_select("const-driver-struct", on, err, sizeof(err)), 0);
	OK(!on[0]);
	OK(on[1]);
	/* removing one first keeps the others */
	INTEQ(checks_select("-const-driver-struct", on, err, sizeof(err)), 0);
	OK(on[0]);
	OK(!on[1]);
	OK(checks_select("-*,no-such-check", on, err, sizeof(err)) < 0);
}

int main(void)
{
	test_clang_tidy_form();
	test_compdb_form();
	test_kbuild_form();
	test_errors();
	test_commands();
	test_check_selection();
	return tap_done();
}
