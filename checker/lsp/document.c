// SPDX-License-Identifier: GPL-2.0-only
/* Open buffers and their incremental changes; file: URIs. */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lsp/document.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *uri_to_path(const char *uri)
{
	const char *p;
	char *out, *o;

	if (strncmp(uri, "file://", 7))
		return NULL;
	p = uri + 7;
	/* "file://host/path": only an empty or local host is ours. */
	if (!strncmp(p, "localhost/", 10))
		p += 9;
	if (*p != '/')
		return NULL;
	out = o = xmalloc(strlen(p) + 1);
	for (; *p; p++) {
		int hi, lo;

		if (*p == '%' && (hi = hex_value(p[1])) >= 0 &&
		    (lo = hex_value(p[2])) >= 0) {
			*o++ = (char)(hi * 16 + lo);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	if (strlen(out) != (size_t)(o - out)) {
		free(out); /* a %00 in a path names no file */
		return NULL;
	}
	return out;
}

char *uri_from_path(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = xmalloc(7 + 3 * strlen(path) + 1), *o = out;

	memcpy(o, "file://", 7);
	o += 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~+,=@", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

bool document_init(struct document *d, const char *uri, const char *text,
		   size_t len, long version)
{
	memset(d, 0, sizeof(*d));
	d->path = uri_to_path(uri);
	if (!d->path)
		return false;
	d->uri = xstrdup(uri);
	d->text = xmalloc(len + 1);
	memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	d->version = version;
	return true;
}

void document_free(struct document *d)
{
	free(d->uri);
	free(d->path);
	free(d->text);
	memset(d, 0, sizeof(*d));
}

bool json_position(const json_t *j, struct lsp_pos *pos)
{
	json_t *line = json_object_get(j, "line");
	json_t *ch = json_object_get(j, "character");

	if (!json_is_integer(line) || !json_is_integer(ch) ||
	    json_integer_value(line) < 0 || json_integer_value(ch) < 0 ||
	    json_integer_value(line) > 0x7fffffff ||
	    json_integer_value(ch) > 0x7fffffff)
		return false;
	pos->line = (unsigned int)json_integer_value(line);
	pos->character = (unsigned int)json_integer_value(ch);
	return true;
}

static void replace(struct document *d, size_t a, size_t b, const char *text,
		    size_t n)
{
	size_t len = d->len - (b - a) + n;
	char *s = xmalloc(len + 1);

	memcpy(s, d->text, a);
	memcpy(s + a, text, n);
	memcpy(s + a + n, d->text + b, d->len - b);
	s[len] = '\0';
	free(d->text);
	d->text = s;
	d->len = len;
}

bool document_apply(struct document *d, const json_t *change,
		    enum pos_encoding enc)
{
	json_t *text = json_object_get(change, "text");
	json_t *range = json_object_get(change, "range");
	struct lsp_pos start, end;
	size_t a, b;

	if (!json_is_string(text))
		return false;
	if (!range) {
		replace(d, 0, d->len, json_string_value(text),
			json_string_length(text));
		return true;
	}
	if (!json_position(json_object_get(range, "start"), &start) ||
	    !json_position(json_object_get(range, "end"), &end))
		return false;
	a = pos_to_offset(d->text, d->len, start, enc);
	b = pos_to_offset(d->text, d->len, end, enc);
	if (b < a)
		return false;
	replace(d, a, b, json_string_value(text), json_string_length(text));
	return true;
}
