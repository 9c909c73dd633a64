// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the server's threads write: packets to the client, one at a time,
 * and lines to the log; and the clock they all go by.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "lsp/rpc.h"
#include "lsp/server.h"

double lsp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void lsp_log(struct server *s, const char *fmt, ...)
{
	struct timespec ts;
	va_list ap;

	if (!s->log)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	va_start(ap, fmt);
	flockfile(s->log);
	fprintf(s->log, "[%ld.%03ld] ", (long)ts.tv_sec, ts.tv_nsec / 1000000L);
	vfprintf(s->log, fmt, ap);
	fputc('\n', s->log);
	fflush(s->log);
	funlockfile(s->log);
	va_end(ap);
}

void lsp_send(struct server *s, json_t *msg)
{
	size_t len, done = 0;
	char *packet = rpc_frame(msg, &len);

	json_decref(msg);
	if (!packet)
		return;
	pthread_mutex_lock(&s->out_lock);
	while (done < len) {
		ssize_t w = write(s->out_fd, packet + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break; /* the client is gone; reading will see it */
		done += (size_t)w;
	}
	pthread_mutex_unlock(&s->out_lock);
	free(packet);
}
