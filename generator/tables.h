/* tables.h: tables in page text that are wider than the screen.
 *
 * A Markdown table (cmark-gfm) can be wider than a 320 px phone, and
 * squeezing six columns of Vietnamese prose into it leaves a word or two a
 * line. The theme lets such a table scroll sideways inside its own box; a
 * box that scrolls must be reachable by keyboard (WCAG 2.1.1, axe-core's
 * scrollable-region-focusable), so every outermost <table> of the page text
 * is put in
 *
 *   <div class="table-scroll" tabindex="0">...</div>
 *
 * (the theme styles .table-scroll and its focus), and, since a data table
 * needs a caption (WCAG 1.3.1) and Markdown has no way to write one, a
 * table without one gets <caption> with the text of the nearest heading
 * before it, or the fallback (the page's title). Nested tables stay inside
 * their outer one's box. When the <table> and </table> tags of the text do
 * not pair up (raw HTML with unsafe_html), the text is left as it is.
 */
#ifndef CK_TABLES_H
#define CK_TABLES_H

#include "buf.h"
#include "render.h"
#include "value.h"

#include <stddef.h>

/* Appends html (len bytes) to out with every outermost table wrapped and
 * captioned as above (fallback: plain text, escaped here; NULL or "": no
 * caption when no heading comes before the table); tags are matched
 * without regard to case. Returns the number of tables wrapped (0: html
 * appended as is), or -1 when out of memory (error slot set). */
int tables_wrap(buf_t *out, const char *html, size_t len, const char *fallback);

/* The render extender (render.c's extenders[]): wraps the tables of
 * page.content. 0 / -1. */
int tables_extend(render_ctx *c, const page *p, value *pagev);

#endif
