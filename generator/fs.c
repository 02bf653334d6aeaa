#include "fs.h"

#include "err.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int fs_read(const char *path, buf_t *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t n;

	if (fd < 0)
		return err_set(path, 0, 0, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return err_set(path, 0, 0, "is a folder, not a file");
	}
	if (fstat(fd, &st) == 0 && st.st_size > 0 && buf_grow(out, (size_t)st.st_size) < 0) {
		close(fd);
		return err_oom();
	}
	for (;;) {
		if (buf_grow(out, 65536) < 0) {
			close(fd);
			return err_oom();
		}
		n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_set(path, 0, 0, "cannot read: %s", strerror(errno));
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
	}
	close(fd);
	return 0;
}

int fs_write(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	const char *p = data;

	if (fd < 0)
		return err_set(path, 0, 0, "cannot create: %s", strerror(errno));
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_set(path, 0, 0, "cannot write: %s", strerror(errno));
			close(fd);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) < 0)
		return err_set(path, 0, 0, "cannot write: %s", strerror(errno));
	return 0;
}

int fs_mkdir_p(const char *path)
{
	buf_t b = BUF_INIT;
	size_t i;
	int r = 0;

	if (buf_puts(&b, path) < 0)
		return err_oom();
	for (i = 1; i <= b.len; i++) {
		if (b.ptr[i] == '/' || b.ptr[i] == '\0') {
			char save = b.ptr[i];
			b.ptr[i] = '\0';
			if (mkdir(b.ptr, 0755) < 0 && errno != EEXIST) {
				r = err_set(b.ptr, 0, 0, "cannot create folder: %s", strerror(errno));
				break;
			}
			b.ptr[i] = save;
		}
	}
	if (r == 0 && !fs_is_dir(path))
		r = err_set(path, 0, 0, "cannot create folder: a file is in the way");
	buf_free(&b);
	return r;
}

int fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int fs_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

int fs_rm_rf(const char *path)
{
	struct stat st;
	fs_list l;
	buf_t child = BUF_INIT;
	size_t i;
	int r = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : err_set(path, 0, 0, "cannot remove: %s", strerror(errno));
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) < 0)
			return err_set(path, 0, 0, "cannot remove: %s", strerror(errno));
		return 0;
	}
	if (fs_list_dir(path, &l) < 0)
		return -1;
	for (i = 0; i < l.len && r == 0; i++) {
		buf_reset(&child);
		if (fs_join(&child, path, l.names[i]) < 0)
			r = -1;
		else
			r = fs_rm_rf(child.ptr);
	}
	fs_list_free(&l);
	buf_free(&child);
	if (r == 0 && rmdir(path) < 0)
		r = err_set(path, 0, 0, "cannot remove folder: %s", strerror(errno));
	return r;
}

int fs_copy(const char *src, const char *dst)
{
	buf_t b = BUF_INIT;
	int r;

	r = fs_read(src, &b);
	if (r == 0)
		r = fs_write(dst, b.ptr, b.len);
	buf_free(&b);
	return r;
}

int fs_join(buf_t *out, const char *a, const char *b)
{
	buf_reset(out);
	buf_puts(out, a);
	if (out->len && out->ptr[out->len - 1] != '/' && *b)
		buf_putc(out, '/');
	buf_puts(out, b);
	return out->oom ? err_oom() : 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fs_list_dir(const char *path, fs_list *out)
{
	DIR *d = opendir(path);
	struct dirent *e;
	size_t cap = 0;

	out->names = NULL;
	out->len = 0;
	if (!d)
		return err_set(path, 0, 0, "cannot open folder: %s", strerror(errno));
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		char *name;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (out->len == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **p = realloc(out->names, ncap * sizeof *p);
			if (!p)
				goto oom;
			out->names = p;
			cap = ncap;
		}
		name = strdup(e->d_name);
		if (!name)
			goto oom;
		out->names[out->len++] = name;
	}
	closedir(d);
	if (out->len)
		qsort(out->names, out->len, sizeof *out->names, cmp_names);
	return 0;
oom:
	closedir(d);
	fs_list_free(out);
	return err_oom();
}

void fs_list_free(fs_list *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		free(l->names[i]);
	free(l->names);
	l->names = NULL;
	l->len = 0;
}
