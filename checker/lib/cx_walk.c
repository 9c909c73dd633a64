// SPDX-License-Identifier: GPL-2.0-only
/* The cursor walker with its parent stack (see cx.h). */
#include <stdlib.h>

#include "lib/cx.h"
#include "lib/util.h"

static enum CXChildVisitResult walk_visit(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct cx_walk *wk = data;

	(void)parent;
	if (!wk->depth && wk->file && !cx_in_file(c, wk->file))
		return CXChildVisit_Continue;
	GROW(wk->stack, wk->cap, wk->depth);
	wk->stack[wk->depth++] = c;
	if (wk->enter(wk, c))
		clang_visitChildren(c, walk_visit, wk);
	if (wk->leave)
		wk->leave(wk, c);
	wk->depth--;
	return CXChildVisit_Continue;
}

void cx_walk_run(struct cx_walk *wk, CXCursor root)
{
	clang_visitChildren(root, walk_visit, wk);
}

void cx_walk_free(struct cx_walk *wk)
{
	free(wk->stack);
	wk->stack = NULL;
	wk->depth = wk->cap = 0;
}

CXCursor cx_walk_find(const struct cx_walk *wk, size_t below,
		      enum CXCursorKind kind)
{
	for (size_t i = below; i-- > 0;)
		if (clang_getCursorKind(wk->stack[i]) == kind)
			return wk->stack[i];
	return clang_getNullCursor();
}

bool cx_walk_up_casts(const struct cx_walk *wk, size_t i, size_t *up,
		      size_t *from)
{
	while (i-- > 0) {
		switch (clang_getCursorKind(wk->stack[i])) {
		case CXCursor_ParenExpr:
		case CXCursor_CStyleCastExpr:
		case CXCursor_UnexposedExpr:
			continue;
		default:
			*up = i;
			*from = i + 1;
			return true;
		}
	}
	return false;
}
