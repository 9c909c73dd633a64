// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fix writers.  --fix rewrites files in place; --patch prints the same
 * change as a unified diff a developer can review and mail.  Both start
 * from one selection of edits per file, so that what the patch shows is
 * exactly what --fix would do.  The diff is built from the edits
 * themselves: each edit maps to the old lines it touches and their new
 * content, so no external diff program is needed.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/report.h"
#include "lib/hash.h"
#include "lib/path.h"
#include "out/fix.h"
#include "lib/util.h"

#define CONTEXT 3

/* The accepted edits of one file, sorted by offset. */
struct file_edits {
	const char *file;
	const struct edit **v;
	size_t n, cap;
};

struct edit_ref {
	const struct edit *e;
	size_t finding; /* index of the finding that owns it */
	size_t seq; /* position in the list, to keep "first" first */
};

static int by_file_then_seq(const void *pa, const void *pb)
{
	const struct edit_ref *a = pa, *b = pb;
	int c = strcmp(a->e->file, b->e->file);

	if (c)
		return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static int by_offset(const void *pa, const void *pb)
{
	const struct edit *a = *(const struct edit *const *)pa;
	const struct edit *b = *(const struct edit *const *)pb;

	return (a->offset > b->offset) - (a->offset < b->offset);
}

static bool same_edit(const struct edit *a, const struct edit *b)
{
	return a->offset == b->offset && a->length == b->length &&
	       !strcmp(a->text, b->text);
}

/*
 * Two edits conflict when their ranges overlap, or when both start at the
 * same place (two insertions there have no defined order).
 */
static bool edits_conflict(const struct edit *a, const struct edit *b)
{
	unsigned long a_end = (unsigned long)a->offset + a->length;
	unsigned long b_end = (unsigned long)b->offset + b->length;

	return a->offset == b->offset ||
	       (b->offset < a_end && a->offset < b_end);
}

/* 0: new, 1: the same edit is already accepted, -1: conflict. */
static int edit_status(const struct file_edits *fe, const struct edit *e)
{
	for (size_t i = 0; i < fe->n; i++) {
		if (same_edit(fe->v[i], e))
			return 1;
		if (edits_conflict(fe->v[i], e))
			return -1;
	}
	return 0;
}

/*
 * Accept the edits one finding makes in this file, all or none: half of
 * a fix (a ',' without the '{ }' after it) is not a fix.
 */
static void accept_finding(struct file_edits *fe, const struct edit_ref *r,
			   size_t n)
{
	size_t start = fe->n;

	for (size_t i = 0; i < n; i++) {
		int st;

		if (!r[i].e->length && !*r[i].e->text)
			continue; /* changes nothing */
		st = edit_status(fe, r[i].e);

		if (st < 0) {
			fe->n = start;
			return;
		}
		if (st == 0) {
			GROW(fe->v, fe->cap, fe->n);
			fe->v[fe->n++] = r[i].e;
		}
	}
}

static void select_file(struct file_edits *fe, const struct edit_ref *r,
			size_t n)
{
	size_t i = 0;

	fe->file = r[0].e->file;
	while (i < n) {
		size_t k = i + 1;

		while (k < n && r[k].finding == r[i].finding)
			k++;
		accept_finding(fe, r + i, k - i);
		i = k;
	}
	if (fe->n)
		qsort(fe->v, fe->n, sizeof(*fe->v), by_offset);
}

/* Group every edit of the list by file, dropping conflicting ones. */
static size_t select_edits(const struct finding_list *list,
			   struct file_edits **out)
{
	struct edit_ref *refs = NULL;
	struct file_edits *files = NULL;
	size_t nref = 0, cap = 0, nfile = 0, fcap = 0, i = 0;

	for (size_t f = 0; f < list->n; f++) {
		for (size_t k = 0; k < list->v[f].nedits; k++) {
			GROW(refs, cap, nref);
			refs[nref] = (struct edit_ref){ &list->v[f].edits[k], f,
							nref };
			nref++;
		}
	}
	if (nref)
		qsort(refs, nref, sizeof(*refs), by_file_then_seq);
	while (i < nref) {
		size_t k = i + 1;

		while (k < nref && !strcmp(refs[k].e->file, refs[i].e->file))
			k++;
		GROW(files, fcap, nfile);
		files[nfile] = (struct file_edits){ 0 };
		select_file(&files[nfile++], refs + i, k - i);
		i = k;
	}
	free(refs);
	*out = files;
	return nfile;
}

static void free_selection(struct file_edits *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(files[i].v);
	free(files);
}

/* Does every edit lie inside a text of len bytes? 0, or -1 with err. */
static int check_bounds(const struct file_edits *fe, size_t len, char *err,
			size_t errlen)
{
	for (size_t i = 0; i < fe->n; i++) {
		const struct edit *e = fe->v[i];

		if ((size_t)e->offset + e->length > len)
			return set_error(
				err, errlen,
				"%s: edit at offset %u (length %u) is beyond the end of the file (%zu bytes)",
				fe->file, e->offset, e->length, len);
	}
	return 0;
}

/*
 * Is s the text the checks computed the offsets on?  A file edited since
 * then would be damaged by the edits.  0, or -1 with err.
 */
static int check_unchanged(const struct file_edits *fe, const char *s,
			   size_t len, char *err, size_t errlen)
{
	uint64_t now = 0;
	bool hashed = false;

	for (size_t i = 0; i < fe->n; i++) {
		if (!fe->v[i]->source_hash)
			continue;
		if (!hashed)
			now = hash_bytes(s, len, 0);
		hashed = true;
		if (now != fe->v[i]->source_hash)
			return set_error(
				err, errlen,
				"%s: changed since it was checked: its fixes are not applied (check it again)",
				fe->file);
	}
	return 0;
}

/* The file's text, after checking that the edits still fit it. */
static char *read_checked(const struct file_edits *fe, size_t *len, char *err,
			  size_t errlen)
{
	char *s = read_file(fe->file, len);

	if (!s) {
		set_error(err, errlen, "%s: %s", fe->file, strerror(errno));
		return NULL;
	}
	if (check_bounds(fe, *len, err, errlen) ||
	    check_unchanged(fe, s, *len, err, errlen)) {
		free(s);
		return NULL;
	}
	return s;
}

/* s with the edits applied; *newlen gets its length. */
static char *apply_edits(const struct file_edits *fe, const char *s, size_t len,
			 size_t *newlen)
{
	size_t n = len, pos = 0, out = 0;
	char *buf;

	for (size_t i = 0; i < fe->n; i++)
		n += strlen(fe->v[i]->text);
	buf = xmalloc(n + 1);
	for (size_t i = 0; i < fe->n; i++) {
		const struct edit *e = fe->v[i];
		size_t tlen = strlen(e->text);

		memcpy(buf + out, s + pos, e->offset - pos);
		out += e->offset - pos;
		memcpy(buf + out, e->text, tlen);
		out += tlen;
		pos = (size_t)e->offset + e->length;
	}
	memcpy(buf + out, s + pos, len - pos);
	out += len - pos;
	buf[out] = '\0';
	*newlen = out;
	return buf;
}

char *fix_text(const struct finding_list *list, const char *file,
	       const char *old, size_t len, size_t *newlen, char *err,
	       size_t errlen)
{
	struct file_edits *files, none = { .file = file };
	size_t n = select_edits(list, &files), i;
	char *t = NULL;

	for (i = 0; i < n && strcmp(files[i].file, file); i++)
		;
	if (!check_bounds(i < n ? &files[i] : &none, len, err, errlen))
		t = apply_edits(i < n ? &files[i] : &none, old, len, newlen);
	free_selection(files, n);
	return t;
}

/*
 * A file this user may not write is left alone.  access() says yes to
 * root for every file: root leaves alone a file with no write bit at all
 * (chmod a-w says "do not touch").
 */
static int check_writable(const char *path, const struct stat *st, char *err,
			  size_t errlen)
{
	if (access(path, W_OK) || (geteuid() == 0 && !(st->st_mode & 0222)))
		return set_error(err, errlen,
				 "%s: not writable: its fixes are not applied",
				 path);
	return 0;
}

/* The temporary file takes the target's owner and mode, or nothing. */
static int keep_owner_and_mode(int fd, const struct stat *st)
{
	if ((st->st_uid != geteuid() || st->st_gid != getegid()) &&
	    fchown(fd, st->st_uid, st->st_gid))
		return -1;
	return fchmod(fd, st->st_mode & 07777);
}

static int write_all(int fd, const char *data, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}

/*
 * Replace path by a file holding data, atomically, keeping its mode and
 * owner (a file whose owner cannot be kept is refused).
 */
static int write_atomic(const char *path, const char *data, size_t len,
			char *err, size_t errlen)
{
	char real[PATH_MAX];
	const char *target = realpath(path, real) ? real : path;
	char *tmp = xasprintf("%s.drvlint-XXXXXX", target);
	struct stat st;
	int fd = -1;

	if (stat(target, &st))
		goto fail;
	if (check_writable(target, &st, err, errlen)) {
		free(tmp);
		return -1;
	}
	if ((fd = mkstemp(tmp)) < 0)
		goto fail;
	if (keep_owner_and_mode(fd, &st) || write_all(fd, data, len))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, target))
		goto fail;
	free(tmp);
	return 0;
fail:
	set_error(err, errlen, "%s: %s", path, strerror(errno));
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	} else if (!access(tmp, F_OK)) {
		unlink(tmp);
	}
	free(tmp);
	return -1;
}

static int check_all(const struct file_edits *files, size_t n, char *err,
		     size_t errlen)
{
	for (size_t i = 0; i < n; i++) {
		size_t len;
		char *s = read_checked(&files[i], &len, err, errlen);

		if (!s)
			return -1;
		free(s);
	}
	return 0;
}

static int fix_file(const struct file_edits *fe, char *err, size_t errlen)
{
	size_t len, newlen;
	char *s = read_checked(fe, &len, err, errlen), *t;
	int ret;

	if (!s)
		return -1;
	t = apply_edits(fe, s, len, &newlen);
	ret = write_atomic(fe->file, t, newlen, err, errlen);
	free(t);
	free(s);
	return ret;
}

/* A line more in errbuf, as long as it has room. */
static void add_line(char *errbuf, size_t errlen, const char *line)
{
	size_t n = strnlen(errbuf, errlen);

	if (n + 1 < errlen)
		snprintf(errbuf + n, errlen - n, "%s%s", n ? "\n" : "", line);
}

/* Each file is checked just before it is written; a refused one is named. */
int fix_apply(const struct finding_list *list, char *errbuf, size_t errlen)
{
	struct file_edits *files;
	size_t n = select_edits(list, &files);
	int written = 0, refused = 0;
	char why[PATH_MAX + 256];

	if (errlen)
		errbuf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (!files[i].n)
			continue;
		if (fix_file(&files[i], why, sizeof(why)) < 0) {
			add_line(errbuf, errlen, why);
			refused++;
		} else {
			written++;
		}
	}
	free_selection(files, n);
	return refused ? -1 : written;
}

/* ---- unified diff ---- */

/* A file's text cut into lines; ls[nlines] is the end of the text. */
struct text {
	const char *s;
	size_t len;
	size_t *ls;
	size_t nlines;
	size_t nnewlines;
};

/* Old lines [la, lb), bytes [rs, re), replaced by 'text'. */
struct change {
	size_t la, lb;
	size_t rs, re;
	size_t first, last; /* the edits it holds: [first, last) */
	char *text;
	size_t ntext; /* lines in text */
};

static void text_init(struct text *t, const char *s, size_t len)
{
	size_t cap = 0, n = 0;

	t->s = s;
	t->len = len;
	t->ls = NULL;
	GROW(t->ls, cap, n);
	t->ls[n++] = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n')
			continue;
		GROW(t->ls, cap, n);
		t->ls[n++] = i + 1;
	}
	t->nnewlines = n - 1;
	t->nlines = t->nnewlines + (len && s[len - 1] != '\n');
	if (t->nlines > t->nnewlines) {
		GROW(t->ls, cap, n);
		t->ls[n++] = len;
	}
}

/* Index of the line holding offset off (the newlines before it). */
static size_t line_of(const struct text *t, size_t off)
{
	size_t lo = 0, hi = t->nnewlines;

	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;

		if (t->ls[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

static size_t count_lines(const char *s)
{
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n + (len && s[len - 1] != '\n');
}

/*
 * The whole old lines an edit touches.  An edit that ends at a line
 * start touches no line past it if what it leaves before that point ends
 * a line (an inserted "\t{ }\n" at the start of "};" adds a line and
 * changes none); otherwise the line it ends in is rewritten too.
 */
static void edit_lines(const struct text *t, const struct edit *e, size_t *la,
		       size_t *lb)
{
	size_t end = (size_t)e->offset + e->length;
	size_t l1 = line_of(t, e->offset), l2 = line_of(t, end);
	size_t tlen = strlen(e->text);
	bool ends_line = tlen ? e->text[tlen - 1] == '\n' :
				e->offset == t->ls[l1];

	*la = l1;
	if (t->ls[l2] == end && ends_line)
		*lb = l2;
	else
		*lb = l2 + 1 < t->nlines ? l2 + 1 : t->nlines;
}

/* The new content of a change: its old bytes with its edits applied. */
static char *change_text(const struct text *t, const struct file_edits *fe,
			 const struct change *c)
{
	size_t n = c->re - c->rs, pos = c->rs, out = 0;
	char *buf;

	for (size_t i = c->first; i < c->last; i++)
		n += strlen(fe->v[i]->text);
	buf = xmalloc(n + 1);
	for (size_t i = c->first; i < c->last; i++) {
		const struct edit *e = fe->v[i];
		size_t tlen = strlen(e->text);

		memcpy(buf + out, t->s + pos, e->offset - pos);
		out += e->offset - pos;
		memcpy(buf + out, e->text, tlen);
		out += tlen;
		pos = (size_t)e->offset + e->length;
	}
	memcpy(buf + out, t->s + pos, c->re - pos);
	out += c->re - pos;
	buf[out] = '\0';
	return buf;
}

/* Edits whose lines overlap become one change. */
static size_t build_changes(const struct text *t, const struct file_edits *fe,
			    struct change **out)
{
	struct change *c = NULL;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < fe->n; i++) {
		size_t la, lb;

		edit_lines(t, fe->v[i], &la, &lb);
		if (n && t->ls[la] < c[n - 1].re) {
			struct change *last = &c[n - 1];

			if (lb > last->lb)
				last->lb = lb;
			last->re = t->ls[last->lb];
			last->last = i + 1;
			continue;
		}
		GROW(c, cap, n);
		c[n++] = (struct change){ .la = la,
					  .lb = lb,
					  .rs = t->ls[la],
					  .re = t->ls[lb],
					  .first = i,
					  .last = i + 1 };
	}
	for (size_t i = 0; i < n; i++) {
		c[i].text = change_text(t, fe, &c[i]);
		c[i].ntext = count_lines(c[i].text);
	}
	*out = c;
	return n;
}

static void print_line(FILE *out, char mark, const char *s, size_t len)
{
	fputc(mark, out);
	fwrite(s, 1, len, out);
	if (!len || s[len - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", out);
}

static void print_old_lines(FILE *out, const struct text *t, char mark,
			    size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		print_line(out, mark, t->s + t->ls[i], t->ls[i + 1] - t->ls[i]);
}

static void print_new_lines(FILE *out, const char *s)
{
	while (*s) {
		size_t len = strcspn(s, "\n");

		len += s[len] == '\n';
		print_line(out, '+', s, len);
		s += len;
	}
}

/* "l,n", or "l" alone for one line, as diff -u writes it. */
static void print_range(FILE *out, char sign, size_t start, size_t count)
{
	if (count == 1)
		fprintf(out, "%c%zu", sign, start + 1);
	else
		fprintf(out, "%c%zu,%zu", sign, count ? start + 1 : start,
			count);
}

/* Print the hunk of changes [i, j]; *delta is the line shift before it. */
static void print_hunk(FILE *out, const struct text *t, const struct change *c,
		       size_t i, size_t j, long *delta)
{
	size_t from = c[i].la > CONTEXT ? c[i].la - CONTEXT : 0;
	size_t to = c[j].lb + CONTEXT < t->nlines ? c[j].lb + CONTEXT :
						    t->nlines;
	long shift = 0;
	size_t line = from;

	for (size_t k = i; k <= j; k++)
		shift += (long)c[k].ntext - (long)(c[k].lb - c[k].la);
	fputs("@@ ", out);
	print_range(out, '-', from, to - from);
	fputc(' ', out);
	print_range(out, '+', from + *delta, to - from + shift);
	fputs(" @@\n", out);
	for (size_t k = i; k <= j; k++) {
		print_old_lines(out, t, ' ', line, c[k].la);
		print_old_lines(out, t, '-', c[k].la, c[k].lb);
		print_new_lines(out, c[k].text);
		line = c[k].lb;
	}
	print_old_lines(out, t, ' ', line, to);
	*delta += shift;
}

static void print_file_diff(FILE *out, const struct text *t,
			    const struct file_edits *fe, const char *root)
{
	const char *rel = path_relative(root, fe->file);
	struct change *c;
	size_t n = build_changes(t, fe, &c);
	long delta = 0;

	while (*rel == '/')
		rel++;
	fprintf(out, "--- a/%s\n+++ b/%s\n", rel, rel);
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j + 1 < n && c[j + 1].la - c[j].lb <= 2 * CONTEXT)
			j++;
		print_hunk(out, t, c, i, j, &delta);
		i = j + 1;
	}
	for (size_t i = 0; i < n; i++)
		free(c[i].text);
	free(c);
}

int fix_write_patch(FILE *out, const struct finding_list *list,
		    const char *root, char *errbuf, size_t errlen)
{
	struct file_edits *files;
	size_t n = select_edits(list, &files);
	int nfiles = check_all(files, n, errbuf, errlen);

	for (size_t i = 0; i < n && nfiles >= 0; i++) {
		struct text t;
		size_t len;
		char *s;

		if (!files[i].n)
			continue;
		s = read_checked(&files[i], &len, errbuf, errlen);
		if (!s) {
			nfiles = -1;
			break;
		}
		text_init(&t, s, len);
		print_file_diff(out, &t, &files[i], root);
		free(t.ls);
		free(s);
		nfiles++;
	}
	free_selection(files, n);
	if (nfiles >= 0 && ferror(out))
		return set_error(errbuf, errlen,
				 "could not write the patch: %s",
				 strerror(errno ? errno : EIO));
	return nfiles;
}
