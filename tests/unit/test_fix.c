// SPDX-License-Identifier: GPL-2.0-only
/*
 * --fix and --patch: edits applied to files on disk, and the unified diff
 * for the same edits, checked byte for byte and, where patch(1) is
 * installed, by applying it and comparing with what --fix wrote.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/report.h"
#include "lib/hash.h"
#include "lib/util.h"
#include "out/fix.h"
#include "tap.h"

static char tmpdir[64];

static char *path_in_tmp(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	fputs(text, f);
	fclose(f);
}

/* One finding with one edit (line and column are not used here). */
static void add_edit(struct finding_list *fl, const char *file,
		     unsigned int offset, unsigned int length, const char *text)
{
	struct finding *f = finding_add(fl, "id-table-sentinel", SEV_WARNING,
					file, 1, 1, NULL, "m");
	struct edit e = { .file = (char *)file,
			  .offset = offset,
			  .length = length,
			  .text = (char *)text };

	finding_add_edit(f, &e);
}

static char *patch_of(struct finding_list *fl, char *err, size_t errlen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int r = fix_write_patch(out, fl, tmpdir, err, errlen);

	fclose(out);
	if (r < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The patch for the edits in fl must be 'want'; fl is freed. */
static void expect_patch(struct finding_list *fl, const char *want)
{
	char err[256] = "";
	char *got = patch_of(fl, err, sizeof(err));

	STREQ(err, "");
	STREQ(got, want);
	free(got);
	finding_list_free(fl);
}

static void test_insert_line(void)
{
	const char *old = "static const struct pci_device_id ids[] = {\n"
			  "\t{ PCI_DEVICE(1, 2) },\n"
			  "};\n"
			  "MODULE_DEVICE_TABLE(pci, ids);\n";
	char *file = path_in_tmp("a.c");
	struct finding_list fl = { 0 };

	write_text(file, old);
	add_edit(&fl, file, strstr(old, "};") - old, 0, "\t{ }\n");
	expect_patch(&fl, "--- a/a.c\n+++ b/a.c\n"
			  "@@ -1,4 +1,5 @@\n"
			  " static const struct pci_device_id ids[] = {\n"
			  " \t{ PCI_DEVICE(1, 2) },\n"
			  "+\t{ }\n"
			  " };\n"
			  " MODULE_DEVICE_TABLE(pci, ids);\n");
	free(file);
}

static void test_insert_mid_line(void)
{
	const char *old = "1\n2\n3\n4\n5\n\t{ 1 }\n7\n8\n9\n10\n11\n";
	char *file = path_in_tmp("b.c");
	struct finding_list fl = { 0 };

	write_text(file, old);
	add_edit(&fl, file, strstr(old, " }") - old + 2, 0, ",");
	expect_patch(&fl, "--- a/b.c\n+++ b/b.c\n"
			  "@@ -3,7 +3,7 @@\n"
			  " 3\n 4\n 5\n"
			  "-\t{ 1 }\n"
			  "+\t{ 1 },\n"
			  " 7\n 8\n 9\n");
	free(file);
}

/* The sentinel fix when '}' shares the line with the last entry. */
static void test_insert_newlines(void)
{
	const char *old = "x\nstatic int t[] = { 1, 2 };\ny\n";
	char *file = path_in_tmp("c.c");
	struct finding_list fl = { 0 };

	write_text(file, old);
	add_edit(&fl, file, strstr(old, " }") - old, 0, ",\n\t0\n");
	expect_patch(&fl, "--- a/c.c\n+++ b/c.c\n"
			  "@@ -1,3 +1,5 @@\n"
			  " x\n"
			  "-static int t[] = { 1, 2 };\n"
			  "+static int t[] = { 1, 2,\n"
			  "+\t0\n"
			  "+ };\n"
			  " y\n");
	free(file);
}

static void test_no_newline_at_end(void)
{
	const char *old = "a\nb";
	char *file = path_in_tmp("d.c");
	struct finding_list fl = { 0 };

	write_text(file, old);
	add_edit(&fl, file, 3, 0, "\nc");
	expect_patch(&fl, "--- a/d.c\n+++ b/d.c\n"
			  "@@ -1,2 +1,3 @@\n"
			  " a\n"
			  "-b\n"
			  "\\ No newline at end of file\n"
			  "+b\n"
			  "+c\n"
			  "\\ No newline at end of file\n");
	free(file);
}

static void test_append_at_end(void)
{
	const char *old = "a\nb\n";
	char *file = path_in_tmp("e.c");
	struct finding_list fl = { 0 };

	write_text(file, old);
	add_edit(&fl, file, 4, 0, "c\n");
	expect_patch(&fl, "--- a/e.c\n+++ b/e.c\n"
			  "@@ -1,2 +1,3 @@\n"
			  " a\n b\n"
			  "+c\n");
	free(file);
}

static void test_empty_file(void)
{
	char *file = path_in_tmp("f.c");
	struct finding_list fl = { 0 };

	write_text(file, "");
	add_edit(&fl, file, 0, 0, "x\n");
	expect_patch(&fl, "--- a/f.c\n+++ b/f.c\n@@ -0,0 +1 @@\n+x\n");
	free(file);
}

static const char twenty[] =
	"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";

/* Offset of the start of line n (1-based) of 'twenty'. */
static unsigned int line_offset(unsigned int n)
{
	const char *p = twenty;

	while (--n)
		p = strchr(p, '\n') + 1;
	return p - twenty;
}

static void test_two_hunks(void)
{
	char *file = path_in_tmp("g.c");
	struct finding_list fl = { 0 };

	write_text(file, twenty);
	add_edit(&fl, file, line_offset(2), 2, "two\n");
	add_edit(&fl, file, line_offset(18), 0, "x\n");
	expect_patch(&fl, "--- a/g.c\n+++ b/g.c\n"
			  "@@ -1,5 +1,5 @@\n"
			  " 1\n-2\n+two\n 3\n 4\n 5\n"
			  "@@ -15,6 +15,7 @@\n"
			  " 15\n 16\n 17\n+x\n 18\n 19\n 20\n");
	free(file);
}

/* Six lines apart: the contexts touch, so the hunks merge. */
static void test_merged_hunks(void)
{
	char *file = path_in_tmp("h.c");
	struct finding_list fl = { 0 };

	write_text(file, twenty);
	add_edit(&fl, file, line_offset(5), 2, "");
	add_edit(&fl, file, line_offset(12) + 2, 0, ";");
	expect_patch(&fl, "--- a/h.c\n+++ b/h.c\n"
			  "@@ -2,14 +2,13 @@\n"
			  " 2\n 3\n 4\n-5\n 6\n 7\n 8\n 9\n 10\n 11\n"
			  "-12\n+12;\n 13\n 14\n 15\n");
	free(file);
}

/* Two edits on one line become one change; a conflicting one is dropped. */
static void test_same_line_and_overlap(void)
{
	const char *old = "int a = b + c;\n";
	char *file = path_in_tmp("i.c");
	struct finding_list fl = { 0 };

	write_text(file, old);
	add_edit(&fl, file, 8, 1, "x");
	add_edit(&fl, file, 12, 1, "y");
	add_edit(&fl, file, 8, 5, "zzz"); /* overlaps both */
	add_edit(&fl, file, 12, 1, "y"); /* a duplicate */
	expect_patch(&fl, "--- a/i.c\n+++ b/i.c\n"
			  "@@ -1 +1 @@\n"
			  "-int a = b + c;\n"
			  "+int a = x + y;\n");
	free(file);
}

static void test_errors(void)
{
	char *file = path_in_tmp("j.c"), *missing = path_in_tmp("none.c");
	struct finding_list fl = { 0 };
	char err[256] = "", *want;

	write_text(file, "abc\n");
	add_edit(&fl, file, 3, 2, "x");
	OK(!patch_of(&fl, err, sizeof(err)));
	want = xasprintf(
		"%s: edit at offset 3 (length 2) is beyond the end of the file (4 bytes)",
		file);
	STREQ(err, want);
	free(want);
	INTEQ(fix_apply(&fl, err, sizeof(err)), -1);
	finding_list_free(&fl);

	add_edit(&fl, missing, 0, 0, "x");
	INTEQ(fix_apply(&fl, err, sizeof(err)), -1);
	want = xasprintf("%s: No such file or directory", missing);
	STREQ(err, want);
	free(want);
	finding_list_free(&fl);
	free(file);
	free(missing);
}

static char *slurp(const char *path)
{
	char *s = read_file(path, NULL);

	return s ? s : xstrdup("(unreadable)");
}

static void test_apply(void)
{
	char *a = path_in_tmp("k.c"), *b = path_in_tmp("l.c");
	struct finding_list fl = { 0 };
	char err[256] = "";
	struct stat st;
	char *got;

	write_text(a, "one\ntwo\n");
	write_text(b, "x");
	chmod(a, 0640);
	add_edit(&fl, b, 1, 0, "y\n");
	add_edit(&fl, a, 4, 3, "TWO");
	add_edit(&fl, a, 0, 0, "zero\n");
	add_edit(&fl, a, 1, 1, "-"); /* overlaps nothing: applied */
	add_edit(&fl, a, 4, 1, "t"); /* overlaps "TWO": dropped */
	INTEQ(fix_apply(&fl, err, sizeof(err)), 2);
	STREQ(err, "");
	got = slurp(a);
	STREQ(got, "zero\no-e\nTWO\n");
	free(got);
	got = slurp(b);
	STREQ(got, "xy\n");
	free(got);
	OK(stat(a, &st) == 0 && (st.st_mode & 0777) == 0640);
	finding_list_free(&fl);
	free(a);
	free(b);
}

/* A finding whose fix conflicts in part is dropped whole. */
static void test_fix_all_or_nothing(void)
{
	char *a = path_in_tmp("m.c");
	struct finding_list fl = { 0 };
	struct edit e1 = { .offset = 0, .text = "A" };
	struct edit e2 = { .offset = 2, .text = "B" };
	char err[256] = "";
	struct finding *f;
	char *got;

	write_text(a, "abcd\n");
	e1.file = e2.file = a;
	add_edit(&fl, a, 2, 1, "C");
	f = finding_add(&fl, "r", SEV_WARNING, a, 1, 1, NULL, "two edits");
	finding_add_edit(f, &e1);
	finding_add_edit(f, &e2);
	INTEQ(fix_apply(&fl, err, sizeof(err)), 1);
	got = slurp(a);
	STREQ(got, "abCd\n");
	free(got);
	finding_list_free(&fl);
	free(a);
}

/* ---- the patch against patch(1), on random edits ---- */

static unsigned int seed = 12345;

static unsigned int rnd(unsigned int n)
{
	seed = seed * 1103515245 + 12345;
	return (seed >> 16) % n;
}

static char *random_text(unsigned int max)
{
	static const char chars[] = "ab{};\n\n\t ";
	unsigned int n = rnd(max + 1);
	char *s = xmalloc(n + 1);

	for (unsigned int i = 0; i < n; i++)
		s[i] = chars[rnd(sizeof(chars) - 1)];
	s[n] = '\0';
	return s;
}

static void random_edits(struct finding_list *fl, const char *file, size_t len)
{
	unsigned int n = 1 + rnd(4);

	for (unsigned int i = 0; i < n; i++) {
		unsigned int off = rnd(len + 1);
		unsigned int l = rnd(4) ? 0 : rnd(len - off + 1);
		char *text = random_text(8);

		add_edit(fl, file, off, l > 12 ? 12 : l, text);
		free(text);
	}
}

#define ROUNDS 200

/* Random files under r/ and the same files under copy/r/. */
static void make_random_files(char **old, struct finding_list *fl)
{
	for (int i = 0; i < ROUNDS; i++) {
		char *file = xasprintf("%s/r/x%d.c", tmpdir, i);
		char *copy = xasprintf("%s/copy/r/x%d.c", tmpdir, i);

		old[i] = random_text(200);
		write_text(file, old[i]);
		write_text(copy, old[i]);
		random_edits(fl, file, strlen(old[i]));
		free(copy);
		free(file);
	}
}

/* patch(1) applies the diff, without fuzz, to what --fix rewrote. */
static void compare_with_fix(char **old, char *diff)
{
	char *cmd = xasprintf(
		"cd '%s/copy' && patch -p1 -F0 -s --no-backup-if-mismatch < '%s/p.diff'",
		tmpdir, tmpdir);

	OK(system(cmd) == 0);
	free(cmd);
	for (int i = 0; i < ROUNDS; i++) {
		char *file = xasprintf("%s/r/x%d.c", tmpdir, i);
		char *copy = xasprintf("%s/copy/r/x%d.c", tmpdir, i);
		char *fixed = slurp(file), *patched = slurp(copy);
		bool same = !strcmp(fixed, patched);

		OK(same);
		if (!same)
			printf("# x%d.c: old \"%s\"\n# diff:\n%s", i, old[i],
			       diff);
		free(patched);
		free(fixed);
		free(copy);
		free(file);
	}
}

static void test_patch_applies(void)
{
	char *d1 = path_in_tmp("r"), *d2 = path_in_tmp("copy");
	char *d3 = path_in_tmp("copy/r"), *pfile = path_in_tmp("p.diff");
	struct finding_list fl = { 0 };
	char err[256] = "", *diff;
	char *old[ROUNDS];

	if (system("command -v patch >/dev/null 2>&1")) {
		printf("# patch(1) not installed: random patches skipped\n");
		goto out;
	}
	mkdir(d1, 0755);
	mkdir(d2, 0755);
	mkdir(d3, 0755);
	make_random_files(old, &fl);
	diff = patch_of(&fl, err, sizeof(err));
	STREQ(err, "");
	write_text(pfile, diff ? diff : "");
	OK(fix_apply(&fl, err, sizeof(err)) > 0);
	compare_with_fix(old, diff);
	for (int i = 0; i < ROUNDS; i++)
		free(old[i]);
	free(diff);
	finding_list_free(&fl);
out:
	free(pfile);
	free(d3);
	free(d2);
	free(d1);
}

/*
 * A file edited since the checks read it is refused (its edits' hash is
 * not its text's), and named; the other files are written.
 */
static void test_stale_file_refused(void)
{
	char *a = path_in_tmp("stale.c"), *b = path_in_tmp("fresh.c");
	const char *old = "abc\n", *now = "XYZabc\n";
	struct finding_list fl = { 0 };
	struct finding *f;
	struct edit e = { .offset = 1, .length = 1, .text = "-" };
	char err[512] = "", *want, *got;

	write_text(a, now);
	write_text(b, old);
	e.file = a;
	e.source_hash = hash_bytes(old, strlen(old), 0);
	f = finding_add(&fl, "r", SEV_WARNING, a, 1, 1, NULL, "stale");
	finding_add_edit(f, &e);
	e.file = b;
	f = finding_add(&fl, "r", SEV_WARNING, b, 1, 1, NULL, "fresh");
	finding_add_edit(f, &e);
	INTEQ(fix_apply(&fl, err, sizeof(err)), -1);
	want = xasprintf(
		"%s: changed since it was checked: its fixes are not applied (check it again)",
		a);
	STREQ(err, want);
	free(want);
	got = slurp(a);
	STREQ(got, now);
	free(got);
	got = slurp(b);
	STREQ(got, "a-c\n");
	free(got);
	finding_list_free(&fl);
	free(a);
	free(b);
}

/* fix_text() gives, without writing, the text fix_apply() writes. */
static void test_fix_text_is_fix(void)
{
	char *a = path_in_tmp("t.c"), *got, *text, err[256] = "";
	const char *old = "one\ntwo\n";
	struct finding_list fl = { 0 };
	size_t len;

	write_text(a, old);
	add_edit(&fl, a, 4, 3, "TWO");
	add_edit(&fl, a, 0, 0, "zero\n");
	add_edit(&fl, a, 4, 1, "t"); /* overlaps "TWO": dropped by both */
	add_edit(&fl, "/elsewhere.c", 0, 0, "x");
	text = fix_text(&fl, a, old, strlen(old), &len, err, sizeof(err));
	got = slurp(a);
	STREQ(got, old); /* not written */
	free(got);
	finding_list_free(&fl);
	add_edit(&fl, a, 4, 3, "TWO");
	add_edit(&fl, a, 0, 0, "zero\n");
	add_edit(&fl, a, 4, 1, "t");
	INTEQ(fix_apply(&fl, err, sizeof(err)), 1);
	got = slurp(a);
	STREQ(text, got);
	INTEQ(len, strlen(got));
	free(got);
	free(text);
	OK(!fix_text(&fl, a, "o", 1, &len, err, sizeof(err)));
	finding_list_free(&fl);
	free(a);
}

int main(void)
{
	char *cmd;

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/drvlint-fix-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return 1;
	}
	test_insert_line();
	test_insert_mid_line();
	test_insert_newlines();
	test_no_newline_at_end();
	test_append_at_end();
	test_empty_file();
	test_two_hunks();
	test_merged_hunks();
	test_same_line_and_overlap();
	test_errors();
	test_apply();
	test_fix_all_or_nothing();
	test_patch_applies();
	test_stale_file_refused();
	test_fix_text_is_fix();
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd))
		printf("# could not remove %s\n", tmpdir);
	free(cmd);
	return tap_done();
}
