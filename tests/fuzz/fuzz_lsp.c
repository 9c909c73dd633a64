// SPDX-License-Identifier: GPL-2.0-only
/* seeds: tests/lsp/seeds */
/*
 * The language server's input side: any bytes, in any pieces, go through
 * the framing, the JSON-RPC parse and the buffer edits of didOpen and
 * didChange without a crash, and the reader always makes progress.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lsp/document.h"
#include "lsp/rpc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_message(struct document *doc, bool *open, const char *body,
		       size_t len)
{
	struct rpc_message m;
	const json_t *td, *changes, *c;
	enum pos_encoding enc = len & 1 ? POS_UTF8 : POS_UTF16;
	size_t i;
	json_t *reply;
	char *packet;

	rpc_parse(body, len, &m);
	reply = rpc_error(m.id, RPC_INVALID_REQUEST, "x");
	packet = rpc_frame(reply, &i);
	free(packet);
	json_decref(reply);
	td = json_object_get(m.params, "textDocument");
	if (!*open && json_is_string(json_object_get(td, "text")) &&
	    json_is_string(json_object_get(td, "uri")))
		*open = document_init(
			doc, json_string_value(json_object_get(td, "uri")),
			json_string_value(json_object_get(td, "text")),
			json_string_length(json_object_get(td, "text")), 1);
	changes = json_object_get(m.params, "contentChanges");
	json_array_foreach(changes, i, c) if (*open)
		document_apply(doc, c, enc);
	if (*open) {
		struct lsp_pos p = pos_from_offset(doc->text, doc->len,
						   len % (doc->len + 1), enc);

		pos_to_offset(doc->text, doc->len, p, enc);
		pos_line_column_offset(doc->text, doc->len, p.line + 1,
				       p.character + 1);
	}
	rpc_message_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rpc_reader r = { 0 };
	struct document doc;
	bool open = false;
	size_t pos = 0, step = size ? (size_t)data[0] % 64 + 1 : 1;

	while (pos < size) {
		size_t n = size - pos < step ? size - pos : step;
		enum rpc_read got;
		char *body;
		size_t len;

		rpc_reader_feed(&r, (const char *)data + pos, n);
		pos += n;
		while ((got = rpc_reader_next(&r, &body, &len)) !=
		       RPC_NEED_MORE) {
			if (got == RPC_MESSAGE)
				on_message(&doc, &open, body, len);
			free(body);
		}
	}
	if (open)
		document_free(&doc);
	rpc_reader_free(&r);
	return 0;
}
