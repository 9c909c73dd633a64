/* SPDX-License-Identifier: GPL-2.0-only */
/* Walking directories. */
#ifndef DRVLINT_LIB_FS_H
#define DRVLINT_LIB_FS_H

#include "lib/strvec.h"

/* Every file below dir whose name ends in suffix, in name order,
 * skipping hidden directories. */
void find_files(const char *dir, const char *suffix, struct strvec *out);

#endif
