// SPDX-License-Identifier: GPL-2.0-only
/*
 * The server's settings, from the command line, initializationOptions
 * and workspace/didChangeConfiguration, named as the command line's
 * options: checks, engine (clang, or all: Coccinelle too, on save),
 * spatch, cocci-dir, run (onType or onSave), debounce (ms), build-dir,
 * compile-flags-add, compile-flags-remove, cache-dir, rules-dir.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lsp/config.h"

void config_free(struct lsp_config *c)
{
	free(c->build_dir);
	free(c->checks);
	free(c->rules_dir);
	free(c->cache_dir);
	free(c->engine);
	free(c->spatch);
	free(c->cocci_dir);
	strvec_free(&c->flags_add);
	strvec_free(&c->flags_remove);
	memset(c, 0, sizeof(*c));
}

static void set_string(char **dst, const json_t *v)
{
	if (json_is_null(v)) {
		free(*dst);
		*dst = NULL;
	} else if (json_is_string(v)) {
		free(*dst);
		*dst = xstrdup(json_string_value(v));
	}
}

static void set_list(struct strvec *dst, const json_t *v)
{
	size_t i;
	json_t *s;

	if (!json_is_array(v))
		return;
	strvec_free(dst);
	json_array_foreach(v, i, s) if (json_is_string(s))
		strvec_push(dst, json_string_value(s));
}

int config_apply(struct lsp_config *c, const json_t *o, char *err,
		 size_t errlen)
{
	const json_t *v;

	if (json_is_object(json_object_get(o, "drvlint")))
		o = json_object_get(o, "drvlint");
	if (!json_is_object(o))
		return 0;
	set_string(&c->build_dir, json_object_get(o, "build-dir"));
	set_string(&c->checks, json_object_get(o, "checks"));
	set_string(&c->rules_dir, json_object_get(o, "rules-dir"));
	set_string(&c->cache_dir, json_object_get(o, "cache-dir"));
	set_string(&c->engine, json_object_get(o, "engine"));
	set_string(&c->spatch, json_object_get(o, "spatch"));
	set_string(&c->cocci_dir, json_object_get(o, "cocci-dir"));
	set_list(&c->flags_add, json_object_get(o, "compile-flags-add"));
	set_list(&c->flags_remove, json_object_get(o, "compile-flags-remove"));
	v = json_object_get(o, "run");
	if (json_is_string(v)) {
		if (!strcmp(json_string_value(v), "onSave"))
			c->on_save = true;
		else if (!strcmp(json_string_value(v), "onType"))
			c->on_save = false;
		else
			return set_error(
				err, errlen,
				"run: '%s' is neither onType nor onSave",
				json_string_value(v));
	}
	v = json_object_get(o, "debounce");
	if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= 60000)
		c->debounce_ms = (int)json_integer_value(v);
	else if (v)
		return set_error(
			err, errlen,
			"debounce: expected milliseconds (0 to 60000)");
	if (c->engine && strcmp(c->engine, "clang") &&
	    strcmp(c->engine, "all")) {
		set_error(
			err, errlen,
			"engine '%s': the language server runs 'clang' (as you type) or 'all' (and Coccinelle on save)",
			c->engine);
		free(c->engine);
		c->engine = NULL;
		return -1;
	}
	return 0;
}

bool config_cocci(const struct lsp_config *c)
{
	return c->engine && !strcmp(c->engine, "all");
}
