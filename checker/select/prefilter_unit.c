// SPDX-License-Identifier: GPL-2.0-only
/*
 * The prefilter's scan of one unit (see prefilter.h): its text, and the
 * text of the headers of its own it includes (not those of the shared
 * include directories, whose keys prefilter_headers.c gave).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/ctok.h"
#include "lib/util.h"
#include "select/prefilter_int.h"

#define MAX_INCLUDE_DEPTH 16

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
			*shared = pf_shared_dir(dirs->v[i]);
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
	return pf_has_key(us->pf, s, len, tag) ||
	       strset_has_n(&us->local, s, len);
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

/* The header name of an #include just read, or false; t is past it. */
static bool include_name(struct ctok *t, const char **name, size_t *len,
			 bool *quoted)
{
	const char *s = t->s, *end;
	char close;

	while (t->i < t->n && (s[t->i] == ' ' || s[t->i] == '\t'))
		t->i++;
	if (t->i >= t->n || (s[t->i] != '"' && s[t->i] != '<'))
		return false;
	close = s[t->i] == '"' ? '"' : '>';
	*name = s + t->i + 1;
	end = memchr(*name, close, t->n - (size_t)(*name - s));
	if (!end || memchr(*name, '\n', (size_t)(end - *name)))
		return false;
	t->i = (size_t)(end - s) + 1;
	*len = (size_t)(end - *name);
	*quoted = close == '"';
	return true;
}

/* An #include of a header of the unit's own: does it hold a key? */
static bool scan_include(struct unit_scan *us, struct ctok *t, const char *path,
			 int depth)
{
	const char *name;
	bool shared, quoted, found = false;
	char *file, *text, *inc;
	size_t len;

	if (!include_name(t, &name, &len, &quoted) ||
	    depth >= MAX_INCLUDE_DEPTH)
		return false;
	inc = xstrndup(name, len);
	file = resolve_include(inc, quoted, path, &us->dirs, &shared);
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
	const char *tag = NULL;
	struct ctok_token tok;
	struct ctok t;

	ctok_init(&t, s, n, CTOK_DIRECTIVES);
	while (ctok_next(&t, &tok) != CTOK_END) {
		if (tok.kind == CTOK_NEWLINE)
			continue;
		if (tok.kind == CTOK_HASH) {
			ctok_next(&t, &tok);
			tag = NULL;
			if (tok.kind == CTOK_IDENT &&
			    ctok_is(&t, &tok, "include") &&
			    scan_include(us, &t, path, depth))
				return true;
			/* The rest of the line is ordinary text. */
			if (tok.kind == CTOK_IDENT &&
			    unit_key(us, s + tok.start, tok.len, NULL))
				return found_key(us, path, s + tok.start,
						 tok.len, NULL);
			continue;
		}
		if (tok.kind != CTOK_IDENT) {
			tag = NULL;
			continue;
		}
		if (unit_key(us, s + tok.start, tok.len, tag))
			return found_key(us, path, s + tok.start, tok.len, tag);
		tag = pf_tag_keyword(s + tok.start, tok.len);
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

/* A header's reading position: its declaration, its nesting. */
struct header_scan {
	struct unit_scan *us;
	const char *path;
	struct ctok t;
	struct header_stmt st;
	const char *tag;
	int parens, braces;
	bool after_tag; /* 'struct X' or 'struct' just read */
};

/* '#define NAME body': NAME is a key of the unit if the body holds one. */
static void local_define(struct unit_scan *us, struct ctok *t)
{
	const char *tag = NULL;
	struct ctok_token tok, name;
	bool keyed = false;

	if (ctok_next(t, &name) != CTOK_IDENT) {
		if (name.kind != CTOK_NEWLINE && name.kind != CTOK_END)
			ctok_skip_directive(t);
		return;
	}
	while (ctok_next(t, &tok) != CTOK_END && tok.kind != CTOK_NEWLINE) {
		if (tok.kind != CTOK_IDENT) {
			tag = NULL;
			continue;
		}
		if (unit_key(us, t->s + tok.start, tok.len, tag))
			keyed = true;
		tag = pf_tag_keyword(t->s + tok.start, tok.len);
	}
	if (keyed)
		strset_add_n(&us->local, t->s + name.start, name.len);
}

/* A directive of a header whose '#' was just read: is a key included? */
static bool header_directive(struct header_scan *h, int depth)
{
	struct ctok_token tok;

	ctok_next(&h->t, &tok);
	h->tag = NULL;
	/* Each branch reads the directive to its line's end. */
	if (tok.kind == CTOK_IDENT && ctok_is(&h->t, &tok, "include")) {
		if (scan_include(h->us, &h->t, h->path, depth))
			return true;
		ctok_skip_directive(&h->t);
	} else if (tok.kind == CTOK_IDENT && ctok_is(&h->t, &tok, "define")) {
		local_define(h->us, &h->t);
	} else if (tok.kind != CTOK_NEWLINE && tok.kind != CTOK_END) {
		ctok_skip_directive(&h->t);
	}
	return false;
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

/* A punctuator of a header: does a declaration end and let it through? */
static bool header_punct(struct header_scan *h, char c)
{
	struct header_stmt *st = &h->st;
	bool pass = false;

	if (c == '(' && !h->braces) {
		h->parens++;
		st->paren = true;
	} else if (c == ')' && !h->braces && h->parens) {
		h->parens--;
	} else if (c == '=' && !h->braces && !h->parens) {
		st->assign = true;
	} else if (c == '{') {
		if (!h->braces && !h->parens) {
			st->body = true;
			st->type_body = h->after_tag && !st->paren &&
					!st->assign;
			/* 'struct iwl_cfg {' defines the type */
			if (st->type_body && st->key_last)
				st->key_outside = false;
		}
		h->braces++;
	} else if (c == '}' && h->braces) {
		/* A function's body ends its definition. */
		pass = !--h->braces && st->paren && !st->assign &&
		       !st->type_body && end_header_stmt(h->us, h->path, st);
	} else if (c == ';' && !h->braces && !h->parens) {
		pass = end_header_stmt(h->us, h->path, st);
	}
	h->tag = NULL;
	h->after_tag = false;
	st->key_last = false;
	return pass;
}

/* An identifier of a header outside directives. */
static void header_word(struct header_scan *h, const char *s, size_t len)
{
	struct header_stmt *st = &h->st;
	const char *tag = h->tag;

	st->key_last = false;
	if (!st->is_extern && !st->paren && !st->body &&
	    pf_word_is(s, len, "extern"))
		st->is_extern = true;
	if (!h->parens && !h->braces && !st->words++)
		st->tag_first = pf_is_tag_keyword(s, len);
	if (unit_key(h->us, s, len, tag)) {
		if (h->parens || (h->braces && st->type_body)) {
			st->key_inside = true;
		} else if (!st->key_outside) {
			st->key_outside = true;
			st->key_last = true;
			st->key = s;
			st->key_len = len;
			st->key_tag = tag;
		}
	} else if (st->is_extern && !h->parens && !h->braces && !tag &&
		   !pf_is_tag_keyword(s, len) && !pf_decl_word(s, len)) {
		char *name = xstrndup(s, len);

		strvec_push(&st->names, name);
		free(name);
	}
	h->after_tag = tag || pf_is_tag_keyword(s, len);
	h->tag = pf_tag_keyword(s, len);
}

static bool scan_local_header(struct unit_scan *us, const char *path,
			      const char *s, size_t n, int depth)
{
	struct header_scan h = { .us = us, .path = path };
	struct ctok_token tok;
	bool pass = false;

	ctok_init(&h.t, s, n, CTOK_DIRECTIVES);
	while (!pass && ctok_next(&h.t, &tok) != CTOK_END) {
		if (tok.kind == CTOK_HASH)
			pass = header_directive(&h, depth);
		else if (tok.kind == CTOK_PUNCT)
			pass = header_punct(&h, s[tok.start]);
		else if (tok.kind == CTOK_IDENT)
			header_word(&h, s + tok.start, tok.len);
	}
	/* A declaration cut off by the end of the file. */
	if (!pass)
		pass = end_header_stmt(us, path, &h.st);
	strvec_free(&h.st.names);
	return pass;
}

bool prefilter_pass(const struct prefilter *pf, const struct prefilter_unit *u,
		    const char *src, size_t len, char **why)
{
	struct unit_scan us = { .pf = pf };
	bool pass;

	pf_unit_dirs(u, &us.dirs);
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
