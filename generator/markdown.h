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

/* A handler for fenced code blocks with an info string ("query ...").
 * info: the whole info string; code: the block's text; line: the file line
 * of the opening fence. Appends HTML to out and returns 1 when it handled
 * the block, 0 to leave it to cmark (an ordinary code block), -1 on error
 * (error slot set, with path:line). */
typedef int (*md_block_fn)(void *ud, buf_t *out, const char *info, const char *code,
			   size_t len, int line);

typedef struct {
	int unsafe_html;     /* keep raw HTML (site.toml: markdown.unsafe_html) */
	md_block_fn block;   /* NULL: no special blocks */
	void *block_ud;
	int first_line;      /* file line of the Markdown's first line (1 when 0) */
} md_options;

#define MD_OPTIONS_INIT { 0, NULL, NULL, 1 }

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

/* Releases cmark's process-wide extension registry. Call once, at exit,
 * after the last md_render() (main.c does). */
void md_shutdown(void);

#endif
