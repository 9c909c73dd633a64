// SPDX-License-Identifier: GPL-2.0-only
/*
 * The workers: each takes the documents it owns when their debounce has
 * run out, checks a snapshot of every open buffer, and keeps the result
 * only if the document has not changed meanwhile, so that a check
 * overtaken by an edit is dropped and an older version is never
 * published after a newer one.  Each worker has its own CXIndex, and
 * each document's kept parse belongs to one worker.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/cache.h"
#include "lib/util.h"
#include "lsp/cocci_save.h"
#include "lsp/includers.h"
#include "lsp/server.h"
#include "out/tree_facts.h"

struct job {
	struct lsp_doc *doc;
	long version;
	unsigned int gen;
	char *path;
	char *includer; /* for a header: a unit that includes it */
	struct CXUnsavedFile *unsaved;
	unsigned int nunsaved;
	struct command_options opts;
	struct strvec add, remove;
	char *build_dir;
	char *cache_dir;
	bool from_cache; /* the includer comes from the cache's manifests */
	bool want_includes; /* list the files the parse read */
	bool cocci; /* run the Coccinelle engine too */
	char *spatch, *cocci_dir;
	/* Results. */
	struct command cmd;
	char *notice;
	struct analysis a;
	bool ran;
	struct finding_list cocci_findings;
	char *cocci_error;
	struct lsp_tree_read tree;
};

void lsp_doc_free(struct lsp_doc *doc, size_t nchecks)
{
	document_free(&doc->d);
	kept_unit_dispose(&doc->kept);
	free(doc->checked_text);
	free(doc->unit_file);
	unit_results_free(&doc->r, nchecks);
	strset_free(&doc->includes);
	free(doc->notice);
	finding_list_free(&doc->cocci);
	free(doc->cocci_error);
	finding_list_free(&doc->shown);
	json_decref(doc->published);
	free(doc);
}

static bool is_header(const char *path)
{
	return has_suffix(path, ".h");
}

void lsp_schedule(struct server *s, struct lsp_doc *doc, double when)
{
	doc->due = when;
	if (is_header(doc->d.path)) {
		for (size_t i = 0; i < s->ndocs; i++) {
			struct lsp_doc *o = s->docs[i];

			if (o != doc && !o->closed &&
			    strset_has(&o->includes, doc->d.path))
				o->due = when;
		}
	}
	pthread_cond_broadcast(&s->wake);
}

/* An open unit that includes the header at path, or NULL. */
static const char *open_includer(struct server *s, const char *path)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *o = s->docs[i];

		if (!o->closed && o->unit_file &&
		    !strcmp(o->unit_file, o->d.path) &&
		    strset_has(&o->includes, path))
			return o->d.path;
	}
	return NULL;
}

static void copy_strvec(struct strvec *dst, const struct strvec *src)
{
	for (size_t i = 0; i < src->n; i++)
		strvec_push(dst, src->v[i]);
}

/*
 * Is a header open?  Only then are a unit's includes needed after each
 * edit (to find a header's includer and to check it again when the
 * header changes); without one, those of the first parse do.
 */
static bool header_open(struct server *s)
{
	for (size_t i = 0; i < s->ndocs; i++)
		if (!s->docs[i]->closed && is_header(s->docs[i]->d.path))
			return true;
	return false;
}

/* Everything the check needs, copied under the lock. */
static void snapshot(struct server *s, struct lsp_doc *doc, struct job *j)
{
	const char *inc;
	size_t n = 0;

	memset(j, 0, sizeof(*j));
	j->doc = doc;
	j->version = doc->d.version;
	j->gen = s->gen;
	j->path = xstrdup(doc->d.path);
	inc = is_header(doc->d.path) ? open_includer(s, doc->d.path) : NULL;
	j->includer = inc ? xstrdup(inc) : NULL;
	j->want_includes = !doc->includes_known || header_open(s);
	j->cocci = doc->cocci_wanted && !is_header(doc->d.path);
	doc->cocci_wanted = false;
	j->spatch = s->cfg.spatch ? xstrdup(s->cfg.spatch) : NULL;
	j->cocci_dir = s->cfg.cocci_dir ? xstrdup(s->cfg.cocci_dir) : NULL;
	j->unsaved = xcalloc(s->ndocs ? s->ndocs : 1, sizeof(*j->unsaved));
	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *o = s->docs[i];
		char *text;

		if (o->closed)
			continue;
		text = xmalloc(o->d.len + 1);
		memcpy(text, o->d.text, o->d.len + 1);
		j->unsaved[n].Filename = xstrdup(o->d.path);
		j->unsaved[n].Contents = text;
		j->unsaved[n++].Length = o->d.len;
	}
	j->nunsaved = (unsigned int)n;
	j->build_dir = s->cfg.build_dir ? xstrdup(s->cfg.build_dir) : NULL;
	j->cache_dir = s->cfg.cache_dir ? xstrdup(s->cfg.cache_dir) :
					  cache_default_dir();
	lsp_tree_prepare(s, &j->tree, j->cache_dir);
	copy_strvec(&j->add, &s->cfg.flags_add);
	copy_strvec(&j->remove, &s->cfg.flags_remove);
	j->opts = (struct command_options){ .build_dir = j->build_dir,
					    .add = j->add.v,
					    .nadd = j->add.n,
					    .remove = j->remove.v,
					    .nremove = j->remove.n };
}

static void job_free(struct job *j, size_t nchecks)
{
	for (unsigned int i = 0; i < j->nunsaved; i++) {
		free((char *)j->unsaved[i].Filename);
		free((char *)j->unsaved[i].Contents);
	}
	free(j->unsaved);
	free(j->path);
	free(j->includer);
	free(j->build_dir);
	free(j->cache_dir);
	free(j->spatch);
	free(j->cocci_dir);
	finding_list_free(&j->cocci_findings);
	free(j->cocci_error);
	strvec_free(&j->add);
	strvec_free(&j->remove);
	command_free(&j->cmd);
	lsp_tree_read_free(&j->tree);
	free(j->notice);
	analysis_free(&j->a, nchecks);
}

static const struct CXUnsavedFile *unsaved_of(const struct job *j,
					      const char *path)
{
	for (unsigned int i = 0; i < j->nunsaved; i++)
		if (!strcmp(j->unsaved[i].Filename, path))
			return &j->unsaved[i];
	return NULL;
}

static char *no_command_notice(enum command_result res, const char *db)
{
	if (res == COMMAND_NO_DATABASE)
		return xstrdup(
			"drvlint: not checked: no compile_commands.json in this file's directory or above. "
			"Create one with 'make compile_commands.json' in the kernel tree (or M=DIR for a module), "
			"or scripts/clang-tools/gen_compile_commands.py after a build, "
			"and point drvlint at its directory with 'drvlint lsp -p DIR' or the 'build-dir' option.");
	return xasprintf(
		"drvlint: not checked: %s has no unit to take a command from",
		db);
}

/* Is path a unit with its own entry in the database? */
static bool is_unit(void *ctx, const char *path)
{
	struct server *s = ((void **)ctx)[0];
	struct job *j = ((void **)ctx)[1];
	struct command cmd = { 0 };
	char *db = NULL;
	bool own = command_lookup(s->dbs, path, &j->opts, &cmd, &db) ==
			   COMMAND_FOUND &&
		   cmd.own;

	command_free(&cmd);
	free(db);
	return own;
}

/* Outside the lock: find the command, parse, run the checks. */
static void run_job(struct server *s, CXIndex index, struct job *j)
{
	const char *target = j->includer ? j->includer : j->path;
	const struct CXUnsavedFile *src;
	enum command_result res;
	char *db = NULL, *how, *text = NULL;
	size_t len;

	if (is_header(j->path) && !j->includer) {
		j->includer = cache_includer(j->cache_dir, j->path, is_unit,
					     (void *[]){ s, j });
		j->from_cache = j->includer != NULL;
	}
	if (is_header(j->path) && !j->includer) {
		j->notice = xstrdup(
			"drvlint: not checked: no open file includes this header, and the result cache knows no unit that does. "
			"Open a .c file that includes it (or run drvlint on one): the header is checked as part of that unit, with its command.");
		return;
	}
	res = command_lookup(s->dbs, target, &j->opts, &j->cmd, &db);
	if (res != COMMAND_FOUND) {
		j->notice = no_command_notice(res, db);
		lsp_log(s, "%s: no command (%s)", j->path,
			db ? "no unit in the database" : "no database");
		free(db);
		return;
	}
	free(db);
	if (j->includer) {
		how = xasprintf(
			"the command of %s, %s (%s)", j->includer,
			j->from_cache ?
				"a unit the result cache saw include it" :
				"an open unit that includes it",
			j->cmd.how);
		free(j->cmd.how);
		j->cmd.how = how;
	}
	lsp_log(s, "%s v%ld: command: %s", j->path, j->version, j->cmd.how);
	src = unsaved_of(j, j->cmd.file);
	if (!src && !(text = read_file(j->cmd.file, &len))) {
		j->notice = xasprintf("drvlint: not checked: %s: %s",
				      j->cmd.file, strerror(errno));
		return;
	}
	j->ran = analysis_run(index, &j->doc->kept, &j->cmd, &s->ck, j->unsaved,
			      j->nunsaved, src ? src->Contents : text,
			      src ? src->Length : len, j->want_includes, &j->a);
	free(text);
}

/* Open headers that waited for an includer: doc, a unit, includes them. */
static void wake_headers(struct server *s, struct lsp_doc *doc)
{
	if (!doc->unit_file || strcmp(doc->unit_file, doc->d.path))
		return;
	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *o = s->docs[i];

		if (o != doc && !o->closed && o->notice && !o->due &&
		    is_header(o->d.path) &&
		    strset_has(&doc->includes, o->d.path)) {
			o->due = lsp_now();
			/* It may be another worker's. */
			pthread_cond_broadcast(&s->wake);
		}
	}
}

/* The Coccinelle engine on the saved buffer; outside the lock. */
static void run_cocci(struct server *s, struct job *j)
{
	const struct CXUnsavedFile *own = unsaved_of(j, j->path);
	struct cocci_save cs = { .path = j->path,
				 .text = own ? own->Contents : "",
				 .len = own ? own->Length : 0,
				 .spatch = j->spatch,
				 .cocci_dir = j->cocci_dir };
	char err[4096];
	double start = lsp_now();

	if (cocci_on_save(&cs, &s->ck, &j->cocci_findings, err, sizeof(err)))
		j->cocci_error = xasprintf(
			"drvlint: the Coccinelle engine did not run: %s", err);
	lsp_log(s, "%s v%ld: Coccinelle in %.0f ms, %zu findings%s%s", j->path,
		j->version, (lsp_now() - start) * 1000, j->cocci_findings.n,
		j->cocci_error ? ": " : "", j->cocci_error ? err : "");
}

/* Under the lock: keep the Coccinelle engine's results of the job. */
static void keep_cocci(struct lsp_doc *doc, struct job *j)
{
	if (!j->cocci)
		return;
	finding_list_free(&doc->cocci);
	doc->cocci = j->cocci_findings;
	memset(&j->cocci_findings, 0, sizeof(j->cocci_findings));
	free(doc->cocci_error);
	doc->cocci_error = j->cocci_error;
	j->cocci_error = NULL;
	doc->cocci_version = j->version;
}

/* Under the lock: keep the job's results if they are still current. */
static void deliver(struct server *s, struct job *j, bool publish)
{
	struct lsp_doc *doc = j->doc;
	const struct CXUnsavedFile *own = unsaved_of(j, j->path);

	if (j->version != doc->d.version || j->gen != s->gen) {
		lsp_log(s, "%s: dropped the check of v%ld: v%ld is newer",
			j->path, j->version, doc->d.version);
		return;
	}
	free(doc->checked_text);
	doc->checked_len = own ? own->Length : 0;
	doc->checked_text = xmalloc(doc->checked_len + 1);
	if (own)
		memcpy(doc->checked_text, own->Contents, doc->checked_len);
	doc->checked_text[doc->checked_len] = '\0';
	unit_results_free(&doc->r, s->ck.n);
	doc->r = j->a.r;
	memset(&j->a.r, 0, sizeof(j->a.r));
	if (j->a.includes_read) {
		strset_free(&doc->includes);
		doc->includes = j->a.includes;
		memset(&j->a.includes, 0, sizeof(j->a.includes));
		doc->includes_known = true;
	}
	free(doc->unit_file);
	doc->unit_file = j->ran ? xstrdup(j->cmd.file) : NULL;
	free(doc->notice);
	doc->notice = j->notice;
	j->notice = NULL;
	wake_headers(s, doc);
	keep_cocci(doc, j);
	doc->checked_version = j->version;
	doc->checked_gen = j->gen;
	if (j->ran && !j->a.reparsed)
		doc->warm = true;
	if (publish || !doc->published)
		lsp_publish(s, doc);
}

/* The next document for worker w, or NULL; *wait: when to look again. */
static struct lsp_doc *next_doc(struct server *s, unsigned int w, double *wait,
				bool *warm)
{
	struct lsp_doc *best = NULL, *cold = NULL;
	double t = lsp_now();

	*wait = 0;
	for (size_t i = 0; i < s->ndocs; i++) {
		struct lsp_doc *d = s->docs[i];

		if (d->worker != w || d->busy)
			continue;
		if (d->closed)
			return d;
		if (d->due > 0 && d->due <= t && (!best || d->due < best->due))
			best = d;
		else if (d->due > t && (!*wait || d->due < *wait))
			*wait = d->due;
		else if (!d->due && d->warm && !cold)
			cold = d;
	}
	*warm = !best && cold;
	return best ? best : cold;
}

static void wait_until(struct server *s, double when)
{
	struct timespec ts;
	double left = when - lsp_now();

	if (!when) {
		pthread_cond_wait(&s->wake, &s->lock);
		return;
	}
	if (left <= 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += (time_t)left;
	ts.tv_nsec += (long)((left - (double)(time_t)left) * 1e9);
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_cond_timedwait(&s->wake, &s->lock, &ts);
}

static void remove_doc(struct server *s, struct lsp_doc *doc)
{
	for (size_t i = 0; i < s->ndocs; i++) {
		if (s->docs[i] == doc) {
			memmove(&s->docs[i], &s->docs[i + 1],
				(s->ndocs - i - 1) * sizeof(*s->docs));
			s->ndocs--;
			break;
		}
	}
	lsp_doc_free(doc, s->ck.n);
}

/* The calling thread's CPU time, for the log. */
static double thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Check doc; called and returns with the lock held. */
static void check_doc(struct server *s, CXIndex index, struct lsp_doc *doc,
		      bool warm)
{
	struct job j;
	double start = lsp_now(), cpu = thread_cpu();

	snapshot(s, doc, &j);
	doc->busy = true;
	doc->due = 0;
	doc->warm = false;
	s->busy_workers++;
	pthread_mutex_unlock(&s->lock);
	if (s->have_checker) {
		run_job(s, index, &j);
		if (j.cocci)
			run_cocci(s, &j);
	} else
		j.notice = xstrdup(s->config_error);
	lsp_log(s,
		"%s v%ld: %s in %.0f ms (parse %.0f ms, checks %.0f ms; cpu %.0f ms)%s",
		j.path, j.version,
		j.ran ? (j.a.reparsed ? "reparsed and checked" :
					"parsed and checked") :
			"not checked",
		(lsp_now() - start) * 1000, j.a.parse_seconds * 1000,
		j.a.check_seconds * 1000, (thread_cpu() - cpu) * 1000,
		warm ? " (building the preamble)" : "");
	pthread_mutex_lock(&s->lock);
	s->busy_workers--;
	doc->busy = false;
	if (!j.ran && j.tree.wanted)
		lsp_tree_stale(s); /* nothing to read it for: next time */
	if (!doc->closed)
		deliver(s, &j, !warm);
	/*
	 * The tree's record after the document's own diagnostics are out:
	 * reading a big tree's takes a fraction of a second, which the
	 * first publication does not wait for; what it changes is
	 * published again.
	 */
	if (j.ran && j.tree.wanted) {
		pthread_mutex_unlock(&s->lock);
		lsp_tree_do(&j.tree, j.cmd.file);
		pthread_mutex_lock(&s->lock);
		if (lsp_tree_keep(s, &j.tree))
			lsp_publish(s, NULL);
	}
	job_free(&j, s->ck.n);
}

/* A new configuration: new checks; under the lock, no check running. */
static void reconfigure(struct server *s)
{
	char err[512];

	for (size_t i = 0; i < s->ndocs; i++) {
		unit_results_free(&s->docs[i]->r, s->ck.n);
		s->docs[i]->due = lsp_now();
	}
	pthread_cond_broadcast(&s->wake);
	if (s->have_checker)
		checker_free(&s->ck);
	s->have_checker = false;
	/* its facts are in the old checks' order */
	tree_facts_free(s->tree);
	s->tree = NULL;
	lsp_tree_stale(s);
	free(s->config_error);
	s->config_error = NULL;
	if (checker_init(&s->ck, s->cfg.checks,
			 s->cfg.rules_dir ? s->cfg.rules_dir :
					    DRVLINT_RULES_DIR,
			 err, sizeof(err))) {
		lsp_log(s, "error: %s", err);
		s->config_error = xasprintf(
			"drvlint: not checked: the configuration is not usable: %s",
			err);
	} else {
		s->have_checker = true;
	}
	s->checker_gen = s->gen;
}

void *lsp_worker(void *arg)
{
	struct worker_arg *wa = arg;
	struct server *s = wa->s;
	/*
	 * Declarations from the preamble are not visited: a check walking the
	 * unit would otherwise read every header declaration back from it.
	 */
	CXIndex index = clang_createIndex(1, 0);
	struct lsp_doc *doc;
	double wait;
	bool warm = false;

	pthread_mutex_lock(&s->lock);
	while (!s->quit) {
		if (s->checker_gen != s->gen) {
			if (!s->busy_workers)
				reconfigure(s);
			else
				wait_until(s, lsp_now() + 0.01);
			continue;
		}
		doc = next_doc(s, wa->index, &wait, &warm);
		if (!doc) {
			wait_until(s, wait);
			continue;
		}
		if (doc->closed) {
			/* Its facts go: other files' decisions may change. */
			remove_doc(s, doc);
			lsp_publish(s, NULL);
			continue;
		}
		check_doc(s, index, doc, warm);
	}
	/* Leaving: the documents this worker owns go with it. */
	for (size_t i = 0; i < s->ndocs; i++)
		if (s->docs[i]->worker == wa->index)
			kept_unit_dispose(&s->docs[i]->kept);
	pthread_mutex_unlock(&s->lock);
	clang_disposeIndex(index);
	return NULL;
}
