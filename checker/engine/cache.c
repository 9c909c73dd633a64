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
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/cache.h"
#include "lib/hash.h"
#include "lib/util.h"

#define CACHE_FORMAT 1
/* Times this close to a parse (or younger) do not prove a file unchanged. */
#define RACY_NS (2 * 1000000000LL)
#define NOT_TRUSTED (-1)

/* ---- what the files of the tree look like in this run ---- */

struct file_state {
	char *path;
	bool exists;
	uint64_t size;
	int64_t mtime, ctime; /* nanoseconds */
	bool hashed;
	uint64_t hash;
};

/*
 * Units share most of their headers: each is stat'ed (and, if need be,
 * hashed) once per run, whatever the number of units that read it.
 */
struct file_table {
	struct file_state **slot;
	size_t nslot, n;
	pthread_mutex_t lock;
};

struct cache {
	char *dir;
	uint64_t config;
	struct cache_layout layout;
	struct file_table files;
};

static int64_t ns_of(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static struct file_state **table_find(struct file_table *t, const char *path)
{
	size_t mask = t->nslot - 1;
	size_t i = hash_string(0, path) & mask;

	while (t->slot[i] && strcmp(t->slot[i]->path, path))
		i = (i + 1) & mask;
	return &t->slot[i];
}

static void table_grow(struct file_table *t)
{
	struct file_state **old = t->slot;
	size_t nold = t->nslot;

	t->nslot = nold ? nold * 2 : 1024;
	t->slot = xcalloc(t->nslot, sizeof(*t->slot));
	for (size_t i = 0; i < nold; i++)
		if (old[i])
			*table_find(t, old[i]->path) = old[i];
	free(old);
}

static void table_free(struct file_table *t)
{
	for (size_t i = 0; i < t->nslot; i++) {
		if (t->slot[i]) {
			free(t->slot[i]->path);
			free(t->slot[i]);
		}
	}
	free(t->slot);
	pthread_mutex_destroy(&t->lock);
}

static void state_from_stat(struct file_state *fs, const struct stat *st)
{
	fs->exists = true;
	fs->size = (uint64_t)st->st_size;
	fs->mtime = ns_of(&st->st_mtim);
	fs->ctime = ns_of(&st->st_ctim);
}

/* The file as this run first saw it; *out is a copy. */
static void file_state(struct cache *c, const char *path,
		       struct file_state *out)
{
	struct file_table *t = &c->files;
	struct file_state **slot, *fs;
	struct stat st;

	pthread_mutex_lock(&t->lock);
	if ((t->n + 1) * 2 > t->nslot)
		table_grow(t);
	slot = table_find(t, path);
	if (!*slot) {
		fs = xcalloc(1, sizeof(*fs));
		fs->path = xstrdup(path);
		if (!stat(path, &st))
			state_from_stat(fs, &st);
		*slot = fs;
		t->n++;
	}
	*out = **slot;
	pthread_mutex_unlock(&t->lock);
}

/* The hash of the file's contents now; false if it cannot be read. */
static bool file_hash(struct cache *c, const char *path, uint64_t *hash)
{
	struct file_table *t = &c->files;
	struct file_state **slot;
	uint64_t h = 0;
	bool known = false;

	pthread_mutex_lock(&t->lock);
	slot = table_find(t, path);
	if (*slot && (*slot)->hashed) {
		h = (*slot)->hash;
		known = true;
	}
	pthread_mutex_unlock(&t->lock);
	if (known) {
		*hash = h;
		return true;
	}
	/* Outside the lock: two threads may hash one file, never wait on it. */
	if (hash_file(path, &h))
		return false;
	pthread_mutex_lock(&t->lock);
	slot = table_find(t, path);
	if (*slot) {
		(*slot)->hashed = true;
		(*slot)->hash = h;
	}
	pthread_mutex_unlock(&t->lock);
	*hash = h;
	return true;
}

/* ---- entries ---- */

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

/* Write data to path through a temporary file and a rename. */
static int write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp), ret = -1;
	size_t done = 0;

	if (fd < 0)
		goto out;
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (close(fd) == 0 && done == len && rename(tmp, path) == 0)
		ret = 0;
	else
		unlink(tmp);
out:
	free(tmp);
	return ret;
}

/* One file of a manifest: what the parse read and how it looked then. */
struct dep_record {
	char *path;
	uint64_t hash, size;
	int64_t mtime, ctime; /* NOT_TRUSTED: hash it at the next lookup */
};

struct manifest {
	uint64_t config, unit;
	uint64_t report_hash, report_size;
	struct dep_record *deps;
	size_t ndeps, cap;
};

static void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->ndeps; i++)
		free(m->deps[i].path);
	free(m->deps);
}

/* "drvlint-cache N\nsum X\n" then the body the sum covers. */
static char *manifest_text(const struct manifest *m, size_t *len)
{
	char *body = NULL, *text;
	size_t blen = 0;
	FILE *f = open_memstream(&body, &blen);

	fprintf(f, "config %016" PRIx64 "\nunit %016" PRIx64 "\n", m->config,
		m->unit);
	fprintf(f, "report %016" PRIx64 " %" PRIu64 "\n", m->report_hash,
		m->report_size);
	for (size_t i = 0; i < m->ndeps; i++) {
		const struct dep_record *d = &m->deps[i];

		fprintf(f,
			"dep %016" PRIx64 " %" PRIu64 " %" PRId64 " %" PRId64
			" %s\n",
			d->hash, d->size, d->mtime, d->ctime, d->path);
	}
	fputs("end\n", f);
	fclose(f);
	text = xasprintf("drvlint-cache %d\nsum %016" PRIx64 "\n%s",
			 CACHE_FORMAT, hash_bytes(body, blen, 0), body);
	*len = strlen(text);
	free(body);
	return text;
}

/* The next line of *p, NUL-terminated in place; NULL at the end. */
static char *next_line(char **p)
{
	char *line = *p, *nl;

	if (!*line)
		return NULL;
	nl = strchr(line, '\n');
	if (!nl)
		return NULL; /* a last line without its newline: truncated */
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/* The next space-separated number of *p in base; false if there is none. */
static bool next_number(char **p, int base, bool is_signed, uint64_t *out)
{
	char *end;

	unsigned char c = (unsigned char)(*p)[1];

	if (**p != ' ' || !(isxdigit(c) || (is_signed && c == '-')))
		return false;
	errno = 0;
	*out = is_signed ? (uint64_t)strtoll(*p + 1, &end, base) :
			   strtoull(*p + 1, &end, base);
	if (errno || end == *p + 1)
		return false;
	*p = end;
	return true;
}

/* "dep HASH SIZE MTIME CTIME PATH": read thousands of times per run. */
static bool parse_dep(char *line, struct dep_record *d)
{
	char *p = line + 3;
	uint64_t mtime, ctime;

	if (strncmp(line, "dep", 3) || !next_number(&p, 16, false, &d->hash) ||
	    !next_number(&p, 10, false, &d->size) ||
	    !next_number(&p, 10, true, &mtime) ||
	    !next_number(&p, 10, true, &ctime) || p[0] != ' ' || p[1] != '/')
		return false;
	d->mtime = (int64_t)mtime;
	d->ctime = (int64_t)ctime;
	d->path = xstrdup(p + 1);
	return true;
}

/* 0, or a reason the text is not a manifest of this format. */
static const char *manifest_parse(char *text, size_t len, struct manifest *m)
{
	char *p = text, *line, *body;
	uint64_t sum;
	int format;

	memset(m, 0, sizeof(*m));
	if (strlen(text) != len)
		return "a NUL byte in the manifest";
	line = next_line(&p);
	if (!line || sscanf(line, "drvlint-cache %d", &format) != 1)
		return "not a drvlint cache manifest";
	if (format != CACHE_FORMAT)
		return "a manifest of another format";
	line = next_line(&p);
	if (!line || sscanf(line, "sum %" SCNx64, &sum) != 1)
		return "no checksum";
	body = p;
	if (hash_bytes(body, len - (size_t)(body - text), 0) != sum)
		return "checksum mismatch (corrupt or truncated)";
	line = next_line(&p);
	if (!line || sscanf(line, "config %" SCNx64, &m->config) != 1)
		return "no configuration";
	line = next_line(&p);
	if (!line || sscanf(line, "unit %" SCNx64, &m->unit) != 1)
		return "no unit";
	line = next_line(&p);
	if (!line || sscanf(line, "report %" SCNx64 " %" SCNu64,
			    &m->report_hash, &m->report_size) != 2)
		return "no results";
	while ((line = next_line(&p)) && strcmp(line, "end")) {
		GROW(m->deps, m->cap, m->ndeps);
		if (!parse_dep(line, &m->deps[m->ndeps]))
			return "a malformed file record";
		m->ndeps++;
	}
	if (!line || *p)
		return "truncated";
	return NULL;
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

	file_state(c, d->path, &fs);
	if (!fs.exists || fs.size != d->size)
		return false;
	if (d->mtime != NOT_TRUSTED && fs.mtime == d->mtime &&
	    fs.ctime == d->ctime)
		return true;
	if (!file_hash(c, d->path, &h) || h != d->hash)
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

		file_state(c, d->path, &fs);
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
	write_atomic(path, text, len);
	free(text);
}

static char *read_fd(int fd, size_t size)
{
	char *buf = xmalloc(size + 1);
	size_t done = 0;

	while (done < size) {
		ssize_t n = read(fd, buf + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done != size) {
		free(buf);
		return NULL;
	}
	buf[size] = '\0';
	return buf;
}

/* Read NAME.json into res through the report reader 'drvlint merge' uses. */
static enum cache_outcome read_results(struct cache *c, const char *path,
				       const struct manifest *m,
				       struct unit_results *res,
				       const char **why)
{
	const struct cache_layout *l = &c->layout;
	struct report r = { 0 };
	struct check_stat *stats;
	struct fact_list *facts;
	struct stat before, after;
	char err[512], *text;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	enum cache_outcome ret = CACHE_DAMAGED;

	if (fd < 0) {
		*why = "its results are missing";
		return CACHE_DAMAGED;
	}
	if (fstat(fd, &before) || (uint64_t)before.st_size != m->report_size ||
	    !(text = read_fd(fd, m->report_size))) {
		*why = "its results do not match the manifest";
		close(fd);
		return CACHE_DAMAGED;
	}
	if (hash_bytes(text, m->report_size, 0) != m->report_hash) {
		*why = "its results do not match the manifest";
		free(text);
		close(fd);
		return CACHE_DAMAGED;
	}
	free(text);
	stats = xcalloc(l->nstats ? l->nstats : 1, sizeof(*stats));
	memcpy(stats, l->stats, l->nstats * sizeof(*stats));
	for (size_t k = 0; k < l->nstats; k++)
		stats[k].value = 0;
	r.stats = stats;
	r.nstats = l->nstats;
	facts = xcalloc(l->nrules ? l->nrules : 1, sizeof(*facts));
	if (report_read_json(path, &r, l->rules, l->nrules, facts, err,
			     sizeof(err))) {
		*why = "its results cannot be read";
	} else if (stat(path, &after) || after.st_ino != before.st_ino ||
		   after.st_dev != before.st_dev) {
		/* Replaced since it was verified: the reader may have seen another. */
		*why = "another run rewrote it";
		ret = CACHE_CHANGED;
	} else {
		ret = CACHE_HIT;
	}
	close(fd);
	if (ret != CACHE_HIT) {
		for (size_t k = 0; k < l->nrules; k++)
			fact_list_free(&facts[k]);
		free(facts);
		free(stats);
		finding_list_free(&r.findings);
		failure_list_free(&r.failures);
		return ret;
	}
	res->findings = r.findings;
	res->failures = r.failures;
	res->parsed = r.units_parsed > 0;
	if (res->parsed) {
		res->stats = xcalloc(l->nstats ? l->nstats : 1,
				     sizeof(unsigned long));
		for (size_t k = 0; k < l->nstats; k++)
			res->stats[k] = stats[k].value;
		res->facts = facts;
	} else {
		for (size_t k = 0; k < l->nrules; k++)
			fact_list_free(&facts[k]);
		free(facts);
	}
	free(stats);
	return CACHE_HIT;
}

enum cache_outcome cache_lookup(struct cache *c, const struct unit *u,
				struct unit_results *res, const char **why)
{
	char *deps_path = entry_path(c, u, "deps"), *json_path = NULL;
	struct manifest m = { 0 };
	enum cache_outcome ret = CACHE_CHANGED;
	bool hashed = false;
	size_t len;
	char *text = read_file(deps_path, &len);

	if (!text) {
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
	if (!write_atomic(json_path, json, json_len) &&
	    !write_atomic(deps_path, text, len))
		ret = 0;
out:
	manifest_free(&m);
	free(deps_path);
	free(json_path);
	free(text);
	free(json);
	return ret;
}

/* mkdir -p */
static int make_directory(const char *dir)
{
	char *p = xstrdup(dir);
	int ret = 0;

	for (char *s = p + 1; *s && !ret; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) && errno != EEXIST)
			ret = -1;
		*s = '/';
	}
	if (!ret && mkdir(p, 0777) && errno != EEXIST)
		ret = -1;
	free(p);
	return ret;
}

struct cache *cache_open(const char *dir, uint64_t config,
			 const struct cache_layout *layout, char *err,
			 size_t errlen)
{
	struct cache *c;

	if (make_directory(dir) || access(dir, W_OK | X_OK)) {
		set_error(err, errlen, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->dir = xstrdup(dir);
	c->config = config;
	c->layout = *layout;
	pthread_mutex_init(&c->files.lock, NULL);
	return c;
}

void cache_close(struct cache *c)
{
	if (!c)
		return;
	table_free(&c->files);
	free(c->dir);
	free(c);
}
