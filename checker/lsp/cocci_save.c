// SPDX-License-Identifier: GPL-2.0-only
/* Coccinelle on a copy of a buffer, for the language server. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cocci/cocci.h"
#include "core/report.h"
#include "lib/util.h"
#include "lsp/cocci_save.h"

static int write_copy(const char *copy, const char *text, size_t len)
{
	FILE *f = fopen(copy, "wb");
	int ok;

	if (!f)
		return -1;
	ok = fwrite(text, 1, len, f) == len;
	return fclose(f) == 0 && ok ? 0 : -1;
}

/* The copy's name in findings becomes the file's. */
static void rename_file(char **file, const char *copy, const char *path)
{
	if (*file && !strcmp(*file, copy)) {
		free(*file);
		*file = xstrdup(path);
	}
}

static void rename_findings(struct finding_list *l, size_t from,
			    const char *copy, const char *path)
{
	for (size_t i = from; i < l->n; i++) {
		struct finding *f = &l->v[i];

		rename_file(&f->loc.file, copy, path);
		for (size_t k = 0; k < f->nrelated; k++)
			rename_file(&f->related[k].loc.file, copy, path);
		for (size_t k = 0; k < f->nedits; k++)
			rename_file(&f->edits[k].file, copy, path);
	}
}

int cocci_on_save(const struct cocci_save *cs, const struct checker *ck,
		  struct finding_list *out, char *err, size_t errlen)
{
	const char *tmp = getenv("TMPDIR"), *base = strrchr(cs->path, '/');
	char *dir = xasprintf("%s/drvlint-lsp-XXXXXX", tmp ? tmp : "/tmp");
	const char *ids[LSP_MAX_CHECKS];
	struct unit_list ul = { 0 };
	struct report r = { 0 };
	struct unit *u;
	char *copy = NULL;
	size_t first = out->n;
	int ret = -1;

	if (!mkdtemp(dir)) {
		set_error(err, errlen, "%s: %s", dir, strerror(errno));
		goto out;
	}
	copy = xasprintf("%s/%s", dir, base ? base + 1 : cs->path);
	if (write_copy(copy, cs->text, cs->len)) {
		set_error(err, errlen, "%s: %s", copy, strerror(errno));
		goto out_dir;
	}
	for (size_t i = 0; i < ck->n; i++)
		ids[i] = ck->checks[i]->id;
	GROW(ul.v, ul.cap, ul.n);
	u = &ul.v[ul.n++];
	memset(u, 0, sizeof(*u));
	u->file = xstrdup(copy);
	u->directory = xstrdup(dir);
	ret = cocci_run(&ul,
			&(struct cocci_config){
				.spatch = cs->spatch ? cs->spatch : "spatch",
				.cocci_dir = cs->cocci_dir ? cs->cocci_dir :
							     DRVLINT_COCCI_DIR,
				.rules = ids,
				.nrules = ck->n,
				.paths = &copy,
				.npaths = 1,
				.jobs = 1,
				.select = true },
			&r, err, errlen);
	if (!ret) {
		finding_list_append(out, &r.findings);
		rename_findings(out, first, copy, cs->path);
	}
	report_release(&r);
	unit_list_free(&ul);
	unlink(copy);
out_dir:
	rmdir(dir);
out:
	free(copy);
	free(dir);
	return ret;
}
