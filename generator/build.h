/* build.h: one whole build, from site folder to output folder.
 *
 * build_run() loads the site, renders it into a staging folder and swaps it
 * into place only when everything succeeded: a failed build leaves the
 * previous output untouched. Returns 0 / -1 with the error slot set;
 * warnings go to the warning list (err.h).
 */
#ifndef CK_BUILD_H
#define CK_BUILD_H

#include "output.h"
#include "site.h"

#include <stddef.h>

typedef struct {
	site_options site;
	const char *output;   /* NULL: <source>/public */
	const char *now;      /* "YYYY-MM-DD"; NULL: SOURCE_DATE_EPOCH or the clock */
	long long max_bytes;  /* 0: no limit on the output's size */
	/* NULL, or called after each page written: pages done, about how many
	 * in all (see render_filter in render.h) */
	void (*progress)(void *ud, size_t done, size_t total);
	void *progress_ud;
} build_options;

/* Designated, so that a field added later starts as 0 / NULL. */
#define BUILD_OPTIONS_INIT { .site = { .source = "." } }

typedef struct {
	size_t pages;   /* HTML pages written */
	size_t files;   /* all files written */
	size_t bytes;
	size_t drafts_skipped;
	double load_ms, render_ms, commit_ms; /* time of each phase (--verbose) */
} build_stats;

int build_run(const build_options *o, build_stats *st);

/* The build's date: now ("YYYY-MM-DD"), else SOURCE_DATE_EPOCH, else today
 * in Vietnam (UTC+7). 0 / -1. */
int build_today(const char *now, value_dt *out);
/* Sets out's settings from site.toml (gzip) before output_begin() or
 * output_begin_live(), as build_run() does. 0 / -1. */
int build_output_setup(const site *s, output *out);

/* Parses "YYYY-MM-DD" into a DT_DATE; 0 / -1. */
int build_parse_date(const char *s, value_dt *out);

#endif
