// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run the semantic patches of cocci/ the way the kernel's coccicheck
 * does (report mode, --very-quiet, the script's own "// Options:" line)
 * and turn their report lines into findings.  Coccinelle sees every #ifdef
 * branch and needs no build; libclang sees one configuration exactly:
 * together they are merged into one report.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cocci/cocci.h"
#include "cocci/spatch_errors.h"
#include "engine/flags.h"
#include "engine/pool.h"
#include "lib/fs.h"
#include "lib/program.h"
#include "lib/regfile.h"
#include "lib/strvec.h"
#include "lib/util.h"
#include "select/cocci_filter.h"

bool cocci_parse_line(const char *line, char **file, unsigned int *lineno,
		      unsigned int *column, char **message)
{
	const char *p = line, *colon;
	unsigned int l, c, c_end;
	int used;

	/* The file name may hold ':', the message too: find ":N:N-N: ". */
	for (colon = strchr(p, ':'); colon; colon = strchr(colon + 1, ':')) {
		if (sscanf(colon, ":%u:%u-%u: %n", &l, &c, &c_end, &used) ==
			    3 &&
		    used > 0) {
			*file = xstrndup(line, colon - line);
			*lineno = l;
			*column = c + 1; /* spatch counts columns from 0 */
			*message = xstrdup(colon + used);
			return true;
		}
	}
	return false;
}

/* The object a message names: the first '...' in it. */
static char *quoted_object(const char *msg)
{
	const char *a = strchr(msg, '\''), *b = a ? strchr(a + 1, '\'') : NULL;

	return b ? xstrndup(a + 1, b - a - 1) : NULL;
}

/* The words of the script's "// Options:" line, as coccicheck uses them. */
static void script_options(const char *script, struct strvec *args)
{
	char *text = read_file(script, NULL), *line, *save;

	if (!text)
		return;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *tok, *save2;

		if (strncmp(line, "// Options:", 11))
			continue;
		for (tok = strtok_r(line + 11, " \t", &save2); tok;
		     tok = strtok_r(NULL, " \t", &save2))
			strvec_push(args, tok);
		break;
	}
	free(text);
}

/* Every file its own group: spatch then spreads them over --jobs. */
static char *write_file_groups(char *const *files, size_t n, char *err,
			       size_t errlen)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/drvlint-groups-XXXXXX", tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!f) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		free(path);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s\n\n", files[i]);
	if (fclose(f)) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

static void read_report(const char *rule, const char *out,
			struct finding_list *findings)
{
	char *copy = xstrdup(out), *line, *save;

	for (line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *file, *msg, *object;
		unsigned int l, c;
		struct finding *f;

		if (!cocci_parse_line(line, &file, &l, &c, &msg))
			continue;
		object = quoted_object(msg);
		f = finding_add(findings, rule, SEV_WARNING, file, l, c, object,
				msg);
		f->engine = "cocci";
		free(object);
		free(msg);
		free(file);
	}
	free(copy);
}

/* What the runs of spatch found: findings, and the files it could not parse. */
struct cocci_out {
	struct finding_list *findings;
	struct spatch_errors errors;
};

static int run_rule(const char *rule, const char *script,
		    const struct strvec *opts, const char *groups,
		    const struct cocci_config *cfg, struct cocci_out *out,
		    char *err, size_t errlen)
{
	struct strvec argv = { 0 };
	struct spawn_cmd cmd = { 0 };
	struct spawn_result res;
	char jobs[16];
	int ret = 0;

	snprintf(jobs, sizeof(jobs), "%d",
		 cfg->jobs > 0 ? cfg->jobs :
				 (int)sysconf(_SC_NPROCESSORS_ONLN));
	strvec_push(&argv, cfg->spatch);
	strvec_push(&argv, "-D");
	strvec_push(&argv, "report");
	/* Quiet, but for the parse errors (see spatch_errors.h). */
	strvec_push(&argv, "--quiet");
	strvec_push(&argv, "--parse-error-msg");
	strvec_push(&argv, "--verbose-parsing");
	strvec_push(&argv, "--no-show-diff");
	for (size_t i = 0; i < opts->n; i++)
		strvec_push(&argv, opts->v[i]);
	strvec_push(&argv, "--jobs");
	strvec_push(&argv, jobs);
	strvec_push(&argv, "--cocci-file");
	strvec_push(&argv, script);
	strvec_push(&argv, "--file-groups");
	strvec_push(&argv, groups);
	if (cfg->select) {
		/*
		 * The files were selected by the script's own query: no
		 * scanner (the kernel's .cocciconfig asks for git grep, run
		 * once per file group) and no second test of each file.
		 */
		strvec_push(&argv, "--no-scanner");
		strvec_push(&argv, "--disable-worth-trying-opt");
	}
	cmd.prog = argv.v[0];
	cmd.options = (const char *const *)argv.v + 1;
	if (cfg->verbose) {
		char *line = spawn_command_line(&cmd);

		fprintf(stderr, "drvlint: running %s\n", line);
		free(line);
	}
	if (spawn_run(&cmd, &res, err, errlen)) {
		ret = -1;
	} else if (res.status) {
		char *line = spawn_command_line(&cmd);

		ret = set_error(err, errlen, "%s failed (exit %d): %s", line,
				res.status,
				res.err_len ? res.err : "no message");
		free(line);
	} else {
		read_report(rule, res.out, out->findings);
		spatch_errors_read(&out->errors, res.err, res.err_len);
	}
	spawn_result_free(&res);
	strvec_free(&argv);
	return ret;
}

/* The script's grep query as spatch derives it, or NULL. */
static char *script_query(const char *script, const struct cocci_config *cfg)
{
	const char *options[] = {
		"-D", "report", "--use-idutils", "--parse-cocci", script, NULL
	};
	struct spawn_cmd cmd = { .prog = cfg->spatch, .options = options };
	struct spawn_result res;
	char err[256];
	char *query = NULL;

	if (spawn_run(&cmd, &res, err, sizeof(err)) == 0 && !res.status &&
	    res.out)
		query = cocci_filter_query_of(res.out);
	spawn_result_free(&res);
	return query;
}

struct script {
	const char *rule;
	char *path;
	struct strvec opts; /* its "// Options:" line */
	bool headers; /* ... holds --include-headers */
	struct strvec files; /* the files given to spatch */
};

static void free_scripts(struct script *sc, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(sc[k].path);
		strvec_free(&sc[k].opts);
		strvec_free(&sc[k].files);
	}
	free(sc);
}

/*
 * The headers below the directories given, for the scripts that ask for
 * them, as coccicheck's --dir gives them (a compile database lists no
 * headers: none then).
 */
static void find_headers(const struct cocci_config *cfg, struct strvec *out)
{
	for (size_t i = 0; i < cfg->npaths; i++) {
		struct strvec found = { 0 };
		struct stat st;

		if (stat(cfg->paths[i], &st) || !S_ISDIR(st.st_mode))
			continue;
		find_files(cfg->paths[i], ".h", &found);
		for (size_t k = 0; k < found.n; k++) {
			char *abs = realpath(found.v[k], NULL);

			if (abs)
				strvec_push(out, abs);
			free(abs);
		}
		strvec_free(&found);
	}
}

/* The reading of every file, shared by the workers that scan them. */
struct scan {
	const struct cocci_filter *cf;
	const struct unit_list *ul;
	const struct strvec *headers;
	size_t nrules;
	bool *pass; /* [file * nrules + rule] */
	bool *read; /* [file]: read (else given to spatch as it is) */
};

static const char *scan_file(const struct scan *sc, size_t i)
{
	return i < sc->ul->n ? sc->ul->v[i].file :
			       sc->headers->v[i - sc->ul->n];
}

/* A pool item: read and filter file i. */
static void scan_one(void *ctx, void *state, struct pool_worker *w, size_t i,
		     void *result)
{
	struct scan *sc = ctx;
	size_t len;
	char *text;

	read_regular(scan_file(sc, i), 0, SIZE_MAX - 1, &text, &len);
	(void)state;
	(void)w;
	(void)result;
	if (text) {
		cocci_filter_text(sc->cf, text, len, &sc->pass[i * sc->nrules]);
		sc->read[i] = true;
	}
	free(text);
}

/* Read and filter every file on the worker pool, as many as --jobs asks. */
static void scan_all(struct scan *sc, int jobs)
{
	size_t total = sc->ul->n + sc->headers->n;
	struct pool_job job = {
		.n = total,
		.threads = pool_threads(jobs, total),
		.ctx = sc,
		.run = scan_one,
	};

	pool_run(&job);
}

/*
 * Each script's files: those its query and shape let through (see
 * cocci_filter.h), or all of them without cfg->select.
 */
static void select_files(struct script *sc, size_t n,
			 const struct unit_list *ul,
			 const struct cocci_config *cfg,
			 struct cocci_summary *sum)
{
	struct cocci_filter *cf = cocci_filter_new();
	struct strvec headers = { 0 };
	struct scan scan = { 0 };
	bool any_headers = false;

	for (size_t k = 0; k < n; k++) {
		char *query = cfg->select ? script_query(sc[k].path, cfg) :
					    NULL;

		cocci_filter_add(cf, sc[k].rule, query);
		if (cfg->select && cfg->verbose && !query)
			fprintf(stderr,
				"drvlint: note: no file selection for %s: spatch gave no query\n",
				sc[k].rule);
		free(query);
	}
	for (size_t k = 0; k < n; k++) {
		script_options(sc[k].path, &sc[k].opts);
		for (size_t i = 0; i < sc[k].opts.n; i++)
			sc[k].headers =
				sc[k].headers ||
				!strcmp(sc[k].opts.v[i], "--include-headers");
		any_headers = any_headers || sc[k].headers;
	}
	if (any_headers)
		find_headers(cfg, &headers);
	scan.cf = cf;
	scan.ul = ul;
	scan.headers = &headers;
	scan.nrules = n;
	scan.pass = xcalloc((ul->n + headers.n) * n + 1, sizeof(bool));
	scan.read = xcalloc(ul->n + headers.n + 1, sizeof(bool));
	if (cfg->select)
		scan_all(&scan, cfg->jobs);
	for (size_t i = 0; i < ul->n + headers.n; i++) {
		const char *file = scan_file(&scan, i);
		bool given = false;

		for (size_t k = 0; k < n; k++) {
			if ((!scan.read[i] || scan.pass[i * n + k]) &&
			    (i < ul->n || sc[k].headers)) {
				strvec_push(&sc[k].files, file);
				given = true;
			}
		}
		sum->checked += given;
	}
	sum->files += ul->n + headers.n;
	free(scan.pass);
	free(scan.read);
	if (cfg->verbose)
		for (size_t k = 0; k < n; k++)
			fprintf(stderr,
				"drvlint: %s: %zu of %zu files to spatch\n",
				sc[k].rule, sc[k].files.n,
				ul->n + (sc[k].headers ? headers.n : 0));
	strvec_free(&headers);
	cocci_filter_free(cf);
}

/* What keeps the script from being read, or NULL. */
static const char *script_problem(const char *script)
{
	struct stat st;

	if (stat(script, &st))
		return strerror(errno);
	if (!S_ISREG(st.st_mode))
		return "not a regular file";
	if (access(script, R_OK))
		return strerror(errno);
	return NULL;
}

/*
 * Every enabled rule's script.  A rule without one would be a rule that
 * silently checks nothing: an error naming the missing script.
 */
static struct script *find_scripts(const struct cocci_config *cfg, size_t *n,
				   char *err, size_t errlen)
{
	struct script *sc = xcalloc(cfg->nrules + 1, sizeof(*sc));

	for (*n = 0; *n < cfg->nrules; (*n)++) {
		char *script = xasprintf("%s/%s.cocci", cfg->cocci_dir,
					 cfg->rules[*n]);
		const char *why = script_problem(script);

		if (why) {
			set_error(
				err, errlen,
				"%s: %s: the Coccinelle engine needs the script of rule %s (--cocci-dir)",
				script, why, cfg->rules[*n]);
			free(script);
			free_scripts(sc, *n);
			return NULL;
		}
		sc[*n].rule = cfg->rules[*n];
		sc[*n].path = script;
	}
	return sc;
}

/*
 * The units whose files are regular files (a FIFO would block spatch,
 * and the reading of it, for ever); each other one is a failure, said
 * once if the libclang engine said so already.
 */
static void regular_units(const struct unit_list *ul, struct unit_list *out,
			  struct report *r)
{
	out->v = xcalloc(ul->n + 1, sizeof(*out->v));
	out->n = 0;
	for (size_t i = 0; i < ul->n; i++) {
		const char *file = ul->v[i].file;
		struct stat st;
		const char *why = stat(file, &st)      ? strerror(errno) :
				  !S_ISREG(st.st_mode) ? "not a regular file" :
							 NULL;
		bool said = false;

		if (!why) {
			out->v[out->n++] = ul->v[i];
			continue;
		}
		for (size_t k = 0; k < r->failures.n && !said; k++)
			said = !strcmp(r->failures.v[k].loc.file, file) &&
			       !strcmp(r->failures.v[k].message, why);
		if (!said) {
			failure_add(&r->failures, file, 0, 0, why);
			r->cocci.failures++;
		}
		r->cocci.files++;
		r->cocci.failed++;
	}
}

static int compare_errors(const void *a, const void *b)
{
	return strcmp(((const struct spatch_error *)a)->file,
		      ((const struct spatch_error *)b)->file);
}

/* A file spatch could not parse whole is a failure, with spatch's reason. */
static void parse_failures(struct spatch_errors *errs, struct report *r)
{
	if (errs->n)
		qsort(errs->v, errs->n, sizeof(*errs->v), compare_errors);
	for (size_t i = 0; i < errs->n; i++) {
		const struct spatch_error *e = &errs->v[i];
		char *msg = xasprintf(
			"spatch could not parse this%s%s%s: the Coccinelle engine did not check the code around it",
			e->around && *e->around ? " (at '" : "",
			e->around && *e->around ? e->around : "",
			e->around && *e->around ? "')" : "");

		failure_add(&r->failures, e->file, e->line, e->column, msg);
		r->cocci.failures++;
		free(msg);
		if (r->cocci.checked)
			r->cocci.checked--;
		r->cocci.failed++;
	}
}

/* Each script over its files. */
static int run_scripts(struct script *sc, size_t n,
		       const struct cocci_config *cfg, struct cocci_out *out,
		       char *err, size_t errlen)
{
	int ret = 0;

	for (size_t k = 0; k < n && !ret; k++) {
		char *groups;

		if (!sc[k].files.n)
			continue;
		groups = write_file_groups(sc[k].files.v, sc[k].files.n, err,
					   errlen);
		if (!groups)
			return -1;
		ret = run_rule(sc[k].rule, sc[k].path, &sc[k].opts, groups, cfg,
			       out, err, errlen);
		unlink(groups);
		free(groups);
	}
	return ret;
}

int cocci_run(const struct unit_list *ul, const struct cocci_config *cfg,
	      struct report *r, char *err, size_t errlen)
{
	struct cocci_out out = { .findings = &r->findings };
	struct unit_list regular;
	struct script *sc;
	size_t n;
	int ret;

	if (!spawn_found(cfg->spatch))
		return set_error(
			err, errlen,
			"%s not found: the Coccinelle engine needs it (Debian package 'coccinelle')",
			cfg->spatch);
	sc = find_scripts(cfg, &n, err, errlen);
	if (!sc)
		return -1;
	r->cocci.ran = true;
	regular_units(ul, &regular, r);
	select_files(sc, n, &regular, cfg, &r->cocci);
	ret = run_scripts(sc, n, cfg, &out, err, errlen);
	parse_failures(&out.errors, r);
	spatch_errors_free(&out.errors);
	free(regular.v);
	free_scripts(sc, n);
	return ret;
}

static bool same_place(const struct finding *a, const struct finding *b)
{
	return !strcmp(a->rule, b->rule) && a->loc.line == b->loc.line &&
	       !strcmp(a->loc.file, b->loc.file);
}

void cocci_merge(struct finding_list *findings)
{
	bool *dup = xcalloc(findings->n, sizeof(bool));
	size_t keep = 0;

	for (size_t i = 0; i < findings->n; i++) {
		struct finding *f = &findings->v[i];

		if (strcmp(f->engine, "cocci"))
			continue;
		for (size_t k = 0; k < findings->n && !dup[i]; k++) {
			struct finding *g = &findings->v[k];

			if (strcmp(g->engine, "cocci") && same_place(f, g)) {
				g->engine = "clang+cocci";
				dup[i] = true;
			}
		}
	}
	for (size_t i = 0; i < findings->n; i++) {
		if (dup[i])
			finding_free(&findings->v[i]);
		else
			findings->v[keep++] = findings->v[i];
	}
	findings->n = keep;
	free(dup);
}
