/* Unit tests for text.c: UTF-8 validation, positions, NFC, folding, slugs. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static buf_t out_fold = BUF_INIT, out_slug = BUF_INIT, out_nfc = BUF_INIT;

/* Each helper returns its result, valid until its next call; "(failed)"
 * when the function under test returned -1. */
static const char *fold_n(const char *s, size_t len)
{
	buf_reset(&out_fold);
	return text_fold(&out_fold, s, len) == 0 ? out_fold.ptr : "(failed)";
}

static const char *fold(const char *s)
{
	return fold_n(s, strlen(s));
}

static const char *slug(const char *s)
{
	buf_reset(&out_slug);
	return text_slug(&out_slug, s, strlen(s)) == 0 ? out_slug.ptr : "(failed)";
}

static const char *nfc(const char *s)
{
	buf_reset(&out_nfc);
	return text_nfc(&out_nfc, s, strlen(s)) == 0 ? out_nfc.ptr : "(failed)";
}

/* utf8_validate()'s fast yes/no answer (0 or -1), from the vector code
 * when vector is nonzero and the CPU has it, else from the scalar code
 * (other CPUs); text.c exports it for this test only (not in text.h). */
int utf8_check_fast(const char *s, size_t len, int vector);

/* utf8_validate on a literal: returns the bad offset, or -1 when valid;
 * -3 when the vector or the scalar yes/no answer is another one (a valid
 * text called invalid would only be slow, so it is checked here). The
 * text is copied to exactly len bytes of heap, where ASan sees a read past
 * the end. */
static long bad_at(const char *s, size_t len)
{
	size_t bad = (size_t)-1;
	char *copy = malloc(len ? len : 1);
	long ret;
	int r;

	if (!copy)
		return -4;
	memcpy(copy, s, len);
	r = utf8_validate(copy, len, &bad);
	if (utf8_check_fast(copy, len, 1) != r || utf8_check_fast(copy, len, 0) != r)
		ret = -3;
	else if (r == 0)
		ret = bad == (size_t)-1 ? -1 : -2; /* -2: bad touched on success */
	else
		ret = (long)bad;
	free(copy);
	return ret;
}
#define BAD(lit) bad_at(lit, sizeof(lit) - 1)

static void test_validate(void)
{
	static const char with_nul[] = "a\0b";
	char big[300];

	/* valid */
	CHECK(BAD("") == -1);
	CHECK(BAD("plain ASCII, long enough for the 8-byte fast path") == -1);
	CHECK(BAD("Vi\xE1\xBB\x87t Nam") == -1);               /* Việt Nam */
	CHECK(BAD("\xC2\x80") == -1);                          /* U+0080 */
	CHECK(BAD("\xDF\xBF") == -1);                          /* U+07FF */
	CHECK(BAD("\xE0\xA0\x80") == -1);                      /* U+0800 */
	CHECK(BAD("\xED\x9F\xBF") == -1);                      /* U+D7FF */
	CHECK(BAD("\xEE\x80\x80") == -1);                      /* U+E000 */
	CHECK(BAD("\xEF\xBF\xBD\xEF\xBF\xBF") == -1);          /* U+FFFD U+FFFF */
	CHECK(BAD("\xF0\x90\x80\x80") == -1);                  /* U+10000 */
	CHECK(BAD("\xF0\x9F\x98\x80 ok") == -1);               /* emoji */
	CHECK(BAD("\xF4\x8F\xBF\xBF") == -1);                  /* U+10FFFF */
	CHECK(utf8_validate(with_nul, 3, NULL) == 0);          /* NUL is valid */
	CHECK(utf8_validate("\xFF", 0, NULL) == 0);            /* len counts */

	/* overlongs */
	CHECK(BAD("ab\xC0\xAF") == 2);
	CHECK(BAD("\xC1\xBF") == 0);
	CHECK(BAD("x\xE0\x80\xAF") == 1);
	CHECK(BAD("\xE0\x9F\xBF") == 0);
	CHECK(BAD("xy\xF0\x80\x80\xAF") == 2);
	CHECK(BAD("\xF0\x8F\xBF\xBF") == 0);
	/* surrogates */
	CHECK(BAD("a\xED\xA0\x80") == 1);                      /* U+D800 */
	CHECK(BAD("\xC3\xA0\xED\xBF\xBF") == 2);               /* U+DFFF */
	CHECK(BAD("\xED\xA0\xBD\xED\xB8\x80") == 0);           /* CESU pair */
	/* above U+10FFFF */
	CHECK(BAD("\xF4\x90\x80\x80") == 0);
	CHECK(BAD("abc\xF5\x80\x80\x80") == 3);
	CHECK(BAD("\xF7\xBF\xBF\xBF") == 0);
	/* bytes never valid, stray continuations */
	CHECK(BAD("\xFE") == 0);
	CHECK(BAD("a\xFF") == 1);
	CHECK(BAD("\x80") == 0);
	CHECK(BAD("\xC3\xA9\xA9") == 2);
	CHECK(BAD("\xF8\x88\x80\x80\x80") == 0);               /* old 5-byte */
	/* truncated, at the end and before other characters */
	CHECK(BAD("abc\xE1\x80") == 3);
	CHECK(BAD("ab\xE1\x80z") == 2);
	CHECK(BAD("\xF0\x9F\x98") == 0);
	CHECK(BAD("\xF0\x9F\x98 ") == 0);
	CHECK(BAD("\xC3") == 0);
	CHECK(BAD("\xC3\xC3\xA9") == 0);
	/* offsets past the ASCII fast path */
	memset(big, 'a', sizeof big);
	big[257] = '\xE1';
	big[258] = '\xBB';
	big[259] = '\x87';
	CHECK(utf8_validate(big, sizeof big, NULL) == 0);
	big[259] = 'x';
	CHECK(bad_at(big, sizeof big) == 257);
	big[259] = '\x87';
	big[299] = '\xC3';
	CHECK(bad_at(big, sizeof big) == 299);
}

/* The offset of the first invalid byte by the Unicode standard's Table 3-7
 * written out byte by byte, or -1: the oracle for utf8_validate's fast
 * paths. */
static long oracle_bad(const unsigned char *u, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = u[i], lo = 0x80, hi = 0xBF;
		size_t need, k;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			need = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			need = 3;
		else
			return (long)i;
		if (c == 0xE0)
			lo = 0xA0;
		if (c == 0xED)
			hi = 0x9F;
		if (c == 0xF0)
			lo = 0x90;
		if (c == 0xF4)
			hi = 0x8F;
		for (k = 1; k <= need; k++) {
			if (i + k >= len || u[i + k] < lo || u[i + k] > hi)
				return (long)i;
			lo = 0x80;
			hi = 0xBF;
		}
		i += need + 1;
	}
	return -1;
}

/* Every sequence of two and three bytes, and of four with a high first
 * byte, alone and after a Vietnamese letter, against the oracle. */
static void test_validate_all(void)
{
	unsigned char b[8];
	unsigned a, c, d, e;
	long mismatches = 0;

	memcpy(b, "\xE1\xBB\x87", 3); /* ệ */
	for (a = 0; a < 256; a++)
		for (c = 0; c < 256; c++) {
			b[3] = (unsigned char)a;
			b[4] = (unsigned char)c;
			mismatches += bad_at((const char *)b + 3, 2) != oracle_bad(b + 3, 2);
			mismatches += bad_at((const char *)b, 5) != oracle_bad(b, 5);
			for (d = 0x70; d < 0xC8; d += 3) {
				b[5] = (unsigned char)d;
				mismatches += bad_at((const char *)b + 3, 3) != oracle_bad(b + 3, 3);
			}
		}
	for (a = 0xE0; a < 0x100; a++)
		for (c = 0x70; c < 0xC8; c++)
			for (d = 0x70; d < 0xC8; d++)
				for (e = 0x78; e < 0xC4; e += 5) {
					b[0] = (unsigned char)a;
					b[1] = (unsigned char)c;
					b[2] = (unsigned char)d;
					b[3] = (unsigned char)e;
					mismatches += bad_at((const char *)b, 4) != oracle_bad(b, 4);
				}
	CHECK(mismatches == 0);
}

/* Random mixtures of ASCII, Vietnamese letters, other valid sequences and
 * broken bytes, each compared with the oracle. */
static void test_validate_random(void)
{
	static const char *const parts[] = {
		"a", "xin ch\xC3\xA0o ", "\xE1\xBB\x87", "\xC3\xB4", "\xC4\x91", "\xE1\xBA\xA1",
		"\xE2\x80\x94", "\xED\x9F\xBF", "\xE0\xA0\x80", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD",
		"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xE1\x80", "\xC3", "\xF4\x90\x80\x80", "\xFF",
		"\xE0\x9F\xBF", "\xEE\x80\x80", "        "
	};
	unsigned char b[200];
	uint32_t seed = 12345;
	int t, mismatches = 0;

	for (t = 0; t < 200000; t++) {
		size_t len = 0;
		int n, k;
		seed = seed * 1103515245u + 12345u;
		n = (int)(seed >> 16) % 24;
		for (k = 0; k < n; k++) {
			const char *p;
			size_t pl;
			unsigned broken, pick;
			seed = seed * 1103515245u + 12345u;
			broken = (seed >> 16) % 8 == 0; /* broken parts are rarer than valid ones */
			seed = seed * 1103515245u + 12345u;
			pick = (seed >> 16) % 1000;
			p = parts[broken ? 11 + pick % 10 : pick % 11];
			pl = strlen(p);
			if (len + pl > sizeof b)
				break;
			memcpy(b + len, p, pl);
			len += pl;
		}
		if (len && (seed & 0x300) == 0)
			len--; /* cut the last sequence short now and then */
		if (bad_at((const char *)b, len) != oracle_bad(b, len))
			mismatches++;
	}
	CHECK(mismatches == 0);
}

/* Vietnamese text: ASCII with two-byte (à, đ, ý, í) and three-byte (ệ, ồ,
 * ụ) letters every few bytes, as in the content utf8_validate is fast for. */
static const char viet[] = "Vi\xE1\xBB\x87t Nam: xin ch\xC3\xA0o, \xC4\x91\xE1\xBB\x93ng \xC3\xBD, "
			   "m\xE1\xBB\xA5" "c \xC4\x91\xC3\xAD" "ch ";

/* Fills b[0..n) with viet over and over, cut at a character boundary: 'a'
 * fills the bytes left where the next letter would not fit. */
static void fill_viet(unsigned char *b, size_t n)
{
	size_t i = 0, k = 0;

	while (i < n) {
		unsigned c = (unsigned char)viet[k];
		size_t sl = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
		if (i + sl > n) {
			memset(b + i, 'a', n - i);
			break;
		}
		memcpy(b + i, viet + k, sl);
		i += sl;
		k = (k + sl) % (sizeof viet - 1);
	}
}

/* Checks b[0..len) against the oracle; counts the texts found valid and
 * invalid in seen[0] and seen[1]. Returns 1 on a mismatch. */
static int differs(const unsigned char *b, size_t len, long seen[2])
{
	long want = oracle_bad(b, len);

	seen[want >= 0]++;
	return bad_at((const char *)b, len) != want;
}

/* Long texts, where the vector code works a block at a time: every prefix
 * of Vietnamese text up to 300 bytes (cut inside letters, so the tail and
 * the end of a full block see every truncation), and a bad byte at every
 * position of 300 bytes, alone and at the end. */
static void test_validate_long(void)
{
	static const unsigned char bads[] = {
		0x80, 0x8F, 0x9F, 0xBF, 0xC0, 0xC1, 0xC3, 0xDF, 0xE0, 0xE1, 0xED,
		0xF0, 0xF4, 0xF5, 0xF8, 0xFF, 'a', 0
	};
	unsigned char text[300], b[300];
	long seen[2] = {0, 0}, mismatches = 0;
	size_t n, p, k;

	for (n = 0; n < sizeof text; n++)
		text[n] = (unsigned char)viet[n % (sizeof viet - 1)];
	for (n = 0; n <= sizeof text; n++)
		mismatches += differs(text, n, seen);
	fill_viet(text, sizeof text);
	CHECK(oracle_bad(text, sizeof text) == -1);
	for (p = 0; p < sizeof text; p++)
		for (k = 0; k < sizeof bads; k++) {
			memcpy(b, text, sizeof b);
			b[p] = bads[k];
			mismatches += differs(b, sizeof b, seen);
			for (n = p + 1; n <= p + 4 && n <= sizeof b; n++)
				mismatches += differs(b, n, seen);
		}
	CHECK(mismatches == 0);
	CHECK(seen[0] > 1000 && seen[1] > 10000);
}

/* Each sequence, valid or not, starting at every offset from 0 to 70 (so
 * across the 16-, 32- and 64-byte boundaries), after ASCII or Vietnamese
 * text, then the end of the text or more text (blocks of ASCII too, with
 * and without non-ASCII text after them). */
static void test_validate_blocks(void)
{
	static const char *const seqs[] = {
		"\xC3\xA0", "\xE1\xBB\x87", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\xE0\xA0\x80",
		"\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xDF\xBF", "\xC2\x80", "\xF0\x90\x80\x80",
		"\x80", "\xBF", "\xC3", "\xE1\xBB", "\xE1", "\xF0\x9F\x98", "\xF0\x9F", "\xF0",
		"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
		"\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
		"\xF8\x88\x80\x80\x80", "\xFF", "\xC3\xA0\xA0", "\xE1\xBB\x87\x87", "\xF0\x9F\x98\x80\x80"
	};
	static const char *const after[] = {
		"", "a", "\xE1\xBA\xA1", "\x80", "\xC3",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xE1\xBB\x87 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	};
	unsigned char b[200];
	long seen[2] = {0, 0}, mismatches = 0;
	size_t o, q, k, a;

	for (k = 0; k < 2; k++)
		for (o = 0; o <= 70; o++)
			for (q = 0; q < sizeof seqs / sizeof *seqs; q++)
				for (a = 0; a < sizeof after / sizeof *after; a++) {
					size_t sl = strlen(seqs[q]), al = strlen(after[a]);
					if (k == 0)
						memset(b, 'a', o);
					else
						fill_viet(b, o);
					memcpy(b + o, seqs[q], sl);
					memcpy(b + o + sl, after[a], al);
					mismatches += differs(b, o + sl + al, seen);
				}
	CHECK(mismatches == 0);
	CHECK(seen[0] > 1000 && seen[1] > 1000);
}

/* Every pair of bytes on either side of a block boundary, and windows of
 * four bytes made of a byte of each kind the vector code tells apart
 * (high and low nibbles) across the 32-byte boundary: at the end of the
 * text and before more. */
static void test_validate_boundaries(void)
{
	static const unsigned char kinds[] = {
		'a', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
		0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xF7, 0xF8, 0xFD, 0xFF
	};
	static const size_t pairs[] = {14, 15, 30, 31, 62, 63};
	unsigned char b[80];
	long seen[2] = {0, 0}, mismatches = 0;
	size_t t, p, w, x, y, z;
	unsigned c, d;

	for (t = 0; t < sizeof pairs / sizeof *pairs; t++) {
		p = pairs[t];
		fill_viet(b, sizeof b);
		for (c = 0; c < 256; c++)
			for (d = 0; d < 256; d++) {
				b[p] = (unsigned char)c;
				b[p + 1] = (unsigned char)d;
				mismatches += differs(b, p + 2, seen);
				mismatches += differs(b, sizeof b, seen);
			}
	}
	for (p = 28; p <= 31; p++) {
		fill_viet(b, sizeof b);
		for (w = 0; w < sizeof kinds; w++)
			for (x = 0; x < sizeof kinds; x++)
				for (y = 0; y < sizeof kinds; y++)
					for (z = 0; z < sizeof kinds; z++) {
						b[p] = kinds[w];
						b[p + 1] = kinds[x];
						b[p + 2] = kinds[y];
						b[p + 3] = kinds[z];
						mismatches += differs(b, p + 4, seen);
						if (p == 29 || p == 31)
							mismatches += differs(b, p + 6, seen);
					}
	}
	CHECK(mismatches == 0);
	CHECK(seen[0] > 1000 && seen[1] > 100000);
}

static void test_line_col(void)
{
	const char *s = "ab\ncd\n\xC3\xA8" "f\n"; /* "ab\ncd\nèf\n" */
	size_t len = strlen(s);
	int line = -1, col = -1;

	text_line_col(s, len, 0, &line, &col);
	CHECK(line == 1 && col == 1);
	text_line_col(s, len, 1, &line, &col);
	CHECK(line == 1 && col == 2);
	text_line_col(s, len, 2, &line, &col); /* the newline itself */
	CHECK(line == 1 && col == 3);
	text_line_col(s, len, 3, &line, &col);
	CHECK(line == 2 && col == 1);
	text_line_col(s, len, 6, &line, &col); /* è */
	CHECK(line == 3 && col == 1);
	text_line_col(s, len, 8, &line, &col); /* f: è is 2 bytes, 1 column */
	CHECK(line == 3 && col == 2);
	text_line_col(s, len, len, &line, &col);
	CHECK(line == 4 && col == 1);
	text_line_col(s, len, len + 100, &line, &col); /* clamped */
	CHECK(line == 4 && col == 1);
	text_line_col("", 0, 0, &line, &col);
	CHECK(line == 1 && col == 1);
	text_line_col("\xF0\x9F\x98\x80x", 5, 4, &line, &col);
	CHECK(line == 1 && col == 2);
}

static void test_nfc(void)
{
	buf_t b = BUF_INIT;

	CHECK_STR(nfc(""), "");
	CHECK_STR(nfc("plain ascii"), "plain ascii");
	/* e + dot below + circumflex, and the other order, both give ệ */
	CHECK_STR(nfc("Vie\xCC\xA3\xCC\x82t Nam"), "Vi\xE1\xBB\x87t Nam");
	CHECK_STR(nfc("Vie\xCC\x82\xCC\xA3t Nam"), "Vi\xE1\xBB\x87t Nam");
	/* already composed: unchanged */
	CHECK_STR(nfc("Vi\xE1\xBB\x87t Nam"), "Vi\xE1\xBB\x87t Nam");
	/* the mark right after a long ASCII prefix composes with it */
	CHECK_STR(nfc("Thu tuc ho tich va da\xCC\x81t \xC4\x91" "ai"),
		"Thu tuc ho tich va d\xC3\xA1t \xC4\x91" "ai");
	/* a leading mark stays */
	CHECK_STR(nfc("\xCC\x81" "a"), "\xCC\x81" "a");
	/* U+212B ANGSTROM SIGN is a singleton: NFC gives U+00C5 */
	CHECK_STR(nfc("\xE2\x84\xAB"), "\xC3\x85");
	/* appends */
	CHECK(buf_puts(&b, "x:") == 0);
	CHECK(text_nfc(&b, "a\xCC\x80", 3) == 0);
	CHECK_STR(b.ptr, "x:\xC3\xA0");
	/* invalid input fails with a message, out unchanged */
	err_clear();
	CHECK(text_nfc(&b, "ok \xFF", 4) == -1);
	CHECK(err_isset());
	CHECK(strstr(err_msg(), "invalid UTF-8") != NULL);
	CHECK_STR(b.ptr, "x:\xC3\xA0");
	err_clear();
	buf_free(&b);
}

/* The 12 base vowels of Vietnamese, each with no tone then huyền, sắc, hỏi,
 * ngã, nặng, in lower and upper case (NFC), and the letter each folds to. */
static const char vowels_lower[] =
	"a\xC3\xA0\xC3\xA1\xE1\xBA\xA3\xC3\xA3\xE1\xBA\xA1 "
	"\xC4\x83\xE1\xBA\xB1\xE1\xBA\xAF\xE1\xBA\xB3\xE1\xBA\xB5\xE1\xBA\xB7 "
	"\xC3\xA2\xE1\xBA\xA7\xE1\xBA\xA5\xE1\xBA\xA9\xE1\xBA\xAB\xE1\xBA\xAD "
	"e\xC3\xA8\xC3\xA9\xE1\xBA\xBB\xE1\xBA\xBD\xE1\xBA\xB9 "
	"\xC3\xAA\xE1\xBB\x81\xE1\xBA\xBF\xE1\xBB\x83\xE1\xBB\x85\xE1\xBB\x87 "
	"i\xC3\xAC\xC3\xAD\xE1\xBB\x89\xC4\xA9\xE1\xBB\x8B "
	"o\xC3\xB2\xC3\xB3\xE1\xBB\x8F\xC3\xB5\xE1\xBB\x8D "
	"\xC3\xB4\xE1\xBB\x93\xE1\xBB\x91\xE1\xBB\x95\xE1\xBB\x97\xE1\xBB\x99 "
	"\xC6\xA1\xE1\xBB\x9D\xE1\xBB\x9B\xE1\xBB\x9F\xE1\xBB\xA1\xE1\xBB\xA3 "
	"u\xC3\xB9\xC3\xBA\xE1\xBB\xA7\xC5\xA9\xE1\xBB\xA5 "
	"\xC6\xB0\xE1\xBB\xAB\xE1\xBB\xA9\xE1\xBB\xAD\xE1\xBB\xAF\xE1\xBB\xB1 "
	"y\xE1\xBB\xB3\xC3\xBD\xE1\xBB\xB7\xE1\xBB\xB9\xE1\xBB\xB5";
/* The same table, for the reader:
 * "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ
 *  ưừứửữự yỳýỷỹỵ" */
static const char vowels_upper[] =
	"A\xC3\x80\xC3\x81\xE1\xBA\xA2\xC3\x83\xE1\xBA\xA0 "
	"\xC4\x82\xE1\xBA\xB0\xE1\xBA\xAE\xE1\xBA\xB2\xE1\xBA\xB4\xE1\xBA\xB6 "
	"\xC3\x82\xE1\xBA\xA6\xE1\xBA\xA4\xE1\xBA\xA8\xE1\xBA\xAA\xE1\xBA\xAC "
	"E\xC3\x88\xC3\x89\xE1\xBA\xBA\xE1\xBA\xBC\xE1\xBA\xB8 "
	"\xC3\x8A\xE1\xBB\x80\xE1\xBA\xBE\xE1\xBB\x82\xE1\xBB\x84\xE1\xBB\x86 "
	"I\xC3\x8C\xC3\x8D\xE1\xBB\x88\xC4\xA8\xE1\xBB\x8A "
	"O\xC3\x92\xC3\x93\xE1\xBB\x8E\xC3\x95\xE1\xBB\x8C "
	"\xC3\x94\xE1\xBB\x92\xE1\xBB\x90\xE1\xBB\x94\xE1\xBB\x96\xE1\xBB\x98 "
	"\xC6\xA0\xE1\xBB\x9C\xE1\xBB\x9A\xE1\xBB\x9E\xE1\xBB\xA0\xE1\xBB\xA2 "
	"U\xC3\x99\xC3\x9A\xE1\xBB\xA6\xC5\xA8\xE1\xBB\xA4 "
	"\xC6\xAF\xE1\xBB\xAA\xE1\xBB\xA8\xE1\xBB\xAC\xE1\xBB\xAE\xE1\xBB\xB0 "
	"Y\xE1\xBB\xB2\xC3\x9D\xE1\xBB\xB6\xE1\xBB\xB8\xE1\xBB\xB4";
/* "AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ
 *  ƯỪỨỬỮỰ YỲÝỶỸỴ" */
static const char vowel_base[] = "aaaeeiooouuy";

/* The literal table in the source, as UTF-8 characters, must match the
 * escaped one (the source file is UTF-8; this guards against an editor
 * that changed that). */
static const char vowels_lower_lit[] =
	"aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ";
static const char vowels_upper_lit[] =
	"AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ";

/* Byte length of the UTF-8 character starting with lead byte c. */
static size_t char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static void check_vowel_table(const char *table)
{
	const char *p = table;
	int group = 0, tone = 0, total = 0;

	while (*p) {
		char ch[8], expect[2];
		size_t n;
		utf8proc_uint8_t *nfd;

		if (*p == ' ') {
			CHECK(tone == 6);
			group++;
			tone = 0;
			p++;
			continue;
		}
		n = char_len((unsigned char)*p);
		memcpy(ch, p, n);
		ch[n] = '\0';
		p += n;
		expect[0] = vowel_base[group < 12 ? group : 0];
		expect[1] = '\0';
		/* NFC input */
		CHECK_STR(fold(ch), expect);
		CHECK_STR(slug(ch), expect);
		CHECK_STR(nfc(ch), ch);
		/* NFD input folds alike and composes back */
		nfd = utf8proc_NFD((const utf8proc_uint8_t *)ch);
		CHECK(nfd != NULL);
		if (nfd) {
			/* every non-ASCII vowel has a decomposition */
			CHECK(n == 1 ? strcmp((char *)nfd, ch) == 0 : strcmp((char *)nfd, ch) != 0);
			CHECK_STR(fold((const char *)nfd), expect);
			CHECK_STR(slug((const char *)nfd), expect);
			CHECK_STR(nfc((const char *)nfd), ch);
			free(nfd); /* utf8proc_NFD's result is malloc'd */
		}
		tone++;
		total++;
	}
	CHECK(group == 11 && tone == 6);
	CHECK(total == 72);
}

static void test_fold(void)
{
	buf_t b = BUF_INIT;
	char many[3 * 200 + 1];
	char expect[201];
	int i;

	CHECK_STR(vowels_lower_lit, vowels_lower);
	CHECK_STR(vowels_upper_lit, vowels_upper);
	check_vowel_table(vowels_lower);
	check_vowel_table(vowels_upper);

	/* the whole tables at once, NFC and NFD */
	CHECK_STR(fold(vowels_lower),
		"aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii oooooo oooooo oooooo "
		"uuuuuu uuuuuu yyyyyy");
	CHECK_STR(fold(vowels_upper),
		"aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii oooooo oooooo oooooo "
		"uuuuuu uuuuuu yyyyyy");
	{
		utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)vowels_upper);

		CHECK(nfd != NULL);
		if (nfd) {
			CHECK(strlen((char *)nfd) > strlen(vowels_upper));
			CHECK_STR(fold((char *)nfd),
				"aaaaaa aaaaaa aaaaaa eeeeee eeeeee iiiiii oooooo "
				"oooooo oooooo uuuuuu uuuuuu yyyyyy");
			free(nfd);
		}
	}

	/* đ and Đ */
	CHECK_STR(fold("\xC4\x91"), "d");
	CHECK_STR(fold("\xC4\x90"), "d");
	CHECK_STR(fold("\xC4\x90\xC6\xB0\xE1\xBB\x9D" "ng \xC4\x91i"), "duong di"); /* Đường đi */
	/* the header's example */
	CHECK_STR(fold("Th\xE1\xBB\xA7 t\xE1\xBB\xA5" "c H\xE1\xBB\x99 t\xE1\xBB\x8B" "ch \xC4\x90\xE1\xBA\xA4T \xC4\x90" "AI"),
		"thu tuc ho tich dat dai");
	/* the same in NFD: u + hook, u + dot below, o + circumflex + dot below */
	CHECK_STR(fold("Thu\xCC\x89 tu\xCC\xA3" "c H\xC3\xB4\xCC\xA3 ti\xCC\xA3" "ch \xC4\x90" "A\xCC\x82\xCC\x81T \xC4\x90" "AI"),
		"thu tuc ho tich dat dai");
	/* ASCII: lowercased, punctuation kept */
	CHECK_STR(fold(""), "");
	CHECK_STR(fold("Hello, WORLD! 123 [x]_{Z}"), "hello, world! 123 [x]_{z}");
	/* other scripts are lowercased and kept */
	CHECK_STR(fold("\xC3\x84\xC3\x96\xC3\x9C stra\xC3\x9F" "e"), "aou stra\xC3\x9F" "e"); /* ÄÖÜ straße */
	CHECK_STR(fold("\xD0\x9F\xD0\xA0\xD0\x98"), "\xD0\xBF\xD1\x80\xD0\xB8");             /* ПРИ -> при */
	CHECK_STR(fold("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91"),
		"\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1");                                   /* ΑΘΗΝΑ -> αθηνα */
	CHECK_STR(fold("\xE6\xB2\xB3\xE5\x86\x85"), "\xE6\xB2\xB3\xE5\x86\x85");             /* 河内 */
	CHECK_STR(fold("\xF0\x9F\x98\x80!"), "\xF0\x9F\x98\x80!");                           /* emoji */
	/* a mark after ASCII is dropped, other marks are kept */
	CHECK_STR(fold("A\xCC\x81" "B"), "ab");
	CHECK_STR(fold("a\xD6\xB0"), "a\xD6\xB0"); /* Hebrew point U+05B0 */
	/* NUL bytes pass through */
	CHECK(strcmp(fold_n("A\0\xC3\x81", 4), "a") == 0 && out_fold.len == 3 &&
		out_fold.ptr[2] == 'a');
	/* invalid sequences become U+FFFD, one per maximal subpart */
	CHECK_STR(fold("A\xFF" "B"), "a\xEF\xBF\xBD" "b");
	CHECK_STR(fold("\xC3\x81\xE1\x80\xC3\x89"), "a\xEF\xBF\xBD" "e");
	CHECK_STR(fold("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	CHECK_STR(fold("x\xC3"), "x\xEF\xBF\xBD");
	/* a long non-ASCII run (decomposition over 128 code points) */
	for (i = 0; i < 200; i++) {
		memcpy(many + 3 * i, "\xE1\xBB\x86", 3); /* Ệ */
		expect[i] = 'e';
	}
	many[600] = '\0';
	expect[200] = '\0';
	CHECK_STR(fold(many), expect);
	CHECK(out_fold.len == 200);
	/* folding is idempotent */
	{
		buf_t once = BUF_INIT, twice = BUF_INIT;

		CHECK(text_fold(&once, vowels_upper, strlen(vowels_upper)) == 0);
		CHECK(text_fold(&twice, once.ptr, once.len) == 0);
		CHECK_STR(twice.ptr, once.ptr);
		buf_free(&once);
		buf_free(&twice);
	}
	/* appends to what is there */
	CHECK(buf_puts(&b, "Pre:") == 0);
	CHECK(text_fold(&b, "\xC4\x90\xE1\xBA\xA0I", 6) == 0); /* ĐẠI */
	CHECK_STR(b.ptr, "Pre:dai");
	/* a buffer already out of memory fails and sets the slot */
	err_clear();
	b.oom = 1;
	CHECK(text_fold(&b, "abc", 3) == -1);
	CHECK(err_isset());
	CHECK(text_slug(&b, "abc", 3) == -1);
	CHECK_STR(b.ptr, "Pre:dai");
	err_clear();
	buf_free(&b);
}

static void test_slug(void)
{
	buf_t b = BUF_INIT;

	CHECK_STR(slug("M\xE1\xBB\xA5" "c \xC4\x91\xC3\xAD" "ch, y\xC3\xAAu c\xE1\xBA\xA7u"),
		"muc-dich-yeu-cau");
	CHECK_STR(slug("M\xE1\xBB\xA5" "c \xC4\x91\xC3\xAD" "ch, y\xC3\xAAu c\xE1\xBA\xA7u"),
		slug("Mục đích, yêu cầu"));
	CHECK_STR(slug("K\xE1\xBA\xBF ho\xE1\xBA\xA1" "ch c\xE1\xBA\xA3i c\xC3\xA1" "ch"),
		"ke-hoach-cai-cach");
	CHECK_STR(slug("  --Hello,  World!!-- "), "hello-world");
	CHECK_STR(slug("%%%"), "");
	CHECK_STR(slug(""), "");
	CHECK_STR(slug("   "), "");
	CHECK_STR(slug("S\xE1\xBB\x91 91/KH-UBND"), "so-91-kh-ubnd");
	CHECK_STR(slug("\xC4\x90\xC6\xAF\xE1\xBB\x9CNG TR\xC6\xAF\xE1\xBB\x9CNG SA"), "duong-truong-sa");
	CHECK_STR(slug("2024 \xE2\x80\x94 B\xC3\xA1o c\xC3\xA1o"), "2024-bao-cao"); /* em dash */
	CHECK_STR(slug("\xE2\x80\x9CQuy\xE1\xBA\xBFt \xC4\x91\xE1\xBB\x8Bnh\xE2\x80\x9D"), "quyet-dinh");
	CHECK_STR(slug("a_b.c/d"), "a-b-c-d");
	CHECK_STR(slug("\xE6\xB2\xB3\xE5\x86\x85 Ha\xCC\x80 N\xC3\xB4\xCC\xA3i"), "ha-noi");
	CHECK_STR(slug("x\xFF" "y"), "x-y");
	CHECK_STR(slug("ABC123"), "abc123");
	/* NFD input gives the same slug */
	CHECK_STR(slug("Ke\xCC\x82\xCC\x81 hoa\xCC\xA3" "ch"), "ke-hoach");
	/* appends; a leading separator is not written even after content */
	CHECK(buf_puts(&b, "x/") == 0);
	CHECK(text_slug(&b, " !Th\xC3\xB4ng b\xC3\xA1o! ", 15) == 0);
	CHECK_STR(b.ptr, "x/thong-bao");
	buf_free(&b);
}

int main(void)
{
	test_validate();
	test_validate_random();
	test_validate_all();
	test_validate_long();
	test_validate_blocks();
	test_validate_boundaries();
	test_line_col();
	test_nfc();
	test_fold();
	test_slug();
	buf_free(&out_fold);
	buf_free(&out_slug);
	buf_free(&out_nfc);
	return test_done("text");
}
