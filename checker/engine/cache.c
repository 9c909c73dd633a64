// SPDX-License-Identifier: GPL-2.0-only
/*
 * The result cache (see cache.h for what an entry holds).
 *
 * Times are a shortcut, never the proof: a file whose size and times match
 * the record is taken as unchanged, any other is hashed and compared.
 * Timestamps have a coarse clock behind them, so a file written shortly
 * before or during the parse that produced an entry could change again
 * without its times moving; such a file is recorded "racy" and hashed at
 * every lookup until its times are old enough to be trusted (git's racy
 * index entries, the same problem).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/cache.h"
#include "engine/cache_files.h"
#include "engine/cache_manifest.h"
#include "lib/fs.h"
#include "lib/hash.h"
#include "lib/regfile.h"
#include "lib/util.h"

/* Times this close to a parse (or younger) do not prove a file unchanged. */
#define RACY_NS (2 * 1000000000LL)
/* No manifest is near this: a bigger one is not read. */
#define MANIFEST_MAX (256u << 20)

struct cache {
	char *dir;
	uint64_t config;
	struct cache_layout layout;
	struct file_table files;
};

static uint64_t unit_hash(const struct unit *u, uint64_t seed)
{
	uint64_t h = hash_string(seed, u->file);

	h = hash_string(h, u->directory);
	for (size_t i = 0; i < u->args.n; i++)
		h = hash_string(h, u->args.v[i]);
	return h;
}

/* NAME of the unit's entry files; the second hash proves the unit. */
#define NAME_SEED 0x6e616d65ULL
#define UNIT_SEED 0x756e6974ULL

static char *entry_path(const struct cache *c, const struct unit *u,
			const char *ext)
{
	return xasprintf("%s/%016" PRIx64 ".%s", c->dir,
			 unit_hash(u, NAME_SEED), ext);
}

static bool recent(int64_t t, int64_t than)
{
	return t >= than - RACY_NS;
}

/*
 * Does the file still hold what the parse read?  *hashed is set when only
 * its contents could tell (the manifest's times are then worth updating).
 */
static bool dep_holds(struct cache *c, const struct dep_record *d, bool *hashed)
{
	struct file_state fs;
	uint64_t h;

	file_state(&c->files, d->path, &fs);
	if (!fs.exists || fs.size != d->size)
		return false;
	if (d->mtime != NOT_TRUSTED && fs.mtime == d->mtime &&
	    fs.ctime == d->ctime)
		return true;
	if (!file_hash(&c->files, d->path, &h) || h != d->hash)
		return false;
	*hashed = true;
	return true;
}

/* After a lookup that had to hash: record the times the files have now. */
static void manifest_refresh(struct cache *c, const char *path,
			     struct manifest *m)
{
	struct timespec now;
	bool better = false;
	char *text;
	size_t len;

	clock_gettime(CLOCK_REALTIME, &now);
	for (size_t i = 0; i < m->ndeps; i++) {
		struct dep_record *d = &m->deps[i];
		struct file_state fs;

		file_state(&c->files, d->path, &fs);
		if (recent(fs.mtime, ns_of(&now)) ||
		    recent(fs.ctime, ns_of(&now)))
			continue;
		if (d->mtime != fs.mtime || d->ctime != fs.ctime)
			better = true;
		d->mtime = fs.mtime;
		d->ctime = fs.ctime;
	}
	if (!better)
		return;
	text = manifest_text(m, &len);
	fs_write_atomic(path, text, len);
	free(text);
}

static void free_facts(struct fact_list *facts, size_t n)
{
	for (size_t k = 0; facts && k < n; k++)
		fact_list_free(&facts[k]);
	free(facts);
}

/* A verified NAME.json into res, through the reader 'drvlint merge' uses. */
static bool results_from_text(struct cache *c, const char *text, size_t len,
			      const char *path, struct unit_results *res)
{
	const struct cache_layout *l = &c->layout;
	struct check_stat *stats =
		xcalloc(l->nstats ? l->nstats : 1, sizeof(*stats));
	struct fact_list *facts =
		xcalloc(l->nrules ? l->nrules : 1, sizeof(*facts));
	struct report r = { .stats = stats, .nstats = l->nstats };
	char err[512];
	bool ok = false;

	memcpy(stats, l->stats, l->nstats * sizeof(*stats));
	for (size_t k = 0; k < l->nstats; k++)
		stats[k].value = 0;
	if (report_read_json_text(text, len, path, &r, l->rules, l->nrules,
				  facts, err, sizeof(err)))
		goto out;
	ok = true;
	res->findings = r.findings;
	res->failures = r.failures;
	memset(&r.findings, 0, sizeof(r.findings));
	memset(&r.failures, 0, sizeof(r.failures));
	res->parsed = r.units_parsed > 0;
	if (!res->parsed)
		goto out;
	res->stats = xcalloc(l->nstats ? l->nstats : 1, sizeof(unsigned long));
	for (size_t k = 0; k < l->nstats; k++)
		res->stats[k] = stats[k].value;
	res->facts = facts;
	facts = NULL;
out:
	free_facts(facts, l->nrules);
	free(stats);
	finding_list_free(&r.findings);
	failure_list_free(&r.failures);
	return ok;
}

/* Read NAME.json once: checked against the manifest, then parsed. */
static enum cache_outcome read_results(struct cache *c, const char *path,
				       const struct manifest *m,
				       struct unit_results *res,
				       const char **why)
{
	enum cache_outcome ret = CACHE_DAMAGED;
	size_t len = 0;
	char *text;

	if (read_regular(path, REGFILE_NOFOLLOW, m->report_size, &text, &len)) {
		*why = errno == ENOENT ?
			       "its results are missing" :
		       errno == EFBIG ?
			       "its results do not match the manifest" :
			       "its results are not a regular file";
		return CACHE_DAMAGED;
	}
	if (len != m->report_size || hash_bytes(text, len, 0) != m->report_hash)
		*why = "its results do not match the manifest";
	else if (!results_from_text(c, text, len, path, res))
		*why = "its results cannot be read";
	else
		ret = CACHE_HIT;
	free(text);
	return ret;
}

enum cache_outcome cache_lookup(struct cache *c, const struct unit *u,
				struct unit_results *res, const char **why)
{
	char *deps_path = entry_path(c, u, "deps"), *json_path = NULL;
	struct manifest m = { 0 };
	enum cache_outcome ret = CACHE_CHANGED;
	bool hashed = false;
	size_t len = 0;
	char *text;

	if (read_regular(deps_path, REGFILE_NOFOLLOW, MANIFEST_MAX, &text,
			 &len)) {
		*why = errno == ENOENT ? "no entry" :
					 "its manifest cannot be read";
		ret = errno == ENOENT ? CACHE_ABSENT : CACHE_DAMAGED;
		goto out;
	}
	*why = manifest_parse(text, len, &m);
	if (*why) {
		ret = CACHE_DAMAGED;
		goto out;
	}
	if (m.config != c->config) {
		*why = "drvlint, its options or its rules changed";
		goto out;
	}
	if (m.unit != unit_hash(u, UNIT_SEED)) {
		*why = "it belongs to another unit";
		goto out;
	}
	for (size_t i = 0; i < m.ndeps; i++) {
		if (!dep_holds(c, &m.deps[i], &hashed)) {
			*why = "a file it read changed";
			goto out;
		}
	}
	json_path = entry_path(c, u, "json");
	ret = read_results(c, json_path, &m, res, why);
	if (ret == CACHE_HIT && hashed)
		manifest_refresh(c, deps_path, &m);
out:
	if (ret == CACHE_DAMAGED)
		unlink(deps_path); /* never trusted again; the parse rewrites it */
	manifest_free(&m);
	free(text);
	free(json_path);
	free(deps_path);
	return ret;
}

static int compare_deps(const void *a, const void *b)
{
	return strcmp(((const struct cache_dep *)a)->path,
		      ((const struct cache_dep *)b)->path);
}

/* The unit's results as a one-unit JSON report with its facts. */
static char *results_json(struct cache *c, const struct unit_results *res,
			  size_t *len)
{
	const struct cache_layout *l = &c->layout;
	struct check_stat *stats =
		xcalloc(l->nstats ? l->nstats : 1, sizeof(*stats));
	struct fact_list *none =
		xcalloc(l->nrules ? l->nrules : 1, sizeof(*none));
	struct report r = {
		.tool_version = DRVLINT_VERSION,
		.findings = res->findings,
		.failures = res->failures,
		.units = 1,
		.units_parsed = res->parsed,
		.stats = stats,
		.nstats = l->nstats,
		.fact_rules = l->rules,
		.facts = res->facts ? res->facts : none,
		.nfact_lists = l->nrules,
		.shard = "cache",
	};
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	int err;

	memcpy(stats, l->stats, l->nstats * sizeof(*stats));
	for (size_t k = 0; k < l->nstats; k++)
		stats[k].value = res->stats ? res->stats[k] : 0;
	err = report_write_json(f, &r);
	fclose(f);
	free(stats);
	free(none);
	if (err) {
		free(text);
		return NULL;
	}
	return text;
}

/* Each file once, with how it looks now; false if one cannot be stat'ed. */
static bool record_deps(struct cache_dep *deps, size_t ndeps,
			const struct timespec *parse_start, struct manifest *m)
{
	int64_t start = ns_of(parse_start);

	qsort(deps, ndeps, sizeof(*deps), compare_deps);
	for (size_t i = 0; i < ndeps; i++) {
		struct dep_record *d;
		struct stat st;

		if (i && !strcmp(deps[i].path, deps[i - 1].path))
			continue;
		if (deps[i].path[0] != '/' || strchr(deps[i].path, '\n') ||
		    stat(deps[i].path, &st))
			return false;
		GROW(m->deps, m->cap, m->ndeps);
		d = &m->deps[m->ndeps++];
		d->path = xstrdup(deps[i].path);
		d->hash = deps[i].hash;
		d->size = deps[i].size;
		d->mtime = ns_of(&st.st_mtim);
		d->ctime = ns_of(&st.st_ctim);
		/* Written during the parse, or so shortly before that its
		 * times might not move for the next change. */
		if ((uint64_t)st.st_size != d->size ||
		    recent(d->mtime, start) || recent(d->ctime, start))
			d->mtime = d->ctime = NOT_TRUSTED;
	}
	return true;
}

int cache_store(struct cache *c, const struct unit *u, struct cache_dep *deps,
		size_t ndeps, const struct timespec *parse_start,
		const struct unit_results *res)
{
	struct manifest m = { .config = c->config,
			      .unit = unit_hash(u, UNIT_SEED) };
	char *json = NULL, *text = NULL, *json_path = NULL, *deps_path = NULL;
	size_t json_len = 0, len;
	int ret = -1;

	if (!record_deps(deps, ndeps, parse_start, &m))
		goto out;
	json = results_json(c, res, &json_len);
	if (!json)
		goto out;
	m.report_hash = hash_bytes(json, json_len, 0);
	m.report_size = json_len;
	text = manifest_text(&m, &len);
	json_path = entry_path(c, u, "json");
	deps_path = entry_path(c, u, "deps");
	/* The results first: a manifest never names results not yet there. */
	if (!fs_write_atomic(json_path, json, json_len) &&
	    !fs_write_atomic(deps_path, text, len))
		ret = 0;
out:
	manifest_free(&m);
	free(deps_path);
	free(json_path);
	free(text);
	free(json);
	return ret;
}

struct cache *cache_open(const char *dir, uint64_t config,
			 const struct cache_layout *layout, char *err,
			 size_t errlen)
{
	struct cache *c;
	struct stat st;

	if (fs_make_directory(dir) || stat(dir, &st)) {
		set_error(err, errlen, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		set_error(err, errlen, "%s: not a directory", dir);
		return NULL;
	}
	if (access(dir, W_OK | X_OK)) {
		set_error(err, errlen, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->dir = xstrdup(dir);
	c->config = config;
	c->layout = *layout;
	file_table_init(&c->files);
	return c;
}

void cache_close(struct cache *c)
{
	if (!c)
		return;
	file_table_free(&c->files);
	free(c->dir);
	free(c);
}

char *cache_default_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/drvlint/units", xdg);
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/drvlint/units", home);
	return NULL;
}
