/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Why a unit could not be checked, said so that a user can act on it:
 * libclang's error code, the first error the parse reported, and the
 * clang command line that reproduces the parse in the unit's directory.
 */
#ifndef DRVLINT_PARSE_FAILURE_H
#define DRVLINT_PARSE_FAILURE_H

#include <stdbool.h>

#include <clang-c/Index.h>

#include "core/finding.h"
#include "engine/units.h"

/* "CXError_ASTReadError" and the like. */
const char *parse_failure_code_name(enum CXErrorCode code);

/*
 * Record why the parse of u failed: code is libclang's result, tu the
 * unit it gave (NULL if none).  With code CXError_Success, the first
 * error diagnostic of tu, if any.  true if a failure was recorded.
 */
bool parse_failure_record(struct failure_list *out, const struct unit *u,
			  enum CXErrorCode code, CXTranslationUnit tu);

/*
 * The first error diagnostic of tu as a failure, placed in file_name if
 * it has no place of its own; false if tu reported no error.
 */
bool parse_failure_first_error(struct failure_list *out, const char *file_name,
			       CXTranslationUnit tu);

/* "cd DIR && clang -fsyntax-only ARGS FILE", shell-quoted; to free. */
char *parse_failure_command(const struct unit *u);

#endif
