/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What shapes a unit's findings and facts besides the unit itself: this
 * very build of drvlint (a rebuilt one may check differently), libclang,
 * the rules files and the checks' switches.  The result cache and the
 * tree's record are keyed by it.
 */
#ifndef DRVLINT_ENGINE_FINGERPRINT_H
#define DRVLINT_ENGINE_FINGERPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * switches[0..n) in any order ("rule:name").  false if the build or the
 * rules cannot be read: then nothing may be cached or recorded.
 */
bool engine_fingerprint(const char *rules_dir, char *const *switches,
			size_t nswitches, uint64_t *out);

#endif
