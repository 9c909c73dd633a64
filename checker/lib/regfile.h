/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading a file that must be a regular file: a source, a cache entry.
 * Never blocks on a FIFO or a device, never reads without bound.
 */
#ifndef DRVLINT_LIB_REGFILE_H
#define DRVLINT_LIB_REGFILE_H

#include <stdbool.h>
#include <stddef.h>

#define REGFILE_NOFOLLOW 1 /* refuse a symlink as the last component */

/*
 * The whole file, NUL-terminated (*text is owned, *len its length), if
 * it is a regular file of at most max bytes: NULL then.  Otherwise what
 * is wrong, a static string ("not a regular file", "larger than ...",
 * or strerror(errno), errno set).
 */
const char *read_regular(const char *path, int flags, size_t max, char **text,
			 size_t *len);

#endif
