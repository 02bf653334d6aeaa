#include "output.h"

#include "buf.h"
#include "err.h"
#include "fs.h"

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
	if (!o->staging || fs_rm_rf(o->staging) < 0 || fs_mkdir_p(o->staging) < 0) {
		if (!o->staging)
			err_oom();
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

static int make_parent(buf_t *path)
{
	char *slash = strrchr(path->ptr, '/');
	int r;

	if (!slash)
		return 0;
	*slash = '\0';
	r = fs_is_dir(path->ptr) ? 0 : fs_mkdir_p(path->ptr);
	*slash = '/';
	return r;
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

/* 1 when the regular file at path holds exactly data (live mode). */
static int same_bytes(const char *path, const void *data, size_t len)
{
	char chunk[65536];
	const char *d = data;
	size_t off = 0;
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), same = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len) {
		same = 1;
		while (same && off < len) {
			ssize_t n = read(fd, chunk, len - off < sizeof chunk ? len - off : sizeof chunk);
			if (n <= 0 || memcmp(chunk, d + off, (size_t)n) != 0)
				same = 0;
			else
				off += (size_t)n;
		}
	}
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

	if (!o->live)
		return fs_write(path, data, len);
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
		r = put_file(o, rel, ".gz", path->ptr, gz.ptr, gz.len);
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
	if (r == 0)
		r = make_parent(&path);
	if (r == 0)
		r = put_file(o, rel, "", path.ptr, data, len);
	if (r == 0)
		r = write_gz(o, rel, &path, data, len);
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

int output_commit(output *o)
{
	int r = 0;

	if (o->live) {
		output_abort(o); /* live: the files are in place already */
		return 0;
	}

	if (fs_exists(o->final)) {
		if (syscall(SYS_renameat2, AT_FDCWD, o->staging, AT_FDCWD, o->final, RENAME_EXCHANGE) == 0) {
			/* the staging name now holds the old site */
			r = fs_rm_rf(o->staging);
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
				r = fs_rm_rf(old.ptr);
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
	return 0;
}

void output_abort(output *o)
{
	if (o->staging && !o->live) {
		char *saved = err_save();
		fs_rm_rf(o->staging);
		err_clear();
		err_restore(saved);
	}
	free(o->final);
	free(o->staging);
	o->final = o->staging = NULL;
}
