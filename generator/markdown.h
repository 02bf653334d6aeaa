/* markdown.h: Markdown to HTML through cmark-gfm.
 *
 * GitHub extensions on: tables, autolinks, strikethrough, tagfilter. Raw HTML
 * is dropped (cmark's safe mode, which also refuses javascript:, vbscript:,
 * file: and most data: URLs) unless opts.unsafe_html is set.
 *
 * Top-level headings get ids from Vietnamese-folded slugs ("Mục đích, yêu
 * cầu" -> id="muc-dich-yeu-cau"; repeats get "-2", "-3"). The table of
 * contents lists the level-2 and level-3 headings as nested <ul> lists.
 */
#ifndef CK_MARKDOWN_H
#define CK_MARKDOWN_H

#include "buf.h"

#include <stddef.h>

typedef struct {
	int unsafe_html; /* keep raw HTML (site.toml: markdown.unsafe_html) */
} md_options;

#define MD_OPTIONS_INIT { 0 }

typedef struct {
	buf_t html;    /* the body as HTML */
	buf_t toc;     /* <ul>...</ul> of h2/h3 headings, "" when fewer than two */
	buf_t summary; /* plain text of the first paragraph, at most ~300 bytes,
	                  cut at a word boundary with "…" when longer */
	int headings;  /* how many h2/h3 headings were found */
} md_result;

void md_result_init(md_result *r);
void md_result_free(md_result *r);

/* Renders src (len bytes of UTF-8) into r (which must be initialized).
 * Returns 0, or -1 when out of memory (error slot set). */
int md_render(md_result *r, const char *src, size_t len, const md_options *opts);

#endif
