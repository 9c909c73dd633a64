// SPDX-License-Identifier: GPL-2.0-only
/*
 * The tree's record (see tree_facts.h): written after a run over every
 * unit, read by runs over some.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "lib/fs.h"
#include "lib/hash.h"
#include "lib/json_util.h"
#include "lib/regfile.h"
#include "lib/util.h"
#include "out/facts_json.h"
#include "out/tree_facts.h"

#define RECORD_FORMAT 1
/* A record holds a stamp per unit and few facts: far below this. */
#define RECORD_MAX ((size_t)512 << 20)

struct tree_record {
	const char *const *rules;
	size_t nrules;
	json_t *units;
	char *root; /* the directory that holds every unit so far */
};

struct tree_record *tree_record_new(const char *const *rules, size_t nrules)
{
	struct tree_record *t = xcalloc(1, sizeof(*t));

	t->rules = rules;
	t->nrules = nrules;
	t->units = json_array();
	return t;
}

void tree_record_free(struct tree_record *t)
{
	if (!t)
		return;
	json_decref(t->units);
	free(t->root);
	free(t);
}

/* Shorten root to the directory that also holds file. */
static void common_directory(char **root, const char *file)
{
	const char *slash = strrchr(file, '/');
	size_t n = slash ? (size_t)(slash - file) : 0, i = 0;

	if (!*root) {
		*root = xstrndup(file, n ? n : 1);
		return;
	}
	while (i < n && (*root)[i] && (*root)[i] == file[i])
		i++;
	/* back to a whole component of both */
	if (!((*root)[i] == '\0' && (i == n || file[i] == '/')))
		while (i > 0 && (*root)[i] != '/')
			i--;
	(*root)[i ? i : 1] = '\0';
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

void tree_record_add(struct tree_record *t, const char *file,
		     const struct fact_list *facts, bool failed)
{
	json_t *u = json_object();
	struct stat st;
	bool any = false;

	json_set_bytes(u, "file", file);
	if (stat(file, &st) == 0) {
		json_object_set_new(u, "size", json_integer(st.st_size));
		json_object_set_new(u, "mtime", json_integer(mtime_ns(&st)));
	}
	if (failed)
		json_object_set_new(u, "failed", json_true());
	for (size_t k = 0; facts && k < t->nrules; k++)
		any = any || facts[k].n;
	if (any)
		json_object_set_new(u, "facts",
				    facts_json(t->rules, facts, t->nrules));
	json_array_append_new(t->units, u);
	common_directory(&t->root, file);
}

static char *record_path(const char *cache_dir, uint64_t config,
			 const char *root)
{
	return xasprintf("%s/trees/%016" PRIx64 ".json", cache_dir,
			 hash_string(config, root));
}

int tree_record_write(const struct tree_record *t, const char *cache_dir,
		      uint64_t config, char *err, size_t errlen)
{
	json_t *top = json_object(), *rules = json_array();
	char *dir = xasprintf("%s/trees", cache_dir), *path = NULL, *text;
	int ret = -1;

	if (!t->root) {
		ret = set_error(err, errlen, "no unit to record");
		goto out;
	}
	for (size_t k = 0; k < t->nrules; k++)
		json_array_append_new(rules, json_string(t->rules[k]));
	json_object_set_new(top, "tool", json_string("drvlint"));
	json_object_set_new(top, "record", json_string("tree-facts"));
	json_object_set_new(top, "format", json_integer(RECORD_FORMAT));
	json_set_bytes(top, "root", t->root);
	json_object_set_new(top, "rules", json_incref(rules));
	json_object_set_new(top, "units", json_incref(t->units));
	path = record_path(cache_dir, config, t->root);
	text = json_dumps(top, JSON_COMPACT);
	if (fs_make_directory(dir) == 0 && text &&
	    fs_write_atomic(path, text, strlen(text)) == 0)
		ret = 0;
	else
		set_error(err, errlen, "%s: %s", path, strerror(errno));
	free(text);
out:
	json_decref(rules);
	json_decref(top);
	free(path);
	free(dir);
	return ret;
}

/* The record of the directory dir, if there is one: NULL otherwise. */
static json_t *read_record(const char *cache_dir, uint64_t config,
			   const char *dir)
{
	char *path = record_path(cache_dir, config, dir), *text, *root;
	json_t *top = NULL;
	size_t len;

	if (!read_regular(path, REGFILE_NOFOLLOW, RECORD_MAX, &text, &len)) {
		top = json_loadb(text, len, 0, NULL);
		free(text);
	}
	free(path);
	root = top ? json_get_bytes(top, "root") : NULL;
	if (top && (!root || strcmp(root, dir) ||
		    json_integer_value(json_object_get(top, "format")) !=
			    RECORD_FORMAT ||
		    !json_is_array(json_object_get(top, "units")))) {
		json_decref(top);
		top = NULL;
	}
	free(root);
	return top;
}

/* The nearest record up from file's directory, with its directory. */
static json_t *find_record(const char *cache_dir, uint64_t config,
			   const char *file, char **where)
{
	char *dir = xstrdup(file);
	json_t *top = NULL;

	while (!top) {
		char *slash = strrchr(dir, '/');

		if (!slash)
			break;
		if (slash == dir) {
			if (!dir[1])
				break;
			dir[1] = '\0';
		} else {
			*slash = '\0';
		}
		top = read_record(cache_dir, config, dir);
	}
	if (top)
		*where = dir;
	else
		free(dir);
	return top;
}

static bool has_rule(json_t *rules, const char *rule)
{
	size_t i;
	json_t *r;

	json_array_foreach(rules, i, r) if (json_is_string(r) &&
					    !strcmp(json_string_value(r),
						    rule)) return true;
	return false;
}

/* Is the unit's file as the record says?  Else set why. */
static bool unit_current(json_t *u, const char *file, char *why, size_t whylen)
{
	json_t *size = json_object_get(u, "size");
	json_t *mtime = json_object_get(u, "mtime");
	struct stat st;

	if (json_is_true(json_object_get(u, "failed"))) {
		set_error(why, whylen,
			  "%s did not parse in the run that recorded the tree",
			  file);
		return false;
	}
	if (stat(file, &st) || !json_is_integer(size) ||
	    !json_is_integer(mtime) || json_integer_value(size) != st.st_size ||
	    json_integer_value(mtime) != mtime_ns(&st)) {
		set_error(why, whylen,
			  "%s changed since the run that recorded the tree",
			  file);
		return false;
	}
	return true;
}

struct tree_unit {
	char *file;
	struct fact_list *facts; /* nrules lists */
};

struct tree_facts {
	char *root;
	size_t nrules;
	struct tree_unit *units;
	size_t nunits;
};

void tree_facts_free(struct tree_facts *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nunits; i++) {
		for (size_t k = 0; k < t->nrules; k++)
			fact_list_free(&t->units[i].facts[k]);
		free(t->units[i].facts);
		free(t->units[i].file);
	}
	free(t->units);
	free(t->root);
	free(t);
}

const char *tree_facts_root(const struct tree_facts *t)
{
	return t->root;
}

/* Every unit of a current record into t; false with why otherwise. */
static bool read_units(json_t *top, const struct strset *unstamped,
		       const char *const *rules, struct tree_facts *t,
		       char *why, size_t whylen)
{
	json_t *units = json_object_get(top, "units"), *u;
	size_t i;

	for (size_t k = 0; k < t->nrules; k++)
		if (!has_rule(json_object_get(top, "rules"), rules[k])) {
			set_error(why, whylen,
				  "the tree was recorded without %s", rules[k]);
			return false;
		}
	t->units = xcalloc(json_array_size(units) + 1, sizeof(*t->units));
	json_array_foreach(units, i, u)
	{
		struct tree_unit *tu = &t->units[t->nunits++];

		tu->facts = xcalloc(t->nrules + 1, sizeof(*tu->facts));
		tu->file = json_get_bytes(u, "file");
		if (!tu->file) {
			set_error(why, whylen, "a unit without a file");
			return false;
		}
		if (!strset_has(unstamped, tu->file) &&
		    !unit_current(u, tu->file, why, whylen))
			return false;
		facts_from_json(json_object_get(u, "facts"), rules, t->nrules,
				tu->facts);
	}
	return true;
}

struct tree_facts *tree_facts_read(const char *cache_dir, uint64_t config,
				   const char *file,
				   const struct strset *unstamped,
				   const char *const *rules, size_t nrules,
				   char *why, size_t whylen)
{
	struct tree_facts *t = xcalloc(1, sizeof(*t));
	char *inner = xcalloc(1, whylen ? whylen : 1);
	json_t *top = find_record(cache_dir, config, file, &t->root);

	t->nrules = nrules;
	if (!top) {
		set_error(
			why, whylen,
			"no run over a whole build that holds this file was recorded");
		tree_facts_free(t);
		t = NULL;
	} else if (!read_units(top, unstamped, rules, t, inner, whylen)) {
		set_error(why, whylen, "the record of %s is not used: %s",
			  t->root, inner);
		tree_facts_free(t);
		t = NULL;
	}
	free(inner);
	json_decref(top);
	return t;
}

void tree_facts_others(const struct tree_facts *t, const struct strset *checked,
		       struct fact_list *out)
{
	for (size_t i = 0; i < t->nunits; i++) {
		const struct tree_unit *tu = &t->units[i];

		if (strset_has(checked, tu->file))
			continue;
		for (size_t k = 0; k < t->nrules; k++)
			for (size_t f = 0; f < tu->facts[k].n; f++) {
				GROW(out[k].v, out[k].cap, out[k].n);
				out[k].v[out[k].n++] = tu->facts[k].v[f];
			}
	}
}
