/* docs.c: the citation graph of official documents (see docs.h).
 *
 * Nodes are documents: one per held document (a page with a full number)
 * and one per document cited but not published, found through a small
 * hash of the matching key (docnum.h). Each document page keeps the nodes
 * it cites, in order of first citation; each node keeps the pages that
 * cite it (rebuilt from the pages after any change).
 *
 * Bodies are HTML when this module sees them. plain_build() takes the text
 * out of the tags, entities decoded, as spans that give the HTML offset of
 * every text byte and the text run ("segment") it belongs to, so that a
 * citation found in the text can be wrapped in the HTML when it lies in one
 * run outside any link. docs_load() keeps each page's citations with the
 * HTML they span; docs_extend() uses them when the body it gets is the one
 * read (same length and html_hash()), and reads a changed body again
 * (tables.h wraps a body's tables first). Rendering only reads the graph: the
 * replacements, the years and the plans' task counts are found while
 * loading, so that docs_extend() may run on several threads at once.
 *
 * Loading has a part per page and a shared part: read_page() (NFC, the
 * plain text, the citations, the hash) touches only its page and runs on
 * the pool's threads, READ_CHUNK pages a job; merge_page() resolves the
 * citations into nodes on the loading thread, page after page, because
 * which node a citation gets (and which it makes) depends on the nodes
 * made before it.
 */
#include "docs.h"

#include "data.h"
#include "docnum.h"
#include "err.h"
#include "format.h"
#include "pool.h"
#include "tasks.h"
#include "text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define BLANK "\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0" /* a day or month left blank: no-break spaces */
#define IN_LINK 0x80000000u

enum { LEGAL_UNKNOWN, LEGAL_IN_FORCE, LEGAL_REPLACED, LEGAL_EXPIRED };

typedef struct {
	char key[DOCNUM_KEY_MAX];
	int year;             /* 0: unknown */
	char *display;        /* the number as written, spaces around '-' dropped */
	char *kind;           /* "Kế hoạch", or NULL */
	int day, month, dyear;/* the date given with it; 0 when none */
	page *held;           /* the page publishing it, NULL when none */
	int status;           /* LEGAL_* */
	char *replaced_by;    /* the replacing document's number */
	char *since;          /* "2025-07-01" or NULL */
	char *title;          /* from legal_status */
	char *legal_source;
	size_t *citers;       /* indices of the dpages citing it */
	size_t ncit, capcit;
	size_t next;          /* the next node in its hash chain */
	size_t rep;           /* the held node of replaced_by, NONE when none */
	size_t reps_at, nreps;/* the replaced nodes it replaces: g->reps[reps_at..] */
} node;

/* A citation found in a page's body, and the HTML it spans there. */
typedef struct {
	docnum_cite c;
	size_t hs, he;        /* hs NONE: markup splits it, or it is in a link */
	size_t name;          /* while loading: its number as written
	                         (display_put()) at dpage.names.ptr + name */
} dcite;

typedef struct {
	page *p;
	size_t self;          /* its node (held), or NONE (a draft) */
	size_t *cites;        /* nodes, in order of first citation */
	size_t ncites, capcites;
	dcite *found;         /* the citations of the body when scanned */
	size_t nfound;
	size_t html_len;      /* that body: its length and html_hash() */
	uint64_t html_hash;
	buf_t names;          /* from read_page() to merge_page(): the numbers of
	                         found as written, each NUL-terminated */
	int tasks;            /* the tasks of the plan it is (tasks.h) */
} dpage;

/* Everything here is written while loading (docs_load, docs_dependents:
 * one thread) and only read while rendering, which docs_extend() does on
 * several threads at once. */
struct docs_graph {
	node *nodes;
	size_t nnodes, capnodes;
	size_t *heads;        /* hash of keys: first node of each chain */
	size_t nheads;
	dpage *pages;
	size_t npages;
	dpage **by_ptr;       /* pages sorted by page pointer */
	page *section;        /* the documents' section, NULL when none */
	size_t *reps;         /* replaced nodes by replacing node, then index */
	size_t ncited;        /* nodes cited and not held */
	int *years;           /* the documents' years, newest first */
	size_t *year_counts;  /* and how many each */
	size_t nyears;
};

/* ---- nodes ---- */

static uint64_t key_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int rehash(docs_graph *g, size_t nheads)
{
	size_t *h = malloc(nheads * sizeof *h), i;

	if (!h)
		return err_oom();
	for (i = 0; i < nheads; i++)
		h[i] = NONE;
	for (i = 0; i < g->nnodes; i++) {
		size_t b = key_hash(g->nodes[i].key) & (nheads - 1);
		g->nodes[i].next = h[b];
		h[b] = i;
	}
	free(g->heads);
	g->heads = h;
	g->nheads = nheads;
	return 0;
}

/* A new node for key; its index, or NONE when out of memory. */
static size_t node_new(docs_graph *g, const char *key, int year)
{
	node *n;
	size_t b;

	if (g->nnodes == g->capnodes) {
		size_t cap = g->capnodes ? g->capnodes * 2 : 32;
		node *a = realloc(g->nodes, cap * sizeof *a);
		if (!a) {
			err_oom();
			return NONE;
		}
		g->nodes = a;
		g->capnodes = cap;
	}
	n = &g->nodes[g->nnodes];
	memset(n, 0, sizeof *n);
	n->rep = NONE;
	memcpy(n->key, key, DOCNUM_KEY_MAX);
	n->key[DOCNUM_KEY_MAX - 1] = '\0';
	n->year = year;
	g->nnodes++;
	if (g->nnodes * 2 > g->nheads)
		return rehash(g, g->nheads ? g->nheads * 4 : 64) < 0 ? (g->nnodes--, NONE) : g->nnodes - 1;
	b = key_hash(n->key) & (g->nheads - 1);
	n->next = g->heads[b];
	g->heads[b] = g->nnodes - 1;
	return g->nnodes - 1;
}

static size_t node_first(const docs_graph *g, const char *key)
{
	size_t i;

	if (!g->nheads)
		return NONE;
	for (i = g->heads[key_hash(key) & (g->nheads - 1)]; i != NONE; i = g->nodes[i].next)
		if (strcmp(g->nodes[i].key, key) == 0)
			return i;
	return NONE;
}

static size_t node_next(const docs_graph *g, size_t i)
{
	const char *key = g->nodes[i].key;

	for (i = g->nodes[i].next; i != NONE; i = g->nodes[i].next)
		if (strcmp(g->nodes[i].key, key) == 0)
			return i;
	return NONE;
}

static void node_free(node *n)
{
	free(n->display);
	free(n->kind);
	free(n->replaced_by);
	free(n->since);
	free(n->title);
	free(n->legal_source);
	free(n->citers);
}

static int push_idx(size_t **a, size_t *n, size_t *cap, size_t v)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*a)[i] == v)
			return 0;
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 8;
		size_t *x = realloc(*a, nc * sizeof *x);
		if (!x)
			return err_oom();
		*a = x;
		*cap = nc;
	}
	(*a)[(*n)++] = v;
	return 0;
}

static int set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? strdup(s) : NULL;
	return s && !*dst ? err_oom() : 0;
}

/* Appends the number as written, without the spaces around dashes, dashes
 * as '-', and a NUL. 0 / -1. */
static int display_put(buf_t *b, const char *s, size_t len)
{
	size_t i, o;

	if (buf_grow(b, len + 1) < 0)
		return err_oom();
	o = b->len;
	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')
			continue;
		if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
			b->ptr[o++] = '-';
			i += 2;
			continue;
		}
		b->ptr[o++] = s[i];
	}
	b->ptr[o++] = '\0';
	b->len = o;
	b->ptr[o] = '\0';
	return 0;
}

/* The same, malloc'd; NULL when out of memory (error slot set). */
static char *display_of(const char *s, size_t len)
{
	buf_t b = BUF_INIT;

	if (display_put(&b, s, len) < 0)
		return NULL;
	return buf_detach(&b, NULL);
}

/* ---- HTML text ---- */

/* A piece of the text and where it comes from. lit: text[t..] is html[h..]
 * byte for byte (to the next span); else every byte of it comes from
 * html[h] (an entity decoded, or the line break of a tag). */
typedef struct {
	size_t t, h;
	uint32_t seg;    /* its text run; IN_LINK when inside <a> */
	uint32_t lit;
} span;

typedef struct {
	buf_t text;
	span *sp;        /* in text order */
	size_t nsp, capsp;
} plain;

#define PLAIN_INIT { BUF_INIT, NULL, 0, 0 }

static int plain_put(plain *pl, const char *b, size_t n, size_t src, uint32_t seg, int lit)
{
	buf_t *t = &pl->text;
	span *s;

	if (pl->nsp == pl->capsp) {
		size_t cap = pl->capsp ? pl->capsp * 2 : 256;
		span *a = realloc(pl->sp, cap * sizeof *a);
		if (!a)
			return err_oom();
		pl->sp = a;
		pl->capsp = cap;
	}
	s = &pl->sp[pl->nsp++];
	s->t = pl->text.len;
	s->h = src;
	s->seg = seg;
	s->lit = (uint32_t)lit;
	/* buf_put() without the call: plain_build() made room for it all */
	if (t->len + n >= t->cap && buf_grow(t, n) < 0)
		return err_oom();
	memcpy(t->ptr + t->len, b, n);
	t->len += n;
	t->ptr[t->len] = '\0';
	return 0;
}

/* Empties pl for another page, keeping its memory. */
static void plain_reset(plain *pl)
{
	buf_reset(&pl->text);
	pl->nsp = 0;
}

static void plain_free(plain *pl)
{
	buf_free(&pl->text);
	free(pl->sp);
	memset(pl, 0, sizeof *pl);
}

/* The span text byte k (< text.len) belongs to. */
static const span *span_of(const plain *pl, size_t k)
{
	size_t lo = 0, hi = pl->nsp;

	while (hi - lo > 1) { /* the last span whose t <= k */
		size_t mid = lo + (hi - lo) / 2;
		if (pl->sp[mid].t <= k)
			lo = mid;
		else
			hi = mid;
	}
	return &pl->sp[lo];
}

/* The HTML offset of text byte k, and its run. */
static size_t src_of(const plain *pl, size_t k, uint32_t *seg)
{
	const span *s = span_of(pl, k);

	*seg = s->seg;
	return s->lit ? s->h + (k - s->t) : s->h;
}

enum { TAG_BLOCK, TAG_INLINE, TAG_HIDDEN };

/* What a tag name (any case) is to the text: inline (no line break),
 * hidden (its content is no text: code, pre, script, style, template) or
 * block. */
static int tag_class(const char *name, size_t n)
{
	/* by length: the inline ones, then the hidden ones */
	static const char *const inl[9] = { "", "abiusq", "em", "delinssubsupkbdvardfnbdibdowbr",
					     "spanmarkabbrcitetimedata", "small", "strong", "", "" };
	static const char *const hid[9] = { "", "", "", "pre", "code", "style", "script", "", "template" };
	char lc[8];
	size_t i;

	if (n == 0 || n > sizeof lc)
		return TAG_BLOCK;
	for (i = 0; i < n; i++)
		lc[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
	for (i = 0; inl[n][i]; i += n)
		if (memcmp(inl[n] + i, lc, n) == 0)
			return TAG_INLINE;
	for (i = 0; hid[n][i]; i += n)
		if (memcmp(hid[n] + i, lc, n) == 0)
			return TAG_HIDDEN;
	return TAG_BLOCK;
}

/* The length of the entity at h[i] ('&') and its text in out (UTF-8);
 * 0 when it is none this reads. */
static size_t entity(const char *h, size_t n, size_t i, char *out, size_t *olen)
{
	static const struct {
		const char *name, *text;
	} named[] = {
		{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" }, { "apos;", "'" },
		{ "nbsp;", "\xC2\xA0" },
	};
	size_t k, j;

	for (k = 0; k < sizeof named / sizeof *named; k++) {
		size_t l = strlen(named[k].name);
		if (i + 1 + l <= n && memcmp(h + i + 1, named[k].name, l) == 0) {
			*olen = strlen(named[k].text);
			memcpy(out, named[k].text, *olen);
			return l + 1;
		}
	}
	if (i + 3 < n && h[i + 1] == '#') {
		unsigned long cp = 0;
		int hex = h[i + 2] == 'x' || h[i + 2] == 'X';
		j = i + 2 + hex;
		for (k = 0; j < n && k < 7; j++, k++) {
			char c = h[j];
			if (c >= '0' && c <= '9')
				cp = cp * (hex ? 16 : 10) + (unsigned long)(c - '0');
			else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
				cp = cp * 16 + (unsigned long)((c | 0x20) - 'a' + 10);
			else
				break;
		}
		if (k == 0 || j >= n || h[j] != ';' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		if (cp < 0x80) {
			out[0] = (char)cp;
			*olen = 1;
		} else if (cp < 0x800) {
			out[0] = (char)(0xC0 | (cp >> 6));
			out[1] = (char)(0x80 | (cp & 0x3F));
			*olen = 2;
		} else if (cp < 0x10000) {
			out[0] = (char)(0xE0 | (cp >> 12));
			out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[2] = (char)(0x80 | (cp & 0x3F));
			*olen = 3;
		} else {
			out[0] = (char)(0xF0 | (cp >> 18));
			out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
			out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
			out[3] = (char)(0x80 | (cp & 0x3F));
			*olen = 4;
		}
		return j + 1 - i;
	}
	return 0;
}

/* The text of html h[0..n) into pl (emptied first): text outside tags,
 * entities decoded, a line break for each block-level tag; nothing from
 * code, pre, script, style, template. 0 / -1. */
static int plain_build(plain *pl, const char *h, size_t n)
{
	size_t i = 0;
	uint32_t seg = 0;
	int in_a = 0, skip = 0;

	plain_reset(pl);
	/* the text is never longer than the HTML (an entity is longer than
	 * its text, a tag than its line break) */
	if (buf_grow(&pl->text, n) < 0)
		return err_oom();
	while (i < n) {
		if (h[i] == '<') {
			size_t j = i + 1, k, nl;
			int closing = 0, cls;
			if (i + 4 <= n && memcmp(h + i, "<!--", 4) == 0) {
				const char *e = NULL;
				for (k = i + 4; k + 3 <= n; k++)
					if (h[k] == '-' && memcmp(h + k, "-->", 3) == 0) {
						e = h + k;
						break;
					}
				i = e ? (size_t)(e - h) + 3 : n;
				seg++;
				continue;
			}
			if (j < n && h[j] == '/') {
				closing = 1;
				j++;
			}
			for (k = j; k < n && ((h[k] >= 'a' && h[k] <= 'z') || (h[k] >= 'A' && h[k] <= 'Z') ||
					      (h[k] >= '0' && h[k] <= '9'));
			     k++)
				;
			nl = k - j;
			if (nl == 0) { /* a lone '<' in text (cmark escapes it; be safe) */
				if (!skip && plain_put(pl, "<", 1, i, seg | (in_a ? IN_LINK : 0), 1) < 0)
					return -1;
				i++;
				continue;
			}
			for (; k < n && h[k] != '>'; k++)
				if (h[k] == '"' || h[k] == '\'') {
					const char *q = memchr(h + k + 1, h[k], n - k - 1);
					if (!q) {
						k = n;
						break;
					}
					k = (size_t)(q - h);
				}
			cls = tag_class(h + j, nl);
			if (cls == TAG_HIDDEN)
				skip += closing ? (skip > 0 ? -1 : 0) : 1;
			else if (nl == 1 && (h[j] == 'a' || h[j] == 'A'))
				in_a += closing ? (in_a > 0 ? -1 : 0) : 1;
			if (cls != TAG_INLINE && plain_put(pl, "\n", 1, i, seg, 0) < 0)
				return -1;
			seg++;
			i = k < n ? k + 1 : n;
			continue;
		}
		if (skip) { /* to the next tag */
			const char *lt = memchr(h + i, '<', n - i);
			i = lt ? (size_t)(lt - h) : n;
			continue;
		}
		if (h[i] == '&') {
			char out[4];
			size_t ol, el = entity(h, n, i, out, &ol);
			if (el) {
				if (plain_put(pl, out, ol, i, seg | (in_a ? IN_LINK : 0), 0) < 0)
					return -1;
				i += el;
				continue;
			}
		}
		{
			/* text up to the next tag or entity, as it is */
			const char *lt = memchr(h + i + 1, '<', n - i - 1), *amp;
			size_t e = lt ? (size_t)(lt - h) : n;
			amp = memchr(h + i + 1, '&', e - i - 1);
			if (amp)
				e = (size_t)(amp - h);
			if (plain_put(pl, h + i, e - i, i, seg | (in_a ? IN_LINK : 0), 1) < 0)
				return -1;
			i = e;
		}
	}
	return 0;
}

/* The HTML end of text byte k (exclusive). */
static size_t src_end(const plain *pl, const char *h, size_t n, size_t k)
{
	uint32_t seg;
	size_t s = src_of(pl, k, &seg);
	char out[4];
	size_t ol;

	if (h[s] == '&') {
		size_t el = entity(h, n, s, out, &ol);
		if (el)
			return s + el;
	}
	return s + 1;
}

/* ---- resolving citations ---- */

static int held_matches(const node *nd, const docnum_cite *c, int cyear)
{
	const page *p = nd->held;

	if (cyear && nd->year && cyear != nd->year)
		return 0;
	if (c->date_year && p->cf.has_date && p->cf.precision == DATE_DAY &&
	    (p->cf.date.day != c->day || p->cf.date.month != c->month || p->cf.date.year != c->date_year))
		return 0;
	return 1;
}

/* The node citation c (of page dp) names; a new one for a document not
 * held when create, shown as display (its number as written, needed only
 * with create). NONE when it names dp itself, or when none is found
 * without create, or out of memory (*oom set). */
static size_t resolve(docs_graph *g, const dpage *dp, const docnum_cite *c, const char *display, int create,
		      int *oom)
{
	int cyear = c->date_year ? c->date_year : c->sym.year;
	size_t i, ext = NONE, held = NONE;
	node *nd;

	for (i = node_first(g, c->sym.key); i != NONE; i = node_next(g, i)) {
		nd = &g->nodes[i];
		if (nd->held) {
			if (held == NONE && held_matches(nd, c, cyear))
				held = i;
		} else if (ext == NONE && (!cyear || !nd->year || cyear == nd->year)) {
			ext = i;
		}
	}
	i = held != NONE ? held : ext;
	if (i == NONE && create) {
		const char *kind = NULL;
		i = node_new(g, c->sym.key, cyear);
		if (i == NONE) {
			*oom = 1;
			return NONE;
		}
		nd = &g->nodes[i];
		if (c->word >= 0 && docnum_word_abbr(c->word)[0] == '\0')
			kind = docnum_word_name(c->word);
		else
			kind = docnum_type_name(c->sym.type);
		if (!kind && c->word >= 0)
			kind = docnum_word_name(c->word);
		if (set_str(&nd->display, display) < 0 || set_str(&nd->kind, kind) < 0) {
			*oom = 1;
			return NONE;
		}
	}
	if (i == NONE)
		return NONE;
	nd = &g->nodes[i];
	if (!nd->held && create && c->date_year && !nd->dyear) {
		nd->day = c->day;
		nd->month = c->month;
		nd->dyear = c->date_year;
		if (!nd->year)
			nd->year = c->date_year;
	}
	return i == dp->self ? NONE : i;
}

/* A hash of a body, to know it again in docs_extend(). Four words at a
 * time, in four lanes that do not wait for each other. */
static uint64_t html_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w, l[4] = { 1, 2, 3, 4 };
	size_t i, k;

	for (i = 0; i + 32 <= n; i += 32)
		for (k = 0; k < 4; k++) {
			memcpy(&w, s + i + 8 * k, 8);
			l[k] = (l[k] ^ w) * 0xFF51AFD7ED558CCDull;
			l[k] ^= l[k] >> 32;
		}
	for (k = 0; k < 4; k++) {
		h = (h ^ l[k]) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	return h ^ (h >> 33);
}

/* The citations of html h[0..n) in *out (malloc'd, NULL when none), with
 * the HTML each spans, and when names is not NULL their numbers as written
 * appended to it (dcite.name); pl holds the text after. 0 / -1. */
static int find_cites(plain *pl, const char *h, size_t n, dcite **out, size_t *nout, buf_t *names)
{
	docnum_cite *cs = NULL;
	dcite *f = NULL;
	size_t nc = 0, k;

	*out = NULL;
	*nout = 0;
	if (plain_build(pl, h, n) < 0 || docnum_find_all(pl->text.ptr, pl->text.len, &cs, &nc) < 0)
		return -1;
	if (nc && !(f = malloc(nc * sizeof *f))) {
		free(cs);
		return err_oom();
	}
	for (k = 0; k < nc; k++) {
		size_t s = cs[k].start, e = cs[k].end;
		uint32_t ss, se;
		f[k].c = cs[k];
		f[k].hs = f[k].he = NONE;
		f[k].name = 0;
		if (names) {
			f[k].name = names->len;
			if (display_put(names, pl->text.ptr + cs[k].num_start, cs[k].num_end - cs[k].num_start) < 0) {
				free(cs);
				free(f);
				return -1;
			}
		}
		if (e <= s)
			continue;
		f[k].hs = src_of(pl, s, &ss);
		src_of(pl, e - 1, &se);
		if (ss != se || (ss & IN_LINK)) {
			f[k].hs = NONE;
			continue;
		}
		f[k].he = src_end(pl, h, n, e - 1);
	}
	free(cs);
	*out = f;
	*nout = nc;
	return 0;
}

/* Puts a page's body in NFC, so that citations read the same everywhere. */
static int nfc_body(page *p)
{
	buf_t b = BUF_INIT;

	if (text_is_nfc(p->cf.md.html.ptr, p->cf.md.html.len))
		return 0; /* the common case: no copy to make */
	if (text_nfc(&b, p->cf.md.html.ptr, p->cf.md.html.len) < 0) {
		buf_free(&b);
		err_clear(); /* not valid UTF-8: left as it is */
		return 0;
	}
	if (b.len != p->cf.md.html.len || memcmp(b.ptr, p->cf.md.html.ptr, b.len) != 0) {
		buf_free(&p->cf.md.html);
		p->cf.md.html = b;
		return 0;
	}
	buf_free(&b);
	return 0;
}

/* Puts dp's page body in NFC and reads its citations into dp->found and
 * dp->names; pl is work space. It touches only dp and its page, so that
 * pages are read on several threads at once. 0 / -1. */
static int read_page(dpage *dp, plain *pl)
{
	const buf_t *html = &dp->p->cf.md.html;

	free(dp->found);
	dp->found = NULL;
	dp->nfound = 0;
	buf_reset(&dp->names);
	if (nfc_body(dp->p) < 0 || find_cites(pl, html->ptr, html->len, &dp->found, &dp->nfound, &dp->names) < 0)
		return -1;
	dp->html_len = html->len;
	dp->html_hash = html_hash(html->ptr, html->len);
	return 0;
}

/* Resolves what read_page() found into dp->cites, making the nodes of
 * documents not held as they come (one thread, pages in order). 0 / -1. */
static int merge_page(docs_graph *g, dpage *dp)
{
	size_t k;
	int oom = 0;

	dp->ncites = 0;
	for (k = 0; k < dp->nfound; k++) {
		size_t i = resolve(g, dp, &dp->found[k].c, dp->names.ptr + dp->found[k].name, 1, &oom);
		if (oom || (i != NONE && push_idx(&dp->cites, &dp->ncites, &dp->capcites, i) < 0))
			return -1;
	}
	buf_free(&dp->names);
	return 0;
}

static int rebuild_citers(docs_graph *g)
{
	size_t i, k;

	for (i = 0; i < g->nnodes; i++)
		g->nodes[i].ncit = 0;
	for (i = 0; i < g->npages; i++)
		for (k = 0; k < g->pages[i].ncites; k++) {
			node *nd = &g->nodes[g->pages[i].cites[k]];
			/* a page cites a node once and comes after the ones before:
			 * push_idx()'s search for a repeat would find none */
			if (nd->ncit && nd->citers[nd->ncit - 1] == i)
				continue;
			if (nd->ncit == nd->capcit) {
				size_t nc = nd->capcit ? nd->capcit * 2 : 8;
				size_t *x = realloc(nd->citers, nc * sizeof *x);
				if (!x)
					return err_oom();
				nd->citers = x;
				nd->capcit = nc;
			}
			nd->citers[nd->ncit++] = i;
		}
	g->ncited = 0;
	for (i = 0; i < g->nnodes; i++)
		g->ncited += !g->nodes[i].held && g->nodes[i].ncit > 0;
	return 0;
}

/* ---- legal force ---- */

static int status_of(const char *s)
{
	if (!s)
		return LEGAL_UNKNOWN;
	if (strcmp(s, "replaced") == 0)
		return LEGAL_REPLACED;
	if (strcmp(s, "expired") == 0)
		return LEGAL_EXPIRED;
	return strcmp(s, "in-force") == 0 ? LEGAL_IN_FORCE : LEGAL_UNKNOWN;
}

/* The node for a number written in front matter or data, created when
 * missing, in *out. 0, 1 when number is no number and symbol, -1 when out
 * of memory. */
static int node_for_number(docs_graph *g, const char *number, size_t *out)
{
	docnum_symbol sym;
	size_t i;

	*out = NONE;
	if (docnum_parse(&sym, number, strlen(number)) != 1)
		return 1;
	for (i = node_first(g, sym.key); i != NONE; i = node_next(g, i))
		if (!sym.year || !g->nodes[i].year || sym.year == g->nodes[i].year) {
			*out = i;
			return 0;
		}
	i = node_new(g, sym.key, sym.year);
	if (i == NONE)
		return -1;
	g->nodes[i].display = display_of(number, strlen(number));
	if (!g->nodes[i].display)
		return -1;
	*out = i;
	return 0;
}

static int load_legal_table(docs_graph *g, site *s)
{
	value *rows;
	size_t i;
	int r = 0;

	if (!s->db || !data_has_table(s->db, "legal_status"))
		return 0;
	rows = data_query(s->db, "SELECT number, title, status, replaced_by, since, source FROM legal_status "
			  "ORDER BY rowid", NULL, "data", 0, 0);
	if (!rows)
		return -1;
	for (i = 0; r == 0 && i < value_len(rows); i++) {
		const value *row = value_at(rows, i);
		const char *number = value_get_str(row, "number", "");
		size_t ni;
		int rc = node_for_number(g, number, &ni);
		node *nd;
		if (rc == 1) {
			r = err_set("data", 0, 0,
				    "legal_status: '%s' is not a document number and symbol like '61/2018/NĐ-CP'", number);
			break;
		}
		if (rc != 0) {
			r = -1;
			break;
		}
		nd = &g->nodes[ni];
		nd->status = status_of(value_get_str(row, "status", NULL));
		if (set_str(&nd->replaced_by, value_get_str(row, "replaced_by", NULL)) < 0 ||
		    set_str(&nd->since, value_get_str(row, "since", NULL)) < 0 ||
		    set_str(&nd->title, value_get_str(row, "title", NULL)) < 0 ||
		    set_str(&nd->legal_source, value_get_str(row, "source", NULL)) < 0)
			r = -1;
	}
	value_free(rows);
	return r;
}

static int bad_number(const page *p, const value *v, const char *key)
{
	return err_set(p->cf.path, v->line, v->col,
		       "'%s' must be a document number and symbol in quotes, like \"118/2025/NĐ-CP\"", key);
}

/* replaced_by, replaces and expired of a held document's front matter. */
static int load_legal_fm(docs_graph *g, dpage *dp)
{
	const page *p = dp->p;
	const value *v;
	size_t i, ni;

	v = value_table_get(p->cf.fm, "replaced_by");
	if (v) {
		docnum_symbol sym;
		if (v->kind != V_STRING || docnum_parse(&sym, v->u.s.ptr, v->u.s.len) != 1)
			return bad_number(p, v, "replaced_by");
		if (dp->self != NONE) {
			g->nodes[dp->self].status = LEGAL_REPLACED;
			if (set_str(&g->nodes[dp->self].replaced_by, v->u.s.ptr) < 0)
				return -1;
		}
	}
	v = value_table_get(p->cf.fm, "expired");
	if (v) {
		if (!(v->kind == V_BOOL || (v->kind == V_DATETIME && v->u.dt.kind == DT_DATE)))
			return err_set(p->cf.path, v->line, v->col,
				       "'expired' must be the date the document stopped being in force, like "
				       "expired = 2025-07-01 (or true when the date is not known)");
		if (dp->self != NONE && (v->kind != V_BOOL || v->u.b)) {
			node *nd = &g->nodes[dp->self];
			if (nd->status != LEGAL_REPLACED)
				nd->status = LEGAL_EXPIRED;
			if (v->kind == V_DATETIME) {
				char d[16];
				snprintf(d, sizeof d, "%04d-%02d-%02d", v->u.dt.year, v->u.dt.month, v->u.dt.day);
				if (set_str(&nd->since, d) < 0)
					return -1;
			}
		}
	}
	v = value_table_get(p->cf.fm, "replaces");
	if (v) {
		size_t n = v->kind == V_ARRAY ? v->u.a.len : 1;
		for (i = 0; i < n; i++) {
			const value *e = v->kind == V_ARRAY ? v->u.a.items[i] : v;
			int rc;
			if (e->kind != V_STRING)
				return bad_number(p, e, "replaces");
			rc = node_for_number(g, e->u.s.ptr, &ni);
			if (rc == 1)
				return bad_number(p, e, "replaces");
			if (rc != 0)
				return -1;
			if (dp->self == NONE)
				continue; /* a draft replaces nothing yet */
			g->nodes[ni].status = LEGAL_REPLACED;
			if (set_str(&g->nodes[ni].replaced_by, value_get_str(p->cf.fm, "number", "")) < 0)
				return -1;
		}
	}
	return 0;
}

/* ---- loading ---- */

static int ptr_cmp(const void *a, const void *b)
{
	const dpage *x = *(dpage *const *)a, *y = *(dpage *const *)b;
	return x->p < y->p ? -1 : x->p > y->p;
}

static dpage *find_page(const docs_graph *g, const page *p)
{
	size_t lo = 0, hi = g->npages;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->by_ptr[mid]->p == p)
			return g->by_ptr[mid];
		if (g->by_ptr[mid]->p < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int cmp_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x < y) - (x > y);
}

/* The years of the documents, newest first, and how many each. */
static int doc_years(const docs_graph *g, int **years, size_t **counts, size_t *n)
{
	int *y = malloc((g->npages ? g->npages : 1) * sizeof *y);
	size_t *cnt = calloc(g->npages ? g->npages : 1, sizeof *cnt), i, m = 0, k;

	*years = NULL;
	*counts = NULL;
	*n = 0;
	if (!y || !cnt) {
		free(y);
		free(cnt);
		return err_oom();
	}
	for (i = 0; i < g->npages; i++)
		if (g->pages[i].p->cf.has_date)
			y[m++] = g->pages[i].p->cf.date.year;
	if (m > 1)
		qsort(y, m, sizeof *y, cmp_int_desc);
	for (i = 0, k = 0; i < m; i++) {
		if (k && y[k - 1] == y[i]) {
			cnt[k - 1]++;
			continue;
		}
		y[k] = y[i];
		cnt[k++] = 1;
	}
	*years = y;
	*counts = cnt;
	*n = k;
	return 0;
}

/* Each node's replacing held document (rep, as its replaced_by names it)
 * and, for each held one, the replaced nodes naming it (reps_at, nreps),
 * in node order. 0 / -1. */
static int link_replacements(docs_graph *g)
{
	size_t i, k, n = 0, at = 0, *r;

	for (i = 0; i < g->nnodes; i++) {
		node *nd = &g->nodes[i];
		docnum_symbol sym;
		nd->rep = NONE;
		nd->nreps = 0;
		if (!nd->replaced_by || docnum_parse(&sym, nd->replaced_by, strlen(nd->replaced_by)) != 1)
			continue;
		for (k = node_first(g, sym.key); k != NONE; k = node_next(g, k))
			if (g->nodes[k].held) {
				nd->rep = k;
				break;
			}
	}
	for (i = 0; i < g->nnodes; i++)
		if (g->nodes[i].status == LEGAL_REPLACED && g->nodes[i].rep != NONE) {
			g->nodes[g->nodes[i].rep].nreps++;
			n++;
		}
	r = malloc((n ? n : 1) * sizeof *r);
	if (!r)
		return err_oom();
	for (i = 0; i < g->nnodes; i++) {
		g->nodes[i].reps_at = at;
		at += g->nodes[i].nreps;
		g->nodes[i].nreps = 0;
	}
	for (i = 0; i < g->nnodes; i++)
		if (g->nodes[i].status == LEGAL_REPLACED && g->nodes[i].rep != NONE) {
			node *h = &g->nodes[g->nodes[i].rep];
			r[h->reps_at + h->nreps++] = i;
		}
	free(g->reps);
	g->reps = r;
	return 0;
}

typedef struct {
	site *s;
	docs_graph *g;
} plan_ud;

/* tasks_each_plan(): a plan's count for its document. */
static int plan_tasks(void *ud, const char *url, int count)
{
	plan_ud *u = ud;
	page *p = site_find(u->s, url);
	dpage *dp = p ? find_page(u->g, p) : NULL;

	if (dp)
		dp->tasks = count;
	return 0;
}

void docs_free(docs_graph *g)
{
	size_t i;

	if (!g)
		return;
	for (i = 0; i < g->nnodes; i++)
		node_free(&g->nodes[i]);
	free(g->nodes);
	free(g->heads);
	for (i = 0; i < g->npages; i++) {
		free(g->pages[i].cites);
		free(g->pages[i].found);
		buf_free(&g->pages[i].names);
	}
	free(g->pages);
	free(g->by_ptr);
	free(g->reps);
	free(g->years);
	free(g->year_counts);
	free(g);
}

/* read_page() on pages[0..n), for read_all(). */
typedef struct {
	dpage *pages;
	size_t n;
} read_job;

#define READ_CHUNK 16 /* pages a job reads */

static int read_run(void *arg)
{
	read_job *j = arg;
	plain pl = PLAIN_INIT;
	size_t i;
	int r = 0;

	for (i = 0; r == 0 && i < j->n; i++)
		r = read_page(&j->pages[i], &pl);
	plain_free(&pl);
	return r;
}

/* read_page() on every document, on pool_jobs() threads, READ_CHUNK pages a
 * job. 0, or -1 with the error of the first failing job (pool.h). */
static int read_all(docs_graph *g)
{
	size_t njobs = (g->npages + READ_CHUNK - 1) / READ_CHUNK, i;
	read_job *jobs;
	pool *pl;
	int r = 0;

	if (!njobs)
		return 0;
	jobs = malloc(njobs * sizeof *jobs);
	if (!jobs)
		return err_oom();
	/* no threads to start for a small site's one job */
	pl = pool_new(njobs < (size_t)pool_jobs() ? (int)njobs : pool_jobs());
	if (!pl) {
		free(jobs);
		return -1;
	}
	for (i = 0; r == 0 && i < njobs; i++) {
		jobs[i].pages = g->pages + i * READ_CHUNK;
		jobs[i].n = i + 1 < njobs ? READ_CHUNK : g->npages - i * READ_CHUNK;
		r = pool_submit(pl, read_run, &jobs[i], NULL);
	}
	if (pool_wait(pl) < 0)
		r = -1;
	pool_free(pl);
	free(jobs);
	return r;
}

int docs_load(site *s)
{
	docs_graph *g = calloc(1, sizeof *g);
	plan_ud pu;
	size_t i, n = 0, nheads;

	s->docs = g;
	if (!g)
		return err_oom();
	for (i = 0; i < s->nall; i++)
		if (s->all[i]->kind == PAGE_REGULAR && value_table_get(s->all[i]->cf.fm, "number"))
			n++;
	g->pages = calloc(n ? n : 1, sizeof *g->pages);
	g->by_ptr = malloc((n ? n : 1) * sizeof *g->by_ptr);
	/* room for the held documents and as many cited ones, so that a big
	 * site does not copy the nodes and the hash again and again */
	g->capnodes = 2 * n + 32;
	g->nodes = malloc(g->capnodes * sizeof *g->nodes);
	for (nheads = 64; nheads < 2 * g->capnodes; nheads *= 2)
		;
	if (!g->pages || !g->by_ptr || !g->nodes)
		goto oom;
	if (rehash(g, nheads) < 0)
		goto fail;
	/* the documents and the nodes of the held ones */
	for (i = 0; i < s->nall; i++) {
		page *p = s->all[i];
		const value *v;
		dpage *dp;
		docnum_symbol sym;
		int kind;
		if (p->kind != PAGE_REGULAR || !(v = value_table_get(p->cf.fm, "number")))
			continue;
		if (v->kind != V_STRING) {
			err_set(p->cf.path, v->line, v->col,
				"'number' must be the number and symbol in quotes as printed after \"Số:\", like "
				"number = \"46/UBND\" (a draft keeps its blank: \"/UBND-NV\")");
			goto fail;
		}
		dp = &g->pages[g->npages];
		dp->p = p;
		dp->self = NONE;
		buf_init(&dp->names);
		g->by_ptr[g->npages++] = dp;
		if (!g->section && p->parent) /* where the lists go: the first document's section */
			g->section = p->parent;
		kind = docnum_parse(&sym, v->u.s.ptr, v->u.s.len);
		if (kind < 0) {
			warn_add(p->cf.path, v->line, v->col,
				 "number \"%s\" is not a number and symbol like \"46/UBND\" or \"91/KH-UBND\": "
				 "the page is listed but cannot be cited", v->u.s.ptr);
			continue;
		}
		if (kind == 1) {
			int year = p->cf.has_date ? p->cf.date.year : sym.year;
			size_t k;
			for (k = node_first(g, sym.key); k != NONE; k = node_next(g, k))
				if (g->nodes[k].held && g->nodes[k].year == year)
					warn_add(p->cf.path, v->line, v->col,
						 "number %s of %d is also the number of %s: citations link to the "
						 "first of them", v->u.s.ptr, year, g->nodes[k].held->cf.path);
			dp->self = node_new(g, sym.key, year);
			if (dp->self == NONE)
				goto fail;
			g->nodes[dp->self].held = p;
			g->nodes[dp->self].display = display_of(v->u.s.ptr, v->u.s.len);
			if (!g->nodes[dp->self].display ||
			    set_str(&g->nodes[dp->self].kind, value_get_str(p->cf.fm, "kind", NULL)) < 0)
				goto fail;
			if (p->cf.has_date && p->cf.precision == DATE_DAY) {
				g->nodes[dp->self].day = p->cf.date.day;
				g->nodes[dp->self].month = p->cf.date.month;
				g->nodes[dp->self].dyear = p->cf.date.year;
			}
		}
	}
	if (g->npages > 1)
		qsort(g->by_ptr, g->npages, sizeof *g->by_ptr, ptr_cmp);
	/* the bodies on several threads; the graph grows on this one, in the
	 * pages' order, so that it is the same for every --jobs */
	if (read_all(g) < 0)
		goto fail;
	for (i = 0; i < g->npages; i++)
		if (merge_page(g, &g->pages[i]) < 0)
			goto fail;
	if (rebuild_citers(g) < 0 || load_legal_table(g, s) < 0)
		goto fail;
	for (i = 0; i < g->npages; i++)
		if (load_legal_fm(g, &g->pages[i]) < 0)
			goto fail;
	/* what rendering reads, ready before it starts on several threads */
	pu.s = s;
	pu.g = g;
	if (link_replacements(g) < 0 || doc_years(g, &g->years, &g->year_counts, &g->nyears) < 0 ||
	    tasks_each_plan(s, plan_tasks, &pu) < 0)
		goto fail;
	return 0;
oom:
	err_oom();
fail:
	docs_free(g);
	s->docs = NULL;
	return -1;
}

/* Cited documents the site does not hold (the count /van-ban/ shows). */
static size_t count_unheld(const docs_graph *g)
{
	size_t i, n = 0;

	for (i = 0; i < g->nnodes; i++)
		n += !g->nodes[i].held && g->nodes[i].ncit > 0;
	return n;
}

int docs_dependents(site *s, page *changed, incr_pages *more)
{
	docs_graph *g = s->docs;
	dpage *dp = g ? find_page(g, changed) : NULL;
	plain pl = PLAIN_INIT;
	size_t *old, nold, k, unheld;
	int r = -1;

	if (!dp)
		return 0;
	nold = dp->ncites;
	old = malloc((nold ? nold : 1) * sizeof *old);
	if (!old)
		return err_oom();
	memcpy(old, dp->cites, nold * sizeof *old);
	unheld = count_unheld(g);
	if (read_page(dp, &pl) < 0 || merge_page(g, dp) < 0 || rebuild_citers(g) < 0 ||
	    link_replacements(g) < 0)
		goto done;
	/* the section's pages show how many cited documents are not held */
	if (g->section && count_unheld(g) != unheld && incr_pages_add(more, g->section) < 0)
		goto done;
	for (k = 0; k < nold; k++)
		if (g->nodes[old[k]].held && incr_pages_add(more, g->nodes[old[k]].held) < 0)
			goto done;
	for (k = 0; k < dp->ncites; k++)
		if (g->nodes[dp->cites[k]].held && incr_pages_add(more, g->nodes[dp->cites[k]].held) < 0)
			goto done;
	r = 0;
done:
	plain_free(&pl);
	free(old);
	return r;
}

/* ---- rendering ---- */

static const char *tr(render_ctx *c, const char *key)
{
	return value_get_str(render_site_of(c)->th.strings, key, key);
}

static void put_s(value *t, const char *k, const char *v, int *bad)
{
	if (!*bad && value_table_set_str(t, k, v ? v : "") < 0)
		*bad = 1;
}

static void put_i(value *t, const char *k, int64_t v, int *bad)
{
	if (!*bad && value_table_set_int(t, k, v) < 0)
		*bad = 1;
}

static void put_b(value *t, const char *k, int v, int *bad)
{
	if (!*bad && value_table_set_bool(t, k, v) < 0)
		*bad = 1;
}

static void put_v(value *t, const char *k, value *v, int *bad)
{
	if (*bad || !v) {
		value_free(v);
		*bad = 1;
		return;
	}
	if (value_table_setc(t, k, v) < 0)
		*bad = 1;
}

static void push_v(value *a, value *v, int *bad)
{
	if (*bad || !v) {
		value_free(v);
		*bad = 1;
		return;
	}
	if (value_array_push(a, v) < 0)
		*bad = 1;
}

static void put_url(render_ctx *c, value *t, const char *k, const char *url, int *bad)
{
	buf_t b = BUF_INIT;

	if (render_url(c, &b, url) < 0)
		*bad = 1;
	put_s(t, k, b.ptr, bad);
	buf_free(&b);
}

/* A held node whose number is that of the document replacing n. */
static const node *replacement(const docs_graph *g, const node *n)
{
	return n->rep != NONE ? &g->nodes[n->rep] : NULL;
}

/* "/van-ban/da-dan-chieu/" and the anchor of a node there. */
static int cited_url(const docs_graph *g, buf_t *b)
{
	buf_reset(b);
	buf_puts(b, g->section ? g->section->url : "/");
	buf_puts(b, "da-dan-chieu/");
	return b->oom ? err_oom() : 0;
}

static int node_anchor(const node *n, buf_t *b)
{
	buf_reset(b);
	buf_puts(b, "vb-");
	if (text_slug(b, n->key, strlen(n->key)) < 0)
		return -1;
	if (n->year && !strstr(n->key, "/19") && !strstr(n->key, "/20"))
		buf_printf(b, "-%d", n->year);
	return b->oom ? err_oom() : 0;
}

static int put_date_text(buf_t *b, int d, int m, int y)
{
	value_dt dt;

	memset(&dt, 0, sizeof dt);
	dt.kind = DT_DATE;
	dt.day = d;
	dt.month = m;
	dt.year = y;
	return fmt_date_vi(b, &dt);
}

/* The note after a citation of a replaced or expired document. */
static int legal_note(render_ctx *c, const docs_graph *g, const node *n, buf_t *out)
{
	const node *rep;

	if (n->status == LEGAL_REPLACED && n->replaced_by) {
		buf_puts(out, " <span class=\"legal-note\">(");
		buf_put_html(out, tr(c, "docs_replaced_by"), strlen(tr(c, "docs_replaced_by")));
		buf_putc(out, ' ');
		rep = replacement(g, n);
		if (rep) {
			buf_t u = BUF_INIT;
			if (render_url(c, &u, rep->held->url) < 0) {
				buf_free(&u);
				return -1;
			}
			buf_puts(out, "<a href=\"");
			buf_put_html(out, u.ptr, u.len);
			buf_puts(out, "\">");
			buf_free(&u);
		}
		buf_put_html(out, n->replaced_by, strlen(n->replaced_by));
		if (rep)
			buf_puts(out, "</a>");
		buf_puts(out, ")</span>");
	} else if (n->status == LEGAL_EXPIRED) {
		buf_puts(out, " <span class=\"legal-note\">(");
		buf_put_html(out, tr(c, "docs_expired"), strlen(tr(c, "docs_expired")));
		buf_puts(out, ")</span>");
	}
	return out->oom ? err_oom() : 0;
}

/* The body h[0..n) with its citations linked (see docs.h). The
 * citations found when the page was loaded serve when h is that body
 * (tables.h changes the bodies with tables); else h is read again. */
static int link_body(render_ctx *c, docs_graph *g, const dpage *dp, const char *h, size_t n, buf_t *out)
{
	const dcite *f = dp->found;
	dcite *own = NULL;
	size_t nf = dp->nfound, k, prev = 0;
	buf_t u = BUF_INIT;
	int oom = 0, r = -1;

	if (n != dp->html_len || html_hash(h, n) != dp->html_hash) {
		plain pl = PLAIN_INIT;
		r = find_cites(&pl, h, n, &own, &nf, NULL);
		plain_free(&pl);
		if (r < 0)
			return -1;
		r = -1;
		f = own;
	}
	for (k = 0; k < nf; k++) {
		size_t hs = f[k].hs, he = f[k].he, ni;
		const node *nd;
		ni = resolve(g, dp, &f[k].c, NULL, 0, &oom);
		if (ni == NONE || hs == NONE || hs < prev || he > n)
			continue;
		nd = &g->nodes[ni];
		buf_put(out, h + prev, hs - prev);
		if (nd->held) {
			buf_reset(&u);
			if (render_url(c, &u, nd->held->url) < 0)
				goto done;
			buf_puts(out, "<a class=\"cite\" href=\"");
			buf_put_html(out, u.ptr, u.len);
			buf_puts(out, "\">");
			buf_put(out, h + hs, he - hs);
			buf_puts(out, "</a>");
		} else {
			buf_puts(out, "<span class=\"cited\">");
			buf_put(out, h + hs, he - hs);
			buf_puts(out, "</span>");
		}
		if (legal_note(c, g, nd, out) < 0)
			goto done;
		prev = he;
	}
	buf_put(out, h + prev, n - prev);
	r = out->oom ? err_oom() : 0;
done:
	free(own);
	buf_free(&u);
	return r;
}

/* A cited document as the templates see it. */
static value *node_value(render_ctx *c, const docs_graph *g, const node *nd, int *bad)
{
	value *v = value_new_table();
	buf_t b = BUF_INIT;
	const node *rep = replacement(g, nd);

	if (!v) {
		*bad = 1;
		return NULL;
	}
	put_s(v, "number", nd->display ? nd->display : nd->key, bad);
	put_s(v, "kind", nd->kind, bad);
	if (nd->dyear && put_date_text(&b, nd->day, nd->month, nd->dyear) < 0)
		*bad = 1;
	put_s(v, "date_vi", b.ptr, bad);
	put_b(v, "held", nd->held != NULL, bad);
	put_s(v, "title", nd->held ? nd->held->title : nd->title, bad);
	if (nd->held)
		put_url(c, v, "url", nd->held->url, bad);
	else {
		buf_t a = BUF_INIT;
		if (cited_url(g, &b) < 0 || node_anchor(nd, &a) < 0)
			*bad = 1;
		buf_putc(&b, '#');
		buf_put(&b, a.ptr, a.len);
		put_url(c, v, "url", b.ptr, bad);
		put_s(v, "anchor", a.ptr, bad);
		buf_free(&a);
	}
	put_b(v, "replaced", nd->status == LEGAL_REPLACED, bad);
	put_b(v, "expired", nd->status == LEGAL_EXPIRED, bad);
	put_s(v, "replaced_by", nd->status == LEGAL_REPLACED ? nd->replaced_by : "", bad);
	if (rep)
		put_url(c, v, "replaced_by_url", rep->held->url, bad);
	else
		put_s(v, "replaced_by_url", "", bad);
	buf_reset(&b);
	if (nd->since) {
		value_dt dt;
		memset(&dt, 0, sizeof dt);
		if (sscanf(nd->since, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3 && fmt_date_vi(&b, &dt) < 0)
			*bad = 1;
	}
	put_s(v, "since_vi", b.ptr, bad);
	put_s(v, "legal_source", nd->legal_source, bad);
	if (b.oom)
		*bad = 1;
	buf_free(&b);
	return v;
}

static value *page_ref(render_ctx *c, const page *p, int *bad)
{
	value *v = value_new_table();
	buf_t b = BUF_INIT;

	if (!v) {
		*bad = 1;
		return NULL;
	}
	put_s(v, "title", p->title, bad);
	put_url(c, v, "url", p->url, bad);
	put_s(v, "number", value_get_str(p->cf.fm, "number", ""), bad);
	put_s(v, "kind", value_get_str(p->cf.fm, "kind", ""), bad);
	put_s(v, "issuer", value_get_str(p->cf.fm, "issuer", ""), bad);
	if (p->cf.has_date &&
	    render_date(&b, &p->cf.date, p->cf.precision, render_site_of(c)->cfg.language) < 0)
		*bad = 1;
	put_s(v, "date_vi", b.ptr, bad);
	buf_free(&b);
	return v;
}

/* s (NULL: "") as a JSON string inside a <script> element (value.h). */
static void json_str(buf_t *out, const char *s)
{
	s = s ? s : "";
	json_put_script_string(out, s, strlen(s));
}

/* schema.org Legislation for a document page, as JSON written straight
 * (no value tree: this runs for every document). */
static int jsonld(render_ctx *c, const docs_graph *g, const dpage *dp, const value *pagev, buf_t *out)
{
	const page *p = dp->p;
	const char *issuer = value_get_str(p->cf.fm, "issuer", NULL), *kind = value_get_str(p->cf.fm, "kind", NULL);
	const node *self = dp->self != NONE ? &g->nodes[dp->self] : NULL;
	buf_t b = BUF_INIT;
	size_t k;
	int r;

	buf_puts(out, "{\"@context\":\"https://schema.org\",\"@type\":\"Legislation\",\"name\":");
	json_str(out, p->title);
	buf_puts(out, ",\"url\":");
	json_str(out, value_get_str(pagev, "permalink", ""));
	buf_puts(out, ",\"inLanguage\":");
	json_str(out, render_site_of(c)->cfg.language);
	if (self) {
		buf_puts(out, ",\"legislationIdentifier\":");
		json_str(out, self->display);
	} else {
		buf_puts(out, ",\"creativeWorkStatus\":\"Draft\"");
	}
	if (p->cf.has_date) {
		if (p->cf.precision == DATE_YEAR)
			buf_printf(&b, "%04d", p->cf.date.year);
		else if (p->cf.precision == DATE_MONTH)
			buf_printf(&b, "%04d-%02d", p->cf.date.year, p->cf.date.month);
		else
			buf_printf(&b, "%04d-%02d-%02d", p->cf.date.year, p->cf.date.month, p->cf.date.day);
		buf_puts(out, ",\"legislationDate\":");
		json_str(out, b.ptr);
	}
	if (kind) {
		buf_puts(out, ",\"legislationType\":");
		json_str(out, kind);
	}
	if (issuer) {
		buf_puts(out, ",\"legislationPassedBy\":{\"@type\":\"GovernmentOrganization\",\"name\":");
		json_str(out, issuer);
		buf_putc(out, '}');
	}
	if (self)
		buf_puts(out, self->status == LEGAL_REPLACED || self->status == LEGAL_EXPIRED
				      ? ",\"legislationLegalForce\":\"https://schema.org/NotInForce\""
				      : ",\"legislationLegalForce\":\"https://schema.org/InForce\"");
	if (dp->ncites) {
		buf_puts(out, ",\"citation\":[");
		for (k = 0; k < dp->ncites; k++) {
			const node *nd = &g->nodes[dp->cites[k]];
			buf_puts(out, k ? ",{" : "{");
			buf_puts(out, "\"@type\":\"Legislation\",\"legislationIdentifier\":");
			json_str(out, nd->display ? nd->display : nd->key);
			if (nd->kind) {
				buf_puts(out, ",\"legislationType\":");
				json_str(out, nd->kind);
			}
			if (nd->held) {
				buf_reset(&b);
				buf_puts(&b, render_site_of(c)->cfg.base_url);
				buf_puts(&b, nd->held->url);
				buf_puts(out, ",\"url\":");
				json_str(out, b.ptr);
			}
			buf_putc(out, '}');
		}
		buf_putc(out, ']');
	}
	buf_putc(out, '}');
	r = out->oom || b.oom ? err_oom() : 0;
	buf_free(&b);
	return r;
}

static int year_url(const docs_graph *g, buf_t *b, int year)
{
	buf_reset(b);
	buf_puts(b, g->section ? g->section->url : "/");
	if (year)
		buf_printf(b, "nam/%d/", year);
	else
		buf_puts(b, "nam/");
	return b->oom ? err_oom() : 0;
}

static int section_nav(render_ctx *c, const docs_graph *g, value *pv)
{
	value *nav = value_new_table(), *ys = value_new_array();
	int bad = 0;
	size_t i;
	buf_t b = BUF_INIT;

	if (!nav || !ys) {
		value_free(nav);
		value_free(ys);
		return err_oom();
	}
	for (i = 0; i < g->nyears; i++) {
		value *e = value_new_table();
		put_i(e, "year", g->years[i], &bad);
		put_i(e, "count", (int64_t)g->year_counts[i], &bad);
		if (year_url(g, &b, g->years[i]) < 0)
			bad = 1;
		put_url(c, e, "url", b.ptr, &bad);
		push_v(ys, e, &bad);
	}
	put_v(nav, "years", ys, &bad);
	put_b(nav, "has_years", g->nyears > 0, &bad);
	if (year_url(g, &b, 0) < 0)
		bad = 1;
	put_url(c, nav, "years_url", b.ptr, &bad);
	if (cited_url(g, &b) < 0)
		bad = 1;
	put_url(c, nav, "cited_url", b.ptr, &bad);
	put_i(nav, "cited_count", (int64_t)g->ncited, &bad);
	put_v(pv, "docs_nav", nav, &bad);
	buf_free(&b);
	return bad ? (err_isset() ? -1 : err_oom()) : 0;
}

int docs_extend(render_ctx *c, const page *p, value *pv)
{
	site *s = render_site_of(c);
	docs_graph *g = s->docs;
	dpage *dp;
	const value *content;
	value *d, *cites, *citedby, *reps;
	const node *self;
	buf_t b = BUF_INIT;
	size_t k;
	int bad = 0, n;

	if (!g)
		return 0;
	if (p == g->section)
		return section_nav(c, g, pv);
	dp = find_page(g, p);
	if (!dp)
		return 0;
	self = dp->self != NONE ? &g->nodes[dp->self] : NULL;
	content = value_table_get(pv, "content");
	if (content && content->kind == V_STRING) {
		if (link_body(c, g, dp, content->u.s.ptr, content->u.s.len, &b) < 0)
			goto fail;
		if (value_table_set_strn(pv, "content", b.ptr, b.len) < 0)
			goto fail;
	}
	d = value_new_table();
	cites = value_new_array();
	citedby = value_new_array();
	reps = value_new_array();
	if (!d || !cites || !citedby || !reps) {
		value_free(d);
		value_free(cites);
		value_free(citedby);
		value_free(reps);
		goto oom;
	}
	for (k = 0; k < dp->ncites; k++)
		push_v(cites, node_value(c, g, &g->nodes[dp->cites[k]], &bad), &bad);
	if (self)
		for (k = 0; k < self->ncit; k++)
			push_v(citedby, page_ref(c, g->pages[self->citers[k]].p, &bad), &bad);
	/* what this document replaces */
	for (k = 0; self && k < self->nreps; k++)
		push_v(reps, node_value(c, g, &g->nodes[g->reps[self->reps_at + k]], &bad), &bad);
	put_b(d, "has_cites", dp->ncites > 0, &bad);
	put_v(d, "cites", cites, &bad);
	put_b(d, "has_cited_by", self && self->ncit > 0, &bad);
	put_v(d, "cited_by", citedby, &bad);
	put_b(d, "has_replaces", value_len(reps) > 0, &bad);
	put_v(d, "replaces", reps, &bad);
	put_b(d, "citable", self != NULL, &bad);
	/* the date as the paper writes it, its blanks kept (Decree 30/2020) */
	if (p->cf.has_date && strcmp(s->cfg.language, "vi") == 0) {
		buf_reset(&b);
		if (p->cf.precision == DATE_DAY) {
			if (fmt_date_vi_long(&b, &p->cf.date) < 0)
				bad = 1;
		} else if (p->cf.precision == DATE_MONTH) {
			buf_printf(&b, "ngày " BLANK " tháng %s%d năm %d", p->cf.date.month <= 2 ? "0" : "",
				   p->cf.date.month, p->cf.date.year);
		} else {
			buf_printf(&b, "ngày " BLANK " tháng " BLANK " năm %d", p->cf.date.year);
		}
		put_s(d, "date_paper", b.ptr, &bad);
	}
	if (self && (self->status == LEGAL_REPLACED || self->status == LEGAL_EXPIRED))
		put_v(d, "legal", node_value(c, g, self, &bad), &bad);
	buf_reset(&b);
	if (jsonld(c, g, dp, pv, &b) < 0)
		goto fail_d;
	put_s(d, "jsonld", b.ptr, &bad);
	if (p->cf.has_date) {
		put_i(d, "year", p->cf.date.year, &bad);
		if (year_url(g, &b, p->cf.date.year) < 0)
			bad = 1;
		put_url(c, d, "year_url", b.ptr, &bad);
	}
	if (cited_url(g, &b) < 0)
		bad = 1;
	put_url(c, d, "cited_url", b.ptr, &bad);
	n = dp->tasks;
	if (n > 0) {
		buf_reset(&b);
		buf_printf(&b, "%snhiem-vu/", p->url);
		put_url(c, d, "tasks_url", b.ptr, &bad);
		put_i(d, "tasks_count", n, &bad);
	}
	put_v(pv, "docs", d, &bad);
	buf_free(&b);
	if (bad)
		return err_isset() ? -1 : err_oom();
	return 0;
fail_d:
	value_free(d);
fail:
	buf_free(&b);
	return -1;
oom:
	buf_free(&b);
	return err_oom();
}

/* ---- generated pages ---- */

static int write_page(render_ctx *c, const page *sec, const char *url, const char *title, const char *layout,
		      value *fields, value *crumbs)
{
	render_page rp;
	const char *layouts[1];

	layouts[0] = layout;
	memset(&rp, 0, sizeof rp);
	rp.url = url;
	rp.title = title;
	rp.layouts = layouts;
	rp.nlayouts = 1;
	rp.origin = sec->has_file ? sec->cf.path : "content"; /* the section's _index.md */
	rp.fields = fields;
	rp.crumbs = crumbs;
	return render_page_out(c, &rp);
}

static value *crumbs_to(const page *sec, const char *title, const char *url, int *bad)
{
	value *a = value_new_array(), *e;

	if (!a) {
		*bad = 1;
		return NULL;
	}
	if (sec->kind != PAGE_HOME) { /* home is always the first crumb */
		e = value_new_table();
		put_s(e, "title", sec->title, bad);
		put_s(e, "url", sec->url, bad);
		push_v(a, e, bad);
	}
	if (title) {
		e = value_new_table();
		put_s(e, "title", title, bad);
		put_s(e, "url", url, bad);
		push_v(a, e, bad);
	}
	return a;
}

static int node_cmp(const void *pa, const void *pb)
{
	const node *a = *(const node *const *)pa, *b = *(const node *const *)pb;
	int c = strcmp(a->kind ? a->kind : "~", b->kind ? b->kind : "~");

	if (c)
		return c;
	if (a->dyear != b->dyear)
		return a->dyear > b->dyear ? -1 : 1;
	if (a->month != b->month)
		return a->month > b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day > b->day ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* What the last render of /van-ban/da-dan-chieu/ showed (generators run
 * on one thread at a time): the graph and cited_hash(). */
static struct {
	const docs_graph *g;
	uint64_t hash;
} cited_last;

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
	return s ? hash_bytes(h, s, strlen(s) + 1) : hash_bytes(h, "\xff", 1);
}

/* A hash of everything /van-ban/da-dan-chieu/ shows that an incremental
 * render can change: the cited documents not held, their fields and
 * their citers (the citers' titles and URLs come from front matter, which
 * an incremental render never changes). */
static uint64_t cited_hash(const docs_graph *g)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < g->nnodes; i++) {
		const node *nd = &g->nodes[i];
		int nums[5];
		if (nd->held || nd->ncit == 0)
			continue;
		nums[0] = nd->year;
		nums[1] = nd->day;
		nums[2] = nd->month;
		nums[3] = nd->dyear;
		nums[4] = nd->status;
		h = hash_bytes(h, &i, sizeof i);
		h = hash_str(h, nd->key);
		h = hash_bytes(h, nums, sizeof nums);
		h = hash_str(h, nd->display);
		h = hash_str(h, nd->kind);
		h = hash_str(h, nd->replaced_by);
		h = hash_str(h, nd->since);
		h = hash_str(h, nd->title);
		h = hash_str(h, nd->legal_source);
		h = hash_bytes(h, &nd->rep, sizeof nd->rep);
		h = hash_bytes(h, &nd->ncit, sizeof nd->ncit);
		h = hash_bytes(h, nd->citers, nd->ncit * sizeof *nd->citers);
	}
	return h;
}

static int gen_cited(render_ctx *c, docs_graph *g)
{
	value *fields, *items, *crumbs;
	const node **idx;
	size_t n = 0, i, k;
	buf_t url = BUF_INIT, b = BUF_INIT;
	int bad = 0, r;
	uint64_t h = cited_hash(g);

	/* an incremental render (serve) writes the page only when what it
	 * shows changed: on a big site it lists thousands of documents */
	if (render_incremental(c, NULL, NULL) && cited_last.g == g && cited_last.hash == h)
		return 0;
	fields = value_new_table();
	items = value_new_array();
	idx = malloc((g->nnodes ? g->nnodes : 1) * sizeof *idx);
	if (!fields || !items || !idx) {
		value_free(fields);
		value_free(items);
		free(idx);
		return err_oom();
	}
	for (i = 0; i < g->nnodes; i++)
		if (!g->nodes[i].held && g->nodes[i].ncit > 0)
			idx[n++] = &g->nodes[i];
	if (n > 1)
		qsort(idx, n, sizeof *idx, node_cmp);
	for (i = 0; i < n && !bad; i++) {
		const node *nd = idx[i];
		value *e = node_value(c, g, nd, &bad), *by = value_new_array();
		for (k = 0; by && k < nd->ncit; k++)
			push_v(by, page_ref(c, g->pages[nd->citers[k]].p, &bad), &bad);
		if (e)
			put_v(e, "cited_by", by, &bad);
		else
			value_free(by);
		push_v(items, e, &bad);
	}
	put_v(fields, "items", items, &bad);
	put_i(fields, "count", (int64_t)n, &bad);
	put_b(fields, "has_items", n > 0, &bad);
	crumbs = crumbs_to(g->section, NULL, NULL, &bad);
	free(idx);
	if (bad || cited_url(g, &url) < 0) {
		value_free(fields);
		value_free(crumbs);
		buf_free(&url);
		return err_isset() ? -1 : err_oom();
	}
	r = write_page(c, g->section, url.ptr, tr(c, "docs_cited_title"), "layouts/van-ban/cited", fields, crumbs);
	if (r == 0) {
		cited_last.g = g;
		cited_last.hash = h;
	}
	buf_free(&url);
	buf_free(&b);
	return r;
}

static value *doc_item(render_ctx *c, const page *p, int *bad)
{
	value *v = page_ref(c, p, bad);
	buf_t b = BUF_INIT;

	if (!v)
		return NULL;
	if (p->cf.has_date) {
		if (p->cf.precision == DATE_YEAR)
			buf_printf(&b, "%04d", p->cf.date.year);
		else if (p->cf.precision == DATE_MONTH)
			buf_printf(&b, "%04d-%02d", p->cf.date.year, p->cf.date.month);
		else
			buf_printf(&b, "%04d-%02d-%02d", p->cf.date.year, p->cf.date.month, p->cf.date.day);
	}
	put_s(v, "date", b.ptr, bad);
	put_v(v, "params", value_copy(p->cf.fm), bad);
	if (b.oom)
		*bad = 1;
	buf_free(&b);
	return v;
}

static int gen_years(render_ctx *c, docs_graph *g)
{
	const int *years = g->years;
	const size_t *counts = g->year_counts, ny = g->nyears;
	int bad = 0, r = -1;
	size_t i, k, j;
	value *fields = NULL, *list = NULL;
	buf_t url = BUF_INIT, title = BUF_INIT, idx = BUF_INIT;
	const page *sec = g->section;

	if (year_url(g, &idx, 0) < 0)
		goto done;
	/* one page per year: the documents in the section's order */
	for (i = 0; i < ny; i++) {
		fields = value_new_table();
		list = value_new_array();
		if (!fields || !list)
			goto oom;
		for (k = 0; k < sec->npages; k++)
			if (sec->pages[k]->cf.has_date && sec->pages[k]->cf.date.year == years[i] &&
			    find_page(g, sec->pages[k]))
				push_v(list, doc_item(c, sec->pages[k], &bad), &bad);
		/* documents in subsections, after */
		for (j = 0; j < g->npages; j++)
			if (g->pages[j].p->parent != sec && g->pages[j].p->cf.has_date &&
			    g->pages[j].p->cf.date.year == years[i])
				push_v(list, doc_item(c, g->pages[j].p, &bad), &bad);
		put_i(fields, "year", years[i], &bad);
		put_b(fields, "has_pages", value_len(list) > 0, &bad);
		put_v(fields, "pages", list, &bad);
		list = NULL;
		if (year_url(g, &url, years[i]) < 0)
			goto done;
		buf_reset(&title);
		buf_printf(&title, "%s %d", tr(c, "docs_year_title"), years[i]);
		if (bad || title.oom)
			goto oom;
		if (write_page(c, sec, url.ptr, title.ptr, "layouts/van-ban/year", fields,
			       crumbs_to(sec, tr(c, "docs_years_title"), idx.ptr, &bad)) < 0) {
			fields = NULL;
			goto done;
		}
		fields = NULL;
		if (bad)
			goto oom;
	}
	/* the index of years */
	fields = value_new_table();
	list = value_new_array();
	if (!fields || !list)
		goto oom;
	for (i = 0; i < ny; i++) {
		value *e = value_new_table();
		put_i(e, "year", years[i], &bad);
		put_i(e, "count", (int64_t)counts[i], &bad);
		if (year_url(g, &url, years[i]) < 0)
			goto done;
		put_url(c, e, "url", url.ptr, &bad);
		push_v(list, e, &bad);
	}
	put_b(fields, "has_years", ny > 0, &bad);
	put_v(fields, "years", list, &bad);
	list = NULL;
	if (bad)
		goto oom;
	r = write_page(c, sec, idx.ptr, tr(c, "docs_years_title"), "layouts/van-ban/years", fields,
		       crumbs_to(sec, NULL, NULL, &bad));
	fields = NULL;
	if (r == 0 && bad)
		r = err_oom();
	goto done;
oom:
	if (!err_isset())
		err_oom();
done:
	value_free(fields);
	value_free(list);
	buf_free(&url);
	buf_free(&title);
	buf_free(&idx);
	return r;
}

int docs_generate(render_ctx *c)
{
	docs_graph *g = render_site_of(c)->docs;

	if (!g || !g->section)
		return 0;
	/* the cited documents depend on page text; the years on front matter */
	if (gen_cited(c, g) < 0)
		return -1;
	if (render_incremental(c, NULL, NULL))
		return 0;
	return gen_years(c, g);
}
