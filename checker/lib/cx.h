/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libclang helpers.  Every CXString is copied and disposed at once here,
 * so no check holds one; locations are turned into plain numbers.
 */
#ifndef DRVLINT_CX_H
#define DRVLINT_CX_H

#include <stdbool.h>
#include <stddef.h>

#include <clang-c/Index.h>

/* Copy and dispose; never NULL. */
char *cx_take(CXString s);
char *cx_spelling(CXCursor c);

/* Where a location is, resolved to where the macro was expanded. */
struct cx_pos {
	CXFile file;
	unsigned int line, column, offset;
};

struct cx_pos cx_expansion(CXSourceLocation loc);
struct cx_pos cx_cursor_start(CXCursor c);
struct cx_pos cx_cursor_end(CXCursor c); /* one past the last character */
bool cx_in_file(CXCursor c, CXFile file);
/*
 * There is no cx_from_macro(): libclang's clang_getSpellingLocation()
 * returns the file location, so a cursor cannot say whether its text
 * comes from a macro.  Callers check that the text at a cursor is what
 * they expect (a '{', the object's name) before they edit it.
 */

/*
 * Line and column (1-based) of byte offsets of one text, each in logarithmic time: the
 * line starts are read once, at the first call.  Set text and len, the
 * rest zero; text_lines_free() when done.
 */
struct text_lines {
	const char *text;
	size_t len;
	unsigned int *start; /* offset of each line's first byte */
	size_t n, cap;
};

void text_lines_pos(struct text_lines *tl, unsigned int offset,
		    unsigned int *line, unsigned int *column);
void text_lines_free(struct text_lines *tl);

/*
 * Are a and b the same expression?  clang_equalCursors() also compares the
 * parent declaration libclang stored in the cursor, which differs between
 * a cursor from the visitor and one from clang_Cursor_getArgument().
 */
bool cx_same_expr(CXCursor a, CXCursor b);

/* What an operator does, as far as the checks care. */
enum cx_op {
	CX_OP_OTHER,
	CX_OP_ADDR, /* &x */
	CX_OP_DEREF, /* *p */
	CX_OP_INCDEC, /* ++x, x--, ... */
	CX_OP_ASSIGN, /* x = y */
	CX_OP_COMPOUND, /* x += y, x |= y, ... */
	CX_OP_ARITH, /* p + n, p - n */
	CX_OP_COMPARE, /* ==, !=, <, ... */
	CX_OP_UNKNOWN, /* written in a macro, and libclang < 17 */
};

/*
 * The operator of a UnaryOperator, BinaryOperator or
 * CompoundAssignOperator cursor.  libclang 17 and later say it, also for
 * operators written inside macros; older ones are asked through tokens,
 * which cannot see into a macro: CX_OP_UNKNOWN, and the caller must
 * assume the worst.
 */
enum cx_op cx_operator(CXCursor c);

/* The logical and comparison operators conditions are read by. */
enum cx_test {
	CX_TEST_NONE, /* not one of these, or cannot be told */
	CX_TEST_NOT, /* !x */
	CX_TEST_AND, /* a && b */
	CX_TEST_OR, /* a || b */
	CX_TEST_EQ, /* == */
	CX_TEST_NE, /* != */
	CX_TEST_LT, /* < */
	CX_TEST_GT, /* > */
	CX_TEST_LE, /* <= */
	CX_TEST_GE, /* >= */
};

/*
 * The test operator of a UnaryOperator or BinaryOperator cursor.  Before
 * libclang 17 it is read from the tokens, so an operator written inside
 * a macro is CX_TEST_NONE: evidence is lost there, never made up.
 */
enum cx_test cx_test_operator(CXCursor c);

/*
 * The one cursor walker: depth first over the cursors below a root,
 * keeping the path to the cursor being visited, stack[0] (a child of the
 * root) to stack[depth - 1] (the cursor itself).  A check embeds it in its
 * own context and gets that back with container_of() in its callbacks.
 */
struct cx_walk {
	CXCursor *stack;
	size_t depth, cap;
	/* Not NULL: the root's children outside this file are skipped. */
	CXFile file;
	/* A cursor, already on the stack; false: skip its children. */
	bool (*enter)(struct cx_walk *wk, CXCursor c);
	/* After its children, still on the stack; may be NULL. */
	void (*leave)(struct cx_walk *wk, CXCursor c);
};

void cx_walk_run(struct cx_walk *wk, CXCursor root);
void cx_walk_free(struct cx_walk *wk);

/* The innermost cursor of kind in stack[0..below), or a null cursor. */
CXCursor cx_walk_find(const struct cx_walk *wk, size_t below,
		      enum CXCursorKind kind);

/*
 * From stack[i] up through parentheses and casts (explicit ones, and the
 * UnexposedExpr of an implicit one): the index of the first ancestor that
 * is none of them, in *up, and of the child the way came from, in *from.
 * False when the stack ends first.
 */
bool cx_walk_up_casts(const struct cx_walk *wk, size_t i, size_t *up,
		      size_t *from);

/* Visit the direct children of c into an array; caller frees. */
CXCursor *cx_children(CXCursor c, unsigned int *n);

/* The i-th child, or a null cursor. */
CXCursor cx_child(CXCursor c, unsigned int i);
/* The last child (a cast's operand: its type comes first), or null. */
CXCursor cx_last_child(CXCursor c);
unsigned int cx_child_count(CXCursor c);

/* Look through parentheses and casts, explicit or implicit. */
CXCursor cx_strip(CXCursor c);
/* The same, and through '&' and '*' too: the object an expression names. */
CXCursor cx_strip_address(CXCursor c);
/* Is t a pointer, after typedefs? */
bool cx_is_pointer(CXType t);
/* Is c a for, while or do statement? */
bool cx_is_loop(CXCursor c);

/* Is c a call of the function 'name'? */
bool cx_call_named(CXCursor c, const char *name);

/* Does c evaluate to an integer constant?  Sets *value. */
bool cx_int_constant(CXCursor c, long long *value);
/* ... to zero, looking through parentheses and casts? */
bool cx_is_zero(CXCursor c);

#endif
