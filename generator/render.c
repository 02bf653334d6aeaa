#include "render.h"

#include "err.h"
#include "format.h"
#include "dataviews.h"
#include "docs.h"
#include "history.h"
#include "mustache.h"
#include "opendata.h"
#include "pool.h"
#include "search.h"
#include "services.h"
#include "tables.h"
#include "tasks.h"
#include "text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct render_ctx {
	site *s;
	output *out;
	value *site_ctx;   /* ctx[0]: { site, t } */
	const char *root;  /* "/" or "/prefix/" */
	const char *lang;
	value_dt today;
	size_t pages;
	struct extra_url { char *url; int gen; size_t seq; } *extra; /* generated pages, for the sitemap */
	size_t nextra, capextra;
	int gen;           /* the generator running (index in generators[]) */
	struct gen_job **deferred; /* pages taking over a content page's URL */
	size_t ndeferred, capdeferred;
	const render_filter *f; /* NULL: everything (render_site_some) */
	size_t total;      /* pages expected, for progress */
	pool *pool;        /* renders pages (pool.h) */
	pthread_mutex_t lock; /* pages, progress */
};
typedef struct render_ctx rctx;

/* A generated page being rendered by the pool: what render_page_out()
 * received, with copies of the strings it only borrowed. */
typedef struct gen_job {
	rctx *c;
	page fake;       /* the content page with this URL, or a stand-in */
	page *from;      /* a regular content page with this URL: copied into
	                    fake once every content page is written */
	int own_fm;      /* fake.cf.fm is ours */
	value *crumbs, *fields;
	char *name, *url, *title, *origin;
} gen_job;

/* Modules that add fields to every page's context (history, citations)
 * add their function here; it receives the page and the `page` table of
 * its context, after the standard fields are set. 0 / -1. */
typedef int (*render_extender)(render_ctx *c, const page *p, value *pagev);
static const render_extender extenders[] = {
	search_extend, /* search.h: page text for the index */
	docs_extend, /* docs.h: citations linked, backlinks, legal force, JSON-LD
	                (first: the body is still the one it read at load) */
	tables_extend, /* tables.h: wide tables scroll in a keyboard-reachable box */
	history_extend, /* history.h: published / updated dates and the page's changes */
	NULL
};

/* Modules that generate pages from data add their generator here. Most
 * run while the pool writes the content pages (they read the site, the
 * data and what site_load() computed, never a page's rendered body);
 * after_pages marks one that needs every content page's extenders to have
 * run first (the search index reads their records). */
typedef int (*render_generator)(render_ctx *c);
static const struct {
	render_generator fn;
	int after_pages;
} generators[] = {
	{ search_generate, 1 }, /* search.h: /tim-kiem/ and its index */
	{ opendata_generate, 0 }, /* opendata.h: /du-lieu/, CSV and JSON per table, data.json */
	{ services_procedures, 0 }, /* services.h: /thu-tuc/, per field, level and procedure */
	{ services_hotlines, 0 }, /* services.h: /duong-day-nong/ */
	{ services_finance, 0 }, /* services.h: /tai-chinh/ */
	{ services_apologies, 0 }, /* services.h: /xin-loi/ and /xin-loi/luu-tru/ */
	{ dataviews_render, 0 }, /* dataviews.h: /chi-tieu/, /don-vi/, /xep-hang/ */
	{ docs_generate, 0 }, /* docs.h: /van-ban/da-dan-chieu/, /van-ban/nam/<year>/ */
	{ tasks_generate, 0 }, /* tasks.h: <plan>/nhiem-vu/, the plan's task tracker */
	{ history_generate, 0 }, /* history.h: /lich-su/ and its Atom feed */
	{ NULL, 0 }
};

int render_date(buf_t *out, const value_dt *d, date_precision prec, const char *lang)
{
	int vi = strcmp(lang, "en") != 0;

	switch (prec) {
	case DATE_YEAR:
		return buf_printf(out, vi ? "năm %04d" : "%04d", d->year);
	case DATE_MONTH:
		return buf_printf(out, vi ? "tháng %d/%04d" : "%02d/%04d", d->month, d->year);
	default:
		return fmt_date_vi(out, d);
	}
}

static int iso_date(buf_t *out, const value_dt *d)
{
	return buf_printf(out, "%04d-%02d-%02d", d->year, d->month, d->day);
}

/* The URL with the site root: "/van-ban/" -> root + "van-ban/". */
static int site_url(const rctx *c, buf_t *out, const char *url)
{
	if (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0)
		return buf_puts(out, url);
	buf_puts(out, c->root);
	return buf_puts(out, url[0] == '/' ? url + 1 : url);
}

static value *url_value(const rctx *c, const char *url)
{
	buf_t b = BUF_INIT;
	char *s;
	size_t n;

	if (site_url(c, &b, url) < 0) {
		buf_free(&b);
		err_oom();
		return NULL;
	}
	s = buf_detach(&b, &n);
	if (!s) {
		err_oom();
		return NULL;
	}
	return value_new_string_own(s, n);
}

static value *permalink_value(const rctx *c, const char *url)
{
	buf_t b = BUF_INIT;
	char *s;
	size_t n;
	/* base_url already ends with the root's path (without the final '/') */
	buf_puts(&b, c->s->cfg.base_url);
	buf_putc(&b, '/');
	buf_puts(&b, url[0] == '/' ? url + 1 : url);
	s = buf_detach(&b, &n);
	if (!s) {
		err_oom();
		return NULL;
	}
	return value_new_string_own(s, n);
}

static int set_url(const rctx *c, value *t, const char *key, const char *url)
{
	return value_table_setc(t, key, url_value(c, url));
}

static int set_date_fields(const rctx *c, value *t, const page *p)
{
	buf_t b = BUF_INIT;
	int r = 0;

	r |= value_table_set_bool(t, "has_date", p->cf.has_date);
	if (p->cf.has_date) {
		/* a machine-readable date claims no more than the paper gives */
		if (p->cf.precision == DATE_YEAR)
			buf_printf(&b, "%04d", p->cf.date.year);
		else if (p->cf.precision == DATE_MONTH)
			buf_printf(&b, "%04d-%02d", p->cf.date.year, p->cf.date.month);
		else
			iso_date(&b, &p->cf.date);
		r |= value_table_set_strn(t, "date", b.ptr, b.len);
		buf_reset(&b);
		render_date(&b, &p->cf.date, p->cf.precision, c->lang);
		r |= value_table_set_strn(t, "date_vi", b.ptr, b.len);
		buf_reset(&b);
		r |= value_table_set_int(t, "year", p->cf.date.year);
	}
	if (p->cf.has_lastmod) {
		iso_date(&b, &p->cf.lastmod);
		r |= value_table_set_strn(t, "lastmod", b.ptr, b.len);
		buf_reset(&b);
		fmt_date_vi(&b, &p->cf.lastmod);
		r |= value_table_set_strn(t, "lastmod_vi", b.ptr, b.len);
	}
	if (b.oom)
		r = err_oom();
	buf_free(&b);
	return r ? -1 : 0;
}

/* The short form of a page used in lists. */
static value *page_item(const rctx *c, const page *p)
{
	value *t = value_new_table(), *params;
	const char *kind;

	if (!t)
		return NULL;
	params = value_copy(p->cf.fm);
	kind = value_get_str(p->cf.fm, "kind", NULL);
	if (value_table_set_str(t, "title", p->title) < 0 ||
	    set_url(c, t, "url", p->url) < 0 ||
	    value_table_set_str(t, "summary", p->summary ? p->summary : "") < 0 ||
	    value_table_set_str(t, "section", p->section ? p->section : "") < 0 ||
	    (kind && value_table_set_str(t, "kind", kind) < 0) ||
	    set_date_fields(c, t, p) < 0 ||
	    value_table_setc(t, "params", params) < 0) {
		value_free(t);
		return NULL;
	}
	return t;
}

static value *page_list(const rctx *c, page *const *pages, size_t n)
{
	value *a = value_new_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		if (value_array_push(a, page_item(c, pages[i])) < 0) {
			value_free(a);
			return NULL;
		}
	return a;
}

static value *menu_value(const rctx *c, const page *p)
{
	const value *m = value_table_get(c->s->cfg.raw, "menu");
	value *a = value_new_array();
	size_t i;

	if (!a || !m || m->kind != V_ARRAY)
		return a;
	for (i = 0; i < m->u.a.len; i++) {
		const value *e = m->u.a.items[i];
		const char *title = value_get_str(e, "title", NULL);
		const char *url = value_get_str(e, "url", NULL);
		value *item;
		int current;

		if (!title || !url) {
			warn_add(c->s->cfg.path, e->line, e->col, "a [[menu]] entry needs title and url");
			continue;
		}
		current = strcmp(url, "/") == 0 ? p->kind == PAGE_HOME
			: strncmp(p->url, url, strlen(url)) == 0;
		item = value_new_table();
		if (!item || value_table_set_str(item, "title", title) < 0 ||
		    set_url(c, item, "url", url) < 0 || value_table_set_bool(item, "current", current) < 0 ||
		    value_array_push(a, item) < 0) {
			if (item && !err_isset())
				err_oom();
			value_free(a);
			return NULL;
		}
	}
	return a;
}

static value *breadcrumbs(const rctx *c, const page *p)
{
	const page *chain[64];
	size_t n = 0;
	value *a = value_new_array();
	const page *q;

	if (!a)
		return NULL;
	for (q = p->parent; q && n < sizeof chain / sizeof *chain; q = q->parent)
		chain[n++] = q;
	while (n-- > 0) {
		value *item = value_new_table();
		const char *title = chain[n]->kind == PAGE_HOME
			? value_get_str(c->s->th.strings, "home", chain[n]->title) : chain[n]->title;
		if (!item || value_table_set_str(item, "title", title) < 0 ||
		    set_url(c, item, "url", chain[n]->url) < 0 || value_array_push(a, item) < 0) {
			value_free(a);
			return NULL;
		}
	}
	return a;
}

static value *page_taxonomies(const rctx *c, const page *p)
{
	value *a = value_new_array();
	buf_t slug = BUF_INIT, url = BUF_INIT;
	size_t ti, j;

	for (ti = 0; a && ti < c->s->cfg.ntaxonomies; ti++) {
		const config_taxonomy *tx = &c->s->cfg.taxonomies[ti];
		const value *v = value_table_get(p->cf.fm, tx->key);
		value *terms, *entry;
		size_t n;

		if (!v)
			continue;
		n = v->kind == V_ARRAY ? v->u.a.len : 1;
		terms = value_new_array();
		for (j = 0; terms && j < n; j++) {
			const value *tv = v->kind == V_ARRAY ? v->u.a.items[j] : v;
			value *term_v = value_new_table();
			buf_reset(&slug);
			buf_reset(&url);
			if (!term_v || text_slug(&slug, tv->u.s.ptr, tv->u.s.len) < 0 ||
			    buf_printf(&url, "/%s/%s/", tx->path, slug.ptr) < 0 ||
			    value_table_set_str(term_v, "name", tv->u.s.ptr) < 0 ||
			    set_url(c, term_v, "url", url.ptr) < 0 || value_array_push(terms, term_v) < 0) {
				value_free(terms);
				terms = NULL;
			}
		}
		entry = value_new_table();
		if (!terms || !entry || value_table_set_str(entry, "name", tx->key) < 0 ||
		    value_table_set_str(entry, "title", tx->title) < 0 ||
		    value_table_setc(entry, "terms", terms) < 0 || value_array_push(a, entry) < 0) {
			value_free(a);
			a = NULL;
		}
	}
	buf_free(&slug);
	buf_free(&url);
	return a;
}

static const char *kind_name(page_kind k)
{
	switch (k) {
	case PAGE_HOME: return "home";
	case PAGE_SECTION: return "section";
	case PAGE_TAXONOMY: return "taxonomy";
	case PAGE_TERM: return "term";
	default: return "page";
	}
}

/* The page context (ctx[1]) without list fields. */
static value *page_context(const rctx *c, const page *p, value **pagev)
{
	value *ctx = value_new_table(), *pv;
	const char *number, *source;

	*pagev = NULL;
	if (!ctx)
		return NULL;
	pv = page_item(c, p);
	if (!pv || value_table_setc(ctx, "page", pv) < 0)
		goto fail;
	*pagev = pv;
	if (value_table_set_str(pv, "kind", kind_name(p->kind)) < 0 ||
	    value_table_setc(pv, "permalink", permalink_value(c, p->url)) < 0 ||
	    value_table_setc(pv, "breadcrumbs", breadcrumbs(c, p)) < 0 ||
	    value_table_setc(pv, "taxonomies", page_taxonomies(c, p)) < 0 ||
	    value_table_setc(ctx, "menu", menu_value(c, p)) < 0 ||
	    value_table_set_bool(ctx, "is_home", p->kind == PAGE_HOME) < 0 ||
	    value_table_set_bool(ctx, "is_section", p->kind == PAGE_SECTION) < 0 ||
	    value_table_set_bool(ctx, "is_page", p->kind == PAGE_REGULAR) < 0 ||
	    value_table_set_bool(ctx, "is_taxonomy", p->kind == PAGE_TAXONOMY) < 0 ||
	    value_table_set_bool(ctx, "is_term", p->kind == PAGE_TERM) < 0 ||
	    value_table_set_bool(ctx, "is_404", 0) < 0)
		goto fail;
	if (value_table_set_strn(pv, "content", p->cf.md.html.ptr, p->cf.md.html.len) < 0 ||
	    value_table_set_strn(pv, "toc", p->cf.md.toc.ptr, p->cf.md.toc.len) < 0 ||
	    value_table_set_bool(pv, "has_toc", p->cf.md.toc.len > 0) < 0)
		goto fail;
	if (p->parent) {
		const page *sec = p->parent;
		const char *stitle = sec->kind == PAGE_HOME
			? value_get_str(c->s->th.strings, "home", sec->title) : sec->title;
		if (value_table_set_str(pv, "section_title", stitle) < 0 ||
		    set_url(c, pv, "section_url", sec->url) < 0)
			goto fail;
	}
	number = value_get_str(p->cf.fm, "number", NULL);
	if (number && value_table_set_bool(pv, "unnumbered", number[0] == '/' || number[0] == '\0') < 0)
		goto fail;
	source = value_get_str(p->cf.fm, "source", NULL);
	if (source && value_table_set_str(pv, "source", source) < 0)
		goto fail;
	{
		size_t i;
		for (i = 0; extenders[i]; i++)
			if (extenders[i]((render_ctx *)c, p, pv) < 0)
				goto fail;
	}
	return ctx;
fail:
	value_free(ctx);
	*pagev = NULL;
	return NULL;
}

/* Renders template name with ctx into rel below the output. */
static int render_to(rctx *c, const char *name, const value *ctx, const char *rel, const char *origin)
{
	const value *stack[2];
	buf_t html = BUF_INIT;
	int r;

	stack[0] = c->site_ctx;
	stack[1] = ctx;
	r = mustache_render(c->s->th.env, name, stack, 2, &html);
	if (r < 0) {
		if (origin) {
			char *saved = err_save();
			err_set(origin, 0, 0, "while rendering with %s: %s", name, saved ? saved : "");
			free(saved);
		}
	} else {
		r = output_write(c->out, rel, html.ptr, html.len);
		pthread_mutex_lock(&c->lock);
		c->pages++;
		if (c->f && c->f->progress)
			c->f->progress(c->f->progress_ud, c->pages, c->total);
		pthread_mutex_unlock(&c->lock);
	}
	buf_free(&html);
	return r;
}

/* "/van-ban/x/" -> "van-ban/x/index.html"; "/" -> "index.html". */
static int out_rel(buf_t *b, const char *url, int pageno)
{
	buf_reset(b);
	buf_puts(b, url + 1);
	if (pageno > 1)
		buf_printf(b, "page/%d/", pageno);
	buf_puts(b, "index.html");
	return b->oom ? err_oom() : 0;
}

static int layout_names(const page *p, buf_t *first, buf_t *second, const char *kind)
{
	const char *layout = value_get_str(p->cf.fm, "layout", NULL);

	buf_reset(first);
	buf_reset(second);
	if (layout) {
		const char *q;
		for (q = layout; *q; q++)
			if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '-' || *q == '_' || *q == '/'))
				return err_set(p->cf.path, 0, 0, "layout '%s' may hold only a-z, 0-9, '-', '_' and '/'", layout);
		buf_printf(first, "layouts/%s", layout);
		return first->oom ? err_oom() : 0;
	}
	if (p->section && p->section[0]) {
		const char *slash = strchr(p->section, '/');
		size_t n = slash ? (size_t)(slash - p->section) : strlen(p->section);
		buf_printf(first, "layouts/%.*s/%s", (int)n, p->section, kind);
	}
	buf_printf(second, "layouts/%s", kind);
	return first->oom || second->oom ? err_oom() : 0;
}

static int render_regular(rctx *c, page *p)
{
	buf_t a = BUF_INIT, b = BUF_INIT, rel = BUF_INIT;
	const char *names[2], *name;
	value *ctx = NULL, *pv;
	int r = -1;

	if (layout_names(p, &a, &b, "single") < 0)
		goto done;
	names[0] = a.len ? a.ptr : NULL;
	names[1] = b.len ? b.ptr : NULL;
	name = theme_pick(&c->s->th, names[0] ? names : names + 1, names[0] ? 2 : 1, p->cf.path);
	if (!name)
		goto done;
	ctx = page_context(c, p, &pv);
	if (!ctx || out_rel(&rel, p->url, 1) < 0)
		goto done;
	r = render_to(c, name, ctx, rel.ptr, p->cf.path);
done:
	value_free(ctx);
	md_result_free(&p->cf.md); /* the body is not needed any more */
	buf_free(&a);
	buf_free(&b);
	buf_free(&rel);
	return r;
}

/* The paginator: previous / next, and the page numbers around the current
 * one (first, last, current +- PAGER_WINDOW), with a gap entry where
 * numbers are left out, so a list of 1,000 pages does not carry 1,000
 * links on each page. */
#define PAGER_WINDOW 2
static int pager_entry(const rctx *c, value *pages, const page *p, int i, int current, buf_t *url)
{
	value *e = value_new_table();

	buf_reset(url);
	buf_puts(url, p->url);
	if (i > 1)
		buf_printf(url, "page/%d/", i);
	if (!e || url->oom || value_table_set_int(e, "number", i) < 0 ||
	    set_url(c, e, "url", url->ptr) < 0 || value_table_set_bool(e, "current", i == current) < 0 ||
	    value_table_set_bool(e, "gap", 0) < 0 || value_array_push(pages, e) < 0) {
		if (!err_isset())
			err_oom();
		return -1;
	}
	return 0;
}

static int pager_gap(value *pages)
{
	value *e = value_new_table();

	if (!e || value_table_set_str(e, "number", "") < 0 || value_table_set_str(e, "url", "") < 0 ||
	    value_table_set_bool(e, "current", 0) < 0 || value_table_set_bool(e, "gap", 1) < 0 ||
	    value_array_push(pages, e) < 0)
		return -1;
	return 0;
}

static value *paginator(const rctx *c, const page *p, int current, int total)
{
	value *v = value_new_table(), *pages = value_new_array();
	buf_t url = BUF_INIT;
	int i, lo = current - PAGER_WINDOW, hi = current + PAGER_WINDOW;

	if (!v || !pages)
		goto fail;
	/* a gap stands for two or more numbers; one number is shown instead */
	if (lo <= 3)
		lo = 1;
	if (hi >= total - 2)
		hi = total;
	if (lo > 1 && (pager_entry(c, pages, p, 1, current, &url) < 0 || pager_gap(pages) < 0))
		goto fail;
	for (i = lo; i <= hi; i++)
		if (pager_entry(c, pages, p, i, current, &url) < 0)
			goto fail;
	if (hi < total && (pager_gap(pages) < 0 || pager_entry(c, pages, p, total, current, &url) < 0))
		goto fail;
	buf_reset(&url);
	if (current > 1) {
		buf_puts(&url, p->url);
		if (current - 1 > 1)
			buf_printf(&url, "page/%d/", current - 1);
		if (url.oom || value_table_set_bool(v, "has_prev", 1) < 0 || set_url(c, v, "prev_url", url.ptr) < 0)
			goto fail;
	}
	buf_reset(&url);
	if (current < total) {
		buf_puts(&url, p->url);
		buf_printf(&url, "page/%d/", current + 1);
		if (url.oom || value_table_set_bool(v, "has_next", 1) < 0 || set_url(c, v, "next_url", url.ptr) < 0)
			goto fail;
	}
	if (value_table_set_int(v, "current", current) < 0 || value_table_set_int(v, "total", total) < 0 ||
	    value_table_setc(v, "pages", pages) < 0)
		goto fail_v;
	buf_free(&url);
	return v;
fail:
	value_free(pages);
fail_v:
	value_free(v);
	buf_free(&url);
	if (!err_isset())
		err_oom();
	return NULL;
}

/* One job: pages [from, to] of a section's or term's list. */
typedef struct {
	rctx *c;
	page *p;
	const char *name, *origin;
	int from, to, total;
} list_job;

static int list_run(void *arg)
{
	list_job *j = arg;
	rctx *c = j->c;
	page *p = j->p;
	buf_t rel = BUF_INIT;
	size_t per = (size_t)c->s->cfg.page_size, start;
	int pg, r = 0;

	for (pg = j->from; r == 0 && pg <= j->to; pg++) {
		value *pv, *ctx = page_context(c, p, &pv), *subs;
		size_t n;
		if (!ctx) {
			r = -1;
			break;
		}
		start = (size_t)(pg - 1) * per;
		n = p->npages - start < per ? p->npages - start : per;
		if (p->npages == 0)
			n = 0;
		subs = page_list(c, p->subsections, p->nsub);
		if (value_table_setc(pv, "pages", page_list(c, p->pages + start, n)) < 0 ||
		    value_table_set_bool(pv, "has_pages", n > 0) < 0 ||
		    value_table_set_int(pv, "count", (int64_t)p->npages) < 0 ||
		    value_table_setc(pv, "subsections", subs) < 0 ||
		    (p->kind == PAGE_TERM && value_table_set_str(pv, "taxonomy_title", p->tax->title) < 0) ||
		    (j->total > 1 && value_table_setc(ctx, "paginator", paginator(c, p, pg, j->total)) < 0) ||
		    out_rel(&rel, p->url, pg) < 0)
			r = -1;
		else
			r = render_to(c, j->name, ctx, rel.ptr, j->origin);
		value_free(ctx);
	}
	buf_free(&rel);
	return r;
}

/* Sections, terms: one file per page of page_size items, rendered by the
 * pool in runs of LIST_RUN pages. */
#define LIST_RUN 16
static int render_list(rctx *c, page *p, const char *kind)
{
	buf_t a = BUF_INIT, b = BUF_INIT;
	const char *names[2], *name, *origin = p->has_file ? p->cf.path : p->url;
	size_t per = (size_t)c->s->cfg.page_size;
	int total = p->npages ? (int)((p->npages + per - 1) / per) : 1, pg, r = -1;

	if (layout_names(p, &a, &b, kind) < 0)
		goto done;
	names[0] = a.len ? a.ptr : NULL;
	names[1] = b.len ? b.ptr : NULL;
	name = theme_pick(&c->s->th, names[0] ? names : names + 1, names[0] ? 2 : 1, origin);
	if (!name)
		goto done;
	for (pg = 1; pg <= total; pg += LIST_RUN) {
		size_t nlen = strlen(name) + 1;
		list_job *j = malloc(sizeof *j + nlen); /* name: theme_pick's answer points into a or b */
		if (!j) {
			err_oom();
			goto done;
		}
		j->c = c;
		j->p = p;
		j->name = memcpy((char *)(j + 1), name, nlen);
		j->origin = origin;
		j->from = pg;
		j->to = pg + LIST_RUN - 1 < total ? pg + LIST_RUN - 1 : total;
		j->total = total;
		if (pool_submit(c->pool, list_run, j, free) < 0)
			goto done;
	}
	r = 0;
done:
	buf_free(&a);
	buf_free(&b);
	return r;
}

static int render_taxonomy(rctx *c, page *p)
{
	const char *names[2] = { NULL, "layouts/taxonomy" }, *name;
	buf_t first = BUF_INIT, rel = BUF_INIT;
	value *ctx, *pv, *terms;
	size_t i;
	int r = -1;

	buf_printf(&first, "layouts/%s/taxonomy", p->tax->path);
	names[0] = first.ptr;
	name = theme_pick(&c->s->th, names, 2, c->s->cfg.path);
	if (!name) {
		buf_free(&first);
		return -1;
	}
	ctx = page_context(c, p, &pv);
	terms = value_new_array();
	for (i = 0; terms && i < p->nterms; i++) {
		value *e = value_new_table();
		if (!e || value_table_set_str(e, "name", p->terms[i].name) < 0 ||
		    set_url(c, e, "url", p->terms[i].pg->url) < 0 ||
		    value_table_set_int(e, "count", (int64_t)p->terms[i].pg->npages) < 0 ||
		    value_array_push(terms, e) < 0) {
			value_free(terms);
			terms = NULL;
		}
	}
	if (ctx && terms && value_table_setc(pv, "terms", terms) == 0 &&
	    value_table_set_bool(pv, "has_terms", p->nterms > 0) == 0 && out_rel(&rel, p->url, 1) == 0)
		r = render_to(c, name, ctx, rel.ptr, c->s->cfg.path);
	else if (!ctx)
		value_free(terms);
	value_free(ctx);
	buf_free(&first);
	buf_free(&rel);
	return r;
}

static int render_home(rctx *c, page *p)
{
	const char *names[2] = { "layouts/home", "layouts/list" }, *name;
	const char *origin = p->has_file ? p->cf.path : "content/_index.md";
	value *ctx, *pv, *sections, *recent;
	page **all = NULL;
	size_t i, n = 0;
	int r = -1;

	name = theme_pick(&c->s->th, names, 2, origin);
	if (!name)
		return -1;
	ctx = page_context(c, p, &pv);
	if (!ctx)
		return -1;
	sections = value_new_array();
	for (i = 0; sections && i < p->nsub; i++) {
		value *e = page_item(c, p->subsections[i]);
		if (!e || value_table_set_int(e, "count", (int64_t)p->subsections[i]->npages) < 0 ||
		    value_array_push(sections, e) < 0) {
			value_free(sections);
			sections = NULL;
		}
	}
	/* the newest documents of the feed section */
	for (i = 0; i < p->nsub; i++)
		if (strcmp(p->subsections[i]->section, c->s->cfg.feed_section) == 0) {
			all = p->subsections[i]->pages;
			n = p->subsections[i]->npages < 5 ? p->subsections[i]->npages : 5;
		}
	recent = page_list(c, all, n);
	if (value_table_setc(pv, "sections", sections) == 0 &&
	    value_table_setc(pv, "recent", recent) == 0 &&
	    value_table_setc(pv, "pages", page_list(c, p->pages, p->npages)) == 0 &&
	    value_table_set_bool(pv, "has_pages", p->npages > 0) == 0)
		r = render_to(c, name, ctx, "index.html", origin);
	value_free(ctx);
	md_result_free(&p->cf.md);
	return r;
}

static int render_404(rctx *c)
{
	const char *names[1] = { "layouts/404" }, *name;
	value *ctx, *pv;
	page fake;
	int r = -1;

	name = theme_pick(&c->s->th, names, 1, c->s->th.dir);
	if (!name)
		return -1;
	memset(&fake, 0, sizeof fake);
	fake.kind = PAGE_REGULAR;
	fake.url = (char *)"/404.html";
	fake.section = (char *)"";
	fake.title = (char *)value_get_str(c->s->th.strings, "not_found_title", "404");
	fake.summary = (char *)"";
	fake.parent = c->s->home;
	fake.cf.fm = value_new_table();
	if (!fake.cf.fm)
		return -1;
	ctx = page_context(c, &fake, &pv);
	if (ctx && value_table_set_bool(ctx, "is_page", 0) == 0 && value_table_set_bool(ctx, "is_404", 1) == 0 &&
	    value_table_set_str(pv, "kind", "404") == 0)
		r = render_to(c, name, ctx, "404.html", c->s->th.dir);
	value_free(ctx);
	value_free(fake.cf.fm);
	return r;
}

static int write_alias(rctx *c, const page *p, const value *alias)
{
	buf_t rel = BUF_INIT, target = BUF_INIT, html = BUF_INIT;
	const char *a = alias->u.s.ptr;
	size_t n;
	int r = -1;

	while (*a == '/')
		a++;
	buf_puts(&rel, a);
	n = rel.len;
	if (n && rel.ptr[n - 1] == '/')
		buf_truncate(&rel, n - 1);
	if (!output_path_ok(rel.ptr) || strstr(a, "//") || alias->u.s.ptr[0] != '/') {
		r = err_set(p->cf.path, alias->line, alias->col,
			    "alias \"%s\" must be a path inside the site that starts with '/', like \"/old/path/\"",
			    alias->u.s.ptr);
		goto done;
	}
	if (!(rel.len > 5 && strcmp(rel.ptr + rel.len - 5, ".html") == 0))
		buf_puts(&rel, "/index.html");
	site_url(c, &target, p->url);
	buf_puts(&html, "<!DOCTYPE html>\n<html lang=\"");
	buf_put_html(&html, c->lang, strlen(c->lang));
	buf_puts(&html, "\"><head><meta charset=\"utf-8\"><title>");
	buf_put_html(&html, p->title, strlen(p->title));
	buf_puts(&html, "</title><link rel=\"canonical\" href=\"");
	buf_put_html(&html, target.ptr, target.len);
	buf_puts(&html, "\"><meta http-equiv=\"refresh\" content=\"0; url=");
	buf_put_html(&html, target.ptr, target.len);
	buf_puts(&html, "\"></head><body><p><a href=\"");
	buf_put_html(&html, target.ptr, target.len);
	buf_puts(&html, "\">");
	buf_put_html(&html, p->title, strlen(p->title));
	buf_puts(&html, "</a></p></body></html>\n");
	if (rel.oom || target.oom || html.oom) {
		err_oom();
		goto done;
	}
	r = output_write(c->out, rel.ptr, html.ptr, html.len);
done:
	buf_free(&rel);
	buf_free(&target);
	buf_free(&html);
	return r;
}

static int xml_text(buf_t *b, const char *s)
{
	return buf_put_xml(b, s, strlen(s));
}

static int write_feed(rctx *c)
{
	const page *sec = NULL;
	buf_t x = BUF_INIT, d = BUF_INIT;
	size_t i, n;
	int r;

	for (i = 0; i < c->s->home->nsub; i++)
		if (strcmp(c->s->home->subsections[i]->section, c->s->cfg.feed_section) == 0)
			sec = c->s->home->subsections[i];
	buf_puts(&x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>");
	xml_text(&x, c->s->cfg.title);
	buf_puts(&x, "</title>\n<link href=\"");
	xml_text(&x, c->s->cfg.base_url);
	buf_puts(&x, "/feed.xml\" rel=\"self\"/>\n<link href=\"");
	xml_text(&x, c->s->cfg.base_url);
	buf_puts(&x, "/\"/>\n<id>");
	xml_text(&x, c->s->cfg.base_url);
	buf_puts(&x, "/</id>\n<updated>");
	n = sec ? (sec->npages < (size_t)c->s->cfg.feed_size ? sec->npages : (size_t)c->s->cfg.feed_size) : 0;
	if (n && sec->pages[0]->cf.has_date)
		iso_date(&x, &sec->pages[0]->cf.date);
	else
		iso_date(&x, &c->today);
	buf_puts(&x, "T00:00:00+07:00</updated>\n<author><name>");
	xml_text(&x, value_str(value_get_path(c->s->cfg.raw, "unit.name"), c->s->cfg.title));
	buf_puts(&x, "</name></author>\n");
	for (i = 0; i < n; i++) {
		const page *p = sec->pages[i];
		buf_reset(&d);
		buf_puts(&d, c->s->cfg.base_url);
		buf_puts(&d, p->url);
		buf_puts(&x, "<entry>\n<title>");
		xml_text(&x, p->title);
		buf_puts(&x, "</title>\n<link href=\"");
		xml_text(&x, d.ptr);
		buf_puts(&x, "\"/>\n<id>");
		xml_text(&x, d.ptr);
		buf_puts(&x, "</id>\n<updated>");
		iso_date(&x, p->cf.has_date ? &p->cf.date : &c->today);
		buf_puts(&x, "T00:00:00+07:00</updated>\n<summary>");
		xml_text(&x, p->summary ? p->summary : "");
		buf_puts(&x, "</summary>\n</entry>\n");
	}
	buf_puts(&x, "</feed>\n");
	r = x.oom || d.oom ? err_oom() : output_write(c->out, "feed.xml", x.ptr, x.len);
	buf_free(&x);
	buf_free(&d);
	return r;
}

static int write_sitemap(rctx *c)
{
	buf_t x = BUF_INIT;
	size_t i;
	int r;

	buf_puts(&x, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (i = 0; i < c->s->nall; i++) {
		const page *p = c->s->all[i];
		if (p->claimed)
			continue;
		buf_puts(&x, "<url><loc>");
		xml_text(&x, c->s->cfg.base_url);
		xml_text(&x, p->url);
		buf_puts(&x, "</loc>");
		if (p->cf.has_lastmod || p->cf.has_date) {
			buf_puts(&x, "<lastmod>");
			iso_date(&x, p->cf.has_lastmod ? &p->cf.lastmod : &p->cf.date);
			buf_puts(&x, "</lastmod>");
		}
		buf_puts(&x, "</url>\n");
	}
	for (i = 0; i < c->nextra; i++) {
		buf_puts(&x, "<url><loc>");
		xml_text(&x, c->s->cfg.base_url);
		xml_text(&x, c->extra[i].url);
		buf_puts(&x, "</loc></url>\n");
	}
	buf_puts(&x, "</urlset>\n");
	r = x.oom ? err_oom() : output_write(c->out, "sitemap.xml", x.ptr, x.len);
	buf_free(&x);
	return r;
}

static int write_robots(rctx *c)
{
	buf_t x = BUF_INIT;
	int r;

	buf_printf(&x, "User-agent: *\nAllow: /\nSitemap: %s/sitemap.xml\n", c->s->cfg.base_url);
	r = x.oom ? err_oom() : output_write(c->out, "robots.txt", x.ptr, x.len);
	buf_free(&x);
	return r;
}

static int copy_files(rctx *c)
{
	buf_t src = BUF_INIT, rel = BUF_INIT;
	size_t i;
	int r = 0;

	for (i = 0; r == 0 && i < c->s->th.nstatic; i++) {
		buf_reset(&src);
		buf_printf(&src, "%s/static/%s", c->s->th.dir, c->s->th.static_files[i]);
		r = src.oom ? err_oom() : output_copy(c->out, c->s->th.static_files[i], src.ptr);
	}
	for (i = 0; r == 0 && i < c->s->nassets; i++) {
		buf_reset(&rel);
		buf_printf(&rel, "content/%s", c->s->assets[i]);
		r = rel.oom ? err_oom() : site_path(c->s, &src, rel.ptr);
		if (r == 0)
			r = output_copy(c->out, c->s->assets[i], src.ptr);
	}
	buf_free(&src);
	buf_free(&rel);
	return r;
}

static value *site_context(rctx *c, buf_t *root)
{
	value *ctx = value_new_table(), *sv, *t;
	const char *base = c->s->cfg.base_url, *p;
	buf_t b = BUF_INIT;
	int sample;

	if (!ctx)
		return NULL;
	/* the root is base_url's path: "https://x.vn/cchc" -> "/cchc/" */
	p = strstr(base, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	buf_puts(root, p ? p : "");
	buf_putc(root, '/');
	sv = value_copy(c->s->cfg.raw);
	t = value_copy(c->s->th.strings);
	if (!sv || !t || value_table_setc(ctx, "site", sv) < 0) {
		value_free(t);
		goto fail;
	}
	if (value_table_setc(ctx, "t", t) < 0)
		goto fail;
	c->root = root->ptr;
	sample = value_truthy(value_get_path(sv, "hotline.sample")) ||
		 value_truthy(value_get_path(sv, "params.sample_data"));
	buf_printf(&b, "%s", root->ptr);
	if (value_table_set_str(sv, "root", root->ptr) < 0 ||
	    set_url(c, sv, "feed_url", "/feed.xml") < 0 ||
	    value_table_set_bool(sv, "sample_notice", sample) < 0 ||
	    value_table_set_int(sv, "year", c->today.year) < 0)
		goto fail;
	buf_reset(&b);
	iso_date(&b, &c->today);
	if (value_table_set_strn(sv, "build_date", b.ptr, b.len) < 0)
		goto fail;
	buf_reset(&b);
	fmt_date_vi(&b, &c->today);
	if (value_table_set_strn(sv, "build_date_vi", b.ptr, b.len) < 0)
		goto fail;
	buf_free(&b);
	return ctx;
fail:
	buf_free(&b);
	value_free(ctx);
	return NULL;
}

/* 1 when the filter (if any) wants page p rendered. */
static int wanted(const rctx *c, const page *p)
{
	return !c->f || !c->f->want || c->f->want(c->f->ud, p);
}

/* Pages a full render writes, about (for progress). */
static size_t expected_pages(const rctx *c)
{
	size_t i, n = 2, per = (size_t)c->s->cfg.page_size;

	for (i = 0; i < c->s->nall; i++) {
		const page *p = c->s->all[i];
		if (!wanted(c, p))
			continue;
		if (p->kind == PAGE_SECTION || p->kind == PAGE_TERM)
			n += p->npages ? (p->npages + per - 1) / per : 1;
		else if (p->kind != PAGE_HOME)
			n++;
	}
	return n;
}

typedef struct {
	rctx *c;
	page *p;
} regular_job;

static int extra_cmp(const void *a, const void *b)
{
	const struct extra_url *x = a, *y = b;

	if (x->gen != y->gen)
		return x->gen < y->gen ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void gen_job_free(void *arg);
static int gen_job_run(void *arg);

static int regular_run(void *arg)
{
	regular_job *j = arg;
	return render_regular(j->c, j->p);
}

int render_site(site *s, output *out, const value_dt *today)
{
	return render_site_some(s, out, today, NULL);
}

int render_site_some(site *s, output *out, const value_dt *today, const render_filter *f)
{
	rctx c;
	buf_t root = BUF_INIT;
	size_t i, j, mark;
	int r = -1;

	memset(&c, 0, sizeof c);
	mark = warn_count();
	pthread_mutex_init(&c.lock, NULL);
	c.pool = pool_new(f && f->jobs ? f->jobs : pool_jobs());
	if (!c.pool) {
		pthread_mutex_destroy(&c.lock);
		return -1;
	}
	c.s = s;
	c.out = out;
	c.lang = s->cfg.language;
	c.today = *today;
	c.f = f;
	if (f && f->progress)
		c.total = expected_pages(&c);
	c.site_ctx = site_context(&c, &root);
	if (!c.site_ctx)
		goto done;
	/* content pages, in parallel, queued at once; the generators' and the
	 * lists' pages below go ahead of those still queued */
	for (i = 0; i < s->nall; i++) {
		regular_job *rj;
		if (s->all[i]->kind != PAGE_REGULAR || !wanted(&c, s->all[i]))
			continue;
		rj = malloc(sizeof *rj);
		if (!rj) {
			err_oom();
			goto done;
		}
		rj->c = &c;
		rj->p = s->all[i];
		if (pool_submit_later(c.pool, regular_run, rj, free) < 0)
			goto done;
	}
	/* the generators, on this thread while the pool writes the content
	 * pages (their own pages go to the pool too, ahead of the content
	 * pages still queued); those marked after_pages once every content
	 * page is written */
	for (i = 0; (!f || f->generators) && generators[i].fn; i++) {
		c.gen = (int)i;
		if (!generators[i].after_pages && generators[i].fn(&c) < 0)
			goto done;
	}
	/* lists of sections and terms (generators may have claimed some) */
	for (i = 0; i < s->nall; i++) {
		page *p = s->all[i];
		if (p->claimed || !wanted(&c, p))
			continue;
		if ((p->kind == PAGE_SECTION && render_list(&c, p, "list") < 0) ||
		    (p->kind == PAGE_TERM && render_list(&c, p, "term") < 0) ||
		    (p->kind == PAGE_TAXONOMY && render_taxonomy(&c, p) < 0))
			goto done;
	}
	if (pool_wait(c.pool) < 0)
		goto fail;
	/* pages taking over a content page's URL: after that page */
	for (i = 0; i < c.ndeferred; i++) {
		gen_job *gj = c.deferred[i];
		page *parent = gj->fake.parent;
		c.deferred[i] = NULL;
		gj->fake = *gj->from;
		gj->fake.parent = parent;
		if (pool_submit(c.pool, gen_job_run, gj, gen_job_free) < 0)
			goto done;
	}
	for (i = 0; (!f || f->generators) && generators[i].fn; i++) {
		c.gen = (int)i;
		if (generators[i].after_pages && generators[i].fn(&c) < 0)
			goto done;
	}
	/* the sitemap lists generated pages by generator, each in its order */
	if (c.nextra > 1)
		qsort(c.extra, c.nextra, sizeof *c.extra, extra_cmp);
	if (f && !f->site_files) {
		/* a changed summary shows on the home page and in the feed */
		if (f->home_feed && (render_home(&c, s->home) < 0 || write_feed(&c) < 0))
			goto done;
		if (pool_wait(c.pool) < 0)
			goto fail;
		r = 0;
		goto done;
	}
	if (render_home(&c, s->home) < 0 || render_404(&c) < 0)
		goto done;
	for (i = 0; i < s->nall; i++) {
		const value *al = value_table_get(s->all[i]->cf.fm, "aliases");
		for (j = 0; j < value_len(al); j++)
			if (write_alias(&c, s->all[i], al->u.a.items[j]) < 0)
				goto done;
	}
	if (write_feed(&c) < 0 || write_sitemap(&c) < 0 || write_robots(&c) < 0 || copy_files(&c) < 0)
		goto done;
	if (pool_wait(c.pool) < 0)
		goto fail;
	r = 0;
done:
	/* a failure on this thread: let the jobs in flight finish first; the
	 * pool's own error, if one came first, wins (as with --jobs 1) */
	if (r < 0) {
		char *mine = err_save();
		if (pool_wait(c.pool) == 0)
			err_restore(mine);
		else
			free(mine);
	}
fail:
	pool_free(c.pool);
	pthread_mutex_destroy(&c.lock);
	warn_sort_from(mark);
	value_free(c.site_ctx);
	for (i = 0; i < c.nextra; i++)
		free(c.extra[i].url);
	free(c.extra);
	for (i = 0; i < c.ndeferred; i++)
		if (c.deferred[i])
			gen_job_free(c.deferred[i]);
	free(c.deferred);
	buf_free(&root);
	return r;
}

int render_url(const render_ctx *c, buf_t *out, const char *url)
{
	return site_url(c, out, url) < 0 || out->oom ? err_oom() : 0;
}

site *render_site_of(const render_ctx *c)
{
	return c->s;
}

int render_incremental(const render_ctx *c, page *const **changed, size_t *n)
{
	int inc = c->f && c->f->incremental;

	if (changed)
		*changed = inc ? c->f->changed : NULL;
	if (n)
		*n = inc ? c->f->nchanged : 0;
	return inc;
}

const value_dt *render_today(const render_ctx *c)
{
	return &c->today;
}

int render_file_out(render_ctx *c, const char *rel, const void *data, size_t len)
{
	return output_write(c->out, rel, data, len);
}

int render_file_remove(render_ctx *c, const char *rel)
{
	return output_remove(c->out, rel);
}

static int merge_fields(value *dst, value *src)
{
	size_t i;

	if (!src)
		return 0;
	for (i = 0; i < src->u.t.len; i++) {
		if (value_table_set(dst, src->u.t.keys[i], src->u.t.klens[i], src->u.t.vals[i]) < 0) {
			src->u.t.vals[i] = NULL;
			value_free(src);
			return -1;
		}
		src->u.t.vals[i] = NULL;
	}
	value_free(src);
	return 0;
}


static void gen_job_free(void *arg)
{
	gen_job *j = arg;

	if (j->own_fm)
		value_free(j->fake.cf.fm);
	value_free(j->crumbs);
	value_free(j->fields);
	free(j->name);
	free(j->url);
	free(j->title);
	free(j->origin);
	free(j);
}

static int gen_job_run(void *arg)
{
	gen_job *j = arg;
	rctx *c = j->c;
	value *ctx, *pv;
	buf_t rel = BUF_INIT;
	int r = -1;

	ctx = page_context(c, &j->fake, &pv);
	if (!ctx)
		goto done;
	if (j->crumbs) {
		value *bc = value_table_get(pv, "breadcrumbs");
		size_t i;
		for (i = 0; i < value_len(j->crumbs); i++) {
			value *e = value_at(j->crumbs, i), *ne = value_new_table();
			if (!ne || value_table_set_str(ne, "title", value_get_str(e, "title", "")) < 0 ||
			    set_url(c, ne, "url", value_get_str(e, "url", "/")) < 0 || value_array_push(bc, ne) < 0)
				goto done;
		}
	}
	if (value_table_set_str(pv, "kind", "data") < 0)
		goto done;
	r = merge_fields(pv, j->fields);
	j->fields = NULL;
	if (r < 0 || out_rel(&rel, j->url, 1) < 0) {
		r = -1;
		goto done;
	}
	r = render_to(c, j->name, ctx, rel.ptr, j->origin);
done:
	value_free(ctx);
	buf_free(&rel);
	return r;
}

int render_page_out(render_ctx *c, const render_page *rp)
{
	page *content = site_find(c->s, rp->url);
	const char *name;
	gen_job *j;
	char *u;

	name = theme_pick(&c->s->th, rp->layouts, rp->nlayouts, rp->origin);
	j = name ? calloc(1, sizeof *j) : NULL;
	if (!j) {
		if (name)
			err_oom();
		value_free(rp->crumbs);
		value_free(rp->fields);
		return -1;
	}
	j->c = c;
	j->crumbs = rp->crumbs;
	j->fields = rp->fields;
	j->name = strdup(name);
	j->url = strdup(rp->url);
	j->title = strdup(rp->title ? rp->title : "");
	j->origin = rp->origin ? strdup(rp->origin) : NULL;
	if (!j->name || !j->url || !j->title || (rp->origin && !j->origin))
		goto oom;
	if (content && content->kind == PAGE_REGULAR) {
		/* that page may be being written right now: this one is written
		 * after it (and wins), once every content page is done */
		j->from = content;
		content->claimed = 1;
	} else if (content && content->kind == PAGE_SECTION) {
		j->fake = *content;
		content->claimed = 1;
	} else {
		j->fake.kind = PAGE_REGULAR;
		j->fake.url = j->url;
		j->fake.section = (char *)"";
		j->fake.title = j->title;
		j->fake.summary = (char *)"";
		j->fake.cf.fm = value_new_table();
		j->own_fm = 1;
		if (!j->fake.cf.fm)
			goto oom;
	}
	j->fake.parent = c->s->home;
	/* listed in the sitemap in the generators' order, then each one's */
	if (c->nextra == c->capextra) {
		size_t cap = c->capextra ? c->capextra * 2 : 32;
		struct extra_url *n = realloc(c->extra, cap * sizeof *n);
		if (!n)
			goto oom;
		c->extra = n;
		c->capextra = cap;
	}
	u = strdup(rp->url);
	if (!u)
		goto oom;
	c->extra[c->nextra].url = u;
	c->extra[c->nextra].gen = c->gen;
	c->extra[c->nextra].seq = c->nextra;
	c->nextra++;
	if (j->from) {
		if (c->ndeferred == c->capdeferred) {
			size_t cap = c->capdeferred ? c->capdeferred * 2 : 8;
			gen_job **n = realloc(c->deferred, cap * sizeof *n);
			if (!n)
				goto oom;
			c->deferred = n;
			c->capdeferred = cap;
		}
		c->deferred[c->ndeferred++] = j;
		return 0;
	}
	return pool_submit(c->pool, gen_job_run, j, gen_job_free);
oom:
	gen_job_free(j);
	return err_oom();
}
