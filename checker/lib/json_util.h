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

/* Write 'root' pretty-printed (2 spaces, keys in insertion order). */
int json_write(FILE *out, json_t *root);

#endif
