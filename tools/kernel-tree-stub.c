// SPDX-License-Identifier: GPL-2.0-only
/*
 * kernel-tree-stub: the stand-ins of kernel-tree's compile-database build.
 *
 * kbuild runs with this program first on PATH under the names of its
 * compiler and of the LLVM tools it runs on every object.  It records each
 * compile command in a .cmd file, which is all a compile database needs;
 * the stand-ins make the steps around that cheap:
 *
 *   clang-N   a kernel compilation (-nostdinc -c -o X.o X.c or X.S)
 *             gets a copy of an empty object and a dependency file naming
 *             only the source; anything else (host programs, kbuild's
 *             option probes, and the vDSO, real-mode and purgatory code
 *             that is linked into images and needs real objects) runs
 *             the real compiler.  (For most C files kernel-tree-record.mk
 *             keeps kbuild from calling a compiler at all.)
 *   llvm-nm-N on empty objects: no symbols, as the real tool would say
 *   ld.lld-N  'ld -r' of empty objects only: an empty object
 *   llvm-ar-N GNU ar when it is installed: kbuild's archive commands
 *             suit both, and it starts in a tenth of the time
 *
 * Every LLVM tool loads the whole of libLLVM, about 0.1 s a start on this
 * kind of machine; kbuild runs several per object, so over the ten
 * thousand objects of a distribution kernel those starts, not the
 * compiler, would cost most of the time.
 *
 * The empty object is 'empty.o' in the directory of this program; the real
 * tools are found on PATH after it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char self_dir[PATH_MAX];
static char *empty;		/* the empty object's bytes */
static size_t empty_len;

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "kernel-tree-stub: %s %s: %s\n", what, arg,
		strerror(errno));
	exit(1);
}

static char *read_all(const char *path, size_t *len, size_t limit)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	char *buf;
	ssize_t n;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || (size_t)st.st_size > limit) {
		close(fd);
		return NULL;
	}
	buf = malloc(st.st_size + 1);
	n = buf ? read(fd, buf, st.st_size) : -1;
	close(fd);
	if (n != st.st_size) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static bool write_all(const char *path, const char *buf, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	bool ok;

	if (fd < 0)
		return false;
	ok = write(fd, buf, len) == (ssize_t)len;
	return !close(fd) && ok;
}

static void load_empty(void)
{
	char path[PATH_MAX + 16];

	snprintf(path, sizeof(path), "%s/empty.o", self_dir);
	empty = read_all(path, &empty_len, 1 << 20);
	if (!empty)
		die("cannot read", path);
}

/*
 * Is the file one of our empty objects?  Those kbuild's own rule wrote
 * are empty files.
 */
static bool is_empty_object(const char *path)
{
	size_t len;
	char *buf = read_all(path, &len, empty_len);
	bool same = buf && (!len || (len == empty_len && !memcmp(buf, empty, len)));

	free(buf);
	return same;
}

/* Run the real tool NAME: the first on PATH that is not this program. */
static void exec_real(const char *name, char **argv)
{
	const char *path = getenv("PATH");
	char dir[PATH_MAX], real[PATH_MAX], file[2 * PATH_MAX];

	while (path && *path) {
		size_t n = strcspn(path, ":");

		snprintf(dir, sizeof(dir), "%.*s", (int)n, n ? path : ".");
		path += n + (path[n] == ':');
		if (!realpath(dir, real) || !strcmp(real, self_dir))
			continue;
		snprintf(file, sizeof(file), "%s/%s", dir, name);
		if (!access(file, X_OK)) {
			argv[0] = file;
			execv(file, argv);
			die("cannot run", file);
		}
	}
	errno = ENOENT;
	die("no real tool on PATH for", name);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/*
 * Is the object in a directory whose objects the build itself reads (linked
 * into an image of its own, or rewritten by objcopy) and so needs real
 * ones?  kernel-tree names them, space-separated, in KERNEL_TREE_IMAGE_DIRS.
 */
static bool in_image_dir(const char *obj)
{
	const char *dirs = getenv("KERNEL_TREE_IMAGE_DIRS");

	while (!strncmp(obj, "./", 2))
		obj += 2;
	while (dirs && *dirs) {
		size_t n = strcspn(dirs, " ");

		if (n && !strncmp(obj, dirs, n) && obj[n] == '/')
			return true;
		dirs += n + (dirs[n] == ' ');
	}
	return false;
}

static int compiler(const char *name, int argc, char **argv)
{
	const char *out = NULL, *src = NULL, *dep = NULL;
	bool compile = false, kernel = false;
	struct stat st;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(a, "-c"))
			compile = true;
		else if (!strcmp(a, "-nostdinc"))
			kernel = true;
		else if (!strncmp(a, "-Wp,-MMD,", 9) || !strncmp(a, "-Wp,-MD,", 8))
			dep = strchr(a + 4, ',') + 1;
		else if (has_suffix(a, ".c") || has_suffix(a, ".S"))
			src = a;
	}
	if (!compile || !kernel || !out || !has_suffix(out, ".o") || !src ||
	    stat(src, &st) || in_image_dir(out))
		exec_real(name, argv);
	load_empty();
	if (!write_all(out, empty, empty_len))
		die("cannot write", out);
	if (dep) {
		char *line;
		int n = asprintf(&line, "%s: %s\n", out, src);

		if (n < 0 || !write_all(dep, line, n))
			die("cannot write", dep);
		free(line);
	}
	return 0;
}

/* llvm-nm FILE...: nothing to list in empty objects. */
static int nm(const char *name, int argc, char **argv)
{
	int files = 0;

	load_empty();
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-')
			continue;
		if (!is_empty_object(argv[i]))
			exec_real(name, argv);
		files++;
	}
	if (!files)
		exec_real(name, argv);
	return 0;
}

/* Does every input named in the response file hold an empty object? */
static bool response_file_all_empty(const char *path)
{
	size_t len;
	char *buf = read_all(path, &len, 1 << 24), *p, *tok;
	bool all = buf != NULL;

	if (!buf)
		return false;
	buf[len] = '\0';
	for (p = buf; all && (tok = strtok(p, " \t\n")); p = NULL)
		all = is_empty_object(tok);
	free(buf);
	return all;
}

/* ld.lld -r [-o OUT] INPUT...: of empty objects, an empty object. */
static int linker(const char *name, int argc, char **argv)
{
	const char *out = NULL;
	bool relocatable = false;
	int inputs = 0;

	load_empty();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-r") || !strcmp(a, "--relocatable")) {
			relocatable = true;
		} else if (!strcmp(a, "-o") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(a, "-m") || !strcmp(a, "-z")) {
			i++;
		} else if (a[0] == '@') {
			if (!response_file_all_empty(a + 1))
				exec_real(name, argv);
			inputs++;
		} else if (a[0] != '-') {
			if (!is_empty_object(a))
				exec_real(name, argv);
			inputs++;
		}
	}
	if (!relocatable || !out || !inputs)
		exec_real(name, argv);
	if (!write_all(out, empty, empty_len))
		die("cannot write", out);
	return 0;
}

/* llvm-ar: GNU ar, whose start costs a tenth, when it is installed. */
static int archiver(const char *name, char **argv)
{
	const char *gnu[] = { "/usr/bin/ar", "/bin/ar" };

	for (size_t i = 0; i < sizeof(gnu) / sizeof(gnu[0]); i++) {
		if (!access(gnu[i], X_OK)) {
			argv[0] = (char *)gnu[i];
			execv(gnu[i], argv);
		}
	}
	exec_real(name, argv);
	return 1;
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/');
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	name = name ? name + 1 : argv[0];
	if (n <= 0)
		die("cannot read", "/proc/self/exe");
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	*slash = '\0';
	if (!realpath(exe, self_dir))
		die("cannot resolve", exe);
	if (!strncmp(name, "llvm-nm", 7))
		return nm(name, argc, argv);
	if (!strncmp(name, "ld.lld", 6))
		return linker(name, argc, argv);
	if (!strncmp(name, "llvm-ar", 7))
		return archiver(name, argv);
	return compiler(name, argc, argv);
}
