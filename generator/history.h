/* history.h: the site's git history, read once per build (libgit2).
 *
 * history_load() opens the git repository that holds the site folder
 * (git_repository_open_ext: the site may be a subfolder of the repository),
 * walks every commit reachable from HEAD once, parents before children, and
 * compares each commit's tree with its first parent's, only below the
 * site's content/, data/ and site.toml. That is one tree comparison per
 * commit, never one walk per file: subtrees whose ids did not change are
 * skipped without being read, so a commit that touches one file reads only
 * the trees on that file's path. Tree objects are read straight from the
 * repository's pack files (git's delta chains, mapped read-only, each
 * delta applied once to a tree kept from the commit before, its bytes not
 * copied); when one of the two versions of a folder is a delta of the
 * other, only the entries the delta wrote are compared, so a folder of
 * 10,000 files costs about as much as a small one. Loose objects and
 * anything the pack reader does not know go through libgit2.
 * Renames are followed: a file deleted and another added in one commit
 * with the same blob (or similar text: git_diff_find_similar on two small
 * trees of just those files, held in memory) carries its history to the
 * new path. Nothing is written to the repository.
 * A merge commit counts for a file only when the file differs from every
 * parent (a conflict resolved in the merge); the side branch's own commits
 * carry their changes.
 * The result is cached between builds, outside the repository
 * ($XDG_CACHE_HOME/congkhai/history-*, else ~/.cache/congkhai/): the next
 * build walks only the commits made since, or nothing when HEAD did not
 * move; a rewritten history or an unreadable cache means a whole walk.
 *
 * The result, per file (path relative to the site folder, as
 * "content/van-ban/x.md", "data/chi-tieu.sql", "site.toml"): the commits
 * that touched it, oldest first (the first is its publication, the last its
 * latest update); per commit: id, time, author, summary and the files it
 * changed (for the site-wide /lich-su/ page).
 *
 * When the history cannot be read the build goes on without it:
 * history_available() is 0, history_why() says why, and history_load()
 * adds one warning "history: not available: <why>". That happens outside a
 * repository, in a shallow clone (libgit2 1.5 cannot walk one), before the
 * first commit, with [history] enabled = false (no warning then), and on any
 * libgit2 error. Files with uncommitted changes in the working tree are
 * marked dirty and named in one warning; pages then take their "updated"
 * date from front matter (lastmod) or the last commit.
 *
 * Ownership: the history owns every string and array it returns; all stay
 * valid until history_free(). Dates are seconds since 1970 (UTC); pages show
 * them in Vietnam time (UTC+7, history_local_date()).
 */
#ifndef CK_HISTORY_H
#define CK_HISTORY_H

#include "buf.h"
#include "config.h"
#include "value.h"

#include <stddef.h>
#include <stdint.h>

typedef struct history history;

typedef enum {
	HISTORY_ADDED,
	HISTORY_MODIFIED,
	HISTORY_DELETED,
	HISTORY_RENAMED
} history_status;

typedef struct {
	char id[41];          /* the commit id, 40 hex digits */
	int64_t time;         /* committer time, seconds since 1970 (UTC) */
	char *author;         /* the author's name */
	char *summary;        /* the message's first line (its summary), may be "" */
	size_t first_change;  /* its changes: history_change_at(h, first_change + i) */
	size_t nchanges;      /* for i < nchanges; at least 1 */
} history_commit;

typedef struct {
	history_status status;
	char *path;           /* relative to the site folder, as of that commit */
	char *old_path;       /* HISTORY_RENAMED: the path before; else NULL */
	size_t file;          /* the file: history_file_at(h, file) */
} history_change;

typedef struct {
	char *path;           /* the path now, relative to the site folder; NULL
	                         when the file was deleted */
	size_t *commits;      /* indices for history_commit_at(), oldest first */
	size_t ncommits, cap;
	int dirty;            /* 1: uncommitted changes in the working tree */
} history_file;

/* The [history] table of site.toml, checked. Strings point into cfg. */
typedef struct {
	int enabled;              /* enabled: read the history (default true) */
	int authors;              /* authors: show author names (default false) */
	const char *author_name;  /* author_name, author_email: who commits and */
	const char *author_email; /*   publishes (NULL: git config user.name/email) */
	int64_t recent;           /* recent: commits listed on /lich-su/ (default 50) */
	const char *branch;       /* publish_branch: publish's branch (default "site") */
	int cache;                /* cache: keep the walk's result between builds,
	                             below $XDG_CACHE_HOME/congkhai/ (default true) */
} history_settings;

/* Reads cfg's [history] (cfg NULL: the defaults). 0, or -1 with
 * "site.toml:line:col: error: ..." on a value of the wrong type. Unknown
 * keys are warnings. */
int history_settings_get(history_settings *out, const config *cfg);

/* The site folder's history, with cfg's [history] settings (cfg may be
 * NULL). Returns 0 with *out
 * set, also when the history is not available (see above); -1 only when out
 * of memory or when [history] is malformed (error slot set with site.toml's
 * path, line and column).
 *
 * A folder written by history_write_rev_file() (build --rev) is read as the
 * commit it names: the history up to that commit, no working-tree check. */
int history_load(history **out, const char *source, const config *cfg);
void history_free(history *h);

/* The [history] settings it was loaded with (h NULL: the defaults). */
const history_settings *history_get_settings(const history *h);
int history_available(const history *h);
/* Why the history is not available ("" when it is). */
const char *history_why(const history *h);

/* Commits that changed at least one file of the site, oldest first. */
size_t history_ncommits(const history *h);
const history_commit *history_commit_at(const history *h, size_t i);
const history_change *history_change_at(const history *h, size_t i);
size_t history_nfiles(const history *h);
const history_file *history_file_at(const history *h, size_t i);
/* The file now at rel ("content/x.md"), or NULL when git knows none. */
const history_file *history_find(const history *h, const char *rel);
/* Files with uncommitted changes (or not yet committed). */
size_t history_ndirty(const history *h);
/* Commits walked (also those that changed nothing of the site) and the
 * seconds the whole load took (walk and working-tree check). */
size_t history_walked(const history *h);
double history_seconds(const history *h);
/* How the walk read its tree objects: trees read, of them read straight
 * from a pack file (the others through libgit2: loose objects, other
 * stores), and folder comparisons guided by a delta (one tree a delta of
 * the other: only what the delta wrote is compared). For the benchmark and
 * the tests; zero when nothing was walked. */
typedef struct {
	size_t trees, packed, guided;
} history_stats;
void history_get_stats(const history *h, history_stats *out);

/* The site folder below repo's work tree (realpath of both): "" or
 * "sub/dir/" in out. 1 found, 0 not inside it (or a bare repository), -1
 * out of memory. */
struct git_repository;
int history_site_prefix(struct git_repository *repo, const char *source, buf_t *out);
/* The libgit2 pathspecs of the site's content/, data/ and site.toml below
 * prefix (as history_site_prefix() gives it), malloc'd into out[0..2]
 * (free() each); a prefix with pattern characters ("a[1]/") is escaped.
 * 0 / -1 (out of memory, out[] all NULL). */
int history_pathspecs(char *out[3], const char *prefix);
/* The path of a file below the site folder: "content/x.md" for
 * path "content/x.md" (source "."), "/srv/s/content/x.md" (source
 * "/srv/s"). Returns a pointer into path. */
const char *history_site_rel(const char *source, const char *path);
/* t in Vietnam time (UTC+7) as a DT_LOCAL date and time. */
void history_local_date(int64_t t, value_dt *out);

/* ---- On the site (history_view.c) ----
 * history_extend() is a render extender (render.c's extenders[]): every page
 * made from a file gets
 *   page.published, page.published_vi  first commit's date (Vietnam time);
 *       without history the front matter's date (with its precision)
 *   page.updated, page.updated_vi       last commit's date, when the file
 *       changed after its first commit; the front matter's lastmod when
 *       there is no history or the file has uncommitted changes
 *   page.history[]   {date, date_vi, message, author, id}, newest first;
 *       author only when [history] authors = true; message is the commit's
 *       summary line, the change note
 *   page.has_history, page.history_count, page.history_dirty
 *   page.history_page   the URL of /lich-su/ when the theme has that page
 * history_generate() is a render generator (generators[]): when the theme
 * has layouts/lich-su/list, it writes /lich-su/ (the [history] recent
 * commits that changed content/, data/ or site.toml, newest first, each
 * with its files, linked to their pages) and /lich-su/feed.xml (Atom). */
struct render_ctx;
struct page;
int history_extend(struct render_ctx *c, const struct page *p, value *pagev);
int history_generate(struct render_ctx *c);

/* build --rev: the file that tells history_load() which commit a folder was
 * extracted from. Three lines: the repository's folder, the commit's id,
 * and the site's folder below the repository's work tree ("" or "sub/"). */
#define HISTORY_REV_FILE ".congkhai-rev"
int history_write_rev_file(const char *dir, const char *repo, const char *commit_hex,
			   const char *prefix);

#endif
