/* site.h: the site model.
 *
 * site_load() reads site.toml, every file below content/ and the theme, and
 * builds the model: pages with their URLs, sections (one per content
 * folder), taxonomies and their terms, all lists sorted. Nothing is written.
 * The rendered Markdown of each page is held until render frees it.
 *
 * Ownership: the site owns everything below it; site_free() releases all.
 */
#ifndef CK_SITE_H
#define CK_SITE_H

#include "config.h"
#include "content.h"
#include "data.h"
#include "theme.h"

#include <stddef.h>

typedef enum {
	PAGE_REGULAR,  /* a Markdown file */
	PAGE_SECTION,  /* a content folder (with or without _index.md) */
	PAGE_HOME,     /* the root section */
	PAGE_TAXONOMY, /* /loai-van-ban/ */
	PAGE_TERM      /* /loai-van-ban/ke-hoach/ */
} page_kind;

typedef struct page page;

typedef struct {
	char *name; /* as first written, "Kế hoạch" */
	char *slug; /* "ke-hoach" */
	page *pg;   /* its term page */
} term;

struct page {
	page_kind kind;
	content_file cf;      /* regular pages and sections with _index.md;
	                         cf.fm is an empty table otherwise */
	int has_file;         /* 1 when cf came from a file */
	char *section;        /* the folder's URL path: "van-ban", "" for root */
	char *url;            /* "/van-ban/x/" (the site root is added on output) */
	char *title;          /* shown title (owned) */
	char *summary;        /* plain text (owned), set from fm or the body */
	page *parent;         /* the section holding it; NULL for home */
	page **pages;         /* sections, taxonomies' terms lists: the pages listed */
	size_t npages, cappages;
	page **subsections;   /* sections: child sections */
	size_t nsub, capsub;
	const config_taxonomy *tax; /* taxonomy and term pages */
	term *terms;          /* taxonomy pages: its terms */
	size_t nterms, capterms;
	int claimed;          /* a generated page took over this URL (render.h) */
};

typedef struct {
	const char *source;   /* the site folder */
	const char *config;   /* site.toml path, NULL: <source>/site.toml */
	const char *base_url; /* overrides site.toml's base_url when set */
	int drafts;           /* include draft = true pages */
	/* NULL, or a function that returns 1 for a Markdown file (path as
	 * messages show it) to leave out as if it were a draft: check uses it
	 * to build past two files that make one URL. */
	int (*skip)(void *ud, const char *path);
	void *skip_ud;
} site_options;

typedef struct {
	config cfg;
	theme th;
	char *source;         /* the site folder (owned) */
	page **all;           /* every page, in a stable order (owned) */
	size_t nall, capall;
	page *home;
	char **assets;        /* non-Markdown files below content/, relative */
	size_t nassets, capassets;
	size_t drafts_skipped;
	data_db *db;          /* the site's data (read-only once loaded) */
	page **by_url;        /* every page sorted by URL, for site_find() */
	struct docs_graph *docs; /* citations between documents (docs.h), built
	                            by site_load(); NULL when it failed */
	struct history *history; /* the git history (history.h), read once by
	                            site_load(); never NULL after it succeeded */
} site;

/* Loads the site. Order: site.toml, theme, data (data/ or [data] db),
 * content/. */
int site_load(site *s, const site_options *opts);
/* Reads and parses the Markdown file at path (as messages show it) the way
 * site_load() reads content: the site's Markdown settings and fenced-block
 * handlers. For serve's incremental rebuilds, which read one changed file
 * again. 0, or -1 with the error slot set and nothing in cf to free. */
int site_read_content(site *s, content_file *cf, const char *path);
/* The page with that URL ("/van-ban/x/"), or NULL. */
page *site_find(const site *s, const char *url);
void site_free(site *s);

/* The path of f below the site folder as messages show it:
 * "content/van-ban/x.md" (source "."), "/srv/site/content/x.md". */
int site_path(const site *s, buf_t *out, const char *rel);

#endif
