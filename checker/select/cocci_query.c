// SPDX-License-Identifier: GPL-2.0-only
/* A script's grep query: parsed, and evaluated on a text (see cocci_query.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/ctok.h"
#include "lib/util.h"
#include "select/cocci_query.h"

enum qkind { Q_TRUE, Q_WORD, Q_TEXT, Q_AND, Q_OR };

/*
 * A formula: a word, a text searched as it is (an atom that is not a
 * plain word), or an and/or of sub-formulas.
 */
struct cocci_query {
	enum qkind kind;
	char *atom;
	struct cocci_query **kid;
	size_t nkid, capkid;
};

void cocci_query_free(struct cocci_query *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->nkid; i++)
		cocci_query_free(q->kid[i]);
	free(q->kid);
	free(q->atom);
	free(q);
}

static struct cocci_query *qnode_new(enum qkind kind)
{
	struct cocci_query *q = xcalloc(1, sizeof(*q));

	q->kind = kind;
	return q;
}

static void skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static struct cocci_query *parse_formula(const char **p, struct strset *words,
					 int depth);

/* "(" formula (("&" | "|") formula)* ")", the '(' just read */
static struct cocci_query *parse_group(const char **p, struct strset *words,
				       int depth)
{
	struct cocci_query *q = qnode_new(Q_AND);
	char op = 0;

	for (;;) {
		struct cocci_query *k = parse_formula(p, words, depth + 1);

		if (!k) {
			cocci_query_free(q);
			return NULL;
		}
		GROW(q->kid, q->capkid, q->nkid + 1);
		q->kid[q->nkid++] = k;
		skip_space(p);
		if (**p == ')') {
			(*p)++;
			break;
		}
		if ((**p != '&' && **p != '|') || (op && **p != op)) {
			cocci_query_free(q);
			return NULL;
		}
		op = *(*p)++;
	}
	q->kind = op == '|' ? Q_OR : Q_AND;
	return q;
}

/* A word, "true", or a text searched as it is. */
static struct cocci_query *parse_atom(const char **p, struct strset *words)
{
	const char *s = *p;
	size_t n = strcspn(s, "()&|! \t\r\n");
	bool plain = n > 0;
	struct cocci_query *q;

	if (!n)
		return NULL;
	*p += n;
	if (n == 4 && !strncmp(s, "true", 4))
		return qnode_new(Q_TRUE);
	for (size_t i = 0; i < n; i++)
		plain = plain && ctok_ident_char((unsigned char)s[i]);
	q = qnode_new(plain ? Q_WORD : Q_TEXT);
	q->atom = xstrndup(s, n);
	if (plain && words)
		strset_add(words, q->atom);
	return q;
}

/* formula := word | "(" formula (("&" | "|") formula)* ")" | "!(" ... ")" */
static struct cocci_query *parse_formula(const char **p, struct strset *words,
					 int depth)
{
	struct cocci_query *q;

	skip_space(p);
	if (depth > 64)
		return NULL;
	if (**p == '!') {
		(*p)++;
		q = parse_formula(p, words, depth + 1);
		if (!q)
			return NULL;
		cocci_query_free(q);
		return qnode_new(Q_TRUE);
	}
	if (**p == '(') {
		(*p)++;
		return parse_group(p, words, depth);
	}
	return parse_atom(p, words);
}

struct cocci_query *cocci_query_parse(const char *text, struct strset *words)
{
	const char *p = text;
	struct strset mine = { 0 };
	struct cocci_query *q = parse_formula(&p, &mine, 0);

	skip_space(&p);
	if (q && *p) {
		cocci_query_free(q);
		q = NULL;
	}
	if (q && words)
		strset_add_all(words, &mine);
	strset_free(&mine);
	return q;
}

bool cocci_query_eval(const struct cocci_query *q, const struct strset *present,
		      const char *text, size_t len)
{
	switch (q->kind) {
	case Q_TRUE:
		return true;
	case Q_WORD:
		return strset_has(present, q->atom);
	case Q_TEXT:
		return memmem(text, len, q->atom, strlen(q->atom));
	case Q_AND:
		for (size_t i = 0; i < q->nkid; i++)
			if (!cocci_query_eval(q->kid[i], present, text, len))
				return false;
		return true;
	case Q_OR:
		for (size_t i = 0; i < q->nkid; i++)
			if (cocci_query_eval(q->kid[i], present, text, len))
				return true;
		return false;
	}
	return true;
}

char *cocci_query_of(const char *out)
{
	static const char head[] = "Idutils query\n";
	const char *p = NULL, *q;

	for (q = strstr(out, head); q; q = strstr(q + 1, head))
		if (q == out || q[-1] == '\n')
			p = q + sizeof(head) - 1;
	if (!p)
		return NULL;
	return xstrndup(p, strcspn(p, "\n"));
}
