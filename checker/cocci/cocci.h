/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Coccinelle engine: run cocci/<rule>.cocci in report mode under
 * spatch over the units' files and read its report lines back as
 * findings tagged "cocci".
 */
#ifndef DRVLINT_COCCI_H
#define DRVLINT_COCCI_H

#include <stdbool.h>

#include "core/finding.h"
#include "core/report.h"
#include "engine/units.h"

struct cocci_config {
	const char *spatch; /* program name or path */
	const char *cocci_dir; /* where <rule>.cocci live */
	const char *const *rules; /* enabled rule ids (static strings) */
	char *const *paths; /* the files and directories given */
	size_t npaths;
	size_t nrules;
	int jobs;
	bool select; /* give spatch only the files it can match */
	bool verbose;
};

/*
 * Findings of every enabled rule into r->findings; a file that is not a
 * regular file or that spatch could not parse into r->failures (see
 * spatch_errors.h); what the engine did into r->cocci.  -1 with err
 * when spatch cannot be run at all (not installed, a rule without its
 * script, spatch fails on a script).
 */
int cocci_run(const struct unit_list *ul, const struct cocci_config *cfg,
	      struct report *r, char *err, size_t errlen);

/*
 * A finding both engines report (same rule, file and line) is kept once:
 * the libclang one, which carries notes and fixes, tagged "clang+cocci".
 */
void cocci_merge(struct finding_list *findings);

/* Parse one spatch report line "file:line:col-col: message"; for tests. */
bool cocci_parse_line(const char *line, char **file, unsigned int *lineno,
		      unsigned int *column, char **message);

#endif
