/* gitcmd.h: the staff's git commands, all through libgit2 (congkhai never
 * runs git).
 *
 *   congkhai new KIND "Tiêu đề"   a new document (công văn, kế hoạch, thông
 *       báo, quyết định) in the documents section, or a page (page) in
 *       content/, from the theme's archetypes/KIND.md; the file name is the
 *       title folded to ASCII; an existing file is never overwritten.
 *   congkhai commit -m "..."   builds the site into a temporary folder to
 *       check it; only when that succeeds, stages every change below
 *       content/ and data/ and to site.toml (new, changed and deleted
 *       files; ignored files stay out) and commits them. Nothing else is
 *       ever staged or committed: not public/, not themes/. A folder in no
 *       repository gets a new one (the command says so).
 *   congkhai publish [--branch NAME]   builds the last commit (its files as
 *       committed, read from git) and records the built site as a commit on
 *       refs/heads/NAME (default [history] publish_branch, else "site"),
 *       whose parent is that branch's tip; the working tree and the index
 *       are not touched. No commit when the built site equals the tip's.
 *   congkhai build --rev REV   gitcmd_build_rev() below.
 *
 * Author and committer: GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL (and
 * GIT_COMMITTER_*), else site.toml's [history] author_name / author_email,
 * else git's user.name / user.email; the time is GIT_AUTHOR_DATE /
 * GIT_COMMITTER_DATE ("@1700000000 +0700" or "2026-03-01T09:30:00+07:00")
 * or now.
 *
 * The command functions print and return the exit code (0 done, 1 the site
 * or the repository is not right or there is nothing to commit, 2 usage),
 * like main.c's commands.
 */
#ifndef CK_GITCMD_H
#define CK_GITCMD_H

#include "build.h"

int gitcmd_new(int argc, char **argv);
int gitcmd_commit(int argc, char **argv);
int gitcmd_publish(int argc, char **argv);
extern const char gitcmd_new_usage[];
extern const char gitcmd_commit_usage[];
extern const char gitcmd_publish_usage[];

/* build --rev REV: builds the site as it was at commit REV (anything
 * git_revparse_single() reads: an id, HEAD~3, a branch or tag). The files
 * of content/, data/, themes/ and site.toml are written from the commit's
 * objects into a private folder below the system's temporary folder
 * (removed afterwards, also on failure), and o is built from there. The
 * output stays o->output, else the real site's public/; the build's date
 * is o->now, else the commit's date (Vietnam time). Pages show the history
 * up to REV. A commit without themes/ is built with the working tree's
 * themes/ (with a warning). Returns as build_run(); errors about files
 * name them as "REV:content/x.md". */
int gitcmd_build_rev(const build_options *o, const char *rev, build_stats *st);

#endif
