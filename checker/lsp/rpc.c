// SPDX-License-Identifier: GPL-2.0-only
/*
 * Content-Length framing and JSON-RPC messages.  The header block is read
 * by length, never as a C string: a client may send any bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/util.h"
#include "lsp/rpc.h"

/* A header block longer than this without its blank line is garbage. */
#define MAX_HEADER 8192

void rpc_reader_feed(struct rpc_reader *r, const char *data, size_t n)
{
	if (r->skip) {
		size_t k = n < r->skip ? n : r->skip;

		r->skip -= k;
		data += k;
		n -= k;
	}
	if (!n)
		return;
	GROW(r->buf, r->cap, r->len + n);
	memcpy(r->buf + r->len, data, n);
	r->len += n;
}

void rpc_reader_free(struct rpc_reader *r)
{
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

static void consume(struct rpc_reader *r, size_t n)
{
	memmove(r->buf, r->buf + n, r->len - n);
	r->len -= n;
}

static const char *find_blank_line(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i++)
		if (!memcmp(s + i, "\r\n\r\n", 4))
			return s + i;
	return NULL;
}

/* The value of a Content-Length line: digits, maybe with blanks around. */
static bool parse_length(const char *v, size_t n, size_t *out)
{
	size_t value = 0, i = 0, digits = 0;

	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	for (; i < n && v[i] >= '0' && v[i] <= '9'; i++, digits++) {
		if (value > (SIZE_MAX - 9) / 10)
			return false;
		value = value * 10 + (size_t)(v[i] - '0');
	}
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	if (!digits || i != n)
		return false;
	*out = value;
	return true;
}

/* The body length named by the header block h[0..n); NULL or a reason. */
static const char *parse_header(const char *h, size_t n, size_t *length)
{
	bool have = false;
	size_t pos = 0;

	while (pos < n) {
		const char *line = h + pos, *colon, *eol;
		size_t llen, value;

		eol = memmem(line, n - pos, "\r\n", 2);
		llen = eol ? (size_t)(eol - line) : n - pos;
		pos += llen + 2;
		colon = memchr(line, ':', llen);
		if (!colon)
			return "a header line without ':'";
		if ((size_t)(colon - line) != 14 ||
		    strncasecmp(line, "Content-Length", 14))
			continue; /* Content-Type and others: ignored */
		if (!parse_length(colon + 1, llen - (size_t)(colon - line) - 1,
				  &value))
			return "a Content-Length that is not a number";
		if (have && value != *length)
			return "two different Content-Length headers";
		*length = value;
		have = true;
	}
	return have ? NULL : "no Content-Length header";
}

static enum rpc_read bad(char **body, size_t *len, const char *why)
{
	*body = xasprintf("dropped a packet: %s", why);
	*len = strlen(*body);
	return RPC_BAD_HEADER;
}

enum rpc_read rpc_reader_next(struct rpc_reader *r, char **body, size_t *len)
{
	const char *end = find_blank_line(r->buf, r->len), *why;
	size_t hlen, length = 0;

	if (!end) {
		if (r->len <= MAX_HEADER)
			return RPC_NEED_MORE;
		/* Keep a possible start of the blank line. */
		consume(r, r->len - 3);
		return bad(body, len, "a header block without its end");
	}
	hlen = (size_t)(end - r->buf);
	why = parse_header(r->buf, hlen, &length);
	if (why) {
		consume(r, hlen + 4);
		return bad(body, len, why);
	}
	if (length > RPC_MAX_BODY) {
		size_t have = r->len - hlen - 4;

		consume(r, hlen + 4 + (have < length ? have : length));
		r->skip = have < length ? length - have : 0;
		return bad(body, len, "a body larger than the limit");
	}
	if (r->len - hlen - 4 < length)
		return RPC_NEED_MORE;
	*body = xmalloc(length + 1);
	memcpy(*body, end + 4, length);
	(*body)[length] = '\0';
	*len = length;
	consume(r, hlen + 4 + length);
	return RPC_MESSAGE;
}

static bool valid_id(const json_t *id)
{
	return json_is_string(id) || json_is_integer(id) || json_is_null(id);
}

void rpc_parse(const char *body, size_t len, struct rpc_message *m)
{
	json_t *method, *version;

	memset(m, 0, sizeof(*m));
	m->root = json_loadb(body, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	if (!m->root) {
		m->kind = RPC_MALFORMED;
		return;
	}
	m->kind = RPC_INVALID;
	if (!json_is_object(m->root))
		return;
	m->id = json_object_get(m->root, "id");
	m->params = json_object_get(m->root, "params");
	method = json_object_get(m->root, "method");
	version = json_object_get(m->root, "jsonrpc");
	if (m->id && !valid_id(m->id)) {
		m->id = NULL;
		return;
	}
	if (!json_is_string(version) ||
	    strcmp(json_string_value(version), "2.0"))
		return;
	if (!method) {
		if (m->id && (json_object_get(m->root, "result") ||
			      json_object_get(m->root, "error")))
			m->kind = RPC_RESPONSE;
		return;
	}
	if (!json_is_string(method) ||
	    (m->params && !json_is_object(m->params) &&
	     !json_is_array(m->params)))
		return;
	m->method = json_string_value(method);
	m->kind = m->id ? RPC_REQUEST : RPC_NOTIFICATION;
}

void rpc_message_free(struct rpc_message *m)
{
	json_decref(m->root);
	memset(m, 0, sizeof(*m));
}

static json_t *message(void)
{
	return json_pack("{s:s}", "jsonrpc", "2.0");
}

json_t *rpc_result(json_t *id, json_t *result)
{
	json_t *m = message();

	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(m, "result", result ? result : json_null());
	return m;
}

json_t *rpc_error(json_t *id, int code, const char *text)
{
	json_t *m = message();

	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(m, "error",
			    json_pack("{s:i,s:s}", "code", code, "message",
				      text));
	return m;
}

json_t *rpc_notification(const char *method, json_t *params)
{
	json_t *m = message();

	json_object_set_new(m, "method", json_string(method));
	json_object_set_new(m, "params", params ? params : json_object());
	return m;
}

char *rpc_frame(const json_t *msg, size_t *len)
{
	char *body = json_dumps(msg, JSON_COMPACT | JSON_PRESERVE_ORDER);
	char *packet;

	if (!body)
		return NULL;
	packet = xasprintf("Content-Length: %zu\r\n\r\n%s", strlen(body), body);
	free(body);
	*len = strlen(packet);
	return packet;
}
