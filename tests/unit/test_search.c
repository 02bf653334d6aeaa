/* Unit tests for search.c: tokens (folding included), plain text of HTML,
 * the index (a term finds the right documents), shard assignment. */
#include "test.h"
#include "buf.h"
#include "err.h"
#include "search.h"
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

int main(void)
{
	test_tokens();
	test_key();
	test_html_text();
	test_weight();
	test_index();
	test_shards();
	test_empty();
	buf_free(&toks);
	return test_done("search");
}
