// SPDX-License-Identifier: GPL-2.0-only
/*
 * Running other programs: operands never become options, and paths and
 * other bytes come back exactly through JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/json_util.h"
#include "lib/program.h"
#include "tap.h"

/* An operand is passed after the end-of-options marker, as one. */
static void test_operands_after_marker(void)
{
	const char *opts[] = { "-c", "printf '%s|' \"$@\"", "sh", NULL };
	const char *ops[] = { "--output=x", "-n", NULL };
	struct spawn_cmd cmd = { .prog = "sh",
				 .options = opts,
				 .end_of_options = "--",
				 .operands = ops };
	struct spawn_result res;
	char err[256] = "", *line;

	INTEQ(spawn_run(&cmd, &res, err, sizeof(err)), 0);
	INTEQ(res.status, 0);
	/* $0 is "sh"; the marker and the operands follow, each one word */
	STREQ(res.out, "--|--output=x|-n|");
	spawn_result_free(&res);
	line = spawn_command_line(&cmd);
	STREQ(line, "sh -c 'printf '%s|' \"$@\"' sh -- --output=x -n");
	free(line);
}

/* Without a marker, an operand that looks like an option is refused. */
static void test_operand_refused(void)
{
	const char *ops[] = { "file", "--output=x", NULL };
	struct spawn_cmd cmd = { .prog = "true", .operands = ops };
	struct spawn_result res;
	char err[256] = "";

	INTEQ(spawn_run(&cmd, &res, err, sizeof(err)), -1);
	STREQ(err, "true: '--output=x' would be taken for an option");
	spawn_result_free(&res);
}

static void round_trip(const char *s, bool want_bytes)
{
	json_t *o = json_object();
	char *back;

	json_set_bytes(o, "file", s);
	OK(!!json_object_get(o, "file_bytes") == want_bytes);
	back = json_get_bytes(o, "file");
	STREQ(back, s);
	free(back);
	json_decref(o);
}

static void test_bytes_round_trip(void)
{
	json_t *o = json_object();
	char *got;

	round_trip("drivers/plain.c", false);
	round_trip("caf\xc3\xa9.c", false);
	round_trip("t\xe9.c", true);
	round_trip("a%20b \x01\x7f\xff.c", true);
	json_set_bytes(o, "file", "t\xe9.c");
	STREQ(json_string_value(json_object_get(o, "file_bytes")), "t%E9.c");
	/* A malformed escape falls back to the readable form. */
	json_object_set_new(o, "file_bytes", json_string("t%E"));
	got = json_get_bytes(o, "file");
	STREQ(got, "t\xef\xbf\xbd.c");
	free(got);
	json_object_set_new(o, "file_bytes", json_string("t%00.c"));
	got = json_get_bytes(o, "file");
	STREQ(got, "t\xef\xbf\xbd.c");
	free(got);
	json_decref(o);
}

int main(void)
{
	test_operands_after_marker();
	test_operand_refused();
	test_bytes_round_trip();
	return tap_done();
}
