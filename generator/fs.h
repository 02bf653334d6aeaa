/* fs.h: files and paths.
 *
 * All functions return 0 on success and -1 on failure with the error slot set
 * to a message that names the path and the system's reason.
 */
#ifndef CK_FS_H
#define CK_FS_H

#include "buf.h"

#include <stddef.h>

/* Appends the whole file at path to out. */
int fs_read(const char *path, buf_t *out);
/* Writes data to path (created or truncated), checking every write and the
 * final close. Parent folders must exist. */
int fs_write(const char *path, const void *data, size_t len);
/* Creates path and its missing parents (mode 0755). */
int fs_mkdir_p(const char *path);
/* Removes path and everything below it; a missing path is not an error.
 * Symbolic links are removed, never followed. */
int fs_rm_rf(const char *path);
/* 1 when path is a directory, 0 when not or missing. */
int fs_is_dir(const char *path);
/* 1 when path exists (any type, links not followed). */
int fs_exists(const char *path);
/* Copies the regular file src to dst (dst's parents must exist). */
int fs_copy(const char *src, const char *dst);
/* Sets out to a joined with b by one '/'. */
int fs_join(buf_t *out, const char *a, const char *b);

/* A sorted list of the entries of a directory (not "." or ".."). */
typedef struct {
	char **names;
	size_t len;
} fs_list;
int fs_list_dir(const char *path, fs_list *out);
void fs_list_free(fs_list *l);

#endif
