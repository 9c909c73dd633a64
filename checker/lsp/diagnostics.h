/* SPDX-License-Identifier: GPL-2.0-only */
/* Ranges and texts that diagnostics and code actions share. */
#ifndef DRVLINT_LSP_DIAGNOSTICS_H
#define DRVLINT_LSP_DIAGNOSTICS_H

#include <stdbool.h>

#include <jansson.h>

#include "core/finding.h"
#include "lsp/position.h"

struct server;
struct lsp_doc;

/* Do a and b name the same file (compared as normalised paths)? */
bool lsp_same_file(const char *a, const char *b);
/* The LSP range of bytes [a, b) of text. */
json_t *lsp_range_json(const char *text, size_t len, size_t a, size_t b,
		       enum pos_encoding enc);
/* The range of drvlint's line:column, widened to the token there. */
json_t *lsp_token_range(const char *text, size_t len, unsigned int line,
			unsigned int column, enum pos_encoding enc);
/*
 * The text that file's positions count in: doc's checked buffer, another
 * open buffer, or the file on disk (then *owned is set; free it).
 */
const char *lsp_text_of(struct server *s, struct lsp_doc *doc, const char *file,
			size_t *len, char **owned);
/* One finding of doc as an LSP Diagnostic. */
json_t *lsp_diagnostic(struct server *s, struct lsp_doc *doc,
		       const struct finding *f);

#endif
