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

/* The vector validation needs x86-64 and GCC or clang (for the target
 * attribute and __builtin_cpu_supports); elsewhere only the scalar code. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define TEXT_AVX2
#include <immintrin.h>
#endif

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

/* utf8_validate() sequence by sequence: finds the offset of the first
 * invalid one. */
static int utf8_validate_slow(const char *s, size_t len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	for (;;) {
		uint32_t cp;
		int n;

		i += ascii_span(s + i, len - i);
		/* the common two- and three-byte forms (Vietnamese letters), with
		 * no bound to check beyond the continuation bytes' form */
		for (;;) {
			unsigned c = i < len ? u[i] : 0;
			if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80)
				i += 2;
			else if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < len &&
				 (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
				i += 3;
			else
				break;
		}
		if (i >= len)
			return 0;
		if (u[i] < 0x80)
			continue;
		n = utf8_decode(u + i, len - i, &cp);
		if (n < 0) {
			if (bad)
				*bad = i;
			return -1;
		}
		i += (size_t)n;
	}
}

/* Björn Höhrmann's UTF-8 automaton: byte classes, then the transitions
 * (states are multiples of 12; 0 accepts, 12 rejects). It accepts exactly
 * the well-formed sequences of the Unicode standard's Table 3-7. */
static const unsigned char utf8_dfa[256 + 108] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
	7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
	8, 8, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	10, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 11, 6, 6, 6, 5, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8,
	0, 12, 24, 36, 60, 96, 84, 12, 12, 12, 48, 72, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
	12, 0, 12, 12, 12, 12, 12, 0, 12, 0, 12, 12, 12, 24, 12, 12, 12, 12, 12, 24, 12, 24, 12, 12,
	12, 12, 12, 12, 12, 12, 12, 24, 12, 12, 12, 12, 12, 24, 12, 12, 12, 12, 12, 12, 12, 24, 12, 12,
	12, 12, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12, 12, 36, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12,
	12, 36, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12
};

/* 0 when the automaton accepts u[0..len), -1 when it rejects: the yes/no
 * answer without vectors. ASCII is skipped eight bytes at a time between
 * characters (no branch to mispredict on mixed Vietnamese text). */
static int utf8_valid_scalar(const unsigned char *u, size_t len)
{
	size_t i = 0;
	unsigned st = 0;

	while (i < len) {
		size_t end;
		i += ascii_span((const char *)u + i, len - i);
		/* a run of up to 64 bytes through the automaton, ending at a
		 * character boundary or the end */
		end = len - i > 64 ? i + 64 : len;
		while (i < end || (st != 0 && st != 12 && i < len))
			st = utf8_dfa[256 + st + utf8_dfa[u[i++]]];
		if (st == 12)
			break;
	}
	return st == 0 ? 0 : -1;
}

#ifdef TEXT_AVX2
/* The "lookup" algorithm of John Keiser and Daniel Lemire, "Validating
 * UTF-8 In Less Than One Instruction Per Byte" (Software: Practice and
 * Experience 51(5), 2021), as in simdjson, 32 bytes at a time with AVX2.
 *
 * Every error but one shows in a pair of consecutive bytes. Three tables
 * of 16 entries, looked up with one shuffle each, give for the previous
 * byte's high nibble, its low nibble and the current byte's high nibble
 * the set of error kinds (one bit each) the nibble is part of; a bit set in
 * all three is an error. The exception is the length of a sequence: the
 * pair tables call every continuation after a continuation an error
 * (U8_TWO_CONTS), and exactly the bytes two after a lead byte E0..FF or
 * three after F0..FF must be one; XORing that requirement clears the
 * expected ones and flags the missing ones. A sequence cut off by the end of
 * the text is caught by the zeros padding the last block or, when the text
 * ends with a full block, by that block's last three bytes. A block of
 * ASCII only needs the last check, on the block before it. */
enum {
	U8_TOO_SHORT = 1 << 0,  /* lead byte followed by ASCII or a lead byte */
	U8_TOO_LONG = 1 << 1,   /* ASCII followed by a continuation */
	U8_OVERLONG_3 = 1 << 2, /* E0 80..9F */
	U8_TOO_LARGE = 1 << 3,  /* F4..FF 90..BF */
	U8_SURROGATE = 1 << 4,  /* ED A0..BF */
	U8_OVERLONG_2 = 1 << 5, /* C0..C1 followed by a continuation */
	U8_TOO_LARGE_1000 = 1 << 6, /* F5..FF 80..8F */
	U8_OVERLONG_4 = 1 << 6, /* F0 80..8F */
	U8_TWO_CONTS = 1 << 7,  /* continuation after a continuation */
	U8_CARRY = U8_TOO_SHORT | U8_TOO_LONG | U8_TWO_CONTS /* any low nibble */
};

/* indexed by the previous byte's high nibble */
static const unsigned char u8_prev_high[16] = {
	U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, /* 0_______ */
	U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG, U8_TOO_LONG,
	U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, U8_TWO_CONTS, /* 10______ */
	U8_TOO_SHORT | U8_OVERLONG_2, /* 1100____ */
	U8_TOO_SHORT, /* 1101____ */
	U8_TOO_SHORT | U8_OVERLONG_3 | U8_SURROGATE, /* 1110____ */
	U8_TOO_SHORT | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_OVERLONG_4 /* 1111____ */
};
/* indexed by the previous byte's low nibble */
static const unsigned char u8_prev_low[16] = {
	U8_CARRY | U8_OVERLONG_3 | U8_OVERLONG_2 | U8_OVERLONG_4, /* ____0000 */
	U8_CARRY | U8_OVERLONG_2, /* ____0001 */
	U8_CARRY, U8_CARRY, /* ____001_ */
	U8_CARRY | U8_TOO_LARGE, /* ____0100 */
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, /* ____0101 */
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, /* ____011_ */
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000, /* ____1___ */
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000 | U8_SURROGATE, /* ____1101 */
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000,
	U8_CARRY | U8_TOO_LARGE | U8_TOO_LARGE_1000
};
/* indexed by the current byte's high nibble */
static const unsigned char u8_cur_high[16] = {
	U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, /* 0_______ */
	U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT,
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 |
		U8_TOO_LARGE_1000 | U8_OVERLONG_4, /* 1000____ */
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_OVERLONG_3 | U8_TOO_LARGE, /* 1001____ */
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE, /* 101_____ */
	U8_TOO_LONG | U8_OVERLONG_2 | U8_TWO_CONTS | U8_SURROGATE | U8_TOO_LARGE,
	U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT, U8_TOO_SHORT /* 11______ */
};
/* the largest byte at each of a block's last three positions that starts
 * no sequence running past the block */
static const unsigned char u8_last_max[32] = {
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0xEF, 0xDF, 0xBF
};

#define AVX2_FN __attribute__((target("avx2")))

/* A table of 16 bytes in both halves of a vector. */
static inline AVX2_FN __m256i u8_table(const unsigned char t[16])
{
	return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)t));
}

/* The errors of block in after block prev: zero when there is none. */
static inline AVX2_FN __m256i u8_errors(__m256i in, __m256i prev)
{
	const __m256i nibble = _mm256_set1_epi8(0x0F);
	/* the bytes one, two and three places back: the previous block's
	 * high half and this one's low half, shifted in */
	__m256i before = _mm256_permute2x128_si256(prev, in, 0x21);
	__m256i prev1 = _mm256_alignr_epi8(in, before, 15);
	__m256i prev2 = _mm256_alignr_epi8(in, before, 14);
	__m256i prev3 = _mm256_alignr_epi8(in, before, 13);
	__m256i pair, must;

	pair = _mm256_and_si256(
		_mm256_and_si256(
			_mm256_shuffle_epi8(u8_table(u8_prev_high),
					    _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)),
			_mm256_shuffle_epi8(u8_table(u8_prev_low), _mm256_and_si256(prev1, nibble))),
		_mm256_shuffle_epi8(u8_table(u8_cur_high),
				    _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble)));
	/* bit 7 where prev2 >= E0 or prev3 >= F0 */
	must = _mm256_or_si256(_mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80))),
			       _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80))));
	must = _mm256_and_si256(must, _mm256_set1_epi8((char)0x80));
	return _mm256_xor_si256(must, pair);
}

/* 0 when u[0..len) is valid UTF-8, -1 when not. */
static AVX2_FN int utf8_valid_avx2(const unsigned char *u, size_t len)
{
	const __m256i last_max = _mm256_loadu_si256((const __m256i *)(const void *)u8_last_max);
	__m256i in, prev = _mm256_setzero_si256(), err = prev, cut = prev;
	unsigned char tail[32];
	size_t i;

	for (i = 0; len - i >= 32; i += 32) {
		in = _mm256_loadu_si256((const __m256i *)(const void *)(u + i));
		if (_mm256_movemask_epi8(in) == 0) {
			err = _mm256_or_si256(err, cut);
		} else {
			err = _mm256_or_si256(err, u8_errors(in, prev));
			cut = _mm256_subs_epu8(in, last_max);
		}
		prev = in;
	}
	if (i < len) {
		/* the rest, padded with zeros: they end anything left open */
		memset(tail, 0, sizeof tail);
		memcpy(tail, u + i, len - i);
		in = _mm256_loadu_si256((const __m256i *)(const void *)tail);
		err = _mm256_or_si256(err, u8_errors(in, prev));
	} else {
		err = _mm256_or_si256(err, cut);
	}
	return _mm256_testz_si256(err, err) ? 0 : -1;
}
#endif

/* The yes/no answer alone: 0 when s[0..len) is valid UTF-8, -1 when not;
 * from the vector code when vector is nonzero and the CPU has it, from
 * the scalar code otherwise. Not part of text.h: tests/unit/test_text.c
 * declares it to test both. */
int utf8_check_fast(const char *s, size_t len, int vector);
int utf8_check_fast(const char *s, size_t len, int vector)
{
	const unsigned char *u = (const unsigned char *)s;

#ifdef TEXT_AVX2
	if (vector && __builtin_cpu_supports("avx2"))
		return utf8_valid_avx2(u, len);
#endif
	return utf8_valid_scalar(u, len);
}

/* Only the yes/no answer is fast: a text found invalid goes through the
 * slow path again, which finds the offset. */
int utf8_validate(const char *s, size_t len, size_t *bad)
{
	if (utf8_check_fast(s, len, 1) == 0)
		return 0;
	return utf8_validate_slow(s, len, bad);
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

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* The bytes of w that are 0, as their high bit (exact, unlike the carry
 * trick that finds the first). */
static uint64_t zero_bytes(uint64_t w)
{
	return ~(((w & ~HIGH) + ~HIGH) | w) & HIGH;
}

/* 1 when s[j] (0xE2) starts U+2010..U+2027. */
static int dash_at(const unsigned char *s, size_t n, size_t j)
{
	return j + 2 < n && s[j + 1] == 0x80 && s[j + 2] >= 0x90 && s[j + 2] <= 0xA7;
}

/* 1 when s[0..n), if valid UTF-8, holds only ASCII, U+0080..U+02FF,
 * U+1E00..U+1EFF (the Latin letters, all of Vietnamese) and U+2010..U+2027
 * (dashes, quotes, bullets): such text is NFC as it is (none of these has
 * a decomposition, a combining class or a composition with another), so
 * text_nfc() would give it back, and it leaves invalid UTF-8 as it is. 0
 * when it may not be. Eight bytes a step without a branch on the letters
 * (text goes from ASCII to other letters too often for branches): only
 * lead bytes >= 0xCC matter, and they must be 0xE1 followed by 0xB8..0xBB
 * or 0xE2 (rare: checked alone). */
static int nfc_sure(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, k;

	for (i = 0; i + 9 <= n; i += 8) {
		uint64_t w, w1, ge, e1, e2;
		memcpy(&w, u + i, 8);
		memcpy(&w1, u + i + 1, 8); /* each byte's next one */
		ge = ((w & ~HIGH) + 0x34 * ONES) & w & HIGH; /* bytes >= 0xCC */
		e1 = zero_bytes(w ^ 0xE1 * ONES);
		e2 = zero_bytes(w ^ 0xE2 * ONES);
		if ((ge & ~e1 & ~e2) | (e1 & ~zero_bytes((w1 & 0xFC * ONES) ^ 0xB8 * ONES)))
			return 0;
		if (e2)
			for (k = i; k < i + 8; k++)
				if (u[k] == 0xE2 && !dash_at(u, n, k))
					return 0;
	}
	for (; i < n; i++)
		if (u[i] >= 0xCC && !(u[i] == 0xE1 && i + 1 < n && (u[i + 1] & 0xFC) == 0xB8) &&
		    !(u[i] == 0xE2 && dash_at(u, n, i)))
			return 0;
	return 1;
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

int text_is_nfc(const char *s, size_t len)
{
	return nfc_sure(s, len) && utf8_check_fast(s, len, 1) == 0;
}

int text_nfc(buf_t *out, const char *s, size_t len)
{
	size_t a = ascii_span(s, len), keep, start;
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;
	int r;

	if (a == len || text_is_nfc(s + a, len - a) || nfc_quick(s + a, len - a))
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
