/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the parts of the prefilter share: prefilter.c builds it,
 * prefilter_words.c tells its words apart, prefilter_dirs.c reads the
 * include directories, prefilter_headers.c reads the shared headers once
 * per run, prefilter_cache.c keeps their keys on disk, prefilter_unit.c
 * scans one unit and its own headers.
 */
#ifndef DRVLINT_PREFILTER_INT_H
#define DRVLINT_PREFILTER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/strset.h"
#include "lib/strvec.h"
#include "select/prefilter.h"

struct prefilter {
	struct strset keys;
	size_t headers;
	bool from_cache; /* the keys file of an earlier run */
};

/* Is the token s of length len the word w? */
bool pf_word_is(const char *s, size_t len, const char *w);
bool pf_is_tag_keyword(const char *s, size_t len);
/* "struct", "union" or "enum" if the identifier is one, else NULL. */
const char *pf_tag_keyword(const char *s, size_t len);
/* "struct X" into buf for the identifier X after a tag keyword; its length. */
size_t pf_tag_pair(char *buf, size_t size, const char *tag, const char *s,
		   size_t len);
/* Identifiers that never name a declared object. */
bool pf_decl_word(const char *s, size_t len);

/* Is s[0..len), or "tag s" after a tag keyword, a key? */
bool pf_has_key(const struct prefilter *pf, const char *s, size_t len,
		const char *tag);

/* A shared include directory: a path component named 'include'. */
bool pf_shared_dir(const char *dir);
/* The include directories of a unit, in order, absolute (not resolved). */
void pf_unit_dirs(const struct prefilter_unit *u, struct strvec *out);
/* The shared include directories of every unit, resolved. */
void pf_shared_roots(const struct prefilter_unit *units, size_t nunits,
		     struct strset *roots);

/* The shared headers below roots: a fingerprint of their names and stats. */
uint64_t pf_headers_fingerprint(const struct strset *roots, uint64_t seed,
				size_t *headers);
/* Read them and add to pf->keys what their macros and externs give. */
void pf_headers_read(struct prefilter *pf, const struct strset *roots);

/* The keys file of a fingerprint in cache_dir: loaded, or saved. */
char *pf_keys_path(const char *cache_dir, uint64_t fingerprint);
bool pf_keys_load(struct prefilter *pf, const char *path);
void pf_keys_save(const struct prefilter *pf, const char *path);

#endif
