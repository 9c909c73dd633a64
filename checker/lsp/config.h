/* SPDX-License-Identifier: GPL-2.0-only */
/* The language server's settings (see config.c for the names). */
#ifndef DRVLINT_LSP_CONFIG_H
#define DRVLINT_LSP_CONFIG_H

#include <stdbool.h>

#include <jansson.h>

#include "lib/strvec.h"

struct lsp_config {
	char *build_dir; /* -p, "build-dir" */
	char *checks; /* "checks", as --checks= */
	char *rules_dir; /* NULL: the installed rules */
	char *cache_dir; /* whose manifests name a header's includers */
	char *engine; /* "clang", or "all": Coccinelle too, on save */
	char *spatch; /* "spatch", as --spatch */
	char *cocci_dir; /* "cocci-dir", as --cocci-dir */
	bool on_save; /* "run": "onSave" */
	int debounce_ms; /* "debounce" */
	struct strvec flags_add, flags_remove;
};

/*
 * Take the settings o names (o itself or o.drvlint); others stay.
 * -1 with err for a value that cannot be used (the rest is applied).
 */
/* Does the configuration run the Coccinelle engine on save? */
bool config_cocci(const struct lsp_config *c);

int config_apply(struct lsp_config *c, const json_t *o, char *err,
		 size_t errlen);
void config_free(struct lsp_config *c);

#endif
