// SPDX-License-Identifier: GPL-2.0-only
/* Byte offsets and LSP positions, in UTF-16 and UTF-8; buffer edits. */
#include <stdlib.h>
#include <string.h>

#include "lsp/document.h"
#include "lsp/position.h"
#include "tap.h"

/* "a" U+00E9 (2 bytes) U+4E2D (3 bytes) U+1F600 (4 bytes, a surrogate pair) "b" */
static const char mb[] = "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80"
			 "b\r\nx\ny";

static void utf16(void)
{
	size_t len = strlen(mb);
	struct lsp_pos p;

	p = pos_from_offset(mb, len, 10, POS_UTF16); /* 'b' */
	INTEQ(p.line, 0);
	INTEQ(p.character, 5);
	p = pos_from_offset(mb, len, 6, POS_UTF16); /* the emoji */
	INTEQ(p.character, 3);
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 0, 5 }, POS_UTF16), 10);
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 0, 3 }, POS_UTF16), 6);
	/* Inside the surrogate pair: the character's start. */
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 0, 4 }, POS_UTF16), 6);
	/* Past the line's end: before its "\r\n". */
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 0, 99 }, POS_UTF16), 11);
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 1, 0 }, POS_UTF16), 13);
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 2, 1 }, POS_UTF16), 16);
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 9, 0 }, POS_UTF16), len);
	p = pos_from_offset(mb, len, 12, POS_UTF16); /* between \r and \n */
	INTEQ(p.line, 0);
	INTEQ(p.character, 6);
	p = pos_from_offset(mb, len, 15, POS_UTF16); /* 'y' */
	INTEQ(p.line, 2);
	INTEQ(p.character, 0);
}

static void utf8(void)
{
	size_t len = strlen(mb);
	struct lsp_pos p = pos_from_offset(mb, len, 10, POS_UTF8);

	INTEQ(p.character, 10);
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 0, 10 }, POS_UTF8), 10);
	/* Inside a sequence: its start. */
	INTEQ(pos_to_offset(mb, len, (struct lsp_pos){ 0, 8 }, POS_UTF8), 6);
}

static void byte_columns(void)
{
	const char *t = "ab\r\n\xc3\xa9x\ny";

	INTEQ(pos_line_column_offset(t, strlen(t), 1, 1), 0);
	INTEQ(pos_line_column_offset(t, strlen(t), 2, 3), 6);
	INTEQ(pos_line_column_offset(t, strlen(t), 3, 1), 8);
	INTEQ(pos_line_column_offset(t, strlen(t), 1, 40), 2);
	/* Invalid UTF-8: one byte is one character. */
	INTEQ(pos_from_offset("\xff\xfez", 3, 2, POS_UTF16).character, 2);
}

static void edits(void)
{
	struct document d;
	json_error_t jerr;
	json_t *c;

	OK(document_init(&d, "file:///tmp/a%20b.c", "h\xc3\xa9llo\r\nw", 9, 1));
	STREQ(d.path, "/tmp/a b.c");
	c = json_loads(
		"{\"range\":{\"start\":{\"line\":0,\"character\":2},"
		"\"end\":{\"line\":1,\"character\":0}},\"text\":\"\xf0\x9f\x98\x80\"}",
		0, &jerr);
	OK(document_apply(&d, c, POS_UTF16));
	STREQ(d.text, "h\xc3\xa9\xf0\x9f\x98\x80w");
	json_decref(c);
	/* After the pair (two UTF-16 units), insert "!". */
	c = json_loads("{\"range\":{\"start\":{\"line\":0,\"character\":4},"
		       "\"end\":{\"line\":0,\"character\":4}},\"text\":\"!\"}",
		       0, &jerr);
	OK(document_apply(&d, c, POS_UTF16));
	STREQ(d.text, "h\xc3\xa9\xf0\x9f\x98\x80!w");
	json_decref(c);
	c = json_loads("{\"text\":\"new\"}", 0, &jerr);
	OK(document_apply(&d, c, POS_UTF16));
	STREQ(d.text, "new");
	json_decref(c);
	c = json_loads(
		"{\"range\":{\"start\":{\"line\":-1,\"character\":0}},\"text\":\"\"}",
		0, &jerr);
	OK(!document_apply(&d, c, POS_UTF16));
	json_decref(c);
	document_free(&d);
}

static void uris(void)
{
	char *p = uri_from_path("/x/a b%#.c"), *q;

	STREQ(p, "file:///x/a%20b%25%23.c");
	q = uri_to_path(p);
	STREQ(q, "/x/a b%#.c");
	free(p);
	free(q);
	OK(!uri_to_path("http://x/a.c"));
	OK(!uri_to_path("file://host/a.c"));
	OK(!uri_to_path("file:///a%00b"));
	p = uri_to_path("file://localhost/a.c");
	STREQ(p, "/a.c");
	free(p);
}

int main(void)
{
	utf16();
	utf8();
	byte_columns();
	edits();
	uris();
	return tap_done();
}
