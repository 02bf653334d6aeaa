#include "site.h"

#include "docs.h"
#include "history.h"
#include "pool.h"
#include "err.h"
#include "fs.h"
#include "query.h"
#include "text.h"
#include "vni.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int site_path(const site *s, buf_t *out, const char *rel)
{
	if (strcmp(s->source, ".") == 0) {
		buf_reset(out);
		return buf_puts(out, rel) < 0 ? err_oom() : 0;
	}
	return fs_join(out, s->source, rel);
}

static int push_page(page ***list, size_t *len, size_t *cap, page *p)
{
	if (*len == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		page **n = realloc(*list, ncap * sizeof *n);
		if (!n)
			return err_oom();
		*list = n;
		*cap = ncap;
	}
	(*list)[(*len)++] = p;
	return 0;
}

/* A new page registered in s->all; NULL when out of memory. */
static page *new_page(site *s, page_kind kind, page *parent)
{
	page *p = calloc(1, sizeof *p);

	if (!p) {
		err_oom();
		return NULL;
	}
	p->kind = kind;
	p->parent = parent;
	md_result_init(&p->cf.md);
	if (push_page(&s->all, &s->nall, &s->capall, p) < 0) {
		free(p);
		return NULL;
	}
	p->cf.fm = value_new_table();
	if (!p->cf.fm)
		return NULL;
	return p;
}

static void free_page(page *p)
{
	size_t i;

	content_free(&p->cf);
	free(p->section);
	free(p->url);
	free(p->title);
	free(p->summary);
	free(p->pages);
	free(p->subsections);
	for (i = 0; i < p->nterms; i++) {
		free(p->terms[i].name);
		free(p->terms[i].slug);
	}
	free(p->terms);
	free(p);
}

static int push_asset(site *s, const char *rel)
{
	if (s->nassets == s->capassets) {
		size_t cap = s->capassets ? s->capassets * 2 : 16;
		char **n = realloc(s->assets, cap * sizeof *n);
		if (!n)
			return err_oom();
		s->assets = n;
		s->capassets = cap;
	}
	s->assets[s->nassets] = strdup(rel);
	if (!s->assets[s->nassets])
		return err_oom();
	s->nassets++;
	return 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Handlers of fenced blocks by the first word of their info string
 * ("query chart=bar" -> "query"). Each module that renders a kind of block
 * adds itself here. */
typedef struct {
	const char *word;
	int (*fn)(site *s, const char *path, buf_t *out, const char *info,
		  const char *code, size_t len, int line);
} block_handler;

static const block_handler block_handlers[] = {
	{ "query", query_block },
	{ NULL, NULL }
};

typedef struct {
	site *s;
	const char *path;
} block_ctx;

/* The data is read on a thread of its own while the Markdown files are
 * read (site_load()); a block handler waits for it. */
typedef struct {
	site *s;
	char *dir, *dbfile;
	int r;             /* data_open()'s result */
	char *err;         /* its error (err_save()) */
	int done;
	pthread_t t;
} data_loader;

/* Files are read on several threads (load_all()); handlers run one at a
 * time, as they share the site's database connection. */
static pthread_mutex_t block_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t data_ready = PTHREAD_COND_INITIALIZER;
static data_loader *loading; /* the data being read, or NULL (block_lock) */

static void *data_thread(void *arg)
{
	data_loader *dl = arg;
	int r = data_open(&dl->s->db, dl->dir, dl->dbfile);
	char *e = r < 0 ? err_save() : NULL;

	pthread_mutex_lock(&block_lock);
	dl->r = r;
	dl->err = e;
	dl->done = 1;
	pthread_cond_broadcast(&data_ready);
	pthread_mutex_unlock(&block_lock);
	return NULL;
}

static int dispatch_block(void *ud, buf_t *out, const char *info, const char *code, size_t len, int line)
{
	const block_ctx *bc = ud;
	size_t i, n = strcspn(info, " \t");
	int r;

	for (i = 0; block_handlers[i].word; i++)
		if (strlen(block_handlers[i].word) == n && strncmp(info, block_handlers[i].word, n) == 0) {
			pthread_mutex_lock(&block_lock);
			while (loading && !loading->done)
				pthread_cond_wait(&data_ready, &block_lock);
			if (loading && loading->r < 0)
				r = err_set(bc->path, line, 1, "the data could not be read (see the error in data/)");
			else
				r = block_handlers[i].fn(bc->s, bc->path, out, info, code, len, line);
			pthread_mutex_unlock(&block_lock);
			return r;
		}
	return 0;
}

/* Reads one Markdown file into a page. rel is below content/. */
int site_read_content(site *s, content_file *cf, const char *path)
{
	buf_t src = BUF_INIT;
	md_options mo = MD_OPTIONS_INIT;
	block_ctx bc;
	int r;

	memset(cf, 0, sizeof *cf);
	md_result_init(&cf->md);
	bc.s = s;
	bc.path = path;
	mo.unsafe_html = s->cfg.unsafe_html;
	mo.block = dispatch_block;
	mo.block_ud = &bc;
	r = fs_read(path, &src);
	if (r == 0)
		r = vni_warn(path, src.ptr, src.len); /* text pasted in a legacy encoding */
	if (r == 0)
		r = content_parse(cf, src.ptr, src.len, path, &mo);
	buf_free(&src);
	return r;
}

static int load_md(site *s, page *p, const char *rel, const char *path)
{
	content_file cf;

	(void)rel;
	if (site_read_content(s, &cf, path) < 0)
		return -1;
	content_free(&p->cf);
	p->cf = cf;
	p->has_file = 1;
	return 0;
}

static int set_str(char **dst, const char *s, size_t len)
{
	free(*dst);
	*dst = strndup(s, len);
	return *dst ? 0 : err_oom();
}

/* A Markdown file found by walk(), read later (in parallel) by load_all(). */
typedef struct {
	page *p;     /* the page it becomes (a section for _index.md) */
	char *path;  /* as messages show it */
	char *name;  /* the file name, for the slug */
} pending;

typedef struct {
	pending *v;
	size_t len, cap;
} pending_list;

static int push_pending(pending_list *l, page *p, const char *path, const char *name)
{
	pending *e;

	if (l->len == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		pending *n = realloc(l->v, cap * sizeof *n);
		if (!n)
			return err_oom();
		l->v = n;
		l->cap = cap;
	}
	e = &l->v[l->len];
	e->p = p;
	e->path = strdup(path);
	e->name = strdup(name);
	if (!e->path || !e->name) {
		free(e->path);
		free(e->name);
		return err_oom();
	}
	l->len++;
	return 0;
}

static void pending_free(pending_list *l)
{
	size_t i;

	for (i = 0; i < l->len; i++) {
		free(l->v[i].path);
		free(l->v[i].name);
	}
	free(l->v);
}

/* Walks content/<rel> (rel "" for the root) whose section page is sec:
 * makes the pages and sections in folder order and lists the Markdown
 * files to read in *found. */
static int walk(site *s, const char *rel, page *sec, const site_options *opts, pending_list *found)
{
	buf_t dir = BUF_INIT, path = BUF_INIT, sub = BUF_INIT, slug = BUF_INIT, url = BUF_INIT;
	fs_list l = { NULL, 0 };
	size_t i;
	int r = -1;

	if (fs_join(&sub, "content", rel) < 0 || site_path(s, &dir, sub.ptr) < 0)
		goto done;
	if (fs_list_dir(dir.ptr, &l) < 0)
		goto done;
	for (i = 0; i < l.len; i++) {
		const char *name = l.names[i];
		struct stat st;

		if (name[0] == '.')
			continue;
		if (fs_join(&path, dir.ptr, name) < 0 || fs_join(&sub, rel, name) < 0)
			goto done;
		if (lstat(path.ptr, &st) < 0) {
			err_set(path.ptr, 0, 0, "cannot read");
			goto done;
		}
		if (S_ISLNK(st.st_mode)) {
			err_set(path.ptr, 0, 0, "is a symbolic link: congkhai does not follow links out of content/; copy the file in instead");
			goto done;
		}
		if (S_ISDIR(st.st_mode)) {
			page *child = new_page(s, PAGE_SECTION, sec);
			if (!child)
				goto done;
			buf_reset(&slug);
			if (text_slug(&slug, name, strlen(name)) < 0)
				goto done;
			if (!slug.len) {
				err_set(path.ptr, 0, 0, "cannot make a URL from this folder name: use letters or digits");
				goto done;
			}
			buf_reset(&url);
			if (sec->section[0])
				buf_printf(&url, "%s/", sec->section);
			buf_put(&url, slug.ptr, slug.len);
			if (url.oom || set_str(&child->section, url.ptr, url.len) < 0)
				goto done;
			buf_reset(&url);
			buf_printf(&url, "/%s/", child->section);
			if (url.oom || set_str(&child->url, url.ptr, url.len) < 0 ||
			    push_page(&sec->subsections, &sec->nsub, &sec->capsub, child) < 0)
				goto done;
			if (walk(s, sub.ptr, child, opts, found) < 0)
				goto done;
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		if (!ends_with(name, ".md")) {
			if (push_asset(s, sub.ptr) < 0)
				goto done;
			continue;
		}
		if (strcmp(name, "_index.md") == 0) {
			if (push_pending(found, sec, path.ptr, name) < 0)
				goto done;
			continue;
		}
		if (opts->skip && opts->skip(opts->skip_ud, path.ptr))
			continue;
		{
			page *p = new_page(s, PAGE_REGULAR, sec);
			if (!p || set_str(&p->section, sec->section, strlen(sec->section)) < 0 ||
			    push_pending(found, p, path.ptr, name) < 0)
				goto done;
		}
	}
	r = 0;
done:
	fs_list_free(&l);
	buf_free(&dir);
	buf_free(&path);
	buf_free(&sub);
	buf_free(&slug);
	buf_free(&url);
	return r;
}

/* One job of load_all(). */
typedef struct {
	site *s;
	pending *e;
} load_job;

static int load_run(void *arg)
{
	load_job *j = arg;
	return load_md(j->s, j->e->p, NULL, j->e->path);
}

/* A regular page read by load_all(): leaves it out when it is a draft
 * (*dropped set), else gives it its URL and puts it in its section. */
static int place_page(site *s, pending *e, const site_options *opts, int *dropped)
{
	page *p = e->p, *sec = p->parent;
	buf_t slug = BUF_INIT, url = BUF_INIT;
	const char *fs_slug;
	int r = -1;

	*dropped = 0;
	if (p->cf.draft && !opts->drafts) {
		s->drafts_skipped++;
		*dropped = 1;
		return 0;
	}
	fs_slug = value_get_str(p->cf.fm, "slug", NULL);
	if (fs_slug)
		r = text_slug(&slug, fs_slug, strlen(fs_slug));
	else
		r = text_slug(&slug, e->name, strlen(e->name) - 3);
	if (r < 0)
		goto done;
	r = -1;
	if (!slug.len) {
		const value *v = value_table_get(p->cf.fm, "slug");
		err_set(e->path, v ? v->line : 1, v ? v->col : 1,
			"cannot make a URL from %s: set slug = \"...\" with letters or digits",
			fs_slug ? "this slug" : "the file name");
		goto done;
	}
	buf_putc(&url, '/');
	if (sec->section[0])
		buf_printf(&url, "%s/", sec->section);
	buf_put(&url, slug.ptr, slug.len);
	buf_putc(&url, '/');
	if (url.oom || set_str(&p->url, url.ptr, url.len) < 0 ||
	    push_page(&sec->pages, &sec->npages, &sec->cappages, p) < 0)
		goto done;
	r = 0;
done:
	buf_free(&slug);
	buf_free(&url);
	return r;
}

/* Reads every file walk() found on pool_jobs() threads, then places the
 * pages in folder order, as one thread would. */
static int load_all(site *s, pending_list *found, const site_options *opts)
{
	pool *pl = pool_new(pool_jobs());
	size_t i, k, mark = warn_count();
	int r = 0;

	if (!pl)
		return -1;
	for (i = 0; r == 0 && i < found->len; i++) {
		load_job *j = malloc(sizeof *j);
		if (!j) {
			r = err_oom();
			break;
		}
		j->s = s;
		j->e = &found->v[i];
		r = pool_submit_later(pl, load_run, j, free);
	}
	if (pool_wait(pl) < 0)
		r = -1;
	pool_free(pl);
	warn_sort_from(mark);
	if (r < 0)
		return -1;
	for (i = 0; i < found->len; i++) {
		int dropped;
		if (found->v[i].p->kind != PAGE_REGULAR)
			continue;
		if (place_page(s, &found->v[i], opts, &dropped) < 0)
			return -1;
		if (dropped) {
			page *p = found->v[i].p;
			for (k = 0; k < s->nall && s->all[k] != p; k++)
				;
			if (k < s->nall)
				memmove(s->all + k, s->all + k + 1, (s->nall - k - 1) * sizeof *s->all);
			s->nall--;
			free_page(p);
			found->v[i].p = NULL;
		}
	}
	return 0;
}

static int date_cmp(const page *a, const page *b)
{
	const value_dt *x = &a->cf.date, *y = &b->cf.date;

	if (a->cf.has_date != b->cf.has_date)
		return a->cf.has_date ? -1 : 1;
	if (!a->cf.has_date)
		return 0;
	if (x->year != y->year)
		return x->year > y->year ? -1 : 1;
	if (x->month != y->month)
		return x->month > y->month ? -1 : 1;
	if (x->day != y->day)
		return x->day > y->day ? -1 : 1;
	if (x->hour != y->hour)
		return x->hour > y->hour ? -1 : 1;
	if (x->minute != y->minute)
		return x->minute > y->minute ? -1 : 1;
	return 0;
}

/* Lists: newest first, then weight (lower first), then title, then URL. */
static int page_cmp(const void *pa, const void *pb)
{
	const page *a = *(page *const *)pa, *b = *(page *const *)pb;
	int c = date_cmp(a, b);

	if (c)
		return c;
	if (a->cf.weight != b->cf.weight)
		return a->cf.weight < b->cf.weight ? -1 : 1;
	c = strcmp(a->title, b->title);
	if (c)
		return c;
	return strcmp(a->url, b->url);
}

/* Sections by weight, then title. */
static int section_cmp(const void *pa, const void *pb)
{
	const page *a = *(page *const *)pa, *b = *(page *const *)pb;

	if (a->cf.weight != b->cf.weight)
		return a->cf.weight < b->cf.weight ? -1 : 1;
	return strcmp(a->title, b->title);
}

static int finish_page(page *p)
{
	const char *t = p->cf.title, *sum;

	if (!t) {
		t = p->kind == PAGE_SECTION ? (strrchr(p->section, '/') ? strrchr(p->section, '/') + 1 : p->section) : "";
		if (p->kind == PAGE_REGULAR && !*t)
			t = p->url;
	}
	if (!p->title && set_str(&p->title, t, strlen(t)) < 0)
		return -1;
	sum = value_get_str(p->cf.fm, "summary", NULL);
	if (sum)
		return set_str(&p->summary, sum, strlen(sum));
	return set_str(&p->summary, p->cf.md.summary.ptr, p->cf.md.summary.len);
}

static int term_cmp(const void *pa, const void *pb)
{
	const term *a = pa, *b = pb;
	return strcmp(a->slug, b->slug);
}

static int add_term(site *s, page *taxp, const value *v, page *p, const char *path)
{
	buf_t slug = BUF_INIT, url = BUF_INIT;
	term *t = NULL;
	size_t i;
	int r = -1;

	if (v->kind != V_STRING || v->u.s.len == 0)
		return err_set(path, v->line, v->col, "'%s' must be a string or a list of strings", taxp->tax->key);
	if (text_slug(&slug, v->u.s.ptr, v->u.s.len) < 0)
		goto done;
	if (!slug.len) {
		err_set(path, v->line, v->col, "cannot make a URL from the term \"%s\": use letters or digits", v->u.s.ptr);
		goto done;
	}
	for (i = 0; i < taxp->nterms; i++)
		if (strcmp(taxp->terms[i].slug, slug.ptr) == 0) {
			t = &taxp->terms[i];
			break;
		}
	if (!t) {
		if (taxp->nterms == taxp->capterms) {
			size_t cap = taxp->capterms ? taxp->capterms * 2 : 8;
			term *n = realloc(taxp->terms, cap * sizeof *n);
			if (!n) {
				err_oom();
				goto done;
			}
			taxp->terms = n;
			taxp->capterms = cap;
		}
		t = &taxp->terms[taxp->nterms];
		memset(t, 0, sizeof *t);
		t->name = strdup(v->u.s.ptr);
		t->slug = strdup(slug.ptr);
		if (!t->name || !t->slug) {
			free(t->name);
			free(t->slug);
			err_oom();
			goto done;
		}
		taxp->nterms++;
		t->pg = new_page(s, PAGE_TERM, taxp);
		if (!t->pg)
			goto done;
		t->pg->tax = taxp->tax;
		buf_printf(&url, "%s%s/", taxp->url, slug.ptr);
		if (url.oom || set_str(&t->pg->url, url.ptr, url.len) < 0 ||
		    set_str(&t->pg->title, t->name, strlen(t->name)) < 0 ||
		    set_str(&t->pg->section, taxp->section, strlen(taxp->section)) < 0)
			goto done;
	}
	for (i = 0; i < t->pg->npages; i++)
		if (t->pg->pages[i] == p) {
			r = 0; /* listed twice in one page: once is enough */
			goto done;
		}
	r = push_page(&t->pg->pages, &t->pg->npages, &t->pg->cappages, p);
done:
	buf_free(&slug);
	buf_free(&url);
	return r;
}

static int build_taxonomies(site *s)
{
	size_t ti, i, j, nregular = s->nall;
	buf_t url = BUF_INIT;

	for (ti = 0; ti < s->cfg.ntaxonomies; ti++) {
		const config_taxonomy *tx = &s->cfg.taxonomies[ti];
		page *taxp = new_page(s, PAGE_TAXONOMY, s->home);

		if (!taxp)
			goto fail;
		taxp->tax = tx;
		buf_reset(&url);
		buf_printf(&url, "/%s/", tx->path);
		if (url.oom || set_str(&taxp->url, url.ptr, url.len) < 0 ||
		    set_str(&taxp->title, tx->title, strlen(tx->title)) < 0 ||
		    set_str(&taxp->section, tx->path, strlen(tx->path)) < 0 ||
		    set_str(&taxp->summary, "", 0) < 0)
			goto fail;
		for (i = 0; i < nregular; i++) {
			page *p = s->all[i];
			const value *v;
			if (p->kind != PAGE_REGULAR)
				continue;
			v = value_table_get(p->cf.fm, tx->key);
			if (!v)
				continue;
			if (v->kind == V_ARRAY) {
				for (j = 0; j < v->u.a.len; j++)
					if (add_term(s, taxp, v->u.a.items[j], p, p->cf.path) < 0)
						goto fail;
			} else if (add_term(s, taxp, v, p, p->cf.path) < 0) {
				goto fail;
			}
		}
		if (taxp->nterms)
			qsort(taxp->terms, taxp->nterms, sizeof *taxp->terms, term_cmp);
		for (i = 0; i < taxp->nterms; i++) {
			page *tp = taxp->terms[i].pg;
			if (set_str(&tp->summary, "", 0) < 0)
				goto fail;
			if (tp->npages > 1)
				qsort(tp->pages, tp->npages, sizeof *tp->pages, page_cmp);
		}
	}
	buf_free(&url);
	return 0;
fail:
	buf_free(&url);
	return -1;
}

static int url_cmp(const void *pa, const void *pb)
{
	const page *a = *(page *const *)pa, *b = *(page *const *)pb;
	return strcmp(a->url, b->url);
}

static const char *page_origin(const page *p)
{
	if (p->has_file)
		return p->cf.path;
	if (p->kind == PAGE_TAXONOMY || p->kind == PAGE_TERM)
		return "site.toml";
	return p->url;
}

/* Sorts the URL index and refuses two pages with one URL. */
static int check_unique_urls(site *s)
{
	page **sorted;
	size_t i;
	int r = 0;

	free(s->by_url);
	s->by_url = sorted = malloc((s->nall ? s->nall : 1) * sizeof *sorted);
	if (!sorted)
		return err_oom();
	memcpy(sorted, s->all, s->nall * sizeof *sorted);
	if (s->nall > 1)
		qsort(sorted, s->nall, sizeof *sorted, url_cmp);
	for (i = 1; i < s->nall; i++)
		if (strcmp(sorted[i - 1]->url, sorted[i]->url) == 0) {
			r = err_set(page_origin(sorted[i]), 0, 0,
				    "the URL %s is also made by %s: give one of them another slug",
				    sorted[i]->url, page_origin(sorted[i - 1]));
			break;
		}
	return r;
}

static int url_key_cmp(const void *key, const void *elem)
{
	return strcmp(key, (*(page *const *)elem)->url);
}

page *site_find(const site *s, const char *url)
{
	page **p;

	if (!s->by_url)
		return NULL;
	p = bsearch(url, s->by_url, s->nall, sizeof *s->by_url, url_key_cmp);
	return p ? *p : NULL;
}

/* Starts reading data/ (and the db file, when set) on a thread; without
 * threads, reads it at once. 0 / -1 (only when it ran at once and failed). */
static int data_start(data_loader *dl, site *s, const char *dir, const char *dbfile)
{
	memset(dl, 0, sizeof *dl);
	dl->s = s;
	dl->dir = strdup(dir);
	dl->dbfile = dbfile ? strdup(dbfile) : NULL;
	if (!dl->dir || (dbfile && !dl->dbfile)) {
		free(dl->dir);
		free(dl->dbfile);
		return err_oom();
	}
	pthread_mutex_lock(&block_lock);
	loading = dl;
	pthread_mutex_unlock(&block_lock);
	if (pool_jobs() > 1 && pthread_create(&dl->t, NULL, data_thread, dl) == 0)
		return 0;
	dl->t = pthread_self();
	data_thread(dl);
	return 0;
}

/* Waits for the data; 0, or -1 with its error. */
static int data_join(data_loader *dl)
{
	int r;

	if (!pthread_equal(dl->t, pthread_self()))
		pthread_join(dl->t, NULL);
	pthread_mutex_lock(&block_lock);
	loading = NULL;
	pthread_mutex_unlock(&block_lock);
	free(dl->dir);
	free(dl->dbfile);
	r = dl->r;
	if (r < 0)
		err_restore(dl->err);
	return r;
}

int site_load(site *s, const site_options *opts)
{
	buf_t path = BUF_INIT, cfgpath = BUF_INIT;
	data_loader dl;
	int wr;
	size_t i;

	memset(s, 0, sizeof *s);
	s->source = strdup(opts->source ? opts->source : ".");
	if (!s->source)
		return err_oom();
	if (opts->config) {
		if (buf_puts(&cfgpath, opts->config) < 0)
			goto oom;
	} else if (site_path(s, &cfgpath, "site.toml") < 0) {
		goto fail;
	}
	if (config_load(&s->cfg, cfgpath.ptr) < 0)
		goto fail;
	if (opts->base_url && config_set_base_url(&s->cfg, opts->base_url) < 0)
		goto fail;
	if (fs_join(&path, "themes", s->cfg.theme) < 0 || site_path(s, &cfgpath, path.ptr) < 0)
		goto fail;
	if (theme_load(&s->th, cfgpath.ptr, s->cfg.language) < 0)
		goto fail;
	{
		const value *dbv = value_get_path(s->cfg.raw, "data.db");
		const char *dbfile = NULL;
		if (dbv && dbv->kind != V_STRING) {
			err_set(s->cfg.path, dbv->line, dbv->col, "[data] db must be a file name in quotes");
			goto fail;
		}
		if (dbv) {
			if (strstr(dbv->u.s.ptr, "..") || dbv->u.s.ptr[0] == '/') {
				err_set(s->cfg.path, dbv->line, dbv->col, "[data] db must be a file inside the site folder");
				goto fail;
			}
			if (site_path(s, &cfgpath, dbv->u.s.ptr) < 0)
				goto fail;
			dbfile = cfgpath.ptr;
		}
		/* the data loads beside the Markdown (its errors come first) */
		if (site_path(s, &path, "data") < 0 || data_start(&dl, s, path.ptr, dbfile) < 0)
			goto fail;
	}
	s->home = new_page(s, PAGE_HOME, NULL);
	if (!s->home || set_str(&s->home->section, "", 0) < 0 || set_str(&s->home->url, "/", 1) < 0)
		wr = -1;
	else if (site_path(s, &path, "content") < 0)
		wr = -1;
	else if (!fs_is_dir(path.ptr))
		wr = err_set(path.ptr, 0, 0, "content folder not found: a site needs content/ with Markdown files");
	else {
		pending_list found = { NULL, 0, 0 };
		wr = walk(s, "", s->home, opts, &found);
		if (wr == 0)
			wr = load_all(s, &found, opts);
		pending_free(&found);
	}
	{
		char *mine = wr < 0 ? err_save() : NULL;
		if (data_join(&dl) < 0) {
			free(mine);
			goto fail;
		}
		if (wr < 0) {
			err_restore(mine);
			goto fail;
		}
	}
	for (i = 0; i < s->nall; i++)
		if (finish_page(s->all[i]) < 0)
			goto fail;
	if (!s->home->cf.title && set_str(&s->home->title, s->cfg.title, strlen(s->cfg.title)) < 0)
		goto fail;
	if (build_taxonomies(s) < 0)
		goto fail;
	for (i = 0; i < s->nall; i++) {
		page *p = s->all[i];
		if (p->kind == PAGE_SECTION || p->kind == PAGE_HOME) {
			if (p->npages > 1)
				qsort(p->pages, p->npages, sizeof *p->pages, page_cmp);
			if (p->nsub > 1)
				qsort(p->subsections, p->nsub, sizeof *p->subsections, section_cmp);
		}
	}
	if (check_unique_urls(s) < 0)
		goto fail;
	if (docs_load(s) < 0) /* docs.h: the citations between documents */
		goto fail;
	if (history_load(&s->history, s->source, &s->cfg) < 0) /* history.h: dates and changes from git */
		goto fail;
	buf_free(&path);
	buf_free(&cfgpath);
	return 0;
oom:
	err_oom();
fail:
	buf_free(&path);
	buf_free(&cfgpath);
	{
		char *saved = err_save();
		site_free(s);
		err_restore(saved);
	}
	return -1;
}

void site_free(site *s)
{
	size_t i;

	docs_free(s->docs);
	history_free(s->history);
	for (i = 0; i < s->nall; i++)
		free_page(s->all[i]);
	free(s->all);
	for (i = 0; i < s->nassets; i++)
		free(s->assets[i]);
	free(s->assets);
	free(s->by_url);
	data_close(s->db);
	theme_free(&s->th);
	config_free(&s->cfg);
	free(s->source);
	memset(s, 0, sizeof *s);
}
