/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The language server's state, shared by the thread that reads the
 * client's messages and the workers that check documents.  One lock
 * guards everything here except each document's kept parse, which only
 * its worker touches.
 */
#ifndef DRVLINT_LSP_SERVER_H
#define DRVLINT_LSP_SERVER_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include <jansson.h>

#include "lsp/analysis.h"
#include "lsp/command.h"
#include "lsp/config.h"
#include "lsp/document.h"
#include "lsp/position.h"
#include "lsp/tree.h"

struct lsp_doc {
	struct document d;
	/* Scheduling. */
	double due; /* when to check it (monotonic seconds); 0: not wanted */
	bool warm; /* reparse once more to build the preamble */
	bool busy; /* a worker is checking it */
	bool closed; /* closed while busy: its worker frees it */
	unsigned int worker; /* the worker that owns its parse */
	struct kept_unit kept; /* its worker's alone */
	/* The last check that was kept (its version was still current). */
	long checked_version; /* -1: none */
	char *checked_text; /* the buffer as checked */
	size_t checked_len;
	unsigned int checked_gen; /* the configuration it was checked under */
	char *unit_file; /* the main file of the unit it was checked in */
	struct unit_results r; /* that unit's findings, failures and facts */
	struct strset includes; /* every file that unit read */
	bool includes_known; /* includes was filled once */
	char *notice; /* why it was not checked (no database), or NULL */
	/* The Coccinelle engine's findings, of the version saved last. */
	bool cocci_wanted; /* saved since: run it at the next check */
	struct finding_list cocci;
	long cocci_version; /* their version; -1: none */
	char *cocci_error; /* why spatch gave nothing, or NULL */
	/* What was published last. */
	struct finding_list shown; /* this file's findings, sorted */
	json_t *published; /* the diagnostics array */
};

struct server {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_mutex_t out_lock; /* one packet at a time on out_fd */
	int out_fd;
	FILE *log;
	enum pos_encoding enc;
	bool initialized, shut_down, quit;
	struct lsp_doc **docs;
	size_t ndocs, capdocs;
	struct lsp_config cfg;
	unsigned int gen; /* bumped by each configuration change */
	unsigned int checker_gen; /* the configuration ck was made from */
	struct checker ck;
	bool have_checker;
	char *config_error; /* why there are no checks */
	struct compdbs *dbs;
	/* The tree's record (lsp/tree.h), and was it read since it went stale? */
	struct tree_facts *tree;
	bool tree_read;
	pthread_t *threads;
	unsigned int nworkers, next_worker;
	unsigned int busy_workers;
};

/* output.c */
void lsp_log(struct server *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lsp_send(struct server *s, json_t *msg); /* takes msg */
double lsp_now(void);

/* worker.c */
void *lsp_worker(void *arg); /* arg: struct worker_arg */
struct worker_arg {
	struct server *s;
	unsigned int index;
};
/* A document to check at 'when' (and its includers, for a header). */
void lsp_schedule(struct server *s, struct lsp_doc *doc, double when);
void lsp_doc_free(struct lsp_doc *doc, size_t nchecks);

/* diagnostics.c: under the lock. */
/* Publish doc's diagnostics (and those of other open documents that
 * changed) from every open document's facts; doc may be NULL. */
void lsp_publish(struct server *s, struct lsp_doc *doc);
/* Empty diagnostics for a closed document. */
void lsp_publish_cleared(struct server *s, const char *uri);
json_t *lsp_code_actions(struct server *s, struct lsp_doc *doc,
			 const json_t *params);

#endif
