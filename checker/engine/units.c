// SPDX-License-Identifier: GPL-2.0-only
/*
 * Build the list of translation units.  A compile database is read with
 * libclang's own reader; when that fails, jansson says why, with the line
 * and column, so that a user can mend the file.
 *
 * A unit's file is its canonical path (symlinks, "..", "./" resolved), and
 * so is every path given on the command line: a path selects the units it
 * names, whichever way it is written.  A unit's directory is absolute (a
 * relative "directory" is taken relative to the database's own): each
 * unit is parsed in it, whatever the process's working directory.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>

#include "engine/units.h"
#include "lib/cx.h"
#include "lib/fs.h"
#include "lib/path.h"
#include "lib/strset.h"
#include "lib/strvec.h"
#include "lib/util.h"

/* A new unit for the canonical file, to be parsed in directory. */
static struct unit *unit_new(struct unit_list *ul, const char *file,
			     const char *directory)
{
	struct unit *u;

	GROW(ul->v, ul->cap, ul->n);
	u = &ul->v[ul->n++];
	memset(u, 0, sizeof(*u));
	u->directory = xstrdup(directory);
	u->file = xstrdup(file);
	return u;
}

void unit_free(struct unit *u)
{
	free(u->file);
	free(u->directory);
	strvec_free(&u->args);
}

void unit_list_free(struct unit_list *ul)
{
	for (size_t i = 0; i < ul->n; i++)
		unit_free(&ul->v[i]);
	free(ul->v);
	memset(ul, 0, sizeof(*ul));
}

/* What entry i (from 1) of the database lacks, or NULL. */
static const char *entry_lacks(json_t *e)
{
	json_t *args = json_object_get(e, "arguments");
	size_t i;
	json_t *a;

	if (!json_is_object(e))
		return "is not an object";
	if (!json_is_string(json_object_get(e, "directory")))
		return "has no \"directory\" string";
	if (!json_is_string(json_object_get(e, "file")))
		return "has no \"file\" string";
	if (json_is_string(json_object_get(e, "command")))
		return NULL;
	if (!json_is_array(args) || !json_array_size(args))
		return "has neither a \"command\" string nor an \"arguments\" list";
	json_array_foreach(args, i, a) if (
		!json_is_string(
			a)) return "has an \"arguments\" list with something else than strings";
	return NULL;
}

/*
 * libclang's reader is lenient: it takes some malformed files, says
 * nothing useful about others and prints "LIBCLANG TOOLING ERROR" lines
 * of its own.  jansson reads the file first and says what is wrong: the
 * line and column of a syntax error, the entry and the key it lacks.
 */
static int compdb_validate(const char *path, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *root;
	struct stat st;
	int ret = 0;

	if (stat(path, &st))
		return set_error(err, errlen, "%s: %s", path, strerror(errno));
	root = json_load_file(path, 0, &jerr);
	if (!root)
		return set_error(err, errlen,
				 "%s:%d:%d: malformed compile database: %s",
				 path, jerr.line, jerr.column, jerr.text);
	if (!json_is_array(root)) {
		ret = set_error(
			err, errlen,
			"%s: not a compile database (expected a JSON array of objects with \"directory\", \"file\" and \"command\" or \"arguments\")",
			path);
	} else {
		size_t i, n = json_array_size(root);
		const char *lacks = NULL;
		json_t *e;

		json_array_foreach(root, i,
				   e) if ((lacks = entry_lacks(e))) break;
		if (lacks)
			ret = set_error(
				err, errlen,
				"%s: entry %zu of %zu (counting from 1) %s; each entry needs \"directory\", \"file\" and \"command\" or \"arguments\"",
				path, i + 1, n, lacks);
	}
	json_decref(root);
	return ret;
}

/* Is file one of paths, or below one of them? */
static bool path_selected(const char *file, char *const *abs_paths, size_t n,
			  bool *used)
{
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(abs_paths[i]);

		if (!strncmp(file, abs_paths[i], len) &&
		    (file[len] == '\0' || file[len] == '/' ||
		     abs_paths[i][len - 1] == '/')) {
			used[i] = true;
			any = true;
		}
	}
	return any;
}

/* The compiler's argv minus the compiler itself, the source and -c/-o. */
static void command_flags(CXCompileCommand cmd, const char *file,
			  const char *dir, struct unit *u, dropped_fn dropped,
			  void *ctx)
{
	unsigned int n = clang_CompileCommand_getNumArgs(cmd);
	struct strvec raw = { 0 };

	for (unsigned int i = 1; i < n; i++) {
		char *arg = cx_take(clang_CompileCommand_getArg(cmd, i));
		char *abs = arg[0] != '-' ? path_canonical(dir, arg) : NULL;

		if (!abs || strcmp(abs, file))
			strvec_push(&raw, arg);
		free(abs);
		free(arg);
	}
	flags_filter(raw.v, raw.n, &u->args, dropped, ctx);
	strvec_free(&raw);
}

static int add_commands(struct unit_list *ul, CXCompileCommands cmds,
			const char *db_dir, char *const *abs_paths,
			size_t npaths, bool *used, dropped_fn dropped,
			void *ctx)
{
	unsigned int n = clang_CompileCommands_getSize(cmds);

	for (unsigned int i = 0; i < n; i++) {
		CXCompileCommand cmd =
			clang_CompileCommands_getCommand(cmds, i);
		char *given = cx_take(clang_CompileCommand_getDirectory(cmd));
		char *name = cx_take(clang_CompileCommand_getFilename(cmd));
		char *dir = path_absolute(db_dir, given);
		char *file = path_canonical(dir, name);

		if ((!npaths || path_selected(file, abs_paths, npaths, used)) &&
		    has_suffix(file, ".c")) {
			struct unit *u = unit_new(ul, file, dir);

			command_flags(cmd, u->file, dir, u, dropped, ctx);
		} else if (has_suffix(file, ".c")) {
			ul->left_out++;
		}
		free(file);
		free(dir);
		free(name);
		free(given);
	}
	return 0;
}

int units_from_compdb(struct unit_list *ul, const char *build_dir,
		      const char *cwd, char *const *paths, size_t npaths,
		      dropped_fn dropped, void *ctx, char *err, size_t errlen)
{
	CXCompilationDatabase_Error dberr;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	char **abs_paths = xcalloc(npaths, sizeof(char *));
	bool *used = xcalloc(npaths, sizeof(bool));
	char *path = xasprintf("%s/compile_commands.json", build_dir);
	char *db_dir = path_canonical(cwd, build_dir);
	int ret = 0;

	if (compdb_validate(path, err, errlen)) {
		ret = -1;
		goto out;
	}
	db = clang_CompilationDatabase_fromDirectory(build_dir, &dberr);
	if (dberr != CXCompilationDatabase_NoError) {
		ret = set_error(
			err, errlen,
			"%s: libclang cannot read this compile database", path);
		goto out;
	}
	for (size_t i = 0; i < npaths; i++)
		abs_paths[i] = path_canonical(cwd, paths[i]);
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	add_commands(ul, cmds, db_dir, abs_paths, npaths, used, dropped, ctx);
	clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	for (size_t i = 0; i < npaths && !ret; i++)
		if (!used[i])
			ret = set_error(
				err, errlen,
				"%s: no C file of %s is under this path",
				paths[i], path);
	if (!ret && !ul->n)
		ret = set_error(err, errlen, "%s: no C files to check", path);
out:
	for (size_t i = 0; i < npaths; i++)
		free(abs_paths[i]);
	free(abs_paths);
	free(used);
	free(path);
	free(db_dir);
	return ret;
}

/* Every .c file below each path, or the path itself, once each. */
static int files_of_paths(const char *cwd, char *const *paths, size_t npaths,
			  struct strvec *out, char *err, size_t errlen)
{
	struct strset seen = { 0 };
	int ret = 0;

	for (size_t i = 0; i < npaths && !ret; i++) {
		struct strvec files = { 0 };
		struct stat st;

		if (stat(paths[i], &st)) {
			ret = set_error(err, errlen, "%s: %s", paths[i],
					strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			find_files(paths[i], ".c", &files);
			if (!files.n)
				ret = set_error(err, errlen,
						"%s: no C files to check",
						paths[i]);
		} else {
			strvec_push(&files, paths[i]);
		}
		for (size_t j = 0; j < files.n && !ret; j++) {
			char *file = path_canonical(cwd, files.v[j]);

			if (!strset_has(&seen, file)) {
				strset_add(&seen, file);
				strvec_push(out, file);
			}
			free(file);
		}
		strvec_free(&files);
	}
	strset_free(&seen);
	return ret;
}

int units_from_paths(struct unit_list *ul, const char *cwd, char *const *paths,
		     size_t npaths, char *const *cflags, size_t ncflags,
		     dropped_fn dropped, void *ctx, char *err, size_t errlen)
{
	struct strvec files = { 0 };
	int ret = files_of_paths(cwd, paths, npaths, &files, err, errlen);

	for (size_t j = 0; j < files.n && !ret; j++) {
		struct unit *u = unit_new(ul, files.v[j], cwd);

		flags_filter(cflags, ncflags, &u->args, dropped, ctx);
	}
	strvec_free(&files);
	return ret;
}
