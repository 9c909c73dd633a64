// SPDX-License-Identifier: GPL-2.0-only
/*
 * The choice of format: one writer per format, picked here.
 */
#include <stdio.h>

#include "core/report.h"

int report_write(FILE *out, const struct report *r, enum report_format fmt)
{
	switch (fmt) {
	case FORMAT_JSON:
		return report_write_json(out, r);
	case FORMAT_SARIF:
		return report_write_sarif(out, r);
	default:
		return report_write_text(out, r);
	}
}
