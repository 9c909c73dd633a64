/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the JSON and SARIF reporters share: turning drvlint's strings,
 * which come from source files and need not be UTF-8, into JSON values.
 */
#ifndef DRVLINT_JSON_UTIL_H
#define DRVLINT_JSON_UTIL_H

#include <jansson.h>

/* A JSON string; invalid UTF-8 becomes U+FFFD.  NULL gives JSON null. */
json_t *json_text(const char *s);

/*
 * Bytes that must come back exactly (paths are bytes, not text): o[key]
 * is json_text(s), and when s is not valid UTF-8, o[key + "_bytes"] is s
 * percent-encoded (every byte outside '!'..'~', and '%', as %XX), which
 * json_get_bytes() decodes.  Valid UTF-8 adds nothing.
 */
void json_set_bytes(json_t *o, const char *key, const char *s);
/* s back, malloc'ed; NULL when o[key] is no string (and no _bytes). */
char *json_get_bytes(json_t *o, const char *key);

/* Write 'root' pretty-printed (2 spaces, keys in insertion order). */
int json_write(FILE *out, json_t *root);

#endif
