/* check.h: `congkhai check`, everything the build validates and more.
 *
 * check_main() reads the site's sources, builds the site into a temporary
 * folder (so every error and warning of a build is found, printed the way
 * the build prints it), then checks:
 *   - the sources: duplicate URLs (two pages with one slug: both files and
 *     lines; the later file is left out of the build so the rest can be
 *     checked), duplicate aliases and aliases that are a page's URL,
 *     required front matter per kind of document (documents in van-ban/
 *     need title, number, kind, issuer and date; a draft's blank number
 *     like "/UBND-NV" is fine), Markdown images without alt text, and
 *     whatever the modules in check.c's `source_checks` table look for
 *     (legacy Vietnamese encodings come with the build's warnings: vni.h);
 *   - the built HTML: every href and src that points into the site (a
 *     path, a relative link, or an absolute URL below base_url) names a
 *     file the build wrote (a folder means its index.html), every #anchor
 *     is an id (or <a name>) in the page it points at, every <img> has an
 *     alt attribute; a problem in a content page is reported at the line
 *     of its Markdown that holds the link, else at the page's file, line 1
 *     (a link that the theme makes is reported once, with the number of
 *     pages that have it);
 *   - the data, when its tables exist: targets and observations of unknown
 *     indicators, units without a name (at the first line of the data's .sql
 *     files that names the row's id).
 *
 * Output: one line per problem, "path:line:col: error|warning: message"
 * (col counts characters), sorted by file and line, then the count
 * "congkhai check: N errors, N warnings"; with --format json one JSON
 * document {"diagnostics": [{"path", "line", "col", "severity",
 * "message"}...], "errors": N, "warnings": N}. --quiet prints the errors
 * only. Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage.
 */
#ifndef CK_CHECK_H
#define CK_CHECK_H

#include <stddef.h>

extern const char check_usage[];

int check_main(int argc, char **argv);

/* ---- For modules that add checks of Markdown sources ----
 *
 * A function in check.c's `source_checks` table is called once per
 * Markdown file below content/ with the file's path (as messages show it)
 * and bytes (valid UTF-8, front matter included), and reports each problem
 * with check_report() (line 1-based; col 1-based, in characters). It
 * returns 0, or -1 with the error slot set (check stops). */
typedef struct check_ctx check_ctx;
typedef int (*check_source_fn)(check_ctx *cc, const char *path, const char *text, size_t len);

/* error 1: an error (check exits 1), 0: a warning. 0 / -1 (out of memory). */
int check_report(check_ctx *cc, const char *path, int line, int col, int error, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif
