// SPDX-License-Identifier: GPL-2.0-only
/*
 * The shared headers of the prefilter (see prefilter.h), read once per
 * run: every macro body and every 'extern' object declaration becomes a
 * def, a name standing for its tokens; a def whose tokens hold a key makes
 * its name a key, until nothing changes.
 */
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/ctok.h"
#include "lib/hash.h"
#include "lib/intern.h"
#include "lib/util.h"
#include "select/prefilter_int.h"

/* A macro body or an extern declaration: its name and its tokens. */
struct def {
	uint32_t name;
	uint32_t first, count; /* in build.body */
};

struct build {
	struct intern in;
	struct def *defs;
	size_t ndefs, capdefs;
	uint32_t *body;
	size_t nbody, capbody;
	struct strset seen_files;
	size_t headers;
	uint64_t fingerprint;
	/* The declaration being read: tokens and candidate names. */
	uint32_t *stmt, *names;
	size_t nstmt, capstmt, nnames, capnames;
	bool stmt_extern, stmt_paren;
};

static void push_u32(uint32_t **v, size_t *n, size_t *cap, uint32_t x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	(*v)[(*n)++] = x;
}

/* A def named name of the body tokens from first on. */
static void new_def(struct build *b, uint32_t name, size_t first)
{
	if (b->nbody == first)
		return;
	if (b->ndefs == b->capdefs) {
		b->capdefs = b->capdefs ? b->capdefs * 2 : 1024;
		b->defs = xrealloc(b->defs, b->capdefs * sizeof(*b->defs));
	}
	b->defs[b->ndefs++] =
		(struct def){ .name = name,
			      .first = (uint32_t)first,
			      .count = (uint32_t)(b->nbody - first) };
}

static void add_def(struct build *b, uint32_t name, const uint32_t *toks,
		    size_t count)
{
	size_t first = b->nbody;

	for (size_t i = 0; i < count; i++)
		push_u32(&b->body, &b->nbody, &b->capbody, toks[i]);
	new_def(b, name, first);
}

/*
 * An object declaration 'extern ... ;' without parentheses: each name it
 * declares stands for its tokens, like a macro.
 */
static void end_stmt(struct build *b)
{
	if (b->stmt_extern && !b->stmt_paren)
		for (size_t i = 0; i < b->nnames; i++)
			add_def(b, b->names[i], b->stmt, b->nstmt);
	b->nstmt = b->nnames = 0;
	b->stmt_extern = b->stmt_paren = false;
}

/* The identifier s[0..len) after tag (or NULL), and "tag s", into v. */
static void push_ident(struct build *b, uint32_t **v, size_t *n, size_t *cap,
		       const char *tag, const char *s, size_t len)
{
	char pair[256];

	push_u32(v, n, cap, intern_id(&b->in, s, len));
	if (tag) {
		size_t pl = pf_tag_pair(pair, sizeof(pair), tag, s, len);

		if (pl)
			push_u32(v, n, cap, intern_id(&b->in, pair, pl));
	}
}

/* The tokens of a line from t's position into b->body, as a new def. */
static void read_define(struct build *b, struct ctok *t)
{
	const char *tag = NULL;
	struct ctok_token tok;
	size_t first;
	uint32_t name;

	if (ctok_next(t, &tok) != CTOK_IDENT) {
		if (tok.kind != CTOK_NEWLINE && tok.kind != CTOK_END)
			ctok_skip_directive(t);
		return;
	}
	name = intern_id(&b->in, t->s + tok.start, tok.len);
	first = b->nbody;
	while (ctok_next(t, &tok) != CTOK_END && tok.kind != CTOK_NEWLINE) {
		if (tok.kind != CTOK_IDENT) {
			tag = NULL;
			continue;
		}
		push_ident(b, &b->body, &b->nbody, &b->capbody, tag,
			   t->s + tok.start, tok.len);
		tag = pf_tag_keyword(t->s + tok.start, tok.len);
	}
	new_def(b, name, first);
}

/* A directive whose '#' was just read: a #define's def, or nothing. */
static void header_directive(struct build *b, struct ctok *t)
{
	struct ctok_token tok;

	if (ctok_next(t, &tok) == CTOK_IDENT && ctok_is(t, &tok, "define"))
		read_define(b, t);
	else if (tok.kind != CTOK_NEWLINE && tok.kind != CTOK_END)
		ctok_skip_directive(t);
}

/* One identifier of the header's text outside directives. */
static void header_word(struct build *b, const char *tag, const char *s,
			size_t len)
{
	if (!b->nstmt && pf_word_is(s, len, "extern"))
		b->stmt_extern = true;
	if (!b->stmt_extern) {
		b->nstmt = 1; /* not a declaration we keep */
		return;
	}
	push_ident(b, &b->stmt, &b->nstmt, &b->capstmt, tag, s, len);
	if (!tag && !pf_is_tag_keyword(s, len) && !pf_decl_word(s, len))
		push_u32(&b->names, &b->nnames, &b->capnames,
			 intern_id(&b->in, s, len));
}

static void scan_header(struct build *b, const char *s, size_t n)
{
	const char *tag = NULL;
	struct ctok_token tok;
	struct ctok t;

	ctok_init(&t, s, n, CTOK_DIRECTIVES);
	while (ctok_next(&t, &tok) != CTOK_END) {
		if (tok.kind == CTOK_HASH) {
			header_directive(b, &t);
			continue;
		}
		if (tok.kind == CTOK_NEWLINE)
			continue;
		if (tok.kind == CTOK_PUNCT) {
			char c = s[tok.start];

			if (c == ';' || c == '{' || c == '}')
				end_stmt(b);
			else if (c == '(')
				b->stmt_paren = true;
			tag = NULL;
			continue;
		}
		header_word(b, tag, s + tok.start, tok.len);
		tag = pf_tag_keyword(s + tok.start, tok.len);
	}
	end_stmt(b);
}

/* nftw() has no context argument. */
static struct build *walking;
static bool walk_reads; /* read and scan, or only fingerprint */

/* Each header once: by name, size and modification time, or its text. */
static int walk_file(const char *path, const struct stat *st, int type,
		     struct FTW *ftw)
{
	size_t plen = strlen(path), len;
	char *text;

	(void)ftw;
	if (type != FTW_F || plen < 2 || strcmp(path + plen - 2, ".h") ||
	    strset_has(&walking->seen_files, path))
		return 0;
	strset_add(&walking->seen_files, path);
	walking->headers++;
	if (!walk_reads) {
		uint64_t meta[3] = { (uint64_t)st->st_size,
				     (uint64_t)st->st_mtim.tv_sec,
				     (uint64_t)st->st_mtim.tv_nsec };

		walking->fingerprint = hash_string(walking->fingerprint, path);
		walking->fingerprint =
			hash_bytes(meta, sizeof(meta), walking->fingerprint);
		return 0;
	}
	text = read_file(path, &len);
	if (!text)
		return 0;
	scan_header(walking, text, len);
	free(text);
	return 0;
}

/* Walk every shared root: fingerprint them, or read them (reads). */
static void walk_roots(struct build *b, const struct strset *roots, bool reads)
{
	walking = b;
	walk_reads = reads;
	for (size_t i = 0; i < roots->nslot; i++)
		if (roots->slot[i])
			nftw(roots->slot[i], walk_file, 32, FTW_PHYS);
	walking = NULL;
}

/* users[users_start[t] .. users_start[t + 1]): the defs using token t. */
static uint32_t *def_users(const struct build *b, uint32_t **users_start)
{
	size_t ntok = b->in.n;
	uint32_t *start = xcalloc(ntok + 1, sizeof(uint32_t)), *users, *fill;

	for (size_t d = 0; d < b->ndefs; d++)
		for (uint32_t k = 0; k < b->defs[d].count; k++)
			start[b->body[b->defs[d].first + k] + 1]++;
	for (size_t t = 0; t < ntok; t++)
		start[t + 1] += start[t];
	users = xmalloc((start[ntok] + 1) * sizeof(uint32_t));
	fill = xmalloc((ntok + 1) * sizeof(uint32_t));
	memcpy(fill, start, (ntok + 1) * sizeof(uint32_t));
	for (size_t d = 0; d < b->ndefs; d++)
		for (uint32_t k = 0; k < b->defs[d].count; k++)
			users[fill[b->body[b->defs[d].first + k]]++] =
				(uint32_t)d;
	free(fill);
	*users_start = start;
	return users;
}

/*
 * Every def whose tokens hold a key makes its name a key, until nothing
 * changes: over a reverse index, each def is looked at once per key that
 * reaches it.
 */
static void close_keys(struct prefilter *pf, struct build *b)
{
	size_t ntok = b->in.n, head = 0, tail = 0;
	uint32_t *users_start, *users = def_users(b, &users_start);
	uint32_t *queue = xmalloc((ntok + 1) * sizeof(uint32_t));
	bool *is_key = xcalloc(ntok + 1, sizeof(bool));
	bool *def_done = xcalloc(b->ndefs + 1, sizeof(bool));

	for (size_t t = 0; t < ntok; t++)
		if (strset_has(&pf->keys, b->in.str[t])) {
			is_key[t] = true;
			queue[tail++] = (uint32_t)t;
		}
	while (head < tail) {
		uint32_t t = queue[head++];

		for (uint32_t k = users_start[t]; k < users_start[t + 1]; k++) {
			uint32_t d = users[k], name = b->defs[d].name;

			if (def_done[d])
				continue;
			def_done[d] = true;
			if (is_key[name])
				continue;
			is_key[name] = true;
			strset_add(&pf->keys, b->in.str[name]);
			queue[tail++] = name;
		}
	}
	free(queue);
	free(users);
	free(users_start);
	free(is_key);
	free(def_done);
}

uint64_t pf_headers_fingerprint(const struct strset *roots, uint64_t seed,
				size_t *headers)
{
	struct build b = { .fingerprint = seed };

	walk_roots(&b, roots, false);
	strset_free(&b.seen_files);
	*headers = b.headers;
	return b.fingerprint;
}

void pf_headers_read(struct prefilter *pf, const struct strset *roots)
{
	struct build b = { 0 };

	walk_roots(&b, roots, true);
	close_keys(pf, &b);
	pf->headers = b.headers;
	strset_free(&b.seen_files);
	intern_free(&b.in);
	free(b.defs);
	free(b.body);
	free(b.stmt);
	free(b.names);
}
