/* build.h: one whole build, from site folder to output folder.
 *
 * build_run() loads the site, renders it into a staging folder and swaps it
 * into place only when everything succeeded: a failed build leaves the
 * previous output untouched. Returns 0 / -1 with the error slot set;
 * warnings go to the warning list (err.h).
 */
#ifndef CK_BUILD_H
#define CK_BUILD_H

#include "site.h"

#include <stddef.h>

typedef struct {
	site_options site;
	const char *output;   /* NULL: <source>/public */
	const char *now;      /* "YYYY-MM-DD"; NULL: SOURCE_DATE_EPOCH or the clock */
	long long max_bytes;  /* 0: no limit on the output's size */
} build_options;

#define BUILD_OPTIONS_INIT { { ".", NULL, NULL, 0 }, NULL, NULL, 0 }

typedef struct {
	size_t pages;   /* HTML pages written */
	size_t files;   /* all files written */
	size_t bytes;
	size_t drafts_skipped;
} build_stats;

int build_run(const build_options *o, build_stats *st);

/* Parses "YYYY-MM-DD" into a DT_DATE; 0 / -1. */
int build_parse_date(const char *s, value_dt *out);

#endif
