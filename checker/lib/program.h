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

/*
 * A command, built so that no argument can become an option the caller
 * did not write:
 *  - options[] are the caller's own option words and the values they take
 *    (a value is the argument after an option that takes one, or joined
 *    with '=': "-C", dir; "--cocci-file", path);
 *  - operands[] (file names, revisions: anything a user chose) are passed
 *    after the program's end-of-options marker, end_of_options ("--", or
 *    git's "--end-of-options" before revisions).  A program without one
 *    (end_of_options NULL) cannot be given an operand that starts with
 *    '-': spawn_run() refuses the command.
 * The argument vector is prog, options, end_of_options, operands.
 */
struct spawn_cmd {
	const char *prog; /* looked up on PATH, or a path */
	const char *const *options; /* NULL-ended; may be NULL */
	const char *end_of_options; /* may be NULL */
	const char *const *operands; /* NULL-ended; may be NULL */
};

/* Is prog (a name looked up on PATH, or a path) executable? */
bool spawn_found(const char *prog);

/*
 * Run cmd with stdin from /dev/null.  Returns 0 when it ran (whatever its
 * status), -1 with err otherwise.
 */
int spawn_run(const struct spawn_cmd *cmd, struct spawn_result *res, char *err,
	      size_t errlen);
void spawn_result_free(struct spawn_result *res);

/* "prog arg1 'arg 2' ..." for messages; caller frees. */
char *spawn_command_line(const struct spawn_cmd *cmd);

#endif
