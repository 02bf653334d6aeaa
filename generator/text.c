/* text.c: UTF-8 validation, positions, NFC, Vietnamese folding and slugs.
 *
 * ASCII is the common case (slugs, most markup, the search index), so every
 * function walks ASCII runs itself and calls utf8proc only for the runs of
 * non-ASCII bytes. Splitting there is safe: an ASCII character is a starter
 * that never decomposes, never takes part in canonical reordering and never
 * composes with the character before it.
 *
 * Input that is not valid UTF-8: text_fold and text_slug put U+FFFD in place
 * of each maximal invalid subpart (a separator in a slug); text_nfc fails
 * with "invalid UTF-8 at byte N" in the error slot and leaves out as it was.
 * On any failure out keeps its earlier content and nothing of this call.
 */
#include "text.h"

#include "err.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* The longest input handed to utf8proc in one call: its lengths are
 * utf8proc_ssize_t and its buffers hold 4-byte code points. */
#define TEXT_MAX ((size_t)PTRDIFF_MAX / 8)

/* U+FFFD, which folding puts in place of each invalid sequence. */
static const char replacement[] = "\xEF\xBF\xBD";

/* Decodes one sequence at s (len >= 1). Returns its length (1-4) and sets
 * *cp, or, for an invalid sequence, minus the length of its maximal invalid
 * subpart (at least 1 byte: the lead byte and the continuation bytes that
 * were still acceptable). Table 3-7 of the Unicode standard. */
static int utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned c = s[0];
	unsigned lo = 0x80, hi = 0xBF;
	int need, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0; /* overlong below */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates above */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90; /* overlong below */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	} else {
		return -1; /* continuation byte, C0, C1, F5..FF */
	}
	for (i = 1; i <= need; i++) {
		unsigned b;

		if ((size_t)i >= len)
			return -i; /* truncated */
		b = s[i];
		if (b < lo || b > hi)
			return -i;
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return need + 1;
}

/* Writes cp (at most U+10FFFF) as UTF-8 to dst; returns the length. */
static size_t utf8_encode(uint32_t cp, unsigned char *dst)
{
	if (cp < 0x80) {
		dst[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		dst[0] = (unsigned char)(0xC0 | (cp >> 6));
		dst[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		dst[0] = (unsigned char)(0xE0 | (cp >> 12));
		dst[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		dst[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	dst[0] = (unsigned char)(0xF0 | (cp >> 18));
	dst[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	dst[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	dst[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the ASCII prefix of s[0..len). */
static size_t ascii_span(const char *s, size_t len)
{
	size_t i = 0;

	while (i + 8 <= len) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
		i += 8;
	}
	while (i < len && !((unsigned char)s[i] & 0x80))
		i++;
	return i;
}

/* Length of the prefix of s[0..len) made of bytes >= 0x80. */
static size_t high_span(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && ((unsigned char)s[i] & 0x80))
		i++;
	return i;
}

int utf8_validate(const char *s, size_t len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	for (;;) {
		uint32_t cp;
		int n;

		i += ascii_span(s + i, len - i);
		if (i >= len)
			return 0;
		n = utf8_decode(u + i, len - i, &cp);
		if (n < 0) {
			if (bad)
				*bad = i;
			return -1;
		}
		i += (size_t)n;
	}
}

void text_line_col(const char *s, size_t len, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		unsigned char b = (unsigned char)s[i];

		if (b == '\n') {
			l++;
			c = 1;
		} else if ((b & 0xC0) != 0x80) {
			c++; /* count lead bytes only: one per character */
		}
	}
	if (line)
		*line = l;
	if (col)
		*col = c;
}

/* 1 when valid UTF-8 s is certainly in NFC already, so normalizing would
 * give it back unchanged; 0 when it may not be (then utf8proc decides).
 * Conservative: a code point passes when it is below U+0300 or a
 * precomposed Latin letter of U+1E00..U+1EFF (all of Vietnamese), or when
 * it has combining class 0, cannot be the second part of a composition,
 * has no canonical decomposition, is not excluded from composition and is
 * not Hangul. Anything else sends the whole text to the slow path. */
static int nfc_quick(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;
		const utf8proc_property_t *prop;

		if (*p < 0x80) {
			p++;
			continue;
		}
		n = utf8proc_iterate(p, end - p, &cp);
		if (n <= 0)
			return 0;
		p += n;
		if (cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF))
			continue;
		if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7A3))
			return 0;
		prop = utf8proc_get_property(cp);
		if (prop->combining_class != 0 || prop->comp_exclusion ||
		    (prop->comb_index != UINT16_MAX && prop->comb_index >= 0x8000) ||
		    (prop->decomp_seqindex != UINT16_MAX && prop->decomp_type == 0))
			return 0;
	}
	return 1;
}

int text_nfc(buf_t *out, const char *s, size_t len)
{
	size_t a = ascii_span(s, len), keep, start;
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;
	int r;

	if (a == len || nfc_quick(s + a, len - a))
		return buf_put(out, s, len) < 0 ? err_oom() : 0;
	/* The last ASCII character before the first non-ASCII one may be the
	 * starter of a composition (e + U+0301), so it goes to utf8proc too. */
	keep = a ? a - 1 : 0;
	if (len - keep > TEXT_MAX)
		return err_set(NULL, 0, 0, "text too long to normalize (%zu bytes)", len);
	n = utf8proc_map((const utf8proc_uint8_t *)s + keep,
		(utf8proc_ssize_t)(len - keep), &dst,
		UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0) {
		/* utf8proc_map frees its buffer itself on failure */
		if (n == UTF8PROC_ERROR_NOMEM)
			return err_oom();
		if (n == UTF8PROC_ERROR_INVALIDUTF8) {
			size_t bad = 0;

			utf8_validate(s, len, &bad);
			return err_set(NULL, 0, 0, "invalid UTF-8 at byte %zu, cannot normalize", bad);
		}
		return err_set(NULL, 0, 0, "cannot normalize text: %s", utf8proc_errmsg(n));
	}
	r = 0;
	start = out->len;
	if (buf_put(out, s, keep) < 0 || buf_put(out, dst, (size_t)n) < 0) {
		buf_truncate(out, start); /* no half result */
		r = err_oom();
	}
	free(dst); /* utf8proc_map's result is malloc'd; utf8proc.h says free() */
	return r;
}

/* Appends one code point of a canonical decomposition, folded: marks
 * U+0300..U+036F dropped, đ/Đ as d, the rest lowercased. Lowercasing a
 * character that has no decomposition can give one that has (rare outside
 * Vietnamese, e.g. some Greek forms), so such a result is decomposed again. */
static void fold_cp(buf_t *out, uint32_t cp)
{
	unsigned char enc[4];
	utf8proc_int32_t lc, dec[8];
	utf8proc_ssize_t n, i;

	if (cp >= 0x300 && cp <= 0x36F)
		return;
	if (cp == 0x110 || cp == 0x111) {
		buf_putc(out, 'd');
		return;
	}
	lc = utf8proc_tolower((utf8proc_int32_t)cp);
	if ((uint32_t)lc != cp && lc >= 0x80) {
		n = utf8proc_decompose_char(lc, dec, 8, UTF8PROC_DECOMPOSE, NULL);
		if (n > 1 && n <= 8) {
			for (i = 0; i < n; i++)
				if (!(dec[i] >= 0x300 && dec[i] <= 0x36F))
					buf_put(out, enc, utf8_encode((uint32_t)dec[i], enc));
			return;
		}
	}
	buf_put(out, enc, utf8_encode((uint32_t)lc, enc));
}

/* Folds valid UTF-8 s[0..len) (len > 0, no ASCII needed) into out.
 * 0, or -1 with the error slot set. */
static int fold_valid(buf_t *out, const char *s, size_t len)
{
	utf8proc_int32_t stack[128], *cps = stack;
	utf8proc_ssize_t n, cap = 128, i;
	utf8proc_option_t opt = UTF8PROC_DECOMPOSE;

	if (len > TEXT_MAX)
		return err_set(NULL, 0, 0, "text too long to fold (%zu bytes)", len);
	/* Canonical decomposition with canonical ordering (NFD). */
	n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
		stack, 128, opt);
	if (n > 128) {
		if ((size_t)n > SIZE_MAX / sizeof *cps)
			return err_oom();
		cap = n;
		cps = malloc((size_t)cap * sizeof *cps);
		if (!cps)
			return err_oom();
		n = utf8proc_decompose((const utf8proc_uint8_t *)s,
			(utf8proc_ssize_t)len, cps, cap, opt);
	}
	if (n > cap)
		n = UTF8PROC_ERROR_OVERFLOW; /* cannot happen: same input twice */
	if (n < 0) {
		if (cps != stack)
			free(cps);
		if (n == UTF8PROC_ERROR_NOMEM)
			return err_oom();
		return err_set(NULL, 0, 0, "cannot fold text: %s", utf8proc_errmsg(n));
	}
	for (i = 0; i < n; i++)
		fold_cp(out, (uint32_t)cps[i]);
	if (cps != stack)
		free(cps);
	return out->oom ? err_oom() : 0;
}

/* Folds a run of bytes >= 0x80; invalid sequences become U+FFFD. */
static int fold_high(buf_t *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		size_t bad;
		uint32_t cp;
		int n;

		if (utf8_validate(s + i, len - i, &bad) == 0)
			return fold_valid(out, s + i, len - i);
		if (bad && fold_valid(out, s + i, bad) < 0)
			return -1;
		i += bad;
		n = utf8_decode(u + i, len - i, &cp);
		i += (size_t)(n < 0 ? -n : n); /* n < 0 here */
		if (buf_put(out, replacement, 3) < 0)
			return err_oom();
	}
	return 0;
}

/* Appends s[0..len), all ASCII, lowercased. */
static int put_ascii_lower(buf_t *out, const char *s, size_t len)
{
	char *d;
	size_t i;

	if (buf_grow(out, len) < 0)
		return err_oom();
	d = out->ptr + out->len;
	for (i = 0; i < len; i++) {
		char c = s[i];

		d[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out->len += len;
	out->ptr[out->len] = '\0';
	return 0;
}

int text_fold(buf_t *out, const char *s, size_t len)
{
	size_t i = 0, start = out->len;

	if (out->oom)
		return err_oom();
	while (i < len) {
		size_t n = ascii_span(s + i, len - i);

		if (n) {
			if (put_ascii_lower(out, s + i, n) < 0)
				goto fail;
			i += n;
			continue;
		}
		n = high_span(s + i, len - i);
		if (fold_high(out, s + i, n) < 0)
			goto fail;
		i += n;
	}
	return 0;
fail:
	buf_truncate(out, start); /* no half result */
	return -1;
}

/* Slug state: whether a character was written and whether a '-' waits for
 * the next one. */
typedef struct {
	int started, dash;
} slug_state;

static void slug_feed(buf_t *out, slug_state *st, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (st->dash && st->started)
				buf_putc(out, '-');
			st->dash = 0;
			st->started = 1;
			buf_putc(out, c);
		} else {
			st->dash = 1;
		}
	}
}

int text_slug(buf_t *out, const char *s, size_t len)
{
	buf_t tmp = BUF_INIT;
	slug_state st = { 0, 0 };
	size_t i = 0, start = out->len;
	int r = 0;

	if (out->oom)
		return err_oom();
	while (i < len) {
		size_t n = ascii_span(s + i, len - i);

		if (n) {
			slug_feed(out, &st, s + i, n);
			i += n;
			continue;
		}
		n = high_span(s + i, len - i);
		buf_reset(&tmp);
		if (fold_high(&tmp, s + i, n) < 0) {
			r = -1;
			break;
		}
		slug_feed(out, &st, tmp.ptr, tmp.len);
		i += n;
	}
	buf_free(&tmp);
	if (r == 0 && out->oom)
		r = err_oom();
	if (r < 0)
		buf_truncate(out, start); /* no half result */
	return r;
}
