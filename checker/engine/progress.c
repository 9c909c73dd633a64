// SPDX-License-Identifier: GPL-2.0-only
/* Progress lines on stderr (see progress.h). */
#include <stdio.h>

#include "engine/pool.h"
#include "engine/progress.h"

void progress_start(struct progress *p, size_t total)
{
	p->total = total;
	p->done = p->nfindings = p->ncached = 0;
	p->start = pool_now();
	p->last = 0;
}

static void unit_line(const struct progress *p, const struct progress_unit *u)
{
	const char *why = u->cache_why, *key = u->passed_by;

	fprintf(stderr, "drvlint: [%zu/%zu] %s: %s%s%s%s%s%s%s, %zu findings\n",
		p->done, p->total, u->file, u->outcome, why ? " (cache: " : "",
		why ? why : "", why ? ")" : "", key ? " (prefilter: " : "",
		key ? key : "", key ? ")" : "", u->nfindings);
}

static void status_line(struct progress *p, double t)
{
	double elapsed = t - p->start;
	double rate = elapsed > 0 ? p->done / elapsed : 0;
	double left = rate > 0 ? (p->total - p->done) / rate : 0;

	fprintf(stderr, "%s[%zu/%zu] %.1f units/s, %.0fs left, %zu findings",
		p->tty ? "\r\033[K" : "drvlint: ", p->done, p->total, rate,
		left, p->nfindings);
	if (p->ncached)
		fprintf(stderr, ", %zu from the cache", p->ncached);
	fputs(p->tty && p->done < p->total ? "" : "\n", stderr);
	p->last = t;
}

void progress_unit(struct progress *p, const struct progress_unit *u)
{
	double t = pool_now();

	p->done++;
	p->nfindings += u->nfindings;
	p->ncached += u->cached;
	if (p->verbose)
		unit_line(p, u);
	else if (p->show &&
		 (t - p->last > (p->tty ? 0.2 : 5) || p->done == p->total))
		status_line(p, t);
}
