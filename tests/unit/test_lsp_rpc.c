// SPDX-License-Identifier: GPL-2.0-only
/* The language server's framing and JSON-RPC message layer. */
#include <stdlib.h>
#include <string.h>

#include "lsp/rpc.h"
#include "tap.h"

static const char one[] = "Content-Length: 7\r\n\r\n{\"a\":1}";

static void split_reads(void)
{
	struct rpc_reader r = { 0 };
	char *body;
	size_t len;

	/* Byte by byte: nothing until the last byte, then the body. */
	for (size_t i = 0; i < strlen(one); i++) {
		OK(rpc_reader_next(&r, &body, &len) == RPC_NEED_MORE);
		rpc_reader_feed(&r, one + i, 1);
	}
	OK(rpc_reader_next(&r, &body, &len) == RPC_MESSAGE);
	INTEQ(len, 7);
	STREQ(body, "{\"a\":1}");
	free(body);
	OK(rpc_reader_next(&r, &body, &len) == RPC_NEED_MORE);
	rpc_reader_free(&r);
}

static void joined_reads(void)
{
	struct rpc_reader r = { 0 };
	const char two[] = "Content-Length: 2\r\nContent-Type: x\r\n\r\n[]"
			   "content-length:  3 \r\n\r\n{ }";
	char *body;
	size_t len;

	rpc_reader_feed(&r, two, strlen(two));
	OK(rpc_reader_next(&r, &body, &len) == RPC_MESSAGE);
	STREQ(body, "[]");
	free(body);
	OK(rpc_reader_next(&r, &body, &len) == RPC_MESSAGE);
	STREQ(body, "{ }");
	free(body);
	OK(rpc_reader_next(&r, &body, &len) == RPC_NEED_MORE);
	rpc_reader_free(&r);
}

/* A bad header block is dropped and the packet after it is read. */
static void bad_header(const char *header)
{
	struct rpc_reader r = { 0 };
	char *body;
	size_t len;

	rpc_reader_feed(&r, header, strlen(header));
	rpc_reader_feed(&r, one, strlen(one));
	OK(rpc_reader_next(&r, &body, &len) == RPC_BAD_HEADER);
	free(body);
	OK(rpc_reader_next(&r, &body, &len) == RPC_MESSAGE);
	STREQ(body, "{\"a\":1}");
	free(body);
	rpc_reader_free(&r);
}

static void oversized(void)
{
	struct rpc_reader r = { 0 };
	char head[64], *body, *big = calloc(1, RPC_MAX_BODY);
	size_t len;

	snprintf(head, sizeof(head), "Content-Length: %u\r\n\r\nxyz",
		 RPC_MAX_BODY + 3);
	rpc_reader_feed(&r, head, strlen(head));
	OK(rpc_reader_next(&r, &body, &len) == RPC_BAD_HEADER);
	free(body);
	/* The rest of the big body is skipped as it comes, not kept. */
	rpc_reader_feed(&r, big, RPC_MAX_BODY);
	OK(r.len == 0);
	rpc_reader_feed(&r, one, strlen(one));
	OK(rpc_reader_next(&r, &body, &len) == RPC_MESSAGE);
	STREQ(body, "{\"a\":1}");
	free(body);
	free(big);
	rpc_reader_free(&r);
}

static void garbage_without_end(void)
{
	struct rpc_reader r = { 0 };
	char *junk = calloc(1, 10000), *body;
	size_t len;

	memset(junk, 'x', 9999);
	rpc_reader_feed(&r, junk, 9999);
	OK(rpc_reader_next(&r, &body, &len) == RPC_BAD_HEADER);
	free(body);
	rpc_reader_feed(&r, "\r\n\r\n", 4);
	OK(rpc_reader_next(&r, &body, &len) == RPC_BAD_HEADER);
	free(body);
	rpc_reader_feed(&r, one, strlen(one));
	OK(rpc_reader_next(&r, &body, &len) == RPC_MESSAGE);
	free(body);
	free(junk);
	rpc_reader_free(&r);
}

static enum rpc_kind kind(const char *s)
{
	struct rpc_message m;
	enum rpc_kind k;

	rpc_parse(s, strlen(s), &m);
	k = m.kind;
	rpc_message_free(&m);
	return k;
}

static void messages(void)
{
	OK(kind("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}") ==
	   RPC_REQUEST);
	OK(kind("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"x\",\"params\":[]}") ==
	   RPC_REQUEST);
	OK(kind("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{}}") ==
	   RPC_NOTIFICATION);
	OK(kind("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}") ==
	   RPC_RESPONSE);
	OK(kind("{\"jsonrpc\":\"2.0\",\"id\":1,") == RPC_MALFORMED);
	OK(kind("") == RPC_MALFORMED);
	OK(kind("[1]") == RPC_INVALID);
	OK(kind("{\"id\":1,\"method\":\"x\"}") == RPC_INVALID);
	OK(kind("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":3}") == RPC_INVALID);
	OK(kind("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}") ==
	   RPC_INVALID);
	OK(kind("{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":1}") ==
	   RPC_INVALID);
}

static void frames(void)
{
	json_t *m = rpc_error(NULL, RPC_METHOD_NOT_FOUND, "no");
	size_t len;
	char *p = rpc_frame(m, &len);
	const char *want = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":"
			   "{\"code\":-32601,\"message\":\"no\"}}";
	char head[64];

	snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n",
		 strlen(want));
	OK(!strncmp(p, head, strlen(head)));
	STREQ(p + strlen(head), want);
	INTEQ(len, strlen(head) + strlen(want));
	free(p);
	json_decref(m);
}

int main(void)
{
	split_reads();
	joined_reads();
	bad_header("Content-Length: x\r\n\r\n");
	bad_header("Content-Length: -1\r\n\r\n");
	bad_header("Content-Length: 99999999999999999999999\r\n\r\n");
	bad_header("Content-Type: a\r\n\r\n");
	bad_header("no colon here\r\n\r\n");
	bad_header("Content-Length: 1\r\nContent-Length: 2\r\n\r\n");
	oversized();
	garbage_without_end();
	messages();
	frames();
	return tap_done();
}
