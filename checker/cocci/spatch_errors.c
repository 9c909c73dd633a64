// SPDX-License-Identifier: GPL-2.0-only
/* Reading spatch's parse errors (see spatch_errors.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cocci/spatch_errors.h"
#include "lib/regfile.h"
#include "lib/util.h"

#define FILE_PREFIX " = File \""
#define AROUND_PREFIX "  around = '"

/* Sources this big are not looked into for macro definitions. */
#define SOURCE_MAX (64u << 20)

/* The line of text (1-based) as [*start, *end); false if there is none. */
static bool find_line(const char *text, size_t len, unsigned int line,
		      size_t *start, size_t *end)
{
	size_t pos = 0;

	for (unsigned int l = 1; l < line; l++) {
		const char *nl = memchr(text + pos, '\n', len - pos);

		if (!nl)
			return false;
		pos = (size_t)(nl - text) + 1;
	}
	*start = pos;
	*end = pos;
	while (*end < len && text[*end] != '\n')
		(*end)++;
	return true;
}

/* Does the line before start end with a backslash (a continuation)? */
static bool continues(const char *text, size_t start)
{
	size_t e = start;

	if (e < 1)
		return false;
	e--; /* its newline */
	if (e > 0 && text[e - 1] == '\r')
		e--;
	return e > 0 && text[e - 1] == '\\';
}

/* Is the line a part of a preprocessor directive (a #define's body)? */
static bool in_directive(const char *path, unsigned int line)
{
	size_t len, start, end;
	char *text;
	bool ret = false;

	if (read_regular(path, 0, SOURCE_MAX, &text, &len))
		return false;
	if (find_line(text, len, line, &start, &end)) {
		while (continues(text, start)) {
			/* Back to the start of the line before. */
			start--;
			while (start > 0 && text[start - 1] != '\n')
				start--;
		}
		while (start < end &&
		       (text[start] == ' ' || text[start] == '\t'))
			start++;
		ret = start < end && text[start] == '#';
	}
	free(text);
	return ret;
}

const struct spatch_error *spatch_error_of(const struct spatch_errors *errs,
					   const char *file)
{
	for (size_t i = 0; i < errs->n; i++)
		if (!strcmp(errs->v[i].file, file))
			return &errs->v[i];
	return NULL;
}

/* Keep the earliest error of each file. */
static void add_error(struct spatch_errors *errs, char *file, unsigned int line,
		      unsigned int column, char *around)
{
	struct spatch_error *e =
		(struct spatch_error *)spatch_error_of(errs, file);

	if (e && (e->line < line || (e->line == line && e->column <= column))) {
		free(file);
		free(around);
		return;
	}
	if (e) {
		free(e->file);
		free(e->around);
	} else {
		GROW(errs->v, errs->cap, errs->n);
		e = &errs->v[errs->n++];
	}
	*e = (struct spatch_error){ file, line, column, around };
}

/* The token of an "around = '...'," line, or NULL. */
static char *around_token(const char *line, size_t len)
{
	size_t n = strlen(AROUND_PREFIX);

	if (len < n + 2 || memcmp(line, AROUND_PREFIX, n) ||
	    memcmp(line + len - 2, "',", 2))
		return NULL;
	return xstrndup(line + n, len - n - 2);
}

/* ' = File "F", line L, column C, charpos = N' (line is len bytes). */
static bool file_line(const char *line, size_t len, char **file,
		      unsigned int *l, unsigned int *c)
{
	size_t n = strlen(FILE_PREFIX);
	const char *q = NULL;
	char rest[128];

	if (len < n || memcmp(line, FILE_PREFIX, n))
		return false;
	for (const char *p = line + n; p < line + len; p++)
		if (*p == '"')
			q = p; /* the last quote: the name may hold one */
	if (!q || (size_t)(line + len - q) >= sizeof(rest))
		return false;
	memcpy(rest, q, (size_t)(line + len - q));
	rest[line + len - q] = '\0';
	if (sscanf(rest, "\", line %u, column %u", l, c) != 2)
		return false;
	*file = xstrndup(line + n, (size_t)(q - line - n));
	return true;
}

/* The length of the line at p (up to end), without its newline. */
static size_t line_length(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	return nl ? (size_t)(nl - p) : (size_t)(end - p);
}

void spatch_errors_read(struct spatch_errors *errs, const char *text,
			size_t len)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		size_t n = line_length(p, end);
		const char *next = p + n < end ? p + n + 1 : end;
		unsigned int l, c;
		char *file;

		/* The "around" line follows the "File" line. */
		if (file_line(p, n, &file, &l, &c)) {
			if (in_directive(file, l))
				free(file);
			else
				add_error(
					errs, file, l, c,
					next < end ?
						around_token(next,
							     line_length(next,
									 end)) :
						NULL);
		}
		p = next;
	}
}

void spatch_errors_free(struct spatch_errors *errs)
{
	for (size_t i = 0; i < errs->n; i++) {
		free(errs->v[i].file);
		free(errs->v[i].around);
	}
	free(errs->v);
	memset(errs, 0, sizeof(*errs));
}
