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
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cocci/cocci.h"
#include "engine/flags.h"
#include "lib/fs.h"
#include "lib/program.h"
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

static int run_rule(const char *rule, const char *script,
		    const struct strvec *opts, const char *groups,
		    const struct cocci_config *cfg, struct finding_list *out,
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
	strvec_push(&argv, "--very-quiet");
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
		read_report(rule, res.out, out);
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

/* The reading of every file, shared by the threads that scan them. */
struct scan {
	const struct cocci_filter *cf;
	const struct unit_list *ul;
	const struct strvec *headers;
	size_t nrules;
	bool *pass; /* [file * nrules + rule] */
	bool *read; /* [file]: read (else given to spatch as it is) */
	size_t next; /* the next file to take */
	pthread_mutex_t lock;
};

static const char *scan_file(const struct scan *sc, size_t i)
{
	return i < sc->ul->n ? sc->ul->v[i].file :
			       sc->headers->v[i - sc->ul->n];
}

static void *scan_worker(void *arg)
{
	struct scan *sc = arg;
	size_t total = sc->ul->n + sc->headers->n;

	for (;;) {
		size_t i, len;
		char *text;

		pthread_mutex_lock(&sc->lock);
		i = sc->next++;
		pthread_mutex_unlock(&sc->lock);
		if (i >= total)
			return NULL;
		text = read_file(scan_file(sc, i), &len);
		if (text) {
			cocci_filter_text(sc->cf, text, len,
					  &sc->pass[i * sc->nrules]);
			sc->read[i] = true;
		}
		free(text);
	}
}

/* Read and filter every file, on as many threads as --jobs asks. */
static void scan_all(struct scan *sc, int jobs)
{
	size_t n = jobs > 0 ? (size_t)jobs :
			      (size_t)sysconf(_SC_NPROCESSORS_ONLN);
	pthread_t *tid = xcalloc(n, sizeof(*tid));
	size_t started = 0;

	pthread_mutex_init(&sc->lock, NULL);
	for (size_t t = 1; t < n; t++)
		if (!pthread_create(&tid[started], NULL, scan_worker, sc))
			started++;
	scan_worker(sc);
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_mutex_destroy(&sc->lock);
	free(tid);
}

/*
 * Each script's files: those its query and shape let through (see
 * cocci_filter.h), or all of them without cfg->select.
 */
static void select_files(struct script *sc, size_t n,
			 const struct unit_list *ul,
			 const struct cocci_config *cfg)
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

		for (size_t k = 0; k < n; k++)
			if ((!scan.read[i] || scan.pass[i * n + k]) &&
			    (i < ul->n || sc[k].headers))
				strvec_push(&sc[k].files, file);
	}
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

int cocci_run(const struct unit_list *ul, const struct cocci_config *cfg,
	      struct finding_list *out, char *err, size_t errlen)
{
	struct script *sc = xcalloc(cfg->nrules + 1, sizeof(*sc));
	size_t n = 0;
	int ret = 0;

	if (!spawn_found(cfg->spatch)) {
		free(sc);
		return set_error(
			err, errlen,
			"%s not found: the Coccinelle engine needs it (Debian package 'coccinelle')",
			cfg->spatch);
	}
	for (size_t i = 0; i < cfg->nrules; i++) {
		char *script =
			xasprintf("%s/%s.cocci", cfg->cocci_dir, cfg->rules[i]);

		if (access(script, R_OK) == 0) {
			sc[n].rule = cfg->rules[i];
			sc[n++].path = script;
			continue;
		}
		if (cfg->verbose)
			fprintf(stderr,
				"drvlint: note: %s has no semantic patch (%s)\n",
				cfg->rules[i], script);
		free(script);
	}
	select_files(sc, n, ul, cfg);
	for (size_t k = 0; k < n && !ret; k++) {
		char *groups;

		if (!sc[k].files.n)
			continue;
		groups = write_file_groups(sc[k].files.v, sc[k].files.n, err,
					   errlen);
		if (!groups) {
			ret = -1;
			break;
		}
		ret = run_rule(sc[k].rule, sc[k].path, &sc[k].opts, groups, cfg,
			       out, err, errlen);
		unlink(groups);
		free(groups);
	}
	for (size_t k = 0; k < n; k++) {
		free(sc[k].path);
		strvec_free(&sc[k].opts);
		strvec_free(&sc[k].files);
	}
	free(sc);
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
