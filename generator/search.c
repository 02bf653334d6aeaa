/* search.c: the full-text search index and the /tim-kiem/ page. */
#include "search.h"

#include "err.h"
#include "format.h"
#include "mustache.h"
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define SEARCH_LAYOUT "layouts/tim-kiem/list"
#define SEARCH_URL "/tim-kiem/"
#define SEARCH_DIR "tim-kiem/"
#define KEY_DEPTH 12          /* shard keys grow to at most this length */
#define HTML_TEXT_MAX (SEARCH_MAX_WORDS * 16) /* bytes of a body's plain text read */
#define TF_MAX 0x3FFFFFFFu    /* a posting's term frequency saturates here */

/* ---- Folding and tokens ----
 *
 * The tokens of a text are those of text_fold() of the whole text (NFD of
 * every run of non-ASCII characters, marks U+0300..U+036F dropped, the
 * rest lowercased) split into runs of letters, marks and digits. One pass
 * does both, without the folded text in between: ASCII bytes are folded
 * and classed by ascii_fold; a run of bytes >= 0x80 whose characters are
 * all in fold_tab (Vietnamese text's) takes each character's fold and
 * class from there, and any other run goes to text_fold() whole and its
 * fold is classed character by character with utf8proc.
 *
 * fold_tab holds the characters that fold the same wherever they stand: a
 * letter whose decomposition is a starter and marks of that range (ấ = a
 * + U+0302 + U+0301), or such a mark alone. Canonical ordering only moves
 * marks, and all of theirs are dropped, so a run made of them folds to its
 * characters' folds one after the other. The folds are made by text_fold()
 * itself, once. */

enum {
	FOLD_SLOW = -1,   /* not in the table: the run goes to text_fold() */
	FOLD_EMPTY = 0,   /* folds to nothing (a dropped mark) */
	FOLD_WORD,        /* to word characters only (ncp of them) */
	FOLD_SPACE,       /* to characters that are not word characters */
	FOLD_MIXED,       /* to both: classed one by one */
};

typedef struct {
	char s[8];         /* the fold, zero-padded */
	signed char kind;  /* FOLD_* */
	unsigned char len; /* bytes of s */
	unsigned char ncp; /* code points of s */
} fold_entry;

#define FOLD_A_LO 0x80u
#define FOLD_A_HI 0x800u    /* every 2-byte character: Latin-1 .. Latin Extended-B,
				       IPA, combining marks, Greek, Cyrillic ... */
#define FOLD_B_LO 0x1E00u
#define FOLD_B_HI 0x1F00u   /* Latin Extended Additional: ạ ả ấ ầ ... ỹ */
#define FOLD_C_LO 0x2000u
#define FOLD_C_HI 0x2070u   /* general punctuation: “ ” – … */
#define FOLD_NA (FOLD_A_HI - FOLD_A_LO)
#define FOLD_NB (FOLD_B_HI - FOLD_B_LO)
#define FOLD_N (FOLD_NA + FOLD_NB + (FOLD_C_HI - FOLD_C_LO))

static fold_entry fold_tab[FOLD_N];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* fold_tab's index for cp, or -1. */
static long fold_index(uint32_t cp)
{
	if (cp >= FOLD_A_LO && cp < FOLD_A_HI)
		return (long)(cp - FOLD_A_LO);
	if (cp >= FOLD_B_LO && cp < FOLD_B_HI)
		return (long)(FOLD_NA + cp - FOLD_B_LO);
	if (cp >= FOLD_C_LO && cp < FOLD_C_HI)
		return (long)(FOLD_NA + FOLD_NB + cp - FOLD_C_LO);
	return -1;
}

static int dropped_mark(utf8proc_int32_t cp)
{
	return cp >= 0x300 && cp <= 0x36F;
}

/* Letters, marks and digits (Unicode categories L, M, N). */
static int is_word_cp(utf8proc_int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Sets e's kind and ncp from its fold e->s[0..len). */
static void fold_class(fold_entry *e, size_t len)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)e->s;
	size_t i = 0;
	int words = 0, others = 0;

	e->ncp = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);

		if (n < 1) { /* cannot happen: text_fold() gives valid UTF-8 */
			others = 1;
			n = 1;
		} else if (is_word_cp(cp)) {
			words = 1;
		} else {
			others = 1;
		}
		e->ncp++;
		i += (size_t)n;
	}
	e->kind = !words && !others ? FOLD_EMPTY : !others ? FOLD_WORD : !words ? FOLD_SPACE : FOLD_MIXED;
}

static void fold_init(void)
{
	static const uint32_t lo[] = { FOLD_A_LO, FOLD_B_LO, FOLD_C_LO };
	static const uint32_t hi[] = { FOLD_A_HI, FOLD_B_HI, FOLD_C_HI };
	buf_t b = BUF_INIT;
	size_t r;
	uint32_t cp;

	for (r = 0; r < 3; r++)
		for (cp = lo[r]; cp < hi[r]; cp++) {
			fold_entry *e = &fold_tab[fold_index(cp)];
			utf8proc_int32_t dec[8];
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t n, i, el;
			int ok;

			memset(e, 0, sizeof *e);
			e->kind = FOLD_SLOW;
			n = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 8, UTF8PROC_DECOMPOSE, NULL);
			ok = n >= 1 && n <= 8 &&
			     (dropped_mark(dec[0]) || utf8proc_get_property(dec[0])->combining_class == 0);
			for (i = 1; ok && i < n; i++)
				ok = dropped_mark(dec[i]);
			if (!ok)
				continue;
			el = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
			buf_reset(&b);
			if (text_fold(&b, (const char *)enc, (size_t)el) < 0) {
				err_clear();
				continue;
			}
			if (b.len >= sizeof e->s) /* keep a NUL after it */
				continue;
			memcpy(e->s, b.ptr, b.len);
			e->len = (unsigned char)b.len;
			fold_class(e, b.len);
		}
	buf_free(&b);
}

/* The entry of the character at s[*i] (*i < len) when it is in fold_tab,
 * *i moved past it; NULL when it is not (or not UTF-8 we read quickly). */
static const fold_entry *fold_next(const unsigned char *s, size_t len, size_t *i)
{
	size_t k = *i;
	uint32_t cp;
	long x;

	if (s[k] >= 0xC2 && s[k] <= 0xDF && k + 1 < len && (s[k + 1] & 0xC0) == 0x80) {
		cp = (uint32_t)(s[k] & 0x1F) << 6 | (s[k + 1] & 0x3F);
		k += 2;
	} else if ((s[k] == 0xE1 || s[k] == 0xE2) && k + 2 < len && (s[k + 1] & 0xC0) == 0x80 &&
		   (s[k + 2] & 0xC0) == 0x80) {
		cp = (uint32_t)(s[k] & 0x0F) << 12 | (uint32_t)(s[k + 1] & 0x3F) << 6 | (s[k + 2] & 0x3F);
		k += 3;
	} else {
		return NULL;
	}
	x = fold_index(cp);
	if (x < 0 || fold_tab[x].kind == FOLD_SLOW)
		return NULL;
	*i = k;
	return &fold_tab[x];
}

/* Bytes folded (A-Z as a-z) when they are ASCII word characters (letters
 * and digits), else 0. */
static const unsigned char ascii_fold[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
	['7'] = '7', ['8'] = '8', ['9'] = '9',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
	['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
	['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
	['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
	['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
	['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
	['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
};

/* A padded token: its bytes, then zeros up to a multiple of 8 bytes (at
 * least one), so that tokens compare and hash by 8-byte words. */
#define PADDED(len) (((size_t)(len) + 8) & ~(size_t)7)

static uint64_t load64(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* The hash of padded token s (len bytes). */
static uint32_t hash_padded(const char *s, size_t len)
{
	uint64_t h = load64(s) ^ len;
	size_t k;

	for (k = 8; k < PADDED(len); k += 8)
		h = ((h ^ (h >> 31)) * 0x9E3779B97F4A7C15ULL) ^ load64(s + k);
	h *= 0x9E3779B97F4A7C15ULL;
	return (uint32_t)(h >> 32);
}

/* Padded tokens a and b of len bytes each: the same bytes? */
static int same_padded(const char *a, const char *b, size_t len)
{
	size_t k;

	for (k = 0; k < PADDED(len); k += 8)
		if (load64(a + k) != load64(b + k))
			return 0;
	return 1;
}

/* The record (see search_rec_new()) the tokens are counted in. */
#define F_N 5             /* title, url, kind, snippet, date */

typedef struct {
	uint64_t w0;       /* its first 8 padded bytes */
	uint32_t off;      /* its padded bytes in pool */
	uint32_t tf;       /* occurrences */
	uint32_t hash;     /* hash_padded() */
	uint16_t len;      /* bytes (at most SEARCH_MAX_TOKEN code points) */
	uint8_t title;     /* 1 when an occurrence is in the title */
} rtok;

struct search_rec {
	char *fields;      /* the F_N fields, each NUL-terminated, one after
	                      the other (NULL once an index took them) */
	size_t len;        /* tokens counted, title and text */
	/* while text is added; freed by rec_seal() */
	char *pool;        /* the distinct tokens, padded, first seen first */
	size_t pool_len, pool_cap;
	rtok *toks;
	size_t ntoks, cap;
	uint32_t *slots;   /* open addressing: toks index + 1, 0 empty */
	size_t nslots;     /* a power of two, or 0 */
	/* after rec_seal(): each distinct token as its length (a byte), its
	 * bytes and 2 * tf + title (LEB128), first seen first */
	unsigned char *packed;
	size_t npacked;
	int sealed;
};

/* ---- Plain text of HTML ---- */

/* Case-insensitive: does s[0..len) start with the ASCII word w (n bytes)? */
static int starts_with(const char *s, size_t len, const char *w, size_t n)
{
	size_t i;

	if (len < n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

static int starts_word(const char *s, size_t len, const char *w)
{
	return starts_with(s, len, w, strlen(w));
}

/* Offset just past the first occurrence of end in s[from..len) (case-
 * insensitive for letters; end starts with a character that is not a
 * letter), or len. */
static size_t skip_past(const char *s, size_t len, size_t from, const char *end)
{
	size_t n = strlen(end);

	while (from + n <= len) {
		const char *at = memchr(s + from, end[0], len - from - n + 1);

		if (!at)
			break;
		from = (size_t)(at - s);
		if (starts_with(at, len - from, end, n))
			return from + n;
		from++;
	}
	return len;
}

/* The offset just past the tag (comment, or element with its contents
 * for script, style and svg) at html[i] == '<'. */
static size_t tag_end(const char *html, size_t len, size_t i)
{
	const char *r = html + i + 1;
	size_t rl = len - i - 1;

	if (starts_word(r, rl, "!--"))
		return skip_past(html, len, i + 4, "-->");
	if (starts_word(r, rl, "script") || starts_word(r, rl, "style") || starts_word(r, rl, "svg")) {
		const char *name = starts_word(r, rl, "script") ? "</script" :
			starts_word(r, rl, "style") ? "</style" : "</svg";
		return skip_past(html, len, skip_past(html, len, i + 1, name), ">");
	}
	return skip_past(html, len, i + 1, ">");
}

/* Decodes the entity at s[0..len) (s[0] == '&'): the code point in *cp and
 * the bytes it takes, or 0 when it is not one we know. */
static size_t entity(const char *s, size_t len, uint32_t *cp)
{
	static const struct { const char *name; size_t len; uint32_t cp; } named[] = {
		{ "&amp;", 5, '&' }, { "&lt;", 4, '<' }, { "&gt;", 4, '>' }, { "&quot;", 6, '"' },
		{ "&apos;", 6, '\'' }, { "&nbsp;", 6, 0xA0 },
	};
	size_t i, k;
	uint32_t v = 0;
	int hex;

	for (k = 0; k < sizeof named / sizeof *named; k++)
		if (len >= named[k].len && memcmp(s, named[k].name, named[k].len) == 0) {
			*cp = named[k].cp;
			return named[k].len;
		}
	if (len < 4 || s[1] != '#')
		return 0;
	hex = s[2] == 'x' || s[2] == 'X';
	for (i = hex ? 3 : 2; i < len && i < 12; i++) {
		char c = s[i];
		if (c == ';')
			break;
		if (c >= '0' && c <= '9')
			v = v * (hex ? 16 : 10) + (uint32_t)(c - '0');
		else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			v = v * 16 + (uint32_t)((c | 0x20) - 'a' + 10);
		else
			return 0;
	}
	if (i >= len || s[i] != ';' || i == (size_t)(hex ? 3 : 2))
		return 0;
	*cp = v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ? 0xFFFD : v;
	return i + 1;
}

/* The bytes a character of HTML text takes, by its first byte (as many
 * as it says, UTF-8 or not); 0 for '<' and '&'. */
static const unsigned char html_step[256] = {
#define S4(x) x, x, x, x
#define S16(x) S4(x), S4(x), S4(x), S4(x)
	S16(1), S16(1),
	1, 1, 1, 1, 1, 1, 0 /* & */, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	S4(1), S4(1), S4(1), 0 /* < */, 1, 1, 1,
	S16(1), S16(1), S16(1), S16(1),
	S16(2), S16(2), S16(2), S16(2), S16(2), S16(2), /* 0x80 .. 0xDF */
	S16(3), S16(4),
#undef S16
#undef S4
};

int search_html_text(buf_t *out, const char *html, size_t len, size_t max)
{
	size_t i = 0, start = out->len;

	while (i < len && out->len - start < max) {
		unsigned char c = (unsigned char)html[i];

		if (c == '<') {
			i = tag_end(html, len, i);
			buf_putc(out, ' ');
		} else if (c == '&') {
			uint32_t cp;
			size_t n = entity(html + i, len - i, &cp);
			utf8proc_uint8_t enc[4];

			if (n) {
				utf8proc_ssize_t el = utf8proc_encode_char((utf8proc_int32_t)cp, enc);
				if (out->len - start + (size_t)el > max)
					break;
				buf_put(out, enc, (size_t)el);
				i += n;
			} else {
				buf_putc(out, '&');
				i++;
			}
		} else {
			/* characters up to the next tag or entity, each as many bytes
			 * as its first byte says, while they fit */
			size_t j = i, room = max - (out->len - start), k;
			int full = 0;

			if (len - i <= room) { /* all that is left fits */
				while (j < len && (k = html_step[(unsigned char)html[j]]) != 0)
					j += k;
				if (j > len)
					j = len;
				buf_put(out, html + i, j - i);
				i = j;
				continue;
			}
			while (j < len) {
				unsigned char d = (unsigned char)html[j];
				size_t n = d < 0x80 ? 1 : d < 0xE0 ? 2 : d < 0xF0 ? 3 : 4;

				if (d == '<' || d == '&')
					break;
				if (n > len - j)
					n = len - j;
				if (j - i + n > room) {
					full = 1;
					break;
				}
				j += n;
			}
			buf_put(out, html + i, j - i);
			i = j;
			if (full)
				break;
		}
	}
	if (out->len - start > max) /* a tag's space at the very end */
		buf_truncate(out, start + max);
	return out->oom ? err_oom() : 0;
}

/* ---- Tokens of text and of HTML ---- */

/* The word being read is kept in a ring of TOK_RING bytes: byte k of it
 * at k % TOK_RING. A token (at most SEARCH_MAX_TOKEN code points of at
 * most 4 bytes) never wraps; a word that does is too long to be one. */
#define TOK_RING 256
#define TOK_MASK (TOK_RING - 1)
_Static_assert(4 * SEARCH_MAX_TOKEN < TOK_RING, "a token fits in the ring");
_Static_assert(4 * SEARCH_MAX_TOKEN <= 255, "a token's length fits in a packed record's byte");

static int rec_rehash(search_rec *r);
static int rec_add(search_rec *r, const char *tok, size_t len, uint32_t h, int title);

/* Folds and splits text, or the plain text of HTML as search_html_text()
 * gives it (read in place), and counts the tokens in r or passes them to
 * fn. */
typedef struct {
	search_rec *r;      /* count in r (title: as title words), or */
	search_token_fn fn; /* pass to fn(ud, ...) */
	void *ud;
	int title;
	size_t max, count;  /* tokens passed so far, at most max (0: no limit) */
	size_t cps;         /* code points of the word so far; 0: none */
	size_t len;         /* its bytes */
	buf_t fold;         /* text_fold()'s output for a run */
	/* HTML only */
	int html;
	buf_t run;          /* a run of bytes >= 0x80 of the plain text, put
	                       together from the bytes and entities */
	/* search_html_text() reads a character as many bytes as its first
	 * byte says: where bytes that are not UTF-8 make that differ from
	 * the characters read here, its next character start is cs */
	int dirty;
	size_t cs;
	char tok[TOK_RING + 8]; /* the ring, and room to write 8 bytes at any place */
} tokenizer;

/* Passes the token tz->tok[0..len) on when the hash table's search for it
 * was not enough: 8 bytes or more, new to the record, or for fn. h: its
 * hash (for r). 0, 1 when that was the max-th token (stop), -1. */
static int tz_token_slow(tokenizer *tz, size_t len, uint32_t h)
{
	search_rec *r = tz->r;

	if (r) {
		size_t j, mask = r->nslots - 1;
		uint32_t k;

		for (j = h & mask; (k = r->slots[j]) != 0; j = (j + 1) & mask) {
			rtok *t = &r->toks[k - 1];

			if (t->hash == h && t->len == len && same_padded(r->pool + t->off, tz->tok, len)) {
				if (t->tf != UINT32_MAX)
					t->tf++;
				t->title |= (uint8_t)tz->title;
				return ++tz->count == tz->max ? 1 : 0;
			}
		}
		if (rec_add(r, tz->tok, len, h, tz->title) < 0)
			return -1;
	} else if (tz->fn(tz->ud, tz->tok, len) < 0) {
		return -1;
	}
	return ++tz->count == tz->max ? 1 : 0;
}

/* Passes the word tz->tok[0..len) (2 to SEARCH_MAX_TOKEN code points) on.
 * 0, 1 when that was the max-th token (stop), -1 on failure. */
static int tz_token(tokenizer *tz, size_t len)
{
	search_rec *r = tz->r;
	uint64_t w0;
	uint32_t h;
	size_t j, mask;
	uint32_t k;

	memset(tz->tok + len, 0, 8); /* padded, NUL-terminated */
	if (!r || len >= 8)
		return tz_token_slow(tz, len, r ? hash_padded(tz->tok, len) : 0);
	/* below 8 bytes the first word is the padded token (it holds no NUL:
	 * it tells the length too) */
	w0 = load64(tz->tok);
	h = hash_padded(tz->tok, len);
	mask = r->nslots - 1;
	for (j = h & mask; (k = r->slots[j]) != 0; j = (j + 1) & mask) {
		rtok *t = &r->toks[k - 1];

		if (t->w0 == w0) {
			if (t->tf != UINT32_MAX)
				t->tf++;
			t->title |= (uint8_t)tz->title;
			return ++tz->count == tz->max ? 1 : 0;
		}
	}
	return tz_token_slow(tz, len, h);
}

/* Ends the word tz->tok[0..tz->len) of tz->cps code points, if any. 0,
 * 1 to stop, -1. */
static int tz_end(tokenizer *tz)
{
	size_t len = tz->len, cps = tz->cps;

	tz->len = tz->cps = 0;
	return cps >= 2 && cps <= SEARCH_MAX_TOKEN ? tz_token(tz, len) : 0;
}

/* Feeds folded text f[0..len), classing its characters with utf8proc.
 * 0, 1 to stop, -1. */
static int tz_folded(tokenizer *tz, const char *f, size_t len)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)f;
	size_t i = 0;
	int r;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);

		if (n >= 1 && is_word_cp(cp)) {
			memcpy(tz->tok + (tz->len & TOK_MASK), f + i, (size_t)n);
			tz->len += (size_t)n;
			tz->cps++;
		} else {
			if (n < 1) /* cannot happen: text_fold() gives valid UTF-8 */
				n = 1;
			if ((r = tz_end(tz)) != 0)
				return r;
		}
		i += (size_t)n;
	}
	return 0;
}

/* Feeds a whole run s[0..len) of bytes >= 0x80, any characters. 0, 1 to
 * stop, -1. */
static int tz_run(tokenizer *tz, const unsigned char *s, size_t len)
{
	size_t i;
	int r;

	for (i = 0; i < len;)
		if (!fold_next(s, len, &i)) {
			buf_reset(&tz->fold);
			if (text_fold(&tz->fold, (const char *)s, len) < 0)
				return -1;
			return tz_folded(tz, tz->fold.ptr, tz->fold.len);
		}
	for (i = 0; i < len;) {
		const fold_entry *e = fold_next(s, len, &i);

		if (e->kind == FOLD_WORD) {
			memcpy(tz->tok + (tz->len & TOK_MASK), e->s, 8);
			tz->len += e->len;
			tz->cps += e->ncp;
		} else if (e->kind == FOLD_SPACE) {
			if ((r = tz_end(tz)) != 0)
				return r;
		} else if (e->kind == FOLD_MIXED) {
			if ((r = tz_folded(tz, e->s, e->len)) != 0)
				return r;
		}
	}
	return 0;
}

/* The entry of the character at u[i] (i < len) in fold_tab, with its
 * bytes in *n; NULL when it is not there or not UTF-8 we read quickly. */
static inline const fold_entry *fold_at(const unsigned char *u, size_t i, size_t len, size_t *n)
{
	unsigned c = u[i];
	long x;

	if (c < 0xE0) {
		if (c < 0xC2 || i + 1 >= len || (u[i + 1] & 0xC0) != 0x80)
			return NULL;
		*n = 2;
		/* U+0080 + x for x = c * 64 + u[i + 1] - 0x3100 */
		return &fold_tab[(c << 6) + u[i + 1] - 0x3100u];
	}
	if ((c != 0xE1 && c != 0xE2) || i + 2 >= len || (u[i + 1] & 0xC0) != 0x80 ||
	    (u[i + 2] & 0xC0) != 0x80)
		return NULL;
	x = fold_index((uint32_t)(c & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F));
	if (x < 0)
		return NULL;
	*n = 3;
	return &fold_tab[x];
}

/* search_html_text()'s character starts from from (one of them) on: the
 * first at or after to, or len. */
static size_t html_steps(const unsigned char *u, size_t len, size_t from, size_t to)
{
	while (from < to) {
		unsigned c = u[from];

		from += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	}
	return from < len ? from : len;
}

/* Is u[p] (HTML, read up to p) a character start for search_html_text()? */
static int tz_html_start(tokenizer *tz, const unsigned char *u, size_t len, size_t p)
{
	size_t pos;

	if (!tz->dirty)
		return 1;
	pos = html_steps(u, len, tz->cs, p);
	if (pos != p) {
		tz->cs = pos;
		return 0;
	}
	tz->dirty = 0;
	return 1;
}

/* Feeds the run of bytes >= 0x80 of the text that starts at u[rs] (after
 * a byte < 0x80, or at 0), tz->len and tz->cps being as they were before
 * it. For HTML, the run of the plain text goes on through entities of
 * characters >= U+0080 and the bytes >= 0x80 after them; at u[rs] there
 * may be such an entity. Sets *end to where the text goes on. 0, 1 to
 * stop, -1. */
static int tz_whole_run(tokenizer *tz, const unsigned char *u, size_t len, size_t rs, size_t *end)
{
	size_t j = rs, k;

	if (!tz->html) {
		for (k = rs; k < len && u[k] >= 0x80; k++)
			;
		*end = k;
		return tz_run(tz, u + rs, k - rs);
	}
	buf_reset(&tz->run);
	for (;;) {
		utf8proc_uint8_t enc[4];
		uint32_t cp;
		size_t n, pos;

		for (k = j; k < len && u[k] >= 0x80; k++)
			;
		buf_put(&tz->run, u + j, k - j);
		pos = html_steps(u, len, tz->dirty ? tz->cs : j, k);
		tz->dirty = pos != k;
		tz->cs = pos;
		j = k;
		if (tz->dirty || j >= len || u[j] != '&' ||
		    (n = entity((const char *)u + j, len - j, &cp)) == 0 || cp < 0x80)
			break;
		buf_put(&tz->run, enc, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, enc));
		j += n;
	}
	*end = j;
	if (tz->run.oom)
		return err_oom();
	return tz_run(tz, (const unsigned char *)tz->run.ptr, tz->run.len);
}

/* Feeds s[0..len): text, or HTML (tz->html) read as search_html_text()
 * does. ASCII and the characters of fold_tab that fold to word
 * characters or to nothing are handled here, character by character; at
 * any other character, and at an entity of one >= U+0080, the run of the
 * text's bytes >= 0x80 it is in goes to tz_whole_run() from its start
 * (nothing of the run was passed on yet: the characters before it only
 * grew the word, and are taken back). 0, 1 to stop, -1. */
static int tz_feed(tokenizer *tz, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	char *tok = tz->tok;
	size_t i = 0, wl = tz->len, xb = tz->len - tz->cps; /* the word's bytes, and
	                                                          its bytes beyond one per code point */
	int r, html = tz->html;

	while (i < len) {
		unsigned c = u[i];
		const fold_entry *e;
		size_t n, rs;

		if (c < 0x80) {
			unsigned f = ascii_fold[c];

			i++;
			if (f) { /* letters and digits */
			word:
				tok[wl & TOK_MASK] = (char)f;
				wl++;
				continue;
			}
			if (html && (c == '<' || c == '&') && tz_html_start(tz, u, len, i - 1)) {
				if (c == '<') {
					i = tag_end(s, len, i - 1); /* a space */
				} else {
					uint32_t cp;

					n = entity(s + i - 1, len - i + 1, &cp);
					if (n && cp >= 0x80) {
						i--;
						goto run;
					}
					if (n) {
						i += n - 1;
						if ((f = ascii_fold[cp]) != 0)
							goto word;
					}
				}
			}
			if (wl) {
				if (wl - xb >= 2 && wl - xb <= SEARCH_MAX_TOKEN && (r = tz_token(tz, wl)) != 0)
					return r;
				wl = xb = 0;
			}
			continue;
		}
		e = fold_at(u, i, len, &n);
		if (e && e->kind == FOLD_WORD) {
			memcpy(tok + (wl & TOK_MASK), e->s, 8);
			wl += e->len;
			xb += (size_t)e->len - e->ncp;
			i += n;
			continue;
		}
		if (e && e->kind == FOLD_EMPTY) {
			i += n;
			continue;
		}
		if (e && e->kind == FOLD_SPACE &&
		    (i + n == len || (u[i + n] < 0x80 && !(html && u[i + n] == '&')))) {
			/* the run's last character: all before it was handled */
			i += n;
			if (wl) {
				if (wl - xb >= 2 && wl - xb <= SEARCH_MAX_TOKEN && (r = tz_token(tz, wl)) != 0)
					return r;
				wl = xb = 0;
			}
			continue;
		}
	run:
		/* the whole run, from its start: take back what its characters
		 * before u[i] added to the word (each read above, quickly) */
		for (rs = i; rs > 0 && u[rs - 1] >= 0x80; rs--)
			;
		for (n = rs; n < i;) {
			size_t k;

			if (!(e = fold_at(u, n, len, &k))) /* cannot happen */
				return err_set(NULL, 0, 0, "search: cannot read the text again at byte %zu", n);
			wl -= e->len; /* FOLD_EMPTY: 0 */
			xb -= (size_t)e->len - e->ncp;
			n += k;
		}
		tz->len = wl;
		tz->cps = wl - xb;
		n = i;
		if ((r = tz_whole_run(tz, u, len, rs, &i)) != 0)
			return r;
		if (i <= n) /* cannot happen: the run holds u[n] */
			return err_set(NULL, 0, 0, "search: no way on in the text at byte %zu", n);
		wl = tz->len;
		xb = tz->len - tz->cps;
	}
	tz->len = wl;
	tz->cps = wl - xb;
	return 0;
}

/* Splits s[0..len), text or (html) HTML, into tokens for rec r or fn, at
 * most max: the number passed, or -1 (error slot set, or fn failed). */
static long tokenize(search_rec *r, int title, search_token_fn fn, void *ud, int html,
		     const char *s, size_t len, size_t max)
{
	tokenizer tz;
	int ret;

	pthread_once(&fold_once, fold_init);
	if (r && !r->nslots && rec_rehash(r) < 0)
		return -1;
	tz.r = r;
	tz.fn = fn;
	tz.ud = ud;
	tz.title = title != 0;
	tz.max = max;
	tz.count = tz.cps = tz.len = 0;
	buf_init(&tz.fold);
	buf_init(&tz.run);
	tz.html = html;
	tz.dirty = 0;
	tz.cs = 0;
	ret = tz_feed(&tz, s, len);
	if (ret == 0 && tz.cps)
		ret = tz_end(&tz);
	buf_free(&tz.fold);
	buf_free(&tz.run);
	return ret < 0 ? -1 : (long)tz.count;
}

long search_tokens(const char *s, size_t len, size_t max, search_token_fn fn, void *ud)
{
	return tokenize(NULL, 0, fn, ud, 0, s, len, max);
}

/* The tokens of search_html_text(html, len, max) for r or fn, at most
 * max_tokens: the number passed, or -1. The plain text is no longer than
 * the HTML: when all of it fits in max, the HTML is read in place. */
static long html_tokens(search_rec *r, search_token_fn fn, void *ud, const char *html, size_t len,
			size_t max, size_t max_tokens)
{
	buf_t text = BUF_INIT;
	long n;

	if (len <= max)
		return tokenize(r, 0, fn, ud, 1, html, len, max_tokens);
	n = search_html_text(&text, html, len, max) < 0 ? -1
		: tokenize(r, 0, fn, ud, 0, text.ptr, text.len, max_tokens);
	buf_free(&text);
	return n;
}

long search_html_tokens(const char *html, size_t len, size_t max, size_t max_tokens,
			search_token_fn fn, void *ud)
{
	return html_tokens(NULL, fn, ud, html, len, max, max_tokens);
}

int search_key(buf_t *out, const char *tok, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)tok[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		buf_putc(out, (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
		i += n;
	}
	return out->oom ? err_oom() : 0;
}

/* ---- Documents apart from an index ---- */

/* Bytes of the fields block at f. */
static size_t fields_size(const char *f)
{
	const char *p = f;
	int k;

	for (k = 0; k < F_N; k++)
		p += strlen(p) + 1;
	return (size_t)(p - f);
}

search_rec *search_rec_new(const char *title, const char *url, const char *kind,
			   const char *snippet, const char *date)
{
	const char *f[F_N];
	size_t n[F_N], total = 0, k;
	search_rec *r;
	char *p;

	f[0] = title;
	f[1] = url;
	f[2] = kind;
	f[3] = snippet;
	f[4] = date;
	for (k = 0; k < F_N; k++) {
		if (!f[k])
			f[k] = "";
		n[k] = strlen(f[k]) + 1;
		total += n[k];
	}
	r = calloc(1, sizeof *r);
	p = r ? malloc(total) : NULL;
	if (!p) {
		free(r);
		err_oom();
		return NULL;
	}
	r->fields = p;
	for (k = 0; k < F_N; k++) {
		memcpy(p, f[k], n[k]);
		p += n[k];
	}
	return r;
}

void search_rec_free(search_rec *r)
{
	if (!r)
		return;
	free(r->fields);
	free(r->pool);
	free(r->toks);
	free(r->slots);
	free(r->packed);
	free(r);
}

/* Doubles an open-addressing table of token numbers (first: its size
 * when empty) and puts tokens 1..ntoks back, each at its hash; hashes are
 * the uint32_t at hashes, then every stride bytes. 0 / -1. */
static int slots_grow(uint32_t **slots, size_t *nslots, size_t first, const char *hashes, size_t stride,
		      size_t ntoks)
{
	size_t n = *nslots ? *nslots * 2 : first, i;
	uint32_t *h = calloc(n, sizeof *h);

	if (!h)
		return err_oom();
	for (i = 0; i < ntoks; i++) {
		uint32_t hv;
		size_t j;
		memcpy(&hv, hashes + i * stride, sizeof hv);
		for (j = hv & (n - 1); h[j]; j = (j + 1) & (n - 1))
			;
		h[j] = (uint32_t)(i + 1);
	}
	free(*slots);
	*slots = h;
	*nslots = n;
	return 0;
}

static int rec_rehash(search_rec *r)
{
	return slots_grow(&r->slots, &r->nslots, 512, r->toks ? (const char *)&r->toks[0].hash : NULL,
			  sizeof *r->toks, r->ntoks);
}

/* Adds padded token tok (len bytes, hash h), not in r yet, with one
 * occurrence. 0 / -1. */
static int rec_add(search_rec *r, const char *tok, size_t len, uint32_t h, int title)
{
	size_t j, mask, plen = PADDED(len);
	rtok *t;

	if ((r->ntoks + 1) * 2 > r->nslots && rec_rehash(r) < 0)
		return -1;
	mask = r->nslots - 1;
	for (j = h & mask; r->slots[j]; j = (j + 1) & mask)
		;
	if (r->ntoks == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		rtok *n = realloc(r->toks, cap * sizeof *n);
		if (!n)
			return err_oom();
		r->toks = n;
		r->cap = cap;
	}
	if (r->pool_len + plen > r->pool_cap) {
		size_t cap = r->pool_cap ? r->pool_cap * 2 : 2048;
		char *n;
		while (cap < r->pool_len + plen)
			cap *= 2;
		if (cap > UINT32_MAX)
			return err_set(NULL, 0, 0, "too much text for one search document");
		n = realloc(r->pool, cap);
		if (!n)
			return err_oom();
		r->pool = n;
		r->pool_cap = cap;
	}
	t = &r->toks[r->ntoks];
	t->w0 = load64(tok);
	t->off = (uint32_t)r->pool_len;
	t->len = (uint16_t)len;
	t->hash = h;
	t->tf = 1;
	t->title = (uint8_t)(title != 0);
	memcpy(r->pool + r->pool_len, tok, plen);
	r->pool_len += plen;
	r->slots[j] = (uint32_t)(++r->ntoks);
	return 0;
}

int search_rec_text(search_rec *r, const char *s, size_t len, int title, size_t max)
{
	long n;

	if (r->sealed)
		return err_set(NULL, 0, 0, "search_rec_text on a record an index took");
	if (!s || !len)
		return 0;
	n = tokenize(r, title, NULL, NULL, 0, s, len, max);
	if (n < 0)
		return -1;
	r->len += (size_t)n;
	return 0;
}

int search_rec_html(search_rec *r, const char *html, size_t len, size_t max, size_t max_tokens)
{
	long n;

	if (r->sealed)
		return err_set(NULL, 0, 0, "search_rec_html on a record an index took");
	if (!html || !len)
		return 0;
	n = html_tokens(r, NULL, NULL, html, len, max, max_tokens);
	if (n < 0)
		return -1;
	r->len += (size_t)n;
	return 0;
}

/* The value a posting keeps: 2 * tf + title. */
static uint32_t rtok_x(const rtok *t)
{
	return (t->tf > TF_MAX ? TF_MAX : t->tf) * 2 + t->title;
}

/* Packs the tokens (see search_rec) and frees what adding text needs.
 * 0 / -1. */
static int rec_seal(search_rec *r)
{
	size_t i, n = 0;
	unsigned char *p;

	if (r->sealed)
		return 0;
	for (i = 0; i < r->ntoks; i++)
		n += 1 + r->toks[i].len + 5;
	p = r->packed = malloc(n ? n : 1);
	if (!p)
		return err_oom();
	for (i = 0; i < r->ntoks; i++) {
		const rtok *t = &r->toks[i];
		uint32_t x = rtok_x(t);

		*p++ = (unsigned char)t->len;
		memcpy(p, r->pool + t->off, t->len);
		p += t->len;
		while (x >= 0x80) {
			*p++ = (unsigned char)(x | 0x80);
			x >>= 7;
		}
		*p++ = (unsigned char)x;
	}
	r->npacked = (size_t)(p - r->packed);
	if (r->npacked < n && r->npacked) {
		unsigned char *q = realloc(r->packed, r->npacked);
		if (q)
			r->packed = q;
	}
	free(r->pool);
	free(r->toks);
	free(r->slots);
	r->pool = NULL;
	r->toks = NULL;
	r->slots = NULL;
	r->pool_len = r->pool_cap = r->ntoks = r->cap = r->nslots = 0;
	r->sealed = 1;
	return 0;
}

/* The next token of a sealed record at *p (< end): its bytes and x. */
static void rec_next(const unsigned char **p, const char **tok, size_t *len, uint32_t *x)
{
	const unsigned char *q = *p;
	uint32_t v = 0;
	int shift = 0;

	*len = *q++;
	*tok = (const char *)q;
	q += *len;
	do {
		v |= (uint32_t)(*q & 0x7F) << shift;
		shift += 7;
	} while (*q++ & 0x80);
	*x = v;
	*p = q;
}

/* ---- The index ---- */

typedef struct {
	uint32_t doc;     /* document id; a token's postings ascend */
	uint32_t x;       /* 2 * tf + title */
} spost;

typedef struct {
	char *s;          /* the token, padded (so NUL-terminated) */
	size_t len;
	uint32_t hash;    /* hash_padded() */
	char *key;        /* its key form */
	spost *post;
	uint16_t *enc;    /* each posting as written: 2 * weight + title (at
	                     most 441), set by plan_token() */
	size_t npost, cap;
	uint64_t ver;     /* the index's clock when its entry's bytes last changed */
	size_t size;      /* entry_size at the last plan */
	uint32_t seen;    /* search_index_replace()'s mark */
	int stale;        /* enc and size to compute again */
} stoken;

typedef struct {
	char *fields;     /* the record's fields (owned) */
	size_t len;       /* tokens */
	int dirty;        /* fields changed since the last write */
} sdoc;

/* A shard of the last write: key and tokens wsorted[lo..hi). */
typedef struct {
	char *key;
	size_t lo, hi;
} wshard;

struct search_index {
	stoken *toks;
	size_t ntoks, captoks;
	uint32_t *slots;  /* open addressing: token index + 1, 0 empty */
	size_t nslots;    /* a power of two */
	sdoc *docs;
	size_t ndocs, capdocs;
	search_rec *open; /* the record of docs[ndocs - 1], begun and not ended */
	uint64_t total;   /* tokens of the ended documents */
	uint64_t clock;   /* counts changes to tokens' entries */
	uint32_t stamp;   /* search_index_replace()'s current mark */
	int resort;       /* a token got its first posting or lost its last */
	/* the last write (search_index_write/update) */
	int written;
	double avg;       /* tokens per document then */
	uint64_t wclock;  /* clock then */
	uint32_t *wsorted; /* the tokens then, in shard order */
	size_t nwsorted;
	wshard *wshards;
	size_t nwshards;
};

search_index *search_index_new(void)
{
	search_index *ix = calloc(1, sizeof *ix);

	if (!ix)
		err_oom();
	return ix;
}

static void free_wshards(wshard *sh, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(sh[i].key);
	free(sh);
}

void search_index_free(search_index *ix)
{
	size_t i;

	if (!ix)
		return;
	for (i = 0; i < ix->ntoks; i++) {
		free(ix->toks[i].s);
		free(ix->toks[i].key);
		free(ix->toks[i].post);
		free(ix->toks[i].enc);
	}
	for (i = 0; i < ix->ndocs; i++)
		free(ix->docs[i].fields);
	search_rec_free(ix->open);
	free(ix->toks);
	free(ix->slots);
	free(ix->docs);
	free(ix->wsorted);
	free_wshards(ix->wshards, ix->nwshards);
	free(ix);
}

size_t search_index_docs(const search_index *ix)
{
	return ix->ndocs;
}

static int rehash(search_index *ix)
{
	return slots_grow(&ix->slots, &ix->nslots, 1024, ix->toks ? (const char *)&ix->toks[0].hash : NULL,
			  sizeof *ix->toks, ix->ntoks);
}

/* The index of padded token s (len bytes, hash h), added when new; -1
 * when out of memory (error slot set). */
static long token_id(search_index *ix, const char *s, size_t len, uint32_t h)
{
	size_t j;
	stoken *t;
	buf_t key = BUF_INIT;

	if (!ix->nslots && rehash(ix) < 0)
		return -1;
	j = h & (ix->nslots - 1);
	while (ix->slots[j]) {
		t = &ix->toks[ix->slots[j] - 1];
		if (t->hash == h && t->len == len && same_padded(t->s, s, len))
			return (long)(ix->slots[j] - 1);
		j = (j + 1) & (ix->nslots - 1);
	}
	if ((ix->ntoks + 1) * 2 > ix->nslots) {
		if (rehash(ix) < 0)
			return -1;
		for (j = h & (ix->nslots - 1); ix->slots[j]; j = (j + 1) & (ix->nslots - 1))
			;
	}
	if (ix->ntoks >= UINT32_MAX - 1)
		return err_set(NULL, 0, 0, "too many words for the search index");
	if (ix->ntoks == ix->captoks) {
		size_t cap = ix->captoks ? ix->captoks * 2 : 1024;
		stoken *n = realloc(ix->toks, cap * sizeof *n);
		if (!n)
			return err_oom();
		ix->toks = n;
		ix->captoks = cap;
	}
	t = &ix->toks[ix->ntoks];
	memset(t, 0, sizeof *t);
	t->s = malloc(PADDED(len));
	if (!t->s || search_key(&key, s, len) < 0) {
		free(t->s);
		buf_free(&key);
		return err_oom();
	}
	memcpy(t->s, s, PADDED(len));
	t->len = len;
	t->hash = h;
	t->key = buf_detach(&key, NULL);
	if (!t->key) {
		free(t->s);
		return err_oom();
	}
	ix->slots[j] = (uint32_t)(ix->ntoks + 1);
	return (long)ix->ntoks++;
}

/* The first posting of t whose document is >= doc. */
static size_t post_find(const stoken *t, uint32_t doc)
{
	size_t lo = 0, hi = t->npost;

	if (hi && t->post[hi - 1].doc < doc) /* appending, as a full build does */
		return hi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->post[mid].doc < doc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void touch(search_index *ix, stoken *t)
{
	t->ver = ++ix->clock;
	t->stale = 1;
}

/* Sets the room for cap postings. 0 / -1. */
static int post_room(stoken *t, size_t cap)
{
	spost *p = realloc(t->post, cap * sizeof *p);
	uint16_t *e;

	if (!p)
		return err_oom();
	t->post = p;
	e = realloc(t->enc, cap * sizeof *e);
	if (!e)
		return err_oom();
	t->enc = e;
	t->cap = cap;
	return 0;
}

/* Puts (doc, x) in t's postings, or sets its x. 0 / -1. */
static int post_put(search_index *ix, stoken *t, uint32_t doc, uint32_t x)
{
	size_t at = post_find(t, doc);

	if (at < t->npost && t->post[at].doc == doc) {
		if (t->post[at].x != x) {
			t->post[at].x = x;
			touch(ix, t);
		}
		return 0;
	}
	if (t->npost == t->cap && post_room(t, t->cap ? t->cap * 2 : 4) < 0)
		return -1;
	if (at < t->npost) {
		memmove(t->post + at + 1, t->post + at, (t->npost - at) * sizeof *t->post);
		memmove(t->enc + at + 1, t->enc + at, (t->npost - at) * sizeof *t->enc);
	}
	t->post[at].doc = doc;
	t->post[at].x = x;
	t->enc[at] = 0;
	if (t->npost++ == 0)
		ix->resort = 1;
	touch(ix, t);
	return 0;
}

static void post_remove(search_index *ix, stoken *t, uint32_t doc)
{
	size_t at = post_find(t, doc);

	if (at >= t->npost || t->post[at].doc != doc)
		return;
	memmove(t->post + at, t->post + at + 1, (t->npost - at - 1) * sizeof *t->post);
	memmove(t->enc + at, t->enc + at + 1, (t->npost - at - 1) * sizeof *t->enc);
	if (--t->npost == 0)
		ix->resort = 1;
	touch(ix, t);
}

/* Puts the postings of document doc from sealed record r; stamp, when not
 * 0, marks each token. relen: the document's length changed (every
 * weight of it may). 0 / -1. */
static int merge(search_index *ix, uint32_t doc, const search_rec *r, uint32_t stamp, int relen)
{
	const unsigned char *p = r->packed, *end = r->packed + r->npacked;

	while (p < end) {
		const char *tok;
		char padded[TOK_RING + 8];
		size_t len;
		uint32_t x;
		long id;

		rec_next(&p, &tok, &len, &x);
		memcpy(padded, tok, len);
		memset(padded + len, 0, 8);
		id = token_id(ix, padded, len, hash_padded(padded, len));
		if (id < 0 || post_put(ix, &ix->toks[id], doc, x) < 0)
			return -1;
		ix->toks[id].seen = stamp;
		if (relen)
			ix->toks[id].stale = 1;
	}
	return 0;
}

/* Makes room for one more document. 0 / -1. */
static int grow_docs(search_index *ix)
{
	if (ix->ndocs >= UINT32_MAX / 2)
		return err_set(NULL, 0, 0, "too many documents for the search index");
	if (ix->ndocs == ix->capdocs) {
		size_t cap = ix->capdocs ? ix->capdocs * 2 : 256;
		sdoc *n = realloc(ix->docs, cap * sizeof *n);
		if (!n)
			return err_oom();
		ix->docs = n;
		ix->capdocs = cap;
	}
	return 0;
}

/* Ends the open document, or adds r as a new one (r taken). 0 / -1. */
static int add_rec(search_index *ix, search_rec *r, int open)
{
	sdoc *d;
	uint32_t id;
	int ret;

	if (!open && grow_docs(ix) < 0) {
		search_rec_free(r);
		return -1;
	}
	if (rec_seal(r) < 0) {
		search_rec_free(r);
		return -1;
	}
	if (!open) {
		d = &ix->docs[ix->ndocs++];
		d->fields = r->fields;
		r->fields = NULL;
		d->dirty = 1;
	}
	id = (uint32_t)(ix->ndocs - 1);
	d = &ix->docs[id];
	d->len = r->len;
	ix->total += r->len;
	ret = merge(ix, id, r, 0, 0);
	search_rec_free(r);
	return ret;
}

long search_doc_begin(search_index *ix, const char *title, const char *url,
		      const char *kind, const char *snippet, const char *date)
{
	search_rec *r;

	if (ix->open && search_doc_end(ix) < 0)
		return -1;
	if (grow_docs(ix) < 0)
		return -1;
	r = search_rec_new(title, url, kind, snippet, date);
	if (!r)
		return -1;
	ix->docs[ix->ndocs].fields = r->fields;
	ix->docs[ix->ndocs].len = 0;
	ix->docs[ix->ndocs].dirty = 1;
	r->fields = NULL;
	ix->open = r;
	return (long)ix->ndocs++;
}

int search_doc_text(search_index *ix, const char *s, size_t len, int title, size_t max)
{
	if (!ix->open)
		return err_set(NULL, 0, 0, "search_doc_text without search_doc_begin");
	return search_rec_text(ix->open, s, len, title, max);
}

int search_doc_end(search_index *ix)
{
	search_rec *r = ix->open;

	if (!r)
		return 0;
	ix->open = NULL;
	return add_rec(ix, r, 1);
}

long search_index_add(search_index *ix, search_rec *r)
{
	if (ix->open && search_doc_end(ix) < 0) {
		search_rec_free(r);
		return -1;
	}
	return add_rec(ix, r, 0) < 0 ? -1 : (long)(ix->ndocs - 1);
}

int search_index_replace(search_index *ix, size_t id, search_rec *r)
{
	sdoc *d;
	uint32_t stamp;
	size_t i, n;
	int relen;

	if (id >= ix->ndocs || (ix->open && id == ix->ndocs - 1)) {
		search_rec_free(r);
		return err_set(NULL, 0, 0, "search_index_replace: no ended document %zu", id);
	}
	if (rec_seal(r) < 0) {
		search_rec_free(r);
		return -1;
	}
	d = &ix->docs[id];
	relen = d->len != r->len;
	if (++ix->stamp == 0) { /* wrapped: no token may hold the new mark */
		for (i = 0; i < ix->ntoks; i++)
			ix->toks[i].seen = 0;
		ix->stamp = 1;
	}
	stamp = ix->stamp;
	if (merge(ix, (uint32_t)id, r, stamp, relen) < 0) {
		search_rec_free(r);
		return -1;
	}
	/* the words the document had and has no more */
	for (i = 0; i < ix->ntoks; i++)
		if (ix->toks[i].seen != stamp && ix->toks[i].npost)
			post_remove(ix, &ix->toks[i], (uint32_t)id);
	ix->total = ix->total - d->len + r->len;
	d->len = r->len;
	n = fields_size(r->fields);
	if (n != fields_size(d->fields) || memcmp(d->fields, r->fields, n) != 0) {
		free(d->fields);
		d->fields = r->fields;
		r->fields = NULL;
		d->dirty = 1;
	}
	search_rec_free(r);
	return 0;
}

/* ---- Writing ---- */

/* The document's part of BM25's denominator: k1 (1 - b + b len / avg). */
static double doc_k(double len, double avg)
{
	const double k1 = 1.2, b = 0.75;

	return k1 * (1 - b + b * (avg > 0 ? len / avg : 1));
}

static unsigned weight_k(unsigned tf, double k)
{
	const double k1 = 1.2;
	double w = 100.0 * tf * (k1 + 1) / (tf + k);

	return w < 1 ? 1 : (unsigned)(w + 0.5);
}

unsigned search_weight(unsigned tf, double len, double avg)
{
	return weight_k(tf, doc_k(len, avg));
}

static size_t digits(uint32_t v)
{
	size_t n = 1;

	while (v >= 10000) {
		v /= 10000;
		n += 4;
	}
	return n + (v >= 10) + (v >= 100) + (v >= 1000);
}

/* Writes v in decimal at d; returns the end. */
static char *put_u32(char *d, uint32_t v)
{
	char *end = d + digits(v);

	d = end;
	do {
		*--d = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

/* Characters json_put_string() writes as they are. */
static int json_plain(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != 0x7F;
}

/* Appends s[0..len) as json_put_string() does. 0 / -1. */
static int put_json(buf_t *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len && json_plain((unsigned char)s[i]); i++)
		;
	if (i < len)
		return json_put_string(b, s, len);
	if (buf_grow(b, len + 2) < 0)
		return -1;
	b->ptr[b->len] = '"';
	memcpy(b->ptr + b->len + 1, s, len);
	b->ptr[b->len + len + 1] = '"';
	b->len += len + 2;
	b->ptr[b->len] = '\0';
	return 0;
}

/* Computes t's postings as written (enc) and, when they or its postings
 * changed, the bytes of its entry in a shard, "tok":[d,x,...] and a comma
 * (tokens hold only letters, marks and digits: nothing to escape); moves
 * its version on when the postings as written changed. kd: doc_k() of
 * each document. */
static void plan_token(search_index *ix, stoken *t, const double *kd)
{
	size_t n = t->len + 6, i;
	uint32_t prev = 0;
	int changed = 0;

	for (i = 0; i < t->npost; i++) {
		const spost *p = &t->post[i];
		uint32_t e = 2 * weight_k(p->x >> 1, kd[p->doc]) + (p->x & 1);

		if (e != t->enc[i]) {
			t->enc[i] = (uint16_t)e;
			changed = 1;
		}
	}
	if (changed)
		t->ver = ++ix->clock;
	if (!changed && !t->stale)
		return; /* the same bytes: the same size */
	for (i = 0; i < t->npost; i++) {
		n += digits(t->post[i].doc - prev) + digits(t->enc[i]) + 2;
		prev = t->post[i].doc;
	}
	t->size = n;
	t->stale = 0;
}

static int cmp_tok(const void *a, const void *b)
{
	const stoken *x = *(const stoken *const *)a, *y = *(const stoken *const *)b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->s, y->s);
}

typedef struct {
	const search_index *ix;
	const uint32_t *sorted; /* tokens with postings, in shard order */
	size_t limit;
	wshard *shards;
	size_t nshards, cap;
} plan;

static const stoken *plan_tok(const plan *pl, size_t i)
{
	return &pl->ix->toks[pl->sorted[i]];
}

static int plan_emit(plan *pl, const char *key, size_t klen, size_t lo, size_t hi)
{
	wshard *sh;

	if (pl->nshards == pl->cap) {
		size_t cap = pl->cap ? pl->cap * 2 : 64;
		wshard *n = realloc(pl->shards, cap * sizeof *n);
		if (!n)
			return err_oom();
		pl->shards = n;
		pl->cap = cap;
	}
	sh = &pl->shards[pl->nshards];
	sh->key = strndup(key, klen);
	if (!sh->key)
		return err_oom();
	sh->lo = lo;
	sh->hi = hi;
	pl->nshards++;
	return 0;
}

/* Tokens [lo, hi) share the first d characters of their keys. */
static int plan_range(plan *pl, size_t lo, size_t hi, size_t d)
{
	size_t size = 0, i, j, m;
	const char *key = plan_tok(pl, lo)->key;

	for (i = lo; i < hi; i++)
		size += plan_tok(pl, i)->size;
	if (size <= pl->limit || d >= KEY_DEPTH || hi - lo == 1)
		return plan_emit(pl, key, d, lo, hi);
	/* keys exactly d long sort first and stay in the parent */
	for (m = lo; m < hi && strlen(plan_tok(pl, m)->key) == d; m++)
		;
	if (m > lo && plan_emit(pl, key, d, lo, m) < 0)
		return -1;
	for (i = m; i < hi; i = j) {
		char c = plan_tok(pl, i)->key[d];
		for (j = i; j < hi && plan_tok(pl, j)->key[d] == c; j++)
			;
		if (plan_range(pl, i, j, d + 1) < 0)
			return -1;
	}
	return 0;
}

static int write_shard(const plan *pl, const wshard *sh, buf_t *b, search_write_fn fn, void *ud)
{
	buf_t rel = BUF_INIT;
	size_t i, k;
	int r;

	buf_reset(b);
	buf_putc(b, '{');
	for (i = sh->lo; i < sh->hi; i++) {
		const stoken *t = plan_tok(pl, i);
		uint32_t prev = 0;
		char *d;

		/* ,"tok":[ ] and each posting's two numbers (10 digits at
		 * most) and commas */
		if (t->npost > (SIZE_MAX - t->len - 8) / 22 || buf_grow(b, t->len + 8 + t->npost * 22) < 0)
			break;
		d = b->ptr + b->len;
		if (i > sh->lo)
			*d++ = ',';
		*d++ = '"'; /* letters, marks and digits: nothing to escape */
		memcpy(d, t->s, t->len);
		d += t->len;
		*d++ = '"';
		*d++ = ':';
		*d++ = '[';
		for (k = 0; k < t->npost; k++) {
			if (k)
				*d++ = ',';
			d = put_u32(d, t->post[k].doc - prev);
			*d++ = ',';
			d = put_u32(d, t->enc[k]);
			prev = t->post[k].doc;
		}
		*d++ = ']';
		*d = '\0';
		b->len = (size_t)(d - b->ptr);
	}
	if (i < sh->hi)
		b->oom = 1;
	buf_puts(b, "}\n");
	buf_printf(&rel, "idx/%s.json", sh->key);
	r = b->oom || rel.oom ? err_oom() : fn(ud, rel.ptr, b->ptr, b->len);
	buf_free(&rel);
	return r;
}

/* Is shard sh of the plan written already, as the last write's? */
static int shard_same(const search_index *ix, const plan *pl, const wshard *sh, size_t *o)
{
	const wshard *old;
	size_t i;

	while (*o < ix->nwshards && strcmp(ix->wshards[*o].key, sh->key) < 0)
		(*o)++;
	if (*o >= ix->nwshards || strcmp(ix->wshards[*o].key, sh->key) != 0)
		return 0;
	old = &ix->wshards[*o];
	if (old->hi - old->lo != sh->hi - sh->lo ||
	    memcmp(ix->wsorted + old->lo, pl->sorted + sh->lo, (sh->hi - sh->lo) * sizeof *pl->sorted) != 0)
		return 0;
	for (i = sh->lo; i < sh->hi; i++)
		if (plan_tok(pl, i)->ver > ix->wclock)
			return 0;
	return 1;
}

static int write_docs(const search_index *ix, buf_t *b, search_write_fn fn, void *ud, int all)
{
	buf_t rel = BUF_INIT;
	size_t i, k, blk;
	int r = 0;

	for (blk = 0; r == 0 && blk * SEARCH_BLOCK < ix->ndocs; blk++) {
		size_t lo = blk * SEARCH_BLOCK, hi = lo + SEARCH_BLOCK;

		if (hi > ix->ndocs)
			hi = ix->ndocs;
		for (i = lo; !all && i < hi && !ix->docs[i].dirty; i++)
			;
		if (i == hi)
			continue; /* as written */
		buf_reset(b);
		buf_reset(&rel);
		buf_putc(b, '[');
		for (i = lo; i < hi; i++) {
			buf_puts(b, i > lo ? ",\n[" : "[");
			const char *f = ix->docs[i].fields;

			for (k = 0; k < F_N; k++) {
				size_t n = strlen(f);

				if (k)
					buf_putc(b, ',');
				put_json(b, f, n);
				f += n + 1;
			}
			buf_putc(b, ']');
		}
		buf_puts(b, "]\n");
		buf_printf(&rel, "docs/%zu.json", blk);
		r = b->oom || rel.oom ? err_oom() : fn(ud, rel.ptr, b->ptr, b->len);
	}
	buf_free(&rel);
	return r;
}

/* Gives back the room of t's postings beyond what it holds. */
static void trim(stoken *t)
{
	spost *p;
	uint16_t *e;

	if (t->cap == t->npost)
		return;
	if (!t->npost) {
		free(t->post);
		free(t->enc);
		t->post = NULL;
		t->enc = NULL;
		t->cap = 0;
		return;
	}
	p = realloc(t->post, t->npost * sizeof *p);
	if (p)
		t->post = p;
	e = realloc(t->enc, t->npost * sizeof *e);
	if (e)
		t->enc = e;
	if (p && e)
		t->cap = t->npost;
}

/* The tokens with postings in shard order: a new array in *out. 0 / -1. */
static int sort_tokens(const search_index *ix, uint32_t **out, size_t *n)
{
	const stoken **p;
	uint32_t *ids;
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	p = malloc((ix->ntoks ? ix->ntoks : 1) * sizeof *p);
	ids = malloc((ix->ntoks ? ix->ntoks : 1) * sizeof *ids);
	if (!p || !ids) {
		free(p);
		free(ids);
		return err_oom();
	}
	for (i = 0; i < ix->ntoks; i++)
		if (ix->toks[i].npost)
			p[k++] = &ix->toks[i];
	if (k > 1)
		qsort(p, k, sizeof *p, cmp_tok);
	for (i = 0; i < k; i++)
		ids[i] = (uint32_t)(p[i] - ix->toks);
	free(p);
	*out = ids;
	*n = k;
	return 0;
}

/* Writes the manifest and, all 1, every shard and block, else those whose
 * bytes changed since the last write. */
static int index_write(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud, int all)
{
	plan pl;
	buf_t b = BUF_INIT;
	double avg = 0, *kd = NULL;
	uint32_t *sorted = NULL;
	size_t nsorted = 0, i, j, o = 0;
	int r = -1, every;

	if (ix->open && search_doc_end(ix) < 0)
		return -1;
	if (!ix->written)
		all = 1;
	ix->written = 0; /* until this write is done */
	memset(&pl, 0, sizeof pl);
	pl.ix = ix;
	pl.limit = shard_bytes ? shard_bytes : SEARCH_SHARD_BYTES;
	/* the sum of the documents' lengths as doubles is exact: the total */
	if (ix->ndocs)
		avg = (double)ix->total / (double)ix->ndocs;
	kd = malloc((ix->ndocs ? ix->ndocs : 1) * sizeof *kd);
	if (!kd) {
		err_oom();
		goto done;
	}
	for (i = 0; i < ix->ndocs; i++)
		kd[i] = doc_k((double)ix->docs[i].len, avg);
	every = all || avg != ix->avg;
	for (i = 0; i < ix->ntoks; i++)
		if (ix->toks[i].npost && (every || ix->toks[i].stale))
			plan_token(ix, &ix->toks[i], kd);
	if (all || ix->resort) {
		if (sort_tokens(ix, &sorted, &nsorted) < 0)
			goto done;
	} else {
		sorted = ix->wsorted; /* the same tokens: the same order */
		nsorted = ix->nwsorted;
	}
	pl.sorted = sorted;
	/* every key has at least two characters: group by the first two */
	for (i = 0; i < nsorted; i = j) {
		const char *k = plan_tok(&pl, i)->key;
		for (j = i; j < nsorted && memcmp(plan_tok(&pl, j)->key, k, 2) == 0; j++)
			;
		if (plan_range(&pl, i, j, 2) < 0)
			goto done;
	}
	buf_printf(&b, "{\"version\":1,\"docs\":%zu,\"block\":%d,\"max_token\":%d,\"shards\":[",
		   ix->ndocs, SEARCH_BLOCK, SEARCH_MAX_TOKEN);
	for (i = 0; i < pl.nshards; i++)
		buf_printf(&b, i ? ",\"%s\"" : "\"%s\"", pl.shards[i].key);
	buf_puts(&b, "]}\n");
	if (b.oom) {
		err_oom();
		goto done;
	}
	if (fn(ud, "index.json", b.ptr, b.len) < 0)
		goto done;
	for (i = 0; i < pl.nshards; i++)
		if ((all || !shard_same(ix, &pl, &pl.shards[i], &o)) &&
		    write_shard(&pl, &pl.shards[i], &b, fn, ud) < 0)
			goto done;
	if (write_docs(ix, &b, fn, ud, all) < 0)
		goto done;
	/* shards of the last write that are gone (their last word went, or
	 * a split merged back): removed, so the folder is a full build's */
	if (!all && ix->wshards) {
		size_t n = 0;
		for (i = 0; i < ix->nwshards; i++) {
			while (n < pl.nshards && strcmp(pl.shards[n].key, ix->wshards[i].key) < 0)
				n++;
			if (n < pl.nshards && strcmp(pl.shards[n].key, ix->wshards[i].key) == 0)
				continue;
			buf_reset(&b);
			buf_printf(&b, "idx/%s.json", ix->wshards[i].key);
			if (b.oom) {
				err_oom();
				goto done;
			}
			if (fn(ud, b.ptr, NULL, 0) < 0)
				goto done;
		}
	}
	/* what is on disk now */
	for (i = 0; i < ix->ndocs; i++)
		ix->docs[i].dirty = 0;
	if (sorted != ix->wsorted) {
		free(ix->wsorted);
		ix->wsorted = sorted;
	}
	sorted = NULL;
	ix->nwsorted = nsorted;
	free_wshards(ix->wshards, ix->nwshards);
	ix->wshards = pl.shards;
	ix->nwshards = pl.nshards;
	pl.shards = NULL;
	pl.nshards = 0;
	ix->wclock = ix->clock;
	ix->avg = avg;
	if (all) /* a full build: the room to grow goes (serve's rebuilds grow again) */
		for (i = 0; i < ix->ntoks; i++)
			trim(&ix->toks[i]);
	ix->resort = 0;
	ix->written = 1;
	r = 0;
done:
	if (sorted != ix->wsorted)
		free(sorted);
	free_wshards(pl.shards, pl.nshards);
	free(kd);
	buf_free(&b);
	return r;
}

int search_index_write(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud)
{
	return index_write(ix, shard_bytes, fn, ud, 1);
}

int search_index_update(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud)
{
	return index_write(ix, shard_bytes, fn, ud, 0);
}

/* ---- The build: extender, generator, page ----
 *
 * The extender computes each content page's record on the thread that
 * renders the page and puts it in the page's slot; the generator takes
 * the records in site order into an index and writes it. The slots and
 * that index stay for the next render of the same site (serve): an
 * incremental render gives new records for the pages it renders, and the
 * generator replaces just those documents and writes the files that
 * changed. */

typedef struct {
	search_rec *fresh;  /* the record the extender made last, not yet indexed */
	unsigned gen;       /* the render that made it (state.gen then) */
	long doc;           /* the page's document in state.ix, or -1 */
} slot;

static struct {
	pthread_mutex_t lock;
	const site *s;      /* the site the slots are for ... */
	page **by_url;      /* ... as it was then */
	size_t nall;
	slot *slots;        /* one per page, by its place in s->by_url */
	unsigned gen;       /* counts generator runs: which render a record is from */
	search_index *ix;   /* the index as last written, or NULL */
} state = { PTHREAD_MUTEX_INITIALIZER, NULL, NULL, 0, NULL, 0, NULL };

static void drop_index(void)
{
	size_t k;

	search_index_free(state.ix);
	state.ix = NULL;
	for (k = 0; state.slots && k < state.nall; k++)
		state.slots[k].doc = -1;
}

/* Frees the slots and the index (state.lock held). */
static void release(void)
{
	size_t k;

	drop_index();
	for (k = 0; state.slots && k < state.nall; k++)
		search_rec_free(state.slots[k].fresh);
	free(state.slots);
	state.slots = NULL;
	state.s = NULL;
	state.by_url = NULL;
	state.nall = 0;
}

void search_release(void)
{
	pthread_mutex_lock(&state.lock);
	release();
	pthread_mutex_unlock(&state.lock);
}

/* Makes the slots fit site s, empty when they were another's (state.lock
 * held). 0 / -1. */
static int fit_slots(const site *s)
{
	size_t k;

	if (state.slots && state.s == s && state.by_url == s->by_url && state.nall == s->nall)
		return 0;
	release();
	state.slots = malloc((s->nall ? s->nall : 1) * sizeof *state.slots);
	if (!state.slots)
		return err_oom();
	for (k = 0; k < s->nall; k++) {
		state.slots[k].fresh = NULL;
		state.slots[k].gen = 0;
		state.slots[k].doc = -1;
	}
	state.s = s;
	state.by_url = s->by_url;
	state.nall = s->nall;
	return 0;
}

/* p's place in s->by_url in *k: 1, or 0 when p is not the site's page
 * with its URL (a stand-in for a generated page). */
static int place_of(const site *s, const page *p, size_t *k)
{
	size_t lo = 0, hi = s->by_url ? s->nall : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(p->url, s->by_url[mid]->url);
		if (c == 0) {
			*k = mid;
			return s->by_url[mid] == p;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int has_search(const site *s)
{
	return s->th.env && mustache_env_has(s->th.env, SEARCH_LAYOUT);
}

static const char *tstr(const site *s, const char *key)
{
	return value_get_str(s->th.strings, key, "");
}

/* Appends s cut to about SEARCH_SNIPPET bytes at a space, with "…". */
static int put_snippet(buf_t *out, const char *s)
{
	size_t len = strlen(s), cut;

	if (len <= SEARCH_SNIPPET)
		return buf_puts(out, s);
	cut = SEARCH_SNIPPET;
	while (cut > SEARCH_SNIPPET / 2 && s[cut] != ' ')
		cut--;
	if (s[cut] != ' ') /* no space: cut at a character boundary */
		for (cut = SEARCH_SNIPPET; cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80; cut--)
			;
	while (cut > 0 && strchr(" ,;:", s[cut - 1]))
		cut--;
	buf_put(out, s, cut);
	return buf_puts(out, "\xE2\x80\xA6"); /* … */
}

/* Adds a string, or each string of an array, to r. */
static int rec_value(search_rec *r, const value *v)
{
	size_t i;

	if (!v)
		return 0;
	if (v->kind == V_STRING)
		return search_rec_text(r, v->u.s.ptr, v->u.s.len, 0, 0);
	if (v->kind == V_ARRAY)
		for (i = 0; i < v->u.a.len; i++)
			if (rec_value(r, v->u.a.items[i]) < 0)
				return -1;
	return 0;
}

/* The record of content page p: its fields, front matter and body text.
 * Touches nothing shared: any thread. NULL on failure. */
static search_rec *page_rec(render_ctx *c, const page *p)
{
	static const char *const fields[] = {
		"number", "kind", "issuer", "issuer_header", "subject", "place", "signer", "tags"
	};
	site *s = render_site_of(c);
	buf_t url = BUF_INIT, date = BUF_INIT, snip = BUF_INIT;
	const char *kind = value_get_str(p->cf.fm, "kind", NULL);
	search_rec *r = NULL;
	size_t i, k;
	int ok = 0;

	if (!kind)
		kind = p->parent && p->parent->kind == PAGE_SECTION ? p->parent->title
			: tstr(s, "search_kind_page");
	if (render_url(c, &url, p->url) < 0 || put_snippet(&snip, p->summary ? p->summary : "") < 0 ||
	    (p->cf.has_date && render_date(&date, &p->cf.date, p->cf.precision, s->cfg.language) < 0))
		goto done;
	if (snip.oom || date.oom) {
		err_oom();
		goto done;
	}
	r = search_rec_new(p->title, url.ptr, kind, snip.ptr, date.ptr);
	if (!r || search_rec_text(r, p->title, strlen(p->title), 1, 0) < 0 ||
	    (p->summary && search_rec_text(r, p->summary, strlen(p->summary), 0, 0) < 0))
		goto done;
	for (i = 0; i < sizeof fields / sizeof *fields; i++)
		if (rec_value(r, value_table_get(p->cf.fm, fields[i])) < 0)
			goto done;
	for (i = 0; i < s->cfg.ntaxonomies; i++) {
		const char *key = s->cfg.taxonomies[i].key;
		for (k = 0; k < sizeof fields / sizeof *fields; k++)
			if (strcmp(key, fields[k]) == 0)
				break;
		if (k == sizeof fields / sizeof *fields && rec_value(r, value_table_get(p->cf.fm, key)) < 0)
			goto done;
	}
	if (search_rec_html(r, p->cf.md.html.ptr, p->cf.md.html.len, HTML_TEXT_MAX, SEARCH_MAX_WORDS) < 0 ||
	    rec_seal(r) < 0)
		goto done;
	ok = 1;
done:
	buf_free(&url);
	buf_free(&date);
	buf_free(&snip);
	if (!ok) {
		search_rec_free(r);
		r = NULL;
	}
	return r;
}

int search_extend(render_ctx *c, const page *p, value *pagev)
{
	site *s = render_site_of(c);
	search_rec *r, *old;
	size_t k;

	(void)pagev;
	if (p->kind != PAGE_REGULAR || !has_search(s) || !place_of(s, p, &k))
		return 0; /* stand-ins of generated pages, 404 */
	r = page_rec(c, p); /* the work, outside the lock */
	if (!r)
		return -1;
	pthread_mutex_lock(&state.lock);
	if (fit_slots(s) < 0) {
		pthread_mutex_unlock(&state.lock);
		search_rec_free(r);
		return -1;
	}
	old = state.slots[k].fresh;
	state.slots[k].fresh = r;
	state.slots[k].gen = state.gen;
	pthread_mutex_unlock(&state.lock);
	search_rec_free(old);
	return 0;
}

static int index_section(render_ctx *c, search_index *ix, const page *p)
{
	site *s = render_site_of(c);
	buf_t url = BUF_INIT, snip = BUF_INIT;
	int r = -1;

	if (render_url(c, &url, p->url) == 0 && put_snippet(&snip, p->summary ? p->summary : "") == 0 &&
	    !snip.oom &&
	    search_doc_begin(ix, p->title, url.ptr, tstr(s, "search_kind_section"), snip.ptr, "") >= 0 &&
	    search_doc_text(ix, p->title, strlen(p->title), 1, 0) == 0 &&
	    (!p->summary || search_doc_text(ix, p->summary, strlen(p->summary), 0, 0) == 0) &&
	    search_doc_end(ix) == 0)
		r = 0;
	else if (snip.oom)
		err_oom();
	buf_free(&url);
	buf_free(&snip);
	return r;
}

/* The procedure's page and a field's page (the procedures module's URLs). */
static int procedure_url(render_ctx *c, buf_t *out, const char *code)
{
	buf_t b = BUF_INIT;
	int r;

	buf_puts(&b, "/thu-tuc/");
	text_slug(&b, code, strlen(code));
	buf_putc(&b, '/');
	r = b.oom ? err_oom() : render_url(c, out, b.ptr);
	buf_free(&b);
	return r;
}

static int field_url(render_ctx *c, buf_t *out, const char *field)
{
	buf_t b = BUF_INIT;
	int r;

	buf_puts(&b, "/thu-tuc/linh-vuc/");
	text_slug(&b, field, strlen(field));
	buf_putc(&b, '/');
	r = b.oom ? err_oom() : render_url(c, out, b.ptr);
	buf_free(&b);
	return r;
}

/* Replaces "{field}" in the theme's pattern. */
static int put_pattern(buf_t *out, const char *pattern, const char *field)
{
	const char *at = strstr(pattern, "{field}");

	if (!at)
		return buf_printf(out, "%s %s", pattern, field);
	buf_put(out, pattern, (size_t)(at - pattern));
	buf_puts(out, field);
	return buf_puts(out, at + 7);
}

/* A document per field of procedures: "Thủ tục lĩnh vực Hộ tịch", its
 * procedures' names as the snippet and text. rows are sorted by field. */
static int index_fields(render_ctx *c, search_index *ix, const value *rows)
{
	site *s = render_site_of(c);
	buf_t url = BUF_INIT, title = BUF_INIT, names = BUF_INIT, snip = BUF_INIT;
	size_t i = 0, j;
	int r = -1;

	while (i < value_len(rows)) {
		const char *field = value_get_str(value_at(rows, i), "field", "");

		buf_reset(&url);
		buf_reset(&title);
		buf_reset(&names);
		buf_reset(&snip);
		for (j = i; j < value_len(rows) && strcmp(value_get_str(value_at(rows, j), "field", ""), field) == 0; j++) {
			if (j > i)
				buf_puts(&names, "; ");
			buf_puts(&names, value_get_str(value_at(rows, j), "name", ""));
		}
		if (*field) {
			if (field_url(c, &url, field) < 0 ||
			    put_pattern(&title, tstr(s, "search_field_doc"), field) < 0 ||
			    put_snippet(&snip, names.ptr) < 0)
				goto done;
			if (title.oom || names.oom || snip.oom) {
				err_oom();
				goto done;
			}
			if (search_doc_begin(ix, title.ptr, url.ptr, tstr(s, "search_kind_procedure"), snip.ptr, "") < 0 ||
			    search_doc_text(ix, title.ptr, title.len, 1, 0) < 0 ||
			    search_doc_text(ix, names.ptr, names.len, 0, SEARCH_MAX_WORDS) < 0 ||
			    search_doc_end(ix) < 0)
				goto done;
		}
		i = j;
	}
	r = 0;
done:
	buf_free(&url);
	buf_free(&title);
	buf_free(&names);
	buf_free(&snip);
	return r;
}

/* Columns not worth indexing. */
static int skip_column(const char *name)
{
	static const char *const skip[] = { "source", "online_url", "updated", "url", "slug" };
	size_t i;

	for (i = 0; i < sizeof skip / sizeof *skip; i++)
		if (strcmp(name, skip[i]) == 0)
			return 1;
	return 0;
}

static int index_procedures(render_ctx *c, search_index *ix)
{
	site *s = render_site_of(c);
	value *rows = data_query(s->db, "SELECT * FROM procedures ORDER BY field, name, code",
				 NULL, "data", 0, 0);
	buf_t url = BUF_INIT, snip = BUF_INIT;
	const char *kind = tstr(s, "search_kind_procedure");
	size_t i, k;
	int r = -1;

	if (!rows)
		return -1;
	if (index_fields(c, ix, rows) < 0)
		goto done;
	for (i = 0; i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		const char *name = value_get_str(row, "name", ""), *code = value_get_str(row, "code", "");
		const char *field = value_get_str(row, "field", ""), *agency = value_get_str(row, "agency", "");

		buf_reset(&url);
		buf_reset(&snip);
		if (!*name || !*code)
			continue;
		if (procedure_url(c, &url, code) < 0)
			goto done;
		if (*field)
			buf_printf(&snip, "%s %s", tstr(s, "search_proc_field"), field);
		if (*agency)
			buf_printf(&snip, "%s%s", snip.len ? " · " : "", agency);
		if (snip.oom) {
			err_oom();
			goto done;
		}
		if (search_doc_begin(ix, name, url.ptr, kind, snip.ptr, "") < 0 ||
		    search_doc_text(ix, name, strlen(name), 1, 0) < 0 ||
		    search_doc_text(ix, kind, strlen(kind), 0, 0) < 0)
			goto done;
		for (k = 0; k < row->u.t.len; k++) {
			const value *v = row->u.t.vals[k];
			if (v->kind != V_STRING || skip_column(row->u.t.keys[k]) || strcmp(row->u.t.keys[k], "name") == 0)
				continue;
			if (search_doc_text(ix, v->u.s.ptr, v->u.s.len, 0, SEARCH_MAX_WORDS) < 0)
				goto done;
		}
		if (search_doc_end(ix) < 0)
			goto done;
	}
	r = 0;
done:
	value_free(rows);
	buf_free(&url);
	buf_free(&snip);
	return r;
}

/* Orders rows by their "name" as Vietnamese readers expect: folded first
 * ("Đất đai" with the d's), then as written. */
static int cmp_name(const void *a, const void *b)
{
	const char *x = value_get_str(*(const value *const *)a, "name", "");
	const char *y = value_get_str(*(const value *const *)b, "name", "");
	buf_t fx = BUF_INIT, fy = BUF_INIT;
	int c;

	text_fold(&fx, x, strlen(x));
	text_fold(&fy, y, strlen(y));
	c = strcmp(fx.ptr, fy.ptr);
	buf_free(&fx);
	buf_free(&fy);
	return c ? c : strcmp(x, y);
}

/* The listings the page shows without JavaScript: content sections and
 * taxonomies, and the procedures by field. */
static int browse_fields(render_ctx *c, value *fields)
{
	site *s = render_site_of(c);
	value *secs = value_new_array(), *pf = NULL, *rows = NULL;
	buf_t url = BUF_INIT;
	size_t i;

	if (!secs)
		return -1;
	for (i = 0; i < s->nall; i++) {
		const page *p = s->all[i];
		value *e;

		if (!((p->kind == PAGE_SECTION && p->parent == s->home) || p->kind == PAGE_TAXONOMY) ||
		    strcmp(p->url, SEARCH_URL) == 0)
			continue;
		buf_reset(&url);
		e = value_new_table();
		if (!e || render_url(c, &url, p->url) < 0 || value_table_set_str(e, "title", p->title) < 0 ||
		    value_table_set_str(e, "url", url.ptr) < 0 ||
		    value_table_set_int(e, "count", (int64_t)(p->kind == PAGE_TAXONOMY ? p->nterms : p->npages)) < 0 ||
		    value_array_push(secs, e) < 0) {
			if (e && !err_isset())
				err_oom();
			goto fail;
		}
	}
	if (s->db && data_has_table(s->db, "procedures")) {
		rows = data_query(s->db, "SELECT field AS name, COUNT(*) AS count FROM procedures "
				  "GROUP BY field ORDER BY field", NULL, "data", 0, 0);
		if (!rows)
			goto fail;
		if (value_len(rows) > 1)
			qsort(rows->u.a.items, rows->u.a.len, sizeof *rows->u.a.items, cmp_name);
		for (i = 0; i < value_len(rows); i++) {
			value *e = value_at(rows, i);
			buf_reset(&url);
			if (field_url(c, &url, value_get_str(e, "name", "")) < 0 ||
			    value_table_set_str(e, "url", url.ptr) < 0)
				goto fail;
			buf_reset(&url);
			if (fmt_int_vi(&url, value_get_int(e, "count", 0)) < 0 ||
			    value_table_set_str(e, "count", url.ptr) < 0)
				goto fail;
		}
		buf_reset(&url);
		if (render_url(c, &url, "/thu-tuc/") < 0 || value_table_set_str(fields, "search_procedures_url", url.ptr) < 0)
			goto fail;
		pf = rows;
		rows = NULL;
	}
	buf_free(&url);
	if (value_table_set_bool(fields, "search_has_sections", value_len(secs) > 0) < 0 ||
	    value_table_setc(fields, "search_sections", secs) < 0) {
		value_free(pf);
		return -1;
	}
	if (value_table_set_bool(fields, "search_has_fields", value_len(pf) > 0) < 0) {
		value_free(pf);
		return -1;
	}
	return pf ? value_table_setc(fields, "search_fields", pf) : 0;
fail:
	buf_free(&url);
	value_free(rows);
	value_free(secs);
	return -1;
}

static int write_file(void *ud, const char *rel, const void *data, size_t len)
{
	buf_t path = BUF_INIT;
	int r;

	buf_puts(&path, SEARCH_DIR);
	buf_puts(&path, rel);
	r = path.oom ? err_oom() : data ? render_file_out(ud, path.ptr, data, len)
		 : render_file_remove(ud, path.ptr);
	buf_free(&path);
	return r;
}

/* A full render (state.lock held): the index from this render's records
 * in site order, then sections and procedures; written, kept in state.ix
 * and in *out. 0 with *out NULL when a content page has no record from
 * this render (a render of some pages only: the last index stays). */
static int index_full(render_ctx *c, search_index **out)
{
	site *s = render_site_of(c);
	search_index *ix;
	size_t i, k;

	*out = NULL;
	if (fit_slots(s) < 0)
		return -1;
	for (i = 0; i < s->nall; i++)
		if (s->all[i]->kind == PAGE_REGULAR &&
		    (!place_of(s, s->all[i], &k) || !state.slots[k].fresh || state.slots[k].gen != state.gen))
			return 0;
	drop_index();
	ix = search_index_new();
	if (!ix)
		return -1;
	for (i = 0; i < s->nall; i++) {
		long id;

		if (s->all[i]->kind != PAGE_REGULAR)
			continue;
		place_of(s, s->all[i], &k);
		id = search_index_add(ix, state.slots[k].fresh); /* takes it */
		state.slots[k].fresh = NULL;
		if (id < 0)
			goto fail;
		state.slots[k].doc = id;
	}
	for (k = 0; k < state.nall; k++) { /* none left but from a failed render */
		search_rec_free(state.slots[k].fresh);
		state.slots[k].fresh = NULL;
	}
	for (i = 0; i < s->nall; i++)
		if (s->all[i]->kind == PAGE_SECTION && strcmp(s->all[i]->url, SEARCH_URL) != 0 &&
		    index_section(c, ix, s->all[i]) < 0)
			goto fail;
	if (s->db && data_has_table(s->db, "procedures") && index_procedures(c, ix) < 0)
		goto fail;
	if (search_index_write(ix, 0, write_file, c) < 0)
		goto fail;
	state.ix = ix;
	*out = ix;
	return 0;
fail:
	search_index_free(ix);
	for (k = 0; k < state.nall; k++)
		state.slots[k].doc = -1;
	return -1;
}

/* An incremental render (state.lock held): the pages rendered again
 * brought new records; they replace their documents in the kept index,
 * which writes the files that changed. Without a kept index (no full
 * render before) nothing is written. */
static int index_incremental(render_ctx *c)
{
	site *s = render_site_of(c);
	page *const *changed;
	size_t nchanged, i, k;

	render_incremental(c, &changed, &nchanged);
	if (!state.ix)
		return 0;
	if (state.s != s || state.by_url != s->by_url || state.nall != s->nall) {
		drop_index(); /* another site's */
		return 0;
	}
	for (i = 0; i < nchanged; i++)
		if (changed[i]->kind == PAGE_REGULAR && place_of(s, changed[i], &k) &&
		    (!state.slots[k].fresh || state.slots[k].gen != state.gen)) {
			drop_index(); /* not rendered with the rest: leave the index */
			return 0;
		}
	for (k = 0; k < state.nall; k++) {
		search_rec *r = state.slots[k].fresh;

		if (!r)
			continue;
		state.slots[k].fresh = NULL;
		if (state.slots[k].doc < 0) {
			search_rec_free(r);
			drop_index();
			return 0;
		}
		if (search_index_replace(state.ix, (size_t)state.slots[k].doc, r) < 0) /* takes r */
			goto fail;
	}
	if (search_index_update(state.ix, 0, write_file, c) < 0)
		goto fail;
	return 0;
fail:
	drop_index();
	return -1;
}

int search_generate(render_ctx *c)
{
	static const char *const layouts[] = { SEARCH_LAYOUT };
	site *s = render_site_of(c);
	search_index *ix = NULL;
	render_page rp;
	value *fields = NULL;
	buf_t url = BUF_INIT;
	int r;

	if (!has_search(s))
		return 0;
	pthread_mutex_lock(&state.lock);
	if (render_incremental(c, NULL, NULL)) {
		/* the page lists sections and procedures: it stays as it is */
		r = index_incremental(c);
		state.gen++;
		pthread_mutex_unlock(&state.lock);
		return r;
	}
	r = index_full(c, &ix);
	state.gen++;
	if (r == 0 && ix) {
		fields = value_new_table();
		if (!fields || render_url(c, &url, SEARCH_URL) < 0 ||
		    value_table_set_str(fields, "search_index", url.ptr) < 0 ||
		    value_table_set_int(fields, "search_docs", (int64_t)search_index_docs(ix)) < 0)
			r = -1;
	}
	pthread_mutex_unlock(&state.lock);
	if (r < 0 || !ix)
		goto done;
	r = -1;
	if (browse_fields(c, fields) < 0)
		goto done;
	memset(&rp, 0, sizeof rp);
	rp.url = SEARCH_URL;
	rp.title = tstr(s, "search_title");
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = s->th.dir;
	rp.fields = fields;
	fields = NULL;
	r = render_page_out(c, &rp);
done:
	value_free(fields);
	buf_free(&url);
	return r;
}
