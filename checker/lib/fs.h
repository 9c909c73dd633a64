/* SPDX-License-Identifier: GPL-2.0-only */
/* Walking directories, writing files whole. */
#ifndef DRVLINT_LIB_FS_H
#define DRVLINT_LIB_FS_H

#include <stddef.h>

#include "lib/strvec.h"

/*
 * Every regular file below dir whose name ends in suffix, in name order,
 * skipping hidden entries.  Symlinks are followed; each directory is
 * walked and each file listed once (by device and inode), under the
 * first name that reaches it.
 */
void find_files(const char *dir, const char *suffix, struct strvec *out);

/*
 * Write data to path through a temporary file beside it and a rename:
 * readers see the old contents or the new, never a part.  0 or -1.
 */
int fs_write_atomic(const char *path, const char *data, size_t len);

/* mkdir -p: 0, or -1 with errno. */
int fs_make_directory(const char *dir);

#endif
