/* docnum.c: document numbers and citations (see docnum.h).
 *
 * One left-to-right pass. At each run of digits that starts a word the
 * scanner tries, in order: a full number and symbol (scan_symbol), then a
 * short citation (a type word and the number alone). A full one is widened
 * to the type word before it and the date after it. Matching is on code
 * points (utf8proc_iterate, which also rejects invalid UTF-8); letter case is
 * compared through utf8proc_tolower, whose Vietnamese pairs all have the same
 * UTF-8 length, so a lower-case word can be compared in place.
 */
#include "docnum.h"

#include "err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Type abbreviations (Decree 30/2020/NĐ-CP, appendix III, and the legal
 * normative documents' NĐ, TT, TTLT, NQLT). upper: the key's spelling. */
static const struct {
	const char *abbr, *upper, *name;
} types[] = {
	{ "NQ", "NQ", "Nghị quyết" },
	{ "QĐ", "QĐ", "Quyết định" },
	{ "CT", "CT", "Chỉ thị" },
	{ "QC", "QC", "Quy chế" },
	{ "QyĐ", "QYĐ", "Quy định" },
	{ "TC", "TC", "Thông cáo" },
	{ "TB", "TB", "Thông báo" },
	{ "HD", "HD", "Hướng dẫn" },
	{ "CTr", "CTR", "Chương trình" },
	{ "KH", "KH", "Kế hoạch" },
	{ "PA", "PA", "Phương án" },
	{ "ĐA", "ĐA", "Đề án" },
	{ "DA", "DA", "Dự án" },
	{ "BC", "BC", "Báo cáo" },
	{ "BB", "BB", "Biên bản" },
	{ "TTr", "TTR", "Tờ trình" },
	{ "HĐ", "HĐ", "Hợp đồng" },
	{ "CĐ", "CĐ", "Công điện" },
	{ "GM", "GM", "Giấy mời" },
	{ "NĐ", "NĐ", "Nghị định" },
	{ "TT", "TT", "Thông tư" },
	{ "TTLT", "TTLT", "Thông tư liên tịch" },
	{ "NQLT", "NQLT", "Nghị quyết liên tịch" },
};

/* Type words before a number, lower-case NFC; a longer word before any
 * word it ends with. abbr "" : a công văn, whose symbol has no type. */
static const struct {
	const char *word, *name, *abbr;
} words[] = {
	{ "kế hoạch", "Kế hoạch", "KH" },
	{ "quyết định", "Quyết định", "QĐ" },
	{ "nghị định", "Nghị định", "NĐ" },
	{ "thông báo", "Thông báo", "TB" },
	{ "chỉ thị", "Chỉ thị", "CT" },
	{ "nghị quyết liên tịch", "Nghị quyết liên tịch", "NQLT" },
	{ "nghị quyết", "Nghị quyết", "NQ" },
	{ "thông tư liên tịch", "Thông tư liên tịch", "TTLT" },
	{ "thông tư", "Thông tư", "TT" },
	{ "hướng dẫn", "Hướng dẫn", "HD" },
	{ "báo cáo", "Báo cáo", "BC" },
	{ "tờ trình", "Tờ trình", "TTr" },
	{ "chương trình", "Chương trình", "CTr" },
	{ "phương án", "Phương án", "PA" },
	{ "đề án", "Đề án", "ĐA" },
	{ "quy định", "Quy định", "QyĐ" },
	{ "quy chế", "Quy chế", "QC" },
	{ "công điện", "Công điện", "CĐ" },
	{ "công văn", "Công văn", "" },
	{ "văn bản", "Văn bản", "" },
};

#define NWORDS (sizeof words / sizeof *words)
#define NTYPES (sizeof types / sizeof *types)
#define MAX_TOKEN 12 /* characters in one symbol token */
#define MAX_TOKENS 8

const char *docnum_word_name(int word)
{
	return word >= 0 && (size_t)word < NWORDS ? words[word].name : NULL;
}

const char *docnum_word_abbr(int word)
{
	return word >= 0 && (size_t)word < NWORDS ? words[word].abbr : NULL;
}

const char *docnum_type_name(const char *abbr)
{
	size_t i;

	if (!abbr || !*abbr)
		return NULL;
	for (i = 0; i < NTYPES; i++)
		if (strcmp(types[i].abbr, abbr) == 0)
			return types[i].name;
	return NULL;
}

static int is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* The code point at s[i] (i < len) and its length; an invalid sequence is
 * one byte long with *cp = -1. At the end: length 0, *cp = -1. */
static size_t cp_at(const char *s, size_t len, size_t i, int32_t *cp)
{
	utf8proc_ssize_t n;
	size_t avail;

	if (i >= len) {
		*cp = -1;
		return 0;
	}
	avail = len - i < 4 ? len - i : 4;
	n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)avail, cp);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return (size_t)n;
}

/* The code point that ends at s[i] (exclusive); its first byte in *start.
 * -1 at the start of the text or after an invalid sequence. */
static int32_t cp_before(const char *s, size_t i, size_t *start)
{
	size_t j, k;
	int32_t cp;

	*start = i;
	if (i == 0)
		return -1;
	j = i - 1;
	for (k = 0; k < 3 && j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80; k++)
		j--;
	if (cp_at(s, i, j, &cp) != i - j || cp < 0) {
		*start = i - 1;
		return -1;
	}
	*start = j;
	return cp;
}

/* A letter of any script, or a combining mark (NFD text). */
static int is_letter(int32_t cp)
{
	utf8proc_category_t cat;

	if (cp < 0)
		return 0;
	if (cp < 0x80)
		return is_alpha(cp);
	cat = utf8proc_category(cp);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME);
}

static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0;
}

/* Skips white space forward from i; returns the new index. */
static size_t skip_ws(const char *s, size_t len, size_t i)
{
	int32_t cp;
	size_t l;

	while ((l = cp_at(s, len, i, &cp)) > 0 && is_space(cp))
		i += l;
	return i;
}

/* Skips white space backward from i (exclusive); returns the new index. */
static size_t skip_ws_back(const char *s, size_t i)
{
	size_t st;

	while (i > 0 && is_space(cp_before(s, i, &st)))
		i = st;
	return i;
}

/* When s[at..] starts with word (lower-case) in any letter case, and the
 * word is not followed by another letter, returns the index after it;
 * else 0. */
static size_t ci_prefix(const char *s, size_t len, size_t at, const char *word)
{
	size_t wl = strlen(word), i = at, j = 0;
	int32_t a, b;

	while (j < wl) {
		size_t la = cp_at(s, len, i, &a), lb = cp_at(word, wl, j, &b);
		if (la == 0 || a < 0 || la != lb || utf8proc_tolower(a) != b)
			return 0;
		i += la;
		j += lb;
	}
	cp_at(s, len, i, &a);
	return is_letter(a) ? 0 : i;
}

/* When s[..end) ends with word (lower-case) in any letter case, preceded by
 * a non-letter, sets *start to where it begins and returns 1. */
static int ci_suffix(const char *s, size_t end, const char *word, size_t *start)
{
	size_t wl = strlen(word), i, j = 0, st;
	int32_t a, b;

	if (end < wl)
		return 0;
	i = end - wl;
	while (j < wl) {
		size_t la = cp_at(s, end, i, &a), lb = cp_at(word, wl, j, &b);
		if (a < 0 || la != lb || utf8proc_tolower(a) != b)
			return 0;
		i += la;
		j += lb;
	}
	if (is_letter(cp_before(s, end - wl, &st)))
		return 0;
	*start = end - wl;
	return 1;
}

/* The type word right before index i (white space between), with an
 * optional "số": returns its index in words[] and its start, or -1. */
static int type_word_before(const char *s, size_t i, size_t *wstart)
{
	size_t k = skip_ws_back(s, i), so, w;
	size_t ends[2];
	int ne = 0, e;

	if (k == i)
		return -1; /* the number must be a word of its own */
	if (ci_suffix(s, k, "số", &so)) {
		size_t k2 = skip_ws_back(s, so);
		if (k2 < so)
			ends[ne++] = k2;
	}
	ends[ne++] = k;
	for (e = 0; e < ne; e++)
		for (w = 0; w < NWORDS; w++)
			if (ci_suffix(s, ends[e], words[w].word, wstart))
				return (int)w;
	return -1;
}

/* Appends n bytes to the key, upper-casing ASCII letters and đ. Returns 0,
 * or -1 when the key would not fit. */
static int key_put(char *key, size_t *kl, const char *p, size_t n)
{
	size_t i;

	if (*kl + n + 1 > DOCNUM_KEY_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		else if (c == 0xC4 && i + 1 < n && (unsigned char)p[i + 1] == 0x91) {
			key[(*kl)++] = (char)0xC4; /* đ U+0111 -> Đ U+0110 */
			key[(*kl)++] = (char)0x90;
			i++;
			continue;
		}
		key[(*kl)++] = (char)c;
	}
	key[*kl] = '\0';
	return 0;
}

/* A symbol token at s[i]: an upper-case letter (A-Z, Đ), then letters
 * (A-Z, a-z, Đ, đ) and digits, at most MAX_TOKEN, not running into
 * another letter or digit of any script. Returns its end, or i. */
static size_t scan_token(const char *s, size_t len, size_t i, int *nupper)
{
	size_t j = i, l;
	int n = 0;
	int32_t cp;

	*nupper = 0;
	while ((l = cp_at(s, len, j, &cp)) > 0) {
		if ((cp >= 'A' && cp <= 'Z') || cp == 0x110)
			++*nupper;
		else if (n == 0 || !((cp >= 'a' && cp <= 'z') || is_digit(cp) || cp == 0x111))
			break;
		j += l;
		if (++n > MAX_TOKEN)
			return i;
	}
	if (n == 0 || is_letter(cp) || is_digit(cp))
		return i;
	return j;
}

/* A separator after a token at j: '-' (or '–', '—') with up to three
 * spaces on each side, or '/' or '&' without spaces. Returns the index
 * after it and sets *sep, or 0. */
static size_t scan_sep(const char *s, size_t len, size_t j, char *sep)
{
	size_t k = j, l;
	int32_t cp;
	int sp = 0;

	while (k < len && s[k] == ' ' && sp < 3)
		k++, sp++;
	l = cp_at(s, len, k, &cp);
	if (cp == '-' || cp == 0x2013 || cp == 0x2014) {
		k += l;
		for (sp = 0; k < len && s[k] == ' ' && sp < 3; sp++)
			k++;
		*sep = '-';
		return k;
	}
	if (k != j || (cp != '/' && cp != '&'))
		return 0;
	*sep = (char)cp;
	return k + 1;
}

/* NUMBER/[YEAR/]TOKEN(SEP TOKEN)* at s[i]. NUMBER: 1-6 digits and at most
 * two ASCII letters; empty only when allow_blank (a draft). Fills sym and
 * returns the end, or 0 when there is no symbol at i. */
static size_t scan_symbol(const char *s, size_t len, size_t i, docnum_symbol *sym, int allow_blank)
{
	size_t j = i, nd = 0, nl = 0, k, e, kl = 0, end;
	int up, ntok = 1;
	char sep;

	memset(sym, 0, sizeof *sym);
	while (j < len && is_digit((unsigned char)s[j]) && nd < 7)
		j++, nd++;
	if (nd > 6 || (nd == 0 && !allow_blank))
		return 0;
	while (nd && j < len && is_alpha((unsigned char)s[j]) && nl < 3)
		j++, nl++;
	if (nl > 2 || j >= len || s[j] != '/')
		return 0;
	memcpy(sym->number, s + i, j - i); /* at most 8 bytes */
	sym->number[j - i] = '\0';
	if (key_put(sym->key, &kl, s + i, j - i) < 0 || key_put(sym->key, &kl, "/", 1) < 0)
		return 0;
	k = j + 1;
	if (k + 5 <= len && is_digit((unsigned char)s[k]) && is_digit((unsigned char)s[k + 1]) &&
	    is_digit((unsigned char)s[k + 2]) && is_digit((unsigned char)s[k + 3]) && s[k + 4] == '/') {
		int y = (s[k] - '0') * 1000 + (s[k + 1] - '0') * 100 + (s[k + 2] - '0') * 10 + (s[k + 3] - '0');
		if (y < 1900 || y > 2199)
			return 0;
		sym->year = y;
		if (key_put(sym->key, &kl, s + k, 5) < 0)
			return 0;
		k += 5;
	}
	e = scan_token(s, len, k, &up);
	if (e == k || up < 2)
		return 0;
	if (key_put(sym->key, &kl, s + k, e - k) < 0)
		return 0;
	{
		/* the type is the first token when it is a known abbreviation */
		const char *tok = sym->key + kl - (e - k);
		size_t t;
		for (t = 0; t < NTYPES; t++)
			if (strcmp(types[t].upper, tok) == 0) {
				strcpy(sym->type, types[t].abbr); /* at most 5 bytes */
				break;
			}
	}
	end = e;
	for (;;) {
		size_t t = scan_sep(s, len, end, &sep);
		if (!t)
			break;
		e = scan_token(s, len, t, &up);
		if (e == t || up < 1)
			break;
		if (++ntok > MAX_TOKENS || key_put(sym->key, &kl, &sep, 1) < 0 ||
		    key_put(sym->key, &kl, s + t, e - t) < 0)
			return 0;
		end = e;
	}
	return end;
}

static int read_digits(const char *s, size_t len, size_t *k, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (*k < len && is_digit((unsigned char)s[*k]) && n <= max) {
		*v = *v * 10 + (s[*k] - '0');
		++*k;
		n++;
	}
	return n >= min && n <= max ? 0 : -1;
}

static int days_in(int m, int y)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : d[m - 1];
}

/* "ngày 28/12/2021" or "ngày 05 tháng 3 năm 2020" after white space at i.
 * Returns the end and sets the date, or 0. */
static size_t scan_date(const char *s, size_t len, size_t i, int *d, int *m, int *y)
{
	size_t k = skip_ws(s, len, i), k2;
	int32_t cp;

	*d = *m = *y = 0;
	k = ci_prefix(s, len, k, "ngày");
	if (!k)
		return 0;
	k2 = skip_ws(s, len, k);
	if (k2 == k)
		return 0;
	k = k2;
	if (read_digits(s, len, &k, 1, 2, d) < 0)
		return 0;
	if (k < len && (s[k] == '/' || s[k] == '-' || s[k] == '.')) {
		char sep = s[k++];
		if (read_digits(s, len, &k, 1, 2, m) < 0 || k >= len || s[k] != sep)
			return 0;
		k++;
	} else {
		k2 = skip_ws(s, len, k);
		if (k2 == k || !(k = ci_prefix(s, len, k2, "tháng")))
			return 0;
		k2 = skip_ws(s, len, k);
		if (k2 == k || read_digits(s, len, &k2, 1, 2, m) < 0)
			return 0;
		k = skip_ws(s, len, k2);
		if (k == k2 || !(k2 = ci_prefix(s, len, k, "năm")))
			return 0;
		k = skip_ws(s, len, k2);
		if (k == k2)
			return 0;
	}
	if (read_digits(s, len, &k, 4, 4, y) < 0)
		return 0;
	cp_at(s, len, k, &cp);
	if (is_digit(cp) || *y < 1900 || *y > 2199 || *m < 1 || *m > 12 || *d < 1 || *d > days_in(*m, *y)) {
		*d = *m = *y = 0;
		return 0;
	}
	return k;
}

static int push(docnum_cite **arr, size_t *n, size_t *cap, const docnum_cite *c)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		docnum_cite *a = realloc(*arr, nc * sizeof *a);
		if (!a)
			return err_oom();
		*arr = a;
		*cap = nc;
	}
	(*arr)[(*n)++] = *c;
	return 0;
}

static int num_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return 0;
	}
	return *a == *b;
}

/* The latest earlier citation a short one ("Kế hoạch số 91") refers to:
 * same number, and the type the word names (or the same word). */
static const docnum_cite *resolve_short(const docnum_cite *arr, size_t n, const char *num, int word)
{
	const char *abbr = words[word].abbr;

	while (n-- > 0) {
		const docnum_cite *c = &arr[n];
		if (!num_eq(c->sym.number, num))
			continue;
		if (c->word == word || strcmp(c->sym.type, abbr) == 0)
			return c;
	}
	return NULL;
}

int docnum_parse(docnum_symbol *out, const char *s, size_t len)
{
	size_t i = 0, e;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (i == len)
		return -1;
	e = scan_symbol(s, len, i, out, 1);
	if (e != len) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	return out->number[0] ? 1 : 0;
}

int docnum_key(char *key, const char *s, size_t len)
{
	docnum_symbol sym;

	if (docnum_parse(&sym, s, len) < 0) {
		key[0] = '\0';
		return -1;
	}
	memcpy(key, sym.key, DOCNUM_KEY_MAX);
	return 0;
}

/* The first ASCII digit at or after s[i], or len: eight bytes at a time
 * through the text between numbers. */
static size_t next_digit(const char *s, size_t len, size_t i)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;

	while (i + 8 <= len) {
		uint64_t x, y;
		memcpy(&x, s + i, 8);
		y = x ^ (ones * '0'); /* digits become bytes 0..9, and only they */
		if (((y - ones * 10) & ~y & high) != 0)
			break; /* a byte below 10 here */
		i += 8;
	}
	while (i < len && !is_digit((unsigned char)s[i]))
		i++;
	return i;
}

int docnum_find_all(const char *text, size_t len, docnum_cite **out, size_t *n)
{
	docnum_cite *arr = NULL, c;
	size_t cnt = 0, cap = 0, i = 0;

	*out = NULL;
	*n = 0;
	while (i < len) {
		size_t ps, end, j;
		int32_t prev, next;

		i = next_digit(text, len, i);
		if (i >= len)
			break;
		prev = cp_before(text, i, &ps);
		if (is_letter(prev) || is_digit(prev) || prev == '/' || prev == '.' || prev == ',' ||
		    prev == '-' || prev == '&')
			goto skip;
		memset(&c, 0, sizeof c);
		end = scan_symbol(text, len, i, &c.sym, 0);
		if (end) {
			size_t ws, de;
			c.num_start = i;
			c.num_end = end;
			c.word = type_word_before(text, i, &ws);
			c.start = c.word >= 0 ? ws : i;
			de = scan_date(text, len, end, &c.day, &c.month, &c.date_year);
			c.end = de ? de : end;
			if (push(&arr, &cnt, &cap, &c) < 0)
				goto oom;
			i = c.end;
			continue;
		}
		/* a short citation: a type word, the number alone */
		j = i;
		while (j < len && j - i < 7 && is_digit((unsigned char)text[j]))
			j++;
		while (j < len && j - i < 9 && is_alpha((unsigned char)text[j]))
			j++;
		cp_at(text, len, j, &next);
		if (j - i <= 8 && !is_letter(next) && !is_digit(next) && next != '/' &&
		    !((next == '.' || next == ',') && j + 1 < len && is_digit((unsigned char)text[j + 1]))) {
			size_t ws;
			int w = type_word_before(text, i, &ws);
			char num[DOCNUM_NUM_MAX];
			const docnum_cite *r;
			memcpy(num, text + i, j - i);
			num[j - i] = '\0';
			r = w >= 0 ? resolve_short(arr, cnt, num, w) : NULL;
			if (r) {
				c = *r;
				c.start = ws;
				c.end = j;
				c.num_start = i;
				c.num_end = j;
				c.word = w;
				c.is_short = 1;
				if (push(&arr, &cnt, &cap, &c) < 0)
					goto oom;
				i = j;
				continue;
			}
		}
skip:
		while (i < len && (is_digit((unsigned char)text[i]) || is_alpha((unsigned char)text[i])))
			i++;
	}
	*out = arr;
	*n = cnt;
	return 0;
oom:
	free(arr);
	return -1;
}
