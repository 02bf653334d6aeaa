#include "err.h"

#include "buf.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local buf_t slot = BUF_INIT;
static _Thread_local int slot_positioned;
static const char oom_msg[] = "error: out of memory";

static pthread_mutex_t warn_lock = PTHREAD_MUTEX_INITIALIZER;
static char **warnings;
static size_t nwarnings, capwarnings;

static void put_pos(buf_t *b, const char *path, int line, int col)
{
	if (path && *path) {
		buf_puts(b, path);
		if (line > 0) {
			buf_printf(b, ":%d", line);
			if (col > 0)
				buf_printf(b, ":%d", col);
		}
		buf_puts(b, ": ");
	}
}

static int vset(const char *path, int line, int col, const char *fmt, va_list ap)
{
	buf_reset(&slot);
	put_pos(&slot, path, line, col);
	buf_puts(&slot, "error: ");
	buf_vprintf(&slot, fmt, ap);
	slot_positioned = path && *path;
	return -1;
}

int err_set(const char *path, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(path, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

int err_oom(void)
{
	return err_set(NULL, 0, 0, "out of memory");
}

int err_wrap(const char *path, int line, int col)
{
	buf_t old = BUF_INIT;

	if (slot_positioned || !slot.len)
		return -1;
	buf_put(&old, slot.ptr, slot.len);
	buf_reset(&slot);
	put_pos(&slot, path, line, col);
	buf_put(&slot, old.ptr, old.len);
	buf_free(&old);
	slot_positioned = path && *path;
	return -1;
}

const char *err_msg(void)
{
	if (slot.oom)
		return oom_msg;
	return slot.ptr;
}

int err_isset(void)
{
	return slot.len > 0 || slot.oom;
}

void err_clear(void)
{
	buf_free(&slot);
	slot_positioned = 0;
}

char *err_save(void)
{
	char *s = NULL;

	if (err_isset())
		s = strdup(err_msg());
	err_clear();
	return s;
}

void err_restore(char *saved)
{
	if (!saved)
		return;
	buf_reset(&slot);
	buf_puts(&slot, saved);
	slot_positioned = 1;
	free(saved);
}

void warn_add(const char *path, int line, int col, const char *fmt, ...)
{
	buf_t b = BUF_INIT;
	va_list ap;
	char *s;

	put_pos(&b, path, line, col);
	buf_puts(&b, "warning: ");
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	s = buf_detach(&b, NULL);
	if (!s)
		return;
	pthread_mutex_lock(&warn_lock);
	if (nwarnings == capwarnings) {
		size_t cap = capwarnings ? capwarnings * 2 : 16;
		char **p = realloc(warnings, cap * sizeof *p);
		if (!p) {
			pthread_mutex_unlock(&warn_lock);
			free(s);
			return;
		}
		warnings = p;
		capwarnings = cap;
	}
	warnings[nwarnings++] = s;
	pthread_mutex_unlock(&warn_lock);
}

size_t warn_count(void)
{
	size_t n;

	pthread_mutex_lock(&warn_lock);
	n = nwarnings;
	pthread_mutex_unlock(&warn_lock);
	return n;
}

const char *warn_get(size_t i)
{
	const char *s = NULL;

	pthread_mutex_lock(&warn_lock);
	if (i < nwarnings)
		s = warnings[i];
	pthread_mutex_unlock(&warn_lock);
	return s;
}

/* Natural order: runs of digits compare as numbers, so "a.md:9:" comes
 * before "a.md:10:". */
static int natural_cmp(const void *x, const void *y)
{
	const unsigned char *a = *(const unsigned char *const *)x, *b = *(const unsigned char *const *)y;

	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			const unsigned char *ea = a, *eb = b;
			size_t la, lb;
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			for (ea = a; *ea >= '0' && *ea <= '9'; ea++)
				;
			for (eb = b; *eb >= '0' && *eb <= '9'; eb++)
				;
			la = (size_t)(ea - a);
			lb = (size_t)(eb - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			while (a < ea) {
				if (*a != *b)
					return *a < *b ? -1 : 1;
				a++;
				b++;
			}
			continue;
		}
		if (*a != *b)
			return *a < *b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

void warn_sort_from(size_t mark)
{
	pthread_mutex_lock(&warn_lock);
	if (mark < nwarnings && nwarnings - mark > 1)
		qsort(warnings + mark, nwarnings - mark, sizeof *warnings, natural_cmp);
	pthread_mutex_unlock(&warn_lock);
}

void warn_clear(void)
{
	size_t i;

	pthread_mutex_lock(&warn_lock);
	for (i = 0; i < nwarnings; i++)
		free(warnings[i]);
	free(warnings);
	warnings = NULL;
	nwarnings = capwarnings = 0;
	pthread_mutex_unlock(&warn_lock);
}
