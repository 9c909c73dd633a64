// SPDX-License-Identifier: GPL-2.0-only
/*
 * The result cache without libclang: the hash sees every change of one
 * word, an entry gives back exactly what was stored (findings with their
 * related places and fixes, failures, counters, facts), and an input
 * that changed or an entry that was damaged is a miss.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/cache.h"
#include "lib/hash.h"
#include "lib/strvec.h"
#include "lib/util.h"
#include "tap.h"

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool all_distinct(uint64_t *v, size_t n)
{
	qsort(v, n, sizeof(*v), compare_u64);
	for (size_t i = 1; i < n; i++)
		if (v[i] == v[i - 1])
			return false;
	return true;
}

static void test_hash(void)
{
	unsigned char buf[67];
	uint64_t h[sizeof(buf) * 8 + 1], base;
	size_t n = 0;
	enum { NSTR = 200000 };
	uint64_t *many = xcalloc(NSTR, sizeof(*many));

	/* Pinned: entries written elsewhere are read with these values. */
	INTEQ(hash_bytes("", 0, 0), 0x4decbfb3a6772b2cULL);
	INTEQ(hash_bytes("drvlint", 7, 0), 0xc0be20a0af26b36aULL);
	OK(hash_bytes("drvlint", 7, 1) != hash_bytes("drvlint", 7, 0));
	OK(hash_string(0, "a") != hash_string(hash_string(0, ""), "a"));
	/* Every single-bit change, in the words and in the tail. */
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 37 + 11);
	base = hash_bytes(buf, sizeof(buf), 0);
	h[n++] = base;
	for (size_t bit = 0; bit < sizeof(buf) * 8; bit++) {
		buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		h[n++] = hash_bytes(buf, sizeof(buf), 0);
		buf[bit / 8] ^= (unsigned char)(1u << (bit % 8));
	}
	OK(all_distinct(h, n));
	/* A zero byte more is another input. */
	buf[sizeof(buf) - 1] = 0;
	OK(hash_bytes(buf, sizeof(buf), 0) !=
	   hash_bytes(buf, sizeof(buf) - 1, 0));
	for (size_t i = 0; i < NSTR; i++) {
		char s[32];

		snprintf(s, sizeof(s), "drivers/x/unit-%zu.c", i);
		many[i] = hash_string(0, s);
	}
	OK(all_distinct(many, NSTR));
	free(many);
}

static char dir[] = "/tmp/drvlint-test-cache-XXXXXX";

static char *write_text(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
	return path;
}

static const char *const rules[] = { "rule-a", "rule-b" };
static const struct check_stat stat_names[] = {
	{ .rule = "rule-a", .name = "tables" },
	{ .rule = "rule-b", .name = "objects" },
};
static const struct cache_layout layout = {
	.rules = rules,
	.nrules = 2,
	.stats = stat_names,
	.nstats = 2,
};

static void fill(struct unit_results *res, const char *file)
{
	struct edit e = { .file = (char *)file,
			  .offset = 10,
			  .length = 0,
			  .text = "const ",
			  .line = 2,
			  .column = 8,
			  .end_line = 2,
			  .end_column = 8 };
	struct finding *f;

	f = finding_add(&res->findings, rules[1], SEV_WARNING, file, 2, 24,
			"foo_bus", "'foo_bus' is never modified");
	finding_add_related(f, file, 9, 1, "read here");
	finding_add_edit(f, &e);
	f->fix_description = xstrdup("declare it const");
	finding_add(&res->findings, rules[0], SEV_NOTE, file, 5, 1, NULL,
		    "a note \"quoted\"\n");
	res->parsed = true;
	res->stats = xcalloc(2, sizeof(unsigned long));
	res->stats[0] = 3;
	res->stats[1] = 7;
	res->facts = xcalloc(2, sizeof(struct fact_list));
	fact_add(&res->facts[1], 2, "foo_bus", file, 2, 24, "struct bus_type",
		 NULL, -5);
	fact_add(&res->facts[1], 1, "bar", "/other.c", 1, 1, NULL, "x", 0);
}

static void expect_same(const struct unit_results *got,
			const struct unit_results *want)
{
	const struct finding *g, *w;

	INTEQ(got->findings.n, want->findings.n);
	if (got->findings.n != 2 || want->findings.n != 2)
		return;
	g = &got->findings.v[0];
	w = &want->findings.v[0];
	OK(g->rule == w->rule); /* the static string itself */
	STREQ(g->loc.file, w->loc.file);
	INTEQ(g->loc.line, 2);
	INTEQ(g->loc.column, 24);
	STREQ(g->object, "foo_bus");
	STREQ(g->message, w->message);
	INTEQ(g->nrelated, 1);
	INTEQ(g->nedits, 1);
	if (g->nrelated && g->nedits) {
		STREQ(g->related[0].message, "read here");
		STREQ(g->edits[0].text, "const ");
		INTEQ(g->edits[0].offset, 10);
		STREQ(g->fix_description, "declare it const");
	}
	g = &got->findings.v[1];
	OK(g->object == NULL);
	INTEQ(g->severity, SEV_NOTE);
	STREQ(g->message, "a note \"quoted\"\n");
	OK(got->parsed);
	OK(got->stats && got->stats[0] == 3 && got->stats[1] == 7);
	OK(got->facts && got->facts[0].n == 0 && got->facts[1].n == 2);
	if (got->facts && got->facts[1].n == 2) {
		const struct fact *f = &got->facts[1].v[0];

		INTEQ(f->kind, 2);
		STREQ(f->key, "foo_bus");
		STREQ(f->text, "struct bus_type");
		OK(f->extra == NULL);
		INTEQ(f->value, -5);
		STREQ(got->facts[1].v[1].extra, "x");
	}
}

/* The dependency record of a file as its parse would give it. */
static struct cache_dep dep_of(const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	struct cache_dep d = { .path = xstrdup(path),
			       .size = len,
			       .hash = hash_bytes(text, len, 0) };

	free(text);
	return d;
}

static void test_entries(void)
{
	char err[512], *src, *hdr, *deps_path;
	struct cache *c;
	struct unit u = { 0 };
	struct unit_results res = { 0 }, got = { 0 };
	struct cache_dep deps[3];
	struct timespec start;
	const char *why;
	char name[64];
	FILE *f;

	OK(mkdtemp(dir) != NULL);
	src = write_text("a.c",
			 "#include \"h.h\"\nstatic struct bus_type foo_bus;\n");
	hdr = write_text("h.h", "#define H 1\n");
	u.file = src;
	u.directory = dir;
	strvec_push(&u.args, "-DMODULE");
	c = cache_open(dir, 42, &layout, err, sizeof(err));
	OK(c != NULL);
	if (!c)
		return;
	INTEQ(cache_lookup(c, &u, &got, &why), CACHE_ABSENT);
	STREQ(why, "no entry");

	fill(&res, src);
	deps[0] = dep_of(src);
	deps[1] = dep_of(hdr);
	deps[2] = dep_of(hdr); /* read twice: recorded once */
	clock_gettime(CLOCK_REALTIME, &start);
	INTEQ(cache_store(c, &u, deps, 3, &start, &res), 0);
	/* Files written just now are "racy": their contents are compared. */
	INTEQ(cache_lookup(c, &u, &got, &why), CACHE_HIT);
	expect_same(&got, &res);
	unit_results_free(&got, 2);
	cache_close(c);

	/* Another configuration, other flags: not this entry. */
	c = cache_open(dir, 43, &layout, err, sizeof(err));
	INTEQ(cache_lookup(c, &u, &got, &why), CACHE_CHANGED);
	cache_close(c);
	c = cache_open(dir, 42, &layout, err, sizeof(err));
	strvec_push(&u.args, "-DOTHER");
	INTEQ(cache_lookup(c, &u, &got, &why), CACHE_ABSENT);
	strvec_free(&u.args);
	strvec_push(&u.args, "-DMODULE");
	cache_close(c);

	/* The header changes, with the same size: a miss. */
	free(write_text("h.h", "#define H 2\n"));
	c = cache_open(dir, 42, &layout, err, sizeof(err));
	INTEQ(cache_lookup(c, &u, &got, &why), CACHE_CHANGED);
	STREQ(why, "a file it read changed");
	cache_close(c);
	free(write_text("h.h", "#define H 1\n"));
	c = cache_open(dir, 42, &layout, err, sizeof(err));
	INTEQ(cache_lookup(c, &u, &got, &why), CACHE_HIT);
	unit_results_free(&got, 2);

	/* A damaged manifest is a miss, and removed. */
	deps_path = NULL;
	for (int i = 0; i < 2; i++) {
		snprintf(name, sizeof(name), "ls %s/*.deps", dir);
		f = popen(name, "r");
		if (f && fgets(name, sizeof(name), f)) {
			name[strcspn(name, "\n")] = '\0';
			deps_path = xstrdup(name);
		}
		if (f)
			pclose(f);
		if (deps_path)
			break;
	}
	OK(deps_path != NULL);
	if (deps_path) {
		size_t len;
		char *text = read_file(deps_path, &len);

		text[len / 2] ^= 1;
		f = fopen(deps_path, "w");
		fwrite(text, 1, len, f);
		fclose(f);
		free(text);
		INTEQ(cache_lookup(c, &u, &got, &why), CACHE_DAMAGED);
		OK(access(deps_path, F_OK) != 0);
		INTEQ(cache_lookup(c, &u, &got, &why), CACHE_ABSENT);
		free(deps_path);
	}
	cache_close(c);

	for (int i = 0; i < 3; i++)
		free(deps[i].path);
	unit_results_free(&res, 2);
	strvec_free(&u.args);
	snprintf(name, sizeof(name), "rm -rf %s", dir);
	OK(system(name) == 0);
	free(src);
	free(hdr);
}

int main(void)
{
	test_hash();
	test_entries();
	return tap_done();
}
