// SPDX-License-Identifier: GPL-2.0-only
/*
 * kbuild runs drvlint once per file, so a note about the build (the
 * compiler options dropped) would come once per file.  Under make, the
 * notes already said in this make's process group are kept in a small
 * file in the cache directory and not said again: once per option per
 * make run.  A make in an interactive shell has a process group of its
 * own; one in a script shares the script's, so a second make there says
 * nothing new.  Without make or a cache, each process says its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "cli/run.h"
#include "lib/fs.h"
#include "lib/regfile.h"
#include "lib/util.h"

/* The start time of process pid (field 22 of /proc/PID/stat), or 0. */
static unsigned long long start_time(pid_t pid)
{
	char path[64], buf[1024];
	unsigned long long t = 0;
	const char *p;
	FILE *f;
	size_t n;
	int field = 2;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')'); /* the name may hold spaces */
	while (p && *p && field < 22) {
		p = strchr(p + 1, ' ');
		field++;
	}
	if (p && sscanf(p, " %llu", &t) != 1)
		t = 0;
	return t;
}

/* Drop the records of process groups that are gone. */
static void tidy(const char *dir)
{
	struct strvec names = { 0 };

	find_files(dir, ".said", &names);
	for (size_t i = 0; i < names.n; i++) {
		const char *base = strrchr(names.v[i], '/');
		int pgid = atoi(base ? base + 1 : names.v[i]);

		if (pgid > 0 && kill(-pgid, 0) && errno == ESRCH)
			unlink(names.v[i]);
	}
	strvec_free(&names);
}

/*
 * What a note is known by: the option, but a dependency file's name
 * (-Wp,-MMD,drivers/hwmon/.lm75.o.d) differs for every file and is the
 * same note.
 */
static size_t key_length(const char *note)
{
	static const char *const per_file[] = { "-Wp,-MMD,", "-Wp,-MD," };

	for (size_t i = 0; i < sizeof(per_file) / sizeof(per_file[0]); i++)
		if (!strncmp(note, per_file[i], strlen(per_file[i])))
			return strlen(per_file[i]);
	return strlen(note);
}

/* Remove from notes what this make run said already; record the rest. */
void said_filter(const char *cache_dir, struct strvec *notes)
{
	pid_t pgid = getpgrp();
	char *dir, *path, *text = NULL;
	struct strvec keep = { 0 };
	size_t len = 0;
	int fd;

	if (!cache_dir || !getenv("MAKELEVEL") || !notes->n)
		return;
	dir = xasprintf("%s/said", cache_dir);
	path = xasprintf("%s/%d.%llu.said", dir, (int)pgid, start_time(pgid));
	if (fs_make_directory(dir) == 0)
		tidy(dir);
	fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,
		  0666);
	if (fd < 0 || flock(fd, LOCK_EX))
		goto out;
	read_regular(path, REGFILE_NOFOLLOW, 1 << 20, &text, &len);
	for (size_t i = 0; i < notes->n; i++) {
		const char *v = notes->v[i];
		size_t n = key_length(v);
		bool seen = false;

		for (const char *p = text; p && !seen && p < text + len;) {
			const char *nl =
				memchr(p, '\n', (size_t)(text + len - p));
			size_t l = nl ? (size_t)(nl - p) :
					(size_t)(text + len - p);

			seen = l == n && !memcmp(p, v, n);
			p += l + 1;
		}
		if (!seen) {
			strvec_push(&keep, v);
			if (write(fd, v, n) < 0 || write(fd, "\n", 1) < 0)
				break;
		}
	}
	strvec_free(notes);
	*notes = keep;
out:
	if (fd >= 0)
		close(fd);
	free(text);
	free(path);
	free(dir);
}
