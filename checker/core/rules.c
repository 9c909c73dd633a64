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

static size_t hash_n(const char *s, size_t len)
{
	size_t h = 5381;

	for (size_t i = 0; i < len; i++)
		h = h * 33 + (unsigned char)s[i];
	return h;
}

static char **find_slot(const struct strset *s, const char *str, size_t len)
{
	size_t i = hash_n(str, len) & (s->nslot - 1);

	while (s->slot[i]) {
		if (strlen(s->slot[i]) == len && !memcmp(s->slot[i], str, len))
			break;
		i = (i + 1) & (s->nslot - 1);
	}
	return &s->slot[i];
}

static void rehash(struct strset *s)
{
	struct strset bigger = { .nslot = s->nslot ? s->nslot * 2 : 64 };

	bigger.slot = xcalloc(bigger.nslot, sizeof(char *));
	for (size_t i = 0; i < s->nslot; i++)
		if (s->slot[i])
			*find_slot(&bigger, s->slot[i], strlen(s->slot[i])) =
				s->slot[i];
	free(s->slot);
	s->slot = bigger.slot;
	s->nslot = bigger.nslot;
}

void strset_add_n(struct strset *s, const char *str, size_t len)
{
	char **slot;

	if ((s->n + 1) * 2 > s->nslot)
		rehash(s);
	slot = find_slot(s, str, len);
	if (*slot)
		return;
	*slot = xstrndup(str, len);
	s->n++;
}

void strset_add(struct strset *s, const char *str)
{
	strset_add_n(s, str, strlen(str));
}

bool strset_has_n(const struct strset *s, const char *str, size_t len)
{
	return s->nslot && *find_slot(s, str, len);
}

bool strset_has(const struct strset *s, const char *str)
{
	return strset_has_n(s, str, strlen(str));
}

void strset_add_all(struct strset *s, const struct strset *from)
{
	for (size_t i = 0; i < from->nslot; i++)
		if (from->slot[i])
			strset_add(s, from->slot[i]);
}

void strset_free(struct strset *s)
{
	for (size_t i = 0; i < s->nslot; i++)
		free(s->slot[i]);
	free(s->slot);
	memset(s, 0, sizeof(*s));
}
