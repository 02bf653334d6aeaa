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

/* ---- Partial renders (serve's incremental rebuilds, incr.h) and progress ----
 * render_site_some() is render_site() limited by f (NULL: everything):
 * only the pages for which want() returns 1 are rendered (regular pages,
 * sections, terms, taxonomies; NULL want: all); the generators run only
 * when `generators` is set; the site-wide files (home page, 404.html,
 * aliases, feed.xml, sitemap.xml, robots.txt, static and content files)
 * only when `site_files` is set, which needs `generators` too (the sitemap
 * lists generated pages); `home_feed` alone renders the home page and
 * feed.xml of those. progress, when set, hears after each page written
 * how many are done and about how many there are in all (done may pass
 * total: generated pages are not counted in advance). */
typedef struct {
	int (*want)(void *ud, const page *p);
	void *ud;
	int generators;
	int site_files;
	int home_feed;    /* without site_files: the home page and feed.xml only */
	/* 1 when the render follows a change to Markdown bodies only: no front
	 * matter, data, template or setting changed, and changed[0..nchanged)
	 * are the pages whose text changed (see render_incremental()). */
	int incremental;
	page *const *changed;
	size_t nchanged;
	void (*progress)(void *ud, size_t done, size_t total);
	void *progress_ud;
	int jobs;         /* threads rendering pages; 0: pool_jobs() */
} render_filter;

/* Pages are rendered by a pool of threads (pool.h): the content pages are
 * queued first (pool_submit_later()); while it writes them the generators
 * run one at a time on the calling thread (their pages go to the pool
 * ahead of the content pages still queued), then the section and term
 * lists are handed to it; the generators render.c's table marks
 * after_pages run once every content page's extenders have run; then the
 * home page and site files. A
 * generated page that takes over a regular content page's URL is written
 * after that page. The output does not depend on the number of threads
 * (pool_set_jobs(), `--jobs`). */

int render_site_some(site *s, output *out, const value_dt *today, const render_filter *f);

/* ---- For modules that generate pages from data ----
 *
 * A generator is a function int gen(render_ctx *c) listed in render.c's
 * `generators` table. Generators run while the content pages are written
 * (see above: one must not read a page's rendered body, which is freed
 * once the page is written; a generator that needs what the extenders
 * gathered is marked after_pages) and before the section lists, so a
 * generated page may take over a content section's URL: its _index.md then
 * gives the generated page its title, text (page.content) and summary, and
 * the plain list is not written. */
typedef struct render_ctx render_ctx;

typedef struct {
	const char *url;      /* "/chi-tieu/" or "/chi-tieu/ty-le/" (ends in '/') */
	const char *title;    /* used when no content page has this URL */
	const char *const *layouts; /* template names to try, first found wins */
	size_t nlayouts;
	const char *origin;   /* the file messages name (e.g. "data/chi-tieu.sql") */
	value *fields;        /* merged into `page` (taken: freed by the call) */
	value *crumbs;        /* breadcrumbs between home and this page, array of
	                         {title, url} with site URLs like "/chi-tieu/"
	                         (taken; NULL: home only) */
} render_page;

/* An extender is a function int ext(render_ctx *c, const page *p, value
 * *pagev) listed in render.c's `extenders` table: it adds fields to the
 * `page` table of every page's context (content pages and generated ones;
 * p is the content page, or a stand-in with an empty front matter).
 * Extenders run on the pool's threads, several at once for different
 * pages, in no set order: one must not depend on the order of calls and
 * must guard what it shares (or write only to a slot of its own page).
 *
 * A generator runs alone on the thread that called render_site_some(),
 * while workers write content pages; render_page_out() may return before
 * the page is written (a worker renders it); what it was given stays valid
 * (it copies what it borrows). */

/* Renders one generated page to url + "index.html" and lists it in the
 * sitemap. The page context is as for content pages (page.title, url,
 * permalink, breadcrumbs, menu ...) plus `fields`. Hands the page to the
 * pool: 0 / -1 when it could not (a failure of the render itself comes out
 * of render_site_some()). */
int render_page_out(render_ctx *c, const render_page *rp);
/* Writes any other file (CSV, JSON, SVG) below the output root. 0 / -1. */
int render_file_out(render_ctx *c, const char *rel, const void *data, size_t len);
/* Removes a file an earlier render wrote and this one no longer makes (an
 * incremental render's business: a full render starts from nothing).
 * Missing is fine. 0 / -1. */
int render_file_remove(render_ctx *c, const char *rel);
/* Appends url with the site root ("/chi-tieu/" -> "/cchc/chi-tieu/"). */
int render_url(const render_ctx *c, buf_t *out, const char *url);
site *render_site_of(const render_ctx *c);
/* 1 in an incremental render (see render_filter): only the text of the
 * pages in *changed (n of them) changed since the last full render, and
 * every output not rendered again is still right on disk. A generator
 * whose pages do not depend on the text of content pages (pages from data,
 * lists from front matter) returns 0 at once then; one that does (a search
 * index of page text) may look at the changed pages, or simply run. 0 in a
 * full render (*changed NULL, n 0). */
int render_incremental(const render_ctx *c, page *const **changed, size_t *n);
const value_dt *render_today(const render_ctx *c);

/* The date the way pages show it, honouring the paper's precision:
 * "28/12/2021", "tháng 10/2022", "năm 2023" (lang "vi"), or
 * "28/12/2021", "10/2022", "2023" (lang "en"). 0 / -1. */
int render_date(buf_t *out, const value_dt *d, date_precision prec, const char *lang);

#endif
