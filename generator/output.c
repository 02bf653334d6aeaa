#include "output.h"

#include "buf.h"
#include "err.h"
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <zlib.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;

int output_path_ok(const char *rel)
{
	const char *seg = rel, *p;

	if (!rel || !*rel || *rel == '/')
		return 0;
	for (p = rel;; p++) {
		if (*p == '/' || *p == '\0') {
			size_t n = (size_t)(p - seg);
			if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
				return 0;
			if (*p == '\0')
				return 1;
			seg = p + 1;
		} else if (*p == '\\' || (unsigned char)*p < 0x20) {
			return 0;
		}
	}
}

static int spare_path(const output *o, buf_t *out)
{
	buf_reset(out);
	return buf_printf(out, "%s.congkhai-spare", o->final) < 0 ? err_oom() : 0;
}

/* ---- The set of paths written into a reused tree ---- */

static size_t path_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int seen_has(const output *o, const char *rel)
{
	size_t mask = o->capseen - 1, i;

	if (!o->capseen)
		return 0;
	for (i = path_hash(rel) & mask; o->seen[i]; i = (i + 1) & mask)
		if (strcmp(o->seen[i], rel) == 0)
			return 1;
	return 0;
}

static void seen_put(char **tab, size_t cap, char *rel)
{
	size_t mask = cap - 1, i;

	for (i = path_hash(rel) & mask; tab[i]; i = (i + 1) & mask)
		;
	tab[i] = rel;
}

/* Adds rel (under count_lock). 0 / -1. */
static int seen_add(output *o, const char *rel)
{
	char *k;

	if (seen_has(o, rel))
		return 0;
	if ((o->nseen + 1) * 2 > o->capseen) {
		size_t cap = o->capseen ? o->capseen * 2 : 1024, i;
		char **t = calloc(cap, sizeof *t);
		if (!t)
			return -1;
		for (i = 0; i < o->capseen; i++)
			if (o->seen[i])
				seen_put(t, cap, o->seen[i]);
		free(o->seen);
		o->seen = t;
		o->capseen = cap;
	}
	k = strdup(rel);
	if (!k)
		return -1;
	seen_put(o->seen, o->capseen, k);
	o->nseen++;
	return 0;
}

static void seen_free(output *o)
{
	size_t i;

	for (i = 0; i < o->capseen; i++)
		free(o->seen[i]);
	free(o->seen);
	o->seen = NULL;
	o->nseen = o->capseen = 0;
}

/* The spare tree's files and folders as they were when the build began,
 * listed by a thread of its own (the listing is most of a sweep's cost):
 * the sweep at commit then removes those this build did not write. The
 * build writes into the tree meanwhile; an entry listed and then removed
 * or turned into something else by the build is skipped at the sweep (a
 * name it wrote is in seen), one it created may be listed or not (seen
 * too). */
typedef struct {
	char *rel;     /* below the staging folder */
	size_t parent; /* index of its folder's entry, or SIZE_MAX at the top */
	unsigned char dir, alive;
} spare_entry;

struct spare_list {
	pthread_t t;
	char *root;
	spare_entry *v;
	size_t len, cap;
	int failed; /* the listing is incomplete: sweep() walks the tree instead */
};

static int list_push(struct spare_list *l, const char *rel, size_t parent, int dir)
{
	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1024;
		spare_entry *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->len].rel = strdup(rel);
	if (!l->v[l->len].rel)
		return -1;
	l->v[l->len].parent = parent;
	l->v[l->len].dir = (unsigned char)dir;
	l->v[l->len].alive = 0;
	l->len++;
	return 0;
}

/* Lists the folder open as fd (rel below the root, "" for the root, its
 * entry parent) into l; fd is closed. -1 when the listing failed. */
static int list_dir(struct spare_list *l, int fd, const char *rel, size_t parent, int depth)
{
	DIR *d = fdopendir(fd);
	struct dirent *e;
	buf_t sub = BUF_INIT;
	int r = 0;

	if (!d) {
		close(fd);
		return -1;
	}
	while (r == 0 && (errno = 0, e = readdir(d)) != NULL) {
		int type = e->d_type;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		buf_reset(&sub);
		if (rel[0])
			buf_printf(&sub, "%s/", rel);
		buf_puts(&sub, e->d_name);
		if (sub.oom) {
			r = -1;
			break;
		}
		if (type == DT_UNKNOWN) {
			struct stat st;
			if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
				continue; /* gone meanwhile */
			type = S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
		}
		if (type == DT_DIR) {
			size_t me = l->len;
			int sfd;
			if (depth > 256 || list_push(l, sub.ptr, parent, 1) < 0) {
				r = -1;
				break;
			}
			sfd = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			if (sfd < 0) {
				if (errno != ENOENT && errno != ENOTDIR && errno != ELOOP)
					r = -1; /* else replaced by the build meanwhile */
				continue;
			}
			r = list_dir(l, sfd, sub.ptr, me, depth + 1);
		} else if (list_push(l, sub.ptr, parent, 0) < 0) {
			r = -1;
		}
	}
	if (r == 0 && errno != 0)
		r = -1;
	closedir(d);
	buf_free(&sub);
	return r;
}

static void *list_thread(void *arg)
{
	struct spare_list *l = arg;
	int fd = open(l->root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	l->failed = fd < 0 || list_dir(l, fd, "", SIZE_MAX, 0) < 0;
	return NULL;
}

static void list_free(struct spare_list *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->len; i++)
		free(l->v[i].rel);
	free(l->v);
	free(l->root);
	free(l);
}

/* Starts listing the staging folder (reuse); without memory or a thread,
 * none (the sweep walks the tree itself). */
static void list_start(output *o)
{
	struct spare_list *l = calloc(1, sizeof *l);

	if (!l)
		return;
	l->root = strdup(o->staging);
	if (!l->root || pthread_create(&l->t, NULL, list_thread, l) != 0) {
		list_free(l);
		return;
	}
	o->old = l;
}

/* Waits for the listing; the list, or NULL when there is none (freed). */
static struct spare_list *list_join(output *o)
{
	struct spare_list *l = o->old;

	o->old = NULL;
	if (!l)
		return NULL;
	pthread_join(l->t, NULL);
	if (l->failed) {
		list_free(l);
		return NULL;
	}
	return l;
}

/* Removes "<dir>.staging-PID" folders whose build is no longer running. */
static void remove_stale(const char *dir)
{
	buf_t parent = BUF_INIT, prefix = BUF_INIT, path = BUF_INIT;
	const char *slash = strrchr(dir, '/');
	fs_list l;
	size_t i;

	if (slash) {
		buf_put(&parent, dir, (size_t)(slash - dir));
		if (parent.len == 0)
			buf_putc(&parent, '/');
		buf_puts(&prefix, slash + 1);
	} else {
		buf_putc(&parent, '.');
		buf_puts(&prefix, dir);
	}
	buf_puts(&prefix, ".staging-");
	if (parent.oom || prefix.oom || fs_list_dir(parent.ptr, &l) < 0)
		goto done;
	for (i = 0; i < l.len; i++) {
		long pid;
		char *end;
		if (strncmp(l.names[i], prefix.ptr, prefix.len) != 0)
			continue;
		pid = strtol(l.names[i] + prefix.len, &end, 10);
		if (*end || pid <= 0 || (kill((pid_t)pid, 0) == 0 || errno == EPERM))
			continue;
		if (fs_join(&path, parent.ptr, l.names[i]) == 0)
			fs_rm_rf(path.ptr);
	}
	fs_list_free(&l);
done:
	buf_free(&parent);
	buf_free(&prefix);
	buf_free(&path);
}

int output_begin(output *o, const char *dir)
{
	buf_t b = BUF_INIT;
	size_t n = strlen(dir);
	long long max = o->max_bytes;

	int gzip = o->gzip;

	memset(o, 0, sizeof *o);
	o->max_bytes = max;
	o->gzip = gzip;
	while (n > 1 && dir[n - 1] == '/')
		n--;
	o->final = strndup(dir, n);
	if (!o->final)
		return err_oom();
	{
		char *saved = err_save();
		remove_stale(o->final);
		err_clear();
		err_restore(saved);
	}
	buf_printf(&b, "%s.staging-%ld", o->final, (long)getpid());
	if (b.oom) {
		output_abort(o);
		return err_oom();
	}
	o->staging = buf_detach(&b, NULL);
	if (!o->staging || fs_rm_rf(o->staging) < 0) {
		if (!o->staging)
			err_oom();
		output_abort(o);
		return -1;
	}
	{
		buf_t spare = BUF_INIT;
		struct stat st;
		if (spare_path(o, &spare) < 0) {
			output_abort(o);
			return -1;
		}
		/* only a folder of ours that nobody else may write to: files are
		 * written into it, and a link planted there must not lead them
		 * out of it */
		if (lstat(spare.ptr, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
		    !(st.st_mode & (S_IWGRP | S_IWOTH)) && rename(spare.ptr, o->staging) == 0) {
			o->reuse = 1;
			list_start(o);
		}
		buf_free(&spare);
	}
	if (!o->reuse && fs_mkdir_p(o->staging) < 0) {
		output_abort(o);
		return -1;
	}
	return 0;
}

int output_begin_live(output *o, const char *dir)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	o->final = strndup(dir, n);
	o->staging = strndup(dir, n);
	o->files = o->bytes = o->changed = 0;
	o->live = 1;
	o->reuse = 0;
	o->old = NULL;
	o->seen = NULL;
	o->nseen = o->capseen = 0;
	if (!o->final || !o->staging) {
		err_oom();
		goto fail;
	}
	if (!fs_is_dir(o->final) && fs_mkdir_p(o->final) < 0)
		goto fail;
	return 0;
fail:
	free(o->final);
	free(o->staging);
	o->final = o->staging = NULL;
	return -1;
}

static int full_path(const output *o, const char *rel, buf_t *out)
{
	if (!output_path_ok(rel))
		return err_set(NULL, 0, 0, "output path '%s' leaves the output folder", rel);
	return fs_join(out, o->staging, rel);
}

/* Creates the folder path[0..len) and any missing folders above it, from
 * the nearest existing one down (a page's folder usually needs one mkdir,
 * not one per level of the whole path). 0 / -1. */
static int mkdir_up(char *path, size_t len, int depth)
{
	char save = path[len];
	int r = 0;

	path[len] = '\0';
	if (mkdir(path, 0755) < 0 && errno != EEXIST) {
		char *slash = errno == ENOENT && depth < 256 ? strrchr(path, '/') : NULL;
		if (slash && slash > path) {
			path[len] = save;
			if (mkdir_up(path, (size_t)(slash - path), depth + 1) < 0)
				return -1;
			path[len] = '\0';
			if (mkdir(path, 0755) < 0 && errno != EEXIST)
				r = err_set(path, 0, 0, "cannot create folder: %s", strerror(errno));
		} else {
			r = err_set(path, 0, 0, "cannot create folder: %s", strerror(errno));
		}
	}
	path[len] = save;
	return r;
}

static int make_parent(buf_t *path)
{
	char *slash = strrchr(path->ptr, '/');

	if (!slash)
		return 0;
	return mkdir_up(path->ptr, (size_t)(slash - path->ptr), 0);
}

static int count(output *o, size_t len, const char *rel)
{
	int r = 0;

	pthread_mutex_lock(&count_lock);
	o->files++;
	o->bytes += len;
	if (o->max_bytes > 0 && (long long)o->bytes > o->max_bytes)
		r = -1;
	pthread_mutex_unlock(&count_lock);
	if (r < 0)
		return err_set(NULL, 0, 0, "writing '%s': the output is larger than the %lld-byte limit",
			       rel, o->max_bytes);
	return 0;
}

/* 1 when rel gets a .gz copy (see output.h). */
static int gz_wanted(const char *rel)
{
	static const char *const ext[] = {
		".html", ".css", ".js", ".xml", ".json", ".svg", ".csv", ".txt", NULL
	};
	size_t n = strlen(rel), m;
	const char *const *e;

	for (e = ext; *e; e++) {
		m = strlen(*e);
		if (n > m && strcmp(rel + n - m, *e) == 0)
			return 1;
	}
	return 0;
}

/* data as a gzip member in out: level 9, no name, mtime 0, OS Unix, so the
 * same input always gives the same bytes. 0 / -1. */
static int gz_compress(buf_t *out, const void *data, size_t len, const char *rel)
{
	z_stream z;
	gz_header h;
	size_t left = len;
	int zr = Z_OK;

	memset(&z, 0, sizeof z);
	memset(&h, 0, sizeof h);
	h.os = 3;
	if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return err_set(NULL, 0, 0, "writing '%s.gz': zlib could not start", rel);
	if (deflateSetHeader(&z, &h) != Z_OK) {
		deflateEnd(&z);
		return err_set(NULL, 0, 0, "writing '%s.gz': zlib refused the header", rel);
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	while (zr != Z_STREAM_END) {
		uInt in = left > 1u << 30 ? 1u << 30 : (uInt)left;
		if (buf_grow(out, 64 * 1024) < 0) {
			deflateEnd(&z);
			return err_oom();
		}
		z.avail_in = in;
		z.next_out = (Bytef *)out->ptr + out->len;
		z.avail_out = (uInt)(out->cap - out->len - 1);
		zr = deflate(&z, in == left ? Z_FINISH : Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR) {
			deflateEnd(&z);
			return err_set(NULL, 0, 0, "writing '%s.gz': zlib error %d", rel, zr);
		}
		left -= in - z.avail_in;
		out->len = (size_t)((char *)z.next_out - out->ptr);
		out->ptr[out->len] = '\0';
	}
	deflateEnd(&z);
	return 0;
}

/* 1 when the open file fd (of size len, a regular file) holds exactly
 * data from its start. */
static int same_fd(int fd, const void *data, size_t len)
{
	char chunk[65536];
	const char *d = data;
	size_t off = 0;

	while (off < len) {
		ssize_t n = pread(fd, chunk, len - off < sizeof chunk ? len - off : sizeof chunk, (off_t)off);
		if (n <= 0 || memcmp(chunk, d + off, (size_t)n) != 0)
			return 0;
		off += (size_t)n;
	}
	return 1;
}

/* 1 when the regular file at path holds exactly data (live mode). */
static int same_bytes(const char *path, const void *data, size_t len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), same = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len)
		same = same_fd(fd, data, len);
	close(fd);
	return same;
}

/* Puts data at path: directly, or in live mode through a temporary file and
 * a rename, leaving a file that already holds these bytes alone. rel and
 * suffix ("" or ".gz") name the file for on_write. 0 / -1. */
static int put_file(output *o, const char *rel, const char *suffix, const char *path,
		    const void *data, size_t len)
{
	buf_t tmp = BUF_INIT, name = BUF_INIT;
	int changed = 0, r = 0;

	if (!same_bytes(path, data, len)) {
		changed = 1;
		if (buf_printf(&tmp, "%s.congkhai-tmp-%ld", path, (long)getpid()) < 0)
			return err_oom();
		r = fs_write(tmp.ptr, data, len);
		if (r == 0 && rename(tmp.ptr, path) < 0)
			r = err_set(path, 0, 0, "cannot write: %s", strerror(errno));
		if (r < 0)
			unlink(tmp.ptr);
		buf_free(&tmp);
		if (r < 0)
			return -1;
	}
	if (o->on_write && (buf_puts(&name, rel) < 0 || buf_puts(&name, suffix) < 0)) {
		buf_free(&name);
		return err_oom();
	}
	pthread_mutex_lock(&count_lock);
	o->changed += (size_t)changed;
	if (o->on_write)
		o->on_write(o->on_write_ud, name.ptr, changed);
	pthread_mutex_unlock(&count_lock);
	buf_free(&name);
	return 0;
}

/* A new file of the staging folder: its folder is made when the first
 * try finds it missing (one mkdir for a new page, none for the rest). */
static int write_new(buf_t *path, const void *data, size_t len)
{
	const char *p = data;
	int fd = open(path->ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);

	if (fd < 0 && errno == ENOENT) {
		if (make_parent(path) < 0)
			return -1;
		fd = open(path->ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	}
	if (fd < 0)
		return err_set(path->ptr, 0, 0, "cannot create: %s", strerror(errno));
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_set(path->ptr, 0, 0, "cannot write: %s", strerror(errno));
			close(fd);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) < 0)
		return err_set(path->ptr, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}

/* Reuse: makes room for the file at path, whose name below the staging
 * folder is rel: a file where a folder of rel must be, or a folder or link
 * where the file goes, is removed. 0 / -1. */
static int clear_way(output *o, const char *rel)
{
	buf_t p = BUF_INIT;
	const char *q;
	struct stat st;
	int r = 0;

	for (q = strchr(rel, '/'); r == 0 && q; q = strchr(q + 1, '/')) {
		buf_reset(&p);
		buf_printf(&p, "%s/%.*s", o->staging, (int)(q - rel), rel);
		if (p.oom)
			r = err_oom();
		else if (lstat(p.ptr, &st) < 0)
			break; /* missing from here down: write_new() makes it */
		else if (!S_ISDIR(st.st_mode) && unlink(p.ptr) < 0)
			r = err_set(p.ptr, 0, 0, "cannot remove: %s", strerror(errno));
	}
	buf_reset(&p);
	buf_printf(&p, "%s/%s", o->staging, rel);
	if (r == 0)
		r = p.oom ? err_oom() : fs_rm_rf(p.ptr);
	buf_free(&p);
	return r;
}

/* A file of the staging folder (not live): created, or in a reused tree
 * left alone when it already holds data, else rewritten in place. rel and
 * suffix ("" or ".gz") name it below the staging folder. 0 / -1. */
static int put_staged(output *o, const char *rel, const char *suffix, buf_t *path, const void *data, size_t len)
{
	buf_t name = BUF_INIT;
	struct stat st;
	int fd, r;

	if (!o->reuse)
		return write_new(path, data, len);
	if (buf_puts(&name, rel) < 0 || buf_puts(&name, suffix) < 0) {
		buf_free(&name);
		return err_oom();
	}
	pthread_mutex_lock(&count_lock);
	r = seen_add(o, name.ptr);
	pthread_mutex_unlock(&count_lock);
	if (r < 0) {
		buf_free(&name);
		return err_oom();
	}
	fd = open(path->ptr, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
			const char *d = data;
			size_t off = 0;
			if ((size_t)st.st_size == len && same_fd(fd, data, len)) {
				close(fd);
				buf_free(&name);
				return 0;
			}
			while (off < len) {
				ssize_t n = pwrite(fd, d + off, len - off, (off_t)off);
				if (n < 0 && errno == EINTR)
					continue;
				if (n <= 0)
					break;
				off += (size_t)n;
			}
			if (off < len || ftruncate(fd, (off_t)len) < 0) {
				r = err_set(path->ptr, 0, 0, "cannot write: %s", strerror(errno));
				close(fd);
			} else if (close(fd) < 0) {
				r = err_set(path->ptr, 0, 0, "cannot write: %s", strerror(errno));
			}
			buf_free(&name);
			return r;
		}
		close(fd);
	} else if (errno == ENOENT) {
		buf_free(&name);
		return write_new(path, data, len);
	}
	r = clear_way(o, name.ptr);
	buf_free(&name);
	return r < 0 ? -1 : write_new(path, data, len);
}

/* Writes the .gz copy of rel (whose full path is in path) when wanted. */
static int write_gz(output *o, const char *rel, buf_t *path, const void *data, size_t len)
{
	buf_t gz = BUF_INIT;
	int r;

	if (!o->gzip || !gz_wanted(rel))
		return 0;
	r = gz_compress(&gz, data, len, rel);
	if (r == 0)
		r = count(o, gz.len, rel);
	if (r == 0 && buf_puts(path, ".gz") < 0)
		r = err_oom();
	if (r == 0)
		r = o->live ? put_file(o, rel, ".gz", path->ptr, gz.ptr, gz.len)
			    : put_staged(o, rel, ".gz", path, gz.ptr, gz.len);
	buf_free(&gz);
	return r;
}

int output_write(output *o, const char *rel, const void *data, size_t len)
{
	buf_t path = BUF_INIT;
	int r;

	r = full_path(o, rel, &path);
	if (r == 0)
		r = count(o, len, rel);
	if (r == 0 && !o->live)
		r = put_staged(o, rel, "", &path, data, len);
	else if (r == 0 && (r = make_parent(&path)) == 0)
		r = put_file(o, rel, "", path.ptr, data, len);
	if (r == 0)
		r = write_gz(o, rel, &path, data, len);
	buf_free(&path);
	return r;
}

int output_remove(output *o, const char *rel)
{
	buf_t path = BUF_INIT;
	int r = full_path(o, rel, &path), i;

	for (i = 0; r == 0 && i < 2; i++) {
		if (i == 1 && buf_puts(&path, ".gz") < 0)
			r = err_oom();
		else if (unlink(path.ptr) < 0 && errno != ENOENT)
			r = err_set(path.ptr, 0, 0, "cannot remove: %s", strerror(errno));
	}
	buf_free(&path);
	return r;
}

int output_copy(output *o, const char *rel, const char *src)
{
	buf_t data = BUF_INIT;
	int r;

	r = fs_read(src, &data);
	if (r == 0)
		r = output_write(o, rel, data.ptr, data.len);
	buf_free(&data);
	return r;
}

/* Reuse: removes below the staging folder's rel ("" for the top) every
 * file this build did not write, and the folders left empty; *kept counts
 * what stays in the folder. 0 / -1. */
static int sweep(output *o, const char *rel, size_t *kept)
{
	buf_t dir = BUF_INIT, sub = BUF_INIT, full = BUF_INIT;
	fs_list l = { NULL, 0 };
	struct stat st;
	size_t i;
	int r = 0;

	*kept = 0;
	if ((rel[0] ? buf_printf(&dir, "%s/%s", o->staging, rel) : buf_puts(&dir, o->staging)) < 0)
		return err_oom();
	if (fs_list_dir(dir.ptr, &l) < 0) {
		buf_free(&dir);
		return -1;
	}
	for (i = 0; r == 0 && i < l.len; i++) {
		buf_reset(&sub);
		buf_reset(&full);
		if (rel[0])
			buf_printf(&sub, "%s/", rel);
		buf_puts(&sub, l.names[i]);
		buf_printf(&full, "%s/%s", dir.ptr, l.names[i]);
		if (sub.oom || full.oom) {
			r = err_oom();
		} else if (lstat(full.ptr, &st) < 0) {
			r = err_set(full.ptr, 0, 0, "cannot read: %s", strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			size_t n;
			r = sweep(o, sub.ptr, &n);
			if (r == 0 && n == 0 && rmdir(full.ptr) < 0)
				r = err_set(full.ptr, 0, 0, "cannot remove folder: %s", strerror(errno));
			*kept += n > 0;
		} else if (seen_has(o, sub.ptr)) {
			(*kept)++;
		} else if (unlink(full.ptr) < 0) {
			r = err_set(full.ptr, 0, 0, "cannot remove: %s", strerror(errno));
		}
	}
	fs_list_free(&l);
	buf_free(&dir);
	buf_free(&sub);
	buf_free(&full);
	return r;
}

/* Reuse, with the listing of the spare: removes what this build did not
 * write, then the folders left empty. 0 / -1. */
static int sweep_listed(output *o, struct spare_list *l)
{
	buf_t full = BUF_INIT;
	size_t i, k;
	int r = 0;

	for (i = 0; r == 0 && i < l->len; i++) {
		spare_entry *e = &l->v[i];
		if (e->dir)
			continue;
		if (seen_has(o, e->rel)) {
			for (k = e->parent; k != SIZE_MAX && !l->v[k].alive; k = l->v[k].parent)
				l->v[k].alive = 1;
			continue;
		}
		buf_reset(&full);
		buf_printf(&full, "%s/%s", o->staging, e->rel);
		if (full.oom)
			r = err_oom();
		else if (unlink(full.ptr) < 0 && errno != ENOENT && errno != ENOTDIR && errno != EISDIR)
			r = err_set(full.ptr, 0, 0, "cannot remove: %s", strerror(errno));
	}
	/* folders after their contents: the list has each folder before them */
	for (i = l->len; r == 0 && i-- > 0;) {
		spare_entry *e = &l->v[i];
		if (!e->dir || e->alive)
			continue;
		buf_reset(&full);
		buf_printf(&full, "%s/%s", o->staging, e->rel);
		if (full.oom)
			r = err_oom();
		else if (rmdir(full.ptr) < 0 && errno != ENOENT && errno != ENOTDIR && errno != ENOTEMPTY &&
			 errno != EEXIST)
			r = err_set(full.ptr, 0, 0, "cannot remove folder: %s", strerror(errno));
	}
	buf_free(&full);
	return r;
}

/* The site just replaced (at path) becomes the spare tree of the next
 * build; when it cannot, it is removed. The new site is in place already:
 * a failure here is not the build's, so it returns nothing. */
static void keep_spare(output *o, const char *path)
{
	buf_t spare = BUF_INIT;
	char *saved = err_save();

	if (spare_path(o, &spare) < 0 || fs_rm_rf(spare.ptr) < 0 || rename(path, spare.ptr) < 0)
		fs_rm_rf(path);
	buf_free(&spare);
	err_clear();
	err_restore(saved);
}

int output_commit(output *o)
{
	int r = 0;

	if (o->live) {
		output_abort(o); /* live: the files are in place already */
		return 0;
	}
	if (o->reuse) {
		struct spare_list *l = list_join(o);
		size_t kept;
		int r2 = l ? sweep_listed(o, l) : sweep(o, "", &kept);
		list_free(l);
		if (r2 < 0) {
			output_abort(o);
			return -1;
		}
	}
	if (fs_exists(o->final)) {
		if (syscall(SYS_renameat2, AT_FDCWD, o->staging, AT_FDCWD, o->final, RENAME_EXCHANGE) == 0) {
			/* the staging name now holds the old site */
			keep_spare(o, o->staging);
		} else {
			buf_t old = BUF_INIT;
			buf_printf(&old, "%s.old-%ld", o->final, (long)getpid());
			if (old.oom) {
				r = err_oom();
			} else if (rename(o->final, old.ptr) < 0) {
				r = err_set(o->final, 0, 0, "cannot replace the output folder: %s", strerror(errno));
			} else if (rename(o->staging, o->final) < 0) {
				r = err_set(o->final, 0, 0, "cannot move the new site into place: %s", strerror(errno));
				rename(old.ptr, o->final);
			} else {
				keep_spare(o, old.ptr);
			}
			buf_free(&old);
		}
	} else if (rename(o->staging, o->final) < 0) {
		r = err_set(o->final, 0, 0, "cannot move the new site into place: %s", strerror(errno));
	}
	if (r < 0) {
		output_abort(o);
		return -1;
	}
	free(o->final);
	free(o->staging);
	o->final = o->staging = NULL;
	seen_free(o);
	return 0;
}

void output_abort(output *o)
{
	list_free(list_join(o));
	if (o->staging && !o->live) {
		/* the files written so far make the next build's spare (it is
		 * swept and compared like any), unless the disk is full */
		const char *m = err_msg();
		int full = strstr(m, strerror(ENOSPC)) || strstr(m, strerror(EDQUOT));
		char *saved = err_save();
		buf_t spare = BUF_INIT;
		if (full || !o->final || spare_path(o, &spare) < 0 || fs_exists(spare.ptr) ||
		    rename(o->staging, spare.ptr) < 0)
			fs_rm_rf(o->staging);
		buf_free(&spare);
		err_clear();
		err_restore(saved);
	}
	seen_free(o);
	free(o->final);
	free(o->staging);
	o->final = o->staging = NULL;
}
