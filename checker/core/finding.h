/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The one record every check fills and every reporter reads.
 *
 * A finding owns all of its strings.  File names are absolute paths;
 * reporters make them relative to the report's root.  Lines and columns
 * are 1-based, columns count bytes (as clang and the kernel's tools do).
 */
#ifndef DRVLINT_FINDING_H
#define DRVLINT_FINDING_H

#include <stddef.h>
#include <stdint.h>

enum severity {
	SEV_NOTE,
	SEV_WARNING,
	SEV_ERROR,
};

struct location {
	char *file;
	unsigned int line;
	unsigned int column;
};

struct related {
	struct location loc;
	char *message;
};

/*
 * Replace 'length' bytes at byte 'offset' of 'file' with 'text'
 * (length 0: insert).  line/column locate 'offset', end_line/end_column
 * locate offset + length; both are filled by whoever builds the edit so
 * that reporters need not read the file.
 */
struct edit {
	char *file;
	unsigned int offset;
	unsigned int length;
	char *text;
	unsigned int line, column;
	unsigned int end_line, end_column;
	/*
	 * hash_bytes(contents, len, 0) of the whole file as the check read
	 * it when it computed offset; 0 if not recorded.  --fix refuses a
	 * file that no longer hashes to it: the offsets would be stale.
	 */
	uint64_t source_hash;
};

struct finding {
	const char *rule; /* static string: the check's id */
	const char *engine; /* static string: "clang" or "cocci" */
	enum severity severity;
	struct location loc;
	char *object; /* the object the finding is about, may be NULL */
	char *message;
	struct related *related;
	size_t nrelated;
	char *fix_description; /* may be NULL when there are no edits */
	struct edit *edits;
	size_t nedits;
};

struct finding_list {
	struct finding *v;
	size_t n, cap;
};

/* A translation unit that could not be checked: it is never "no findings". */
struct failure {
	struct location loc; /* line 0 when there is no place in the file */
	char *message;
};

struct failure_list {
	struct failure *v;
	size_t n, cap;
};

const char *severity_name(enum severity sev);

/* Start a finding; strings are copied.  Returns the new element. */
struct finding *finding_add(struct finding_list *list, const char *rule,
			    enum severity sev, const char *file,
			    unsigned int line, unsigned int column,
			    const char *object, const char *message);
void finding_add_related(struct finding *f, const char *file, unsigned int line,
			 unsigned int column, const char *message);
void finding_add_edit(struct finding *f, const struct edit *e);
void finding_list_append(struct finding_list *dst, struct finding_list *src);
/* Sort by file, line, column, rule, message; drop exact duplicates. */
void finding_list_sort_unique(struct finding_list *list);
void finding_list_free(struct finding_list *list);
/* Free the strings and arrays one finding owns (not the finding itself). */
void finding_free(struct finding *f);

void failure_add(struct failure_list *list, const char *file, unsigned int line,
		 unsigned int column, const char *message);
void failure_list_append(struct failure_list *dst, struct failure_list *src);
void failure_list_free(struct failure_list *list);

#endif
