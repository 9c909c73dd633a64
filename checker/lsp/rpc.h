/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The language server's wire: JSON-RPC 2.0 messages in Content-Length
 * framed packets.  The reader takes bytes as they come (a packet may
 * arrive in pieces or several at once) and never gives up on the
 * stream: a bad header block is dropped and reading goes on after it.
 */
#ifndef DRVLINT_LSP_RPC_H
#define DRVLINT_LSP_RPC_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* JSON-RPC and LSP error codes. */
#define RPC_PARSE_ERROR -32700
#define RPC_INVALID_REQUEST -32600
#define RPC_METHOD_NOT_FOUND -32601
#define RPC_INVALID_PARAMS -32602
#define RPC_INTERNAL_ERROR -32603
#define RPC_SERVER_NOT_INITIALIZED -32002

/* The largest body accepted; a bigger one is skipped. */
#define RPC_MAX_BODY (64u << 20)

struct rpc_reader {
	char *buf;
	size_t len, cap;
	size_t skip; /* body bytes still to discard (an oversized packet) */
};

enum rpc_read {
	RPC_NEED_MORE, /* no whole packet yet */
	RPC_MESSAGE, /* *body holds one packet's body */
	RPC_BAD_HEADER, /* a header block was dropped; *body says why */
};

void rpc_reader_feed(struct rpc_reader *r, const char *data, size_t n);
/*
 * The next packet.  *body is malloc'ed (free it) and NUL-terminated;
 * for RPC_BAD_HEADER it is a message for the log.
 */
enum rpc_read rpc_reader_next(struct rpc_reader *r, char **body, size_t *len);
void rpc_reader_free(struct rpc_reader *r);

/* What one packet's body is. */
enum rpc_kind {
	RPC_REQUEST, /* method and id */
	RPC_NOTIFICATION, /* method, no id */
	RPC_RESPONSE, /* id and result or error: ignored by the server */
	RPC_MALFORMED, /* not JSON: answer RPC_PARSE_ERROR */
	RPC_INVALID, /* JSON, not a message: answer RPC_INVALID_REQUEST */
};

struct rpc_message {
	enum rpc_kind kind;
	json_t *root; /* owned; NULL when malformed */
	const char *method; /* in root */
	json_t *id; /* in root, or NULL */
	json_t *params; /* in root, or NULL */
};

void rpc_parse(const char *body, size_t len, struct rpc_message *m);
void rpc_message_free(struct rpc_message *m);

/* Messages to send: id is borrowed, result and params are taken over. */
json_t *rpc_result(json_t *id, json_t *result);
json_t *rpc_error(json_t *id, int code, const char *message);
json_t *rpc_notification(const char *method, json_t *params);

/* The framed packet of msg (not consumed); malloc'ed, *len set. */
char *rpc_frame(const json_t *msg, size_t *len);

#endif
