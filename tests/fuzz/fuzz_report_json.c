// SPDX-License-Identifier: GPL-2.0-only
/* seeds: tests/fuzz/seeds/report */
/*
 * The readers of drvlint's own JSON: reports and shards ('drvlint merge',
 * the result cache) and baselines.  Any bytes are read or refused, never
 * a crash, a leak or undefined behaviour.  The readers take a path: the
 * input is handed over as a memory file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/report.h"
#include "out/gate.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const rules[] = { "const-driver-struct",
				     "id-table-sentinel" };
#define NRULES (sizeof(rules) / sizeof(rules[0]))

static int input_fd = -1;
static char input_path[64];

static void read_report(void)
{
	struct check_stat stats[] = { { .rule = "id-table-sentinel",
					.name = "tables" } };
	struct report r = { .stats = stats, .nstats = 1 };
	struct fact_list facts[NRULES] = { 0 };
	char err[512];

	report_read_json(input_path, &r, rules, NRULES, facts, err,
			 sizeof(err));
	for (size_t k = 0; k < NRULES; k++)
		fact_list_free(&facts[k]);
	r.stats = NULL;
	report_release(&r);
}

static void read_baseline(void)
{
	struct finding_list fl = { 0 };
	size_t dropped;
	char err[512];

	finding_add(&fl, "id-table-sentinel", SEV_WARNING, "/src/tree/t.c", 6,
		    34, "t_ids", "m");
	finding_add(&fl, "id-table-sentinel", SEV_WARNING, "/src/tree/t\xe9.c",
		    6, 34, NULL, "m");
	baseline_filter(input_path, &fl, "/src/tree", &dropped, err,
			sizeof(err));
	finding_list_free(&fl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (input_fd < 0) {
		input_fd = memfd_create("fuzz-report", 0);
		if (input_fd < 0)
			abort();
		snprintf(input_path, sizeof(input_path), "/proc/self/fd/%d",
			 input_fd);
	}
	if (ftruncate(input_fd, 0) ||
	    pwrite(input_fd, data, size, 0) != (ssize_t)size)
		abort();
	read_report();
	read_baseline();
	return 0;
}
