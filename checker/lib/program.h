/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one way drvlint runs another program (spatch, make): found on PATH
 * first, run without a shell, its output captured, and its failure
 * reported with the command and what it printed on stderr.
 */
#ifndef DRVLINT_PROGRAM_H
#define DRVLINT_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>

struct spawn_result {
	int status; /* exit status, or 128 + signal */
	char *out, *err; /* NUL-terminated, owned */
	size_t out_len, err_len;
};

/* Is prog (a name looked up on PATH, or a path) executable? */
bool spawn_found(const char *prog);

/*
 * Run argv (argv[0] looked up on PATH) with stdin from /dev/null.
 * Returns 0 when it ran (whatever its status), -1 with err otherwise.
 */
int spawn_run(char *const argv[], struct spawn_result *res, char *err,
	      size_t errlen);
void spawn_result_free(struct spawn_result *res);

/* "prog arg1 'arg 2' ..." for messages; caller frees. */
char *spawn_command_line(char *const argv[]);

#endif
