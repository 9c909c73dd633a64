// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run external programs.  posix_spawn with pipes, read with poll() so that
 * a program filling stderr while we wait on stdout cannot deadlock.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/program.h"
#include "lib/util.h"

extern char **environ;

bool spawn_found(const char *prog)
{
	const char *path = getenv("PATH");
	char *copy, *save, *dir;
	bool found = false;

	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0;
	copy = xstrdup(path ? path : "/usr/bin:/bin");
	for (dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *p = xasprintf("%s/%s", *dir ? dir : ".", prog);
		struct stat st;

		found = !stat(p, &st) && S_ISREG(st.st_mode) &&
			access(p, X_OK) == 0;
		free(p);
	}
	free(copy);
	return found;
}

struct sink {
	int fd;
	char **buf;
	size_t *len, cap;
};

static bool drain(struct sink *s)
{
	ssize_t got;

	GROW(*s->buf, s->cap, *s->len + 65536);
	got = read(s->fd, *s->buf + *s->len, s->cap - *s->len - 1);
	if (got < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	if (got <= 0)
		return false;
	*s->len += got;
	(*s->buf)[*s->len] = '\0';
	return true;
}

static void collect(int out_fd, int err_fd, struct spawn_result *res)
{
	struct sink sinks[2] = {
		{ out_fd, &res->out, &res->out_len, 0 },
		{ err_fd, &res->err, &res->err_len, 0 },
	};
	bool open_[2] = { true, true };

	res->out = xstrdup("");
	res->err = xstrdup("");
	sinks[0].cap = sinks[1].cap = 1;
	while (open_[0] || open_[1]) {
		struct pollfd pfd[2];
		int n = 0, map[2];

		for (int i = 0; i < 2; i++) {
			if (!open_[i])
				continue;
			pfd[n] = (struct pollfd){ .fd = sinks[i].fd,
						  .events = POLLIN };
			map[n++] = i;
		}
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int k = 0; k < n; k++)
			if (pfd[k].revents && !drain(&sinks[map[k]]))
				open_[map[k]] = false;
	}
}

static size_t count(const char *const *v)
{
	size_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

/* The argument vector of cmd, NULL-ended; NULL with err if refused. */
static char **build_argv(const struct spawn_cmd *cmd, char *err, size_t errlen)
{
	size_t nopt = count(cmd->options), nops = count(cmd->operands), n = 0;
	char **argv = xcalloc(nopt + nops + 3, sizeof(*argv));

	argv[n++] = (char *)cmd->prog;
	for (size_t i = 0; i < nopt; i++)
		argv[n++] = (char *)cmd->options[i];
	if (cmd->end_of_options && nops)
		argv[n++] = (char *)cmd->end_of_options;
	for (size_t i = 0; i < nops; i++) {
		if (!cmd->end_of_options && cmd->operands[i][0] == '-') {
			set_error(err, errlen,
				  "%s: '%s' would be taken for an option",
				  cmd->prog, cmd->operands[i]);
			free(argv);
			return NULL;
		}
		argv[n++] = (char *)cmd->operands[i];
	}
	argv[n] = NULL;
	return argv;
}

static int spawn_argv(char *const argv[], struct spawn_result *res, char *err,
		      size_t errlen)
{
	posix_spawn_file_actions_t fa;
	int out[2], errp[2], wstatus, rc;
	pid_t pid;

	if (!spawn_found(argv[0]))
		return set_error(err, errlen, "%s: command not found", argv[0]);
	if (pipe2(out, O_CLOEXEC))
		return set_error(err, errlen, "pipe: %s", strerror(errno));
	if (pipe2(errp, O_CLOEXEC)) {
		close(out[0]);
		close(out[1]);
		return set_error(err, errlen, "pipe: %s", strerror(errno));
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(out[1]);
	close(errp[1]);
	if (rc) {
		close(out[0]);
		close(errp[0]);
		return set_error(err, errlen, "%s: %s", argv[0], strerror(rc));
	}
	collect(out[0], errp[0], res);
	close(out[0]);
	close(errp[0]);
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	res->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) :
					   128 + WTERMSIG(wstatus);
	return 0;
}

int spawn_run(const struct spawn_cmd *cmd, struct spawn_result *res, char *err,
	      size_t errlen)
{
	char **argv;
	int ret;

	memset(res, 0, sizeof(*res));
	argv = build_argv(cmd, err, errlen);
	if (!argv)
		return -1;
	ret = spawn_argv(argv, res, err, errlen);
	free(argv);
	return ret;
}

void spawn_result_free(struct spawn_result *res)
{
	free(res->out);
	free(res->err);
	memset(res, 0, sizeof(*res));
}

char *spawn_command_line(const struct spawn_cmd *cmd)
{
	char err[256], **argv = build_argv(cmd, err, sizeof(err));
	char *line = xstrdup("");

	if (!argv)
		return xstrdup(err);
	for (int i = 0; argv[i]; i++) {
		bool plain = argv[i][0] &&
			     strspn(argv[i],
				    "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "0123456789-_=./,:+@%") == strlen(argv[i]);
		char *next = xasprintf(plain ? "%s%s%s" : "%s%s'%s'", line,
				       i ? " " : "", argv[i]);

		free(line);
		line = next;
	}
	free(argv);
	return line;
}
