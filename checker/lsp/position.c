// SPDX-License-Identifier: GPL-2.0-only
/* Conversion between byte offsets and LSP positions, by the buffer's text. */
#include <stdbool.h>

#include "lsp/position.h"

/* The length of the UTF-8 sequence at s[0..n), 1 if it is not valid. */
static size_t seq_len(const unsigned char *s, size_t n)
{
	size_t k;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		k = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		k = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		k = 4;
	else
		return 1;
	if (k > n)
		return 1;
	for (size_t i = 1; i < k; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return k;
}

/* How many units of enc a sequence of k bytes is. */
static unsigned int units(size_t k, enum pos_encoding enc)
{
	if (enc == POS_UTF8)
		return (unsigned int)k;
	return k == 4 ? 2 : 1;
}

static bool line_break(const char *text, size_t len, size_t i, size_t *brk)
{
	if (text[i] == '\n') {
		*brk = 1;
		return true;
	}
	if (text[i] == '\r') {
		*brk = i + 1 < len && text[i + 1] == '\n' ? 2 : 1;
		return true;
	}
	return false;
}

/* The offset where 0-based line 'line' starts; len if past the end. */
static size_t line_start(const char *text, size_t len, unsigned int line)
{
	size_t i = 0, brk;

	while (line && i < len) {
		if (line_break(text, len, i, &brk)) {
			i += brk;
			line--;
		} else {
			i++;
		}
	}
	return line ? len : i;
}

size_t pos_to_offset(const char *text, size_t len, struct lsp_pos pos,
		     enum pos_encoding enc)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = line_start(text, len, pos.line), brk;
	unsigned int col = 0;

	while (i < len && !line_break(text, len, i, &brk)) {
		size_t k = seq_len(s + i, len - i);

		if (col + units(k, enc) > pos.character)
			break;
		col += units(k, enc);
		i += k;
	}
	return i;
}

struct lsp_pos pos_from_offset(const char *text, size_t len, size_t offset,
			       enum pos_encoding enc)
{
	const unsigned char *s = (const unsigned char *)text;
	struct lsp_pos pos = { 0, 0 };
	size_t i = 0, brk;

	if (offset > len)
		offset = len;
	while (i < offset) {
		if (line_break(text, len, i, &brk)) {
			if (i + brk > offset)
				break; /* inside "\r\n": the line's end */
			i += brk;
			pos.line++;
			pos.character = 0;
		} else {
			size_t k = seq_len(s + i, len - i);

			if (i + k > offset)
				break;
			pos.character += units(k, enc);
			i += k;
		}
	}
	return pos;
}

size_t pos_line_column_offset(const char *text, size_t len, unsigned int line,
			      unsigned int column)
{
	size_t i = line_start(text, len, line ? line - 1 : 0), brk;

	for (unsigned int c = 1; c < column && i < len; c++, i++)
		if (line_break(text, len, i, &brk))
			break;
	return i;
}
