#include "history.h"

#include "buf.h"
#include "err.h"
#include "fs.h"

#include <git2.h>

#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define NONE ((size_t)-1)
#define TOMB ((size_t)-1) /* a deleted slot of the path map */
#define TREE_SLOTS 256    /* trees kept between commits (see tree_get) */

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
	char *path;      /* relative to the site folder */
} pend;

/* A tree object as read from the object store, with the offsets of its
 * entries ("<mode> <name>\0<20-byte id>", in git's order). Shared by
 * reference count between the cache and the comparison using it. */
typedef struct {
	git_odb_object *obj;
	const unsigned char *data;
	size_t len;
	uint32_t *offs;        /* entry starts; NULL until known */
	size_t n;
	int refs;
} rtree;

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
} walker;

static void rtree_put(rtree *t)
{
	if (t && --t->refs == 0) {
		git_odb_object_free(t->obj);
		free(t->offs);
		free(t);
	}
}

/* Parses the entry at off: 1, 0 at the end, -1 malformed. */
static int rentry_at(const rtree *t, size_t off, rentry *e)
{
	const unsigned char *p = t->data + off, *end = t->data + t->len, *z;
	unsigned mode = 0;

	if (off >= t->len)
		return 0;
	while (p < end && *p >= '0' && *p <= '7')
		mode = mode * 8 + (unsigned)(*p++ - '0');
	if (p >= end || *p != ' ' || p == t->data + off)
		return -1;
	p++;
	z = memchr(p, '\0', (size_t)(end - p));
	if (!z || z == p || (size_t)(end - z) < 21)
		return -1;
	e->mode = mode;
	e->name = (const char *)p;
	e->nlen = (size_t)(z - p);
	e->id = z + 1;
	e->end = (size_t)(z + 21 - t->data);
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
	t = calloc(1, sizeof *t);
	if (!t) {
		err_oom();
		return NULL;
	}
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
	t->refs = 2; /* the cache's and the caller's */
	rtree_put(w->cache[slot].t);
	w->cache[slot].t = t;
	w->cache[slot].id = *id;
	return t;
}

static int add_pend(walker *w, char kind, const unsigned char *raw)
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
	git_oid_fromraw(&p->id, raw);
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
		r = add_pend(w, kind, e->id);
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
		r = add_pend(w, 'M', eb->id);
		buf_truncate(&w->path, len);
		return r;
	}
	if (diff_one(w, ea, 'D') < 0)
		return -1;
	return diff_one(w, eb, 'A');
}

/* Compares the trees a and b (either may be NULL: absent) of the folder
 * w->path, in git's entry order. Equal subtrees are skipped unread; in a
 * large folder the equal bytes at both ends of the two trees are skipped
 * with memcmp and only the entries between are read, and b's entry
 * offsets are made from a's (they are needed when b is the next commit's
 * old side). */
static int diff_trees(walker *w, const git_oid *a, const git_oid *b)
{
	rtree *ta = NULL, *tb = NULL;
	uint32_t *boffs = NULL;
	size_t nb = 0, capb = 0, ia = 0, pa = 0, pb = 0, suffix = 0, k;
	int build_b, r = -1, ra, rb;
	rentry ea, eb;

	if ((a && !(ta = tree_get(w, a))) || (b && !(tb = tree_get(w, b))))
		goto done;
	if (ta && !ta->offs && rtree_scan(w, ta) < 0)
		goto done;
	build_b = tb && !tb->offs;
	if (ta && tb) {
		/* the equal bytes at the start: entries before them are equal */
		size_t n = ta->len < tb->len ? ta->len : tb->len, pre = 0, lo, hi;
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
		if (ta && tb && ra > 0 && rb > 0 && ta->len - pa == tb->len - pb && ta->len - pa <= suffix) {
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
	rtree_put(ta);
	rtree_put(tb);
	return r;
}

static const char *const tracked[] = { "content", "data", "site.toml" };

/* The entry named name in t (a small tree: read through). 1 found, 0 not,
 * -1 malformed. */
static int rtree_find(const rtree *t, const char *name, rentry *out)
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
	rtree_put(ta);
	rtree_put(tb);
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
		rtree_put(t);
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

/* Pairs deleted and added files of one commit: the same blob first, then
 * similar text (git_diff_find_similar, on those paths only). */
static int find_renames(walker *w, const git_commit *c, const git_commit *parent)
{
	size_t i, j, nd = 0, na = 0;
	oid_item *adds = NULL;
	git_strarray ps = { NULL, 0 };
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
	/* similar: libgit2's rename detection, on the remaining paths */
	for (j = 0; j < na; j++)
		if (w->items[adds[j].item].pair == NONE)
			break;
	if (!nd || j == na || !parent) {
		r = 0;
		goto done;
	}
	ps.strings = calloc(w->nitems, sizeof *ps.strings);
	if (!ps.strings) {
		err_oom();
		goto done;
	}
	for (i = 0; i < w->nitems; i++) {
		pend *it = &w->items[i];
		if (it->dropped || it->kind == 'M' || it->pair != NONE)
			continue;
		buf_reset(&b);
		buf_put(&b, w->prefix, w->prefixlen);
		buf_puts(&b, it->path);
		if (b.oom || !(ps.strings[ps.count] = strdup(b.ptr))) {
			err_oom();
			goto done;
		}
		ps.count++;
	}
	{
		git_diff_options dopt;
		git_diff_find_options fopt;
		size_t nd2;

		git_diff_options_init(&dopt, GIT_DIFF_OPTIONS_VERSION);
		git_diff_find_options_init(&fopt, GIT_DIFF_FIND_OPTIONS_VERSION);
		dopt.flags = GIT_DIFF_DISABLE_PATHSPEC_MATCH;
		dopt.pathspec = ps;
		fopt.flags = GIT_DIFF_FIND_RENAMES;
		if (git_commit_tree(&ta, parent) < 0 || git_commit_tree(&tb, c) < 0 ||
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
	for (i = 0; i < ps.count; i++)
		free(ps.strings[i]);
	free(ps.strings);
	git_diff_free(diff);
	git_tree_free(ta);
	git_tree_free(tb);
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
	if (w->nitems && find_renames(w, c, p) < 0)
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
		rtree_put(w.cache[k].t);
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
