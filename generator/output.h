/* output.h: the output folder, written atomically.
 *
 * output_begin() makes a fresh staging folder beside the output folder
 * ("public.staging-PID"); every file goes there through output_write(),
 * which refuses any path that would leave it. output_commit() swaps the
 * staging folder into place in one rename (RENAME_EXCHANGE where the
 * kernel has it) and removes the old site; output_abort() removes the
 * staging folder and leaves the previous output exactly as it was.
 * Staging folders left by killed builds are removed by the next build.
 *
 * The spare tree: output_commit() does not delete the site it replaces; it
 * keeps it beside the output as "<output>.congkhai-spare" (e.g.
 * "public.congkhai-spare"), and the next output_begin() renames that folder
 * into the staging name and builds on it: a file whose bytes are already
 * there is left alone (no write, no new inode, its time kept), a changed
 * one is rewritten, a new one created; output_commit() first removes every
 * file and folder of the staging tree that this build did not write, so
 * the committed tree is exactly what a build into an empty folder makes.
 * (The spare's files are listed on a thread of their own while the build
 * writes; the sweep then only removes what this build did not write.)
 * Rebuilding a site of ten thousand pages then creates and deletes almost
 * nothing. The spare may be deleted at any time (the next build starts
 * from an empty folder); it costs the disk space of one more copy. A
 * failed build leaves what it wrote as the spare (when there is none and
 * the disk is not full), so the build after the fix is fast too. A spare
 * that is not the user's own, or that others may write to, is not used
 * (and is replaced at the next commit).
 *
 * When gzip is set (site.toml `[output] gzip = true`, set by build.c
 * before output_begin()), output_write() and output_copy() also write
 * "<rel>.gz" beside every .html, .css, .js, .xml, .json, .svg, .csv and
 * .txt file, for servers that send precompressed files. The copies are
 * deterministic: zlib level 9, no file name, mtime 0, OS "Unix"; the same
 * bytes give the same .gz on every build. They count in files and bytes.
 *
 * Live mode (output_begin_live(), for `congkhai serve`): files go straight
 * into the output folder, each through a temporary file and a rename (a
 * server reading the folder never sees half a file), and a file whose bytes
 * are already there is not written again. on_write, when set, hears of
 * every file (.gz copies included) with changed 1 when it was written, 0
 * when it was already right; serve's incremental rebuilds use it to remove
 * files a build no longer makes and to count what changed. commit and
 * abort then only release the output (nothing is swapped or removed).
 *
 * output_write() may be called from several threads at once (on_write is
 * called under a lock).
 * All functions return 0 / -1 with the error slot set.
 */
#ifndef CK_OUTPUT_H
#define CK_OUTPUT_H

#include <stddef.h>

typedef struct {
	char *final;   /* the output folder, e.g. "public" */
	char *staging; /* the folder being written */
	size_t files;  /* files written so far */
	size_t bytes;
	long long max_bytes; /* 0: no limit; else writing more is an error */
	int gzip;      /* 1: also write .gz copies of text files (see above) */
	int live;      /* live mode (see above) */
	size_t changed; /* live mode: files whose bytes changed (written) */
	void (*on_write)(void *ud, const char *rel, int changed); /* NULL: none */
	void *on_write_ud;
	int reuse;     /* staging began as the spare tree (see above) */
	char **seen;   /* reuse: the paths written (a hash set), for the sweep */
	size_t nseen, capseen;
	struct spare_list *old; /* reuse: the spare's files, listed by a thread
	                           while the build writes (output.c) */
} output;

/* 1 when rel is a safe relative output path: not empty, not absolute, no
 * "." or ".." segment, no backslash, no NUL, no empty segment. */
int output_path_ok(const char *rel);

int output_begin(output *o, const char *dir);
/* Live mode into dir (created when missing), keeping max_bytes, gzip and
 * on_write/on_write_ud as the caller set them. */
int output_begin_live(output *o, const char *dir);
/* Writes data to rel below the staging folder, creating folders. */
int output_write(output *o, const char *rel, const void *data, size_t len);
/* Removes rel (and its .gz copy) below the staging folder; missing is
 * fine. For a live output, whose files stay from build to build. */
int output_remove(output *o, const char *rel);
/* Copies the regular file src to rel. */
int output_copy(output *o, const char *rel, const char *src);
int output_commit(output *o);
void output_abort(output *o);

#endif
