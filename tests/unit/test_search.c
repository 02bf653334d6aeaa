/* Unit tests for search.c: tokens (folding included, against text_fold()
 * over every code point of its quick table), plain text of HTML (against
 * the plain per-character reading), the tokens of HTML read in place
 * (against that text's tokens), records' counts (against the reference
 * tokens), the index (a term finds the right documents), shard
 * assignment and the bytes of the files, records, and replacing documents
 * (the files then equal a fresh index's). */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "search.h"
#include "text.h"
#include "value.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- tokens ---- */

static buf_t toks = BUF_INIT;

static int collect(void *ud, const char *tok, size_t len)
{
	(void)ud;
	if (toks.len)
		buf_putc(&toks, ' ');
	if (strlen(tok) != len) /* NUL-terminated at len */
		return -1;
	return buf_put(&toks, tok, len);
}

/* The tokens of s joined by spaces, "(failed)" when search_tokens failed. */
static const char *tokens_max(const char *s, size_t max)
{
	buf_reset(&toks);
	if (search_tokens(s, strlen(s), max, collect, NULL) < 0)
		return "(failed)";
	return toks.ptr;
}

static const char *tokens(const char *s)
{
	return tokens_max(s, 0);
}

/* ---- tokens against the reference: text_fold(), then runs of letters,
 * marks and digits of 2 to SEARCH_MAX_TOKEN code points ---- */

static int ref_word(utf8proc_int32_t cp)
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

/* The reference tokens of s[0..len) joined by spaces, at most max. */
static const char *ref_tokens(const char *s, size_t len, size_t max)
{
	static buf_t out = BUF_INIT;
	buf_t f = BUF_INIT;
	size_t i = 0, start = 0, cps = 0, count = 0;
	int in = 0;

	buf_reset(&out);
	if (text_fold(&f, s, len) < 0) {
		err_clear();
		buf_free(&f);
		return "(failed)";
	}
	while (i <= f.len && (max == 0 || count < max)) {
		utf8proc_int32_t cp = -1;
		utf8proc_ssize_t n = 1;

		if (i < f.len) {
			n = utf8proc_iterate((const utf8proc_uint8_t *)f.ptr + i, (utf8proc_ssize_t)(f.len - i), &cp);
			if (n < 1) {
				n = 1;
				cp = -1;
			}
		}
		if (cp >= 0 && ref_word(cp)) {
			if (!in) {
				in = 1;
				start = i;
				cps = 0;
			}
			cps++;
		} else if (in) {
			in = 0;
			if (cps >= 2 && cps <= SEARCH_MAX_TOKEN) {
				if (out.len)
					buf_putc(&out, ' ');
				buf_put(&out, f.ptr + start, i - start);
				count++;
			}
		}
		i += (size_t)n;
	}
	buf_free(&f);
	return out.ptr;
}

/* 1 when search_tokens() gives the reference's tokens for s[0..len);
 * prints the first few differences. */
static int same_tokens(const char *s, size_t len, size_t max)
{
	static int shown;
	const char *want = ref_tokens(s, len, max), *got;

	buf_reset(&toks);
	got = search_tokens(s, len, max, collect, NULL) < 0 ? "(failed)" : toks.ptr;
	if (strcmp(got, want) == 0)
		return 1;
	if (shown++ < 5)
		fprintf(stderr, "tokens differ for \"%.*s\": got \"%s\", expected \"%s\"\n",
			(int)len, s, got, want);
	return 0;
}

static size_t put_cp(char *d, uint32_t cp)
{
	return (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)d);
}

/* xorshift: the same pseudo-random inputs on every run */
static uint32_t rnd_state = 2463534242u;

static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state % n;
}

/* Every code point up to U+2FFF alone, before a dropped mark, after a kept
 * one and between kept and dropped marks, in words; then random strings
 * of Vietnamese in NFC and NFD, marks in every order, other scripts and
 * bytes that are not UTF-8, with limits. */
static void test_tokens_reference(void)
{
	static const char *const pieces[] = {
		"a", "B", "z", "9", "07", " ", ",", "-", "<", "Đ", "đ", "ấ", "a\xCC\x82\xCC\x81",
		"\xCC\x83", "\xCC\xA3", "\xD2\x83", "\xD6\xB0", "\xE1\xBA\xA0", "\xE2\x80\x9C",
		"\xE2\x80\xA6", "ß", "İ", "ǅ", "\xC3", "\x80", "\xE1\xBA", "\xF0\x9F\x98\x80", "中",
		"\xE2\x84\xAB", "ﬁ", "\xCD\x85", "ΐ", "ϓ", "ᾅ", "Ǖ", "Ư", "ư\xCC\x80", "Ỹ", "ỹ",
		"\xC0\xAF", "\xED\xA0\x80", "\xEF\xBF\xBD", "Thủ", "tục", "HỘ", "TỊCH", "\t", "\n",
	};
	char s[64];
	size_t i, bad = 0, n;
	uint32_t cp;

	for (cp = 0; cp < 0x80; cp++) {
		s[0] = 'x';
		s[1] = (char)cp;
		s[2] = 'Y';
		bad += !same_tokens(s, 3, 0);
	}
	for (cp = 0x80; cp < 0x3000; cp++) {
		n = 0;
		s[n++] = 'x';
		n += put_cp(s + n, cp);
		s[n++] = 'y';
		bad += !same_tokens(s, n, 0);
		n = 0;
		s[n++] = 'x';
		n += put_cp(s + n, cp);
		n += put_cp(s + n, 0x301);
		s[n++] = 'y';
		bad += !same_tokens(s, n, 0);
		n = 0;
		s[n++] = 'x';
		n += put_cp(s + n, 0x5B0);
		n += put_cp(s + n, cp);
		n += put_cp(s + n, 0x323);
		s[n++] = 'y';
		bad += !same_tokens(s, n, 0);
		n = 0;
		s[n++] = 'x';
		n += put_cp(s + n, cp);
		n += put_cp(s + n, 0x5B0);
		n += put_cp(s + n, 0x301);
		n += put_cp(s + n, 0x483);
		bad += !same_tokens(s, n, 0);
	}
	CHECK(bad == 0);
	bad = 0;
	for (i = 0; i < 20000; i++) {
		char r[256];
		size_t len = 0, k, np = 1 + rnd(12);

		for (k = 0; k < np; k++) {
			const char *pc = pieces[rnd(sizeof pieces / sizeof *pieces)];
			memcpy(r + len, pc, strlen(pc));
			len += strlen(pc);
		}
		bad += !same_tokens(r, len, rnd(4));
	}
	CHECK(bad == 0);
}

static int stop_at_two(void *ud, const char *tok, size_t len)
{
	int *n = ud;

	(void)tok;
	(void)len;
	return ++*n == 2 ? -1 : 0;
}

/* The same table as tests/unit/test_text.c: the 12 base vowels with no
 * tone, huyền, sắc, hỏi, ngã, nặng, lower and upper case. */
static const char vowels_lower[] =
	"aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ";
static const char vowels_upper[] =
	"AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ";
static const char vowel_base[] = "aaaeeiooouuy";

/* Each vowel v of table, as the word "q" v "z" (NFC, then NFD), is one
 * token "q" base "z". */
static void check_vowels(const char *table)
{
	const char *p = table;
	int group = 0, total = 0;

	while (*p) {
		char word[16], expect[4];
		size_t n;
		utf8proc_uint8_t *nfd;

		if (*p == ' ') {
			group++;
			p++;
			continue;
		}
		n = (unsigned char)*p < 0x80 ? 1 : (unsigned char)*p < 0xE0 ? 2 : 3;
		word[0] = 'q';
		memcpy(word + 1, p, n);
		word[n + 1] = 'z';
		word[n + 2] = '\0';
		p += n;
		expect[0] = 'q';
		expect[1] = vowel_base[group];
		expect[2] = 'z';
		expect[3] = '\0';
		CHECK_STR(tokens(word), expect);
		nfd = utf8proc_NFD((const utf8proc_uint8_t *)word);
		CHECK(nfd != NULL);
		if (nfd) {
			CHECK_STR(tokens((const char *)nfd), expect);
			free(nfd);
		}
		total++;
	}
	CHECK(total == 72);
}

static void test_tokens(void)
{
	char big[64];
	int n = 0;

	CHECK_STR(tokens("Thủ tục Hộ tịch ĐẤT ĐAI"), "thu tuc ho tich dat dai");
	CHECK_STR(tokens("thu tuc ho tich"), "thu tuc ho tich");
	CHECK_STR(tokens("Cải cách hành chính"), "cai cach hanh chinh");
	CHECK_STR(tokens("Huyện Tuy Phước"), "huyen tuy phuoc");
	check_vowels(vowels_lower);
	check_vowels(vowels_upper);
	/* đ and Đ, NFC and a decomposed neighbour */
	CHECK_STR(tokens("đi Đi đĐ"), "di di dd");
	CHECK_STR(tokens("Đường đất"), "duong dat");
	CHECK_STR(tokens("D\xC6\xB0\xCC\x80ng"), "dung"); /* Dừng with U+0300 */
	/* one-letter words are skipped, punctuation splits */
	CHECK_STR(tokens("a b cd ở y"), "cd");
	CHECK_STR(tokens("Số 123/KH-UBND ngày 28/12/2021"), "so 123 kh ubnd ngay 28 12 2021");
	CHECK_STR(tokens("76,03/100 điểm"), "76 03 100 diem");
	CHECK_STR(tokens("“trích dẫn” – (ngoặc)…"), "trich dan ngoac");
	CHECK_STR(tokens(""), "");
	CHECK_STR(tokens("  ,.;  "), "");
	/* other scripts are words too, with their marks */
	CHECK_STR(tokens("中国 hà"), "中国 ha");
	CHECK_STR(tokens("Straße"), "straße");
	/* 40 code points is a token, 41 is not */
	memset(big, 'x', 40);
	big[40] = '\0';
	CHECK(strcmp(tokens(big), big) == 0);
	memset(big, 'x', 41);
	big[41] = '\0';
	CHECK_STR(tokens(big), "");
	/* and in bytes: 40 of 3 bytes is a token too (120 bytes) */
	{
		char cjk[4 * 41 + 8];
		size_t k;

		for (k = 0; k < 41; k++)
			memcpy(cjk + 3 * k, "\xE4\xB8\xAD", 3); /* 中 */
		cjk[3 * 41] = '\0';
		CHECK_STR(tokens(cjk), "");
		cjk[3 * 40] = '\0';
		CHECK(strcmp(tokens(cjk), cjk) == 0);
		CHECK(strcmp(tokens_max(cjk, 1), cjk) == 0);
		/* and of 4 bytes: 160 bytes, the longest token */
		for (k = 0; k < 41; k++)
			memcpy(cjk + 4 * k, "\xF0\xA0\x80\x80", 4); /* U+20000 */
		cjk[4 * 41] = '\0';
		CHECK_STR(tokens(cjk), "");
		cjk[4 * 40] = '\0';
		CHECK(strcmp(tokens(cjk), cjk) == 0);
	}
	/* at most max tokens */
	CHECK_STR(tokens_max("aa bb cc dd", 2), "aa bb");
	CHECK_STR(tokens_max("aa b cc", 2), "aa cc");
	/* the callback's failure stops the walk */
	CHECK(search_tokens("aa bb cc", 8, 0, stop_at_two, &n) == -1);
	CHECK(n == 2);
	err_clear();
}

static const char *key(const char *tok)
{
	static buf_t b = BUF_INIT;

	buf_reset(&b);
	return search_key(&b, tok, strlen(tok)) == 0 ? b.ptr : "(failed)";
}

static void test_key(void)
{
	CHECK_STR(key("tich"), "tich");
	CHECK_STR(key("2021"), "2021");
	CHECK_STR(key("中国"), "__");
	CHECK_STR(key("straße"), "stra_e");
}

static const char *html_text(const char *html, size_t max)
{
	static buf_t b = BUF_INIT;

	buf_reset(&b);
	return search_html_text(&b, html, strlen(html), max) == 0 ? b.ptr : "(failed)";
}

static void test_html_text(void)
{
	CHECK_STR(html_text("<p>Đất &amp; đai</p>", 1000), " Đất & đai ");
	CHECK_STR(html_text("a<br>b", 1000), "a b");
	CHECK_STR(html_text("x<svg viewBox=\"0 0 1 1\"><text>nhãn</text></svg>y", 1000), "x y");
	CHECK_STR(html_text("x<script>var a;</script>y<style>p{}</style>z", 1000), "x y z");
	CHECK_STR(html_text("x<!-- raw HTML omitted -->y", 1000), "x y");
	CHECK_STR(html_text("&#273;&#x110;&lt;&gt;&quot;&#39;", 1000), "đĐ<>\"'");
	CHECK_STR(html_text("&unknown; &#xZZ; &", 1000), "&unknown; &#xZZ; &");
	CHECK_STR(html_text("&#0;", 1000), "\xEF\xBF\xBD");
	/* cut at a character boundary */
	CHECK_STR(html_text("đất", 3), "đ");
	CHECK_STR(html_text("đất", 2), "đ");
	CHECK_STR(html_text("đất", 1), "");
	CHECK_STR(html_text("<p>ab</p>", 3), " ab");
	CHECK_STR(html_text("<unclosed", 100), " ");
}

/* The plain per-character reading search_html_text() must match. */
static int ref_starts(const char *s, size_t len, const char *w)
{
	size_t n = strlen(w), i;

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

static size_t ref_skip(const char *s, size_t len, size_t from, const char *end)
{
	size_t n = strlen(end), i;

	for (i = from; i + n <= len; i++)
		if (ref_starts(s + i, len - i, end))
			return i + n;
	return len;
}

static size_t ref_entity(const char *s, size_t len, uint32_t *cp)
{
	static const struct { const char *name; uint32_t cp; } named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
		{ "&apos;", '\'' }, { "&nbsp;", 0xA0 },
	};
	size_t i, k;
	uint32_t v = 0;
	int hex;

	for (k = 0; k < sizeof named / sizeof *named; k++)
		if (len >= strlen(named[k].name) && memcmp(s, named[k].name, strlen(named[k].name)) == 0) {
			*cp = named[k].cp;
			return strlen(named[k].name);
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

static void ref_html_text(buf_t *out, const char *html, size_t len, size_t max)
{
	size_t i = 0, start = out->len;

	while (i < len && out->len - start < max) {
		unsigned char c = (unsigned char)html[i];

		if (c == '<') {
			const char *r = html + i + 1;
			size_t rl = len - i - 1;

			if (ref_starts(r, rl, "!--"))
				i = ref_skip(html, len, i + 4, "-->");
			else if (ref_starts(r, rl, "script") || ref_starts(r, rl, "style") || ref_starts(r, rl, "svg")) {
				const char *name = ref_starts(r, rl, "script") ? "</script" :
					ref_starts(r, rl, "style") ? "</style" : "</svg";
				i = ref_skip(html, len, i + 1, name);
				i = ref_skip(html, len, i, ">");
			} else
				i = ref_skip(html, len, i + 1, ">");
			buf_putc(out, ' ');
		} else if (c == '&') {
			uint32_t cp;
			size_t n = ref_entity(html + i, len - i, &cp);
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
			size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

			if (n > len - i)
				n = len - i;
			if (out->len - start + n > max)
				break;
			buf_put(out, html + i, n);
			i += n;
		}
	}
	if (out->len - start > max)
		buf_truncate(out, start + max);
}

/* Random markup, entities, UTF-8 and stray bytes, cut at random limits:
 * the same text as the reference reading. */
static void test_html_text_reference(void)
{
	static const char *const pieces[] = {
		"<p>", "</p>", "<script>x<y</script>", "<SCRIPT a>", "</Script >", "<SVG>", "</svg>", "<style>",
		"</style>", "<!--", "-->", "&amp;", "&#273;", "&#x110;", "&", "&lt", "&#;", "&nbsp;", "<", ">",
		"ấ", "\xE1", "\xC3", "a", " ", "bc", "\xF0\x9F\x98\x80", "\xE1<", "\xC3&", "đất đai", "-",
	};
	buf_t a = BUF_INIT, b = BUF_INIT;
	size_t i, bad = 0;

	for (i = 0; i < 20000; i++) {
		char h[512];
		size_t len = 0, k, np = 1 + rnd(14), max = rnd(5) ? rnd(60) : 1000;

		for (k = 0; k < np; k++) {
			const char *pc = pieces[rnd(sizeof pieces / sizeof *pieces)];
			memcpy(h + len, pc, strlen(pc));
			len += strlen(pc);
		}
		buf_reset(&a);
		buf_reset(&b);
		buf_puts(&a, "kept");
		buf_puts(&b, "kept");
		ref_html_text(&a, h, len, max);
		if (search_html_text(&b, h, len, max) < 0 || a.len != b.len || memcmp(a.ptr, b.ptr, a.len) != 0) {
			if (bad++ < 5)
				fprintf(stderr, "html text differs for \"%.*s\" max %zu: got \"%s\", expected \"%s\"\n",
					(int)len, h, max, b.ptr, a.ptr);
		}
	}
	CHECK(bad == 0);
	buf_free(&a);
	buf_free(&b);
}

/* The tokens of HTML read in place (search_html_tokens()) against the
 * tokens of its text (search_html_text(), then search_tokens()) and
 * against the references of both: random markup, entities of ASCII and
 * other characters next to text of all kinds, bytes that are not UTF-8
 * (which make search_html_text() read a '<' or '&' as part of a
 * character), with limits of bytes (below the HTML's length: the text is
 * made first) and of tokens. */
static void test_html_tokens_reference(void)
{
	static const char *const pieces[] = {
		"<p>", "</p>", "<b>", "<script>x<y</script>", "<SVG>ab</svg>", "<!--c-->", "&amp;", "&#273;",
		"&#x110;", "&#7845;", "&#x1EA5;", "&#65;", "&#x3C;", "&#0;", "&#x300;", "&nbsp;", "&", "&lt",
		"&#;", "<", ">", "ấ", "a\xCC\x82\xCC\x81", "\xCC\x81", "Đ", "đ", "ư", "Thủ", "tục", "HỘ",
		"中", "…", "“", "ß", "\xE1", "\xC3", "\xF0", "\xE1\xBA", "\xED\xA0\x80", "\xE1<", "\xC3&",
		"\xF0" "a<", "\x80", "a", "bc", "9", " ", "-", "đất đai", "\xD6\xB0", "\xE2\x80\x9C",
	};
	buf_t text = BUF_INIT, want = BUF_INIT;
	size_t i, bad = 0;

	for (i = 0; i < 30000; i++) {
		char h[512];
		size_t len = 0, k, np = 1 + rnd(16), max, mt = rnd(3) ? 0 : rnd(4);
		const char *ref, *got;

		for (k = 0; k < np; k++) {
			const char *pc = pieces[rnd(sizeof pieces / sizeof *pieces)];
			memcpy(h + len, pc, strlen(pc));
			len += strlen(pc);
		}
		max = rnd(4) ? 1000 : rnd((unsigned)len + 1);
		/* the text, then its tokens */
		buf_reset(&text);
		buf_reset(&want);
		buf_reset(&toks);
		if (search_html_text(&text, h, len, max) < 0 || search_tokens(text.ptr, text.len, mt, collect, NULL) < 0) {
			bad++;
			continue;
		}
		buf_put(&want, toks.ptr, toks.len);
		/* the references of both */
		buf_reset(&text);
		ref_html_text(&text, h, len, max);
		ref = ref_tokens(text.ptr, text.len, mt);
		/* in place */
		buf_reset(&toks);
		got = search_html_tokens(h, len, max, mt, collect, NULL) < 0 ? "(failed)" : toks.ptr;
		if (strcmp(got, want.ptr) != 0 || strcmp(ref, want.ptr) != 0) {
			if (bad++ < 5)
				fprintf(stderr, "html tokens differ for \"%.*s\" max %zu: got \"%s\", text's \"%s\", "
					"reference \"%s\"\n", (int)len, h, max, got, want.ptr, ref);
		}
	}
	CHECK(bad == 0);
	/* a byte that is not UTF-8 takes the '<' after it as its own: no tag */
	buf_reset(&toks);
	CHECK(search_html_tokens("\xE1<bc>de", 7, 1000, 0, collect, NULL) == 2);
	CHECK_STR(toks.ptr, "bc de");
	/* a word goes on through entities */
	buf_reset(&toks);
	{
		const char *h = "<p>Đ&#7845;t đ&#x1EA1;i &#65;B</p>";
		CHECK(search_html_tokens(h, strlen(h), 1000, 0, collect, NULL) == 3);
	}
	CHECK_STR(toks.ptr, "dat dai ab");
	buf_free(&text);
	buf_free(&want);
}

/* ---- the index ---- */

typedef struct {
	value *files; /* rel -> content */
} files;

static int put_file(void *ud, const char *rel, const void *data, size_t len)
{
	files *f = ud;

	return value_table_setc(f->files, rel, value_new_string(data, len));
}

static value *parse(const files *f, const char *rel)
{
	const value *v = value_table_get(f->files, rel);

	if (!v || v->kind != V_STRING)
		return NULL;
	return json_parse(v->u.s.ptr, v->u.s.len, rel);
}

/* The shard key for tok by the rule search.js follows: the longest key of
 * the manifest that is a prefix of the token's key form. */
static const char *shard_of(const value *manifest, const char *tok)
{
	const value *shards = value_table_get(manifest, "shards");
	const char *k = key(tok), *best = NULL;
	size_t i;

	for (i = 0; i < value_len(shards); i++) {
		const char *s = value_str(value_at(shards, i), "");
		if (strncmp(k, s, strlen(s)) == 0 && (!best || strlen(s) > strlen(best)))
			best = s;
	}
	return best;
}

/* The postings of tok as "id:weight[t] id:weight ..." (t: in the title),
 * "" when the token is in no shard, "(none)" when its shard lacks it. */
static const char *postings(const files *f, const char *tok)
{
	static buf_t out = BUF_INIT;
	value *manifest = parse(f, "index.json"), *sh = NULL;
	const char *k;
	buf_t rel = BUF_INIT;
	const value *p;
	int64_t id = 0;
	size_t i;

	buf_reset(&out);
	k = manifest ? shard_of(manifest, tok) : NULL;
	if (!k)
		goto done;
	buf_printf(&rel, "idx/%s.json", k);
	sh = parse(f, rel.ptr);
	p = sh ? value_table_get(sh, tok) : NULL;
	if (!p) {
		buf_puts(&out, "(none)");
		goto done;
	}
	for (i = 0; i + 1 < value_len(p); i += 2) {
		int64_t x = value_at(p, i + 1)->u.i;
		id += value_at(p, i)->u.i;
		buf_printf(&out, "%s%lld:%lld%s", i ? " " : "", (long long)id, (long long)(x >> 1),
			   x & 1 ? "t" : "");
	}
done:
	buf_free(&rel);
	value_free(manifest);
	value_free(sh);
	return out.ptr;
}

static void add_doc(search_index *ix, const char *title, const char *kind, const char *body)
{
	CHECK(search_doc_begin(ix, title, "/x/", kind, "snippet", "") >= 0);
	CHECK(search_doc_text(ix, title, strlen(title), 1, 0) == 0);
	CHECK(search_doc_text(ix, body, strlen(body), 0, 0) == 0);
	CHECK(search_doc_end(ix) == 0);
}

/* The expected postings: printf-like, weights from search_weight(). */
static const char *expect(const char *fmt, ...)
{
	static buf_t b = BUF_INIT;
	va_list ap;

	buf_reset(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return b.ptr;
}

/* In test_index: documents of 12, 14 and 7 tokens, 11 on average. */
#define W(tf, len) search_weight(tf, len, 11.0)

static void test_weight(void)
{
	CHECK(search_weight(2, 10, 10) > search_weight(1, 10, 10));
	CHECK(search_weight(1, 20, 10) < search_weight(1, 5, 10));
	CHECK(search_weight(1, 10, 10) == 100);     /* an average document */
	CHECK(search_weight(1000000, 10, 10) <= 220); /* saturates */
	CHECK(search_weight(1, 100000, 1) == 1);    /* never 0 */
	CHECK(search_weight(3, 0, 0) > 0);
}

static void test_index(void)
{
	search_index *ix = search_index_new();
	files f;
	value *m, *d;

	f.files = value_new_table();
	CHECK(ix && f.files);
	if (!ix || !f.files)
		return;
	add_doc(ix, "Thủ tục hộ tịch", "Thủ tục", "Đăng ký khai sinh, đăng ký kết hôn.");
	add_doc(ix, "Kế hoạch cải cách hành chính", "Kế hoạch", "Giao đất, thu hồi đất đai; đất đai.");
	add_doc(ix, "Quản lý đất đai", "Công văn", "Huyện Tuy Phước.");
	CHECK(search_index_docs(ix) == 3);
	CHECK(search_index_write(ix, 0, put_file, &f) == 0);
	m = parse(&f, "index.json");
	CHECK(m != NULL);
	CHECK(value_get_int(m, "docs", -1) == 3);
	CHECK(value_get_int(m, "block", -1) == SEARCH_BLOCK);
	CHECK(value_get_int(m, "version", -1) == 1);
	/* a term finds the right documents, with tf and the title flag */
	CHECK_STR(postings(&f, "dat"), expect("1:%u 2:%ut", W(3, 14), W(1, 7)));
	CHECK_STR(postings(&f, "dai"), expect("1:%u 2:%ut", W(2, 14), W(1, 7)));
	CHECK_STR(postings(&f, "tich"), expect("0:%ut", W(1, 12)));
	CHECK_STR(postings(&f, "ho"), expect("0:%ut", W(1, 12)));
	CHECK_STR(postings(&f, "hoi"), expect("1:%u", W(1, 14)));
	CHECK_STR(postings(&f, "phuoc"), expect("2:%u", W(1, 7)));
	CHECK_STR(postings(&f, "cai"), expect("1:%ut", W(1, 14)));
	CHECK_STR(postings(&f, "dang"), expect("0:%u", W(2, 12)));
	CHECK_STR(postings(&f, "thu"), expect("0:%ut 1:%u", W(1, 12), W(1, 14)));
	CHECK_STR(postings(&f, "xyz"), "");        /* no shard "xy" */
	CHECK_STR(postings(&f, "khac"), "(none)"); /* shard "kh" (khai) lacks it */
	/* the documents block */
	d = parse(&f, "docs/0.json");
	CHECK(d && value_len(d) == 3);
	if (d && value_len(d) == 3) {
		CHECK_STR(value_str(value_at(value_at(d, 2), 0), ""), "Quản lý đất đai");
		CHECK_STR(value_str(value_at(value_at(d, 2), 1), ""), "/x/");
		CHECK_STR(value_str(value_at(value_at(d, 2), 2), ""), "Công văn");
		CHECK_STR(value_str(value_at(value_at(d, 2), 3), ""), "snippet");
	}
	CHECK(value_table_get(f.files, "docs/1.json") == NULL);
	value_free(m);
	value_free(d);
	value_free(f.files);
	search_index_free(ix);
}

/* The documents' fields are written as json_put_string() writes them,
 * those with characters to escape and those without. */
static void test_fields_json(void)
{
	static const char *const fields[][5] = {
		{ "Thủ tục \"hộ tịch\"", "/a/?x=1&y=<2>", "k\\d", "dòng\nhai\ttab\x01\x7F", "2024" },
		{ "Quyết định số 12/QĐ-UBND", "/b/", "Văn bản", "", "" },
		{ "", "", "", "<script>", "\xE1\xBA" },
	};
	search_index *ix = search_index_new();
	files f;
	buf_t want = BUF_INIT;
	size_t i, k;

	f.files = value_new_table();
	CHECK(ix && f.files);
	if (!ix || !f.files)
		return;
	buf_putc(&want, '[');
	for (i = 0; i < sizeof fields / sizeof *fields; i++) {
		CHECK(search_doc_begin(ix, fields[i][0], fields[i][1], fields[i][2], fields[i][3], fields[i][4]) >= 0);
		buf_puts(&want, i ? ",\n[" : "[");
		for (k = 0; k < 5; k++) {
			if (k)
				buf_putc(&want, ',');
			json_put_string(&want, fields[i][k], strlen(fields[i][k]));
		}
		buf_putc(&want, ']');
	}
	buf_puts(&want, "]\n");
	CHECK(search_index_write(ix, 0, put_file, &f) == 0);
	CHECK_STR(value_get_str(f.files, "docs/0.json", ""), want.ptr);
	buf_free(&want);
	value_free(f.files);
	search_index_free(ix);
}

/* Each shard's bytes are {"token":[d,x,...],...} and a newline, with the
 * numbers as parsed back. */
static int shard_bytes_ok(const files *f, const char *rel)
{
	value *sh = parse(f, rel);
	buf_t b = BUF_INIT;
	size_t i, k;
	int ok;

	buf_putc(&b, '{');
	for (i = 0; i < value_len(sh); i++) {
		const value *p = sh->u.t.vals[i];

		buf_printf(&b, "%s\"%s\":[", i ? "," : "", sh->u.t.keys[i]);
		for (k = 0; k < value_len(p); k++)
			buf_printf(&b, "%s%lld", k ? "," : "", (long long)value_at(p, k)->u.i);
		buf_putc(&b, ']');
	}
	buf_puts(&b, "}\n");
	ok = sh && strcmp(value_get_str(f->files, rel, ""), b.ptr) == 0;
	if (!ok)
		fprintf(stderr, "shard %s: \"%s\", expected \"%s\"\n", rel, value_get_str(f->files, rel, ""), b.ptr);
	buf_free(&b);
	value_free(sh);
	return ok;
}

/* Many documents and a small split limit: shards split by the next
 * character; every token is in the shard the lookup rule picks, and only
 * there; a shard over the limit holds one token or only tokens as long as
 * its key. */
static void test_shards(void)
{
	search_index *ix = search_index_new();
	files f;
	value *m;
	const value *shards;
	buf_t body = BUF_INIT, rel = BUF_INIT;
	size_t i, j, total = 0, longkeys = 0;
	static const char *const words[] = {
		"th", "thu", "thuc", "thuong", "thanh", "thi", "the", "theo", "tho", "thoi",
		"tha", "than", "thay", "tr", "trong", "tren", "truong", "ba", "中国", "日本",
	};
	const size_t nwords = sizeof words / sizeof *words;

	f.files = value_new_table();
	CHECK(ix && f.files);
	if (!ix || !f.files)
		return;
	for (i = 0; i < 200; i++) {
		char t[32];
		buf_reset(&body);
		for (j = 0; j < nwords; j++)
			if ((i + j) % 3 != 0)
				buf_printf(&body, "%s ", words[j]);
		snprintf(t, sizeof t, "doc %zu", i);
		add_doc(ix, t, "k", body.ptr);
	}
	CHECK(search_index_write(ix, 256, put_file, &f) == 0);
	m = parse(&f, "index.json");
	shards = m ? value_table_get(m, "shards") : NULL;
	CHECK(value_len(shards) > 4);
	for (i = 0; i < value_len(shards); i++) {
		const char *k = value_str(value_at(shards, i), "");
		value *sh;
		const value *e;
		buf_reset(&rel);
		buf_printf(&rel, "idx/%s.json", k);
		sh = parse(&f, rel.ptr);
		CHECK(sh && value_len(sh) > 0);
		if (!sh)
			continue;
		if (strlen(k) > 2)
			longkeys++;
		for (j = 0; j < value_len(sh); j++) {
			const char *tok = sh->u.t.keys[j];
			CHECK_STR(shard_of(m, tok), k);
			total++;
		}
		CHECK(shard_bytes_ok(&f, rel.ptr));
		e = value_table_get(f.files, rel.ptr);
		if (e->u.s.len > 256 && value_len(sh) > 1)
			for (j = 0; j < value_len(sh); j++)
				CHECK(strlen(key(sh->u.t.keys[j])) == strlen(k));
		value_free(sh);
	}
	CHECK(longkeys > 0);
	/* every distinct token once: the words, "doc" and the 200 numbers
	 * (0..9 are one letter: skipped) */
	CHECK(total == nwords + 1 + 190);
	/* "th" and "tr" are tokens of their own and keys of split shards */
	CHECK_STR(shard_of(m, "th"), "th");
	CHECK(strlen(shard_of(m, "thuong")) > 2);
	CHECK(strncmp(shard_of(m, "thuong"), "thu", 3) == 0);
	CHECK_STR(shard_of(m, "中国"), "__");
	/* postings survive the split: "thuong" is in the docs where (i+3)%3 != 0 */
	{
		const char *p = postings(&f, "thuong");
		CHECK(strncmp(p, "1:", 2) == 0 && strstr(p, " 2:") && strstr(p, " 4:") && strstr(p, " 5:") &&
		      !strstr(p, " 3:") && !strstr(p, " 6:"));
	}
	/* blocks of SEARCH_BLOCK documents */
	{
		size_t last = 199 / SEARCH_BLOCK;
		char name[32];
		value *d;

		snprintf(name, sizeof name, "docs/%zu.json", last + 1);
		CHECK(value_table_get(f.files, name) == NULL);
		snprintf(name, sizeof name, "docs/%zu.json", last);
		d = parse(&f, name);
		CHECK(value_len(d) == 200 - last * SEARCH_BLOCK);
		snprintf(name, sizeof name, "doc %zu", last * SEARCH_BLOCK);
		CHECK_STR(value_str(value_at(value_at(d, 0), 0), ""), name);
		value_free(d);
		d = parse(&f, "docs/0.json");
		CHECK(value_len(d) == SEARCH_BLOCK);
		value_free(d);
	}
	value_free(m);
	value_free(f.files);
	buf_free(&body);
	buf_free(&rel);
	search_index_free(ix);
}

static void test_empty(void)
{
	search_index *ix = search_index_new();
	files f;
	value *m;

	f.files = value_new_table();
	CHECK(search_index_write(ix, 0, put_file, &f) == 0);
	m = parse(&f, "index.json");
	CHECK(m && value_get_int(m, "docs", -1) == 0);
	CHECK(value_len(value_table_get(m, "shards")) == 0);
	CHECK(value_len(f.files) == 1);
	/* text outside a document is refused */
	CHECK(search_doc_text(ix, "ab", 2, 0, 0) == -1);
	err_clear();
	value_free(m);
	value_free(f.files);
	search_index_free(ix);
}

/* Each token of a record counts as often as the reference finds it, and
 * the document's length is the reference's number of tokens: text (long
 * tokens, the same word in other cases and forms, limits) and HTML (read
 * in place, or made text first when longer than the limit). */
static void test_rec_counts(void)
{
	static const char *const words[] = {
		"thủ", "THỦ", "thu\xCC\x89", "tục", "ab", "ab", "nghiêngnghiêng", "NGHIÊNGNGHIÊNG", "abcdefgh",
		"abcdefg", "abcdefghijklmnop", "中国", "x", "12", "2021", "đất", "Đất", "“", "…", ",", " ", " ",
		"<p>", "</p>", "&amp;", "&#273;&#7845;t", "\xE1", "&nbsp;", "ß", "İ",
		/* 40 code points (120 bytes, 80 bytes folded), and 41 */
		"中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国",
		"中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中国中",
		"ÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤÂẤ", "жжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжж",
		/* 40 of U+20000: 160 bytes */
		"\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80"
		"\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80\xF0\xA0\x80\x80",
	};
	size_t i, bad = 0;

	for (i = 0; i < 400; i++) {
		char t[8192];
		size_t len = 0, k, np = 1 + rnd(40), mt = rnd(4) ? 0 : 1 + rnd(20), ntok, max = 1000;
		int html = (int)rnd(2);
		search_index *ix = search_index_new();
		search_rec *r = search_rec_new("t", "/x/", "k", "", NULL), *q = search_rec_new("q", "/q/", "k", "", NULL);
		buf_t text = BUF_INIT;
		value *counts = value_new_table();
		files f;
		const char *rt, *p;

		for (k = 0; k < np; k++) {
			const char *w = words[rnd(sizeof words / sizeof *words)];
			memcpy(t + len, w, strlen(w));
			len += strlen(w);
			t[len++] = ' ';
		}
		if (html && rnd(3) == 0)
			max = rnd((unsigned)len);
		f.files = value_new_table();
		if (!ix || !r || !q || !counts || !f.files) {
			bad++;
			goto next;
		}
		/* the reference: the tokens of the text, counted */
		if (html)
			ref_html_text(&text, t, len, max);
		else
			buf_put(&text, t, len);
		rt = ref_tokens(text.ptr, text.len, mt);
		for (p = rt, ntok = 0; *p; ntok++) {
			size_t n = strcspn(p, " ");
			char tok[256];

			snprintf(tok, sizeof tok, "%.*s", (int)n, p);
			value_table_set_int(counts, tok, value_get_int(counts, tok, 0) + 1);
			p += n + (p[n] == ' ');
		}
		if ((html ? search_rec_html(r, t, len, max, mt) : search_rec_text(r, t, len, 0, mt)) < 0 ||
		    search_rec_text(q, "qqzz", 4, 0, 0) < 0 || search_index_add(ix, r) < 0 || search_index_add(ix, q) < 0 ||
		    search_index_write(ix, 0, put_file, &f) < 0) {
			r = q = NULL;
			bad++;
			goto next;
		}
		r = q = NULL;
		for (k = 0; k < value_len(counts); k++) {
			const char *tok = counts->u.t.keys[k];
			unsigned tf = (unsigned)counts->u.t.vals[k]->u.i;
			const char *want = expect("0:%u", search_weight(tf, (double)ntok, (ntok + 1) / 2.0));

			if (strcmp(postings(&f, tok), want) != 0 && bad++ < 5)
				fprintf(stderr, "record of \"%.*s\" (%s): %s is %s, expected %s\n", (int)len, t,
					html ? "html" : "text", tok, postings(&f, tok), want);
		}
		/* nothing else: the distinct tokens and "qqzz" */
		{
			value *m = parse(&f, "index.json");
			const value *shards = m ? value_table_get(m, "shards") : NULL;
			size_t total = 0;

			for (k = 0; k < value_len(shards); k++) {
				char rel[64];
				value *sh;

				snprintf(rel, sizeof rel, "idx/%s.json", value_str(value_at(shards, k), ""));
				sh = parse(&f, rel);
				total += value_len(sh);
				value_free(sh);
			}
			if (total != value_len(counts) + 1 && bad++ < 5)
				fprintf(stderr, "record of \"%.*s\": %zu tokens, expected %zu\n", (int)len, t, total,
					value_len(counts) + 1);
			value_free(m);
		}
	next:
		search_rec_free(r);
		search_rec_free(q);
		search_index_free(ix);
		value_free(counts);
		value_free(f.files);
		buf_free(&text);
	}
	CHECK(bad == 0);
}

/* Many tokens alike (676 of 6 bytes that share their first 4, some twice,
 * and their 14-byte doubles): each counted apart. */
static void test_rec_alike(void)
{
	search_index *ix = search_index_new();
	search_rec *r = search_rec_new("t", "/x/", "k", "", NULL);
	buf_t text = BUF_INIT;
	files f;
	int x, y;
	size_t bad = 0, n = 0;

	f.files = value_new_table();
	CHECK(ix && r && f.files);
	if (!ix || !r || !f.files)
		return;
	for (x = 0; x < 26; x++)
		for (y = 0; y < 26; y++) {
			int k, times = (x + y) % 3 == 0 ? 2 : 1;

			for (k = 0; k < times; k++, n += 2)
				buf_printf(&text, "than%c%c thanthan%c%c%c%c ", 'a' + x, 'a' + y, 'a' + x, 'a' + y, 'a' + y, 'a' + x);
		}
	CHECK(search_rec_text(r, text.ptr, text.len, 0, 0) == 0);
	CHECK(search_index_add(ix, r) == 0);
	CHECK(search_index_write(ix, 0, put_file, &f) == 0);
	for (x = 0; x < 26; x++)
		for (y = 0; y < 26; y++) {
			unsigned tf = (x + y) % 3 == 0 ? 2 : 1;
			char a[16], b[16];
			const char *want = expect("0:%u", search_weight(tf, (double)n, (double)n));

			snprintf(a, sizeof a, "than%c%c", 'a' + x, 'a' + y);
			snprintf(b, sizeof b, "thanthan%c%c%c%c", 'a' + x, 'a' + y, 'a' + y, 'a' + x);
			bad += strcmp(postings(&f, a), want) != 0;
			bad += strcmp(postings(&f, b), want) != 0;
		}
	CHECK(bad == 0);
	buf_free(&text);
	value_free(f.files);
	search_index_free(ix);
}

/* ---- records, replacing documents, writing what changed ---- */

/* Writes into a files table and counts the files. */
typedef struct {
	files f;
	size_t n;
} counted;

static int put_counted(void *ud, const char *rel, const void *data, size_t len)
{
	counted *c = ud;

	c->n++;
	return put_file(&c->f, rel, data, len);
}

/* 1 when live (written, then updated) holds fresh's files, the same bytes,
 * and besides them only shards its manifest no longer lists. */
static int same_files(const files *live, const files *fresh)
{
	value *m = parse(live, "index.json");
	const value *shards = m ? value_table_get(m, "shards") : NULL;
	size_t i, k;
	int ok = m != NULL;

	for (i = 0; ok && i < value_len(fresh->files); i++) {
		const value *a = fresh->files->u.t.vals[i];
		const value *b = value_table_get(live->files, fresh->files->u.t.keys[i]);
		if (!b || a->u.s.len != b->u.s.len || memcmp(a->u.s.ptr, b->u.s.ptr, a->u.s.len) != 0) {
			fprintf(stderr, "differs: %s\n", fresh->files->u.t.keys[i]);
			ok = 0;
		}
	}
	for (i = 0; ok && i < value_len(live->files); i++) {
		const char *rel = live->files->u.t.keys[i];
		if (value_table_get(fresh->files, rel))
			continue;
		for (k = 0; k < value_len(shards); k++) {
			char name[64];
			snprintf(name, sizeof name, "idx/%s.json", value_str(value_at(shards, k), ""));
			if (strcmp(name, rel) == 0) {
				fprintf(stderr, "listed but not written: %s\n", rel);
				ok = 0;
			}
		}
		if (strncmp(rel, "idx/", 4) != 0)
			ok = 0;
	}
	value_free(m);
	return ok;
}

static const char *const vocab[] = {
	"thu", "tuc", "ho", "tich", "dat", "dai", "xay", "dung", "quy", "hoach", "ke", "ban",
	"thuong", "truong", "thanh", "thi", "xa", "phuong", "huyen", "tinh", "2021", "2024",
	"cong", "van", "quyet", "dinh", "ubnd", "nghi", "xyzzy", "quaquaqua", "trongtrong",
	"thuongthuong", "ba", "bo", "be", "bi", "中国",
};

/* A document's text: title words, body words, fields. */
typedef struct {
	char title[64];
	char body[512];
	char snippet[16];
} tdoc;

static void random_doc(tdoc *d)
{
	size_t k, n = 1 + rnd(3), len = 0;

	d->title[0] = '\0';
	for (k = 0; k < n; k++)
		len += (size_t)snprintf(d->title + len, sizeof d->title - len, "%s ",
					vocab[rnd(sizeof vocab / sizeof *vocab)]);
	n = rnd(40);
	len = 0;
	d->body[0] = '\0';
	for (k = 0; k < n; k++)
		if (rnd(8))
			len += (size_t)snprintf(d->body + len, sizeof d->body - len, "%s ",
						vocab[rnd(sizeof vocab / sizeof *vocab)]);
		else /* rare words: tokens and shards come and go */
			len += (size_t)snprintf(d->body + len, sizeof d->body - len, "%c%u ",
						"qwz"[rnd(3)], (unsigned)rnd(400));
	snprintf(d->snippet, sizeof d->snippet, "s%u", (unsigned)rnd(3));
}

static search_rec *doc_rec(const tdoc *d)
{
	search_rec *r = search_rec_new(d->title, "/x/", "k", d->snippet, NULL);

	CHECK(r != NULL);
	if (r && (search_rec_text(r, d->title, strlen(d->title), 1, 0) < 0 ||
		  search_rec_text(r, d->body, strlen(d->body), 0, 0) < 0)) {
		CHECK(0);
		search_rec_free(r);
		r = NULL;
	}
	return r;
}

/* The index of docs[0..n) made the old way (begin, text, end), written. */
static int fresh_files(const tdoc *docs, size_t n, size_t limit, files *out)
{
	search_index *ix = search_index_new();
	size_t i;
	int r = -1;

	out->files = value_new_table();
	if (!ix || !out->files)
		goto done;
	for (i = 0; i < n; i++)
		if (search_doc_begin(ix, docs[i].title, "/x/", "k", docs[i].snippet, NULL) < 0 ||
		    search_doc_text(ix, docs[i].title, strlen(docs[i].title), 1, 0) < 0 ||
		    search_doc_text(ix, docs[i].body, strlen(docs[i].body), 0, 0) < 0)
			goto done;
	r = search_index_write(ix, limit, put_file, out);
done:
	search_index_free(ix);
	return r;
}

/* Records added give the files of the same documents begun and ended; a
 * document replaced, again and again, gives the files of a fresh index
 * of the new texts; an update writes the changed files only. */
static void test_replace(void)
{
	enum { N = 60, LIMIT = 300 };
	static tdoc docs[N];
	search_index *ix = search_index_new();
	counted live;
	files fresh;
	size_t i, step, bad = 0, fewer = 0;

	live.f.files = value_new_table();
	live.n = 0;
	CHECK(ix && live.f.files);
	if (!ix || !live.f.files)
		return;
	for (i = 0; i < N; i++) {
		random_doc(&docs[i]);
		CHECK(search_index_add(ix, doc_rec(&docs[i])) == (long)i);
	}
	CHECK(search_index_write(ix, LIMIT, put_counted, &live) == 0);
	CHECK(fresh_files(docs, N, LIMIT, &fresh) == 0);
	CHECK(same_files(&live.f, &fresh));
	CHECK(value_len(live.f.files) == value_len(fresh.files));
	value_free(fresh.files);
	/* the same record again: the manifest only */
	live.n = 0;
	CHECK(search_index_replace(ix, 7, doc_rec(&docs[7])) == 0);
	CHECK(search_index_update(ix, LIMIT, put_counted, &live) == 0);
	CHECK(live.n == 1);
	/* another snippet only: the manifest and the document's block */
	live.n = 0;
	snprintf(docs[7].snippet, sizeof docs[7].snippet, "new");
	CHECK(search_index_replace(ix, 7, doc_rec(&docs[7])) == 0);
	CHECK(search_index_update(ix, LIMIT, put_counted, &live) == 0);
	CHECK(live.n == 2);
	CHECK(strstr(value_get_str(live.f.files, "docs/0.json", ""), "\"new\"") != NULL);
	/* random changes, one or a few documents at a time */
	for (step = 0; step < 150; step++) {
		size_t k, nchange = 1 + rnd(3), all;

		for (k = 0; k < nchange; k++) {
			i = rnd(N);
			random_doc(&docs[i]);
			if (search_index_replace(ix, i, doc_rec(&docs[i])) < 0)
				bad++;
		}
		live.n = 0;
		if (search_index_update(ix, LIMIT, put_counted, &live) < 0 ||
		    fresh_files(docs, N, LIMIT, &fresh) < 0) {
			bad++;
			value_free(fresh.files);
			continue;
		}
		all = value_len(fresh.files);
		if (!same_files(&live.f, &fresh))
			bad++;
		fewer += live.n < all;
		value_free(fresh.files);
	}
	CHECK(bad == 0);
	CHECK(fewer > 0); /* some updates wrote less than everything */
	/* two documents change length and the total stays: the average is
	 * the same, but the weights of each one's other words change */
	for (i = 0; i < N; i++) {
		snprintf(docs[i].title, sizeof docs[i].title, "t%zu", i + 10);
		snprintf(docs[i].body, sizeof docs[i].body, "aa bb cc dd ee ff gg hh");
		CHECK(search_index_replace(ix, i, doc_rec(&docs[i])) == 0);
	}
	CHECK(search_index_update(ix, LIMIT, put_counted, &live) == 0);
	snprintf(docs[3].body, sizeof docs[3].body, "aa bb cc dd ee ff gg hh ii jj kk ll");
	snprintf(docs[4].body, sizeof docs[4].body, "aa bb cc dd");
	CHECK(search_index_replace(ix, 3, doc_rec(&docs[3])) == 0);
	CHECK(search_index_replace(ix, 4, doc_rec(&docs[4])) == 0);
	CHECK(search_index_update(ix, LIMIT, put_counted, &live) == 0);
	CHECK(fresh_files(docs, N, LIMIT, &fresh) == 0);
	CHECK(same_files(&live.f, &fresh));
	value_free(fresh.files);
	/* out of range, and the record freed */
	CHECK(search_index_replace(ix, N, doc_rec(&docs[0])) == -1);
	err_clear();
	value_free(live.f.files);
	search_index_free(ix);
}

int main(void)
{
	test_tokens();
	test_tokens_reference();
	test_key();
	test_html_text();
	test_html_text_reference();
	test_html_tokens_reference();
	test_weight();
	test_index();
	test_shards();
	test_fields_json();
	test_empty();
	test_rec_counts();
	test_rec_alike();
	test_replace();
	buf_free(&toks);
	return test_done("search");
}
