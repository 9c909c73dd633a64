// SPDX-License-Identifier: GPL-2.0-only
/*
 * Jansson refuses strings that are not UTF-8, and a kernel tree holds a
 * few Latin-1 file names and comments; a report must never lose a finding
 * over that, so bad bytes are replaced, not rejected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json_util.h"
#include "lib/util.h"

/* Length of the valid UTF-8 sequence at s, or 0 if there is none. */
static size_t utf8_sequence(const unsigned char *s)
{
	size_t n, i;
	unsigned int c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return n;
}

static json_t *json_text_repaired(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *buf = xmalloc(strlen(s) * 3 + 1), *out = buf;
	json_t *v;

	while (*p) {
		size_t n = utf8_sequence(p);

		if (n) {
			memcpy(out, p, n);
			out += n;
			p += n;
		} else {
			memcpy(out, "\xef\xbf\xbd", 3);
			out += 3;
			p++;
		}
	}
	*out = '\0';
	v = json_string(buf);
	free(buf);
	return v;
}

json_t *json_text(const char *s)
{
	json_t *v;

	if (!s)
		return json_null();
	v = json_string(s);
	return v ? v : json_text_repaired(s);
}

/* Ten significant digits: times print as 1.84, not 1.8400000000000001. */
int json_write(FILE *out, json_t *root)
{
	size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		       JSON_REAL_PRECISION(10);

	if (json_dumpf(root, out, flags) || fputc('\n', out) == EOF)
		return -1;
	return ferror(out) ? -1 : 0;
}
