// SPDX-License-Identifier: GPL-2.0-only
/* The C tokenizer (see ctok.h). */
#include <stdlib.h>
#include <string.h>

#include "lib/ctok.h"
#include "lib/util.h"

size_t ctok_ident_end(const char *s, size_t i, size_t n)
{
	while (i < n && ctok_ident_char((unsigned char)s[i]))
		i++;
	return i;
}

bool ctok_whole_word(const char *s, size_t n, size_t i, size_t len)
{
	return (i == 0 || !ctok_ident_char((unsigned char)s[i - 1])) &&
	       (i + len >= n || !ctok_ident_char((unsigned char)s[i + len]));
}

void ctok_init(struct ctok *t, const char *s, size_t n, unsigned int mode)
{
	*t = (struct ctok){ .s = s, .n = n, .mode = mode, .bol = true };
}

/* The length of a line continuation at s[i] (backslash, [CR,] LF), or 0. */
static size_t continuation(const char *s, size_t i, size_t n)
{
	if (s[i] != '\\' || i + 1 >= n)
		return 0;
	if (s[i + 1] == '\n')
		return 2;
	if (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')
		return 3;
	return 0;
}

/* Past a "//" comment starting at i: at its newline, or the end. */
static size_t line_comment_end(const char *s, size_t i, size_t n)
{
	for (i += 2; i < n && s[i] != '\n';) {
		size_t c = continuation(s, i, n);

		i += c ? c : 1;
	}
	return i;
}

/* Past a literal opened by the quote at i: its closing quote or newline. */
static size_t literal_end(const char *s, size_t i, size_t n)
{
	char q = s[i];

	for (i++; i < n && s[i] != q && s[i] != '\n';) {
		size_t c = continuation(s, i, n);

		if (c)
			i += c;
		else
			i += s[i] == '\\' && i + 1 < n ? 2 : 1;
	}
	return i < n && s[i] == q ? i + 1 : i;
}

/* Past a preprocessing number starting with the digit at i. */
static size_t number_end(const char *s, size_t i, size_t n)
{
	while (i < n) {
		char c = s[i];

		if ((c == '+' || c == '-') &&
		    ((s[i - 1] | 0x20) == 'e' || (s[i - 1] | 0x20) == 'p'))
			i++;
		else if (ctok_ident_char((unsigned char)c) || c == '.')
			i++;
		else
			break;
	}
	return i;
}

/*
 * Skip blanks, comments and continuations.  A newline ends a directive:
 * true then (the caller returns CTOK_NEWLINE).
 */
static bool skip_blanks(struct ctok *t)
{
	const char *s = t->s;
	size_t n = t->n;

	while (t->i < n) {
		size_t i = t->i, c;

		if (s[i] == '\n') {
			t->i++;
			t->bol = true;
			if (t->directive) {
				t->directive = false;
				return true;
			}
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
			   s[i] == '\f' || s[i] == '\v') {
			t->i++;
		} else if ((c = continuation(s, i, n))) {
			t->i += c;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '*') {
			const char *end = memmem(s + i + 2, n - i - 2, "*/", 2);

			t->i = end ? (size_t)(end - s) + 2 : n;
		} else if (s[i] == '/' && i + 1 < n && s[i + 1] == '/') {
			t->i = line_comment_end(s, i, n);
		} else {
			return false;
		}
	}
	t->directive = false;
	return false;
}

/* The token at t->i, which is not blank; kind CTOK_END if skipped. */
static enum ctok_kind read_token(struct ctok *t, size_t *end)
{
	const char *s = t->s;
	size_t i = t->i;
	unsigned char c = (unsigned char)s[i];

	if (c == '"' || c == '\'') {
		*end = literal_end(s, i, t->n);
		if (!(t->mode & CTOK_LITERALS))
			return CTOK_END;
		return c == '"' ? CTOK_STRING : CTOK_CHAR;
	}
	if (ctok_ident_start(c)) {
		*end = ctok_ident_end(s, i, t->n);
		return CTOK_IDENT;
	}
	if (c >= '0' && c <= '9') {
		*end = number_end(s, i, t->n);
		return t->mode & CTOK_LITERALS ? CTOK_NUMBER : CTOK_END;
	}
	*end = i + 1;
	return CTOK_PUNCT;
}

void ctok_skip_directive(struct ctok *t)
{
	struct ctok_token tok;

	t->directive = true;
	while (t->directive && ctok_next(t, &tok) != CTOK_END)
		;
	t->directive = false;
}

enum ctok_kind ctok_next(struct ctok *t, struct ctok_token *tok)
{
	tok->directives = t->directives;
	for (;;) {
		enum ctok_kind kind;
		size_t end;

		if (skip_blanks(t)) {
			tok->kind = CTOK_NEWLINE;
			tok->start = t->i - 1;
			tok->len = 1;
			return CTOK_NEWLINE;
		}
		if (t->i >= t->n) {
			tok->kind = CTOK_END;
			tok->start = t->n;
			tok->len = 0;
			return CTOK_END;
		}
		if (t->s[t->i] == '#' && t->bol && !t->directive) {
			t->bol = false;
			if (!(t->mode & CTOK_DIRECTIVES)) {
				t->i++;
				t->directives++;
				ctok_skip_directive(t);
				tok->directives = t->directives;
				continue;
			}
			t->directive = true;
			tok->kind = CTOK_HASH;
			tok->start = t->i++;
			tok->len = 1;
			return CTOK_HASH;
		}
		t->bol = false;
		kind = read_token(t, &end);
		tok->kind = kind;
		tok->start = t->i;
		tok->len = end - t->i;
		t->i = end;
		if (kind != CTOK_END)
			return kind;
	}
}

bool ctok_is(const struct ctok *t, const struct ctok_token *tok, const char *w)
{
	size_t len = strlen(w);

	return tok->len == len && !memcmp(t->s + tok->start, w, len);
}

void ctok_text_read(struct ctok_text *t, const char *s, size_t n,
		    unsigned int mode)
{
	struct ctok tk;

	*t = (struct ctok_text){ .s = s, .n = n };
	ctok_init(&tk, s, n, mode);
	do
		GROW(t->v, t->cap, t->ntok);
	while (ctok_next(&tk, &t->v[t->ntok++]) != CTOK_END);
}

void ctok_text_free(struct ctok_text *t)
{
	free(t->v);
	t->v = NULL;
	t->ntok = t->cap = 0;
}

size_t ctok_text_next(const struct ctok_text *t, size_t *i)
{
	size_t k = *i;

	if (t->v[k].kind != CTOK_END)
		(*i)++;
	return k;
}

bool ctok_text_punct(const struct ctok_text *t, size_t i, char c)
{
	return i < t->ntok && t->v[i].kind == CTOK_PUNCT &&
	       t->s[t->v[i].start] == c;
}

bool ctok_text_word(const struct ctok_text *t, size_t i)
{
	return i < t->ntok &&
	       (t->v[i].kind == CTOK_IDENT || t->v[i].kind == CTOK_NUMBER);
}

bool ctok_text_is(const struct ctok_text *t, size_t i, const char *w)
{
	size_t len = strlen(w);

	return i < t->ntok && t->v[i].kind != CTOK_END && t->v[i].len == len &&
	       !memcmp(t->s + t->v[i].start, w, len);
}

bool ctok_text_in(const struct ctok_text *t, size_t i,
		  const struct strset *words)
{
	return ctok_text_word(t, i) &&
	       strset_has_n(words, t->s + t->v[i].start, t->v[i].len);
}
