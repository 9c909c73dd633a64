/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * An open buffer: the editor's text of one file and its version, kept in
 * step with didChange's full or incremental changes.
 */
#ifndef DRVLINT_LSP_DOCUMENT_H
#define DRVLINT_LSP_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "lsp/position.h"

struct document {
	char *uri;
	char *path; /* absolute, from the file: URI */
	char *text; /* NUL-terminated, may hold NUL bytes before len */
	size_t len;
	long version;
};

/* A document of the text (copied); false if uri is not a file: URI. */
bool document_init(struct document *d, const char *uri, const char *text,
		   size_t len, long version);
void document_free(struct document *d);
/*
 * Apply one TextDocumentContentChangeEvent: {range, text} replaces the
 * range, {text} the whole buffer.  false for a malformed change.
 */
bool document_apply(struct document *d, const json_t *change,
		    enum pos_encoding enc);
/* Read an LSP Position object; false if it is not one. */
bool json_position(const json_t *j, struct lsp_pos *pos);

/* The path of a file: URI (percent-decoded), or NULL. */
char *uri_to_path(const char *uri);
/* The file: URI of an absolute path. */
char *uri_from_path(const char *path);

#endif
