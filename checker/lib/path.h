/* SPDX-License-Identifier: GPL-2.0-only */
/* Paths as people and compile databases write them. */
#ifndef DRVLINT_LIB_PATH_H
#define DRVLINT_LIB_PATH_H

/* "a/b.c" for root "/x" and file "/x/a/b.c"; the file itself otherwise. */
const char *path_relative(const char *root, const char *file);
/* An absolute, lexically normalised path ("a/../b" folded); no symlinks resolved. */
char *path_absolute(const char *dir, const char *path);
/*
 * What path (relative to dir) names: symlinks, "..", "." and repeated or
 * trailing slashes resolved (realpath); for a path that does not exist,
 * path_absolute().  Two paths name the same file when these are equal.
 */
char *path_canonical(const char *dir, const char *path);

#endif
