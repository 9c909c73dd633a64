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

void json_set_bytes(json_t *o, const char *key, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	json_t *v = s ? json_string(s) : NULL;
	char *enc, *out, *name;

	if (v || !s) {
		json_object_set_new(o, key, v ? v : json_null());
		return;
	}
	json_object_set_new(o, key, json_text(s));
	enc = out = xmalloc(strlen(s) * 3 + 1);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p > ' ' && *p <= '~' && *p != '%') {
			*out++ = (char)*p;
		} else {
			*out++ = '%';
			*out++ = hex[*p >> 4];
			*out++ = hex[*p & 15];
		}
	}
	*out = '\0';
	name = xasprintf("%s_bytes", key);
	json_object_set_new(o, name, json_string(enc));
	free(name);
	free(enc);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Percent-decoded enc, or NULL if it is malformed or holds a NUL byte. */
static char *percent_decode(const char *enc, size_t len)
{
	char *buf = xmalloc(len + 1), *out = buf;

	for (size_t i = 0; i < len; i++) {
		int hi, lo;

		if (enc[i] != '%') {
			*out++ = enc[i];
			continue;
		}
		if (i + 2 >= len || (hi = hex_digit(enc[i + 1])) < 0 ||
		    (lo = hex_digit(enc[i + 2])) < 0 || !(hi | lo)) {
			free(buf);
			return NULL;
		}
		*out++ = (char)(hi << 4 | lo);
		i += 2;
	}
	*out = '\0';
	return buf;
}

char *json_get_bytes(json_t *o, const char *key)
{
	char *name = xasprintf("%s_bytes", key), *s = NULL;
	json_t *b = json_object_get(o, name), *v = json_object_get(o, key);

	free(name);
	if (json_is_string(b))
		s = percent_decode(json_string_value(b), json_string_length(b));
	if (!s && json_is_string(v))
		s = xstrndup(json_string_value(v), json_string_length(v));
	return s;
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
