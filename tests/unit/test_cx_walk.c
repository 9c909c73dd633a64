// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/cx: the cursor walker (its path, the enclosing function, the climb
 * through parentheses and casts) and text_lines, which must agree with
 * counting lines from the start at every offset.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/cx.h"
#include "lib/util.h"
#include "tap.h"

/* Line and column of offset, counted from the text's start. */
static void line_col(const char *text, size_t len, unsigned int offset,
		     unsigned int *line, unsigned int *column)
{
	unsigned int l = 1, c = 1;

	for (size_t i = 0; i < offset && i < len; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*column = c;
}

static void lines_agree(const char *text, size_t len)
{
	struct text_lines tl = { .text = text, .len = len };
	int bad = 0;

	for (unsigned int off = 0; off <= len + 2; off++) {
		unsigned int l1, c1, l2, c2;

		line_col(text, len, off, &l1, &c1);
		text_lines_pos(&tl, off, &l2, &c2);
		bad += l1 != l2 || c1 != c2;
	}
	INTEQ(bad, 0);
	text_lines_free(&tl);
}

static void test_text_lines(void)
{
	static const char nul[] = "a\0b\nc\n\0\n";

	lines_agree("", 0);
	lines_agree("abc", 3);
	lines_agree("\n\n\n", 3);
	lines_agree("int a;\nint b;\n\tint c;", 21);
	lines_agree(nul, sizeof(nul) - 1);
}

struct probe {
	struct cx_walk wk;
	int casts_seen; /* DeclRefExprs of x whose climb ends at a call */
	int in_f; /* ... and found inside f() */
	size_t max_depth;
};

static bool probe_enter(struct cx_walk *wk, CXCursor c)
{
	struct probe *p = container_of(wk, struct probe, wk);
	size_t up, from;

	if (wk->depth > p->max_depth)
		p->max_depth = wk->depth;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return true;
	if (cx_walk_up_casts(wk, wk->depth - 1, &up, &from) &&
	    clang_getCursorKind(wk->stack[up]) == CXCursor_CallExpr &&
	    from > up) {
		CXCursor fn =
			cx_walk_find(wk, wk->depth, CXCursor_FunctionDecl);
		char *name = cx_spelling(fn);

		p->casts_seen++;
		p->in_f += !strcmp(name, "f");
		free(name);
	}
	return true;
}

static void test_walker(void)
{
	static const char src[] = "void g(long v);\n"
				  "int x;\n"
				  "void f(void) { g((long)((x))); g(1); }\n";
	struct CXUnsavedFile file = { "t.c", src, sizeof(src) - 1 };
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu = NULL;
	struct probe p = { .wk = { .enter = probe_enter } };

	clang_parseTranslationUnit2(index, "t.c", NULL, 0, &file, 1, 0, &tu);
	OK(tu != NULL);
	if (tu) {
		p.wk.file = clang_getFile(tu, "t.c");
		cx_walk_run(&p.wk, clang_getTranslationUnitCursor(tu));
		/* x, and g as the callee of both calls */
		INTEQ(p.casts_seen, 3);
		INTEQ(p.in_f, 3);
		OK(p.max_depth >= 6);
		INTEQ(p.wk.depth, 0);
		cx_walk_free(&p.wk);
		clang_disposeTranslationUnit(tu);
	}
	clang_disposeIndex(index);
}

int main(void)
{
	test_text_lines();
	test_walker();
	return tap_done();
}
