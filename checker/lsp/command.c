// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compile databases for the language server.  libclang reads each
 * database (it splits "command" strings as the build system meant them);
 * entries are kept by the real path of their file so that a symlinked
 * or "..'d" path finds its entry.
 */
#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <clang-c/CXCompilationDatabase.h>

#include "engine/flags.h"
#include "lib/cx.h"
#include "lib/path.h"
#include "lib/util.h"
#include "lsp/command.h"

struct entry {
	char *file; /* as the database names it, made absolute */
	char *real; /* realpath() of it, or the same */
	char *directory;
	struct strvec raw; /* the compiler's arguments, without the file */
};

struct compdb {
	char *path; /* .../compile_commands.json */
	struct stat st; /* when it was read */
	struct entry *v;
	size_t n, cap;
};

struct compdbs {
	pthread_mutex_t lock;
	struct compdb *v;
	size_t n, cap;
};

struct compdbs *compdbs_new(void)
{
	struct compdbs *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	return c;
}

static void compdb_clear(struct compdb *db)
{
	for (size_t i = 0; i < db->n; i++) {
		free(db->v[i].file);
		free(db->v[i].real);
		free(db->v[i].directory);
		strvec_free(&db->v[i].raw);
	}
	free(db->v);
	db->v = NULL;
	db->n = db->cap = 0;
}

void compdbs_free(struct compdbs *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		compdb_clear(&c->v[i]);
		free(c->v[i].path);
	}
	free(c->v);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static char *real_or_same(const char *path)
{
	char buf[PATH_MAX];

	return xstrdup(realpath(path, buf) ? buf : path);
}

static void add_entry(struct compdb *db, CXCompileCommand cmd)
{
	unsigned int n = clang_CompileCommand_getNumArgs(cmd);
	char *dir = cx_take(clang_CompileCommand_getDirectory(cmd));
	char *name = cx_take(clang_CompileCommand_getFilename(cmd));
	struct entry *e;

	GROW(db->v, db->cap, db->n);
	e = &db->v[db->n++];
	memset(e, 0, sizeof(*e));
	e->file = path_absolute(dir, name);
	e->real = real_or_same(e->file);
	e->directory = dir;
	for (unsigned int i = 1; i < n; i++) {
		char *arg = cx_take(clang_CompileCommand_getArg(cmd, i));
		char *abs = arg[0] != '-' ? path_absolute(dir, arg) : NULL;

		if (!abs || strcmp(abs, e->file))
			strvec_push(&e->raw, arg);
		free(abs);
		free(arg);
	}
	free(name);
}

static void compdb_load(struct compdb *db)
{
	char *dir = xstrndup(
		db->path, strlen(db->path) - strlen("/compile_commands.json"));
	CXCompilationDatabase_Error err;
	CXCompilationDatabase cdb =
		clang_CompilationDatabase_fromDirectory(dir, &err);

	compdb_clear(db);
	if (err == CXCompilationDatabase_NoError) {
		CXCompileCommands cmds =
			clang_CompilationDatabase_getAllCompileCommands(cdb);
		unsigned int n = clang_CompileCommands_getSize(cmds);

		for (unsigned int i = 0; i < n; i++)
			add_entry(db,
				  clang_CompileCommands_getCommand(cmds, i));
		clang_CompileCommands_dispose(cmds);
	}
	clang_CompilationDatabase_dispose(cdb);
	free(dir);
}

static bool same_stat(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino && a->st_dev == b->st_dev &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The database at path, read (again, if it changed); under the lock. */
static struct compdb *compdb_get(struct compdbs *c, const char *path,
				 const struct stat *st)
{
	struct compdb *db = NULL;

	for (size_t i = 0; i < c->n && !db; i++)
		if (!strcmp(c->v[i].path, path))
			db = &c->v[i];
	if (!db) {
		GROW(c->v, c->cap, c->n);
		db = &c->v[c->n++];
		memset(db, 0, sizeof(*db));
		db->path = xstrdup(path);
	} else if (same_stat(&db->st, st)) {
		return db;
	}
	db->st = *st;
	compdb_load(db);
	return db;
}

/* The nearest compile_commands.json: the build directory, or file's up. */
static char *find_database(const char *file, const char *build_dir,
			   struct stat *st)
{
	char *dir, *slash, *path;

	if (build_dir) {
		path = xasprintf("%s/compile_commands.json", build_dir);
		if (!stat(path, st))
			return path;
		free(path);
		return NULL;
	}
	dir = xstrdup(file);
	while ((slash = strrchr(dir, '/'))) {
		*slash = '\0';
		path = xasprintf("%s/compile_commands.json", dir);
		if (!stat(path, st) && S_ISREG(st->st_mode)) {
			free(dir);
			return path;
		}
		free(path);
	}
	free(dir);
	return NULL;
}

static size_t common_dir_prefix(const char *a, const char *b)
{
	size_t i = 0, last = 0;

	for (; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			last = i;
	return last;
}

/* The file's own entry, or the neighbour it shares most directories with. */
static const struct entry *pick(const struct compdb *db, const char *real,
				bool *own)
{
	const struct entry *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; i < db->n; i++) {
		const struct entry *e = &db->v[i];
		size_t common;

		if (!strcmp(e->real, real)) {
			*own = true;
			return e;
		}
		common = common_dir_prefix(e->real, real);
		if (has_suffix(e->file, ".c") && (!best || common > best_len)) {
			best = e;
			best_len = common;
		}
	}
	*own = false;
	return best;
}

static bool removed(const struct command_options *o, const char *arg)
{
	for (size_t i = 0; i < o->nremove; i++)
		if (!fnmatch(o->remove[i], arg, 0))
			return true;
	return false;
}

static void make_command(const struct entry *e, const char *path,
			 const struct command_options *o, struct command *cmd)
{
	struct strvec kept = { 0 };

	memset(cmd, 0, sizeof(*cmd));
	cmd->file = xstrdup(path);
	cmd->directory = xstrdup(e->directory);
	for (size_t i = 0; i < e->raw.n; i++)
		if (!removed(o, e->raw.v[i]))
			strvec_push(&kept, e->raw.v[i]);
	for (size_t i = 0; i < o->nadd; i++)
		strvec_push(&kept, o->add[i]);
	flags_filter(kept.v, kept.n, &cmd->args, NULL, NULL);
	strvec_free(&kept);
}

enum command_result command_lookup(struct compdbs *c, const char *path,
				   const struct command_options *o,
				   struct command *cmd, char **dbpath)
{
	struct stat st;
	char *found = find_database(path, o->build_dir, &st);
	char *real = real_or_same(path);
	const struct entry *e = NULL;
	enum command_result res = COMMAND_NO_DATABASE;
	bool own = false;

	*dbpath = found;
	if (found) {
		pthread_mutex_lock(&c->lock);
		e = pick(compdb_get(c, found, &st), real, &own);
		res = e ? COMMAND_FOUND : COMMAND_NO_ENTRY;
		if (e) {
			make_command(e, path, o, cmd);
			cmd->own = own;
			cmd->how =
				own ? xasprintf("its entry in %s", found) :
				      xasprintf(
					      "inferred from %s's entry in %s",
					      e->file, found);
		}
		pthread_mutex_unlock(&c->lock);
	}
	free(real);
	return res;
}

void command_free(struct command *cmd)
{
	free(cmd->file);
	free(cmd->directory);
	free(cmd->how);
	strvec_free(&cmd->args);
	memset(cmd, 0, sizeof(*cmd));
}

bool command_equal(const struct command *a, const struct command *b)
{
	if (!a->file || !b->file || strcmp(a->file, b->file) ||
	    strcmp(a->directory, b->directory) || a->args.n != b->args.n)
		return false;
	for (size_t i = 0; i < a->args.n; i++)
		if (strcmp(a->args.v[i], b->args.v[i]))
			return false;
	return true;
}
