/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one C tokenizer of drvlint, for every reader of raw C text: the
 * prefilter and the Coccinelle file selection (select/), and the checks
 * that must read text libclang does not give them (a macro that expands
 * to nothing, the words of a declaration).  It lives in lib/ rather than
 * select/ because checks, a lower layer, use it too.
 *
 * It is a rough tokenizer, not a preprocessor: it knows comments, line
 * continuations (backslash-newline and backslash-CR-LF, also inside
 * comments and literals), string and character literals, numbers
 * (preprocessing numbers), identifiers and one-byte punctuators.  Text is
 * read by length: a NUL byte is an ordinary byte.  An identifier is made
 * of the bytes ctok_ident_char() accepts, which include every byte of a
 * UTF-8 sequence, as clang and GNU C accept them.
 *
 * Modes (ctok.mode):
 *   CTOK_LITERALS    numbers, strings and character literals are tokens
 *                    (otherwise they are skipped);
 *   CTOK_DIRECTIVES  a '#' that starts a line is a CTOK_HASH token, the
 *                    directive's words follow as tokens and the end of its
 *                    line is a CTOK_NEWLINE token (otherwise the whole
 *                    directive is skipped and counted in ctok.directives).
 */
#ifndef DRVLINT_LIB_CTOK_H
#define DRVLINT_LIB_CTOK_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/strset.h"

/* An identifier's byte: a letter, a digit, '_' or any non-ASCII byte. */
static inline bool ctok_ident_char(unsigned char c)
{
	return c == '_' || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* A byte that may start an identifier: as above, but not a digit. */
static inline bool ctok_ident_start(unsigned char c)
{
	return ctok_ident_char(c) && !(c >= '0' && c <= '9');
}

/* The end of the identifier characters of s[i..n). */
size_t ctok_ident_end(const char *s, size_t i, size_t n);

/* Is s[i..i+len) a whole identifier, not part of a longer one? */
bool ctok_whole_word(const char *s, size_t n, size_t i, size_t len);

enum ctok_kind {
	CTOK_END,
	CTOK_IDENT,
	CTOK_NUMBER, /* with CTOK_LITERALS */
	CTOK_STRING, /* "..." with CTOK_LITERALS */
	CTOK_CHAR, /* '...' with CTOK_LITERALS */
	CTOK_PUNCT, /* one byte */
	CTOK_HASH, /* a directive's '#', with CTOK_DIRECTIVES */
	CTOK_NEWLINE, /* a directive's end, with CTOK_DIRECTIVES */
};

enum {
	CTOK_LITERALS = 1 << 0,
	CTOK_DIRECTIVES = 1 << 1,
};

struct ctok {
	const char *s;
	size_t n; /* length of s */
	size_t i; /* the next byte to read */
	unsigned int mode;
	bool bol; /* only blanks and comments since the last newline */
	bool directive; /* inside a directive's line (CTOK_DIRECTIVES) */
	unsigned int directives; /* directive lines skipped */
};

struct ctok_token {
	enum ctok_kind kind;
	unsigned int directives; /* directive lines skipped before it */
	size_t start, len; /* in ctok.s */
};

/* A tokenizer at the start of s[0..n). */
void ctok_init(struct ctok *t, const char *s, size_t n, unsigned int mode);

/* The next token; CTOK_END at the end of the text. */
enum ctok_kind ctok_next(struct ctok *t, struct ctok_token *tok);

/* Skip the rest of the directive line being read (after its '#'). */
void ctok_skip_directive(struct ctok *t);

/* Is the token the word w? */
bool ctok_is(const struct ctok *t, const struct ctok_token *tok, const char *w);

/*
 * A whole text as tokens, read once for several readers: v[ntok - 1] is
 * always the CTOK_END token, and every index up to it may be read.
 */
struct ctok_text {
	const char *s;
	size_t n;
	struct ctok_token *v;
	size_t ntok, cap;
};

void ctok_text_read(struct ctok_text *t, const char *s, size_t n,
		    unsigned int mode);
void ctok_text_free(struct ctok_text *t);

/* The index of the token at *i; *i moves to the next unless at the end. */
size_t ctok_text_next(const struct ctok_text *t, size_t *i);
/* Is v[i] the punctuator c? */
bool ctok_text_punct(const struct ctok_text *t, size_t i, char c);
/* Is v[i] a word: an identifier or a number? */
bool ctok_text_word(const struct ctok_text *t, size_t i);
/* Is v[i]'s text w (any kind)? */
bool ctok_text_is(const struct ctok_text *t, size_t i, const char *w);
/* Is v[i] a word of the set? */
bool ctok_text_in(const struct ctok_text *t, size_t i,
		  const struct strset *words);

#endif
