// SPDX-License-Identifier: GPL-2.0-only
/*
 * The C tokenizer: its modes, line continuations (also backslash-CR-LF),
 * NUL bytes inside the text and UTF-8 identifiers.
 */
#include <stdio.h>
#include <string.h>

#include "lib/ctok.h"
#include "tap.h"

/* The tokens of s[0..n) as "kind:text" words joined by spaces. */
static const char *toks(const char *s, size_t n, unsigned int mode)
{
	static const char kinds[] = "EINSCP#$";
	static char out[1024];
	struct ctok t;
	struct ctok_token tok;
	size_t o = 0;

	ctok_init(&t, s, n, mode);
	out[0] = '\0';
	while (ctok_next(&t, &tok) != CTOK_END && o + 64 < sizeof(out)) {
		size_t len = tok.kind == CTOK_NEWLINE ? 0 : tok.len;

		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%c:%.*s",
				      o ? " " : "", kinds[tok.kind], (int)len,
				      s + tok.start);
	}
	return out;
}

#define T(s, mode) toks((s), sizeof(s) - 1, (mode))

static void modes(void)
{
	static const char src[] =
		"#define X 1\nint a = 0x10 + 'c'; char *s = \"x y\";";

	STREQ(T(src, 0), "I:int I:a P:= P:+ P:; I:char P:* I:s P:= P:;");
	STREQ(T(src, CTOK_LITERALS),
	      "I:int I:a P:= N:0x10 P:+ C:'c' P:; I:char P:* I:s P:= S:\"x y\" P:;");
	STREQ(T(src, CTOK_DIRECTIVES),
	      "#:# I:define I:X $: I:int I:a P:= P:+ P:; I:char P:* I:s P:= P:;");
	/* '#' not at the start of a line, and inside a directive */
	STREQ(T("a # b\n#define S(x) #x\n", CTOK_DIRECTIVES),
	      "I:a P:# I:b #:# I:define I:S P:( I:x P:) P:# I:x $:");
	/* a comment before '#' keeps it at the start of the line */
	STREQ(T("/* c */ #if X\nY", CTOK_DIRECTIVES), "#:# I:if I:X $: I:Y");
	STREQ(T("1.5e+3 x", CTOK_LITERALS), "N:1.5e+3 I:x");
}

static void directives_skipped(void)
{
	struct ctok t;
	struct ctok_token tok;
	const char src[] = "#if A\n#define B \"/*\" \\\n C\nD\n";

	ctok_init(&t, src, sizeof(src) - 1, 0);
	OK(ctok_next(&t, &tok) == CTOK_IDENT && ctok_is(&t, &tok, "D"));
	INTEQ(t.directives, 2);
	OK(ctok_next(&t, &tok) == CTOK_END);
}

static void continuations(void)
{
	STREQ(T("#define A \\\n B\nC", CTOK_DIRECTIVES),
	      "#:# I:define I:A I:B $: I:C");
	STREQ(T("#define A \\\r\n B\r\nC", CTOK_DIRECTIVES),
	      "#:# I:define I:A I:B $: I:C");
	/* a line comment continued by backslash-newline and -CR-LF */
	STREQ(T("// a \\\nb\nc", 0), "I:c");
	STREQ(T("// a \\\r\nb\r\nc", 0), "I:c");
	/* a string continued on the next line */
	STREQ(T("\"a\\\r\nb\" c", CTOK_LITERALS), "S:\"a\\\r\nb\" I:c");
	/* an unterminated string ends at its line */
	STREQ(T("\"a\nb", CTOK_LITERALS), "S:\"a I:b");
}

static void nul_bytes(void)
{
	static const char src[] = "/* a \0 b */ x\0y 'z\0' w";
	struct ctok t;
	struct ctok_token tok;
	int n = 0;

	ctok_init(&t, src, sizeof(src) - 1, 0);
	while (ctok_next(&t, &tok) != CTOK_END)
		n++;
	/* x, NUL, y, w */
	INTEQ(n, 4);
	STREQ(T("a /* \0 */ b", 0), "I:a I:b");
	STREQ(T("// \0\nb", 0), "I:b");
}

static void utf8(void)
{
	STREQ(T("struct pci_device_id tbl_\xc3\xa9[] = {", 0),
	      "I:struct I:pci_device_id I:tbl_\xc3\xa9 P:[ P:] P:= P:{");
	STREQ(T("\xc3\xa9t\xc3\xa9 = 1", 0), "I:\xc3\xa9t\xc3\xa9 P:=");
	OK(ctok_ident_char(0xc3));
	OK(ctok_ident_char('_'));
	OK(!ctok_ident_char('$'));
	OK(!ctok_ident_start('1'));
	OK(ctok_whole_word("a tbl_\xc3\xa9 b", 10, 2, 6));
	OK(!ctok_whole_word("a tbl_\xc3\xa9 b", 10, 2, 4));
	INTEQ(ctok_ident_end("ab\xc3\xa9(", 0, 5), 4);
}

int main(void)
{
	modes();
	directives_skipped();
	continuations();
	nul_bytes();
	utf8();
	return tap_done();
}
