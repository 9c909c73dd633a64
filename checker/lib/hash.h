/* SPDX-License-Identifier: GPL-2.0-only */
/* Hashing bytes, strings, files and directories (see hash.c). */
#ifndef DRVLINT_LIB_HASH_H
#define DRVLINT_LIB_HASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * A 64-bit hash of data, in the spirit of FNV-1a but a word at a time:
 * every step is a bijection of the state, so inputs of one length that
 * differ in a single 8-byte word never collide.  Not for adversaries.
 */
uint64_t hash_bytes(const void *data, size_t len, uint64_t seed);
/* Chain a string into h, its terminating NUL included. */
uint64_t hash_string(uint64_t h, const char *s);
/* The contents of a file, chained into h; -1 with errno if unreadable. */
int hash_file(const char *path, uint64_t *h);
/* Name and contents of every regular file in dir, in name order. */
int hash_directory(const char *dir, uint64_t *h);

#endif
