// SPDX-License-Identifier: GPL-2.0-only
/*
 * The prefilter (see prefilter.h).  Text is read as C tokens, roughly:
 * comments and literals are skipped, identifiers are the tokens, and
 * "struct X" (also union, enum) is one more token, so that a key can
 * name a struct tag without naming every '.class' member.
 */
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/rules.h"
#include "engine/flags.h"
#include "lib/hash.h"
#include "lib/strset.h"
#include "lib/strvec.h"
#include "lib/util.h"
#include "select/prefilter.h"

#define MAX_INCLUDE_DEPTH 16

/* ---- interned tokens ---- */

struct intern {
	char **str;
	size_t n, cap;
	uint32_t *slot; /* id + 1, 0 empty */
	size_t nslot;
};

static uint32_t *intern_slot(const struct intern *in, const char *s, size_t len)
{
	size_t mask = in->nslot - 1;

	for (size_t i = hash_bytes(s, len, 0) & mask;; i = (i + 1) & mask) {
		uint32_t *slot = &in->slot[i];
		const char *t;

		if (!*slot)
			return slot;
		t = in->str[*slot - 1];
		if (!strncmp(t, s, len) && !t[len])
			return slot;
	}
}

static void intern_grow(struct intern *in)
{
	size_t nslot = in->nslot ? in->nslot * 2 : 4096;

	free(in->slot);
	in->slot = xcalloc(nslot, sizeof(*in->slot));
	in->nslot = nslot;
	for (size_t id = 0; id < in->n; id++)
		*intern_slot(in, in->str[id], strlen(in->str[id])) =
			(uint32_t)id + 1;
}

static uint32_t intern_id(struct intern *in, const char *s, size_t len)
{
	uint32_t *slot;
	char *copy;

	if ((in->n + 1) * 2 > in->nslot)
		intern_grow(in);
	slot = intern_slot(in, s, len);
	if (*slot)
		return *slot - 1;
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 4096;
		in->str = xrealloc(in->str, in->cap * sizeof(char *));
	}
	copy = xmalloc(len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	in->str[in->n] = copy;
	*slot = (uint32_t)++in->n;
	return *slot - 1;
}

static void intern_free(struct intern *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->str[i]);
	free(in->str);
	free(in->slot);
}

/* ---- a C token reader ---- */

struct reader {
	const char *s;
	size_t n, i;
	bool bol; /* only blanks since the last newline */
	char tag[16]; /* "struct" etc. just read, or "" */
};

enum tok { TOK_END, TOK_IDENT, TOK_PUNCT, TOK_HASH, TOK_NEWLINE };

static bool ident_start(char c)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool ident_char(char c)
{
	return ident_start(c) || (c >= '0' && c <= '9');
}

/*
 * The next token.  Newlines are tokens only when the caller reads a
 * directive (in_directive); '#' at the start of a line is TOK_HASH.
 */
static enum tok next_tok(struct reader *r, bool in_directive, size_t *start,
			 size_t *len)
{
	const char *s = r->s;
	size_t n = r->n;

	while (r->i < n) {
		size_t i = r->i;
		char c = s[i];

		if (c == '\n') {
			r->i++;
			r->bol = true;
			if (in_directive)
				return TOK_NEWLINE;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			r->i++;
			continue;
		}
		if (c == '\\' && i + 1 < n &&
		    (s[i + 1] == '\n' ||
		     (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n'))) {
			r->i += s[i + 1] == '\n' ? 2 : 3;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			const char *end = memmem(s + i + 2, n - i - 2, "*/", 2);

			r->i = end ? (size_t)(end - s) + 2 : n;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			while (r->i < n && s[r->i] != '\n')
				r->i += s[r->i] == '\\' && r->i + 1 < n ? 2 : 1;
			continue;
		}
		if (c == '#' && r->bol && !in_directive) {
			r->i++;
			r->bol = false;
			return TOK_HASH;
		}
		r->bol = false;
		if (c == '"' || c == '\'') {
			r->i++;
			while (r->i < n && s[r->i] != c && s[r->i] != '\n')
				r->i += s[r->i] == '\\' && r->i + 1 < n ? 2 : 1;
			if (r->i < n && s[r->i] == c)
				r->i++;
			continue;
		}
		if (ident_start(c)) {
			while (r->i < n && ident_char(s[r->i]))
				r->i++;
			*start = i;
			*len = r->i - i;
			return TOK_IDENT;
		}
		if (c >= '0' && c <= '9') {
			while (r->i < n &&
			       (ident_char(s[r->i]) || s[r->i] == '.'))
				r->i++;
			continue;
		}
		r->i++;
		*start = i;
		*len = 1;
		return TOK_PUNCT;
	}
	return TOK_END;
}

/* Is the token s of length len the word w? */
static bool word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && !memcmp(s, w, len);
}

static bool is_tag_keyword(const char *s, size_t len)
{
	return word_is(s, len, "struct") || word_is(s, len, "union") ||
	       word_is(s, len, "enum");
}

/* "struct", "union" or "enum" if the identifier is one, else NULL. */
static const char *tag_keyword(const char *s, size_t len)
{
	if (!is_tag_keyword(s, len))
		return NULL;
	return len == 6 ? "struct" : len == 5 ? "union" : "enum";
}

/* "struct X" for the identifier X that follows a tag keyword. */
static size_t tag_pair(char *buf, size_t size, const char *tag, const char *s,
		       size_t len)
{
	size_t tl = strlen(tag);

	if (tl + 1 + len >= size)
		return 0;
	memcpy(buf, tag, tl);
	buf[tl] = ' ';
	memcpy(buf + tl + 1, s, len);
	buf[tl + 1 + len] = '\0';
	return tl + 1 + len;
}

/* The rest of a directive's line, skipped. */
static void skip_directive(struct reader *r)
{
	size_t start, len;
	enum tok t;

	do
		t = next_tok(r, true, &start, &len);
	while (t != TOK_END && t != TOK_NEWLINE);
}

/* ---- reading the shared headers ---- */

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

/* Identifiers that never name a declared object. */
static bool decl_word(const char *s, size_t len)
{
	static const char *const words[] = {
		"extern", "const",  "volatile", "static", "unsigned",
		"signed", "int",    "char",	"long",	  "short",
		"void",	  "inline", "restrict", "_Bool",  "bool",
	};

	if (len >= 2 && s[0] == '_' && s[1] == '_')
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i]) == len && !memcmp(words[i], s, len))
			return true;
	return false;
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

/* The tokens of a line from r's position into b->body, as a new def. */
static void read_define(struct build *b, struct reader *r)
{
	char pair[256];
	const char *tag = NULL;
	size_t start, len, first;
	enum tok t;
	uint32_t name;

	t = next_tok(r, true, &start, &len);
	if (t != TOK_IDENT) {
		if (t != TOK_NEWLINE && t != TOK_END)
			skip_directive(r);
		return;
	}
	name = intern_id(&b->in, r->s + start, len);
	first = b->nbody;
	for (;;) {
		t = next_tok(r, true, &start, &len);
		if (t == TOK_END || t == TOK_NEWLINE)
			break;
		if (t != TOK_IDENT) {
			tag = NULL;
			continue;
		}
		push_u32(&b->body, &b->nbody, &b->capbody,
			 intern_id(&b->in, r->s + start, len));
		if (tag) {
			size_t pl = tag_pair(pair, sizeof(pair), tag,
					     r->s + start, len);

			if (pl)
				push_u32(&b->body, &b->nbody, &b->capbody,
					 intern_id(&b->in, pair, pl));
		}
		tag = tag_keyword(r->s + start, len);
	}
	new_def(b, name, first);
}

static void scan_header(struct build *b, const char *s, size_t n)
{
	struct reader r = { .s = s, .n = n, .bol = true };
	char pair[256];
	const char *tag = NULL;
	size_t start, len;
	enum tok t;

	while ((t = next_tok(&r, false, &start, &len)) != TOK_END) {
		if (t == TOK_HASH) {
			t = next_tok(&r, true, &start, &len);
			if (t == TOK_IDENT && word_is(s + start, len, "define"))
				read_define(b, &r);
			else if (t != TOK_NEWLINE && t != TOK_END)
				skip_directive(&r);
			continue;
		}
		if (t == TOK_PUNCT) {
			char c = s[start];

			if (c == ';' || c == '{' || c == '}')
				end_stmt(b);
			else if (c == '(')
				b->stmt_paren = true;
			tag = NULL;
			continue;
		}
		if (!b->nstmt && word_is(s + start, len, "extern"))
			b->stmt_extern = true;
		if (!b->stmt_extern) {
			b->nstmt = 1; /* not a declaration we keep */
			continue;
		}
		push_u32(&b->stmt, &b->nstmt, &b->capstmt,
			 intern_id(&b->in, s + start, len));
		if (tag) {
			size_t pl = tag_pair(pair, sizeof(pair), tag, s + start,
					     len);

			if (pl)
				push_u32(&b->stmt, &b->nstmt, &b->capstmt,
					 intern_id(&b->in, pair, pl));
		} else if (!is_tag_keyword(s + start, len) &&
			   !decl_word(s + start, len)) {
			push_u32(&b->names, &b->nnames, &b->capnames,
				 intern_id(&b->in, s + start, len));
		}
		tag = tag_keyword(s + start, len);
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

/* ---- include directories ---- */

/* A shared include directory: a path component named 'include'. */
static bool shared_dir(const char *dir)
{
	const char *p = dir;

	while ((p = strstr(p, "include"))) {
		if ((p == dir || p[-1] == '/') && (p[7] == '\0' || p[7] == '/'))
			return true;
		p += 7;
	}
	return false;
}

/* The include directories of a unit, in order, absolute (not resolved). */
static void unit_dirs(const struct unit *u, struct strvec *out)
{
	static const char *const opts[] = { "-I", "-isystem", "-idirafter",
					    "-iquote" };

	for (size_t i = 0; i < u->args.n; i++) {
		const char *a = u->args.v[i], *dir = NULL;

		for (size_t k = 0; k < sizeof(opts) / sizeof(opts[0]); k++) {
			size_t ol = strlen(opts[k]);

			if (strncmp(a, opts[k], ol))
				continue;
			if (a[ol])
				dir = a + ol;
			else if (i + 1 < u->args.n)
				dir = u->args.v[++i];
			break;
		}
		if (!dir)
			continue;
		if (dir[0] == '/') {
			strvec_push(out, dir);
		} else {
			char *abs = xasprintf("%s/%s", u->directory, dir);

			strvec_push(out, abs);
			free(abs);
		}
	}
}

/* ---- the prefilter ---- */

struct prefilter {
	struct strset keys;
	size_t headers;
	bool from_cache; /* the keys file of an earlier run */
};

static bool has_key(const struct prefilter *pf, const char *s, size_t len,
		    const char *tag)
{
	char pair[256];
	size_t pl;

	if (strset_has_n(&pf->keys, s, len))
		return true;
	if (!tag)
		return false;
	pl = tag_pair(pair, sizeof(pair), tag, s, len);
	return pl && strset_has_n(&pf->keys, pair, pl);
}

/*
 * Every def whose tokens hold a key makes its name a key, until nothing
 * changes: over a reverse index, each def is looked at once per key that
 * reaches it.
 */
static void close_keys(struct prefilter *pf, struct build *b)
{
	size_t ntok = b->in.n;
	uint32_t *users_start = xcalloc(ntok + 1, sizeof(uint32_t));
	uint32_t *users, *fill, *queue;
	bool *is_key = xcalloc(ntok, sizeof(bool));
	bool *def_done = xcalloc(b->ndefs ? b->ndefs : 1, sizeof(bool));
	size_t head = 0, tail = 0;

	for (size_t d = 0; d < b->ndefs; d++)
		for (uint32_t k = 0; k < b->defs[d].count; k++)
			users_start[b->body[b->defs[d].first + k] + 1]++;
	for (size_t t = 0; t < ntok; t++)
		users_start[t + 1] += users_start[t];
	users = xmalloc((users_start[ntok] + 1) * sizeof(uint32_t));
	fill = xmalloc((ntok + 1) * sizeof(uint32_t));
	memcpy(fill, users_start, (ntok + 1) * sizeof(uint32_t));
	for (size_t d = 0; d < b->ndefs; d++)
		for (uint32_t k = 0; k < b->defs[d].count; k++)
			users[fill[b->body[b->defs[d].first + k]]++] =
				(uint32_t)d;
	free(fill);

	queue = xmalloc((ntok + 1) * sizeof(uint32_t));
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

/* Walk every shared root: fingerprint them, or read them (reads). */
static void walk_roots(struct build *b, const struct strset *roots, bool reads)
{
	strset_free(&b->seen_files);
	memset(&b->seen_files, 0, sizeof(b->seen_files));
	b->headers = 0;
	walking = b;
	walk_reads = reads;
	for (size_t i = 0; i < roots->nslot; i++)
		if (roots->slot[i])
			nftw(roots->slot[i], walk_file, 32, FTW_PHYS);
	walking = NULL;
}

/*
 * The keys file of the cache directory: the keys of this fingerprint of
 * the checks' keys and the shared headers, as a previous run built them.
 */
static char *keys_path(const char *cache_dir, uint64_t fingerprint)
{
	return xasprintf("%s/prefilter-%016llx.keys", cache_dir,
			 (unsigned long long)fingerprint);
}

/*
 * The keys file: a magic line, the keys one a line, and a last line with
 * the hash of all before it; anything else is not trusted.
 */
static const char keys_magic[] = "drvlint prefilter keys 1\n";

static bool load_keys(struct prefilter *pf, const char *path)
{
	size_t len, body, ml = strlen(keys_magic);
	char *text = read_file(path, &len), *line, *save = NULL, *last;
	unsigned long long sum;
	bool ok;

	if (!text)
		return false;
	ok = len > ml && !strncmp(text, keys_magic, ml) &&
	     text[len - 1] == '\n' && !memchr(text, '\0', len);
	if (ok) {
		text[len - 1] = '\0';
		last = strrchr(text, '\n');
		body = last ? (size_t)(last - text) + 1 : 0;
		ok = last && sscanf(last + 1, "sum %16llx", &sum) == 1 &&
		     sum == hash_bytes(text, body, 0) && body >= ml;
	}
	if (ok) {
		text[body - 1] = '\0';
		for (line = strtok_r(text + ml, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			strset_add(&pf->keys, line);
	}
	free(text);
	return ok;
}

/* Written under a temporary name, then renamed: never half a file. */
static void save_keys(const struct prefilter *pf, const char *path)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	bool ok;

	fputs(keys_magic, f);
	for (size_t i = 0; i < pf->keys.nslot; i++)
		if (pf->keys.slot[i])
			fprintf(f, "%s\n", pf->keys.slot[i]);
	fclose(f);
	f = fopen(tmp, "w");
	if (!f) {
		free(text);
		free(tmp);
		return;
	}
	fputs(text, f);
	fprintf(f, "sum %016llx\n",
		(unsigned long long)hash_bytes(text, len, 0));
	ok = !ferror(f);
	ok = !fclose(f) && ok;
	if (!ok || rename(tmp, path))
		unlink(tmp);
	free(text);
	free(tmp);
}

/* The shared include directories of every unit, resolved. */
static void shared_roots(const struct unit_list *units, struct strset *roots)
{
	struct strset given = { 0 };

	for (size_t i = 0; i < units->n; i++) {
		struct strvec dirs = { 0 };

		unit_dirs(&units->v[i], &dirs);
		for (size_t d = 0; d < dirs.n; d++) {
			char real[PATH_MAX];

			if (!shared_dir(dirs.v[d]) ||
			    strset_has(&given, dirs.v[d]))
				continue;
			strset_add(&given, dirs.v[d]);
			if (realpath(dirs.v[d], real))
				strset_add(roots, real);
		}
		strvec_free(&dirs);
	}
	strset_free(&given);
}

struct prefilter *prefilter_new(const struct check *const *checks,
				void *const *states, size_t nchecks,
				const struct unit_list *units,
				const char *cache_dir)
{
	struct prefilter *pf = xcalloc(1, sizeof(*pf));
	struct build b = { 0 };
	struct strset roots = { 0 };
	char *path = NULL;

	for (size_t k = 0; k < nchecks; k++)
		if (!checks[k]->prefilter_keys ||
		    !checks[k]->prefilter_keys(states[k], &pf->keys)) {
			prefilter_free(pf);
			return NULL;
		}
	shared_roots(units, &roots);
	if (cache_dir) {
		uint64_t h = hash_string(0, "drvlint prefilter");

		for (size_t i = 0; i < pf->keys.nslot; i++)
			if (pf->keys.slot[i])
				h ^= hash_string(0, pf->keys.slot[i]);
		b.fingerprint = h;
		walk_roots(&b, &roots, false);
		path = keys_path(cache_dir, b.fingerprint);
		pf->headers = b.headers;
		if (load_keys(pf, path)) {
			pf->from_cache = true;
			goto done;
		}
	}
	walk_roots(&b, &roots, true);
	close_keys(pf, &b);
	pf->headers = b.headers;
	if (path)
		save_keys(pf, path);
done:
	free(path);
	strset_free(&roots);
	strset_free(&b.seen_files);
	intern_free(&b.in);
	free(b.defs);
	free(b.body);
	free(b.stmt);
	free(b.names);
	return pf;
}

/* A header named by #include, resolved as the compiler would (roughly). */
static char *resolve_include(const char *name, bool quoted, const char *from,
			     const struct strvec *dirs, bool *shared)
{
	struct stat st;
	char *path;

	*shared = false;
	if (name[0] == '/')
		return stat(name, &st) ? NULL : xstrdup(name);
	if (quoted) {
		const char *slash = strrchr(from, '/');

		path = xasprintf("%.*s/%s", (int)(slash ? slash - from : 1),
				 slash ? from : ".", name);
		if (!stat(path, &st) && S_ISREG(st.st_mode))
			return path;
		free(path);
	}
	for (size_t i = 0; i < dirs->n; i++) {
		path = xasprintf("%s/%s", dirs->v[i], name);
		if (!stat(path, &st) && S_ISREG(st.st_mode)) {
			*shared = shared_dir(dirs->v[i]);
			return path;
		}
		free(path);
	}
	return NULL;
}

struct unit_scan {
	const struct prefilter *pf;
	struct strvec dirs;
	struct strset visited;
	/*
	 * Names the unit's own headers tie to keys: macros whose body holds
	 * one, objects an extern declaration of a key type declares.
	 */
	struct strset local;
	char *why; /* the key found and where, if asked */
};

static bool unit_key(const struct unit_scan *us, const char *s, size_t len,
		     const char *tag)
{
	return has_key(us->pf, s, len, tag) || strset_has_n(&us->local, s, len);
}

/* Remember which key let the unit through, for --verbose. */
static bool found_key(struct unit_scan *us, const char *path, const char *s,
		      size_t len, const char *tag)
{
	bool tagged = tag && !strset_has_n(&us->pf->keys, s, len);

	us->why = xasprintf("'%s%s%.*s' in %s", tagged ? tag : "",
			    tagged ? " " : "", (int)len, s, path);
	return true;
}

static bool scan_local_header(struct unit_scan *us, const char *path,
			      const char *s, size_t n, int depth);

static bool scan_include(struct unit_scan *us, struct reader *r,
			 const char *path, int depth)
{
	const char *s = r->s, *name, *end;
	char close;
	bool shared, found = false;
	char *file, *text, *inc;
	size_t len;

	while (r->i < r->n && (s[r->i] == ' ' || s[r->i] == '\t'))
		r->i++;
	if (r->i >= r->n || (s[r->i] != '"' && s[r->i] != '<'))
		return false;
	close = s[r->i] == '"' ? '"' : '>';
	name = s + r->i + 1;
	end = memchr(name, close, r->n - (size_t)(name - s));
	if (!end || memchr(name, '\n', (size_t)(end - name)))
		return false;
	r->i = (size_t)(end - s) + 1;
	if (depth >= MAX_INCLUDE_DEPTH)
		return false;
	inc = xasprintf("%.*s", (int)(end - name), name);
	file = resolve_include(inc, close == '"', path, &us->dirs, &shared);
	free(inc);
	if (!file || shared || strset_has(&us->visited, file)) {
		free(file);
		return false;
	}
	strset_add(&us->visited, file);
	text = read_file(file, &len);
	if (text)
		found = scan_local_header(us, file, text, len, depth + 1);
	free(text);
	free(file);
	return found;
}

static bool scan_text(struct unit_scan *us, const char *path, const char *s,
		      size_t n, int depth)
{
	struct reader r = { .s = s, .n = n, .bol = true };
	const char *tag = NULL;
	size_t start, len;
	enum tok t;

	while ((t = next_tok(&r, false, &start, &len)) != TOK_END) {
		if (t == TOK_HASH) {
			t = next_tok(&r, true, &start, &len);
			tag = NULL;
			if (t == TOK_IDENT &&
			    word_is(s + start, len, "include") &&
			    scan_include(us, &r, path, depth))
				return true;
			/* The rest of the line is ordinary text. */
			r.bol = false;
			if (t == TOK_IDENT &&
			    unit_key(us, s + start, len, NULL))
				return found_key(us, path, s + start, len,
						 NULL);
			continue;
		}
		if (t != TOK_IDENT) {
			tag = NULL;
			continue;
		}
		if (unit_key(us, s + start, len, tag))
			return found_key(us, path, s + start, len, tag);
		tag = tag_keyword(s + start, len);
	}
	return false;
}

/*
 * A top-level declaration of a unit's own header, as far as the
 * prefilter tells them apart.
 */
struct header_stmt {
	bool key_outside; /* a key outside parentheses and type bodies */
	bool key_inside; /* a key in parentheses or a type's body only */
	bool is_extern, paren, assign, body;
	bool type_body; /* the braces are a struct's, union's or enum's */
	unsigned int words; /* identifiers at the top level */
	bool tag_first; /* the first of them is struct, union or enum */
	const char *key; /* the first key outside, for --verbose */
	size_t key_len;
	const char *key_tag;
	bool key_last; /* that key is the token just read */
	struct strvec names; /* what an extern declaration declares */
};

/* '#define NAME body': NAME is a key of the unit if the body holds one. */
static void local_define(struct unit_scan *us, struct reader *r)
{
	const char *tag = NULL;
	size_t start, len, nstart, nlen;
	bool keyed = false;
	enum tok t;

	t = next_tok(r, true, &nstart, &nlen);
	if (t != TOK_IDENT) {
		if (t != TOK_NEWLINE && t != TOK_END)
			skip_directive(r);
		return;
	}
	while ((t = next_tok(r, true, &start, &len)) != TOK_END &&
	       t != TOK_NEWLINE) {
		if (t != TOK_IDENT) {
			tag = NULL;
			continue;
		}
		if (unit_key(us, r->s + start, len, tag))
			keyed = true;
		tag = tag_keyword(r->s + start, len);
	}
	if (keyed) {
		char *name = xasprintf("%.*s", (int)nlen, r->s + nstart);

		strset_add(&us->local, name);
		free(name);
	}
}

/*
 * The end of a declaration: does it let the unit through?  A prototype
 * whose parameters name a key type, a struct whose members do, a forward
 * declaration, do not: no object of the unit is defined or reached by
 * them.  An extern object of a key type makes its name a key of the unit.
 * Anything else that holds a key (a definition, an inline function's
 * body) does.
 */
static bool end_header_stmt(struct unit_scan *us, const char *path,
			    struct header_stmt *st)
{
	bool pass = false;
	bool forward = st->words == 2 && st->tag_first && !st->paren &&
		       !st->body && !st->assign;

	if (forward) {
		/* 'struct bus_type;' */
	} else if (st->is_extern && !st->paren &&
		   (st->key_outside || st->key_inside)) {
		for (size_t i = 0; i < st->names.n; i++)
			strset_add(&us->local, st->names.v[i]);
	} else if (st->key_outside) {
		pass = found_key(us, path, st->key, st->key_len, st->key_tag);
	}
	strvec_free(&st->names);
	*st = (struct header_stmt){ 0 };
	return pass;
}

static bool scan_local_header(struct unit_scan *us, const char *path,
			      const char *s, size_t n, int depth)
{
	struct reader r = { .s = s, .n = n, .bol = true };
	struct header_stmt st = { 0 };
	const char *tag = NULL;
	int parens = 0, braces = 0;
	bool after_tag = false; /* 'struct X' or 'struct' just read */
	size_t start, len;
	enum tok t;

	while ((t = next_tok(&r, false, &start, &len)) != TOK_END) {
		if (t == TOK_HASH) {
			t = next_tok(&r, true, &start, &len);
			tag = NULL;
			/* Each branch reads the directive to its line's end. */
			if (t == TOK_IDENT &&
			    word_is(s + start, len, "include")) {
				if (scan_include(us, &r, path, depth))
					goto pass;
				skip_directive(&r);
			} else if (t == TOK_IDENT &&
				   word_is(s + start, len, "define")) {
				local_define(us, &r);
			} else if (t != TOK_NEWLINE && t != TOK_END) {
				skip_directive(&r);
			}
			continue;
		}
		if (t == TOK_PUNCT) {
			char c = s[start];

			if (c == '(' && !braces) {
				parens++;
				st.paren = true;
			} else if (c == ')' && !braces && parens) {
				parens--;
			} else if (c == '=' && !braces && !parens) {
				st.assign = true;
			} else if (c == '{') {
				if (!braces && !parens) {
					st.body = true;
					st.type_body = after_tag && !st.paren &&
						       !st.assign;
					/* 'struct iwl_cfg {' defines the type */
					if (st.type_body && st.key_last)
						st.key_outside = false;
				}
				braces++;
			} else if (c == '}' && braces) {
				/* A function's body ends its definition. */
				if (!--braces && st.paren && !st.assign &&
				    !st.type_body &&
				    end_header_stmt(us, path, &st))
					goto pass;
			} else if (c == ';' && !braces && !parens &&
				   end_header_stmt(us, path, &st)) {
				goto pass;
			}
			tag = NULL;
			after_tag = false;
			st.key_last = false;
			continue;
		}
		st.key_last = false;
		if (!st.is_extern && !st.paren && !st.body &&
		    word_is(s + start, len, "extern"))
			st.is_extern = true;
		if (!parens && !braces) {
			if (!st.words++)
				st.tag_first = is_tag_keyword(s + start, len);
		}
		if (unit_key(us, s + start, len, tag)) {
			bool inside = parens || (braces && st.type_body);

			if (inside) {
				st.key_inside = true;
			} else if (!st.key_outside) {
				st.key_outside = true;
				st.key_last = true;
				st.key = s + start;
				st.key_len = len;
				st.key_tag = tag;
			}
		} else if (st.is_extern && !parens && !braces && !tag &&
			   !is_tag_keyword(s + start, len) &&
			   !decl_word(s + start, len)) {
			char *name = xasprintf("%.*s", (int)len, s + start);

			strvec_push(&st.names, name);
			free(name);
		}
		after_tag = tag || is_tag_keyword(s + start, len);
		tag = tag_keyword(s + start, len);
	}
	/* A declaration cut off by the end of the file. */
	if (end_header_stmt(us, path, &st))
		return true;
	return false;
pass:
	strvec_free(&st.names);
	return true;
}

bool prefilter_pass(const struct prefilter *pf, const struct unit *u,
		    const char *src, size_t len, char **why)
{
	struct unit_scan us = { .pf = pf };
	bool pass;

	unit_dirs(u, &us.dirs);
	strset_add(&us.visited, u->file);
	pass = scan_text(&us, u->file, src, len, 0);
	strvec_free(&us.dirs);
	strset_free(&us.visited);
	strset_free(&us.local);
	if (why)
		*why = us.why;
	else
		free(us.why);
	return pass;
}

void prefilter_stats(const struct prefilter *pf, size_t *keys, size_t *headers,
		     bool *from_cache)
{
	*keys = pf->keys.n;
	*headers = pf->headers;
	*from_cache = pf->from_cache;
}

void prefilter_free(struct prefilter *pf)
{
	if (!pf)
		return;
	strset_free(&pf->keys);
	free(pf);
}
