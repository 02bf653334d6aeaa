/* buf.h: the one growable byte buffer.
 *
 * Invariants (as in git's strbuf):
 *   - b->ptr is never NULL: an empty buffer points at a shared "" that must
 *     not be written; the first append allocates.
 *   - b->ptr[b->len] == '\0' always, so b->ptr is a C string (the content may
 *     hold NULs of its own; b->len is the truth).
 *   - after an allocation failure b->oom is set, the content stays as it was
 *     before the failing call, and every later append is a no-op returning -1.
 *
 * Ownership: the buffer owns ptr. buf_free() releases it and leaves an empty
 * buffer; buf_detach() hands the memory to the caller (free() it).
 * Every appending function returns 0 on success and -1 on allocation failure.
 */
#ifndef CK_BUF_H
#define CK_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *ptr;
	size_t len;
	size_t cap; /* 0 while ptr is the shared "" */
	int oom;
} buf_t;

extern char buf_empty_[1];
#define BUF_INIT { buf_empty_, 0, 0, 0 }

void buf_init(buf_t *b);
void buf_free(buf_t *b);
/* Empties the buffer, keeps its memory and clears oom. */
void buf_reset(buf_t *b);
/* Makes room for at least extra more bytes. */
int buf_grow(buf_t *b, size_t extra);
int buf_put(buf_t *b, const void *data, size_t len);
int buf_puts(buf_t *b, const char *s);
int buf_putc(buf_t *b, int c);
int buf_printf(buf_t *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vprintf(buf_t *b, const char *fmt, va_list ap);
/* Cuts the content to len bytes (len <= b->len). */
void buf_truncate(buf_t *b, size_t len);
/* Gives back the unused capacity (for buffers kept a long time); on
 * failure the buffer simply stays as it was. */
void buf_shrink(buf_t *b);
/* Returns the malloc'd content (never NULL unless out of memory) and leaves b
 * empty. The caller frees the result. */
char *buf_detach(buf_t *b, size_t *len);
/* Appends the code point cp (at most U+10FFFF, not a surrogate: callers
 * check) encoded as UTF-8. */
int buf_put_utf8(buf_t *b, unsigned long cp);
/* Appends s with &, <, >, " and ' replaced by entities (HTML text and
 * double- or single-quoted attributes). */
int buf_put_html(buf_t *b, const char *s, size_t len);
/* Appends s escaped for XML text and attributes (same as HTML). */
#define buf_put_xml buf_put_html

#endif
