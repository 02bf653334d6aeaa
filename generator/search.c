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

/* ---- Tokens ---- */

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

long search_tokens(const char *s, size_t len, size_t max, search_token_fn fn, void *ud)
{
	buf_t f = BUF_INIT;
	const utf8proc_uint8_t *u;
	size_t i = 0, start = 0, cps = 0;
	long count = 0;
	int in = 0;

	if (text_fold(&f, s, len) < 0) {
		buf_free(&f);
		return -1;
	}
	u = (const utf8proc_uint8_t *)f.ptr;
	/* one step past the end closes the last token */
	while (i <= f.len && (max == 0 || (size_t)count < max)) {
		utf8proc_int32_t cp = -1;
		utf8proc_ssize_t n = 1;

		if (i < f.len) {
			n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(f.len - i), &cp);
			if (n < 1) { /* cannot happen: text_fold gives valid UTF-8 */
				n = 1;
				cp = -1;
			}
		}
		if (cp >= 0 && is_word_cp(cp)) {
			if (!in) {
				in = 1;
				start = i;
				cps = 0;
			}
			cps++;
		} else if (in) {
			in = 0;
			if (cps >= 2 && cps <= SEARCH_MAX_TOKEN) {
				char save = f.ptr[i];
				int r;

				f.ptr[i] = '\0';
				r = fn(ud, f.ptr + start, i - start);
				f.ptr[i] = save;
				if (r < 0) {
					buf_free(&f);
					return -1;
				}
				count++;
			}
		}
		i += (size_t)n;
	}
	buf_free(&f);
	return count;
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

/* ---- Plain text of HTML ---- */

/* Case-insensitive: does s[0..len) start with the ASCII word w? */
static int starts_word(const char *s, size_t len, const char *w)
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

/* Offset just past the first occurrence of end in s[from..len) (case-
 * insensitive for letters), or len. */
static size_t skip_past(const char *s, size_t len, size_t from, const char *end)
{
	size_t n = strlen(end), i;

	for (i = from; i + n <= len; i++)
		if (starts_word(s + i, len - i, end))
			return i + n;
	return len;
}

/* Decodes the entity at s[0..len) (s[0] == '&'): the code point in *cp and
 * the bytes it takes, or 0 when it is not one we know. */
static size_t entity(const char *s, size_t len, uint32_t *cp)
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

int search_html_text(buf_t *out, const char *html, size_t len, size_t max)
{
	size_t i = 0, start = out->len;

	while (i < len && out->len - start < max) {
		unsigned char c = (unsigned char)html[i];

		if (c == '<') {
			const char *r = html + i + 1;
			size_t rl = len - i - 1;

			if (starts_word(r, rl, "!--"))
				i = skip_past(html, len, i + 4, "-->");
			else if (starts_word(r, rl, "script") || starts_word(r, rl, "style") ||
				 starts_word(r, rl, "svg")) {
				const char *name = starts_word(r, rl, "script") ? "</script" :
					starts_word(r, rl, "style") ? "</style" : "</svg";
				i = skip_past(html, len, i + 1, name);
				i = skip_past(html, len, i, ">");
			} else
				i = skip_past(html, len, i + 1, ">");
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
			size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

			if (n > len - i)
				n = len - i;
			if (out->len - start + n > max)
				break;
			buf_put(out, html + i, n);
			i += n;
		}
	}
	if (out->len - start > max) /* a tag's space at the very end */
		buf_truncate(out, start + max);
	return out->oom ? err_oom() : 0;
}

/* ---- The index ---- */

typedef struct {
	char *s;          /* the token */
	size_t len;
	char *key;        /* its key form */
	uint32_t *post;   /* pairs: document id, 2 * tf + title */
	size_t npost, cap; /* in pairs */
} stoken;

enum { F_TITLE, F_URL, F_KIND, F_SNIPPET, F_DATE, F_N };

typedef struct {
	char *f[F_N];
	size_t len;       /* tokens */
} sdoc;

struct search_index {
	stoken *toks;
	size_t ntoks, captoks;
	uint32_t *slots;  /* open addressing: token index + 1, 0 empty */
	size_t nslots;    /* a power of two */
	sdoc *docs;
	size_t ndocs, capdocs;
	int open;         /* a document is begun and not ended */
	uint64_t *cur;    /* tokens of the open document: index << 1 | title */
	size_t ncur, capcur;
};

search_index *search_index_new(void)
{
	search_index *ix = calloc(1, sizeof *ix);

	if (!ix)
		err_oom();
	return ix;
}

void search_index_free(search_index *ix)
{
	size_t i, k;

	if (!ix)
		return;
	for (i = 0; i < ix->ntoks; i++) {
		free(ix->toks[i].s);
		free(ix->toks[i].key);
		free(ix->toks[i].post);
	}
	for (i = 0; i < ix->ndocs; i++)
		for (k = 0; k < F_N; k++)
			free(ix->docs[i].f[k]);
	free(ix->toks);
	free(ix->slots);
	free(ix->docs);
	free(ix->cur);
	free(ix);
}

size_t search_index_docs(const search_index *ix)
{
	return ix->ndocs;
}

static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static int rehash(search_index *ix)
{
	size_t n = ix->nslots ? ix->nslots * 2 : 1024, i;
	uint32_t *slots = calloc(n, sizeof *slots);

	if (!slots)
		return err_oom();
	for (i = 0; i < ix->ntoks; i++) {
		size_t j = (size_t)hash(ix->toks[i].s, ix->toks[i].len) & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	free(ix->slots);
	ix->slots = slots;
	ix->nslots = n;
	return 0;
}

/* The index of token s, added when new; -1 when out of memory. */
static long token_id(search_index *ix, const char *s, size_t len)
{
	size_t j;
	stoken *t;
	buf_t key = BUF_INIT;

	if ((ix->ntoks + 1) * 2 > ix->nslots && rehash(ix) < 0)
		return -1;
	j = (size_t)hash(s, len) & (ix->nslots - 1);
	while (ix->slots[j]) {
		t = &ix->toks[ix->slots[j] - 1];
		if (t->len == len && memcmp(t->s, s, len) == 0)
			return (long)(ix->slots[j] - 1);
		j = (j + 1) & (ix->nslots - 1);
	}
	if (ix->ntoks >= UINT32_MAX - 1)
		return err_set(NULL, 0, 0, "too many distinct words for the search index");
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
	t->s = malloc(len + 1);
	if (!t->s || search_key(&key, s, len) < 0) {
		free(t->s);
		buf_free(&key);
		return err_oom();
	}
	memcpy(t->s, s, len);
	t->s[len] = '\0';
	t->len = len;
	t->key = buf_detach(&key, NULL);
	if (!t->key) {
		free(t->s);
		return err_oom();
	}
	ix->slots[j] = (uint32_t)(ix->ntoks + 1);
	return (long)ix->ntoks++;
}

long search_doc_begin(search_index *ix, const char *title, const char *url,
		      const char *kind, const char *snippet, const char *date)
{
	const char *f[F_N];
	sdoc *d;
	size_t k;

	f[F_TITLE] = title;
	f[F_URL] = url;
	f[F_KIND] = kind;
	f[F_SNIPPET] = snippet;
	f[F_DATE] = date;
	if (ix->open && search_doc_end(ix) < 0)
		return -1;
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
	d = &ix->docs[ix->ndocs];
	d->len = 0;
	for (k = 0; k < F_N; k++) {
		d->f[k] = strdup(f[k] ? f[k] : "");
		if (!d->f[k]) {
			while (k-- > 0)
				free(d->f[k]);
			return err_oom();
		}
	}
	ix->open = 1;
	ix->ncur = 0;
	return (long)ix->ndocs++;
}

typedef struct {
	search_index *ix;
	int title;
} add_ctx;

static int add_token(void *ud, const char *tok, size_t len)
{
	add_ctx *a = ud;
	search_index *ix = a->ix;
	long id = token_id(ix, tok, len);

	if (id < 0)
		return -1;
	if (ix->ncur == ix->capcur) {
		size_t cap = ix->capcur ? ix->capcur * 2 : 256;
		uint64_t *n = realloc(ix->cur, cap * sizeof *n);
		if (!n)
			return err_oom();
		ix->cur = n;
		ix->capcur = cap;
	}
	ix->cur[ix->ncur++] = (uint64_t)id << 1 | (uint64_t)(a->title != 0);
	return 0;
}

int search_doc_text(search_index *ix, const char *s, size_t len, int title, size_t max)
{
	add_ctx a;
	long n;

	if (!ix->open)
		return err_set(NULL, 0, 0, "search_doc_text without search_doc_begin");
	if (!s || !len)
		return 0;
	a.ix = ix;
	a.title = title;
	n = search_tokens(s, len, max, add_token, &a);
	if (n < 0)
		return -1;
	ix->docs[ix->ndocs - 1].len += (size_t)n;
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int search_doc_end(search_index *ix)
{
	uint32_t doc;
	size_t i, j;

	if (!ix->open)
		return 0;
	ix->open = 0;
	doc = (uint32_t)(ix->ndocs - 1);
	if (ix->ncur > 1)
		qsort(ix->cur, ix->ncur, sizeof *ix->cur, cmp_u64);
	for (i = 0; i < ix->ncur; i = j) {
		uint64_t id = ix->cur[i] >> 1;
		uint32_t tf = 0, title = 0;
		stoken *t = &ix->toks[id];

		for (j = i; j < ix->ncur && ix->cur[j] >> 1 == id; j++) {
			tf++;
			title |= (uint32_t)(ix->cur[j] & 1);
		}
		if (t->npost == t->cap) {
			size_t cap = t->cap ? t->cap * 2 : 4;
			uint32_t *n = realloc(t->post, cap * 2 * sizeof *n);
			if (!n) {
				ix->ncur = 0;
				return err_oom();
			}
			t->post = n;
			t->cap = cap;
		}
		t->post[2 * t->npost] = doc;
		t->post[2 * t->npost + 1] = (tf > 0x3FFFFFFF ? 0x3FFFFFFF : tf) * 2 + title;
		t->npost++;
	}
	ix->ncur = 0;
	return 0;
}

/* ---- Writing ---- */

unsigned search_weight(unsigned tf, double len, double avg)
{
	const double k1 = 1.2, b = 0.75;
	double w = 100.0 * tf * (k1 + 1) / (tf + k1 * (1 - b + b * (avg > 0 ? len / avg : 1)));

	return w < 1 ? 1 : (unsigned)(w + 0.5);
}

/* x as written: 2 * weight + title. */
static uint32_t encode(const search_index *ix, double avg, uint32_t doc, uint32_t x)
{
	return 2 * search_weight(x >> 1, (double)ix->docs[doc].len, avg) + (x & 1);
}

static size_t digits(uint32_t v)
{
	size_t n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Bytes of the token's entry in a shard: "tok":[d,x,...] and a comma.
 * Tokens hold only letters, marks and digits: nothing to escape. */
static size_t entry_size(const search_index *ix, double avg, const stoken *t)
{
	size_t n = t->len + 6, i;
	uint32_t prev = 0;

	for (i = 0; i < t->npost; i++) {
		n += digits(t->post[2 * i] - prev) + digits(encode(ix, avg, t->post[2 * i], t->post[2 * i + 1])) + 2;
		prev = t->post[2 * i];
	}
	return n;
}

static int cmp_tok(const void *a, const void *b)
{
	const stoken *x = *(const stoken *const *)a, *y = *(const stoken *const *)b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->s, y->s);
}

typedef struct {
	char *key;
	size_t lo, hi; /* range of the sorted tokens */
} shard;

typedef struct {
	stoken **sorted;
	size_t *size;    /* entry_size of each sorted token */
	shard *shards;
	size_t nshards, cap;
	size_t limit;
	const search_index *ix;
	double avg;      /* tokens per document */
} plan;

static int plan_emit(plan *pl, const char *key, size_t klen, size_t lo, size_t hi)
{
	shard *sh;

	if (pl->nshards == pl->cap) {
		size_t cap = pl->cap ? pl->cap * 2 : 64;
		shard *n = realloc(pl->shards, cap * sizeof *n);
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
	const char *key = pl->sorted[lo]->key;

	for (i = lo; i < hi; i++)
		size += pl->size[i];
	if (size <= pl->limit || d >= KEY_DEPTH || hi - lo == 1)
		return plan_emit(pl, key, d, lo, hi);
	/* keys exactly d long sort first and stay in the parent */
	for (m = lo; m < hi && strlen(pl->sorted[m]->key) == d; m++)
		;
	if (m > lo && plan_emit(pl, key, d, lo, m) < 0)
		return -1;
	for (i = m; i < hi; i = j) {
		char c = pl->sorted[i]->key[d];
		for (j = i; j < hi && pl->sorted[j]->key[d] == c; j++)
			;
		if (plan_range(pl, i, j, d + 1) < 0)
			return -1;
	}
	return 0;
}

static int write_shard(const plan *pl, const shard *sh, buf_t *b, search_write_fn fn, void *ud)
{
	buf_t rel = BUF_INIT;
	size_t i, k;
	int r;

	buf_reset(b);
	buf_putc(b, '{');
	for (i = sh->lo; i < sh->hi; i++) {
		const stoken *t = pl->sorted[i];
		uint32_t prev = 0;

		if (i > sh->lo)
			buf_putc(b, ',');
		json_put_string(b, t->s, t->len);
		buf_puts(b, ":[");
		for (k = 0; k < t->npost; k++) {
			buf_printf(b, k ? ",%u,%u" : "%u,%u", (unsigned)(t->post[2 * k] - prev),
				   (unsigned)encode(pl->ix, pl->avg, t->post[2 * k], t->post[2 * k + 1]));
			prev = t->post[2 * k];
		}
		buf_putc(b, ']');
	}
	buf_puts(b, "}\n");
	buf_printf(&rel, "idx/%s.json", sh->key);
	r = b->oom || rel.oom ? err_oom() : fn(ud, rel.ptr, b->ptr, b->len);
	buf_free(&rel);
	return r;
}

static int write_docs(const search_index *ix, buf_t *b, search_write_fn fn, void *ud)
{
	buf_t rel = BUF_INIT;
	size_t i, k, blk;
	int r = 0;

	for (blk = 0; r == 0 && blk * SEARCH_BLOCK < ix->ndocs; blk++) {
		buf_reset(b);
		buf_reset(&rel);
		buf_putc(b, '[');
		for (i = blk * SEARCH_BLOCK; i < ix->ndocs && i < (blk + 1) * SEARCH_BLOCK; i++) {
			buf_puts(b, i > blk * SEARCH_BLOCK ? ",\n[" : "[");
			for (k = 0; k < F_N; k++) {
				if (k)
					buf_putc(b, ',');
				json_put_string(b, ix->docs[i].f[k], strlen(ix->docs[i].f[k]));
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

int search_index_write(search_index *ix, size_t shard_bytes, search_write_fn fn, void *ud)
{
	plan pl;
	buf_t b = BUF_INIT;
	size_t i, j;
	int r = -1;

	if (ix->open && search_doc_end(ix) < 0)
		return -1;
	memset(&pl, 0, sizeof pl);
	pl.limit = shard_bytes ? shard_bytes : SEARCH_SHARD_BYTES;
	pl.ix = ix;
	for (i = 0; i < ix->ndocs; i++)
		pl.avg += (double)ix->docs[i].len;
	if (ix->ndocs)
		pl.avg /= (double)ix->ndocs;
	if (ix->ntoks) {
		pl.sorted = malloc(ix->ntoks * sizeof *pl.sorted);
		pl.size = malloc(ix->ntoks * sizeof *pl.size);
		if (!pl.sorted || !pl.size) {
			err_oom();
			goto done;
		}
	}
	for (i = 0; i < ix->ntoks; i++)
		pl.sorted[i] = &ix->toks[i];
	if (ix->ntoks > 1)
		qsort(pl.sorted, ix->ntoks, sizeof *pl.sorted, cmp_tok);
	for (i = 0; i < ix->ntoks; i++)
		pl.size[i] = entry_size(ix, pl.avg, pl.sorted[i]);
	/* every key has at least two characters: group by the first two */
	for (i = 0; i < ix->ntoks; i = j) {
		const char *k = pl.sorted[i]->key;
		for (j = i; j < ix->ntoks && memcmp(pl.sorted[j]->key, k, 2) == 0; j++)
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
		if (write_shard(&pl, &pl.shards[i], &b, fn, ud) < 0)
			goto done;
	r = write_docs(ix, &b, fn, ud);
done:
	for (i = 0; i < pl.nshards; i++)
		free(pl.shards[i].key);
	free(pl.shards);
	free(pl.sorted);
	free(pl.size);
	buf_free(&b);
	return r;
}

/* ---- The build: extender, generator, page ---- */

/* The index being built: started by the site's first content page (the
 * extender), finished by the generator. */
static struct {
	pthread_mutex_t lock;
	search_index *ix;
	const page *first;
	size_t pages;     /* content pages indexed */
} state = { PTHREAD_MUTEX_INITIALIZER, NULL, NULL, 0 };

static int has_search(const site *s)
{
	return s->th.env && mustache_env_has(s->th.env, SEARCH_LAYOUT);
}

static const page *first_regular(const site *s)
{
	size_t i;

	for (i = 0; i < s->nall; i++)
		if (s->all[i]->kind == PAGE_REGULAR)
			return s->all[i];
	return NULL;
}

static size_t count_regular(const site *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nall; i++)
		n += s->all[i]->kind == PAGE_REGULAR;
	return n;
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

/* Indexes a string, or each string of an array. */
static int index_value(search_index *ix, const value *v)
{
	size_t i;

	if (!v)
		return 0;
	if (v->kind == V_STRING)
		return search_doc_text(ix, v->u.s.ptr, v->u.s.len, 0, 0);
	if (v->kind == V_ARRAY)
		for (i = 0; i < v->u.a.len; i++)
			if (index_value(ix, v->u.a.items[i]) < 0)
				return -1;
	return 0;
}

static int index_page(render_ctx *c, search_index *ix, const page *p)
{
	static const char *const fields[] = {
		"number", "kind", "issuer", "issuer_header", "subject", "place", "signer", "tags"
	};
	site *s = render_site_of(c);
	buf_t url = BUF_INIT, date = BUF_INIT, snip = BUF_INIT, text = BUF_INIT;
	const char *kind = value_get_str(p->cf.fm, "kind", NULL);
	size_t i, k;
	int r = -1;

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
	if (search_doc_begin(ix, p->title, url.ptr, kind, snip.ptr, date.ptr) < 0 ||
	    search_doc_text(ix, p->title, strlen(p->title), 1, 0) < 0 ||
	    (p->summary && search_doc_text(ix, p->summary, strlen(p->summary), 0, 0) < 0))
		goto done;
	for (i = 0; i < sizeof fields / sizeof *fields; i++)
		if (index_value(ix, value_table_get(p->cf.fm, fields[i])) < 0)
			goto done;
	for (i = 0; i < s->cfg.ntaxonomies; i++) {
		const char *key = s->cfg.taxonomies[i].key;
		for (k = 0; k < sizeof fields / sizeof *fields; k++)
			if (strcmp(key, fields[k]) == 0)
				break;
		if (k == sizeof fields / sizeof *fields &&
		    index_value(ix, value_table_get(p->cf.fm, key)) < 0)
			goto done;
	}
	if (search_html_text(&text, p->cf.md.html.ptr, p->cf.md.html.len, HTML_TEXT_MAX) < 0 ||
	    search_doc_text(ix, text.ptr, text.len, 0, SEARCH_MAX_WORDS) < 0 ||
	    search_doc_end(ix) < 0)
		goto done;
	r = 0;
done:
	buf_free(&url);
	buf_free(&date);
	buf_free(&snip);
	buf_free(&text);
	return r;
}

int search_extend(render_ctx *c, const page *p, value *pagev)
{
	site *s = render_site_of(c);
	int r = 0;

	(void)pagev;
	if (p->kind != PAGE_REGULAR || !has_search(s) || site_find(s, p->url) != p ||
	    render_incremental(c, NULL, NULL))
		return 0; /* stand-ins of generated pages, 404; partial renders */
	pthread_mutex_lock(&state.lock);
	if (p == first_regular(s) || !state.ix) {
		search_index_free(state.ix);
		state.ix = search_index_new();
		state.first = state.ix ? p : NULL;
		state.pages = 0;
	}
	r = state.ix ? index_page(c, state.ix, p) : -1;
	state.pages += r == 0;
	pthread_mutex_unlock(&state.lock);
	return r;
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
	r = path.oom ? err_oom() : render_file_out(ud, path.ptr, data, len);
	buf_free(&path);
	return r;
}

int search_generate(render_ctx *c)
{
	static const char *const layouts[] = { SEARCH_LAYOUT };
	site *s = render_site_of(c);
	search_index *ix;
	const page *first;
	render_page rp;
	value *fields = NULL;
	buf_t url = BUF_INIT;
	size_t i, pages;
	int r = -1;

	pthread_mutex_lock(&state.lock);
	ix = state.ix;
	first = state.first;
	pages = state.pages;
	state.ix = NULL;
	state.first = NULL;
	state.pages = 0;
	pthread_mutex_unlock(&state.lock);
	if (!ix || !first || first != first_regular(s)) { /* none, or a failed build's */
		search_index_free(ix);
		ix = NULL;
		pages = 0;
	}
	/* A render of some pages only (serve's rebuilds) leaves the index and
	 * the page of the last full render in place. */
	if (!has_search(s) || render_incremental(c, NULL, NULL) || pages != count_regular(s)) {
		search_index_free(ix);
		return 0;
	}
	if (!ix && !(ix = search_index_new()))
		return -1;
	for (i = 0; i < s->nall; i++)
		if (s->all[i]->kind == PAGE_SECTION && strcmp(s->all[i]->url, SEARCH_URL) != 0 &&
		    index_section(c, ix, s->all[i]) < 0)
			goto done;
	if (s->db && data_has_table(s->db, "procedures") && index_procedures(c, ix) < 0)
		goto done;
	if (search_index_write(ix, 0, write_file, c) < 0)
		goto done;
	fields = value_new_table();
	if (!fields || render_url(c, &url, SEARCH_URL) < 0 ||
	    value_table_set_str(fields, "search_index", url.ptr) < 0 ||
	    value_table_set_int(fields, "search_docs", (int64_t)search_index_docs(ix)) < 0 ||
	    browse_fields(c, fields) < 0)
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
	search_index_free(ix);
	return r;
}
