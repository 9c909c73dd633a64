// SPDX-License-Identifier: GPL-2.0-only
/* The manifest format of the result cache (see cache_manifest.h). */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/cache_manifest.h"
#include "lib/hash.h"
#include "lib/util.h"

void manifest_free(struct manifest *m)
{
	for (size_t i = 0; i < m->ndeps; i++)
		free(m->deps[i].path);
	free(m->deps);
}

/* "drvlint-cache N\nsum X\n" then the body the sum covers. */
char *manifest_text(const struct manifest *m, size_t *len)
{
	char *body = NULL, *text;
	size_t blen = 0;
	FILE *f = open_memstream(&body, &blen);

	fprintf(f, "config %016" PRIx64 "\nunit %016" PRIx64 "\n", m->config,
		m->unit);
	fprintf(f, "report %016" PRIx64 " %" PRIu64 "\n", m->report_hash,
		m->report_size);
	for (size_t i = 0; i < m->ndeps; i++) {
		const struct dep_record *d = &m->deps[i];

		fprintf(f,
			"dep %016" PRIx64 " %" PRIu64 " %" PRId64 " %" PRId64
			" %s\n",
			d->hash, d->size, d->mtime, d->ctime, d->path);
	}
	fputs("end\n", f);
	fclose(f);
	text = xasprintf("drvlint-cache %d\nsum %016" PRIx64 "\n%s",
			 CACHE_FORMAT, hash_bytes(body, blen, 0), body);
	*len = strlen(text);
	free(body);
	return text;
}

/* The next line of *p, NUL-terminated in place; NULL at the end. */
static char *next_line(char **p)
{
	char *line = *p, *nl;

	if (!*line)
		return NULL;
	nl = strchr(line, '\n');
	if (!nl)
		return NULL; /* a last line without its newline: truncated */
	*nl = '\0';
	*p = nl + 1;
	return line;
}

/* The next space-separated number of *p in base; false if there is none. */
static bool next_number(char **p, int base, bool is_signed, uint64_t *out)
{
	char *end;

	unsigned char c = (unsigned char)(*p)[1];

	if (**p != ' ' || !(isxdigit(c) || (is_signed && c == '-')))
		return false;
	errno = 0;
	*out = is_signed ? (uint64_t)strtoll(*p + 1, &end, base) :
			   strtoull(*p + 1, &end, base);
	if (errno || end == *p + 1)
		return false;
	*p = end;
	return true;
}

/* "dep HASH SIZE MTIME CTIME PATH": read thousands of times per run. */
static bool parse_dep(char *line, struct dep_record *d)
{
	char *p = line + 3;
	uint64_t mtime, ctime;

	if (strncmp(line, "dep", 3) || !next_number(&p, 16, false, &d->hash) ||
	    !next_number(&p, 10, false, &d->size) ||
	    !next_number(&p, 10, true, &mtime) ||
	    !next_number(&p, 10, true, &ctime) || p[0] != ' ' || p[1] != '/')
		return false;
	d->mtime = (int64_t)mtime;
	d->ctime = (int64_t)ctime;
	d->path = xstrdup(p + 1);
	return true;
}

const char *manifest_parse(char *text, size_t len, struct manifest *m)
{
	char *p = text, *line, *body;
	uint64_t sum;
	int format;

	memset(m, 0, sizeof(*m));
	if (memchr(text, '\0', len))
		return "a NUL byte in the manifest";
	line = next_line(&p);
	if (!line || sscanf(line, "drvlint-cache %d", &format) != 1)
		return "not a drvlint cache manifest";
	if (format != CACHE_FORMAT)
		return "a manifest of another format";
	line = next_line(&p);
	if (!line || sscanf(line, "sum %" SCNx64, &sum) != 1)
		return "no checksum";
	body = p;
	if (hash_bytes(body, len - (size_t)(body - text), 0) != sum)
		return "checksum mismatch (corrupt or truncated)";
	line = next_line(&p);
	if (!line || sscanf(line, "config %" SCNx64, &m->config) != 1)
		return "no configuration";
	line = next_line(&p);
	if (!line || sscanf(line, "unit %" SCNx64, &m->unit) != 1)
		return "no unit";
	line = next_line(&p);
	if (!line || sscanf(line, "report %" SCNx64 " %" SCNu64,
			    &m->report_hash, &m->report_size) != 2)
		return "no results";
	while ((line = next_line(&p)) && strcmp(line, "end")) {
		GROW(m->deps, m->cap, m->ndeps);
		if (!parse_dep(line, &m->deps[m->ndeps]))
			return "a malformed file record";
		m->ndeps++;
	}
	if (!line || *p)
		return "truncated";
	return NULL;
}
