#include "history.h"

#include "buf.h"
#include "err.h"
#include "fs.h"

#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define NONE ((size_t)-1)
#define TOMB ((size_t)-1) /* a deleted slot of the path map */
#define TREE_SLOTS 256    /* trees kept between commits (see tree_get) */
#define BASE_BYTES ((size_t)32 << 20) /* delta bases kept: their bytes (see pack_read) */
#define PIECE_NEW UINT32_MAX

struct history {
	int available;
	char *why;
	history_commit *commits;
	size_t ncommits, capcommits;
	history_change *changes;
	size_t nchanges, capchanges;
	history_file *files;
	size_t nfiles, capfiles;
	/* current path -> file: open addressing, slot = file index + 1,
	 * 0 empty, TOMB deleted */
	size_t *slots;
	size_t nslots, nused, nlive;
	size_t ndirty;
	size_t walked;
	history_stats stats;
	double seconds;
	history_settings set;
};

/* ---- settings ---- */

static const char *const setting_keys[] = {
	"enabled", "authors", "author_name", "author_email", "recent", "publish_branch", "cache", NULL
};

int history_settings_get(history_settings *out, const config *cfg)
{
	const value *t = cfg && cfg->raw ? value_table_get(cfg->raw, "history") : NULL;
	const char *path = cfg && cfg->path ? cfg->path : "site.toml";
	size_t i;

	memset(out, 0, sizeof *out);
	out->enabled = 1;
	out->cache = 1;
	out->recent = 50;
	out->branch = "site";
	if (!t)
		return 0;
	if (t->kind != V_TABLE)
		return err_set(path, t->line, t->col, "[history] must be a table");
	for (i = 0; i < t->u.t.len; i++) {
		const char *k = t->u.t.keys[i];
		const value *v = t->u.t.vals[i];
		const char *const *known;

		for (known = setting_keys; *known; known++)
			if (strcmp(*known, k) == 0)
				break;
		if (!*known) {
			warn_add(path, v->line, v->col, "unknown setting [history] %s (known: enabled, authors, "
				 "author_name, author_email, recent, publish_branch, cache)", k);
			continue;
		}
		if (strcmp(k, "enabled") == 0 || strcmp(k, "authors") == 0 || strcmp(k, "cache") == 0) {
			if (v->kind != V_BOOL)
				return err_set(path, v->line, v->col, "[history] %s must be true or false", k);
			if (k[0] == 'e')
				out->enabled = v->u.b;
			else if (k[0] == 'a')
				out->authors = v->u.b;
			else
				out->cache = v->u.b;
		} else if (strcmp(k, "recent") == 0) {
			if (v->kind != V_INT || v->u.i < 1 || v->u.i > 10000)
				return err_set(path, v->line, v->col, "[history] recent must be a whole number from 1 to 10000");
			out->recent = v->u.i;
		} else {
			if (v->kind != V_STRING || v->u.s.len == 0 || memchr(v->u.s.ptr, '\n', v->u.s.len) ||
			    memchr(v->u.s.ptr, '<', v->u.s.len) || memchr(v->u.s.ptr, '>', v->u.s.len))
				return err_set(path, v->line, v->col,
					       "[history] %s must be a non-empty string in quotes, on one line, without < or >", k);
			if (strcmp(k, "author_name") == 0)
				out->author_name = v->u.s.ptr;
			else if (strcmp(k, "author_email") == 0)
				out->author_email = v->u.s.ptr;
			else
				out->branch = v->u.s.ptr;
		}
	}
	return 0;
}

/* ---- the model ---- */

static size_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 29));
}

/* The slot holding path, or NONE. */
static size_t map_slot(const history *h, const char *path)
{
	size_t mask = h->nslots - 1, i;

	if (!h->nslots)
		return NONE;
	for (i = hash_str(path) & mask;; i = (i + 1) & mask) {
		size_t v = h->slots[i];
		if (v == 0)
			return NONE;
		if (v != TOMB && strcmp(h->files[v - 1].path, path) == 0)
			return i;
	}
}

static size_t map_get(const history *h, const char *path)
{
	size_t s = map_slot(h, path);
	return s == NONE ? NONE : h->slots[s] - 1;
}

static void map_del(history *h, const char *path)
{
	size_t s = map_slot(h, path);

	if (s != NONE) {
		h->slots[s] = TOMB;
		h->nlive--;
	}
}

static void map_place(size_t *slots, size_t n, const char *path, size_t v)
{
	size_t i;

	for (i = hash_str(path) & (n - 1); slots[i]; i = (i + 1) & (n - 1))
		;
	slots[i] = v;
}

/* Maps files[idx].path (not present yet) to idx. */
static int map_put(history *h, size_t idx)
{
	if ((h->nused + 1) * 4 > h->nslots * 3) {
		size_t n = h->nslots ? h->nslots : 1024, i, *slots;
		while ((h->nlive + 1) * 2 > n)
			n *= 2;
		slots = calloc(n, sizeof *slots);
		if (!slots)
			return err_oom();
		for (i = 0; i < h->nslots; i++)
			if (h->slots[i] && h->slots[i] != TOMB)
				map_place(slots, n, h->files[h->slots[i] - 1].path, h->slots[i]);
		free(h->slots);
		h->slots = slots;
		h->nslots = n;
		h->nused = h->nlive;
	}
	map_place(h->slots, h->nslots, h->files[idx].path, idx + 1);
	h->nused++;
	h->nlive++;
	return 0;
}

/* A new file record; path (may be NULL) is copied and mapped. NONE when
 * out of memory. */
static size_t new_file(history *h, const char *path)
{
	history_file *f;

	if (h->nfiles == h->capfiles) {
		size_t cap = h->capfiles ? h->capfiles * 2 : 256;
		history_file *n = realloc(h->files, cap * sizeof *n);
		if (!n) {
			err_oom();
			return NONE;
		}
		h->files = n;
		h->capfiles = cap;
	}
	f = &h->files[h->nfiles];
	memset(f, 0, sizeof *f);
	if (path) {
		f->path = strdup(path);
		if (!f->path) {
			err_oom();
			return NONE;
		}
	}
	h->nfiles++;
	if (path && map_put(h, h->nfiles - 1) < 0) {
		free(f->path);
		h->nfiles--;
		return NONE;
	}
	return h->nfiles - 1;
}

/* Forgets the file's current path (deleted, or renamed away). */
static void file_unpath(history *h, size_t idx)
{
	if (idx == NONE || !h->files[idx].path)
		return;
	map_del(h, h->files[idx].path);
	free(h->files[idx].path);
	h->files[idx].path = NULL;
}

static int file_set_path(history *h, size_t idx, const char *path)
{
	size_t other = map_get(h, path);

	if (other != NONE && other != idx)
		file_unpath(h, other);
	file_unpath(h, idx);
	h->files[idx].path = strdup(path);
	if (!h->files[idx].path)
		return err_oom();
	return map_put(h, idx);
}

static int file_add_commit(history *h, size_t idx, size_t ci)
{
	history_file *f = &h->files[idx];

	if (f->ncommits && f->commits[f->ncommits - 1] == ci)
		return 0;
	if (f->ncommits == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 4;
		size_t *n = realloc(f->commits, cap * sizeof *n);
		if (!n)
			return err_oom();
		f->commits = n;
		f->cap = cap;
	}
	f->commits[f->ncommits++] = ci;
	return 0;
}

static int push_change(history *h, history_status st, const char *path, const char *old, size_t file)
{
	history_change *c;

	if (h->nchanges == h->capchanges) {
		size_t cap = h->capchanges ? h->capchanges * 2 : 256;
		history_change *n = realloc(h->changes, cap * sizeof *n);
		if (!n)
			return err_oom();
		h->changes = n;
		h->capchanges = cap;
	}
	c = &h->changes[h->nchanges];
	c->status = st;
	c->file = file;
	c->path = strdup(path);
	c->old_path = old ? strdup(old) : NULL;
	if (!c->path || (old && !c->old_path)) {
		free(c->path);
		free(c->old_path);
		return err_oom();
	}
	h->nchanges++;
	h->commits[h->ncommits - 1].nchanges++;
	return file_add_commit(h, file, h->ncommits - 1);
}

static int push_commit(history *h, const git_commit *c)
{
	history_commit *hc;
	const git_signature *a = git_commit_author(c);
	const char *sum = git_commit_summary((git_commit *)c);

	if (h->ncommits == h->capcommits) {
		size_t cap = h->capcommits ? h->capcommits * 2 : 64;
		history_commit *n = realloc(h->commits, cap * sizeof *n);
		if (!n)
			return err_oom();
		h->commits = n;
		h->capcommits = cap;
	}
	hc = &h->commits[h->ncommits];
	memset(hc, 0, sizeof *hc);
	git_oid_tostr(hc->id, sizeof hc->id, git_commit_id(c));
	hc->time = (int64_t)git_commit_time(c);
	hc->author = strdup(a && a->name ? a->name : "");
	hc->summary = strdup(sum ? sum : "");
	if (!hc->author || !hc->summary) {
		free(hc->author);
		free(hc->summary);
		return err_oom();
	}
	hc->first_change = h->nchanges;
	h->ncommits++;
	return 0;
}

/* ---- the walk ---- */

typedef struct {
	char kind;       /* 'A' added, 'D' deleted, 'M' modified */
	int dropped;     /* a merge brought it from another parent */
	size_t pair;     /* D: the A it was renamed to; A: the D it came from; or NONE */
	size_t file;     /* D: its file record, found before the map changes */
	git_oid id;      /* the blob (A, M: new; D: old) */
	unsigned mode;   /* its mode in the tree */
	char *path;      /* relative to the site folder */
} pend;

/* Bytes [pos, pos + len) of a tree made from a delta: copied from the
 * delta's base at src, or PIECE_NEW (written by the delta). */
typedef struct {
	uint32_t pos, len, src;
} piece;

/* Bytes [pos, pos + len) of a tree made from a delta, kept at src. */
typedef struct {
	uint32_t pos, len;
	const unsigned char *src;
} span;

/* A tree object as read from the object store, with the offsets of its
 * entries ("<mode> <name>\0<20-byte id>", in git's order). Shared by
 * reference count between the caches and the comparison using it.
 * A tree made from a delta is not copied out: its bytes are spans of its
 * base's and of the delta's (data NULL until rtree_flatten()). */
typedef struct rtree {
	git_odb_object *obj;   /* read through libgit2, or NULL */
	const unsigned char *data; /* the bytes, or NULL: spans */
	size_t len;
	unsigned char *own;    /* data when read from a pack (pack_read), */
	size_t owncap;         /*   in a buffer of this many bytes */
	span *spans;           /* data NULL: where the bytes are, in order */
	size_t nspans;
	struct rtree *base_t;  /* a delta: the base its spans point into */
	unsigned char *delta;  /*   and the delta (the other spans) */
	unsigned char *scratch; /* an entry that crosses spans, put together */
	size_t scratchcap;
	uint32_t *offs;        /* entry starts; NULL until known */
	size_t n;
	int refs;
	int kids;              /* of them, trees made from this one (base_t) */
	int pack;              /* the pack it was read from (walker.packs), or -1 */
	uint64_t off;          /* its offset there */
	struct rtree *newer, *older; /* in walker.bases: the list */
	uint64_t base;         /* a delta: its base's offset in that pack, else 0 */
	piece *pieces;         /* a delta: how it was made from its base, in order */
	size_t npieces;
} rtree;

/* A pack file and its index, mapped read-only (index version 2). */
typedef struct {
	unsigned char *idx, *pack;
	size_t idxlen, packlen;
	uint32_t n;            /* objects */
	size_t n64;            /* entries of the index's table of large offsets */
} pack_file;

typedef struct {
	unsigned mode;         /* 040000 a tree, 0160000 a submodule, else a file */
	const char *name;
	size_t nlen;
	const unsigned char *id; /* 20 bytes */
	size_t end;            /* the offset after the entry */
} rentry;

typedef struct {
	git_repository *repo;
	git_odb *odb;
	history *h;
	const char *prefix;   /* the site folder below the work tree: "" or "sub/" */
	size_t prefixlen;
	struct {
		git_oid id;
		rtree *t;
	} cache[TREE_SLOTS];
	pend *items;
	size_t nitems, capitems;
	buf_t path;           /* the folder being compared, "content/van-ban/" */
	int bad;              /* a malformed tree was met (libgit2-style failure) */
	pack_file *packs;     /* the repository's packs (pack_read) */
	size_t npacks;
	rtree **bases;        /* trees read from packs, kept as delta bases: a
	                         hash table by offset (linear probing), */
	size_t nbslots, nbases, basebytes;
	rtree *newest, *oldest; /* and a list, the most recently used first */
	z_stream z;
	int zready;
	size_t nread, npacked, nguided; /* trees read, of them from packs, compared by pieces */
	git_odb_backend *mempack; /* the small trees of find_renames() */
	struct {
		unsigned char *p;
		size_t cap;
	} spare[16];          /* buffers of freed trees, for the next ones */
	size_t nspare;
} walker;

/* A buffer of at least n bytes for a tree read from a pack (*cap set), from
 * the spare ones when one is large enough; NULL when out of memory (error
 * slot set). */
static unsigned char *buffer_get(walker *w, size_t n, size_t *cap)
{
	size_t i, best = NONE;
	unsigned char *p;

	for (i = 0; i < w->nspare; i++) /* the smallest large enough */
		if (w->spare[i].cap >= n && (best == NONE || w->spare[i].cap < w->spare[best].cap))
			best = i;
	if (best != NONE) {
		p = w->spare[best].p;
		*cap = w->spare[best].cap;
		w->spare[best] = w->spare[--w->nspare];
		return p;
	}
	/* with room to grow: a folder's tree grows a little from commit to commit */
	if (n < SIZE_MAX / 2)
		n = (n + n / 16 + 4095) & ~(size_t)4095;
	p = malloc(n);
	if (!p)
		err_oom();
	*cap = n;
	return p;
}

static void buffer_put(walker *w, unsigned char *p, size_t cap)
{
	size_t i, small = 0;

	if (!p)
		return;
	if (w->nspare < sizeof w->spare / sizeof *w->spare) {
		w->spare[w->nspare].p = p;
		w->spare[w->nspare++].cap = cap;
		return;
	}
	for (i = 1; i < w->nspare; i++) /* keep the larger ones */
		if (w->spare[i].cap < w->spare[small].cap)
			small = i;
	if (w->spare[small].cap < cap) {
		free(w->spare[small].p);
		w->spare[small].p = p;
		w->spare[small].cap = cap;
	} else {
		free(p);
	}
}

/* Drops a reference to t; a chain of deltas is released in a loop. */
static void rtree_put(walker *w, rtree *t)
{
	while (t && --t->refs == 0) {
		rtree *base = t->base_t;
		if (base)
			base->kids--;
		git_odb_object_free(t->obj);
		buffer_put(w, t->own, t->owncap);
		free(t->spans);
		free(t->delta);
		free(t->scratch);
		free(t->offs);
		free(t->pieces);
		free(t);
		t = base;
	}
	if (t && t->refs == t->kids) {
		/* kept only for the trees made from it, which point into its
		 * bytes (own, delta, base_t's) and need nothing else: no cache
		 * holds it, it cannot be looked up again */
		free(t->spans);
		t->spans = NULL;
		t->nspans = 0;
		free(t->scratch);
		t->scratch = NULL;
		t->scratchcap = 0;
		free(t->offs);
		t->offs = NULL;
		free(t->pieces);
		t->pieces = NULL;
		t->npieces = 0;
	}
}

/* Copies a tree made of spans into one buffer (data set). 0 / -1. */
static int rtree_flatten(walker *w, rtree *t)
{
	unsigned char *b;
	size_t cap, i;

	if (t->data)
		return 0;
	b = buffer_get(w, t->len + 1, &cap);
	if (!b)
		return -1;
	for (i = 0; i < t->nspans; i++)
		memcpy(b + t->spans[i].pos, t->spans[i].src, t->spans[i].len);
	b[t->len] = 0;
	t->own = b;
	t->owncap = cap;
	t->data = b;
	/* trees made from this one may point into its delta and its base's
	 * bytes: those stay until it goes */
	free(t->spans);
	t->spans = NULL;
	t->nspans = 0;
	return 0;
}

/* Parses the entry "<mode> <name>\0<20-byte id>" at p, n bytes long at
 * most: 1 (e set, e->end its length), 0 cut off by n, -1 malformed. */
static int rentry_parse(const unsigned char *p, size_t n, rentry *e)
{
	const unsigned char *s = p, *end = p + n, *z;
	unsigned mode = 0;

	while (s < end && *s >= '0' && *s <= '7')
		mode = mode * 8 + (unsigned)(*s++ - '0');
	if (s >= end)
		return 0;
	if (*s != ' ' || s == p)
		return -1;
	s++;
	z = memchr(s, '\0', (size_t)(end - s));
	if (!z || (size_t)(end - z) < 21)
		return 0;
	if (z == s)
		return -1;
	e->mode = mode;
	e->name = (const char *)s;
	e->nlen = (size_t)(z - s);
	e->id = z + 1;
	e->end = (size_t)(z + 21 - p);
	return 1;
}

/* Parses the entry at off: 1, 0 at the end, -1 malformed. e points into
 * t (an entry crossing spans into its scratch buffer, valid until the
 * next call on t). */
static int rentry_at(rtree *t, size_t off, rentry *e)
{
	size_t lo = 0, hi = t->nspans, got = 0, k;
	int r;

	if (off >= t->len)
		return 0;
	if (t->data) {
		r = rentry_parse(t->data + off, t->len - off, e);
		e->end += off;
		return r == 1 ? 1 : -1;
	}
	while (lo < hi) { /* the span holding off */
		size_t mid = lo + (hi - lo) / 2;
		if (t->spans[mid].pos <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	k = lo - 1;
	r = rentry_parse(t->spans[k].src + (off - t->spans[k].pos), t->spans[k].pos + t->spans[k].len - off, e);
	if (r == 0) {
		/* across spans: put it together, a little at a time */
		size_t at = off;
		do {
			size_t in = at - t->spans[k].pos, n = t->spans[k].len - in;
			if (n > 256)
				n = 256;
			if (got + n > t->scratchcap) {
				size_t c = t->scratchcap ? t->scratchcap * 2 : 512;
				unsigned char *b = realloc(t->scratch, c);
				if (!b)
					return err_oom();
				t->scratch = b;
				t->scratchcap = c;
			}
			memcpy(t->scratch + got, t->spans[k].src + in, n);
			got += n;
			at += n;
			if (at == (size_t)t->spans[k].pos + t->spans[k].len)
				k++;
			r = rentry_parse(t->scratch, got, e);
		} while (r == 0 && at < t->len);
	}
	if (r != 1)
		return -1;
	e->end += off;
	return 1;
}

static int rentry_is_tree(const rentry *e)
{
	return e->mode == 040000;
}

/* git's order: names compared as if a tree's had a '/' at its end. */
static int rentry_cmp(const rentry *a, const rentry *b)
{
	size_t n = a->nlen < b->nlen ? a->nlen : b->nlen;
	int c = memcmp(a->name, b->name, n);
	unsigned ca, cb;

	if (c)
		return c;
	ca = a->nlen > n ? (unsigned char)a->name[n] : rentry_is_tree(a) ? '/' : 0;
	cb = b->nlen > n ? (unsigned char)b->name[n] : rentry_is_tree(b) ? '/' : 0;
	return ca < cb ? -1 : ca > cb;
}

static int offs_push(uint32_t **offs, size_t *n, size_t *cap, size_t v)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		uint32_t *p = realloc(*offs, c * sizeof *p);
		if (!p)
			return err_oom();
		*offs = p;
		*cap = c;
	}
	(*offs)[(*n)++] = (uint32_t)v;
	return 0;
}

/* Finds every entry start of t by reading it through. 0 / -1. */
static int rtree_scan(walker *w, rtree *t)
{
	size_t off = 0, cap = 0, n = 0;
	uint32_t *offs = NULL;
	rentry e;
	int r;

	if (rtree_flatten(w, t) < 0)
		return -1;
	while ((r = rentry_at(t, off, &e)) == 1) {
		if (offs_push(&offs, &n, &cap, off) < 0) {
			free(offs);
			return -1;
		}
		off = e.end;
	}
	if (r < 0) {
		free(offs);
		w->bad = 1;
		return -1;
	}
	t->offs = offs ? offs : malloc(sizeof *offs);
	if (!t->offs)
		return err_oom();
	t->n = n;
	return 0;
}

/* ---- packed trees ----
 * libgit2 rebuilds a deltified object from its delta chain on each read and
 * keeps few of the bases, so reading every version of a folder of 10,000
 * files costs a chain walk and several copies of 400 KB per commit. The
 * walk reads tree objects straight from the pack files instead (mapped
 * read-only): each delta is applied once, to a base kept from an earlier
 * read (walker.bases, by pack offset; usually the parent commit's tree).
 * The result is not copied out: its bytes are spans of the base's bytes
 * and of the delta (rtree_flatten() copies them when a comparison needs
 * one buffer), and it remembers which of its bytes the delta copied from
 * where in the base (pieces). When one of two trees being compared is a
 * delta of the other, diff_trees() skips the copied runs without reading
 * them. What this reader does not find or understand (loose objects,
 * alternates, an index version other than 2, a malformed pack) is read
 * through libgit2, which also reports the real errors. Like libgit2 with
 * strict hash verification off, it trusts the ids of the index. */

static void packs_free(walker *w)
{
	size_t i;

	for (i = 0; i < w->npacks; i++) {
		munmap(w->packs[i].idx, w->packs[i].idxlen);
		munmap(w->packs[i].pack, w->packs[i].packlen);
	}
	free(w->packs);
	w->packs = NULL;
	w->npacks = 0;
	while (w->newest) {
		rtree *t = w->newest;
		w->newest = t->older;
		rtree_put(w, t);
	}
	free(w->bases);
	w->bases = NULL;
	w->oldest = NULL;
	w->nbslots = w->nbases = w->basebytes = 0;
	if (w->zready)
		inflateEnd(&w->z);
	w->zready = 0;
	for (i = 0; i < w->nspare; i++)
		free(w->spare[i].p);
	w->nspare = 0;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Maps path read-only: 0, or -1 (no message: the pack is left to libgit2). */
static int map_file(const char *path, unsigned char **out, size_t *len)
{
	struct stat st;
	void *m;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > (uint64_t)SIZE_MAX) {
		close(fd);
		return -1;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	*out = m;
	*len = (size_t)st.st_size;
	return 0;
}

/* Maps the pack of the index at path (".../pack-x.idx") when both look
 * right: 1 added, 0 skipped, -1 out of memory. */
static int pack_add(walker *w, const char *path)
{
	pack_file p;
	buf_t pp = BUF_INIT;
	size_t min, i;
	pack_file *n;

	memset(&p, 0, sizeof p);
	if (map_file(path, &p.idx, &p.idxlen) < 0)
		return 0;
	buf_put(&pp, path, strlen(path) - 4);
	buf_puts(&pp, ".pack");
	if (pp.oom) {
		munmap(p.idx, p.idxlen);
		return err_oom();
	}
	if (p.idxlen < 8 + 1024 + 40 || memcmp(p.idx, "\377tOc", 4) != 0 || be32(p.idx + 4) != 2)
		goto skip;
	p.n = be32(p.idx + 8 + 255 * 4);
	for (i = 1; i < 256; i++)
		if (be32(p.idx + 8 + (i - 1) * 4) > be32(p.idx + 8 + i * 4))
			goto skip;
	min = 8 + 1024 + (size_t)p.n * 28 + 40;
	if (p.idxlen < min || (p.idxlen - min) % 8 != 0)
		goto skip;
	p.n64 = (p.idxlen - min) / 8;
	if (map_file(pp.ptr, &p.pack, &p.packlen) < 0)
		goto skip;
	if (p.packlen < 12 + 20 || memcmp(p.pack, "PACK", 4) != 0 ||
	    (be32(p.pack + 4) != 2 && be32(p.pack + 4) != 3) || be32(p.pack + 8) != p.n) {
		munmap(p.pack, p.packlen);
		goto skip;
	}
	buf_free(&pp);
	n = realloc(w->packs, (w->npacks + 1) * sizeof *n);
	if (!n) {
		munmap(p.idx, p.idxlen);
		munmap(p.pack, p.packlen);
		return err_oom();
	}
	w->packs = n;
	w->packs[w->npacks++] = p;
	return 1;
skip:
	munmap(p.idx, p.idxlen);
	buf_free(&pp);
	return 0;
}

/* Maps the packs of the repository's object store. 0, or -1 out of memory;
 * an unreadable folder or pack is left to libgit2. */
static int packs_open(walker *w)
{
	buf_t dir = BUF_INIT, path = BUF_INIT;
	fs_list l = { NULL, 0 };
	size_t i;
	int r = 0;

	buf_puts(&dir, git_repository_commondir(w->repo));
	if (dir.len && dir.ptr[dir.len - 1] != '/')
		buf_putc(&dir, '/');
	buf_puts(&dir, "objects/pack");
	if (dir.oom) {
		buf_free(&dir);
		return err_oom();
	}
	if (fs_list_dir(dir.ptr, &l) < 0) {
		err_clear();
		buf_free(&dir);
		return 0;
	}
	for (i = 0; i < l.len && r >= 0; i++) {
		size_t n = strlen(l.names[i]);
		if (n < 5 || strcmp(l.names[i] + n - 4, ".idx") != 0)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir.ptr, l.names[i]);
		r = path.oom ? err_oom() : pack_add(w, path.ptr);
	}
	fs_list_free(&l);
	buf_free(&dir);
	buf_free(&path);
	return r < 0 ? -1 : 0;
}

/* The offset of object i of p: 0, or -1 when the index is wrong. */
static int pack_offset(const pack_file *p, uint32_t i, uint64_t *out)
{
	const unsigned char *o32 = p->idx + 8 + 1024 + (size_t)p->n * 24;
	uint32_t v = be32(o32 + (size_t)i * 4);
	uint64_t off = v;

	if (v & 0x80000000u) {
		const unsigned char *o64 = o32 + (size_t)p->n * 4;
		v &= 0x7fffffffu;
		if (v >= p->n64)
			return -1;
		off = (uint64_t)be32(o64 + (size_t)v * 8) << 32 | be32(o64 + (size_t)v * 8 + 4);
	}
	if (off < 12 || off >= p->packlen - 20)
		return -1;
	*out = off;
	return 0;
}

/* Finds id (20 bytes) in p's index: 1 found (*off set), 0 not, -1 wrong index. */
static int pack_find(const pack_file *p, const unsigned char *id, uint64_t *off)
{
	const unsigned char *names = p->idx + 8 + 1024;
	uint32_t lo = id[0] ? be32(p->idx + 8 + (id[0] - 1) * 4) : 0, hi = be32(p->idx + 8 + id[0] * 4);

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = memcmp(names + (size_t)mid * 20, id, 20);
		if (c == 0)
			return pack_offset(p, mid, off) < 0 ? -1 : 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The object header at off: its type (1..7), size (of the data, or of the
 * delta), where its compressed data starts and, for a delta, its base's
 * offset. 0, or -1 malformed. */
static int pack_header(const pack_file *p, uint64_t off, int *type, size_t *size, uint64_t *data, uint64_t *base)
{
	const unsigned char *s = p->pack + off, *end = p->pack + p->packlen - 20;
	uint64_t sz;
	unsigned shift = 4, c;

	c = *s++;
	*type = (int)(c >> 4 & 7);
	sz = c & 15;
	while (c & 0x80) {
		if (s >= end || shift > 57)
			return -1;
		c = *s++;
		sz |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	}
	if (sz >= UINT32_MAX)
		return -1;
	*size = (size_t)sz;
	*base = 0;
	if (*type == 6) { /* OFS_DELTA */
		uint64_t b;
		if (s >= end)
			return -1;
		c = *s++;
		b = c & 0x7f;
		while (c & 0x80) {
			if (s >= end || b >= (UINT64_C(1) << 56))
				return -1;
			c = *s++;
			b = ((b + 1) << 7) | (c & 0x7f);
		}
		if (b == 0 || b >= off)
			return -1;
		*base = off - b;
	} else if (*type == 7) { /* REF_DELTA, its base in the same pack */
		if (end - s < 20 || pack_find(p, s, base) != 1)
			return -1;
		s += 20;
	} else if (*type < 1 || *type > 4) {
		return -1;
	}
	if (s >= end)
		return -1;
	*data = (uint64_t)(s - p->pack);
	return 0;
}

/* Inflates the size bytes of the object data at data into out (size + 1
 * bytes, the last set to 0): 0, or 1 malformed. */
static int pack_inflate(walker *w, const pack_file *p, uint64_t data, size_t size, unsigned char *out)
{
	size_t avail = p->packlen - 20 - (size_t)data;

	if (!w->zready) {
		memset(&w->z, 0, sizeof w->z);
		if (inflateInit(&w->z) != Z_OK)
			return 1;
		w->zready = 1;
	} else if (inflateReset(&w->z) != Z_OK) {
		return 1;
	}
	w->z.next_in = (unsigned char *)(p->pack + data);
	w->z.avail_in = avail > UINT_MAX ? UINT_MAX : (unsigned)avail;
	w->z.next_out = out;
	w->z.avail_out = (unsigned)size;
	if (inflate(&w->z, Z_FINISH) != Z_STREAM_END || w->z.avail_out != 0)
		return 1;
	out[size] = 0;
	return 0;
}

static int delta_size(const unsigned char **s, const unsigned char *end, size_t *out)
{
	uint64_t v = 0;
	unsigned shift = 0, c;

	do {
		if (*s >= end || shift > 35)
			return -1;
		c = *(*s)++;
		v |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	if (v >= UINT32_MAX)
		return -1;
	*out = (size_t)v;
	return 0;
}

static int piece_push(rtree *t, size_t *cap, size_t pos, size_t len, uint32_t src)
{
	if (t->npieces == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		piece *n = realloc(t->pieces, c * sizeof *n);
		if (!n)
			return err_oom();
		t->pieces = n;
		*cap = c;
	}
	t->pieces[t->npieces].pos = (uint32_t)pos;
	t->pieces[t->npieces].len = (uint32_t)len;
	t->pieces[t->npieces].src = src;
	t->npieces++;
	return 0;
}

static int span_push(rtree *t, size_t *cap, size_t pos, size_t len, const unsigned char *src)
{
	if (t->nspans && t->spans[t->nspans - 1].src + t->spans[t->nspans - 1].len == src) {
		t->spans[t->nspans - 1].len += (uint32_t)len; /* goes on */
		return 0;
	}
	if (t->nspans == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		span *n = realloc(t->spans, c * sizeof *n);
		if (!n)
			return err_oom();
		t->spans = n;
		*cap = c;
	}
	t->spans[t->nspans].pos = (uint32_t)pos;
	t->spans[t->nspans].len = (uint32_t)len;
	t->spans[t->nspans].src = src;
	t->nspans++;
	return 0;
}

/* Bytes [o, o + n) of base, as spans of t from pos on. 0 / -1. */
static int span_copy(rtree *t, size_t *cap, size_t pos, const rtree *base, size_t o, size_t n)
{
	size_t lo = 0, hi = base->nspans;

	if (base->data)
		return span_push(t, cap, pos, n, base->data + o);
	while (lo < hi) { /* the span holding o */
		size_t mid = lo + (hi - lo) / 2;
		if (base->spans[mid].pos <= o)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (lo--; n; lo++) {
		const span *b = &base->spans[lo];
		size_t in = o - b->pos, take = b->len - in < n ? b->len - in : n;
		if (span_push(t, cap, pos, take, b->src + in) < 0)
			return -1;
		pos += take;
		o += take;
		n -= take;
	}
	return 0;
}

/* Applies git's delta d (dlen bytes, kept by t from now on) to base into
 * t: its spans (or data, when empty), len and pieces. 0, 1 malformed, -1
 * out of memory. */
static int delta_apply(rtree *t, rtree *base, unsigned char *d, size_t dlen)
{
	const unsigned char *s = d, *end = d + dlen;
	size_t bsize, size, pos = 0, cap = 0, pcap = 0;

	t->delta = d;
	if (delta_size(&s, end, &bsize) < 0 || bsize != base->len || delta_size(&s, end, &size) < 0)
		return 1;
	while (s < end) {
		unsigned op = *s++;
		if (op & 0x80) {
			uint64_t o = 0, n = 0;
			unsigned k;
			for (k = 0; k < 4; k++)
				if (op & (1u << k)) {
					if (s >= end)
						return 1;
					o |= (uint64_t)*s++ << (8 * k);
				}
			for (k = 0; k < 3; k++)
				if (op & (0x10u << k)) {
					if (s >= end)
						return 1;
					n |= (uint64_t)*s++ << (8 * k);
				}
			if (n == 0)
				n = 0x10000;
			if (o + n > bsize || n > size - pos)
				return 1;
			if (span_copy(t, &cap, pos, base, (size_t)o, (size_t)n) < 0)
				return -1;
			/* a copy continuing the last one is the same piece */
			if (t->npieces && t->pieces[t->npieces - 1].src != PIECE_NEW &&
			    (uint64_t)t->pieces[t->npieces - 1].src + t->pieces[t->npieces - 1].len == o)
				t->pieces[t->npieces - 1].len += (uint32_t)n;
			else if (piece_push(t, &pcap, pos, (size_t)n, (uint32_t)o) < 0)
				return -1;
			pos += (size_t)n;
		} else if (op) {
			if (op > (size_t)(end - s) || op > size - pos)
				return 1;
			if (span_push(t, &cap, pos, op, s) < 0)
				return -1;
			s += op;
			if (t->npieces && t->pieces[t->npieces - 1].src == PIECE_NEW)
				t->pieces[t->npieces - 1].len += op;
			else if (piece_push(t, &pcap, pos, op, PIECE_NEW) < 0)
				return -1;
			pos += op;
		} else {
			return 1;
		}
	}
	if (pos != size)
		return 1;
	t->len = size;
	if (!size)
		t->data = (const unsigned char *)"";
	t->base_t = base;
	base->refs++;
	base->kids++;
	return 0;
}

/* The slot of the tree at off of pack k in a table of n slots. */
static size_t base_home(size_t n, int k, uint64_t off)
{
	uint64_t h = (off ^ (uint64_t)k << 48) * UINT64_C(0x9e3779b97f4a7c15);
	return (size_t)(h >> 20) & (n - 1);
}

/* The tree at off of pack k, when kept as a base: a new reference, or NULL. */
static rtree *base_get(walker *w, int k, uint64_t off)
{
	size_t i;
	rtree *t;

	if (!w->nbslots)
		return NULL;
	for (i = base_home(w->nbslots, k, off); (t = w->bases[i]) != NULL; i = (i + 1) & (w->nbslots - 1))
		if (t->off == off && t->pack == k)
			break;
	if (!t)
		return NULL;
	if (w->newest != t) { /* to the front of the list */
		t->newer->older = t->older;
		if (t->older)
			t->older->newer = t->newer;
		else
			w->oldest = t->newer;
		t->newer = NULL;
		t->older = w->newest;
		w->newest->newer = t;
		w->newest = t;
	}
	t->refs++;
	return t;
}

static void base_place(rtree **slots, size_t i, size_t mask, rtree *t)
{
	while (slots[i])
		i = (i + 1) & mask;
	slots[i] = t;
}

/* Forgets the oldest base (the table's reference dropped). */
static void base_drop_oldest(walker *w)
{
	rtree *t = w->oldest;
	size_t mask = w->nbslots - 1, i = base_home(w->nbslots, t->pack, t->off), j;

	while (w->bases[i] != t)
		i = (i + 1) & mask;
	w->bases[i] = NULL;
	/* linear probing: move up the entries that would not be found */
	for (j = (i + 1) & mask; w->bases[j]; j = (j + 1) & mask) {
		size_t h = base_home(w->nbslots, w->bases[j]->pack, w->bases[j]->off);
		if ((j > i && (h <= i || h > j)) || (j < i && h <= i && h > j)) {
			w->bases[i] = w->bases[j];
			w->bases[j] = NULL;
			i = j;
		}
	}
	w->oldest = t->newer;
	if (w->oldest)
		w->oldest->older = NULL;
	else
		w->newest = NULL;
	t->newer = t->older = NULL;
	w->nbases--;
	w->basebytes -= t->len;
	rtree_put(w, t);
}

/* Keeps t (read from a pack, not kept yet) as a base: one more reference.
 * The least recently used ones go beyond BASE_BYTES. 0 / -1. */
static int base_put(walker *w, rtree *t)
{
	while (w->oldest && w->basebytes + t->len > BASE_BYTES)
		base_drop_oldest(w);
	if ((w->nbases + 1) * 2 > w->nbslots) {
		size_t n = w->nbslots ? w->nbslots * 2 : 256, i;
		rtree **slots = calloc(n, sizeof *slots);
		if (!slots)
			return err_oom();
		for (i = 0; i < w->nbslots; i++)
			if (w->bases[i])
				base_place(slots, base_home(n, w->bases[i]->pack, w->bases[i]->off),
					   n - 1, w->bases[i]);
		free(w->bases);
		w->bases = slots;
		w->nbslots = n;
	}
	base_place(w->bases, base_home(w->nbslots, t->pack, t->off), w->nbslots - 1, t);
	t->refs++;
	t->newer = NULL;
	t->older = w->newest;
	if (w->newest)
		w->newest->newer = t;
	else
		w->oldest = t;
	w->newest = t;
	w->nbases++;
	w->basebytes += t->len;
	return 0;
}

typedef struct {
	uint64_t off, data;
	size_t size;
} chain_link;

/* Reads the tree id from the packs: 1 read (*out a new reference), 0 not
 * there, not a tree or not readable here (read it through libgit2), -1 out
 * of memory. */
static int pack_read(walker *w, const git_oid *id, rtree **out)
{
	chain_link *chain = NULL;
	size_t nchain = 0, cap = 0;
	rtree *t = NULL;
	uint64_t off = 0;
	int k, r = 0;

	*out = NULL;
	for (k = 0; k < (int)w->npacks; k++) {
		int f = pack_find(&w->packs[k], id->id, &off);
		if (f < 0)
			return 0;
		if (f)
			break;
	}
	if (k == (int)w->npacks)
		return 0;
	/* down the delta chain to a kept base or a whole tree */
	for (;;) {
		int type;
		chain_link l;
		uint64_t base;

		if ((t = base_get(w, k, off)) != NULL)
			break;
		if (nchain == 10000 || pack_header(&w->packs[k], off, &type, &l.size, &l.data, &base) < 0)
			goto fail;
		l.off = off;
		if (nchain == cap) {
			size_t c = cap ? cap * 2 : 16;
			chain_link *n = realloc(chain, c * sizeof *n);
			if (!n) {
				r = err_oom();
				goto fail;
			}
			chain = n;
			cap = c;
		}
		chain[nchain++] = l;
		if (type == GIT_OBJECT_TREE)
			break;
		if (type != 6 && type != 7)
			goto fail;
		off = base;
	}
	if (!t) {
		chain_link *l = &chain[--nchain];
		t = calloc(1, sizeof *t);
		if (!t) {
			r = err_oom();
			goto fail;
		}
		t->refs = 1;
		t->pack = k;
		t->off = l->off;
		if (!(t->own = buffer_get(w, l->size + 1, &t->owncap))) {
			r = -1;
			goto fail;
		}
		if ((r = pack_inflate(w, &w->packs[k], l->data, l->size, t->own)) != 0)
			goto fail;
		t->data = t->own;
		t->len = l->size;
		if (base_put(w, t) < 0) {
			r = -1;
			goto fail;
		}
	}
	/* and up again, applying each delta to the tree below it */
	while (nchain) {
		chain_link *l = &chain[--nchain];
		unsigned char *d;
		rtree *n = calloc(1, sizeof *n);

		if (!n) {
			r = err_oom();
			goto fail;
		}
		n->refs = 1;
		n->pack = k;
		n->off = l->off;
		n->base = t->off;
		if (!(d = malloc(l->size + 1)))
			r = err_oom();
		else if ((r = pack_inflate(w, &w->packs[k], l->data, l->size, d)) == 0)
			r = delta_apply(n, t, d, l->size); /* n keeps d */
		else
			free(d);
		rtree_put(w, t);
		t = n;
		if (r != 0 || (r = base_put(w, t)) < 0)
			goto fail;
	}
	free(chain);
	*out = t;
	return 1;
fail:
	rtree_put(w, t);
	free(chain);
	return r < 0 ? -1 : 0;
}

/* Trees come through a small cache: walking parents before children, the
 * trees read for one commit are the old side of the next, and are not read
 * twice. Returns a new reference (rtree_put() it), or NULL. */
static rtree *tree_get(walker *w, const git_oid *id)
{
	unsigned slot = ((unsigned)id->id[0] << 8 | id->id[1]) % TREE_SLOTS;
	rtree *t;

	if (w->cache[slot].t && git_oid_equal(&w->cache[slot].id, id)) {
		w->cache[slot].t->refs++;
		return w->cache[slot].t;
	}
	w->nread++;
	switch (pack_read(w, id, &t)) {
	case -1:
		return NULL;
	case 1:
		w->npacked++;
		goto cache;
	}
	t = calloc(1, sizeof *t);
	if (!t) {
		err_oom();
		return NULL;
	}
	t->pack = -1;
	if (git_odb_read(&t->obj, w->odb, id) < 0) {
		free(t);
		return NULL;
	}
	if (git_odb_object_type(t->obj) != GIT_OBJECT_TREE) {
		git_odb_object_free(t->obj);
		free(t);
		w->bad = 1;
		return NULL;
	}
	t->data = git_odb_object_data(t->obj);
	t->len = git_odb_object_size(t->obj);
	if (t->len >= UINT32_MAX) {
		git_odb_object_free(t->obj);
		free(t);
		w->bad = 1;
		return NULL;
	}
	t->refs = 1;
cache:
	t->refs++; /* the cache's, besides the caller's */
	rtree_put(w, w->cache[slot].t);
	w->cache[slot].t = t;
	w->cache[slot].id = *id;
	return t;
}

static int add_pend(walker *w, char kind, const rentry *e)
{
	pend *p;

	if (w->nitems == w->capitems) {
		size_t cap = w->capitems ? w->capitems * 2 : 64;
		pend *n = realloc(w->items, cap * sizeof *n);
		if (!n)
			return err_oom();
		w->items = n;
		w->capitems = cap;
	}
	p = &w->items[w->nitems];
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->pair = NONE;
	p->file = NONE;
	git_oid_fromraw(&p->id, e->id);
	p->mode = e->mode;
	p->path = strndup(w->path.ptr, w->path.len);
	if (!p->path || w->path.oom)
		return err_oom();
	w->nitems++;
	return 0;
}

static void clear_pend(walker *w)
{
	size_t i;

	for (i = 0; i < w->nitems; i++)
		free(w->items[i].path);
	w->nitems = 0;
}

static int diff_trees(walker *w, const git_oid *a, const git_oid *b);

/* Adds everything at entry e (a file, or all files below a folder) as kind. */
static int diff_one(walker *w, const rentry *e, char kind)
{
	size_t len = w->path.len;
	int r = 0;

	buf_put(&w->path, e->name, e->nlen);
	if (rentry_is_tree(e)) {
		git_oid id;
		git_oid_fromraw(&id, e->id);
		buf_putc(&w->path, '/');
		r = kind == 'D' ? diff_trees(w, &id, NULL) : diff_trees(w, NULL, &id);
	} else if (e->mode != 0160000) {
		r = add_pend(w, kind, e);
	}
	buf_truncate(&w->path, len);
	return r;
}

/* Compares two entries of the same name (either may be NULL). */
static int diff_pair(walker *w, const rentry *ea, const rentry *eb)
{
	size_t len;
	int r;

	if (!ea && !eb)
		return 0;
	if (!ea)
		return diff_one(w, eb, 'A');
	if (!eb)
		return diff_one(w, ea, 'D');
	if (ea->mode == eb->mode && memcmp(ea->id, eb->id, 20) == 0)
		return 0;
	if (rentry_is_tree(ea) && rentry_is_tree(eb)) {
		git_oid a, b;
		git_oid_fromraw(&a, ea->id);
		git_oid_fromraw(&b, eb->id);
		len = w->path.len;
		buf_put(&w->path, eb->name, eb->nlen);
		buf_putc(&w->path, '/');
		r = diff_trees(w, &a, &b);
		buf_truncate(&w->path, len);
		return r;
	}
	if (!rentry_is_tree(ea) && !rentry_is_tree(eb) && ea->mode != 0160000 && eb->mode != 0160000) {
		len = w->path.len;
		buf_put(&w->path, eb->name, eb->nlen);
		r = add_pend(w, 'M', eb);
		buf_truncate(&w->path, len);
		return r;
	}
	if (diff_one(w, ea, 'D') < 0)
		return -1;
	return diff_one(w, eb, 'A');
}

/* When t was made by a delta from the other tree and its byte pos was
 * copied from the other's byte other: how many bytes from there are the
 * same in both (the copied run); else 0. */
static size_t same_run(const rtree *t, size_t pos, size_t other)
{
	size_t lo = 0, hi = t->npieces, run;

	while (lo < hi) { /* the piece holding pos */
		size_t mid = lo + (hi - lo) / 2;
		if (t->pieces[mid].pos <= pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return 0;
	lo--;
	if (t->pieces[lo].src == PIECE_NEW || pos - t->pieces[lo].pos >= t->pieces[lo].len ||
	    (size_t)t->pieces[lo].src + (pos - t->pieces[lo].pos) != other)
		return 0;
	run = t->pieces[lo].pos + t->pieces[lo].len - pos;
	/* copies are at most 64 KB: the run may go on in the next pieces */
	for (; lo + 1 < t->npieces && t->pieces[lo + 1].src != PIECE_NEW &&
	       t->pieces[lo + 1].src == (size_t)t->pieces[lo].src + t->pieces[lo].len; lo++)
		run += t->pieces[lo + 1].len;
	return run;
}

/* The first entry of t from i on that does not end by byte limit. */
static size_t entries_before(const rtree *t, size_t i, size_t limit)
{
	size_t lo = i, hi = t->n;

	if (limit >= t->len)
		return t->n;
	while (lo < hi) { /* the last entry starting by limit */
		size_t mid = lo + (hi - lo) / 2;
		if (t->offs[mid] <= limit)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

/* Compares the trees a and b (either may be NULL: absent) of the folder
 * w->path, in git's entry order. Equal subtrees are skipped unread. In a
 * large folder only the entries that may differ are read: when one tree
 * is a delta of the other (pack_read), the runs of entries the delta
 * copied unchanged are skipped; otherwise the equal bytes at both ends of
 * the two trees are skipped with memcmp. b's entry offsets are made from
 * a's (they are needed when b is the next commit's old side). */
static int diff_trees(walker *w, const git_oid *a, const git_oid *b)
{
	rtree *ta = NULL, *tb = NULL;
	const rtree *g = NULL; /* the one made by a delta of the other */
	uint32_t *boffs = NULL;
	size_t nb = 0, capb = 0, ia = 0, pa = 0, pb = 0, suffix = 0, k;
	int build_b, r = -1, ra, rb;
	rentry ea, eb;

	if ((a && !(ta = tree_get(w, a))) || (b && !(tb = tree_get(w, b))))
		goto done;
	if (ta && !ta->offs && rtree_scan(w, ta) < 0)
		goto done;
	build_b = tb && !tb->offs;
	if (ta && tb && ta->pack >= 0 && ta->pack == tb->pack) {
		if (tb->npieces && tb->base == ta->off)
			g = tb;
		else if (ta->npieces && ta->base == tb->off)
			g = ta;
	}
	if (g) {
		w->nguided++;
		if (build_b) {
			capb = ta->n + 16;
			boffs = malloc(capb * sizeof *boffs);
			if (!boffs) {
				err_oom();
				goto done;
			}
		}
	} else if (ta && tb) {
		/* the equal bytes at the start: entries before them are equal */
		size_t n = ta->len < tb->len ? ta->len : tb->len, pre = 0, lo, hi;
		if (rtree_flatten(w, ta) < 0 || rtree_flatten(w, tb) < 0)
			goto done;
		while (pre + 4096 <= n && memcmp(ta->data + pre, tb->data + pre, 4096) == 0)
			pre += 4096;
		while (pre < n && ta->data[pre] == tb->data[pre])
			pre++;
		while (suffix + 4096 <= n && memcmp(ta->data + ta->len - suffix - 4096,
						     tb->data + tb->len - suffix - 4096, 4096) == 0)
			suffix += 4096;
		while (suffix < n && ta->data[ta->len - 1 - suffix] == tb->data[tb->len - 1 - suffix])
			suffix++;
		/* the last entry of a starting at or before pre */
		lo = 0;
		hi = ta->n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (ta->offs[mid] <= pre)
				lo = mid + 1;
			else
				hi = mid;
		}
		ia = lo ? lo - 1 : 0;
		pa = pb = ta->n ? ta->offs[ia] : 0;
		if (build_b) {
			capb = ta->n + 16;
			boffs = malloc(capb * sizeof *boffs);
			if (!boffs) {
				err_oom();
				goto done;
			}
			memcpy(boffs, ta->offs, ia * sizeof *boffs);
			nb = ia;
		}
	}
	ra = ta ? rentry_at(ta, pa, &ea) : 0;
	rb = tb ? rentry_at(tb, pb, &eb) : 0;
	while (ra > 0 || rb > 0) {
		int c;
		if (g && ra > 0 && rb > 0) {
			/* entries of a copied run are the same on both sides */
			size_t run = g == tb ? same_run(tb, pb, pa) : same_run(ta, pa, pb);
			size_t j = run ? entries_before(ta, ia, pa + run) : ia;
			if (j > ia) {
				size_t to = j < ta->n ? ta->offs[j] : ta->len;
				if (build_b) {
					uint32_t shift = (uint32_t)pb - (uint32_t)pa; /* modulo 2^32 */
					if (nb + (j - ia) > capb) {
						uint32_t *p2 = realloc(boffs, (nb + (j - ia) + 16) * sizeof *p2);
						if (!p2) {
							err_oom();
							goto done;
						}
						boffs = p2;
						capb = nb + (j - ia) + 16;
					}
					for (k = ia; k < j; k++)
						boffs[nb++] = ta->offs[k] + shift;
				}
				pb += to - pa;
				pa = to;
				ia = j;
				ra = rentry_at(ta, pa, &ea);
				rb = rentry_at(tb, pb, &eb);
				continue;
			}
		}
		if (!g && ta && tb && ra > 0 && rb > 0 && ta->len - pa == tb->len - pb && ta->len - pa <= suffix) {
			/* the rest is byte for byte the same */
			if (build_b) {
				uint32_t shift = (uint32_t)(tb->len - ta->len); /* modulo 2^32, exact once added */
				if (nb + (ta->n - ia) > capb) {
					uint32_t *p2 = realloc(boffs, (nb + (ta->n - ia)) * sizeof *p2);
					if (!p2) {
						err_oom();
						goto done;
					}
					boffs = p2;
					capb = nb + (ta->n - ia);
				}
				for (k = ia; k < ta->n; k++)
					boffs[nb++] = ta->offs[k] + shift;
			}
			goto finish;
		}
		c = ra <= 0 ? 1 : rb <= 0 ? -1 : rentry_cmp(&ea, &eb);
		if (c <= 0 && ra > 0 && diff_pair(w, &ea, c == 0 ? &eb : NULL) < 0)
			goto done;
		if (c > 0 && diff_pair(w, NULL, &eb) < 0)
			goto done;
		if (c <= 0) {
			pa = ea.end;
			ia++;
			ra = rentry_at(ta, pa, &ea);
		}
		if (c >= 0) {
			if (build_b && offs_push(&boffs, &nb, &capb, pb) < 0)
				goto done;
			pb = eb.end;
			rb = rentry_at(tb, pb, &eb);
		}
	}
	if (ra < 0 || rb < 0) {
		w->bad = 1;
		goto done;
	}
finish:
	if (build_b) {
		tb->offs = boffs ? boffs : malloc(sizeof *boffs);
		if (!tb->offs) {
			err_oom();
			goto done;
		}
		tb->n = nb;
		boffs = NULL;
	}
	r = 0;
done:
	free(boffs);
	rtree_put(w, ta);
	rtree_put(w, tb);
	return r;
}

static const char *const tracked[] = { "content", "data", "site.toml" };

/* The entry named name in t (a small tree: read through). 1 found, 0 not,
 * -1 malformed. */
static int rtree_find(rtree *t, const char *name, rentry *out)
{
	size_t off = 0, n = strlen(name);
	int r;

	while ((r = rentry_at(t, off, out)) == 1) {
		if (out->nlen == n && memcmp(out->name, name, n) == 0)
			return 1;
		off = out->end;
	}
	return r;
}

/* Compares two site trees (the site folder at two commits) on content/,
 * data/ and site.toml only. */
static int diff_site(walker *w, const git_oid *a, const git_oid *b)
{
	rtree *ta = NULL, *tb = NULL;
	size_t k;
	int r = -1;

	if (a && b && git_oid_equal(a, b))
		return 0;
	if ((a && !(ta = tree_get(w, a))) || (b && !(tb = tree_get(w, b))))
		goto done;
	buf_reset(&w->path);
	for (k = 0; k < sizeof tracked / sizeof *tracked; k++) {
		rentry ea, eb;
		int fa = ta ? rtree_find(ta, tracked[k], &ea) : 0;
		int fb = tb ? rtree_find(tb, tracked[k], &eb) : 0;
		if (fa < 0 || fb < 0) {
			w->bad = 1;
			goto done;
		}
		if (diff_pair(w, fa ? &ea : NULL, fb ? &eb : NULL) < 0)
			goto done;
	}
	r = 0;
done:
	rtree_put(w, ta);
	rtree_put(w, tb);
	return r;
}

/* The site folder's tree in commit c: *found 0 when the commit has none. */
static int site_tree(walker *w, const git_commit *c, git_oid *out, int *found)
{
	const char *p = w->prefix;
	rtree *t;
	git_oid id = *git_commit_tree_id(c);

	*found = 0;
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p), off = 0;
		rentry e;
		int r;

		if (!(t = tree_get(w, &id)))
			return -1;
		while ((r = rentry_at(t, off, &e)) == 1 && !(e.nlen == n && memcmp(e.name, p, n) == 0))
			off = e.end;
		if (r == 1 && rentry_is_tree(&e))
			git_oid_fromraw(&id, e.id);
		rtree_put(w, t);
		if (r < 0) {
			w->bad = 1;
			return -1;
		}
		if (r == 0 || !rentry_is_tree(&e))
			return 0;
		p += n;
		while (*p == '/')
			p++;
	}
	*out = id;
	*found = 1;
	return 0;
}

/* A merge: keeps only the changes that differ from every other parent. */
static int filter_merge(walker *w, const git_commit *c)
{
	unsigned k, n = git_commit_parentcount(c);
	size_t i;

	for (k = 1; k < n; k++) {
		git_commit *p = NULL;
		git_tree *t = NULL;
		git_oid id;
		int found;

		if (git_commit_parent(&p, c, k) < 0)
			return -1;
		if (site_tree(w, p, &id, &found) < 0 || (found && git_tree_lookup(&t, w->repo, &id) < 0)) {
			git_commit_free(p);
			return -1;
		}
		for (i = 0; i < w->nitems; i++) {
			pend *it = &w->items[i];
			git_tree_entry *e = NULL;
			int r = t ? git_tree_entry_bypath(&e, t, it->path) : GIT_ENOTFOUND;

			if (r < 0 && r != GIT_ENOTFOUND) {
				git_tree_free(t);
				git_commit_free(p);
				return -1;
			}
			if (it->kind == 'D' ? r == GIT_ENOTFOUND : (r == 0 && git_oid_equal(git_tree_entry_id(e), &it->id)))
				it->dropped = 1;
			git_tree_entry_free(e);
		}
		git_tree_free(t);
		git_commit_free(p);
	}
	return 0;
}

typedef struct {
	git_oid id;
	size_t item;
} oid_item;

static int oid_item_cmp(const void *a, const void *b)
{
	return git_oid_cmp(&((const oid_item *)a)->id, &((const oid_item *)b)->id);
}

/* A file of the small trees of find_renames(). */
typedef struct {
	char *path;      /* below the repository's work tree */
	const pend *it;
} small_entry;

static int small_entry_cmp(const void *a, const void *b)
{
	return strcmp(((const small_entry *)a)->path, ((const small_entry *)b)->path);
}

/* A tree entry's mode as git writes it (libgit2's trees refuse others). */
static git_filemode_t canon_mode(unsigned m)
{
	if ((m & 0170000) == 040000)
		return GIT_FILEMODE_TREE;
	if (m & 0111)
		return GIT_FILEMODE_BLOB_EXECUTABLE;
	if ((m & 0170000) == 0160000)
		return GIT_FILEMODE_COMMIT;
	if ((m & 0170000) == 0120000)
		return GIT_FILEMODE_LINK;
	return GIT_FILEMODE_BLOB;
}

/* Writes a tree holding the files e[0..n) (sorted by path; their paths
 * from byte skip on are below it) to the object store, and its folders:
 * the tree's id in out. 0 / -1 (a libgit2 error, or the error slot set). */
static int small_tree(walker *w, const small_entry *e, size_t n, size_t skip, git_oid *out)
{
	git_treebuilder *tb = NULL;
	size_t i = 0;
	int r = -1;

	if (git_treebuilder_new(&tb, w->repo, NULL) < 0)
		return -1;
	while (i < n) {
		const char *name = e[i].path + skip, *slash = strchr(name, '/');
		if (!slash) {
			if (git_treebuilder_insert(NULL, tb, name, &e[i].it->id, canon_mode(e[i].it->mode)) < 0)
				goto done;
			i++;
		} else {
			size_t len = (size_t)(slash - name), j = i + 1;
			git_oid sub;
			char *dir;
			int ir;
			while (j < n && strncmp(e[j].path + skip, name, len + 1) == 0)
				j++;
			if (small_tree(w, e + i, j - i, skip + len + 1, &sub) < 0)
				goto done;
			if (!(dir = strndup(name, len))) {
				err_oom();
				goto done;
			}
			ir = git_treebuilder_insert(NULL, tb, dir, &sub, GIT_FILEMODE_TREE);
			free(dir);
			if (ir < 0)
				goto done;
			i = j;
		}
	}
	r = git_treebuilder_write(out, tb);
done:
	git_treebuilder_free(tb);
	return r;
}

/* Pairs deleted and added files of one commit: the same blob first, then
 * similar text (git_diff_find_similar, on those files only). */
static int find_renames(walker *w, const git_commit *parent)
{
	size_t i, j, nd = 0, na = 0, ns = 0, nold = 0;
	oid_item *adds = NULL;
	small_entry *se = NULL;
	git_oid ida, idb;
	git_tree *ta = NULL, *tb = NULL;
	git_diff *diff = NULL;
	buf_t b = BUF_INIT;
	int r = -1;

	for (i = 0; i < w->nitems; i++) {
		if (w->items[i].dropped)
			continue;
		nd += w->items[i].kind == 'D';
		na += w->items[i].kind == 'A';
	}
	if (!nd || !na)
		return 0;
	adds = malloc(na * sizeof *adds);
	if (!adds)
		return err_oom();
	for (i = 0, j = 0; i < w->nitems; i++)
		if (!w->items[i].dropped && w->items[i].kind == 'A') {
			adds[j].id = w->items[i].id;
			adds[j++].item = i;
		}
	qsort(adds, na, sizeof *adds, oid_item_cmp);
	/* exact: the same blob */
	for (i = 0; i < w->nitems; i++) {
		pend *d = &w->items[i];
		size_t lo = 0, hi = na;
		if (d->dropped || d->kind != 'D')
			continue;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (git_oid_cmp(&adds[mid].id, &d->id) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < na && git_oid_equal(&adds[lo].id, &d->id); lo++)
			if (w->items[adds[lo].item].pair == NONE) {
				d->pair = adds[lo].item;
				w->items[adds[lo].item].pair = i;
				nd--;
				break;
			}
	}
	/* similar: libgit2's rename detection on a diff of two small trees,
	 * the remaining deleted files in one and added files in the other
	 * (written to an object store in memory, never to the repository) */
	for (j = 0; j < na; j++)
		if (w->items[adds[j].item].pair == NONE)
			break;
	if (!nd || j == na || !parent) {
		r = 0;
		goto done;
	}
	se = calloc(w->nitems, sizeof *se);
	if (!se) {
		err_oom();
		goto done;
	}
	for (i = 0; i < 2 * w->nitems; i++) { /* the deleted ones first */
		pend *it = &w->items[i % w->nitems];
		if (it->dropped || it->pair != NONE || it->kind != (i < w->nitems ? 'D' : 'A'))
			continue;
		buf_reset(&b);
		buf_put(&b, w->prefix, w->prefixlen);
		buf_puts(&b, it->path);
		if (b.oom || !(se[ns].path = strdup(b.ptr))) {
			err_oom();
			goto done;
		}
		se[ns++].it = it;
		nold += i < w->nitems;
	}
	qsort(se, nold, sizeof *se, small_entry_cmp);
	qsort(se + nold, ns - nold, sizeof *se, small_entry_cmp);
	if (!w->mempack) {
		if (git_mempack_new(&w->mempack) < 0)
			goto done;
		if (git_odb_add_backend(w->odb, w->mempack, 1000) < 0) { /* the odb owns it now, */
			w->mempack->free(w->mempack);                     /* unless refused */
			w->mempack = NULL;
			goto done;
		}
	}
	{
		git_diff_options dopt;
		git_diff_find_options fopt;
		size_t nd2;

		git_diff_options_init(&dopt, GIT_DIFF_OPTIONS_VERSION);
		git_diff_find_options_init(&fopt, GIT_DIFF_FIND_OPTIONS_VERSION);
		fopt.flags = GIT_DIFF_FIND_RENAMES;
		if (small_tree(w, se, nold, 0, &ida) < 0 || small_tree(w, se + nold, ns - nold, 0, &idb) < 0 ||
		    git_tree_lookup(&ta, w->repo, &ida) < 0 || git_tree_lookup(&tb, w->repo, &idb) < 0 ||
		    git_diff_tree_to_tree(&diff, w->repo, ta, tb, &dopt) < 0 ||
		    git_diff_find_similar(diff, &fopt) < 0)
			goto done;
		nd2 = git_diff_num_deltas(diff);
		for (j = 0; j < nd2; j++) {
			const git_diff_delta *dd = git_diff_get_delta(diff, j);
			size_t di = NONE, ai = NONE;
			if (dd->status != GIT_DELTA_RENAMED || strncmp(dd->old_file.path, w->prefix, w->prefixlen) ||
			    strncmp(dd->new_file.path, w->prefix, w->prefixlen))
				continue;
			for (i = 0; i < w->nitems; i++) {
				pend *it = &w->items[i];
				if (it->dropped || it->pair != NONE)
					continue;
				if (it->kind == 'D' && strcmp(it->path, dd->old_file.path + w->prefixlen) == 0)
					di = i;
				else if (it->kind == 'A' && strcmp(it->path, dd->new_file.path + w->prefixlen) == 0)
					ai = i;
			}
			if (di != NONE && ai != NONE) {
				w->items[di].pair = ai;
				w->items[ai].pair = di;
			}
		}
	}
	r = 0;
done:
	if (se)
		for (i = 0; i < ns; i++)
			free(se[i].path);
	free(se);
	git_diff_free(diff);
	git_tree_free(ta);
	git_tree_free(tb);
	if (w->mempack && git_mempack_reset(w->mempack) < 0 && r == 0)
		r = -1;
	free(adds);
	buf_free(&b);
	return r;
}

/* Records the commit's pending changes in the model. */
static int apply(walker *w, const git_commit *c)
{
	history *h = w->h;
	size_t i, live = 0;

	for (i = 0; i < w->nitems; i++)
		live += !w->items[i].dropped;
	if (!live)
		return 0;
	if (push_commit(h, c) < 0)
		return -1;
	/* first every path that goes away: deletions and rename sources */
	for (i = 0; i < w->nitems; i++) {
		pend *it = &w->items[i];
		if (it->dropped || it->kind != 'D')
			continue;
		it->file = map_get(h, it->path);
		if (it->file == NONE && (it->file = new_file(h, NULL)) == NONE)
			return -1;
		file_unpath(h, it->file);
	}
	/* then the changes, in tree order */
	for (i = 0; i < w->nitems; i++) {
		pend *it = &w->items[i];
		size_t f;

		if (it->dropped)
			continue;
		if (it->kind == 'D') {
			if (it->pair == NONE && push_change(h, HISTORY_DELETED, it->path, NULL, it->file) < 0)
				return -1;
			continue;
		}
		if (it->kind == 'A' && it->pair != NONE) {
			const pend *from = &w->items[it->pair];
			f = from->file;
			if (file_set_path(h, f, it->path) < 0 ||
			    push_change(h, HISTORY_RENAMED, it->path, from->path, f) < 0)
				return -1;
			continue;
		}
		f = map_get(h, it->path);
		if (f == NONE && (f = new_file(h, it->path)) == NONE)
			return -1;
		if (push_change(h, it->kind == 'A' ? HISTORY_ADDED : HISTORY_MODIFIED, it->path, NULL, f) < 0)
			return -1;
	}
	return 0;
}

static int walk_commit(walker *w, const git_oid *oid)
{
	git_commit *c = NULL, *p = NULL;
	git_oid a, b;
	int fa = 0, fb = 0, r = -1;

	clear_pend(w);
	if (git_commit_lookup(&c, w->repo, oid) < 0)
		return -1;
	if (git_commit_parentcount(c) > 0 && git_commit_parent(&p, c, 0) < 0)
		goto done;
	if ((p && site_tree(w, p, &a, &fa) < 0) || site_tree(w, c, &b, &fb) < 0)
		goto done;
	if (diff_site(w, fa ? &a : NULL, fb ? &b : NULL) < 0)
		goto done;
	if (w->nitems && git_commit_parentcount(c) > 1 && filter_merge(w, c) < 0)
		goto done;
	if (w->nitems && find_renames(w, p) < 0)
		goto done;
	r = apply(w, c);
done:
	git_commit_free(p);
	git_commit_free(c);
	return r;
}

/* ---- the cache ----
 * The walk's result is kept in $XDG_CACHE_HOME/congkhai/ (else
 * ~/.cache/congkhai/), one file per repository and site folder, with the
 * commit it reached. The next build reads it and walks only the commits
 * made since (or nothing when HEAD has not moved); when the cached commit
 * is not an ancestor of HEAD (history rewritten) or the file does not read,
 * the whole history is walked again. Writing it is best effort. Never
 * inside the repository. */

#define CACHE_MAGIC "congkhai-history 1"

static void free_model(history *h);

static void put_esc(buf_t *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			buf_puts(b, "\\\\");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *s);
	}
}

/* Undoes put_esc() in place. */
static void unesc(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*w++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

static int cache_path(buf_t *out, git_repository *repo, const char *prefix)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *gd = realpath(git_repository_path(repo), NULL);
	uint64_t h = 1469598103934665603ULL;
	const char *p;

	buf_reset(out);
	if (!gd)
		return 0;
	for (p = gd; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h = (h ^ '\n') * 1099511628211ULL;
	for (p = prefix; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	free(gd);
	if (x && x[0] == '/')
		buf_printf(out, "%s/congkhai", x);
	else if (home && home[0] == '/')
		buf_printf(out, "%s/.cache/congkhai", home);
	else
		return 0;
	buf_printf(out, "/history-%016llx", (unsigned long long)h);
	return out->oom ? err_oom() : 1;
}

static int cache_write(const history *h, const char *path, const char *prefix, const git_oid *head)
{
	buf_t b = BUF_INIT, tmp = BUF_INIT, dir = BUF_INIT;
	char hex[GIT_OID_HEXSZ + 1];
	size_t i, j;
	int r = -1;

	git_oid_tostr(hex, sizeof hex, head);
	buf_printf(&b, "%s\n", CACHE_MAGIC);
	put_esc(&b, prefix);
	buf_printf(&b, "\n%s\n%zu %zu %zu\n", hex, h->ncommits, h->nfiles, h->nchanges);
	for (i = 0; i < h->ncommits; i++) {
		const history_commit *c = &h->commits[i];
		buf_printf(&b, "%s\t%lld\t%zu\t%zu\t", c->id, (long long)c->time, c->first_change, c->nchanges);
		put_esc(&b, c->author);
		buf_putc(&b, '\t');
		put_esc(&b, c->summary);
		buf_putc(&b, '\n');
	}
	for (i = 0; i < h->nfiles; i++) {
		const history_file *f = &h->files[i];
		buf_putc(&b, f->path ? '+' : '-');
		put_esc(&b, f->path ? f->path : "");
		buf_printf(&b, "\t%zu", f->ncommits);
		for (j = 0; j < f->ncommits; j++)
			buf_printf(&b, " %zu", f->commits[j]);
		buf_putc(&b, '\n');
	}
	for (i = 0; i < h->nchanges; i++) {
		const history_change *c = &h->changes[i];
		buf_printf(&b, "%d\t%zu\t", (int)c->status, c->file);
		put_esc(&b, c->path);
		buf_putc(&b, '\t');
		put_esc(&b, c->old_path ? c->old_path : "");
		buf_putc(&b, '\n');
	}
	buf_puts(&b, "end\n");
	buf_puts(&dir, path);
	while (dir.len && dir.ptr[dir.len - 1] != '/')
		buf_truncate(&dir, dir.len - 1);
	buf_printf(&tmp, "%s.tmp-%ld", path, (long)getpid());
	if (b.oom || tmp.oom || dir.oom || fs_mkdir_p(dir.ptr) < 0 || fs_write(tmp.ptr, b.ptr, b.len) < 0)
		goto done;
	if (rename(tmp.ptr, path) < 0) {
		unlink(tmp.ptr);
		goto done;
	}
	r = 0;
done:
	buf_free(&b);
	buf_free(&tmp);
	buf_free(&dir);
	return r;
}

/* The next line of the cache, NUL-terminated in place; NULL at the end. */
static char *next_line(char **cur, char *end)
{
	char *s = *cur, *nl;

	if (s >= end)
		return NULL;
	nl = memchr(s, '\n', (size_t)(end - s));
	if (!nl)
		return NULL;
	*nl = '\0';
	*cur = nl + 1;
	return s;
}

/* Splits line at tabs into at most n fields (in place); the number found. */
static size_t split_tabs(char *line, char **f, size_t n)
{
	size_t k = 0;

	while (k < n) {
		f[k++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return k;
}

static int parse_size(const char *s, size_t max, size_t *out)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = (size_t)v;
	return 0;
}

/* Reads the cache into the empty model h: 1 read (*head set), 0 missing or
 * not usable (h left empty), -1 out of memory. */
static int cache_read(history *h, const char *path, const char *prefix, git_oid *head)
{
	buf_t src = BUF_INIT;
	char *cur, *end, *line, *f[6];
	size_t i, nc, nf, nch, n;
	int r = 0;

	if (fs_read(path, &src) < 0) {
		err_clear();
		return 0;
	}
	cur = src.ptr;
	end = src.ptr + src.len;
	if (!(line = next_line(&cur, end)) || strcmp(line, CACHE_MAGIC) != 0 || !(line = next_line(&cur, end)))
		goto bad;
	unesc(line);
	if (strcmp(line, prefix) != 0 || !(line = next_line(&cur, end)) || strlen(line) != GIT_OID_HEXSZ ||
	    git_oid_fromstr(head, line) < 0 || !(line = next_line(&cur, end)) ||
	    sscanf(line, "%zu %zu %zu", &nc, &nf, &nch) != 3 || nc > 10000000 || nf > 10000000 || nch > 100000000)
		goto bad;
	h->commits = calloc(nc ? nc : 1, sizeof *h->commits);
	h->files = calloc(nf ? nf : 1, sizeof *h->files);
	h->changes = calloc(nch ? nch : 1, sizeof *h->changes);
	if (!h->commits || !h->files || !h->changes) {
		r = err_oom();
		goto bad;
	}
	h->capcommits = nc ? nc : 1;
	h->capfiles = nf ? nf : 1;
	h->capchanges = nch ? nch : 1;
	for (i = 0; i < nc; i++) {
		history_commit *c = &h->commits[i];
		long long t;
		char *e2;
		if (!(line = next_line(&cur, end)) || split_tabs(line, f, 6) != 6 || strlen(f[0]) != GIT_OID_HEXSZ ||
		    parse_size(f[2], nch, &c->first_change) < 0 || parse_size(f[3], nch, &c->nchanges) < 0 ||
		    c->first_change + c->nchanges > nch)
			goto bad;
		errno = 0;
		t = strtoll(f[1], &e2, 10);
		if (errno || *e2 || e2 == f[1])
			goto bad;
		c->time = t;
		memcpy(c->id, f[0], sizeof c->id);
		unesc(f[4]);
		unesc(f[5]);
		c->author = strdup(f[4]);
		c->summary = strdup(f[5]);
		h->ncommits++;
		if (!c->author || !c->summary) {
			r = err_oom();
			goto bad;
		}
	}
	for (i = 0; i < nf; i++) {
		history_file *hf = &h->files[i];
		char *p;
		if (!(line = next_line(&cur, end)) || (line[0] != '+' && line[0] != '-') || split_tabs(line + 1, f, 2) != 2)
			goto bad;
		h->nfiles++;
		if (line[0] == '+') {
			unesc(f[0]);
			if (!*f[0] || !(hf->path = strdup(f[0]))) {
				if (*f[0])
					r = err_oom();
				goto bad;
			}
			if (map_get(h, hf->path) != NONE)
				goto bad;
			if (map_put(h, i) < 0) {
				r = -1;
				goto bad;
			}
		}
		n = (size_t)strtoull(f[1], &p, 10);
		if (p == f[1] || n > nc)
			goto bad;
		hf->commits = malloc((n ? n : 1) * sizeof *hf->commits);
		if (!hf->commits) {
			r = err_oom();
			goto bad;
		}
		hf->cap = n ? n : 1;
		for (; hf->ncommits < n; hf->ncommits++) {
			char *q;
			if (*p != ' ')
				goto bad;
			hf->commits[hf->ncommits] = (size_t)strtoull(p + 1, &q, 10);
			if (q == p + 1 || hf->commits[hf->ncommits] >= nc)
				goto bad;
			p = q;
		}
		if (*p)
			goto bad;
	}
	for (i = 0; i < nch; i++) {
		history_change *c = &h->changes[i];
		size_t st;
		if (!(line = next_line(&cur, end)) || split_tabs(line, f, 4) != 4 || parse_size(f[0], 3, &st) < 0 ||
		    parse_size(f[1], nf ? nf - 1 : 0, &c->file) < 0 || !nf)
			goto bad;
		unesc(f[2]);
		unesc(f[3]);
		c->status = (history_status)st;
		c->path = strdup(f[2]);
		c->old_path = *f[3] ? strdup(f[3]) : NULL;
		h->nchanges++;
		if (!c->path || (*f[3] && !c->old_path)) {
			r = err_oom();
			goto bad;
		}
	}
	if (!(line = next_line(&cur, end)) || strcmp(line, "end") != 0 || cur != end)
		goto bad;
	buf_free(&src);
	return 1;
bad:
	buf_free(&src);
	free_model(h);
	return r;
}

/* ---- loading ---- */

static int set_why(history *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int set_why(history *h, const char *fmt, ...)
{
	buf_t b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	free(h->why);
	h->why = buf_detach(&b, NULL);
	h->available = 0;
	return h->why ? 0 : err_oom();
}

static const char *git_msg(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown libgit2 error";
}

static double now_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads a HISTORY_REV_FILE in source: 1 found (fields malloc'd), 0 none,
 * -1 error. */
static int read_rev_file(const char *source, char **repo, char **commit, char **prefix)
{
	buf_t path = BUF_INIT, src = BUF_INIT;
	char *line[3] = { NULL, NULL, NULL }, *p, *nl;
	int i, r = -1;

	*repo = *commit = *prefix = NULL;
	if (fs_join(&path, source, HISTORY_REV_FILE) < 0)
		return -1;
	if (!fs_exists(path.ptr)) {
		buf_free(&path);
		return 0;
	}
	if (fs_read(path.ptr, &src) < 0)
		goto done;
	p = src.ptr;
	for (i = 0; i < 3; i++) {
		nl = strchr(p, '\n');
		if (!nl) {
			err_set(path.ptr, i + 1, 1, "broken file: three lines expected");
			goto done;
		}
		line[i] = strndup(p, (size_t)(nl - p));
		if (!line[i]) {
			err_oom();
			goto done;
		}
		p = nl + 1;
	}
	*repo = line[0];
	*commit = line[1];
	*prefix = line[2];
	line[0] = line[1] = line[2] = NULL;
	r = 1;
done:
	for (i = 0; i < 3; i++)
		free(line[i]);
	buf_free(&path);
	buf_free(&src);
	return r;
}

int history_write_rev_file(const char *dir, const char *repo, const char *commit_hex, const char *prefix)
{
	buf_t path = BUF_INIT, b = BUF_INIT;
	int r;

	if (strchr(repo, '\n') || strchr(commit_hex, '\n') || strchr(prefix, '\n'))
		return err_set(repo, 0, 0, "a path with a line break cannot be recorded");
	buf_printf(&b, "%s\n%s\n%s\n", repo, commit_hex, prefix);
	if (fs_join(&path, dir, HISTORY_REV_FILE) < 0 || b.oom)
		r = err_oom();
	else
		r = fs_write(path.ptr, b.ptr, b.len);
	buf_free(&path);
	buf_free(&b);
	return r;
}

int history_site_prefix(struct git_repository *repo, const char *source, buf_t *out)
{
	const char *wd = git_repository_workdir(repo);
	char *src = realpath(source, NULL), *wdr;
	size_t n;
	int r = 0;

	buf_reset(out);
	if (!wd || !src) {
		free(src);
		return 0;
	}
	wdr = realpath(wd, NULL);
	if (!wdr) {
		free(src);
		return 0;
	}
	n = strlen(wdr);
	while (n > 1 && wdr[n - 1] == '/')
		n--;
	if (strncmp(src, wdr, n) == 0 && (src[n] == '/' || src[n] == '\0')) {
		const char *rest = src + n;
		while (*rest == '/')
			rest++;
		buf_puts(out, rest);
		if (out->len)
			buf_putc(out, '/');
		r = out->oom ? err_oom() : 1;
	}
	free(src);
	free(wdr);
	return r;
}

static int mark_dirty(history *h, const char *rel, buf_t *names)
{
	size_t f = map_get(h, rel);

	if (f != NONE) {
		if (h->files[f].dirty)
			return 0;
		h->files[f].dirty = 1;
	}
	h->ndirty++;
	if (h->ndirty <= 3) {
		if (names->len)
			buf_puts(names, ", ");
		buf_puts(names, rel);
	}
	return names->oom ? err_oom() : 0;
}

int history_pathspecs(char *out[3], const char *prefix)
{
	static const char *const dirs[3] = { "content", "data", "site.toml" };
	int special = strpbrk(prefix, "*?[]\\") != NULL, k;
	const char *p;

	for (k = 0; k < 3; k++) {
		buf_t b = BUF_INIT;
		/* a pattern never matches a folder named "a[1]" as a folder:
		 * escaped, and its files matched with a star */
		for (p = prefix; *p; p++) {
			if (strchr("*?[]\\", *p))
				buf_putc(&b, '\\');
			buf_putc(&b, *p);
		}
		buf_puts(&b, dirs[k]);
		if (special && k < 2)
			buf_puts(&b, "/*");
		out[k] = buf_detach(&b, NULL);
		if (!out[k]) {
			while (k-- > 0) {
				free(out[k]);
				out[k] = NULL;
			}
			return err_oom();
		}
	}
	return 0;
}

/* Marks files with uncommitted changes (index or working tree, untracked
 * included) and warns once. Like git status, libgit2 refreshes the index's
 * cached file times when they are stale (never what is staged). */
static int check_worktree(history *h, git_repository *repo, const char *prefix)
{
	git_status_options so;
	git_status_list *sl = NULL;
	char *paths[3] = { NULL, NULL, NULL };
	buf_t names = BUF_INIT, b = BUF_INIT;
	size_t i, n, plen = strlen(prefix);
	int r = -1, k;

	if (history_pathspecs(paths, prefix) < 0)
		goto done;
	git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION);
	so.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	so.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
		   GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_UPDATE_INDEX;
	so.pathspec.strings = paths;
	so.pathspec.count = 3;
	if (git_status_list_new(&sl, repo, &so) < 0) {
		/* the index may be locked by a git command: look without refreshing */
		so.flags &= ~(unsigned)GIT_STATUS_OPT_UPDATE_INDEX;
		if (git_status_list_new(&sl, repo, &so) < 0) {
			warn_add(NULL, 0, 0, "history: cannot check for uncommitted changes: %s", git_msg());
			r = 0;
			goto done;
		}
	}
	n = git_status_list_entrycount(sl);
	for (i = 0; i < n; i++) {
		const git_status_entry *e = git_status_byindex(sl, i);
		const git_diff_delta *d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
		const char *p;
		if (!d || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED))
			continue;
		p = d->new_file.path ? d->new_file.path : d->old_file.path;
		if (!p || strncmp(p, prefix, plen) != 0)
			continue;
		if (mark_dirty(h, p + plen, &names) < 0)
			goto done;
	}
	if (h->ndirty)
		warn_add(NULL, 0, 0, "history: %zu file%s not committed yet (%s%s): %s dates come from front "
			 "matter (lastmod) or the last commit; commit with: congkhai commit -m \"...\"",
			 h->ndirty, h->ndirty == 1 ? "" : "s", names.ptr, h->ndirty > 3 ? ", ..." : "",
			 h->ndirty == 1 ? "its" : "their");
	r = 0;
done:
	for (k = 0; k < 3; k++)
		free(paths[k]);
	git_status_list_free(sl);
	buf_free(&names);
	buf_free(&b);
	return r;
}

/* Walks from `from` (not below `hide` when given: those commits are in the
 * model already). 0 done, 1 libgit2 failed (h->why set), -1 our error. */
static int walk_all(history *h, git_repository *repo, const char *prefix, const git_oid *from, const git_oid *hide)
{
	walker w;
	git_revwalk *rw = NULL;
	git_oid oid;
	size_t k;
	int r = -1, e;

	memset(&w, 0, sizeof w);
	buf_init(&w.path);
	err_clear(); /* below, a set slot tells our failures from libgit2's */
	w.repo = repo;
	w.h = h;
	w.prefix = prefix;
	w.prefixlen = strlen(prefix);
	/* like git, trust the object store's hashes while reading (git checks
	 * them in fsck); checking each object's hash doubles the walk's time */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	if (git_revwalk_new(&rw, repo) < 0 ||
	    git_revwalk_sorting(rw, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE) < 0 ||
	    git_revwalk_push(rw, from) < 0 || (hide && git_revwalk_hide(rw, hide) < 0) ||
	    git_repository_odb(&w.odb, repo) < 0)
		goto libgit;
	if (packs_open(&w) < 0)
		goto done;
	while ((e = git_revwalk_next(&oid, rw)) == 0) {
		h->walked++;
		if (walk_commit(&w, &oid) < 0) {
			if (err_isset())
				goto done;
			if (w.bad) {
				r = set_why(h, "cannot read the git history: a tree object is malformed");
				if (r == 0)
					r = 1;
				goto done;
			}
			goto libgit;
		}
	}
	if (e != GIT_ITEROVER)
		goto libgit;
	r = 0;
	goto done;
libgit:
	r = set_why(h, "cannot read the git history: %s", git_msg());
	/* the partial model is dropped below */
	if (r == 0)
		r = 1;
done:
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1);
	clear_pend(&w);
	free(w.items);
	buf_free(&w.path);
	for (k = 0; k < TREE_SLOTS; k++)
		rtree_put(&w, w.cache[k].t);
	packs_free(&w);
	h->stats.trees += w.nread;
	h->stats.packed += w.npacked;
	h->stats.guided += w.nguided;
	git_odb_free(w.odb);
	git_revwalk_free(rw);
	return r;
}

static void free_model(history *h)
{
	size_t i;

	for (i = 0; i < h->ncommits; i++) {
		free(h->commits[i].author);
		free(h->commits[i].summary);
	}
	free(h->commits);
	for (i = 0; i < h->nchanges; i++) {
		free(h->changes[i].path);
		free(h->changes[i].old_path);
	}
	free(h->changes);
	for (i = 0; i < h->nfiles; i++) {
		free(h->files[i].path);
		free(h->files[i].commits);
	}
	free(h->files);
	free(h->slots);
	h->commits = NULL;
	h->changes = NULL;
	h->files = NULL;
	h->slots = NULL;
	h->ncommits = h->capcommits = h->nchanges = h->capchanges = 0;
	h->nfiles = h->capfiles = h->nslots = h->nused = h->nlive = h->ndirty = 0;
}

/* Fills h; 0 also when the history is not available (h->why set). */
static int load(history *h, const char *source)
{
	git_repository *repo = NULL;
	char *rrepo = NULL, *rcommit = NULL, *rprefix = NULL;
	buf_t prefix = BUF_INIT, cpath = BUF_INIT;
	git_oid from, chead;
	int r = -1, e, rev, cached = 0, use_cache = 0;

	rev = read_rev_file(source, &rrepo, &rcommit, &rprefix);
	if (rev < 0)
		return -1;
	if (rev) {
		e = git_repository_open_ext(&repo, rrepo, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
		if (e == 0 && git_oid_fromstr(&from, rcommit) < 0)
			e = -1;
		if (e < 0) {
			r = set_why(h, "cannot open the repository %s: %s", rrepo, git_msg());
			goto done;
		}
		if (buf_puts(&prefix, rprefix) < 0) {
			err_oom();
			goto done;
		}
	} else {
		e = git_repository_open_ext(&repo, source, 0, NULL);
		if (e == GIT_ENOTFOUND) {
			r = set_why(h, "the site folder is not in a git repository");
			goto done;
		}
		if (e < 0) {
			r = set_why(h, "cannot open the git repository: %s", git_msg());
			goto done;
		}
		if (git_repository_is_bare(repo)) {
			r = set_why(h, "the repository has no work tree");
			goto done;
		}
		e = history_site_prefix(repo, source, &prefix);
		if (e < 0)
			goto done;
		if (e == 0) {
			r = set_why(h, "cannot find the site folder in the repository's work tree");
			goto done;
		}
	}
	if (git_repository_is_shallow(repo)) {
		r = set_why(h, "the repository is a shallow clone, its older commits are missing "
			       "(fetch them with: git fetch --unshallow)");
		goto done;
	}
	if (!rev) {
		e = git_reference_name_to_id(&from, repo, "HEAD");
		if (e == GIT_ENOTFOUND || e == GIT_EUNBORNBRANCH || git_repository_head_unborn(repo) == 1) {
			r = set_why(h, "the repository has no commits yet");
			goto done;
		}
		if (e < 0) {
			r = set_why(h, "cannot read HEAD: %s", git_msg());
			goto done;
		}
	}
	/* the cache: up to date (2), to extend (1), or none (0) */
	if (h->set.cache) {
		use_cache = cache_path(&cpath, repo, prefix.ptr);
		if (use_cache < 0)
			goto done;
	}
	if (use_cache) {
		cached = cache_read(h, cpath.ptr, prefix.ptr, &chead);
		if (cached < 0)
			goto done;
		if (cached && !git_oid_equal(&chead, &from)) {
			e = git_graph_descendant_of(repo, &from, &chead);
			if (e != 1) {
				free_model(h);
				cached = 0;
			}
		} else if (cached) {
			cached = 2;
		}
	}
	if (cached != 2) {
		e = walk_all(h, repo, prefix.ptr, &from, cached ? &chead : NULL);
		if (e < 0)
			goto done;
		if (e > 0) {
			free_model(h);
			r = 0;
			goto done;
		}
		/* best effort: a build never fails for its cache */
		if (use_cache && !rev && cache_write(h, cpath.ptr, prefix.ptr, &from) < 0)
			err_clear();
	}
	h->available = 1;
	if (!rev && check_worktree(h, repo, prefix.ptr) < 0)
		goto done;
	r = 0;
done:
	git_repository_free(repo);
	free(rrepo);
	free(rcommit);
	free(rprefix);
	buf_free(&prefix);
	buf_free(&cpath);
	return r;
}

int history_load(history **out, const char *source, const config *cfg)
{
	history_settings set;
	history *h;
	double t0 = now_seconds();
	int r;

	*out = NULL;
	if (history_settings_get(&set, cfg) < 0)
		return -1;
	h = calloc(1, sizeof *h);
	if (!h)
		return err_oom();
	h->set = set;
	if (!set.enabled) {
		if (set_why(h, "turned off in site.toml ([history] enabled = false)") < 0) {
			history_free(h);
			return -1;
		}
		*out = h;
		return 0;
	}
	if (git_libgit2_init() < 0) {
		r = set_why(h, "cannot start libgit2");
	} else {
		r = load(h, source ? source : ".");
		git_libgit2_shutdown();
	}
	if (r < 0) {
		char *saved = err_save();
		history_free(h);
		err_restore(saved);
		return -1;
	}
	if (!h->available)
		warn_add(NULL, 0, 0, "history: not available: %s; page dates come from front matter", h->why);
	h->seconds = now_seconds() - t0;
	*out = h;
	return 0;
}

void history_free(history *h)
{
	if (!h)
		return;
	free_model(h);
	free(h->why);
	free(h);
}

const history_settings *history_get_settings(const history *h)
{
	static const history_settings defaults = { 1, 0, NULL, NULL, 50, "site", 1 };
	return h ? &h->set : &defaults;
}

int history_available(const history *h)
{
	return h && h->available;
}

const char *history_why(const history *h)
{
	return h && h->why ? h->why : "";
}

size_t history_ncommits(const history *h)
{
	return h ? h->ncommits : 0;
}

const history_commit *history_commit_at(const history *h, size_t i)
{
	return h && i < h->ncommits ? &h->commits[i] : NULL;
}

const history_change *history_change_at(const history *h, size_t i)
{
	return h && i < h->nchanges ? &h->changes[i] : NULL;
}

size_t history_nfiles(const history *h)
{
	return h ? h->nfiles : 0;
}

const history_file *history_file_at(const history *h, size_t i)
{
	return h && i < h->nfiles ? &h->files[i] : NULL;
}

const history_file *history_find(const history *h, const char *rel)
{
	size_t f;

	if (!h || !h->available)
		return NULL;
	f = map_get(h, rel);
	return f == NONE ? NULL : &h->files[f];
}

size_t history_ndirty(const history *h)
{
	return h ? h->ndirty : 0;
}

size_t history_walked(const history *h)
{
	return h ? h->walked : 0;
}

double history_seconds(const history *h)
{
	return h ? h->seconds : 0;
}

void history_get_stats(const history *h, history_stats *out)
{
	if (h)
		*out = h->stats;
	else
		memset(out, 0, sizeof *out);
}

const char *history_site_rel(const char *source, const char *path)
{
	size_t n;

	if (!source || strcmp(source, ".") == 0)
		return strncmp(path, "./", 2) == 0 ? path + 2 : path;
	n = strlen(source);
	if (strncmp(path, source, n) != 0)
		return path;
	path += n;
	while (*path == '/')
		path++;
	return path;
}

void history_local_date(int64_t t, value_dt *out)
{
	time_t tt = (time_t)(t + 7 * 3600);
	struct tm tm;

	memset(out, 0, sizeof *out);
	out->kind = DT_LOCAL;
	if (!gmtime_r(&tt, &tm))
		return;
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->second = tm.tm_sec;
}
