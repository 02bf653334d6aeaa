/* incr.h: a site kept in memory and rebuilt in place as its files change
 * (the engine of `congkhai serve`).
 *
 * incr_build() does a full build into the output folder in live mode
 * (output.h): every file goes through a temporary file and a rename, a file
 * whose bytes did not change is not written again, and files that the
 * build no longer makes are removed. The site model stays in memory.
 *
 * incr_update() takes the paths that changed (relative to the site folder,
 * "content/van-ban/x.md", "themes/default/layouts/single.mustache",
 * "site.toml") and rebuilds what they affect:
 *   - Markdown pages (not _index.md) whose front matter is unchanged and
 *     whose summary is unchanged: those pages are read again (only their
 *     rendered body replaces the old one in the model; the equal front
 *     matter stays) and only they are rendered, plus the pages that
 *     modules name as depending on them (read again too)
 *     (`dependents` below), plus the generators (render.h: they learn from
 *     render_incremental() that only page text changed, and a generator of
 *     data pages returns at once). INCR_PAGES.
 *   - the same, but a summary changed (it shows in lists and the feed):
 *     those pages, every list, taxonomy and term page, the home page, the
 *     feed and the generators. INCR_LISTS.
 *   - anything else (front matter, a new, removed or renamed file, an
 *     _index.md, a template, data, site.toml), or after a failed rebuild: a
 *     full build as above. INCR_FULL.
 * A full build ends with the same bytes in the output folder as a fresh
 * `congkhai build` of the same files with the same options, and so do the
 * two partial ways for every file rendered from pages; files that a
 * generator leaves as they were in a partial render although they depend
 * on page text (the search index: search.h) catch up at the next full
 * build, which serve runs once the writer pauses (serve.h). The test
 * tests/cli/incremental.sh compares both moments with a fresh build.
 *
 * A failed rebuild (error slot set, -1) leaves the model in a state that
 * makes the next update a full build; the output folder may then hold part
 * of the new site until that build succeeds. A page that cannot be read
 * again fails before anything is written.
 *
 * Warnings go to the warning list (err.h) as in a build; the caller prints
 * and clears it. An incr is used by one thread at a time.
 */
#ifndef CK_INCR_H
#define CK_INCR_H

#include "build.h"
#include "site.h"

#include <stddef.h>

typedef struct incr incr;

typedef enum {
	INCR_FULL,   /* everything rendered again */
	INCR_PAGES,  /* only the changed pages (and their dependents) */
	INCR_LISTS   /* the changed pages, the lists, home, feed */
} incr_kind;

typedef struct {
	incr_kind kind;
	size_t pages;    /* site pages in the model */
	size_t rendered; /* pages rendered by this rebuild */
	size_t written;  /* files whose bytes changed */
	size_t html_written; /* of which HTML pages */
	size_t removed;  /* files removed because the build no longer makes them */
	size_t files;    /* files the rebuild produced (written or unchanged) */
	double ms;       /* time taken */
} incr_result;

/* A new, empty incr for options o (o->output must be set; every string is
 * copied). NULL when out of memory. */
incr *incr_new(const build_options *o);
void incr_free(incr *st);

/* A full build (see above). 0 / -1. */
int incr_build(incr *st, incr_result *res);
/* Rebuilds after the files paths[0..n) changed. 0 / -1. */
int incr_update(incr *st, const char *const *paths, size_t n, incr_result *res);

/* The site folder and the output folder as given. */
const char *incr_source(const incr *st);
const char *incr_output(const incr *st);

/* ---- Dependents: for modules whose pages show other pages' text ----
 *
 * A module whose rendering of page Q depends on the Markdown body of
 * another page P (backlinks, citations: P's text now cites Q) adds a
 * function to incr.c's `dependents` table. After P was read again (P->cf
 * holds the new content; its front matter is unchanged), the function
 * updates whatever index the module keeps and adds to *more the pages to
 * render again. It returns 0, 1 to ask for a full build instead (when it
 * cannot tell), or -1 with the error slot set. A module that adds nothing
 * here but shows other pages' text makes incremental output differ from a
 * full build: tests/cli/incremental.sh will say so. */
typedef struct {
	page **items;
	size_t len, cap;
} incr_pages;

/* Adds p unless it is there already. 0 / -1. */
int incr_pages_add(incr_pages *ps, page *p);

typedef int (*incr_dependents_fn)(site *s, page *changed, incr_pages *more);

#endif
