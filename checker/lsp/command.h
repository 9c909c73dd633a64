/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Which command parses a file: its own entry in the nearest
 * compile_commands.json (the file's directory and up, or the build
 * directory the client named), else the entry of a neighbour (a unit in
 * the same directory, or the closest one), the way clangd infers a
 * command for a new file.  Databases are read once and read again when
 * the file changes.  Headers are the server's business: it asks for the
 * command of an open unit that includes them.
 */
#ifndef DRVLINT_LSP_COMMAND_H
#define DRVLINT_LSP_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strvec.h"

struct command {
	char *file; /* the unit's main file, absolute */
	char *directory; /* the compiler's working directory */
	struct strvec args; /* filtered as the command line filters them */
	char *how; /* which rule picked it, for the log */
	bool own; /* the file's own entry, not a neighbour's */
};

struct command_options {
	const char *build_dir; /* NULL: search from the file up */
	char *const *add; /* flags appended to every command */
	size_t nadd;
	char *const *remove; /* globs of flags dropped from every command */
	size_t nremove;
};

enum command_result {
	COMMAND_FOUND,
	COMMAND_NO_ENTRY, /* a database, but nothing near the file */
	COMMAND_NO_DATABASE,
};

struct compdbs;

struct compdbs *compdbs_new(void);
void compdbs_free(struct compdbs *c);

/*
 * The command for path.  *db gets the database's path (malloc'ed) when
 * there is one, else NULL.  Thread-safe.
 */
enum command_result command_lookup(struct compdbs *c, const char *path,
				   const struct command_options *o,
				   struct command *cmd, char **db);
void command_free(struct command *cmd);
bool command_equal(const struct command *a, const struct command *b);

#endif
