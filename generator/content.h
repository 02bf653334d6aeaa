/* content.h: one Markdown file: front matter and body.
 *
 * A content file is UTF-8 text with optional TOML front matter between two
 * lines holding only "+++":
 *
 *     +++
 *     title = "Kế hoạch cải cách hành chính năm 2023"
 *     date = 2023-01-05
 *     +++
 *     Body in Markdown.
 *
 * Known keys (checked): title, date, draft, slug, summary, weight, aliases,
 * layout, date_precision ("day" | "month" | "year"). Every other key is kept
 * for templates (page.params) and taxonomies.
 */
#ifndef CK_CONTENT_H
#define CK_CONTENT_H

#include "markdown.h"
#include "value.h"

#include <stddef.h>

typedef enum {
	DATE_DAY = 0,  /* 28/12/2021 */
	DATE_MONTH,    /* tháng 12/2021: the paper leaves the day blank */
	DATE_YEAR      /* năm 2021: day and month blank */
} date_precision;

/* Where the front matter and the body lie in a file's bytes. */
typedef struct {
	size_t fm_off, fm_len;     /* the TOML between the fences (fm_len 0: none) */
	int fm_line;               /* file line of the TOML's first line */
	size_t body_off, body_len; /* the Markdown */
	int body_line;             /* file line of the body's first line */
} fm_split;

/* Splits src into front matter and body. A file that does not start with a
 * "+++" line (after an optional UTF-8 BOM) has no front matter. Returns 0, or
 * -1 with "path:1:1: error: ..." when the opening fence is never closed. */
int frontmatter_split(fm_split *out, const char *src, size_t len, const char *path);

typedef struct {
	char *path;          /* as given, for messages (owned) */
	value *fm;           /* front matter table, empty when none (owned) */
	const char *title;   /* fm title, or NULL */
	value_dt date;       /* valid when has_date */
	int has_date;
	date_precision precision;
	value_dt lastmod;    /* fm "lastmod", valid when has_lastmod */
	int has_lastmod;
	int64_t weight;
	int draft;
	md_result md;        /* rendered body */
} content_file;

/* Reads src (the whole file) as the content file at path: validates UTF-8
 * (no NUL bytes), parses front matter, checks the known keys' types, renders
 * the Markdown. On failure returns -1 with "path:line:col: error: ..." and
 * leaves nothing to free. */
int content_parse(content_file *cf, const char *src, size_t len, const char *path,
		  const md_options *opts);
void content_free(content_file *cf);

#endif
