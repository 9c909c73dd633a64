// SPDX-License-Identifier: GPL-2.0-only
/*
 * The language server's main thread: it reads the client's packets,
 * answers requests at once (a parse never runs on this thread), keeps
 * the open buffers and tells the workers what to check.  stdout carries
 * the protocol alone: the process's fd 1 is pointed at stderr, and
 * packets go to a private copy of the original.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lib/util.h"
#include "lsp/lsp.h"
#include "lsp/rpc.h"
#include "lsp/server.h"
#include "out/tree_facts.h"

#define DEFAULT_DEBOUNCE_MS 300

static void show_message(struct server *s, int type, const char *text)
{
	lsp_send(s, rpc_notification("window/showMessage",
				     json_pack("{s:i,s:s}", "type", type,
					       "message", text)));
}

static struct lsp_doc *find_doc(struct server *s, const json_t *params)
{
	const char *uri = json_string_value(json_object_get(
		json_object_get(params, "textDocument"), "uri"));

	for (size_t i = 0; uri && i < s->ndocs; i++)
		if (!s->docs[i]->closed && !strcmp(s->docs[i]->d.uri, uri))
			return s->docs[i];
	return NULL;
}

static void apply_settings(struct server *s, const json_t *o)
{
	char err[512];

	if (config_apply(&s->cfg, o, err, sizeof(err))) {
		lsp_log(s, "settings: %s", err);
		show_message(s, 1, err);
	}
	s->gen++;
	pthread_cond_broadcast(&s->wake);
}

static const char *pick_encoding(struct server *s, const json_t *params)
{
	const json_t *encs = json_object_get(
		json_object_get(json_object_get(params, "capabilities"),
				"general"),
		"positionEncodings");
	size_t i;
	json_t *e;

	s->enc = POS_UTF16;
	json_array_foreach(encs, i, e) if (json_is_string(e) &&
					   !strcmp(json_string_value(e),
						   "utf-8")) s->enc = POS_UTF8;
	return s->enc == POS_UTF8 ? "utf-8" : "utf-16";
}

static json_t *initialize(struct server *s, const json_t *params)
{
	const char *enc = pick_encoding(s, params);
	json_t *opts = json_object_get(params, "initializationOptions");

	pthread_mutex_lock(&s->lock);
	if (opts)
		apply_settings(s, opts);
	s->initialized = true;
	pthread_mutex_unlock(&s->lock);
	lsp_log(s, "initialize: positions in %s", enc);
	return json_pack(
		"{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s,s]}},s:{s:s,s:s}}",
		"capabilities", "positionEncoding", enc, "textDocumentSync",
		"openClose", 1, "change", 2, "save", "includeText", 0,
		"codeActionProvider", "codeActionKinds", "quickfix",
		"source.fixAll.drvlint", "serverInfo", "name", "drvlint",
		"version", DRVLINT_VERSION);
}

/* A didOpen of an open document: its text and version replace the old. */
static bool reopened(struct server *s, const json_t *params,
		     struct lsp_doc *fresh)
{
	struct lsp_doc *doc = find_doc(s, params);

	if (!doc)
		return false;
	free(doc->d.text);
	doc->d.text = fresh->d.text;
	doc->d.len = fresh->d.len;
	doc->d.version = fresh->d.version;
	fresh->d.text = NULL;
	document_free(&fresh->d);
	free(fresh);
	lsp_schedule(s, doc, lsp_now());
	return true;
}

static void did_open(struct server *s, const json_t *params)
{
	const json_t *td = json_object_get(params, "textDocument");
	const json_t *text = json_object_get(td, "text");
	const char *uri = json_string_value(json_object_get(td, "uri"));
	struct lsp_doc *doc;

	if (!uri || !json_is_string(text))
		return;
	doc = xcalloc(1, sizeof(*doc));
	if (!document_init(
		    &doc->d, uri, json_string_value(text),
		    json_string_length(text),
		    (long)json_integer_value(json_object_get(td, "version")))) {
		lsp_log(s, "didOpen: %s is not a file: URI", uri);
		free(doc);
		return;
	}
	doc->checked_version = -1;
	doc->cocci_version = -1;
	pthread_mutex_lock(&s->lock);
	if (reopened(s, params, doc)) {
		pthread_mutex_unlock(&s->lock);
		return;
	}
	doc->worker = s->next_worker++ % s->nworkers;
	GROW(s->docs, s->capdocs, s->ndocs);
	s->docs[s->ndocs++] = doc;
	lsp_schedule(s, doc, lsp_now());
	pthread_mutex_unlock(&s->lock);
	lsp_log(s, "opened %s v%ld", doc->d.path, doc->d.version);
}

static void did_change(struct server *s, const json_t *params)
{
	const json_t *changes = json_object_get(params, "contentChanges");
	const json_t *version = json_object_get(
		json_object_get(params, "textDocument"), "version");
	struct lsp_doc *doc;
	size_t i;
	json_t *c;

	pthread_mutex_lock(&s->lock);
	doc = find_doc(s, params);
	if (!doc) {
		pthread_mutex_unlock(&s->lock);
		return;
	}
	json_array_foreach(changes, i,
			   c) if (!document_apply(&doc->d, c, s->enc))
		lsp_log(s, "%s: a malformed change was ignored", doc->d.path);
	doc->d.version = json_is_integer(version) ?
				 (long)json_integer_value(version) :
				 doc->d.version + 1;
	if (!s->cfg.on_save)
		lsp_schedule(s, doc, lsp_now() + s->cfg.debounce_ms / 1000.0);
	pthread_mutex_unlock(&s->lock);
}

static void did_save(struct server *s, const json_t *params)
{
	struct lsp_doc *doc;

	pthread_mutex_lock(&s->lock);
	doc = find_doc(s, params);
	/* Also unchanged: the headers or the database may have changed. */
	if (doc) {
		doc->cocci_wanted = config_cocci(&s->cfg);
		lsp_schedule(s, doc, lsp_now());
	}
	lsp_tree_stale(s); /* the file on disk changed */
	pthread_mutex_unlock(&s->lock);
}

static void did_close(struct server *s, const json_t *params)
{
	struct lsp_doc *doc;
	char *uri = NULL;

	pthread_mutex_lock(&s->lock);
	doc = find_doc(s, params);
	if (doc) {
		uri = xstrdup(doc->d.uri);
		doc->closed = true;
		/* Its includers read the file from disk again. */
		lsp_schedule(s, doc, lsp_now());
		/* its unit's record is stamped again */
		lsp_tree_stale(s);
	}
	pthread_mutex_unlock(&s->lock);
	if (uri)
		lsp_publish_cleared(s, uri);
	free(uri);
}

static json_t *code_action(struct server *s, const json_t *params)
{
	struct lsp_doc *doc;
	json_t *out;

	pthread_mutex_lock(&s->lock);
	doc = find_doc(s, params);
	out = doc ? lsp_code_actions(s, doc, params) : json_array();
	pthread_mutex_unlock(&s->lock);
	return out;
}

/* A request: answered here, at once.  false for an unknown method. */
static bool answer(struct server *s, const struct rpc_message *m)
{
	json_t *result;

	if (!strcmp(m->method, "initialize"))
		result = initialize(s, m->params);
	else if (!strcmp(m->method, "shutdown"))
		result = json_null();
	else if (!strcmp(m->method, "textDocument/codeAction"))
		result = code_action(s, m->params);
	else
		return false;
	if (!strcmp(m->method, "shutdown")) {
		pthread_mutex_lock(&s->lock);
		s->shut_down = true;
		pthread_mutex_unlock(&s->lock);
	}
	lsp_send(s, rpc_result(m->id, result));
	return true;
}

static void notified(struct server *s, const struct rpc_message *m)
{
	if (!strcmp(m->method, "textDocument/didOpen"))
		did_open(s, m->params);
	else if (!strcmp(m->method, "textDocument/didChange"))
		did_change(s, m->params);
	else if (!strcmp(m->method, "textDocument/didSave"))
		did_save(s, m->params);
	else if (!strcmp(m->method, "textDocument/didClose"))
		did_close(s, m->params);
	else if (!strcmp(m->method, "workspace/didChangeConfiguration")) {
		pthread_mutex_lock(&s->lock);
		apply_settings(s, json_object_get(m->params, "settings"));
		pthread_mutex_unlock(&s->lock);
	}
	/* initialized, $/cancelRequest, $/setTrace, others: nothing to do. */
}

/* One packet's body.  Returns false on exit (*status set). */
static bool handle(struct server *s, const char *body, size_t len, int *status)
{
	struct rpc_message m;

	rpc_parse(body, len, &m);
	if (m.kind == RPC_MALFORMED)
		lsp_send(s, rpc_error(NULL, RPC_PARSE_ERROR,
				      "the body is not JSON"));
	else if (m.kind == RPC_INVALID)
		lsp_send(s,
			 rpc_error(
				 m.id, RPC_INVALID_REQUEST,
				 "not a JSON-RPC 2.0 request or notification"));
	else if (m.kind == RPC_NOTIFICATION && !strcmp(m.method, "exit")) {
		*status = s->shut_down ? 0 : 1;
		rpc_message_free(&m);
		return false;
	} else if (m.kind == RPC_REQUEST && !s->initialized &&
		   strcmp(m.method, "initialize"))
		lsp_send(s, rpc_error(m.id, RPC_SERVER_NOT_INITIALIZED,
				      "the server is not initialized"));
	else if (m.kind == RPC_REQUEST && s->initialized &&
		 !strcmp(m.method, "initialize"))
		lsp_send(s, rpc_error(m.id, RPC_INVALID_REQUEST,
				      "the server is already initialized"));
	else if (m.kind == RPC_REQUEST && s->shut_down)
		lsp_send(s, rpc_error(m.id, RPC_INVALID_REQUEST,
				      "the server is shut down"));
	else if (m.kind == RPC_REQUEST && !answer(s, &m))
		lsp_send(s, rpc_error(m.id, RPC_METHOD_NOT_FOUND,
				      "unknown method"));
	else if (m.kind == RPC_NOTIFICATION && s->initialized && !s->shut_down)
		notified(s, &m);
	rpc_message_free(&m);
	return true;
}

static int serve(struct server *s)
{
	struct rpc_reader reader = { 0 };
	char buf[65536];
	int status = 1;
	bool going = true;

	while (going) {
		ssize_t n = read(0, buf, sizeof(buf));
		enum rpc_read got;
		char *body;
		size_t len;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			lsp_log(s, "end of input without 'exit'");
			break;
		}
		rpc_reader_feed(&reader, buf, (size_t)n);
		while (going && (got = rpc_reader_next(&reader, &body, &len)) !=
					RPC_NEED_MORE) {
			if (got == RPC_BAD_HEADER)
				lsp_log(s, "%s", body);
			else
				going = handle(s, body, len, &status);
			free(body);
		}
	}
	rpc_reader_free(&reader);
	return status;
}

static void usage(FILE *out)
{
	fputs("usage: drvlint lsp [-p DIR] [--log FILE] [-j N]\n"
	      "A Language Server Protocol server on stdin and stdout.\n"
	      "  -p DIR      the directory of compile_commands.json (default: the\n"
	      "              nearest one, from each file's directory up)\n"
	      "  --log FILE  write what the server does to FILE\n"
	      "  -j N        check up to N documents at once (default 2, 1 on\n"
	      "              one core)\n",
	      out);
}

/* 0, or the exit status of a bad command line. */
static int parse_args(struct server *s, int argc, char **argv, int *jobs)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return -1;
		} else if (!strcmp(a, "-p") && i + 1 < argc) {
			free(s->cfg.build_dir);
			s->cfg.build_dir = xstrdup(argv[++i]);
		} else if (!strcmp(a, "--log") && i + 1 < argc) {
			if (s->log)
				fclose(s->log);
			s->log = fopen(argv[++i], "a");
			if (!s->log) {
				fprintf(stderr, "drvlint: error: %s: %s\n",
					argv[i], strerror(errno));
				return 2;
			}
		} else if (!strcmp(a, "-j") && i + 1 < argc &&
			   atoi(argv[i + 1]) > 0) {
			*jobs = atoi(argv[++i]);
		} else {
			fprintf(stderr,
				"drvlint: error: lsp: unknown or incomplete option '%s'\n",
				a);
			usage(stderr);
			return 2;
		}
	}
	return 0;
}

static void start_workers(struct server *s, struct worker_arg *args)
{
	pthread_attr_t attr;

	/* libclang parses deep headers recursively: give it room. */
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 8u << 20);
	s->threads = xcalloc(s->nworkers, sizeof(*s->threads));
	for (unsigned int i = 0; i < s->nworkers; i++) {
		args[i] = (struct worker_arg){ s, i };
		if (pthread_create(&s->threads[i], &attr, lsp_worker,
				   &args[i])) {
			fprintf(stderr,
				"drvlint: error: cannot start a thread\n");
			exit(2);
		}
	}
	pthread_attr_destroy(&attr);
}

static void server_init(struct server *s)
{
	pthread_condattr_t attr;

	pthread_mutex_init(&s->lock, NULL);
	pthread_mutex_init(&s->out_lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&s->wake, &attr);
	pthread_condattr_destroy(&attr);
	s->cfg.debounce_ms = DEFAULT_DEBOUNCE_MS;
	s->dbs = compdbs_new();
	s->gen = 1;
}

static void server_free(struct server *s)
{
	for (size_t i = 0; i < s->ndocs; i++)
		lsp_doc_free(s->docs[i], s->ck.n);
	free(s->docs);
	if (s->have_checker)
		checker_free(&s->ck);
	free(s->config_error);
	tree_facts_free(s->tree);
	config_free(&s->cfg);
	compdbs_free(s->dbs);
	free(s->threads);
	if (s->log)
		fclose(s->log);
	pthread_cond_destroy(&s->wake);
	pthread_mutex_destroy(&s->lock);
	pthread_mutex_destroy(&s->out_lock);
}

int lsp_main(int argc, char **argv)
{
	struct server s = { 0 };
	struct worker_arg *args;
	/*
	 * Two workers: a file opened while another one's preamble is built
	 * does not wait for it.  Each open file's parse stays with one.
	 */
	int jobs = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1, status;

	server_init(&s);
	status = parse_args(&s, argc, argv, &jobs);
	if (status) {
		server_free(&s);
		return status < 0 ? 0 : status;
	}
	/* Packets go to a copy of stdout; anything else printed, to stderr. */
	s.out_fd = dup(1);
	if (s.out_fd < 0 || dup2(2, 1) < 0) {
		fprintf(stderr, "drvlint: error: lsp: %s\n", strerror(errno));
		server_free(&s);
		return 2;
	}
	s.nworkers = (unsigned int)jobs;
	args = xcalloc(s.nworkers, sizeof(*args));
	start_workers(&s, args);
	status = serve(&s);
	pthread_mutex_lock(&s.lock);
	s.quit = true;
	pthread_cond_broadcast(&s.wake);
	pthread_mutex_unlock(&s.lock);
	for (unsigned int i = 0; i < s.nworkers; i++)
		pthread_join(s.threads[i], NULL);
	close(s.out_fd);
	lsp_log(&s, "exit with status %d", status);
	server_free(&s);
	free(args);
	return status;
}
