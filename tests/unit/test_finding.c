// SPDX-License-Identifier: GPL-2.0-only
/* The finding store: adding, related places, sorting and de-duplication. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/finding.h"
#include "tap.h"

static void test_add(void)
{
	struct finding_list fl = { 0 };
	char file[] = "/t/a.c", msg[] = "message";
	struct finding *f = finding_add(&fl, "rule-a", SEV_WARNING, file, 3, 7,
					"foo_ids", msg);
	struct edit e = { .file = file,
			  .offset = 10,
			  .text = "{ }",
			  .line = 2,
			  .column = 1,
			  .end_line = 2,
			  .end_column = 1 };

	file[1] = 'x'; /* strings are copied */
	msg[0] = 'M';
	INTEQ(fl.n, 1);
	STREQ(f->loc.file, "/t/a.c");
	STREQ(f->message, "message");
	STREQ(f->object, "foo_ids");
	STREQ(f->engine, "clang");
	INTEQ(f->loc.line, 3);
	INTEQ(f->loc.column, 7);
	finding_add_related(f, "/t/b.c", 9, 2, "registered here");
	finding_add_related(f, "/t/c.c", 10, 1, "and here");
	INTEQ(f->nrelated, 2);
	STREQ(f->related[1].loc.file, "/t/c.c");
	STREQ(f->related[0].message, "registered here");
	finding_add_edit(f, &e);
	INTEQ(f->nedits, 1);
	STREQ(f->edits[0].file, "/x/a.c");
	STREQ(f->edits[0].text, "{ }");
	OK(f->edits[0].text != e.text);
	f = finding_add(&fl, "rule-b", SEV_NOTE, "/t/a.c", 1, 1, NULL, "m");
	OK(f->object == NULL);
	finding_list_free(&fl);
	OK(fl.v == NULL && fl.n == 0);
}

static void test_severity_names(void)
{
	STREQ(severity_name(SEV_NOTE), "note");
	STREQ(severity_name(SEV_WARNING), "warning");
	STREQ(severity_name(SEV_ERROR), "error");
}

static void test_sort_unique(void)
{
	struct finding_list fl = { 0 };
	struct finding *f;

	finding_add(&fl, "r", SEV_WARNING, "/t/b.c", 1, 1, NULL, "x");
	finding_add(&fl, "r", SEV_WARNING, "/t/a.c", 10, 1, NULL, "x");
	finding_add(&fl, "r", SEV_WARNING, "/t/a.c", 2, 5, NULL, "x");
	finding_add(&fl, "r", SEV_WARNING, "/t/a.c", 2, 3, NULL, "x");
	finding_add(&fl, "q", SEV_WARNING, "/t/a.c", 2, 5, NULL, "x");
	finding_add(&fl, "r", SEV_WARNING, "/t/a.c", 2, 5, NULL, "w");
	/* duplicates of the third; the one with a related place is kept */
	f = finding_add(&fl, "r", SEV_WARNING, "/t/a.c", 2, 5, "obj", "x");
	f->engine = "cocci";
	f = finding_add(&fl, "r", SEV_WARNING, "/t/a.c", 2, 5, NULL, "x");
	finding_add_related(f, "/t/a.c", 1, 1, "note");
	finding_list_sort_unique(&fl);
	INTEQ(fl.n, 6);
	STREQ(fl.v[0].loc.file, "/t/a.c");
	INTEQ(fl.v[0].loc.column, 3);
	STREQ(fl.v[1].rule, "q");
	STREQ(fl.v[2].message, "w");
	STREQ(fl.v[3].message, "x");
	INTEQ(fl.v[3].nrelated, 1);
	INTEQ(fl.v[4].loc.line, 10);
	STREQ(fl.v[5].loc.file, "/t/b.c");
	finding_list_free(&fl);

	finding_list_sort_unique(&fl); /* empty: nothing to do */
	INTEQ(fl.n, 0);
}

static void test_append(void)
{
	struct finding_list a = { 0 }, b = { 0 };
	struct failure_list fa = { 0 }, fb = { 0 };

	finding_add(&a, "r", SEV_WARNING, "/t/a.c", 1, 1, NULL, "1");
	for (int i = 0; i < 20; i++)
		finding_add(&b, "r", SEV_WARNING, "/t/b.c", i + 1, 1, NULL,
			    "2");
	finding_list_append(&a, &b);
	INTEQ(a.n, 21);
	INTEQ(b.n, 0);
	OK(b.v == NULL);
	INTEQ(a.v[20].loc.line, 20);
	finding_list_free(&a);
	finding_list_free(&b);

	failure_add(&fb, "/t/c.c", 0, 0, "cannot parse");
	failure_list_append(&fa, &fb);
	INTEQ(fa.n, 1);
	INTEQ(fb.n, 0);
	STREQ(fa.v[0].message, "cannot parse");
	INTEQ(fa.v[0].loc.line, 0);
	failure_list_free(&fa);
	failure_list_free(&fb);
}

int main(void)
{
	test_add();
	test_severity_names();
	test_sort_unique();
	test_append();
	return tap_done();
}
