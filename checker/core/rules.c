// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reader for the rules/ data files and a small string set.  Knowledge of
 * kernel APIs lives in those files so that a user can extend it without
 * recompiling; this file only splits lines.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "lib/util.h"

static void add_line(struct rules_file *rf, size_t *cap, char *text,
		     unsigned int lineno)
{
	struct rules_line l = { .lineno = lineno };
	size_t fcap = 0;
	char *save, *tok;

	for (tok = strtok_r(text, " \t\r", &save); tok;
	     tok = strtok_r(NULL, " \t\r", &save)) {
		GROW(l.field, fcap, l.nfield);
		l.field[l.nfield++] = xstrdup(tok);
	}
	if (!l.nfield)
		return;
	GROW(rf->line, *cap, rf->nline);
	rf->line[rf->nline++] = l;
}

void rules_parse(struct rules_file *rf, const char *text)
{
	char *copy = xstrdup(text), *p = copy;
	unsigned int lineno = 0;
	size_t cap = rf->nline;

	while (p) {
		char *nl = strchr(p, '\n'), *hash;

		if (nl)
			*nl = '\0';
		lineno++;
		hash = strchr(p, '#');
		if (hash)
			*hash = '\0';
		add_line(rf, &cap, p, lineno);
		p = nl ? nl + 1 : NULL;
	}
	free(copy);
}

int rules_load(struct rules_file *rf, const char *dir, const char *name,
	       char *err, size_t errlen)
{
	char *text;

	memset(rf, 0, sizeof(*rf));
	rf->path = xasprintf("%s/%s", dir, name);
	text = read_file(rf->path, NULL);
	if (!text) {
		set_error(err, errlen, "%s: %s", rf->path, strerror(errno));
		rules_free(rf);
		return -1;
	}
	rules_parse(rf, text);
	free(text);
	return 0;
}

void rules_free(struct rules_file *rf)
{
	for (size_t i = 0; i < rf->nline; i++) {
		for (size_t j = 0; j < rf->line[i].nfield; j++)
			free(rf->line[i].field[j]);
		free(rf->line[i].field);
	}
	free(rf->line);
	free(rf->path);
	memset(rf, 0, sizeof(*rf));
}
