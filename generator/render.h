/* render.h: view models, templates and every output file of a site.
 *
 * render_site() writes, below the output's staging folder: one index.html
 * per page (pretty URLs), paginated section and term lists (/page/2/),
 * taxonomy pages, the home page, 404.html, redirect pages for aliases,
 * feed.xml (Atom, the documents section), sitemap.xml, robots.txt, the
 * theme's static files and the non-Markdown files of content/.
 * Each page's rendered Markdown is freed once the page is written.
 *
 * today is the build's date (from --now or the clock): templates show it as
 * the data's last update. Returns 0 / -1 with the error slot naming the file.
 */
#ifndef CK_RENDER_H
#define CK_RENDER_H

#include "output.h"
#include "site.h"

int render_site(site *s, output *out, const value_dt *today);

/* The date the way pages show it, honouring the paper's precision:
 * "28/12/2021", "tháng 10/2022", "năm 2023" (lang "vi"), or
 * "28/12/2021", "10/2022", "2023" (lang "en"). 0 / -1. */
int render_date(buf_t *out, const value_dt *d, date_precision prec, const char *lang);

#endif
