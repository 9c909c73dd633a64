/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Positions in a buffer.  drvlint counts lines from 1 and columns in
 * bytes; LSP counts both from 0 and characters in UTF-16 code units
 * (or in bytes when the client and server agree on UTF-8).  A line ends
 * at "\n", "\r\n" or "\r", as in LSP and in clang.  Text is UTF-8; a
 * byte that starts no valid sequence counts as one character.
 */
#ifndef DRVLINT_LSP_POSITION_H
#define DRVLINT_LSP_POSITION_H

#include <stddef.h>

enum pos_encoding {
	POS_UTF16,
	POS_UTF8,
};

struct lsp_pos {
	unsigned int line, character;
};

/*
 * The byte offset of pos in text[0..len): a character past the end of
 * its line is the line's end, a line past the last is the end of text,
 * a position inside a character is that character's start.
 */
size_t pos_to_offset(const char *text, size_t len, struct lsp_pos pos,
		     enum pos_encoding enc);
/* The position of byte offset 'offset' (clamped to len). */
struct lsp_pos pos_from_offset(const char *text, size_t len, size_t offset,
			       enum pos_encoding enc);
/* The byte offset of drvlint's line and byte column (both from 1). */
size_t pos_line_column_offset(const char *text, size_t len, unsigned int line,
			      unsigned int column);

#endif
