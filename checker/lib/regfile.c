// SPDX-License-Identifier: GPL-2.0-only
/*
 * O_NONBLOCK makes opening a FIFO return at once (the open of a FIFO
 * without a writer would wait for one); fstat() on what was opened then
 * says what it is, without a race between a stat and the open.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/regfile.h"
#include "lib/util.h"

/* Up to max + 1 bytes of fd into *buf: more than max says "too big". */
static ssize_t read_all(int fd, size_t size, size_t max, char **buf)
{
	size_t n = 0, cap = size + 1;

	*buf = xmalloc(cap + 1);
	for (;;) {
		ssize_t got;

		if (n == cap) {
			if (n > max)
				break;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			*buf = xrealloc(*buf, cap + 1);
		}
		got = read(fd, *buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		n += (size_t)got;
	}
	(*buf)[n] = '\0';
	return (ssize_t)n;
}

/* Close fd, drop *text, say why with errno set to err. */
static const char *refuse(int fd, char **text, int err, const char *why)
{
	close(fd);
	free(*text);
	*text = NULL;
	errno = err;
	return why;
}

const char *read_regular(const char *path, int flags, size_t max, char **text,
			 size_t *len)
{
	int oflags = O_RDONLY | O_NONBLOCK | O_CLOEXEC;
	struct stat st;
	ssize_t n;
	int fd;

	*text = NULL;
	if (flags & REGFILE_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	fd = open(path, oflags);
	if (fd < 0)
		return errno == ELOOP && (flags & REGFILE_NOFOLLOW) ?
			       "a symbolic link" :
			       strerror(errno);
	if (fstat(fd, &st))
		return refuse(fd, text, errno, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return refuse(fd, text, EINVAL, "not a regular file");
	if ((size_t)st.st_size > max)
		return refuse(fd, text, EFBIG, "too large");
	n = read_all(fd, (size_t)st.st_size, max, text);
	if (n < 0)
		return refuse(fd, text, errno, strerror(errno));
	if ((size_t)n > max)
		return refuse(fd, text, EFBIG, "too large");
	close(fd);
	*len = (size_t)n;
	return NULL;
}
