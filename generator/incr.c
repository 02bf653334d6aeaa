#include "incr.h"
#include "search.h"

#include "docs.h"
#include "err.h"
#include "fs.h"
#include "output.h"
#include "render.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Modules whose pages depend on other pages' text (see incr.h) add their
 * function here. */
static const incr_dependents_fn dependents[] = {
	docs_dependents, /* docs.h: backlinks of the documents a page cites */
	NULL
};

/* A set of strings (open addressing, FNV-1a). */
typedef struct {
	char **slots;
	size_t cap, len;
} strset;

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static void strset_free(strset *ss)
{
	size_t i;

	for (i = 0; i < ss->cap; i++)
		free(ss->slots[i]);
	free(ss->slots);
	memset(ss, 0, sizeof *ss);
}

static int strset_has(const strset *ss, const char *s)
{
	size_t i;

	if (!ss->cap)
		return 0;
	for (i = (size_t)str_hash(s) & (ss->cap - 1); ss->slots[i]; i = (i + 1) & (ss->cap - 1))
		if (strcmp(ss->slots[i], s) == 0)
			return 1;
	return 0;
}

/* Puts s (taken: freed when the set holds it already or on failure). */
static int strset_put_own(strset *ss, char *s)
{
	size_t i;

	if ((ss->len + 1) * 2 > ss->cap) {
		size_t ncap = ss->cap ? ss->cap * 2 : 256, j;
		char **n = calloc(ncap, sizeof *n);
		if (!n) {
			free(s);
			return err_oom();
		}
		for (j = 0; j < ss->cap; j++) {
			char *e = ss->slots[j];
			if (!e)
				continue;
			for (i = (size_t)str_hash(e) & (ncap - 1); n[i]; i = (i + 1) & (ncap - 1))
				;
			n[i] = e;
		}
		free(ss->slots);
		ss->slots = n;
		ss->cap = ncap;
	}
	for (i = (size_t)str_hash(s) & (ss->cap - 1); ss->slots[i]; i = (i + 1) & (ss->cap - 1))
		if (strcmp(ss->slots[i], s) == 0) {
			free(s);
			return 0;
		}
	ss->slots[i] = s;
	ss->len++;
	return 0;
}

/* The body of a section or home page, kept for partial renders (render
 * frees a page's Markdown once the page is written). */
typedef struct {
	page *p;
	md_result md;
} snapshot;

struct incr {
	build_options o;
	char *source, *config, *base_url, *output, *now;
	site s;
	int have_site;
	int dirty;         /* the next update is a full build */
	value_dt day;
	snapshot *snaps;
	size_t nsnaps;
	/* during a rebuild */
	strset seen;       /* outputs made by a full build */
	int track;         /* fill seen */
	int fail;          /* out of memory while tracking */
	size_t rendered;
	size_t html_written;
};

int incr_pages_add(incr_pages *ps, page *p)
{
	size_t i;

	for (i = 0; i < ps->len; i++)
		if (ps->items[i] == p)
			return 0;
	if (ps->len == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 8;
		page **n = realloc(ps->items, cap * sizeof *n);
		if (!n)
			return err_oom();
		ps->items = n;
		ps->cap = cap;
	}
	ps->items[ps->len++] = p;
	return 0;
}

static int dup_opt(char **dst, const char *s)
{
	if (!s)
		return 0;
	*dst = strdup(s);
	return *dst ? 0 : -1;
}

incr *incr_new(const build_options *o)
{
	incr *st = calloc(1, sizeof *st);

	if (!st) {
		err_oom();
		return NULL;
	}
	st->o = *o;
	if (dup_opt(&st->source, o->site.source ? o->site.source : ".") < 0 ||
	    dup_opt(&st->config, o->site.config) < 0 || dup_opt(&st->base_url, o->site.base_url) < 0 ||
	    dup_opt(&st->output, o->output) < 0 || dup_opt(&st->now, o->now) < 0) {
		incr_free(st);
		err_oom();
		return NULL;
	}
	st->o.site.source = st->source;
	st->o.site.config = st->config;
	st->o.site.base_url = st->base_url;
	st->o.output = st->output;
	st->o.now = st->now;
	st->dirty = 1;
	return st;
}

static void free_snaps(incr *st)
{
	size_t i;

	for (i = 0; i < st->nsnaps; i++)
		md_result_free(&st->snaps[i].md);
	free(st->snaps);
	st->snaps = NULL;
	st->nsnaps = 0;
}

void incr_free(incr *st)
{
	if (!st)
		return;
	free_snaps(st);
	if (st->have_site)
		site_free(&st->s);
	search_release();
	strset_free(&st->seen);
	free(st->source);
	free(st->config);
	free(st->base_url);
	free(st->output);
	free(st->now);
	free(st);
}

const char *incr_source(const incr *st)
{
	return st->source;
}

const char *incr_output(const incr *st)
{
	return st->output;
}

static int md_copy(md_result *dst, const md_result *src)
{
	md_result_init(dst);
	if (buf_put(&dst->html, src->html.ptr, src->html.len) < 0 ||
	    buf_put(&dst->toc, src->toc.ptr, src->toc.len) < 0 ||
	    buf_put(&dst->summary, src->summary.ptr, src->summary.len) < 0) {
		md_result_free(dst);
		return err_oom();
	}
	dst->headings = src->headings;
	return 0;
}

/* Keeps the bodies of the site's section and home pages. */
static int take_snaps(incr *st, site *s)
{
	size_t i, n = 0;

	free_snaps(st);
	for (i = 0; i < s->nall; i++)
		if (s->all[i]->kind != PAGE_REGULAR && s->all[i]->has_file)
			n++;
	if (!n)
		return 0;
	st->snaps = calloc(n, sizeof *st->snaps);
	if (!st->snaps)
		return err_oom();
	for (i = 0; i < s->nall; i++) {
		page *p = s->all[i];
		if (p->kind == PAGE_REGULAR || !p->has_file)
			continue;
		st->snaps[st->nsnaps].p = p;
		if (md_copy(&st->snaps[st->nsnaps].md, &p->cf.md) < 0)
			return -1;
		st->nsnaps++;
	}
	return 0;
}

/* Puts the kept bodies back before a partial render. */
static int restore_snaps(incr *st)
{
	size_t i;

	for (i = 0; i < st->nsnaps; i++) {
		page *p = st->snaps[i].p;
		md_result_free(&p->cf.md);
		if (md_copy(&p->cf.md, &st->snaps[i].md) < 0)
			return -1;
	}
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void on_write(void *ud, const char *rel, int changed)
{
	incr *st = ud;
	char *c;

	if (changed && ends_with(rel, ".html"))
		st->html_written++;
	if (!st->track || st->fail)
		return;
	c = strdup(rel);
	if (!c || strset_put_own(&st->seen, c) < 0)
		st->fail = 1;
}

typedef struct {
	incr *st;
	incr_pages *only;  /* the pages to render */
	int lists;         /* also every non-regular page */
} want_ctx;

static void count_page(void *ud, size_t done, size_t total)
{
	want_ctx *w = ud;

	w->st->rendered++;
	if (w->st->o.progress)
		w->st->o.progress(w->st->o.progress_ud, done, total);
}

static int want_page(void *ud, const page *p)
{
	const want_ctx *w = ud;
	size_t i;

	if (w->lists && p->kind != PAGE_REGULAR)
		return 1;
	for (i = 0; i < w->only->len; i++)
		if (w->only->items[i] == p)
			return 1;
	return 0;
}

/* Removes the files below dir (rel: its path below the output) that the
 * last full build did not make, and folders left empty. */
static int remove_stale(incr *st, const char *dir, const char *rel, size_t *removed)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	buf_t path = BUF_INIT, sub = BUF_INIT;
	int r = 0;

	if (!d)
		return err_set(dir, 0, 0, "cannot read the output folder: %s", strerror(errno));
	while (r == 0 && (e = readdir(d)) != NULL) {
		struct stat sb;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		buf_reset(&sub);
		if (*rel)
			buf_printf(&sub, "%s/", rel);
		buf_puts(&sub, e->d_name);
		if (sub.oom || fs_join(&path, dir, e->d_name) < 0) {
			r = sub.oom ? err_oom() : -1;
			break;
		}
		if (lstat(path.ptr, &sb) < 0)
			continue;
		if (S_ISDIR(sb.st_mode)) {
			r = remove_stale(st, path.ptr, sub.ptr, removed);
			if (r == 0)
				rmdir(path.ptr); /* only when empty */
		} else if (!strset_has(&st->seen, sub.ptr)) {
			if (unlink(path.ptr) < 0 && errno != ENOENT)
				r = err_set(path.ptr, 0, 0, "cannot remove: %s", strerror(errno));
			else
				(*removed)++;
		}
	}
	closedir(d);
	buf_free(&path);
	buf_free(&sub);
	return r;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

int incr_build(incr *st, incr_result *res)
{
	site ns;
	output out;
	render_filter f;
	want_ctx w;
	struct timespec t0;
	int r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(res, 0, sizeof *res);
	res->kind = INCR_FULL;
	st->dirty = 1;
	st->rendered = 0;
	st->html_written = 0;
	if (build_today(st->o.now, &st->day) < 0)
		return -1;
	/* the old model goes first: two models of a big site need twice the
	 * memory, and a failed load leaves st dirty anyway */
	free_snaps(st);
	if (st->have_site)
		site_free(&st->s);
	st->have_site = 0;
	if (site_load(&ns, &st->o.site) < 0)
		return -1;
	st->s = ns;
	st->have_site = 1;
	memset(&out, 0, sizeof out);
	out.max_bytes = st->o.max_bytes;
	out.on_write = on_write;
	out.on_write_ud = st;
	strset_free(&st->seen);
	st->track = 1;
	st->fail = 0;
	memset(&w, 0, sizeof w);
	w.st = st;
	memset(&f, 0, sizeof f);
	f.generators = f.site_files = 1;
	f.progress = count_page;
	f.progress_ud = &w;
	r = take_snaps(st, &st->s);
	if (r == 0)
		r = build_output_setup(&st->s, &out);
	if (r == 0)
		r = output_begin_live(&out, st->output);
	if (r == 0) {
		r = render_site_some(&st->s, &out, &st->day, &f);
		res->written = out.changed;
		res->files = out.files;
		output_commit(&out);
	}
	st->track = 0;
	if (r == 0 && st->fail)
		r = err_oom();
	if (r == 0)
		r = remove_stale(st, st->output, "", &res->removed);
	strset_free(&st->seen);
	res->pages = st->s.nall;
	res->rendered = st->rendered;
	res->html_written = st->html_written;
	res->ms = ms_since(&t0);
	if (r == 0)
		st->dirty = 0;
	return r;
}

/* Deep equality of two front-matter values (kinds, contents, key order). */
static int value_same(const value *a, const value *b)
{
	size_t i;

	if (!a || !b)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case V_NULL:
		return 1;
	case V_BOOL:
		return !a->u.b == !b->u.b;
	case V_INT:
		return a->u.i == b->u.i;
	case V_FLOAT:
		return memcmp(&a->u.f, &b->u.f, sizeof a->u.f) == 0;
	case V_STRING:
		return a->u.s.len == b->u.s.len && memcmp(a->u.s.ptr, b->u.s.ptr, a->u.s.len) == 0;
	case V_DATETIME:
		return a->u.dt.kind == b->u.dt.kind && a->u.dt.year == b->u.dt.year &&
		       a->u.dt.month == b->u.dt.month && a->u.dt.day == b->u.dt.day &&
		       a->u.dt.hour == b->u.dt.hour && a->u.dt.minute == b->u.dt.minute &&
		       a->u.dt.second == b->u.dt.second && strcmp(a->u.dt.frac, b->u.dt.frac) == 0 &&
		       a->u.dt.offset_min == b->u.dt.offset_min && a->u.dt.offset_z == b->u.dt.offset_z;
	case V_ARRAY:
		if (a->u.a.len != b->u.a.len)
			return 0;
		for (i = 0; i < a->u.a.len; i++)
			if (!value_same(a->u.a.items[i], b->u.a.items[i]))
				return 0;
		return 1;
	case V_TABLE:
		if (a->u.t.len != b->u.t.len)
			return 0;
		for (i = 0; i < a->u.t.len; i++)
			if (a->u.t.klens[i] != b->u.t.klens[i] ||
			    memcmp(a->u.t.keys[i], b->u.t.keys[i], a->u.t.klens[i]) != 0 ||
			    !value_same(a->u.t.vals[i], b->u.t.vals[i]))
				return 0;
		return 1;
	}
	return 0;
}

/* The regular page read from the file at path (as messages show it). */
static page *page_of_file(site *s, const char *path)
{
	size_t i;

	for (i = 0; i < s->nall; i++) {
		page *p = s->all[i];
		if (p->kind == PAGE_REGULAR && p->has_file && p->cf.path && strcmp(p->cf.path, path) == 0)
			return p;
	}
	return NULL;
}

/* One changed Markdown file read again. */
typedef struct {
	page *p;
	content_file cf;
	int summary_changed;
} reread;

/* The summary that site.c would give a page with cf. */
static const char *summary_of(const content_file *cf)
{
	const char *sum = value_get_str(cf->fm, "summary", NULL);
	return sum ? sum : cf->md.summary.ptr;
}

/* Decides whether paths can be rebuilt without a full build: 1 yes (rr
 * filled), 0 no, -1 error (a changed file cannot be read or parsed). */
static int plan(incr *st, const char *const *paths, size_t n, reread *rr, size_t *nrr)
{
	buf_t full = BUF_INIT;
	size_t i;
	int r = 1;

	*nrr = 0;
	for (i = 0; i < n && r == 1; i++) {
		const char *rel = paths[i], *base = strrchr(rel, '/');
		reread *e;
		size_t j;
		int dup = 0;

		base = base ? base + 1 : rel;
		if (strncmp(rel, "content/", 8) != 0 || !ends_with(rel, ".md") || strcmp(base, "_index.md") == 0) {
			r = 0;
			break;
		}
		if (site_path(&st->s, &full, rel) < 0) {
			r = -1;
			break;
		}
		for (j = 0; j < *nrr; j++)
			if (strcmp(rr[j].p->cf.path, full.ptr) == 0)
				dup = 1;
		if (dup)
			continue;
		e = &rr[*nrr];
		memset(e, 0, sizeof *e);
		e->p = page_of_file(&st->s, full.ptr);
		if (!e->p || !fs_exists(full.ptr) || e->p->claimed) {
			r = 0; /* a new or removed page, or one a generator renders */
			break;
		}
		if (site_read_content(&st->s, &e->cf, full.ptr) < 0) {
			r = -1;
			break;
		}
		(*nrr)++;
		if ((e->cf.draft && !st->o.site.drafts) || !value_same(e->cf.fm, e->p->cf.fm))
			r = 0; /* the page's place in lists, URLs, terms may change */
		else
			e->summary_changed = strcmp(summary_of(&e->cf), e->p->summary ? e->p->summary : "") != 0;
	}
	buf_free(&full);
	if (r != 1) {
		for (i = 0; i < *nrr; i++)
			content_free(&rr[i].cf);
		*nrr = 0;
	}
	return r;
}

int incr_update(incr *st, const char *const *paths, size_t n, incr_result *res)
{
	reread *rr = NULL;
	size_t nrr = 0, i, k, nchanged;
	incr_pages only = { NULL, 0, 0 };
	int lists = 0, r, full = 0;
	struct timespec t0;
	output out;
	render_filter f;
	want_ctx w;

	if (st->dirty || !st->have_site || n == 0)
		return incr_build(st, res);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rr = calloc(n, sizeof *rr);
	if (!rr)
		return err_oom();
	r = plan(st, paths, n, rr, &nrr);
	if (r <= 0) {
		free(rr);
		return r == 0 ? incr_build(st, res) : -1;
	}
	memset(res, 0, sizeof *res);
	st->dirty = 1; /* until this rebuild succeeds */
	for (i = 0; i < nrr; i++) {
		page *p = rr[i].p;
		if (rr[i].summary_changed) {
			char *sum = strdup(summary_of(&rr[i].cf));
			if (!sum) {
				r = err_oom();
				break;
			}
			free(p->summary);
			p->summary = sum;
			lists = 1;
		}
		/* only the body is new: the front matter is equal, and modules
		 * may hold pointers into the one they saw at load */
		md_result_free(&p->cf.md);
		p->cf.md = rr[i].cf.md;
		md_result_init(&rr[i].cf.md);
		if (incr_pages_add(&only, p) < 0) {
			r = -1;
			break;
		}
	}
	for (i = 0; i < nrr; i++)
		content_free(&rr[i].cf);
	free(rr);
	/* modules that show other pages' text name the pages to render again */
	nchanged = only.len;
	for (k = 0; r >= 0 && !full && k < nchanged; k++)
		for (i = 0; dependents[i]; i++) {
			int d = dependents[i](&st->s, only.items[k], &only);
			if (d < 0) {
				r = -1;
				break;
			}
			if (d > 0) {
				full = 1;
				break;
			}
		}
	/* the dependents' bodies were freed when they were written: read them
	 * again (their files did not change) */
	for (k = nchanged; r >= 0 && !full && k < only.len; k++) {
		page *q = only.items[k];
		content_file cf;
		if (q->claimed) {
			full = 1; /* a generator renders it: let everything run */
			break;
		}
		if (q->kind != PAGE_REGULAR || !q->has_file || !q->cf.path)
			continue;
		if (site_read_content(&st->s, &cf, q->cf.path) < 0) {
			err_clear();
			full = 1; /* changed or gone meanwhile: start over */
			break;
		}
		md_result_free(&q->cf.md);
		q->cf.md = cf.md;
		md_result_init(&cf.md);
		content_free(&cf);
	}
	if (r < 0 || full) {
		free(only.items);
		return r < 0 ? -1 : incr_build(st, res);
	}
	res->kind = lists ? INCR_LISTS : INCR_PAGES;
	st->rendered = 0;
	st->html_written = 0;
	memset(&w, 0, sizeof w);
	w.st = st;
	w.only = &only;
	w.lists = lists;
	memset(&f, 0, sizeof f);
	f.want = want_page;
	f.ud = &w;
	f.generators = 1;
	f.home_feed = lists;
	f.incremental = 1;
	f.changed = only.items;
	f.nchanged = nchanged;
	f.progress = count_page;
	f.progress_ud = &w;
	memset(&out, 0, sizeof out);
	out.max_bytes = st->o.max_bytes;
	out.on_write = on_write;
	out.on_write_ud = st;
	r = restore_snaps(st);
	if (r == 0)
		r = build_output_setup(&st->s, &out);
	if (r == 0)
		r = output_begin_live(&out, st->output);
	if (r == 0) {
		r = render_site_some(&st->s, &out, &st->day, &f);
		res->written = out.changed;
		res->files = out.files;
		output_commit(&out);
	}
	free(only.items);
	res->pages = st->s.nall;
	res->rendered = st->rendered;
	res->html_written = st->html_written;
	res->ms = ms_since(&t0);
	if (r == 0)
		st->dirty = 0;
	return r;
}
