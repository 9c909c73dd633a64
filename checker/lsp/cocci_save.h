/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Coccinelle engine on a saved buffer: spatch reads a copy of the
 * editor's text (never the file in the tree), and its findings are
 * named for the file again.
 */
#ifndef DRVLINT_LSP_COCCI_SAVE_H
#define DRVLINT_LSP_COCCI_SAVE_H

#include <stddef.h>

#include "core/finding.h"
#include "lsp/analysis.h"

struct cocci_save {
	const char *path; /* the file the buffer is of */
	const char *text;
	size_t len;
	const char *spatch; /* NULL: "spatch" */
	const char *cocci_dir; /* NULL: the installed cocci/ */
};

/* Findings of the enabled checks' scripts into out; -1 with err. */
int cocci_on_save(const struct cocci_save *cs, const struct checker *ck,
		  struct finding_list *out, char *err, size_t errlen);

#endif
