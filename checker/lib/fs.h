/* SPDX-License-Identifier: GPL-2.0-only */
/* Walking directories. */
#ifndef DRVLINT_LIB_FS_H
#define DRVLINT_LIB_FS_H

#include "lib/strvec.h"

/*
 * Every regular file below dir whose name ends in suffix, in name order,
 * skipping hidden entries.  Symlinks are followed; each directory is
 * walked and each file listed once (by device and inode), under the
 * first name that reaches it.
 */
void find_files(const char *dir, const char *suffix, struct strvec *out);

#endif
